"""Whole-run memory of ingest: which content digests and which article ids were read, compactly.

A run of a million articles must not hold a million Python objects to find duplicates: each key
(16 bytes) is kept in sorted numpy arrays, 20 bytes a key with its value, against about 200 as a
set and a dict entry. The keys added last wait in a small dict until it fills, then are merged in.
Private to eventlake.ingest.
"""

from __future__ import annotations

import bisect
import hashlib
import struct

import numpy as np

KEY_BYTES = 16
RECENT_KEYS = 1 << 16  # keys held as a dict before a merge: about 10 MB at most
FILTER_BITS = 1 << 25  # the bitmap's largest size, 4 MB: at 1,000,000 keys about 3% of new keys pass it
_FIRST_BITS = 1 << 16  # the bitmap's first size; it doubles to keep 32 bits a key
_PAIR = struct.Struct("<QQ")
_SLOT = struct.Struct("<I")


class SeenKeys:
    """A map of 16-byte keys to small ints that only grows: the first value given for a key stays.

    Keys must be hashes (their bits spread evenly): a bitmap indexed by their first bits (32 bits
    a key, at most `filter_bits`) answers most lookups of keys never added without a search.
    """

    def __init__(self, *, recent: int = RECENT_KEYS, filter_bits: int = FILTER_BITS):
        if filter_bits & (filter_bits - 1) or not 8 <= filter_bits <= 1 << 32:
            raise ValueError(f"filter_bits must be a power of two from 8 to 2**32, not {filter_bits}")
        self._recent: dict[bytes, int] = {}
        self._limit = recent
        self._most_bits = filter_bits
        self._bits = bytearray(min(_FIRST_BITS, filter_bits) // 8)
        self._mask = 8 * len(self._bits) - 1
        self._high = np.zeros(0, dtype=np.uint64)  # sorted by (high, low)
        self._low = np.zeros(0, dtype=np.uint64)
        self._values = np.zeros(0, dtype=np.int32)
        self._search = memoryview(self._high)  # bisect on a memoryview: a lookup costs no numpy call

    def __len__(self) -> int:
        return len(self._recent) + len(self._high)

    def __contains__(self, key: bytes) -> bool:
        return self.get(key) is not None

    def get(self, key: bytes) -> int | None:
        """The value first given for `key`, or None if it was never added."""
        slot = _SLOT.unpack_from(key)[0] & self._mask
        if not self._bits[slot >> 3] & (1 << (slot & 7)):
            return None
        if (value := self._recent.get(key)) is not None:
            return value
        return self._find(key)

    def add(self, key: bytes, value: int = 0) -> int | None:
        """Add `key` with `value` unless it is there already; returns the value it already had, else None."""
        if len(key) != KEY_BYTES:
            raise ValueError(f"keys are {KEY_BYTES} bytes, not {len(key)}")
        if (held := self.get(key)) is not None:
            return held
        slot = _SLOT.unpack_from(key)[0] & self._mask
        self._bits[slot >> 3] |= 1 << (slot & 7)
        self._recent[key] = value
        if len(self._recent) >= self._limit:
            self._merge()
        if 32 * len(self) > len(self._bits) * 8 < self._most_bits:
            self._grow_filter()
        return None

    def _find(self, key: bytes) -> int | None:
        high, low = _PAIR.unpack(key)
        at = bisect.bisect_left(self._search, high)
        while at < len(self._search) and self._search[at] == high:  # a shared high half is rare: 2**-64
            if int(self._low[at]) == low:
                return int(self._values[at])
            at += 1
        return None

    def _grow_filter(self) -> None:
        """Double the bitmap (to 32 bits a key, at most the largest size) and set the bits of every key."""
        size = len(self._bits) * 8
        while size < 32 * len(self) and size < self._most_bits:
            size *= 2
        recent = np.frombuffer(b"".join(self._recent), dtype="<u8").reshape(-1, 2)[:, 0]
        slots = (np.concatenate([self._high, recent]) & np.uint64(size - 1)).astype(np.int64)
        bits = np.zeros(size // 8, dtype=np.uint8)
        np.bitwise_or.at(bits, slots >> 3, np.left_shift(1, slots & 7).astype(np.uint8))
        self._bits, self._mask = bytearray(bits.tobytes()), size - 1

    def _merge(self) -> None:
        """Move the recent keys into the sorted arrays (one sort of all keys: rare, and linear in memory)."""
        pairs = np.frombuffer(b"".join(self._recent), dtype="<u8").reshape(-1, 2)
        high = np.concatenate([self._high, pairs[:, 0]])
        low = np.concatenate([self._low, pairs[:, 1]])
        values = np.concatenate([self._values, np.fromiter(self._recent.values(), np.int32, len(self._recent))])
        order = np.lexsort((low, high))
        self._high, self._low, self._values = high[order], low[order], values[order]
        self._search = memoryview(self._high)
        self._recent = {}


def text_key(text: str) -> bytes:
    """A 16-byte key of a string (an article id) for SeenKeys."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=KEY_BYTES).digest()
