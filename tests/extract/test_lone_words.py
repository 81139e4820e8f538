"""A one-word name the model tags PERSON that the gazetteer does not know and that no longer
person's name of the article holds: where it stands as places stand it is a place, where it
qualifies another noun it is no entity, and right after a title or as a subject it stays a
person (sentences written for the test; the model tags these real names PERSON)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.records import Entity, EntityType


@pytest.fixture(scope="module")
def entities(found_entities):  # type: ignore[no-untyped-def]
    def find(text: str) -> dict[str, Entity]:
        return {entity.label: entity for entity in found_entities(text, published=date(2025, 6, 1))}

    return find


@pytest.mark.parametrize(("text", "place"), [
    ("M23 rebels advance from Bukavu towards Uvira.", "Bukavu"),  # the object of a place's preposition
    ("Russian forces target Kharkiv with thirteen drones.", "Kharkiv"),  # the object of a verb of places
    ("Seven people are killed in the Kasanga massacre.", "Kasanga"),  # it qualifies a fight's noun
    ("Israeli forces launch a ground offensive on Rafah.", "Rafah"),
])  # fmt: skip
def test_a_lone_word_where_places_stand_is_a_place(entities, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert entities(text)[place].type is EntityType.LOCATION


def test_a_lone_word_that_qualifies_another_noun_is_no_entity(entities) -> None:  # type: ignore[no-untyped-def]
    found = entities("Two Hamas members are killed by the Doghmush clan in Gaza City.")
    assert "Doghmush" not in found
    assert {"Hamas", "Gaza City"} <= set(found)


@pytest.mark.parametrize("text", [
    "The United States sanctions the group's leader Hemedti.",  # after a title
    "Hemedti says the paramilitary will keep fighting.",  # nothing says it is a place
])  # fmt: skip
def test_a_lone_word_after_a_title_or_as_a_subject_stays_a_person(entities, text: str) -> None:  # type: ignore[no-untyped-def]
    assert entities(text)["Hemedti"].type is EntityType.PERSON
