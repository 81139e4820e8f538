"""Flat facts and RDF exports, read back from the stored graph."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.dataset import name_key, with_descriptions
from kg.export import EXPORT_FORMATS, article_facts, export
from kg.rdf import to_graph
from kg.store import KgStore
from kg.terms import ENTITIES_GRAPH, graph_iri
from sample import EVERY_CLAIM_LINKS, every_claim_extraction, sample_extraction

US = {"label": "United States", "type": "State", "wikidata": "Q30"}
VENEZUELA = {"label": "Venezuela", "type": "State", "wikidata": "Q717"}
TRUMP = {"label": "Donald Trump", "type": "Person", "wikidata": None}
MADURO = {"label": "Nicolás Maduro", "type": "Person", "wikidata": "Q58132"}


@pytest.fixture()
def store() -> KgStore:
    with KgStore(None) as store:
        store.replace_article("sample-call", to_graph(*sample_extraction()))
        yield store


def _slots(fact: dict) -> dict:
    return {k: v for k, v in fact.items() if k not in ("fact", "evidence", "confidence", "article")}


def test_export_facts_carry_every_slot(store: KgStore) -> None:
    facts = [_slots(f) for f in article_facts(store.article_graph(graph_iri("sample-call")), min_confidence=0)]
    assert {"kind": "role", "person": TRUMP, "role": "president", "of": US, "negated": False, "hypothetical": False} in facts
    assert {
        "kind": "event", "type": "CONSULT", "actors": [TRUMP], "targets": [MADURO], "mode": "phone",
        "date": {"earliest": "2025-11-17", "latest": "2025-11-23"}, "negated": False, "hypothetical": False,
    } in facts
    designation = next(f for f in facts if f["kind"] == "designation")
    assert (designation["authority"], designation["category"], designation["designee"]["label"]) == (US, "terrorist", "Cartel de los Soles")
    asset = next(f for f in facts if f["kind"] == "military_asset")
    assert (asset["asset_class"], asset["operator"], asset["location"]) == ("carrier_strike_group", US, VENEZUELA)
    reject = next(f for f in facts if f.get("type") == "REJECT")
    assert reject["claimed_by"] == VENEZUELA
    assert {"kind": "entity", "entity": MADURO} in facts


def test_export_facts_below_the_threshold_stay_out(store: KgStore) -> None:
    graph = store.article_graph(graph_iri("sample-call"))
    confident = article_facts(graph, min_confidence=0.5)
    everything = article_facts(graph, min_confidence=0)
    assert [f for f in everything if f.get("type") == "REJECT"]
    assert not [f for f in confident if f.get("type") == "REJECT"]
    assert {json.dumps(f, sort_keys=True) for f in confident} < {json.dumps(f, sort_keys=True) for f in everything}


def test_export_every_format_is_written_and_parses(store: KgStore) -> None:
    original = store.article_graph(graph_iri("sample-call"))
    keys = sum(1 for triple in original if name_key(triple) is not None)  # the dataset's name keys are exported too
    for format in EXPORT_FORMATS:
        output = io.BytesIO()
        count = export(store, output, format, min_confidence=0)
        data = output.getvalue()
        assert count > 0, format
        if format == "facts":
            assert all(json.loads(line)["article"] == "sample-call" for line in data.decode().splitlines())
        elif format == "turtle":
            parsed = list(ox.parse(data, ox.RdfFormat.TURTLE))
            assert len(parsed) == len(original) + keys == count
        else:
            dataset = Dataset().parse(data=data.decode(), format="json-ld" if format == "jsonld" else format)
            article, entities = dataset.graph(graph_iri("sample-call")), dataset.graph(ENTITIES_GRAPH)
            assert count == len(article) + len(entities) == len(original) + keys
            assert isomorphic(with_descriptions(article + entities, lambda node: ()), original)


def test_export_unknown_format_is_refused(store: KgStore) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(store, io.BytesIO(), "xml")


def test_export_groups_stand_in_event_slots_but_are_no_entity_facts() -> None:
    from test_rdf import _protest_extraction

    facts = [_slots(f) for f in article_facts(to_graph(*_protest_extraction()), min_confidence=0)]
    soldiers = {"label": "Venezuelan soldiers", "type": "Group", "wikidata": None, "sector": "MIL", "state": "Venezuela"}
    protesters = {"label": "protesters", "type": "Group", "wikidata": None, "sector": "OPP", "state": None}
    event = next(f for f in facts if f["kind"] == "event")
    assert (event["type"], event["actors"], event["targets"]) == ("COERCE", [soldiers], [protesters])
    assert [f["entity"] for f in facts if f["kind"] == "entity"] == [{"label": "Venezuela", "type": "State", "wikidata": "Q717"}]


def test_export_turtle_merges_the_graphs_and_keeps_lexical_forms(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    from kg.cli import main

    subject, score = URIRef("http://example.org/s"), URIRef("http://example.org/score")
    odd = Graph()
    odd.add((subject, score, Literal("1", datatype=XSD.decimal)))
    odd.add((subject, URIRef("http://example.org/when"), Literal("2025-11-29", datatype=XSD.date)))
    with KgStore(tmp_path / "store") as store:
        store.replace_article("sample-call", to_graph(*sample_extraction()))
        store.replace_article("odd", odd)
        store.replace_article("odd-again", odd)  # the same two triples in a second graph
        quads = len(store)
    output = tmp_path / "out.ttl"
    assert main(["export", "--store", str(tmp_path / "store"), "--format", "turtle", "-o", str(output)]) == 0
    triples = list(ox.parse(path=output, format=ox.RdfFormat.TURTLE))
    assert len(triples) == quads - 2
    assert f"kg export: {quads - 2} triples written (one graph: the graph names are dropped" in capsys.readouterr().err
    scores = [t.object for t in triples if t.predicate.value == str(score)]
    assert [(s.value, s.datatype.value) for s in scores] == [("1", str(XSD.decimal))]
    assert main(["export", "--store", str(tmp_path / "store"), "--format", "nquads", "-o", str(output)]) == 0
    assert f"kg export: {quads} quads written\n" in capsys.readouterr().err


def test_export_an_event_whose_actor_is_not_stated_has_no_actors() -> None:
    with KgStore(None) as store:
        store.replace_article("seed-all-claims", to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS))
        facts = article_facts(store.article_graph(graph_iri("seed-all-claims")), min_confidence=0)
    unstated = [f for f in facts if f.get("type") == "MOBILIZE" and not f["actors"]]
    assert [(f["actors"], f["targets"], f["location"]["label"]) for f in unstated] == [([], [VENEZUELA], "Caribbean Sea")]


def test_export_a_lifted_designation_is_no_designation_fact() -> None:
    """The flat format has no status: a revoked listing ("lifts the sanctions on ...") stays in the
    graph with its status and out of the flat facts, where it would read as a listing in force."""
    from dataclasses import replace

    from kg.records import Designation, DesignationStatus

    extraction, links = sample_extraction()
    listed = next(c for c in extraction.claims if isinstance(c, Designation))
    lifted = replace(listed, status=DesignationStatus.REVOKED)
    graph = to_graph(replace(extraction, claims=tuple(lifted if c is listed else c for c in extraction.claims)), links)
    assert not [f for f in article_facts(graph, min_confidence=0) if f["kind"] == "designation"]
    assert [f for f in article_facts(to_graph(extraction, links), min_confidence=0) if f["kind"] == "designation"]


def test_export_a_former_holders_role_is_a_role_fact_marked_ended() -> None:
    """The gold lists former roles as role facts (optional); the flat fact says it has ended."""
    from dataclasses import replace

    from kg.records import Role

    extraction, links = sample_extraction()
    held = next(c for c in extraction.claims if isinstance(c, Role))
    former = replace(held, ended=True)
    graph = to_graph(replace(extraction, claims=tuple(former if c is held else c for c in extraction.claims)), links)
    roles = {(f["person"]["label"], f["role"], f.get("ended")) for f in article_facts(graph, min_confidence=0) if f["kind"] == "role"}
    assert ("Donald Trump", "president", True) in roles
    assert not [f for f in article_facts(to_graph(extraction, links), min_confidence=0) if "ended" in f]
