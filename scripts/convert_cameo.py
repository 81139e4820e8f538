"""Convert the CAMEO verb dictionary and the CAMEO->PLOVER table into kg's pattern files.

    python scripts/convert_cameo.py [--dictionaries ../shared/dictionaries] [--out patterns]

Reads CAMEO.2.0.txt (synsets, then verb synonym blocks with their patterns, in the format of
PETRARCH2's verb dictionary reader) and CAMEO2PLOVER-2021.txt (CAMEO code -> PLOVER type, mode,
context), and writes, one JSON object a line, each row naming its source file and line:

- patterns/cameo_synsets.jsonl: `{"name": "&MILITARY", "phrases": [["armed", "forces"], ...]}`
- patterns/cameo_verbs.jsonl: a `verb` row per verb form of a block (its lemma, the particle
  words a multi-word verb needs, its block and the code it has on its own), then a `pattern`
  row per pattern of a block: the words its subject must hold (`subject`), the words the rest
  of the clause must hold (`object`), its prepositional phrases (`preps`), the code, and the
  verbs it reads on where they are not all its block's (`verbs`: commented_verbs and restated_verbs below; a
  verb row has `needs_object` where its block reads its verbs by their objects: OBJECT_SENSE_SHARE
  below; `no_object` where its own code is a sense with no object: OWN_CODE_WITHOUT_OBJECT). Every
  code is mapped to its PLOVER type and mode; `type` is null where the dictionary says the verb
  is no event there (`[---]`: "fight corruption").

CAMEO codes map to PLOVER by the longest code the table lists (its two-digit rows are the
defaults, longer rows add the mode); the codebook's old names are read as the new ones
(DEMAND=REQUEST, DISAPPROVE/INVESTIGATE=ACCUSE, FIGHT=ASSAULT); where the PLOVER codebook
(PLOVER_MANUAL.tex) reads an entry otherwise (resignations are RETREAT, a meeting held is a
CONSULT whatever its preposition), CODEBOOK_READINGS
below follows the codebook and the row names its line. A code the
dictionary writes after a colon alone ("X * (IN AIRSTRIKE) [:195]", "receive * LOAN [:071]")
is the other party's event upon the subject, so such a pattern codes no event of the
subject's own (type null), as "[---]" does. Patterns are dropped by the
rules of DROP below, each counted on stderr. A pattern row's `lemmas` give the plural words
it writes their lemma ("ARREST WARRANTS": warrants -> warrant), as the model's lemmatizer gives
it to the text, so that "an arrest warrant" is met as "arrest warrants" is (see `singulars`); a
synset row's `lemmas` do the same for its phrases ("soldiers": "soldier"). The
output is deterministic: a test reruns this script and fails when the committed files are stale.

A row's mode is one the codebook lists for its type (the mode tables of PLOVER_MANUAL.tex, read
by read_codebook_modes). Some rows of the table give a mode its type has not (ASSAULT "seize", a
COERCE mode; ASSAULT "pro_autocracy", a context; modes the codebook has commented out): where the
codebook names the mode of that CAMEO code's event, MODE_READINGS takes it and the row names the
codebook's line too; any other such mode is dropped (the row keeps its type, with no mode).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.nlp import DEFAULT_MODEL  # noqa: E402  the model whose lemmatizer reads the text

VERBS_FILE = "CAMEO.2.0.txt"
PLOVER_FILE = "CAMEO2PLOVER-2021.txt"
CODEBOOK_FILE = "PLOVER_MANUAL.tex"

# The codebook's conversion table names some types by their older names.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
# Where the PLOVER codebook reads a CAMEO entry otherwise than the conversion table: (block,
# code) -> the codebook's reading and the words of the codebook that give it (the source names
# their line). CAMEO codes a resignation 083x "accede to demands for change in leadership"
# (CONCEDE in the table); the codebook puts resignations under RETREAT, mode "resign".
RESIGNATION = "RETREAT", "resign", "RETREAT} also covers resignations of government officials"
# CAMEO codes some patterns of its verbs of meeting 036 "express intent to meet" ("meet *at* X",
# "contact X *at* Y", "meet *with leaders*"): words that say where or with whom the meeting took
# place, not that it is yet to be; the codebook puts all meetings under CONSULT and future ones
# under AGREE, which kg reads from the verb's modality, not from its prepositions.
MEETING = "CONSULT", None, "All consultations and meetings"
# CAMEO codes condolences 018 "make empathetic comment", in the statements (01) the codebook
# drops; the codebook's SUPPORT expresses support for an actor, which condolences offered to a
# party are (not its regrets, 018 too: the codebook's CONCEDE). Keyed by the pattern's object word.
CONDOLENCES = "SUPPORT", None, "express support for, commend"
# CAMEO codes an arrest of protesters, demonstrators or journalists 175 "use tactics of violent
# repression" (ASSAULT in the table); the codebook's COERCE is repression "falling short of
# violence", its mode "arrest" (an arrest is no assault).
ARREST = "COERCE", "arrest", "Repression, restrictions on rights, or coercive uses of power falling short of violence"
# Modes the table gives that are no mode of their type in the codebook, by CAMEO code, where the
# codebook's mode table names the mode of that code's event: the mode and the words of its line.
# The table's other such modes are dropped (0842 RETREAT "return", 201/203 ASSAULT "cleansing",
# 200 and 202 "massacre": rows the codebook has commented out; 085 RETREAT "ease", 132 THREATEN
# "ban", 1321 "political": none of their type's; 175 ASSAULT "pro_autocracy": a context, not a
# mode). 202 "engage in mass killings" is not read as the codebook's "targeted" (deliberate mass
# killings): the dictionary codes any "kill * CIVILIAN" 202, most often an airstrike's toll.
MODE_READINGS = {
    "1712": ("destroy", "Intentional destruction of property"),  # Destroy property (the table: seize)
    "1722": ("restrict", "banning of individuals or organizations from political life"),  # Ban parties (ban)
    "1322": ("restrict", "banning of political activities"),  # Threaten to ban parties or politicians (ban)
    "185": ("targeted", "(successful and attempted) assassinations"),  # Attempt to assassinate (assassinate)
    "186": ("targeted", "(successful and attempted) assassinations"),  # Assassinate (assassinate)
}
CODEBOOK_READINGS = {
    ("MEET_PEOPLE", "036"): MEETING,  # meet, contact, communicate with ... (at, with leaders, for talks)
    ("RESIGN", "083"): RESIGNATION,  # resign
    ("RESIGN", "0831"): RESIGNATION,  # resign the government, minister resigns
    ("STEP", "0831"): RESIGNATION,  # step down, leader steps aside
    ("SUBMIT", "0831"): RESIGNATION,  # submit one's resignation
    ("EXPLAIN_VERBAL", "0831"): RESIGNATION,  # announce one's resignation
    ("APPREHEND", "175"): ARREST,  # arrest protesters, arrest X during a protest
    **{(block, "018", word): CONDOLENCES for block in ("EXPLAIN_VERBAL", "OFFER", "EXTEND", "SOUND")
       for word in ("condolences", "condolence", "sympathy", "sympathies")},  # express condolences ...
}
# Words a pattern may spell out that say nothing about the event (auxiliaries, articles,
# complementizers): a dependency parse does not need them, so they are not required words.
FUNCTION_WORDS = frozenset(
    "a an the that this these those will would is are was were be been being has have had to "
    "and or it its their his her as".split()
)
# A bare preposition among a pattern's words ("* WITH", "* FROM $ TO +", "* DEBATE ON") heads a
# prepositional phrase of the verb or its object, as a parenthesised one does ("(WITH ...)"): a
# `preps` item with no words, not a word met anywhere in the clause ("strikes ... with
# munitions"). The adverbial particles (off, up, down, out, on, in, over, back, away) stay words:
# the coder reads those on the verb itself ("call *off* talks").
PREPOSITIONS = frozenset(
    "with from for against into of by at between toward towards across inside outside about since".split()
)
# A block whose patterns (nearly) all name an object word ("give * AID", "give * SUPPORT", "give
# * STATEMENT") reads its verbs by what they act on. Where such a verb's own code is a transfer
# (the codebook's material cooperation, less RETREAT, which gives nothing), the verb with nothing
# given ("contributed to AFP": wrote for it) is not that event (`needs_object` on its rows).
OBJECT_SENSE_SHARE = 0.9
OBJECT_SENSE_MIN_PATTERNS = 5
TRANSFERS = frozenset({"COOPERATE", "AID"})
# A verb whose own code is an intransitive sense ("submit to X": SUBMIT [080] "yield", beside
# ABIDE BY, ACCEDE, ACQUIESCE, COMPLY, OBEY) where the dictionary reads it with an object by what it
# hands over: SUBMIT's own patterns code "* &PROPOSAL", "* PETITION", "* PAPER" 020 (appeal, which
# PLOVER drops), "* LEGISLATION" 034, "* RESIGNATION" 0831, "* &EVIDENCE" 130 ... and no object 080
# but FORCE ("submit to force"). Its own code holds with no object only (`no_object` on its row):
# "X submitted a report to the UN", "initiatives submitted to the UN" yield nothing to the UN.
OWN_CODE_WITHOUT_OBJECT = frozenset({("SUBMIT", "submit")})
# Plurals that name what their singular does not ("cut *ties*", "Russian *forces*", "*goods*";
# &PEOPLE's "*nationals*" and "*subjects*", whose singular is most often the adjective "national"
# or a topic), which the model's noun index does not list as nouns of their own as it does "arms",
# "talks", "relations" or "terms": their patterns and synsets match the plural only.
PLURALS_OF_THEIR_OWN = frozenset({"ties", "forces", "goods", "nationals", "subjects"})
# Why a pattern (or verb) is left out; the counts are printed when the script runs.
DROP = {
    "unknown_synset": "names a synset the dictionary does not define (PETRARCH ignores these too)",
    "no_code": "has no readable CAMEO code",
    "no_words": "requires no word beyond the verb itself, so it only restates the block's code",
    "plover_drops": "has a code of a category the PLOVER codebook drops (01 statements, 02 appeals): "
    "it does not say the verb is no event, so the verb keeps its own code",
    "redundant_null": "codes no event ([---]) in a block whose verbs code none either (a no-op)",
    "same_as_default": "gives the very code the verb has without it",
    "duplicate": "repeats a pattern of the same block",
    "ambiguous": "has the very words of another pattern of its block with another PLOVER type (LIFT: "
    "'* SANCTION' [0351] and [085]): what told them apart is lost in kg's reading, so neither is kept",
    "unmapped_verb": "a verb whose block codes no PLOVER event, neither alone nor by any pattern",
    "number_pair": "(its lemma only, not the pattern) a plural word of a pattern whose block codes the "
    "same words with its singular otherwise (ISSUE '* ORDERS' [138] and '* ORDER' [100]) matches the plural only",
    "ambiguous_verb": "a verb form listed in blocks whose codes read differently ('PULL_OUT' under "
    "GO_SOMEWHERE [040] and RETREAT [080]) loses its code of its own there; its patterns stay",
}


@dataclass(frozen=True)
class Plover:
    type: str | None
    mode: str | None


@dataclass(frozen=True)
class CodebookModes:
    """The codebook's modes of each type, each with the line of its table row, and MODE_READINGS
    with the line of the codebook's words."""

    listed: dict[str, dict[str, int]]
    readings: dict[str, tuple[str, int]]


