"""A sentence seen through its lexicon hits: the shared view every extraction rule reads.

Distances are counted in tokens of the matching form, so "جنوب بلدة المنصورة" puts the
direction word two tokens before the place whatever the spelling.
"""

from __future__ import annotations

import re
from collections.abc import KeysView
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, cast

from eventlake.matcher import Hit
from eventlake.text import Derived, Span, int_bisect_left, int_bisect_right

_TOKEN: Final = re.compile(r"\w+", re.UNICODE)
_SPAN: Final = re.Match.span  # C-level, for map()
# "that" (matching form): it ends a source's description and opens what the source reports
# ("وأوضح المراسل أن المقاتلات الروسية ...").
THAT_WORDS: Final = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها"})
# Relative pronouns (matching form, ي not ى): "الذي اختطفه مسلحون" opens a clause about the one named.
RELATIVE_WORDS: Final = frozenset({"التي", "الذي", "اللتين", "الذين", "اللذين"})
OPEN_QUOTES: Final = '«"“'
CLOSE_QUOTES: Final = '»"”'
_QUOTE_MARK: Final = re.compile(f"[{re.escape(OPEN_QUOTES + CLOSE_QUOTES)}]")
_ARTICLES: Final = ("ال", "لل")  # the article, and ل before it (للقصف)
_LAMS: Final = ("ل", "لـ")  # before an outlet's quoted name: لـ«بغداد اليوم»


