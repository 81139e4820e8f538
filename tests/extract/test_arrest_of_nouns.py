"""An arrest, detention, seizure or deportation told as a noun whose own phrase names its doer (a
possessor, an adjective of a state, or a by-agent) and whose of-phrase names the one it befell is the
codebook's COERCE of that one ("Ruritania's detention of Alma Vask"), with the mode the verb gives; a
noun whose doer is unnamed, or that is asked for, gives none. Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EventType
from fictional_names import FICTIONAL_NAMES


def _coerced(annotated, text: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, FICTIONAL_NAMES)
    return [(event.actors, event.targets, event.mode)
            for event in events.extract(doc, entities, article) if event.type is EventType.COERCE]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Ruritania's detention of Alma Vask drew wide criticism.", "arrest"),
        ("The arrest of Alma Vask by Ruritania sparked protests in the capital.", "arrest"),
        ("The deportation of Omar Tellen by Ruritania angered his supporters.", "deport"),
        ("Freedonia protests Ruritania's seizure of Omar Tellen at the border.", "seize"),
    ],
)
def test_a_done_coercion_noun_with_its_doer_named_coerces_its_of_object(annotated, text, mode) -> None:  # type: ignore[no-untyped-def]
    assert (("ruritania",), ("vask",) if "Vask" in text else ("tellen",), mode) in _coerced(annotated, text)


@pytest.mark.parametrize(
    "text",
    [
        "The arrest of Alma Vask by police sparked protests in the capital.",
        "Freedonia condemns the arrest of Alma Vask.",
        "Freedonia demands the arrest of Alma Vask by Ruritania.",
        "Protests followed the detention of Omar Tellen.",
    ],
)
def test_a_coercion_noun_with_no_named_doer_or_only_asked_for_gives_none(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert _coerced(annotated, text) == []
