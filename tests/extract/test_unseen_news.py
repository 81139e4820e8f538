"""Constructions of unseen news that left items without a fact (constructed sentences): the
victims of an event noun named by the verb whose "in" phrase it is."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType

STATE, PERSON = EntityType.STATE, EntityType.PERSON
NAMES = {
    "Ruritanian": ("ruritania", STATE),
    "Ruritania": ("ruritania", STATE),
    "Freedonia": ("freedonia", STATE),
    "Alma Vask": ("vask", PERSON),
    "Omar Tellen": ("tellen", PERSON),
}


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
        "Alma Vask is killed in a drone strike.",  # no one named as attacker
        "Alma Vask was killed in a car crash in Ruritania.",  # no attack
        "Alma Vask was not killed in a Ruritanian drone strike.",  # negated
        "Alma Vask may be killed in a Ruritanian strike.",  # possible
        "Alma Vask was arrested in a Ruritanian police raid.",  # an arrest is no victim of the raid
        "Alma Vask spoke in a Ruritanian strike debate.",  # not a verb of harm
    ],
)
def test_no_victim_without_an_attacker_a_harm_or_a_real_event(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _asserted(annotated, text, EventType.ASSAULT)
    assert not [targets for _, targets in found if "vask" in targets], found
