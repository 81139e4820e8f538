"""Report: the store -> one self-contained HTML page of who did what to whom, and the sentences behind it.

The page is read through four saved queries (queries/report_*.rq), so it shows what a SPARQL
user of the same store gets: events with their PLOVER and quad classes, designations, roles,
memberships and deployments, each fact with its article, evidence sentence, claimant,
confidence and its negated, hypothetical and contested marks; the entities with their types and
Wikidata items; the articles. The page itself (report/template.html, report.js, report.css) and
the vendored network and timeline libraries (report/vendor/, pinned in report/vendor.json) are
inlined with the data, so the written file opens anywhere without a network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from datetime import date, datetime, timezone
from pathlib import Path

from pyoxigraph import Store

from kg.errors import KgError
from kg.query import QueryResult, Value, resolve_query, run_query
from kg.resources import data_dir

if TYPE_CHECKING:
    from kg.progress import Progress

KG_NS = "https://w3id.org/kg-ir/ontology#"
WIKIDATA_NS = "http://www.wikidata.org/entity/"

# The kinds of node the network draws, by the top class the pipeline writes beside a specific one
# (a GovernmentBody is also an Organization, a Bomber also a MilitaryAsset); the first present wins.
NODE_KINDS = (
    ("State", "state"),
    ("Person", "person"),
    ("Group", "group"),
    ("Organization", "organization"),
    ("MilitaryAsset", "asset"),
    ("Location", "location"),
)
FACT_KINDS = ("event", "designation", "role", "membership", "deployment")
REPORT_QUERIES = ("report_entities", "report_articles", "report_events", "report_relations")


class ReportError(KgError):
    """The report cannot be made as asked (an --actor that names no entity, an empty range)."""


@dataclass(frozen=True, slots=True)
class ReportEntity:
    iri: str
    label: str
    kind: str  # one of NODE_KINDS' kinds
    type: str  # the most specific kg class, e.g. "GovernmentBody"
    qid: str | None


@dataclass(frozen=True, slots=True)
class ReportArticle:
    iri: str
    title: str | None
    url: str | None
    publisher: str | None
    published: date | None


@dataclass(frozen=True, slots=True)
class ReportFact:
    """One fact node as the page shows it: an event, designation, role, membership or deployment."""

    iri: str
    kind: str  # one of FACT_KINDS
    type: str  # PLOVER class of an event ("Consult"); the kind otherwise
    quad: str | None  # quad class of an event ("VerbalCooperation")
    sources: tuple[str, ...]  # actors, authority, holder, member, asset
    targets: tuple[str, ...]  # targets, designee, the position's state or organization, where to
    detail: str | None  # event mode, designation category, role name
    operator: str | None  # a deployment's operator
    earliest: date | None
    latest: date | None
    article: str
    sentence: str | None
    confidence: float
    claimed_by: tuple[str, ...]
    negated: bool
    hypothetical: bool
    contested: bool

    def participants(self) -> tuple[str, ...]:
        return self.sources + self.targets + ((self.operator,) if self.operator else ())


@dataclass(frozen=True, slots=True)
class ReportData:
    entities: dict[str, ReportEntity] = field(default_factory=dict)
    articles: dict[str, ReportArticle] = field(default_factory=dict)
    facts: tuple[ReportFact, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    facts: int
    events: int
    entities: int
    articles: int

    def line(self) -> str:
        return (
            f"kg report: {self.path}: {self.facts} facts ({self.events} events) about "
            f"{self.entities} entities from {self.articles} articles"
        )


# --------------------------------------------------------------------------- reading


def read_report_data(store: Store, *, progress: Progress | None = None) -> ReportData:
    """Everything the page can show, through the saved report queries (REPORT_QUERIES);
    `progress` counts the queries run, with the rows they returned."""
    rows: dict[str, list[dict[str, Value]]] = {}
    for name in REPORT_QUERIES:
        result: QueryResult = run_query(store, resolve_query(name, allow_files=False))
        rows[name] = [dict(zip(result.columns, row)) for row in result.rows]
        if progress is not None:
            progress.advance(rows=sum(map(len, rows.values())))
    entities = _entities(rows["report_entities"])
    articles = {
        str(row["article"]): ReportArticle(
            str(row["article"]), _str(row["title"]), _str(row["url"]), _str(row["publisher"]), _date(row["published"])
        )
        for row in rows["report_articles"]
    }
    facts = _facts(rows["report_events"], _event, "actor") + _facts(rows["report_relations"], _relation, "source")
    return ReportData(entities, articles, tuple(sorted(facts, key=lambda fact: fact.iri)))


def _entities(rows: list[dict[str, Value]]) -> dict[str, ReportEntity]:
    types: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    qids: dict[str, str] = {}
    for row in rows:
        iri = str(row["entity"])
        types.setdefault(iri, set()).add(str(row["type"]).removeprefix(KG_NS))
        label = str(row["label"])
        labels[iri] = min(labels.get(iri, label), label)
        if row["wikidata"] is not None:
            qids[iri] = str(row["wikidata"]).removeprefix(WIKIDATA_NS)
    entities = {}
    for iri, classes in types.items():
        kind = next((kind for top, kind in NODE_KINDS if top in classes), None)
        if kind is None:  # a fact node with a label, such as a designation
            continue
        specific = sorted(classes - {top for top, _ in NODE_KINDS})
        entities[iri] = ReportEntity(iri, labels[iri], kind, specific[0] if specific else _top(classes), qids.get(iri))
    return entities


def _top(classes: set[str]) -> str:
    return next(top for top, _ in NODE_KINDS if top in classes)


def _facts(rows: list[dict[str, Value]], read: Callable[[dict[str, Value]], ReportFact], source: str) -> list[ReportFact]:
    """One ReportFact per fact: its first row reads it, every row adds its parties (the `source`
    column, targets, claimants) and whether it is contested."""
    facts: dict[str, ReportFact] = {}
    for row in rows:
        iri = str(row["fact"])
        fact = facts.get(iri) or read(row)
        facts[iri] = replace(
            fact,
            sources=_add(fact.sources, row[source]),
            targets=_add(fact.targets, row["target"]),
            claimed_by=_add(fact.claimed_by, row["claimed_by"]),
            contested=fact.contested or row.get("contested") is True,
        )
    return list(facts.values())


def _event(row: dict[str, Value]) -> ReportFact:
    quad = str(row["quad"]).removeprefix(KG_NS)
    return ReportFact(iri=str(row["fact"]), kind="event", type=str(row["type"]).removeprefix(KG_NS), quad=quad,
                      detail=_str(row["mode"]), operator=None, **_fact_fields(row))  # fmt: skip


def _relation(row: dict[str, Value]) -> ReportFact:
    kind, detail = str(row["kind"]), _str(row["detail"])
    return ReportFact(iri=str(row["fact"]), kind=kind, type=kind, quad=None,
                      detail=detail.removeprefix(KG_NS) if detail else None, operator=_str(row["operator"]),
                      **_fact_fields(row))  # fmt: skip


def _fact_fields(row: dict[str, Value]) -> dict[str, Any]:
    """What every kind of fact row says the same way: its interval, article, evidence and readings."""
    return {
        "sources": (), "targets": (), "claimed_by": (), "contested": False,
        "earliest": _date(row["earliest"]), "latest": _date(row["latest"]), "article": str(row["article"]),
        "sentence": _str(row["sentence"]), "confidence": float(str(row["confidence"])),
        "negated": row["negated"] is True, "hypothetical": row["hypothetical"] is True,
    }  # fmt: skip


def _add(values: tuple[str, ...], value: Value) -> tuple[str, ...]:
    return values if value is None or str(value) in values else (*values, str(value))


def _str(value: Value) -> str | None:
    return None if value is None else str(value)


def _date(value: Value) -> date | None:
    return value if isinstance(value, date) else None


# --------------------------------------------------------------------------- selecting


def resolve_actors(data: ReportData, names: Iterable[str]) -> set[str]:
    """The entity IRIs named by --actor values: a Wikidata QID, an IRI or a label (any case)."""
    chosen: set[str] = set()
    for name in names:
        wanted = name.strip().casefold()
        matches = {
            entity.iri
            for entity in data.entities.values()
            if wanted in (entity.label.casefold(), entity.iri.casefold(), (entity.qid or "").casefold())
        }
        if not matches:
            close = sorted(e.label for e in data.entities.values() if wanted and wanted in e.label.casefold())[:5]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ReportError(f"--actor {name!r} names no entity in the store (give a label or a QID){hint}")
        chosen |= matches
    return chosen


def fact_dates(fact: ReportFact, articles: dict[str, ReportArticle]) -> tuple[date | None, date | None]:
    """When the fact happened, or else the day its article was published (when it was reported)."""
    if fact.earliest is not None and fact.latest is not None:
        return fact.earliest, fact.latest
    article = articles.get(fact.article)
    published = article.published if article else None
    return published, published


def select(data: ReportData, actors: set[str] | None = None, start: date | None = None, end: date | None = None) -> ReportData:
    """The facts touching any of `actors` whose dates overlap [start, end], and what they refer to."""
    if start and end and start > end:
        raise ReportError(f"--from {start} is after --to {end}")
    facts = []
    for fact in data.facts:
        if actors and not actors.intersection(fact.participants()):
            continue
        if start or end:
            earliest, latest = fact_dates(fact, data.articles)
            if earliest is None or latest is None or (end and earliest > end) or (start and latest < start):
                continue
        facts.append(fact)
    used = {iri for fact in facts for iri in fact.participants() + fact.claimed_by}
    entities = {iri: entity for iri, entity in data.entities.items() if iri in used}
    cited = {fact.article for fact in facts}
    articles = {iri: article for iri, article in data.articles.items() if iri in cited}
    return ReportData(entities, articles, tuple(facts))


# --------------------------------------------------------------------------- writing


def payload(data: ReportData, *, title: str, scope: str) -> dict[str, object]:
    """The page's data: entities and articles as lists, facts referring to them by index."""
    entity_ids = {iri: index for index, iri in enumerate(sorted(data.entities))}
    article_ids = {iri: index for index, iri in enumerate(sorted(data.articles))}

    def refs(iris: Iterable[str]) -> list[int]:
        return [entity_ids[iri] for iri in iris if iri in entity_ids]

    facts = []
    for fact in data.facts:
        earliest, latest = fact_dates(fact, data.articles)
        facts.append({
            "id": fact.iri, "kind": fact.kind, "type": fact.type, "quad": fact.quad,
            "src": refs(fact.sources), "dst": refs(fact.targets), "op": refs([fact.operator] if fact.operator else []),
            "detail": fact.detail, "from": _iso(earliest), "to": _iso(latest), "dated": fact.earliest is not None,
            "article": article_ids[fact.article] if fact.article in article_ids else None,
            "sentence": fact.sentence, "confidence": fact.confidence, "by": refs(fact.claimed_by),
            "negated": fact.negated, "hypothetical": fact.hypothetical, "contested": fact.contested,
        })  # fmt: skip
    return {
        "title": title,
        "scope": scope,
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "entities": [
            {"id": e.iri, "label": e.label, "kind": e.kind, "type": e.type, "qid": e.qid}
            for e in (data.entities[iri] for iri in entity_ids)
        ],
        "articles": [
            {"id": a.iri, "title": a.title, "url": a.url, "publisher": a.publisher, "published": _iso(a.published)}
            for a in (data.articles[iri] for iri in article_ids)
        ],
        "facts": facts,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def render(data: ReportData, *, title: str = "kg report", scope: str = "") -> str:
    """The whole page: template, styles, vendored libraries, page script and data, inlined."""
    folder = data_dir("report")
    manifest = json.loads((folder / "vendor.json").read_text(encoding="utf-8"))
    libraries = [
        _SOURCE_MAP.sub("", (folder / name).read_text(encoding="utf-8"))  # no map to fetch
        for package in manifest["packages"]
        for name in package["files"]
        if name.endswith(".js")
    ]
    credits = ", ".join(f"{p['package']} {p['version']} ({p['license']})" for p in manifest["packages"])
    data_json = json.dumps(payload(data, title=title, scope=scope), ensure_ascii=False, separators=(",", ":"))
    parts = {
        "TITLE": _html_text(title),
        "STYLE": (folder / "report.css").read_text(encoding="utf-8"),
        "LIBRARIES": "\n".join(_script(text) for text in libraries),
        "CREDITS": _html_text(credits),
        "DATA": _script_json(data_json),
        "SCRIPT": _script((folder / "report.js").read_text(encoding="utf-8")),
    }
    template = (folder / "template.html").read_text(encoding="utf-8")
    return re.sub(r"\{\{(TITLE|STYLE|LIBRARIES|CREDITS|DATA|SCRIPT)\}\}", lambda m: parts[m[1]], template)


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _script(text: str) -> str:
    """A script element around code that cannot end it early (a vendored file that could is refused)."""
    if re.search(r"</script|<!--", text, re.IGNORECASE):
        raise ReportError("a script of the report page holds '</script' or '<!--' and cannot be inlined")
    return f"<script>\n{text}\n</script>"


def _script_json(text: str) -> str:
    """JSON that cannot end its <script> element: every '<' written as the escape \\u003c."""
    return text.replace("<", "\\u003c")


def write_report(
    store: Store,
    output: Path,
    *,
    actors: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
    title: str = "kg report",
    progress: Progress | None = None,
) -> ReportSummary:
    """Read the store, select, and write the page to `output`. `progress` (in queries, total
    len(REPORT_QUERIES)) counts the report queries run, then the facts and events the page draws."""
    data = read_report_data(store, progress=progress)
    chosen = resolve_actors(data, actors) if actors else None
    selected = select(data, chosen, start, end)
    scope = _scope(data, chosen, start, end)
    events = sum(fact.kind == "event" for fact in selected.facts)
    if progress is not None:
        progress.advance(0, facts=len(selected.facts), events=events)
    try:
        output.write_text(render(selected, title=title, scope=scope), encoding="utf-8")
    except OSError as error:
        raise ReportError(f"cannot write {output}: {error.strerror or error}") from error
    return ReportSummary(
        output,
        facts=len(selected.facts),
        events=events,
        entities=len(selected.entities),
        articles=len(selected.articles),
    )


def _scope(data: ReportData, actors: set[str] | None, start: date | None, end: date | None) -> str:
    parts = []
    if actors:
        parts.append("facts touching " + ", ".join(sorted(data.entities[iri].label for iri in actors)))
    if start or end:
        parts.append(f"dated {start or '…'} to {end or '…'}")
    return "; ".join(parts) or "the whole store"
