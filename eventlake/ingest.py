"""Ingest stage: files, directories and fetched documents -> raw article records (RAW_ARTICLES) plus rejects (REJECTS).

Every input is a *document* (a file's bytes, a download); a document holds one or more *units*
(a whole .txt or .html, one JSON record, one JSONL line, one feed item; archives hold further
documents); each unit becomes a raw article row or a reject row, never an exception. The raw
body is kept exactly as decoded (HTML included), so the clean stage loses nothing, and each
document's original bytes can be handed to `keep_raw` (the lake's raw store) with one
provenance row per article saying which bytes it came from.

The work is split over private modules: _ingest_units (formats), _ingest_records (unit -> row),
_ingest_decode (encodings), _ingest_feeds (RSS/Atom), _ingest_archives (.gz, .zip, WARC), and
_ingest_near (near-duplicate links, run by the flow on cleaned text).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa

from eventlake import schema
from eventlake._ingest_archives import hash_stream
from eventlake._ingest_decode import ARABIC_CODECS, decode_bytes, detect_language, excerpt
from eventlake._ingest_near import NEAR_DUPLICATES, SIGNATURES, NearIndex, link_near_duplicates, sign_articles
from eventlake._ingest_records import (
    FUTURE_SLACK,
    RECORD_FIELDS,
    SIDECAR_FIELDS,
    Where,
    as_record,
    as_utc,
    parse_json,
    raw_row,
)
from eventlake._ingest_seen import SeenKeys, text_key
from eventlake._ingest_units import (
    ARTICLE_SUFFIXES,
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    IGNORED_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_FILE_BYTES,
    MAX_STREAM_BYTES,
    STREAMED_SUFFIXES,
    TEXT_SUFFIXES,
    Document,
    Problem,
    format_suffix,
    split_document,
)
from eventlake.errors import InputError

__all__ = [
    "ARABIC_CODECS",
    "ARTICLE_SUFFIXES",
    "FALLBACK_ORIGINS",
    "FEED_SUFFIXES",
    "FUTURE_SLACK",
    "HTML_SUFFIXES",
    "IGNORED_SUFFIXES",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "MAX_FILE_BYTES",
    "MAX_STREAM_BYTES",
    "NEAR_DUPLICATES",
    "RAW_INDEX",
    "RECORD_FIELDS",
    "SIGNATURES",
    "TEXT_SUFFIXES",
    "Document",
    "IngestResult",
    "NearIndex",
    "decode_bytes",
    "detect_language",
    "document_digest",
    "link_near_duplicates",
    "read_inputs",
    "read_url_list",
    "sign_articles",
]

_LOG = logging.getLogger(__name__)

# Publication-date origins that are only a guess; the clean stage may replace them (e.g. by "html").
FALLBACK_ORIGINS = frozenset({"cli", "mtime"})
# One row per article an input gave (or one with null article columns when it gave none): which
# original bytes (LAKE/raw/, by raw_hash) each article came from, and how to read them again.
RAW_INDEX = pa.schema(
    [
        ("raw_hash", pa.string()),  # sha256 of the input's original bytes
        ("source", pa.string()),  # the path or URL they came from
        ("name", pa.string()),  # the file name whose suffix gives their format
        ("meta", pa.string()),  # JSON: record defaults (sidecar, feed item, fallback date)
        ("charset", pa.string()),  # declared by HTTP or WARC headers, if any
        ("reprocess", pa.bool_()),  # false: kept only (a fetched feed; its items came as pages)
        ("article_id", pa.string()),
        ("content_hash", pa.string()),  # of the article body, as in the articles table
        ("source_path", pa.string()),  # the article's source_path (with "!member" inside archives)
        ("record_index", pa.int32()),
        ("run_id", pa.string()),
        ("ingested_at", schema.UTC_TS),
    ]
)

KeepRaw = Callable[[str, Document], None]  # (sha256 of the bytes, document) -> stored
# (sha256 of the bytes, document) -> the (article_id, content_hash) pairs it is known to hold, or None: read it
SkipDocument = Callable[[str, Document], Sequence[tuple[str, str]] | None]
T = TypeVar("T")


@dataclass(frozen=True)
class IngestResult:
    """What one ingest batch produced."""

    articles: pa.Table  # schema.RAW_ARTICLES; exact duplicates (same content_hash) dropped
    rejects: pa.Table  # schema.REJECTS with stage "ingest"; run_id and rejected_at are null
    duplicates: int = 0  # rows dropped because an earlier row had the same content_hash
    provenance: pa.Table = field(default_factory=RAW_INDEX.empty_table)  # RAW_INDEX; run_id, ingested_at null
    skipped: int = 0  # articles of inputs not read again because `skip` recognised them (duplicates apart)


def read_inputs(
    paths: Sequence[Path | str],
    *,
    published_at: datetime | None = None,
    now: datetime | None = None,
    documents: Iterable[Document] = (),
    keep_raw: KeepRaw | None = None,
    skip: SkipDocument | None = None,
) -> IngestResult:
    """Read article files, directories and already-fetched documents into one batch.

    Args:
        paths: files (.txt, .html/.htm, .json, .jsonl, .xml feeds, .warc/.warc.gz, .gz and .zip
            of these) and directories, read recursively in sorted order; hidden files and NAME.json
            sidecars of NAME.txt/NAME.html are skipped.
        published_at: date for articles whose record and sidecar give none (origin "cli");
            without it the file's modification time is used (origin "mtime").
        now: the reference for rejecting future dates (one day of slack); defaults to now.
        documents: inputs that are not files here (downloads, the raw store), read after the paths.
        keep_raw: called once per input with the sha256 of its bytes, before it is parsed.
        skip: called once per input with its sha256 and the document; when it returns the
            (article_id, content_hash) pairs the input is known to hold, the input is not parsed.

    Returns:
        IngestResult; every unusable file, member, record or line is a reject row, never an exception.
    """
    parts = list(
        iter_inputs(
            paths,
            published_at=published_at,
            now=now,
            documents=documents,
            keep_raw=keep_raw,
            skip=skip,
            batch_size=None,
        )
    )
    return merge_results(parts)


def iter_inputs(
    paths: Sequence[Path | str],
    *,
    batch_size: int | None,
    published_at: datetime | None = None,
    now: datetime | None = None,
    documents: Iterable[Document] = (),
    keep_raw: KeepRaw | None = None,
    skip: SkipDocument | None = None,
) -> Iterator[IngestResult]:
    """`read_inputs` in batches of at most `batch_size` articles (None: one batch), read lazily.

    Files are read one at a time, so memory holds one batch, not the corpus. Exact duplicates
    and id clashes are still found across the whole run (by content hash and id, not by
    holding articles). Each batch carries the rejects and provenance rows found since the
    previous one; at least one batch is yielded, empty when there was nothing to read.
    """
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"batch size must be at least 1, got {batch_size}")
    reader = _Reader(now=as_utc(now or datetime.now(UTC)), keep_raw=keep_raw, skip=skip, batch_size=batch_size)
    cli_date = as_utc(published_at).isoformat() if published_at else None
    yielded = False
    for doc in _documents(paths, cli_date, documents, reader):
        for _ in reader.add(doc):
            yielded = True
            yield reader.take()
    if reader.pending() or not yielded:
        yield reader.take()


def merge_results(parts: Sequence[IngestResult]) -> IngestResult:
    """One IngestResult holding the rows and counts of several (batches of one run)."""
    return IngestResult(
        articles=_concat([p.articles for p in parts], schema.RAW_ARTICLES),
        rejects=_concat([p.rejects for p in parts], schema.REJECTS),
        duplicates=sum(p.duplicates for p in parts),
        provenance=_concat([p.provenance for p in parts], RAW_INDEX),
        skipped=sum(p.skipped for p in parts),
    )


def document_meta(doc: Document) -> str:
    """A document's record defaults as the raw index stores them (JSON, sorted keys)."""
    return json.dumps(dict(doc.meta), sort_keys=True, ensure_ascii=False)


