"""Events a phrase presupposes (bench/COVERAGE.md, "Presupposed events", rules 6 and 8): the attacks
the object of *halt, cease, stop, end, continue*, of *an end to*, *a continuation of* and the modifier
*further* take as under way are an ASSAULT by the attacker the text names, besides the request or the
halting the sentence states, and undated; none where no attacker is named, nor for a planned attack
called off. Protests *amid* which a clause happens are a PROTEST by protesters unnamed, aimed at the
party they are *against*; not fears, concerns or calls of protests, nor planned ones. Constructed
sentences."""

from datetime import date

import pytest

from kg.extract import events
from kg.records import EntityType, Event, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Harbour Front": ("front", EntityType.ORGANIZATION),
    "police": ("police", EntityType.GROUP, None, False),
    "Police": ("police", EntityType.GROUP, None, False),
}
THRESHOLD = 0.5


def _events(annotated, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES, published=date(2025, 11, 27))
    return events.extract(doc, entities, article)


def _stated(found: list[Event], event_type: EventType) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(e.actors, e.targets) for e in found if e.type is event_type and e.provenance.confidence >= THRESHOLD
            and not (e.provenance.hypothetical or e.provenance.negated)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Elbonia called on Ruritania to cease its attacks on Freedonia.", "ruritania", "freedonia"),
        ("Elbonia urged Ruritania to halt its airstrikes on Freedonia.", "ruritania", "freedonia"),
        ("Elbonia demanded an end to Ruritanian attacks on Freedonia on Monday.", "ruritania", "freedonia"),
        ("Ruritania vowed to continue its strikes on Freedonia if talks fail.", "ruritania", "freedonia"),
    ],
)
def test_attacks_a_halt_presupposes_are_an_assault(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert ((actor,), (target,)) in _stated(found, EventType.ASSAULT), found
    # Undated: under way before the request, not on its day.
    assert all(e.when is None for e in found if e.type is EventType.ASSAULT), found


def test_the_request_stays_besides_the_attacks(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Elbonia called on Ruritania to cease its attacks on Freedonia.")
    assert (("elbonia",), ("ruritania",)) in [(e.actors, e.targets) for e in found if e.type is EventType.REQUEST], found
    # The attacks are Ruritania's, not the caller's.
    assert ("elbonia",) not in [e.actors for e in found if e.type is EventType.ASSAULT], found


def test_an_attack_continued_is_stated_once(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania continued its attacks on Freedonia.")
    assert [(e.actors, e.targets) for e in found if e.type is EventType.ASSAULT] == [(("ruritania",), ("freedonia",))], found


@pytest.mark.parametrize(
    "text",
    [
        "Elbonia called for an end to attacks on Freedonia.",  # no attacker named
        "Elbonia urged a halt to the fighting near Red Harbour.",
        "Ruritania called off planned strikes on Freedonia.",  # planned, never made: the retreat only
        "Ruritania postponed its attack on Freedonia.",
        "The Harbour Front ended its strike at Red Harbour.",  # a labour strike
        "Elbonia must stop its threatened attacks on Freedonia.",  # threatened: yet to come
        "Ruritania said it would continue its planned strikes on Freedonia.",
    ],
)
def test_no_assault_without_an_attacker_or_for_a_planned_one(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert not _stated(found, EventType.ASSAULT), found


@pytest.mark.parametrize(
    ("text", "targets", "location"),
    [
        ("Alma Vask resigned amid protests in Red Harbour against Omar Tellen.", ("tellen",), "harbour"),
        ("Police arrested dozens amid protests in Red Harbour.", (), "harbour"),
        ("Alma Vask resigned amidst mass demonstrations against Omar Tellen.", ("tellen",), None),
    ],
)
def test_protests_amid_which_a_clause_happens_are_stated(annotated, text, targets, location) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    protests = [(e.actors, e.targets, e.location, e.when) for e in found
                if e.type is EventType.PROTEST and e.provenance.confidence >= THRESHOLD]  # fmt: skip
    assert ((), targets, location, None) in protests, found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask resigned amid fears of protests in Red Harbour.",
        "Alma Vask resigned amid concerns over protests against Omar Tellen.",
        "Police were deployed amid planned protests in Red Harbour.",
        "Police were deployed amid expected protests in Red Harbour.",
        "Alma Vask resigned amid calls for protests against Omar Tellen.",
    ],
)
def test_no_protest_feared_planned_or_called_for(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert not [e for e in found if e.type is EventType.PROTEST and e.provenance.confidence >= THRESHOLD], found
