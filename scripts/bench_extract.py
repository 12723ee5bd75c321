"""Extraction speed on one core: clean -> segment -> extract of seed-sized articles, in articles/s.

The articles are cut from the gold sets and the samples (our own reporting, every event type),
reassembled deterministically to 2,000-2,200 characters each (the seed article is 2,127), so the
rate is comparable between runs and machines. CPU time is the headline (the machine is shared);
wall time is printed too.

    /work/venv/bin/python scripts/bench_extract.py [--articles 2000] [--chars 2000 2200] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import pstats
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventlake import EXTRACTOR_VERSION  # noqa: E402
from eventlake.clean import PARAGRAPH_SEP, clean_articles  # noqa: E402
from eventlake.extract import extract_events  # noqa: E402
from eventlake.ingest import read_inputs  # noqa: E402
from eventlake.lexicons import Boilerplate, Lexicon, load_boilerplate, load_lexicon  # noqa: E402
from eventlake.schema import RAW_ARTICLES  # noqa: E402
from eventlake.segment import segment_articles  # noqa: E402

INPUTS = (ROOT / "data/gold/dev/articles", ROOT / "data/gold/test/articles", ROOT / "data/samples")
# For the few files that carry no date (else their modification time would make runs differ).
UNDATED = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
STAGES = ("clean", "segment", "extract")
# Seed-sized: the seed article (/work/shared/seeds/*.txt) is 2,127 characters.
SEED_CHARS = (2000, 2200)


@dataclass(frozen=True)
class StageTime:
    cpu: float
    wall: float


@dataclass(frozen=True)
class BenchResult:
    articles: int
    chars: int
    events: int
    stages: dict[str, StageTime]

    @property
    def cpu(self) -> float:
        return sum(t.cpu for t in self.stages.values())

    @property
    def wall(self) -> float:
        return sum(t.wall for t in self.stages.values())

    def report(self) -> str:
        """The rates and the per-stage cost, one line each."""
        n = self.articles
        lines = [
            f"{n} articles, {self.chars / n:.0f} chars mean, {self.events} events",
            f"clean+segment+extract: {n / self.cpu:.0f} articles/s CPU ({n / self.wall:.0f} wall), one core",
        ]
        for name, t in self.stages.items():
            lines.append(f"  {name:8s} {1000 * t.cpu / n:6.3f} ms/article CPU  {1000 * t.wall / n:6.3f} wall")
        return "\n".join(lines)


def seed_sized_articles(
    count: int, *, chars: tuple[int, int] = SEED_CHARS, inputs: Sequence[Path] = INPUTS
) -> pa.Table:
    """`count` raw articles (RAW_ARTICLES) of `chars` characters, cut from the bundled articles."""
    sources = _cleaned_sources(inputs)
    rows = []
    for i in range(count):
        src = sources[i % len(sources)]
        head = len(src["title"] or "") + len(PARAGRAPH_SEP)
        body = _assemble(sources, i % len(sources), i // len(sources), chars[0] - head, chars[1] - head)
        rows.append(
            {
                **{k: src.get(k) for k in RAW_ARTICLES.names},
                "article_id": f"bench-{i:06d}",
                "body": body,
                "body_format": "text",
                "content_hash": hashlib.sha256(body.encode()).hexdigest(),
            }
        )
    return pa.Table.from_pylist(rows, schema=RAW_ARTICLES)


def bench_extract(raw: pa.Table, *, lexicon: Lexicon, boilerplate: Boilerplate) -> BenchResult:
    """Run clean, segment and extract once over `raw`, timing each stage (CPU and wall)."""
    stages: dict[str, StageTime] = {}
    table: pa.Table = raw
    for name in STAGES:
        cpu, wall = time.process_time(), time.perf_counter()
        if name == "clean":
            table, _ = clean_articles(table, boilerplate=boilerplate)
        elif name == "segment":
            table = segment_articles(table)
        else:
            events = extract_events(table, lexicon=lexicon, run_id=None, version=EXTRACTOR_VERSION)
        stages[name] = StageTime(time.process_time() - cpu, time.perf_counter() - wall)
    chars = sum(len(t) for t in raw.column("body").to_pylist())
    return BenchResult(raw.num_rows, chars, events.num_rows, stages)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--chars", type=int, nargs=2, default=SEED_CHARS, metavar=("MIN", "MAX"))
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest (by CPU) is reported")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of one run")
    args = parser.parse_args(argv)
    lexicon, boilerplate = load_lexicon(), load_boilerplate()
    raw = seed_sized_articles(args.articles, chars=tuple(args.chars))
    results = [bench_extract(raw, lexicon=lexicon, boilerplate=boilerplate) for _ in range(args.repeat)]
    print(min(results, key=lambda r: r.cpu).report())
    if args.profile:
        print(_profile(raw, lexicon, boilerplate))
    return 0


def _cleaned_sources(inputs: Sequence[Path]) -> list[dict]:
    """The bundled articles, cleaned, with their body paragraphs (the title set apart)."""
    ingested = read_inputs(list(inputs), published_at=UNDATED).articles
    cleaned, _ = clean_articles(ingested, boilerplate=load_boilerplate())
    raw_by_id = {r["article_id"]: r for r in ingested.to_pylist()}
    sources = []
    for row in cleaned.to_pylist():
        paragraphs = row["text"].split(PARAGRAPH_SEP)
        if row["title"] and paragraphs[0] == row["title"]:
            paragraphs = paragraphs[1:]
        if paragraphs:
            sources.append({**raw_by_id[row["article_id"]], "title": row["title"], "paragraphs": paragraphs})
    return sources


def _assemble(sources: list[dict], first: int, offset: int, least: int, most: int) -> str:
    """Paragraphs of source `first` from paragraph `offset` on, then of the next sources, until
    `least` characters; the last paragraph is cut at a sentence or word end to stay within `most`."""
    out: list[str] = []
    size = 0
    k = first
    start = offset
    while size < least:
        paragraphs = sources[k % len(sources)]["paragraphs"]
        for p in paragraphs[start % len(paragraphs) :]:
            room = most - size - len(PARAGRAPH_SEP) * bool(out)
            if room <= 0 or size >= least:
                break
            out.append(p if len(p) <= room else _cut(p, room))
            size += len(out[-1]) + len(PARAGRAPH_SEP) * (len(out) > 1)
        k, start = k + 1 + offset, 0  # a different follower for each pass over the sources
    return PARAGRAPH_SEP.join(p for p in out if p)


def _cut(paragraph: str, room: int) -> str:
    head = paragraph[:room]
    end = max(head.rfind(". "), head.rfind("، "))
    return head[: end + 1] if end > room // 2 else head[: head.rfind(" ")] if " " in head else ""


def _profile(raw: pa.Table, lexicon: Lexicon, boilerplate: Boilerplate) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    bench_extract(raw, lexicon=lexicon, boilerplate=boilerplate)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(25)
    return out.getvalue()


if __name__ == "__main__":
    raise SystemExit(main())
