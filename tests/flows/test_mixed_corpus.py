"""End to end on a corpus built here: every good article kept, every bad input rejected with its
reason, hostile input refused, nothing written outside the lake, every row traceable to raw bytes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest
from local_http import ALLOW_LOCAL, LocalServer
from mixed_corpus import HOSTILE_ID, WIRE_IDS, build

from eventlake.write import read_http_validators, read_lake_table
from flows.pipeline import run_pipeline


def listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The corpus, run once into a fresh lake; the files around it listed before and after."""
    base = tmp_path_factory.mktemp("mixed")
    with LocalServer() as server:
        corpus = build(base / "in", server)
        before = listing(base)
        lake = base / "lake"
        manifest = run_pipeline(
            [str(corpus.root)],
            lake=str(lake),
            feeds=corpus.feeds,
            urls=corpus.urls,
            allow_networks=list(ALLOW_LOCAL),
            fetch_timeout=0.5,
            fetch_retries=1,
            batch_size=10,
        )
        yield {"corpus": corpus, "lake": lake, "manifest": manifest, "before": before, "base": base, "server": server}


@pytest.fixture(scope="module")
def articles(run):
    return read_lake_table(run["lake"], "articles").to_pylist()


@pytest.fixture(scope="module")
def rejects(run):
    return read_lake_table(run["lake"], "rejects").to_pylist()


def test_every_good_article_is_in_the_lake_once(run, articles):
    found = {marker: sum(marker in a["text"] for a in articles) for marker in run["corpus"].good}
    assert found == dict.fromkeys(run["corpus"].good, 1)


def test_no_article_is_in_the_lake_but_the_good_ones(run, articles):
    assert len(articles) == len(run["corpus"].good)


def test_every_bad_input_is_rejected_with_its_reason(run, rejects):
    missing = [
        (where, why)
        for where, why in run["corpus"].bad
        if not any(r["source_path"].endswith(where) and why in r["reason"] for r in rejects)
    ]
    assert missing == []


def test_nothing_else_is_rejected(run, rejects):
    assert len(rejects) == len(run["corpus"].bad)


def test_bad_jsonl_line_is_rejected_by_its_number(rejects):
    (line,) = [r for r in rejects if r["source_path"].endswith("mixed.jsonl")]
    assert line["record_index"] == 2


def test_no_internal_error_happened(rejects):
    assert [r["reason"] for r in rejects if r["reason"].startswith("internal error")] == []


def test_encoding_found_is_recorded_for_each_article(run, articles):
    encodings = {a["encoding"] for a in articles}
    assert encodings >= {"utf-8", "utf-8-sig", "utf-16", "cp1256", "iso8859-6"}


def test_html_furniture_is_not_in_the_article_text(articles):
    html = [a for a in articles if a["source_path"].endswith((".html", ".htm")) or "/news/" in a["source_path"]]
    assert html and not any("جميع الحقوق محفوظة" in a["text"] or "أخبار ذات صلة" in a["text"] for a in html)


def test_hostile_id_is_only_an_id(run, articles):
    (hostile,) = [a for a in articles if a["article_id"] == HOSTILE_ID]
    assert hostile["source"] == "../../evil-source"


def test_the_two_copies_of_one_wire_story_are_both_kept_and_linked(run):
    links = read_lake_table(run["lake"], "near_duplicates").to_pylist()
    assert [(link["article_id"], link["near_article_id"]) for link in links] == [tuple(sorted(WIRE_IDS))]


def test_nothing_is_written_outside_the_lake(run):
    after = listing(run["base"])
    assert {p for p in after - run["before"] if not p.startswith("lake")} == set()


def test_lake_paths_are_made_of_dates_countries_and_hashes_only(run):
    names = {p.name for p in run["lake"].rglob("*")}
    assert not any("evil" in n or n in ("x", "etc", "tmp") for n in names)


def test_raw_store_keeps_the_bytes_of_every_input_read(run):
    store = run["lake"] / "raw" / "sha256"
    missing = [
        p.name
        for p in run["corpus"].files
        if p.stat().st_size <= 20 * 2**20
        and not (store / (h := hashlib.sha256(p.read_bytes()).hexdigest())[:2] / h).exists()
    ]
    assert missing == []


def test_every_article_traces_to_stored_raw_bytes(run, articles):
    index = read_lake_table(run["lake"], "raw_index").to_pylist()
    stored = {(r["article_id"], r["content_hash"]): r["raw_hash"] for r in index if r["article_id"]}
    store = run["lake"] / "raw" / "sha256"
    untraced = [
        a["article_id"]
        for a in articles
        if not (h := stored.get((a["article_id"], a["content_hash"]))) or not (store / h[:2] / h).exists()
    ]
    assert untraced == []


def test_whole_file_rejects_carry_the_hash_of_the_raw_bytes(run, rejects):
    by_name = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in run["corpus"].files if p.stat().st_size < 2**20
    }
    assert {
        r["source_path"].rsplit("/", 1)[-1]: r["content_hash"]
        for r in rejects
        if r["source_path"].endswith(("garbage.txt", "truncated.json", "empty.txt"))
    } == {n: by_name[n] for n in ("garbage.txt", "truncated.json", "empty.txt")}


def test_feed_validators_are_saved_for_the_next_run(run):
    assert read_http_validators(run["lake"])[run["corpus"].feeds[0]] == {"etag": '"feed-1"'}


def test_lake_reads_cleanly_with_duckdb(run):
    count = duckdb.sql(f"select count(*) from read_parquet('{run['lake']}/articles/**/*.parquet')").fetchall()[0][0]
    assert count == len(run["corpus"].good)


def test_manifest_counts_what_was_read_and_rejected(run):
    counts = run["manifest"]["counts"]
    print("\nmixed corpus counts:", json.dumps(counts, sort_keys=True))
    assert (counts["articles_written"], counts["rejected"]) == (len(run["corpus"].good), len(run["corpus"].bad))


def test_second_run_over_the_same_inputs_adds_nothing(run):
    corpus = run["corpus"]
    before = {str(p.relative_to(run["lake"])): p.read_bytes() for p in run["lake"].rglob("*.parquet")}
    manifest = run_pipeline(
        [str(corpus.root)],
        lake=str(run["lake"]),
        feeds=corpus.feeds[:1],
        urls=corpus.urls[:1],
        allow_networks=list(ALLOW_LOCAL),
    )
    after = {str(p.relative_to(run["lake"])): p.read_bytes() for p in run["lake"].rglob("*.parquet")}
    counts = manifest["counts"]
    assert (after == before, counts.get("articles_written", 0), counts["not_modified"], counts["links_known"]) == (
        True,
        0,
        1,
        1,
    )
