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
