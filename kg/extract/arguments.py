"""Arguments of a trigger: tokens reached by dependency paths -> entity keys (part of extract).

`EntityIndex` maps every token covered by an entity mention to that entity's key. `entities_of`
reads a noun phrase the way an analyst does: the entity it names ("Venezuelan President Nicolás
Maduro" -> Maduro), else the entity in apposition, else the entity that qualifies it ("his
Venezuelan counterpart" -> Venezuela, "the group's leader" -> the group), the party a patron
backs rather than the patron ("Rwanda-backed M23 rebels" -> M23); conjuncts count too ("the UK,
Canada and Norway").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.extract.lexicon import WORDS
from kg.extract.paths import OF_OBJECT, OF_OR_FROM_OBJECT, Path
from kg.records import Article, Entity, EntityType, Interval, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Personal pronouns and the entity types they can stand for.
_PEOPLE = (EntityType.PERSON,)
_BODIES = (EntityType.STATE, EntityType.ORGANIZATION)
PLURAL = ("they", "their", "them")
PRONOUNS = {**dict.fromkeys(("he", "him", "his", "she", "her"), _PEOPLE), **dict.fromkeys(("it", "its"), _BODIES),
            **dict.fromkeys(PLURAL, (*_BODIES, EntityType.PERSON))}  # fmt: skip
RELATIVE = frozenset({"who", "whom", "which", "that"})
FIRST_PERSON = frozenset({"i", "me", "my"})
# Sources that file each item under topics, Wikipedia article names ("2026 Iranian strikes on
# Israel", "Israel–United States relations, Calls for a ceasefire"), where others put a headline.
TOPIC_SOURCES = frozenset({"Wikipedia Current events portal"})
REPRESENTATIVES, RELATIVES, CROWDS = WORDS["representatives"], WORDS["relatives"], WORDS["crowd_nouns"]
PATRONAGE, MAKERS = WORDS["patronage_participles"], WORDS["maker_participles"]
# "a *pro-*Palestine protest", "*Anti-*Hamas protesters": a state or organization named after a stance
# prefix and its hyphen (one token or three) is the cause supported or opposed, no party.
_STANCE = re.compile(r"(?<![\w-])(?:%s)[-\u2010\u2011]\s?$" % "|".join(sorted(WORDS["stance_prefixes"])), re.IGNORECASE)
# Dependents inside a noun phrase that may name whose it is ("US troops", "Sudan's army", "NATO
# members"), and those that may name what the phrase stands for.
OWNERS = ("compound", "amod", "poss", "nmod")
QUALIFIERS = (*OWNERS, "npadvmod")


class EntityIndex:
    """Which entity each token of a Doc belongs to."""

    def __init__(self, doc: Doc, entities: Iterable[Entity], *, speech_verbs: frozenset[str] = frozenset(),
                 groups: bool = False) -> None:  # fmt: skip
        """`speech_verbs` ("say", "write", "tweet") let "I" in a quotation stand for its speaker.

        GROUP entities (unnamed actors) hold no token: with `groups`, a noun phrase that names no
        entity stands for the group headed by its noun ("gunmen"), never one that names one.
        """
        self.doc = doc
        self.speech_verbs = speech_verbs
        self.entities = {entity.key: entity for entity in entities}
        self._by_token: dict[int, str] = {}
        self._group_heads: dict[int, str] = {}
        self._finding_speaker: set[int] = set()  # tokens whose speaker is being looked for
        spans: list[tuple[int, int, int, str]] = []
        for span, entity in mention_spans(doc, self.entities.values()):
            if entity.type is not EntityType.GROUP:
                spans.append((len(span), span.start, span.end, entity.key))
            elif groups:
                self._group_heads[span[-1].i] = entity.key
        # Longest first, so that shorter mentions win their tokens: "USS Ford" inside
        # "USS Ford Carrier Strike Group" keeps the ship when both are entities.
        for _, start, end, key in sorted(spans, key=lambda item: (-item[0], item[1], item[3])):
            for i in range(start, end):
                self._by_token[i] = key
        self._held: dict[str, list[int]] = {}  # each entity's tokens, in the order of the Doc
        for i in sorted(self._by_token):
            self._held.setdefault(self._by_token[i], []).append(i)

    def at(self, token: Token) -> str | None:
        return self._by_token.get(token.i)

    def inside(self, token: Token, key: str) -> list[Token]:
        """`token` and the words of entity `key`, or proper nouns of no entity, that qualify it, down
        the chain ("a U.S. Navy F/A-18 Super Hornet", "a Ukrainian Air Force F-16 Fighting Falcon":
        the owner qualifies the designation or the service's noun, the designation the model's name)."""
        found = [token]
        for word in found:
            found += [child for child in word.children if child.dep_ in QUALIFIERS
                      and (self.at(child) == key or self.at(child) is None and child.pos_ == "PROPN")]  # fmt: skip
        return found

    def tokens_of(self, key: str) -> list[Token]:
        """The tokens that belong to entity `key`, in the order of the Doc."""
        return [self.doc[i] for i in self._held.get(key, ())]

    def group_at(self, token: Token) -> str | None:
        """The unnamed group whose noun `token` is ("gunmen"), when the index holds groups."""
        return self._group_heads.get(token.i)

    def type_of(self, key: str) -> EntityType:
        return self.entities[key].type

    def place_at(self, token: Token) -> str | None:
        """The place `token` belongs to, if it names one."""
        key = self.at(token)
        return key if key is not None and self.type_of(key) is EntityType.LOCATION else None

    def speaker(self, token: Token) -> str | None:
        """Who says "I": the subject of the speech verb over the quotation, in its sentence or,
        for a quotation that runs on, in the sentence before ("Trump wrote: '... I will ...'")."""
        if token.i in self._finding_speaker:
            return None  # a quotation within a quotation led back here: no speaker
        self._finding_speaker.add(token.i)
        sent = token.sent
        candidates = list(token.ancestors)
        if sent.start > 0:
            candidates += list(self.doc[sent.start - 1].sent)
        subjects = (child for verb in candidates if verb.lemma_.lower() in self.speech_verbs for child in verb.children
                    if child.dep_ == "nsubj" and child.lower_ not in FIRST_PERSON)  # fmt: skip
        try:
            return next((key for child in subjects for key in self.entities_of(child)
                         if self.type_of(key) is EntityType.PERSON), None)  # fmt: skip
        finally:
            self._finding_speaker.discard(token.i)

    def first_in(self, span: Span, key: str) -> int:
        """The position of an entity's first token in a span (after the span if absent)."""
        return next((token.i for token in span if self._by_token.get(token.i) == key), span.end)

    def in_span(self, span: Span, types: Iterable[EntityType] | None = None) -> list[str]:
        """Entities with a token in `span`, in order of first appearance."""
        allowed = set(types) if types is not None else None
        keys = (self._by_token.get(token.i) for token in span)
        return list(dict.fromkeys(key for key in keys if key is not None and (allowed is None or self.type_of(key) in allowed)))

    def entities_of(self, token: Token, *, qualifiers: bool = True, transparent: frozenset[str] = frozenset()) -> list[str]:
        """The entities a noun phrase headed by `token` stands for, conjuncts included.

        Without `qualifiers`, a common noun does not stand for the entity that qualifies it
        ("six Chinese officials" are not China, "the Yemeni Houthi movement" is not Yemen),
        except nouns in `transparent` ("U.S. citizens" do stand for the United States).
        """
        if _describes_next_subject(token):
            return []  # "Palestinian militant *group* Hamas calls": the name is the subject
        heads = [head for head in (token, *token.conjuncts) if head is token or not _starts_clause(token, head)]
        keys = [key for head in heads for key in self._phrase_entities(head, qualifiers or head.lemma_.lower() in transparent)]
        return list(dict.fromkeys([*keys, *self._coordinated_in_chain(token)]))

    def _coordinated_in_chain(self, token: Token) -> list[str]:
        """ "U.S. President Donald Trump and Russian President Vladimir Putin" parsed as one
        compound chain: the people (else the states or organizations) named before the head."""
        own = self.at(token)
        left = token.doc[token.left_edge.i : token.i]
        if own is None or not any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in left):
            return []
        keys = self.in_span(left)
        types = {self.type_of(key) for key in keys}
        wanted = next((kind for kind in (EntityType.PERSON, EntityType.STATE, EntityType.ORGANIZATION) if kind in types), None)
        if wanted is None or self.type_of(own) is not wanted:
            return []
        return [key for key in keys if self.type_of(key) is wanted]

    def antecedent(self, token: Token) -> str | None:
        """What a personal pronoun stands for: the subject of a clause that governs it ("Rwanda
        announces *its* withdrawal", "X claims that *it* launched"), else the nearest entity of a
        fitting type before it in the sentence or the sentence before. The subject of a passive
        adverbial clause under a clause with an object stands for no name in a subject above it."""
        if token.lower_ in RELATIVE and token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.dep_ == "relcl":
            # "YPG militia which support the PKK", "Freedonia, which X invaded in 2020"; an object
            # stands for none of the clause's subject's own ("U.S. sanctions, which U.S. Secretary
            # of State X threatened": not the United States).
            own = {self.at(t) for c in token.head.children if c.dep_ == "nsubj" for t in c.subtree}
            keys = [key for key in self.entities_of(token.head.head) if token.dep_ != "dobj" or key not in own]
            return keys[0] if keys else None
        if token.lower_ in FIRST_PERSON and token.pos_ == "PRON":
            return self.speaker(token)
        types = PRONOUNS.get(token.lower_)
        if types is None or token.pos_ != "PRON":
            return None
        # "the US added them", "X accused them": an object pronoun is not the subject of its own clause.
        objects = token.dep_ in ("dobj", "pobj", "dative") and token.lower_ in ("them", "him", "her")
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subjects = {t.i for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")
                    for t in c.subtree}  # fmt: skip
        governing = (key for ancestor in ([] if objects else token.ancestors) for child in ancestor.children
                     if child.dep_ in ("nsubj", "nsubjpass") and token not in child.subtree
                     for key in self.entities_of(child) if self.type_of(key) in types)  # fmt: skip
        sent = token.sent
        if _passive_under_object(token):
            # "X recaptures the town after *it* was captured by Y", "X reopens its embassy after *it*
            # was closed", "forces allied with X retake the town after *it* was seized": what was
            # acted on is the object above as well as its subject; the words do not say which, so
            # no name in a subject above (nor in the sentence before), the nearest other name or none.
            above = {t.i for ancestor in token.ancestors for child in ancestor.children
                     if child.dep_ in ("nsubj", "nsubjpass") for t in child.subtree}  # fmt: skip
            return next((key for earlier in reversed(token.doc[sent.start : token.i]) if earlier.i not in above
                         for key in [self.at(earlier)] if key is not None and self.type_of(key) in types), None)  # fmt: skip
        found = next(governing, None) or self._previous_subject(token, types)
        if found is not None:
            return found
        # "they" and "them" look back within their sentence only: across sentences (and quotes)
        # a plural pronoun too often means a group no entity names.
        plural = token.lower_ in PLURAL
        start = token.doc[sent.start - 1].sent.start if sent.start > 0 and not plural else sent.start
        for earlier in reversed(token.doc[start : token.i]):
            key = self.at(earlier)
            if key is not None and self.type_of(key) in types and not (objects and earlier.i in subjects):
                return key
        return None

    def _previous_subject(self, token: Token, types: tuple[EntityType, ...]) -> str | None:
        """ "Sacoolas ... was involved in a collision which killed Harry Dunn. *She* left the UK":
        a subject pronoun with nothing fitting before it in its sentence continues the subject of
        the sentence before, not its last name."""
        sent = token.sent
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ not in ("he", "she", "it") or sent.start == 0:
            return None  # "They called on ...": a plural may mean a group no one names
        if self.in_span(token.doc[sent.start : token.i], types):
            return None
        root = token.doc[sent.start - 1].sent.root
        return next((key for child in root.children if child.dep_ in ("nsubj", "nsubjpass")
                     for key in self.entities_of(child) if self.type_of(key) in types), None)  # fmt: skip

    def antecedents(self, token: Token) -> list[str]:
        """What a pronoun stands for; a plural one for every party of the list it points back at
        ("Burkina Faso and Mali impose bans after the US added *them*": both)."""
        key = self.antecedent(token)
        if key is None:
            return []
        if token.lower_ not in PLURAL:
            return [key]
        for earlier in reversed(token.doc[: token.i]):
            if self.at(earlier) != key:
                continue
            while earlier.head.i != earlier.i and self.at(earlier.head) == key:
                earlier = earlier.head  # the head of the name ("Faso" of "Burkina Faso")
            joined = [self.at(other) for other in earlier.conjuncts]
            return list(dict.fromkeys([key, *(found for found in joined if found is not None)]))
        return [key]

    def states_of(self, token: Token) -> list[str]:
        """States qualifying a phrase: "the Chinese PLA Navy" -> China, "Russian President X" -> Russia;
        none for a phrase that names its members ("Iran's critics, which include X")."""
        if members_named(token) or _describes_next_subject(token):
            return []
        keys = (self.at(child) for head in (token, *token.conjuncts) for child in head.children if child.dep_ in QUALIFIERS)
        return list(dict.fromkeys(key for key in keys if key is not None and self.type_of(key) is EntityType.STATE))

    def owners_of(self, token: Token) -> list[str]:
        """Who holds what a phrase names: the states that qualify it (`states_of`), then the
        organizations in its possessive ("*the Black Sea Fleet's* frigate"); none for the participle
        of a maker ("an Elbonian-*made* drone": Elbonia made it)."""
        if token.lower_ in MAKERS:
            return []
        owning = (self.at(child) for head in (token, *token.conjuncts) for child in head.children if child.dep_ == "poss")
        organizations = [key for key in owning if key is not None and self.type_of(key) is EntityType.ORGANIZATION]
        return list(dict.fromkeys([*self.states_of(token), *([] if members_named(token) else organizations)]))

    def _phrase_entities(self, token: Token, qualifiers: bool, depth: int = 0) -> list[str]:
        named = self._named_phrase_entities(token, qualifiers, depth)
        group = self._group_heads.get(token.i) if depth == 0 else None
        if group is None and depth == 0 and token.lemma_.lower() in CROWDS:
            # "thousands of people protest", "a crowd of demonstrators": the group counted.
            group = next((self._group_heads[word.i] for word in OF_OBJECT.follow(token) if word.i in self._group_heads), None)
        return named or ([group] if group is not None else [])

    def _named_phrase_entities(self, token: Token, qualifiers: bool, depth: int) -> list[str]:
        key = self.at(token)
        if key is None:
            keys = self.antecedents(token)
            if len(keys) > 1:
                return keys
            key = keys[0] if keys else None
        asset = key is not None and self.type_of(key) is EntityType.MILITARY_ASSET
        if key is not None and asset and token.dep_ in ("nsubj", "agent", "pobj") and depth == 0:
            # "US troops defeated ISIS": troops act for whoever they belong to; "Cambodian and Thai
            # troops exchange fire": for each state of the list that qualifies them.
            for child in (child for word in self.inside(token, key) for child in word.children if child.dep_ in QUALIFIERS):
                if (first := self.at(child)) is not None and self.type_of(first) in _BODIES:
                    return list(dict.fromkeys(k for part in (child, *child.conjuncts)
                                              if (k := self.at(part)) is not None and self.type_of(k) in _BODIES))  # fmt: skip
        if key is not None:
            # "the USS Harry S. Truman aircraft carrier": the named asset, not the class noun.
            if not self.entities[key].named:
                modifiers = [self.at(child) for child in token.children if child.dep_ in ("compound", "appos")]
                key = next((other for other in modifiers if other is not None and self.entities[other].named), key)
            return [key]
        if depth > 2:
            return []
        for child in token.children:
            if child.dep_ == "appos":
                keys = [k for part in (child, *child.conjuncts) for k in self._phrase_entities(part, qualifiers, depth + 1)]
                if keys:
                    return keys
        members = [key for part in members_named(token) for key in self._phrase_entities(part, qualifiers, depth + 1)]
        if members:
            return members
        if not qualifiers:
            return []
        client = self._client(token)
        if client:
            return client
        for child in token.children:
            if child.dep_ in QUALIFIERS and not (child.dep_ == "poss" and token.lemma_.lower() in RELATIVES):
                keys = self._phrase_entities(child, qualifiers, depth + 1)
                if keys:
                    # "Cambodian and Thai forces", "Russian and Ukrainian officials": both.
                    conjuncts = child.conjuncts if token.lemma_.lower() in REPRESENTATIVES else ()
                    more = [self._phrase_entities(part, qualifiers, depth + 1) for part in conjuncts]
                    return list(dict.fromkeys([keys[0], *(found[0] for found in more if found)]))
        if token.lemma_.lower() in REPRESENTATIVES:
            # "delegates from Cambodia and Thailand", "the governments of X and Y": each party.
            return [key for obj in OF_OR_FROM_OBJECT.follow(token) for part in (obj, *obj.conjuncts)
                    for key in self._phrase_entities(part, qualifiers, depth + 1)]
        return []

    def _client(self, token: Token) -> list[str]:
        """The parties a patron backs, named between the participle of patronage and the head:
        "Islamic State-aligned *Allied Democratic Forces* rebels", "Rwanda-backed *M23* rebel
        forces" (common nouns only after the name, which ends in a proper noun: "Iran-backed
        Iraqi militias" name no party), its conjuncts too ("X-linked *Y and Z* rebels"); none
        where no name follows ("Rwanda-backed rebels": the patron stays the reading)."""
        patronage = _patronage_participle(token)
        if patronage is None:
            return []
        name_end = token.i - 1
        while name_end > patronage.i and token.doc[name_end].pos_ == "NOUN" and self.at(token.doc[name_end]) is None:
            name_end -= 1
        name = token.doc[name_end]
        if name_end <= patronage.i or name.pos_ != "PROPN":
            return []
        keys = (self.at(part) for part in sorted((name, *name.conjuncts), key=lambda part: part.i))
        return list(dict.fromkeys(key for key in keys if key is not None and self.entities[key].named
                                  and self.type_of(key) in PARTIES))  # fmt: skip

    def follow(self, token: Token, paths: Iterable[Path], *, qualifiers: bool = True,
               transparent: frozenset[str] = frozenset()) -> list[str]:  # fmt: skip
        """Entities reached from `token` by any of `paths`, in path order.

        A path ending in `*` takes every entity inside the phrase it reaches.
        """
        return list(dict.fromkeys(
            key for path in paths for reached in path.follow(token)
            for key in (self.in_span(reached.doc[reached.left_edge.i : reached.right_edge.i + 1]) if path.whole_phrase
                        else self.entities_of(reached, qualifiers=qualifiers, transparent=transparent))))  # fmt: skip


