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
        """The tokens this path reaches from `token` (possibly none)."""
        doc = token.doc
        current = [token]
        for step in self.steps:
            if step.down:
                children, deps = _tree(doc)
                reached: list[Token] = []
                for node in current:
                    for i in children[node.i]:
                        if deps[i] == step.dep_id and step.allows(doc[i]):
                            reached.append(doc[i])
                current = reached
            else:
                current = [node.head for node in current
                           if node.dep_ == step.dep and node.head is not node and step.allows(node.head)]  # fmt: skip
        return current


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
