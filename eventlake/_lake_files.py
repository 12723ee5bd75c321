"""The Parquet files of one lake directory: which are live, how the next is named, how files are written.

A directory (a partition, or the root of a table kept whole) holds numbered files. `part-<n>.parquet`
is the directory's whole content when it was written, so it supersedes every file numbered below n
(an old lake's single `part-0.parquet` is one); `delta-<n>.parquet` holds rows added after the newest
part file below it. The live files are the newest part file and the deltas above it. A file numbered
lower is a leftover of a compaction a crash cut short: `live_files` skips it and the next write to
its directory deletes it. Every file is written under a hidden temporary name, fsynced and renamed,
so no reader sees half a file. Private to eventlake.write.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

PART, DELTA = "part", "delta"
TEMP_SUFFIX = ".tmp"  # temporary files are ".<name>.<random>.tmp"
COMPRESSION = "zstd"
FINGERPRINT = pa.binary(16)
_NAME = re.compile(r"(part|delta)-(\d+)\.parquet")
_HASH_KEYS = ("eventlake-fp-one", "eventlake-fp-two")  # two 64-bit SipHashes: a 128-bit fingerprint


@dataclass(frozen=True)
class Listing:
    """One directory's numbered files: the live ones in number order, and the superseded ones."""

    live: tuple[Path, ...]
    stale: tuple[Path, ...]
    next_number: int  # the number the next file written here takes

    @property
    def has_delta(self) -> bool:
        return any(p.name.startswith(DELTA) for p in self.live)


def list_directory(directory: Path) -> Listing:
    """The numbered files of `directory` (none if it does not exist); other names are not the lake's."""
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        names = []
    return _listing(directory, names)


def table_directories(root: Path) -> Iterator[tuple[Path, Listing]]:
    """Every directory under `root` (itself included) that holds numbered files, in path order."""
    if not root.is_dir():
        return
    for current, dirs, names in os.walk(root):
        dirs.sort()
        listing = _listing(Path(current), names)
        if listing.live:
            yield Path(current), listing


def live_files(root: Path) -> list[Path]:
    """The live files of a table: what its readers read, each row once."""
    return [path for _, listing in table_directories(root) for path in listing.live]


def file_name(kind: str, number: int) -> str:
    return f"{kind}-{number}.parquet"


def write_parquet(path: Path, rows: pa.Table) -> None:
    """Write one table to `path` atomically (zstd, the table's own schema)."""
    replace_file(path, lambda fh: pq.write_table(rows, fh, compression=COMPRESSION))


def merge_files(path: Path, sources: Sequence[Path], schema: pa.Schema) -> None:
    """Write the rows of `sources` into one file at `path`, one source in memory at a time."""

    def write(fh: Any) -> None:
        with pq.ParquetWriter(fh, schema, compression=COMPRESSION) as writer:
            for source in sources:
                writer.write_table(read_file(source, schema))

    replace_file(path, write)


def read_file(path: Path, schema: pa.Schema, *, columns: Sequence[str] | None = None) -> pa.Table:
    """One lake file in `schema` (or those of its columns); the path's key=value parts are not columns."""
    if columns is None:
        return pq.ParquetFile(path).read().cast(schema)  # fails loudly on a file of an older schema
    wanted = pa.schema([schema.field(c) for c in columns])
    return pq.ParquetFile(path).read(columns=list(columns)).cast(wanted)


def remove_files(paths: Iterable[Path]) -> None:
    """Delete files, then each emptied partition directory (key=value) above them."""
    parents = set()
    for path in paths:
        path.unlink(missing_ok=True)
        parents.add(path.parent)
    for directory in sorted(parents, reverse=True):
        while directory.name.count("=") == 1 and directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
            directory = directory.parent


def replace_file(path: Path, write: Callable[[Any], Any]) -> None:
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


def remove_temp_files(root: Path) -> None:
    """Delete temporary files a crashed write left behind (readers already ignore them)."""
    for temp in root.rglob(f".*{TEMP_SUFFIX}"):
        temp.unlink()


