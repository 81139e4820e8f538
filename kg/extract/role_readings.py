"""Extract stage, roles: the readings of a person beside a title. Input: the Doc with its slots and
title phrases (kg.extract.title_phrases) and the entity index. Output: `Reading`s, each a person,
a title and the state or organization the words give it, if any (for a governor, mayor or premier,
patterns/place_offices.tsv, the province, state or city: "California Governor X", "X, the mayor of
Istanbul"; no other title is a place's): of a role pattern's match
(`read`: "US President X", "Antigua's prime minister and Labour leader X") or of a clause
(`clause_readings`: "X is sworn in as president", "the Senate confirms X as Treasury
Secretary").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from kg.extract.arguments import EntityIndex
from kg.extract.lexicon import WORDS, load_lexicons
from kg.extract.modality import assess
from kg.extract.names import HYPHENS, POSSESSIVE, org_kind
from kg.extract.paths import AGENT_OBJECT, INFINITIVE, NEGATION, OBJECT, OF_OBJECT, SUBJECT
from kg.extract.role_words import NOT_HOLDING, PAST, STATE_HEADS, RoleWord, load_role_meanings, load_role_verbs, load_role_words
from kg.extract.title_phrases import REFERRING, SLOT
from kg.gazetteer import load_gazetteer, written_as
from kg.patterns import PatternSpec
from kg.records import EntityType

PLACE_NOUNS = frozenset(WORDS["place_nouns"])  # "the governor of the *province* of Vell"
CLAUSE_CONFIDENCE = 0.8  # a title a clause gives ("X is sworn in as president"), as explicit as "X is the president"
OWNERS = (EntityType.STATE, EntityType.ORGANIZATION)  # whose a title may be


@dataclass(frozen=True, slots=True)
class Reading:
    """One person's title: the role word, whose office it is (`of`; None where the words give none),
    the title's last token and how sure the reading is."""

    person: str
    word: RoleWord
    of: str | None
    role_token: Token
    confidence: float
    ended: bool = False  # a former holder's ("former president X"): the term ended before the article


def _runs(span: Span) -> list[tuple[str, int, int]]:
    """(slot, start, end) of each run of tokens of one slot in `span`."""
    runs = [(slot, list(tokens)) for slot, tokens in groupby(span, key=lambda t: t._.get(SLOT))]
    return [(slot, tokens[0].i, tokens[-1].i + 1) for slot, tokens in runs]


def read(span: Span, index: EntityIndex, roles: dict[int, tuple[int, int, RoleWord]], spec: PatternSpec) -> list[Reading]:
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
    place = index.place_at(doc[role_start - 1]) if role_start > 0 and phrases[-1][2].place_role else None
    if phrases[-1][2].place_role and _capital_before(doc, role_start, index):
        return []  # "Bucharest mayor X": the city's office, which the state its name stands for does not hold
    if _after_place(doc, role_start, index) and not phrases[-1][2].state_office and place is None:
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
    readings: list[Reading] = []
    for run in holders:
        person = next(iter(index.in_span(doc[run[1] : run[2]])), None)  # the run's rank before the name holds none
        if person is None:
            continue
        if phrases[-1][2].place_role and (owner := place or _place_after(doc, run[2], index)) is not None:
            readings.append(_place_reading(person, phrases[-1], owner, doc, base))  # "California Governor X"
            continue  # "Ruritanian governor X of the province of Vell": the province's
        # "AU chairperson President X of Egypt": the first title goes with the OF before it,
        # the last one with the person; the role-name-of pattern then gives it its state.
        if len(phrases) > 1 and of is not None:
            readings += [_reading(person, phrases[0], of, doc, base), _reading(person, phrases[-1], None, doc, base * 0.9)]
        else:
            readings.append(_reading(person, phrases[-1], of, doc, base))
    return [replace(reading, ended=ended) for reading in readings]


APPOSITION_CONFIDENCE = 0.8  # a title in apposition to a name, whose owner the parse reads ("X, the commander of Y")
APPOSITION_MARKS = (",", "(", "—")  # what sets an apposition off from the name


