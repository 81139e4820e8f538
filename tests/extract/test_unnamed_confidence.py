"""How sure kg is of an attack or an arrest whose actor has no name or is not stated: reported
violence with a named party on either side or with its place clears the export threshold (0.5);
with neither, or where another attack of the article names its actor, it stays under it.
Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

STATE, ORG, GROUP = EntityType.STATE, EntityType.ORGANIZATION, EntityType.GROUP
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", STATE),
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


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("An attack in Red Harbour kills five police officers.", "harbour"),
        ("An airstrike near a market in Red Harbour kills at least 30 people.", "harbour"),
        ("Four police officers were killed in an attack on a mosque in Red Harbour.", "harbour"),
    ],
)
def test_a_verb_with_no_place_of_its_own_takes_the_place_of_its_attack(annotated, text, location) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert any(event.location == location and event.provenance.confidence >= THRESHOLD for event in found), found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Ruritanian airstrikes kill 78 fishermen.", "ruritania"),  # counted victims no entity names
        ("The Northern Front killed at least 12 villagers on Monday.", "front"),
        ("At least 64 fishermen are killed by Ruritanian tanks.", "ruritania"),
    ],
)
def test_counted_victims_no_entity_names_are_still_acted_upon(annotated, text, actor) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert [(event.actors, event.targets) for event in found] == [((actor,), ())], found


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Front killed the villagers on Monday.",  # not counted: who is unclear
        "Gunmen killed 12 villagers on Monday.",  # no one named, nowhere
        "The Northern Front did not kill 12 villagers.",
    ],
)
def test_uncounted_or_unnamed_or_denied_killings_of_no_entity_stay_unstated(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert all(event.provenance.confidence < THRESHOLD for event in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Two people are killed in a shooting in Red Harbour.",
        "Four police officers were killed in an ambush in Red Harbour.",
        "Four people are injured in a mass stabbing in Red Harbour.",
        "Four police officers are killed in a shootout in Red Harbour.",
    ],
)
def test_shootings_ambushes_and_stabbings_are_attacks(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    found = [(event.actors, event.location, event.provenance.confidence >= THRESHOLD)
             for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]  # fmt: skip
    assert ((), "harbour", True) in found, found


def test_a_shootout_with_a_party_is_no_attack_by_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Four police officers are killed in a shootout with the Northern Front.", NAMES)
    assert not [event for event in events.extract(doc, entities, article) if not event.actors]


def test_a_named_partys_attack_on_unnamed_victims_is_whole(annotated) -> None:  # type: ignore[no-untyped-def]
    whole = _scores(annotated, "Ruritanian airstrikes killed four people on Monday.")
    arrest = _scores(annotated, "Ruritania arrested four people on Monday.", EventType.COERCE)
    assert whole and arrest and max(whole) > max(arrest), (whole, arrest)  # an arrest names whom it holds


def test_counted_victims_of_no_one_nowhere_are_no_event(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _scores(annotated, "At least 78 fishermen were killed on Monday.") == []


def test_weapons_counted_are_no_victims(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _scores(annotated, "The Northern Front fired 36 shells on Monday.") == []
