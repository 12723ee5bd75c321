"""Clean stage: raw articles (RAW_ARTICLES) -> cleaned articles, whose `text` offsets point into.

HTML becomes text (trafilatura), site furniture is removed line by line, and the text is
normalised only in ways that never change a word: NFC, whitespace, invisible characters.
Tashkeel, tatweel, hamza forms and Arabic-Indic digits stay; the matching form comes later.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from eventlake import schema
from eventlake.arabic import INVISIBLE, normalize_key
from eventlake.errors import InputError
from eventlake.ingest import FALLBACK_ORIGINS, detect_language
from eventlake.lexicons import Boilerplate

_LOG = logging.getLogger(__name__)

CLEANED_ARTICLES = pa.schema([f for f in schema.ARTICLES if f.name not in ("n_sentences", "ingested_at", "run_id")])
PARAGRAPH_SEP = "\n\n"
# Furniture is short: a longer line is article text even if it starts like furniture.
MAX_FURNITURE_CHARS = 80
EXCERPT_CHARS = 200
# LIBRARIES.md section 4: metadata dates only; the extensive search guesses years from footers.
TRAFILATURA_DATE_PARAMS = {"extensive_search": False, "original_date": True}
TRAFILATURA_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = frozenset("\u2060\u2061\u2062\u2063\u2064\u180e")
_REMOVED = "".join(sorted(INVISIBLE | _BIDI_CONTROLS | _ZERO_WIDTH))
# Line breaks -> "\n", Unicode spaces and tabs -> " ", other controls and invisibles -> nothing.
_LINE_BREAK = re.compile("\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")
_LINE_BREAK_CHAR = re.compile("[\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # one class: a fast test for the above
_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(f"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f{_REMOVED}]")
_ODD_OR_INVISIBLE = re.compile(
    f"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f{_REMOVED}]"
)
# Either of the two above, in one class: most text has none of them, and one pass finds that.
_ANY_TO_NORMALIZE = re.compile(f"[\r\v\f\x1c-\x1e\x85\u2028\u2029{_ODD_OR_INVISIBLE.pattern[1:-1]}]")
_SPACES = re.compile(r" {2,}")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"\w+")


def clean_articles(raw: pa.Table, *, boilerplate: Boilerplate) -> tuple[pa.Table, pa.Table]:
    """Clean a batch of raw articles.

    Args:
        raw: a table of schema.RAW_ARTICLES (the ingest stage's output).
        boilerplate: site furniture to remove (lexicons.load_boilerplate()).

    Returns:
        (cleaned, rejects): CLEANED_ARTICLES rows, and schema.REJECTS rows (stage "clean") for
        articles with no text or no letters left. An HTML article whose date was only a guess
        (ingest.FALLBACK_ORIGINS) takes the page's metadata date instead (origin "html").
    """
    furniture = _Furniture.build(boilerplate)
    cleaned: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    for row in raw.to_pylist():
        try:
            cleaned.append(_clean_row(row, furniture))
        except InputError as exc:
            rejects.append(_reject_row(row, str(exc)))
        except Exception as exc:
            _LOG.exception("internal error cleaning article %s", row.get("article_id"))
            rejects.append(_reject_row(row, f"internal error: {type(exc).__name__}: {exc}"))
    return (
        pa.Table.from_pylist(cleaned, schema=CLEANED_ARTICLES),
        pa.Table.from_pylist(rejects, schema=schema.REJECTS),
    )


def clean_text(text: str, *, boilerplate: Boilerplate) -> str:
    """Plain text -> paragraphs joined by a blank line, furniture removed, words unchanged."""
    return _clean_body(text, _Furniture.build(boilerplate))


def html_to_text(html: str) -> tuple[str | None, str, datetime | None]:
    """Extract (title, body text, metadata publication date) from an HTML page.

    The body is trafilatura's plain text (one paragraph per line), not yet cleaned; the date is
    a day (midnight UTC) from the page's metadata, or None when the page declares none.
    """
    from trafilatura import bare_extraction  # lazy: heavy, and only HTML inputs need it

    if not html.strip():
        return None, "", None
    with _quiet_loggers(TRAFILATURA_LOGGERS):
        doc = bare_extraction(
            html,
            include_comments=False,
            favor_precision=True,
            with_metadata=True,
            date_extraction_params=TRAFILATURA_DATE_PARAMS,
        )
    if doc is None:
        return None, "", None
    return doc.title or None, doc.text or "", _metadata_date(doc.date)


# --- one article ----------------------------------------------------------------------------


def _clean_row(row: dict[str, Any], furniture: _Furniture) -> dict[str, Any]:
    article = row["article_id"]
    published_at, origin = row["published_at"], row["published_at_origin"]
    title = row["title"]
    if row["body_format"] == "html":
        page_title, body, page_date = html_to_text(row["body"])
        title = title or page_title
        if page_date is not None and origin in FALLBACK_ORIGINS:
            published_at, origin = page_date, "html"
    else:
        body = row["body"]
    title = _clean_line(_normalize_chars(title).replace("\n", " ")) if title else ""
    body = _clean_body(body, furniture)
    if not body:
        raise InputError(f"article {article}: no text left after cleaning", article_id=article)
    text = _join_title(title, body)
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"article {article}: no letters in the cleaned text", article_id=article)
    language = row["language"] or detect_language(text)
    if language is None:
        raise InputError(f"article {article}: no Arabic or Latin letters", article_id=article)
    return {
        "article_id": article,
        "source_url": row["source_url"],
        "title": title or None,
        "source": row["source"],
        "published_at": published_at,
        "published_at_origin": origin,
        "language": language,
        "text": text,
        "content_hash": row["content_hash"],
        "source_path": row["source_path"],
        "encoding": row["encoding"],
    }


def _join_title(title: str, body: str) -> str:
    """Title first as its own paragraph, unless the body already opens with it (as HTML does)."""
    if not title:
        return body
    first = body.split(PARAGRAPH_SEP, 1)[0]
    if normalize_key(first).startswith(normalize_key(title)):
        return body
    return title + PARAGRAPH_SEP + body


def _reject_row(row: dict[str, Any], reason: str) -> dict[str, Any]:
    body = row.get("body") or ""
    return {
        "source_path": row.get("source_path"),
        "record_index": None,
        "stage": "clean",
        "reason": " ".join(reason.split()),
        "content_hash": row.get("content_hash"),
        "raw_excerpt": body[:EXCERPT_CHARS] or None,
        "run_id": None,
        "rejected_at": None,
    }


# --- text normalisation ---------------------------------------------------------------------


def _clean_body(text: str, furniture: _Furniture) -> str:
    lines = [_clean_line(line) for line in _normalize_chars(text).split("\n")]
    return PARAGRAPH_SEP.join(furniture.remove([line for line in lines if line]))


def _normalize_chars(text: str) -> str:
    """Unify line breaks and spaces, drop invisible and control characters, then NFC."""
    if not _ANY_TO_NORMALIZE.search(text):
        return unicodedata.normalize("NFC", text)
    if _LINE_BREAK_CHAR.search(text):  # most text has none: a search is cheaper than a sub
        text = _LINE_BREAK.sub("\n", text)
    if _ODD_OR_INVISIBLE.search(text):
        text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    return unicodedata.normalize("NFC", text)


def _clean_line(line: str) -> str:
    return (_SPACES.sub(" ", line) if "  " in line else line).strip(" ")


# --- furniture ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Furniture:
    """Boilerplate entries prepared for matching against a line's key."""

    cut_from: tuple[str, ...]
    drop_lines: tuple[tuple[str, ...], ...]  # word sequences, longest first
    labels: tuple[str, ...]  # the drop lines of several words, joined
    starting: dict[str, tuple[tuple[str, ...], ...]]  # drop lines by first word, longest first

    @classmethod
    def build(cls, boilerplate: Boilerplate) -> _Furniture:
        cut = tuple(_line_key(entry) for entry in boilerplate.cut_from)
        drop = {tuple(_WORD.findall(_line_key(entry))) for entry in boilerplate.drop_lines}
        drop_lines = tuple(sorted(drop, key=lambda words: (-len(words), words)))
        labels = tuple(" ".join(entry) for entry in drop_lines if len(entry) > 1)
        starting: dict[str, tuple[tuple[str, ...], ...]] = {}
        for entry in drop_lines:
            if entry:
                starting[entry[0]] = (*starting.get(entry[0], ()), entry)
        return cls(cut, drop_lines, labels, starting)

    def remove(self, lines: list[str]) -> list[str]:
        """Drop furniture lines; a cut line in the latter half ends the article there."""
        half = sum(len(line) for line in lines) / 2
        kept: list[str] = []
        start = 0
        for line in lines:
            position, start = start, start + len(line)
            if len(line) > MAX_FURNITURE_CHARS:
                kept.append(line)
                continue
            key = _line_key(line)
            if self._is_cut_line(key):
                if position >= half:
                    break
                continue  # early furniture ("اقرأ أيضاً: ...") goes, the article does not end
            if not self._is_drop_line(key):
                kept.append(line)
        return kept

    def _is_cut_line(self, key: str) -> bool:
        if not key.startswith(self.cut_from):  # one C-level test rules out most lines
            return False
        return any(_starts_with_entry(key, entry) for entry in self.cut_from)

    def _is_drop_line(self, key: str) -> bool:
        """The whole line is drop entries (plus numbers and punctuation), or 'entry: link text'."""
        words = _WORD.findall(key)
        if key.startswith(self.labels) and any(_is_label(key, label) for label in self.labels):
            return True
        empty = () if () in self.drop_lines else None  # an empty entry (sorted last) matches any word
        matched, i = False, 0
        while i < len(words):
            starting = self.starting.get(words[i], ())
            entry = next((e for e in starting if tuple(words[i : i + len(e)]) == e), empty)
            if entry is None and not words[i].isdigit():
                return False
            matched = matched or entry is not None
            i += len(entry) if entry else 1
        return matched


def _line_key(line: str) -> str:
    """A line's matching form without surrounding punctuation (": * . - |" and the like)."""
    return _EDGE_PUNCT.sub("", normalize_key(line))


def _starts_with_entry(key: str, entry: str) -> bool:
    """The key starts with the entry as whole words.

    A one-word entry ("التعليقات") must stand alone or before punctuation or digits, so a
    sentence that merely starts with that word is not furniture; a phrase is distinctive enough.
    """
    if not entry or not key.startswith(entry):
        return False
    rest = key[len(entry) :]
    if not rest:
        return True
    if rest[0].isalnum() or rest[0] == "_":
        return False
    return " " in entry or not rest.lstrip()[:1].isalpha()


def _is_label(key: str, entry: str) -> bool:
    """'اقرأ أيضاً: عنوان آخر' -> the entry followed by a colon labels a link, not prose."""
    return key.startswith(entry) and key[len(entry) :].lstrip().startswith(":")


# --- trafilatura ----------------------------------------------------------------------------


def _metadata_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        date = datetime.fromisoformat(value)
    except ValueError:
        return None
    return date.replace(tzinfo=UTC) if date.tzinfo is None else date.astimezone(UTC)


@contextmanager
def _quiet_loggers(names: tuple[str, ...]) -> Iterator[None]:
    """Mute third-party loggers for one call and restore them: no global logging setup.

    trafilatura logs ERROR lines for pages it cannot parse; the reject row already says so.
    """
    loggers = [logging.getLogger(name) for name in names]
    saved = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, level in zip(loggers, saved, strict=True):
            lg.setLevel(level)
