"""Benchmark: time per stage and throughput of the whole pipeline on real articles.

    python bench/bench_pipeline.py [ARTICLES.jsonl] [--limit N] [--dask]

Prints milliseconds per article for each stage (nlp, extract, link, map to RDF, validate,
store), articles per second end to end, the peak resident memory, and within extract the cost
of the CAMEO verb coder (its lookup on every verb) and of the events extractor. With --dask, also the
same batch on a 2-worker LocalCluster, as a ratio to the sequential run. Figures vary on a
shared machine: compare ratios measured in one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from kg.extract import events, extract
from kg.extract.coder import verb_dictionary
from kg.ingest import read_inputs
from kg.nlp import annotate
from kg.pipeline import Pipeline, build, validated_graph
from kg.rdf import to_graph
from kg.records import Article
from kg.store import KgStore

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews-ir.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--dask", action="store_true", help="also run the batch on a Dask LocalCluster")
    args = parser.parse_args()
    articles = [a for a in itertools.islice(read_inputs([args.input]), args.limit) if isinstance(a, Article)]
    words = sum(len(a.content.split()) for a in articles)
    print(f"{len(articles)} articles from {args.input.name}, {words / len(articles):.0f} words on average")

    started = time.perf_counter()
    pipeline = Pipeline()
    print(f"pipeline start-up (model, gazetteer, shapes): {time.perf_counter() - started:.2f} s")

    seconds: dict[str, float] = defaultdict(float)
    facts = 0
    read = []
    with KgStore(None) as store:
        for article in articles:
            t0 = time.perf_counter()
            doc = annotate(pipeline.nlp, article)
            t1 = time.perf_counter()
            extraction = extract(doc, article, gazetteer=pipeline.gazetteer)
            t2 = time.perf_counter()
            links = pipeline.linker.link(extraction)
            t3 = time.perf_counter()
            to_graph(extraction, links)
            t4 = time.perf_counter()
            result = validated_graph(extraction, links, pipeline.shapes)  # maps again, then validates
            t5 = time.perf_counter()
            store.replace_article(article.id, result.graph)
            t6 = time.perf_counter()
            facts += result.facts
            read.append((doc, extraction))
            validation = (t5 - t4) - (t4 - t3)
            for stage, spent in (("nlp", t1 - t0), ("extract", t2 - t1), ("link", t3 - t2), ("map to RDF", t4 - t3), ("validate", validation), ("store", t6 - t5)):
                seconds[stage] += spent
        triples = len(store)
    total = sum(seconds.values())
    print(f"{'stage':12}{'ms/article':>12}{'share':>8}")
    for stage, spent in seconds.items():
        print(f"{stage:12}{1000 * spent / len(articles):>12.1f}{spent / total:>8.0%}")
    print(f"sequential: {len(articles) / total:.1f} articles/s, {facts} facts, {triples} quads stored")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    coder = verb_dictionary()
    t0 = time.perf_counter()
    for doc, _ in read:
        for token in doc:
            if token.pos_ == "VERB":
                coder.code(token)
    t1 = time.perf_counter()
    for doc, extraction in read:
        events.extract(doc, extraction.entities, extraction.article)
    t2 = time.perf_counter()
    print(f"within extract: CAMEO verb coder {1000 * (t1 - t0) / len(read):.2f} ms/article (every verb looked up), "
          f"events extractor {1000 * (t2 - t1) / len(read):.1f} ms/article")

    if args.dask:
        from dask.distributed import Client, LocalCluster

        from kg.distributed import dask_mapper, process_on_worker

        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(lambda: process_on_worker(dataclasses.replace(articles[0], id="warm-up")))
            with tempfile.TemporaryDirectory() as folder, KgStore(Path(folder) / "store") as store:
                t0 = time.perf_counter()
                summary = build(iter(articles), store, process=process_on_worker, mapper=dask_mapper(client))
                spent = time.perf_counter() - t0
        print(f"dask, 2 workers: {summary.articles_stored / spent:.1f} articles/s ({total / spent:.2f}x sequential stage time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
