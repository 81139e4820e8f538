"""Ontology documentation: ontology/kg.ttl -> docs/ontology.md, a reference a person can read.

Run `python scripts/ontology_docs.py` after editing the ontology; tests/test_ontology.py fails
while docs/ontology.md is not what this script writes. Uses rdflib only.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.terms import DCTERMS, KG, ONTOLOGY_IRI, PREFIXES  # noqa: E402

ONTOLOGY = ROOT / "ontology" / "kg.ttl"
OUTPUT = ROOT / "docs" / "ontology.md"
MAPPINGS = (
    (RDFS.subClassOf, "subclass of"),
    (OWL.equivalentClass, "equivalent class"),
    (RDFS.subPropertyOf, "subproperty of"),
    (OWL.equivalentProperty, "equivalent property"),
    (SKOS.exactMatch, "exact match"),
    (SKOS.closeMatch, "close match"),
    (SKOS.broadMatch, "broad match"),
    (SKOS.narrowMatch, "narrow match"),
    (SKOS.relatedMatch, "related match"),
)
PROPERTY_KINDS = (
    (OWL.ObjectProperty, "object property", "Object properties"),
    (OWL.DatatypeProperty, "datatype property", "Datatype properties"),
    (OWL.AnnotationProperty, "annotation property", "Annotation properties"),
)


def qname(term: Node) -> str:
    """A prefixed name for an IRI under one of kg's namespaces, else the IRI in angle brackets."""
    text = str(term)
    matches = [(prefix, str(ns)) for prefix, ns in PREFIXES.items() if text.startswith(str(ns)) and text != str(ns)]
    if not matches:
        return f"<{text}>"
    prefix, namespace = max(matches, key=lambda match: len(match[1]))
    return f"{prefix}:{text[len(namespace):]}"


def is_kg(term: Node) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(str(KG)) and term != URIRef(str(KG))


def link(term: Node) -> str:
    """A markdown link: kg terms to their section in this page, other IRIs to themselves."""
    if is_kg(term):
        return f"[{qname(term)}](#{local(term)})"
    if isinstance(term, URIRef):
        return f"[{qname(term)}]({term})"
    return f"`{term}`"


def local(term: Node) -> str:
    return str(term)[len(str(KG)) :]


def text(graph: Graph, subject: Node, predicate: URIRef) -> str:
    values = sorted(str(value) for value in graph.objects(subject, predicate) if isinstance(value, Literal))
    return "; ".join(values)


def links(terms: Iterable[Node]) -> str:
    return ", ".join(link(term) for term in sorted(set(terms), key=qname))


def render(graph: Graph) -> str:
    """The whole reference page for an ontology graph."""
    sections = [
        _header(graph),
        _classes(graph),
        _properties(graph),
        _individuals(graph),
        _alignments(graph),
    ]
    return "\n".join(sections).rstrip() + "\n"


def _header(graph: Graph) -> str:
    ontology = ONTOLOGY_IRI
    lines = [
        f"# {text(graph, ontology, DCTERMS.title)}",
        "",
        "<!-- Generated from ontology/kg.ttl by scripts/ontology_docs.py; do not edit by hand. -->",
        "",
        text(graph, ontology, DCTERMS.description),
        "",
        f"- Ontology IRI: <{ontology}>",
        f"- Version IRI: <{graph.value(ontology, OWL.versionIRI)}>",
        f"- Version: {text(graph, ontology, OWL.versionInfo)}",
        f"- Licence: <{graph.value(ontology, DCTERMS.license)}>",
        f"- Term namespace: `kg:` = <{KG}>",
        "",
        "Prefixes used below:",
        "",
        "| prefix | namespace |",
        "| --- | --- |",
    ]
    lines += [f"| `{prefix}:` | <{namespace}> |" for prefix, namespace in PREFIXES.items()]
    return "\n".join(lines) + "\n"


def _kg_subjects(graph: Graph, rdf_type: URIRef) -> list[URIRef]:
    return sorted((s for s in graph.subjects(RDF.type, rdf_type) if is_kg(s)), key=str)  # type: ignore[misc]


def _classes(graph: Graph) -> str:
    classes = _kg_subjects(graph, OWL.Class)
    lines = ["## Classes", "", "Hierarchy of kg classes (outside superclasses are listed with each class):", ""]
    lines += _tree(graph, classes)
    lines.append("")
    for cls in classes:
        lines += _term_heading(graph, cls)
        parents = [p for p in graph.objects(cls, RDFS.subClassOf) if is_kg(p)]
        children = [c for c in graph.subjects(RDFS.subClassOf, cls) if is_kg(c)]
        if parents:
            lines.append(f"- Subclass of: {links(parents)}")
        if children:
            lines.append(f"- Subclasses: {links(children)}")
        lines += _plover(graph, cls)
        lines += _mapping_lines(graph, cls)
        used_as_domain = list(graph.subjects(RDFS.domain, cls))
        if used_as_domain:
            lines.append(f"- Properties with this domain: {links(used_as_domain)}")
        lines.append("")
    return "\n".join(lines)


def _tree(graph: Graph, classes: list[URIRef]) -> list[str]:
    def kg_parents(cls: URIRef) -> list[Node]:
        return [p for p in graph.objects(cls, RDFS.subClassOf) if is_kg(p)]

    def walk(cls: URIRef, depth: int) -> list[str]:
        rows = [f"{'  ' * depth}- {link(cls)} {text(graph, cls, RDFS.label)}"]
        for child in sorted((c for c in classes if cls in kg_parents(c)), key=str):
            rows += walk(child, depth + 1)
        return rows

    rows: list[str] = []
    for root in (c for c in classes if not kg_parents(c)):
        rows += walk(root, 0)
    return rows


