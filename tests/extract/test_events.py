"""PLOVER events from sentences written for the test: every type, direction, modality."""

from datetime import date

import pytest

from kg.extract import events, retellings
from kg.records import Article, EntityType, Event, EventType, Mention, Provenance
from fictional_names import FICTIONAL_NAMES

STATE, PERSON, ORG = EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION
NAMES = {
    **FICTIONAL_NAMES,
    "Vask": ("vask", PERSON),
    "Tellen": ("tellen", PERSON),
    "Northern Front": ("front", ORG),
    "Atlantic League": ("league", ORG),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "Daily Courier": ("courier", ORG, "MediaOrganization"),
}


def _events(annotated, text: str, published: date = date(2025, 11, 29)) -> list[Event]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES, published)
    return events.extract(doc, entities, article)


def _one(annotated, text: str, event_type: EventType) -> Event:  # type: ignore[no-untyped-def]
    found = [event for event in _events(annotated, text) if event.type is event_type]
    assert len(found) == 1, (text, _events(annotated, text))
    return found[0]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "targets"),
    [
        (
            "Alma Vask spoke with Omar Tellen on Tuesday.",
            EventType.CONSULT,
            ("vask",),
            ("tellen",),
        ),
        (
            "Ruritania signed an accord with Freedonia.",
            EventType.AGREE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania praised Freedonia for its restraint.",
            EventType.SUPPORT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania apologized to Freedonia.",
            EventType.CONCEDE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania cooperated with Freedonia on border patrols.",
            EventType.COOPERATE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania sent humanitarian aid to Freedonia.",
            EventType.AID,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania withdrew from the Atlantic League.",
            EventType.RETREAT,
            ("ruritania",),
            ("league",),
        ),
        (
            "Alma Vask urged Omar Tellen to resume talks.",
            EventType.REQUEST,
            ("vask",),
            ("tellen",),
        ),
        (
            "Ruritania accused Freedonia of spying.",
            EventType.ACCUSE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania rejected the demands of Freedonia.",
            EventType.REJECT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania threatened Freedonia with retaliation.",
            EventType.THREATEN,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Thousands protested against Ruritania in the capital of Freedonia.",
            None,
            (),
            (),
        ),
        (
            "Ruritania expelled diplomats of Freedonia.",
            EventType.SANCTION,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania deployed troops near Freedonia.",
            EventType.MOBILIZE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania seized three ships of Freedonia.",
            EventType.COERCE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania attacked Freedonia on Monday.",
            EventType.ASSAULT,
            ("ruritania",),
            ("freedonia",),
        ),
    ],
)
def test_events_each_type_in_the_right_direction(
    annotated, text, event_type, actors, targets
) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    if event_type is None:  # nobody named acts: no event
        assert not [event for event in found if event.actors]
        return
    matching = [event for event in found if event.type is event_type]
    assert matching, (text, found)
    assert any(
        set(actors) <= set(e.actors) and set(targets) <= set(e.targets)
        for e in matching
    ), matching


def test_events_protest_by_a_named_group(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated, "The Northern Front protested against Ruritania.", EventType.PROTEST
    )
    assert event.actors == ("front",) and event.targets == ("ruritania",)


def test_events_passive_voice_keeps_direction(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, "Freedonia was attacked by Ruritania.", EventType.ASSAULT)
    assert event.actors == ("ruritania",) and event.targets == ("freedonia",)


def test_events_joint_subject_of_symmetric_type(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Ruritania and Freedonia held talks in Red Harbour.",
        EventType.CONSULT,
    )
    assert event.actors == ("ruritania",) and event.targets == ("freedonia",)
    assert event.location == "harbour"


def test_events_possessive_strikes_on(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated, "Ruritania's strikes on Freedonia continued.", EventType.ASSAULT
    )
    assert event.actors == ("ruritania",) and event.targets == ("freedonia",)


def test_events_phone_mode_and_relative_date(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Alma Vask spoke by phone last week with Omar Tellen.",
        EventType.CONSULT,
    )
    assert event.mode == "phone"
    assert event.when is not None and (
        str(event.when.earliest),
        str(event.when.latest),
    ) == ("2025-11-17", "2025-11-23")


def test_events_date_bounded_by_since_is_not_the_date(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Alma Vask met Omar Tellen, their first meeting since 2019.",
        EventType.CONSULT,
    )
    assert event.when is None


def test_events_coordinated_verb_shares_the_subject(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Ruritania condemned the vote and threatened Freedonia.",
        EventType.THREATEN,
    )
    assert event.actors == ("ruritania",) and event.targets == ("freedonia",)


def test_events_denied_and_planned_are_marked(annotated) -> None:  # type: ignore[no-untyped-def]
    denied = _one(annotated, "Ruritania did not attack Freedonia.", EventType.ASSAULT)
    assert denied.provenance.negated and not denied.provenance.hypothetical
    planned = _one(annotated, "Alma Vask plans to visit Freedonia.", EventType.CONSULT)
    assert planned.provenance.hypothetical
    assert (
        planned.provenance.confidence
        < _one(
            annotated, "Alma Vask visited Freedonia.", EventType.CONSULT
        ).provenance.confidence
    )


def test_events_attributed_claim(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated, "Freedonia said Ruritania attacked Elbonia.", EventType.ASSAULT
    )
    assert event.provenance.claimed_by == "freedonia"
    assert event.actors == ("ruritania",) and event.targets == ("elbonia",)