def _describes_next_subject(token: Token) -> bool:
    """A common noun the parser makes a second subject of its verb beside the name right after it
    ("Palestinian militant *group* Hamas calls", "the opposition Demokraatit wins"): it describes
    the name, and stands for no party of its own (nor for the state its demonym names)."""
    if token.dep_ != "nsubj" or token.pos_ != "NOUN" or token.i + 1 >= len(token.doc):
        return False
    return any(other.dep_ == "nsubj" and other.pos_ == "PROPN" and other.left_edge.i == token.i + 1
               for other in token.head.children)  # fmt: skip


def _passive_under_object(token: Token) -> bool:
    """`token` is the subject of a passive adverbial clause whose governing verb has a direct object
    ("X retakes *the town* after it was seized")."""
    clause = token.head
    return token.dep_ == "nsubjpass" and clause.dep_ == "advcl" and any(c.dep_ == "dobj" for c in clause.head.children)


def mention_spans(doc: Doc, entities: Iterable[Entity]) -> Iterator[tuple[Span, Entity]]:
    """The span of each mention of `entities`, in their order (none for a mention no token holds,
    nor for a state's or organization's after a stance prefix: `stance_prefixed`)."""
    for entity in entities:
        for mention in entity.mentions:
            if (span := doc.char_span(mention.start, mention.end, alignment_mode="expand")) is None:
                continue
            if entity.type not in _BODIES or not stance_prefixed(span, mention.start):
                yield span, entity


