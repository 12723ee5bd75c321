"""Write stage: validated tables -> the Hive-partitioned Parquet lake, idempotently and atomically.

Each partition is one file, `part-0.parquet`, rewritten whole: the rows it keeps, plus the new
ones, sorted by the table's key, in the exact contract schema with zstd compression. The file is
written under a hidden temporary name in the same directory and `os.replace`d, so a reader never
sees half a file; readers (pyarrow.dataset, duckdb's `*.parquet` glob) skip the hidden name and
the next write deletes any left by a crash. Each file is atomic, a write touching several
partitions is not: rerunning the same batch after a crash completes it. One writer per lake.

A run hands its rows to a `LakeWriter`, which holds them and rewrites each touched partition
once per flush (at the end of the run, or when the rows held pass BUFFER_BYTES) instead of once
per batch; its flush order (events before articles) keeps a killed run safe.

Quarantine and rejects are one file per table and only grow: a row equal to one already recorded
in every column but run_id and the timestamps is not added again, so reruns pile up nothing.

Partition columns (`country`, `year`, `month`) live only in directory names: every one of them
is derivable from a column in the file (iso, published_at, event_date), so `read_lake_table`
ignores the directories and returns exactly the contract's columns and types.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

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

PARTITION_FILE = "part-0.parquet"
TEMP_SUFFIX = ".tmp"  # temporary files are ".part-0.parquet.<random>.tmp"
COMPRESSION = "zstd"
UNKNOWN_COUNTRY = "XX"  # partition for events whose country is not known
# Columns that change on every run; quarantine and reject rows are deduplicated on the others.
VOLATILE_COLUMNS = frozenset({"run_id", "ingested_at", "rejected_at"})
# A run's rows held before a flush: about 20,000 articles of the bench corpus (their events included);
# the flush rewrites every partition it touches, so fewer flushes are faster, but the rows held count
# against the flow's memory.
BUFFER_BYTES = 160 * 2**20
_ISO = re.compile(r"[A-Z]{2}")
_RUN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


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
    partitions: tuple[str, ...]  # partition directories rewritten or removed, relative to LAKE


def write_articles(articles: pa.Table, lake: Path) -> WriteStats:
    """Upsert articles by article_id into LAKE/articles/year=YYYY/month=MM/ (published_at, UTC).

    An article already in the lake is replaced wherever it is, even if its month changed.

    Raises:
        ExpectationsFailed: columns or types differ from the contract, or article_id is null or
            repeated, or published_at is null.
    """
    articles, parts = _prepare_articles(articles)
    ids = articles.column("article_id").combine_chunks()
    return _replace_article_rows(lake, TABLES["articles"], _by_partition(articles, parts), ids)


def write_events(events: pa.Table, lake: Path, *, article_ids: Iterable[str]) -> WriteStats:
    """Replace every event of `article_ids` (and of the batch's own articles) with `events`.

    Rows go to LAKE/events/country=CC/year=YYYY/month=MM/ from iso (null: XX) and event_date. An
    article re-extracted with fewer or moved events leaves no stale rows in any partition, and
    since event_id is derived from the article and its evidence, the same batch twice gives the
    same rows.

    Raises:
        ExpectationsFailed: columns or types differ from the contract, event_id is null or
            repeated, article_id or event_date is null, or iso is not two capital letters.
    """
    events, parts = _prepare_events(events)
    ids = pa.array(sorted(set(article_ids) | set(events.column("article_id").to_pylist())), pa.string())
    return _replace_article_rows(lake, TABLES["events"], _by_partition(events, parts), ids)


class LakeWriter:
    """A run's rows, held back so each partition is rewritten once per flush, not once per batch.

    `flush` (at the end of a run, or when the rows held pass `max_bytes`) writes in the order
    that keeps a killed run safe: provenance, links and rejects, then events and quarantine,
    articles last (an article in the lake marks its events as written). Rows are checked
    against the contract when added, so a bad batch fails where it is found.
    """

    def __init__(self, lake: Path, *, max_bytes: int = BUFFER_BYTES):
        self.lake = lake
        self.max_bytes = max_bytes
        self._rows: dict[str, list[pa.Table]] = {}
        self._by_part: dict[str, dict[str, list[pa.Table]]] = {"articles": {}, "events": {}}  # grouped on arrival
        self._ids: list[pa.Array] = []  # articles whose old events are replaced
        self._bytes = 0

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

    def flush(self) -> dict[str, int]:
        """Write everything held, each partition once; returns rows written per table."""
        written = {}
        for name in ("raw_index", "signatures", "near_duplicates", "rejects"):
            written[name] = self._append(name)
        ids = pa.concat_arrays(self._ids).unique() if self._ids else pa.array([], pa.string())
        written["events"] = self._replace("events", ids)
        for name in ("events_quarantine", "articles_quarantine"):
            written[name] = self._append(name)
        written["articles"] = self._replace("articles", self._grouped("articles").column("article_id").combine_chunks())
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
        return _append_new(self.lake, TABLES[name], self._held(name), name).rows_written

    def _grouped(self, name: str) -> pa.Table:
        held = [t for tables in self._by_part[name].values() for t in tables]
        return pa.concat_tables(held) if held else TABLES[name].schema.empty_table()

    def _replace(self, name: str, ids: pa.Array) -> int:
        rows = self._grouped(name)
        if rows.num_rows == 0 and len(ids) == 0:
            return 0
        _check_key(rows, TABLES[name].key[0], table_name=name)  # unique across the batches held, too
        groups = {part: pa.concat_tables(held) for part, held in self._by_part[name].items()}
        return _replace_article_rows(self.lake, TABLES[name], groups, ids).rows_written


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
    _replace_file(path, lambda fh: fh.write(text.encode("utf-8") + b"\n"))
    return path


def write_report(html: str, lake: Path, run_id: str) -> Path:
    """Write a run's HTML report atomically to LAKE/docs/runs/<run_id>.html and return its path."""
    if not _RUN_ID.fullmatch(run_id):
        raise ValueError(f"run_id {run_id!r} cannot name a file: use letters, digits, ._-")
    path = lake / "docs" / "runs" / f"{run_id}.html"
    _replace_file(path, lambda fh: fh.write(html.encode("utf-8")))
    return path


def read_lake_table(lake: Path, name: str, *, columns: Sequence[str] | None = None) -> pa.Table:
    """Read a whole lake table in the contract schema, sorted by its key; empty if never written.

    `name` is a key of TABLES: articles, events, rejects, articles_quarantine, events_quarantine,
    raw_index, near_duplicates, signatures. Partition directories are ignored (their values are
    columns in the files already). `columns` reads only those columns (Parquet is columnar), unsorted.
    """
    if name not in TABLES:
        raise ValueError(f"unknown lake table {name!r}; expected one of {sorted(TABLES)}")
    table = TABLES[name]
    root = lake / table.path
    if columns is not None:
        schema = pa.schema([table.schema.field(c) for c in columns])
        if not root.is_dir():
            return schema.empty_table()
        return ds.dataset(root, format="parquet", schema=schema, partitioning=None).to_table()
    if not root.is_dir():
        return table.schema.empty_table()
    dataset = ds.dataset(root, format="parquet", schema=table.schema, partitioning=None)
    return _sorted(dataset.to_table(), table)


def _prepare_articles(articles: pa.Table) -> tuple[pa.Table, list[str]]:
    """Articles in the contract, checked, and each row's partition directory."""
    table = TABLES["articles"]
    articles = _conform(articles, table.schema, table_name="articles")
    _check_key(articles, "article_id", table_name="articles")
    _check_not_null(articles, "published_at", table_name="articles")
    parts = [_month_dir(ts.year, ts.month) for ts in articles.column("published_at").to_pylist()]
    return articles, parts


def _prepare_events(events: pa.Table) -> tuple[pa.Table, list[str]]:
    """Events in the contract, checked, and each row's partition directory."""
    table = TABLES["events"]
    events = _conform(events, table.schema, table_name="events")
    _check_key(events, "event_id", table_name="events")
    for column in ("article_id", "event_date"):
        _check_not_null(events, column, table_name="events")
    isos = events.column("iso").to_pylist()
    if any(iso is not None and not _ISO.fullmatch(iso) for iso in isos):
        raise ExpectationsFailed("events", ["expect_column_values_to_match_regex(iso)"])
    parts = [
        f"country={iso or UNKNOWN_COUNTRY}/{_month_dir(day.year, day.month)}"
        for iso, day in zip(isos, events.column("event_date").to_pylist(), strict=True)
    ]
    return events, parts


def _append_new(lake: Path, table: LakeTable, rows: pa.Table, table_name: str) -> WriteStats:
    """Single-file tables: add the rows not already there (equal in all but the volatile columns).

    A row seen before keeps its first run_id and timestamps, so a rerun rewrites nothing.
    """
    rows = _conform(rows, table.schema, table_name=table_name)
    root = lake / table.path
    _remove_temp_files(root)
    path = root / PARTITION_FILE
    old = _read_partition(path, table.schema)
    seen = set(_fingerprints(old, table.sort_by))
    fresh = []
    for i, key in enumerate(_fingerprints(rows, table.sort_by)):
        if key not in seen:
            seen.add(key)
            fresh.append(i)
    if fresh:
        _write_partition(path, _sorted(pa.concat_tables([old, rows.take(pa.array(fresh, pa.int64()))]), table))
    return WriteStats(rows_written=len(fresh), rows_replaced=0, partitions=(table.path,) if fresh else ())


def _replace_article_rows(lake: Path, table: LakeTable, new: dict[str, pa.Table], ids: pa.Array) -> WriteStats:
    """Rewrite each partition that gets new rows or holds rows of article `ids`: the others + new.

    `new` holds each partition directory's new rows; other partitions are searched for the
    articles' old rows by reading their article_id column only.
    """
    root = lake / table.path
    _remove_temp_files(root)
    dirs = {root / part: rows for part, rows in new.items()}
    empty = table.schema.empty_table()
    for path in sorted(root.rglob(PARTITION_FILE)):
        if path.parent not in dirs:
            held = pq.ParquetFile(path).read(columns=["article_id"])
            if pc.any(_of_articles(held, ids)).as_py():
                dirs[path.parent] = empty
    replaced = 0
    for directory in sorted(dirs):
        path = directory / PARTITION_FILE
        old = _read_partition(path, table.schema)
        kept = old.filter(pc.invert(_of_articles(old, ids)))
        replaced += old.num_rows - kept.num_rows
        rows = pa.concat_tables([kept, dirs[directory]])
        _write_partition(path, _sorted(table.finish(rows) if table.finish else rows, table))
    touched = tuple(d.relative_to(lake).as_posix() for d in sorted(dirs))
    written = sum(rows.num_rows for rows in new.values())
    return WriteStats(rows_written=written, rows_replaced=replaced, partitions=touched)


def _by_partition(rows: pa.Table, parts: Sequence[str]) -> dict[str, pa.Table]:
    """The rows of each partition directory: one take over all rows, then zero-copy slices
    (a take per partition over many rows costs partitions x rows)."""
    if not parts:
        return {}
    keys = pa.array(parts, pa.string())
    order = pc.sort_indices(keys)
    ordered = rows.take(order)
    groups, start = {}, 0
    for part, members in itertools.groupby(keys.take(order).to_pylist()):
        size = sum(1 for _ in members)
        groups[part] = ordered.slice(start, size)
        start += size
    return groups


def _of_articles(rows: pa.Table, ids: pa.Array) -> pa.ChunkedArray:
    return pc.is_in(rows.column("article_id"), value_set=ids)


def _read_partition(path: Path, schema: pa.Schema) -> pa.Table:
    """One partition file in `schema` (the path's key=value parts are not read as columns)."""
    if not path.exists():
        return schema.empty_table()
    return pq.ParquetFile(path).read().cast(schema)  # fails loudly on a file of an older schema


def _sorted(rows: pa.Table, table: LakeTable) -> pa.Table:
    return rows.sort_by([(c, "ascending") for c in table.sort_by])


def _write_partition(path: Path, rows: pa.Table) -> None:
    """Atomically replace one partition file; an emptied partition loses its file and directory."""
    if rows.num_rows:
        _replace_file(path, lambda fh: pq.write_table(rows, fh, compression=COMPRESSION))
        return
    path.unlink(missing_ok=True)
    directory = path.parent
    while directory.name.count("=") == 1 and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def _replace_file(path: Path, write: Callable[[Any], Any]) -> None:
    """Write through a hidden temporary file in the same directory, fsync, then os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}{TEMP_SUFFIX}")
    try:
        with open(temp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _remove_temp_files(root: Path) -> None:
    """Delete temporary files a crashed write left behind (readers already ignore them)."""
    for temp in root.rglob(f".*{TEMP_SUFFIX}"):
        temp.unlink()


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


def _fingerprints(table: pa.Table, columns: Sequence[str]) -> list[str]:
    """One string per row that is equal exactly when the rows are equal in `columns`."""
    values = zip(*(table.column(c).to_pylist() for c in columns), strict=True)
    return [json.dumps(row, ensure_ascii=False, default=_json_value) for row in values]


def _json_value(value: Any) -> str:
    if isinstance(value, date | datetime):  # datetime is a date too; isoformat keeps the time
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"{type(value).__name__} {value!r} is not JSON serialisable")
