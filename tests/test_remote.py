"""kg on real triplestores: the Oxigraph server and Virtuoso Open Source, on loopback.

The examples are processed once; the same article graphs, and the hand-made sample article with
every kind of claim (an event whose actor is not stated among them), are written into the embedded
store and, through SPARQL 1.1 Update, into each server. Every saved query must then give the same
rows everywhere, and the dataset read back must be the one written.
"""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from conftest import oxigraph, free_port
from kg.cli import main
from kg.ingest import read_inputs
from kg.pipeline import ArticleResult, Pipeline, build
from kg.progress import Progress
from kg.query import QueryResult, SavedQuery, Value, load_queries, run_query
from kg.records import Article
from kg.remote import Endpoint, RemoteStore
from kg.sparql import tokenize
from kg.rdf import to_graph
from kg.store import KgStore
from sample import EVERY_CLAIM_LINKS, every_claim_extraction

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SAVED = load_queries()
LOCAL = sorted(name for name, query in SAVED.items() if "SERVICE" not in query.text.upper())
"""The saved queries answered from the dataset alone (a SERVICE query would call Wikidata)."""


def names_its_graphs(query: SavedQuery) -> bool:
    """Whether the query says which graphs it reads, as a store with default settings needs."""
    return any(token.kind == "word" and token.text.upper() in ("GRAPH", "FROM") for token in tokenize(query.text))


# (server, saved query) pairs a server answers otherwise than Oxigraph (and the SPARQL 1.1
# semantics), with the reason: each entry is checked to still differ, so a fixed one fails until
# it is removed. None now: every saved query gives the embedded rows on both servers.
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def processed(pipeline: Pipeline) -> list[Article]:
    articles = [item for item in read_inputs([EXAMPLES]) if isinstance(item, Article)]
    assert len(articles) >= 5
    return articles


@pytest.fixture(scope="module")
def results(processed: list[Article], pipeline: Pipeline) -> dict[str, ArticleResult]:
    return {article.id: pipeline.process(article) for article in processed}


def write(articles: list[Article], results: dict[str, ArticleResult], store: KgStore | RemoteStore, *, force: bool = False) -> int:
    summary = build(articles, store, process=lambda article: results[article.id], force=force)
    assert not summary.failed_inputs
    return summary.articles_stored


def write_with_sample(articles: list[Article], results: dict[str, ArticleResult], store: KgStore | RemoteStore) -> None:
    assert write(articles, results, store) == len(articles)
    store.replace_article(SAMPLE_ARTICLE, to_graph(every_claim_extraction(), EVERY_CLAIM_LINKS))


SAMPLE_ARTICLE = "seed-all-claims"
UNSTATED_ACTOR_EVENTS = {"type": "kg:Mobilize", "from": "2025-11-01", "to": "2025-11-30"}
"""events_of_type's parameters that list the sample's event whose actor is not stated."""


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory, processed: list[Article], results: dict[str, ArticleResult]) -> Path:
    path = tmp_path_factory.mktemp("embedded") / "store"
    with KgStore(path) as store:
        write_with_sample(processed, results, store)
    return path


@pytest.fixture(scope="module")
def embedded_rows(embedded: Path) -> dict[str, QueryResult]:
    with KgStore(embedded, create=False, read_only=True) as store:
        return {name: run_query(store.oxigraph, SAVED[name], SAVED[name].examples()) for name in LOCAL}


@pytest.fixture(scope="module")
def oxigraph_remote(tmp_path_factory: pytest.TempPathFactory, processed: list[Article], results: dict[str, ArticleResult]) -> Iterator[RemoteStore]:
    with oxigraph(tmp_path_factory.mktemp("oxigraph-remote")) as server:
        store = RemoteStore(Endpoint(server.query_url, f"{server.url}/update"))
        write_with_sample(processed, results, store)
        yield store


@pytest.fixture(scope="module")
def virtuoso_remote(virtuoso_server, processed: list[Article], results: dict[str, ArticleResult]) -> RemoteStore:  # type: ignore[no-untyped-def]
    store = RemoteStore(Endpoint(virtuoso_server.sparql_url, virtuoso_server.sparql_url))
    write_with_sample(processed, results, store)
    return store


