"""Attribution and modality of claim triggers, on sentences written for the test."""

import pytest

from kg.extract.arguments import EntityIndex
from kg.extract.lexicon import load_lexicons
from kg.extract.modality import assess
from kg.records import EntityType
from fictional_names import FICTIONAL_NAMES as NAMES


def _assess(annotated, text: str, trigger: str):  # type: ignore[no-untyped-def]
    doc, entities, _ = annotated(text, NAMES)
    token = next(t for t in doc if t.text == trigger)
    return assess(token, EntityIndex(doc, entities), load_lexicons().cues)


def test_modality_plain_statement_is_asserted(annotated) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(annotated, "Ruritania attacked Freedonia on Monday.", "attacked")
    assert (modality.negated, modality.hypothetical, modality.claimed_by) == (
        False,
        False,
        None,
    )


def test_modality_negation_by_not_and_never(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _assess(annotated, "Ruritania did not attack Freedonia.", "attack").negated
    assert _assess(annotated, "Ruritania never attacked Freedonia.", "attacked").negated


def test_modality_without_phrase_of_the_trigger_does_not_negate_it(annotated) -> None:  # type: ignore[no-untyped-def]
    # "without" negates what it governs ("without meeting"), not the act it qualifies.
    assert not _assess(annotated, "Ruritania attacked Freedonia without warning.", "attacked").negated
    assert not _assess(annotated, "Ruritania held talks with Freedonia without preconditions.", "talks").negated
    assert _assess(annotated, "Ruritania left without meeting Freedonia.", "meeting").negated


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania banned Freedonian officials from attending the summit.", "attending"),
        ("A judge blocked Ruritania from deploying troops to Freedonia.", "deploying"),
        ("Freedonia barred Alma Vask from entering the country.", "entering"),
        ("Ruritania refrained from attacking Freedonia.", "attacking"),
        ("Ruritania blocked Alma Vask and 80 other officials from attending the summit.", "attending"),
    ],
)
def test_modality_an_act_someone_is_kept_from_is_negated(annotated, text, trigger) -> None:  # type: ignore[no-untyped-def]
    assert _assess(annotated, text, trigger).negated, text


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania returned from attacking Freedonia.", "attacking"),
        ("Alma Vask came back from visiting Freedonia.", "visiting"),
        ("Ruritania banned imports after attacking Freedonia.", "attacking"),
    ],
)
def test_modality_an_act_come_from_is_not_negated(annotated, text, trigger) -> None:  # type: ignore[no-untyped-def]
    assert not _assess(annotated, text, trigger).negated, text


def test_modality_negation_by_denial_and_refusal(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _assess(
        annotated, "Ruritania denied attacking Freedonia.", "attacking"
    ).negated
    assert _assess(annotated, "Ruritania refused to meet Freedonia.", "meet").negated


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania's refusal to negotiate with Freedonia angered Alma Vask.", "negotiate"),
        ("Alma Vask criticised the failure to reach a deal with Freedonia.", "reach"),
        ("Ruritania's reluctance to send troops to Freedonia persisted.", "send"),
        ("Alma Vask regretted Ruritania's unwillingness to meet Freedonia.", "meet"),
    ],
)
def test_modality_the_noun_of_a_refusal_negates_its_infinitive(annotated, text, trigger) -> None:  # type: ignore[no-untyped-def]
    assert _assess(annotated, text, trigger).negated, text


