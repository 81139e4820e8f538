"""Roles from sentences written for the test, through the real entity stage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.extract import role_words, roles, title_phrases
from kg.extract.entities import find_entities
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article, Role


@pytest.fixture(scope="module")
def read_roles():  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)

    def read(text: str, published: date = date(2025, 11, 29)) -> tuple[list[Role], dict[str, str]]:
        article = Article(id="t", text=text, published=published)
        doc = annotate(nlp, article)
        entities = find_entities(doc, article, gazetteer)
        found = list(roles.extract(doc, entities, article))
        for role in found:
            evidence = role.provenance.evidence
            assert article.content[evidence.start : evidence.end] == evidence.text
            assert role.provenance.extractor == "kg.roles.v2"
            assert 0.0 < role.provenance.confidence <= 1.0
        return found, {entity.key: entity.label for entity in entities}

    return read


def _triples(read_roles, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """The roles the text says are held (not a former holder's)."""
    found, labels = read_roles(text)
    return {(labels[r.person], r.role, labels[r.of]) for r in found if not r.ended}


def _former(read_roles, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """The roles the text says were held and are no more ("former president X")."""
    found, labels = read_roles(text)
    return {(labels[r.person], r.role, labels[r.of]) for r in found if r.ended}


def test_roles_title_before_the_name(read_roles) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, "US President Donald Trump spoke with reporters on Friday.") == {
        ("Donald Trump", "president", "United States")
    }


def test_roles_possessive_title(read_roles) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(read_roles, "Venezuela's foreign minister Yván Gil rejected the statement.")
    assert triples == {("Yván Gil", "foreign minister", "Venezuela")}


def test_roles_apposition_with_a_demonym(read_roles) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(read_roles, "Nicolás Maduro, the Venezuelan leader, addressed the army.")
    assert triples == {("Nicolás Maduro", "leader", "Venezuela")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Thura Win, leader of the Myanmar National Revolutionary Army, surrendered.",
     {("Thura Win", "leader", "Myanmar National Revolutionary Army")}),
    ("Thura Win, leader of the Myanmar National Democratic Alliance Army, fled.",
     {("Thura Win", "leader", "Myanmar National Democratic Alliance Army")}),
])  # fmt: skip
def test_roles_an_organization_named_after_a_state_is_no_office_of_the_state(read_roles, text: str,
                                                                             expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    """The model tags the state's name and the rest of the organization's apart: the leader leads the
    organization, not the state, and the rest is no holder of the state's office."""
    assert _triples(read_roles, text) == expected


def test_roles_a_states_army_and_a_list_of_states_keep_the_state(read_roles) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, "Aung Lin, chief of Myanmar's army, met the envoys of Sudan, Chad and the Central African Republic.") == {
        ("Aung Lin", "chief", "Myanmar")
    }


