"""Arguments in constructions the paths used not to reach (constructed sentences): the shared
subject of a passive conjunct ("X interrupts a hearing and is removed by police"), the antecedent
of an object relative pronoun ("Freedonia, which X invaded"), the members a phrase lists ("critics,
which include X"), and a party in an "against" phrase of the object ("files a case against X")."""

from __future__ import annotations

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

STATE, PERSON, ORGANIZATION = EntityType.STATE, EntityType.PERSON, EntityType.ORGANIZATION
NAMES = {
    **FICTIONAL_NAMES,
    "Lena Kovic": ("kovic", PERSON),
    "Daimler": ("daimler", ORGANIZATION),
    "Siemens": ("siemens", ORGANIZATION),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alma Vask interrupted the hearing and was arrested by Ruritania.", (EventType.COERCE, ("ruritania",), ("vask",))),
        ("Omar Tellen left Elbonia and was detained by Ruritania.", (EventType.COERCE, ("ruritania",), ("tellen",))),
        ("Ruritania attacked Freedonia and was condemned by Elbonia.", (EventType.ACCUSE, ("elbonia",), ("ruritania",))),
        ("Alma Vask met Omar Tellen and was later expelled by Ruritania.", (EventType.SANCTION, ("ruritania",), ("vask",))),
    ],
)
def test_a_passive_conjunct_acts_on_the_shared_subject(read_events, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in read_events(text, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        # The conjunct has a subject of its own: the first subject is not its patient.
        "Alma Vask interrupted the hearing and Omar Tellen was arrested by Ruritania.",
        # An active conjunct shares its subject as its actor, not as its patient.
        "Alma Vask interrupted the hearing and then arrested Omar Tellen.",
    ],
)
def test_no_shared_patient_where_the_conjunct_has_its_own(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(targets == ("vask",) for _, _, targets in read_events(text, NAMES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Omar Tellen, whom Ruritania arrested last year, was released.", (EventType.COERCE, ("ruritania",), ("tellen",))),
        ("Freedonia, which Ruritania attacked in 2020, demanded reparations.", (EventType.ASSAULT, ("ruritania",), ("freedonia",))),
        ("Alma Vask, who Ruritania expelled in May, returned.", (EventType.SANCTION, ("ruritania",), ("vask",))),
        # The antecedent stands for the state that qualifies it, as a subject pronoun's does.
        ("They cited the Freedonian election, which Ruritania rejected as fraudulent.", (EventType.REJECT, ("ruritania",), ("freedonia",))),
    ],
)
def test_an_object_relative_pronoun_is_its_antecedent(annotated, text, expected) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "Freedonian": ("freedonia", STATE)}
    doc, entities, article = annotated(text, names)
    found = [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]
    assert expected in found, found


def test_an_object_relative_pronoun_is_not_the_subjects_own_state(annotated) -> None:  # type: ignore[no-untyped-def]
    # Sanctions of Ruritania that a Ruritanian official threatens are no threat to Ruritania.
    names = {**NAMES, "Ruritanian": ("ruritania", STATE)}
    text = "Elbonia will shield Omar Tellen from Ruritanian sanctions, which Ruritanian minister Alma Vask threatened."
    doc, entities, article = annotated(text, names)
    found = [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]
    assert not any(kind is EventType.THREATEN and "ruritania" in targets for kind, _, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Alma Vask visited Elbonia. Her critics, which include Ruritania, blame her for the crisis.",
        "Alma Vask visited Elbonia. Her critics, including Ruritania, accuse her of lying.",
        "Critics, including Ruritania and Freedonia, accused Alma Vask of fraud.",
    ],
)
def test_a_phrase_that_lists_its_members_stands_for_them(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.ACCUSE, ("ruritania",), ("vask",)) in found, found


def test_listed_members_are_not_their_owners_state(read_events) -> None:  # type: ignore[no-untyped-def]
    # Elbonia's critics are not Elbonia.
    found = read_events("Elbonia's critics, which include Ruritania, blame Alma Vask for the crisis.", NAMES)
    assert (EventType.ACCUSE, ("ruritania",), ("vask",)) in found, found
    assert not any("elbonia" in actors for _, actors, _ in found), found


