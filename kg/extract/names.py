"""Extract stage, entities: what a name looks like, and the mention candidate record.

The word lists of names (place nouns, title words ... of patterns/word_lists.tsv), the loaders of
patterns/not_entities.tsv (names that are events, laws, programmes, categories or generic words)
and patterns/org_kinds.tsv (the kind an organization's name ends in); the key names are compared
by (`latin_key`); `MentionCandidate`, a mention on its way to an entity (`candidate_of` makes one
of a gazetteer entry, `unknown` one of a name the gazetteer does not know), shared by the modules
of the entities stage (kg.extract.entities and the modules it calls, kg.extract.coreference).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from kg.extract.lexicon import WORDS, valid_rows
from kg.gazetteer import Gazetteer, GazetteerEntry, entry_key, normalize_key
from kg.patterns import LabelSpec, load_labels
from kg.records import EntityType
from kg.resources import data_dir


MODEL_TYPES = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORGANIZATION, "GPE": EntityType.LOCATION,
               "LOC": EntityType.LOCATION, "FAC": EntityType.LOCATION, "NORP": None}  # fmt: skip

# Which gazetteer types a model label may be corrected to, in order of preference.
ACCEPTS = {
    "PERSON": (EntityType.PERSON, EntityType.STATE, EntityType.ORGANIZATION),
    "ORG": (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.STATE),
    "GPE": (EntityType.STATE, EntityType.LOCATION, EntityType.ORGANIZATION),
    "LOC": (EntityType.LOCATION, EntityType.STATE),
    "FAC": (EntityType.LOCATION,),
    "NORP": (EntityType.STATE,),
}


PLACE_PREPOSITIONS = WORDS["place_prepositions"]
PLACE_NOUNS = WORDS["place_nouns"]
MEETING_NOUNS = WORDS["meeting_nouns"]
FACILITY_NOUNS = WORDS["facility_nouns"]
INSTITUTION_NOUNS = WORDS["institution_nouns"]
ATTACK_NOUNS = WORDS["attack_nouns"]
HARM_VERBS = WORDS["harm_verbs"]
PLACE_VERBS = WORDS["place_verbs"]
HELD_PLACE_VERBS = WORDS["held_place_verbs"]
MOTION = WORDS["motion"]
GOVERNMENT_NOUNS = WORDS["government_nouns"]
GROUP_NAME_WORDS = WORDS["group_name_words"]
HEAD_ROLES = ("president", "prime minister", "supreme leader", "king", "queen", "emir", "chancellor")
TITLE_WORDS = WORDS["title_words"]
GEO_NOUNS = WORDS["geo_nouns"]
REGION_NAME_ENDS = WORDS["region_name_ends"]
# The last words of regions' names, with those that also end organizations' names: "Meta Department, Colombia".
REGION_NOUNS = GEO_NOUNS | {"department"}
QUANTIFIERS = WORDS["quantifiers"]
GENERIC_HEADS = WORDS["generic_heads"]
PATRONYMIC = WORDS["patronymic"]
# The elided particles are written onto the next word ("Valéry Giscard d'Estaing").
NAME_PARTICLES = PATRONYMIC | WORDS["name_particles"]
ELIDED_PARTICLE = re.compile(r"^(?:d|l|o)['’][A-Z]")
POSSESSIVE = frozenset({"'s", "’s"})
HYPHENS = frozenset({"-", "–"})
STOP_INITIALS = WORDS["stop_initials"]

# An aircraft or missile model ("F-16", "MQ-9", "P-8 Poseidon"): the asset extractor's business.
DESIGNATOR = re.compile(r"^[A-Z]{1,3}-[0-9]+[A-Z]?\b")


@dataclass(frozen=True, slots=True)
class NotEntities:
    last_words: frozenset[str]  # "Syrian Civil War", "Belt and Road Initiative"
    names: frozenset[str]  # whole names: "Foreign Terrorist Organization", "Government"

    def match(self, span: Span) -> bool:
        return span[-1].lower_ in self.last_words or latin_key(span.text) in self.names


@lru_cache(maxsize=4)
def not_entities(path: Path | None = None) -> NotEntities:
    """patterns/not_entities.tsv: names that are events, laws, programmes, categories or
    generic words, by their last word or as a whole; every bad row is reported."""
    rows = valid_rows(path or data_dir("patterns") / "not_entities.tsv", ("name", "match"),
                      lambda row: row["match"] in ("last", "whole"),
                      "match must be 'last' (the last word) or 'whole' (the whole name)")  # fmt: skip
    return NotEntities(frozenset(row["name"].lower() for row in rows if row["match"] == "last"),
                       frozenset(row["name"].lower() for row in rows if row["match"] == "whole"))


@dataclass(slots=True)
class MentionCandidate:
    """One mention on its way to an entity."""

    start: int  # token offsets in the Doc
    end: int
    type: EntityType
    name: str
    group: str
    kind: str | None
    weight: int  # how good the wording is as the entity's label: 2 a name, 1 a demonym or a phrase
    entry: GazetteerEntry | None = None
    named: bool = True

    @property
    def unknown_name(self) -> bool:
        """A name the gazetteer does not know (no description, no unnamed asset)."""
        return self.entry is None and self.named


@dataclass(frozen=True, slots=True)
class Context:
    gazetteer: Gazetteer
    entries: dict[str, GazetteerEntry]
    labels: dict[str, LabelSpec]
    day: date | None
    surnames: dict[str, tuple[GazetteerEntry, ...]]
    headline_end: int  # where the headline ends in the Doc's text (0: no headline)


def name_group(entity_type: EntityType, name: str) -> str:
    """The group of the mentions of a name the gazetteer does not know: its type and its name."""
    return f"{entity_type.value}:{normalize_key(name)}"


def set_type(candidate: MentionCandidate, entity_type: EntityType) -> None:
    candidate.type, candidate.kind = entity_type, None
    candidate.group = name_group(entity_type, candidate.name)


def set_span(candidate: MentionCandidate, span: Span) -> None:
    """Make `candidate` the mention of the words of `span`, grouped by them."""
    candidate.start, candidate.end, candidate.name = span.start, span.end, span.text
    candidate.group = name_group(candidate.type, span.text)


def token_owners(candidates: Iterable[MentionCandidate]) -> dict[int, MentionCandidate]:
    """Each token a candidate holds -> that candidate (the later one where two overlap)."""
    return {i: c for c in candidates for i in range(c.start, c.end)}


def owner_end(doc: Doc, i: int) -> int:
    """Where the name of whoever owns the words at token `i` ends: before a possessive ("Cuba's
    government", "Peru's Congress"), else right before them ("the US government")."""
    return i - 1 if i > 0 and doc[i - 1].lower_ in POSSESSIVE else i


def candidate_of(span: Span, entry: GazetteerEntry, *, weight: int) -> MentionCandidate:
    # Only organizations have kinds that are ontology classes ("Sea" of a location is not).
    kind = entry.kind if entry.type is EntityType.ORGANIZATION else None
    return MentionCandidate(span.start, span.end, entry.type, entry.name, f"entry:{entry_key(entry)}", kind, weight, entry)


def unknown(start: int, end: int, entity_type: EntityType, text: str, kind: str | None = None, *,
            weight: int = 2) -> MentionCandidate:  # fmt: skip
    """A mention of a name the gazetteer does not know, grouped with the others of its type and name."""
    return MentionCandidate(start, end, entity_type, text, name_group(entity_type, text), kind, weight)


def only(entries: Iterable[GazetteerEntry]) -> GazetteerEntry | None:
    """The one entry among `entries` (told apart by QID, else name), or None for none or several."""
    distinct = {e.qid or e.name: e for e in entries}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def proper_name_at(doc: Doc, i: int) -> bool:
    """The word at `i` is a capitalised proper noun (False past the Doc's end)."""
    return i < len(doc) and doc[i].is_title and doc[i].pos_ == "PROPN"


def name_word_at(doc: Doc, i: int) -> bool:
    """The word at `i` is a capitalised word that no gazetteer name holds ("Boko", "B")."""
    return i < len(doc) and doc[i].is_title and doc[i].is_alpha and not doc[i].ent_id_


def lone_name_word_at(doc: Doc, i: int) -> bool:
    """The word at `i` is such a name word (`name_word_at`) and the word after it is none ("Boko
    declares", "Plan B,")."""
    return name_word_at(doc, i) and not name_word_at(doc, i + 1)


# Letters that Unicode does not decompose into a base letter and an accent.
_TRANSLITERATE = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae",
                                "œ": "oe", "þ": "th"})  # fmt: skip


