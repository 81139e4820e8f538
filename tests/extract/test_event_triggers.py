"""Event triggers and types on wordings of unseen news, each a construction that recurs in news
(constructed sentences, with negatives): resignations and releases with no one named acted upon."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

STATE, PERSON, ORG, GROUP = EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GROUP
NAMES = {
    **FICTIONAL_NAMES,
    "131 detainees": ("detainees", GROUP, None, False),
    "40 prisoners": ("prisoners", GROUP, None, False),
}


def _events(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...], bool, float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [
        (event.type, event.actors, event.targets, event.provenance.negated, event.provenance.confidence)
        for event in events.extract(doc, entities, article)
    ]


# ---------------------------------------------------------------- resignations (codebook: RETREAT)


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask resigns as the foreign minister of Ruritania.",
        "Alma Vask resigned on Monday after the vote.",
        "Alma Vask steps down as prime minister.",
        "Alma Vask announced her resignation on Sunday.",
        "Alma Vask submitted her resignation to the president.",
    ],
)
def test_events_a_resignation_is_a_retreat_with_no_one_acted_upon(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is EventType.RETREAT and actors == ("vask",) and confidence >= 0.5
               for kind, actors, _, _, confidence in found), found  # fmt: skip
    assert not any(kind is EventType.CONCEDE for kind, *_ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask did not resign.",
        "Alma Vask refused to step down.",
    ],
)
def test_events_a_resignation_not_made_is_not_stated(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.RETREAT and confidence >= 0.5
                   for kind, _, _, _, confidence in _events(annotated, text)), _events(annotated, text)  # fmt: skip


def test_events_a_withdrawal_still_needs_a_place_or_someone_left() -> None:
    """Only the resignation mode stands alone: the coded RETREAT of a bare "withdraw" does not."""
    from kg.extract.lexicon import load_lexicons

    assert load_lexicons().events.coded["RETREAT"].words("targetless_modes") == frozenset({"resign"})


def test_events_a_bare_withdrawal_states_no_retreat(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.RETREAT for kind, *_ in _events(annotated, "Ruritania withdrew on Monday."))


# ------------------------------------------------------------ releases of people with no name


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Ruritania releases 131 detainees under alternative custody measures.", ("detainees",)),
        ("Ruritania freed 40 prisoners on Friday.", ("prisoners",)),
        ("Ruritania released Omar Tellen after a week.", ("tellen",)),
    ],
)
def test_events_a_release_of_people_with_or_without_names(annotated, text, targets) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is EventType.RETREAT and actors == ("ruritania",) and found_targets == targets and confidence >= 0.5
               for kind, actors, found_targets, _, confidence in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania released a statement on Monday.",
        "Ruritania released the report about Freedonia's economy.",
        "The ministry of Ruritania released new figures.",
    ],
)
def test_events_releasing_a_thing_is_no_release_of_captives(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.RETREAT for kind, *_ in _events(annotated, text)), _events(annotated, text)


# ------------------------------------------------- a cancelled act is no act (CAMEO's undoing verbs)

ENVOYS = {**NAMES, "Ivo Marek": ("marek", PERSON), "Lena Dorn": ("dorn", PERSON)}


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask cancels sending envoys Ivo Marek and Lena Dorn to Freedonia for negotiations.",
        "Alma Vask cancelled sending envoys to Freedonia for talks.",
        "Alma Vask postponed her visit to Freedonia.",
        "Alma Vask called off the meeting with Omar Tellen.",
        "Ruritania suspended its talks with Freedonia.",
    ],
)
def test_events_a_cancelled_meeting_or_visit_is_no_consultation(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.CONSULT for kind, *_ in read_events(text, ENVOYS)), read_events(text, ENVOYS)


def test_events_a_meeting_held_is_still_one(read_events) -> None:  # type: ignore[no-untyped-def]
    assert any(kind is EventType.CONSULT and set(actors + targets) == {"vask", "freedonia"}
               for kind, actors, targets in read_events("Alma Vask visited Freedonia on Monday.", ENVOYS))  # fmt: skip


def test_events_the_cancelling_verbs_come_from_the_dictionary_blocks() -> None:
    from kg.extract.lexicon import load_lexicons
    from kg.extract.triggers import cancelling

    verbs = cancelling(load_lexicons().events.cancelling_blocks)
    assert {"cancel", "postpone", "revoke", "suspend", "halt", "call off"} <= verbs
    assert not {"visit", "send", "meet", "agree", "call"} & verbs


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask sends envoys Ivo Marek and Lena Dorn to Freedonia.",
        "Alma Vask ordered envoys Ivo Marek and Lena Dorn to Freedonia.",
    ],
)
def test_events_a_conjoined_object_is_not_actor_and_target(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, ENVOYS)
    assert not any({"marek", "dorn"} <= set(actors + targets) and not {"vask"} & set(actors) for _, actors, targets in found), found


# ------------------------------------------------------ a visitor received, not aid received

RECEIVED = {**NAMES, "Xi Jinping": ("xi", PERSON), "Vladimir Putin": ("putin", PERSON), "Iranian": ("iran", STATE),
            "Houthis": ("houthis", ORG)}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "consult"),
    [
        ("Xi Jinping received Vladimir Putin in Beijing.", True),
        ("Questions remain how much direct Iranian assistance is received by the Houthis.", False),
        ("The Houthis received Iranian weapons last year.", False),
        ("Freedonia received a letter from Ruritania.", False),
    ],
)
def test_events_receiving_a_person_is_a_meeting_receiving_a_thing_is_not(annotated, text, consult) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, RECEIVED)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.CONSULT]
    assert bool(found) is consult, found


# ------------------------------------------------------------ verbs and nouns CAMEO lacks or misreads

WORDS = {
    **NAMES,
    "Supreme Court": ("court", ORG),
    "House of Representatives": ("house", ORG),
    "Hezbollah": ("hezbollah", ORG),
    "91st Division": ("division", ORG),
    "Iglesia ni Cristo": ("inc", ORG),
    "Manila": ("manila", EntityType.LOCATION),
    "Lebanon": ("lebanon", STATE),
    "three drones": ("drones", EntityType.MILITARY_ASSET, None, False),
    "Ruritanian drones": ("drones", EntityType.MILITARY_ASSET, None, False),
}


def _typed(annotated, text: str, kind: EventType) -> list[tuple[tuple[str, ...], tuple[str, ...], bool, float]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, WORDS)
    return [
        (event.actors, event.targets, event.provenance.negated, event.provenance.confidence)
        for event in events.extract(doc, entities, article)
        if event.type is kind
    ]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The House of Representatives impeached Alma Vask on Wednesday.", "house", "vask"),
        ("Alma Vask was impeached by the House of Representatives.", "house", "vask"),
        ("The House of Representatives voted to impeach Alma Vask.", "house", "vask"),
    ],
)
def test_events_an_impeachment_is_an_accusation(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, EventType.ACCUSE)
    assert any(actor in actors and targets == (target,) for actors, targets, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Ruritania attributes the bombing to Freedonia.", "ruritania", "freedonia"),
        ("Freedonia attributed the cyberattack on its ministries to Ruritanian intelligence.", "freedonia", "ruritania"),
        ("The explosion at the depot was attributed to Hezbollah by Ruritania.", "ruritania", "hezbollah"),
        ("Alma Vask closed the border after a disruption that Ruritania attributes to Freedonia.", "ruritania", "freedonia"),
        ("Freedonia condemned the raid, which it attributes to the 91st Division.", "freedonia", "division"),
    ],
)
def test_events_attributing_an_attack_to_a_party_accuses_it(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    """PLOVER ACCUSE: to accuse, formally or informally (mode allege); CAMEO has BLAME [112] but no ATTRIBUTE."""
    found = _typed(annotated, text, EventType.ACCUSE)
    assert any(actor in actors and target in targets for actors, targets, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania attributes its growth to exports from Freedonia.",  # no wrong attributed
        "The quote is attributed to Alma Vask.",  # no wrong attributed
        "Ruritania attributes the shooting to unknown gunmen.",  # no party named
        "Ruritania praised the growth, which it attributes to Freedonia.",  # a relative clause, no wrong
    ],
)
def test_events_attributing_no_wrong_to_a_named_party_accuses_no_one(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [(actors, targets, confidence) for actors, targets, _, confidence in _typed(annotated, text, EventType.ACCUSE)]
    assert not [f for f in found if f[2] >= 0.5 or set(f[1]) & {"freedonia", "vask"}], found


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Ruritania opens an investigation into Freedonia.", "ruritania", "freedonia"),
        ("Freedonia launched a formal probe into Alma Vask on Monday.", "freedonia", "vask"),
        ("Ruritania has begun an inquiry into Freedonia's strikes on the border town.", "ruritania", "freedonia"),
        ("Freedonia initiates an investigation into abuses by the 91st Division.", "freedonia", "division"),
        ("An inquiry into Hezbollah was opened by Ruritania.", "ruritania", "hezbollah"),
    ],
)
def test_events_opening_an_investigation_into_a_party_accuses_it(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    """CAMEO START / OVERSEE_MANAGE &INVESTIGATION [090, 091] (PLOVER ACCUSE, investigate): the party
    investigated, or the named doer of the deed investigated, is the target."""
    found = _typed(annotated, text, EventType.ACCUSE)
    assert any(actor in actors and target in targets and not negated for actors, targets, negated, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania opens an investigation into the crash of the cargo plane.",  # a deed with no doer named
        "Ruritania opens an investigation into the killing of Alma Vask.",  # the victim is not accused
        "Freedonia calls for an investigation into Ruritania.",  # a request (CAMEO 0214), no investigation yet
        "Ruritania opened the border after an investigation into the crash.",  # the investigation no object
    ],
)
def test_events_an_investigation_of_no_named_party_accuses_no_one(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, WORDS)
    stated = [(event.actors, event.targets) for event in events.extract(doc, entities, article)
              if event.type is EventType.ACCUSE and not event.provenance.hypothetical]
    assert not [found for found in stated if set(found[1]) & {"freedonia", "vask", "ruritania"}], stated


def test_events_an_investigation_yet_to_open_is_hypothetical(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Ruritania will open an inquiry into Freedonia.", WORDS)
    found = [(event.targets, event.provenance.hypothetical) for event in events.extract(doc, entities, article)
             if event.type is EventType.ACCUSE]
    assert found and all(hypothetical for _, hypothetical in found), found


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Ruritania blames the bombing on Freedonia.", "ruritania", "freedonia"),  # the coder read it already (*on* on the verb)
        ("Freedonia blamed Sunday's deadly explosion on Hezbollah.", "freedonia", "hezbollah"),
        ("Ruritania blamed Freedonia for the attack on the depot.", "ruritania", "freedonia"),  # the coder's reading stays
        ("Ruritania blamed Hezbollah of being behind the attack.", "ruritania", "hezbollah"),  # the coder's reading stays
    ],
)
def test_events_blaming_an_attack_on_a_party_accuses_it(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    """CAMEO BLAME "- * ATTACK ON +" [112]: the party after *on* is blamed (the on-phrase hangs on the wrong)."""
    found = _typed(annotated, text, EventType.ACCUSE)
    assert any(actor in actors and target in targets for actors, targets, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania blames the drought on the weather.",  # no party
        "Ruritania blames the slump on unknown speculators.",  # no named party, no wrong
    ],
)
def test_events_blaming_a_thing_on_no_party_accuses_no_one(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, EventType.ACCUSE)
    assert not [f for f in found if f[1]], found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania intercepts three drones launched from Freedonia.", "freedonia"),
        ("Ruritania's army intercepted Freedonian drones over the capital.", "freedonia"),
        ("Ruritania intercepted two ballistic missiles fired by Freedonia.", "freedonia"),
    ],
)
def test_events_intercepting_missiles_is_an_assault(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    """Shooting down a weapon destroys it: CAMEO's DESTROY &WEAPON (1712), PLOVER ASSAULT."""
    names = {**WORDS, "Freedonian": ("freedonia", STATE)}
    doc, entities, article = annotated(text, names)
    found = [(e.type, e.actors, e.targets) for e in events.extract(doc, entities, article)]
    assert any(kind is EventType.ASSAULT and "ruritania" in actors and targets == (target,) for kind, actors, targets in found), found
    assert not any(kind is EventType.COERCE for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania intercepted a phone call between Freedonia and Alma Vask.",  # no weapon: no interception
        "Ruritania intercepted the message from Freedonia.",
        "The Ruritanian Navy intercepted a Freedonian vessel in the strait.",  # a ship stopped, none destroyed
    ],
)
def test_events_intercepting_no_weapon_is_no_assault(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(annotated, text, EventType.ASSAULT)


@pytest.mark.parametrize(
    "text",
    [
        "The 91st Division launches a ground operation against Hezbollah in southern Lebanon.",
        "The 91st Division began a military campaign against Hezbollah.",
    ],
)
def test_events_an_operation_against_someone_is_an_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert any(targets == ("hezbollah",) for _, targets, _, _ in _typed(annotated, text, EventType.ASSAULT))
    assert not _typed(annotated, text, EventType.COOPERATE)


def test_events_a_joint_operation_stays_cooperation(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Ruritania and Freedonia held a joint operation near the border.", EventType.COOPERATE)
    assert found and not _typed(annotated, "Ruritania and Freedonia held a joint operation near the border.", EventType.ASSAULT)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Supreme Court ruled that Alma Vask's decree was unlawful.", "vask"),
        ("The Supreme Court found Alma Vask guilty of fraud.", "vask"),
        ("The Supreme Court ruled against Ruritania on Tuesday.", "ruritania"),
    ],
)
def test_events_an_adverse_court_ruling_is_a_sanction(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, EventType.SANCTION)
    assert any(actors == ("court",) and targets == (target,) and not negated for actors, targets, negated, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Supreme Court ruled that Alma Vask's decree was lawful.",
        "Alma Vask found Ruritania guilty of aggression.",  # no court: an accusation, not a conviction
        "Ruritania rules Freedonia with an iron fist.",  # governing is no cooperation either
    ],
)
def test_events_no_sanction_or_cooperation_from_other_rulings(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(annotated, text, EventType.SANCTION) and not _typed(annotated, text, EventType.COOPERATE)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Alma Vask's advice to Omar Tellen was unlawful.", "vask", "tellen"),
        ("Ruritania's request to Freedonia for weapons was rejected.", "ruritania", "freedonia"),
        ("The request of Ruritania to Freedonia went unanswered.", "ruritania", "freedonia"),
    ],
)
def test_events_a_request_or_advice_named_as_a_noun(annotated, text, actor, target) -> None:  # type: ignore[no-untyped-def]
    assert any(actors == (actor,) and targets == (target,) for actors, targets, _, _ in _typed(annotated, text, EventType.REQUEST))


