"""The shape screen (kg.shape_screen): it never passes a graph on which pySHACL reports a result.

Held to pySHACL itself on the shape fixtures, the mapping of every claim kind, and those graphs
with each of their triples in turn removed or its object swapped for a node of another kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

from kg.rdf import to_graph
from kg.shape_screen import Unscreenable, compile_screen
from kg.validate import _COMPILED, load_shapes
from sample import EVERY_CLAIM_LINKS, every_claim_extraction

FIXTURES = Path(__file__).parent / "shapes"
NAMES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
SWAPS = (Literal("x"), Literal("2025-02-30", datatype=XSD.date), Literal(-1), URIRef("https://example.org/thing"))


@pytest.fixture(scope="module")
def core() -> Graph:
    """The shapes as the screen sees them: without the natively checked SPARQL shapes."""
    return _COMPILED[load_shapes()].core


@pytest.fixture(scope="module")
def screen(core: Graph) -> Callable[[Graph], bool]:
    return compile_screen(core)


def _fixture(*parts: str) -> Graph:
    graph = Graph().parse(FIXTURES / "context.ttl", format="turtle")
    return graph.parse(FIXTURES.joinpath(*parts), format="turtle") if parts else graph


def _pyshacl_reports(graph: Graph, core: Graph) -> bool:
    _, results, _ = pyshacl.validate(graph, shacl_graph=core, inference="none", allow_warnings=True)
    assert isinstance(results, Graph)
    return (None, SH.result, None) in results


def _mutations(graph: Graph, every: int, among: Graph | None = None) -> Iterator[Graph]:
    """`graph` with every `every`th triple (of `among`, by default of `graph`) removed, then swapped."""
    for number, triple in enumerate(sorted(among if among is not None else graph)):
        if number % every:
            continue
        less = Graph()
        for kept in graph:
            if kept != triple:
                less.add(kept)
        yield less
        swapped = Graph()
        for kept in less:
            swapped.add(kept)
        swapped.add((triple[0], triple[1], SWAPS[number // every % len(SWAPS)]))
        yield swapped


def test_shape_screen_passes_the_conforming_fixtures(screen: Callable[[Graph], bool]) -> None:
    assert screen(_fixture())
    assert [name for name in NAMES if not screen(_fixture(name, "valid.ttl"))] == []
    assert screen(to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS))


@pytest.mark.parametrize("name", NAMES)
def test_shape_screen_fails_every_graph_pyshacl_reports_on(name: str, core: Graph, screen: Callable[[Graph], bool]) -> None:
    own = Graph().parse(FIXTURES / name / "valid.ttl", format="turtle")
    graphs = [_fixture(name, "invalid.ttl"), *_mutations(_fixture(name, "valid.ttl"), every=2, among=own)]
    reported = [graph for graph in graphs if _pyshacl_reports(graph, core)]
    assert reported, "no mutation that pySHACL reports on: the test would prove nothing"
    assert [graph for graph in reported if screen(graph)] == []


def test_shape_screen_fails_every_mutation_of_the_mapping_pyshacl_reports_on(core: Graph, screen: Callable[[Graph], bool]) -> None:
    graph = to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS)
    mutations = list(_mutations(graph, every=15))
    reported = [mutation for mutation in mutations if _pyshacl_reports(mutation, core)]
    assert len(reported) > len(mutations) // 4
    assert [mutation for mutation in reported if screen(mutation)] == []


@pytest.mark.parametrize(
    "constraint",
    ["sh:path kg:earliest ; sh:lessThan kg:latest", "sh:path kg:earliest ; sh:languageIn ( \"en\" )",
     "sh:path kg:earliest ; sh:sparql [ sh:select \"SELECT $this WHERE {}\" ]",
     "sh:path [ sh:inversePath kg:earliest ] ; sh:minCount 1", "sh:path kg:earliest ; sh:not [ sh:class kg:State ]"],  # fmt: skip
)
def test_shape_screen_refuses_shapes_it_cannot_judge(constraint: str) -> None:
    shapes = Graph().parse(
        format="turtle",
        data=f"""
            @prefix sh: <http://www.w3.org/ns/shacl#> .
            @prefix kg: <https://w3id.org/kg-ir/ontology#> .
            <https://example.org/shapes#S> a sh:NodeShape ; sh:targetClass kg:Interval ;
                sh:property [ {constraint} ] .
        """,
    )
    with pytest.raises(Unscreenable):
        compile_screen(shapes)
