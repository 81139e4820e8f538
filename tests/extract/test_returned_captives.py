"""Captives or remains handed back are a release (constructed sentences): the PLOVER codebook's
RETREAT covers "the release of prisoners and hostages", CAMEO codes "return * PRISONERS" 0841
(return, release persons); a return of anything else (an ambassador, refugees going home) is not."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Tellen Front": ("front", EntityType.ORGANIZATION),
    "the Red Cross": ("red_cross", EntityType.ORGANIZATION),
}


@pytest.mark.parametrize(
    "text",
    [
        "The Tellen Front returns the bodies of four hostages to Freedonia.",
        "The Tellen Front returns the body of hostage Alma Vask to Freedonia.",
        "Ruritania returns the remains of 45 soldiers to Freedonia.",
        "Two hostages are handed over to Freedonia by the Tellen Front.",
        "The Tellen Front returns three captives to Freedonia.",
    ],
)
def test_captives_or_remains_returned_are_released_to_the_state_receiving_them(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert any(kind is EventType.RETREAT and "freedonia" in targets for kind, _, targets in found), found


def test_the_person_whose_body_is_returned_is_released(read_events) -> None:  # type: ignore[no-untyped-def]
    found = read_events("The Tellen Front returns the body of hostage Alma Vask to Freedonia.", NAMES)
    assert (EventType.RETREAT, ("front",), ("vask",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania returns its ambassador to Freedonia.",
        "Thousands of refugees return to Freedonia.",
        "Ruritania returns the equipment to Freedonia.",
        "Ruritania hands the keys to Freedonia.",
        "The Tellen Front returns the bodies of four hostages to the Red Cross.",
    ],
)
def test_no_release_for_other_returns_nor_to_an_intermediary(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind is EventType.RETREAT and targets for kind, _, targets in found), found
