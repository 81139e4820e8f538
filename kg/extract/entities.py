"""Extract stage, entities: annotated Doc -> one Entity per real thing the article names.

Input: the Doc of `kg.nlp.annotate` (ruler and model entity spans), the Article and the
Gazetteer. Output: `find_entities(...) -> tuple[Entity, ...]`. Extractors map tokens back to
these entities with `kg.extract.arguments.EntityIndex`.

How a span becomes an entity mention:
- A ruler span names its gazetteer entry in `Span.ent_id_`; a model span is looked up in the
  gazetteer by name. A known name fixes the type (a known leader tagged ORG is a Person; a
  country tagged PERSON is a State).
- A demonym ("Venezuelan officials") and an abbreviation ("U.S.") stand for the state. A
  capital stands for its state's government ("Washington said"), except where it is a place:
  the object of a place preposition ("talks in Caracas") or followed by its country.
- "the Trump administration", "the US government", "Maduro government", "Cuba's government"
  are mentions of the state (the leader's state comes from the gazetteer's tenures).
- A model span inside a title ("State" in "Secretary of State", patterns/roles.tsv) is none.
- An organization the gazetteer does not know takes the kind its name ends in
  (patterns/org_kinds.tsv: "Mexican Navy" -> ArmedForces, "Liberal Party" -> PoliticalParty).
- Other model spans: PERSON -> Person, ORG -> Organization, GPE/LOC/FAC -> Location; NORP
  that is no known demonym, dates, numbers, laws, events and the like are not entities.

Within an article, mentions merge into one entity: by gazetteer entry; a person's name part
("Maduro") joins the full name ("Nicolás Maduro", accents ignored); an acronym joins the name
it abbreviates ("SDF" / "Syrian Democratic Forces", or "Name (ABBR)"); a lone surname the
article never spells out is resolved through the gazetteer's office holders when unique.

A name right after an asset noun ("the aircraft carrier Shandong", "cruiser USS Philippine
Sea") is a named military asset of that noun's class.

Unnamed military assets: patterns/assets.jsonl holds spaCy Matcher token patterns, each with
its asset class ("an aircraft carrier strike group", "B-2 bombers"). Every match that is not
part of a named asset is a mention of an Entity with `named=False` and the class's ontology
kind (the ASSET_* rows of patterns/labels.tsv), from its numbers, adjectives and owners on
("19 Chinese warships"); mentions with the same content words are one entity. Extractors that need an asset entity find it through `EntityIndex`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kg.errors import DataFileError
from kg.gazetteer import Gazetteer, GazetteerEntry, Tenure, normalize_key
from kg.nlp import CAPITAL, entries_by_key
from kg.nlp import entry_key as _entry_key
from kg.extract.lexicon import load_lexicons
from kg.extract.roles import RoleWord, load_role_words, role_phrases
from kg.patterns import LabelSpec, load_labels
from kg.records import Article, Entity, EntityType, Mention
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
PLACE_VERBS = frozenset("visit leave reach enter strike hit bomb shell attack target capture seize besiege surround raid "
                        "liberate occupy evacuate bombard storm encircle strikes attacks raids".split())  # fmt: skip
DISTANCES = frozenset("km kilometre kilometer kilometres kilometers mi mile miles".split())
MOTION = frozenset("travel fly return flee arrive depart move come go drive sail km kilometre kilometer mile away far".split())
GOVERNMENT_NOUNS = frozenset({"administration", "government", "regime", "authorities"})
HEAD_ROLES = ("president", "prime minister", "supreme leader", "king", "queen", "emir", "chancellor")
TITLE_WORDS = frozenset(
    "president vice prime minister secretary general gen. mr. mrs. ms. dr. sen. senator rep. king queen "
    "chancellor premier emir sheikh prince crown leader former interim acting foreign defense defence "
    "us u.s. state chief justice judge ambassador envoy spokesman spokeswoman spokesperson commander "
    "admiral colonel lt. col. adm. sgt. pope mr mrs ms dr cde comrade sultan sheikh archbishop bishop democrat republican staff".split()
)
GEO_NOUNS = frozenset("strip river valley sea province region city island islands mountains peninsula desert oblast "
                      "governorate district county prefecture state".split())  # fmt: skip
QUANTIFIERS = frozenset("least more most about around nearly over some several approximately up to".split())
PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})
STOP_INITIALS = frozenset({"of", "the", "and", "for", "de", "la", "los", "las", "del", "on", "in"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
# An aircraft or missile model ("F-16", "MQ-9", "P-8 Poseidon"): the asset extractor's business.
_DESIGNATOR = re.compile(r"^[A-Z]{1,3}-[0-9]+[A-Z]?\b")
# Abbreviations that stand for words of a name ("Eisenhower CSG").
ABBREVIATIONS = {"csg": "carrier strike group", "arg": "amphibious ready group"}


@dataclass(frozen=True, slots=True)
class _NotEntities:
    last_words: frozenset[str]  # "Syrian Civil War", "Belt and Road Initiative"
    names: frozenset[str]  # whole names: "Foreign Terrorist Organization", "Government"

    def match(self, span: Span) -> bool:
        return span[-1].lower_ in self.last_words or _fold(span.text) in self.names


@lru_cache(maxsize=1)
def _not_entities() -> _NotEntities:
    """patterns/not_entities.tsv: names that are events, laws, programmes, categories or
    generic words, by their last word or as a whole."""
    path = data_dir("patterns") / "not_entities.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t")[:2] != ["name", "match"]:
        raise DataFileError(path, "expected the header 'name<TAB>match<TAB>note'", line=1)
    last: set[str] = set()
    whole: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if not line.strip():
            continue
        if len(cells) < 2 or cells[1] not in ("last", "whole"):
            raise DataFileError(path, "match must be 'last' (the last word) or 'whole' (the whole name)", line=number)
        (last if cells[1] == "last" else whole).add(cells[0].strip().lower())
    return _NotEntities(frozenset(last), frozenset(whole))


@dataclass(slots=True)
class _Candidate:
    """One mention on its way to an entity."""

    start: int  # token offsets in the Doc
    end: int
    type: EntityType
    name: str
    group: str
    kind: str | None = None
    entry: GazetteerEntry | None = None
    named: bool = True
    weight: int = 2  # how good the wording is as the entity's label: 2 a name, 1 a demonym or a phrase


@dataclass(frozen=True, slots=True)
class _Context:
    gazetteer: Gazetteer
    entries: dict[str, GazetteerEntry]
    labels: dict[str, LabelSpec]
    day: date | None
    surnames: dict[str, tuple[GazetteerEntry, ...]] = field(default_factory=dict)


def find_entities(doc: Doc, article: Article, gazetteer: Gazetteer) -> tuple[Entity, ...]:
    """Every entity the article names, once, with all its mentions, in order of first mention."""
    context = _Context(gazetteer, entries_by_key(gazetteer), load_labels(), article.published,
                       _surnames(gazetteer))  # fmt: skip
    candidates = [c for ent in doc.ents if (c := _resolve(ent, context)) is not None]
    titles = role_phrases(doc)
    candidates = [c for c in candidates if c.entry is not None or not _inside_title(c, titles)]
    candidates = _retype(doc, _extend_names(doc, candidates, titles), titles)
    candidates = _governments(doc, candidates, context)
    candidates += _unnamed_assets(doc, candidates, context.labels)
    groups = _merge(doc, candidates, context)
    _descriptions(doc, groups, titles, context)
    return _entities(doc, article, groups)


def _inside_title(candidate: _Candidate, titles: list[tuple[int, int, RoleWord]]) -> bool:
    return any(end - start > 1 and start <= candidate.start and candidate.end <= end for start, end, _ in titles)


def _extend_names(doc: Doc, candidates: list[_Candidate], titles: list[tuple[int, int, RoleWord]]) -> list[_Candidate]:
    """A person's name the model cut short ("Karim [Ahmad Khan]") takes the capitalised words before it."""
    taken = {i for c in candidates for i in range(c.start, c.end)} | {i for s, e, _ in titles for i in range(s, e)}
    for c in candidates:
        if c.type is not EntityType.PERSON or c.entry is not None:
            continue
        start = c.start
        while start > 0 and start - 1 not in taken and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            if doc[start - 1].lower_ in TITLE_WORDS or doc[start].is_sent_start:
                break
            start -= 1
        if start != c.start:
            c.start, c.name = start, doc[start : c.end].text
            c.group = f"{c.type.value}:{normalize_key(c.name)}"
    return candidates


