"""Military assets (extractor "kg.assets.v1"): annotated Doc + entities -> Deployment claims.

The asset entities come from the entity stage: named ones ("USS Gerald R. Ford") and unnamed
groups matched by patterns/assets.jsonl ("an aircraft carrier strike group"). For each one this
reads its class (the entity's kind, a hull number such as "CVN 69" via patterns/hulls.tsv, or
the class noun beside the name: "the destroyer USS Mason"), its operator (the subject of the
verb that sends it, a qualifier such as "US" or "of the United States Navy", or a ship prefix
such as "USS" via patterns/ship_prefixes.tsv) and where it went ("near Venezuela", "to the
Eastern Mediterranean"). An asset named in a deployment article without a place of its own
(a ship listed in a strike group) takes the place and operator of the deployment before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.matcher import Matcher

from kg.extract import confidence
from kg.extract.arguments import EntityIndex
from kg.extract.lexicon import Lexicons, load_lexicons
from kg.extract.modality import assess
from kg.records import Article, AssetClass, Deployment, Entity, EntityType, Mention, Provenance
from kg.timex import find_times

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME = "kg.assets.v1"
# The ontology class local names (Entity.kind) of each asset class.
KINDS = {
    "AircraftCarrier": AssetClass.AIRCRAFT_CARRIER,
    "CarrierStrikeGroup": AssetClass.CARRIER_STRIKE_GROUP,
    "Warship": AssetClass.WARSHIP,
    "Submarine": AssetClass.SUBMARINE,
    "Bomber": AssetClass.BOMBER,
    "Fighter": AssetClass.FIGHTER,
    "MilitaryAircraft": AssetClass.MILITARY_AIRCRAFT,
    "Drone": AssetClass.DRONE,
    "MissileSystem": AssetClass.MISSILE,
    "AirDefence": AssetClass.AIR_DEFENSE,
    "Troops": AssetClass.TROOPS,
    "Vessel": AssetClass.VESSEL,
}
PLACE_PREPS = frozenset({"to", "near", "in", "into", "off", "around", "toward", "towards", "over", "at", "across", "within", "inside"})
OPERATORS = (EntityType.STATE, EntityType.ORGANIZATION)
PLACES = (EntityType.LOCATION, EntityType.STATE)
_HULL = re.compile(r"\(?\b([A-Z]{2,4})[ -]?(\d{1,3})\)?")
BASE = 0.7


def asset_tokens(doc: "Doc", index: EntityIndex, lexicons: Lexicons | None = None) -> set[int]:
    """Token positions that name a military asset: asset entities and asset lexicon matches."""
    lex = lexicons or load_lexicons()
    found = {token.i for token in doc if (key := index.at(token)) is not None and index.type_of(key) is EntityType.MILITARY_ASSET}
    matcher = Matcher(doc.vocab)
    for pattern in lex.assets:
        matcher.add(pattern.id, [pattern.pattern])
    for _, start, end in matcher(doc):
        found.update(range(start, end))
    return found


def extract(doc: "Doc", entities: tuple[Entity, ...], article: Article, *, lexicons: Lexicons | None = None) -> list[Deployment]:
    """One Deployment per asset entity that has an operator or a place."""
    lex = lexicons or load_lexicons()
    index = EntityIndex(doc, entities)
    states_by_name = {entity.label.lower(): entity.key for entity in entities if entity.type is EntityType.STATE}
    mentions = sorted(
        ((span.start, entity) for entity in entities if entity.type is EntityType.MILITARY_ASSET
         for mention in entity.mentions[:1]
         if (span := doc.char_span(mention.start, mention.end, alignment_mode="expand")) is not None),
        key=lambda item: item[0],
    )  # fmt: skip
    claims: list[Deployment] = []
    last_operator: str | None = None
    last_place: str | None = None
    for start, entity in mentions:
        span = doc.char_span(entity.mentions[0].start, entity.mentions[0].end, alignment_mode="expand")
        assert span is not None
        asset_class = _class(entity, span, lex)
        if asset_class is None:
            continue
        head = span.root
        verb = _governing_verb(head)
        operator = _operator(head, verb, index, entity, lex, states_by_name)
        place = _place(head, verb, index, exclude={entity.key, operator})
        inherited = False
        if operator is None and last_operator is not None:
            operator, inherited = last_operator, True
        if place is None and last_place is not None and _in_deployment_context(span):
            place, inherited = last_place, True
        if operator is None and place is None:
            continue
        last_operator = operator or last_operator
        last_place = place or last_place
        sent = span.sent
        modality = assess(verb if verb is not None else head, index, lex.cues)
        times = find_times(sent, article.published) if article.published and verb is not None else []
        score = confidence.score(
            BASE,
            complete=operator is not None and place is not None,
            negated=modality.negated,
            hypothetical=modality.hypothetical,
            attributed=modality.claimed_by is not None,
            inherited=inherited,
        )
        provenance = Provenance(
            Mention(sent.start_char, sent.end_char, sent.text), NAME, score,
            modality.claimed_by, modality.negated, modality.hypothetical,
        )  # fmt: skip
        when = times[0][2] if len(times) == 1 else None
        claims.append(Deployment(entity.key, asset_class, provenance, operator=operator, location=place, when=when))
    return claims


def _class(entity: Entity, span: "Span", lex: Lexicons) -> AssetClass | None:
    if entity.kind in KINDS:
        return KINDS[entity.kind]
    doc = span.doc
    after = doc.text[span.end_char : span.end_char + 12]
    inside = span.text
    for text in (inside, after):
        hull = _HULL.search(text)
        if hull and hull.group(1) in lex.hulls:
            return lex.hulls[hull.group(1)]
    # A class noun just before the name: "the aircraft carrier USS Dwight D. Eisenhower".
    window = doc[max(span.start - 4, 0) : span.start]
    matcher = Matcher(doc.vocab)
    for pattern in lex.assets:
        matcher.add(pattern.asset_class.value, [pattern.pattern])
    classes = [(end, doc.vocab.strings[match]) for match, _, end in matcher(window.as_doc())]
    if classes:
        return AssetClass(max(classes)[1])
    if span[0].text in lex.ship_prefixes:
        return AssetClass.WARSHIP
    return None


def _governing_verb(token: "Token") -> "Token | None":
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") and node is not token:
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def _operator(
    head: "Token", verb: "Token | None", index: EntityIndex, entity: Entity, lex: Lexicons, states: dict[str, str]
) -> str | None:
    if verb is not None and head.dep_ in ("dobj", "nsubjpass", "conj", "appos"):
        for child in verb.children:
            if child.dep_ in ("nsubj", "agent"):
                target = child if child.dep_ == "nsubj" else next((c for c in child.children if c.dep_ == "pobj"), child)
                keys = [key for key in index.entities_of(target) if index.type_of(key) in OPERATORS]
                if keys:
                    return keys[0]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), child)
            keys = [key for key in index.entities_of(target) if key != entity.key and index.type_of(key) in OPERATORS]
            if keys:
                return keys[0]
    prefix = entity.label.split()[0] if entity.label else ""
    if prefix in lex.ship_prefixes:
        return states.get(lex.ship_prefixes[prefix].lower())
    return None


def _place(head: "Token", verb: "Token | None", index: EntityIndex, exclude: set[str | None]) -> str | None:
    """The first place named by a place preposition of the asset or of the verb that moves it."""
    roots = [head] + ([verb] if verb is not None else [])
    skip = set(range(head.left_edge.i, head.right_edge.i + 1))
    for root in roots:
        queue = [root]
        seen = 0
        while queue and seen < 40:
            node = queue.pop(0)
            seen += 1
            for child in node.children:
                if node is not head and child.i in skip:
                    continue
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            keys = [key for key in index.entities_of(obj) if index.type_of(key) in PLACES and key not in exclude]
                            if keys:
                                return keys[0]
                if child.dep_ in ("xcomp", "advmod", "prep", "pobj", "dobj", "pcomp") and node is not head or (node is head and child.dep_ == "prep"):
                    queue.append(child)
    return None


def _in_deployment_context(span: "Span") -> bool:
    """A listed asset (in a group, with a hull number, beside other assets) inherits the place."""
    return span.root.dep_ in ("dobj", "conj", "appos", "pobj", "nsubjpass", "attr")
