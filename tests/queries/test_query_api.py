"""kg.query itself: loading and resolving queries, binding parameters, the static check, writers.

Includes the saved-query items of RELIABILITY.md: 39 (string injection), 40 (IRI injection),
41 (undeclared, missing, repeated parameters), 42 (SERVICE and LOAD in ad-hoc queries, with a
loopback canary that must see no request) and 45 (path traversal and symlinks).
"""

from __future__ import annotations

import http.server
import json
import threading
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, Store

from fixture import fixture_store
from kg.errors import DataFileError, QueryError
from kg.query import (
    WIKIDATA_SPARQL,
    QueryResult,
    bind_params,
    format_csv,
    format_json,
    format_table,
    load_queries,
    parse_param_args,
    prepare_query,
    resolve_query,
    run_query,
)
from kg.sparql import check_query

HEADER = "# title: T?\n# description: D.\n# returns: entity\n"


@pytest.fixture(scope="module")
def store() -> Store:
    return fixture_store()


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self._answer()

    def _answer(self) -> None:
        _Canary.hits.append(self.path)
        body = b'{"head": {"vars": []}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def canary() -> Iterator[str]:
    """A loopback HTTP server that records every request: nothing may reach it."""
    _Canary.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _adhoc(tmp_path: Path, text: str, name: str = "adhoc.rq") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class _NoQueries:
    """A store stand-in that fails the test if a query reaches it."""

    def query(self, *args: object, **kwargs: object) -> object:
        raise AssertionError("the query was executed")


# --------------------------------------------------------------------------- parameters


def test_query_string_parameter_cannot_break_out(store: Store) -> None:
    query = resolve_query("entities_named")
    assert run_query(store, query, {"name": 'nobody" || true || "'}).rows == ()
    assert run_query(store, query, {"name": "washington"}).rows != ()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_query_any_string_parameter_binds_as_one_literal(name: str) -> None:
    query = resolve_query("entities_named")
    rows = run_query(_STORE, query, {"name": name}).rows
    assert all(name.lower() in _KNOWN_NAMES for _ in rows)


_STORE = fixture_store()
_KNOWN_NAMES = {
    str(row["n"].value).lower()
    for row in _STORE.query(
        "SELECT ?n WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label>|<https://w3id.org/kg-ir/ontology#alias> ?n }",
        use_default_graph_as_union=True,
    )
}


def test_query_iri_parameter_injection_rejected_before_execution() -> None:
    query = resolve_query("actor_timeline")
    with pytest.raises(QueryError) as error:
        run_query(_NoQueries(), query, {"actor": "http://x> } ; DROP ALL ; <y"})  # type: ignore[arg-type]
    assert str(error.value) == (
        "parameter 'actor': 'http://x> } ; DROP ALL ; <y' is not an absolute IRI (Invalid IRI code point '>')"
    )


def test_query_iri_parameter_must_be_absolute() -> None:
    query = resolve_query("events_of_type")
    with pytest.raises(QueryError, match="'Consult' is not an absolute IRI"):
        bind_params(query, {"type": "Consult", "from": "2025-01-01", "to": "2025-12-31"})


def test_query_iri_parameter_expands_kg_prefixes() -> None:
    query = resolve_query("events_of_type")
    bound = bind_params(query, {"type": "kg:Consult", "from": "2025-01-01", "to": "2025-12-31"})
    assert bound["type"].value == "https://w3id.org/kg-ir/ontology#Consult"


def test_query_undeclared_parameter_rejected() -> None:
    with pytest.raises(QueryError) as error:
        run_query(_NoQueries(), resolve_query("articles_overview"), {"since": "2025-01-01"})  # type: ignore[arg-type]
    assert str(error.value) == "query 'articles_overview' has no parameter 'since' (its parameters: none)"


