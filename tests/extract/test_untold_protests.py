"""Protests told with no protester named, by a protest noun as the subject of a verb that says it
happened ("protests are held across X", "demonstrations erupt in Y"): a PROTEST with no actor,
placed where the clause puts it (a state included) and aimed at whom it is "against"; not a protest
planned, hypothetical, denied, told elsewhere or as a backdrop, in support of someone, or named in
passing. Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Harbour Workers Union": ("union", EntityType.ORGANIZATION),
    "police": ("police", EntityType.GROUP, None, False),
}
THRESHOLD = 0.5


def _protests(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None, float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.location, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.PROTEST]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "targets", "location"),
    [
        ("Anti-war protests are held across Ruritania.", (), "ruritania"),
        ("Protests erupt in Red Harbour for a second day after the currency drops in value.", (), "harbour"),
        ("Mass demonstrations take place in Red Harbour against president Alma Vask.", ("vask",), "harbour"),
        ("Protests against Alma Vask occur across Ruritania.", ("vask",), "ruritania"),
        ("Large rallies are organized in Red Harbour against the war.", (), "harbour"),
        ("Protests in Ruritania continue and spread across the country.", (), "ruritania"),
        ("Mass protests break out in Red Harbour.", (), "harbour"),
    ],
)
def test_a_protest_its_verb_says_happened_is_stated_with_no_actor(annotated, text, targets, location) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, text)
    assert ((), targets, location) in [(actors, aimed, place) for actors, aimed, place, score in found if score >= THRESHOLD], found


@pytest.mark.parametrize(
    "text",
    [
        "Protests are planned in Red Harbour against Alma Vask.",  # planned
        "Protests are called for across Ruritania.",
        "Protests could erupt in Red Harbour if prices rise.",  # hypothetical
        "Officials warn of unrest if protests erupt in Red Harbour.",
        "No protests are held in Red Harbour.",  # denied
        "The protests continue in Red Harbour.",  # told elsewhere
        "Police arrest dozens amid protests in Red Harbour.",  # named in passing
        "Talks resume as protests continue across Ruritania.",  # the backdrop of other news
        "Protests against the war in Ruritania are mounting.",  # no verb of happening
        "Protests are held on the anniversary of the war.",  # nowhere
        "Protests near Ruritania are held.",  # a state only near it
    ],
)
def test_no_protest_planned_denied_told_elsewhere_or_nowhere(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, text)
    assert not any(actors == () and score >= THRESHOLD and not targets for actors, targets, _, score in found) and not any(
        actors == () and score >= THRESHOLD and "vask" in targets for actors, targets, _, score in found), found


def test_a_protest_in_support_of_someone_is_aimed_at_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, "Counter-protests are held in Red Harbour in support of Alma Vask.")
    assert not any("vask" in targets for _, targets, _, _ in found), found


def test_a_protest_by_a_named_party_keeps_its_actor(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, "Protests organized by the Harbour Workers Union are held in Red Harbour.")
    assert all(actors != () or score < THRESHOLD for actors, _, _, score in found), found
