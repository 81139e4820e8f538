"""Titles a clause gives a person ("X is sworn in as president", "appoints X as defence minister",
"X succeeds Y as prime minister"), from sentences written for the test (fictional people)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import roles
from kg.extract.entities import find_entities
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article


@pytest.fixture(scope="module")
def triples():  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)

    def read(text: str) -> set[tuple[str, str, str]]:
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        doc = annotate(nlp, article)
        entities = find_entities(doc, article, gazetteer)
        labels = {entity.key: entity.label for entity in entities}
        return {(labels[r.person], r.role, labels[r.of]) for r in roles.extract(doc, entities, article)}

    return read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sarah Collins is sworn in as the president of Peru.", ("Sarah Collins", "president", "Peru")),
        ("Sarah Collins, who was sworn in as president of Peru on Monday, met Daniel Whitfield.",
         ("Sarah Collins", "president", "Peru")),
        ("Daniel Whitfield is elected president of Chile.", ("Daniel Whitfield", "president", "Chile")),
        ("Chilean president Sarah Collins appoints Daniel Whitfield as defence minister.",
         ("Daniel Whitfield", "defense minister", "Chile")),
        ("The Ukrainian parliament appoints Daniel Whitfield as the new prime minister.",
         ("Daniel Whitfield", "prime minister", "Ukraine")),
        ("Daniel Whitfield is sworn in for a third term as President of Chile.", ("Daniel Whitfield", "president", "Chile")),
        ("The Organization of American States elects Daniel Whitfield to serve as its secretary general.",
         ("Daniel Whitfield", "secretary-general", "Organization of American States")),
        ("Daniel Whitfield resigns as foreign minister of Norway.", ("Daniel Whitfield", "foreign minister", "Norway")),
        ("Sarah Collins wins the election in Chile, becoming the first female president of Chile.",
         ("Sarah Collins", "president", "Chile")),
        ("The talks with Chile ended. Sarah Collins is elected as the country's new president.",
         ("Sarah Collins", "president", "Chile")),
        # a city's office is the city's (patterns/place_offices.tsv), not the state's its demonym names
        ("Daniel Whitfield is elected as the mayor of Lima to become the city's first American mayor.",
         ("Daniel Whitfield", "mayor", "Lima")),
    ],
)  # fmt: skip
def test_a_clause_gives_the_title(triples, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in triples(text)


def test_the_successor_holds_the_title_not_the_predecessor(triples) -> None:  # type: ignore[no-untyped-def]
    found = triples("Daniel Whitfield succeeds Sarah Collins as prime minister of Norway.")
    assert found == {("Daniel Whitfield", "prime minister", "Norway")}
    assert not {t for t in triples("Daniel Whitfield was replaced as prime minister of Norway by Sarah Collins.")
                if t[0] == "Daniel Whitfield"}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Daniel Whitfield was sworn in as a witness in the trial.",  # no office
        "Daniel Whitfield succeeds the president of Peru.",  # the president is someone else
        "The Peruvian Congress did not elect Daniel Whitfield as president.",  # negated
        "Daniel Whitfield and Laura Ortiz become the first Peruvian ministers to visit Norway.",  # a first, not an office
        "Sarah Collins defeats Daniel Whitfield to become the next president of Chile.",  # the defeated one
        "Daniel Whitfield wins the party vote in Canada, becoming prime minister–designate of Canada.",  # not yet
        "Daniel Whitfield and Laura Ortiz are sworn in as the president and vice president of Chile.",  # which is whose
    ],
)
def test_no_title_where_the_clause_gives_none(triples, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not {t for t in triples(text) if t[0] in ("Daniel Whitfield", "Laura Ortiz")}


def test_each_title_goes_to_the_person_nearest_before_it(triples) -> None:  # type: ignore[no-untyped-def]
    found = triples("Chilean president Sarah Collins appoints Daniel Whitfield as her deputy and Laura Ortiz "
                    "as the new foreign minister.")  # fmt: skip
    assert ("Daniel Whitfield", "foreign minister", "Chile") not in found


def test_a_singular_title_is_not_shared_by_the_names_after_it(triples) -> None:  # type: ignore[no-untyped-def]
    found = triples("After calls with Chilean President Sarah Collins and Peruvian Prime Minister Laura Ortiz, "
                    "Daniel Whitfield announces a pause on tariffs.")  # fmt: skip
    assert ("Laura Ortiz", "prime minister", "Peru") in found
    assert not {t for t in found if t[0] == "Daniel Whitfield"}
    assert {("Sarah Collins", "president", "Chile"), ("Laura Ortiz", "president", "Chile")} & found == {
        ("Sarah Collins", "president", "Chile")
    }
