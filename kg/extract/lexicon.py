"""Loaders for the extraction data files: patterns/ -> typed, checked lexicons.

patterns/events.jsonl, designations.jsonl and assets.jsonl hold one JSON object a line;
modality.tsv and ship_prefixes.tsv are tab-separated with a header row. Each loader
checks every line and raises one DataFileError naming the file and line of every problem, so a
bad pattern fails at start-up. `load_lexicons` loads the installed folder's once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from kg.extract.paths import Path as DepPath
from kg.extract.paths import parse_path
from kg.patterns import Problems, json_objects, raise_problems, tsv_rows
from kg.records import AssetClass, DesignationCategory, EventType
from kg.resources import data_dir
from kg.screened_matcher import ScreenedMatcher

POS = ("VERB", "NOUN")
MODALITY_KINDS = ("negation", "hypothetical", "attribution")
MODALITY_PLACES = ("child", "head", "from", "governor", "complement", "modifier", "clause", "future_clause", "prep", "subject")
ASSET_CLASSES = frozenset(item.value for item in AssetClass)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger entry: lemmas of one part of speech that signal an event or designation.

    `slots` maps an argument name ("actors", "designee", ...) to dependency paths that
    override the defaults for the part of speech. `options` keeps the entry's remaining keys
    (requirements such as `requires_actor`, `mode`, `category_cues`).
    """

    id: str
    label: str  # an EventType value, or a designation category ("" when found from the context)
    pos: str
    lemmas: frozenset[str]
    base: float
    slots: dict[str, tuple[DepPath, ...]]
    options: dict[str, Any]

    def flag(self, name: str) -> bool:
        return bool(self.options.get(name))

    def words(self, name: str) -> frozenset[str]:
        return frozenset(self.options.get(name) or ())


