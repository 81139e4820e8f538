"""The whole pipeline: inputs -> articles -> validated article graphs -> the store.

`Pipeline.process` runs every stage on one article (nlp, extract, link, map to RDF, validate)
and hands back the graph to store plus the facts that failed validation (`Pipeline.process_batch`
the same for several articles, their NLP run at once); `build` feeds it the articles and writes
each article's graph in one transaction. Bad inputs and rejected facts are
reported (the summary, the rejections file, the log), never dropped silently.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, Protocol, Sequence

from rdflib import Graph, URIRef

from kg.errors import InputError, KgError
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.link import Linker
from kg.progress import Progress
from kg.rdf import claim_iri, entity_iris, to_graph
from kg.records import Article, BuildSummary, Claim, Extraction, Link, Rejection
from kg.terms import KG
from kg.validate import Report, load_shapes, owning_fact, validate

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article through every stage: the graph to store and what was kept out of it."""

    article: Article
    graph: Graph
    facts: int
    rejections: tuple[Rejection, ...]


class Pipeline:
    """Every stage from an Article to its validated graph. The store is the caller's business."""

    def __init__(
        self,
        *,
        model: str | None = None,
        gazetteer: Gazetteer | None = None,
        linker: Linker | None = None,
        shapes: Graph | None = None,
    ) -> None:
        from kg.nlp import load_nlp  # spaCy loads slowly: only when a pipeline is made

        self.gazetteer = gazetteer or load_gazetteer()
        self.nlp = load_nlp(model, gazetteer=self.gazetteer)
        self.linker = linker or Linker(self.gazetteer)
        self.shapes = shapes if shapes is not None else load_shapes()

    def extract(self, article: Article) -> Extraction:
        from kg.nlp import annotate

        return self._extract(annotate(self.nlp, article), article)

    def process(self, article: Article) -> ArticleResult:
        return self._validated(self.extract(article))

    def process_batch(self, articles: Sequence[Article]) -> list[ArticleResult | ArticleFailure]:
        """`process_safely(self.process, article)` for each article, in order, with the NLP of all
        of them run at once. Each article fails on its own: if the batch's NLP fails, every article
        is processed alone."""
        from kg.nlp import annotate_batch

        try:
            docs = annotate_batch(self.nlp, articles)
        except Exception:  # noqa: BLE001 - find the failing article by running each alone
            return [process_safely(self.process, article) for article in articles]
        return [process_safely(functools.partial(self._process_annotated, doc), article) for doc, article in zip(docs, articles)]

    def _process_annotated(self, doc: Doc, article: Article) -> ArticleResult:
        return self._validated(self._extract(doc, article))

    def _extract(self, doc: Doc, article: Article) -> Extraction:
        from kg.extract import extract

        return extract(doc, article, gazetteer=self.gazetteer)

    def _validated(self, extraction: Extraction) -> ArticleResult:
        links = self.linker.link(extraction)
        return validated_graph(extraction, links, self.shapes)


def validated_graph(extraction: Extraction, links: dict[str, Link], shapes: Graph) -> ArticleResult:
    """Map an extraction to RDF and keep out every fact that violates the shapes.

    Facts whose nodes fail are dropped and the graph is mapped again; if a violation remains
    that belongs to no fact (the article or an entity), the article's facts are all rejected
    and only what conforms of the article is kept, so nothing unvalidated is ever stored.
    """
    article = extraction.article
    iris = entity_iris(extraction, links)
    claims: list[Claim] = list(extraction.claims)
    rejections: list[Rejection] = []
    while True:
        graph = to_graph(dataclasses.replace(extraction, claims=tuple(claims)), links)
        report = validate(graph, shapes, warnings=False)  # the warnings of a graph stored whole go nowhere
        if report.conforms:
            return ArticleResult(article, graph, _count_facts(graph), tuple(rejections))
        failing = _failing_facts(graph, report)
        kept = [c for c in claims if claim_iri(article.id, c, iris) not in failing]
        if len(kept) == len(claims):  # a violation that dropping facts cannot mend
            rejections += _reject(article.id, sorted({str(claim_iri(article.id, c, iris)) for c in claims}), report)
            bare = to_graph(dataclasses.replace(extraction, claims=(), entities=()), {})
            if not validate(bare, shapes).conforms:
                raise InputError(article.origin or article.id, "the article's own metadata fails validation: " + _messages(report))
            return ArticleResult(article, bare, 0, tuple(rejections))
        for fact, messages in sorted(failing.items()):
            rejections.append(Rejection(article.id, str(fact), "; ".join(sorted(messages)), _constraints(report, fact, graph)))
        claims = kept


def _failing_facts(graph: Graph, report: Report) -> dict[URIRef, set[str]]:
    """The fact nodes that own a violation, with their messages; empty if a violation is not a fact's."""
    failing: dict[URIRef, set[str]] = {}
    for violation in report.violations:
        if violation.severity != "Violation":
            continue
        fact = owning_fact(graph, violation.focus_node)
        if fact is None:
            return {}
        failing.setdefault(fact, set()).add(violation.message)
    return failing


def _constraints(report: Report, fact: URIRef, graph: Graph) -> str:
    names = {v.constraint for v in report.violations if owning_fact(graph, v.focus_node) == fact}
    return ", ".join(sorted(names))


def _messages(report: Report) -> str:
    return "; ".join(sorted({f"{v.focus_node}: {v.message}" for v in report.violations if v.severity == "Violation"}))


