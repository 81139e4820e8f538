"""Query stage: saved SPARQL queries (queries/*.rq) or an ad-hoc .rq file -> rows.

A saved query documents itself in a leading comment header, which is also the loader's input:

    # title: Who led a state at a date?
    # description: The holders of the state's offices whose reported term covers the date.
    # param: state (entity) example: Venezuela — the state
    # param: on (date) example: 2025-11-29 — the date
    # returns: person role earliest latest

Parameter types are entity, iri, string, name, date, integer and decimal. A name is a string
bound twice: as itself (`?name`) and folded as kg folds names (`?name_key`, `kg.gazetteer.fold`: case,
accents and punctuation do not count), so a query can look it up by the name keys stored beside
every label and alias (kg:labelKey, kg:aliasKey; docs/dataset.md) and then test the name itself
on the few names found. An iri value may be written
with one of kg's prefixes (`kg:Consult`, `state:Venezuela`). An entity value may also be a
Wikidata id or a name (`Q717`, `venezuela`), looked up in the store by `resolve_entity_params`
(kg/names.py) before the query runs; a value that names no entity of the store is an error.

Parameters are bound as RDF terms, never pasted in as user text. Each raw value becomes a
pyoxigraph term, which validates it, and each term replaces its variable wherever it occurs,
written in its canonical N-Triples form. pyoxigraph's own `substitutions=` accepts only variables
of the SELECT projection, and remote SPARQL endpoints have no binding API at all; substituted
terms work for both, reach every part of the query (UNION branches, sub-SELECTs), and let the
engine's planner start from them (a VALUES block is joined last by Oxigraph 0.5). A parameter
therefore must not be projected, grouped by or assigned (`AS`).

Queries run as any SPARQL 1.1 store runs them by default: the default graph is empty, and a
query names the graphs it reads (docs/dataset.md): `GRAPH ?g { ... }` for the facts of the
article graphs, `GRAPH kgr:entities { ... }` for entity descriptions, each held once. A fact
reported by several articles is one row per article unless the query uses DISTINCT or counts.

Every query is checked before it runs: it must be a read-only query (no update, no LOAD) and
may call SERVICE only for the Wikidata endpoint, `WIKIDATA_SPARQL`. The caller may send those
calls to another endpoint holding Wikidata (a mirror, or a local Oxigraph with an extract):
`run_query(..., service_endpoint=URL)` rewrites that one IRI after the check.

On the embedded store, `run_query` sorts the rows of a closing ORDER BY of variables itself, in
Oxigraph's order (kg/term_order.py): Oxigraph 0.5 reads IRIs from disk at every comparison.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Literal as TypingLiteral, Union, cast, get_args

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, Store

from kg.errors import DataFileError, QueryError
from kg.resources import data_dir
from kg.prefixes import curie, entity_iri_of, expand_curie
from kg.sparql import Term, Token, bound_tokens, check_query, query_form, tokenize, with_service_endpoint, without_final_order
from kg.term_order import XSD, XSD_STRING, order_rows

if TYPE_CHECKING:
    from kg.names import Select

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"

ParamType = TypingLiteral["entity", "iri", "string", "name", "date", "integer", "decimal"]
PARAM_TYPES: tuple[str, ...] = get_args(ParamType)

Value = Union[str, int, float, Decimal, bool, date, None]

NAME_KEY_SUFFIX = "_key"


@dataclass(frozen=True, slots=True)
class Param:
    """One declared parameter: `# param: name (type) example: value — description`."""

    name: str
    type: ParamType
    example: str
    description: str

    def variables(self) -> tuple[str, ...]:
        """The variables the parameter binds: its own, and for a name its folded form (`?name_key`)."""
        return (self.name, self.name + NAME_KEY_SUFFIX) if self.type == "name" else (self.name,)


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    text: str

    def examples(self) -> dict[str, str]:
        """The header's example value of every parameter: a runnable call."""
        return {param.name: param.example for param in self.params}

    def describe(self) -> str:
        """The header for a reader (`kg query NAME --help`): title, description, each parameter
        with its type and example, the columns, and the example call."""
        lines = [f"{self.name}: {self.title}", "", *textwrap.wrap(self.description, 100)]
        if self.params:
            width = max(len(f"{p.name} ({p.type})") for p in self.params)
            lines += ["", "parameters:"]
            lines += [f"  {f'{p.name} ({p.type})'.ljust(width)}  {p.description}; example: {p.example}" for p in self.params]
        if any(p.type == "entity" for p in self.params):
            lines += ["  (an entity is an IRI, a prefixed name such as state:United_States, a Wikidata id such as Q30,",
                      "  or a name or alias; `kg entities TEXT` finds names)"]  # fmt: skip
        call = " ".join(["kg query", self.name] + [f"--param {shlex.quote(f'{p.name}={p.example}')}" for p in self.params])
        lines += ["", f"returns: {' '.join(self.returns)}", "", f"example: {call}"]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer of a SELECT query: column names and rows of plain Python values."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


