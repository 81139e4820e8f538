"""Remote store: any SPARQL 1.1 endpoint (Oxigraph server, Virtuoso, Jena Fuseki, GraphDB...).

Writing: each article is one SPARQL 1.1 Update (`dataset.article_update`: DROP SILENT GRAPH,
then INSERT DATA), so one request replaces one article, atomically on any store that runs an
update request as one transaction, and replaying it after a lost answer changes nothing.
Reading: the saved queries with their parameters written in as constants (`query.prepare_query`,
as for the embedded store), and the dataset's quads, graph by graph, for export.

SPARQLWrapper builds each protocol request (a form-encoded POST, the Accept header, Basic
auth); a client of our own sends it, because SPARQLWrapper alone follows redirects with the
credentials, treats a 200 HTML page as success, raises raw HTTPErrors and has no total
deadline. So: no redirect is followed; each attempt has a deadline for the whole answer, not
per socket read; connection failures and 429/502/503/504 are retried a bounded number of times
with exponential backoff; a 200 that is an HTML page, a Virtuoso partial answer (its
X-SQL-State header) or a bare `callret` row where solutions were expected is an error, never a
result. Credentials come from KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD and appear in no
message, log line or repr.
"""

from __future__ import annotations

import json
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import IO, TYPE_CHECKING, NoReturn

import pyoxigraph as ox
from rdflib import Graph
from SPARQLWrapper import INSERT, JSON, POST, SELECT, URLENCODED, SPARQLWrapper

from kg.errors import KgError
from kg.query import QueryResult, SavedQuery, Value, prepare_query, resolve_entity_params, term_value
from kg.dataset import article_update
from kg.terms import KG, KGR, graph_iri

if TYPE_CHECKING:
    from kg.progress import Progress

log = logging.getLogger(__name__)

USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"
DEFAULT_TIMEOUT_S = 60.0
RETRIED_STATUS = frozenset({429, 502, 503, 504})
PAGE_SIZE = 5000
"""Rows asked for per request when reading the dataset back: below Virtuoso's default
ResultSetMaxRows (10,000), past which it cuts an answer short without an error."""
_RESULTS_TYPES = frozenset({"application/sparql-results+json", "application/json"})
_EXCERPT = 200


class EndpointError(KgError):
    """The endpoint could not be used, or gave an answer that is not a result."""


class _Transient(Exception):
    """A failure worth another attempt: the connection, or a server saying 'later'."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where and how to reach a SPARQL 1.1 endpoint; the password never shows in a repr."""

    query_url: str
    update_url: str
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    timeout_s: float = DEFAULT_TIMEOUT_S
    attempts: int = 4
    backoff_s: float = 0.5

    def __post_init__(self) -> None:
        for url in (self.query_url, self.update_url):
            parts = urllib.parse.urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise EndpointError(f"endpoint {url!r} is not an http(s) URL")
            if parts.username is not None or parts.password is not None:
                raise EndpointError(
                    f"endpoint {parts.scheme}://{parts.hostname}...: put credentials in ${USER_VARIABLE} and "
                    f"${PASSWORD_VARIABLE}, not in the URL"
                )

    @classmethod
    def from_environment(
        cls,
        query_url: str,
        update_url: str | None = None,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        environ: Mapping[str, str] = os.environ,
    ) -> Endpoint:
        """An endpoint with its credentials, if any, from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD."""
        user, password = environ.get(USER_VARIABLE), environ.get(PASSWORD_VARIABLE)
        if bool(user) != bool(password):
            raise EndpointError(f"set both ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, or neither")
        return cls(query_url, update_url or query_url, user or None, password or None, timeout_s=timeout_s)


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get_content_type()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        raise EndpointError(
            f"{_origin(req.full_url)}: the endpoint redirects (HTTP {code}); kg follows no redirect, "
            "so that credentials go nowhere else: give the final URL"
        )