@dataclass(frozen=True, slots=True)
class ModeWords:
    """Words near a trigger that give its event a mode, for the event types the mode can describe
    (a phone call is a CONSULT's, not an attack's: "*calling* the attack retaliation"); and the
    types it describes only where it names what the event was told in, a word `told_in_paths`
    reach from the trigger ("agree *during a phone call*")."""

    mode: str
    words: frozenset[str]
    types: frozenset[EventType]
    told_in_paths: tuple[DepPath, ...] = ()
    told_in_types: frozenset[EventType] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The triggers of one family, the default argument paths per part of speech, and extras."""

    triggers: tuple[Trigger, ...]
    defaults: dict[str, dict[str, tuple[DepPath, ...]]]
    # Per event type, the trigger a verb the CAMEO coder types takes (kg.extract.coder).
    coded: dict[str, Trigger] = field(default_factory=dict)
    # Verbs too general for the code CAMEO gives them alone ("lead", "take"): only their
    # patterns count; and CAMEO codes another extractor reads (sanctions are designations).
    pattern_only: frozenset[str] = frozenset()
    left_to_others: frozenset[str] = frozenset()
    # CAMEO synonym blocks of verbs that undo what they govern ("cancels sending envoys").
    cancelling_blocks: frozenset[str] = frozenset()
    modes: tuple[ModeWords, ...] = ()
    categories: tuple[tuple[DesignationCategory, str | None, tuple[str, ...]], ...] = ()
    legal_bases: tuple[tuple[re.Pattern[str], str | None], ...] = ()
    revoking: frozenset[str] = frozenset()
    # Designee nouns that stand for their qualifier ("U.S. citizens"), and verbs whose subject
    # asks for a listing rather than makes it ("requests sanctions against").
    transparent: frozenset[str] = frozenset()
    asking: frozenset[str] = frozenset()
    # By (part of speech, lemma), the triggers that have it, in order: `by_lemma` is asked about
    # every word of an article; by ("weapon", word), the triggers whose attack a weapon stands for.
    _by_pos_lemma: dict[tuple[str, str], list[Trigger]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Trigger]] = {}
        for trigger in self.triggers:
            for lemma in trigger.lemmas:
                index.setdefault((trigger.pos, lemma), []).append(trigger)
            for weapon in trigger.words("weapons"):
                index.setdefault(("weapon", weapon), []).append(trigger)
        object.__setattr__(self, "_by_pos_lemma", index)

    def paths(self, trigger: Trigger, slot: str) -> tuple[DepPath, ...]:
        return trigger.slots[slot] if slot in trigger.slots else self.defaults.get(trigger.pos, {}).get(slot, ())

    def by_lemma(self, lemma: str, pos: str) -> list[Trigger]:
        return list(self._by_pos_lemma.get((pos, lemma), ()))


AssetPattern = tuple[str, list[dict[str, Any]]]  # an asset class and its Matcher token pattern


Cues = dict[tuple[str, str], str]  # (where a modality cue must stand, its lemma or lower-cased form) -> its kind


def _records(path: Path, problems: Problems) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, record in json_objects(path, problems):
        if isinstance(record.get("id"), str):
            yield number, record
        else:
            problems.append((number, "expected an object with a string 'id'"))


def valid_rows(path: Path, columns: tuple[str, ...], valid: Callable[[dict[str, str]], bool],
                problem: str) -> list[dict[str, str]]:  # fmt: skip
    """The rows of a tab-separated file by column, a missing cell empty; every row that is not
    `valid` is reported as `problem` filled in with its cells."""
    rows = [(number, dict(zip(columns, cells + [""] * len(columns)))) for number, cells in tsv_rows(path, columns)]
    raise_problems(path, [(number, problem.format_map(row)) for number, row in rows if not valid(row)])
    return [row for _, row in rows]


def word_lists(path: Path | None = None) -> dict[str, frozenset[str]]:
    """patterns/word_lists.tsv: the lower-case words the extract stage judges a phrase by (place nouns,
    copulas, legislature words ...), by list; every bad row is reported."""
    rows = valid_rows(path or data_dir("patterns") / "word_lists.tsv", ("list", "words", "meaning"),
                      lambda row: bool(row["list"] and row["words"]), "list and words are both required")  # fmt: skip
    return {row["list"]: frozenset(row["words"].split()) for row in rows}


WORDS = word_lists()


def _word_list(number: int, record: dict[str, Any], problems: Problems) -> frozenset[str]:
    """The lemmas of an entry that is a list of words (none, reported, without a 'lemmas' list)."""
    if isinstance(record.get("lemmas"), list):
        return frozenset(str(lemma).lower() for lemma in record["lemmas"])
    problems.append((number, f"a {record['kind']} entry needs a 'lemmas' list"))
    return frozenset()


def _paths(value: Any, number: int, problems: Problems) -> tuple[DepPath, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append((number, "argument paths must be a list of strings"))
        return ()
    parsed = []
    for text in value:
        try:
            parsed.append(parse_path(text))
        except ValueError as error:
            problems.append((number, str(error)))
    return tuple(parsed)


def _slots(number: int, record: dict[str, Any], slot_names: tuple[str, ...],
           problems: Problems) -> dict[str, tuple[DepPath, ...]]:  # fmt: skip
    return {name: _paths(record[name], number, problems) for name in slot_names if name in record}


# The cues of `requires_one_of` (kg.extract.triggers reads them): the noun's modifiers, the verb
# and preposition it is the object of ("go on"), the objects of its prepositions.
ONE_OF_CUES = frozenset({"modifier", "verb_prep", "prep_object"})


def _trigger(number: int, record: dict[str, Any], label: str, slot_names: tuple[str, ...],
             problems: Problems) -> Trigger | None:  # fmt: skip
    coded = record.get("kind") == "coded"
    pos = record.get("pos", "VERB" if coded else None)
    lemmas = record.get("lemmas") or (["*"] if coded else None)  # coded: any verb the coder gives this type
    base = record.get("base", 0.5)
    if pos not in POS:
        problems.append((number, f"pos must be one of {', '.join(POS)}, not {pos!r}"))
        return None
    if not isinstance(lemmas, list) or not lemmas or not all(isinstance(lemma, str) for lemma in lemmas):
        problems.append((number, "lemmas must be a non-empty list of strings"))
        return None
    if not isinstance(base, (int, float)) or not 0 < base <= 1:
        problems.append((number, f"base must be a number in (0, 1], not {base!r}"))
        return None
    cues = record.get("requires_one_of", {})
    if not isinstance(cues, dict) or not set(cues) <= ONE_OF_CUES:
        problems.append((number, f"requires_one_of must map cues among {', '.join(sorted(ONE_OF_CUES))} to words"))
        return None
    slots = _slots(number, record, slot_names, problems)
    skip = {"id", "kind", "type", "pos", "lemmas", "base", "category", *slot_names}
    options = {key: value for key, value in record.items() if key not in skip}
    return Trigger(record["id"], label, pos, frozenset(lemma.lower() for lemma in lemmas), float(base), slots, options)


def _defaults(number: int, record: dict[str, Any], slot_names: tuple[str, ...],
              problems: Problems) -> dict[str, dict[str, tuple[DepPath, ...]]]:  # fmt: skip
    """The default paths of a part of speech; a "reading" names paths for words the tagger got
    wrong ("misread": a verb tagged as a noun), kept apart from the part of speech's own."""
    pos = record.get("pos")
    if pos not in POS:
        problems.append((number, f"pos must be one of {', '.join(POS)}, not {pos!r}"))
    key = f"{pos}:{record['reading']}" if "reading" in record else str(pos)
    return {key: _slots(number, record, slot_names, problems)}


