"""scripts/convert_cameo.py: the committed CAMEO pattern files are what the converter writes now."""

import collections
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DICTIONARIES = ROOT.parent / "shared" / "dictionaries"
spec = importlib.util.spec_from_file_location("convert_cameo", ROOT / "scripts" / "convert_cameo.py")
assert spec is not None and spec.loader is not None
convert_cameo = importlib.util.module_from_spec(spec)
sys.modules["convert_cameo"] = convert_cameo  # its dataclasses look their module up
spec.loader.exec_module(convert_cameo)

needs_dictionaries = pytest.mark.skipif(not DICTIONARIES.is_dir(), reason="the CAMEO dictionaries are not at ../shared")


@needs_dictionaries
def test_convert_cameo_committed_files_are_fresh(tmp_path: Path) -> None:
    assert convert_cameo.main(["--dictionaries", str(DICTIONARIES), "--out", str(tmp_path)]) == 0
    for name in ("cameo_verbs.jsonl", "cameo_synsets.jsonl"):
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        assert fresh == (ROOT / "patterns" / name).read_text(encoding="utf-8"), f"patterns/{name} is stale: rerun the converter"


@needs_dictionaries
def test_convert_cameo_every_row_names_its_source_and_a_plover_type_or_none() -> None:
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    assert rows and all(row["source"].startswith("CAMEO.2.0.txt:") for row in rows)
    assert {row["type"] for row in rows} - {None} <= convert_cameo.PLOVER_TYPES


def test_convert_cameo_codes_map_by_the_longest_listed_prefix(tmp_path: Path) -> None:
    table = tmp_path / "table.txt"
    table.write_text("08: CONCEDE\n084: RETREAT,  ,  # Return\n0841: RETREAT, release, legal # release\n"
                     "10: DEMAND\n110: DISAPPROVE, disapprove,\n19: FIGHT\n")  # fmt: skip
    modes = convert_cameo.CodebookModes({"RETREAT": {"release": 1}, "ACCUSE": {"disapprove": 2}}, {})
    plover = convert_cameo.read_plover(table, modes)
    assert convert_cameo.plover_of("0841", plover)[0] == convert_cameo.Plover("RETREAT", "release")
    assert convert_cameo.plover_of("0842", plover)[0].type == "RETREAT"
    assert convert_cameo.plover_of("081", plover)[0].type == "CONCEDE"
    assert convert_cameo.plover_of("104", plover)[0].type == "REQUEST"  # DEMAND, the old name
    assert convert_cameo.plover_of("110", plover)[0].type == "ACCUSE"  # DISAPPROVE
    assert convert_cameo.plover_of("193", plover)[0].type == "ASSAULT"  # FIGHT
    assert convert_cameo.plover_of("010", plover)[0].type is None  # statements: PLOVER drops them


def test_convert_cameo_pattern_words_preps_and_synsets() -> None:
    synsets = {"&MILITARY": ([["troops"]], 1)}
    parsed = convert_cameo.parse_pattern(" &MILITARY * POLICE (TO {BORDER AREA}) $ ", synsets)
    assert parsed == {"subject": ["&MILITARY"], "object": ["police"], "preps": [{"prep": "to", "words": ["border", "area"]}]}
    with pytest.raises(convert_cameo.PatternError, match="unknown_synset"):
        convert_cameo.parse_pattern(" * &NOSUCH ", synsets)
    with pytest.raises(convert_cameo.PatternError, match="no_words"):
        convert_cameo.parse_pattern(" * + THAT $ ", synsets)
    assert convert_cameo.parse_code("[042:043]") == "042" and convert_cameo.parse_code("[:190]") == ":190"


