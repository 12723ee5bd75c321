"""The benchmark: one generated corpus, then the I/O floor, extraction alone, the full `eventlake run`
and its incremental rerun, one after the other in this process, each printed as it finishes.

The floor and extraction run in this process (peak RSS per phase, see measure.PeakRss); the flow
and the rerun are `eventlake run` subprocesses timed from process start, so start-up counts.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.corpus import CorpusInfo, write_corpus
from bench.measure import PeakRss, TreeRssSampler, child_peak_mb, stage_timers

PHASES = ("floor", "extract", "flow", "rerun", "profile")
DEFAULT_PHASES = ("floor", "extract", "flow", "rerun")
# The functions eventlake.inprocess.run_in_process calls, and the stage each one is.
INPROCESS_STAGES = {
    "read_inputs": "ingest",
    "clean_articles": "clean",
    "segment_articles": "segment",
    "extract_events": "extract",
}
PROFILE_TOP = 15
REPO = Path(__file__).resolve().parent.parent


class BenchError(Exception):
    """A phase could not be measured (e.g. `eventlake run` failed); the message says where to look."""


@dataclass
class PhaseResult:
    """One phase's measurements; `detail` holds the phase's own numbers (stages, start-up, counts)."""

    name: str
    articles: int
    wall_seconds: float
    peak_rss_mb: float | None
    rss_method: str
    stage_seconds: dict[str, float] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Articles per second of wall time."""
        return self.articles / self.wall_seconds if self.wall_seconds > 0 else float("inf")


