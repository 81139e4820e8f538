"""Store: article graphs -> named graphs in the embedded pyoxigraph store.

One named graph per article, replaced in a single SPARQL update (`DROP SILENT GRAPH ;
INSERT DATA`), which pyoxigraph applies atomically: a crash leaves the old version or the new
one, never a mix. pyoxigraph does not detect write-write conflicts, so a process holds an
exclusive lock file while it writes. A folder is opened as a store only if it carries kg's
marker file: an empty or foreign folder (an unmounted volume, a typo) is never silently
turned into an empty store.
"""

from __future__ import annotations

import fcntl
import json
from pathlib import Path
from typing import IO, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import StoreError
from kg.terms import KG, bind_prefixes, graph_iri

MARKER = "kg-store.json"
FORMAT_VERSION = 1
LOCK = "kg-write.lock"
_STORE_SUBDIR = "oxigraph"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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

    def replace_article(self, article_id: str, graph: Graph) -> None:
        """Write one article's graph, replacing any earlier version, in one transaction."""
        self.replace_graph(graph_iri(article_id), graph)

    def replace_graph(self, name: str | URIRef, graph: Graph) -> None:
        """Replace one named graph in a single update: readers see the old or the new, never a mix."""
        name = ox.NamedNode(str(name)).value  # validates the IRI before it enters the update text
        triples = " .\n".join(" ".join(str(_term(t)) for t in triple) for triple in graph)
        body = f"{triples} ." if triples else ""
        self._store.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")

    def remove_article(self, article_id: str) -> None:
        self._store.update(f"DROP SILENT GRAPH <{graph_iri(article_id)}>")

    def article_graph(self, graph_name: str | URIRef) -> Graph:
        """One stored named graph as an rdflib Graph."""
        return _rdflib_graph(self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph_name))))

    def graph_names(self) -> list[str]:
        """The named graphs in the store, sorted."""
        return sorted(node.value for node in self._store.named_graphs() if isinstance(node, ox.NamedNode))

    def content_hash(self, article_id: str) -> str | None:
        """The content hash the stored version of an article was built from, if it is stored."""
        name = ox.NamedNode(str(graph_iri(article_id)))
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(str(KG.contentHash)), None, name):
            return str(_rdflib(quad.object))
        return None

    def __len__(self) -> int:
        return len(self._store)

    def dump(self, output: IO[bytes], format: ox.RdfFormat) -> None:
        """Every named graph, serialized (datasets formats keep the graph names)."""
        if format.supports_datasets:
            self._store.dump(output, format)
            return
        union = _rdflib_graph(iter(self._store))  # every named graph merged into one
        output.write(union.serialize(format=_RDFLIB_FORMAT[format]).encode("utf-8"))

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store)


_RDFLIB_FORMAT = {ox.RdfFormat.TURTLE: "turtle", ox.RdfFormat.N_TRIPLES: "nt"}


def _check_store_folder(path: Path, *, create: bool) -> None:
    if (path / MARKER).exists():
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


def _term(term: object) -> ox.NamedNode | ox.Literal:
    """An rdflib term as a pyoxigraph term, whose str() is safe N-Triples syntax."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        raise StoreError(f"blank node {term.n3()} in an article graph: kg stores named nodes only")
    raise StoreError(f"cannot store {term!r}")


def _rdflib_graph(quads: Iterator[ox.Quad]) -> Graph:
    graph = bind_prefixes(Graph())
    for quad in quads:
        graph.add((_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object)))
    return graph


def _rdflib(term: object) -> URIRef | Literal | BNode:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise StoreError(f"kg stores no RDF-star triple terms: {term!r}")
