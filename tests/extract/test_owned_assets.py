"""An attack on a military asset no name holds strikes its owner, whatever the asset's class ("attacked
an *American* warship", "hit a *Ruritanian* submarine", "*the Northern Fleet's* destroyer"), as it did
for troops and aircraft: the CAMEO agents dictionary codes warship, destroyer, frigate, submarine or
drone aircraft as the military sector of the actor that qualifies them. Not the asset that acts (it
acts for its owner), not its own state's attack, not a deployment, not its maker ("a Ruritanian-built
warship"); constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

STATE, ORG, ASSET = EntityType.STATE, EntityType.ORGANIZATION, EntityType.MILITARY_ASSET
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", STATE),
    "Borduria": ("borduria", STATE),
    "Borduran": ("borduria", STATE),
    "Northern Fleet": ("fleet", ORG),
    "Port Vell": ("port_vell", EntityType.LOCATION),
    "warships": ("warships", ASSET, "Warship", False),
    "warship": ("warship", ASSET, "Warship", False),
    "frigate": ("frigate", ASSET, "Warship", False),
    "destroyer": ("destroyer", ASSET, "Warship", False),
    "submarine": ("submarine", ASSET, "Submarine", False),
    "air defence system": ("air_defence", ASSET, "AirDefence", False),
    "drones": ("drones", ASSET, "Drone", False),
    "missiles": ("missiles", ASSET, "MissileSystem", False),
}


def _assaults(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets) for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]


@pytest.mark.parametrize(
    ("text", "actor", "owner"),
    [
        ("Borduria attacked a Ruritanian warship.", "borduria", "ruritania"),
        ("Borduran drones hit a Ruritanian submarine near Port Vell.", "borduria", "ruritania"),
        ("A Ruritanian frigate was struck by Borduran missiles.", "borduria", "ruritania"),
        ("Borduria struck Ruritania's air defence system.", "borduria", "ruritania"),
        # an organization holds it by a possessive
        ("Borduria attacked the Northern Fleet's destroyer.", "borduria", "fleet"),
    ],
)
def test_an_owned_asset_struck_gives_its_owner_as_target(annotated, text, actor, owner) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any(owner in targets and actor in actors for actors, targets in found), found


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # the asset acts for its state
        ("Ruritanian warships attacked Borduria.", "ruritania"),
        # its own state's attack
        ("Ruritanian drones attacked a Ruritanian warship near Port Vell.", "ruritania"),
        # a deployment
        ("Ruritania deployed a warship to Port Vell.", "ruritania"),
        # its maker is no owner
        ("Borduria attacked a Ruritanian-built warship.", "ruritania"),
    ],
)
def test_an_asset_gives_no_target_owner_elsewhere(annotated, text, key) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any(key in targets for _, targets in found), found


def test_a_named_target_stands_before_the_assets_owner(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, "Borduria attacked Omar Tellen and a Ruritanian warship.")
    assert found == [(("borduria",), ("tellen",))], found
