"""Closing an embassy or consulate is PLOVER's SANCTION, mode `withdraw` (CAMEO's CLOSE * EMBASSY,
* CONSULATE [161], reduce or break diplomatic relations): toward the state that hosts one's own
mission (*its embassy in Y*, a capital standing for its state where the article names it) or the
state whose mission one closes (*the Y embassy*, *Y's consulate*), never the mission itself; not a
COERCE, and not a police cordon (*seal off*); constructed sentences."""

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES as NAMES

# Real states and a capital: the gazetteer knows which state's capital a place is.
CAPITALS = {**NAMES, "Iran": ("iran", EntityType.STATE), "Tehran": ("tehran", EntityType.LOCATION),
            "Red Harbour": ("red_harbour", EntityType.LOCATION)}  # fmt: skip


def _read(annotated, text: str, names=NAMES):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, names)
    return [
        (event.type, event.actors, event.targets, event.mode, event.provenance.negated, event.provenance.hypothetical)
        for event in events.extract(doc, entities, article)
    ]


def _stated(found, kind):  # type: ignore[no-untyped-def]
    return [event for event in found if event[0] is kind and not event[4] and not event[5]]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ruritania closes its embassy in Freedonia.", "freedonia"),
        ("Ruritania shuts down its consulates in Freedonia after the riots.", "freedonia"),
        ("Ruritania closed the Freedonian embassy in its capital.", "freedonia"),
        ("Ruritania closes Freedonia's consulate in Port Lodz.", "freedonia"),
        ("The Freedonian consulate was closed by Ruritania.", "freedonia"),
    ],
)
def test_a_closed_mission_is_a_sanction_toward_its_host_or_owner(annotated, text, target) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert (EventType.SANCTION, ("ruritania",), (target,), "withdraw", False, False) in found, found
    assert not any(event[0] is EventType.COERCE for event in found), found


def test_a_capital_stands_for_the_state_the_article_names(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, "Ruritania closes its embassy in Tehran, citing threats from Iran.", CAPITALS),
                    EventType.SANCTION)  # fmt: skip
    assert (EventType.SANCTION, ("ruritania",), ("iran",), "withdraw", False, False) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania closes its embassy in Red Harbour.",  # a place that is no capital: no host named
        "Ruritania closes its embassy.",  # no host named
        "Ruritania closes the Ruritanian embassy in Freedonia's capital.",  # its own: the host only as a possessor of a place
        "Police in Ruritania seal off the Freedonian embassy.",  # a cordon, no reduced relations
        "Ruritania closes schools near the Freedonian embassy.",  # the schools are closed
        "Ruritania tells Freedonia to close its embassy.",  # a request: no closing
        "Ruritania will not close its embassy in Freedonia.",  # denied
    ],
)
def test_other_closings_state_no_sanction(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, text, CAPITALS), EventType.SANCTION)
    assert not found, found
