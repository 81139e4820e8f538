"""The SHACL shapes of shapes/: data-driven fixtures per shape, their own validity, and their
agreement with the RDF mapping (kg.rdf).

Each tests/shapes/<ShapeName>/ holds valid.ttl, which conforms with no result at all, and
invalid.ttl, whose header lines `# expect: <focus node> sh:<ConstraintComponent>` list exactly the
results it yields, all of them from that shape. Both are validated together with
tests/shapes/context.ttl, the article and entities they refer to.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Literal, Node

from kg.rdf import (
    ASSET_CLASS,
    DESIGNATION_CATEGORY,
    DESIGNATION_STATUS,
    ENTITY_CLASS,
    EVENT_CLASS,
    claim_iri,
    entity_iris,
    to_graph,
)
from kg.records import (
    AssetClass,
    Deployment,
    Designation,
    DesignationCategory,
    Event,
    EventType,
    Extraction,
    Granularity,
    Membership,
    Role,
)
from kg.extract.role_words import load_place_offices
from kg.resources import data_dir
from kg.terms import KG
from kg.validate import load_shapes, owning_fact, validate
from sample import EVERY_CLAIM_LINKS, every_claim_extraction

KGSH = Namespace("https://w3id.org/kg-ir/shapes#")
FIXTURES = Path(__file__).parent / "shapes"
SHAPE_NAMES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
SHAPE_FILES = sorted(data_dir("shapes").glob("*.ttl"))
EXPECT = re.compile(r"# expect: (\S+) sh:(\w+ConstraintComponent)")
# Shape parameters that are not constraints: a shape with nothing else reports no result itself.
NOT_CONSTRAINTS = frozenset(
    {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target, SH.property, SH.sparql}
    | {SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.prefixes, SH.select, RDF.type}
)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def _fixture(path: Path) -> Graph:
    graph = Graph()
    graph.parse(FIXTURES / "context.ttl", format="turtle")
    graph.parse(path, format="turtle")
    return graph


def _expected(path: Path, graph: Graph) -> set[tuple[Node, str]]:
    expected: set[tuple[Node, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = EXPECT.fullmatch(line)
        if match is None:
            continue
        term, component = match.groups()
        focus = URIRef(term[1:-1]) if term.startswith("<") else graph.namespace_manager.expand_curie(term)
        expected.add((focus, component))
    return expected


def _local(node: Node) -> str:
    return str(node).removeprefix(str(KGSH))


def _listed(shapes: Graph, shape: URIRef, parameter: URIRef) -> set[Node]:
    head = shapes.value(shape, parameter)
    assert head is not None, f"{shape} has no {parameter}"
    return set(Collection(shapes, head))


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_shapes_valid_fixture_conforms(shapes: Graph, name: str) -> None:
    report = validate(_fixture(FIXTURES / name / "valid.ttl"), shapes)
    assert report.violations == ()
    assert report.conforms


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_shapes_invalid_fixture_fails_where_listed(shapes: Graph, name: str) -> None:
    path = FIXTURES / name / "invalid.ttl"
    graph = _fixture(path)
    expected = _expected(path, graph)
    assert expected, f"{path} lists no '# expect:' line"
    report = validate(graph, shapes)
    assert {(violation.focus_node, violation.constraint) for violation in report.violations} == expected
    assert {_local(violation.shape).split("-")[0] for violation in report.violations} == {name}


def test_shapes_context_conforms(shapes: Graph) -> None:
    report = validate(_fixture(FIXTURES / "context.ttl"), shapes)
    assert report.violations == ()


def test_shapes_every_node_shape_has_fixtures(shapes: Graph) -> None:
    node_shapes = {_local(shape) for shape in shapes.subjects(RDF.type, SH.NodeShape)}
    assert node_shapes == set(SHAPE_NAMES)
    for name in SHAPE_NAMES:
        assert (FIXTURES / name / "valid.ttl").is_file()
        assert (FIXTURES / name / "invalid.ttl").is_file()


@pytest.mark.parametrize("path", SHAPE_FILES, ids=lambda path: path.name)
def test_shapes_file_parses(path: Path) -> None:
    quads = list(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.TURTLE))
    graph = Graph().parse(path, format="turtle")
    assert len(graph) == len(quads) > 0
    assert any(graph.subjects(RDF.type, SH.NodeShape)), f"{path.name} declares no node shape"


def test_shapes_names_follow_the_convention(shapes: Graph) -> None:
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert re.fullmatch(r"[A-Z][A-Za-z]*Shape", _local(shape)), shape
    for owner, member in shapes.subject_objects(SH.property):
        assert _local(member).startswith(f"{_local(owner)}-"), member
    for owner, member in shapes.subject_objects(SH.sparql):
        assert _local(member).startswith(f"{_local(owner)}-"), member


def test_shapes_every_constraint_has_a_message(shapes: Graph) -> None:
    reporting = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.objects(None, SH.property))
    constrained = {shape for shape in reporting if set(shapes.predicates(shape)) - NOT_CONSTRAINTS}
    sparql = set(shapes.objects(None, SH.sparql))
    missing = sorted(str(shape) for shape in constrained | sparql if shapes.value(shape, SH.message) is None)
    assert missing == []
    assert len(constrained) > 60


def test_shapes_pass_shacl_shacl(shapes: Graph) -> None:
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True, inference="none", advanced=True)
    assert conforms, text


def test_shapes_accept_every_value_the_mapping_writes(shapes: Graph) -> None:
    fact_classes = {KG.Tenure, KG.Designation, KG.Deployment, KG.Membership, *EVENT_CLASS.values()}
    assert _listed(shapes, KGSH["DesignationShape-category"], SH["in"]) == set(DESIGNATION_CATEGORY.values())
    assert _listed(shapes, KGSH["DesignationShape-status"], SH["in"]) == set(DESIGNATION_STATUS.values())
    assert _listed(shapes, KGSH["IntervalShape-granularity"], SH["in"]) == {
        Literal(value) for value in typing.get_args(Granularity)
    }
    assert set(shapes.objects(KGSH.EntityShape, SH.targetClass)) == set(ENTITY_CLASS.values())
    assert set(shapes.objects(KGSH.MilitaryAssetShape, SH.targetClass)) == set(ASSET_CLASS.values())
    assert set(shapes.objects(KGSH.EventShape, SH.targetClass)) == set(EVENT_CLASS.values())
    assert set(shapes.objects(KGSH.FactShape, SH.targetClass)) == fact_classes


# --------------------------------------------------------------------------- the mapping's own graph


def test_shapes_accept_the_mapping_of_every_claim_kind(shapes: Graph) -> None:
    graph = to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS)
    report = validate(graph, shapes)
    assert report.violations == ()
    emitted = set(graph.objects(None, RDF.type)) - {KG.InternationalOrganization}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert emitted - targeted == set()
    assert {KG.Tenure, KG.Designation, KG.Deployment, KG.Membership, KG.Consult, KG.LinkCandidate} <= emitted


def test_shapes_accept_the_mapping_of_a_former_holders_tenure(shapes: Graph) -> None:
    extraction = every_claim_extraction()
    former = [dataclasses.replace(claim, ended=True) for claim in extraction.claims if isinstance(claim, Role)]
    graph = to_graph(dataclasses.replace(extraction, claims=(*former, *extraction.claims)), EVERY_CLAIM_LINKS)
    assert set(graph.subjects(KG.ended, Literal(True))) and validate(graph, shapes).violations == ()


def test_shapes_accept_the_mapping_of_an_office_a_place_holds(shapes: Graph) -> None:
    """A governor's, mayor's or premier's office is a Location's (patterns/place_offices.tsv);
    the shapes check the kind of owner and the title, not which place it is."""
    extraction = every_claim_extraction()
    evidence = extraction.claims[0].provenance
    offices = tuple(Role("maduro", role, "caribbean", evidence) for role in ("governor", "mayor", "premier"))
    graph = to_graph(dataclasses.replace(extraction, claims=extraction.claims + offices), EVERY_CLAIM_LINKS)
    assert validate(graph, shapes).violations == ()
    place = entity_iris(extraction, EVERY_CLAIM_LINKS)["caribbean"]
    assert {str(graph.value(position, KG.roleName)) for position in graph.subjects(KG.positionOf, place)} == {
        "governor", "mayor", "premier"}


def test_shapes_list_the_offices_a_place_holds(shapes: Graph) -> None:
    assert _listed(shapes, KGSH["TenureShape-placeOffice-subnational-role"], SH["in"]) == {
        Literal(role) for role in load_place_offices().values()
    }


def test_shapes_reject_a_misread_claim_at_its_fact_alone(shapes: Graph) -> None:
    """A claim with entities of the wrong types fails at its own fact node, never at an entity,
    so the pipeline can drop that claim and keep the rest of the article."""
    extraction = every_claim_extraction()
    evidence = extraction.claims[0].provenance
    misread = (
        Role("opec", "leader", "caribbean", evidence),  # an organization holding an office of a place
        Role("trump", "leader", "caribbean", evidence),  # the leader of a sea
        Membership("venezuela", "us", evidence),  # a member of a state
        Deployment("trump", AssetClass.BOMBER, evidence, operator="caribbean"),  # a person deployed
        Designation("us", "us", DesignationCategory.SANCTIONS, evidence),  # a self-designation
        Event(EventType.ASSAULT, (), ("venezuela",), evidence, location="opec", assets=("trump",)),
    )
    extraction = Extraction(extraction.article, extraction.entities, extraction.claims + misread)
    graph = to_graph(extraction, EVERY_CLAIM_LINKS)
    report = validate(graph, shapes)
    iris = entity_iris(extraction, EVERY_CLAIM_LINKS)
    failing = {owning_fact(graph, v.focus_node) for v in report.violations if v.severity == "Violation"}
    assert failing == {claim_iri(extraction.article.id, claim, iris) for claim in misread}
