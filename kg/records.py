"""The typed records passed between pipeline stages.

ingest -> Article; nlp + extract -> Extraction (Entities and Claims); link -> Link;
rdf turns an Extraction and its Links into a graph. Every record is a frozen dataclass so
that a stage can never change what an earlier stage handed it.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Iterable, Literal, Protocol, Union

if TYPE_CHECKING:
    from spacy.tokens import Doc


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from an input (gold/FORMAT.md section 1).

    `origin` says where it was read from (`file.jsonl:12`), for error messages.
    """

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    license: str | None = None
    origin: str = ""

    @property
    def content(self) -> str:
        """The text that is analysed: the title, a blank line, then the body.

        Every character offset in kg (mentions, evidence) is an offset into this string.
        """
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    @property
    def content_hash(self) -> str:
        """SHA-256 of `content`: an article stored with the same hash is a duplicate."""
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- entities


class EntityType(str, enum.Enum):
    """The entity types of the flat facts format.

    A GROUP is an actor with no name ("gunmen", "Israeli troops"): it may stand in a fact's
    slots but is never an `entity` fact of its own.
    """

    STATE = "State"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    MILITARY_ASSET = "MilitaryAsset"
    LOCATION = "Location"
    GROUP = "Group"


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of `Article.content`: `content[start:end] == text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing mentioned in one article, with all its mentions.

    `key` is unique within the article (the extractors' handle for it); `label` is the
    fullest name the article uses; `kind` is the ontology class local name when it is
    more specific than `type` ("InternationalOrganization", "AircraftCarrier", ...).
    An unnamed entity ("bomber aircraft") is not shared with other articles. A GROUP (never
    named) has the CAMEO `sector` of its agent noun ("GOV", "MIL", "COP", "REB", ...) and, where
    the text states it ("Israeli troops", "Sudan's army"), the key of its `state`.
    """

    key: str
    label: str
    type: EntityType
    mentions: tuple[Mention, ...]
    kind: str | None = None
    named: bool = True  # False for "an aircraft carrier strike group": its IRI is the article's own
    sector: str | None = None  # GROUP only
    state: str | None = None  # GROUP only: the key of the State entity it belongs to


# --------------------------------------------------------------------------- time


Granularity = Literal["day", "week", "month", "year", "interval"]


@dataclass(frozen=True, slots=True)
class Interval:
    """When something happened: the earliest and latest day it can have been."""

    earliest: date
    latest: date
    granularity: Granularity
    expression: str

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError(f"interval {self.expression!r}: {self.earliest} is after {self.latest}")


# --------------------------------------------------------------------------- claims


class EventType(str, enum.Enum):
    """The sixteen PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class DesignationCategory(str, enum.Enum):
    """What kind of listing a designation is (a SKOS concept in the ontology)."""

    TERRORIST = "terrorist"
    FTO = "fto"
    SDGT = "sdgt"
    SANCTIONS = "sanctions"
    TRAVEL_BAN = "travel_ban"
    OTHER = "other"

    @property
    def flat(self) -> str:
        """The category in the flat facts vocabulary (FTO and SDGT are terrorist)."""
        return "terrorist" if self in (DesignationCategory.FTO, DesignationCategory.SDGT) else self.value


class DesignationStatus(str, enum.Enum):
    IN_FORCE = "in_force"
    REVOKED = "revoked"


class AssetClass(str, enum.Enum):
    """The asset classes of the flat facts vocabulary."""

    AIRCRAFT_CARRIER = "aircraft_carrier"
    CARRIER_STRIKE_GROUP = "carrier_strike_group"
    WARSHIP = "warship"
    SUBMARINE = "submarine"
    BOMBER = "bomber"
    FIGHTER = "fighter"
    MILITARY_AIRCRAFT = "military_aircraft"
    DRONE = "drone"
    MISSILE = "missile"
    AIR_DEFENSE = "air_defense"
    TROOPS = "troops"
    VESSEL = "vessel"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Provenance:
    """What every claim carries: where it was read, by what, and how far to trust it.

    `evidence` is the sentence the claim was read from. `claimed_by` is the key of the
    entity the article attributes the claim to, if any. A negated or hypothetical claim is
    never a plain assertion.
    """

    evidence: Mention
    extractor: str
    confidence: float
    claimed_by: str | None = None
    negated: bool = False
    hypothetical: bool = False

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is outside [0, 1]")


@dataclass(frozen=True, slots=True)
class Role:
    """`person` holds the office `role` ("president") of the state or organization `of`; when
    `ended`, held it and no longer did at the article's date ("former president X")."""

    person: str
    role: str
    of: str
    provenance: Provenance
    when: Interval | None = None
    ended: bool = False

    @property
    def held(self) -> bool:
        """The article says the person holds the office: not denied, not planned, not past."""
        return not (self.provenance.negated or self.provenance.hypothetical or self.ended)


@dataclass(frozen=True, slots=True)
class Designation:
    """`authority` lists, sanctions or bans `designee`."""

    authority: str
    designee: str
    category: DesignationCategory
    provenance: Provenance
    label: str | None = None
    programme: str | None = None
    legal_basis: str | None = None
    list_id: str | None = None
    announced: Interval | None = None
    effective: Interval | None = None
    status: DesignationStatus = DesignationStatus.IN_FORCE


@dataclass(frozen=True, slots=True)
class Deployment:
    """A military asset (an entity of type MilitaryAsset), whose it is and where it went."""

    asset: str
    asset_class: AssetClass
    provenance: Provenance
    operator: str | None = None
    location: str | None = None
    when: Interval | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event: who acted on whom, how, when and where."""

    type: EventType
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    provenance: Provenance
    mode: str | None = None
    when: Interval | None = None
    location: str | None = None
    assets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Membership:
    """`member` (a state or organization, or a person of a party) belongs to `organization`."""

    member: str
    organization: str
    provenance: Provenance


Claim = Union[Role, Designation, Deployment, Event, Membership]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage read from one article: its entities and the claims about them.

    Claims refer to entities by `Entity.key`.
    """

    article: Article
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...] = ()

    def entity(self, key: str) -> Entity:
        for entity in self.entities:
            if entity.key == key:
                return entity
        raise KeyError(f"article {self.article.id}: no entity with key {key!r}")


class Extractor(Protocol):
    """An extractor turns an annotated Doc and the article's entities into claims."""

    def __call__(self, doc: "Doc", entities: tuple[Entity, ...], article: Article) -> Iterable[Claim]: ...


# --------------------------------------------------------------------------- linking


class Judgement(str, enum.Enum):
    """How sure the linker is of a Wikidata link."""

    CONFIRMED = "confirmed"  # taken from a human decision file
    SUGGESTED = "suggested"  # chosen by the linker; stored as owl:sameAs
    REJECTED = "rejected"  # ambiguous or unknown: no link, candidates kept


@dataclass(frozen=True, slots=True)
class Candidate:
    qid: str
    label: str
    score: float


@dataclass(frozen=True, slots=True)
class Link:
    """The linker's answer for one entity of one article.

    `qid` is set only when the judgement is CONFIRMED or SUGGESTED. `label` is the canonical
    name to mint the entity's IRI from (the gazetteer's name when the entity is known), so that
    "US", "U.S." and "Washington" all become one node.
    """

    entity_key: str
    label: str
    judgement: Judgement
    qid: str | None = None
    candidates: tuple[Candidate, ...] = ()
    source: str = "gazetteer"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Rejection:
    """A fact that failed validation and was kept out of the store, with why."""

    article_id: str
    fact: str
    message: str
    constraint: str = ""


@dataclass(slots=True)
class BuildSummary:
    """What `kg build` did, for the closing summary line and the Python API."""

    articles_read: int = 0
    articles_stored: int = 0
    facts_stored: int = 0
    facts_rejected: int = 0
    failed_inputs: list[tuple[str, str]] = field(default_factory=list)
    duplicates: int = 0
