"""A title written in lower case before a name is no part of the name, whatever the model tags the
span ("crown prince X" tagged LOC); a title word written as part of a place's name stays (sentences
written for the test)."""

from __future__ import annotations

import pytest

from kg.records import EntityType


def test_a_lower_case_title_is_no_part_of_a_place_name(entity_types) -> None:  # type: ignore[no-untyped-def]
    # the model tags "prince Reza Pahlavi" LOC; the title goes, and a name after a title is a person's
    found = entity_types("Exiled crown prince Reza Pahlavi urged the army to defect.")
    assert found.get("Reza Pahlavi") is EntityType.PERSON
    assert not [label for label in found if label.lower().startswith("prince")]


@pytest.mark.parametrize(("text", "place"), [
    ("Flooding hits Prince Edward Island, Canada.", "Prince Edward Island"),  # a title word written as a name's
    ("Refugees from the former Yugoslavia arrived in Vienna.", "Yugoslavia"),
])  # fmt: skip
def test_a_place_keeps_its_name(entity_types, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[place] is EntityType.LOCATION
