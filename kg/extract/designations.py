"""Designations (extractor "kg.designations.v2"): annotated Doc + entities -> Designation claims.

Terrorist listings ("designated X as a foreign terrorist organization", "a group Washington
labels a terrorist organization"), sanctions ("imposed sanctions on", "sanctioned", asset
freezes, embargoes) and entry or flight bans, in news phrasing and in official notices
(Federal Register: "I hereby designate the aforementioned organization ..."). Triggers,
argument paths, category phrases and legal bases are data (patterns/designations.jsonl).
Every authority named with every designee gives one claim ("the UK and Canada sanction A and B").
"""

from __future__ import annotations

import re
from itertools import islice, product
from typing import TYPE_CHECKING, Iterable, NamedTuple

from kg.extract import confidence
from kg.extract.arguments import EntityIndex, clause_time, sentence_evidence, topic_line_end
from kg.extract.lexicon import WORDS, Lexicon, Lexicons, Trigger, load_lexicons
from kg.extract.modality import assess, partisan
from kg.extract.paths import Path, heads_reached, parse_path
from kg.gazetteer import load_gazetteer
from kg.nlp import doc_text
from kg.records import (
    Article, Designation, DesignationCategory, DesignationStatus, Entity, EntityType, Interval, Provenance,
)  # fmt: skip
from kg.timex import find_times, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME = "kg.designations.v2"
PARTIES = (EntityType.STATE, EntityType.ORGANIZATION, EntityType.PERSON)  # who lists, and who is listed
# Phrases of official notices that point back at the entity just named.
ANTECEDENTS = (EntityType.ORGANIZATION, EntityType.PERSON)
ANAPHORS = WORDS["anaphors"]
_DATED = re.compile(r"^\s*Dated:\s*(.+?)\.?\s*$", re.MULTILINE)
_UPON_PUBLICATION = re.compile(r"effect(?:ive)? upon (?:its )?publication", re.IGNORECASE)
_PREP_OBJECT = parse_path(">prep>pobj")
SINCE_OK = WORDS["listing_not_when"]
# The organizations that can stop another's flights: an airline that suspends its own ("Air Canada
# suspends all flights to Cuba") bans no one.
FLIGHT_BANNING_KINDS = frozenset({"GovernmentBody", "InternationalOrganization"})
BANNED_FROM = WORDS["banned_from"]
STATE_WORDS = frozenset({"country", "territory", "soil"})  # "bans X from the country": from a state


class Notice(NamedTuple):
    """What an article says once for all its listings, as an official notice does: the official who
    signs it (the person named last, when a "Dated: November 16, 2025." line ends it), that line's
    date, its taking effect upon publication, and the legal basis it cites."""

    signer: list[str]
    dated: Interval | None
    effective: Interval | None
    legal_basis: tuple[str | None, str | None]


def extract(doc: Doc, entities: tuple[Entity, ...], article: Article) -> list[Designation]:
    """Every designation, sanction or ban the Doc reports."""
    lex = load_lexicons()
    index = EntityIndex(doc, entities)
    text, day = doc_text(doc), article.published
    dated = _DATED.search(text)
    people = [person for t in doc if (person := index.at(t)) and index.type_of(person) is EntityType.PERSON] if dated else []
    notice = Notice(people[-1:], resolve(dated.group(1), day) if dated and day else None,
                    Interval(day, day, "day", "upon publication") if day and _UPON_PUBLICATION.search(text) else None,
                    _legal_basis(text, lex.designations) or (None, None))  # fmt: skip
    claims: dict[tuple[str, str, DesignationCategory], Designation] = {}
    body_start = topic_line_end(article)
    for sent in doc.sents:
        times = find_times(sent, day) if day else []
        for token in sent:
            if token.pos_ not in ("VERB", "NOUN") or token.idx < body_start:
                continue
            parties = _headline_parties(token, index)
            # A verb the tagger read as a noun: its noun reading is the misreading.
            verbs = lex.designations.by_lemma(token.lemma_.lower(), "VERB") if parties is not None else []
            readings = [(trigger, parties) for trigger in verbs] or [
                (trigger, None) for trigger in lex.designations.by_lemma(token.lemma_.lower(), token.pos_)]  # fmt: skip
            for trigger, found in readings:
                for claim in _read(token, trigger, lex, index, times, notice, found):
                    # The same listing read twice (headline and body): keep the dated reading.
                    key = (claim.authority, claim.designee, claim.category)
                    if key not in claims or (claims[key].announced is None and claim.announced is not None):
                        claims[key] = claim
    # "Germany bans Mahan Air" (other) and "banned Mahan Air from flying" (travel ban) are one listing.
    specific = {(c.authority, c.designee) for c in claims.values() if c.category is not DesignationCategory.OTHER}
    return [c for c in claims.values()
            if c.category is not DesignationCategory.OTHER or (c.authority, c.designee) not in specific]  # fmt: skip


