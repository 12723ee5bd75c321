"""Tests for eventlake.manifest.RunLog: stage times and the stage where memory peaked."""

from __future__ import annotations

import resource
from datetime import UTC, datetime
from pathlib import Path

from eventlake.manifest import RunLog


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


def allocate_past_the_peak() -> int:
    """Hold more memory than this process ever has (filled, so resident), then let it go."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    block = b"x" * (peak - resident_bytes() + 64 * 2**20)
    return len(block)


def test_the_manifest_names_the_stage_in_which_memory_peaked():
    log = RunLog("r1", datetime.now(UTC), inputs=[], lake=Path("lake"))
    log.timed("ingest", sum, [1, 2])
    log.timed("write", allocate_past_the_peak)
    log.timed("validate", sum, [3])
    manifest = log.manifest("lexicon-1")
    assert manifest["peak_rss_stage"] == "write" and manifest["peak_rss_mb"] > 64


def test_stage_times_leave_out_the_stages_timed_inside():
    log = RunLog("r1", datetime.now(UTC), inputs=[], lake=Path("lake"))
    log.timed("outer", lambda: log.timed("inner", allocate_past_the_peak))
    assert log.peak_stage == "inner" and log.seconds["outer"] < log.seconds["inner"]
