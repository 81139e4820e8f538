"""Offline linking on articles written for the test, online failures, and re-linking a stored graph."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL

from kg.errors import LinkError, LinkUnavailable
from kg.gazetteer import load_gazetteer
from kg.link import Linker, relink_graph
from kg.rdf import to_graph
from kg.records import (
    Article,
    Candidate,
    Entity,
    EntityType,
    Extraction,
    Judgement,
    Link,
    Mention,
    Provenance,
    Role,
)
from kg.terms import KG, entity_iri


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(load_gazetteer())


def article(text: str, published: date | None = date(2025, 6, 1)) -> Article:
    return Article(id="test-article", text=text, published=published)


def entity(key: str, text: str, entity_type: EntityType, *mentions: str, label: str | None = None, named: bool = True) -> Entity:
    """An entity whose mentions are the first occurrences of `text` and `mentions` in the content."""
    return Entity(key, label or text, entity_type, tuple(Mention(0, len(m), m) for m in (text, *mentions)), named=named)


def role(person: str, name: str, of: str, sentence: str) -> Role:
    return Role(person, name, of, Provenance(Mention(0, len(sentence), sentence), "test.v1", 0.9))


def suggested(links: dict[str, Link]) -> dict[str, str | None]:
    return {key: link.qid for key, link in links.items() if link.judgement is Judgement.SUGGESTED}


def test_link_states_by_name_acronym_demonym_and_capital(linker: Linker) -> None:
    text = "Washington said U.S. warships would stay. Venezuelan officials protested."
    extraction = Extraction(
        article(text),
        (
            entity("us", "United States", EntityType.STATE, "U.S."),
            entity("washington", "Washington", EntityType.STATE),
            entity("venezuela", "Venezuelan", EntityType.STATE),
        ),
    )
    links = linker.link(extraction)
    assert suggested(links) == {"us": "Q30", "washington": "Q30", "venezuela": "Q717"}
    assert [links[key].label for key in ("us", "washington", "venezuela")] == ["United States", "United States", "Venezuela"]
    assert links["venezuela"].reason == "demonym 'Venezuelan'"


def test_link_office_holder_changes_between_article_dates(linker: Linker) -> None:
    sentence = "The US president spoke by phone with Venezuela."
    entities = (
        entity("president", "the US president", EntityType.PERSON),
        entity("us", "US", EntityType.STATE),
    )
    claims = (role("president", "president", "us", sentence),)
    in_2022 = linker.link(Extraction(article(sentence, date(2022, 6, 1)), entities, claims))
    in_2025 = linker.link(Extraction(article(sentence, date(2025, 6, 1)), entities, claims))
    # leaders-wikidata-2022: Joe Biden since 2021; leaders-current-2026: Donald Trump since 2025-01-20.
    assert (in_2022["president"].qid, in_2022["president"].label) == ("Q6279", "Joe Biden")
    assert (in_2025["president"].qid, in_2025["president"].label) == ("Q22686", "Donald Trump")
    # Between the 2022 snapshot and Trump's start the sources say nothing: no link.
    in_2024 = linker.link(Extraction(article(sentence, date(2024, 6, 1)), entities, claims))
    assert in_2024["president"].judgement is Judgement.REJECTED
    assert in_2024["president"].label == "the US president"


def test_link_office_does_not_override_another_name(linker: Linker) -> None:
    sentence = "US President Smith met reporters."
    entities = (entity("smith", "Smith", EntityType.PERSON), entity("us", "US", EntityType.STATE))
    links = linker.link(Extraction(article(sentence), entities, (role("smith", "president", "us", sentence),)))
    assert links["smith"].judgement is Judgement.REJECTED


def test_link_name_shared_by_entities_of_different_types(linker: Linker) -> None:
    text = "Georgia and Jordan signed. Jordan, a farmer from Georgia, watched. Washington Irving wrote."
    extraction = Extraction(
        article(text),
        (
            entity("georgia_state", "Georgia", EntityType.STATE),
            entity("jordan_state", "Jordan", EntityType.STATE),
            entity("jordan_person", "Jordan", EntityType.PERSON),
            entity("georgia_place", "Georgia", EntityType.LOCATION),
            entity("washington_person", "Washington", EntityType.PERSON),
        ),
    )
    links = linker.link(extraction)
    assert suggested(links) == {"georgia_state": "Q230", "jordan_state": "Q810"}
    for key in ("jordan_person", "georgia_place", "washington_person"):
        assert links[key].judgement is Judgement.REJECTED and links[key].qid is None, key


def test_link_ambiguous_name_keeps_scored_candidates(linker: Linker) -> None:
    links = linker.link(Extraction(article("Congo held talks."), (entity("congo", "Congo", EntityType.STATE),)))
    link = links["congo"]
    assert link.judgement is Judgement.REJECTED and link.qid is None
    assert {(c.qid, c.score) for c in link.candidates} == {("Q974", 1.0), ("Q971", 1.0)}
    assert link.reason.startswith("no clear winner")


def test_link_context_in_the_text_settles_an_ambiguous_name(linker: Linker) -> None:
    text = "Congo held talks in Kinshasa."
    links = linker.link(Extraction(article(text), (entity("congo", "Congo", EntityType.STATE),)))
    assert (links["congo"].qid, links["congo"].label) == ("Q974", "DR Congo")


def test_link_surname_alone_needs_a_state_of_the_person_in_the_article(linker: Linker) -> None:
    alone = linker.link(Extraction(article("Putin spoke."), (entity("putin", "Putin", EntityType.PERSON),)))
    assert alone["putin"].judgement is Judgement.REJECTED
    assert alone["putin"].candidates == (Candidate("Q7747", "Vladimir Putin", 0.7),)
    with_russia = linker.link(
        Extraction(article("Putin said Russia would not stop."),
                   (entity("putin", "Putin", EntityType.PERSON), entity("russia", "Russia", EntityType.STATE)))  # fmt: skip
    )
    assert suggested(with_russia) == {"putin": "Q7747", "russia": "Q159"}


def test_link_fuzzy_name_is_suggested_only_when_close(linker: Linker) -> None:
    links = linker.link(
        Extraction(article("Abdel Fattah al-Sisi and Venezuala."),
                   (entity("sisi", "Abdel Fattah al-Sisi", EntityType.PERSON), entity("v", "Venezuala", EntityType.STATE)))  # fmt: skip
    )
    assert links["sisi"].qid == "Q307871"
    assert links["v"].judgement is Judgement.REJECTED  # 0.9 x ratio 89: a candidate, not a link
    assert [c.qid for c in links["v"].candidates] == ["Q717"]


def test_link_item_sharing_its_name_with_another_is_never_suggested(linker: Linker) -> None:
    # Two source rows give "António Costa" two different QIDs: linking either could be wrong.
    links = linker.link(Extraction(article("António Costa spoke."), (entity("costa", "António Costa", EntityType.PERSON),)))
    assert links["costa"].judgement is Judgement.REJECTED
    assert {c.qid for c in links["costa"].candidates} == {"Q610788", "Q2347236"}


def test_link_unnamed_and_unknown_entities_stay_unlinked(linker: Linker) -> None:
    extraction = Extraction(
        article("A carrier strike group sailed past Atlantis."),
        (
            entity("csg", "carrier strike group", EntityType.MILITARY_ASSET, named=False),
            entity("atlantis", "Atlantis", EntityType.STATE),
        ),
    )
    links = linker.link(extraction)
    assert links["csg"] == Link("csg", "carrier strike group", Judgement.REJECTED, reason="unnamed: belongs to its article only")
    assert links["atlantis"] == Link("atlantis", "Atlantis", Judgement.REJECTED, reason="not in the gazetteer")


class FailingSearch:
    """An online service whose lookups fail with `error`; counts the calls."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls = 0

    def search(self, label: str, entity_type: EntityType) -> list[Candidate]:
        self.calls += 1
        raise self.error


