"""Pattern files: patterns/labels.tsv and the JSON Lines pattern files beside it.

Input: the files of `patterns/`. Output: typed records (`LabelSpec`, `PatternSpec`) for the
NLP stage (entity ruler) and the extractors (spaCy Matcher and DependencyMatcher patterns).
Every problem of a file is reported at once, with file and line, as one `DataFileError`;
`tsv_rows`, `json_objects` and `raise_problems` do the same for every other data file's loader.

A pattern line is one JSON object with a versioned `id` ("role.title-name.v1"), a `label`
and a `pattern`: a phrase (string) or a list of token patterns. Other keys are kept in
`PatternSpec.extra` for the extractor that reads the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from kg.errors import DataFileError
from kg.records import EntityType
from kg.resources import data_dir

PATTERN_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*\.v[0-9]+$")


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """An entity label of the rulers, and the entity type and ontology class it stands for."""

    label: str
    type: EntityType
    kind: str | None

    @property
    def ontology_class(self) -> str:
        """The local name of the ontology class: the kind when given, else the type."""
        return self.kind or self.type.value


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One line of a pattern file."""

    id: str
    label: str
    pattern: str | list[dict[str, Any]]
    path: str
    line: int
    extra: Mapping[str, Any] = field(default_factory=dict)


Problems = list[tuple[int, str]]  # (line, problem) of one file


def raise_problems(path: Path, problems: Sequence[tuple[int, str]]) -> None:
    """Raise one DataFileError listing every problem of the file, if it has any."""
    if problems:
        detail = "\n".join(f"{path}:{line}: {problem}" for line, problem in problems)
        raise DataFileError(path, f"{len(problems)} problem(s):\n{detail}", line=problems[0][0])


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataFileError(path, f"cannot read: {error.strerror}") from error


def tsv_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows of a tab-separated file whose header starts with `columns`: line
    number and stripped cells, as many as the row has."""
    lines = _lines(path)
    header = lines[0].split("\t") if lines else None
    if header is None or tuple(header[: len(columns)]) != columns:
        raise DataFileError(path, f"header is {header!r}; expected the columns {', '.join(columns)}", line=1)
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            yield number, [cell.strip() for cell in line.split("\t")]


def json_objects(path: Path, problems: Problems) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of a JSON Lines file with their line numbers; blank lines and `//`
    comments are skipped, a line that is no object goes to `problems`."""
    for number, text in enumerate(_lines(path), start=1):
        if not text.strip() or text.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as error:
            problems.append((number, f"not valid JSON: {error.msg} at column {error.colno}"))
            continue
        if isinstance(obj, dict):
            yield number, obj
        else:
            problems.append((number, f"expected a JSON object, got {type(obj).__name__}"))


def load_labels(path: Path | None = None) -> dict[str, LabelSpec]:
    """patterns/labels.tsv: label -> LabelSpec; every bad row is reported."""
    path = path or data_dir("patterns") / "labels.tsv"
    return dict(_load_labels(path))


@lru_cache(maxsize=8)
def _load_labels(path: Path) -> tuple[tuple[str, LabelSpec], ...]:
    problems: Problems = []
    labels: dict[str, LabelSpec] = {}
    types = {t.value: t for t in EntityType}
    for line, row in tsv_rows(path, ("label", "type", "kind")):
        if len(row) < 3:
            problems.append((line, f"expected at least 3 tab-separated columns, got {len(row)}"))
            continue
        label, type_name, kind = row[:3]
        if not label:
            problems.append((line, "empty label"))
        elif label in labels:
            problems.append((line, f"label {label!r} is defined twice"))
        if type_name not in types:
            problems.append((line, f"type {type_name!r} is not one of {', '.join(types)}"))
            continue
        labels[label] = LabelSpec(label, types[type_name], kind or None)
    raise_problems(path, problems)
    return tuple(labels.items())


def load_patterns(path: Path, *, labels: Mapping[str, LabelSpec] | None = None) -> tuple[PatternSpec, ...]:
    """One JSON Lines pattern file; every bad line is reported with its number.

    With `labels`, each pattern's label must be one of them (None: any label, for files
    whose labels are not entity labels, such as role patterns).
    """
    return _load_patterns(path, None if labels is None else frozenset(labels))


@lru_cache(maxsize=32)
def _load_patterns(path: Path, labels: frozenset[str] | None) -> tuple[PatternSpec, ...]:
    problems: Problems = []
    specs: list[PatternSpec] = []
    seen: dict[str, int] = {}
    for number, obj in json_objects(path, problems):
        line_problems = list(_check_pattern(obj, labels, seen))
        if line_problems:
            problems.extend((number, problem) for problem in line_problems)
            continue
        seen[obj["id"]] = number
        extra = {key: value for key, value in obj.items() if key not in ("id", "label", "pattern")}
        specs.append(PatternSpec(obj["id"], obj["label"], obj["pattern"], str(path), number, extra))
    raise_problems(path, problems)
    return tuple(specs)


def _check_pattern(obj: dict[str, Any], labels: frozenset[str] | None, seen: Mapping[str, int]) -> Iterable[str]:
    pattern_id = obj.get("id")
    name = f"pattern {pattern_id!r}" if isinstance(pattern_id, str) else "pattern"
    if not isinstance(pattern_id, str) or not PATTERN_ID.match(pattern_id):
        yield f'{name} needs an "id" with a version, like "role.title-name.v1"'
    elif pattern_id in seen:
        yield f"{name} repeats the id of line {seen[pattern_id]}"
    label = obj.get("label")
    if not isinstance(label, str) or not label:
        yield f'{name} has no "label"'
    elif labels is not None and label not in labels:
        example = sorted(labels)[0] if labels else ""
        yield f'{name} has the label {label!r}, which is not in patterns/labels.tsv (e.g. "{example}")'
    pattern = obj.get("pattern")
    if isinstance(pattern, str):
        if not pattern.strip():
            yield f"{name} has an empty phrase"
    elif isinstance(pattern, list) and pattern and all(isinstance(token, dict) for token in pattern):
        if not all("RIGHT_ID" in token for token in pattern):
            from spacy.schemas import validate_token_pattern  # here: the gazetteer and linker read TSVs without spaCy

            for error in validate_token_pattern(pattern):
                yield f"{name}: {error}"
    else:
        yield f'{name} needs a "pattern": a phrase or a non-empty list of token patterns'
