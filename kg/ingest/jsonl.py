"""Ingest, JSON Lines: a byte stream of article records (gold/FORMAT.md section 1) -> Articles.

The stream is read in chunks and split into lines with a per-record byte cap, so a 50 MB
line is refused before it is held in memory or handed to `json.loads`. The nesting depth is
checked before parsing too, so `[[[[…` cannot raise RecursionError. A bad line is reported
with its line number and the next lines are still read. A UTF-16 or UTF-32 file (with a
byte-order mark) is transcoded to UTF-8 on the fly; blank lines carry no record and are skipped.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import BinaryIO, Iterator

from kg.errors import InputError
from kg.ingest.clean import bom_encoding, build_article, warn
from kg.records import Article

MAX_RECORD_BYTES = 5 * 1024 * 1024
MAX_JSON_DEPTH = 64
CHUNK_BYTES = 64 * 1024

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = re.compile(rb"[\[\]{}]")


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Article | InputError]:
    """Every record of a JSON Lines stream, as an Article or the InputError that refuses it."""
    records = 0
    for number, line in _lines(_utf8_chunks(stream), MAX_RECORD_BYTES):
        origin = f"{name}:{number}"
        if line is None:
            records += 1
            yield InputError(
                origin,
                f"too-large: the record is over {MAX_RECORD_BYTES} bytes; it was skipped without being parsed",
            )
            continue
        if not line.strip():
            continue
        records += 1
        yield _record(line, origin)
    if not records:
        yield InputError(name, "empty: the file holds no records")


def _record(line: bytes, origin: str) -> Article | InputError:
    if _too_deep(line):
        return InputError(origin, f"too-deep: JSON nested more than {MAX_JSON_DEPTH} levels; not parsed")
    text = line.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - line.count(b"\xef\xbf\xbd")
    if replaced:
        warn(origin, f"replaced {replaced} invalid UTF-8 byte sequences with U+FFFD")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        return InputError(origin, f"malformed-json: {err.msg} at column {err.colno}")
    except ValueError as err:  # e.g. an integer over Python's 4300-digit limit
        return InputError(origin, f"malformed-json: {err}")
    if not isinstance(value, dict):
        return InputError(origin, f"not-an-object: expected a JSON object, found {type(value).__name__}")
    if not value:
        return InputError(origin, "empty: the record has no fields")
    return build_article(
        origin,
        article_id=value.get("id"),
        text=value.get("text"),
        title=value.get("title"),
        published=value.get("published"),
        url=value.get("url"),
        source=value.get("source"),
        language=value.get("language"),
        license=value.get("license"),
    )


def _too_deep(line: bytes) -> bool:
    if line.count(b"[") + line.count(b"{") <= MAX_JSON_DEPTH:
        return False
    depth = 0
    for bracket in _BRACKET.finditer(_JSON_STRING.sub(b'""', line)):
        depth += 1 if bracket.group() in (b"[", b"{") else -1
        if depth > MAX_JSON_DEPTH:
            return True
    return False


def _utf8_chunks(stream: BinaryIO) -> Iterator[bytes]:
    head = stream.read(4)
    mark = bom_encoding(head)
    chunks = iter(lambda: stream.read(CHUNK_BYTES), b"")
    if mark is None or mark[0] == "utf-8":
        yield head[mark[1] :] if mark else head
        yield from chunks
        return
    encoding, length = mark
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    yield decoder.decode(head[length:]).encode("utf-8")
    for chunk in chunks:
        yield decoder.decode(chunk).encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


def _lines(chunks: Iterator[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; the line is None when it is longer than `cap` bytes."""
    buffer = bytearray()
    oversized = False
    number = 1
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if not oversized:
                buffer += piece
                if len(buffer) > cap:
                    oversized = True
                    buffer.clear()
            if end < 0:
                break
            yield number, None if oversized else bytes(buffer)
            buffer.clear()
            oversized = False
            number += 1
            start = end + 1
    if buffer or oversized:
        yield number, None if oversized else bytes(buffer)
