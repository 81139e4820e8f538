"""Namespaces and IRI minting: the only module that binds prefixes (kg/prefixes.py lists them).

Every IRI kg writes is minted here from stable keys, so the same article, entity or fact
always gets the same IRI and building an article again replaces its graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef

from kg.prefixes import ENTITIES_GRAPH as _ENTITIES_GRAPH
from kg.prefixes import PREFIXES
from kg.records import EntityType


class _Vocabulary(Namespace):
    """A Namespace whose terms are made once each: rdflib's makes (and checks) a new URIRef on every
    attribute read (`KG.derivedFrom`: some 8 µs), and the mapper and the validator read hundreds
    per article. The first read keeps the term as an attribute of the namespace, which later reads
    find at once."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


KG = _Vocabulary(PREFIXES["kg"])
KGR = Namespace(PREFIXES["kgr"])
WD = Namespace(PREFIXES["wd"])
WDT = Namespace(PREFIXES["wdt"])
SCHEMA = Namespace(PREFIXES["schema"])
SEM = Namespace(PREFIXES["sem"])
FTM = Namespace(PREFIXES["ftm"])
DCTERMS = Namespace(PREFIXES["dcterms"])

ONTOLOGY_IRI = URIRef("https://w3id.org/kg-ir/ontology")

ENTITY_PATH = {
    EntityType.STATE: "state",
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "organization",
    EntityType.MILITARY_ASSET: "asset",
    EntityType.LOCATION: "location",
    EntityType.GROUP: "group",
}

QID_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
MAX_SLUG = 80
# Characters that change nothing a reader sees: bidi controls, zero-width joiners and marks.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True)
    return graph


def normalize_name(name: str) -> str:
    """The form of a name that IRIs are minted from.

    NFKC, typographic apostrophes folded to ', invisible characters dropped, white space
    (NBSP included) collapsed. Case and script are kept: "US" and "Us" stay apart, and a
    Cyrillic letter is not folded into a Latin one.
    """
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES)
    text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


def slug(name: str) -> str:
    """An IRI path segment for a name: injective, percent-encoded, bounded in length."""
    normalized = normalize_name(name)
    if not normalized:
        raise ValueError(f"name {name!r} is empty once normalised; nothing to mint an IRI from")
    encoded = quote(normalized, safe=" ").replace("_", "%5F").replace("~", "%7E").replace(" ", "_")
    if len(encoded) > MAX_SLUG:
        head = encoded[:MAX_SLUG]
        cut = head.rfind("%", MAX_SLUG - 2)
        digest = hashlib.sha1(normalized.encode("utf-8")).hexdigest()[:16]
        encoded = f"{head[:cut] if cut >= 0 else head}~{digest}"
    return encoded


def article_iri(article_id: str) -> URIRef:
    return KGR[f"article/{slug(article_id)}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything read from one article."""
    return KGR[f"graph/{slug(article_id)}"]


ENTITIES_GRAPH = URIRef(_ENTITIES_GRAPH)
"""The named graph holding every entity's description once (kg/prefixes.py, docs/dataset.md)."""


def entity_iri(entity_type: EntityType, label: str) -> URIRef:
    return KGR[f"{ENTITY_PATH[entity_type]}/{slug(label)}"]


def position_iri(of_iri: URIRef, role: str) -> URIRef:
    """The office `role` of a state or organization, e.g. president of Venezuela."""
    return URIRef(f"{of_iri}/position/{slug(role.lower())}")


def fact_iri(kind: str, article_id: str, *parts: str) -> URIRef:
    """A fact of one article, named by a hash of what it says."""
    key = "\x1f".join((kind, article_id, *parts))
    return KGR[f"{kind}/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}"]


def wikidata_iri(qid: str) -> URIRef:
    if not QID_PATTERN.match(qid):
        raise ValueError(f"{qid!r} is not a Wikidata item id (Q followed by digits)")
    return WD[qid]


def article_entity_iri(entity_type: EntityType, article_id: str, label: str) -> URIRef:
    """An unnamed entity ("an aircraft carrier strike group") belongs to its article alone."""
    return KGR[f"{ENTITY_PATH[entity_type]}/{slug(article_id)}/{slug(label)}"]


def article_scope(article_id: str) -> tuple[str, ...]:
    """The IRI prefixes of the entities minted for one article alone (`article_entity_iri`)."""
    return tuple(f"{KGR}{path}/{slug(article_id)}/" for path in ENTITY_PATH.values())
