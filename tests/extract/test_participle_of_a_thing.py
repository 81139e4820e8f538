"""A participle of force modifying a thing is not in its sense of force, and the subject of the
clause around it does not do it (constructed sentences): measures and sanctions that "target"
someone are no attack by whoever announced them, graves that "contain" bodies hold no one; a
weapon or an attack launched is its launcher's."""

from __future__ import annotations

import pytest

from kg.records import EventType
from fictional_names import FICTIONAL_NAMES

FORCE = (EventType.ASSAULT, EventType.COERCE)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania announces several measures targeting Freedonia.",
        "Alma Vask announces new sanctions targeting Elbonia.",
        "Ruritania uncovers two mass graves containing the bodies of Freedonia's soldiers.",
        "Ruritania unveils a policy targeting Freedonia's banks.",
    ],
)
def test_a_thing_that_targets_is_no_attack_by_the_subject(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FICTIONAL_NAMES)
    assert not any(kind in FORCE for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania launches a ballistic missile targeting Freedonia.",
        "Ruritania carries out airstrikes targeting Freedonia.",
        "Ruritania announces new sanctions, targeting Freedonia with airstrikes.",
    ],
)
def test_a_weapon_or_attack_that_targets_is_the_subjects(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, FICTIONAL_NAMES)
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",)) in found, found