def test_events_media_is_not_a_party_to_talks(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Alma Vask spoke to the Daily Courier about the border.")
    assert not [event for event in found if "courier" in event.targets]


def test_events_need_a_named_actor(annotated) -> None:  # type: ignore[no-untyped-def]
    assert (
        _events(annotated, "Officials met in the capital to discuss the crisis.") == []
    )


def test_events_evidence_is_the_sentence(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Peace held for a year. Ruritania attacked Freedonia."
    [event] = _events(annotated, text)
    evidence = event.provenance.evidence
    assert (
        text[evidence.start : evidence.end]
        == evidence.text
        == "Ruritania attacked Freedonia."
    )
    assert event.provenance.extractor == "kg.events.v2"


def test_events_pronoun_stands_for_the_governing_subject(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Ruritania announced its withdrawal from the Atlantic League.",
        EventType.RETREAT,
    )
    assert event.actors == ("ruritania",) and event.targets == ("league",)


def test_events_exchange_of_fire_goes_both_ways(annotated) -> None:  # type: ignore[no-untyped-def]
    found = [
        e
        for e in _events(annotated, "Ruritania and Freedonia exchanged artillery fire.")
        if e.type is EventType.ASSAULT
    ]
    assert {(e.actors, e.targets) for e in found} == {
        (("ruritania",), ("freedonia",)),
        (("freedonia",), ("ruritania",)),
    }


def test_events_neither_nor_subject_negates(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Neither Ruritania nor Freedonia attacked Elbonia.")
    assert found and all(event.provenance.negated for event in found)


def test_events_retold_in_headline_and_body_is_one(annotated) -> None:  # type: ignore[no-untyped-def]
    title, body = (
        "Ruritania attacks Freedonia.",
        "Ruritania attacked Freedonia on Monday, officials said.",
    )
    doc, entities, _ = annotated(f"{title}\n\n{body}", NAMES)
    article = Article(id="t", title=title, text=body, published=date(2025, 11, 29))
    found = [
        e for e in events.extract(doc, entities, article) if e.type is EventType.ASSAULT
    ]
    assert len(found) == 1 and found[0].when is not None


def test_events_a_meeting_held_and_one_that_may_be_held_stay_two(annotated) -> None:  # type: ignore[no-untyped-def]
    # Two tellings of one meeting are one event only where both are asserted (or both not): the
    # meeting that may come does not take the place of the one held, nor an agreement denied that
    # of one signed.
    found = _events(annotated, "Elbonia and Ruritania held talks. Elbonia and Ruritania may hold talks again next week.")
    held = [e for e in found if e.type is EventType.CONSULT and not e.provenance.hypothetical]
    assert [(e.actors, e.targets) for e in held] == [(("elbonia",), ("ruritania",))], found
    found = _events(annotated, "Elbonia and Ruritania signed an agreement. Elbonia and Ruritania did not sign an agreement on gas.")
    assert sorted(e.provenance.negated for e in found if e.type is EventType.AGREE) == [False, True], found


def _call(actors: tuple[str, ...], start: int, confidence: float) -> Event:
    evidence = Mention(start, start + 10, "x" * 10)
    return Event(EventType.CONSULT, actors, ("tellen",), Provenance(evidence, "test", confidence), mode="phone")


@pytest.mark.parametrize(
    ("headline", "body", "told_once"),
    [
        # the headline names fewer of the body's parties ("Vask, Tellen held call"; "Vask and Sarn spoke with Tellen")
        (("vask",), ("vask", "sarn"), True),
        (("vask", "sarn"), ("vask",), True),
        (("vask",), ("sarn",), False),
    ],
)
def test_events_a_headline_may_tell_the_body_event_in_short(headline, body, told_once) -> None:  # type: ignore[no-untyped-def]
    told = [_call(headline, 0, 0.6), _call(body, 40, 0.75)]
    kept = retellings.deduplicate(told, headline_end=30, groups=frozenset(), places=frozenset(), people={})
    assert (len(kept) == 1) is told_once


def test_events_two_bodies_with_fewer_parties_stay_two() -> None:
    told = [_call(("vask",), 40, 0.6), _call(("vask", "sarn"), 80, 0.75)]
    assert len(retellings.deduplicate(told, headline_end=30, groups=frozenset(), places=frozenset(), people={})) == 2


def test_events_two_statements_in_the_body_stay_two(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Alma Vask accused Freedonia of spying. Later, Omar Tellen accused Freedonia of lying."
    found = [e for e in _events(annotated, text) if e.type is EventType.ACCUSE]
    assert {e.actors for e in found} == {("vask",), ("tellen",)}


def test_events_withdrawing_from_names_the_target(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Alma Vask withdrew Ruritania from the Atlantic League in 2018.",
        EventType.RETREAT,
    )
    assert (
        event.targets == ("league",)
        and event.when is not None
        and event.when.earliest.year == 2018
    )


def test_events_one_accusation_per_accuser_and_accused(annotated) -> None:  # type: ignore[no-untyped-def]
    found = [
        e
        for e in _events(
            annotated,
            "Ruritania and Freedonia accused Elbonia and the Northern Front of spying.",
        )
        if e.type is EventType.ACCUSE
    ]
    assert {(e.actors, e.targets) for e in found} == {
        (("ruritania",), ("elbonia",)), (("ruritania",), ("front",)),
        (("freedonia",), ("elbonia",)), (("freedonia",), ("front",)),
    }  # fmt: skip


def test_events_troops_act_for_their_state(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {
        **NAMES,
        "Ruritanian": ("ruritania", STATE),
        "troops": ("troops", EntityType.MILITARY_ASSET, "Troops", False),
    }
    doc, entities, article = annotated(
        "Ruritanian troops attacked the Northern Front.", names
    )
    [event] = [
        e for e in events.extract(doc, entities, article) if e.type is EventType.ASSAULT
    ]
    assert event.actors == ("ruritania",) and event.targets == ("front",)


def test_events_subject_inherited_through_a_prepositional_clause(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Ruritania was quick in blaming Freedonia for the blast.",
        EventType.ACCUSE,
    )
    assert event.actors == ("ruritania",) and event.targets == ("freedonia",)


def test_events_threatened_attack_is_a_threat(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania vowed to attack Freedonia.")
    assert [(e.type, e.actors, e.targets) for e in found] == [
        (EventType.THREATEN, ("ruritania",), ("freedonia",))
    ]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Ruritania will launch further strikes against Freedonia.", "violence"),
        ("Ruritania vowed to take control of Red Harbour.", "territory"),
        # A threatened act whose mode the codebook gives no threat of its own: no mode.
        ("Ruritania vowed to remove Vask.", None),
    ],
)
def test_events_threat_takes_the_codebook_mode_of_the_act_threatened(annotated, text: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    # PLOVER's THREATEN modes: violence, territory ("seize control of ... a territory"), arrest,
    # restrict ...; the act's own mode ("seize") is no THREATEN mode.
    assert _one(annotated, text, EventType.THREATEN).mode == mode


def test_events_relative_pronoun_subject(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Officials named the Northern Front, which supports Ruritania.",
        EventType.SUPPORT,
    )
    assert event.actors == ("front",) and event.targets == ("ruritania",)


def test_events_cosigners_each_agree(annotated) -> None:  # type: ignore[no-untyped-def]
    found = [
        e
        for e in _events(
            annotated, "Alma Vask and Omar Tellen signed the Atlantic League charter."
        )
        if e.type is EventType.AGREE
    ]
    assert {(e.actors, e.targets) for e in found} == {
        (("vask",), ("league",)),
        (("tellen",), ("league",)),
    }


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Ruritania signs a trade agreement with Freedonia.", ("freedonia",)),
        ("Ruritania ratified the treaty with Freedonia.", ("freedonia",)),
        ("Ruritania signed a joint declaration with Freedonia.", ("freedonia",)),
        ("Ruritania signs an agreement with Freedonia and Elbonia.", ("freedonia", "elbonia")),
    ],
)
def test_events_an_agreement_signed_with_a_party_is_read_by_the_verb(annotated, text, targets) -> None:  # type: ignore[no-untyped-def]
    """CAMEO's SIGN * &TREATY (IN ^) (WITH) [057]: the agreement's with-phrase names the other
    signatory, read by the verb at its own weight (not the noun's) and, for *sign*, as a signing."""
    event = _one(annotated, text, EventType.AGREE)
    assert (event.actors, event.targets) == (("ruritania",), targets)
    assert event.provenance.confidence >= 0.6 and not event.provenance.negated
    assert event.mode == ("signing" if " sign" in text else None)


def test_events_a_with_phrase_under_another_object_is_no_signatory(annotated) -> None:  # type: ignore[no-untyped-def]
    """Only an agreement's with-phrase names a signatory: a bill signed with someone's support is
    signed by one party alone."""
    found = _events(annotated, "Ruritania signs the bill with Freedonia's support.")
    assert not [e for e in found if e.type is EventType.AGREE and "freedonia" in e.targets]


def test_events_an_agreement_refused_is_no_agreement(annotated) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in _events(annotated, "Ruritania refuses to sign an agreement with Freedonia.") if e.type is EventType.AGREE]
    assert all(e.provenance.negated or e.provenance.hypothetical for e in found)


def test_events_an_agreement_with_unnamed_parties_has_no_target(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania signs an agreement with its creditors.")
    assert not [e for e in found if e.type is EventType.AGREE and e.targets]


def test_events_claimant_is_not_the_agent_of_a_passive(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "Alma Vask alleges that Freedonia residents are being attacked."
    )
    assert not [e for e in found if e.type is EventType.ASSAULT and "vask" in e.actors]


def test_events_the_call_told_again_adds_who_took_part_and_when(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Alma Vask spoke by phone last week with Omar Tellen. Aides said the call occurred late last week and included Elbonia."
    found = [e for e in _events(annotated, text) if e.type is EventType.CONSULT]
    assert len(found) == 1
    assert found[0].actors == ("vask", "elbonia") and found[0].targets == ("tellen",)
    assert found[0].when is not None and (
        str(found[0].when.earliest),
        str(found[0].when.latest),
    ) == ("2025-11-20", "2025-11-23")


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "targets"),
    [
        (
            "Ruritania pledged $1 billion in military aid to Freedonia.",
            EventType.AID,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania recalled its ambassador from Freedonia.",
            EventType.SANCTION,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania blocked Freedonia's bid to join the Atlantic League.",
            EventType.REJECT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania recalls its envoy to Freedonia after a dispute over fishing.",
            EventType.SANCTION,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania demanded from the Atlantic League an inquiry into the sinking.",
            EventType.REQUEST,
            ("ruritania",),
            ("league",),
        ),
        (
            "Ruritania shuts its border with Freedonia, citing smuggling.",
            EventType.COERCE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania and Freedonia restore diplomatic relations.",
            EventType.COOPERATE,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania provides Freedonia with a $2 billion loan.",
            EventType.AID,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Delegates from Ruritania and Freedonia meet in Red Harbour.",
            EventType.CONSULT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania has completed strikes against military sites in Freedonia.",
            EventType.ASSAULT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania places Omar Tellen under house arrest.",
            EventType.COERCE,
            ("ruritania",),
            ("tellen",),
        ),
        (
            "Alma Vask discussed the Ruritanian fishing dispute with Omar Tellen.",
            EventType.CONSULT,
            ("vask",),
            ("tellen",),
        ),
        (
            "Ruritania warns that Freedonia will face consequences over the raid.",
            EventType.THREATEN,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania calls for Freedonia's withdrawal from Red Harbour.",
            EventType.REQUEST,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania conducted airstrikes on military targets on Red Harbour, Freedonia.",
            EventType.ASSAULT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania dismisses Freedonia's claims of a massacre.",
            EventType.REJECT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania rejected the peace deal with Freedonia.",
            EventType.REJECT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "The Atlantic League issues arrest warrants for Omar Tellen and two generals.",
            EventType.COERCE,
            ("league",),
            ("tellen",),
        ),
        (
            "Ruritania cuts ties with Freedonia over the raid.",
            EventType.SANCTION,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania launches attacks on border posts of Freedonia.",
            EventType.ASSAULT,
            ("ruritania",),
            ("freedonia",),
        ),
        (
            "Ruritania releases 40 prisoners, including Omar Tellen.",
            EventType.RETREAT,
            ("ruritania",),
            ("tellen",),
        ),
        (
            "Ruritania summoned Freedonia's ambassador over the raid.",
            EventType.ACCUSE,
            ("ruritania",),
            ("freedonia",),
        ),
    ],
)
def test_events_more_wordings(annotated, text, event_type, actors, targets) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, event_type)
    assert (event.actors, event.targets) == (actors, targets)


def test_events_withdrawal_from_a_place(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated, "Ruritania withdrew from Red Harbour last month.", EventType.RETREAT
    )
    assert (
        event.actors == ("ruritania",)
        and event.location == "harbour"
        and event.when is not None
    )


def test_events_threatened_retaliation_against(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania threatened to retaliate against Freedonia.")
    assert [(e.type, e.actors, e.targets) for e in found] == [
        (EventType.THREATEN, ("ruritania",), ("freedonia",))
    ]


def test_events_accused_of_doing_is_the_accused_act(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania accused Freedonia of attacking Elbonia.")
    assault = [e for e in found if e.type is EventType.ASSAULT]
    assert [(e.actors, e.targets, e.provenance.claimed_by) for e in assault] == [
        (("freedonia",), ("elbonia",), "ruritania")
    ]
    assert any(
        e.type is EventType.ACCUSE
        and e.actors == ("ruritania",)
        and e.targets == ("freedonia",)
        for e in found
    )


def test_events_joint_drills_are_cooperation(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Ruritania and Freedonia began joint military drills.",
        EventType.COOPERATE,
    )
    assert event.actors == ("ruritania",) and event.targets == ("freedonia",)


def test_events_passive_without_agent_has_no_actor(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "Omar Tellen died in Red Harbour after being shot in his car."
    )
    assert not [e for e in found if e.type is EventType.ASSAULT]


def test_events_firing_a_person_is_no_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not [
        e
        for e in _events(annotated, "Alma Vask fired Omar Tellen on Monday.")
        if e.type is EventType.ASSAULT
    ]
    event = _one(annotated, "Ruritania fired rockets at Freedonia.", EventType.ASSAULT)
    assert event.actors == ("ruritania",) and event.targets == ("freedonia",)


def test_events_a_meeting_told_twice_is_one(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Alma Vask had a phone conversation with Omar Tellen. Critics said that after Vask spoke with Tellen the plan changed."
    found = [e for e in _events(annotated, text) if e.type is EventType.CONSULT]
    assert len(found) == 1 and found[0].mode == "phone"


def test_events_conjunct_starting_a_new_clause_is_no_target(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated,
        "The statement said Ruritania had attacked Freedonia and Elbonia would be moving into the region.",
    )
    assert [(e.actors, e.targets) for e in found if e.type is EventType.ASSAULT] == [
        (("ruritania",), ("freedonia",))
    ]


def test_events_ordering_troops_to_withdraw_is_no_deployment(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "troops": ("troops", EntityType.MILITARY_ASSET, "Troops", False)}
    doc, entities, article = annotated(
        "Alma Vask ordered the troops to withdraw from Red Harbour.", names
    )
    assert not [
        e
        for e in events.extract(doc, entities, article)
        if e.type is EventType.MOBILIZE
    ]


def test_events_symmetric_parties_in_text_order(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Ruritanian President Alma Vask and Freedonian President Omar Tellen agree to a truce.",
        EventType.AGREE,
    )
    assert event.actors == ("vask",) and "tellen" in event.targets


def test_events_i_in_a_quotation_is_the_speaker(annotated) -> None:  # type: ignore[no-untyped-def]
    text = 'Alma Vask wrote on Monday: "Enough is enough." "I will attack Freedonia if the raids go on."'
    found = _events(annotated, text)
    assert [(e.type, e.actors, e.targets) for e in found] == [
        (EventType.THREATEN, ("vask",), ("freedonia",))
    ]


def test_events_an_attack_between_people_is_in_words(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _one(
        annotated, "Alma Vask attacked Omar Tellen in a speech.", EventType.ACCUSE
    ).targets == ("tellen",)
    assert _one(
        annotated, "Ruritania attacked Omar Tellen's convoy.", EventType.ASSAULT
    ).actors == ("ruritania",)


def test_events_conditional_attack_is_no_threat_by_the_attacker(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "If Ruritania attacks Freedonia, the alliance will respond."
    )
    assert [(e.type, e.provenance.hypothetical) for e in found] == [
        (EventType.ASSAULT, True)
    ]


def test_events_calling_someone_names_is_no_phone_call(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Alma Vask called Omar Tellen a coward on Monday.")
    assert EventType.CONSULT not in [e.type for e in found]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Alma Vask meets Omar Tellen and urges a halt to the raids.",
            EventType.REQUEST,
        ),
        (
            "Alma Vask meets Omar Tellen in Red Harbour, agreeing to cut tariffs.",
            EventType.AGREE,
        ),
        (
            "Alma Vask wrote to Omar Tellen asking to free the sailors.",
            EventType.REQUEST,
        ),
    ],
)
def test_events_said_in_a_meeting_is_said_to_the_one_met(
    annotated, text, event_type
) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, event_type)
    assert (event.actors, event.targets) == (("vask",), ("tellen",))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania agreed to stop strikes on Freedonia.",
        "Ruritania suspends airstrikes on Freedonia.",
    ],
)
def test_events_stopped_attacks_are_a_retreat(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert EventType.ASSAULT not in [e.type for e in found]
    event = _one(annotated, text, EventType.RETREAT)
    assert (event.actors, event.targets) == (("ruritania",), ("freedonia",))


def test_events_call_for_a_truce_between_parties_requests_them(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "Elbonia calls for a ceasefire between Ruritania and Freedonia."
    )
    assert {(e.type, e.actors, e.targets, e.mode) for e in found} == {
        (EventType.REQUEST, ("elbonia",), ("ruritania",), "statement"),
        (EventType.REQUEST, ("elbonia",), ("freedonia",), "statement"),
    }


def test_events_what_one_is_called_on_to_do_is_asked_for_not_done(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Elbonia called on Ruritania to withdraw from Red Harbour."
    assert [(e.type, e.actors, e.targets) for e in _events(annotated, text)] == [
        (EventType.REQUEST, ("elbonia",), ("ruritania",))
    ]


def test_events_dated_by_the_verb_that_governs_the_clause(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "On Monday, Alma Vask wrote a letter asking Freedonia to free the sailors.",
        EventType.REQUEST,
    )
    assert event.targets == ("freedonia",) and not event.provenance.hypothetical
    assert event.when is not None and str(event.when.earliest) == "2025-11-24"


def test_events_claim_about_ones_own_forces_accuses_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Lotus Unit": ("lotus", ORG), "Iron Brigade": ("iron", ORG)}
    doc, entities, article = annotated(
        "Ruritania claims that its Lotus Unit and Iron Brigade destroyed a depot.",
        names,
    )
    assert EventType.ACCUSE not in [
        e.type for e in events.extract(doc, entities, article)
    ]


def test_events_claimed_passive_accuses_the_agent_not_the_patient(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Elbonia claims that Red Harbour was shelled by Freedonia.",
        EventType.ACCUSE,
    )
    assert (event.actors, event.targets) == (("elbonia",), ("freedonia",))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania claims Freedonia shelled a hospital.",
        "Ruritania claims that Freedonia's officers trafficked drugs.",
        # a passive the dictionary codes no event of: its subject is the doer
        "Ruritania claims that Freedonian officers have long been involved in drug trafficking.",
    ],
)
def test_events_a_claim_accuses_the_doer_of_what_it_claims(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, EventType.ACCUSE)
    assert (event.actors, event.targets) == (("ruritania",), ("freedonia",))


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania claims that Alma Vask was killed in an airstrike.",
        "Ruritania claims that Alma Vask and Omar Tellen were killed in separate strikes.",
        "Ruritania claims that Alma Vask was arrested.",
    ],
)
def test_events_a_claim_accuses_no_one_it_says_was_attacked(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    assert EventType.ACCUSE not in [e.type for e in _events(annotated, text)]


def test_events_a_claim_by_a_body_named_for_its_state_about_that_state_accuses_no_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Russian Ministry of Defence claims that Russian forces have captured a village in Ukraine."
    extraction = pipeline.extract(Article(id="mod", text=text, published=date(2025, 11, 29)))
    assert [c for c in extraction.claims if isinstance(c, Event) and c.type is EventType.ACCUSE] == []


def test_events_attacks_one_failed_to_prevent_are_not_ones_own(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated,
        "Ruritania blamed Freedonia for its failure to prevent rebel attacks on Elbonia.",
    )
    assert [
        e for e in found if e.type is EventType.ASSAULT and e.actors == ("ruritania",)
    ] == []


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask postpones her visit to Freedonia.",
        "Ruritania suspends its trade agreement with Freedonia.",
        "Ruritania suspends the implementation of its accord with Freedonia.",
        "Ruritania rejected talks with Freedonia.",
    ],
)
def test_events_cancelled_meeting_or_accord_is_none(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert [
        e.type for e in found if e.type in (EventType.CONSULT, EventType.AGREE)
    ] == []


def test_events_joint_exercises_with_a_partner_mobilize_against_no_one(
    annotated,
) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "Ruritania began joint exercises with Freedonia on Monday."
    )
    assert [e.targets for e in found if e.type is EventType.MOBILIZE] in ([], [()])


