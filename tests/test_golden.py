"""The seed article end to end: golden graph, SHACL conformance, and the saved queries' answers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat
from rdflib import RDF, Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.ingest import read_inputs
from kg.pipeline import build
from kg.query import resolve_query, run_query
from kg.store import KgStore
from kg.terms import ENTITIES_GRAPH, KG, bind_prefixes, graph_iri
from kg.validate import load_shapes, validate

GOLDEN = Path(__file__).parent / "golden" / "seed" / "expected.trig"
SEED_ID = "seed-trump-maduro-call"


@pytest.fixture(scope="module")
def seed_store(pipeline, seed_article_file: Path):  # type: ignore[no-untyped-def]
    with KgStore(None) as store:
        summary = build(read_inputs([seed_article_file]), store, process=pipeline.process)
        assert summary.articles_stored == 1 and not summary.failed_inputs
        yield store


def _readable_diff(expected: Graph, actual: Graph) -> str:
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))

    def lines(graph: Graph) -> str:
        return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line))

    return f"only in expected:\n{lines(only_expected)}\nonly in actual:\n{lines(only_actual)}"


def test_golden_seed_graph(seed_store: KgStore, request: pytest.FixtureRequest) -> None:
    """The stored dataset, graph by graph: the article's own graph and the entities graph."""
    dump = io.BytesIO()
    seed_store.dump(dump, RdfFormat.TRIG)
    actual = Dataset().parse(data=dump.getvalue().decode("utf-8"), format="trig")
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(bind_prefixes(actual).serialize(format="trig"), encoding="utf-8")
    expected = Dataset().parse(GOLDEN, format="trig")
    for name in (graph_iri(SEED_ID), ENTITIES_GRAPH):
        assert isomorphic(expected.graph(name), actual.graph(name)), _readable_diff(expected.graph(name), actual.graph(name))


def test_golden_seed_graph_conforms(seed_store: KgStore) -> None:
    report = validate(seed_store.article_graph(graph_iri(SEED_ID)), load_shapes())
    assert report.conforms, report.violations


def _rows(store: KgStore, name: str, **params: str) -> list[dict[str, object]]:
    result = run_query(store.oxigraph, resolve_query(name), params)
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_golden_seed_who_talked_to_whom(seed_store: KgStore) -> None:
    rows = _rows(seed_store, "who_talked_to_whom")
    calls = [r for r in rows if (r["actor"], r["target"], r["mode"]) == ("Donald Trump", "Nicolás Maduro", "phone")]
    assert calls, rows
    assert {(str(c["earliest"]), str(c["latest"])) for c in calls} <= {("2025-11-17", "2025-11-23"), ("2025-11-20", "2025-11-23")}
    assert any(c["other"] == "Marco Rubio" for c in calls), calls


def test_golden_seed_designations_issued_by_the_united_states(seed_store: KgStore) -> None:
    rows = _rows(seed_store, "designations_by_authority", authority="kgr:state/United_States")
    terrorist = {str(KG.TerroristDesignation), str(KG.ForeignTerroristOrganizationDesignation)}
    assert {r["category"] for r in rows if r["designee"] == "Cartel de los Soles"} & terrorist, rows


def test_golden_seed_assets_the_united_states_deployed_near_venezuela(seed_store: KgStore) -> None:
    rows = _rows(seed_store, "military_deployments_of_state", operator="kgr:state/United_States")
    classes = {(r["class"], r["location"]) for r in rows}
    assert (str(KG.CarrierStrikeGroup), "Venezuela") in classes, rows
    assert str(KG.Bomber) in {r["class"] for r in rows}, rows


def test_golden_seed_evidence_is_the_sentence_itself(seed_store: KgStore, seed_article_file: Path) -> None:
    import json

    content_record = json.loads(seed_article_file.read_text(encoding="utf-8").splitlines()[0])
    content = f"{content_record['title']}\n\n{content_record['text']}"
    graph = seed_store.article_graph(graph_iri(SEED_ID))
    evidence = list(graph.subjects(RDF.type, KG.Evidence))
    assert evidence
    for node in evidence:
        sentence, start, end = (graph.value(node, p) for p in (KG.sentence, KG.startOffset, KG.endOffset))
        assert content[int(start) : int(end)] == str(sentence) == str(sentence).strip()
