"""Names for entities: find the entities of a store by what people call them.

A parameter that takes an entity may be given as a full IRI, a prefixed name
(`state:United_States`), a Wikidata item (`Q30`, `wd:Q30`, its IRI) or a name or alias
(`United States`, `Türkiye`, `Putin`). Names are compared folded: case, accents, full stops
and other punctuation do not count, and `_` is a space ("united_states", "turkiye").

`EntityIndex.resolve` takes the first rule that finds anything: an exact label, then an exact
alias (a name an article used), then a name holding every word given ("Putin" in "Vladimir
Putin"). One entity found is the answer; none, or more than one, is `EntityNameError`, whose
message lists the closest candidates: never a silent empty answer.

Every lookup is a SELECT over the named graphs (`GRAPH ?g { ... }`), so it works whether entity
descriptions sit in each article graph or in one graph of their own, and on any store that can
answer a SELECT: a pyoxigraph Store, or a remote endpoint given as a `Select` function.
`quick_resolve` reads only the names that can match, by the folded form kg stores beside each
label and alias (kg:labelKey, kg:aliasKey; kg/dataset.py), and leaves to the full index only
what it must list candidates for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store
from rapidfuzz import fuzz, process
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import QueryError
from kg.gazetteer import fold
from kg.rdf import ENTITY_CLASS
from kg.prefixes import QID_REFERENCE, curie, entity_iri_of
from kg.terms import KG, WD

ENTITY_TYPES = tuple(str(iri) for iri in ENTITY_CLASS.values())
CANDIDATES = 5  # how many closest names an error lists
FUZZY_CUTOFF = 75.0  # rapidfuzz ratio (0-100) of the text and as many words of a name, below which no match

Select = Callable[[str], Sequence[Sequence[object]]]
"""Runs a SELECT query, giving its rows with IRIs and literals as plain values (`store_select`)."""



@dataclass(frozen=True, slots=True)
class NamedEntity:
    """One entity of the store: its IRI, label, class (kg:State ...) and Wikidata item."""

    iri: str
    label: str
    type: str
    qid: str | None
    aliases: tuple[str, ...]

    def describe(self) -> str:
        """`Türkiye (state:T%C3%BCrkiye, kg:State, Q43)`: what an error message lists."""
        extra = f", {self.qid}" if self.qid else ""
        return f"{self.label} ({curie(self.iri)}, {curie(self.type)}{extra})"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """An entity found for a search text, how close its best name is (0-100), and that name."""

    entity: NamedEntity
    score: float
    name: str


class EntityNameError(QueryError):
    """A name, IRI or Wikidata id that stands for no entity of the store, or for several."""

    def __init__(self, message: str, candidates: Iterable[NamedEntity]) -> None:
        self.candidates = tuple(candidates)
        listed = "".join(f"\n  {entity.describe()}" for entity in self.candidates)
        super().__init__(message + (f"; closest:{listed}" if listed else "; the store has no entity with a similar name"))


class EntityIndex:
    """Every entity of a store with its names, for lookup and search by name."""

    def __init__(self, entities: Iterable[NamedEntity]) -> None:
        self.entities = {entity.iri: entity for entity in entities}
        self._names: list[tuple[str, str, NamedEntity]] = []  # (folded, as written, entity)
        self._by_qid: dict[str, list[NamedEntity]] = defaultdict(list)
        for entity in sorted(self.entities.values(), key=lambda e: (e.label, e.iri)):
            for name in dict.fromkeys((entity.label, *entity.aliases)):
                folded = fold(name)
                if folded:
                    self._names.append((folded, name, entity))
            if entity.qid:
                self._by_qid[entity.qid].append(entity)

    @classmethod
    def from_store(cls, store: Store | Select) -> "EntityIndex":
        """The index of every entity in the store's named graphs."""
        select = _selector(store)
        types: dict[str, str] = {}
        for entity, type_ in _texts(select(f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {_iris(ENTITY_TYPES)} }} GRAPH ?g {{ ?e a ?t }} }}")):
            if entity not in types or type_ < types[entity]:
                types[entity] = type_
        labels: dict[str, set[str]] = defaultdict(set)
        aliases: dict[str, set[str]] = defaultdict(set)
        items: dict[str, set[str]] = defaultdict(set)
        names = f"VALUES ?p {{ <{RDFS.label}> <{KG.alias}> <{OWL.sameAs}> }} GRAPH ?g {{ ?e ?p ?name }}"
        label, alias, wikidata = str(RDFS.label), str(KG.alias), str(WD)
        for entity, predicate, name in _texts(select(f"SELECT DISTINCT ?e ?p ?name WHERE {{ {names} }}")):
            if entity not in types:
                continue
            if predicate == label:
                labels[entity].add(name)
            elif predicate == alias:
                aliases[entity].add(name)
            elif name.startswith(wikidata):
                items[entity].add(name[len(wikidata) :])
        entities = []
        for entity, type_ in types.items():
            shown = min(labels[entity]) if labels[entity] else entity.rsplit("/", 1)[-1]
            qid = min(items[entity]) if items[entity] else None
            others = sorted((labels[entity] | aliases[entity]) - {shown})
            entities.append(NamedEntity(entity, shown, type_, qid, tuple(others)))
        return cls(entities)

    def search(self, text: str, limit: int | None = 10) -> list[NameMatch]:
        """The entities whose names come closest to `text`, best first: an exact name, then a name
        with a word starting as `text` does, then one holding it anywhere, then names with as many
        words that are spelled alike (a typo, a transliteration), scored below all of those."""
        wanted = fold(text)
        if not wanted:
            return []
        best: dict[str, NameMatch] = {}

        def offer(entity: NamedEntity, score: float, name: str) -> None:
            if entity.iri not in best or score > best[entity.iri].score:
                best[entity.iri] = NameMatch(entity, score, name)

        word_start = re.compile(rf"(?:^|\s){re.escape(wanted)}")
        for folded, name, entity in self._names:
            if folded == wanted:
                offer(entity, 100.0 if name == entity.label else 98.0, name)
            elif word_start.search(folded):
                offer(entity, 90.0, name)
            elif len(wanted) >= 4 and wanted in folded:
                offer(entity, 80.0, name)
        windows, owners = self._windows(len(wanted.split()))
        for _, score, position in process.extract(wanted, windows, scorer=fuzz.ratio, limit=None, score_cutoff=FUZZY_CUTOFF):
            _, name, entity = self._names[owners[position]]
            offer(entity, round(float(score) * 0.79, 1), name)
        ranked = sorted(best.values(), key=lambda match: (-match.score, match.entity.label, match.entity.iri))
        return ranked[:limit]

    def _windows(self, size: int) -> tuple[list[str], list[int]]:
        """Every run of `size` consecutive words of every name, and the name each run is from."""
        windows, owners = [], []
        for position, (folded, _, _) in enumerate(self._names):
            words = folded.split()
            for start in range(max(1, len(words) - size + 1)):
                windows.append(" ".join(words[start : start + size]))
                owners.append(position)
        return windows, owners

    def resolve(self, value: str) -> NamedEntity:
        """The one entity `value` stands for: an IRI, a prefixed name, a Wikidata id or a name."""
        text = value.strip()
        qid = QID_REFERENCE.fullmatch(text)
        if qid is not None:
            found = self._by_qid.get(qid[1].upper(), [])
            return self._one(found, f"no entity in the store is linked to Wikidata {qid[1].upper()}", text)
        iri = entity_iri_of(text)
        if iri is not None:
            if iri in self.entities:
                return self.entities[iri]
            local = iri.rstrip("/").rsplit("/", 1)[-1]
            raise EntityNameError(f"no entity <{iri}> in the store", self._closest(_unquote(local)))
        wanted = fold(text)
        if not wanted:
            raise EntityNameError(f"{value!r} is not a name", ())
        words = set(wanted.split())
        rules = (
            lambda folded, name, entity: folded == wanted and name == entity.label,
            lambda folded, name, entity: folded == wanted,
            lambda folded, name, entity: words <= set(folded.split()),
        )
        for rule in rules:
            found = list(dict.fromkeys(entity for folded, name, entity in self._names if rule(folded, name, entity)))
            if found:
                return self._one(found, "", text)
        raise EntityNameError(f"no entity is named {text!r}", self._closest(text))

    def _one(self, found: list[NamedEntity], none: str, text: str) -> NamedEntity:
        if len(found) == 1:
            return found[0]
        if found:
            raise EntityNameError(f"{text!r} names {len(found)} entities; give one of their IRIs", found[: 2 * CANDIDATES])
        raise EntityNameError(none, self._closest(text))

    def _closest(self, text: str) -> list[NamedEntity]:
        return [match.entity for match in self.search(text, CANDIDATES)]


