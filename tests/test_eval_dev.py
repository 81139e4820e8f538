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