def _retype(doc: Doc, candidates: list[_Candidate], titles: list[tuple[int, int, RoleWord]]) -> list[_Candidate]:
    """Type corrections for names the gazetteer does not know.

    A name right after a title is a person ("far-right ministers Bezalel Smotrich"); a name in
    a list takes the type the rest of the list agrees on ("the towns of A, B and C").
    """
    title_ends = {end for _, end, _ in titles}
    by_token = {i: c for c in candidates for i in range(c.start, c.end)}
    for c in candidates:
        if c.entry is not None or not c.named or c.type is EntityType.MILITARY_ASSET:
            continue
        if _after_title(doc, c, title_ends, by_token) and all(t.pos_ == "PROPN" for t in doc[c.start : c.end]):
            # "ministers A and B": the title covers the names listed right after the first
            listed: _Candidate | None = c
            while listed is not None and listed.entry is None and listed.named:
                _set_type(listed, EntityType.PERSON)
                after = listed.end
                while after < len(doc) and doc[after].lower_ in (",", "and"):
                    after += 1
                listed = by_token.get(after) if after > listed.end else None
            continue
        root = doc[c.start : c.end].root
        if c.type is EntityType.PERSON and root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside", "into"):
            _set_type(c, EntityType.LOCATION)  # people are met, not been in: "an attack in Maidan Wardak"
            continue
        if root.dep_ == "compound" and root.head.lemma_ in PLACE_NOUNS and root.head.i == c.end:
            _set_type(c, EntityType.LOCATION)  # "the Bara area", "the Al-Murra village"
            continue
        if root.dep_ == "pobj" and root.head.lower_ == "of" and (root.head.head.lemma_ in PLACE_NOUNS or
                                                                 root.head.head.lemma_ in MOTION):  # fmt: skip
            _set_type(c, EntityType.LOCATION)  # "the town of Yeoncheon", "70 km of Mogadishu"
            continue
        span = doc[c.start : c.end]
        if (c.type in (EntityType.ORGANIZATION, EntityType.PERSON) and len(span) > 1
                and span[-1].lemma_.lower() in PLACE_NOUNS | GEO_NOUNS and not any(t.pos_ == "ADP" for t in span)):  # fmt: skip
            _set_type(c, EntityType.LOCATION)  # "José Martí International Airport", "Masisi Territory"
            continue
        members = [by_token[t.i] for t in (root, *root.conjuncts) if t.i in by_token]
        if len(members) < 2:
            continue
        first = min(root.conjuncts, key=lambda t: t.i) if root.conjuncts else root
        if first.i > root.i:
            first = root
        if first.head.lemma_ in PLACE_NOUNS or first.head.head.lemma_ in PLACE_NOUNS:
            _set_type(c, EntityType.LOCATION)
            continue
        votes = Counter(m.type for m in members if m.type in (EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION))
        ranked = votes.most_common(2)
        if ranked and ranked[0][0] is not c.type and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            _set_type(c, ranked[0][0])
    return candidates


