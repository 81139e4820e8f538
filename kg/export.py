"""Export: the stored graph -> flat facts (gold/FORMAT.md section 2) and RDF serializations.

The flat facts are read back from the article graphs, never from a side channel, so what an
analyst loads into a spreadsheet is exactly what the graph says.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Iterator

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.rdf import ASSET_CLASS, DESIGNATION_CATEGORY, ENTITY_CLASS, EVENT_CLASS, sector_code
from kg.records import AssetClass
from kg.store import KgStore
from kg.terms import KG, WD

if TYPE_CHECKING:
    from kg.progress import Progress

DEFAULT_MIN_CONFIDENCE = 0.5
"""Facts read with less confidence stay in the store (and answer queries) but are left out of
the default facts export; `--min-confidence 0` exports everything."""

RDF_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
EXPORT_FORMATS = ("facts", *RDF_FORMATS)

_ENTITY_TYPE: dict[Node, str] = {cls: entity_type.value for entity_type, cls in ENTITY_CLASS.items()}
_EVENT_TYPE: dict[Node, str] = {cls: event_type.value for event_type, cls in EVENT_CLASS.items()}
_CATEGORY: dict[Node | None, str] = {concept: category.flat for category, concept in DESIGNATION_CATEGORY.items()}
_ASSET_CLASS_ORDER = [(ASSET_CLASS[c], c.value) for c in AssetClass if c is not AssetClass.OTHER]


def record_unit(format: str) -> str:
    """What `export` counts for a format: facts, quads (dataset formats) or triples."""
    if format == "facts":
        return "facts"
    return "quads" if RDF_FORMATS[format].supports_datasets else "triples"


def progress_unit(format: str) -> str:
    """What `export`'s progress counts for a format: article graphs (facts), else the store's quads."""
    return "graphs" if format == "facts" else "quads"


def export(
    store: KgStore,
    output: IO[bytes],
    format: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    progress: Progress | None = None,
) -> int:
    """Write the whole store in one of EXPORT_FORMATS; returns the number of records (`record_unit`).

    A triple format (turtle) holds one graph: the article graphs and the entities graph are
    merged into it, their names dropped, a triple held by several graphs written once.
    `progress` (in `progress_unit(format)`) advances graph by graph, or quad by quad as `KgStore.dump` reads them.
    """
    if format == "facts":
        names = store.graph_names()
        if progress is not None:
            progress.expect(len(names))
        count = 0
        for name in names:
            facts = article_facts(store.article_graph(name), min_confidence=min_confidence)
            output.write("".join(json.dumps(fact, ensure_ascii=False, sort_keys=True) + "\n" for fact in facts).encode("utf-8"))
            count += len(facts)
            if progress is not None:
                progress.advance(facts=count)
        return count
    if format not in RDF_FORMATS:
        raise ValueError(f"unknown export format {format!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    return store.dump(output, RDF_FORMATS[format], progress=progress)


def store_facts(store: KgStore, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Iterator[dict[str, object]]:
    """Every article of the store as flat facts, article by article."""
    for name in store.graph_names():
        yield from article_facts(store.article_graph(name), min_confidence=min_confidence)


def article_facts(graph: Graph, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> list[dict[str, object]]:
    """One article's graph (with its entity descriptions, `KgStore.article_graph`) as flat facts:
    its entities, then its facts at or above `min_confidence`."""
    reader = _FactReader(graph)
    facts: list[dict[str, object]] = []
    for article in graph.subjects(RDF.type, KG.Article):
        article_id = str(graph.value(article, KG.articleId))
        # An actor with no name ("gunmen") stands in facts but is no entity of its own.
        entities = sorted((e for e in graph.subjects(KG.mentionedIn, article) if (e, RDF.type, KG.Group) not in graph),
                          key=str)  # fmt: skip
        facts += [{"kind": "entity", "article": article_id, "entity": reader.ref(e)} for e in entities]
        for fact in sorted(graph.subjects(KG.derivedFrom, article), key=str):
            confidence = _number(graph.value(fact, KG.confidence))
            # A lifted listing is no designation in the flat format, which has no status.
            if confidence >= min_confidence and (fact, KG.status, KG.Revoked) not in graph:
                facts.append({"article": article_id, **reader.fact(fact)})
    return facts


def _number(node: Node | None) -> float:
    return float(str(node)) if node is not None else 0.0


def _text(node: Node | None) -> str | None:
    return str(node) if node is not None else None


class _FactReader:
    """Reads fact nodes of one article graph back into flat dictionaries."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def value(self, node: Node | None, predicate: URIRef) -> Node | None:
        return None if node is None else self.graph.value(node, predicate)

    def flag(self, node: Node, predicate: URIRef) -> bool:
        """A boolean literal of the node (kg:negated, kg:ended), false where absent."""
        return bool(getattr(self.value(node, predicate), "value", False))

    def ref(self, node: Node | None) -> dict[str, object] | None:
        if node is None:
            return None
        types = set(self.graph.objects(node, RDF.type))
        entity_type = next((_ENTITY_TYPE[t] for t in types if t in _ENTITY_TYPE), None)
        qid = next((str(o)[len(WD) :] for o in self.graph.objects(node, OWL.sameAs) if str(o).startswith(WD)), None)
        ref: dict[str, object] = {"label": _text(self.value(node, RDFS.label)) or str(node), "type": entity_type,
                                  "wikidata": qid}  # fmt: skip
        if KG.Group in types:
            sector = self.value(node, KG.sector)
            ref["sector"] = sector_code(sector) if sector is not None else None
            ref["state"] = _text(self.value(self.value(node, KG.groupOfState), RDFS.label))
        return ref

    def interval(self, node: Node | None) -> dict[str, str] | None:
        if node is None:
            return None
        return {"earliest": str(self.value(node, KG.earliest)), "latest": str(self.value(node, KG.latest))}

    def fact(self, fact: Node) -> dict[str, object]:
        types = set(self.graph.objects(fact, RDF.type))
        if KG.Tenure in types:
            body = self._role(fact)
        elif KG.Designation in types:
            body = self._designation(fact)
        elif KG.Deployment in types:
            body = self._deployment(fact)
        elif KG.Membership in types:
            body = {
                "kind": "membership",
                "member": self.ref(self.value(fact, KG.member)),
                "organization": self.ref(self.value(fact, KG.organization)),
            }
        else:
            body = self._event(fact, types)
        evidence = self.value(fact, KG.evidence)
        body.update(
            fact=str(fact),
            evidence=_text(self.value(evidence, KG.sentence)),
            confidence=_number(self.value(fact, KG.confidence)),
            negated=self.flag(fact, KG.negated),
            hypothetical=self.flag(fact, KG.hypothetical),
        )
        claimed_by = self.value(fact, KG.claimedBy)
        if claimed_by is not None:
            body["claimed_by"] = self.ref(claimed_by)
        return {key: value for key, value in body.items() if value is not None}

    def _role(self, fact: Node) -> dict[str, object]:
        position = self.value(fact, KG.position)
        role: dict[str, object] = {
            "kind": "role",
            "person": self.ref(self.value(fact, KG.holder)),
            "role": _text(self.value(position, KG.roleName)),
            "of": self.ref(self.value(position, KG.positionOf)),
        }
        if self.flag(fact, KG.ended):
            role["ended"] = True  # a former holder's ("former president X")
        return role

    def _designation(self, fact: Node) -> dict[str, object]:
        return {
            "kind": "designation",
            "authority": self.ref(self.value(fact, KG.authority)),
            "designee": self.ref(self.value(fact, KG.designee)),
            "category": _CATEGORY.get(self.value(fact, KG.category), "other"),
            "label": _text(self.value(fact, RDFS.label)),
            "date": self.interval(self.value(fact, KG.announced) or self.value(fact, KG.effective)),
        }

    def _deployment(self, fact: Node) -> dict[str, object]:
        asset = self.value(fact, KG.asset)
        asset_types = set(self.graph.objects(asset, RDF.type)) if asset is not None else set()
        asset_class = next((name for cls, name in _ASSET_CLASS_ORDER if cls in asset_types), "other")
        return {
            "kind": "military_asset",
            "asset": self.ref(asset),
            "asset_class": asset_class,
            "operator": self.ref(self.value(fact, KG.operator)),
            "location": self.ref(self.value(fact, KG.deployedTo)),
            "date": self.interval(self.value(fact, KG.time)),
        }

    def _event(self, fact: Node, types: set[Node]) -> dict[str, object]:
        event_type = next((_EVENT_TYPE[t] for t in types if t in _EVENT_TYPE), None)
        return {
            "kind": "event",
            "type": event_type,
            "actors": [self.ref(a) for a in sorted(self.graph.objects(fact, KG.actor), key=str)],
            "targets": [self.ref(t) for t in sorted(self.graph.objects(fact, KG.target), key=str)],
            "mode": _text(self.value(fact, KG.mode)),
            "date": self.interval(self.value(fact, KG.time)),
            "location": self.ref(self.value(fact, KG.location)),
        }

