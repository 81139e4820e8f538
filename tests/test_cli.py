"""Every `kg` command run for real, on a small store built once for the module."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

ARTICLES = [
    {
        "id": "cli-1",
        "title": "Leaders talk by phone",
        "published": "2024-03-08",
        "text": "French President Emmanuel Macron spoke by phone with German Chancellor Olaf Scholz on Thursday. "
        "The two leaders agreed to send more air defence systems to Ukraine.",
    },
    {
        "id": "cli-2",
        "published": "2024-03-09",
        "text": "The United States imposed sanctions on Iran's Islamic Revolutionary Guard Corps on Friday, the Treasury said.",
    },
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("cli")
    lines = [json.dumps(a) for a in ARTICLES]
    (folder / "articles.jsonl").write_text(lines[0] + "\n{not json\n" + lines[1] + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store(workdir: Path) -> Path:
    store = workdir / "store"
    assert main(["build", str(workdir / "articles.jsonl"), "--store", str(store)]) == 1  # one bad line
    return store


def test_cli_build_reports_the_bad_line_and_stores_the_rest(store: Path, workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rejections = [json.loads(line) for line in (store / "rejections.jsonl").read_text().splitlines()]
    assert rejections[0]["input"] == f"{workdir / 'articles.jsonl'}:2"
    assert rejections[0]["problem"].startswith("malformed-json")
    assert main(["build", str(workdir / "articles.jsonl"), "--store", str(store)]) == 1
    err = capsys.readouterr().err
    assert "2 articles read, 0 stored, 2 unchanged duplicates skipped" in err
    assert f"failed: {workdir / 'articles.jsonl'}:2: malformed-json" in err


def test_cli_building_twice_gives_the_same_store(store: Path, workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def nquads(path: Path) -> list[str]:
        assert main(["export", "--store", str(path), "--format", "nquads", "-o", str(workdir / "out.nq")]) == 0
        return sorted((workdir / "out.nq").read_text(encoding="utf-8").splitlines())

    first = nquads(store)
    assert main(["build", str(workdir / "articles.jsonl"), "--store", str(store), "--force"]) == 1
    assert nquads(store) == first
    fresh = workdir / "fresh"
    main(["build", str(workdir / "articles.jsonl"), "--store", str(fresh)])
    assert nquads(fresh) == first


def test_cli_queries_lists_every_saved_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["queries"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = {line.split("\t")[0] for line in lines}
    assert {"who_talked_to_whom", "leaders_of_state", "designations_by_authority"} <= names
    assert (
        "events_between\tWhich events happened between two actors in a date range?\t[first (entity, e.g. United States), "
        "second (entity, e.g. Qasem Soleimani), from (date, e.g. 2019-12-01), to (date, e.g. 2020-01-31)]"
    ) in lines


def test_cli_query_help_after_a_name_prints_the_query_header(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["query", "events_between", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("events_between: Which events happened between two actors in a date range?\n")
    assert "  first (entity)   one actor; example: United States\n" in out
    assert "  from (date)      first day of the range; example: 2019-12-01\n" in out
    assert "returns: type actor actor_iri target target_iri earliest latest article\n" in out
    assert "example: kg query events_between --param 'first=United States' --param 'second=Qasem Soleimani' " in out
    with pytest.raises(SystemExit) as done:
        main(["query", "--help"])
    assert done.value.code == 0 and "usage: kg query" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        main(["query", "no_such_query", "--help"])
    assert done.value.code == 2 and "no saved query named 'no_such_query'" in capsys.readouterr().err


def test_cli_entities_searches_names_partially_fuzzily_and_without_accents(examples_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", "turky", "--store", str(examples_store), "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert first["label"] == "Türkiye" and first["wikidata"] == "Q43" and first["matched_name"] == "Turkey"
    assert first["entity"] == "https://w3id.org/kg-ir/id/state/T%C3%BCrkiye" and first["facts"] > 0
    assert main(["entities", "erdogan", "--store", str(examples_store)]) == 0
    table = capsys.readouterr().out
    assert "Recep Tayyip Erdoğan  kg:Person  person:Recep_Tayyip_Erdo%C4%9Fan  Q39259" in table
    assert main(["entities", "zzyzx", "--store", str(examples_store)]) == 1
    assert "kg entities: no entity has a name like 'zzyzx'" in capsys.readouterr().err


def test_cli_query_takes_names_and_qids_and_prints_curies_that_paste_back(examples_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = ["--store", str(examples_store)]
    for state in ("Türkiye", "turkey", "wd:Q43", "Q43", "state:T%C3%BCrkiye"):
        assert main(["query", "leaders_of_state", "--param", f"state={state}", "--param", "on=2020-12-31", *store]) == 0
        out = capsys.readouterr().out
        assert "person:Recep_Tayyip_Erdo%C4%9Fan  Recep Tayyip Erdoğan" in out, state
    assert main(["query", "actor_timeline", "--param", "actor=person:Recep_Tayyip_Erdo%C4%9Fan", "--format", "csv", *store]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 1
    assert main(["query", "actor_timeline", "--param", "actor=Iran", *store]) == 0
    out = capsys.readouterr().out  # a year-only date as the year, the other party's IRI as a CURIE
    assert re.search(r"^2018 +2018 +kg:Reject +target +Donald Trump +person:Donald_Trump ", out, re.M), out
    assert main(["query", "leaders_of_state", "--param", "state=Turky", "--param", "on=2020-12-31", *store]) == 2
    err = capsys.readouterr().err
    assert "kg query: no entity is named 'Turky'; closest:\n  Türkiye (state:T%C3%BCrkiye, kg:State, Q43)" in err
    assert main(["query", "leaders_of_state", "--param", "state=United", "--param", "on=2020-12-31", *store]) == 2
    assert "'United' names" in capsys.readouterr().err


def test_cli_query_table_shows_a_whole_year_as_the_year(examples_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = tmp_path / "intervals.rq"
    query.write_text(
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
        "SELECT ?what ?earliest ?latest WHERE { VALUES (?what ?earliest ?latest) {\n"
        '  ("year" "2007-01-01"^^xsd:date "2007-12-31"^^xsd:date) ("day" "2007-01-01"^^xsd:date "2007-01-01"^^xsd:date) } }\n',
        encoding="utf-8",
    )
    assert main(["query", str(query), "--store", str(examples_store), "--format", "csv"]) == 0
    assert "year,2007-01-01,2007-12-31" in capsys.readouterr().out  # the data keeps both days
    assert main(["query", str(query), "--store", str(examples_store)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^year +2007 +2007$", out, re.M) and re.search(r"^day +2007-01-01 +2007-01-01$", out, re.M)


def test_cli_query_in_every_format(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "who_talked_to_whom", "--store", str(store), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["actor"] == "Emmanuel Macron" and r["target"] == "Olaf Scholz" and r["mode"] == "phone" for r in rows), rows
    assert main(["query", "who_talked_to_whom", "--store", str(store), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "actor,actor_iri,target,target_iri,mode,earliest,latest,other,other_iri,article"
    assert main(["query", "leaders_of_state", "--store", str(store), "--param", "state=kgr:state/France", "--param", "on=2024-12-31"]) == 0
    assert "Emmanuel Macron" in capsys.readouterr().out


def test_cli_query_table_iri_feeds_the_next_question(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A table abbreviates the IRI beside a label to a CURIE that --param takes as it is."""
    assert main(["query", "who_talked_to_whom", "--store", str(store), "--format", "table"]) == 0
    curies = set(re.findall(r"\bperson:\S+", capsys.readouterr().out))
    assert "person:Olaf_Scholz" in curies
    assert main(["query", "actor_timeline", "--store", str(store), "--param", "actor=person:Olaf_Scholz", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_cli_query_refuses_bad_parameters(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "leaders_of_state", "--store", str(store), "--param", "state=http://x> } ; DROP ALL ; <y", "--param", "on=2024-01-01"]) == 2
    assert "kg query:" in capsys.readouterr().err
    assert main(["query", "no_such_query", "--store", str(store)]) == 2


def test_cli_export_every_format(store: Path, workdir: Path) -> None:
    for format in ("facts", "trig", "nquads", "turtle", "jsonld"):
        out = workdir / f"export.{format}"
        assert main(["export", "--store", str(store), "--format", format, "-o", str(out)]) == 0
        assert out.stat().st_size > 0, format
    facts = [json.loads(line) for line in (workdir / "export.facts").read_text().splitlines()]
    assert {f["article"] for f in facts} == {"cli-1", "cli-2"}
    assert any(f["kind"] == "role" and f["person"]["label"] == "Emmanuel Macron" and f["role"] == "president" for f in facts)


def test_cli_validate_reads_every_rdf_file_export_writes(store: Path, workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for format in ("trig", "nquads", "turtle", "jsonld"):
        out = workdir / f"validated.{format}"
        assert main(["export", "--store", str(store), "--format", format, "-o", str(out)]) == 0
        assert main(["validate", str(out)]) == 0, capsys.readouterr().err


def test_cli_readers_share_the_store_with_a_running_reader(store: Path, workdir: Path) -> None:
    from kg.store import KgStore

    with KgStore(store, create=False, read_only=True):  # a query running meanwhile
        assert main(["export", "--store", str(store), "--format", "facts", "-o", str(workdir / "shared.facts")]) == 0
        assert main(["validate", "--store", str(store)]) == 0


def test_cli_version_and_interrupt_messages(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from kg import __version__

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out == f"kg {__version__}\n"

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.query.load_queries", interrupted)
    assert main(["queries"]) == 130
    assert capsys.readouterr().err == "kg queries: interrupted\n"


def test_cli_validate_store_and_files(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--store", str(store)]) == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kg: <https://w3id.org/kg-ir/ontology#> .\n"
        "<https://w3id.org/kg-ir/id/event/x> a kg:Consult ; kg:confidence 7.5 .\n",
        encoding="utf-8",
    )
    assert main(["validate", str(bad)]) == 1
    assert "Violation" in capsys.readouterr().out
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2
    assert main(["validate", "--store", str(tmp_path / "no-store")]) == 2


def test_cli_link_relinks_a_store(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", "--store", str(store)]) == 0
    assert "article graphs checked" in capsys.readouterr().err


def test_cli_eval_prints_the_score_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = {
        "article": ARTICLES[1],
        "entities": [
            {"key": "us", "label": "United States", "type": "State", "wikidata": "Q30", "aliases": []},
            {"key": "irgc", "label": "Islamic Revolutionary Guard Corps", "type": "Organization", "wikidata": None, "aliases": []},
            {"key": "iran", "label": "Iran", "type": "State", "wikidata": "Q794", "aliases": []},
            {"key": "treasury", "label": "Treasury", "type": "Organization", "wikidata": None, "aliases": []},
        ],
        "facts": [{"kind": "designation", "authority": ["us", "treasury"], "designee": "irgc", "category": "sanctions"}],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", str(tmp_path / "gold.json")]) == 0
    out = capsys.readouterr().out
    assert "kg eval: 1 gold articles, 1 built" in out
    designation = next(line.split() for line in out.splitlines() if line.startswith("designation"))
    assert designation[1] == "1"  # one gold designation


def test_cli_help_and_exit_codes_from_a_real_process(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-m", "kg.cli", "--help"], capture_output=True, text=True, cwd=root)
    assert result.returncode == 0
    for command in ("build", "queries", "query", "export", "validate", "eval", "link"):
        assert command in result.stdout
    result = subprocess.run([sys.executable, "-m", "kg.cli", "export", "--store", str(tmp_path / "none"), "--format", "facts"], capture_output=True, text=True, cwd=root)
    assert result.returncode == 2
    assert f"kg export: {tmp_path / 'none'}: no kg store here; run `kg build` to create one" in result.stderr


def test_cli_sigterm_stops_a_build_cleanly_and_a_rerun_resumes(tmp_path: Path) -> None:
    import re
    import signal

    root = Path(__file__).resolve().parents[1]
    articles = tmp_path / "many.jsonl"
    text = "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. " * 3
    # Enough articles that the build outlasts its first progress line (every 5 s) on a fast machine.
    count = 1500
    articles.write_text("".join(json.dumps({"id": f"a{i}", "text": text}) + "\n" for i in range(count)), encoding="utf-8")
    command = [sys.executable, "-m", "kg.cli", "build", str(articles), "--store", str(tmp_path / "store")]
    process = subprocess.Popen(command, cwd=root, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    seen = []  # the progress lines a build writes to a log every few seconds: stop it mid-way
    while not (seen and re.match(r"kg build: [1-9]\d* articles \(", seen[-1])):
        line = process.stderr.readline()
        assert line, "".join(seen)
        seen.append(line)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "interrupted; every article already written stays in the store" in err
    rerun = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    read, stored, skipped = map(int, re.search(r"(\d+) articles read, (\d+) stored, (\d+) unchanged", rerun.stderr).groups())
    assert read == count and skipped > 0 and stored + skipped == count
    from kg.store import KgStore

    with KgStore(tmp_path / "store", create=False) as store:
        assert len(store.graph_names()) == count


def test_cli_runaway_query_is_stopped_at_its_deadline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rdflib import Graph, Literal, URIRef

    from kg.store import KgStore

    graph = Graph()
    for i in range(2000):
        graph.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(i)))
    with KgStore(tmp_path / "store") as store:
        store.replace_article("bulk", graph)
    cross = tmp_path / "cross.rq"
    cross.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?x { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } }\n", encoding="utf-8")
    assert main(["query", str(cross), "--store", str(tmp_path / "store"), "--timeout", "2"]) == 2
    assert "query timeout after 2 s" in capsys.readouterr().err
    small = tmp_path / "small.rq"
    small.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } }\n", encoding="utf-8")
    assert main(["query", str(small), "--store", str(tmp_path / "store"), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "2000"]


def test_cli_build_online_asks_the_endpoint_and_caches_its_answers(oxigraph_server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "online-1", "text": "Senator Lindsey Graham met Foreign Minister Yvan Gil in Caracas."}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    command = ["build", str(articles), "--store", str(store), "--wikidata", "online", "--wikidata-endpoint", oxigraph_server.query_url]
    assert main(command) == 0
    cached = sorted((store / "wikidata-cache").iterdir())
    assert cached, "the online linker asked nothing"
    assert main([*command, "--force"]) == 0
    assert sorted((store / "wikidata-cache").iterdir()) == cached  # answered from the cache


def test_cli_build_online_without_a_reachable_endpoint_says_so_once_and_links_offline(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from conftest import free_port

    articles = tmp_path / "a.jsonl"
    text = "Senator Lindsey Graham met Foreign Minister Yvan Gil and President Nicolás Maduro in Caracas."
    articles.write_text(json.dumps({"id": "offline-1", "text": text}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    endpoint = f"http://127.0.0.1:{free_port()}/sparql"
    assert main(["build", str(articles), "--store", str(store), "--wikidata", "online", "--wikidata-endpoint", endpoint]) == 0
    err = caplog.text
    assert err.count("wikidata:") == 1, err
    assert "linking with the shipped gazetteer only in this run" in err
    assert f"kg link --store {store} --wikidata online" in err


def test_cli_dask_build_refuses_online_linking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "x.jsonl", "--store", str(tmp_path / "s"), "--dask", "local", "--wikidata", "online"]) == 2
    assert "--dask links with the gazetteer only; run `kg link --wikidata online` after the build" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()
