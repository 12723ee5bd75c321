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
from operator import attrgetter, itemgetter
from typing import Any, Final, cast

import ahocorasick

from eventlake.arabic import normalize_key
from eventlake.text import Derived, Span

# A word: letters, digits, marks and tatweel (the same as arabic.is_word_char).
_WORD: Final = re.compile(r"[^\W_]+(?:[\u064B-\u0652\u0670\u0640]+[^\W_]*)*|[\u064B-\u0652\u0670\u0640]+")

# Proclitic strings that may stand before a word: conjunctions, prepositions, and their pairs.
CLITIC_PREFIXES: Final = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "فس"})
# Names take no future سـ and, in practice, no ك ("كسرت" is "broke", not "like Sirte").
NAME_PREFIXES: Final = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})
# Before a key that begins with ال, the preposition ل swallows the alef: ل + الرقة -> للرقة.
LAM_PREFIXES: Final = frozenset({"ل", "ول", "فل"})
# Common nouns (triggers, cues, casualty words) also take the article: القصف, بالقذائف, للقصف.
ARTICLE_PREFIXES: Final = CLITIC_PREFIXES | frozenset({"ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال"})
# Kinds whose names are written in full in the lexicon (their ال included), so take no article.
NAME_KINDS: Final = frozenset({"actor", "actor_adj", "actor_local", "place", "place_cued", "place_typed"})
_START, _END = attrgetter("start"), attrgetter("end")
# Marks and tatweel, which `_WORD` glues into words; the matching form has none of them.
_MARKS: Final = (*(chr(c) for c in range(0x064B, 0x0653)), "\u0670", "\u0640")
_NON_WORD: Final = re.compile(r"[\W_]")
# How a bounded key ends: at a word end (" "), in an accusative alef ("ا "), or open (wildcards).
_OPEN: Final = 0
_AT_END: Final = 1
_ACCUSATIVE: Final = 2
# What the bounded automaton stores per key: (length, suffix length, tail, text to check, variants,
# plans per tail and prefix); a plan is each entry to report, whether it spans the word, its kind.
_Plan = tuple[tuple["Entry", bool, str], ...]
_Plans = tuple[dict[str, _Plan], dict[str, _Plan], dict[str, _Plan]]
_Part = tuple[int, int, int, str | None, tuple["_Key", ...], _Plans]


@dataclass(frozen=True)
class Entry:
    """One phrase of one lexicon: `kind` says which, `value` carries the payload."""

    kind: str
    phrase: str
    value: Any = None

    # Written out (dataclasses would write them in Python): compiled, every hit's hash calls them.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entry):
            return NotImplemented
        return self.kind == other.kind and self.phrase == other.phrase and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.kind, self.phrase, self.value))


@dataclass(slots=True, eq=False)
class Hit:
    """An entry found in a text; `start`/`end` index the matching form, `span` the cleaned text.

    Treat it as immutable (use dataclasses.replace). Not frozen, and its methods written out,
    because an article makes 100-200 of them: compiled, these build and hash natively, where
    the ones dataclasses writes run as Python. The span is mapped on demand (few hits need it).
    """

    entry: Entry
    start: int
    end: int
    kind: str  # the entry's kind, kept on the hit because every rule asks for it
    derived: Derived = field(repr=False)  # not compared

    def __init__(self, entry: Entry, start: int, end: int, kind: str, derived: Derived) -> None:
        self.entry, self.start, self.end, self.kind, self.derived = entry, start, end, kind, derived

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (
            self.start == other.start
            and self.end == other.end
            and self.kind == other.kind
            and self.entry == other.entry
        )

    def __hash__(self) -> int:
        return hash((self.entry, self.start, self.end, self.kind))

    @property
    def span(self) -> Span:
        """Where the hit stands in the cleaned text."""
        return self.derived.source_span(self.start, self.end)


def _bare_hits() -> bool:
    """Whether a Hit can be made without its __init__ (`_find_bounded`): not when this module is
    compiled (mypyc), whose classes refuse object.__new__ and build fast anyway."""
    try:
        object.__new__(Hit)
    except TypeError:
        return False
    return True


