"""Segment stage: cleaned articles -> paragraphs, sentences and tokens as spans of the text.

Sentences end at . ! ? ؟ … (or a line break) followed by space; a full stop inside a number or
after a one-letter abbreviation (د. م.) does not end one. Commas (، ,) never do: Arabic news
chains many clauses with them.
"""

from __future__ import annotations

import re
from typing import Final

import pyarrow as pa

from eventlake.schema import SENTENCE
from eventlake.text import Span, make_span

_PARAGRAPH_BREAK: Final = re.compile(r"\n\s*\n")
# (?:[.!?؟…]+|\n)[\"'”»)\]]*(?=\s|$), spelled to start with one character class: a far faster search.
_SENTENCE_END: Final = re.compile(r"[.!?؟…\n](?:(?<=\n)|(?<=[.!?؟…])[.!?؟…]*)[\"'”»)\]]*(?=\s|$)")
_END_MARKS: Final = ".!?؟…\n"  # the class _SENTENCE_END starts with
_TOKEN: Final = re.compile(r"[^\W_]+(?:[\u064B-\u0652\u0670\u0640]+[^\W_]*)*", re.UNICODE)
_ABBREVIATION: Final = re.compile(r"(?:^|[\s(«\"“])[^\W\d_]$", re.UNICODE)  # "د.", "(م. ع)"


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans, separated by blank lines, trimmed of surrounding whitespace."""
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, start, m.start()))
        start = m.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def split_sentences(text: str, within: Span | None = None) -> list[Span]:
    """Sentence spans inside `within` (default: the whole text), trimmed, never empty."""
    lo, hi = within if within is not None else (0, len(text))
    spans: list[Span] = []
    start = searched = lo
    for at in _end_marks(text, lo, hi):  # what finditer would find, tried only where a match can start
        if at < searched:
            continue
        m = _SENTENCE_END.match(text, at, hi)
        if m is None:
            continue
        searched = m.end()
        if _is_abbreviation(text, lo, m.start()):
            continue
        spans.extend(_trimmed(text, start, m.end()))
        start = m.end()
    spans.extend(_trimmed(text, start, hi))
    return spans


def _end_marks(text: str, lo: int, hi: int) -> list[int]:
    """Where a sentence end may start, in order: str.find skips to each mark far faster than the
    regex engine tests every character against the marks' class."""
    found = []
    for mark in _END_MARKS:
        at = text.find(mark, lo, hi)
        while at >= 0:
            found.append(at)
            at = text.find(mark, at + 1, hi)
    found.sort()
    return found


def tokenize(text: str, within: Span | None = None) -> list[Span]:
    """Word tokens (letters and digits, marks and tatweel kept inside) as spans."""
    lo, hi = within if within is not None else (0, len(text))
    return [make_span(m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]


def sentence_spans(text: str) -> list[tuple[Span, int]]:
    """Every sentence with the index of its paragraph, in text order."""
    return [
        (sentence, index)
        for index, paragraph in enumerate(split_paragraphs(text))
        for sentence in split_sentences(text, paragraph)
    ]


def segment_articles(articles: pa.Table) -> pa.Table:
    """Add `sentences` (list of start/end/paragraph) and `n_sentences` to a cleaned batch."""
    table, found = count_sentences(articles)
    sentences = [[{"start": s.start, "end": s.end, "paragraph": p} for s, p in spans] for spans in found]
    return _set_column(table, "sentences", pa.array(sentences, pa.list_(SENTENCE)))


def count_sentences(articles: pa.Table) -> tuple[pa.Table, list[list[tuple[Span, int]]]]:
    """Add `n_sentences` to a cleaned batch, and return each row's `sentence_spans` alongside:
    a stage in the same process takes them as they are, not through an Arrow column."""
    found = [sentence_spans(text or "") for text in articles.column("text").to_pylist()]
    counts = pa.array([len(spans) for spans in found], pa.int32())
    return _set_column(articles, "n_sentences", counts), found


def _set_column(table: pa.Table, name: str, values: pa.Array) -> pa.Table:
    index = table.schema.get_field_index(name)
    if index >= 0:
        return table.set_column(index, name, values)
    return table.append_column(name, values)


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    piece = text[start:end]  # str's strips over a copy, not a one-letter string per character tested
    body = piece.lstrip()
    start += len(piece) - len(body)
    end = start + len(body.rstrip())
    return [make_span(start, end)] if end > start else []


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    """A full stop after a lone letter ("د." for doctor) or between digits is not a sentence end."""
    if text[dot] != ".":
        return False
    if dot + 1 < len(text) and text[dot + 1].isdigit() and dot > lo and text[dot - 1].isdigit():
        return True
    return bool(_ABBREVIATION.search(text, max(lo, dot - 2), dot))
