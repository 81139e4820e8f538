"""Bare definite descriptions ("the council", "the country") as mentions of the one thing of
their kind the article named before them, and of nothing when two fit (constructed sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import events
from kg.extract.entities import find_entities
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article, Entity, EventType


@pytest.fixture(scope="module")
def read():  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)

    def find(text: str) -> tuple[tuple[Entity, ...], list[tuple[EventType, tuple[str, ...], tuple[str, ...]]]]:
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        doc = annotate(nlp, article)
        found = find_entities(doc, article, gazetteer)
        labels = {entity.key: entity.label for entity in found}
        stated = [(e.type, tuple(labels[k] for k in e.actors), tuple(labels[k] for k in e.targets))
                  for e in events.extract(doc, found, article)]  # fmt: skip
        return found, stated

    return find


def _mentions(found: tuple[Entity, ...]) -> dict[str, set[str]]:
    return {entity.label: {mention.text for mention in entity.mentions} for entity in found}


@pytest.mark.parametrize(
    ("text", "label", "description"),
    [
        ("The Southern Transitional Council seized Aden in August. Both the council and the government called for calm.",
         "Southern Transitional Council", "the council"),
        ("Cuba suspends refueling, saying it has exhausted the country's fuel supply.", "Cuba", "the country"),
        ("Vladimir Putin visited North Korea. It was his first visit to the country in 24 years.", "North Korea", "the country"),
    ],
)
def test_a_description_of_the_one_thing_named_before_is_its_mention(read, text, label, description) -> None:  # type: ignore[no-untyped-def]
    found, _ = read(text)
    assert description in _mentions(found)[label], _mentions(found)


@pytest.mark.parametrize(
    "text",
    [
        # Two states before it in its sentence: which country is not said.
        "Belarus plans to open an embassy in North Korea after its president visited the country in March.",
        # None in its sentence, two in the article.
        "Britain asked the United States to waive immunity. She later left the country, police said.",
        # Two councils named.
        "The Southern Transitional Council and the Presidential Leadership Council met. The council said talks failed.",
        # A body's own word, not any name's last one.
        "The Federal Aviation Administration issued a notice. The administration threatened Venezuela.",
        # A description that says which one is no bare one.
        "The Southern Transitional Council met in Aden. The security council of Yemen condemned it.",
    ],
)
def test_a_description_two_things_fit_or_none_names_nothing(read, text) -> None:  # type: ignore[no-untyped-def]
    found, _ = read(text)
    described = {m for mentions in _mentions(found).values() for m in mentions if m.lower().startswith("the ") and m.islower()}
    assert not described & {"the country", "the council", "the administration"}, _mentions(found)


def test_a_described_body_acts(read) -> None:  # type: ignore[no-untyped-def]
    _, stated = read("The Southern Transitional Council seized Aden in August. The council accused Saudi Arabia of treason.")
    assert (EventType.ACCUSE, ("Southern Transitional Council",), ("Saudi Arabia",)) in stated, stated
