"""Ingest, decoding: article bytes -> text, with the encoding found; language by majority script.

Private to eventlake.ingest, which re-exports `decode_bytes` and `detect_language`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from eventlake.arabic import ARABIC_LETTERS
from eventlake.errors import InputError

# LIBRARIES.md section 3: without this list, long ISO-8859-6 pages are sometimes taken as Thai.
ARABIC_CODECS = ("utf_8", "utf_16", "utf_16_le", "utf_16_be", "cp1256", "iso8859_6")
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_NOT_TEXT_SHARE = 0.01  # control/unassigned characters allowed in a text before it is "binary"
EXCERPT_CHARS = 200

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_ARABIC_LETTER = re.compile("[" + "".join(sorted(ARABIC_LETTERS)) + "]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")


def decode_bytes(data: bytes, *, html: bool = False, declared: str | None = None) -> tuple[str, str]:
    """Decode article bytes: BOM, strict UTF-8, the declared charset, a meta charset (HTML), detection.

    Valid UTF-8 wins over any declaration because Arabic in cp1256 or ISO-8859-6 is never valid
    UTF-8, while stale declarations on re-encoded pages are common. `declared` is a charset from
    outside the bytes (an HTTP or WARC Content-Type header).

    Returns:
        (text, codec name as Python spells it, e.g. "utf-8", "cp1256", "utf-16-le").

    Raises:
        InputError: "not text: ..." when no Arabic-relevant encoding fits or the result is binary.
    """
    text, encoding = _decode_any(data, html=html, declared=declared)
    _check_is_text(text)
    return text, encoding


def detect_language(text: str) -> str | None:
    """'ar' when Arabic letters outnumber Latin ones, 'en' when Latin do, None with neither."""
    arabic, latin = len(_ARABIC_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))
    if arabic == latin == 0:
        return None
    return "ar" if arabic > latin else "en"


def excerpt(raw: bytes) -> str:
    """The first characters of what was read, decoded leniently; control characters as U+FFFD."""
    head = raw[: EXCERPT_CHARS * 4]
    try:
        text, _ = _decode_any(head, html=False, declared=None)
    except InputError:
        text = head.decode("utf-8", errors="replace")
    return "".join("\ufffd" if _is_control(ch) else ch for ch in text[:EXCERPT_CHARS])


def codec_name(charset: str | None) -> str | None:
    """Python's name for a declared charset ("windows-1256" -> "cp1256"); None if unknown."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None


def _decode_any(data: bytes, *, html: bool, declared: str | None) -> tuple[str, str]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_strict(data, codec), "utf-8-sig" if codec == "utf-8-sig" else codec
    if b"\x00" not in data:  # UTF-16 text without a BOM can be valid UTF-8 full of NULs
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    for charset in (codec_name(declared), _declared_charset(data) if html else None):
        if charset is not None:
            try:
                return data.decode(charset), charset
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
    return codec_name(match.group(1).decode("ascii")) if match else None


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
