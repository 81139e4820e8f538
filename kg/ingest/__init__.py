"""Ingest stage: files, folders, feeds and (when asked) URLs -> Article records.

`read_inputs` yields one Article per article found and one InputError per record or input
that had to be refused (naming the input, `file:line` for JSON Lines, and the problem); it
never raises for bad data, so a batch goes on. Warnings that do not refuse an article (a
dropped date, replaced bytes, removed control characters) go to the `kg.ingest` logger.
The policy for hostile input is in kg/ingest/clean.py.

Input kinds, by file suffix (an explicitly named file with another suffix is sniffed):
- `.jsonl`, `.ndjson`, `.json`: article JSON Lines (gold/FORMAT.md section 1), streamed.
- `.txt`, `.text`: one article. When the first line is at most 200 characters and a blank
  line follows it, it is the title. The id is the file stem as a slug plus a content hash.
- `.html`, `.htm`, `.xhtml`: one article, read by trafilatura (kg/ingest/pages.py).
- `.rss`, `.atom`, `.xml`: a feed, one article per item (kg/ingest/feeds.py).
- a folder: every file of those kinds below it, in sorted path order; hidden files and
  files of other kinds are skipped (logged at INFO).
- a string with a scheme (`https://…`): fetched only with `fetch=True` (kg/ingest/fetch.py).
"""

from __future__ import annotations

import logging
import os
from io import BytesIO
import re
from pathlib import Path, PurePath
from typing import Iterator, Sequence

from kg.errors import InputError
from kg.ingest.clean import binary_kind, build_article, decode, warn
from kg.ingest.feeds import is_feed, read_feed
from kg.ingest.fetch import FetchPolicy, fetch
from kg.ingest.ids import article_id_for, canonical_url, link_problem, redact
from kg.ingest.jsonl import read_jsonl
from kg.ingest.pages import read_html
from kg.records import Article

__all__ = ["FetchPolicy", "article_id_for", "canonical_url", "read_articles", "read_inputs"]

log = logging.getLogger("kg.ingest")

MAX_FILE_BYTES = 20 * 1024 * 1024  # text, HTML and feed files (JSON Lines is streamed)
MAX_TITLE_LINE = 200
SUFFIXES = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def read_inputs(
    paths: Sequence[str | Path], *, fetch: bool = False, policy: FetchPolicy | None = None
) -> Iterator[Article | InputError]:
    """Every article in the given files, folders and URLs, in order; refusals as InputErrors."""
    for item in paths:
        if isinstance(item, str) and _URL.match(item):
            yield from _read_url(item, enabled=fetch, policy=policy)
        else:
            yield from _read_path(Path(item))


def read_articles(path: Path) -> Iterator[Article | InputError]:
    """Every article in one file; its kind comes from the suffix, or from its first bytes."""
    name = str(path)
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        with path.open("rb") as stream:
            if kind == "jsonl":
                yield from read_jsonl(stream, name)
                return
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        yield InputError(name, f"unreadable: {err.strerror or err}")
        return
    if len(data) > MAX_FILE_BYTES:
        yield InputError(name, f"too-large: the file is over {MAX_FILE_BYTES} bytes")
        return
    yield from _read_bytes(data, name, kind or _sniff(data))


def _read_path(path: Path) -> Iterator[Article | InputError]:
    if path.is_dir():
        files = list(_folder_files(path))
        if not files:
            yield InputError(str(path), f"empty: the folder holds no {', '.join(sorted(SUFFIXES))} file")
        for file in files:
            yield from read_articles(file)
    elif path.exists():
        yield from read_articles(path)
    else:
        yield InputError(str(path), "not-found: no such file or folder")


def _folder_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(root, file)
            if file.startswith(".") or path.suffix.lower() not in SUFFIXES:
                log.info("%s: skipped, not an input kind kg reads", path)
            else:
                yield path


def _read_url(url: str, *, enabled: bool, policy: FetchPolicy | None) -> Iterator[Article | InputError]:
    name = redact(url)
    problem = link_problem(url)
    if problem:
        yield InputError(name, problem)
        return
    if not enabled:
        yield InputError(name, "fetch-disabled: URLs are read only when fetching is on (--fetch, fetch=True)")
        return
    try:
        page = fetch(url, policy=policy)
    except InputError as err:
        yield err
        return
    kind = {"text/plain": "text", "application/json": "jsonl", "application/x-ndjson": "jsonl",
            "application/jsonl": "jsonl"}.get(page.content_type) or _sniff(page.body)  # fmt: skip
    yield from _read_bytes(page.body, name, kind, url=url, charset=page.charset)


def _sniff(data: bytes) -> str:
    if is_feed(data):
        return "feed"
    head = decode(data[:1024]).text.lstrip()
    return "html" if head.startswith("<") else "jsonl" if head.startswith("{") else "text"


def _read_bytes(
    data: bytes, name: str, kind: str, *, url: str | None = None, charset: str | None = None
) -> Iterator[Article | InputError]:
    if not data.strip():
        yield InputError(name, "empty: the input has no content")
        return
    binary = binary_kind(data)
    if binary:
        yield InputError(name, f"not-text: the input is {binary}")
        return
    if kind == "jsonl":
        yield from read_jsonl(BytesIO(data), name)
    elif kind == "feed":
        yield from read_feed(data, name)
    elif kind == "html":
        yield read_html(data, name, url=url, charset=charset)
    else:
        yield _read_text(data, name, url=url, charset=charset)


def _read_text(data: bytes, name: str, *, url: str | None, charset: str | None) -> Article | InputError:
    decoded = decode(data, declared=charset, legacy=True)
    if decoded.replaced:
        warn(name, f"replaced {decoded.replaced} invalid UTF-8 byte sequences with U+FFFD")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff \t\n")
    first, blank, rest = text.partition("\n\n")
    title = first if blank and rest.strip() and "\n" not in first and len(first) <= MAX_TITLE_LINE else None
    return build_article(
        name,
        article_id=article_id_for(url or PurePath(name).stem, decoded.text),
        text=rest if title else text,
        title=title,
        url=url,
    )
