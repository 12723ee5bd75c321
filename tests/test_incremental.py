"""Tests for eventlake.incremental: what a rerun or a reprocess skips, cheaply, on Arrow columns."""

from __future__ import annotations

import json

import pyarrow as pa

from eventlake.incremental import (
    articles_to_reprocess,
    documents_to_reread,
    finished_documents,
    known_urls,
    unseen_articles,
)
from eventlake.ingest import RAW_INDEX


def raw(*pairs: tuple[str, str]) -> pa.Table:
    return pa.table({"article_id": [p[0] for p in pairs], "content_hash": [p[1] for p in pairs]})


def known(*pairs: tuple[str, str], urls: list[str | None] | None = None) -> pa.Table:
    table = raw(*pairs)
    return table.append_column("source_url", pa.array(urls or [None] * len(pairs), pa.string()))


def ids(table: pa.Table) -> list[str]:
    return table.column("article_id").to_pylist()


def test_same_id_and_hash_is_known():
    fresh, seen = unseen_articles(raw(("a", "h1"), ("b", "h2")), known(("a", "h1")))
    assert (ids(fresh), seen) == (["b"], 1)


def test_same_text_under_another_id_is_known():
    fresh, seen = unseen_articles(raw(("copy-of-a", "h1")), known(("a", "h1")))
    assert (ids(fresh), seen) == ([], 1)


def test_known_id_with_a_new_text_is_fresh_so_it_replaces_the_old():
    fresh, _ = unseen_articles(raw(("a", "h9")), known(("a", "h1")))
    assert ids(fresh) == ["a"]


def test_empty_lake_knows_nothing():
    fresh, seen = unseen_articles(raw(("a", "h1")), known())
    assert (ids(fresh), seen) == (["a"], 0)


def test_known_urls_leave_out_articles_without_one():
    assert known_urls(known(("a", "h1"), ("b", "h2"), urls=["https://x.example/a", None])) == {"https://x.example/a"}


def test_reprocess_takes_current_and_never_taken_articles_not_old_versions():
    todo = articles_to_reprocess(
        raw(("a", "h1"), ("a", "h0"), ("b", "h5"), ("copy", "h2"), ("new", "h7")),
        known(("a", "h1"), ("b", "h2")),
    )
    assert ids(todo) == ["a", "new"]


def index_row(raw_hash: str, article: tuple[str, str] | None, *, source: str = "in/a.json", when: int = 0) -> dict:
    return {
        "raw_hash": raw_hash,
        "source": source,
        "name": "a.json",
        "meta": json.dumps({"published_at": "2024-01-01T00:00:00+00:00", "published_at_origin": "mtime"}),
        "charset": None,
        "reprocess": True,
        "article_id": article[0] if article else None,
        "content_hash": article[1] if article else None,
        "source_path": source,
        "record_index": None,
        "run_id": "r",
        "ingested_at": pa.scalar(when * 1_000_000, pa.timestamp("us", tz="UTC")).as_py(),
    }


def test_reread_leaves_out_inputs_whose_articles_were_all_superseded():
    index = pa.Table.from_pylist(
        [index_row("old", ("a", "h0"), when=1), index_row("new", ("a", "h1"), when=2)], schema=RAW_INDEX
    )
    assert documents_to_reread(index, known(("a", "h1"))).column("raw_hash").to_pylist() == ["new"]


def test_reread_keeps_inputs_that_gave_no_article():
    index = pa.Table.from_pylist([index_row("bad", None)], schema=RAW_INDEX)
    assert documents_to_reread(index, known(("a", "h1"))).column("raw_hash").to_pylist() == ["bad"]


def test_reread_puts_inputs_with_current_articles_first():
    index = pa.Table.from_pylist(
        [index_row("never", ("z", "h9"), when=1), index_row("cur", ("a", "h1"), when=2)], schema=RAW_INDEX
    )
    assert documents_to_reread(index, known(("a", "h1"))).column("raw_hash").to_pylist() == ["cur", "never"]


def test_reread_lists_an_input_once_however_many_articles_it_gave():
    index = pa.Table.from_pylist([index_row("j", ("a", "h1")), index_row("j", ("b", "h2"))], schema=RAW_INDEX)
    assert documents_to_reread(index, known(("a", "h1"))).num_rows == 1


def test_reread_skips_inputs_kept_only():
    row = {**index_row("feed", None), "reprocess": False}
    assert documents_to_reread(pa.Table.from_pylist([row], schema=RAW_INDEX), known()).num_rows == 0


def test_an_input_whose_articles_are_all_current_is_finished():
    index = pa.Table.from_pylist([index_row("j", ("a", "h1")), index_row("j", ("b", "h2"))], schema=RAW_INDEX)
    assert list(finished_documents(index, known(("a", "h1"), ("b", "h2"))).values()) == [(("a", "h1"), ("b", "h2"))]


def test_an_input_with_one_article_missing_from_the_lake_is_not_finished():
    index = pa.Table.from_pylist([index_row("j", ("a", "h1")), index_row("j", ("b", "h2"))], schema=RAW_INDEX)
    assert finished_documents(index, known(("a", "h1"))) == {}


def test_an_input_whose_article_has_a_newer_text_is_not_finished():
    index = pa.Table.from_pylist([index_row("j", ("a", "h0"))], schema=RAW_INDEX)
    assert finished_documents(index, known(("a", "h1"))) == {}


def test_an_input_that_gave_no_article_is_not_finished():
    index = pa.Table.from_pylist([index_row("bad", None), index_row("j", ("a", "h1"))], schema=RAW_INDEX)
    assert [key[0] for key in finished_documents(index, known(("a", "h1")))] == ["j"]


def test_finished_inputs_list_each_pair_once_in_the_order_first_read_and_count_texts_once():
    rows = [
        index_row("j", ("b", "h2")),
        index_row("k", ("c", "h1")),
        index_row("j", ("a", "h1")),
        index_row("j", ("b", "h2")),
    ]
    index = pa.Table.from_pylist(rows, schema=RAW_INDEX)
    finished = finished_documents(index, known(("a", "h1"), ("b", "h2")))
    assert [(key[0], pairs) for key, pairs in finished.items()] == [
        ("j", (("b", "h2"), ("a", "h1"))),
        ("k", (("c", "h1"),)),
    ]
    assert finished.count(list(finished)) == (3, 2)


def test_one_id_with_two_texts_both_in_the_lake_keeps_both_pairs():
    index = pa.Table.from_pylist([index_row("j", ("a", "h1")), index_row("j", ("a", "h2"))], schema=RAW_INDEX)
    finished = finished_documents(index, known(("a", "h1"), ("b", "h2")))
    assert list(finished.values()) == [(("a", "h1"), ("a", "h2"))]
