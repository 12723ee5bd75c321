"""Fetch: RSS/Atom feeds and article URLs -> documents for the ingest stage, politely and safely.

Only http and https, and only to public addresses unless networks are allowed by name
(`allow_networks`, e.g. "127.0.0.1/32" for a test server). The check runs where the socket is
opened (a custom httpcore network backend), on the address actually connected to, so redirects
and DNS answers that change between lookups are held to it too. Each request has timeouts, a
size cap (also on gzip-decoded bytes), retries with exponential backoff on timeouts, 429 and
5xx, a user agent that says who we are, ETag/Last-Modified validators for conditional requests,
and at most `per_host` requests at a time to one host. Every failure is a reject row.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import pyarrow as pa

from eventlake import __version__, schema
from eventlake._ingest_archives import size_text
from eventlake._ingest_feeds import Feed, looks_like_feed, parse_feed
from eventlake._ingest_records import dump_json
from eventlake.errors import InputError
from eventlake.ingest import MAX_FILE_BYTES, Document

USER_AGENT = f"eventlake/{__version__} (Arabic news research; fetches feeds and articles it is given)"
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not waited for
SCHEMES = frozenset({"http", "https"})
# Content-Type -> the suffix the ingest stage reads the body by.
MEDIA_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/rdf+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
}


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch: which private networks are allowed, timeouts, caps, retries, politeness."""

    allow_networks: tuple[str, ...] = ()  # CIDRs allowed besides public addresses: "127.0.0.1/32"
    timeout: float = 15.0  # seconds to connect, and between two reads
    deadline: float = 120.0  # seconds for one whole response
    retries: int = 2  # attempts after the first, on timeouts, connection errors, 429 and 5xx
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_bytes: int = MAX_FILE_BYTES  # per response body, after gzip decoding
    max_redirects: int = 5
    per_host: int = 2  # requests at a time to one host
    workers: int = 8  # requests at a time overall
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class FetchResult:
    """Downloaded documents for ingest, reject rows for what could not be fetched, and counts."""

    documents: list[Document]  # feeds (kept, not parsed) and pages, in the order given
    rejects: pa.Table  # schema.REJECTS, stage "fetch"; run_id and rejected_at null
    validators: dict[str, dict[str, str]]  # URL -> {"etag", "last_modified"}: save after a good run
    fetched: int = 0  # URLs requested, but for those answered 304
    not_modified: int = 0  # 304 answers to conditional requests
    skipped: int = 0  # feed links already in the lake, not fetched


def fetch_inputs(
    *,
    feeds: Sequence[str] = (),
    urls: Sequence[str] = (),
    known_urls: frozenset[str] = frozenset(),
    validators: Mapping[str, Mapping[str, str]] | None = None,
    options: FetchOptions | None = None,
    now: datetime | None = None,
) -> FetchResult:
    """Fetch feeds, then their items' pages and the given URLs.

    Args:
        feeds: RSS/Atom URLs; each item's link is fetched as an article page with the item's
            id, title and date; an item with no link is read from the feed itself.
        urls: article URLs (HTML, JSON, JSONL, text or a feed, by Content-Type).
        known_urls: links already in the lake: not fetched again.
        validators: ETag/Last-Modified of earlier fetches, sent as If-None-Match/If-Modified-Since.
        options: FetchOptions; defaults are polite and refuse private addresses.
        now: the fallback publication date of a page with no Last-Modified; defaults to now.

    Returns:
        FetchResult. A feed's validators are returned only when all its links were fetched, so
        a link that failed is tried again next run rather than hidden behind a 304.
    """
    options = options or FetchOptions()
    run = _Run(_Policy(options.allow_networks), options, dict(validators or {}), as_of=now or datetime.now(UTC))
    with _Client(options, run.policy) as client:
        feed_outcomes = client.map(run.fetch_feed, _unique(feeds))
        pages = [job for outcome in feed_outcomes for job in outcome.pages]
        pages += [_Page(url, {"url": url}) for url in _unique(urls)]
        run.plan(pages, known_urls)
        page_outcomes = client.map(run.fetch_page, run.planned)
    return run.result(feed_outcomes, page_outcomes)


