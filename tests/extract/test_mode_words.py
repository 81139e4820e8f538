"""Mode words (`"kind": "mode"` rows of patterns/events.jsonl) give a mode only to the event types
they can describe: a phone call, a meeting, a visit or a summit is a CONSULT's (the codebook's
CONSULT modes), a statement, speech, letter or tweet a verbal event's. "*calling* the attack
retaliation", "*call* for elections", "while *traveling*" give an attack or a protest no mode.
Constructed sentences."""

import json

import pytest

from kg.extract import events
from kg.errors import DataFileError
from kg.extract.lexicon import load_events, load_lexicons
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "Vell": ("vell", EntityType.LOCATION)}


def _modes(annotated, text: str) -> list[tuple[EventType, str | None]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.mode) for event in events.extract(doc, entities, article)]


@pytest.mark.parametrize(
    ("text", "kind", "old_mode"),
    [
        ("Ruritania says it struck an airport in Freedonia with missiles, calling the attack retaliation for "
         "strikes on Vell.", EventType.ASSAULT, "phone"),
        ("Thousands of protesters rally in Vell against Omar Tellen and call for new elections.",
         EventType.PROTEST, "phone"),
        ("Ruritania accuses Freedonia of spying, calling for a right of rebellion.", EventType.ACCUSE, "phone"),
        ("Ruritanian rebels abduct Alma Vask while traveling through Vell.", EventType.ASSAULT, "visit"),
        ("Ruritania suspends border-free travel with Freedonia.", EventType.SANCTION, "visit"),
        ("Ruritania and Freedonia sign a new ceasefire agreement, calling for a pause in military movements.",
         EventType.AGREE, "phone"),
    ],
)
def test_a_mode_word_near_another_type_gives_it_no_such_mode(annotated, text, kind, old_mode) -> None:  # type: ignore[no-untyped-def]
    found = _modes(annotated, text)
    assert any(event_type is kind for event_type, _ in found), found
    assert not any(event_type is kind and mode == old_mode for event_type, mode in found), found


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Alma Vask held a phone call with Omar Tellen on Tuesday.", "phone"),
        ("Alma Vask begins a state visit to Ruritania.", "visit"),
        ("Alma Vask meets with Omar Tellen in Vell.", "meeting"),
    ],
)
def test_a_consult_keeps_its_mode_word(annotated, text, mode) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.CONSULT, mode) in _modes(annotated, text)


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("Alma Vask and Omar Tellen agree to a ceasefire in Vell during a phone call.", EventType.AGREE, "phone"),
        ("In a phone call, Alma Vask urged Omar Tellen to investigate the bank.", EventType.REQUEST, "phone"),
    ],
)
def test_a_verbal_event_told_in_a_call_or_meeting_keeps_its_mode(annotated, text, kind, mode) -> None:  # type: ignore[no-untyped-def]
    assert (kind, mode) in _modes(annotated, text)


def test_the_meeting_words_describe_a_consult_only() -> None:
    rows = {row.mode: row.types for row in load_lexicons().events.modes}
    assert rows["phone"] == rows["visit"] == rows["meeting"] == frozenset({EventType.CONSULT})
    told_in = {row.mode: row.told_in_types for row in load_lexicons().events.modes}
    assert EventType.AGREE in told_in["phone"] and EventType.ASSAULT not in told_in["phone"]
    assert EventType.ACCUSE in rows["statement"] and EventType.ASSAULT not in rows["statement"]


def test_a_mode_row_needs_the_event_types_it_describes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "events.jsonl").write_text(json.dumps({"id": "m", "kind": "mode", "mode": "phone", "lemmas": ["call"]}))
    with pytest.raises(DataFileError, match="types"):
        load_events(tmp_path)
    (tmp_path / "events.jsonl").write_text(
        json.dumps({"id": "m", "kind": "mode", "mode": "phone", "lemmas": ["call"], "types": ["PHONE"]})
    )
    with pytest.raises(DataFileError, match="types"):
        load_events(tmp_path)
    (tmp_path / "events.jsonl").write_text(
        json.dumps({"id": "m", "kind": "mode", "mode": "phone", "lemmas": ["call"], "types": ["CONSULT"],
                    "told_in": {"paths": [">prep[during]>pobj"]}})
    )
    with pytest.raises(DataFileError, match="told_in"):
        load_events(tmp_path)