def _after_title(doc: Doc, candidate: _Candidate, title_ends: set[int], by_token: dict[int, _Candidate]) -> bool:
    """Right after a title, or after "title to/of [the] X" ("Ambassador to the United Nations Y")."""
    i = candidate.start
    if i in title_ends:
        return True
    before = by_token.get(i - 1)
    if before is None or before is candidate:
        return False
    i = before.start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    return i > 1 and doc[i - 1].lower_ in ("to", "of", "for", "at") and i - 1 in title_ends


def _set_type(candidate: _Candidate, entity_type: EntityType) -> None:
    candidate.type, candidate.kind = entity_type, None
    candidate.group = f"{entity_type.value}:{normalize_key(candidate.name)}"


# --------------------------------------------------------------------------- spans -> candidates


def _trim(ent: Span) -> Span:
    """The name inside a span: no leading article or title, no trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    if ent.label_ == "PERSON":
        while start < end - 1 and doc[start].lower_ in TITLE_WORDS:
            start += 1
    for i in range(start + 1, end):  # "Movement for Democratic Change (MDC"
        if doc[i].text == "(":
            end = i
            break
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct
                           or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):  # fmt: skip
        end -= 1
    return doc[start:end]


def _resolve(ent: Span, context: _Context) -> _Candidate | None:
    span = _trim(ent)
    text = span.text.strip()
    if not span or not any(char.isupper() for char in text) or len(text) < 2:
        return None
    if len(span) > 2 and span[0].lower_ in ("pro", "anti") and span[1].text in ("-", "–"):
        return None  # "pro-Beijing", "anti-Brexit": a stance, not a name
    base, _, form = ent.ent_id_.partition("#")
    entry = context.entries.get(base) if base else None
    if entry is not None and _ACRONYM.match(text):
        entry = _disambiguate(text, entry, ent.doc, context)
    if entry is not None:
        if "#" + form == CAPITAL and not _stands_for_government(span):
            return _location(span)
        return _known(span, entry, weight=1 if form else 2)
    spec = context.labels.get(ent.label_)
    if ent.ent_id_ and spec is not None:  # a pattern of patterns/entities.jsonl
        return _Candidate(span.start, span.end, spec.type, text, f"{spec.type.value}:{normalize_key(text)}", spec.kind)
    if ent.label_ not in ACCEPTS:
        return None
    known = _lookup(text, ent.label_, context)
    if known is not None:
        if known.type is EntityType.STATE and _is_capital(text, known) and not _stands_for_government(span):
            return _location(span)
        return _known(span, known, weight=1 if _is_demonym(text, known) else 2)
    entity_type = MODEL_TYPES[ent.label_]
    if entity_type is None or _not_entities().match(span) or _DESIGNATOR.match(text):
        return None
    if len(span) == 1 and (span[0].lower_ in load_role_words() or span[0].lower_ in TITLE_WORDS):  # "Sultan" alone
        return None
    return _Candidate(span.start, span.end, entity_type, text, f"{entity_type.value}:{normalize_key(text)}")


def _disambiguate(acronym: str, entry: GazetteerEntry, doc: Doc, context: _Context) -> GazetteerEntry:
    """An acronym several entries share ("SDF"): the one whose full name the article writes,
    else a hand-curated entry, else the ruler's choice."""
    found = list({e.qid or _entry_key(e): e for e in context.gazetteer.lookup(acronym)}.values())
    found = [e for e in found if acronym in e.names] or found  # "OPEC" itself before "OPEC+"
    if len(found) < 2:
        return context.entries.get(_entry_key(found[0]), found[0]) if found else entry
    written = [e for e in found if any(name in doc.text for name in e.names if name != acronym and len(name) > 6)]
    if len(written) == 1:
        return context.entries.get(_entry_key(written[0]), written[0])
    curated = [e for e in found if e.source == "organizations.tsv"]
    return curated[0] if len(curated) == 1 else entry


