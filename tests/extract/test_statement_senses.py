"""A speech verb's complement says which act it is (constructed sentences): *tell* with a
that-clause or a quotation is a statement or an interview (CAMEO codes TELL as a statement,
EXPLAIN_VERBAL 010); only *tell Y to do* asks Y to act."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "Northern Herald": ("herald", EntityType.ORGANIZATION)}


@pytest.mark.parametrize(
    "text",
    [
        "Omar Tellen tells the newspaper Northern Herald that the border will reopen.",
        "Alma Vask told Omar Tellen that Ruritania would not yield.",
        'Alma Vask tells Omar Tellen: "We will not yield."',
        "Alma Vask told reporters in Freedonia that Ruritania had attacked Elbonia.",
        "Alma Vask told Omar Tellen about the talks.",
    ],
)
def test_telling_what_is_so_requests_nothing(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.REQUEST for kind, _, _ in read_events(text, NAMES))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania tells Freedonia to close its embassy.", "freedonia"),
        ("Alma Vask told Omar Tellen to withdraw the troops from the border.", "tellen"),
    ],
)
def test_telling_someone_to_act_is_a_request(read_events, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert any(kind is EventType.REQUEST and target in targets for kind, _, targets in found), found
