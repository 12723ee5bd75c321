"""Near-duplicates: the same story in two articles (one wire report on two sites) is linked, not dropped.

Exact copies (same body) are dropped at ingest; near copies differ by a title, a byline or a
sentence and are both kept. Each cleaned text gets a MinHash signature (64 hashes of its word
5-shingles, on the matching form so spelling variants of alef, ya and ta marbuta agree); LSH
with 16 bands of 4 hashes finds candidates among the lake's stored signatures, and a pair whose
signatures agree on at least `threshold` of the hashes is linked. Per band an article is compared
with the first BUCKET_ROWS articles that share its key, no more: a key shared by thousands (a
template, a story copied everywhere) would make each article cost more than the one before, while
the first copies are enough to link a copy into its story. Private to the flow's link stage.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import os
import random
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventlake import schema
from eventlake.arabic import matching_forms
from eventlake.text import Derived

SIGNATURE_SIZE = 64
BANDS = 16  # of SIGNATURE_SIZE // BANDS hashes: pairs above ~0.5 similarity become candidates
NEAR_THRESHOLD = 0.7  # share of equal hashes (an estimate of the shingles' Jaccard similarity)
SHINGLE_WORDS = 5  # measured: wire copies 0.81-0.88, same-template briefs of different events <= 0.49
_PRIME = 4_294_967_291  # the largest prime below 2**32: every hash fits a uint32
_PRIME64 = np.uint64(_PRIME)
_SIGN_ROWS = 400  # texts signed at once: about 140,000 words, arrays that stay in the cache (1,000: 25% slower)
_LONGEST = 256  # bytes a CRC is advanced over by table; a shingle with a longer word goes to zlib
_SEED = 20231017  # fixed: signatures stored by one run must compare with the next run's
SPILL_ROWS = 50_000  # signatures an index holds in memory before moving them to its files (about 23 MB)
_SIGNATURE_BYTES = 4 * SIGNATURE_SIZE
_BLOCK_ROWS = 16_384  # spilled signatures read back 4 MB at a time
BUCKET_ROWS = 32  # per band, a new article is compared with the first this many articles sharing its key
_PAIRS_AT_ONCE = 16_384  # candidate pairs compared at once (8 MB of hashes)
_BAND_ENTRY = np.dtype([("key", "<u8"), ("row", "<i4")])  # one band's key of one indexed row: 12 bytes

SIGNATURES = pa.schema(
    [
        ("article_id", pa.string()),
        ("signature", pa.binary(4 * SIGNATURE_SIZE)),  # SIGNATURE_SIZE little-endian uint32
        ("run_id", pa.string()),
        ("ingested_at", schema.UTC_TS),
    ]
)
NEAR_DUPLICATES = pa.schema(  # one row per pair, article_id < near_article_id: the link has no direction
    [
        ("article_id", pa.string()),
        ("near_article_id", pa.string()),
        ("similarity", pa.float32()),  # share of equal MinHash values, 0..1
        ("run_id", pa.string()),
        ("ingested_at", schema.UTC_TS),
    ]
)


def sign_articles(articles: pa.Table, *, forms: Sequence[Derived] | None = None) -> pa.Table:
    """SIGNATURES rows (run_id, ingested_at null) for a table with article_id and text; `forms`
    are the texts' matching forms when the caller has them (extraction needs them too)."""
    ids = articles.column("article_id").to_pylist()
    if forms is None:
        forms = matching_forms(articles.column("text").to_pylist())
    parts = [_signatures(forms[at : at + _SIGN_ROWS]) for at in range(0, len(forms), _SIGN_ROWS)]
    matrix = np.ascontiguousarray(np.concatenate(parts) if parts else _signatures([]), dtype="<u4")
    signature = pa.FixedSizeBinaryArray.from_buffers(
        pa.binary(_SIGNATURE_BYTES), len(ids), [None, pa.py_buffer(matrix.tobytes())]
    )
    nulls = pa.nulls(len(ids))
    return pa.table([pa.array(ids, pa.string()), signature, nulls, nulls], schema=SIGNATURES)


