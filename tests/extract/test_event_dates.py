"""Event dates (constructed sentences): a time in a noun's prepositional phrase dates that noun,
not the event of the clause ("following his conviction ... in 2021"), and a time inside an act
that "for", "of", "after", "following" ... introduce dates that act ("sentenced X for killing Y in
2023", "expelled X after Y expelled Z on Tuesday"), not the trigger's; an event of a later
sentence that goes on with the lead's own event (same actor, same type) takes the lead's date
where its own clause gives none."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import events
from kg.records import EntityType, EventType
from fictional_names import FICTIONAL_NAMES

PERSON = EntityType.PERSON
NAMES = {**FICTIONAL_NAMES, "Ivo Brandt": ("brandt", PERSON)}
TUESDAY = date(2025, 11, 25)  # before the publication date, Saturday 2025-11-29


def _dated(annotated, text: str) -> list[tuple[EventType, tuple[str, ...], tuple[str, ...], date | None]]:  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.targets, event.when.earliest if event.when else None)
            for event in events.extract(doc, entities, article)]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania arrested Omar Tellen following his conviction for perjury in 2021.",
        "Ruritania expelled Omar Tellen after his visit to Freedonia in 2019.",
    ],
)
def test_a_time_in_a_nouns_phrase_dates_the_noun_not_the_event(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _dated(annotated, text)
    assert any(actors == ("ruritania",) and "tellen" in targets for _, actors, targets, _ in found), found
    assert all(when is None for _, actors, _, when in found if actors == ("ruritania",)), found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania arrested Omar Tellen in 2021 following his conviction for perjury.",
        "In 2021, Ruritania arrested Omar Tellen following his conviction.",
    ],
)
def test_a_time_of_the_clause_still_dates_it(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _dated(annotated, text)
    assert any(actors == ("ruritania",) and when is not None and when.year == 2021 for _, actors, _, when in found), found


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, Alma Vask issued a series of seven pardons. Alma Vask granted Omar Tellen a full pardon.",
        "On Tuesday, Alma Vask issued three pardons. Later Alma Vask granted Omar Tellen a full and unconditional pardon.",
    ],
)
def test_an_event_going_on_with_the_lead_takes_its_date(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _dated(annotated, text)
    assert (EventType.CONCEDE, ("vask",), ("tellen",), TUESDAY) in found, found


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # another actor, another type, a date of its own: the lead's date is not theirs
        ("On Tuesday, Alma Vask issued seven pardons. Ivo Brandt granted Omar Tellen a full pardon.", ("brandt",), None),
        ("On Tuesday, Ruritania attacked Freedonia. Ruritania praised Elbonia.", ("ruritania",), None),
        ("On Tuesday, Ruritania attacked Freedonia. On Friday, Ruritania attacked Elbonia.", ("ruritania",), date(2025, 11, 28)),
    ],
)
def test_the_leads_date_only_for_its_own_event(annotated, text, actors, expected) -> None:  # type: ignore[no-untyped-def]
    found = _dated(annotated, text)
    later = [when for _, acting, targets, when in found if acting == actors and "freedonia" not in targets]
    assert later and all(when == expected for when in later), found


def test_a_plan_is_not_dated_by_the_lead(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _dated(annotated, "On Tuesday, Alma Vask issued three pardons. Alma Vask will grant Omar Tellen a full pardon.")
    planned = [when for kind, actors, targets, when in found if kind is EventType.CONCEDE and "tellen" in targets]
    assert planned and all(when is None for when in planned), found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ruritania sentenced Omar Tellen to ten years in prison for killing Alma Vask in June 2023.", EventType.SANCTION),
        ("Ruritania accused Freedonia of orchestrating an attack on its embassy in May.", EventType.ACCUSE),
        ("Ruritania released Omar Tellen after detaining him without charge last Friday.", EventType.RETREAT),
        ("Ruritania expelled Omar Tellen after Freedonia expelled two Ruritanian diplomats on Tuesday.", EventType.SANCTION),
        ("Ruritania restored diplomatic relations with Freedonia following their 2022 break in ties.", EventType.COOPERATE),
    ],
)
def test_a_time_of_another_act_does_not_date_the_event(annotated, text, kind) -> None:  # type: ignore[no-untyped-def]
    found = _dated(annotated, text)
    own = [when for found_kind, actors, _, when in found if found_kind is kind and actors == ("ruritania",)]
    assert own and all(when is None for when in own), found


@pytest.mark.parametrize(
    ("text", "kind", "actors", "day"),
    [
        # the trigger's own time, with the other act beside it
        ("Ruritania released Omar Tellen on Tuesday after detaining him.", EventType.RETREAT, ("ruritania",), TUESDAY),
        ("On Tuesday, Ruritania sentenced Omar Tellen for killing Alma Vask.", EventType.SANCTION, ("ruritania",), TUESDAY),
        # the other act keeps its own time
        ("Ruritania expelled Omar Tellen after Freedonia expelled two Ruritanian diplomats on Tuesday.", EventType.SANCTION,
         ("freedonia",), TUESDAY),
        # an attack the killing happened in is the killing's own
        ("Ruritania killed Omar Tellen in an airstrike on Tuesday.", EventType.ASSAULT, ("ruritania",), TUESDAY),
    ],
)
def test_the_triggers_own_time_still_dates_it(annotated, text, kind, actors, day) -> None:  # type: ignore[no-untyped-def]
    found = _dated(annotated, text)
    assert any(found_kind is kind and acting == actors and when == day for found_kind, acting, _, when in found), found
