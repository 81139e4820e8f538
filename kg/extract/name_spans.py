"""Extract stage, entities: where a name starts and ends, where the model cut it wrong or missed it.

Input: the annotated Doc, the mention candidates, the title phrases (kg.extract.title_phrases) and the
entity `Context`. Output: the candidates with their spans mended: a name that runs into a title
ends before it (`outside_titles`); a capitalised word before a known name the ruler matched starts
one longer name ("[Royal] [Thai] Navy": `names_cut_by_known`), and so do untagged ones ("Air Canada",
"Port Sudan": `names_over_states`); "Trump-Putin" is a mention of each
known part (`hyphenated_pairs`); a person's name the model cut short, cut in two or cut at a
particle is one name, one it ended a word early runs on to its head word ("[Alix Didier] Fils-Aimé"),
and untagged names listed with a person's are people's (`extend_names`); a
region's name is one place ("Donetsk Oblast": `region_names`); a unit's name goes on to its number
("Group 26": `numbered_units`); a lone surname of a person the
gazetteer knows is a mention of that person where the model missed it (`untagged_surnames`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.lexicon import WORDS
from kg.extract.names import (
    ELIDED_PARTICLE, GENERIC_HEADS, HYPHENS, NAME_PARTICLES, REGION_NAME_ENDS, REGION_NOUNS, TITLE_WORDS, Context,
    MentionCandidate, candidate_of, latin_key, lone_name_word_at, name_word_at, name_words, not_entities, only,
    proper_name_at, set_span, surname_entry, token_owners, unknown,
)  # fmt: skip
from kg.extract.role_words import RoleWord, load_role_meanings, title_words
from kg.gazetteer import GazetteerEntry
from kg.nlp import doc_text
from kg.records import EntityType


# The first words of a place's name, before a state's name ("Port Sudan", "Lake Chad": `names_over_states`).
PLACE_WORDS = WORDS["place_nouns"] | WORDS["geo_nouns"] | WORDS["water_nouns"]
STATE_PART_WORDS = WORDS["state_part_words"]
# Nouns that end an organization's, a place's or a building's name, which no person's name runs on with.
NAME_END_NOUNS = WORDS["organization_nouns"] | WORDS["place_nouns"] | WORDS["facility_nouns"]

# The entity ruler's labels of known names that a longer name may start with another word before
# ("Royal Thai Navy", "Social Democratic Party"); not an organization's acronym ("the Hague NATO summit").
CUT_LABELS = frozenset({"STATE", "LOCATION", "PARTY", "GOV_BODY"})
UNIT_NAME_WORDS = WORDS["unit_name_words"]


def outside_titles(doc: Doc, candidate: MentionCandidate, titles: list[tuple[int, int, RoleWord]]) -> bool:
    """False for a name inside a title of more than one word ("State" of "Secretary of State"). A name
    the model ran on into a title that goes on to a name ("Coast Guard Commandant" Admiral X) ends
    before the title (not "the Council of Representatives"); False when no name is left before it."""
    if any(end - start > 1 and start <= candidate.start and candidate.end <= end for start, end, _ in titles):
        return False
    for start, end, _ in titles:
        if not candidate.start < start < candidate.end <= end:
            continue
        named = proper_name_at(doc, end)  # the title goes on to a name
        if doc[start].is_title and named and doc[start - 1].lower_ != "of":
            span = doc[candidate.start : start]
            while span and (span[-1].is_punct or span[-1].pos_ in ("ADP", "CCONJ", "DET")):
                span = span[:-1]
            if not span or not any(t.is_title for t in span) or all(t.lower_ in title_words() for t in span):
                return False  # nothing, or only more title ("[State for Justice] X" of "Secretary of State for Justice X")
            set_span(candidate, span)
    return True


def names_cut_by_known(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
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
        while end not in taken and proper_name_at(doc, end):
            end += 1
        cut.add(id(known))
        if not_entities().match(doc[c.start : end]):
            cut.add(id(c))  # "the [Northern] [Ireland] Legacy Act": a law
        set_span(c, doc[c.start : end])
    return [c for c in candidates if id(c) not in cut]


def names_over_states(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "Air Canada", "Port Sudan", "Villa Somalia", "Reform UK": capitalised singular proper nouns
    that no name holds and the model tagged as nothing, right before a state's name the entity
    ruler matched as written and each a compound of a later word of the name, make one longer name
    the gazetteer does not know, with the capitalised words that go on after it: the ruler took the
    state's name first and left the model no room to tag the whole, and the state's name is no
    mention of the state there. It is a place's where its first word is a place's, geographic or
    water noun ("Port Sudan", "Lake Chad"), else an organization's (the place chains of
    kg.extract.retyping type it further: "Albuquerque, New Mexico, United States"). Not after a title,
    role word, connector or word that is no name alone ("U.S. President", "Defense Minister Israel
    Katz"), nor a compass word or "Team" ("Southern Israel", "Team Estonia": a part of the state or
    its national team, which names the state), nor a plural ("Mediators Pakistan and Qatar"), nor
    where another capitalised word of none of those comes before (a name longer still, whose start
    the model cut: "[Marriage Equality] Coalition Taiwan"), nor where a hyphen joins the state's name to
    the next word ("a Suezmax Malta-flagged tanker": the state's flag); an event's or a law's name
    (patterns/not_entities.tsv) is no mention of either."""
    taken = token_owners(candidates)
    stop = _name_stop_words()
    result: list[MentionCandidate] = []
    for c in candidates:
        start = c.start
        if c.type is EntityType.STATE and c.entry is not None and c.weight == 2 and doc[c.start].ent_type_ == "STATE":
            while start > 0 and start - 1 not in taken and _name_word_over_state(doc[start - 1], start, c.end, stop):
                start -= 1
        flag = c.end < len(doc) and doc[c.end].text in HYPHENS and not doc[c.end - 1].whitespace_  # "Malta-flagged"
        if start == c.start or flag or doc[start].lower_ in STATE_PART_WORDS or _name_goes_on_before(doc, start, stop):
            result.append(c)
            continue
        end = c.end
        while end not in taken and proper_name_at(doc, end):
            end += 1
        span = doc[start:end]
        if not not_entities().match(span):
            kind = EntityType.LOCATION if doc[start].lower_ in PLACE_WORDS else EntityType.ORGANIZATION
            result.append(unknown(start, end, kind, span.text))
    return result


