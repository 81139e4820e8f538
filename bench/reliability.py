"""Reliability of the confidence score: the share of stated facts that gold confirms, by kind and score.

Not a unit test: build the predictions with every confidence kept, then join them to the gold matches
of ../shared/tools/kg_score.py (the reference scorer, FORMAT.md section 4):

    python -m kg.cli eval ../shared/gold/dev --min-confidence 0 --facts dev.jsonl --no-report
    python bench/reliability.py ../shared/gold/dev dev.jsonl [more GOLD PRED pairs]

or build them here, which also tells each event the reading that produced it (the facts export
does not carry it), and writes the predictions to PRED for a later run:

    python bench/reliability.py --build ../shared/gold/dev dev.jsonl [more GOLD PRED pairs]

A prediction is right when the scorer matches it to a required gold fact, neutral when it matches an
optional one (left out of the shares), wrong otherwise. Printed, each with the number of stated facts
and the share that is right: per kind and score; per kind and cue (the event type, designation
category, asset class, role or organization the pattern gave); per kind and reading (plain, claimed by
a party, hypothetical, negated); per event actor (named, only unnamed groups, none stated); per kind
above and below the export threshold. With --build, events also by trigger (a hand trigger `event.*` or the CAMEO coder's `cameo.NNN`, grouped as `cameo.<type>`),
by part of speech of the trigger word, by each factor the score applied (inherited, unnamed,
incomplete, far, attributed, hypothetical, negated) and by the dependency path that reached the
actors and the targets ("elsewhere": inherited, or a rule beyond the paths): `reading` in each
prediction.
Calibrate on dev, bench/heldout and the spent blind sets only, never on a blind set still to be scored.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "kg_score.py"
THRESHOLD = 0.5
# The score's factors a reading may carry, besides "incomplete" and "far" (kg.extract.confidence.score).
FLAGS = ("inherited", "unnamed", "attributed", "hypothetical", "negated")
CUES = {"event": "type", "designation": "category", "military_asset": "asset_class", "role": "role"}


class Judged(NamedTuple):
    kind: str
    confidence: float
    right: bool
    cue: str
    reading: str
    actor: str = ""
    trigger: str = ""
    pos: str = ""
    factors: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()


def reading(fact: dict[str, Any]) -> str:
    if fact.get("negated"):
        return "negated"
    if fact.get("hypothetical"):
        return "hypothetical"
    return "claimed" if fact.get("claimed_by") else "plain"


def actor(fact: dict[str, Any]) -> str:
    """An event's actor: named, only groups with no name ("gunmen"), or none stated."""
    actors = fact.get("actors") or []
    if not actors:
        return "none"
    return "group" if all(ref.get("type") == "Group" for ref in actors) else "named"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judged(scorer: ModuleType, gold_dir: str, predictions: str) -> list[Judged]:
    """Every prediction that is not neutral, judged against the gold."""
    golds = scorer.load_gold([gold_dir])
    by_article = scorer.load_preds(predictions)
    out: list[Judged] = []
    for gold in golds:
        preds = by_article.get(gold.id, [])
        for kind in scorer.FACT_KINDS:
            required = [f for f in gold.facts if f["kind"] == kind and not f.get("optional")]
            optional = [f for f in gold.facts if f["kind"] == kind and f.get("optional")]
            stated = [p for p in preds if p.get("kind") == kind]
            right = set(scorer.match_facts(gold, required, stated).values())
            left = [j for j in range(len(stated)) if j not in right]
            neutral = {left[j] for j in scorer.match_facts(gold, optional, [stated[j] for j in left]).values()}
            for j, p in enumerate(stated):
                if j not in neutral:
                    how = p.get("reading") or {}
                    out.append(Judged(kind, float(p.get("confidence", 1.0)), j in right, str(p.get(CUES.get(kind, ""), "")),
                                      reading(p), actor(p) if kind == "event" else "", how.get("trigger", ""), how.get("pos", ""),
                                      tuple(how.get("factors", ())),
                                      tuple(f"{slot[0]} {path}" for slot, path in sorted(how.get("paths", {}).items()))))  # fmt: skip
    return out


def shares(title: str, groups: dict[tuple[str, str], list[Judged]]) -> list[str]:
    """Per group: the number of stated facts, the share right, the mean confidence, and the
    number and share right of those at or above the threshold."""
    lines = [f"{'kind':<15} {title:>26} {'n':>4} {'right':>6} {'conf':>5} {'n>=':>4} {'right':>6}"]
    for (kind, value), rows in sorted(groups.items()):
        above = [row.right for row in rows if row.confidence >= THRESHOLD]
        share = f"{sum(above) / len(above):>6.2f}" if above else f"{'-':>6}"
        lines.append(f"{kind:<15} {value:>26} {len(rows):>4} {sum(r.right for r in rows) / len(rows):>6.2f} "
                     f"{sum(r.confidence for r in rows) / len(rows):>5.2f} {len(above):>4} {share}")  # fmt: skip
    return lines + [""]


def trigger_class(row: Judged) -> str:
    """The hand trigger's id, or the CAMEO coder's codes grouped by the type they give."""
    return f"cameo.{row.cue}" if row.trigger.startswith("cameo.") else row.trigger