def apposition_readings(doc: Doc, index: EntityIndex, roles: dict[int, tuple[int, int, RoleWord]]) -> list[Reading]:
    """Titles in apposition to a person's name, in either order, by the parse: "X, the commander
    of Iran's Revolutionary Guard Navy", "X, a senior Hamas commander", "the deputy head of
    Russian military intelligence, lieutenant general X". Whose the office is: the state or
    organization its "of" phrase names, or that qualifies the title before it; none otherwise."""
    readings: list[Reading] = []
    for start, end, word in set(roles.values()):
        title = doc[start:end].root
        holder = _apposed_person(title, index)
        if holder is None:
            continue
        before = doc[min(title.left_edge.i, start) : start]
        if any(_meaning(t) == "not-holder" for t in before) or _not_yet(doc, end):
            continue  # "X, the opposition leader"
        place = _title_place(title, index) if word.place_role and not any(_meaning(t) == "deputy" for t in before) else None
        if place is not None:  # "X, the mayor of Port Vell" (not "the deputy mayor of")
            reading = _place_reading(holder, (start, end, word), place, doc, APPOSITION_CONFIDENCE)
            readings.append(replace(reading, ended=any(_meaning(t) == PAST for t in before)))
            continue
        if _place_owned(title, index):
            continue  # "X, the president of Y" for a place Y, "X, the city's mayor": no owner
        of = _apposition_owner(title, index)
        if of is None or of == holder:
            continue
        deputies = 0
        while deputies < len(before) and _meaning(before[-1 - deputies]) == "deputy":
            deputies += 1  # "the deputy head of X, Y", "the deputy assistant director of X"
        phrase = (start, end, word)
        if deputies:
            title_words = f"{before[-deputies:].text.lower()} {word.role}"
            phrase = (start - deputies, end, RoleWord(title_words, title_words, None, word.state_office))
        reading = _reading(holder, phrase, of, doc, APPOSITION_CONFIDENCE)
        readings.append(replace(reading, ended=any(_meaning(t) == PAST for t in before)))
    return readings


def _apposed_person(title: Token, index: EntityIndex) -> str | None:
    """The person whose name is in apposition to the title ("X, the T" or "the T, X"; "the T of
    Y, X", where the parse hangs the name on Y), if any."""
    candidates = [title.head] if title.dep_ == "appos" else []
    for noun in [title, *OF_OBJECT.follow(title)]:  # the parse may hang the name on the "of" object
        candidates += [child for child in noun.children if child.dep_ == "appos"]
    for candidate in candidates:
        key = index.at(candidate)
        apart = title.doc[min(title.i, candidate.i) : max(title.i, candidate.i)]
        if key is not None and index.type_of(key) is EntityType.PERSON and any(t.text in APPOSITION_MARKS for t in apart):
            return key  # set off by a comma, a parenthesis or a dash (not "president A and president B")
    return None


def _apposition_owner(title: Token, index: EntityIndex) -> str | None:
    """The state or organization an apposed title is of: its "of" object, or the one that
    qualifies that object ("of Russian military intelligence", "of Hamas's political bureau");
    else the one that qualifies the title itself ("a senior Hamas commander")."""
    for owned in [*OF_OBJECT.follow(title), title]:
        key = index.at(owned) if owned is not title else None
        if key is not None and index.type_of(key) in OWNERS:
            return key
        if _meaning(owned) == "not-holder":
            continue  # "the leader of the Turkish opposition": the opposition's, not the state's
        qualifiers = [c for c in owned.children if c.dep_ in ("poss", "amod", "compound") and not _stance(c)]
        owner = first_named(qualifiers, index, OWNERS)
        if owner is not None:
            return owner
    return None


def _stance(token: Token) -> bool:
    """The name is part of a stance toward its entity, not its owner: "anti-Hamas", "pro-Russia"."""
    return (token.i > 0 and token.doc[token.i - 1].text in HYPHENS) or re.match(r"[a-z]+[-–]", token.text) is not None


