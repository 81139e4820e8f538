"""The few exceptions kg raises; every message names the input and the problem."""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """A bad article or an unreadable input file; the batch goes on without it."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class DataFileError(KgError):
    """A bad pattern, gazetteer, query, shape or ontology file."""

    def __init__(self, path: Path | str, problem: str, *, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


class ValidatorError(KgError):
    """The SHACL validator could not run on a graph: the article is held back, never stored unvalidated."""


class StoreError(KgError):
    """The store cannot be opened or written (in use, corrupt, not a kg store)."""


class QueryError(KgError):
    """A saved or ad-hoc query cannot run: unknown name, bad parameter, forbidden operation."""


class LinkError(KgError):
    """One Wikidata lookup failed: log it, count it, go on."""


class LinkUnavailable(KgError):
    """The Wikidata service cannot be used at all: stop asking it for this run."""
