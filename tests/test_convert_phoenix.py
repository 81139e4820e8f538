"""scripts/convert_phoenix.py: the shipped agent and office-holder files against a fresh build,
and the dictionary constructions the converter reads."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from kg.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent
DICTIONARIES = ROOT.parent / "shared" / "dictionaries"
needs_dictionaries = pytest.mark.skipif(
    not (DICTIONARIES / "Phoenix.agents.txt").is_file(), reason=f"dictionaries not found at {DICTIONARIES}"
)


def _converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # the script's dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@needs_dictionaries
def test_phoenix_generated_files_equal_a_fresh_build(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "convert_phoenix.py"), str(DICTIONARIES),
                    "--out", str(tmp_path)], check=True, capture_output=True)  # fmt: skip
    for folder, name in (("patterns", "agents.tsv"), ("gazetteers", "phoenix_office_holders.tsv")):
        assert (tmp_path / folder / name).read_text(encoding="utf-8") == (data_dir(folder) / name).read_text(
            encoding="utf-8"
        ), f"{folder}/{name} is stale: run scripts/convert_phoenix.py"


def test_agents_expand_substitution_sets_plurals_and_joined_words(tmp_path: Path) -> None:
    agents = tmp_path / "agents.txt"
    agents.write_text(
        "# a comment [~GOV]\n"
        "!PERSON! = MAN, MEN\n"
        "POLICE!PERSON!  [~COP]\n"
        "FOREIGN_MINISTER [~GOV] # a trailing comment\n"
        "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUSMED]\n"
        "#BANK [~BUS]\n",
        encoding="utf-8",
    )
    rows = _converter().agent_rows(agents)
    assert rows == [
        ("chamber of commerce", "BUS", "BUSMED", "agents.txt:5"),
        ("chambers of commerce", "BUS", "BUSMED", "agents.txt:5"),
        ("foreign minister", "GOV", "GOV", "agents.txt:4"),
        ("policeman", "COP", "COP", "agents.txt:3"),
        ("policemen", "COP", "COP", "agents.txt:3"),
    ]


def test_actor_dates_read_both_year_forms_open_ends_and_reject_malformed_ones() -> None:
    interval = _converter()._interval
    assert interval("990809-000507") == (date(1999, 8, 9), date(2000, 5, 7))
    assert interval("19390322-19641116") == (date(1939, 3, 22), date(1964, 11, 16))
    assert interval(">080508") == (date(2008, 5, 8), None)
    assert interval("<910824") == (None, date(1991, 8, 24))
    assert interval("2004017-20061201") is None
    assert interval("") is None


def test_actor_entries_share_codes_across_names_and_keep_their_line(tmp_path: Path) -> None:
    (tmp_path / "Phoenix.Countries.actors.txt").write_text(
        "RUSSIA_  [RUS]\n"
        "VLADIMIR_PUTIN_  # CountryInfo.txt\n"
        "+PRESIDENT_PUTIN_\n"
        "\t[RUSGOV 990809-000507]\n"
        "\t[RUSELI]\n"
        "KREMLIN_\n"
        "\t[RUSGOV]\n",
        encoding="utf-8",
    )
    (tmp_path / "Phoenix.International.actors.txt").write_text(
        "KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt\n", encoding="utf-8"
    )
    (tmp_path / "Phoenix.MilNonState.actors.txt").write_text("", encoding="utf-8")
    rows = _converter().holder_rows(tmp_path)
    assert rows == [
        ("Vladimir Putin", "President Putin", "RUSGOV", "RUS", "Russia", "GOV", "1999-08-09", "2000-05-07",
         "Phoenix.Countries.actors.txt:4"),
        ("Kofi Annan", "", "IGOUNO", "", "", "IGO", "1997-01-01", "2006-12-31",
         "Phoenix.International.actors.txt:1"),
    ]  # fmt: skip