def clause_readings(doc: Doc, index: EntityIndex, roles: dict[int, tuple[int, int, RoleWord]],
                     earlier: list[Reading]) -> tuple[list[Reading], set[int]]:
    """Titles a clause gives a person, by a verb of patterns/role_verbs.tsv with the title after
    "as" or as its predicate: "X is sworn in as president", "the Senate confirms X as Treasury
    Secretary", "X is elected leader of the party", "X succeeds Y as governor" (X's, not Y's).
    A state's office the text gives no state is of the state whose office its appointer holds
    ("Yemen's president Y appoints X as the new prime minister").
    Also the titles (by their last token) such a clause gives no one, whatever the word order
    reads: denied, planned, given to each of two people in turn, or a first rather than an office."""
    verbs = load_role_verbs()
    readings: list[Reading] = []
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
        place = ((index.place_at(doc[start - 1]) if start > 0 else None) or _title_place(title, index)) if word.place_role else None
        if place is None and (_after_place(doc, start, index) or _place_owned(title, index)):
            continue  # "elected as Gaza leader", "to become the city's first mayor"
        of = place or _clause_of(title, before, verb, index)
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
            if place is not None:  # "as the mayor of New York City"
                readings.append(_place_reading(person, (start, end, word), place, doc, CLAUSE_CONFIDENCE))
            else:
                readings.append(_reading(person, (start, end, word), of, doc, CLAUSE_CONFIDENCE))
    return readings, voided


INCUMBENT_CONFIDENCE = 0.7  # an office the race implies ("vote to elect their president ... incumbent X"), not one a title names
RACE_WORDS = frozenset(WORDS["presidential_race_words"])
OTHER_OFFICES = frozenset(WORDS["other_office_words"])


def incumbent_readings(doc: Doc, index: EntityIndex) -> list[Reading]:
    """The sitting president of a presidential race the sentence is about, written "incumbent X"
    with no title ("Cameroonians vote to elect their president, with the incumbent Paul Biya
    seeking his eighth term", "winning the presidential election against the incumbent X"): the
    president of the one state the article names (none where it names two or more, or none). A
    sentence with another office's word ("minister", "mayor", "parliamentary" ...) gives none:
    whose incumbent X is is then not plain."""
    states = [key for key, entity in index.entities.items() if entity.type is EntityType.STATE and entity.mentions]
    if len(states) != 1:
        return []
    readings: list[Reading] = []
    for token in doc:
        if token.lower_ != "incumbent" or token.i + 1 >= len(doc):
            continue
        person = index.at(doc[token.i + 1])
        if person is None or index.type_of(person) is not EntityType.PERSON or index.at(token) is not None:
            continue
        words = {t.lower_ for t in token.sent}
        if not words & RACE_WORDS or words & OTHER_OFFICES:
            continue
        if any(_meaning(t) in NOT_HOLDING for t in doc[max(0, token.i - 2) : token.i]):
            continue  # "former incumbent X"
        readings.append(Reading(person, load_role_words()["president"], states[0], token, INCUMBENT_CONFIDENCE))
    return readings


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
        verb = verb.head
    holder = verbs.get(verb.lemma_.lower())
    if holder is None or verb.pos_ not in ("VERB", "AUX") or (title.dep_ == "dobj" and holder == "subject"):
        return None  # "X succeeds the president" gives X no title
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    if holder == "object" and not passive:
        found = [c for c in OBJECT.follow(verb) if c.i != title.i]
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
        if subjects or not (verb.dep_ in ("conj", "xcomp") or participle) or verb.head.i == verb.i:
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
    return first_named(OF_OBJECT.follow(title), index, (EntityType.LOCATION,)) is not None or any(
        child.dep_ == "poss" and child.pos_ == "NOUN" and index.at(child) is None and child.lower_ not in REFERRING - {"state"}
        for child in title.children)  # fmt: skip


