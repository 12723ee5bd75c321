"""Tests for eventlake._ingest_archives and archives through ingest: bounded, never extracted, no traversal."""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventlake import ingest
from eventlake._ingest_archives import Budget, warc_members, zip_members
from eventlake.errors import InputError
from eventlake.ingest import read_inputs

NOW = datetime(2023, 10, 20, 12, 0, tzinfo=UTC)
BODY = "أفاد ناشطون بسقوط قذائف على حي سكني في مدينة درعا مساء الأحد دون أن تُسجّل إصابات."
BOMB_BYTES = ingest.MAX_FILE_BYTES + 5 * 2**20  # zeros compress ~1000:1: a 25 MB member in ~25 KB


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def article(n: int) -> bytes:
    return json.dumps({"id": f"a{n}", "text": f"{BODY} ({n})", "published_at": "2023-10-15"}).encode()


def ingest_file(tmp_path: Path, name: str, data: bytes) -> ingest.IngestResult:
    path = tmp_path / name
    path.write_bytes(data)
    return read_inputs([path], now=NOW, published_at=NOW)


def reasons(result: ingest.IngestResult) -> dict[str, str]:
    rejects = result.rejects
    return dict(zip(rejects.column("source_path").to_pylist(), rejects.column("reason").to_pylist(), strict=True))


# --- path traversal --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "why"),
    [
        ("../../evil.json", "climbs out with '..'"),
        ("docs/../../evil.json", "climbs out with '..'"),
        ("/etc/evil.json", "is absolute"),
        ("C:/evil.json", "is absolute"),
        ("..\\..\\evil.json", "climbs out with '..'"),
    ],
)
def test_member_that_would_climb_out_is_refused_with_its_name(tmp_path, member, why):
    result = ingest_file(tmp_path, "in.zip", zip_bytes({member: article(1)}))
    (reason,) = reasons(result).values()
    assert reason == f"unsafe path in archive: {member!r} {why}; not read"


def test_refused_member_leaves_the_good_ones(tmp_path):
    result = ingest_file(tmp_path, "in.zip", zip_bytes({"../x.json": article(1), "ok.json": article(2)}))
    assert result.articles.column("article_id").to_pylist() == ["a2"]


def test_reading_an_archive_writes_no_file_anywhere(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "in.zip").write_bytes(zip_bytes({"../../evil.json": article(1), "sub/ok.json": article(2)}))
    before = sorted(p for p in tmp_path.rglob("*"))
    read_inputs([inputs], now=NOW)
    assert sorted(p for p in tmp_path.rglob("*")) == before


# --- bombs and caps ---------------------------------------------------------------------------


def test_zip_bomb_member_is_refused_without_inflating_it(tmp_path):
    data = zip_bytes({"bomb.txt": b"\0" * BOMB_BYTES})
    tracemalloc.start()
    result = ingest_file(tmp_path, "bomb.zip", data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (list(reasons(result).values()), peak < 1.5 * ingest.MAX_FILE_BYTES) == (
        ["file inside .zip too large: over 20 MB when decompressed"],
        True,
    )


def test_gzip_bomb_is_refused(tmp_path):
    result = ingest_file(tmp_path, "bomb.txt.gz", gzip.compress(b"\0" * BOMB_BYTES))
    assert list(reasons(result).values()) == ["file inside .gz too large: over 20 MB when decompressed"]


def test_archive_total_budget_stops_members_once_spent():
    data = zip_bytes({"a.json": b"x" * 600, "b.json": b"y" * 600})
    members = list(zip_members(io.BytesIO(data), budget=Budget(per_member=1000, total=1000)))
    assert [m.problem for m in members] == [None, "archive too large: its files pass 1000 B decompressed; not read"]


def test_archive_with_more_members_than_allowed_is_refused_whole():
    data = zip_bytes({f"{n}.json": b"{}" for n in range(5)})
    with pytest.raises(InputError, match="zip archive has 5 files, more than 3"):
        list(zip_members(io.BytesIO(data), budget=Budget(per_member=100, total=1000, members=3)))


def test_archive_inside_an_archive_is_not_read(tmp_path):
    result = ingest_file(tmp_path, "outer.zip", zip_bytes({"inner.zip": zip_bytes({"a.json": article(1)})}))
    assert list(reasons(result).values()) == ["archive inside an archive: not read (unpack it first)"]


def test_corrupt_zip_is_one_reject(tmp_path):
    result = ingest_file(tmp_path, "broken.zip", b"PK\x03\x04 this is not really a zip")
    assert next(iter(reasons(result).values())).startswith("not a valid zip archive")


def test_truncated_gzip_is_one_reject(tmp_path):
    data = gzip.compress(article(1))[:-12]
    result = ingest_file(tmp_path, "cut.json.gz", data)
    assert next(iter(reasons(result).values())).startswith("not a valid gzip file")


def test_hidden_and_non_article_members_are_skipped_silently(tmp_path):
    members = {"__MACOSX/._a.json": b"junk", ".DS_Store": b"junk", "style.css": b"p{}", "a.json": article(1)}
    result = ingest_file(tmp_path, "in.zip", zip_bytes(members))
    assert (result.articles.num_rows, result.rejects.num_rows) == (1, 0)


def test_member_of_an_unknown_type_is_a_reject_naming_the_member(tmp_path):
    result = ingest_file(tmp_path, "in.zip", zip_bytes({"notes.doc": b"hello", "a.json": article(1)}))
    assert reasons(result) == {f"{tmp_path / 'in.zip'}!notes.doc": "unsupported file type .doc"}


# --- WARC -------------------------------------------------------------------------------------


def warc_bytes(payloads: list[bytes], *, status: str = "200 OK") -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for n, payload in enumerate(payloads):
        headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://x.example/{n}", "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_record_over_the_member_cap_is_refused_and_the_next_is_read():
    data = warc_bytes([b"<p>" + b"x" * 2000 + b"</p>", b"<p>short</p>"])
    members = list(warc_members(io.BytesIO(data), budget=Budget(per_member=1000, total=10_000)))
    assert [(m.label, m.problem) for m in members] == [
        ("record 1", "WARC record too large: over 1000 B when decompressed"),
        ("record 2", None),
    ]


def test_warc_non_200_responses_are_skipped():
    data = warc_bytes([b"<p>moved</p>"], status="301 Moved Permanently")
    assert list(warc_members(io.BytesIO(data), budget=Budget(per_member=1000, total=10_000))) == []


def test_warc_date_is_the_fallback_date_with_origin_mtime(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://x.example/t",
        "response",
        payload=io.BytesIO(BODY.encode()),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2023-10-18T10:00:00Z"},
    )
    writer.write_record(record)
    path = tmp_path / "c.warc"
    path.write_bytes(buffer.getvalue())
    os.utime(path, (NOW.timestamp(), NOW.timestamp()))
    (row,) = read_inputs([path], now=NOW).articles.to_pylist()
    assert (row["published_at"], row["published_at_origin"]) == (datetime(2023, 10, 18, 10, tzinfo=UTC), "mtime")
