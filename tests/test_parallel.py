"""Tests for eventlake.parallel: the CPU-bound stages give the same rows on one process or several."""

from __future__ import annotations

import gc
import os
from concurrent.futures import Future
from pathlib import Path

import pyarrow as pa
import pytest

from eventlake import EXTRACTOR_VERSION
from eventlake.clean import clean_articles
from eventlake.extract import extract_events
from eventlake.ingest import read_inputs, sign_articles
from eventlake.lexicons import DATA_DIR, load_boilerplate, load_lexicon
from eventlake.parallel import LAST_BATCH_PIECES, StagePool, _Pieces, _results, process_batch
from eventlake.segment import segment_articles, sentence_spans
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
    assert set(done.seconds) == {"clean", "normalise", "sign", "segment", "extract", "cluster"}


def test_stages_sharing_the_matching_form_and_sentences_give_what_each_gives_alone(raw, lexicons):
    """process_batch folds each text once and hands its sentences to extract directly; the rows
    must be those of each stage run on its own tables, as the command's single-article paths do."""
    done = process_batch(raw, run_id="r", **lexicons)
    cleaned, _ = clean_articles(raw, boilerplate=lexicons["boilerplate"])
    alone = extract_events(
        segment_articles(cleaned), lexicon=lexicons["lexicon"], run_id="r", version=EXTRACTOR_VERSION
    )
    assert alone.num_rows > 0
    assert done.events.drop_columns(["cluster_id"]).to_pylist() == alone.drop_columns(["cluster_id"]).to_pylist()
    assert done.signatures.equals(sign_articles(cleaned))
    assert done.docs.column("n_sentences").to_pylist() == [
        len(sentence_spans(t)) for t in cleaned.column("text").to_pylist()
    ]


def test_process_batch_makes_no_reference_cycles(raw, lexicons):
    """Workers run process_batch with the cycle collector off (parallel._work): all it makes, a
    rejected article included, must be freed by reference counting alone."""
    bodies = raw.column("body").to_pylist()
    bodies[0] = "١٢٣ — 456 …"  # no letters: the clean stage rejects it
    batch = raw.set_column(raw.schema.get_field_index("body"), "body", pa.array(bodies, raw.schema.field("body").type))
    process_batch(batch, run_id="r", **lexicons)  # caches filled on first use are not garbage
    gc.collect()
    gc.disable()
    try:
        done = process_batch(batch, run_id="r", **lexicons)
        assert done.rejects.num_rows == 1 and done.events.num_rows > 0
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_last_batch_cut_among_the_workers_gives_what_it_gives_whole(raw, lexicons):
    """The last batch is processed in pieces on both workers, which come back as they are done
    (those done together joined); their rows are those of the batch processed whole, in the
    same order, with a piece whose only article is rejected."""
    last = raw.slice(2)
    for name, value in (("title", None), ("body", "١٢٣ — 456 …")):  # no letters: the clean stage rejects it
        values = [value, *last.column(name).to_pylist()[1:]]
        last = last.set_column(last.schema.get_field_index(name), name, pa.array(values, last.schema.field(name).type))
    whole = process_batch(last, run_id="r", **lexicons)
    pool = StagePool(data_dir=DATA_DIR, run_id="r", workers=2, start_after=0, **lexicons)
    with pool:
        first, *pieces = pool.imap([raw.slice(0, 2), last])
    assert first.docs.num_rows == 2 and 1 <= len(pieces) <= 2 * LAST_BATCH_PIECES
    assert whole.events.num_rows > 0 and whole.rejects.num_rows == 1
    for name in ("docs", "rejects", "signatures", "events"):
        rows = [row for piece in pieces for row in getattr(piece, name).to_pylist()]
        assert rows == getattr(whole, name).to_pylist(), name
    assert all(set(piece.seconds) == set(whole.seconds) for piece in pieces)


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


def test_a_single_large_batch_is_shared_out_among_the_workers(raw, lexicons):
    pool = StagePool(data_dir=DATA_DIR, run_id="r", workers=2, start_after=0, start_at_once=2, **lexicons)
    with pool:
        pieces = list(pool.imap([raw]))
        assert pool.started
    alone = process_batch(raw, run_id="r", **lexicons)
    events = [row for piece in pieces for row in piece.events.to_pylist()]
    assert alone.events.num_rows > 0 and events == alone.events.to_pylist()


def test_map_runs_on_the_workers_once_they_are_started(raw, lexicons):
    pool = StagePool(data_dir=DATA_DIR, run_id="r", workers=2, start_after=0, **lexicons)
    with pool:
        here = set(pool.map(os.readlink, ["/proc/self"] * 4))  # /proc/self names the process reading it
        list(pool.imap(iter_batches(raw, 2)))
        there = set(pool.map(os.readlink, ["/proc/self"] * 4))
    assert (here, str(os.getpid()) in there, len(there) >= 1) == ({str(os.getpid())}, False, True)


def test_pieces_done_together_come_as_one_result_and_the_rest_as_they_come(raw, lexicons):
    """The caller validates each result, at a fixed cost a call: pieces already done are joined."""
    parts = [process_batch(piece, run_id="r", **lexicons) for piece in iter_batches(raw, 2)]
    futures = [Future() for _ in parts]
    for future, part in zip(futures[:2], parts[:2], strict=True):
        future.set_result(part)
    results = _results(_Pieces(futures))
    first = next(results)  # the first two are done: one result
    for future, part in zip(futures[2:], parts[2:], strict=True):
        future.set_result(part)
    rest = list(results)
    assert first.docs.num_rows == 4 and len(rest) == 1
    for name in ("docs", "events"):
        rows = [row for result in (first, *rest) for row in getattr(result, name).to_pylist()]
        assert rows == [row for part in parts for row in getattr(part, name).to_pylist()], name
