"""Reopening a border, crossing, checkpoint, airspace, port or strait is PLOVER's RETREAT, mode
`access` (the codebook's "allowing the entry of ..."), toward the party named by the *with* / *to*
phrase; a reopening announced by its own actor is CONCEDE; closing one toward a *with* phrase of the
verb stays COERCE; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EventType
from fictional_names import FICTIONAL_NAMES as NAMES


def _read(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [
        (event.type, event.actors, event.targets, event.mode, event.provenance.negated)
        for event in events.extract(doc, entities, article)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania reopens its border with Freedonia.",
        "Ruritania reopened the border with Freedonia.",
        "Ruritania reopens the strait to Freedonian ships.",
        "Ruritania reopened its border checkpoints with Freedonia after closing them.",
        "Ruritania opens its airspace to Freedonia.",
    ],
)
def test_a_reopened_border_is_a_retreat_toward_the_partner(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.RETREAT, ("ruritania",), ("freedonia",), "access", False) in _read(annotated, text), _read(annotated, text)


def test_a_reopening_announced_by_its_actor_is_a_concession(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, "Ruritania says it will reopen its border with Freedonia.")
    assert any(kind is EventType.CONCEDE and actors == ("ruritania",) and targets == ("freedonia",) and not negated
               for kind, actors, targets, _, negated in found), found  # fmt: skip
    assert not any(kind is EventType.RETREAT for kind, *_ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania will not reopen its border with Freedonia.",
        "Ruritania refuses to reopen its border with Freedonia.",
    ],
)
def test_a_reopening_refused_stays_negated(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _read(annotated, text) if event[0] in (EventType.RETREAT, EventType.CONCEDE)]
    assert found and all(negated for *_, negated in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania opens fire on Freedonia.",
        "Ruritania opens talks with Freedonia.",
        "Ruritania opens an embassy in Freedonia.",
        "Ruritania reopens schools after the floods in Freedonia.",
        "Ruritania opens a port with Freedonian investment.",
    ],
)
def test_other_openings_are_no_retreat(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.RETREAT for kind, *_ in _read(annotated, text)), _read(annotated, text)


@pytest.mark.parametrize("text", ["Ruritania closed the border with Freedonia.", "Ruritania closes its borders with Freedonia."])
def test_a_border_closed_with_a_partner_is_coercion_of_the_partner(annotated, text) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs the *with* phrase on the verb here, not on "border"
    found = _read(annotated, text)
    assert any(kind is EventType.COERCE and actors == ("ruritania",) and targets == ("freedonia",)
               for kind, actors, targets, *_ in found), found  # fmt: skip