def test_events_time_of_a_clause_inside_is_not_the_events(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Ruritania launched its first strike on Freedonia since the truce began on Monday.",
        EventType.ASSAULT,
    )
    assert event.when is None


def test_events_withdrawal_from_a_state_is_not_by_that_state(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(
        "Alma Vask rules out a withdrawal of Ruritanian troops from Freedonia.", names
    )
    found = events.extract(doc, entities, article)
    assert [(e.actors, e.targets) for e in found if e.type is EventType.RETREAT] == [
        (("ruritania",), ("freedonia",))
    ]


def test_events_a_states_own_leader_announcing_its_attack_threatens(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(
        "Ruritanian President Alma Vask says Ruritania will retaliate against Freedonia.",
        names,
    )
    found = events.extract(doc, entities, article)
    assert [(e.type, e.actors, e.targets) for e in found] == [
        (EventType.THREATEN, ("ruritania",), ("freedonia",))
    ]


def test_events_participle_after_a_condemnation_keeps_the_subject(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Alma Vask will denounce the vote to the Atlantic League, accusing Omar Tellen of fraud.",
        EventType.ACCUSE,
    )
    assert (event.actors, event.targets) == (("vask",), ("tellen",))


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Two people are killed in a Ruritanian drone strike on Red Harbour.", ("harbour",)),  # the place struck
        (
            "Two people are killed in a Ruritanian drone strike on Red Harbour, Freedonia.",
            ("freedonia",),
        ),
    ],
)
def test_events_strike_on_a_place_and_the_state_it_lies_in(
    annotated, text, targets
) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(text, names)
    found = [
        e for e in events.extract(doc, entities, article) if e.type is EventType.ASSAULT
    ]
    assert [(e.actors, e.targets, e.location) for e in found] == [
        (("ruritania",), targets, "harbour")
    ]


