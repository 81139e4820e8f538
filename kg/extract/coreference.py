"""Extract stage, entities: within-article coreference of mention candidates.

Input: the mention candidates of kg.extract.entities. Output: groups of candidates, one group
per real thing. Mentions join by gazetteer entry; one name is one thing whatever type the
model gave each mention (the type most mentions have wins); a name part ("Maduro") joins the
full name ("Nicolás Maduro", accents and transliterated letters ignored), a person's name without
its last word the one person's name with it ("Wanda Vázquez" of "Wanda Vázquez Garced"), and an asset's short
name its full one ("USS Eisenhower Carrier Strike Group"); an acronym joins the name it
abbreviates ("SDF", "Name (ABBR)"); a lone surname the article never spells out is resolved through the
gazetteer's office holders when unique; "the North" joins North Korea. Descriptions ("the
Venezuelan leader", "Venezuela's president") become mentions of the person the article titles
so, or that the gazetteer shows holding the office on the article's date.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.lexicon import WORDS
from kg.extract.name_spans import known_here
from kg.extract.names import (
    GENERIC_HEADS, GEO_NOUNS, HEAD_ROLES, REGION_NAME_ENDS, Context, MentionCandidate,
    candidate_of, initials, latin_key, name_words, owner_end, surname_entry, token_owners,
)  # fmt: skip
from kg.extract.role_words import RoleWord
from kg.gazetteer import ACRONYM, entry_key
from kg.records import EntityType


def merge(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[list[MentionCandidate]]:
    groups: dict[str, list[MentionCandidate]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if candidate.unknown_name:  # one name, one thing, whatever the model called it
            candidate.group = "name:" + latin_key(candidate.name)
        groups[candidate.group].append(candidate)
    for group, members in groups.items():
        if group.startswith("name:"):
            _vote_type(doc, members, context.headline_end)
    _people_by_surname(groups)
    alias = _aliases(doc, groups, context)
    merged: dict[str, list[MentionCandidate]] = defaultdict(list)
    for group, members in groups.items():
        merged[_final(group, alias)].extend(members)
    for target, members in merged.items():
        head = groups[target][0]
        for member in members:
            if member.group != target:
                member.type, member.kind, member.entry, member.name = head.type, head.kind, head.entry, head.name
    return sorted(merged.values(), key=lambda members: min(c.start for c in members))


def _vote_type(doc: Doc, members: list[MentionCandidate], headline_end: int) -> None:
    """The type most of a name's mentions have; on a tie, the first body mention's: the model
    misreads title-cased headlines ("Kupiansk offensive" makes Kupiansk an organization)."""
    votes = Counter(member.type for member in members)
    best = max(votes.values())
    tied = [member for member in members if votes[member.type] == best]
    winner = next((member for member in tied if doc[member.start].idx >= headline_end), tied[0])
    for member in members:
        member.type, member.kind = winner.type, winner.kind


def _people_by_surname(groups: dict[str, list[MentionCandidate]]) -> None:
    """ "Tomasz Kowal" tagged ORG in an article about "Marek Kowal" (a person) is a person too."""
    surnames = {name_words(m[0].name)[-1] for m in groups.values() if m[0].type is EntityType.PERSON and m[0].name}
    for group, members in groups.items():
        words = members[0].name.split()
        if (group.startswith("name:") and members[0].type in (EntityType.ORGANIZATION, EntityType.LOCATION)
                and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                and latin_key(words[-1]) in surnames):  # fmt: skip
            for member in members:
                member.type, member.kind = EntityType.PERSON, None


def _aliases(doc: Doc, groups: dict[str, list[MentionCandidate]], context: Context) -> dict[str, str]:
    """group -> the group it is another name of (name parts, acronyms, "Name (ABBR)")."""
    alias: dict[str, str] = {}
    found: dict[str, list[MentionCandidate]] = {}
    named_so: dict[str, list[str]] = {}  # a lone given name -> the full names it may be
    words = {g: name_words(m[0].name) for g, m in groups.items()}
    for group, members in groups.items():
        first = members[0]
        if not first.unknown_name or not words[group]:
            continue
        mine = words[group]
        longer = [
            g for g, m in groups.items()
            if g != group and m[0].type in _MERGES_INTO[first.type] and len(words[g]) > len(mine)
            and (len(mine) == 1 or m[0].type is not EntityType.PERSON or first.type is EntityType.PERSON
                 or words[g][-len(mine) :] == mine)
            and _part_of(mine, words[g])
            and not (len(mine) == 1 and mine[0] in GENERIC_HEADS)  # "the House" is not the White House
        ]  # fmt: skip
        if longer:
            alias[group] = _nearest(longer, first, groups)
            continue
        if first.type is EntityType.PERSON and len(mine) > 1 and len(run_on := [
                g for g, m in groups.items() if g != group and m[0].type is EntityType.PERSON
                and name_words(m[0].name.rsplit(None, 1)[0]) == mine and words[g][-1] not in GENERATION_SUFFIXES]) == 1:  # fmt: skip
            # "Wanda Vázquez" of "Wanda Vázquez Garced": a second surname left off (a whole word: "Wong
            # Kwok" is no part of "Wong Kwok-kin", rather the model's cut of another "Wong Kwok-hing")
            alias[group] = run_on[0]
            continue
        if first.type is EntityType.PERSON and len(mine) == 1 and (given := [
                g for g, m in groups.items() if g != group and m[0].type is EntityType.PERSON
                and len(words[g]) > 1 and words[g][0] == mine[0]]):  # fmt: skip
            named_so[group] = given  # a given name alone ("I asked John"): decided once the full names are merged
            continue
        if first.type in (EntityType.PERSON, EntityType.ORGANIZATION) and len(mine) == 1 and not ACRONYM.match(first.name):
            known = surname_entry(first.name, context)
            # A lone word the model calls an organization is a person's surname only for someone
            # the article names in full or who holds office on its date ("Meta" is no Ilir Meta).
            if known is not None and (first.type is EntityType.PERSON or known_here(known, doc, context)):
                target = f"entry:{entry_key(known)}"
                if target not in groups:
                    found[target] = [candidate_of(doc[first.start : first.end], known, weight=2)]
                alias[group] = target
                continue
        if len(mine) == 1:  # "the North" of an article about North Korea
            states = [g for g, m in groups.items() if m[0].type is EntityType.STATE and len(words[g]) > 1
                      and words[g][0] == mine[0]]  # fmt: skip
            if len(states) == 1:
                alias[group] = states[0]
                continue
        if first.type in (EntityType.ORGANIZATION, EntityType.MILITARY_ASSET) and ACRONYM.match(first.name):
            expanded = [
                g for g, m in groups.items()
                if g != group and m[0].type in (EntityType.ORGANIZATION, EntityType.MILITARY_ASSET)
                and initials(m[0].name) == first.name
            ]  # fmt: skip
            if len(expanded) == 1:
                alias[group] = expanded[0]
    for group, given in named_so.items():  # the one person of the article with that given name
        people = {_final(g, alias) for g in given}
        if len(people) == 1:
            alias[group] = people.pop()
    groups.update(found)
    for group, members in groups.items():  # "Name (ABBR)": the abbreviation is the name's alias
        for c in members:
            if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")":
                for other, other_members in groups.items():
                    if (other != group and other not in alias and any(o.start == c.end + 1 for o in other_members)
                            and other_members[0].entry is None and ACRONYM.match(other_members[0].name)):  # fmt: skip
                        alias[other] = group
    return alias


def _final(group: str, alias: dict[str, str]) -> str:
    """The group `group` is at last an alias of (itself if none)."""
    while group in alias:
        group = alias[group]
    return group


# Geographic nouns after which a name's first word names the same place ("Gaza" of the Gaza Strip), not
# those of a region named after its city ("Kharkiv" is no mention of Kharkiv Oblast).
SAME_PLACE_GEO_NOUNS = GEO_NOUNS - REGION_NAME_ENDS

# The last words that tell a son from his father ("John Smith Jr."): no second surname.
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

_MERGES_INTO = {
    EntityType.PERSON: (EntityType.PERSON,),
    EntityType.ORGANIZATION: (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.MILITARY_ASSET),
    EntityType.LOCATION: (EntityType.PERSON, EntityType.LOCATION),
    EntityType.MILITARY_ASSET: (EntityType.MILITARY_ASSET,),
    EntityType.STATE: (),
}


def _nearest(groups_found: list[str], candidate: MentionCandidate, groups: dict[str, list[MentionCandidate]]) -> str:
    """Of several groups a name part may belong to, the one mentioned last before it (else first after)."""
    def distance(group: str) -> tuple[int, int]:
        before = [c.start for c in groups[group] if c.start < candidate.start]
        return (0, candidate.start - max(before)) if before else (1, min(c.start for c in groups[group]))

    return min(groups_found, key=distance)


def _part_of(words: list[str], longer: list[str]) -> bool:
    """ "maduro" in "nicolas maduro"; "lula" in "luiz inacio lula da silva"; "uss eisenhower carrier
    strike group" in "uss dwight d eisenhower carrier strike group"; not "nicolas" alone."""
    if longer[-len(words) :] == words:
        return True
    if len(words) == 1:  # a surname; a first word only before geographic nouns: "Gaza" (Strip), not "Kharkiv" (Oblast)
        return words[0] in longer[1:] or words[0] == longer[0] and all(word in SAME_PLACE_GEO_NOUNS for word in longer[1:])
    if words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    rest = iter(longer)
    return all(word in rest for word in words)


