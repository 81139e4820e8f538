"""The ontology (ontology/kg.ttl) against everything that uses it: code, shapes, queries, patterns, docs."""

from __future__ import annotations

import importlib.util
import re
import tokenize
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS

import kg.rdf
from kg.records import (
    EventType,
)
from kg.terms import DCTERMS, KG, ONTOLOGY_IRI, PREFIXES
from sample import EVERY_CLAIM_LINKS, every_claim_extraction

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
DOCS = ROOT / "docs" / "ontology.md"
APACHE_2 = URIRef("https://www.apache.org/licenses/LICENSE-2.0")
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")

# "kg:Name" in any text, and the full IRI form; "kgr:" and "skg:" do not match.
PREFIXED = re.compile(r"(?<![\w-])kg:([A-Za-z_][A-Za-z0-9_-]*)")
FULL_IRI = re.compile(r"<" + re.escape(str(KG)) + r"([^>\s]+)>")
ATTRIBUTE = re.compile(r"\bKG\.([A-Za-z_][A-Za-z0-9_]*)")
ITEM = re.compile(r"""\bKG\[\s*["']([^"']+)["']\s*\]""")
# Columns whose values become KG[value] classes through Entity.type and Entity.kind.
CLASS_COLUMNS = {"patterns/labels.tsv": ("type", "kind"), "gazetteers/igos.tsv": ("kind",)}

# PLOVER codebook (openeventdata/PLOVER PLOVER_MANUAL.tex, "Quad category" of each event
# category; REQUEST is the codebook's DEMAND).
QUAD = {
    "AGREE": KG.VerbalCooperation,
    "CONSULT": KG.VerbalCooperation,
    "SUPPORT": KG.VerbalCooperation,
    "CONCEDE": KG.VerbalCooperation,
    "COOPERATE": KG.MaterialCooperation,
    "AID": KG.MaterialCooperation,
    "RETREAT": KG.MaterialCooperation,
    "REQUEST": KG.VerbalConflict,
    "ACCUSE": KG.VerbalConflict,
    "REJECT": KG.VerbalConflict,
    "THREATEN": KG.VerbalConflict,
    "PROTEST": KG.MaterialConflict,
    "SANCTION": KG.MaterialConflict,
    "MOBILIZE": KG.MaterialConflict,
    "COERCE": KG.MaterialConflict,
    "ASSAULT": KG.MaterialConflict,
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def declared(ontology: Graph) -> set[URIRef]:
    return {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(KG))}


def load_docs_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ontology_docs", ROOT / "scripts" / "ontology_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ontology_parses_with_rdflib_and_pyoxigraph(ontology: Graph) -> None:
    store = pyoxigraph.Store()
    store.load(path=ONTOLOGY, format=pyoxigraph.RdfFormat.TURTLE)
    ntriples = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    assert ntriples is not None
    from_oxigraph = Graph().parse(data=ntriples.decode("utf-8"), format="nt")
    assert len(ontology) > 0
    assert isomorphic(Graph() + ontology, Graph() + from_oxigraph)


def test_ontology_header_has_version_licence_and_description(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    for predicate in (OWL.versionIRI, OWL.versionInfo, DCTERMS.license, DCTERMS.title, DCTERMS.description, RDFS.label, RDFS.comment):
        values = list(ontology.objects(ONTOLOGY_IRI, predicate))
        assert len(values) == 1, f"the ontology header has {len(values)} values of {predicate}, expected 1"
    version = str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo))
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == APACHE_2


def test_ontology_prefixes_are_those_of_terms() -> None:
    declared_prefixes = dict(re.findall(r"@prefix\s+([\w-]*):\s*<([^>]*)>", ONTOLOGY.read_text(encoding="utf-8")))
    wrong = {p: ns for p, ns in declared_prefixes.items() if p not in PREFIXES or str(PREFIXES[p]) != ns}
    assert not wrong, f"ontology/kg.ttl binds prefixes unlike kg/terms.py PREFIXES: {wrong}"


def test_ontology_every_declared_term_has_one_label_and_one_comment(ontology: Graph, declared: set[URIRef]) -> None:
    problems = []
    for term in sorted(declared):
        for predicate in (RDFS.label, RDFS.comment):
            values = list(ontology.objects(term, predicate))
            if len(values) != 1 or not isinstance(values[0], Literal) or values[0].language != "en":
                problems.append(f"{term}: {len(values)} {predicate.fragment} value(s), expected one @en literal")
    assert not problems, "\n".join(problems)


def test_ontology_declares_every_term_used_anywhere(declared: set[URIRef]) -> None:
    """One failure listing every kg: term used in code or data but not declared, and where."""
    uses = _term_uses()
    undeclared = {name: places for name, places in uses.items() if KG[name] not in declared}
    report = [f"kg:{name} used at {', '.join(sorted(places)[:5])}" for name, places in sorted(undeclared.items())]
    report += _not_terms()
    assert len(uses) > 50, f"only {len(uses)} kg terms found in use; the collector is broken"
    assert not report, "terms used but not declared in ontology/kg.ttl:\n" + "\n".join(report)


