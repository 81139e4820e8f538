"""Store: article graphs -> the embedded pyoxigraph store, laid out as docs/dataset.md says.

Opening a store and querying it needs no rdflib (kg query starts two processes; rdflib would
cost each more than the query): the methods that read or write rdflib graphs import it.

One named graph per article and one graph of entity descriptions (kg/dataset.py); an article is
written in a single SPARQL update (`dataset.article_update`), which pyoxigraph applies
atomically: a crash leaves the old version or the new one, never a mix. pyoxigraph does not detect write-write conflicts, so a process holds an
exclusive lock file while it writes. A folder is opened as a store only if it carries kg's
marker file: an empty or foreign folder (an unmounted volume, a typo) is never silently
turned into an empty store.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import IO, Iterable, Iterator

from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import StoreError
from kg.prefixes import ENTITIES_GRAPH, PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

    from kg.progress import Progress

MARKER = "kg-store.json"
FORMAT_VERSION = 3
"""1: entity descriptions repeated in every article graph; 2: kept once in the entities graph;
3: each label and alias stored with its folded form (kg:labelKey, kg:aliasKey)."""
LOCK = "kg-write.lock"
_STORE_SUBDIR = "oxigraph"


class KgStore:
    """kg's embedded store. `KgStore(None)` is an in-memory store (tests, `kg eval`).

    A writer holds the folder's lock file exclusively; readers (`read_only=True`) share it, so
    queries run side by side but never while a build writes.
    """

    def __init__(self, path: Path | None, *, create: bool = True, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._lock: IO[str] | None = None
        if path is None:
            self._store = ox.Store()
            return
        _check_store_folder(path, create=create and not read_only)
        try:
            self._lock = _acquire_lock(path, shared=read_only)
            if read_only:
                self._store = ox.Store.read_only(str(path / _STORE_SUBDIR))
            else:
                self._store = ox.Store(str(path / _STORE_SUBDIR))
        except (OSError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
            self.close()
            raise StoreError(_explain_open_error(path, error)) from error
        if not (path / MARKER).exists():
            (path / MARKER).write_text(json.dumps({"kg_store": FORMAT_VERSION}) + "\n", encoding="utf-8")

    def __enter__(self) -> "KgStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._lock is not None and not self.read_only and getattr(self, "_store", None) is not None:
            self._store.flush()
        self._store = None  # type: ignore[assignment]
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for queries."""
        return self._store

    def replace_article(self, article_id: str, graph: Graph, *, replace_links: bool = False) -> None:
        """Write one article's graph (as the mapper made it), replacing any earlier version, in one
        transaction. `replace_links`: its entities' Wikidata links are decided anew (`kg link`)."""
        from kg.dataset import article_update

        self._store.update(article_update(article_id, graph, replace_links=replace_links))

    def remove_article(self, article_id: str) -> None:
        """Delete an article's graph (and the entities minted for it alone), in one transaction."""
        from rdflib import Graph

        from kg.dataset import article_update

        self._store.update(article_update(article_id, Graph()))

    def prune_entities(self) -> int:
        """Delete the descriptions no article graph refers to any more; returns the triples deleted."""
        from kg.dataset import prune_update

        before = len(self)
        self._store.update(prune_update())
        return before - len(self)

    def article_graph(self, graph_name: str | URIRef) -> Graph:
        """One article as the mapper made it: its named graph with the descriptions of the nodes it names.

        Descriptions are those of the entities graph, which keeps what every article said of an
        entity: an entity typed or linked by another article shows that type or link here too.
        """
        from kg.dataset import rdflib_term, with_descriptions

        graph = _rdflib_graph(self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_name))))
        entities = ox.NamedNode(ENTITIES_GRAPH)
        return with_descriptions(graph, lambda node: (
            (rdflib_term(quad.predicate), rdflib_term(quad.object))
            for quad in self._store.quads_for_pattern(ox.NamedNode(str(node)), None, None, entities)
        ))  # fmt: skip

    def entities_graph(self) -> Graph:
        """The graph of entity descriptions."""
        return _rdflib_graph(self._store.quads_for_pattern(None, None, None, ox.NamedNode(ENTITIES_GRAPH)))

    def graph_names(self) -> list[str]:
        """The article graphs in the store, sorted (the entities graph is not one of them)."""
        return sorted(
            node.value for node in self._store.named_graphs() if isinstance(node, ox.NamedNode) and node.value != ENTITIES_GRAPH
        )

    def content_hash(self, article_id: str) -> str | None:
        """The content hash the stored version of an article was built from, if it is stored."""
        from kg.terms import KG, graph_iri

        name = ox.NamedNode(str(graph_iri(article_id)))
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(str(KG.contentHash)), None, name):
            if isinstance(quad.object, ox.Literal):
                return quad.object.value
        return None

    def __len__(self) -> int:
        return len(self._store)

    def dump(self, output: IO[bytes], format: ox.RdfFormat, *, progress: Progress | None = None) -> int:
        """Serialize the store; returns the number of quads, or of triples for a triple format.

        Dataset formats (TriG, N-Quads, JSON-LD) keep every graph name. A triple format (Turtle,
        N-Triples) holds one graph: the graphs are merged, their names dropped, and a triple held
        by several graphs is written once. pyoxigraph writes every literal in its stored lexical form.
        `progress` (in quads) advances by the quads as they are read from the store, which for a
        dataset format is as they are written (the same bytes as the store's own dump, streamed
        through Python to count them); for a triple format it ends with the count of triples.
        """
        if format.supports_datasets and progress is None:
            self._store.dump(output, format)
            return len(self._store)
        quads: Iterable[ox.Quad] = self._store
        if progress is not None:
            count = len(self._store)
            progress.expect(count)
            quads = progress.counted(self._store)
            if format.supports_datasets:
                ox.serialize(quads, output, format)
                return count
        triples = sorted({ox.Triple(quad.subject, quad.predicate, quad.object) for quad in quads}, key=str)
        ox.serialize(triples, output, format, prefixes=PREFIXES)
        if progress is not None:
            progress.advance(0, triples=len(triples))
        return len(triples)

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store)




