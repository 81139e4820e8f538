"""The CAMEO verb coder: the lookup by lemma, its patterns on the parse, and the constructions
the events extractor reads through it (constructed sentences)."""

import json
from pathlib import Path

import pytest

from kg.extract import events
from kg.errors import DataFileError
from kg.extract.coder import load_verb_dictionary, synset_words, verb_dictionary
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES as NAMES

STATE = EntityType.STATE


def _write(folder: Path, name: str, rows: list[dict]) -> None:  # type: ignore[type-arg]
    (folder / name).write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


@pytest.fixture()
def small(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A small dictionary: 'fight' assaults unless it fights corruption, and fights with
    &MILITARY alongside someone is cooperation; 'continue' codes nothing unless &MILITARY
    continues; 'blow up' is an attack, 'blow' alone nothing."""
    _write(tmp_path, "cameo_synsets.jsonl", [{"kind": "synset", "name": "&MILITARY", "phrases": [["troops"], ["armed", "forces"]], "source": "t:1"}])
    code = {"mode": None, "source": "t:2"}
    _write(tmp_path, "cameo_verbs.jsonl", [
        {"kind": "verb", "lemma": "fight", "particles": [], "block": "F", "code": "190", "type": "ASSAULT", **code},
        {"kind": "pattern", "block": "F", "subject": [], "object": ["corruption"], "preps": [], "code": "---", "type": None, **code},
        {"kind": "pattern", "block": "F", "subject": ["&MILITARY"], "object": [], "preps": [{"prep": "alongside", "words": []}], "code": "062", "type": "COOPERATE", **code},
        {"kind": "verb", "lemma": "continue", "particles": [], "block": "C", "code": "---", "type": None, **code},
        {"kind": "pattern", "block": "C", "subject": ["&MILITARY"], "object": [], "preps": [], "code": "190", "type": "ASSAULT", **code},
        {"kind": "verb", "lemma": "blow", "particles": ["up"], "block": "B", "code": "183", "type": "ASSAULT", **code},
        {"kind": "verb", "lemma": "blow", "particles": [], "block": "B2", "code": "---", "type": None, **code},
    ])  # fmt: skip
    return load_verb_dictionary(tmp_path)


def _verb(english_model, text: str, lemma: str):  # type: ignore[no-untyped-def]
    return next(token for token in english_model(text) if token.lemma_ == lemma)


def test_coder_verb_alone_takes_its_default_code(small, english_model) -> None:  # type: ignore[no-untyped-def]
    code = small.code(_verb(english_model, "Ruritania fought Freedonia.", "fight"))
    assert code is not None and code.type is EventType.ASSAULT and code.cameo == "190"


def test_coder_a_null_pattern_overrides_the_default(small, english_model) -> None:  # type: ignore[no-untyped-def]
    assert small.code(_verb(english_model, "Ruritania fought corruption.", "fight")) is None


def test_coder_synset_and_preposition_patterns(small, english_model) -> None:  # type: ignore[no-untyped-def]
    code = small.code(_verb(english_model, "Ruritanian troops fought alongside Freedonia.", "fight"))
    assert code is not None and code.type is EventType.COOPERATE
    code = small.code(_verb(english_model, "The armed forces fought alongside Freedonia.", "fight"))
    assert code is not None and code.type is EventType.COOPERATE


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian troops continued into Freedonia.",
        "Ruritania and its troops continued into Freedonia.",
        "Hundreds of Ruritanian troops continued into Freedonia.",
        "The armed forces, led by Alma Vask, continued into Freedonia.",
    ],
)
def test_coder_a_subject_pattern_reads_the_subject(small, english_model, text) -> None:  # type: ignore[no-untyped-def]
    code = small.code(_verb(english_model, text, "continue"))
    assert code is not None and code.type is EventType.ASSAULT, text


@pytest.mark.parametrize(
    "text",
    [
        "As fighting between Ruritania and Freedonian troops continues in Elbonia, Alma Vask opens a corridor.",
        "The agreement allowing Freedonian troops to use the base continues until April.",
        "The talks with the troops continued in Elbonia.",
        "Protests against the armed forces continued.",
    ],
)
def test_coder_a_subject_pattern_ignores_the_subjects_own_phrases(small, english_model, text) -> None:  # type: ignore[no-untyped-def]
    assert small.code(_verb(english_model, text, "continue")) is None, text


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # CAMEO's PROMPT `* &DISPUTE` (110) reads the verb's own object ...
        ("The ruling prompted a dispute between Ruritania and Freedonia.", True),
        # ... not a word of a clause the verb's complement governs
        ("Ruritania accused Freedonia of spying, prompting Elbonia to warn that such a move would lead to a conflict.", False),
        ("The vote prompted Elbonia to say that the quarrel was over.", False),
    ],
)
def test_coder_a_pattern_reads_no_clause_inside_a_complement(english_model, text, coded) -> None:  # type: ignore[no-untyped-def]
    code = verb_dictionary().code(_verb(english_model, text, "prompt"))
    assert (code is not None and code.type is EventType.ACCUSE) is coded, text


def test_coder_multi_word_verbs_need_their_particle(small, english_model) -> None:  # type: ignore[no-untyped-def]
    code = small.code(_verb(english_model, "Rebels blew up the bridge.", "blow"))
    assert code is not None and code.type is EventType.ASSAULT
    assert small.code(_verb(english_model, "The wind blew hard.", "blow")) is None


def test_coder_without_default_only_patterns_count(small, english_model) -> None:  # type: ignore[no-untyped-def]
    assert small.code(_verb(english_model, "Ruritania fought Freedonia.", "fight"), default=False) is None


def test_coder_installed_dictionary_is_loaded_once() -> None:
    assert verb_dictionary() is verb_dictionary()
    assert "attack" in verb_dictionary().entries


def _events(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return events.extract(doc, entities, article)


def _typed(annotated, text: str, event_type: EventType):  # type: ignore[no-untyped-def]
    return [event for event in _events(annotated, text) if event.type is event_type]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "targets"),
    [
        ("Ruritania bombarded Freedonia.", EventType.ASSAULT, ("ruritania",), ("freedonia",)),
        ("Ruritania praised Freedonia.", EventType.SUPPORT, ("ruritania",), ("freedonia",)),
        ("Ruritania arrested Omar Tellen.", EventType.COERCE, ("ruritania",), ("tellen",)),
        ("Ruritania accused Freedonia of espionage.", EventType.ACCUSE, ("ruritania",), ("freedonia",)),
    ],
)
def test_events_a_dictionary_verb_gives_type_and_direction(annotated, text, event_type, actors, targets) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, event_type)
    assert [(event.actors, event.targets) for event in found] == [(actors, targets)], _events(annotated, text)


@pytest.mark.parametrize(
    "text",
    ["Ruritania summons Freedonia's ambassador over strikes", "Ruritania summoned the Freedonian ambassador."],
)
def test_events_headline_summons(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """The tagger may read "summons" as a noun."""
    found = _typed(annotated, text, EventType.ACCUSE)
    assert [(event.actors, event.targets, event.mode) for event in found] == [(("ruritania",), ("freedonia",), "summons")]


@pytest.mark.parametrize(
    "text", ["Ruritania issued an arrest warrant for Omar Tellen.", "Ruritania issued arrest warrants for Omar Tellen."]
)
def test_events_a_plural_pattern_word_is_met_by_its_singular(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """CAMEO writes "ISSUE * ARREST WARRANTS" [173]; a single warrant is the same coercion."""
    found = _typed(annotated, text, EventType.COERCE)
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("tellen",))], _events(annotated, text)


def test_coder_a_plural_word_without_its_lemma_meets_the_plural_only(tmp_path: Path, english_model) -> None:  # type: ignore[no-untyped-def]
    """A row's `lemmas` let its plural word be met by the singular; a word without one (a plurale
    tantum, "arms") is met by its own form only."""
    _write(tmp_path, "cameo_synsets.jsonl", [])
    code = {"mode": None, "source": "t:1"}
    _write(tmp_path, "cameo_verbs.jsonl", [
        {"kind": "verb", "lemma": "seize", "particles": [], "block": "S", "code": "---", "type": None, **code},
        {"kind": "pattern", "block": "S", "subject": [], "object": ["tanks"], "preps": [], "lemmas": {"tanks": "tank"}, "code": "192", "type": "COERCE", **code},
        {"kind": "pattern", "block": "S", "subject": [], "object": ["arms"], "preps": [], "code": "1711", "type": "COERCE", **code},
    ])  # fmt: skip
    verbs = load_verb_dictionary(tmp_path)
    tank = verbs.code(_verb(english_model, "Ruritania seized a tank.", "seize"))
    assert tank is not None and tank.cameo == "192"
    assert verbs.code(_verb(english_model, "Ruritania seized an arm.", "seize")) is None
    arms = verbs.code(_verb(english_model, "Ruritania seized arms.", "seize"))
    assert arms is not None and arms.cameo == "1711"


def test_coder_a_plural_synset_phrase_is_met_by_its_singular(tmp_path: Path, english_model) -> None:  # type: ignore[no-untyped-def]
    """A synset row's `lemmas` let its plural phrases be met by the singular ("soldiers", "combat
    brigades"), as a pattern row's do; a plural without one ("armed forces") keeps its form."""
    _write(tmp_path, "cameo_synsets.jsonl", [{"kind": "synset", "name": "&MILITARY", "phrases": [["soldiers"], ["combat", "brigades"], ["armed", "forces"]],
                                              "lemmas": {"soldiers": "soldier", "brigades": "brigade"}, "source": "t:1"}])  # fmt: skip
    code = {"mode": None, "source": "t:2"}
    _write(tmp_path, "cameo_verbs.jsonl", [
        {"kind": "verb", "lemma": "continue", "particles": [], "block": "C", "code": "---", "type": None, **code},
        {"kind": "pattern", "block": "C", "subject": ["&MILITARY"], "object": [], "preps": [], "code": "190", "type": "ASSAULT", **code},
    ])  # fmt: skip
    verbs = load_verb_dictionary(tmp_path)
    for text in ("A Ruritanian soldier continued into Freedonia.", "A Ruritanian combat brigade continued into Freedonia.",
                 "Ruritanian soldiers continued into Freedonia.", "The armed forces continued into Freedonia."):  # fmt: skip
        found = verbs.code(_verb(english_model, text, "continue"))
        assert found is not None and found.type is EventType.ASSAULT, text
    assert verbs.code(_verb(english_model, "The armed force continued into Freedonia.", "continue")) is None