def _title_place(title: Token, index: EntityIndex) -> str | None:
    """The place a title's "of" phrase names: "the mayor of Port Vell", "the governor of the province
    of Vell" (a noun of word_lists.tsv's place_nouns, then the place's name)."""
    for owned in OF_OBJECT.follow(title):
        place = index.place_at(owned)
        if place is None and owned.lower_ in PLACE_NOUNS and index.at(owned) is None:
            place = first_named(OF_OBJECT.follow(owned), index, (EntityType.LOCATION,))
        if place is not None:
            return place
    return None


def _capital_before(doc: Doc, start: int, index: EntityIndex) -> bool:
    """The words before `start` are a state's mention by its capital's name ("Bucharest" for Romania)."""
    key = index.at(doc[start - 1]) if start > 0 else None
    if key is None or index.type_of(key) is not EntityType.STATE:
        return False
    first = start - 1
    while first > 0 and index.at(doc[first - 1]) == key:
        first -= 1
    written = doc[first:start].text
    return any(written_as(written, entry.capitals) for entry in load_gazetteer().lookup(written))


def _place_after(doc: Doc, i: int, index: EntityIndex) -> str | None:
    """The place named by "of" at `i` after a holder's name: "Governor X of Vell", "governor X of
    the province of Vell"; None where the words after the name are not such a phrase."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i + 1 < len(doc) and doc[i].lower_ in PLACE_NOUNS and index.at(doc[i]) is None and doc[i + 1].lower_ == "of":
        i += 2
    return index.place_at(doc[i]) if i < len(doc) else None


def _place_reading(person: str, phrase: tuple[int, int, RoleWord], place: str, doc: Doc, base: float) -> Reading:
    """A sub-national office's reading: the place holds it, under the role place_offices.tsv gives
    the title ("Ontario Premier X": premier, not prime minister)."""
    word = phrase[2]
    assert word.place_role is not None
    return _reading(person, (phrase[0], phrase[1], replace(word, role=word.place_role, default_of=None)), place, doc, base)


def _appointer_state(verb: Token, index: EntityIndex, earlier: list[Reading]) -> str | None:
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
    key = first_named(OF_OBJECT.follow(title), index, OWNERS)
    if key is not None:
        # "as the U.S. Secretary of Health and Human Services": the department is the portfolio
        department = index.type_of(key) is EntityType.ORGANIZATION and index.entities[key].kind in (None, "GovernmentBody")
        return named[-1] if named and department and index.type_of(named[-1]) is EntityType.STATE else key
    if named:
        return named[-1]
    if any(t.lower_ in ("its", "their") for t in before):
        while verb.dep_ == "xcomp" and verb.head.i != verb.i:
            verb = verb.head  # "O elects X to serve as its secretary general"
        return first_named(SUBJECT.follow(verb), index, OWNERS)
    return None


def _stacked(runs: list[tuple[str, int, int]], roles: dict[int, tuple[int, int, RoleWord]], index: EntityIndex, doc: Doc,
             base: float, holder: tuple[str, int, int]) -> list[Reading]:  # fmt: skip
    """ "Antigua's prime minister and Labour leader X": every title is X's, each of the state or
    organization written before it (and after the title before it), else of none yet."""
    person = next(iter(index.in_span(doc[holder[1] : holder[2]])), None)
    if person is None:
        return []
    readings: list[Reading] = []
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


def _reading(person: str, phrase: tuple[int, int, RoleWord], of: str | None, doc: Doc, base: float) -> Reading:
    return Reading(person, phrase[2], of, doc[phrase[1] - 1], base)


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
        return first_named(reversed(doc[run[1] : run[2]]), index)
    wanted = (EntityType.STATE,) if doc[run[1]].lower_ in ("country", "nation", "state") else (EntityType.ORGANIZATION,)
    return first_named(reversed(doc[max(0, run[1] - 80) : run[1]]), index, wanted)


def first_named(tokens: Iterable[Token], index: EntityIndex, types: tuple[EntityType, ...] | None = None) -> str | None:
    """The entity (of `types`, if given) that the first of `tokens` in a mention of one names."""
    for token in tokens:
        key = index.at(token)
        if key is not None and (types is None or index.type_of(key) in types):
            return key
    return None


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
