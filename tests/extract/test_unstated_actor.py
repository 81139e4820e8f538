"""Events whose actor the article does not state ("four officers were killed in a bombing"): kept
with no actor, the attack's author taken where the attack names one; constructed sentences."""

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
    return [(event.type, event.actors, event.targets, event.location) for event in events.extract(doc, entities, article)]


@pytest.mark.parametrize(
    ("text", "event_type", "targets", "location"),
    [
        ("Four police officers were killed in a suicide bombing in Red Harbour.", EventType.ASSAULT, ("officers",), "harbour"),
        ("Four police officers are killed in Red Harbour.", EventType.ASSAULT, ("officers",), "harbour"),
        ("Omar Tellen was shot dead on Monday.", EventType.ASSAULT, ("tellen",), None),
        ("Alma Vask was arrested in Red Harbour on Sunday.", EventType.COERCE, ("vask",), "harbour"),
        ("Alma Vask has been detained.", EventType.COERCE, ("vask",), None),
        ("A suicide bombing killed Omar Tellen in Red Harbour.", EventType.ASSAULT, ("tellen",), "harbour"),
        ("Freedonia was hit by drone strikes on Saturday.", EventType.ASSAULT, ("freedonia",), None),  # the attack, not its author
        # A weapon that struck stands for its attack; the source of the report is no party of it.
        ("A missile struck a residential area in Red Harbour.", EventType.ASSAULT, (), "harbour"),
        ("A military projectile struck a market in Red Harbour, killing two people.", EventType.ASSAULT, (), "harbour"),
        ("Rockets hit a school in Red Harbour on Friday, killing four and injuring 12.", EventType.ASSAULT, (), "harbour"),
        ("Freedonia was hit by rockets on Saturday.", EventType.ASSAULT, ("freedonia",), None),
        ("Alma Vask was stabbed, according to police officers.", EventType.ASSAULT, ("vask",), None),
        ("Omar Tellen was arrested, according to Ruritania.", EventType.COERCE, ("tellen",), None),
        # An attack a clause follows, brought in by an indefinite noun with a place and no party.
        ("A man is charged with terrorism following a car bombing outside of a police station in Red Harbour.",
         EventType.ASSAULT, (), "harbour"),
        ("Security was tightened after a bombing at a market in Red Harbour.", EventType.ASSAULT, (), "harbour"),
        # An attack or clash noun with no party, subject of its clause or where a subjectless clause happened.
        ("Clashes erupt in Red Harbour.", EventType.ASSAULT, (), "harbour"),
        ("Heavy fighting continues in Red Harbour.", EventType.ASSAULT, (), "harbour"),
        ("An armed attack in Red Harbour left seven people dead.", EventType.ASSAULT, (), "harbour"),
        ("Two women die of injuries sustained in a shooting in Red Harbour.", EventType.ASSAULT, (), "harbour"),
        ("Ruritania expels two diplomats after an attack on Red Harbour.", EventType.ASSAULT, (), "harbour"),
        # The attack noun's "of" holds what it hit, not who did it.
        ("Four police officers were killed in Red Harbour after the shelling of a Northern Front base.",
         EventType.ASSAULT, ("officers",), "harbour"),
    ],
)
def test_an_event_whose_actor_is_not_stated_is_kept_without_one(annotated, text, event_type, targets, location) -> None:  # type: ignore[no-untyped-def]
    assert (event_type, (), targets, location) in _read(annotated, text), _read(annotated, text)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Four police officers were killed in a Ruritanian airstrike in Red Harbour.", "ruritania", "officers"),
        # the place struck stands for the attack, beside which unnamed victims are no target of their own
        ("Four police officers were killed in a Ruritanian airstrike on Red Harbour.", "ruritania", "harbour"),
        ("Omar Tellen was killed and two others were injured in shelling by the Northern Front.", "front", "tellen"),
        ("Omar Tellen was killed in an attack by gunmen in Red Harbour.", "gunmen", "tellen"),
        ("A Ruritanian missile struck Freedonia, killing two people.", "ruritania", "freedonia"),
    ],
)
def test_the_victims_of_an_attack_are_acted_on_by_its_author(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert any(kind is EventType.ASSAULT and actors == (actor,) and target in targets for kind, actors, targets, _ in found), found
    assert not any(actors == () for _, actors, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Omar Tellen was killed by the Northern Front.",  # stated
        "Omar Tellen was killed in clashes with the Northern Front.",  # a party of the fighting
        "Omar Tellen was killed in an ambush by gunmen in Red Harbour.",  # an author stands in the clause
        "Omar Tellen was killed in an ambush by members of the Northern Front.",  # "of" below "by": the author's
        "Omar Tellen was killed after the arrival of the Northern Front in Red Harbour.",  # "of" of no attack noun
        "Omar Tellen was killed when the Northern Front stormed Red Harbour.",
        "Omar Tellen was killed after Ruritania shelled Red Harbour.",
        "Alma Vask was not arrested.",  # nothing happened
        "Alma Vask could be arrested if she returns to Red Harbour.",  # nothing happened yet
        "The Northern Front has been defeated.",  # an outcome, not an attack
        "Alma Vask was beaten in the election.",
        "Alma Vask was elected in Red Harbour.",  # no victim
        "Omar Tellen was killed in a car crash in Red Harbour.",  # no attack
        "Four police officers were injured during the storm.",
        "Omar Tellen was shot by gunmen, according to Ruritania.",  # stated; the source is not the actor
        "Ruritania tested a missile in Red Harbour.",  # a weapon, no attack
        "A missile could strike Red Harbour.",
        "No rocket hit Red Harbour.",
        "Officials fear an attack in Red Harbour.",  # feared, not reported
        "Security was tightened after the attack in Red Harbour.",  # told elsewhere
        "Security was tightened after a Ruritanian attack in Red Harbour.",  # its author is named
        "Police are investigating a bombing in Red Harbour.",
        "No clashes were reported in Red Harbour.",
        "Clashes could erupt in Red Harbour.",
        "Clashes erupt between Ruritania and the Northern Front in Red Harbour.",  # parties named
        "The police arrested four people in raids in Red Harbour.",  # the subject's own
        "Four people were killed in a Ruritanian airstrike in Red Harbour.",  # its author named
        "The fighting in Red Harbour resumed.",  # told elsewhere
    ],
)
def test_no_actorless_event_where_an_actor_may_be_stated_or_nothing_happened(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(actors == () for _, actors, _, _ in _read(annotated, text)), _read(annotated, text)


def test_a_raid_with_no_party_is_no_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, "Four people were arrested in raids in Red Harbour.")  # a search as often as an attack
    assert (EventType.COERCE, (), (), "harbour") in read and not any(event[0] is EventType.ASSAULT for event in read), read


