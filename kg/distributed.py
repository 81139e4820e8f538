"""Scale-out: the per-article stages (nlp, extract, link, map to RDF, validate) on Dask workers.

Articles are read and the store is written in this process (one writer); every worker builds
its own Pipeline once and sends back validated article graphs as they complete. Runs on a
LocalCluster (`scheduler="local"`) or any running Dask scheduler (`tcp://host:8786`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from kg.pipeline import ArticleFailure, ArticleResult, Pipeline, build
from kg.progress import Progress
from kg.records import Article, BuildSummary
from kg.store import KgStore

if TYPE_CHECKING:
    from dask.distributed import Client


@functools.lru_cache(maxsize=2)
def _worker_pipeline(model: str | None) -> Pipeline:
    return Pipeline(model=model)


def process_on_worker(article: Article, *, model: str | None = None) -> ArticleResult:
    """The work one Dask task does: every per-article stage, with the worker's own pipeline."""
    return _worker_pipeline(model).process(article)


def dask_mapper(client: Client, *, window: int = 64) -> Callable[..., Iterator[ArticleResult | ArticleFailure]]:
    """A `map` replacement that runs tasks on Dask and yields results as they complete.

    At most `window` articles are in flight, so a long input never sits in memory at once.
    """
    from dask.distributed import as_completed

    def mapper(function: Callable[[Article], ArticleResult | ArticleFailure], articles: Iterable[Article]) -> Iterator[ArticleResult | ArticleFailure]:
        pending = as_completed()
        in_flight = 0
        for article in articles:
            pending.add(client.submit(function, article, pure=False))
            in_flight += 1
            if in_flight >= window:
                yield next(pending).result()
                in_flight -= 1
        for future in pending:
            yield future.result()

    return mapper


def build_on_dask(
    paths: Sequence[str | Path],
    store: KgStore,
    *,
    scheduler: str,
    model: str | None = None,
    fetch: bool = False,
    rejections: IO[str] | None = None,
    force: bool = False,
    workers: int = 2,
    progress: Progress | None = None,
) -> BuildSummary:
    """`kg build --dask`: like pipeline.build_paths, with the per-article work on a Dask cluster."""
    from dask.distributed import Client, LocalCluster

    from kg.ingest import read_inputs

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) if scheduler == "local" else None
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            return build(
                read_inputs(paths, fetch=fetch),
                store,
                process=functools.partial(process_on_worker, model=model),
                rejections=rejections,
                force=force,
                progress=progress,
                mapper=dask_mapper(client),
            )
    finally:
        if cluster is not None:
            cluster.close()
