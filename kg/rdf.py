"""Map to RDF: an Extraction and its Links -> the article's graph.

Everything read from one article goes into one graph (stored as the named graph
`terms.graph_iri(article.id)`): the Article node, every entity it mentions, and one fact node
per claim with its provenance. No blank nodes: every node has a minted IRI.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from kg.records import (
    AssetClass,
    Claim,
    DesignationCategory,
    DesignationStatus,
    Deployment,
    Designation,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Interval,
    Link,
    Membership,
    Provenance,
    Role,
)
from kg.terms import (
    KG,
    article_entity_iri,
    article_iri,
    bind_prefixes,
    entity_iri,
    fact_iri,
    position_iri,
    wikidata_iri,
)

ENTITY_CLASS = {
    EntityType.STATE: KG.State,
    EntityType.PERSON: KG.Person,
    EntityType.ORGANIZATION: KG.Organization,
    EntityType.MILITARY_ASSET: KG.MilitaryAsset,
    EntityType.LOCATION: KG.Location,
    EntityType.GROUP: KG.Group,
}

ASSET_CLASS = {
    AssetClass.AIRCRAFT_CARRIER: KG.AircraftCarrier,
    AssetClass.CARRIER_STRIKE_GROUP: KG.CarrierStrikeGroup,
    AssetClass.WARSHIP: KG.Warship,
    AssetClass.SUBMARINE: KG.Submarine,
    AssetClass.BOMBER: KG.Bomber,
    AssetClass.FIGHTER: KG.Fighter,
    AssetClass.MILITARY_AIRCRAFT: KG.MilitaryAircraft,
    AssetClass.DRONE: KG.Drone,
    AssetClass.MISSILE: KG.MissileSystem,
    AssetClass.AIR_DEFENSE: KG.AirDefence,
    AssetClass.TROOPS: KG.Troops,
    AssetClass.VESSEL: KG.Vessel,
    AssetClass.OTHER: KG.MilitaryAsset,
}

EVENT_CLASS = {event_type: KG[event_type.value.capitalize()] for event_type in EventType}

DESIGNATION_CATEGORY = {
    DesignationCategory.TERRORIST: KG.TerroristDesignation,
    DesignationCategory.FTO: KG.ForeignTerroristOrganizationDesignation,
    DesignationCategory.SDGT: KG.SpeciallyDesignatedGlobalTerroristDesignation,
    DesignationCategory.SANCTIONS: KG.SanctionsDesignation,
    DesignationCategory.TRAVEL_BAN: KG.TravelBan,
    DesignationCategory.OTHER: KG.OtherDesignation,
}

DESIGNATION_STATUS = {DesignationStatus.IN_FORCE: KG.InForce, DesignationStatus.REVOKED: KG.Revoked}

# Offices whose holder is the head of state or of government of the state they belong to.
HEAD_OF_STATE_ROLES = frozenset({"president", "king", "queen", "emir", "monarch", "sultan", "head of state"})
HEAD_OF_GOVERNMENT_ROLES = frozenset({"prime minister", "premier", "chancellor", "head of government"})


SECTOR_PREFIX = str(KG) + "Sector"


def sector_iri(code: str) -> URIRef:
    """The concept of a CAMEO sector code in the ontology's sector scheme: "GOV" -> kg:SectorGOV."""
    return URIRef(SECTOR_PREFIX + code)


def sector_code(concept: Node) -> str | None:
    """The CAMEO sector code of a concept of the sector scheme (kg:SectorGOV -> "GOV")."""
    text = str(concept)
    return text[len(SECTOR_PREFIX) :] if text.startswith(SECTOR_PREFIX) else None


def to_graph(extraction: Extraction, links: dict[str, Link]) -> Graph:
    """The graph of one article: its metadata, entities, and one node per claim."""
    mapper = _Mapper(extraction, links)
    return mapper.graph


