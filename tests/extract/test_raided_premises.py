"""A raid on premises (a home, house, residence, apartment, office, headquarters) is PLOVER's
COERCE, mode `seize` ("execute search, confiscate property, raid"), toward whoever holds them, not
the attack CAMEO's RAID block codes; a raid on a place (a village, a hideout, a town) stays an
attack, unless the raid's own clause says it arrests or detains ("raid X, arresting 47 officials":
COERCE); the state of an official whose home is raided is no target; constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "Freedom Party": ("freedom_party", EntityType.ORGANIZATION), "Ruritanian": ("ruritania", EntityType.STATE),
         "Northern Herald": ("herald", EntityType.ORGANIZATION)}  # fmt: skip


def _read(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.targets, event.mode) for event in events.extract(doc, entities, article)]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania raided the home of Omar Tellen.", "tellen"),
        ("Ruritania raids the headquarters of the Freedom Party and detains its staff.", "freedom_party"),
        ("Ruritania raided Omar Tellen's residence on Sunday.", "tellen"),
        ("Ruritania raids the offices of the Northern Herald.", "herald"),
        ("Omar Tellen says that Ruritania raided his house after the vote.", "tellen"),
    ],
)
def test_a_raid_on_premises_is_a_seizure_toward_their_holder(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert (EventType.COERCE, ("ruritania",), (target,), "seize") in found, found
    assert not any(kind is EventType.ASSAULT for kind, *_ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Police raided the home of Freedonia's former ambassador.",
        "Police raid the offices of Elbonia's chief prosecutor.",
    ],
)
def test_the_state_of_an_official_whose_home_is_raided_is_no_target(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert not any(set(targets) & {"freedonia", "elbonia"} for _, _, targets, _ in found), found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania raided a village in Freedonia.", "freedonia"),
        ("Ruritania raided Freedonia.", "freedonia"),
        ("Ruritania raids militant hideouts in Freedonia, killing twelve fighters.", "freedonia"),
    ],
)
def test_a_raid_on_a_place_stays_an_attack(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert any(kind is EventType.ASSAULT and actors == ("ruritania",) and target in targets
               for kind, actors, targets, _ in found), found  # fmt: skip
    assert not any(mode == "seize" for *_, mode in found), found


def test_a_raid_on_premises_threatened_is_a_threat(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, "Ruritania threatened to raid the headquarters of the Freedom Party.")
    assert not any(kind in (EventType.COERCE, EventType.ASSAULT) for kind, *_ in found), found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania raids a government compound in Freedonia, arresting 30 officials.", None),
        ("Ruritanian troops raid a port in Freedonia, detaining Omar Tellen.", "tellen"),
        ("Ruritania raids the parliament building in Freedonia, reportedly detaining 20 officials.", None),
    ],
)
def test_a_raid_whose_own_clause_arrests_is_a_seizure_not_an_attack(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert any(kind is EventType.COERCE and actors == ("ruritania",) and (target is None or target in targets)
               for kind, actors, targets, _ in found), found  # fmt: skip
    assert not any(kind is EventType.ASSAULT for kind, *_ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania raids a village in Freedonia, killing twelve people.",
        "Ruritania raids a village in Freedonia, killing three people and arresting ten.",
    ],
)
def test_a_raid_whose_own_clause_kills_stays_an_attack(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert any(kind is EventType.ASSAULT and actors == ("ruritania",) for kind, actors, _, _ in found), found
