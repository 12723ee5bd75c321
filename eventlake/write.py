"""Write stage: validated tables -> the Hive-partitioned Parquet lake, idempotently and atomically.

Each partition directory holds numbered files (eventlake/_lake_files.py): `part-<n>.parquet`, the
partition's whole content when written, and `delta-<n>.parquet`, rows added since. Every file is in
the exact contract schema with zstd compression, sorted by the table's key, and written under a
hidden temporary name then `os.replace`d, so a reader never sees half a file; the next write deletes
temporary files a crash left. One writer per lake (the lock).

A run hands its rows to a `LakeWriter`, which holds them and writes once per flush (when the rows
held pass BUFFER_BYTES, and at the end of the run), so each flush costs what it adds:
- a partition that holds none of the flush's articles gets a new delta file with the new rows only;
- a partition that holds rows of an article written again (re-extracted, or moved) is rewritten
  whole without them, plus the new rows, as one part file, so no stale row survives;
- the tables kept whole (raw index, signatures, near-duplicates, rejects, quarantine) get a delta
  file with the rows not recorded yet; the writer fingerprints the rows already there once per run
  (128-bit hashes computed in bulk) and keeps the fingerprints up to date as it writes;
- the run's last flush rewrites every events partition that holds a delta as one part file, with
  `cluster_id` linked over all its rows, so a run of many flushes leaves the same rows as a run of
  one (on the run's worker processes, a partition each, when it has them); other directories are
  merged into one part file once they hold more than MAX_LIVE_FILES.
The flush order (provenance, links and rejects, then events and quarantine, articles last) keeps a
killed run safe: an article in the lake marks its events as written.

Crash safety: each file is atomic; a write touching several files is not, and rerunning the same
inputs completes it. A part file supersedes every file numbered below it in its directory, so a
crash between writing it and deleting those leaves rows that `read_lake_table` (and the writer)
still sees once; a plain glob (duckdb's `events/**/*.parquet`) sees them twice until the next write
to that partition deletes the superseded files. Until a killed run's partitions are finished by a
later run's last flush, their events keep the cluster_ids linked within each batch.

Partition columns (`country`, `year`, `month`) live only in directory names: every one of them
is derivable from a column in the file (iso, published_at, event_date), so `read_lake_table`
ignores the directories and returns exactly the contract's columns and types.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from eventlake import _lake_files as files
from eventlake._lake_lock import LakeBusyError, LockHolder, lake_lock_holder, lock_lake
from eventlake._lake_raw import RawStore, read_http_validators, write_http_validators
from eventlake.cluster import link_clusters
from eventlake.errors import ExpectationsFailed
from eventlake.ingest import NEAR_DUPLICATES, RAW_INDEX, SIGNATURES
from eventlake.schema import (
    ARTICLES,
    ARTICLES_QUARANTINE,
    EVENTS,
    EVENTS_QUARANTINE,
    REJECTS,
)
from eventlake.validate import cast_to_contract

UNKNOWN_COUNTRY = "XX"  # partition for events whose country is not known
# Columns that change on every run; quarantine and reject rows are deduplicated on the others.
VOLATILE_COLUMNS = frozenset({"run_id", "ingested_at", "rejected_at"})
# A run's rows held before a flush: about 20,000 articles of the bench corpus (their events included);
# a flush costs what it adds, so this only trades the flow's memory against the number of files.
BUFFER_BYTES = 160 * 2**20
# A directory of a table without `finish` is merged into one file at a run's end past this many files.
MAX_LIVE_FILES = 16
_ISO = "^[A-Z]{2}$"
_RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# Runs one function over many items, like the builtin map; a process pool's map writes partitions
# on several cores (each partition is its own files, so they can be written in any order).
Mapper = Callable[[Callable[..., Any], Iterable[Any]], Iterator[Any]]


@dataclass(frozen=True)
class LakeTable:
    """Where one table lives under LAKE, its contract schema and the key rows are sorted by."""

    path: str
    schema: pa.Schema
    key: tuple[str, ...] = ()  # empty: a row is identified by all but its volatile columns
    finish: Callable[[pa.Table], pa.Table] | None = None  # applied to a rewritten partition's rows

    @property
    def sort_by(self) -> tuple[str, ...]:
        return self.key or tuple(n for n in self.schema.names if n not in VOLATILE_COLUMNS)


TABLES = {
    "articles": LakeTable("articles", ARTICLES, ("article_id",)),
    "events": LakeTable("events", EVENTS, ("event_id",), link_clusters),  # new reports join old clusters
    "rejects": LakeTable("rejects", REJECTS),
    "articles_quarantine": LakeTable("quarantine/table=articles", ARTICLES_QUARANTINE),
    "events_quarantine": LakeTable("quarantine/table=events", EVENTS_QUARANTINE),
    # One row per (original bytes, article): the same bytes read again from another path add nothing.
    "raw_index": LakeTable("raw/index", RAW_INDEX, ("raw_hash", "article_id", "content_hash", "record_index")),
    "near_duplicates": LakeTable("links/near_duplicates", NEAR_DUPLICATES),
    # The first signature of an article stays (an edited text keeps its first one).
    "signatures": LakeTable("links/signatures", SIGNATURES, ("article_id",)),
}
_APPENDED = ("raw_index", "signatures", "near_duplicates", "rejects", "articles_quarantine", "events_quarantine")
# The lock and the raw store are lake filesystem code too; they live in private modules.
__all__ = [
    "TABLES",
    "LakeBusyError",
    "LakeTable",
    "LakeWriter",
    "LockHolder",
    "RawStore",
    "WriteStats",
    "lake_lock_holder",
    "lock_lake",
    "read_http_validators",
    "read_lake_table",
    "write_articles",
    "write_events",
    "write_http_validators",
    "write_manifest",
    "write_near_duplicates",
    "write_quarantine",
    "write_raw_index",
    "write_rejects",
]


@dataclass(frozen=True)
class WriteStats:
    """What one write did, for the run manifest."""

    rows_written: int  # rows of the batch now in the lake
    rows_replaced: int  # rows already in the lake that the batch replaced or removed
    partitions: tuple[str, ...]  # partition directories written to or removed, relative to LAKE


def write_articles(articles: pa.Table, lake: Path) -> WriteStats:
    """Upsert articles by article_id into LAKE/articles/year=YYYY/month=MM/ (published_at, UTC).

    An article already in the lake is replaced wherever it is, even if its month changed.

    Raises:
        ExpectationsFailed: columns or types differ from the contract, or article_id is null or
            repeated, or published_at is null.
    """
    articles, parts = _prepare_articles(articles)
    ids = articles.column("article_id").combine_chunks()
    return _write_now(lake, TABLES["articles"], _by_partition(articles, parts), ids)


def write_events(events: pa.Table, lake: Path, *, article_ids: Iterable[str]) -> WriteStats:
    """Replace every event of `article_ids` (and of the batch's own articles) with `events`.

    Rows go to LAKE/events/country=CC/year=YYYY/month=MM/ from iso (null: XX) and event_date. An
    article re-extracted with fewer or moved events leaves no stale rows in any partition, and
    since event_id is derived from the article and its evidence, the same batch twice gives the
    same rows. Each partition written is left as one file, its cluster_ids linked over all its rows.

    Raises:
        ExpectationsFailed: columns or types differ from the contract, event_id is null or
            repeated, article_id or event_date is null, or iso is not two capital letters.
    """
    events, parts = _prepare_events(events)
    ids = pa.array(sorted(set(article_ids) | set(events.column("article_id").to_pylist())), pa.string())
    return _write_now(lake, TABLES["events"], _by_partition(events, parts), ids)


class LakeWriter:
    """A run's rows, held back and written once per flush, each flush costing what it adds.

    `flush` (when the rows held pass `max_bytes`, and at the end of the run) writes in the order
    that keeps a killed run safe: provenance, links and rejects, then events and quarantine,
    articles last (an article in the lake marks its events as written). Rows are checked
    against the contract when added, so a bad batch fails where it is found. One writer per run:
    it reads once which partitions hold which articles, and the fingerprints of the rows of the
    tables kept whole, then keeps track of what it writes, so a flush reads only what it rewrites.
    """

    def __init__(self, lake: Path, *, max_bytes: int = BUFFER_BYTES):
        self.lake = lake
        self.max_bytes = max_bytes
        self._rows: dict[str, list[pa.Table]] = {}
        self._by_part: dict[str, dict[str, list[pa.Table]]] = {"articles": {}, "events": {}}  # grouped on arrival
        self._ids: list[pa.Array] = []  # articles whose old events are replaced
        self._bytes = 0
        self._seen: dict[str, files.SeenRows] = {}  # tables kept whole: fingerprints of their rows, read once
        self._run_ids: list[pa.Array] = []  # articles this run has written
        self._index: dict[str, files.ArticleIndex] = {}  # partitioned tables: their articles before the run

    def add(self, table_name: str, rows: pa.Table) -> None:
        """Hold rows of an only-growing table: raw_index, signatures, near_duplicates, rejects,
        articles_quarantine or events_quarantine (already stamped with run_id and time)."""
        if table_name not in _APPENDED:
            raise ValueError(f"LakeWriter.add takes one of {sorted(_APPENDED)}, not {table_name!r}")
        self._hold(table_name, _conform(rows, TABLES[table_name].schema, table_name=table_name))

    def add_batch(self, articles: pa.Table, events: pa.Table) -> None:
        """Hold a batch's valid articles and events; the events replace every old event of these articles.

        Raises:
            ExpectationsFailed: as write_articles and write_events.
        """
        articles, article_parts = _prepare_articles(articles)
        events, event_parts = _prepare_events(events)
        for name, rows, parts in (("articles", articles, article_parts), ("events", events, event_parts)):
            self._bytes += rows.nbytes
            for part, held in _by_partition(rows, parts).items():
                self._by_part[name].setdefault(part, []).append(held)
        self._ids += [articles.column("article_id").combine_chunks(), events.column("article_id").combine_chunks()]

    @property
    def full(self) -> bool:
        return self._bytes >= self.max_bytes

    def flush(self, *, final: bool | None = None, mapper: Mapper = map) -> dict[str, int]:
        """Write everything held; returns rows written per table.

        `final` marks the run's last flush, which finishes the events partitions (one file each,
        clusters linked over all rows) and merges directories grown past MAX_LIVE_FILES. By default
        a flush is final unless the writer is full: a run flushes when full, and once at its end.
        `mapper` writes the partitions of a table (a process pool's map spreads them over cores);
        each table's partitions are all written before the next table's, so the order stays safe.
        """
        final = not self.full if final is None else final
        written = {}
        for name in ("raw_index", "signatures", "near_duplicates", "rejects"):
            written[name] = self._append(name)
        ids = pa.concat_arrays(self._ids).unique() if self._ids else pa.array([], pa.string())
        written["events"] = self._replace("events", ids, final=final, mapper=mapper)
        for name in ("events_quarantine", "articles_quarantine"):
            written[name] = self._append(name)
        article_ids = self._grouped("articles").column("article_id").combine_chunks()
        written["articles"] = self._replace("articles", article_ids, final=final, mapper=mapper)
        if final:
            for name in _APPENDED:
                _merge_crowded(self.lake / TABLES[name].path, TABLES[name].schema)
        self._run_ids.append(ids)
        self._rows, self._ids, self._bytes = {}, [], 0
        self._by_part = {"articles": {}, "events": {}}
        return written

    def _hold(self, name: str, rows: pa.Table) -> None:
        if rows.num_rows:
            self._rows.setdefault(name, []).append(rows)
            self._bytes += rows.nbytes

    def _held(self, name: str) -> pa.Table:
        parts = self._rows.get(name, [])
        return pa.concat_tables(parts) if parts else TABLES[name].schema.empty_table()

    def _append(self, name: str) -> int:
        if name not in self._rows:
            return 0
        table = TABLES[name]
        if name not in self._seen:
            live = files.live_files(self.lake / table.path)
            self._seen[name] = files.SeenRows.of_files(live, table.schema, table.sort_by)
        return _append_new(self.lake, table, self._held(name), name, seen=self._seen[name]).rows_written

    def _grouped(self, name: str) -> pa.Table:
        held = [t for tables in self._by_part[name].values() for t in tables]
        return pa.concat_tables(held) if held else TABLES[name].schema.empty_table()

    def _replace(self, name: str, ids: pa.Array, *, final: bool, mapper: Mapper) -> int:
        rows = self._grouped(name)
        if rows.num_rows == 0 and len(ids) == 0 and not final:
            return 0
        _check_key(rows, TABLES[name].key[0], table_name=name)  # unique across the batches held, too
        groups = {part: pa.concat_tables(held) for part, held in self._by_part[name].items()}
        holders = self._holders(name, ids)
        written = _write_partitions(self.lake, TABLES[name], groups, ids, final=final, holders=holders, mapper=mapper)
        return written.rows_written

    def _holders(self, name: str, ids: pa.Array) -> set[Path]:
        """Partitions holding rows of `ids`: from the index of the files there before the run (read on first
        use, when what a crash left is cleared too), and from the run's own files if it wrote these articles."""
        if len(ids) == 0:
            return set()
        table = TABLES[name]
        root = self.lake / table.path
        if name not in self._index:
            files.remove_temp_files(root)
            self._index[name] = files.ArticleIndex.of_table(root, table.schema)
        found = self._index[name].holders(ids)
        if any(pc.any(pc.is_in(written, value_set=ids)).as_py() for written in self._run_ids):
            found |= _holders(root, table, ids)  # rare: an article written twice in one run
        return found


def write_quarantine(table: pa.Table, lake: Path, *, table_name: str) -> WriteStats:
    """Add quarantined rows of `table_name` ("articles" or "events") to LAKE/quarantine/table=NAME/.

    A row equal to one already there in every column but run_id and ingested_at is not added again.

    Raises:
        ExpectationsFailed: columns or types differ from the quarantine schema.
    """
    if table_name not in ("articles", "events"):
        raise ValueError(f"table_name must be 'articles' or 'events', not {table_name!r}")
    return _append_new(lake, TABLES[f"{table_name}_quarantine"], table, table_name)


def write_rejects(rejects: pa.Table, lake: Path) -> WriteStats:
    """Add reject rows to LAKE/rejects/; one already recorded (ignoring run_id and rejected_at) is not repeated.

    Raises:
        ExpectationsFailed: columns or types differ from the rejects schema.
    """
    return _append_new(lake, TABLES["rejects"], rejects, "rejects")


def write_raw_index(rows: pa.Table, lake: Path) -> WriteStats:
    """Add provenance rows (ingest.RAW_INDEX) to LAKE/raw/index/; the first row of each (raw_hash, article) stays.

    Raises:
        ExpectationsFailed: columns or types differ from the raw index schema.
    """
    return _append_new(lake, TABLES["raw_index"], rows, "raw_index")


def write_near_duplicates(signatures: pa.Table, links: pa.Table, lake: Path) -> WriteStats:
    """Add MinHash signatures to LAKE/links/signatures/ and near-duplicate pairs to LAKE/links/near_duplicates/.

    Both only grow and a row already there is not added again, so a rerun after a crash adds nothing.

    Raises:
        ExpectationsFailed: columns or types differ from ingest.SIGNATURES or ingest.NEAR_DUPLICATES.
    """
    _append_new(lake, TABLES["signatures"], signatures, "signatures")
    return _append_new(lake, TABLES["near_duplicates"], links, "near_duplicates")


def write_manifest(manifest: dict, lake: Path) -> Path:
    """Write the run manifest atomically to LAKE/runs/<run_id>.json and return its path."""
    run_id = str(manifest.get("run_id", ""))
    if not _RUN_ID.fullmatch(run_id):
        raise ValueError(f"manifest run_id {run_id!r} cannot name a file: use letters, digits, ._-")
    path = lake / "runs" / f"{run_id}.json"
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False, default=_json_value)
    files.replace_file(path, lambda fh: fh.write(text.encode("utf-8") + b"\n"))
    return path