def test_ontology_event_classes_have_one_quad_class_and_their_plover_type(ontology: Graph) -> None:
    for event_type in EventType:
        cls = kg.rdf.EVENT_CLASS[event_type]
        assert (cls, RDFS.subClassOf, KG.Event) in ontology, f"{cls} is not a subclass of kg:Event"
        assert list(ontology.objects(cls, KG.ploverType)) == [Literal(event_type.value)], cls
        assert list(ontology.objects(cls, KG.quadClass)) == [QUAD[event_type.value]], cls
        for mode in ontology.objects(cls, KG.ploverMode):
            assert (mode, SKOS.inScheme, KG.PloverModes) in ontology, mode
            assert len(list(ontology.objects(mode, SKOS.notation))) == 1, mode
    assert {KG.VerbalCooperation, KG.MaterialCooperation, KG.VerbalConflict, KG.MaterialConflict} == set(
        ontology.subjects(RDF.type, KG.QuadClass)
    )


def test_ontology_consult_modes_follow_the_codebook(ontology: Graph) -> None:
    notations = {str(ontology.value(mode, SKOS.notation)) for mode in ontology.objects(KG.Consult, KG.ploverMode)}
    assert notations == {"visit", "third-party", "multilateral", "phone"}
    assert list(ontology.objects(KG.Agree, KG.ploverMode)) == []


def test_ontology_types_what_rdf_writes(ontology: Graph) -> None:
    """Every kg predicate of a mapped article is a declared property of the right kind and range."""
    graph = kg.rdf.to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS)
    problems: set[str] = set()
    for _, predicate, obj in graph:
        if predicate == RDF.type and str(obj).startswith(str(KG)) and (obj, RDF.type, OWL.Class) not in ontology:
            problems.add(f"rdf:type {obj} is not an owl:Class")
        if not str(predicate).startswith(str(KG)):
            continue
        ranges = set(ontology.objects(predicate, RDFS.range))
        if isinstance(obj, Literal):
            if (predicate, RDF.type, OWL.DatatypeProperty) not in ontology:
                problems.add(f"{predicate} carries a literal but is not an owl:DatatypeProperty")
            datatype = obj.datatype or XSD_STRING
            if ranges and datatype not in ranges:
                problems.add(f"{predicate} carries {datatype}, its range is {sorted(str(r) for r in ranges)}")
        elif (predicate, RDF.type, OWL.ObjectProperty) not in ontology:
            problems.add(f"{predicate} carries an IRI but is not an owl:ObjectProperty")
    assert not problems, "\n".join(sorted(problems))


def test_ontology_docs_are_up_to_date(ontology: Graph) -> None:
    expected = load_docs_script().render(ontology)
    actual = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    assert actual == expected, "docs/ontology.md is out of date with ontology/kg.ttl; regenerate it with: python scripts/ontology_docs.py"


def _term_uses() -> dict[str, set[str]]:
    """kg local name -> places (file:line) where it is used."""
    uses: dict[str, set[str]] = defaultdict(set)
    for path in sorted((ROOT / "kg").rglob("*.py")):
        for number, line in _code_lines(path):
            for pattern in (ATTRIBUTE, ITEM, PREFIXED, FULL_IRI):
                for name in pattern.findall(line):
                    uses[name].add(f"{path.relative_to(ROOT)}:{number}")
    for name, value in vars(kg.rdf).items():
        values = value.values() if isinstance(value, dict) else ()
        for term in values:
            if isinstance(term, URIRef) and term.startswith(str(KG)):
                uses[term[len(str(KG)) :]].add(f"kg.rdf.{name}")
    for folder, suffixes in (("shapes", ("*.ttl",)), ("queries", ("*.rq",)), ("patterns", ("*.tsv", "*.jsonl"))):
        for suffix in suffixes:
            for path in sorted((ROOT / folder).glob(suffix)):
                _text_uses(path, uses)
    for relative, columns in CLASS_COLUMNS.items():
        _column_uses(ROOT / relative, columns, uses)
    return uses


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """The numbered lines of a Python file with its comments blanked out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    with path.open("rb") as source:
        for token in tokenize.tokenize(source.readline):
            if token.type == tokenize.COMMENT:
                row, column = token.start
                lines[row - 1] = lines[row - 1][:column]
    return list(enumerate(lines, 1))


def _text_uses(path: Path, uses: dict[str, set[str]]) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for pattern in (PREFIXED, FULL_IRI):
            for name in pattern.findall(line):
                uses[name].add(f"{path.relative_to(ROOT)}:{number}")


def _column_uses(path: Path, columns: tuple[str, ...], uses: dict[str, set[str]]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    missing = [column for column in columns if column not in header]
    assert not missing, f"{path.relative_to(ROOT)} has no column {missing}; update CLASS_COLUMNS in tests/test_ontology.py"
    for number, line in enumerate(lines[1:], 2):
        cells = dict(zip(header, line.split("\t")))
        for column in columns:
            if cells.get(column):
                uses[cells[column]].add(f"{path.relative_to(ROOT)}:{number}")


def _not_terms() -> list[str]:
    """`KG.name` where name is a method of rdflib's Namespace or of str, which is not a term at all."""
    found = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        for number, line in _code_lines(path):
            for name in ATTRIBUTE.findall(line):
                if not isinstance(getattr(KG, name), URIRef):
                    found.append(f"KG.{name} at {path.relative_to(ROOT)}:{number} is not a term (a method of Namespace); write KG[{name!r}]")
    return found
