"""Joining a party in what it does (PLOVER COOPERATE; the CAMEO coder codes *join* with a party as
its object): no hand-written trigger of patterns/events.jsonl keeps the coder's code away ("X joined
Y in the fight against Z"). Joining talks or an organization is no cooperation with a party.
Constructed sentences."""

from __future__ import annotations

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "Northern Front": ("front", EntityType.ORGANIZATION), "Union": ("union", EntityType.ORGANIZATION)}


def _events(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]


def test_joining_a_party_in_a_fight_cooperates_with_it(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania joined Freedonia in the fight against the Northern Front.")
    assert (EventType.COOPERATE, ("ruritania",), ("freedonia",)) in found, found


@pytest.mark.parametrize("text", ["Ruritania joined the talks.", "Ruritania joined the Union."])
def test_joining_talks_or_an_organization_is_no_cooperation(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.COOPERATE for kind, _, _ in _events(annotated, text))


# ----------- a refusal to join or take part (PLOVER REJECT; CAMEO DECLINE * JOIN [121]), not the act denied


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Ruritania will not join Freedonia in the blockade of Elbonia.", ("freedonia",)),
        ("Ruritania refused to join Freedonia in the blockade of Elbonia.", ("freedonia",)),
        ("Ruritania won't take part in the negotiations with Freedonia.", ("freedonia",)),
        ("Ruritania declined to participate in the conference with Freedonia.", ("freedonia",)),
        ("Ruritania will not join the coalition.", ()),
    ],
)
def test_a_refusal_to_join_or_take_part_is_a_stated_rejection(read_readings, text, targets) -> None:  # type: ignore[no-untyped-def]
    found = read_readings(text, NAMES)
    assert (EventType.REJECT, ("ruritania",), targets, False, False) in found, found
    # No cooperation or meeting stated as real: the act refused stays negated, if read at all.
    assert not any(kind in (EventType.COOPERATE, EventType.CONSULT, EventType.AGREE) and not negated
                   for kind, _, _, negated, _ in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania joins Freedonia in condemning the attack.",
        "Ruritania will join the coalition.",
        "Ruritania did not refuse to join Freedonia in the blockade.",
        "Alma Vask says that Ruritania will not join Freedonia in the blockade.",  # her forecast, not Ruritania's word
        "Ruritania will negotiate with Freedonia.",
        "Ruritania plans to enter negotiations with Freedonia.",
        "Ruritania may not negotiate with Freedonia.",
        "Ruritania did not refuse to negotiate with Freedonia.",
        "Ruritania will not have a role in the talks with Freedonia.",  # the object is a role, not talks
        "Alma Vask says that Ruritania will not negotiate with Freedonia.",  # her forecast, not Ruritania's word
    ],
)
def test_joining_negotiating_or_a_forecast_of_not_doing_so_rejects_nothing(read_readings, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.REJECT for kind, *_ in read_readings(text, NAMES))


def test_a_refusal_that_may_come_stays_hypothetical(read_readings) -> None:  # type: ignore[no-untyped-def]
    found = read_readings("Ruritania may refuse to join Freedonia in the blockade.", NAMES)
    assert {(kind, hypothetical) for kind, _, _, _, hypothetical in found if kind is EventType.REJECT} == {(EventType.REJECT, True)}, found


# ----------- a refusal to negotiate (PLOVER REJECT; CAMEO REFUSE * NEGOTIATION [125]), not a meeting denied


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Ruritania refuses to negotiate with Freedonia.", ("freedonia",)),
        ("Ruritania will not negotiate with Freedonia.", ("freedonia",)),
        ("Ruritania does not plan to enter negotiations with Freedonia.", ("freedonia",)),
        ("Ruritania will not hold talks with Freedonia.", ("freedonia",)),
        ("Ruritania declined to negotiate.", ()),
    ],
)
def test_a_refusal_to_negotiate_is_a_stated_rejection(read_readings, text, targets) -> None:  # type: ignore[no-untyped-def]
    found = read_readings(text, NAMES)
    assert (EventType.REJECT, ("ruritania",), targets, False, False) in found, found
    # The meeting or agreement refused is the rejection, not a negated fact beside it.
    assert not any(kind in (EventType.CONSULT, EventType.AGREE) for kind, *_ in found), found


def test_a_refused_joint_act_stays_beside_the_refusal(read_readings) -> None:  # type: ignore[no-untyped-def]
    # Only the meeting or agreement refused gives way; the act a joining would have done stays
    # a negated fact of its own.
    found = read_readings("Ruritania will not join Freedonia in attacking Elbonia.", NAMES)
    assert (EventType.REJECT, ("ruritania",), ("freedonia",), False, False) in found, found
    assert any(kind is EventType.ASSAULT and negated for kind, _, _, negated, _ in found), found
