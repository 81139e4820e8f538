"""Attacks told with no party in their clause: the victims of a gapped passive ("are killed and
others injured in an attack"), an attack's own victims ("an attack *on* police officers") and the
state a place lies in ("in X, *Ruritania*") that are no authors of it, and the place the attack's
phrase names; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Puerto López": ("harbour", EntityType.LOCATION),  # real words: the parse that leaves the
    "Manabí Province": ("province", EntityType.LOCATION),  # province and its state out of the phrase
    "Ecuador": ("ecuador", EntityType.STATE),
    "police officers": ("officers", EntityType.GROUP, None, False),
    "gunmen": ("gunmen", EntityType.GROUP, None, False),
}


def _assaults(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.location, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Five police officers are killed and others injured in a bandit attack in Red Harbour.", ("officers",)),
        ("Four people are killed in an attack on police officers in Red Harbour.", ()),
        ("Two people are injured in a bombing targeting police officers in Red Harbour.", ()),
        ("Six people, including a two-year-old girl, are killed and three others are injured in a mass shooting at a"
         " beach in Puerto López, Manabí Province, Ecuador.", ()),
        ("Twelve people are killed in a bombing at a mosque inside a school in Red Harbour.", ()),
    ],
)
def test_an_attack_told_without_a_party_is_stated_at_its_place(annotated, text, targets) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any(actors == () and set(targets) <= set(found_targets) and place == "harbour" and score >= 0.5
               for actors, found_targets, place, score in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Four people are killed in an attack on police officers by gunmen in Red Harbour.",  # its author stands in it
        "Four people are killed in a Ruritanian attack on police officers in Red Harbour.",
        "Four people are killed and others injured in a gas explosion in Red Harbour.",  # no attack
        "The refinery in Red Harbour shuts down after a gas explosion.",
        "The refinery in Red Harbour shuts down after the drone strike.",  # told elsewhere
        "Officials in Red Harbour fear a drone strike.",  # feared, not reported
        "Attacks on police officers in Red Harbour must stop.",  # generic
        "Police officers must not be killed in attacks in Red Harbour.",
    ],
)
def test_no_actorless_attack_where_its_author_is_named_or_none_happened(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any(actors == () and score >= 0.5 for actors, _, _, score in found), found


def test_a_party_an_arrest_is_made_on_is_no_victim(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Omar Tellen is arrested on a Ruritanian warrant in Red Harbour.", NAMES)
    assert not any("ruritania" in event.targets for event in events.extract(doc, entities, article))
