"""Deeds a sentence tells of without asserting them, on sentences written for the test: the deed
of an accusation is the accuser's claim, a plan another party tells of is no threat made, a gerund
under *withdraw from* is not done, and a fight *against* one side is directed."""

import pytest

from kg.extract import events
from kg.records import EntityType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
    "Elbonian": ("elbonia", EntityType.STATE),
    "the Crimson Band": ("crimson_band", EntityType.ORGANIZATION, "ArmedGroup"),
    "Crimson rebels": ("crimson_band", EntityType.ORGANIZATION, "ArmedGroup"),
}


def _read(annotated, text: str):  # type: ignore[no-untyped-def]
    """(type, actors, targets) -> (claimed_by, negated, hypothetical, stated) of each event read."""
    doc, entities, article = annotated(text, NAMES)
    return {
        (event.type.value, event.actors, event.targets): (
            event.provenance.claimed_by,
            event.provenance.negated,
            event.provenance.hypothetical,
            event.provenance.confidence >= 0.5 and not event.provenance.negated and not event.provenance.hypothetical,
        )
        for event in events.extract(doc, entities, article)
    }


@pytest.mark.parametrize(
    ("text", "deed", "accuser"),
    [
        # a participle of the accusation: its subject is the main verb's
        ("Ruritania condemns the blockade, accusing Alma Vask of trying to break the political will of the Ruritanian people.",
         ("ASSAULT", ("vask",), ("ruritania",)), "ruritania"),
        # the accusation coordinated with another verb
        ("Ruritania files a lawsuit against Freedonia and accuses Freedonia of destroying a Ruritanian military drone.",
         ("ASSAULT", ("freedonia",), ("ruritania",)), "ruritania"),
        # a gerund after "after"
        ("Ruritania expels three Freedonian diplomats after accusing Freedonia of helping the Crimson Band.",
         ("AID", ("freedonia",), ("crimson_band",)), "ruritania"),
        # the accuser parsed as the object of "after"
        ("Freedonia expels the Elbonian ambassador after Elbonia accused Freedonia of supporting Crimson rebels in their campaign in Ruritania.",
         ("SUPPORT", ("freedonia",), ("crimson_band",)), "elbonia"),
    ],
)  # fmt: skip
def test_the_deed_of_an_accusation_is_the_accusers_claim(annotated, text, deed, accuser) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, text)
    claimed_by, _, _, stated = read[deed]
    assert (claimed_by, stated) == (accuser, False), (text, read)


def test_an_accusation_of_a_crime_stays_an_accusation(annotated) -> None:  # type: ignore[no-untyped-def]
    assert _read(annotated, "Ruritania accuses Freedonia of genocide.") == {
        ("ACCUSE", ("ruritania",), ("freedonia",)): (None, False, False, True)
    }


def test_a_reported_attack_stays_the_speakers_claim(annotated) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, "Freedonia attacked Elbonia, Ruritania says.")
    assert read[("ASSAULT", ("freedonia",), ("elbonia",))][0] == "ruritania"


def test_a_plan_another_party_tells_of_is_no_threat_made(annotated) -> None:  # type: ignore[no-untyped-def]
    text = 'Ruritania says that it killed a Freedonian fighter who was "planning imminent attacks" on the Ruritanian military.'
    read = _read(annotated, text)
    assert read[("ASSAULT", ("ruritania",), ("freedonia",))][3], read  # the killing told stays
    assert not any(stated for (kind, actors, _), (*_, stated) in read.items() if actors == ("freedonia",)), read


def test_a_plan_told_by_its_author_stays_a_threat(annotated) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, "Freedonia says it is planning attacks on Ruritania.")
    assert read[("THREATEN", ("freedonia",), ("ruritania",))][3], read


def test_a_gerund_under_withdraw_from_is_not_done(annotated) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, "Ruritania withdraws from defending Freedonia.")
    assert read[("AID", ("ruritania",), ("freedonia",))][1], read


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Ruritania withdraws from the treaty with Freedonia.", ("REJECT", ("ruritania",), ("freedonia",))),
        ("Ruritania withdraws its troops from Freedonia.", ("RETREAT", ("ruritania",), ("freedonia",))),
    ],
)
def test_withdrawing_from_a_thing_is_still_read(annotated, text, event) -> None:  # type: ignore[no-untyped-def]
    assert _read(annotated, text)[event][3], text


def test_a_fight_against_one_side_is_directed(annotated) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, "A memorial honours Ruritanian troops who died fighting against Freedonia.")
    assert set(read) == {("ASSAULT", ("ruritania",), ("freedonia",))}, read


def test_fighting_between_two_sides_stays_reciprocal(annotated) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, "Fighting between Ruritania and Freedonia continues.")
    assert {("ASSAULT", ("ruritania",), ("freedonia",)), ("ASSAULT", ("freedonia",), ("ruritania",))} <= set(read), read


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Ruritania will not release the hostages until Freedonia withdraws its troops from Elbonia.", "RETREAT"),
        ("Ruritania suspends intelligence sharing with Elbonia until Freedonia ceases its strikes on Elbonia.", "RETREAT"),
        ("Ruritania will keep the border closed until Freedonia stops attacking Elbonia.", "RETREAT"),
    ],
)
def test_an_act_under_until_in_the_present_is_a_condition(annotated, text, condition) -> None:  # type: ignore[no-untyped-def]
    read = _read(annotated, text)
    held = [flags for (kind, actors, _), flags in read.items() if kind == condition and actors == ("freedonia",)]
    assert held and not any(stated for *_, stated in held), read


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a time, not a clause
        ("Ruritanian troops fought Freedonia until dawn.", ("ASSAULT", ("ruritania",), ("freedonia",))),
        # told in the past: it happened
        ("Ruritania held talks with Elbonia until Freedonia attacked Ruritania in 2005.", ("ASSAULT", ("freedonia",), ("ruritania",))),
    ],
)
def test_until_as_a_time_or_in_the_past_is_told(annotated, text, event) -> None:  # type: ignore[no-untyped-def]
    assert _read(annotated, text)[event][3], text
