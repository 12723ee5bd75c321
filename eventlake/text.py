"""Text with offsets: spans into the cleaned text and derived strings that map back to it.

The cleaned article text is the one string every offset points into. Normalising steps
return a new string *and* a map from each of its characters to a source index, so a match
found in the matching form can always be turned back into a span of the cleaned text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from eventlake.errors import OffsetError


class Span(NamedTuple):
    """Half-open `[start, end)` code-point range into the cleaned text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:  # type: ignore[override]
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Derived:
    """A string derived from a source text, with `to_source[i]` the source index of `text[i]`."""

    text: str
    to_source: tuple[int, ...]
    source_len: int

    def source_span(self, start: int, end: int) -> Span:
        """Map a half-open range of the derived text back to the smallest covering source span."""
        if not 0 <= start < end <= len(self.text):
            raise OffsetError("range outside the derived text", span=(start, end))
        return Span(self.to_source[start], self.to_source[end - 1] + 1)

    def derived_index(self, source_index: int) -> int:
        """First derived index whose source index is at or after `source_index`."""
        from bisect import bisect_left

        return bisect_left(self.to_source, source_index)


CharRule = Callable[[str], str]


def identity(text: str) -> Derived:
    """The trivial derivation, the start of every chain."""
    return Derived(text, tuple(range(len(text))), len(text))


def map_chars(derived: Derived, rule: CharRule) -> Derived:
    """Apply a per-character rule (a char may become '', itself, or several chars) keeping the map."""
    out: list[str] = []
    to_source: list[int] = []
    for ch, src in zip(derived.text, derived.to_source, strict=True):
        new = rule(ch)
        if new:
            out.append(new)
            to_source.extend([src] * len(new))
    return Derived("".join(out), tuple(to_source), derived.source_len)


def check_span(text: str, span: Span, expected: str | None = None, *, article_id: str | None = None) -> None:
    """Raise OffsetError unless `span` is a non-empty range in `text` (slicing to `expected`)."""
    if not 0 <= span.start < span.end <= len(text):
        raise OffsetError(f"outside text of length {len(text)}", article_id=article_id, span=span)
    if expected is not None and text[span.start : span.end] != expected:
        raise OffsetError("does not slice to its stored text", article_id=article_id, span=span)


def spans_in_order(spans: Iterable[Span]) -> bool:
    """True when spans are sorted and do not overlap (what segmenters must produce)."""
    last_end = -1
    for s in spans:
        if s.start < last_end or s.end <= s.start:
            return False
        last_end = s.end
    return True
