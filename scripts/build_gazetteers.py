"""Build gazetteers/*.tsv from the Wikidata-derived reference tables (shared/reference).

Input: states.csv, states-names-mledoze.csv, igos.csv, leaders-wikidata-2022.csv and
leaders-current-2026.csv (their SOURCES.md says where each came from). Output: states.tsv,
igos.tsv and leaders.tsv in the gazetteers folder. Every QID written comes from a source row;
none is typed here. Run from the repository root:

    python scripts/build_gazetteers.py [REFERENCE_DIR] [--out gazetteers]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.gazetteer import LEADER_COLUMNS, ORGANIZATION_COLUMNS, STATE_COLUMNS  # noqa: E402  the loader's format
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"

# ISO codes are mostly English words or initials ("IN", "AT", "IS", "ME", "NO", "CAN", "AND"), so
# they are never aliases, except these, which newspapers use as the name of the state.
ISO_CODES_IN_USE = frozenset({"US", "USA"})

# Names a source gives a state that mostly mean something else in news text: Western Sahara (the
# territory, joined to the Sahrawi Arab Democratic Republic through Natural Earth), "Korea" (given
# to both Koreas), "Island" (Icelandic for Iceland, an English word).
NOT_A_NAME_OF = {
    "Q40362": frozenset({"Western Sahara"}),
    "Q423": frozenset({"Korea"}),
    "Q884": frozenset({"Korea"}),
    "Q189": frozenset({"Island"}),
}

# Position labels (their part before " of ") -> the role as the flat facts format writes it.
ROLES = {
    "president": "president",
    "prime minister": "prime minister",
    "premier": "premier",
    "chancellor": "chancellor",
    "federal chancellor": "chancellor",
    "monarch": "monarch",
    "king": "king",
    "emperor": "emperor",
    "emir": "emir",
    "sultan": "sultan",
    "prince": "prince",
    "supreme leader": "supreme leader",
    "chairman": "chairman",
    "chairperson": "chairperson",
    "captain regent": "captain regent",
    "governor-general": "governor-general",
    "chief minister": "chief minister",
    "minister": "minister",
    "member": "member",
    "military leader": "military leader",
    "taoiseach": "prime minister",
    "pope": "pope",
    "druk gyalpo": "king",
    "ngwenyama": "king",
    "yang di-pertuan agong": "king",
    "o le ao o le malo": "head of state",
    "episcopal co-prince": "co-prince",
    "french co-prince": "co-prince",
    # leaders-current-2026 titles
    "sultan and prime minister": "prime minister",
    "prime minister (king)": "prime minister",
}


LEADERS_2022 = "leaders-wikidata-2022.csv"
LEADERS_2026 = "leaders-current-2026.csv"
AS_OF = {LEADERS_2022: "2022-10-09", LEADERS_2026: "2026-08-22"}  # the snapshot dates in SOURCES.md
QID = re.compile(r"^Q[1-9][0-9]*$")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def unique(values: Iterable[str], *, without: Iterable[str] = ()) -> list[str]:
    """Values stripped, empty and repeated ones (and those in `without`) dropped, order kept."""
    seen = {value.casefold() for value in without}
    kept = []
    for value in values:
        value = " ".join(value.split())
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def clean_cell(value: str) -> str:
    if "\t" in value or "\n" in value:
        raise ValueError(f"value {value!r} holds a tab or a line break")
    if "|" in value:
        raise ValueError(f"value {value!r} holds the list separator |")
    return value


def write_tsv(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, str | list[str]]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(columns) + "\n")
        for row in rows:
            cells = []
            for column in columns:
                value = row.get(column, "")
                if isinstance(value, list):
                    cells.append("|".join(clean_cell(item) for item in value))
                else:
                    cells.append(clean_cell(value))
            handle.write("\t".join(cells) + "\n")
            count += 1
    return count


def state_aliases(row: dict[str, str]) -> list[str]:
    """mledoze's alternative spellings without ISO codes and without comma-split fragments.

    mledoze writes "Venezuela, Bolivarian Republic of" split on its comma, which leaves
    " Bolivarian Republic of": a fragment starting with a space is not a name.
    """
    kept = []
    for spelling in row.get("alt_spellings", "").split("|"):
        if not spelling or spelling.startswith(" "):
            continue
        if spelling in (row["iso_a2"], row["iso_a3"]) and spelling not in ISO_CODES_IN_USE:
            continue
        kept.append(spelling)
    return kept


def demonyms(names: dict[str, str]) -> list[str]:
    """mledoze's demonyms, one per part of a joined state ("Bosnian, Herzegovinian", "Kittitian or Nevisian")."""
    return [part for column in ("demonym_m", "demonym_f") for part in re.split(r", | or ", names[column]) if part]


