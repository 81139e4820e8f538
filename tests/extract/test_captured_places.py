"""The capture of a place is CAMEO's 192 (occupy territory: COERCE, seize) with the place where it
happened: *take / retake / regain / seize control of X*, *retake X* (CAMEO's *recapture*), beside
*capture*, *seize*, *recapture*; the place captured is the target where no side is named, even in
the actor's own state, never that state; not control of something that is no place ("the economy", "the
Senate"), nor a capture of the imagination; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Northern Front": ("front", EntityType.ORGANIZATION),
    "Senate": ("senate", EntityType.ORGANIZATION),
    "RSF": ("rsf", EntityType.ORGANIZATION),
    "Kurmuk": ("kurmuk", EntityType.LOCATION),
    "Al Shabaab": ("shabaab", EntityType.ORGANIZATION),
    "Cadale": ("cadale", EntityType.LOCATION),
}


def _seizures(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.location) for event in events.extract(doc, entities, article)
            if event.type is EventType.COERCE and event.provenance.confidence >= 0.5]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania takes control of Red Harbour.",
        "Ruritanian forces have taken full control of Red Harbour after months of fighting.",
        "Ruritania retakes control of Red Harbour.",
        "Ruritania regains control of Red Harbour.",
        "Ruritania retakes Red Harbour.",
        "Ruritania retook the town of Red Harbour on Monday.",
        # the readings main already had
        "Ruritania seizes control of Red Harbour.",
        "Ruritania recaptures Red Harbour.",
    ],
)
def test_a_place_taken_is_a_seizure_there(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _seizures(annotated, text)
    assert any("ruritania" in actors and location == "harbour" for actors, _, location in found), found


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        ("The RSF retakes Kurmuk after heavy fighting.", "rsf", "kurmuk"),
        ("The RSF has retaken control of the Blue Nile town of Kurmuk.", "rsf", "kurmuk"),
        ("Al Shabaab seizes the town of Cadale.", "shabaab", "cadale"),
        ("Ruritania takes control of Red Harbour.", "ruritania", "harbour"),
        ("Ruritania recaptures Red Harbour, Ruritania.", "ruritania", "harbour"),
    ],
)
def test_the_place_captured_is_the_target(annotated, text, actor, place) -> None:  # type: ignore[no-untyped-def]
    found = _seizures(annotated, text)
    assert any(actor in actors and targets == (place,) for actors, targets, _ in found), found


def test_the_side_a_place_is_taken_from_is_the_target(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _seizures(annotated, "Ruritania takes control of Red Harbour from the Northern Front.")
    assert any("ruritania" in actors and targets == ("front",) for actors, targets, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania takes control of the economy.",
        "The Northern Front regains control of the Senate.",
        "Ruritania retakes the lead in the medal table.",
        "The film captures the imagination of Ruritania.",
        "Alma Vask takes control of the company in Red Harbour.",
    ],
)
def test_control_of_no_place_is_no_seizure(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _seizures(annotated, text)
    assert not any(location == "harbour" or targets for _, targets, location in found), found


def test_captured_fighters_are_no_place_taken(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _seizures(annotated, "Ruritanian troops captured militants of the Northern Front.")
    assert not any(location is not None for _, _, location in found), found


def test_weapons_seized_in_a_place_do_not_target_it(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _seizures(annotated, "Ruritanian police seize weapons in Red Harbour.")
    assert not any("harbour" in targets for _, targets, _ in found), found
