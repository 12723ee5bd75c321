"""Gold sets: hand-coded events for articles we wrote, the yardstick `eventlake eval` measures with.

A split is a directory: `articles/*.json` (input records) and one or more `gold*.yaml` files
mapping each article id to its events and to sentences that must not become events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventlake.errors import LexiconError
from eventlake.lexicons import read_yaml
from eventlake.schema import SUB_EVENT_TO_TYPE

REQUIRED = ("event_type", "sub_event_type", "iso", "admin1", "event_date")


@dataclass(frozen=True)
class GoldArticle:
    article_id: str
    events: tuple[dict, ...]
    non_events: tuple[str, ...]

    @property
    def country(self) -> str | None:
        """The article's main country: the most frequent iso among its events (a tie goes to the
        first coded, so the report is the same on every run)."""
        isos = [e["iso"] for e in self.events]
        return max(isos, key=isos.count) if isos else None


@dataclass(frozen=True)
class GoldSet:
    name: str
    articles: dict[str, GoldArticle]
    inputs: Path  # the directory of input records, for `eventlake run`


def load_gold(split: Path) -> GoldSet:
    """Read and check one split (e.g. data/gold/dev)."""
    files = sorted(split.glob("gold*.yaml"))
    if not files:
        raise LexiconError("no gold*.yaml file in the gold directory", path=str(split))
    articles: dict[str, GoldArticle] = {}
    for path in files:
        for article_id, entry in (read_yaml(path) or {}).get("articles", {}).items():
            if str(article_id) in articles:
                raise LexiconError("article coded twice", path=str(path), entry=str(article_id))
            articles[str(article_id)] = _article(str(article_id), entry or {}, path)
    return GoldSet(split.name, articles, split / "articles")


def _article(article_id: str, entry: dict, path: Path) -> GoldArticle:
    events = tuple(_event(e, path, article_id) for e in entry.get("events") or [])
    return GoldArticle(article_id, events, tuple(entry.get("non_events") or []))


def _event(event: dict, path: Path, article_id: str) -> dict:
    missing = [k for k in REQUIRED if event.get(k) in (None, "")]
    if missing:
        raise LexiconError(f"event lacks {missing}", path=str(path), entry=article_id)
    if SUB_EVENT_TO_TYPE.get(event["sub_event_type"]) != event["event_type"]:
        raise LexiconError(
            f"{event['event_type']!r} / {event['sub_event_type']!r} is not an ACLED type pair",
            path=str(path),
            entry=article_id,
        )
    if not isinstance(event["event_date"], date):
        raise LexiconError("event_date must be a YYYY-MM-DD date", path=str(path), entry=article_id)
    return event
