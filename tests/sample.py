"""A small hand-built extraction (the Trump–Maduro call) shared by the store, RDF and export tests."""

from __future__ import annotations

from datetime import date

from kg.records import (
    Article,
    AssetClass,
    Deployment,
    Designation,
    DesignationCategory,
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