_BARE_HITS: Final = _bare_hits()


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
                if form.startswith("ال") and len(form) > 3:  # ل + الجيش -> للجيش, ل + اللواء -> للواء
                    lam_form = form[2:] if form.startswith("الل") else form[1:]
                    _add_once(grouped.setdefault((lam_form, wildcard, True), []), entry)
        by_key: dict[str, list[_Key]] = {}
        for (key, wildcard, lam), group in grouped.items():
            by_key.setdefault(key, []).append(_Key(tuple(group), wildcard, lam))
        self._by_key = {key: tuple(variants) for key, variants in by_key.items()}
        self._size = len(by_key)
        self._general: ahocorasick.Automaton | None = None  # built on first need (see `find`)
        self._plans_of: list[dict[tuple[str, bool, bool], tuple[tuple[Entry, bool], ...]]] = []
        self._bounded = _bounded_automaton(self._by_key)  # None when some key needs the general path

    def __len__(self) -> int:
        return self._size

    def find(self, derived: Derived) -> list[Hit]:
        """Every word-bounded hit in `derived.text`, in text order (overlaps kept)."""
        if not self._size:
            return []
        if self._bounded is None or any(mark in derived.text for mark in _MARKS):
            return self._find_general(derived)
        return _find_bounded(self._bounded, derived)

    def _find_general(self, derived: Derived) -> list[Hit]:
        """`find` for any text: every automaton hit tested against the word spans of the text."""
        if self._general is None:
            self._general = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for key, variants in self._by_key.items():
                wildcard = any(v.wildcard for v in variants)
                self._general.add_word(key, (len(key), variants, wildcard, len(self._plans_of)))
                self._plans_of.append({})
            self._general.make_automaton()
        text = derived.text
        spans = [m.span() for m in _WORD.finditer(text)]
        starts = [a for a, _ in spans]
        plans_of = self._plans_of
        hits: list[Hit] = []
        for last, value in self._general.iter(text):
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
            plans, plan_key = plans_of[index], (prefix, at_word_end, accusative)
            plan = plans.get(plan_key)
            if plan is None:
                plan = plans[plan_key] = _plan(variants, *plan_key)
            for entry, wide in plan:
                hits.append(Hit(entry, start, word_end if wide else end, entry.kind, derived))
        hits.sort(key=_END, reverse=True)  # two stable sorts: by start, then longest first
        hits.sort(key=_START)
        return hits


def _bounded_automaton(by_key: dict[str, tuple[_Key, ...]]) -> ahocorasick.Automaton | None:
    """The keys with the end of their word spelled out ("قصف ", "قصفا "), to run over text whose
    non-word characters are spaces: a hit inside a word is never reported. None when a key starts
    with a non-word character or a wildcard ends with one (the general path handles those)."""
    parts_of: dict[str, list[_Part]] = {}
    for key, variants in by_key.items():
        wildcard = any(v.wildcard for v in variants)
        if _NON_WORD.match(key[0]) or (wildcard and _NON_WORD.match(key[-1])):
            return None
        if _NON_WORD.match(key[-1]):
            continue  # it never ends at a word end, so it never matches
        spaced = _NON_WORD.sub(" ", key)
        check = key if " " in spaced else None  # a space of the text may stand for punctuation
        if wildcard:
            tails = [_OPEN]
        elif any(e.kind not in NAME_KINDS for v in variants for e in v.entries):
            tails = [_AT_END, _ACCUSATIVE]
        else:
            tails = [_AT_END]  # names take no accusative alef
        # A key that stands only after ل (للرقة) is spelled with it, so no الرقة reports it.
        lam = "ل" if all(v.lam_variant for v in variants) else ""
        for tail in tails:
            suffix = ("", " ", "ا ")[tail]
            plans: _Plans = ({}, {}, {})  # per tail (fixed but for an open key), then per prefix
            parts_of.setdefault(lam + spaced + suffix, []).append((len(key), len(suffix), tail, check, variants, plans))
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for spelled, parts in parts_of.items():
        automaton.add_word(spelled, tuple(sorted(parts, key=itemgetter(0))))
    if parts_of:
        automaton.make_automaton()
    return automaton


