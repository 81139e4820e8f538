"""An attack noun that is the object of a verb of judgement or defence (constructed sentences):
"X blames the attack on Y", "X condemns the attack on Y", "X cites the attack", "X repels an attack"
tell an attack X did not make, so X is not its stated attacker, as it is of "X launches an attack on Y"."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES as NAMES

ASSAULT = EventType.ASSAULT
DEMONYMS = {**NAMES, "Ruritanian": ("ruritania", EntityType.STATE), "Freedonian": ("freedonia", EntityType.STATE)}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania blames the attack on Freedonia.",
        "Ruritania condemns the attack on Freedonia.",
        "Ruritania denounces the bombing of Freedonia.",
        "Ruritania cited the recent attack on Freedonia as the reason for the ban.",
        "Ruritania foils an attack on Freedonia.",
    ],
)
def test_the_judge_of_an_attack_is_not_its_attacker(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    assert not [actors for actors, _ in stated_assaults(text, NAMES) if "ruritania" in actors], stated_assaults(text, NAMES)


@pytest.mark.parametrize(
    "text",
    ["Ruritania launches an attack on Freedonia.", "Ruritania carries out an attack on Freedonia.", "Ruritania conducts airstrikes on Freedonia."],
)
def test_the_maker_of_an_attack_is_its_attacker(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert (ASSAULT, ("ruritania",), ("freedonia",)) in read_events(text, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania attributes Monday's attack to Freedonia.",
        "Ruritania attributes the deadly attack to Freedonia.",
        "The Ruritanian rebels attribute the attack to the Freedonian army.",
    ],
)
def test_the_one_who_attributes_an_attack_is_not_its_attacker(read_events, text) -> None:  # type: ignore[no-untyped-def]
    """Not even below the export threshold: in "X attributes the attack to Y" the parser may hang "to Y"
    on the attack noun, and X, its subject, would be read as attacking Y: the opposite of the news."""
    events = read_events(text, DEMONYMS)
    assert not [actors for found, actors, _ in events if found is ASSAULT and "ruritania" in actors], events


def test_an_attack_attributed_is_still_an_accusation(read_events) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.ACCUSE, ("ruritania",), ("freedonia",)) in read_events("Ruritania attributes the deadly attack to Freedonia.", NAMES)
