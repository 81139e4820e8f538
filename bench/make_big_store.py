"""Make a store of about a million triples with the real mapping, for bench/bench_queries.py.

    python bench/make_big_store.py [--cache FILE.nq] [--store DIR] [--quads N]

Reads the article graphs bench/article_cache.py built from the current-events corpus (the
pipeline's own output: nlp, extract, link, map to RDF, validate) and writes each into the
store the way `kg build` does (`KgStore.replace_article`, one SPARQL update each). Then, until the
store holds `--quads` quads, it adds synthetic articles drawn from the real ones: round r copies
every article under a new id (`<id>~r<r>`), which re-mints its article, graph, fact and
article-scoped entity IRIs, and shifts every date by r x 97 days, so the copies are new reports
about the same entities on other days, as a longer run of the same news would be. A synthetic
article is new, so its update would only insert: each round is split the same way
(`kg.dataset.split_graph`) and bulk-loaded in one transaction, which is many times faster.
An existing store is continued: articles already in it are skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.dataset import is_description, oxigraph_term, rdflib_term, with_name_key
from kg.store import KgStore
from kg.terms import ENTITIES_GRAPH, KG, KGR, graph_iri

HERE = Path(__file__).resolve().parent
DEFAULT_CACHE = HERE / "cache" / "current-events.nq"
DEFAULT_STORE = HERE / "cache" / "big-store"
SHIFT_DAYS = 97
_FACT = re.compile(re.escape(str(KGR)) + r"([a-z]+)/([0-9a-f]{20})")
_DATE = re.compile(r'"(\d{4}-\d{2}-\d{2})"(\^\^<http://www\.w3\.org/2001/XMLSchema#date>)')


def cached_articles(cache: Path) -> list[tuple[str, str]]:
    """(article id, N-Quads text of its graph) for every cached article, in cache order."""
    blocks: dict[str, list[str]] = {}
    with open(cache, encoding="utf-8") as lines:
        for line in lines:
            graph = line.rsplit(" ", 2)[-2]
            blocks.setdefault(graph, []).append(line)
    articles = []
    for text in ("".join(block) for block in blocks.values()):
        found = re.search(r'<' + re.escape(str(KG.articleId)) + r'> "([^"]+)"', text)
        if found:
            articles.append((found.group(1), text))
    return articles


def synthetic(article_id: str, text: str, round_number: int) -> tuple[str, str]:
    """The article re-minted as `<id>~r<round>` with its dates moved on by round x SHIFT_DAYS."""
    new_id = f"{article_id}~r{round_number}"
    shift = timedelta(days=SHIFT_DAYS * round_number)

    def fact(match: re.Match[str]) -> str:
        digest = hashlib.sha1(f"{match.group(2)}{round_number}".encode()).hexdigest()[:20]
        return f"{KGR}{match.group(1)}/{digest}"

    def moved(match: re.Match[str]) -> str:
        return f'"{(date.fromisoformat(match.group(1)) + shift).isoformat()}"{match.group(2)}'

    text = text.replace(article_id, new_id)  # article, graph and article-scoped entity IRIs, kg:articleId
    return new_id, _DATE.sub(moved, _FACT.sub(fact, text))


def to_graph(text: str) -> Graph:
    graph = Graph()
    for quad in ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS):
        graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    return graph


def split_quads(text: str) -> list[ox.Quad]:
    """Articles' N-Quads as `kg.dataset.split_graph` splits an article: each entity description
    moved to the entities graph, each name with its key beside it."""
    entities = ox.NamedNode(str(ENTITIES_GRAPH))
    quads = []
    for quad in ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS):
        triple = (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object))
        for stored in with_name_key(triple):
            graph = entities if is_description(stored) else quad.graph_name
            quads.append(ox.Quad(*(oxigraph_term(term) for term in stored), graph))  # type: ignore[misc]
    return quads


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--quads", type=int, default=1_000_000)
    args = parser.parse_args()
    articles = cached_articles(args.cache)
    started = time.perf_counter()
    with KgStore(args.store) as store:
        stored = set(store.graph_names())
        for article_id, text in articles:
            if str(graph_iri(article_id)) not in stored:
                store.replace_article(article_id, to_graph(text))
        print(f"{len(articles)} real articles: {len(store)} quads, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        round_number = 0
        quads = len(store)
        while quads < args.quads:
            round_number += 1
            batch = []
            for article_id, text in articles:
                new_id, new_text = synthetic(article_id, text, round_number)
                if str(graph_iri(new_id)) not in stored:
                    batch.append(new_text)
            store.oxigraph.bulk_extend(split_quads("".join(batch)))
            quads = len(store)
            print(f"round {round_number}: {quads} quads, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        print(
            f"{args.store}: {len(store.graph_names())} articles ({len(articles)} real), {quads} quads, "
            f"{len(store.entities_graph())} in the entities graph, {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