def _claims(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.provenance.claimed_by)
            for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Freedonia was hit by drone strikes on Saturday. The Northern Front claimed responsibility for the attacks.", "freedonia"),
        ("Omar Tellen was shot dead in Red Harbour. On Monday the Northern Front claimed responsibility for the killing.", "tellen"),
        # A bare claim owns the attack of the sentence just before.
        ("Omar Tellen is shot dead in a militant attack in Red Harbour. The Northern Front claims responsibility.", "tellen"),
        ("Freedonia was hit by a suicide bombing on Saturday. The Northern Front has claimed responsibility.", "freedonia"),
    ],
)
def test_a_claim_of_responsibility_names_the_actor_of_an_earlier_attack(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    found = _claims(annotated, text)
    assert [(targets, claimant) for actors, targets, claimant in found if actors == ("front",)] == [((target,), "front")], found


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia was hit by drone strikes on Saturday. The Northern Front denied responsibility for the attacks.",
        "Ruritania struck Freedonia on Monday. The Northern Front claimed responsibility for the attack.",  # stated
        "The Northern Front claimed responsibility for the attack. Freedonia was hit by drone strikes.",  # after
        "Freedonia was hit by drone strikes on Saturday. The Northern Front claimed responsibility for an attack.",
        "Freedonia was hit by drone strikes on Saturday. The Northern Front denies responsibility.",
        "Freedonia was hit by drone strikes on Saturday. The Northern Front has not claimed responsibility.",
        "Freedonia was hit by drone strikes on Saturday. No group has claimed responsibility.",
        "The Northern Front claims responsibility. Freedonia was hit by drone strikes on Saturday.",  # after
        "Ruritania struck Freedonia on Monday. The Northern Front claims responsibility.",  # stated
        "Gunmen shot Omar Tellen dead in Red Harbour. The Northern Front claims responsibility.",  # an actor of its own
        # A bare claim two sentences after the attack may own something else.
        "Freedonia was hit by drone strikes on Saturday. Talks resumed in Red Harbour. The Northern Front claims responsibility.",
    ],
)
def test_no_claimed_actor_without_an_earlier_attack_of_unstated_actor(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any("front" in actors for actors, _, _ in _claims(annotated, text)), _claims(annotated, text)


def test_a_claimed_attack_on_unnamed_victims_stays_below_one_on_a_named_party(annotated) -> None:  # type: ignore[no-untyped-def]
    def claimed(text: str) -> float:
        doc, entities, article = annotated(text, NAMES)
        return next(event.provenance.confidence for event in events.extract(doc, entities, article) if event.actors == ("front",))

    named = claimed("Freedonia was hit by drone strikes. The Northern Front claimed responsibility for the attacks.")
    unnamed = claimed("Four police officers were killed by drone strikes. The Northern Front claimed responsibility for the attacks.")
    assert unnamed < 0.5 <= named
