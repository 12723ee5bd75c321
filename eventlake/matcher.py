"""One Aho-Corasick automaton over every lexicon: matching-form text -> word-bounded hits.

Arabic glues clitics to the front of words (وبالرقة, للميليشيات), so a hit may start after
a clitic prefix; a phrase ending in * may take any suffix. Everything else must stand as
whole words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from eventlake.arabic import is_word_char, normalize_key
from eventlake.text import Derived, Span

# Proclitic strings that may stand before a word: conjunctions, prepositions, and their pairs.
CLITIC_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "فس"})
# Before a key that begins with ال, the preposition ل swallows the alef: ل + الرقة -> للرقة.
LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
# Common nouns (triggers, cues, casualty words) also take the article: القصف, بالقذائف, للقصف.
ARTICLE_PREFIXES = CLITIC_PREFIXES | frozenset({"ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال"})
# Kinds whose names are written in full in the lexicon (their ال included), so take no article.
NAME_KINDS = frozenset({"actor", "actor_adj", "place", "place_cued", "place_typed"})


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

    @property
    def kind(self) -> str:
        return self.entry.kind


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
            _add_once(grouped.setdefault((key, wildcard, False), []), entry)
            if key.startswith("ال") and len(key) > 3:
                _add_once(grouped.setdefault((key[1:], wildcard, True), []), entry)
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
        hits: list[Hit] = []
        for last, (length, variants) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            prefix = _prefix_before(text, start)
            at_word_end = end == len(text) or not is_word_char(text[end])
            for variant in variants:
                if not (at_word_end or variant.wildcard):
                    continue
                stop = _word_end(text, end) if variant.wildcard else end
                span = derived.source_span(start, stop)
                hits.extend(
                    Hit(e, start, stop, span)
                    for e in variant.entries
                    if _prefix_ok(prefix, variant.lam_variant, e.kind)
                )
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def drop_contained(hits: list[Hit], kinds: frozenset[str]) -> list[Hit]:
    """Among hits of `kinds`, drop any strictly inside a longer one (لواء القدس hides القدس)."""
    layer = [h for h in hits if h.kind in kinds]
    kept = []
    for h in hits:
        if h.kind in kinds and any(
            o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in layer
        ):
            continue
        kept.append(h)
    return kept


def _add_once(group: list[Entry], entry: Entry) -> None:
    """Spelling variants that normalise alike (قتيلا, قتيلاً) must give one hit, not two."""
    if not any(e.kind == entry.kind and e.value == entry.value for e in group):
        group.append(entry)


def _prefix_before(text: str, start: int) -> str:
    i = start
    while i > 0 and is_word_char(text[i - 1]) and start - i < 4:
        i -= 1
    if i > 0 and is_word_char(text[i - 1]):
        return "\0"  # more than three letters glued on: not a clitic
    return text[i:start]


def _prefix_ok(prefix: str, lam_variant: bool, kind: str) -> bool:
    if lam_variant:
        return prefix in LAM_PREFIXES
    return prefix in (CLITIC_PREFIXES if kind in NAME_KINDS else ARTICLE_PREFIXES)


def _word_end(text: str, i: int) -> int:
    while i < len(text) and is_word_char(text[i]):
        i += 1
    return i
