"""Ingest, identity: URLs and names -> canonical URLs and deterministic article ids.

An article read from a URL is named by its canonical URL alone, so that the same page at
`http://…` and at `https://…?utm_source=x#top` is one article, and a corrected text replaces
the old one. An article read from a file without an id is named by the file's stem and a hash
of its content.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit

# Query parameters that track the reader and say nothing about the page (any utm_* too).
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_hsenc", "_hsmi", "ocid"}
)
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_NOT_IN_URL = re.compile(r'[\x00-\x20\x7f<>"{}|\\^`]')
MAX_SLUG = 48


def canonical_url(url: str) -> str:
    """The form of an http(s) URL that identifies a page.

    Lower-case scheme and host, https for http, no default port, no user info, no fragment,
    no tracking parameters, the other parameters sorted.

    >>> canonical_url("HTTP://News.Example.org:80/a/b?utm_source=x&b=2&a=1#top")
    'https://news.example.org/a/b?a=1&b=2'
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{redact(url)!r} is not an http or https URL")
    host = parts.hostname.rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
    )
    return f"https://{netloc}{parts.path or '/'}" + (f"?{urlencode(query)}" if query else "")


def article_id_for(url_or_name: str, content: str) -> str:
    """A deterministic article id.

    For an http(s) URL: the host and a hash of the canonical URL (the content is not used).
    For any other name (a file stem, a feed and item guid): the name as a slug and a hash of
    the content.

    >>> article_id_for("http://example.org/news/1?utm_medium=rss", "ignored")
    'example-org-b497a004fd93'
    >>> article_id_for("Summit notes", "Leaders met.")
    'summit-notes-2a9bfe142199'
    """
    if urlsplit(url_or_name).scheme.lower() in ("http", "https"):
        canonical = canonical_url(url_or_name)
        return f"{_slug(urlsplit(canonical).hostname or '')}-{_digest(canonical)}"
    return f"{_slug(url_or_name)}-{_digest(content)}"


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SLUG_JUNK.sub("-", ascii_name.lower()).strip("-")[:MAX_SLUG].strip("-") or "article"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def redact(url: str) -> str:
    """The URL without user info, for messages and logs."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]).geturl()


def link_problem(url: str) -> str | None:
    """Why a link may not be kept or fetched, judged without DNS; None when it may.

    Refused: schemes other than http and https, white space or characters that cannot stand in
    an IRI, user info, no host, and hosts that are IP literals outside the public internet.
    """
    if _NOT_IN_URL.search(url):
        return "bad-url: the URL holds white space or a character not allowed in URLs (<>\"{}|\\^`)"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return f"forbidden-scheme: {scheme or 'no'} URLs are refused; only http and https are read"
    if "@" in parts.netloc:
        return "userinfo: URLs with a user name or password are refused"
    try:
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return "bad-url: the port is not a number between 0 and 65535"
    if not host:
        return "bad-url: the URL has no host"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    return None if is_public(address) else f"forbidden-address: {address} is not a public internet address"


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for a globally routable unicast address (not loopback, private, link-local, ...)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None and not is_public(embedded):
            return False
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_loopback or address.is_link_local
    )
