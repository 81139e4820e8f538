"""Time expressions resolved against the publication date (pure: no spaCy model)."""

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.timex import find_times, resolve

SATURDAY = date(2025, 11, 29)


@pytest.mark.parametrize(
    ("expression", "earliest", "latest", "granularity"),
    [
        ("last week", "2025-11-17", "2025-11-23", "week"),
        ("late last week", "2025-11-20", "2025-11-23", "week"),
        ("early last week", "2025-11-17", "2025-11-19", "week"),
        ("On Thursday", "2025-11-27", "2025-11-27", "day"),
        ("Saturday", "2025-11-29", "2025-11-29", "day"),
        ("last Saturday", "2025-11-22", "2025-11-22", "day"),
        ("next Monday", "2025-12-01", "2025-12-01", "day"),
        ("on Monday night", "2025-11-24", "2025-11-24", "day"),
        ("late on Sunday", "2025-11-23", "2025-11-23", "day"),
        ("over the past year", "2024-11-29", "2025-11-29", "interval"),
        ("the past two weeks", "2025-11-15", "2025-11-29", "interval"),
        ("three days ago", "2025-11-26", "2025-11-26", "day"),
        ("yesterday", "2025-11-28", "2025-11-28", "day"),
        ("today", "2025-11-29", "2025-11-29", "day"),
        ("this week", "2025-11-24", "2025-11-30", "week"),
        ("earlier this week", "2025-11-24", "2025-11-29", "week"),
        ("earlier this month", "2025-11-01", "2025-11-29", "month"),
        ("earlier in the month", "2025-11-01", "2025-11-29", "month"),
        ("last month", "2025-10-01", "2025-10-31", "month"),
        ("last year", "2024-01-01", "2024-12-31", "year"),
        ("in 2024", "2024-01-01", "2024-12-31", "year"),
        ("since 2011", "2011-01-01", "2011-12-31", "year"),
        ("the 1990s", "1990-01-01", "1999-12-31", "interval"),
        ("in March", "2025-03-01", "2025-03-31", "month"),
        ("in December", "2024-12-01", "2024-12-31", "month"),
        ("in November", "2025-11-01", "2025-11-30", "month"),
        ("late March", "2025-03-21", "2025-03-31", "month"),
        ("March 2023", "2023-03-01", "2023-03-31", "month"),
        ("November 25, 2025", "2025-11-25", "2025-11-25", "day"),
        ("Tuesday, November 25, 2025", "2025-11-25", "2025-11-25", "day"),
        ("25 November 2025", "2025-11-25", "2025-11-25", "day"),
        ("2025-11-25", "2025-11-25", "2025-11-25", "day"),
        ("on 3 January", "2026-01-03", "2026-01-03", "day"),
        ("on November 3", "2025-11-03", "2025-11-03", "day"),
        ("last night", "2025-11-28", "2025-11-28", "day"),
        ("late last night", "2025-11-28", "2025-11-28", "day"),
        ("this morning", "2025-11-29", "2025-11-29", "day"),
        ("this past Friday", "2025-11-28", "2025-11-28", "day"),
        ("this coming Friday", "2025-12-05", "2025-12-05", "day"),
        ("next year's", "2026-01-01", "2026-12-31", "year"),
        ("seventeen years ago", "2008-01-01", "2008-12-31", "year"),
        ("November 20 to December 11", "2025-11-20", "2025-12-11", "interval"),
    ],
)
def test_timex_resolves_expression(
    expression: str, earliest: str, latest: str, granularity: str
) -> None:
    interval = resolve(expression, SATURDAY)
    assert interval is not None, expression
    assert (str(interval.earliest), str(interval.latest), interval.granularity) == (
        earliest,
        latest,
        granularity,
    )
    assert interval.expression == expression


def test_timex_day_without_year_takes_nearest_occurrence() -> None:
    interval = resolve("December 10", date(2019, 10, 27))
    assert interval is not None and str(interval.earliest) == "2019-12-10"
    interval = resolve("October 2", date(2019, 10, 27))
    assert interval is not None and str(interval.earliest) == "2019-10-02"


def test_timex_weekday_on_publication_day_is_that_day() -> None:
    interval = resolve("Thursday", date(2025, 11, 27))
    assert interval is not None and interval.earliest == date(2025, 11, 27)


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "the",
        "soon",
        "a long time",
        "recently",
        "decades",
        "the moment",
        "two days",
        "48 hours",
        "the same day",
        "afternoon",
    ],
)
def test_timex_unresolvable_gives_none(expression: str) -> None:
    assert resolve(expression, SATURDAY) is None


def _doc(words: list[str], dates: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in dates]
    return doc


def test_timex_find_times_widens_entities_and_searches_missed_words() -> None:
    words = [
        "They",
        "met",
        "late",
        "last",
        "week",
        "and",
        "talked",
        "again",
        "on",
        "Thursday",
        ",",
        "officials",
        "said",
        "yesterday",
        ".",
    ]
    doc = _doc(words, [(3, 5, "DATE")])
    found = [
        (doc.text[start:end], str(interval.earliest), str(interval.latest))
        for start, end, interval in find_times(doc, SATURDAY)
    ]
    assert found == [
        ("late last week", "2025-11-20", "2025-11-23"),
        ("Thursday", "2025-11-27", "2025-11-27"),
        ("yesterday", "2025-11-28", "2025-11-28"),
    ]


def test_timex_find_times_in_span_uses_doc_offsets() -> None:
    words = ["Peace", ".", "The", "strikes", "began", "on", "Monday", "night", "."]
    doc = _doc(words, [(6, 8, "TIME")])
    span = doc[2:]
    [(start, end, interval)] = find_times(span, SATURDAY)
    assert doc.text[start:end] == "Monday night"
    assert interval.earliest == date(2025, 11, 24)


@pytest.mark.parametrize(
    ("expression", "published"),
    [("the past 2025 years", SATURDAY), ("next year", date(9999, 6, 1))],
)
def test_timex_out_of_calendar_range_gives_none_not_an_error(
    expression: str, published: date
) -> None:
    assert resolve(expression, published) is None


def test_timex_find_times_skips_a_dated_event_name() -> None:
    # "since the April 7 ceasefire": the date names an earlier event, not a day of this year.
    words = ["strikes", "since", "the", "April", "7", "ceasefire", "on", "Monday"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[0, 0, 5, 5, 3, 1, 0, 6],
        deps=["ROOT", "prep", "det", "nmod", "nummod", "pobj", "prep", "pobj"],
        pos=["NOUN", "ADP", "DET", "PROPN", "NUM", "NOUN", "ADP", "PROPN"],
    )
    doc.ents = [Span(doc, 3, 5, label="DATE"), Span(doc, 7, 8, label="DATE")]
    found = [doc.text[start:end] for start, end, _ in find_times(doc, SATURDAY)]
    assert found == ["Monday"]
