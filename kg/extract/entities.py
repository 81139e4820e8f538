"""Extract stage, entities: annotated Doc -> one Entity per real thing the article names.

Input: the Doc of `kg.nlp.annotate` (ruler and model entity spans), the Article and the
Gazetteer. Output: `find_entities(...) -> tuple[Entity, ...]`. Extractors map tokens back to
these entities with `kg.extract.arguments.EntityIndex`.

`find_entities` runs the steps in order; each one's docstring says what it reads. Each entity span
becomes a mention candidate, of a gazetteer entry or of a type (kg.extract.resolution), after long
"X for the Y of Z" names the model cuts up are joined (kg.extract.long_names) and an aircraft's or
weapon's designation is cut out of the names the model spans over it ("Venezuelan Air Force F-16":
kg.extract.asset_mentions). Names the model cut
wrong are mended, regions' names read whole and lone surnames of known people the model misses
added (kg.extract.name_spans), and names the gazetteer does not know typed by their sentence
(kg.extract.retyping). Then come states' governments and bodies and organizations named with a
state's name (kg.extract.state_bodies), parties named by a word (`_party_word_mentions`),
military assets (kg.extract.asset_mentions) and the people of a state struck
(`_victims_by_demonym`). An unknown organization takes the kind of the noun its name ends in
(patterns/org_kinds.tsv).

Within an article, mentions then merge into one entity per thing (kg.extract.coreference);
the word lists and data files a name is judged by, and the mention candidate record, are in
kg.extract.names. Actors with no name ("gunmen", "Israeli troops") are GROUP entities
(kg.extract.groups), found last, on the words no other entity or title holds.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.extract.asset_mentions import cut_at_designations, unnamed_assets
from kg.extract.coreference import merge, resolve_descriptions
from kg.extract.groups import find_groups
from kg.extract.long_names import with_long_names
from kg.extract.memberships import load_membership_cues
from kg.extract.name_spans import (
    extend_names, hyphenated_pairs, names_cut_by_known, names_over_states, numbered_units, outside_titles,
    region_names, untagged_surnames,
)  # fmt: skip
from kg.extract.names import (
    GENERIC_HEADS, HARM_VERBS, Context, MentionCandidate, candidate_of, only, org_kind, party_words, slug, surname_index,
    token_owners,
)  # fmt: skip
from kg.extract.resolution import resolve
from kg.extract.retyping import lone_words, retype
from kg.extract.role_words import RoleWord
from kg.extract.roles import PARTY
from kg.extract.title_phrases import role_phrases
from kg.extract.state_bodies import (
    governments, named_after_states, named_before_states, other_states_bodies, state_bodies,
)  # fmt: skip
from kg.gazetteer import Gazetteer, GazetteerEntry
from kg.nlp import entries_by_key, tokens_whose
from kg.patterns import load_labels
from kg.records import Article, Entity, EntityType, Mention


def find_entities(doc: Doc, article: Article, gazetteer: Gazetteer) -> tuple[Entity, ...]:
    """Every entity the article names, once, with all its mentions, in order of first mention."""
    context = Context(gazetteer, entries_by_key(gazetteer), load_labels(), article.published,
                      surname_index(gazetteer), len(article.title) if article.title else 0)  # fmt: skip
    ents = cut_at_designations(doc, with_long_names(doc, list(doc.ents)), gazetteer)
    resolved = [resolve(ent, context) for ent in ents]
    candidates = [c for c in resolved if c is not None]
    titles = role_phrases(doc)
    candidates = [c for c in candidates if c.entry is not None or outside_titles(doc, c, titles)]
    candidates = names_cut_by_known(doc, candidates)
    candidates = hyphenated_pairs(doc, candidates, context)
    candidates = numbered_units(doc, region_names(doc, candidates))
    candidates += untagged_surnames(doc, candidates, context)
    candidates = retype(doc, extend_names(doc, names_over_states(doc, candidates), titles), titles)
    candidates = lone_words(doc, governments(doc, candidates, context), context)
    candidates = named_after_states(doc, candidates)
    candidates = named_before_states(doc, candidates)
    candidates = state_bodies(doc, candidates, context)
    candidates = other_states_bodies(doc, candidates, context)
    candidates = _party_word_mentions(doc, candidates, titles, context.gazetteer)
    candidates += unnamed_assets(doc, candidates, context.labels)
    candidates += _victims_by_demonym(doc, candidates, context.gazetteer)
    groups = merge(doc, candidates, context)
    resolve_descriptions(doc, groups, titles, context)
    entities = _entities(doc, article, groups)
    return entities + find_groups(doc, article, entities, [(start, end) for start, end, _ in titles])


def _victims_by_demonym(doc: Doc, candidates: list[MentionCandidate], gazetteer: Gazetteer) -> list[MentionCandidate]:
    """ "Israeli strikes kill 26 *Palestinians*", "Two *Israelis* are wounded": a plural demonym
    (which the demonym ruler does not match) as the object or passive subject of a verb of harm
    (names.HARM_VERBS) names its state, the people of the state struck; not where they act
    ("Palestinians protest") or qualify another noun ("Palestinian officials")."""
    taken = {i for c in candidates for i in range(c.start, c.end)}
    found: list[MentionCandidate] = []
    for verb in tokens_whose(doc, "LEMMA", HARM_VERBS):
        for patient in (child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")):
            for people in (patient, *patient.conjuncts):
                entry = _people_state(people, gazetteer)
                if entry is not None and people.i not in taken:
                    found.append(candidate_of(doc[people.i : people.i + 1], entry, weight=1))
                    taken.add(people.i)
    return found


def _people_state(token: Token, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The state whose people a plural noun names by its demonym ("Palestinians", "Afghans")."""
    if token.tag_ not in ("NNPS", "NNS"):
        return None
    return next(iter(gazetteer.states_of_people(token.text)), None)