def input_documents(
    paths: Sequence[Path | str], *, published_at: datetime | None = None
) -> Iterator[tuple[Document | None, str]]:
    """Each input file as (document, sha256 of its bytes), lazily; (None, path) for a file that cannot be read.

    For a cheap "is anything new?" check: nothing is parsed.
    """
    cli_date = as_utc(published_at).isoformat() if published_at else None
    for source in _list_sources(paths):
        try:
            doc = _read_file(source, cli_date)
            yield doc, document_digest(doc)
        except (InputError, OSError):
            yield None, str(source.path)


def read_url_list(path: Path) -> list[str]:
    """The URLs of a text file, one a line; blank lines and lines starting with '#' are left out.

    Raises:
        InputError: the file cannot be read or decoded.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read URL list: {exc.strerror or exc}", path=str(path)) from exc
    text, _ = decode_bytes(data) if data else ("", "utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def document_digest(doc: Document) -> str:
    """sha256 of a document's bytes (streamed for a file too large to hold)."""
    if doc.data is not None:
        return hashlib.sha256(doc.data).hexdigest()
    with doc.open() as stream:
        return hash_stream(stream)[0]


# --- the reader: rows, rejects, provenance, batch by batch -----------------------------------


@dataclass
class _Reader:
    now: datetime
    keep_raw: KeepRaw | None
    skip: SkipDocument | None
    batch_size: int | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    provenance: list[dict[str, Any]] = field(default_factory=list)
    duplicates: int = 0
    skipped: int = 0
    # Whole-run state, so duplicates are found across batches: hashes seen, and each id's first source
    # (ids by a 16-byte digest, sources by their place in `sources`), about 40 bytes an article.
    seen_hash: SeenKeys = field(default_factory=SeenKeys)  # first 16 bytes of each sha256
    first_of: SeenKeys = field(default_factory=SeenKeys)
    sources: list[str] = field(default_factory=list)  # each input's source, once (its articles come together)

    def add(self, doc: Document) -> Iterator[None]:
        """Keep one document's bytes, then read its units; yields each time a batch is full."""
        try:
            digest = document_digest(doc)
        except OSError as exc:  # a streamed file that vanished or became unreadable
            self.reject(Where(doc.source), f"cannot read file: {exc.strerror or exc}")
            return
        known = self.skip(digest, doc) if self.skip is not None else None
        if known is not None:
            self._remember(known, doc.source)
            return
        if self.keep_raw is not None:
            try:  # an OSError writing the raw store is the lake's problem and stops the run
                self.keep_raw(digest, doc)
            except InputError as exc:
                self.reject(Where(doc.source, raw=doc.data, digest=digest), exc.reason)
                return
        base = _provenance_base(doc, digest)
        produced = 0
        if doc.parse:
            for row in self._read_units(doc, digest):
                produced += 1
                self.provenance.append({**base, **{key: row[key] for key in _PROVENANCE_KEYS}})
                self._keep(row)
                if self.batch_size is not None and len(self.rows) >= self.batch_size:
                    yield
        if not produced:
            self.provenance.append({**base, **dict.fromkeys(_PROVENANCE_KEYS)})

    def attempt(self, where: Where, fn: Callable[..., T], *args: Any) -> T | None:
        """Run one step for one unit; an InputError (or any bug) becomes a reject row, not a crash."""
        try:
            return fn(*args)
        except InputError as exc:
            self.reject(where, exc.reason, digest=getattr(exc, "digest", None))
        except Exception as exc:
            self.reject(where, self._internal(where, exc))
        return None

    def reject(self, where: Where, reason: str, *, digest: str | None = None) -> None:
        if where.label and not reason.startswith(where.label + ":"):
            reason = f"{where.label}: {reason}"
        self.rejects.append(_reject_row(where, " ".join(reason.split()), digest or where.digest))

    def pending(self) -> bool:
        return bool(self.rows or self.rejects or self.provenance or self.duplicates or self.skipped)

    def take(self) -> IngestResult:
        """The rows, rejects and provenance read since the last call."""
        result = IngestResult(
            articles=pa.Table.from_pylist(self.rows, schema=schema.RAW_ARTICLES),
            rejects=pa.Table.from_pylist(self.rejects, schema=schema.REJECTS),
            duplicates=self.duplicates,
            provenance=pa.Table.from_pylist(self.provenance, schema=RAW_INDEX),
            skipped=self.skipped,
        )
        self.rows, self.rejects, self.provenance = [], [], []
        self.duplicates = self.skipped = 0
        return result

    def _keep(self, row: dict[str, Any]) -> None:
        """A row with a new content_hash and a new id is kept; a same-hash row is counted; a same-id one rejected."""
        if self.seen_hash.add(_short(row["content_hash"])) is not None:
            self.duplicates += 1
            return
        first = self.first_of.add(text_key(row["article_id"]), self._source(row["source_path"]))
        if first is not None:
            reason = f"duplicate id {row['article_id']!r}: already read from {self.sources[first]} with another text"
            self.rejects.append(_reject_row(Where(row["source_path"]), reason, row["content_hash"]))
            return
        self.rows.append(row)

    def _remember(self, known: Sequence[tuple[str, str]], source: str) -> None:
        """A skipped input's articles still count for duplicates and id clashes later in the run."""
        for article_id, content_hash in known:
            if self.seen_hash.add(_short(content_hash)) is not None:
                self.duplicates += 1
                continue
            self.first_of.add(text_key(article_id), self._source(source))
            self.skipped += 1

    def _source(self, source: str) -> int:
        """The place of `source` in `sources`; a document's articles come one after another."""
        if not self.sources or self.sources[-1] != source:
            self.sources.append(source)
        return len(self.sources) - 1

    def _read_units(self, doc: Document, digest: str) -> Iterator[dict[str, Any]]:
        whole = Where(doc.source, raw=doc.data, digest=digest)
        units = split_document(doc)
        while True:
            try:
                item = next(units)
            except StopIteration:
                break
            except InputError as exc:  # the document (or the rest of an archive) is unreadable
                self.reject(whole, exc.reason)
                break
            except OSError as exc:  # a file streamed from disk vanished or broke while being read
                self.reject(whole, f"cannot read file: {exc.strerror or exc}")
                break
            except Exception as exc:
                self.reject(whole, self._internal(whole, exc))
                break
            if isinstance(item, Problem):
                self.reject(item.where, item.reason)
                continue
            row = self.attempt(item.where, lambda unit: raw_row(unit, now=self.now), item)
            if row is not None:
                yield {**row, "record_index": item.where.index}

    @staticmethod
    def _internal(where: Where, exc: Exception) -> str:
        _LOG.exception("internal error ingesting %s", where.source)
        return f"internal error: {type(exc).__name__}: {exc}"