def fingerprints(table: pa.Table, columns: Sequence[str]) -> pa.Array:
    """A 128-bit hash per row of `columns`, computed in bulk: equal rows, equal fingerprints.

    Each value is cast to text and prefixed with its length (null has none), so no two different
    rows join to the same string; two seeded SipHashes of that string make the fingerprint.
    """
    if table.num_rows == 0:
        return pa.array([], FINGERPRINT)
    fields = []
    for name in columns:
        text = pc.cast(table.column(name), pa.string())
        length = pc.cast(pc.utf8_length(text), pa.string())
        fields.append(pc.fill_null(pc.binary_join_element_wise(length, text, ":"), "~"))
    joined = pc.binary_join_element_wise(*fields, "|") if len(fields) > 1 else fields[0]
    strings = np.asarray(joined.to_numpy(), dtype=object)
    halves = [pd.util.hash_array(strings, hash_key=key, categorize=False) for key in _HASH_KEYS]
    data = np.ascontiguousarray(np.stack(halves, axis=1).astype("<u8"))
    return pa.FixedSizeBinaryArray.from_buffers(FINGERPRINT, table.num_rows, [None, pa.py_buffer(data.tobytes())])


class ArticleIndex:
    """Which directories of a table hold rows of which articles, read once, so later lookups read no file."""

    def __init__(self, directories: list[Path], rows: pa.Table):
        self._directories = directories
        self._rows = rows  # article_id, and the index of a directory holding it

    @classmethod
    def of_table(cls, root: Path, schema: pa.Schema) -> ArticleIndex:
        """Read the article_id column of every live file under `root`, keeping each id once per directory."""
        directories, parts = [], []
        for directory, listing in table_directories(root):
            held = [read_file(p, schema, columns=("article_id",)).column(0) for p in listing.live]
            ids = pc.unique(pa.chunked_array(held, pa.string()))
            parts.append(pa.table({"article_id": ids, "directory": pa.repeat(len(directories), len(ids))}))
            directories.append(directory)
        rows = pa.concat_tables(parts) if parts else pa.table({"article_id": pa.array([], pa.string())})
        return cls(directories, rows)

    def holders(self, ids: pa.Array) -> set[Path]:
        """The directories that held rows of any of `ids` when the index was read."""
        if not self._directories or len(ids) == 0:
            return set()
        hit = self._rows.filter(pc.is_in(self._rows.column("article_id"), value_set=ids))
        return {self._directories[i] for i in pc.unique(hit.column("directory")).to_pylist()}


class SeenRows:
    """Fingerprints of the rows a table holds, so new rows are checked without reading it again."""

    def __init__(self, chunks: list[pa.Array]):
        self._chunks = chunks

    @classmethod
    def of_files(cls, paths: Iterable[Path], schema: pa.Schema, columns: Sequence[str]) -> SeenRows:
        """Fingerprint `columns` of each file, reading one file at a time."""
        return cls([fingerprints(read_file(p, schema, columns=columns), columns) for p in paths])

    def contains(self, prints: pa.Array) -> pa.Array:
        """Whether each of `prints` is held."""
        # Probing each held chunk with the few new prints costs the chunk's length, not a hash table of it.
        found = [chunk.filter(pc.is_in(chunk, value_set=prints)) for chunk in self._chunks]
        return pc.is_in(prints, value_set=pa.concat_arrays(found) if found else pa.array([], FINGERPRINT))

    def add(self, prints: pa.Array) -> None:
        if len(prints):
            self._chunks.append(prints)


def first_unseen(prints: pa.Array, seen: SeenRows) -> pa.Array:
    """Indices of the rows whose fingerprint `seen` lacks, the first row of each fingerprint only, in order."""
    rows = pa.table({"print": prints, "row": pa.array(range(len(prints)), pa.int64())})
    rows = rows.filter(pc.invert(seen.contains(prints)))
    firsts = rows.group_by("print", use_threads=False).aggregate([("row", "min")]).column("row_min")
    return firsts.combine_chunks().take(pc.sort_indices(firsts))


def _listing(directory: Path, names: Iterable[str]) -> Listing:
    numbered = sorted((int(m[2]), m[1], name) for name in names if (m := _NAME.fullmatch(name)))
    base = max((n for n, kind, _ in numbered if kind == PART), default=-1)
    live = tuple(directory / name for n, _, name in numbered if n >= base)
    stale = tuple(directory / name for n, _, name in numbered if n < base)
    return Listing(live=live, stale=stale, next_number=numbered[-1][0] + 1 if numbered else 0)
