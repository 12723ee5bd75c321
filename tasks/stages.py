"""One thin Prefect task per stage: a call into eventlake, a log line of counts, a return."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from eventlake import clean, extract, incremental, ingest, lexicons, schema, segment, tables, write
from eventlake.validate import Outcome, Validator, raise_for_critical

STAGE = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="load-lexicon", **STAGE)
def load_lexicon_task(data_dir: Path) -> tuple[lexicons.Lexicon, lexicons.Boilerplate]:
    lex = lexicons.load_lexicon(data_dir)
    boiler = lexicons.load_boilerplate(data_dir / "lexicons" / "boilerplate.yaml")
    get_run_logger().info("lexicon %s loaded: %d phrases", lex.version, len(lex.matcher))
    return lex, boiler


@task(name="ingest", **STAGE)
def ingest_task(paths: list[str], published_at: datetime | None) -> ingest.IngestResult:
    result = ingest.read_inputs([Path(p) for p in paths], published_at=published_at)
    get_run_logger().info(
        "ingest: %d articles, %d rejects, %d duplicates",
        result.articles.num_rows,
        result.rejects.num_rows,
        result.duplicates,
    )
    return result


@task(name="skip-known", **STAGE)
def skip_known_task(raw: pa.Table, lake: Path) -> tuple[pa.Table, int]:
    known = write.read_lake_table(lake, "articles").select(["article_id", "content_hash"])
    fresh, seen = incremental.unseen_articles(raw, known)
    get_run_logger().info("skip-known: %d new, %d already in the lake", fresh.num_rows, seen)
    return fresh, seen


@task(name="clean", **STAGE)
def clean_task(raw: pa.Table, boilerplate: lexicons.Boilerplate) -> tuple[pa.Table, pa.Table]:
    cleaned, rejects = clean.clean_articles(raw, boilerplate=boilerplate)
    get_run_logger().info("clean: %d kept, %d rejected", cleaned.num_rows, rejects.num_rows)
    return cleaned, rejects


@task(name="segment", **STAGE)
def segment_task(cleaned: pa.Table) -> pa.Table:
    return segment.segment_articles(cleaned)


@task(name="extract", **STAGE)
def extract_task(docs: pa.Table, lexicon: lexicons.Lexicon, run_id: str, version: str) -> pa.Table:
    events = extract.extract_events(docs, lexicon=lexicon, run_id=run_id, version=version)
    get_run_logger().info("extract: %d events from %d articles", events.num_rows, docs.num_rows)
    return events


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


@task(name="manifest", **STAGE)
def manifest_task(manifest: dict, lake: Path) -> Path:
    return write.write_manifest(manifest, lake)