def _known(span: Span, entry: GazetteerEntry, *, weight: int) -> _Candidate:
    # Only organizations have kinds that are ontology classes ("Sea" of a location is not).
    kind = entry.kind if entry.type is EntityType.ORGANIZATION else None
    return _Candidate(span.start, span.end, entry.type, entry.name, f"entry:{_entry_key(entry)}", kind, entry, weight=weight)


def _location(span: Span) -> _Candidate:
    text = span.text.strip()
    return _Candidate(span.start, span.end, EntityType.LOCATION, text, f"Location:{normalize_key(text)}")


def _lookup(text: str, label: str, context: _Context) -> GazetteerEntry | None:
    """The one entry of the most fitting type that `text` names (entries sharing a QID are one)."""
    found = context.gazetteer.lookup(text)
    for entity_type in ACCEPTS[label]:
        of_type = list({entry.qid or id(entry): entry for entry in found if entry.type is entity_type}.values())
        if len(of_type) == 1:
            return context.entries.get(_entry_key(of_type[0]), of_type[0])
    return None


def _is_capital(text: str, entry: GazetteerEntry) -> bool:
    key = normalize_key(text)
    return any(normalize_key(capital) == key for capital in entry.capitals) and not any(
        normalize_key(name) == key for name in entry.names
    )


def _is_demonym(text: str, entry: GazetteerEntry) -> bool:
    key = normalize_key(text)
    return any(normalize_key(demonym) == key for demonym in entry.demonyms)


