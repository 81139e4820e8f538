"""Every saved query, run with its header's example values on the bundled examples/, returns rows:
the examples a reader copies from `kg queries` or `kg query NAME --help` show something."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.query import load_queries, run_query
from kg.store import KgStore

QUERIES = load_queries()
FEDERATED = "heads_of_state_wikidata"  # asks Wikidata itself; tests/queries runs it on a local stand-in


@pytest.mark.parametrize("name", sorted(set(QUERIES) - {FEDERATED}))
def test_examples_every_saved_query_returns_rows_with_its_header_examples(examples_store: Path, name: str) -> None:
    query = QUERIES[name]
    with KgStore(examples_store, create=False, read_only=True) as store:
        result = run_query(store.oxigraph, query, query.examples())
    assert result.rows, f"{name} with {query.examples()} returns no rows on examples/"
    assert result.columns == query.returns
