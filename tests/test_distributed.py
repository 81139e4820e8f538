"""Extraction on a Dask LocalCluster gives the same store as the sequential build."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import read_inputs
from kg.pipeline import build
from kg.store import KgStore

distributed = pytest.importorskip("dask.distributed")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


def _sorted_quads(store: KgStore) -> list[str]:
    return sorted(str(quad) for quad in store.quads())


def test_distributed_build_on_a_local_cluster_equals_the_sequential_build(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kg.distributed import build_on_dask

    with KgStore(None) as sequential:
        build(read_inputs([EXAMPLES]), sequential, process=pipeline.process)
        expected = _sorted_quads(sequential)
    with KgStore(tmp_path / "store") as store, open(tmp_path / "rejections.jsonl", "w", encoding="utf-8") as rejections:
        summary = build_on_dask([EXAMPLES], store, scheduler="local", rejections=rejections, workers=2)
        assert summary.articles_stored == len(list(read_inputs([EXAMPLES])))
        assert not summary.failed_inputs
        assert _sorted_quads(store) == expected
