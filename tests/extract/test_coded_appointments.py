"""A verb of naming to an office (CAMEO's NAME block: appoint, elect, nominate ...) that the CAMEO
dictionary codes as cooperation or support gives a person a title, not an event between parties
(constructed sentences): the reading is kept, under the export threshold. Other verbs coded so
keep their base."""

from __future__ import annotations

import pytest

from kg.export import DEFAULT_MIN_CONFIDENCE
from kg.extract import events
from kg.records import EntityType, Event, EventType
from fictional_names import FICTIONAL_NAMES

ORG = EntityType.ORGANIZATION
NAMES = {**FICTIONAL_NAMES, "Ruritanian parliament": ("parliament", ORG)}


def _coded(annotated, text: str, event_type: EventType) -> list[Event]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [event for event in events.extract(doc, entities, article) if event.type is event_type]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("President Alma Vask appoints Omar Tellen as the new prime minister.", EventType.COOPERATE),
        ("The Ruritanian parliament elects Omar Tellen as prime minister.", EventType.COOPERATE),
        ("Omar Tellen is elected as prime minister by the Ruritanian parliament.", EventType.COOPERATE),
        ("Ruritania appoints Omar Tellen as its new ambassador to Freedonia.", EventType.SUPPORT),
    ],
)
def test_naming_an_official_falls_below_the_threshold(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    found = _coded(annotated, text, event_type)
    assert found, text
    assert all(event.provenance.confidence < DEFAULT_MIN_CONFIDENCE for event in found), found


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Ruritania assisted Freedonia in the kidnapping of an opposition politician.", EventType.COOPERATE),
        ("Alma Vask praises Omar Tellen for the agreement.", EventType.SUPPORT),
        ("Ruritania formally recognizes Freedonia as a sovereign state.", EventType.SUPPORT),
    ],
)
def test_other_coded_cooperation_and_support_keep_their_base(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    found = _coded(annotated, text, event_type)
    assert found, text
    assert all(event.provenance.confidence >= DEFAULT_MIN_CONFIDENCE for event in found), found
