"""Crash safety and one writer at a time, for real: `eventlake run` in a subprocess, killed with
SIGKILL at chosen moments, then run again; and two runs started on one lake at once.

The subprocesses use the test session's Prefect API rather than each starting an embedded one
(~20 s each). Three runs: two killed (once just after the first Parquet file appears, once at
a random moment) and one that holds the lake while a second command and an in-process flow try
to use it.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow.compute as pc
import pytest

from eventlake.write import TABLES, lake_lock_holder, read_lake_table
from flows.pipeline import run_pipeline

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
START_TIMEOUT = 180  # seconds for a subprocess to take the lock (Prefect's API starts first)


def report(n: int) -> dict:
    places = ["سلقين", "حارم", "كفرتخاريم", "أريحا", "محمبل", "بنش", "تفتناز", "سرمين", "كللي", "الدانا"]
    text = (
        f"سقطت قذائف صاروخية على أطراف بلدة {places[n]} مساء الأحد، ما أدى إلى مقتل {n + 1} من السكان "
        "وتضرر عدد من المنازل، وفق ما أفاد به الدفاع المدني في بيان."
    )
    return {
        "id": f"crash-{n}",
        "title": f"قذائف على {places[n]}",
        "text": text,
        "published_at": f"2024-02-1{n % 9}T08:00:00Z",
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The samples, ten more reports (so there are many small batches), and a few bad files."""
    root = tmp_path_factory.mktemp("crash-in")
    shutil.copytree(SAMPLES, root, dirs_exist_ok=True)
    (root / "more.jsonl").write_text("".join(json.dumps(report(n), ensure_ascii=False) + "\n" for n in range(10)))
    (root / "empty.txt").write_bytes(b"")
    (root / "garbage.txt").write_bytes(random.Random(11).randbytes(3000))
    (root / "cut.json").write_text('{"id": "cut", "text": "نص')
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    """The lake an uninterrupted run makes, as comparable rows."""
    lake = tmp_path_factory.mktemp("reference")
    run_pipeline([str(corpus)], lake=str(lake), batch_size=2)
    return lake_rows(lake)


@pytest.fixture(scope="module")
def subprocess_env(tmp_path_factory) -> dict[str, str]:
    """Our environment, pointed at the session's Prefect API so a subprocess need not start its own (~20 s)."""
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home-subprocess"))
    env["PREFECT_API_URL"] = PREFECT_API_URL.value()
    return env


def lake_rows(lake: Path) -> dict[str, Counter]:
    """Every row of the articles, events and rejects tables, less the columns a rerun changes."""
    volatile = {"run_id", "ingested_at", "rejected_at"}
    rows = {}
    for name in ("articles", "events", "rejects"):
        table = read_lake_table(lake, name)
        keep = [c for c in table.column_names if c not in volatile]
        rows[name] = Counter(json.dumps(r, sort_keys=True, default=str) for r in table.select(keep).to_pylist())
    return rows


def start_run(corpus: Path, lake: Path, env: dict[str, str], *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "eventlake.cli", "run", str(corpus), "--lake", str(lake), *args]
    return subprocess.Popen(
        command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )


def wait_for(condition, proc: subprocess.Popen, *, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            raise AssertionError(f"run ended before the moment to kill it: {proc.communicate()}")
        if time.monotonic() > deadline:
            kill(proc)
            raise AssertionError("the run never reached the moment to kill it")
        time.sleep(0.05)


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL the run itself, then clean up what it started (Prefect's API server) by its group."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def holds_lock(lake: Path, proc: subprocess.Popen):
    def check() -> bool:
        holder = lake_lock_holder(lake)
        return holder is not None and holder.pid == proc.pid

    return check


def first_partition_written(lake: Path):
    return lambda: any((lake / "articles").rglob("[!.]*.parquet")) or any((lake / "events").rglob("[!.]*.parquet"))


def assert_reads_cleanly(lake: Path) -> None:
    """Every table reads in the contract schema, each key once; no half-written Parquet is visible to a glob."""
    for name, table in TABLES.items():
        rows = read_lake_table(lake, name)
        if table.key[:1] in (("article_id",), ("event_id",)):
            assert pc.count_distinct(rows.column(table.key[0])).as_py() == rows.num_rows, name
    for table in ("articles", "events"):
        if any((lake / table).rglob("*.parquet")):  # a glob that matches nothing is an error in duckdb
            duckdb.sql(f"select count(*) from read_parquet('{lake}/{table}/**/*.parquet')").fetchall()
    visible = [p for p in lake.rglob("*.parquet") if not re.fullmatch(r"(part|delta)-\d+\.parquet", p.name)]
    assert visible == []


@pytest.fixture(scope="module")
def crashed_lake(corpus, subprocess_env, tmp_path_factory) -> Path:
    """Killed once just after its first partition file appeared, then again at a random moment."""
    lake = tmp_path_factory.mktemp("crashed")
    proc = start_run(corpus, lake, subprocess_env, "--batch-size", "2")
    wait_for(first_partition_written(lake), proc)
    kill(proc)
    assert_reads_cleanly(lake)
    proc = start_run(corpus, lake, subprocess_env, "--batch-size", "1")
    wait_for(holds_lock(lake, proc), proc)
    time.sleep(random.uniform(0.0, 3.0))
    kill(proc)
    assert_reads_cleanly(lake)
    return lake


def test_killed_runs_leave_a_lake_that_reads_cleanly_and_a_rerun_finishes_it(crashed_lake, corpus, reference):
    run_pipeline([str(corpus)], lake=str(crashed_lake), batch_size=3)
    assert lake_rows(crashed_lake) == reference


def test_a_killed_run_leaves_no_lock_behind(crashed_lake):
    assert lake_lock_holder(crashed_lake) is None


@pytest.fixture(scope="module")
def contested(corpus, subprocess_env, tmp_path_factory) -> dict:
    """Run A holds the lake; meanwhile a second command and an in-process flow try to use it."""
    lake = tmp_path_factory.mktemp("contested")
    first = start_run(corpus, lake, subprocess_env, "--batch-size", "2")
    wait_for(holds_lock(lake, first), first)
    second = subprocess.run(
        [sys.executable, "-m", "eventlake.cli", "run", str(corpus), "--lake", str(lake)],
        env=subprocess_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    refused = run_pipeline([str(corpus)], lake=str(lake), return_state=True)
    waited = run_pipeline([str(corpus)], lake=str(lake), lock_wait=300)
    out, err = first.communicate(timeout=300)
    return {
        "lake": lake,
        "first": (first.returncode, out, err, first.pid),
        "second": second,
        "refused": refused,
        "waited": waited,
    }


def test_second_command_refuses_naming_the_first_run(contested):
    second, pid = contested["second"], contested["first"][3]
    assert (second.returncode, f"is in use by pid {pid}" in second.stderr) == (4, True)


def test_flow_started_while_the_lake_is_held_fails_with_lake_busy(contested):
    state = contested["refused"]
    assert (state.is_failed(), "is in use by pid" in str(state.result(raise_on_failure=False))) == (True, True)


def test_flow_that_waits_runs_after_the_first_and_finds_everything_done(contested):
    counts = contested["waited"]["counts"]
    assert (counts["known"], counts.get("articles_written", 0)) == (counts["read"], 0)


def test_first_run_succeeds_with_bad_inputs_and_prints_no_traceback(contested):
    code, out, err, _ = contested["first"]
    assert (code, "articles:" in out, "Traceback" in out + err) == (0, True, False)


def test_contested_lake_has_exactly_the_rows_of_one_run(contested, reference):
    assert lake_rows(contested["lake"]) == reference