def test_events_a_request_with_no_one_asked_is_none(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(annotated, "Ruritania's request was rejected.", EventType.REQUEST)


def test_events_rallies_organized_by_a_party(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Thousands joined rallies organized by the Iglesia ni Cristo in Manila.", EventType.PROTEST)
    assert any(actors == ("inc",) for actors, _, _, _ in found), found


# --------------------------------------- a violated airspace (CAMEO: "violate * AIRSPACE", 150)

AIRSPACE = {**NAMES, "Ruritanian": ("ruritania", STATE), "Freedonian": ("freedonia", STATE)}


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian military aircraft violated Freedonian airspace on Friday.",
        "Ruritania violated Freedonia's airspace twice this week.",
        "Ruritanian drones entered Freedonian airspace.",
    ],
)
def test_events_violating_a_states_airspace_is_a_show_of_force(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, AIRSPACE)
    found = [(e.type, e.actors, e.targets) for e in events.extract(doc, entities, article)]
    assert (EventType.MOBILIZE, ("ruritania",), ("freedonia",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia closed its airspace to Ruritanian airlines.",  # a closure, not an incursion
        "Ruritanian diplomats entered Freedonia on Friday.",  # no airspace
        "Ruritania violated the agreement with Freedonia.",
    ],
)
def test_events_no_incursion_without_an_airspace_entered(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, AIRSPACE)
    assert not [e for e in events.extract(doc, entities, article) if e.type is EventType.MOBILIZE]


