"""Incremental runs: which ingested articles the lake already holds, so reruns do no work twice."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc


def unseen_articles(raw: pa.Table, known: pa.Table) -> tuple[pa.Table, int]:
    """Rows of `raw` whose (article_id, content_hash) pair is not in `known`; and how many were seen."""
    if known.num_rows == 0 or raw.num_rows == 0:
        return raw, 0
    known_keys = pc.binary_join_element_wise(known["article_id"], known["content_hash"], "\x1f")
    raw_keys = pc.binary_join_element_wise(raw["article_id"], raw["content_hash"], "\x1f")
    seen = pc.is_in(raw_keys, value_set=known_keys)
    fresh = raw.filter(pc.invert(seen))
    return fresh, raw.num_rows - fresh.num_rows