def test_coder_synset_words_are_the_one_word_phrases_with_their_singulars(tmp_path: Path) -> None:
    """A word list names synsets in any case; their one-word phrases and the singulars of plural ones
    are the words, the phrases of more words are not; a name no synset has is a fault of the data."""
    _write(tmp_path, "cameo_synsets.jsonl", [{"kind": "synset", "name": "&MILITARY", "phrases": [["soldiers"], ["armed", "forces"]],
                                              "lemmas": {"soldiers": "soldier"}, "source": "t:1"}])  # fmt: skip
    assert synset_words(["&military"], tmp_path) == {"soldiers", "soldier"}
    with pytest.raises(DataFileError, match="no synset named &militia"):
        synset_words(["&military", "&MILITIA"], tmp_path)


@pytest.mark.parametrize("text", ["Ruritania released a Freedonian citizen.", "Ruritania released Freedonian citizens."])
def test_coder_the_installed_synsets_meet_a_singular(english_model, text) -> None:  # type: ignore[no-untyped-def]
    """CAMEO's "RELEASE * &PEOPLE" [0841] lists "citizens"; one citizen released is the same release."""
    code = verb_dictionary().code(_verb(english_model, text, "release"))
    assert code is not None and code.cameo == "0841"


def test_events_passive_with_agent_keeps_the_direction(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Freedonia was bombarded by Ruritania.", EventType.ASSAULT)
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))]


