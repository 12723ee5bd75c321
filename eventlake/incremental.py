"""Incremental runs: which ingested articles the lake already holds, so reruns do no work twice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventlake.tables import value_codes

KNOWN_COLUMNS = ("article_id", "content_hash", "source_url")  # all that is read of the lake's articles
DOCUMENT_COLUMNS = ("raw_hash", "source", "name", "meta", "charset")  # one input in the raw index
INDEX_COLUMNS = ("raw_hash", "meta", "article_id", "content_hash", "reprocess")  # what finished_documents reads
_SEP = "\x1f"


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
    return pc.binary_join_element_wise(table["article_id"], table["content_hash"], _SEP)


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


class FinishedInputs(Mapping[tuple[str, str], tuple[tuple[str, str], ...]]):
    """Inputs (raw_hash, meta) wholly in the lake, each with its (article_id, content_hash) pairs.

    The pairs stay in Arrow columns, one input's rows together, and become tuples only when an
    input is looked up: as Python tuples a lake of a million articles would take gigabytes.
    """

    def __init__(self, rows: pa.Table, starts: Sequence[int] = ()):
        """`rows`: raw_hash, meta, article_id and content_hash, one input's rows together from each of `starts`."""
        self._rows = rows.select(["article_id", "content_hash"])
        ends = [*starts[1:], rows.num_rows] if starts else []
        raw, meta = (rows[c].take(pa.array(starts, pa.int64())).to_pylist() for c in ("raw_hash", "meta"))
        self._spans = dict(zip(zip(raw, meta, strict=True), zip(starts, ends, strict=True), strict=True))

    def __getitem__(self, key: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        start, end = self._spans[key]
        part = self._rows.slice(start, end - start)
        return tuple(zip(part["article_id"].to_pylist(), part["content_hash"].to_pylist(), strict=True))

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._spans)

    def __contains__(self, key: object) -> bool:  # Mapping's would build the input's pairs to answer
        return key in self._spans

    def __len__(self) -> int:
        return len(self._spans)

    def count(self, keys: Iterable[tuple[str, str]]) -> tuple[int, int]:
        """(articles, distinct texts) of the inputs `keys`, counted on the columns."""
        spans = [np.arange(*self._spans[key]) for key in keys]
        rows = np.concatenate(spans) if spans else np.zeros(0, dtype=np.int64)
        return len(rows), pc.count_distinct(self._rows["content_hash"].take(rows)).as_py() if len(rows) else 0


def finished_documents(index: pa.Table, known: pa.Table) -> FinishedInputs:
    """Inputs whose every article is in the lake as it stands: they need not be read again.

    An article counts as in the lake as `unseen_articles` counts it (its id and text, or its
    text under another id). An input that gave no article (rejected whole), or an article the
    lake lacks or holds with another text, is left out, so it is read again as before. Each
    input's pairs are listed once, in the order the raw index first gives them. Worked out on
    integer codes, so memory stays near the size of the columns read.
    """
    rows = index.select(["raw_hash", "meta", "article_id", "content_hash"])
    if not pc.all(index["reprocess"]).as_py():  # null counts as false; usually every row is reprocessable
        rows = rows.filter(pc.fill_null(index["reprocess"], False))
    if rows.num_rows == 0 or known.num_rows == 0:
        return FinishedInputs(rows.slice(0, 0))
    hashes = known["content_hash"].combine_chunks()
    by_id = pc.index_in(rows["article_id"], value_set=known["article_id"])  # the lake's row of this id
    by_text = pc.index_in(rows["content_hash"], value_set=hashes)  # a lake row with this text, under any id
    same_text = pc.equal(hashes.take(by_id), rows["content_hash"])
    in_lake = pc.and_(pc.is_valid(rows["article_id"]), pc.or_kleene(same_text, pc.is_valid(by_text)))
    in_lake = pc.fill_null(in_lake, False).to_numpy(zero_copy_only=False)
    raw_codes, meta_codes = value_codes(rows["raw_hash"]), value_codes(rows["meta"])
    doc = raw_codes * (int(meta_codes.max()) + 1) + meta_codes
    keep = np.flatnonzero(np.bincount(doc, weights=~in_lake)[doc] == 0)  # every row of its input is in the lake
    article = _article_codes(rows["article_id"].take(keep), by_id.take(keep))
    keep = keep[_first_of_each(doc[keep], article, by_text.take(keep).to_numpy())]
    first_row = np.full(int(doc.max()) + 1, len(doc), dtype=np.int64)
    np.minimum.at(first_row, doc[keep], keep)
    order = keep[np.lexsort((keep, first_row[doc[keep]]))]  # inputs in the order first read, rows in theirs
    starts = np.flatnonzero(np.diff(doc[order], prepend=-1) != 0)
    return FinishedInputs(rows.take(order), starts.tolist())


def _article_codes(ids: pa.ChunkedArray, by_id: pa.ChunkedArray) -> np.ndarray:
    """An integer per article id, equal for equal ids: its row in the lake, or past them for an id the
    lake holds only under its text (those few are encoded as strings)."""
    codes = pc.fill_null(by_id, -1).to_numpy().astype(np.int64)
    new = np.flatnonzero(codes < 0)
    if len(new):
        codes[new] = codes.max() + 1 + value_codes(ids.take(new))
    return codes


def _first_of_each(doc: np.ndarray, article: np.ndarray, text: np.ndarray) -> np.ndarray:
    """Positions of the first row of each (input, article id, text): an input can list a pair twice.
    `text` is the lake row holding the text, the same for equal texts."""
    order = np.lexsort((np.arange(len(doc)), text, article, doc))
    new = np.ones(len(order), dtype=bool)
    new[1:] = (np.diff(doc[order]) != 0) | (np.diff(article[order]) != 0) | (np.diff(text[order]) != 0)
    return np.sort(order[new])


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
    if known.num_rows == 0:
        return None
    finished = finished_documents(read_lake_table(lake, "raw_index", columns=INDEX_COLUMNS), known)
    if not finished:
        return None
    found = []
    for doc, digest in input_documents(paths, published_at=published_at):
        key = (digest, document_meta(doc)) if doc is not None else None
        if key not in finished:
            return None
        found.append(key)
    held, texts = finished.count(found)
    return (texts, held - texts) if held else None
