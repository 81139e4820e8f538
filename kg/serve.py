"""`kg serve`: the store over HTTP, read-only, through the Oxigraph server of the `oxigraph` package.

The server (`oxigraph serve-read-only`) opens the embedded store's own database, so it answers
SPARQL 1.1 Protocol queries at /query and shows its query page at /. While it runs, kg holds
the store as a reader: a build waits for it instead of writing under it (Oxigraph calls a
writer beside a read-only server undefined behaviour).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.errors import KgError
from kg.store import _STORE_SUBDIR, KgStore

DEFAULT_BIND = "127.0.0.1:7878"
STARTUP_S = 30.0


class ServeError(KgError):
    """The Oxigraph server could not be started or stopped."""


def oxigraph_binary() -> str:
    """The `oxigraph` command installed beside this Python (a virtualenv), or on PATH."""
    beside_python = Path(sys.executable).parent / "oxigraph"
    found = str(beside_python) if beside_python.is_file() else shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed; `pip install oxigraph` (a dependency of kg) provides it")
    return found


def serve(store_path: Path, *, bind: str = DEFAULT_BIND, timeout_s: float = 120.0, announce: bool = True) -> int:
    """Serve the store until Ctrl-C or SIGTERM; returns the exit code (0 when stopped on request)."""
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise ServeError(f"--bind {bind!r}: expected HOST:PORT, e.g. {DEFAULT_BIND}")
    with KgStore(store_path, create=False, read_only=True):
        command = [
            oxigraph_binary(), "serve-read-only", "--location", str(store_path / _STORE_SUBDIR),
            "--bind", bind, "--timeout-s", f"{timeout_s:g}",
        ]  # fmt: skip
        server = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        try:
            url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::', '[::]') else host}:{port}"
            _wait_until_ready(server, url)
            if announce:
                print(
                    f"kg serve: {store_path} read-only at {url}/ (SPARQL endpoint {url}/query); Ctrl-C stops",
                    file=sys.stderr,
                )
            code = server.wait()
            raise ServeError(f"the oxigraph server stopped by itself (exit code {code})")
        except KeyboardInterrupt:
            _stop(server)
            print("kg serve: stopped", file=sys.stderr)
            return 0
        finally:
            _stop(server)


def _wait_until_ready(server: subprocess.Popen[bytes], url: str) -> None:
    ask = urllib.parse.quote("ASK {}")
    deadline = time.monotonic() + STARTUP_S
    while True:
        try:
            with urllib.request.urlopen(f"{url}/query?query={ask}", timeout=2) as response:
                response.read()
            return
        except (urllib.error.URLError, ConnectionError):
            code = server.poll()
            if code is not None:
                raise ServeError(f"the oxigraph server exited at start (exit code {code}); see its message above") from None
            if time.monotonic() > deadline:
                raise ServeError(f"the oxigraph server did not answer at {url} within {STARTUP_S:g} s") from None
            time.sleep(0.1)


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
