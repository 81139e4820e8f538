"""Parties the argument paths used not to reach (constructed sentences): the speakers of an
accusation noun in a "from" phrase of come/arrive ("condemnation of X came from Y and Z"), each
of a list of parties acting on its own, and a party in a hyphened modifier ("a U.S.-led
coalition"), or named after a title and its "of" phrase ("a summit with President of France Emmanuel
Macron")."""

from __future__ import annotations

from datetime import date

import pytest

from kg.records import Article, Event, EventType
from fictional_names import FICTIONAL_NAMES as NAMES


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Condemnation of Freedonia came from Ruritania and Elbonia.", ["ruritania", "elbonia"]),
        ("Criticism of Freedonia came from Ruritania.", ["ruritania"]),
        ("Statements of condemnation of Freedonia have come from Alma Vask and Ruritania.", ["vask", "ruritania"]),
        ("Sharp criticism of Freedonia arrived from Elbonia on Monday.", ["elbonia"]),
    ],
)
def test_the_speakers_of_an_accusation_that_came_from_them(read_events, text, speakers) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert sorted(found) == sorted((EventType.ACCUSE, (speaker,), ("freedonia",)) for speaker in speakers), found


@pytest.mark.parametrize(
    "text",
    [
        "Condemnation of the attack on Freedonia came from Ruritania.",  # the attack is not Ruritania's
        "Calls for a ceasefire came from Ruritania and Elbonia.",  # no meeting between them
        "The delegation of Freedonia came from Ruritania.",
        "News of the talks with Freedonia came from Ruritania.",
    ],
)
def test_nothing_else_comes_from_the_from_phrase(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not [event for event in found if event[0] is not EventType.ACCUSE and "ruritania" in event[1]], found


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "target"),
    [
        ("Alma Vask held talks with the President of Ruritania Omar Tellen.", EventType.CONSULT, "vask", "tellen"),
        ("Alma Vask attended a summit with President of Ruritania Omar Tellen.", EventType.CONSULT, "vask", "tellen"),
        ("The president of Ruritania threatened Freedonia.", EventType.THREATEN, "ruritania", "freedonia"),
        ("The head of Ruritania's delegation criticised Freedonia.", EventType.ACCUSE, "ruritania", "freedonia"),
    ],
)
def test_a_title_stands_for_whom_its_of_phrase_names(read_events, text, event_type, actor, target) -> None:  # type: ignore[no-untyped-def]
    assert (event_type, (actor,), (target,)) in read_events(text, NAMES), read_events(text, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "The head of the household criticised Freedonia.",
        "A delegate for Ruritania criticised Freedonia.",  # "for" is whom a spokesperson speaks for only
    ],
)
def test_a_title_of_no_party_stands_for_no_one(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not [event for event in read_events(text, NAMES) if event[1]], read_events(text, NAMES)


def test_a_party_in_a_hyphened_modifier_is_reached(pipeline) -> None:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(Article(id="led", text="Saudi Arabia joined the U.S.-led coalition.", published=date(2025, 11, 29)))
    label = {entity.key: entity.label for entity in extraction.entities}
    parties = {(label[a], label[t]) for claim in extraction.claims if isinstance(claim, Event)
               for a in claim.actors for t in claim.targets}  # fmt: skip
    assert ("Saudi Arabia", "United States") in parties, extraction.claims


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ruritania killed Omar Tellen's son in an airstrike.", "tellen"),  # the son, not his father
        ("Freedonia arrested Alma Vask's wife.", "vask"),
        ("Alma Vask's aide met Omar Tellen.", "vask"),
        ("Ruritania detained Omar Tellen's lawyer.", "tellen"),
    ],
)
def test_a_relative_named_through_a_possessive_is_another_person(read_events, text, absent) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(absent in (*actors, *targets) for _, actors, targets in found), found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania condemned Freedonia's foreign minister.", "freedonia"),  # a representative stands for the state
        ("Ruritania struck Freedonia's capital.", "freedonia"),
    ],
)
def test_a_possessive_of_an_office_or_place_still_names_its_party(read_events, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert any(target in targets for _, _, targets in found), found
