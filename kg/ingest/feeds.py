"""Ingest, feeds: RSS 2.0, RSS 1.0 (RDF) and Atom bytes -> one Article per item (feedparser).

`<!DOCTYPE` or `<!ENTITY` anywhere refuses the whole feed before any parser sees it
(`xml-dtd`), so external entities (XXE) and billion-laughs expansions cannot happen. A feed
over MAX_FEED_BYTES is refused; only the first MAX_FEED_ITEMS items are read and the rest is
reported as `truncated`. Item HTML becomes plain text through the same visible-text reader as
pages; item links are kept only when they are public http(s) URLs, and never fetched.
"""

from __future__ import annotations

import io
import re
import time
from datetime import date
from pathlib import PurePath
from typing import Any, Iterator

import feedparser  # type: ignore[import-untyped]

from kg.errors import InputError
from kg.ingest.clean import build_article, decode, warn
from kg.ingest.ids import article_id_for, link_problem
from kg.ingest.pages import visible_text
from kg.records import Article

MAX_FEED_BYTES = 20 * 1024 * 1024
MAX_FEED_ITEMS = 1_000
_DTD = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.I)
_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>\s*)*<([A-Za-z][\w.:-]*)", re.S | re.I
)
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})


def is_feed(data: bytes) -> bool:
    """True when the document's root element is <rss>, <feed> or <rdf:RDF>."""
    found = _ROOT.match(decode(data[:4096]).text)
    return found is not None and found.group(1).lower() in FEED_ROOTS


def read_feed(data: bytes, name: str) -> Iterator[Article | InputError]:
    """Every item of a feed, as an Article or the InputError that refuses it."""
    if len(data) > MAX_FEED_BYTES:
        yield InputError(name, f"too-large: the feed has {len(data)} bytes; the limit is {MAX_FEED_BYTES}")
        return
    if _DTD.search(decode(data).text):
        yield InputError(name, "xml-dtd: the feed has a <!DOCTYPE> or <!ENTITY> declaration; refused without parsing")
        return
    if not is_feed(data):
        yield InputError(name, "not-a-feed: the root element is not <rss>, <feed> or <rdf:RDF>")
        return
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    entries = parsed.entries
    if not entries:
        problem = f"malformed-feed: {parsed.get('bozo_exception')}" if parsed.bozo else "empty: the feed has no items"
        yield InputError(name, problem)
        return
    if parsed.bozo:
        warn(name, f"feed is not well-formed ({parsed.get('bozo_exception')}); read leniently")
    channel = parsed.feed
    for number, entry in enumerate(entries[:MAX_FEED_ITEMS], start=1):
        yield _item(entry, channel, f"{name}#item{number}", PurePath(name).stem)
    if len(entries) > MAX_FEED_ITEMS:
        yield InputError(
            name,
            f"truncated: the feed has {len(entries)} items; read the first {MAX_FEED_ITEMS}, "
            f"{len(entries) - MAX_FEED_ITEMS} not read",
        )


def _item(entry: Any, channel: Any, origin: str, stem: str) -> Article | InputError:
    text = _item_text(entry)
    link = entry.get("link")
    if link and link_problem(link):
        warn(origin, f"rejected link: {link_problem(link)}")
        link = None
    guid = entry.get("id")
    key = link or (guid if guid and not link_problem(guid) else f"{stem} {guid or entry.get('title', '')}")
    return build_article(
        origin,
        article_id=article_id_for(key, text),
        text=text,
        title=visible_text(entry["title"]) if entry.get("title") else None,
        published=_item_date(entry, origin),
        url=link,
        source=channel.get("title"),
        language=entry.get("language") or channel.get("language"),
        license=entry.get("rights") or channel.get("rights"),
    )


def _item_text(entry: Any) -> str:
    """The longest of the item's content bodies and summary, as plain text."""
    bodies = [(part.get("value", ""), part.get("type", "text/html")) for part in entry.get("content", [])]
    if entry.get("summary"):
        bodies.append((entry["summary"], entry.get("summary_detail", {}).get("type", "text/html")))
    texts = [visible_text(value) if "html" in kind else value for value, kind in bodies]
    return max(texts, key=len, default="")


def _item_date(entry: Any, origin: str) -> date | None:
    """The item's publication (else update) date; dict.get skips feedparser's deprecated aliasing."""
    warned = set()
    for field in ("published", "updated"):
        parsed: time.struct_time | None = dict.get(entry, f"{field}_parsed")
        if parsed is not None:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                pass
        raw = dict.get(entry, field)
        if raw and raw not in warned:
            warned.add(raw)
            warn(origin, f'dropped "{field}": {str(raw)[:40]!r} is not a valid date')
    return None
