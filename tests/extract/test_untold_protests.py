"""Protests with no protester named: by a protest noun as the subject of a verb that says it
happened ("protests are held across X", "demonstrations erupt in Y"), a PROTEST with no actor, placed
where the clause puts it (a state included) and aimed at whom it is "against"; not a protest planned,
hypothetical, denied, told elsewhere or as the backdrop of an *as* clause, in support of someone, or named
in passing (protests *amid* which a clause happens are stated: test_presupposed_events).
And by their crowd: a crowd verb (gather, rally, assemble, converge) whose subject is a protester noun
("protesters gather in X") or whose clause protests ("people gather in X *to protest*"), and a
crowd's "hold protests" placed in a state; not a gathering that protests nothing (mourners, a
welcome, a celebration). Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Hal Vennor": ("vennor", EntityType.PERSON),
    "Harbour Workers Union": ("union", EntityType.ORGANIZATION),
    "police": ("police", EntityType.GROUP, None, False),
    "people": ("people", EntityType.GROUP, None, False),
    "protesters": ("protesters", EntityType.GROUP, None, False),
    "Protesters": ("protesters", EntityType.GROUP, None, False),
    "demonstrators": ("demonstrators", EntityType.GROUP, None, False),
    "Demonstrators": ("demonstrators", EntityType.GROUP, None, False),
    "students": ("students", EntityType.GROUP, None, False),
    "Students": ("students", EntityType.GROUP, None, False),
    "supporters": ("supporters", EntityType.GROUP, None, False),
    "Supporters": ("supporters", EntityType.GROUP, None, False),
    "mourners": ("mourners", EntityType.GROUP, None, False),
    "Mourners": ("mourners", EntityType.GROUP, None, False),
}
THRESHOLD = 0.5


def _protests(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None, float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.location, event.provenance.confidence)
            for event in events.extract(doc, entities, article) if event.type is EventType.PROTEST]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "targets", "location"),
    [
        ("Anti-war protests are held across Ruritania.", (), "ruritania"),
        ("Protests erupt in Red Harbour for a second day after the currency drops in value.", (), "harbour"),
        ("Mass demonstrations take place in Red Harbour against president Alma Vask.", ("vask",), "harbour"),
        ("Protests against Alma Vask occur across Ruritania.", ("vask",), "ruritania"),
        ("Large rallies are organized in Red Harbour against the war.", (), "harbour"),
        ("Protests in Ruritania continue and spread across the country.", (), "ruritania"),
        ("Mass protests break out in Red Harbour.", (), "harbour"),
    ],
)
def test_a_protest_its_verb_says_happened_is_stated_with_no_actor(annotated, text, targets, location) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, text)
    assert ((), targets, location) in [(actors, aimed, place) for actors, aimed, place, score in found if score >= THRESHOLD], found


@pytest.mark.parametrize(
    "text",
    [
        "Protests are planned in Red Harbour against Alma Vask.",  # planned
        "Protests are called for across Ruritania.",
        "Protests could erupt in Red Harbour if prices rise.",  # hypothetical
        "Officials warn of unrest if protests erupt in Red Harbour.",
        "No protests are held in Red Harbour.",  # denied
        "The protests continue in Red Harbour.",  # told elsewhere
        "Talks resume as protests continue across Ruritania.",  # the backdrop of other news
        "Protests against the war in Ruritania are mounting.",  # no verb of happening
        "Protests are held on the anniversary of the war.",  # nowhere
        "Protests near Ruritania are held.",  # a state only near it
    ],
)
def test_no_protest_planned_denied_told_elsewhere_or_nowhere(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, text)
    assert not any(actors == () and score >= THRESHOLD and not targets for actors, targets, _, score in found) and not any(
        actors == () and score >= THRESHOLD and "vask" in targets for actors, targets, _, score in found), found


def test_a_protest_in_support_of_someone_is_aimed_at_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, "Counter-protests are held in Red Harbour in support of Alma Vask.")
    assert not any("vask" in targets for _, targets, _, _ in found), found


def test_a_protest_by_a_named_party_keeps_its_actor(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, "Protests organized by the Harbour Workers Union are held in Red Harbour.")
    assert all(actors != () or score < THRESHOLD for actors, _, _, score in found), found


@pytest.mark.parametrize(
    ("text", "actors", "targets", "location"),
    [
        ("Protesters gather in Red Harbour.", ("protesters",), (), "harbour"),
        ("Thousands of demonstrators rally in Red Harbour against Alma Vask.", ("demonstrators",), ("vask",), "harbour"),
        ("Demonstrators gather in cities across Ruritania.", ("demonstrators",), (), "ruritania"),
        ("Thousands of people gather in Red Harbour to protest against a new tax.", ("people",), (), "harbour"),
        ("Tens of thousands of people gather across Ruritania to protest against corruption.", ("people",), (), "ruritania"),
        ("Thousands of farmers assemble in Red Harbour to protest against the new tax.", (), (), "harbour"),
        ("Students hold protests in several cities across Ruritania.", ("students",), (), "ruritania"),
        ("At least 195,000 people hold protests across Ruritania to denounce budget cuts.", ("people",), (), "ruritania"),
        ("Over 60,000 people demonstrate across Ruritania.", ("people",), (), "ruritania"),
    ],
)
def test_a_crowd_that_protests_is_a_protest_where_it_gathers(annotated, text, actors, targets, location) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, text)
    assert (actors, targets, location) in [(who, aimed, place) for who, aimed, place, score in found if score >= THRESHOLD], found


@pytest.mark.parametrize(
    "text",
    [
        "Supporters gather in Red Harbour to celebrate the victory.",  # no protest
        "Mourners gather in Red Harbour for the funeral.",
        "Thousands of people gather in Red Harbour to welcome Alma Vask.",
        "Protesters plan to gather in Red Harbour.",  # planned
        "Protesters could rally in Red Harbour if prices rise.",  # hypothetical
        "Protesters did not gather in Red Harbour.",  # denied
        "Thousands of people gather to protest.",  # nowhere, against no one
    ],
)
def test_a_gathering_that_protests_nothing_or_is_not_held_is_no_protest(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert all(score < THRESHOLD for _, _, _, score in _protests(annotated, text))


def test_a_named_partys_protest_is_not_placed_in_a_state_by_its_crowd_rule(annotated) -> None:  # type: ignore[no-untyped-def]
    # "across Ruritania" places a crowd's protest; a named party's stays where its own paths put it.
    found = _protests(annotated, "The Northern Front holds protests across Ruritania.")
    assert all(place != "ruritania" for _, _, place, _ in found), found


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Protests are held in Red Harbour to protest against Alma Vask's threats.", (), ("vask",)),
        ("Mass demonstrations take place in Red Harbour to protest over Alma Vask's decree.", (), ("vask",)),
        ("A protest is held in Red Harbour to denounce Alma Vask's new tax.", (), ("vask",)),
        ("Large rallies are organized in Red Harbour to protest against Freedonia's blockade.", (), ("freedonia",)),
        ("Thousands of people demonstrate in Red Harbour to protest against Alma Vask's plans.", ("people",), ("vask",)),
        ("Thousands of people gather in Red Harbour to protest against Alma Vask's plans.", ("people",), ("vask",)),
    ],
)
def test_a_protest_is_aimed_at_the_party_its_purpose_clause_protests_against(annotated, text, actors, targets) -> None:  # type: ignore[no-untyped-def]
    # "Protests are held in X to protest against Y's threats": the purpose infinitive names whom the
    # protest is against, as "protests are held against Y's threats" does.
    found = _protests(annotated, text)
    assert (actors, targets) in [(who, aimed) for who, aimed, _, score in found if score >= THRESHOLD], found


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Protests are held in Red Harbour to protest against the war.", None),  # no party
        ("Protests are held in Red Harbour to protest against the Freedonia war.", "freedonia"),  # a war, not its side
        ("Protests are held in Red Harbour to protest against Alma Vask's arrest.", "vask"),  # the one arrested
        ("Protests are held in Red Harbour to protest against the killing of Alma Vask.", "vask"),
        ("Students rally in Red Harbour to support Ruritania.", "ruritania"),  # no protest
    ],
)
def test_a_purpose_clause_against_no_party_or_for_a_victim_aims_the_protest_at_no_one(annotated, text, party) -> None:  # type: ignore[no-untyped-def]
    found = _protests(annotated, text)
    assert all(not targets if party is None else party not in targets for _, targets, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Protests are held in Red Harbour against the Harbour Workers Union's expulsion.", "union"),
        ("Demonstrators rally in Red Harbour against Omar Tellen's arrest.", "tellen"),
        ("Protesters gather in Red Harbour against Omar Tellen's detention.", "tellen"),
        ("Protesters gather in Red Harbour to protest against the Freedonia war.", "freedonia"),
        ("The Harbour Workers Union protested against Omar Tellen's deportation.", "tellen"),
        ("The Harbour Workers Union protested the killing of Omar Tellen.", "tellen"),
    ],
)
def test_a_protest_against_what_befell_a_party_does_not_target_that_party(annotated, text, victim) -> None:  # type: ignore[no-untyped-def]
    # "protests against Imamoglu's arrest": the protest is against whoever arrested him, unnamed here;
    # a war names no party to protest against.
    found = _protests(annotated, text)
    assert all(victim not in targets for _, targets, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Protests are held in Red Harbour against Ruritania's crackdown.", "ruritania"),
        ("The Harbour Workers Union protested against Ruritania's crackdown.", "ruritania"),
        ("Protests are held in Red Harbour against Ruritania's arrest of Hal Vennor.", "ruritania"),
        ("Protesters gather in Red Harbour to protest against Ruritania's arrest of Hal Vennor.", "ruritania"),
    ],
)
def test_a_protest_against_a_partys_act_still_targets_that_party(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    # The arrester of "X's arrest of Y" and the doer of any other act are the protest's target.
    found = _protests(annotated, text)
    assert any(target in targets for _, targets, _, score in found if score >= THRESHOLD), found


RIOT_POLICE = {**NAMES, "Ruritanian riot police": ("riot_police", EntityType.ORGANIZATION),
               "Ruritanian police": ("ruritanian_police", EntityType.ORGANIZATION),
               "Parliament House": ("parliament_house", EntityType.ORGANIZATION)}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # A protest participle on the object, or with its own subject: the protesters', never the police's.
        ("Ruritanian police detained students protesting outside the parliament in Red Harbour.", ("students",)),
        ("Ruritanian police fired tear gas at protesters marching toward the Parliament House in Red Harbour.", ("protesters",)),
        # The finite verb misread inside the subject ("baton-charge" as a noun): only the head noun marches.
        ("Ruritanian riot police baton-charge protesters marching toward the Parliament House in Red Harbour.", ("protesters",)),
        # The participle's noun qualified by a state: the state's people protest, as with a finite verb.
        ("Police detained Ruritanian students protesting outside the parliament in Red Harbour.", ("ruritania",)),
        ("Ruritanian students protest outside the parliament in Red Harbour.", ("ruritania",)),
    ],
)
def test_a_protest_participle_belongs_to_its_noun_not_the_clause_subject(annotated, text, actors) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, RIOT_POLICE)
    found = [event.actors for event in events.extract(doc, entities, article) if event.type is EventType.PROTEST]
    assert found and all(found_actors == actors for found_actors in found), found