def _name_word_over_state(token: Token, after: int, end: int, stop: frozenset[str]) -> bool:
    """`token` is a name's word before the words from `after` to a state's name ending at `end` (`names_over_states`)."""
    return (token.tag_ == "NNP" and token.is_title and token.is_alpha and not token.ent_type_ and token.dep_ == "compound"
            and after <= token.head.i < end and token.lower_ not in stop)  # fmt: skip


def _name_goes_on_before(doc: Doc, start: int, stop: frozenset[str]) -> bool:
    """A capitalised word that is none of `stop` right before `start` ("[Marriage Equality] Coalition Taiwan")."""
    return start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ not in stop


def _name_stop_words() -> frozenset[str]:
    """Titles, connectors, role words and the words that are no name alone: none starts a longer name."""
    return title_words() | frozenset({"of", "for", "the", "and"}) | not_entities().names


def hyphenated_pairs(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """ "the Trump-Putin summit", "Russia-Ukraine talks": a name the gazetteer does not know made
    of parts joined by hyphens, each of which names one known state or person (a surname of
    `untagged_surnames`'s known people), is a mention of each part."""
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


def _known_part(text: str, context: Context) -> GazetteerEntry | None:
    """The one state or person a part of a hyphenated name names ("Trump" of "Trump-Putin")."""
    found = [e for e in context.gazetteer.lookup(text) if e.type in (EntityType.STATE, EntityType.PERSON)]
    if found:
        return only(found)
    person = surname_entry(text, context)
    return person if person is not None and in_office(person, context) else None


def extend_names(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]]) -> list[MentionCandidate]:
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
        if after is not None and c.end - c.start > 1 and not name_word_at(doc, after.end):
            candidates.remove(after)
            c.end = after.end
    for i, c in enumerate(candidates):
        if c.start in title_ends and _one_word_organization(doc, c) and lone_name_word_at(doc, c.end):  # "[Duma] Boko"
            candidates[i] = unknown(c.start, c.end + 1, EntityType.PERSON, doc[c.start : c.end + 1].text)
    unknown_people = {c.start: c for c in candidates if c.type is EntityType.PERSON and c.entry is None}
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
        after = named.get(end) if particle else unknown_people.get(end)
        if after is not None and after is not c:
            removed.add(id(candidates.pop(candidates.index(after))))
            c.end = after.end
        elif end < len(doc) and (particle and proper_name_at(doc, end) and not doc[end].ent_type_
                                 or ELIDED_PARTICLE.match(doc[end].text)):  # fmt: skip
            c.end = end + 1
    _run_on_names(doc, candidates, titles)
    candidates += _listed_people(doc, candidates)
    taken = token_owners(candidates).keys() | {i for s, e, _ in titles for i in range(s, e)}
    for c in candidates:
        if c.type is not EntityType.PERSON or c.entry is not None:
            continue
        start = c.start
        while start > 0 and start - 1 not in taken and proper_name_at(doc, start - 1):
            if doc[start - 1].lower_ in title_words() or doc[start].is_sent_start:
                break
            if start > 1 and doc[start - 2].lower_ in ("of", "for"):
                start = c.start  # "Minister of Economic Affairs Robert Habeck": a portfolio, not first names
                break
            start -= 1
        set_span(c, doc[start : c.end])
    return candidates


