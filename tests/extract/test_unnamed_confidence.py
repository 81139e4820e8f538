"""How sure kg is of an attack or an arrest whose actor has no name or is not stated: reported
violence with a named party on either side or with its place clears the export threshold (0.5);
with neither, or where another attack of the article names its actor, it stays under it.
Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType

STATE, PERSON, ORG, GROUP = EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GROUP
NAMES = {
    "Ruritania": ("ruritania", STATE),
    "Ruritanian": ("ruritania", STATE),
    "Freedonia": ("freedonia", STATE),
    "Alma Vask": ("vask", PERSON),
    "Omar Tellen": ("tellen", PERSON),
    "Northern Front": ("front", ORG),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "police officers": ("officers", GROUP, None, False),
    "people": ("people", GROUP, None, False),
    "gunmen": ("gunmen", GROUP, None, False),
    "Gunmen": ("gunmen", GROUP, None, False),
}
THRESHOLD = 0.5


def _scores(annotated, text: str, event_type: EventType = EventType.ASSAULT) -> list[float]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [event.provenance.confidence for event in events.extract(doc, entities, article) if event.type is event_type]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Omar Tellen was shot dead on Monday.", EventType.ASSAULT),  # a named victim
        ("Alma Vask has been detained.", EventType.COERCE),
        ("Four police officers are killed in Red Harbour.", EventType.ASSAULT),  # its place
        ("Gunmen killed four people in Red Harbour.", EventType.ASSAULT),  # a group acts there
        ("Ruritanian airstrikes killed four people on Monday.", EventType.ASSAULT),  # a named author
    ],
)
def test_reported_violence_with_a_named_party_or_a_place_clears_the_threshold(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    scores = _scores(annotated, text, event_type)
    assert scores and max(scores) >= THRESHOLD, scores


@pytest.mark.parametrize(
    "text",
    [
        "Four police officers were killed.",  # no one named, nowhere
        "Gunmen killed four people.",
        "Omar Tellen was not killed in Red Harbour.",  # nothing happened
        # The article names the author of its attack: the toll told after it is most likely that
        # attack's, not one by no one.
        "Ruritania fired missiles at Freedonia on Monday. Four police officers were injured in Red Harbour.",
    ],
)
def test_violence_by_no_one_named_with_nothing_to_follow_stays_under_the_threshold(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert all(event.provenance.confidence < THRESHOLD for event in found if not event.actors
               or all(key in ("gunmen",) for key in event.actors)), found  # fmt: skip


def test_a_body_found_reports_no_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _scores(annotated, "Omar Tellen is found dead in Red Harbour.") == []


def test_unnamed_actors_of_other_events_stay_under_the_threshold(annotated) -> None:  # type: ignore[no-untyped-def]
    scores = _scores(annotated, "Gunmen threatened Freedonia in Red Harbour.", EventType.THREATEN)
    assert all(score < THRESHOLD for score in scores), scores
