"""The one fixture dataset every saved query is tested on: a small slice of international relations.

Four articles, built as the pipeline builds them: hand-made Extractions and Links mapped by
kg.rdf.to_graph, each stored as kg stores an article (docs/dataset.md): its own named graph
(terms.graph_iri) and the entity descriptions in the entities graph.

- seed-trump-maduro-call (2025-11-29): the Trump–Maduro phone call with Rubio on it, the FTO
  designation of the Cartel de los Soles led by Maduro, US accusations that Venezuela denies
  (a contested claim), a carrier strike group near Venezuela, a year of missile strikes.
- wire-trump-confirms-call (2025-11-30): a second source for the call and the designation; B-52
  bombers near Venezuela; a threat; Petro (left unlinked, with a candidate) accusing Washington;
  a claim by Trump that Venezuela denies (the same event asserted and negated).
- state-dept-fto-cartel-de-los-soles (2025-11-24): the designation notice, with its legal basis
  and effective date.
- wire-russian-bombers-caracas (2018-12-11): Putin meets Maduro; Tu-160 bombers land in Caracas;
  Pompeo accuses Russia and the Kremlin rejects it.
"""

from __future__ import annotations

from datetime import date

from pyoxigraph import Store
from rdflib import Graph

from kg.rdf import to_graph
from kg.records import (
    Article,
    AssetClass,
    Candidate,
    Claim,
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
    Mention,
    Provenance,
    Role,
)
from kg.store import KgStore

STATE, PERSON, ORG, ASSET = EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.MILITARY_ASSET


