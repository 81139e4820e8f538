"""Ingest: every input kind read for real, and the hostile inputs of RELIABILITY.md 1-27, 47-49."""

from __future__ import annotations

import doctest
import gzip
import io
import json
import logging
import threading
import time
import tracemalloc
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import FetchPolicy, article_id_for, canonical_url, read_articles, read_inputs
from kg.ingest import feeds, ids, pages
from kg.ingest.fetch import allow_public, resolve_host
from kg.ingest.jsonl import read_jsonl
from kg.records import Article

DATA = Path(__file__).parent / "data" / "ingest"


def articles(results: list[Article | InputError]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def errors(results: list[Article | InputError]) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(path: Path) -> list[Article | InputError]:
    return list(read_articles(path))


# --------------------------------------------------------------------------- loopback servers

Route = Callable[[BaseHTTPRequestHandler], None]


class Server:
    """A loopback HTTP server: `routes` maps a path to a handler; `hits` counts every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 -- http.server's name
                server.hits += 1
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                else:
                    try:
                        route(self)
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # kg hung up on purpose (a cap or the deadline)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def reply(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200, **headers: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return route


@pytest.fixture
def site() -> Iterator[Server]:
    server = Server()
    yield server
    server.close()


@pytest.fixture
def canary() -> Iterator[Server]:
    """A server on 127.0.0.1 that nothing may reach: tests assert it got 0 requests."""
    server = Server()
    yield server
    server.close()


def posing_as_public(site: Server, host: str = "news.example") -> FetchPolicy:
    """`host` resolves to the loopback site, and only that address and port count as public."""

    def resolve(name: str, port: int) -> list[str]:
        return ["127.0.0.1"] if name == host else list(resolve_host(name, port))

    def allow(address: object, port: int) -> bool:
        return (str(address), port) == ("127.0.0.1", site.port) or allow_public(address, port)  # type: ignore[arg-type]

    return FetchPolicy(resolve=resolve, allow=allow, deadline_s=5.0)


# --------------------------------------------------------------------------- each input kind, for real


def test_ingest_jsonl_reads_every_field() -> None:
    results = read(DATA / "articles.jsonl")
    assert not errors(results)
    first, second, third = articles(results)
    assert first == Article(
        id="wire-001",
        text="The presidents of France and Brazil met in Geneva on Friday.\n\nThey discussed trade.",
        title="Leaders meet in Geneva",
        published=date(2025, 11, 29),
        url="https://news.example.org/geneva?utm_source=rss",
        source="Example Wire",
        language="en",
        license="CC BY 4.0",
        origin=f"{DATA / 'articles.jsonl'}:1",
    )
    assert (second.published, second.language, second.title) == (date(2025, 11, 30), "fr", None)
    assert (third.id, third.title, third.origin) == ("wire-003", "Minimal", f"{DATA / 'articles.jsonl'}:3")


def test_ingest_text_file_title_and_deterministic_id() -> None:
    (article,) = read(DATA / "summit-notes.txt")
    assert isinstance(article, Article)
    assert article.title == "NATO foreign ministers meet in Brussels"
    assert article.text.startswith("NATO foreign ministers met in Brussels on Tuesday")
    assert article.text.endswith("would stay united.")
    content = (DATA / "summit-notes.txt").read_text(encoding="utf-8")
    assert article.id == article_id_for("summit-notes", content)
    assert article.id.startswith("summit-notes-")


def test_ingest_text_file_without_title_line(tmp_path: Path) -> None:
    (article,) = read(write(tmp_path / "one.txt", "A single paragraph about a treaty.\nSecond line.\n"))
    assert isinstance(article, Article)
    assert (article.title, article.text) == (None, "A single paragraph about a treaty.\nSecond line.")


def test_ingest_html_main_text_title_date_publisher() -> None:
    (article,) = read(DATA / "page.html")
    assert isinstance(article, Article)
    assert article.title == "Foreign ministers agree on ceasefire talks"
    assert article.published == date(2025, 10, 14)
    assert article.source == "Example Times"
    assert article.text.startswith("The foreign ministers of Egypt and Qatar agreed on Tuesday")
    assert "\n\nThe talks will bring together negotiators" in article.text
    assert article.text.endswith("remain open.")


def test_ingest_html_hidden_elements_never_become_text() -> None:
    (article,) = read(DATA / "page.html")
    assert isinstance(article, Article)
    for name in ("Joe Biden", "Xi Jinping", "Kamala Harris", "Vladimir Putin", "Olaf Scholz", "Copyright"):
        assert name not in article.content


def test_ingest_rss_items(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        results = read(DATA / "feed.rss")
    first, second = results
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Japan and South Korea hold security talks"
    assert first.text == (
        "Officials from Japan and South Korea held security talks in Seoul on Tuesday.\n\n"
        "They agreed to meet again in January."
    )
    assert (first.published, first.source, first.language) == (date(2025, 12, 2), "Example World News", "en-gb")
    assert first.id == article_id_for("https://news.example.org/world/japan-korea", "")
    assert first.origin == f"{DATA / 'feed.rss'}#item1"
    assert (second.text, second.url, second.published) == ("The ministry issued a statement.", None, None)
    assert [r.getMessage() for r in caplog.records] == [
        f"{DATA / 'feed.rss'}#item2: rejected link: forbidden-scheme: javascript URLs are refused; "
        "only http and https are read",
        f"{DATA / 'feed.rss'}#item2: dropped \"published\": 'Feb 30 2024' is not a valid date",
    ]


def test_ingest_atom_entries() -> None:
    first, second = read(DATA / "feed.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Kenya deploys police to Haiti"
    assert first.text == "Kenya deployed a further 200 police officers to Haiti on Wednesday."
    assert (first.url, first.published) == ("https://atom.example.net/2025/12/kenya-haiti", date(2025, 12, 3))
    assert second.text == "Ministers from the African Union met in Addis Ababa."
    assert (second.url, second.published, second.source) == (None, date(2025, 12, 2), "Example Atom Desk")


def test_ingest_folder_sorted_recursive_skips_other_files(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="kg.ingest"):
        results = list(read_inputs([DATA / "folder"]))
    assert [(a.id, a.origin) for a in articles(results)] == [
        ("folder-jsonl-1", f"{DATA / 'folder' / 'b.jsonl'}:1"),
        (article_id_for("a", "Text in a sub folder, without a title line.\n"), str(DATA / "folder" / "sub" / "a.txt")),
    ]
    assert not errors(results)
    assert "notes.md: skipped" in caplog.text and ".hidden.txt: skipped" in caplog.text


def test_ingest_whole_data_folder_in_deterministic_order() -> None:
    first = [r.id if isinstance(r, Article) else str(r) for r in read_inputs([DATA])]
    second = [r.id if isinstance(r, Article) else str(r) for r in read_inputs([str(DATA)])]
    assert first == second
    assert len(first) == 12
    assert first[0] == "wire-001"


def test_ingest_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    results = list(read_inputs([tmp_path / "nope.jsonl", tmp_path / "empty"]))
    assert [(e.source, e.problem.split(":")[0]) for e in errors(results)] == [
        (str(tmp_path / "nope.jsonl"), "not-found"),
        (str(tmp_path / "empty"), "empty"),
    ]


# --------------------------------------------------------------------------- record envelope (1-9)


def test_ingest_empty_file_and_record(tmp_path: Path) -> None:
    paths = [write(tmp_path / name, b"") for name in ("a.jsonl", "b.txt", "c.html", "d.rss")]
    jsonl = write(tmp_path / "e.jsonl", '{}\n{"id": "x", "text": "  "}\n{"id": "ok", "text": "Fine."}\n')
    results = list(read_inputs([*paths, jsonl]))
    assert [str(e) for e in errors(results)] == [
        f"{paths[0]}: empty: the file holds no records",
        f"{paths[1]}: empty: the input has no content",
        f"{paths[2]}: empty: the input has no content",
        f"{paths[3]}: empty: the input has no content",
        f"{jsonl}:1: empty: the record has no fields",
        f'{jsonl}:2: empty: article "x" has no text',
    ]
    assert [a.id for a in articles(results)] == ["ok"]


def test_ingest_malformed_line_reported_with_number(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{n}", "text": f"Article {n}."}) for n in range(1, 1001)]
    lines[499] = '{"id": "a500", "text": "unterminated'
    results = read(write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n"))
    assert len(articles(results)) == 999
    (error,) = errors(results)
    assert error.source == f"{tmp_path / 'batch.jsonl'}:500"
    assert error.problem == "malformed-json: Unterminated string starting at at column 24"


def test_ingest_oversized_record_refused_before_parsing(tmp_path: Path) -> None:
    big = '{"id": "big", "text": "' + "x" * (50 * 1024 * 1024) + '"}\n'
    path = write(tmp_path / "big.jsonl", big + '{"id": "after", "text": "Still read."}\n')
    del big
    tracemalloc.start()
    results = read(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 12 * 1024 * 1024
    assert [str(e) for e in errors(results)] == [
        f"{path}:1: too-large: the record is over 5242880 bytes; it was skipped without being parsed"
    ]
    assert [a.id for a in articles(results)] == ["after"]


def test_ingest_deep_nesting_refused_without_recursion_error(tmp_path: Path) -> None:
    path = write(tmp_path / "deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n" + '{"id": "a", "text": "b"}\n')
    results = read(path)
    assert str(errors(results)[0]) == f"{path}:1: too-deep: JSON nested more than 64 levels; not parsed"
    assert [a.id for a in articles(results)] == ["a"]


def test_ingest_brackets_inside_strings_are_not_nesting(tmp_path: Path) -> None:
    text = "[[[[" * 100 + " quoted brackets \\\" [[[ "
    (article,) = read(write(tmp_path / "ok.jsonl", '{"id": "a", "text": "' + text + '"}\n'))
    assert isinstance(article, Article) and article.text.startswith("[[[[")


def test_ingest_invalid_utf8_replaced_and_counted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path / "bad.jsonl", b'{"id": "a", "text": "caf\xe9 \xff\xfe ok \xef\xbf\xbd"}\n')
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        (article,) = read(path)
    assert isinstance(article, Article) and article.text == "caf\ufffd \ufffd\ufffd ok \ufffd"
    assert caplog.messages == [f"{path}:1: replaced 3 invalid UTF-8 byte sequences with U+FFFD"]


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")]
)
def test_ingest_byte_order_marks(tmp_path: Path, encoding: str, bom: bytes) -> None:
    record = json.dumps({"id": "bom", "text": "Zürich talks"}, ensure_ascii=False) + "\r\n"
    jsonl = write(tmp_path / "a.jsonl", bom + (record * 2).encode(encoding))
    text = write(tmp_path / "b.txt", bom + "Title\r\n\r\nZürich talks\r\n".encode(encoding))
    results = list(read_inputs([jsonl, text]))
    assert not errors(results)
    assert [(a.title, a.text) for a in articles(results)] == [(None, "Zürich talks")] * 2 + [("Title", "Zürich talks")]


def test_ingest_surrogates_and_control_characters_removed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    record = '{"id": "a\\u0000b", "title": "T\\u0085", "text": "x\\ud800y\\u0000z\\u001b\\u0007\\tq\\n\\u009fr\\ufeff army\\u200b took\\u2060"}\n'
    path = write(tmp_path / "c.jsonl", record)
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        (article,) = read(path)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.text) == ("ab", "T", "xyz\tq\nr army took")
    assert caplog.messages == [f"{path}:1: removed 10 control, surrogate, zero-width or byte-order-mark characters"]


def test_ingest_other_spaces_become_plain_spaces_one_for_one(tmp_path: Path) -> None:
    # A no-break, thin or narrow space is a token of its own to the tokenizer, which cuts the name
    # it sits in ("USS<no-break space>Nimitz"); offsets into the text stay where they were.
    record = '{"id": "a", "text": "The USS\\u00a0Nimitz, 10\\u202fkm\\u2009off the\\u3000coast.\\tEnd.\\nNext"}\n'
    (article,) = read(write(tmp_path / "s.jsonl", record))
    assert isinstance(article, Article)
    assert article.text == "The USS Nimitz, 10 km off the coast.\tEnd.\nNext"


def test_ingest_too_long_text_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "long.jsonl", json.dumps({"id": "long", "text": "word " * 300_000}) + "\n")
    (error,) = read(path)
    assert str(error) == (
        f"{path}:1: too-long: article \"long\" has 1499999 characters; the limit is 1000000 "
        "(spaCy's max_length); split it into several articles"
    )


def test_ingest_missing_or_bad_required_fields(tmp_path: Path) -> None:
    lines = ['{"text": "no id"}', '{"id": "a"}', '{"id": 7, "text": "x"}', '{"id": "b", "text": 3}', "[1, 2]"]
    path = write(tmp_path / "f.jsonl", "\n".join(lines) + "\n")
    assert [e.problem for e in errors(read(path))] == [
        'missing-field: the article has no "id"',
        'missing-field: article "a" has no "text"',
        'bad-field: "id" must be a string, not int',
        'bad-field: "text" must be a string, not int',
        "not-an-object: expected a JSON object, found list",
    ]


# --------------------------------------------------------------------------- identity (10-11)


def test_ingest_canonical_url_identity() -> None:
    plain = "http://News.Example.org/world/story"
    tracked = "https://news.example.org:443/world/story?utm_source=x&fbclid=1#frag"
    assert canonical_url(plain) == canonical_url(tracked) == "https://news.example.org/world/story"
    assert article_id_for(plain, "old text") == article_id_for(tracked, "corrected text")
    assert canonical_url("https://a.example/p?b=2&a=1") == "https://a.example/p?a=1&b=2"
    assert article_id_for("https://a.example/p?id=1", "") != article_id_for("https://a.example/p?id=2", "")
    with pytest.raises(ValueError, match="is not an http or https URL"):
        canonical_url("ftp://a.example/")


@settings(max_examples=60, deadline=None)
@given(name=st.text(max_size=80), content=st.text(max_size=200), other=st.text(min_size=1, max_size=20))
def test_ingest_ids_are_deterministic(name: str, content: str, other: str) -> None:
    first = article_id_for(name, content)
    assert first == article_id_for(name, content)
    assert first != article_id_for(name, content + other)
    assert first.isascii() and " " not in first and len(first) <= 61


# --------------------------------------------------------------------------- HTML (14-22)


def test_ingest_html_deep_nesting_detected_as_truncated(tmp_path: Path) -> None:
    intro = "<p>" + "A short intro about the summit in Geneva. " * 5 + "</p>"
    deep = "<div>" * 300 + "<p>" + "The body of the article about the meeting. " * 40 + "</p>" + "</div>" * 300
    path = write(tmp_path / "deep.html", f"<html><body>{intro}{deep}</body></html>")
    (error,) = read(path)
    assert isinstance(error, InputError)
    assert error.problem.startswith("truncated: the HTML parser kept 170 of 1570 visible characters")


def test_ingest_html_huge_text_node_detected_as_truncated(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.html", "<html><body><p>Intro.</p><p>" + "word " * 2_300_000 + "</p></body></html>")
    (error,) = read(path)
    assert isinstance(error, InputError) and error.problem.startswith(
        "truncated: the HTML parser kept 6 of 9200006 visible characters"
    )


def test_ingest_html_mojibake_corrected(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    body = "<p>Le président a rencontré le ministre des Affaires étrangères à Genève pour une réunion.</p>" * 3
    page = f'<html><head><meta charset="utf-8"><title>Réunion</title></head><body><article>{body}</article></body></html>'
    path = write(tmp_path / "latin.html", page.encode("windows-1252"))
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        (article,) = read(path)
    assert isinstance(article, Article) and "président a rencontré" in article.text
    assert caplog.messages[0] == f"{path}: not valid UTF-8; decoded as windows-1252"


def test_ingest_html_entity_declaration_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "e.html", '<!DOCTYPE html [<!ENTITY x "boom">]><html><body><p>&x;</p></body></html>')
    assert [str(e) for e in read(path)] == [
        f"{path}: xml-dtd: the page declares entities (<!ENTITY); refused without parsing"
    ]


def test_ingest_html_references_are_never_fetched(tmp_path: Path, canary: Server) -> None:
    target = f"http://127.0.0.1:{canary.port}"
    page = (
        f'<html><head><base href="{target}/"><meta http-equiv="refresh" content="0; url={target}/r">'
        f'<link rel="stylesheet" href="{target}/s.css"></head><body><article>'
        f'<iframe src="{target}/frame"></iframe><img src="{target}/i.png">'
        + "<p>Officials from both governments met on Monday to discuss the border dispute in detail.</p>" * 3
        + "</article></body></html>"
    )
    results = list(read_inputs([write(tmp_path / "refs.html", page)], fetch=True))
    assert len(articles(results)) == 1
    assert canary.hits == 0


def test_ingest_binary_files_refused_by_sniffing(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.html", b"%PDF-1.7\n%binary")
    png = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    assert [str(e) for e in read_inputs([pdf, png])] == [
        f"{pdf}: not-text: the input is a PDF document",
        f"{png}: not-text: the input is a PNG image",
    ]


# --------------------------------------------------------------------------- feeds (23-27)


def test_ingest_feed_billion_laughs_refused_fast() -> None:
    started = time.monotonic()
    results = read(DATA / "laughs.rss")
    assert time.monotonic() - started < 1.0
    assert [e.problem for e in errors(results)] == [
        "xml-dtd: the feed has a <!DOCTYPE> or <!ENTITY> declaration; refused without parsing"
    ]


def test_ingest_feed_xxe_secret_appears_nowhere(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-7f3a")
    feed = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title>'
        "<description>&xxe;</description></item></channel></rss>"
    )
    with caplog.at_level(logging.DEBUG):
        results = list(read_inputs([write(tmp_path / "xxe.xml", feed.encode("utf-16"))]))
    assert [e.problem.split(":")[0] for e in errors(results)] == ["xml-dtd"]
    assert "TOP-SECRET" not in repr(results) + caplog.text


def test_ingest_feed_item_cap_reports_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_FEED_ITEMS", 3)
    items = "".join(f"<item><title>T{n}</title><description>Item {n}.</description></item>" for n in range(5))
    path = write(tmp_path / "many.rss", f'<rss version="2.0"><channel><title>c</title>{items}</channel></rss>')
    results = read(path)
    assert [a.text for a in articles(results)] == ["Item 0.", "Item 1.", "Item 2."]
    assert [str(e) for e in errors(results)] == [
        f"{path}: truncated: the feed has 5 items; read the first 3, 2 not read"
    ]


def test_ingest_feed_byte_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 100)
    path = write(tmp_path / "big.rss", '<rss version="2.0"><channel>' + " " * 200 + "</channel></rss>")
    assert [e.problem for e in errors(read(path))] == ["too-large: the feed has 244 bytes; the limit is 100"]


def test_ingest_feed_bad_links_rejected_not_fetched(tmp_path: Path, canary: Server, caplog: pytest.LogCaptureFixture) -> None:
    links = ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "http://10.0.0.5/",
             f"http://127.0.0.1:{canary.port}/x"]  # fmt: skip
    items = "".join(f"<item><title>T</title><link>{link}</link><description>D{n}</description></item>"
                    for n, link in enumerate(links))  # fmt: skip
    path = write(tmp_path / "links.rss", f'<rss version="2.0"><channel><title>c</title>{items}</channel></rss>')
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        results = list(read_inputs([path], fetch=True))
    assert [a.url for a in articles(results)] == [None] * 5
    assert [m.split(": ", 2)[2].split(":")[0] for m in caplog.messages] == [
        "forbidden-scheme", "forbidden-scheme", "forbidden-scheme", "forbidden-address", "forbidden-address"
    ]  # fmt: skip
    assert canary.hits == 0


@pytest.mark.parametrize("value", ["Feb 30 2024", "32 Jan", "20240-01-01", "2024-13-01", 20240101])
def test_ingest_invalid_dates_dropped_article_kept(tmp_path: Path, caplog: pytest.LogCaptureFixture, value: object) -> None:
    path = write(tmp_path / "d.jsonl", json.dumps({"id": "a", "text": "t", "published": value}) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        (article,) = read(path)
    assert isinstance(article, Article) and article.published is None
    assert caplog.messages[0].startswith(f'{path}:1: dropped "published": ')


@pytest.mark.parametrize(
    ("value", "warning"),
    [
        ("javascript:alert(1)", "forbidden-scheme: javascript URLs are refused; only http and https are read"),
        ("https://a.example/x y", 'bad-url: the URL holds white space or a character not allowed in URLs (<>"{}|\\^`)'),
        ("http://user:pw@a.example/", "userinfo: URLs with a user name or password are refused"),
        (42, "expected a string, found int"),
    ],
)
def test_ingest_bad_url_field_dropped_article_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, value: object, warning: str
) -> None:
    path = write(tmp_path / "u.jsonl", json.dumps({"id": "a", "text": "t", "url": value}) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        (article,) = read(path)
    assert isinstance(article, Article) and article.url is None
    assert caplog.messages == [f'{path}:1: dropped "url": {warning}']
    assert "pw@" not in caplog.text


def test_ingest_examples_are_read_whole() -> None:
    results = read(Path(__file__).parent.parent / "examples" / "articles.jsonl")
    assert [a.id for a in articles(results)] == [
        "usgov-fr-2025-20750", "usgov-dod-2023-10-eisenhower-csg", "wikinews-c352228c48",
        "wikinews-3978c8f76b", "wikinews-4ad5512fe8", "wikinews-30b42e8104", "wcep-2025-11-21-9cc083ab",
    ]  # fmt: skip
    assert "Cartel de los Soles" in articles(results)[0].text


# --------------------------------------------------------------------------- fetching (47-49)


def test_ingest_url_needs_fetch_flag() -> None:
    (error,) = read_inputs(["https://news.example.org/a"])
    assert isinstance(error, InputError)
    assert error.problem == "fetch-disabled: URLs are read only when fetching is on (--fetch, fetch=True)"


def test_ingest_fetch_page_from_server_posing_as_public(site: Server) -> None:
    html = (DATA / "page.html").read_bytes()
    site.routes["/story"] = reply(gzip.compress(html), Content_Encoding="gzip")
    url = f"http://news.example:{site.port}/story?utm_source=feed"
    (article,) = read_inputs([url], fetch=True, policy=posing_as_public(site))
    assert isinstance(article, Article)
    assert article.title == "Foreign ministers agree on ceasefire talks"
    assert (article.url, article.origin) == (url, url)
    assert article.id == article_id_for(f"https://news.example:{site.port}/story", "")


def test_ingest_fetch_feed_and_redirect(site: Server) -> None:
    site.routes["/old"] = reply(b"", status=301, Location="/feed")
    site.routes["/feed"] = reply((DATA / "feed.atom").read_bytes(), "application/atom+xml")
    results = list(read_inputs([f"http://news.example:{site.port}/old"], fetch=True, policy=posing_as_public(site)))
    assert [a.title for a in articles(results)] == ["Kenya deploys police to Haiti", "Untitled wire item"]


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:{port}/update", "http://[::1]:{port}/", "http://2130706433:{port}/", "http://0x7f.1:{port}/",
     "http://169.254.169.254/latest/meta-data/", "http://localhost:{port}/", "http://[::ffff:127.0.0.1]:{port}/",
     "http://0.0.0.0:{port}/", "http://10.0.0.5/", "http://224.0.0.1/"],
)  # fmt: skip
def test_ingest_fetch_refuses_non_public_addresses(canary: Server, url: str) -> None:
    (error,) = read_inputs([url.format(port=canary.port)], fetch=True)
    assert isinstance(error, InputError) and error.problem.startswith("forbidden-address: ")
    assert canary.hits == 0


def test_ingest_fetch_refuses_redirect_to_loopback(site: Server, canary: Server) -> None:
    site.routes["/go"] = reply(b"", status=302, Location=f"http://127.0.0.1:{canary.port}/update")
    (error,) = read_inputs([f"http://news.example:{site.port}/go"], fetch=True, policy=posing_as_public(site))
    assert str(error) == (
        f"http://news.example:{site.port}/go: redirect to http://127.0.0.1:{canary.port}/update refused: "
        "forbidden-address: 127.0.0.1 is not a public internet address"
    )
    assert (site.hits, canary.hits) == (1, 0)


def test_ingest_fetch_refuses_redirect_to_name_of_loopback(site: Server, canary: Server) -> None:
    site.routes["/go"] = reply(b"", status=307, Location=f"http://localhost:{canary.port}/")
    (error,) = read_inputs([f"http://news.example:{site.port}/go"], fetch=True, policy=posing_as_public(site))
    assert isinstance(error, InputError) and "forbidden-address: localhost resolves to" in error.problem
    assert canary.hits == 0


def test_ingest_fetch_refuses_schemes_and_userinfo(canary: Server, caplog: pytest.LogCaptureFixture) -> None:
    urls = ["file:///etc/passwd", "gopher://127.0.0.1:70/", "ftp://127.0.0.1/",
            f"http://user:hunter2@127.0.0.1:{canary.port}/"]  # fmt: skip
    with caplog.at_level(logging.DEBUG):
        results = list(read_inputs(urls, fetch=True))
    assert [str(e) for e in results] == [
        "file:///etc/passwd: forbidden-scheme: file URLs are refused; only http and https are read",
        "gopher://127.0.0.1:70/: forbidden-scheme: gopher URLs are refused; only http and https are read",
        "ftp://127.0.0.1/: forbidden-scheme: ftp URLs are refused; only http and https are read",
        f"http://***@127.0.0.1:{canary.port}/: userinfo: URLs with a user name or password are refused",
    ]
    assert "hunter2" not in caplog.text and canary.hits == 0


def test_ingest_fetch_too_many_redirects(site: Server) -> None:
    site.routes["/loop"] = reply(b"", status=302, Location="/loop")
    (error,) = read_inputs([f"http://news.example:{site.port}/loop"], fetch=True, policy=posing_as_public(site))
    assert isinstance(error, InputError) and error.problem == "too-many-redirects: more than 5"
    assert site.hits == 6


def test_ingest_fetch_download_cap(site: Server) -> None:
    site.routes["/big"] = reply(b"<p>" + b"a" * 2000 + b"</p>")
    policy = FetchPolicy(resolve=posing_as_public(site).resolve, allow=posing_as_public(site).allow, max_bytes=1000)
    (error,) = read_inputs([f"http://news.example:{site.port}/big"], fetch=True, policy=policy)
    assert isinstance(error, InputError) and error.problem == "too-large: Content-Length 2007 is over the 1000-byte cap"


def test_ingest_fetch_download_cap_without_content_length(site: Server) -> None:
    def stream(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(50):
            handler.wfile.write(b"<p>" + b"b" * 100 + b"</p>")

    site.routes["/stream"] = stream
    base = posing_as_public(site)
    policy = FetchPolicy(resolve=base.resolve, allow=base.allow, max_bytes=1000)
    (error,) = read_inputs([f"http://news.example:{site.port}/stream"], fetch=True, policy=policy)
    assert isinstance(error, InputError) and error.problem == "too-large: the body is over the 1000-byte cap"


def test_ingest_fetch_gzip_bomb_stopped(site: Server) -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    site.routes["/bomb"] = reply(bomb, Content_Encoding="gzip")
    (error,) = read_inputs([f"http://news.example:{site.port}/bomb"], fetch=True, policy=posing_as_public(site))
    assert isinstance(error, InputError)
    assert error.problem == f"too-large: the body decompresses to over {10 * 1024 * 1024} bytes"


def test_ingest_fetch_layered_encoding_refused(site: Server) -> None:
    site.routes["/layers"] = reply(b"x", Content_Encoding=", ".join(["gzip"] * 50))
    (error,) = read_inputs([f"http://news.example:{site.port}/layers"], fetch=True, policy=posing_as_public(site))
    assert isinstance(error, InputError) and error.problem.startswith("bad-encoding: Content-Encoding gzip, gzip")


def test_ingest_fetch_pdf_served_as_html_refused(site: Server) -> None:
    site.routes["/doc"] = reply(b"%PDF-1.7\n...", "text/html")
    site.routes["/img"] = reply(b"\x89PNG\r\n\x1a\n....", "text/html")
    policy = posing_as_public(site)
    results = list(read_inputs([f"http://news.example:{site.port}/doc", f"http://news.example:{site.port}/img"],
                               fetch=True, policy=policy))  # fmt: skip
    assert [e.problem for e in errors(results)] == [
        "not-text: the body is a PDF document, served as text/html",
        "not-text: the body is a PNG image, served as text/html",
    ]


def test_ingest_fetch_deadline_stops_slow_drip(site: Server) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(40):
            handler.wfile.write(b"<p>x</p>")
            handler.wfile.flush()
            time.sleep(0.1)

    site.routes["/drip"] = drip
    base = posing_as_public(site)
    policy = FetchPolicy(resolve=base.resolve, allow=base.allow, deadline_s=1.0)
    started = time.monotonic()
    (error,) = read_inputs([f"http://news.example:{site.port}/drip"], fetch=True, policy=policy)
    assert time.monotonic() - started < 2.5
    assert isinstance(error, InputError) and error.problem.startswith("timeout: ")


def test_ingest_fetch_http_error_status(site: Server) -> None:
    (error,) = read_inputs([f"http://news.example:{site.port}/missing"], fetch=True, policy=posing_as_public(site))
    assert isinstance(error, InputError) and error.problem == "http-status: 404 Not Found"


# --------------------------------------------------------------------------- properties

# Text that cleaning keeps as it is: no control characters, and no space but the plain one (others become it).
_TEXT_CHARS = st.characters(exclude_categories=("Cc", "Cs", "Cn", "Zs"), exclude_characters="\ufeff\u200b\u2060", include_characters="\n\t ")


@settings(max_examples=80, deadline=None)
@given(
    records=st.lists(
        st.tuples(
            st.text(st.characters(exclude_categories=("Cc", "Cs", "Cn", "Z"), exclude_characters="\ufeff\u200b\u2060"), min_size=1),
            st.text(_TEXT_CHARS, min_size=1).map(str.strip).filter(bool),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_ingest_jsonl_round_trips_id_and_text(records: list[tuple[str, str]]) -> None:
    data = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=n % 2 == 0) + "\n" for n, (i, t) in enumerate(records))
    results = list(read_jsonl(io.BytesIO(data.encode("utf-8")), "p.jsonl"))
    assert [(a.id, a.text) for a in articles(results)] == records
    assert not errors(results)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".jsonl", ".txt", ".html", ".rss", ".bin"]))
def test_ingest_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = write(tmp_path / f"fuzz{suffix}", data)
    for result in read_articles(path):
        assert isinstance(result, (Article, InputError))
        if isinstance(result, Article):
            assert "\x00" not in result.content and "\ufeff" not in result.content


def test_ingest_docstring_examples() -> None:
    for module in (ids, pages):
        assert doctest.testmod(module).failed == 0
