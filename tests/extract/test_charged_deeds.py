"""A deed a party is held for (constructed sentences): in "X arrests Y on suspicion of attacking Z"
the attack is only alleged, and it is never X's, though the parser hangs "of attacking" on the noun
*suspicion* rather than on the verb, where "X accused Y of attacking Z" already gives it to Y."""

from __future__ import annotations

import pytest

from kg.records import EventType
from fictional_names import FICTIONAL_NAMES as NAMES

ASSAULT = EventType.ASSAULT


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania arrests 25 people on suspicion of attacking Freedonia.",
        "Ruritania detains Alma Vask on suspicion of attacking Freedonia.",
        "Ruritania executes Alma Vask on charges of attacking Freedonia.",
        # The parser hangs "of attacking" on the object noun, not on the verb.
        "Ruritania convicts three men of attacking Freedonia.",
        "Ruritania accuses Alma Vask's bodyguards of attacking Freedonia.",
    ],
)
def test_the_one_who_holds_or_charges_a_suspect_is_not_the_attacker(read_events, text) -> None:  # type: ignore[no-untyped-def]
    events = read_events(text, NAMES)
    assert not [actors for found, actors, _ in events if found is ASSAULT and "ruritania" in actors], events


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania detains Alma Vask on suspicion of attacking Freedonia.",
        "Ruritania executes Alma Vask on charges of attacking Freedonia.",
    ],
)
def test_a_suspected_deed_is_not_stated(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    assert stated_assaults(text, NAMES) == []


def test_the_arrest_is_still_read(read_events) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.COERCE, ("ruritania",), ("vask",)) in read_events(
        "Ruritania detains Alma Vask on suspicion of attacking Freedonia.", NAMES
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania claims responsibility for attacking Freedonia.",
        "Ruritania launches an offensive for the purpose of attacking Freedonia.",
    ],
)
def test_a_deed_under_another_noun_is_still_the_subjects(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert (ASSAULT, ("ruritania",), ("freedonia",)) in read_events(text, NAMES)


def test_a_deed_the_verb_charges_is_still_its_objects(read_events) -> None:  # type: ignore[no-untyped-def]
    assert (ASSAULT, ("freedonia",), ("elbonia",)) in read_events("Ruritania accuses Freedonia of attacking Elbonia.", NAMES)


def test_a_deed_a_named_object_is_convicted_of_is_still_its(read_events) -> None:  # type: ignore[no-untyped-def]
    assert (ASSAULT, ("vask",), ("freedonia",)) in read_events("Ruritania convicts Alma Vask of attacking Freedonia.", NAMES)


def test_a_deed_under_an_object_the_verb_does_not_charge_is_not_the_objects(read_events) -> None:  # type: ignore[no-untyped-def]
    events = read_events("Ruritania approves a Freedonian proposal for attacking Elbonia.", {**NAMES, "Freedonian": ("freedonia", NAMES["Freedonia"][1])})
    assert not [actors for found, actors, _ in events if found is ASSAULT and "freedonia" in actors], events