def entity_iris(extraction: Extraction, links: dict[str, Link]) -> dict[str, URIRef]:
    """The IRI of every entity of an article, keyed by `Entity.key`."""
    return {entity.key: _entity_iri(extraction.article.id, entity, links.get(entity.key)) for entity in extraction.entities}


def claim_iri(article_id: str, claim: Claim, iris: dict[str, URIRef]) -> URIRef:
    """The IRI of one claim: a hash of the article and of everything the claim says."""
    kind, parts = _claim_key(claim, iris)
    flags = (str(claim.provenance.negated), str(claim.provenance.hypothetical))
    return fact_iri(kind, article_id, *parts, *flags)


def _entity_iri(article_id: str, entity: Entity, link: Link | None) -> URIRef:
    label = link.label if link is not None else entity.label
    if entity.named:
        return entity_iri(entity.type, label)
    return article_entity_iri(entity.type, article_id, label)


def _claim_key(claim: Claim, iris: dict[str, URIRef]) -> tuple[str, tuple[str, ...]]:
    def ref(key: str | None) -> str:
        return str(iris[key]) if key is not None else ""

    if isinstance(claim, Role):
        ended = ("ended",) if claim.ended else ()  # a former holder's tenure is another fact than a current one
        return "tenure", (ref(claim.person), claim.role.lower(), ref(claim.of), *ended)
    if isinstance(claim, Designation):
        return "designation", (ref(claim.authority), ref(claim.designee), claim.category.value)
    if isinstance(claim, Deployment):
        return "deployment", (ref(claim.asset), claim.asset_class.value, ref(claim.operator), ref(claim.location))
    if isinstance(claim, Event):
        return "event", (
            claim.type.value,
            *sorted(ref(a) for a in claim.actors),
            "->",
            *sorted(ref(t) for t in claim.targets),
            claim.mode or "",
            ref(claim.location),
            _interval_key(claim.when),
        )
    if isinstance(claim, Membership):
        return "membership", (ref(claim.member), ref(claim.organization))
    raise TypeError(f"not a claim: {claim!r}")


def _interval_key(interval: Interval | None) -> str:
    return "" if interval is None else f"{interval.earliest}/{interval.latest}"


def decimal_literal(value: float) -> Literal:
    """A score rounded to three places, in the canonical form the store keeps ("0.8", "1")."""
    rounded = Decimal(str(value)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP).normalize()
    return Literal(format(rounded, "f"), datatype=XSD.decimal)


