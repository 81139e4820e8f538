"""What two sides exchange they each do to the other (CAMEO's paired codes: EXCHANGE GUNFIRE
[193:193], EXCHANGE PRISONERS [0841:0841]): "Ruritania and Freedonia swapped prisoners" is a
release both ways, "Ruritanian and Freedonian troops exchanged gunfire" an attack both ways, and
troops qualified by a list of states act for each of them; constructed sentences."""

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "Red Harbour": ("harbour", EntityType.LOCATION)}
DEMONYMS = {
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
    "Elbonia": ("elbonia", EntityType.STATE),
    "troops": ("troops", EntityType.MILITARY_ASSET, None, False),
    "warplanes": ("warplanes", EntityType.MILITARY_ASSET, None, False),
}
BOTH_WAYS = {(("ruritania",), ("freedonia",)), (("freedonia",), ("ruritania",))}


def _typed(read_events, text: str, names: dict, event_type: EventType) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def, type-arg]
    return {(actors, targets) for kind, actors, targets in read_events(text, names) if kind is event_type}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania and Freedonia swapped 120 prisoners of war on Friday.",
        "Ruritania exchanged 40 captives with Freedonia.",
        "Ruritania and Freedonia exchanged hundreds of prisoners.",
        "Ruritania traded hostages with Freedonia after months of talks.",
    ],
)
def test_exchanging_prisoners_releases_them_both_ways(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert _typed(read_events, text, NAMES, EventType.RETREAT) == BOTH_WAYS


def test_offering_to_swap_prisoners_is_hypothetical(read_readings) -> None:  # type: ignore[no-untyped-def]
    found = read_readings("Ruritania offered to swap prisoners with Freedonia.", NAMES)
    assert {(actors, targets, hypothetical) for kind, actors, targets, _, hypothetical in found
            if kind is EventType.RETREAT} == {(a, t, True) for a, t in BOTH_WAYS}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania and Freedonia exchanged lists of prisoners.",  # what qualifies the object frees no one
        "Ruritania and Freedonia exchanged ceasefire proposals.",
        "Ruritania and Freedonia exchanged the names of detained journalists.",
    ],
)
def test_exchanging_anything_else_releases_no_one(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(read_events, text, NAMES, EventType.RETREAT)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian and Freedonian troops exchanged gunfire along the border.",
        "Ruritanian and Freedonian troops exchanged fire in Red Harbour.",
        "Ruritania and Freedonia exchanged mortars overnight.",
        "Ruritania and Freedonia exchanged attacks along the border.",
    ],
)
def test_exchanging_fire_is_an_attack_both_ways(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert _typed(read_events, text, {**NAMES, **DEMONYMS}, EventType.ASSAULT) == BOTH_WAYS


def test_troops_of_a_list_of_states_act_for_each(read_events) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritanian and Freedonian warplanes struck Elbonia on Monday."
    assert _typed(read_events, text, DEMONYMS, EventType.ASSAULT) == {(("ruritania",), ("elbonia",)), (("freedonia",), ("elbonia",))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one state's troops act for it alone
        ("Ruritanian troops struck Elbonia on Monday.", {(("ruritania",), ("elbonia",))}),
        # exchanging words is no fight, even about one
        ("Ruritanian and Freedonian troops exchanged insults along the border.", set()),
        ("Ruritanian and Freedonian officials exchanged accusations over the attack on the dam.", set()),
        ("Ruritanian and Freedonian officials exchanged blame for the missile strike.", set()),
    ],
)
def test_one_owner_and_no_fire(read_events, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _typed(read_events, text, DEMONYMS, EventType.ASSAULT) == expected