def _designee(key: str, index: EntityIndex) -> bool:
    """A party, or a named ship ("tanker Auroura, which was sanctioned by the United States")."""
    entity = index.entities[key]
    return entity.type in PARTIES or entity.type is EntityType.MILITARY_ASSET and entity.named and entity.kind == "Vessel"


def _read(token: Token, trigger: Trigger, lex: Lexicons, index: EntityIndex, times: list[tuple[int, int, Interval]],
          notice: Notice, parties: tuple[list[str], list[str]] | None) -> list[Designation]:  # fmt: skip
    """The claims of one trigger; `parties` (authorities, designees) when word order, not the
    parse, gave them."""
    table = lex.designations
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in table.asking:
        return []  # "Congo requests sanctions against Rwanda": a request, not a listing by Congo
    found = _category(token, trigger, table)
    if found is None:
        return []
    category, label = found
    for option, deps in (("requires_prep_object", ("prep", "dative")),
                         ("requires_object_lemmas", ("dobj", "nsubjpass"))):  # fmt: skip
        wanted = trigger.words(option)
        if wanted and not any(part.lemma_.lower() in wanted for child in token.children if child.dep_ in deps
                              for part in child.subtree):  # fmt: skip
            return []
    designee_paths = table.paths(trigger, "designee")
    designees = [key for key in (parties[1] if parties else index.follow(
        token, designee_paths, qualifiers=False, transparent=table.transparent)) if _designee(key, index)]  # fmt: skip
    authorities = [key for key in (parties[0] if parties else index.follow(token, table.paths(trigger, "authority")))
                   if index.type_of(key) in PARTIES and key not in designees]  # fmt: skip
    if category is DesignationCategory.TRAVEL_BAN and _flights_suspended(token):
        authorities = [key for key in authorities if _bans_flights(key, index)]
    # An official notice names no acting party in the sentence: the official who signs it acts.
    authorities = list(dict.fromkeys(_state_of_body(key, index) for key in authorities)) or notice.signer
    if not designees:
        designees = _antecedent(token, index, authorities) or _people_of_a_state(token, designee_paths, index)
    if not authorities or not designees:
        return []
    if (category is DesignationCategory.OTHER and (banned := trigger.options.get("person_category"))
            and all(index.type_of(key) is EntityType.PERSON for key in designees) and _kept_from_a_state(token, index)):  # fmt: skip
        category = DesignationCategory(banned)  # "France bans X", "bans X from the country": an entry ban
    modality = assess(token, index, lex.cues)
    sent = token.sent
    # "sanctioned since 2011": for a listing, the start of the state is its date.
    announced = clause_time(token, times, not_after=SINCE_OK) or notice.dated
    legal_basis, programme = _legal_basis(sent.text, table) or notice.legal_basis
    score = confidence.score(trigger.base, negated=modality.negated, hypothetical=modality.hypothetical,
                             attributed=partisan(modality, authorities, index), state=True)  # fmt: skip
    provenance = Provenance(sentence_evidence(sent), NAME, score,
                            modality.claimed_by, modality.negated, modality.hypothetical)  # fmt: skip
    status = DesignationStatus.REVOKED if _revoked(token, trigger, lex) else DesignationStatus.IN_FORCE
    return [Designation(authority, designee, category, provenance, label=label, programme=programme,
                        legal_basis=legal_basis, announced=announced, effective=notice.effective, status=status)
            for authority, designee in product(authorities, designees) if authority != designee]  # fmt: skip


