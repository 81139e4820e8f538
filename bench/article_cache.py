"""A cache of built article graphs as N-Quads, so benchmarks need not run the NLP again.

    python bench/article_cache.py [ARTICLES.jsonl] [--cache FILE.nq] [--limit N]

Runs the whole pipeline (nlp, extract, link, map to RDF, validate) on each article and appends
the validated graph, as the mapper made it (article facts and entity descriptions together),
to the cache: one named graph per article. A ledger beside the cache records, after each
article, the cache's length in bytes; an interrupted run resumes after the last article the
ledger names, cutting off anything written after it.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
from rdflib import Graph

from kg.ingest import read_inputs
from kg.pipeline import ArticleResult, Pipeline, process_safely
from kg.records import Article
from kg.dataset import oxigraph_term, rdflib_term
from kg.terms import graph_iri

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikipedia-current-events-ir.jsonl"
DEFAULT_CACHE = Path(__file__).resolve().parent / "cache" / "current-events.nq"


def ledger_path(cache: Path) -> Path:
    return cache.with_suffix(".ledger")


def cached_ids(cache: Path) -> tuple[set[str], int]:
    """The article ids already in the cache, and the cache length that covers them."""
    done: set[str] = set()
    length = 0
    ledger = ledger_path(cache)
    if ledger.exists():
        for line in ledger.read_text(encoding="utf-8").splitlines():
            article_id, _, offset = line.partition("\t")
            done.add(article_id)
            length = int(offset)
    return done, length


def graph_nquads(name: str, graph: Graph) -> bytes:
    """One graph as N-Quads in the named graph `name`."""
    graph_name = ox.NamedNode(name)
    quads = [ox.Quad(*(oxigraph_term(term) for term in triple), graph_name) for triple in graph]  # type: ignore[misc]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def read_cache(cache: Path) -> Iterator[tuple[str, Graph]]:
    """Each cached article graph: (graph name, rdflib Graph), in the order they were cached."""
    current: str | None = None
    graph = Graph()
    for quad in ox.parse(path=cache, format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name.value  # type: ignore[union-attr]
        if name != current:
            if current is not None:
                yield current, graph
            current, graph = name, Graph()
        graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    if current is not None:
        yield current, graph


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    args.cache.parent.mkdir(parents=True, exist_ok=True)
    done, length = cached_ids(args.cache)
    with open(args.cache, "ab") as out:
        out.truncate(length)
    articles = (a for a in read_inputs([args.input]) if isinstance(a, Article))
    todo = [a for a in itertools.islice(articles, args.limit) if a.id not in done]
    print(f"{len(done)} articles cached, {len(todo)} to build", file=sys.stderr)
    pipeline = Pipeline()
    started = time.perf_counter()
    failed = 0
    with open(args.cache, "ab") as out, open(ledger_path(args.cache), "a", encoding="utf-8") as ledger:
        for number, article in enumerate(todo, start=1):
            outcome = process_safely(pipeline.process, article)
            if isinstance(outcome, ArticleResult):
                out.write(graph_nquads(str(graph_iri(article.id)), outcome.graph))
                out.flush()
            else:
                failed += 1
            ledger.write(f"{article.id}\t{out.tell()}\n")
            ledger.flush()
            if number % 250 == 0:
                rate = number / (time.perf_counter() - started)
                print(f"{number}/{len(todo)} built, {rate:.1f} articles/s", file=sys.stderr)
    print(f"done: {len(todo) - failed} built, {failed} failed, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