def test_events_subject_pronoun_continues_the_previous_subject(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Alma Vask met the family of Omar Tellen on Monday. She later urged Freedonia to act.",
        EventType.REQUEST,
    )
    assert (event.actors, event.targets) == (("vask",), ("freedonia",))


def test_events_claim_about_ones_own_state_accuses_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(
        "Ruritanian President Alma Vask met Omar Tellen. "
        "Vask claimed the Ruritanian drilling is lawful.",
        names,
    )
    found = events.extract(doc, entities, article)
    assert EventType.ACCUSE not in [e.type for e in found]


def test_events_plural_pronoun_does_not_continue_a_single_subject(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated,
        "Alma Vask joined the talks as an observer. They called on Freedonia to halt drilling.",
    )
    assert [
        e for e in found if e.type is EventType.REQUEST and e.actors == ("vask",)
    ] == []


def test_events_what_is_discussed_is_no_party(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Freedonian": ("freedonia", STATE)}
    doc, entities, article = annotated(
        "Alma Vask discusses a Freedonian proposal with her national security advisers.",
        names,
    )
    assert events.extract(doc, entities, article) == []


def test_events_warned_against_doing_is_the_warned_ones_act_not_done(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "Ruritania warns the Atlantic League against attacking Freedonia."
    )
    assault = [e for e in found if e.type is EventType.ASSAULT]
    assert [(e.actors, e.provenance.hypothetical) for e in assault] == [
        (("league",), True)
    ]


def test_events_talks_of_one_person_and_the_state_they_lead_are_with_no_one(
    annotated,
) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE), "president": ("vask", PERSON)}
    doc, entities, article = annotated(
        "The Ruritanian president's suggestion that the dispute be discussed at the summit was rejected.",
        names,
    )
    assert [
        e for e in events.extract(doc, entities, article) if e.type is EventType.CONSULT
    ] == []


