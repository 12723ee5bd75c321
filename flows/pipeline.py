"""The eventlake flow: ingest -> clean -> segment -> extract -> validate -> write, batch by batch."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run

import eventlake
from eventlake.lexicons import DATA_DIR
from eventlake.manifest import RunLog
from eventlake.tables import iter_batches
from eventlake.validate import Validator
from tasks.stages import (
    articles_task,
    clean_task,
    docs_task,
    extract_task,
    ingest_task,
    load_lexicon_task,
    manifest_task,
    rejects_task,
    segment_task,
    skip_known_task,
    validate_task,
    write_rejects_task,
    write_task,
)


@flow(name="eventlake-run", log_prints=False)
def run_pipeline(
    inputs: list[str],
    lake: str = "data/lake",
    published_at: datetime | None = None,
    data_dir: str | None = None,
    batch_size: int = 2000,
) -> dict:
    """Read `inputs` (files, directories) and add their articles and events to `lake`."""
    started = datetime.now(UTC)
    run_id = flow_run.get_id() or f"local-{started:%Y%m%dT%H%M%S}"
    lake_path = Path(lake)
    log = RunLog(run_id, started, inputs=inputs, lake=lake_path)
    lexicon, boilerplate = log.timed("load", load_lexicon_task, Path(data_dir or DATA_DIR))
    ingested = log.timed("ingest", ingest_task, inputs, published_at)
    fresh, known = log.timed("skip_known", skip_known_task, ingested.articles, lake_path)
    log.count(read=ingested.articles.num_rows, duplicates=ingested.duplicates, known=known)
    validator = Validator(docs_dir=lake_path / "docs" / "gx", run_name=run_id)
    rejects = [ingested.rejects]
    for batch in iter_batches(fresh, batch_size):
        cleaned, clean_rejects = log.timed("clean", clean_task, batch, boilerplate)
        docs = log.timed("segment", segment_task, cleaned)
        articles = articles_task(docs, run_id, started)
        events = log.timed("extract", extract_task, docs, lexicon, run_id, eventlake.EXTRACTOR_VERSION)
        checked_articles, checked_events = log.timed("validate", validate_task, validator, articles, events)
        log.count(**log.timed("write", write_task, lake_path, checked_articles, checked_events))
        log.batch(articles, events, checked_articles, checked_events)
        rejects.append(clean_rejects)
    all_rejects = rejects_task(rejects, run_id, started)
    log.count(rejected=log.timed("write", write_rejects_task, lake_path, all_rejects))
    log.docs_index = log.timed("docs", docs_task, validator)
    manifest = log.manifest(lexicon.version)
    manifest_task(manifest, lake_path)
    return manifest


if __name__ == "__main__":
    import sys

    print(run_pipeline(sys.argv[1:]))