class _Mapper:
    """Builds one article's graph; one method per record type."""

    def __init__(self, extraction: Extraction, links: dict[str, Link]) -> None:
        self.extraction = extraction
        self.article = extraction.article
        self.links = links
        self.graph = bind_prefixes(Graph())
        self.article_node = article_iri(self.article.id)
        self.iris = entity_iris(extraction, links)
        self._add_article()
        for entity in extraction.entities:
            self._add_entity(entity)
        for claim in _deduplicate(extraction.claims, self.article.id, self.iris):
            self._add_claim(claim)

    def add(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal | None) -> None:
        if obj is not None:
            self.graph.add((subject, predicate, obj))

    def _add_article(self) -> None:
        article, node = self.article, self.article_node
        self.add(node, RDF.type, KG.Article)
        self.add(node, KG.articleId, Literal(article.id))
        self.add(node, KG.contentHash, Literal(article.content_hash))
        self.add(node, KG.language, Literal(article.language))
        if article.title:
            self.add(node, KG.title, Literal(article.title))
        if article.url:
            self.add(node, KG.url, Literal(article.url, datatype=XSD.anyURI))
        if article.source:
            self.add(node, KG.publisher, Literal(article.source))
        if article.published:
            self.add(node, KG.publicationDate, Literal(article.published, datatype=XSD.date))
        if article.license:
            self.add(node, KG.license, Literal(article.license))

    def _add_entity(self, entity: Entity) -> None:
        node = self.iris[entity.key]
        link = self.links.get(entity.key)
        self.add(node, RDF.type, ENTITY_CLASS[entity.type])
        if entity.kind:
            self.add(node, RDF.type, KG[entity.kind])
        self.add(node, RDFS.label, Literal(link.label if link else entity.label))
        self.add(node, KG.mentionedIn, self.article_node)
        for text in sorted({mention.text for mention in entity.mentions}):
            self.add(node, KG.alias, Literal(text))
        if entity.type is EntityType.GROUP:
            self._add_group(node, entity)
        if link is None:
            return
        if link.qid:
            self.add(node, OWL.sameAs, wikidata_iri(link.qid))
            return
        for candidate in link.candidates:
            candidate_node = URIRef(f"{node}/candidate/{candidate.qid}")
            self.add(node, KG.linkCandidate, candidate_node)
            self.add(candidate_node, RDF.type, KG.LinkCandidate)
            self.add(candidate_node, KG.candidateItem, wikidata_iri(candidate.qid))
            self.add(candidate_node, RDFS.label, Literal(candidate.label))
            self.add(candidate_node, KG.score, decimal_literal(candidate.score))

    def _add_group(self, node: URIRef, group: Entity) -> None:
        """An actor with no name: its sector, and the state it belongs to where the text says."""
        if group.sector:
            self.add(node, KG.sector, sector_iri(group.sector))
        if group.state is not None:
            self.add(node, KG.groupOfState, self.iris[group.state])

    def _add_claim(self, claim: Claim) -> None:
        node = claim_iri(self.article.id, claim, self.iris)
        self._add_provenance(node, claim.provenance)
        if isinstance(claim, Role):
            self._add_role(node, claim)
        elif isinstance(claim, Designation):
            self._add_designation(node, claim)
        elif isinstance(claim, Deployment):
            self._add_deployment(node, claim)
        elif isinstance(claim, Event):
            self._add_event(node, claim)
        else:
            self._add_membership(node, claim)

    def _add_provenance(self, node: URIRef, provenance: Provenance) -> None:
        self.add(node, KG.derivedFrom, self.article_node)
        self.add(node, KG.extractor, Literal(provenance.extractor))
        self.add(node, KG.confidence, decimal_literal(provenance.confidence))
        self.add(node, KG.negated, Literal(provenance.negated))
        self.add(node, KG.hypothetical, Literal(provenance.hypothetical))
        if provenance.claimed_by is not None:
            self.add(node, KG.claimedBy, self.iris[provenance.claimed_by])
        evidence = provenance.evidence
        evidence_node = URIRef(f"{node}/evidence/{evidence.start}-{evidence.end}")
        self.add(node, KG.evidence, evidence_node)
        self.add(evidence_node, RDF.type, KG.Evidence)
        self.add(evidence_node, KG.sentence, Literal(evidence.text))
        self.add(evidence_node, KG.startOffset, Literal(evidence.start))
        self.add(evidence_node, KG.endOffset, Literal(evidence.end))

    def _add_interval(self, node: URIRef, predicate: URIRef, interval: Interval | None) -> None:
        if interval is None:
            return
        time_node = URIRef(f"{node}/{predicate.fragment}")
        self.add(node, predicate, time_node)
        self.add(time_node, RDF.type, KG.Interval)
        self.add(time_node, KG.earliest, Literal(interval.earliest, datatype=XSD.date))
        self.add(time_node, KG.latest, Literal(interval.latest, datatype=XSD.date))
        self.add(time_node, KG.granularity, Literal(interval.granularity))
        self.add(time_node, KG.expression, Literal(interval.expression))

    def _add_role(self, node: URIRef, role: Role) -> None:
        person, of = self.iris[role.person], self.iris[role.of]
        role_name = role.role.lower()
        position = position_iri(of, role_name)
        self.add(node, RDF.type, KG.Tenure)
        self.add(node, KG.holder, person)
        self.add(node, KG.position, position)
        if self.article.published:
            self.add(node, KG.asOf, Literal(self.article.published, datatype=XSD.date))
        self._add_interval(node, KG["term"], role.when)  # KG.term is Namespace.term, a method
        if role.ended:
            self.add(node, KG.ended, Literal(True))
        self.add(position, RDF.type, KG.Position)
        self.add(position, KG.roleName, Literal(role_name))
        self.add(position, KG.positionOf, of)
        of_type = self.extraction.entity(role.of).type
        holder_is_person = self.extraction.entity(role.person).type is EntityType.PERSON
        if not (role.held and holder_is_person):
            return
        if of_type is EntityType.STATE and role_name in HEAD_OF_STATE_ROLES:
            self.add(of, KG.headOfState, person)
        elif of_type is EntityType.STATE and role_name in HEAD_OF_GOVERNMENT_ROLES:
            self.add(of, KG.headOfGovernment, person)
        elif role_name == "leader" and of_type in (EntityType.STATE, EntityType.ORGANIZATION):
            self.add(person, KG.leaderOf, of)

    def _add_designation(self, node: URIRef, designation: Designation) -> None:
        self.add(node, RDF.type, KG.Designation)
        self.add(node, KG.authority, self.iris[designation.authority])
        self.add(node, KG.designee, self.iris[designation.designee])
        self.add(node, KG.category, DESIGNATION_CATEGORY[designation.category])
        self.add(node, KG.status, DESIGNATION_STATUS[designation.status])
        if designation.label:
            self.add(node, RDFS.label, Literal(designation.label))
        for predicate, value in (
            (KG.programme, designation.programme),
            (KG.legalBasis, designation.legal_basis),
            (KG.listIdentifier, designation.list_id),
        ):
            if value:
                self.add(node, predicate, Literal(value))
        self._add_interval(node, KG.announced, designation.announced)
        self._add_interval(node, KG.effective, designation.effective)

    def _add_deployment(self, node: URIRef, deployment: Deployment) -> None:
        asset = self.iris[deployment.asset]
        self.add(node, RDF.type, KG.Deployment)
        self.add(node, KG.asset, asset)
        if self.extraction.entity(deployment.asset).type is EntityType.MILITARY_ASSET:
            self.add(asset, RDF.type, ASSET_CLASS[deployment.asset_class])
        if deployment.operator is not None:
            self.add(node, KG.operator, self.iris[deployment.operator])
        if deployment.location is not None:
            self.add(node, KG.deployedTo, self.iris[deployment.location])
        self._add_interval(node, KG.time, deployment.when)

    def _add_event(self, node: URIRef, event: Event) -> None:
        self.add(node, RDF.type, EVENT_CLASS[event.type])
        for actor in event.actors:
            self.add(node, KG.actor, self.iris[actor])
        if not event.actors:
            self.add(node, KG.actorStated, Literal(False))  # the article does not say who acted
        for target in event.targets:
            self.add(node, KG.target, self.iris[target])
        for asset in event.assets:
            self.add(node, KG.involvedAsset, self.iris[asset])
        if event.mode:
            self.add(node, KG.mode, Literal(event.mode))
        if event.location is not None:
            self.add(node, KG.location, self.iris[event.location])
        self._add_interval(node, KG.time, event.when)

    def _add_membership(self, node: URIRef, membership: Membership) -> None:
        member, organization = self.iris[membership.member], self.iris[membership.organization]
        self.add(node, RDF.type, KG.Membership)
        self.add(node, KG.member, member)
        self.add(node, KG.organization, organization)
        in_organization = self.extraction.entity(membership.organization).type is EntityType.ORGANIZATION
        if in_organization and not (membership.provenance.negated or membership.provenance.hypothetical):
            self.add(member, KG.memberOf, organization)


def _deduplicate(claims: Iterable[Claim], article_id: str, iris: dict[str, URIRef]) -> list[Claim]:
    """One claim per fact IRI: the one read with the highest confidence (the first on a tie)."""
    best: dict[URIRef, Claim] = {}
    for claim in claims:
        node = claim_iri(article_id, claim, iris)
        if node not in best or claim.provenance.confidence > best[node].provenance.confidence:
            best[node] = claim
    return list(best.values())