def quick_resolve(store: Store | Select, value: str) -> str | None:
    """The IRI of the entity `value` names when the first rule of `EntityIndex.resolve` that finds
    anything finds exactly one, looked up without reading every name of the store; None when
    `EntityIndex.resolve` must decide (no entity, or several: an error listing candidates).

    The answer is the one `EntityIndex.from_store(store).resolve(value)` gives. A Wikidata id is
    looked up by its item. A name is looked up by the folded forms stored beside every label and
    alias (kg:labelKey, kg:aliasKey; docs/dataset.md): the labels and aliases that fold to it for
    the first two rules, and for the third (every word given) the names whose folded form holds
    its longest word, checked here word by word. Every entity has a label (shapes/actor.ttl), so
    no entity is named by its IRI alone.
    """
    select = _selector(store)
    text = value.strip()
    qid = QID_REFERENCE.fullmatch(text)
    if qid is not None:
        item = NamedNode(f"{WD}{qid[1].upper()}")
        found = {entity for (entity,) in _texts(select(f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e <{OWL.sameAs}> {item} }} }}"))}
        described = _descriptions(select, found)
        return _only([e for e in found if e in described.types and min(described.items[e]) == item.value[len(str(WD)) :]])
    wanted = fold(text)
    if not wanted:
        return None
    key = Literal(wanted)
    labelled = {entity for (entity,) in _texts(select(f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e <{KG.labelKey}> {key} }} }}"))}
    described = _descriptions(select, labelled)
    by_label = [e for e in labelled if e in described.types and fold(min(described.labels[e])) == wanted]
    if by_label:
        return _only(by_label)
    aliased = {entity for (entity,) in _texts(select(f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e <{KG.aliasKey}> {key} }} }}"))}
    if labelled or aliased:  # the labelled ones are described already
        return _only(sorted((labelled | aliased) & (described.types | _descriptions(select, aliased - labelled).types)))
    words = set(wanted.split())
    longest = Literal(max(sorted(words), key=len))
    rows = select(
        f"SELECT DISTINCT ?e ?key WHERE {{ VALUES ?p {{ <{KG.labelKey}> <{KG.aliasKey}> }} "
        f"GRAPH ?g {{ ?e ?p ?key }} FILTER (CONTAINS(?key, {longest})) }}"
    )
    holding = {entity for entity, name_key in _texts(rows) if words <= set(name_key.split())}
    return _only(sorted(holding & _descriptions(select, holding).types))


