"""Names the gazetteer does not know, typed and spanned by what the sentence says of them: a chain of
places after a name, or a locative preposition before it, makes it a place, unless it has an
organization's noun; a name after a person's particle goes on the person's name (sentences written
for the test, fictional names but for one real person)."""

from __future__ import annotations

import pytest

from kg.records import EntityType


@pytest.mark.parametrize(("text", "places"), [
    ("Gunmen kill five villagers in Dumbaro, Borno State, Nigeria.", ["Dumbaro"]),
    ("A car bomb explodes in Zorvana, Meta Department, Colombia, killing two people.", ["Meta Department"]),
    ("A Russian drone strike hits a shop in Velyka Kortivka, Sumy Oblast, Ukraine.", ["Velyka Kortivka", "Sumy Oblast"]),
    ("Israeli airstrikes kill three people in Toulbra and Nabatieh, Lebanon.", ["Nabatieh"]),
])  # fmt: skip
def test_a_name_followed_by_a_chain_of_places_ending_in_a_state_is_a_place(entity_types, text: str, places: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = entity_types(text)
    assert {place: found.get(place) for place in places} == {place: EntityType.LOCATION for place in places}


def test_every_mention_of_a_name_the_chain_makes_a_place_is_the_place(entity_types) -> None:  # type: ignore[no-untyped-def]
    found = entity_types("Four bombings hit police stations in Cúcuta, Norte de Santander Department, Colombia. "
                  "Authorities in Norte de Santander declare a curfew.")  # fmt: skip
    assert found["Cúcuta"] is EntityType.LOCATION
    assert found["Norte de Santander Department"] is EntityType.LOCATION
    assert found["Norte de Santander"] is EntityType.LOCATION  # the region's name without "Department"
    # No preposition of place before the shorter name: only the chain makes it the region.
    found = entity_types("Rebels attack a police station in Tarvo, Vell Brenna Department, Colombia. "
                         "Vell Brenna sends troops on Monday.")  # fmt: skip
    assert found["Vell Brenna"] is EntityType.LOCATION


@pytest.mark.parametrize(("text", "place"), [
    ("Militants attack an army post near Dharinqo, killing four soldiers.", "Dharinqo"),
    ("Ukrainian drones hit an oil refinery in Ilsky, injuring two workers.", "Ilsky"),
])  # fmt: skip
def test_the_object_of_a_locative_preposition_is_a_place(entity_types, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[place] is EntityType.LOCATION


@pytest.mark.parametrize(("text", "organization"), [
    # an organization's noun in the name
    ("Islamic terrorist Osama Krayem is found guilty at Stockholm District Court, Sweden, of a war crime.",
     "Stockholm District Court"),
    ("Protesters rally outside the Velmora Trade Council in Tarsk.", "Velmora Trade Council"),
    # the state after the comma does not end a phrase: a modifier, or a list
    ("According to the Syrian Observatory for Human Rights, U.S. forces are deploying a new convoy.",
     "Syrian Observatory for Human Rights"),
    ("Soldiers are killed in an ambush on a convoy of the Garvani Liberation Front, Nigeria and Chad say.",
     "Garvani Liberation Front"),
    # one word after "the": a body or a publication ("in the Diet", "in The Lancet")
    ("A study published in The Lancet claims that 3% of the population has died.", "Lancet"),
])  # fmt: skip
def test_an_organization_stays_an_organization(entity_types, text: str, organization: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)[organization] is EntityType.ORGANIZATION


def test_a_court_case_named_after_an_organization_is_no_place(entity_types) -> None:  # type: ignore[no-untyped-def]
    found = entity_types("The Supreme Court rules in Learning Resources v. Trump that the tariffs are unlawful.")
    assert found["Learning Resources"] is EntityType.ORGANIZATION


@pytest.mark.parametrize(("text", "person"), [
    ("Prime Minister Tomás d'Avila dos Reyes resigns.", "Tomás d'Avila dos Reyes"),  # "Reyes" tagged ORG
    ("Commission president Ursula von der Leyen survives a vote of confidence.", "Ursula von der Leyen"),  # "Leyen" GPE
])  # fmt: skip
def test_a_name_after_a_persons_particle_goes_on_the_persons_name_whatever_its_tag(entity_types, text: str, person: str) -> None:  # type: ignore[no-untyped-def]
    found = entity_types(text)
    assert found.get(person) is EntityType.PERSON
    assert set(found) == {person}


@pytest.mark.parametrize(("text", "organization", "kind"), [
    ("The United States reaches an agreement with the state-owned lender Tarsk Vellan over sanctions evasion.",
     "Tarsk Vellan", "Company"),
    ("Ruritania designates the protest music group Velvet Korma as an extremist organization.", "Velvet Korma", None),
])  # fmt: skip
def test_a_name_after_an_organizations_noun_is_that_organization(found_entities, text: str, organization: str,  # type: ignore[no-untyped-def]
                                                                 kind: str | None) -> None:
    found = {entity.label: entity for entity in found_entities(text)}
    assert (found[organization].type, found[organization].kind) == (EntityType.ORGANIZATION, kind)


def test_every_mention_of_a_name_after_an_organizations_noun_is_the_organization(entity_types) -> None:  # type: ignore[no-untyped-def]
    found = entity_types("Freedonia imposes sanctions on the oil company Dravna Industrija. Dravna Industrija denies the charges.")
    assert found["Dravna Industrija"] is EntityType.ORGANIZATION


@pytest.mark.parametrize("text", [
    "Police detain the journalist Omar Tellen in Tarsk.",  # a person's noun
    "The company hires Omar Tellen as its chief executive.",  # the organization's noun is no name's
    # the office is the title's: the name is its head's
    "Ruritania sanctions six officials, including head of the national security office Omar Tellen.",
])  # fmt: skip
def test_a_name_after_a_persons_noun_a_verb_or_a_title_stays_a_person(entity_types, text: str) -> None:  # type: ignore[no-untyped-def]
    assert entity_types(text)["Omar Tellen"] is EntityType.PERSON


@pytest.mark.parametrize(("text", "places"), [
    ("Russian shelling kills two people in Marvika, Zelnovsk Oblast, Ukraine.", ["Marvika", "Zelnovsk Oblast"]),
    ("A drone strike hits a warehouse in Fastiv, Kyiv Oblast, Ukraine.", ["Fastiv", "Kyiv Oblast"]),
    ("Government forces clash with gunmen in Deir ez-Zor Governorate.", ["Deir ez-Zor Governorate"]),
    ("Separatists seize the airport of al-Marqab Governorate.", ["al-Marqab Governorate"]),
    ("A Russian missile strike on Pelynka, Tarsk Oblast, kills three people.", ["Pelynka", "Tarsk Oblast"]),
    ("A person is killed by a Ukrainian drone attack in Taganrog, Rostov Oblast, Russia.", ["Taganrog", "Rostov Oblast"]),
])  # fmt: skip
def test_the_capitalised_words_before_a_region_noun_are_one_region(entity_types, text: str, places: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = entity_types(text)
    assert {place: found.get(place) for place in places} == {place: EntityType.LOCATION for place in places}


def test_a_region_name_does_not_take_the_words_before_its_name(entity_types) -> None:  # type: ignore[no-untyped-def]
    found = entity_types("Ukraine strikes an oil depot in Russia's Belgorod Oblast. "
                         "The Russian-occupied Zelnovsk Oblast holds a referendum.")  # fmt: skip
    assert found["Belgorod Oblast"] is EntityType.LOCATION
    assert found["Zelnovsk Oblast"] is EntityType.LOCATION
    assert found["Russia"] is EntityType.STATE
    assert "Ukraine" not in entity_types("A drone strike hits a warehouse in Fastiv, Kyiv Oblast.")  # the region, not the capital


def test_a_city_is_no_mention_of_the_region_named_after_it(found_entities) -> None:  # type: ignore[no-untyped-def]
    entities = found_entities("A glide bomb attack kills a woman in Zelnovsk, Zelnovsk Oblast, Ukraine.")
    assert {e.label for e in entities if e.type is EntityType.LOCATION} == {"Zelnovsk", "Zelnovsk Oblast"}


def test_a_darfur_or_kordofan_state_is_its_own_region(entity_types) -> None:  # type: ignore[no-untyped-def]
    found = entity_types("Fighters shell a market in Zalvana, North Darfur, while clashes spread across Kordofan.")
    assert found["North Darfur"] is EntityType.LOCATION
    assert found["Kordofan"] is EntityType.LOCATION
    assert "Darfur" not in found  # not the wider region