def stance_prefixed(span: Span, start: int) -> bool:
    """Whether the name at character `start` (in `span`'s first token or at its start) follows a stance
    prefix and its hyphen ("a *pro-*Iran rally", "*anti-*Hamas protests", patterns/word_lists.tsv
    stance_prefixes): it names the cause, not a party. Reads the few tokens before, not the whole text."""
    first = span[0]
    before = span.doc[max(0, span.start - 3) : span.start].text_with_ws + first.text[: max(0, start - first.idx)]
    return _STANCE.search(before) is not None


def _patronage_participle(token: Token) -> Token | None:
    """The participle that joins a patron to the phrase headed by `token` with a hyphen ("Rwanda-*backed*")."""
    return next((child for child in token.children if child.dep_ == "amod" and child.lower_ in PATRONAGE
                 and child.i > 0 and child.doc[child.i - 1].text == "-"), None)  # fmt: skip


def members_named(token: Token) -> list[Token]:
    """The members a group of the noun `token` names: "his critics, *which include* Greenpeace",
    "critics, *including* the UN and the EU" (the heads of the listed phrases)."""
    listed = [obj for child in token.children if child.dep_ == "prep" and child.lower_ == "including"
              for obj in child.children if obj.dep_ == "pobj"]  # fmt: skip
    listed += [obj for child in token.children if child.dep_ == "relcl" and child.lemma_.lower() == "include"
               and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE for c in child.children)
               for obj in child.children if obj.dep_ == "dobj"]  # fmt: skip
    return [part for head in listed for part in (head, *head.conjuncts)]


