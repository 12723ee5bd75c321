"""The eventlake flows: fetch -> ingest -> clean -> link -> segment -> extract -> validate -> write, by batch.

`run_pipeline` reads files, feeds and URLs; `reprocess_pipeline` reads the lake's raw store
again with the current extractor. Both hold the lake's lock for their whole run. Inputs are
read a batch at a time; the CPU-bound stages run in worker processes (eventlake.parallel), and
the lake's partitions are written once per flush (eventlake.write.LakeWriter), not per batch.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from prefect import flow
from prefect.runtime import flow_run

import eventlake
from eventlake import schema
from eventlake.fetch import FetchOptions
from eventlake.lexicons import DATA_DIR, Boilerplate, Lexicon
from eventlake.manifest import RunLog
from eventlake.parallel import StagePool
from eventlake.write import LakeWriter, Mapper, lock_lake
from tasks.stages import (
    Stream,
    articles_task,
    docs_task,
    fetch_task,
    flush_task,
    hold_task,
    ingest_task,
    known_task,
    link_task,
    load_lexicon_task,
    manifest_task,
    open_inputs_task,
    process_task,
    rejects_task,
    report_task,
    reprocess_select_task,
    reread_task,
    save_validators_task,
    signatures_task,
    skip_known_task,
    validate_task,
    validator_task,
)

DEFAULT_BATCH_SIZE = 5000
REPORT_EVENTS = 20_000  # events listed in a run's HTML report; the manifest counts them all


@flow(name="eventlake-run", log_prints=False)
def run_pipeline(
    inputs: list[str] | None = None,
    lake: str = "data/lake",
    published_at: datetime | None = None,
    data_dir: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    feeds: list[str] | None = None,
    urls: list[str] | None = None,
    allow_networks: list[str] | None = None,
    fetch_timeout: float = 15.0,
    fetch_retries: int = 2,
    lock_wait: float = 0.0,
    workers: int | None = None,
) -> dict:
    """Read `inputs` (files, directories), `feeds` and `urls`, and add their articles and events to `lake`.

    Inputs are read batch by batch as the stages go, so memory holds a few batches, not the
    corpus; `workers` processes (default: one per CPU) run the CPU-bound stages.
    """
    inputs, feeds, urls = inputs or [], feeds or [], urls or []
    log, lake_path = _start(inputs + feeds + urls, lake)
    with lock_lake(lake_path, wait=lock_wait, command=f"eventlake run, flow run {log.run_id}"):
        data = Path(data_dir or DATA_DIR)
        lexicon, boilerplate = log.timed("load", load_lexicon_task, data)
        known = known_task(lake_path)
        options = FetchOptions(tuple(allow_networks or ()), timeout=fetch_timeout, retries=fetch_retries)
        fetched = log.timed("fetch", fetch_task, feeds, urls, known, lake_path, options)
        log.count(fetched=fetched.fetched, not_modified=fetched.not_modified, links_known=fetched.skipped)
        reader = log.timed(
            "ingest", open_inputs_task, inputs, published_at, fetched.documents, lake_path, known, batch_size
        )
        stages = _Stages(log, lake_path, data, lexicon, boilerplate, _workers(workers))
        manifest = stages.run(reader, known, [fetched.rejects], select=_new_articles)
        save_validators_task(lake_path, fetched.validators)
        manifest_task(manifest, lake_path)
    return manifest


@flow(name="eventlake-reprocess", log_prints=False)
def reprocess_pipeline(
    lake: str = "data/lake",
    data_dir: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    lock_wait: float = 0.0,
    workers: int | None = None,
) -> dict:
    """Read the lake's raw store again and replace each article's events with the current extractor's."""
    log, lake_path = _start([f"{lake}/raw"], lake)
    with lock_lake(lake_path, wait=lock_wait, command=f"eventlake reprocess, flow run {log.run_id}"):
        data = Path(data_dir or DATA_DIR)
        lexicon, boilerplate = log.timed("load", load_lexicon_task, data)
        known = known_task(lake_path)
        reader = log.timed("ingest", reread_task, lake_path, known, batch_size)
        stages = _Stages(log, lake_path, data, lexicon, boilerplate, _workers(workers))
        manifest = stages.run(reader, known, [], select=_reprocess_select)
        manifest_task(manifest, lake_path)
    return manifest


def _start(inputs: list[str], lake: str) -> tuple[RunLog, Path]:
    started = datetime.now(UTC)
    run_id = flow_run.get_id() or f"local-{started:%Y%m%dT%H%M%S}"
    return RunLog(run_id, started, inputs=inputs, lake=Path(lake)), Path(lake)


def _workers(workers: int | None) -> int:
    return workers if workers is not None else os.cpu_count() or 1


def _new_articles(raw: pa.Table, known: pa.Table) -> tuple[pa.Table, dict[str, int]]:
    fresh, seen = skip_known_task(raw, known)
    return fresh, {"known": seen}


