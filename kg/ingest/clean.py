"""Ingest, shared step: raw bytes and field values -> clean text -> an Article, or why not.

Every reader (JSON Lines, text, HTML, feeds, URLs) ends here, so the hostile-input policy lives
in one place:

- Decoding: a UTF-8, UTF-16 or UTF-32 byte-order mark wins and is removed. Otherwise UTF-8;
  bytes that are not UTF-8 become U+FFFD and the count is logged as a warning. For text and
  HTML files (not JSON, which must be UTF-8) a declared charset is tried first, and a file
  with no valid UTF-8 multibyte sequence at all is read as windows-1252 (with a warning).
- Cleaning: NUL, C0 and C1 control characters (except newline and tab), lone surrogates,
  U+FEFF, the zero-width space U+200B and word joiner U+2060 (invisible, but a token of their own
  that cuts the clause they sit in: "army<U+200B> took control of") and the non-characters
  U+FFFE/U+FFFF are removed and counted; CR LF and CR become LF;
  a space of another kind (no-break U+00A0, thin, narrow: "USS<U+00A0>Nimitz") becomes a plain
  space, one for one: the tokenizer splits words on plain spaces only, and another space is a
  token of its own that cuts the name it sits in.
- Caps: the analysed content (title and text) may hold at most MAX_TEXT_CHARS characters,
  spaCy's default `nlp.max_length`; a longer article is refused as `too-long`.
- Fields that are optional and wrong (a date like "Feb 30 2024", a `javascript:` URL) are
  dropped with a warning; the article is kept. A missing or unusable `id` or `text` refuses
  the article. Warnings go to the `kg.ingest` logger, prefixed with the input's origin.

Problems are `InputError`s whose `problem` starts with a short code (`empty`, `too-long`,
`missing-field`, ...) followed by a colon and the explanation.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from kg.errors import InputError
from kg.ingest.ids import link_problem
from kg.records import Article

log = logging.getLogger("kg.ingest")

MAX_TEXT_CHARS = 1_000_000  # spaCy's default nlp.max_length
MAX_ID_CHARS = 512
MAX_FIELD_CHARS = 2_000  # title, source, licence, language

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
)
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u200b\u2060\ufeff\ufffe\uffff]")
# Unicode space separators (category Zs) other than the plain space.
_SPACES = str.maketrans(dict.fromkeys([0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "))
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def warn(origin: str, message: str) -> None:
    """Record a problem that does not refuse the article."""
    log.warning("%s: %s", origin, message)


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark at the start of `head` announces, and the mark's length."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return None


def binary_kind(data: bytes) -> str | None:
    """What a binary body is ("a PDF document"), or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:1024] and bom_encoding(data[:4]) is None:
        return "binary data (NUL bytes)"
    return None


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: int  # bytes that could not be decoded and became U+FFFD


def decode(data: bytes, *, declared: str | None = None, legacy: bool = False) -> Decoded:
    """Bytes to text under the policy in the module docstring.

    `declared` is a charset named by the input (HTTP header); with `legacy`, one declared by
    a `<meta charset>` and the windows-1252 fallback are tried too (HTML and text files).
    """
    mark = bom_encoding(data[:4])
    if mark is not None:
        encoding, length = mark
        text = data[length:].decode(encoding, errors="replace")
        return Decoded(text, encoding, text.count("\ufffd") - _fffd_in(data[length:], encoding))
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    if legacy and declared is None:
        found = _DECLARED_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii") if found else None
    for encoding in ([declared] if declared else []) + (["windows-1252"] if legacy else []):
        candidate = _strict(data, encoding)
        if candidate is not None and (encoding != "windows-1252" or _no_utf8_multibyte(data)):
            return Decoded(candidate, encoding, 0)
    text = data.decode("utf-8", errors="replace")
    return Decoded(text, "utf-8", text.count("\ufffd") - data.count(b"\xef\xbf\xbd"))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _no_utf8_multibyte(data: bytes) -> bool:
    """True when no valid UTF-8 multibyte sequence occurs: the bytes are a legacy 8-bit text."""
    text = data.decode("utf-8", errors="replace")
    return all(ch == "\ufffd" or ch < "\x80" for ch in text)