def test_query_missing_parameter_rejected() -> None:
    with pytest.raises(QueryError) as error:
        run_query(_NoQueries(), resolve_query("leaders_of_state"), {"state": "kgr:state/Venezuela"})  # type: ignore[arg-type]
    assert str(error.value) == "query 'leaders_of_state' needs a value for on, e.g. --param on=2025-11-30"


def test_query_repeated_parameter_rejected() -> None:
    pairs = parse_param_args(["name=Washington", "name=Caracas"])
    with pytest.raises(QueryError) as error:
        run_query(_NoQueries(), resolve_query("entities_named"), pairs)  # type: ignore[arg-type]
    assert str(error.value) == "query 'entities_named': parameter 'name' is given more than once"


def test_query_param_argument_needs_equals_sign() -> None:
    with pytest.raises(QueryError, match=r"--param 'name': expected NAME=VALUE"):
        parse_param_args(["name"])


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("leaders_of_state", {"state": "kgr:state/X", "on": "2025-13-01"},
         "parameter 'on': '2025-13-01' is not a date (YYYY-MM-DD)"),
        ("leaders_of_state", {"state": "kgr:state/X", "on": "30 Nov 2025"},
         "parameter 'on': '30 Nov 2025' is not a date (YYYY-MM-DD)"),
        ("facts_reported_by_articles", {"min_articles": "two"}, "parameter 'min_articles': 'two' is not an integer"),
        ("low_confidence_facts", {"below": "1e3"}, "parameter 'below': '1e3' is not a decimal number"),
    ],
)  # fmt: skip
def test_query_typed_parameter_rejects_bad_value(name: str, params: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError) as error:
        bind_params(resolve_query(name), params)
    assert str(error.value) == message


def test_query_typed_parameters_become_typed_literals() -> None:
    bound = bind_params(resolve_query("low_confidence_facts"), {"below": "0.70"})
    assert str(bound["below"]) == '"0.70"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    bound = bind_params(resolve_query("facts_reported_by_articles"), {"min_articles": "+02"})
    assert str(bound["min_articles"]) == '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'


def test_query_parameters_enter_as_terms_in_place_of_their_variables() -> None:
    text = prepare_query(resolve_query("entities_named"), {"name": 'a"b'})
    assert 'LCASE("a\\"b")' in text and "?name" not in text


def test_query_name_parameter_binds_the_name_and_its_folded_key() -> None:
    bound = bind_params(resolve_query("entities_named"), {"name": "the Türkiye's"})
    assert (str(bound["name"]), str(bound["name_key"])) == ('"the Türkiye\'s"', '"turkiye"')


@pytest.mark.parametrize("name", ["Washington", "WASHINGTON", "u.s.", "US", "Türkiye"])
def test_query_entities_named_by_key_finds_what_comparing_every_name_finds(store: Store, name: str) -> None:
    """The name keys only narrow the names compared: the rows are those of comparing every
    label and alias of the store with the name, ignoring case."""
    every_name = """
        PREFIX kg: <https://w3id.org/kg-ir/ontology#>
        PREFIX kgr: <https://w3id.org/kg-ir/id/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?entity ?label ?type WHERE {
          { SELECT DISTINCT ?entity WHERE {
              { GRAPH kgr:entities { ?entity rdfs:label ?known_as } } UNION { GRAPH ?g { ?entity kg:alias ?known_as } }
              FILTER (LCASE(STR(?known_as)) = LCASE(NAME)) } }
          GRAPH kgr:entities { ?entity a ?type ; rdfs:label ?label }
          FILTER (?type IN (kg:State, kg:Person, kg:Organization, kg:Location, kg:MilitaryAsset))
        } ORDER BY ?label ?type ?entity"""
    expected = [tuple(term.value for term in row) for row in store.query(every_name.replace("NAME", str(Literal(name))))]
    rows = run_query(store, resolve_query("entities_named"), {"name": name}).rows
    assert [tuple(map(str, row)) for row in rows] == expected


