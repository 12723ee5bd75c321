"""Ingest stage: files and directories -> raw article records (RAW_ARTICLES) plus rejects (REJECTS).

Every input file becomes one or more *units* (a whole .txt or .html file, one JSON record, one
JSONL line); each unit becomes a raw article row or a reject row, never an exception. The raw
body is kept exactly as decoded (HTML included), so the clean stage loses nothing.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
from charset_normalizer import from_bytes

from eventlake import schema
from eventlake.arabic import ARABIC_LETTERS
from eventlake.errors import InputError

_LOG = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
# Files that sit beside articles but are clearly not articles: skipped silently inside directories.
IGNORED_SUFFIXES = frozenset(
    {".yaml", ".yml", ".md", ".rst", ".py", ".pyc", ".csv", ".tsv", ".toml", ".ini", ".cfg",
     ".lock", ".log", ".parquet", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico",
     ".css", ".js", ".map", ".woff", ".woff2"}
)  # fmt: skip
MAX_FILE_BYTES = 20 * 2**20
FUTURE_SLACK = timedelta(days=1)
EXCERPT_CHARS = 200
# Publication-date origins that are only a guess; the clean stage may replace them (e.g. by "html").
FALLBACK_ORIGINS = frozenset({"cli", "mtime"})
# LIBRARIES.md section 3: without this list, long ISO-8859-6 pages are sometimes taken as Thai.
ARABIC_CODECS = ("utf_8", "utf_16", "utf_16_le", "utf_16_be", "cp1256", "iso8859_6")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
RECORD_FIELDS = ("id", "url", "title", "text", "html", "published_at", "source", "language")
SIDECAR_FIELDS = ("id", "url", "title", "published_at", "source", "language")
MAX_NOT_TEXT_SHARE = 0.01  # control/unassigned characters allowed in a text before it is "binary"

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_TITLE_LINE = re.compile(r"[ \t\f\v]*(\S[^\r\n]*)(?:\r\n|\r|\n|$)")
_ARABIC_LETTER = re.compile("[" + "".join(sorted(ARABIC_LETTERS)) + "]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")

T = TypeVar("T")


@dataclass(frozen=True)
class IngestResult:
    """What one ingest batch produced."""

    articles: pa.Table  # schema.RAW_ARTICLES, exact duplicates (same content_hash) dropped
    rejects: pa.Table  # schema.REJECTS with stage "ingest"; run_id and rejected_at are null
    duplicates: int = 0  # rows dropped because an earlier row had the same content_hash


def read_inputs(
    paths: Sequence[Path | str],
    *,
    published_at: datetime | None = None,
    now: datetime | None = None,
) -> IngestResult:
    """Read article files and directories into one batch of raw articles and rejects.

    Args:
        paths: files (.txt, .html/.htm, .json, .jsonl) and directories, read recursively in
            sorted order; hidden files and NAME.json sidecars of NAME.txt/NAME.html are skipped.
        published_at: date for articles whose record and sidecar give none (origin "cli");
            without it the file's modification time is used (origin "mtime").
        now: the reference for rejecting future dates (one day of slack); defaults to now.

    Returns:
        IngestResult; every unusable file, record or line is a reject row, never an exception.
    """
    ctx = _Context(
        now=_as_utc(now or datetime.now(UTC)),
        cli_date=_as_utc(published_at) if published_at else None,
    )
    rows: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    for source in _list_sources(paths):
        data = _attempt(rejects, _Where(source.path), _read_bytes, source)
        if data is None:
            continue
        units = _attempt(rejects, _Where(source.path, raw=data), _split_units, source.path, data)
        for unit in units or ():
            row = _attempt(rejects, unit.where, _raw_row, unit, ctx)
            if row is not None:
                rows.append(row)
    unique, duplicates = _drop_duplicates(rows)
    return IngestResult(
        articles=pa.Table.from_pylist(unique, schema=schema.RAW_ARTICLES),
        rejects=pa.Table.from_pylist(rejects, schema=schema.REJECTS),
        duplicates=duplicates,
    )


def detect_language(text: str) -> str | None:
    """'ar' when Arabic letters outnumber Latin ones, 'en' when Latin do, None with neither."""
    arabic, latin = len(_ARABIC_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))
    if arabic == latin == 0:
        return None
    return "ar" if arabic > latin else "en"


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode article bytes: BOM, then strict UTF-8, then a meta charset (HTML), then detection.

    Valid UTF-8 wins over a meta declaration because Arabic in cp1256 or ISO-8859-6 is never
    valid UTF-8, while stale meta tags on re-encoded pages are common.

    Returns:
        (text, codec name as Python spells it, e.g. "utf-8", "cp1256", "utf-16-le").

    Raises:
        InputError: "not text: ..." when no Arabic-relevant encoding fits or the result is binary.
    """
    text, encoding = _decode_any(data, html=html)
    _check_is_text(text)
    return text, encoding