def test_listed_members_are_no_parties_to_each_other(read_events) -> None:  # type: ignore[no-untyped-def]
    # A symmetric event among the members of a list is no agreement between them.
    text = "Firms including Daimler and Siemens have announced plans to leave Ruritania."
    found = read_events(text, NAMES)
    assert not any(actors == ("daimler",) and "siemens" in targets for _, actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania files a case against Freedonia.",
        "Ruritania filed a complaint against Freedonia at the court.",
    ],
)
def test_a_party_against_whom_the_object_is_brought(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.ACCUSE, ("ruritania",), ("freedonia",)) in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Freedonia faces attacks by Ruritania.", (EventType.ASSAULT, ("ruritania",), ("freedonia",))),
        ("Freedonia survived an attack by Ruritania.", (EventType.ASSAULT, ("ruritania",), ("freedonia",))),
        ("Alma Vask received a call from Omar Tellen.", (EventType.CONSULT, ("tellen",), ("vask",))),
        ("Alma Vask faces an arrest warrant from the Lakeside Court.", (EventType.COERCE, ("court",), ("vask",))),
        ("Ruritania said Alma Vask, who has an arrest warrant from the Lakeside Court, left.", (EventType.COERCE, ("court",), ("vask",))),
    ],
)
def test_who_faces_or_receives_an_event_is_its_target(annotated, text, expected) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, {**NAMES, "the Lakeside Court": ("court", ORGANIZATION)})
    found = [(event.type, event.actors, event.targets) for event in events.extract(doc, entities, article)]
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # Who faces attacks is never their author, named or not.
        "Freedonia faces attacks in Port Marlo.",
        "Freedonia suffered heavy shelling near the border.",
    ],
)
def test_who_faces_an_event_does_not_act_in_it(annotated, text) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, {**NAMES, "Port Marlo": ("marlo", EntityType.LOCATION)})
    assert not any("freedonia" in event.actors for event in events.extract(doc, entities, article))


@pytest.mark.parametrize(
    "text",
    [
        "A Ruritanian strike hit a depot in Tarn Province, Freedonia.",
        "A Ruritanian strike hits fuel storage tanks at a facility in Tarn Governorate, Freedonia.",
        "Ruritanian drones struck a base near Tarn District, Freedonia.",
    ],
)
def test_a_place_named_inside_a_longer_place_phrase(annotated, text) -> None:  # type: ignore[no-untyped-def]
    # The place is the modifier of the phrase's head and its state the head's apposition: the
    # attack is placed there and strikes that state.
    names = {**NAMES, "Ruritanian": ("ruritania", STATE), "Tarn": ("tarn", EntityType.LOCATION)}
    doc, entities, article = annotated(text, names)
    found = [(e.type, e.actors, e.targets, e.location) for e in events.extract(doc, entities, article)]
    assert (EventType.ASSAULT, ("ruritania",), ("freedonia",), "tarn") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania launched an airstrike that killed Omar Tellen in Freedonia.",
        "Ruritania carried out a drone strike which killed Omar Tellen.",
        "Ruritania conducted an attack that killed Omar Tellen.",
    ],
)
def test_who_attacks_in_a_relative_clause_is_the_attack_nouns_author(read_events, text) -> None:  # type: ignore[no-untyped-def]
    found = read_events(text, NAMES)
    assert (EventType.ASSAULT, ("ruritania",), ("tellen",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # No attack: nobody's.
        "The flood that killed Omar Tellen hit Ruritania.",
        # Whoever condemns an attack does not carry it out.
        "A drone strike that killed Omar Tellen was condemned by Ruritania.",
        "A drone strike on Omar Tellen was condemned by Ruritania.",
    ],
)
def test_no_author_of_an_attack_but_its_own(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(actors == ("ruritania",) and kind is EventType.ASSAULT for kind, actors, _ in read_events(text, NAMES))


def test_who_seconds_a_call_holds_no_phone_call(read_events) -> None:  # type: ignore[no-untyped-def]
    # "The call was seconded by A and B": an appeal they supported, no call between them.
    found = read_events("Alma Vask urged a truce. The call was quickly seconded by Omar Tellen and Lena Kovic.", NAMES)
    assert not any(kind is EventType.CONSULT for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis launch a ballistic missile at Israel, which is intercepted.",
        "The Houthis launch a ballistic missile at Israel on Monday.",
    ],
)
def test_a_misread_headline_verb_keeps_its_triggers_own_paths(annotated, text) -> None:  # type: ignore[no-untyped-def]
    # The tagger reads "launch" as a noun; the target of "launch a missile at X" is still X.
    doc, entities, article = annotated(text, {"Houthis": ("houthis", ORGANIZATION), "Israel": ("israel", STATE)})
    assert [t.pos_ for t in doc if t.lower_ == "launch"] == ["NOUN"]
    found = [(e.type, e.actors, e.targets) for e in events.extract(doc, entities, article)]
    assert (EventType.ASSAULT, ("houthis",), ("israel",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Four people were killed in an attack on a hospital by Ruritania in Port Marlo.",
        "Two soldiers were wounded in an attack on a checkpoint by Ruritania in Port Marlo.",
    ],
)
def test_an_attack_on_something_by_someone(annotated, text) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "by X" on the thing attacked; X is the attacker.
    doc, entities, article = annotated(text, {**NAMES, "Port Marlo": ("marlo", EntityType.LOCATION)})
    found = [(e.type, e.actors) for e in events.extract(doc, entities, article)]
    assert (EventType.ASSAULT, ("ruritania",)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania granted a pardon to Alma Vask.",
        "Ruritania granted a full pardon to the jailed activist Alma Vask.",
    ],
)
def test_a_recipient_in_a_to_phrase_parsed_as_a_dative(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.CONCEDE, ("ruritania",), ("vask",)) in read_events(text, NAMES)