# --------------------------------------------------------------------------- loading

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_FIELD = re.compile(r"#\s*(?P<key>[a-z]+):\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(
    r"(?P<name>[a-z][a-z0-9_]*) \((?P<type>[a-z]+)\) example: (?P<example>.+?) — (?P<description>.+)"
)


def load_queries(folder: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query of `folder` (default: the shipped queries/), by name.

    Each file's header and text are checked; the first problem raises DataFileError with
    the file and line.
    """
    root = (folder or data_dir("queries")).resolve()
    queries: dict[str, SavedQuery] = {}
    for path in sorted(root.glob("*.rq")):
        if not _NAME.fullmatch(path.stem):
            raise DataFileError(path, f"query file names are snake_case (a-z, 0-9, _), not {path.stem!r}")
        if not path.resolve().is_relative_to(root):
            raise DataFileError(path, f"resolves to {path.resolve()}, outside {root}")
        query = _read_query(path, require_header=True)
        try:
            _check_saved(query)
        except QueryError as error:
            raise DataFileError(path, str(error)) from error
        queries[query.name] = query
    return queries


def resolve_query(name_or_path: str, *, folder: Path | None = None, allow_files: bool = True) -> SavedQuery:
    """A saved query by name, or (when `allow_files`) an ad-hoc query from a .rq file.

    A name that could leave the queries folder (`../x`, a symlink pointing outside) is
    refused. An ad-hoc file's header is optional, but checked when present.
    """
    root = (folder or data_dir("queries")).resolve()
    if _NAME.fullmatch(name_or_path):
        path = root / f"{name_or_path}.rq"
        if not path.is_file():
            raise QueryError(f"no saved query named {name_or_path!r} in {root}; `kg queries` lists them")
        if not path.resolve().is_relative_to(root):
            raise QueryError(f"saved query {name_or_path!r} resolves to {path.resolve()}, outside {root}; refused")
        return _read_query(path, require_header=True)
    if allow_files and name_or_path.endswith(".rq"):
        path = Path(name_or_path)
        if not path.is_file():
            raise QueryError(f"{name_or_path}: no such query file")
        return _read_query(path, require_header=False)
    expected = "a saved query name (a-z, 0-9, _)" + (" or a .rq file" if allow_files else "")
    raise QueryError(f"{name_or_path!r} is not {expected}")


def _read_query(path: Path, *, require_header: bool) -> SavedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path, f"cannot read the query file ({error})") from error
    fields: dict[str, str] = {}
    params: list[Param] = []
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = _FIELD.match(line)
        if match is None:
            continuation = line.lstrip("#").strip()
            if continuation and last in ("title", "description"):
                fields[last] += " " + continuation
                continue
            if continuation:
                raise DataFileError(path, f"header line is not 'key: value': {line!r}", line=number)
            continue
        key, value = match["key"], match["value"]
        last = key
        if key == "param":
            params.append(_parse_param(path, number, value, params))
        elif key in ("title", "description", "returns"):
            if key in fields:
                raise DataFileError(path, f"header field {key!r} appears twice", line=number)
            if not value:
                raise DataFileError(path, f"header field {key!r} is empty", line=number)
            fields[key] = value
        else:
            raise DataFileError(
                path, f"unknown header field {key!r}; expected title, description, param or returns", line=number
            )
    if require_header:
        for key in ("title", "description", "returns"):
            if key not in fields:
                raise DataFileError(path, f"header has no '# {key}:' line", line=1)
    if params:
        try:
            variables = {token.text[1:] for token in tokenize(text) if token.kind == "var"}
        except QueryError as error:
            raise DataFileError(path, str(error)) from error
        for param in params:
            if not variables & set(param.variables()):
                raise DataFileError(path, f"parameter {param.name!r} is declared but ?{param.name} is not used")
            if any(variable in (p.name for p in params) for variable in param.variables()[1:]):
                raise DataFileError(path, f"parameter {param.name!r} binds ?{param.name}{NAME_KEY_SUFFIX}, also declared as a parameter")
    return SavedQuery(
        name=path.stem,
        path=path,
        title=fields.get("title", path.stem),
        description=fields.get("description", ""),
        params=tuple(params),
        returns=tuple(fields.get("returns", "").split()),
        text=text,
    )


def _parse_param(path: Path, number: int, value: str, earlier: list[Param]) -> Param:
    match = _PARAM.fullmatch(value)
    if match is None:
        raise DataFileError(
            path, f"parameter line {value!r} is not 'name (type) example: value — description'", line=number
        )
    if match["type"] not in PARAM_TYPES:
        raise DataFileError(
            path, f"parameter {match['name']!r} has type {match['type']!r}; expected one of {', '.join(PARAM_TYPES)}",
            line=number,
        )
    if any(param.name == match["name"] for param in earlier):
        raise DataFileError(path, f"parameter {match['name']!r} is declared twice", line=number)
    param = Param(match["name"], cast(ParamType, match["type"]), match["example"], match["description"])
    try:
        if param.type != "entity":  # an entity's example may be a name, checked against a store only
            _term(param, param.example)
    except QueryError as error:
        raise DataFileError(path, f"example of {error}", line=number) from error
    return param


def _check_saved(query: SavedQuery) -> None:
    tokens = check_query(query.text, allow_service=frozenset({WIKIDATA_SPARQL}))
    if query_form(tokens) != "SELECT":
        raise QueryError("a saved query must be a SELECT query")
    bound_tokens(tokens, bind_params(query, query.examples(), names=True))


# --------------------------------------------------------------------------- parameters


def parse_param_args(args: Iterable[str]) -> list[tuple[str, str]]:
    """`["state=kgr:state/Venezuela", ...]` (the CLI's --param values) -> (name, value) pairs."""
    pairs = []
    for arg in args:
        name, sep, value = arg.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {arg!r}: expected NAME=VALUE")
        pairs.append((name, value))
    return pairs


def bind_params(query: SavedQuery, raw: Mapping[str, str] | Iterable[tuple[str, str]], *, names: bool = False) -> dict[str, Term]:
    """The query's parameters as RDF terms; any undeclared, missing, repeated or bad value fails.

    With `names`, an entity given by name or Wikidata id passes as a placeholder: the check made
    before the values are looked up in a store (`resolve_entity_params`).
    """
    pairs = list(raw.items()) if isinstance(raw, Mapping) else list(raw)
    declared = {param.name: param for param in query.params}
    bound: dict[str, Term] = {}
    for name, value in pairs:
        if name not in declared:
            takes = ", ".join(declared) if declared else "none"
            raise QueryError(f"query {query.name!r} has no parameter {name!r} (its parameters: {takes})")
        if name in bound:
            raise QueryError(f"query {query.name!r}: parameter {name!r} is given more than once")
        if names and _is_entity_name(declared[name], value):
            bound[name] = _ENTITY_PLACEHOLDER
        else:
            bound.update(zip(declared[name].variables(), _terms(declared[name], value)))
    missing = [param for param in query.params if param.name not in bound]
    if missing:
        needed = " ".join(f"--param {param.name}={param.example}" for param in missing)
        raise QueryError(f"query {query.name!r} needs a value for {', '.join(p.name for p in missing)}, e.g. {needed}")
    return bound


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d{1,30}")
_DECIMAL = re.compile(r"[+-]?(\d{1,30}(\.\d{0,30})?|\.\d{1,30})")
_ENTITY_PLACEHOLDER = NamedNode("urn:example:entity")


def _terms(param: Param, value: str) -> tuple[Term, ...]:
    """The terms of `param.variables()`, in their order."""
    if param.type == "name":
        from kg.gazetteer import fold  # the gazetteer's normalisation: only when needed

        return (Literal(value), Literal(fold(value)))
    return (_term(param, value),)


def _is_entity_name(param: Param, value: str) -> bool:
    return param.type == "entity" and entity_iri_of(value) is None


def _term(param: Param, value: str) -> Term:
    problem = f"parameter {param.name!r}: {value!r} is not"
    if _is_entity_name(param, value):
        raise QueryError(f"{problem} an IRI; a name or Wikidata id is looked up in a store first (resolve_entity_params)")
    if param.type in ("entity", "iri"):
        try:
            return NamedNode(expand_curie(value) or value)
        except ValueError as error:
            raise QueryError(f"{problem} an absolute IRI ({error})") from None
    if param.type in ("string", "name"):
        return Literal(value)
    if param.type == "date":
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"{problem} a date (YYYY-MM-DD)") from None
        return Literal(value, datatype=NamedNode(XSD + "date"))
    if param.type == "integer":
        if not _INTEGER.fullmatch(value):
            raise QueryError(f"{problem} an integer")
        return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))
    if not _DECIMAL.fullmatch(value):
        raise QueryError(f"{problem} a decimal number")
    return Literal(format(Decimal(value), "f"), datatype=NamedNode(XSD + "decimal"))