MODE_TABLE = re.compile(r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes")
MODE_ROW = re.compile(r"([a-z][a-z_\-]*)\s*&")


def read_codebook_modes(path: Path) -> CodebookModes:
    """The rows of the codebook's mode tables ("\\caption{COERCE modes}": "seize & Execute search,
    ..."); rows commented out ("%return & Return property") are no modes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    listed: dict[str, dict[str, int]] = {}
    name: str | None = None
    for number, text in enumerate(lines, start=1):
        caption = MODE_TABLE.search(text)
        row = MODE_ROW.match(text)
        if caption:
            name = OLD_NAMES.get(caption.group(1), caption.group(1))
            listed.setdefault(name, {})
        elif text.startswith("\\end{table}"):
            name = None
        elif name is not None and row:
            listed[name].setdefault(row.group(1), number)
    readings: dict[str, tuple[str, int]] = {}
    for code, (mode, words) in MODE_READINGS.items():
        line = next((number for number, text in enumerate(lines, start=1) if words in text), None)
        if line is None:
            raise ValueError(f"{path.name}: no line says {words!r}")
        readings[code] = (mode, line)
    return CodebookModes(listed, readings)


def read_plover(path: Path, modes: CodebookModes) -> dict[str, tuple[Plover, str]]:
    """CAMEO code -> (PLOVER type and mode, source: the table's line, and the codebook's where
    MODE_READINGS gives the mode). A repeated code keeps its first row. A mode the codebook does
    not list for the type is MODE_READINGS', else dropped."""
    table: dict[str, tuple[Plover, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        body = line.split("#", 1)[0].strip()
        match = re.fullmatch(r"(\d+):\s*(.*)", body)
        if not match or match.group(1) in table:
            continue
        fields = [field.strip() for field in match.group(2).split(",")]
        name = OLD_NAMES.get(fields[0], fields[0])
        if name not in PLOVER_TYPES:
            raise ValueError(f"{path.name}:{number}: unknown PLOVER type {fields[0]!r}")
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        source = f"{PLOVER_FILE}:{number}"
        if mode is not None and mode not in modes.listed.get(name, {}):
            mode, source = _codebook_mode(match.group(1), name, modes, source)
        table[match.group(1)] = (Plover(name, mode), source)
    return table


def _codebook_mode(code: str, name: str, modes: CodebookModes, source: str) -> tuple[str | None, str]:
    """The mode MODE_READINGS gives a code whose table mode is none of its type's, and the source
    naming the codebook's line; no mode where it gives none."""
    if code not in modes.readings:
        return None, source
    mode, line = modes.readings[code]
    if mode not in modes.listed.get(name, {}):
        raise ValueError(f"MODE_READINGS gives {code} {mode!r}, which is no {name} mode in {CODEBOOK_FILE}")
    return mode, f"{source}; {CODEBOOK_FILE}:{line}"


def plover_of(code: str | None, table: dict[str, tuple[Plover, str]]) -> tuple[Plover, str | None]:
    """The PLOVER reading of a CAMEO code and its source: its own row, else the longest listed
    prefix (the two-digit row is the default). The codebook drops 01 (statements) and 02 (appeals)."""
    if code is None:
        return Plover(None, None), None
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            # A longer row's mode is kept; a mode-less row takes no mode from a shorter one.
            return table[code[:length]]
    return Plover(None, None), None


def read_codebook_readings(path: Path) -> dict[tuple[str, ...], tuple[Plover, int]]:
    """CODEBOOK_READINGS with the line of the codebook that gives each reading."""
    lines = path.read_text(encoding="utf-8").splitlines()
    readings: dict[tuple[str, ...], tuple[Plover, int]] = {}
    for key, (name, mode, words) in CODEBOOK_READINGS.items():
        line = next((number for number, text in enumerate(lines, start=1) if words in text), None)
        if line is None:
            raise ValueError(f"{path.name}: no line says {words!r}")
        readings[key] = (Plover(name, mode), line)
    return readings


WORD = re.compile(r"[A-Z0-9][A-Z0-9'\-]*_?|&[A-Z0-9_]+")


def words_of(text: str) -> list[str]:
    """'ARMED_FORCES' -> ['armed', 'forces']."""
    return [word.lower() for word in text.strip("_").split("_") if word]


def read_synsets(lines: list[str], start: int, end: int) -> dict[str, tuple[list[list[str]], int]]:
    synsets: dict[str, tuple[list[list[str]], int]] = {}
    name: str | None = None
    for number in range(start, end):
        line = lines[number].split("#", 1)[0].strip()
        if line.startswith("&"):
            name = line.rstrip("_")
            synsets[name] = ([], number + 1)
        elif line.startswith("+") and name is not None:
            synsets[name][0].append(words_of(line[1:]))
        elif not line:
            name = None
    return synsets


def parse_code(text: str) -> str | None:
    """'[042:043]' -> '042', '[---]' -> '---', and '[:190]' -> ':190': a code after the colon
    alone is the event of the other party upon the subject ("X dies in an airstrike", "X
    receives a loan"), which the subject does not do."""
    inner = text.strip("[] ")
    parts = [part.strip() for part in inner.split(":") if part.strip()]
    if not parts or not re.fullmatch(r"\d+|---", parts[0]):
        return None
    return f":{parts[0]}" if inner.startswith(":") else parts[0]


class PatternError(ValueError):
    pass


def parse_pattern(text: str, synsets: dict[str, Any]) -> dict[str, Any]:
    """'&MILITARY * POLICE (TO {BORDER AREA})' -> subject ['&MILITARY'], object ['police'],
    preps [{'prep': 'to', 'words': ['border', 'area']}]; a bare preposition after the verb is a
    phrase of it with no words ('* WITH' -> preps [{'prep': 'with', 'words': []}]). Actor markers
    ($ + ^ %) are dropped."""
    if "*" not in text:
        raise PatternError("no_words")
    before, after = text.split("*", 1)
    subject = _required(before, synsets)
    preps: list[dict[str, Any]] = []

    def prep(match: re.Match[str]) -> str:
        inner = match.group(1).split(None, 1)
        if inner:
            preps.append({"prep": inner[0].lower(), "words": _required(inner[1] if len(inner) > 1 else "", synsets)})
        return " "

    rest = re.sub(r"\(([^()]*)\)", prep, after)
    words = _required(rest, synsets)
    obj = [word for word in words if word not in PREPOSITIONS]
    preps += [{"prep": word, "words": []} for word in words if word in PREPOSITIONS]
    if not subject and not obj and not preps:
        raise PatternError("no_words")
    return {"subject": subject, "object": obj, "preps": preps}


def _required(text: str, synsets: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for token in WORD.findall(text.replace("{", " ").replace("}", " ")):
        if token.startswith("&"):
            name = token.rstrip("_")
            if name not in synsets:
                raise PatternError("unknown_synset")
            found.append(name)
            continue
        for word in words_of(token):
            if word not in FUNCTION_WORDS and word not in found:
                found.append(word)
    return found


VERB_LINE = re.compile(r"^(\+?)([A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")


def convert(dictionaries: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Counter[str]]:
    """(synset rows, verb and pattern rows, counts of dropped items by rule)."""
    plover = read_plover(dictionaries / PLOVER_FILE, read_codebook_modes(dictionaries / CODEBOOK_FILE))
    codebook = read_codebook_readings(dictionaries / CODEBOOK_FILE)
    lines = (dictionaries / VERBS_FILE).read_text(encoding="latin-1").splitlines()
    marks = {line.strip("# ").split(" #")[0].strip(): number for number, line in enumerate(lines) if line.startswith("####")}
    verbs_start = next(n for key, n in marks.items() if key.startswith("VERB PATTERNS"))
    verbs_end = next(n for key, n in marks.items() if key.startswith("TRANSFORMATIONS"))
    synsets = read_synsets(lines, 0, verbs_start)
    dropped: Counter[str] = Counter()
    rows: list[dict[str, Any]] = []
    for block in _blocks(lines, verbs_start, verbs_end):
        rows.extend(_block_rows(block, synsets, plover, dropped, codebook))
    lemma_of = singulars(_pattern_words(rows) | _synset_words(synsets))
    synset_rows = [_synset_row(name, phrases, line, lemma_of) for name, (phrases, line) in sorted(synsets.items())]
    rows = _with_lemmas(_without_ambiguous_defaults(rows, dropped), lemma_of, dropped)
    return synset_rows, rows, dropped


def _synset_row(name: str, phrases: list[list[str]], line: int, lemma_of: dict[str, str]) -> dict[str, Any]:
    """A synset's row, with the `lemmas` of its phrases' plural words as a pattern row has them
    ("soldiers": "soldier"), so that a phrase is met by its singular too."""
    lemmas = _lemmas_of([word for phrase in phrases for word in phrase], lemma_of)
    row: dict[str, Any] = {"kind": "synset", "name": name, "phrases": phrases}
    if lemmas:
        row["lemmas"] = lemmas
    row["source"] = f"{VERBS_FILE}:{line}"
    return row


def _lemmas_of(words: list[str], lemma_of: dict[str, str]) -> dict[str, str]:
    """The plural words among `words` and their lemma."""
    return {word: lemma_of[word] for word in words if word in lemma_of}


def _pattern_words(rows: list[dict[str, Any]]) -> set[str]:
    return {word for row in rows if row["kind"] == "pattern" for word in _words_of_row(row)}


def _synset_words(synsets: dict[str, tuple[list[list[str]], int]]) -> set[str]:
    return {word for phrases, _ in synsets.values() for phrase in phrases for word in phrase}


def _words_of_row(row: dict[str, Any]) -> list[str]:
    return [*row["subject"], *row["object"], *(word for prep in row["preps"] for word in prep["words"])]


def singulars(words: set[str]) -> dict[str, str]:
    """The plural words among `words` and their lemma, as the model's rule lemmatizer gives it to
    a noun of the text: a word it reads one way only, whose lemma the model's noun index lists and
    which that index does not list as a noun of its own ("arms", "talks", "relations", "terms",
    "troops" keep their form: their singular may name something else), less PLURALS_OF_THEIR_OWN and
    the FUNCTION_WORDS a synset may list ("was", "has": no nouns)."""
    nlp = spacy.load(DEFAULT_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner", "senter"])
    lemmatizer = nlp.get_pipe("lemmatizer")
    nouns = frozenset(lemmatizer.lookups.get_table("lemma_index")["noun"])
    kept = nouns | PLURALS_OF_THEIR_OWN | FUNCTION_WORDS
    candidates = sorted(word for word in words if not word.startswith("&") and word not in kept)
    doc = Doc(nlp.vocab, words=candidates, pos=["NOUN"] * len(candidates))
    found = {token.text: lemmatizer.rule_lemmatize(token) for token in doc}
    return {word: lemmas[0] for word, lemmas in found.items() if len(lemmas) == 1 and lemmas[0] != word and lemmas[0] in nouns}


def _with_lemmas(rows: list[dict[str, Any]], lemma_of: dict[str, str], dropped: Counter[str]) -> list[dict[str, Any]]:
    """Pattern rows with the `lemmas` of their plural words, save a plural whose block codes the
    same words with its singular otherwise (a number pair: each keeps its own number)."""
    codes = {(row["block"], _words_key(row)): row["code"] for row in rows if row["kind"] == "pattern"}
    out = []
    for row in rows:
        lemmas = _lemmas_of(_words_of_row(row), lemma_of) if row["kind"] == "pattern" else {}
        for word, lemma in list(lemmas.items()):
            singular = codes.get((row["block"], _words_key(_replaced(row, word, lemma))))
            if singular is not None and singular != row["code"]:
                dropped["number_pair"] += 1
                del lemmas[word]
        out.append(_with_field(row, "lemmas", lemmas) if lemmas else row)
    return out


def _replaced(row: dict[str, Any], word: str, new: str) -> dict[str, Any]:
    def swap(words: list[str]) -> list[str]:
        return [new if found == word else found for found in words]

    return {**row, "subject": swap(row["subject"]), "object": swap(row["object"]),
            "preps": [{**prep, "words": swap(prep["words"])} for prep in row["preps"]]}  # fmt: skip


def _with_field(row: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
    """`row` with `name` after its `preps`."""
    out: dict[str, Any] = {}
    for key, found in row.items():
        out[key] = found
        if key == "preps":
            out[name] = value
    return out


def _without_ambiguous_defaults(rows: list[dict[str, Any]], dropped: Counter[str]) -> list[dict[str, Any]]:
    """Verb rows of a form that several blocks read as different PLOVER types lose their type."""
    types: dict[tuple[str, tuple[str, ...]], set[str | None]] = {}
    for row in rows:
        if row["kind"] == "verb":
            types.setdefault((row["lemma"], tuple(row["particles"])), set()).add(row["type"])
    out = []
    for row in rows:
        if row["kind"] == "verb" and len(types[(row["lemma"], tuple(row["particles"]))]) > 1:
            dropped["ambiguous_verb"] += 1
            row = {**row, "type": None, "mode": None}
        out.append(row)
    return out


@dataclass
class Block:
    name: str
    line: int
    code: str | None
    verbs: list[tuple[int, str]]
    patterns: list[tuple[int, str]]


def _blocks(lines: list[str], start: int, end: int) -> list[Block]:
    blocks: list[Block] = []
    for number in range(start, end):
        raw = lines[number]
        # Four headers close without a space ("---  DELAY   [120]---  ---"); missing them would
        # merge their verbs and patterns into the block before ("condemn * ATTACK" read as DELAY's 053).
        header = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\])\s*---", raw)
        if header:
            blocks.append(Block(header.group(1), number + 1, parse_code(header.group(2)), [], []))
        elif blocks and raw.startswith("-"):
            blocks[-1].patterns.append((number + 1, raw[1:]))
        elif blocks and raw[:1] in ("+",) or (blocks and raw[:1].isalpha() and raw[:1].isupper()):
            blocks[-1].verbs.append((number + 1, raw))
    return blocks


def _block_rows(
    block: Block,
    synsets: dict[str, Any],
    plover: dict[str, tuple[Plover, str]],
    dropped: Counter[str],
    codebook: dict[tuple[str, ...], tuple[Plover, int]] | None = None,
) -> list[dict[str, Any]]:
    block_id = f"{block.name}@{block.line}"
    readings = codebook or {}

    def reading_of(code: str | None, line: int, words: tuple[str, ...] = ()) -> tuple[Plover, str]:
        """The code's PLOVER reading and the source of the row (dictionary, table or codebook);
        a codebook reading may be for a pattern's first object word only."""
        for key in ((block.name, code, *words[:1]), (block.name, code)):
            if code is not None and key in readings:
                reading, codebook_line = readings[key]
                return reading, f"{VERBS_FILE}:{line}; {CODEBOOK_FILE}:{codebook_line}"
        reading, table_source = plover_of(None if code == "---" or code.startswith(":") else code, plover)
        return reading, _source(line, table_source)

    verb_rows: list[dict[str, Any]] = []
    forms: dict[str, tuple[frozenset[str], str | None]] = {}  # each verb ("cordon off") -> its forms and own code
    for line, raw in block.verbs:
        match = VERB_LINE.match(raw.split("#", 1)[0].strip())
        if not match:
            continue
        words = words_of(match.group(2))
        own = parse_code(match.group(4)) if match.group(4) else None
        code = own if own is not None else block.code
        forms[" ".join(words)] = verb_forms(match.group(2), match.group(3) or ""), own
        reading, source = reading_of(code, line)
        verb_rows.append(
            {"kind": "verb", "lemma": words[0], "particles": words[1:], "block": block_id, "code": code,
             "type": reading.type, "mode": reading.mode,
             **({"no_object": True} if (block.name, " ".join(words)) in OWN_CODE_WITHOUT_OBJECT else {}), "source": source}  # fmt: skip
        )
    pattern_rows: list[dict[str, Any]] = []
    objects: list[bool] = []  # whether each readable pattern of the block names an object word
    seen: set[str] = set()
    no_ops: list[int] = []  # null patterns of null verbs: no-ops unless a typed pattern of the block could match too
    for line, raw in block.patterns:
        text, _, comment = raw.partition("#")
        verbs = commented_verbs(comment, forms, block.code)
        own_rows = [row for row in verb_rows if not verbs or " ".join((row["lemma"], *row["particles"])) in verbs]
        defaults = {row["code"] for row in own_rows}
        code_match = re.search(r"\[[^\]]*\]\s*$", text.strip())
        code = parse_code(code_match.group(0)) if code_match else None
        if code is None:
            dropped["no_code"] += 1
            continue
        try:
            parts = parse_pattern(text[: text.rfind("[")], synsets)
        except PatternError as error:
            dropped[str(error)] += 1
            continue
        objects.append(bool(parts["object"]))
        reading, source = reading_of(code, line, tuple(parts["object"]))
        block_type = reading_of(block.code, line)[0].type
        if not verbs and block_type and reading.type not in (None, block_type):
            verbs = restated_verbs(comment, forms, code)  # kept, though the same as their code: it still shadows
        if reading.type is None and code != "---" and not code.startswith(":"):
            dropped["plover_drops"] += 1
            continue
        no_op = reading.type is None and not any(row["type"] for row in own_rows)
        if defaults == {code} and not no_op:
            dropped["same_as_default"] += 1
            continue
        key = json.dumps([parts, code, verbs])
        if key in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(key)
        if no_op:
            no_ops.append(len(pattern_rows))
        pattern_rows.append(
            {"kind": "pattern", "block": block_id, **parts, "code": code, "type": reading.type,
             "mode": reading.mode, **({"verbs": verbs} if verbs else {}),
             **({"object_outside_preps": True} if code == "---" and parts["object"] else {}), "source": source}  # fmt: skip
        )
    if not any(row["type"] for row in pattern_rows):
        dropped["redundant_null"] += len(no_ops)
        pattern_rows = [row for i, row in enumerate(pattern_rows) if i not in no_ops]
    types: dict[str, set[str | None]] = {}
    for row in pattern_rows:
        types.setdefault(_words_key(row), set()).add(row["type"])
    ambiguous = [row for row in pattern_rows if len(types[_words_key(row)]) > 1]
    dropped["ambiguous"] += len(ambiguous)
    pattern_rows = [row for row in pattern_rows if len(types[_words_key(row)]) == 1]
    if not any(row["type"] for row in verb_rows) and not any(row["type"] for row in pattern_rows):
        dropped["unmapped_verb"] += len(verb_rows)
        return []
    if len(objects) >= OBJECT_SENSE_MIN_PATTERNS and sum(objects) >= OBJECT_SENSE_SHARE * len(objects):
        verb_rows = [{**row, "needs_object": True} if row["type"] in TRANSFERS else row for row in verb_rows]
    return verb_rows + pattern_rows


def verb_forms(name: str, listed: str) -> frozenset[str]:
    """The forms a pattern's comment may name a verb line by: its name ('PULL_OUT'), the forms
    its braces list ('{WITHHOLDS WITHHELD}'), and the regular inflections of its first word
    ('PULLED_OUT', 'RAMMED')."""
    first, *rest = name.split("_")
    inflected = {first, first + "S", first + "ES", first + "ED", first + "ING"}
    if first.endswith("E"):
        inflected |= {first + "D", first[:-1] + "ING"}
    if first.endswith("Y"):
        inflected |= {first[:-1] + "IES", first[:-1] + "IED"}
    if first[-1] not in "AEIOUWXY":
        inflected |= {first + first[-1] + "ED", first + first[-1] + "ING"}
    return frozenset(["_".join([form, *rest]) for form in inflected] + [form.lstrip("+") for form in listed.strip("{}").split()])


def commented_verbs(comment: str, verbs: dict[str, tuple[frozenset[str], str | None]], block_code: str | None) -> list[str]:
    """The verbs a pattern of a block is confined to: those its comment names ('# HOLD',
    '# HOLD , DETAIN', '# HELD'), when each of them is a verb the dictionary marks as no event
    on its own ([---]) in a block whose code is an event (HOLD [---] under CONFINE [170]): a verb
    of many senses, whose patterns pick its senses ('hold * ELECTIONS', '* TALKS'), not its
    block-mates' ('detain'). Empty (block-wide) otherwise: CAMEO 2.0 merged its blocks so that
    synonyms share their patterns ('sever' reads CUT's '* DIPLOMATIC RELATIONS')."""
    names = {"_".join(item.split()).upper() for item in comment.split(",")}
    named = sorted(verb for verb, (found, _) in verbs.items() if names & found)
    apart = block_code != "---" and all(verbs[verb][1] == "---" for verb in named)
    return named if named and apart else []


def restated_verbs(comment: str, verbs: dict[str, tuple[frozenset[str], str | None]], code: str) -> list[str]:
    """The verbs a pattern's comment names when each has the pattern's code as its own code: the
    pattern restates the sense of the verb it was written for (BLAME's '* (OF &CRIME) [173] #
    CONVICT' beside CONVICT [173]). Where that code reads another PLOVER type than the block's,
    the pattern is confined to them: 'accuse X of war crimes' stays the accusation of ACCUSE
    [112], not the conviction's COERCE."""
    names = {"_".join(item.split()).upper() for item in comment.split(",")}
    named = sorted(verb for verb, (found, _) in verbs.items() if names & found)
    return named if named and all(verbs[verb][1] == code for verb in named) else []


def _words_key(row: dict[str, Any]) -> str:
    return json.dumps([row["subject"], row["object"], row["preps"]])


def _source(line: int, table_source: str | None) -> str:
    source = f"{VERBS_FILE}:{line}"
    return source if table_source is None else f"{source}; {table_source}"


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    root = ROOT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionaries", type=Path, default=root.parent / "shared" / "dictionaries")
    parser.add_argument("--out", type=Path, default=root / "patterns")
    args = parser.parse_args(argv)
    synset_rows, rows, dropped = convert(args.dictionaries)
    write_jsonl(args.out / "cameo_synsets.jsonl", synset_rows)
    write_jsonl(args.out / "cameo_verbs.jsonl", rows)
    verbs = sum(row["kind"] == "verb" for row in rows)
    print(f"{len(synset_rows)} synsets, {verbs} verbs, {len(rows) - verbs} patterns", file=sys.stderr)
    for rule, count in sorted(dropped.items()):
        print(f"dropped {count}: {rule} ({DROP[rule]})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
