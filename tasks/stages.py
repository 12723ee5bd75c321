"""One thin Prefect task per stage: a call into eventlake, a log line of counts, a return."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from eventlake import (
    fetch,
    incremental,
    ingest,
    lexicons,
    parallel,
    report,
    schema,
    tables,
    write,
)
from eventlake.validate import Outcome, Validator, raise_for_critical

STAGE = {"cache_policy": NO_CACHE, "persist_result": False}
T = TypeVar("T")


class Stream(Generic[T]):
    """An iterator in a box: Prefect exhausts a bare iterator passed to or returned from a task."""

    def __init__(self, items: Iterable[T]):
        self._items = iter(items)

    def next(self) -> T | None:
        return next(self._items, None)


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


@task(name="open-inputs", **STAGE)
def open_inputs_task(
    paths: list[str],
    published_at: datetime | None,
    documents: list[ingest.Document],
    lake: Path,
    known: pa.Table,
    batch_size: int,
) -> Stream[ingest.IngestResult]:
    # Inputs whose bytes the raw index already ties to the lake's current articles are not parsed again.
    index = write.read_lake_table(lake, "raw_index", columns=incremental.INDEX_COLUMNS)
    finished = incremental.finished_documents(index, known)
    get_run_logger().info("open-inputs: %d inputs already wholly in the lake", len(finished))
    return Stream(
        ingest.iter_inputs(
            [Path(p) for p in paths],
            batch_size=batch_size,
            published_at=published_at,
            documents=documents,
            keep_raw=write.RawStore(lake).put,  # original bytes go to the raw store as they are read
            skip=lambda digest, doc: finished.get((digest, ingest.document_meta(doc))),
        )
    )


@task(name="reread-raw", **STAGE)
def reread_task(lake: Path, known: pa.Table, batch_size: int) -> Stream[ingest.IngestResult]:
    wanted = incremental.documents_to_reread(write.read_lake_table(lake, "raw_index"), known)
    get_run_logger().info("reread: %d inputs", wanted.num_rows)
    documents = write.RawStore(lake).documents(wanted.to_pylist())
    return Stream(ingest.iter_inputs([], batch_size=batch_size, documents=documents))


@task(name="ingest", **STAGE)
def ingest_task(
    reader: Stream[ingest.IngestResult], writer: write.LakeWriter, run_id: str, ingested_at: datetime
) -> ingest.IngestResult | None:
    """The next batch of inputs; its provenance and rejects are held for the lake (None: no more)."""
    result = reader.next()
    if result is None:
        return None
    # Provenance is flushed before any article, so every article in the lake can be read again.
    writer.add("raw_index", tables.fill_nulls(result.provenance, run_id=run_id, ingested_at=ingested_at))
    writer.add("rejects", _stamped_rejects([result.rejects], run_id, ingested_at))
    get_run_logger().info(
        "ingest: %d articles, %d rejects, %d duplicates, %d in inputs already in the lake",
        result.articles.num_rows,
        result.rejects.num_rows,
        result.duplicates,
        result.skipped,
    )
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


@task(name="known-signatures", **STAGE)
def signatures_task(lake: Path) -> ingest.NearIndex:
    known = write.read_lake_table(lake, "signatures", columns=["article_id", "signature"])
    return ingest.NearIndex(known, spill_dir=lake)  # its files are unnamed: nothing shows in the lake


@task(name="link-near-duplicates", **STAGE)
def link_task(
    signatures: pa.Table, index: ingest.NearIndex, writer: write.LakeWriter, run_id: str, ingested_at: datetime
) -> int:
    """Links of a batch to the lake's and the run's earlier articles (the batch joins the index)."""
    links = index.link(signatures)
    # Flushed before the batch's articles, like events: a rerun after a crash adds nothing twice.
    stamp = {"run_id": run_id, "ingested_at": ingested_at}
    writer.add("signatures", tables.fill_nulls(signatures, **stamp))
    writer.add("near_duplicates", tables.fill_nulls(links, **stamp))
    get_run_logger().info("near-duplicates: %d pairs among %d articles", links.num_rows, signatures.num_rows)
    return links.num_rows


@task(name="process", **STAGE)
def process_task(results: Stream[parallel.Processed]) -> parallel.Processed | None:
    """The next batch through clean, sign, segment, extract and cluster (None: no more)."""
    done = results.next()
    if done is not None:
        get_run_logger().info(
            "process: %d articles kept, %d rejected, %d events", done.docs.num_rows, done.rejects.num_rows,
            done.events.num_rows,
        )  # fmt: skip
    return done


@task(name="new-validator", **STAGE)
def validator_task(lake: Path, run_id: str) -> Validator:
    # Built on the first batch with articles: importing Great Expectations takes seconds.
    return Validator(docs_dir=lake / "docs" / "gx", run_name=run_id)


@task(name="validate", **STAGE)
def validate_task(validator: Validator, articles: pa.Table, events: pa.Table) -> tuple[Outcome, Outcome]:
    checked_articles = validator.validate_articles(articles)
    # Events are checked against the articles that passed: a quarantined article's events
    # follow it into quarantine (article_in_batch fails) instead of pointing at nothing.
    checked_events = validator.validate_events(events, checked_articles.valid)
    for outcome in (checked_articles, checked_events):
        raise_for_critical(outcome)
    return checked_articles, checked_events


@task(name="hold", **STAGE)
def hold_task(writer: write.LakeWriter, articles: Outcome, events: Outcome, rejects: pa.Table) -> None:
    # Held, then flushed in an order that keeps a killed run safe (see write.LakeWriter).
    writer.add_batch(articles.valid, events.valid)
    for outcome in (articles, events):
        writer.add(f"{outcome.table_name}_quarantine", outcome.quarantine)
    writer.add("rejects", rejects)


@task(name="flush", **STAGE)
def flush_task(writer: write.LakeWriter, *, final: bool, mapper: write.Mapper = map) -> dict[str, int]:
    # The run's last flush also compacts the files its earlier flushes added (write.LakeWriter).
    written = writer.flush(final=final, mapper=mapper)
    get_run_logger().info("flush: %s", ", ".join(f"{n} {k}" for k, n in written.items() if n))
    return {"articles_written": written["articles"], "events_written": written["events"]}


@task(name="assemble-articles", **STAGE)
def articles_task(docs: pa.Table, run_id: str, ingested_at: datetime) -> pa.Table:
    return tables.conform(docs, schema.ARTICLES, run_id=run_id, ingested_at=ingested_at)


@task(name="collect-rejects", **STAGE)
def rejects_task(parts: list[pa.Table], run_id: str, rejected_at: datetime) -> pa.Table:
    return _stamped_rejects(parts, run_id, rejected_at)


@task(name="data-docs", **STAGE)
def docs_task(validator: Validator) -> Path | None:
    return validator.build_docs()


@task(name="save-validators", **STAGE)
def save_validators_task(lake: Path, validators: dict[str, dict[str, str]]) -> None:
    # Saved only after the run's writes: a run killed earlier fetches the same feeds in full again.
    if validators:
        write.write_http_validators(lake, validators)


@task(name="report", **STAGE)
def report_task(manifest: dict, events: pa.Table, lake: Path) -> Path:
    return write.write_report(report.render_report(manifest, events), lake, manifest["run_id"])


@task(name="manifest", **STAGE)
def manifest_task(manifest: dict, lake: Path) -> Path:
    return write.write_manifest(manifest, lake)


def _stamped_rejects(parts: list[pa.Table], run_id: str, rejected_at: datetime) -> pa.Table:
    filled = [tables.conform(p, schema.REJECTS) for p in parts]
    merged = pa.concat_tables(filled) if filled else schema.empty(schema.REJECTS)
    return tables.fill_nulls(merged, run_id=run_id, rejected_at=rejected_at)
