"""Online reconciliation: a label and an entity type -> Wikidata candidates, from a SPARQL endpoint.

Used by link for entities the gazetteer does not know (opt-in). SPARQLWrapper builds the request;
everything it does not check is checked here (RELIABILITY.md item 3): any HTTP error status, an
answer that is not SPARQL JSON, a total deadline that a slow-drip answer cannot outlast, retries
with backoff, a minimum interval between requests, labels bound as validated SPARQL literals, and
an on-disk JSON cache keyed by (endpoint, query) so that a second run asks nothing.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import logging
import math
import os
import re
import socket
import time
import unicodedata
import urllib.error
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit, urlunsplit

from SPARQLWrapper import GET, JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from kg import __version__
from kg.errors import LinkError, LinkUnavailable
from kg.records import Candidate, EntityType
from kg.terms import QID_PATTERN, WD

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
# Wikimedia's User-Agent policy asks for a descriptive agent with a way to reach its maintainers.
DEFAULT_USER_AGENT = f"kg/{__version__} (https://w3id.org/kg-ir; knowledge-graph builder for international relations)"
# Classes an item must be an instance of (wdt:P31, or a subclass of one through wdt:P279) to be a
# candidate of each type. Q5 human; Q3624078 sovereign state; Q6256 country; Q43229 organization;
# Q484652 international organization (the last listed so that an item typed with it directly
# matches even where the endpoint lacks the subclass chain).
CLASSES: dict[EntityType, tuple[str, ...]] = {
    EntityType.PERSON: ("Q5",),
    EntityType.STATE: ("Q3624078", "Q6256"),
    EntityType.ORGANIZATION: ("Q43229", "Q484652"),
}
SUBCLASSES: dict[EntityType, bool] = {EntityType.PERSON: False, EntityType.STATE: False, EntityType.ORGANIZATION: True}
LABEL_SCORE, ALIAS_SCORE = 1.0, 0.9  # the label matched, or only an alias (skos:altLabel)
MAX_RESULTS = 20
MAX_LABEL = 300
MAX_BYTES = 4_000_000  # a search answer is a few kB; more than this is not an answer
CHUNK = 16_384
PROBE_QUERY = "SELECT * WHERE { } LIMIT 1"
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_ESCAPES = {'"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_literal(text: str, language: str = "en") -> str:
    """`text` as a SPARQL string literal with a language tag, escaped so it can only be that literal.

    Raises ValueError for text no label has: empty, too long, lone surrogates, control
    characters other than the escapable white space, or a backslash (engines disagree on whether
    `\\u`-escapes inside a string are read before or after string escapes, so no backslash is
    ever sent).
    """
    if not _LANGUAGE.match(language):
        raise ValueError(f"language tag {language!r} is not a BCP 47 tag like 'en'")
    if not text or len(text) > MAX_LABEL:
        raise ValueError(f"label of {len(text)} characters; expected 1 to {MAX_LABEL}")
    if "\\" in text:
        raise ValueError(f"label {text[:40]!r} holds a backslash")
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in ("Cc", "Cs", "Cn"):
            raise ValueError(f"label {text[:40]!r} holds the character U+{ord(char):04X}")
        else:
            out.append(char)
    return f'"{"".join(out)}"@{language}'


def search_query(label: str, entity_type: EntityType) -> str:
    """The SELECT that finds items labelled (or aliased) `label` in English, of the classes of the type."""
    literal = sparql_literal(label)
    classes = " ".join(f"wd:{qid}" for qid in CLASSES[entity_type])
    path = "wdt:P31/wdt:P279*" if SUBCLASSES[entity_type] else "wdt:P31"
    return (
        "PREFIX wd: <http://www.wikidata.org/entity/>\n"
        "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT DISTINCT ?item ?label ?byLabel WHERE {\n"
        f"  VALUES ?class {{ {classes} }}\n"
        f"  {{ ?item rdfs:label {literal} . BIND(true AS ?byLabel) }}\n"
        f"  UNION {{ ?item skos:altLabel {literal} . BIND(false AS ?byLabel) }}\n"
        f"  ?item {path} ?class .\n"
        '  OPTIONAL { ?item rdfs:label ?label . FILTER(LANG(?label) = "en") }\n'
        f"}}\nLIMIT {MAX_RESULTS}\n"
    )


def redact(url: str) -> str:
    """A URL fit for a log line: no user name, password or query string."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class _Retry(Exception):
    """A failure worth another try; `refused` when nothing listened, `unreachable` when the
    endpoint could not be reached at all (refused, no route, no name resolution)."""

    def __init__(self, message: str, *, refused: bool = False, unreachable: bool = False) -> None:
        super().__init__(message)
        self.refused = refused
        self.unreachable = unreachable or refused