# --- sources: which files to read -----------------------------------------------------------


@dataclass(frozen=True)
class _Source:
    path: Path
    problem: str | None = None  # known before reading: becomes the file's reject reason


@dataclass(frozen=True)
class _Where:
    """Where a unit came from, for its reject row."""

    path: Path
    index: int | None = None  # 1-based line (JSONL) or item (JSON list) number
    label: str | None = None  # "line 3", "item 2": prefixed to the reject reason
    raw: bytes | None = None  # what was read, for content_hash and raw_excerpt


@dataclass(frozen=True)
class _Unit:
    """One would-be article: a whole file, a JSON record or a JSONL line."""

    where: _Where
    kind: str  # "text", "html", "json_line" or "record"
    payload: Any  # decoded text, JSON line or parsed record
    encoding: str


@dataclass(frozen=True)
class _Context:
    now: datetime
    cli_date: datetime | None


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
            suffix = path.suffix.lower()
            if name.startswith(".") or suffix in IGNORED_SUFFIXES or _sidecar_owner(path):
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


# --- the one per-unit error boundary -------------------------------------------------------


def _attempt(rejects: list[dict[str, Any]], where: _Where, fn: Callable[..., T], *args: Any) -> T | None:
    """Run one step for one unit; an InputError (or any bug) becomes a reject row, not a crash."""
    try:
        return fn(*args)
    except InputError as exc:
        reason = str(exc)
    except Exception as exc:
        _LOG.exception("internal error ingesting %s", where.path)
        reason = f"internal error: {type(exc).__name__}: {exc}"
    if where.label:
        reason = f"{where.label}: {reason}"
    rejects.append(_reject_row(where, " ".join(reason.split())))  # one line, for log readers
    return None


def _reject_row(where: _Where, reason: str) -> dict[str, Any]:
    raw = where.raw
    return {
        "source_path": str(where.path),
        "record_index": where.index,
        "stage": "ingest",
        "reason": reason,
        "content_hash": hashlib.sha256(raw).hexdigest() if raw is not None else None,
        "raw_excerpt": _excerpt(raw) if raw else None,
        "run_id": None,
        "rejected_at": None,
    }


def _excerpt(raw: bytes) -> str:
    """The first characters of what was read, decoded leniently; control characters as U+FFFD."""
    head = raw[: EXCERPT_CHARS * 4]
    try:
        text, _ = _decode_any(head, html=False)
    except InputError:
        text = head.decode("utf-8", errors="replace")
    return "".join("\ufffd" if _is_control(ch) else ch for ch in text[:EXCERPT_CHARS])


# --- step 1 and 2: bytes of one file -> units ----------------------------------------------


