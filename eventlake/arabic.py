"""Arabic character classes and the matching form: cleaned text -> normalised Derived text.

Each step is one small per-character rule, as in CAMeL Tools, but every rule runs through
`text.map_chars`, so the matching form keeps a map back to the cleaned text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from eventlake.text import Derived, Kept, identity, map_chars, splits_words

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

    Most characters fold to one character or to nothing; for those a few replacements do the
    work and the map records only the deleted positions. Text with a character that folds to
    several (a ligature such as ﻻ) takes the general per-character path.
    """
    folding = _FOLDING.learn(text)
    folded = folding.fold(text)
    if folded is None:
        return map_chars(identity(text), _fold_char)
    if len(folded) == len(text):
        return Derived(folded, range(len(text)), len(text), non_word=folding.non_word)
    return Derived(folded, Kept(folding.deleted_positions(text), len(text)), len(text), non_word=folding.non_word)


def normalize_key(text: str) -> str:
    """Normalise a lexicon entry exactly as article text is normalised (no map needed)."""
    folding = _FOLDING.learn(text)
    folded = folding.fold(text)
    return " ".join((text.translate(folding.table) if folded is None else folded).split())


# Past this many word-splitting characters, one regex pass beats testing each (Derived.words_only).
MANY_NON_WORD = 64


class _Folding:
    """The fold of every character seen so far: a translate table, the characters that change, and
    a pattern that finds those that fold to nothing (folding is per character, so this is exact)."""

    def __init__(self) -> None:
        self.table: dict[int, str | None] = {}  # every character seen, unchanged ones included
        self._deleted: set[str] = set()
        self._expanding: set[str] = set()
        self._changes: list[tuple[str, str]] = []  # (character, fold) of the seen ones that change
        self._non_word: tuple[str, ...] = ()  # the characters of the folds that split words
        self.non_word: tuple[str, ...] | None = ()  # those for Derived.non_word; None once too many to test
        self._in_place = True  # no fold changes again when folded: replacements in turn are exact
        self._unseen = re.compile(".", re.DOTALL)
        self._deleted_at = re.compile("(?!)")

    def learn(self, text: str) -> _Folding:
        """Add the characters of `text` not seen before; their fold is worked out once."""
        if self._unseen.search(text) is None:
            return self
        for ch in set(text) - {chr(c) for c in self.table}:
            folded = _fold_char(ch)
            self.table[ord(ch)] = folded or None
            if not folded:
                self._deleted.add(ch)
            elif len(folded) > 1:
                self._expanding.add(ch)
            if folded != ch:
                self._changes.append((ch, folded))
                self._in_place = self._in_place and _fold_char(folded) == folded
            self._non_word += tuple(c for c in folded if splits_words(c) and c not in self._non_word)
        self.non_word = self._non_word if len(self._non_word) <= MANY_NON_WORD else None
        self._unseen = re.compile(f"[^{_char_class(chr(c) for c in self.table)}]")
        self._deleted_at = re.compile(f"[{_char_class(self._deleted)}]" if self._deleted else "(?!)")
        return self

    def fold(self, text: str) -> str | None:
        """`text` folded (every character learnt), or None when a character folds to several.

        Replacing only the changing characters present beats `str.translate`, which looks every
        character up in a dict."""
        if not self._in_place:
            return None if any(ch in text for ch in self._expanding) else text.translate(self.table)
        for ch, folded in self._changes:
            if ch in text:
                if len(folded) > 1:
                    return None
                text = text.replace(ch, folded)
        return text

    def deleted_positions(self, text: str) -> list[int]:
        return [m.start() for m in self._deleted_at.finditer(text)]


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(chars))


_FOLDING = _Folding()
