"""Text with offsets: spans into the cleaned text and derived strings that map back to it.

The cleaned article text is the one string every offset points into. Normalising steps
return a new string *and* a map from each of its characters to a source index, so a match
found in the matching form can always be turned back into a span of the cleaned text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple

import numpy as np

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


@dataclass(eq=False)
class Derived:
    """A string derived from a source text, with `to_source[i]` the source index of `text[i]`.

    `to_source` is any increasing sequence: a tuple, a `range` when nothing moved, or `Kept`
    when characters were only dropped (both cost nothing per character to build). Treat as
    immutable; its words are found on first use and kept (a compiled class has no cached_property:
    mypyc makes it a plain property, found again at every use).
    """

    text: str
    to_source: Sequence[int]
    source_len: int
    # Every character besides the space that `words_only` turns into a space and `text` may hold,
    # when its maker knows them (the matching form's alphabet): a few replacements then beat a regex
    # that tests every character.
    non_word: tuple[str, ...] | None = field(default=None, repr=False)  # not compared
    _words_only: str | None = field(default=None, init=False, repr=False)
    _word_bounds: tuple[list[int], list[int]] | None = field(default=None, init=False, repr=False)

    def __init__(
        self,
        text: str,
        to_source: Sequence[int],
        source_len: int,
        non_word: tuple[str, ...] | None = None,
        words: tuple[str, tuple[list[int], list[int]]] | None = None,
    ) -> None:
        """`words`, when its maker found them with the text: `words_only` and `word_bounds`."""
        self.text, self.to_source, self.source_len, self.non_word = text, to_source, source_len, non_word
        self._words_only, self._word_bounds = words if words is not None else (None, None)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Derived):
            return NotImplemented
        return (self.text, self.to_source, self.source_len) == (other.text, other.to_source, other.source_len)

    def __hash__(self) -> int:
        return hash((self.text, self.to_source, self.source_len))

    @property
    def words_only(self) -> str:
        """`text` with each character that is not a word character (\\w: letter, digit, _) as a
        space: the runs of the rest are its words. Made once for the matcher and every sentence."""
        if self._words_only is None:
            self._words_only = self._find_words_only()
        return self._words_only

    def _find_words_only(self) -> str:
        if self.non_word is None:
            return _NON_WORD_OR_SPACE.sub(" ", self.text)
        text = self.text
        for ch in self.non_word:
            if ch in text:
                text = text.replace(ch, " ")
        return text

    @property
    def word_bounds(self) -> tuple[list[int], list[int]]:
        """Where each word of `words_only` starts and ends (a word: a run without spaces), found
        once for the whole text in array passes; a sentence takes its slice (see sentence.py)."""
        if self._word_bounds is None:
            codes = np.frombuffer(self.words_only.encode("utf-32-le"), dtype=np.uint32)  # a code point each
            edges = np.flatnonzero(np.diff((codes != 32).view(np.int8), prepend=0, append=0))
            self._word_bounds = edges[0::2].tolist(), edges[1::2].tolist()
        return self._word_bounds

    def source_span(self, start: int, end: int) -> Span:
        """Map a half-open range of the derived text back to the smallest covering source span."""
        if not 0 <= start < end <= len(self.text):
            raise OffsetError("range outside the derived text", span=(start, end))
        to_source = self.to_source
        if type(to_source) is Kept:  # indices checked above: skip its general __getitem__
            return _new_span(Span, (to_source.at(start), to_source.at(end - 1) + 1))
        return _new_span(Span, (to_source[start], to_source[end - 1] + 1))

    def derived_index(self, source_index: int) -> int:
        """First derived index whose source index is at or after `source_index`."""
        to_source = self.to_source
        if isinstance(to_source, Kept):
            return to_source.derived_index(source_index)
        if isinstance(to_source, range) and to_source.start == 0 and to_source.step == 1:
            return max(0, min(source_index, len(to_source)))  # nothing moved: the index, within the text
        return bisect_left(to_source, source_index)


class Kept(Sequence[int]):
    """The source index of each character left after dropping the characters at `deleted`.

    Stored as the deletions only: an article loses a few dozen marks, not a thousand offsets.
    """

    __slots__ = ("_deleted", "_len", "_shift")

    def __init__(self, deleted: Sequence[int], source_len: int):
        self._deleted = list(deleted)  # sorted source indices
        self._shift = [d - k for k, d in enumerate(self._deleted)]  # derived index of each deletion
        self._len = source_len - len(self._deleted)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._len)))
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError("Kept index out of range")
        return index + int_bisect_right(self._shift, index)

    def at(self, index: int) -> int:
        """`self[index]` for an index known to be in range (the hot path of `source_span`)."""
        return index + int_bisect_right(self._shift, index)

    def __iter__(self) -> Iterator[int]:
        deleted = iter(self._deleted)
        gap = next(deleted, None)
        source = 0
        for _ in range(self._len):
            while source == gap:
                source, gap = source + 1, next(deleted, None)
            yield source
            source += 1

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Sequence)
            and len(self) == len(other)
            and all(a == b for a, b in zip(self, other, strict=True))
        )

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Kept(deleted={self._deleted!r}, length={self._len})"

    def derived_index(self, source_index: int) -> int:
        """First derived index whose source index is at or after `source_index`."""
        return max(0, min(source_index, self._len + len(self._deleted))) - int_bisect_left(self._deleted, source_index)


def make_span(start: int, end: int) -> Span:
    """`Span(start, end)` without the Python-level `__new__` a NamedTuple runs (a frame per call,
    even from compiled code): for the hot paths that make one per sentence or token."""
    return _new_span(Span, (start, end))


def splits_words(ch: str) -> bool:
    """Whether `Derived.words_only` turns `ch` into a space (a non-word character other than the space)."""
    return _NON_WORD_OR_SPACE.fullmatch(ch) is not None


CharRule = Callable[[str], str]
_new_span: Final = tuple.__new__  # Span(a, b) without its Python-level __new__
_NON_WORD_OR_SPACE: Final = re.compile(r"[^\w ]")  # one negated class (fast) and the space left alone


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


# bisect's, written out: compiled, a native loop over a short list of ints beats a generic call to
# the C one (each probe of which compares two Python objects).
def int_bisect_left(a: list[int], x: int) -> int:
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def int_bisect_right(a: list[int], x: int) -> int:
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo
