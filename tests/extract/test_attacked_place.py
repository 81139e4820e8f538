"""The place that stands in the phrase of what an attack hit ("gunmen open fire on a bar *in Red
Harbour*", "kill ten people in the village of *Red Harbour*") is where the attack happened; not
the office of a person hit; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritania": ("ruritania", EntityType.STATE),
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "gunmen": ("gunmen", EntityType.GROUP, None, False),
    "Gunmen": ("gunmen", EntityType.GROUP, None, False),
    "Protesters": ("protesters", EntityType.GROUP, None, False),
    "protesters": ("protesters", EntityType.GROUP, None, False),
    "police": ("police", EntityType.GROUP, None, False),
}


def _assaults(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.location, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen open fire on a bar in Red Harbour.",
        "Gunmen kill ten people in the Alawite village of Red Harbour, Ruritania.",
        "Gunmen storm a hotel near the airport in Red Harbour.",
        "Protesters clash with police in Red Harbour amid calls for the mayor to resign.",
        "At least 13 people are killed in an airstrike on a residential building near Red Harbour.",
        "A tanker near Red Harbour is struck by an unknown projectile.",
    ],
)
def test_a_party_less_attack_is_placed_by_the_phrase_of_what_it_hit(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert any(place == "harbour" and score >= 0.5 for _, _, place, score in found), found


@pytest.mark.parametrize(
    "text",
    [
        # no attack
        "At least fourteen people are killed when a gold mine collapses in Red Harbour.",
        "Four people are killed in a car crash near a school in Red Harbour.",
        # not happened
        "Gunmen may open fire on a bar in Red Harbour.",
        "Officials fear gunmen will attack a bar in Red Harbour.",
    ],
)
def test_no_placed_party_less_attack_for_no_attack_or_none_that_happened(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not any(not actors_named(actors) and place == "harbour" and score >= 0.5 for actors, _, place, score in found), found


def actors_named(actors: tuple[str, ...]) -> bool:
    return any(actor not in ("gunmen", "protesters", "police") for actor in actors)


def test_a_person_s_phrase_tells_their_office_not_the_place_of_the_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, "A Ruritanian airstrike kills Omar Tellen, the head of the police force in Red Harbour.")
    assert found and all(place != "harbour" for _, _, place, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen open fire on a bus travelling to Red Harbour.",  # a destination
        "Gunmen assault the attendees of a rally in Red Harbour.",  # the rally's place, not theirs
    ],
)
def test_a_place_not_of_what_was_hit_is_no_place_of_the_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert all(place != "harbour" for _, _, place, _ in found), found
