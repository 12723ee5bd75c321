"""One Aho-Corasick automaton over every lexicon: matching-form text -> word-bounded hits.

Arabic glues clitics to the front of words (وبالرقة, للميليشيات), so a hit may start after
a clitic prefix; a phrase ending in * may take any suffix. Everything else must stand as
whole words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from eventlake.arabic import normalize_key
from eventlake.text import Derived, Span

# A word: letters, digits, marks and tatweel (the same as arabic.is_word_char).
_WORD = re.compile(r"[^\W_]+(?:[\u064B-\u0652\u0670\u0640]+[^\W_]*)*|[\u064B-\u0652\u0670\u0640]+")

# Proclitic strings that may stand before a word: conjunctions, prepositions, and their pairs.
CLITIC_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "فس"})
# Before a key that begins with ال, the preposition ل swallows the alef: ل + الرقة -> للرقة.
LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
# Common nouns (triggers, cues, casualty words) also take the article: القصف, بالقذائف, للقصف.
ARTICLE_PREFIXES = CLITIC_PREFIXES | frozenset({"ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال"})
# Kinds whose names are written in full in the lexicon (their ال included), so take no article.
NAME_KINDS = frozenset({"actor", "actor_adj", "actor_local", "place", "place_cued", "place_typed"})


@dataclass(frozen=True)
class Entry:
    """One phrase of one lexicon: `kind` says which, `value` carries the payload."""

    kind: str
    phrase: str
    value: Any = None


@dataclass(frozen=True)
class Hit:
    """An entry found in a text; `start`/`end` index the matching form, `span` the cleaned text."""

    entry: Entry
    start: int
    end: int
    span: Span
    kind: str  # the entry's kind, kept on the hit because every rule asks for it


@dataclass(frozen=True)
class _Key:
    entries: tuple[Entry, ...]
    wildcard: bool
    lam_variant: bool


class Matcher:
    """Finds every lexicon phrase in a text in one pass."""

    def __init__(self, entries: Iterable[Entry]):
        grouped: dict[tuple[str, bool, bool], list[Entry]] = {}
        for entry in entries:
            wildcard = entry.phrase.endswith("*")
            key = normalize_key(entry.phrase.rstrip("*"))
            if not key:
                continue
            for form in _forms(key, entry.kind):
                _add_once(grouped.setdefault((form, wildcard, False), []), entry)
                if form.startswith("ال") and len(form) > 3:
                    _add_once(grouped.setdefault((form[1:], wildcard, True), []), entry)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        by_key: dict[str, list[_Key]] = {}
        for (key, wildcard, lam), group in grouped.items():
            by_key.setdefault(key, []).append(_Key(tuple(group), wildcard, lam))
        for key, variants in by_key.items():
            self._automaton.add_word(key, (len(key), tuple(variants)))
        self._size = len(by_key)
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def find(self, derived: Derived) -> list[Hit]:
        """Every word-bounded hit in `derived.text`, in text order (overlaps kept)."""
        if not self._size:
            return []
        text = derived.text
        words = _Words(text)
        hits: list[Hit] = []
        for last, (length, variants) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            word_start = words.around(start)[0]
            word_end = words.around(end - 1)[1]
            at_word_end = end == word_end
            prefix = text[word_start:start] if start - word_start <= 4 else "\0"
            accusative = not at_word_end and text[end:word_end] == "ا"  # صاروخاً, هجوماً
            for variant in variants:
                if not (at_word_end or variant.wildcard or accusative):
                    continue
                stop = word_end if variant.wildcard or accusative else end
                entries = [
                    e
                    for e in variant.entries
                    if _prefix_ok(prefix, variant.lam_variant, e.kind)
                    and (at_word_end or variant.wildcard or e.kind not in NAME_KINDS)
                ]
                if entries:
                    span = derived.source_span(start, stop)
                    hits.extend(Hit(e, start, stop, span, e.kind) for e in entries)
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def drop_contained(hits: list[Hit], kinds: frozenset[str]) -> list[Hit]:
    """Among hits of `kinds`, drop any strictly inside a longer one (لواء القدس hides القدس).

    `hits` must be sorted by (start, -end), as `Matcher.find` returns them: then a hit is
    contained exactly when an earlier-starting or longer hit reaches past its end.
    """
    kept = []
    reach_start, reach_end = -1, -1  # the layer hit seen so far that ends furthest
    for h in hits:
        if h.kind not in kinds:
            kept.append(h)
            continue
        inside = reach_start <= h.start and h.end <= reach_end and (reach_end - reach_start) > (h.end - h.start)
        if h.end > reach_end:
            reach_start, reach_end = h.start, h.end
        if not inside:
            kept.append(h)
    return kept


def _forms(key: str, kind: str) -> list[str]:
    """A common-noun phrase also stands with the article on every word after the first
    (عبوة ناسفة -> العبوة الناسفة; the first word's article is a prefix the matcher allows)."""
    words = key.split()
    if kind in NAME_KINDS or len(words) < 2:
        return [key]
    definite = [words[0]] + [w if w.startswith("ال") else "ال" + w for w in words[1:]]
    return [key] if definite == words else [key, " ".join(definite)]


def _add_once(group: list[Entry], entry: Entry) -> None:
    """Spelling variants that normalise alike (قتيلا, قتيلاً) must give one hit, not two."""
    if not any(e.kind == entry.kind and e.value == entry.value for e in group):
        group.append(entry)


class _Words:
    """Word boundaries of a text, found once, so each hit's boundary test is a bisect."""

    def __init__(self, text: str):
        spans = [m.span() for m in _WORD.finditer(text)]
        self._starts = [a for a, _ in spans]
        self._spans = spans

    def around(self, pos: int) -> tuple[int, int]:
        """The word containing `pos` (a match always starts inside one)."""
        i = bisect_right(self._starts, pos) - 1
        return self._spans[i] if i >= 0 else (pos, pos)


def _prefix_ok(prefix: str, lam_variant: bool, kind: str) -> bool:
    if lam_variant:
        return prefix in LAM_PREFIXES
    return prefix in (CLITIC_PREFIXES if kind in NAME_KINDS else ARTICLE_PREFIXES)
