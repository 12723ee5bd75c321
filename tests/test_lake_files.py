"""Tests for eventlake._lake_files: which numbered files of a directory are live, and row fingerprints."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from eventlake._lake_files import SeenRows, fingerprints, first_unseen, list_directory, live_files


def touch(directory, *names: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name in names:
        (directory / name).write_bytes(b"")


def names(paths) -> list[str]:
    return [p.name for p in paths]


def test_live_files_are_the_newest_part_and_the_deltas_after_it(tmp_path):
    touch(tmp_path, "part-0.parquet", "delta-1.parquet", "part-2.parquet", "delta-3.parquet", "delta-10.parquet")
    assert names(list_directory(tmp_path).live) == ["part-2.parquet", "delta-3.parquet", "delta-10.parquet"]


def test_files_below_the_newest_part_are_stale(tmp_path):
    touch(tmp_path, "part-0.parquet", "delta-1.parquet", "part-2.parquet")
    assert names(list_directory(tmp_path).stale) == ["part-0.parquet", "delta-1.parquet"]


def test_a_directory_of_deltas_only_is_all_live(tmp_path):
    touch(tmp_path, "delta-0.parquet", "delta-1.parquet")
    assert names(list_directory(tmp_path).live) == ["delta-0.parquet", "delta-1.parquet"]


def test_files_named_otherwise_are_not_the_lakes(tmp_path):
    touch(tmp_path, "part-0.parquet", "notes.parquet", ".part-1.parquet.abc.tmp", "part-x.parquet")
    assert names(list_directory(tmp_path).live) == ["part-0.parquet"]


def test_the_next_number_follows_every_numbered_file(tmp_path):
    touch(tmp_path, "delta-7.parquet", "part-9.parquet")
    assert list_directory(tmp_path).next_number == 10


def test_a_missing_directory_lists_nothing(tmp_path):
    assert (list_directory(tmp_path / "none").live, list_directory(tmp_path / "none").next_number) == ((), 0)


def test_live_files_walks_every_partition(tmp_path):
    touch(tmp_path / "country=SY/year=2024/month=03", "part-0.parquet", "part-1.parquet")
    touch(tmp_path / "country=IQ/year=2024/month=04", "delta-0.parquet")
    found = [p.relative_to(tmp_path).as_posix() for p in live_files(tmp_path)]
    assert found == ["country=IQ/year=2024/month=04/delta-0.parquet", "country=SY/year=2024/month=03/part-1.parquet"]


def test_equal_rows_have_equal_fingerprints():
    table = pa.table({"a": ["حلب", "حلب"], "d": [date(2024, 3, 4), date(2024, 3, 4)], "n": [1, 1]})
    prints = fingerprints(table, ["a", "d", "n"]).to_pylist()
    assert prints[0] == prints[1]


def test_values_that_join_alike_have_different_fingerprints():
    table = pa.table({"a": ["ab", "a", "", None], "b": ["c", "bc", None, ""]})
    assert len(set(fingerprints(table, ["a", "b"]).to_pylist())) == 4


def test_first_unseen_keeps_the_first_of_repeated_new_rows_only():
    table = pa.table({"a": ["old", "new", "other", "new"]})
    seen = SeenRows([fingerprints(table.slice(0, 1), ["a"])])
    assert first_unseen(fingerprints(table, ["a"]), seen).to_pylist() == [1, 2]