def capitals(capital: str) -> list[str]:
    """The capital, and for "Washington D.C." also "Washington", as news text writes it."""
    names = [capital]
    short = re.sub(r",?\s+D\.\s?C\.$", "", capital)
    if short != capital:
        names.append(short)
    return names


def canonical_state_name(state: dict[str, str], names: dict[str, str] | None) -> str:
    """The name news text uses: mledoze's common name ("China"), else the Wikidata label."""
    common = names["name_common"] if names else ""
    if common and common not in NOT_A_NAME_OF.get(state["qid"], ()):
        return common
    return state["name"]


def build_states(reference: Path) -> list[dict[str, str | list[str]]]:
    mledoze = {row["qid"]: row for row in read_csv(reference / "states-names-mledoze.csv") if row["qid"]}
    extra_names: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(reference / LEADERS_2022):
        extra_names[row["country_qid"]].append(row["country"])
    rows = []
    for state in read_csv(reference / "states.csv"):
        qid = state["qid"]
        names = mledoze.get(qid)
        name = canonical_state_name(state, names)
        candidates = [state["name"], state["ne_name"], state["ne_name_long"], state["ne_formal_en"],
                      state["ne_name_alt"], *extra_names[qid]]  # fmt: skip
        if names:
            candidates += [names["wikidata_label"], names["name_common"], names["name_official"],
                           *state_aliases(names)]  # fmt: skip
        excluded = NOT_A_NAME_OF.get(qid, frozenset())
        aliases = unique((c for c in candidates if c not in excluded), without=[name])
        iso2 = state["iso_a2"] if len(state["iso_a2"]) == 2 else (names or {}).get("iso_a2", "")
        iso3 = state["iso_a3"] or (names or {}).get("iso_a3", "")
        rows.append(
            {
                "qid": qid,
                "name": name,
                "aliases": aliases,
                "demonyms": unique(demonyms(names)) if names else [],
                "capitals": unique(capitals(names["capital"])) if names and names["capital"] else [],
                "iso2": iso2,
                "iso3": iso3,
            }
        )
    return rows


def build_igos(reference: Path) -> list[dict[str, str | list[str]]]:
    """One row per organisation.

    A QID that the source gives to two organisations is dropped from both, and so is an alias that
    is the name of another organisation (the OPEC Fund lists OPEC's full name as one of its names).
    """
    source = read_csv(reference / "igos.csv")
    owners: dict[str, set[str]] = defaultdict(set)
    for row in source:
        if row["qid"]:
            owners[row["qid"]].add(row["name"])
    names = {" ".join(row["name"].split()).casefold() for row in source}
    rows = []
    for row in source:
        qid = row["qid"] if len(owners.get(row["qid"], ())) == 1 else ""
        name = " ".join(row["name"].split())
        aliases = [*row["abbreviations"].split("|"), *row["other_names_en"].split("|")]
        others = [alias for alias in aliases if alias.strip().casefold() in names - {name.casefold()}]
        rows.append(
            {
                "qid": qid,
                "name": name,
                "aliases": unique(aliases, without=[name, *others]),
                "kind": "InternationalOrganization",
            }
        )
    return rows