def _reprocess_select(raw: pa.Table, known: pa.Table) -> tuple[pa.Table, dict[str, int]]:
    todo = reprocess_select_task(raw, known)
    return todo, {"reprocessed": todo.num_rows}


@dataclass
class _Stages:
    """ingest -> (clean, sign, segment, extract, cluster in the pool) -> link -> validate -> hold, batch by batch."""

    log: RunLog
    lake: Path
    data_dir: Path
    lexicon: Lexicon
    boilerplate: Boilerplate
    workers: int
    report_events: list[pa.Table] = field(default_factory=list)

    def run(self, reader: Stream, known: pa.Table, rejects: list[pa.Table], *, select: Callable) -> dict:
        log, run_id, started = self.log, self.log.run_id, self.log.started
        writer = LakeWriter(self.lake)
        writer.add("rejects", rejects_task(rejects, run_id, started))
        log.count(rejected=sum(r.num_rows for r in rejects))
        near = signatures_task(self.lake)  # the lake's signatures, then each batch's
        validator = None
        pool = StagePool(
            data_dir=self.data_dir,
            lexicon=self.lexicon,
            boilerplate=self.boilerplate,
            run_id=run_id,
            workers=self.workers,
            version=eventlake.EXTRACTOR_VERSION,
        )
        with pool:
            batches = self._fresh(reader, known, writer, select)
            results = Stream(pool.imap(batches))
            while (done := log.timed("process", process_task, results)) is not None:
                log.worker_seconds.update(done.seconds)
                linked = log.timed("link", link_task, done.signatures, near, writer, run_id, started)
                articles = articles_task(done.docs, run_id, started)
                if validator is None:
                    validator = log.timed("validate", validator_task, self.lake, run_id)
                    _keep_out_of_collections()  # Great Expectations is imported now
                checked = log.timed("validate", validate_task, validator, articles, done.events)
                clean_rejects = rejects_task([done.rejects], run_id, started)
                log.timed("write", hold_task, writer, *checked, clean_rejects)
                log.count(near_duplicates=linked, rejected=done.rejects.num_rows)
                log.batch(articles, done.events, *checked)
                self._keep_for_report(checked[1].valid)
                if writer.full:
                    _flush(log, writer, final=False)
                _give_back_memory()
            log.workers = self.workers if pool.started else 1
            _flush(log, writer, final=True, mapper=pool.map)  # partitions on the workers
        log.docs_index = log.timed("docs", docs_task, validator) if validator is not None else None
        manifest = log.manifest(self.lexicon.version)
        events = pa.concat_tables(self.report_events) if self.report_events else schema.empty(schema.EVENTS)
        manifest["report"] = str(log.timed("docs", report_task, manifest, events, self.lake))
        return manifest

    def _fresh(self, reader: Stream, known: pa.Table, writer: LakeWriter, select: Callable) -> Iterator[pa.Table]:
        """Batches of articles the lake does not hold yet, read as the pool asks for them."""
        log = self.log
        while (ingested := log.timed("ingest", ingest_task, reader, writer, log.run_id, log.started)) is not None:
            fresh, counts = log.timed("skip_known", select, ingested.articles, known)
            log.count(
                read=ingested.articles.num_rows + ingested.skipped,
                duplicates=ingested.duplicates,
                known=ingested.skipped,  # inputs already wholly in the lake were not parsed again
                rejected=ingested.rejects.num_rows,
            )
            log.count(**counts)
            if fresh.num_rows:
                yield fresh

    def _keep_for_report(self, events: pa.Table) -> None:
        """The run report lists the events written, up to REPORT_EVENTS (memory stays bounded)."""
        room = REPORT_EVENTS - sum(t.num_rows for t in self.report_events)
        if room > 0 and events.num_rows:
            self.report_events.append(events.slice(0, room))


def _flush(log: RunLog, writer: LakeWriter, *, final: bool, mapper: Mapper = map) -> None:
    """Write what the writer holds; each flush's time is kept apart too (the last one runs alone)."""
    start = time.perf_counter()
    log.count(**log.timed("write", flush_task, writer, final=final, mapper=mapper))
    log.flush_seconds.append(round(time.perf_counter() - start, 3))


def _keep_out_of_collections() -> None:
    """Move every object alive now (Prefect's, Great Expectations', the lexicon's: about half a
    million, all living as long as the run) out of the cycle collector's reach. Each full
    collection walked them all, about once every 2,000 articles: 11% of this process's CPU. What
    they free by reference counting is still freed."""
    gc.freeze()


def _give_back_memory() -> None:
    """Return the memory a batch freed to the system: Arrow's allocator and glibc's keep freed pages
    for reuse, and in a long run that kept memory, not the data held, sets the process's peak."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


if __name__ == "__main__":
    import sys

    print(run_pipeline(sys.argv[1:]))