def link_near_duplicates(new: pa.Table, known: pa.Table, *, threshold: float = NEAR_THRESHOLD) -> pa.Table:
    """NEAR_DUPLICATES rows: every pair of a `new` article with a known or another new article it nearly repeats.

    Both tables are SIGNATURES. Known rows of the new articles themselves are left out (a rerun
    or a reprocess finds them stored), so an article is never linked to itself.
    """
    return NearIndex(known).link(new, threshold=threshold)


class NearIndex:
    """Signatures to compare new articles with (the lake's, then each batch's), indexed by LSH band.

    `link` compares a batch with everything added so far and then adds it. Only the article ids
    stay in memory (Arrow, about 25 bytes an article): signatures and each band's keys, kept
    sorted, move to unnamed temporary files under `spill_dir` (the system's by default) every
    `spill_rows` articles, and a batch reads them back one band at a time and the signatures it
    needs block by block. So memory stays flat as the run grows.
    """

    def __init__(self, known: pa.Table, *, spill_dir: Path | None = None, spill_rows: int = SPILL_ROWS):
        self._spill_dir = spill_dir
        self._spill_rows = max(1, spill_rows)
        self._ids: list[pa.Array] = []  # one array per `add`
        self._starts: list[int] = []  # the first row of each
        self._rows = 0
        self._stored = 0  # rows below this are in the files, the rest in `_recent`
        self._recent: list[np.ndarray] = []  # signatures not spilled yet
        self._recent_bands = [np.zeros(0, dtype=_BAND_ENTRY) for _ in range(BANDS)]  # sorted by key
        self._signature_file: BinaryIO | None = None
        self._band_files: list[BinaryIO] = []
        for start in range(0, known.num_rows, self._spill_rows):  # a large lake's signatures a slice at a time
            self.add(known.slice(start, self._spill_rows))

    def __len__(self) -> int:
        return self._rows

    def close(self) -> None:
        """Remove the temporary files now (else they go when the index is collected)."""
        for handle in [self._signature_file, *self._band_files]:
            if handle is not None:
                handle.close()

    def link(self, new: pa.Table, *, threshold: float = NEAR_THRESHOLD) -> pa.Table:
        """NEAR_DUPLICATES rows of `new` with the signatures added so far and with each other; then adds `new`."""
        new_ids = new.column("article_id").to_pylist()
        matrix = _signature_matrix(new.column("signature"))
        renewed = set(new_ids)
        pairs: dict[tuple[str, str], float] = {}
        new_rows, rows, similarity = self._similar(matrix, threshold)
        for i, j, value in zip(new_rows.tolist(), rows.tolist(), similarity.tolist(), strict=True):
            other = new_ids[j - self._rows] if j >= self._rows else self._id(j)
            if other != new_ids[i] and (j >= self._rows or other not in renewed):
                pairs[min(new_ids[i], other), max(new_ids[i], other)] = value
        self.add(new)
        rows_out = [
            {"article_id": a, "near_article_id": b, "similarity": sim, "run_id": None, "ingested_at": None}
            for (a, b), sim in sorted(pairs.items())
        ]
        return pa.Table.from_pylist(rows_out, schema=NEAR_DUPLICATES)

    def add(self, signatures: pa.Table) -> None:
        """Index more SIGNATURES rows."""
        if signatures.num_rows == 0:
            return
        matrix = np.array(_signature_matrix(signatures.column("signature")))  # a copy: no Arrow buffer kept
        self._ids.append(pa.array(signatures.column("article_id").to_pylist(), pa.string()))  # a copy, too
        self._starts.append(self._rows)
        keys = _band_keys(matrix)
        for band in range(BANDS):
            added = np.empty(len(matrix), dtype=_BAND_ENTRY)
            added["key"], added["row"] = keys[:, band], np.arange(self._rows, self._rows + len(matrix))
            self._recent_bands[band] = _merged(self._recent_bands[band], added)
        self._recent.append(matrix)
        self._rows += len(matrix)
        if self._rows - self._stored >= self._spill_rows:
            self._spill()

    def _similar(self, matrix: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row of `matrix`, row, similarity) of each candidate pair at or above `threshold`, ordered by
        the row of `matrix`, then the row: indexed rows first, then `matrix`'s own at `len(self)` + its row."""
        new_rows, rows = self._candidates(matrix)
        counts = np.zeros(len(rows), dtype=np.int64)
        for at, block in self._signature_blocks(rows):
            counts[at] = (block == matrix[new_rows[at]]).sum(axis=1)
        own = np.flatnonzero(rows >= self._rows)  # pairs within the batch
        counts[own] = (matrix[rows[own] - self._rows] == matrix[new_rows[own]]).sum(axis=1)
        similarity = counts / SIGNATURE_SIZE  # the share of equal hashes, as np.mean gives it
        keep = similarity >= threshold
        return new_rows[keep], rows[keep], similarity[keep]

    def _candidates(self, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every (row of `matrix`, earlier row) pair that shares a whole band, once, in order.

        Per band a row is paired with at most BUCKET_ROWS rows, the first ones added with its key
        (the index's, then `matrix`'s earlier rows): the cost per article stays bounded as the lake
        grows, and the pairs depend on the articles' order, not on how they were cut into batches.
        """
        keys = _band_keys(matrix)
        total = self._rows + len(matrix)
        found: list[np.ndarray] = []
        for band in range(BANDS):
            room = np.full(len(matrix), BUCKET_ROWS, dtype=np.int64)
            for entries in (self._stored_band(band), self._recent_bands[band]):
                lows = np.searchsorted(entries["key"], keys[:, band], side="left")
                sizes = np.minimum(np.searchsorted(entries["key"], keys[:, band], side="right") - lows, room)
                room -= sizes
                found.append(_pair_codes(np.arange(len(matrix)), lows, sizes, entries["row"], total))
            order = np.argsort(keys[:, band], kind="stable")  # equal keys keep the rows' order
            ordered = keys[order, band]
            lows = np.searchsorted(ordered, ordered, side="left")
            sizes = np.minimum(np.arange(len(matrix)) - lows, room[order])  # earlier rows of the batch only
            found.append(_pair_codes(order, lows, sizes, order + self._rows, total))
        codes = np.unique(np.concatenate(found))
        return codes // total, codes % total

    def _signature_blocks(self, rows: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """For the pairs whose indexed rows are `rows`: (positions of some pairs, those rows' signatures),
        reading the spilled signatures one block at a time and only blocks that hold some."""
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        recent = np.concatenate(self._recent) if self._recent else np.zeros((0, SIGNATURE_SIZE), dtype="<u4")
        bounds = [*range(0, self._stored, _BLOCK_ROWS), self._stored, self._rows]
        for first, end in itertools.pairwise(bounds):
            low, high = np.searchsorted(ordered, [first, end], side="left")
            if low == high:
                continue
            block = recent if first == self._stored else self._read_signatures(first, min(end, self._stored))
            for part in range(low, high, _PAIRS_AT_ONCE):
                at = order[part : min(part + _PAIRS_AT_ONCE, high)]
                yield at, block[rows[at] - first]

    def _id(self, row: int) -> str:
        chunk = bisect.bisect_right(self._starts, row) - 1
        return self._ids[chunk][row - self._starts[chunk]].as_py()

    def _spill(self) -> None:
        """Move the recent signatures to the signature file and merge their band keys into the band files."""
        if self._signature_file is None:
            self._signature_file = _temporary(self._spill_dir)
            self._band_files = [_temporary(self._spill_dir) for _ in range(BANDS)]
        self._signature_file.seek(0, os.SEEK_END)
        for matrix in self._recent:
            self._signature_file.write(np.ascontiguousarray(matrix, dtype="<u4").tobytes())
        for band, handle in enumerate(self._band_files):
            merged = _merged(self._stored_band(band), self._recent_bands[band])
            handle.seek(0)
            handle.truncate()
            handle.write(merged.tobytes())
            self._recent_bands[band] = np.zeros(0, dtype=_BAND_ENTRY)
        self._stored, self._recent = self._rows, []

    def _stored_band(self, band: int) -> np.ndarray:
        if not self._band_files:
            return np.zeros(0, dtype=_BAND_ENTRY)
        handle = self._band_files[band]
        handle.seek(0)
        return np.frombuffer(handle.read(), dtype=_BAND_ENTRY)

    def _read_signatures(self, first: int, end: int) -> np.ndarray:
        assert self._signature_file is not None
        self._signature_file.seek(first * _SIGNATURE_BYTES)
        data = self._signature_file.read((end - first) * _SIGNATURE_BYTES)
        return np.frombuffer(data, dtype="<u4").reshape(end - first, SIGNATURE_SIZE)


def _signatures(forms: Sequence[Derived]) -> np.ndarray:
    """MinHash of each text's word shingles, one row per text, computed for the batch at once.

    A shingle's hash is the CRC32 of its words joined by spaces (as first defined: stored
    signatures must keep matching). Rather than one CRC call per shingle, each distinct word's
    CRC is taken once and the shingles' CRCs are put together from them in numpy (`_Crc`).
    The words are those of the matching form: `words_only` keeps exactly the characters `\\w`
    matches, so its split is `re.findall(r"\\w+", normalize_key(text))`, without a second fold.
    """
    if not forms:
        return np.zeros((0, SIGNATURE_SIZE), dtype=np.uint32)
    words, counts = [], np.zeros(len(forms), dtype=np.int64)
    for row, form in enumerate(forms):
        found = form.words_only.split()
        words.extend(found)
        counts[row] = len(found)
    hashes, first = _shingle_hashes(pa.array(words, pa.string()), counts)
    a, b = _PERMUTATIONS
    signatures = np.empty((len(forms), SIGNATURE_SIZE), dtype=np.uint32)
    for k in range(SIGNATURE_SIZE):  # one permutation over every shingle of the batch at a time
        values = hashes * a[k]
        values += b[k]
        values -= values // _PRIME64 * _PRIME64  # values % _PRIME, about 10% faster in numpy
        signatures[:, k] = np.minimum.reduceat(values, first)
    return signatures


def _shingle_hashes(words: pa.Array, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The CRC32 of every shingle of each text (uint64, text by text) and where each text's start.

    A text of SHINGLE_WORDS words or more has one shingle per run of SHINGLE_WORDS words; a
    shorter one has one shingle of all its words (the empty string when it has none).
    """
    shingles = np.maximum(counts - SHINGLE_WORDS + 1, 1)
    first = np.concatenate(([0], np.cumsum(shingles)[:-1]))
    hashes = np.zeros(int(shingles.sum()), dtype=np.uint64)
    crc = _Crc.of_words(words)
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1]))
    full = counts >= SHINGLE_WORDS
    starts = _runs(offsets[full], shingles[full])  # each full shingle's first word
    hashes[_runs(first[full], shingles[full])] = crc.shingles(starts, SHINGLE_WORDS)
    for row in np.flatnonzero(~full):  # rare: a text of fewer words than a shingle
        joined = " ".join(words.slice(offsets[row], counts[row]).to_pylist())
        hashes[first[row]] = zlib.crc32(joined.encode("utf-8"))
    return hashes, first


