"""The dataset layout: which named graph holds which triple (docs/dataset.md).

The mapper (kg/rdf.py) makes one graph per article, which is what validation sees. Stored, that
graph is split in two:

- the description of every entity and office it names (rdf:type, rdfs:label, owl:sameAs;
  kg:roleName and kg:positionOf of a position) goes to the one entities graph
  (`terms.ENTITIES_GRAPH`), where it is kept once however many articles name the entity;
- everything else (the article node, its facts with their provenance, the names the article
  used for an entity (kg:alias), kg:mentionedIn, the linker's candidates, the head-of-state and
  membership shortcuts the article's facts imply) stays in the article's own named graph.

Each entity's label and alias is stored with its folded form (`name_key`: kg:labelKey beside the
label in the entities graph, kg:aliasKey beside the alias in the article graph), so a lookup by
name reads the names that fold alike instead of folding every name of the store (kg/names.py).
The keys are index data: written, replaced and deleted with the names they fold, and left out of
an article's graph as the mapper made it (`with_descriptions`).

`article_update` writes both parts in one SPARQL Update, which any SPARQL 1.1 store applies as
one request and pyoxigraph in one transaction: the article graph is replaced, the entities graph
gains what it lacks. An entity minted for one article only (an unnamed "carrier strike group",
`terms.article_entity_iri`) is described in the entities graph too, and its earlier description
is deleted in the same update, so it is replaced with its article.
"""

from __future__ import annotations

from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.errors import StoreError
from kg.term_order import XSD_STRING
from kg.gazetteer import fold
from kg.terms import ENTITIES_GRAPH, ENTITY_PATH, KG, KGR, article_scope, graph_iri

Triple = tuple[Node, Node, Node]

ENTITY_DESCRIPTION = frozenset({RDF.type, RDFS.label, OWL.sameAs, KG.labelKey})
NAME_KEYS = {RDFS.label: KG.labelKey, KG.alias: KG.aliasKey}
"""The predicate of each name's folded form, by the predicate of the name."""
_KEY_PREDICATES = frozenset(NAME_KEYS.values())
POSITION_DESCRIPTION = frozenset({RDF.type, KG.roleName, KG.positionOf})
_ENTITY_PATHS = frozenset(ENTITY_PATH.values())


def described_node(node: Node) -> str | None:
    """"entity" or "position" when `node` is one whose description lives in the entities graph.

    Decided by the IRI kg/terms.py minted: `kgr:<type>/<name>` (an entity),
    `kgr:<type>/<article>/<name>` (an entity of one article), and either followed by
    `/position/<role>`. Slugs percent-encode "/", so the segments are exact.
    """
    if not isinstance(node, URIRef) or not node.startswith(KGR):
        return None
    segments = node[len(KGR) :].split("/")
    if segments[0] not in _ENTITY_PATHS:
        return None
    if len(segments) in (2, 3):
        return "entity"
    if len(segments) in (4, 5) and segments[-2] == "position":
        return "position"
    return None


def is_description(triple: Triple) -> bool:
    """Whether a triple of an article graph belongs in the entities graph."""
    subject, predicate, _ = triple
    kind = described_node(subject)
    if kind == "entity":
        return predicate in ENTITY_DESCRIPTION
    return kind == "position" and predicate in POSITION_DESCRIPTION


def name_key(triple: Triple) -> Triple | None:
    """The folded form (`kg.gazetteer.fold`) of an entity's label or alias, as the triple that stores
    it: `(entity, kg:labelKey or kg:aliasKey, "united states")`; None for any other triple, or a
    name that folds to nothing."""
    subject, predicate, obj = triple
    key = NAME_KEYS.get(predicate)  # type: ignore[call-overload]
    if key is None or not isinstance(obj, Literal) or described_node(subject) != "entity":
        return None
    folded = fold(str(obj))
    return (subject, key, Literal(folded)) if folded else None


def split_graph(graph: Graph) -> tuple[list[Triple], list[Triple]]:
    """An article graph as the mapper made it -> (article graph triples, entity descriptions),
    each name with its key (`name_key`) beside it."""
    article: list[Triple] = []
    entities: list[Triple] = []
    for triple in graph:
        for stored in with_name_key(triple):
            (entities if is_description(stored) else article).append(stored)
    return article, entities


def with_name_key(triple: Triple) -> tuple[Triple, ...]:
    """A triple as it is stored: a name followed by its key, anything else alone."""
    key = name_key(triple)
    return (triple,) if key is None else (triple, key)


