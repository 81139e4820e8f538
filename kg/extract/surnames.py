"""Extract stage, entities: lone surnames of people the gazetteer knows, where the model misses them.

Input: the annotated Doc, the mention candidates so far and the entity `Context`. Output:
`untagged_surnames(...)`, the mentions of known people the model left untagged ("Trump, Rubio
and Hegseth met", "Trump signs ..." read as a noun). A surname counts only when it is one known
person's and the article names that person in full or they hold an office on the article's date
(`known_here`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.names import Context, MentionCandidate, candidate_of, latin_key, name_words, surname_entry, token_owners
from kg.gazetteer import GazetteerEntry
from kg.nlp import doc_text
from kg.records import EntityType


def untagged_surnames(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """A capitalised word the model left untagged that is the surname of one known person
    ("Trump, Rubio and Hegseth met"), when the article names that person in full or they hold
    office on its date; a word the tagger read as another part of speech ("Trump signs ...")
    only when the article names that person elsewhere. A word that is also a gazetteer name
    ("Jordan") or part of a longer capitalised name ("Trump Tower") is not one."""
    taken = token_owners(candidates)
    named = {name_words(c.name)[-1] for c in candidates if c.type in (EntityType.PERSON, EntityType.ORGANIZATION) and c.name}
    found: list[MentionCandidate] = []
    for token in doc:
        if token.i in taken or token.ent_type_ or not token.is_title:
            continue
        if token.pos_ != "PROPN" and latin_key(token.text) not in named:
            continue  # "Trump signs ..." read as a noun: only a name the article names otherwise
        if any(0 <= j < len(doc) and doc[j].is_title and not (j < token.i and token.is_sent_start)
               for j in (token.i - 1, token.i + 1)):  # fmt: skip
            continue
        person = surname_entry(token.text, context)
        if person is None or context.gazetteer.lookup(token.text) or not known_here(person, doc, context):
            continue
        found.append(candidate_of(doc[token.i : token.i + 1], person, weight=1))
    return found


def known_here(person: GazetteerEntry, doc: Doc, context: Context) -> bool:
    """The article names `person` in full, or they hold an office on the article's date."""
    return any(name in doc_text(doc) for name in person.names if " " in name) or in_office(person, context)


def in_office(person: GazetteerEntry, context: Context) -> bool:
    """`person` holds an office on the article's date."""
    return context.day is not None and person.qid is not None and any(
        t.held_on(context.day) for t in context.gazetteer.tenures_of(person.qid))  # fmt: skip