def write_report(html: str, lake: Path, run_id: str) -> Path:
    """Write a run's HTML report atomically to LAKE/docs/runs/<run_id>.html and return its path."""
    if not _RUN_ID.fullmatch(run_id):
        raise ValueError(f"run_id {run_id!r} cannot name a file: use letters, digits, ._-")
    path = lake / "docs" / "runs" / f"{run_id}.html"
    files.replace_file(path, lambda fh: fh.write(html.encode("utf-8")))
    return path


def read_lake_table(lake: Path, name: str, *, columns: Sequence[str] | None = None) -> pa.Table:
    """Read a whole lake table in the contract schema, sorted by its key; empty if never written.

    `name` is a key of TABLES: articles, events, rejects, articles_quarantine, events_quarantine,
    raw_index, near_duplicates, signatures. Only live files are read (a file superseded by a
    compaction a crash cut short is not), so each row comes once. Partition directories are
    ignored (their values are columns in the files already). `columns` reads only those columns
    (Parquet is columnar), unsorted.
    """
    if name not in TABLES:
        raise ValueError(f"unknown lake table {name!r}; expected one of {sorted(TABLES)}")
    table = TABLES[name]
    schema = table.schema if columns is None else pa.schema([table.schema.field(c) for c in columns])
    paths = [str(p) for p in files.live_files(lake / table.path)]
    if not paths:
        return schema.empty_table()
    rows = ds.dataset(paths, format="parquet", schema=schema).to_table()
    return rows if columns is not None else _sorted(rows, table)


