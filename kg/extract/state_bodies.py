"""Extract stage, entities: states' governments and bodies, and organizations named with a state's name.

Input: the annotated Doc, the mention candidates and the entity `Context`. Output: the
candidates with "the Trump administration" read as the state (`governments`), "the Israel Air
Force" and "the Supreme Court of Cameroon" as organizations of the whole name
(`named_after_states`, `named_before_states`), "the US Embassy" as the state's body
(`state_bodies`) and "Argentina's Congress" as that state's body, not the known Congress of
another state (`other_states_bodies`, by `own_states`). A body's mention is its own words; the
state's name stays a mention of the state.
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from spacy.tokens import Doc, Span

from kg.extract.asset_mentions import longest_asset_matches
from kg.extract.lexicon import load_lexicons
from kg.extract.long_names import ORGANIZATION_NOUNS
from kg.extract.names import (
    GOVERNMENT_NOUNS, HEAD_ROLES, HYPHENS, POSSESSIVE, Context, MentionCandidate, candidate_of, only, org_kind,
    owner_end, proper_name_at, surname_entry, token_owners, unknown,
)  # fmt: skip
from kg.gazetteer import Gazetteer, GazetteerEntry, PhoenixPost, Tenure, entry_key, own_states
from kg.nlp import tokens_whose
from kg.records import EntityType


def governments(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
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
    return only(e for e in context.gazetteer.lookup(_current_or_latest(posts, context.day).state) if e.type is EntityType.STATE)


Dated = TypeVar("Dated", Tenure, PhoenixPost)


def _current_or_latest(held: list[Dated], day: date | None) -> Dated:
    """The last of those held on `day`, else the one that started last."""
    current = [x for x in held if day is not None and x.held_on(day)]
    return (current or sorted(held, key=lambda x: x.start or date.min))[-1]


def named_after_states(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """An organization whose name is a state's name as written (not a demonym: "Israel", "U.S.")
    and up to four capitalised proper nouns no other name holds that end in an organization's noun
    (long_names.ORGANIZATION_NOUNS, patterns/org_kinds.tsv): "the Israel Air Force", "Azerbaijan
    Airlines", "the Sudan Doctors Union", "U.S. Cyber Command". The entity ruler's state name
    leaves the model no room to tag the whole; the state's name is no mention of the state there.
    The same where the model tagged the words after the state's name as an organization of its own
    ("the Burma [National Revolutionary Army]"): the name is the whole, and the state no party nor
    an office's state ("X, leader of the Burma National Revolutionary Army" leads no state). Not
    where the name goes on ("the United States Office of Personnel Management", "Pheu Thai Party",
    "the EU-Israel Association agreement"), where it ends in a government body's noun (a state's
    body: `state_bodies`) or in a military asset's words ("U.S. Marines", "a China Coast Guard
    vessel": kg.extract.assets)."""
    by_token = token_owners(candidates)
    ends = {id(c): _organization_end(doc, c, by_token) for c in candidates}
    named = {key: end for key, end in ends.items() if end is not None}
    if not named:
        return candidates
    assets = [(start, end) for start, end, _ in longest_asset_matches(doc, load_lexicons())]
    joined: set[int] = set()  # the model's organizations a state's name starts ("Burma [National Revolutionary Army]")
    result: list[MentionCandidate] = []
    for c in candidates:
        end = named.get(id(c))
        if end is not None and not any(start < end and c.start < asset_end for start, asset_end in assets):
            rest = _tagged_rest(doc, c, by_token)
            if rest is not None:
                joined.add(id(rest))
            name = doc[c.start : end].text
            c = unknown(c.start, end, EntityType.ORGANIZATION, name, org_kind(name))
        result.append(c)
    return [c for c in result if id(c) not in joined]


def _written_state(candidate: MentionCandidate) -> bool:
    """A state's name the entity ruler matched as written ("Israel", "U.S."), not its demonym (weight 1)."""
    return candidate.type is EntityType.STATE and candidate.entry is not None and candidate.weight == 2


def _organization_end(doc: Doc, state: MentionCandidate, by_token: dict[int, MentionCandidate]) -> int | None:
    """Where the organization's name that a state's name starts ends (`named_after_states`), if it starts one."""
    if not _written_state(state):
        return None
    rest = _tagged_rest(doc, state, by_token)
    end = state.end
    while end < state.end + 4 and (end not in by_token or by_token[end] is rest) and proper_name_at(doc, end):
        end += 1
    if rest is not None and end < rest.end:
        return None
    before = doc[state.start - 1] if state.start > 0 else None
    goes_on = end < len(doc) and (doc[end].lower_ in ("of", "for") or proper_name_at(doc, end))
    starts_earlier = before is not None and (proper_name_at(doc, before.i) or before.text in HYPHENS)
    kind = org_kind(doc[state.start : end].text)
    organization_end = kind is not None or doc[end - 1].lower_ in ORGANIZATION_NOUNS
    if end == state.end or goes_on or starts_earlier or kind == "GovernmentBody" or not organization_end:
        return None
    return end


