"""An arrest or detention by a named party of victims no name stands for but a count ("Ruritanian
police arrest 161 people", "40 protesters are detained by Ruritania") is whole, as a named party's
attack on counted victims is; an arrest of no one counted, or a warrant, stays incomplete.
Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EventType
from fictional_names import FICTIONAL_NAMES

THRESHOLD = 0.5


def _arrests(annotated, text: str) -> list[tuple[tuple[str, ...], float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, FICTIONAL_NAMES)
    return [(event.actors, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.COERCE]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania detains 677 people after they cross the border.",
        "Ruritanian police arrest 161 people suspected of links to the rebels.",
        "At least 343 protesters are arrested by Ruritanian police.",
    ],
)
def test_an_arrest_of_counted_victims_by_a_named_party_is_exported(annotated, text) -> None:  # type: ignore[no-untyped-def]
    [(actors, score)] = _arrests(annotated, text)
    assert actors == ("ruritania",)
    assert score >= THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian police arrest people suspected of links to the rebels.",
        "Ruritania issues arrest warrants for 36 people.",
    ],
)
def test_an_arrest_of_no_one_counted_stays_under_the_threshold(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert all(score < THRESHOLD for _, score in _arrests(annotated, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian police arrest 40 people during a protest in the capital.",
        "Ruritanian police arrest 40 protesters in the capital.",
    ],
)
def test_an_arrest_at_a_protest_is_coercion_not_assault(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """CAMEO's 175 "violent repression" for arrests of protesters reads as the codebook's COERCE."""
    doc, entities, article = annotated(text, FICTIONAL_NAMES)
    types = {event.type for event in events.extract(doc, entities, article)}
    assert EventType.COERCE in types and EventType.ASSAULT not in types, text