def _prepare_articles(articles: pa.Table) -> tuple[pa.Table, pa.ChunkedArray]:
    """Articles in the contract, checked, and each row's partition directory."""
    table = TABLES["articles"]
    articles = _conform(articles, table.schema, table_name="articles")
    _check_key(articles, "article_id", table_name="articles")
    _check_not_null(articles, "published_at", table_name="articles")
    return articles, _month_dirs(articles.column("published_at"))


def _prepare_events(events: pa.Table) -> tuple[pa.Table, pa.ChunkedArray]:
    """Events in the contract, checked, and each row's partition directory."""
    table = TABLES["events"]
    events = _conform(events, table.schema, table_name="events")
    _check_key(events, "event_id", table_name="events")
    for column in ("article_id", "event_date"):
        _check_not_null(events, column, table_name="events")
    isos = events.column("iso")
    if pc.any(pc.invert(pc.match_substring_regex(isos, _ISO))).as_py():  # nulls are left out
        raise ExpectationsFailed("events", ["expect_column_values_to_match_regex(iso)"])
    country = pc.fill_null(isos, UNKNOWN_COUNTRY)
    parts = pc.binary_join_element_wise("country=", country, "/", _month_dirs(events.column("event_date")), "")
    return events, parts


def _append_new(
    lake: Path, table: LakeTable, rows: pa.Table, table_name: str, *, seen: files.SeenRows | None = None
) -> WriteStats:
    """Tables kept whole: add the rows not already there (equal in all but the volatile columns) as one file.

    A row seen before keeps its first run_id and timestamps, so a rerun writes nothing. `seen`
    is the table's rows as the caller last knew them; without it they are read now.
    """
    rows = _conform(rows, table.schema, table_name=table_name)
    root = lake / table.path
    if seen is None:
        seen = files.SeenRows.of_files(files.live_files(root), table.schema, table.sort_by)
    prints = files.fingerprints(rows, table.sort_by)
    fresh = files.first_unseen(prints, seen)
    if len(fresh) == 0:
        return WriteStats(rows_written=0, rows_replaced=0, partitions=())
    files.remove_temp_files(root)
    _append_file(root, table, rows.take(fresh))
    seen.add(prints.take(fresh))
    return WriteStats(rows_written=len(fresh), rows_replaced=0, partitions=(table.path,))


