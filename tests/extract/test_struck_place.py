"""The named place in an attack's object slot is what it struck: the target of an attack by a named
party that names no one struck ("Ruritania bombed *Red Harbour*", "strikes *on Red Harbour*", "*Red
Harbour* was hit by Ruritanian missiles"), beside its location. Not where it happened ("in"; the
attack word's own "near" is test_near_place's), not a place fought over or a clash, not a sea, not a
place of the attacker's own state, not a place in the phrase of someone struck; constructed
sentences."""

import pytest

from kg.records import EntityType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Blue Hill": ("hill", EntityType.LOCATION),
    "people": ("people", EntityType.GROUP, None, False),
    "soldiers": ("soldiers", EntityType.GROUP, None, False),
}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian missiles hit Red Harbour.",
        "Ruritania bombed Red Harbour.",
        "Ruritanian jets attacked Red Harbour overnight.",
        "Red Harbour was hit by Ruritanian missiles.",
        "Ruritania launched strikes on Red Harbour.",
        "Ruritania fired missiles at Red Harbour.",
        "Ruritanian forces shell residential areas of Red Harbour.",
        "Ruritanian troops storm the village of Red Harbour.",
        "At least 40 people are killed in Ruritanian airstrikes on Red Harbour.",
    ],
)
def test_the_place_an_attack_struck_is_its_target(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, NAMES)
    assert any("ruritania" in actors and targets == ("harbour",) for actors, targets in found), found


def test_each_place_struck_is_a_target(stated_assaults) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults("Ruritania fired missiles at Red Harbour and Blue Hill.", NAMES)
    assert {targets for _, targets in found} >= {("harbour",), ("hill",)}, found


@pytest.mark.parametrize(
    "text",
    [
        # where it happened, not what it struck
        "Ruritania carried out strikes in Red Harbour.",
        # a place fought over, a clash
        "Ruritania and Freedonia fought over Red Harbour.",
        "Ruritanian and Freedonian troops clashed at Red Harbour.",
        # the attacker's own place
        "Ruritanian drones attacked Red Harbour, Ruritania.",
        # a place in the phrase of a person struck, a party struck named
        "Ruritanian forces killed the mayor of Red Harbour.",
        "Ruritanian missiles hit the Freedonian embassy in Red Harbour.",
        # no one named who attacked
        "Red Harbour was hit by missiles.",
    ],
)
def test_no_place_target_for_where_it_happened_fights_home_or_other_parties(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, NAMES)
    assert not any("harbour" in targets for _, targets in found), found


def test_the_capital_of_the_attacker_s_own_state_is_not_struck_by_it(stated_assaults) -> None:  # type: ignore[no-untyped-def]
    names = {"Ukrainian": ("ukraine", EntityType.STATE), "Kyiv": ("kyiv", EntityType.LOCATION)}
    found = stated_assaults("Ukrainian air defences shot down drones attacking Kyiv.", names)
    assert not any("kyiv" in targets for _, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian jets struck a police station in Red Harbour.",
        "The Ruritanian military strikes a police station in Red Harbour, killing eight people.",
        "Ruritania carried out an airstrike on a market in Red Harbour.",
        "Two people are killed in a Ruritanian drone attack on a hotel in Red Harbour.",
        "Ruritania fired two missiles at the seaport in Red Harbour.",
        "Ruritanian forces bombed a school at Red Harbour.",
    ],
)
def test_the_place_a_struck_thing_stood_in_is_the_target(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, NAMES)
    assert any("ruritania" in actors and targets == ("harbour",) for actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        # a sea, near a place, a deal struck, a clash
        "Ruritanian jets struck a boat in the Red Sea.",
        "Ruritanian jets struck a police station near Red Harbour.",
        "Ruritania struck a deal in Red Harbour.",
        "Ruritanian and Freedonian troops clashed at a checkpoint in Red Harbour.",
        # the attacker's own state
        "Ruritanian jets struck a police station in Red Harbour, Ruritania.",
        # people struck, not a thing
        "Ruritanian jets killed five soldiers in Red Harbour.",
    ],
)
def test_no_thing_place_target_at_sea_nearby_in_deals_fights_or_home(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "the Red Sea": ("red_sea", EntityType.LOCATION)}
    found = stated_assaults(text, names)
    assert not any("harbour" in targets or "red_sea" in targets for _, targets in found), found


def test_the_attacker_s_own_capital_is_not_struck_by_it(stated_assaults) -> None:  # type: ignore[no-untyped-def]
    names = {"Ukrainian": ("ukraine", EntityType.STATE), "Kyiv": ("kyiv", EntityType.LOCATION)}
    found = stated_assaults("Ukrainian forces struck a warehouse in Kyiv.", names)
    assert not any("kyiv" in targets for _, targets in found), found
