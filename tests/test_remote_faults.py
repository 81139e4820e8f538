"""The remote store against a fake loopback SPARQL server that misbehaves on purpose.

Each test scripts the server's answers and checks that kg retries what is worth retrying,
stops at its deadlines, refuses what is not a result, and never shows the password.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.query import resolve_query
from kg.remote import Endpoint, EndpointError, RemoteStore
from kg.terms import graph_iri

PASSWORD = "s3cret-pa55word"
RESULTS = "application/sparql-results+json"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = RESULTS
    headers: dict[str, str] = field(default_factory=dict)
    drip_s: float = 0.0  # seconds between the body's bytes


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    form: dict[str, list[str]]


@dataclass
class FakeServer:
    url: str
    replies: list[Reply]  # answered in turn; the last one again once the list runs out
    received: list[Received]

    @property
    def endpoint(self) -> str:
        return f"{self.url}/sparql"


def solutions(columns: list[str], rows: list[dict[str, dict[str, str]]]) -> bytes:
    return json.dumps({"head": {"vars": columns}, "results": {"bindings": rows}}).encode()


@pytest.fixture
def fake() -> Iterator[Callable[..., FakeServer]]:
    servers: list[ThreadingHTTPServer] = []

    def start(*replies: Reply) -> FakeServer:
        state = FakeServer("", list(replies), [])

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                length = int(self.headers.get("Content-Length", "0"))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
                state.received.append(Received(self.path, dict(self.headers.items()), form))
                reply = state.replies.pop(0) if len(state.replies) > 1 else state.replies[0]
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    if not reply.drip_s:
                        self.wfile.write(reply.body)
                        return
                    for byte in reply.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(reply.drip_s)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST  # noqa: N815 - a followed redirect would arrive as a GET

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        state.url = f"http://127.0.0.1:{server.server_address[1]}"
        return state

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def remote(url: str, **options: float) -> RemoteStore:
    settings = {"timeout_s": 5.0, "backoff_s": 0.01, **options}
    return RemoteStore(Endpoint(url, url, timeout_s=settings["timeout_s"], attempts=int(settings.get("attempts", 3)), backoff_s=settings["backoff_s"]))


ONE_ROW = solutions(["ok"], [{"ok": {"type": "literal", "value": "true", "datatype": "http://www.w3.org/2001/XMLSchema#boolean"}}])


def test_remote_retries_503_and_429_then_answers(fake: Callable[..., FakeServer]) -> None:
    server = fake(Reply(503), Reply(429), Reply(body=ONE_ROW))
    remote(server.endpoint).check()
    assert len(server.received) == 3


def test_remote_gives_up_after_its_attempts(fake: Callable[..., FakeServer]) -> None:
    server = fake(Reply(503, b"busy", "text/plain"))
    with pytest.raises(EndpointError, match=r"failed after 3 attempts: HTTP 503"):
        remote(server.endpoint).check()
    assert len(server.received) == 3


def test_remote_does_not_retry_a_client_error(fake: Callable[..., FakeServer]) -> None:
    server = fake(Reply(400, b"Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error", "text/plain"))
    with pytest.raises(EndpointError, match=r"HTTP 400: Virtuoso 37000 Error SP030"):
        remote(server.endpoint).check()
    assert len(server.received) == 1


def test_remote_connection_refused_is_a_clear_error() -> None:
    from conftest import free_port

    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(EndpointError, match=r"failed after 3 attempts: cannot connect"):
        remote(url).check()


def test_remote_an_html_page_is_not_a_result(fake: Callable[..., FakeServer]) -> None:
    page = b"<html><body>Please log in</body></html>"
    server = fake(Reply(body=page, content_type="text/html"))
    with pytest.raises(EndpointError, match=r"answered text/html, not SPARQL JSON results"):
        remote(server.endpoint).check()
    with pytest.raises(EndpointError, match=r"the update was answered with an HTML page"):
        remote(server.endpoint).replace_article("a1", Graph())


def test_remote_a_virtuoso_partial_answer_is_an_error(fake: Callable[..., FakeServer]) -> None:
    headers = {"X-SQL-State": "S1TAT", "X-SQL-Message": "RC...: Returning incomplete results, query interrupted by result timeout"}
    server = fake(Reply(body=ONE_ROW, headers=headers))
    with pytest.raises(EndpointError, match=r"partial answer \(SQL state S1TAT: RC\.\.\.: Returning incomplete"):
        remote(server.endpoint).check()


def test_remote_a_status_row_is_not_a_solution(fake: Callable[..., FakeServer]) -> None:
    cancelled = solutions(["callret-0"], [{"callret-0": {"type": "literal", "value": "Query cancelled: transaction timed out"}}])
    server = fake(Reply(body=cancelled))
    with pytest.raises(EndpointError, match=r"status row instead of solutions: .*Query cancelled"):
        remote(server.endpoint).run_query(resolve_query("articles_overview"))


def test_remote_answer_with_other_columns_is_refused(fake: Callable[..., FakeServer]) -> None:
    server = fake(Reply(body=solutions(["something"], [])))
    with pytest.raises(EndpointError, match=r"the answer has columns something, not article"):
        remote(server.endpoint).run_query(resolve_query("articles_overview"))


def test_remote_malformed_results_are_refused(fake: Callable[..., FakeServer]) -> None:
    server = fake(Reply(body=b'{"head": {"vars": ["ok"]}, "results": {"bindings": "nope"}}'))
    with pytest.raises(EndpointError, match=r"not well-formed SPARQL JSON results"):
        remote(server.endpoint).check()


def test_remote_slow_drip_stops_at_the_total_deadline(fake: Callable[..., FakeServer]) -> None:
    server = fake(Reply(body=ONE_ROW, drip_s=0.2))  # about 20 s for the whole body, one byte at a time
    started = time.monotonic()
    with pytest.raises(EndpointError, match=r"no complete answer within 1 s"):
        remote(server.endpoint, timeout_s=1.0).check()
    assert time.monotonic() - started < 3
    assert len(server.received) == 1  # a timeout is not retried: the server is too slow, not away


def test_remote_follows_no_redirect_and_sends_no_credentials_elsewhere(fake: Callable[..., FakeServer]) -> None:
    elsewhere = fake(Reply(body=ONE_ROW))
    server = fake(Reply(302, b"", "text/plain", {"Location": elsewhere.endpoint}))
    store = RemoteStore(Endpoint(server.endpoint, server.endpoint, "kg", PASSWORD, backoff_s=0.01))
    with pytest.raises(EndpointError, match=r"redirects \(HTTP 302\); kg follows no redirect") as error:
        store.check()
    assert elsewhere.received == []
    assert PASSWORD not in str(error.value)


def test_remote_credentials_come_from_the_environment_and_are_never_shown(
    fake: Callable[..., FakeServer], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    server = fake(Reply(503), Reply(401, b"Unauthorized", "text/plain"))
    monkeypatch.setenv("KG_ENDPOINT_USER", "kg")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", PASSWORD)
    caplog.set_level(logging.DEBUG)
    assert main(["-v", "query", "articles_overview", "--endpoint", server.endpoint]) == 2
    err = capsys.readouterr().err
    assert "HTTP 401 (check $KG_ENDPOINT_USER and $KG_ENDPOINT_PASSWORD)" in err
    sent = server.received[0].headers["Authorization"]
    assert base64.b64decode(sent.removeprefix("Basic ")).decode() == f"kg:{PASSWORD}"
    endpoint = Endpoint.from_environment(server.endpoint)
    for text in (err, caplog.text, repr(endpoint), str(endpoint)):
        assert PASSWORD not in text and base64.b64encode(PASSWORD.encode()).decode() not in text
    with pytest.raises(EndpointError, match=r"not in the URL") as error:
        Endpoint(f"http://kg:{PASSWORD}@127.0.0.1:1/sparql", "http://127.0.0.1:1/sparql")
    assert PASSWORD not in str(error.value)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD")
    with pytest.raises(EndpointError, match=r"set both"):
        Endpoint.from_environment(server.endpoint)


def test_remote_one_request_replaces_one_article(fake: Callable[..., FakeServer]) -> None:
    server = fake(Reply(204, b"", "text/plain"))
    graph = Graph()
    hostile = 'x" } } ; DROP ALL ; INSERT DATA { GRAPH <http://evil/> { <http://a> <http://b> "c'
    graph.add((URIRef("https://w3id.org/kg-ir/id/article/a1"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(hostile)))
    remote(server.endpoint).replace_article("a1", graph)
    assert len(server.received) == 1
    (update,) = server.received[0].form["update"]
    assert f"DROP SILENT GRAPH <{graph_iri('a1')}>" in update
    import pyoxigraph as ox

    store = ox.Store()
    store.update(update)  # the escaped literal stays a literal: one quad, in the article's graph
    (quad,) = list(store)
    assert quad.object == ox.Literal(hostile) and quad.graph_name == ox.NamedNode(str(graph_iri("a1")))


def test_remote_sends_a_query_as_a_query_whatever_its_comments_say(fake: Callable[..., FakeServer], tmp_path: Path) -> None:
    server = fake(Reply(body=ONE_ROW))
    path = tmp_path / "ok.rq"
    path.write_text("# title: the addresses loaded, then dropped\n# description: insert nothing\nSELECT ?ok WHERE { BIND(true AS ?ok) }\n", encoding="utf-8")
    assert remote(server.endpoint).run_query(resolve_query(str(path))).rows == ((True,),)
    assert list(server.received[0].form) == ["query"]