def _write_now(lake: Path, table: LakeTable, new: dict[str, pa.Table], ids: pa.Array) -> WriteStats:
    """A write on its own, as a run's last flush: the holders of `ids` found by reading the lake now."""
    root = lake / table.path
    files.remove_temp_files(root)
    return _write_partitions(lake, table, new, ids, final=True, holders=_holders(root, table, ids))


def _write_partitions(
    lake: Path,
    table: LakeTable,
    new: dict[str, pa.Table],
    ids: pa.Array,
    *,
    final: bool,
    holders: set[Path],
    mapper: Mapper = map,
) -> WriteStats:
    """Write each partition's `new` rows; replace every old row of article `ids`.

    The `holders` of rows of `ids` are rewritten whole; any other partition gets a delta file with
    its new rows. On the `final` flush a table with `finish` rewrites every partition that gets
    rows or holds a delta (so its rows are finished together); other tables merge crowded directories.
    """
    root = lake / table.path
    new_dirs = {root / part: rows for part, rows in new.items()}
    rewrite = set(holders)
    if final and table.finish is not None:
        rewrite |= set(new_dirs) | {d for d, listing in files.table_directories(root) if listing.has_delta}
    empty, no_ids = table.schema.empty_table(), ids.slice(0, 0)
    jobs = [
        _Partition(
            directory,
            table,
            new_dirs.get(directory, empty),
            ids if directory in holders else no_ids,
            rewrite=directory in rewrite,
        )
        for directory in sorted(set(new_dirs) | rewrite)
    ]
    replaced = sum(mapper(_write_partition, jobs))
    if final and table.finish is None:
        _merge_crowded(root, table.schema)
    touched = tuple(d.relative_to(lake).as_posix() for d in sorted(set(new_dirs) | rewrite))
    written = sum(rows.num_rows for rows in new.values())
    return WriteStats(rows_written=written, rows_replaced=replaced, partitions=touched)


