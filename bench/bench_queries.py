"""Benchmark: every saved query on a big store, and the start-up of `kg query`.

    python bench/bench_queries.py [--store DIR] [--runs N]

For each saved query, run with its header's example parameters on the embedded store (no
union-default-graph mode), prints the median and the worst wall time of N runs, the median CPU
time of this process (what the run costs whatever else the machine is doing: on a shared
machine the wall time of one run can be twice its CPU time), and the rows.
The federated query is left out: its time is the remote endpoint's. Then `kg query` start-up,
reported apart: a new Python process importing kg and running a query in its guarded child
process, on an empty store, median of N. Make the store with bench/make_big_store.py.
Targets: median saved query <= 100 ms, none > 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.query import load_queries, run_query
from kg.store import KgStore

HERE = Path(__file__).resolve().parent
DEFAULT_STORE = HERE / "cache" / "big-store"
FEDERATED = "heads_of_state_wikidata"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    queries = load_queries()
    medians: list[float] = []
    cpu_medians: list[float] = []
    with KgStore(args.store, create=False, read_only=True) as store:
        print(f"{args.store}: {len(store)} quads, {len(store.graph_names())} article graphs, {len(store.entities_graph())} triples in the entities graph")
        print(f"{'query':34}{'median ms':>11}{'worst ms':>10}{'CPU ms':>8}{'rows':>8}")
        for name, query in sorted(queries.items()):
            if name == FEDERATED:
                continue
            times = []
            cpu_times = []
            rows = 0
            for _ in range(args.runs):
                started, cpu_started = time.perf_counter(), time.process_time()
                rows = len(run_query(store.oxigraph, query, query.examples()).rows)
                times.append(time.perf_counter() - started)
                cpu_times.append(time.process_time() - cpu_started)
            medians.append(statistics.median(times))
            cpu_medians.append(statistics.median(cpu_times))
            print(f"{name:34}{1000 * medians[-1]:>11.1f}{1000 * max(times):>10.1f}{1000 * cpu_medians[-1]:>8.1f}{rows:>8}")
    worst = max(medians)
    print(f"median of the medians: {1000 * statistics.median(medians):.1f} ms (CPU {1000 * statistics.median(cpu_medians):.1f} ms); slowest query median: {1000 * worst:.1f} ms")
    print(f"kg query start-up (new process, imports, guarded child, empty store): {1000 * startup(args.runs):.0f} ms median")
    return 0


def startup(runs: int) -> float:
    """Median wall time of `python -m kg.cli query articles_overview` on an empty store."""
    root = HERE.parent
    with tempfile.TemporaryDirectory() as folder:
        KgStore(Path(folder) / "store").close()
        command = [sys.executable, "-m", "kg.cli", "query", "articles_overview", "--store", str(Path(folder) / "store")]
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, cwd=root, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
