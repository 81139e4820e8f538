"""SPARQL text, read token by token: the static read-only check and parameter binding.

Strings, IRIs and comments are single tokens, so a keyword inside a literal is never taken for
one. `check_query` refuses updates, LOAD and SERVICE calls outside an allowlist before any engine
sees the text (both pyoxigraph and rdflib would call out: an SSRF path). `with_values` binds
parameters as RDF terms in a VALUES block opening the WHERE clause, in pyoxigraph's canonical
serialization: a value can never become query syntax. `replace_update` writes the one update
that replaces an article, in the same serialization.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Union

from pyoxigraph import Literal, NamedNode
from rdflib import BNode, Literal as RdfLiteral, URIRef
from rdflib.term import Node

from kg.errors import QueryError

Term = Union[NamedNode, Literal]
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "ADD", "MOVE", "COPY", "WITH", "USING"}
)
QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<var>[?$]\w+)
    | (?P<word>[\w:][\w:.%-]*)
    | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str


def tokenize(text: str) -> list[Token]:
    tokens = [Token(str(match.lastgroup), match.group()) for match in _TOKEN.finditer(text)]
    for token in tokens:
        if token.kind == "punct" and token.text in "'\"":
            raise QueryError("the query has an unterminated string")
    return tokens


def _significant(tokens: list[Token]) -> list[tuple[int, Token]]:
    return [(index, token) for index, token in enumerate(tokens) if token.kind not in ("ws", "comment")]


def query_form(tokens: list[Token]) -> str:
    """The first keyword after the prologue (BASE and PREFIX declarations)."""
    significant = [token for _, token in _significant(tokens)]
    position = 0
    while position < len(significant):
        word = significant[position].text.upper() if significant[position].kind == "word" else ""
        if word == "PREFIX":
            position += 3
        elif word == "BASE":
            position += 2
        else:
            return word or significant[position].text
    return ""


def check_query(text: str, *, allow_service: frozenset[str] = frozenset()) -> None:
    """Refuse anything but a read-only query: updates, LOAD, and SERVICE outside `allow_service`.

    A static check of the text, before any engine sees it: both pyoxigraph and rdflib would
    otherwise call out to any SERVICE or LOAD address (an SSRF path).
    """
    if _CODEPOINT_ESCAPE.search(text):
        raise QueryError("codepoint escapes (\\u, \\U) are not allowed in a query; write the character itself")
    tokens = tokenize(text)
    form = query_form(tokens)
    if form not in QUERY_FORMS:
        raise QueryError(f"not a read-only query: it starts with {form!r}, not SELECT, ASK, CONSTRUCT or DESCRIBE")
    significant = [token for _, token in _significant(tokens)]
    for position, token in enumerate(significant):
        word = token.text.upper() if token.kind == "word" else ""
        if word in UPDATE_KEYWORDS:
            raise QueryError(f"{token.text} is not allowed: queries are read-only")
        if word != "SERVICE":
            continue
        following = significant[position + 1 : position + 3]
        if following and following[0].text.upper() == "SILENT":
            following = following[1:]
        if not following or following[0].kind != "iri":
            raise QueryError("SERVICE must name its endpoint with a full IRI, not a variable or prefixed name")
        endpoint = following[0].text[1:-1]
        if endpoint not in allow_service:
            allowed = ", ".join(sorted(allow_service)) or "none"
            raise QueryError(f"SERVICE <{endpoint}> is not allowed (allowed endpoints: {allowed})")


def with_values(tokens: list[Token], bindings: Mapping[str, Term]) -> str:
    """The query text with a VALUES block per binding opening its WHERE clause."""
    if not bindings:
        return "".join(token.text for token in tokens)
    significant = _significant(tokens)
    depth = 0
    for position, (index, token) in enumerate(significant):
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif token.text == "{" and depth == 0:
            following = significant[position + 1][1] if position + 1 < len(significant) else None
            if following is not None and following.text.upper() == "SELECT":
                raise QueryError("cannot bind parameters when the WHERE clause is a bare sub-SELECT; wrap it in { }")
            # one single-variable block per parameter: the same solutions as one row of all of
            # them, and the form Virtuoso 7.2 compiles (a multi-variable row beside FILTER and
            # OPTIONAL stops its compiler with "SP031 ... no SPART_VARR_FIXED")
            block = "".join(f" VALUES ?{name} {{ {term} }}" for name, term in bindings.items())
            return "".join(token.text for token in tokens[: index + 1]) + block + "".join(
                token.text for token in tokens[index + 1 :]
            )
    raise QueryError("the query has no WHERE clause to bind parameters in")


def with_service_endpoint(tokens: list[Token], endpoint: str, *, replacing: str) -> list[Token]:
    """The tokens with every `SERVICE <replacing>` sent to `endpoint` instead."""
    try:
        iri = NamedNode(endpoint)
    except ValueError as error:
        raise QueryError(f"service endpoint {endpoint!r} is not an IRI ({error})") from None
    if not re.match(r"https?://", endpoint):
        raise QueryError(f"service endpoint {endpoint!r} is not an http(s) URL")
    rewritten = list(tokens)
    significant = _significant(tokens)
    for position, (_, token) in enumerate(significant):
        if token.kind != "word" or token.text.upper() != "SERVICE":
            continue
        for index, following in significant[position + 1 : position + 3]:
            if following.kind == "iri":
                if following.text == f"<{replacing}>":
                    rewritten[index] = Token("iri", str(iri))
                break
    return rewritten


# --------------------------------------------------------------------------- update text

def replace_update(replaced: str, graphs: Mapping[str, Iterable[tuple[Node, Node, Node]]]) -> str:
    """One SPARQL 1.1 Update that replaces the graph `replaced` and adds `graphs`' triples.

    `DROP SILENT GRAPH <replaced> ; INSERT DATA { GRAPH <g> { ... } ... }`: one request, one
    transaction, so a reader (and a crash) sees the old version or the new one, never a mix,
    and sending it twice leaves the same dataset. Every term goes through pyoxigraph, whose
    N-Triples form is escaped and validated: no value can become update syntax.
    """
    blocks = []
    for name, triples in graphs.items():
        lines = " .\n".join(" ".join(str(ox_term(term)) for term in triple) for triple in triples)
        blocks.append(f"GRAPH {NamedNode(name)} {{\n{lines} .\n}}" if lines else "")
    inserted = "\n".join(block for block in blocks if block)
    drop = f"DROP SILENT GRAPH {NamedNode(replaced)}"
    return f"{drop} ;\nINSERT DATA {{\n{inserted}\n}}" if inserted else drop


def ox_term(term: object) -> NamedNode | Literal:
    """An rdflib IRI or literal as a pyoxigraph term; kg writes no blank nodes."""
    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return Literal(str(term), language=term.language)
        if term.datatype is not None:
            return Literal(str(term), datatype=NamedNode(str(term.datatype)))
        return Literal(str(term))
    if isinstance(term, BNode):
        raise QueryError(f"blank node {term.n3()} in an article graph: kg writes named nodes only")
    raise QueryError(f"cannot write {term!r} as an RDF term")