def test_events_passive_without_agent_names_no_actor(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not [event for event in _typed(annotated, "Freedonia was bombarded on Monday.", EventType.ASSAULT) if event.actors]


def test_events_conjoined_actors_each_act(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Ruritania and Elbonia condemned Freedonia.", EventType.ACCUSE)
    assert sorted(event.actors for event in found) == [("elbonia",), ("ruritania",)]
    assert {event.targets for event in found} == {("freedonia",)}


def test_events_conjoined_targets_are_each_acted_upon(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Ruritania condemned Freedonia and Elbonia.", EventType.ACCUSE)
    assert sorted(event.targets for event in found) == [("elbonia",), ("freedonia",)]


def test_events_headline_present_tense(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Ruritania accuses Freedonia of spying", EventType.ACCUSE)
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))]


def test_events_reported_speech_is_the_speakers_claim(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Alma Vask said that Ruritania had bombarded Freedonia.", EventType.ASSAULT)
    assert [(event.actors, event.targets, event.provenance.claimed_by) for event in found] == [
        (("ruritania",), ("freedonia",), "vask")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania will not join Elbonia in bombarding Freedonia.",
        "Ruritania did not bombard Freedonia.",
        "Ruritania denied bombarding Freedonia.",
        "Ruritania plans to bombard Freedonia.",
        "If Freedonia refuses, Ruritania will bombard Freedonia.",
    ],
)
def test_events_negated_denied_planned_or_conditional_attacks_are_not_asserted(annotated, text) -> None:  # type: ignore[no-untyped-def]
    asserted = [
        event for event in _typed(annotated, text, EventType.ASSAULT)
        if not (event.provenance.negated or event.provenance.hypothetical)
    ]  # fmt: skip
    assert not asserted, asserted


@pytest.mark.parametrize(
    "text", ["Ruritania and Elbonia launch strikes on Freedonia.", "Ruritania and Elbonia launched strikes on Freedonia."]
)
def test_events_conjoined_subject_of_a_light_verb_headline(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """Headline present tense: the tagger may make "launch" a modifier of "strikes", the names its modifiers."""
    found = _typed(annotated, text, EventType.ASSAULT)
    assert sorted((event.actors, event.targets) for event in found) == [(("elbonia",), ("freedonia",)), (("ruritania",), ("freedonia",))]


def test_events_light_verb_with_event_noun(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Ruritania launched strikes on Freedonia.", EventType.ASSAULT)
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))]
    found = _typed(annotated, "Alma Vask held talks with Omar Tellen.", EventType.CONSULT)
    assert [(event.actors, event.targets) for event in found] == [(("vask",), ("tellen",))]


def test_events_dictionary_noise_verbs_code_nothing_alone(annotated) -> None:  # type: ignore[no-untyped-def]
    """'lead' codes cooperation in CAMEO; alone it states no event ("pattern_only")."""
    assert not _events(annotated, "Ruritania leads Freedonia in the standings.")


@pytest.mark.parametrize("text", ["A Freedonian fighter jet crashed in Ruritania on Monday.", "A Freedonian fighter jet has crashed in Ruritania."])
def test_events_an_aircraft_that_crashes_attacks_no_one(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """CAMEO's CRASH block codes '&AIRCRAFT *' as no event beside its '&WEAPON *' attack (written for SLAM)."""
    assert not _typed(annotated, text, EventType.ASSAULT), _events(annotated, text)


def test_events_rockets_that_slam_into_a_place_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Freedonian rockets slam into Ruritania.", EventType.ASSAULT)
    assert [event.actors for event in found] == [("freedonia",)], _events(annotated, "Freedonian rockets slam into Ruritania.")


def test_events_sanctions_are_left_to_the_designations_extractor(annotated) -> None:  # type: ignore[no-untyped-def]
    """CAMEO codes 'impose sanctions' 163 (COERCE); kg reads sanctions as designations."""
    assert not _typed(annotated, "Ruritania imposed sanctions on Freedonia.", EventType.COERCE)


def test_events_a_failed_hand_trigger_vetoes_the_coders_same_type(annotated) -> None:  # type: ignore[no-untyped-def]
    """'call' is a CONSULT in CAMEO; the hand trigger for calls excludes 'called X a coward'."""
    assert verb_dictionary().code(next(t for t in annotated("Alma Vask called Omar Tellen.", NAMES)[0] if t.lemma_ == "call")) is not None
    assert not _typed(annotated, "Alma Vask called Omar Tellen a coward.", EventType.CONSULT)


def test_events_plover_dropped_codes_do_not_veto_the_verb(annotated) -> None:  # type: ignore[no-untyped-def]
    """'demand ... investigate' is an appeal (CAMEO 0214, dropped by PLOVER): the demand stays a REQUEST."""
    found = _typed(annotated, "Ruritania demands that Freedonia investigate the shootings.", EventType.REQUEST)
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))]