def _reject(article_id: str, facts: Iterable[str], report: Report) -> list[Rejection]:
    message = "rejected with its article: " + _messages(report)
    return [Rejection(article_id, fact, message) for fact in facts]


def _count_facts(graph: Graph) -> int:
    return len(set(graph.subjects(KG.derivedFrom, None)))


class ArticleStore(Protocol):
    """Where `build` writes: the embedded KgStore, or a remote endpoint (kg.remote.RemoteStore)."""

    def content_hash(self, article_id: str) -> str | None: ...

    def replace_article(self, article_id: str, graph: Graph) -> None: ...


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article that could not be processed, and why."""

    article: Article
    problem: str


def process_safely(process: Callable[[Article], ArticleResult], article: Article) -> ArticleResult | ArticleFailure:
    """Run `process`, turning any error into an ArticleFailure so that the batch goes on.

    A KgError is a known problem with the article; anything else is a bug in kg met on this
    article, logged with its traceback and reported as an internal error.
    """
    try:
        return process(article)
    except KgError as error:
        return ArticleFailure(article, str(error))
    except Exception as error:  # noqa: BLE001 - one article must not stop the batch
        log.exception("article %s: internal error", article.id)
        return ArticleFailure(article, f"internal error: {type(error).__name__}: {error}")


Mapper = Callable[[Callable[[Article], "ArticleResult | ArticleFailure"], Iterable[Article]], Iterable["ArticleResult | ArticleFailure"]]
BatchProcess = Callable[[Sequence[Article]], Sequence["ArticleResult | ArticleFailure"]]
BATCH_SIZE = 32  # articles whose NLP runs at once in `build` with a `process_batch`


def build(
    inputs: Iterable[Article | InputError],
    store: ArticleStore,
    *,
    process: Callable[[Article], ArticleResult] | None = None,
    process_batch: BatchProcess | None = None,
    batch_size: int = BATCH_SIZE,
    rejections: IO[str] | None = None,
    force: bool = False,
    progress: Progress | None = None,
    mapper: Mapper = map,
) -> BuildSummary:
    """Run `process` over the inputs and store each article's graph in one transaction.

    An article whose content is already stored unchanged is a duplicate and skipped (unless
    `force`: counted, not listed); one stored with other content is replaced. Every failed input and every
    rejected fact is counted in the summary and written to `rejections` as a JSON line.
    `mapper` runs the processing (the built-in `map` here; Dask's workers in kg.distributed);
    the store is only ever written from this loop, so there is one writer. Given `process_batch`
    (such as `Pipeline.process_batch`) instead of `process`, the articles are processed here,
    `batch_size` at a time, and stored one by one as before.
    """
    if (process is None) == (process_batch is None):
        raise TypeError("build needs either process or process_batch")
    if process_batch is not None and mapper is not map:
        raise TypeError("process_batch runs in this process; a mapper runs process")
    summary = BuildSummary()

    def report(record: dict[str, str]) -> None:
        if rejections is not None:
            rejections.write(json.dumps(record, ensure_ascii=False) + "\n")
            rejections.flush()

    def batches_to_process(size: int) -> Iterator[list[Article]]:
        batch: list[Article] = []
        for item in inputs:
            if isinstance(item, InputError):
                summary.failed_inputs.append((item.source, item.problem))
                log.warning("input rejected: %s", item)
                report({"input": item.source, "problem": item.problem})
                continue
            if any(article.id == item.id for article in batch):  # the store must hold the first before this one is checked
                yield batch
                batch = []
            summary.articles_read += 1
            if not force and store.content_hash(item.id) == item.content_hash:
                summary.duplicates += 1
                log.debug("%s: already stored with the same content; skipped", item.id)
                if progress:
                    progress.advance(skipped=summary.duplicates)
                continue
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    outcomes: Iterable[ArticleResult | ArticleFailure]
    if process_batch is not None:
        outcomes = itertools.chain.from_iterable(map(process_batch, batches_to_process(batch_size)))
    else:
        assert process is not None
        outcomes = mapper(functools.partial(process_safely, process), itertools.chain.from_iterable(batches_to_process(1)))
    for outcome in outcomes:
        article = outcome.article
        if isinstance(outcome, ArticleFailure):
            summary.failed_inputs.append((article.origin or article.id, outcome.problem))
            log.warning("article %s failed: %s", article.id, outcome.problem)
            report({"input": article.origin or article.id, "article": article.id, "problem": outcome.problem})
        else:
            store.replace_article(article.id, outcome.graph)
            summary.articles_stored += 1
            summary.facts_stored += outcome.facts
            summary.facts_rejected += len(outcome.rejections)
            for rejection in outcome.rejections:
                log.warning("%s: fact %s rejected: %s", rejection.article_id, rejection.fact, rejection.message)
                report(dataclasses.asdict(rejection))
        if progress:  # a failed article is a step too
            progress.advance(facts=summary.facts_stored, rejected=summary.facts_rejected, failed=len(summary.failed_inputs))
    if progress:
        progress.close()
    return summary


def build_paths(
    paths: Sequence[str | Path],
    store: ArticleStore,
    *,
    pipeline: Pipeline,
    fetch: bool = False,
    rejections: IO[str] | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildSummary:
    """The Python API behind `kg build`: read every input and build it into the store."""
    from kg.ingest import read_inputs

    return build(
        read_inputs(paths, fetch=fetch), store, process_batch=pipeline.process_batch, rejections=rejections, force=force, progress=progress
    )
