"""Incremental runs: which ingested articles the lake already holds, so reruns do no work twice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

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


def finished_documents(index: pa.Table, known: pa.Table) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """Inputs (raw_hash, meta) whose every article is in the lake as it stands: they need not be read again.

    Values are the (article_id, content_hash) pairs each holds. An article counts as in the lake
    as `unseen_articles` counts it (its id and text, or its text under another id). An input that
    gave no article (rejected whole), or an article the lake lacks or holds with another text,
    is left out, so it is read again as before.
    """
    if index.num_rows == 0 or known.num_rows == 0:
        return {}
    pairs = set(zip(known["article_id"].to_pylist(), known["content_hash"].to_pylist(), strict=True))
    hashes = {h for _, h in pairs}
    rows = index.filter(index["reprocess"]).select(["raw_hash", "meta", "article_id", "content_hash"])
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    spoiled: set[tuple[str, str]] = set()
    for raw_hash, meta, article_id, content_hash in zip(*(c.to_pylist() for c in rows.columns), strict=True):
        key = (raw_hash, meta)
        if article_id is None or ((article_id, content_hash) not in pairs and content_hash not in hashes):
            spoiled.add(key)
        else:
            found.setdefault(key, []).append((article_id, content_hash))
    return {key: tuple(dict.fromkeys(held)) for key, held in found.items() if key not in spoiled}


def inputs_in_lake(
    paths: Sequence[Path | str], lake: Path, *, published_at: datetime | None = None
) -> tuple[int, int] | None:
    """(articles, duplicates) of `paths` when every input file is already wholly in the lake; else None.

    A cheap check before a run: it hashes each file's bytes and reads the lake's raw index and
    article keys, parsing nothing, and stops at the first file that is new or changed (or that
    gave no article, e.g. one rejected whole). Articles are counted once per text, as a run
    counts them. None also when there is no input file at all.
    """
    from eventlake.ingest import document_meta, input_documents
    from eventlake.write import read_lake_table

    known = read_lake_table(lake, "articles", columns=KNOWN_COLUMNS)
    finished = finished_documents(read_lake_table(lake, "raw_index"), known) if known.num_rows else {}
    if not finished:
        return None
    texts: set[str] = set()
    held = 0
    for doc, digest in input_documents(paths, published_at=published_at):
        pairs = finished.get((digest, document_meta(doc))) if doc is not None else None
        if pairs is None:
            return None
        held += len(pairs)
        texts.update(content_hash for _, content_hash in pairs)
    return (len(texts), held - len(texts)) if held else None
