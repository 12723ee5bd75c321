"""Ingest, feeds: RSS 2.0, RSS 1.0 (RDF) and Atom bytes -> input records, parsed with defusedxml.

defusedxml refuses entity declarations and external references instead of expanding them, so a
billion-laughs or XXE feed costs one reject row. Private to eventlake.ingest and eventlake.fetch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError, tostring

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

from eventlake._ingest_decode import codec_name, decode_bytes
from eventlake.errors import InputError

_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["'][^>]*\?>""")
_XML_DECL_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
_ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its own title and language, and one input record per item."""

    title: str | None
    language: str | None
    encoding: str
    items: list[dict[str, Any]] = field(default_factory=list)  # DESIGN.md input records, "html" bodies


def parse_feed(data: bytes) -> Feed:
    """Parse RSS or Atom bytes; each item becomes {id, url, title, html|text, published_at, source, language}.

    Item dates (RFC 822 or ISO 8601) become ISO 8601; a date neither parser reads is kept as it
    is, so the record check rejects that item naming the value.

    Raises:
        InputError: not XML, XML with entity declarations (refused, never expanded), or not a feed.
    """
    root, encoding = _parse_xml(data)
    name = _local(root.tag)
    if name not in _FEED_ROOTS:
        raise InputError(f"not an RSS or Atom feed: the root element is <{name}>")
    if name == "feed":
        title, language, items = _atom(root)
    else:
        channel = _child(root, "channel")
        title = _text(channel, "title") if channel is not None else None
        language = _text(channel, "language") if channel is not None else None
        holder = root if name == "RDF" or channel is None else channel
        items = [_rss_item(item) for item in holder if _local(item.tag) == "item"]
    for item in items:
        item.setdefault("source", title)
        item.setdefault("language", language)
    return Feed(title=title, language=language, encoding=encoding, items=[_compact(i) for i in items])


def looks_like_feed(data: bytes) -> bool:
    """True when the first element of the bytes is <rss>, <feed> or <rdf:RDF> (for unlabeled downloads)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(re.match(rb"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]", head, re.S))


# --- XML --------------------------------------------------------------------------------------


def _parse_xml(data: bytes) -> tuple[Element, str]:
    """Parse with defusedxml; a feed in an encoding expat does not know is decoded first."""
    declared = _XML_DECL.match(data)
    encoding = codec_name(declared.group(1).decode("ascii")) if declared else "utf-8"
    try:
        return DefusedET.fromstring(data), encoding or "utf-8"
    except DefusedXmlException as exc:
        raise InputError(f"refused: the XML declares entities or external references ({exc})") from exc
    except ParseError as exc:
        first_error = exc
    try:  # e.g. cp1256 bytes with no XML declaration: expat assumed UTF-8
        text, encoding = decode_bytes(data)
        return DefusedET.fromstring(_XML_DECL_TEXT.sub("", text, count=1)), encoding
    except (InputError, ParseError):
        pass
    except DefusedXmlException as exc:
        raise InputError(f"refused: the XML declares entities or external references ({exc})") from exc
    raise InputError(f"not XML: {first_error}") from first_error


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(parent: Element | None, name: str, namespace: str | None = None) -> Element | None:
    if parent is None:
        return None
    for child in parent:
        if _local(child.tag) == name and (namespace is None or child.tag.startswith("{" + namespace + "}")):
            return child
    return None


def _text(parent: Element | None, name: str, namespace: str | None = None) -> str | None:
    child = _child(parent, name, namespace)
    if child is None:
        return None
    text = "".join(child.itertext()).strip()
    return text or None


# --- RSS --------------------------------------------------------------------------------------


def _rss_item(item: Element) -> dict[str, Any]:
    link = _text(item, "link") or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    body = _text(item, "encoded") or _text(item, "description")
    return {
        "id": _text(item, "guid") or link,
        "url": link,
        "title": _text(item, "title"),
        "html": body,
        "published_at": _iso_date(_text(item, "pubDate") or _text(item, "date")),
    }


# --- Atom -------------------------------------------------------------------------------------


def _atom(root: Element) -> tuple[str | None, str | None, list[dict[str, Any]]]:
    language = root.get(_XML_LANG)
    entries = [e for e in root if _local(e.tag) == "entry"]
    return _text(root, "title", _ATOM), language, [_atom_entry(e, language) for e in entries]


def _atom_entry(entry: Element, feed_language: str | None) -> dict[str, Any]:
    link = _atom_link(entry)
    record: dict[str, Any] = {
        "id": _text(entry, "id", _ATOM) or link,
        "url": link,
        "title": _text(entry, "title", _ATOM),
        "published_at": _iso_date(_text(entry, "published", _ATOM) or _text(entry, "updated", _ATOM)),
        "language": entry.get(_XML_LANG) or feed_language,
    }
    body = _child(entry, "content", _ATOM)
    if body is None or body.get("src"):
        body = _child(entry, "summary", _ATOM)
    if body is not None:
        kind = body.get("type", "text")
        if kind == "xhtml":
            record["html"] = "".join(tostring(child, encoding="unicode") for child in body)
        else:
            record["text" if kind == "text" else "html"] = "".join(body.itertext()).strip() or None
    return record


def _atom_link(entry: Element) -> str | None:
    links = [c for c in entry if _local(c.tag) == "link" and c.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href")
    return links[0].get("href") if links else None


# --- values -----------------------------------------------------------------------------------


def _iso_date(value: str | None) -> str | None:
    """RFC 822 ("Tue, 17 Oct 2023 09:30:00 +0300") or ISO 8601 -> ISO 8601; unreadable: unchanged."""
    if value is None:
        return None
    try:
        date = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            date = datetime.fromisoformat(value)
        except ValueError:
            return value
    return (date if date.tzinfo else date.replace(tzinfo=UTC)).isoformat()


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value is not None}
