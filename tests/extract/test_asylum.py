"""Asylum granted (constructed sentences): PLOVER's AID names "asylum, both to persons in its
territories ... and diplomatic asylum" and CAMEO codes GRANT * &ASYLUM 075 (AID, asylum), but the
hand-written AID trigger of *grant*, *give*, *provide*, failing on an object outside its aid words,
left the coder's AID unread. Asylum, refuge or sanctuary granted, or a humanitarian visa, is an AID
of the granting party towards the person who receives it; the state of the people protected
("to five Ruritanian journalists") is never that recipient. Offered asylum stays CAMEO's 0333 (an
AGREE), sought asylum a request, denied or refused asylum no AID done."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

AID = EventType.AID
NAMES = {**FICTIONAL_NAMES, "Ruritanian": ("ruritania", EntityType.STATE)}


@pytest.fixture(scope="module")
def read(read_readings):  # type: ignore[no-untyped-def]
    """(type, actors, targets, negated, hypothetical) of each event read in `text`."""
    return lambda text: read_readings(text, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia grants asylum to Omar Tellen.",
        "Freedonia granted political asylum to Omar Tellen on Monday.",
        "Freedonia gives refuge to Omar Tellen.",
        "Freedonia grants asylum to Ruritanian opposition leader Omar Tellen at its embassy.",
        "Freedonia grants a humanitarian visa to Omar Tellen.",
        "Freedonia grants humanitarian visas to five Ruritanian athletes, including Omar Tellen and Alma Vask.",
    ],
)
def test_asylum_granted_is_aid_to_the_person(read, text) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    done = {(kind, actors, targets) for kind, actors, targets, negated, hypothetical in found if not (negated or hypothetical)}
    assert (AID, ("freedonia",), ("tellen",)) in done, found
    assert not any(kind is AID and "ruritania" in targets for kind, _, targets, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia grants asylum to five Ruritanian journalists.",
        "Freedonia grants humanitarian visas to Ruritanian players.",
        "Freedonia grants asylum to Ruritania.",
    ],
)
def test_the_state_of_the_people_protected_is_no_recipient(read, text) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert not any(kind is AID and "ruritania" in targets for kind, _, targets, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia offers asylum to Omar Tellen.",
        "Omar Tellen seeks asylum in Freedonia.",
        "Freedonia denies asylum to Omar Tellen.",
        "Freedonia refuses to grant asylum to Omar Tellen.",
        "Freedonia does not grant asylum to Omar Tellen.",
        "Freedonia grants visas to Omar Tellen.",
    ],
)
def test_asylum_offered_sought_or_denied_and_a_visa_alone_are_no_aid_done(read, text) -> None:  # type: ignore[no-untyped-def]
    found = read(text)
    assert not any(kind is AID and not (negated or hypothetical) for kind, _, _, negated, hypothetical in found), found