def check_url(url: str, *, allow_networks: Sequence[str] = ()) -> str:
    """The URL if fetching it may be tried: http(s), a host, no literal private address.

    Hostnames are checked again on connecting, against every address they resolve to.

    Raises:
        InputError: naming the URL and why it is refused.
    """
    try:
        return _Policy(tuple(allow_networks)).check_url(url)
    except _Refused as exc:
        raise InputError(f"refused: {exc}", path=url) from exc


def parse_networks(values: Iterable[str]) -> tuple[str, ...]:
    """Check CIDRs or addresses given on the command line ("127.0.0.1", "10.0.0.0/8").

    Raises:
        ValueError: naming the value that is not a network.
    """
    out = []
    for value in values:
        try:
            out.append(str(ipaddress.ip_network(value.strip(), strict=False)))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not an IP address or network (e.g. 127.0.0.1/32)") from exc
    return tuple(out)


# --- what to fetch and what came of it -------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """A page to fetch: its URL, and the fields its feed item gives (id, title, date, ...)."""

    url: str
    meta: dict[str, Any]
    feed: str | None = None  # the feed whose item links here


@dataclass
class _FeedOutcome:
    url: str
    pages: list[_Page] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    validators: dict[str, str] | None = None
    not_modified: bool = False
    fetched: bool = False


@dataclass
class _PageOutcome:
    document: Document | None = None
    reject: dict[str, Any] | None = None
    validators: dict[str, str] | None = None
    not_modified: bool = False