def _kept_from_a_state(token: Token, index: EntityIndex) -> bool:
    """A ban of a person says what it keeps them from only as a state, if at all ("bans X", "bans
    X from the country"), not as an act or a body ("bans X from running", "from the parliament")."""
    froms = [child for node in (token, *(c for c in token.children if c.dep_ == "dobj")) for child in node.children
             if child.dep_ == "prep" and child.lower_ == "from"]  # fmt: skip
    for prep in froms:
        for obj in prep.children:
            if obj.dep_ == "pcomp":
                return False  # "from running"
            if obj.dep_ == "pobj" and obj.lemma_.lower() not in STATE_WORDS and not any(
                    index.type_of(key) is EntityType.STATE for key in index.entities_of(obj, qualifiers=False)):  # fmt: skip
                return False  # "from the parliament"
    return True


def _headline_parties(token: Token, index: EntityIndex) -> tuple[list[str], list[str]] | None:
    """ "US sanctions Colombian President Gustavo Petro", "EU sanctions Rosneft and Lukoil over
    ...": a present-tense verb the tagger read as a plural noun. The entity just before it acts
    on the entities that end the noun phrases just after it ("Colombian" only qualifies Petro)."""
    doc = token.doc
    actor = index.at(doc[token.i - 1]) if token.tag_ == "NNS" and 0 < token.i < token.sent.end - 1 else None
    if actor is None or index.type_of(actor) not in PARTIES:
        return None
    designees: list[str] = []
    for t in doc[token.i + 1 : token.sent.end]:
        if _ends_object(t):
            break
        key = index.at(t)
        following = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if key is not None and (following is None or _ends_object(following) or following.pos_ == "CCONJ"
                                or following.text == ",") and key != actor and key not in designees:  # fmt: skip
            designees.append(key)
    return ([actor], designees) if designees else None


def _ends_object(token: Token) -> bool:
    """A word after which an object noun phrase is over: a preposition, a clause, a finite verb
    (a plural noun the tagger made a verb, VBP, is not one)."""
    return (token.pos_ in ("ADP", "SCONJ", "PART") or (token.is_punct and token.text != ",")
            or token.tag_ in ("VBD", "VBZ", "VBN", "VBG", "MD"))  # fmt: skip


def _category(token: Token, trigger: Trigger, table: Lexicon) -> tuple[DesignationCategory, str | None] | None:
    """The category and its wording: the trigger's own, or a phrase near it."""
    if not trigger.label:
        # The first category phrase of the sentence (the narrower terrorist categories first).
        if said := _said(" ".join(t.lower_ for t in token.sent), table, None):
            return said
        default = trigger.options.get("default_category")
        # "adds Colombia to its list of countries failing ...": a listing of another kind.
        return (DesignationCategory(default), None) if default else None
    if cues := trigger.options.get("category_cues"):
        context = " ".join(t.lower_ for t in (*_own_words(token), *_own_words(token.head)))
        if said := _said(context, table, cues):
            return said[0], None
    return DesignationCategory(trigger.label), None


def _own_words(token: Token) -> Iterable[Token]:
    """The words of what `token` bans: its phrase without relative clauses, adverbial clauses and
    phrases that only place it in time or give its reason ("bans the party of X, who was ousted,
    before her flight to India" says nothing of flights)."""
    asides = [child for node in token.subtree for child in node.children if child.dep_ == "relcl"
              or (node is token and (child.dep_ == "advcl" or child.dep_ == "prep" and child.lower_ not in BANNED_FROM))]  # fmt: skip
    inside = {t.i for aside in asides for t in aside.subtree}
    return (t for t in token.subtree if t.i not in inside)


def _said(text: str, table: Lexicon, applies_to: str | None) -> tuple[DesignationCategory, str] | None:
    """The first category, in the order of the data file, whose phrases `for` `applies_to` `text`
    holds as whole words, with the first of its phrases."""
    return next(((category, phrases[0]) for category, cues, phrases in table.categories if cues == applies_to
                 and any(re.search(rf"\b{re.escape(phrase)}\b", text) for phrase in phrases)), None)  # fmt: skip


