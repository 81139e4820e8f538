"""The pipeline backbone: validation keeps failing facts out, build reports everything it drops."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import InputError, KgError
from kg.pipeline import ArticleResult, build, validated_graph
from kg.rdf import to_graph
from kg.records import Article, Event, EventType, Provenance, Role
from kg.store import KgStore
from kg.terms import KG
from kg.validate import load_shapes
from sample import sample_extraction


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def test_pipeline_sample_conforms_and_keeps_every_fact(shapes: Graph) -> None:
    extraction, links = sample_extraction()
    result = validated_graph(extraction, links, shapes)
    assert result.rejections == ()
    assert result.facts == len(extraction.claims)
    assert set(result.graph) == set(to_graph(extraction, links))


def test_pipeline_failing_facts_are_rejected_and_the_rest_stored(shapes: Graph) -> None:
    extraction, links = sample_extraction()
    evidence = extraction.claims[0].provenance.evidence
    about_nothing = Event(EventType.ASSAULT, (), (), Provenance(evidence, "kg.events.v1", 0.6))  # no actor, target or place
    state_as_holder = Role("us", "president", "venezuela", Provenance(evidence, "kg.roles.v1", 0.6))
    bad = dataclasses.replace(extraction, claims=(*extraction.claims, about_nothing, state_as_holder))
    result = validated_graph(bad, links, shapes)
    assert result.facts == len(extraction.claims)
    assert set(result.graph) == set(to_graph(extraction, links))
    assert len(result.rejections) == 2
    assert {r.fact.split("/")[-2] for r in result.rejections} == {"event", "tenure"}
    assert all(r.message and r.article_id == "sample-call" for r in result.rejections)


def _result(article: Article) -> ArticleResult:
    extraction, links = sample_extraction()
    extraction = dataclasses.replace(extraction, article=article)
    return ArticleResult(article, to_graph(extraction, links), len(extraction.claims), ())


def test_pipeline_build_skips_unchanged_duplicates_and_replaces_changed_articles() -> None:
    first = Article(id="a", text="one")
    with KgStore(None) as store:
        summary = build([first, first], store, process=_result)
        assert (summary.articles_read, summary.articles_stored, summary.duplicates) == (2, 1, 1)
        count = len(store)
        build([first], store, process=_result)
        assert len(store) == count
        summary = build([dataclasses.replace(first, text="two")], store, process=_result)
        assert summary.articles_stored == 1
        assert store.content_hash("a") == dataclasses.replace(first, text="two").content_hash
        assert store.graph_names() and len(store.graph_names()) == 1


def test_pipeline_build_reports_bad_inputs_and_failures_and_goes_on() -> None:
    def process(article: Article) -> ArticleResult:
        if article.id == "boom":
            raise KgError("the validator crashed")
        if article.id == "bug":
            raise RecursionError("maximum recursion depth exceeded")
        return _result(article)

    report = io.StringIO()
    inputs = [
        InputError("in.jsonl:2", "malformed-json: Expecting value"),
        Article(id="boom", text="x", origin="in.jsonl:3"),
        Article(id="bug", text="z", origin="in.jsonl:4"),
        Article(id="ok", text="y"),
    ]
    with KgStore(None) as store:
        summary = build(inputs, store, process=process, rejections=report)
        assert store.graph_names() == ["https://w3id.org/kg-ir/id/graph/ok"]
    assert summary.failed_inputs == [
        ("in.jsonl:2", "malformed-json: Expecting value"),
        ("in.jsonl:3", "the validator crashed"),
        ("in.jsonl:4", "internal error: RecursionError: maximum recursion depth exceeded"),
    ]
    assert summary.articles_stored == 1
    lines = [json.loads(line) for line in report.getvalue().splitlines()]
    assert lines == [
        {"input": "in.jsonl:2", "problem": "malformed-json: Expecting value"},
        {"input": "in.jsonl:3", "article": "boom", "problem": "the validator crashed"},
        {"input": "in.jsonl:4", "article": "bug", "problem": "internal error: RecursionError: maximum recursion depth exceeded"},
    ]


def test_pipeline_build_counts_facts_from_the_graph() -> None:
    with KgStore(None) as store:
        summary = build([Article(id="ok", text="y")], store, process=_result)
        stored = set(store.article_graph(store.graph_names()[0]).subjects(KG.derivedFrom, None))
    assert summary.facts_stored == len(stored) == len(sample_extraction()[0].claims)


def test_pipeline_a_violation_no_fact_owns_rejects_the_facts_and_keeps_the_article() -> None:
    strict = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://w3id.org/kg-ir/ontology#> .
        <urn:test:StateShape> a sh:NodeShape ; sh:targetClass kg:State ;
            sh:property [ sh:path kg:population ; sh:minCount 1 ; sh:message "a state needs a population" ] .
        """,
        format="turtle",
    )
    extraction, links = sample_extraction()
    result = validated_graph(extraction, links, strict)
    assert result.facts == 0
    assert len(result.rejections) == len({r.fact for r in result.rejections}) == len(extraction.claims)
    assert all(r.message.startswith("rejected with its article: ") for r in result.rejections)
    assert "a state needs a population" in result.rejections[0].message
    assert set(result.graph.subjects(KG.articleId, None))


