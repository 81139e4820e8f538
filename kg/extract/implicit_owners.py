"""Extract stage, roles: whose office a title is where the text names no state or organization.
Input: a reading, the article's entities with the QIDs the gazetteer knows them by
(`entity_qids`), the gazetteer and the article. Output: the office the gazetteer's tenures show
the person holding, else roles.tsv's `default_of` (`implicit_of`), the state or organization of
the group a title's holder is listed in (`group_owner`: "Hamas officials such as spokesman X"),
and the state the article is most about (`dominant_state`).
"""

from __future__ import annotations

from collections import Counter

from kg.extract.arguments import EntityIndex
from kg.extract.groups import agent_heads
from kg.extract.lexicon import WORDS
from kg.extract.role_readings import OWNERS, Reading, first_named
from kg.extract.role_words import STATE_HEADS
from kg.gazetteer import Gazetteer, Tenure
from kg.records import Article, EntityType

HEAD_ROLES = STATE_HEADS | {"leader"}
# The gazetteer writes every crowned head's tenure as "monarch"; the news gives the title.
MONARCHS = frozenset({"monarch", "king", "queen", "emperor", "emir", "sultan"})
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
    while word.dep_ in ("compound", "appos", "pobj", "conj") and word.head is not word:
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


def _on_date(tenures: list[Tenure], article: Article) -> list[Tenure]:
    """The tenures held on the article's date, where it has one and any are; else all of them."""
    return [t for t in tenures if article.published is not None and t.held_on(article.published)] or tenures
