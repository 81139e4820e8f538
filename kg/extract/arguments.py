"""Arguments of a trigger: tokens reached by dependency paths -> entity keys (part of extract).

`EntityIndex` maps every token covered by an entity mention to that entity's key. `entities_of`
reads a noun phrase the way an analyst does: the entity it names ("Venezuelan President Nicolás
Maduro" -> Maduro), else the entity in apposition, else the entity that qualifies it ("his
Venezuelan counterpart" -> Venezuela, "the group's leader" -> the group); conjuncts count too
("the UK, Canada and Norway").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from kg.extract.paths import Path
from kg.records import Entity, EntityType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependents inside a noun phrase that may name what the phrase stands for.
QUALIFIERS = ("compound", "amod", "poss", "nmod", "npadvmod")


class EntityIndex:
    """Which entity each token of a Doc belongs to."""

    def __init__(self, doc: "Doc", entities: Iterable[Entity]) -> None:
        self.doc = doc
        self.entities = {entity.key: entity for entity in entities}
        self._by_token: dict[int, str] = {}
        spans: list[tuple[int, int, int, str]] = []
        for entity in self.entities.values():
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    spans.append((len(span), span.start, span.end, entity.key))
        # Longest first, so that shorter mentions win their tokens: "USS Ford" inside
        # "USS Ford Carrier Strike Group" keeps the ship when both are entities.
        for _, start, end, key in sorted(spans, key=lambda item: (-item[0], item[1], item[3])):
            for i in range(start, end):
                self._by_token[i] = key

    def at(self, token: "Token") -> str | None:
        return self._by_token.get(token.i)

    def type_of(self, key: str) -> EntityType:
        return self.entities[key].type

    def in_span(self, span: "Span", types: Iterable[EntityType] | None = None) -> list[str]:
        """Entities with a token in `span`, in order of first appearance."""
        allowed = set(types) if types is not None else None
        found: list[str] = []
        for token in span:
            key = self._by_token.get(token.i)
            if key is not None and key not in found and (allowed is None or self.entities[key].type in allowed):
                found.append(key)
        return found

    def entities_of(self, token: "Token", *, qualifiers: bool = True) -> list[str]:
        """The entities a noun phrase headed by `token` stands for, conjuncts included.

        Without `qualifiers`, a plural common noun does not stand for the entity that qualifies
        it: "six Chinese officials" are not China.
        """
        found: list[str] = []
        for head in (token, *token.conjuncts):
            if not qualifiers and head.tag_ == "NNS" and self.at(head) is None:
                continue
            key = self._phrase_entity(head)
            if key is not None and key not in found:
                found.append(key)
        return found

    def _phrase_entity(self, token: "Token", depth: int = 0) -> str | None:
        key = self.at(token)
        if key is not None or depth > 2:
            return key
        for child in token.children:
            if child.dep_ == "appos":
                key = self.at(child) or self._phrase_entity(child, depth + 1)
                if key is not None:
                    return key
        for child in token.children:
            if child.dep_ in QUALIFIERS:
                key = self.at(child) or self._phrase_entity(child, depth + 1)
                if key is not None:
                    return key
        return None

    def follow(self, token: "Token", paths: Iterable[Path], *, qualifiers: bool = True) -> list[str]:
        """Entities reached from `token` by any of `paths`, in path order."""
        found: list[str] = []
        for path in paths:
            for reached in path.follow(token):
                for key in self.entities_of(reached, qualifiers=qualifiers):
                    if key not in found:
                        found.append(key)
        return found
