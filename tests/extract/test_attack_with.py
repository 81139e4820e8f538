""""With" after an attack noun names a partner or a weapon, not the one attacked: "a coordinated
attack *with Freedonia* on Elbonia" (Freedonia attacked too), "an attack *with Freedonian drones*".
The other side of a fight stays a target: "clashes with X", "exchanged fire with X", and the object
of "attacked X with drones"; constructed sentences."""

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
}


def _assaults(read_events, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [(actors, targets) for kind, actors, targets in read_events(text, NAMES) if kind is EventType.ASSAULT]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania launched a coordinated attack with Freedonia on Elbonia.",
        "Ruritania launched a joint strike with Freedonia on Elbonia.",
        "Ruritania carried out a joint attack with Freedonia against Elbonia.",
        "Ruritania launched an attack with Freedonian drones on Elbonia.",
    ],
)
def test_a_partner_or_weapon_after_with_is_not_attacked(read_events, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(read_events, text)
    assert not any("freedonia" in targets for _, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian troops clashed with Freedonian forces.",
        "Two soldiers died in Ruritanian clashes with Freedonian troops.",
        "Ruritanian troops fought with Freedonian forces.",
        "Ruritanian troops exchanged fire with Freedonian soldiers.",
        "The Ruritanian coast guard trades fire with a Freedonian speedboat.",
        "Ruritanian jets attacked Freedonia with missiles.",
    ],
)
def test_the_other_side_of_a_fight_and_the_one_attacked_stay_targets(read_events, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(read_events, text)
    assert (("ruritania",), ("freedonia",)) in found, found


def test_what_a_joint_strike_hit_stays_its_target(read_events) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(read_events, "Ruritania launched a joint strike with Freedonia on the Elbonian capital.")
    assert (("ruritania",), ("elbonia",)) in found, found
