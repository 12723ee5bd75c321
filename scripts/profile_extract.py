"""Extract the articles of a bench corpus in one loop, for a sampling profiler or an instruction count.

    python -m bench --articles 3000 --workdir /tmp/b3k --phases extract   # writes the corpus
    py-spy record --native -r 200 -f raw -o /tmp/spy.raw -- \\
        .venv/bin/python scripts/profile_extract.py /tmp/b3k/corpus-3000-seed0
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=CPyDef_extract___extract_article \\
        .venv/bin/python scripts/profile_extract.py /tmp/b3k/corpus-3000-seed0 300 1   # first 300, once
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from eventlake.extract import extract_article
from eventlake.lexicons import load_lexicon


def main(corpus: Path, limit: int | None = None, rounds: int = 2) -> None:
    lexicon = load_lexicon()
    articles = []
    for part in sorted(corpus.glob("*.jsonl")):
        for line in part.open(encoding="utf-8"):
            row = json.loads(line)
            published = datetime.fromisoformat(row["published_at"]).astimezone(UTC)
            articles.append(
                {
                    "article_id": row["id"],
                    "text": row["text"],
                    "title": row["title"],
                    "published_at": published,
                    "source": row["source"],
                    "source_url": row["url"],
                }
            )
    articles = articles[:limit]
    start, events = time.perf_counter(), 0
    for _ in range(rounds):
        for article in articles:
            events += len(extract_article(article, lexicon=lexicon, run_id="profile", version="profile"))
    seconds = time.perf_counter() - start
    done = rounds * len(articles)
    print(f"{done / seconds:.1f} articles/s, {seconds / done * 1e3:.2f} ms an article, {events} events")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]), int(args[1]) if len(args) > 1 else None, int(args[2]) if len(args) > 2 else 2)
