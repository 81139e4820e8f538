"""Headline reduced passives (constructed titles): a past form with no auxiliary and no object
in a headline is a passive, its subject the one acted upon ("X shot dead in Aden"); the actor
is the agent of a by-phrase or unstated, never the victim. A past form with an object, a body
sentence and a verb that acts on no one keep the active reading."""

from __future__ import annotations

from datetime import date

import pytest

from kg.records import Article, Event, EventType


def _events(pipeline, title: str | None, text: str = "More follows.") -> list[tuple[EventType, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(Article(id="headline", title=title, text=text, published=date(2025, 11, 29)))
    label = {entity.key: entity.label for entity in extraction.entities}
    return [(claim.type, [label[k] for k in claim.actors], [label[k] for k in claim.targets])
            for claim in extraction.claims if isinstance(claim, Event)]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "event_type", "victim"),
    [
        ("Yemeni journalist Nabil Hasan al-Quaety shot dead in Aden", EventType.ASSAULT, "Nabil Hasan al-Quaety"),
        ("Hamas leader Ismail Haniyeh killed in Tehran", EventType.ASSAULT, "Ismail Haniyeh"),
        ("Iranian diplomat Asadollah Assadi arrested in Germany", EventType.COERCE, "Asadollah Assadi"),
        ("Opposition leader Alexei Navalny detained in Moscow", EventType.COERCE, "Alexei Navalny"),
    ],
)
def test_a_headline_past_form_without_object_is_a_passive_with_no_actor(pipeline, title, event_type, victim) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, title)
    assert (event_type, [], [victim]) in found, found
    assert not any(victim in actors for _, actors, _ in found), found


def test_the_agent_of_a_headline_passive_is_its_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, "Hamas leader Ismail Haniyeh killed by Israel in Tehran")
    assert (EventType.ASSAULT, ["Israel"], ["Ismail Haniyeh"]) in found, found


@pytest.mark.parametrize(
    ("title", "text", "event_type", "actor", "target"),
    [
        ("Russia shot down a drone over Poland", "More follows.", None, "Russia", None),  # an object: active
        ("Russia attacked Ukraine", "More follows.", EventType.ASSAULT, "Russia", "Ukraine"),
        ("Iran strikes Israel", "More follows.", EventType.ASSAULT, "Iran", "Israel"),  # present tense: active
        # A body sentence with a full stop is no headline: the past form is the active verb.
        (None, "Ruritanian officials said Israel attacked in Gaza.", EventType.ASSAULT, "Israel", None),
    ],
)
def test_a_past_form_with_an_object_or_in_prose_stays_active(pipeline, title, text, event_type, actor, target) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, title, text)
    assert not any(actor in targets for _, _, targets in found), found
    if event_type is not None:
        assert any(kind is event_type and actor in actors and (target is None or target in targets)
                   for kind, actors, targets in found), found  # fmt: skip


@pytest.mark.parametrize(
    "title",
    [
        "Trump and Putin met in Alaska",  # a meeting acts on no one
        "Protesters marched in Paris against Macron",
    ],
)
def test_a_verb_that_acts_on_no_one_is_no_passive(pipeline, title) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, title)
    assert not any(not actors and targets for _, actors, targets in found), found