@dataclass(frozen=True)
class _Partition:
    """One partition's write: its new rows, and the articles whose old rows it drops (it holds some).
    Only the ids a partition needs travel with it, so a job is small to send to another process."""

    directory: Path
    table: LakeTable
    rows: pa.Table
    ids: pa.Array
    rewrite: bool  # else its rows are added as a new file

    def __reduce__(self) -> tuple:
        # Sent to a worker, the rows go without the rest of the batch they are a slice of; copied
        # only then, one job at a time, so a flush in this process holds no second copy.
        return (_Partition, (self.directory, self.table, _compact(self.rows), self.ids, self.rewrite))


def _write_partition(job: _Partition) -> int:
    """Rewrite or add to one partition; returns the old rows dropped."""
    if job.rewrite:
        return _rewrite(job.directory, job.table, job.rows, job.ids)
    _append_file(job.directory, job.table, job.rows)
    return 0


def _holders(root: Path, table: LakeTable, ids: pa.Array) -> set[Path]:
    """Partition directories with a live file holding rows of article `ids` (read from the article_id column)."""
    found: set[Path] = set()
    if len(ids) == 0:
        return found
    for directory, listing in files.table_directories(root):
        for path in listing.live:
            if pc.any(_of_articles(files.read_file(path, table.schema, columns=("article_id",)), ids)).as_py():
                found.add(directory)
                break
    return found


