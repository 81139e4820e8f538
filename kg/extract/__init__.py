"""Extract stage: annotated Doc -> Extraction (the article's entities and the claims about them).

`extract(doc, article, gazetteer=...)` finds the entities (kg.extract.entities), runs every
registered extractor, and keeps only claims whose entity slots name entities it found (a
dropped claim is logged with its extractor and the unknown key). Unnamed entities (asset
groups such as "bomber aircraft") that no kept claim refers to are left out.

`EXTRACTORS` is the registry: a versioned name -> an `Extractor` (kg.records.Extractor:
`(doc, entities, article) -> Iterable[Claim]`). A released name never changes what it does: the
first change of an extractor's output after a release registers a new version (CHANGELOG.md
lists old -> new).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Iterator

from kg.extract import assets, designations, events, memberships, roles
from kg.extract.entities import find_entities
from kg.gazetteer import Gazetteer
from kg.records import Article, Claim, Deployment, Designation, Event, Extraction, Extractor, Membership, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)
LISTING_EVENTS = frozenset({"SANCTION", "COERCE"})

EXTRACTORS: dict[str, Extractor] = {
    roles.NAME: roles.extract,
    memberships.NAME: memberships.extract,
    events.NAME: events.extract,
    designations.NAME: designations.extract,
    assets.NAME: assets.extract,
}


def extract(doc: "Doc", article: Article, *, gazetteer: Gazetteer) -> Extraction:
    """The entities of one article and every claim the registered extractors read from it."""
    entities = find_entities(doc, article, gazetteer)
    known = {entity.key for entity in entities}
    claims: list[Claim] = []
    for name, extractor in EXTRACTORS.items():
        for claim in extractor(doc, entities, article):
            unknown = [key for key in entity_keys(claim) if key not in known]
            if unknown:
                log.warning("article %s: %s claim dropped, unknown entity %s", article.id, name, ", ".join(unknown))
                continue
            claims.append(claim)
    # A listing, sanction or ban is a designation only, not also a SANCTION or COERCE event.
    listed = {(c.authority, c.designee, c.provenance.evidence.start) for c in claims if isinstance(c, Designation)}
    claims = [c for c in claims if not (isinstance(c, Event) and c.type.value in LISTING_EVENTS and any(
        (actor, target, c.provenance.evidence.start) in listed for actor in c.actors for target in c.targets))]  # fmt: skip
    claims = assets.placed_by_events(claims)
    claims = assets.unplaced_assets(claims, doc, entities)
    # An unnamed asset ("bomber aircraft") is an entity only as the argument of a fact.
    referenced = {key for claim in claims for key in entity_keys(claim)}
    entities = tuple(entity for entity in entities if entity.named or entity.key in referenced)
    return Extraction(article, entities, tuple(claims))


def entity_keys(claim: Claim) -> Iterator[str]:
    """Every entity key a claim refers to (claimed_by included)."""
    if claim.provenance.claimed_by is not None:
        yield claim.provenance.claimed_by
    if isinstance(claim, Role):
        yield from (claim.person, claim.of)
    elif isinstance(claim, Membership):
        yield from (claim.member, claim.organization)
    elif isinstance(claim, Designation):
        yield from (claim.authority, claim.designee)
    elif isinstance(claim, Deployment):
        yield from (key for key in (claim.asset, claim.operator, claim.location) if key is not None)
    elif isinstance(claim, Event):
        yield from (*claim.actors, *claim.targets, *claim.assets)
        if claim.location is not None:
            yield claim.location
