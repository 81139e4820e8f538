"""Which event an exercise noun or the noun *call* stands for (constructed sentences).

An exercise held by two parties or more (a conjoined subject, "with X", "between X and Y") is one
COOPERATE between them, as the PLOVER codebook codes joint military exercises, and no MOBILIZE of
each; one party's exercise, or one state's forces' ("the Ruritanian Navy and Air Force"), stays a
MOBILIZE. A call *for* something is a demand, never a phone call between its parties; a phone
call with someone, or between two leaders, is a CONSULT."""

from __future__ import annotations

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ORGANIZATION = EntityType.ORGANIZATION
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Navy": ("navy", ORGANIZATION),
    "Air Force": ("air_force", ORGANIZATION),
}


def _events(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        ("Ruritania and Freedonia begin the Balikatan military exercises.", ("freedonia",)),
        ("Ruritania and Freedonia began joint military drills.", ("freedonia",)),
        ("Ruritania and Freedonia conduct military exercises.", ("freedonia",)),  # CAMEO: conduct exercises, 150
        ("Ruritania holds military exercises with Freedonia.", ("freedonia",)),
        ("Military exercises between Ruritania and Freedonia begin on Monday.", ("freedonia",)),
        ("Ruritania, Freedonia and Elbonia hold naval drills.", ("freedonia", "elbonia")),
    ],
)
def test_an_exercise_of_several_parties_is_one_cooperation(annotated, text, partners) -> None:  # type: ignore[no-untyped-def]
    assert _events(annotated, text) == [(EventType.COOPERATE, ("ruritania",), partners)]


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Ruritania holds naval exercises in the Red Sea.", ("ruritania",), ()),
        ("Ruritania conducts military drills near Freedonia.", ("ruritania",), ("freedonia",)),
        ("Ruritania holds joint exercises.", ("ruritania",), ()),  # its partner unnamed
        ("The Ruritanian Navy and Air Force hold drills.", ("navy", "air_force", "ruritania"), ()),
    ],
)
def test_one_partys_exercise_is_its_mobilization(annotated, text, actors, targets) -> None:  # type: ignore[no-untyped-def]
    assert _events(annotated, text) == [(EventType.MOBILIZE, actors, targets)]


def test_an_operation_against_someone_is_no_cooperation_with_them(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania launches a military operation against Freedonia.")
    assert not [event for event in found if event[0] is EventType.COOPERATE], found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania reaffirmed its call for Freedonia's withdrawal.",
        "Alma Vask repeated her call for Omar Tellen's resignation.",
        "Alma Vask renewed calls for Omar Tellen to resign.",
        "Alma Vask addressed reporters, calling for Omar Tellen to be brought to justice.",
    ],
)
def test_a_call_for_something_is_no_phone_call(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert not [event for event in found if event[0] is EventType.CONSULT], found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask had a phone call with Omar Tellen.",
        "A call between Alma Vask and Omar Tellen took place on Monday.",
        "Alma Vask's call with Omar Tellen lasted an hour.",
    ],
)
def test_a_call_with_someone_is_a_consultation(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.CONSULT, ("vask",), ("tellen",)) in _events(annotated, text)


# A call *for* someone *to* act (the parser hangs "for" on the clause as its subordinator) is a
# request to them, as CAMEO's CALL block reads *call for / call on X to*; never a phone call.
FOR_CLAUSE_NAMES = {**NAMES, "Vellist Front": ("vellist_front", ORGANIZATION)}


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Alma Vask calls for Freedonia to withdraw its troops.", (EventType.REQUEST, ("vask",), ("freedonia",))),
        ("Ruritania calls for Omar Tellen to resign.", (EventType.REQUEST, ("ruritania",), ("tellen",))),
        ("Elbonia called for Freedonia to be expelled from the alliance.",
         (EventType.REQUEST, ("elbonia",), ("freedonia",))),
    ],
)
def test_a_call_for_someone_to_act_is_a_request_to_them(annotated, text, asked) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert asked in found, found
    assert not [event for event in found if event[0] is EventType.CONSULT], found


def test_a_call_for_a_party_to_act_names_the_group_not_its_demonyms_state(annotated) -> None:  # type: ignore[no-untyped-def]
    # The parser gives *calls* two subjects, the descriptor "group" and the name: the descriptor
    # (and the state of its demonym) is no party of the call.
    doc, entities, article = annotated("Ruritanian militant group Vellist Front calls for Freedonia to cease its attacks.",
                                       FOR_CLAUSE_NAMES)
    found = [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]
    assert (EventType.REQUEST, ("vellist_front",), ("freedonia",)) in found, found
    assert not [event for event in found if event[0] is EventType.CONSULT or "ruritania" in event[1]], found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania calls for calm as Freedonia attacks Elbonia.",  # "as": no for-clause
        "Alma Vask calls for talks so that Freedonia can rebuild.",
    ],
)
def test_another_clause_after_a_call_names_no_one_called_upon(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert not [event for event in found if event[0] is EventType.REQUEST and "freedonia" in event[2]], found


def test_calling_someone_is_still_a_phone_call(annotated) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.CONSULT, ("vask",), ("tellen",)) in _events(annotated, "Alma Vask calls Omar Tellen.")
