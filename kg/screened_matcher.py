"""A spaCy Matcher that runs on each Doc only the patterns that can match there.

spaCy's Matcher starts every pattern at every token and tests its token specs in Python where
they hold a set (IN) or a regular expression: the 34 asset patterns cost 12 ms an article. Most
patterns name words that most articles lack: a pattern with a required token (no "?" or "*"
operator) that asks for a word, lemma or text (equality or IN) no token of the Doc has cannot
match in it. `ScreenedMatcher` leaves those out and runs a Matcher of the rest, built once per
set of patterns (the Doc's words, lemmas and texts read as hashes, with `Doc.to_array`, and
compared with the hashes of the patterns' values). Its matches are the full Matcher's, in the
same order: the patterns left keep their keys and their order, and a pattern that matches
nothing adds no match and moves none. kg's asset patterns and the entity rulers' token patterns
run so.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Sequence

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes a required spec is screened by, as the Matcher reads them: the column of
# `Doc.to_array(_COLUMNS)` that holds the hashes of their values.
_COLUMN: dict[str, int] = {"LOWER": 0, "LEMMA": 1, "TEXT": 2, "ORTH": 2}
_COLUMNS: list[int | str] = ["LOWER", "LEMMA", "ORTH"]
_REQUIRED = (None, "+")  # operators under which a token spec must match at least one token
Needs = tuple[tuple[str, frozenset[str]], ...]  # (attribute, values): some token has one of them


class ScreenedMatcher:
    """The Matcher of `patterns` ((key, token pattern) pairs, added in order), run per Doc on the
    patterns whose required words the Doc has. Called on a Doc, it returns what
    `Matcher.__call__` returns: (match_id, start, end) tuples."""

    def __init__(self, vocab: Vocab, patterns: Sequence[tuple[str, list[dict[str, Any]]]]) -> None:
        self.vocab = vocab
        self.patterns = tuple(patterns)
        self.needs = tuple(_needs(pattern) for _, pattern in self.patterns)
        self.hashed_needs = tuple(tuple((_COLUMN[name], frozenset(map(get_string_id, values))) for name, values in needs)
                                  for needs in self.needs)  # fmt: skip
        self.matcher = lru_cache(maxsize=256)(self._build)

    def _build(self, chosen: tuple[int, ...]) -> Matcher:
        matcher = Matcher(self.vocab)
        for index in chosen:
            key, pattern = self.patterns[index]
            matcher.add(key, [pattern])
        return matcher

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        present = [set(column) for column in zip(*doc.to_array(_COLUMNS).tolist())] or [set() for _ in _COLUMNS]
        chosen = tuple(
            index for index, needs in enumerate(self.hashed_needs) if all(present[column] & values for column, values in needs)
        )
        return self.matcher(chosen)(doc) if chosen else []


def _needs(pattern: list[dict[str, Any]]) -> Needs:
    """What a Doc must hold for `pattern` to match in it: for each required token spec, the values
    one screened attribute of the spec accepts (a spec with none screens nothing)."""
    needs: list[tuple[str, frozenset[str]]] = []
    for spec in pattern:
        if spec.get("OP") not in _REQUIRED:
            continue
        for name, value in spec.items():
            if name not in _COLUMN:
                continue
            if isinstance(value, str):
                needs.append((name, frozenset([value])))
                break
            if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                needs.append((name, frozenset(value["IN"])))
                break
    return tuple(needs)
