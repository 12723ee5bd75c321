"""Measuring tools for the benchmark: peak RSS of this process per phase, of a child process tree,
and wall time per pipeline stage of an unmodified in-process run."""

from __future__ import annotations

import os
import resource
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

PROC = Path("/proc")
SAMPLE_SECONDS = 0.2


class PeakRss:
    """Peak resident memory of this process over a `with` block, in MB.

    On Linux the kernel's high-water mark is reset on entry (/proc/self/clear_refs, "5"), so each
    phase gets its own peak whatever ran before it. Elsewhere, or where the reset is refused,
    the peak is getrusage(RUSAGE_SELF).ru_maxrss, the peak since the process started, and
    `method` says so.
    """

    def __init__(self) -> None:
        self.peak_mb: float | None = None
        self.method = "VmHWM after reset"

    def __enter__(self) -> PeakRss:
        try:
            (PROC / "self" / "clear_refs").write_text("5")
        except OSError:
            self.method = "ru_maxrss since process start"
        return self

    def __exit__(self, *exc: object) -> None:
        hwm = _status_kb(PROC / "self" / "status", "VmHWM") if self.method.startswith("VmHWM") else None
        self.peak_mb = hwm / 1024 if hwm is not None else _maxrss_mb(resource.RUSAGE_SELF)


class TreeRssSampler:
    """Samples a process and its descendants every SAMPLE_SECONDS (Linux): summed RSS, CPU per process.

    It gives the tree's total (the run's own process plus Prefect's API server) at the sampling
    resolution, the largest single process's peak (VmHWM, exact while the process lives), and the
    CPU seconds each process had used at its last sample, labelled "run", "prefect server" or
    by program name.
    """

    def __init__(self, pid: int, *, interval: float = SAMPLE_SECONDS):
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.largest_kb = 0  # the highest VmHWM of any one process of the tree
        self.cpu: dict[int, tuple[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float | None:
        return self.peak_kb / 1024 if self.peak_kb else None

    @property
    def largest_mb(self) -> float | None:
        """The largest single process's peak. Unlike wait4's ru_maxrss it does not count the parent
        memory a child held between fork and exec (the bench's own floor data, 4 GB at 1,000,000)."""
        return self.largest_kb / 1024 if self.largest_kb else None

    def cpu_seconds(self) -> dict[str, float]:
        """CPU seconds (user + system) per process label, summed over processes of one label."""
        totals: Counter = Counter()
        for label, seconds in self.cpu.values():
            totals[label] += seconds
        return dict(totals)

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in tree_pids(self.pid):
                total += _status_kb(PROC / str(pid) / "status", "VmRSS") or 0
                self.largest_kb = max(self.largest_kb, _status_kb(PROC / str(pid) / "status", "VmHWM") or 0)
                seconds = _cpu_seconds(pid)
                if seconds is not None:
                    self.cpu[pid] = (self.cpu[pid][0] if pid in self.cpu else _label(pid, self.pid), seconds)
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.interval)


def tree_pids(pid: int) -> list[int]:
    """`pid` and its descendants (those still running)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack += _children(current)
    return found


def tree_rss_kb(pid: int) -> int:
    """Summed VmRSS (kB) of `pid` and its descendants; 0 for a process that is gone."""
    return sum(_status_kb(PROC / str(p) / "status", "VmRSS") or 0 for p in tree_pids(pid))


def child_peak_mb(usage: resource.struct_rusage) -> float:
    """ru_maxrss of a wait4 result in MB (Linux reports kB, macOS bytes)."""
    return usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 1024)


@contextmanager
def stage_timers(module: ModuleType, stages: dict[str, str]) -> Iterator[Counter]:
    """Time the functions `module` calls by name, while the block runs; yields seconds per stage.

    `stages` maps a function name in `module` (e.g. "extract_events") to a stage label. The
    module's own names are wrapped and restored afterwards, so the code under test runs
    unchanged, however it batches its calls. Names the module no longer has are skipped.
    """
    seconds: Counter = Counter()
    originals = {name: getattr(module, name) for name in stages if hasattr(module, name)}
    for name, func in originals.items():
        setattr(module, name, _timed(func, stages[name], seconds))
    try:
        yield seconds
    finally:
        for name, func in originals.items():
            setattr(module, name, func)


def _timed(func: Callable, label: str, seconds: Counter) -> Callable:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            seconds[label] += time.perf_counter() - start

    return wrapper


def _status_kb(path: Path, field: str) -> int | None:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime of a process, from /proc/PID/stat (fields 14 and 15)."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _label(pid: int, root: int) -> str:
    if pid == root:
        return "run"
    try:
        argv = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return "other"
    if any(b"uvicorn" in a or b"prefect" in a for a in argv):
        return "prefect server"
    return Path(argv[0].decode(errors="replace")).name or "other"


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in (PROC / str(pid) / "task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        return found
    return found


def _maxrss_mb(who: int) -> float:
    return child_peak_mb(resource.getrusage(who))