def _only(found: Sequence[str]) -> str | None:
    return found[0] if len(found) == 1 else None


_DESCRIBED_AT_ONCE = 100  # entities described by one query


@dataclass(frozen=True, slots=True)
class _Described:
    types: set[str]
    labels: dict[str, set[str]]
    items: dict[str, set[str]]


def _descriptions(select: Select, entities: Iterable[str]) -> _Described:
    """Which of `entities` have an entity class, and their labels and Wikidata items, from any graph."""
    wanted = sorted(entities)
    described = _Described(set(), defaultdict(set), defaultdict(set))
    rows: list[Sequence[object]] = []
    for start in range(0, len(wanted), _DESCRIBED_AT_ONCE):
        # One branch per entity and property, each a constant subject and predicate: a VALUES block
        # is joined last by Oxigraph, after reading every triple of the entity (tens of thousands
        # of mentions and aliases of the United States).
        branches = " UNION ".join(
            f"{{ GRAPH ?g {{ {node} {predicate} ?o }} BIND ({node} AS ?e) BIND ({predicate} AS ?p) }}"
            for node in map(NamedNode, wanted[start : start + _DESCRIBED_AT_ONCE])
            for predicate in (NamedNode(str(RDF.type)), NamedNode(str(RDFS.label)), NamedNode(str(OWL.sameAs)))
        )
        rows += select(f"SELECT DISTINCT ?e ?p ?o WHERE {{ {branches} }}")
    for entity, predicate, obj in _texts(rows):
        if predicate == str(RDF.type) and obj in ENTITY_TYPES:
            described.types.add(entity)
        elif predicate == str(RDFS.label):
            described.labels[entity].add(obj)
        elif predicate == str(OWL.sameAs) and obj.startswith(str(WD)):
            described.items[entity].add(obj[len(str(WD)) :])
    return described