def test_events_a_place_inside_a_place_phrase_locates_the_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    """'in several villages in X': the named place of the nested phrase; its state is struck."""
    names = {**NAMES, "Red Harbour": ("harbour", EntityType.LOCATION)}
    doc, entities, article = annotated("Ruritania shelled several villages in Red Harbour, Freedonia.", names)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert [(event.actors, event.targets, event.location) for event in found] == [(("ruritania",), ("freedonia",), "harbour")]


def test_events_attacks_targeting_members_of_a_group_target_the_group(annotated) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Northern Front": ("front", EntityType.ORGANIZATION), "Ruritanian": ("ruritania", STATE)}
    doc, entities, article = annotated("Ruritanian strikes targeting members of the Northern Front kill 12 people.", names)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("front",))]


def test_events_parties_acting_on_each_other_act_both_ways(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Ruritania and Freedonia accuse each other of violations.", EventType.ACCUSE)
    assert sorted((event.actors, event.targets) for event in found) == [
        (("freedonia",), ("ruritania",)), (("ruritania",), ("freedonia",))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes between Ruritania and Freedonia killed 12 people.",
        "Fighting between Ruritania and Freedonia killed 12 people.",
        "Heavy fighting between Freedonia and Ruritania continues",
        "Fighting broke out between Ruritania and Freedonia.",
        "Clashes erupted between Ruritania and Freedonia on Monday.",
        "Ruritania clashed with Freedonia.",
        "Ruritania and Freedonia fought on Monday.",
        "Ruritania and Freedonia exchanged fire.",
    ],
)
def test_events_clashes_between_two_parties_go_both_ways(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, EventType.ASSAULT)
    assert sorted((event.actors, event.targets) for event in found) == [
        (("freedonia",), ("ruritania",)), (("ruritania",), ("freedonia",))
    ]


def test_events_a_prisoner_swap_releases_both_ways(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Ruritania and Freedonia carry out a prisoner swap.", EventType.RETREAT)
    assert sorted((event.actors, event.targets) for event in found) == [
        (("freedonia",), ("ruritania",)), (("ruritania",), ("freedonia",))
    ]


@pytest.mark.parametrize("text", ["Ruritania agreed to a prisoner swap with Freedonia.", "Ruritania agreed to meet Omar Tellen."])
def test_events_what_is_agreed_is_yet_to_be_done(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _events(annotated, text) if event.type in (EventType.RETREAT, EventType.CONSULT)]
    assert found and all(event.provenance.hypothetical for event in found)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania urges Freedonia to lift Elbonia sanctions",
        "Ruritania called on Freedonia to withdraw its troops from Elbonia.",
        "Ruritania asked Freedonia to sign the agreement with Elbonia.",
        "Ruritania pressed Freedonia to halt strikes on Elbonia.",
    ],
)
def test_events_what_a_request_asks_for_is_no_event_of_its_own(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert [(event.type, event.actors) for event in found] == [(EventType.REQUEST, ("ruritania",))], found


def test_events_a_demanded_release_is_no_release(annotated) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(annotated, "Ruritania demanded the release of Omar Tellen by Freedonia.", EventType.RETREAT)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Ruritania attacked Freedonia and urged Elbonia to help.", EventType.ASSAULT),
        ("Ruritania asked Freedonia for talks after Elbonia attacked Freedonia.", EventType.ASSAULT),
        ("Ruritania bombarded Freedonia after Elbonia urged Ruritania to stop.", EventType.ASSAULT),
    ],
)
def test_events_beside_a_request_are_still_events(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    assert _typed(annotated, text, event_type), _events(annotated, text)


@pytest.mark.parametrize("text", ["Ruritania lifted sanctions on Freedonia.", "Ruritania lifts the sanction on Freedonia."])
def test_coder_lifting_sanctions_is_no_agreement(english_model, text) -> None:  # type: ignore[no-untyped-def]
    """The dictionary codes LIFT '* SANCTION' both 0351 (intent to ease: AGREE) and 085 (ease)."""
    code = verb_dictionary().code(_verb(english_model, text, "lift"))
    assert code is None or code.type is not EventType.AGREE


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask withdrew Ruritania from a nuclear treaty with Freedonia.",
        "Ruritania withdrew from the agreement with Freedonia.",
        "Ruritania pulled out of the deal with Freedonia.",
        "Ruritania exits the trade pact with Freedonia",
        "Ruritania violated the ceasefire agreement with Freedonia.",
    ],
)
def test_events_leaving_an_agreement_is_no_agreement(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _events(annotated, text) if event.type in (EventType.AGREE, EventType.CONSULT)]
    assert not found, found


@pytest.mark.parametrize(
    "text", ["Ruritania signed an agreement with Freedonia.", "Ruritania reached an agreement with Freedonia."]
)
def test_events_making_an_agreement_is_one(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, EventType.AGREE)
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))]


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask withdrew Ruritania from a nuclear treaty with Freedonia.",
        "Ruritania withdrew from the agreement with Freedonia.",
        "Ruritania pulled out of the deal with Freedonia.",
    ],
)
def test_events_withdrawing_from_an_agreement_with_a_party_rejects_it(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, EventType.REJECT)
    assert [event.targets for event in found] == [("freedonia",)], _events(annotated, text)


