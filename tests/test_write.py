"""Tests for eventlake.write: real Parquet in tmp_path, read back by pyarrow, duckdb and pandas."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from eventlake.errors import ExpectationsFailed
from eventlake.schema import ARTICLES, EVENTS, EVENTS_QUARANTINE, REJECTS
from eventlake.write import (
    read_lake_table,
    write_articles,
    write_events,
    write_manifest,
    write_quarantine,
    write_rejects,
)

PUBLISHED = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
TEXT = "اشتبكت قوات حكومية مع مسلحين قرب مدينة الرقة."


def article(article_id: str, **changes) -> dict:
    row = dict.fromkeys(ARTICLES.names) | {
        "article_id": article_id,
        "published_at": PUBLISHED,
        "language": "ar",
        "text": TEXT,
        "n_sentences": 1,
        "run_id": "run-1",
    }
    return row | changes


def event(event_id: str, article_id: str = "a1", **changes) -> dict:
    row = dict.fromkeys(EVENTS.names) | {
        "event_id": event_id,
        "article_id": article_id,
        "event_date": date(2024, 3, 4),
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "iso": "SY",
        "evidence_text": TEXT,
        "evidence_start": 0,
        "evidence_end": len(TEXT),
        "run_id": "run-1",
    }
    return row | changes


def events(*rows: dict) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=EVENTS)


def reject(**changes) -> dict:
    row = {
        "source_path": "in/broken.json",
        "record_index": 3,
        "stage": "ingest",
        "reason": "not valid JSON",
        "content_hash": None,
        "raw_excerpt": "{oops",
        "run_id": "run-1",
        "rejected_at": PUBLISHED,
    }
    return row | changes


def files(root) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_articles_are_partitioned_by_publication_month(tmp_path):
    rows = [article("a1"), article("a2", published_at=datetime(2023, 12, 31, 23, tzinfo=UTC))]
    write_articles(pa.Table.from_pylist(rows, schema=ARTICLES), tmp_path)
    assert files(tmp_path / "articles") == [
        "year=2023/month=12/part-0.parquet",
        "year=2024/month=03/part-0.parquet",
    ]


def test_events_are_partitioned_by_country_and_month(tmp_path):
    write_events(events(event("e1"), event("e2", iso=None)), tmp_path, article_ids=["a1"])
    assert files(tmp_path / "events") == [
        "country=SY/year=2024/month=03/part-0.parquet",
        "country=XX/year=2024/month=03/part-0.parquet",
    ]


def test_read_back_has_exactly_the_contract_schema(tmp_path):
    write_events(events(event("e1")), tmp_path, article_ids=["a1"])
    assert read_lake_table(tmp_path, "events").schema == EVENTS


def test_unwritten_table_reads_as_empty(tmp_path):
    assert read_lake_table(tmp_path, "articles") == ARTICLES.empty_table()


def test_rerun_gives_the_same_rows(tmp_path):
    batch = events(event("e2"), event("e1", iso="IQ"))
    write_events(batch, tmp_path, article_ids=["a1"])
    first = read_lake_table(tmp_path, "events")
    write_events(batch, tmp_path, article_ids=["a1"])
    assert read_lake_table(tmp_path, "events") == first


def test_rerun_writes_identical_bytes(tmp_path):
    batch = events(event("e2"), event("e1"), event("e3", article_id="a2"))
    write_events(batch, tmp_path, article_ids=["a1", "a2"])
    path = tmp_path / "events/country=SY/year=2024/month=03/part-0.parquet"
    before = path.read_bytes()
    write_events(batch.take([2, 0, 1]), tmp_path, article_ids=["a2", "a1"])
    assert path.read_bytes() == before


def test_partition_file_rows_are_sorted_by_key(tmp_path):
    write_events(events(event("e3"), event("e1"), event("e2")), tmp_path, article_ids=["a1"])
    (path,) = (tmp_path / "events").rglob("*.parquet")
    assert pq.read_table(path).column("event_id").to_pylist() == ["e1", "e2", "e3"]


def test_reextracted_article_leaves_no_stale_events_in_other_partitions(tmp_path):
    old = events(
        event("e1"),
        event("e2", iso="IQ", event_date=date(2024, 4, 1)),
        event("b1", article_id="b"),
    )
    write_events(old, tmp_path, article_ids=["a1", "b"])
    write_events(events(event("e9", event_date=date(2024, 5, 2))), tmp_path, article_ids=["a1"])
    assert read_lake_table(tmp_path, "events").column("event_id").to_pylist() == ["b1", "e9"]


def test_emptied_partition_directory_is_removed(tmp_path):
    write_events(events(event("e1", iso="IQ")), tmp_path, article_ids=["a1"])
    write_events(events(event("e1")), tmp_path, article_ids=["a1"])
    assert not (tmp_path / "events" / "country=IQ").exists()


def test_article_with_no_events_left_loses_its_old_events(tmp_path):
    write_events(events(event("e1"), event("b1", article_id="b")), tmp_path, article_ids=["a1", "b"])
    write_events(EVENTS.empty_table(), tmp_path, article_ids=["a1"])
    assert read_lake_table(tmp_path, "events").column("event_id").to_pylist() == ["b1"]


def test_article_that_changed_month_is_moved_not_copied(tmp_path):
    write_articles(pa.Table.from_pylist([article("a1")], schema=ARTICLES), tmp_path)
    moved = article("a1", published_at=datetime(2024, 4, 2, tzinfo=UTC))
    write_articles(pa.Table.from_pylist([moved], schema=ARTICLES), tmp_path)
    assert files(tmp_path / "articles") == ["year=2024/month=04/part-0.parquet"]


def test_writes_leave_no_temporary_files(tmp_path):
    write_events(events(event("e1")), tmp_path, article_ids=["a1"])
    write_events(events(event("e2")), tmp_path, article_ids=["a1"])
    assert [p for p in tmp_path.rglob("*") if p.name.startswith(".")] == []


def test_crash_leftover_is_ignored_by_readers(tmp_path):
    write_events(events(event("e1")), tmp_path, article_ids=["a1"])
    partition = tmp_path / "events/country=SY/year=2024/month=03"
    (partition / ".part-0.parquet.dead.tmp").write_bytes(b"PAR1 half a file")
    assert read_lake_table(tmp_path, "events").num_rows == 1


def test_crash_leftover_is_removed_by_next_write(tmp_path):
    write_events(events(event("e1")), tmp_path, article_ids=["a1"])
    leftover = tmp_path / "events/country=SY/year=2024/month=03/.part-0.parquet.dead.tmp"
    leftover.write_bytes(b"PAR1 half a file")
    write_events(events(event("e2", article_id="b")), tmp_path, article_ids=["b"])
    assert not leftover.exists()


def test_duckdb_reads_the_events_lake(tmp_path):
    write_events(events(event("e1"), event("e2", iso="IQ")), tmp_path, article_ids=["a1"])
    pattern = f"{tmp_path}/events/**/*.parquet"
    rows = duckdb.sql(
        f"select event_id, country, iso from read_parquet('{pattern}', hive_partitioning=true) order by event_id"
    ).fetchall()
    assert rows == [("e1", "SY", "SY"), ("e2", "IQ", "IQ")]


def test_pandas_reads_the_events_lake(tmp_path):
    write_events(events(event("e1"), event("e2", iso="IQ")), tmp_path, article_ids=["a1"])
    frame = pd.read_parquet(tmp_path / "events")
    assert sorted(frame["event_id"]) == ["e1", "e2"]


def test_duplicate_event_id_is_refused(tmp_path):
    with pytest.raises(ExpectationsFailed, match=r"events: .*be_unique\(event_id\)"):
        write_events(events(event("e1"), event("e1")), tmp_path, article_ids=["a1"])


def test_extra_column_is_refused_by_name(tmp_path):
    batch = events(event("e1")).append_column("note", pa.array(["x"]))
    with pytest.raises(ExpectationsFailed, match=r"events: .*unexpected \['note'\]"):
        write_events(batch, tmp_path, article_ids=["a1"])


def test_uncastable_type_is_refused(tmp_path):
    batch = events(event("e1"))
    batch = batch.set_column(batch.schema.get_field_index("fatalities"), "fatalities", pa.array(["many"]))
    with pytest.raises(ExpectationsFailed, match=r"events: .*column fatalities"):
        write_events(batch, tmp_path, article_ids=["a1"])


def test_country_that_is_not_a_code_is_refused(tmp_path):
    with pytest.raises(ExpectationsFailed, match=r"events: .*match_regex\(iso\)"):
        write_events(events(event("e1", iso="../../x")), tmp_path, article_ids=["a1"])


def test_quarantine_rerun_keeps_the_first_record(tmp_path):
    row = event("e1", confidence=2.0) | {"table_name": "events", "failed_expectations": "x(y)"}
    for run_id in ("run-1", "run-2"):
        table = pa.Table.from_pylist([row | {"run_id": run_id}], schema=EVENTS_QUARANTINE)
        write_quarantine(table, tmp_path, table_name="events")
    assert read_lake_table(tmp_path, "events_quarantine").column("run_id").to_pylist() == ["run-1"]


def test_quarantine_goes_under_its_table_name(tmp_path):
    row = event("e1") | {"table_name": "events", "failed_expectations": "x(y)"}
    write_quarantine(pa.Table.from_pylist([row], schema=EVENTS_QUARANTINE), tmp_path, table_name="events")
    assert files(tmp_path / "quarantine") == ["table=events/part-0.parquet"]


def test_rejects_rerun_does_not_repeat_rows(tmp_path):
    for run_id in ("run-1", "run-2"):
        batch = [reject(run_id=run_id, rejected_at=datetime.now(UTC))]
        write_rejects(pa.Table.from_pylist(batch, schema=REJECTS), tmp_path)
    assert read_lake_table(tmp_path, "rejects").num_rows == 1


def test_rejects_for_different_reasons_are_kept(tmp_path):
    write_rejects(pa.Table.from_pylist([reject()], schema=REJECTS), tmp_path)
    write_rejects(pa.Table.from_pylist([reject(reason="no text")], schema=REJECTS), tmp_path)
    assert read_lake_table(tmp_path, "rejects").num_rows == 2


def test_manifest_round_trips(tmp_path):
    manifest = {"run_id": "run-7", "started": datetime(2024, 3, 5, tzinfo=UTC), "counts": {"a": 1}}
    path = write_manifest(manifest, tmp_path)
    assert (path, json.loads(path.read_text())["counts"]) == (
        tmp_path / "runs/run-7.json",
        {"a": 1},
    )


def test_manifest_refuses_a_run_id_that_is_a_path(tmp_path):
    with pytest.raises(ValueError, match=r"'\.\./escape'"):
        write_manifest({"run_id": "../escape"}, tmp_path)


def test_unknown_table_name_lists_the_known_ones(tmp_path):
    with pytest.raises(ValueError, match=r"'quarantine'.*events_quarantine"):
        read_lake_table(tmp_path, "quarantine")


def test_file_schema_is_exactly_the_contract(tmp_path):
    from_pandas = pa.Table.from_pandas(events(event("e1")).to_pandas(), preserve_index=False)
    write_events(from_pandas, tmp_path, article_ids=["a1"])
    (path,) = (tmp_path / "events").rglob("*.parquet")
    assert pq.read_schema(path).equals(EVENTS, check_metadata=True)


def test_identical_rejects_in_one_batch_are_written_once(tmp_path):
    write_rejects(pa.Table.from_pylist([reject(), reject(run_id="run-x")], schema=REJECTS), tmp_path)
    assert read_lake_table(tmp_path, "rejects").num_rows == 1


def test_rerun_of_rejects_rewrites_nothing(tmp_path):
    batch = pa.Table.from_pylist([reject()], schema=REJECTS)
    write_rejects(batch, tmp_path)
    assert write_rejects(batch, tmp_path).partitions == ()


def test_empty_batch_writes_nothing(tmp_path):
    stats = write_articles(ARTICLES.empty_table(), tmp_path)
    assert (stats.partitions, files(tmp_path)) == ((), [])


def test_report_written_later_joins_the_cluster_of_an_earlier_one(tmp_path):
    near = {"latitude": 35.95, "longitude": 39.01, "geo_precision": 1, "admin1": "Ar-Raqqah"}
    write_events(events(event("e1", "a1", **near)), tmp_path, article_ids=["a1"])
    later = event("e2", "a2", event_date=date(2024, 3, 5), **(near | {"latitude": 35.97}))
    write_events(events(later), tmp_path, article_ids=["a2"])
    ids = read_lake_table(tmp_path, "events").column("cluster_id").to_pylist()
    assert len(ids) == 2 and ids[0] == ids[1] and ids[0] is not None


def test_rejects_recorded_in_an_earlier_file_are_not_repeated(tmp_path):
    first, second = reject(), reject(reason="no text")
    write_rejects(pa.Table.from_pylist([first], schema=REJECTS), tmp_path)
    write_rejects(pa.Table.from_pylist([second], schema=REJECTS), tmp_path)
    both = pa.Table.from_pylist([second | {"run_id": "run-2"}, first | {"run_id": "run-2"}], schema=REJECTS)
    assert (write_rejects(both, tmp_path).rows_written, files(tmp_path / "rejects")) == (
        0,
        ["delta-1.parquet", "part-0.parquet"],
    )
