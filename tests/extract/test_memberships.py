"""Memberships from sentences written for the test, through the real entity stage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.extract import memberships
from kg.extract.entities import find_entities
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article


@pytest.fixture(scope="module")
def pairs():  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)

    def read(text: str) -> set[tuple[str, str]]:
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        doc = annotate(nlp, article)
        entities = find_entities(doc, article, gazetteer)
        labels = {entity.key: entity.label for entity in entities}
        found = list(memberships.extract(doc, entities, article))
        for claim in found:
            evidence = claim.provenance.evidence
            assert article.content[evidence.start : evidence.end] == evidence.text
            assert claim.provenance.extractor == "kg.memberships.v2"
        return {(labels[m.member], labels[m.organization]) for m in found}

    return read


OPEC = "Organization of the Petroleum Exporting Countries"
NATO = "North Atlantic Treaty Organisation"


def test_memberships_apposition(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Venezuela, a member of OPEC, asked for higher quotas.") == {("Venezuela", OPEC)}


def test_memberships_copula_with_a_list_of_members(pairs) -> None:  # type: ignore[no-untyped-def]
    text = "Bahrain, Colombia and Latvia were elected as non-permanent members of the UN Security Council."
    unsc = "United Nations Security Council"
    assert pairs(text) == {("Bahrain", unsc), ("Colombia", unsc), ("Latvia", unsc)}


def test_memberships_organization_members_such_as(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("NATO members such as Poland and Estonia raised their budgets.") == {("Poland", NATO), ("Estonia", NATO)}


def test_memberships_joining(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Finland joined NATO in April 2023.") == {("Finland", NATO)}


def test_memberships_announced_or_threatened_withdrawal_means_still_a_member(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Burkina Faso announces its withdrawal from ECOWAS.") == {
        ("Burkina Faso", "Economic Community of West African States")
    }
    assert pairs("Hungary threatens to leave the European Union.") == {("Hungary", "European Union")}


def test_memberships_leaving_done_is_no_membership(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Burkina Faso, Mali and Niger left ECOWAS.") == set()
    assert pairs("The United States withdrew from the World Health Organization.") == set()
    # A leaving proposed, not done: still a member.
    assert pairs("Hungary decided to withdraw from the World Health Organization.") == {
        ("Hungary", "World Health Organization")}  # fmt: skip


def test_memberships_joining_in_news_wording(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Sweden joins NATO.") == {("Sweden", NATO)}
    assert pairs("Sweden became the 32nd member of NATO in March 2024.") == {("Sweden", NATO)}
    assert pairs("Ukraine's accession to the European Union was completed.") == {("Ukraine", "European Union")}


def test_memberships_member_states_of_such_as(pairs) -> None:  # type: ignore[no-untyped-def]
    text = "Member states of the European Union such as France and Germany voted."
    assert pairs(text) == {("France", "European Union"), ("Germany", "European Union")}


def test_memberships_joining_not_yet_done_is_hypothetical() -> None:
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)
    for text in ("Argentina has applied to join the OECD.", "Ukraine wants to join NATO."):
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        doc = annotate(nlp, article)
        found = list(memberships.extract(doc, find_entities(doc, article, gazetteer), article))
        assert len(found) == 1 and found[0].provenance.hypothetical, text
        assert found[0].provenance.confidence < 0.5, text  # a planned membership is no fact to export


def test_memberships_negated_is_not_claimed(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Ukraine is not a member of NATO.") == set()


def test_memberships_leaving_a_place_is_no_membership(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Rubio left the White House after the meeting.") == set()


def test_memberships_cue_file_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "memberships.tsv"
    path.write_text("cue\tpos\tframe\tconfidence\tnote\nmember\tNOUN\tmember-of\t0.8\t\njoin\tVERB\tenter\t0.8\t\n"
                    "leave\tVERB\tleave\thigh\t\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError) as caught:
        memberships.load_membership_cues(path)
    message = str(caught.value)
    expected = "expected a pos NOUN or VERB, a frame in member-of, ally-of, party-member, join, leave and a confidence in (0, 1]"
    assert f"{path}:3: {expected}, not 'VERB', 'enter', '0.8'" in message
    assert f"{path}:4: {expected}, not 'VERB', 'leave', 'high'" in message


def test_memberships_deputies_of_a_legislature_are_no_members(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Gabonese citizens vote to elect members of the National Assembly.") == set()


def test_memberships_joining_an_organizations_programme_is_no_membership(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Canada agrees to join the European Union's defence procurement initiative.") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("EU member states Hungary and Slovakia blocked the package.", {("Hungary", "European Union"), ("Slovakia", "European Union")}),
        ("Hungary, an EU member state, vetoed the plan.", {("Hungary", "European Union")}),
        ("NATO allies including Turkey and Hungary objected.", {("Türkiye", NATO), ("Hungary", NATO)}),
        ("Hamas allies such as Hezbollah fired rockets.", set()),
    ],
)
def test_memberships_member_states_and_allies(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


def test_memberships_parties_in_a_legislative_council_are_no_members(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Demosisto, a member of the Legislative Council, lost its seat.") == set()


def test_memberships_people_counted_as_members_make_no_state_a_member(pairs) -> None:  # type: ignore[no-untyped-def]
    assert pairs("Pakistan claims that it killed at least 15 Taliban members in an airstrike.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Labour Party leader Jeremy Corbyn called the move a smash and grab.", {("Jeremy Corbyn", "Labour Party")}),
    ("Conservative Party leader and Prime Minister Boris Johnson said he was humbled.",
     {("Boris Johnson", "Conservative Party")}),
    ("The Labour Party's leader, Jeremy Corbyn, announced he will step down.", {("Jeremy Corbyn", "Labour Party")}),
    ("Jeremy Corbyn, the leader of the Labour Party, spoke on Monday.", {("Jeremy Corbyn", "Labour Party")}),
    # A former leader, the leader of an armed group and a leader met are no members read here.
    ("Former Labour Party leader Jeremy Corbyn spoke on Monday.", set()),
    ("Hamas leader Khalil al-Hayya spoke on Monday.", set()),
    ("Jeremy Corbyn met the leader of the Labour Party.", set()),
])  # fmt: skip
def test_memberships_a_party_role_implies_membership(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("MP Yvette Cooper of the Labour Party said the bill was needed.", {("Yvette Cooper", "Labour Party")}),
    ("Jeremy Corbyn of the Labour Party voted against the bill.", {("Jeremy Corbyn", "Labour Party")}),
    # The party only qualifies what follows it; the person is not named right before "of".
    ("Jeremy Corbyn of the Labour Party's youth wing voted against the bill.", set()),
    ("The wife of Jeremy Corbyn met the Labour Party.", set()),
])  # fmt: skip
def test_memberships_person_named_with_the_party(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Labour Party of Prime Minister Tom Varga won the election.", {("Tom Varga", "Labour Party")}),
    ("Prime Minister Tom Varga's Labour Party won the election.", {("Tom Varga", "Labour Party")}),
    ("Former prime minister Tom Varga's populist ANO party won the election.", {("Tom Varga", "ANO")}),
    ("Tom Varga of the opposition ANO party is appointed as Prime Minister of the Czech Republic.",
     {("Tom Varga", "ANO party")}),
    ("The Labour Party under leader Tom Varga is projected to win.", {("Tom Varga", "Labour Party")}),
    # "his" or "her": the one person the sentence names before it.
    ("President Anna Kowal rejected a proposal by her Labour Party to dissolve parliament.", {("Anna Kowal", "Labour Party")}),
    ("Anna Kowal became prime minister after her party, the Labour Party, won the election.",
     {("Anna Kowal", "Labour Party")}),
    # Two people before the pronoun; a party of a state; a person's deed, or a person's rival, about the party.
    ("Anna Kowal met Tom Varga after his Labour Party won the election.", set()),
    ("Tom Varga criticised the Labour Party of Britain.", set()),
    ("Tom Varga's attack on the Labour Party failed.", set()),
    ("The Labour Party of Tom Varga's rival won.", set()),
])  # fmt: skip
def test_memberships_a_persons_party(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """The party's noun phrase says whose it is: its possessor, its "of" or "under" phrase."""
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Labour Party candidate Tom Varga resigns from his candidacy.", {("Tom Varga", "Labour Party")}),
    ("Tom Varga is the Democratic Party nominee for mayor.", {("Tom Varga", "Democratic Party")}),
    # A singular noun names one person; one the party only backs, or defeats, is none.
    ("Voters chose between Labour Party candidate Tom Varga and independent Anna Kowal.", {("Tom Varga", "Labour Party")}),
    ("Tom Varga, an independent candidate backed by the Labour Party, won.", set()),
    ("Tom Varga defeated the Labour Party candidate in the runoff.", set()),
])  # fmt: skip
def test_memberships_a_partys_candidate(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Conservative MP Philip Hammond voted against the bill.", {("Philip Hammond", "Conservative Party")}),
    ("Two Democratic Representatives Collin Peterson and Jeff Van Drew opposed both articles.",
     {("Collin Peterson", "Democratic Party"), ("Jeff Van Drew", "Democratic Party")}),
    ("Republican Senator Lindsey Graham said the deal was bad.", {("Lindsey Graham", "Republican Party")}),
    # A name after a comma is no member: "Labour lawmakers, Starmer said, will vote".
    ("Labour lawmakers, Keir Starmer said, will vote against the bill.", set()),
])  # fmt: skip
def test_memberships_party_adjective_before_a_members_noun(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


def test_memberships_party_before_a_legislatures_office(pairs) -> None:  # type: ignore[no-untyped-def]
    text = "Mitch McConnell, the Republican Senate Majority Leader, committed to a trial."
    assert pairs(text) == {("Mitch McConnell", "Republican Party")}


UK_EU = {("United Kingdom", "European Union")}


@pytest.mark.parametrize(("text", "expected"), [
    # A leaving not done yet: the aim of efforts or a plan, or what would happen.
    ("His efforts to complete the withdrawal of the United Kingdom from the European Union stalled.", UK_EU),
    ("The UK's efforts on leaving the European Union were described as a historic mandate.", UK_EU),
    # A leaving done: no longer a member.
    ("After the withdrawal of the United States from the World Health Organization, funding fell.", set()),
    ("The United Kingdom left the European Union in 2020.", set()),
])  # fmt: skip
def test_memberships_a_leaving_not_yet_done_means_still_a_member(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Joe Manchin, a Democrat, voted against the bill.", {("Joe Manchin", "Democratic Party")}),
    ("The Senate voted, with Republicans Rand Paul and Mitch McConnell joining.",
     {("Rand Paul", "Republican Party"), ("Mitch McConnell", "Republican Party")}),
    # Denied, or a party word that qualifies no one.
    ("Joe Manchin is not a Democrat.", set()),
    ("The Republican plan failed, Joe Manchin said.", set()),
])  # fmt: skip
def test_memberships_party_words(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials, including Republican members of the House of Representatives Darin LaHood and Mike Bost, objected.",
     {("Darin LaHood", "Republican Party"), ("Mike Bost", "Republican Party")}),
    # The people after the phrase are not listed in it: the object of a verb.
    ("Republican members of the House of Representatives met Trump.", set()),
])  # fmt: skip
def test_memberships_people_listed_after_a_members_phrase(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # People a state's forces call members of an armed group or a party make the state no member.
    ("Israeli forces detain seven people, all Syrians, whom they allege are Hamas members.", set()),
    ("Iraqi forces detain four men, all Syrians, whom they allege are Islamic State members.", set()),
    # A state is a member of an international organization; an organization may be a member of others.
    ("Venezuela, a member of OPEC, asked for higher quotas.", {("Venezuela", OPEC)}),
    ("Hezbollah, a member of the Axis of Resistance, fired rockets.", {("Hezbollah", "Axis of Resistance")}),
])  # fmt: skip
def test_memberships_a_state_is_a_member_of_international_organizations_only(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # The organization's country noun inside a prepositional phrase of the copula's attribute: the
    # attribute (the plot, the agreement) is no member, nor is the state "it" resolves to.
    ("Poland foiled a plot. It is the first such plot in another NATO country.", set()),
    ("Estonia signed the deal. It is the first such agreement with another NATO country.", set()),
    # The country noun is the attribute itself, or one of a part: a member.
    ("Hungary is a NATO country.", {("Hungary", NATO)}),
    ("Belgium is one of the NATO countries.", {("Belgium", NATO)}),
    ("Latvia is the newest EU member.", {("Latvia", "European Union")}),
    ("Poland is among the NATO members.", {("Poland", NATO)}),
])  # fmt: skip
def test_memberships_a_country_noun_inside_a_phrase_of_the_attribute_is_none(pairs, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert pairs(text) == expected
