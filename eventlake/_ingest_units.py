"""Ingest, units: one input document (a file's or a download's bytes) -> the units it holds.

The format comes from the document's name: .txt and .html are one unit each, .json one per
record, .jsonl one per line, RSS/Atom one per item; .gz, .zip and WARC files hold further
documents, read one at a time. A problem that spoils only one unit or member yields a Problem
for it and the rest goes on. Private to eventlake.ingest.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from eventlake._ingest_archives import (
    Budget,
    Member,
    gunzip,
    is_archive,
    read_capped,
    warc_members,
    zip_members,
)
from eventlake._ingest_decode import decode_bytes
from eventlake._ingest_feeds import parse_feed
from eventlake._ingest_records import Unit, Where, dump_json, json_type, parse_json
from eventlake.errors import InputError

MAX_FILE_BYTES = 20 * 2**20  # one article file, archive member or download
MAX_STREAM_BYTES = 2 * 2**30  # an archive or JSONL file, read as a stream
MAX_ARCHIVE_TOTAL = 1 * 2**30  # all members of one archive, decompressed

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
ARCHIVE_SUFFIXES = frozenset({".gz", ".zip", ".warc"})
STREAMED_SUFFIXES = JSONL_SUFFIXES | ARCHIVE_SUFFIXES  # may be larger than MAX_FILE_BYTES
# Files that sit beside articles but are clearly not articles: skipped silently in directories and archives.
IGNORED_SUFFIXES = frozenset(
    {".yaml", ".yml", ".md", ".rst", ".py", ".pyc", ".csv", ".tsv", ".toml", ".ini", ".cfg",
     ".lock", ".log", ".parquet", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico",
     ".css", ".js", ".map", ".woff", ".woff2"}
)  # fmt: skip
DATE_KEYS = ("published_at", "published_at_origin")


@dataclass(frozen=True)
class Document:
    """One input as it came: its bytes (or a file to stream), where from, and what is known before parsing.

    `meta` holds the defaults of its records as JSON-ready values: for a single-article
    document (.txt, .html) the id, url, title, source and language (from a sidecar, a feed item,
    a WARC record); for any document the fallback `published_at` (ISO 8601) and its
    `published_at_origin` ("sidecar", "record", "cli" or "mtime").
    """

    source: str  # the path or URL as given
    name: str  # a file name whose suffix says the format: "a.json", "page.html", "crawl.warc.gz"
    data: bytes | None = None
    path: Path | None = None  # set instead of data for archives and JSONL files read as streams
    meta: Mapping[str, Any] = field(default_factory=dict)
    charset: str | None = None  # declared outside the bytes (HTTP or WARC Content-Type)
    parse: bool = True  # False: keep the bytes only (a fetched feed, whose items were fetched as pages)

    def open(self) -> BinaryIO:
        return io.BytesIO(self.data) if self.data is not None else open(self.path, "rb")


@dataclass(frozen=True)
class Problem:
    """A member or unit that could not be read, and why: becomes one reject row."""

    where: Where
    reason: str


def split_document(doc: Document) -> Iterator[Unit | Problem]:
    """The units of one document, in order, and a Problem for each member or line that is unusable.

    Raises:
        InputError: the document as a whole cannot be read (not text, invalid JSON, not a feed,
            a corrupt archive); units already yielded stand.
    """
    suffix = format_suffix(doc.name)
    if suffix in ARCHIVE_SUFFIXES:
        yield from _archive_units(doc, suffix)
    elif suffix in JSONL_SUFFIXES and doc.data is None:
        with doc.open() as stream:
            yield from _streamed_lines(doc, stream)
    elif suffix in ARTICLE_SUFFIXES:
        yield from _document_units(doc, suffix)
    else:
        raise InputError(f"unsupported file type {suffix or '(no extension)'}", path=doc.source)


def format_suffix(name: str) -> str:
    """'a.warc.gz' -> '.warc'; 'a.jsonl.gz' -> '.gz'; 'A.HTML' -> '.html'."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return ".warc"
    return Path(lower).suffix


def date_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a document's meta that its members inherit: the fallback date."""
    return {key: meta[key] for key in DATE_KEYS if meta.get(key) is not None}


# --- single documents -------------------------------------------------------------------------


def _document_units(doc: Document, suffix: str) -> Iterator[Unit]:
    if doc.data is not None:
        data = doc.data
    else:
        with doc.open() as stream:
            data = read_capped(stream, MAX_FILE_BYTES, what="file")
    if not data:
        raise InputError("empty file", path=doc.source)
    where = Where(doc.source, raw=data)
    if suffix in FEED_SUFFIXES:
        yield from _feed_units(doc, data)
        return
    text, encoding = decode_bytes(data, html=suffix in HTML_SUFFIXES, declared=doc.charset)
    if not text.strip():
        raise InputError("empty file (only whitespace)", path=doc.source)
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        kind = "text" if suffix in TEXT_SUFFIXES else "html"
        yield Unit(where, kind, text, encoding, doc.meta)
    elif suffix in JSONL_SUFFIXES:
        yield from _jsonl_units(doc, text, encoding)
    else:
        yield from _json_units(doc, data, text, encoding)