def test_query_name_parameter_key_may_not_be_another_parameter(tmp_path: Path) -> None:
    _adhoc(tmp_path, HEADER + "# param: who (name) example: X — y\n# param: who_key (string) example: x — z\n"
           "SELECT ?entity WHERE { ?entity ?p ?who, ?who_key }", "twice.rq")
    with pytest.raises(DataFileError, match="twice.rq: parameter 'who' binds \\?who_key, also declared as a parameter"):
        load_queries(tmp_path)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("SELECT ?name WHERE { ?s ?p ?name }", "projected"),
        ("SELECT ?s WHERE { ?s ?p ?o BIND (?o AS ?name) }", "assigned with AS"),
        ("SELECT ?s WHERE { ?s ?p ?name } GROUP BY ?s ?name", "grouped by"),
        ("SELECT ?s WHERE { VALUES ?name { 1 } ?s ?p ?name }", "listed in VALUES"),
    ],
)
def test_query_parameter_that_cannot_be_a_constant_is_refused(body: str, problem: str) -> None:
    from kg.sparql import bound_tokens, tokenize

    with pytest.raises(QueryError, match=problem):
        bound_tokens(tokenize(body), {"name": Literal("x")})


# --------------------------------------------------------------------------- the static check


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <{canary}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <{canary}/sparql> { ?s ?p ?o } }",
        "BASE <{canary}/> SELECT * WHERE { SERVICE <sparql> { ?s ?p ?o } }",
    ],
)
def test_query_adhoc_service_rejected_and_canary_untouched(
    tmp_path: Path, canary: str, store: Store, text: str
) -> None:
    query = resolve_query(str(_adhoc(tmp_path, text.replace("{canary}", canary))))
    with pytest.raises(QueryError, match=r"SERVICE <.*> is not allowed \(allowed endpoints: https://query.wikidata.org/sparql\)"):
        run_query(store, query)
    assert _Canary.hits == []


