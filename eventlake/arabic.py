"""Arabic character classes and the matching form: cleaned text -> normalised Derived text.

Each step is one small per-character rule, as in CAMeL Tools, but every rule runs through
`text.map_chars`, so the matching form keeps a map back to the cleaned text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from eventlake.text import Derived, identity, map_chars

# One definition of each character class; patterns elsewhere are built from these.
TASHKEEL = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0656", "\u0657"}
QURANIC_MARKS = frozenset(chr(c) for c in range(0x06D6, 0x06EE)) - {"\u06e5", "\u06e6"}
TATWEEL = "\u0640"
INVISIBLE = frozenset({"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"})
ALEF_VARIANTS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
YA_VARIANTS = {"ى": "ي", "ی": "ي", "ێ": "ي"}
TA_MARBUTA = {"ة": "ه", "ۀ": "ه"}
KAF_VARIANTS = {"ک": "ك"}
ARABIC_INDIC_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
PERSIAN_DIGITS = {chr(0x06F0 + i): str(i) for i in range(10)}
PRESENTATION_FORMS = (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)
QUOTES = frozenset("\"“”„«»‹›'‘’`")
ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("ٱپچژکگی")


def is_word_char(ch: str) -> bool:
    """A character that belongs inside a token (letters of any script, digits, marks)."""
    return ch.isalnum() or ch in TASHKEEL or ch == TATWEEL


def unfold_presentation_form(ch: str) -> str:
    """Turn contextual glyph code points (ﻻ, ﺍ…) into plain letters."""
    code = ord(ch)
    if any(lo <= code <= hi for lo, hi in PRESENTATION_FORMS):
        return unicodedata.normalize("NFKC", ch)
    return ch


def strip_tashkeel(ch: str) -> str:
    return "" if ch in TASHKEEL or ch in QURANIC_MARKS else ch


def strip_tatweel(ch: str) -> str:
    return "" if ch == TATWEEL else ch


def strip_invisible(ch: str) -> str:
    return "" if ch in INVISIBLE else ch


def unify_alef(ch: str) -> str:
    return ALEF_VARIANTS.get(ch, ch)


def unify_ya(ch: str) -> str:
    return YA_VARIANTS.get(ch, ch)


def unify_ta_marbuta(ch: str) -> str:
    return TA_MARBUTA.get(ch, ch)


def unify_kaf(ch: str) -> str:
    return KAF_VARIANTS.get(ch, ch)


def digits_to_ascii(ch: str) -> str:
    return ARABIC_INDIC_DIGITS.get(ch) or PERSIAN_DIGITS.get(ch) or ch


def unify_space(ch: str) -> str:
    """Any horizontal space (NBSP, thin space, tab) becomes one plain space; newlines stay."""
    return " " if ch != "\n" and ch.isspace() else ch


def strip_quotes(ch: str) -> str:
    """Quotes around names (تنظيم “داعش”) must not block a match."""
    return "" if ch in QUOTES else ch


def fold_case(ch: str) -> str:
    return ch.lower() if ch.isascii() else ch


MATCHING_STEPS = (
    unfold_presentation_form,
    strip_invisible,
    strip_tashkeel,
    strip_tatweel,
    unify_alef,
    unify_ya,
    unify_ta_marbuta,
    unify_kaf,
    digits_to_ascii,
    unify_space,
    strip_quotes,
    fold_case,
)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    for step in MATCHING_STEPS:
        ch = "".join(step(c) for c in ch)
        if not ch:
            break
    return ch


def to_matching_form(text: str) -> Derived:
    """The form every lexicon lookup runs on, with its map back to `text`.

    Most characters fold to one character or to nothing; for those a translate table does the
    work and the map is the positions of the kept characters. Text with a character that folds
    to several (a ligature such as ﻻ) takes the general per-character path.
    """
    table, deleted, expanding = _fold_table(frozenset(text))
    if expanding:
        return map_chars(identity(text), _fold_char)
    folded = text.translate(table)
    if not deleted:
        return Derived(folded, tuple(range(len(text))), len(text))
    kept = tuple(i for i, ch in enumerate(text) if ch not in deleted)
    return Derived(folded, kept, len(text))


def _fold_table(chars: frozenset[str]) -> tuple[dict[int, str | None], frozenset[str], bool]:
    """The translate table for these characters, the ones it deletes, and whether any expands."""
    table: dict[int, str | None] = {}
    deleted = set()
    for ch in chars:
        folded = _fold_char(ch)
        if len(folded) > 1:
            return {}, frozenset(), True
        if folded != ch:
            table[ord(ch)] = folded or None
            if not folded:
                deleted.add(ch)
    return table, frozenset(deleted), False


def normalize_key(text: str) -> str:
    """Normalise a lexicon entry exactly as article text is normalised (no map needed)."""
    return " ".join(to_matching_form(text).text.split())