def _party_word_mentions(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]],
                        gazetteer: Gazetteer) -> list[MentionCandidate]:
    """A party named without its name: its name without the kind noun or a member noun
    (patterns/party_words.tsv), capitalised, right before a title, a member's noun (a
    legislature's generic name between) or a person's name ("Conservative MP X", "the
    Republican Senate Majority Leader", "Republican members of the House", "Democrat X"), or
    predicated of someone ("X is a Republican", "X, a Democrat, said"). A name the model made of
    it and the legislature's generic name ("Republican Senate") gives way to it."""
    words = sorted(_party_names(gazetteer).items(), key=lambda item: -len(item[0]))  # "Liberal Democratic" first
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
def _party_names(gazetteer: Gazetteer) -> dict[tuple[str, ...], GazetteerEntry]:
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


def _entities(doc: Doc, article: Article, groups: list[list[MentionCandidate]]) -> tuple[Entity, ...]:
    content = article.content
    entities: list[Entity] = []
    used: set[str] = set()
    for members in groups:
        head = members[0]
        chars = dict.fromkeys((span.start_char, span.end_char) for span in (doc[c.start : c.end] for c in members))
        mentions = sorted((Mention(start, end, content[start:end]) for start, end in chars), key=lambda m: m.start)
        names = [c for c in members if c.weight == 2]
        if head.entry is not None and (head.entry.qid or not names):
            label = head.entry.name
        elif head.entry is not None:  # a curated name with no QID: the fullest name the article writes
            label = max((doc[c.start : c.end].text.strip() for c in names), key=len)
        else:
            best = max(members, key=lambda c: (c.weight, len(doc[c.start : c.end].text)))
            label = doc[best.start : best.end].text.strip() if best.weight == 2 or not head.named else head.name
        key = slug(label)
        if key in used:
            key = f"{key}_{head.type.value.lower()}"
        while key in used:
            key += "_"
        used.add(key)
        kind = head.kind
        if kind is None and head.type is EntityType.ORGANIZATION and head.entry is None:
            kind = org_kind(label)
        entities.append(Entity(key, label, head.type, tuple(mentions), kind, head.named))
    return tuple(entities)