def test_events_protest_against_strikes_leaves_them_real(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "Crowds protest against Ruritania's strikes on Freedonia."
    )
    assert [
        (e.actors, e.targets, e.provenance.hypothetical)
        for e in found
        if e.type is EventType.ASSAULT
    ] == [(("ruritania",), ("freedonia",), False)]


def test_events_gathering_of_two_leaders_is_a_meeting(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(
        annotated,
        "Alma Vask and Omar Tellen gathered in Red Harbour on Monday.",
        EventType.CONSULT,
    )
    assert (event.actors, event.targets) == (("vask",), ("tellen",))


def test_events_forces_of_two_named_states_exchange_fire(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {
        **NAMES,
        "Ruritanian": ("ruritania", STATE),
        "Freedonian": ("freedonia", STATE),
    }
    doc, entities, article = annotated(
        "Ruritanian and Freedonian forces exchange fire at the border.", names
    )
    found = events.extract(doc, entities, article)
    assert {(e.actors, e.targets) for e in found if e.type is EventType.ASSAULT} == {
        (("ruritania",), ("freedonia",)),
        (("freedonia",), ("ruritania",)),
    }


def test_events_calling_an_election_for_someone_requests_nothing(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Daily Courier": ("courier", ORG)}
    doc, entities, article = annotated(
        "The Daily Courier called the election for Alma Vask.", names
    )
    assert [
        e for e in events.extract(doc, entities, article) if e.type is EventType.REQUEST
    ] == []


def test_events_dismissing_an_official_rejects_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _events(annotated, "Alma Vask dismisses Omar Tellen and his cabinet.") == []


def test_events_ordered_attack_is_a_threat_ordered_deployment_a_deployment(
    annotated,
) -> None:  # type: ignore[no-untyped-def]
    names = {
        **NAMES,
        "Freedonian": ("freedonia", STATE),
        "troops": ("troops", EntityType.MILITARY_ASSET, None, False),
    }
    doc, entities, article = annotated(
        "Alma Vask orders the navy to open fire on Freedonian boats. Vask ordered the deployment of troops.",
        names,
    )
    found = events.extract(doc, entities, article)
    assert [(e.type, e.provenance.hypothetical) for e in found] == [
        (EventType.THREATEN, False),
        (EventType.MOBILIZE, False),
    ]


def test_events_warning_ones_citizens_to_leave_is_no_threat(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated, "Ruritania warns its citizens to leave Freedonia immediately."
    )
    assert EventType.THREATEN not in [e.type for e in found]


def test_events_a_force_striking_in_its_own_state_does_not_attack_it(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {
        **NAMES,
        "Ruritanian Army": ("army", ORG),
        "Ruritanian": ("ruritania", STATE),
    }
    doc, entities, article = annotated(
        "Two people are killed in a Ruritanian Army drone strike on Red Harbour, Ruritania.",
        names,
    )
    found = [
        e for e in events.extract(doc, entities, article) if e.type is EventType.ASSAULT
    ]
    assert all("ruritania" not in e.targets for e in found)


def test_events_coordinated_verb_shares_the_attempt(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(
        "Freedonia attempted to stop and seize a Ruritanian tanker.", names
    )
    found = events.extract(doc, entities, article)
    assert found and all(
        e.type is not EventType.COERCE or e.provenance.hypothetical for e in found
    )


def test_events_support_against_someone_does_not_support_them(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(
        annotated,
        "Ruritania started supporting Omar Tellen against the Northern Front.",
    )
    assert {(e.type, e.targets) for e in found if e.type is EventType.SUPPORT} == {
        (EventType.SUPPORT, ("tellen",))
    }


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Ruritania apologized for its strikes on Freedonia.", ("freedonia",)),
        ("Alma Vask apologized on Monday for the remarks.", ()),
    ],
)
def test_events_an_apology_concedes_with_or_without_an_addressee(
    annotated, text, targets
) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, EventType.CONCEDE)
    assert event.targets == targets and event.mode == "apology"


def test_events_a_first_person_speaker_that_leads_back_to_itself_ends(annotated) -> None:  # type: ignore[no-untyped-def]
    """"My plea is telling voters that I ...": the speaker of "My" is looked for through the
    subject of "telling", which is "My plea" again; the search stops instead of recursing."""
    doc, entities, article = annotated(
        "Candidate Ana Ruiz spoke in Quito. My final plea is telling voters that I remind Ecuador about the dangers.",
        {"Ana Ruiz": ("ruiz", EntityType.PERSON), "Quito": ("quito", EntityType.LOCATION), "Ecuador": ("ecuador", EntityType.STATE)},
    )
    assert isinstance(list(events.extract(doc, entities, article)), list)


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Freedonia characterized the shelling by Ruritania as a violation of the truce.", ("ruritania",)),
        ("Freedonia described Ruritania's raid as a war crime.", ("ruritania",)),
        ("Freedonia branded Ruritania as a terrorist regime.", ("ruritania",)),
    ],
)
def test_events_calling_an_act_a_crime_accuses_its_author(annotated, text, targets) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, EventType.ACCUSE)
    assert (event.actors, event.targets) == (("freedonia",), targets)


