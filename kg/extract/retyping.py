"""Extract stage, entities: the types of names the gazetteer does not know, by their sentence.

Input: the annotated Doc, the mention candidates, the title phrases and the entity `Context`.
Output: the candidates retyped: `retype` (a name after a title is a person's, one before a
group's noun that group's, one a chain of places follows a place ...) and `lone_words` (a
one-word name the model tags PERSON that stands where places stand is a place, one that
qualifies another noun no entity).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from kg.extract.long_names import ORGANIZATION_NOUNS
from kg.extract.name_spans import region_name
from kg.extract.names import (
    ATTACK_NOUNS, FACILITY_NOUNS, GEO_NOUNS, HELD_PLACE_VERBS, HYPHENS, MOTION, PLACE_NOUNS,
    PLACE_PREPOSITIONS, PLACE_VERBS, POSSESSIVE, REGION_NOUNS, Context, MentionCandidate, latin_key, name_words,
    org_kind, set_type, surname_entry, token_owners,
)  # fmt: skip
from kg.extract.role_words import RoleWord, title_words
from kg.gazetteer import ACRONYM, normalize_key
from kg.records import EntityType


# Organization kinds a name takes from the noun after it ("the Los Choneros cartel").
GROUP_KINDS = frozenset({"CriminalOrganization", "NonStateArmedGroup", "PoliticalParty"})
# Nouns a place's name qualifies: places', facilities' and fighting's ("the Bukavu offensive").
PLACE_HEADS = PLACE_NOUNS | GEO_NOUNS | FACILITY_NOUNS | ATTACK_NOUNS


def retype(doc: Doc, candidates: list[MentionCandidate], titles: list[tuple[int, int, RoleWord]]) -> list[MentionCandidate]:
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
            # (not a group's name of patterns/entities.jsonl: "Islamic State – Mozambique Province")
            or c.type in (EntityType.ORGANIZATION, EntityType.PERSON) and len(span) > 1 and c.kind not in GROUP_KINDS
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


def lone_words(doc: Doc, candidates: list[MentionCandidate], context: Context) -> list[MentionCandidate]:
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
        if c.start > 0 and (doc[c.start - 1].pos_ == "NOUN" or doc[c.start - 1].lower_ in title_words()):
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
        if following is None and len(chain) > 1 and region_name(doc, chain[-1]):
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
    title_body = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in title_words()
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