_PROVENANCE_KEYS = ("article_id", "content_hash", "source_path", "record_index")


def _documents(
    paths: Sequence[Path | str], cli_date: str | None, documents: Iterable[Document], reader: _Reader
) -> Iterator[Document]:
    """The files under `paths`, read one at a time, then the given documents; unreadable files become rejects."""
    for source in _list_sources(paths):
        doc = reader.attempt(Where(str(source.path)), _read_file, source, cli_date)
        if doc is not None:
            yield doc
    yield from documents


def _short(content_hash: str) -> bytes:
    return bytes.fromhex(content_hash[:32])


def _concat(tables: Sequence[pa.Table], table_schema: pa.Schema) -> pa.Table:
    return pa.concat_tables(tables) if tables else table_schema.empty_table()


def _reject_row(where: Where, reason: str, digest: str | None) -> dict[str, Any]:
    raw = where.raw
    return {
        "source_path": where.source,
        "record_index": where.index,
        "stage": "ingest",
        "reason": reason,
        "content_hash": hashlib.sha256(raw).hexdigest() if raw is not None else digest,
        "raw_excerpt": excerpt(raw) if raw else None,
        "run_id": None,
        "rejected_at": None,
    }


def _provenance_base(doc: Document, digest: str) -> dict[str, Any]:
    return {
        "raw_hash": digest,
        "source": doc.source,
        "name": doc.name,
        "meta": document_meta(doc),
        "charset": doc.charset,
        "reprocess": doc.parse,
        "run_id": None,
        "ingested_at": None,
    }