def test_roles_apposition_of_a_one_state_office(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "The United States will act, said Marco Rubio, the secretary of state, on Tuesday."
    assert ("Marco Rubio", "secretary of state", "United States") in _triples(read_roles, text)


def test_roles_coordinated_titles_share_the_state(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Israeli Prime Minister Benjamin Netanyahu and Defense Minister Yoav Gallant visited the border."
    assert _triples(read_roles, text) == {
        ("Benjamin Netanyahu", "prime minister", "Israel"),
        ("Yoav Gallant", "defense minister", "Israel"),
    }


def test_roles_names_listed_after_one_plural_title(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Norway sanctioned the Polish ministers Jan Kowalski and Anna Nowak on Monday."
    found, labels = read_roles(text)
    assert {(labels[r.person], r.role) for r in found} == {("Jan Kowalski", "minister"), ("Anna Nowak", "minister")}


@pytest.mark.parametrize("text", [
    "Jan Kowalski and Anna Nowak met ministers in Warsaw on Monday.",  # the plural title is an object, not theirs
    "Former Polish ministers Jan Kowalski and Anna Nowak met in Warsaw on Monday.",  # held by none of them
])  # fmt: skip
def test_roles_plural_title_that_names_no_holder(read_roles, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == set()


def test_roles_title_without_state_resolved_through_the_gazetteer(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "The talks in Caracas were praised in Venezuela. President Maduro thanked the mediators."
    assert ("Nicolás Maduro", "president", "Venezuela") in _triples(read_roles, text)


def test_roles_an_opposition_leader_leads_the_opposition_of_the_state(read_roles) -> None:  # type: ignore[no-untyped-def]
    # The gold sets hold "opposition leader" as an office of the state (Phoenix's OPP sector).
    text = "Ugandan opposition leader Bobi Wine says soldiers raided his residence."
    assert _triples(read_roles, text) == {("Bobi Wine", "opposition leader", "Uganda")}
    text = "Police in Guyana arrest opposition leader Azruddin Mohamed."
    assert _triples(read_roles, text) == {("Azruddin Mohamed", "opposition leader", "Guyana")}
    text = "Russia rejects requests about former opposition leader Alexei Navalny."
    assert _former(read_roles, text) == {("Alexei Navalny", "opposition leader", "Russia")}
    # Not the state's leader, nor a party's leader read as the opposition's.
    assert _triples(read_roles, "Rebel leader John Garang met Sudanese officials.") == set()
    text = "Georgia arrests Levan Khabeishvili, a leader of the opposition United National Movement."
    assert not any(role == "opposition leader" for _, role, _ in _triples(read_roles, text))


def test_roles_a_military_rank_before_a_name_is_the_forces_or_the_states(read_roles) -> None:  # type: ignore[no-untyped-def]
    # The gold sets hold a rank before a name as a role (Phoenix's MIL agents), of the armed force or its state.
    text = "Iranian general, Qasem Soleimani, is killed in a drone strike near Baghdad."
    assert _triples(read_roles, text) == {("Qasem Soleimani", "general", "Iran")}
    text = "Royal Cambodian Army major general Duong Somneang is killed in an artillery strike."
    assert _triples(read_roles, text) == {("Duong Somneang", "major general", "Royal Cambodian Army")}
    text = "Mexican Vice Admiral Manuel Farías Laguna is imprisoned in Mexico."
    assert _triples(read_roles, text) == {("Manuel Farías Laguna", "vice admiral", "Mexico")}
    text = "Hamas Lieutenant Colonel Ahmed Zamzam is shot and killed in Gaza."
    assert _triples(read_roles, text) == {("Ahmed Zamzam", "lieutenant colonel", "Hamas")}
    text = "Major General Ali Shadmani of the Iranian Army is killed in an Israeli strike."
    assert _triples(read_roles, text) == {("Ali Shadmani", "major general", "Iranian Army")}
    assert _triples(read_roles, "Israeli Brigadier-General Dan Goldfus resigns.") == {("Dan Goldfus", "brigadier general", "Israel")}
    # A retired officer held the rank before (Phoenix's RETIRED); a rank with no force or state named is no claim.
    text = "Retired Israeli general Yair Golan leads a protest in Tel Aviv."
    assert (_triples(read_roles, text), _former(read_roles, text)) == (set(), {("Yair Golan", "general", "Israel")})
    assert _triples(read_roles, "Israel says it has killed Major General Ali Shadmani.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Chief of the Russian General Staff Valery Gerasimov says that Russian troops advanced.",  # a body's name
        "Ukraine's General Staff reports that 40 drones were shot down.",
        "The United Nations General Assembly votes to condemn Russia.",
        "Ford and General Motors raise prices in Canada.",
        "The Russian frigate Admiral Grigorovich fires warning shots near Finland.",  # a ship's name, no person's
        "U.S. Surgeon General Vivek Murthy warns about social media.",  # a longer title
        "Turkish Inspector General Ahmet Yilmaz resigns.",
        "Indian Consul General Rajesh Kumar meets the mayor of Dubai.",
        "The armed forces auditor general charges Kabila with treason.",
    ],
)
def test_roles_a_rank_word_of_a_longer_name_or_title_is_no_rank(read_roles, text: str) -> None:  # type: ignore[no-untyped-def]
    ranks = {word.role for word in role_words.load_role_words().values() if word.rank}
    found, _ = read_roles(text)
    assert not ranks.intersection(role.role for role in found)


def test_roles_a_crowned_title_finds_the_gazetteers_monarch_tenure(read_roles) -> None:  # type: ignore[no-untyped-def]
    # The gazetteer writes a king's tenure as "monarch"; the title in the news is "king" or "queen".
    text = "King Charles III addresses the Parliament in Ottawa, Canada."
    assert _triples(read_roles, text) == {("Charles III", "king", "Canada")}
    # Not of a state he holds no crown of, and no crown for a title of another kind.
    assert _triples(read_roles, "King Charles III visits Kenya.") == set()
    assert _triples(read_roles, "King Emmanuel Macron addresses the Parliament in Paris, France.") == set()


def test_roles_former_holders_are_not_claimed_and_deputies_hold_the_deputy_role(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Former French President Nicolas Sarkozy met Russian Deputy Foreign Minister Sergei Ryabkov."
    assert _triples(read_roles, text) == {("Sergei Ryabkov", "deputy foreign minister", "Russia")}
    text = "Iranian officials including deputy health minister Iraj Harirchi tested positive."
    assert _triples(read_roles, text) == {("Iraj Harirchi", "deputy health minister", "Iran")}
    assert _triples(read_roles, "Former deputy foreign minister Sergei Ryabkov of Russia said no.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Former French President Nicolas Sarkozy met Russian Deputy Foreign Minister Sergei Ryabkov.",
     {("Nicolas Sarkozy", "president", "France")}),
    ("A court in Bangladesh sentences former Prime Minister Sheikh Hasina to death.",
     {("Sheikh Hasina", "prime minister", "Bangladesh")}),
    ("Ex-Prime Minister Imran Khan was jailed in Pakistan.", {("Imran Khan", "prime minister", "Pakistan")}),
    ("Police arrest former Peruvian foreign minister Augusto Blacker Miller in Rio de Janeiro.",
     {("Augusto Blacker Miller", "foreign minister", "Peru")}),
    ("Former deputy foreign minister Sergei Ryabkov of Russia said no.", {("Sergei Ryabkov", "deputy foreign minister", "Russia")}),
])  # fmt: skip
def test_roles_a_former_holder_held_the_role(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert _former(read_roles, text) == expected
    assert not {t for t in _triples(read_roles, text) if t in expected}  # never as the current holder


def test_roles_a_current_and_a_former_holder_in_one_sentence(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "President Luiz Inácio Lula da Silva and former President Jair Bolsonaro of Brazil met in Brasília."
    assert _triples(read_roles, text) == {("Luiz Inácio Lula da Silva", "president", "Brazil")}
    assert _former(read_roles, text) == {("Jair Bolsonaro", "president", "Brazil")}


def test_roles_the_article_saying_a_role_is_held_outweighs_a_former_one(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Former Brazilian president Lula da Silva spoke in 2019. Brazilian President Lula da Silva spoke again on Friday."
    found, labels = read_roles(text)
    assert [(labels[r.person], r.role, labels[r.of], r.ended) for r in found] == [("Lula da Silva", "president", "Brazil", False)]


@pytest.mark.parametrize("text", [
    "Russia says the former capital of Crimea is calm, and his former ally Ivan Petrov agreed.",
    "The former rebels of the Ruritanian army laid down their arms.",
    "The former Soviet Union collapsed in 1991, the Russian president Vladimir Putin said.",
    "Andrej Babiš of the ANO party is appointed as former Prime Minister of the Czech Republic.",
])  # fmt: skip
def test_roles_former_without_a_title_and_a_name_is_no_past_role(read_roles, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _former(read_roles, text) == set()


def test_roles_negated_reading_is_not_claimed(read_roles) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, "Ivo Marek is not the Ruritanian president, the court said.") == set()


def test_roles_data_file_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "roles.tsv"
    path.write_text("surface\trole\tdefault_of\tscope\npresident\tpresident\t\t\nsecretary of state\tsecretary of state\tUSA\tstate\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError) as caught:
        role_words.load_role_words(path)
    assert str(caught.value).endswith(f"{path}:3: default_of 'USA' is not a Wikidata QID like Q30")
    assert caught.value.line == 3


def test_roles_shipped_words_normalise_to_gold_wordings() -> None:
    words = role_words.load_role_words()
    assert words["premier"].role == "prime minister"
    assert words["defence minister"].role == "defense minister"
    assert words["spokesman"].role == "spokesperson"
    assert words["secretary of state"].default_of == "Q30"


def test_roles_a_capitalised_title_opening_the_sentence_is_no_organization(read_roles) -> None:  # type: ignore[no-untyped-def]
    found, labels = read_roles("Paramount leader Xi Jinping says China will not tolerate independence for Taiwan.")
    assert {(labels[r.person], r.role, labels[r.of]) for r in found} == {("Xi Jinping", "leader", "China")}
    assert "Paramount" not in labels.values()


def test_roles_a_chair_keeps_the_word_of_the_text(read_roles) -> None:  # type: ignore[no-untyped-def]
    """The golds write *chairman*, *chairwoman* or *chair* as the text does, rarely *chairperson*."""
    text = "Kuomintang chairwoman Helen Wong meets African Union Commission chairman Moussa Faki in Taipei."
    assert {(person, role) for person, role, _ in _triples(read_roles, text)} == {
        ("Helen Wong", "chairwoman"), ("Moussa Faki", "chairman")
    }


def test_roles_coordinated_title_words(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Britain's home secretary met France's interior and overseas minister Gérald Darmanin in Paris."
    assert ("Gérald Darmanin", "minister", "France") in _triples(read_roles, text)


def test_roles_elect_does_not_hold_the_office(read_roles) -> None:  # type: ignore[no-untyped-def]
    # The role is the office-elect, as the gold writes it, never the office itself.
    assert _triples(read_roles, "US President-elect Joe Biden named his cabinet on Monday.") == {
        ("Joe Biden", "president-elect", "United States")
    }
    assert _triples(read_roles, "Chile's president-elect Ivo Brandt met Peruvian Prime Minister-elect Carlos Mendoza.") == {
        ("Carlos Mendoza", "prime minister-elect", "Peru"),
        ("Ivo Brandt", "president-elect", "Chile"),
    }
    text = "Philippine Senator-elect Rosa Lindqvist tops the count, and prime minister-designate Carlos Mendoza of Peru waits."
    assert _triples(read_roles, text) == {("Rosa Lindqvist", "senator-elect", "Philippines")}


def test_roles_elect_takes_the_state_of_the_office_the_person_holds_or_held(read_roles) -> None:  # type: ignore[no-untyped-def]
    found, labels = read_roles("Denmark objects. President-elect Donald Trump wants the United States to buy Greenland.",
                               published=date(2025, 1, 7))  # fmt: skip
    assert {(labels[r.person], r.role, labels[r.of]) for r in found} == {("Donald Trump", "president-elect", "United States")}


def test_roles_unread_owner_of_a_state_office_is_not_the_main_state(read_roles) -> None:  # type: ignore[no-untyped-def]
    # A nationality kg does not resolve, or a possessive with no named owner, says the office is some other state's.
    assert _triples(read_roles, "Papuan foreign minister Jon Tavari says that his ministry informed Taiwan.") == set()
    text = ("China and Pakistan release a peace plan to end the Iran war, following a meeting between the two "
            "countries' foreign ministers, Wei Lan and Omar Zaki, respectively.")  # fmt: skip
    assert _triples(read_roles, text) == set()
    # A bare title, or one after a party, still takes the article's state.
    assert _triples(read_roles, "Taiwan protests. Foreign Minister Jon Tavari says the decision is regrettable.") == {
        ("Jon Tavari", "foreign minister", "Taiwan")
    }
    assert _triples(read_roles, "The United States and Turkey agreed. Republican Senator Ann Vole objected.") == {
        ("Ann Vole", "senator", "United States")
    }


def test_roles_party_of_a_state_owns_its_leader(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Conservative Party of Canada leader Pierre Poilievre won a by-election."
    assert _triples(read_roles, text) == {("Pierre Poilievre", "leader", "Conservative Party")}


def test_roles_list_of_titled_names_keeps_each_title_with_its_name(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = ("Following calls between United States President Donald Trump, Mexican President Claudia Sheinbaum, "
            "and Canadian Prime Minister Justin Trudeau, tariffs were paused.")  # fmt: skip
    assert _triples(read_roles, text) == {
        ("Donald Trump", "president", "United States"),
        ("Claudia Sheinbaum", "president", "Mexico"),
        ("Justin Trudeau", "prime minister", "Canada"),
    }


def test_roles_state_office_without_state_takes_the_first_named_main_state(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "The United States and Turkey agreed on a pause. Senator Lindsey Graham objected to it."
    found, labels = read_roles(text)
    assert {(labels[r.person], r.role, labels[r.of]) for r in found} == {("Lindsey Graham", "senator", "United States")}
    assert found[0].provenance.confidence < 0.6


def test_roles_relative_and_copular_clauses(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Talks were led by Sergey Lavrov, who is the foreign minister of Russia. Ivo Marek was the Elbonian president."
    assert _triples(read_roles, text) == {("Sergey Lavrov", "foreign minister", "Russia")}


def test_roles_state_qualifying_the_organization_is_not_its_owner(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Yasser Abu Shabab, leader of the Israeli-backed Popular Forces, was shot in Rafah."
    assert not any(of == "Israel" for _, _, of in _triples(read_roles, text))


def test_roles_portfolio_after_for_is_not_the_owner(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "US Special Representative for Iran Brian Hook met reporters in Washington."
    assert _triples(read_roles, text) == {("Brian Hook", "special representative", "United States")}


def test_roles_appointment_by_the_organization_whose_role_it_is(read_roles) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(read_roles, "Hamas names Khalil al-Hayya as its new leader.")
    assert triples == {("Khalil al-Hayya", "leader", "Hamas")}


def test_roles_appointment_goes_to_the_appointee_not_the_appointer(read_roles) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(read_roles, "Japan's parliament elected Sanae Takaichi as prime minister.")
    assert triples == {("Sanae Takaichi", "prime minister", "Japan")}
    triples = _triples(read_roles, "Russian President Vladimir Putin appointed Andrei Belousov as defence minister.")
    assert ("Andrei Belousov", "defense minister", "Russia") in triples
    assert ("Vladimir Putin", "defense minister", "Russia") not in triples


def test_roles_passive_appointment_verbs(read_roles) -> None:  # type: ignore[no-untyped-def]
    found, labels = read_roles("Javier Milei was sworn in as president of Argentina on Sunday.")
    assert {(labels[r.person], r.role, labels[r.of]) for r in found} == {("Javier Milei", "president", "Argentina")}
    assert found[0].provenance.confidence == 0.8  # the state is in the matched words: nothing inherited
    text = "Mahmoud Abbas, who was elected president of the Palestinian Authority in 2005, spoke."
    assert _triples(read_roles, text) == {("Mahmoud Abbas", "president", "Palestinian Authority")}


def test_roles_denied_or_other_appointments_are_no_roles(read_roles) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, "Rodrigo Paz was not elected president of Bolivia.") == set()
    assert _triples(read_roles, "Gustavo Petro was named as a suspect by Colombia.") == set()
    assert _triples(read_roles, "Jair Bolsonaro was president of Brazil.") == set()
    # The person before the verb closes an apposition; the subject is someone else.
    text = "Mojtaba Khamenei, the son of the late Ali Khamenei, is elected as the next Supreme Leader of Iran."
    assert ("Ali Khamenei", "supreme leader", "Iran") not in _triples(read_roles, text)
    # The state qualifies the organization whose leader he is: the party's leader, not Canada's.
    assert _triples(read_roles, "Avi Lewis is elected leader of Canada's New Democratic Party.") == {
        ("Avi Lewis", "leader", "New Democratic Party")
    }


def test_roles_stacked_titles_each_with_its_owner(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Antigua and Barbuda's prime minister and Labour leader Gaston Browne called the election."
    assert _triples(read_roles, text) == {
        ("Gaston Browne", "prime minister", "Antigua and Barbuda"),
        ("Gaston Browne", "leader", "Labour"),
    }


def test_roles_stacked_title_after_a_not_holder_word_is_not_held(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Antigua and Barbuda's prime minister and deputy leader Gaston Browne called the election."
    assert ("Gaston Browne", "prime minister", "Antigua and Barbuda") in _triples(read_roles, text)
    assert not [t for t in _triples(read_roles, text) if t[1] == "leader"]


def test_roles_appositions_both_ways(read_roles) -> None:  # type: ignore[no-untyped-def]
    expected = {("Sergei Lavrov", "foreign minister", "Russia")}
    assert _triples(read_roles, "Sergei Lavrov, the foreign minister of Russia, met Wang Yi.") == expected
    assert _triples(read_roles, "Russia's foreign minister Sergei Lavrov met Wang Yi.") == expected
    assert _triples(read_roles, "The Russian foreign minister, Sergei Lavrov, met Wang Yi.") == expected


def test_roles_portfolio_noun_before_minister_is_part_of_the_role(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistani information minister Attaullah Tarar says that Pakistan has carried out airstrikes."
    assert _triples(read_roles, text) == {("Attaullah Tarar", "information minister", "Pakistan")}
    # A word that only describes the minister is no portfolio.
    assert _triples(read_roles, "French cabinet minister Monique Barbut spoke.") == {("Monique Barbut", "minister", "France")}
    text = "Marjorie Michel, Canada's minister of health, spoke."
    assert _triples(read_roles, text) == {("Marjorie Michel", "health minister", "Canada")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lee Jae-myung of the Democratic Party is elected the 14th president of South Korea.",
         ("Lee Jae Myung", "president", "South Korea")),
        ("Andrej Babiš of the opposition ANO party is appointed as Prime Minister of the Czech Republic.",
         ("Andrej Babiš", "prime minister", "Czechia")),
        ("Nicolás Maduro is sworn in for a third six-year term as President of Venezuela in Caracas.",
         ("Nicolás Maduro", "president", "Venezuela")),
        ("Peter Mutharika is sworn in for his second non-consecutive term as President of Malawi.",
         ("Peter Mutharika", "president", "Malawi")),
    ],
)  # fmt: skip
def test_roles_appointment_with_the_persons_party_or_term_between(read_roles, text, expected) -> None:  # type: ignore[no-untyped-def]
    """News wording of an appointment: the person's party before the verb ("X of the Y party is
    elected"), the term before the title ("sworn in for a third term as"): the office is the
    state's after the title, not the party's."""
    assert _triples(read_roles, text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Andrej Babiš of the ANO party is not appointed as Prime Minister of the Czech Republic.",
        "Andrej Babiš of the ANO party is expected to be appointed as Prime Minister of the Czech Republic.",
        "Andrej Babiš of the ANO party is appointed as former Prime Minister of the Czech Republic.",
        "Peter Mutharika is not sworn in for a second term as President of Malawi.",
        "Peter Mutharika will be sworn in for a second term as President of Malawi.",
    ],
)
def test_roles_appointment_wording_denied_planned_or_former_is_no_role(read_roles, text) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == set()



@pytest.mark.parametrize(
    "text",
    [
        "Turkish President Recep Tayyip Erdogan met Emmanuel Macron, the president of France. Talks went on.",
        "The talks ended. Marco Rubio, the secretary of state, and Sergei Lavrov of the Russian Foreign Ministry spoke.",
        "Hamas names Khalil al-Hayya as its new leader, and Israel's defence minister Israel Katz responds.",
    ],
)
def test_role_patterns_run_per_sentence_find_what_the_whole_doc_matcher_finds(text: str) -> None:
    from spacy.matcher import Matcher

    from kg.extract.arguments import EntityIndex

    gazetteer = load_gazetteer()
    article = Article(id="t", text=text, published=date(2025, 11, 29))
    doc = annotate(load_nlp(gazetteer=gazetteer), article)
    _, matches = title_phrases.title_matches(doc, EntityIndex(doc, find_entities(doc, article, gazetteer)))
    whole = Matcher(doc.vocab)
    for spec in title_phrases._matchers(doc.vocab).specs.values():
        whole.add(spec.id, [spec.pattern], greedy="LONGEST")  # type: ignore[list-item]
    in_one_sentence = [(doc.vocab.strings[match_id], start, end) for match_id, start, end in sorted(whole(doc), key=lambda m: m[1])
                       if doc[start].sent == doc[end - 1].sent]  # fmt: skip
    assert in_one_sentence and [(spec.id, start, end) for spec, start, end in matches] == in_one_sentence


@pytest.mark.parametrize(("text", "expected"), [
    ("US special envoys Steve Witkoff and Jared Kushner flew to Moscow.",
     {("Steve Witkoff", "special envoy", "United States"), ("Jared Kushner", "special envoy", "United States")}),
    # No state in the title: an envoy's is not guessed ("U.S. Middle East Envoy X" in an article about Israel).
    ("President Donald Trump cancels sending special envoys Steve Witkoff and Jared Kushner to Islamabad, Pakistan. "
     "Trump said the United States would wait.", set()),
    # A former title is held by none of the names.
    ("Former US special envoys Steve Witkoff and Jared Kushner flew to Moscow.", set()),
])  # fmt: skip
def test_roles_one_title_over_a_list_of_names(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert {t for t in _triples(read_roles, text) if t[1] == "special envoy"} == expected


def test_roles_a_party_is_not_whose_state_office_it_is(read_roles) -> None:  # type: ignore[no-untyped-def]
    triples = _triples(read_roles, "Republican Senator Lindsey Graham and Labour minister Ed Miliband spoke.")
    assert not [t for t in triples if t[2] in ("Republican Party", "Labour Party")]


def test_roles_guessed_state_is_the_one_whose_office_holders_the_article_names(read_roles) -> None:  # type: ignore[no-untyped-def]
    # Ukraine is the only state named, but the article is about Trump's country, which it does not name:
    # no state is guessed for the representatives.
    text = ("Two Democratic Representatives, Collin Peterson and Jeff Van Drew, opposed the impeachment of Donald Trump. "
            "Trump had asked Ukraine to investigate. Trump said the vote was a hoax. Trump left.")
    assert not [t for t in _triples(read_roles, text) if t[1] == "representative"]


def test_roles_guessed_state_counts_the_office_holders_the_article_names(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = ("Prime Minister Igor Matovič of Slovakia tested positive after a summit with President of France "
            "Emmanuel Macron. Igor Matovič will isolate. Igor Matovič said the rules were followed. After Minister of Economy "
            "Richard Sulík failed to buy tests, the government apologised. France sent kits.")
    assert ("Richard Sulík", "economy minister", "Slovakia") in _triples(read_roles, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Belarus plans to open an embassy in North Korea after president Alexander Lukashenko visited the country "
     "following a decree signed by prime minister Alexander Turchin.",
     {("Alexander Lukashenko", "president", "Belarus"), ("Alexander Turchin", "prime minister", "Belarus")}),
    ("Wes Streeting resigns as the United Kingdom's health secretary, saying he has lost confidence in prime minister "
     "Keir Starmer.", {("Keir Starmer", "prime minister", "United Kingdom")}),
    # The article is about Ukraine, but this sentence does not name it: whose president is not said.
    ("Ukraine's army said Russia fired 40 drones. Ukraine asked for help. Russia denied it, said President Ivan Petrov.",
     set()),
    # A demonym of a thing is no party to the sentence: the Houthis' prime minister is not Israel's.
    ("Israel struck Yemen. Israel said more would follow. The Houthis confirm the death of Prime Minister Ahmed "
     "al-Rahawi in an Israeli airstrike.", set()),
    # A word before the title may say whose it is; a premier heads a province as often as a state.
    ("Canada imposed tariffs. Ontario Premier Doug Ford said Canada would answer.", set()),
    ("Spain held regional elections. In Extremadura, Spain, regional president María Guardiola won.", set()),
    ("Canada imposed tariffs. In the Canadian province of Alberta, premier Danielle Smith said Canada would answer.", set()),
])  # fmt: skip
def test_roles_head_of_state_of_the_state_the_article_is_about_named_in_the_sentence(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert {t for t in _triples(read_roles, text) if t[1] in ("president", "prime minister")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # *incumbent* says the holder holds the title now, like *current*: the bare title after it takes the
    # state the article is about when the sentence names it.
    ("Serbia held a presidential runoff on Sunday. Results from the vote in Serbia show that incumbent president "
     "Ivan Petrov has won.", {("Ivan Petrov", "president", "Serbia")}),
    ("Polls in Portugal favour incumbent prime minister Marta Sousa ahead of the general election.",
     {("Marta Sousa", "prime minister", "Portugal")}),
    # No state named: whose president is not said.
    ("Results show that incumbent president Ivan Petrov has won.", set()),
    # *incumbent* with no title: the office is only the election's (a role from context), none is read.
    ("Serbians vote to elect their president, as incumbent Ivan Petrov seeks a second term.", set()),
    # It makes no title a state's that is not: a party's leader, a province's premier, a city's mayor.
    ("Serbia votes on Sunday. Polls in Serbia favour incumbent party leader Ivan Petrov.", set()),
    ("Canada held provincial elections. In Ontario, Canada, incumbent premier Doug Ford won.", set()),
    ("Poland votes on Sunday. Polls in Poland favour incumbent mayor Anna Nowak.", set()),
])  # fmt: skip
def test_roles_an_incumbents_bare_title_is_held_now(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A state named only as where a place lies is no party to the sentence: the region's president is not
    # the state's.
    ("The regional assembly re-elects current president Abdi Warsame Gedi amid fighting in the Gedo and Bay regions "
     "of Somalia.", set()),
    ("Regional lawmakers elect current president Abdi Warsame Gedi as fighting spreads to the Bay region of Somalia.",
     set()),
    # Named otherwise, it is: "in Somalia", "the Parliament of Serbia" (a body, no place noun).
    ("Lawmakers in Somalia back current president Abdi Warsame Gedi.", {"Somalia"}),
    ("The Parliament of Serbia approves a new government, with Ivan Petrov becoming prime minister.", {"Serbia"}),
])  # fmt: skip
def test_roles_a_state_named_only_as_where_a_place_lies_gives_no_bare_title(read_roles, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert {t[2] for t in _triples(read_roles, text) if t[1] in ("president", "prime minister")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Condemnation came from Organisation of Islamic Cooperation (OIC) head Yousef Al-Othaimeen on Monday.",
     {("Yousef Al-Othaimeen", "head", "Organisation of Islamic Cooperation")}),
    # The initials are those the entity stage reads an acronym by: a hyphenated word gives each part's.
    ("Condemnation came from Pan-African Lawyers Union (PALU) head Donald Deya on Monday.",
     {("Donald Deya", "head", "Pan-African Lawyers Union")}),
    # Letters in brackets that are not the organization's initials stand for something else.
    ("Condemnation came from Organisation of Islamic Cooperation (XYZ) head Yousef Al-Othaimeen on Monday.", set()),
])  # fmt: skip
def test_roles_organization_with_its_acronym_in_brackets_before_the_title(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == expected


def test_roles_a_possessor_in_a_list_after_a_title_holds_nothing(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Ivory Coast approves candidacies including President Alassane Ouattara and Gbagbo's wife Simone."
    assert {t[0] for t in _triples(read_roles, text) if t[1] == "president"} == {"Alassane Ouattara"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The order came from Coast Guard Commandant Admiral Elson Hermogino on Monday.",
     {("Elson Hermogino", "commandant", "Coast Guard")}),
    ("Prime Minister Mr Keir Starmer of the United Kingdom spoke.", {("Keir Starmer", "prime minister", "United Kingdom")}),
])  # fmt: skip
def test_roles_a_rank_between_the_title_and_the_name(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == expected


def test_roles_an_ousted_leader_holds_the_title_no_more(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "The Bangladesh military clashes with supporters of ousted prime minister Sheikh Hasina in Gopalganj."
    assert not [t for t in _triples(read_roles, text) if t[1] == "prime minister"]


def test_roles_a_head_of_state_elected_by_a_states_body_is_the_states(read_roles) -> None:  # type: ignore[no-untyped-def]
    # "Japan's parliament" is a body of Japan; its own president is the body's, not the state's.
    assert _triples(read_roles, "Japan's parliament elected Sanae Takaichi as prime minister.") == {
        ("Sanae Takaichi", "prime minister", "Japan")}
    assert _triples(read_roles, "The Philippine senate president Alan Peter Cayetano said the senator had left.") == {
        ("Alan Peter Cayetano", "president", "Philippine senate")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Iranian officials such as spokesman Esmaeil Baghaei denied the report.", {("Esmaeil Baghaei", "spokesperson", "Iran")}),
    ("Hamas officials, including spokesman Abu Obaida, denied the report.", {("Abu Obaida", "spokesperson", "Hamas")}),
    ("Multiple Iranian government officials including health minister Iraj Harirchi tested positive.",
     {("Iraj Harirchi", "health minister", "Iran")}),
    # The state qualifies no group of people the title is listed in.
    ("Trump met spokesman Esmaeil Baghaei in Rome.", set()),
    ("The Russian attack on officials including spokesman Esmaeil Baghaei failed.", set()),
])  # fmt: skip
def test_roles_owner_of_the_group_a_title_is_listed_in(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == expected


def test_roles_secretary_of_a_council(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Iran's Supreme National Security Council secretary Ali Larijani said no."
    assert _triples(read_roles, text) == {("Ali Larijani", "secretary", "Iran's Supreme National Security Council")}
    # A longer title keeps its own role.
    assert _triples(read_roles, "US Secretary of State Marco Rubio met Lavrov.") == {("Marco Rubio", "secretary of state", "United States")}


def test_roles_a_secretarys_portfolio_before_the_title(read_roles) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, "US Health Secretary Robert F. Kennedy Jr. said no.") == {
        ("Robert F. Kennedy Jr.", "health secretary", "United States")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a head of government's title of one state (the leaders table): its state, and not the person's name
        ("Taoiseach Alma Vask met the British ambassador in Dublin, Ireland.", {("Alma Vask", "prime minister", "Ireland")}),
        ("Alma Vask, the Governor-General of Australia, dissolved parliament.",
         {("Alma Vask", "governor-general", "Australia")}),
        # the title as a common noun, or with no name: nobody holds it
        ("The taoiseach said Ireland would not accept a hard border.", set()),
        ("Ireland's next taoiseach will be chosen by the Dáil.", set()),
        ("The governor-general of Australia dissolved parliament.", set()),
        # a title of no one state, with no state in its phrase: no claim
        ("Emperor Alma Vask addressed the nation.", set()),
    ],
)
def test_roles_office_titles_of_the_reference_tables(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the pope's office is the Holy See's (the leaders table's pope of Q237), when the article names it
        ("Pope Leo XIV met Italian Prime Minister Giorgia Meloni at the Vatican.",
         {("Leo XIV", "pope", "Holy See"), ("Giorgia Meloni", "prime minister", "Italy")}),
        ("The Holy See reports that Pope Francis has been diagnosed with pneumonia.", {("Pope Francis", "pope", "Holy See")}),
        # no Holy See in the article: no claim (the gold writes the Holy See only where it is named)
        ("Pope Francis said the war in Ukraine must end.", set()),
        # the Vatican speaking names no pope; a poet named Pope holds no title
        ("The Vatican said the pope would travel to Lebanon.", set()),
        ("Alexander Pope wrote poems at the Vatican.", set()),
    ],
)
def test_roles_the_popes_office_is_the_holy_sees(read_roles, text: str, expected: set[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert _triples(read_roles, text) == expected


def test_roles_title_before_a_name_is_not_the_name(read_roles) -> None:  # type: ignore[no-untyped-def]
    _, labels = read_roles("Taoiseach Alma Vask met the British ambassador in Dublin, Ireland.")
    assert "Alma Vask" in labels.values()
    assert not any(label.startswith("Taoiseach") for label in labels.values())


@pytest.mark.parametrize(
    "text",
    [
        # a state's or province's office is no office of the nation the sentence names
        "United States federal judge John Tunheim met Minnesota state senator John Hoffman in Washington.",
        "United States federal judge John Tunheim sentenced the man who shot state representative Melissa Hortman.",
        "Canadian provincial health minister Sylvia Jones met the Canadian prime minister.",
    ],
)
def test_roles_a_sub_national_office_is_not_the_nations(read_roles, text) -> None:  # type: ignore[no-untyped-def]
    holders = {person for person, _, _ in _triples(read_roles, text)}
    assert not holders & {"John Hoffman", "Melissa Hortman", "Sylvia Jones"}, holders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egyptian state minister Ahmed Kamal met the press.", ("Ahmed Kamal", "state minister", "Egypt")),
        ("United States senator Alex Padilla met state officials.", ("Alex Padilla", "senator", "United States")),
        ("Canadian health minister Sylvia Jones met provincial officials.", ("Sylvia Jones", "health minister", "Canada")),
    ],
)
def test_roles_a_national_office_beside_state_words_stays(read_roles, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in _triples(read_roles, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jonas Keller, the commander of Iran's Islamic Revolutionary Guard Corps Navy, said the strait was closed.",
         ("Jonas Keller", "commander", "Islamic Revolutionary Guard Corps Navy")),
        ("The deputy head of Russian military intelligence, lieutenant general Pavel Orlen, was shot in Moscow.",
         ("Pavel Orlen", "deputy head", "Russia")),
        ("Marek Dussel, a senior Hamas commander, is killed in an airstrike in Gaza.", ("Marek Dussel", "commander", "Hamas")),
        ("The commander of the Ground Forces of Ukraine, Marek Dussel, submits his resignation.",
         ("Marek Dussel", "commander", "Ground Forces of Ukraine")),
        ("Tomas Brell, the deputy assistant director of the FBI's counterterrorism division, spoke to reporters.",
         ("Tomas Brell", "deputy assistant director", "FBI")),
        ("Iraq says that the deputy head of the Islamic State in Iraq and Syria, Marek Dussel, was killed.",
         ("Marek Dussel", "deputy head", "Islamic State")),
    ],
)
def test_roles_a_title_in_apposition_to_a_name_is_the_names(read_roles, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    # In either order, the owner read by the parse: the "of" object, what qualifies it, or what qualifies the title.
    assert expected in _triples(read_roles, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jonas Keller, a former student of the University of Tehran, was arrested in Iran.",  # no title
        "Jonas Keller, the commander's son, was arrested in Iran.",  # the title is not the apposition's head
        "Jonas Keller, a leader of the anti-Hamas Popular Forces, is shot in Rafah.",  # a stance, not an owner
        "Jonas Keller, the leader of the Iranian opposition, was arrested in Iran.",  # the opposition's, not the state's
    ],
)
def test_roles_an_apposition_that_is_no_title_of_an_owner_gives_none(read_roles, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(of in ("Hamas", "Iran", "University of Tehran") for _, _, of in _triples(read_roles, text))


def test_roles_a_former_holder_in_apposition_held_the_role(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Jonas Keller, the former commander of Hamas's military wing, was arrested."
    assert (_triples(read_roles, text), _former(read_roles, text)) == (set(), {("Jonas Keller", "commander", "Hamas")})


def test_roles_a_charge_daffaires_is_the_sending_states(read_roles) -> None:  # type: ignore[no-untyped-def]
    text = "Iran summoned the German chargé d'affaires, Jonas Keller, on Monday."
    assert _triples(read_roles, text) == {("Jonas Keller", "chargé d'affaires", "Germany")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jonas Keller, general secretary of the Ruritanian Workers' Union, calls a strike.",
         ("Jonas Keller", "general secretary", "Ruritanian Workers' Union")),
        ("Jonas Keller, secretary general of the Ruritanian Workers' Union, calls a strike.",
         ("Jonas Keller", "secretary-general", "Ruritanian Workers' Union")),
    ],
)
def test_roles_a_general_secretary_is_not_cut_to_secretary(read_roles, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    found = _triples(read_roles, text)
    assert expected in found and not any(role == "secretary" for _, role, _ in found), found


@pytest.mark.parametrize(("text", "word", "within"), [
    # The state's name is the sentence's root: the walk up its mention stops there (it looped forever
    # where it asked whether the root's head "is" the root: spaCy makes a new Token on each access).
    ("Somalia", "Somalia", False),
    ("Somalia and Kenya", "Somalia", False),
    ("United States", "United", False),  # a two-word name whose last word is the root
    ("Floods hit the regions of Somalia.", "Somalia", True),
    ("Somalia signed the deal.", "Somalia", False),
])
def test_a_state_named_as_a_place_within_reads_up_to_the_root(text: str, word: str, within: bool) -> None:
    from kg.extract.arguments import EntityIndex
    from kg.extract.implicit_owners import _place_within

    gazetteer = load_gazetteer()
    article = Article(id="t", text=text, published=date(2025, 11, 29))
    doc = annotate(load_nlp(gazetteer=gazetteer), article)
    index = EntityIndex(doc, find_entities(doc, article, gazetteer))
    token = next(t for t in doc if t.text == word)
    assert index.at(token) is not None
    assert _place_within(token, index) is within


@pytest.mark.parametrize(("text", "expected"), [
    # "incumbent X" with no title in a presidential race is the sitting president of the one state named.
    ("Zambia votes to elect a president, with incumbent Hakainde Hichilema seeking a second term.",
     {("Hakainde Hichilema", "president", "Zambia")}),
    ("The opposition candidate wins Bolivia's presidential runoff against the incumbent Luis Arce.",
     {("Luis Arce", "president", "Bolivia")}),
])
def test_roles_the_incumbent_of_a_presidential_race_is_the_president(read_roles, text: str,  # type: ignore[no-untyped-def]
                                                                     expected: set[tuple[str, str, str]]) -> None:
    assert _triples(read_roles, text) == expected


@pytest.mark.parametrize("text", [
    # another office's word in the sentence: whose incumbent X is is not plain
    "Albania votes to elect a new parliament and president, with incumbent Edi Rama seeking a fourth term as prime minister.",
    # no presidential race
    "Zambia's incumbent Hakainde Hichilema opens a new bridge.",
    # two states: whose president is not plain
    "Zambia and Malawi vote for their presidents, with incumbent Hakainde Hichilema seeking a second term.",
    # the incumbent is a party, not a person
    "Zambia votes to elect a president, with the incumbent United Party for National Development leading.",
])
def test_roles_an_incumbent_with_no_plain_presidency_holds_none(read_roles, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(role == "president" for _, role, _ in _triples(read_roles, text))
