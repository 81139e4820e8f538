"""The embedded store: atomic replace, a single writer, no silent empty stores."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.rdf import to_graph
from kg.store import MARKER, KgStore
from kg.terms import ENTITIES_GRAPH, graph_iri
from sample import sample_extraction


def test_store_round_trip_is_isomorphic(tmp_path: Path) -> None:
    graph = to_graph(*sample_extraction())
    with KgStore(tmp_path / "store") as store:
        store.replace_article("sample-call", graph)
        assert store.graph_names() == [str(graph_iri("sample-call"))]
        assert isomorphic(store.article_graph(graph_iri("sample-call")), graph)


def test_store_replacing_an_article_leaves_one_version(tmp_path: Path) -> None:
    extraction, links = sample_extraction()
    with KgStore(tmp_path / "store") as store:
        store.replace_article("sample-call", to_graph(extraction, links))
        first = len(store)
        store.replace_article("sample-call", to_graph(extraction, links))
        assert len(store) == first
        store.replace_article("sample-call", to_graph(extraction.__class__(extraction.article, extraction.entities[:2]), {}))
        assert len(store) < first


def test_store_literals_cannot_inject_sparql(tmp_path: Path) -> None:
    graph = Graph()
    graph.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal('x" } } ; DROP ALL ; INSERT DATA { <a> <b> "c')))
    with KgStore(tmp_path / "store") as store:
        store.replace_article("a", to_graph(*sample_extraction()))
        before = len(store)
        store.replace_article("b", graph)
        assert len(store) == before + 1
        assert isomorphic(store.article_graph(graph_iri("b")), graph)


def test_store_persists_and_reopens(tmp_path: Path) -> None:
    with KgStore(tmp_path / "store") as store:
        store.replace_article("sample-call", to_graph(*sample_extraction()))
        count = len(store)
    with KgStore(tmp_path / "store", create=False) as store:
        assert len(store) == count
        assert store.content_hash("sample-call") == sample_extraction()[0].article.content_hash


def test_store_refuses_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "mnt").mkdir()
    with pytest.raises(StoreError, match="the folder is empty, so it is not a kg store"):
        KgStore(tmp_path / "mnt")


def test_store_refuses_a_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match=f"not a kg store \\(no {MARKER}\\)"):
        KgStore(tmp_path / "docs")


def test_store_missing_store_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no kg store here"):
        KgStore(tmp_path / "nowhere", create=False)
    assert not (tmp_path / "nowhere").exists()


def test_store_second_writer_is_refused(tmp_path: Path) -> None:
    with KgStore(tmp_path / "store"):
        with pytest.raises(StoreError, match="store in use"):
            KgStore(tmp_path / "store")


def test_store_second_writer_process_is_refused(tmp_path: Path) -> None:
    with KgStore(tmp_path / "store"):
        code = f"from pathlib import Path; from kg.store import KgStore; KgStore(Path({str(tmp_path / 'store')!r}))"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert result.returncode != 0
    assert "store in use" in result.stderr


def test_store_corrupt_store_is_reported_not_recreated(tmp_path: Path) -> None:
    with KgStore(tmp_path / "store") as store:
        store.replace_article("sample-call", to_graph(*sample_extraction()))
    (tmp_path / "store" / "oxigraph" / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match="corrupt|cannot open"):
        KgStore(tmp_path / "store")
    assert (tmp_path / "store" / "oxigraph" / "CURRENT").read_text() == "garbage\n"


def test_store_dump_keeps_graph_names(tmp_path: Path) -> None:
    with KgStore(None) as store:
        store.replace_article("sample-call", to_graph(*sample_extraction()))
        output = io.BytesIO()
        store.dump(output, ox.RdfFormat.N_QUADS)
    quads = list(ox.parse(output.getvalue(), ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {str(graph_iri("sample-call")), str(ENTITIES_GRAPH)}


def test_store_readers_share_and_writers_wait_for_them(tmp_path: Path) -> None:
    with KgStore(tmp_path / "store") as store:
        store.replace_article("sample-call", to_graph(*sample_extraction()))
    with KgStore(tmp_path / "store", read_only=True) as first, KgStore(tmp_path / "store", read_only=True) as second:
        assert len(first) == len(second) > 0
        with pytest.raises(StoreError, match="store in use \\(another kg process is using it\\)"):
            KgStore(tmp_path / "store")
    with KgStore(tmp_path / "store"):
        with pytest.raises(StoreError, match="store in use \\(kg is writing it\\)"):
            KgStore(tmp_path / "store", read_only=True)
