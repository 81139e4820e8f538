"""Extract stage, entities: annotated Doc -> one Entity per real thing the article names.

Input: the Doc of `kg.nlp.annotate` (ruler and model entity spans), the Article and the
Gazetteer. Output: `find_entities(...) -> tuple[Entity, ...]`. Extractors map tokens back to
these entities with `kg.extract.arguments.EntityIndex`.

A ruler span names its gazetteer entry in `Span.ent_id_`; a model span is looked up in the
gazetteer by name, and a known name fixes the type (`_resolve`: a known leader tagged ORG is a
Person). A demonym or an abbreviation stands for its state, a capital for its state's government
unless the text uses it as a place (`_stands_for_government`), "the Trump administration" for the
state (`_governments`). A name the gazetteer does not know is typed by its sentence (`_retype`,
`_extend_names`, `_lone_words`), an unknown organization by the noun its name ends in
(patterns/org_kinds.tsv). `find_entities` runs the steps in order; each one's docstring says
what it reads.

Within an article, mentions then merge into one entity per thing (kg.extract.coreference);
the word lists and data files a name is judged by are in kg.extract.names. Long "X for the Y
of Z" names the model cuts up are joined first (kg.extract.long_names); lone surnames of known
people the model misses are added (kg.extract.surnames). Actors with no name ("gunmen",
"Israeli troops") are GROUP entities (kg.extract.groups), found last, on the words no other
entity or title holds.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from kg.extract.coreference import merge, resolve_descriptions
from kg.extract.assets import longest_asset_matches, unmoved
from kg.extract.groups import find_groups, load_agents
from kg.extract.lexicon import load_lexicons
from kg.extract.long_names import ORGANIZATION_NOUNS, hyphen_joined, with_long_names
from kg.extract.memberships import load_membership_cues
from kg.extract.names import (
    ACCEPTS, ACRONYM, ATTACK_NOUNS, DESIGNATOR, ELIDED_PARTICLE, FACILITY_NOUNS, GENERIC_HEADS, GOVERNMENT_NOUNS, GEO_NOUNS, GROUP_NAME_WORDS, HARM_VERBS, HEAD_ROLES,
    HELD_PLACE_VERBS, HYPHENS, INSTITUTION_NOUNS, MODEL_TYPES, MOTION,
    NAME_PARTICLES, PLACE_NOUNS, PLACE_PREPOSITIONS, PLACE_VERBS, POSSESSIVE, QUANTIFIERS, REGION_NAME_ENDS, REGION_NOUNS, TITLE_WORDS, Context, MentionCandidate,
    candidate_of, latin_key, name_group, name_words, not_entities, org_kind, owner_end, party_words, set_span, set_type, slug, surname_entry, surname_index, token_owners,
)  # fmt: skip
from kg.extract.roles import PARTY, RoleWord, load_role_words, role_phrases
from kg.extract.surnames import in_office, untagged_surnames
from kg.gazetteer import Gazetteer, GazetteerEntry, PhoenixPost, Tenure, acronym_key, normalize_key
from kg.nlp import CAPITAL, doc_text, entries_by_key, entry_key, tokens_whose
from kg.patterns import LabelSpec, load_labels
from kg.records import Article, AssetClass, Entity, EntityType, Mention


# Organization kinds a name takes from the noun after it ("the Los Choneros cartel").
GROUP_KINDS = frozenset({"CriminalOrganization", "NonStateArmedGroup", "PoliticalParty"})
# Nouns a place's name qualifies: places', facilities' and fighting's ("the Bukavu offensive").
PLACE_HEADS = PLACE_NOUNS | GEO_NOUNS | FACILITY_NOUNS | ATTACK_NOUNS
# The entity ruler's labels of known names that a longer name may start with another word before
# ("Royal Thai Navy", "Social Democratic Party"); not an organization's acronym ("the Hague NATO summit").
CUT_LABELS = frozenset({"STATE", "LOCATION", "PARTY", "GOV_BODY"})
# Kinds of organization that belong to one state, which another state may have one of by the same name.
STATE_KINDS = frozenset({"GovernmentBody", "ArmedForces", "MilitaryUnit", "NonStateArmedGroup", "PoliticalParty"})


def find_entities(doc: Doc, article: Article, gazetteer: Gazetteer) -> tuple[Entity, ...]:
    """Every entity the article names, once, with all its mentions, in order of first mention."""
    context = Context(gazetteer, entries_by_key(gazetteer), load_labels(), article.published,
                      surname_index(gazetteer), len(article.title) if article.title else 0)  # fmt: skip
    resolved = [_resolve(ent, context) for ent in with_long_names(doc, list(doc.ents))]
    candidates = [c for c in resolved if c is not None]
    titles = role_phrases(doc)
    candidates = [c for c in candidates if c.entry is not None or _outside_titles(doc, c, titles)]
    candidates = _names_cut_by_known(doc, candidates)
    candidates = _hyphenated_pairs(doc, candidates, context)
    candidates = _region_names(doc, candidates)
    candidates += untagged_surnames(doc, candidates, context)
    candidates = _retype(doc, _extend_names(doc, candidates, titles), titles)
    candidates = _lone_words(doc, _governments(doc, candidates, context), context)
    candidates = _named_after_states(doc, candidates)
    candidates = _named_before_states(doc, candidates)
    candidates = _state_bodies(doc, candidates, context)
    candidates = _other_states_bodies(doc, candidates, context)
    candidates = _party_words(doc, candidates, titles, context.gazetteer)
    candidates += _unnamed_assets(doc, candidates, context.labels)
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
    if token.tag_ not in ("NNPS", "NNS") or not token.text.endswith("s"):
        return None
    demonym = token.text[:-1]
    return next((entry for entry in gazetteer.lookup(demonym) if entry.type is EntityType.STATE and demonym in entry.demonyms), None)


def _names_cut_by_known(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """A capitalised word the model tagged as a name of its own right before a state's, place's, party's
    or government body's name the entity ruler matched ("[Royal] [Thai] Navy", "the [Social]
    [Democratic Party]", "[Credit] [Suisse]", "[Northern] [Ireland]") is the first word of one longer
    name the gazetteer does not know, with the capitalised words that go on after it, unless that
    name is an event's or a law's (patterns/not_entities.tsv); the known name is no mention there."""
    by_start = {c.start: c for c in candidates}
    taken = token_owners(candidates)
    cut: set[int] = set()
    for c in candidates:
        known = by_start.get(c.end)
        first = doc[c.start]
        if (not c.unknown_name or c.end - c.start != 1 or known is None or known.entry is None
                or first.tag_ != "NNP" or not first.is_title or not first.whitespace_
                or doc[known.start].ent_type_ not in CUT_LABELS):  # fmt: skip
            continue
        end = known.end
        while end not in taken and _proper_name_at(doc, end):
            end += 1
        cut.add(id(known))
        if not_entities().match(doc[c.start : end]):
            cut.add(id(c))  # "the [Northern] [Ireland] Legacy Act": a law
        set_span(c, doc[c.start : end])
    return [c for c in candidates if id(c) not in cut]


def _hyphenated_pairs(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """ "the Trump-Putin summit", "Russia-Ukraine talks": a name the gazetteer does not know made
    of parts joined by hyphens, each of which names one known state or person (a surname of
    kg.extract.surnames's known people), is a mention of each part."""
    result: list[MentionCandidate] = []
    for c in candidates:
        hyphens = [i for i in range(c.start + 1, c.end - 1) if doc[i].text in HYPHENS and not doc[i - 1].whitespace_]
        parts = [doc[start:end] for start, end in zip([c.start, *(i + 1 for i in hyphens)], [*hyphens, c.end])]
        known = [_known_part(part.text, context) for part in parts] if c.entry is None and hyphens else [None]
        if all(entry is not None for entry in known):
            result += [candidate_of(part, entry, weight=1) for part, entry in zip(parts, known) if entry is not None]
        else:
            result.append(c)
    return result


def _region_names(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "in Siversk, Donetsk Oblast", "Kyiv Oblast", "Rif Dimashq Governorate": the capitalised words
    right before a word that ends only a region's name (names.REGION_NAME_ENDS) name that region, one
    place, which the model often leaves untagged or cuts to the city or state inside it. The names
    that overlap it give way to it."""
    result = list(candidates)
    for end in (i + 1 for i, token in enumerate(doc) if _region_name_end(token)):
        start = _region_name_start(doc, end - 1)
        if start == end - 1:
            continue
        kept = [c for c in result if c.end <= start or c.start >= end]
        kept.append(_unknown(start, end, EntityType.LOCATION, doc[start:end].text))
        kept += _place_before_region(doc, start, kept)
        result = kept
    return result


def _place_before_region(doc: Doc, region_start: int, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "in Taganrog, Rostov Oblast": capitalised words no name holds, between a preposition and the
    comma before a region's name, are a place in that region."""
    comma = region_start - 1
    if comma < 2 or doc[comma].text != ",":
        return []
    start = _region_name_start(doc, comma)
    taken = token_owners(candidates)
    if start == comma or start == 0 or doc[start - 1].pos_ != "ADP" or any(i in taken for i in range(start, comma)):
        return []
    return [_unknown(start, comma, EntityType.LOCATION, doc[start:comma].text)]


def _region_name_end(token: Token) -> bool:
    """ "Oblast", "Governorate": a capitalised word that ends only a region's name (names.REGION_NAME_ENDS)."""
    return token.is_title and token.lower_ in REGION_NAME_ENDS


def _region_name_start(doc: Doc, last: int) -> int:
    """Where the capitalised words before token `last` start: proper nouns, with the words joined to
    them by a hyphen written without spaces ("Deir ez-Zor", "al-Mahrah", "Warmian–Masurian"); not "the", "In"."""
    start = last
    while start > 0:
        before = doc[start - 1]
        if before.text[:1].isupper() and before.is_alpha and before.pos_ == "PROPN":
            start -= 1
        elif before.text in HYPHENS and start > 1 and not before.whitespace_ and not doc[start - 2].whitespace_ \
                and doc[start - 2].is_alpha:  # fmt: skip
            start -= 2
        else:
            break
    return start


def _known_part(text: str, context: Context) -> GazetteerEntry | None:
    """The one state or person a part of a hyphenated name names ("Trump" of "Trump-Putin")."""
    found = [e for e in context.gazetteer.lookup(text) if e.type in (EntityType.STATE, EntityType.PERSON)]
    if found:
        return _only(found)
    person = surname_entry(text, context)
    return person if person is not None and in_office(person, context) else None


def _outside_titles(doc: Doc, candidate: MentionCandidate, titles: list[tuple[int, int, RoleWord]]) -> bool:
    """False for a name inside a title of more than one word ("State" of "Secretary of State"). A name
    the model ran on into a title that goes on to a name ("Coast Guard Commandant" Admiral X) ends
    before the title (not "the Council of Representatives"); False when no name is left before it."""
    if any(end - start > 1 and start <= candidate.start and candidate.end <= end for start, end, _ in titles):
        return False
    for start, end, _ in titles:
        if not candidate.start < start < candidate.end <= end:
            continue
        named = _proper_name_at(doc, end)  # the title goes on to a name
        if doc[start].is_title and named and doc[start - 1].lower_ != "of":
            span = doc[candidate.start : start]
            while span and (span[-1].is_punct or span[-1].pos_ in ("ADP", "CCONJ", "DET")):
                span = span[:-1]
            if not span or not any(t.is_title for t in span) or all(t.lower_ in _title_words() for t in span):
                return False  # nothing, or only more title ("[State for Justice] X" of "Secretary of State for Justice X")
            set_span(candidate, span)
    return True


def _extend_names(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]]) -> list[MentionCandidate]:
    """A person's name the model cut short ("Karim [Ahmad Khan]") takes the capitalised words before it,
    one it cut in two ("[José Adolfo] [Macías Villamar]", "[Dick van] der [Laan]") is one name, and
    so is one cut at a particle ("Valéry Giscard [d'Estaing]", "Ursula [von der Leyen]"). A state's
    name between a title and an unknown person's name is the person's first name ("Israeli defense
    minister [Israel] [Katz]"). A known organization's one-word name is a person's surname right after
    the person's name the model tagged ("Foreign Minister [Thérèse Kayikwamba] [Wagner]"), and a first
    name between a title and a capitalised word no gazetteer name holds ("Botswana president [Duma] Boko").
    An untagged name listed with a person's ("Darin LaHood and Mike Bost") is a person's."""
    title_ends = {end for _, end, _ in titles}
    for c in list(candidates):
        if c.type is not EntityType.PERSON or c.entry is not None:
            continue
        before = next((b for b in candidates if b.end == c.start and b.type is EntityType.STATE), None)
        if before is not None and before.start in title_ends and before.end - before.start == 1 and before.weight == 2:
            candidates.remove(before)
            c.start = before.start
        after = next((a for a in candidates if a.start == c.end and _one_word_organization(doc, a)), None)
        if after is not None and c.end - c.start > 1 and not _name_word_at(doc, after.end):
            candidates.remove(after)
            c.end = after.end
    for i, c in enumerate(candidates):
        if c.start in title_ends and _one_word_organization(doc, c) and _lone_name_word_at(doc, c.end):  # "[Duma] Boko"
            candidates[i] = _unknown(c.start, c.end + 1, EntityType.PERSON, doc[c.start : c.end + 1].text)
    unknown = {c.start: c for c in candidates if c.type is EntityType.PERSON and c.entry is None}
    # after a particle, any unknown name goes on a person's ("Ursula [von der] [Leyen]" with "Leyen" tagged GPE)
    named = {c.start: c for c in candidates if c.unknown_name and c.type is not EntityType.MILITARY_ASSET}
    removed: set[int] = set()  # the candidates taken out below
    for c in list(candidates):
        if c.type is not EntityType.PERSON or c.entry is not None or id(c) in removed:
            continue
        end = c.end
        while end < len(doc) and doc[end].text in NAME_PARTICLES:
            end += 1
        particle = end > c.end or doc[c.end - 1].text in NAME_PARTICLES
        after = named.get(end) if particle else unknown.get(end)
        if after is not None and after is not c:
            removed.add(id(candidates.pop(candidates.index(after))))
            c.end = after.end
        elif end < len(doc) and (particle and _proper_name_at(doc, end) and not doc[end].ent_type_
                                 or ELIDED_PARTICLE.match(doc[end].text)):  # fmt: skip
            c.end = end + 1
    candidates += _listed_people(doc, candidates)
    taken = token_owners(candidates).keys() | {i for s, e, _ in titles for i in range(s, e)}
    for c in candidates:
        if c.type is not EntityType.PERSON or c.entry is not None:
            continue
        start = c.start
        while start > 0 and start - 1 not in taken and _proper_name_at(doc, start - 1):
            if doc[start - 1].lower_ in _title_words() or doc[start].is_sent_start:
                break
            if start > 1 and doc[start - 2].lower_ in ("of", "for"):
                start = c.start  # "Minister of Economic Affairs Robert Habeck": a portfolio, not first names
                break
            start -= 1
        set_span(c, doc[start : c.end])
    return candidates


