"""Event triggers and types on wordings of unseen news, each a construction that recurs in news
(constructed sentences, with negatives): resignations and releases with no one named acted upon."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType

STATE, PERSON, ORG, GROUP = EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GROUP
NAMES = {
    "Ruritania": ("ruritania", STATE),
    "Freedonia": ("freedonia", STATE),
    "Alma Vask": ("vask", PERSON),
    "Omar Tellen": ("tellen", PERSON),
    "131 detainees": ("detainees", GROUP, None, False),
    "40 prisoners": ("prisoners", GROUP, None, False),
}


def _events(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...], bool, float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [
        (event.type, event.actors, event.targets, event.provenance.negated, event.provenance.confidence)
        for event in events.extract(doc, entities, article)
    ]


# ---------------------------------------------------------------- resignations (codebook: RETREAT)


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask resigns as the foreign minister of Ruritania.",
        "Alma Vask resigned on Monday after the vote.",
        "Alma Vask steps down as prime minister.",
        "Alma Vask announced her resignation on Sunday.",
        "Alma Vask submitted her resignation to the president.",
    ],
)
def test_events_a_resignation_is_a_retreat_with_no_one_acted_upon(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is EventType.RETREAT and actors == ("vask",) and confidence >= 0.5
               for kind, actors, _, _, confidence in found), found  # fmt: skip
    assert not any(kind is EventType.CONCEDE for kind, *_ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask did not resign.",
        "Alma Vask refused to step down.",
    ],
)
def test_events_a_resignation_not_made_is_not_stated(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.RETREAT and confidence >= 0.5
                   for kind, _, _, _, confidence in _events(annotated, text)), _events(annotated, text)  # fmt: skip


def test_events_a_withdrawal_still_needs_a_place_or_someone_left() -> None:
    """Only the resignation mode stands alone: the coded RETREAT of a bare "withdraw" does not."""
    from kg.extract.lexicon import load_lexicons

    assert load_lexicons().events.coded["RETREAT"].words("targetless_modes") == frozenset({"resign"})


def test_events_a_bare_withdrawal_states_no_retreat(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.RETREAT for kind, *_ in _events(annotated, "Ruritania withdrew on Monday."))


# ------------------------------------------------------------ releases of people with no name


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Ruritania releases 131 detainees under alternative custody measures.", ("detainees",)),
        ("Ruritania freed 40 prisoners on Friday.", ("prisoners",)),
        ("Ruritania released Omar Tellen after a week.", ("tellen",)),
    ],
)
def test_events_a_release_of_people_with_or_without_names(annotated, text, targets) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is EventType.RETREAT and actors == ("ruritania",) and found_targets == targets and confidence >= 0.5
               for kind, actors, found_targets, _, confidence in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania released a statement on Monday.",
        "Ruritania released the report about Freedonia's economy.",
        "The ministry of Ruritania released new figures.",
    ],
)
def test_events_releasing_a_thing_is_no_release_of_captives(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.RETREAT for kind, *_ in _events(annotated, text)), _events(annotated, text)
