"""The RDF mapping: deterministic, blank-node free, one node per claim."""

from __future__ import annotations

import dataclasses

from rdflib import BNode, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF

from kg.rdf import to_graph
from kg.terms import KG, KGR, WD
from sample import sample_extraction


def test_rdf_same_extraction_gives_the_same_graph() -> None:
    extraction, links = sample_extraction()
    assert isomorphic(to_graph(extraction, links), to_graph(extraction, links))
    assert set(to_graph(extraction, links)) == set(to_graph(extraction, links))


def test_rdf_writes_no_blank_nodes() -> None:
    graph = to_graph(*sample_extraction())
    assert not [t for t in graph for term in t if isinstance(term, BNode)]


def test_rdf_every_claim_becomes_one_fact_node_with_provenance() -> None:
    extraction, links = sample_extraction()
    graph = to_graph(extraction, links)
    facts = set(graph.subjects(KG.derivedFrom, None))
    assert len(facts) == len(extraction.claims)
    for fact in facts:
        assert graph.value(fact, KG.evidence) is not None
        assert graph.value(fact, KG.confidence) is not None
        assert graph.value(fact, KG.negated) is not None


def test_rdf_duplicate_claims_collapse_to_the_most_confident() -> None:
    extraction, links = sample_extraction()
    role = extraction.claims[0]
    weaker = dataclasses.replace(role, provenance=dataclasses.replace(role.provenance, confidence=0.2))
    graph = to_graph(dataclasses.replace(extraction, claims=(weaker, *extraction.claims)), links)
    assert set(graph.subjects(KG.derivedFrom, None)) == set(to_graph(extraction, links).subjects(KG.derivedFrom, None))
    tenures = set(graph.subjects(RDF.type, KG.Tenure))
    assert {str(graph.value(t, KG.confidence)) for t in tenures} == {"0.9"}


def test_rdf_links_become_same_as_and_shortcuts_follow_roles() -> None:
    graph = to_graph(*sample_extraction())
    us = KGR["state/United_States"]
    assert (us, OWL.sameAs, WD.Q30) in graph
    assert (us, KG.headOfState, KGR["person/Donald_Trump"]) in graph
    assert (KGR["state/Venezuela"], KG.memberOf, KGR["organization/OPEC"]) in graph


def test_rdf_unnamed_assets_belong_to_their_article() -> None:
    graph = to_graph(*sample_extraction())
    assets = set(graph.subjects(RDF.type, KG.MilitaryAsset))
    assert assets == {KGR["asset/sample-call/aircraft_carrier_strike_group"]}


def test_rdf_turtle_round_trip_is_isomorphic() -> None:
    graph = to_graph(*sample_extraction())
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, again)
