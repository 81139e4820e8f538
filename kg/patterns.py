"""Pattern files: patterns/labels.tsv and the JSON Lines pattern files beside it.

Input: the files of `patterns/`. Output: typed records (`LabelSpec`, `PatternSpec`) for the
NLP stage (entity ruler) and the extractors (spaCy Matcher and DependencyMatcher patterns).
Every problem of a file is reported at once, with file and line, as one `DataFileError`.

A pattern line is one JSON object with a versioned `id` ("role.title-name.v1"), a `label`
and a `pattern`: a phrase (string) or a list of token patterns. Other keys are kept in
`PatternSpec.extra` for the extractor that reads the file.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from spacy.schemas import validate_token_pattern

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


def _problems_error(path: Path, problems: list[tuple[int, str]]) -> DataFileError:
    first_line = problems[0][0]
    detail = "\n".join(f"{path}:{line}: {problem}" for line, problem in problems)
    return DataFileError(path, f"{len(problems)} problem(s):\n{detail}", line=first_line)


def load_labels(path: Path | None = None) -> dict[str, LabelSpec]:
    """patterns/labels.tsv: label -> LabelSpec; every bad row is reported."""
    path = path or data_dir("patterns") / "labels.tsv"
    return dict(_load_labels(path))


@lru_cache(maxsize=8)
def _load_labels(path: Path) -> tuple[tuple[str, LabelSpec], ...]:
    problems: list[tuple[int, str]] = []
    labels: dict[str, LabelSpec] = {}
    types = {t.value: t for t in EntityType}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader, None)
        if header is None or header[:3] != ["label", "type", "kind"]:
            raise DataFileError(path, f"expected the header 'label<TAB>type<TAB>kind', got {header!r}", line=1)
        for line, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip():
                continue
            if len(row) < 3:
                problems.append((line, f"expected at least 3 tab-separated columns, got {len(row)}"))
                continue
            label, type_name, kind = (cell.strip() for cell in row[:3])
            if not label:
                problems.append((line, "empty label"))
            elif label in labels:
                problems.append((line, f"label {label!r} is defined twice"))
            if type_name not in types:
                problems.append((line, f"type {type_name!r} is not one of {', '.join(types)}"))
                continue
            labels[label] = LabelSpec(label, types[type_name], kind or None)
    if problems:
        raise _problems_error(path, problems)
    return tuple(labels.items())


def load_patterns(path: Path, *, labels: Mapping[str, LabelSpec] | None = None) -> tuple[PatternSpec, ...]:
    """One JSON Lines pattern file; every bad line is reported with its number.

    With `labels`, each pattern's label must be one of them (None: any label, for files
    whose labels are not entity labels, such as role patterns).
    """
    return _load_patterns(path, None if labels is None else frozenset(labels))


@lru_cache(maxsize=32)
def _load_patterns(path: Path, labels: frozenset[str] | None) -> tuple[PatternSpec, ...]:
    problems: list[tuple[int, str]] = []
    specs: list[PatternSpec] = []
    seen: dict[str, int] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise DataFileError(path, f"cannot read the pattern file: {error.strerror}") from error
    for number, text in enumerate(lines, start=1):
        if not text.strip() or text.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as error:
            problems.append((number, f"not valid JSON: {error.msg} at column {error.colno}"))
            continue
        line_problems = list(_check_pattern(obj, labels, seen))
        if line_problems:
            problems.extend((number, problem) for problem in line_problems)
            continue
        seen[obj["id"]] = number
        extra = {key: value for key, value in obj.items() if key not in ("id", "label", "pattern")}
        specs.append(PatternSpec(obj["id"], obj["label"], obj["pattern"], str(path), number, extra))
    if problems:
        raise _problems_error(path, problems)
    return tuple(specs)


def _check_pattern(obj: Any, labels: frozenset[str] | None, seen: Mapping[str, int]) -> Iterable[str]:
    if not isinstance(obj, dict):
        yield f"expected a JSON object, got {type(obj).__name__}"
        return
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
            for error in validate_token_pattern(pattern):
                yield f"{name}: {error}"
    else:
        yield f'{name} needs a "pattern": a phrase or a non-empty list of token patterns'
