"""Executions (constructed sentences): executing people is an ASSAULT, mode `targeted` (the PLOVER
codebook's targeted killings name executions; CAMEO's verb dictionary has no EXECUTE). The verb is
read only where what is executed is people (patterns/events.jsonl `event.assault.execute.v1`):
executing a plan, an order, an agreement or a warrant is no event."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ASSAULT = EventType.ASSAULT
NAMES = {**FICTIONAL_NAMES, "Freedonia Liberation Front": ("flf", EntityType.ORGANIZATION)}


@pytest.fixture(scope="module")
def read(read_readings):  # type: ignore[no-untyped-def]
    return lambda text: read_readings(text, NAMES)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania executes two members of the Freedonia Liberation Front.", "flf"),
        ("Ruritania publicly executed three members of the Freedonia Liberation Front on Monday.", "flf"),
        ("Ruritania has executed a citizen of Freedonia.", "freedonia"),
        ("Ruritania executed six men in Freedonia.", "freedonia"),
    ],
)
def test_executing_people_is_an_assault(read, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert any(kind is ASSAULT and "ruritania" in actors and target in targets and not negated
               for kind, actors, targets, negated, _ in found), found  # fmt: skip


def test_a_passive_execution_is_read_like_a_passive_killing(read) -> None:  # type: ignore[no-untyped-def]
    # The victims' own name is not reached through the passive subject's of-phrase, as with *killed*.
    found = read("Two members of the Freedonia Liberation Front were executed by Ruritania.")
    assert any(kind is ASSAULT and actors == ("ruritania",) for kind, actors, *_ in found), found


def test_the_mode_is_targeted(annotated) -> None:  # type: ignore[no-untyped-def]
    from kg.extract import events

    doc, entities, article = annotated("Ruritania executes two members of the Freedonia Liberation Front.", NAMES)
    assert {event.mode for event in events.extract(doc, entities, article) if event.type is ASSAULT} == {"targeted"}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania executes a plan agreed with Freedonia.",
        "Ruritania executes the agreement with the Freedonia Liberation Front.",
        "Ruritania executes an arrest warrant against Omar Tellen.",
        "The Freedonia Liberation Front executed the orders of Ruritania.",
    ],
)
def test_executing_a_plan_order_or_warrant_is_no_assault(read, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is ASSAULT for kind, *_ in read(text)), read(text)