def resolve_descriptions(doc: Doc, groups: list[list[MentionCandidate]], titles: list[tuple[int, int, RoleWord]],
                  context: Context) -> None:  # fmt: skip
    """ "the Venezuelan leader", "Venezuela's president": a mention of the person the article
    names who holds that office: by a title the article gives them ("Venezuelan President
    Nicolás Maduro"), else by the gazetteer's holders of the office on the article's date.
    No such person named, or two ("the German leader"): the title stays a description of nobody."""
    group_of = {id(c): members for members in groups for c in members}
    ending = {c.end: c for members in groups for c in members if c.type is EntityType.STATE}
    starting = {c.start: c for members in groups for c in members}
    people = [members for members in groups if members[0].type is EntityType.PERSON and members[0].named]
    titled: dict[tuple[int, str], list[list[MentionCandidate]]] = defaultdict(list)
    described: list[tuple[int, int, MentionCandidate, RoleWord]] = []
    for start, end, word in titles:
        state_end = owner_end(doc, start)
        state = ending.get(state_end)
        if state is None or state.entry is None:
            continue
        holder = starting.get(end)
        if holder is not None and holder.type is EntityType.PERSON:
            titled[(id(group_of[id(state)]), word.role)].append(group_of[id(holder)])
        elif holder is None and (state_end < start or (state.start > 0 and doc[state.start - 1].lower_ == "the")):
            first = state.start - 1 if state_end == start else state.start
            described.append((first, end, state, word))
    for first, end, state, word in described:
        roles = HEAD_ROLES if word.role == "leader" else (word.role,)
        holders = [g for role in roles for g in titled.get((id(group_of[id(state)]), role), ())]
        if not holders and context.day is not None and state.entry is not None and state.entry.qid:
            qids = {t.person_qid for role in roles for t in context.gazetteer.holders(state.entry.qid, role, context.day)}
            holders = [g for g in people if g[0].entry is not None and g[0].entry.qid in qids]
        unique = {id(g): g for g in holders}
        if len(unique) == 1:
            (target,) = unique.values()
            target.append(replace(target[0], start=first, end=end, weight=0))
    _definite_descriptions(doc, groups)


