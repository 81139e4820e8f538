"""Save every saved query's rows on a big store, or check them against a saved copy.

    python bench/query_rows.py save FILE [--store DIR]
    python bench/query_rows.py check FILE [--store DIR]

A query rewritten for speed must give the same rows in the same order. `save` writes each saved
query's rows (run with its header's example parameters, as bench/bench_queries.py runs it) as
CSV text, one file for all; `check` runs them again and prints every query whose rows differ,
with the first row that does, and exits 1 if any did. The federated query is left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.query import format_csv, load_queries, run_query
from kg.store import KgStore

HERE = Path(__file__).resolve().parent
DEFAULT_STORE = HERE / "cache" / "big-store"
FEDERATED = "heads_of_state_wikidata"


def all_rows(store_path: Path) -> dict[str, str]:
    """Each saved query's answer with its example parameters, as CSV text, by name."""
    answers = {}
    with KgStore(store_path, create=False, read_only=True) as store:
        for name, query in sorted(load_queries().items()):
            if name != FEDERATED:
                answers[name] = format_csv(run_query(store.oxigraph, query, query.examples()))
    return answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    args = parser.parse_args()
    answers = all_rows(args.store)
    if args.action == "save":
        args.file.write_text(json.dumps(answers, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(answers)} queries saved to {args.file}")
        return 0
    saved: dict[str, str] = json.loads(args.file.read_text(encoding="utf-8"))
    differing = 0
    for name in sorted(set(saved) | set(answers)):
        before, after = saved.get(name, "").splitlines(), answers.get(name, "").splitlines()
        if before == after:
            print(f"{name:34} same {len(after) - 1} rows")
            continue
        differing += 1
        first = next((i for i, (b, a) in enumerate(zip(before, after)) if b != a), min(len(before), len(after)))
        print(f"{name:34} DIFFERS: {len(before) - 1} rows before, {len(after) - 1} after; first difference at line {first}")
        print(f"  before: {before[first] if first < len(before) else '(none)'}")
        print(f"  after:  {after[first] if first < len(after) else '(none)'}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
