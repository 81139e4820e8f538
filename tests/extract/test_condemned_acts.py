"""Condemned acts (constructed sentences): an accusation over an act done to a party does not accuse
that party. The of-object of a noun of `patient_nouns` ("the killing *of X*") and the against / on /
upon object of one of `aimed_act_nouns` ("the sanctions *against X*") are the ones acted upon; the
ACCUSE rows skip them (flag `not_acted_upon`) and keep the act's doer: its by-phrase, or its
possessive or demonym beside an of-object. The of-objects of other nouns ("the policies of X") are
the party's own acts and stay targets."""

from __future__ import annotations

import pytest

from kg.records import EventType
from fictional_names import FICTIONAL_NAMES

ACCUSE = EventType.ACCUSE


@pytest.fixture(scope="module")
def read(read_readings):  # type: ignore[no-untyped-def]
    return lambda text: read_readings(text, FICTIONAL_NAMES)


def accused(found) -> set[str]:  # type: ignore[no-untyped-def]
    return {key for kind, actors, targets, _, _ in found if kind is ACCUSE and "elbonia" in actors for key in targets}


@pytest.mark.parametrize(
    ("text", "doer", "victim"),
    [
        ("Elbonia condemns the assassination of Alma Vask by Ruritania.", "ruritania", "vask"),
        ("Elbonia denounces the arrest of Omar Tellen by Freedonia.", "freedonia", "tellen"),
        ("Elbonia condemns Ruritania's detention of Omar Tellen.", "ruritania", "tellen"),
        ("Elbonia strongly criticized the Ruritanian invasion of Freedonia.", "ruritania", "freedonia"),
        ("Elbonia condemns Ruritania's war against Freedonia.", "ruritania", "freedonia"),
        ("Elbonia deplores the attack by Ruritania against Freedonia.", "ruritania", "freedonia"),
    ],
)
def test_the_doer_is_accused_and_not_the_one_acted_upon(read, text, doer, victim) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert doer in accused(found) and victim not in accused(found), found


@pytest.mark.parametrize(
    "text",
    [
        "Elbonia condemns the killing of Alma Vask.",
        "Elbonia condemns Omar Tellen's arrest.",
        "Elbonia denounces the occupation of Freedonia.",
        "Elbonia condemns the sanctions against Ruritania.",
    ],
)
def test_no_doer_named_no_one_accused(read, text) -> None:  # type: ignore[no-untyped-def]
    assert not accused(read(text)), read(text)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Elbonia condemns the policies of Ruritania.", "ruritania"),
        ("Elbonia criticizes the government of Freedonia.", "freedonia"),
        ("Elbonia condemns Ruritania's invasion.", "ruritania"),
        ("Elbonia accuses Ruritania of the killing of Alma Vask.", "ruritania"),
        # The accusation noun's own patient is the one accused.
        ("Elbonia announces the indictment of Omar Tellen.", "tellen"),
    ],
)
def test_an_own_act_or_a_doer_alone_stays_accused(read, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert target in accused(found), found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # CAMEO ACCLAIM "HAIL * ASSASSINATION [110]", START "LAUNCH * CAMPAIGN (AGAINST) [111]": the
        # pattern makes the verb an accusation of the one the act befell or is aimed at.
        ("Elbonia hails the assassination of Alma Vask.", "vask"),
        ("Elbonia launches a campaign against Ruritania.", "ruritania"),
    ],
)
def test_a_pattern_that_makes_the_verb_an_accusation_keeps_its_reading(read, text, target) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert target in accused(found), found