def _like(number: int, record: dict[str, Any], earlier: dict[str, dict[str, Any]],
          problems: Problems) -> dict[str, Any]:  # fmt: skip
    """A record that names an earlier one `like` it takes that one's fields where it gives none of
    its own (a sense of a noun that is read like the noun: a *general* strike like a protest)."""
    like = record.pop("like", None)
    if like is not None and like not in earlier:
        problems.append((number, f"'like' names no earlier record: {like!r}"))
    merged = {**earlier.get(like, {}), **record} if like is not None else record
    earlier[merged["id"]] = merged
    return merged


def _mode_words(number: int, record: dict[str, Any], problems: Problems) -> ModeWords | None:
    """A `"kind": "mode"` row: its `mode`, its `lemmas`, the event `types` it may describe and,
    optionally, `told_in`: the `paths` to what events of its `types` were told in."""
    told_in = record.get("told_in") or {}
    if not isinstance(record.get("mode"), str):
        problems.append((number, "a mode needs a 'mode' string"))
    elif not _event_types(record.get("types")):
        problems.append((number, f"a mode needs 'types', a list of PLOVER event types, not {record.get('types')!r}"))
    elif not isinstance(told_in, dict) or told_in and not (_event_types(told_in.get("types")) and told_in.get("paths")):
        problems.append((number, "a mode's 'told_in' needs 'paths' and 'types', a list of PLOVER event types"))
    else:
        paths = _paths(told_in["paths"], number, problems) if told_in else ()
        return ModeWords(
            record["mode"], _word_list(number, record, problems), _event_types(record["types"]),
            paths, _event_types(told_in.get("types", [])),
        )  # fmt: skip
    return None


def _event_types(names: Any) -> frozenset[EventType]:
    """The event types a list of PLOVER type names names (none, when it is no such list)."""
    if not isinstance(names, list) or any(name not in EventType.__members__ for name in names):
        return frozenset()
    return frozenset(EventType(name) for name in names)


EVENT_SLOTS = ("actors", "targets", "locations", "participants", "struck", "struck_near")
DESIGNATION_SLOTS = ("authority", "designee")


