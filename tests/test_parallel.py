"""Tests for eventlake.parallel: the CPU-bound stages give the same rows on one process or several."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pytest

from eventlake.ingest import read_inputs
from eventlake.lexicons import DATA_DIR, load_boilerplate, load_lexicon
from eventlake.parallel import StagePool, process_batch
from eventlake.tables import iter_batches

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


@pytest.fixture(scope="module")
def lexicons():
    return {"lexicon": load_lexicon(), "boilerplate": load_boilerplate()}


@pytest.fixture(scope="module")
def raw() -> pa.Table:
    return read_inputs([SAMPLES]).articles


def run(raw: pa.Table, lexicons: dict, *, workers: int) -> tuple[list, bool]:
    pool = StagePool(data_dir=DATA_DIR, run_id="r", workers=workers, start_after=0, **lexicons)
    with pool:
        done = list(pool.imap(iter_batches(raw, 2)))
        started = pool.started
    return done, started


def test_two_workers_give_the_same_events_in_the_same_order_as_one(raw, lexicons):
    one, _ = run(raw, lexicons, workers=1)
    two, started = run(raw, lexicons, workers=2)
    assert started and [d.events.to_pylist() for d in two] == [d.events.to_pylist() for d in one]


def test_pool_gives_one_result_per_batch_in_order(raw, lexicons):
    done, _ = run(raw, lexicons, workers=1)
    ids = [i for d in done for i in d.docs.column("article_id").to_pylist()]
    assert ids == raw.column("article_id").to_pylist()


def test_process_batch_times_every_stage(raw, lexicons):
    done = process_batch(raw.slice(0, 1), run_id=None, **lexicons)
    assert set(done.seconds) == {"clean", "sign", "segment", "extract", "cluster"}


def test_small_runs_start_no_workers(raw, lexicons):
    pool = StagePool(data_dir=DATA_DIR, run_id="r", workers=2, start_after=raw.num_rows + 1, **lexicons)
    with pool:
        list(pool.imap(iter_batches(raw, 2)))
        assert not pool.started


def test_a_single_batch_starts_no_workers(raw, lexicons):
    pool = StagePool(data_dir=DATA_DIR, run_id="r", workers=2, start_after=0, **lexicons)
    with pool:
        list(pool.imap([raw]))
        assert not pool.started


def test_map_runs_on_the_workers_once_they_are_started(raw, lexicons):
    pool = StagePool(data_dir=DATA_DIR, run_id="r", workers=2, start_after=0, **lexicons)
    with pool:
        here = set(pool.map(os.readlink, ["/proc/self"] * 4))  # /proc/self names the process reading it
        list(pool.imap(iter_batches(raw, 2)))
        there = set(pool.map(os.readlink, ["/proc/self"] * 4))
    assert (here, str(os.getpid()) in there, len(there) >= 1) == ({str(os.getpid())}, False, True)
