"""Tests for eventlake.ingest: files and directories -> raw articles and rejects."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from eventlake import ingest, schema
from eventlake.errors import InputError
from eventlake.ingest import decode_bytes, detect_language, read_inputs

NOW = datetime(2023, 10, 20, 12, 0, tzinfo=UTC)
MTIME = datetime(2023, 10, 19, 7, 45, tzinfo=UTC)  # every written file's mtime, before NOW
TITLE = "اشتباكات بين فصائل مسلحة في ريف حلب الشمالي"
BODY = "اندلعت اشتباكات عنيفة فجر اليوم بين فصيلين مسلحين قرب بلدة مارع، ما أسفر عن مقتل ٣ عناصر."
ARTICLE = f"{TITLE}\n\n{BODY}\n"
SINGLE_BYTE_BODY = (
    "اندلعت اشتباكات عنيفة فجر اليوم بين فصيلين مسلحين قرب بلدة مارع، ما أسفر عن مقتل عنصرين."
)
OTHER = "قصفت طائرات حربية أطراف قرية في ريف إدلب الجنوبي مساء أمس دون أنباء عن إصابات."


def write(path: Path, content: str | bytes, *, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content if isinstance(content, bytes) else content.encode(encoding)
    path.write_bytes(data)
    os.utime(path, (MTIME.timestamp(), MTIME.timestamp()))
    return path


def read_one(path: Path, **kwargs) -> dict:
    result = read_inputs([path], now=NOW, **kwargs)
    assert result.rejects.num_rows == 0, result.rejects.to_pylist()
    (row,) = result.articles.to_pylist()
    return row


def reject_of(path: Path, **kwargs) -> dict:
    result = read_inputs([path], now=NOW, **kwargs)
    (row,) = result.rejects.to_pylist()
    return row


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --- plain text files ------------------------------------------------------------------------


def test_txt_first_non_empty_line_is_the_title(tmp_path):
    row = read_one(write(tmp_path / "a.txt", "\n\n" + ARTICLE))
    assert row["title"] == TITLE


def test_txt_body_is_the_rest_after_the_title(tmp_path):
    row = read_one(write(tmp_path / "a.txt", ARTICLE))
    assert row["body"].strip() == BODY


def test_txt_without_sidecar_or_cli_date_uses_mtime(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    stamp = datetime(2023, 10, 17, 8, 30, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    row = read_one(path)
    assert (row["published_at"], row["published_at_origin"]) == (
        datetime(2023, 10, 17, 8, 30, tzinfo=UTC),
        "mtime",
    )


def test_txt_with_cli_date_uses_it(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    row = read_one(path, published_at=datetime(2023, 10, 18, 6, 0))
    assert (row["published_at"], row["published_at_origin"]) == (
        datetime(2023, 10, 18, 6, 0, tzinfo=UTC),
        "cli",
    )


def test_txt_sidecar_date_beats_cli_date_and_is_converted_to_utc(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "a.json", json.dumps({"published_at": "2023-10-18T09:00:00+03:00"}))
    row = read_one(path, published_at=datetime(2023, 1, 1, tzinfo=UTC))
    assert (row["published_at"], row["published_at_origin"]) == (
        datetime(2023, 10, 18, 6, 0, tzinfo=UTC),
        "sidecar",
    )


def test_txt_sidecar_gives_id_url_and_source(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    meta = {"id": "sy-17", "url": "https://example.org/17", "source": "شبكة محلية"}
    write(tmp_path / "a.json", json.dumps(meta, ensure_ascii=False))
    row = read_one(path)
    assert (row["article_id"], row["source_url"], row["source"]) == (
        "sy-17",
        meta["url"],
        meta["source"],
    )


def test_sidecar_title_makes_the_whole_file_the_body(tmp_path):
    path = write(tmp_path / "a.txt", BODY)
    write(tmp_path / "a.json", json.dumps({"title": TITLE}, ensure_ascii=False))
    row = read_one(path)
    assert (row["title"], row["body"]) == (TITLE, BODY)


def test_sidecar_in_a_directory_is_not_read_as_an_article(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "a.json", json.dumps({"published_at": "2023-10-18"}))
    result = read_inputs([tmp_path], now=NOW)
    assert (result.articles.num_rows, result.rejects.num_rows) == (1, 0)


def test_bad_sidecar_rejects_its_article_naming_the_sidecar(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "a.json", '{"published_at": 20231018}')
    assert "sidecar a.json: field 'published_at'" in reject_of(path)["reason"]


def test_explicit_sidecar_without_its_article_is_a_reject_naming_the_article(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    sidecar = write(tmp_path / "a.json", json.dumps({"published_at": "2023-10-18"}))
    assert reject_of(sidecar)["reason"].endswith("not an article: give a.txt")


def test_one_line_txt_is_a_body_without_title(tmp_path):
    row = read_one(write(tmp_path / "a.txt", BODY))
    assert (row["title"], row["body"]) == (None, BODY)


# --- JSON records ----------------------------------------------------------------------------


def test_json_record_id_is_kept_as_a_string(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"id": 42, "text": BODY}))
    assert read_one(path)["article_id"] == "42"


def test_article_id_without_record_id_is_the_content_hash_prefix(tmp_path):
    row = read_one(write(tmp_path / "r.json", json.dumps({"text": BODY})))
    assert row["article_id"] == hashlib.sha256(BODY.encode()).hexdigest()[:16]


def test_content_hash_is_sha256_of_the_body(tmp_path):
    row = read_one(write(tmp_path / "r.json", json.dumps({"text": BODY})))
    assert row["content_hash"] == hashlib.sha256(BODY.encode()).hexdigest()


def test_json_record_date_has_origin_record(tmp_path):
    record = {"text": BODY, "published_at": "2023-10-17T21:15:00Z"}
    row = read_one(write(tmp_path / "r.json", json.dumps(record)))
    assert (row["published_at"], row["published_at_origin"]) == (
        datetime(2023, 10, 17, 21, 15, tzinfo=UTC),
        "record",
    )


def test_naive_iso_date_is_taken_as_utc(tmp_path):
    record = {"text": BODY, "published_at": "2023-10-17T21:15:00"}
    row = read_one(write(tmp_path / "r.json", json.dumps(record)))
    assert row["published_at"] == datetime(2023, 10, 17, 21, 15, tzinfo=UTC)


def test_json_list_gives_one_article_per_record(tmp_path):
    path = write(tmp_path / "r.json", json.dumps([{"text": BODY}, {"text": OTHER}]))
    assert read_inputs([path], now=NOW).articles.column("body").to_pylist() == [BODY, OTHER]


def test_json_list_bad_item_is_one_reject_with_its_item_number(tmp_path):
    path = write(tmp_path / "r.json", json.dumps([{"text": BODY}, {"text": 5}, {"text": OTHER}]))
    result = read_inputs([path], now=NOW)
    (reject,) = result.rejects.to_pylist()
    assert (result.articles.num_rows, reject["record_index"], reject["reason"]) == (
        2,
        2,
        "item 2: field 'text' must be a string, got number",
    )


def test_jsonl_bad_line_is_one_reject_with_its_line_number(tmp_path):
    text = jsonl({"text": BODY}) + '{"text": "x" "id": 3}\n' + jsonl({"text": OTHER})
    result = read_inputs([write(tmp_path / "r.jsonl", text)], now=NOW)
    (reject,) = result.rejects.to_pylist()
    assert (reject["record_index"], reject["reason"]) == (
        2,
        "line 2: invalid JSON (Expecting ',' delimiter at char 13)",
    )


def test_jsonl_good_lines_around_a_bad_one_are_kept(tmp_path):
    text = jsonl({"text": BODY}) + "{oops\n" + jsonl({"text": OTHER})
    result = read_inputs([write(tmp_path / "r.jsonl", text)], now=NOW)
    assert result.articles.column("body").to_pylist() == [BODY, OTHER]


def test_jsonl_with_windows_line_ends_is_read(tmp_path):
    text = jsonl({"text": BODY}, {"text": OTHER}).replace("\n", "\r\n")
    result = read_inputs([write(tmp_path / "r.jsonl", text)], now=NOW)
    assert result.articles.column("body").to_pylist() == [BODY, OTHER]


def test_empty_json_list_is_a_reject(tmp_path):
    assert reject_of(write(tmp_path / "r.json", "[]"))["reason"] == "empty JSON list: no records"


def test_jsonl_reject_hash_and_excerpt_are_of_the_line(tmp_path):
    bad = '{"text": 5}'
    path = write(tmp_path / "r.jsonl", jsonl({"text": BODY}) + bad + "\n")
    reject = read_inputs([path], now=NOW).rejects.to_pylist()[0]
    assert (reject["content_hash"], reject["raw_excerpt"]) == (
        hashlib.sha256(bad.encode()).hexdigest(),
        bad,
    )


def test_json_html_record_keeps_the_raw_html(tmp_path):
    html = f"<html><body><h1>{TITLE}</h1><p>{BODY}</p></body></html>"
    row = read_one(write(tmp_path / "r.json", json.dumps({"html": html}, ensure_ascii=False)))
    assert (row["body_format"], row["body"]) == ("html", html)


def test_record_with_text_and_html_uses_the_text(tmp_path):
    record = {"text": BODY, "html": f"<p>{OTHER}</p>"}
    row = read_one(write(tmp_path / "r.json", json.dumps(record, ensure_ascii=False)))
    assert (row["body_format"], row["body"]) == ("text", BODY)


def test_record_with_empty_text_and_html_uses_the_html(tmp_path):
    record = {"text": " ", "html": f"<p>{OTHER}</p>"}
    row = read_one(write(tmp_path / "r.json", json.dumps(record, ensure_ascii=False)))
    assert (row["body_format"], row["body"]) == ("html", f"<p>{OTHER}</p>")


def test_record_language_is_reduced_to_its_primary_subtag(tmp_path):
    row = read_one(write(tmp_path / "r.json", json.dumps({"text": BODY, "language": "ar-SY"})))
    assert row["language"] == "ar"


@pytest.mark.parametrize(
    ("record", "named"),
    [
        ({"text": ["a"]}, "field 'text' must be a string, got array"),
        ({"text": BODY, "title": 7}, "field 'title' must be a string, got number"),
        ({"text": BODY, "id": True}, "field 'id' must be a string or integer, got boolean"),
        ({"text": BODY, "url": {"href": "x"}}, "field 'url' must be a string, got object"),
    ],
)
def test_wrong_field_type_is_a_reject_naming_the_field(tmp_path, record, named):
    assert reject_of(write(tmp_path / "r.json", json.dumps(record)))["reason"] == named


def test_record_without_text_or_html_is_a_reject(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"title": TITLE}, ensure_ascii=False))
    assert reject_of(path)["reason"] == "missing field 'text' or 'html'"


def test_json_that_is_not_an_object_or_list_is_a_reject(tmp_path):
    path = write(tmp_path / "r.json", '"just a string"')
    assert reject_of(path)["reason"] == "expected a JSON object or a list of objects, got string"


def test_invalid_json_file_is_a_reject_with_position(tmp_path):
    path = write(tmp_path / "r.json", '{\n  "text": "x",\n  oops\n}')
    assert reject_of(path)["reason"].startswith("invalid JSON (Expecting property name")


def test_unparseable_date_is_a_reject_naming_the_value(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"text": BODY, "published_at": "أمس"}))
    assert "unparseable published_at 'أمس'" in reject_of(path)["reason"]


def test_date_more_than_a_day_in_the_future_is_a_reject(tmp_path):
    future = (NOW + timedelta(days=2)).isoformat()
    path = write(tmp_path / "r.json", json.dumps({"text": BODY, "published_at": future}))
    assert "is in the future" in reject_of(path)["reason"]


def test_date_within_a_day_of_now_is_accepted(tmp_path):
    soon = (NOW + timedelta(hours=20)).isoformat()
    path = write(tmp_path / "r.json", json.dumps({"text": BODY, "published_at": soon}))
    assert read_one(path)["published_at"] == NOW + timedelta(hours=20)


# --- HTML ------------------------------------------------------------------------------------


def test_html_file_keeps_the_raw_html_as_body(tmp_path):
    html = f'<html><head><meta charset="utf-8"></head><body><p>{BODY}</p></body></html>'
    row = read_one(write(tmp_path / "p.html", html))
    assert (row["body_format"], row["body"]) == ("html", html)


def test_html_language_is_left_to_the_clean_stage(tmp_path):
    row = read_one(write(tmp_path / "p.htm", f"<html><body><p>{BODY}</p></body></html>"))
    assert row["language"] is None


def test_html_meta_charset_is_honoured(tmp_path):
    head = '<html><head><meta charset="windows-1256"></head>'
    html = f"{head}<body><p>{SINGLE_BYTE_BODY}</p></body></html>"
    row = read_one(write(tmp_path / "p.html", html, encoding="cp1256"))
    assert (row["body"], row["encoding"]) == (html, "cp1256")


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [
        ("cp1256", "cp1256"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-8-sig", "utf-8-sig"),
    ],
)
def test_encoded_file_is_decoded_and_its_encoding_recorded(tmp_path, encoding, recorded):
    article = f"{TITLE}\n\n{SINGLE_BYTE_BODY}\n"
    row = read_one(write(tmp_path / "a.txt", article, encoding=encoding))
    assert (row["title"], row["body"].strip(), row["encoding"]) == (
        TITLE,
        SINGLE_BYTE_BODY,
        recorded,
    )


def test_iso_8859_6_bytes_decode_to_the_same_letters():
    text = "قصف مدفعي على قرية في الريف الغربي"
    assert decode_bytes(text.encode("iso8859_6")) == (text, "iso8859-6")


def test_decode_bytes_raises_input_error_on_binary_data():
    with pytest.raises(InputError, match=r"^not text: "):
        decode_bytes(bytes((i * 97 + 13) % 256 for i in range(600)))


def test_empty_file_is_a_reject(tmp_path):
    assert reject_of(write(tmp_path / "a.txt", b""))["reason"] == "empty file"


def test_whitespace_only_file_is_a_reject(tmp_path):
    assert reject_of(write(tmp_path / "a.txt", " \n\t\n"))["reason"].startswith("empty file")


def test_binary_garbage_is_a_not_text_reject(tmp_path):
    garbage = bytes((i * 97 + 13) % 256 for i in range(600))
    assert reject_of(write(tmp_path / "a.txt", garbage))["reason"].startswith("not text:")


def test_nul_bytes_in_a_txt_are_a_not_text_reject(tmp_path):
    reason = reject_of(write(tmp_path / "a.txt", b"hello\x00\x00\x01world"))["reason"]
    assert reason == "not text: contains NUL bytes (a binary file?)"


def test_reject_keeps_hash_and_excerpt_of_the_raw_file(tmp_path):
    data = b"hello\x00\x00world"
    reject = reject_of(write(tmp_path / "a.txt", data))
    assert (reject["content_hash"], reject["raw_excerpt"]) == (
        hashlib.sha256(data).hexdigest(),
        "hello\ufffd\ufffdworld",
    )


def test_text_without_arabic_or_latin_letters_is_a_reject(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"text": "١٢٣ — ٤٥٦ ..."}))
    assert reject_of(path)["reason"] == "no Arabic or Latin letters in the text"


# --- files and directories -------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b" / "z.txt", OTHER)
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b" / "a.txt", ARTICLE)
    paths = read_inputs([tmp_path], now=NOW).articles.column("source_path").to_pylist()
    assert [Path(p).relative_to(tmp_path).as_posix() for p in paths] == [
        "a.txt",
        "b/a.txt",
        "b/z.txt",
    ]


def test_hidden_files_and_directories_are_skipped(tmp_path):
    write(tmp_path / ".draft.txt", BODY)
    write(tmp_path / ".cache" / "a.txt", OTHER)
    result = read_inputs([tmp_path], now=NOW)
    assert (result.articles.num_rows, result.rejects.num_rows) == (0, 0)


def test_non_article_file_in_a_directory_is_skipped_silently(tmp_path):
    write(tmp_path / "notes.md", "# notes")
    write(tmp_path / "a.txt", ARTICLE)
    result = read_inputs([tmp_path], now=NOW)
    assert (result.articles.num_rows, result.rejects.num_rows) == (1, 0)


def test_unknown_file_type_in_a_directory_is_a_reject(tmp_path):
    write(tmp_path / "a.doc", ARTICLE)
    assert read_inputs([tmp_path], now=NOW).rejects.column("reason").to_pylist() == [
        "unsupported file type .doc"
    ]


def test_unsupported_file_given_explicitly_is_a_reject_naming_it(tmp_path):
    reject = reject_of(write(tmp_path / "notes.yaml", "a: 1"))
    assert (reject["reason"], reject["source_path"]) == (
        "unsupported file type .yaml",
        str(tmp_path / "notes.yaml"),
    )


def test_missing_file_is_a_reject(tmp_path):
    assert reject_of(tmp_path / "gone.txt")["reason"].startswith("cannot read file:")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_a_reject(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    path.chmod(0)
    assert reject_of(path)["reason"] == "cannot read file: Permission denied"


def test_file_over_the_size_cap_is_a_reject(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        fh.truncate(ingest.MAX_FILE_BYTES + 2**20)
    assert reject_of(path)["reason"] == "file too large: 21.0 MB > 20 MB"


def test_exact_duplicates_are_dropped_and_counted(tmp_path):
    write(tmp_path / "a.json", json.dumps({"id": "first", "text": BODY}))
    write(tmp_path / "b.json", json.dumps({"id": "second", "text": BODY}))
    result = read_inputs([tmp_path], now=NOW)
    assert (result.articles.column("article_id").to_pylist(), result.duplicates) == (["first"], 1)


def test_same_file_given_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    result = read_inputs([path, tmp_path], now=NOW)
    assert (result.articles.num_rows, result.duplicates) == (1, 0)


def test_unexpected_error_becomes_an_internal_error_reject(tmp_path, monkeypatch):
    def boom(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(ingest, "_split_title", boom)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.json", json.dumps({"text": OTHER}))
    result = read_inputs([tmp_path], now=NOW)
    assert (result.articles.num_rows, result.rejects.column("reason").to_pylist()) == (
        1,
        ["internal error: RuntimeError: boom"],
    )


def test_tables_follow_the_contract(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", b"")
    result = read_inputs([tmp_path], now=NOW)
    assert (result.articles.schema, result.rejects.schema) == (schema.RAW_ARTICLES, schema.REJECTS)


def test_rejects_are_stage_ingest(tmp_path):
    assert reject_of(write(tmp_path / "a.txt", b""))["stage"] == "ingest"


# --- language --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (BODY, "ar"),
        ("Shelling hit two villages near Maarat al-Numan on Tuesday.", "en"),
        ("قال مراسل Reuters في دمشق إن القصف استمر ساعتين", "ar"),
        ("١٢٣ ٤٥٦", None),
    ],
)
def test_detect_language_follows_the_majority_script(text, language):
    assert detect_language(text) == language