@dataclass
class _Run:
    policy: _Policy
    options: FetchOptions
    validators: dict[str, Mapping[str, str]]
    as_of: datetime
    planned: list[_Page] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0

    def fetch_feed(self, client: _Client, url: str) -> _FeedOutcome:
        outcome = _FeedOutcome(url)
        try:
            response = client.get(url, validators=self.validators.get(url))
        except _FetchError as exc:
            outcome.rejects.append(_reject(url, exc.reason))
            return outcome
        if response.status == 304:
            outcome.not_modified = True
            return outcome
        outcome.fetched = True
        outcome.documents.append(Document(url, "feed.xml", response.body, meta=self._dated({}, response), parse=False))
        try:
            feed = parse_feed(response.body)
        except InputError as exc:
            outcome.rejects.append(_reject(url, f"feed: {exc.reason}", response.body))
            return outcome
        outcome.validators = response.validators()
        self._items(outcome, feed, response)
        return outcome

    def plan(self, pages: list[_Page], known_urls: frozenset[str]) -> None:
        """Each URL once; known ones skipped; refused ones rejected without a request."""
        seen: set[str] = set()
        for page in pages:
            if page.url in seen:
                continue
            seen.add(page.url)
            if page.url in known_urls:
                self.skipped += 1
                continue
            try:
                self.policy.check_url(page.url)
            except _Refused as exc:
                self.rejects.append(_reject(page.url, f"refused: {exc}"))
                continue
            self.planned.append(page)

    def fetch_page(self, client: _Client, page: _Page) -> _PageOutcome:
        try:
            response = client.get(page.url, validators=self.validators.get(page.url))
        except _FetchError as exc:
            return _PageOutcome(reject=_reject(page.url, exc.reason))
        if response.status == 304:
            return _PageOutcome(not_modified=True)
        name = _name_for(response, default=".html" if page.feed else None)
        if name is None:
            reason = f"unsupported Content-Type {response.media_type or '(none)'}"
            return _PageOutcome(reject=_reject(page.url, reason, response.body))
        document = Document(
            page.url, name, response.body, meta=self._dated(page.meta, response), charset=response.charset
        )
        return _PageOutcome(document=document, validators=response.validators())

    def result(self, feeds: list[_FeedOutcome], pages: list[_PageOutcome]) -> FetchResult:
        """Documents and rejects in the order given: feeds first, then pages."""
        documents = [doc for feed in feeds for doc in feed.documents]
        documents += [page.document for page in pages if page.document is not None]
        rejects = [r for feed in feeds for r in feed.rejects] + self.rejects
        rejects += [page.reject for page in pages if page.reject is not None]
        # A feed with a link that failed keeps no validators: next run reads it again and retries.
        incomplete = {job.feed for job, page in zip(self.planned, pages, strict=True) if page.reject}
        validators = {f.url: f.validators for f in feeds if f.validators and f.url not in incomplete}
        validators |= {job.url: p.validators for job, p in zip(self.planned, pages, strict=True) if p.validators}
        return FetchResult(
            documents=documents,
            rejects=pa.Table.from_pylist(rejects, schema=schema.REJECTS),
            validators=validators,
            fetched=sum(f.fetched for f in feeds) + sum(not p.not_modified for p in pages),
            not_modified=sum(f.not_modified for f in feeds) + sum(p.not_modified for p in pages),
            skipped=self.skipped,
        )

    def _items(self, outcome: _FeedOutcome, feed: Feed, response: _Response) -> None:
        """Linked items become pages to fetch; an item with no link is read from the feed."""
        for n, item in enumerate(feed.items, start=1):
            link = item.get("url")
            if not link:
                source = f"{outcome.url}#item-{n}"
                meta = self._dated({}, response)
                outcome.documents.append(Document(source, "item.json", dump_json(item), meta=meta))
                continue
            url = urljoin(response.url, link)
            meta = {k: item[k] for k in ("id", "title", "source", "language") if item.get(k)}
            meta["url"] = url
            if item.get("published_at"):
                meta.update(published_at=item["published_at"], published_at_origin="record")
            outcome.pages.append(_Page(url, meta, feed=outcome.url))

    def _dated(self, meta: Mapping[str, Any], response: _Response) -> dict[str, Any]:
        """The page's fields, with a fallback date: Last-Modified, else the time of fetching."""
        out = dict(meta)
        if "published_at" not in out:
            out.update(published_at=(response.last_modified() or self.as_of).isoformat(), published_at_origin="mtime")
        return out


def _reject(url: str, reason: str, body: bytes | None = None) -> dict[str, Any]:
    digest = hashlib.sha256(body).hexdigest() if body else None
    return {
        "source_path": url,
        "record_index": None,
        "stage": "fetch",
        "reason": " ".join(reason.split()),
        "content_hash": digest,
        "raw_excerpt": None,
        "run_id": None,
        "rejected_at": None,
    }


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def _name_for(response: _Response, *, default: str | None) -> str | None:
    """A file name whose suffix tells ingest how to read the body: by Content-Type, else sniffed."""
    suffix = MEDIA_SUFFIXES.get(response.media_type or "")
    if suffix is None and looks_like_feed(response.body):
        suffix = ".xml"
    if suffix is None and not response.media_type:
        suffix = default or ".html"
    suffix = suffix or default
    return f"download{suffix}" if suffix else None


# --- the network policy -----------------------------------------------------------------------


class _Refused(Exception):
    """A URL or address the policy does not allow: never retried."""