def test_link_failed_online_lookup_leaves_the_entity_unlinked_and_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    search = FailingSearch(LinkError("http://127.0.0.1:1/sparql: HTTP 500"))
    linker = Linker(load_gazetteer(), online=search)
    extraction = Extraction(
        article("Marco Rubio and Lindsey Graham met in Venezuela."),
        (
            entity("rubio", "Marco Rubio", EntityType.PERSON),
            entity("graham", "Lindsey Graham", EntityType.PERSON),
            entity("venezuela", "Venezuela", EntityType.STATE),
        ),
    )
    links = linker.link(extraction)
    assert links["rubio"].reason == "wikidata lookup failed: http://127.0.0.1:1/sparql: HTTP 500"
    assert links["rubio"].judgement is Judgement.REJECTED and links["rubio"].source == "wikidata"
    assert links["venezuela"].qid == "Q717"
    assert search.calls == 2 and linker.failures == 2
    assert "lookup of 'Marco Rubio' failed" in caplog.text


def test_link_unavailable_service_is_not_asked_again() -> None:
    search = FailingSearch(LinkUnavailable("http://127.0.0.1:1/sparql: connection refused 3 times"))
    linker = Linker(load_gazetteer(), online=search)
    extraction = Extraction(
        article("Marco Rubio and Lindsey Graham met."),
        (entity("rubio", "Marco Rubio", EntityType.PERSON), entity("graham", "Lindsey Graham", EntityType.PERSON)),
    )
    links = linker.link(extraction)
    assert search.calls == 1 and linker.online is None
    assert links["rubio"].reason == "wikidata unavailable: http://127.0.0.1:1/sparql: connection refused 3 times"
    assert links["graham"].reason == "not in the gazetteer"


