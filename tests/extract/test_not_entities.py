"""Words the model tags as names that name no entity: common words capitalised, peoples."""

from __future__ import annotations

import pytest

from kg.records import EntityType


@pytest.fixture(scope="module")
def names(found_entities):  # type: ignore[no-untyped-def]
    def find(text: str) -> dict[str, EntityType]:
        return {e.label: e.type for e in found_entities(text) if e.named}

    return find


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Citizens of Ecuador vote to elect a president and the members of the National Assembly.", "Citizens"),
        ("Tongans vote to elect 26 of the 30 members of the Legislative Assembly.", "Tongans"),
        ("Gunmen kill ten Alawite men in Zembla, Ruritania.", "Alawite"),
        ("Eastern front of the war in Zembla, Ruritania", "Eastern"),
        ("Ten of them were seeking Humanitarian aid in Zembla, Ruritania.", "Humanitarian"),
        ("Protesters in Zembla denounce the Eurosceptic policies of Prime Minister Karel Vostrak.", "Eurosceptic"),
    ],
)
def test_a_common_word_capitalised_is_no_name(names, text: str, word: str) -> None:  # type: ignore[no-untyped-def]
    found = names(text)
    assert word not in found
    assert found  # the sentence's real names are still found


def test_peoples_and_religious_communities_are_no_organizations(names) -> None:  # type: ignore[no-untyped-def]
    found = names("Pro-government Bedouin tribes issue an ultimatum to Druze insurgents in Zembla, Ruritania.")
    assert "Bedouin" not in found and "Druze" not in found
    assert found["Zembla"] is EntityType.LOCATION


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A UNMISS helicopter operator is killed after being fired on near Zembla.", "UNMISS"),  # an acronym tagged JJ
        ("Zorvex Dynamics says it will close its factory in Zembla.", "Zorvex Dynamics"),
        ("The Ruritanian Liberation Front claims the attack in Zembla.", "Ruritanian Liberation Front"),
    ],
)
def test_names_of_the_same_shape_stay(names, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name", "cut"),
    [
        ("The Royal Thai Navy engages Cambodian forces near Zembla.", "Royal Thai Navy", "Royal"),
        ("Karel Vostrak of the Social Democratic Party is elected president of Ruritania.", "Social Democratic Party",
         "Democratic Party"),
        ("Protesters in Zembla burn the Regional House of Representatives building.", "Regional House of Representatives",
         "Regional"),
        ("The U.S. Navy attacked a boat in the Eastern Pacific, killing four people.", "Eastern Pacific", "Eastern"),
    ],
)
def test_a_word_before_a_known_name_starts_one_longer_name(names, text: str, name: str, cut: str) -> None:  # type: ignore[no-untyped-def]
    found = names(text)
    assert name in found and cut not in found


def test_a_longer_name_that_is_a_law_or_an_acronym_after_a_place_is_none(names) -> None:  # type: ignore[no-untyped-def]
    found = names("Ireland and the United Kingdom agree to replace the Northern Ireland Legacy Act.")
    assert set(found) == {"Ireland", "United Kingdom"}
    found = names("Leaders meet at the Hague NATO summit to discuss Ruritania.")
    assert "Hague" in found and not any("Hague N" in label for label in found)  # an organization's acronym is no name's end