def _fffd_in(data: bytes, encoding: str) -> int:
    return data.count("\ufffd".encode(encoding))


def clean_text(text: str) -> tuple[str, int]:
    """Text without unwanted control characters, with LF line ends and plain spaces; and how many
    characters were removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    cleaned, removed = _UNWANTED.subn("", text)
    return cleaned.strip(), removed


def clean_line(text: str) -> tuple[str, int]:
    """A one-line field: cleaned, with every run of white space turned into one space."""
    cleaned, removed = clean_text(text)
    return " ".join(cleaned.split()), removed


def parse_date(value: object) -> date:
    """`YYYY-MM-DD` or an ISO 8601 date-time (the date as written, not moved to UTC)."""
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, found {type(value).__name__}")
    text = value.strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not a YYYY-MM-DD date or an ISO date-time") from None


def build_article(
    origin: str,
    *,
    article_id: object,
    text: object,
    title: object = None,
    published: object = None,
    url: object = None,
    source: object = None,
    language: object = None,
    license: object = None,
) -> Article | InputError:
    """An Article from raw field values, or the InputError that refuses it.

    Optional fields that cannot be used are dropped with a warning (see the module docstring).
    """
    removed = 0
    if article_id is None or article_id == "":
        return InputError(origin, 'missing-field: the article has no "id"')
    if not isinstance(article_id, str):
        return InputError(origin, f'bad-field: "id" must be a string, not {type(article_id).__name__}')
    clean_id, count = clean_line(article_id)
    removed += count
    if not clean_id:
        return InputError(origin, 'missing-field: "id" is empty')
    if len(clean_id) > MAX_ID_CHARS:
        return InputError(origin, f'bad-field: "id" has {len(clean_id)} characters; the limit is {MAX_ID_CHARS}')
    if text is None:
        return InputError(origin, f'missing-field: article "{clean_id}" has no "text"')
    if not isinstance(text, str):
        return InputError(origin, f'bad-field: "text" must be a string, not {type(text).__name__}')
    body, count = clean_text(text)
    removed += count
    if not body:
        return InputError(origin, f'empty: article "{clean_id}" has no text')
    fields: dict[str, str | None] = {}
    for name, value in (("title", title), ("source", source), ("language", language), ("license", license)):
        fields[name], count = _optional_line(origin, name, value)
        removed += count
    head = fields["title"]
    size = len(body) + (len(head) + 2 if head else 0)
    if size > MAX_TEXT_CHARS:
        return InputError(
            origin,
            f'too-long: article "{clean_id}" has {size} characters; the limit is {MAX_TEXT_CHARS} '
            "(spaCy's max_length); split it into several articles",
        )
    if removed:
        warn(origin, f"removed {removed} control, surrogate, zero-width or byte-order-mark characters")
    lang = fields["language"] or "en"
    if not _LANGUAGE.match(lang):
        warn(origin, f'dropped "language" {lang[:20]!r}: not a BCP 47 tag; using "en"')
        lang = "en"
    return Article(
        id=clean_id,
        text=body,
        title=head,
        published=_optional_date(origin, published),
        url=_optional_url(origin, url),
        source=fields["source"],
        language=lang,
        license=fields["license"],
        origin=origin,
    )


def _optional_line(origin: str, name: str, value: object) -> tuple[str | None, int]:
    if value is None:
        return None, 0
    if not isinstance(value, str):
        warn(origin, f'dropped "{name}": expected a string, found {type(value).__name__}')
        return None, 0
    cleaned, removed = clean_line(value)
    if len(cleaned) > MAX_FIELD_CHARS:
        warn(origin, f'dropped "{name}": {len(cleaned)} characters, the limit is {MAX_FIELD_CHARS}')
        return None, removed
    return cleaned or None, removed


def _optional_date(origin: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):  # already parsed, e.g. from a feed's date tuple
        return value
    try:
        return parse_date(value)
    except ValueError as err:
        warn(origin, f'dropped "published": {err}')
        return None


def _optional_url(origin: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        warn(origin, f'dropped "url": expected a string, found {type(value).__name__}')
        return None
    url = value.strip()
    problem = link_problem(url)
    if problem:
        warn(origin, f'dropped "url": {problem}')
        return None
    return url
