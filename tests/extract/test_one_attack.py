"""One attack read twice in its sentence, by its noun and by its casualty verb ("an airstrike by
X kills five in Y"), is one event; two attacks, or two named targets, stay two. Constructed
sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, Event, EventType
from fictional_names import FICTIONAL_NAMES

STATE, GROUP = EntityType.STATE, EntityType.GROUP
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", STATE),
    "people": ("people", GROUP, None, False),
    "soldiers": ("soldiers", GROUP, None, False),
    "gunmen": ("gunmen", GROUP, None, False),
    "child": ("child", GROUP, None, False),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Blue Bay": ("bay", EntityType.LOCATION),
}


def _attacks(annotated, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]


@pytest.mark.parametrize(
    "text",
    [
        "A Ruritanian airstrike on Freedonia kills five people.",
        "An airstrike by Ruritania on Freedonia kills five people.",
        "Ruritania launches a missile strike on Freedonia, killing five people.",
        "Five people are killed in a Ruritanian drone attack on Freedonia.",
    ],
)
def test_the_attack_and_its_toll_are_one_event(annotated, text) -> None:  # type: ignore[no-untyped-def]
    attacks = _attacks(annotated, text)
    assert [(event.actors, event.targets) for event in attacks] == [(("ruritania",), ("freedonia",))], attacks


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # Two named targets of one sentence are two facts.
        (
            "Ruritania bombed Freedonia on Monday and shelled Elbonia on Friday.",
            {(("ruritania",), ("freedonia",)), (("ruritania",), ("elbonia",))},
        ),
        (
            "Ruritanian strikes kill Alma Vask and Omar Tellen.",
            {(("ruritania",), ("vask",)), (("ruritania",), ("tellen",))},
        ),
        # Told in two places: two attacks.
        (
            "Ruritania shelled Freedonia in Red Harbour and killed five people in Blue Bay.",
            {(("ruritania",), ("freedonia",)), (("ruritania",), ("people",))},
        ),
    ],
)
def test_two_attacks_or_two_named_targets_stay_two(annotated, text, pairs) -> None:  # type: ignore[no-untyped-def]
    assert {(event.actors, event.targets) for event in _attacks(annotated, text)} == pairs


@pytest.mark.parametrize(
    "text",
    [
        "Five soldiers and three people were killed in Freedonia.",
        "Three gunmen are killed and a child is wounded in an ambush in Red Harbour.",
    ],
)
def test_victims_of_no_named_actor_are_one_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """The victims of one place are one attack's toll, not an attack on each (the gunmen were the attackers)."""
    attacks = _attacks(annotated, text)
    assert len(attacks) == 1 and not attacks[0].actors and len(attacks[0].targets) == 2, attacks


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # A named actor's victims stay one attack per victim reading (`_one_attack` decides).
        ("Ruritania killed five soldiers, and Freedonia killed three people.", {("soldiers",), ("people",)}),
    ],
)
def test_victims_of_two_attacks_stay_two(annotated, text, targets) -> None:  # type: ignore[no-untyped-def]
    assert {event.targets for event in _attacks(annotated, text)} == targets

NAMED_ACTOR = {
    **NAMES,
    "Northern Front": ("front", EntityType.ORGANIZATION),
    "village": ("village", GROUP, None, False),
    "school": ("school", GROUP, None, False),
    "militants": ("militants", GROUP, None, False),
}


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        # The verb and its participle, each with an unnamed target.
        ("The Northern Front attacks a village, killing at least 20 people.", ("front",), {"village", "people"}),
        ("Ruritania bombed a school, killing 20 people.", ("ruritania",), {"school", "people"}),
        # The attack noun and the casualty verb, each with an unnamed target.
        ("At least 20 people are killed in an attack by gunmen on a village in Red Harbour.", ("gunmen",), {"village", "people"}),
        ("Ruritanian airstrikes on a school kill 20 people.", ("ruritania",), {"school", "people"}),
    ],
)
def test_one_actors_unnamed_targets_are_one_attack(annotated, text, actors, targets) -> None:  # type: ignore[no-untyped-def]
    """The first reading kept, the unnamed targets united: the graph holds the attack once."""
    doc, entities, article = annotated(text, NAMED_ACTOR)
    attacks = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert [(event.actors, set(event.targets)) for event in attacks] == [(actors, targets)], attacks


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # A clash's two directions: two actors, two events.
        ("Clashes between soldiers and militants kill 20 people in Red Harbour.", {("soldiers",), ("militants",)}),
        # Two places, two days: two attacks of one actor.
        ("The Northern Front killed five soldiers in Red Harbour and killed three people in Blue Bay.", {("front",)}),
        ("The Northern Front killed five soldiers on Monday and killed three people on Friday.", {("front",)}),
    ],
)
def test_unnamed_targets_of_two_attacks_stay_two(annotated, text, actors) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMED_ACTOR)
    attacks = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert len(attacks) == 2 and {event.actors for event in attacks} == actors, attacks
