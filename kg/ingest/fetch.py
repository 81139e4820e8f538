"""Ingest, fetching: an http(s) URL -> the page's bytes, behind an SSRF guard.

Only used when the caller asks (`fetch=True`, `kg build --fetch`). At every hop, the first
and each redirect (followed by hand, at most `max_redirects`):
- only http and https, no user info in the URL (it never reaches a log);
- the host is resolved once, every address must be public (not loopback, private,
  link-local, reserved, multicast, or an IPv4 address of those kinds inside IPv6), and the
  connection goes to that checked address, so DNS cannot change the answer in between.
The body is capped (`max_bytes`, checked on the wire and again after decompression), one
gzip or deflate layer at most is accepted, the whole fetch has one deadline, and a body whose
first bytes say PDF, PNG, ZIP... is refused whatever its Content-Type says.

Tests inject `resolve` and `allow` to let a loopback server pose as a public one.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field
from typing import Callable, Sequence
from urllib.parse import quote, urljoin, urlsplit

from kg.errors import InputError
from kg.ingest.clean import binary_kind
from kg.ingest.ids import is_public, link_problem, redact

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
REDIRECTS = frozenset({301, 302, 303, 307, 308})
TEXT_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "application/rss+xml", "application/atom+xml",
     "application/rdf+xml", "application/xml", "text/xml", "application/json", "application/x-ndjson",
     "application/jsonl"}
)
_DECODERS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def resolve_host(host: str, port: int) -> Sequence[str]:
    """Every address the host name resolves to (numeric forms such as 0x7f.1 included)."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def allow_public(address: IPAddress, port: int) -> bool:
    return is_public(address)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    deadline_s: float = 30.0
    resolve: Callable[[str, int], Sequence[str]] = resolve_host
    allow: Callable[[IPAddress, int], bool] = allow_public
    user_agent: str = "kg-ingest (+https://w3id.org/kg-ir)"
    tls: ssl.SSLContext = field(default_factory=ssl.create_default_context)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str
    charset: str | None
    body: bytes


def fetch(url: str, *, policy: FetchPolicy | None = None) -> Fetched:
    """The body at `url`; raises InputError (naming the URL without user info) when refused or failed."""
    policy = policy or FetchPolicy()
    name = redact(url)
    deadline = time.monotonic() + policy.deadline_s
    for _hop in range(policy.max_redirects + 1):
        response, connection = _request(url, name, policy, deadline)
        try:
            if response.status not in REDIRECTS:
                return _body(response, connection, url, name, policy, deadline)
            location = response.getheader("Location")
            if not location:
                raise InputError(name, f"http-status: {response.status} redirect without a Location")
            url = urljoin(url, location.strip())
        finally:
            connection.close()
    raise InputError(name, f"too-many-redirects: more than {policy.max_redirects}")


def _request(url: str, name: str, policy: FetchPolicy, deadline: float) -> tuple[http.client.HTTPResponse, _Pinned]:
    problem = link_problem(url)
    if problem:
        raise InputError(name, problem if url == name else f"redirect to {redact(url)} refused: {problem}")
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    address = _checked_address(host, port, name, policy)
    timeout = _remaining(deadline, name)
    connection: _Pinned
    if parts.scheme.lower() == "https":
        connection = _PinnedHTTPSConnection(host, port, address, timeout, policy.tls)
    else:
        connection = _PinnedHTTPConnection(host, port, address, timeout)
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~") + (f"?{quote(parts.query, safe='=&%+-._~')}" if parts.query else "")
    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "gzip, deflate", "Accept": "text/html, application/xml;q=0.9, */*;q=0.5"}
    try:
        connection.request("GET", target, headers=headers)
        return connection.getresponse(), connection
    except TimeoutError:
        connection.close()
        raise InputError(name, f"timeout: no answer within {policy.deadline_s} s") from None
    except (OSError, http.client.HTTPException) as err:
        connection.close()
        raise InputError(name, f"connection-failed: {type(err).__name__}: {err}") from None


def _checked_address(host: str, port: int, name: str, policy: FetchPolicy) -> str:
    try:
        addresses = [ipaddress.ip_address(a.split("%")[0]) for a in policy.resolve(host, port)]
    except (OSError, ValueError) as err:
        raise InputError(name, f"unresolvable: {host} ({err})") from None
    if not addresses:
        raise InputError(name, f"unresolvable: {host} has no address")
    for address in addresses:
        if not policy.allow(address, port):
            raise InputError(name, f"forbidden-address: {host} resolves to {address}, not a public internet address")
    return str(addresses[0])


def _remaining(deadline: float, name: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(name, "timeout: the fetch deadline passed")
    return left


def _body(
    response: http.client.HTTPResponse, connection: _Pinned, url: str, name: str, policy: FetchPolicy, deadline: float
) -> Fetched:
    if not 200 <= response.status < 300:
        raise InputError(name, f"http-status: {response.status} {response.reason}")
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > policy.max_bytes:
        raise InputError(name, f"too-large: Content-Length {declared} is over the {policy.max_bytes}-byte cap")
    encodings = [e.strip().lower() for e in (response.getheader("Content-Encoding") or "").split(",")]
    encodings = [e for e in encodings if e and e != "identity"]
    if len(encodings) > 1 or (encodings and encodings[0] not in _DECODERS):
        raise InputError(name, f"bad-encoding: Content-Encoding {', '.join(encodings)[:80]} is not supported")
    body = bytearray()
    while True:
        if connection.wire is not None:
            connection.wire.settimeout(_remaining(deadline, name))
        try:
            chunk = response.read1(64 * 1024)
        except TimeoutError:
            raise InputError(name, f"timeout: the body did not arrive within {policy.deadline_s} s") from None
        except (OSError, http.client.HTTPException) as err:
            raise InputError(name, f"connection-failed: {type(err).__name__}: {err}") from None
        if not chunk:
            break
        body += chunk
        if len(body) > policy.max_bytes:
            raise InputError(name, f"too-large: the body is over the {policy.max_bytes}-byte cap")
        _remaining(deadline, name)
    data = _decompress(bytes(body), encodings[0], name, policy.max_bytes) if encodings else bytes(body)
    kind = binary_kind(data)
    if kind:
        raise InputError(name, f"not-text: the body is {kind}, served as {response.getheader('Content-Type')}")
    content_type = response.headers.get_content_type()
    if content_type not in TEXT_TYPES:
        raise InputError(name, f"unsupported-type: {content_type} is not a page, feed or text")
    return Fetched(url, content_type, response.headers.get_content_charset(), data)


def _decompress(data: bytes, encoding: str, name: str, cap: int) -> bytes:
    decompressor = zlib.decompressobj(_DECODERS[encoding])
    try:
        out = decompressor.decompress(data, cap + 1)
    except zlib.error as err:
        raise InputError(name, f"bad-encoding: the {encoding} body does not decompress ({err})") from None
    if len(out) > cap:
        raise InputError(name, f"too-large: the body decompresses to over {cap} bytes")
    return out


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, whatever the host name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.wire: socket.socket | None = None  # kept after the response takes the connection over

    def connect(self) -> None:
        self.sock = self.wire = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """TLS to the checked address, with the certificate checked against the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float, tls: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=tls)
        self.address = address
        self.tls = tls
        self.wire: socket.socket | None = None

    def connect(self) -> None:
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.wire = self.tls.wrap_socket(raw, server_hostname=self.host)


_Pinned = _PinnedHTTPConnection | _PinnedHTTPSConnection