@dataclass
class SentenceHits:
    """The hits of one sentence, with token positions to measure how close two hits are."""

    source: str  # the cleaned text
    derived: Derived
    start: int  # in the matching form
    end: int
    span: Span  # in the cleaned text
    paragraph: int
    index: int
    hits: list[Hit]
    is_title: bool = False
    paragraph_start: bool = False
    # Not arguments (an article builds a dozen views; no factory calls): tokens found on first use,
    # hits grouped by kind in __init__.
    _token_starts: list[int] | None = field(default=None, init=False, repr=False)
    _token_ends: list[int] | None = field(default=None, init=False, repr=False)
    _by_kind: dict[str, list[Hit]] = field(init=False, repr=False)
    # The kinds present: a rule whose cue is absent can skip its lookups ("cue:x" in sentence.kinds).
    kinds: KeysView[str] = field(init=False, repr=False, compare=False)
    # Its open quotes (see `_open_quotes`), found on first use by `in_quotes` or `in_outlet_name`.
    _quotes: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __init__(
        self,
        source: str,
        derived: Derived,
        start: int,
        end: int,
        span: Span,
        paragraph: int,
        index: int,
        hits: list[Hit],
        is_title: bool = False,
        paragraph_start: bool = False,
    ) -> None:
        # Written out, not left to dataclasses (whose __init__ runs as Python even when compiled).
        self.source, self.derived, self.start, self.end, self.span = source, derived, start, end, span
        self.paragraph, self.index, self.hits = paragraph, index, hits
        self.is_title, self.paragraph_start = is_title, paragraph_start
        # Set here, not left to the class defaults: a class compiled by mypyc has no class-level
        # fallback for instance attributes.
        self._token_starts = self._token_ends = self._quotes = None
        by_kind: dict[str, list[Hit]] = {}
        self._by_kind = by_kind
        self.kinds = by_kind.keys()
        for hit in self.hits:
            group = by_kind.get(hit.kind)
            if group is None:
                by_kind[hit.kind] = [hit]
            else:
                group.append(hit)

    @property
    def text(self) -> str:
        """The sentence's matching form."""
        return self.derived.text[self.start : self.end]

    def of(self, kind: str) -> list[Hit]:
        return self._by_kind.get(kind, [])

    def has(self, kind: str) -> bool:
        return kind in self._by_kind

    def has_at(self, word: tuple[int, int] | int, kind: str) -> bool:
        """A hit of `kind` overlaps the word (given as its range, or a position inside it)."""
        hits = self._by_kind.get(kind)
        if not hits:
            return False  # most kinds are absent: no generator to run
        a, b = word if isinstance(word, tuple) else (word, word + 1)
        return any(h.start < b and a < h.end for h in hits)

    def tokens_between(self, left: Hit, right: Hit) -> int:
        """How many tokens lie strictly between the end of `left` and the start of `right`."""
        if left.end > right.start:
            return -1
        starts = self._starts()
        return int_bisect_left(starts, right.start) - int_bisect_left(starts, left.end)

    def preceded_by(self, hit: Hit, kind: str, *, within: int) -> Hit | None:
        """The nearest `kind` hit ending before `hit` with at most `within` tokens between."""
        others = self._by_kind.get(kind)
        if not others:
            return None
        start = hit.start
        best = None
        best_end = -1
        for other in others:  # the first that ends nearest: the fewer tokens between, the later the end
            end = other.end
            if best_end < end <= start:
                best, best_end = other, end
        if best is None:
            return None
        starts = self._token_starts or self._starts()
        at = int_bisect_right(starts, start) - 1  # the hit's own token, clitics (والانفجارات) included
        return best if at - int_bisect_left(starts, best_end) <= within else None

    def followed_by(self, hit: Hit, kind: str, *, within: int) -> Hit | None:
        """The nearest `kind` hit starting after `hit` with at most `within` tokens between."""
        others = self._by_kind.get(kind)
        if not others:
            return None
        end = hit.end
        for other in others:
            if other.start >= end:  # tokens are found only once a candidate is (many sentences need none)
                starts = self._token_starts or self._starts()
                if int_bisect_right(starts, other.start) - 1 - int_bisect_left(starts, end) <= within:
                    return other
        return None

    def source_word(self, start: int, end: int) -> str:
        """The cleaned-text spelling of a matching-form token (number words need ة and أ)."""
        return self.derived.source_span(start, end).slice(self.source)

    def is_definite(self, hit: Hit) -> bool:
        """The word carries the article (القصف, بالقذائف, للاشتباكات): it often points back."""
        text, start = self.derived.text, hit.start
        # The word's clitics end in ال or لل when the two letters before the hit are those (both letters,
        # so inside the word); no need to walk back to the word's start.
        return (start - 2 >= self.start and text[start - 2 : start] in _ARTICLES) or text.startswith("ال", start)

    def words_after(self, pos: int, count: int) -> list[tuple[int, int]]:
        """Up to `count` token ranges (matching-form indices) starting at or after `pos`."""
        if pos < self.start:
            return _tokens(self.derived.text, pos, self.end)[:count]
        starts = self._token_starts or self._starts()
        ends = cast(list[int], self._token_ends)  # set by `_starts`
        # the first token that ends past `pos` (it may start before)
        i = int_bisect_right(ends, pos)
        out = [(starts[k], ends[k]) for k in range(i, min(i + count, len(starts)))]  # tuples only for these
        if out and out[0][0] < pos:
            out[0] = (pos, out[0][1])
        return out

    def words_before(self, pos: int, count: int) -> list[tuple[int, int]]:
        """Up to `count` token ranges ending at or before `pos`, nearest first."""
        if pos > self.end:
            return _tokens(self.derived.text, self.start, pos)[::-1][:count]
        starts = self._token_starts or self._starts()
        ends = cast(list[int], self._token_ends)  # set by `_starts`
        i = int_bisect_left(starts, pos)  # tokens before it start before `pos`
        first = i - count if i > count else 0
        out = [(starts[k], ends[k]) for k in range(i - 1, first - 1, -1)]  # nearest first
        if out and out[0][1] > pos:  # the last may end after `pos`
            out[0] = (out[0][0], pos)
        return out

    def that_before(self, pos: int, reach: int) -> int | None:
        """Where the nearest "أن" (or "بأن", "إنه" ...) within `reach` words before `pos` starts:
        what follows it is what a speaker tells."""
        text = self.derived.text
        return next((a for a, b in self.words_before(pos, reach) if text[a:b] in THAT_WORDS), None)

    def word_before(self, pos: int) -> str:
        """The whole word before the one `pos` stands in, past its clitics and article (matching form)."""
        words = [(a, b) for a, b in self.words_before(pos, 2) if b < pos]
        return self.derived.text[words[0][0] : words[0][1]] if words else ""

    def _starts(self) -> list[int]:
        """Token starts (and, alongside, ends) of the sentence, found on first use."""
        if self._token_starts is None:
            self._token_starts, self._token_ends = _word_bounds(self.derived, self.start, self.end)
        return self._token_starts


