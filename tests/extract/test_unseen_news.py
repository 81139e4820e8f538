"""Constructions of unseen news that left items without a fact (constructed sentences): the
victims of an event noun named by the verb whose "in" phrase it is; a crowd counted by a
quantity noun ("thousands of people protest"); the other side of a ceasefire declared or of a
deal reached "with" someone."""

from datetime import date

import pytest

from kg.extract import events
from kg.records import Article, EntityType, Event, EventType
from fictional_names import FICTIONAL_NAMES

STATE = EntityType.STATE
NAMES = {**FICTIONAL_NAMES, "Ruritanian": ("ruritania", STATE)}


def _asserted(annotated, text: str, event_type: EventType):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [
        (event.actors, event.targets)
        for event in events.extract(doc, entities, article)
        if event.type is event_type and not (event.provenance.negated or event.provenance.hypothetical)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask is killed in a Ruritanian drone strike.",
        "Alma Vask was killed in a Ruritanian airstrike on Freedonia.",
        "Alma Vask was wounded in an attack by Ruritania.",
        "Alma Vask died in a Ruritanian missile strike.",
        "Alma Vask and Omar Tellen were injured during a Ruritanian raid.",
    ],
)
def test_victims_of_an_attack_named_in_the_verbs_in_phrase(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _asserted(annotated, text, EventType.ASSAULT)
    assert found and all(actors == ("ruritania",) for actors, _ in found), found
    assert "vask" in {key for _, targets in found for key in targets}, found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask is killed in a drone strike.",  # no one named as attacker: the actor is unstated
        "Alma Vask was killed in a car crash in Ruritania.",  # no attack
        "Alma Vask was not killed in a Ruritanian drone strike.",  # negated
        "Alma Vask may be killed in a Ruritanian strike.",  # possible
        "Alma Vask was arrested in a Ruritanian police raid.",  # an arrest is no victim of the raid
        "Alma Vask spoke in a Ruritanian strike debate.",  # not a verb of harm
    ],
)
def test_no_victim_without_an_attacker_a_harm_or_a_real_event(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _asserted(annotated, text, EventType.ASSAULT)
    assert not [targets for actors, targets in found if "vask" in targets and actors], found


def _events_of(pipeline, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """(type, actor labels, target labels) of the asserted events, Group actors as "<group>"."""
    extraction = pipeline.extract(Article(id="crowd", text=text, published=date(2025, 11, 29)))

    def labels(keys: tuple[str, ...]) -> tuple[str, ...]:
        entities = [extraction.entity(key) for key in keys]
        return tuple("<group>" if e.type is EntityType.GROUP else e.label for e in entities)

    return [
        (claim.type, labels(claim.actors), labels(claim.targets))
        for claim in extraction.claims
        if isinstance(claim, Event) and not (claim.provenance.negated or claim.provenance.hypothetical)
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Thousands of people protest in Lima, Peru, against President Dina Boluarte.", "Dina Boluarte"),
        ("Hundreds of thousands of people protested against Israel on the streets of Tehran.", "Israel"),
        ("Thousands of protesters rallied against Israel in Tehran.", "Israel"),
        ("A crowd of demonstrators protested against Israel in London.", "Israel"),
    ],
)
def test_a_crowd_counted_by_a_quantity_noun_is_the_group_that_acts(pipeline, text, target) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.PROTEST, ("<group>",), (target,)) in _events_of(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people did not protest against Israel in Tehran.",
        "Thousands of people plan to protest against Israel in Tehran.",
        "Thousands of letters protested against Israel in Tehran.",  # no agent noun: no group
    ],
)
def test_no_crowd_protest_when_denied_planned_or_no_people(pipeline, text) -> None:  # type: ignore[no-untyped-def]
    assert not [event for event in _events_of(pipeline, text) if event[0] is EventType.PROTEST]


def test_a_named_party_in_the_crowd_phrase_still_wins(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.PROTEST, ("Hamas",), ("Israel",)) in _events_of(pipeline, "Hamas protested against Israel in Gaza.")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Ruritania declares a temporary ceasefire with Elbonia.", EventType.RETREAT),
        ("Ruritania announces a ceasefire with Elbonia after forty years of conflict.", EventType.RETREAT),
        ("Ruritania finalized a trade deal with Elbonia.", EventType.AGREE),
        ("Ruritania reached an agreement with Elbonia.", EventType.AGREE),
    ],
)
def test_the_other_side_of_a_ceasefire_or_deal_made_with_someone(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    assert _asserted(annotated, text, event_type) == [(("ruritania",), ("elbonia",))]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania rejects a ceasefire with Elbonia.",
        "Ruritania violated its ceasefire with Elbonia.",
        "Ruritania ends its ceasefire with Elbonia.",
        "Ruritania will not declare a ceasefire with Elbonia.",
    ],
)
def test_a_ceasefire_rejected_violated_ended_or_refused_is_no_retreat(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert _asserted(annotated, text, EventType.RETREAT) == []


def test_a_mediator_is_no_side_of_the_ceasefire(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _asserted(annotated, "Ruritania has reached a ceasefire with Elbonia, with Freedonia as mediator.", EventType.RETREAT)
    assert ("freedonia",) not in [targets for _, targets in found], found


def test_the_state_of_the_place_struck_stands_before_unnamed_victims(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _events_of(pipeline, "Nine people are killed in an Israeli airstrike on residential units in Gilan, Iran.")
    assert (EventType.ASSAULT, ("Israel",), ("Iran",)) in found, found
    found = _events_of(pipeline, "Thousands of people were killed by Israel in Gaza.")
    assert (EventType.ASSAULT, ("Israel",), ("Gaza",)) in found, found  # no state named: the place struck


def test_unnamed_victims_do_not_outrank_the_place_struck(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "At least 28 people are killed in an Israeli air strike that struck the Gaza European Hospital."
    extraction = pipeline.extract(Article(id="victims", text=text, published=date(2025, 11, 29)))
    placed = [
        claim for claim in extraction.claims
        if isinstance(claim, Event) and claim.type is EventType.ASSAULT and claim.location is not None
    ]  # fmt: skip
    assert placed and placed[0].provenance.confidence >= 0.5, extraction.claims
