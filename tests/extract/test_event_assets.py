"""An event's assets are the military assets of its own clause: not those of a clause under it
with a subject of its own ("... while Freedonia fires ballistic missiles at Ruritania"), and not
an asset word that only qualifies a struck place ("hitting a drone launch site"); constructed
sentences."""

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

ASSETS = ("ballistic missiles", "drones", "drone", "missile", "frigates", "two soldiers", "warplanes")
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
    **{surface: (surface.replace(" ", "_"), EntityType.MILITARY_ASSET, None, False) for surface in ASSETS},
}


def _assault_assets(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    from kg.extract import events

    doc, entities, article = annotated(text, NAMES)
    return [(event.actors, event.targets, event.assets) for event in events.extract(doc, entities, article)
            if event.type is EventType.ASSAULT]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "other"),
    [
        ("Ruritania launched airstrikes on Freedonia while Freedonia launched ballistic missiles at Ruritania.", "ballistic_missiles"),
        ("Ruritania launched airstrikes on Freedonia, hitting a fuel depot and a drone launch site.", "drone"),
        ("Ruritania shelled Freedonia, striking a missile factory near the border.", "missile"),
    ],
)
def test_an_asset_of_another_clause_or_a_struck_place_is_not_the_attacks(annotated, text: str, other: str) -> None:  # type: ignore[no-untyped-def]
    found = [assets for actors, targets, assets in _assault_assets(annotated, text) if actors == ("ruritania",)]
    assert found and not any(other in assets for assets in found), found


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        ("Ruritania launched drones at Freedonia.", "drones"),
        ("Ruritania attacked Freedonia with ballistic missiles and drones.", "ballistic_missiles"),
        ("Two people are killed and five others are injured in a Ruritanian drone strike on Freedonia.", "drone"),
        ("Two people are killed in Freedonia after a Ruritanian missile strikes a market.", "missile"),
    ],
)
def test_the_attacks_own_assets_stay(annotated, text: str, asset: str) -> None:  # type: ignore[no-untyped-def]
    found = _assault_assets(annotated, text)
    assert any(asset in assets for _, _, assets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania launches ballistic missiles at Freedonia, and Ruritanian drones strike the capital.",
        "Ruritania fires ballistic missiles at Freedonia while Ruritanian drones hit a port.",
    ],
)
def test_a_clause_whose_subject_is_the_attackers_own_weapon_gives_its_assets(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [assets for actors, _, assets in _assault_assets(annotated, text) if actors == ("ruritania",)]
    assert any("drones" in assets and "ballistic_missiles" in assets for assets in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania launches ballistic missiles at Freedonia, and Freedonian drones strike the capital.",
        "Ruritania fires ballistic missiles at Freedonia while Freedonian drones hit a port.",
    ],
)
def test_a_clause_whose_subject_is_another_partys_weapon_gives_none(annotated, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [assets for actors, _, assets in _assault_assets(annotated, text) if actors == ("ruritania",)]
    assert found and not any("drones" in assets for assets in found), found
