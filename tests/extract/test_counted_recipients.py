"""A named party's act on people no name stands for but a count: counted people of CAMEO's
synsets (`&PEOPLE`, `&HOSTAGE`, `&REFUGEE`, `&SUSPECT`) are the recipient an AID or SANCTION
needs ("Ruritania rescues 20 hostages"), and prisoners, hostages or refugees counted are
whom a release frees ("Ruritania releases 18 prisoners"). Things counted, the trigger's own
participants and counts with no named actor stand on nothing. Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

THRESHOLD = 0.5
NAMES = {**FICTIONAL_NAMES, "Ruritanian": ("ruritania", EntityType.STATE)}


def _read(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], float, bool]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.provenance.confidence, event.provenance.hypothetical)
            for event in events.extract(doc, entities, article)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Ruritania rescues 20 hostages.", EventType.AID),
        ("Ruritanian troops rescued 12 civilians near the border.", EventType.AID),
        ("A Ruritanian court sentences eight people to life imprisonment.", EventType.SANCTION),
        ("Ruritania releases 18 prisoners.", EventType.RETREAT),
        ("Ruritania frees 40 captives.", EventType.RETREAT),
    ],
)
def test_a_named_party_acting_on_counted_people_is_exported(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    found = [(actors, score) for read, actors, score, hypothetical in _read(annotated, text) if read is event_type and not hypothetical]
    assert found and found[0][0] == ("ruritania",) and found[0][1] >= THRESHOLD, _read(annotated, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania sends 500 tons of aid.",  # a quantity of goods, no one received it
        "Ruritania buys 20 frigates from Freedonia.",  # ships, not people
        "Ruritania conducts military drills involving 25,000 troops.",  # the drill's own participants
        "Ruritania involves 300 citizens in an effort to rebuild the town.",  # a cooperation's own participants
        "Ruritania repatriates 73 nationals.",  # its own nationals brought home: no release
        "Police rescue 20 hostages.",  # no named actor
    ],
)
def test_things_participants_and_unnamed_actors_are_no_counted_recipients(annotated, text) -> None:  # type: ignore[no-untyped-def]
    kinds = (EventType.AID, EventType.COOPERATE, EventType.SANCTION, EventType.RETREAT)
    assert all(score < THRESHOLD for read, _, score, _ in _read(annotated, text) if read in kinds), _read(annotated, text)


def test_a_planned_rescue_of_counted_people_stays_hypothetical(annotated) -> None:  # type: ignore[no-untyped-def]
    read = [(event_type, hypothetical) for event_type, _, _, hypothetical in _read(annotated, "Ruritania plans to rescue 20 hostages.")]
    assert read and all(hypothetical for event_type, hypothetical in read if event_type is EventType.AID), read
