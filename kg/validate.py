"""Validate: an article's graph + the SHACL shapes of shapes/ -> Report.

Each article graph is validated on its own with pySHACL, without inference (the graph is exactly
what kg/rdf.py wrote). A Report lists every result as a typed Violation; only results of severity
Violation break conformance. `owning_fact` maps a failing node to the fact it belongs to, so the
pipeline can keep a failing fact out of the store (and report it) while storing the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal as TypingLiteral

import pyoxigraph
import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.errors import DataFileError, InputError, ValidatorError
from kg.rdf import EVENT_CLASS
from kg.resources import data_dir
from kg.terms import KG

Severity = TypingLiteral["Violation", "Warning", "Info"]

FACT_CLASSES = frozenset({KG.Tenure, KG.Designation, KG.Deployment, KG.Membership, *EVENT_CLASS.values()})
# Properties that tie a fact to the nodes minted under its IRI: <fact>/evidence/..., <fact>/time ...
SUB_NODE_PROPERTIES = (KG.evidence, KG["term"], KG.announced, KG.effective, KG.time)  # KG.term is a method
_SEVERITY: dict[Node, Severity] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
# RDF files validate_file reads; no RDF/XML, whose parsers fall to entity-expansion bombs.
# File endings read by `kg validate FILE`: the usual ones, and those `kg export -o` names use.
RDF_FORMATS = {
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".turtle": pyoxigraph.RdfFormat.TURTLE,
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".nquads": pyoxigraph.RdfFormat.N_QUADS,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
}


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL validation result.

    `constraint` is the local name of the constraint component ("MinCountConstraintComponent");
    `shape` is the shape that produced the result (kgsh:FactShape-confidence, ...).
    """

    focus_node: Node
    path: Node | None
    value: Node | None
    message: str
    severity: Severity
    constraint: str
    shape: Node


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of validating one graph: conforms when no result has severity Violation."""

    conforms: bool
    violations: tuple[Violation, ...]


def load_shapes(folder: Path | None = None) -> Graph:
    """Every shapes/*.ttl file in one graph; a bad file raises DataFileError naming file and line."""
    folder = data_dir("shapes") if folder is None else folder
    paths = sorted(folder.glob("*.ttl"))
    if not paths:
        raise DataFileError(folder, "no shape files (*.ttl) in this folder")
    shapes = Graph()
    for path in paths:
        _check_turtle(path)
        shapes.parse(path, format="turtle")
    # A dry run, so a malformed shape fails here and not on the first article. pySHACL also adds its
    # two RDFS axioms (owl:Class rdfs:subClassOf rdfs:Class ...) to the graph now, once for all runs.
    try:
        pyshacl.validate(Graph(), shacl_graph=shapes, inference="none", advanced=True)
    except Exception as error:  # pySHACL reports a malformed shape with many exception types
        raise DataFileError(folder, f"the shapes do not load in pySHACL: {error}") from error
    return shapes


def validate(graph: Graph, shapes: Graph) -> Report:
    """Validate one article's graph against the shapes; raises ValidatorError if pySHACL fails."""
    try:
        _, results, _ = pyshacl.validate(
            graph, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
        )
    except Exception as error:  # any crash inside pySHACL: the caller holds the article back
        raise ValidatorError(f"{_graph_name(graph)}: pySHACL failed: {type(error).__name__}: {error}") from error
    if not isinstance(results, Graph):
        raise ValidatorError(f"{_graph_name(graph)}: pySHACL failed: {results}")
    found = {_violation(results, result) for result in results.subjects(RDF.type, SH.ValidationResult)}
    violations = tuple(sorted(found, key=_sort_key))
    return Report(
        conforms=not any(violation.severity == "Violation" for violation in violations),
        violations=violations,
    )


def validate_file(path: Path, shapes: Graph) -> list[tuple[str, Report]]:
    """Validate every graph of an RDF file: each named graph on its own, and the default graph
    (named by the file's path) if it holds any triple. Raises InputError for an unreadable file."""
    rdf_format = RDF_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise InputError(str(path), f"not a Turtle, TriG, N-Triples, N-Quads or JSON-LD file ({', '.join(RDF_FORMATS)})")
    graphs: dict[str, Graph] = {}
    try:
        for quad in pyoxigraph.parse(path=path, format=rdf_format):
            name = str(path) if isinstance(quad.graph_name, pyoxigraph.DefaultGraph) else quad.graph_name.value
            triple = (_rdflib_term(quad.subject), _rdflib_term(quad.predicate), _rdflib_term(quad.object))
            graphs.setdefault(name, Graph()).add(triple)
    except SyntaxError as error:
        raise InputError(f"{path}:{error.lineno}", f"not valid RDF: {error.msg}") from error
    except ValueError as error:
        raise InputError(str(path), str(error)) from error
    except OSError as error:
        raise InputError(str(path), f"cannot be read: {error.strerror or error}") from error
    if not graphs:
        graphs[str(path)] = Graph()
    return [(name, validate(graph, shapes)) for name, graph in sorted(graphs.items())]


def owning_fact(graph: Graph, node: Node) -> URIRef | None:
    """The fact that `node` belongs to: the fact itself, or its evidence or interval node.

    A sub-node is found through the property that ties it to its fact or, when that triple is
    missing, through its IRI (<fact>/evidence/..., <fact>/time). Articles, entities and
    positions belong to no single fact: None.
    """
    if not isinstance(node, URIRef):
        return None
    if _is_fact(graph, node):
        return node
    for predicate in SUB_NODE_PROPERTIES:
        subjects = graph.subjects(predicate, node)
        owners = sorted(subject for subject in subjects if isinstance(subject, URIRef) and _is_fact(graph, subject))
        if owners:
            return owners[0]
    prefix = str(node)
    while "/" in prefix:
        prefix = prefix.rsplit("/", 1)[0]
        if _is_fact(graph, URIRef(prefix)):
            return URIRef(prefix)
    return None


def _is_fact(graph: Graph, node: URIRef) -> bool:
    if (node, KG.derivedFrom, None) in graph:
        return True
    return any(type_ in FACT_CLASSES for type_ in graph.objects(node, RDF.type))


def _check_turtle(path: Path) -> None:
    """pyoxigraph's parser gives the line of a syntax error and rejects invalid IRIs rdflib lets in."""
    try:
        for _ in pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE):
            pass
    except SyntaxError as error:
        raise DataFileError(path, f"not valid Turtle: {error.msg}", line=error.lineno) from error
    except OSError as error:
        raise DataFileError(path, f"cannot be read: {error.strerror or error}") from error


def _rdflib_term(term: object) -> Node:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):  # a plain literal, as rdflib parses it
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError(f"{term}: an RDF-star triple term; kg reads plain RDF only")


def _violation(results: Graph, result: Node) -> Violation:
    constraint = results.value(result, SH.sourceConstraintComponent)
    messages = sorted(str(message) for message in results.objects(result, SH.resultMessage))
    return Violation(
        focus_node=_required(results, result, SH.focusNode),
        path=results.value(result, SH.resultPath),
        value=results.value(result, SH.value),
        message="; ".join(messages),
        severity=_SEVERITY.get(_required(results, result, SH.resultSeverity), "Violation"),
        constraint=_local_name(str(constraint)) if constraint is not None else "",
        shape=_required(results, result, SH.sourceShape),
    )


def _required(results: Graph, result: Node, predicate: URIRef) -> Node:
    value = results.value(result, predicate)
    if value is None:
        raise ValidatorError(f"pySHACL wrote a validation result without {predicate.n3()}")
    return value


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _sort_key(violation: Violation) -> tuple[str, ...]:
    return (
        str(violation.focus_node),
        str(violation.shape),
        violation.constraint,
        str(violation.path),
        str(violation.value),
        violation.message,
    )


def _graph_name(graph: Graph) -> str:
    article = graph.value(predicate=RDF.type, object=KG.Article)
    if article is not None:
        return f"graph of article <{article}>"
    return f"graph of {len(graph)} triples with no kg:Article"
