"""Benchmark: `kg report` of the Wikipedia current-events items, opened in headless Chromium.

    python bench/bench_report.py CACHE_DIR [--input ARTICLES.jsonl] [--limit N] [--runs 3]

Builds the items into CACHE_DIR/store once (minutes of NLP; a later run reuses the store, and
an interrupted build goes on where it stopped, since stored articles are skipped), writes the
report as `kg report` does, and opens it in /usr/bin/chromium through Playwright. Prints the store's size, the time
to read the store and write the page, the page's size, and for each run the time from the start
of navigation to the network stabilised and the timeline drawn (the page sets
html[data-ready]), against the 5 s target. Keep CACHE_DIR outside the repository.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

from kg.ingest import read_inputs
from kg.pipeline import Pipeline, build
from kg.progress import Progress
from kg.report import write_report
from kg.store import KgStore

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikipedia-current-events-ir.jsonl"
CHROMIUM = "/usr/bin/chromium"
TARGET_S = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cache", type=Path, help="folder for the built store and the written page (outside the repository)")
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None, help="build only the first N items")
    parser.add_argument("--runs", type=int, default=3, help="page loads to time")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)

    with KgStore(args.cache / "store") as store:
        articles = itertools.islice(read_inputs([args.input]), args.limit)
        summary = build(articles, store, process=Pipeline().process, progress=Progress("build", "articles"))
        print(f"store: {summary.articles_read} items read, {summary.articles_stored} built now, {summary.duplicates} already stored")
        started = time.perf_counter()
        output = args.cache / "report.html"
        report = write_report(store.oxigraph, output)
        written = time.perf_counter() - started
    print(f"report: {report.facts} facts ({report.events} events), {report.entities} entities, {report.articles} articles")
    print(f"read the store and wrote the page in {written:.2f} s, {output.stat().st_size / 1e6:.1f} MB: {output}")

    from playwright.sync_api import sync_playwright

    loads = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for run in range(args.runs):
            tab = browser.new_page(viewport={"width": 1500, "height": 1200})
            errors: list[str] = []
            tab.on("pageerror", lambda error: errors.append(str(error)))
            tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            tab.goto(output.as_uri())
            tab.wait_for_selector("html[data-ready=true]", timeout=120_000)
            ready_ms = float(tab.evaluate("document.documentElement.dataset.readyMs"))
            drawn = tab.evaluate("[window.kgReport.nodes.length, window.kgReport.edges.length, window.kgReport.timelineItems.length]")
            loads.append(ready_ms / 1000)
            print(f"run {run + 1}: rendered {ready_ms / 1000:.2f} s after navigation start "
                  f"({drawn[0]} actors, {drawn[1]} edges, {drawn[2]} timeline items drawn){'; errors: ' + '; '.join(errors) if errors else ''}")
            tab.close()
        browser.close()
    median = statistics.median(loads)
    print(f"load to rendered: median {median:.2f} s, worst {max(loads):.2f} s; target {TARGET_S:.0f} s: {'met' if max(loads) < TARGET_S else 'NOT met'}")
    return 0 if max(loads) < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
