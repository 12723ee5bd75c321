"""One thin Prefect task per stage: a call into eventlake, a log line of counts, a return."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from eventlake import (
    clean,
    cluster,
    extract,
    fetch,
    incremental,
    ingest,
    lexicons,
    report,
    schema,
    segment,
    tables,
    write,
)
from eventlake.validate import Outcome, Validator, raise_for_critical

STAGE = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="load-lexicon", **STAGE)
def load_lexicon_task(data_dir: Path) -> tuple[lexicons.Lexicon, lexicons.Boilerplate]:
    lex = lexicons.load_lexicon(data_dir)
    boiler = lexicons.load_boilerplate(data_dir / "lexicons" / "boilerplate.yaml")
    get_run_logger().info("lexicon %s loaded: %d phrases", lex.version, len(lex.matcher))
    return lex, boiler


@task(name="known-articles", **STAGE)
def known_task(lake: Path) -> pa.Table:
    return write.read_lake_table(lake, "articles", columns=incremental.KNOWN_COLUMNS)


@task(name="fetch", **STAGE)
def fetch_task(
    feeds: list[str], urls: list[str], known: pa.Table, lake: Path, options: fetch.FetchOptions
) -> fetch.FetchResult:
    result = fetch.fetch_inputs(
        feeds=feeds,
        urls=urls,
        known_urls=incremental.known_urls(known),
        validators=write.read_http_validators(lake),
        options=options,
    )
    get_run_logger().info(
        "fetch: %d URLs, %d not modified, %d links already in the lake, %d rejects",
        result.fetched,
        result.not_modified,
        result.skipped,
        result.rejects.num_rows,
    )
    return result


@task(name="ingest", **STAGE)
def ingest_task(
    paths: list[str],
    published_at: datetime | None,
    documents: list[ingest.Document],
    lake: Path,
    run_id: str,
    ingested_at: datetime,
) -> ingest.IngestResult:
    # Original bytes go to the raw store as they are read, and provenance before any article is written.
    store = write.RawStore(lake)
    result = ingest.read_inputs(
        [Path(p) for p in paths], published_at=published_at, documents=documents, keep_raw=store.put
    )
    write.write_raw_index(tables.fill_nulls(result.provenance, run_id=run_id, ingested_at=ingested_at), lake)
    get_run_logger().info(
        "ingest: %d articles, %d rejects, %d duplicates",
        result.articles.num_rows,
        result.rejects.num_rows,
        result.duplicates,
    )
    return result


@task(name="reread-raw", **STAGE)
def reread_task(lake: Path, known: pa.Table) -> ingest.IngestResult:
    wanted = incremental.documents_to_reread(write.read_lake_table(lake, "raw_index"), known)
    result = ingest.read_inputs([], documents=write.RawStore(lake).documents(wanted.to_pylist()))
    get_run_logger().info("reread: %d inputs, %d articles", wanted.num_rows, result.articles.num_rows)
    return result


@task(name="skip-known", **STAGE)
def skip_known_task(raw: pa.Table, known: pa.Table) -> tuple[pa.Table, int]:
    fresh, seen = incremental.unseen_articles(raw, known)
    get_run_logger().info("skip-known: %d new, %d already in the lake", fresh.num_rows, seen)
    return fresh, seen


@task(name="select-reprocess", **STAGE)
def reprocess_select_task(raw: pa.Table, known: pa.Table) -> pa.Table:
    todo = incremental.articles_to_reprocess(raw, known)
    get_run_logger().info("reprocess: %d of %d articles read again", todo.num_rows, raw.num_rows)
    return todo


@task(name="clean", **STAGE)
def clean_task(raw: pa.Table, boilerplate: lexicons.Boilerplate) -> tuple[pa.Table, pa.Table]:
    cleaned, rejects = clean.clean_articles(raw, boilerplate=boilerplate)
    get_run_logger().info("clean: %d kept, %d rejected", cleaned.num_rows, rejects.num_rows)
    return cleaned, rejects


@task(name="link-near-duplicates", **STAGE)
def link_task(cleaned: pa.Table, lake: Path, run_id: str, ingested_at: datetime) -> int:
    # Written before the batch's articles, like events: a rerun after a crash adds nothing twice.
    known = write.read_lake_table(lake, "signatures", columns=["article_id", "signature"])
    signatures = ingest.sign_articles(cleaned)
    links = ingest.link_near_duplicates(signatures, known)
    stamp = {"run_id": run_id, "ingested_at": ingested_at}
    write.write_near_duplicates(tables.fill_nulls(signatures, **stamp), tables.fill_nulls(links, **stamp), lake)
    get_run_logger().info("near-duplicates: %d pairs among %d articles", links.num_rows, cleaned.num_rows)
    return links.num_rows


@task(name="segment", **STAGE)
def segment_task(cleaned: pa.Table) -> pa.Table:
    return segment.segment_articles(cleaned)


@task(name="extract", **STAGE)
def extract_task(docs: pa.Table, lexicon: lexicons.Lexicon, run_id: str, version: str) -> pa.Table:
    events = extract.extract_events(docs, lexicon=lexicon, run_id=run_id, version=version)
    get_run_logger().info("extract: %d events from %d articles", events.num_rows, docs.num_rows)
    return events


@task(name="cluster", **STAGE)
def cluster_task(events: pa.Table) -> pa.Table:
    return cluster.assign_clusters(events)


@task(name="validate", **STAGE)
def validate_task(validator: Validator, articles: pa.Table, events: pa.Table) -> tuple[Outcome, Outcome]:
    checked_articles = validator.validate_articles(articles)
    # Events are checked against the articles that passed: a quarantined article's events
    # follow it into quarantine (article_in_batch fails) instead of pointing at nothing.
    checked_events = validator.validate_events(events, checked_articles.valid)
    for outcome in (checked_articles, checked_events):
        raise_for_critical(outcome)
    return checked_articles, checked_events


@task(name="write", **STAGE)
def write_task(lake: Path, articles: Outcome, events: Outcome) -> dict[str, int]:
    # Articles are written last: an article in the lake is the mark that its events and
    # quarantine rows are there too, so a run killed mid-batch redoes the batch.
    ids = articles.valid.column("article_id").to_pylist()
    events_written = write.write_events(events.valid, lake, article_ids=ids).rows_written
    for outcome in (articles, events):
        write.write_quarantine(outcome.quarantine, lake, table_name=outcome.table_name)
    articles_written = write.write_articles(articles.valid, lake).rows_written
    return {"articles_written": articles_written, "events_written": events_written}


@task(name="write-rejects", **STAGE)
def write_rejects_task(lake: Path, rejects: pa.Table) -> int:
    write.write_rejects(rejects, lake)
    return rejects.num_rows


@task(name="assemble-articles", **STAGE)
def articles_task(docs: pa.Table, run_id: str, ingested_at: datetime) -> pa.Table:
    return tables.conform(docs, schema.ARTICLES, run_id=run_id, ingested_at=ingested_at)


@task(name="collect-rejects", **STAGE)
def rejects_task(parts: list[pa.Table], run_id: str, rejected_at: datetime) -> pa.Table:
    filled = [tables.conform(p, schema.REJECTS) for p in parts]
    merged = pa.concat_tables(filled) if filled else schema.empty(schema.REJECTS)
    return tables.fill_nulls(merged, run_id=run_id, rejected_at=rejected_at)


@task(name="data-docs", **STAGE)
def docs_task(validator: Validator) -> Path | None:
    return validator.build_docs()


@task(name="save-validators", **STAGE)
def save_validators_task(lake: Path, validators: dict[str, dict[str, str]]) -> None:
    # Saved only after the run's writes: a run killed earlier fetches the same feeds in full again.
    if validators:
        write.write_http_validators(lake, validators)


@task(name="report", **STAGE)
def report_task(manifest: dict, written: list[pa.Table], lake: Path) -> Path:
    events = pa.concat_tables(written) if written else schema.empty(schema.EVENTS)
    return write.write_report(report.render_report(manifest, events), lake, manifest["run_id"])


@task(name="manifest", **STAGE)
def manifest_task(manifest: dict, lake: Path) -> Path:
    return write.write_manifest(manifest, lake)