def _runs(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """start, start + 1, ..., start + length - 1 for each (start, length), concatenated."""
    total = int(lengths.sum())
    return np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)


class _Crc:
    """CRC32 of word sequences from each word's own CRC, in numpy.

    CRC32 is linear: crc(A + B) = advance(crc(A), len(B)) ^ crc(B), where advancing by n bytes is
    a fixed linear map of the 32 bits (zlib: crc32(n zero bytes, c) ^ crc32(n zero bytes)). Tables
    of that map for 0.._LONGEST bytes, one per byte of the CRC, turn it into four lookups.
    """

    def __init__(self, distinct: list[bytes], codes: np.ndarray):
        self._distinct, self._codes = distinct, codes  # the batch's words, and each word's among them
        crcs = np.array([zlib.crc32(word) for word in distinct], dtype=np.uint32)
        lengths = np.array([len(word) for word in distinct], dtype=np.int64)
        self._crc, self._length = crcs[codes], lengths[codes]  # one per word of the batch
        self._spaced = _advance(self._crc, np.ones_like(self._length)) ^ np.uint32(zlib.crc32(b" "))  # word + " "

    @classmethod
    def of_words(cls, words: pa.Array) -> _Crc:
        """Each distinct word's CRC computed once, then spread to its occurrences."""
        encoded = pc.dictionary_encode(words)
        distinct = encoded.dictionary.cast(pa.binary()).to_pylist()
        return cls(distinct, encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64))

    def shingles(self, starts: np.ndarray, size: int) -> np.ndarray:
        """CRC32 of the words starts[i] .. starts[i] + size - 1 joined by spaces, for each i."""
        crc = self._spaced[starts] if size > 1 else self._crc[starts]
        longest = np.zeros(len(starts), dtype=np.int64)
        for k in range(1, size):
            last = k == size - 1
            length = self._length[starts + k] + (0 if last else 1)
            longest = np.maximum(longest, length)
            crc = _advance(crc, np.minimum(length, _LONGEST)) ^ (self._crc if last else self._spaced)[starts + k]
        for i in np.flatnonzero(longest > _LONGEST):  # rare: a word too long for the tables
            codes = self._codes[starts[i] : starts[i] + size].tolist()
            crc[i] = zlib.crc32(b" ".join(self._distinct[code] for code in codes))
        return crc.astype(np.uint64)


