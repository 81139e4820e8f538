"""Labour and hunger strikes (PLOVER PROTEST, modes strike and hunger; CAMEO 142, 143): the noun
*strike* marked as one by a modifier ("a *general* strike", "a *24-hour* strike", "the *teachers'*
strike", "a *hunger* strike"), by *on strike* ("workers *go on* strike") or by what it is over ("a
strike *over wages*") is a protest by its named party, and no attack. A strike on a place, an air or
drone strike stays an attack. Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Harbour Workers Union": ("union", EntityType.ORGANIZATION),
    "Vell": ("vell", EntityType.LOCATION),
}


def _events(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], str | None]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.mode) for event in events.extract(doc, entities, article)]


@pytest.mark.parametrize(
    ("text", "actor", "mode"),
    [
        ("The Harbour Workers Union begins a nationwide strike over pay.", "union", "strike"),
        ("The Harbour Workers Union launches a general strike across Ruritania.", "union", "strike"),
        ("The Harbour Workers Union goes on strike in Vell.", "union", "strike"),
        ("The Harbour Workers Union holds a 20-day strike over wages and pensions.", "union", "strike"),
        ("The Harbour Workers Union stages a strike over wages.", "union", "strike"),
        ("Alma Vask begins a hunger strike in prison.", "vask", "hunger"),
        ("Ruritania teachers begin a nationwide strike in Vell.", "ruritania", "strike"),  # was an attack on Vell
    ],
)
def test_a_labour_or_hunger_strike_is_a_protest_by_its_party(annotated, text, actor, mode) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is EventType.PROTEST and actor in actors and how == mode for kind, actors, how in found), found
    assert not any(kind is EventType.ASSAULT for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania launched a strike on the port of Vell.",
        "Ruritania carried out an air strike on Vell.",
        "Ruritania launched a drone strike on Freedonia.",
        "Ruritania ends its moratorium on strikes on Freedonia and strikes Vell.",
    ],
)
def test_a_strike_on_a_place_stays_an_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is EventType.ASSAULT for kind, _, _ in found), found
    assert not any(kind is EventType.PROTEST for kind, _, _ in found), found