def test_events_describing_talks_as_useful_accuses_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Freedonia described the talks with Ruritania as useful.")
    assert not [event for event in found if event.type is EventType.ACCUSE]


TAGS = {"DET": "DT", "PROPN": "NNP", "NOUN": "NNS", "VERB": "VBZ", "NUM": "CD", "CCONJ": "CC", "ADP": "IN", "PUNCT": ".", "PRON": "WDT"}


def _misparsed(annotated, english_model, parse: list[tuple[str, str, int, str]]):  # type: ignore[no-untyped-def]
    """A Doc with the given (word, pos, head, dep) parse, for the tagger's mistakes the model
    makes on some sentences but not reliably on a short test sentence; entities as `annotated`."""
    from spacy.tokens import Doc

    words = [word for word, *_ in parse]
    spaces = [following != "." for following in words[1:]] + [False]
    doc = Doc(
        english_model.vocab,
        words=words,
        spaces=spaces,
        pos=[pos for _, pos, _, _ in parse],
        tags=[TAGS[pos] for _, pos, _, _ in parse],
        heads=[head for *_, head, _ in parse],
        deps=[dep for *_, dep in parse],
        lemmas=[word.lower().removesuffix("s") if pos in ("VERB", "NOUN") else word.lower() for word, pos, _, _ in parse],
    )
    _, entities, article = annotated(doc.text, NAMES)
    return events.extract(doc, entities, article)


def test_events_a_verb_misread_as_a_noun_in_a_sentence_without_verbs(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    """'The Northern Front bombs two Freedonia depots.' parsed as one noun phrase."""
    parse = [
        ("The", "DET", 2, "det"),
        ("Northern", "PROPN", 2, "compound"),
        ("Front", "PROPN", 3, "compound"),
        ("bombs", "NOUN", 3, "ROOT"),
        ("two", "NUM", 6, "nummod"),
        ("Freedonia", "PROPN", 6, "compound"),
        ("depots", "NOUN", 3, "appos"),
        (".", "PUNCT", 3, "punct"),
    ]
    found = [e for e in _misparsed(annotated, english_model, parse) if e.type is EventType.ASSAULT]
    assert [(e.actors, e.targets) for e in found] == [(("front",), ("freedonia",))]


def test_events_a_noun_with_an_object_is_a_verb(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    """'Ruritania recalls two diplomats and summons the Freedonia envoy.': "summons" a noun
    joined to "diplomats", yet taking "envoy" as its object."""
    parse = [
        ("Ruritania", "PROPN", 1, "nsubj"),
        ("recalls", "VERB", 1, "ROOT"),
        ("two", "NUM", 3, "nummod"),
        ("diplomats", "NOUN", 1, "dobj"),
        ("and", "CCONJ", 3, "cc"),
        ("summons", "NOUN", 3, "conj"),
        ("the", "DET", 8, "det"),
        ("Freedonia", "PROPN", 8, "compound"),
        ("envoy", "NOUN", 5, "dobj"),
        (".", "PUNCT", 1, "punct"),
    ]
    event = next(e for e in _misparsed(annotated, english_model, parse) if e.type is EventType.ACCUSE)
    assert (event.actors, event.targets, event.mode) == (("ruritania",), ("freedonia",), "summons")


def test_events_a_noun_beside_a_verb_stays_a_noun(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    """'The Ruritania bombs exploded near Freedonia.': the sentence has its verb."""
    parse = [
        ("The", "DET", 2, "det"),
        ("Ruritania", "PROPN", 2, "compound"),
        ("bombs", "NOUN", 3, "nsubj"),
        ("exploded", "VERB", 3, "ROOT"),
        ("near", "ADP", 3, "prep"),
        ("Freedonia", "PROPN", 4, "pobj"),
        (".", "PUNCT", 3, "punct"),
    ]
    assert not [e for e in _misparsed(annotated, english_model, parse) if e.type is EventType.ASSAULT]


def test_events_a_name_compounded_to_a_verb_is_its_subject(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    """'Ruritania expels the Freedonia envoy.' with the subject tagged as a compound."""
    parse = [
        ("Ruritania", "PROPN", 1, "compound"),
        ("expels", "VERB", 1, "ROOT"),
        ("the", "DET", 4, "det"),
        ("Freedonia", "PROPN", 4, "compound"),
        ("envoy", "NOUN", 1, "dobj"),
        (".", "PUNCT", 1, "punct"),
    ]
    event = next(e for e in _misparsed(annotated, english_model, parse) if e.type is EventType.SANCTION)
    assert (event.actors, event.targets) == (("ruritania",), ("freedonia",))


@pytest.mark.parametrize(
    "text",
    [
        "The Atlantic League recommended that Ruritania withdraw its troops from Freedonia.",
        "The Atlantic League advised Ruritania to withdraw from Freedonia.",
    ],
)
def test_events_advising_a_withdrawal_requests_it_and_nothing_is_withdrawn(annotated, text) -> None:  # type: ignore[no-untyped-def]
    request = _one(annotated, text, EventType.REQUEST)
    assert (request.actors, request.targets) == (("league",), ("ruritania",))
    assert not [e for e in _events(annotated, text) if e.type is EventType.RETREAT]


def test_events_encouraged_talks_are_not_held(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _events(annotated, "Alma Vask encouraged Ruritania to negotiate with Freedonia.")
                if e.type is EventType.CONSULT]  # fmt: skip


@pytest.mark.parametrize("verb", ["revealed", "affirmed", "stressed"])
def test_events_a_revealed_attack_is_the_revealers_claim(annotated, verb) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, f"Omar Tellen {verb} that Ruritania had shelled Freedonia.", EventType.ASSAULT)
    assert (event.actors, event.targets, event.provenance.claimed_by) == (("ruritania",), ("freedonia",), "tellen")


def test_events_a_misread_verb_heading_a_sentence_with_a_clause(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    """'Alma Vask apologizes for the raid that Ruritania ordered.': the noun "apologizes" heads
    the sentence, the name before it tagged as its modifier; the clause has a verb of its own."""
    parse = [
        ("Alma", "PROPN", 1, "compound"),
        ("Vask", "PROPN", 2, "amod"),
        ("apologizes", "NOUN", 2, "ROOT"),
        ("for", "ADP", 2, "prep"),
        ("the", "DET", 5, "det"),
        ("raid", "NOUN", 3, "pobj"),
        ("that", "PRON", 8, "dobj"),
        ("Ruritania", "PROPN", 8, "nsubj"),
        ("ordered", "VERB", 5, "relcl"),
        (".", "PUNCT", 2, "punct"),
    ]
    found = [e for e in _misparsed(annotated, english_model, parse) if e.type is EventType.CONCEDE]
    assert [(e.actors, e.targets, e.mode) for e in found] == [(("vask",), (), "apology")]


def test_events_an_apology_needs_no_addressee_to_be_complete(annotated) -> None:  # type: ignore[no-untyped-def]
    to_someone = _one(annotated, "Alma Vask apologized to Freedonia.", EventType.CONCEDE)
    to_no_one = _one(annotated, "Alma Vask apologized.", EventType.CONCEDE)
    assert to_no_one.provenance.confidence == to_someone.provenance.confidence


def test_events_unnamed_forces_in_the_articles_own_word_act_for_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in _events(annotated, "The army attacked Freedonia.") if e.type is EventType.ASSAULT]


def test_events_a_wave_of_strikes_against_targets_what_the_wave_is_against(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, "Ruritania launched a wave of airstrikes against Freedonia.", EventType.ASSAULT)
    assert (event.actors, event.targets) == (("ruritania",), ("freedonia",))


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Freedonia vowed revenge against Ruritania.", EventType.THREATEN),
        ("Freedonia promised retaliation against Ruritania.", EventType.THREATEN),
        ("Freedonia took revenge on Ruritania.", EventType.ASSAULT),
    ],
)
def test_events_revenge_promised_threatens_and_taken_assaults(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, event_type)
    assert (event.actors, event.targets) == (("freedonia",), ("ruritania",))


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia declares the Ruritanian ambassador persona non grata.",
        "Freedonia declared two diplomats of Ruritania personae non gratae.",
    ],
)
def test_events_declaring_a_diplomat_persona_non_grata_sanctions_their_state(annotated, text) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated(text, names)
    [event] = [e for e in events.extract(doc, entities, article) if e.type is EventType.SANCTION]
    assert (event.actors, event.targets, event.mode) == (("freedonia",), ("ruritania",), "persona non grata")


