"""A fast screen for the SHACL shapes: is there anything for pySHACL to report on this graph?

pySHACL spends about 0.1 ms on every pair of a shape and a focus node, some 40 ms on an article
graph, and most article graphs conform with no result at all. `compile_screen` turns the core
SHACL that kg's shapes use (targets by class and by subject, property paths of IRIs and
sequences, counts, classes, datatypes, node kinds, lengths, patterns, value lists, ranges, equal
and disjoint properties, sh:or, sh:not, qualified value shapes) into Python checks over the
graph. The screen is one-sided: a check passes a node only where SHACL passes it (where it
cannot tell, as for a class reached through rdfs:subClassOf, it fails the node), so a graph the
screen passes has no result to report, and a graph it fails goes to pySHACL, which writes the
report. Shapes that use anything else are not screened: `compile_screen` raises Unscreenable and
every graph goes to pySHACL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Callable, Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD
from rdflib.term import Node

# Shape parameters that say nothing about the data.
_ANNOTATIONS = frozenset({RDF.type, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group,
                          RDFS.label, RDFS.comment, SH.path, SH.property, SH.deactivated})  # fmt: skip
_TARGETS = frozenset({SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf})
# The Python type rdflib gives a well-typed literal of each datatype, as pySHACL checks it.
_VALUE_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: str, XSD.integer: int, XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time,
    XSD.dateTime: datetime, XSD.float: float,
}  # fmt: skip
_NUMBERS = (int, Decimal, float)
# Terms the checks read on every data graph, read from their namespaces once (rdflib makes a new
# URIRef on each attribute read).
_TYPE, _SUBCLASS_OF, _STRING = RDF.type, RDFS.subClassOf, XSD.string


class Unscreenable(Exception):
    """The shapes use SHACL the screen does not know; pySHACL must validate every graph."""


class _Triples:
    """A data graph's triples indexed once for the screen, which looks up the values of every
    focus node and property (rdflib's own look-ups cost more than the checks)."""

    __slots__ = ("_triples", "_objects", "_subjects", "_subjects_of", "_objects_of")

    def __init__(self, graph: Graph) -> None:
        self._triples = set(graph)
        self._objects: dict[tuple[Node, Node], list[Node]] = {}
        self._subjects: dict[tuple[Node, Node], list[Node]] = {}
        self._subjects_of: dict[Node, dict[Node, None]] = {}
        self._objects_of: dict[Node, list[Node]] = {}
        for subject, predicate, value in self._triples:
            self._objects.setdefault((subject, predicate), []).append(value)
            self._subjects.setdefault((predicate, value), []).append(subject)
            self._subjects_of.setdefault(predicate, {})[subject] = None
            self._objects_of.setdefault(predicate, []).append(value)

    def __contains__(self, triple: tuple[Node, Node, Node]) -> bool:
        return triple in self._triples

    def objects(self, subject: Node | None, predicate: Node) -> Iterable[Node]:
        """As Graph.objects; a subject of None stands for any."""
        if subject is None:
            return self._objects_of.get(predicate, ())
        return self._objects.get((subject, predicate), ())

    def subjects(self, predicate: Node, value: Node | None) -> Iterable[Node]:
        """As Graph.subjects; a value of None stands for any."""
        if value is None:
            return self._subjects_of.get(predicate, {})
        return self._subjects.get((predicate, value), ())


NodeCheck = Callable[[_Triples, Node], bool]  # True: the node passes the shape


@dataclass(frozen=True, slots=True)
class Check:
    """A compiled shape or constraint; `exact` when it fails exactly where SHACL fails (sh:not and
    qualified counts need that), not only where SHACL might."""

    passes: NodeCheck
    exact: bool


def compile_screen(shapes: Graph, skip: Iterable[Node] = ()) -> Callable[[Graph], bool]:
    """A function telling whether a data graph passes every targeted shape of `shapes` but those
    in `skip` (checked elsewhere). Raises Unscreenable for shapes outside the screened SHACL."""
    skipped = set(skip)
    screens: list[tuple[Callable[[_Triples], set[Node]], NodeCheck]] = []
    for shape in sorted({s for target in (*_TARGETS, SH.target) for s in shapes.subjects(target, None)}, key=str):
        if shape in skipped or _deactivated(shapes, shape):
            continue
        if (shape, SH.target, None) in shapes:
            raise Unscreenable(f"{shape}: sh:target")
        if {(shape, RDF.type, RDFS.Class), (shape, RDF.type, OWL.Class)} & set(shapes.triples((shape, RDF.type, None))):
            raise Unscreenable(f"{shape}: an implicit class target")
        screens.append((_focus_nodes(shapes, shape), _shape(shapes, shape).passes))

    def passes(graph: Graph) -> bool:
        triples = _Triples(graph)
        return all(check(triples, focus) for focus_nodes, check in screens for focus in focus_nodes(triples))

    return passes


def _deactivated(shapes: Graph, shape: Node) -> bool:
    flag = shapes.value(shape, SH.deactivated)
    if flag is None:
        return False
    if not (isinstance(flag, Literal) and isinstance(flag.value, bool)):
        raise Unscreenable(f"{shape}: sh:deactivated {flag}")
    return flag.value


def _focus_nodes(shapes: Graph, shape: Node) -> Callable[[_Triples], set[Node]]:
    classes = set(shapes.objects(shape, SH.targetClass))
    nodes = set(shapes.objects(shape, SH.targetNode))
    subjects_of = set(shapes.objects(shape, SH.targetSubjectsOf))
    objects_of = set(shapes.objects(shape, SH.targetObjectsOf))

    def focus_nodes(graph: _Triples) -> set[Node]:
        found = set(nodes)
        for cls in _with_subclasses(graph, classes):
            found.update(graph.subjects(_TYPE, cls))
        for predicate in subjects_of:
            found.update(graph.subjects(predicate, None))
        for predicate in objects_of:
            found.update(graph.objects(None, predicate))
        return found

    return focus_nodes


def _with_subclasses(graph: _Triples, classes: set[Node]) -> set[Node]:
    found, todo = set(classes), list(classes)
    while todo:
        for sub in graph.subjects(_SUBCLASS_OF, todo.pop()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def _shape(shapes: Graph, shape: Node) -> Check:
    """A node shape (value node: the focus) or a property shape (value nodes: its path's values)."""
    if _deactivated(shapes, shape):
        return Check(lambda graph, focus: True, exact=True)
    path = shapes.value(shape, SH.path)
    values = _path(shapes, path) if path is not None else (lambda graph, focus: [focus])
    checks: list[Check] = [_shape(shapes, member) for member in shapes.objects(shape, SH.property)]
    parameters = set(shapes.predicates(shape, None)) - _ANNOTATIONS - _TARGETS
    for parameter in sorted(parameters, key=str):
        checks.append(_constraint(shapes, shape, parameter, values, is_property=path is not None))
    exact = all(check.exact for check in checks)
    return Check(lambda graph, focus: all(check.passes(graph, focus) for check in checks), exact)


def _path(shapes: Graph, path: Node) -> Callable[[_Triples, Node], list[Node]]:
    if isinstance(path, URIRef):
        return lambda graph, focus: list(dict.fromkeys(graph.objects(focus, path)))
    steps = list(Collection(shapes, path)) if (path, RDF.first, None) in shapes else []
    if not steps or not all(isinstance(step, URIRef) for step in steps):
        raise Unscreenable(f"path {path}: only IRIs and sequences of IRIs")

    def sequence(graph: _Triples, focus: Node) -> list[Node]:
        nodes = [focus]
        for step in steps:
            nodes = list(dict.fromkeys(value for node in nodes for value in graph.objects(node, step)))
        return nodes

    return sequence


def _constraint(shapes: Graph, shape: Node, parameter: Node, values: Callable[[_Triples, Node], list[Node]],
                *, is_property: bool) -> Check:  # fmt: skip
    """One constraint parameter of a shape, over the shape's value nodes of a focus node."""
    argument = shapes.value(shape, parameter)
    if argument is None:
        raise Unscreenable(f"{shape}: {parameter} without a value")

    def each(test: Callable[[Node], bool], exact: bool = True) -> Check:
        return Check(lambda graph, focus: all(test(value) for value in values(graph, focus)), exact)

    def count(test: Callable[[int], bool]) -> Check:
        return Check(lambda graph, focus: test(len(values(graph, focus))), exact=True)

    if parameter == SH.minCount and is_property:
        return count(lambda found: found >= _integer(argument))
    if parameter == SH.maxCount and is_property:
        return count(lambda found: found <= _integer(argument))
    if parameter == SH["class"]:
        # A direct rdf:type only: a class reached through rdfs:subClassOf fails (pySHACL will judge).
        return Check(lambda graph, focus: all((value, _TYPE, argument) in graph for value in values(graph, focus)), exact=False)
    if parameter == SH.datatype:
        return each(lambda value: _has_datatype(value, argument))
    if parameter == SH.nodeKind:
        kinds: dict[Node, tuple[type, ...]] = {
            SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
            SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
        }  # fmt: skip
        if argument not in kinds:
            raise Unscreenable(f"{shape}: sh:nodeKind {argument}")
        kind = kinds[argument]
        return each(lambda value: isinstance(value, kind))
    if parameter in (SH.minLength, SH.maxLength):
        limit = _integer(argument)
        at_least = parameter == SH.minLength
        return each(lambda value: not isinstance(value, BNode) and (len(str(value)) >= limit if at_least else len(str(value)) <= limit))
    if parameter == SH.pattern:
        if (shape, SH.flags, None) in shapes:
            raise Unscreenable(f"{shape}: sh:flags")
        pattern = re.compile(str(argument))
        return each(lambda value: not isinstance(value, BNode) and pattern.search(str(value)) is not None)
    if parameter == SH["in"]:
        allowed = set(Collection(shapes, argument))
        return each(lambda value: value in allowed)
    if parameter == SH.hasValue:
        return Check(lambda graph, focus: argument in values(graph, focus), exact=True)
    if parameter in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
        return each(_in_range(parameter, argument), exact=False)
    if parameter in (SH.equals, SH.disjoint):
        same = parameter == SH.equals

        def compared(graph: _Triples, focus: Node) -> bool:
            mine, other = set(values(graph, focus)), set(graph.objects(focus, argument))
            return mine == other if same else not mine & other

        return Check(compared, exact=True)
    if parameter == SH["or"]:
        options = [_shape(shapes, member) for member in Collection(shapes, argument)]
        return Check(
            lambda graph, focus: all(any(option.passes(graph, value) for option in options) for value in values(graph, focus)),
            exact=all(option.exact for option in options),
        )
    if parameter == SH["not"]:
        negated = _shape(shapes, argument)
        if not negated.exact:
            raise Unscreenable(f"{shape}: sh:not of a shape the screen cannot judge exactly")
        return Check(lambda graph, focus: not any(negated.passes(graph, value) for value in values(graph, focus)), exact=True)
    if parameter == SH.node:
        inner = _shape(shapes, argument)
        return Check(lambda graph, focus: all(inner.passes(graph, value) for value in values(graph, focus)), inner.exact)
    if parameter in (SH.qualifiedValueShape, SH.qualifiedMaxCount, SH.qualifiedMinCount) and is_property:
        return _qualified(shapes, shape, values) if parameter == SH.qualifiedValueShape else Check(lambda g, f: True, True)
    raise Unscreenable(f"{shape}: {parameter}")


def _qualified(shapes: Graph, shape: Node, values: Callable[[_Triples, Node], list[Node]]) -> Check:
    if (shape, SH.qualifiedValueShapesDisjoint, None) in shapes:
        raise Unscreenable(f"{shape}: sh:qualifiedValueShapesDisjoint")
    qualified = _shape(shapes, shapes.value(shape, SH.qualifiedValueShape) or RDF.nil)
    if not qualified.exact:
        raise Unscreenable(f"{shape}: a qualified value shape the screen cannot judge exactly")
    low, high = shapes.value(shape, SH.qualifiedMinCount), shapes.value(shape, SH.qualifiedMaxCount)

    def passes(graph: _Triples, focus: Node) -> bool:
        found = sum(1 for value in values(graph, focus) if qualified.passes(graph, value))
        return (low is None or found >= _integer(low)) and (high is None or found <= _integer(high))

    return Check(passes, exact=True)


def _integer(term: Node) -> int:
    if not (isinstance(term, Literal) and isinstance(term.value, int)):
        raise Unscreenable(f"{term}: not an integer")
    return term.value


def _has_datatype(value: Node, datatype: Node) -> bool:
    """pySHACL's sh:datatype: the literal's datatype, well-typed (of the Python type rdflib gives
    where pySHACL checks it), or a plain literal for xsd:string. rdf:langString and rdfs:Literal,
    which pySHACL treats apart, fail here."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == datatype:
        return not value.ill_typed and (datatype not in _VALUE_TYPES or isinstance(value.value, _VALUE_TYPES[datatype]))
    return datatype == _STRING and value.datatype is None and value.language is None


def _in_range(parameter: Node, bound: Node) -> Callable[[Node], bool]:
    """A numeric range check; a value or bound that is not a well-typed number fails."""
    if not (isinstance(bound, Literal) and isinstance(bound.value, _NUMBERS) and not isinstance(bound.value, bool)):
        raise Unscreenable(f"range bound {bound}: not a number")
    limit = bound.value
    compare: dict[Node, Callable[[int | Decimal | float], bool]] = {
        SH.minInclusive: lambda v: v >= limit, SH.maxInclusive: lambda v: v <= limit,
        SH.minExclusive: lambda v: v > limit, SH.maxExclusive: lambda v: v < limit,
    }  # fmt: skip

    def within(value: Node) -> bool:
        if not isinstance(value, Literal) or value.ill_typed:
            return False
        number = value.value
        return isinstance(number, _NUMBERS) and not isinstance(number, bool) and compare[parameter](number)

    return within
