"""Extradition (constructed sentences): the extraditing state takes the person into custody and
hands them over, a COERCE towards the person (the spent sets' convention since blind7), and
cooperates with the receiving state named with *to* (or *at the request of*), a COOPERATE towards
that state (PLOVER_MANUAL.tex: COOPERATE is "cooperation on judicial matters, such as
extraditions"). CAMEO's EXTRADITE block codes 063 with the suspect as object, which read alone
made the person the partner of the cooperation. An extradition sought, blocked or planned is no
extradition done: a request keeps its own reading, a block its rejection, a plan its modality."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

COERCE, COOPERATE = EventType.COERCE, EventType.COOPERATE
NAMES = {**FICTIONAL_NAMES, "Supreme Court of Ruritania": ("ruritania_court", EntityType.ORGANIZATION)}


@pytest.fixture(scope="module")
def read(read_readings):  # type: ignore[no-untyped-def]
    """(type, actors, targets, negated, hypothetical) of each event read in `text`."""
    return lambda text: read_readings(text, NAMES)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Ruritania extradites Omar Tellen to Freedonia.", "ruritania"),
        ("Ruritania extradites Omar Tellen, a former banker, to Freedonia over fraud charges.", "ruritania"),
        ("Ruritania extradited Omar Tellen to Freedonia on Tuesday.", "ruritania"),
        ("Omar Tellen is extradited to Freedonia from Ruritania.", "ruritania"),
        ("Omar Tellen was extradited by Ruritania to Freedonia.", "ruritania"),
        ("Ruritania approves the extradition of Omar Tellen to Freedonia.", "ruritania"),
        ("The Supreme Court of Ruritania approves the extradition of Omar Tellen to Freedonia.", "ruritania_court"),
    ],
)
def test_an_extradition_coerces_the_person_and_cooperates_with_the_receiving_state(read, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    done = {(kind, actors, targets) for kind, actors, targets, negated, hypothetical in found if not (negated or hypothetical)}
    assert any(kind is COERCE and actor in actors and targets == ("tellen",) for kind, actors, targets in done), found
    assert any(kind is COOPERATE and actor in actors and targets == ("freedonia",) for kind, actors, targets in done), found
    assert not any(kind is COOPERATE and "tellen" in targets for kind, _, targets, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania extradites Omar Tellen at the request of Freedonia.",
        "Ruritania extradites Omar Tellen at Freedonia's request.",
    ],
)
def test_the_requesting_state_is_the_partner(read, text) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert any(kind is COERCE and targets == ("tellen",) for kind, _, targets, _, _ in found), found
    assert any(kind is COOPERATE and "ruritania" in actors and targets == ("freedonia",) for kind, actors, targets, _, _ in found), found


def test_with_no_receiving_state_only_the_person_is_acted_upon(read) -> None:  # type: ignore[no-untyped-def]
    found = read("Ruritania extradites Omar Tellen.")
    assert any(kind is COERCE and "ruritania" in actors and targets == ("tellen",) for kind, actors, targets, _, _ in found), found
    assert not any(kind is COOPERATE for kind, _, _, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # sought, requested: a request, no extradition
        "Freedonia seeks the extradition of Omar Tellen from Ruritania.",
        "Freedonia requests the extradition of Omar Tellen.",
        # blocked, refused, rejected: no extradition
        "The Supreme Court of Ruritania blocks the extradition of Omar Tellen to Freedonia.",
        "Ruritania refuses to extradite Omar Tellen to Freedonia.",
        "Ruritania rejects the extradition of Omar Tellen to Freedonia.",
        # a treaty, a law on extradition: no one extradited
        "Ruritania and Freedonia sign an extradition treaty.",
        "Ruritania approves an extradition treaty with Freedonia.",
    ],
)
def test_an_extradition_not_done_is_no_coercion_stated(read, text) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert not any(kind is COERCE and not (negated or hypothetical) for kind, _, _, negated, hypothetical in found), found
    assert not any(kind is COOPERATE and not (negated or hypothetical) for kind, _, _, negated, hypothetical in found), found


def test_a_planned_extradition_keeps_its_modality(read) -> None:  # type: ignore[no-untyped-def]
    found = read("Ruritania will extradite Omar Tellen to Freedonia.")
    told = [(kind, hypothetical) for kind, _, _, negated, hypothetical in found if kind in (COERCE, COOPERATE)]
    assert told and all(hypothetical for _, hypothetical in told), found


def test_approving_something_else_still_codes(read) -> None:  # type: ignore[no-untyped-def]
    """A verb the extradition rows read only with *extradition* as its object leaves its other
    objects to the CAMEO coder."""
    found = read("Ruritania approves the death sentence of Omar Tellen.")
    assert any(kind is COERCE and "ruritania" in actors and "tellen" in targets for kind, actors, targets, _, _ in found), found