def _starts_clause(token: Token, conjunct: Token) -> bool:
    """ "defeated ISIS and Turkey would be moving ...": an object's conjunct followed by a verb is
    the subject of a new clause the parser attached to the object."""
    if token.dep_ not in ("dobj", "pobj", "dative", "attr"):
        return False
    after = conjunct.right_edge.i + 1
    if after >= len(conjunct.doc) or conjunct.doc[after].pos_ not in ("AUX", "VERB"):
        return False
    following = conjunct.doc[after]
    verb = following.head if following.dep_ in ("aux", "auxpass") else following
    # Only a verb left without a subject of its own lost it to the object's list.
    return not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


# A time after these words bounds a state ("since 2000"), it does not date the event.
NOT_WHEN = frozenset({"since", "until", "till", "before", "after", "by", "from"})


def clause_time(token: Token, times: list[tuple[int, int, Interval]], *, not_after: frozenset[str] = NOT_WHEN,
                own_year: bool = True, published: int | None = None) -> Interval | None:  # fmt: skip
    """The time expression of a trigger's own clause: inside the subtree of the trigger or of
    the verb whose object or subject it is ("held a phone call last week"), nearest first.
    Times right after a word of `not_after` are left out, and so is a year that modifies another
    noun than the trigger (`_year_of_a_noun`), or the trigger itself unless `own_year`, but for the
    `published` year: the year an event is reported in is its year nearly always, whatever noun the
    sentence hangs it on ("rallied ... to protest the results of the 2020 election", in 2020)."""
    clause = token
    if token.pos_ == "NOUN":
        # A noun trigger is dated by the clause it stands in: "held a phone call last week",
        # "has been the subject of sanctions since 2011".
        node = token
        for _ in range(4):
            if node.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep") or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                clause = node
                break
    low, high = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    found = []
    for start, end, interval in times:
        if not (low <= start and end <= high):
            continue
        first = token.doc.char_span(start, end, alignment_mode="expand")
        if first is not None and (first.start > 0 and token.doc[first.start - 1].lower_ in not_after
                                  or _embedded(first.root, clause, token) or _year_of_a_noun(first, token, own_year, published)):  # fmt: skip
            continue
        found.append((min(abs(start - token.idx), abs(end - token.idx)), interval))
    if found:
        return min(found, key=lambda item: item[0])[1]
    return _governing_time(clause, times, not_after)


