"""A meeting noun's parties (constructed sentences): the subject or agent of its verb holds the
meeting only where the dictionary reads the verb with it as the meeting ("held talks", "the talks
were held by") or, for an object, as nothing else ("had a phone call"); the subject of a verb of
another event ("welcomed the talks") or of one with no reading ("the call was seconded by A and
B": an appeal backed) holds no meeting."""

from __future__ import annotations

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

PERSON = EntityType.PERSON
NAMES = {**FICTIONAL_NAMES, "Ivo Brandt": ("brandt", PERSON)}


def _consults(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets) for event in events.extract(doc, entities, article)
            if event.type is EventType.CONSULT]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask and Omar Tellen held talks in Geneva.",
        "The talks were held by Alma Vask and Omar Tellen.",
        "Alma Vask and Omar Tellen had a phone call on Monday.",
        "Alma Vask attended a meeting with Omar Tellen.",
        "Ivo Brandt welcomed the talks between Alma Vask and Omar Tellen.",  # the noun's own phrase
    ],
)
def test_the_parties_of_a_meeting_held(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert (("vask",), ("tellen",)) in _consults(annotated, text), _consults(annotated, text)


@pytest.mark.parametrize(
    "text",
    [
        "The call was quickly seconded by Alma Vask and Omar Tellen.",
        "Alma Vask and Omar Tellen welcomed the talks.",
        "The meeting was welcomed by Alma Vask and Omar Tellen.",
        "Alma Vask and Omar Tellen condemned the meeting.",
    ],
)
def test_no_meeting_between_those_who_only_back_or_welcome_it(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _consults(annotated, text)
    assert not any("vask" in actors and "tellen" in targets for actors, targets in found), found
