"""Coverage on unseen news: how many items yield a fact beyond entities, and which PLOVER types.

    python bench/coverage.py [CURRENT_EVENTS.jsonl] [--since 2026-01-01] [--until DATE]
                             [--limit 600] [--seed N] [--fact-less OUT.jsonl]

Takes the first LIMIT current-events items published on or after SINCE (and before UNTIL, when
given) whose ids are in no gold set (../shared/gold/dev, bench/heldout, bench/heldout2 and every
bench/blind*: only their file names are read; a gold file is named by its article's id), or with --seed a seeded random LIMIT of them, runs the
nlp and extract stages on them, and prints the share of items with at least one claim (a role,
membership, designation, deployment or event), the claims by kind, and the events by PLOVER
type, naming the types never produced. There is no gold here: this measures reach, not
correctness. --fact-less writes the items with no claim, with the entities kg found in them,
for diagnosis (bench/COVERAGE.md samples pre-2026 items this way).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.ingest import read_inputs
from kg.nlp import annotate, load_nlp
from kg.records import Article, Event, EventType, Extraction

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "corpus" / "wikipedia-current-events-ir.jsonl"
GOLD_SETS = (ROOT.parent / "shared" / "gold" / "dev", ROOT / "bench" / "heldout", ROOT / "bench" / "heldout2")


def gold_ids() -> set[str]:
    """The article ids of every gold set present, from the file names alone (blind files stay unopened)."""
    folders = [*GOLD_SETS, *sorted((ROOT / "bench").glob("blind*"))]
    return {path.stem for folder in folders for path in folder.glob("*.json")}


def unseen_items(
    path: Path, since: date, until: date | None, limit: int, seed: int | None, excluded: set[str]
) -> list[Article]:
    """The first `limit` items published in [since, until) outside `excluded`, or a seeded sample of them."""
    items = [
        item for item in read_inputs([path])
        if isinstance(item, Article) and item.published is not None and item.published >= since
        and (until is None or item.published < until) and item.id not in excluded
    ]  # fmt: skip
    return items[:limit] if seed is None else random.Random(seed).sample(items, min(limit, len(items)))


def extractions(items: list[Article]) -> list[Extraction]:
    """The nlp and extract stages run on every item, in order."""
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)
    return [extract(annotate(nlp, item), item, gazetteer=gazetteer) for item in items]


def fact_less_row(extraction: Extraction) -> dict[str, object]:
    """An item with no claim, as one JSON object: its id, date, title, text and the entities kg found."""
    article = extraction.article
    return {
        "id": article.id, "published": str(article.published), "title": article.title, "text": article.text,
        "entities": [f"{entity.type.value}:{entity.label}" for entity in extraction.entities],
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--since", type=date.fromisoformat, default=date(2026, 1, 1))
    parser.add_argument("--until", type=date.fromisoformat, help="only items published before this day")
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--seed", type=int, help="a seeded random LIMIT of the items instead of the first LIMIT")
    parser.add_argument("--fact-less", type=Path, help="write the items with no claim here (JSON Lines)")
    args = parser.parse_args()
    excluded = gold_ids()
    items = unseen_items(args.input, args.since, args.until, args.limit, args.seed, excluded)
    results = extractions(items)
    with_facts = sum(1 for extraction in results if extraction.claims)
    kinds = Counter(type(claim).__name__ for extraction in results for claim in extraction.claims)
    types = Counter(claim.type.value for extraction in results for claim in extraction.claims if isinstance(claim, Event))
    if args.fact_less:
        rows = (json.dumps(fact_less_row(extraction), ensure_ascii=False) for extraction in results if not extraction.claims)
        args.fact_less.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    until = f" and before {args.until}" if args.until else ""
    sampled = f", a sample drawn with seed {args.seed}" if args.seed is not None else ""
    print(f"{len(items)} unseen items published since {args.since}{until}{sampled} ({len(excluded)} gold ids excluded)")
    print(f"items with a fact beyond entities: {with_facts} ({with_facts / max(len(items), 1):.2f})")
    print("claims by kind: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    print(f"PLOVER types produced: {sum(1 for t in EventType if types[t.value])} of {len(EventType)}")
    print("events by type: " + ", ".join(f"{t.value} {types[t.value]}" for t in EventType))
    missing = [t.value for t in EventType if not types[t.value]]
    print("never produced: " + (", ".join(missing) if missing else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