def _check_store_folder(path: Path, *, create: bool) -> None:
    if (path / MARKER).exists():
        _check_format(path)
        return
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a kg store folder")
    if path.exists() and any(path.iterdir()):
        raise StoreError(f"{path}: this folder is not a kg store (no {MARKER}); refusing to write into it")
    if path.exists():
        raise StoreError(
            f"{path}: the folder is empty, so it is not a kg store (an unmounted volume?); "
            "remove it or name a folder that does not exist yet to create a new store"
        )
    if not create:
        raise StoreError(f"{path}: no kg store here; run `kg build` to create one")
    path.mkdir(parents=True)


def _check_format(path: Path) -> None:
    try:
        version = json.loads((path / MARKER).read_text(encoding="utf-8")).get("kg_store")
    except (OSError, ValueError, AttributeError) as error:
        raise StoreError(f"{path}: unreadable store marker {MARKER} ({error})") from error
    if version != FORMAT_VERSION:
        raise StoreError(
            f"{path}: a kg store of layout version {version}, not {FORMAT_VERSION} (docs/dataset.md); "
            "build the articles again into a new store folder"
        )


def _acquire_lock(path: Path, *, shared: bool) -> IO[str]:
    lock = open(path / LOCK, "a+", encoding="utf-8")
    try:
        fcntl.flock(lock, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        holder = "kg is writing it" if shared else "another kg process is using it"
        raise StoreError(f"{path}: store in use ({holder}); wait for it to finish") from None
    return lock


def _explain_open_error(path: Path, error: Exception) -> str:
    text = str(error)
    if "LOCK" in text or "Resource temporarily unavailable" in text:
        return f"{path}: store in use by another process ({text})"
    if "Corruption" in text or "CURRENT" in text:
        return f"{path}: the store is corrupt ({text}); restore it from a backup — kg will not recreate it"
    if "Too many open files" in text:
        return f"{path}: too many open files ({text}); raise the limit with `ulimit -n 4096`"
    return f"{path}: cannot open the store: {text}"


def _rdflib_graph(quads: Iterator[ox.Quad]) -> Graph:
    from rdflib import Graph

    from kg.dataset import rdflib_term
    from kg.terms import bind_prefixes

    graph = bind_prefixes(Graph())
    for quad in quads:
        graph.add((rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object)))
    return graph
