"""The extraction data files load, and a bad line is reported with its file and line."""

import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.extract.lexicon import (
    AssetLexicon,
    load_assets,
    load_cues,
    load_designations,
    load_events,
    load_lexicons,
)
from kg.extract.paths import parse_path
from kg.records import EventType
from kg.resources import data_dir


def test_lexicon_shipped_files_load() -> None:
    lexicons = load_lexicons()
    assert {trigger.label for trigger in lexicons.events.triggers} == {
        t.value for t in EventType
    }
    assert (
        lexicons.designations.triggers
        and lexicons.designations.categories
        and lexicons.designations.legal_bases
    )
    assert all(getattr(lexicons.assets, item.name) for item in fields(AssetLexicon))
    assert set(lexicons.cues.values()) == {
        "negation",
        "hypothetical",
        "attribution",
    }


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "patterns"
    shutil.copytree(data_dir("patterns"), folder)
    return folder


def _append(path: Path, line: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    return len(lines) + 1


@pytest.mark.parametrize(
    ("name", "line", "loader", "problem"),
    [
        (
            "events.jsonl",
            '{"id": "x", "type": "HUG", "pos": "VERB", "lemmas": ["hug"]}',
            load_events,
            "PLOVER",
        ),
        (
            "events.jsonl",
            '{"id": "x", "type": "AGREE", "pos": "ADJ", "lemmas": ["hug"]}',
            load_events,
            "pos",
        ),
        (
            "events.jsonl",
            '{"id": "x", "type": "AGREE", "pos": "VERB", "lemmas": ["hug"], "actors": ["nsubj"]}',
            load_events,
            "dependency path",
        ),
        ("events.jsonl", "{not json", load_events, "not valid JSON"),
        ("events.jsonl", '{"id": "x", "like": "no.such.v1", "lemmas": ["hug"]}', load_events, "no earlier record"),
        (
            "events.jsonl",
            '{"id": "x", "type": "PROTEST", "pos": "NOUN", "lemmas": ["sit-in"], "requires_one_of": {"modifiers": ["mass"]}}',
            load_events,
            "requires_one_of",
        ),
        (
            "designations.jsonl",
            '{"id": "x", "kind": "trigger", "pos": "VERB", "lemmas": ["list"], "category": "naughty"}',
            load_designations,
            "category",
        ),
        (
            "designations.jsonl",
            '{"id": "x", "kind": "legal_basis", "pattern": "(unclosed"}',
            load_designations,
            "regular expression",
        ),
        (
            "assets.jsonl",
            '{"id": "x", "class": "tank", "pattern": [{"LOWER": "tank"}]}',
            load_assets,
            "class",
        ),
        (
            "assets.jsonl",
            '{"id": "x", "class": "other", "pattern": [{"LOWERCASE": "tank"}]}',
            load_assets,
            "token pattern",
        ),
        ("modality.tsv", "perhaps\tmaybe\tchild\t", load_cues, "kind"),
    ],
)
def test_lexicon_bad_line_names_file_and_line(
    tmp_path: Path, name: str, line: str, loader, problem: str
) -> None:  # type: ignore[no-untyped-def]
    folder = _copy(tmp_path)
    number = _append(folder / name, line)
    with pytest.raises(DataFileError) as raised:
        loader(folder)
    message = str(raised.value)
    assert name in message and f"{name}:{number}:" in message and problem in message


def test_lexicon_path_language() -> None:
    path = parse_path(">prep[with,against]>pobj")
    assert [(step.down, step.dep, step.lemmas) for step in path.steps] == [
        (True, "prep", frozenset({"with", "against"})), (True, "pobj", None),
    ]  # fmt: skip
    assert parse_path("<dobj>nsubj*").whole_phrase
    excluded = parse_path("<dobj[^face,suffer]>nsubj").steps[0]
    assert (excluded.lemmas, excluded.excluded) == (frozenset({"face", "suffer"}), True)
    with pytest.raises(ValueError, match="bad dependency path"):
        parse_path("nsubj")


def test_lexicon_like_takes_the_earlier_record_s_fields(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _append(folder / "events.jsonl", '{"id": "x", "like": "event.protest.noun.v1", "lemmas": ["sit-in"], "base": 0.3}')
    lexicon = load_events(folder)
    protest = next(trigger for trigger in lexicon.triggers if trigger.id == "event.protest.noun.v1")
    (sit_in,) = lexicon.by_lemma("sit-in", "NOUN")
    assert (sit_in.label, sit_in.base, sit_in.slots) == ("PROTEST", 0.3, protest.slots)
    assert sit_in.options["told_by"] == protest.options["told_by"]