def test_link_relink_graph_equals_a_fresh_build(linker: Linker) -> None:
    sentence = "Venezuelan President Nicolás Maduro met the Congo delegation."
    extraction = Extraction(
        article(sentence, date(2019, 3, 1)),
        (
            entity("maduro", "Nicolás Maduro", EntityType.PERSON),
            entity("venezuela", "Venezuela", EntityType.STATE, "Venezuelan"),
            entity("congo", "Congo", EntityType.STATE),
        ),
        (role("maduro", "president", "venezuela", sentence),),
    )
    stale = to_graph(extraction, {})
    relinked = relink_graph(stale, linker)
    assert isomorphic(relinked, to_graph(extraction, linker.link(extraction)))
    maduro = entity_iri(EntityType.PERSON, "Nicolás Maduro")
    assert set(relinked.objects(maduro, OWL.sameAs)) == {URIRef("http://www.wikidata.org/entity/Q58132")}
    assert len(set(relinked.objects(entity_iri(EntityType.STATE, "Congo"), KG.linkCandidate))) == 2


def test_link_relink_keeps_iris_and_does_not_link_a_node_its_label_does_not_name(linker: Linker) -> None:
    sentence = "The US president spoke."
    extraction = Extraction(
        article(sentence, date(2025, 6, 1)),
        (entity("president", "the US president", EntityType.PERSON), entity("us", "US", EntityType.STATE)),
        (role("president", "president", "us", sentence),),
    )
    relinked = relink_graph(to_graph(extraction, {}), linker)
    node = entity_iri(EntityType.PERSON, "the US president")
    assert set(relinked.objects(node, OWL.sameAs)) == set()
    assert {str(o) for c in relinked.objects(node, KG.linkCandidate) for o in relinked.objects(c, KG.candidateItem)} == {
        "http://www.wikidata.org/entity/Q22686"
    }
    assert set(relinked.objects(entity_iri(EntityType.STATE, "US"), OWL.sameAs)) == {
        URIRef("http://www.wikidata.org/entity/Q30")
    }


def test_link_label_the_article_never_writes_is_not_evidence(linker: Linker) -> None:
    # An earlier stage named the entity after the gazetteer entry its acronym matched; the article
    # only writes "SDF" (here the Syrian Democratic Forces), and an acronym alone is not enough.
    text = "The SDF said its fighters held the line."
    sdf = Entity("sdf", "SAARC Development Fund", EntityType.ORGANIZATION, (Mention(4, 7, "SDF"),))
    link = linker.link(Extraction(article(text), (sdf,)))["sdf"]
    assert (link.judgement, link.qid, link.label) == (Judgement.REJECTED, None, "SAARC Development Fund")
    assert [c.qid for c in link.candidates] == ["Q120512563"]
    written = Entity("us", "United States", EntityType.STATE, (Mention(0, 4, "U.S."),))
    assert linker.link(Extraction(article("U.S. forces"), (written,)))["us"].qid == "Q30"


@pytest.mark.parametrize(
    ("written", "label", "qid"),
    [
        ("NATO", "North Atlantic Treaty Organisation", "Q7184"),
        ("UNHCR", "Office of the United Nations High Commissioner for Refugees", "Q28606331"),
    ],
)
def test_link_acronym_of_four_letters_or_more_alone(linker: Linker, written: str, label: str, qid: str) -> None:
    # An acronym of four letters or more names the one body it is listed for; "SDF" (above) does not.
    text = f"{written} condemns the attack on the convoy."
    known = Entity("body", label, EntityType.ORGANIZATION, (Mention(0, len(written), written),))
    link = linker.link(Extraction(article(text), (known,)))["body"]
    assert (link.judgement, link.qid) == (Judgement.SUGGESTED, qid)