def _stands_for_government(span: Span) -> bool:
    """A capital acts or is acted upon as a government, unless the text uses it as a place."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "of" and (root.head.head.lemma_ in PLACE_NOUNS
                                                             or root.head.head.lemma_ in MOTION):  # fmt: skip
        return False  # "the city of Caracas", "70 km of Mogadishu"
    if root.dep_ == "pobj" and root.head.lower_ == "from" and (root.head.head.lemma_ in MOTION or root.head.head.like_num
                                                              or root.head.head.pos_ == "ADV"):  # fmt: skip
        return False  # "flew back from Caracas", "70 km from Mogadishu"
    if root.dep_ in ("dobj", "npadvmod", "nsubjpass") and root.head.lemma_ in PLACE_VERBS:
        return False  # "visited Moscow", "struck Beirut", "Kyiv was shelled"
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "against") and root.head.head.lemma_ in PLACE_VERBS:
        return False  # "strikes on Kyiv"
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in ("of", "from") and any(
        t.lemma_.lower() in DISTANCES for t in doc[max(0, span.start - 8) : span.start - 1]
    ):
        return False  # "70 km (43 mi) of Mogadishu", however the parser attached it
    after = span.doc[span.end : span.end + 2]
    return not (len(after) == 2 and after[0].text == "," and after[1].ent_type_ in ("GPE", "STATE"))


# --------------------------------------------------------------------------- governments


def _governments(doc: Doc, candidates: list[_Candidate], context: _Context) -> list[_Candidate]:
    """ "the Trump administration", "the US government", "Cuba's government" -> the state.

    The person's name inside "Trump administration" is then not a mention of the person.
    """
    by_end = {c.end: c for c in candidates}
    result: list[_Candidate] = []
    replaced: set[int] = set()
    for token in doc:
        if token.lower_ not in GOVERNMENT_NOUNS:
            continue
        end = token.i
        if end > 0 and doc[end - 1].lower_ in ("'s", "’s"):
            end -= 1
        owner = by_end.get(end)
        if owner is None:
            continue
        state = owner.entry if owner.type is EntityType.STATE else _led_state(owner, context)
        if state is None:
            continue
        start = owner.start - 1 if owner.start > 0 and doc[owner.start - 1].lower_ == "the" else owner.start
        span = doc[start : token.i + 1]
        if owner.type is not EntityType.STATE:
            replaced.add(id(owner))
        result.append(_known(span, state, weight=1))
    return [c for c in candidates if id(c) not in replaced] + result


def _led_state(candidate: _Candidate, context: _Context) -> GazetteerEntry | None:
    """The state whose head `candidate` (a person) is, by the gazetteer's tenures."""
    person = candidate.entry if candidate.type is EntityType.PERSON else None
    if person is None:
        person = _surname_entry(candidate.name, context)
    if person is None or person.qid is None:
        return None
    tenures = [t for t in context.gazetteer.tenures if t.person_qid == person.qid and t.role in HEAD_ROLES]
    if not tenures:
        return None
    current = [t for t in tenures if context.day is not None and t.held_on(context.day)]
    chosen = (current or sorted(tenures, key=_tenure_recency))[-1]
    return context.gazetteer.entry_by_qid(chosen.of_qid)


def _tenure_recency(tenure: Tenure) -> date:
    return tenure.start or date.min


# --------------------------------------------------------------------------- unnamed assets


def _unnamed_assets(doc: Doc, candidates: list[_Candidate], labels: dict[str, LabelSpec]) -> list[_Candidate]:
    patterns = load_lexicons().assets
    if not patterns:
        return []
    kinds = {spec.label: spec.kind for spec in labels.values() if spec.type is EntityType.MILITARY_ASSET}
    matcher = Matcher(doc.vocab)
    for pattern in patterns:
        matcher.add(pattern.asset_class.value, [pattern.pattern], greedy="LONGEST")
    named = [(c.start, c.end) for c in candidates if c.type is EntityType.MILITARY_ASSET]
    by_start = {c.start: c for c in candidates if c.entry is None and c.named}
    by_end = {c.end: c for c in candidates if c.type is EntityType.MILITARY_ASSET and c.named}  # "USS X aircraft carrier"
    found: list[_Candidate] = []
    taken: set[int] = set()
    for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
        if any(s < end and start < e for s, e in named) or taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        kind = kinds.get("ASSET_" + doc.vocab.strings[match_id].upper())
        name = by_start.get(end) or by_end.get(start)
        if name is not None and name.type is not EntityType.PERSON:  # "the aircraft carrier Shandong"
            if name.type is not EntityType.MILITARY_ASSET:
                _set_type(name, EntityType.MILITARY_ASSET)
            name.kind = name.kind or kind
            continue
        start = _phrase_start(doc[start:end], taken)
        span = doc[start:end]
        words = " ".join(token.lemma_.lower() for token in span if not token.is_stop and not token.is_punct)
        found.append(_Candidate(start, end, EntityType.MILITARY_ASSET, span.text, f"asset:{kind}:{words}",
                                kind, named=False, weight=1))  # fmt: skip
    return found


