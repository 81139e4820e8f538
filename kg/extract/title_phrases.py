"""Extract stage, roles: the title phrases of a Doc. Input: the annotated Doc and its entity index.
Output: the role phrases of patterns/roles.tsv (`role_phrases`, which the entity stage reads
too), and with the slot of every token set, the role phrase of each role token and the matches
of the role patterns (`title_matches`).

patterns/roles.jsonl: spaCy Matcher patterns over the token attribute `._.kg_slot`, which this
module sets on every token of the Doc: PERSON (in a Person mention), OF (in a State or
Organization mention), ROLE (in a role phrase of roles.tsv), POSS ("'s"), MOD (a modifier or
adjective). A match gives the person, the role and, where the pattern has OF tokens, the
state or organization the role belongs to (the OF mention nearest the role words).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kg.extract.arguments import EntityIndex
from kg.extract.lexicon import WORDS
from kg.extract.names import HYPHENS, POSSESSIVE, TITLE_WORDS, initials
from kg.extract.role_words import RoleWord, load_role_meanings, load_role_words
from kg.patterns import PatternSpec, load_patterns
from kg.records import EntityType
from kg.resources import data_dir

SLOT = "kg_slot"
SLOTS = {EntityType.PERSON: "PERSON", EntityType.STATE: "OF", EntityType.ORGANIZATION: "OF"}
REFERRING = WORDS["referring_nouns"]
COMPOUND_TITLE_WORDS = WORDS["compound_title_words"]
if not Token.has_extension(SLOT):
    Token.set_extension(SLOT, default="")


def title_matches(doc: Doc, index: EntityIndex) -> tuple[dict[int, tuple[int, int, RoleWord]], list[tuple[PatternSpec, int, int]]]:
    """Set `._.kg_slot` on every token; the role phrase (start, end, word) of each role token, and
    (pattern, start, end) of every role pattern match, in order of start. The Matcher tests
    `._.kg_slot` slowly, at every token, so it runs only on the sentences with a title."""
    matchers = _matchers(doc.vocab)
    roles = _set_slots(doc, index)
    found: list[tuple[PatternSpec, int, int]] = []
    matched_to = 0
    for i in sorted(roles):
        if i < matched_to:
            continue  # in the sentence just matched (Token.sent looks for the sentence anew each time)
        sent = doc[i].sent
        matched_to = sent.end
        for match_id, start, end in matchers.patterns(sent):
            found.append((matchers.specs[doc.vocab.strings[match_id]], sent.start + start, sent.start + end))
    return roles, sorted(found, key=lambda match: match[1])


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
