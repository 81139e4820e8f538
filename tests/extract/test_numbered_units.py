"""A military unit's name the model ends at its unit word ("the [Group] 12 unit") goes on to the
number written right after it; a known name, or a number after a comma, is left alone. Constructed
sentences, read with the pipeline's model and gazetteer."""

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Group 12 unit of the Northern Army surrenders to government forces.", "Group 12"),
        ("The Delta Group 9 unit withdraws from the town.", "Delta Group 9"),
    ],
)
def test_a_units_name_goes_on_to_its_number(found_entities, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    labels = {entity.label for entity in found_entities(text)}
    assert name in labels, labels


def test_a_known_name_or_a_number_after_a_comma_is_left_alone(found_entities) -> None:  # type: ignore[no-untyped-def]
    labels = {entity.label for entity in found_entities("The Wagner Group, 300 fighters strong, enters the town.")}
    assert "Wagner Group" in labels and not any("300" in label for label in labels), labels
