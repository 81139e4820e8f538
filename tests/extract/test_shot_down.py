"""Shooting down, downing or destroying a projectile or aircraft attacks whoever it belongs to:
its demonym ("a Freedonian drone"), possessor, compound, launcher ("launched by X") or origin
("from X"). CAMEO codes SHOOT_DOWN as KILL (190) and DESTROY &WEAPON as 1712; *down* is no CAMEO
verb and has its own trigger. Constructed sentences, with negatives."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

STATE, GROUP, ASSET = EntityType.STATE, EntityType.GROUP, EntityType.MILITARY_ASSET
NAMES = {
    **FICTIONAL_NAMES,
    "Freedonian": ("freedonia", STATE),
    "Elbonian": ("elbonia", STATE),
    "Northern Front": ("front", EntityType.ORGANIZATION),
    "protesters": ("protesters", GROUP, None, False),
    "40 Freedonian drones": ("drones_40", ASSET, None, False),
    "a Freedonian drone": ("drone_1", ASSET, None, False),
    "Elbonian-made drone": ("drone_2", ASSET, None, False),
    "Freedonian-designed drone": ("drone_3", ASSET, None, False),
}


def _attacks(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania shot down a Freedonian drone.",
        "Ruritanian air defences shot down 40 Freedonian drones overnight.",
        "Ruritania says it shot down 40 Freedonian drones.",
        "Ruritania downed a Freedonian fighter jet near the border.",
        "Ruritania destroyed 30 Freedonian drones over the capital.",
        "Ruritania shot down Freedonia's reconnaissance aircraft.",
        "Ruritania shot down two missiles launched by Freedonia.",
        "Ruritania shot down a drone from Freedonia.",
        "Twenty Freedonian drones were shot down by Ruritania.",
    ],
)
def test_shooting_down_a_projectile_attacks_its_owner(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _attacks(annotated, text)
    assert any("ruritania" in actors and targets == ("freedonia",) and confidence >= 0.5
               for actors, targets, confidence in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania shot down an Elbonian-made drone.",  # its maker is not its operator
        "Ruritania shot down a Freedonian-designed drone launched by the Northern Front.",
    ],
)
def test_the_maker_of_a_projectile_is_not_attacked(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _attacks(annotated, text)
    assert not any(set(targets) & {"elbonia", "freedonia"} for _, targets, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The storm downed power lines across Ruritania.",  # no projectile, no aircraft
        "A Freedonian plane was shot down over Ruritania.",  # by no one named
    ],
)
def test_downing_no_weapon_or_by_no_one_is_no_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not [found for found in _attacks(annotated, text) if found[2] >= 0.5]


def test_denying_a_shootdown_is_not_stated(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _attacks(annotated, "Ruritania denies shooting down a Freedonian airliner.")
    assert not any(confidence >= 0.5 for _, _, confidence in found), found


def test_shooting_down_people_stays_an_attack_on_them(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _attacks(annotated, "Ruritanian police shot down protesters in the capital.")
    assert any(targets == ("protesters",) for _, targets, _ in found), found
