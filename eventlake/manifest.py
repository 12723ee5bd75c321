"""The run manifest: what one run read, kept, rejected and wrote, how long each stage took."""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from eventlake import EXTRACTOR_VERSION

T = TypeVar("T")
PACKAGES = ("eventlake", "prefect", "great_expectations", "pyarrow", "pandas", "pyahocorasick")


class RunLog:
    """Collects counts, stage timings and validation summaries while a run goes on."""

    def __init__(self, run_id: str, started: datetime, *, inputs: list[str], lake: Path):
        self.run_id = run_id
        self.started = started
        self.inputs = [str(i) for i in inputs]
        self.lake = lake
        self.counts: Counter = Counter()
        self.seconds: Counter = Counter()  # this process's own time per stage (nested stages excluded)
        self.worker_seconds: Counter = Counter()  # stages run in worker processes, summed over workers
        self.workers = 1
        self._nested: list[float] = []
        self.validation: list[dict] = []
        self.docs_index: Path | None = None
        self.peak_rss_mb = 0.0  # this process's peak resident memory so far, and the stage that set it
        self.peak_stage = ""
        self.flush_seconds: list[float] = []  # each write of the held rows, the run's last one last

    def timed(self, stage: str, func: Callable, *args: Any, **kwargs: Any) -> Any:
        """Call `func(*args, **kwargs)`, adding its wall time to `stage`, less the time of stages timed inside it."""
        start = time.perf_counter()
        self._nested.append(0.0)
        try:
            return func(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            self.seconds[stage] += elapsed - self._nested.pop()
            if self._nested:
                self._nested[-1] += elapsed
            self._note_peak(stage)

    def _note_peak(self, stage: str) -> None:
        """Name the stage in which the process's memory peak grew, so a run that outgrows its
        memory says where (one getrusage call: cheap enough for every stage of every batch)."""
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
        if peak > self.peak_rss_mb:
            self.peak_rss_mb, self.peak_stage = peak, stage

    def timed_iter(self, stage: str, items: Iterable[T]) -> Iterator[T]:
        """`items`, with the time spent producing each added to `stage` (as `timed`)."""
        iterator = iter(items)
        done = object()
        while (item := self.timed(stage, next, iterator, done)) is not done:
            yield item

    def count(self, **counts: int) -> None:
        self.counts.update(counts)

    def batch(self, articles, events, checked_articles, checked_events) -> None:
        """Record one batch's stage counts and validation summaries."""
        self.count(
            cleaned=articles.num_rows,
            extracted=events.num_rows,
            articles_quarantined=checked_articles.quarantine.num_rows,
            events_quarantined=checked_events.quarantine.num_rows,
        )
        self.validation.append({"articles": checked_articles.summary, "events": checked_events.summary})

    def manifest(self, lexicon_version: str) -> dict:
        """The JSON-ready manifest written to LAKE/runs/<run_id>.json."""
        finished = datetime.now(UTC)
        return {
            "run_id": self.run_id,
            "started_at": self.started.isoformat(),
            "finished_at": finished.isoformat(),
            "wall_seconds": round((finished - self.started).total_seconds(), 3),
            "inputs": self.inputs,
            "lake": str(self.lake),
            "counts": dict(self.counts),
            "stage_seconds": {k: round(v, 3) for k, v in self.seconds.items()},
            "worker_seconds": {k: round(v, 3) for k, v in self.worker_seconds.items()},
            "workers": self.workers,
            "peak_rss_mb": round(self.peak_rss_mb, 1),  # the flow's process; workers are apart
            "peak_rss_stage": self.peak_stage,
            "flush_seconds": self.flush_seconds,
            "validation": self.validation,
            "docs_index": str(self.docs_index) if self.docs_index else None,
            "versions": {**package_versions(), "extractor": EXTRACTOR_VERSION, "lexicon": lexicon_version},
        }


def package_versions() -> dict[str, str]:
    """Installed versions of the packages a result depends on (read without importing them)."""
    out = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out
