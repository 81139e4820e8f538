"""A demonstration by a crowd no name stands for ("thousands of people march in X"): with its
place or a named party it protests against, it clears the export threshold (0.5), the crowd's
protest verb inherited from the verb it gathers under included; with neither, planned or denied,
it stays under it. Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

GROUP = EntityType.GROUP
NAMES = {
    **FICTIONAL_NAMES,
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "people": ("people", GROUP, None, False),
    "protesters": ("protesters", GROUP, None, False),
    "Protesters": ("protesters", GROUP, None, False),
    "officials": ("officials", GROUP, None, False),
}
THRESHOLD = 0.5


def _protests(annotated, text: str) -> list[tuple[tuple[str, ...], str | None, float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.targets, event.location, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.PROTEST]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "targets", "location"),
    [
        ("Thousands of people march in Red Harbour on Sunday.", (), "harbour"),
        ("Tens of thousands of protesters demonstrate in Red Harbour.", (), "harbour"),
        ("Thousands of people protested against the government of Ruritania on Sunday.", ("ruritania",), None),
        ("Thousands of people gather in Red Harbour to protest against Alma Vask.", ("vask",), "harbour"),
    ],
)
def test_a_crowd_with_its_place_or_a_named_party_is_a_protest(annotated, text, targets, location) -> None:  # type: ignore[no-untyped-def]
    assert (targets, location) in [(found, place) for found, place, score in _protests(annotated, text) if score >= THRESHOLD]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people marched on Sunday.",  # no one named, nowhere
        "Thousands of people will march in Red Harbour on Sunday.",  # planned
        "Thousands of people did not march in Red Harbour.",  # denied
        "Protesters plan to rally in Red Harbour against Alma Vask.",
    ],
)
def test_a_crowd_with_nothing_to_follow_planned_or_denied_stays_under_the_threshold(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert all(score < THRESHOLD for _, _, score in _protests(annotated, text))


def test_the_protest_read_twice_keeps_the_place_and_date_of_either_reading(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of people marched in Red Harbour on Saturday, protesting against Alma Vask."
    doc, entities, article = annotated(text, NAMES)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.PROTEST]
    assert [(event.targets, event.location) for event in found] == [(("vask",), "harbour")]
    assert found[0].when is not None and found[0].provenance.confidence >= THRESHOLD