def prepare_query(
    query: SavedQuery,
    params: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    *,
    service_endpoint: str | None = None,
) -> str:
    """The checked SELECT text, with its parameters bound, ready for any SPARQL engine."""
    return "".join(token.text for token in _prepared_tokens(query, params, service_endpoint))


def _prepared_tokens(
    query: SavedQuery, params: Mapping[str, str] | Iterable[tuple[str, str]], service_endpoint: str | None
) -> list[Token]:
    """The tokens of `prepare_query`'s text: the query read once, for the check and the binding."""
    tokens = check_query(query.text, allow_service=frozenset({WIKIDATA_SPARQL}))
    form = query_form(tokens)
    if form != "SELECT":
        raise QueryError(f"query {query.name!r} is a {form} query; kg runs SELECT queries")
    bindings = bind_params(query, params)
    if service_endpoint is not None:
        tokens = with_service_endpoint(tokens, service_endpoint, replacing=WIKIDATA_SPARQL)
    return bound_tokens(tokens, bindings)


def resolve_entity_params(store: "Store | Select", query: SavedQuery, params: Mapping[str, str] | Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The parameters with every entity value (IRI, prefixed name, Wikidata id or name) replaced by
    the full IRI of the one entity of `store` (or of a remote endpoint's `Select`) it stands for;
    EntityNameError when there is none. Every value is checked (`bind_params`) first."""
    pairs = list(params.items()) if isinstance(params, Mapping) else list(params)
    bind_params(query, pairs, names=True)
    entity_params = {param.name for param in query.params if param.type == "entity"}
    if not entity_params:
        return pairs
    from kg.names import EntityIndex, entity_exists, quick_resolve  # rdflib and the gazetteer: only when needed

    index: EntityIndex | None = None
    resolved = []
    for name, value in pairs:
        if name in entity_params:
            iri = entity_iri_of(value)
            if iri is None:
                iri = quick_resolve(store, value)  # an exact label or Wikidata id of one entity
            elif not entity_exists(store, iri):
                iri = None
            if iri is None:  # the full index decides, or says what is closest
                index = index or EntityIndex.from_store(store)
                iri = index.resolve(value).iri
            value = iri
        resolved.append((name, value))
    return resolved


# --------------------------------------------------------------------------- running


def run_query(
    store: Store,
    query: SavedQuery,
    params: Mapping[str, str] | Iterable[tuple[str, str]] = (),
    *,
    service_endpoint: str | None = None,
) -> QueryResult:
    """Run a SELECT query on the store, with an empty default graph (queries name their graphs)."""
    tokens = _prepared_tokens(query, resolve_entity_params(store, query, params), service_endpoint)
    text = "".join(token.text for token in tokens)
    unordered = without_final_order(tokens)
    try:
        if unordered is not None:  # sorted here: Oxigraph's ORDER BY reads IRIs from disk (kg/term_order.py)
            text_without_order, keys = unordered
            solutions = _select(store, query, text_without_order)
            columns = tuple(variable.value for variable in solutions.variables)
            if all(key.variable in columns for key in keys):  # else the engine sorts: decided before any row is read
                ordered = order_rows([tuple(solution) for solution in solutions], [(columns.index(key.variable), key) for key in keys])
                if ordered is not None:
                    return QueryResult(columns, tuple(tuple(map(term_value, row)) for row in ordered))
        solutions = _select(store, query, text)
        columns = tuple(variable.value for variable in solutions.variables)
        rows = tuple(tuple(map(term_value, solution)) for solution in solutions)
    except SyntaxError as error:
        raise QueryError(f"{query.path}: {error}") from error
    except OSError as error:
        raise QueryError(f"query {query.name!r} could not run: {error}") from error
    return QueryResult(columns, rows)


def _select(store: Store, query: SavedQuery, text: str) -> QuerySolutions:
    """The solutions of a SELECT, read lazily (pyoxigraph streams them)."""
    solutions = store.query(text)
    if not isinstance(solutions, QuerySolutions):
        raise QueryError(f"query {query.name!r} did not return solutions")
    return solutions


_CONVERT: dict[str, Callable[[str], Value]] = {
    XSD + "integer": int,
    XSD + "int": int,
    XSD + "long": int,
    XSD + "nonNegativeInteger": int,
    XSD + "decimal": Decimal,
    XSD + "double": float,
    XSD + "float": float,
    XSD + "boolean": lambda text: text in ("true", "1"),
    XSD + "date": date.fromisoformat,
}


def term_value(term: object) -> Value:
    """A pyoxigraph term of a solution as a plain Python value (None for an unbound variable)."""
    kind = type(term)  # the exact classes first: this runs for every cell of every row
    if kind is NamedNode:
        return term.value  # type: ignore[attr-defined,no-any-return]
    if kind is Literal:
        return _literal_value(term.value, term.datatype.value)  # type: ignore[attr-defined]
    if term is None:
        return None
    if kind is BlankNode:
        return f"_:{term.value}"  # type: ignore[attr-defined]
    return str(term)


def _literal_value(lexical: str, datatype: str | None) -> Value:
    """A literal as a plain Python value: numbers, booleans and dates converted, the rest as text."""
    if datatype == XSD_STRING:
        return lexical
    convert = _CONVERT.get(datatype or "")
    if convert is not None:
        try:
            return convert(lexical)
        except (ValueError, InvalidOperation):
            return lexical
    return lexical


# --------------------------------------------------------------------------- writing


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def format_csv(result: QueryResult) -> str:
    """RFC 4180 CSV with a header row; IRIs in full, unbound values empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_text(value) for value in row])
    return out.getvalue()


