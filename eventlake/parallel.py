"""The CPU-bound stages on several cores: raw articles -> cleaned, signed, segmented, extracted, clustered.

`process_batch` runs clean -> normalise -> sign -> segment -> extract -> cluster on one batch.
`StagePool` runs it for a stream of batches in worker processes (spawned, each loading the
lexicon once) and hands the results back in the order the batches came, so the output is the
same whatever the number of workers. A run too small to pay for starting workers is done in
this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa

from eventlake import EXTRACTOR_VERSION
from eventlake._ingest_near import sign_articles
from eventlake.arabic import matching_forms
from eventlake.clean import clean_articles
from eventlake.cluster import exact_clusters
from eventlake.extract import extract_events
from eventlake.lexicons import Boilerplate, Lexicon, load_boilerplate, load_lexicon
from eventlake.segment import count_sentences
from eventlake.tables import iter_batches

# Workers start only once a run has seen this many articles: starting them (an interpreter and
# a lexicon each) costs about as much as processing a few hundred articles.
POOL_MIN_ARTICLES = 1000
# A batch this large starts the workers as soon as it is read: even if it is the run's only
# batch, sharing it out repays their start.
POOL_AT_ONCE_ARTICLES = 2 * POOL_MIN_ARTICLES
# The run's last batch is cut into this many pieces per worker: the workers finish it together
# instead of one idling while the other ends the run alone (half a batch: seconds of one core),
# and the caller can take the first pieces while the workers do the rest.
LAST_BATCH_PIECES = 2
STAGES = ("clean", "normalise", "sign", "segment", "extract", "cluster")
T = TypeVar("T")


@dataclass(frozen=True)
class Processed:
    """One batch after the CPU-bound stages."""

    docs: pa.Table  # cleaned articles with n_sentences (the sentences went to extract directly)
    rejects: pa.Table  # schema.REJECTS rows of articles the clean stage refused
    signatures: pa.Table  # ingest.SIGNATURES of the cleaned texts (run_id, ingested_at null)
    events: pa.Table  # extracted events with cluster ids
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, where it ran


def process_batch(
    raw: pa.Table, *, lexicon: Lexicon, boilerplate: Boilerplate, run_id: str | None, version: str = EXTRACTOR_VERSION
) -> Processed:
    """clean, normalise (the matching form), sign (near-duplicate signatures), segment, extract and
    cluster one batch of raw articles."""
    seconds: dict[str, float] = {}
    cleaned, rejects = _timed(seconds, "clean", clean_articles, raw, boilerplate=boilerplate)
    texts = cleaned.column("text").to_pylist()
    forms = _timed(seconds, "normalise", matching_forms, texts)  # folded once, for sign and extract
    signatures = _timed(seconds, "sign", sign_articles, cleaned, forms=forms)
    docs, sentences = _timed(seconds, "segment", count_sentences, cleaned)
    events = _timed(
        seconds,
        "extract",
        extract_events,
        docs,
        lexicon=lexicon,
        run_id=run_id,
        version=version,
        forms=forms,
        sentences=sentences,
    )
    events = _timed(seconds, "cluster", exact_clusters, events)  # linked when written (write.py)
    return Processed(docs, rejects, signatures, events, seconds)


class StagePool:
    """`process_batch` over a stream of batches on `workers` processes, results in input order.

    Use as a context manager; the workers (started lazily: after POOL_MIN_ARTICLES articles when
    there is more than one batch, or at a batch of POOL_AT_ONCE_ARTICLES) stop on exit. With
    `workers` <= 1 everything runs in this process. The last batch is shared out in pieces, so no
    worker ends the run alone; pieces done at different times are results of their own.
    """

    def __init__(
        self,
        *,
        data_dir: Path,
        lexicon: Lexicon,
        boilerplate: Boilerplate,
        run_id: str | None,
        workers: int,
        version: str = EXTRACTOR_VERSION,
        start_after: int = POOL_MIN_ARTICLES,
        start_at_once: int = POOL_AT_ONCE_ARTICLES,
    ):
        self._data_dir = data_dir
        self._options = {"lexicon": lexicon, "boilerplate": boilerplate, "run_id": run_id, "version": version}
        self._expected = lexicon.version
        self.workers = max(1, workers)
        self._start_after = start_after
        self._start_at_once = start_at_once
        self._seen = 0
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> StagePool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    @property
    def started(self) -> bool:
        """Whether worker processes were started."""
        return self._executor is not None

    def imap(self, batches: Iterable[pa.Table]) -> Iterator[Processed]:
        """Processed batches, in the order of `batches` (the last one maybe in parts, when the
        workers started: their rows are the batch's, in order); at most `workers` batches run ahead of the caller.

        Each batch is submitted once the next one is known, so a run of a single small batch never
        pays for starting workers; a large one starts them before the next is read, so they load
        the lexicon while this process reads.
        """
        pending: deque[Future | Processed | _Pieces] = deque()
        iterator = iter(batches)
        batch = next(iterator, None)
        while batch is not None:
            if self.workers > 1 and self._executor is None and batch.num_rows >= self._start_at_once:
                self._start()
            following = next(iterator, None)
            pending.append(self._submit(batch, last=following is None))
            batch = following
            while len(pending) > (self.workers if self.started else 0):
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())

    def map(self, func: Callable[[Any], T], items: Iterable[Any]) -> Iterator[T]:
        """`func` over `items` on the workers if they were started, else here; results in order.
        For work between batches, such as the run's last flush, which would leave a core idle."""
        if self._executor is None:
            return map(func, items)
        return self._executor.map(func, items)

    def _start(self) -> None:
        executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(str(self._data_dir), self._expected),
        )
        for _ in range(self.workers):  # each submission spawns a worker now, not when work comes
            executor.submit(int)
        self._executor = executor

    def _submit(self, batch: pa.Table, *, last: bool) -> Future | Processed | _Pieces:
        self._seen += batch.num_rows
        if self.workers > 1 and self._executor is None and self._seen >= self._start_after and not last:
            self._start()
        if self._executor is None:
            return process_batch(batch, **self._options)
        options = {k: self._options[k] for k in ("run_id", "version")}
        if not last:
            return self._executor.submit(_work, batch, options)
        size = -(-batch.num_rows // (self.workers * LAST_BATCH_PIECES))
        return _Pieces([self._executor.submit(_work, piece, options) for piece in iter_batches(batch, size)])


@dataclass(frozen=True)
class _Pieces:
    """One batch processed in pieces on several workers."""

    futures: list[Future]


def _results(item: Future | Processed | _Pieces) -> Iterator[Processed]:
    """A batch's result; a batch in pieces as its pieces come, those done together joined in one
    (the caller validates each result, and Great Expectations costs about 0.2 s a call)."""
    if not isinstance(item, _Pieces):
        yield item.result() if isinstance(item, Future) else item
        return
    futures = deque(item.futures)
    while futures:
        done = [futures.popleft().result()]
        while futures and futures[0].done():
            done.append(futures.popleft().result())
        yield _joined(done)


def _joined(pieces: list[Processed]) -> Processed:
    """Pieces of a batch as the batch itself would have given them (every stage works article by
    article), rows in order."""
    if len(pieces) == 1:
        return pieces[0]
    seconds: dict[str, float] = {}
    for piece in pieces:
        for stage, spent in piece.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + spent
    return Processed(
        docs=pa.concat_tables([p.docs for p in pieces]),
        rejects=pa.concat_tables([p.rejects for p in pieces]),
        signatures=pa.concat_tables([p.signatures for p in pieces]),
        events=pa.concat_tables([p.events for p in pieces]),
        seconds=seconds,
    )


def _timed(seconds: dict[str, float], stage: str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    start = time.perf_counter()
    try:
        return func(*args, **kwargs)
    finally:
        seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - start


# --- inside a worker process -----------------------------------------------------------------

# A worker's lexicon and boilerplate, loaded once by its initializer (per-process state, never
# set in the parent).
_WORKER: dict[str, object] = {}


def _start_worker(data_dir: str, expected_version: str) -> None:
    lexicon = load_lexicon(Path(data_dir))
    if lexicon.version != expected_version:  # data/ changed while the run was going: refuse to mix
        raise RuntimeError(f"lexicon under {data_dir} changed during the run ({lexicon.version} != {expected_version})")
    _WORKER["lexicon"] = lexicon
    _WORKER["boilerplate"] = load_boilerplate(Path(data_dir) / "lexicons" / "boilerplate.yaml")
    # The lexicon's objects live as long as the worker: out of the cycle collector's full passes,
    # which walked all of them (160,000) a few times a batch.
    gc.freeze()


def _work(batch: pa.Table, options: dict) -> Processed:
    # process_batch makes no reference cycles (a test holds it to that): reference counting frees
    # all it makes, and the collector's passes over a batch's objects would find nothing.
    gc.disable()
    try:
        return process_batch(batch, lexicon=_WORKER["lexicon"], boilerplate=_WORKER["boilerplate"], **options)
    finally:
        gc.enable()
