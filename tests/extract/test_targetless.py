"""A named actor's demand whose object no entity names ("Ruritania calls for a ceasefire"): a REQUEST
with no target, stated only as a plain statement."""

import pytest

from kg.extract import events
from kg.records import EventType
from fictional_names import FICTIONAL_NAMES as NAMES

THRESHOLD = 0.5


def _read(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...], float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(e.type, e.actors, e.targets, e.provenance.confidence) for e in events.extract(doc, entities, article)]


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        ("Ruritania calls for a ceasefire.", EventType.REQUEST, "ruritania"),
        ("Alma Vask called for calm after the vote.", EventType.REQUEST, "vask"),
        ("Alma Vask urges restraint.", EventType.REQUEST, "vask"),
        ("Ruritania requests international aid.", EventType.REQUEST, "ruritania"),
    ],
)
def test_a_named_actor_acting_on_no_entity_is_an_event_without_target(annotated, text, event_type, actor) -> None:  # type: ignore[no-untyped-def]
    assert (event_type, (actor,), ()) in [(t, a, g) for t, a, g, score in _read(annotated, text) if score >= THRESHOLD]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania called the meeting to order.",  # calling a meeting is no request
        "Ruritania does not call for a ceasefire.",  # denied
        "Ruritania may call for a ceasefire.",  # possible
        "Freedonia said Ruritania condemned the strike.",  # another party's word
        "Gunmen called for a ceasefire.",  # no named actor
        "Ruritania's statement called for calm.",  # a document's words
        "Alma Vask pleaded guilty to the charges.",  # a plea
        "Ruritania orders the closure of its embassy.",  # an order is mostly no request to anyone
        "Ruritania condemns the strike.",  # charges, penalties and seizures still need a target
        "Ruritania imposes tariffs of 10% on imports.",
    ],
)
def test_no_event_without_target_unless_plainly_stated_by_a_named_actor(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not [event for event in _read(annotated, text) if not event[2] and event[0] is not EventType.ASSAULT]


def test_a_named_target_is_still_taken(annotated) -> None:  # type: ignore[no-untyped-def]
    assert [(t, a, g) for t, a, g, _ in _read(annotated, "Ruritania condemns Freedonia.")] == [
        (EventType.ACCUSE, ("ruritania",), ("freedonia",))]
