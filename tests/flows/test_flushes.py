"""A run that flushes after every batch leaves the same lake as a run that flushes once."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest

import flows.pipeline
from eventlake.write import LakeWriter, read_lake_table
from flows.pipeline import run_pipeline

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
VOLATILE = {"run_id", "ingested_at"}
# One shelling retold by three outlets that differ on the town (Sarmin, or Idlib 9 km away) and the day,
# so only linking joins its reports; one batch each, they arrive in different flushes.
RETOLD = [
    (
        "2024-02-11T08:00:00Z",
        "سقطت قذائف مدفعية على بلدة سرمين بريف إدلب مساء السبت، ما أدى إلى مقتل اثنين من المدنيين.",
    ),
    ("2024-02-11T10:00:00Z", "قتل مدنيان جراء قصف مدفعي استهدف مدينة إدلب مساء السبت."),
    ("2024-02-12T09:00:00Z", "أفاد الدفاع المدني بأن قصفا مدفعيا على سرمين مساء الأحد أودى بحياة مدنيين اثنين."),
]


def comparable(lake: Path, name: str) -> list[dict]:
    table = read_lake_table(lake, name)
    return table.select([c for c in table.column_names if c not in VOLATILE]).to_pylist()


@pytest.fixture(scope="module")
def lakes(tmp_path_factory) -> dict[str, Path]:
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copytree(SAMPLES, inputs, dirs_exist_ok=True)
    lines = [
        json.dumps({"id": f"retold-{i}", "text": text, "published_at": day}, ensure_ascii=False)
        for i, (day, text) in enumerate(RETOLD)
    ]
    (inputs / "retold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    once = tmp_path_factory.mktemp("once")
    run_pipeline([str(inputs)], lake=str(once), batch_size=1)
    every = tmp_path_factory.mktemp("every")
    patch = pytest.MonkeyPatch()
    patch.setattr(flows.pipeline, "LakeWriter", functools.partial(LakeWriter, max_bytes=1))  # full after each batch
    try:
        run_pipeline([str(inputs)], lake=str(every), batch_size=1)
    finally:
        patch.undo()
    return {"once": once, "every": every}


def test_flushing_every_batch_gives_the_same_events(lakes):
    assert comparable(lakes["every"], "events") == comparable(lakes["once"], "events")


def test_flushing_every_batch_gives_the_same_articles(lakes):
    assert comparable(lakes["every"], "articles") == comparable(lakes["once"], "articles")


def test_the_retold_shelling_is_one_cluster(lakes):
    events = read_lake_table(lakes["every"], "events").to_pylist()
    clusters = {e["cluster_id"] for e in events if e["article_id"].startswith("retold-") and e["location"]}
    assert len(clusters) == 1


def test_flushing_every_batch_leaves_one_file_per_events_partition(lakes):
    partitions = [p for p in (lakes["every"] / "events").rglob("month=*")]
    assert sorted(len(list(p.glob("*.parquet"))) for p in partitions) == [1] * len(partitions)