class WikidataClient:
    """Searches a Wikidata SPARQL endpoint by label and type, politely and with a cache."""

    def __init__(
        self,
        endpoint: str = DEFAULT_ENDPOINT,
        *,
        cache_dir: Path,
        user_agent: str = DEFAULT_USER_AGENT,
        min_interval_s: float = 1.0,
        retries: int = 3,
        backoff: float = 1.0,
        total_timeout_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"endpoint {redact(endpoint)!r} is not an http(s) URL")
        if parts.username is not None or parts.password is not None:
            raise ValueError(f"endpoint {redact(endpoint)!r}: credentials in the URL are not supported")
        if not user_agent.strip():
            raise ValueError("user_agent is empty; Wikimedia asks for a descriptive one with a contact")
        self.endpoint = endpoint
        self.cache_dir = cache_dir
        self.user_agent = user_agent
        self.min_interval_s = min_interval_s
        self.retries = retries
        self.backoff = backoff
        self.total_timeout_s = total_timeout_s
        self.requests = 0  # requests sent (cache hits send none)
        self._clock = clock
        self._sleep = sleep
        self._last_request: float | None = None

    def check(self, *, timeout_s: float = 10.0) -> None:
        """Ask the endpoint one trivial query, once, so that a run without a network gives up at
        its start instead of at every entity. Raises LinkUnavailable naming the problem."""
        try:
            self._ask(PROBE_QUERY, retries=0, timeout_s=timeout_s)
        except LinkError as error:
            raise LinkUnavailable(str(error)) from None

    def search(self, label: str, entity_type: EntityType) -> list[Candidate]:
        """Items of the type's classes whose English label or alias is `label`, best first.

        Raises LinkError when this lookup failed, LinkUnavailable when the endpoint cannot be
        reached at all.
        """
        if entity_type not in CLASSES:
            return []
        try:
            query = search_query(label, entity_type)
        except ValueError as error:
            raise LinkError(f"label {label[:60]!r} cannot be searched: {error}") from None
        bindings = self._cached(query)
        if bindings is None:
            bindings = self._ask(query)
            self._store(query, bindings)
        return _candidates(bindings, label)

    # ------------------------------------------------------------------ cache

    def _cache_path(self, query: str) -> Path:
        digest = hashlib.sha256(f"{self.endpoint}\n{query}".encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def _cached(self, query: str) -> list[dict[str, Any]] | None:
        path = self._cache_path(query)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("wikidata cache %s unreadable (%s); asking again", path, error)
            return None
        if record.get("endpoint") != self.endpoint or record.get("query") != query:
            return None
        bindings = record.get("bindings")
        return bindings if isinstance(bindings, list) else None

    def _store(self, query: str, bindings: list[dict[str, Any]]) -> None:
        path = self._cache_path(query)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        record = {"endpoint": self.endpoint, "query": query, "bindings": bindings}
        partial.write_text(json.dumps(record, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(partial, path)

    # ------------------------------------------------------------------ requests

    def _ask(self, query: str, *, retries: int | None = None, timeout_s: float | None = None) -> list[dict[str, Any]]:
        deadline = self._clock() + (self.total_timeout_s if timeout_s is None else timeout_s)
        where = redact(self.endpoint)
        problems: list[str] = []
        refused = unreachable = 0
        for attempt in range((self.retries if retries is None else retries) + 1):
            if attempt:
                pause = self.backoff * 2 ** (attempt - 1)
                if self._clock() + pause >= deadline:
                    break
                self._sleep(pause)
            try:
                return self._request(query, deadline)
            except _Retry as failure:
                problems.append(str(failure))
                refused += failure.refused
                unreachable += failure.unreachable
            if self._clock() >= deadline:
                break
        if problems and refused == len(problems):
            raise LinkUnavailable(f"{where}: connection refused {refused} times")
        if problems and unreachable == len(problems):
            raise LinkUnavailable(f"{where}: cannot be reached: {problems[-1]} ({len(problems)} tries)")
        raise LinkError(f"{where}: {problems[-1] if problems else 'no time left'} ({len(problems)} tries)")

    def _request(self, query: str, deadline: float) -> list[dict[str, Any]]:
        self._wait_turn()
        sparql = SPARQLWrapper(self.endpoint, agent=self.user_agent)
        sparql.setMethod(GET)
        sparql.setOnlyConneg(True)
        sparql.setReturnFormat(JSON)
        sparql.setQuery(query)
        sparql.setTimeout(max(1, math.ceil(deadline - self._clock())))
        self.requests += 1
        self._last_request = self._clock()
        try:
            response = sparql.query().response
            content_type = response.headers.get("Content-Type", "")
            body = self._read(response, deadline)
        except urllib.error.HTTPError as error:  # 503, 429 ... arrive raw
            raise self._status(error.code) from None
        except EndPointInternalError:  # the body may echo the query: not in our messages
            raise _Retry("HTTP 500") from None
        except SPARQLWrapperException as error:  # 400, 401, 404, 414
            raise LinkError(f"{redact(self.endpoint)}: {type(error).__name__}") from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, ConnectionRefusedError):
                raise _Retry("connection refused", refused=True) from None
            unreachable = isinstance(reason, (socket.gaierror, OSError)) and not isinstance(reason, TimeoutError)
            raise _Retry(f"cannot connect: {_reason(reason)}", unreachable=unreachable) from None
        except (TimeoutError, socket.timeout):
            raise _Retry("timed out") from None
        except (http.client.HTTPException, ConnectionError) as error:
            raise _Retry(f"broken answer: {type(error).__name__}") from None
        return _bindings(body, content_type, redact(self.endpoint))

    def _read(self, response: Any, deadline: float) -> bytes:
        """The whole body, or _Retry when the deadline passes first (a slow drip cannot outlast it)."""
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if self._clock() >= deadline:
                    raise _Retry(f"no complete answer within {self.total_timeout_s:g} s")
                chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
                if not chunk:
                    return b"".join(chunks)
                size += len(chunk)
                if size > MAX_BYTES:
                    raise LinkError(f"{redact(self.endpoint)}: answer larger than {MAX_BYTES} bytes")
                chunks.append(chunk)
        finally:
            response.close()

    def _status(self, code: int) -> Exception:
        if code == 429 or code >= 500:
            return _Retry(f"HTTP {code}")
        return LinkError(f"{redact(self.endpoint)}: HTTP {code}")

    def _wait_turn(self) -> None:
        if self._last_request is None:
            return
        wait = self._last_request + self.min_interval_s - self._clock()
        if wait > 0:
            self._sleep(wait)


def _reason(reason: object) -> str:
    """A connection failure in a few words: its kind and, for operating-system errors, its text."""
    text = getattr(reason, "strerror", None)
    return f"{type(reason).__name__} ({text})" if text else type(reason).__name__


def _bindings(body: bytes, content_type: str, where: str) -> list[dict[str, Any]]:
    if "json" not in content_type.lower():
        raise LinkError(f"{where}: answer is {content_type or 'untyped'}, not SPARQL JSON")
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise LinkError(f"{where}: malformed JSON answer: {error}") from None
    results = document.get("results") if isinstance(document, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list) or not all(isinstance(row, dict) for row in bindings):
        raise LinkError(f"{where}: JSON answer without results.bindings")
    return bindings


def _candidates(bindings: list[dict[str, Any]], label: str) -> list[Candidate]:
    """One candidate per item, scored by whether its label or only an alias matched."""
    best: dict[str, Candidate] = {}
    for row in bindings:
        item = row.get("item", {}).get("value", "")
        qid = item[len(str(WD)) :] if item.startswith(str(WD)) else ""
        if not QID_PATTERN.match(qid):
            continue
        name = row.get("label", {}).get("value") or label
        by_label = row.get("byLabel", {}).get("value") in ("true", "1")
        candidate = Candidate(qid, name, LABEL_SCORE if by_label else ALIAS_SCORE)
        if qid not in best or best[qid].score < candidate.score:
            best[qid] = candidate
    return sorted(best.values(), key=lambda c: (-c.score, c.qid))
