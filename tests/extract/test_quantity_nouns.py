"""A quantity noun over an event noun ("a series / wave / barrage / round ... of") passes the event
noun its place in the clause and its own dependents: "launched *a series of* airstrikes on X" is
the launcher's attack on X, as "launched airstrikes on X" is (constructed sentences). A passive
participle conjoined to another shares the subject of the first and the agent of the last ("were
shot and killed *by* X": X shot and killed them). Not a quantity noun over what is no event ("a
barrage of questions"), an event with no party, nor a participle pair with no agent."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Port Vela": ("port_vela", EntityType.LOCATION),
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
}


@pytest.fixture(scope="module")
def exported(stated_events):  # type: ignore[no-untyped-def]
    """`exported(text)`: `stated_events` over this module's names."""
    return lambda text: stated_events(text, NAMES)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania launched a series of airstrikes on Port Vela.", "port_vela"),  # the launcher, the place struck
        ("Ruritania's wave of strikes on Freedonia killed 20 people.", "freedonia"),  # the target, the owner's
        ("Ruritania faced a wave of attacks by Freedonia.", "ruritania"),  # the one who faces it, the attacker
    ],
)
def test_the_event_noun_takes_the_quantity_nouns_place(exported, text, target) -> None:  # type: ignore[no-untyped-def]
    found = exported(text)
    assert any(kind is EventType.ASSAULT and target in targets for kind, _, targets in found), found
    assert all(actors == (("freedonia",) if target == "ruritania" else ("ruritania",)) for _, actors, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Omar Tellen was shot and killed by Ruritanian soldiers.",
        "Omar Tellen was abducted and killed by Ruritanian soldiers.",
        "Omar Tellen was arrested and later released by Ruritanian police.",
    ],
)
def test_conjoined_passive_participles_share_the_agent(exported, text) -> None:  # type: ignore[no-untyped-def]
    found = exported(text)
    assert any(actors == ("ruritania",) and targets == ("tellen",) for _, actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "A series of meetings was held in Geneva.",  # no party
        "Ruritania faced a barrage of questions about Freedonia.",  # no event under the quantity noun
        "Ruritania published a series of documents on Freedonia.",
        "Omar Tellen was shot and killed in Ruritania.",  # no agent: no one named shot him
    ],
)
def test_no_party_event_or_agent_no_fact(exported, text) -> None:  # type: ignore[no-untyped-def]
    found = exported(text)
    assert not any(actors for _, actors, _ in found), found
