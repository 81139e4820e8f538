"""The two sides of a clash named by one *between*-phrase: on the clash noun ("clashes between X and
Y") or on the verb the noun is the subject of, after a place phrase or not ("clashes *erupt / break
out / continue / resume* in Z between X and Y"). Each side attacked the other, and the second side of
the list, or a modifier of a side's noun, is no farther from the clash than the first side's noun, so
both directions are exported (0.5 and over); constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian army": ("ruritania", EntityType.STATE),
    "Ruritanian government": ("ruritania", EntityType.STATE),
    "Northern Front": ("front", EntityType.ORGANIZATION),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "police": ("police", EntityType.GROUP, None, False),
    "protesters": ("protesters", EntityType.GROUP, None, False),
}
BOTH_WAYS = {("ruritania", "front"), ("front", "ruritania")}


def _assaults(annotated, text: str) -> dict[tuple[str, str], float]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return {
        (actor, target): event.provenance.confidence
        for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT
        for actor in event.actors for target in event.targets
    }  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Clashes erupt between the Ruritanian army and the Northern Front.",
        "Clashes break out between the Ruritanian army and the Northern Front.",
        "Heavy fighting continues between the Ruritanian army and the Northern Front.",
        "Clashes intensify between the Ruritanian army and the Northern Front.",
        "Clashes resume between the Ruritanian army and the Northern Front.",
        "Heavy fighting erupts in Red Harbour between the Ruritanian army and the Northern Front.",
        "Clashes between the Ruritanian army and the Northern Front erupt in Red Harbour.",
        "Fighting between the Ruritanian army and the Northern Front continues in Red Harbour.",
        "The Ruritanian army clashes with the Northern Front.",
    ],
)
def test_both_sides_of_a_clash_go_both_ways_and_are_exported(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert BOTH_WAYS <= found.keys(), found
    assert all(found[pair] >= 0.5 for pair in BOTH_WAYS), found


def test_a_side_named_by_the_modifier_of_its_noun_is_as_near_as_the_noun(annotated) -> None:  # type: ignore[no-untyped-def]
    """"the *Ruritanian* federal army": the side's state modifies the noun the list is of."""
    doc, entities, article = annotated(
        "Clashes erupt between the Ruritanian federal army and the Northern Front.",
        {**NAMES, "Ruritanian": ("ruritania", EntityType.STATE)},
    )
    found = {(event.actors, event.targets): event.provenance.confidence
             for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT}  # fmt: skip
    assert found == {(("ruritania",), ("front",)): 0.5, (("front",), ("ruritania",)): 0.5}, found


def test_a_clash_between_police_and_protesters_stays_an_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    """The gold's convention: clashes with police are ASSAULT both ways, not a demonstration."""
    found = _assaults(annotated, "Clashes erupt between police and protesters in Red Harbour.")
    assert {("police", "protesters"), ("protesters", "police")} <= found.keys(), found


@pytest.mark.parametrize(
    "text",
    [
        "Talks resume between the Ruritanian government and the Northern Front.",
        "Negotiations continue between the Ruritanian government and the Northern Front.",
        "Trade grows along the border between Ruritania and Freedonia.",
        "Clashes erupt in the region between Ruritania and Freedonia.",
    ],
)
def test_talks_and_a_border_between_two_parties_are_no_clash_of_theirs(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _assaults(annotated, text)
    assert not found, found


def test_a_fight_over_something_is_between_its_parties_only(annotated) -> None:  # type: ignore[no-untyped-def]
    """"clash over X": the thing fought over is no side."""
    found = _assaults(annotated, "The Ruritanian army and the Northern Front clash over Red Harbour.")
    assert BOTH_WAYS <= found.keys() and not any("harbour" in pair for pair in found), found
