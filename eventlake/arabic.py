"""Arabic character classes and the matching form: cleaned text -> normalised Derived text.

Each step is one small per-character rule, as in CAMeL Tools, but every rule runs through
`text.map_chars`, so the matching form keeps a map back to the cleaned text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

import numpy as np

from eventlake.text import Derived, Kept, identity, map_chars, splits_words

# One definition of each character class; patterns elsewhere are built from these.
TASHKEEL: Final = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670", "\u0656", "\u0657"}
QURANIC_MARKS: Final = frozenset(chr(c) for c in range(0x06D6, 0x06EE)) - {"\u06e5", "\u06e6"}
TATWEEL: Final = "\u0640"
INVISIBLE: Final = frozenset({"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"})
ALEF_VARIANTS: Final = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
YA_VARIANTS: Final = {"ى": "ي", "ی": "ي", "ێ": "ي"}
TA_MARBUTA: Final = {"ة": "ه", "ۀ": "ه"}
KAF_VARIANTS: Final = {"ک": "ك"}
ARABIC_INDIC_DIGITS: Final = {chr(0x0660 + i): str(i) for i in range(10)}
PERSIAN_DIGITS: Final = {chr(0x06F0 + i): str(i) for i in range(10)}
PRESENTATION_FORMS: Final = (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)
QUOTES: Final = frozenset("\"“”„«»‹›'‘’`")
ARABIC_LETTERS: Final = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("ٱپچژکگی")


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


MATCHING_STEPS: Final = (
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

    Most characters fold to one character or to nothing: lookups in arrays indexed by code point
    fold the text, find its deleted positions and its words at once. Text with a character that
    folds to several (a ligature such as ﻻ) takes the general per-character path.
    """
    codes = _FOLDING.known(text)
    if codes is None:
        return map_chars(identity(text), _fold_char)
    deleted = _FOLDING.deleted.take(codes)
    if deleted.any():
        codes = codes[~deleted]
        to_source: Sequence[int] = Kept(np.flatnonzero(deleted).tolist(), len(text))
    else:
        to_source = range(len(text))
    spaced = _FOLDING.spaced.take(codes)  # words_only's code points
    inside = np.zeros(len(codes) + 2, dtype=bool)  # in a word, with a gap before and after the text
    np.not_equal(spaced, _SPACE, out=inside[1:-1])
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    words = _text(spaced), (edges[0::2].tolist(), edges[1::2].tolist())
    return Derived(_text(_FOLDING.to.take(codes)), to_source, len(text), words=words)


def matching_forms(texts: Iterable[str | None]) -> list[Derived]:
    """`to_matching_form` of each text, a missing one as empty: one batch's, made once for every
    stage that reads them."""
    return [to_matching_form(text or "") for text in texts]


def normalize_key(text: str) -> str:
    """Normalise a lexicon entry exactly as article text is normalised (no map needed)."""
    codes = _FOLDING.known(text) if len(text) > _SHORT else None
    if codes is None:
        _FOLDING.learn(text)
        folded = text.translate(_FOLDING.table)
    else:
        folded = _text(_FOLDING.to.take(codes[~_FOLDING.deleted.take(codes)]))
    return " ".join(folded.split())


_PLANE: Final = 0x10000  # the folding arrays cover the Basic Multilingual Plane
_SHORT: Final = 256  # shorter keys fold faster through str.translate than through arrays
_SPACE: Final = np.uint32(32)


def _text(codes: np.ndarray) -> str:
    return codes.tobytes().decode("utf-32-le", "surrogatepass")


class _Folding:
    """The fold of every character seen so far, worked out once each: a translate table and arrays
    indexed by code point of each one's fold, its fold with word splitters as spaces, and whether it
    is deleted. The last BMP code point stands for every one past it (take's "clip") and is never
    simple, so text past the BMP takes the general path."""

    def __init__(self) -> None:
        self.table: dict[int, str | None] = {}  # every character seen, unchanged ones included
        self.simple = np.zeros(_PLANE, dtype=bool)  # seen, and folds to at most one BMP character
        self.deleted = np.zeros(_PLANE, dtype=bool)  # folds to nothing
        self.to = np.arange(_PLANE, dtype=np.uint32)  # the fold of a character that folds to one
        self.spaced = np.arange(_PLANE, dtype=np.uint32)  # that fold, or a space when it splits words

    def known(self, text: str) -> np.ndarray | None:
        """The text's code points once all are learnt, or None when one is not simple."""
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if self.simple.take(codes, mode="clip").all():
            return codes
        self.learn(text)
        return codes if self.simple.take(codes, mode="clip").all() else None

    def learn(self, text: str) -> None:
        """Add the characters of `text` not seen before."""
        for ch in {ch for ch in text if ord(ch) not in self.table}:
            folded = _fold_char(ch)
            self.table[ord(ch)] = folded or None
            if ord(ch) < _PLANE - 1 and len(folded) <= 1 and (not folded or ord(folded) < _PLANE):
                self._learn_simple(ord(ch), folded)

    def _learn_simple(self, code: int, folded: str) -> None:
        self.simple[code] = True
        if not folded:
            self.deleted[code] = True
        else:
            self.to[code] = ord(folded)
            self.spaced[code] = ord(" ") if splits_words(folded) else ord(folded)


_FOLDING: Final = _Folding()