def _flights_suspended(token: Token) -> bool:
    """ "suspends all flights to Cuba": the trigger's object is flights."""
    return any(child.dep_ == "dobj" and child.lemma_.lower() == "flight" for child in token.children)


def _bans_flights(key: str, index: EntityIndex) -> bool:
    """A state, a person (an official) or a government's or international organization
    (`FLIGHT_BANNING_KINDS`): an airline's, a company's or an unknown body's suspended flights are its own."""
    entity = index.entities[key]
    return entity.type is not EntityType.ORGANIZATION or entity.kind in FLIGHT_BANNING_KINDS


def _state_of_body(key: str, index: EntityIndex) -> str:
    """A state body whose name holds its state's name ("the United States Department of the
    Treasury") lists for that state: the state is the authority."""
    entity = index.entities[key]
    if entity.type is not EntityType.ORGANIZATION:
        return key
    label = f" {entity.label.lower()} "
    for other in index.entities.values():
        names = {other.label.lower(), *(mention.text.lower() for mention in other.mentions)}
        if other.type is EntityType.STATE and any(len(name) > 3 and f" {name} " in label for name in names):
            return other.key
    return key


def _antecedent(token: Token, index: EntityIndex, exclude: list[str]) -> list[str]:
    """The organization or person a designee phrase points back at: "the aforementioned
    organization" of a notice, or "X, a group Washington labels ..." (the group is X)."""
    for obj in [child for child in token.children if child.dep_ in ("dobj", "nsubjpass", "nsubj")] + _PREP_OBJECT.follow(token):
        if obj.lemma_.lower() not in ANAPHORS or index.at(obj) is not None:
            continue
        determiners = {d.lower_ for d in obj.children if d.dep_ == "det"}
        after_comma = obj.left_edge.i > 0 and obj.doc[obj.left_edge.i - 1].text == ","
        if determiners & {"the", "this", "aforementioned", "such"} or ("a" in determiners and after_comma):
            return _previous_entity(obj.left_edge, index, exclude)
    return []


def _people_of_a_state(token: Token, paths: Iterable[Path], index: EntityIndex) -> list[str]:
    """ "a travel ban on Americans": a designee written as the plural demonym of a state the article
    names is that state (in other slots people of a state are not the state: "detained two Britons")."""
    states = {entity.label: key for key, entity in index.entities.items() if entity.type is EntityType.STATE}
    people = [person for person in heads_reached(token, paths) if person.tag_ in ("NNPS", "NNP") and index.at(person) is None]
    return list(dict.fromkeys(states[entry.name] for person in people for entry in load_gazetteer().states_of_people(person.text)
                              if entry.name in states))  # fmt: skip


def _previous_entity(token: Token, index: EntityIndex, exclude: list[str]) -> list[str]:
    """The organization or person named last before `token`."""
    for earlier in reversed(token.doc[: token.i]):
        key = index.at(earlier)
        if key is not None and key not in exclude and index.type_of(key) in ANTECEDENTS:
            return [key]
    return []


def _legal_basis(text: str, table: Lexicon) -> tuple[str, str | None] | None:
    """The legal basis `text` cites first in the order of the data file, and its programme."""
    return next(((match.group(0), programme) for pattern, programme in table.legal_bases
                 if (match := pattern.search(text))), None)  # fmt: skip


def _revoked(token: Token, trigger: Trigger, lex: Lexicons) -> bool:
    """ "revoked the designation", "the revocation of the sanctions" -- unless the revocation is
    itself denied or only possible ("does not warrant a revocation of the designation"); a trigger
    that is itself a revocation ("removed X from the list") revokes, unless what it takes away is
    a right ("revokes visas for X" is a travel ban, not the end of one)."""
    if token.lemma_.lower() in lex.designations.revoking:
        return not trigger.words("requires_object_lemmas")
    for node in (token, *islice(token.ancestors, 2)):
        if node.dep_ in ("dobj", "pobj", "prep", "nsubjpass") and node.head.lemma_.lower() in lex.designations.revoking:
            revocation = assess(node.head, EntityIndex(token.doc, ()), lex.cues)
            return not (revocation.negated or revocation.hypothetical)
    return False
