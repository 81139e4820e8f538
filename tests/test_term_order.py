"""Rows sorted in Python come in the order Oxigraph's own ORDER BY gives them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.query import SavedQuery, run_query, term_value
from kg.sparql import OrderKey, tokenize, without_final_order
from kg.term_order import order_rows

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def engine_rows(store: ox.Store, text: str) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """The columns and rows of pyoxigraph terms the engine itself answers."""
    solutions = store.query(text)
    assert isinstance(solutions, ox.QuerySolutions)
    return tuple(variable.value for variable in solutions.variables), [tuple(solution) for solution in solutions]


def typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))


@pytest.fixture
def store() -> ox.Store:
    """Rows whose values sort differently by text and by value, with unbound and blank cells."""
    store = ox.Store()
    graph = ox.NamedNode(EX + "g")
    values: list[tuple[ox.NamedNode | ox.BlankNode, ox.Literal | None, ox.Literal | None, ox.Literal, ox.NamedNode | ox.Literal]] = [
        (ox.NamedNode(EX + "item/b"), ox.Literal("Zürich"), typed("10", "integer"), typed("2025-01-09", "date"), ox.NamedNode(EX + "z")),
        (ox.NamedNode(EX + "item/a~r1"), ox.Literal("zebra"), typed("9.5", "decimal"), typed("2025-01-10", "date"), ox.Literal("a literal")),
        (ox.NamedNode(EX + "item/a"), ox.Literal("Zurich"), typed("0.75", "decimal"), typed("2024-12-31", "date"), ox.NamedNode(EX + "y")),
        (ox.NamedNode(EX + "item/A"), ox.Literal("Ångström"), None, typed("2025-01-09", "date"), ox.Literal("b literal")),
        (ox.BlankNode("x"), None, typed("-1", "integer"), typed("2025-01-09", "date"), ox.NamedNode(EX + "a")),
    ]
    for number, (subject, name, amount, day, other) in enumerate(values):
        row = ox.NamedNode(f"{EX}row/{number}")
        store.add(ox.Quad(row, ox.NamedNode(EX + "subject"), subject, graph))
        store.add(ox.Quad(row, ox.NamedNode(EX + "day"), day, graph))
        store.add(ox.Quad(row, ox.NamedNode(EX + "other"), other, graph))
        store.add(ox.Quad(row, ox.NamedNode(EX + "flag"), typed("true" if number % 2 else "false", "boolean"), graph))
        if name is not None:
            store.add(ox.Quad(row, ox.NamedNode(EX + "name"), name, graph))
        if amount is not None:
            store.add(ox.Quad(row, ox.NamedNode(EX + "amount"), amount, graph))
    return store


def query(order: str) -> SavedQuery:
    text = f"""SELECT ?subject ?name ?amount ?day ?flag ?other ?mixed WHERE {{
  GRAPH ?g {{
    ?row <{EX}subject> ?subject ; <{EX}day> ?day ; <{EX}flag> ?flag ; <{EX}other> ?other .
    OPTIONAL {{ ?row <{EX}name> ?name }}
    OPTIONAL {{ ?row <{EX}amount> ?amount }}
  }}
  BIND (COALESCE(?amount, ?name) AS ?mixed)
}}
ORDER BY {order}"""
    return SavedQuery("ordered", Path("ordered.rq"), "", "", (), (), text)


@pytest.mark.parametrize(
    "order",
    ["?subject", "?name ?subject", "?amount ?subject", "DESC(?amount) ?subject", "?day DESC(?name)", "?flag ?subject", "?other ?subject", "DESC(?subject)"],
)
def test_rows_sorted_in_python_come_in_the_engines_order(store: ox.Store, order: str) -> None:
    saved = query(order)
    unordered = without_final_order(tokenize(saved.text))
    assert unordered is not None
    columns, engine_sorted = engine_rows(store, saved.text)
    _, terms = engine_rows(store, unordered[0])
    positions = [(columns.index(key.variable), key) for key in unordered[1]]
    assert order_rows(terms, positions) == engine_sorted


def test_a_column_mixing_kinds_of_literal_is_left_to_the_engine(store: ox.Store) -> None:
    assert order_rows([(ox.Literal("text"),), (typed("1", "integer"),)], [(0, OrderKey("value", False))]) is None
    tagged = [(ox.Literal("text", language="en"),), (ox.Literal("texte", language="fr"),)]
    assert order_rows(tagged, [(0, OrderKey("value", False))]) is None
    saved = query("?mixed ?subject")  # numbers and a string in one column
    _, engine_sorted = engine_rows(store, saved.text)
    assert run_query(store, saved).rows == tuple(tuple(map(term_value, row)) for row in engine_sorted)


def test_a_later_column_orders_only_the_rows_tied_before_it() -> None:
    """A column the engine never compares (every row's first key its own) needs no order here."""
    keys = [(0, OrderKey("name", False)), (1, OrderKey("value", False))]
    rows = [(ox.Literal("b"), ox.Literal("texte", language="fr")), (ox.Literal("a"), typed("1", "integer"))]
    assert order_rows(rows, keys) == [rows[1], rows[0]]
    tied = [(ox.Literal("a"), ox.Literal("texte", language="fr")), (ox.Literal("a"), typed("1", "integer"))]
    assert order_rows(tied, keys) is None
    ordered = [(ox.Literal("a"), typed("2", "integer")), (ox.Literal("b"), ox.Literal("x")), (ox.Literal("a"), typed("10", "integer"))]
    assert order_rows(ordered, keys) == [ordered[0], ordered[2], ordered[1]]


def test_only_a_closing_order_of_variables_is_taken_off() -> None:
    text = "SELECT ?a (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?b } } GROUP BY ?a ORDER BY DESC(?n) ASC(?a) ?b"
    split = without_final_order(tokenize(text))
    assert split == ("SELECT ?a (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?b } } GROUP BY ?a ", (OrderKey("n", True), OrderKey("a", False), OrderKey("b", False)))
    for kept in ("ORDER BY ?a LIMIT 10", "ORDER BY STR(?a)", "ORDER BY ?a OFFSET 2", "", "ORDER BY ?a } VALUES ?a { <http://example.org/a> }"):
        assert without_final_order(tokenize("SELECT ?a WHERE { ?a ?p ?b } " + kept)) is None
