"""Gazetteer loader: the shipped TSVs against their sources, lookup, dated tenures, bad rows."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.gazetteer import load_gazetteer, normalize_key, read_gazetteer
from kg.records import EntityType
from kg.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
needs_reference = pytest.mark.skipif(
    not (REFERENCE / "states.csv").is_file(), reason=f"reference tables not found at {REFERENCE}"
)


def read_source(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@needs_reference
def test_gazetteer_shipped_files_equal_a_fresh_build(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteers.py"), str(REFERENCE),
                    "--out", str(tmp_path)], check=True, capture_output=True)  # fmt: skip
    for name in ("states.tsv", "igos.tsv", "leaders.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (data_dir("gazetteers") / name).read_text(
            encoding="utf-8"
        ), f"gazetteers/{name} is stale: run scripts/build_gazetteers.py"


@needs_reference
def test_gazetteer_state_qids_occur_in_source_rows_for_the_same_name() -> None:
    sources = {row["qid"]: set(row.values()) for row in read_source("states.csv")}
    for row in read_source("states-names-mledoze.csv"):
        sources.setdefault(row["qid"], set()).update(row.values())
    for row in read_tsv(data_dir("gazetteers") / "states.tsv"):
        assert row["qid"] in sources, f"{row['qid']} ({row['name']}) is in no source row"
        assert row["name"] in sources[row["qid"]], f"{row['qid']} is not {row['name']} in the sources"


@needs_reference
def test_gazetteer_igo_qids_occur_in_source_rows_for_the_same_name() -> None:
    sources = {(row["qid"], " ".join(row["name"].split())) for row in read_source("igos.csv")}
    for row in read_tsv(data_dir("gazetteers") / "igos.tsv"):
        if row["qid"]:
            assert (row["qid"], row["name"]) in sources, f"{row['qid']} is not {row['name']} in igos.csv"


@needs_reference
def test_gazetteer_leader_qids_occur_in_source_rows_for_the_same_person_and_office() -> None:
    old = {(r["person_qid"], r["person"], r["position_qid"], r["country_qid"]) for r in read_source("leaders-wikidata-2022.csv")}
    new = {(r["person_qid"], r["person"]) for r in read_source("leaders-current-2026.csv")}
    known = {row["qid"] for row in read_tsv(data_dir("gazetteers") / "states.tsv")}
    known |= {row["qid"] for row in read_tsv(data_dir("gazetteers") / "igos.tsv") if row["qid"]}
    for row in read_tsv(data_dir("gazetteers") / "leaders.tsv"):
        if row["source"] == "leaders-wikidata-2022.csv":
            assert (row["person_qid"], row["person"], row["position_qid"], row["of_qid"]) in old, row
        else:
            assert (row["person_qid"], row["person"]) in new, row
            assert row["of_qid"] in known, row


def test_gazetteer_no_person_qid_names_two_people() -> None:
    names: dict[str, set[str]] = {}
    for row in read_tsv(data_dir("gazetteers") / "leaders.tsv"):
        names.setdefault(row["person_qid"], set()).add(row["person"])
    for qid, spellings in names.items():
        words = [set(name.casefold().split()) for name in spellings]
        assert set.intersection(*words), f"{qid} names {sorted(spellings)}"


@needs_reference
def test_gazetteer_curated_qids_occur_in_source_rows_for_one_of_their_names() -> None:
    sources: dict[str, set[str]] = {}
    for row in read_source("igos.csv"):
        names = [row["name"], *row["abbreviations"].split("|"), *row["other_names_en"].split("|")]
        sources.setdefault(row["qid"], set()).update(" ".join(n.split()).casefold() for n in names if n)
    for row in read_source("states.csv"):
        sources.setdefault(row["qid"], set()).update(row[c].casefold() for c in ("name", "ne_name", "ne_name_long") if row[c])
    for name in ("organizations.tsv", "locations.tsv"):
        path = data_dir("gazetteers") / name
        for row in read_tsv(path) if path.is_file() else []:
            if row["qid"]:
                names = {row["name"].casefold(), *(a.casefold() for a in row["aliases"].split("|") if a)}
                assert names & sources.get(row["qid"], set()), f"{name}: {row['qid']} is not {row['name']} in the sources"


def test_gazetteer_curated_entry_for_a_listed_qid_is_merged_into_one(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    write_folder(folder, organizations="Q7184\tNorth Atlantic Treaty Organization\tNato\tInternationalOrganization\n")
    (folder / "igos.tsv").write_text("qid\tname\taliases\tkind\nQ7184\tNorth Atlantic Treaty Organisation\tNATO\tInternationalOrganization\n")
    (entry,) = read_gazetteer(folder).lookup("NATO")
    assert entry.name == "North Atlantic Treaty Organization"
    assert entry.aliases == ("Nato", "North Atlantic Treaty Organisation", "NATO")
    assert entry.source == "igos.tsv+organizations.tsv"
    (folder / "organizations.tsv").write_text("qid\tname\taliases\tkind\n")
    (folder / "locations.tsv").write_text("qid\tname\taliases\tkind\tstate\nQ7184\tNATO HQ\t\tLocation\t\n")
    with pytest.raises(DataFileError, match=r"locations.tsv: Q7184 is of type Location here and Organization in igos.tsv"):
        read_gazetteer(folder)


@needs_reference
def test_gazetteer_location_states_are_states_of_the_reference_tables() -> None:
    states = {row["qid"] for row in read_source("states.csv")}
    rows = read_tsv(data_dir("gazetteers") / "locations.tsv")
    assert {row["state"] for row in rows if row["state"]} <= states
    assert [entry.state for entry in load_gazetteer().lookup("Idlib")] == ["Q858"]


def test_gazetteer_a_location_in_no_listed_state_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    write_folder(folder, organizations="")
    (folder / "locations.tsv").write_text("qid\tname\taliases\tkind\tstate\n\tNowhere Bay\t\tSea\tQ999999999\n")
    with pytest.raises(DataFileError, match=r"Nowhere Bay: state Q999999999 is no state of states.tsv"):
        read_gazetteer(folder)


def test_gazetteer_lookup_by_name_alias_demonym_and_capital() -> None:
    gazetteer = load_gazetteer()
    for name in ("United States", "the United States", "U.S.", "US", "USA", "American", "Washington"):
        assert [entry.qid for entry in gazetteer.lookup(name)] == ["Q30"], name
    assert [entry.qid for entry in gazetteer.lookup("Venezuelan")] == ["Q717"]
    assert [entry.qid for entry in gazetteer.lookup("China's")] == ["Q148"]
    assert [entry.qid for entry in gazetteer.lookup("Nato")] == ["Q7184"]
    assert gazetteer.lookup("NATO")[0].type is EntityType.ORGANIZATION
    assert [entry.qid for entry in gazetteer.lookup("Nicolas Maduro")] == ["Q58132"]


def test_gazetteer_short_acronyms_match_only_in_capitals() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("us") == []
    assert gazetteer.lookup("who") == []
    assert [entry.qid for entry in gazetteer.lookup("WHO")] == ["Q7817"]


def test_gazetteer_iso_codes_that_are_words_are_not_names() -> None:
    gazetteer = load_gazetteer()
    for word in ("IN", "AT", "IS", "CAN", "AND", "Korea", "Island"):
        assert [entry for entry in gazetteer.lookup(word) if entry.type is EntityType.STATE] == [], word


def test_gazetteer_holders_change_with_the_date() -> None:
    gazetteer = load_gazetteer()
    # leaders-wikidata-2022: Ilir Meta 2017-2022, Bajram Begaj 2022-; year-only dates widen to the year.
    assert [t.person for t in gazetteer.holders("Q222", "president", date(2020, 6, 1))] == ["Ilir Meta"]
    assert {t.person for t in gazetteer.holders("Q222", "president", date(2022, 8, 1))} == {"Ilir Meta", "Bajram Begaj"}
    assert [t.person for t in gazetteer.holders("Q30", "president", date(2025, 6, 1))] == ["Donald Trump"]
    assert [t.person for t in gazetteer.holders("Q30", "president", date(2022, 6, 1))] == ["Joe Biden"]
    # An open end holds only up to the snapshot date of its source.
    assert gazetteer.holders("Q30", "president", date(2024, 6, 1)) == []


def test_gazetteer_every_leader_is_a_person_entry() -> None:
    gazetteer = load_gazetteer()
    people = {entry.qid for entry in gazetteer.entries if entry.type is EntityType.PERSON}
    assert {tenure.person_qid for tenure in gazetteer.tenures} == people
    assert gazetteer.entry_by_qid("Q22686") is not None and gazetteer.entry_by_qid("Q22686").name == "Donald Trump"


def test_gazetteer_normalize_key_follows_the_scorer() -> None:
    assert normalize_key("The U.S.") == "us"
    assert normalize_key("Côte d’Ivoire") == "cote divoire"
    assert normalize_key("Guinea-Bissau") == "guinea bissau"


def write_folder(folder: Path, *, states: str = "", leaders: str = "", organizations: str | None = None) -> None:
    folder.mkdir()
    (folder / "states.tsv").write_text("qid\tname\taliases\tdemonyms\tcapitals\tiso2\tiso3\n" + states)
    (folder / "igos.tsv").write_text("qid\tname\taliases\tkind\n")
    (folder / "leaders.tsv").write_text(
        "person_qid\tperson\taliases\tposition_qid\tposition\trole\tof_qid\tof_name\tstart\tend\tas_of\tsource\n" + leaders
    )
    if organizations is not None:
        (folder / "organizations.tsv").write_text("qid\tname\taliases\tkind\n" + organizations)


def test_gazetteer_bad_rows_are_all_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    write_folder(
        folder,
        states="Q1\tOne\t\t\t\t\t\nX9\tTwo\t\t\t\t\t\nQ3\t\t\t\t\t\t\n",
        leaders="Q5\tP\t\t\tPresident of One\tpresident\tQ1\tOne\t2020\t2019\t\tx\n",
    )
    with pytest.raises(DataFileError) as caught:
        read_gazetteer(folder)
    assert str(caught.value) == (
        f"{folder / 'states.tsv'}:3: qid 'X9' is not a Wikidata QID like Q30\n"
        f"{folder / 'states.tsv'}:4: empty name\n"
        f"{folder / 'leaders.tsv'}:2: end 2019 is before start 2020"
    )
    assert caught.value.line == 3


def test_gazetteer_wrong_cell_count_and_header(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    write_folder(folder, states="Q1\tOne\n")
    with pytest.raises(DataFileError, match=r"states.tsv:2: 2 cells; expected 7"):
        read_gazetteer(folder)
    (folder / "states.tsv").write_text("qid\tname\n")
    with pytest.raises(DataFileError, match=r"states.tsv:1: header is \['qid', 'name'\]"):
        read_gazetteer(folder)


def test_gazetteer_reads_curated_organizations(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    write_folder(folder, organizations="\tRapid Support Forces\tRSF\tNonStateArmedGroup\n")
    gazetteer = read_gazetteer(folder)
    (entry,) = gazetteer.lookup("RSF")
    assert (entry.qid, entry.name, entry.type, entry.kind) == (None, "Rapid Support Forces", EntityType.ORGANIZATION, "NonStateArmedGroup")
    (folder / "organizations.tsv").write_text("qid\tname\taliases\tkind\n\tX\t\tnot a class\n")
    with pytest.raises(DataFileError, match=r"organizations.tsv:2: kind 'not a class' is not an ontology class name"):
        read_gazetteer(folder)


def test_gazetteer_curated_states_are_states_without_a_qid() -> None:
    from kg.gazetteer import load_gazetteer

    (afghanistan,) = load_gazetteer().lookup("Afghan")
    assert (afghanistan.name, afghanistan.type.value, afghanistan.qid, afghanistan.capitals) == ("Afghanistan", "State", None, ("Kabul",))


def test_gazetteer_the_holy_see_and_the_vatican_are_one_state_named_as_the_gold_writes_it() -> None:
    from kg.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    (holy_see,) = gazetteer.lookup("Holy See")
    assert gazetteer.lookup("the Vatican") == gazetteer.lookup("Vatican City") == [holy_see]
    assert (holy_see.name, holy_see.type.value, holy_see.qid) == ("Holy See", "State", "Q237")


def test_gazetteer_reads_phoenix_posts_by_every_name_with_their_dates(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    write_folder(folder)
    (folder / "phoenix_office_holders.tsv").write_text(
        "person\taliases\tcode\tcountry\tstate\tsector\tstart\tend\tsource\n"
        "Vladimir Putin\tPutin|President Putin\tRUSGOV\tRUS\tRussia\tGOV\t1999-08-09\t2000-05-07\tx:1\n"
        "Vladimir Putin\tPutin|President Putin\tRUSGOV\tRUS\tRussia\tGOV\t2008-05-08\t\tx:2\n",
        encoding="utf-8",
    )
    gazetteer = read_gazetteer(folder)
    assert gazetteer.lookup("Vladimir Putin") == []  # a post is no entry: no QID, no linking
    posts = gazetteer.posts_of("putin")
    assert [p.source for p in posts] == ["x:1", "x:2"] and posts == gazetteer.posts_of("Vladimir Putin")
    assert posts[0].held_on(date(2000, 1, 1)) and not posts[0].held_on(date(2001, 1, 1))
    assert posts[1].held_on(date(2012, 1, 1)) and not posts[1].held_on(date(2020, 1, 1))  # the files stop in 2014
    (folder / "phoenix_office_holders.tsv").write_text(
        "person\taliases\tcode\tcountry\tstate\tsector\tstart\tend\tsource\nX\t\tRUSGOV\tRUS\tRussia\tGOV\t\t\tx:1\n"
    )
    with pytest.raises(DataFileError, match=r"phoenix_office_holders.tsv:2: a post needs a start or an end"):
        read_gazetteer(folder).posts_of("X")  # read when first asked for


def test_gazetteer_tenures_of_a_person_are_their_rows_of_leaders_tsv_in_order() -> None:
    gazetteer = load_gazetteer()
    for person_qid in ("Q316901", "Q107422711"):  # Edi Rama, Bajram Begaj (leaders.tsv)
        assert gazetteer.tenures_of(person_qid) == [t for t in gazetteer.tenures if t.person_qid == person_qid] != []
    assert gazetteer.tenures_of("Q0") == []
    gazetteer.tenures_of("Q316901").clear()  # a copy: the index stays whole
    assert gazetteer.tenures_of("Q316901")


def test_gazetteer_tenures_in_a_state_are_its_rows_of_leaders_tsv_in_order() -> None:
    gazetteer = load_gazetteer()
    for of_qid in ("Q222", "Q30"):  # Albania, the United States (leaders.tsv)
        assert gazetteer.tenures_in(of_qid) == [t for t in gazetteer.tenures if t.of_qid == of_qid] != []
    assert gazetteer.tenures_in("Q0") == []


def test_gazetteer_states_of_people_reads_a_plural_demonym() -> None:
    gazetteer = load_gazetteer()
    assert [entry.name for entry in gazetteer.states_of_people("Americans")] == ["United States"]
    assert gazetteer.states_of_people("American") == []  # not a plural
    assert gazetteer.states_of_people("Russias") == []  # a name, not a demonym
