"""Extract stage, groups: actors with no name ("gunmen", "Israeli troops", "the army", "police").

Input: the Doc, the article and the entities found so far. Output: `find_groups(...)`, one GROUP
entity per unnamed actor, never named (`named=False`, so its IRI is its article's own).

The agent nouns of the Phoenix dictionary (patterns/agents.tsv, built by
scripts/convert_phoenix.py) give the sector: a noun heading its phrase whose lemma, with the
words before it, is an agent phrase ("police", "gunman", "security force") is a mention of a
group of that phrase's CAMEO sector. Words an entity or a title already holds are not, nor a noun
inside a longer noun ("police station"), one that describes another (an apposition: "X, a
militant group"), or a label in quotation marks. The group's state is the State entity that
qualifies it: a demonym or name before it ("Israeli troops", "Sudan's army") or after "of"/"from"
("the army of Sudan"). Mentions with the same sector, state and words are one group.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from kg.extract.arguments import OWNERS, mention_spans
from kg.extract.lexicon import valid_rows
from kg.extract.names import slug
from kg.extract.paths import OF_OR_FROM_OBJECT
from kg.records import Article, Entity, EntityType, Mention
from kg.resources import data_dir

AGENT_COLUMNS = ("phrase", "sector", "code", "source")
# Sectors of a state's own organs: a group of one with no state of its own acts for the state its
# speaker speaks for, and a speaker of one speaks for the state that qualifies it ("Syrian
# *security forces* say"), unlike one of another sector ("a Syrian *journalist* says").
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# A noun inside a longer noun ("police station") or describing another ("X, a militant group") is
# no actor of its own.
NOT_AN_ACTOR = frozenset({"compound", "appos"})


@lru_cache(maxsize=4)
def load_agents(path: Path | None = None) -> dict[tuple[str, ...], str]:
    """patterns/agents.tsv: agent phrase (its words) -> sector. A phrase the dictionary lists
    under several sectors ("security force": COP, MIL) takes the one of its first line."""
    rows = valid_rows(path or data_dir("patterns") / "agents.tsv", AGENT_COLUMNS,
                      lambda row: bool(row["phrase"] and row["sector"]) and ":" in row["source"],
                      "a row needs a phrase, a sector and a source")  # fmt: skip
    first: dict[tuple[str, ...], tuple[int, str]] = {}
    for row in rows:
        words, line = tuple(row["phrase"].split()), int(row["source"].rsplit(":", 1)[1])
        first[words] = min(first.get(words, (line, row["sector"])), (line, row["sector"]))
    return {words: sector for words, (_, sector) in first.items()}


@lru_cache(maxsize=1)
def _agent_index() -> tuple[dict[tuple[str, ...], str], frozenset[str], int]:
    """The shipped agents, the last words of their phrases and the most words a phrase has."""
    agents = load_agents()
    return agents, frozenset(words[-1] for words in agents), max((len(words) for words in agents), default=0)


def agent_heads() -> frozenset[str]:
    """The last words of the shipped agents' phrases ("officials", "police")."""
    return _agent_index()[1]


# The share of the agent phrases a word begins that must be of a state organ's sector for the word
# to mark one ("security", "state", "interior"; not "local", "public", "foreign").
ORGAN_WORD_SHARE = 0.9


@lru_cache(maxsize=1)
def _organ_words() -> frozenset[str]:
    """The words that are agents of a state organ's sector themselves ("government", "army"), or
    that begin two or more longer agent phrases, at least `ORGAN_WORD_SHARE` of them of a state
    organ's sector ("security force", "security official"; "state media", "state news agency"),
    and are no agent of another sector themselves ("ngo": "ngo ministry" is no NGO)."""
    agents = load_agents()
    begun: dict[str, list[bool]] = {}
    for words, sector in agents.items():
        if len(words) > 1:
            begun.setdefault(words[0], []).append(sector in STATE_ORGANS)
    own = {words[0]: sector in STATE_ORGANS for words, sector in agents.items() if len(words) == 1}
    shared = {word for word, organs in begun.items() if len(organs) > 1 and sum(organs) >= ORGAN_WORD_SHARE * len(organs)}
    return frozenset(word for word in {*own, *shared} if own.get(word, True))


def organ_word(word: str) -> bool:
    """Whether a modifier word (lower-cased) marks a noun as one of a state organ (`_organ_words`)."""
    return word in _organ_words()


def find_groups(doc: Doc, article: Article, entities: tuple[Entity, ...], titles: list[tuple[int, int]]) -> tuple[Entity, ...]:
    """The unnamed actors of an article, as GROUP entities keyed apart from `entities`."""
    owner = {i: entity for span, entity in mention_spans(doc, entities) for i in range(span.start, span.end)}
    taken = set(owner) | {i for start, end in titles for i in range(start, end)}
    found: dict[tuple[str, str | None, str], list[Span]] = {}
    for token in doc:
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or token.dep_ in NOT_AN_ACTOR:
            continue
        if any(child.is_quote for child in token.children):
            continue  # a label in quotation marks ('labels it a "terrorist organization"')
        match = agent_at(token, taken)
        if match is None:
            continue
        start, sector = match
        state = _state_of(token, owner)
        # The label starts at the state's words before the noun ("Sudan's army" starts at "Sudan").
        label_start = min([start, *(t.i for child in token.children if state and child.dep_ in OWNERS
                                    and child.i < token.i for t in child.subtree if owner.get(t.i) is state)])
        words = " ".join(t.lemma_.lower() for t in doc[start : token.i + 1])
        found.setdefault((sector, state.key if state else None, words), []).append(doc[label_start : token.i + 1])
    used = {entity.key for entity in entities}
    content = article.content
    groups: list[Entity] = []
    for (sector, state_key, _), spans in found.items():
        label = spans[0].text.strip()
        key = "group_" + slug(label)
        while key in used:
            key += "_"
        used.add(key)
        mentions = tuple(Mention(s.start_char, s.end_char, content[s.start_char : s.end_char]) for s in spans)
        groups.append(Entity(key, label, EntityType.GROUP, mentions, named=False, sector=sector, state=state_key))
    return tuple(groups)


def agent_at(head: Token, taken: set[int]) -> tuple[int, str] | None:
    """(first token, sector) of the longest agent phrase ending at `head`, its last word read as
    written or as its lemma ("gunmen", "protesters" -> "protester")."""
    agents, last_words, longest = _agent_index()
    doc = head.doc
    lasts = [word for word in (head.lower_, head.lemma_.lower()) if word in last_words]
    if not lasts:
        return None
    first = head.i  # the furthest the phrase may start: no taken word, no punctuation
    while first > 0 and head.i - first < longest - 1 and first - 1 not in taken and not doc[first - 1].is_punct:
        first -= 1
    for start in range(first, head.i + 1):  # the longest phrase first
        words = doc[start : head.i]
        if any(not start <= t.head.i <= head.i for t in words):
            continue
        for last in lasts:
            sector = agents.get((*(t.lower_ for t in words), last))
            if sector is not None:
                return start, sector
    return None


def _state_of(head: Token, owner: dict[int, Entity]) -> Entity | None:
    """The State that qualifies a group's noun ("Israeli troops", "Sudan's army", "the army of Sudan")."""
    qualifiers = [child for child in head.children if child.dep_ in OWNERS] + OF_OR_FROM_OBJECT.follow(head)
    owners = [owner[t.i] for t in qualifiers if t.i in owner]
    return next((state for state in owners if state.type is EntityType.STATE), None)
