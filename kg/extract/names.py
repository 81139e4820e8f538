"""Extract stage, entities: what a name looks like, and the mention candidate record.

Word lists and the loaders of patterns/not_entities.tsv (names that are events, laws,
programmes, categories or generic words) and patterns/org_kinds.tsv (the kind an
organization's name ends in); the key names are compared by (`latin_key`); `MentionCandidate`, a
mention on its way to an entity, shared by kg.extract.entities and kg.extract.coreference.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from kg.extract.lexicon import valid_rows
from kg.gazetteer import ACRONYM as ACRONYM  # an acronym is the gazetteer's: "SDF", "NATO"
from kg.gazetteer import Gazetteer, GazetteerEntry, normalize_key
from kg.nlp import entry_key
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
PLACE_PREPOSITIONS = frozenset(
    "in at to into near outside around across inside toward towards via through within off over".split()
)
PLACE_NOUNS = frozenset("town city village district region province area port base capital airport airbase island "
                        "harbour harbor bridge square crossing border camp oblast governorate prefecture county krai territory "
                        "corridor church mosque cathedral temple synagogue stadium palace".split())  # fmt: skip
# The last word of a facility's name: a person's name before it ("John Radcliffe Hospital") names the place.
# Not the nouns that are common surnames too (Park, Church, Temple, Camp, Plant, Port).
FACILITY_NOUNS = frozenset("hospital clinic airport airfield airbase stadium arena prison jail penitentiary station "
                           "terminal bridge dam tower palace hotel mall market mosque cathedral synagogue shrine "
                           "cemetery square harbour harbor base barracks refinery".split())  # fmt: skip
# ... or the institution there ("Harvard University", "Kennedy School").
INSTITUTION_NOUNS = frozenset("university college institute academy school seminary".split())
# Fighting at a place, which its name may qualify ("the Kasanga massacre", "Tyre airstrikes", "the Rafah offensive").
ATTACK_NOUNS = frozenset("attack airstrike strike bombing shelling massacre siege raid offensive conflict war insurgency".split())
PLACE_VERBS = frozenset("visit leave reach enter strike hit bomb shell attack target capture seize besiege surround raid "
                        "liberate occupy evacuate bombard storm encircle strikes attacks raids".split())  # fmt: skip
# Verbs whose object is a place, never a person: a longer unknown name there is a place ("enter Deir al-Balah").
HELD_PLACE_VERBS = frozenset("enter seize recapture liberate besiege occupy encircle".split())
MOTION = frozenset("travel fly return flee arrive depart move come go drive sail km kilometre kilometer mile away far".split())
GOVERNMENT_NOUNS = frozenset({"administration", "government", "regime", "authorities"})
# Words of other languages' organization names ("Jaysh al-Adl", "Lashkar-e-Taiba", "Jama'at Nasr al-Islam",
# "Harkat-ul-Jihad"): army, group, movement, brigades, division, battalion, fighters; none is a personal name.
GROUP_NAME_WORDS = frozenset("jaysh jaish lashkar jamaat jamiat jaama jamaa harakat harkat tehreek tehrik saraya firqat "
                             "liwa kataib mojahedin mujahideen mujahidin".split())  # fmt: skip
HEAD_ROLES = ("president", "prime minister", "supreme leader", "king", "queen", "emir", "chancellor")
TITLE_WORDS = frozenset(
    "president vice prime minister secretary general gen. mr. mrs. ms. dr. sen. senator rep. king queen "
    "chancellor premier emir sheikh prince crown leader former interim acting foreign defense defence "
    "us u.s. state chief justice judge ambassador envoy spokesman spokeswoman spokesperson commander "
    "admiral colonel lt. col. adm. sgt. pope mr mrs ms dr cde comrade sultan archbishop bishop democrat republican staff".split()
)
GEO_NOUNS = frozenset("strip river valley sea province region city island islands mountains peninsula desert oblast "
                      "governorate district county prefecture state".split())  # fmt: skip
# The last words of regions' names, with those that also end organizations' names: "Meta Department, Colombia".
REGION_NOUNS = GEO_NOUNS | {"department"}
QUANTIFIERS = frozenset("least more most about around nearly over some several approximately up to".split())
# Head nouns of many names: alone, they name none of them ("the House", "the Council").
GENERIC_HEADS = frozenset("house council court party ministry army navy agency office department committee assembly front "
                          "forces guard union bank group movement league commission parliament senate congress government "
                          "police authority corps".split())  # fmt: skip
PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})
# Lower-case words inside a person's name ("Dick van der Laan", "Ronald dela Rosa"), and the
# elided ones written onto the next word ("Valéry Giscard d'Estaing").
NAME_PARTICLES = PATRONYMIC | frozenset("de del della dela der den di da das dos du van von ter ten la le".split())
ELIDED_PARTICLE = re.compile(r"^(?:d|l|o)['’][A-Z]")
POSSESSIVE = frozenset({"'s", "’s"})
HYPHENS = frozenset({"-", "–"})
STOP_INITIALS = frozenset({"of", "the", "and", "for", "de", "la", "los", "las", "del", "on", "in"})

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


def candidate_of(span: Span, entry: GazetteerEntry, *, weight: int) -> MentionCandidate:
    # Only organizations have kinds that are ontology classes ("Sea" of a location is not).
    kind = entry.kind if entry.type is EntityType.ORGANIZATION else None
    return MentionCandidate(span.start, span.end, entry.type, entry.name, f"entry:{entry_key(entry)}", kind, weight, entry)


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
