"""kg's namespaces as plain strings, for the code that runs queries and prints their answers.

`kg query` runs in two short-lived processes; importing rdflib costs each of them more than the
query itself, so this module, kg.query and the read path of kg.store do without it. kg/terms.py
builds its rdflib Namespaces from these strings.
"""

from __future__ import annotations

import re

_KGR = "https://w3id.org/kg-ir/id/"

MINTED_KINDS = (
    "state", "person", "organization", "asset", "location", "group",
    "event", "designation", "tenure", "deployment", "membership", "article", "graph",
)  # fmt: skip
"""The first path segment of every IRI kg mints. Each is also a prefix (`state:United_States`),
because a SPARQL or Turtle prefixed name cannot hold an unescaped '/' (`kgr:state/United_States`
is not one): with these, every IRI kg writes has a short form that other tools read."""

PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kg-ir/ontology#",
    "kgr": _KGR,
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "ftm": "https://schema.followthemoney.tech/#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
} | {kind: f"{_KGR}{kind}/" for kind in MINTED_KINDS}

ENTITIES_GRAPH = PREFIXES["kgr"] + "entities"
"""The named graph holding every entity's description once (docs/dataset.md). Its path has one
segment, so it can never equal an article graph (`graph/<id>`) or anything else kg mints."""


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
        elif char in _LOCAL_PLAIN or (char == "-" and i > 0):  # '.' is always escaped: SPARQL allows it
            # inside a name, but Oxigraph's parser (0.5) misreads many such names ('a.b.c', 'x.%2A')
            out.append(char)
        elif char in _LOCAL_ESCAPABLE:
            out.append("\\" + char)
        else:
            return None
    return "".join(out)


_BY_LENGTH = sorted(((namespace, prefix) for prefix, namespace in PREFIXES.items()), key=lambda item: -len(item[0]))


QID_REFERENCE = re.compile(r"(?:wd:|https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?([Qq][1-9][0-9]*)")
"""A Wikidata id as a user may write it: `Q30`, `wd:Q30`, or its Wikidata page or entity IRI."""
_ABSOLUTE_IRI = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|urn:).+", re.DOTALL)


def entity_iri_of(text: str) -> str | None:
    """The IRI `text` writes, in full (`<...>` optional) or as a prefixed name, not yet checked;
    None for a name or a Wikidata id (which `EntityIndex` looks up)."""
    text = text.strip()
    if QID_REFERENCE.fullmatch(text):
        return None
    bare = text[1:-1] if text.startswith("<") and text.endswith(">") else text
    return bare if _ABSOLUTE_IRI.fullmatch(bare) else expand_curie(bare)
