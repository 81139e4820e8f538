"""A small hand-built extraction (the Trump–Maduro call) shared by the store, RDF and export tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.records import (
    Article,
    AssetClass,
    Candidate,
    Deployment,
    Designation,
    DesignationCategory,
    DesignationStatus,
    Entity,
    EntityType,
    Event,
    EventType,
    Extraction,
    Interval,
    Judgement,
    Link,
    Membership,
    Mention,
    Provenance,
    Role,
)

TEXT = (
    "US President Donald Trump spoke by phone last week with Venezuelan President Nicolás Maduro. "
    "Washington labels the Cartel de los Soles a foreign terrorist organization. "
    "The US has deployed an aircraft carrier strike group near Venezuela. "
    "Venezuela, a member of OPEC, denied the claims."
)


def mention(content: str, text: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = content.index(text, start + 1)
    return Mention(start, start + len(text), text)


def sample_extraction() -> tuple[Extraction, dict[str, Link]]:
    article = Article(id="sample-call", text=TEXT, title="Trump and Maduro talk", published=date(2025, 11, 29), source="Test Wire")
    c = article.content

    def sentence(start_text: str) -> Mention:
        start = c.index(start_text)
        end = c.index(".", start + len(start_text) - 1) + 1
        return Mention(start, end, c[start:end])

    entities = (
        Entity("us", "United States", EntityType.STATE, (mention(c, "US"), mention(c, "Washington"), mention(c, "US", 1))),
        Entity("venezuela", "Venezuela", EntityType.STATE, (mention(c, "Venezuelan"), mention(c, "Venezuela", 2))),
        Entity("trump", "Donald Trump", EntityType.PERSON, (mention(c, "Trump"), mention(c, "Donald Trump"))),
        Entity("maduro", "Nicolás Maduro", EntityType.PERSON, (mention(c, "Maduro"), mention(c, "Nicolás Maduro"))),
        Entity("cartel", "Cartel de los Soles", EntityType.ORGANIZATION, (mention(c, "Cartel de los Soles"),), kind="CriminalOrganization"),
        Entity("opec", "OPEC", EntityType.ORGANIZATION, (mention(c, "OPEC"),), kind="InternationalOrganization"),
        Entity("csg", "aircraft carrier strike group", EntityType.MILITARY_ASSET, (mention(c, "aircraft carrier strike group"),), named=False),
    )
    call = sentence("US President")
    last_week = Interval(date(2025, 11, 17), date(2025, 11, 23), "week", "last week")
    claims = (
        Role("trump", "president", "us", Provenance(call, "kg.roles.v1", 0.9)),
        Role("maduro", "president", "venezuela", Provenance(call, "kg.roles.v1", 0.9)),
        Event(EventType.CONSULT, ("trump",), ("maduro",), Provenance(call, "kg.events.v1", 0.8), mode="phone", when=last_week),
        Designation("us", "cartel", DesignationCategory.FTO, Provenance(sentence("Washington labels"), "kg.designations.v1", 0.85), label="foreign terrorist organization"),
        Deployment("csg", AssetClass.CARRIER_STRIKE_GROUP, Provenance(sentence("The US has"), "kg.assets.v1", 0.8), operator="us", location="venezuela"),
        Membership("venezuela", "opec", Provenance(sentence("Venezuela, a member"), "kg.memberships.v1", 0.75)),
        Event(EventType.REJECT, ("venezuela",), ("us",), Provenance(sentence("Venezuela, a member"), "kg.events.v1", 0.4, claimed_by="venezuela")),
    )
    links = {
        "us": Link("us", "United States", Judgement.SUGGESTED, qid="Q30"),
        "venezuela": Link("venezuela", "Venezuela", Judgement.SUGGESTED, qid="Q717"),
        "maduro": Link("maduro", "Nicolás Maduro", Judgement.SUGGESTED, qid="Q58132"),
    }
    return Extraction(article, entities, claims), links


def every_claim_extraction() -> Extraction:
    """One article with every kind of claim and every optional slot filled somewhere."""
    article = Article(
        id="seed-all-claims",
        title="Trump and Maduro speak by phone",
        text=(
            "US President Donald Trump spoke by phone with Nicolás Maduro late last week. "
            "Maduro said the United States could not make Venezuela surrender. "
            "On Monday the United States designated the Cartel de los Soles a foreign terrorist organization. "
            "An aircraft carrier strike group was deployed to the Caribbean Sea; B-52 bombers flew near Venezuela. "
            "Venezuela is a member of OPEC, the Fund said."
        ),
        published=date(2025, 11, 29),
        url="https://en.wikinews.org/wiki/Example",
        source="Wikinews",
        license="CC BY 2.5",
    )
    content = article.content

    def at(text: str) -> Mention:
        return mention(content, text)

    def provenance(sentence: str, confidence: float = 0.9, **flags: Any) -> Provenance:
        return Provenance(evidence=at(sentence), extractor="kg.test.v1", confidence=confidence, **flags)

    sentences = [sentence if sentence.endswith(".") else f"{sentence}." for sentence in article.text.split(". ")]
    call, surrender, designation, deployment, membership = sentences
    entities = (
        Entity("us", "United States", EntityType.STATE, (at("United States"), at("US"))),
        Entity("venezuela", "Venezuela", EntityType.STATE, (at("Venezuela"),)),
        Entity("trump", "Donald Trump", EntityType.PERSON, (at("Donald Trump"),)),
        Entity("maduro", "Nicolás Maduro", EntityType.PERSON, (at("Nicolás Maduro"), at("Maduro"))),
        Entity("cartel", "Cartel de los Soles", EntityType.ORGANIZATION, (at("Cartel de los Soles"),)),
        Entity("opec", "OPEC", EntityType.ORGANIZATION, (at("OPEC"),), kind="InternationalOrganization"),
        Entity("fund", "the Fund", EntityType.ORGANIZATION, (at("the Fund"),)),
        Entity("caribbean", "Caribbean Sea", EntityType.LOCATION, (at("Caribbean Sea"),)),
        Entity(
            "csg",
            "aircraft carrier strike group",
            EntityType.MILITARY_ASSET,
            (at("aircraft carrier strike group"),),
            named=False,
        ),
        Entity("bombers", "B-52 bombers", EntityType.MILITARY_ASSET, (at("B-52 bombers"),), named=False),
    )
    week = Interval(date(2025, 11, 17), date(2025, 11, 23), "week", "late last week")
    monday = Interval(date(2025, 11, 24), date(2025, 11, 24), "day", "On Monday")
    in_office = Interval(date(2025, 1, 20), date(2025, 11, 29), "interval", "since 20 January")
    claims = (
        Role("trump", "President", "us", provenance(call), when=in_office),
        Role("maduro", "leader", "venezuela", provenance(surrender, 0.7)),
        Event(EventType.CONSULT, ("trump",), ("maduro",), provenance(call), mode="phone", when=week),
        Event(EventType.REJECT, ("maduro",), ("us",), provenance(surrender, 0.6, claimed_by="maduro")),
        Event(
            EventType.COERCE,
            ("us",),
            ("venezuela",),
            provenance(surrender, 0.5, negated=True, hypothetical=True, claimed_by="maduro"),
        ),
        Event(
            EventType.MOBILIZE,
            ("us", "csg"),
            ("venezuela",),
            provenance(deployment, 0.8),
            location="caribbean",
            assets=("csg", "bombers"),
        ),
        # "... was deployed to the Caribbean Sea": read alone, the passive does not say who sent it.
        Event(EventType.MOBILIZE, (), ("venezuela",), provenance(deployment, 0.6), location="caribbean", when=week),
        Designation(
            "us",
            "cartel",
            DesignationCategory.FTO,
            provenance(designation),
            label="foreign terrorist organization",
            programme="Foreign Terrorist Organizations",
            legal_basis="Section 219 of the Immigration and Nationality Act",
            list_id="FTO-2025-11",
            announced=monday,
            effective=monday,
            status=DesignationStatus.IN_FORCE,
        ),
        Deployment("csg", AssetClass.CARRIER_STRIKE_GROUP, provenance(deployment), operator="us", location="caribbean"),
        Deployment("bombers", AssetClass.BOMBER, provenance(deployment), operator="us", location="venezuela", when=week),
        Membership("venezuela", "opec", provenance(membership, 0.8, claimed_by="fund")),
    )
    return Extraction(article, entities, claims)


EVERY_CLAIM_LINKS = {
    # QIDs from ../shared/reference: states.csv, leaders-current-2026.csv, igos.csv.
    "us": Link("us", "United States", Judgement.CONFIRMED, qid="Q30"),
    "venezuela": Link("venezuela", "Venezuela", Judgement.SUGGESTED, qid="Q717"),
    "trump": Link("trump", "Donald Trump", Judgement.SUGGESTED, qid="Q22686"),
    "opec": Link("opec", "Organization of the Petroleum Exporting Countries", Judgement.CONFIRMED, qid="Q7795"),
    "fund": Link(
        "fund",
        "the Fund",
        Judgement.REJECTED,
        candidates=(
            Candidate("Q392787", "OPEC Fund for International Development", 0.42),
            Candidate("Q7804", "International Monetary Fund", 0.4),
        ),
    ),
}
