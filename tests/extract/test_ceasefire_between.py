"""A ceasefire or truce between two named sides told as taking effect, holding or beginning is
the codebook's RETREAT (implement a ceasefire) of each side toward the other, mode `ceasefire`; one
named only as a backdrop, collapsing or announced is not read from the noun. Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EventType
from fictional_names import FICTIONAL_NAMES


def _retreats(annotated, text: str) -> set[tuple[tuple[str, ...], tuple[str, ...], str | None]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, FICTIONAL_NAMES)
    return {(event.actors, event.targets, event.mode)
            for event in events.extract(doc, entities, article) if event.type is EventType.RETREAT}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "A ceasefire between Ruritania and Freedonia comes into effect at midnight.",
        "The truce between Ruritania and Freedonia takes effect after weeks of fighting.",
        "A ceasefire between Ruritania and Freedonia, mediated by Elbonia, holds.",
    ],
)
def test_a_ceasefire_between_two_sides_taking_effect_is_each_sides_retreat(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _retreats(annotated, text)
    assert (("ruritania",), ("freedonia",), "ceasefire") in found, found
    assert (("freedonia",), ("ruritania",), "ceasefire") in found, found
    assert not any("elbonia" in actors + targets for actors, targets, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "A ceasefire between Ruritania and Freedonia collapses.",
        "Shelling continues despite a truce between Ruritania and Freedonia.",
        "Elbonia announces a ceasefire between Ruritania and Freedonia.",
        "The ceasefire between Ruritania and Freedonia is scheduled to expire today.",
    ],
)
def test_a_ceasefire_as_a_backdrop_or_announced_gives_no_retreat(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert _retreats(annotated, text) == set()
