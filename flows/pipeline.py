"""The eventlake flows: fetch -> ingest -> clean -> link -> segment -> extract -> validate -> write, by batch.

`run_pipeline` reads files, feeds and URLs; `reprocess_pipeline` reads the lake's raw store
again with the current extractor. Both hold the lake's lock for their whole run.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from prefect import flow
from prefect.runtime import flow_run

import eventlake
from eventlake.fetch import FetchOptions
from eventlake.lexicons import DATA_DIR, Boilerplate, Lexicon
from eventlake.manifest import RunLog
from eventlake.tables import iter_batches
from eventlake.validate import Validator
from eventlake.write import lock_lake
from tasks.stages import (
    articles_task,
    clean_task,
    cluster_task,
    docs_task,
    extract_task,
    fetch_task,
    ingest_task,
    known_task,
    link_task,
    load_lexicon_task,
    manifest_task,
    rejects_task,
    report_task,
    reprocess_select_task,
    reread_task,
    save_validators_task,
    segment_task,
    skip_known_task,
    validate_task,
    write_rejects_task,
    write_task,
)


@flow(name="eventlake-run", log_prints=False)
def run_pipeline(
    inputs: list[str] | None = None,
    lake: str = "data/lake",
    published_at: datetime | None = None,
    data_dir: str | None = None,
    batch_size: int = 2000,
    feeds: list[str] | None = None,
    urls: list[str] | None = None,
    allow_networks: list[str] | None = None,
    fetch_timeout: float = 15.0,
    fetch_retries: int = 2,
    lock_wait: float = 0.0,
) -> dict:
    """Read `inputs` (files, directories), `feeds` and `urls`, and add their articles and events to `lake`."""
    inputs, feeds, urls = inputs or [], feeds or [], urls or []
    log, lake_path = _start(inputs + feeds + urls, lake)
    with lock_lake(lake_path, wait=lock_wait, command=f"eventlake run, flow run {log.run_id}"):
        lexicon, boilerplate = log.timed("load", load_lexicon_task, Path(data_dir or DATA_DIR))
        known = known_task(lake_path)
        options = FetchOptions(tuple(allow_networks or ()), timeout=fetch_timeout, retries=fetch_retries)
        fetched = log.timed("fetch", fetch_task, feeds, urls, known, lake_path, options)
        ingested = log.timed(
            "ingest", ingest_task, inputs, published_at, fetched.documents, lake_path, log.run_id, log.started
        )
        fresh, seen = log.timed("skip_known", skip_known_task, ingested.articles, known)
        log.count(read=ingested.articles.num_rows, duplicates=ingested.duplicates, known=seen)
        log.count(fetched=fetched.fetched, not_modified=fetched.not_modified, links_known=fetched.skipped)
        manifest = _stages(fresh, [fetched.rejects, ingested.rejects], log, lake_path, lexicon, boilerplate, batch_size)
        save_validators_task(lake_path, fetched.validators)
        manifest_task(manifest, lake_path)
    return manifest


@flow(name="eventlake-reprocess", log_prints=False)
def reprocess_pipeline(
    lake: str = "data/lake",
    data_dir: str | None = None,
    batch_size: int = 2000,
    lock_wait: float = 0.0,
) -> dict:
    """Read the lake's raw store again and replace each article's events with the current extractor's."""
    log, lake_path = _start([f"{lake}/raw"], lake)
    with lock_lake(lake_path, wait=lock_wait, command=f"eventlake reprocess, flow run {log.run_id}"):
        lexicon, boilerplate = log.timed("load", load_lexicon_task, Path(data_dir or DATA_DIR))
        known = known_task(lake_path)
        reread = log.timed("ingest", reread_task, lake_path, known)
        todo = log.timed("skip_known", reprocess_select_task, reread.articles, known)
        log.count(read=reread.articles.num_rows, duplicates=reread.duplicates, reprocessed=todo.num_rows)
        manifest = _stages(todo, [reread.rejects], log, lake_path, lexicon, boilerplate, batch_size)
        manifest_task(manifest, lake_path)
    return manifest


def _start(inputs: list[str], lake: str) -> tuple[RunLog, Path]:
    started = datetime.now(UTC)
    run_id = flow_run.get_id() or f"local-{started:%Y%m%dT%H%M%S}"
    return RunLog(run_id, started, inputs=inputs, lake=Path(lake)), Path(lake)


def _stages(
    fresh: pa.Table,
    rejects: list[pa.Table],
    log: RunLog,
    lake: Path,
    lexicon: Lexicon,
    boilerplate: Boilerplate,
    batch_size: int,
) -> dict:
    """clean, link, segment, extract, cluster, validate, write per batch; then rejects, docs, report."""
    run_id, started = log.run_id, log.started
    validator = Validator(docs_dir=lake / "docs" / "gx", run_name=run_id)
    written = []
    for batch in iter_batches(fresh, batch_size):
        cleaned, clean_rejects = log.timed("clean", clean_task, batch, boilerplate)
        log.count(near_duplicates=log.timed("link", link_task, cleaned, lake, run_id, started))
        docs = log.timed("segment", segment_task, cleaned)
        articles = articles_task(docs, run_id, started)
        events = log.timed("extract", extract_task, docs, lexicon, run_id, eventlake.EXTRACTOR_VERSION)
        events = log.timed("cluster", cluster_task, events)
        checked_articles, checked_events = log.timed("validate", validate_task, validator, articles, events)
        log.count(**log.timed("write", write_task, lake, checked_articles, checked_events))
        log.batch(articles, events, checked_articles, checked_events)
        written.append(checked_events.valid)
        rejects.append(clean_rejects)
    all_rejects = rejects_task(rejects, run_id, started)
    log.count(rejected=log.timed("write", write_rejects_task, lake, all_rejects))
    log.docs_index = log.timed("docs", docs_task, validator)
    manifest = log.manifest(lexicon.version)
    manifest["report"] = str(log.timed("docs", report_task, manifest, written, lake))
    return manifest


if __name__ == "__main__":
    import sys

    print(run_pipeline(sys.argv[1:]))