def _one_word_organization(doc: Doc, candidate: MentionCandidate) -> bool:
    """`candidate` is a known organization's name of one capitalised word ("Wagner", "Duma"), no acronym."""
    word = doc[candidate.start]
    return (candidate.entry is not None and candidate.type is EntityType.ORGANIZATION
            and candidate.end - candidate.start == 1 and word.is_title and word.is_alpha)  # fmt: skip


def _name_word_at(doc: Doc, i: int) -> bool:
    """The word at `i` is a capitalised word that no gazetteer name holds ("Boko", "B")."""
    return i < len(doc) and doc[i].is_title and doc[i].is_alpha and not doc[i].ent_id_


def _lone_name_word_at(doc: Doc, i: int) -> bool:
    """The word at `i` is such a name word (`_name_word_at`) and the word after it is none ("Boko
    declares", "Plan B,")."""
    return _name_word_at(doc, i) and not _name_word_at(doc, i + 1)


def _listed_people(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """Two or three capitalised words no entity holds, not at a sentence's start, listed right
    before a person's name ("Darin LaHood and Mike Bost", "Darin LaHood, Mike Bost")."""
    taken = token_owners(candidates)
    found: list[MentionCandidate] = []
    for c in candidates:
        i = c.start - 1
        if c.type is not EntityType.PERSON or i < 2 or doc[i].lower_ not in ("and", ","):
            continue
        start = i
        while start > 0 and start - 1 not in taken and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN" \
                and not doc[start - 1].is_sent_start and doc[start - 1].lower_ not in _title_words():  # fmt: skip
            start -= 1
        if 2 <= i - start <= 3:
            found.append(_unknown(start, i, EntityType.PERSON, doc[start:i].text))
    return found


def _retype(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]]) -> list[MentionCandidate]:
    """Type corrections for names the gazetteer does not know.

    A name right after a title, or a subject with a title in apposition ("Araghchi, Iran's foreign
    minister, said"), is a person ("far-right ministers Bezalel Smotrich"); a name before
    a group's noun is that group ("the Los Choneros cartel"), and one tagged as a person's right after
    an organization's lower-case noun (long_names.ORGANIZATION_NOUNS, patterns/org_kinds.tsv) is an
    organization everywhere in the article ("state-owned lender Halkbank", "music group Pussy Riot");
    a name in a list takes the type the rest of the list agrees on ("the towns of A, B and C"); a name
    with a place's noun in apposition ("Moqokori, a town in ...") is a place. A name that a place chain
    follows ("in Cúcuta, Norte de Santander, Colombia") is a place (`_place_chains`), and so is every
    other mention of that name in the article.
    """
    title_ends = {end for _, end, _ in titles}
    by_token = token_owners(candidates)
    placed = _place_chains(doc, candidates)
    places = {normalize_key(name) for c in placed for name in (c.name, _without_region_noun(c.name))}
    described = {normalize_key(c.name): org_kind(doc[c.start - 1].text) for c in candidates
                 if c.unknown_name and c.type is EntityType.PERSON and _after_organization_noun(doc, c.start)}  # fmt: skip
    for c in candidates:
        if not c.unknown_name or c.type is EntityType.MILITARY_ASSET:
            continue
        span = doc[c.start : c.end]
        root = span.root
        if places and c.type in (EntityType.ORGANIZATION, EntityType.PERSON) and normalize_key(c.name) in places:
            set_type(c, EntityType.LOCATION)
        elif c.type is EntityType.PERSON and (key := normalize_key(c.name)) in described:
            set_type(c, EntityType.ORGANIZATION)
            c.kind = described[key]
        elif _after_title(doc, c, title_ends, by_token) and all(t.pos_ == "PROPN" for t in span):
            # "ministers A and B": the title covers the names listed right after the first
            listed: MentionCandidate | None = c
            while listed is not None and listed.unknown_name:
                set_type(listed, EntityType.PERSON)
                after = listed.end
                while after < len(doc) and doc[after].lower_ in (",", "and"):
                    after += 1
                listed = by_token.get(after) if after > listed.end else None
        elif c.type in (EntityType.ORGANIZATION, EntityType.PERSON) and any(
                child.dep_ == "appos" and child.lemma_.lower() in PLACE_NOUNS and child.i not in by_token for child in root.children):  # fmt: skip
            set_type(c, EntityType.LOCATION)  # "Moqokori, a town in the Hiiraan region", "Wad Madani, the capital of Gezira State"
        elif c.type is not EntityType.PERSON and root.dep_ in ("nsubj", "nsubjpass") and any(
                child.dep_ == "appos" and any(s <= child.i < e for s, e, _ in titles) for child in root.children):  # fmt: skip
            set_type(c, EntityType.PERSON)  # "Araghchi, Iran's foreign minister": a title in apposition
        elif root.dep_ == "compound" and root.head.i == c.end and (kind := org_kind(root.head.text)) in GROUP_KINDS:
            set_type(c, EntityType.ORGANIZATION)  # "the Los Choneros cartel", "the Tren de Aragua gang"
            c.kind = kind
        elif (
            # people are met, not been in: "an attack in Maidan Wardak"; nor is a place's name with no organization's
            # noun ("an attack near Dharin"); "rules in X v. Y" is a court case
            root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside", "into")
            and not (c.end < len(doc) and doc[c.end].lower_ in ("v.", "vs.", "v", "vs")) and (c.type is EntityType.PERSON
                or c.type is EntityType.ORGANIZATION and not ACRONYM.match(c.name) and _place_like(c.name, doc[c.start - 1]))
            # "the Bara area", "the Al-Murra village"
            or root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS and root.head.i == c.end
            # "the town of Yeoncheon", "70 km of Mogadishu"
            or root.dep_ == "pobj" and root.head.lower_ == "of" and (root.head.head.lemma_.lower() in PLACE_NOUNS
                                                                     or root.head.head.lemma_ in MOTION)
            # "José Martí International Airport", "Masisi Territory"
            or c.type in (EntityType.ORGANIZATION, EntityType.PERSON) and len(span) > 1
            and span[-1].lemma_.lower() in PLACE_NOUNS | GEO_NOUNS and not any(t.pos_ == "ADP" for t in span)
        ):  # fmt: skip
            set_type(c, EntityType.LOCATION)
        elif len(members := [by_token[t.i] for t in (root, *root.conjuncts) if t.i in by_token]) > 1:
            first = min((root, *root.conjuncts), key=lambda t: t.i)
            votes = Counter(m.type for m in members if m.type in (EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION))
            ranked = votes.most_common(2)
            if first.head.lemma_.lower() in PLACE_NOUNS or first.head.head.lemma_.lower() in PLACE_NOUNS:
                set_type(c, EntityType.LOCATION)  # "the towns of A, B and C"
            elif ranked and ranked[0][0] is not c.type and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                set_type(c, ranked[0][0])
    return candidates