def _tagged_rest(doc: Doc, state: MentionCandidate, by_token: dict[int, MentionCandidate]) -> MentionCandidate | None:
    """The name the model tagged as an organization right after a state's name, which the gazetteer
    does not know ("Burma [National Revolutionary Army]"), if one is there: of whatever type the
    title before the state's made it ("leader of the Burma [National Revolutionary Army]" read as
    "President of Peru [José Jerí]")."""
    rest = by_token.get(state.end)
    if (rest is None or rest.start != state.end or not rest.unknown_name
            or doc[rest.start].ent_type_ != "ORG" or not doc[state.end - 1].whitespace_):  # fmt: skip
        return None
    return rest


def named_before_states(doc: Doc, candidates: list[MentionCandidate]) -> list[MentionCandidate]:
    """An organization's name the model tagged right before an "of" and a state's name the entity
    ruler matched, which leaves the model no room to tag the whole: "the Supreme Court of
    Cameroon", "the Security Service of Ukraine", "the Liberal Party of Canada". It is an organization
    of the whole name, with the state's as written (not a demonym), of the kind its words before
    "of" say (patterns/org_kinds.tsv). As for a state's body (`state_bodies`), its mention is its
    own words and the state's name stays a mention of the state. Not where capitalised words go
    on after the state's name (a longer name), nor a government's name ("the Federal Government of
    Somalia": `governments` reads a state's government as the state, but "the National Unity
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
            c = unknown(c.start, c.end, EntityType.ORGANIZATION, name, org_kind(doc[c.start : c.end].text), weight=1)
        result.append(c)
    return result


def _of_state(doc: Doc, end: int, states: dict[int, MentionCandidate]) -> MentionCandidate | None:
    """The state whose name as written follows "of" (and "the") at `end` and ends the name there: "[of the] Philippines"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    state = states.get(end + 2 if doc[end + 1].lower_ == "the" else end + 1)
    goes_on = state is not None and proper_name_at(doc, state.end)
    return None if goes_on else state


def state_bodies(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
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


def other_states_bodies(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
    """A known organization whose name says its own state ("United States Congress", "National
    Liberation Army (Colombia)", "Chinese People's Liberation Army": `own_states`), named by its
    generic words with another state's name, demonym or possessive right before ("Argentina's
    Congress", "the Philippine House of Representatives") or "of" and another state's name right
    after ("the House of Representatives of Libya"), is that other state's body, read as
    `state_bodies` reads an unknown one: the body the gazetteer lists under the state's name and
    the words, else an organization of the whole name, of the known one's kind. Its mention is its
    own words; the state's name stays a mention of the state. The known one's own state there ("the
    U.S. Central Intelligence Agency") and a known name with no state in it ("Labour Party") stay."""
    owners = own_states(context.gazetteer)
    states = {c.start: c for c in candidates if _written_state(c)}
    ends = {c.end: c for c in candidates if c.type is EntityType.STATE and c.entry is not None}
    result: list[MentionCandidate] = []
    for c in candidates:
        own = owners.get(entry_key(c.entry)) if c.entry is not None and c.type is EntityType.ORGANIZATION else None
        goes_on = proper_name_at(doc, c.end)  # "Taiwan's CPC Corporation": a longer name
        # The state's name, demonym or possessive right before ("[Peru's] Congress"), else after "of".
        state = None if own is None or goes_on else ends.get(owner_end(doc, c.start)) or _of_state(doc, c.end, states)
        if c.entry is None or own is None or state is None or state.entry is None or entry_key(state.entry) == own:
            result.append(c)
            continue
        name = doc[min(c.start, state.start) : max(c.end, state.end)].text
        result.append(_body_of(doc[state.start : state.end], state.entry, doc[c.start : c.end], name, c.entry.kind,
                               context.gazetteer))  # fmt: skip
    return result


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
    listed = only(e for full in names for e in gazetteer.lookup(full) if e.type is EntityType.ORGANIZATION)
    if listed is not None:
        return candidate_of(body, listed, weight=1)
    return unknown(body.start, body.end, EntityType.ORGANIZATION, name, kind, weight=1)
