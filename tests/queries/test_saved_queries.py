"""Every saved query on the one shared fixture graph: complete header, parses, exact expected rows.

Expected rows live beside this file as <name>.expected.csv, written as kg.query.format_csv
writes them. The federated query runs against a local Oxigraph server standing in for Wikidata.
"""

from __future__ import annotations

import csv
import io
import re
import urllib.parse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pyoxigraph import Store
from rdflib.plugins.sparql import prepareQuery

from fixture import PERSON, STATE, _Article, fixture_graphs, fixture_store
from kg.rdf import to_graph
from kg.records import Article, Role
from kg.store import KgStore
from sample import EVERY_CLAIM_LINKS, every_claim_extraction
from kg.query import PARAM_TYPES, SavedQuery, bind_params, format_csv, load_queries, prepare_query, resolve_entity_params, run_query

if TYPE_CHECKING:
    from conftest import OxigraphServer

HERE = Path(__file__).parent
REFERENCE = HERE.parents[2] / "shared" / "reference"
EXTRACT = HERE / "wikidata_heads_of_state.nt"
QUERIES = load_queries()
FEDERATED = "heads_of_state_wikidata"
WIKIDATA_GRAPH = "urn:kg-test:wikidata-extract"
# The headers' examples name what the bundled examples/ hold (tests/test_examples.py); where the
# fixture holds other things, its parameters are these.
FIXTURE_PARAMS = {
    "actor_timeline": {"actor": "person:Nicol%C3%A1s_Maduro"},
    "entities_named": {"name": "Washington"},
    "events_between": {"first": "state:United_States", "second": "Venezuela", "from": "2025-11-01", "to": "2025-11-30"},
    "events_of_type": {"type": "kg:Consult", "from": "2018-01-01", "to": "2025-12-31"},
    "evidence_for_fact": {"fact": "designation:519fb6179c002fa0968a"},
}


def fixture_params(query: SavedQuery) -> dict[str, str]:
    return FIXTURE_PARAMS.get(query.name, query.examples())


@pytest.fixture(scope="module")
def store() -> Store:
    return fixture_store()


def _expected(name: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO((HERE / f"{name}.expected.csv").read_text(encoding="utf-8"))))
    return rows[0], rows[1:]


def _compare(query: SavedQuery, csv_text: str) -> None:
    header, expected = _expected(query.name)
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0] == header == list(query.returns)
    actual = rows[1:]
    if not re.search(r"\bORDER\s+BY\b", query.text, re.IGNORECASE):
        actual, expected = sorted(actual), sorted(expected)
    assert actual == expected, "\n".join(
        ["only in expected:", *map(str, [r for r in expected if r not in actual]),
         "only in actual:", *map(str, [r for r in actual if r not in expected])]
    )  # fmt: skip


def test_queries_at_least_fifteen_with_expected_rows() -> None:
    assert len(QUERIES) >= 15
    expected_files = {path.name.removesuffix(".expected.csv") for path in HERE.glob("*.expected.csv")}
    assert expected_files == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_header_complete(store: Store, name: str) -> None:
    """(That the examples run and return rows on examples/ is tests/test_examples.py's.)"""
    query = QUERIES[name]
    assert query.title.endswith("?") and query.description and query.returns
    assert all(param.type in PARAM_TYPES and param.example and param.description for param in query.params)
    bound = bind_params(query, resolve_entity_params(store, query, fixture_params(query)))
    assert set(bound) == {variable for param in query.params for variable in param.variables()}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_parses_in_rdflib_too(name: str) -> None:
    """The saved text and the text with bound parameters are standard SPARQL 1.1, not only Oxigraph's."""
    query = QUERIES[name]
    prepareQuery(query.text)
    prepareQuery(prepare_query(query, resolve_entity_params(fixture_store(), query, fixture_params(query))))


@pytest.mark.parametrize("name", sorted(set(QUERIES) - {FEDERATED}))
def test_query_returns_expected_rows(store: Store, name: str) -> None:
    query = QUERIES[name]
    _compare(query, format_csv(run_query(store, query, fixture_params(query))))


