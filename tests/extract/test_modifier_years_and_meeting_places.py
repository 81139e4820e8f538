"""Two precision guards (constructed sentences). A bare year that modifies a noun dates that noun,
not the event of the clause ("reviving the 1974 border framework", "against the proposed 2026
budget", "following the 2019 invasion"); the trigger's own year and the year of the object it acts
on still date it ("the 2019 invasion of X", "carried out the 2018 attack"), and so does a year
after "in". A capital alone before a meeting noun ("the Washington meeting", "the Paris summit")
is where the parties met, not its state as a party; a capital acting ("Washington imposes") and
capitals joined as the sides ("the Moscow-Kyiv talks") still stand for their states."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import events
from kg.records import Article, EntityType, Event, EventType
from fictional_names import FICTIONAL_NAMES


def _dated(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...], int | None]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, FICTIONAL_NAMES)
    return [(event.type, event.actors, event.targets, event.when.earliest.year if event.when else None)
            for event in events.extract(doc, entities, article)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Talks between Ruritania and Freedonia focused on reviving the 1974 border framework resume.", EventType.CONSULT),
        ("Thousands of people gather across Ruritania to protest against corruption and the proposed 2027 budget.",
         EventType.PROTEST),
        ("Ruritania carries out airstrikes on Elbonia despite a truce following the 2019 invasion.", EventType.ASSAULT),
    ],
)
def test_a_year_that_modifies_another_noun_dates_no_event(annotated, text: str, kind: EventType) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _dated(annotated, text) if event[0] is kind]
    assert found, _dated(annotated, text)
    assert all(when is None for *_, when in found), found


@pytest.mark.parametrize(
    ("text", "kind", "year"),
    [
        ("Ruritania and Freedonia held talks in 1974.", EventType.CONSULT, 1974),
        ("Ruritania carried out the 2018 attack on Elbonia.", EventType.ASSAULT, 2018),
        ("The 2019 attack on Elbonia by Ruritania killed thousands.", EventType.ASSAULT, 2019),
    ],
)
def test_a_year_of_the_clause_or_of_the_trigger_still_dates_it(annotated, text: str, kind: EventType, year: int) -> None:  # type: ignore[no-untyped-def]
    found = [event for event in _dated(annotated, text) if event[0] is kind]
    assert any(when == year for *_, when in found), _dated(annotated, text)


def _events(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    extraction = pipeline.extract(Article(id="t", text=text, published=date(2025, 11, 29)))
    return [claim for claim in extraction.claims if isinstance(claim, Event)]


@pytest.mark.parametrize(
    ("text", "kind", "actor", "target", "capital"),
    [
        ("At the Washington meeting, Israel agrees to a ceasefire with Lebanon.", EventType.AGREE, "israel", "lebanon", "united_states"),
        ("At the Washington meeting, Israeli and Lebanese officials agree to begin direct negotiations.",
         EventType.AGREE, "israel", "lebanon", "united_states"),
        ("Israel and Lebanon meet at the Paris summit.", EventType.CONSULT, "israel", "lebanon", "france"),
    ],
)
def test_a_capital_before_a_meeting_noun_is_no_party(pipeline, text: str, kind: EventType, actor: str, target: str,  # type: ignore[no-untyped-def]
                                                     capital: str) -> None:  # fmt: skip
    found = [event for event in _events(pipeline, text) if event.type is kind and not event.provenance.hypothetical]
    assert any(actor in event.actors and target in event.targets for event in found), found
    assert all(capital not in (*event.actors, *event.targets) for event in found), found


def test_a_capital_before_a_meeting_noun_is_a_place(found_entities) -> None:  # type: ignore[no-untyped-def]
    found = {entity.label: entity.type for entity in found_entities("Israel and Lebanon meet at the Paris summit.")}
    assert found.get("Paris") is EntityType.LOCATION and "France" not in found


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Washington imposes tariffs on China.", "united_states", "china"),
        ("Beijing expels the Japanese ambassador.", "china", "japan"),
    ],
)
def test_a_capital_acting_still_stands_for_its_state(pipeline, text: str, actor: str, target: str) -> None:  # type: ignore[no-untyped-def]
    found = _events(pipeline, text)
    assert any(actor in event.actors and target in event.targets for event in found), found


def test_capitals_joined_as_the_sides_of_talks_stay_states(found_entities) -> None:  # type: ignore[no-untyped-def]
    found = {entity.label: entity.type for entity in found_entities("The Moscow-Kyiv talks resume in Istanbul.")}
    assert found.get("Russia") is EntityType.STATE and found.get("Ukraine") is EntityType.STATE, found
