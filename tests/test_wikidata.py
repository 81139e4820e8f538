"""Online reconciliation against a real local Oxigraph server holding a Wikidata-shaped extract.

The extract is made from the shipped gazetteer (itself built from shared/reference): rdfs:label,
skos:altLabel, wdt:P31 and schema:description, as Wikidata writes them. A small loopback server in
front of Oxigraph counts requests and injects faults (HTTP 500, 503, an HTML page, malformed JSON, a
slow drip).
"""

from __future__ import annotations

import logging
import threading
import unicodedata
import time
import urllib.request
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS
from rdflib.plugins.sparql import prepareQuery

from conftest import OxigraphServer
from kg.errors import LinkError, LinkUnavailable
from kg.gazetteer import load_gazetteer, read_gazetteer
from kg.link import Linker
from kg.records import Article, Candidate, Entity, EntityType, Extraction, Judgement, Mention
from kg.terms import SCHEMA, WD, WDT
from kg.wikidata import WikidataClient, search_query, sparql_literal

pytestmark = pytest.mark.server

USER_AGENT = "kg-tests/0.1 (https://w3id.org/kg-ir; test suite, loopback only)"
ITEMS = ("Q717", "Q30", "Q230", "Q7184", "Q458", "Q58132", "Q22686")
CLASS_OF = {EntityType.STATE: "Q3624078", EntityType.ORGANIZATION: "Q484652", EntityType.PERSON: "Q5"}


def wikidata_extract() -> str:
    gazetteer = load_gazetteer()
    graph = Graph()
    for qid in ITEMS:
        entry = gazetteer.entry_by_qid(qid)
        assert entry is not None, qid
        item = WD[qid]
        graph.add((item, RDFS.label, Literal(entry.name, lang="en")))
        for alias in entry.aliases:
            graph.add((item, SKOS.altLabel, Literal(alias, lang="en")))
        graph.add((item, WDT.P31, WD[CLASS_OF[entry.type]]))
        offices = sorted({t.position for t in gazetteer.tenures if t.person_qid == qid})
        description = "; ".join(offices) or f"{entry.type.value.lower()} ({entry.source})"
        graph.add((item, SCHEMA.description, Literal(description, lang="en")))
    return graph.serialize(format="turtle")