class RemoteStore:
    """A SPARQL 1.1 endpoint as kg's store: the writer of `kg build --endpoint`, the reader of
    `kg query --endpoint` and `kg export --endpoint`."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self._opener = urllib.request.build_opener(_NoRedirect())

    # ----------------------------------------------------------------------- writing

    def replace_article(self, article_id: str, graph: Graph) -> None:
        """Replace one article's graph with one update request."""
        self.update(article_update(article_id, graph))

    def update(self, text: str) -> None:
        """Send one SPARQL 1.1 Update; an error page or a redirect is a failure."""
        answer = self._send(self._request(text, update=True), "update")
        if answer.status != 204 and answer.content_type == "text/html":
            raise EndpointError(f"{_origin(self.endpoint.update_url)}: the update was answered with an HTML page, not an update result")

    # ----------------------------------------------------------------------- reading

    def check(self) -> None:
        """Fail early, before any article is processed, if the endpoint does not answer queries."""
        self.select("SELECT ?ok WHERE { BIND(true AS ?ok) }", expect=("ok",))

    def content_hash(self, article_id: str) -> str | None:
        """The content hash the stored version of an article was built from, if it is stored."""
        graph = ox.NamedNode(str(graph_iri(article_id)))
        predicate = ox.NamedNode(str(KG.contentHash))
        result = self.select(f"SELECT ?hash WHERE {{ GRAPH {graph} {{ ?article {predicate} ?hash }} }} LIMIT 1", expect=("hash",))
        return str(result.rows[0][0]) if result.rows else None

    def run_query(self, query: SavedQuery, params: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> QueryResult:
        """A saved query on the endpoint, its parameters bound as for the embedded store (an entity
        given by name or Wikidata id looked up on the endpoint first)."""
        resolved = resolve_entity_params(lambda text: self.select(text).rows, query, params)
        return self.select(prepare_query(query, resolved), expect=query.returns or None)

    def select(self, text: str, *, expect: tuple[str, ...] | None = None) -> QueryResult:
        """Run a SELECT query; its columns are checked against `expect` when given."""
        columns, bindings = self._solutions(text)
        if expect is not None and columns != expect:
            raise EndpointError(f"{_origin(self.endpoint.query_url)}: the answer has columns {', '.join(columns)}, not {', '.join(expect)}")
        rows = tuple(tuple(_value(binding.get(column)) for column in columns) for binding in bindings)
        return QueryResult(columns, rows)

    def graph_names(self) -> list[str]:
        """kg's named graphs on the endpoint (IRIs in kg's namespace), sorted; a server's own
        graphs (Virtuoso keeps several) are left out."""
        text = (
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{KGR}")) }} ORDER BY ?g'
        )
        return [_term(row["g"]).value for row in self._pages(text)]

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of kg's named graphs, read graph by graph in pages."""
        for name in self.graph_names():
            yield from self._graph_quads(name)

    def copy_into(self, store: ox.Store, progress: Progress | None = None) -> int:
        """Load the endpoint's kg graphs into a pyoxigraph store; returns the number of quads.
        `progress` advances by a graph, with the running count of quads copied."""
        names = self.graph_names()
        if progress is not None:
            progress.expect(len(names))
        count = 0
        batch: list[ox.Quad] = []
        for name in names:
            for quad in self._graph_quads(name):
                batch.append(quad)
                if len(batch) >= PAGE_SIZE:
                    store.extend(batch)
                    count, batch = count + len(batch), []
            if progress is not None:
                progress.advance(quads=count + len(batch))
        store.extend(batch)
        return count + len(batch)

    def _graph_quads(self, name: str) -> Iterator[ox.Quad]:
        graph = ox.NamedNode(name)
        text = f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o"
        for row in self._pages(text):
            subject, predicate, obj = _term(row["s"]), _term(row["p"]), _term(row["o"])
            if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
                raise EndpointError(f"graph <{name}>: the endpoint answered a triple with a literal subject or a non-IRI predicate")
            yield ox.Quad(subject, predicate, obj, graph)

    # ----------------------------------------------------------------------- protocol

    def _pages(self, text: str) -> Iterator[dict[str, dict[str, str]]]:
        offset = 0
        while True:
            _, bindings = self._solutions(f"{text} LIMIT {PAGE_SIZE} OFFSET {offset}")
            yield from bindings
            if len(bindings) < PAGE_SIZE:
                return
            offset += PAGE_SIZE

    def _solutions(self, text: str) -> tuple[tuple[str, ...], list[dict[str, dict[str, str]]]]:
        where = _origin(self.endpoint.query_url)
        answer = self._send(self._request(text, update=False), "query")
        if answer.content_type not in _RESULTS_TYPES:
            raise EndpointError(f"{where}: answered {answer.content_type}, not SPARQL JSON results (an error or login page?)")
        sql_state = answer.headers.get("X-SQL-State")
        if sql_state:
            message = answer.headers.get("X-SQL-Message", "")[:_EXCERPT]
            raise EndpointError(f"{where}: the endpoint returned a partial answer (SQL state {sql_state}: {message})")
        try:
            document = json.loads(answer.body)
            columns = tuple(str(column) for column in document["head"]["vars"])
            bindings = document["results"]["bindings"]
        except (ValueError, KeyError, TypeError):
            raise EndpointError(f"{where}: the answer is not well-formed SPARQL JSON results") from None
        if not isinstance(bindings, list) or not all(isinstance(binding, dict) for binding in bindings):
            raise EndpointError(f"{where}: the answer is not well-formed SPARQL JSON results")
        if any(column.startswith("callret-") for column in columns):
            excerpt = " ".join(json.dumps(bindings)[:_EXCERPT].split())
            raise EndpointError(f"{where}: the endpoint answered a status row instead of solutions: {excerpt}")
        return columns, bindings

    def _request(self, text: str, *, update: bool) -> urllib.request.Request:
        wrapper = SPARQLWrapper(self.endpoint.query_url, updateEndpoint=self.endpoint.update_url)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setReturnFormat(JSON)
        wrapper.setOnlyConneg(True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # its guess of the query type, replaced below
            wrapper.setQuery(text)
        wrapper.queryType = INSERT if update else SELECT  # kg knows what it sends; SPARQLWrapper guesses by substring
        if self.endpoint.user and self.endpoint.password:
            wrapper.setCredentials(self.endpoint.user, self.endpoint.password)
        request = wrapper._createRequest()  # the protocol request, sent by _send, not by SPARQLWrapper
        request.add_header("User-Agent", "kg (https://w3id.org/kg-ir)")
        return request

    def _send(self, request: urllib.request.Request, what: str) -> _Answer:
        where = _origin(request.full_url)
        attempts = self.endpoint.attempts
        for attempt in range(1, attempts + 1):
            try:
                return self._once(request, where)
            except _Transient as problem:
                if attempt == attempts:
                    raise EndpointError(f"{where}: {what} failed after {attempts} attempts: {problem}") from None
                delay = self.endpoint.backoff_s * 2 ** (attempt - 1)
                log.warning("%s: %s (attempt %d of %d); trying again in %.1f s", where, problem, attempt, attempts, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")

    def _once(self, request: urllib.request.Request, where: str) -> _Answer:
        timeout = self.endpoint.timeout_s
        deadline = time.monotonic() + timeout
        try:
            response = self._opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as error:
            with error:
                self._refuse(error.code, error.headers, _read(error, deadline, where, timeout), where)
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                _timed_out(where, timeout)
            raise _Transient(f"cannot connect: {error.reason}") from None
        except TimeoutError:
            _timed_out(where, timeout)
        except ConnectionError as error:
            raise _Transient(f"connection lost: {error}") from None
        with response:
            try:
                body = _read(response, deadline, where, timeout)
            except ConnectionError as error:
                raise _Transient(f"connection lost: {error}") from None
            return _Answer(response.status, response.headers, body)

    @staticmethod
    def _refuse(status: int, headers: Message, body: bytes, where: str) -> NoReturn:
        if status in RETRIED_STATUS:
            raise _Transient(f"HTTP {status}")
        excerpt = " ".join(body[:_EXCERPT].decode("utf-8", "replace").split())
        if headers.get_content_type() == "text/html":
            excerpt = "(an HTML page)"
        hint = " (check $KG_ENDPOINT_USER and $KG_ENDPOINT_PASSWORD)" if status in (401, 403) else ""
        raise EndpointError(f"{where}: HTTP {status}{hint}: {excerpt}")


def _read(response: IO[bytes], deadline: float, where: str, timeout: float) -> bytes:
    """The whole body, or a timeout once `deadline` passes, however slowly the bytes drip."""
    chunks: list[bytes] = []
    read1 = getattr(response, "read1", response.read)
    try:
        while True:
            if time.monotonic() > deadline:
                _timed_out(where, timeout)
            chunk = read1(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    except TimeoutError:
        _timed_out(where, timeout)


def _timed_out(where: str, timeout: float) -> NoReturn:
    raise EndpointError(
        f"{where}: no complete answer within {timeout:g} s; the request may still have been applied "
        "(sending an article again is safe)"
    )


def _origin(url: str) -> str:
    """scheme://host:port/path of a URL, without query string or credentials, for messages."""
    parts = urllib.parse.urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}{parts.path}"


def _term(binding: dict[str, str]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A term of SPARQL JSON results (including the older 'typed-literal') as a pyoxigraph term."""
    kind, value = binding.get("type"), binding.get("value", "")
    try:
        if kind == "uri":
            return ox.NamedNode(value)
        if kind == "bnode":
            return ox.BlankNode(value)
        if kind in ("literal", "typed-literal"):
            if "xml:lang" in binding:
                return ox.Literal(value, language=binding["xml:lang"])
            if "datatype" in binding:
                return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
            return ox.Literal(value)
    except ValueError as error:
        raise EndpointError(f"the endpoint answered a bad RDF term: {error}") from None
    raise EndpointError(f"the endpoint answered a term of unknown type {kind!r}")


def _value(binding: dict[str, str] | None) -> Value:
    return None if binding is None else term_value(_term(binding))
