"""SPARQL text, read token by token: the static read-only check and parameter binding.

Strings, IRIs and comments are single tokens, so a keyword inside a literal is never taken for
one. `check_query` refuses updates, LOAD and SERVICE calls outside an allowlist before any engine
sees the text (both pyoxigraph and rdflib would call out: an SSRF path). `bound_tokens` binds
parameters as RDF terms put in place of their variables, in pyoxigraph's canonical
serialization: a value can never become query syntax. `without_final_order` takes off a query's
closing ORDER BY of variables, for a caller that sorts the rows itself.
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


def check_query(text: str, *, allow_service: frozenset[str] = frozenset()) -> list[Token]:
    """Refuse anything but a read-only query: updates, LOAD, and SERVICE outside `allow_service`;
    the tokens of the text, read once for the check and for the caller.

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
    return tokens


def bound_tokens(tokens: list[Token], bindings: Mapping[str, Term]) -> list[Token]:
    """The tokens with each parameter variable replaced by its RDF term, written by pyoxigraph
    (a token of kind "term").

    A parameter is one constant throughout the query, so it may appear anywhere a term may: in
    triple patterns (where the engine's planner sees it and starts from it), FILTERs, BINDs, UNION
    branches and sub-SELECTs. It may not be assigned (`AS ?p`), projected, grouped by or listed
    in a VALUES header, where a constant is not allowed: such a query is refused.
    """
    significant = _significant(tokens)
    bound = list(tokens)
    clause = ""  # the keyword clause a bare variable is in: SELECT (projection), GROUP, VALUES ...
    depth = 0
    previous = ""
    for index, token in significant:
        word = token.text.upper() if token.kind == "word" else ""
        if word in ("SELECT", "GROUP", "VALUES", "WHERE", "ORDER", "HAVING", "LIMIT", "OFFSET"):
            clause = word
        elif token.text == "{":
            clause = "" if clause != "VALUES" else "VALUES-DATA"
        elif token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif token.kind == "var" and token.text[1:] in bindings:
            name = token.text
            if previous == "AS":
                raise QueryError(f"parameter {name} is assigned with AS; a parameter is a constant")
            if clause in ("SELECT", "GROUP", "ORDER", "VALUES") and (depth == 0 or clause == "VALUES"):
                raise QueryError(f"parameter {name} is projected, grouped by, ordered by or listed in VALUES; use it in the pattern only")
            bound[index] = Token("term", str(bindings[token.text[1:]]))
        previous = word
    return bound


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


@dataclass(frozen=True, slots=True)
class OrderKey:
    """One key of an ORDER BY: a variable's name (without `?`), ascending or descending."""

    variable: str
    descending: bool


def without_final_order(tokens: list[Token]) -> tuple[str, tuple[OrderKey, ...]] | None:
    """The query text without the ORDER BY that ends it, and that clause's keys; None unless the
    query ends with an ORDER BY of variables only (`?v`, `ASC(?v)`, `DESC(?v)`): after an
    expression, a LIMIT, an OFFSET or a closing VALUES the order cannot be applied apart."""
    significant = _significant(tokens)
    words = [token.text.upper() if token.kind == "word" else token.text for _, token in significant]
    start = len(words) - 1
    while start > 0 and words[start] != "}":
        start -= 1
    while start < len(words) - 1 and words[start : start + 2] != ["ORDER", "BY"]:
        start += 1  # past GROUP BY and HAVING, which stay
    if words[start : start + 2] != ["ORDER", "BY"]:
        return None
    keys: list[OrderKey] = []
    position = start + 2
    while position < len(significant):
        token = significant[position][1]
        if token.kind == "var":
            keys.append(OrderKey(token.text[1:], False))
            position += 1
        elif words[position] in ("ASC", "DESC") and words[position + 1 : position + 2] == ["("] and words[position + 3 : position + 4] == [")"] and significant[position + 2][1].kind == "var":
            keys.append(OrderKey(significant[position + 2][1].text[1:], words[position] == "DESC"))
            position += 4
        else:
            return None
    if not keys:
        return None
    cut = significant[start][0]
    return "".join(token.text for token in tokens[:cut]), tuple(keys)
