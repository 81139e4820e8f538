"""Extract stage, entities: parties named without their names ("Conservative MP X", "X, a Democrat").

Input: the annotated Doc, the mention candidates, the title phrases and the Gazetteer. Output:
`party_word_mentions(...)`, the candidates with a mention of the party for each word that names
it (`party_names`: "Conservative" of the "Conservative Party", patterns/party_words.tsv) right
before a title, a member's noun or a person's name, or predicated of someone.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.memberships import load_membership_cues
from kg.extract.names import GENERIC_HEADS, MentionCandidate, candidate_of, only, party_words, token_owners
from kg.extract.role_words import RoleWord
from kg.extract.roles import PARTY
from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.nlp import tokens_whose
from kg.records import EntityType


def party_word_mentions(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]],
                        gazetteer: Gazetteer) -> list[MentionCandidate]:
    """A party named without its name: its name without the kind noun or a member noun
    (patterns/party_words.tsv), capitalised, right before a title, a member's noun (a
    legislature's generic name between) or a person's name ("Conservative MP X", "the
    Republican Senate Majority Leader", "Republican members of the House", "Democrat X"), or
    predicated of someone ("X is a Republican", "X, a Democrat, said"). A name the model made of
    it and the legislature's generic name ("Republican Senate") gives way to it."""
    words = sorted(party_names(gazetteer).items(), key=lambda item: -len(item[0]))  # "Liberal Democratic" first
    title_starts = {start for start, _, _ in titles}
    member_nouns = {cue.cue for cue in load_membership_cues().values() if cue.frame in ("party-member", "member-of")}
    by_token = token_owners(candidates)
    people = [c for c in candidates if c.type is EntityType.PERSON]
    person_starts = {c.start for c in people}
    person_tokens = token_owners(people)
    replaced: set[int] = set()
    found: list[MentionCandidate] = []
    first_words = {name[0] for name, _ in words}
    for start in (token.i for token in tokens_whose(doc, "ORTH", {word.lower() for word in first_words}) if token.text in first_words):
        for name, entry in words:
            end = start + len(name)
            if tuple(token.text for token in doc[start:end]) != name:
                continue
            after = end
            while after < len(doc) and doc[after].is_title and doc[after].lower_ in GENERIC_HEADS:
                after += 1  # "Republican Senate Majority Leader", "Democratic House Speaker"
            held = {id(by_token[i]): by_token[i] for i in range(start, after) if i in by_token}
            if any(c.entry is not None or c.start < start or c.end > after for c in held.values()):
                continue
            word = doc[start]
            named = after < len(doc) and (after in title_starts or after in person_starts or doc[after].lower_ in member_nouns
                                          or doc[after].lemma_.lower() in member_nouns)  # fmt: skip
            named = named or (word.pos_ in ("NOUN", "PROPN") and end == start + 1 and (
                (word.dep_ == "attr" and word.head.lemma_ == "be") or (word.dep_ == "appos" and word.head.i in person_tokens)))
            if named:
                replaced.update(held)
                found.append(candidate_of(doc[start:end], entry, weight=1))
                by_token.update({i: found[-1] for i in range(start, end)})
                break
    return [c for c in candidates if id(c) not in replaced] + found


@lru_cache(maxsize=4)
def party_names(gazetteer: Gazetteer) -> dict[tuple[str, ...], GazetteerEntry]:
    """The words that name a party without its name: the capitalised words of its
    name before "Party" ("Conservative Party" -> Conservative) that name nothing
    else in the gazetteer and no other party, and the words of patterns/party_words.tsv whose party
    the gazetteer knows as one party."""
    found: dict[tuple[str, ...], dict[str, GazetteerEntry]] = {}
    for entry in gazetteer.entries:
        for words in (tuple(name.split()) for name in entry.names if entry.kind == PARTY):
            if len(words) > 1 and words[-1] == "Party" and all(w[:1].isupper() and w.isalpha() for w in words[:-1]):
                found.setdefault(words[:-1], {})[entry.qid or entry.name] = entry
    named = {words: next(iter(entries.values())) for words, entries in found.items()
             if len(entries) == 1 and not gazetteer.lookup(" ".join(words))}  # fmt: skip
    for row in party_words():
        party = only(e for e in gazetteer.lookup(row.party) if e.kind == PARTY)
        if party is not None:
            named[tuple(row.word.split())] = party
    return named
