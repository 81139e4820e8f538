"""Evaluate: flat facts against gold annotations (gold/FORMAT.md sections 3 and 4).

The rules: entities match on equal QIDs when both have one, else on the normalised label
against the gold label and aliases, with equal types; facts match kind by kind and slot by
slot; a maximum matching is taken in tiers (first keys of any-of lists first, then any key;
for events, right direction first); a prediction that matches an optional gold fact is neither
right nor wrong. Besides the scores, every article's misses and false positives are kept, so
the next improvement is obvious.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Fact = dict[str, Any]

FACT_KINDS = ("role", "designation", "military_asset", "event", "membership")
_ENTITY_SLOTS = {
    "role": ("person", "of"),
    "designation": ("authority", "designee"),
    "military_asset": ("operator", "location"),
    "event": (),
    "membership": ("member", "organization"),
}
_STRING_SLOTS = {
    "role": ("role",),
    "designation": ("category",),
    "military_asset": ("asset_class",),
    "event": ("type",),
    "membership": (),
}


def normalise(text: object) -> str:
    """Case-folded, accents removed, full stops and apostrophes dropped, leading "the" dropped."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"[.'\u2019]", "", folded)
    folded = re.sub(r"[\W_]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


def _any_of(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


@dataclass
class GoldArticle:
    id: str
    entities: dict[str, dict[str, Any]]
    facts: list[Fact]

    @classmethod
    def load(cls, path: Path) -> "GoldArticle":
        document = json.loads(path.read_text(encoding="utf-8"))
        entities = {}
        for entity in document["entities"]:
            names = {normalise(entity["label"])} | {normalise(a) for a in entity.get("aliases", [])}
            entities[entity["key"]] = {**entity, "names": names}
        return cls(document["article"]["id"], entities, document["facts"])

    def matches(self, ref: Any, key: str) -> bool:
        """Does a predicted entity reference denote the gold entity `key`?"""
        if not isinstance(ref, dict):
            return False
        gold = self.entities[key]
        if ref.get("type") and gold.get("type") and ref["type"] != gold["type"]:
            return False
        if ref.get("wikidata") and gold.get("wikidata"):
            return bool(ref["wikidata"] == gold["wikidata"])
        return normalise(ref.get("label", "")) in gold["names"]

    def fact_matches(self, gold: Fact, predicted: Fact, *, first_only: bool = False) -> bool:
        def keys(value: Any) -> list[Any]:
            return _any_of(value)[:1] if first_only else _any_of(value)

        kind = gold["kind"]
        if predicted.get("kind") != kind:
            return False
        for slot in _STRING_SLOTS[kind]:
            if normalise(predicted.get(slot, "")) not in {normalise(v) for v in _any_of(gold[slot])}:
                return False
        for slot in _ENTITY_SLOTS[kind]:
            if slot in gold and not any(self.matches(predicted.get(slot), k) for k in keys(gold[slot])):
                return False
        if kind == "military_asset" and "asset" in gold and self.entities[gold["asset"]].get("wikidata"):
            if not self.matches(predicted.get("asset"), gold["asset"]):
                return False
        if kind == "event":
            refs = list(predicted.get("actors") or []) + list(predicted.get("targets") or [])
            for slot_keys in list(gold.get("actors", [])) + list(gold.get("targets", [])):
                if not any(self.matches(ref, k) for ref in refs for k in keys(slot_keys)):
                    return False
        if "date" in gold:
            if predicted.get("date"):
                if not _overlaps(gold["date"], predicted["date"]):
                    return False
            elif gold.get("date_required"):
                return False
        return True

    def labelled(self, fact: Fact) -> Fact:
        """A gold fact with its entity keys replaced by the entities' labels, for reports."""

        def label(value: Any) -> Any:
            if isinstance(value, list):
                return [label(v) for v in value]
            return self.entities[value]["label"] if isinstance(value, str) and value in self.entities else value

        slots = {"actors", "targets", "asset", *(s for kind in _ENTITY_SLOTS.values() for s in kind), "location"}
        return {k: label(v) if k in slots else v for k, v in fact.items()}

    def direction_right(self, gold: Fact, predicted: Fact) -> bool:
        def covered(slots: list[Any], refs: list[Any] | None) -> bool:
            return all(any(self.matches(r, k) for r in refs or [] for k in _any_of(s)) for s in slots)

        return covered(gold.get("actors", []), predicted.get("actors")) and covered(
            gold.get("targets", []), predicted.get("targets")
        )


def _overlaps(a: dict[str, str], b: dict[str, str]) -> bool:
    try:
        return a["earliest"] <= b["latest"] and b["earliest"] <= a["latest"]
    except (KeyError, TypeError):
        return False


def _max_matching(golds: Sequence[Any], preds: Sequence[Any], ok: Callable[[Any, Any], bool]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): {gold index: prediction index}."""
    edges = {i: [j for j, p in enumerate(preds) if ok(g, p)] for i, g in enumerate(golds)}
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in edges:
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _match_facts(gold: GoldArticle, golds: list[Fact], preds: list[Fact]) -> dict[int, int]:
    tiers: list[Callable[[Fact, Fact], bool]] = [
        lambda g, p: gold.fact_matches(g, p, first_only=True),
        lambda g, p: gold.fact_matches(g, p),
    ]
    if golds and golds[0]["kind"] == "event":
        directed = [lambda g, p, t=t: t(g, p) and gold.direction_right(g, p) for t in tiers]
        tiers = [*directed, tiers[-1]]
    matched: dict[int, int] = {}
    for ok in tiers:
        gold_left = [i for i in range(len(golds)) if i not in matched]
        pred_left = [j for j in range(len(preds)) if j not in matched.values()]
        more = _max_matching([golds[i] for i in gold_left], [preds[j] for j in pred_left], ok)
        matched |= {gold_left[i]: pred_left[j] for i, j in more.items()}
    return matched


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, gold: int, predicted: int, matched: int) -> None:
        self.gold += gold
        self.predicted += predicted
        self.matched += matched

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleErrors:
    """What one article got wrong: gold it missed, predictions that match nothing."""

    missed: list[Fact] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)


@dataclass
class Scores:
    tallies: dict[str, Tally]
    linking: Tally
    direction: Tally
    errors: dict[str, ArticleErrors]

    def table(self) -> str:
        lines = [f"{'':16}{'gold':>6}{'pred':>6}{'hit':>6}{'P':>7}{'R':>7}{'F1':>7}"]
        for name in ("entities", *FACT_KINDS, "facts"):
            t = self.tallies[name]
            lines.append(
                f"{name:16}{t.gold:>6}{t.predicted:>6}{t.matched:>6}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}"
            )
        lines.append(f"{'linking':16}{self.linking.gold:>6}{'':>12}{'accuracy':>14} {self.linking.recall:.3f}")
        lines.append(f"{'event direction':16}{self.direction.gold:>6}{'':>12}{'accuracy':>14} {self.direction.recall:.3f}")
        return "\n".join(lines)

    def report(self) -> str:
        """Per article, what was missed and what was wrong."""
        out: list[str] = []
        for article_id, errors in sorted(self.errors.items()):
            if not (errors.missed or errors.false_positives):
                continue
            out.append(f"== {article_id}")
            out += [f"  missed  {_brief(f)}" for f in errors.missed]
            out += [f"  wrong   {_brief(f)}" for f in errors.false_positives]
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            name: {"precision": t.precision, "recall": t.recall, "f1": t.f1, "gold": t.gold, "predicted": t.predicted, "matched": t.matched}
            for name, t in self.tallies.items()
        }
        result["linking"] = {"accuracy": self.linking.recall, "entities": self.linking.gold}
        result["event_direction"] = {"accuracy": self.direction.recall, "events": self.direction.gold}
        return result


def _brief(fact: Fact) -> str:
    def name(value: Any) -> Any:
        if isinstance(value, dict):
            return value.get("label")
        if isinstance(value, list):
            return [name(v) for v in value]
        return value

    skip = {"article", "evidence", "fact", "confidence", "negated", "hypothetical", "optional"}
    return json.dumps({k: name(v) for k, v in fact.items() if k not in skip}, ensure_ascii=False)


def load_gold(paths: Sequence[Path]) -> list[GoldArticle]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return [GoldArticle.load(f) for f in files]


def score(golds: Sequence[GoldArticle], predictions: Sequence[Fact]) -> Scores:
    """Score flat facts against gold articles under the rules of FORMAT.md section 4."""
    by_article: dict[str, list[Fact]] = {}
    for fact in predictions:
        by_article.setdefault(str(fact.get("article")), []).append(fact)
    tallies = {name: Tally() for name in ("entities", *FACT_KINDS, "facts")}
    linking, direction = Tally(), Tally()
    errors: dict[str, ArticleErrors] = {}
    for gold in golds:
        preds = by_article.get(gold.id, [])
        article_errors = errors.setdefault(gold.id, ArticleErrors())
        _score_entities(gold, preds, tallies["entities"], linking, article_errors)
        for kind in FACT_KINDS:
            required = [f for f in gold.facts if f["kind"] == kind and not f.get("optional")]
            optional = [f for f in gold.facts if f["kind"] == kind and f.get("optional")]
            of_kind = [p for p in preds if p.get("kind") == kind]
            matched = _match_facts(gold, required, of_kind)
            left = [p for j, p in enumerate(of_kind) if j not in matched.values()]
            matched_optional = _match_facts(gold, optional, left)
            counted = len(of_kind) - len(matched_optional)
            tallies[kind].add(len(required), counted, len(matched))
            tallies["facts"].add(len(required), counted, len(matched))
            article_errors.missed += [gold.labelled(f) for i, f in enumerate(required) if i not in matched]
            article_errors.false_positives += [p for j, p in enumerate(left) if j not in matched_optional.values()]
            if kind == "event":
                for i, j in matched.items():
                    direction.add(1, 0, int(gold.direction_right(required[i], of_kind[j])))
    return Scores(tallies, linking, direction, errors)


def _score_entities(gold: GoldArticle, preds: list[Fact], tally: Tally, linking: Tally, errors: ArticleErrors) -> None:
    predicted, seen = [], set()
    for fact in preds:
        ref = fact.get("entity")
        if fact.get("kind") == "entity" and isinstance(ref, dict):
            signature = (ref.get("wikidata") or normalise(ref.get("label", "")), ref.get("type"))
            if signature not in seen:
                seen.add(signature)
                predicted.append(ref)
    required = [k for k, e in gold.entities.items() if not e.get("optional")]
    optional = [k for k, e in gold.entities.items() if e.get("optional")]
    matched = _max_matching(required, predicted, lambda k, ref: gold.matches(ref, k))
    left = [ref for j, ref in enumerate(predicted) if j not in matched.values()]
    matched_optional = _max_matching(optional, left, lambda k, ref: gold.matches(ref, k))
    tally.add(len(required), len(predicted) - len(matched_optional), len(matched))
    for i, j in matched.items():
        qid = gold.entities[required[i]].get("wikidata")
        if qid:
            linking.add(1, 0, int(predicted[j].get("wikidata") == qid))
    errors.missed += [
        {"kind": "entity", "entity": {"label": gold.entities[k]["label"], "type": gold.entities[k]["type"]}}
        for i, k in enumerate(required)
        if i not in matched
    ]
    errors.false_positives += [
        {"kind": "entity", "entity": ref} for j, ref in enumerate(left) if j not in matched_optional.values()
    ]
