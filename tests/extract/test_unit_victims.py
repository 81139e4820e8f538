"""Troops that no name holds, killed or wounded ("kill nine *Nigerian* troops", "two *Israeli*
soldiers are killed"), are struck as the state their demonym names: the attack's target, where no
named target is reached otherwise. Not the unit that acts (it acts for its state), not its own
state's attack, not a deployment, nor a death no attack caused; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

STATE, ORG, GROUP, ASSET = EntityType.STATE, EntityType.ORGANIZATION, EntityType.GROUP, EntityType.MILITARY_ASSET
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", STATE),
    "Borduria": ("borduria", STATE),
    "Borduran": ("borduria", STATE),
    "Northern Front": ("front", ORG),
    "Port Vell": ("port_vell", EntityType.LOCATION),
    "soldiers": ("soldiers", ASSET, "Troops", False),
    "drones": ("drones", ASSET, "Drone", False),
    "rebels": ("rebels", GROUP, None, False),
}


def _assaults(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets) for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Borduran rebels kill three Ruritanian soldiers in Port Vell.", "borduria"),
        ("The Northern Front kills three Ruritanian soldiers in Port Vell.", "front"),
        ("Two Ruritanian soldiers are killed by Borduran drones.", "borduria"),
        ("A roadside bomb kills seven Ruritanian soldiers in Port Vell.", None),
        # an attack with no actor named, placed
        ("Three Ruritanian soldiers have been killed in recent fighting in Port Vell.", None),
    ],
)
def test_troops_struck_give_their_state_as_target(annotated, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any("ruritania" in targets and (actor is None or actor in actors) for actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        # the unit acts for its state
        "Ruritanian soldiers kill three Borduran rebels.",
        # its own state's attack
        "Ruritanian drones kill two Ruritanian soldiers in Port Vell.",
        # a deployment, and a death no attack caused
        "Ruritania deploys soldiers to Borduria.",
        "Three Ruritanian soldiers are killed in a car crash in Port Vell.",
    ],
)
def test_troops_give_no_target_state_elsewhere(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any("ruritania" in targets for _, targets in found), found


def test_a_named_target_stands_before_the_troops_state(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, "Borduria kills Omar Tellen and two Ruritanian soldiers.")
    assert found == [(("borduria",), ("tellen",))], found