@dataclass
class BenchReport:
    """Everything one `eventlake bench` measured."""

    articles: int
    seed: int
    corpus_bytes: int
    corpus_seconds: float | None  # None when an existing corpus was reused
    cpus: int | None
    revision: str  # the code measured: git HEAD, and whether the pipeline's files had local changes
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float] | None = None
    phases: list[PhaseResult] = field(default_factory=list)
    # The interpreter: a build without PGO and LTO costs about 10% more CPU (scripts/pick-python).
    python: str = field(default_factory=lambda: f"{platform.python_version()} from {sys.base_prefix}")

    def phase(self, name: str) -> PhaseResult | None:
        return next((p for p in self.phases if p.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Context:
    corpus: CorpusInfo
    root: Path
    lake: Path
    batch_size: int | None
    echo: Callable[[str], Any]


def parse_phases(text: str) -> tuple[str, ...]:
    """'floor,extract' -> ('floor', 'extract'), in the order given; unknown names are an error."""
    names = tuple(p.strip() for p in text.split(",") if p.strip())
    unknown = [p for p in names if p not in PHASES]
    if unknown or not names:
        raise ValueError(f"unknown phase(s) {unknown or [text]}: choose from {', '.join(PHASES)}")
    return names


def run_bench(
    articles: int,
    *,
    workdir: Path | None = None,
    phases: Sequence[str] = DEFAULT_PHASES,
    seed: int = 0,
    keep: bool = False,
    batch_size: int | None = None,
    echo: Callable[[str], Any] = print,
) -> BenchReport:
    """Generate (or reuse) the corpus of `articles` articles, then run `phases` one after the other.

    A temporary workdir is removed afterwards unless `keep` or a phase failed; in a given workdir
    the corpus stays (reused by the next run with the same size and seed) and the lake, Parquet
    and logs go unless `keep` or a phase failed.
    """
    parse_phases(",".join(phases))
    root = workdir or Path(tempfile.mkdtemp(prefix="eventlake-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    outputs = Path(tempfile.mkdtemp(prefix="run-", dir=root))
    finished = False
    try:
        corpus, seconds = _corpus(root, articles, seed, echo)
        report = BenchReport(articles, seed, corpus.bytes, seconds, os.cpu_count(), _revision(), os.getloadavg())
        ctx = _Context(corpus, outputs, outputs / "lake", batch_size, echo)
        for name in phases:
            result = RUNNERS[name](ctx)
            report.phases.append(result)
            echo(format_phase(result))
        report.load_after = os.getloadavg()
        finished = True
        return report
    finally:
        if keep or not finished:  # after a failure the logs say why
            echo(f"kept: {root}")
        else:
            shutil.rmtree(root if workdir is None else outputs, ignore_errors=True)


def format_phase(p: PhaseResult) -> str:
    """One line per finished phase."""
    rss = f"{p.peak_rss_mb:,.0f} MB" if p.peak_rss_mb is not None else "n/a"
    stages = ", ".join(f"{k} {v:.2f}" for k, v in p.stage_seconds.items())
    line = f"{p.name:<8} {p.articles:>9,} articles  {p.wall_seconds:8.2f} s  {p.rate:9,.1f} art/s  peak RSS {rss}"
    extra = "  ".join(f"{k} {_fmt(v)}" for k, v in p.detail.items() if k != "profile")
    parts = (line, f"         stages: {stages}" if stages else "", f"         {extra}" if extra else "")
    return "\n".join(x for x in parts if x)


def format_report(report: BenchReport) -> str:
    """The closing summary table, plus the ratios the issue asks for."""
    head = f"{'phase':<8} {'articles':>9} {'wall s':>9} {'art/s':>10} {'peak RSS MB':>12}  peak RSS measured as"
    rows = [head, "-" * len(head)]
    for p in report.phases:
        rss = f"{p.peak_rss_mb:,.0f}" if p.peak_rss_mb is not None else "n/a"
        rows.append(f"{p.name:<8} {p.articles:>9,} {p.wall_seconds:>9.2f} {p.rate:>10,.1f} {rss:>12}  {p.rss_method}")
    rows += _summary_lines(report)
    profile = report.phase("profile")
    if profile is not None:
        rows += ["", profile.detail["profile"]]
    return "\n".join(rows)


# --- phases ---------------------------------------------------------------------------------


def _floor(ctx: _Context) -> PhaseResult:
    """pyarrow reads the JSONL parts and writes them as one Parquet file: the I/O floor."""
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    with PeakRss() as rss:
        start = time.perf_counter()
        tables = [pj.read_json(part) for part in ctx.corpus.files]
        read = time.perf_counter() - start
        schema = tables[0].schema
        with pq.ParquetWriter(ctx.root / "floor.parquet", schema) as writer:
            for table in tables:
                writer.write_table(table.cast(schema))
        wall = time.perf_counter() - start
    rows = sum(t.num_rows for t in tables)
    stages = {"read_json": round(read, 3), "write_parquet": round(wall - read, 3)}
    return PhaseResult("floor", rows, wall, rss.peak_mb, rss.method, stages)


def _extract(ctx: _Context) -> PhaseResult:
    """eventlake.inprocess.run_in_process (ingest, clean, segment, extract; no Prefect), stage by stage."""
    from eventlake import inprocess
    from eventlake.lexicons import load_boilerplate, load_lexicon

    with PeakRss() as rss:
        start = time.perf_counter()
        lexicon, boilerplate = load_lexicon(), load_boilerplate()
        loaded = time.perf_counter()
        with stage_timers(inprocess, INPROCESS_STAGES) as seconds:
            result = inprocess.run_in_process([ctx.corpus.path], lexicon=lexicon, boilerplate=boilerplate)
        end = time.perf_counter()
    stages = {"load": round(loaded - start, 3), **{k: round(v, 3) for k, v in seconds.items()}}
    articles = result.articles.num_rows
    if articles == 0:
        raise BenchError(f"extract: no article of {ctx.corpus.path} was read ({result.rejects} rejects)")
    detail = {
        "events": result.events.num_rows,
        "rejects": result.rejects,
        "art/s without load": articles / (end - loaded),
        "art/s extract stage": articles / seconds["extract"] if seconds["extract"] else None,
    }
    return PhaseResult("extract", articles, end - start, rss.peak_mb, rss.method, stages, detail)


def _flow(ctx: _Context) -> PhaseResult:
    return _eventlake_run(ctx, "flow")


def _rerun(ctx: _Context) -> PhaseResult:
    return _eventlake_run(ctx, "rerun")


def _profile(ctx: _Context) -> PhaseResult:
    """The extract phase under cProfile (slower than without): top functions by cumulative and own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    result = _extract(ctx)
    profiler.disable()
    path = ctx.root / "extract.prof"
    profiler.dump_stats(path)
    text = "\n\n".join(_top(profiler, key) for key in ("cumulative", "tottime"))
    return replace(result, name="profile", detail={**result.detail, "profile": text, "profile file": str(path)})


RUNNERS: dict[str, Callable[[_Context], PhaseResult]] = {
    "floor": _floor,
    "extract": _extract,
    "flow": _flow,
    "rerun": _rerun,
    "profile": _profile,
}


# --- the eventlake run subprocess ----------------------------------------------------------


def _eventlake_run(ctx: _Context, name: str) -> PhaseResult:
    """`eventlake run CORPUS --lake LAKE`, timed from process start; stages from its manifest."""
    command = [*_eventlake_command(), "run", str(ctx.corpus.path), "--lake", str(ctx.lake)]
    if ctx.batch_size:
        command += ["--batch-size", str(ctx.batch_size)]
    known = set(ctx.lake.glob("runs/*.json"))
    out_path, err_path = ctx.root / f"{name}.out", ctx.root / f"{name}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        began = time.time()
        proc = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        with TreeRssSampler(proc.pid) as tree:
            _, status, usage = os.wait4(proc.pid, 0)
        ended = time.time()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BenchError(f"{name}: `{' '.join(command)}` exited with {proc.returncode}; see {err_path}")
    manifest = _new_manifest(ctx.lake, known, name)
    largest = tree.largest_mb or child_peak_mb(usage)
    result = _run_result(name, ctx.corpus.articles, manifest, (began, ended), largest, tree.peak_mb)
    result.detail["wait4 ru_maxrss MB"] = child_peak_mb(usage)  # counts the bench's memory inherited at fork
    result.detail.update(_cpu_detail(usage, tree.cpu_seconds(), wall=ended - began, cpus=os.cpu_count() or 1))
    return result


def _run_result(
    name: str, articles: int, manifest: dict, span: tuple[float, float], process_mb: float, tree_mb: float | None
) -> PhaseResult:
    """Split the process's wall time into start-up, stages, and the orchestration around them."""
    began, ended = span
    wall = ended - began
    stages = {k: float(v) for k, v in manifest["stage_seconds"].items()}
    startup = datetime.fromisoformat(manifest["started_at"]).timestamp() - began
    flow_wall = float(manifest["wall_seconds"])
    stage_sum = sum(stages.values())
    counts = manifest["counts"]
    detail = {
        "start-up s": startup,
        "flow s": flow_wall,
        "stages s": stage_sum,
        "in-flow overhead s": flow_wall - stage_sum,
        "shutdown s": wall - startup - flow_wall,
        "orchestration share": (wall - startup - stage_sum) / wall,
        "start-up share": startup / wall,
        "tree peak RSS MB (sampled)": tree_mb,
        # clean, sign, segment, extract, cluster: in worker processes, summed over them (they overlap the stages)
        "workers": manifest.get("workers", 1),
        "worker stages s": {k: round(float(v), 2) for k, v in manifest.get("worker_seconds", {}).items()},
        "flow process peak RSS MB": manifest.get("peak_rss_mb"),
        "flow process peak in stage": manifest.get("peak_rss_stage"),
        "flushes s": manifest.get("flush_seconds"),
        "read": counts.get("read", 0),
        "known": counts.get("known", 0),
        "events written": counts.get("events_written", 0),
        "rejected": counts.get("rejected", 0),
    }
    rss_method = "VmHWM, largest process of the run (sampled)"
    return PhaseResult(name, articles, wall, process_mb, rss_method, stages, detail)


def _cpu_detail(usage: Any, sampled: dict[str, float], *, wall: float, cpus: int) -> dict[str, Any]:
    """CPU seconds of the whole run (wait4: the process and its reaped children), and, sampled,
    of the flow's process, its workers and Prefect's server: which one a change saves CPU in.
    The cores' idle seconds are what better overlap could still win (start-up, a run's ends)."""
    total = usage.ru_utime + usage.ru_stime
    server = sampled.get("prefect server")
    others = [seconds for label, seconds in sampled.items() if label not in ("run", "prefect server")]
    return {
        "cpu s (all processes)": total,
        "cpu s flow process (sampled)": sampled.get("run"),
        "cpu s workers (sampled)": sum(others) if others else None,
        "cpu s prefect server (sampled)": server,
        "prefect server cpu share": server / total if server is not None and total else None,
        "idle core s": max(0.0, cpus * wall - total),
    }


def _eventlake_command() -> list[str]:
    """The console script beside this interpreter, else `python -m eventlake.cli`."""
    script = Path(sys.executable).with_name("eventlake")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "eventlake.cli"]


def _new_manifest(lake: Path, known: set[Path], name: str) -> dict:
    fresh = sorted(set(lake.glob("runs/*.json")) - known, key=lambda p: p.stat().st_mtime)
    if not fresh:
        raise BenchError(f"{name}: eventlake run finished but wrote no manifest under {lake / 'runs'}")
    return json.loads(fresh[-1].read_text(encoding="utf-8"))


# --- helpers -------------------------------------------------------------------------------


def _corpus(root: Path, articles: int, seed: int, echo: Callable[[str], Any]) -> tuple[CorpusInfo, float | None]:
    """The corpus directory for (articles, seed) in `root`: reused when a complete one is there."""
    path = root / f"corpus-{articles}-seed{seed}"
    done = path / ".complete"  # hidden: ingest skips it
    files = tuple(sorted(path.glob("part-*.jsonl")))
    size = sum(p.stat().st_size for p in files)
    if done.is_file() and done.read_text() == str(size):
        echo(f"corpus   {articles:>9,} articles  reused {path}")
        return CorpusInfo(path, articles, size, seed, files), None
    shutil.rmtree(path, ignore_errors=True)
    start = time.perf_counter()
    info = write_corpus(path, articles, seed=seed)
    seconds = time.perf_counter() - start
    done.write_text(str(info.bytes))
    mib = info.bytes / 2**20
    echo(f"corpus   {articles:>9,} articles  {mib:,.1f} MiB in {len(info.files)} files, {seconds:.1f} s: {path}")
    return info, seconds


def _summary_lines(report: BenchReport) -> list[str]:
    floor, flow, rerun, extract = (report.phase(n) for n in ("floor", "flow", "rerun", "extract"))
    lines = [
        "",
        f"corpus: {report.articles:,} articles, {report.corpus_bytes / 2**20:,.1f} MiB; cpus {report.cpus}; "
        f"load average before {_load(report.load_before)}, after {_load(report.load_after)}",
        f"code: {report.revision}; python: {report.python}",
    ]
    if extract is not None:
        lines.append(
            f"extraction alone: {_fmt(extract.detail['art/s without load'])} art/s in-process (lexicon load excluded), "
            f"{_fmt(extract.detail['art/s extract stage'])} art/s in the extract stage"
        )
    if flow is not None:
        d = flow.detail
        lines.append(
            f"end to end: {flow.rate:,.1f} art/s including start-up; start-up {d['start-up s']:.1f} s "
            f"({d['start-up share']:.0%}), stages {d['stages s']:.1f} s, orchestration {d['in-flow overhead s']:.1f} s "
            f"in the flow + {d['shutdown s']:.1f} s shutdown ({d['orchestration share']:.0%} of wall)"
        )
        if "idle core s" in d:
            lines.append(
                f"cpu: {d['cpu s (all processes)']:.1f} s in all processes; {d['idle core s']:.1f} "
                "core-seconds idle (the cores times the wall time, less that)"
            )
        if floor is not None:
            lines.append(f"ratio to the floor: {flow.wall_seconds / floor.wall_seconds:,.0f}x the floor's wall time")
    if rerun is not None:
        known = rerun.detail["known"]
        lines.append(f"incremental rerun: {rerun.wall_seconds:.1f} s ({known:,} articles already in the lake)")
    return lines


def _revision() -> str:
    """git HEAD of the checkout, noting uncommitted changes to the code and data a run uses."""
    git = ["git", "-C", str(REPO)]
    try:
        head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        status = subprocess.run(
            [*git, "status", "--porcelain", "--", "eventlake", "flows", "tasks", "data"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    changed = len(status.stdout.splitlines())
    return head.stdout.strip() + (f" + uncommitted changes to {changed} files" if changed else "")


def _top(profiler: cProfile.Profile, key: str) -> str:
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.sort_stats(key).print_stats(PROFILE_TOP)
    body = buffer.getvalue()
    return f"top {PROFILE_TOP} by {key}:\n" + body[body.find("   ncalls") :].rstrip()


def _load(load: tuple[float, float, float] | None) -> str:
    return "n/a" if load is None else "/".join(f"{x:.2f}" for x in load)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    return "n/a" if value is None else f"{value:,}" if isinstance(value, int) else str(value)
