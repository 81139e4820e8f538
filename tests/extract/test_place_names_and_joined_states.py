"""Entity errors that put wrong parties in events (bench/EVENT_PRECISION.md): a place's name the model
tags as a person's, read as a place from the parse (a place's noun in apposition, a list with a place
after a place's preposition), and a state's name the ruler matched inside another state's longer
hyphenated name or demonym (sentences written for the test; fictional names but for real states and
places where the point is a real name)."""

from __future__ import annotations

import pytest

from kg.records import EntityType


@pytest.mark.parametrize(("text", "place"), [
    ("Al-Shabaab militants recapture Moqokori, a town in the Hiiraan region of Somalia.", "Moqokori"),
    ("The army says that it liberated Wad Madani, the capital of Gezira State, Sudan, from the rebels.", "Wad Madani"),
    ("Rebels take over the center of Bukavu, the capital of South Kivu in eastern DR Congo.", "Bukavu"),
])  # fmt: skip
def test_a_name_with_a_place_noun_in_apposition_is_a_place(entity_types, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[place] is EntityType.LOCATION


@pytest.mark.parametrize(("text", "place"), [
    ("The Israeli military conducts multiple airstrikes on Rafah and Khan Yunis in southern Gaza.", "Khan Yunis"),
    ("At least 25 Palestinians are killed by Israeli airstrikes in Gaza, including in Deir al-Balah and Khan Younis.",
     "Khan Younis"),
])  # fmt: skip
def test_a_longer_name_listed_with_a_place_after_a_place_preposition_is_a_place(entity_types, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[place] is EntityType.LOCATION


@pytest.mark.parametrize(("text", "place"), [
    ("At least 13 people are killed in an Iranian ballistic missile attack on Bat Yam.", "Bat Yam"),
    ("Israeli troops and tanks enter Deir al-Balah in central Gaza for the first time.", "Deir al-Balah"),
    ("China seizes the disputed Sandy Cay Reef in the Spratly Islands.", "Sandy Cay Reef"),
])  # fmt: skip
def test_a_longer_name_where_only_a_place_stands_is_a_place(entity_types, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[place] is EntityType.LOCATION


@pytest.mark.parametrize(("text", "group"), [
    ("Jaysh al-Adl militants kill five border guards in an ambush.", "Jaysh al-Adl"),
    ("Islamist militant group Jama'at Nasr al-Islam claims an attack on a military base.", "Jama'at Nasr al-Islam"),
    ("A spokesman for the Al-Qassam Brigades announces the release of three hostages.", "Al-Qassam Brigades"),
])  # fmt: skip
def test_a_name_tagged_as_a_persons_with_a_groups_word_is_an_organization(entity_types, text: str, group: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text).get(group) is EntityType.ORGANIZATION


@pytest.mark.parametrize(("text", "person"), [
    ("A gunman opens fire in an attack on Dorin Valek, the mayor of Tarsk.", "Dorin Valek"),  # "on" under an attack, but a title
    ("Police detain Dorin Valek at the border.", "Dorin Valek"),  # a verb whose object may be a person

    ("Police arrest Dorin Valek, the town's mayor, over the killings.", "Dorin Valek"),  # the appositive's head is a title
    ("Ruritania sanctions Tarsk City and Dorin Valek over the crackdown.", "Dorin Valek"),  # a list, but no preposition
    ("Ruritania holds talks with Alma Vask and Dorin Valek in Tarsk.", "Dorin Valek"),  # people listed together
    # a name the parser may hang on a place as a conjunct, with no "and" before it
    ("After establishing a new administration in Goma, Congo River Alliance leader Corneille Nangaa confirms his plans.",
     "Corneille Nangaa"),
])  # fmt: skip
def test_people_stay_people(entity_types, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text).get(person) is EntityType.PERSON


def test_a_state_name_inside_another_states_hyphenated_demonym_is_that_state(entity_types) -> None:  # type: ignore[no-untyped-def]
    found = entity_types("Portugal summons the Guinea-Bissauan ambassador over the move.")
    assert found.get("Guinea-Bissau") is EntityType.STATE
    assert "Guinea" not in found


def test_states_joined_by_a_hyphen_stay_two_states(entity_types) -> None:  # type: ignore[no-untyped-def]
    found = entity_types("Officials prepare the Russia-Ukraine talks in Istanbul.")
    assert found.get("Russia") is EntityType.STATE and found.get("Ukraine") is EntityType.STATE
