"""Military assets (extractor "kg.assets.v2"): annotated Doc + entities -> Deployment claims.

The asset entities come from the entity stage: named ones ("USS Gerald R. Ford") and unnamed
groups matched by patterns/assets.jsonl ("an aircraft carrier strike group"). For each one this
reads its class (the entity's kind, the class noun beside the name: "the destroyer USS Mason", or a
carrier's name under a ship prefix: "USS Abraham Lincoln"),
its operator (the subject of the verb that sends it, a qualifier such as "US" or "of the United
States Navy", or a ship prefix such as "USS" via patterns/ship_prefixes.tsv; not a maker or model
named in its own phrase: "a Boeing E-3 Sentry") and where it went ("near Venezuela", "to the
Eastern Mediterranean"). An asset named in a deployment article without a place of its own
(a ship listed in a strike group) takes the place and operator of the deployment before it.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable

from kg.extract import confidence
from kg.extract.arguments import OWNERS, EntityIndex, clause_time, mention_spans, sentence_evidence, topic_line_end
from kg.extract.coder import verb_dictionary
from kg.extract.groups import agent_heads
from kg.extract.lexicon import Lexicons, asset_matcher, load_lexicons, ship_key
from kg.extract.modality import assess, partisan
from kg.extract.names import PLACE_NOUNS, PLACE_PREPOSITIONS
from kg.extract.paths import OBJECT, OF_OBJECT, parse_path
from kg.gazetteer import load_gazetteer
from kg.patterns import load_labels
from kg.records import Article, AssetClass, Claim, Deployment, Entity, EntityType, Event, EventType, Provenance
from kg.screened_matcher import ScreenedMatcher
from kg.timex import find_times

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME = "kg.assets.v2"
OPERATORS = (EntityType.STATE, EntityType.ORGANIZATION)
PLACES = (EntityType.LOCATION, EntityType.STATE)
_FROM_OBJECT = parse_path(">prep[from]>pobj")
_TARGET_OBJECT = parse_path(">prep[on,against]>pobj")
BASE = 0.7
PLACING_EVENTS = (EventType.ASSAULT, EventType.MOBILIZE)
# Owners written inside an asset's own noun phrase, before its class or model noun ("Zircon
# missiles"), unlike a possessive ("Russia's missiles").
INSIDE = frozenset(OWNERS) - {"poss"}
# A listed asset (in a group, with a hull number, beside other assets) takes the place of the
# deployment before it.
LISTED = frozenset({"dobj", "conj", "appos", "pobj", "nsubjpass", "attr"})


@lru_cache(maxsize=1)
def asset_kinds() -> dict[str, AssetClass]:
    """The asset class of each ontology class local name (Entity.kind), from patterns/labels.tsv:
    the label ASSET_AIRCRAFT_CARRIER has the kind AircraftCarrier."""
    return {spec.kind: AssetClass(label.removeprefix("ASSET_").lower()) for label, spec in load_labels().items()
            if spec.type is EntityType.MILITARY_ASSET and spec.kind}  # fmt: skip


def asset_tokens(doc: Doc, index: EntityIndex, lex: Lexicons) -> set[int]:
    """Token positions that name a military asset: asset entities and asset lexicon matches."""
    named = {token.i for key, entity in index.entities.items() if entity.type is EntityType.MILITARY_ASSET
             for token in index.tokens_of(key)}  # fmt: skip
    return named | {i for start, end, _ in asset_matches(doc, lex) for i in range(start, end)}


# The last Doc the asset patterns ran on, the Matcher and its matches: the event and asset
# extractors both ask for the same Doc's matches, and a run costs about 10 ms an article.
_last_matches: list[tuple[Doc, ScreenedMatcher, list[tuple[int, int, AssetClass]]]] = []


def asset_matches(doc: Doc, lex: Lexicons) -> list[tuple[int, int, AssetClass]]:
    """Every match of the asset patterns in `doc`: (start, end, asset class), in Matcher order."""
    matcher = asset_matcher(doc.vocab, lex.assets.patterns)
    if _last_matches and _last_matches[0][0] is doc and _last_matches[0][1] is matcher:
        return _last_matches[0][2]
    matches = [(start, end, AssetClass(doc.vocab.strings[match])) for match, start, end in matcher(doc)]
    _last_matches[:] = [(doc, matcher, matches)]
    return matches


def extract(doc: Doc, entities: tuple[Entity, ...], article: Article) -> list[Deployment]:
    """One Deployment per military asset whose operator the article tells, and per named asset
    whose place it tells (with no operator, kept below the export threshold)."""
    lex = load_lexicons()
    index = EntityIndex(doc, entities)
    matches = asset_matches(doc, lex)
    taken = asset_tokens(doc, index, lex)
    states_by_name = {entity.label.lower(): entity.key for entity in entities if entity.type is EntityType.STATE}
    body_start = topic_line_end(article)
    spans = sorted(((span, entity) for span, entity in mention_spans(doc, entities)
                    if entity.type is EntityType.MILITARY_ASSET and span.start_char >= body_start),
                   key=lambda item: item[0].start)  # fmt: skip
    named_spans = [span for span, entity in spans if entity.named]
    claims: list[Deployment] = []
    last_operator: str | None = None
    last_place: str | None = None
    for span, entity in spans:
        if not entity.named and any(_adjacent(span, other) for other in named_spans):
            continue  # "the aircraft carrier USS Dwight D. Eisenhower": one asset, read with the name
        asset_class = _class(entity, span, lex, matches)
        if asset_class is None:
            continue
        head = span.root
        if _victim(head, lex):
            continue  # "14 soldiers were killed": victims, not a deployment
        if _being_made(head, lex):
            continue  # "support the production of Ukrainian drones": drones to be made, not deployed
        if asset_class is AssetClass.TROOPS and _killer(head, lex):
            continue  # "a gunman is killed by Ruritanian troops": the unit acts in a killing
        if _loyal_to_a_person(span, index):
            continue  # "troops loyal to former president X": his men, not a state's deployment
        verb = _governing_verb(head, lex)
        if asset_class is AssetClass.VESSEL and _of_a_noun(head, lex):
            verb = None  # "crew members of the ship X are released to Oman": the crew went, not the ship
        operator = _operator(head, verb, index, entity, lex, states_by_name, taken)
        exclude = {entity.key, operator}
        as_object = _place_object(head, verb, index, exclude, lex)
        by_preposition = None if as_object else (_place(head, verb, index, exclude) or _attacked_place(head, verb, index, exclude, lex)
                                                 or _intercepted_place(head, verb, index, exclude, lex))  # fmt: skip
        place = as_object or by_preposition
        inherited = False
        # A merchant ship named after a navy's asset is not the navy's ("the carrier USS X collided
        # with the merchant vessel Y").
        if operator is None and last_operator is not None and entity.named and asset_class is not AssetClass.VESSEL:
            operator, inherited = last_operator, True
        if place is None and head.dep_ in LISTED:
            place = last_place or _place_nearby(span, index, {entity.key, operator})
            inherited = inherited or place is not None
        if operator is None and not (entity.named and place is not None):
            continue  # a named ship that arrived somewhere is a fact even when its navy is not named
        last_operator = operator or last_operator
        last_place = place or last_place
        # The verb's modality ("should enter", "must not send") bears on the deployment only when
        # the verb is what places the asset or names its operator; a force's existence is not
        # hypothetical.
        sent_by = verb is not None and any(operator in index.entities_of(child) for child in verb.children
                                           if child.dep_ in ("nsubj", "agent") and child != head)  # fmt: skip
        claims.append(_claim(entity, asset_class, operator, place, span, verb if by_preposition or sent_by else None,
                             inherited, index, lex, article,
                             denial_only=verb if as_object and not sent_by else None))  # fmt: skip
    # An asset named several times is one deployment; so are unnamed assets of one class, operator
    # and place ("U.S. troops" and "about 5000 U.S. troops" in Iraq are one presence).
    unnamed = {entity.key for entity in entities if not entity.named}

    def presence(c: Deployment) -> object:
        return (c.asset_class, c.operator, c.location) if c.asset in unnamed and c.location is not None else c.asset

    return _best(_best(claims, lambda c: c.asset, placed_first=True), presence, placed_first=False)


def placed_by_events(claims: list[Claim]) -> list[Claim]:
    """A deployment with no place of its own takes the place of the attack or deployment it acts
    in, told in the same sentence ("Russian forces launch drones and cruise missiles on Kyiv":
    the event stage reads Kyiv as the place of the attack the drones are part of)."""
    places: dict[tuple[str, int], str] = {}
    for event in claims:
        if isinstance(event, Event) and event.type in PLACING_EVENTS and event.location is not None:
            for asset in event.assets:
                places.setdefault((asset, event.provenance.evidence.start), event.location)
    return [dataclasses.replace(claim, location=place)
            if isinstance(claim, Deployment) and claim.location is None and claim.provenance.extractor == NAME
            and (place := places.get((claim.asset, claim.provenance.evidence.start))) not in (None, claim.operator)
            else claim for claim in claims]  # fmt: skip


def unplaced_assets(claims: list[Claim], doc: Doc, entities: tuple[Entity, ...]) -> list[Claim]:
    """A deployment still with no place after `placed_by_events` is scored down below the export
    threshold. A missile or drone (confidence.UNPLACED_WEAPON), unless it was countered in flight
    ("intercepts a missile launched from Yemen": where it fell is mostly not told): "Russian missile
    and drone strikes across Ukraine" with the place unread is a fact with its place missing, not a
    placeless deployment. Any other asset (confidence.UNPLACED_ASSET), unless it is sent or moves:
    one of the assets of a deployment event (MOBILIZE) of its sentence, or sent or moving by the
    parse (`_sent`: "deploys 40,000 troops to it", "the units should enter a wartime state"); troops,
    jets and ships placeless otherwise are mostly the sides of an attack, a clash or a withdrawal
    whose place kg did not read, or victims and bodies, not a deployment."""
    lex = load_lexicons()
    weapons = {AssetClass(name) for name in lex.assets.unplaced_weapon_classes}
    heads: dict[tuple[str, int], list[Token]] = {}
    for span, entity in mention_spans(doc, entities):
        if entity.type is EntityType.MILITARY_ASSET:
            heads.setdefault((entity.key, span.sent.start_char), []).append(span.root)
    mobilized = {(asset, event.provenance.evidence.start) for event in claims
                 if isinstance(event, Event) and event.type is EventType.MOBILIZE for asset in event.assets}  # fmt: skip
    out: list[Claim] = []
    for claim in claims:
        if isinstance(claim, Deployment) and claim.location is None and claim.provenance.extractor == NAME:
            found = heads.get((claim.asset, claim.provenance.evidence.start), [])
            factor = None
            if claim.asset_class in weapons:
                if not any(_countered(head, lex) for head in found):
                    factor = confidence.UNPLACED_WEAPON
            elif (claim.asset, claim.provenance.evidence.start) not in mobilized and not any(_sent(head, lex) for head in found):
                factor = confidence.UNPLACED_ASSET
            if factor is not None:
                score = round(claim.provenance.confidence * factor, 3)
                claim = dataclasses.replace(claim, provenance=dataclasses.replace(claim.provenance, confidence=score))
        out.append(claim)
    return out


def _sent(head: Token, lex: Lexicons) -> bool:
    """The asset is the object or passive subject of a sending verb (`sending_verbs`) or the subject
    of an arriving one (`arriving_verbs`), or of a verb conjoined to one, through its conjuncts,
    appositions and the noun it names ("Poland deploys 40,000 troops to it"; "the front-line units
    should enter a wartime state"; not "U.S. forces are deploying a convoy")."""
    while head.dep_ in ("conj", "appos", "compound") and head.head != head:
        head = head.head
    lemmas = _governing_lemmas(head)
    if head.dep_ in ("dobj", "nsubjpass"):
        return bool(lemmas & lex.assets.sending_verbs)
    return head.dep_ == "nsubj" and bool(lemmas & lex.assets.arriving_verbs)


def _countered(head: Token, lex: Lexicons) -> bool:
    """The asset is the object or passive subject of a countering verb, or of a verb conjoined to one
    ("intercepted and destroyed 147 drones"), through the conjuncts of the asset ("intercepted six
    missiles and 125 drones")."""
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    if head.dep_ not in ("dobj", "nsubjpass"):
        return False
    return bool(_governing_lemmas(head) & lex.assets.countering_verbs)


def _governing_lemmas(head: Token) -> set[str]:
    """The lemma of the verb `head` hangs on, and of the verb that one is conjoined to ("intercepted
    and destroyed 147 drones": *intercept* for the drones of *destroyed*)."""
    verb = head.head
    return {verb.lemma_.lower()} | ({verb.head.lemma_.lower()} if verb.dep_ == "conj" else set())


def _best(claims: list[Deployment], key: Callable[[Deployment], object], *, placed_first: bool) -> list[Deployment]:
    """One claim per key, in order of first appearance: the most confident one; with
    `placed_first`, one that says where the asset went before any that does not."""

    def rank(claim: Deployment) -> tuple[bool, float]:
        return placed_first and claim.location is not None, claim.provenance.confidence

    best: dict[object, Deployment] = {}
    for claim in claims:
        kept = best.get(key(claim))
        if kept is None or rank(claim) > rank(kept):
            best[key(claim)] = claim
    return list(best.values())


def _claim(
    entity: Entity, asset_class: AssetClass, operator: str | None, place: str | None, span: Span, verb: Token | None,
    inherited: bool, index: EntityIndex, lex: Lexicons, article: Article, *, denial_only: Token | None = None,
) -> Deployment:  # fmt: skip
    sent = span.sent
    modality = assess(verb, index, lex.cues) if verb is not None else assess(span.root, index, lex.cues, own_only=True)
    if denial_only is not None:
        # "denied that troops had entered Moldova": the denial bears on where they are, the
        # tense or mood of "enter" does not.
        modality = dataclasses.replace(assess(denial_only, index, lex.cues), hypothetical=False)
    times = find_times(sent, article.published) if article.published and verb is not None else []
    # A named ship placed with no operator stays in the store, below the export threshold: whose
    # ship it is is what a deployment tells, and where the reading misses it ("the U.S. Navy
    # destroyers USS X and USS Y crossed ...") the navy was named all the same.
    score = confidence.score(BASE, complete=place is not None and operator is not None, negated=modality.negated,
                             hypothetical=modality.hypothetical, inherited=inherited, unnamed=operator is None,
                             attributed=partisan(modality, [operator] if operator else [], index))  # fmt: skip
    provenance = Provenance(sentence_evidence(sent), NAME, score,
                            modality.claimed_by, modality.negated, modality.hypothetical)  # fmt: skip
    # One time in the sentence dates the deployment unless it belongs to another act inside the
    # verb's clause ("fighting erupts between X and troops, following ... the end of a term
    # *tomorrow*": the term ends tomorrow, the troops are there today).
    when = None
    if len(times) == 1 and verb is not None and article.published:
        when = clause_time(verb, times, published=article.published.year)
    return Deployment(entity.key, asset_class, provenance, operator=operator, location=place, when=when)


def _adjacent(span: Span, other: Span) -> bool:
    """Two spans side by side, or apart only by a determiner or a parenthesis."""
    between = span.doc[min(span.end, other.end) : max(span.start, other.start)]
    return (span.start != other.start and len(between) <= 2
            and all(t.is_punct or t.lower_ in ("the", "a", "an") for t in between))  # fmt: skip


def _class(entity: Entity, span: Span, lex: Lexicons, matches: list[tuple[int, int, AssetClass]]) -> AssetClass | None:
    """The asset's class: its entity's kind, a class noun inside its name, a ship prefix (a carrier's
    name of patterns/assets.jsonl `carrier_names` under it: aircraft carrier; else warship)."""
    if entity.kind in asset_kinds():
        return asset_kinds()[entity.kind]
    # The class noun inside the name ("Carrier Air Wing 3"; the entity stage gives a name the
    # class of the noun beside it as its kind); the longest wins.
    inside = [(end - start, c) for start, end, c in matches if span.start <= start and end <= span.end]
    if inside:
        return max(inside, key=lambda item: item[0])[1]
    if span[0].text in lex.ship_prefixes:
        # "USS Abraham Lincoln" is an aircraft carrier whether or not the text says so
        return AssetClass.AIRCRAFT_CARRIER if ship_key(span.text) in lex.assets.carrier_names else AssetClass.WARSHIP
    return None


def _victim(head: Token, lex: Lexicons) -> bool:
    """An asset killed or wounded, not deployed: the object or passive subject of a victim verb
    ("ambushed a patrol", "soldiers were killed", "soldiers killed in an attack"), or its subject
    when it has no object ("two soldiers died"); so are captives set free ("releases six
    soldiers"). Captured soldiers are left deployed: they were taken where they served
    ("captured North Korean soldiers in Kursk Oblast")."""
    # "two soldiers and a police officer were killed", "four of its soldiers were wounded"; the
    # victims a casualty count includes ("ten people, *including three soldiers*, are killed")
    while head.dep_ == "conj" or head.dep_ == "pobj" and (
            head.head.lower_ == "of" and head.head.head.pos_ == "NUM"
            or head.head.lower_ == "including" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PRON", "NUM")):
        head = head.head if head.dep_ == "conj" else head.head.head
    verb = head.head
    if verb.lemma_.lower() in lex.assets.victim_verbs and verb.pos_ == "VERB" and (
            head.dep_ in ("dobj", "nsubjpass") or head.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children)):
        return True
    # "soldiers killed in an attack", "soldiers who were killed"; not "soldiers who have killed"
    return any(child.lemma_.lower() in lex.assets.victim_verbs and child.tag_ == "VBN" and (
        child.dep_ == "acl" or child.dep_ == "relcl" and any(c.dep_ == "auxpass" for c in child.children))
        for child in head.children)  # fmt: skip


def _being_made(head: Token, lex: Lexicons) -> bool:
    """The asset is what a noun of making makes (`making_nouns`: "the production of Ukrainian
    drones", "the development of the battleship X"): it is to be made, or being made, and the text
    tells no deployment (bench/ASSETS.md: a ship "in development" was a wrong one)."""
    while head.dep_ == "conj":
        head = head.head
    return (head.dep_ == "pobj" and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in lex.assets.making_nouns)  # fmt: skip


def _killer(head: Token, lex: Lexicons) -> bool:
    """The by-agent of a passive victim verb or of a verb the codebook codes as an attack ("the
    gunman is shot dead by Ruritanian troops", "two civilians killed by police and soldiers"): the
    unit acts in the killing, and the text reports no deployment (the gold of the spent sets lists
    no asset for such a unit; bench/ASSETS.md, section 6)."""
    while head.dep_ == "conj":
        head = head.head
    by = head.head
    if head.dep_ != "pobj" or by.dep_ != "agent":
        return False
    code = verb_dictionary().code(by.head)
    return by.head.lemma_.lower() in lex.assets.victim_verbs or code is not None and code.type is EventType.ASSAULT


def _loyal_to_a_person(span: Span, index: EntityIndex) -> bool:
    """The asset is said loyal to a person ("troops loyal to former president X"), however the
    parser hung "loyal" (often on a noun the asset is coordinated with): forces of a person, whose
    state (a demonym of theirs, or of the forces they fight beside or against) does not field them."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "loyal" or doc[span.end + 1].lower_ != "to":
        return False
    return any(index.type_of(key) is EntityType.PERSON for key in index.entities_of(_pobj(doc[span.end + 1])))


def _governing_verb(token: Token, lex: Lexicons) -> Token | None:
    """The verb (or deployment noun: "the deployment of X to Y") that governs an asset, three heads up at most."""
    return next((node for node in islice(token.ancestors, 3)
                 if node.pos_ in ("VERB", "AUX") or node.lemma_.lower() in lex.assets.operator_verbs), None)  # fmt: skip


def _of_a_noun(head: Token, lex: Lexicons) -> bool:
    """The asset is the object of "of" under a noun that is no deployment noun ("the crew *of* the
    tanker X", not "the deployment of X")."""
    return (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN")
            and head.head.head.lemma_.lower() not in lex.assets.operator_verbs)  # fmt: skip


def _operator(head: Token, verb: Token | None, index: EntityIndex, entity: Entity, lex: Lexicons,
              states: dict[str, str], assets: set[int]) -> str | None:  # fmt: skip
    """Whose asset it is: the subject of the verb that sends it, a qualifier, a ship prefix."""

    # A ship's flag state is where it is registered, often a flag of convenience, not who runs it:
    # "Liberian-flagged bulk carrier Magic Seas" names no operator, nor does it for the ship listed
    # beside it ("the Malta-flagged tanker X and the crude carrier Y").
    flags = {key for word in head.sent if word.lower_ in lex.assets.flag_words
             for part in word.subtree if (key := index.at(part)) is not None}  # fmt: skip

    def operators(token: Token) -> list[str]:
        # "Guyana demands that Venezuela investigate shootings targeting its troops": whose? Of two
        # states named before a pronoun in its sentence, which one it stands for is a guess.
        if token.pos_ == "PRON" and len(index.in_span(token.doc[token.sent.start : token.i], (EntityType.STATE,))) > 1:
            return []
        return [key for key in index.entities_of(token) if key != entity.key and index.type_of(key) in OPERATORS
                and key not in flags]  # fmt: skip

    def qualifier(token: Token) -> str | None:
        return next((key for child in token.children
                     if child.dep_ in OWNERS or (child.dep_ == "prep" and child.lower_ == "of")
                     for key in operators(_pobj(child))
                     if not (child.dep_ in INSIDE and child.i < token.i and _maker_or_model(index.entities[key]))), None)  # fmt: skip

    if verb is not None and verb.lemma_.lower() in lex.assets.operator_verbs:
        if verb.pos_ in ("VERB", "AUX") and head.dep_ in ("dobj", "nsubjpass", "conj", "appos", "nsubj"):
            # "Poland closes its border and deploys troops", "the army began massing troops": a
            # coordinated or complement verb shares the subject.
            shares = verb.dep_ in ("conj", "xcomp") and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)
            subjects = [child for child in (*verb.children, *(verb.head.children if shares else ()))
                        if child.dep_ == "nsubj" and child.i != head.i and child not in head.conjuncts
                        or child.dep_ == "agent"]  # fmt: skip
            owner = next((key for child in subjects for key in operators(_pobj(child))), None)
            if owner is not None:
                return owner
        elif verb.pos_ == "NOUN":
            # "the US Air Force announced the deployment of F-16 squadrons": whose deployment.
            owner = qualifier(verb)
            if owner is None and verb.dep_ == "dobj":
                owner = next((k for c in verb.head.children if c.dep_ == "nsubj" for k in operators(c)), None)
            if owner is not None:
                return owner
    # "a missile fired by the Houthis": whoever fired it, before whoever made it ("American
    # ATACMS missiles fired by Ukraine").
    fired_by = next((key for child in head.children if child.dep_ == "acl" and child.lemma_.lower() in lex.assets.operator_verbs
                     for agent in child.children if agent.dep_ == "agent" for key in operators(_pobj(agent))), None)  # fmt: skip
    if fired_by is not None:
        return fired_by
    # "the carrier X and warships of the Navy": one operator (not "BLA militants and 8 soldiers": a
    # conjunct that is no asset); "Japan's destroyer JS Kongo", "the Russian frigate Admiral
    # Gorshkov": the class noun beside the name says whose it is.
    doc, first = head.doc, head.left_edge.i
    described = [head.head] if head.dep_ == "appos" and head.head.i in assets else []
    if head.dep_ == "compound" and head.head.dep_ == "conj" and head.head.head.i in assets:
        described.append(head.head.head)  # "a Houthi missile and drone attack", parsed as "missile" and "drone attack"
    if first > 0 and first - 1 in assets:
        described.append(doc[first - 1])
    for noun in (*index.inside(head, entity.key), *(c for c in head.conjuncts if c.i in assets), *described):
        found = qualifier(noun)
        if found is not None:
            return found
    if (state := lex.ship_prefixes.get(entity.label.split()[0] if entity.label else "")) is not None:
        if state.lower() in states:
            return states[state.lower()]
        # No state named, but its navy is: "the United States Navy", "the US Navy".
        names = {state.lower()} | load_gazetteer().state_words(state)
        return next((key for key, other in index.entities.items() if other.type is EntityType.ORGANIZATION
                     and any(other.label.lower().startswith(name + " ") for name in names)), None)  # fmt: skip
    return None


def _maker_or_model(entity: Entity) -> bool:
    """A name that, inside an asset's noun phrase, says who made it or what model it is ("a Boeing
    E-3 Sentry", "Zircon missiles", "a Sukhoi Su-24"), not who operates it: an organization typed
    a company, or one of no kind whose name does not end in an agent noun of the CAMEO dictionary
    (patterns/agents.tsv). States and armed forces stay operators ("Russian Su-34", "IDF F-16",
    "Houthi drones", "Guatemalan Army troops")."""
    if entity.type is not EntityType.ORGANIZATION:
        return False
    if entity.kind is not None:
        return entity.kind == "Company"
    words = entity.label.lower().split()
    return not words or words[-1] not in agent_heads()


def _place_object(head: Token, verb: Token | None, index: EntityIndex, exclude: set[str | None], lex: Lexicons) -> str | None:
    """Where the asset is, as the object of a verb such as "leave" or "patrol" ("US troops
    would be leaving Syria": they are in Syria, whether or not they leave; "withdrew from X"), or
    the "from" phrase of a verb that launches it ("missiles fired *from* Iran")."""
    objects: list[Token] = []
    launched_from: list[Token] = []
    if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lex.assets.launch_verbs:
        # "launched missiles from Iran against U.S. forces in the Middle East", "fired missiles
        # from Yemen at ships in the Red Sea" (the phrase hung on the asset): launched there.
        launched_from = _FROM_OBJECT.follow(verb) + (_FROM_OBJECT.follow(head) if head.head == verb else [])
    for governor in [verb, *verb.children] if verb is not None else []:
        if governor.lemma_.lower() in lex.assets.place_objects and governor.pos_ in ("VERB", "NOUN"):
            found = [*OBJECT.follow(governor), *_FROM_OBJECT.follow(governor)]
            # "entered the town of Sudzha": the place a place noun names.
            objects += found + [obj for child in found if child.lemma_.lower() in PLACE_NOUNS for obj in OF_OBJECT.follow(child)]
    own = range(head.left_edge.i, head.right_edge.i + 1)
    return _first_place(launched_from + [obj for obj in objects if obj.i not in own], index, exclude, qualifiers=True)


def _place(head: Token, verb: Token | None, index: EntityIndex, exclude: set[str | None]) -> str | None:
    """The first place named by a place preposition of the asset or of the verb that moves it."""
    roots = [head] + ([verb] if verb is not None else [])
    skip = set(range(head.left_edge.i, head.right_edge.i + 1))
    for root in roots:
        queue = [root]
        for node in islice(queue, 40):  # breadth first (the loop reads what it appends), 40 nodes at most
            for child in node.children:
                if node.i != head.i and child.i in skip:
                    continue
                if child.dep_ in ("prep", "dative") and child.lower_ in PLACE_PREPOSITIONS:
                    place = _first_place((obj for obj in child.children if obj.dep_ == "pobj"), index, exclude)
                    if place is not None:
                        return place
                if node.i != head.i and child.dep_ in ("xcomp", "advmod", "prep", "pobj", "dobj", "pcomp"):
                    queue.append(child)
    return None


def _attacked_place(head: Token, verb: Token | None, index: EntityIndex, exclude: set[str | None],
                    lex: Lexicons) -> str | None:  # fmt: skip
    """Where an asset that attacks struck: the place its attack verb's object names ("Ruritanian
    drones struck Port Vell"), or the place of the attack it names ("a Ruritanian missile strike
    on a building in Port Vell", "drone and missile attacks on Freedonia")."""
    if head.dep_ == "nsubj" and verb is not None and head.head == verb:
        code = verb_dictionary().code(verb)
        if code is not None and code.type is EventType.ASSAULT and (
                struck := _first_place(OBJECT.follow(verb), index, exclude, qualifiers=True)):  # fmt: skip
            return struck
    modifier = head
    while modifier.dep_ == "conj":  # "missile and drone strikes"
        modifier = modifier.head
    # The attack noun the asset modifies, or its conjunct where "a missile and drone attack" is
    # parsed as "a missile" and "drone attack".
    nouns = [modifier.head] if modifier.dep_ in ("compound", "amod", "nmod") else []
    attack = next((noun for noun in (*nouns, *(c for c in head.children if c.dep_ == "conj"))
                   if noun.pos_ == "NOUN" and any(trigger.label == EventType.ASSAULT.value
                                                  for trigger in lex.events.by_lemma(noun.lemma_.lower(), "NOUN"))), None)  # fmt: skip
    if attack is None:
        return None
    return _place(head, attack, index, exclude) or _first_place(_TARGET_OBJECT.follow(attack), index, exclude, qualifiers=True)


def _intercepted_place(head: Token, verb: Token | None, index: EntityIndex, exclude: set[str | None],
                       lex: Lexicons) -> str | None:  # fmt: skip
    """Where an intercepted asset was: the state that intercepted it ("Israel intercepts a missile
    fired by the Houthis", "the Qatari military intercepted the missiles", "Ruritania reports
    intercepting 300 drones"); the interception verbs are the event triggers of mode "interception"."""
    if verb is None or head.head != verb or head.dep_ not in ("dobj", "nsubjpass") or not any(
            trigger.options.get("mode") == "interception" for trigger in lex.events.by_lemma(verb.lemma_.lower(), "VERB")):
        return None
    subjectless = verb.dep_ in ("xcomp", "ccomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children)
    interceptors = [_pobj(c) for c in (*verb.children, *(verb.head.children if subjectless else ())) if c.dep_ in ("nsubj", "agent")]
    return next((key for child in interceptors for key in index.entities_of(child)
                 if index.type_of(key) is EntityType.STATE and key not in exclude), None)  # fmt: skip


def _place_nearby(span: Span, index: EntityIndex, exclude: set[str | None]) -> str | None:
    """A place named with a place preposition earlier in the sentence or in the one before
    ("exercises around Taiwan. At least 19 warships are deployed ...")."""
    doc, sent = span.doc, span.sent
    regions = [doc[sent.start : span.start]] + ([doc[sent.start - 1].sent] if sent.start > 0 else [])
    objects = [token for region in regions for token in reversed(region)
               if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS]  # fmt: skip
    return _first_place(objects, index, exclude)


def _first_place(phrases: Iterable[Token], index: EntityIndex, exclude: set[str | None], *,
                 qualifiers: bool = False) -> str | None:  # fmt: skip
    """The first place (not excluded) that the phrases headed by `phrases` name, with `qualifiers`
    the places qualifying them too ("struck a Ruritanian port"); none from a phrase that names an
    asset ("in response to Russian drones" names no place, not the drones' owner)."""
    for token in phrases:
        named = index.at(token)
        if named is not None and index.type_of(named) is EntityType.MILITARY_ASSET:
            continue
        for key in index.entities_of(token, qualifiers=qualifiers):
            if index.type_of(key) in PLACES and key not in exclude:
                return key
    return None


def _pobj(word: Token) -> Token:
    """The object of a prepositional or agent phrase (the preposition itself without one); any other word itself."""
    return next((c for c in word.children if c.dep_ == "pobj"), word) if word.dep_ in ("prep", "agent") else word
