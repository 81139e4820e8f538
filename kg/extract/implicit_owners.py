"""Extract stage, roles: whose office a title is where the text names no state or organization.
Input: a reading, the article's entities with the QIDs the gazetteer knows them by
(`entity_qids`), the gazetteer and the article. Output: the office the gazetteer's tenures show
the person holding, else roles.tsv's `default_of` (`implicit_of`), the state or organization of
the group a title's holder is listed in (`group_owner`: "Hamas officials such as spokesman X"),
and the state the article is most about (`dominant_state`), where `guessed_state` admits it.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from spacy.tokens import Span, Token

from kg.extract.arguments import EntityIndex
from kg.extract.groups import agent_heads
from kg.extract.lexicon import WORDS
from kg.extract.role_readings import OWNERS, PLACE_NOUNS, Reading, first_named
from kg.extract.role_words import STATE_HEADS, load_role_meanings
from kg.extract.title_phrases import SLOT
from kg.gazetteer import Gazetteer, Tenure
from kg.records import Article, EntityType

HEAD_ROLES = STATE_HEADS | {"leader"}
MONARCHS = WORDS["monarch_titles"]
LISTING = WORDS["listing_words"]


def entity_qids(index: EntityIndex, gazetteer: Gazetteer) -> dict[str, str]:
    """entity key -> QID, for entities whose label the gazetteer knows for their type."""
    found = {key: [e.qid for e in gazetteer.lookup(entity.label) if e.type is entity.type and e.qid]
             for key, entity in index.entities.items()}  # fmt: skip
    return {key: qids[0] for key, qids in found.items() if len(qids) == 1}


def implicit_of(reading: Reading, qids: dict[str, str], gazetteer: Gazetteer, article: Article) -> str | None:
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


def group_owner(reading: Reading, index: EntityIndex) -> str | None:
    """The state or organization that qualifies the group of people a title is listed in ("Iranian
    government officials including health minister X", "Hamas officials such as spokesman X"): the
    group's noun ends a Phoenix agent phrase, and "including", "such as", "like" or "among" lists
    the title's holder in it."""
    word = reading.role_token
    while word.dep_ in ("compound", "appos", "pobj", "conj") and word.head.i != word.i:
        word = word.head
    if word.dep_ != "prep" or word.lower_ not in LISTING:
        return None
    group = word.head
    if group.lemma_.lower() not in agent_heads():
        return None
    return first_named(group.lefts, index, OWNERS)


def dominant_state(index: EntityIndex, qids: dict[str, str], gazetteer: Gazetteer, article: Article,
                    explicit: dict[str, list[Reading]]) -> str | None:
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


def guessed_state(reading: Reading, index: EntityIndex, dominant: Callable[[], str | None]) -> str | None:
    """The article's main state (`dominant`) as the owner of a state office that no unread
    nationality or possessive qualifies ("Papuan foreign minister X"), or of a head of state's
    bare title in a sentence that names that state ("signed by prime minister X")."""
    if not (reading.word.state_office or reading.word.role in STATE_HEADS):
        return None
    state, title = dominant(), reading.role_token
    if (reading.word.state_office and not _owner_unread(title)) or (
            state is not None and _bare(title) and _names_state(title.sent, state, index)):  # fmt: skip
        return state
    return None


def _names_state(sentence: Span, state: str, index: EntityIndex) -> bool:
    """The sentence names the state as a party to it: by name, or by a demonym of a person or
    title ("Algerian president X"), not one that only qualifies a thing ("an Israeli airstrike")
    or only says where a place lies ("the Bay and Bakool regions of Somalia": its "of" after a
    noun of word_lists.tsv's place_nouns, the name's last token)."""
    return any(index.at(token) == state and not (token.dep_ == "amod" and token.head._.get(SLOT) not in ("ROLE", "PERSON"))
               and not _place_within(token, index) for token in sentence)  # fmt: skip


def _place_within(token: Token, index: EntityIndex) -> bool:
    """The state's mention at `token` is the "of" object of a place noun: "the regions of Somalia"."""
    key = index.at(token)
    while token.head.i != token.i and index.at(token.head) == key:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS


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


def _on_date(tenures: list[Tenure], article: Article) -> list[Tenure]:
    """The tenures held on the article's date, where it has one and any are; else all of them."""
    return [t for t in tenures if article.published is not None and t.held_on(article.published)] or tenures