# A bare year ("1974", "2024").
_BARE_YEAR = re.compile(r"^(1[89]|2[01])\d\d$")


def _year_of_a_noun(time: Span, trigger: Token, own: bool = True, published: int | None = None) -> bool:
    """The time is a bare year, not the `published` one, that modifies a noun other than the trigger:
    "reviving the *1974* disengagement framework", "following the *2024* invasion", "the proposed
    *2026* budget" date the framework, the invasion, the budget, not the event of the clause. The
    trigger's own year dates it ("the *2024* invasion"), unless not `own`; so does the year of the
    object the trigger acts on ("carried out the *2018* attack", "to host the *2026* conference")."""
    year = time.root
    if not (len(time) == 1 and _BARE_YEAR.match(year.text) is not None and year.dep_ in ("compound", "nummod", "amod", "nmod")
            and year.text != str(published)):  # fmt: skip
        return False
    noun = year.head
    if noun.i < year.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return not own or noun.i != trigger.i and not (noun.dep_ == "dobj" and noun.head.i == trigger.i)


EMBEDDING = frozenset({"advcl", "relcl", "ccomp", "acl"})
# Words that introduce an act at another time than the trigger's: an event noun ("resigns
# *following* criticism ... last year"), a gerund ("releases X *after* seizing it last Friday")
# or a clause ("expels X *after* Y expelled Z yesterday").
SEQUENCE = frozenset({"after", "following", "before", "since", "until"})
# Prepositions whose gerund is another act, the trigger's cause or object: "sentences X *for*
# killing Y in 2025", "accuses X *of* orchestrating an attack in May", "bars X *from* using the map
# next year". Not their nouns: "asked *for* X's resignation Monday night" is often the asking's time.
CAUSE_OR_OBJECT = frozenset({"for", "over", "of", "from"})