def _phrase_start(span: Span, taken: set[int]) -> int:
    """Where the noun phrase of an asset noun starts: its numbers, adjectives and owners
    ("19 Chinese warships", "ten thousand ENDF troops"), not its determiner ("an")."""
    doc = span.doc
    root = span.root
    start = min((t.left_edge.i for t in root.lefts
                 if t.dep_ in ("nummod", "amod", "compound", "quantmod") and t.pos_ in ("NUM", "ADJ", "NOUN", "PROPN")),
                default=span.start)  # fmt: skip
    start = min(start, span.start)
    while start < span.start and (doc[start].pos_ in ("DET", "PRON", "PUNCT", "ADP", "CCONJ", "ADV", "VERB")
                                  or doc[start].lower_ in QUANTIFIERS or start in taken):  # fmt: skip
        start += 1
    taken.update(range(start, span.start))
    return start


# --------------------------------------------------------------------------- merging


# Letters that Unicode does not decompose into a base letter and an accent.
_TRANSLITERATE = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae",
                                "œ": "oe", "þ": "th"})  # fmt: skip


def _fold(text: str) -> str:
    return normalize_key(text).translate(_TRANSLITERATE)


@lru_cache(maxsize=4)
def _surnames(gazetteer: Gazetteer) -> dict[str, tuple[GazetteerEntry, ...]]:
    index: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in gazetteer.entries:
        if entry.type is EntityType.PERSON:
            for name in entry.names:
                words = _fold(name).split()
                if len(words) > 1 and entry not in index[words[-1]]:
                    index[words[-1]].append(entry)
    return {key: tuple(value) for key, value in index.items()}