def name_words(name: str) -> set[str]:
    """The words of a person's name, case-folded: two spellings of one name share some."""
    return set(name.casefold().split())


def unhyphenated(person: str) -> list[str]:
    """A hyphenated name as news also writes it, with spaces ("Denis Sassou-Nguesso" -> "Denis Sassou Nguesso")."""
    return [person.replace("-", " ")] if "-" in person else []


def normalize_role(position: str) -> str:
    head = re.split(r"\s+of(?: the)?\s+", position, maxsplit=1)[0].strip().casefold()
    if head not in ROLES:
        raise ValueError(f"position {position!r}: no role for {head!r}; add it to ROLES")
    return ROLES[head]


def build_leaders(reference: Path, states: list[dict[str, str | list[str]]],
                  igos: list[dict[str, str | list[str]]]) -> list[dict[str, str | list[str]]]:  # fmt: skip
    rows: list[dict[str, str | list[str]]] = []
    for row in read_csv(reference / LEADERS_2022):
        if not QID.match(row["person_qid"]) or QID.match(row["person"]):
            continue  # no English label: nothing to match text against
        rows.append(
            {
                "person_qid": row["person_qid"],
                "person": row["person"],
                "aliases": unhyphenated(row["person"]),
                "position_qid": row["position_qid"],
                "position": row["position"],
                "role": normalize_role(row["position"]),
                "of_qid": row["country_qid"],
                "of_name": row["country"],
                "start": row["start_year"],
                "end": row["end_year"],
                "as_of": AS_OF[LEADERS_2022],
                "source": LEADERS_2022,
            }
        )
    by_iso2 = {str(state["iso2"]): state for state in states if state["iso2"]}
    named_by_wikidata = {str(row["person_qid"]): str(row["person"]) for row in rows}
    seen = set()
    by_name = {str(igo["name"]): igo for igo in igos if igo["qid"]}
    for row in read_csv(reference / LEADERS_2026):
        if not QID.match(row["person_qid"]):
            continue
        other = named_by_wikidata.get(row["person_qid"])
        if other is not None and not name_words(other) & name_words(row["person"]):
            print(f"{LEADERS_2026}: {row['person_qid']} is {other} in {LEADERS_2022}, not {row['person']}: "
                  "row left out", file=sys.stderr)  # fmt: skip
            continue
        holder = by_iso2.get(row["entity_iso2"]) or by_name.get(row["entity"])
        if holder is None:
            raise ValueError(f"{LEADERS_2026}: no state or organisation for {row['entity']!r}")
        office = (row["person_qid"], row["title"], row["entity"])
        if office in seen:
            continue  # one person both head of state and of government under one title: one tenure
        seen.add(office)
        rows.append(
            {
                "person_qid": row["person_qid"],
                "person": row["person"],
                "aliases": unhyphenated(row["person"]),
                "position_qid": "",
                "position": row["title"],
                "role": normalize_role(row["title"]),
                "of_qid": str(holder["qid"]),
                "of_name": row["entity"],
                "start": row["since"],
                "end": "",
                "as_of": AS_OF[LEADERS_2026],
                "source": LEADERS_2026,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", nargs="?", type=Path, default=DEFAULT_REFERENCE,
                        help="folder holding the reference CSV files (default: ../shared/reference)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=ROOT / "gazetteers", help="gazetteer folder to write")
    args = parser.parse_args(argv)
    if not (args.reference / "states.csv").is_file():
        print(f"{args.reference}: no states.csv; give the reference folder", file=sys.stderr)
        return 2
    states = build_states(args.reference)
    igos = build_igos(args.reference)
    leaders = build_leaders(args.reference, states, igos)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in (
        ("states.tsv", STATE_COLUMNS, states),
        ("igos.tsv", ORGANIZATION_COLUMNS, igos),
        ("leaders.tsv", LEADER_COLUMNS, leaders),
    ):
        count = write_tsv(args.out / name, columns, rows)
        print(f"{args.out / name}: {count} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