def _embedded(time: Token, clause: Token, trigger: Token) -> bool:
    """The time belongs to a clause inside the trigger's own: "the first strike since the
    ceasefire started *on April 16*", or to a noun in a prepositional phrase of the clause:
    "removed X following his conviction for perjury *in 2021*" dates the conviction, or to
    another act (`_another_act`). A clause that modifies the trigger itself ("talks held on
    Monday") is the trigger's, unless "after", "before" ... opens it."""
    below = time
    for node in time.ancestors:
        if node.i in (clause.i, trigger.i):
            return False
        if (node.dep_ in EMBEDDING and node.pos_ in ("VERB", "AUX") and node.head.i != trigger.i) or (
            node.pos_ == "NOUN" and node.dep_ == "pobj" and below.dep_ in ("prep", "acl")
        ):
            return True
        if _another_act(node):
            return True
        below = node
    return False


def _another_act(node: Token) -> bool:
    """`node` heads another act than the trigger's: the event noun of a SEQUENCE preposition
    ("following the 2022 *break*"; "following" may be parsed as a verb), the gerund of one or of a
    CAUSE_OR_OBJECT preposition ("for *killing*"), or an adverbial clause a SEQUENCE conjunction
    opens ("after Y *expelled* Z")."""
    if node.dep_ == "advcl":
        return any(child.dep_ == "mark" and child.lower_ in SEQUENCE for child in node.children)
    if node.head.dep_ != "prep":
        return False
    preposition = node.head.lower_
    if node.pos_ == "VERB" and node.dep_ == "pcomp":
        return preposition in SEQUENCE or preposition in CAUSE_OR_OBJECT
    return node.pos_ == "NOUN" and node.dep_ in ("pobj", "dobj") and preposition in SEQUENCE