def test_events_declaring_an_emergency_sanctions_no_one(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not _events(annotated, "Freedonia declared a state of emergency in Ruritania.")


@pytest.mark.parametrize(
    ("subject", "verb_pos", "verb_dep"),
    [
        # 'Northern Front' the subject of "fire", "fire" a modifier of "rockets".
        (("Front", "PROPN", 3, "nsubj"), "VERB", "compound"),
    ],
)
def test_events_a_verb_made_a_modifier_of_its_object(annotated, english_model, subject, verb_pos, verb_dep) -> None:  # type: ignore[no-untyped-def]
    parse = [
        ("The", "DET", 2, "det"),
        ("Northern", "PROPN", 2, "compound"),
        subject,
        ("fire", verb_pos, 4, verb_dep),
        ("rockets", "NOUN", 4, "ROOT"),
        ("at", "ADP", 4, "prep"),
        ("Freedonia", "PROPN", 5, "pobj"),
        (".", "PUNCT", 4, "punct"),
    ]
    found = [e for e in _misparsed(annotated, english_model, parse) if e.type is EventType.ASSAULT]
    assert [(e.actors, e.targets) for e in found] == [(("front",), ("freedonia",))]


def test_events_rockets_fired_at_a_target_after_a_conjunction(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, "Ruritania fires 400 drones and a dozen missiles at Freedonia.", EventType.ASSAULT)
    assert (event.actors, event.targets) == (("ruritania",), ("freedonia",))


@pytest.mark.parametrize(
    "text",
    [
        "The raids by Ruritania were condemned by Freedonia.",
        "Freedonia condemned the shelling of the harbour by Ruritania.",
    ],
)
def test_events_condemning_acts_by_a_party_accuses_that_party(annotated, text) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, EventType.ACCUSE)
    assert (event.actors, event.targets) == (("freedonia",), ("ruritania",))


def test_events_rockets_fired_at_a_place_are_an_attack_on_it_there(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, "Ruritania fired rockets at Red Harbour overnight.", EventType.ASSAULT)
    assert (event.actors, event.targets, event.location) == (("ruritania",), ("harbour",), "harbour")


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania clashed with Freedonia near the border.",
        "Ruritania skirmished with Freedonia on Monday.",
        "Clashes between Ruritania and Freedonia erupted near the border.",
    ],
)
def test_events_a_clash_is_an_assault_in_both_directions(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    found = {(e.actors, e.targets) for e in _events(annotated, text) if e.type is EventType.ASSAULT}
    assert found == {(("ruritania",), ("freedonia",)), (("freedonia",), ("ruritania",))}


def test_events_an_attack_is_one_directed_event(annotated) -> None:  # type: ignore[no-untyped-def]
    found = [(e.actors, e.targets) for e in _events(annotated, "Ruritania attacked Freedonia.") if e.type is EventType.ASSAULT]
    assert found == [(("ruritania",), ("freedonia",))]


@pytest.mark.parametrize(
    "text",
    ["Ruritania denied attacking Freedonia.", "Ruritania denies having struck Freedonia on Monday."],
)
def test_events_a_denied_attack_is_stored_negated(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, text, EventType.ASSAULT)
    assert (event.actors, event.targets) == (("ruritania",), ("freedonia",))
    assert event.provenance.negated and event.provenance.confidence < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Four people are killed in a Ruritanian airstrike on Red Harbour, Sea District, Freedonia.",
        "A Ruritanian drone strikes a car in Red Harbour, Sea District, Freedonia.",
        "Ruritania launched attacks on the Red Harbour and Sea District oblasts of Freedonia.",
    ],
)
def test_events_a_state_striking_a_place_strikes_the_state_the_place_lies_in(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE), "Sea District": ("sea_district", EntityType.LOCATION)}
    doc, entities, article = annotated(text, names)
    found = [(e.actors, e.targets) for e in events.extract(doc, entities, article) if e.type is EventType.ASSAULT]
    assert found == [(("ruritania",), ("freedonia",))]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # the bar's place is struck, its state is not
        ("Gunmen from the Tellen Brigade attack a bar in Red Harbour, Freedonia.", [("harbour",)]),
        ("Freedonian forces shelled Red Harbour, Freedonia.", []),
    ],
)
def test_events_a_place_makes_no_target_of_its_state_for_a_force_of_no_other_state(annotated, text: str, targets) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Freedonian": ("freedonia", STATE), "Tellen Brigade": ("brigade", EntityType.ORGANIZATION)}
    doc, entities, article = annotated(text, names)
    assert [e.targets for e in events.extract(doc, entities, article) if e.type is EventType.ASSAULT and e.targets] == targets