@lru_cache(maxsize=16)
def _quotes_after_lam(source: str) -> bool:
    """Whether an opening quote follows "ل" or "لـ" anywhere in the article (asked once per article)."""
    for mark in OPEN_QUOTES:  # a find per mark (most articles have few), not a scan per mark and "ل"
        at = source.find(mark)
        while at >= 0:
            if source.endswith(_LAMS, 0, at):
                return True
            at = source.find(mark, at + 1)
    return False


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return list(map(_SPAN, _TOKEN.finditer(text, start, end)))


def _word_bounds(derived: Derived, start: int, end: int) -> tuple[list[int], list[int]]:
    """The starts and ends of `_tokens` of a sentence: its slice of the words of the whole text,
    found once (`Derived.word_bounds`), cut at the sentence's ends. No tuple per token: pairs are
    made only for the few tokens a rule asks for."""
    if start >= end:
        return [], []
    starts, ends = derived.word_bounds
    first, last = int_bisect_right(ends, start), int_bisect_left(starts, end)  # the words that overlap it
    starts, ends = starts[first:last], ends[first:last]
    if starts and starts[0] < start:
        starts[0] = start  # a word the sentence cuts (no space at the cut)
    if ends and ends[-1] > end:
        ends[-1] = end
    return starts, ends


def in_quotes(sentence: SentenceHits, hit: Hit) -> bool:
    """Between an opening quote mark and its close, in the cleaned text."""
    return _quoted(sentence, hit, 0)


def in_outlet_name(sentence: SentenceHits, hit: Hit) -> bool:
    """Inside a quoted outlet name after "لـ" ("قال مسؤول لـ«بغداد اليوم»"): neither a place nor a date."""
    if not _quotes_after_lam(sentence.source):
        return False  # the article has no "لـ«" anywhere (most): no slicing for each of its hits
    return _quoted(sentence, hit, 1)


def _quoted(sentence: SentenceHits, hit: Hit, which: int) -> bool:
    """Whether the hit stands in one of the sentence's open quotes (`which` 0) or in one opened
    right after "ل" or "لـ" (1); see `_open_quotes`."""
    if hit.start >= sentence.end:  # past the sentence: the marks after it count too
        at = hit.span.start
        quotes = _open_quotes(sentence.source, Span(sentence.span.start, max(at, sentence.span.start)))[which]
    else:
        if sentence._quotes is None:
            sentence._quotes = _open_quotes(sentence.source, sentence.span)
        quotes = sentence._quotes[which]
        if not quotes:
            return False  # no such quote in the sentence (most): the hit's span is not needed
        at = hit.span.start
    return any(a < at <= b for a, b in quotes)


def _open_quotes(source: str, span: Span) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where a hit starting in `span` of the cleaned text stands in an open quote: past an opening
    mark `a`, up to and including the next mark of either kind `b`; all such (a, b), and those
    with "ل" or "لـ" before the mark. Found once per sentence, not by slicing its text for each hit."""
    marks = [m.start() for m in _QUOTE_MARK.finditer(source, span.start, span.end)]
    quotes: list[tuple[int, int]] = []
    outlets: list[tuple[int, int]] = []
    for i, a in enumerate(marks):
        if source[a] in OPEN_QUOTES:
            quotes.append((a, marks[i + 1] if i + 1 < len(marks) else span.end))
            if source[span.start : a].endswith(("ل", "لـ")):
                outlets.append(quotes[-1])
    return quotes, outlets