def _rewrite(directory: Path, table: LakeTable, new: pa.Table, ids: pa.Array) -> int:
    """Rewrite a partition as one part file: its rows less those of `ids`, plus `new`; returns rows dropped.

    A lone part file is replaced under its own name; otherwise the new part file supersedes the
    others before they are deleted, so a crash in between leaves no row visible twice to our readers.
    """
    listing = files.list_directory(directory)
    old = [files.read_file(p, table.schema) for p in listing.live]
    old = pa.concat_tables(old) if old else table.schema.empty_table()
    kept = old.filter(pc.invert(_of_articles(old, ids)))
    rows = pa.concat_tables([kept, new])
    if table.finish is not None and rows.num_rows:
        rows = table.finish(rows)
    if rows.num_rows == 0:
        files.remove_files([*listing.live, *listing.stale])
        return old.num_rows
    lone = len(listing.live) == 1 and listing.live[0].name.startswith(files.PART)
    path = listing.live[0] if lone else directory / files.file_name(files.PART, listing.next_number)
    files.write_parquet(path, _sorted(rows, table))
    files.remove_files([p for p in (*listing.live, *listing.stale) if p != path])
    return old.num_rows - kept.num_rows


def _append_file(directory: Path, table: LakeTable, rows: pa.Table) -> None:
    """Add `rows` to a directory as a new file: a part file if it is the first, else a delta.

    A table with `finish` always gets a delta: its rows are finished by the run's last flush.
    """
    listing = files.list_directory(directory)
    files.remove_files(listing.stale)
    first = not listing.live and table.finish is None
    path = directory / files.file_name(files.PART if first else files.DELTA, listing.next_number)
    files.write_parquet(path, _sorted(rows, table))


