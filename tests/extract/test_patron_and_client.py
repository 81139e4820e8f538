"""A patron joined by a hyphen to a participle of patronage ("Islamic State-aligned", "Turkish-
backed") before a named party: the named party acts, not its patron; with no name after the
participle ("Ruritania-backed rebels"), the patron stays the reading. Constructed sentences."""

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ORGANIZATION, GROUP = EntityType.ORGANIZATION, EntityType.GROUP
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Black Dawn": ("black_dawn", ORGANIZATION),
    "Allied Valley Forces": ("allied_valley_forces", ORGANIZATION),
    "Ansar al-Wadi": ("ansar_al_wadi", ORGANIZATION),
    "Northern National Army": ("northern_national_army", ORGANIZATION),
    "Valley Front": ("valley_front", ORGANIZATION),
    "V12": ("v12", ORGANIZATION),
    "Port Vell": ("port_vell", EntityType.LOCATION),
    "villagers": ("villagers", GROUP, None, False),
    "village": ("village", GROUP, None, False),
    "rebels": ("rebels", GROUP, None, False),
    "militants": ("militants", GROUP, None, False),
}


def _actors(read_events, text: str) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [actors for kind, actors, _ in read_events(text, NAMES) if kind in (EventType.ASSAULT, EventType.COERCE)]


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Black Dawn-aligned Allied Valley Forces rebels kill 40 villagers in Port Vell.", "allied_valley_forces"),
        ("Black Dawn-linked Ansar al-Wadi militants attack a village in Port Vell.", "ansar_al_wadi"),
        ("Ruritanian-backed Northern National Army fighters attack the Valley Front.", "northern_national_army"),
        ("Ruritania-backed V12 rebel forces capture Port Vell.", "v12"),
    ],
)
def test_the_named_party_after_the_participle_acts_not_its_patron(read_events, text, client) -> None:  # type: ignore[no-untyped-def]
    actors = _actors(read_events, text)
    assert (client,) in actors
    assert all("black_dawn" not in found and "ruritania" not in found for found in actors)


@pytest.mark.parametrize(
    ("text", "patron"),
    [
        ("Ruritania-backed rebels attack Port Vell.", "ruritania"),
        ("Black Dawn-linked militants kill 12 villagers in Port Vell.", "black_dawn"),
    ],
)
def test_with_no_name_after_the_participle_the_patron_stays_the_reading(read_events, text, patron) -> None:  # type: ignore[no-untyped-def]
    assert (patron,) in _actors(read_events, text)


def test_the_conjoined_names_after_the_participle_act_together(read_events) -> None:  # type: ignore[no-untyped-def]
    text = "Ten soldiers are killed in Port Vell by the Black Dawn-linked Ansar al-Wadi and Valley Front rebels."
    assert {("ansar_al_wadi",), ("valley_front",)} <= set(_actors(read_events, text))


def test_a_demonym_after_the_participle_names_no_party(read_events) -> None:  # type: ignore[no-untyped-def]
    # "Freedonian" is no name of the militias: the Freedonian state did not attack.
    names = {**NAMES, "Freedonian": ("freedonia", EntityType.STATE)}
    found = [actors for kind, actors, _ in read_events("Ruritania-backed Freedonian militias attack Port Vell.", names)
             if kind is EventType.ASSAULT]  # fmt: skip
    assert ("freedonia",) not in found