@pytest.mark.parametrize("text", ["Ruritania withdrew its troops from Freedonia.", "Ruritania withdrew its ambassador from Freedonia."])
def test_events_withdrawing_anything_else_rejects_nothing(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(annotated, text, EventType.REJECT)


def test_coder_a_verb_two_blocks_read_differently_has_no_code_alone(english_model) -> None:  # type: ignore[no-untyped-def]
    """PULL_OUT is listed under GO_SOMEWHERE (040, CONSULT) and RETREAT (080, CONCEDE)."""
    assert verb_dictionary().code(_verb(english_model, "Ruritania pulled out.", "pull")) is None


ASSETS = {**NAMES, "troops": ("troops", EntityType.MILITARY_ASSET, None, False),
          "warships": ("warships", EntityType.MILITARY_ASSET, None, False)}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania deploys troops to Red Harbour to monitor Freedonia.",
        "Ruritania sent warships to blockade Freedonia.",
        "Ruritania deployed troops to the border to attack Freedonia.",
        # the aim through an infinitive chain ("to help train"): blind33 W2
        "Ruritania deployed troops to Freedonia to help train the Freedonian army.",
        "Ruritania sent warships to Elbonia to help blockade Freedonia.",
    ],
)
def test_events_the_aim_of_a_deployment_is_yet_to_be_done(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, {**ASSETS, "Red Harbour": ("harbour", EntityType.LOCATION)})
    found = events.extract(doc, entities, article)
    assert [event.type for event in found] == [EventType.MOBILIZE], found


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Alma Vask travels to Ruritania to meet Omar Tellen.", EventType.CONSULT),
        ("Alma Vask orders the troops to attack Freedonia.", EventType.THREATEN),
    ],
)
def test_events_the_aim_of_other_verbs_stays(annotated, text, event_type) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, ASSETS)
    assert [event for event in events.extract(doc, entities, article) if event.type is event_type]


@pytest.mark.parametrize("text", ["Ruritania fought corruption.", "Fighting corruption, Ruritania arrested Omar Tellen."])
def test_events_fighting_without_two_parties_is_no_clash(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(annotated, text, EventType.ASSAULT)


# The fixture makes an entity of every name given: give only those of the text.
PLACES = {**NAMES, "Idlib": ("idlib", EntityType.LOCATION), "Syria": ("syria", STATE), "Syrian": ("syria", STATE)}


@pytest.mark.parametrize("text", ["Syrian forces shelled Idlib.", "Ruritania shelled Idlib."])
def test_events_a_place_strikes_no_state_that_is_the_attackers_own_or_unnamed(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, {surface: spec for surface, spec in PLACES.items() if surface in text})
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert found and all(event.targets == ("idlib",) for event in found), found  # the place shelled, no state


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Ruritania initiated military operations against Freedonia.", True),
        ("Ruritania initiated military operations.", True),
        ("Ruritania and Freedonia initiate a ceasefire and an end to military operations.", False),
        ("Ruritania initiated talks on the end of military operations.", False),
    ],
)
def test_coder_object_words_are_the_objects_own_not_its_phrases_or_conjuncts(english_model, text, coded) -> None:  # type: ignore[no-untyped-def]
    code = verb_dictionary().code(_verb(english_model, text, "initiate"))
    assert (code is not None and code.type is EventType.ASSAULT) is coded, code


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian and Freedonian forces exchange fire despite a ceasefire agreement.",
        "Ruritania attacked Freedonia despite the agreement with Elbonia.",
        "Ruritania entered Freedonia's airspace under the agreement with Elbonia.",
    ],
)
def test_events_an_agreement_in_the_background_is_no_new_one(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert not _typed(annotated, text, EventType.AGREE)


@pytest.mark.parametrize(
    "text", ["Ruritania agreed to a ceasefire with Freedonia.", "Ruritania took part in talks with Freedonia."]
)
def test_events_an_event_noun_one_takes_part_in_is_ones_own(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _events(annotated, text) if event.actors == ("ruritania",) and event.targets == ("freedonia",)]
    assert found, _events(annotated, text)


@pytest.mark.parametrize(
    "text",
    ["Following talks with Freedonia, Ruritania agreed to a ceasefire.", "After talks with Freedonia, Ruritania agreed to a ceasefire."],
)
def test_events_talks_before_the_main_clause_are_its_subjects(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, text, EventType.CONSULT)
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))]


@pytest.mark.parametrize(
    "text",
    [
        "A Ruritanian missile strike on an industrial park in Red Harbour, Freedonia, kills four people.",
        "Nine people are killed in a Ruritanian airstrike on homes in Red Harbour, Freedonia.",
        "Two people were killed in a Ruritanian drone attack on Red Harbour, Freedonia.",
    ],
)
def test_events_a_qualified_strike_on_a_place_of_a_state(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """The attacker qualifies the weapon ("a *Ruritanian* missile strike"); the place may hang on the
    verb the strike's victims are the subject of ("killed in an airstrike *on homes in X*")."""
    names = {**NAMES, "Red Harbour": ("harbour", EntityType.LOCATION)}
    doc, entities, article = annotated(text, names)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))], found