class _Policy:
    """Which URLs and addresses may be fetched: http(s) to public addresses, plus allowed networks."""

    def __init__(self, allow_networks: Sequence[str]):
        self.allowed = tuple(ipaddress.ip_network(n, strict=False) for n in parse_networks(allow_networks))

    def check_url(self, url: str) -> str:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            raise _Refused(f"only http and https URLs are fetched, not {scheme or 'a URL without scheme'}: {url}")
        host = parts.hostname
        if not host:
            raise _Refused(f"URL has no host: {url}")
        try:
            parts.port  # noqa: B018 (a port outside 0-65535 raises here)
        except ValueError as exc:
            raise _Refused(f"bad port in {url}") from exc
        literal = _ip(host)
        if literal is not None:
            self.check_address(literal, host)
        return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))

    def resolve(self, host: str, port: int) -> str:
        """The address to connect to; refused if any address the name has is not allowed."""
        literal = _ip(host)
        if literal is not None:
            self.check_address(literal, host)
            return str(literal)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        for address in addresses:
            self.check_address(address, host)
        return str(addresses[0])

    def check_address(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address, host: str) -> None:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if any(address in network for network in self.allowed):
            return
        if address.is_global and not address.is_multicast:
            return
        kind = next((k for k, flag in _ADDRESS_KINDS if getattr(address, flag)), "a non-public")
        shown = "" if host.strip("[]") == str(address) else f" ({address})"
        raise _Refused(f"{host} is {kind} address{shown}; allow it with --allow-network")


_ADDRESS_KINDS = (
    ("a loopback", "is_loopback"),
    ("an unspecified", "is_unspecified"),
    ("a link-local", "is_link_local"),
    ("a private", "is_private"),
    ("a multicast", "is_multicast"),
    ("a reserved", "is_reserved"),
)


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


class _GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the policy allows."""

    def __init__(self, policy: _Policy):
        self._policy = policy

    def connect_tcp(self, host: str, port: int, timeout=None, local_address=None, socket_options=None):
        address = self._policy.resolve(host, port)
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


# --- HTTP -------------------------------------------------------------------------------------


class _FetchError(Exception):
    """A URL that could not be fetched; `reason` is the reject row's."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Transient(_FetchError):
    """Worth another attempt: a timeout or a dropped connection."""


@dataclass(frozen=True)
class _Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    @property
    def media_type(self) -> str | None:
        value = self.headers.get("content-type", "").split(";")[0].strip().lower()
        return value or None

    @property
    def charset(self) -> str | None:
        for param in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("\"'") or None
        return None

    def validators(self) -> dict[str, str] | None:
        found = {"etag": self.headers.get("etag"), "last_modified": self.headers.get("last-modified")}
        found = {k: v for k, v in found.items() if v}
        return found or None

    def last_modified(self) -> datetime | None:
        try:
            date = parsedate_to_datetime(self.headers.get("last-modified", ""))
        except (TypeError, ValueError, IndexError):
            return None
        return date if date.tzinfo else date.replace(tzinfo=UTC)


