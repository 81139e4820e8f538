"""A named party's attack on unnamed civilians only ("two civilians are killed in a Ruritanian drone
strike in Red Harbour") struck the place on land it happened in: the place is its target. Not a sea,
not a place it happened near, not a fight between sides or a riot, not victims who are fighters or
police, not a place of the attacker's own state; constructed sentences."""

import dataclasses

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

# surface -> (key, type, kind, named), and the CAMEO sector of each group
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Blue Sea": ("blue_sea", EntityType.LOCATION),
    "civilians": ("civilians", EntityType.GROUP, None, False),
    "people": ("people", EntityType.GROUP, None, False),
    "villagers": ("villagers", EntityType.GROUP, None, False),
    "militants": ("militants", EntityType.GROUP, None, False),
    "police officers": ("police_officers", EntityType.GROUP, None, False),
    "police": ("police", EntityType.GROUP, None, False),
}
SECTORS = {"civilians": "CVL", "people": "PPL", "villagers": "CVL", "militants": "REB", "police_officers": "COP", "police": "COP"}


def _assaults(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    entities = tuple(dataclasses.replace(e, sector=SECTORS[e.key]) if e.key in SECTORS else e for e in entities)
    return [(event.actors, event.targets) for event in events.extract(doc, entities, article)
            if event.type is EventType.ASSAULT and event.provenance.confidence >= 0.5]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Two civilians are killed in a Ruritanian drone strike in Red Harbour.",
        "Ruritanian airstrikes kill 27 people in Red Harbour.",
        "At least 40 villagers are killed during an attack by Ruritania in the town of Red Harbour.",
        # the attack a noun under "after / following" tells struck the victims where they were
        "Five people are killed in Red Harbour after a Ruritanian missile strike.",
        "Two civilians are injured in Red Harbour following Ruritanian drone attacks.",
        "Three villagers are killed in Red Harbour after an airstrike by Ruritania.",
    ],
)
def test_an_attack_on_civilians_targets_the_place_it_struck(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any("ruritania" in actors and "harbour" in targets for actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a body of water
        "Two people are killed in a Ruritanian airstrike on a boat in the Blue Sea.",
        # a place beside what was hit
        "Two civilians are killed in a Ruritanian airstrike near Red Harbour.",
        # a fight between sides
        "Ten people are killed by Ruritanian soldiers during a battle with rebels in Red Harbour.",
        "Ten people are killed in clashes between Ruritania and Freedonia in Red Harbour.",
        # victims who are fighters or police
        "Ruritanian airstrikes kill 27 militants in Red Harbour.",
        "Ruritania kills five police officers in Red Harbour.",
        # no named attacker: a police raid, a riot
        "Five people are killed in a police raid in Red Harbour.",
        "Two people are killed in riots in Red Harbour.",
        # the attacker's own state
        "Two civilians are killed in a Ruritanian airstrike in Red Harbour, Ruritania.",
        "Two civilians are killed in a Ruritanian drone strike on a wedding in Red Harbour, Ruritania.",
    ],
)
def test_no_place_target_for_water_nearby_fights_other_victims_or_home(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any("harbour" in targets or "blue_sea" in targets for _, targets in found), found


def test_the_state_named_for_the_place_stays_the_target(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, "Nine people are killed in a Ruritanian airstrike on Red Harbour, Freedonia.")
    assert any(targets == ("freedonia",) for _, targets in found), found
    assert not any("harbour" in targets for _, targets in found), found



@pytest.mark.parametrize(
    "text",
    [
        # no attack: an accident, a fight between sides, an attack no one owns
        "Two people are killed in Red Harbour after a car crash involving a Ruritanian truck.",
        "Ten people are killed in Red Harbour after clashes between Ruritania and Freedonia.",
        "Five people are killed in Red Harbour after an airstrike.",
        # victims who are fighters; the attacker's own state
        "Ten militants are killed in Red Harbour after a Ruritanian airstrike.",
        "Two civilians are killed in Red Harbour, Ruritania, after a Ruritanian airstrike.",
        # the place it happened beside
        "Two civilians are killed near Red Harbour after a Ruritanian airstrike.",
    ],
)
def test_no_place_target_after_no_owned_attack_or_a_side_or_home(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any("harbour" in targets for _, targets in found), found
