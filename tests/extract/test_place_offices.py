"""Offices of a province, state, oblast or city (patterns/place_offices.tsv: governor, mayor, premier):
the place holds the office ("Vell Governor X" is Vell's governor, "X, the mayor of Port Vell" Port
Vell's mayor), where a national title of a place names no office, and a capital's name written for
its state gives its city's mayor no owner. Constructed sentences with invented names."""

from __future__ import annotations

import pytest

from fictional_names import FICTIONAL_NAMES
from kg.extract import roles
from kg.records import EntityType

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Port Vell": ("port_vell", EntityType.LOCATION),
    "Vell": ("vell", EntityType.LOCATION),
    "Hal Vennor": ("vennor", EntityType.PERSON),
}


@pytest.fixture(scope="module")
def held(annotated):  # type: ignore[no-untyped-def]
    def read(text: str, names: dict = NAMES) -> set[tuple[str, str, str, bool]]:  # type: ignore[type-arg]
        if "Port Vell" in text:  # the fixture would read the "Vell" in it as the province too
            names = {surface: spec for surface, spec in names.items() if surface != "Vell"}
        doc, entities, article = annotated(text, names)
        return {(r.person, r.role, r.of, r.ended) for r in roles.extract(doc, entities, article)}

    return read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritanian governor Hal Vennor of the province of Vell visited the border.", ("vennor", "governor", "vell", False)),
        ("Vell Governor Hal Vennor visited the border.", ("vennor", "governor", "vell", False)),
        ("Hal Vennor, the mayor of Port Vell, visited the border.", ("vennor", "mayor", "port_vell", False)),
        ("Hal Vennor, the former mayor of Port Vell, visited the border.", ("vennor", "mayor", "port_vell", True)),
        ("Hal Vennor is elected as the mayor of Port Vell.", ("vennor", "mayor", "port_vell", False)),
        ("Vell Premier Hal Vennor criticised the tariffs.", ("vennor", "premier", "vell", False)),
        ("Governor Hal Vennor of Vell declared a state of emergency.", ("vennor", "governor", "vell", False)),
    ],
)  # fmt: skip
def test_the_place_holds_its_office(held, text: str, expected: tuple[str, str, str, bool]) -> None:  # type: ignore[no-untyped-def]
    assert held(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "The Vell president Hal Vennor visited the border.",  # a national title after a place: no office of it
        "Port Vell prime minister Hal Vennor visited the border.",
        "Hal Vennor, the president of Port Vell, visited the border.",
        "Hal Vennor is elected as the president of Port Vell.",
        "Hal Vennor, the deputy mayor of Port Vell, visited the border.",  # not the mayor
        "Hal Vennor is elected lieutenant governor of Vell.",  # not the governor
    ],
)
def test_a_national_title_or_a_deputy_of_a_place_holds_no_office_of_it(held, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not {fact for fact in held(text) if fact[2] in ("vell", "port_vell")}


def test_a_state_premier_is_its_prime_minister(held) -> None:  # type: ignore[no-untyped-def]
    assert held("Ruritanian Premier Hal Vennor criticised the tariffs.") == {("vennor", "prime minister", "ruritania", False)}


def test_a_capital_written_for_its_state_gives_its_mayor_no_owner(held) -> None:  # type: ignore[no-untyped-def]
    # the gazetteer's capital of Romania, which the entity stage reads as the state
    assert held("Bucharest mayor Hal Vennor won the vote.", {**NAMES, "Bucharest": ("romania", EntityType.STATE)}) == set()
