"""Validate: an article's graph + the SHACL shapes of shapes/ -> Report.

Each article graph is validated on its own with pySHACL, without inference (the graph is exactly
what kg/rdf.py wrote). A Report lists every result as a typed Violation; only results of severity
Violation break conformance. `owning_fact` maps a failing node to the fact it belongs to, so the
pipeline can keep a failing fact out of the store (and report it) while storing the rest.

Speed (a validation runs for every article): the shapes are compiled once per shapes graph
(`_CompiledShapes`): pySHACL's ShapesGraph is built once and reused, and the SPARQL-based shapes
that kg checks natively (`NATIVE_RULES`) run as Python over the graph, because pySHACL parses
their SPARQL again for every target and focus node (most of the time of a validation). A native
rule reports exactly what its SPARQL reports (tests/test_validate.py holds them to it); a
SPARQL-based shape without a native rule stays with pySHACL. What remains for pySHACL is core
SHACL, so it runs without SHACL-AF ("advanced") and without copying the data graph, and only on
the graphs that kg.shape_screen cannot pass (a graph the screen passes has no result to report;
most article graphs conform with none).
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from typing import Literal as TypingLiteral

import pyoxigraph
import pyshacl
from pyshacl.graph_abstraction import DataGraph
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.dataset import rdflib_term, with_descriptions
from kg.errors import DataFileError, InputError, StoreError, ValidatorError
from kg.prefixes import ENTITIES_GRAPH
from kg.rdf import EVENT_CLASS
from kg.resources import data_dir
from kg.shape_screen import Unscreenable, compile_screen
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
    _COMPILED[shapes] = _CompiledShapes(shapes)
    return shapes


def validate(graph: Graph, shapes: Graph, *, warnings: bool = True) -> Report:
    """Validate one article's graph against the shapes; raises ValidatorError if pySHACL fails.

    With `warnings=False` a conforming graph may come back without its results of lesser severity
    (a graph that does not conform always comes with all its results): enough to tell what to store.
    The shapes are compiled on first use and the compilation kept with them: do not change a
    shapes graph once it has validated something (a change of its size compiles it again)."""
    compiled = _COMPILED.get(shapes)
    if compiled is None or compiled.size != len(shapes):
        compiled = _COMPILED[shapes] = _CompiledShapes(shapes)
    return compiled.validate(graph, warnings=warnings)


# --------------------------------------------------------------------------- native rules

KGSH = Namespace("https://w3id.org/kg-ir/shapes#")
# One solution of a rule's query: the focus node ($this) and the other variables it binds.
Solution = tuple[Node, dict[str, Node]]


def _evidence_span_solutions(graph: Graph) -> Iterator[Solution]:
    """kgsh:EvidenceSpanShape: STRLEN(?sentence) != xsd:integer(STR(?end)) - xsd:integer(STR(?start)).

    As in SPARQL, a row whose expression fails is no solution: a sentence that is not a string
    literal, an offset that is a blank node or whose string form is not an integer."""
    for this, sentence in graph.subject_objects(KG.sentence):
        if not isinstance(sentence, Literal) or sentence.datatype not in (None, XSD.string):
            continue
        for start in graph.objects(this, KG.startOffset):
            for end in graph.objects(this, KG.endOffset):
                first, last = _integer(start), _integer(end)
                if first is not None and last is not None and len(sentence) != last - first:
                    yield this, {"start": start, "end": end, "length": Literal(len(sentence))}


def _interval_order_solutions(graph: Graph) -> Iterator[Solution]:
    """kgsh:IntervalOrderShape: DATATYPE(?earliest) = xsd:date && DATATYPE(?latest) = xsd:date &&
    ?earliest > ?latest, compared as rdflib's SPARQL engine compares them (Literal ordering; a
    comparison rdflib cannot make is no solution)."""
    for this, earliest in graph.subject_objects(KG.earliest):
        if not (isinstance(earliest, Literal) and earliest.datatype == XSD.date):
            continue
        for latest in graph.objects(this, KG.latest):
            if isinstance(latest, Literal) and latest.datatype == XSD.date and _after(earliest, latest):
                yield this, {"earliest": earliest, "latest": latest}


def _integer(term: Node) -> int | None:
    """xsd:integer(STR(term)) as rdflib evaluates it (Python's int() of the string form), or None."""
    if isinstance(term, BNode):
        return None
    try:
        return int(str(term))
    except ValueError:
        return None


def _after(earliest: Literal, latest: Literal) -> bool:
    try:
        return bool(earliest > latest)
    except TypeError:
        return False


# SPARQL-based shapes kg checks natively: the shape -> the solutions of its SPARQL constraint.
NATIVE_RULES: dict[URIRef, Callable[[Graph], Iterator[Solution]]] = {
    KGSH.EvidenceSpanShape: _evidence_span_solutions,
    KGSH.IntervalOrderShape: _interval_order_solutions,
}
# Shape parameters that need pySHACL's SHACL-AF mode when a shape left to pySHACL uses them.
_ADVANCED = (SH.target, SH.rule, SH.expression)


@dataclass(frozen=True, slots=True)
class _NativeShape:
    """A SPARQL-based node shape run by a native rule: its severity and message templates."""

    shape: URIRef
    severity: Severity
    messages: tuple[str, ...]
    solutions: Callable[[Graph], Iterator[Solution]]

    def violations(self, graph: Graph) -> Iterator[Violation]:
        """One result per distinct solution, worded as pySHACL words a SPARQL constraint's result."""
        seen: set[tuple[Node, tuple[tuple[str, Node], ...]]] = set()
        for this, bound in self.solutions(graph):
            key = (this, tuple(sorted(bound.items())))
            if key in seen:
                continue
            seen.add(key)
            messages = sorted({_fill(template, {"this": this, **bound}) for template in self.messages})
            yield Violation(
                focus_node=this,
                path=None,
                value=this,
                message="; ".join(messages),
                severity=self.severity,
                constraint="SPARQLConstraintComponent",
                shape=self.shape,
            )


def _fill(template: str, bound: dict[str, Node]) -> str:
    """pySHACL's substitution of {?var} and {$var} in a SPARQL constraint's message."""
    for name, value in bound.items():
        template = re.sub("{{[?$]{}}}".format(name), str(value), template)
    return template


class _CompiledShapes:
    """A shapes graph made ready to validate many graphs: the native shapes taken out, pySHACL's
    ShapesGraph built once over the rest. One validation at a time (pySHACL's shapes keep state)."""

    def __init__(self, shapes: Graph) -> None:
        self.size = len(shapes)
        self.native = tuple(_native_shapes(shapes))
        core = _without(shapes, {native.shape for native in self.native})
        self.core = core
        self.advanced = any(True for parameter in _ADVANCED for _ in core.triples((None, parameter, None)))
        self.shapes_graph = pyshacl.ShapesGraph(core)
        self.lock = threading.Lock()
        try:
            self.screen: Callable[[Graph], bool] | None = compile_screen(core)
            self.violation_screen: Callable[[Graph], bool] | None = compile_screen(_violations_only(core))
        except Unscreenable:
            self.screen = self.violation_screen = None

    def validate(self, graph: Graph, *, warnings: bool = True) -> Report:
        found: set[Violation] = set()
        for native in self.native:
            found.update(native.violations(graph))
        # A graph the screen passes has nothing to report; one the violation screen passes, no
        # Violation: then, if the native rules found none either, only the warnings are left.
        core_results = self.screen is None or not self.screen(graph)
        if core_results and not warnings and self.violation_screen is not None and self.violation_screen(graph):
            core_results = any(violation.severity == "Violation" for violation in found)
        if core_results:
            with self.lock:
                found.update(self._pyshacl(graph))
        violations = tuple(sorted(found, key=_sort_key))
        return Report(
            conforms=not any(violation.severity == "Violation" for violation in violations),
            violations=violations,
        )

    def _pyshacl(self, graph: Graph) -> Iterator[Violation]:
        options = {"inference": "none", "advanced": self.advanced, "allow_warnings": True}
        try:
            validator = pyshacl.Validator(DataGraph.from_rdflib(graph), shacl_graph=self.core, options=options)
            validator.shacl_graph = self.shapes_graph  # the one built at compile time, shape cache and all
            _, results, _ = validator.run()  # type: ignore[no-untyped-call]
        except Exception as error:  # any crash inside pySHACL: the caller holds the article back
            raise ValidatorError(f"{_graph_name(graph)}: pySHACL failed: {type(error).__name__}: {error}") from error
        return (_violation(results, result) for result in results.subjects(RDF.type, SH.ValidationResult))


_COMPILED: "weakref.WeakKeyDictionary[Graph, _CompiledShapes]" = weakref.WeakKeyDictionary()


def _violations_only(shapes: Graph) -> Graph:
    """`shapes` with the shapes deactivated whose results are all of a lesser severity than
    Violation and count nowhere else: those with no sh:property of their own, reached from other
    shapes only through sh:property chains that no sh:node, sh:or, sh:not... tests for conformance.
    A graph that passes it has no result of severity Violation."""
    kept = Graph()
    for triple in shapes:
        kept.add(triple)
    for shape, severity in shapes.subject_objects(SH.severity):
        if severity == SH.Violation or (shape, SH.property, None) in shapes or _conformance_tested(shapes, shape, set()):
            continue
        kept.remove((shape, SH.deactivated, None))
        kept.add((shape, SH.deactivated, Literal(True)))
    return kept


def _conformance_tested(shapes: Graph, shape: Node, seen: set[Node]) -> bool:
    """Whether `shape`, or a shape holding it through sh:property, is used otherwise than as a
    property shape (the object of sh:node, a member of an sh:or list ...)."""
    seen.add(shape)
    for holder, predicate in shapes.subject_predicates(shape):
        if predicate != SH.property or (holder not in seen and _conformance_tested(shapes, holder, seen)):
            return True
    return False


def _native_shapes(shapes: Graph) -> Iterator[_NativeShape]:
    for shape, rule in NATIVE_RULES.items():
        if (shape, SH.sparql, None) not in shapes:
            continue
        # pySHACL words a result with the shape's messages and its constraint's, both filled in.
        holders = [shape, *shapes.objects(shape, SH.sparql)]
        if any(shapes.value(holder, SH.deactivated) == Literal(True) for holder in holders):
            continue  # pySHACL would not run it either
        messages = sorted({str(message) for holder in holders for message in shapes.objects(holder, SH.message)})
        severity = _SEVERITY.get(shapes.value(shape, SH.severity) or SH.Violation, "Violation")
        yield _NativeShape(shape, severity, tuple(messages), rule)


def _without(shapes: Graph, native: set[URIRef]) -> Graph:
    """The shapes graph less the SPARQL targets and constraints of the natively checked shapes."""
    dropped = {
        node
        for shape in native
        for parameter in (SH.target, SH.sparql)
        for node in shapes.objects(shape, parameter)
        if set(shapes.subjects(None, node)) <= native  # not shared with a shape left to pySHACL
    }
    core = Graph()
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    for triple in shapes:
        subject, predicate, _ = triple
        if subject in dropped or (subject in native and predicate in (SH.target, SH.sparql)):
            continue
        core.add(triple)
    return core


def validate_file(path: Path, shapes: Graph) -> list[tuple[str, Report]]:
    """Validate every graph of an RDF file: each named graph on its own (a kg dataset's article
    graphs with the entity descriptions of its entities graph), and the default graph (named by
    the file's path) if it holds any triple. Raises InputError for an unreadable file."""
    rdf_format = RDF_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise InputError(str(path), f"not a Turtle, TriG, N-Triples, N-Quads or JSON-LD file ({', '.join(RDF_FORMATS)})")
    graphs: dict[str, Graph] = {}
    try:
        for quad in pyoxigraph.parse(path=path, format=rdf_format):
            name = str(path) if isinstance(quad.graph_name, pyoxigraph.DefaultGraph) else quad.graph_name.value
            triple = (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object))
            graphs.setdefault(name, Graph()).add(triple)
    except SyntaxError as error:
        raise InputError(f"{path}:{error.lineno}", f"not valid RDF: {error.msg}") from error
    except (ValueError, StoreError) as error:  # StoreError: an RDF-star triple term, which kg does not read
        raise InputError(str(path), str(error)) from error
    except OSError as error:
        raise InputError(str(path), f"cannot be read: {error.strerror or error}") from error
    descriptions = graphs.pop(ENTITIES_GRAPH, None)
    if descriptions is not None:  # a kg dataset (docs/dataset.md): each article with its entities' descriptions
        graphs = {name: with_descriptions(graph, descriptions.predicate_objects) for name, graph in graphs.items()}
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
