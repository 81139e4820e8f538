"""A named party's attack on unnamed civilians only ("two civilians are killed in a Ruritanian drone
strike in Red Harbour"), or one by armed men no name stands for ("gunmen", "bandits"), struck the
place on land it happened in: the place is its target, where a state is named after it too. Not a
sea, not a place it happened near, not a fight between sides or a riot, not victims who are fighters
or police, not an attack by police, soldiers, protesters or a lone man, not a place of the
attacker's own state; constructed sentences."""

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
    "Red Brigade": ("red_brigade", EntityType.ORGANIZATION),
    "Freedonian": ("freedonia", EntityType.STATE),
    "gunmen": ("gunmen", EntityType.GROUP, None, False),
    "Gunmen": ("gunmen", EntityType.GROUP, None, False),
    "bandits": ("bandits", EntityType.GROUP, None, False),
    "Bandits": ("bandits", EntityType.GROUP, None, False),
    "insurgents": ("insurgents", EntityType.GROUP, None, False),
    "soldiers": ("soldiers", EntityType.GROUP, None, False),
    "protesters": ("protesters", EntityType.GROUP, None, False),
    "A man": ("man", EntityType.GROUP, None, False),
    "women": ("women", EntityType.GROUP, None, False),
    "children": ("children", EntityType.GROUP, None, False),
}
SECTORS = {"civilians": "CVL", "people": "PPL", "villagers": "CVL", "militants": "REB", "police_officers": "COP", "police": "COP",
           "gunmen": "UAF", "bandits": "CRM", "insurgents": "REB", "soldiers": "MIL", "protesters": "OPP", "man": "PPL", "women": "CVL",
           "children": "CVL"}


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


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a state named after the place, the actor of no stated state
        ("The Red Brigade kills 40 civilians in Red Harbour, Freedonia.", "red_brigade"),
        ("At least 12 villagers are killed by the Red Brigade in Red Harbour, Freedonia.", "red_brigade"),
        # armed men no name stands for, with or without the state after the place
        ("At least 18 people are killed in an attack by gunmen in a village in Red Harbour, Freedonia.", "gunmen"),
        ("Bandits kill 20 villagers in Red Harbour.", "bandits"),
        ("Suspected insurgents kill nine civilians in Red Harbour, Freedonia.", "insurgents"),
        # people taken in an attack that struck them there
        ("Twenty people are kidnapped in an attack by gunmen on a school in Red Harbour, Freedonia.", "gunmen"),
    ],
)
def test_a_placed_state_or_unnamed_armed_men_keep_the_place_struck(annotated, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any(actor in actors and targets == ("harbour",) for actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a fight between sides, told as the subject of the killing
        "Clashes between the Red Brigade and gunmen kill 48 people in Red Harbour, Freedonia.",
        "Clashes between bandits kill 48 people in Red Harbour, Freedonia.",
        # no victims: the attackers' place only
        "Gunmen open fire in Red Harbour, Freedonia.",
        # police, soldiers, protesters, a lone man: no armed men of a victims' attack
        "Police kill five people in Red Harbour, Freedonia.",
        "Soldiers kill ten villagers in Red Harbour.",
        "Three people are killed after protesters set fire to a building in Red Harbour, Freedonia.",
        "A man attacks two women with a knife in Red Harbour, Freedonia.",
        "Two women are injured when a man attacks them with a knife in Red Harbour.",
        # the attacker's own state
        "Freedonian gunmen kill ten villagers in Red Harbour, Freedonia.",
        "The Freedonian Red Brigade kills ten villagers in Red Harbour, Freedonia.",
        # people taken, no attack on where they were
        "At least 120 children have been abducted by the Red Brigade in Red Harbour, Freedonia, this year.",
        "At least 120 children have been abducted by the Red Brigade in Red Harbour this year.",
        "The Red Brigade abducted 120 villagers in Red Harbour.",
    ],
)
def test_no_place_target_for_a_clash_no_victims_other_actors_or_home(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any("harbour" in targets for _, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        # an attack no party is told of, told as an attack
        "At least 18 people are killed in an attack in Red Harbour, Freedonia.",
        "Nine people are wounded in a bombing at a cafe in Red Harbour.",
        "Twelve civilians are killed in a drone strike on a market in Red Harbour, Freedonia.",
        "An airstrike on a school in Red Harbour kills 20 people.",
    ],
)
def test_a_partyless_attack_targets_the_place_it_struck(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any(not actors and targets == ("harbour",) for actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a struck security thing or force: the victims a side, not bystanders
        "At least 18 people are killed in an attack on a checkpoint in Red Harbour, Freedonia.",
        "Nine people are killed in a suicide bombing targeting a military convoy in Red Harbour.",
        "Seven people, including four soldiers, are killed in an attack in Red Harbour, Freedonia.",
        "Five people are killed in an attack on a police patrol in Red Harbour.",
        # armed men named: a side killed, or attackers not reached
        "Two gunmen are killed and two women are wounded in an attempted ambush on a road in Red Harbour, Freedonia.",
        # a fight, or sides
        "Twenty people are killed in attacks between rival villages in Red Harbour, Freedonia.",
        "Ten people are killed in clashes in Red Harbour.",
        # no attack told: only a killing
        "Five children have been killed in Red Harbour, Freedonia.",
        "Thirty people are killed in Red Harbour.",
    ],
)
def test_no_place_target_for_a_partyless_attack_on_security_a_fight_or_no_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any("harbour" in targets for _, targets in found), found


def test_a_partyless_attack_read_twice_is_one_fact_naming_the_place(annotated) -> None:  # type: ignore[no-untyped-def]
    # the casualty verb names the place, the attack noun a struck school: one attack, the place for its victims
    found = _assaults(annotated, "At least 17 people are killed in a drone strike on a school and a clinic in Red Harbour, Freedonia.")
    assert found == [((), ("harbour",))], found
