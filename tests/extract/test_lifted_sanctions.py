"""Sanctions, an embargo, a ban or restrictions lifted, eased or waived are a RETREAT of the one who
lifts them toward the party they weighed on (CAMEO 085 *ease sanctions*, PLOVER RETREAT `ease`;
constructed sentences). Not a lifting refused, asked for or only supposed, nor one imposed; and a
sanction suspended or waived is no SANCTION of the one who suspends it."""

from __future__ import annotations

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "Borduria": ("borduria", EntityType.STATE), "EU": ("european_union", EntityType.ORGANIZATION)}


@pytest.fixture(scope="module")
def read(annotated):  # type: ignore[no-untyped-def]
    """`read(text)` -> (type, actors, targets, confidence, negated, hypothetical) of each event."""

    def run(text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...], float, bool, bool]]:
        doc, entities, article = annotated(text, NAMES)
        return [(event.type, event.actors, event.targets, event.provenance.confidence,
                 event.provenance.negated, event.provenance.hypothetical)
                for event in events.extract(doc, entities, article)]  # fmt: skip

    return run


def _exported(found):  # type: ignore[no-untyped-def]
    return [(kind, actors, targets) for kind, actors, targets, score, negated, hypothetical in found
            if score >= 0.5 and not negated and not hypothetical]  # fmt: skip


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Ruritania lifts sanctions on Borduria.", "ruritania"),
        ("The EU eases its sanctions against Borduria.", "european_union"),
        ("Sanctions on Borduria are lifted by Ruritania.", "ruritania"),
        ("Ruritania waives sanctions on Borduria.", "ruritania"),
    ],
)
def test_a_lifted_sanction_is_a_retreat_toward_its_party(read, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert (EventType.RETREAT, (actor,), ("borduria",)) in _exported(found), found
    assert not any(kind is EventType.SANCTION for kind, *_ in found), found


def test_a_suspended_sanction_is_no_sanction_of_the_one_who_suspends_it(read) -> None:  # type: ignore[no-untyped-def]
    found = read("Ruritania suspends sanctions against Borduria.")
    assert not any(kind in (EventType.SANCTION, EventType.COERCE) for kind, *_ in found), found
    assert (EventType.RETREAT, ("ruritania",), ("borduria",)) in _exported(found), found


def test_a_party_suspended_keeps_its_sanction(read) -> None:  # type: ignore[no-untyped-def]
    found = _exported(read("Ruritania suspends Borduria from the council."))
    assert (EventType.SANCTION, ("ruritania",), ("borduria",)) in found, found
    assert not any(kind is EventType.RETREAT for kind, _, _ in found), found


def test_a_lifting_refused_is_negated(read) -> None:  # type: ignore[no-untyped-def]
    found = read("Ruritania refuses to lift sanctions on Borduria.")
    assert not any(kind is EventType.RETREAT for kind, _, _ in _exported(found)), found


def test_a_lifting_urged_is_the_request_only(read) -> None:  # type: ignore[no-untyped-def]
    found = _exported(read("Freedonia urges Ruritania to lift sanctions on Borduria."))
    assert (EventType.REQUEST, ("freedonia",), ("ruritania",)) in found, found
    assert not any(kind is EventType.RETREAT for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania imposes sanctions on Borduria.",
        "Ruritania extends its sanctions against Borduria.",
        "If Ruritania lifts sanctions on Borduria, trade will grow.",
        "Ruritania lifts a ban on exports of grain.",
    ],
)
def test_no_retreat_for_sanctions_imposed_or_a_lifting_supposed(read, text) -> None:  # type: ignore[no-untyped-def]
    found = _exported(read(text))
    assert not any(kind is EventType.RETREAT for kind, _, _ in found), found