@pytest.mark.parametrize(
    "text",
    [
        "Elbonia says Ruritania attacked Freedonia. Ruritania denies the claim.",
        "Elbonia said on Monday that Ruritania had struck Freedonia. Ruritania rejected the reports.",
        "Elbonia announces that Ruritania has attacked Freedonia. Ruritania denies the statement.",
        "Elbonia said in a statement that Ruritania attacked Freedonia. Ruritania dismissed that statement.",
        "Elbonia claims that Ruritania struck Freedonia. Ruritania rejects the assertion.",
    ],
)
def test_events_a_denied_claim_is_stored_again_negated_and_claimed_by_the_denier(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assaults = {(e.actors, e.targets, e.provenance.claimed_by, e.provenance.negated) for e in found if e.type is EventType.ASSAULT}
    assert assaults == {
        (("ruritania",), ("freedonia",), "elbonia", False),
        (("ruritania",), ("freedonia",), "ruritania", True),
    }
    [rejection] = [e for e in found if e.type is EventType.REJECT]
    assert (rejection.actors, rejection.targets, rejection.provenance.negated) == (("ruritania",), ("elbonia",), False)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania attacked Freedonia. Freedonia denies the claim.",  # the article's own word, no one's claim
        "Elbonia says Ruritania attacked Freedonia. Elbonia denies the claim.",  # one's own claim
        "Elbonia says Ruritania attacked Freedonia. Ruritania denies a claim of fraud.",  # another claim
        "Ruritania attacked Freedonia. Freedonia denies the statement.",  # no one's claim
        "Elbonia says Ruritania attacked Freedonia. Ruritania welcomed the statement.",  # no denial
        "Elbonia says Ruritania attacked Freedonia. Ruritania denies a statement on trade.",  # another statement
        "Elbonia says Ruritania attacked Freedonia. Ruritania issued a statement.",
    ],
)
def test_events_a_denial_contests_only_an_earlier_claim_of_someone_else(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    """No event is negated and no one is the target of the denial; a denial of a claim by a named
    party is still its rejection of no one named ("Freedonia denies the claim")."""
    found = _events(annotated, text)
    assert not [e for e in found if e.provenance.negated or (e.type is EventType.REJECT and e.targets)]


def test_events_an_attack_on_part_of_a_place_is_placed_there(annotated) -> None:  # type: ignore[no-untyped-def]
    event = _one(annotated, "Ruritania attacks the outskirts of Red Harbour.", EventType.ASSAULT)
    assert (event.actors, event.targets, event.location) == (("ruritania",), (), "harbour")


def test_events_a_strike_on_a_vehicle_targeting_a_party_targets_the_party(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Ruritanian": ("ruritania", STATE), "Tellen Brigade": ("brigade", EntityType.ORGANIZATION)}
    doc, entities, article = annotated("Four people are killed in a Ruritanian drone strike on a car targeting Tellen Brigade fighters.", names)
    found = [(e.actors, e.targets) for e in events.extract(doc, entities, article) if e.type is EventType.ASSAULT]
    assert found == [(("ruritania",), ("brigade",))]


def test_events_parties_that_clashed_each_attacked_the_other(annotated) -> None:  # type: ignore[no-untyped-def]
    found = {(e.actors, e.targets) for e in _events(annotated, "Ruritania and Freedonia clashed on the border.") if e.type is EventType.ASSAULT}
    assert found == {(("ruritania",), ("freedonia",)), (("freedonia",), ("ruritania",))}


def test_events_parties_fighting_something_together_fight_not_each_other(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania and Freedonia fight corruption.")
    assert not [e for e in found if e.type is EventType.ASSAULT]


def test_events_every_type_has_the_trigger_a_coded_verb_takes() -> None:
    from kg.extract.lexicon import load_lexicons

    assert set(load_lexicons().events.coded) == {event_type.value for event_type in EventType}


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Ruritanian troops, with military assistance from Freedonia, recaptured Red Harbour.", ("freedonia",), ("ruritania",)),
        ("Ruritania launched an offensive against the Northern Front with the help of Freedonian troops.", ("freedonia",), ("ruritania",)),
        ("Ruritanian forces, with air support from Freedonia, attacked the Northern Front.", ("freedonia",), ("ruritania",)),
        ("Ruritania raided a camp and killed a commander with the assistance of Freedonian forces.", ("freedonia",), ("ruritania",)),
    ],
)
def test_events_the_helper_of_a_with_phrase_aids_the_doer(annotated, text, actors, targets) -> None:  # type: ignore[no-untyped-def]
    # PLOVER AID: military assistance including personnel; the helper named after "with military
    # assistance / air support from" or "with the help of X's troops" aids the one who acts.
    aid = _one(annotated, text, EventType.AID)
    assert (aid.actors, aid.targets) == (actors, targets), text
    assert not aid.provenance.negated and not aid.provenance.hypothetical, text


@pytest.mark.parametrize(
    "text",
    [
        # A support with no military word may be verbal (PLOVER SUPPORT), a backing political.
        "Ruritania, with the support of Freedonia, passed the resolution.",
        "Alma Vask formed a government with the backing of the Northern Front.",
        # Help with no military word nor force: mediation or verbal support, no AID.
        "Ruritania and the Northern Front reached a ceasefire with the help of Freedonia.",
        "Alma Vask brokered the agreement with the assistance of Freedonia.",
        # Assistance given to the actor by no one named, or named after "to": no helper read.
        "Ruritania recaptured Red Harbour with assistance.",
        "Ruritania sent assistance to Freedonia.",
    ],
)
def test_events_no_aid_from_a_political_support_or_no_helper(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _events(annotated, text) if event.type is EventType.AID and event.provenance.confidence >= 0.5]
    assert not [event for event in found if "freedonia" in event.actors or "front" in event.actors], (text, found)
