"""A sentence seen through its lexicon hits: the shared view every extraction rule reads.

Distances are counted in tokens of the matching form, so "جنوب بلدة المنصورة" puts the
direction word two tokens before the place whatever the spelling.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from eventlake.matcher import Hit
from eventlake.text import Derived, Span

_TOKEN = re.compile(r"\w+", re.UNICODE)
_SPAN, _FIRST, _SECOND = re.Match.span, itemgetter(0), itemgetter(1)  # C-level, for map()


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
    _token_starts: list[int] | None = field(default=None, repr=False)  # found on first use
    _token_ends: list[int] = field(default_factory=list, repr=False)
    _by_kind: dict[str, list[Hit]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_kind = self._by_kind
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

    def tokens_between(self, left: Hit, right: Hit) -> int:
        """How many tokens lie strictly between the end of `left` and the start of `right`."""
        if left.end > right.start:
            return -1
        starts = self._starts()
        return bisect_left(starts, right.start) - bisect_left(starts, left.end)

    def preceded_by(self, hit: Hit, kind: str, *, within: int) -> Hit | None:
        """The nearest `kind` hit ending before `hit` with at most `within` tokens between."""
        others = self._by_kind.get(kind)
        if not others:
            return None
        starts = self._token_starts or self._starts()
        start = hit.start
        at = bisect_right(starts, start) - 1  # the hit's own token, clitics (والانفجارات) included
        best = None
        best_end = -1
        for other in others:
            end = other.end
            if end <= start and end > best_end and at - bisect_left(starts, end) <= within:
                best, best_end = other, end
        return best

    def followed_by(self, hit: Hit, kind: str, *, within: int) -> Hit | None:
        """The nearest `kind` hit starting after `hit` with at most `within` tokens between."""
        others = self._by_kind.get(kind)
        if not others:
            return None
        starts = self._starts()
        at = bisect_left(starts, hit.end)
        for other in others:
            if other.start >= hit.end and bisect_right(starts, other.start) - 1 - at <= within:
                return other
        return None

    def source_word(self, start: int, end: int) -> str:
        """The cleaned-text spelling of a matching-form token (number words need ة and أ)."""
        return self.derived.source_span(start, end).slice(self.source)

    def is_definite(self, hit: Hit) -> bool:
        """The word carries the article (القصف, بالقذائف, للاشتباكات): it often points back."""
        text = self.derived.text
        i = hit.start
        while i > self.start and text[i - 1].isalpha():
            i -= 1
        prefix = text[i : hit.start]
        return prefix.endswith("ال") or prefix.endswith("لل") or text.startswith("ال", hit.start)

    def words_after(self, pos: int, count: int) -> list[tuple[int, int]]:
        """Up to `count` token ranges (matching-form indices) starting at or after `pos`."""
        if pos < self.start:
            return _tokens(self.derived.text, pos, self.end)[:count]
        starts, ends = self._starts(), self._token_ends
        i = bisect_right(ends, pos)  # the first token that ends past `pos` (it may start before)
        out = list(zip(starts[i : i + count], ends[i : i + count], strict=True))
        if out and out[0][0] < pos:
            out[0] = (pos, out[0][1])
        return out

    def words_before(self, pos: int, count: int) -> list[tuple[int, int]]:
        """Up to `count` token ranges ending at or before `pos`, nearest first."""
        if pos > self.end:
            return _tokens(self.derived.text, self.start, pos)[::-1][:count]
        starts, ends = self._starts(), self._token_ends
        i = bisect_left(starts, pos)  # tokens before it start before `pos` (the last may end after)
        out = list(zip(starts[max(0, i - count) : i], ends[max(0, i - count) : i], strict=True))[::-1]
        if out and out[0][1] > pos:
            out[0] = (out[0][0], pos)
        return out

    def _starts(self) -> list[int]:
        """Token starts (and, alongside, ends) of the sentence, found on first use."""
        if self._token_starts is None:
            spans = _tokens(self.derived.text, self.start, self.end)
            self._token_starts = list(map(_FIRST, spans))
            self._token_ends = list(map(_SECOND, spans))
        return self._token_starts


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return list(map(_SPAN, _TOKEN.finditer(text, start, end)))