# A clause dated by the verb that governs it: "On Monday, X reported Iran *issued* warrants",
# "On Monday, X joined the calls *asking* Y to ...".
GOVERNED = frozenset({"conj", "ccomp", "xcomp", "acl", "dobj"})


def _governing_time(clause: Token, times: list[tuple[int, int, Interval]], not_after: frozenset[str]) -> Interval | None:
    """The time that modifies a verb governing `clause` directly ("On Monday" on "reported"),
    up to three verbs up, nearest verb first."""
    node = clause
    for _ in range(3):
        if node.dep_ not in GOVERNED or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        for start, end, interval in times:
            span = clause.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            attached = root.head.i == node.i or (
                root.head.dep_ == "prep" and root.head.head.i == node.i and root.head.lower_ not in not_after
            )
            if attached and root.dep_ in ("npadvmod", "pobj", "advmod", "tmod"):
                return interval
    return None


def sentence_evidence(sentence: Span) -> Mention:
    """The evidence of a claim: its sentence, without the line break or spaces that end it."""
    text = sentence.text.rstrip()
    return Mention(sentence.start_char, sentence.start_char + len(text), text)


def topic_line_end(article: Article) -> int:
    """Where the title ends when it is a topic line, no sentence of the article: every stage reads
    its facts from the body (0 for a headline, a sentence like any other)."""
    return len(article.title) if article.title and article.source in TOPIC_SOURCES else 0


DEFINITE = frozenset({"the", "this", "that"})


def definite(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in DEFINITE for child in noun.children)


PARTIES = (EntityType.PERSON, EntityType.STATE, EntityType.ORGANIZATION)


def parties(keys: Iterable[str], index: EntityIndex) -> list[str]:
    return [key for key in keys if index.type_of(key) in PARTIES]


def groups(keys: Iterable[str], index: EntityIndex) -> list[str]:
    return [key for key in keys if index.type_of(key) is EntityType.GROUP]


def named_by(head: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
    """The parties `paths` reach from `head`."""
    return parties(index.follow(head, paths), index)


def acting(head: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
    """The parties `paths` reach from `head`, else the groups no one names ("gunmen")."""
    reached = index.follow(head, paths)
    return parties(reached, index) or groups(reached, index)


def named(keys: Iterable[str], index: EntityIndex) -> list[str]:
    """`keys` less the groups no name stands for ("gunmen")."""
    return [key for key in keys if index.type_of(key) is not EntityType.GROUP]
