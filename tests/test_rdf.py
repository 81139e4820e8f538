"""The RDF mapping: deterministic, blank-node free, one node per claim."""

from __future__ import annotations

import dataclasses
from datetime import date

from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf import to_graph
from kg.records import Article, Entity, EntityType, Event, EventType, Extraction, Judgement, Link, Mention, Provenance
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


def test_rdf_a_former_holders_tenure_is_ended_its_own_fact_and_no_shortcut() -> None:
    extraction, links = sample_extraction()
    trump = extraction.claims[0]
    former = dataclasses.replace(trump, ended=True)
    graph = to_graph(dataclasses.replace(extraction, claims=(former, *extraction.claims[1:])), links)
    ended = set(graph.subjects(KG.ended, Literal(True)))
    assert len(ended) == 1 and (ended.pop(), KG.holder, KGR["person/Donald_Trump"]) in graph
    assert (KGR["state/United_States"], KG.headOfState, KGR["person/Donald_Trump"]) not in graph
    both = to_graph(dataclasses.replace(extraction, claims=(former, *extraction.claims)), links)
    assert len(set(both.subjects(KG.holder, KGR["person/Donald_Trump"]))) == 2  # the current and the former tenure


def test_rdf_unnamed_assets_belong_to_their_article() -> None:
    graph = to_graph(*sample_extraction())
    assets = set(graph.subjects(RDF.type, KG.MilitaryAsset))
    assert assets == {KGR["asset/sample-call/aircraft_carrier_strike_group"]}


def test_rdf_turtle_round_trip_is_isomorphic() -> None:
    graph = to_graph(*sample_extraction())
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, again)


def _protest_extraction() -> tuple[Extraction, dict[str, Link]]:
    """ "Venezuelan soldiers detained protesters.": two unnamed groups, one of a state."""
    article = Article(id="protest", text="Venezuelan soldiers detained protesters.", published=date(2025, 11, 29))
    content = article.content
    sentence = Mention(0, len(content), content)
    entities = (
        Entity("venezuela", "Venezuela", EntityType.STATE, (Mention(0, 10, "Venezuelan"),)),
        Entity("group_venezuelan_soldiers", "Venezuelan soldiers", EntityType.GROUP, (Mention(0, 19, "Venezuelan soldiers"),),
               named=False, sector="MIL", state="venezuela"),
        Entity("group_protesters", "protesters", EntityType.GROUP, (Mention(29, 39, "protesters"),), named=False, sector="OPP"),
    )  # fmt: skip
    event = Event(EventType.COERCE, ("group_venezuelan_soldiers",), ("group_protesters",), Provenance(sentence, "kg.events.v1", 0.8))
    return Extraction(article, entities, (event,)), {"venezuela": Link("venezuela", "Venezuela", Judgement.SUGGESTED, qid="Q717")}


def test_rdf_groups_have_their_sector_and_state_and_belong_to_their_article() -> None:
    graph = to_graph(*_protest_extraction())
    soldiers = KGR["group/protest/Venezuelan_soldiers"]
    protesters = KGR["group/protest/protesters"]
    expected = Graph()
    for triple in (
        (soldiers, RDF.type, KG.Group), (soldiers, RDFS.label, Literal("Venezuelan soldiers")),
        (soldiers, KG.alias, Literal("Venezuelan soldiers")), (soldiers, KG.mentionedIn, KGR["article/protest"]),
        (soldiers, KG.sector, KG.SectorMIL), (soldiers, KG.groupOfState, KGR["state/Venezuela"]),
        (protesters, RDF.type, KG.Group), (protesters, RDFS.label, Literal("protesters")),
        (protesters, KG.alias, Literal("protesters")), (protesters, KG.mentionedIn, KGR["article/protest"]),
        (protesters, KG.sector, KG.SectorOPP),
    ):  # fmt: skip
        expected.add(triple)
    groups = Graph()
    for node in (soldiers, protesters):
        for triple in graph.triples((node, None, None)):
            groups.add(triple)
    assert isomorphic(groups, expected)
    event = next(graph.subjects(RDF.type, KG.Coerce))
    assert (event, KG.actor, soldiers) in graph and (event, KG.target, protesters) in graph
