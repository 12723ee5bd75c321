"""Tests for eventlake._ingest_seen: the run's memory of content digests and ids, kept compactly."""

from __future__ import annotations

import hashlib

import pytest

from eventlake._ingest_seen import SeenKeys, text_key

HEADLINES = [
    "قصف مدفعي على أطراف سراقب",
    "انفجار عبوة ناسفة جنوب إدلب",
    "اشتباكات في ريف حماة الشمالي",
    "اعتقال ثلاثة شبان في درعا",
    "غارة جوية على معرة النعمان",
    "مظاهرة في السويداء",
    "اغتيال قيادي محلي في الباب",
    "خطف سائق على طريق حلب",
    "قصف صاروخي على مخيم للنازحين",
]


def digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


def filled(*, recent: int = 2, filter_bits: int = 8) -> SeenKeys:
    """Every headline added (value: its place), through several merges and filter growths."""
    keys = SeenKeys(recent=recent, filter_bits=filter_bits)
    for place, headline in enumerate(HEADLINES):
        keys.add(digest(headline), place)
    return keys


def test_every_key_added_is_found_with_its_value_after_merges():
    keys = filled()
    assert [keys.get(digest(h)) for h in HEADLINES] == list(range(len(HEADLINES)))


def test_a_key_never_added_is_not_found():
    assert digest("قصف على أطراف سراقب") not in filled()


def test_adding_a_key_again_keeps_its_first_value_and_returns_it():
    keys = filled()
    assert (keys.add(digest(HEADLINES[3]), 99), keys.get(digest(HEADLINES[3]))) == (3, 3)


def test_a_key_sharing_the_first_eight_bytes_of_another_is_told_apart():
    keys = SeenKeys(recent=1)
    first = digest(HEADLINES[0])
    keys.add(first, 1)
    twin = first[:8] + bytes(8)
    assert (keys.get(twin), keys.add(twin, 2), keys.get(twin), keys.get(first)) == (None, None, 2, 1)


def test_the_filter_grows_with_the_keys_without_losing_any():
    keys = SeenKeys(recent=1000, filter_bits=1 << 20)
    added = [digest(f"{h} {n}") for n in range(300) for h in HEADLINES[:3]]
    for key in added:
        keys.add(key)
    assert all(key in keys for key in added)


def test_a_key_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError, match="16 bytes"):
        SeenKeys().add(b"\x01" * 32)


def test_text_key_tells_ids_apart():
    assert text_key("sy-1") != text_key("sy-2")
