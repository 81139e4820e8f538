"""A state named only by the demonym that qualifies an unnamed group of no state organ's sector
("Somali pirates", "Israeli settlers", "a Tunisian man", "Haitian gangs") does not act through the
group: the group acts. A state organ ("Israeli troops", "Russian soldiers", "Egyptian police") still
acts for its state, also in a list the demonym qualifies with a private group ("Israeli settlers and
soldiers"), and a name the model missed whose words are proper nouns ("the South Sudan
People's Defence Forces") is left as read. Through the whole extract stage (real model, gazetteer
and entity stage), constructed sentences."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article, EntityType, Event


@pytest.fixture(scope="module")
def actors():  # type: ignore[no-untyped-def]
    """`actors(text)` -> the label and type of every actor of every event read from one article."""
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)

    def read(text: str) -> set[tuple[str, EntityType]]:
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        extraction = extract(annotate(nlp, article), article, gazetteer=gazetteer)
        entities = {entity.key: entity for entity in extraction.entities}
        return {(entities[key].label, entities[key].type) for claim in extraction.claims if isinstance(claim, Event)
                for key in claim.actors}  # fmt: skip

    return read


@pytest.mark.parametrize(
    "text, state",
    [
        ("Somali pirates hijack a cargo ship off the coast of Puntland.", "Somalia"),
        ("Israeli settlers attack villagers near Nablus.", "Israel"),
        ("A Tunisian man stabs two police officers in Hamburg.", "Tunisia"),
        ("Haitian gangs attack a police station in Port-au-Prince.", "Haiti"),
        ("Palestinian gunmen open fire on a bus near Hebron, killing two Israelis.", "Palestine"),
        ("Colombian rebels attack a military base in Arauca.", "Colombia"),
    ],
)
def test_a_private_group_acts_for_itself_not_for_the_state_of_its_demonym(actors, text: str, state: str) -> None:  # type: ignore[no-untyped-def]
    found = actors(text)
    assert found, text
    assert all(label != state for label, _ in found), found
    assert any(kind is EntityType.GROUP for _, kind in found), found


@pytest.mark.parametrize(
    "text, state",
    [
        ("Israeli troops attack a village near Jenin.", "Israel"),
        ("Russian soldiers seize a cargo ship off Odesa.", "Russia"),
        ("Egyptian police arrest 12 smugglers in Sinai.", "Egypt"),
        ("Turkish warplanes strike Kurdish militants in northern Iraq.", "Türkiye"),
        ("The South Sudan People's Defence Forces capture the town of Akobo.", "South Sudan"),
        ("Israeli settlers and soldiers attack villagers near Nablus.", "Israel"),
    ],
)
def test_a_state_organ_or_a_missed_name_still_acts_for_its_state(actors, text: str, state: str) -> None:  # type: ignore[no-untyped-def]
    assert any(label == state and kind is EntityType.STATE for label, kind in actors(text)), actors(text)
