"""Demonstrations told by their crowd: a crowd verb (gather, rally, assemble, converge) whose subject
is a protester noun ("protesters gather in X") or whose clause protests ("people gather in X *to
protest*"), and a crowd's protest verb or "hold protests" placed in a state ("people hold protests
across Ruritania"). A PROTEST by the crowd (no actor where no entity stands for it), placed where
the clause says; not a gathering that protests nothing (mourners, a welcome, a celebration), nor a
planned or denied one. Constructed sentences."""

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
    "demonstrators": ("demonstrators", GROUP, None, False),
    "Demonstrators": ("demonstrators", GROUP, None, False),
    "students": ("students", GROUP, None, False),
    "Students": ("students", GROUP, None, False),
    "supporters": ("supporters", GROUP, None, False),
    "Supporters": ("supporters", GROUP, None, False),
    "mourners": ("mourners", GROUP, None, False),
    "Mourners": ("mourners", GROUP, None, False),
}
THRESHOLD = 0.5


def _protests(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None, float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.location, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.PROTEST]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actors", "targets", "location"),
    [
        ("Protesters gather in Red Harbour.", ("protesters",), (), "harbour"),
        ("Thousands of demonstrators rally in Red Harbour against Alma Vask.", ("demonstrators",), ("vask",), "harbour"),
        ("Demonstrators gather in cities across Ruritania.", ("demonstrators",), (), "ruritania"),
        ("Thousands of people gather in Red Harbour to protest against a new tax.", ("people",), (), "harbour"),
        ("Tens of thousands of people gather across Ruritania to protest against corruption.", ("people",), (), "ruritania"),
        ("Thousands of farmers assemble in Red Harbour to protest against the new tax.", (), (), "harbour"),
        ("Students hold protests in several cities across Ruritania.", ("students",), (), "ruritania"),
        ("At least 195,000 people hold protests across Ruritania to denounce budget cuts.", ("people",), (), "ruritania"),
        ("Over 60,000 people demonstrate across Ruritania.", ("people",), (), "ruritania"),
    ],
)
def test_a_crowd_that_protests_is_a_protest_where_it_gathers(annotated, text, actors, targets, location) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, text)
    assert (actors, targets, location) in [(who, aimed, place) for who, aimed, place, score in found if score >= THRESHOLD], found


@pytest.mark.parametrize(
    "text",
    [
        "Supporters gather in Red Harbour to celebrate the victory.",  # no protest
        "Mourners gather in Red Harbour for the funeral.",
        "Thousands of people gather in Red Harbour to welcome Alma Vask.",
        "Protesters plan to gather in Red Harbour.",  # planned
        "Protesters could rally in Red Harbour if prices rise.",  # hypothetical
        "Protesters did not gather in Red Harbour.",  # denied
        "Thousands of people gather to protest.",  # nowhere, against no one
    ],
)
def test_a_gathering_that_protests_nothing_or_is_not_held_is_no_protest(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert all(score < THRESHOLD for _, _, _, score in _protests(annotated, text))


def test_a_named_partys_protest_is_not_placed_in_a_state_by_its_crowd_rule(annotated) -> None:  # type: ignore[no-untyped-def]
    # "across Ruritania" places a crowd's protest; a named party's stays where its own paths put it.
    found = _protests(annotated, "The Northern Front holds protests across Ruritania.")
    assert all(place != "ruritania" for _, _, place, _ in found), found
