"""Coverage on unseen news: how many items yield a fact beyond entities, and which PLOVER types.

    python bench/coverage.py [CURRENT_EVENTS.jsonl] [--since 2026-01-01] [--limit 600]

Takes the first LIMIT current-events items published on or after SINCE whose ids are in no gold
set (../shared/gold/dev, bench/heldout, bench/heldout2, bench/blind3: only their ids are read),
runs the nlp and extract stages on them, and prints the share of items with at least one claim
(a role, membership, designation, deployment or event), the claims by kind, and the events by
PLOVER type, naming the types never produced. There is no gold here: this measures reach, not
correctness.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.ingest import read_inputs
from kg.nlp import annotate, load_nlp
from kg.records import Article, Event, EventType

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "corpus" / "wikipedia-current-events-ir.jsonl"
GOLD_SETS = (ROOT.parent / "shared" / "gold" / "dev", ROOT / "bench" / "heldout", ROOT / "bench" / "heldout2", ROOT / "bench" / "blind3")


def gold_ids() -> set[str]:
    """The article ids of every gold set present (nothing else of them is read)."""
    ids: set[str] = set()
    for folder in GOLD_SETS:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
            ids.add(json.loads(path.read_text(encoding="utf-8"))["article"]["id"])
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--since", type=date.fromisoformat, default=date(2026, 1, 1))
    parser.add_argument("--limit", type=int, default=600)
    args = parser.parse_args()
    excluded = gold_ids()
    items = [
        item for item in read_inputs([args.input])
        if isinstance(item, Article) and item.published is not None and item.published >= args.since
        and item.id not in excluded
    ][: args.limit]  # fmt: skip
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)
    with_facts = 0
    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for item in items:
        extraction = extract(annotate(nlp, item), item, gazetteer=gazetteer)
        with_facts += bool(extraction.claims)
        kinds.update(type(claim).__name__ for claim in extraction.claims)
        types.update(claim.type.value for claim in extraction.claims if isinstance(claim, Event))
    print(f"{len(items)} unseen items published since {args.since} ({len(excluded)} gold ids excluded)")
    print(f"items with a fact beyond entities: {with_facts} ({with_facts / max(len(items), 1):.2f})")
    print("claims by kind: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    print(f"PLOVER types produced: {sum(1 for t in EventType if types[t.value])} of {len(EventType)}")
    print("events by type: " + ", ".join(f"{t.value} {types[t.value]}" for t in EventType))
    missing = [t.value for t in EventType if not types[t.value]]
    print("never produced: " + (", ".join(missing) if missing else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
