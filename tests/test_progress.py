"""kg.progress: a bar on a terminal, a line every few seconds elsewhere, running totals beside."""

from __future__ import annotations

import io

import pytest

from kg.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_in_a_log_writes_a_line_every_few_seconds_with_its_totals() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress("build", "articles", stream=stream, every_s=5.0, clock=clock)
    for second in range(12):
        clock.now += 1
        progress.advance(facts=3 * (second + 1), rejected=0)
    progress.close()
    assert stream.getvalue().splitlines() == [
        "kg build: 5 articles (1.0/s), facts 15, rejected 0",
        "kg build: 10 articles (1.0/s), facts 30, rejected 0",
    ]


def test_progress_with_a_total_says_how_far_along() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress("validate", "graphs", total=4, stream=stream, every_s=0.0, clock=clock)
    clock.now += 2
    progress.advance(violations=1)
    assert stream.getvalue() == "kg validate: 1/4 graphs (0.5/s), violations 1\n"


def test_progress_on_a_terminal_draws_a_bar() -> None:
    stream = Terminal()
    progress = Progress("link", "graphs", total=3, stream=stream)
    for _ in range(3):
        progress.advance(relinked=1)
    progress.close()
    drawn = stream.getvalue()
    assert "kg link" in drawn and "3/3" in drawn and "relinked=1" in drawn


def test_build_shows_progress_and_summarises_skipped_duplicates(pipeline, caplog) -> None:  # type: ignore[no-untyped-def]
    import logging

    from kg.pipeline import build
    from kg.records import Article
    from kg.store import KgStore

    articles = [Article(id=f"p{i}", text="French President Emmanuel Macron met German Chancellor Olaf Scholz.") for i in range(2)]
    with KgStore(None) as store:
        first = io.StringIO()
        build(articles, store, process=pipeline.process, progress=Progress("build", "articles", stream=first, every_s=0.0))
        assert first.getvalue().splitlines()[-1].startswith("kg build: 2 articles (")
        assert ", facts " in first.getvalue() and ", rejected 0" in first.getvalue()
        again = io.StringIO()
        with caplog.at_level(logging.INFO):
            summary = build(articles, store, process=pipeline.process, progress=Progress("build", "articles", stream=again, every_s=0.0))
    assert summary.duplicates == 2
    assert again.getvalue().splitlines()[-1].endswith(", skipped 2")
    assert "skipped" not in caplog.text  # counted in the summary, not listed one by one


def test_build_progress_counts_a_failed_article_as_a_step(pipeline) -> None:  # type: ignore[no-untyped-def]
    from kg.errors import KgError
    from kg.pipeline import build
    from kg.records import Article
    from kg.store import KgStore

    def process(article: Article):  # type: ignore[no-untyped-def]
        if article.id == "bad":
            raise KgError("cannot be read")
        return pipeline.process(article)

    articles = [Article(id="good", text="French President Emmanuel Macron met German Chancellor Olaf Scholz."), Article(id="bad", text="x")]
    stream = io.StringIO()
    with KgStore(None) as store:
        build(articles, store, process=process, progress=Progress("build", "articles", stream=stream, every_s=0.0))
    assert stream.getvalue().splitlines()[-1].startswith("kg build: 2 articles (")
    assert stream.getvalue().splitlines()[-1].endswith(", failed 1")


def test_progress_learns_its_total_late_and_counts_a_stream_in_batches() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress("export", "quads", stream=stream, every_s=0.0, clock=clock)
    progress.expect(25)
    clock.now += 1
    assert list(progress.counted(range(25), every=10)) == list(range(25))
    assert stream.getvalue().splitlines() == [
        "kg export: 10/25 quads (10.0/s)",
        "kg export: 20/25 quads (20.0/s)",
        "kg export: 25/25 quads (25.0/s)",
    ]


def test_progress_as_a_context_takes_its_bar_down_when_the_command_fails() -> None:
    stream = Terminal()
    try:
        with Progress("report", "queries", total=4, stream=stream) as progress:
            progress.advance()
            raise RuntimeError("the store went away")
    except RuntimeError:
        pass
    drawn = stream.getvalue()
    assert "kg report" in drawn and "1/4" in drawn
    assert drawn.endswith("\r") and drawn.split("\r")[-2].strip() == ""  # the bar's line blanked, ready for the error


def test_export_of_facts_counts_graphs_and_facts(examples_store) -> None:  # type: ignore[no-untyped-def]
    from kg.export import export, progress_unit
    from kg.store import KgStore

    stream, output = io.StringIO(), io.BytesIO()
    with KgStore(examples_store, create=False, read_only=True) as store:
        graphs = len(store.graph_names())
        count = export(store, output, "facts", progress=Progress("export", progress_unit("facts"), stream=stream, every_s=0.0))
    lines = stream.getvalue().splitlines()
    assert len(lines) == graphs
    assert lines[0].startswith(f"kg export: 1/{graphs} graphs (")
    assert lines[-1].startswith(f"kg export: {graphs}/{graphs} graphs (") and lines[-1].endswith(f", facts {count}")
    assert count == len(output.getvalue().splitlines())


@pytest.mark.parametrize("format", ["nquads", "trig", "turtle"])
def test_export_of_rdf_counts_what_it_writes_and_writes_the_same(examples_store, format: str) -> None:  # type: ignore[no-untyped-def]
    from kg.export import export, progress_unit
    from kg.store import KgStore

    stream, shown, silent = io.StringIO(), io.BytesIO(), io.BytesIO()
    with KgStore(examples_store, create=False, read_only=True) as store:
        count = export(store, shown, format, progress=Progress("export", progress_unit(format), stream=stream, every_s=0.0))
        assert export(store, silent, format) == count
        quads = len(store)
    last = stream.getvalue().splitlines()[-1]
    assert last.startswith(f"kg export: {quads}/{quads} quads (")  # read from the store
    if format == "turtle":
        assert last.endswith(f", triples {count}") and count < quads  # written once each, graph names dropped
    else:
        assert count == quads and ", triples" not in last
    assert shown.getvalue() == silent.getvalue()  # counting streams the store's own serialization


def test_export_on_a_terminal_draws_a_bar_with_the_total(examples_store) -> None:  # type: ignore[no-untyped-def]
    from kg.export import export
    from kg.store import KgStore

    stream = Terminal()
    with KgStore(examples_store, create=False, read_only=True) as store, Progress("export", "quads", stream=stream) as progress:
        count = export(store, io.BytesIO(), "nquads", progress=progress)
    assert "kg export" in stream.getvalue() and f"{count}/{count}" in stream.getvalue()


def test_report_counts_its_queries_then_the_facts_and_events_it_draws(examples_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kg.report import REPORT_QUERIES, write_report
    from kg.store import KgStore

    stream = io.StringIO()
    with KgStore(examples_store, create=False, read_only=True) as store:
        progress = Progress("report", "queries", total=len(REPORT_QUERIES), stream=stream, every_s=0.0)
        summary = write_report(store.oxigraph, tmp_path / "report.html", progress=progress)
    lines = stream.getvalue().splitlines()
    assert [line.split(" (")[0] for line in lines] == [f"kg report: {n}/4 queries" for n in (1, 2, 3, 4, 4)]
    assert ", rows " in lines[0]
    assert lines[-1].endswith(f", facts {summary.facts}, events {summary.events}") and summary.events > 0
