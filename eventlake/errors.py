"""Every error eventlake raises, grouped by what the caller can do about it.

EventlakeError
├── InputError          unreadable or unusable article (no text, bad encoding, bad date) -> rejects
├── LexiconError        malformed data file (lexicon, gazetteer)
├── OffsetError         span outside its text, empty, or not matching evidence_text
└── ExpectationsFailed  a critical Great Expectations check failed; carries the expectation names
"""

from __future__ import annotations


class EventlakeError(Exception):
    """Base class: catch this to catch anything eventlake raises on purpose."""


class InputError(EventlakeError):
    """One input record cannot be used; the batch goes on and the record becomes a reject."""

    def __init__(self, reason: str, *, path: str | None = None, article_id: str | None = None):
        self.reason = reason
        self.path = path
        self.article_id = article_id
        super().__init__(reason)


class LexiconError(EventlakeError):
    """A data file under data/ is malformed; names the file, the entry and the fix."""

    def __init__(self, reason: str, *, path: str, entry: str | None = None):
        self.reason = reason
        self.path = path
        self.entry = entry
        where = f"{path}: entry {entry!r}" if entry else path
        super().__init__(f"{where}: {reason}")


class OffsetError(EventlakeError):
    """A span does not point at the text it claims to; always a bug in eventlake."""

    def __init__(self, reason: str, *, article_id: str | None = None, span: tuple | None = None):
        self.article_id = article_id
        self.span = span
        super().__init__(f"article {article_id}: span {span}: {reason}")


class ExpectationsFailed(EventlakeError):
    """A critical expectation failed for a whole batch, so nothing from it may be written."""

    def __init__(self, table: str, expectations: list[str]):
        self.table = table
        self.expectations = list(expectations)
        names = ", ".join(self.expectations)
        super().__init__(
            f"{table}: critical expectation(s) failed: {names}; "
            f"see the validation report under LAKE/docs/ for the failing rows"
        )
