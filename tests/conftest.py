"""Shared fixtures: the real lexicon (loaded once) and helpers to analyse a short text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventlake.arabic import to_matching_form
from eventlake.extract import extract_article, sentence_views
from eventlake.lexicons import Lexicon, load_lexicon

REPO = Path(__file__).resolve().parent.parent
SEED_FILE = REPO / "tests" / "fixtures" / "ingest" / "000_19fc59f7b783f7d5.txt"
SAMPLES = REPO / "data" / "samples"


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def analyse(lexicon):
    """Sentence views of a text, so a rule can be tested on one inline sentence."""

    def _analyse(text: str, title: str = ""):
        return sentence_views(text, to_matching_form(text), title, lexicon)

    return _analyse


@pytest.fixture(scope="session")
def events_of(lexicon):
    """Event rows of an inline article (title first, as the clean stage lays it out)."""

    def _events(body: str, *, title: str = "", published: str = "2024-03-07T09:00:00+03:00"):
        text = f"{title}\n\n{body}" if title else body
        article = {
            "article_id": "t1",
            "text": text,
            "title": title,
            "published_at": datetime.fromisoformat(published).astimezone(UTC),
            "source": "test",
            "source_url": None,
        }
        return extract_article(article, lexicon=lexicon, run_id="test", version="test")

    return _events


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article as the clean stage gives it (furniture removed)."""
    from eventlake.clean import clean_text
    from eventlake.lexicons import load_boilerplate

    raw = SEED_FILE.read_text(encoding="utf-8")
    return clean_text(raw, boilerplate=load_boilerplate())
