"""A contest won at the polls is no attack (constructed sentences): CAMEO's DESTROY block codes
*defeat*, *beat* ... 190, and leaves out the electoral sense by its own rows "* (IN ELECTION)" and
"* CANDIDATE"; kg's rows of patterns/cameo_senses.jsonl add the other words news writes it with
(a vote, a runoff, votes won by, the incumbent, a candidate as the winner). The military sense stays.
So is voting to elect: no agreement between the voters (CAMEO's SELECT block codes *vote* 030)."""

from __future__ import annotations

import json
import shutil

import pytest

from kg.errors import DataFileError
from kg.extract.coder import load_verb_dictionary
from kg.records import EntityType, EventType
from kg.resources import data_dir
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Freedonian Liberation Front": ("front", EntityType.ORGANIZATION),
    "Lena Brask": ("brask", EntityType.PERSON),
}
CONFLICT = (EventType.ASSAULT, EventType.THREATEN)


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask defeated the incumbent Omar Tellen in the runoff.",
        "Alma Vask defeats Omar Tellen in a 227-15 vote to become president.",
        "Alma Vask wins the presidential election, defeating the incumbent Omar Tellen.",
        "Preliminary results show that Alma Vask will defeat Omar Tellen with 50.9% of the votes.",
        "Omar Tellen was defeated by 10,694 votes by Alma Vask.",
        "Alma Vask defeated Omar Tellen by around five thousand votes.",
        "Opposition candidate Alma Vask defeats former prime minister Omar Tellen.",
        "Alma Vask beat Omar Tellen in the Democratic primary.",
        "Analysts predict Alma Vask defeats Omar Tellen with an electoral count of 319 to 219.",
    ],
)
def test_an_electoral_defeat_is_no_attack(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind in CONFLICT for kind, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Ruritanian troops had defeated the Freedonian Liberation Front.", "ruritania", "front"),
        ("Ruritanian forces defeated the Freedonian Liberation Front in the battle for the capital.", "ruritania", "front"),
        ("Ruritania defeated Freedonia in the war.", "ruritania", "freedonia"),
    ],
)
def test_a_military_defeat_stays_an_assault(read_events, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert any(kind is EventType.ASSAULT and actor in actors and target in targets for kind, actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania and Freedonia vote to elect a new president.",
        "Ruritanians, Freedonians, and the Freedonian Liberation Front vote to elect 179 seats of the assembly.",
    ],
)
def test_voting_to_elect_is_no_agreement_between_the_voters(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert not any(kind is EventType.AGREE for kind, _, _ in found), found


def test_voting_in_favor_stays_an_agreement(read_events) -> None:  # type: ignore[no-untyped-def]
    found = read_events("Ruritania and Freedonia vote in favor of a joint resolution.", NAMES)
    assert any(kind is EventType.AGREE for kind, _, _ in found), found


def test_a_sense_row_of_an_unknown_block_fails_at_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name in ("cameo_synsets.jsonl", "cameo_verbs.jsonl"):
        shutil.copy(data_dir("patterns") / name, tmp_path / name)
    row = {"kind": "pattern", "block": "NO_SUCH@1", "subject": [], "object": ["vote"], "preps": [], "code": "---",
           "type": None, "mode": None, "source": "test"}  # fmt: skip
    (tmp_path / "cameo_senses.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="cameo_senses.jsonl:1: bad row: no CAMEO block 'NO_SUCH@1'"):
        load_verb_dictionary(tmp_path)
