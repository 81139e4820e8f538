"""Ingest, HTML: a web page's bytes -> one Article (main text, title, date, publisher).

trafilatura finds the main text and the metadata. Before it runs:
- `<!ENTITY` anywhere refuses the page (`xml-dtd`); the page is never parsed.
- `<script>`, `<style>`, `<noscript>` and `<template>` elements are removed from the tree,
  so nothing inside them can become text (trafilatura keeps `<template>` text otherwise).
- lxml silently drops everything below nesting depth 256 and text nodes over ~10 MB. The
  visible text lxml kept is compared with what Python's own tolerant HTML parser (which has
  neither limit) sees; when lxml lost more than a tenth, the page is refused as `truncated`
  instead of yielding the intro alone.
Nothing the page points to (`<base>`, `<iframe>`, `<meta http-equiv=refresh>`) is fetched.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import PurePath

import trafilatura

from kg.errors import InputError
from kg.ingest.clean import build_article, decode, warn
from kg.ingest.ids import article_id_for, link_problem
from kg.records import Article

HIDDEN = frozenset({"script", "style", "noscript", "template"})
_BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
                    "blockquote", "pre", "table", "ul", "ol", "header", "footer", "title"})
_ENTITY_DECL = re.compile(r"<!\s*ENTITY", re.I)
TRUNCATION_TOLERANCE = 0.9  # lxml must keep this share of the visible characters
MIN_CHECKED_CHARS = 200


def read_html(data: bytes, name: str, *, url: str | None = None, charset: str | None = None) -> Article | InputError:
    """The article in a page; `url` is where it was fetched from (it names the article)."""
    decoded = decode(data, declared=charset, legacy=True)
    if decoded.replaced:
        warn(name, f"replaced {decoded.replaced} invalid UTF-8 byte sequences with U+FFFD")
    elif decoded.encoding not in ("utf-8", charset):
        warn(name, f"not valid UTF-8; decoded as {decoded.encoding}")
    html = decoded.text
    if _ENTITY_DECL.search(html):
        return InputError(name, "xml-dtd: the page declares entities (<!ENTITY); refused without parsing")
    tree = trafilatura.load_html(html)
    if tree is None:
        return InputError(name, "not-html: no HTML document could be parsed")
    for element in list(tree.iter(*HIDDEN)):
        element.drop_tree()
    kept, visible = _compact_length(" ".join(tree.xpath("//text()"))), _compact_length(visible_text(html))
    if visible >= MIN_CHECKED_CHARS and kept < TRUNCATION_TOLERANCE * visible:
        return InputError(
            name,
            f"truncated: the HTML parser kept {kept} of {visible} visible characters (nesting deeper than "
            "256 levels or a text node over 10 MB); refused rather than read in part",
        )
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None)
    if not text:
        return InputError(name, "empty: no main text found in the page")
    title = getattr(document, "title", None)
    lines = text.splitlines()
    if title and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])  # the headline, already in the title
    page_url = url or _metadata_url(name, getattr(document, "url", None))
    return build_article(
        name,
        article_id=article_id_for(url or PurePath(name).stem, text),
        text=_paragraphs(text),
        title=title,
        published=getattr(document, "date", None),
        url=page_url,
        source=getattr(document, "sitename", None),
        language=getattr(document, "language", None),
        license=getattr(document, "license", None),
    )


def _metadata_url(name: str, url: str | None) -> str | None:
    """The URL the page gives for itself, when it is one kg may keep."""
    problem = link_problem(url) if url else None
    if problem:
        warn(name, f"ignored the page's own URL: {problem}")
        return None
    return url


def _compact_length(text: str) -> int:
    return sum(len(word) for word in text.split())


def visible_text(html: str) -> str:
    """The text a reader sees, by Python's parser: no depth or node-size limit, hidden elements skipped.

    >>> visible_text("<p>Hello <script>x()</script><b>world</b></p><template>t</template>")
    'Hello world'
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return _paragraphs("".join(parser.parts))


def _paragraphs(text: str) -> str:
    """One paragraph a line becomes paragraphs separated by blank lines (gold/FORMAT.md)."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)
