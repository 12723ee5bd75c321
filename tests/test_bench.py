"""The benchmark tooling: the corpus generator (bench/corpus.py) and the runner's in-process phases."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventlake import ingest
from eventlake.ingest import read_inputs
from eventlake.inprocess import run_in_process
from eventlake.lexicons import load_boilerplate

# bench/ is tooling in the checkout, not an installed package: importable whichever way pytest starts.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import measure
from bench.corpus import PART_ARTICLES, iter_articles, load_vocabulary, write_corpus
from bench.run import _cpu_detail, _run_result, parse_phases, run_bench

N = 200


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, vocabulary):
    directory = tmp_path_factory.mktemp("corpus") / "corpus"
    return write_corpus(directory, N, seed=7, vocabulary=vocabulary, part_articles=70)


@pytest.fixture(scope="module")
def records(corpus):
    return [json.loads(line) for part in corpus.files for line in part.read_text(encoding="utf-8").splitlines()]


def test_same_seed_gives_the_same_articles(vocabulary):
    assert list(iter_articles(5, seed=3, vocabulary=vocabulary)) == list(
        iter_articles(5, seed=3, vocabulary=vocabulary)
    )


def test_another_seed_gives_other_articles(vocabulary):
    first = [a["text"] for a in iter_articles(5, seed=3, vocabulary=vocabulary)]
    other = [a["text"] for a in iter_articles(5, seed=4, vocabulary=vocabulary)]
    assert not set(first) & set(other)


def test_a_slice_regenerates_the_same_articles(vocabulary, records):
    assert list(iter_articles(3, seed=7, vocabulary=vocabulary, start=100)) == records[100:103]


def test_corpus_has_one_record_per_line(corpus, records):
    assert corpus.articles == len(records) == N


def test_corpus_is_split_into_parts_in_order(corpus):
    assert [p.name for p in corpus.files] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]


def test_corpus_size_is_the_files_size(corpus):
    assert corpus.bytes == sum(p.stat().st_size for p in corpus.files)


def test_default_parts_fit_under_ingests_file_limit(records):
    # PART_ARTICLES records of the largest size seen must stay under ingest's per-file limit.
    largest = max(len(json.dumps(r, ensure_ascii=False).encode("utf-8")) + 1 for r in records)
    assert largest * PART_ARTICLES < ingest.MAX_FILE_BYTES


def test_ids_are_unique(records):
    assert len({r["id"] for r in records}) == N


def test_texts_are_unique(records):
    assert len({r["text"] for r in records}) == N


def test_every_slot_is_filled(records):
    assert not [r["id"] for r in records if "{" in r["text"] + r["title"] or "}" in r["text"] + r["title"]]


def test_lengths_vary(records):
    lengths = [len(r["text"]) for r in records]
    assert statistics.pstdev(lengths) > 0.1 * statistics.mean(lengths)


def test_articles_are_seed_sized(records):
    # The seed article is 3.9 KB; the floor's 100,000 articles are about 400 MB of JSONL.
    sizes = [len(json.dumps(r, ensure_ascii=False).encode("utf-8")) for r in records]
    assert 3000 <= statistics.mean(sizes) <= 5000


def test_dates_are_in_the_past(records):
    latest = max(datetime.fromisoformat(r["published_at"]) for r in records)
    assert latest < datetime.now(UTC) + ingest.FUTURE_SLACK


def test_ingest_accepts_every_record(corpus):
    result = read_inputs([corpus.path])
    assert (result.articles.num_rows, result.rejects.num_rows, result.duplicates) == (N, 0, 0)


def test_extractor_finds_events_of_several_types(corpus, lexicon):
    result = run_in_process([corpus.path], lexicon=lexicon, boilerplate=load_boilerplate())
    assert len(set(result.events.column("sub_event_type").to_pylist())) >= 5


def test_zero_articles_is_an_error(tmp_path, vocabulary):
    with pytest.raises(ValueError, match="at least one article"):
        write_corpus(tmp_path / "corpus", 0, vocabulary=vocabulary)


def test_parse_phases_keeps_the_order_given():
    assert parse_phases("extract, floor") == ("extract", "floor")


def test_parse_phases_names_an_unknown_phase():
    with pytest.raises(ValueError, match="'warmup'"):
        parse_phases("floor,warmup")


def test_stage_timers_restore_the_module():
    original = ingest.read_inputs
    with measure.stage_timers(ingest, {"read_inputs": "ingest"}):
        assert ingest.read_inputs is not original
    assert ingest.read_inputs is original


@pytest.fixture(scope="module")
def small_bench(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("bench")
    lines: list[str] = []
    report = run_bench(20, workdir=workdir, phases=("floor", "extract"), seed=1, echo=lines.append)
    return workdir, report, lines


def test_bench_floor_reads_every_article(small_bench):
    _, report, _ = small_bench
    assert report.phase("floor").articles == 20


def test_bench_extract_reads_every_article(small_bench):
    _, report, _ = small_bench
    assert (report.phase("extract").articles, report.phase("extract").detail["rejects"]) == (20, 0)


def test_bench_extract_times_each_stage(small_bench):
    _, report, _ = small_bench
    assert set(report.phase("extract").stage_seconds) == {"load", "ingest", "clean", "segment", "extract"}


def test_bench_prints_each_phase_as_it_ends(small_bench):
    _, _, lines = small_bench
    assert [line.split()[0] for line in lines if line[:1] != " "] == ["corpus", "floor", "extract"]


def test_bench_keeps_the_corpus_and_removes_its_outputs(small_bench):
    workdir, _, _ = small_bench
    assert [p.name for p in workdir.iterdir()] == ["corpus-20-seed1"]


def test_bench_reuses_a_complete_corpus(small_bench):
    workdir, _, _ = small_bench
    lines: list[str] = []
    run_bench(20, workdir=workdir, phases=("floor",), seed=1, echo=lines.append)
    assert "reused" in lines[0]


def test_bench_removes_a_temporary_workdir(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    run_bench(5, phases=("floor",), echo=lambda _: None)
    assert list(tmp_path.iterdir()) == []


def test_run_result_measures_start_up_from_process_start():
    began = datetime(2024, 1, 1, tzinfo=UTC)
    manifest = {
        "started_at": (began + timedelta(seconds=12)).isoformat(),
        "wall_seconds": 30.0,
        "stage_seconds": {"extract": 20.0, "write": 4.0},
        "counts": {"read": 10},
    }
    result = _run_result("flow", 10, manifest, (began.timestamp(), began.timestamp() + 45), 100.0, None)
    assert (result.detail["start-up s"], result.detail["in-flow overhead s"], result.detail["shutdown s"]) == (
        12.0,
        6.0,
        3.0,
    )


def test_cpu_detail_counts_the_cores_idle_seconds():
    usage = SimpleNamespace(ru_utime=150.0, ru_stime=10.0)
    detail = _cpu_detail(usage, {"run": 40.0, "worker 1": 60.0, "prefect server": 5.0}, wall=100.0, cpus=2)
    assert (detail["cpu s workers (sampled)"], detail["idle core s"]) == (60.0, 40.0)


def test_tree_sampler_attributes_cpu_to_the_run():
    busy = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\n"
    proc = subprocess.Popen([sys.executable, "-c", busy])
    with measure.TreeRssSampler(proc.pid, interval=0.05) as sampler:
        proc.wait()
    assert list(sampler.cpu_seconds()) == ["run"]
