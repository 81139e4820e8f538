"""Coded verbs read in the sense their dictionary block gives them (constructed sentences): a
meeting held somewhere is a consultation, not an intent to meet; a verb of giving with nothing
given ("contributed to a newspaper") is no aid; calling someone's thing a name is no phone call;
telling someone what is so asks nothing of them; paying for a loss accuses no one; submitting a
document to someone yields nothing to them; pushing a force back asks nothing of it."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ORG = EntityType.ORGANIZATION
NAMES = {**FICTIONAL_NAMES, "Northern Herald": ("herald", ORG)}


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask contacted Omar Tellen at the summit.",
        "Alma Vask met Omar Tellen at the summit in Geneva.",
        "Alma Vask contacted Omar Tellen over the refugees out at sea.",
        "Alma Vask met Omar Tellen for talks.",
    ],
)
def test_a_meeting_held_is_a_consultation(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.CONSULT, ("vask",), ("tellen",)) in found, found
    assert not any(kind is EventType.AGREE for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Omar Tellen contributed to the Northern Herald among other news organizations.",
        "Omar Tellen, who contributed to the Northern Herald, was killed.",
        "Ruritania contributed to Freedonia.",
    ],
)
def test_a_verb_of_giving_with_nothing_given_is_no_aid(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind in (EventType.AID, EventType.COOPERATE) for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania donated $5 million to Freedonia.",
        "Ruritania contributed troops to Freedonia.",
        "Ruritania gave Freedonia humanitarian aid.",
        "Ruritania provided Freedonia with assistance.",
    ],
)
def test_a_verb_of_giving_with_something_given_still_codes(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert any(kind in (EventType.AID, EventType.COOPERATE) and actors == ("ruritania",) and "freedonia" in targets
               for kind, actors, targets in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask called Omar Tellen's proposed deal \"lousy\" on Monday.",
        "Alma Vask called Omar Tellen's plan a disaster.",
        "Speaking in the capital, Alma Vask called the investigation into Omar Tellen \"a farce\".",
        "Alma Vask called Ruritania's offer unacceptable.",
    ],
)
def test_calling_a_thing_of_someone_a_name_calls_no_one(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.CONSULT for kind, _, _ in read_events(text, NAMES))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Alma Vask called Omar Tellen to discuss the war.", "tellen"),
        ("Alma Vask called Omar Tellen about the refugees.", "tellen"),
        ("Alma Vask called the president of Ruritania to discuss the war.", "ruritania"),
    ],
)
def test_a_phone_call_reaches_the_party_called(read_events, text, target) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.CONSULT, ("vask",), (target,)) in read_events(text, NAMES)


# A speech verb's complement says which act it is: *tell* with a that-clause or a quotation is a
# statement or an interview (CAMEO codes TELL as a statement, EXPLAIN_VERBAL 010); only *tell Y to
# do* asks Y to act.
@pytest.mark.parametrize(
    "text",
    [
        "Omar Tellen tells the newspaper Northern Herald that the border will reopen.",
        "Alma Vask told Omar Tellen that Ruritania would not yield.",
        'Alma Vask tells Omar Tellen: "We will not yield."',
        "Alma Vask told reporters in Freedonia that Ruritania had attacked Elbonia.",
        "Alma Vask told Omar Tellen about the talks.",
    ],
)
def test_telling_what_is_so_requests_nothing(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.REQUEST for kind, _, _ in read_events(text, NAMES))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania tells Freedonia to close its embassy.", "freedonia"),
        ("Alma Vask told Omar Tellen to withdraw the troops from the border.", "tellen"),
    ],
)
def test_telling_someone_to_act_is_a_request(read_events, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert any(kind is EventType.REQUEST and target in targets for kind, _, targets in found), found


# CAMEO files *compensate* under PURCHASE with its own code 114, "complain officially": paying for
# a loss accuses no one.
@pytest.mark.parametrize(
    "text",
    [
        "Ruritania agrees to compensate the victims of the crash.",
        "Ruritania will compensate Freedonia for the damaged embassy.",
    ],
)
def test_compensating_accuses_no_one(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.ACCUSE for kind, _, _ in read_events(text, NAMES))


# CAMEO's SUBMIT block codes the verb alone 080 "yield" ("submit to X", beside ABIDE BY, ACCEDE,
# COMPLY); with an object its own patterns code it by what is handed over (a proposal or petition
# 020, legislation 034, a resignation 0831, evidence 130), never yield: a thing submitted to a party
# is no concession to it.
@pytest.mark.parametrize(
    "text",
    [
        "Ruritania submitted a report to Freedonia on Tuesday.",
        "Ruritania submits its annual budget plan to Freedonia.",
        "A document submitted by Ruritania to Freedonia last year names the officers.",
        "The plan was submitted to Freedonia by Ruritania.",
        "Ruritania submitted a request to Freedonia for help.",
    ],
)
def test_submitting_something_yields_nothing(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind is EventType.CONCEDE for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania submitted to Freedonia after weeks of fighting.",
        "Ruritania finally submits to Freedonia.",
    ],
)
def test_submitting_to_a_party_is_still_a_concession(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.CONCEDE, ("ruritania",), ("freedonia",)) in found, found


def test_a_submitted_resignation_is_still_a_retreat(read_events) -> None:  # type: ignore[no-untyped-def]
    found = read_events("Alma Vask submitted her resignation to Omar Tellen.", NAMES)
    assert any(kind is EventType.RETREAT and actors == ("vask",) for kind, actors, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania pushes Freedonia back from the border.",
        "Ruritanian troops push Freedonian forces back across the river.",
        "Ruritania deployed troops, pushing Freedonian forces back.",
    ],
)
def test_pushing_a_force_back_asks_nothing_of_it(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, {**NAMES, "Ruritanian": ("ruritania", EntityType.STATE), "Freedonian": ("freedonia", EntityType.STATE)})
    assert not any(kind is EventType.REQUEST for kind, _, _ in found), found


def test_pushing_a_party_to_act_still_asks_it(read_events) -> None:  # type: ignore[no-untyped-def]
    found = read_events("Ruritania pushes Freedonia to withdraw its troops.", NAMES)
    assert (EventType.REQUEST, ("ruritania",), ("freedonia",)) in found, found