def _find_bounded(automaton: ahocorasick.Automaton, derived: Derived) -> list[Hit]:
    """`Matcher.find` over the matching form: only the clitic prefix is left to test per hit."""
    text = derived.text
    spaced = derived.words_only + " "  # the non-word characters as spaces (shared with the sentence tokens)
    if "_" in spaced:
        spaced = spaced.replace("_", " ")
    size = len(text) + 2
    bits = size.bit_length()  # of each position packed into a hit's order
    new, bare = object.__new__, _BARE_HITS
    hits: list[Hit] = []
    order: list[int] = []  # (start, -end, end of the key) of each hit, packed in one number to sort by
    for found in automaton.iter(spaced):
        # typed, so that compiled the pair unpacks natively and the arithmetic below is native, not generic
        last, parts = cast(tuple[int, tuple[_Part, ...]], found)
        for length, drop, tail, check, variants, by_tail in parts:
            end = last + 1 - drop
            start = end - length
            if check is not None and text[start:end] != check:
                continue
            if start and spaced[start - 1] != " ":
                word_start = spaced.rfind(" ", start - 5 if start > 5 else 0, start) + 1
                if start - word_start > 4:
                    continue  # no clitic string is that long
                prefix = text[word_start:start]
            else:
                prefix = ""
            if tail == _OPEN:
                tail = _AT_END if spaced[end] == " " else _ACCUSATIVE if spaced[end : end + 2] == "ا " else _OPEN
            plans = by_tail[tail]
            plan = plans.get(prefix)
            if plan is None:
                plan = plans[prefix] = _kind_plan(variants, prefix, tail == _AT_END, tail == _ACCUSATIVE)
            if not plan:
                continue
            word_end = end if tail == _AT_END else end + 1 if tail == _ACCUSATIVE else spaced.find(" ", end)
            at = start << bits
            for entry, wide, kind in plan:
                stop = word_end if wide else end
                if bare:  # what Hit(...) does, without the call to __init__ (a third of the cost)
                    hit = new(Hit)
                    hit.entry, hit.start, hit.end, hit.kind, hit.derived = entry, start, stop, kind, derived
                else:
                    hit = Hit(entry, start, stop, kind, derived)
                hits.append(hit)  # not a bound method kept in a local: compiled, that is a generic call
                order.append(((at + size - stop) << bits) + end)  # start, then the longest, then the key's end
    # Each hit's index packed below its order: a sort of plain ints, no key calls. Shifts, not
    # products: compiled, a shift stays native while it fits in 63 bits, a product of large ints does not.
    shift = len(hits).bit_length()
    keyed = [(o << shift) + i for i, o in enumerate(order)]
    keyed.sort()
    mask = (1 << shift) - 1
    return [hits[k & mask] for k in keyed]


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
    reach_starts, reach_ends = [-1] * len(layers), [-1] * len(layers)  # per layer, as in drop_contained
    kept: list[Hit] = []
    for h in hits:
        layer = layer_of.get(h.kind)
        if layer is not None:
            start, end = h.start, h.end
            reach_end = reach_ends[layer]
            if end > reach_end:
                reach_starts[layer], reach_ends[layer] = start, end
            elif reach_starts[layer] <= start and reach_end - reach_starts[layer] > end - start:
                continue  # strictly inside a longer hit of its layer
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


def _kind_plan(
    variants: tuple[_Key, ...], prefix: str, at_word_end: bool, accusative: bool
) -> tuple[tuple[Entry, bool, str], ...]:
    """`_plan` with each entry's kind alongside, as `_find_bounded` builds its hits from it."""
    return tuple((entry, wide, entry.kind) for entry, wide in _plan(variants, prefix, at_word_end, accusative))


def _prefix_ok(prefix: str, lam_variant: bool, kind: str) -> bool:
    if lam_variant:
        return prefix in LAM_PREFIXES
    return prefix in (NAME_PREFIXES if kind in NAME_KINDS else ARTICLE_PREFIXES)
