"""Dependency paths: the small language in which patterns/ name where an argument stands.

A path is a sequence of steps from a trigger token. `>dep` goes down to the children attached
by `dep`; `<dep` goes up to the head when the current token is attached by `dep`. A step may
restrict lemmas (of the child going down, of the head going up): `>prep[with,against]>pobj`
is "the object of a with- or against-phrase of the trigger"; `<dobj>nsubj` is "the subject of
the verb whose direct object the trigger is" ("held talks": the holder). `[^face,suffer]` allows
every lemma but those ("faces attacks": the subject suffers them). A trailing `*` takes
every entity inside the phrase reached ("sanctions on six officials, *including* ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.strings import get_string_id

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

_STEP = re.compile(r"([<>])([a-z:]+)(?:\[(\^?)([^\]]*)\])?")
_TREE = "kg_tree"  # Doc.user_data key: each token's children and dependency label (`_tree`)


def _tree(doc: Doc) -> tuple[list[list[int]], list[int]]:
    """Each token's children (their positions, in order, as Token.children gives them) and each
    token's dependency label hash, read once per Doc from its arrays: no Token object for each."""
    tree: tuple[list[list[int]], list[int]] | None = doc.user_data.get(_TREE)
    if tree is None:
        children: list[list[int]] = [[] for _ in range(len(doc))]
        heads = doc.to_array("HEAD").astype("int64").tolist()  # offsets of the heads, stored unsigned
        for i, offset in enumerate(heads):
            if offset:
                children[i + offset].append(i)
        tree = doc.user_data[_TREE] = (children, doc.to_array("DEP").tolist())
    return tree


@dataclass(frozen=True, slots=True)
class Step:
    down: bool
    dep: str
    lemmas: frozenset[str] | None
    excluded: bool  # `[^...]`: the lemmas are the ones not allowed
    dep_id: int = field(init=False, repr=False, compare=False)  # the hash of `dep`, as Token.dep gives it

    def __post_init__(self) -> None:
        object.__setattr__(self, "dep_id", get_string_id(self.dep))

    def allows(self, token: Token) -> bool:
        return self.lemmas is None or (token.lemma_.lower() in self.lemmas) != self.excluded


@dataclass(frozen=True, slots=True)
class Path:
    text: str
    steps: tuple[Step, ...]
    whole_phrase: bool  # a trailing `*`: every entity in the reached phrase counts

    def follow(self, token: Token) -> list[Token]:
        """The tokens this path reaches from `token` (possibly none). Its first step also goes from
        the words `token` stands in for (`_stand_ins`) where `token` itself reaches nothing."""
        current = _first_step(token, self.steps[0])
        for step in self.steps[1:]:
            current = _step(current, step)
        return current


def _step(nodes: list[Token], step: Step) -> list[Token]:
    """The tokens one step reaches from `nodes`."""
    if not step.down:
        return [node.head for node in nodes if node.dep_ == step.dep and node.head.i != node.i and step.allows(node.head)]
    if not nodes:
        return []
    children, deps = _tree(nodes[0].doc)
    return [nodes[0].doc[i] for node in nodes for i in children[node.i] if deps[i] == step.dep_id and step.allows(nodes[0].doc[i])]


def _first_step(token: Token, step: Step) -> list[Token]:
    """The first step of a path from `token`, else from what `token` stands in for: a quantity noun
    over it passes it its place and its own dependents ("launched *a series of* airstrikes on X",
    "*Israel's wave of* strikes"); a passive participle conjoined to another shares its subject
    and its agent ("were shot and killed *by* X": both participles)."""
    reached = _step([token], step)
    if reached:
        return reached
    for stand_in in _stand_ins(token, step):
        reached = [node for node in _step([stand_in], step) if node.i != token.i]
        if reached:
            return reached
    return []


def _stand_ins(token: Token, step: Step) -> list[Token]:
    """The words whose step `token` may take: the quantity noun whose of-phrase `token` heads ("a
    *barrage* of missiles"); for a passive participle of a pair with an agent, the participle it is
    conjoined to (its subject: "were shot and *killed* by X") or, for the agent, its conjoined
    participle that has one ("were *shot* and killed by X"). A pair with no agent ("were
    intercepted and destroyed") shares nothing here."""
    found: list[Token] = []
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.dep_ == "prep":
        quantity = token.head.head
        if quantity.pos_ == "NOUN" and quantity.lemma_.lower() in _quantity_nouns():
            found.append(quantity)
    if step.down and token.tag_ == "VBN" and step.dep in ("nsubjpass", "agent"):
        if (step.dep == "nsubjpass" and token.dep_ == "conj" and token.head.tag_ == "VBN"
                and not _subject(token) and any(child.dep_ == "agent" for child in (*token.children, *token.head.children))):  # fmt: skip
            found.append(token.head)
        elif step.dep == "agent":
            found += [conj for conj in token.conjuncts
                      if conj.i > token.i and conj.tag_ == "VBN" and conj.head.i == token.i and not _subject(conj)]  # fmt: skip
    return found


def _subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "auxpass") for child in verb.children)


@lru_cache(maxsize=1)
def _quantity_nouns() -> frozenset[str]:
    from kg.extract.lexicon import WORDS  # the lexicon reads its paths with this module

    return WORDS["quantity_nouns"]


def heads_reached(token: Token, paths: Iterable[Path]) -> list[Token]:
    """The words `paths` reach from `token`, path by path, each followed by its conjuncts ("nine
    Nigerian troops *and* a police officer")."""
    return [head for path in paths for reached in path.follow(token) for head in (reached, *reached.conjuncts)]


def parse_path(text: str) -> Path:
    """Parse `>prep[with]>pobj`; a ValueError names what is wrong."""
    steps: list[Step] = []
    position = 0
    body = text.removesuffix("*")
    while position < len(body):
        match = _STEP.match(body, position)
        if match is None:
            raise ValueError(f"bad dependency path {text!r} at character {position}")
        direction, dep, excluded, lemmas = match.groups()
        allowed = frozenset(word.strip().lower() for word in lemmas.split(",") if word.strip()) if lemmas else None
        steps.append(Step(direction == ">", dep, allowed, bool(excluded)))
        position = match.end()
    if not steps:
        raise ValueError("empty dependency path")
    return Path(text, tuple(steps), body != text)


# Paths several stages read: the object of an of-phrase ("the president *of France*"), of an of- or
# from-phrase ("delegates *from Cambodia*"), of a passive's by-phrase, the direct object, the subject,
# a negation and an infinitive's "to" ("to be").
OF_OBJECT, OF_OR_FROM_OBJECT = parse_path(">prep[of]>pobj"), parse_path(">prep[of,from]>pobj")
AGENT_OBJECT, OBJECT, SUBJECT = parse_path(">agent>pobj"), parse_path(">dobj"), parse_path(">nsubj")
NEGATION, INFINITIVE = parse_path(">neg"), parse_path(">aux[to]")