def test_a_pardon_refused_to_its_recipient_stays_negated(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Ruritania refused to grant a pardon to Alma Vask.", NAMES)
    found = [e for e in events.extract(doc, entities, article) if e.type is EventType.CONCEDE]
    assert found and all(e.provenance.negated for e in found), found


def test_no_cooperation_against_a_party(read_events) -> None:  # type: ignore[no-untyped-def]
    # Only hostile types read the "against" phrase of their object as their target.
    found = read_events("Ruritania has expanded sanctions against Freedonia.", NAMES)
    assert not any(kind is EventType.COOPERATE for kind, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # "the country" is Ruritania, the president's own state: no event on it.
        ("Ruritanian president Alma Vask expands the country's travel ban.", None),
        ("Ruritanian president Alma Vask accused Freedonia of aggression.", (EventType.ACCUSE, ("vask",), ("freedonia",))),
    ],
)
def test_a_person_does_not_act_on_their_own_state(annotated, text, kept) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, {**NAMES, "Ruritanian": ("ruritania", STATE), "the country": ("ruritania", STATE)})
    found = [(e.type, e.actors, e.targets) for e in events.extract(doc, entities, article)]
    assert not any("ruritania" in targets for _, _, targets in found), found
    assert kept is None or kept in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Omar Tellen was killed in an airstrike carried out by Ruritania.",
        "Omar Tellen was wounded after an attack perpetrated by Ruritania hit his convoy.",
        "Omar Tellen died in a drone strike conducted by Ruritania in Freedonia.",
    ],
)
def test_the_agent_of_an_attack_nouns_participle_is_its_author(read_events, text) -> None:  # type: ignore[no-untyped-def]
    """A passive participle with an agent on the attack noun ("an airstrike carried out by X")."""
    found = read_events(text, NAMES)
    assert any(kind is EventType.ASSAULT and actors == ("ruritania",) for kind, actors, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # Whoever reports, condemns or investigates an attack does not carry it out.
        "Omar Tellen was killed in an airstrike reported by Ruritania.",
        "Omar Tellen was killed in an attack condemned by Ruritania.",
        "Omar Tellen died in a drone strike investigated by Ruritania.",
    ],
)
def test_no_author_in_a_participle_of_other_acts(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert not any(kind is EventType.ASSAULT and actors == ("ruritania",) for kind, actors, _ in read_events(text, NAMES))
