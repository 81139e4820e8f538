"""A subordinate clause with a subject of its own (constructed sentences): "X suspends the
accord after *a mine explosion injures* two soldiers" — the clause does not take the main
clause's subject as its actor; without a subject of its own ("after *accusing* Y") it still does."""

from __future__ import annotations

import pytest

from kg.records import EventType
from fictional_names import FICTIONAL_NAMES as NAMES


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Ruritania suspends the accord with Freedonia after a mine explosion injures two Elbonia soldiers.", EventType.ASSAULT),
        ("Ruritania recalls its ambassador after a truck bomb attack killed five Elbonia citizens.", EventType.ASSAULT),
        ("Ruritania expels the envoy of Freedonia after newly released emails accuse Elbonia of espionage.", EventType.ACCUSE),
        ("Ruritania closes its border while a separate explosion kills three Elbonia soldiers.", EventType.ASSAULT),
    ],
)
def test_a_subordinate_clause_with_its_own_subject_inherits_no_actor(read_events, text, event_type) -> None:  # type: ignore[no-untyped-def]
    assert not any(found == event_type and "ruritania" in actors for found, actors, _ in read_events(text, NAMES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania recalls its ambassador after accusing Freedonia of espionage.", (EventType.ACCUSE, ("ruritania",), ("freedonia",))),
        ("Ruritania closes its border as it accuses Freedonia of espionage.", (EventType.ACCUSE, ("ruritania",), ("freedonia",))),
    ],
)
def test_a_subordinate_clause_without_a_subject_of_its_own_shares_the_actor(read_events, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in read_events(text, NAMES)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Ruritania arrests 40 suspects, connected with Freedonia attacks on Elbonia.", EventType.AGREE),
        ("Ruritania and Elbonia swap 200 prisoners incarcerated at the Freedonia prison.", EventType.COERCE),
    ],
)
def test_a_bare_participle_inherits_no_actor(read_events, text, event_type) -> None:  # type: ignore[no-untyped-def]
    assert not any(found == event_type and "ruritania" in actors for found, actors, _ in read_events(text, NAMES))


def test_a_participle_with_its_auxiliary_still_shares_the_actor(read_events) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania withdrew its envoy, having accused Freedonia of espionage."
    assert (EventType.ACCUSE, ("ruritania",), ("freedonia",)) in read_events(text, NAMES)