def test_link_acronym_shared_by_two_bodies_stays_unlinked(linker: Linker) -> None:
    # "CIAT" is listed for two organizations: however long, a shared acronym picks neither.
    text = "CIAT publishes its annual report."
    ciat = Entity("ciat", "International Center for Tropical Agriculture", EntityType.ORGANIZATION, (Mention(0, 4, "CIAT"),))
    link = linker.link(Extraction(article(text), (ciat,)))["ciat"]
    assert link.judgement is Judgement.REJECTED and link.qid is None


def test_link_label_an_earlier_stage_built_is_not_linked_through_its_mention(linker: Linker) -> None:
    # "Israel's Southern Command": the entity stage named another state's body by its state; its
    # mention "Southern Command" is the known US command's alias, which is then no evidence.
    text = "Israel's Southern Command says that it killed a fighter."
    israeli = Entity("isc", "Israel's Southern Command", EntityType.ORGANIZATION, (Mention(9, 25, "Southern Command"),))
    link = linker.link(Extraction(article(text), (israeli,)))["isc"]
    assert (link.judgement, link.label) == (Judgement.REJECTED, "Israel's Southern Command")
    # The label is the gazetteer's own name: the mention stands for it.
    known = Entity("sc", "United States Southern Command", EntityType.ORGANIZATION, (Mention(9, 25, "Southern Command"),))
    assert linker.link(Extraction(article(text), (known,)))["sc"].label == "United States Southern Command"


def test_link_state_named_only_through_its_organs_by_its_demonym(linker: Linker) -> None:
    # "Colombian authorities" is the state's first mention and names no entry; the demonym that
    # follows is as good evidence as any other mention when the label itself is never written.
    text = "Colombian authorities arrested him. The Colombian navy said so."
    colombia = entity("colombia", "Colombian authorities", EntityType.STATE, "Colombian", label="Colombia")
    congolese = entity("congo", "Congolese authorities", EntityType.STATE, "Congolese", label="Congo")
    links = linker.link(Extraction(article(text), (colombia, congolese)))
    assert suggested(links) == {"colombia": "Q739"}
    assert links["colombia"].reason == "mention 'Colombian': demonym 'Colombian'"
    assert links["congo"].judgement is Judgement.REJECTED  # two states share the demonym


def test_link_generic_name_of_a_body_of_a_state_the_article_never_names(linker: Linker) -> None:
    # "Congress", "House of Representatives": the known US body's name less the state's, which
    # another state's body also goes by; in an article that names no US party it is that other body.
    text = "Filipino voters elect the members of the House of Representatives."
    philippines = entity("ph", "Filipino", EntityType.STATE, label="Philippines")
    house = entity("house", "House of Representatives", EntityType.ORGANIZATION)
    link = linker.link(Extraction(article(text), (philippines, house)))["house"]
    assert (link.judgement, link.qid, link.label) == (Judgement.REJECTED, None, "House of Representatives")
    assert link.reason.startswith("another state's body")
    text = "Congress president Ana Ruiz is sworn in as interim president."
    congress = entity("congress", "Congress", EntityType.ORGANIZATION)
    ruiz = entity("ana_ruiz", "Ana Ruiz", EntityType.PERSON)
    assert linker.link(Extraction(article(text), (congress, ruiz)))["congress"].label == "Congress"


def test_link_generic_name_of_a_body_of_a_state_the_article_names(linker: Linker) -> None:
    # The state named, one of its bodies or a holder of one of its offices: the known body.
    congress = entity("congress", "Congress", EntityType.ORGANIZATION)
    for text, other in (
        ("The U.S. State Department notifies Congress of a planned arms sale.", entity("us", "U.S.", EntityType.STATE)),
        ("American senators say Congress will vote.", entity("us", "American", EntityType.STATE)),
        ("Donald Trump signs a bill Congress passed.", entity("trump", "Donald Trump", EntityType.PERSON)),
        ("The Pentagon asks Congress for funds.", entity("pentagon", "Pentagon", EntityType.ORGANIZATION)),
    ):
        links = linker.link(Extraction(article(text, date(2025, 6, 1)), (congress, other)))
        assert links["congress"].label == "United States Congress", text
    # A name of one body that says no state is no generic name: the body wherever it stands.
    bundestag = entity("bundestag", "Bundestag", EntityType.ORGANIZATION)
    link = linker.link(Extraction(article("The Bundestag votes."), (bundestag,)))["bundestag"]
    assert link.label == "Bundestag" and not link.reason.startswith("another state's body")
