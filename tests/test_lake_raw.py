"""Tests for the lake's raw store and HTTP validators (eventlake._lake_raw, re-exported by eventlake.write)."""

from __future__ import annotations

import hashlib
import json

import pytest

from eventlake.errors import InputError
from eventlake.ingest import Document
from eventlake.write import RawStore, read_http_validators, write_http_validators

DATA = "نص خام كما وصل من المصدر".encode()
DIGEST = hashlib.sha256(DATA).hexdigest()


def doc(data: bytes = DATA) -> Document:
    return Document("in/a.txt", "a.txt", data)


def test_bytes_are_stored_under_their_hash(tmp_path):
    RawStore(tmp_path).put(DIGEST, doc())
    assert (tmp_path / "raw" / "sha256" / DIGEST[:2] / DIGEST).read_bytes() == DATA


def test_storing_the_same_bytes_again_does_not_rewrite_them(tmp_path):
    store = RawStore(tmp_path)
    store.put(DIGEST, doc())
    mtime = store.path_of(DIGEST).stat().st_mtime_ns
    store.put(DIGEST, doc())
    assert store.path_of(DIGEST).stat().st_mtime_ns == mtime


def test_bytes_that_do_not_match_their_hash_are_refused_and_not_kept(tmp_path):
    store = RawStore(tmp_path)
    with pytest.raises(InputError, match="changed while it was being read"):
        store.put(DIGEST, doc(b"other bytes"))
    assert list((tmp_path / "raw").rglob("*")) == [
        tmp_path / "raw" / "sha256",
        tmp_path / "raw" / "sha256" / DIGEST[:2],
    ]


def test_a_digest_that_is_not_hex_never_becomes_a_path(tmp_path):
    with pytest.raises(ValueError, match="not a sha256 hex digest"):
        RawStore(tmp_path).path_of("../../etc/passwd")


def test_stored_documents_come_back_with_their_meta(tmp_path):
    store = RawStore(tmp_path)
    store.put(DIGEST, doc())
    row = {"raw_hash": DIGEST, "source": "in/a.txt", "name": "a.txt", "meta": json.dumps({"id": "x"}), "charset": None}
    (back,) = store.documents([row])
    assert (back.data, back.meta, back.source) == (DATA, {"id": "x"}, "in/a.txt")


def test_validators_are_merged_with_earlier_ones(tmp_path):
    write_http_validators(tmp_path, {"https://a.example/feed": {"etag": '"1"'}})
    write_http_validators(tmp_path, {"https://b.example/feed": {"last_modified": "Wed, 06 Mar 2024 10:00:00 GMT"}})
    assert sorted(read_http_validators(tmp_path)) == ["https://a.example/feed", "https://b.example/feed"]


def test_unreadable_validators_file_counts_as_none(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "http_validators.json").write_text("{not json")
    assert read_http_validators(tmp_path) == {}