def kg_serve(store: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start `kg serve` as a user does; returns the process and its base URL once it says it serves."""
    port = free_port()
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--bind", f"127.0.0.1:{port}"]
    with open(log, "wb") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, stderr=stderr)
    deadline = time.monotonic() + 60
    while "read-only at" not in log.read_text(encoding="utf-8"):
        assert process.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def served(embedded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RemoteStore]:
    process, url = kg_serve(embedded, tmp_path_factory.mktemp("serve") / "stderr.txt")
    try:
        yield RemoteStore(Endpoint(f"{url}/query", f"{url}/update"))
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def rows(result: QueryResult) -> list[tuple[Value, ...]]:
    """The rows as a sorted list: engines may order ties of an ORDER BY differently."""
    return sorted(result.rows, key=repr)


def compare(server: str, remote: RemoteStore, name: str, embedded_rows: dict[str, QueryResult]) -> None:
    query = SAVED[name]
    assert names_its_graphs(query), f"{name} reads the default graph, empty on a store with default settings"
    answer = remote.run_query(query, query.examples())
    expected = embedded_rows[name]
    if (server, name) in KNOWN_DIFFERENCES:
        assert rows(answer) != rows(expected), f"{server} now answers {name} as the embedded store: drop it from KNOWN_DIFFERENCES"
        pytest.xfail(KNOWN_DIFFERENCES[(server, name)])
    assert answer.columns == expected.columns
    assert rows(answer) == rows(expected)


@pytest.mark.parametrize("name", LOCAL)
def test_remote_saved_query_on_oxigraph_server_gives_the_embedded_rows(name: str, oxigraph_remote: RemoteStore, embedded_rows: dict[str, QueryResult]) -> None:
    compare("oxigraph", oxigraph_remote, name, embedded_rows)


@pytest.mark.parametrize("name", LOCAL)
def test_remote_saved_query_on_virtuoso_gives_the_embedded_rows(name: str, virtuoso_remote: RemoteStore, embedded_rows: dict[str, QueryResult]) -> None:
    compare("virtuoso", virtuoso_remote, name, embedded_rows)


@pytest.fixture(scope="module")
def embedded_unstated_actor_rows(embedded: Path) -> QueryResult:
    with KgStore(embedded, create=False, read_only=True) as store:
        return run_query(store.oxigraph, SAVED["events_of_type"], UNSTATED_ACTOR_EVENTS)


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso", "kg serve"])
def test_remote_event_whose_actor_is_not_stated_is_listed_as_embedded(
    server: str, embedded_unstated_actor_rows: QueryResult, request: pytest.FixtureRequest
) -> None:
    remote = request.getfixturevalue({"oxigraph": "oxigraph_remote", "virtuoso": "virtuoso_remote", "kg serve": "served"}[server])
    answer = remote.run_query(SAVED["events_of_type"], UNSTATED_ACTOR_EVENTS)
    assert (None, None, "Venezuela") in [(row[2], row[3], row[4]) for row in answer.rows]  # no actor, no actor_iri; the target
    assert rows(answer) == rows(embedded_unstated_actor_rows)


@pytest.mark.parametrize("name", LOCAL)
def test_remote_saved_query_on_kg_serve_gives_the_embedded_rows(name: str, served: RemoteStore, embedded_rows: dict[str, QueryResult]) -> None:
    compare("kg serve", served, name, embedded_rows)


def by_graph(quads: Iterable[ox.Quad]) -> dict[str, Graph]:
    """Quads as one rdflib graph per graph name."""
    graphs: dict[str, Graph] = {}
    for quad in quads:
        assert isinstance(quad.graph_name, ox.NamedNode)
        graph = graphs.setdefault(quad.graph_name.value, Graph())
        graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    return graphs


def rdflib_term(term: object) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def embedded_dataset(path: Path) -> dict[str, Graph]:
    with KgStore(path, create=False, read_only=True) as store:
        return by_graph(store.quads())


def remote_dataset(remote: RemoteStore) -> dict[str, Graph]:
    return by_graph(remote.quads())


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso", "kg serve"])
def test_remote_dataset_reads_back_as_written(server: str, request: pytest.FixtureRequest, embedded: Path) -> None:
    remote = request.getfixturevalue({"oxigraph": "oxigraph_remote", "virtuoso": "virtuoso_remote", "kg serve": "served"}[server])
    expected, actual = embedded_dataset(embedded), remote_dataset(remote)
    assert sorted(actual) == sorted(expected)
    for name, graph in expected.items():
        assert isomorphic(actual[name], graph), name  # literals keep their lexical form and datatype


def test_remote_copy_counts_the_graphs_it_reads_with_the_quads_so_far(oxigraph_remote: RemoteStore, embedded: Path) -> None:
    stream = io.StringIO()
    copy = ox.Store()
    count = oxigraph_remote.copy_into(copy, Progress("export", "graphs read from the endpoint", stream=stream, every_s=0.0))
    graphs = len(embedded_dataset(embedded))
    lines = stream.getvalue().splitlines()
    assert len(lines) == graphs and count == len(copy) > 0
    assert lines[0].startswith(f"kg export: 1/{graphs} graphs read from the endpoint (")
    assert lines[-1].startswith(f"kg export: {graphs}/{graphs} graphs") and lines[-1].endswith(f", quads {count}")


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
def test_remote_rebuild_skips_unchanged_and_replaces_forced_articles(
    server: str, request: pytest.FixtureRequest, processed: list[Article], results: dict[str, ArticleResult]
) -> None:
    remote = request.getfixturevalue(f"{server}_remote")
    before = remote_dataset(remote)
    assert write(processed, results, remote) == 0  # every article already there with its content hash
    assert write(processed, results, remote, force=True) == len(processed)
    after = remote_dataset(remote)
    assert sorted(after) == sorted(before)
    assert all(isomorphic(after[name], before[name]) for name in before)  # replaced, not duplicated


def test_remote_hostile_parameter_is_a_value_not_syntax(oxigraph_remote: RemoteStore, virtuoso_remote: RemoteStore) -> None:
    query = SAVED["entities_named"]
    for remote in (oxigraph_remote, virtuoso_remote):
        before = remote_dataset(remote)
        hostile = 'nobody" || true || "'
        assert remote.run_query(query, {"name": hostile}).rows == ()
        after = remote_dataset(remote)
        assert sorted(after) == sorted(before)


def test_kg_serve_holds_the_store_read_only(served: RemoteStore, embedded: Path) -> None:
    with pytest.raises(Exception, match="store in use"):
        KgStore(embedded)
    request = urllib.request.Request(served.endpoint.update_url, data=b"update=CLEAR%20ALL", method="POST")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)
    with urllib.request.urlopen(served.endpoint.query_url.removesuffix("query"), timeout=10) as page:
        assert b"<html" in page.read().lower()  # the server's query page


def test_kg_serve_stops_cleanly_on_sigterm(embedded_copy: Path, tmp_path: Path) -> None:
    process, url = kg_serve(embedded_copy, tmp_path / "stderr.txt")
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert "kg serve: stopped" in (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=5)  # the server went with it
    with KgStore(embedded_copy):  # the lock is released: a build may write again
        pass


@pytest.fixture
def embedded_copy(embedded: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "store"
    shutil.copytree(embedded, target, ignore=shutil.ignore_patterns("kg-write.lock"))
    return target


def test_cli_build_query_and_export_through_an_endpoint(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    one = tmp_path / "one.jsonl"
    one.write_text((EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with oxigraph(tmp_path / "server") as server:
        options = ["--endpoint", server.query_url]
        assert main(["build", str(one), *options, "--update-endpoint", f"{server.url}/update"]) == 0
        assert "1 articles read, 1 stored" in capsys.readouterr().err
        assert main(["export", "--format", "nquads", "-o", str(tmp_path / "remote.nq"), *options]) == 0
        assert main(["build", str(one), "--store", str(tmp_path / "store")]) == 0
        assert main(["export", "--format", "nquads", "-o", str(tmp_path / "local.nq"), "--store", str(tmp_path / "store")]) == 0
        remote_quads, local_quads = (Dataset().parse(tmp_path / f"{which}.nq", format="nquads") for which in ("remote", "local"))
        assert len(remote_quads) == len(local_quads) > 0
        for graph in local_quads.graphs():
            if len(graph):
                assert isomorphic(remote_quads.graph(URIRef(str(graph.identifier))), graph)
        count = tmp_path / "count.rq"
        count.write_text("SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } }\n", encoding="utf-8")
        capsys.readouterr()
        assert main(["query", str(count), "--format", "csv", *options]) == 0
        remote_csv = capsys.readouterr().out
        assert main(["query", str(count), "--format", "csv", "--store", str(tmp_path / "store")]) == 0
        assert remote_csv == capsys.readouterr().out == f"quads\n{len(local_quads)}\n"


def test_kg_serve_refuses_a_bad_address_and_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--store", str(tmp_path / "none"), "--bind", "7878"]) == 2
    assert "--bind '7878': expected HOST:PORT" in capsys.readouterr().err
    assert main(["serve", "--store", str(tmp_path / "none")]) == 2
    assert "no kg store here" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
