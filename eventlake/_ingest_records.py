"""Ingest, records: one unit (a whole text or HTML document, a JSON record, a JSONL line) -> one raw article row.

A unit carries its document's defaults (`meta`): the id, url, title, source and language of a
single-article document (from a sidecar, a feed item or a WARC record), and the fallback date
with its origin. Every problem is an InputError, which the caller turns into a reject row.
Private to eventlake.ingest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from eventlake._ingest_decode import detect_language
from eventlake.errors import InputError

RECORD_FIELDS = ("id", "url", "title", "text", "html", "published_at", "source", "language")
SIDECAR_FIELDS = ("id", "url", "title", "published_at", "source", "language")
META_FIELDS = ("id", "url", "title", "source", "language")
FUTURE_SLACK = timedelta(days=1)
MAX_ID_CHARS = 512

_TITLE_LINE = re.compile(r"[ \t\f\v]*(\S[^\r\n]*)(?:\r\n|\r|\n|$)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Where:
    """Where a unit came from, for its reject row."""

    source: str  # the path or URL, with "!member" for a file inside an archive
    index: int | None = None  # 1-based line (JSONL) or item (JSON list, feed) number
    label: str | None = None  # "line 3", "item 2": prefixed to the reject reason
    raw: bytes | None = None  # what was read, for content_hash and raw_excerpt
    digest: str | None = None  # sha256 of the raw bytes when `raw` is not kept (too large to read)


@dataclass(frozen=True)
class Unit:
    """One would-be article: a whole document, a JSON record or a JSONL line."""

    where: Where
    kind: str  # "text", "html", "json_line" or "record"
    payload: Any  # decoded text, JSON line or parsed record
    encoding: str
    meta: Mapping[str, Any] = field(default_factory=dict)


def raw_row(unit: Unit, *, now: datetime) -> dict[str, Any]:
    """The RAW_ARTICLES row of one unit.

    Raises:
        InputError: invalid JSON, wrong field types, no text, no letters, a bad or future date.
    """
    source = unit.where.source
    if unit.kind == "json_line":
        record = as_record(parse_json(unit.payload, source=source), source)
        return _record_row(record, unit, now)
    if unit.kind == "record":
        return _record_row(as_record(unit.payload, source), unit, now)
    return _document_row(unit, now)


def parse_json(text: str, *, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} char {exc.colno}" if "\n" in text.strip() else f"char {exc.pos}"
        raise InputError(f"invalid JSON ({exc.msg} at {where})", path=source) from exc
    except RecursionError as exc:
        raise InputError("invalid JSON (nested too deeply)", path=source) from exc


def as_record(value: Any, source: str, *, fields: tuple[str, ...] = RECORD_FIELDS) -> dict[str, Any]:
    """Check a parsed JSON value is a usable record; returns only the known, non-null fields."""
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object, got {json_type(value)}", path=source)
    record = {key: value[key] for key in fields if value.get(key) is not None}
    for key, found in record.items():
        if key == "id":
            record[key] = _record_id(found, source)
        elif not isinstance(found, str):
            raise InputError(f"field {key!r} must be a string, got {json_type(found)}", path=source)
    if "text" in fields and "text" not in record and "html" not in record:
        raise InputError("missing field 'text' or 'html'", path=source)
    return record


def json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number" if isinstance(value, int | float) else type(value).__name__)


def dump_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def parse_iso(value: str, *, source: str) -> datetime:
    try:
        return as_utc(datetime.fromisoformat(value.strip()))
    except ValueError as exc:
        raise InputError(
            f"unparseable published_at {value!r} (expected ISO 8601, e.g. 2023-10-17T09:30:00+03:00)",
            path=source,
        ) from exc


def as_utc(date: datetime) -> datetime:
    """Naive times are taken as UTC; aware ones are converted."""
    if date.tzinfo is None:
        return date.replace(tzinfo=UTC)
    return date.astimezone(UTC)


# --- rows -------------------------------------------------------------------------------------


def _document_row(unit: Unit, now: datetime) -> dict[str, Any]:
    """A whole .txt or .html document; its meta (sidecar, feed item, WARC record) gives the fields."""
    meta = unit.meta
    title = meta.get("title")
    body = unit.payload
    if unit.kind == "text" and title is None:
        title, body = _split_title(body)
        if not body.strip():  # a one-line file is a body without a title, not a bare title
            title, body = None, unit.payload
    date, origin = _pick_date(None, meta, source=unit.where.source, now=now)
    fields = {key: meta.get(key) for key in META_FIELDS}
    if fields["id"] is not None:
        fields["id"] = _record_id(fields["id"], unit.where.source)
    return _row(unit, fields, title=title, body=body, body_format=unit.kind, date=date, origin=origin)


def _record_row(record: dict[str, Any], unit: Unit, now: datetime) -> dict[str, Any]:
    has_text = bool(record.get("text", "").strip()) or "html" not in record
    body_format = "text" if has_text else "html"
    date, origin = _pick_date(record.get("published_at"), unit.meta, source=unit.where.source, now=now)
    fields = {key: record.get(key) for key in META_FIELDS}
    return _row(
        unit, fields, title=record.get("title"), body=record[body_format], body_format=body_format,
        date=date, origin=origin,
    )  # fmt: skip


def _row(
    unit: Unit,
    fields: Mapping[str, Any],
    *,
    title: str | None,
    body: str,
    body_format: str,
    date: datetime,
    origin: str,
) -> dict[str, Any]:
    source = unit.where.source
    if not body.strip():
        raise InputError(f"no article text: the {body_format} body is empty", path=source)
    language = _language_code(fields.get("language"))
    if language is None and body_format == "text":
        language = detect_language(body)
        if language is None:
            raise InputError("no Arabic or Latin letters in the text", path=source)
    content_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return {
        "article_id": fields.get("id") or content_hash[:16],
        "source_path": source,
        "source_url": fields.get("url"),
        "title": title.strip() if title and title.strip() else None,
        "source": fields.get("source"),
        "published_at": date,
        "published_at_origin": origin,
        "language": language,  # null for HTML without one: the clean stage detects it on the text
        "body": body,
        "body_format": body_format,
        "content_hash": content_hash,
        "encoding": unit.encoding,
    }


def _split_title(text: str) -> tuple[str | None, str]:
    """First non-empty line is the title; the rest, as it stands, is the body."""
    match = _TITLE_LINE.search(text)
    if match is None:
        return None, text
    return match.group(1).strip(), text[match.end() :]


def _pick_date(value: str | None, meta: Mapping[str, Any], *, source: str, now: datetime) -> tuple[datetime, str]:
    """The record's own date, else the document's (sidecar, feed item, --published-at, mtime)."""
    if value is not None:
        date, origin = parse_iso(value, source=source), "record"
    elif meta.get("published_at") is not None:
        date, origin = parse_iso(meta["published_at"], source=source), meta["published_at_origin"]
    else:
        raise InputError("no publication date: the record has none and no fallback was given", path=source)
    if date > now + FUTURE_SLACK:  # the reason names no clock time: a rerun gives the same reject row
        raise InputError(f"published_at {date.isoformat()} ({origin}) is in the future", path=source)
    return date, origin


def _language_code(value: str | None) -> str | None:
    """'ar-SY' -> 'ar': downstream stages switch on the primary language subtag."""
    if value is None or not value.strip():
        return None
    return re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()


def _record_id(value: Any, source: str) -> str:
    """Ids are labels, never paths; still, one with control characters or of a page's length is refused."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"field 'id' must be a string or integer, got {json_type(value)}", path=source)
    text = str(value).strip()
    if not text:
        raise InputError("field 'id' is empty", path=source)
    if len(text) > MAX_ID_CHARS:
        raise InputError(f"field 'id' is {len(text)} characters long, more than {MAX_ID_CHARS}", path=source)
    if _CONTROL.search(text):
        raise InputError("field 'id' contains control characters", path=source)
    return text