def _read_bytes(source: _Source) -> bytes:
    path = source.path
    if source.problem is not None:
        raise InputError(source.problem, path=str(path))
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        kind = suffix or "(no extension)"
        raise InputError(f"unsupported file type {kind}", path=str(path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"file too large: {size / 2**20:.1f} MB > {MAX_FILE_BYTES // 2**20} MB",
                path=str(path),
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=str(path)) from exc
    if not data:
        raise InputError("empty file", path=str(path))
    return data


def _split_units(path: Path, data: bytes) -> list[_Unit]:
    suffix = path.suffix.lower()
    text, encoding = decode_bytes(data, html=suffix in HTML_SUFFIXES)
    if not text.strip():
        raise InputError("empty file (only whitespace)", path=str(path))
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        kind = "text" if suffix in TEXT_SUFFIXES else "html"
        return [_Unit(_Where(path, raw=data), kind, text, encoding)]
    if suffix in JSONL_SUFFIXES:
        return _jsonl_units(path, text, encoding)
    return _json_units(path, data, text, encoding)


def _jsonl_units(path: Path, text: str, encoding: str) -> list[_Unit]:
    """One unit per non-blank line, so one bad line rejects only itself."""
    units = []
    for n, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line.rstrip("\r")
        if line.strip():
            where = _Where(path, n, f"line {n}", line.encode("utf-8"))
            units.append(_Unit(where, "json_line", line, encoding))
    return units


def _json_units(path: Path, data: bytes, text: str, encoding: str) -> list[_Unit]:
    parsed = _parse_json(text, path=path)
    if isinstance(parsed, dict):
        return [_Unit(_Where(path, raw=data), "record", parsed, encoding)]
    if not isinstance(parsed, list):
        raise InputError(f"expected a JSON object or a list of objects, got {_json_type(parsed)}", path=str(path))
    if not parsed:
        raise InputError("empty JSON list: no records", path=str(path))
    return [
        _Unit(_Where(path, n, f"item {n}", _dump(item)), "record", item, encoding)
        for n, item in enumerate(parsed, start=1)
    ]


# --- step 3: one unit -> one raw article row ------------------------------------------------


def _raw_row(unit: _Unit, ctx: _Context) -> dict[str, Any]:
    path = unit.where.path
    if unit.kind == "json_line":
        record = _parse_json(unit.payload, path=path)
        return _record_row(_as_record(record, path), unit, ctx)
    if unit.kind == "record":
        return _record_row(_as_record(unit.payload, path), unit, ctx)
    return _file_row(unit, ctx)


def _file_row(unit: _Unit, ctx: _Context) -> dict[str, Any]:
    """A .txt or .html file, with metadata from its NAME.json sidecar if there is one."""
    path = unit.where.path
    meta = _read_sidecar(path)
    title = meta.get("title")
    body = unit.payload
    if unit.kind == "text" and title is None:
        title, body = _split_title(body)
        if not body.strip():  # a one-line file is a body without a title, not a bare title
            title, body = None, unit.payload
    date, origin = _pick_date(meta.get("published_at"), "sidecar", path=path, ctx=ctx)
    return _row(
        path=path, meta=meta, title=title, body=body, body_format=unit.kind,
        date=date, origin=origin, encoding=unit.encoding,
    )  # fmt: skip


def _record_row(record: dict[str, Any], unit: _Unit, ctx: _Context) -> dict[str, Any]:
    path = unit.where.path
    has_text = bool(record.get("text", "").strip()) or "html" not in record
    body_format = "text" if has_text else "html"
    body = record[body_format]
    date, origin = _pick_date(record.get("published_at"), "record", path=path, ctx=ctx)
    return _row(
        path=path, meta=record, title=record.get("title"), body=body, body_format=body_format,
        date=date, origin=origin, encoding=unit.encoding,
    )  # fmt: skip


def _row(
    *,
    path: Path,
    meta: dict[str, Any],
    title: str | None,
    body: str,
    body_format: str,
    date: datetime,
    origin: str,
    encoding: str,
) -> dict[str, Any]:
    if not body.strip():
        raise InputError(f"no article text: the {body_format} body is empty", path=str(path))
    language = _language_code(meta.get("language"))
    if language is None and body_format == "text":
        language = detect_language(body)
        if language is None:
            raise InputError("no Arabic or Latin letters in the text", path=str(path))
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return {
        "article_id": meta.get("id") or content_hash[:16],
        "source_path": str(path),
        "source_url": meta.get("url"),
        "title": title.strip() if title and title.strip() else None,
        "source": meta.get("source"),
        "published_at": date,
        "published_at_origin": origin,
        "language": language,  # null for HTML without one: the clean stage detects it on the text
        "body": body,
        "body_format": body_format,
        "content_hash": content_hash,
        "encoding": encoding,
    }


def _split_title(text: str) -> tuple[str | None, str]:
    """First non-empty line is the title; the rest, as it stands, is the body."""
    match = _TITLE_LINE.search(text)
    if match is None:
        return None, text
    return match.group(1).strip(), text[match.end() :]


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        text, _ = decode_bytes(sidecar.read_bytes())
        meta = _as_record(_parse_json(text, path=sidecar), sidecar, fields=SIDECAR_FIELDS)
    except OSError as exc:
        raise InputError(f"sidecar {sidecar.name}: cannot read: {exc.strerror}", path=str(path)) from exc
    except InputError as exc:
        raise InputError(f"sidecar {sidecar.name}: {exc.reason}", path=str(path)) from exc
    return meta


def _pick_date(value: str | None, origin: str, *, path: Path, ctx: _Context) -> tuple[datetime, str]:
    """The record's or sidecar's own date, else --published-at, else the file's mtime."""
    if value is not None:
        date = _parse_iso(value, path=path)
    elif ctx.cli_date is not None:
        date, origin = ctx.cli_date, "cli"
    else:
        date, origin = datetime.fromtimestamp(path.stat().st_mtime, UTC), "mtime"
    if date > ctx.now + FUTURE_SLACK:
        raise InputError(
            f"published_at {date.isoformat()} ({origin}) is in the future "
            f"(now is {ctx.now.isoformat(timespec='seconds')})",
            path=str(path),
        )
    return date, origin


def _parse_iso(value: str, *, path: Path) -> datetime:
    try:
        return _as_utc(datetime.fromisoformat(value.strip()))
    except ValueError as exc:
        raise InputError(
            f"unparseable published_at {value!r} (expected ISO 8601, e.g. 2023-10-17T09:30:00+03:00)",
            path=str(path),
        ) from exc


def _as_utc(date: datetime) -> datetime:
    """Naive times are taken as UTC; aware ones are converted."""
    if date.tzinfo is None:
        return date.replace(tzinfo=UTC)
    return date.astimezone(UTC)


def _language_code(value: str | None) -> str | None:
    """'ar-SY' -> 'ar': downstream stages switch on the primary language subtag."""
    if value is None or not value.strip():
        return None
    return re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()


# --- JSON records ---------------------------------------------------------------------------


def _parse_json(text: str, *, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} char {exc.colno}" if "\n" in text.strip() else f"char {exc.pos}"
        raise InputError(f"invalid JSON ({exc.msg} at {where})", path=str(path)) from exc
    except RecursionError as exc:
        raise InputError("invalid JSON (nested too deeply)", path=str(path)) from exc


def _as_record(value: Any, path: Path, *, fields: tuple[str, ...] = RECORD_FIELDS) -> dict[str, Any]:
    """Check a parsed JSON value is a usable record; returns only the known, non-null fields."""
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object, got {_json_type(value)}", path=str(path))
    record = {key: value[key] for key in fields if value.get(key) is not None}
    for key, found in record.items():
        if key == "id":
            record[key] = _record_id(found, path)
        elif not isinstance(found, str):
            raise InputError(f"field {key!r} must be a string, got {_json_type(found)}", path=str(path))
    if "text" in fields and "text" not in record and "html" not in record:
        raise InputError("missing field 'text' or 'html'", path=str(path))
    return record


def _record_id(value: Any, path: Path) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"field 'id' must be a string or integer, got {_json_type(value)}", path=str(path))
    text = str(value).strip()
    if not text:
        raise InputError("field 'id' is empty", path=str(path))
    return text


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number" if isinstance(value, int | float) else type(value).__name__)


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


