"""Extract stage, roles (kg.roles.v2): Doc + entities -> Role claims ("US President Donald Trump").

Data, not code:
- patterns/roles.tsv: role words as written ("defence minister", "premier") -> the role as
  the facts format writes it ("defense minister", "prime minister"); for offices only one
  state has ("secretary of state") the QID of that state; `scope` "state" for offices of a
  state's government ("senator", "finance minister"), "rank" for military ranks ("major
  general", Phoenix's MIL agents: a rank, not a name's or a longer title's word, `role_phrases`);
  `source`, for rows derived from a data file, names it (the leaders table's titles).
- patterns/role_modifiers.tsv (`load_role_meanings`): what a word before a role says of its holder.
- patterns/role_verbs.tsv (`load_role_verbs`): verbs that give a person an office by a clause.
- patterns/roles.jsonl: spaCy Matcher patterns over the token attribute `._.kg_slot`, which
  this module sets on every token of the Doc: PERSON (in a Person mention), OF (in a State or
  Organization mention), ROLE (in a role phrase of roles.tsv), POSS ("'s"), MOD (a modifier or
  adjective). A match gives the person, the role and, where the pattern has OF tokens, the
  state or organization the role belongs to (the OF mention nearest the role words).

Where the text names no state or organization ("President Trump", "Rubio, the secretary of
state"), `of` is, in order: the office the gazetteer's tenures show the person holding
(`_implicit_of`), roles.tsv's `default_of`, and for a state office or a head of state the state
the article is most about (`_dominant_state`, as `_claims` admits it); else no claim.

A title after "former" or "ex-" ("former Brazilian president X") is a past role: a Role that has
`ended` (held before the article's date, no more), never one the person holds; where the article
also says the person holds that office, the held one stands.

Confidence: docs/confidence.md. Roles in a negated reading ("X is not the president") are not emitted.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from itertools import groupby
from pathlib import Path
from typing import Iterable, Iterator

from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.extract.arguments import EntityIndex, sentence_evidence, topic_line_end
from kg.extract.confidence import INHERITED, score
from kg.extract.groups import agent_heads
from kg.extract.lexicon import WORDS, load_lexicons, valid_rows
from kg.extract.modality import assess
from kg.extract.names import HYPHENS, POSSESSIVE, TITLE_WORDS, initials, org_kind, party_words
from kg.extract.paths import AGENT_OBJECT, INFINITIVE, NEGATION, OBJECT, OF_OBJECT, SUBJECT
from kg.gazetteer import Gazetteer, Tenure, load_gazetteer
from kg.patterns import PatternSpec, Problems, load_patterns, raise_problems, tsv_rows
from kg.records import Article, Entity, EntityType, Provenance, Role
from kg.resources import data_dir

NAME = "kg.roles.v2"
READINGS_KEY = "kg_role_readings"  # Doc.user_data key: (entities, index, readings) of the last reading
SLOT = "kg_slot"
CLAUSE_CONFIDENCE = 0.8  # a title a clause gives ("X is sworn in as president"), as explicit as "X is the president"
# Titles of a state's head, given the state the article is about where the sentence names it.
STATE_HEADS = frozenset({"president", "prime minister", "head of state", "head of government"})
HEAD_ROLES = STATE_HEADS | {"leader"}
# The gazetteer writes every crowned head's tenure as "monarch"; the news gives the title.
MONARCHS = frozenset({"monarch", "king", "queen", "emperor", "emir", "sultan"})
PARTY = "PoliticalParty"
PAST = "past"  # the meaning of role_modifiers.tsv of a word whose person held the role after it before ("former")
NOT_HOLDING = ("not-holder", "deputy", PAST)  # meanings of role_modifiers.tsv whose person does not hold the very role after them
SLOTS = {EntityType.PERSON: "PERSON", EntityType.STATE: "OF", EntityType.ORGANIZATION: "OF"}
OWNERS = (EntityType.STATE, EntityType.ORGANIZATION)  # whose a title may be
REFERRING = WORDS["referring_nouns"]
COMPOUND_TITLE_WORDS = WORDS["compound_title_words"]
LISTING = WORDS["listing_words"]
if not Token.has_extension(SLOT):
    Token.set_extension(SLOT, default="")


@dataclass(frozen=True, slots=True)
class RoleWord:
    """One written form of a role: `surface` -> `role`; `default_of` for one-state offices."""

    surface: str
    role: str
    default_of: str | None
    state_office: bool  # an office of a state's government ("senator", "finance minister")
    rank: bool = False  # a military rank ("major general")


@lru_cache(maxsize=4)
def load_role_words(path: Path | None = None) -> dict[str, RoleWord]:
    """patterns/roles.tsv by lower-case surface form; every bad row is reported."""
    path = path or data_dir("patterns") / "roles.tsv"
    words: dict[str, RoleWord] = {}
    problems: Problems = []
    for line, row in tsv_rows(path, ("surface", "role", "default_of", "scope")):
        row += [""] * (4 - len(row))
        surface, role, default_of, scope = row[0].lower(), row[1].lower(), row[2], row[3]
        if not surface or not role:
            problems.append((line, "surface and role are both required"))
        elif surface in words:
            problems.append((line, f"surface {surface!r} is listed twice"))
        elif default_of and not (default_of.startswith("Q") and default_of[1:].isdigit()):
            problems.append((line, f"default_of {default_of!r} is not a Wikidata QID like Q30"))
        elif scope not in ("", "state", "rank"):
            problems.append((line, f"scope {scope!r} is not 'state', 'rank' or empty"))
        else:
            words[surface] = RoleWord(surface, role, default_of or None, scope == "state", scope == "rank")
    raise_problems(path, problems)
    return words


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The title lexicon: the title words of kg.extract.names, the one-word roles of patterns/roles.tsv
    and the party nouns of patterns/party_words.tsv ("Republicans X")."""
    return TITLE_WORDS | frozenset(load_role_words()) | {w.word.lower() for w in party_words()}


