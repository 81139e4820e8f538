"""An ongoing condition whose holder is named is an event, whatever the verb of its sentence (the
presupposed-event convention, rules 1 and 7, bench/COVERAGE.md): a blockade or siege (COERCE) and an
occupation (COERCE) with a possessive, demonym, compound or *by*-agent holder, the *X-occupied* and
*occupied by X* participle, and an invasion (ASSAULT, invader -> invaded) in the body. Undated unless
its own phrase dates it; no fact with no holder (*the blockade*, *the occupied West Bank*), for a
hypothetical one, in a topic line, nor twice where the sentence's own verb states it; constructed
sentences."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import events
from kg.nlp import annotate
from kg.records import Article, EntityType, EventType
from fictional_names import FICTIONAL_NAMES

NAMES = {
    **FICTIONAL_NAMES,
    "Ruritanian": ("ruritania", EntityType.STATE),
    "Freedonian": ("freedonia", EntityType.STATE),
    "Red Harbour": ("harbour", EntityType.LOCATION),
    "West Bank": ("west_bank", EntityType.LOCATION),
    "Northern Front": ("front", EntityType.ORGANIZATION),
}


def _read(annotated, text: str):  # type: ignore[no-untyped-def]
    doc, entities, article = annotated(text, NAMES)
    return [(event.type, event.actors, event.targets, event.location, event.when, event.provenance)
            for event in events.extract(doc, entities, article)]  # fmt: skip


def _stated(found, event_type: EventType):  # type: ignore[no-untyped-def]
    return [(actors, targets, location, when) for kind, actors, targets, location, when, provenance in found
            if kind is event_type and not provenance.hypothetical and not provenance.negated]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "actor", "target", "place"),
    [
        ("Aid groups warn of hunger caused by Ruritania's blockade of Red Harbour.", "ruritania", None, "harbour"),
        ("Ships sailed on Monday to break the Ruritanian blockade of Freedonia.", "ruritania", "freedonia", None),
        ("A fuel blockade on Freedonia imposed by the Northern Front has emptied its pumps.", "front", "freedonia", None),
        ("The ships turned back because of the Ruritanian blockade around Freedonia.", "ruritania", "freedonia", None),
        ("Food ran out during the Ruritanian siege of Red Harbour.", "ruritania", None, "harbour"),
        ("Protesters marched against the Ruritanian occupation of Red Harbour.", "ruritania", "harbour", "harbour"),
        ("Freedonia demands an end to Ruritania's occupation of Red Harbour.", "ruritania", "harbour", "harbour"),
    ],
)
def test_a_blockade_siege_or_occupation_with_its_holder_is_a_coercion(annotated, text, actor, target, place) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, text), EventType.COERCE)
    assert any(actors == (actor,) and (target is None or target in targets) and (place is None or location == place)
               for actors, targets, location, _ in found), found  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Two men were shot in the Ruritanian-occupied West Bank.",
        "Red Harbour, occupied by Ruritania since the war, lost power.",
    ],
)
def test_a_place_occupied_by_its_holder_is_a_seizure_of_it(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, text), EventType.COERCE)
    assert any(actors == ("ruritania",) and targets in (("west_bank",), ("harbour",)) for actors, targets, _, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Rallies mark the anniversary of Ruritania's invasion of Freedonia.",
        "Leaders met in Red Harbour on Monday to discuss an end to the Ruritanian invasion of Freedonia.",
    ],
)
def test_an_invasion_with_its_invader_is_an_undated_assault(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, text), EventType.ASSAULT)
    assert (("ruritania",), ("freedonia",), None, None) in found, found


def test_an_invasion_is_dated_only_by_its_own_year(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, "Rallies on Monday mark the anniversary of the 2019 Ruritanian invasion of Freedonia."),
                    EventType.ASSAULT)  # fmt: skip
    assert [when.earliest for actors, _, _, when in found if actors == ("ruritania",) and when] == [date(2019, 1, 1)], found


@pytest.mark.parametrize(
    "text",
    [
        "Relief convoys head for Red Harbour to break the blockade.",  # no holder
        "Two men were shot in the occupied West Bank.",  # a place epithet
        "Food ran out during the siege of Red Harbour.",
        "Prices rose because of the Ruritanian blockade.",  # what is blockaded not named: gold names it from elsewhere
        "Ruritania said it would not allow a blockade of its ports.",  # hypothetical
        "Freedonia condemned the blockade against Elbonia.",  # the condemner holds no blockade
    ],
)
def test_no_holder_or_no_condition_is_no_coercion(annotated, text) -> None:  # type: ignore[no-untyped-def]
    assert _stated(_read(annotated, text), EventType.COERCE) == []


@pytest.mark.parametrize("verb", ["has established", "imposed", "launched", "declared", "began"])
def test_the_subject_of_a_verb_setting_up_a_blockade_holds_it(annotated, verb) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, f"Ruritania {verb} a naval blockade against Freedonia."), EventType.COERCE)
    assert any(actors == ("ruritania",) and "freedonia" in targets for actors, targets, _, _ in found), found


def test_a_condition_the_clause_states_is_one_fact(annotated) -> None:  # type: ignore[no-untyped-def]
    found = _stated(_read(annotated, "Ruritania imposed a blockade on Freedonia on Monday."), EventType.COERCE)
    assert [(actors, targets) for actors, targets, _, _ in found] == [(("ruritania",), ("freedonia",))], found


def test_a_topic_line_states_no_held_condition(annotated, english_model) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="t", text="Alma Vask met Omar Tellen in Elbonia.", title="Ruritanian blockade of Freedonia",
                      published=date(2025, 11, 29), source="Wikipedia Current events portal")  # fmt: skip
    _, entities, _ = annotated(article.content, NAMES)
    found = events.extract(annotate(english_model, article), entities, article)
    assert [e.type for e in found] == [EventType.CONSULT], found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania will continue to occupy Freedonia.",
        "Ruritania says it will continue to blockade Freedonia.",
        "Ruritania continues to occupy Freedonia.",
    ],
)
def test_a_condition_its_holder_continues_is_held_not_threatened(annotated, text) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert any(actors == ("ruritania",) and "freedonia" in targets and when is None
               for actors, targets, _, when in _stated(found, EventType.COERCE)), found  # fmt: skip
    assert not any(kind is EventType.THREATEN for kind, *_ in found), found


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Ruritania will occupy Freedonia.", True),  # a new occupation: a threat
        ("Ruritania will continue to strike Freedonia.", True),  # attacks are no held condition
        ("Ruritania will not continue to occupy Freedonia.", False),
        ("If Ruritania continues to occupy Freedonia, Elbonia will respond.", False),
    ],
)
def test_a_new_denied_or_conditional_occupation_or_continued_attacks_is_no_held_condition(annotated, text, threat) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    assert _stated(found, EventType.COERCE) == [], found
    assert any(kind is EventType.THREATEN for kind, *_ in found) is threat, found


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Northern Front spokesman Alma Vask announced a blockade of Red Harbour.", ("front",)),
        ("Ruritanian spokeswoman Alma Vask declared a siege of Red Harbour.", ("ruritania",)),
    ],
)
def test_a_blockade_its_party_s_spokesperson_announces_is_the_party_s(annotated, text, holder) -> None:  # type: ignore[no-untyped-def]
    # The speaker only announces the act: the holder is the party the title names.
    found = _read(annotated, text)
    coerced = [(actors, provenance.confidence) for kind, actors, _, _, _, provenance in found if kind is EventType.COERCE]
    assert coerced and all(actors == holder for actors, _ in coerced), (text, found)
    assert all(confidence >= 0.5 for _, confidence in coerced), (text, found)


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # No party named in the speaker's title: no holder, no fact (never the speaker).
        ("Spokesman Alma Vask announced a blockade of Red Harbour.", None),
        # Not a speaker's title: the announcer's own act, as read before.
        ("Ruritanian President Alma Vask announced a blockade of Red Harbour.", ("vask",)),
    ],
)
def test_a_blockade_announced_by_no_spokesperson_of_a_party(annotated, text, holder) -> None:  # type: ignore[no-untyped-def]
    found = _read(annotated, text)
    coerced = [actors for kind, actors, _, _, _, _ in found if kind is EventType.COERCE]
    assert all("vask" not in actors for actors in coerced) if holder is None else holder in coerced, (text, found)