class _Client:
    """One connection pool through the guarded backend; a semaphore per host."""

    def __init__(self, options: FetchOptions, policy: _Policy):
        self.options = options
        self.policy = policy
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(),
            max_connections=options.workers,
            network_backend=_GuardedBackend(policy),
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> _Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.close()

    def map(self, fn: Callable[[_Client, Any], Any], items: Sequence[Any]) -> list[Any]:
        if not items:
            return []
        with ThreadPoolExecutor(max_workers=min(self.options.workers, len(items))) as pool:
            return list(pool.map(lambda item: fn(self, item), items))

    def get(self, url: str, *, validators: Mapping[str, str] | None = None) -> _Response:
        """GET with redirects checked, retries with backoff; a 304 or 2xx response, else _FetchError."""
        options = self.options
        reason = ""
        for attempt in range(options.retries + 1):
            try:
                response = self._follow(url, validators)
            except _Transient as exc:
                reason, wait = exc.reason, options.backoff * 2**attempt
            else:
                if response.status not in RETRY_STATUSES:
                    return _checked(response)
                reason = f"HTTP {response.status}"
                wait = max(options.backoff * 2**attempt, _retry_after(response))
            if attempt < options.retries:
                time.sleep(min(wait, MAX_RETRY_AFTER))
        tries = options.retries + 1
        raise _FetchError(f"{reason} (gave up after {tries} attempt{'s' if tries > 1 else ''})")

    def _follow(self, url: str, validators: Mapping[str, str] | None) -> _Response:
        current = url
        for _ in range(self.options.max_redirects + 1):
            try:
                current = self.policy.check_url(current)
            except _Refused as exc:
                raise _FetchError(f"refused: {exc}") from exc
            response = self._request(current, validators)
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response
            current = urljoin(current, location)
        raise _FetchError(f"more than {self.options.max_redirects} redirects")

    def _request(self, url: str, validators: Mapping[str, str] | None) -> _Response:
        host = urlsplit(url).hostname or ""
        with self._host(host):
            try:
                return self._stream(url, _headers(self.options.user_agent, validators))
            except _Refused as exc:
                raise _FetchError(f"refused: {exc}") from exc
            except httpcore.TimeoutException as exc:
                raise _Transient(f"timed out ({type(exc).__name__})") from exc
            except (httpcore.NetworkError, httpcore.RemoteProtocolError) as exc:
                raise _Transient(f"connection failed: {exc or type(exc).__name__}") from exc
            except (httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
                raise _FetchError(f"bad HTTP response: {exc or type(exc).__name__}") from exc

    def _stream(self, url: str, headers: list[tuple[bytes, bytes]]) -> _Response:
        timeout = self.options.timeout
        extensions = {"timeout": {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}}
        with self._pool.stream("GET", url, headers=headers, extensions=extensions) as raw:
            names = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw.headers}
            response = _Response(url, raw.status, names)
            if not 200 <= raw.status < 300:
                return response  # redirects, 304 and errors: the body is not wanted
            return _Response(url, raw.status, names, self._body(raw, names))

    def _body(self, raw: httpcore.Response, headers: dict[str, str]) -> bytes:
        """The body, gzip-decoded, stopped at the size cap and at the response deadline."""
        cap = self.options.max_bytes
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > cap and "content-encoding" not in headers:
            raise _FetchError(f"too large: Content-Length {size_text(int(length))} > {size_text(cap)}")
        inflate = _decoder(headers.get("content-encoding", "identity"))
        deadline = time.monotonic() + self.options.deadline
        parts, size = [], 0
        for chunk in raw.iter_stream():
            data = inflate(chunk, cap - size + 1)
            size += len(data)
            if size > cap:
                raise _FetchError(f"too large: more than {size_text(cap)}")
            if time.monotonic() > deadline:
                raise _Transient(f"too slow: not finished after {self.options.deadline:g} s")
            parts.append(data)
        return b"".join(parts)

    def _host(self, host: str) -> threading.Semaphore:
        with self._hosts_lock:
            return self._hosts.setdefault(host, threading.Semaphore(self.options.per_host))


def _headers(user_agent: str, validators: Mapping[str, str] | None) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"User-Agent", user_agent.encode("latin-1", "replace")),
        (b"Accept", ACCEPT.encode()),
        (b"Accept-Encoding", b"gzip, deflate"),
        (b"Accept-Language", b"ar, en;q=0.5"),
    ]
    if validators and validators.get("etag"):
        headers.append((b"If-None-Match", validators["etag"].encode("latin-1", "replace")))
    if validators and validators.get("last_modified"):
        headers.append((b"If-Modified-Since", validators["last_modified"].encode("latin-1", "replace")))
    return headers


def _decoder(encoding: str) -> Callable[[bytes, int], bytes]:
    """Content-Encoding -> a function inflating one chunk to at most `room` bytes."""
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return lambda chunk, room: chunk
    if name in ("gzip", "x-gzip", "deflate"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # 32: a gzip or a zlib header, whichever it is
        return lambda chunk, room: inflater.decompress(chunk, max(room, 1))
    raise _FetchError(f"unsupported Content-Encoding {encoding!r}")


def _checked(response: _Response) -> _Response:
    if response.status == 304 or 200 <= response.status < 300:
        return response
    if response.status in REDIRECT_STATUSES:
        raise _FetchError(f"HTTP {response.status} without a Location header")
    raise _FetchError(f"HTTP {response.status}")


def _retry_after(response: _Response) -> float:
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