def _merge_crowded(root: Path, schema: pa.Schema) -> None:
    """Merge each directory under `root` holding more than MAX_LIVE_FILES live files into one part file."""
    for directory, listing in files.table_directories(root):
        files.remove_files(listing.stale)
        if len(listing.live) > MAX_LIVE_FILES:
            files.merge_files(directory / files.file_name(files.PART, listing.next_number), listing.live, schema)
            files.remove_files(listing.live)


def _by_partition(rows: pa.Table, keys: pa.Array | pa.ChunkedArray) -> dict[str, pa.Table]:
    """The rows of each partition directory (`keys`, one per row): one take over all rows, then
    zero-copy slices (a take per partition over many rows costs partitions x rows)."""
    if not len(keys):
        return {}
    order = pc.sort_indices(keys)
    ordered = rows.take(order)
    groups, start = {}, 0
    for part, members in itertools.groupby(keys.take(order).to_pylist()):
        size = sum(1 for _ in members)
        groups[part] = ordered.slice(start, size)
        start += size
    return groups


def _compact(rows: pa.Table) -> pa.Table:
    """The rows in buffers of their own: a slice sent to another process would take its parent's whole buffers."""
    return rows.take(pa.array(range(rows.num_rows), pa.int64()))


def _of_articles(rows: pa.Table, ids: pa.Array) -> pa.ChunkedArray:
    return pc.is_in(rows.column("article_id"), value_set=ids)


def _sorted(rows: pa.Table, table: LakeTable) -> pa.Table:
    return rows.sort_by([(c, "ascending") for c in table.sort_by])


def _conform(table: pa.Table, schema: pa.Schema, *, table_name: str) -> pa.Table:
    """`table` with exactly the contract's columns, in order, cast to the contract's types."""
    missing = [n for n in schema.names if n not in table.column_names]
    extra = [n for n in table.column_names if n not in schema.names]
    if missing or extra:
        reason = f"expect_table_columns_to_match_set (missing {missing}, unexpected {extra})"
        raise ExpectationsFailed(table_name, [reason])
    cast = cast_to_contract(table.select(schema.names), schema, table_name=table_name)
    return cast.cast(schema)  # same types now; this drops foreign schema metadata


def _check_key(table: pa.Table, column: str, *, table_name: str) -> None:
    _check_not_null(table, column, table_name=table_name)
    if pc.count_distinct(table.column(column)).as_py() != table.num_rows:
        raise ExpectationsFailed(table_name, [f"expect_column_values_to_be_unique({column})"])


def _check_not_null(table: pa.Table, column: str, *, table_name: str) -> None:
    if table.column(column).null_count:
        raise ExpectationsFailed(table_name, [f"expect_column_values_to_not_be_null({column})"])


def _month_dir(year: int, month: int) -> str:
    return f"year={year:04d}/month={month:02d}"


def _month_dirs(times: pa.ChunkedArray) -> pa.ChunkedArray:
    """The month directory of each date or UTC timestamp, each name made once per month: a
    Python datetime per row costs more than the rest of holding a batch."""
    keys = pc.add(pc.multiply(pc.year(times), 100), pc.month(times))
    months = pc.unique(keys)
    names = pa.array([_month_dir(k // 100, k % 100) for k in months.to_pylist()], pa.string())
    return pc.take(names, pc.index_in(keys, value_set=months))


def _json_value(value: Any) -> str:
    if isinstance(value, date | datetime):  # datetime is a date too; isoformat keeps the time
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"{type(value).__name__} {value!r} is not JSON serialisable")