def test_events_fighting_that_a_ceasefire_ended_was_fought(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("A ceasefire ended a year of fighting between Ruritania and Freedonia.", NAMES)
    found = [(e.type, e.actors, e.targets) for e in events.extract(doc, entities, article)]
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",)) in found, found


# ------------------------------------------------------------------ an open question is no fact


@pytest.mark.parametrize(
    "text",
    [
        "It is unclear whether Ruritania attacked Freedonia.",
        "Analysts asked whether Ruritania attacked Freedonia.",
        "Questions remain over whether Ruritania attacked Freedonia.",
    ],
)
def test_events_an_attack_asked_about_is_neither_stated_nor_a_threat(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    found = [(e.type, e.provenance.hypothetical) for e in events.extract(doc, entities, article)]
    assert (EventType.ASSAULT, False) not in found, found
    assert not any(kind is EventType.THREATEN for kind, _ in found), found


def test_events_an_attack_asked_about_stays_as_a_possible_one(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("It is unclear whether Ruritania attacked Freedonia.", NAMES)
    found = [(e.type, e.actors, e.targets, e.provenance.hypothetical) for e in events.extract(doc, entities, article)]
    assert found == [(EventType.ASSAULT, ("ruritania",), ("freedonia",), True)], found


# ---------------------------- a meeting cancelled is a REJECT (codebook), not a SANCTION or a meeting


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Alma Vask cancelled her meeting with Omar Tellen.", "tellen"),
        ("Alma Vask postponed her visit to Freedonia after the incident.", "freedonia"),
        ("Ruritania scrapped the talks with Freedonia.", "freedonia"),
    ],
)
def test_events_a_cancelled_meeting_is_a_rejection(read_events, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, ENVOYS)
    assert any(kind is EventType.REJECT and targets == (target,) for kind, _, targets in found), found
    assert not any(kind in (EventType.CONSULT, EventType.SANCTION) for kind, _, _ in found), found


def test_events_cancelling_a_contract_rejects_no_meeting(read_events) -> None:  # type: ignore[no-untyped-def]
    found = read_events("Ruritania cancelled the contract with Freedonia.", ENVOYS)
    assert not any(kind is EventType.REJECT for kind, _, _ in found), found


# ------------------------------------------ seconding an appeal (SUPPORT), putting on hold (SANCTION)


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "target"),
    [
        ("Freedonia seconded Ruritania's call for a ceasefire.", EventType.SUPPORT, "freedonia", "ruritania"),
        ("Ruritania's proposal was seconded by Freedonia.", EventType.SUPPORT, "freedonia", "ruritania"),
        ("Alma Vask seconded the motion by Omar Tellen.", EventType.SUPPORT, "vask", "tellen"),
        ("Ruritania put its arms agreement with Freedonia on hold.", EventType.SANCTION, "ruritania", "freedonia"),
        ("The arms deal with Freedonia was put on hold by Ruritania.", EventType.SANCTION, "ruritania", "freedonia"),
        ("Ruritania placed its trade pact with Freedonia on hold.", EventType.SANCTION, "ruritania", "freedonia"),
    ],
)
def test_events_seconding_an_appeal_and_putting_a_deal_on_hold(annotated, text, event_type, actor, target) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is event_type and actors == (actor,) and targets == (target,) for kind, actors, targets, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Two Ruritanian officers were seconded to Freedonia.",  # a posting, not an endorsement
        "Ruritania came second to Freedonia.",
        "Alma Vask seconded Omar Tellen.",  # no appeal backed
        "Ruritania put Freedonia's troops on alert.",  # an alert, not a suspension
        "Ruritania put the question to Freedonia.",
    ],
)
def test_events_no_support_or_suspension_from_other_senses(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert not any(kind in (EventType.SUPPORT, EventType.SANCTION) for kind, *_ in found), found


# ------------------------------------------------ condolences (CAMEO 018, the codebook's SUPPORT)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania offered condolences to Freedonia.",
        "Alma Vask expressed her condolences to Freedonia over the earthquake.",
        "Ruritania extended its condolences to Freedonia after the attack.",
        "Ruritania expressed sympathy with Freedonia.",
    ],
)
def test_events_condolences_offered_to_a_party_support_it(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert any(kind is EventType.SUPPORT and targets == ("freedonia",) and not negated
               for kind, _, targets, negated, _ in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania expressed regret to Freedonia.",  # the codebook's CONCEDE, not support
        "Ruritania offered Freedonia a loan.",
        "Ruritania did not offer condolences to Freedonia.",
    ],
)
def test_events_no_condolences_no_support(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert not any(kind is EventType.SUPPORT and not negated for kind, _, _, negated, _ in found), found