def test_modality_a_refusal_negates_only_its_own_infinitive(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "After Ruritania's refusal to pay, Freedonia attacked Ruritania."
    assert _assess(annotated, text, "pay").negated
    assert not _assess(annotated, text, "attacked").negated


@pytest.mark.parametrize(
    ("text", "trigger", "negated", "hypothetical"),
    [
        ("Ruritania is ready to strike Freedonia.", "strike", False, True),
        ("Alma Vask said Ruritania is willing to hold talks with Freedonia.", "talks", False, True),
        ("Ruritania is prepared to send troops to Freedonia.", "send", False, True),
        ("Ruritania is poised to sign a deal with Freedonia.", "sign", False, True),
        ("Ruritania is likely to attack Freedonia.", "attack", False, True),
        ("Ruritania is unwilling to negotiate with Freedonia.", "negotiate", True, False),
        ("The troops were ready when Ruritania attacked Freedonia.", "attacked", False, False),
    ],
)
def test_modality_readiness_is_not_the_act(annotated, text, trigger, negated, hypothetical) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(annotated, text, trigger)
    assert (modality.negated, modality.hypothetical) == (negated, hypothetical), text


def test_modality_hypothetical_by_modal_and_plan(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _assess(annotated, "Ruritania may attack Freedonia.", "attack").hypothetical
    assert _assess(
        annotated, "Ruritania will meet Freedonia next week.", "meet"
    ).hypothetical
    assert _assess(
        annotated, "Ruritania plans to visit Freedonia.", "visit"
    ).hypothetical
    assert _assess(
        annotated, "Ruritania threatened to attack Freedonia.", "attack"
    ).hypothetical


def test_modality_participle_of_a_plan_is_planned_of_an_order_is_done(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _assess(annotated, "Ruritania developed plans targeting Freedonia.", "targeting").hypothetical
    assert _assess(annotated, "Ruritania drew up a plan attacking Freedonia.", "attacking").hypothetical
    assert not _assess(annotated, "Ruritania signed an order sanctioning Freedonia.", "sanctioning").hypothetical


def test_modality_hypothetical_by_possible_and_if(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _assess(
        annotated, "Officials discussed a possible meeting with Freedonia.", "meeting"
    ).hypothetical
    assert _assess(
        annotated,
        "If Ruritania attacks Freedonia, the alliance will respond.",
        "attacks",
    ).hypothetical


def test_modality_attribution_said_and_according_to(annotated) -> None:  # type: ignore[no-untyped-def]
    said = _assess(
        annotated, "Alma Vask said that Ruritania attacked Freedonia.", "attacked"
    )
    assert said.claimed_by == "vask" and not said.negated
    according = _assess(
        annotated,
        "According to Freedonia, Ruritania attacked a border post.",
        "attacked",
    )
    assert according.claimed_by == "freedonia"


def test_modality_claims_are_attributed(annotated) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(
        annotated, "Ruritania claims that Freedonia attacked its ships.", "attacked"
    )
    assert modality.claimed_by == "ruritania"


def test_modality_auxiliary_shared_by_coordinated_verbs(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _assess(
        annotated, "Ruritania will isolate and punish Freedonia.", "punish"
    ).hypothetical


def test_modality_no_plans_negates(annotated) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(
        annotated, "Ruritania has no plans to attack Freedonia.", "attack"
    )
    assert modality.negated and modality.hypothetical


def test_modality_rejecting_an_event_opposes_it_rejecting_reports_denies_it(
    annotated,
) -> None:  # type: ignore[no-untyped-def]
    opposed = _assess(
        annotated,
        "Freedonia rejects the Ruritanian deployment of warships.",
        "deployment",
    )
    denied = _assess(
        annotated, "Ruritania rejected reports that it attacked Freedonia.", "attacked"
    )
    assert (opposed.negated, denied.negated) == (False, True)


def test_modality_finite_verb_coordinated_with_an_infinitive_is_not_governed(
    annotated,
) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(
        annotated,
        "Alma Vask urged Ruritania to reconsider and spoke with Freedonia.",
        "spoke",
    )
    assert modality.hypothetical is False


@pytest.mark.parametrize(
    ("text", "negated", "hypothetical"),
    [
        ("Ruritania will not have a role in the talks with Freedonia.", True, True),
        ("Ruritania has no role in the negotiations with Freedonia.", True, False),
        ("Ruritania played no part in the talks between Freedonia and Elbonia.", True, False),
        ("Ruritania will have a role in the talks with Freedonia.", False, True),
    ],
)
def test_modality_a_share_in_talks_denied_or_to_come_is_the_talks(
    annotated, text, negated, hypothetical
) -> None:  # type: ignore[no-untyped-def]
    # "a role / part in the talks": the talks are negated or to come with the share in them.
    modality = _assess(annotated, text, "talks" if "talks" in text else "negotiations")
    assert (modality.negated, modality.hypothetical) == (negated, hypothetical), text


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania played a role in the talks with Freedonia.",
        "Ruritania held talks with Freedonia, in which no role was given to Elbonia.",
        "Ruritania did not comment on its role in the talks with Freedonia.",
    ],
)
def test_modality_a_share_had_or_another_clause_negated_leaves_the_talks(annotated, text) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(annotated, text, "talks")
    assert (modality.negated, modality.hypothetical) == (False, False), text


# A purpose infinitive (an adverbial "to" clause, reached from the trigger through infinitives
# only) shares the modal and negation of the verb it is the purpose of: "will send advisers to
# help train X" tells a training to come, as the sending is (blind33 W2).
@pytest.mark.parametrize(
    ("text", "trigger", "negated", "hypothetical"),
    [
        ("Ruritania will send advisers to Freedonia to train its army.", "train", False, True),
        ("Ruritania will send advisers to Freedonia to help train its army.", "train", False, True),
        ("Ruritania may send envoys to Elbonia to hold talks with Freedonia.", "talks", False, True),
        ("Ruritania did not send advisers to Freedonia to help train its army.", "train", True, False),
    ],
)
def test_modality_a_purpose_infinitive_shares_its_verbs_modal(annotated, text, trigger, negated, hypothetical) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(annotated, text, trigger)
    assert (modality.negated, modality.hypothetical) == (negated, hypothetical), modality


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the verb stated: so is its purpose's reading
        ("Ruritania sent advisers to Freedonia to help train its army.", "train"),
        ("Ruritania sent envoys to Elbonia to hold talks with Freedonia.", "talks"),
        # a finite clause inside the purpose has its own tense
        ("Ruritania will hold a meeting to announce that Freedonia attacked Elbonia.", "attacked"),
    ],
)
def test_modality_a_purpose_infinitive_of_a_stated_verb_or_a_finite_clause_in_it_stays(annotated, text, trigger) -> None:  # type: ignore[no-untyped-def]
    modality = _assess(annotated, text, trigger)
    assert (modality.negated, modality.hypothetical) == (False, False), modality


# A demonym before the speaker's noun: the state speaks only through the noun of one of its organs.
SPEAKER_NAMES = {
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonia": ("freedonia", EntityType.STATE),
    "Morning Courier": ("morning_courier", EntityType.ORGANIZATION),
}


def _claimed_by(annotated, text: str, trigger: str) -> str | None:  # type: ignore[no-untyped-def]
    doc, entities, _ = annotated(text, SPEAKER_NAMES)
    token = next(t for t in doc if t.text == trigger)
    return assess(token, EntityIndex(doc, entities), load_lexicons().cues).claimed_by


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A Ruritanian war monitor said that Freedonia bombed the port.", "bombed"),
        ("A Ruritanian monitoring group says that soldiers shelled a market in Freedonia.", "shelled"),
        ("Ruritanian journalists said that Freedonia bombed the port.", "bombed"),
        ("A Ruritanian opposition leader said that Freedonia bombed the port.", "bombed"),
        ("Ruritanian media reported that Freedonia bombed the port.", "bombed"),
        ("A Ruritanian NGO monitor said that Freedonia bombed the port.", "bombed"),
    ],
)
def test_modality_demonym_of_a_speaker_of_no_state_organ_is_no_claimant(annotated, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert _claimed_by(annotated, text, trigger) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian newspaper Morning Courier reported that Freedonia bombed the port.",
        "The Ruritanian Morning Courier newspaper reported that Freedonia bombed the port.",
        "Ruritanian daily Morning Courier reported that Freedonia bombed the port.",
    ],
)
def test_modality_named_speaker_qualified_by_a_demonym_is_the_claimant(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claimed_by(annotated, text, "bombed") == "morning_courier"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritanian officials said that Freedonia bombed the port.", "bombed"),
        ("The Ruritanian military says that Freedonia shelled a border post.", "shelled"),
        ("The Ruritanian president said that Freedonia bombed the port.", "bombed"),
        ("A Ruritanian army spokesman said that Freedonia bombed the port.", "bombed"),
        ("Ruritanian state media reported that Freedonia bombed the port.", "bombed"),
        ("Ruritanian police said that Freedonia bombed the port.", "bombed"),
        ("Ruritanian security sources said that Freedonia bombed the port.", "bombed"),
        ("A Ruritanian government source said that Freedonia bombed the port.", "bombed"),
        ("The Ruritanian military command said that Freedonia bombed the port.", "bombed"),
        ("Ruritanian state television reported that Freedonia bombed the port.", "bombed"),
    ],
)
def test_modality_demonym_of_a_state_organ_speaker_is_the_claimant(annotated, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert _claimed_by(annotated, text, trigger) == "ruritania"


@pytest.mark.parametrize(
    ("text", "trigger", "negated", "hypothetical"),
    [
        ("Markets rallied amid a possible round of talks between Ruritania and Freedonia.", "talks", False, True),
        ("Traders waited ahead of a potential second round of talks in Freedonia.", "talks", False, True),
        ("Ruritania and Freedonia will hold a second round of talks next week.", "talks", False, True),
        ("Ruritania may launch a new wave of strikes on Freedonia.", "strikes", False, True),
        ("No round of talks between Ruritania and Freedonia was held.", "talks", True, False),
    ],
)
def test_modality_said_on_the_quantity_noun_of_an_event(annotated, text, trigger, negated, hypothetical) -> None:  # type: ignore[no-untyped-def]
    # A noun that counts the events of its "of" phrase ("a round of talks") stands in for them:
    # what is said on it, and on its light verb, is said of the event.
    modality = _assess(annotated, text, trigger)
    assert (modality.negated, modality.hypothetical) == (negated, hypothetical), text


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ruritania and Freedonia held a second round of talks in Tarsk.", "talks"),
        ("Ruritania launched a new wave of strikes on Freedonia.", "strikes"),
        ("Freedonia condemned the possible violation of the truce by Ruritania.", "truce"),
        ("Ruritania released a potential list of targets in Freedonia.", "targets"),
    ],
)
def test_modality_quantity_noun_stated_or_other_noun_keeps_the_event(annotated, text, trigger) -> None:  # type: ignore[no-untyped-def]
    # A round held or a wave launched is stated; a hedge on a noun that is not a count of the
    # events ("violation", "list") says nothing of them.
    modality = _assess(annotated, text, trigger)
    assert not modality.negated and not modality.hypothetical, text


@pytest.mark.parametrize(
    "text",
    [
        # The parser hangs the gerund after "rules out" as an adverbial clause, not a complement.
        "Ruritania rules out sending warships to lift the blockade.",
        "Freedonia ruled out sending warships to lift the blockade of the Strait of Hormuz.",
        "Ruritania rules out sending warships to lift the blockade of the Strait of Hormuz.",
    ],
)
def test_modality_a_gerund_ruled_out_is_negated_as_an_adverbial_clause(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, _, _ = annotated(text, NAMES)
    sending = next(t for t in doc if t.text == "sending")
    assert sending.dep_ == "advcl", [(t.text, t.dep_) for t in doc]  # the parse this test is about
    assert _assess(annotated, text, "sending").negated, text


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania rules out talks, sending troops to Freedonia.",  # a participle clause set off by a comma
        "Ruritania sends warships, hoping to lift the blockade of Freedonia.",
    ],
)
def test_modality_a_participle_clause_beside_a_ruled_out_object_is_not_negated(annotated, text) -> None:  # type: ignore[no-untyped-def]
    trigger = "sending" if "sending" in text else "hoping"
    assert not _assess(annotated, text, trigger).negated, text