def load_events(folder: Path) -> Lexicon:
    """patterns/events.jsonl: event triggers, the trigger per type for verbs the CAMEO coder
    types ("coded"), default argument paths and mode words."""
    path = folder / "events.jsonl"
    problems: Problems = []
    triggers: list[Trigger] = []
    defaults: dict[str, dict[str, tuple[DepPath, ...]]] = {}
    modes: list[ModeWords] = []
    coded: dict[str, Trigger] = {}
    pattern_only: set[str] = set()
    left_to_others: set[str] = set()
    cancelling_blocks: set[str] = set()
    earlier: dict[str, dict[str, Any]] = {}
    for number, record in _records(path, problems):
        record = _like(number, record, earlier, problems)
        kind = record.get("kind", "trigger")
        if kind == "arguments":
            defaults |= _defaults(number, record, EVENT_SLOTS, problems)
        elif kind == "mode":
            mode_words = _mode_words(number, record, problems)
            if mode_words is not None:
                modes.append(mode_words)
        elif kind == "coder":
            if not isinstance(record.get("pattern_only"), list) or not isinstance(record.get("left_to_others"), list):
                problems.append((number, "a coder entry needs 'pattern_only' (lemmas) and 'left_to_others' (CAMEO codes)"))
                continue
            pattern_only.update(str(lemma).lower() for lemma in record["pattern_only"])
            left_to_others.update(str(code) for code in record["left_to_others"])
            cancelling_blocks.update(str(block) for block in record.get("cancelling_blocks") or ())
        elif kind in ("trigger", "coded"):
            if record.get("type") not in EventType.__members__:
                problems.append((number, f"type must be a PLOVER event type, not {record.get('type')!r}"))
                continue
            trigger = _trigger(number, record, record["type"], EVENT_SLOTS, problems)
            if trigger is not None and kind == "coded":
                coded[trigger.label] = trigger
            elif trigger is not None:
                triggers.append(trigger)
        else:
            problems.append((number, f"unknown kind {kind!r}"))
    raise_problems(path, problems)
    return Lexicon(
        tuple(triggers), defaults, coded, frozenset(pattern_only), frozenset(left_to_others),
        frozenset(cancelling_blocks), modes=tuple(modes),
    )  # fmt: skip


