"""An attack called off, cancelled, postponed or held off on is a RETREAT towards the party it
was aimed at (the `if_halted` reading of the attack noun), neither the "reduce relations" CAMEO
codes *call off* or *abort* with whatever object (160) nor a threat of the planned attack; what
else those verbs govern keeps its reading. Constructed sentences."""

import pytest

from kg.extract import events
from kg.records import Event, EventType
from fictional_names import FICTIONAL_NAMES


def _events(annotated, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, FICTIONAL_NAMES)
    return events.extract(doc, entities, article)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Alma Vask called off planned military strikes against Freedonia.", "vask"),
        ("Alma Vask announced that she had called off planned airstrikes on Freedonia.", "vask"),
        ("Ruritania called off its offensive against Freedonia.", "ruritania"),
        ("Ruritania aborted its attack on Freedonia.", "ruritania"),
        ("Ruritania postponed its offensive against Freedonia.", "ruritania"),
        ("Ruritania scrapped its planned attack on Freedonia.", "ruritania"),
    ],
)
def test_an_attack_called_off_is_a_retreat(annotated, text, actor) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert [(e.type, e.actors, e.targets) for e in found] == [(EventType.RETREAT, (actor,), ("freedonia",))], found
    retreat = found[0].provenance
    # The calling off is stated, a "planned" attack or not.
    assert not (retreat.hypothetical or retreat.negated) and retreat.confidence >= 0.5, found


def test_strikes_held_off_on_are_no_attack(annotated) -> None:  # type: ignore[no-untyped-def]
    # The actor three steps from the noun ("held off on"): a retreat read, under the threshold.
    found = _events(annotated, "Ruritania held off on strikes against Freedonia.")
    assert [(e.type, e.actors, e.targets) for e in found] == [(EventType.RETREAT, ("ruritania",), ("freedonia",))], found


def test_a_retreat_only_possible_stays_hypothetical(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania may call off its planned strikes on Freedonia.")
    assert [(e.type, e.provenance.hypothetical) for e in found] == [(EventType.RETREAT, True)], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What else the cancelling verbs govern keeps its reading.
        ("Ruritania called off talks with Freedonia.", (EventType.SANCTION, ("ruritania",), ("freedonia",))),
        ("Ruritania cancels a visit to Freedonia.", (EventType.REJECT, ("ruritania",), ("freedonia",))),
        # A planned attack announced is still threatened, an attack threatened too.
        ("Ruritania announced planned strikes against Freedonia.", (EventType.THREATEN, ("ruritania",), ("freedonia",))),
        ("Ruritania threatened to strike Freedonia.", (EventType.THREATEN, ("ruritania",), ("freedonia",))),
    ],
)
def test_other_objects_and_threats_keep_their_reading(annotated, text, expected) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, text)
    assert expected in [(e.type, e.actors, e.targets) for e in found], found
    assert EventType.RETREAT not in [e.type for e in found], found


def test_aid_suspended_is_no_retreat(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _events(annotated, "Ruritania suspended its aid to Freedonia.")
    assert EventType.RETREAT not in [e.type for e in found], found


def test_a_retreat_is_not_dated_by_the_day_the_attack_was_set_for(annotated) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    doc, entities, article = annotated(
        "Ruritania called off its strikes on Freedonia for tomorrow. On Sunday, Elbonia called off its attack on Freedonia.",
        FICTIONAL_NAMES, published=date(2025, 11, 27),
    )
    found = {e.actors: e for e in events.extract(doc, entities, article) if e.type is EventType.RETREAT}
    assert set(found) == {("ruritania",), ("elbonia",)}, found
    assert found[("ruritania",)].when is None or found[("ruritania",)].when.earliest != date(2025, 11, 28), found
    assert found[("elbonia",)].when is not None and found[("elbonia",)].when.earliest == date(2025, 11, 23), found