def format_json(result: QueryResult) -> str:
    """A JSON array of objects, one per row, keyed by column (what pandas.read_json reads)."""

    def plain(value: Value) -> object:
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, date):
            return value.isoformat()
        return value

    records = [{column: plain(value) for column, value in zip(result.columns, row)} for row in result.rows]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


_IRI = re.compile(r"https?://\S+\Z")


def _known_to(columns: tuple[str, ...], cells: list[str], row: tuple[Value, ...]) -> list[str]:
    """The cells with each `earliest`..`latest` pair that spans exactly one calendar year or month
    written as that year (`2007`) or month (`2019-01`), not as its first and last days."""
    for i, column in enumerate(columns):
        partner = column[: -len("earliest")] + "latest" if column.endswith("earliest") else None
        if partner not in columns:
            continue
        j = columns.index(partner)
        first, last = row[i], row[j]
        if not isinstance(first, date) or not isinstance(last, date) or first.day != 1 or first.year != last.year:
            continue
        if first.month == 1 and (last.month, last.day) == (12, 31):
            cells[i] = cells[j] = f"{first.year:04d}"
        elif first.month == last.month and (last + timedelta(days=1)).day == 1:
            cells[i] = cells[j] = f"{first.year:04d}-{first.month:02d}"
    return cells


def format_table(result: QueryResult) -> str:
    """Aligned columns for a terminal: IRIs as prefixed names that can be pasted back (valid
    SPARQL), and an interval that is a whole year or month as that year or month."""

    def short(value: Value) -> str:
        if isinstance(value, str) and _IRI.match(value):
            return curie(value)
        return " ".join(_text(value).split())

    cells = [list(result.columns)] + [_known_to(result.columns, [short(value) for value in row], row) for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    noun = "row" if len(result.rows) == 1 else "rows"
    return "\n".join(lines) + f"\n({len(result.rows)} {noun})\n"