@pytest.mark.parametrize(
    "text", ["Ruritania deploys 4,000 troops to its border with Freedonia.", "Ruritania moved troops along its border with Freedonia."]
)
def test_events_a_deployment_to_the_border_with_a_state_is_aimed_at_it(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, ASSETS)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.MOBILIZE]
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("freedonia",))], found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask attends Omar Tellen's funeral in Ruritania.",
        "Alma Vask attended the funeral of Omar Tellen.",
        "Ruritania banned Alma Vask from attending the Freedonian Defence College.",
        "Omar Tellen heads the Liberal Party.",
        "The Liberal Party, which previously controlled a majority of the House of Commons, lost seats.",
        "The Government of Ruritania, which controls eastern Freedonia, closed its ports.",
    ],
)
def test_events_attend_head_control_alone_state_no_event(annotated, text) -> None:  # type: ignore[no-untyped-def]
    """CAMEO's 'attend' (042, a visit) and 'head', 'control' (060, cooperation) alone read a
    funeral attended, a party led and seats held as events: they code only by their patterns."""
    names = {**NAMES, **{name: (name.lower().replace(" ", "_"), EntityType.ORGANIZATION)
                         for name in ("Liberal Party", "House of Commons", "Freedonian Defence College")}}  # fmt: skip
    doc, entities, article = annotated(text, names)
    assert not [event for event in events.extract(doc, entities, article) if event.type in (EventType.CONSULT, EventType.COOPERATE)]


@pytest.mark.parametrize(
    ("text", "lemma", "code"),
    [
        ("Alma Vask attended a conference in Freedonia.", "attend", "044"),
        ("Alma Vask attended the summit in Freedonia.", "attend", "044"),
        ("Alma Vask headed to Freedonia.", "head", "042"),
    ],
)
def test_pattern_only_verbs_keep_their_patterns(annotated, text: str, lemma: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """What CAMEO's patterns of 'attend' and 'head' name (a conference, a summit, a trip to a
    place) is still coded."""
    token = next(t for t in annotated(text, NAMES)[0] if t.lemma_ == lemma)
    found = verb_dictionary().code(token, default=False)
    assert found is not None and found.cameo == code


def test_events_meeting_attended_with_a_party_stays_a_consultation(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _typed(annotated, "Alma Vask attended a meeting with Omar Tellen.", EventType.CONSULT)
    assert [(event.actors, event.targets) for event in found] == [(("vask",), ("tellen",))]



def test_events_a_lead_in_seats_is_no_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    """CAMEO's 'overtake' (DESTROY, 190) codes by its patterns only: in news it is a lead taken
    in seats or figures, and the block's own rows keep the military objects."""
    assert not _typed(annotated, "Ruritania overtakes Freedonia as the largest party in the Senate.", EventType.ASSAULT)


def test_events_defeat_keeps_its_military_sense(annotated) -> None:  # type: ignore[no-untyped-def]
    """'defeat' keeps its own code: 'US troops had defeated ISIS' (dev) has an armed group as
    object, which no pattern of the block names."""
    names = {**NAMES, "Freedonian Liberation Front": ("front", EntityType.ORGANIZATION)}
    doc, entities, article = annotated("Ruritanian troops had defeated the Freedonian Liberation Front.", names)
    found = [event for event in events.extract(doc, entities, article) if event.type is EventType.ASSAULT]
    assert [(event.actors, event.targets) for event in found] == [(("ruritania",), ("front",))]


@pytest.mark.parametrize(
    ("text", "lemma", "event_type"),
    [
        # CONFINE's patterns written for HOLD [---] ("hold * ELECTIONS", "* RALLY", "* SUMMIT") are
        # not its block-mates': detaining, jailing, imprisoning stay arrests.
        ("Ruritanian police detain 109 elections officials.", "detain", EventType.COERCE),
        ("Freedonia jailed the rally organisers.", "jail", EventType.COERCE),
        ("Ruritania imprisoned the summit organisers.", "imprison", EventType.COERCE),
        # ... and HOLD keeps them.
        ("Ruritania holds parliamentary elections.", "hold", EventType.AGREE),
        ("Ruritania held rallies in the capital.", "hold", EventType.PROTEST),
        ("Ruritania held talks with Freedonia.", "hold", EventType.CONSULT),
        # A pattern of the block's own verbs still reads on HOLD ("POLICE * [173] # DETAIN").
        ("Police held protesters in Freedonia.", "hold", EventType.COERCE),
    ],
)
def test_coder_a_pattern_of_a_verb_of_many_senses_is_that_verbs_alone(english_model, text, lemma, event_type) -> None:  # type: ignore[no-untyped-def]
    code = verb_dictionary().code(_verb(english_model, text, lemma))
    assert code is not None and code.type is event_type, text


def test_coder_a_pattern_with_verbs_reads_on_them_and_one_without_on_its_whole_block(tmp_path: Path, english_model) -> None:  # type: ignore[no-untyped-def]
    _write(tmp_path, "cameo_synsets.jsonl", [])
    code = {"mode": None, "source": "t:1"}
    _write(tmp_path, "cameo_verbs.jsonl", [
        {"kind": "verb", "lemma": "hold", "particles": [], "block": "C", "code": "---", "type": None, **code},
        {"kind": "verb", "lemma": "detain", "particles": [], "block": "C", "code": "173", "type": "COERCE", **code},
        {"kind": "pattern", "block": "C", "subject": [], "object": ["summit"], "preps": [], "code": "040", "type": "CONSULT", "verbs": ["hold"], **code},
        {"kind": "pattern", "block": "C", "subject": [], "object": ["rally"], "preps": [], "code": "141", "type": "PROTEST", **code},
    ])  # fmt: skip
    dictionary = load_verb_dictionary(tmp_path)
    held = dictionary.code(_verb(english_model, "Ruritania held a summit.", "hold"))
    detained = dictionary.code(_verb(english_model, "Ruritania detained the summit organisers.", "detain"))
    assert held is not None and held.type is EventType.CONSULT
    assert detained is not None and detained.type is EventType.COERCE
    for text, lemma in (("Ruritania held a rally.", "hold"), ("Ruritania detained a rally.", "detain")):
        found = dictionary.code(_verb(english_model, text, lemma))
        assert found is not None and found.type is EventType.PROTEST, text


def _continue_with(tmp_path: Path):  # type: ignore[no-untyped-def]
    """'continue' codes nothing, save with a with-phrase: the pattern "* WITH" as the converter
    writes it."""
    _write(tmp_path, "cameo_synsets.jsonl", [])
    code = {"mode": None, "source": "t:1"}
    pattern = {"subject": [], "object": [], "preps": [{"prep": "with", "words": []}]}
    _write(tmp_path, "cameo_verbs.jsonl", [
        {"kind": "verb", "lemma": "continue", "particles": [], "block": "C", "code": "---", "type": None, **code},
        {"kind": "pattern", "block": "C", **pattern, "code": "190", "type": "ASSAULT", **code},
    ])  # fmt: skip
    return load_verb_dictionary(tmp_path)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Ruritanian rebels continued with their offensive.", True),
        ("Ruritania continued to trade with Freedonia.", False),
    ],
)
def test_coder_a_bare_preposition_is_a_phrase_of_the_verb_not_a_word_of_its_clause(tmp_path: Path, english_model, text, coded) -> None:  # type: ignore[no-untyped-def]
    code = _continue_with(tmp_path).code(_verb(english_model, text, "continue"))
    assert (code is not None and code.type is EventType.ASSAULT) is coded, text


