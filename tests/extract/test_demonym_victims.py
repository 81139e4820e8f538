"""Victims named by a plural demonym ("Two Palestinians are killed by Israeli attacks in Gaza") stand
for their state, the attack's target: the patient of a verb of harm, passive or active, also with
an attack noun as subject and with no actor named. Not where the state is the attacker's own, not
people killed in a fight between sides, not the people acting, nor a demonym qualifying a noun.
Through the whole extract stage (real model, gazetteer and entity stage), constructed sentences."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.gazetteer import load_gazetteer
from kg.nlp import annotate, load_nlp
from kg.records import Article, Event, EventType


@pytest.fixture(scope="module")
def assaults():  # type: ignore[no-untyped-def]
    """`assaults(text)` -> (actors, targets) by label of each exported ASSAULT of one article."""
    gazetteer = load_gazetteer()
    nlp = load_nlp(gazetteer=gazetteer)

    def read(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
        article = Article(id="t", text=text, published=date(2025, 11, 29))
        extraction = extract(annotate(nlp, article), article, gazetteer=gazetteer)
        label = {entity.key: entity.label for entity in extraction.entities}
        return {(tuple(label[key] for key in claim.actors), tuple(label[key] for key in claim.targets))
                for claim in extraction.claims
                if isinstance(claim, Event) and claim.type is EventType.ASSAULT and claim.provenance.confidence >= 0.5}  # fmt: skip

    return read


@pytest.mark.parametrize(
    "text, actors, target",
    [
        # a passive with an agent
        ("Two Palestinians, including one child, are killed by Israeli attacks in Gaza.", ("Israel",), "Palestine"),
        ("Two Afghans are wounded by Pakistani shelling.", ("Pakistan",), "Afghanistan"),
        # shot, a verb of harm as kill and wound; settlers act for themselves, not for Israel
        ("Two Palestinians are shot dead by Israeli settlers near Hebron.", ("Israeli settlers",), "Palestine"),
        # an active object, also of an attack noun as subject
        ("Israeli forces killed four Palestinians.", ("Israel",), "Palestine"),
        ("A Russian missile strike kills five Ukrainians.", ("Russia",), "Ukraine"),
        ("Russian drones kill three Ukrainians in Kharkiv.", ("Russia",), "Ukraine"),
        # no actor named
        ("12 Palestinians, including four children, have been killed in airstrikes across Gaza City.", (), "Palestine"),
    ],
)
def test_people_named_by_a_plural_demonym_give_their_state_as_target(assaults, text, actors, target) -> None:  # type: ignore[no-untyped-def]
    found = assaults(text)
    assert any(found_actors == actors and target in targets for found_actors, targets in found), found


@pytest.mark.parametrize(
    "text, state",
    [
        # the attacker's own state
        ("Syrian forces kill 10 Syrians in Idlib.", "Syria"),
        ("Syria kills 10 Syrians in Idlib.", "Syria"),
        # people killed in a fight between sides are no side's target
        ("Over 1,300 Syrians are killed amid clashes between the transitional government and pro-Assad forces.", "Syria"),
        # the people acting, and a demonym qualifying a noun
        ("Thousands of Palestinians protest in Ramallah.", "Palestine"),
        ("Palestinian officials say Israeli forces killed a man.", "Palestine"),
        # people of a state not harmed, or harmed by no attack
        ("Israel releases 90 Palestinians.", "Palestine"),
        ("Three Ukrainians are killed in a car crash.", "Ukraine"),
    ],
)
def test_a_plural_demonym_is_no_target_elsewhere(assaults, text, state) -> None:  # type: ignore[no-untyped-def]
    found = assaults(text)
    assert not any(state in targets for _, targets in found), found


@pytest.mark.parametrize(
    "text, found",
    [
        # the place struck: the people's state yields to it (one attack, not two)
        ("Three Ukrainians are killed in a Russian drone attack on Odesa.", {(("Russia",), ("Odesa",))}),
        ("Seven Palestinians are injured in an Israeli strike on the Nuseirat refugee camp.", {(("Israel",), ("Nuseirat",))}),
        # the place a struck thing stood in, likewise
        ("Israeli forces hit a tent in central Gaza, killing three Palestinians.", {(("Israel",), ("Gaza",))}),
        # no other reading names a target: the state stays the target
        ("Two Palestinians are killed by Israeli attacks in Gaza.", {(("Israel",), ("Palestine",))}),
        ("Israeli strikes kill 26 Palestinians.", {(("Israel",), ("Palestine",))}),
        ("Israeli forces killed three Palestinians in central Gaza.", {(("Israel",), ("Palestine",))}),
        # two named targets stay two
        ("Israel launches airstrikes on Rafah and Khan Yunis, killing at least 60 Palestinians.",
         {(("Israel",), ("Rafah",)), (("Israel",), ("Khan Yunis",))}),
    ],
)
def test_victims_named_by_their_people_are_one_attack_with_the_target_named(assaults, text, found) -> None:  # type: ignore[no-untyped-def]
    assert assaults(text) == found


@pytest.mark.parametrize(
    "text, actors, target",
    [
        # the agent on a later conjoined casualty passive
        ("Four Palestinians are killed and several others are wounded by Israeli gunfire near Jenin.", ("Israel",), "Palestine"),
        ("Two Afghans are killed and five others are injured by Pakistani shelling.", ("Pakistan",), "Afghanistan"),
        # the attack noun under in on the later conjunct, or under from on the casualty verb
        ("Six Palestinians are killed and 20 others are injured in Israeli strikes on Deir al-Balah.", ("Israel",), "Palestine"),
        ("Nine Palestinians are killed from Israeli airstrikes across southern Gaza.", ("Israel",), "Palestine"),
        ("Three Ukrainians are killed from Russian attacks on Zaporizhzhia.", ("Russia",), "Ukraine"),
    ],
)
def test_demonym_victims_of_a_conjoined_or_from_casualty_passive(assaults, text, actors, target) -> None:  # type: ignore[no-untyped-def]
    found = assaults(text)
    assert any(found_actors == actors and target in targets for found_actors, targets in found), found


@pytest.mark.parametrize(
    "text, state",
    [
        # the attacker's own state, and a fight between sides
        ("Ten Palestinians are killed and 20 others are injured in clashes between Hamas gunmen and Fatah members in Gaza City.",
         "Palestine"),
        ("Eight Syrians are killed and others are wounded by Syrian government forces in Homs.", "Syria"),
    ],
)
def test_demonym_victims_of_a_conjoined_or_from_passive_no_target_elsewhere(assaults, text, state) -> None:  # type: ignore[no-untyped-def]
    found = assaults(text)
    assert not any(state in targets for _, targets in found), found


def test_a_force_as_victims_of_a_conjoined_passive_keeps_its_state(assaults) -> None:  # type: ignore[no-untyped-def]
    """Soldiers are read as their state's force, as in the plain passive ("Two Israeli soldiers are killed by X")."""
    plain = assaults("Two Israeli soldiers are killed by Hamas militants in Rafah.")
    conjoined = assaults("Two Israeli soldiers are killed and three others are injured by Hamas militants in Rafah.")
    assert (("Hamas",), ("Israel",)) in plain and (("Hamas",), ("Israel",)) in conjoined, (plain, conjoined)
