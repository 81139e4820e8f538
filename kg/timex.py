"""Time (part of the extract stage): time expressions -> Intervals anchored on the publication date.

`resolve("late last week", date(2025, 11, 29))` gives 2025-11-20 .. 2025-11-23 (week granularity);
`find_times(doc, published)` finds the expressions of a spaCy Doc or Span (its DATE and TIME
entities, widened by modifiers such as "late", plus the relative words the model misses) and
resolves each one. Relative expressions are handled by week, month and year arithmetic here;
explicit dates are read by dateparser. What cannot be resolved gives None, never a guess.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import dateparser  # type: ignore[import-untyped]

from kg.records import Granularity, Interval

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update(
    {name.lower(): index for index, name in enumerate(calendar.month_abbr) if name}
)
MONTHS["sept"] = 9

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "several": 3, "few": 3,
}  # fmt: skip
# Whole phrases read before anything is stripped ("last night" is not "last").
PHRASES = {
    "last night": "yesterday", "yesterday night": "yesterday", "tonight": "today", "this morning": "today",
    "this afternoon": "today", "this evening": "today", "earlier today": "today", "early this morning": "today",
    "late last night": "yesterday", "yesterday morning": "yesterday", "yesterday afternoon": "yesterday",
    "yesterday evening": "yesterday",
}  # fmt: skip
_RANGE = re.compile(r"^(.+?)\s+(?:to|until|through|till|-|–|—)\s+(.+)$")

# Words that only colour an expression ("on Monday night", "in the past year").
_LEADING = re.compile(
    r"^(?:on|in|during|at|by|over|from|as of|since|until|till|of|for|the)\s+"
)
_TRAILING = re.compile(r"\s+(?:night|morning|afternoon|evening|local time)$")
_PART = re.compile(
    r"^(late|early|earlier|mid|middle of|the end of|end of|the start of|start of|the beginning of)\s*-?\s*"
)
_YEAR = re.compile(r"^(1[89]\d\d|2[01]\d\d)$")
_DECADE = re.compile(r"^(1[89]\d|2[01]\d)0'?s$")
_AGO = re.compile(r"^(\d+|[a-z]+) (day|week|month|year)s? ago$")
_PAST = re.compile(
    r"^(?:the )?(?:past|last|previous) (?:(\d+|[a-z]+) )?(day|week|month|year)s?$"
)
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,? (\d{4})$")
_DAY_HINT = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|\d{4}-\d\d-\d\d")

# Time words spaCy's model does not always tag as DATE; found by a plain search instead.
_SEARCH = re.compile(
    r"\b(?:(?:late|early|earlier|later)\s+(?:on\s+)?)?"
    r"(?:yesterday|today|tonight|last night|(?:last|this|next|past) (?:week|month|year|weekend)|"
    r"(?:(?:last|this|next)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?)\b",
    re.IGNORECASE,
)
_MODIFIER_WORDS = frozenset({"late", "early", "earlier", "mid", "later"})


@dataclass(frozen=True, slots=True)
class _Part:
    """Which part of a period an expression names: its first, middle or last stretch."""

    name: str | None

    def of(self, start: date, end: date) -> tuple[date, date]:
        if self.name is None:
            return start, end
        days = (end - start).days + 1
        third = max(days // 3, 1)
        if self.name in ("early", "start of", "beginning of"):
            return start, start + timedelta(days=third - 1)
        if self.name in ("mid", "middle of"):
            return start + timedelta(days=third), end - timedelta(days=third)
        if self.name in ("late", "end of"):
            return end - timedelta(days=days - 2 * third - 1), end
        return start, end


def resolve(expression: str, published: date) -> Interval | None:
    """The interval an expression denotes in an article published on `published`, or None."""
    try:
        return _resolve(expression, published)
    except (
        ValueError,
        OverflowError,
    ):  # out of the calendar's range: "the past 2025 years"
        return None


def _resolve(expression: str, published: date) -> Interval | None:
    text = _normalise(expression)
    if not text:
        return None
    span = _RANGE.match(text)
    if (
        span
    ):  # "November 20 to December 11": from the start of one to the end of the other
        first, last = (
            resolve(span.group(1), published),
            resolve(span.group(2), published),
        )
        if first is not None and last is not None and first.earliest <= last.latest:
            return _interval(first.earliest, last.latest, "interval", expression)
        return None
    part_match = _PART.match(text)
    part_name = None
    if part_match:
        part_name = part_match.group(1).removeprefix("the ")
        text = _normalise(text[part_match.end() :])
    if part_name == "earlier":
        found = _relative(text, published)
        if found is None:
            return None
        start, end, granularity = found
        return _interval(start, min(end, published), granularity, expression)
    found = _relative(text, published) or _absolute(text, published)
    if found is None:
        return None
    start, end, granularity = found
    if part_name is not None and granularity in ("week", "month", "year"):
        if granularity == "week" and part_name == "late":
            start = end - timedelta(days=3)  # Thursday to Sunday
        elif granularity == "week" and part_name == "early":
            end = start + timedelta(days=2)  # Monday to Wednesday
        else:
            start, end = _Part(part_name).of(start, end)
    return _interval(start, end, granularity, expression)


def find_times(
    doc_or_span: Doc | Span, published: date
) -> list[tuple[int, int, Interval]]:
    """Every resolvable time expression in a Doc or Span: (start_char, end_char, Interval).

    Offsets are into the Doc's text. Expressions are spaCy's DATE and TIME entities widened by
    a leading "late"/"early"/"earlier", and relative words the model missed.
    """
    return list(_find_times(doc_or_span, published))


# The event and designation extractors each ask for the times of every sentence of a Doc.
@lru_cache(maxsize=256)
def _find_times(doc_or_span: Doc | Span, published: date) -> tuple[tuple[int, int, Interval], ...]:
    found: list[tuple[int, int, Interval]] = []
    taken: list[tuple[int, int]] = []
    for start, end, text in _candidates(doc_or_span):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        interval = resolve(text, published)
        if interval is not None:
            found.append((start, end, interval))
            taken.append((start, end))
    return tuple(sorted(found, key=lambda item: item[0]))


def _candidates(doc_or_span: Doc | Span) -> Iterator[tuple[int, int, str]]:
    doc = doc_or_span.doc if hasattr(doc_or_span, "doc") else doc_or_span
    for ent in _entities(doc_or_span):
        if ent.label_ not in ("DATE", "TIME") or _names_an_event(ent):
            continue
        first = ent.start
        while first > 0 and doc[first - 1].lower_ in _MODIFIER_WORDS | {"on"}:
            first -= 1
        while first < ent.start and doc[first].lower_ == "on":
            first += 1
        start = doc[first].idx
        yield start, ent.end_char, doc[first : ent.end].text  # Doc.text is rebuilt token by token on every call
    offset = doc_or_span.start_char if hasattr(doc_or_span, "start_char") else 0
    for match in _SEARCH.finditer(doc_or_span.text):
        yield offset + match.start(), offset + match.end(), match.group(0)


# The last Doc whose entities were listed, with them: `Doc.ents` (and `Span.ents`, which reads it)
# makes a Span of every entity of the whole Doc on each call, and every sentence is asked about.
_last_entities: list[tuple[Doc | Span, tuple[Span, ...]]] = []


def _entities(doc_or_span: Doc | Span) -> Sequence[Span]:
    """`doc_or_span.ents`, from the entities of its Doc listed once."""
    doc = doc_or_span.doc if hasattr(doc_or_span, "doc") else doc_or_span
    last = _last_entities[0] if _last_entities else None
    if last is None or last[0] is not doc:
        last = (doc, tuple(doc.ents))
        _last_entities[:] = [last]
    if doc_or_span is doc:
        return last[1]
    start, end = getattr(doc_or_span, "start"), getattr(doc_or_span, "end")
    inside: list[Span] = []
    for ent in last[1]:  # as Span.ents: from the first entity starting in the span, up to one ending past it
        if ent.start >= start:
            if ent.end > end:
                break
            inside.append(ent)
    return inside


def _names_an_event(ent: Span) -> bool:
    """ "Since *the October 7* attacks", "the April 7 ceasefire": a day of a month without a year
    that premodifies a noun after "the" names an earlier event; its year is not the article's."""
    root, doc = ent.root, ent.doc
    return (
        ent.start > 0
        and doc[ent.start - 1].lower_ == "the"
        and root.dep_ in ("nmod", "compound", "nummod", "amod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.i >= ent.end
        and any(word.lower_.rstrip(".") in MONTHS for word in ent)
        and not any(_YEAR.match(word.text) for word in ent)
    )


def _normalise(expression: str) -> str:
    text = " ".join(expression.lower().replace("\u2019", "'").split()).strip(" ,.;")
    text = text.removesuffix("'s")
    text = text.replace("this past ", "last ").replace("this coming ", "next ")
    for leading in ("on ", "in ", "at ", "late ", "early "):
        if text.removeprefix(leading) in PHRASES:
            return PHRASES[text.removeprefix(leading)]
    if text in PHRASES:
        return PHRASES[text]
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
        text = _TRAILING.sub("", text)
    return text


def _interval(
    start: date, end: date, granularity: Granularity, expression: str
) -> Interval | None:
    if start > end:
        return None
    return Interval(start, end, granularity, " ".join(expression.split()))


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month_of(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _count(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _relative(text: str, published: date) -> tuple[date, date, Granularity] | None:
    """Expressions resolved by calendar arithmetic alone."""
    day = timedelta(days=1)
    if text in (
        "today",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "now",
    ):
        return published, published, "day"
    if text in ("yesterday", "last night", "yesterday night"):
        return published - day, published - day, "day"
    if text in ("tomorrow",):
        return published + day, published + day, "day"
    if text in ("day before yesterday",):
        return published - 2 * day, published - 2 * day, "day"
    week_start, week_end = _week_of(published)
    if text in ("last week", "previous week"):
        return week_start - 7 * day, week_end - 7 * day, "week"
    if text in ("this week", "week"):
        return week_start, week_end, "week"
    if text in ("next week",):
        return week_start + 7 * day, week_end + 7 * day, "week"
    if text in ("weekend", "last weekend", "this weekend"):
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if text == "last weekend" and published.weekday() >= 5:
            saturday -= 7 * day
        return saturday, saturday + day, "interval"
    if text in ("last month", "previous month"):
        first = _shift_months(published.replace(day=1), -1)
        return (*_month_of(first.year, first.month), "month")
    if text in ("this month", "month"):
        return (*_month_of(published.year, published.month), "month")
    if text in ("next month",):
        first = _shift_months(published.replace(day=1), 1)
        return (*_month_of(first.year, first.month), "month")
    if text in ("last year", "previous year"):
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), "year"
    if text in ("this year", "year"):
        return date(published.year, 1, 1), date(published.year, 12, 31), "year"
    if text in ("next year",):
        return date(published.year + 1, 1, 1), date(published.year + 1, 12, 31), "year"
    return _relative_counted(text, published) or _weekday(text, published)


def _relative_counted(
    text: str, published: date
) -> tuple[date, date, Granularity] | None:
    """ "three days ago", "the past year", "the last two weeks"."""
    ago = _AGO.match(text)
    if ago:
        count = _count(ago.group(1))
        if count is None:
            return None
        unit = ago.group(2)
        if unit == "day":
            moment = published - timedelta(days=count)
            return moment, moment, "day"
        if unit == "week":
            return (*_week_of(published - timedelta(days=7 * count)), "week")
        if unit == "month":
            moment = _shift_months(published, -count)
            return (*_month_of(moment.year, moment.month), "month")
        return (
            date(published.year - count, 1, 1),
            date(published.year - count, 12, 31),
            "year",
        )
    past = _PAST.match(text)
    if past:
        count = _count(past.group(1))
        if count is None:
            return None
        unit = past.group(2)
        if unit == "day":
            start = published - timedelta(days=count)
        elif unit == "week":
            start = published - timedelta(days=7 * count)
        elif unit == "month":
            start = _shift_months(published, -count)
        else:
            start = _shift_months(published, -12 * count)
        return start, published, "interval"
    return None


def _weekday(text: str, published: date) -> tuple[date, date, Granularity] | None:
    """ "Thursday" (the latest on or before publication), "last Monday", "next Friday"."""
    words = text.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2:
        return None
    target = WEEKDAYS[words[-1]]
    qualifier = words[0] if len(words) == 2 else None
    if qualifier not in (None, "last", "this", "next", "past"):
        return None
    back = (published.weekday() - target) % 7
    if qualifier in ("last", "past") and back == 0:
        back = 7
    if qualifier == "next":
        ahead = (target - published.weekday()) % 7 or 7
        moment = published + timedelta(days=ahead)
    else:
        moment = published - timedelta(days=back)
    return moment, moment, "day"


def _absolute(text: str, published: date) -> tuple[date, date, Granularity] | None:
    """Years, decades, months and explicit dates."""
    if _YEAR.match(text):
        year = int(text)
        return date(year, 1, 1), date(year, 12, 31), "year"
    decade = _DECADE.match(text)
    if decade:
        first = int(decade.group(1)) * 10
        return date(first, 1, 1), date(first + 9, 12, 31), "interval"
    if text in MONTHS:
        month = MONTHS[text]
        year = published.year if month <= published.month else published.year - 1
        return (*_month_of(year, month), "month")
    month_year = _MONTH_YEAR.match(text)
    if month_year and month_year.group(1) in MONTHS:
        return (
            *_month_of(int(month_year.group(2)), MONTHS[month_year.group(1)]),
            "month",
        )
    if not _DAY_HINT.search(text):
        return None
    return _explicit_day(text, published)


@lru_cache(maxsize=1024)  # dateparser is slow, and articles repeat their dates
def _explicit_day(text: str, published: date) -> tuple[date, date, Granularity] | None:
    """A day written out ("November 25, 2025", "25 November", "2025-11-25"), via dateparser."""
    has_year = re.search(r"\b\d{4}\b", text) is not None
    named_month = any(month in re.split(r"[\s,.\-/]+", text) for month in MONTHS)
    if not named_month and not re.match(r"^\d{4}-\d\d-\d\d$", text):
        return None
    settings: dict[str, object] = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    moment = parsed.date()
    if not has_year:
        # No year written: the occurrence of that day nearest to the publication date.
        candidates = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                candidates.append(moment.replace(year=year))
            except ValueError:
                continue
        if not candidates:
            return None
        moment = min(
            candidates, key=lambda candidate: abs((candidate - published).days)
        )
    return moment, moment, "day"