def _jsonl_units(doc: Document, text: str, encoding: str) -> Iterator[Unit]:
    """One unit per non-blank line, so one bad line rejects only itself."""
    meta = date_meta(doc.meta)
    for n, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.rstrip("\r")
        if line.strip():
            where = Where(doc.source, n, f"line {n}", line.encode("utf-8"))
            yield Unit(where, "json_line", line, encoding, meta)


def _json_units(doc: Document, data: bytes, text: str, encoding: str) -> Iterator[Unit]:
    parsed = parse_json(text, source=doc.source)
    meta = date_meta(doc.meta)
    if isinstance(parsed, dict):
        yield Unit(Where(doc.source, raw=data), "record", parsed, encoding, meta)
        return
    if not isinstance(parsed, list):
        raise InputError(f"expected a JSON object or a list of objects, got {json_type(parsed)}", path=doc.source)
    if not parsed:
        raise InputError("empty JSON list: no records", path=doc.source)
    for n, item in enumerate(parsed, start=1):
        yield Unit(Where(doc.source, n, f"item {n}", dump_json(item)), "record", item, encoding, meta)


def _feed_units(doc: Document, data: bytes) -> Iterator[Unit]:
    """RSS or Atom: one record per item, its body the item's own content or description."""
    feed = parse_feed(data)
    if not feed.items:
        raise InputError("feed has no items", path=doc.source)
    meta = date_meta(doc.meta)
    for n, item in enumerate(feed.items, start=1):
        yield Unit(Where(doc.source, n, f"item {n}", dump_json(item)), "record", item, feed.encoding, meta)


def _streamed_lines(doc: Document, stream: BinaryIO) -> Iterator[Unit | Problem]:
    """A JSONL too large to hold, line by line; each line decoded on its own (UTF-8, cp1256, ...)."""
    meta = date_meta(doc.meta)
    try:
        for n, line, size in _bounded_lines(stream, MAX_FILE_BYTES):
            where = Where(doc.source, n, f"line {n}", line)
            if line is None:
                yield Problem(where, f"line {n}: record too large: {size / 2**20:.1f} MB")
                continue
            try:
                text, encoding = decode_bytes(line)
            except InputError as exc:
                yield Problem(where, f"line {n}: {exc.reason}")
                continue
            yield Unit(where, "json_line", text, encoding, meta)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read the rest of the file: {exc}", path=doc.source) from exc


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line without its end, size) for non-blank lines; a line over `limit` comes as None."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while rest := stream.readline(1 << 20):
                size += len(rest)
                if rest.endswith(b"\n"):
                    break
            yield n, None, size
            continue
        line = line.rstrip(b"\r\n")
        if line.strip():
            yield n, line, size


# --- archives ---------------------------------------------------------------------------------


def _archive_units(doc: Document, suffix: str) -> Iterator[Unit | Problem]:
    budget = Budget(per_member=MAX_FILE_BYTES, total=MAX_ARCHIVE_TOTAL)
    if suffix == ".gz":
        inner = doc.name[:-3]
        if is_archive(inner):
            raise InputError("archive inside an archive: not read (unpack it first)", path=doc.source)
        if format_suffix(inner) in JSONL_SUFFIXES:
            with doc.open() as raw, gzip.GzipFile(fileobj=raw) as stream:
                yield from _streamed_lines(doc, stream)
            return
        with doc.open() as stream:
            data = gunzip(stream, limit=MAX_FILE_BYTES)
        yield from split_document(Document(doc.source, inner, data, meta=doc.meta, charset=doc.charset))
        return
    with doc.open() as stream:
        members = zip_members(stream, budget=budget) if suffix == ".zip" else warc_members(stream, budget=budget)
        for member in members:
            yield from _member_units(doc, member)


def _member_units(doc: Document, member: Member) -> Iterator[Unit | Problem]:
    source = f"{doc.source}!{member.label}"
    suffix = format_suffix(member.name)
    if member.problem is None and suffix in IGNORED_SUFFIXES:
        return
    if member.data is None:
        yield Problem(Where(source), member.problem or "not read")
        return
    meta = date_meta(doc.meta)
    if member.url:
        meta["url"] = member.url
    if member.date is not None:
        meta.update(published_at=member.date.isoformat(), published_at_origin="mtime")
    sub = Document(source, member.name, member.data, meta=meta, charset=member.charset)
    try:
        yield from split_document(sub)
    except InputError as exc:
        yield Problem(Where(source, raw=member.data), exc.reason)
