"""A UN mission or peacekeeping force named in full ("the United Nations Interim Force in Lebanon")
is an organization of its own (gazetteers/organizations.tsv), not the United Nations with a
state inside its name; "the United Nations", its Security Council and "UN peacekeepers" with no
mission named stay what they were (constructed sentences, the whole pipeline)."""

from datetime import date

import pytest

from kg.records import Article, EntityType, Event, EventType

MISSION_NAMES = {
    "United Nations Assistance Mission in Afghanistan", "UN Assistance Mission in Afghanistan",
    "United Nations Interim Force in Lebanon", "UNIFIL", "United Nations Mission in South Sudan", "MONUSCO",
}  # fmt: skip


def _extraction(pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.extract(Article(id="mission", text=text, published=date(2025, 11, 29)))


def _events(pipeline, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    extraction = _extraction(pipeline, text)

    def labels(keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(extraction.entity(key).label for key in keys)

    return [(claim.type, labels(claim.actors), labels(claim.targets)) for claim in extraction.claims if isinstance(claim, Event)]


@pytest.mark.parametrize(
    ("text", "mission"),
    [
        ("Ruritanian police arrest two staff members of the United Nations Assistance Mission in Afghanistan in Herat.",
         "United Nations Assistance Mission in Afghanistan"),
        ("The UN Assistance Mission in Afghanistan reports that 42 civilians have been killed.",
         "UN Assistance Mission in Afghanistan"),
        ("A soldier is killed in a shooting against United Nations Interim Force in Lebanon peacekeepers.",
         "United Nations Interim Force in Lebanon"),
        ("Gunmen attack a convoy of the United Nations Mission in South Sudan.", "United Nations Mission in South Sudan"),
        ("MONUSCO condemns the attack on a camp in Ituri.", "MONUSCO"),
    ],
)
def test_a_named_mission_is_an_organization_not_the_united_nations(found_entities, text, mission) -> None:  # type: ignore[no-untyped-def]
    found = {entity.label: entity.type for entity in found_entities(text)}
    assert found.get(mission) is EntityType.ORGANIZATION, found
    assert "United Nations" not in found and "Lebanon" not in found and "Afghanistan" not in found, found


@pytest.mark.parametrize(
    ("text", "event_type", "targets"),
    [
        ("Afghanistan's intelligence agency arrests two staff members of the United Nations Assistance Mission in Afghanistan.",
         EventType.COERCE, {"United Nations Assistance Mission in Afghanistan"}),
        # the victims' state or their mission, as the gold sets take either
        ("A French soldier is killed in a shooting against United Nations Interim Force in Lebanon peacekeepers in Deir Kifa.",
         EventType.ASSAULT, {"United Nations Interim Force in Lebanon", "France"}),
    ],
)
def test_the_mission_is_the_target_not_the_united_nations(pipeline, text, event_type, targets) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert any(kind is event_type and targets.intersection(hit) for kind, _, hit in found), found
    assert all(set(hit) <= targets for _, _, hit in found), found


def test_no_state_troops_from_the_place_in_a_missions_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A French soldier is killed in a shooting against United Nations Interim Force in Lebanon peacekeepers."
    extraction = _extraction(pipeline, text)
    operators = {extraction.entity(claim.operator).label for claim in extraction.claims if getattr(claim, "operator", None)}
    assert "Lebanon" not in operators, extraction.claims


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The United Nations said that Ruritania attacked Lebanon.", "United Nations"),
        ("The UN Security Council condemned the strike on Lebanon.", "United Nations Security Council"),
        ("Militants attacked UN peacekeepers in southern Lebanon.", "United Nations"),
        ("The United Nations sent a mission to Afghanistan.", "United Nations"),
    ],
)
def test_the_united_nations_and_its_organs_stay_themselves(found_entities, text, name) -> None:  # type: ignore[no-untyped-def]
    found = {entity.label for entity in found_entities(text)}
    assert name in found and not found & MISSION_NAMES, found
