"""A state's name inside a longer name is no mention of the state: capitalised proper nouns the model
tagged as nothing, compounded right before a state's name the entity ruler matched, make one name of
an organization or, after a place's noun, a place. Not a part of the state named by a compass word,
a title before a state's name, a state's government or body, a state's national team or flag. An airline's suspended flights are no
travel ban (sentences written for the test; the airlines' names are made up)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.records import EntityType


def _claims(pipeline, text: str):  # type: ignore[no-untyped-def]
    from kg.records import Article

    return pipeline.extract(Article(id="t", text=text, published=date(2025, 11, 29)))


@pytest.mark.parametrize(("text", "name", "state"), [
    ("Air Chile suspends all flights to Peru.", "Air Chile", "Chile"),
    ("Rebel drones strike Port Sudan's airport, officials say.", "Port Sudan", "Sudan"),
    ("A gunman kills two people at a school in Albuquerque, New Mexico, United States.", "New Mexico", "Mexico"),
])  # fmt: skip
def test_a_states_name_inside_a_longer_name_is_no_mention_of_the_state(entity_types, text: str, name: str,
                                                                        state: str) -> None:  # type: ignore[no-untyped-def]
    found = entity_types(text)
    assert name in found and state not in found, found


@pytest.mark.parametrize(("text", "place"), [
    ("Rebel drones strike Port Sudan's airport, officials say.", "Port Sudan"),
    ("Gunmen attack a ferry on Lake Chad, killing ten fishermen.", "Lake Chad"),
])  # fmt: skip
def test_a_longer_name_after_a_places_noun_is_a_place(entity_types, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = entity_types(text)
    assert found.get(place) is EntityType.LOCATION and "Chad" not in found and "Sudan" not in found, found


@pytest.mark.parametrize("text", [
    "Air Chile suspends all flights to Peru.",
    "Jetara Airlines suspends all flights to Peru after the protests.",
    "SkyLink suspends all flights to Cuba amid the fuel shortage.",
])  # fmt: skip
def test_an_airlines_suspended_flights_are_no_travel_ban(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    from kg.records import Designation

    claims = _claims(pipeline, text).claims
    assert not [c for c in claims if isinstance(c, Designation)], claims


@pytest.mark.parametrize(("text", "authority"), [
    ("Chile suspends all flights to Peru.", "chile"),
    ("The Government of Chile suspends all flights to Peru.", "chile"),
    ("The Federal Aviation Administration suspends all flights to Venezuela.", "federal_aviation_administration"),
])  # fmt: skip
def test_a_states_or_its_bodys_suspended_flights_are_a_travel_ban(pipeline, text: str, authority: str) -> None:  # type: ignore[no-untyped-def]
    from kg.records import Designation

    claims = _claims(pipeline, text).claims
    assert [c.authority for c in claims if isinstance(c, Designation)] == [authority], claims


@pytest.mark.parametrize(("text", "state"), [
    ("Iranian missiles strike Southern Israel, killing four people.", "Israel"),
    ("Canadian Prime Minister Mark Carney criticizes China.", "Canada"),
    ("U.S. President Donald Trump criticizes Chile over the election.", "United States"),
    ("Chile's Foreign Ministry condemns Peru over the border incident.", "Chile"),
    ("The Government of Chile condemns Peru over the border incident.", "Chile"),
    ("Team Chile wins the robotics contest in Geneva.", "Chile"),
    ("Iran seizes the Suezmax Malta-flagged tanker Orvella in the Gulf of Oman.", "Malta"),
])  # fmt: skip
def test_a_state_named_with_a_compass_word_a_title_or_its_body_stays_the_state(found_entities, text: str,
                                                                                 state: str) -> None:  # type: ignore[no-untyped-def]
    found = {e.label: e.type for e in found_entities(text)}
    assert found.get(state) is EntityType.STATE, found
