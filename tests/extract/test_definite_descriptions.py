"""A bare "the country" as a mention of the one state the article named before it, and of nothing
when two fit (constructed sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.entities import find_entities
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article, Entity


@pytest.fixture(scope="module")
def read():  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)

    def find(text: str) -> tuple[Entity, ...]:
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        return find_entities(annotate(nlp, article), article, gazetteer)

    return find


def _mentions(found: tuple[Entity, ...]) -> dict[str, set[str]]:
    return {entity.label: {mention.text for mention in entity.mentions} for entity in found}


@pytest.mark.parametrize(
    ("text", "label", "description"),
    [
        ("Cuba suspends refueling, saying it has exhausted the country's fuel supply.", "Cuba", "the country"),
        ("Vladimir Putin visited North Korea. It was his first visit to the country in 24 years.", "North Korea", "the country"),
    ],
)
def test_a_description_of_the_one_thing_named_before_is_its_mention(read, text, label, description) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert description in _mentions(found)[label], _mentions(found)


@pytest.mark.parametrize(
    "text",
    [
        # Two states before it in its sentence: which country is not said.
        "Belarus plans to open an embassy in North Korea after its president visited the country in March.",
        # None in its sentence, two in the article.
        "Britain asked the United States to waive immunity. She later left the country, police said.",
    ],
)
def test_a_description_two_things_fit_or_none_names_nothing(read, text) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    described = {m for mentions in _mentions(found).values() for m in mentions if m.lower().startswith("the ") and m.islower()}
    assert "the country" not in described, _mentions(found)
