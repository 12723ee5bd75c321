"""End to end: the real flow on the bundled samples, into a temporary lake."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from eventlake.schema import ARTICLES, EVENTS
from eventlake.write import read_lake_table
from flows.pipeline import run_pipeline

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
SEED_ID = "19fc59f7b783f7d5"


def lake_files(lake: Path) -> dict[str, str]:
    """Content hash of every data file in the lake (run manifests and docs excluded)."""
    return {
        str(p.relative_to(lake)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(lake.rglob("*.parquet"))
    }


@pytest.fixture(scope="module")
def lake(tmp_path_factory) -> Path:
    lake = tmp_path_factory.mktemp("lake")
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copytree(SAMPLES, inputs, dirs_exist_ok=True)
    (inputs / "broken.jsonl").write_text('{"id": "ok1", "text": "نص قصير عن الطقس في دمشق."}\n{"id": \n')
    (inputs / "empty.txt").write_text("")
    farsi = {
        "id": "fa1",
        "language": "fa",
        "published_at": "2024-03-07T09:00:00+03:00",
        "text": "قصفت قوات النظام بلدة نوى في ريف درعا أمس، ما أسفر عن مقتل ثلاثة مدنيين.",
    }
    (inputs / "farsi.json").write_text(json.dumps(farsi, ensure_ascii=False))
    retold = {
        "id": "retold1",
        "published_at": "2021-06-14T12:00:00+03:00",
        "text": "استهدفت غارات جوية يعتقد أنها للتحالف الدولي مواقع للميليشيات الإيرانية"
        " جنوب بلدة المنصورة في ريف الرقة الغربي.",
    }
    (inputs / "retold.json").write_text(json.dumps(retold, ensure_ascii=False))
    run_pipeline([str(inputs)], lake=str(lake), batch_size=3)
    return lake


@pytest.fixture(scope="module")
def events(lake) -> pa.Table:
    return read_lake_table(lake, "events")


def test_events_have_the_contract_columns_and_types(events):
    assert events.schema.equals(EVENTS)
    assert events.num_rows > 5


def test_articles_have_the_contract_columns(lake):
    assert read_lake_table(lake, "articles").schema.equals(ARTICLES)


def test_partitions_follow_the_layout(lake):
    assert list(lake.glob("events/country=SY/year=2021/month=06/*.parquet"))
    assert list(lake.glob("articles/year=2021/month=06/*.parquet"))


def test_seed_required_events_are_found(events):
    seed = [e for e in events.to_pylist() if e["article_id"] == SEED_ID]
    found = {(e["sub_event_type"], e["geonameid"], e["event_date"]) for e in seed}
    assert ("Air/drone strike", 8559276, date(2021, 6, 14)) in found
    assert ("Air/drone strike", 8559276, date(2021, 6, 12)) in found
    assert ("Air/drone strike", 172374, date(2021, 6, 12)) in found
    assert any(e["actor2"] == "Liwa al-Quds" and e["admin1"] == "Deir ez-Zor" for e in seed)


def test_same_strike_from_two_articles_shares_a_cluster(events):
    rows = events.to_pylist()
    seed = [e for e in rows if e["article_id"] == SEED_ID and e["event_date"] == date(2021, 6, 14)]
    retold = [e for e in rows if e["article_id"] == "retold1"]
    assert len(retold) == 1 and retold[0]["cluster_id"] in {e["cluster_id"] for e in seed}


def test_evidence_offsets_point_into_article_text(lake, events):
    articles = read_lake_table(lake, "articles").to_pydict()
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    for e in events.to_pylist():
        assert texts[e["article_id"]][e["evidence_start"] : e["evidence_end"]] == e["evidence_text"]


def test_bad_inputs_are_rejected_with_a_reason(lake):
    rejects = read_lake_table(lake, "rejects").to_pylist()
    reasons = {Path(r["source_path"]).name: r["reason"] for r in rejects}
    assert "empty" in reasons["empty.txt"].lower()
    assert "json" in reasons["broken.jsonl"].lower()
    assert all(r["run_id"] for r in rejects)


def test_failing_rows_go_to_quarantine_with_the_expectation(lake):
    quarantined = read_lake_table(lake, "articles_quarantine").to_pylist()
    assert [q["article_id"] for q in quarantined] == ["fa1"]
    assert "expect_column_values_to_be_in_set(language)" in quarantined[0]["failed_expectations"]
    assert "fa1" not in read_lake_table(lake, "articles").column("article_id").to_pylist()


def test_data_docs_are_written(lake):
    assert (lake / "docs" / "gx" / "index.html").exists()


def test_run_report_lists_the_events_with_their_evidence(lake, events):
    manifest = json.loads(next((lake / "runs").glob("*.json")).read_text())
    html = Path(manifest["report"]).read_text(encoding="utf-8")
    seed_strike = next(e for e in events.to_pylist() if e["article_id"] == SEED_ID)
    assert seed_strike["evidence_text"][:40] in html


def test_duckdb_reads_the_events_partitions(lake):
    query = f"select count(*) from read_parquet('{lake}/events/**/*.parquet', hive_partitioning=true)"
    count = duckdb.sql(query).fetchall()[0][0]
    assert count == read_lake_table(lake, "events").num_rows


def test_manifest_counts_the_run(lake):
    manifest = json.loads(next((lake / "runs").glob("*.json")).read_text())
    assert manifest["counts"]["articles_quarantined"] == 1
    assert manifest["counts"]["rejected"] >= 2
    assert set(manifest["stage_seconds"]) >= {"ingest", "process", "validate", "write"}
    assert set(manifest["worker_seconds"]) >= {"clean", "segment", "extract"}
    assert len(manifest["flush_seconds"]) == 1 and manifest["peak_rss_stage"] in manifest["stage_seconds"]


def test_second_run_changes_nothing(lake, tmp_path):
    before = lake_files(lake)
    inputs = tmp_path / "again"
    shutil.copytree(SAMPLES, inputs)
    manifest = run_pipeline([str(inputs)], lake=str(lake), batch_size=50)
    assert manifest["counts"]["known"] == manifest["counts"]["read"]
    assert lake_files(lake) == before


def test_batch_size_does_not_change_the_events(events, tmp_path):
    other = tmp_path / "lake"
    run_pipeline([str(SAMPLES)], lake=str(other), batch_size=1000)
    key = ["event_id", "sub_event_type", "location", "event_date", "fatalities", "actor1", "actor2"]
    ours = events.filter(pa.compute.is_in(events["article_id"], read_lake_table(other, "articles")["article_id"]))
    assert sorted(read_lake_table(other, "events").select(key).to_pylist(), key=str) == sorted(
        ours.select(key).to_pylist(), key=str
    )
