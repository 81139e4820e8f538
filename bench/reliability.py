"""Reliability of the confidence score: the share of stated facts that gold confirms, by kind and score.

Not a unit test: build the predictions with every confidence kept, then join them to the gold matches
of ../shared/tools/kg_score.py (the reference scorer, FORMAT.md section 4):

    python -m kg.cli eval ../shared/gold/dev --min-confidence 0 --facts dev.jsonl --no-report
    python bench/reliability.py ../shared/gold/dev dev.jsonl [more GOLD PRED pairs]

A prediction is right when the scorer matches it to a required gold fact, neutral when it matches an
optional one (left out of the shares), wrong otherwise. Printed, each with the number of stated facts
and the share that is right: per kind and score; per kind and cue (the event type, designation
category, asset class, role or organization the pattern gave); per kind and reading (plain, claimed by
a party, hypothetical, negated); per event actor (named, only unnamed groups, none stated) and score
side; per kind above and below the export threshold.
Calibrate only on dev and bench/heldout, never on a blind set.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "kg_score.py"
THRESHOLD = 0.5
CUES = {"event": "type", "designation": "category", "military_asset": "asset_class", "role": "role"}


class Judged(NamedTuple):
    kind: str
    confidence: float
    right: bool
    cue: str
    reading: str
    actor: str


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
            out += [Judged(kind, float(p.get("confidence", 1.0)), j in right, str(p.get(CUES.get(kind, ""), "")), reading(p),
                            actor(p) if kind == "event" else "")
                    for j, p in enumerate(stated) if j not in neutral]  # fmt: skip
    return out


def shares(title: str, groups: dict[tuple[str, str], list[bool]]) -> list[str]:
    lines = [f"{'kind':<15} {title:>22} {'n':>4} {'right':>6}"]
    for (kind, value), hits in sorted(groups.items()):
        lines.append(f"{kind:<15} {value:>22} {len(hits):>4} {sum(hits) / len(hits):>6.2f}")
    return lines + [""]


def table(rows: list[Judged]) -> str:
    lines: list[str] = []
    for title, value in (("score", lambda r: f"{r.confidence:.2f}"), ("cue", lambda r: r.cue[:22]),
                         ("reading", lambda r: r.reading)):  # fmt: skip
        groups: dict[tuple[str, str], list[bool]] = defaultdict(list)
        for row in rows:
            groups[(row.kind, value(row))].append(row.right)
        lines += shares(title, groups)
    sides: dict[tuple[str, str], list[bool]] = defaultdict(list)
    actors: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for row in rows:
        side = f">={THRESHOLD}" if row.confidence >= THRESHOLD else f"<{THRESHOLD}"
        sides[(row.kind, side)].append(row.right)
        sides[("all", side)].append(row.right)
        if row.actor:
            actors[(row.kind, f"{row.actor} {side}")].append(row.right)
    return "\n".join(lines + shares("actor, side", actors) + shares("side", sides))


def main(argv: list[str]) -> int:
    if not argv or len(argv) % 2:
        print(__doc__)
        return 2
    scorer = load_scorer()
    rows = [row for gold, pred in zip(argv[::2], argv[1::2]) for row in judged(scorer, gold, pred)]
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