def test_convert_cameo_patterns_a_block_codes_two_ways_are_dropped() -> None:
    """LIFT lists '* SANCTION' as 0351 (AGREE) and as 085 (RETREAT): kg cannot tell which."""
    plover = {"03": (convert_cameo.Plover("AGREE", None), "table:1"), "08": (convert_cameo.Plover("RETREAT", None), "table:2"),
              "19": (convert_cameo.Plover("ASSAULT", None), "table:3")}  # fmt: skip
    block = convert_cameo.Block("LIFT", 1, "---", [(2, "LIFT")], [
        (3, " * SANCTION   [0351]"), (4, " * SANCTION   [085]"), (5, " * BAN   [085]"), (6, " * CURFEW   [085]"),
        (7, " * CURFEW   [087]"), (8, " * TROOPS (AGAINST)   [190]"),
    ])  # fmt: skip
    dropped: collections.Counter[str] = collections.Counter()
    rows = convert_cameo._block_rows(block, {}, plover, dropped)
    kept = [(row["object"], row["code"]) for row in rows if row["kind"] == "pattern"]
    assert kept == [(["ban"], "085"), (["curfew"], "085"), (["curfew"], "087"), (["troops"], "190")]
    assert dropped["ambiguous"] == 2


def test_convert_cameo_a_null_pattern_of_null_verbs_is_kept_beside_typed_patterns() -> None:
    """CRASH codes nothing, '&AIRCRAFT *' says so again, and '&WEAPON *' (written for SLAM, its
    block-mate) is an attack: where a typed pattern could match, the null one is no no-op (a
    fighter jet is both). A block with no typed pattern drops its null ones."""
    plover = {"19": (convert_cameo.Plover("ASSAULT", None), "table:1")}
    synsets = {"&AIRCRAFT": [["jet"]], "&WEAPON": [["rocket"]]}
    crash = convert_cameo.Block("CRASH", 1, "---", [(2, "CRASH"), (3, "SLAM")],
                                [(4, " &AIRCRAFT *   [---]  # CRASH"), (5, " &WEAPON *   [194]  # SLAM")])  # fmt: skip
    dropped: collections.Counter[str] = collections.Counter()
    rows = convert_cameo._block_rows(crash, synsets, plover, dropped)
    assert [(row["subject"], row["type"]) for row in rows if row["kind"] == "pattern"] == [(["&AIRCRAFT"], None), (["&WEAPON"], "ASSAULT")]
    quiet = convert_cameo.Block("WRECK", 6, "---", [(7, "WRECK")], [(8, " &AIRCRAFT *   [---]")])
    assert not [row for row in convert_cameo._block_rows(quiet, synsets, plover, dropped) if row["kind"] == "pattern"]
    assert dropped["redundant_null"] == 1


def test_convert_cameo_a_verb_form_blocks_read_two_ways_loses_its_own_type() -> None:
    rows = [
        {"kind": "verb", "lemma": "pull", "particles": ["out"], "type": "CONSULT", "mode": None},
        {"kind": "verb", "lemma": "pull", "particles": ["out"], "type": "CONCEDE", "mode": None},
        {"kind": "verb", "lemma": "pull", "particles": ["back"], "type": "CONCEDE", "mode": None},
        {"kind": "pattern", "type": "RETREAT"},
    ]
    dropped: collections.Counter[str] = collections.Counter()
    kept = convert_cameo._without_ambiguous_defaults(rows, dropped)
    assert [row["type"] for row in kept] == [None, None, "CONCEDE", "RETREAT"] and dropped["ambiguous_verb"] == 2


def test_convert_cameo_a_header_closed_without_a_space_starts_its_own_block() -> None:
    """CAMEO.2.0.txt writes four headers as "---  DELAY   [120]---  ---": their verbs and
    patterns are DELAY's, not the block's before ("condemn the attack" is no 053)."""
    lines = ["---  BLAME   [112]  ---", "CONDEMN [111]", "- * BOMBING   [111]", "",
             "---  DELAY   [120]---  ---", "POSTPONE", "- * ATTACK   [053]",
             "---  WHIP [190] ---", "WHIP"]  # fmt: skip
    blocks = convert_cameo._blocks(lines, 0, len(lines))
    assert [(b.name, b.code, [v for _, v in b.verbs], [p for _, p in b.patterns]) for b in blocks] == [
        ("BLAME", "112", ["CONDEMN [111]"], [" * BOMBING   [111]"]),
        ("DELAY", "120", ["POSTPONE"], [" * ATTACK   [053]"]),
        ("WHIP", "190", ["WHIP"], []),
    ]


