"""Query stage, guarded: a query runs in a child process that is killed at its deadline.

pyoxigraph cannot interrupt a query from Python (no timeout, signals are not seen while it
runs), so a runaway query — a cross product, a pathological regex — is stopped by killing the
process that runs it. The child opens the store read-only; the answer comes back pickled.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.query import QueryResult, SavedQuery, run_query
from kg.store import KgStore

DEFAULT_TIMEOUT_S = 120.0


def run_query_isolated(
    store_path: Path,
    query: SavedQuery,
    params: list[tuple[str, str]],
    *,
    service_endpoint: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> QueryResult:
    """`run_query` on the store at `store_path`, stopped with QueryError after `timeout_s`."""
    context = multiprocessing.get_context("spawn")  # no fork of a process with RocksDB threads
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_answer, args=(sender, store_path, query, params, service_endpoint), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            raise QueryError(f"query {query.name!r}: query timeout after {timeout_s:g} s; narrow the query or raise --timeout")
        try:
            ok, answer = receiver.recv()
        except EOFError:
            raise QueryError(f"query {query.name!r}: the query process died (exit code {child.exitcode})") from None
    finally:
        child.kill()
        child.join()
        receiver.close()
    if not ok:
        raise QueryError(answer)
    assert isinstance(answer, QueryResult)
    return answer


def _answer(sender: Connection, store_path: Path, query: SavedQuery, params: list[tuple[str, str]], service_endpoint: str | None) -> None:
    try:
        with KgStore(store_path, create=False, read_only=True) as store:
            sender.send((True, run_query(store.oxigraph, query, params, service_endpoint=service_endpoint)))
    except KgError as error:
        sender.send((False, str(error)))
    finally:
        sender.close()