def _surname_entry(name: str, context: _Context) -> GazetteerEntry | None:
    found = context.surnames.get(_fold(name), ())
    return found[0] if len(found) == 1 else None


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in STOP_INITIALS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _merge(doc: Doc, candidates: list[_Candidate], context: _Context) -> list[list[_Candidate]]:
    groups: dict[str, list[_Candidate]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if candidate.entry is None and candidate.named:  # one name, one thing, whatever the model called it
            candidate.group = "name:" + _fold(candidate.name)
        groups[candidate.group].append(candidate)
    for group, members in groups.items():
        if group.startswith("name:"):
            _vote_type(members)
    _people_by_surname(groups)
    alias = _aliases(doc, groups, context)
    merged: dict[str, list[_Candidate]] = defaultdict(list)
    for group, members in groups.items():
        target = group
        while target in alias:
            target = alias[target]
        merged[target].extend(members)
    for target, members in merged.items():
        head = groups[target][0]
        for member in members:
            if member.group != target:
                member.type, member.kind, member.entry, member.name = head.type, head.kind, head.entry, head.name
    return sorted(merged.values(), key=lambda members: min(c.start for c in members))


def _vote_type(members: list[_Candidate]) -> None:
    """The type most of a name's mentions have (the first mention's on a tie)."""
    votes = Counter(member.type for member in members)
    best = max(votes.values())
    winner = next(member for member in members if votes[member.type] == best)
    for member in members:
        member.type, member.kind = winner.type, winner.kind


def _people_by_surname(groups: dict[str, list[_Candidate]]) -> None:
    """ "Tomasz Kowal" tagged ORG in an article about "Marek Kowal" (a person) is a person too."""
    surnames = {_fold(m[0].name).split()[-1] for m in groups.values() if m[0].type is EntityType.PERSON and m[0].name}
    for group, members in groups.items():
        words = members[0].name.split()
        if (group.startswith("name:") and members[0].type in (EntityType.ORGANIZATION, EntityType.LOCATION)
                and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                and _fold(words[-1]) in surnames):  # fmt: skip
            for member in members:
                member.type, member.kind = EntityType.PERSON, None


def _aliases(doc: Doc, groups: dict[str, list[_Candidate]], context: _Context) -> dict[str, str]:
    """group -> the group it is another name of (name parts, acronyms, "Name (ABBR)")."""
    alias: dict[str, str] = {}
    found: dict[str, list[_Candidate]] = {}
    words = {g: _words(m[0].name) for g, m in groups.items()}
    for group, members in groups.items():
        first = members[0]
        if first.entry is not None or not first.named or not words[group]:
            continue
        mine = words[group]
        longer = [
            g for g, m in groups.items()
            if g != group and m[0].type in _MERGES_INTO[first.type] and len(words[g]) > len(mine)
            and (len(mine) == 1 or m[0].type is not EntityType.PERSON or first.type is EntityType.PERSON
                 or words[g][-len(mine) :] == mine)
            and _part_of(mine, words[g])
        ]  # fmt: skip
        if not longer and first.type is EntityType.PERSON and len(mine) == 1:
            # a given name alone ("I asked John"): the one person of the article with it
            longer = [g for g, m in groups.items() if g != group and m[0].type is EntityType.PERSON
                      and len(words[g]) > 1 and words[g][0] == mine[0]]  # fmt: skip
            longer = longer if len(longer) == 1 else []
        if longer:
            alias[group] = _nearest(longer, first, groups)
            continue
        if first.type in (EntityType.PERSON, EntityType.ORGANIZATION) and len(mine) == 1 and not _ACRONYM.match(first.name):
            known = _surname_entry(first.name, context)
            if known is not None:
                target = f"entry:{_entry_key(known)}"
                if target not in groups:
                    found[target] = [_known(doc[first.start : first.end], known, weight=2)]
                alias[group] = target
                continue
        if len(mine) == 1:  # "the North" of an article about North Korea
            states = [g for g, m in groups.items() if m[0].type is EntityType.STATE and len(words[g]) > 1
                      and words[g][0] == mine[0]]  # fmt: skip
            if len(states) == 1:
                alias[group] = states[0]
                continue
        if first.type in (EntityType.ORGANIZATION, EntityType.MILITARY_ASSET) and _ACRONYM.match(first.name):
            expanded = [
                g for g, m in groups.items()
                if g != group and m[0].type in (EntityType.ORGANIZATION, EntityType.MILITARY_ASSET)
                and _initials(m[0].name) == first.name
            ]  # fmt: skip
            if len(expanded) == 1:
                alias[group] = expanded[0]
    groups.update(found)
    for group, members in groups.items():  # "Name (ABBR)": the abbreviation is the name's alias
        for c in members:
            if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")":
                for other, other_members in groups.items():
                    if other != group and other not in alias and any(o.start == c.end + 1 for o in other_members):
                        if other_members[0].entry is None and _ACRONYM.match(other_members[0].name):
                            alias[other] = group
    return alias


_MERGES_INTO = {
    EntityType.PERSON: (EntityType.PERSON,),
    EntityType.ORGANIZATION: (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.MILITARY_ASSET),
    EntityType.LOCATION: (EntityType.PERSON, EntityType.LOCATION),
    EntityType.MILITARY_ASSET: (EntityType.MILITARY_ASSET,),
    EntityType.STATE: (),
}


def _words(name: str) -> list[str]:
    words: list[str] = []
    for word in _fold(name).split():
        words += ABBREVIATIONS.get(word, word).split()
    return words


def _nearest(groups_found: list[str], candidate: _Candidate, groups: dict[str, list[_Candidate]]) -> str:
    """Of several groups a name part may belong to, the one mentioned last before it (else first after)."""
    def distance(group: str) -> tuple[int, int]:
        before = [c.start for c in groups[group] if c.start < candidate.start]
        return (0, candidate.start - max(before)) if before else (1, min(c.start for c in groups[group]))

    return min(groups_found, key=distance)


def _part_of(words: list[str], longer: list[str]) -> bool:
    """ "maduro" in "nicolas maduro"; "lula" in "luiz inacio lula da silva"; "uss eisenhower carrier
    strike group" in "uss dwight d eisenhower carrier strike group"; not "nicolas" alone."""
    if longer[-len(words) :] == words:
        return True
    if len(words) == 1:  # a surname; a given name only before "bin"/"ibn" ("Qaboos bin Said"); "Gaza" (Strip)
        if words[0] == longer[0] and all(word in GEO_NOUNS for word in longer[1:]):
            return True
        return words[0] in longer[1:] or (words[0] == longer[0] and len(longer) > 2 and longer[1] in PATRONYMIC)
    if words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    rest = iter(longer)
    return all(word in rest for word in words)


# --------------------------------------------------------------------------- descriptions


def _descriptions(doc: Doc, groups: list[list[_Candidate]], titles: list[tuple[int, int, RoleWord]],
                  context: _Context) -> None:  # fmt: skip
    """ "the Venezuelan leader", "Venezuela's president": a mention of the person the article
    names who holds that office: by a title the article gives them ("Venezuelan President
    Nicolás Maduro"), else by the gazetteer's holders of the office on the article's date."""
    group_of = {id(c): members for members in groups for c in members}
    ending = {c.end: c for members in groups for c in members if c.type is EntityType.STATE}
    starting = {c.start: c for members in groups for c in members}
    people = [members for members in groups if members[0].type is EntityType.PERSON and members[0].named]
    titled: dict[tuple[int, str], list[list[_Candidate]]] = defaultdict(list)
    described: list[tuple[int, int, _Candidate, RoleWord]] = []
    for start, end, word in titles:
        state_end = start - 1 if start > 0 and doc[start - 1].lower_ in ("'s", "’s") else start
        state = ending.get(state_end)
        if state is None or state.entry is None:
            continue
        holder = starting.get(end)
        if holder is not None and holder.type is EntityType.PERSON:
            titled[(id(group_of[id(state)]), word.role)].append(group_of[id(holder)])
        elif holder is None and (state_end < start or (state.start > 0 and doc[state.start - 1].lower_ == "the")):
            first = state.start - 1 if state_end == start else state.start
            described.append((first, end, state, word))
    for first, end, state, word in described:
        roles = HEAD_ROLES if word.role == "leader" else (word.role,)
        holders = [g for role in roles for g in titled.get((id(group_of[id(state)]), role), ())]
        if not holders and context.day is not None and state.entry is not None and state.entry.qid:
            qids = {t.person_qid for role in roles for t in context.gazetteer.holders(state.entry.qid, role, context.day)}
            holders = [g for g in people if g[0].entry is not None and g[0].entry.qid in qids]
        unique = {id(g): g for g in holders}
        if len(unique) == 1:
            target = next(iter(unique.values()))
            head = target[0]
            target.append(_Candidate(first, end, head.type, head.name, head.group, head.kind, head.entry, weight=0))


# --------------------------------------------------------------------------- entities


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _fold(text)).strip("_") or "entity"


