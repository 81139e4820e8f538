"""kg.report on the shared query fixture: what the report queries give the page, selection, the page, the command."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad, Store

from fixture import fixture_store
from kg.cli import main
from kg.report import ReportData, ReportError, payload, read_report_data, render, resolve_actors, select
from kg.store import KgStore

KGR = "https://w3id.org/kg-ir/id/"
TRUMP, MADURO, RUBIO = KGR + "person/Donald_Trump", KGR + "person/Nicol%C3%A1s_Maduro", KGR + "person/Marco_Rubio"
US, VENEZUELA = KGR + "state/United_States", KGR + "state/Venezuela"


@pytest.fixture(scope="module")
def store() -> Store:
    return fixture_store()


@pytest.fixture(scope="module")
def data(store: Store) -> ReportData:
    return read_report_data(store)


def test_the_same_report_when_entity_descriptions_live_in_one_entities_graph(store: Store, data: ReportData) -> None:
    """The layout where types, labels and Wikidata links of entities leave the article graphs for one graph."""
    entities_graph = NamedNode(KGR + "graph/entities")
    described = {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2002/07/owl#sameAs"}
    kinds = ("state/", "person/", "organization/", "asset/", "location/", "group/")
    moved = Store()
    for quad in store:
        entity = quad.subject.value.removeprefix(KGR).startswith(kinds)
        graph = entities_graph if entity and quad.predicate.value in described else quad.graph_name
        moved.add(Quad(quad.subject, quad.predicate, quad.object, graph))
    assert len(list(moved.quads_for_pattern(None, None, None, entities_graph))) > 20
    assert read_report_data(moved) == data


def test_entities_get_a_node_kind_their_specific_type_and_qid(data: ReportData) -> None:
    trump = data.entities[TRUMP]
    assert (trump.label, trump.kind, trump.type, trump.qid) == ("Donald Trump", "person", "Person", "Q22686")
    kinds = {entity.kind for entity in data.entities.values()}
    assert {"state", "person", "organization", "asset"} <= kinds
    assert not any(iri.startswith(KGR + "designation/") for iri in data.entities)  # labelled facts are no nodes


def test_one_fact_per_event_with_all_its_actors_and_the_quad_class(data: ReportData) -> None:
    call = next(f for f in data.facts if f.iri == KGR + "event/6464f08bf8248719392a")
    assert (call.kind, call.type, call.quad, call.detail) == ("event", "Consult", "VerbalCooperation", "phone")
    assert set(call.sources) == {TRUMP, RUBIO} and call.targets == (MADURO,)
    assert (call.earliest, call.latest) == (date(2025, 11, 20), date(2025, 11, 23))
    assert call.sentence and "phone" in call.sentence
    assert len({f.iri for f in data.facts}) == len(data.facts)


def test_denied_and_contested_marks(data: ReportData) -> None:
    concessions = [f for f in data.facts if f.type == "Concede"]
    assert {f.negated for f in concessions} == {True, False}  # Trump says Maduro offered; Venezuela denies
    assert all(f.contested for f in concessions)
    rejected = next(f for f in data.facts if f.type == "Accuse" and f.sources == (US,))
    assert rejected.contested  # Venezuela rejects the accusation in the same article
    assert not next(f for f in data.facts if f.type == "Threaten").contested


def test_relations_of_every_kind(data: ReportData) -> None:
    by_kind = {f.kind for f in data.facts}
    assert by_kind == {"event", "designation", "role", "deployment"}
    role = next(f for f in data.facts if f.kind == "role" and f.sources == (MADURO,) and f.targets == (VENEZUELA,))
    assert role.detail == "president"
    deployment = next(f for f in data.facts if f.kind == "deployment" and f.operator == US and f.earliest)
    assert deployment.targets == (VENEZUELA,)


def test_actors_resolve_by_label_or_qid_and_an_unknown_one_is_refused(data: ReportData) -> None:
    assert resolve_actors(data, ["nicolás maduro"]) == {MADURO}
    assert resolve_actors(data, ["Q22686", "Venezuela"]) == {TRUMP, VENEZUELA}
    with pytest.raises(ReportError, match="did you mean Nicolás Maduro"):
        resolve_actors(data, ["Maduro"])


def test_select_by_actor_and_dates(data: ReportData) -> None:
    maduro_facts = select(data, {MADURO})
    assert maduro_facts.facts and all(MADURO in f.participants() for f in maduro_facts.facts)
    assert set(maduro_facts.entities) >= {MADURO, TRUMP}
    in_2018 = select(data, None, date(2018, 1, 1), date(2018, 12, 31))
    assert in_2018.facts and {a.published.year for a in in_2018.articles.values() if a.published} == {2018}
    assert all(f.article in in_2018.articles for f in in_2018.facts)
    with pytest.raises(ReportError, match="after"):
        select(data, None, date(2025, 1, 2), date(2025, 1, 1))


def test_undated_facts_are_placed_at_their_article_date_and_marked(data: ReportData) -> None:
    facts = payload(data, title="t", scope="s")["facts"]
    assert isinstance(facts, list)
    accusation = next(f for f in facts if f["id"] == KGR + "event/528e6bb755903b97d4a7")
    assert (accusation["from"], accusation["to"], accusation["dated"]) == ("2025-11-29", "2025-11-29", False)


def test_page_inlines_everything_and_its_data_cannot_end_the_script(data: ReportData) -> None:
    entities = dict(data.entities)
    entities[TRUMP] = type(entities[TRUMP])(TRUMP, "</script><b>x", "person", "Person", None)
    page = render(ReportData(entities, data.articles, data.facts), title="<Report>")
    assert "<title>&lt;Report&gt;</title>" in page
    assert page.count("</script>") == page.count("<script")  # every element ends where it should
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.IGNORECASE)  # no external resource
    assert "sourceMappingURL" not in page
    raw = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert raw is not None
    decoded = json.loads(raw.group(1))
    assert "</script><b>x" in {entity["label"] for entity in decoded["entities"]}


def test_kg_report_command_writes_the_page(tmp_path: Path, store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    with KgStore(tmp_path / "store") as kg_store:
        kg_store.oxigraph.extend(store)
    output = tmp_path / "out.html"
    assert main(["report", "--store", str(tmp_path / "store"), "--actor", "Q58132", "--from", "2025-11-01", "-o", str(output)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(output)
    assert re.fullmatch(rf"kg report: {re.escape(str(output))}: \d+ facts \(\d+ events\) about \d+ entities from 3 articles\n", err)
    assert "Nicolás Maduro" in output.read_text(encoding="utf-8")
    assert main(["report", "--store", str(tmp_path / "store"), "--actor", "Nobody", "-o", str(output)]) == 2
    assert "names no entity" in capsys.readouterr().err
    assert main(["report", "--store", str(tmp_path / "store"), "-o", str(tmp_path / "missing" / "out.html")]) == 2
    assert "cannot write" in capsys.readouterr().err
