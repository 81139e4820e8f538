"""kg.progress: a bar on a terminal, a line every few seconds elsewhere, running totals beside."""

from __future__ import annotations

import io

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