def test_pipeline_batched_build_checks_a_repeated_article_against_the_store() -> None:
    first = Article(id="a", text="one")
    with KgStore(None) as store:
        summary = build([first, first, Article(id="b", text="two")], store, process_batch=lambda batch: [_result(a) for a in batch])
        assert (summary.articles_read, summary.articles_stored, summary.duplicates) == (3, 2, 1)


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"


def test_pipeline_batched_build_stores_what_the_article_by_article_build_stores(pipeline) -> None:  # type: ignore[no-untyped-def]
    from kg.ingest import read_inputs

    with KgStore(None) as one_by_one, KgStore(None) as batched:
        build(read_inputs([EXAMPLES]), one_by_one, process=pipeline.process)
        summary = build(read_inputs([EXAMPLES]), batched, process_batch=pipeline.process_batch, batch_size=4)
        assert summary.articles_stored == len(list(read_inputs([EXAMPLES])))
        assert sorted(map(str, batched.quads())) == sorted(map(str, one_by_one.quads()))


def test_pipeline_a_batch_whose_nlp_fails_fails_only_the_bad_article(pipeline, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import kg.nlp

    annotate_batch = kg.nlp.annotate_batch

    def failing_on_boom(nlp, articles):  # type: ignore[no-untyped-def]
        if any(article.id == "boom" for article in articles):
            raise ValueError("the tokenizer choked")
        return annotate_batch(nlp, articles)

    monkeypatch.setattr(kg.nlp, "annotate_batch", failing_on_boom)
    articles = [Article(id=name, title="Talks", text="Iran's foreign minister met the French president in Paris.") for name in ("one", "boom", "two")]
    outcomes = pipeline.process_batch(articles)
    assert [outcome.article.id for outcome in outcomes] == ["one", "boom", "two"]
    assert [type(outcome).__name__ for outcome in outcomes] == ["ArticleResult", "ArticleFailure", "ArticleResult"]
    assert "the tokenizer choked" in outcomes[1].problem


def test_pipeline_reads_a_ship_name_written_with_a_no_break_space(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # "USS<no-break space>Tarn Valley": ingest makes the space plain, so the name is the ship's, as
    # when typed with a plain space; the text's other words and offsets are unchanged.
    from kg.ingest import read_articles
    from kg.records import EntityType

    text = "The USS{0}Tarn Valley arrives in Freedonia to relieve the USS{0}Alma Vask.{0}It docks."
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "nbsp", "text": text.format("\u00a0")}) + "\n" + json.dumps({"id": "plain", "text": text.format(" ")}) + "\n")
    spaced, plain = (pipeline.extract(article) for article in read_articles(path))
    ships = {entity.label for entity in spaced.entities if entity.type is EntityType.MILITARY_ASSET}
    assert ships == {"USS Tarn Valley", "USS Alma Vask"}
    assert {(e.label, e.type) for e in spaced.entities} == {(e.label, e.type) for e in plain.entities}