def test_leaders_of_state_leaves_a_former_holder_out() -> None:
    """A later article calling Maduro the former president does not report him as president then."""
    a = _Article(Article(id="wire-former-president", text="Former Venezuelan President Nicolás Maduro spoke.",
                         published=date(2025, 12, 5)))  # fmt: skip
    a.entity("venezuela", "Venezuela", STATE, "Venezuelan", qid="Q717")
    a.entity("maduro", "Nicolás Maduro", PERSON, "Nicolás Maduro", qid="Q58132")
    a.claims.append(Role("maduro", "president", "venezuela", a.said("Former Venezuelan", "kg.roles.v2", 0.9), ended=True))
    store = KgStore(None)
    for article_id, graph in {**fixture_graphs(), "wire-former-president": to_graph(*a.extraction())}.items():
        store.replace_article(article_id, graph)
    query = QUERIES["leaders_of_state"]
    params = resolve_entity_params(store.oxigraph, query, {"state": "Venezuela", "on": "2025-12-31"})
    rows = list(csv.reader(io.StringIO(format_csv(run_query(store.oxigraph, query, params)))))
    assert [row[0] for row in rows[1:]] == ["president"] and rows[1][3] == "2025-11-29"


def test_query_only_the_federated_query_calls_a_service() -> None:
    assert [name for name, query in QUERIES.items() if re.search(r"^\s*SERVICE\b", query.text, re.M)] == [FEDERATED]


def wikidata_extract(reference: Path) -> str:
    """A Wikidata-shaped extract (P35 and English labels) of the fixture's states, from reference rows.

    The heads of state are the 2022 holders of `leaders-wikidata-2022.csv` ("President of ..."
    rows still open), so Wikidata and the 2025 articles disagree about the United States.
    """
    states = {"Q30", "Q159", "Q717"}
    lines = [f"# Made by tests/queries/test_saved_queries.py:wikidata_extract from {reference.name}/states.csv and"]
    lines.append("# leaders-wikidata-2022.csv (Wikidata query results, CC0; see their SOURCES.md).")

    def label(qid: str, name: str) -> str:
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        return f'<http://www.wikidata.org/entity/{qid}> <http://www.w3.org/2000/01/rdf-schema#label> "{escaped}"@en .'

    with (reference / "states.csv").open(encoding="utf-8") as handle:
        lines += [label(row["qid"], row["name"]) for row in csv.DictReader(handle) if row["qid"] in states]
    with (reference / "leaders-wikidata-2022.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["country_qid"] in states and row["position"].startswith("President of") and not row["end_year"]:
                lines.append(
                    f"<http://www.wikidata.org/entity/{row['country_qid']}> "
                    f"<http://www.wikidata.org/prop/direct/P35> <http://www.wikidata.org/entity/{row['person_qid']}> ."
                )
                lines.append(label(row["person_qid"], row["person"]))
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not (REFERENCE / "states.csv").is_file(), reason=f"reference tables not found at {REFERENCE}")
def test_query_wikidata_extract_matches_reference() -> None:
    assert EXTRACT.read_text(encoding="utf-8") == wikidata_extract(REFERENCE)


@pytest.mark.server
def test_query_federated_heads_of_state(store: Store, oxigraph_server: "OxigraphServer") -> None:
    oxigraph_server.load(EXTRACT.read_text(encoding="utf-8"), content_type="application/n-triples", graph=WIKIDATA_GRAPH)
    # The extract sits in its own graph, so other tests' data on the shared server cannot change the answer.
    endpoint = f"{oxigraph_server.query_url}?default-graph-uri={urllib.parse.quote(WIKIDATA_GRAPH, safe='')}"
    query = QUERIES[FEDERATED]
    _compare(query, format_csv(run_query(store, query, service_endpoint=endpoint)))