class _Article:
    """Builds one article's Extraction: mentions and evidence are found in the article's content."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.content = article.content
        self.entities: list[Entity] = []
        self.claims: list[Claim] = []
        self.links: dict[str, Link] = {}

    def entity(
        self,
        key: str,
        label: str,
        type_: EntityType,
        *texts: str,
        qid: str | None = None,
        kind: str | None = None,
        named: bool = True,
        candidates: tuple[Candidate, ...] = (),
    ) -> None:
        mentions = tuple(self._mention(text) for text in texts)
        self.entities.append(Entity(key, label, type_, mentions, kind=kind, named=named))
        if qid is not None:
            self.links[key] = Link(key, label, Judgement.SUGGESTED, qid=qid)
        elif candidates:
            self.links[key] = Link(key, label, Judgement.REJECTED, candidates=candidates, reason="ambiguous")

    def said(self, sentence_start: str, extractor: str, confidence: float, **flags: object) -> Provenance:
        start = self.content.index(sentence_start)
        end = self.content.index(".", start + len(sentence_start) - 1) + 1
        evidence = Mention(start, end, self.content[start:end])
        return Provenance(evidence, extractor, confidence, **flags)  # type: ignore[arg-type]

    def extraction(self) -> tuple[Extraction, dict[str, Link]]:
        return Extraction(self.article, tuple(self.entities), tuple(self.claims)), self.links

    def _mention(self, text: str) -> Mention:
        start = self.content.index(text)
        return Mention(start, start + len(text), text)


def _day(day: date, expression: str) -> Interval:
    return Interval(day, day, "day", expression)


def seed_call() -> _Article:
    a = _Article(
        Article(
            id="seed-trump-maduro-call",
            title="Trump, Maduro held phone call last week amid US military buildup: NYT",
            text=(
                "US President Donald Trump spoke by phone last week with Venezuelan President Nicolás Maduro, "
                "discussing a possible meeting, multiple sources familiar with the matter told The New York Times. "
                "Two individuals confirmed the call occurred late last week and included US Secretary of State "
                "Marco Rubio. The phone call came just days before the US officially designated Maduro as the "
                "leader of the Cartel de los Soles, a group Washington labels a foreign terrorist organization. "
                "The designation reflects the Trump administration's claims that Venezuelan military officers have "
                "long been involved in drug trafficking, charges Venezuela has consistently denied. "
                "The conversation took place amid a major US military buildup near Venezuela, including an "
                "aircraft carrier strike group. Over the past year, the Trump administration has conducted missile "
                "strikes on Venezuelan vessels it claims were involved in drug trafficking."
            ),
            published=date(2025, 11, 29),
            source="news report citing The New York Times",
        )
    )
    a.entity("us", "United States", STATE, "US", "Washington", "Trump administration", qid="Q30")
    a.entity("venezuela", "Venezuela", STATE, "Venezuelan", "Venezuela", qid="Q717")
    a.entity("trump", "Donald Trump", PERSON, "Donald Trump", qid="Q22686")
    a.entity("maduro", "Nicolás Maduro", PERSON, "Nicolás Maduro", "Maduro", qid="Q58132")
    a.entity("rubio", "Marco Rubio", PERSON, "Marco Rubio")
    a.entity("cartel", "Cartel de los Soles", ORG, "Cartel de los Soles", kind="CriminalOrganization")
    a.entity("csg", "aircraft carrier strike group", ASSET, "aircraft carrier strike group", named=False)
    call = a.said("US President Donald Trump", "kg.events.v1", 0.85)
    a.claims += [
        Role("trump", "president", "us", a.said("US President Donald Trump", "kg.roles.v1", 0.95)),
        Role("maduro", "president", "venezuela", a.said("US President Donald Trump", "kg.roles.v1", 0.95)),
        Role("rubio", "secretary of state", "us", a.said("Two individuals", "kg.roles.v1", 0.9)),
        Role("maduro", "leader", "cartel", a.said("The phone call came", "kg.roles.v1", 0.7, claimed_by="us")),
        Event(
            EventType.CONSULT, ("trump", "rubio"), ("maduro",), call, mode="phone",
            when=Interval(date(2025, 11, 20), date(2025, 11, 23), "interval", "late last week"),
        ),
        Designation(
            "us", "cartel", DesignationCategory.FTO, a.said("The phone call came", "kg.designations.v1", 0.9),
            label="foreign terrorist organization",
        ),
        Event(EventType.ACCUSE, ("us",), ("venezuela",), a.said("The designation reflects", "kg.events.v1", 0.7, claimed_by="us")),
        Event(
            EventType.REJECT, ("venezuela",), ("us",),
            a.said("The designation reflects", "kg.events.v1", 0.7, claimed_by="venezuela"),
        ),
        Deployment(
            "csg", AssetClass.CARRIER_STRIKE_GROUP, a.said("The conversation took place", "kg.assets.v1", 0.8),
            operator="us", location="venezuela",
        ),
        Event(
            EventType.ASSAULT, ("us",), ("venezuela",), a.said("Over the past year", "kg.events.v1", 0.75),
            when=Interval(date(2024, 11, 29), date(2025, 11, 29), "interval", "over the past year"),
        ),
    ]
    return a


def wire_confirms_call() -> _Article:
    a = _Article(
        Article(
            id="wire-trump-confirms-call",
            title="Trump confirms call with Maduro as B-52 bombers fly near Venezuela",
            text=(
                "President Donald Trump confirmed on Sunday that he had spoken by phone with Nicolás Maduro last "
                "week. The call came days after Washington designated the Cartel de los Soles a foreign terrorist "
                "organization. U.S. Air Force B-52 bombers flew near the Venezuelan coast on Thursday. "
                "On Thursday the United States warned that land strikes against Venezuela could begin very soon. "
                "Trump said Maduro had offered to step down. Venezuelan officials denied that Maduro had offered "
                "to step down. Petro, who has clashed with Trump, accused Washington of seeking Venezuela's oil."
            ),
            published=date(2025, 11, 30),
            source="Example Wire",
        )
    )
    a.entity("us", "United States", STATE, "Washington", "U.S.", "United States", qid="Q30")
    a.entity("venezuela", "Venezuela", STATE, "Venezuelan", "Venezuela", qid="Q717")
    a.entity("trump", "Donald Trump", PERSON, "Donald Trump", "Trump", qid="Q22686")
    a.entity("maduro", "Nicolás Maduro", PERSON, "Nicolás Maduro", qid="Q58132")
    a.entity("cartel", "Cartel de los Soles", ORG, "Cartel de los Soles", kind="CriminalOrganization")
    a.entity("bombers", "B-52 bombers", ASSET, "B-52 bombers", named=False)
    a.entity("petro", "Petro", PERSON, "Petro", candidates=(Candidate("Q704022", "Gustavo Petro", 0.58),))
    thursday = _day(date(2025, 11, 27), "on Thursday")
    a.claims += [
        Role("trump", "president", "us", a.said("President Donald Trump", "kg.roles.v1", 0.9)),
        Event(
            EventType.CONSULT, ("trump",), ("maduro",), a.said("President Donald Trump", "kg.events.v1", 0.9),
            mode="phone", when=Interval(date(2025, 11, 17), date(2025, 11, 23), "week", "last week"),
        ),
        Designation(
            "us", "cartel", DesignationCategory.FTO, a.said("The call came", "kg.designations.v1", 0.85),
            label="foreign terrorist organization",
        ),
        Deployment(
            "bombers", AssetClass.BOMBER, a.said("U.S. Air Force", "kg.assets.v1", 0.85),
            operator="us", location="venezuela", when=thursday,
        ),
        Event(EventType.THREATEN, ("us",), ("venezuela",), a.said("On Thursday the", "kg.events.v1", 0.8), when=thursday),
        Event(EventType.CONCEDE, ("maduro",), ("us",), a.said("Trump said Maduro", "kg.events.v1", 0.6, claimed_by="trump")),
        Event(
            EventType.CONCEDE, ("maduro",), ("us",),
            a.said("Venezuelan officials denied", "kg.events.v1", 0.6, claimed_by="venezuela", negated=True),
        ),
        Event(EventType.ACCUSE, ("petro",), ("us",), a.said("Petro, who has", "kg.events.v1", 0.65, claimed_by="petro")),
    ]
    return a


def state_department_notice() -> _Article:
    a = _Article(
        Article(
            id="state-dept-fto-cartel-de-los-soles",
            title="Terrorist Designation of Cartel de los Soles",
            text=(
                "The Department of State is designating Cartel de los Soles as a Foreign Terrorist Organization "
                "under Section 219 of the Immigration and Nationality Act, effective November 24, 2025. "
                "Cartel de los Soles is headed by Nicolás Maduro and other high-ranking Venezuelan individuals. "
                "Marco Rubio, Secretary of State."
            ),
            published=date(2025, 11, 24),
            source="U.S. Department of State",
            license="public domain (US government work)",
        )
    )
    a.entity("us", "United States", STATE, "Department of State", qid="Q30")
    a.entity("cartel", "Cartel de los Soles", ORG, "Cartel de los Soles", kind="CriminalOrganization")
    a.entity("maduro", "Nicolás Maduro", PERSON, "Nicolás Maduro", qid="Q58132")
    a.entity("rubio", "Marco Rubio", PERSON, "Marco Rubio")
    a.claims += [
        Role("rubio", "secretary of state", "us", a.said("Marco Rubio, Secretary", "kg.roles.v1", 0.9)),
        Designation(
            "rubio", "cartel", DesignationCategory.FTO, a.said("The Department of State", "kg.designations.v1", 0.95),
            label="Foreign Terrorist Organization",
            legal_basis="Section 219 of the Immigration and Nationality Act",
            effective=_day(date(2025, 11, 24), "November 24, 2025"),
        ),
        Role("maduro", "leader", "cartel", a.said("Cartel de los Soles is headed", "kg.roles.v1", 0.85)),
    ]
    return a


def russian_bombers() -> _Article:
    a = _Article(
        Article(
            id="wire-russian-bombers-caracas",
            title="Russian strategic bombers land in Venezuela",
            text=(
                "Two Russian Tu-160 strategic bombers landed in Venezuela on Monday, the Russian defence ministry "
                "said, days after Venezuelan President Nicolás Maduro met Russian President Vladimir Putin in Moscow "
                "last week. US Secretary of State Mike Pompeo accused Russia of squandering public funds to prop up "
                "a corrupt regime. The Kremlin rejected the criticism as completely inappropriate."
            ),
            published=date(2018, 12, 11),
            source="Example Wire",
        )
    )
    a.entity("russia", "Russia", STATE, "Russian", "Russia", "The Kremlin", qid="Q159")
    a.entity("venezuela", "Venezuela", STATE, "Venezuela", "Venezuelan", qid="Q717")
    a.entity("us", "United States", STATE, "US", qid="Q30")
    a.entity("putin", "Vladimir Putin", PERSON, "Vladimir Putin", qid="Q7747")
    a.entity("maduro", "Nicolás Maduro", PERSON, "Nicolás Maduro", qid="Q58132")
    a.entity("pompeo", "Mike Pompeo", PERSON, "Mike Pompeo")
    a.entity("tu160", "Tu-160 strategic bombers", ASSET, "Tu-160 strategic bombers", named=False)
    landed = a.said("Two Russian Tu-160", "kg.roles.v1", 0.9)
    a.claims += [
        Role("maduro", "president", "venezuela", landed),
        Role("putin", "president", "russia", landed),
        Role("pompeo", "secretary of state", "us", a.said("US Secretary of State", "kg.roles.v1", 0.9)),
        Deployment(
            "tu160", AssetClass.BOMBER, a.said("Two Russian Tu-160", "kg.assets.v1", 0.9, claimed_by="russia"),
            operator="russia", location="venezuela", when=_day(date(2018, 12, 10), "on Monday"),
        ),
        Event(
            EventType.CONSULT, ("maduro",), ("putin",), a.said("Two Russian Tu-160", "kg.events.v1", 0.8),
            mode="meeting", when=Interval(date(2018, 12, 3), date(2018, 12, 9), "week", "last week"),
        ),
        Event(EventType.ACCUSE, ("pompeo",), ("russia",), a.said("US Secretary of State", "kg.events.v1", 0.85)),
        Event(EventType.REJECT, ("russia",), ("pompeo",), a.said("The Kremlin rejected", "kg.events.v1", 0.8)),
    ]
    return a


ARTICLES = (seed_call, wire_confirms_call, state_department_notice, russian_bombers)


def fixture_graphs() -> dict[str, Graph]:
    """Each article's graph, exactly as kg.rdf.to_graph writes it, by article id."""
    graphs = {}
    for build in ARTICLES:
        extraction, links = build().extraction()
        graphs[extraction.article.id] = to_graph(extraction, links)
    return graphs


def fixture_store() -> Store:
    """An in-memory pyoxigraph Store holding every fixture article as kg's store writes it."""
    store = KgStore(None)
    for article_id, graph in fixture_graphs().items():
        store.replace_article(article_id, graph)
    return store.oxigraph
