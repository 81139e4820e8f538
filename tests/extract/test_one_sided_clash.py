"""A clash with one side named ("killed in clashes with X"): the named side fought, the other is not
named, so the event has that side as actor and no target; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Northern Front": ("front", EntityType.ORGANIZATION),
    "Southern Movement": ("movement", EntityType.ORGANIZATION),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "gunmen": ("gunmen", EntityType.GROUP, None, False),
}


def _assaults(annotated, text: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return {(event.actors, event.targets) for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT}


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers are killed in overnight clashes with the Northern Front in Red Harbour.",
        "Omar Tellen was killed during clashes with the Northern Front.",
        "Three police officers die in a shootout with the Northern Front near Red Harbour.",
    ],
)
def test_a_clash_with_one_named_side_has_that_side_as_actor(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _assaults(annotated, text) == {(("front",), ())}


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers are killed in clashes with gunmen in Red Harbour.",  # an unnamed group: no side named
        "Two soldiers are killed in clashes with security forces.",  # nobody named
    ],
)
def test_a_clash_with_no_named_side_states_nothing(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _assaults(annotated, text) == set()


def test_a_list_after_with_is_one_side_not_two(annotated) -> None:  # type: ignore[no-untyped-def]
    """ "clashes with X and Y": X and Y fought on one side, not each other."""
    found = _assaults(annotated, "The army retakes two towns after clashes with the Northern Front and the Southern Movement.")
    assert found and all(not targets for _, targets in found)
    assert {key for actors, _ in found for key in actors} == {"front", "movement"}


def test_a_clash_with_both_sides_named_goes_both_ways(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, "Two soldiers are killed in clashes between Ruritania and the Northern Front.")
    assert found == {(("ruritania",), ("front",)), (("front",), ("ruritania",))}