def table(rows: list[Judged]) -> str:
    lines: list[str] = []
    built = any(row.trigger for row in rows)
    groupings: list[tuple[str, Any]] = [("score", lambda r: [f"{r.confidence:.2f}"]), ("cue", lambda r: [r.cue[:26]]),
                                        ("reading", lambda r: [r.reading]),
                                        ("actor", lambda r: [r.actor] if r.actor else [])]  # fmt: skip
    if built:
        groupings += [("trigger", lambda r: [trigger_class(r)[:26]] if r.kind == "event" else []),
                      ("source, pos", lambda r: [f"{r.trigger.split('.')[0]} {r.pos}"] if r.kind == "event" else []),
                      ("factor", lambda r: list(r.factors or ("none",)) if r.kind == "event" else []),
                      ("path (a actor, t target)", lambda r: [path[:26] for path in r.paths] if r.kind == "event" else [])]  # fmt: skip
    for title, values in groupings:
        groups: dict[tuple[str, str], list[Judged]] = defaultdict(list)
        for row in rows:
            for value in values(row):
                groups[(row.kind, value)].append(row)
        lines += shares(title, groups)
    sides: dict[tuple[str, str], list[Judged]] = defaultdict(list)
    for row in rows:
        side = f">={THRESHOLD}" if row.confidence >= THRESHOLD else f"<{THRESHOLD}"
        sides[(row.kind, side)].append(row)
        sides[("all", side)].append(row)
    return "\n".join(lines + shares("side", sides))


def build(gold_dir: str, predictions: str) -> None:
    """Build the gold articles of `gold_dir` as `kg eval` does, keeping every confidence, and
    write their facts to `predictions`, each event with the reading that produced it."""
    sys.path.insert(0, str(ROOT))
    from kg import rdf
    from kg.export import store_facts
    from kg.extract import confidence, events
    from kg.ingest import read_inputs
    from kg.pipeline import Pipeline
    from kg.pipeline import build as build_store
    from kg.store import KgStore

    scored: dict[str, Any] = {}
    read_by: dict[int, tuple[Any, dict[str, Any]]] = {}  # id(provenance) -> (provenance, reading)
    by_fact: dict[str, dict[str, Any]] = {}
    score, read, claim_iri = confidence.score, events._read, rdf.claim_iri

    def scoring(base: float, **factors: Any) -> float:
        scored.clear()
        scored.update(factors)
        return score(base, **factors)

    def reading_of(token: Any, trigger: Any, *args: Any, **kwargs: Any) -> Any:
        result = read(token, trigger, *args, **kwargs)
        if result is not None:
            flags = {"incomplete": scored.get("complete") is False, "far": scored.get("steps", 1) > 2,
                     **{name: bool(scored.get(name)) for name in FLAGS}}  # fmt: skip
            factors = [name for name, on in flags.items() if on]
            event, (lex, index) = result[0], args[:2]
            paths = {slot: next((path.text for path in lex.events.paths(trigger, slot)
                                 if set(index.follow(token, [path])) & set(getattr(event, slot))), "elsewhere")
                     for slot in ("actors", "targets") if getattr(event, slot)}  # fmt: skip
            read_by[id(event.provenance)] = (event.provenance, {"trigger": trigger.id, "pos": token.pos_,
                                                                "factors": factors, "paths": paths})  # fmt: skip
        return result

    def iri_of(article_id: str, claim: Any, iris: Any) -> Any:
        node = claim_iri(article_id, claim, iris)
        held = read_by.get(id(claim.provenance))
        if held is not None and held[0] is claim.provenance:
            by_fact[str(node)] = held[1]
        return node

    confidence.score, events._read, rdf.claim_iri = scoring, reading_of, iri_of  # type: ignore[assignment]
    try:
        files = sorted(Path(gold_dir).glob("*.json"))
        with tempfile.TemporaryDirectory() as folder, KgStore(None) as store:
            articles = Path(folder) / "gold-articles.jsonl"
            articles.write_text("".join(json.dumps(json.loads(f.read_text(encoding="utf-8"))["article"], ensure_ascii=False) + "\n"
                                        for f in files), encoding="utf-8")  # fmt: skip
            build_store(read_inputs([articles]), store, process_batch=Pipeline().process_batch)
            facts = list(store_facts(store, min_confidence=0.0))
    finally:
        confidence.score, events._read, rdf.claim_iri = score, read, claim_iri
    for fact in facts:
        if fact.get("kind") == "event":
            fact["reading"] = by_fact.get(str(fact.get("fact")), {"trigger": "derived", "pos": "", "factors": []})
    Path(predictions).write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")


def main(argv: list[str]) -> int:
    building = argv[:1] == ["--build"]
    argv = argv[1:] if building else argv
    if not argv or len(argv) % 2:
        print(__doc__)
        return 2
    if building:
        for gold, pred in zip(argv[::2], argv[1::2]):
            build(gold, pred)
    scorer = load_scorer()
    rows = [row for gold, pred in zip(argv[::2], argv[1::2]) for row in judged(scorer, gold, pred)]
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
