"""Extract stage, entities: long organization names the model cuts into pieces.

Input: an annotated Doc and its entity spans. Output: `with_long_names(doc, ents) -> list[Span]`,
the spans with every "X for the Y of Z" name ("Alliance for the Union of Romanians",
"Popular Front for the Liberation of Palestine") as one ORG span in place of the pieces it
covers.

A name is a chain of capitalised runs joined by "of", "for", "the", "and"; it starts at the
first run that ends in an organization noun ("Alliance", "Front", "Army") or a name the model
tagged ORG ("Liberation Tigers" of "Liberation Tigers of Tamil Eelam") and goes on to the
last run of the chain, so "Review of the Designation of Popular Front for ..." names the
Front, not the review. A run stops where a person's name starts. A gazetteer span
(`Span.ent_id_`) that the chain does not hold whole, or that starts or ends it, keeps the words:
the gazetteer knows the name better, and "the Army of Sudan" stays a mention of Sudan.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import WORDS
from kg.extract.names import GENERIC_HEADS, HYPHENS, TITLE_WORDS, not_entities
from kg.extract.role_words import load_role_words
from kg.patterns import load_labels
from kg.records import EntityType

# The last word of the first part of a long organization name.
ORGANIZATION_NOUNS = GENERIC_HEADS | WORDS["organization_nouns"]
CONNECTORS = frozenset({"of", "for", "the", "and"})


def with_long_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with each long organization name of `doc` as one ORG span in place of its pieces,
    and a gazetteer organization's name with capitalised words before it (no title, article or
    name of their own, a sentence's first word only as a proper noun) as the longer ORG name it is part of: the
    "Supreme National Security Council" is not the "National Security Council", nor the "New
    Democratic Party" the "Democratic Party"."""
    organization_labels, role_words = _longer_name_words()
    ents = [_longer_name(doc, e, role_words) if e.ent_id_ and e.label_ in organization_labels else e for e in ents]
    organizations = {e.end for e in ents if e.label_ == "ORG" and not e.ent_id_}
    for start, end in _chains(doc, organizations):
        inside = [e for e in ents if e.start < end and start < e.end]
        if any(e.ent_id_ and (e.start <= start or e.end >= end) for e in inside):
            continue
        ents = sorted([e for e in ents if e not in inside] + [Span(doc, start, end, label="ORG")], key=lambda e: e.start)
    return ents


@lru_cache(maxsize=1)
def _longer_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """The entity ruler's organization labels, and the words that end a longer name going back: titles,
    connectors, role words, and the words that are no name alone (patterns/not_entities.tsv), such as a
    people's ("Tuareg [Azawad Liberation Front] rebels": the known name, not one fused with the people)."""
    organization_labels = frozenset(label for label, spec in load_labels().items() if spec.type is EntityType.ORGANIZATION)
    return organization_labels, TITLE_WORDS | CONNECTORS | frozenset(load_role_words()) | not_entities().names


def _longer_name(doc: Doc, ent: Span, stop_words: frozenset[str]) -> Span:
    """A gazetteer organization's span, with the capitalised words before it that are none of `stop_words`."""
    start = ent.start
    while start > 0 and _capitalised(before := doc[start - 1]) and not before.ent_type_ \
            and (before.pos_ == "PROPN" or not before.is_sent_start) and before.lower_ not in stop_words:  # fmt: skip
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label="ORG")


def _chains(doc: Doc, organizations: set[int]) -> list[tuple[int, int]]:
    """(start, end) of every chain of capitalised runs whose named part starts with an organization
    noun or a name the model tagged ORG (`organizations`: where those end)."""
    chains: list[tuple[int, int]] = []
    for sent in doc.sents:
        runs = _runs(sent)
        i = 0
        while i < len(runs):
            j = i
            while j + 1 < len(runs) and _joined(doc, runs[j][1], runs[j + 1][0]):
                j += 1
            first = next((k for k in range(i, j) if doc[runs[k][1] - 1].lower_ in ORGANIZATION_NOUNS
                          or runs[k][1] in organizations), None)  # fmt: skip
            if first is not None:
                chains.append((runs[first][0], runs[j][1]))
            i = j + 1
    return chains


def _runs(sent: Span) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised words."""
    runs: list[tuple[int, int]] = []
    doc, i, sent_end = sent.doc, sent.start, sent.end
    while i < sent_end:
        if not _capitalised(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < sent_end and _capitalised(doc[end]):
            if doc[end].ent_iob_ == "B" and doc[end].ent_type_ == "PERSON":
                break
            end += 1
        runs.append((i, end))
        i = end
    return runs


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper() and token.lower_ not in CONNECTORS


def hyphen_joined(doc: Doc, i: int, end: int) -> bool:
    """A hyphen at `i` with no space on either side and a word after it before `end`."""
    return i + 1 < end and doc[i].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _joined(doc: Doc, end: int, start: int) -> bool:
    """Only connectors between two runs, at least one of them "of" or "for"."""
    between: set[str] = set()
    for i in range(end, start):  # up to the first word that is no connector: runs can be a sentence apart
        if (word := doc[i].lower_) not in CONNECTORS:
            return False
        between.add(word)
    return not between.isdisjoint(("of", "for"))