@lru_cache(maxsize=1 << 14)  # the same names are folded again and again
def latin_key(text: str) -> str:
    """`normalize_key` with the letters Unicode does not decompose written in Latin ("Jarosław" -> "jaroslaw")."""
    return normalize_key(text).translate(_TRANSLITERATE)


@lru_cache(maxsize=4)
def surname_index(gazetteer: Gazetteer) -> dict[str, tuple[GazetteerEntry, ...]]:
    index: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in gazetteer.entries:
        if entry.type is EntityType.PERSON:
            for name in entry.names:
                words = name_words(name)
                if len(words) > 1 and entry not in index[words[-1]]:
                    index[words[-1]].append(entry)
    return {key: tuple(value) for key, value in index.items()}


def surname_entry(name: str, context: Context) -> GazetteerEntry | None:
    found = context.surnames.get(latin_key(name), ())
    return found[0] if len(found) == 1 else None


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in STOP_INITIALS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def name_words(name: str) -> list[str]:
    return latin_key(name).split()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", latin_key(text)).strip("_") or "entity"


@dataclass(frozen=True, slots=True)
class PartyWord:
    """A member noun that names a party without its name ("Democrat")."""

    word: str
    party: str  # the party's name in the gazetteer


@lru_cache(maxsize=4)
def party_words() -> tuple[PartyWord, ...]:
    """patterns/party_words.tsv; every bad row is reported."""
    rows = valid_rows(data_dir("patterns") / "party_words.tsv", ("word", "party"),
                      lambda row: bool(row["word"] and row["party"]), "word and party are required")  # fmt: skip
    return tuple(PartyWord(row["word"], row["party"]) for row in rows)


@lru_cache(maxsize=4)
def org_kinds(path: Path | None = None) -> tuple[tuple[tuple[str, ...], str], ...]:
    """patterns/org_kinds.tsv: the last words of an organization's name -> its kind, longest
    first; every bad row is reported."""
    kinds = {spec.kind for spec in load_labels().values() if spec.type is EntityType.ORGANIZATION and spec.kind}
    rows = valid_rows(path or data_dir("patterns") / "org_kinds.tsv", ("ending", "kind"), lambda row: row["kind"] in kinds,
                      "kind {kind!r} is not an organization kind of patterns/labels.tsv")  # fmt: skip
    return tuple(sorted(((tuple(row["ending"].lower().split()), row["kind"]) for row in rows), key=lambda row: -len(row[0])))


@lru_cache(maxsize=4096)
def org_kind(name: str) -> str | None:
    """The kind an unknown organization's name says ("Mexican Navy" -> ArmedForces)."""
    words = tuple(name_words(name))
    return next((kind for ending, kind in org_kinds() if words[-len(ending) :] == ending), None)