@needs_dictionaries
def test_convert_cameo_delaying_verbs_reject_and_condemning_an_attack_accuses() -> None:
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    verbs = {row["lemma"]: row for row in rows if row["kind"] == "verb" and not row["particles"]}
    assert verbs["postpone"]["type"] == verbs["prevent"]["type"] == "REJECT"  # not BLAME's ACCUSE
    condemn = verbs["condemn"]["block"]
    attack = [row["code"] for row in rows if row["kind"] == "pattern" and row["block"] == condemn and row["object"] == ["attack"]]
    assert "053" not in attack  # DELAY's "* ATTACK [053]" (prevent an attack) is not condemn's


@needs_dictionaries
def test_convert_cameo_resignations_take_the_codebooks_reading_with_its_line() -> None:
    """CAMEO codes "resign" 083 (CONCEDE in the table); the codebook puts resignations under RETREAT."""
    readings = convert_cameo.read_codebook_readings(DICTIONARIES / convert_cameo.CODEBOOK_FILE)
    reading, line = readings[("RESIGN", "083")]
    assert reading == convert_cameo.Plover("RETREAT", "resign")
    manual = (DICTIONARIES / convert_cameo.CODEBOOK_FILE).read_text(encoding="utf-8").splitlines()
    assert "resignations" in manual[line - 1]
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    resign = next(row for row in rows if row["kind"] == "verb" and row["lemma"] == "resign")
    assert (resign["type"], resign["mode"], resign["source"]) == ("RETREAT", "resign", f"CAMEO.2.0.txt:3061; PLOVER_MANUAL.tex:{line}")
    # A call for early elections (0831 in another block) keeps the table's reading.
    call = next(row for row in rows if row["block"].startswith("CALL@") and row.get("object") == ["election"])
    assert call["type"] == "CONCEDE"


@needs_dictionaries
def test_convert_cameo_arrests_of_protesters_are_coerce_not_assault() -> None:
    """CAMEO codes an arrest of protesters 175 "violent repression" (ASSAULT in the table); the
    codebook's COERCE is repression short of violence, mode arrest. Other 175 rows keep ASSAULT."""
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    repression = [row for row in rows if row["kind"] == "pattern" and row["code"] == "175"]
    arrests = {(row["type"], row["mode"]) for row in repression if row["block"].startswith("APPREHEND@")}
    others = {row["type"] for row in repression if not row["block"].startswith("APPREHEND@")}
    assert arrests == {("COERCE", "arrest")}
    assert others == {"ASSAULT"}  # "fire water cannon", "crack down on a protest"


@needs_dictionaries
def test_convert_cameo_condolences_are_support_and_regrets_are_not() -> None:
    """CAMEO's 018 (a statement the codebook drops) reads as SUPPORT for condolences and sympathy
    only, by the pattern's object word: regret is the codebook's CONCEDE, not support."""
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    coded = {(row["block"].split("@")[0], row["object"][0]): row["type"]
             for row in rows if row["kind"] == "pattern" and row["code"] == "018"}  # fmt: skip
    assert coded[("OFFER", "condolences")] == coded[("EXPLAIN_VERBAL", "sympathy")] == "SUPPORT"
    assert ("EXPLAIN_VERBAL", "regret") not in coded and ("SOUND", "regret") not in coded


def test_convert_cameo_a_codebook_reading_names_a_line_that_says_it(tmp_path: Path) -> None:
    manual = tmp_path / "manual.tex"
    manual.write_text("\\section{RETREAT}\nnothing about leaving office\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no line says"):
        convert_cameo.read_codebook_readings(manual)


