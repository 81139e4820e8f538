"""kg's namespaces as plain strings, for the code that runs queries and prints their answers.

`kg query` runs in two short-lived processes; importing rdflib costs each of them more than the
query itself, so this module, kg.query and the read path of kg.store do without it. kg/terms.py
builds its rdflib Namespaces from these strings.
"""

from __future__ import annotations

PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kg-ir/ontology#",
    "kgr": "https://w3id.org/kg-ir/id/",
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
}

ENTITIES_GRAPH = PREFIXES["kgr"] + "entities"
"""The named graph holding every entity's description once (docs/dataset.md). Its path has one
segment, so it can never equal an article graph (`graph/<id>`) or anything else kg mints."""