def test_query_events_of_type_gives_an_event_whose_actor_is_not_stated() -> None:
    with KgStore(None) as kg_store:
        kg_store.replace_article("seed-all-claims", to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS))
        params = {"type": "kg:Mobilize", "from": "2025-11-01", "to": "2025-11-30"}
        rows = list(csv.DictReader(io.StringIO(format_csv(run_query(kg_store.oxigraph, QUERIES["events_of_type"], params)))))
    assert [(row["actor"], row["actor_iri"], row["target"]) for row in rows] == [("", "", "Venezuela")]  # the other is undated


def test_query_report_events_gives_an_event_whose_actor_is_not_stated_uncontested() -> None:
    with KgStore(None) as kg_store:
        kg_store.replace_article("seed-all-claims", to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS))
        rows = list(csv.DictReader(io.StringIO(format_csv(run_query(kg_store.oxigraph, QUERIES["report_events"], {})))))
    mobilize = [row for row in rows if row["type"].endswith("Mobilize")]
    assert sorted((row["actor"] == "", row["contested"]) for row in mobilize) == [
        (False, "false"), (False, "false"), (True, "false")  # the US and its strike group; no one stated
    ], mobilize


_KG, _KGR = "https://w3id.org/kg-ir/ontology#", "https://w3id.org/kg-ir/id/"
_XSD_BOOLEAN = "<http://www.w3.org/2001/XMLSchema#boolean>"


def _facts_store(facts: str, labels: dict[str, str]) -> Store:
    """A store of one article graph holding `facts` (Turtle predicates with the kg: prefix) and
    the entities graph labelling and typing `labels` (local name -> label) as states."""
    entities = " ".join(
        f'<{_KGR}state/{name}> a <{_KG}State> ; <http://www.w3.org/2000/01/rdf-schema#label> "{label}" .'
        for name, label in labels.items()
    )
    store = Store()
    store.update(
        f"PREFIX kg: <{_KG}> PREFIX s: <{_KGR}state/> PREFIX e: <{_KGR}event/> "
        f"INSERT DATA {{ GRAPH <{_KGR}graph/a1> {{ {facts} }} GRAPH <{_KGR}entities> {{ {entities} }} }}"
    )
    return store


def test_query_who_talked_to_whom_other_participant_of_a_consultation_with_its_actor_as_target() -> None:
    """Two participants only, but the actor is also a target: the row of the actor with itself
    has the other target as its other participant (the grouped look-up must not skip it)."""
    facts = (
        f'e:c a kg:Consult ; kg:actor s:A ; kg:target s:A, s:B ; kg:derivedFrom <{_KGR}article/a1> ; '
        f'kg:negated "false"^^{_XSD_BOOLEAN} ; kg:hypothetical "false"^^{_XSD_BOOLEAN} .'
    )
    rows = run_query(_facts_store(facts, {"A": "Aland", "B": "Bland"}), QUERIES["who_talked_to_whom"]).rows
    assert [(row[0], row[2], row[7]) for row in rows] == [("Aland", "Aland", "Bland"), ("Aland", "Bland", None)]


def test_query_contested_claims_denial_without_target_meets_claim_without_target_only() -> None:
    claim = 'kg:actor s:A ; kg:claimedBy s:{who} ; kg:derivedFrom <{art}> ; kg:negated "{negated}"^^{boolean} ; kg:hypothetical "false"^^{boolean}'
    facts = " ".join(
        f"e:{name} a kg:Capture ; {claim.format(who=who, art=_KGR + 'article/a1', negated=negated, boolean=_XSD_BOOLEAN)}{extra} ."
        for name, who, negated, extra in [
            ("claimed", "A", "false", ""),
            ("denied", "B", "true", ""),
            ("claimed_with_target", "C", "false", " ; kg:target s:B"),
        ]
    )
    rows = run_query(_facts_store(facts, {"A": "Aland", "B": "Bland", "C": "Cland"}), QUERIES["contested_claims"]).rows
    assert [(row[1], row[3], row[5], row[7]) for row in rows] == [("Aland", None, "Aland", "Bland")]