def entity_exists(store: Store | Select, iri: str) -> bool:
    """Whether some named graph of the store gives `iri` one of the entity classes."""
    text = f"SELECT ?t WHERE {{ VALUES ?t {{ {_iris(ENTITY_TYPES)} }} GRAPH ?g {{ {_iris([iri])} a ?t }} }} LIMIT 1"
    return bool(_selector(store)(text))


def search_store(store: Store | Select, text: str, limit: int = 10) -> list[tuple[NameMatch, int]]:
    """`EntityIndex.search` on the store's entities, each with how many facts mention it; of
    equally close names, the most mentioned first."""
    matches = EntityIndex.from_store(store).search(text, limit=None)
    facts = facts_mentioning(store, [match.entity.iri for match in matches])
    ranked = sorted(matches, key=lambda match: (-match.score, -facts[match.entity.iri], match.entity.label, match.entity.iri))
    return [(match, facts[match.entity.iri]) for match in ranked[:limit]]


def facts_mentioning(store: Store | Select, iris: Iterable[str]) -> dict[str, int]:
    """How many facts (nodes read from an article) name each entity, by IRI."""
    wanted = list(dict.fromkeys(iris))
    counts = dict.fromkeys(wanted, 0)
    if wanted:
        text = (
            f"SELECT ?e (COUNT(DISTINCT ?fact) AS ?facts) WHERE {{ VALUES ?e {{ {_iris(wanted)} }} "
            f"GRAPH ?g {{ ?fact ?p ?e ; <{KG.derivedFrom}> ?article }} }} GROUP BY ?e"
        )
        for entity, facts in _texts(_selector(store)(text)):
            counts[entity] = int(facts)
    return counts


def _iris(iris: Iterable[str]) -> str:
    return " ".join(str(NamedNode(iri)) for iri in iris)


def store_select(store: Store) -> Select:
    """The `Select` of a pyoxigraph store."""

    def select(text: str) -> list[tuple[str, ...]]:
        solutions = store.query(text)
        assert isinstance(solutions, QuerySolutions)
        return [tuple(term.value if isinstance(term, (NamedNode, Literal)) else "" for term in solution) for solution in solutions]

    return select


def _texts(rows: Sequence[Sequence[object]]) -> list[tuple[str, ...]]:
    return [tuple("" if cell is None else str(cell) for cell in row) for row in rows]


def _selector(store: Store | Select) -> Select:
    return store_select(store) if isinstance(store, Store) else store


def _unquote(local: str) -> str:
    return unquote(local).replace("_", " ")
