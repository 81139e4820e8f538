"""Parties moved to act or charged together (constructed sentences). In "X prompts Y to warn Z",
"X forces Y to V" the one moved (the object) does what the complement names, never the mover; and
in "X accuses Y and Z of preparing ..." the two accused act side by side, not on each other: no
agreement between them is read. A pattern's object word inside the complement's own clause ("to
warn that such a move would lead to a conflict") is none of the moving verb's words."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "Borduria": ("borduria", EntityType.STATE), "Port Vell": ("port_vell", EntityType.LOCATION)}

AGREE, ACCUSE, THREATEN = EventType.AGREE, EventType.ACCUSE, EventType.THREATEN


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania accuses Freedonia and Elbonia of preparing to attack Borduria.",
        "Ruritania accused Freedonia and Elbonia of planning to invade Borduria.",
    ],
)
def test_the_conjoined_accused_agree_on_nothing_with_each_other(read_events, text) -> None:  # type: ignore[no-untyped-def]
    events = read_events(text, NAMES)
    assert not [found for found, actors, targets in events
                if found is AGREE and {*actors, *targets} <= {"freedonia", "elbonia"}], events  # fmt: skip
    assert (ACCUSE, ("ruritania",), ("freedonia", "elbonia")) in events or (ACCUSE, ("ruritania",), ("freedonia",)) in events


def test_conjoined_subjects_still_agree_with_each_other(read_events) -> None:  # type: ignore[no-untyped-def]
    events = read_events("Freedonia and Elbonia met in Port Vell, agreeing to expand trade.", NAMES)
    assert (AGREE, ("freedonia",), ("elbonia",)) in events


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania accuses Freedonia of spying, prompting Elbonia to warn that such a move would lead to a conflict.",
        "Ruritania accuses Freedonia of spying, prompting Elbonia to say that the dispute must end.",
    ],
)
def test_the_one_prompted_is_no_target_of_the_prompting(read_events, text) -> None:  # type: ignore[no-untyped-def]
    events = read_events(text, NAMES)
    assert not [found for found, actors, targets in events if "elbonia" in targets], events


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ruritania accused Freedonia of spying, prompting Elbonia to criticize Borduria.", ACCUSE),
        ("Ruritania condemned Freedonia, forcing Elbonia to threaten Borduria.", THREATEN),
    ],
)
def test_the_one_prompted_acts_not_the_mover(read_events, text, event) -> None:  # type: ignore[no-untyped-def]
    events = read_events(text, NAMES)
    assert (event, ("elbonia",), ("borduria",)) in events, events
    assert (event, ("ruritania",), ("borduria",)) not in events, events