@lru_cache(maxsize=4)
def load_role_meanings() -> dict[str, str]:
    """patterns/role_modifiers.tsv: word -> "holder" (its person holds the role), "not-holder"
    (does not: "opposition" leader), "past" (held it, and holds it no more: "former"), or "deputy"
    (holds the role with the word before it: "deputy health minister")."""
    return _table("role_modifiers.tsv", "word", "meaning", ("holder", "not-holder", PAST, "deputy"))


@lru_cache(maxsize=4)
def load_role_verbs() -> dict[str, str]:
    """patterns/role_verbs.tsv: verb lemma -> "object" (the office is its object's; its
    subject's when passive) or "subject" (its subject's; its agent's when passive)."""
    return _table("role_verbs.tsv", "verb", "holder", ("object", "subject"))


def _table(name: str, key: str, value: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """A two-column file of patterns/: lower-case `key` -> `value`; every value not `allowed` is reported."""
    problem = f"{value} {{{value}!r}} is not one of {', '.join(allowed)}"
    rows = valid_rows(data_dir("patterns") / name, (key, value), lambda row: row[value] in allowed, problem)
    return {row[key].lower(): row[value] for row in rows}


@dataclass(frozen=True, slots=True)
class _Matchers:
    """The role patterns of patterns/roles.jsonl (each has a ROLE token), by id too, and the role words."""

    patterns: Matcher
    phrases: PhraseMatcher
    specs: dict[str, PatternSpec]


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> _Matchers:
    patterns = Matcher(vocab, validate=True)
    specs = {spec.id: spec for spec in load_patterns(data_dir("patterns") / "roles.jsonl")}
    for spec in specs.values():
        patterns.add(spec.id, [spec.pattern], greedy="LONGEST")  # type: ignore[list-item]
    phrases = PhraseMatcher(vocab, attr="LOWER")
    make_doc = English(vocab=vocab).make_doc
    for surface in load_role_words():
        phrases.add(surface, [make_doc(surface)])
    return _Matchers(patterns, phrases, specs)


def _matches(doc: Doc, matcher: Matcher, role_tokens: Iterable[int]) -> list[tuple[int, int, int]]:
    """(pattern id, start, end) of every role pattern match, in order of start (after `_set_slots`):
    the Matcher tests `._.kg_slot` slowly, at every token, so it runs only on the sentences with a title."""
    found: list[tuple[int, int, int]] = []
    matched_to = 0
    for i in sorted(role_tokens):
        if i < matched_to:
            continue  # in the sentence just matched (Token.sent looks for the sentence anew each time)
        sent = doc[i].sent
        matched_to = sent.end
        found += [(match_id, sent.start + start, sent.start + end) for match_id, start, end in matcher(sent)]
    return sorted(found, key=lambda match: match[1])


# --------------------------------------------------------------------------- slots


def _set_slots(doc: Doc, index: EntityIndex) -> dict[int, tuple[int, int, RoleWord]]:
    """Set `._.kg_slot` on every token; return the role phrase (start, end, word) of each role token."""
    modifiers = load_role_meanings()
    for token in doc:
        key = index.at(token)
        lower = token.lower_
        slot = ""
        if key is not None:
            slot = SLOTS.get(index.type_of(key), "")
        elif lower in POSSESSIVE:
            slot = "POSS"
        elif lower in REFERRING and token.i > 0 and doc[token.i - 1].lower_ == "the" and \
                token.i + 1 < len(doc) and doc[token.i + 1].lower_ in POSSESSIVE:  # fmt: skip
            slot = "OFREF"  # "the group's leader"
        elif (token.text in ("(", ")") or (token.i > 0 and doc[token.i - 1].text == "(")) and any(
                _parenthesized_acronym(doc, i, index) for i in range(token.i - 2, token.i + 1)):  # fmt: skip
            slot = "OF"  # "Organisation of Islamic Cooperation (OIC) head X": the name, then its acronym
        elif lower in modifiers or token.pos_ in ("ADJ", "ADV", "NOUN", "PROPN") or token.text in HYPHENS or (
            token.pos_ == "CCONJ" and 0 < token.i < len(doc) - 1
            and doc[token.i - 1].pos_ in ("NOUN", "ADJ") and doc[token.i + 1].pos_ in ("NOUN", "ADJ")
        ):  # fmt: skip
            slot = "MOD"  # "far-right ministers", "trade and industry commissioner"
        if slot:  # the others keep the default ""
            token._.set(SLOT, slot)
    roles: dict[int, tuple[int, int, RoleWord]] = {}
    for start, end, word in role_phrases(doc):
        if any(t._.get(SLOT) == "OF" for t in doc[start:end]):
            continue  # a role word inside a state's or organization's name
        start, end, word = _portfolio(doc, start, end, word)
        for token in doc[start:end]:
            token._.set(SLOT, "ROLE")
            roles[token.i] = (start, end, word)
    for start, end, _ in set(roles.values()):  # "Coast Guard Commandant Admiral X": the rank is the name's
        if end + 1 < len(doc) and (rank := doc[end]).lower_ in TITLE_WORDS and rank._.get(SLOT) == "MOD" and doc[end + 1]._.get(SLOT) == "PERSON":
            rank._.set(SLOT, "PERSON")
    return roles


def _parenthesized_acronym(doc: Doc, i: int, index: EntityIndex) -> bool:
    """ "(" at `i` opens one token that stands for the entity named right before it: a mention
    of it, or its acronym ("Organisation of Islamic Cooperation (OIC)")."""
    if i < 1 or i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return False
    before, inside = index.at(doc[i - 1]), doc[i + 1]
    if before is None or index.at(inside) not in (None, before):
        return False
    return index.at(inside) == before or (inside.is_upper and inside.text == initials(index.entities[before].label))


def _portfolio(doc: Doc, start: int, end: int, word: RoleWord) -> tuple[int, int, RoleWord]:
    """ "education minister", "Minister of Health X", "Health Secretary X": a noun compounded to a bare
    "minister" or "secretary", or after its "of" or "for", is its portfolio; the role is "<portfolio>
    minister" (a state office)."""

    def portfolio(i: int) -> bool:
        return (0 <= i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN") and doc[i]._.get(SLOT) == "MOD"
                and doc[i].is_alpha and doc[i].lower_ not in load_role_meanings())  # fmt: skip

    if word.role not in ("minister", "secretary") or end - start != 1:
        return start, end, word
    if portfolio(start - 1) and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == start:
        start, noun = start - 1, doc[start - 1]
    elif end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and portfolio(end + 1) and not portfolio(end + 2):
        # "of" or "for" and a one-word portfolio after the title
        end, noun = end + 2, doc[end + 1]
    else:
        return start, end, word
    role = f"{noun.lower_} {word.role}"
    return start, end, RoleWord(role, role, None, True)


def role_phrases(doc: Doc) -> list[tuple[int, int, RoleWord]]:
    """The role phrases of roles.tsv in `doc`, longest first where they overlap: (start, end, word).

    A one-word phrase counts only as a noun ("head" of state, not "head to"), a rank also as the
    adjective the parser often reads before a name ("Iranian general Qasem Soleimani"). A rank
    counts only where `_is_rank` says it is one.
    """
    words = load_role_words()
    found: list[tuple[int, int, RoleWord]] = []
    taken: set[int] = set()
    for start, end in sorted(((s, e) for _, s, e in _matchers(doc.vocab).phrases(doc)), key=lambda se: (-(se[1] - se[0]), se[0])):
        tokens = doc[start:end]
        word = words[tokens.text.lower()]
        if taken.intersection(range(start, end)) or (word.rank and not _is_rank(doc, start, end)):
            continue
        if len(tokens) == 1 and tokens[0].pos_ not in ("NOUN", "PROPN") and not (word.rank and _name_follows(doc, end)):
            continue
        taken.update(range(start, end))
        found.append((start, end, word))
    return sorted(found, key=lambda item: item[0])


def _is_rank(doc: Doc, start: int, end: int) -> bool:
    """The rank words at `start:end` are a rank, not a word of a longer name ("General Staff",
    "General Assembly", "General Motors": capitalised, with a capitalised word after them that
    starts no person's name) or of a longer title ("auditor general", "surgeon general": after a
    word of word_lists.tsv's compound_title_words)."""
    if start > 0 and doc[start - 1].lower_ in COMPOUND_TITLE_WORDS:
        return False
    capitalised = doc[end - 1].is_title and end < len(doc) and doc[end].text[:1].isupper()
    return not capitalised or _name_follows(doc, end)


def _name_follows(doc: Doc, end: int) -> bool:
    """A person's name (by the parser's entities) starts at `end`."""
    return end < len(doc) and doc[end].ent_type_ == "PERSON"


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class _Reading:
    person: str
    word: RoleWord
    of: str | None
    role_token: Token
    confidence: float
    ended: bool = False  # a former holder's ("former president X"): the term ended before the article


def extract(doc: Doc, entities: tuple[Entity, ...], article: Article) -> Iterator[Role]:
    """Role claims of one article (registered as kg.roles.v2)."""
    index, readings = _readings(doc, entities)
    # "Republican Senator X", "Labour minister X": a party is not whose state office it is.
    readings = [replace(r, of=None) if r.word.state_office and _party(r.of, index) else r for r in readings]
    yield from _claims(readings, index, article)


def party_roles(doc: Doc, entities: tuple[Entity, ...], article: Article) -> Iterator[Role]:
    """The roles of one article written with a party, a state office's included ("Republican
    Senator X": senator, Republican Party): whose member X is, for kg.extract.memberships."""
    index, readings = _readings(doc, entities)
    yield from _claims([r for r in readings if _party(r.of, index) and not r.ended], index, article)


def _party(key: str | None, index: EntityIndex) -> bool:
    return key is not None and index.entities[key].kind == PARTY


def _readings(doc: Doc, entities: tuple[Entity, ...]) -> tuple[EntityIndex, list[_Reading]]:
    """Every title the patterns read, once per Doc and entities (kept in `Doc.user_data`: the
    roles and the memberships stages both read them)."""
    cached = doc.user_data.get(READINGS_KEY)
    if cached is not None and cached[0] is entities:
        return cached[1], cached[2]
    index = EntityIndex(doc, entities)
    matchers = _matchers(doc.vocab)
    roles = _set_slots(doc, index)
    readings: dict[tuple[str, int], _Reading] = {}
    for match_id, start, end in _matches(doc, matchers.patterns, roles):
        for reading in _read(doc[start:end], index, roles, matchers.specs[doc.vocab.strings[match_id]]):
            slot = (reading.person, reading.role_token.i)
            if slot not in readings or _rank(reading) > _rank(readings[slot]):
                readings[slot] = reading
    clause_readings, voided = _clause_readings(doc, index, roles, list(readings.values()))
    readings = {slot: reading for slot, reading in readings.items() if reading.role_token.i not in voided} | {
        (reading.person, reading.role_token.i): reading for reading in clause_readings}  # a clause's parse over word order
    doc.user_data[READINGS_KEY] = (entities, index, list(readings.values()))
    return index, list(readings.values())


def _rank(reading: _Reading) -> tuple[float, bool]:
    """Of two readings of one title, the more confident; on a tie the one whose words name its `of`."""
    return reading.confidence, reading.of is not None


def _runs(span: Span) -> list[tuple[str, int, int]]:
    """(slot, start, end) of each run of tokens of one slot in `span`."""
    runs = [(slot, list(tokens)) for slot, tokens in groupby(span, key=lambda t: t._.get(SLOT))]
    return [(slot, tokens[0].i, tokens[-1].i + 1) for slot, tokens in runs]


def _read(span: Span, index: EntityIndex, roles: dict[int, tuple[int, int, RoleWord]], spec: PatternSpec) -> list[_Reading]:
    """The readings of one match, as its pattern's extra keys say.

    `people`: "nearest" (default; the person next to the role words) or "all" ("ministers A
    and B"); `of`: "nearest" (default), "first" ("US Ambassador to Germany X": the first
    state); `ends`: "role" for a pattern that ends with the title, which is void when a
    name follows it (the title is then that name's), "of" for one that ends with the state or
    organization, which is void when more of the noun phrase follows ("of the Israeli-backed").
    """
    doc = span.doc
    runs = _runs(span)
    base = float(spec.extra.get("confidence", 0.7))
    people = [r for r in runs if r[0] == "PERSON"]
    ofs = [r for r in runs if r[0] in ("OF", "OFREF")]
    _, role_start, role_end = [r for r in runs if r[0] == "ROLE"][-1]
    phrases = sorted({roles[i] for i in range(role_start, role_end)}, key=lambda p: p[0])
    title_start = span.start  # "former Philippine Senate majority leader X": the whole title phrase
    while title_start > 0 and doc[title_start - 1]._.get(SLOT) in ("MOD", "OF", "POSS"):
        title_start -= 1
    before = doc[min(title_start, max(span.start - 1, role_start - 4, 0)) : role_start]
    if before and load_role_meanings().get(before[-1].lower_) == "deputy" and before[-1]._.get(SLOT) == "MOD":
        title = f"{before[-1].lower_} {phrases[-1][2].role}"  # "deputy health minister X"
        phrases[-1] = (before[-1].i, phrases[-1][1], RoleWord(title, title, None, phrases[-1][2].state_office))
        before = before[:-1]
    ended = any(_meaning(t) == PAST for t in before)  # "former US president X": held it, holds it no more
    if any(_meaning(t) in ("not-holder", "deputy") for t in before) or _not_yet(doc, role_end) or (
            before and before[-1].text.lower().endswith("-") and not (len(before) > 1 and _meaning(before[-2]) == PAST)):  # fmt: skip
        return []  # "opposition leader X", "President-elect X" (but "ex-president X" held the office)
    if _after_place(doc, role_start, index) and not phrases[-1][2].state_office:
        return []  # "Democratic Party of Korea leader X", "Gaza leader X" (but a "Queensland senator" is Australia's)
    if spec.extra.get("ends") == "role" and _person_follows(doc, role_end):
        return []  # "Trump, Mexican President Claudia Sheinbaum, and ...": the title is hers
    following = doc[span.end] if span.end < len(doc) else None
    if spec.extra.get("ends") == "of" and following is not None and (
        following.text in HYPHENS or following._.get(SLOT) in ("MOD", "POSS") or following.pos_ in ("NOUN", "PROPN")
    ) and not _kind_noun(following, index):  # fmt: skip
        return []  # "leader of the Israeli-backed Popular Forces", "of Canada's New Democratic Party": the state only
        # qualifies; but "leader of the Los Choneros cartel" is the cartel's

    def nearest(candidates: list[tuple[str, int, int]]) -> tuple[str, int, int]:
        return min(candidates, key=lambda r: min(abs(r[1] - role_end), abs(role_start - r[2])))

    if spec.extra.get("titles") == "each":
        return _stacked(runs, roles, index, doc, base, nearest(people))
    plural = doc[role_end - 1].tag_ in ("NNS", "NNPS")  # "ministers A and B"; not "Prime Minister A, B announces"
    holders = people if spec.extra.get("people") == "all" and plural else [nearest(people)]
    of = _of_key(doc, ofs[0] if spec.extra.get("of") == "first" else nearest(ofs), index) if ofs else None
    readings: list[_Reading] = []
    for run in holders:
        person = next(iter(index.in_span(doc[run[1] : run[2]])), None)  # the run's rank before the name holds none
        if person is None:
            continue
        # "AU chairperson President X of Egypt": the first title goes with the OF before it,
        # the last one with the person; the role-name-of pattern then gives it its state.
        if len(phrases) > 1 and of is not None:
            readings += [_reading(person, phrases[0], of, doc, base), _reading(person, phrases[-1], None, doc, base * 0.9)]
        else:
            readings.append(_reading(person, phrases[-1], of, doc, base))
    return [replace(reading, ended=ended) for reading in readings]


def _clause_readings(doc: Doc, index: EntityIndex, roles: dict[int, tuple[int, int, RoleWord]],
                     earlier: list[_Reading]) -> tuple[list[_Reading], set[int]]:
    """Titles a clause gives a person, by a verb of patterns/role_verbs.tsv with the title after
    "as" or as its predicate: "X is sworn in as president", "the Senate confirms X as Treasury
    Secretary", "X is elected leader of the party", "X succeeds Y as governor" (X's, not Y's).
    A state's office the text gives no state is of the state whose office its appointer holds
    ("Yemen's president Y appoints X as the new prime minister").
    Also the titles (by their last token) such a clause gives no one, whatever the word order
    reads: denied, planned, given to each of two people in turn, or a first rather than an office."""
    verbs = load_role_verbs()
    readings: list[_Reading] = []
    voided: set[int] = set()
    for start, end, word in set(roles.values()):
        title = doc[start:end].root
        clause = _office_clause(title, verbs)
        if clause is None:
            continue
        verb, holders = clause
        if (NEGATION.follow(verb) or assess(verb, index, load_lexicons().cues).hypothetical
                or (len(holders) > 1 and any(c.dep_ == "conj" for c in title.children))
                or any(c.dep_ in ("acl", "relcl") and INFINITIVE.follow(c) for c in title.children)):  # fmt: skip
            # "did not elect X as president", "X is expected to be appointed as", "X and Y are sworn in
            # as the president and vice president", "become the first EU foreign ministers to travel"
            voided.add(end - 1)
            continue
        before = doc[min(title.left_edge.i, start) : start]
        if any(_meaning(t) in NOT_HOLDING for t in before) or _not_yet(doc, end):
            continue  # "was appointed former ...", "is sworn in as President-elect"
        if _after_place(doc, start, index) or _place_owned(title, index):
            continue  # "elected as Gaza leader", "as the mayor of New York City", "to become the city's first mayor"
        of = _clause_of(title, before, verb, index)
        if of is None and (word.state_office or word.role in STATE_HEADS):
            of = _appointer_state(verb, index, earlier)
        predecessor = {t.i for c in OBJECT.follow(verb) if c not in holders for t in c.subtree}  # "succeeds Y as"
        for holder in holders:
            person = index.at(holder)
            between = doc[holder.i + 1 : start] if holder.i < start else doc[end : holder.i]
            if person is None or index.type_of(person) is not EntityType.PERSON or person == of or any(
                    (key := index.at(t)) not in (None, person) and index.type_of(key) is EntityType.PERSON
                    and t.i not in predecessor for t in between):  # fmt: skip
                continue  # "appoints A as deputy and B as home secretary": the title is the nearer person's
            readings.append(_reading(person, (start, end, word), of, doc, CLAUSE_CONFIDENCE))
    return readings, voided


def _office_clause(title: Token, verbs: dict[str, str]) -> tuple[Token, list[Token]] | None:
    """The verb of patterns/role_verbs.tsv whose clause gives `title` ("as <title>" on the verb or
    on its object; the title as the verb's predicate), and the head words of the
    people it gives the title to (their conjuncts included); None where there is no such clause."""
    verb = title.head
    if title.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep":
        verb = verb.head
        if verb.lemma_ == "term" and verb.dep_ == "pobj" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "is sworn in for a third term as president"
    elif title.dep_ not in ("oprd", "attr", "dobj"):
        return None
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":  # "appoints X as ...", "replaces Y as ...", with "as" on the object
        if verbs.get(verb.head.lemma_.lower()) == "object":
            return verb.head, [verb, *verb.conjuncts]
        verb = verb.head
    holder = verbs.get(verb.lemma_.lower())
    if holder is None or verb.pos_ not in ("VERB", "AUX") or (title.dep_ == "dobj" and holder == "subject"):
        return None  # "X succeeds the president" gives X no title
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    if holder == "object" and not passive:
        found = [c for c in OBJECT.follow(verb) if c is not title]
    elif holder == "subject" and passive:  # "X was replaced as leader by Y": Y's
        found = AGENT_OBJECT.follow(verb)
    else:
        found = _clause_subjects(verb)
    return verb, [t for head in found for t in (head, *head.conjuncts)]


def _clause_subjects(verb: Token) -> list[Token]:
    """The subjects of `verb`, or of the verb it is conjoined to or completes ("X is elected and
    sworn in as ..."); for a relative clause or a participle, the noun it describes ("X, who was
    sworn in as ...", "X, appointed as ...")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].lower_ not in ("who", "that"):
            return subjects
        if verb.dep_ in ("relcl", "acl") and (subjects or verb.tag_ == "VBN"):
            return [verb.head]
        participle = verb.dep_ == "advcl" and (verb.tag_ == "VBG" or INFINITIVE.follow(verb))
        if subjects or not (verb.dep_ in ("conj", "xcomp") or participle) or verb.head is verb:
            return []  # (a participle: "X wins the election, becoming the next president of Y")
        if verb.dep_ == "xcomp" and load_role_verbs().get(verb.head.lemma_.lower()) == "object" and (
                objects := OBJECT.follow(verb.head)):  # fmt: skip
            return objects  # "elects X to serve as its secretary general" (not "defeats X to become")
        verb = verb.head
    return []


def _not_yet(doc: Doc, end: int) -> bool:
    """ "President-elect X", "prime minister–designate X": the title ending before `end` is not held yet."""
    return re.match(r"[-–]?(elect|designate)\b", doc[end : end + 2].text.lower()) is not None


def _after_place(doc: Doc, start: int, index: EntityIndex) -> bool:
    """The title starting at `start` follows a location's name ("Gaza leader X"): a place's title."""
    return start > 0 and index.place_at(doc[start - 1]) is not None


def _place_owned(title: Token, index: EntityIndex) -> bool:
    """The title is said to be a place's, not a state's or organization's: its "of" phrase names a
    location ("mayor of New York City") or its possessor is a common noun for one ("the city's"; "the
    state's", which in a clause of an election is a province's as often as a country's)."""
    return _first_named(OF_OBJECT.follow(title), index, (EntityType.LOCATION,)) is not None or any(
        child.dep_ == "poss" and child.pos_ == "NOUN" and index.at(child) is None and child.lower_ not in REFERRING - {"state"}
        for child in title.children)  # fmt: skip


def _appointer_state(verb: Token, index: EntityIndex, earlier: list[_Reading]) -> str | None:
    """The state that appoints: the subject of the appointing verb, a state, the state a body
    is written as of ("the Ukrainian parliament appoints X as the new prime minister"), or the
    state whose office the subject holds by a title the text gives it ("Yemen's president")."""
    for subject in SUBJECT.follow(verb):
        key = index.at(subject)
        if key is None or index.type_of(key) is EntityType.STATE:
            return key
        if index.type_of(key) is EntityType.ORGANIZATION:
            return _state_of_body(key, subject, index)
        held = {r.of for r in earlier if r.person == key and r.of is not None and index.type_of(r.of) is EntityType.STATE}
        if len(held) == 1:
            return held.pop()
    return None


def _clause_of(title: Token, before: Span, verb: Token, index: EntityIndex) -> str | None:
    """Whose a clause's title is: the state or organization of its "of" phrase ("president of
    Chile"; but the state written before a department's title: "as the U.S. Secretary of Health"),
    else the one written before it ("as U.S. Treasury Secretary"), else for "its" or
    "their" the verb's subject ("the party names X as its leader"); None if the text gives none."""
    named = [key for key in map(index.at, before) if key is not None and index.type_of(key) in OWNERS]
    key = _first_named(OF_OBJECT.follow(title), index, OWNERS)
    if key is not None:
        # "as the U.S. Secretary of Health and Human Services": the department is the portfolio
        department = index.type_of(key) is EntityType.ORGANIZATION and index.entities[key].kind in (None, "GovernmentBody")
        return named[-1] if named and department and index.type_of(named[-1]) is EntityType.STATE else key
    if named:
        return named[-1]
    if any(t.lower_ in ("its", "their") for t in before):
        while verb.dep_ == "xcomp" and verb.head is not verb:
            verb = verb.head  # "O elects X to serve as its secretary general"
        return _first_named(SUBJECT.follow(verb), index, OWNERS)
    return None


def _stacked(runs: list[tuple[str, int, int]], roles: dict[int, tuple[int, int, RoleWord]], index: EntityIndex, doc: Doc,
             base: float, holder: tuple[str, int, int]) -> list[_Reading]:  # fmt: skip
    """ "Antigua's prime minister and Labour leader X": every title is X's, each of the state or
    organization written before it (and after the title before it), else of none yet."""
    person = next(iter(index.in_span(doc[holder[1] : holder[2]])), None)
    if person is None:
        return []
    readings: list[_Reading] = []
    of_run: tuple[str, int, int] | None = None
    for run in runs:
        if run[0] in ("OF", "OFREF"):
            of_run = run
        elif run[0] == "ROLE":
            if not any(_meaning(t) in NOT_HOLDING for t in doc[max(run[1] - 3, 0) : run[1]]):  # "and deputy leader X": no leader
                phrase = max({roles[i] for i in range(run[1], run[2])}, key=lambda p: p[0])
                of = _of_key(doc, of_run, index) if of_run is not None else None
                readings.append(_reading(person, phrase, of, doc, base))
            of_run = None
    return readings


def _kind_noun(token: Token, index: EntityIndex) -> bool:
    """The noun after an organization's name that says its kind ("the Los Choneros *cartel*")."""
    key = index.at(token.doc[token.i - 1])
    return key is not None and index.entities[key].kind is not None and index.entities[key].kind == org_kind(token.text)


def _meaning(token: Token) -> str | None:
    """What a word before a title says of its holder (role_modifiers.tsv: "former", "deputy", "labour"
    leader), None where it is part of a name ("Labour" the party is whose leader it is) or of a title
    ("Deputy Prime Minister" before "and Minister of Economy X")."""
    return None if token._.get(SLOT) in ("OF", "ROLE") else load_role_meanings().get(token.lower_)


def _reading(person: str, phrase: tuple[int, int, RoleWord], of: str | None, doc: Doc, base: float) -> _Reading:
    return _Reading(person, phrase[2], of, doc[phrase[1] - 1], base)


def _person_follows(doc: Doc, i: int) -> bool:
    while i < len(doc) and (doc[i].text in (",", "(") or doc[i].is_space):
        i += 1
    return i < len(doc) and doc[i]._.get(SLOT) == "PERSON"


def _of_key(doc: Doc, run: tuple[str, int, int], index: EntityIndex) -> str | None:
    """The entity an OF run names; "the group's" is the nearest organization before it; in
    "Conservative Party of Canada leader X" the party, not Canada."""
    if run[0] == "OF":
        owner = index.at(doc[run[1] - 2]) if run[1] >= 2 and doc[run[1] - 1].lower_ == "of" else None
        if owner is not None and index.type_of(owner) is EntityType.ORGANIZATION:
            return owner
        return _first_named(reversed(doc[run[1] : run[2]]), index)
    wanted = (EntityType.STATE,) if doc[run[1]].lower_ in ("country", "nation", "state") else (EntityType.ORGANIZATION,)
    return _first_named(reversed(doc[max(0, run[1] - 80) : run[1]]), index, wanted)


def _first_named(tokens: Iterable[Token], index: EntityIndex, types: tuple[EntityType, ...] | None = None) -> str | None:
    """The entity (of `types`, if given) that the first of `tokens` in a mention of one names."""
    for token in tokens:
        key = index.at(token)
        if key is not None and (types is None or index.type_of(key) in types):
            return key
    return None


def _claims(readings: list[_Reading], index: EntityIndex, article: Article) -> Iterator[Role]:
    """The roles the readings of the article's body give, `of` completed where the words give none: the
    main state takes a state office that no unread nationality or possessive qualifies ("Papuan foreign
    minister X"), and a bare head's title in a sentence that names it ("signed by prime minister X")."""
    gazetteer = load_gazetteer()
    body_start = topic_line_end(article)
    readings = [reading for reading in readings if reading.role_token.idx >= body_start]
    explicit: dict[str, list[_Reading]] = defaultdict(list)
    for reading in readings:
        if reading.of is not None:
            explicit[reading.person].append(reading)
    qids = _entity_qids(index, gazetteer)
    emitted: dict[tuple[str, str, str], Role] = {}
    dominant = cache(partial(_dominant_state, index, qids, gazetteer, article, explicit))  # the same for every title
    for reading in sorted(readings, key=lambda r: r.role_token.i):
        of, inherited, guessed, title = reading.of, False, False, reading.role_token
        if of is None:
            of = _implicit_of(reading, qids, gazetteer, article) or _group_owner(reading, index)
            inherited = True
        if of is None and (reading.word.state_office or reading.word.role in STATE_HEADS):
            state = dominant()
            if (reading.word.state_office and not _owner_unread(title)) or (
                    state is not None and _bare(title) and _names_state(title.sent, state, index)):  # fmt: skip
                of, guessed = state, True  # "Belarus plans ... a decree signed by prime minister X"
        if of is None or of == reading.person:
            continue
        modality = assess(title, index, load_lexicons().cues)
        if modality.negated or (title.head.lemma_ == "be" and NEGATION.follow(title.head)):
            continue
        confidence = score(reading.confidence * (INHERITED if guessed else 1.0), inherited=inherited,
                           hypothetical=modality.hypothetical)  # fmt: skip
        provenance = Provenance(sentence_evidence(title.sent), NAME, confidence, modality.claimed_by, False, modality.hypothetical)
        key = (reading.person, reading.word.role, of)
        role = Role(*key, provenance, ended=reading.ended)
        if key not in emitted or _role_rank(role) > _role_rank(emitted[key]):
            emitted[key] = role
    yield from emitted.values()


def _role_rank(role: Role) -> tuple[bool, float]:
    """Of two claims of one office for one person, the one the article says is held ("President X"
    over "former president X" elsewhere in it), else the more confident."""
    return not role.ended, role.provenance.confidence


def _group_owner(reading: _Reading, index: EntityIndex) -> str | None:
    """The state or organization that qualifies the group of people a title is listed in ("Iranian
    government officials including health minister X", "Hamas officials such as spokesman X"): the
    group's noun ends a Phoenix agent phrase, and "including", "such as", "like" or "among" lists
    the title's holder in it."""
    word = reading.role_token
    while word.dep_ in ("compound", "appos", "pobj", "conj") and word.head is not word:
        word = word.head
    if word.dep_ != "prep" or word.lower_ not in LISTING:
        return None
    group = word.head
    if group.lemma_.lower() not in agent_heads():
        return None
    return _first_named(group.lefts, index, OWNERS)


def _state_of_body(of: str, role_token: Token, index: EntityIndex) -> str | None:
    """The state whose body `of` is, written before its mention ("Japan's parliament elected X
    as prime minister": Japan's), when the body's name does not qualify the title itself
    ("senate president X" is the senate's)."""
    if index.entities[of].kind != "GovernmentBody":
        return None
    doc = role_token.doc
    for token in role_token.sent:
        if index.at(token) != of or token.i < 1 or index.at(doc[token.i - 1]) == of:
            continue
        before = doc[token.i - 2] if token.i > 1 and doc[token.i - 1].lower_ in POSSESSIVE else doc[token.i - 1]
        end = token.i
        while end < len(doc) and index.at(doc[end]) == of:
            end += 1
        state = index.at(before)
        if state is not None and index.type_of(state) is EntityType.STATE and (end == len(doc) or doc[end]._.get(SLOT) != "ROLE"):
            return state
    return None


def _names_state(sentence: Span, state: str, index: EntityIndex) -> bool:
    """The sentence names the state as a party to it: by name, or by a demonym of a person or
    title ("Algerian president X"), not one that only qualifies a thing ("an Israeli airstrike")."""
    return any(index.at(token) == state and not (token.dep_ == "amod" and token.head._.get(SLOT) not in ("ROLE", "PERSON"))
               for token in sentence)  # fmt: skip


def _bare(role_token: Token) -> bool:
    """A title with no word before it that could say whose it is ("signed by prime minister X",
    "appoints X as the new prime minister", not "Ontario Premier X", "regional president X",
    "Greenlandic prime minister X"), and not "premier", which heads a province as often as a state."""
    if role_token.lower_ == "premier":
        return False
    before = _word_before(role_token)
    return before is None or before.pos_ in ("ADP", "DET", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ")


def _owner_unread(role_token: Token) -> bool:
    """A word before a state office says whose it is, but names no state or organization kg found: a
    nationality ("Papuan foreign minister X") or a possessive ("the two countries' foreign ministers"):
    the office is not then the article's main state's."""
    before = _word_before(role_token)
    return before is not None and before._.get(SLOT) not in ("OF", "PERSON") and (before.ent_type_ == "NORP" or before.tag_ == "POS")


def _word_before(role_token: Token) -> Token | None:
    """The word before a title and the holder modifiers before it ("newly elected"), None at the sentence's start."""
    start = role_token.i
    while start > role_token.sent.start and (role_token.doc[start - 1]._.get(SLOT) == "ROLE"
                                             or load_role_meanings().get(role_token.doc[start - 1].lower_) == "holder"):  # fmt: skip
        start -= 1
    return role_token.doc[start - 1] if start > role_token.sent.start else None


def _entity_qids(index: EntityIndex, gazetteer: Gazetteer) -> dict[str, str]:
    """entity key -> QID, for entities whose label the gazetteer knows for their type."""
    found = {key: [e.qid for e in gazetteer.lookup(entity.label) if e.type is entity.type and e.qid]
             for key, entity in index.entities.items()}  # fmt: skip
    return {key: qids[0] for key, qids in found.items() if len(qids) == 1}


def _implicit_of(reading: _Reading, qids: dict[str, str], gazetteer: Gazetteer, article: Article) -> str | None:
    by_qid = {qid: key for key, qid in qids.items()}
    person_qid = qids.get(reading.person)
    if person_qid is not None:
        tenures = _on_date([t for t in gazetteer.tenures_of(person_qid) if t.of_qid in by_qid], article)
        role = reading.word.role.removesuffix("-elect")  # a president-elect's state: of the office he is elected to
        matching = {t.of_qid for t in tenures
                    if t.role == role or role in HEAD_ROLES or {t.role, role} <= MONARCHS}  # fmt: skip
        if len(matching) == 1:
            return by_qid[matching.pop()]
    if reading.word.default_of is not None:
        return by_qid.get(reading.word.default_of)
    return None


def _dominant_state(index: EntityIndex, qids: dict[str, str], gazetteer: Gazetteer, article: Article,
                    explicit: dict[str, list[_Reading]]) -> str | None:
    """The state the article is most about, a state office's state when the text gives none:
    each mention of a state counts, and so does each mention of a person who holds an office
    of it, by a role the article states or else by the gazetteer's tenures (on the article's
    date where known); on a tie the state named first. None when that state is not named
    itself ("the House" in an article that names Trump often and Ukraine once is no office of
    Ukraine)."""
    states = {key: entity for key, entity in index.entities.items() if entity.type is EntityType.STATE and entity.mentions}
    by_qid = {qid: key for key, qid in qids.items() if key in states}
    weights: Counter[str] = Counter({key: len(entity.mentions) for key, entity in states.items()})
    for key, person in index.entities.items():
        if person.type is not EntityType.PERSON:
            continue
        held = {r.of for r in explicit.get(key, ()) if r.of in states}
        if not held and key in qids:
            tenures = _on_date(gazetteer.tenures_of(qids[key]), article)
            held = {by_qid.get(t.of_qid, t.of_qid) for t in tenures}  # a QID: a state not named
        for state in held:
            weights[state] += len(person.mentions)
    top = min(weights, key=lambda k: (-weights[k], min(m.start for m in states[k].mentions) if k in states else len(article.content)),
              default=None)  # fmt: skip
    return top if top in states else None


def _on_date(tenures: list[Tenure], article: Article) -> list[Tenure]:
    """The tenures held on the article's date, where it has one and any are; else all of them."""
    return [t for t in tenures if article.published is not None and t.held_on(article.published)] or tenures