def test_query_canary_would_be_called_without_the_check(canary: str) -> None:
    """Guard for the test above: pyoxigraph itself does call out to a SERVICE."""
    list(Store().query(f"SELECT * WHERE {{ SERVICE <{canary}/sparql> {{ ?s ?p ?o }} }}"))
    assert _Canary.hits


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("LOAD <http://127.0.0.1:9/x.ttl>", "not a read-only query: it starts with 'LOAD'"),
        ("DROP ALL", "not a read-only query: it starts with 'DROP'"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "not a read-only query: it starts with 'INSERT'"),
        ("SELECT * WHERE { ?s ?p ?o } ; DROP ALL", "DROP is not allowed: queries are read-only"),
        ("SELECT * WHERE { ?s ?p ?o } ; load <http://127.0.0.1:9/x>", "load is not allowed: queries are read-only"),
        ("SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }", "SERVICE must name its endpoint with a full IRI"),
        ("\\u0053ELECT * WHERE { ?s ?p ?o }", r"codepoint escapes \(\\u, \\U\) are not allowed"),
        ('SELECT * WHERE { ?s ?p "unterminated }', "the query has an unterminated string"),
    ],
)
def test_query_check_rejects(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        check_query(text, allow_service=frozenset({WIKIDATA_SPARQL}))


def test_query_check_ignores_keywords_in_strings_comments_and_names() -> None:
    check_query(
        '# DROP ALL; SERVICE <http://127.0.0.1/>\n'
        'PREFIX ex: <http://example.org/>\n'
        'SELECT ?load WHERE { ?load ex:drop "SERVICE <http://127.0.0.1/> ; DELETE" . FILTER(?load != ex:insert) }'
    )


def test_query_service_endpoint_rewritten_only_for_wikidata() -> None:
    query = resolve_query("heads_of_state_wikidata")
    text = prepare_query(query, service_endpoint="http://127.0.0.1:7878/query")
    assert "SERVICE <http://127.0.0.1:7878/query>" in text and WIKIDATA_SPARQL not in text.split("PREFIX", 1)[1]
    for bad in ("file:///etc/passwd", "http://x> } ; DROP ALL ; <y"):
        with pytest.raises(QueryError, match="service endpoint"):
            prepare_query(query, service_endpoint=bad)


def test_query_run_answers_select_only(tmp_path: Path, store: Store) -> None:
    query = resolve_query(str(_adhoc(tmp_path, "ASK { ?s ?p ?o }")))
    with pytest.raises(QueryError, match="query 'adhoc' is a ASK query; kg runs SELECT queries"):
        run_query(store, query)


def test_query_syntax_error_names_the_file(tmp_path: Path, store: Store) -> None:
    path = _adhoc(tmp_path, "SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError, match=f"^{path}: "):
        run_query(store, resolve_query(str(path)))


# --------------------------------------------------------------------------- resolving and loading


@pytest.mark.parametrize("name", ["../../etc/passwd", "../queries/entities_named", "Entities_Named", "/etc/passwd"])
def test_query_resolve_rejects_names_that_are_not_saved_queries(name: str) -> None:
    with pytest.raises(QueryError, match="is not a saved query name"):
        resolve_query(name)


def test_query_resolve_rejects_symlink_out_of_folder(tmp_path: Path) -> None:
    folder = tmp_path / "queries"
    folder.mkdir()
    outside = _adhoc(tmp_path, HEADER + "SELECT ?entity WHERE { ?entity ?p ?o }", "outside.rq")
    (folder / "escape.rq").symlink_to(outside)
    with pytest.raises(QueryError, match=r"saved query 'escape' resolves to .*outside\.rq, outside .*queries; refused"):
        resolve_query("escape", folder=folder)
    with pytest.raises(DataFileError, match="escape.rq: resolves to"):
        load_queries(folder)


def test_query_resolve_files_only_when_allowed(tmp_path: Path) -> None:
    path = _adhoc(tmp_path, "SELECT ?s WHERE { ?s ?p ?o }")
    assert resolve_query(str(path)).title == "adhoc"
    with pytest.raises(QueryError, match="is not a saved query name \\(a-z, 0-9, _\\)$"):
        resolve_query(str(path), allow_files=False)


def test_query_resolve_unknown_name() -> None:
    with pytest.raises(QueryError, match="no saved query named 'no_such_query'"):
        resolve_query("no_such_query")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (HEADER + "# param: who (person) example: x — y\nSELECT ?who WHERE {}", 4,
         "parameter 'who' has type 'person'; expected one of entity, iri, string, name, date, integer, decimal"),
        (HEADER + "# param: who (iri) x\nSELECT ?who WHERE {}", 4,
         "parameter line 'who (iri) x' is not 'name (type) example: value — description'"),
        (HEADER + "# param: on (date) example: yesterday — the day\nSELECT ?on WHERE {}", 4,
         "example of parameter 'on': 'yesterday' is not a date (YYYY-MM-DD)"),
        ("# title: T?\n# author: me\n", 2, "unknown header field 'author'; expected title, description, param or returns"),
        ("# title: T?\n# title: U?\n", 2, "header field 'title' appears twice"),
        ("# description: D.\n# returns: x\nSELECT ?x WHERE {}", 1, "header has no '# title:' line"),
    ],
)  # fmt: skip
def test_query_bad_header_reports_file_and_line(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = _adhoc(tmp_path, text, "bad.rq")
    with pytest.raises(DataFileError) as error:
        load_queries(tmp_path)
    assert str(error.value) == f"{path.resolve()}:{line}: {problem}"


def test_query_declared_parameter_must_be_used(tmp_path: Path) -> None:
    _adhoc(tmp_path, HEADER + "# param: who (iri) example: kg:X — y\nSELECT ?entity WHERE { ?entity ?p ?o }", "unused.rq")
    with pytest.raises(DataFileError, match="unused.rq: parameter 'who' is declared but \\?who is not used"):
        load_queries(tmp_path)


def test_query_saved_query_may_not_call_other_services(tmp_path: Path) -> None:
    _adhoc(tmp_path, HEADER + "SELECT ?entity WHERE { SERVICE <http://127.0.0.1:9/> { ?entity ?p ?o } }", "svc.rq")
    with pytest.raises(DataFileError, match="svc.rq: SERVICE <http://127.0.0.1:9/> is not allowed"):
        load_queries(tmp_path)


def test_query_file_names_are_snake_case(tmp_path: Path) -> None:
    _adhoc(tmp_path, HEADER + "SELECT ?entity WHERE { ?entity ?p ?o }", "Bad-Name.rq")
    with pytest.raises(DataFileError, match="query file names are snake_case \\(a-z, 0-9, _\\), not 'Bad-Name'"):
        load_queries(tmp_path)


# --------------------------------------------------------------------------- writers

RESULT = QueryResult(
    columns=("entity", "score", "day", "ok", "note"),
    rows=(
        ("https://w3id.org/kg-ir/id/state/Venezuela", Decimal("0.58"), date(2025, 11, 29), True, None),
        ("https://example.org/x", 3, None, False, 'say "hi", twice'),
    ),
)


def test_query_format_csv() -> None:
    assert format_csv(RESULT) == (
        "entity,score,day,ok,note\n"
        "https://w3id.org/kg-ir/id/state/Venezuela,0.58,2025-11-29,true,\n"
        'https://example.org/x,3,,false,"say ""hi"", twice"\n'
    )


def test_query_format_json() -> None:
    assert json.loads(format_json(RESULT)) == [
        {"entity": "https://w3id.org/kg-ir/id/state/Venezuela", "score": 0.58, "day": "2025-11-29", "ok": True, "note": None},
        {"entity": "https://example.org/x", "score": 3, "day": None, "ok": False, "note": 'say "hi", twice'},
    ]


def test_query_format_table() -> None:
    assert format_table(RESULT) == (
        "entity                 score  day         ok     note\n"
        "---------------------  -----  ----------  -----  ---------------\n"
        "state:Venezuela        0.58   2025-11-29  true\n"
        "https://example.org/x  3                  false  say \"hi\", twice\n"
        "(2 rows)\n"
    )


def test_query_run_gives_python_values(store: Store) -> None:
    result = run_query(store, resolve_query("evidence_for_fact"), {"fact": "designation:519fb6179c002fa0968a"})
    first = dict(zip(result.columns, result.rows[0]))
    assert first["published"] == date(2025, 11, 29)
    assert first["confidence"] == Decimal("0.9")
    assert first["negated"] is False and first["claimed_by"] is None


def test_query_format_table_writes_a_whole_year_or_month_as_such() -> None:
    result = QueryResult(
        ("what", "earliest", "latest"),
        (
            ("year", date(2007, 1, 1), date(2007, 12, 31)),
            ("month", date(2024, 2, 1), date(2024, 2, 29)),
            ("month so far", date(2019, 1, 1), date(2019, 1, 23)),  # clipped at publication: a range
            ("day", date(2020, 1, 2), date(2020, 1, 2)),
            ("two years", date(2018, 1, 1), date(2019, 12, 31)),
            ("open", date(2018, 1, 1), None),
        ),
    )
    rows = [line.split() for line in format_table(result).splitlines()[2:-1]]
    assert rows == [
        ["year", "2007", "2007"],
        ["month", "2024-02", "2024-02"],
        ["month", "so", "far", "2019-01-01", "2019-01-23"],
        ["day", "2020-01-02", "2020-01-02"],
        ["two", "years", "2018-01-01", "2019-12-31"],
        ["open", "2018-01-01"],
    ]
    assert "2007-01-01,2007-12-31" in format_csv(result)  # data formats keep both days
