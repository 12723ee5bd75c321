"""Tests for eventlake.write.LakeWriter: a run's rows held, then written once per flush at the cost of what it adds."""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet
import pytest

from eventlake.errors import ExpectationsFailed
from eventlake.schema import ARTICLES, EVENTS, REJECTS
from eventlake.write import MAX_LIVE_FILES, LakeWriter, read_lake_table, write_articles, write_events

PUBLISHED = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
TEXT = "اشتبكت قوات حكومية مع مسلحين قرب مدينة الرقة."


RAQQA = {"latitude": 35.95, "longitude": 39.01, "geo_precision": 1, "admin1": "Ar-Raqqah", "sub_event_type": "Attack"}


def articles(*ids: str, published: datetime = PUBLISHED) -> pa.Table:
    base = dict.fromkeys(ARTICLES.names) | {"published_at": published, "text": TEXT, "run_id": "r"}
    return pa.Table.from_pylist([base | {"article_id": i} for i in ids], schema=ARTICLES)


def events(*pairs: tuple[str, str], day: date = date(2024, 3, 4), **changes) -> pa.Table:
    base = dict.fromkeys(EVENTS.names) | {"event_date": day, "iso": "SY", "run_id": "r"} | changes
    return pa.Table.from_pylist([base | {"event_id": e, "article_id": a} for e, a in pairs], schema=EVENTS)


def rejects(*reasons: str) -> pa.Table:
    row = {"source_path": "in/x.json", "stage": "ingest", "run_id": "r", "rejected_at": PUBLISHED}
    return pa.Table.from_pylist([row | {"reason": r} for r in reasons], schema=REJECTS)


def run(lake: Path, batches: list[tuple[pa.Table, pa.Table]], *, max_bytes: int, mapper=map) -> None:
    """Hold batches as the pipeline does: flush whenever the writer is full, and once at the end."""
    writer = LakeWriter(lake, max_bytes=max_bytes)
    for articles_batch, events_batch in batches:
        writer.add_batch(articles_batch, events_batch)
        if writer.full:
            writer.flush(final=False)
    writer.flush(final=True, mapper=mapper)


def reports(n: int) -> list[tuple[pa.Table, pa.Table]]:
    """Batches of one article each: the same strike in Raqqa retold day by day, and one more in another month."""
    batches = []
    for i in range(n):
        day = date(2024, 3, 4 + i % 2)
        near = RAQQA | {"latitude": 35.95 + i / 1000}
        batch_events = events((f"e{i}", f"a{i}"), (f"f{i}", f"a{i}"), day=day, **near)
        batch_events = batch_events.set_column(0, "event_id", pa.array([f"e{i}", f"f{i}"])).set_column(
            2, "event_date", pa.array([day, date(2024, 5 + i % 2, 1)], pa.date32())
        )
        batches.append((articles(f"a{i}", published=PUBLISHED + timedelta(days=31 * (i % 3))), batch_events))
    return batches


def files_in(lake: Path, table: str) -> list[str]:
    return sorted(p.relative_to(lake / table).as_posix() for p in (lake / table).rglob("*.parquet"))


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
    first = LakeWriter(tmp_path)
    first.add_batch(articles("a1"), events(("e1", "a1")))
    first.add("rejects", rejects("bad"))
    first.flush()
    before = snapshot(tmp_path)
    again = LakeWriter(tmp_path)
    again.add("rejects", rejects("bad").set_column(6, "run_id", pa.array(["r2"])))
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


def test_many_flushes_and_one_flush_give_the_same_tables(tmp_path):
    for lake, max_bytes in ((tmp_path / "many", 1), (tmp_path / "one", 2**40)):
        write_events(events(("old", "a0"), **RAQQA), lake, article_ids=["a0"])
        write_articles(articles("a0"), lake)
        run(lake, reports(5), max_bytes=max_bytes)
    tables = [[read_lake_table(tmp_path / lake, n) for n in ("events", "articles")] for lake in ("many", "one")]
    assert tables[0] == tables[1]


def test_the_last_flush_on_other_processes_writes_the_same_files(tmp_path):
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for lake, mapper in ((tmp_path / "here", map), (tmp_path / "pool", pool.map)):
            write_events(events(("old", "a0"), **RAQQA), lake, article_ids=["a0"])  # a0 is re-extracted below
            write_articles(articles("a0"), lake)
            run(lake, reports(5), max_bytes=1, mapper=mapper)
    here, pooled = ({k: v[0] for k, v in snapshot(tmp_path / d).items()} for d in ("here", "pool"))
    assert (here, len(here)) == (pooled, 8)


def test_reports_flushed_apart_share_one_cluster(tmp_path):
    run(tmp_path, reports(4), max_bytes=1)
    march = read_lake_table(tmp_path, "events").filter(pa.compute.field("event_id").isin(["e0", "e1", "e2", "e3"]))
    (cluster,) = set(march.column("cluster_id").to_pylist())
    assert cluster is not None


