"""contested_claims and the report's contested mark on claims that act on no one: a capture of a
place is contested as any claim is."""

from __future__ import annotations

from datetime import date

from fixture import STATE, PERSON, _Article
from kg.query import load_queries, run_query
from kg.rdf import to_graph
from kg.records import Article, Event, EventType
from kg.store import KgStore

CONTENT = (
    "Elbonian army chief Ilse Varga announces that Elbonian forces have captured Red Harbour. "
    "The Freedonian military denies the statement. "
    "Varga also says Elbonia struck Freedonia. "
    "Freedonia denies that Elbonia attacked."
)


def _rows(*events: tuple[EventType, tuple[str, ...], str, str | None, bool], query_name: str = "contested_claims") -> list[dict[str, object]]:
    """A saved query over one article holding these events: (type, targets, sentence start, claimant, negated)."""
    a = _Article(Article(id="capture", title="Red Harbour", text=CONTENT, published=date(2025, 11, 21)))
    a.entity("elbonia", "Elbonia", STATE, "Elbonian", "Elbonia")
    a.entity("freedonia", "Freedonia", STATE, "Freedonian", "Freedonia")
    a.entity("varga", "Ilse Varga", PERSON, "Ilse Varga")
    a.claims += [
        Event(event_type, ("elbonia",), targets, a.said(start, "kg.events.v2", 0.5, claimed_by=claimant, negated=negated))
        for event_type, targets, start, claimant, negated in events
    ]
    extraction, links = a.extraction()
    with KgStore(None) as store:
        store.replace_article("capture", to_graph(extraction, links))
        query = load_queries()[query_name]
        result = run_query(store.oxigraph, query, {})
    return [dict(zip(result.columns, row)) for row in result.rows]


def test_a_claim_with_no_target_denied_by_another_party_is_contested() -> None:
    [row] = _rows(
        (EventType.COERCE, (), "Elbonian army chief", "varga", False),
        (EventType.COERCE, (), "The Freedonian military", "freedonia", True),
    )
    assert (row["actor"], row["target"], row["target_iri"]) == ("Elbonia", None, None)
    assert (row["asserted_by"], row["contested_by"]) == ("Ilse Varga", "Freedonia")


def test_a_denial_contests_no_claim_that_names_another_target_or_none() -> None:
    assert _rows(
        (EventType.COERCE, (), "Elbonian army chief", "varga", False),
        (EventType.COERCE, ("freedonia",), "The Freedonian military", "freedonia", True),  # a target the claim does not name
        (EventType.ASSAULT, ("freedonia",), "Varga also says", "varga", False),
        (EventType.ASSAULT, (), "Freedonia denies", "freedonia", True),  # no target where the claim has one
    ) == []


def test_a_party_denying_its_own_claim_does_not_contest_it() -> None:
    assert _rows(
        (EventType.COERCE, (), "Elbonian army chief", "varga", False),
        (EventType.COERCE, (), "The Freedonian military", "varga", True),
    ) == []


def test_the_report_marks_a_claim_with_no_target_and_its_denial_contested() -> None:
    rows = _rows(
        (EventType.COERCE, (), "Elbonian army chief", "varga", False),
        (EventType.COERCE, (), "The Freedonian military", "freedonia", True),
        (EventType.ASSAULT, ("freedonia",), "Varga also says", "varga", False),
        query_name="report_events",
    )
    assert sorted((str(row["type"]).rsplit("#")[-1], row["negated"], row["contested"]) for row in rows) == [
        ("Assault", False, False), ("Coerce", False, True), ("Coerce", True, True),
    ]


def test_the_report_does_not_contest_a_claim_with_no_target_by_one_with_a_target() -> None:
    rows = _rows(
        (EventType.COERCE, (), "Elbonian army chief", "varga", False),
        (EventType.COERCE, ("freedonia",), "The Freedonian military", "freedonia", True),
        query_name="report_events",
    )
    assert [row["contested"] for row in rows] == [False, False]
