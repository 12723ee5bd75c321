"""Tests for eventlake.ingest.iter_inputs: inputs read batch by batch, duplicates still found across the run."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from eventlake.ingest import document_meta, input_documents, iter_inputs, merge_results, read_inputs

NOW = datetime(2023, 10, 20, 12, 0, tzinfo=UTC)
DATE = "2023-10-19T07:45:00+00:00"
BODIES = [
    "اندلعت اشتباكات عنيفة فجر اليوم بين فصيلين مسلحين قرب بلدة مارع.",
    "قصفت طائرات حربية أطراف قرية في ريف إدلب الجنوبي مساء أمس.",
    "انفجرت عبوة ناسفة بسيارة عسكرية على طريق الرقة دون إصابات.",
    "اعتقلت دورية أمنية شابين في حي الميدان بدمشق صباح الثلاثاء.",
]


def jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def sha(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(article_id: str, body: str) -> dict:
    return {"id": article_id, "text": body, "published_at": DATE}


def test_batches_hold_at_most_batch_size_articles(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record(f"a{i}", body) for i, body in enumerate(BODIES)])
    sizes = [b.articles.num_rows for b in iter_inputs([tmp_path], batch_size=3, now=NOW)]
    assert sizes == [3, 1]


def test_batches_together_equal_one_read(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record(f"a{i}", body) for i, body in enumerate(BODIES)])
    jsonl(tmp_path / "b.jsonl", [{"id": "bad"}, record("b0", BODIES[0] + " ثم هدأ الوضع.")])
    merged = merge_results(list(iter_inputs([tmp_path], batch_size=1, now=NOW)))
    whole = read_inputs([tmp_path], now=NOW)
    assert merged.articles.to_pylist() == whole.articles.to_pylist()


def test_a_duplicate_in_a_later_batch_is_dropped_and_counted(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record("first", BODIES[0]), record("other", BODIES[1])])
    jsonl(tmp_path / "b.jsonl", [record("copy", BODIES[0])])
    batches = list(iter_inputs([tmp_path], batch_size=1, now=NOW))
    kept = [i for b in batches for i in b.articles.column("article_id").to_pylist()]
    assert (kept, sum(b.duplicates for b in batches)) == (["first", "other"], 1)


def test_an_id_taken_in_an_earlier_batch_is_rejected_naming_the_first_file(tmp_path):
    first = jsonl(tmp_path / "a.jsonl", [record("same", BODIES[0]), record("x", BODIES[1])])
    jsonl(tmp_path / "b.jsonl", [record("same", BODIES[2])])
    batches = list(iter_inputs([tmp_path], batch_size=1, now=NOW))
    reasons = [r for b in batches for r in b.rejects.column("reason").to_pylist()]
    assert reasons == [f"duplicate id 'same': already read from {first} with another text"]


def test_nothing_to_read_gives_one_empty_batch(tmp_path):
    batches = list(iter_inputs([tmp_path], batch_size=10, now=NOW))
    assert [b.articles.num_rows for b in batches] == [0]


def test_a_skipped_input_is_not_parsed_but_counted(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record("a0", BODIES[0]), record("a1", BODIES[1])])
    (result,) = iter_inputs(
        [tmp_path], batch_size=10, now=NOW, skip=lambda digest, doc: [("a0", sha(BODIES[0])), ("a1", sha(BODIES[1]))]
    )
    assert (result.articles.num_rows, result.provenance.num_rows, result.skipped) == (0, 0, 2)


def test_a_skipped_inputs_ids_still_clash_with_later_inputs(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record("same", BODIES[0])])
    jsonl(tmp_path / "b.jsonl", [record("same", BODIES[1])])
    held = {"a.jsonl": [("same", sha(BODIES[0]))]}
    (result,) = iter_inputs([tmp_path], batch_size=10, now=NOW, skip=lambda digest, doc: held.get(doc.name))
    assert result.rejects.column("reason").to_pylist()[0].startswith("duplicate id 'same'")


def test_input_documents_give_the_digest_and_meta_the_raw_index_records(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record("a0", BODIES[0])])
    ((doc, digest),) = input_documents([tmp_path])
    provenance = read_inputs([tmp_path], now=NOW).provenance
    assert (digest, document_meta(doc)) == (provenance["raw_hash"][0].as_py(), provenance["meta"][0].as_py())


def test_a_later_copy_of_a_skipped_inputs_text_is_a_duplicate(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record("a0", BODIES[0])])
    jsonl(tmp_path / "b.jsonl", [record("copy", BODIES[0])])
    held = {"a.jsonl": [("a0", sha(BODIES[0]))]}
    (result,) = iter_inputs([tmp_path], batch_size=10, now=NOW, skip=lambda digest, doc: held.get(doc.name))
    assert (result.articles.num_rows, result.duplicates, result.skipped) == (0, 1, 1)
