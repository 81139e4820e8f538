"""Namespaces and IRI minting: the only module that binds prefixes.

Every IRI kg writes is minted here from stable keys, so the same article, entity or fact
always gets the same IRI and building an article again replaces its graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.records import EntityType

KG = Namespace("https://w3id.org/kg-ir/ontology#")
KGR = Namespace("https://w3id.org/kg-ir/id/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
FTM = Namespace("https://schema.followthemoney.tech/#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

ONTOLOGY_IRI = URIRef("https://w3id.org/kg-ir/ontology")

ENTITY_PATH = {
    EntityType.STATE: "state",
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "organization",
    EntityType.MILITARY_ASSET: "asset",
    EntityType.LOCATION: "location",
    EntityType.GROUP: "group",
}
FACT_KINDS = ("event", "designation", "tenure", "deployment", "membership")
MINTED_KINDS = (*ENTITY_PATH.values(), *FACT_KINDS, "article", "graph")
"""The first path segment of every IRI kg mints. Each is also a prefix (`state:United_States`),
because a SPARQL or Turtle prefixed name cannot hold an unescaped '/' (`kgr:state/United_States`
is not one): with these, every IRI kg writes has a short form that other tools read."""

PREFIXES: dict[str, str] = {
    prefix: str(namespace)
    for prefix, namespace in {
        "kg": KG,
        "kgr": KGR,
        "wd": WD,
        "wdt": WDT,
        "schema": SCHEMA,
        "sem": SEM,
        "ftm": FTM,
        "dcterms": DCTERMS,
        "prov": PROV,
        "owl": OWL,
        "rdf": RDF,
        "rdfs": RDFS,
        "skos": SKOS,
        "xsd": XSD,
    }.items()
} | {kind: f"{KGR}{kind}/" for kind in MINTED_KINDS}

QID_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
MAX_SLUG = 80
# Characters that change nothing a reader sees: bidi controls, zero-width joiners and marks.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True)
    return graph


# PN_LOCAL of SPARQL 1.1 and Turtle: characters a prefixed name's local part takes as they are,
# and those it takes after a backslash.
_LOCAL_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_:")
_LOCAL_ESCAPABLE = frozenset("_~.-!$&'()*+,;=/?#@%")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_CURIE = re.compile(r"([A-Za-z][A-Za-z0-9_.-]*):(.*)", re.DOTALL)
_ESCAPED = re.compile(r"\\([_~.\-!$&'()*+,;=/?#@%])")


def curie(iri: str) -> str:
    """The shortest prefixed name of `iri` that is valid SPARQL and Turtle, escaped where needed
    (`state:United_States`, `state:United_States\\/position\\/president`); the IRI itself
    when no prefix covers it."""
    for namespace, prefix in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = _escape_local(iri[len(namespace) :])
            if local is not None:
                return f"{prefix}:{local}"
    return iri


def expand_curie(text: str) -> str | None:
    """The IRI a prefixed name of kg's prefixes stands for (escapes undone), or None when `text`
    is not one. An unescaped '/' is taken too (`kgr:state/United_States`)."""
    match = _CURIE.fullmatch(text)
    if match is None or match[1] not in PREFIXES or match[2].startswith("//"):
        return None
    return PREFIXES[match[1]] + _ESCAPED.sub(r"\1", match[2])


def _escape_local(local: str) -> str | None:
    out = []
    for i, char in enumerate(local):
        if char == "%" and _PERCENT.match(local, i):
            out.append(char)
        elif char in _LOCAL_PLAIN or (char == "-" and i > 0) or (char == "." and 0 < i < len(local) - 1):
            out.append(char)
        elif char in _LOCAL_ESCAPABLE:
            out.append("\\" + char)
        else:
            return None
    return "".join(out)


_BY_LENGTH = sorted(((namespace, prefix) for prefix, namespace in PREFIXES.items()), key=lambda item: -len(item[0]))


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
