"""The dataset layout (docs/dataset.md): descriptions once in the entities graph, facts per article."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from kg.dataset import article_update, described_node, is_name_key, name_key, split_graph
from kg.rdf import to_graph
from kg.store import KgStore
from kg.terms import ENTITIES_GRAPH, KG, KGR, article_entity_iri, entity_iri, graph_iri, position_iri
from kg.records import EntityType
from sample import sample_extraction

US = entity_iri(EntityType.STATE, "United States")


def test_dataset_nodes_are_told_apart_by_their_minted_iris() -> None:
    assert described_node(US) == "entity"
    assert described_node(article_entity_iri(EntityType.MILITARY_ASSET, "a1", "bombers")) == "entity"
    assert described_node(position_iri(US, "president")) == "position"
    assert described_node(URIRef(f"{US}/candidate/Q30")) is None
    assert described_node(KGR["event/0123456789abcdef0123"]) is None
    assert described_node(KGR["article/position"]) is None
    assert described_node(URIRef("http://example.org/state/x")) is None


def test_dataset_split_keeps_facts_aliases_and_mentions_in_the_article_graph() -> None:
    graph = to_graph(*sample_extraction())
    article, entities = split_graph(graph)
    keys = [triple for triple in article + entities if is_name_key(triple[1])]
    assert len(article) + len(entities) - len(keys) == len(graph)
    assert len(keys) == len(set(graph.triples((None, RDFS.label, None))) | set(graph.triples((None, KG.alias, None)))) - len(
        [s for s in graph.subjects(RDFS.label, None) if not described_node(s)]
    )
    assert (US, RDFS.label, Literal("United States")) in entities
    assert (US, KG.labelKey, Literal("united states")) in entities
    assert (US, RDF.type, KG.State) in entities
    assert {p for _, p, _ in entities} <= {RDF.type, RDFS.label, OWL.sameAs, KG.labelKey, KG.roleName, KG.positionOf}
    assert all(p == KG.aliasKey for _, p, _ in article if is_name_key(p))
    assert any(s == US and p == KG.alias for s, p, _ in article)
    assert any(s == US and p == KG.mentionedIn for s, p, _ in article)
    assert not any(p == RDF.type and described_node(s) for s, p, _ in article)


def test_dataset_entities_graph_holds_each_description_once() -> None:
    extraction, links = sample_extraction()
    with KgStore(None) as store:
        for number in range(3):  # three articles naming the same entities
            article = dataclasses.replace(extraction.article, id=f"article-{number}")
            store.replace_article(article.id, to_graph(dataclasses.replace(extraction, article=article), links))
        triples = Counter((q.subject, q.predicate, q.object) for q in store.quads())
        label = (ox.NamedNode(str(US)), ox.NamedNode(str(RDFS.label)), ox.Literal("United States"))
        assert triples[label] == 1
        described = [q for q in store.quads() if q.predicate.value in (str(RDF.type), str(RDFS.label)) and described_node(URIRef(q.subject.value))]
        assert described and all(q.graph_name.value == str(ENTITIES_GRAPH) for q in described)
        assert all(count == 1 for (s, p, o), count in triples.items() if p.value in (str(RDF.type), str(RDFS.label)) and "/candidate/" not in s.value)
        assert len(store.graph_names()) == 3


def test_dataset_article_graph_reassembles_what_the_mapper_made() -> None:
    graph = to_graph(*sample_extraction())
    with KgStore(None) as store:
        store.replace_article("sample-call", graph)
        assert isomorphic(store.article_graph(graph_iri("sample-call")), graph)


def test_dataset_replacing_an_article_replaces_its_own_entities_and_keeps_shared_ones() -> None:
    extraction, links = sample_extraction()
    group = next(e for e in extraction.entities if not e.named)
    group_iri = article_entity_iri(group.type, extraction.article.id, group.label)
    without_group = dataclasses.replace(
        extraction,
        entities=tuple(e for e in extraction.entities if e.key != group.key),
        claims=tuple(c for c in extraction.claims if group.key not in str(c)),
    )
    other = to_graph(dataclasses.replace(extraction, article=dataclasses.replace(extraction.article, id="other")), links)
    with KgStore(None) as store:
        store.replace_article("other", other)
        store.replace_article(extraction.article.id, to_graph(extraction, links))
        assert (group_iri, RDFS.label, Literal(group.label)) in store.entities_graph()
        store.replace_article(extraction.article.id, to_graph(without_group, links))
        entities = store.entities_graph()
        assert not list(entities.triples((group_iri, None, None)))
        expected = set(split_graph(other)[1]) | set(split_graph(to_graph(without_group, links))[1])
        assert set(entities) == expected


def test_dataset_prune_deletes_descriptions_no_article_refers_to() -> None:
    extraction, links = sample_extraction()
    other = dataclasses.replace(extraction.article, id="other")
    with KgStore(None) as store:
        store.replace_article(extraction.article.id, to_graph(extraction, links))
        store.replace_article("other", to_graph(dataclasses.replace(extraction, article=other, claims=(), entities=extraction.entities[:1]), links))
        kept = extraction.entities[0]
        store.remove_article(extraction.article.id)
        assert store.prune_entities() > 0
        subjects = set(store.entities_graph().subjects())
        assert subjects == {entity_iri(kept.type, links[kept.key].label if kept.key in links else kept.label)}
        assert store.prune_entities() == 0


def test_dataset_article_update_is_one_request_a_plain_sparql_store_applies() -> None:
    """What a remote store sends: one SPARQL Update, applied here to a bare pyoxigraph Store."""
    graph = to_graph(*sample_extraction())
    update = article_update("sample-call", graph)
    store = ox.Store()
    store.update(update)
    store.update(update)
    names = {name.value for name in store.named_graphs()}
    assert names == {str(graph_iri("sample-call")), str(ENTITIES_GRAPH)}
    assert len(store) == len(graph) + sum(1 for triple in graph if name_key(triple) is not None)


def test_dataset_relinking_replaces_an_entitys_wikidata_link() -> None:
    graph = to_graph(*sample_extraction())
    relinked = Graph()
    for triple in graph:
        relinked.add(triple if triple[:2] != (US, OWL.sameAs) else (US, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1")))
    with KgStore(None) as store:
        store.replace_article("sample-call", graph)
        store.replace_article("sample-call", relinked, replace_links=True)
        assert set(store.entities_graph().objects(US, OWL.sameAs)) == {URIRef("http://www.wikidata.org/entity/Q1")}


def test_dataset_name_keys_fold_each_label_and_alias_and_leave_with_them() -> None:
    extraction, links = sample_extraction()
    us_alias = (US, KG.alias, Literal("the Stars-and-Stripes"))
    graph = to_graph(extraction, links).add(us_alias)
    assert name_key(us_alias) == (US, KG.aliasKey, Literal("stars and stripes"))
    assert name_key((US, KG.alias, Literal("the U.S."))) == (US, KG.aliasKey, Literal("us"))
    assert name_key((US, RDFS.label, Literal("Türkiye"))) == (US, KG.labelKey, Literal("turkiye"))
    assert name_key((US, RDFS.label, Literal("..."))) is None
    assert name_key((KGR["designation/0123456789abcdef0123"], RDFS.label, Literal("FTO list"))) is None
    us = ox.NamedNode(str(US))
    with KgStore(None) as store:
        store.replace_article("a", graph)
        alias_keys = lambda: {(q.object.value, q.graph_name.value) for q in store.oxigraph.quads_for_pattern(us, ox.NamedNode(str(KG.aliasKey)), None)}
        assert ("stars and stripes", str(graph_iri("a"))) in alias_keys()
        assert isomorphic(store.article_graph(graph_iri("a")), graph)  # keys are index data, not the mapper's
        store.replace_article("a", graph.remove(us_alias))
        assert ("stars and stripes", str(graph_iri("a"))) not in alias_keys()
        store.remove_article("a")
        assert not alias_keys()
        assert store.prune_entities() > 0
        assert not list(store.oxigraph.quads_for_pattern(None, ox.NamedNode(str(KG.labelKey)), None))