COUNTRY_NOUNS = WORDS["country_nouns"]
DESCRIPTION_NOUNS = COUNTRY_NOUNS | WORDS["body_nouns"]
BARE_DEPS = frozenset({"det", "case", "punct", "relcl", "cc", "conj", "preconj"})  # none says which one


def _definite_descriptions(doc: Doc, groups: list[list[MentionCandidate]]) -> None:
    """ "Both *the council* and the government ...": a bare definite description becomes a
    mention of the one thing of its kind the article named before it ("the country": the one
    state named earlier in its sentence, else in the article; "the council": the one organization
    whose name ends in "Council"). Two that fit, or none, and it stays a description of nobody."""
    taken = token_owners(c for members in groups for c in members)
    for token in doc:
        if (token.pos_ != "NOUN" or not token.is_lower or token.i in taken or token.i == 0
                or token.lower_ not in DESCRIPTION_NOUNS
                or doc[token.i - 1].lower_ != "the" or doc[token.i - 1].dep_ != "det"
                or any(child.dep_ not in BARE_DEPS for child in token.children)):  # fmt: skip
            continue
        fitting = [members for members in groups if _fits(token, members, token.sent.start)]
        if not fitting and token.lower_ in COUNTRY_NOUNS:
            fitting = [members for members in groups if _fits(token, members, 0)]
        if len(fitting) == 1:
            fitting[0].append(replace(fitting[0][0], start=token.i - 1, end=token.i + 1, weight=0))


def _fits(token: Token, members: list[MentionCandidate], since: int) -> bool:
    """A group of the kind `token` describes, with a mention between `since` and it."""
    head, words = members[0], members[0].name.split()
    if token.lower_ in COUNTRY_NOUNS:
        kind = head.type is EntityType.STATE
    else:
        kind = head.type is EntityType.ORGANIZATION and len(words) > 1 and words[-1].lower() == token.lower_
        since = 0
    return kind and any(since <= c.start and c.end <= token.i for c in members)

