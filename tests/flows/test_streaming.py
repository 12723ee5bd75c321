"""Inputs streamed batch by batch through the flow, and the command line's no-op rerun that skips Prefect."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventlake.cli import app
from eventlake.write import read_lake_table
from flows.pipeline import run_pipeline

DATE = "2024-02-11T08:00:00Z"
TEXTS = [
    "سقطت قذائف صاروخية على أطراف بلدة سرمين مساء الأحد، ما أدى إلى مقتل اثنين من السكان.",
    "اعتقلت قوات الأمن ثلاثة شبان في حي الميدان بدمشق صباح الأحد بعد مداهمة منازلهم.",
    "انفجرت عبوة ناسفة بسيارة عسكرية على طريق الرقة مساء الأحد دون أنباء عن إصابات.",
]


def corpus(root: Path) -> Path:
    """Three articles in one file, and a copy of the first under another id in a later file."""
    root.mkdir()
    lines = [
        json.dumps({"id": f"s{i}", "text": t, "published_at": DATE}, ensure_ascii=False) for i, t in enumerate(TEXTS)
    ]
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    copy = {"id": "copy", "text": TEXTS[0], "published_at": DATE}
    (root / "b.json").write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    return root


def parquet_files(lake: Path) -> dict[str, str]:
    return {str(p.relative_to(lake)): hashlib.sha256(p.read_bytes()).hexdigest() for p in lake.rglob("*.parquet")}


def test_a_copy_in_a_later_batch_is_counted_as_a_duplicate(tmp_path):
    manifest = run_pipeline([str(corpus(tmp_path / "in"))], lake=str(tmp_path / "lake"), batch_size=1)
    ids = sorted(read_lake_table(tmp_path / "lake", "articles").column("article_id").to_pylist())
    assert (ids, manifest["counts"]["duplicates"]) == (["s0", "s1", "s2"], 1)


@pytest.fixture(scope="module")
def reruns(tmp_path_factory) -> dict:
    """`eventlake run` twice on the same inputs: the second finds everything in the lake before starting Prefect."""
    root = tmp_path_factory.mktemp("cli")
    inputs, lake = corpus(root / "in"), root / "lake"
    first = CliRunner().invoke(app, ["run", str(inputs), "--lake", str(lake), "--batch-size", "2"])
    before = parquet_files(lake)
    second = CliRunner().invoke(app, ["run", str(inputs), "--lake", str(lake)])
    manifests = [json.loads(p.read_text()) for p in sorted((lake / "runs").glob("*.json"))]
    return {"first": first, "second": second, "before": before, "after": parquet_files(lake), "manifests": manifests}


def test_rerun_with_nothing_new_prints_the_summary(reruns):
    second = reruns["second"]
    assert (second.exit_code, "3 read" in second.output, "(1 duplicates, 3 already in the lake)" in second.output) == (
        0,
        True,
        True,
    )


def test_rerun_with_nothing_new_changes_no_parquet_file(reruns):
    assert reruns["first"].exit_code == 0 and reruns["after"] == reruns["before"]


def test_rerun_with_nothing_new_records_a_run_that_started_no_flow(reruns):
    check = [m for m in reruns["manifests"] if m["run_id"].startswith("check-")]
    assert [(m["counts"]["read"], m["counts"]["known"], m["stage_seconds"].keys() == {"check"}) for m in check] == [
        (3, 3, True)
    ]