# --- files: which to read, and how ----------------------------------------------------------


@dataclass(frozen=True)
class _Source:
    path: Path
    problem: str | None = None  # known before reading: becomes the file's reject reason


class _Unread(InputError):
    """A file refused before reading it whole; its bytes' hash was still taken, as a stream."""

    def __init__(self, reason: str, *, path: str, digest: str | None):
        super().__init__(reason, path=path)
        self.digest = digest


def _read_file(source: _Source, cli_date: str | None) -> Document:
    """A file as a document: bytes in memory, or a path to stream for large archives and JSONL."""
    path = source.path
    if source.problem is not None:
        raise InputError(source.problem, path=str(path))
    suffix = format_suffix(path.name)
    if suffix not in ARTICLE_SUFFIXES and suffix not in STREAMED_SUFFIXES:
        raise InputError(f"unsupported file type {suffix or '(no extension)'}", path=str(path))
    try:
        size = path.stat().st_size
        limit = MAX_STREAM_BYTES if suffix in STREAMED_SUFFIXES else MAX_FILE_BYTES
        if size > limit:
            reason = f"file too large: {size / 2**20:.1f} MB > {_mb(limit)}"
            raise _Unread(reason, path=str(path), digest=_file_digest(path))
        meta = _file_meta(path, suffix, cli_date)
        if size > MAX_FILE_BYTES:
            return Document(str(path), path.name, path=path, meta=meta)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=str(path)) from exc
    return Document(str(path), path.name, data, meta=meta)