@pytest.mark.parametrize(
    ("text", "lemma", "event_type"),
    [
        ("Ruritania continued into Freedonia.", "continue", EventType.ASSAULT),  # * INTO
        ("Ruritania continues to look into the allegations.", "continue", None),
        ("Ruritania called off talks with Freedonia.", "call", EventType.SANCTION),  # a particle stays the verb's
        ("Ruritania set off a row with Freedonia.", "set", EventType.ACCUSE),  # * OFF ROW
    ],
)
def test_coder_installed_bare_prepositions_and_particles(english_model, text, lemma, event_type) -> None:  # type: ignore[no-untyped-def]
    code = verb_dictionary().code(_verb(english_model, text, lemma))
    assert (code.type if code is not None else None) is event_type, text


@pytest.mark.parametrize(
    "text", ["Ruritania accuses Freedonia of committing war crimes.", "Ruritania blames Freedonia for war crimes."]
)
def test_events_an_accusation_of_a_crime_is_no_arrest(annotated, text) -> None:  # type: ignore[no-untyped-def]
    # CAMEO's "* (OF &CRIME) [173]" and "* (FOR &CRIME) [173]" were written for CONVICT and INDICT.
    assert not _typed(annotated, text, EventType.COERCE), _events(annotated, text)
    assert [(e.actors, e.targets) for e in _typed(annotated, text, EventType.ACCUSE)] == [(("ruritania",), ("freedonia",))]


def test_events_an_indictment_for_a_crime_stays_coercion(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "Ruritania indicted Omar Tellen for war crimes."
    assert [(e.actors, e.targets) for e in _typed(annotated, text, EventType.COERCE)] == [(("ruritania",), ("tellen",))]


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        # PHYSICAL_CONFLICT's "* &AIRCRAFT [---] # FIGHT": the aircraft a verb is done *with* are
        # in a prepositional phrase, which the dictionary writes in parentheses; not its object.
        ("Ruritania attacked Freedonia with drones.", "attack"),
        ("Ruritania strikes the Freedonian capital with drones.", "strike"),
        ("Ruritania struck Freedonia with jets.", "strike"),
        ("Freedonian forces assaulted the port with helicopters.", "assault"),
    ],
)
def test_coder_a_no_event_patterns_object_words_are_not_met_in_a_prepositional_phrase(english_model, text, lemma) -> None:  # type: ignore[no-untyped-def]
    code = verb_dictionary().code(_verb(english_model, text, lemma))
    assert code is not None and code.type is EventType.ASSAULT, text


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Ruritania vowed to fight racism.", "fight"),
        ("The Freedonian army battles extremism in the north.", "battle"),
        ("The Ruritanian police will combat organised crime.", "combat"),
        ("The Freedonian government has fought racism and violence in its schools.", "fight"),
    ],
)
def test_coder_a_no_event_pattern_still_reads_the_verbs_object(english_model, text, lemma) -> None:  # type: ignore[no-untyped-def]
    assert verb_dictionary().code(_verb(english_model, text, lemma)) is None, text


def test_coder_object_outside_preps_is_read_from_the_row(tmp_path: Path, english_model) -> None:  # type: ignore[no-untyped-def]
    _write(tmp_path, "cameo_synsets.jsonl", [])
    code = {"mode": None, "source": "t:1"}
    _write(tmp_path, "cameo_verbs.jsonl", [
        {"kind": "verb", "lemma": "attack", "particles": [], "block": "P", "code": "190", "type": "ASSAULT", **code},
        {"kind": "pattern", "block": "P", "subject": [], "object": ["drones"], "preps": [], "lemmas": {"drones": "drone"},
         "code": "---", "type": None, "object_outside_preps": True, **code},
        {"kind": "verb", "lemma": "hit", "particles": [], "block": "Q", "code": "190", "type": "ASSAULT", **code},
        {"kind": "pattern", "block": "Q", "subject": [], "object": ["drones"], "preps": [], "lemmas": {"drones": "drone"},
         "code": "---", "type": None, **code},
    ])  # fmt: skip
    dictionary = load_verb_dictionary(tmp_path)
    attacked = dictionary.code(_verb(english_model, "Ruritania attacked Freedonia with drones.", "attack"))
    assert attacked is not None and attacked.type is EventType.ASSAULT
    assert dictionary.code(_verb(english_model, "Ruritania attacked the drones.", "attack")) is None
    assert dictionary.code(_verb(english_model, "Ruritania hit Freedonia with drones.", "hit")) is None