class FrontServer:
    """A loopback HTTP server in front of Oxigraph: counts requests, forwards them or fails them."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.mode = "forward"
        self.requests = 0
        self.user_agents: list[str] = []
        front = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                front.requests += 1
                front.user_agents.append(self.headers.get("User-Agent", ""))
                front.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/query"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        if self.mode == "forward":
            query = handler.path.partition("?")[2]
            request = urllib.request.Request(f"{self.upstream}?{query}", headers={"Accept": handler.headers["Accept"]})
            with urllib.request.urlopen(request, timeout=10) as response:
                body, content_type = response.read(), response.headers["Content-Type"]
            self.send(handler, 200, content_type, body)
        elif self.mode in ("500", "503"):
            self.send(handler, int(self.mode), "text/plain", b"the query was: SELECT ... secret details")
        elif self.mode == "html":
            self.send(handler, 200, "text/html", b"<html><body>Please log in</body></html>")
        elif self.mode == "malformed":
            self.send(handler, 200, "application/sparql-results+json", b'{"head": {"vars": ["item"]}, "results": {"bind')
        elif self.mode == "slow":
            handler.send_response(200)
            handler.send_header("Content-Type", "application/sparql-results+json")
            handler.end_headers()
            try:
                for _ in range(40):  # 1 byte every 0.25 s: 10 s in all, bounded
                    handler.wfile.write(b" ")
                    handler.wfile.flush()
                    time.sleep(0.25)
            except (BrokenPipeError, ConnectionResetError):
                return

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def wikidata(oxigraph_server: OxigraphServer) -> OxigraphServer:
    oxigraph_server.load(wikidata_extract(), graph=None)
    return oxigraph_server


@pytest.fixture
def front(wikidata: OxigraphServer) -> Iterator[FrontServer]:
    server = FrontServer(wikidata.query_url)
    yield server
    server.close()


def client(endpoint: str, cache_dir: Path, **options: float) -> WikidataClient:
    settings = {"min_interval_s": 0.0, "retries": 1, "backoff": 0.01, "total_timeout_s": 5.0, **options}
    return WikidataClient(endpoint, cache_dir=cache_dir, user_agent=USER_AGENT, **settings)  # type: ignore[arg-type]


def test_wikidata_search_by_label_and_alias_restricted_by_type(wikidata: OxigraphServer, tmp_path: Path) -> None:
    search = client(wikidata.query_url, tmp_path).search
    assert search("Venezuela", EntityType.STATE) == [Candidate("Q717", "Venezuela", 1.0)]
    assert search("Bolivarian Republic of Venezuela", EntityType.STATE) == [Candidate("Q717", "Venezuela", 0.9)]
    assert [(c.qid, c.score) for c in search("NATO", EntityType.ORGANIZATION)] == [("Q7184", 0.9)]
    assert search("Nicolás Maduro", EntityType.PERSON) == [Candidate("Q58132", "Nicolás Maduro", 1.0)]
    assert search("Venezuela", EntityType.PERSON) == []
    assert search("Georgia", EntityType.ORGANIZATION) == []


def test_wikidata_cache_hit_makes_no_second_request(front: FrontServer, tmp_path: Path) -> None:
    first = client(front.url, tmp_path).search("United States", EntityType.STATE)
    assert first == [Candidate("Q30", "United States", 1.0)] and front.requests == 1
    assert front.user_agents == [USER_AGENT]
    again = client(front.url, tmp_path).search("United States", EntityType.STATE)  # a new run, same cache
    assert again == first and front.requests == 1
    assert len(list(tmp_path.rglob("*.json"))) == 1


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("500", "HTTP 500 (2 tries)"),
        ("503", "HTTP 503 (2 tries)"),
        ("html", "answer is text/html, not SPARQL JSON"),
        ("malformed", "malformed JSON answer: Unterminated string starting at: line 1 column 42 (char 41)"),
        ("slow", "no complete answer within 2 s (1 tries)"),
    ],
)
def test_wikidata_failure_leaves_the_entity_unlinked_and_the_build_going_on(
    front: FrontServer, tmp_path: Path, mode: str, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    front.mode = mode
    retries = 0 if mode == "slow" else 1
    online = client(front.url, tmp_path / "cache", total_timeout_s=2.0, retries=retries)
    linker = Linker(load_gazetteer(), online=online)
    text = "Marco Rubio met officials in Venezuela."
    extraction = Extraction(
        Article("a1", text, published=date(2025, 6, 1)),
        (
            Entity("rubio", "Marco Rubio", EntityType.PERSON, (Mention(0, 11, "Marco Rubio"),)),
            Entity("venezuela", "Venezuela", EntityType.STATE, (Mention(29, 38, "Venezuela"),)),
        ),
    )
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="kg.link"):
        links = linker.link(extraction)
    assert time.monotonic() - started < 5
    rubio = links["rubio"]
    assert (rubio.judgement, rubio.qid, rubio.source) == (Judgement.REJECTED, None, "wikidata")
    assert rubio.reason == f"wikidata lookup failed: {front.url}: {reason}"
    assert links["venezuela"].qid == "Q717"  # the gazetteer still links
    assert "lookup of 'Marco Rubio' failed" in caplog.text
    assert "secret details" not in caplog.text and "secret details" not in rubio.reason
    assert not list((tmp_path / "cache").rglob("*.json"))  # failures are not cached


def test_wikidata_online_candidates_feed_the_same_decision(front: FrontServer, tmp_path: Path) -> None:
    empty = tmp_path / "gazetteers"
    empty.mkdir()
    (empty / "states.tsv").write_text("qid\tname\taliases\tdemonyms\tcapitals\tiso2\tiso3\n")
    (empty / "igos.tsv").write_text("qid\tname\taliases\tkind\n")
    (empty / "leaders.tsv").write_text(
        "person_qid\tperson\taliases\tposition_qid\tposition\trole\tof_qid\tof_name\tstart\tend\tas_of\tsource\n"
    )
    linker = Linker(read_gazetteer(empty), online=client(front.url, tmp_path / "cache"))
    text = "Nicolás Maduro spoke to NATO."
    links = linker.link(
        Extraction(
            Article("a2", text),
            (
                Entity("maduro", "Nicolás Maduro", EntityType.PERSON, (Mention(0, 14, "Nicolás Maduro"),)),
                Entity("nato", "NATO", EntityType.ORGANIZATION, (Mention(24, 28, "NATO"),)),
                Entity("mars", "Mars", EntityType.STATE, (Mention(0, 0, ""),)),
            ),
        )
    )
    assert (links["maduro"].judgement, links["maduro"].qid, links["maduro"].source) == (Judgement.SUGGESTED, "Q58132", "wikidata")
    assert (links["nato"].judgement, links["nato"].qid) == (Judgement.SUGGESTED, "Q7184")
    assert links["mars"].reason == "not in the gazetteer nor on wikidata"


def test_wikidata_refused_connections_make_the_service_unavailable(tmp_path: Path) -> None:
    from conftest import free_port

    endpoint = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(LinkUnavailable, match=r"^http://127.0.0.1:\d+/sparql: connection refused 2 times$"):
        client(endpoint, tmp_path).search("Venezuela", EntityType.STATE)


def test_wikidata_endpoint_with_credentials_is_refused_without_showing_them(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as caught:
        client("http://user:hunter2@127.0.0.1:9/sparql?key=s3cret", tmp_path)
    assert str(caught.value) == "endpoint 'http://127.0.0.1:9/sparql': credentials in the URL are not supported"


@pytest.mark.parametrize(
    "label",
    ['x" } ; DROP ALL ; INSERT DATA { <a> <b> <c> } #', "no \"quoted\"\nnew line\ttab", "Côte d’Ivoire", "}"],
)
def test_wikidata_labels_are_bound_as_one_literal(label: str) -> None:
    text = search_query(label, EntityType.STATE)
    assert text.count(sparql_literal(label)) == 2
    parsed = prepareQuery(text)
    found = {value for value in _literals(parsed.algebra) if isinstance(value, Literal)}
    assert Literal(label, lang="en") in found


def _literals(node: object) -> Iterator[object]:
    """Every term in a parsed query's algebra."""
    if isinstance(node, Literal):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _literals(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _literals(value)


def test_wikidata_rejects_labels_no_literal_can_hold() -> None:
    with pytest.raises(ValueError, match=r"holds the character U\+0000"):
        sparql_literal("a\x00b")
    with pytest.raises(ValueError, match=r"label of 0 characters"):
        sparql_literal("")
    with pytest.raises(ValueError, match=r"holds a backslash"):
        sparql_literal("a\\U0000")
    with pytest.raises(LinkError, match=r"cannot be searched: label 'a\\x07' holds the character U\+0007"):
        WikidataClient("http://127.0.0.1:9/sparql", cache_dir=Path("unused"), user_agent=USER_AGENT).search("a\x07", EntityType.STATE)


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn"), blacklist_characters="\\"), min_size=1, max_size=60))
@settings(max_examples=200, deadline=None)
def test_wikidata_any_label_parses_back_to_itself(label: str) -> None:
    found = {value for value in _literals(prepareQuery(search_query(label, EntityType.PERSON)).algebra)}
    assert Literal(unicodedata.normalize("NFC", label), lang="en") in found


@pytest.mark.parametrize("endpoint", ["http://kg-no-such-host.invalid/sparql", "http://127.0.0.1:{port}/sparql"])
def test_wikidata_check_gives_up_at_once_on_an_endpoint_that_cannot_be_reached(endpoint: str, tmp_path: Path) -> None:
    from conftest import free_port

    pauses: list[float] = []
    unreachable = client(endpoint.format(port=free_port()), tmp_path, retries=3, backoff=5.0)
    unreachable._sleep = pauses.append  # type: ignore[method-assign]
    with pytest.raises(LinkUnavailable, match=r"(cannot be reached|connection refused 1 times)"):
        unreachable.check()
    assert unreachable.requests == 1 and pauses == []  # one try, no back-off


def test_wikidata_search_on_an_unknown_host_is_unavailable_not_a_per_entity_failure(tmp_path: Path) -> None:
    with pytest.raises(LinkUnavailable, match=r"^http://kg-no-such-host.invalid/sparql: cannot be reached: cannot connect: gaierror"):
        client("http://kg-no-such-host.invalid/sparql", tmp_path).search("Venezuela", EntityType.STATE)