# --- decoding -------------------------------------------------------------------------------


def _decode_any(data: bytes, *, html: bool) -> tuple[str, str]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_strict(data, codec), "utf-8-sig" if codec == "utf-8-sig" else codec
    if b"\x00" not in data:  # UTF-16 text without a BOM can be valid UTF-8 full of NULs
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    declared = _declared_charset(data) if html else None
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    best = from_bytes(data, cp_isolation=list(ARABIC_CODECS)).best()
    if best is None:
        raise InputError("not text: no Arabic-relevant encoding (UTF-8, UTF-16, cp1256, ISO-8859-6) fits")
    text, encoding = str(best), codecs.lookup(best.encoding).name
    if encoding.startswith("utf-16") and not _mostly_arabic_or_latin(text):
        # Binary data read two bytes at a time always "decodes"; real UTF-16 here is Arabic/Latin.
        raise InputError("not text: only UTF-16 fits, and read so it is not Arabic or Latin text")
    return text, encoding


def _decode_strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"not text: starts with a {codec} byte-order mark but is not {codec}") from exc


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _check_is_text(text: str) -> None:
    if "\x00" in text:
        raise InputError("not text: contains NUL bytes (a binary file?)")
    bad = len(_NOT_TEXT.findall(text))
    if bad > MAX_NOT_TEXT_SHARE * len(text):
        raise InputError(f"not text: {bad} of {len(text)} characters are control or private-use")


def _mostly_arabic_or_latin(text: str) -> bool:
    known = len(_ARABIC_LETTER.findall(text)) + len(_LATIN_LETTER.findall(text))
    return known * 2 > len(_ANY_LETTER.findall(text))


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"


# --- batch ----------------------------------------------------------------------------------


def _drop_duplicates(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row["content_hash"] not in seen:
            seen.add(row["content_hash"])
            unique.append(row)
    return unique, len(rows) - len(unique)
