"""Incremental runs: which ingested articles the lake already holds, so reruns do no work twice."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

KNOWN_COLUMNS = ("article_id", "content_hash", "source_url")  # all that is read of the lake's articles
DOCUMENT_COLUMNS = ("raw_hash", "source", "name", "meta", "charset")  # one input in the raw index


def unseen_articles(raw: pa.Table, known: pa.Table) -> tuple[pa.Table, int]:
    """Rows of `raw` the lake does not hold yet; and how many it does.

    A row is known when the lake has its (article_id, content_hash) pair, or its content_hash
    under another id (the same text saved twice, or re-published under a new id). An article
    whose id is known but whose text changed is new: it replaces the old one.
    """
    if known.num_rows == 0 or raw.num_rows == 0:
        return raw, 0
    seen = pc.or_(
        pc.is_in(_keys(raw), value_set=_keys(known)),
        pc.is_in(raw["content_hash"], value_set=known["content_hash"].combine_chunks()),
    )
    fresh = raw.filter(pc.invert(seen))
    return fresh, raw.num_rows - fresh.num_rows


def articles_to_reprocess(raw: pa.Table, known: pa.Table) -> pa.Table:
    """Rows of `raw` (read again from the raw store) to run through the stages once more.

    The lake's current articles (same id and content_hash), and articles the lake never took
    (rejected or quarantined before, or never finished); not older versions of an article
    whose id now has another text, nor a text the lake holds under another id.
    """
    if known.num_rows == 0 or raw.num_rows == 0:
        return raw
    current = pc.is_in(_keys(raw), value_set=_keys(known))
    id_known = pc.is_in(raw["article_id"], value_set=known["article_id"].combine_chunks())
    hash_known = pc.is_in(raw["content_hash"], value_set=known["content_hash"].combine_chunks())
    never_taken = pc.invert(pc.or_(id_known, hash_known))
    return raw.filter(pc.or_(current, never_taken))


def known_urls(known: pa.Table) -> frozenset[str]:
    """Source URLs of the lake's articles: links a feed need not fetch again."""
    return frozenset(url for url in known["source_url"].to_pylist() if url)


def _keys(table: pa.Table) -> pa.ChunkedArray | pa.Array:
    return pc.binary_join_element_wise(table["article_id"], table["content_hash"], "\x1f")


def documents_to_reread(index: pa.Table, known: pa.Table) -> pa.Table:
    """The raw store's inputs worth reading again, once each: DOCUMENT_COLUMNS of the raw index.

    An input is left out when every article it gave is superseded (its id now has another text,
    or its text is in the lake under another id); inputs holding the lake's current articles
    come first, so they win over any older version read in the same batch.
    """
    pairs = set(zip(known["article_id"].to_pylist(), known["content_hash"].to_pylist(), strict=True))
    ids, hashes = {p[0] for p in pairs}, {p[1] for p in pairs}
    states: dict[tuple, set[str]] = {}
    rows = index.filter(index["reprocess"]).sort_by([("ingested_at", "ascending"), ("source", "ascending")])
    for row in rows.to_pylist():
        key = tuple(row[c] for c in DOCUMENT_COLUMNS)
        states.setdefault(key, set()).add(_state(row["article_id"], row["content_hash"], pairs, ids, hashes))
    wanted = [key for key, found in states.items() if found != {"superseded"}]
    wanted.sort(key=lambda key: "current" not in states[key])  # stable: first-seen order otherwise
    return pa.Table.from_pylist(
        [dict(zip(DOCUMENT_COLUMNS, key, strict=True)) for key in wanted],
        schema=pa.schema([index.schema.field(c) for c in DOCUMENT_COLUMNS]),
    )


def _state(article_id: str | None, content_hash: str | None, pairs: set, ids: set, hashes: set) -> str:
    if article_id is None:
        return "no article"
    if (article_id, content_hash) in pairs:
        return "current"
    if article_id in ids or content_hash in hashes:
        return "superseded"
    return "never taken"
