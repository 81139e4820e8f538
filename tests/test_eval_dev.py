"""`kg eval` on the development set runs in the suite and its table goes into the test log."""

from __future__ import annotations

import pytest

from kg.cli import main
from conftest import GOLD_DEV


@pytest.mark.skipif(not GOLD_DEV.is_dir(), reason="../shared/gold/dev is not beside this checkout")
def test_eval_dev_set_prints_its_table(pipeline, terminal_summary: list[str], capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["eval", str(GOLD_DEV), "--no-report"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = out[out.index(next(line for line in out if line.startswith("kg eval:"))):]
    terminal_summary.extend(table)
    rows = {line.split()[0]: line.split() for line in table[2:9]}
    assert set(rows) == {"entities", "role", "designation", "military_asset", "event", "membership", "facts"}
    assert int(rows["entities"][1]) == 260  # gold entities of the dev set: every gold file was read
    assert float(rows["facts"][-1]) > 0.3  # far below the target: this guards against a broken pipeline, not quality


@pytest.mark.skipif(not GOLD_DEV.is_dir(), reason="../shared/gold/dev is not beside this checkout")
def test_eval_dev_no_entity_is_linked_to_two_items(pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from kg.ingest import read_inputs
    from kg.pipeline import build
    from kg.store import KgStore

    articles = tmp_path / "dev.jsonl"
    records = [json.loads(path.read_text(encoding="utf-8"))["article"] for path in sorted(GOLD_DEV.glob("*.json"))]
    articles.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with KgStore(None) as store:
        build(read_inputs([articles]), store, process=pipeline.process)
        rows = store.oxigraph.query(
            "SELECT ?entity (COUNT(DISTINCT ?item) AS ?items) WHERE { ?entity <http://www.w3.org/2002/07/owl#sameAs> ?item } "
            "GROUP BY ?entity HAVING (COUNT(DISTINCT ?item) > 1)",
            use_default_graph_as_union=True,
        )
        assert [str(row["entity"]) for row in rows] == []
        linked = store.oxigraph.query(
            "SELECT (COUNT(DISTINCT ?entity) AS ?n) WHERE { ?entity <http://www.w3.org/2002/07/owl#sameAs> ?item }",
            use_default_graph_as_union=True,
        )
        assert int(next(iter(linked))["n"].value) > 50  # the check above is about a real, linked store (78 distinct items on dev)
