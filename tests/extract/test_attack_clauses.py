"""A casualty told by a passive with a clause of time whose verb is an attack ("four officers are
killed *when gunmen open fire* on a bar"): the clause's subject is the attacker of those the passive
names; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

STATE, ORG, GROUP = EntityType.STATE, EntityType.ORGANIZATION, EntityType.GROUP
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", STATE),
    "Northern Front": ("front", ORG),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "police officers": ("officers", GROUP, None, False),
    "gunmen": ("gunmen", GROUP, None, False),
}


def _read(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.targets, event.location, event.provenance.negated, event.provenance.hypothetical)
            for event in events.extract(doc, entities, article)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor", "target", "location"),
    [
        ("Four police officers are killed after gunmen open fire on a bar in Red Harbour.", "gunmen", "officers", "harbour"),
        ("Four police officers are killed and two others are injured when gunmen open fire on a car in Red Harbour.",
         "gunmen", "officers", "harbour"),
        ("Omar Tellen was killed when the Northern Front stormed Red Harbour.", "front", "tellen", None),
        ("Omar Tellen is killed as Ruritanian soldiers open fire on a crowd.", "ruritania", "tellen", None),
        ("Four police officers are killed when Northern Front militants attack a patrol boat.", "front", "officers", None),
    ],
)
def test_the_subject_of_an_attack_clause_attacks_the_victims_of_the_passive(annotated, text, actor, target, location) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert any(kind is EventType.ASSAULT and actors == (actor,) and target in targets and (location is None or place == location)
               and not (negated or hypothetical) for kind, actors, targets, place, negated, hypothetical in found), found  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Gunmen threaten to open fire on Red Harbour.", "gunmen"),  # a threat
        ("Police officers could be killed if gunmen open fire in Red Harbour.", "gunmen"),  # nothing happened
        ("Ruritania denies that its soldiers opened fire on Omar Tellen.", "ruritania"),  # denied
        ("Ruritania ordered its troops to open fire on Omar Tellen.", "ruritania"),  # an order, not yet fire
    ],
)
def test_no_plain_attack_where_the_fire_is_threatened_supposed_denied_or_ordered(annotated, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert not any(kind is EventType.ASSAULT and actor in actors and not (negated or hypothetical)
                   for kind, actors, _, _, negated, hypothetical in found), found  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor", "victim"),
    [
        ("Four police officers are injured as gunmen clash with Ruritanian soldiers.", "gunmen", "officers"),  # either side
        ("Two police officers are killed after Ruritanian soldiers intercept a drone.", "ruritania", "officers"),  # a defence
        # The clause's own reading names whom it hit: one attack, the passive its toll.
        ("Four police officers are killed when the Northern Front attacks Freedonia.", "front", "officers"),
    ],
)
def test_the_clause_subject_is_no_attacker_of_the_victims_where_it_may_not_have_struck_them(annotated, text, actor, victim) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert not any(kind is EventType.ASSAULT and actor in actors and victim in targets for kind, actors, targets, *_ in found), found


def test_a_clause_subject_among_the_victims_attacks_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, "A Ruritanian soldier is killed after their vehicle hits a roadside bomb.")
    assert (EventType.ASSAULT, (), ("ruritania",), None, False, False) in found, found  # by no one named
    assert not any("ruritania" in actors for _, actors, *_ in found), found
