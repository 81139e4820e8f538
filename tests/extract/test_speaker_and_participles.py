"""Actors the argument paths did not reach (constructed sentences): forces with no state of their
own under a speaker who speaks for one ("Kenyan President X said police arrested ..."), and the
subject carried into a participle ("..., killing five villagers"; "posted a message blaming X")."""

from __future__ import annotations

import pytest

from kg.records import EventType


@pytest.mark.parametrize(
    ("text", "event_type", "state"),
    [
        ("Kenyan President William Ruto said police arrested 12 protesters in Nairobi.", EventType.COERCE, "Kenya"),
        ("Sudan said the army struck Chad on Monday.", EventType.ASSAULT, "Sudan"),
        ("Nigerian President Bola Tinubu said security forces killed 30 militants in Borno.", EventType.ASSAULT, "Nigeria"),
        ("Israeli Prime Minister Benjamin Netanyahu said the military struck Hezbollah in Lebanon.", EventType.ASSAULT, "Israel"),
    ],
)
def test_forces_with_no_state_act_for_the_state_of_their_speaker(pipeline_events, text, event_type, state) -> None:  # type: ignore[no-untyped-def]
    found = pipeline_events(text)
    assert any(kind is event_type and actors == [state] for kind, actors, _ in found), found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("President William Ruto said police arrested 12 protesters in Nairobi.", "police"),  # no state named
        ("Nigerian President Bola Tinubu said gunmen killed five villagers in Kano.", "gunmen"),  # no organ of a state
    ],
)
def test_forces_keep_no_state_the_text_does_not_give(pipeline_events, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = pipeline_events(text)
    assert found and all(actors == [actor] for _, actors, _ in found), found


def test_forces_of_another_state_stay_that_states(pipeline_events) -> None:  # type: ignore[no-untyped-def]
    found = pipeline_events("Kenyan President William Ruto said Ugandan police arrested 12 protesters in Kampala.")
    assert found and all("Kenya" not in actors for _, actors, _ in found), found


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "target"),
    [
        # armed men's attack on villagers strikes their place (the victims' place)
        ("Gunmen stormed a village in Kano, killing five villagers.", EventType.ASSAULT, "Gunmen", "Kano"),
        ("Mike Pompeo posted a message on Twitter blaming Iran.", EventType.ACCUSE, "Mike Pompeo", "Iran"),
        ("Germany issued a statement condemning Russia.", EventType.ACCUSE, "Germany", "Russia"),
    ],
)
def test_a_participle_carries_the_subject_of_the_clause_it_hangs_on(pipeline_events, text, event_type, actor, target) -> None:  # type: ignore[no-untyped-def]
    """The participle's target joins its clause's event where both are unnamed ("a village", "villagers": one
    attack, which struck the place they were in)."""
    found = pipeline_events(text)
    assert any(kind is event_type and actors == [actor] and target in targets for kind, actors, targets in found), found


def test_a_participle_of_a_passive_carries_no_subject(pipeline_events) -> None:  # type: ignore[no-untyped-def]
    found = pipeline_events("Mike Pompeo was criticised in a message on Twitter blaming Iran.")
    assert not any(kind is EventType.ACCUSE and actors == ["Mike Pompeo"] for kind, actors, _ in found), found
