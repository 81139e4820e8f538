"""Fixtures shared by several test modules. Each section names who uses it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
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


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    server = OxigraphServer(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                ask = urllib.parse.quote("ASK {}")
                with urllib.request.urlopen(f"{server.query_url}?query={ask}", timeout=2) as response:
                    response.read()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
                    pytest.fail(f"oxigraph server on port {port} did not start: {error[-500:]}")
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
