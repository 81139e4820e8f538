"""The named place a named party's attack is told *near* is the area it struck, where it names no one
struck and no place struck ("U.S. strikes *near Bandar Abbas*": the target any of Iran, Bandar
Abbas): the attack word's own *near* phrase only, not a thing's ("a base near X"), not a named
building, boundary or landmark beside which it happened ("near the Al-Shifa Hospital", "near the
Durand Line"), not water, not a fight, not a place of the attacker's own state; constructed
sentences."""

import pytest

from kg.records import EntityType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
    "Vellmar": ("vellmar", EntityType.LOCATION),
    "the Vellmar Hospital": ("hospital", EntityType.LOCATION),
    "the Vellmar Line": ("line", EntityType.LOCATION),
    "the Vellmar Shoal": ("shoal", EntityType.LOCATION),
    "people": ("people", EntityType.GROUP, None, False),
    "soldiers": ("soldiers", EntityType.GROUP, None, False),
    "boy": ("boy", EntityType.GROUP, None, False),
}


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia retaliated for the recent Ruritanian strikes near Vellmar.",
        "Five people are killed by Ruritanian drone strikes near Vellmar.",
        "Ruritanian airstrikes near Vellmar killed two soldiers.",
        "Ruritania carried out airstrikes near Vellmar.",
        "Ruritanian drones struck near Vellmar.",
        "A boy is killed when Ruritanian troops open fire near Vellmar.",
    ],
)
def test_the_place_an_attack_is_told_near_is_its_target(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, NAMES)
    assert any("ruritania" in actors and targets == ("vellmar",) for actors, targets in found), found


@pytest.mark.parametrize(
    "text",
    [
        # near a thing struck, not near the attack ("strikes a village near X": the village was hit)
        "Ruritanian jets struck a convoy near Vellmar.",
        "Ruritanian jets struck a base near Vellmar, killing five people.",
        # a named building, boundary or shoal beside which it happened
        "Five people are killed in a Ruritanian strike near the Vellmar Hospital.",
        "Ruritanian airstrikes near the Vellmar Line killed two soldiers.",
        "A Ruritanian vessel rammed a boat near the Vellmar Shoal.",
        # a fight
        "Ruritanian troops clashed with rebels near Vellmar.",
        # the attacker's own place
        "Ruritanian airstrikes near Vellmar, Ruritania, killed two soldiers.",
        # no one named who attacked: the place of the victims
        "Two Ruritanian soldiers are killed near Vellmar.",
    ],
)
def test_no_near_place_target_for_things_landmarks_water_fights_home_or_victims(stated_assaults, text) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults(text, NAMES)
    assert not any({"vellmar", "hospital", "line", "shoal"} & set(targets) for _, targets in found), found


def test_a_named_target_keeps_the_near_place_as_its_location_only(stated_assaults) -> None:  # type: ignore[no-untyped-def]
    found = stated_assaults("Ruritanian jets struck Freedonian forces near Vellmar.", NAMES)
    assert (("ruritania",), ("freedonia",)) in found, found
    assert not any("vellmar" in targets for _, targets in found), found