@pytest.mark.parametrize(
    ("text", "actors", "targets"),
    [
        ("Ruritania holds Freedonia responsible for the attack.", ("ruritania",), ("freedonia",)),
        ("Ruritania holds Freedonia directly responsible for the bombing of its embassy.", ("ruritania",), ("freedonia",)),
        ("Ruritania believes Freedonia responsible for the sabotage.", ("ruritania",), ("freedonia",)),
    ],
)
def test_coder_a_small_clause_adjective_is_the_verbs_object_complement(annotated, text, actors, targets) -> None:  # type: ignore[no-untyped-def]
    # CAMEO's HOLD `* RESPONSIBLE [112]`, BELIEVE `* RESPONSIBLE [110]`: the parser hangs
    # "Freedonia responsible" as a complement clause of the verb.
    found = [event for event in _typed(annotated, text, EventType.ACCUSE) if not event.provenance.negated]
    assert [(event.actors, event.targets) for event in found] == [(actors, targets)], _events(annotated, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania does not hold Freedonia responsible for the attack.",
        "Ruritania holds talks with Freedonia.",
        "Ruritania keeps its border with Freedonia closed.",
        "Ruritania holds that Freedonia has a right to the islands.",
    ],
)
def test_coder_a_small_clause_reading_accuses_no_one_else(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _typed(annotated, text, EventType.ACCUSE) if not event.provenance.negated]
    assert found == [], _events(annotated, text)


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        # PHYSICAL_CONFLICT's "* (FOR) [111] # ATTACK" reads a reason ("attacked X for its
        # policy"); a for-phrase of a span of time tells how long or how often, not what for.
        ("The Ruritanian army strikes the Freedonian capital for the first time since 2019.", "strike"),
        ("Ruritania attacked Freedonian positions for three days.", "attack"),
        ("Ruritanian jets struck the port of Tellen for the second time this week.", "strike"),
    ],
)
def test_coder_a_for_phrase_of_time_meets_no_bare_for(english_model, text, lemma) -> None:  # type: ignore[no-untyped-def]
    code = verb_dictionary().code(_verb(english_model, text, lemma))
    assert code is not None and code.type is EventType.ASSAULT and code.cameo != "111", (text, code)


@pytest.mark.parametrize(
    ("text", "lemma", "cameo"),
    [
        # a reason still meets it, and a pattern that names the time keeps it ("HOLD * FOR DAY")
        ("Ruritania attacked Freedonia for its policy on the islands.", "attack", "111"),
        ("Ruritanian police held the Freedonian journalist for three days.", "hold", "173"),
    ],
)
def test_coder_a_for_phrase_of_reason_or_of_a_named_time_still_reads(english_model, text, lemma, cameo) -> None:  # type: ignore[no-untyped-def]
    code = verb_dictionary().code(_verb(english_model, text, lemma))
    assert code is not None and code.cameo == cameo, (text, code)


def test_events_an_attack_for_the_first_time_is_an_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    text = "The Ruritanian army strikes Freedonia for the first time since 2019."
    assert [(e.actors, e.targets) for e in _typed(annotated, text, EventType.ASSAULT)] == [(("ruritania",), ("freedonia",))], _events(annotated, text)
    assert _typed(annotated, text, EventType.ACCUSE) == [], _events(annotated, text)


def test_coder_a_pattern_naming_the_time_reads_its_for_phrase(tmp_path: Path, english_model) -> None:  # type: ignore[no-untyped-def]
    # "HOLD * FOR DAY [173]": a row that names the span of time keeps it; a bare "(FOR)" does not.
    _write(tmp_path, "cameo_synsets.jsonl", [])
    code = {"mode": None, "source": "t:1"}
    _write(tmp_path, "cameo_verbs.jsonl", [
        {"kind": "verb", "lemma": "hold", "particles": [], "block": "H", "code": "---", "type": None, **code},
        {"kind": "pattern", "block": "H", "subject": [], "object": ["day"], "preps": [{"prep": "for", "words": []}],
         "code": "173", "type": "COERCE", **code},
        {"kind": "verb", "lemma": "strike", "particles": [], "block": "S", "code": "190", "type": "ASSAULT", **code},
        {"kind": "pattern", "block": "S", "subject": [], "object": [], "preps": [{"prep": "for", "words": []}],
         "code": "111", "type": "ACCUSE", **code},
    ])  # fmt: skip
    dictionary = load_verb_dictionary(tmp_path)
    held = dictionary.code(_verb(english_model, "Ruritanian police held the journalist for three days.", "hold"))
    assert held is not None and held.cameo == "173"
    struck = dictionary.code(_verb(english_model, "Ruritania struck Freedonia for three days.", "strike"))
    assert struck is not None and struck.cameo == "190"
    blamed = dictionary.code(_verb(english_model, "Ruritania struck Freedonia for its policy.", "strike"))
    assert blamed is not None and blamed.cameo == "111"