def _file_meta(path: Path, suffix: str, cli_date: str | None) -> dict[str, Any]:
    """A file's record defaults: its sidecar's fields, and the sidecar's, --published-at or mtime date."""
    meta = _read_sidecar(path) if suffix in TEXT_SUFFIXES | HTML_SUFFIXES else {}
    if "published_at" in meta:
        meta["published_at_origin"] = "sidecar"
    elif cli_date is not None:
        meta.update(published_at=cli_date, published_at_origin="cli")
    else:
        mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        meta.update(published_at=mtime.isoformat(), published_at_origin="mtime")
    return meta


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        text, _ = decode_bytes(sidecar.read_bytes())
        return as_record(parse_json(text, source=str(sidecar)), str(sidecar), fields=SIDECAR_FIELDS)
    except OSError as exc:
        raise InputError(f"sidecar {sidecar.name}: cannot read: {exc.strerror}", path=str(path)) from exc
    except InputError as exc:
        raise InputError(f"sidecar {sidecar.name}: {exc.reason}", path=str(path)) from exc


def _file_digest(path: Path) -> str | None:
    try:
        with open(path, "rb") as stream:
            return hash_stream(stream)[0]
    except OSError:
        return None


def _list_sources(paths: Sequence[Path | str]) -> list[_Source]:
    """Every file to read, once each, in a deterministic order."""
    found: list[_Source] = []
    for raw in paths:
        path = Path(raw)
        found.extend(_walk(path) if path.is_dir() else [_explicit_source(path)])
    unique, seen = [], set()
    for source in found:
        key = os.path.realpath(source.path)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    # A sidecar named beside its own article (a shell glob) is metadata, not a problem.
    return [s for s in unique if not (_sidecar_owner(s.path) and _owner_listed(s.path, seen))]


def _explicit_source(path: Path) -> _Source:
    owner = _sidecar_owner(path)
    if owner is None:
        return _Source(path)
    return _Source(path, f"{path.name} is the sidecar of {owner.name}, not an article: give {owner.name}")


def _owner_listed(sidecar: Path, listed: set[str]) -> bool:
    owner = _sidecar_owner(sidecar)
    return owner is not None and os.path.realpath(owner) in listed


def _walk(root: Path) -> list[_Source]:
    """Files under root, sorted; hidden entries, sidecars and non-article files left out."""
    found: list[_Source] = []

    def unreadable(exc: OSError) -> None:
        found.append(_Source(Path(exc.filename), f"cannot read directory: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if name.startswith(".") or format_suffix(name) in IGNORED_SUFFIXES or _sidecar_owner(path):
                continue
            found.append(_Source(path))
    return found


def _sidecar_owner(path: Path) -> Path | None:
    """The NAME.txt/NAME.html a NAME.json belongs to, if it exists."""
    if path.suffix.lower() not in JSON_SUFFIXES:
        return None
    for suffix in (*TEXT_SUFFIXES, *HTML_SUFFIXES):
        owner = path.with_suffix(suffix)
        if owner.is_file():
            return owner
    return None


def _mb(cap: int) -> str:
    """A size cap as people write it: 20 MB, 2 GB."""
    return f"{cap // 2**30} GB" if cap >= 2**30 else f"{cap // 2**20} MB"