def test_the_last_flush_leaves_one_file_per_events_partition(tmp_path):
    run(tmp_path, reports(5), max_bytes=1)
    assert files_in(tmp_path, "events") == [
        "country=SY/year=2024/month=03/part-5.parquet",
        "country=SY/year=2024/month=05/part-3.parquet",
        "country=SY/year=2024/month=06/part-2.parquet",
    ]


def test_an_earlier_flush_adds_a_file_and_leaves_the_partitions_file_alone(tmp_path):
    write_events(events(("e0", "a0")), tmp_path, article_ids=["a0"])
    before = snapshot(tmp_path)
    writer = LakeWriter(tmp_path)
    writer.add_batch(articles("a1"), events(("e1", "a1")))
    writer.flush(final=False)
    assert (files_in(tmp_path, "events"), snapshot(tmp_path).items() >= before.items()) == (
        ["country=SY/year=2024/month=03/delta-1.parquet", "country=SY/year=2024/month=03/part-0.parquet"],
        True,
    )


def test_an_earlier_flush_rewrites_a_partition_holding_a_reextracted_article(tmp_path):
    write_events(events(("old", "a1"), ("b1", "b")), tmp_path, article_ids=["a1", "b"])
    writer = LakeWriter(tmp_path)
    writer.add_batch(articles("a1"), events(("new", "a1"), day=date(2024, 4, 2)))
    writer.flush(final=False)
    assert read_lake_table(tmp_path, "events").column("event_id").to_pylist() == ["b1", "new"]


def test_an_article_written_twice_in_one_run_keeps_only_its_last_events(tmp_path):
    writer = LakeWriter(tmp_path)
    writer.add_batch(articles("a1"), events(("first", "a1")))
    writer.flush(final=False)
    writer.add_batch(articles("a1"), events(("second", "a1"), day=date(2024, 4, 2)))
    writer.flush(final=False)
    assert read_lake_table(tmp_path, "events").column("event_id").to_pylist() == ["second"]


def test_each_flush_adds_a_file_of_only_the_rows_not_recorded(tmp_path):
    writer = LakeWriter(tmp_path)
    writer.add("rejects", rejects("bad"))
    writer.flush(final=False)
    writer.add("rejects", rejects("bad", "worse"))
    writer.flush()
    newest = pa.parquet.read_table(tmp_path / "rejects" / "delta-1.parquet")
    assert (files_in(tmp_path, "rejects"), newest.column("reason").to_pylist()) == (
        ["delta-1.parquet", "part-0.parquet"],
        ["worse"],
    )


def test_a_crowded_directory_is_merged_at_the_end_of_the_run(tmp_path):
    run(tmp_path, [(articles(f"a{i}"), EVENTS.empty_table()) for i in range(MAX_LIVE_FILES + 1)], max_bytes=1)
    assert files_in(tmp_path, "articles") == [f"year=2024/month=03/part-{MAX_LIVE_FILES + 1}.parquet"]


def test_a_compaction_cut_short_shows_each_row_once(tmp_path):
    writer = LakeWriter(tmp_path)
    writer.add_batch(articles("a1"), events(("e1", "a1")))
    writer.flush(final=False)
    partition = tmp_path / "events/country=SY/year=2024/month=03"
    kept = shutil.copy(partition / "delta-0.parquet", tmp_path / "delta-0.parquet")
    writer.add_batch(articles("a2"), events(("e2", "a2")))
    writer.flush()
    shutil.copy(kept, partition / "delta-0.parquet")  # as if the run died before deleting it
    assert read_lake_table(tmp_path, "events").column("event_id").to_pylist() == ["e1", "e2"]


def test_the_next_write_deletes_what_a_compaction_cut_short_left(tmp_path):
    run(tmp_path, [(articles("a1"), events(("e1", "a1")))], max_bytes=1)
    partition = tmp_path / "events/country=SY/year=2024/month=03"
    leftover = shutil.copy(partition / "part-1.parquet", partition / "delta-0.parquet")  # superseded by part-1
    run(tmp_path, [(articles("a2"), events(("e2", "a2")))], max_bytes=1)
    assert not leftover.exists()


def test_the_default_flush_is_the_last_unless_the_writer_is_full(tmp_path):
    writer = LakeWriter(tmp_path, max_bytes=1)
    writer.add_batch(articles("a1"), events(("e1", "a1")))
    writer.flush()  # full: not the last flush
    written_while_full = files_in(tmp_path, "events")
    writer.flush()  # empty: the last
    assert (written_while_full, files_in(tmp_path, "events")) == (
        ["country=SY/year=2024/month=03/delta-0.parquet"],
        ["country=SY/year=2024/month=03/part-1.parquet"],
    )


def test_duckdb_counts_every_row_once_after_many_flushes(tmp_path):
    run(tmp_path, reports(5), max_bytes=1)
    for table in ("events", "articles"):
        query = f"select count(*) from read_parquet('{tmp_path}/{table}/**/*.parquet')"
        assert duckdb.sql(query).fetchall()[0][0] == read_lake_table(tmp_path, table).num_rows