def is_name_key(predicate: object) -> bool:
    """Whether a predicate is that of a stored name key (index data, not what the mapper made)."""
    return predicate in _KEY_PREDICATES


def with_descriptions(graph: Graph, described: Callable[[URIRef], Iterable[tuple[Node, Node]]]) -> Graph:
    """An article's named graph as the mapper made it: `graph` plus the description (predicate,
    object pairs that `described` gives, from the entities graph) of every node it names, without
    the name keys stored beside the names."""
    for key_predicate in _KEY_PREDICATES:
        graph.remove((None, key_predicate, None))
    nodes = {node for triple in graph for node in (triple[0], triple[2]) if isinstance(node, URIRef)}
    for node in sorted(nodes):
        for predicate, obj in described(node):
            if not is_name_key(predicate):
                graph.add((node, predicate, obj))
    return graph


def article_update(article_id: str, graph: Graph, *, replace_links: bool = False) -> str:
    """The SPARQL Update that stores one article's graph, replacing any earlier version.

    In order: the descriptions of the earlier version's own entities (those minted for this
    article alone) leave the entities graph; with `replace_links`, so do the owl:sameAs links of
    every entity the new version names (`kg link` decides them again); the article graph is
    dropped; both parts of the new version are inserted. One request, one transaction.
    """
    name = ox.NamedNode(str(graph_iri(article_id)))
    entities = ox.NamedNode(str(ENTITIES_GRAPH))
    article_triples, entity_triples = split_graph(graph)
    scope = " || ".join(f"STRSTARTS(STR(?entity), {ox.Literal(prefix)})" for prefix in article_scope(article_id))
    own_entities = f"GRAPH {name} {{ ?entity {_nt(KG.mentionedIn)} ?article }}\n  FILTER ({scope})"
    operations = [
        f"DELETE {{ GRAPH {entities} {{ ?position ?p ?o }} }}\n"
        f"WHERE {{ {own_entities}\n  GRAPH {entities} {{ ?position {_nt(KG.positionOf)} ?entity . ?position ?p ?o }} }}",
        f"DELETE {{ GRAPH {entities} {{ ?entity ?p ?o }} }}\nWHERE {{ {own_entities}\n  GRAPH {entities} {{ ?entity ?p ?o }} }}",
    ]
    if replace_links:
        named = sorted({str(s) for s, _, _ in entity_triples if described_node(s) == "entity"})
        if named:
            values = " ".join(str(ox.NamedNode(iri)) for iri in named)
            operations.append(
                f"DELETE {{ GRAPH {entities} {{ ?node {_nt(OWL.sameAs)} ?item }} }}\n"
                f"WHERE {{ VALUES ?node {{ {values} }} GRAPH {entities} {{ ?node {_nt(OWL.sameAs)} ?item }} }}"
            )
    operations.append(f"DROP SILENT GRAPH {name}")
    operations.append(
        f"INSERT DATA {{\nGRAPH {name} {{\n{_triples(article_triples)}}}\nGRAPH {entities} {{\n{_triples(entity_triples)}}}\n}}"
    )
    return " ;\n".join(operations)


def prune_update() -> str:
    """The SPARQL Update that deletes the description of every entity no article names any more,
    and of every position no article's tenure refers to."""
    entities = ox.NamedNode(str(ENTITIES_GRAPH))
    return (
        f"DELETE {{ GRAPH {entities} {{ ?node ?p ?o }} }}\n"
        f"WHERE {{ GRAPH {entities} {{ ?node ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?node {_nt(KG.mentionedIn)} ?article }} }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?fact {_nt(KG.position)} ?node }} }} }}"
    )


def _nt(iri: URIRef) -> str:
    return str(ox.NamedNode(str(iri)))


def _triples(triples: Iterable[Triple]) -> str:
    return "".join(" ".join(str(oxigraph_term(term)) for term in triple) + " .\n" for triple in triples)


def oxigraph_term(term: object) -> ox.NamedNode | ox.Literal:
    """An rdflib term as a pyoxigraph term, whose str() is safe N-Triples syntax."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        raise StoreError(f"blank node {term.n3()} in an article graph: kg stores named nodes only")
    raise StoreError(f"cannot store {term!r}")


def rdflib_term(term: object) -> URIRef | Literal | BNode:
    """A pyoxigraph term as an rdflib term, keeping the literal's lexical form."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise StoreError(f"kg stores no RDF-star triple terms: {term!r}")
