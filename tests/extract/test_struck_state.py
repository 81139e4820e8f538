"""A named party's attack told "in" or "across" a state ("Ruritanian airstrikes kill nine people in
southern Freedonia") struck that state: it is the target, before the unnamed victims. Not the
attacker's own state, not a force of no stated state fighting where it is, not a fight between
sides, not a state it happened near; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Red Front": ("red_front", EntityType.ORGANIZATION),
    "Red Town": ("red_town", EntityType.LOCATION),
    "people": ("people", EntityType.GROUP, None, False),
    "civilians": ("civilians", EntityType.GROUP, None, False),
    "peacekeepers": ("peacekeepers", EntityType.GROUP, None, False),
    "rebels": ("rebels", EntityType.GROUP, None, False),
}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian airstrikes kill at least nine people in southern Freedonia.",
        "At least 24 people are killed by Ruritanian airstrikes across Freedonia.",
        "Ruritanian drone strikes across Freedonia kill 12 civilians.",
        "Three peacekeepers are injured in a Ruritanian missile strike in southern Freedonia.",
        # the place on the agent of a casualty passive, in a state
        "A worker is killed by a Ruritanian cluster bomb in Red Town, central Freedonia.",
        # what was attacked lies across the state
        "Ruritania launches a missile attack on regions across Freedonia.",
        "Ruritania launches over 100 drones at areas across Freedonia, killing ten civilians.",
    ],
)
def test_an_attack_in_another_state_targets_it(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, NAMES)
    assert any("ruritania" in actors and targets == ("freedonia",) for actors, targets in found), found


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # the attacker's own state
        ("The Ruritanian army kills ten people in Ruritania.", "ruritania"),
        ("Ruritanian airstrikes kill ten people in northern Ruritania.", "ruritania"),
        # a force of no stated state fighting where it is
        ("Red Front militants kill ten people in Freedonia.", "freedonia"),
        # a fight between sides
        ("Ten people are killed in clashes between Ruritanian soldiers and rebels in Freedonia.", "freedonia"),
        ("Ruritanian soldiers clash with rebels in Freedonia.", "freedonia"),
        # a state it happened near
        ("Ruritanian airstrikes kill nine people near Freedonia.", "freedonia"),
        # the members of a named organization were struck, not the state they were in
        ("Several members of the Red Front are killed in Ruritanian strikes in Freedonia.", "freedonia"),
        ("Several members of the Red Front are confirmed to have been killed in Ruritanian strikes in Freedonia.", "freedonia"),
    ],
)
def test_no_state_target_at_home_for_stateless_forces_fights_or_nearby(stated_assaults, text, state) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, NAMES)
    assert not any(state in targets for _, targets in found), found


def test_the_agent_s_own_place_is_where_the_attack_happened(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Seventeen people are killed by Red Front militants in Red Town.", NAMES)
    found = [event.location for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert "red_town" in found, found


def test_one_reported_to_have_been_killed_in_an_attack_is_its_target(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Alma Vask is reported to have been killed in a Ruritanian drone strike.", NAMES)
    found = [(event.actors, event.targets) for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert any("ruritania" in actors and "vask" in targets for actors, targets in found), found


# A state's own armed force (kg's ArmedForces / MilitaryUnit kinds) whose state kg knows by the state
# names in the force's names, the gazetteer's ("IDF": the Israel Defense Forces) as well as the
# article's, whether or not the article names that state.
FORCES = {
    "Israel Defense Forces": ("israel_defense_forces", EntityType.ORGANIZATION, "ArmedForces"),
    "IDF": ("idf", EntityType.ORGANIZATION, "ArmedForces"),
    "Pakistan Air Force": ("pakistan_air_force", EntityType.ORGANIZATION, "ArmedForces"),
    "Sudanese Armed Forces": ("sudanese_armed_forces", EntityType.ORGANIZATION, "ArmedForces"),
    "Royal Navy": ("royal_navy", EntityType.ORGANIZATION, "ArmedForces"),
    "Hezbollah": ("hezbollah", EntityType.ORGANIZATION, "NonStateArmedGroup"),
    "army": ("army", EntityType.GROUP, None, False),
    "Lebanon": ("lebanon", EntityType.STATE),
    "Afghanistan": ("afghanistan", EntityType.STATE),
    "Sudan": ("sudan", EntityType.STATE),
    "Yemen": ("yemen", EntityType.STATE),
    "Kandahar": ("kandahar", EntityType.LOCATION),
}


@pytest.mark.parametrize(
    ("text", "actor", "state"),
    [
        ("The IDF launched airstrikes in Lebanon overnight.", "idf", "lebanon"),
        ("The Israel Defense Forces carried out a wave of strikes across southern Lebanon.", "israel_defense_forces", "lebanon"),
        ("The IDF conducted strikes across Lebanon.", "idf", "lebanon"),
        ("The Pakistan Air Force conducts airstrikes in Kandahar, Afghanistan.", "pakistan_air_force", "afghanistan"),
    ],
)
def test_a_state_s_force_striking_in_another_state_targets_it(stated_assaults, text, actor, state) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, FORCES)
    assert (actor,) in [actors for actors, _ in found] and any(state in targets for _, targets in found), found


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # the force's own state, known from kg's names of the force, not from the article
        ("The IDF struck targets in Israel.", "israel"),
        ("The Israel Defense Forces struck targets in Israel.", "israel"),
        ("The IDF launched airstrikes in Israel overnight.", "israel"),
        ("The Sudanese Armed Forces launched airstrikes in Sudan.", "sudan"),
        # a force whose names name no state; an armed group whose home kg does not know; an unnamed army
        ("The Royal Navy launched strikes in Yemen.", "yemen"),
        ("Hezbollah launched strikes in Israel.", "israel"),
        ("The army launched airstrikes in Lebanon.", "lebanon"),
    ],
)
def test_no_state_target_for_a_force_at_home_or_of_no_known_state(stated_assaults, text, state) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, {**FORCES, "Israel": ("israel", EntityType.STATE)})
    assert not any(state in targets for _, targets in found), found
