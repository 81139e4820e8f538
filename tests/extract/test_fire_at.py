"""Fire at a party, and a state's own force misread as attacking its state (constructed sentences).

kg's row for fired weapons ("fired missiles at X") leaves the verb's other uses to the CAMEO coder,
which codes *fire at*, *fire against*, tanks or gunmen firing, and a weapon fired by someone as an
attack (EXPLOSIVE_DESTRUCTION block: "* AT", "* AGAINST" [190], "TANKS *" [194], "GUNMAN *"
[193]); *fire* a person is still no event, and *fire back at* a party is mostly an answer in
words. A state's own armed forces or bodies attacking that state ("the French Navy ... attacks on
France") is a misreading of who attacked, and no attack is stated; an armed group named after
a state ("the French Liberation Front") fights it."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ORG, STATE = EntityType.ORGANIZATION, EntityType.STATE
# Real state names: a force's state is read from the demonym in its name by the gazetteer.
FORCES = {
    "France": ("france", STATE),
    "Spain": ("spain", STATE),
    "Spanish": ("spain", STATE),
    "French Air Force": ("french_air_force", ORG, "ArmedForces"),
    "French Navy": ("french_navy", ORG, "ArmedForces"),
    "French Liberation Front": ("liberation_front", ORG, "NonStateArmedGroup"),
}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania fired at Freedonia's border posts.",
        "Ruritanian tanks fired on Freedonian positions near the border.",
        "Ruritanian gunmen fired at a Freedonian convoy.",
        "A ballistic missile fired by Ruritania against Freedonia fell into the sea.",
    ],
)
def test_fire_at_a_party_attacks_it(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FICTIONAL_NAMES)
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania fired its defence minister.",
        "Ruritania fired its ambassador to Freedonia.",
        "Alma Vask fired off a letter to Freedonia.",
        "Ruritania fired back at Freedonia's critics.",
        "Ruritania fired back at Freedonia over the tariffs.",
    ],
)
def test_fire_without_a_shot_is_no_attack(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FICTIONAL_NAMES)
    assert not any(kind is EventType.ASSAULT for kind, _, _ in found), found


def test_fired_weapons_still_strike_their_target(read_events) -> None:  # type: ignore[no-untyped-def]
    found = read_events("Ruritania fired back rockets at Freedonia.", FICTIONAL_NAMES)
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The French Navy struck two ports in Spain in response to recent missile attacks on France.",
        "The French Navy engages Spanish forces near Hendaye after they launched attacks on the Basque coast of France.",
    ],
)
def test_a_states_own_force_does_not_attack_that_state(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FORCES)
    assert not any(kind is EventType.ASSAULT and "france" in targets for kind, _, targets in found), found
    assert (EventType.ASSAULT, ("french_navy",), ("spain",)) in found, found


@pytest.mark.parametrize(
    "text, target",
    [
        ("The French Air Force fired at Spanish positions.", "spain"),
        ("The French Liberation Front attacked France.", "france"),
        ("The French Liberation Front fired at France's soldiers.", "france"),
    ],
)
def test_a_force_attacks_another_state_and_an_armed_group_its_own(read_events, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FORCES)
    assert any(kind is EventType.ASSAULT and targets == (target,) for kind, _, targets in found), found
