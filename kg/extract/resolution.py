"""Extract stage, entities: an entity span -> a mention candidate, by the gazetteer or by its type.

Input: an entity span of the annotated Doc (ruler or model) and the entity `Context`. Output:
`resolve(span, context) -> MentionCandidate | None`. A ruler span names its gazetteer entry in
`Span.ent_id_`; a model span is looked up in the gazetteer by name, and a known name fixes the
type (a known leader tagged ORG is a Person). A demonym or an abbreviation stands for its state,
a capital for its state's government unless the text uses it as a place
(`_stands_for_government`); an acronym or a demonym several entries share is read by what else
the article names. A name the gazetteer does not know keeps the model's type, or takes the one
its last noun says ("Evin Prison"); words that name nothing (a stance, a lone title word, an
event's or a law's name) are no mention.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span

from kg.extract.groups import load_agents
from kg.extract.long_names import ORGANIZATION_NOUNS, hyphen_joined
from kg.extract.names import (
    ACCEPTS, DESIGNATOR, FACILITY_NOUNS, GROUP_NAME_WORDS, HEAD_ROLES, HYPHENS, INSTITUTION_NOUNS, MEETING_NOUNS, MODEL_TYPES,
    PLACE_PREPOSITIONS, PLACE_VERBS, Context, MentionCandidate, candidate_of, lone_name_word_at, name_words,
    not_entities, only, org_kind, unknown,
)  # fmt: skip
from kg.extract.role_words import title_words
from kg.gazetteer import ACRONYM, GazetteerEntry, acronym_key, entry_key, normalize_key, written_as
from kg.nlp import CAPITAL, doc_text
from kg.records import EntityType


def resolve(ent: Span, context: Context) -> MentionCandidate | None:
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
            return candidate_of(*joined, weight=1 if written_as(joined[0].text, joined[1].demonyms) else 2)
        if (entry := _shared_name(text, entry, ent.doc, context)) is None:
            return None  # "Congolese" with no sign of which Congo
    if entry is not None:
        if "#" + form == CAPITAL and not _stands_for_government(span):
            return unknown(span.start, span.end, EntityType.LOCATION, text)
        return candidate_of(span, entry, weight=1 if form else 2)
    spec = context.labels.get(ent.label_)
    if ent.ent_id_ and spec is not None:  # a pattern of patterns/entities.jsonl
        # a name the gazetteer also holds is its entry ("Islamic State – Khorasan Province" of the province pattern)
        known = only(e for e in context.gazetteer.lookup(text) if e.type is spec.type)
        if known is not None:
            return candidate_of(span, context.entries.get(entry_key(known), known), weight=2)
        return unknown(span.start, span.end, spec.type, text, spec.kind)
    if ent.label_ not in ACCEPTS:
        return None
    known = _lookup(text, ent.label_, context)
    if known is None and ent.label_ in ("NORP", "GPE"):
        states = [e for e in context.gazetteer.lookup(text) if e.type is EntityType.STATE]
        known = _shared_name(text, states[0], ent.doc, context) if states else None
    if known is not None:
        capital = written_as(text, known.capitals) and not written_as(text, known.names)
        if known.type is EntityType.STATE and capital and not _stands_for_government(span):
            return unknown(span.start, span.end, EntityType.LOCATION, text)
        return candidate_of(span, known, weight=1 if written_as(text, known.demonyms) else 2)
    entity_type = MODEL_TYPES[ent.label_]
    if entity_type is not None and len(span) > 1:
        entity_type = _named_after_its_noun(span[-1].lower_, entity_type, text)
    if entity_type is None or not_entities().match(span) or DESIGNATOR.match(text) or _common_word(span):
        return None
    if entity_type is not EntityType.PERSON and _past_office_holder(span, context):
        entity_type = EntityType.PERSON  # "Thabo Mbeki" tagged GPE
    return unknown(span.start, span.end, entity_type, text)


def _trim(ent: Span) -> Span:
    """The name inside a span: no leading article or title, no trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    # A title is no part of the name after it; written in lower case it is none of a place's or a
    # body's either, whatever the model tags ("crown prince Reza Pahlavi" tagged LOC).
    while (start < end - 1 and doc[start].lower_ in title_words()
           and (ent.label_ == "PERSON" or doc[start].is_lower)):  # fmt: skip
        start += 1
    end = next((i for i in range(start + 1, end) if doc[i].text == "("), end)  # "Movement for Democratic Change (MDC"
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct
                           or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):  # fmt: skip
        end -= 1
    return doc[start:end]


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
    if not lone_name_word_at(doc, i):
        return False
    word = doc[i].lower_
    return word not in title_words() and word not in ORGANIZATION_NOUNS and word not in not_entities().last_words


