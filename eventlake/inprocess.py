"""The pipeline's pure stages in one call, with no orchestrator: for evaluation and benchmarks.

The Prefect flow (flows/pipeline.py) runs the same stage functions and adds validation,
writing, retries and run records; this path stops at the events table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from eventlake import EXTRACTOR_VERSION
from eventlake.clean import clean_articles
from eventlake.extract import extract_events
from eventlake.ingest import read_inputs
from eventlake.lexicons import Boilerplate, Lexicon
from eventlake.segment import segment_articles


@dataclass(frozen=True)
class InProcessResult:
    articles: pa.Table
    events: pa.Table
    rejects: int


def run_in_process(
    paths: Sequence[Path | str],
    *,
    lexicon: Lexicon,
    boilerplate: Boilerplate,
    published_at: datetime | None = None,
) -> InProcessResult:
    """Ingest, clean, segment and extract `paths` in this process."""
    ingested = read_inputs(paths, published_at=published_at)
    cleaned, rejected = clean_articles(ingested.articles, boilerplate=boilerplate)
    docs = segment_articles(cleaned)
    events = extract_events(docs, lexicon=lexicon, run_id=None, version=EXTRACTOR_VERSION)
    return InProcessResult(docs, events, ingested.rejects.num_rows + rejected.num_rows)