def _lone_words(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """A one-word name the model tags PERSON that the gazetteer does not know, that is no known
    person's surname and no word of a longer person's name in the article, is mostly a place or a
    group's name ("Bukavu", "Tatmadaw"): where it stands as places stand ("advances from Bukavu",
    "strike Oryol", "the Rafah offensive", "Dnipro and Zaporizhzhia") it is a place; where it
    qualifies another noun ("Ma'awisley militias", "Patriot systems") it is no entity. Right
    after a noun or a title ("leader Hemedti", "wife Simone") it stays a person. A longer unknown
    name is a place only where a person cannot stand: listed after a place with a place's
    preposition ("strikes on Rafah and Khan Yunis"), after an attack's "on" ("a missile attack on Bat
    Yam") or as the object of a verb of taking a place (names.HELD_PLACE_VERBS: "enter Deir al-Balah"),
    with no apposition ("an attack on X, the mayor of Y")."""
    people = {word for c in candidates if c.type is EntityType.PERSON and " " in c.name for word in name_words(c.name)}
    by_token = token_owners(candidates)
    dropped: set[int] = set()
    for c in candidates:
        if not c.unknown_name or c.type is not EntityType.PERSON or surname_entry(c.name, context) is not None:
            continue
        root = doc[c.start : c.end].root
        head = root.head
        listed = [by_token[t.i] for t in (head, *root.conjuncts) if root.dep_ in ("conj", "appos") and t.i in by_token]
        if " " in c.name or latin_key(c.name) in people:
            # "strikes on Rafah and Khan Yunis"; "a missile attack on Bat Yam", "enter Deir al-Balah"
            # (not "an attack on X, the mayor of Y").
            listed_after_a_place = (root.dep_ == "conj" and doc[c.start - 1].lower_ in ("and", "or") and head.dep_ == "pobj"
                                    and head.head.lower_ in PLACE_PREPOSITIONS | {"on"}
                                    and any(other.type is EntityType.LOCATION for other in listed))  # fmt: skip
            attacked_or_taken = (root.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in ATTACK_NOUNS
                                 or root.dep_ == "dobj" and head.lemma_ in HELD_PLACE_VERBS)  # fmt: skip
            if listed_after_a_place or attacked_or_taken and not any(child.dep_ == "appos" for child in root.children):
                set_type(c, EntityType.LOCATION)
            continue
        if c.start > 0 and (doc[c.start - 1].pos_ == "NOUN" or doc[c.start - 1].lower_ in _title_words()):
            continue
        if (root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS | {"on", "from", "between"}
                or root.dep_ in ("dobj", "nsubjpass") and head.lemma_ in PLACE_VERBS
                or root.dep_ in ("compound", "nmod") and {head.lemma_.lower(), head.lower_} & PLACE_HEADS
                or any(other.type in (EntityType.LOCATION, EntityType.STATE) for other in listed)):  # fmt: skip
            set_type(c, EntityType.LOCATION)
        elif root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.i >= c.end:
            dropped.add(id(c))
    return [c for c in candidates if id(c) not in dropped]


def _place_chains(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """The unknown names, tagged as organizations or people, that are places by the chain of places
    after them: a comma, then a known state or place that ends its phrase ("Daraban, Khyber
    Pakhtunkhwa, Pakistan."; not "U.S. forces", "Israel and Hamas"), or another such name
    ("Cúcuta, Norte de Santander Department, Colombia"). A name ending in an organization's noun
    ("Stockholm District Court, Sweden") is none; an administrative one ("Meta Department") is."""
    by_start = {c.start: c for c in candidates}
    placed: list[MentionCandidate] = []
    for c in candidates:
        if not c.unknown_name or c.type not in (EntityType.ORGANIZATION, EntityType.PERSON):
            continue
        chain = [c]
        following = _after_comma(doc, c, by_start)
        while following is not None and following.unknown_name and following.type in (
                EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.PERSON):  # fmt: skip
            chain.append(following)
            following = _after_comma(doc, following, by_start)
        if following is None and len(chain) > 1 and _region_name(doc, chain[-1]):
            following = chain.pop()  # "Bohodukhiv, Kharkiv Oblast, kills": a region ends the chain
        elif following is None or following.entry is None or following.type not in (EntityType.STATE, EntityType.LOCATION) \
                or following.weight != 2:
            continue
        end = following.end  # the known place ends its phrase: not "U.S. forces", "Israel and Hamas", "Israel's"
        if end == len(doc) or doc[end].is_punct and doc[end].text not in HYPHENS or \
                doc[end].pos_ in ("ADP", "VERB", "AUX", "SCONJ", "PART") and doc[end].lower_ not in POSSESSIVE:  # fmt: skip
            if all(_place_like(name.name) for name in chain):
                placed += [name for name in chain if name.type is not EntityType.LOCATION]
    return placed


def _region_name(doc: Doc, candidate: MentionCandidate) -> bool:
    """A region's name by its last word ("Kharkiv Oblast"; names.REGION_NAME_ENDS)."""
    return candidate.type is EntityType.LOCATION and _region_name_end(doc[candidate.end - 1])


def _after_comma(doc: Doc, candidate: MentionCandidate, by_start: dict[int, MentionCandidate]) -> MentionCandidate | None:
    return by_start.get(candidate.end + 1) if candidate.end < len(doc) and doc[candidate.end].text == "," else None


def _without_region_noun(name: str) -> str:
    """A place's name without the region's noun it ends in ("Norte de Santander Department" -> "Norte de Santander")."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and latin_key(words[-1]) in REGION_NOUNS else name


def _place_like(name: str, before: Token | None = None) -> bool:
    """A name that may be a place's: one that ends in a place's or a region's noun ("Taiz Governorate",
    "Norte de Santander Department"), else one with none of an organization's nouns in it and, if
    one word, no "the" before it (`before`: "in the Diet", "in The Lancet")."""
    words = name_words(name)
    if words[-1] in PLACE_NOUNS or words[-1] in REGION_NOUNS:
        return True
    return (org_kind(name) is None and not any(word in ORGANIZATION_NOUNS or word == "force" for word in words)
            and (before is None or before.lower_ != "the" or len(words) > 1))  # fmt: skip


def _after_organization_noun(doc: Doc, i: int) -> bool:
    """A lower-case noun of an organization's name or kind right before token `i`, not a title's
    body ("head of the security office X", "chairman of the company X": the name is the title's)."""
    if i == 0:
        return False
    noun = doc[i - 1]
    organization_noun = noun.lower_ in ORGANIZATION_NOUNS or org_kind(noun.text) is not None
    title_body = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _title_words()
    return noun.is_lower and noun.pos_ == "NOUN" and organization_noun and not title_body


def _after_title(doc: Doc, candidate: MentionCandidate, title_ends: set[int], by_token: dict[int, MentionCandidate]) -> bool:
    """Right after a title, or after "title to/of [the] X" ("Ambassador to the United Nations Y")."""
    i = candidate.start
    if i in title_ends:
        return True
    before = by_token.get(i - 1)
    if before is None or before is candidate:
        return False
    i = before.start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    return i > 1 and doc[i - 1].lower_ in ("to", "of", "for", "at") and i - 1 in title_ends


def _trim(ent: Span) -> Span:
    """The name inside a span: no leading article or title, no trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while ent.label_ == "PERSON" and start < end - 1 and doc[start].lower_ in _title_words():
        start += 1
    end = next((i for i in range(start + 1, end) if doc[i].text == "("), end)  # "Movement for Democratic Change (MDC"
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct
                           or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):  # fmt: skip
        end -= 1
    return doc[start:end]


def _proper_name_at(doc: Doc, i: int) -> bool:
    """The word at `i` is a capitalised proper noun (False past the Doc's end)."""
    return i < len(doc) and doc[i].is_title and doc[i].pos_ == "PROPN"


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The title lexicon: the title words of kg.extract.names, the one-word roles of patterns/roles.tsv
    and the party nouns of patterns/party_words.tsv ("Republicans X")."""
    return TITLE_WORDS | frozenset(load_role_words()) | {w.word.lower() for w in party_words()}


def _resolve(ent: Span, context: Context) -> MentionCandidate | None:
    span = _trim(ent)
    text = span.text.strip()
    if not span or not any(char.isupper() for char in text) or len(text) < 2:
        return None
    if len(span) > 2 and span[0].lower_ in ("pro", "anti") and span[1].text in HYPHENS:
        return None  # "pro-Beijing", "anti-Brexit": a stance, not a name
    base, _, form = ent.ent_id_.partition("#")
    entry = context.entries.get(base) if base else None
    if entry is not None and ACRONYM.match(text):
        entry = _disambiguate(text, entry, ent.doc, context)
    if entry is not None and _acronym_as_word(text, entry) and _before_name_word(span):
        return None  # "a Plan B", "Eric Bodenstab": a word or a first name, not PLAN or ERIC
    if entry is not None and entry.type is EntityType.STATE:
        if (joined := _hyphenated_state(span, context)) is not None:
            return candidate_of(*joined, weight=1 if _written_as(joined[0].text, joined[1].demonyms) else 2)
        if (entry := _shared_name(text, entry, ent.doc, context)) is None:
            return None  # "Congolese" with no sign of which Congo
    if entry is not None:
        if "#" + form == CAPITAL and not _stands_for_government(span):
            return _unknown(span.start, span.end, EntityType.LOCATION, text)
        return candidate_of(span, entry, weight=1 if form else 2)
    spec = context.labels.get(ent.label_)
    if ent.ent_id_ and spec is not None:  # a pattern of patterns/entities.jsonl
        return _unknown(span.start, span.end, spec.type, text, spec.kind)
    if ent.label_ not in ACCEPTS:
        return None
    known = _lookup(text, ent.label_, context)
    if known is None and ent.label_ in ("NORP", "GPE"):
        states = [e for e in context.gazetteer.lookup(text) if e.type is EntityType.STATE]
        known = _shared_name(text, states[0], ent.doc, context) if states else None
    if known is not None:
        capital = _written_as(text, known.capitals) and not _written_as(text, known.names)
        if known.type is EntityType.STATE and capital and not _stands_for_government(span):
            return _unknown(span.start, span.end, EntityType.LOCATION, text)
        return candidate_of(span, known, weight=1 if _written_as(text, known.demonyms) else 2)
    entity_type = MODEL_TYPES[ent.label_]
    if entity_type is not None and len(span) > 1:
        entity_type = _named_after_its_noun(span[-1].lower_, entity_type, text)
    if entity_type is None or not_entities().match(span) or DESIGNATOR.match(text) or _common_word(span):
        return None
    if entity_type is not EntityType.PERSON and _past_office_holder(span, context):
        entity_type = EntityType.PERSON  # "Thabo Mbeki" tagged GPE
    return _unknown(span.start, span.end, entity_type, text)


def _acronym_as_word(text: str, entry: GazetteerEntry) -> bool:
    """`text` is the title-case form of one of `entry`'s acronyms ("Nato" of NATO, kg.nlp's
    `_variants`) and none of its names."""
    return text not in entry.names and text.istitle() and any(acronym_key(name) == text.upper() for name in entry.names)


def _before_name_word(span: Span) -> bool:
    """The one word after `span` is a capitalised word no gazetteer name holds, with no such word
    after it ("Inbar [Haiman].", "a Plan [B],"), and no title, organization noun or event's last
    word: the organization's own name goes on with those and with longer names ("Nato Secretary
    General", "Nato Council", "Nato Summit", "Interpol Red Notice")."""
    doc, i = span.doc, span.end
    if not _lone_name_word_at(doc, i):
        return False
    word = doc[i].lower_
    return word not in _title_words() and word not in ORGANIZATION_NOUNS and word not in not_entities().last_words


def _hyphenated_state(span: Span, context: Context) -> tuple[Span, GazetteerEntry] | None:
    """A state's name the ruler matched as the first part of a hyphenated word that is another
    state's name or demonym ("[Guinea]-Bissauan ambassador"): the longer word and its state."""
    joined = span.doc[span.start : span.end + 2]
    if not hyphen_joined(span.doc, span.end, len(span.doc)):
        return None
    return (joined, state) if (state := _only(e for e in context.gazetteer.lookup(joined.text) if e.type is EntityType.STATE)) else None


def _common_word(span: Span) -> bool:
    """One word that names nothing: a title word alone ("Sultan"), or a word the tagger reads as a plural
    common noun or an adjective, not written in capitals ("Citizens of X vote", "Alawite men", "Humanitarian
    aid"): a word capitalised at a sentence's start or as a people's, not a name (an acronym such as "USAID"
    the tagger may call an adjective)."""
    word = span[0]
    return len(span) == 1 and (word.lower_ in _title_words() or word.tag_ in ("NNS", "JJ") and not word.text.isupper())


def _past_office_holder(span: Span, context: Context) -> bool:
    """A personal name (two to four capitalised words, none an agent noun such as "Assembly" or
    "Army") that the Phoenix actor files give a dated government or elite post in a state."""
    words = [token.text for token in span]
    return (2 <= len(words) <= 4 and all(word[:1].isupper() and (word.lower(),) not in load_agents() for word in words)
            and any(post.state and post.sector in ("GOV", "ELI") for post in context.gazetteer.posts_of(span.text)))


def _named_after_its_noun(last: str, entity_type: EntityType, name: str) -> EntityType:
    """A name ending in a facility or institution noun is that place or body, whoever it is
    named after ("John Radcliffe Hospital", "Evin Prison", "Kennedy School"); one tagged as a
    person's that ends in an organization's noun (patterns/org_kinds.tsv: "Al-Qassam Brigades") or
    holds a word of another language's group names ("Jaysh al-Adl") is an organization."""
    if last in FACILITY_NOUNS and entity_type is not EntityType.LOCATION:
        return EntityType.LOCATION
    if entity_type is EntityType.PERSON and (last in INSTITUTION_NOUNS or org_kind(name) is not None
                                             or not GROUP_NAME_WORDS.isdisjoint(name_words(name))):  # fmt: skip
        return EntityType.ORGANIZATION
    return entity_type


def _disambiguate(acronym: str, entry: GazetteerEntry, doc: Doc, context: Context) -> GazetteerEntry:
    """An acronym several entries share ("SDF"): the one whose full name the article writes,
    else a hand-curated entry, else the ruler's choice."""
    found = list({entry_key(e): e for e in context.gazetteer.lookup(acronym)}.values())
    found = [e for e in found if acronym in e.names] or found  # "OPEC" itself before "OPEC+"
    if len(found) < 2:
        return context.entries.get(entry_key(found[0]), found[0]) if found else entry
    written = [e for e in found if any(name in doc_text(doc) for name in e.names if name != acronym and len(name) > 6)]
    if len(written) == 1:
        return context.entries.get(entry_key(written[0]), written[0])
    curated = [e for e in found if e.source == "organizations.tsv"]
    return curated[0] if len(curated) == 1 else entry


def _shared_name(text: str, entry: GazetteerEntry, doc: Doc, context: Context) -> GazetteerEntry | None:
    """A demonym or name several states share ("Congolese"): the state the article otherwise
    names or whose office holder it names; None when it gives no sign. A name is read longest
    first, so "Republic of the Congo" inside "Democratic Republic of the Congo" is no sign, nor
    is a name the states share ("Congo")."""
    states = {entry_key(e): e for e in context.gazetteer.lookup(text) if e.type is EntityType.STATE}
    if len(states) < 2:
        return entry
    text_key, written = normalize_key(text), doc_text(doc)
    words = set(name_words(written))
    named: dict[str, set[str]] = defaultdict(set)  # name -> the states it names
    signs: set[str] = set()
    for key, state in states.items():
        for name in (*state.names, *state.capitals):
            if normalize_key(name) != text_key and len(name) > 3:
                named[name].add(key)
        holders = [t.person for t in context.gazetteer.tenures_in(state.qid) if t.role in HEAD_ROLES] if state.qid else []
        if any(re.search(rf"\b{re.escape(holder)}\b", written) or name_words(holder)[-1] in words for holder in holders):
            signs.add(key)
    taken: list[tuple[int, int]] = []
    for name in sorted(named, key=len, reverse=True):
        for found in re.finditer(rf"\b{re.escape(name)}\b", written):
            if not any(start <= found.start() and found.end() <= end for start, end in taken):
                taken.append(found.span())
                signs |= named[name] if len(named[name]) == 1 else set()
    if len(signs) != 1:
        return None
    (sign,) = signs
    return context.entries.get(sign, states[sign])


def _only(entries: Iterable[GazetteerEntry]) -> GazetteerEntry | None:
    """The one entry among `entries` (told apart by QID, else name), or None for none or several."""
    distinct = {e.qid or e.name: e for e in entries}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _unknown(start: int, end: int, entity_type: EntityType, text: str, kind: str | None = None, *,
             weight: int = 2) -> MentionCandidate:  # fmt: skip
    """A mention of a name the gazetteer does not know, grouped with the others of its type and name."""
    return MentionCandidate(start, end, entity_type, text, name_group(entity_type, text), kind, weight)


def _lookup(text: str, label: str, context: Context) -> GazetteerEntry | None:
    """The one entry of the most fitting type that `text` names (entries sharing a QID are one)."""
    found = context.gazetteer.lookup(text)
    for entity_type in ACCEPTS[label]:
        if (one := _only(entry for entry in found if entry.type is entity_type)) is not None:
            return context.entries.get(entry_key(one), one)
    return None


def _written_as(text: str, names: tuple[str, ...]) -> bool:
    """`text` is one of `names`, compared as the gazetteer compares names."""
    key = normalize_key(text)
    return any(normalize_key(name) == key for name in names)


def _stands_for_government(span: Span) -> bool:
    """A capital acts or is acted upon as a government, unless the text uses it as a place.

    A name in a list is read where the list stands ("in Isfahan, Tabriz, and Tehran").
    """
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "pobj" and (root.head.lower_ in PLACE_PREPOSITIONS or root.head.lower_ == "of"):
        return False  # "talks in Caracas", "the city of Caracas", "the mayor of Tehran", "70 km of Mogadishu"
    if root.dep_ in ("dobj", "npadvmod", "nsubjpass") and root.head.lemma_ in PLACE_VERBS:
        return False  # "visited Moscow", "struck Beirut", "Kyiv was shelled"
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "against") and root.head.head.lemma_ in PLACE_VERBS:
        return False  # "strikes on Kyiv"
    after = span.doc[span.end : span.end + 2]
    return not (len(after) == 2 and after[0].text == "," and after[1].ent_type_ in ("GPE", "STATE"))


def _governments(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """ "the Trump administration", "the US government", "Cuba's government" -> the state.

    The person's name inside "Trump administration" is then not a mention of the person.
    """
    by_end = {c.end: c for c in candidates}
    result: list[MentionCandidate] = []
    replaced: set[int] = set()
    for token in tokens_whose(doc, "LOWER", GOVERNMENT_NOUNS):
        owner = by_end.get(owner_end(doc, token.i))
        if owner is None:
            continue
        state = owner.entry if owner.type is EntityType.STATE else _led_state(owner, context)
        if state is None:
            continue
        start = owner.start - 1 if owner.start > 0 and doc[owner.start - 1].lower_ == "the" else owner.start
        span = doc[start : token.i + 1]
        if owner.type is not EntityType.STATE:
            replaced.add(id(owner))
        result.append(candidate_of(span, state, weight=1))
    return [c for c in candidates if id(c) not in replaced] + result


def _named_after_states(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """An organization whose name is a state's name as written (not a demonym: "Israel", "U.S.")
    and up to four capitalised proper nouns no other name holds that end in an organization's noun
    (long_names.ORGANIZATION_NOUNS, patterns/org_kinds.tsv): "the Israel Air Force", "Azerbaijan
    Airlines", "the Sudan Doctors Union", "U.S. Cyber Command". The entity ruler's state name
    leaves the model no room to tag the whole; the state's name is no mention of the state there.
    Not where the name goes on ("the United States Office of Personnel Management", "Pheu Thai
    Party", "the EU-Israel Association agreement"), where it ends in a government body's noun (a
    state's body: `_state_bodies`) or in a military asset's words ("U.S. Marines", "a China Coast
    Guard vessel": kg.extract.assets)."""
    by_token = token_owners(candidates)
    ends = {id(c): _organization_end(doc, c, by_token) for c in candidates}
    named = {key: end for key, end in ends.items() if end is not None}
    if not named:
        return candidates
    assets = [(start, end) for start, end, _ in longest_asset_matches(doc, load_lexicons())]
    result: list[MentionCandidate] = []
    for c in candidates:
        end = named.get(id(c))
        if end is not None and not any(start < end and c.start < asset_end for start, asset_end in assets):
            name = doc[c.start : end].text
            c = _unknown(c.start, end, EntityType.ORGANIZATION, name, org_kind(name))
        result.append(c)
    return result


def _written_state(candidate: MentionCandidate) -> bool:
    """A state's name the entity ruler matched as written ("Israel", "U.S."), not its demonym (weight 1)."""
    return candidate.type is EntityType.STATE and candidate.entry is not None and candidate.weight == 2


def _organization_end(doc: Doc, state: MentionCandidate, by_token: dict[int, MentionCandidate]) -> int | None:
    """Where the organization's name that a state's name starts ends (`_named_after_states`), if it starts one."""
    if not _written_state(state):
        return None
    end = state.end
    while end < state.end + 4 and end not in by_token and _proper_name_at(doc, end):
        end += 1
    before = doc[state.start - 1] if state.start > 0 else None
    goes_on = end < len(doc) and (doc[end].lower_ in ("of", "for") or _proper_name_at(doc, end))
    starts_earlier = before is not None and (_proper_name_at(doc, before.i) or before.text in HYPHENS)
    kind = org_kind(doc[state.start : end].text)
    organization_end = kind is not None or doc[end - 1].lower_ in ORGANIZATION_NOUNS
    if end == state.end or goes_on or starts_earlier or kind == "GovernmentBody" or not organization_end:
        return None
    return end


def _named_before_states(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """An organization's name the model tagged right before an "of" and a state's name the entity
    ruler matched, which leaves the model no room to tag the whole: "the Supreme Court of
    Cameroon", "the Security Service of Ukraine", "the Liberal Party of Canada". It is an organization
    of the whole name, with the state's as written (not a demonym), of the kind its words before
    "of" say (patterns/org_kinds.tsv). As for a state's body (`_state_bodies`), its mention is its
    own words and the state's name stays a mention of the state. Not where capitalised words go
    on after the state's name (a longer name), nor a government's name ("the Federal Government of
    Somalia": `_governments` reads a state's government as the state, but "the National Unity
    Government of Myanmar" is its opposition's), nor where no organization's name stands before
    "of" ("Citizens of Kosovo" is no name, "the President of Ghana" a title)."""
    states = {c.start: c for c in candidates if _written_state(c)}
    result: list[MentionCandidate] = []
    for c in candidates:
        last = doc[c.end - 1]
        unknown_name = c.type is EntityType.ORGANIZATION and c.entry is None and last.is_title
        state = _of_state(doc, c.end, states) if unknown_name and last.lower_ not in GOVERNMENT_NOUNS else None
        if state is not None:
            name = doc[c.start : state.end].text
            c = _unknown(c.start, c.end, EntityType.ORGANIZATION, name, org_kind(doc[c.start : c.end].text), weight=1)
        result.append(c)
    return result


def _of_state(doc: Doc, end: int, states: dict[int, MentionCandidate]) -> MentionCandidate | None:
    """The state whose name as written follows "of" (and "the") at `end` and ends the name there: "[of the] Philippines"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    state = states.get(end + 2 if doc[end + 1].lower_ == "the" else end + 1)
    goes_on = state is not None and _proper_name_at(doc, state.end)
    return None if goes_on else state


def _state_bodies(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """ "the US Embassy", "the U.S. justice department", "the Philippine senate", "Singapore's
    parliament": a body of a state, named by the state's name, demonym or possessive and up to three
    words that end in a government body's noun (patterns/org_kinds.tsv), lower case or not, with no
    indefinite article ("a US court" is none) and no "of" after ("Iran's Ministry of ..." is a longer
    name). It is the body the gazetteer lists under a name the
    words make with the state's ("U.S. Department of Justice"), else an organization of that name.
    The body's mention is its own words; the state's name stays a mention of the state."""
    by_token = token_owners(candidates)
    result: list[MentionCandidate] = []
    for c in candidates:
        result.append(c)
        if c.type is not EntityType.STATE or c.entry is None or (c.start > 0 and doc[c.start - 1].lower_ in ("a", "an")):
            continue
        start = c.end + 1 if c.end < len(doc) and doc[c.end].lower_ in POSSESSIVE else c.end
        end = next((end for end in range(start + 1, min(start + 4, len(doc) + 1))
                    if any(not t.is_alpha or t.i in by_token or t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in doc[start:end])
                    or org_kind(doc[start:end].text) == "GovernmentBody"), start)  # fmt: skip
        body = doc[start:end]
        if (not body or org_kind(body.text) != "GovernmentBody" or body[-1].tag_ in ("NNS", "NNPS")
                or (end < len(doc) and doc[end].lower_ == "of")):  # fmt: skip
            continue
        result.append(_body_of(doc[c.start : c.end], c.entry, body, doc[c.start : end].text, "GovernmentBody", context.gazetteer))
    return result


def _other_states_bodies(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """A known organization whose name says its own state ("United States Congress", "National
    Liberation Army (Colombia)", "Chinese People's Liberation Army": `own_states`), named by its
    generic words with another state's name, demonym or possessive right before ("Argentina's
    Congress", "the Philippine House of Representatives") or "of" and another state's name right
    after ("the House of Representatives of Libya"), is that other state's body, read as
    `_state_bodies` reads an unknown one: the body the gazetteer lists under the state's name and
    the words, else an organization of the whole name, of the known one's kind. Its mention is its
    own words; the state's name stays a mention of the state. The known one's own state there ("the
    U.S. Central Intelligence Agency") and a known name with no state in it ("Labour Party") stay."""
    owners = own_states(context.gazetteer)
    states = {c.start: c for c in candidates if _written_state(c)}
    ends = {c.end: c for c in candidates if c.type is EntityType.STATE and c.entry is not None}
    result: list[MentionCandidate] = []
    for c in candidates:
        own = owners.get(entry_key(c.entry)) if c.entry is not None and c.type is EntityType.ORGANIZATION else None
        goes_on = _proper_name_at(doc, c.end)  # "Taiwan's CPC Corporation": a longer name
        # The state's name, demonym or possessive right before ("[Peru's] Congress"), else after "of".
        state = None if own is None or goes_on else ends.get(owner_end(doc, c.start)) or _of_state(doc, c.end, states)
        if c.entry is None or own is None or state is None or state.entry is None or entry_key(state.entry) == own:
            result.append(c)
            continue
        name = doc[min(c.start, state.start) : max(c.end, state.end)].text
        result.append(_body_of(doc[state.start : state.end], state.entry, doc[c.start : c.end], name, c.entry.kind,
                               context.gazetteer))  # fmt: skip
    return result


@lru_cache(maxsize=4)
def own_states(gazetteer: Gazetteer) -> dict[str, str]:
    """The key of the one state each known state body, armed force, armed group or party (`STATE_KINDS`)
    belongs to by its names: a state's name or demonym before its words ("US Congress", "Chinese
    People's Liberation Army") or after "of" or in brackets at their end ("Supreme Court of the
    United States", "National Liberation Army (Colombia)"); by `entry_key`. No organization whose
    names say no state or more than one."""
    states_written: defaultdict[str, set[str]] = defaultdict(set)
    for state in gazetteer.entries:
        if state.type is EntityType.STATE:
            for name in (*state.names, *state.demonyms):
                states_written[name].add(entry_key(state))
    found: dict[str, str] = {}
    for entry in gazetteer.entries:
        if entry.kind not in STATE_KINDS:
            continue
        said: set[str] = set()
        for name in entry.names:
            for written in _state_places(name):
                said |= states_written.get(written, set())
        if len(said) == 1:
            found[entry_key(entry)] = said.pop()
    return found


def _state_places(name: str) -> Iterator[str]:
    """The parts of an organization's name that may be a state's name or demonym (`own_states`): its
    words before each space, and the words after each "of", "of the" or "(" that end it."""
    for i, char in enumerate(name):
        if char == " ":
            yield name[:i]
    for marker in (" of ", " of the "):
        at = name.find(marker)
        while at != -1:
            yield name[at + len(marker) :]
            at = name.find(marker, at + 1)
    if name.endswith(")"):
        at = name.find(" (")
        while at != -1:
            yield name[at + 2 : -1]
            at = name.find(" (", at + 1)


def _body_of(state: Span, entry: GazetteerEntry, body: Span, name: str, kind: str | None,
             gazetteer: Gazetteer) -> MentionCandidate:  # fmt: skip
    """The mention, by `body`'s words, of a body of the state `entry` written as `state`: the one
    the gazetteer names by the state's name and those words, as written ("U.S. Justice Department")
    or reordered ("Department of Justice of the Philippines"), else an organization `name`d with the state's."""
    titled = " ".join(word if word.isupper() else word.capitalize() for word in body.text.split())
    *modifiers, head = titled.split()
    bodies = [titled, f"{head} of {' '.join(modifiers)}"] if modifiers else [titled]
    states = dict.fromkeys((state.text, entry.name, *entry.aliases, *entry.demonyms))
    names = [full for words in bodies for s in states for full in (f"{s} {words}", f"{words} of {s}", f"{words} of the {s}")]
    listed = _only(e for full in names for e in gazetteer.lookup(full) if e.type is EntityType.ORGANIZATION)
    if listed is not None:
        return candidate_of(body, listed, weight=1)
    return _unknown(body.start, body.end, EntityType.ORGANIZATION, name, kind, weight=1)


def _party_words(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]],
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
        party = _only(e for e in gazetteer.lookup(row.party) if e.kind == PARTY)
        if party is not None:
            named[tuple(row.word.split())] = party
    return named


def _led_state(candidate: MentionCandidate, context: Context) -> GazetteerEntry | None:
    """The state whose head `candidate` (a person) is, by the gazetteer's tenures."""
    person = candidate.entry if candidate.type is EntityType.PERSON and candidate.entry else surname_entry(candidate.name, context)
    if person is None or person.qid is None:
        return _governed_state(candidate, context)
    tenures = [t for t in context.gazetteer.tenures_of(person.qid) if t.role in HEAD_ROLES]
    return context.gazetteer.entry_by_qid(_current_or_latest(tenures, context.day).of_qid) if tenures else None


def _governed_state(candidate: MentionCandidate, context: Context) -> GazetteerEntry | None:
    """The state whose government a person the reference tables do not know was part of, by
    the Phoenix actor files ("the Karzai government" -> Afghanistan): the post held on the
    article's date, else the latest; none when the dictionary's state is no one known state."""
    if candidate.type is not EntityType.PERSON:
        return None
    posts = [post for post in context.gazetteer.posts_of(candidate.name) if post.sector == "GOV" and post.state]
    if not posts:
        return None
    return _only(e for e in context.gazetteer.lookup(_current_or_latest(posts, context.day).state) if e.type is EntityType.STATE)


Dated = TypeVar("Dated", Tenure, PhoenixPost)


def _current_or_latest(held: list[Dated], day: date | None) -> Dated:
    """The last of those held on `day`, else the one that started last."""
    current = [x for x in held if day is not None and x.held_on(day)]
    return (current or sorted(held, key=lambda x: x.start or date.min))[-1]


def _unnamed_assets(doc: Doc, candidates: list[MentionCandidate], labels: dict[str, LabelSpec]) -> list[MentionCandidate]:
    """The military assets of patterns/assets.jsonl's token patterns, each with its asset class ("an
    aircraft carrier strike group", "B-2 bombers"). A name right after the match ("the aircraft
    carrier Shandong", "cruiser USS Philippine Sea") is a named asset of that class; after a singular
    noun, also a name the model tags PERSON ("the frigate Yuncheng") or leaves untagged ("cruiser
    Moskva"). Any other match is an unnamed asset (`named=False`, the class's kind of the ASSET_* rows
    of patterns/labels.tsv) from its numbers, adjectives and owners on ("19 Chinese warships"); those
    with the same content words are one entity."""
    lexicons = load_lexicons()
    kinds = {spec.label: spec.kind for spec in labels.values() if spec.type is EntityType.MILITARY_ASSET}
    named = [(c.start, c.end) for c in candidates if c.type is EntityType.MILITARY_ASSET]
    by_token = token_owners(candidates)
    by_start = {c.start: c for c in candidates if c.unknown_name}
    by_end = {c.end: c for c in candidates if c.type is EntityType.MILITARY_ASSET and c.named}  # "USS X aircraft carrier"
    found: list[MentionCandidate] = []
    taken: set[int] = set()
    for start, end, asset_class in sorted(longest_asset_matches(doc, lexicons), key=lambda m: (m[0], -(m[1] - m[0]))):
        if any(s < end and start < e for s, e in named) or taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        if _person_agent(doc, start, end, asset_class) or unmoved(doc, start, end, lexicons):
            continue
        kind = kinds.get("ASSET_" + asset_class.value.upper())
        name = by_start.get(end) or by_end.get(start)
        # "the destroyer Yinchuan", not "warships Trump sent" (the tagger may call the noun JJ or NNP)
        singular = doc[end - 1].is_lower and doc[end - 1].tag_ not in ("NNS", "NNPS")
        if name is None and singular:
            name = _untagged_name(doc, end, by_token)  # "Russia's cruiser Moskva"
            if name is not None:
                found.append(name)
        if name is not None and (name.type is not EntityType.PERSON or singular and name.start == end):
            if name.type is not EntityType.MILITARY_ASSET:
                set_type(name, EntityType.MILITARY_ASSET)
            name.kind = name.kind or kind
            continue
        start = _phrase_start(doc[start:end], taken)
        span = doc[start:end]
        words = " ".join(token.lemma_.lower() for token in span if not token.is_stop and not token.is_punct)
        found.append(MentionCandidate(start, end, EntityType.MILITARY_ASSET, span.text, f"asset:{kind}:{words}", kind, 1,
                                      named=False))  # fmt: skip
    return found


def _person_agent(doc: Doc, start: int, end: int, asset_class: AssetClass) -> bool:
    """A machine's noun that, with the word before it, is a Phoenix agent phrase of a sector other
    than the military names a person: "a suicide bomber", "freedom fighters" (troops are people anyway)."""
    return (asset_class is not AssetClass.TROOPS and start > 0
            and load_agents().get((doc[start - 1].lower_, doc[end - 1].lemma_.lower()), "MIL") != "MIL")


def _untagged_name(doc: Doc, start: int, by_token: dict[int, MentionCandidate]) -> MentionCandidate | None:
    """The capitalised words at `start` that no entity span holds, as a named asset."""
    end = start
    while end not in by_token and _proper_name_at(doc, end) and not doc[end].ent_type_:
        end += 1
    return _unknown(start, end, EntityType.MILITARY_ASSET, doc[start:end].text) if end > start else None


def _phrase_start(span: Span, taken: set[int]) -> int:
    """Where the noun phrase of an asset noun starts: its numbers, adjectives and owners
    ("19 Chinese warships", "ten thousand ENDF troops"), not its determiner ("an")."""
    doc = span.doc
    root = span.root
    start = min((t.left_edge.i for t in root.lefts
                 if t.dep_ in ("nummod", "amod", "compound", "quantmod") and t.pos_ in ("NUM", "ADJ", "NOUN", "PROPN")),
                default=span.start)  # fmt: skip
    start = min(start, span.start)
    while start < span.start and (doc[start].pos_ in ("DET", "PRON", "PUNCT", "ADP", "CCONJ", "ADV", "VERB")
                                  or doc[start].lower_ in QUANTIFIERS or start in taken):  # fmt: skip
        start += 1
    taken.update(range(start, span.start))
    return start


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
