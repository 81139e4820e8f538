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
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_STEP = re.compile(r"([<>])([a-z:]+)(?:\[(\^?)([^\]]*)\])?")


@dataclass(frozen=True, slots=True)
class Step:
    down: bool
    dep: str
    lemmas: frozenset[str] | None
    excluded: bool  # `[^...]`: the lemmas are the ones not allowed

    def allows(self, token: Token) -> bool:
        return self.lemmas is None or (token.lemma_.lower() in self.lemmas) != self.excluded


@dataclass(frozen=True, slots=True)
class Path:
    text: str
    steps: tuple[Step, ...]
    whole_phrase: bool  # a trailing `*`: every entity in the reached phrase counts

    def follow(self, token: Token) -> list[Token]:
        """The tokens this path reaches from `token` (possibly none)."""
        current = [token]
        for step in self.steps:
            if step.down:
                current = [child for node in current for child in node.children
                           if child.dep_ == step.dep and step.allows(child)]  # fmt: skip
            else:
                current = [node.head for node in current
                           if node.dep_ == step.dep and node.head is not node and step.allows(node.head)]  # fmt: skip
        return current


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
# from-phrase ("delegates *from Cambodia*"), of a passive's by-phrase, the direct object and the subject.
OF_OBJECT, OF_OR_FROM_OBJECT = parse_path(">prep[of]>pobj"), parse_path(">prep[of,from]>pobj")
AGENT_OBJECT, OBJECT, SUBJECT = parse_path(">agent>pobj"), parse_path(">dobj"), parse_path(">nsubj")
