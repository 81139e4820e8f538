"""Benchmark: the build's throughput against bare spaCy on the same articles, and its cost per stage.

    python bench/bench_pipeline.py [ARTICLES.jsonl] [--limit N] [--chunk N] [--dask]

Runs, in one process, bare spaCy (`spacy.load(model)` and `nlp.pipe` over the article texts: the
same model kg uses, without kg's entity rulers) and kg's whole build (`kg.pipeline.build`: nlp,
extract, link, map to RDF, validate, store into an in-memory store) over the same articles,
alternating chunk by chunk so that both see the same load on a shared machine. Prints the
throughput of each and their ratio, in wall time and in CPU time of the process (the steadier
figure when other processes compete for the cores), milliseconds per article for each stage of
the build and for each extractor (the event coder among them), and the peak resident memory.
With --dask, also the build on a 2-worker LocalCluster, as a ratio to the sequential build.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import itertools
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import spacy

import kg.extract
import kg.extract.coder
import kg.nlp
import kg.pipeline
from kg.ingest import read_inputs
from kg.nlp import model_name
from kg.pipeline import Pipeline, build
from kg.records import Article
from kg.store import KgStore

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews-ir.jsonl"
TARGET = 0.7  # the build keeps at least this share of bare spaCy's throughput


@dataclasses.dataclass
class Clock:
    """Wall and process CPU seconds spent, by what they were spent on."""

    wall: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))
    cpu: dict[str, float] = dataclasses.field(default_factory=lambda: defaultdict(float))

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] += time.perf_counter() - wall
            self.cpu[name] += time.process_time() - cpu

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.timing(name):
                return function(*args, **kwargs)

        return timed


@contextmanager
def stage_timers(clock: Clock, pipeline: Pipeline, store: KgStore) -> Iterator[None]:
    """Time each stage of the real build by wrapping the functions it calls (restored on exit)."""
    targets: list[tuple[Any, str, str]] = [
        (kg.nlp, "annotate_batch", "nlp"),
        (kg.extract, "extract", "extract"),
        (pipeline.linker, "link", "link"),
        (kg.pipeline, "to_graph", "map to RDF"),
        (kg.pipeline, "validate", "validate"),
        (store, "replace_article", "store"),
    ]
    extractors = dict(kg.extract.EXTRACTORS)
    with ExitStack() as restore:
        for owner, attribute, stage in targets:
            original = getattr(owner, attribute)
            setattr(owner, attribute, clock.wrap(stage, original))
            restore.callback(setattr, owner, attribute, original)
        original_entities = kg.extract.find_entities
        kg.extract.find_entities = clock.wrap("  entities", original_entities)
        restore.callback(setattr, kg.extract, "find_entities", original_entities)
        original_code = kg.extract.coder.VerbDictionary.code  # the CAMEO coder's lookup, within the events extractor
        kg.extract.coder.VerbDictionary.code = clock.wrap("    CAMEO coder", original_code)  # type: ignore[method-assign]
        restore.callback(setattr, kg.extract.coder.VerbDictionary, "code", original_code)
        for name, extractor in extractors.items():  # an extractor may be a generator: time it to the end
            kg.extract.EXTRACTORS[name] = clock.wrap(f"  {name}", functools.partial(_listed, extractor))
        restore.callback(kg.extract.EXTRACTORS.update, extractors)
        yield


def _listed(extractor: Callable[..., Any], *args: Any) -> list[Any]:
    return list(extractor(*args))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None, help="read at most N articles (default: all)")
    parser.add_argument("--chunk", type=int, default=10, help="articles per alternation of bare spaCy and the build")
    parser.add_argument("--dask", action="store_true", help="also run the build on a Dask LocalCluster")
    args = parser.parse_args()
    articles = [a for a in itertools.islice(read_inputs([args.input]), args.limit) if isinstance(a, Article)]
    words = sum(len(a.content.split()) for a in articles)
    print(f"{len(articles)} articles from {args.input.name}, {words / len(articles):.0f} words on average")

    started = time.perf_counter()
    pipeline = Pipeline()
    print(f"kg pipeline start-up (model, gazetteer, shapes): {time.perf_counter() - started:.2f} s")
    bare = spacy.load(model_name())
    print(f"bare spaCy: {model_name()} {bare.pipe_names}")
    warm_up = [dataclasses.replace(article, id=f"warm-up-{article.id}") for article in articles[:2]]
    list(bare.pipe(article.content for article in warm_up))

    clock = Clock()
    with KgStore(None) as store:
        build(iter(warm_up), store, process_batch=pipeline.process_batch)
        with stage_timers(clock, pipeline, store):
            for number, start in enumerate(range(0, len(articles), args.chunk)):
                chunk = articles[start : start + args.chunk]
                runs = [("bare spaCy", lambda: list(bare.pipe(a.content for a in chunk))),
                        ("build", lambda: build(iter(chunk), store, process_batch=pipeline.process_batch))]  # fmt: skip
                for name, run in runs if number % 2 == 0 else reversed(runs):
                    with clock.timing(name):
                        run()
        quads = len(store)
    report(clock, len(articles), quads)
    print(f"peak memory (both models loaded): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if args.dask:
        dask_ratio(articles, clock.wall["build"])
    return 0


def report(clock: Clock, articles: int, quads: int) -> None:
    for label, spent in (("wall", clock.wall), ("cpu", clock.cpu)):
        bare, whole = spent["bare spaCy"], spent["build"]
        ratio = bare / whole
        verdict = "meets" if ratio >= TARGET else "misses"
        print(f"{label:>4}: bare spaCy {articles / bare:5.2f} articles/s, build {articles / whole:5.2f} articles/s: "
              f"build/bare {ratio:.2f}x ({verdict} the {TARGET}x target)")  # fmt: skip
    print(f"{quads} quads stored")
    print(f"{'ms/article':24}{'wall':>8}{'cpu':>8}{'share':>8}")
    whole = clock.wall["build"]
    stages = [name for name in clock.wall if name not in ("bare spaCy", "build")]
    staged = sum(clock.wall[name] for name in stages if not name.startswith(" "))
    rows = [("bare spaCy", clock.wall["bare spaCy"], clock.cpu["bare spaCy"])]
    rows += [(name, clock.wall[name], clock.cpu[name]) for name in stages]
    rows += [("other (build loop)", whole - staged, clock.cpu["build"] - sum(clock.cpu[n] for n in stages if not n.startswith(" ")))]
    rows += [("build", whole, clock.cpu["build"])]
    for name, wall, cpu in rows:
        share = f"{wall / whole:8.0%}" if name not in ("bare spaCy", "build") else ""
        print(f"{name:24}{1000 * wall / articles:8.1f}{1000 * cpu / articles:8.1f}{share}")


def dask_ratio(articles: list[Article], sequential: float) -> None:
    from dask.distributed import Client, LocalCluster

    from kg.distributed import dask_mapper, process_on_worker

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(lambda: process_on_worker(dataclasses.replace(articles[0], id="warm-up")))
        with tempfile.TemporaryDirectory() as folder, KgStore(Path(folder) / "store") as store:
            started = time.perf_counter()
            summary = build(iter(articles), store, process=process_on_worker, mapper=dask_mapper(client))
            spent = time.perf_counter() - started
    print(f"dask, 2 workers: {summary.articles_stored / spent:.2f} articles/s ({sequential / spent:.2f}x the sequential build)")


if __name__ == "__main__":
    sys.exit(main())
