"""A sentence seen through its lexicon hits: the shared view every extraction rule reads.

Distances are counted in tokens of the matching form, so "جنوب بلدة المنصورة" puts the
direction word two tokens before the place whatever the spelling.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from eventlake.matcher import Hit
from eventlake.text import Derived, Span

_TOKEN = re.compile(r"\w+", re.UNICODE)


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
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _by_kind: dict[str, list[Hit]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._token_starts = [m.start() for m in _TOKEN.finditer(self.derived.text, self.start, self.end)]
        for hit in self.hits:
            self._by_kind.setdefault(hit.kind, []).append(hit)

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
        a = bisect_left(self._token_starts, left.end)
        b = bisect_left(self._token_starts, right.start)
        return b - a

    def preceded_by(self, hit: Hit, kind: str, *, within: int) -> Hit | None:
        """The nearest `kind` hit ending before `hit` with at most `within` tokens between."""
        best = None
        for other in self.of(kind):
            if other.end <= hit.start:
                gap = self.tokens_between(other, hit)
                if 0 <= gap <= within and (best is None or other.end > best.end):
                    best = other
        return best

    def followed_by(self, hit: Hit, kind: str, *, within: int) -> Hit | None:
        """The nearest `kind` hit starting after `hit` with at most `within` tokens between."""
        for other in self.of(kind):
            if other.start >= hit.end and self.tokens_between(hit, other) <= within:
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
        out = []
        for m in _TOKEN.finditer(self.derived.text, pos, self.end):
            out.append((m.start(), m.end()))
            if len(out) == count:
                break
        return out

    def words_before(self, pos: int, count: int) -> list[tuple[int, int]]:
        """Up to `count` token ranges ending at or before `pos`, nearest first."""
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(self.derived.text, self.start, pos)]
        return spans[::-1][:count]
