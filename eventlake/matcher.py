"""One Aho-Corasick automaton over every lexicon: matching-form text -> word-bounded hits.

Arabic glues clitics to the front of words (وبالرقة, للميليشيات), so a hit may start after
a clitic prefix; a phrase ending in * may take any suffix. Everything else must stand as
whole words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any

import ahocorasick

from eventlake.arabic import normalize_key
from eventlake.text import Derived, Span

# A word: letters, digits, marks and tatweel (the same as arabic.is_word_char).
_WORD = re.compile(r"[^\W_]+(?:[\u064B-\u0652\u0670\u0640]+[^\W_]*)*|[\u064B-\u0652\u0670\u0640]+")

# Proclitic strings that may stand before a word: conjunctions, prepositions, and their pairs.
CLITIC_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "فس"})
# Names take no future سـ and, in practice, no ك ("كسرت" is "broke", not "like Sirte").
NAME_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})
# Before a key that begins with ال, the preposition ل swallows the alef: ل + الرقة -> للرقة.
LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
# Common nouns (triggers, cues, casualty words) also take the article: القصف, بالقذائف, للقصف.
ARTICLE_PREFIXES = CLITIC_PREFIXES | frozenset({"ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال"})
# Kinds whose names are written in full in the lexicon (their ال included), so take no article.
NAME_KINDS = frozenset({"actor", "actor_adj", "actor_local", "place", "place_cued", "place_typed"})
_START, _END = attrgetter("start"), attrgetter("end")


@dataclass(frozen=True)
class Entry:
    """One phrase of one lexicon: `kind` says which, `value` carries the payload."""

    kind: str
    phrase: str
    value: Any = None


@dataclass(slots=True, unsafe_hash=True)
class Hit:
    """An entry found in a text; `start`/`end` index the matching form, `span` the cleaned text.

    Treat it as immutable (use dataclasses.replace). Not frozen only because an article makes
    100-200 of them and a frozen dataclass takes five times as long to build; the span is
    mapped on demand for the same reason (few hits ever need it).
    """

    entry: Entry
    start: int
    end: int
    kind: str  # the entry's kind, kept on the hit because every rule asks for it
    derived: Derived = field(compare=False, repr=False)

    @property
    def span(self) -> Span:
        """Where the hit stands in the cleaned text."""
        return self.derived.source_span(self.start, self.end)


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
        self._plans_of: list[dict[tuple[str, bool, bool], tuple[tuple[Entry, bool], ...]]] = []  # per key
        by_key: dict[str, list[_Key]] = {}
        for (key, wildcard, lam), group in grouped.items():
            by_key.setdefault(key, []).append(_Key(tuple(group), wildcard, lam))
        for key, variants in by_key.items():
            wildcard = any(v.wildcard for v in variants)
            self._automaton.add_word(key, (len(key), tuple(variants), wildcard, len(self._plans_of)))
            self._plans_of.append({})
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
        spans = [m.span() for m in _WORD.finditer(text)]
        starts = [a for a, _ in spans]
        plans_of = self._plans_of
        hits: list[Hit] = []
        for last, value in self._automaton.iter(text):
            length, variants, wildcard, index = value
            start, end = last - length + 1, last + 1
            i = bisect_right(starts, start) - 1
            word_start, word_end = spans[i] if i >= 0 else (start, start)
            if start - word_start > 4:
                continue  # no clitic string is that long
            if end > word_end:  # the phrase runs into a later word
                j = bisect_right(starts, end - 1, i + 1) - 1
                word_end = spans[j][1] if j >= 0 else end - 1
            at_word_end = end == word_end
            accusative = not at_word_end and text[end:word_end] == "ا"  # صاروخاً, هجوماً
            if not (at_word_end or wildcard or accusative):
                continue
            prefix = text[word_start:start]
            plans, key = plans_of[index], (prefix, at_word_end, accusative)
            plan = plans.get(key)
            if plan is None:
                plan = plans[key] = _plan(variants, *key)
            for entry, wide in plan:
                hits.append(Hit(entry, start, word_end if wide else end, entry.kind, derived))
        hits.sort(key=_END, reverse=True)  # two stable sorts: by start, then longest first
        hits.sort(key=_START)
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


def drop_contained_each(hits: list[Hit], layers: tuple[frozenset[str], ...]) -> list[Hit]:
    """`drop_contained` for each of several disjoint layers, in one pass over `hits`."""
    layer_of = _layer_index(layers)
    reach = [(-1, -1)] * len(layers)
    kept = []
    for h in hits:
        layer = layer_of.get(h.kind)
        if layer is None:
            kept.append(h)
            continue
        reach_start, reach_end = reach[layer]
        inside = reach_start <= h.start and h.end <= reach_end and (reach_end - reach_start) > (h.end - h.start)
        if h.end > reach_end:
            reach[layer] = (h.start, h.end)
        if not inside:
            kept.append(h)
    return kept


@lru_cache(maxsize=64)
def _layer_index(layers: tuple[frozenset[str], ...]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, kinds in enumerate(layers):
        for kind in kinds:
            if index.setdefault(kind, i) != i:
                raise ValueError(f"kind {kind!r} is in two layers")
    return index


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


def _plan(
    variants: tuple[_Key, ...], prefix: str, at_word_end: bool, accusative: bool
) -> tuple[tuple[Entry, bool], ...]:
    """The entries a key yields after this prefix, each with whether its hit runs to the word's end.

    It depends only on its arguments, so `Matcher.find` works it out once per combination.
    """
    plan = []
    for variant in variants:
        if not (at_word_end or variant.wildcard or accusative):
            continue
        wide = (variant.wildcard or accusative) and not at_word_end
        plan += [
            (e, wide)
            for e in variant.entries
            if _prefix_ok(prefix, variant.lam_variant, e.kind)
            and (at_word_end or variant.wildcard or e.kind not in NAME_KINDS)
        ]
    return tuple(plan)


def _prefix_ok(prefix: str, lam_variant: bool, kind: str) -> bool:
    if lam_variant:
        return prefix in LAM_PREFIXES
    return prefix in (NAME_PREFIXES if kind in NAME_KINDS else ARTICLE_PREFIXES)
