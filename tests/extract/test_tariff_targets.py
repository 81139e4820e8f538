"""A tariff is a coercive measure of the one who sets it against the state whose goods it weighs on
(constructed sentences): "tariffs *on Freedonian goods*", "*on imports from* Freedonia", "*on goods
imported from* Freedonia" name Freedonia as much as "tariffs *on Freedonia*" does (the gold's
SANCTION / COERCE `tariffs`); a tariff lifted is a RETREAT toward that state. Not a tariff lowered or
delayed, one only planned or denied, nor the state the goods enter."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Freedonian": ("freedonia", EntityType.STATE),
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Elbonian": ("elbonia", EntityType.STATE),
}


@pytest.fixture(scope="module")
def exported(stated_events):  # type: ignore[no-untyped-def]
    """`exported(text)`: `stated_events` over this module's names."""
    return lambda text: stated_events(text, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania announces 25% tariffs on Freedonian goods.",
        "Ruritania announces 25% tariffs on Freedonia.",
        "Ruritania imposes a 10% tariff on goods imported from Freedonia.",
        "Ruritania announces a 25% tariff on imports from Freedonia.",
        "Ruritania increases its tariffs on Freedonian imports from 84% to 125%.",
        "Ruritania's tariffs on Freedonian steel take effect.",
    ],
)
def test_a_tariff_on_a_states_goods_coerces_that_state(exported, text) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.COERCE, ("ruritania",), ("freedonia",)) in exported(text), exported(text)


def test_a_tariff_lifted_is_a_retreat_toward_the_state(exported) -> None:  # type: ignore[no-untyped-def]
    found = exported("Ruritania lifts its tariffs on Freedonian goods.")
    assert (EventType.RETREAT, ("ruritania",), ("freedonia",)) in found, found
    assert not any(kind is EventType.COERCE for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania agrees to lower tariffs on Freedonian goods.",
        "Elbonia and Ruritania reach a trade agreement that reduces Elbonian tariffs on Ruritanian electric vehicles and Ruritanian tariffs on Freedonian canola seeds.",
        "Ruritania delays its tariffs on Freedonian goods by a month.",
        "Ruritania will impose tariffs on Freedonian goods if the talks fail.",
        "Ruritania does not intend to impose tariffs on Freedonian goods.",
        "A 25% tariff on all car imports into Freedonia takes effect.",
        "Freedonia announces a 25% tariff on car imports into Freedonia.",
    ],
)
def test_no_coercion_for_tariffs_lowered_planned_denied_or_on_the_importer(exported, text) -> None:  # type: ignore[no-untyped-def]
    found = exported(text)
    assert not any(kind is EventType.COERCE and "freedonia" in targets for kind, _, targets in found), found
