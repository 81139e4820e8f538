"""Every saved query gives the same rows on any SPARQL 1.1 store with default settings.

The saved queries name the graphs they read (docs/dataset.md), so the answer must not depend on
whether the store treats its default graph as the union of the named graphs, and a real
`oxigraph serve` loaded with the TriG export must answer exactly as the embedded store does.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING

import pytest
from pyoxigraph import Literal, NamedNode, QuerySolutions, RdfFormat, Store

from fixture import fixture_store
from kg.query import load_queries, prepare_query, resolve_entity_params
from test_saved_queries import fixture_params

if TYPE_CHECKING:
    from conftest import OxigraphServer

QUERIES = load_queries()
LOCAL = sorted(set(QUERIES) - {"heads_of_state_wikidata"})


def _rows(solutions: object) -> list[list[str]]:
    assert isinstance(solutions, QuerySolutions)
    width = len(solutions.variables)
    return [["" if row[i] is None else str(row[i]) for i in range(width)] for row in solutions]


@pytest.fixture(scope="module")
def store() -> Store:
    return fixture_store()


@pytest.mark.parametrize("name", LOCAL)
def test_standard_store_rows_do_not_depend_on_the_union_default_graph(store: Store, name: str) -> None:
    text = prepare_query(QUERIES[name], resolve_entity_params(store, QUERIES[name], fixture_params(QUERIES[name])))
    plain = _rows(store.query(text))
    assert plain, f"{name} finds nothing on the fixture; the comparison would prove nothing"
    assert plain == _rows(store.query(text, use_default_graph_as_union=True))


def _remote_rows(endpoint: str, text: str) -> list[list[str]]:
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode({"query": text}).encode("utf-8"),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=30) as response:
        results = json.load(response)
    variables = results["head"]["vars"]

    def term(cell: dict[str, str] | None) -> str:
        if cell is None:
            return ""
        if cell["type"] == "uri":
            return str(NamedNode(cell["value"]))
        if "xml:lang" in cell:
            return str(Literal(cell["value"], language=cell["xml:lang"]))
        return str(Literal(cell["value"], datatype=NamedNode(cell["datatype"]) if "datatype" in cell else None))

    return [[term(binding.get(variable)) for variable in variables] for binding in results["results"]["bindings"]]


@pytest.mark.server
def test_standard_store_oxigraph_server_gives_the_same_rows(store: Store, oxigraph_server: "OxigraphServer") -> None:
    trig = store.dump(format=RdfFormat.TRIG)
    assert trig is not None
    request = urllib.request.Request(
        f"{oxigraph_server.url}/store", data=trig, method="POST", headers={"Content-Type": "application/trig"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
    for name in LOCAL:
        text = prepare_query(QUERIES[name], resolve_entity_params(store, QUERIES[name], fixture_params(QUERIES[name])))
        assert _remote_rows(oxigraph_server.query_url, text) == _rows(store.query(text)), name
