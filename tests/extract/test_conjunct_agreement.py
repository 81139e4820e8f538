"""A present-tense verb the parser joins to a verb of the other number (constructed sentences):
"X loses her majority after the rebels *withdraw* support and *calls* for talks" — *calls* (singular)
cannot share the plural subject of *withdraw*: it belongs with the main verb whose subject agrees,
and X calls for talks. Where the head agrees, or no verb above agrees, the head's subject stays."""

from __future__ import annotations

import pytest

from kg.records import EventType
from fictional_names import FICTIONAL_NAMES as NAMES

REQUEST = EventType.REQUEST


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask loses her majority after the Freedonian rebels withdraw support from the coalition and calls for talks with Elbonia.",
        "Alma Vask says the Freedonian rebels withdraw from the town and calls for talks with Elbonia.",
    ],
)
def test_a_singular_conjunct_of_a_plural_clause_belongs_with_the_main_verb(read_events, text) -> None:  # type: ignore[no-untyped-def]
    requests = [actors for found, actors, _ in read_events(text, NAMES) if found is REQUEST]
    assert {key for actors in requests for key in actors} == {"vask"}, read_events(text, NAMES)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # The head agrees: the conjunct shares its subject.
        ("Alma Vask resigns after Omar Tellen withdraws support from the coalition and calls for talks with Elbonia.", ("tellen",)),
        ("Alma Vask resigns after Ruritania and Freedonia withdraw support from the coalition and call for talks with Elbonia.", ("ruritania", "freedonia")),
        # No verb above agrees (a writer's slip): the head's subject stays.
        ("Ruritania and Freedonia withdraw support from the coalition and calls for talks with Elbonia.", ("ruritania", "freedonia")),
    ],
)
def test_an_agreeing_or_unrepaired_conjunct_keeps_its_heads_subject(read_events, text, actors) -> None:  # type: ignore[no-untyped-def]
    requests = [found_actors for found, found_actors, _ in read_events(text, NAMES) if found is REQUEST]
    assert {key for found_actors in requests for key in found_actors} == set(actors), read_events(text, NAMES)
