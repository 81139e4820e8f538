"""docs/cli.md is the commands' current --help, and every command is in the README."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _render() -> str:
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.render())


def test_cli_docs_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == _render(), "run: python scripts/cli_docs.py"


def test_cli_docs_every_command_has_help_and_a_readme_entry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("build", "queries", "query", "entities", "export", "serve", "validate", "eval", "link", "report"):
        assert f"## kg {command}\n" in _render()
        assert f"`kg {command}" in readme, command


def test_cli_docs_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    test_command = next(readme[i + 1] for i, line in enumerate(readme) if line.startswith("# 2. Install the test dependencies"))
    assert "pytest" in test_command
    assert test_command.startswith("bash scripts/install_test_services.sh && ")  # the triplestore and browser tests must not skip
    services = (ROOT / "scripts" / "install_test_services.sh").read_text(encoding="utf-8")
    assert "virtuoso-opensource" in services and "chromium" in services
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "grep -m1 -A1 '^# 2\\. ' README.md" in ci