def _advance(crc: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each CRC as if `lengths` more bytes followed (to be xor-ed with those bytes' own CRC)."""
    table, rows = _advance_table(), lengths * 1024
    return (
        table[rows + (crc & 255)]
        ^ table[rows + 256 + ((crc >> 8) & 255)]
        ^ table[rows + 512 + ((crc >> 16) & 255)]
        ^ table[rows + 768 + (crc >> 24)]
    )


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(_SEED)
    a = np.array([rng.randrange(1, _PRIME) for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)
    b = np.array([rng.randrange(0, _PRIME) for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)
    return a, b


_PERMUTATIONS = _permutations()


@functools.cache
def _advance_table() -> np.ndarray:
    """Row n * 1024 + 256 * j + v: the CRC bits of byte j = v advanced over n bytes, n = 0.._LONGEST.
    Built from zlib on n zero bytes, one bit at a time (the map is linear), on first use: a run
    that signs nothing (a rerun) does not pay its 35 ms."""
    table = np.zeros((_LONGEST + 1, 4, 256), dtype=np.uint32)
    values = np.arange(256)
    for n in range(_LONGEST + 1):
        zeros = bytes(n)
        base = zlib.crc32(zeros)
        bits = [zlib.crc32(zeros, 1 << k) ^ base for k in range(32)]
        for j in range(4):
            for k in range(8):
                table[n, j] ^= np.where(values >> k & 1, bits[8 * j + k], 0).astype(np.uint32)
    return table.reshape(-1)


def _signature_matrix(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """A signature column as a (rows, SIGNATURE_SIZE) matrix, without a Python object per row."""
    values = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if values.null_count:
        raise ValueError("a signature is null")
    values = values.cast(pa.binary(_SIGNATURE_BYTES))
    data = values.buffers()[1]
    start = values.offset * _SIGNATURE_BYTES
    flat = np.frombuffer(data, dtype="<u4", count=len(values) * SIGNATURE_SIZE, offset=start)
    return flat.reshape(len(values), SIGNATURE_SIZE)


def _merged(entries: np.ndarray, added: np.ndarray) -> np.ndarray:
    """Two arrays of band entries as one, sorted by key."""
    both = np.concatenate([entries, added])
    return both[np.argsort(both["key"], kind="stable")]


def _temporary(directory: Path | None) -> BinaryIO:
    return tempfile.TemporaryFile(dir=directory)  # unnamed where the system allows: nothing is left behind


def _pair_codes(new_rows: np.ndarray, lows: np.ndarray, sizes: np.ndarray, rows: np.ndarray, total: int) -> np.ndarray:
    """Codes new_row * total + row pairing each of `new_rows` with `rows[low : low + size]`."""
    if not sizes.sum():
        return np.zeros(0, dtype=np.int64)
    return np.repeat(new_rows.astype(np.int64), sizes) * total + rows[_runs(lows, sizes)].astype(np.int64)


def _band_keys(matrix: np.ndarray) -> np.ndarray:
    """One uint64 per row and band: the band's hashes folded together."""
    halves = np.ascontiguousarray(matrix).view("<u8").reshape(matrix.shape[0], BANDS, -1)  # 4 uint32 = 2 uint64
    return halves[:, :, 0] * np.uint64(0x9E3779B97F4A7C15) ^ halves[:, :, 1]
