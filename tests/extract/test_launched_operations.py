"""Military operations launched and attacks stepped up (constructed sentences).

CAMEO codes *launch* an operation, an offensive or an incursion as an attack (START block:
"* OPERATION", "* {&MILITARY OPERATION} (IN ^) (AGAINST)" [190]); kg's own row for launched
weapons ("launch missiles at X") leaves the verb's other objects to the coder, so a launched
operation in a state strikes that state. An operation to rescue, search for or evacuate people
is no attack. The BOOST block (*escalate, intensify, step up, expand*) codes attacks stepped up
as attacks ("* ATTACKS", "* OFFENSIVE" [190]); a bombardment, shelling, bombing, airstrikes or an
incursion stepped up are read the same way, not as the block's default cooperation, and a strike or
a raid stepped up is left to its noun (a labour strike is no attack)."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ORG = EntityType.ORGANIZATION
NAMES = {**FICTIONAL_NAMES, "Freedonian Red Cross": ("red_cross", ORG), "Dock Workers Union": ("union", ORG)}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania launches a military operation in Freedonia.",
        "Ruritania launched a ground operation in Freedonia on Monday.",
        "Ruritania launched an operation in Freedonia.",
        "Ruritania launched a military incursion into Freedonia.",
    ],
)
def test_an_operation_launched_in_a_state_attacks_it(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania escalates its bombardment of Freedonia.",
        "Ruritania has intensified its shelling of Freedonia.",
        "Ruritania stepped up its bombing of Freedonia.",
        "Ruritania intensified its airstrikes on Freedonia.",
        "Ruritania expanded its incursion into Freedonia.",
    ],
)
def test_an_attack_stepped_up_is_an_attack_not_a_cooperation(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",)) in found, found
    assert not any(kind is EventType.COOPERATE for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania and Freedonia launch a joint rescue operation off the coast.",
        "Ruritania launched a search operation in Freedonia for the missing climbers.",
        "Ruritania launched an evacuation operation in Freedonia.",
        "The Freedonian Red Cross launched a humanitarian operation in Ruritania.",
    ],
)
def test_an_operation_to_rescue_or_evacuate_is_no_attack(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind in (EventType.ASSAULT, EventType.ACCUSE) for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Dock Workers Union intensified its general strike with the Freedonian Red Cross.",
        "Ruritania stepped up its raids with Freedonia.",
        "Ruritania launched a campaign to raise money for Freedonia.",
        "Ruritania launched an investigation into Omar Tellen.",
    ],
)
def test_no_attack_where_nothing_is_struck(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind in (EventType.ASSAULT, EventType.COOPERATE) and targets for kind, _, targets in found
                   if kind is not EventType.ACCUSE), found  # fmt: skip


def test_launched_weapons_still_strike_their_target(read_events) -> None:  # type: ignore[no-untyped-def]
    found = read_events("Ruritania launched missiles at Freedonia.", NAMES)
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",)) in found, found
