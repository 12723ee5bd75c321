"""Near-duplicates: the same story in two articles (one wire report on two sites) is linked, not dropped.

Exact copies (same body) are dropped at ingest; near copies differ by a title, a byline or a
sentence and are both kept. Each cleaned text gets a MinHash signature (64 hashes of its word
5-shingles, on the matching form so spelling variants of alef, ya and ta marbuta agree); LSH
with 16 bands of 4 hashes finds candidates among the lake's stored signatures, and a pair whose
signatures agree on at least `threshold` of the hashes is linked. Private to the flow's link stage.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from eventlake import schema
from eventlake.arabic import normalize_key

SIGNATURE_SIZE = 64
BANDS = 16  # of SIGNATURE_SIZE // BANDS hashes: pairs above ~0.5 similarity become candidates
NEAR_THRESHOLD = 0.7  # share of equal hashes (an estimate of the shingles' Jaccard similarity)
SHINGLE_WORDS = 5  # measured: wire copies 0.81-0.88, same-template briefs of different events <= 0.49
_PRIME = 4_294_967_291  # the largest prime below 2**32: every hash fits a uint32
_SEED = 20231017  # fixed: signatures stored by one run must compare with the next run's
_WORD = re.compile(r"\w+")

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


def sign_articles(articles: pa.Table) -> pa.Table:
    """SIGNATURES rows (run_id, ingested_at null) for a table with article_id and text."""
    ids = articles.column("article_id").to_pylist()
    signatures = [_signature(text).tobytes() for text in articles.column("text").to_pylist()]
    rows = {"article_id": ids, "signature": signatures, "run_id": [None] * len(ids), "ingested_at": [None] * len(ids)}
    return pa.table(rows, schema=SIGNATURES)


def link_near_duplicates(new: pa.Table, known: pa.Table, *, threshold: float = NEAR_THRESHOLD) -> pa.Table:
    """NEAR_DUPLICATES rows: every pair of a `new` article with a known or another new article it nearly repeats.

    Both tables are SIGNATURES. Known rows of the new articles themselves are left out (a rerun
    or a reprocess finds them stored), so an article is never linked to itself.
    """
    return NearIndex(known).link(new, threshold=threshold)


class NearIndex:
    """Signatures to compare new articles with (the lake's, then each batch's), indexed by LSH band.

    `link` compares a batch with everything added so far and then adds it. Each band's keys are
    kept sorted and a batch is merged in, not re-sorted with the rest, so a run's linking grows
    with its articles, not with articles times batches.
    """

    def __init__(self, known: pa.Table):
        self._ids: list[str] = []
        self._matrix = np.zeros((0, SIGNATURE_SIZE), dtype="<u4")  # rows beyond len(self._ids) are spare room
        self._keys = [np.zeros(0, dtype=np.uint64) for _ in range(BANDS)]  # each band's keys, sorted
        self._rows = [np.zeros(0, dtype=np.int32) for _ in range(BANDS)]  # the row of each sorted key
        self.add(known)

    def __len__(self) -> int:
        return len(self._ids)

    def link(self, new: pa.Table, *, threshold: float = NEAR_THRESHOLD) -> pa.Table:
        """NEAR_DUPLICATES rows of `new` with the signatures added so far and with each other; then adds `new`."""
        new_ids = new.column("article_id").to_pylist()
        matrix = _matrix(new.column("signature").to_pylist())
        renewed = set(new_ids)
        pairs: dict[tuple[str, str], float] = {}
        for i, rows in self._candidates(matrix).items():
            similarity = (self._matrix[rows] == matrix[i]).mean(axis=1)
            for j, value in zip(rows[similarity >= threshold], similarity[similarity >= threshold], strict=True):
                other = self._ids[j]
                if other not in renewed:
                    pairs[min(new_ids[i], other), max(new_ids[i], other)] = float(value)
        for i, rows in _candidates(matrix, first=0):  # within the batch: earlier rows only
            for j in rows:
                similarity = float(np.mean(matrix[i] == matrix[j]))
                if new_ids[j] != new_ids[i] and similarity >= threshold:
                    pairs[min(new_ids[i], new_ids[j]), max(new_ids[i], new_ids[j])] = similarity
        self.add(new)
        rows = [
            {"article_id": a, "near_article_id": b, "similarity": sim, "run_id": None, "ingested_at": None}
            for (a, b), sim in sorted(pairs.items())
        ]
        return pa.Table.from_pylist(rows, schema=NEAR_DUPLICATES)

    def add(self, signatures: pa.Table) -> None:
        """Index more SIGNATURES rows."""
        if signatures.num_rows == 0:
            return
        matrix = _matrix(signatures.column("signature").to_pylist())
        first = len(self._ids)
        if first + len(matrix) > len(self._matrix):  # grow by doubling: appending stays linear
            room = np.zeros((max(2 * len(self._matrix), first + len(matrix)), SIGNATURE_SIZE), dtype="<u4")
            room[:first] = self._matrix[:first]
            self._matrix = room
        self._matrix[first : first + len(matrix)] = matrix
        self._ids += signatures.column("article_id").to_pylist()
        keys = _band_keys(matrix)
        for band in range(BANDS):
            order = np.argsort(keys[:, band], kind="stable")
            added = keys[order, band]
            at = np.searchsorted(self._keys[band], added, side="right")
            self._keys[band] = np.insert(self._keys[band], at, added)
            self._rows[band] = np.insert(self._rows[band], at, (first + order).astype(np.int32))

    def _candidates(self, matrix: np.ndarray) -> dict[int, np.ndarray]:
        """For each row of `matrix`, the indexed rows that share at least one whole band with it."""
        found: dict[int, list[np.ndarray]] = {}
        keys = _band_keys(matrix)
        for band in range(BANDS):
            lows = np.searchsorted(self._keys[band], keys[:, band], side="left")
            highs = np.searchsorted(self._keys[band], keys[:, band], side="right")
            for i in np.flatnonzero(highs > lows):
                found.setdefault(int(i), []).append(self._rows[band][lows[i] : highs[i]])
        return {i: np.unique(np.concatenate(rows)) for i, rows in found.items()}


def _signature(text: str) -> np.ndarray:
    words = _WORD.findall(normalize_key(text or ""))
    size = min(SHINGLE_WORDS, len(words)) or 1
    shingles = {" ".join(words[k : k + size]) for k in range(max(len(words) - size + 1, 1))}
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    a, b = _PERMUTATIONS
    values = (a[:, None] * hashes[None, :] + b[:, None]) % _PRIME
    return values.min(axis=1).astype("<u4")


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(_SEED)
    a = np.array([rng.randrange(1, _PRIME) for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)
    b = np.array([rng.randrange(0, _PRIME) for _ in range(SIGNATURE_SIZE)], dtype=np.uint64)
    return a, b


_PERMUTATIONS = _permutations()


def _matrix(signatures: Sequence[bytes]) -> np.ndarray:
    if not signatures:
        return np.zeros((0, SIGNATURE_SIZE), dtype="<u4")
    return np.frombuffer(b"".join(signatures), dtype="<u4").reshape(len(signatures), SIGNATURE_SIZE)


def _candidates(matrix: np.ndarray, *, first: int) -> list[tuple[int, set[int]]]:
    """For each row i >= first, the rows before it that share at least one whole band (LSH).

    Each band's hashes are folded into one uint64 key and sorted once, so a lookup is a binary
    search, not a scan of the lake's signatures.
    """
    if matrix.shape[0] <= first:
        return []
    keys = _band_keys(matrix)
    found: dict[int, set[int]] = {i: set() for i in range(first, matrix.shape[0])}
    for band in range(BANDS):
        order = np.argsort(keys[:, band], kind="stable")
        ordered = keys[order, band]
        wanted = keys[first:, band]
        lows = np.searchsorted(ordered, wanted, side="left")
        highs = np.searchsorted(ordered, wanted, side="right")
        for offset in np.flatnonzero(highs - lows > 1):
            i = first + int(offset)
            found[i].update(int(j) for j in order[lows[offset] : highs[offset]] if j < i)
    return [(i, rows) for i, rows in found.items() if rows]


def _band_keys(matrix: np.ndarray) -> np.ndarray:
    """One uint64 per row and band: the band's hashes folded together."""
    halves = np.ascontiguousarray(matrix).view("<u8").reshape(matrix.shape[0], BANDS, -1)  # 4 uint32 = 2 uint64
    return halves[:, :, 0] * np.uint64(0x9E3779B97F4A7C15) ^ halves[:, :, 1]
