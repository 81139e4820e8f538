"""Two readings that named an event where the sentence tells none (constructed sentences):
a participle that describes a sanction noun ("the sanctions *imposed* by X on Y": a designation by
the annotation guidelines, not also an event) and *engage in* an activity (CAMEO's ENGAGE block reads
*engage in* by its noun and lists no activity; its bare default is a fight); and the *with* phrase
of the other signatory, still read."""

from __future__ import annotations

import pytest

from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {**FICTIONAL_NAMES, "the United Nations": ("united_nations", EntityType.ORGANIZATION)}
MEASURES = (EventType.COERCE, EventType.THREATEN, EventType.SANCTION)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania criticises the sanctions imposed on Elbonia by Freedonia.",
        "Ruritania violates an arms embargo imposed by the United Nations on Elbonia.",
        "Ruritania criticises the sanctions that were imposed on Elbonia by Freedonia.",
        "Ruritania protests against the embargo reimposed on Elbonia by Freedonia last week.",
    ],
)
def test_a_participle_describing_a_sanction_tells_no_event(read_events, text) -> None:  # type: ignore[no-untyped-def]
    events = read_events(text, NAMES)
    assert not [e for e in events if e[0] in MEASURES and e[1] in (("freedonia",), ("united_nations",))], events


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia imposes sanctions on Elbonia.",
        "Freedonia imposed an arms embargo on Elbonia.",
    ],
)
def test_a_finite_imposition_is_still_a_designation(annotated, text) -> None:  # type: ignore[no-untyped-def]
    from kg.extract import designations

    doc, entities, article = annotated(text, NAMES)
    found = {(d.authority, d.designee) for d in designations.extract(doc, entities, article)}
    assert ("freedonia", "elbonia") in found


def test_an_imposed_tariff_is_still_read(read_events) -> None:  # type: ignore[no-untyped-def]
    # a tariff is no designation: "tariffs imposed on Y by X" stay X's coercion of Y
    events = read_events("Ruritania criticises the tariffs imposed on Elbonia by Freedonia.", NAMES)
    assert (EventType.COERCE, ("freedonia",), ("elbonia",)) in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia shoots a Ruritanian farmer who was engaging in farming activities in Elbonia.",
        "Freedonia engages in economic activities in Elbonia.",
    ],
)
def test_engaging_in_an_activity_is_no_fight(read_events, text) -> None:  # type: ignore[no-untyped-def]
    # the shooting is Freedonia's; the farmer's (or Freedonia's) activity is no fight in Elbonia
    events = read_events(text, NAMES)
    assert not [e for e in events if e[0] is EventType.ASSAULT and e[2] in ((), ("elbonia",))], events


def test_engaging_in_an_activity_is_no_fight_of_its_subject(read_events) -> None:  # type: ignore[no-untyped-def]
    events = read_events("Freedonia engages in economic activities in Elbonia.", NAMES)
    assert not [e for e in events if e[0] is EventType.ASSAULT], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania engaged in talks with Freedonia.", (EventType.CONSULT, ("ruritania",), ("freedonia",))),
        ("Ruritania engages in negotiations with Freedonia.", (EventType.CONSULT, ("ruritania",), ("freedonia",))),
        ("Ruritanian forces engage in heavy clashes with Freedonia.", (EventType.ASSAULT, ("ruritania",), ("freedonia",))),
    ],
)
def test_engage_in_an_event_noun_is_still_read(read_events, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in read_events(text, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "Peru signed an agreement with Chile.",
        "Peru signed a treaty with Chile, ending the war.",
        "Peru agreed with Chile on the border.",
    ],
)
def test_a_with_phrase_of_the_other_signatory_is_still_read(pipeline_events, text) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.AGREE, ["Peru"], ["Chile"]) in pipeline_events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania signed an agreement with Freedonia.",
        "Ruritania agreed with Freedonia on the border.",
        "Ruritania signed a trade agreement with Freedonia in the capital.",
        "Ruritania signed an agreement with Freedonia, ending the dispute.",
    ],
)
def test_a_with_phrase_of_the_other_party_is_still_read_by_name(read_events, text) -> None:  # type: ignore[no-untyped-def]
    assert (EventType.AGREE, ("ruritania",), ("freedonia",)) in read_events(text, NAMES)