@lru_cache(maxsize=1)
def _org_kinds() -> tuple[tuple[tuple[str, ...], str], ...]:
    """patterns/org_kinds.tsv: the last words of an organization's name -> its kind, longest first."""
    path = data_dir("patterns") / "org_kinds.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t")[:2] != ["ending", "kind"]:
        raise DataFileError(path, "expected the header 'ending<TAB>kind'", line=1)
    kinds = {spec.kind for spec in load_labels().values() if spec.type is EntityType.ORGANIZATION and spec.kind}
    rows: list[tuple[tuple[str, ...], str]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        ending, _, kind = line.partition("\t")
        if kind.strip() not in kinds:
            raise DataFileError(path, f"kind {kind.strip()!r} is not an organization kind of patterns/labels.tsv", line=number)
        rows.append((tuple(ending.lower().split()), kind.strip()))
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def _org_kind(name: str) -> str | None:
    """The kind an unknown organization's name says ("Mexican Navy" -> ArmedForces)."""
    words = tuple(_fold(name).split())
    return next((kind for ending, kind in _org_kinds() if words[-len(ending) :] == ending), None)


def _entities(doc: Doc, article: Article, groups: list[list[_Candidate]]) -> tuple[Entity, ...]:
    content = article.content
    entities: list[Entity] = []
    used: set[str] = set()
    for members in groups:
        head = members[0]
        mentions: dict[tuple[int, int], Mention] = {}
        for c in members:
            span = doc[c.start : c.end]
            mentions[(span.start_char, span.end_char)] = Mention(
                span.start_char, span.end_char, content[span.start_char : span.end_char]
            )
        if head.entry is not None:
            label = head.entry.name
        else:
            best = max(members, key=lambda c: (c.weight, len(doc[c.start : c.end].text)))
            label = doc[best.start : best.end].text.strip() if best.weight == 2 or not head.named else head.name
        key = _slug(label)
        if key in used:
            key = f"{key}_{head.type.value.lower()}"
        while key in used:
            key += "_"
        used.add(key)
        kind = head.kind
        if kind is None and head.type is EntityType.ORGANIZATION and head.entry is None:
            kind = _org_kind(label)
        entities.append(Entity(key, label, head.type, tuple(sorted(mentions.values(), key=lambda m: m.start)),
                               kind, head.named))  # fmt: skip
    return tuple(entities)
