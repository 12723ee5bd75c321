"""Tests for eventlake.write.LakeWriter: a run's rows held, each partition written once per flush."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from eventlake.errors import ExpectationsFailed
from eventlake.schema import ARTICLES, EVENTS, REJECTS
from eventlake.write import LakeWriter, read_lake_table, write_articles, write_events

PUBLISHED = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
TEXT = "اشتبكت قوات حكومية مع مسلحين قرب مدينة الرقة."


def articles(*ids: str) -> pa.Table:
    base = dict.fromkeys(ARTICLES.names) | {"published_at": PUBLISHED, "text": TEXT, "run_id": "r"}
    return pa.Table.from_pylist([base | {"article_id": i} for i in ids], schema=ARTICLES)


def events(*pairs: tuple[str, str], day: date = date(2024, 3, 4)) -> pa.Table:
    base = dict.fromkeys(EVENTS.names) | {"event_date": day, "iso": "SY", "run_id": "r"}
    return pa.Table.from_pylist([base | {"event_id": e, "article_id": a} for e, a in pairs], schema=EVENTS)


def snapshot(lake: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(lake)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in lake.rglob("*.parquet")
    }


def test_nothing_is_written_before_the_flush(tmp_path):
    writer = LakeWriter(tmp_path)
    writer.add_batch(articles("a1"), events(("e1", "a1")))
    assert list(tmp_path.rglob("*.parquet")) == []


def test_batches_into_one_partition_make_one_file_with_all_rows(tmp_path):
    writer = LakeWriter(tmp_path)
    for n in range(3):
        writer.add_batch(articles(f"a{n}"), events((f"e{n}", f"a{n}")))
    writer.flush()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.parquet")) == [
        "articles/year=2024/month=03/part-0.parquet",
        "events/country=SY/year=2024/month=03/part-0.parquet",
    ]


def test_flush_writes_the_rows_of_every_batch(tmp_path):
    writer = LakeWriter(tmp_path)
    for n in range(3):
        writer.add_batch(articles(f"a{n}"), events((f"e{n}", f"a{n}")))
    assert writer.flush()["events"] == 3 and read_lake_table(tmp_path, "events").num_rows == 3


def test_held_events_replace_an_articles_old_events(tmp_path):
    write_events(events(("old", "a1"), day=date(2023, 1, 1)), tmp_path, article_ids=["a1"])
    write_articles(articles("a1"), tmp_path)
    writer = LakeWriter(tmp_path)
    writer.add_batch(articles("a1"), events(("new", "a1")))
    writer.flush()
    assert read_lake_table(tmp_path, "events").column("event_id").to_pylist() == ["new"]


def test_a_flush_with_nothing_new_changes_no_file(tmp_path):
    rejects = pa.Table.from_pylist(
        [{"source_path": "in/x.json", "stage": "ingest", "reason": "bad", "run_id": "r1", "rejected_at": PUBLISHED}],
        schema=REJECTS,
    )
    first = LakeWriter(tmp_path)
    first.add_batch(articles("a1"), events(("e1", "a1")))
    first.add("rejects", rejects)
    first.flush()
    before = snapshot(tmp_path)
    again = LakeWriter(tmp_path)
    again.add("rejects", rejects.set_column(rejects.schema.get_field_index("run_id"), "run_id", pa.array(["r2"])))
    again.flush()
    assert snapshot(tmp_path) == before


def test_the_same_event_in_two_batches_is_refused(tmp_path):
    writer = LakeWriter(tmp_path)
    writer.add_batch(articles("a1"), events(("e1", "a1")))
    writer.add_batch(articles("a2"), events(("e1", "a2")))
    with pytest.raises(ExpectationsFailed, match="event_id"):
        writer.flush()


def test_writer_is_full_past_its_budget(tmp_path):
    writer = LakeWriter(tmp_path, max_bytes=1)
    writer.add_batch(articles("a1"), events(("e1", "a1")))
    assert writer.full


def test_unknown_table_is_refused_by_name(tmp_path):
    with pytest.raises(ValueError, match="'events'"):
        LakeWriter(tmp_path).add("events", events(("e1", "a1")))