def load_designations(folder: Path) -> Lexicon:
    """patterns/designations.jsonl: triggers, category phrases, legal bases, revoking words."""
    path = folder / "designations.jsonl"
    problems: Problems = []
    triggers: list[Trigger] = []
    defaults: dict[str, dict[str, tuple[DepPath, ...]]] = {}
    categories: list[tuple[DesignationCategory, str | None, tuple[str, ...]]] = []
    legal: list[tuple[re.Pattern[str], str | None]] = []
    lemma_sets: dict[str, set[str]] = {"transparent": set(), "asking": set(), "revoking": set()}
    values = {category.value for category in DesignationCategory}
    for number, record in _records(path, problems):
        kind = record.get("kind", "trigger")
        if kind == "arguments":
            defaults |= _defaults(number, record, DESIGNATION_SLOTS, problems)
        elif kind == "trigger":
            category = record.get("category")
            if category is not None and category not in values:
                problems.append((number, f"category must be one of {', '.join(sorted(values))} or null, not {category!r}"))
                continue
            trigger = _trigger(number, record, category or "", DESIGNATION_SLOTS, problems)
            if trigger is not None:
                triggers.append(trigger)
        elif kind == "category":
            phrases = record.get("phrases")
            if record.get("category") not in values or not isinstance(phrases, list) or not phrases:
                problems.append((number, "a category needs a known 'category' and a non-empty 'phrases' list"))
                continue
            categories.append((DesignationCategory(record["category"]), record.get("for"), tuple(str(p).lower() for p in phrases)))
        elif kind == "legal_basis":
            try:
                legal.append((re.compile(str(record.get("pattern", ""))), record.get("programme")))
            except re.error as error:
                problems.append((number, f"bad regular expression: {error}"))
        elif kind in lemma_sets:
            lemma_sets[kind].update(_word_list(number, record, problems))
        else:
            problems.append((number, f"unknown kind {kind!r}"))
    raise_problems(path, problems)
    return Lexicon(
        tuple(triggers), defaults, categories=tuple(categories), legal_bases=tuple(legal),
        revoking=frozenset(lemma_sets["revoking"]), transparent=frozenset(lemma_sets["transparent"]),
        asking=frozenset(lemma_sets["asking"]),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class AssetLexicon:
    """patterns/assets.jsonl: the asset patterns and the word lists the asset extractor reads."""

    patterns: tuple[AssetPattern, ...]  # spaCy Matcher token patterns, each with its asset class
    operator_verbs: frozenset[str]  # their subject operates the asset they govern ("the US *deployed* a carrier")
    place_objects: frozenset[str]  # their object is where the asset is ("troops *leaving* Syria")
    # Verbs that launch a weapon: their "from" phrase is where the weapon was ("missiles *fired from*
    # Iran at U.S. forces in the Middle East" are in Iran, not where they struck).
    launch_verbs: frozenset[str]
    # Their object or passive subject is a victim or a captive set free, no deployment ("14 soldiers
    # were *killed*", "*releases* six soldiers").
    victim_verbs: frozenset[str]
    # Nouns of making an asset: one after them and "of" is to be made, not deployed ("support the
    # *production* of Ukrainian drones", "reveals the *development* of the battleship X").
    making_nouns: frozenset[str]
    # Asset nouns that are an asset alone only where a moving verb moves them ("Ruritanian *forces*
    # entered Port Vell", not "Ruritanian forces raided a house"), and those verbs.
    moving_only: frozenset[str]
    moving_verbs: frozenset[str]
    # Words the parser hangs on an asset's noun phrase that are not part of it: a time word ("an
    # *overnight* Russian missile strike") or a verb read as a noun in a verbless headline ("Houthi
    # rebels *fire* missiles"); the asset's phrase starts after the last of them.
    phrase_stops: frozenset[str]
    # Weapon models the patterns name by a word, not a designation ("Pantsir", "Shahed", "Patriot"):
    # a name the model spans over one in a match is cut out like a designation ("F-16").
    model_names: frozenset[str]
    # Nouns of a merchant or unspecified vessel (the CAMEO agents' TANKER, CARGO_SHIP, FREIGHTER,
    # MERCHANT_VESSEL ... and "ship", "vessel"), one word or two ("bulk carrier"; "carrier" alone is
    # an airline or an aircraft carrier): a name right after one, or one it is in apposition to, is
    # a ship ("the tanker Eagle S", "the Eternity C, a Liberian-flagged ship"), of class vessel.
    vessel_nouns: frozenset[str]
    # A ship's flag is where it is registered, often a flag of convenience, not who operates it:
    # a state under one of these words in an asset's phrase is no operator ("Liberian-flagged").
    flag_words: frozenset[str]
    # The names of aircraft carriers with their navy's prefix ("USS Abraham Lincoln"): news names a
    # carrier by its name alone, and a name under a ship prefix is otherwise read as a warship. Kept
    # as `ship_key` writes them (lower case, letters and digits only: "H. W." and "H.W." alike).
    carrier_names: frozenset[str]
    # Asset classes whose deployment is the attack or flight it makes ("missile", "drone"): one with
    # no place, after the events have placed what they could, is scored down (confidence.UNPLACED_WEAPON)
    # unless it was countered (its verb one of `countering_verbs`: "intercepted a missile").
    unplaced_weapon_classes: frozenset[str]
    # Verbs whose object or passive subject is a weapon countered in flight ("*intercepted* a missile",
    # "*shot down* eight missiles", "*destroyed* 147 drones"): where it fell is mostly not told.
    countering_verbs: frozenset[str]
    # Verbs that send an asset (their object or passive subject: "*deploys* 40,000 troops to it") and
    # verbs an asset arrives by (their subject: "the units should *enter* a wartime state"): a placeless
    # asset under one is a deployment whose place is unnamed, not scored down (confidence.UNPLACED_ASSET).
    sending_verbs: frozenset[str]
    arriving_verbs: frozenset[str]


def load_assets(folder: Path) -> AssetLexicon:
    """patterns/assets.jsonl: token patterns by asset class; word lists by `kind`, a field of AssetLexicon."""
    path = folder / "assets.jsonl"
    problems: Problems = []
    patterns: list[AssetPattern] = []
    lists: dict[str, set[str]] = {item.name: set() for item in fields(AssetLexicon) if item.name != "patterns"}
    matcher = Matcher(Vocab(), validate=True)
    for number, record in _records(path, problems):
        if record.get("kind") in lists:
            lists[record["kind"]].update(_word_list(number, record, problems))
            continue
        if record.get("class") not in ASSET_CLASSES:
            problems.append((number, f"class must be one of {', '.join(sorted(ASSET_CLASSES))}, not {record.get('class')!r}"))
            continue
        pattern = record.get("pattern")
        if not isinstance(pattern, list) or not all(isinstance(token, dict) for token in pattern):
            problems.append((number, "bad token pattern: 'pattern' must be a list of token objects"))
            continue
        try:
            matcher.add(record["id"], [pattern])
        except (MatchPatternError, ValueError, KeyError) as error:
            problems.append((number, f"bad token pattern: {error}".replace("\n", " ")))
            continue
        patterns.append((record["class"], pattern))
    raise_problems(path, problems)
    lists["carrier_names"] = {ship_key(name) for name in lists["carrier_names"]}
    return AssetLexicon(tuple(patterns), **{kind: frozenset(words) for kind, words in lists.items()})


def ship_key(name: str) -> str:
    """A ship's name as `AssetLexicon.carrier_names` holds it: lower case, letters and digits only."""
    return "".join(char for char in name.lower() if char.isalnum())


def load_ship_prefixes(folder: Path) -> dict[str, str]:
    """patterns/ship_prefixes.tsv: ship name prefixes ("USS") -> the name of the operating state."""
    rows = valid_rows(folder / "ship_prefixes.tsv", ("prefix", "state"),
                       lambda row: bool(row["prefix"] and row["state"]), "prefix and state are both required")  # fmt: skip
    return {row["prefix"]: row["state"] for row in rows}


def load_cues(folder: Path) -> Cues:
    """patterns/modality.tsv: negation, hypothetical and attribution cue words."""
    rows = valid_rows(folder / "modality.tsv", ("cue", "kind", "where"),
                       lambda row: bool(row["cue"]) and row["kind"] in MODALITY_KINDS and row["where"] in MODALITY_PLACES,
                       f"expected a cue, a kind in {MODALITY_KINDS} and a place in {MODALITY_PLACES}")  # fmt: skip
    return {(row["where"], row["cue"].lower()): row["kind"] for row in rows}


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Everything the event, designation, asset and modality extractors read from patterns/."""

    events: Lexicon
    designations: Lexicon
    assets: AssetLexicon
    ship_prefixes: dict[str, str]
    cues: Cues

    @property
    def speech_verbs(self) -> frozenset[str]:
        """Verbs that report speech: the attribution cues that govern what is said."""
        return frozenset(word for (where, word), kind in self.cues.items() if (kind, where) == ("attribution", "governor"))


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """All extraction lexicons of the installed patterns folder, cached."""
    folder = data_dir("patterns")
    return Lexicons(load_events(folder), load_designations(folder), load_assets(folder), load_ship_prefixes(folder),
                    load_cues(folder))  # fmt: skip


# (id of vocab, id of patterns) -> the vocab and patterns (held, so the ids stay theirs) and the Matcher.
_ASSET_MATCHERS: dict[tuple[int, int], tuple[Vocab, tuple[AssetPattern, ...], ScreenedMatcher]] = {}


def asset_matcher(vocab: Vocab, patterns: tuple[AssetPattern, ...]) -> ScreenedMatcher:
    """The asset patterns in one Matcher keyed by asset class, built once per vocabulary and
    pattern set (building it took longer than running it); it runs on a Doc only the patterns
    whose words the Doc has (the same matches in the same order, in a third of the time)."""
    key = (id(vocab), id(patterns))
    if key not in _ASSET_MATCHERS:
        _ASSET_MATCHERS[key] = (vocab, patterns, ScreenedMatcher(vocab, patterns))
    return _ASSET_MATCHERS[key][2]