def _plover(graph: Graph, cls: URIRef) -> list[str]:
    code = graph.value(cls, KG.ploverType)
    if code is None:
        return []
    lines = [f"- PLOVER type: `{code}`; quad class: {links(graph.objects(cls, KG.quadClass))}"]
    modes = sorted(graph.objects(cls, KG.ploverMode), key=lambda mode: str(graph.value(mode, SKOS.notation)))
    if modes:
        notations = ", ".join(f"[`{graph.value(mode, SKOS.notation)}`](#{local(mode)})" for mode in modes)
        lines.append(f"- PLOVER modes: {notations}")
    return lines


def _properties(graph: Graph) -> str:
    lines = ["## Properties", ""]
    for rdf_type, kind, heading in PROPERTY_KINDS:
        properties = _kg_subjects(graph, rdf_type)
        lines += [f"### {heading}", "", "| property | domain | range | description |", "| --- | --- | --- | --- |"]
        for prop in properties:
            domain = links(graph.objects(prop, RDFS.domain)) or "any"
            range_ = _ranges(graph, prop)
            lines.append(f"| {link(prop)} | {domain} | {range_} | {text(graph, prop, RDFS.comment)} |")
        lines.append("")
        for prop in properties:
            lines += _term_heading(graph, prop, level="####")
            characteristics = [qname(t) for t in graph.objects(prop, RDF.type) if t != rdf_type]
            lines.append(f"- Kind: {', '.join([kind, *sorted(characteristics)])}")
            lines.append(f"- Domain: {links(graph.objects(prop, RDFS.domain)) or 'any'}")
            lines.append(f"- Range: {_ranges(graph, prop)}")
            lines += _mapping_lines(graph, prop)
            lines.append("")
    return "\n".join(lines)


def _ranges(graph: Graph, prop: Node) -> str:
    """A property's range as links; a union class (owl:unionOf) as its members joined by "or"."""
    parts = []
    for range_ in graph.objects(prop, RDFS.range):
        members = graph.value(range_, OWL.unionOf)
        parts.append(" or ".join(link(m) for m in Collection(graph, members)) if members is not None else link(range_))
    return ", ".join(sorted(parts)) or "any"


def _individuals(graph: Graph) -> str:
    lines = ["## Individuals and concept schemes", ""]
    for scheme in _kg_subjects(graph, SKOS.ConceptScheme):
        lines += _term_heading(graph, scheme)
        members = sorted(graph.subjects(SKOS.inScheme, scheme), key=str)
        lines += ["| concept | notation | broader | description |", "| --- | --- | --- | --- |"]
        for concept in members:
            anchor = f'<a id="{local(concept)}"></a>'
            notation = graph.value(concept, SKOS.notation)
            lines.append(
                f"| {anchor}{qname(concept)} ({text(graph, concept, RDFS.label)}) | {f'`{notation}`' if notation else ''} "
                f"| {links(graph.objects(concept, SKOS.broader))} | {text(graph, concept, RDFS.comment)} |"
            )
        lines.append("")
    in_scheme = set(graph.subjects(SKOS.inScheme, None))
    others = [i for i in _kg_subjects(graph, OWL.NamedIndividual) if i not in in_scheme]
    lines += ["### Other individuals", "", "| individual | type | description |", "| --- | --- | --- |"]
    for individual in others:
        types = [t for t in graph.objects(individual, RDF.type) if t != OWL.NamedIndividual]
        anchor = f'<a id="{local(individual)}"></a>'
        lines.append(f"| {anchor}{qname(individual)} ({text(graph, individual, RDFS.label)}) | {links(types)} | {text(graph, individual, RDFS.comment)} |")
    lines.append("")
    return "\n".join(lines)


def _alignments(graph: Graph) -> str:
    lines = [
        "## Alignments",
        "",
        "Every mapping of a kg term to an outside vocabulary (schema.org, PROV-O, SEM, FollowTheMoney, Wikidata, Dublin Core).",
        "",
        "| kg term | relation | outside term |",
        "| --- | --- | --- |",
    ]
    for predicate, name in MAPPINGS:
        for subject, obj in sorted(graph.subject_objects(predicate), key=lambda pair: (str(pair[0]), str(pair[1]))):
            if is_kg(subject) and not is_kg(obj):
                lines.append(f"| {link(subject)} | {name} | {link(obj)} |")
    lines.append("")
    return "\n".join(lines)


def _term_heading(graph: Graph, term: URIRef, level: str = "###") -> list[str]:
    return [
        f'<a id="{local(term)}"></a>',
        "",
        f"{level} {qname(term)}: {text(graph, term, RDFS.label)}",
        "",
        text(graph, term, RDFS.comment),
        "",
    ]


def _mapping_lines(graph: Graph, term: URIRef) -> list[str]:
    lines = []
    for predicate, name in MAPPINGS:
        outside = [o for o in graph.objects(term, predicate) if not is_kg(o)]
        if outside:
            lines.append(f"- {name.capitalize()}: {links(outside)}")
    return lines


def main() -> int:
    graph = Graph().parse(ONTOLOGY, format="turtle")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(graph), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