def _hyphenated_state(span: Span, context: Context) -> tuple[Span, GazetteerEntry] | None:
    """A state's name the ruler matched as the first part of a hyphenated word that is another
    state's name or demonym ("[Guinea]-Bissauan ambassador"): the longer word and its state."""
    joined = span.doc[span.start : span.end + 2]
    if not hyphen_joined(span.doc, span.end, len(span.doc)):
        return None
    return (joined, state) if (state := only(e for e in context.gazetteer.lookup(joined.text) if e.type is EntityType.STATE)) else None


def _common_word(span: Span) -> bool:
    """One word that names nothing: a title word alone ("Sultan"), or a word the tagger reads as a plural
    common noun or an adjective, not written in capitals ("Citizens of X vote", "Alawite men", "Humanitarian
    aid"): a word capitalised at a sentence's start or as a people's, not a name (an acronym such as "USAID"
    the tagger may call an adjective)."""
    word = span[0]
    return len(span) == 1 and (word.lower_ in title_words() or word.tag_ in ("NNS", "JJ") and not word.text.isupper())


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


def _lookup(text: str, label: str, context: Context) -> GazetteerEntry | None:
    """The one entry of the most fitting type that `text` names (entries sharing a QID are one)."""
    found = context.gazetteer.lookup(text)
    for entity_type in ACCEPTS[label]:
        if (one := only(entry for entry in found if entry.type is entity_type)) is not None:
            return context.entries.get(entry_key(one), one)
    return None


def _names_a_meeting_place(span: Span) -> bool:
    """The capital alone qualifies a meeting noun: "At *the Washington meeting*, X agrees", "the
    Paris summit", "the Geneva peace talks" say where the parties met, not that its government was
    one of them (not "the Moscow-Kyiv talks", "the Washington and Tehran talks": capitals joined as
    the sides)."""
    root, doc = span.root, span.doc
    if root.dep_ not in ("compound", "nmod") or root.conjuncts:
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "the Geneva peace *talks*"
    if head.i < span.end or not {head.lower_, head.lemma_.lower()} & MEETING_NOUNS:
        return False
    return doc[span.end].text not in HYPHENS and not (span.start > 0 and doc[span.start - 1].text in HYPHENS)


def _stands_for_government(span: Span) -> bool:
    """A capital acts or is acted upon as a government, unless the text uses it as a place.

    A name in a list is read where the list stands ("in Isfahan, Tabriz, and Tehran").
    """
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and (root.head.lower_ in PLACE_PREPOSITIONS or root.head.lower_ == "of"):
        return False  # "talks in Caracas", "the city of Caracas", "the mayor of Tehran", "70 km of Mogadishu"
    if _names_a_meeting_place(span):
        return False  # "the Washington meeting", "the Paris summit"
    if root.dep_ in ("dobj", "npadvmod", "nsubjpass") and root.head.lemma_ in PLACE_VERBS:
        return False  # "visited Moscow", "struck Beirut", "Kyiv was shelled"
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "against") and root.head.head.lemma_ in PLACE_VERBS:
        return False  # "strikes on Kyiv"
    after = span.doc[span.end : span.end + 2]
    return not (len(after) == 2 and after[0].text == "," and after[1].ent_type_ in ("GPE", "STATE"))
