"""Convert the Phoenix agent and actor dictionaries into kg's own data files.

Input (../shared/dictionaries, MIT, Open Event Data Alliance):
- Phoenix.agents.txt: agent nouns ("police", "gunman", "foreign minister") with CAMEO sector codes.
- Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt:
  named actors with dated role codes ("[RUSGOV 990809-000507]").

Output, every row naming the dictionary line it came from:
- patterns/agents.tsv: `phrase sector code source`, one row per written form. The `!PERSON!` and
  `!MINIST!` substitution sets are expanded and `_`-joined words split; the irregular plurals in
  braces ("{CHAMBERS_OF_COMMERCE}") are rows of their own. Regular plurals are left to the lemmatizer.
- gazetteers/phoenix_office_holders.tsv: `person aliases code country state sector start end source`,
  one row per dated role code of a named actor. `country` is the CAMEO country code where the role
  code starts with one, `state` that country's name in the same file. No QIDs: the reference tables
  stay the source of those.

Run from the repository root (a test rebuilds into a temporary folder and compares):

    python scripts/convert_phoenix.py [DICTIONARY_DIR] [--out .]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.groups import AGENT_COLUMNS  # noqa: E402  the loaders' formats
from kg.gazetteer import PHOENIX_COLUMNS  # noqa: E402

DEFAULT_DICTIONARIES = ROOT.parent / "shared" / "dictionaries"
AGENTS = "Phoenix.agents.txt"
COUNTRIES = "Phoenix.Countries.actors.txt"
ACTOR_FILES = (COUNTRIES, "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<words>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_CODE = re.compile(r"\[\s*([A-Z]{3,}|---)\s*([^\]]*)\]")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")


# --------------------------------------------------------------------------- agents


def _phrase(raw: str) -> str:
    """ "FOREIGN_MINISTER" -> "foreign minister" (underscores, spaces and stray commas fold)."""
    words = re.sub(r"[_\s]+", " ", raw).strip(" ,").lower()
    return re.sub(r"\s+,", ",", words)


def _expand(words: str, substitutions: dict[str, list[str]]) -> list[str]:
    """Every form a pattern with `!SET!` markers stands for ("POLICE!PERSON!" -> "POLICEMAN", ...)."""
    forms = [words]
    for marker, values in substitutions.items():
        if any(marker in form for form in forms):
            forms = [form.replace(marker, value, 1) for form in forms for value in values]
    return forms


def _sector(code: str) -> str:
    """The primary sector of an agent code: "~GOVMED" -> "GOV", "IGO~" -> "IGO"."""
    return code.replace("~", "")[:3]


def agent_rows(path: Path) -> list[tuple[str, str, str, str]]:
    """(phrase, sector, code, source) for every form of every agent of Phoenix.agents.txt."""
    substitutions: dict[str, list[str]] = {}
    rows: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        defined = _SUBSTITUTION.match(text)
        if defined:
            substitutions[defined.group(1)] = [v.strip() for v in defined.group(2).split(",") if v.strip()]
            continue
        agent = _AGENT.match(text)
        if agent is None:
            continue
        code = agent.group("code").strip()
        sector = _sector(code)
        if not sector:
            continue
        written = [agent.group("words")] + [p for p in (agent.group("plurals") or "").split() if p]
        source = f"{path.name}:{number}"
        for form in written:
            for expanded in _expand(form, substitutions):
                phrase = _phrase(expanded)
                if phrase and "!" not in phrase:
                    rows.setdefault((phrase, code), (phrase, sector, code.replace("~", ""), source))
    return sorted(rows.values())


# --------------------------------------------------------------------------- actors


@dataclass
class _Actor:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, int]] = field(default_factory=list)  # (code, dates, line)


def _name(raw: str) -> str:
    """ "VLADIMIR_V._PUTIN_" -> "Vladimir V. Putin"."""
    words = re.sub(r"_+", " ", raw).strip()
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in words.split())


def _actors(path: Path) -> list[_Actor]:
    """The entries of an actor file: names sharing codes (consecutive names before a code block
    share them, as in PETRARCH), with every code and the line it is on."""
    actors: list[_Actor] = []
    current = _Actor()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0]
        if not text.strip():
            continue
        head, codes = text, ""
        if "[" in text:
            at = text.index("[")
            head, codes = text[:at], text[at:]
        name = head.strip().lstrip("+").strip()
        if name:
            if current.codes and not head.lstrip().startswith("+"):
                actors.append(current)
                current = _Actor()
            current.names.append(name)
        current.codes += [(code, dates.strip(), number) for code, dates in _CODE.findall(codes)]
    if current.names:
        actors.append(current)
    return actors


def _day(text: str) -> date | None:
    """A dictionary date: YYMMDD (years up to 30 are 20YY) or YYYYMMDD; None when malformed."""
    if not _DATE.match(text):
        return None
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _interval(dates: str) -> tuple[date | None, date | None] | None:
    """ "990809-000507" -> both days; ">080508" -> from; "<080508" -> until; None when undated or malformed."""
    dates = dates.replace(" ", "")
    if dates.startswith(">"):
        start = _day(dates[1:])
        return None if start is None else (start, None)
    if dates.startswith("<"):
        end = _day(dates[1:])
        return None if end is None else (None, end)
    first, dash, second = dates.partition("-")
    if not dash:
        return None
    start, end = _day(first) if first else None, _day(second) if second else None
    if (first and start is None) or (second and end is None) or (start is None and end is None):
        return None
    if start is not None and end is not None and start > end:
        return None
    return start, end


def _countries(path: Path) -> dict[str, str]:
    """CAMEO country code -> the state's name: the first entry whose code is the bare country code,
    undated before dated (a state that changed codes carries dates: "[UKR >911221]")."""
    undated: dict[str, str] = {}
    dated: dict[str, str] = {}
    for actor in _actors(path):
        for code, dates, _ in actor.codes:
            if len(code) == 3:
                (dated if dates else undated).setdefault(code, _name(actor.names[0]))
    return {**dated, **undated}


def holder_rows(folder: Path) -> list[tuple[str, ...]]:
    """One row per dated role code of a named actor in the three actor files."""
    countries = _countries(folder / COUNTRIES)
    rows: list[tuple[str, ...]] = []
    for file_name in ACTOR_FILES:
        for actor in _actors(folder / file_name):
            names = list(dict.fromkeys(_name(n) for n in actor.names))
            for code, dates, number in actor.codes:
                interval = _interval(dates) if dates else None
                if interval is None or len(code) < 6:
                    continue  # undated, malformed, or a bare country code (a state, not a role)
                country = code[:3] if code[:3] in countries else ""
                sector = code[3:6] if country else code[:3]
                start, end = interval
                rows.append((names[0], "|".join(names[1:]), code, country, countries.get(country, ""), sector,
                             start.isoformat() if start else "", end.isoformat() if end else "",
                             f"{file_name}:{number}"))  # fmt: skip
    return rows


# --------------------------------------------------------------------------- output


def _write(path: Path, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(columns)] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def convert(dictionaries: Path, out: Path) -> None:
    """Write patterns/agents.tsv and gazetteers/phoenix_office_holders.tsv under `out`."""
    _write(out / "patterns" / "agents.tsv", AGENT_COLUMNS, list(agent_rows(dictionaries / AGENTS)))
    _write(out / "gazetteers" / "phoenix_office_holders.tsv", PHOENIX_COLUMNS, holder_rows(dictionaries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dictionaries", nargs="?", type=Path, default=DEFAULT_DICTIONARIES)
    parser.add_argument("--out", type=Path, default=ROOT, help="folder holding patterns/ and gazetteers/")
    args = parser.parse_args()
    convert(args.dictionaries, args.out)


if __name__ == "__main__":
    main()
