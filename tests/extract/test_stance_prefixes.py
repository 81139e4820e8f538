"""A state or organization named after a stance prefix and its hyphen ("a pro-Freedonia protest",
"Anti-Ruritania protesters") is the cause supported or opposed, never a party: no actor, target,
protester, owner of a group or operator of an asset. A patron before a participle of patronage
("Ruritania-backed") and a name that holds the prefix itself ("the Anti-Corruption Bureau") stay
parties. Constructed sentences."""

import pytest

from kg.extract import assets
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

GROUP = EntityType.GROUP
NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Black Dawn": ("black_dawn", EntityType.ORGANIZATION),
    "Anti-Corruption Bureau": ("anti_corruption_bureau", EntityType.ORGANIZATION),
    "Port Vell": ("port_vell", EntityType.LOCATION),
    "drones": ("drones", EntityType.MILITARY_ASSET, None, False),
    "militants": ("militants", GROUP, None, False),
    "militias": ("militias", GROUP, None, False),
    "protesters": ("protesters", GROUP, None, False),
    "people": ("people", GROUP, None, False),
}
CAUSES = ("ruritania", "freedonia", "black_dawn")


def _parties(read_events, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return list(read_events(text, NAMES))


@pytest.mark.parametrize(
    "text",
    [
        "Pro-Ruritania militants fire rockets at Port Vell.",
        "Pro-Ruritania militias launch drones at bases in Port Vell.",
        "Police arrest 40 people at a pro-Freedonia protest in Port Vell.",
        "A pro-Freedonia demonstration is held in Port Vell.",
        "Anti-Ruritania protesters rally in Port Vell.",
        "Anti-Black Dawn militants attack a checkpoint in Port Vell.",
        "Police detain 30 protesters at an anti-Black Dawn rally in Port Vell.",
        "Pro-Ruritanian militants attack a checkpoint in Port Vell.",
    ],
)
def test_the_name_after_a_stance_prefix_is_no_party(read_events, text: str) -> None:  # type: ignore[no-untyped-def]
    found = _parties(read_events, text)
    assert all(key not in (*actors, *targets) for _, actors, targets in found for key in CAUSES), found


def test_the_name_after_a_stance_prefix_operates_no_asset(annotated) -> None:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated("Pro-Ruritania militias launch drones at bases in Port Vell.", NAMES)
    assert all(claim.operator != "ruritania" for claim in assets.extract(doc, entities, article))


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Ruritania-backed militants fire rockets at Port Vell.", "ruritania"),
        ("Ruritanian militants attack a checkpoint in Port Vell.", "ruritania"),
        ("Black Dawn fighters attack a pro-Freedonia rally in Port Vell.", "black_dawn"),
        ("The Anti-Corruption Bureau arrests the mayor of Port Vell.", "anti_corruption_bureau"),
    ],
)
def test_a_patron_a_demonym_and_a_name_holding_the_prefix_stay_parties(read_events, text: str, party: str) -> None:  # type: ignore[no-untyped-def]
    found = _parties(read_events, text)
    assert any(party in actors for _, actors, _ in found), found


def test_the_entity_stays_but_owns_no_group(found_entities) -> None:  # type: ignore[no-untyped-def]
    found = {entity.key: entity for entity in found_entities("Pro-Iran militias launch drones at bases in Syria.")}
    assert "iran" in found
    assert all(entity.state != "iran" for entity in found.values() if entity.type is GROUP)
