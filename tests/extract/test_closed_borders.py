"""Closing a border, crossing, checkpoint, airspace, port or strait is PLOVER's COERCE, mode
`restrict` (CAMEO's CLOSE * AIRSPACE / * BORDER [172], * ACCESS [191]): toward the state the
closure is aimed at (*with* Y, *to* Y's ships), else with no target when only the closer's own
place is closed; the noun *closure* by its holder; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES as NAMES


def _read(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [
        (event.type, event.actors, event.targets, event.mode, event.provenance.negated, event.provenance.hypothetical)
        for event in events.extract(doc, entities, article)
    ]


def _stated_coercion(found):  # type: ignore[no-untyped-def]
    return [event for event in found if event[0] is EventType.COERCE and not event[4] and not event[5]]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Ruritania closes its airspace.", ()),
        ("Ruritania shuts its border checkpoints after the riots.", ()),
        ("The strait was closed by Ruritania.", ()),
        ("Ruritania closes the strait to Freedonian ships.", ("freedonia",)),
        ("Ruritania announces the closure of its border with Freedonia.", ("freedonia",)),
        ("Elbonia condemns Ruritania's closure of the border crossing.", ()),
    ],
)
def test_a_closed_border_or_strait_is_coercion_by_its_holder(annotated, text, targets) -> None:  # type: ignore[no-untyped-def]
    found = _stated_coercion(_read(annotated, text))
    assert (EventType.COERCE, ("ruritania",), targets, "restrict", False, False) in found, found


def test_the_closed_crossing_is_not_the_target(annotated) -> None:  # type: ignore[no-untyped-def]
    # a city the entity stage may type as a state (an autonomous city, *the Melilla border crossing*)
    names = {**NAMES, "Port Lodz": ("port_lodz", EntityType.STATE)}
    doc, entities, article = annotated("Ruritania closes the Port Lodz border crossing with Freedonia.", names)
    found = [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]
    assert (EventType.COERCE, ("ruritania",), ("freedonia",)) in found, found
    assert not any(kind is EventType.COERCE and "port_lodz" in targets for kind, _, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania closes its embassy in Freedonia.",
        "Ruritania closes schools in Freedonia after the floods.",
        "Ruritania closes schools near the border with Freedonia.",
        "Ruritania announces the closure of Freedonia's trade office in Port Royal.",
        "Polls closed in Ruritania on Sunday.",
        "Ruritania closes a deal with Freedonia.",
        "Elbonia criticizes the closure of the border.",
        "Ruritania lifts the closure of its border with Freedonia.",
    ],
)
def test_other_closings_are_no_border_coercion(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _read(annotated, text) if event[0] is EventType.COERCE and event[1]]
    assert not found, found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania threatens to close the strait.",
        "Ruritania may close its airspace.",
        "Ruritania will not close its border with Freedonia.",
    ],
)
def test_a_closure_threatened_or_denied_is_not_stated(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not _stated_coercion(_read(annotated, text)), _read(annotated, text)