def _run_on_names(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]]) -> None:
    """An unknown person's name the model ended a word early goes on to the word the parse makes its
    head ("prime minister [Manuel Osa Nsue] Nsua", "[Alix Didier] [Fils-Aimé]" with the surname tagged
    ORG): the name's last word is a compound of a capitalised proper noun at most three words on. The
    words taken are capitalised proper nouns (or a hyphen inside a word) that are no gazetteer name,
    title, title modifier ("Principal Deputy") or noun that ends an organization's, a place's or a
    building's name ("Governorate", "Foundation", "Airport"); a name the gazetteer does not know,
    no person's, standing wholly among them is dropped into the person's."""
    title_tokens = {i for start, end, _ in titles for i in range(start, end)}
    stop = (TITLE_WORDS | GENERIC_HEADS | NAME_END_NOUNS | REGION_NOUNS | REGION_NAME_ENDS | title_words()
            | frozenset(load_role_meanings()) | not_entities().names | {"headquarters"})  # fmt: skip
    for c in list(candidates):
        if c.type is not EntityType.PERSON or c.entry is not None or not any(o is c for o in candidates):
            continue
        last = doc[c.end - 1]
        head = last.head.i
        if last.dep_ != "compound" or not c.end <= head < c.end + 3:
            continue
        words = doc[c.end : head + 1]
        if not all(_run_on_word(doc, t, stop) for t in words) or title_tokens & set(range(c.end, head + 1)):
            continue
        inside = [o for o in candidates if o is not c and o.start < head + 1 and c.end < o.end]
        if any(o.entry is not None or o.type is EntityType.PERSON or o.start < c.end or o.end > head + 1 for o in inside):
            continue
        candidates[:] = [o for o in candidates if not any(o is i for i in inside)]
        set_span(c, doc[c.start : head + 1])


def _run_on_word(doc: Doc, token: Token, stop: frozenset[str]) -> bool:
    """A word a person's name may run on with: a capitalised proper noun of no gazetteer name and no
    `stop` word, or a hyphen inside a word ("Fils-Aimé")."""
    if token.text == "-":  # not a dash between two names ("Zamora–Carapan")
        return not doc[token.i - 1].whitespace_ and not token.whitespace_
    return token.is_title and token.pos_ == "PROPN" and not token.ent_id_ and token.lower_ not in stop


def _one_word_organization(doc: Doc, candidate: MentionCandidate) -> bool:
    """`candidate` is a known organization's name of one capitalised word ("Wagner", "Duma"), no acronym."""
    word = doc[candidate.start]
    return (candidate.entry is not None and candidate.type is EntityType.ORGANIZATION
            and candidate.end - candidate.start == 1 and word.is_title and word.is_alpha)  # fmt: skip


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
                and not doc[start - 1].is_sent_start and doc[start - 1].lower_ not in title_words():  # fmt: skip
            start -= 1
        if 2 <= i - start <= 3:
            found.append(unknown(start, i, EntityType.PERSON, doc[start:i].text))
    return found


def numbered_units(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "the [Group] 26 unit", "[Brigade] 47": an unknown organization's name the model ended at a unit's
    word, capitalised (`UNIT_NAME_WORDS`), goes on to the number written right after it, which no other name holds."""
    taken = token_owners(candidates)
    for c in candidates:
        end = c.end
        if (c.type is EntityType.ORGANIZATION and c.entry is None and end < len(doc) and end not in taken
                and doc[end - 1].text.istitle() and doc[end - 1].lower_ in UNIT_NAME_WORDS
                and doc[end].text.isdigit() and doc[end - 1].whitespace_):
            set_span(c, doc[c.start : end + 1])
    return candidates


def region_names(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
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
        kept.append(unknown(start, end, EntityType.LOCATION, doc[start:end].text))
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
    return [unknown(start, comma, EntityType.LOCATION, doc[start:comma].text)]


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


def region_name(doc: Doc, candidate: MentionCandidate) -> bool:
    """A region's name by its last word ("Kharkiv Oblast"; names.REGION_NAME_ENDS)."""
    return candidate.type is EntityType.LOCATION and _region_name_end(doc[candidate.end - 1])


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