def test_convert_cameo_the_other_partys_event_upon_the_subject_is_none_of_its_own() -> None:
    """'X dies in an airstrike [:195]', 'X receives a loan [:071]': X neither strikes nor lends."""
    plover = {"19": (convert_cameo.Plover("ASSAULT", None), "table:1"), "07": (convert_cameo.Plover("AID", None), "table:2")}
    block = convert_cameo.Block("DIE", 1, "---", [(2, "DIE"), (3, "PERISH [190]")], [
        (4, " * (IN AIRSTRIKE)   [:195]"), (5, " * (IN BATTLE)   [193]"),
    ])  # fmt: skip
    dropped: collections.Counter[str] = collections.Counter()
    rows = convert_cameo._block_rows(block, {}, plover, dropped)
    patterns = {row["code"]: row["type"] for row in rows if row["kind"] == "pattern"}
    assert patterns == {":195": None, "193": "ASSAULT"}


@needs_dictionaries
def test_convert_cameo_a_meeting_held_somewhere_is_a_consultation() -> None:
    """CAMEO codes "meet/contact X *at* Y" 036 (intent to meet, AGREE in the table); the codebook
    puts all meetings under CONSULT (intent is the verb's modality, not its preposition)."""
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    meet = [row for row in rows if row["kind"] == "pattern" and row["block"].startswith("MEET_PEOPLE@") and row["code"] == "036"]
    assert meet and all(row["type"] == "CONSULT" and "PLOVER_MANUAL.tex:" in row["source"] for row in meet)
    # Elsewhere 036 keeps the table's reading: "intends to visit" is an intent.
    intend = [row for row in rows if row["kind"] == "pattern" and row["block"].startswith("INTEND@") and row["code"] == "036"]
    assert intend and all(row["type"] == "AGREE" for row in intend)


def test_convert_cameo_verbs_of_giving_read_by_their_object_need_one() -> None:
    """GRANT reads its verbs by what is given: a giving verb with nothing given is no AID; a
    block whose patterns name no object, or a verb whose own code gives nothing, needs none."""
    plover = {"06": (convert_cameo.Plover("COOPERATE", None), "table:1"), "07": (convert_cameo.Plover("AID", None), "table:2"),
              "05": (convert_cameo.Plover("SUPPORT", None), "table:3"), "19": (convert_cameo.Plover("ASSAULT", None), "table:4")}  # fmt: skip
    objects = [(n, f" * THING{n}   [05]") for n in range(3, 9)]
    grant = convert_cameo.Block("GRANT", 1, "060", [(2, "CONTRIBUTE [070]"), (9, "PRAISE [051]")], objects)
    dropped: collections.Counter[str] = collections.Counter()
    verbs = {row["lemma"]: row for row in convert_cameo._block_rows(grant, {}, plover, dropped) if row["kind"] == "verb"}
    assert verbs["contribute"].get("needs_object") is True and "needs_object" not in verbs["praise"]
    places = [(n, f" * (IN PLACE{n})   [190]") for n in range(3, 9)]
    fight = convert_cameo.Block("FIGHT", 1, "190", [(2, "FIGHT"), (9, "HELP [070]")], places)
    rows = convert_cameo._block_rows(fight, {}, plover, dropped)
    assert not any(row.get("needs_object") for row in rows)


def test_convert_cameo_a_verb_whose_own_sense_has_no_object_is_marked() -> None:
    """SUBMIT's own code is "submit to X" (yield); with an object its patterns read it by what is
    handed over: its row says the verb alone codes only without an object; its synonyms' do not."""
    plover = {"08": (convert_cameo.Plover("CONCEDE", None), "table:1"), "16": (convert_cameo.Plover("SANCTION", None), "table:2")}
    block = convert_cameo.Block("SUBMIT", 1, "080", [(2, "ACCEDE"), (3, "SUBMIT {SUBMITS SUBMITTED SUBMITTING }")],
                                [(4, " * MOTION   [160]         # SUBMIT")])  # fmt: skip
    dropped: collections.Counter[str] = collections.Counter()
    verbs = {row["lemma"]: row for row in convert_cameo._block_rows(block, {}, plover, dropped) if row["kind"] == "verb"}
    assert verbs["submit"].get("no_object") is True and "no_object" not in verbs["accede"]
    other = convert_cameo.Block("PRESENT", 1, "080", [(2, "SUBMIT")], [])
    assert not any(row.get("no_object") for row in convert_cameo._block_rows(other, {}, plover, dropped))


