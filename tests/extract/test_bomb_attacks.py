"""Bombings told by their bomb: a bomb's blast as the attack ("a car bomb *explosion* kills", "in an
improvised explosive device explosion"), its author where the text gives one ("planted by X",
"attributed to X") and the place of a bomb that goes off "inside / outside" a building in a place;
no attack from a gas explosion, a bomb defused, found or only feared (constructed sentences)."""

from __future__ import annotations

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Northern Front": ("front", EntityType.ORGANIZATION),
    "people": ("people", EntityType.GROUP, None, False),
    "soldiers": ("soldiers", EntityType.GROUP, None, False),
}


def _assaults(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.location, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb explosion near a hotel in Red Harbour kills three people.",
        "A roadside bomb blast in Red Harbour kills three soldiers.",
        "Nine soldiers are injured in an improvised explosive device explosion in Red Harbour.",
        "Two people are killed in a bomb blast near a market in Red Harbour.",
        "A bomb explodes inside a market in Red Harbour, killing ten people.",
        "A bomb explodes outside a police station in Red Harbour.",
    ],
)
def test_a_bomb_told_by_its_blast_is_an_attack_at_its_place(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any(actors == () and place == "harbour" and score >= 0.5 for actors, place, score in found), found


@pytest.mark.parametrize(
    "text",
    [
        "A bomb blast attributed to the Northern Front kills three soldiers in Red Harbour.",
        "A bomb blast blamed on the Northern Front kills three soldiers in Red Harbour.",
        "A bomb planted by the Northern Front explodes in Red Harbour.",
        "An improvised explosive device left by the Northern Front kills three soldiers in Red Harbour.",
    ],
)
def test_the_author_a_bomb_is_attributed_to_carried_out_its_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any(actors == ("front",) and place == "harbour" and score >= 0.5 for actors, place, score in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Four people are killed in a gas explosion inside a house in Red Harbour.",  # no bomb
        "An explosion at an ammunition depot in Red Harbour kills four soldiers.",
        "Police defuse a bomb inside a school in Red Harbour.",  # no blast
        "An unexploded bomb is found in Red Harbour.",
        "Police investigate a bomb threat at a school in Red Harbour.",
        "Officials fear a bomb may explode inside the market in Red Harbour.",  # feared, not reported
        "Police say a bomb did not explode inside the market in Red Harbour.",  # denied
        "A man attempts to detonate a bomb inside a mosque in Red Harbour.",  # attempted, a plan
    ],
)
def test_no_attack_from_a_blast_with_no_bomb_nor_a_bomb_that_did_not_go_off(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any(score >= 0.5 for _, _, score in found), found
