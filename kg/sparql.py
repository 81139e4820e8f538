"""SPARQL text, read token by token: the static read-only check and parameter binding.

Strings, IRIs and comments are single tokens, so a keyword inside a literal is never taken for
one. `check_query` refuses updates, LOAD and SERVICE calls outside an allowlist before any engine
sees the text (both pyoxigraph and rdflib would call out: an SSRF path). `with_values` binds
parameters as RDF terms in a VALUES block opening the WHERE clause and each sub-SELECT's, in
pyoxigraph's canonical serialization: a value can never become query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union

from pyoxigraph import Literal, NamedNode

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
    """The query text with a VALUES block for `bindings` opening its WHERE clause and the WHERE
    clause of every sub-SELECT, so that a parameter is the same constant everywhere."""
    if not bindings:
        return "".join(token.text for token in tokens)
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    significant = _significant(tokens)
    openings: list[int] = []
    awaiting_where = True  # the query's own WHERE clause, then one per SELECT met
    depth = 0
    for position, (index, token) in enumerate(significant):
        if token.kind == "word" and token.text.upper() == "SELECT" and openings:
            awaiting_where, depth = True, 0
        elif token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif token.text == "{" and depth == 0 and awaiting_where:
            following = significant[position + 1][1] if position + 1 < len(significant) else None
            if following is not None and following.text.upper() == "SELECT":
                raise QueryError("cannot bind parameters when a WHERE clause is a bare sub-SELECT; wrap it in { }")
            openings.append(index)
            awaiting_where = False
    if not openings:
        raise QueryError("the query has no WHERE clause to bind parameters in")
    text = [token.text for token in tokens]
    for index in openings:
        text[index] += block
    return "".join(text)


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