@needs_dictionaries
def test_convert_cameo_every_mode_is_one_the_codebook_lists_for_its_type() -> None:
    """Each generated (type, mode) is a row of the type's mode table in PLOVER_MANUAL.tex: the
    table's ASSAULT "seize" (COERCE's) for 1712 "destroy property" is the codebook's "destroy"."""
    modes = convert_cameo.read_codebook_modes(DICTIONARIES / convert_cameo.CODEBOOK_FILE)
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    stray = {(row["type"], row["mode"]) for row in rows if row["mode"] and row["mode"] not in modes.listed.get(row["type"], {})}
    assert not stray
    destroy = {(row["type"], row["mode"], row["source"].split("; ", 1)[1]) for row in rows if row["code"] == "1712"}
    assert destroy == {("ASSAULT", "destroy", f"CAMEO2PLOVER-2021.txt:258; PLOVER_MANUAL.tex:{modes.listed['ASSAULT']['destroy']}")}
    assert {row["mode"] for row in rows if row["code"] == "175" and row["type"] == "ASSAULT"} == {None}


@needs_dictionaries
def test_convert_cameo_the_codebooks_mode_tables_leave_out_commented_rows() -> None:
    listed = convert_cameo.read_codebook_modes(DICTIONARIES / convert_cameo.CODEBOOK_FILE).listed
    assert set(listed) == convert_cameo.PLOVER_TYPES - {"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}
    assert {"targeted", "destroy", "crowd-control"} <= set(listed["ASSAULT"])
    assert not {"cleansing", "massacre", "sideAB", "execute"} & set(listed["ASSAULT"])  # "%cleansing & ..."
    assert "return" not in listed["RETREAT"] and set(listed["REJECT"]) == set(listed["REQUEST"])
    assert not any("pro_autocracy" in type_modes for type_modes in listed.values())  # a context


def test_convert_cameo_a_mode_not_of_its_type_is_the_codebooks_or_none(tmp_path: Path) -> None:
    table = tmp_path / "table.txt"
    table.write_text("17: COERCE\n171: COERCE, seize, human_security\n1712: ASSAULT, seize, human_security # Destroy property\n"
                     "175: ASSAULT, pro_autocracy , military # Use violent repression\n")  # fmt: skip
    modes = convert_cameo.CodebookModes({"COERCE": {"seize": 1}, "ASSAULT": {"destroy": 2}}, {"1712": ("destroy", 2)})
    plover = convert_cameo.read_plover(table, modes)
    assert plover["171"] == (convert_cameo.Plover("COERCE", "seize"), "CAMEO2PLOVER-2021.txt:2")
    assert plover["1712"] == (convert_cameo.Plover("ASSAULT", "destroy"), "CAMEO2PLOVER-2021.txt:3; PLOVER_MANUAL.tex:2")
    assert plover["175"] == (convert_cameo.Plover("ASSAULT", None), "CAMEO2PLOVER-2021.txt:4")
    wrong = convert_cameo.CodebookModes({"COERCE": {"seize": 1}, "ASSAULT": {}}, {"1712": ("destroy", 2)})
    with pytest.raises(ValueError, match="no ASSAULT mode"):
        convert_cameo.read_plover(table, wrong)


@needs_dictionaries
def test_hand_written_triggers_give_no_mode_of_another_type_only() -> None:
    """kg's own triggers (patterns/events.jsonl) may give descriptive modes ("summons", "signing"),
    but not a codebook mode of another type: REJECT "withdraw" (SANCTION's, RETREAT's) was one.
    The mode-word rows ("kind": "mode": phone, visit, letter ...) are for any type."""
    listed = convert_cameo.read_codebook_modes(DICTIONARIES / convert_cameo.CODEBOOK_FILE).listed
    rows = [json.loads(line) for line in (ROOT / "patterns" / "events.jsonl").read_text().splitlines()]
    by_id = {row["id"]: row for row in rows}
    others = {mode for type_modes in listed.values() for mode in type_modes}
    stray = set()
    for row in (row for row in rows if row.get("kind") != "mode"):
        name = row.get("type") or by_id.get(row.get("like", ""), {}).get("type")
        if row.get("mode") in others and row["mode"] not in listed.get(name, {}):
            stray.add((row["id"], name, row["mode"]))
    assert not stray


def test_convert_cameo_patterns_of_a_verb_of_no_event_of_its_own_are_that_verbs() -> None:
    """CONFINE [170] lists HOLD [---] beside DETAIN [173]: a pattern whose comment names HOLD
    (or its form HELD) is HOLD's alone; one naming a verb with its block's sense, or no verb
    ('# jon 11/14/95'), is every verb's."""
    plover = {"04": (convert_cameo.Plover("CONSULT", None), 1), "14": (convert_cameo.Plover("PROTEST", None), 2),
              "17": (convert_cameo.Plover("COERCE", None), 3), "11": (convert_cameo.Plover("ACCUSE", None), 4)}  # fmt: skip
    block = convert_cameo.Block("CONFINE", 1, "170", [(2, "DETAIN [173]"), (3, "HOLD {HOLDS HOLDING HELD } [---] # HUX"),
                                                      (4, "WITHHOLD {WITHHELD }")], [
        (5, " * SUMMIT   [040]   # HOLD"), (6, " * RALLY   [141]   # HELD"), (7, " * PROTEST   [141]   # HOLD , DETAIN"),
        (8, " * APPROVAL   [110]   # WITHHELD"), (9, " * VIGIL   [141]   # jon 11/14/95"), (10, " POLICE *   [173]   # DETAIN"),
    ])  # fmt: skip
    dropped: collections.Counter[str] = collections.Counter()
    rows = convert_cameo._block_rows(block, {}, plover, dropped)
    verbs = {(row["subject"] + row["object"])[0]: row.get("verbs") for row in rows if row["kind"] == "pattern"}
    assert verbs == {"summit": ["hold"], "rally": ["hold"], "protest": None, "approval": None, "vigil": None, "police": None}



@needs_dictionaries
def test_convert_cameo_plural_words_carry_their_lemma_unless_it_reads_otherwise() -> None:
    """A plural pattern word carries the lemma the text's singular has ("ARREST WARRANTS"), save a
    plural whose block codes its singular otherwise (GRANT '* ORDERS' [138], '* ORDER' [100]: each keeps
    its own number) and a plural the model's noun index lists as a noun of its own ("talks")."""
    rows = [json.loads(line) for line in (ROOT / "patterns" / "cameo_verbs.jsonl").read_text().splitlines()]
    grant = {tuple(row["object"]): row for row in rows if row["kind"] == "pattern" and row["block"].startswith("GRANT@")}
    assert grant[("arrest", "warrants")]["lemmas"] == {"warrants": "warrant"}
    assert grant[("orders",)]["code"] != grant[("order",)]["code"] and "lemmas" not in grant[("orders",)]
    assert not any("talks" in row.get("lemmas", {}) for row in rows)


@needs_dictionaries
def test_convert_cameo_plural_synset_phrases_carry_their_lemma() -> None:
    """A synset's plural words carry their lemma as a pattern's do ("soldiers", "nuclear weapons"),
    save plurals of their own ("troops", "forces") and the auxiliaries a synset lists ("was")."""
    synsets = {row["name"]: row for row in map(json.loads, (ROOT / "patterns" / "cameo_synsets.jsonl").read_text().splitlines())}
    military = synsets["&MILITARY"]["lemmas"]
    assert military["soldiers"] == "soldier" and "troops" not in military and "forces" not in military
    assert synsets["&WMD"]["lemmas"]["weapons"] == "weapon"
    assert "lemmas" not in synsets["&AUXVERB1"] and "lemmas" not in synsets["&TOBEVERB"]


def test_convert_cameo_a_bare_preposition_is_a_phrase_and_a_particle_a_word() -> None:
    """A bare preposition after the verb ("* WITH", "* FROM $ TO +", "* CONVOY OF") is a phrase of
    the verb or its object with no words; an adverbial particle ("* OFF ROW") stays a word."""
    assert convert_cameo.parse_pattern(" * WITH ", {}) == {"subject": [], "object": [], "preps": [{"prep": "with", "words": []}]}
    assert convert_cameo.parse_pattern(" * FROM $ TO + ", {})["preps"] == [{"prep": "from", "words": []}]
    convoy = convert_cameo.parse_pattern(" * CONVOY OF ", {})
    assert convoy["object"] == ["convoy"] and convoy["preps"] == [{"prep": "of", "words": []}]
    assert convert_cameo.parse_pattern(" * OFF ROW ", {}) == {"subject": [], "object": ["off", "row"], "preps": []}


def test_convert_cameo_a_pattern_restating_a_verbs_own_code_of_another_type_reads_on_that_verb() -> None:
    """'* (OF &CRIME) [173] # CONVICT' in a block of accusing verbs [112], beside CONVICT [173]:
    written for the conviction, it is confined to that verb, so 'accuse X of a crime' stays an
    accusation. A pattern whose comment names a verb of no such own code, or whose type is the
    block's, stays block-wide."""
    plover = {"11": (convert_cameo.Plover("ACCUSE", None), "table:1"),
              "17": (convert_cameo.Plover("COERCE", None), "table:2")}  # fmt: skip
    synsets = {"&CRIME": [["treason"]]}
    blame = convert_cameo.Block("BLAME", 1, "112", [(2, "ACCUSE [112]"), (3, "CHARGE"), (4, "CONVICT [173]")],
                                [(5, " * (OF &CRIME)   [173]  # CONVICT"), (6, " * (IN COURT)   [173]  # CHARGE"),
                                 (7, " * (OF TREASON)   [111]  # ACCUSE")])  # fmt: skip
    rows = convert_cameo._block_rows(blame, synsets, plover, collections.Counter())
    patterns = [(row["preps"][0]["prep"], row["type"], row.get("verbs")) for row in rows if row["kind"] == "pattern"]
    assert ("of", "COERCE", ["convict"]) in patterns  # confined
    assert ("in", "COERCE", None) in patterns  # CHARGE has no code of its own: block-wide
    assert ("of", "ACCUSE", None) in patterns  # ACCUSE as the block's code is: block-wide


@needs_dictionaries
def test_convert_cameo_a_no_event_patterns_object_words_are_met_outside_prepositional_phrases() -> None:
    """'- * &AIRCRAFT [---] # FIGHT' names no prepositional phrase: its row says its object words
    are met outside the verb's; '* (WITH CORRUPTION) [---]' is a phrase already, and a typed row
    keeps reading its words anywhere in the clause."""
    plover = {"19": (convert_cameo.Plover("ASSAULT", None), 1), "01": (convert_cameo.Plover(None, None), 2)}
    block = convert_cameo.Block("PHYSICAL_CONFLICT", 1, "190", [(2, "ATTACK"), (3, "FIGHT {FIGHTS FOUGHT FIGHTING }")], [
        (4, " * &AIRCRAFT   [---]   # FIGHT , FIGHT"), (5, " * (WITH CORRUPTION)   [---]   # BATTLE"),
        (6, " &MILITARY * TOWN   [193]   # ATTACK"),
    ])  # fmt: skip
    synsets = {"&AIRCRAFT": ([["drone"], ["jet"]], 1), "&MILITARY": ([["troops"]], 2)}
    rows = convert_cameo._block_rows(block, synsets, plover, collections.Counter())
    outside = {row["source"].split(";")[0]: row.get("object_outside_preps") for row in rows if row["kind"] == "pattern"}
    assert outside == {"CAMEO.2.0.txt:4": True, "CAMEO.2.0.txt:5": None, "CAMEO.2.0.txt:6": None}
