"""Tests for eventlake.ingest: files and directories -> raw articles and rejects."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tracemalloc
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventlake import _ingest_records, ingest, schema
from eventlake.errors import InputError
from eventlake.ingest import decode_bytes, detect_language, read_inputs

NOW = datetime(2023, 10, 20, 12, 0, tzinfo=UTC)
MTIME = datetime(2023, 10, 19, 7, 45, tzinfo=UTC)  # every written file's mtime, before NOW
TITLE = "اشتباكات بين فصائل مسلحة في ريف حلب الشمالي"
BODY = "اندلعت اشتباكات عنيفة فجر اليوم بين فصيلين مسلحين قرب بلدة مارع، ما أسفر عن مقتل ٣ عناصر."
ARTICLE = f"{TITLE}\n\n{BODY}\n"
SINGLE_BYTE_BODY = "اندلعت اشتباكات عنيفة فجر اليوم بين فصيلين مسلحين قرب بلدة مارع، ما أسفر عن مقتل عنصرين."
OTHER = "قصفت طائرات حربية أطراف قرية في ريف إدلب الجنوبي مساء أمس دون أنباء عن إصابات."
DATED = {"published_at": "2023-10-19T07:45:00+00:00", "published_at_origin": "mtime"}


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
    assert read_inputs([tmp_path], now=NOW).rejects.column("reason").to_pylist() == ["unsupported file type .doc"]


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

    monkeypatch.setattr(_ingest_records, "_split_title", boom)
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


# --- ids -------------------------------------------------------------------------------------


def test_id_that_looks_like_a_path_is_kept_as_a_plain_id(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"id": "../../etc/x", "text": BODY}))
    assert read_one(path)["article_id"] == "../../etc/x"


def test_id_with_control_characters_is_a_reject(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"id": "a\nb", "text": BODY}))
    assert reject_of(path)["reason"] == "field 'id' contains control characters"


def test_id_longer_than_the_cap_is_a_reject(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"id": "x" * 600, "text": BODY}))
    assert reject_of(path)["reason"] == "field 'id' is 600 characters long, more than 512"


def test_same_id_with_another_text_is_a_reject_naming_the_first_file(tmp_path):
    write(tmp_path / "a.json", json.dumps({"id": "sy-1", "text": BODY}))
    write(tmp_path / "b.json", json.dumps({"id": "sy-1", "text": OTHER}))
    result = read_inputs([tmp_path], now=NOW)
    (reject,) = result.rejects.to_pylist()
    assert (result.articles.num_rows, reject["reason"]) == (
        1,
        f"duplicate id 'sy-1': already read from {tmp_path / 'a.json'} with another text",
    )


# --- feeds -----------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>شبكة أخبار الشمال</title><language>ar</language>
<item><title>{title}</title><link>https://news.example/a/1</link><guid>item-1</guid>
<pubDate>Tue, 17 Oct 2023 09:30:00 +0300</pubDate><content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>
<item><title>خبر ثان</title><link>https://news.example/a/2</link><description>&lt;p&gt;{other}&lt;/p&gt;</description></item>
</channel></rss>
"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title>موقع محلي</title>
<entry><id>tag:local,2023:7</id><title>{TITLE}</title><link rel="alternate" href="https://local.example/7"/>
<published>2023-10-16T20:00:00Z</published><content type="text">{BODY}</content></entry>
</feed>
"""


def rss(encoding: str = "utf-8") -> str:
    return RSS.format(encoding=encoding, title=TITLE, body=SINGLE_BYTE_BODY, other=OTHER)


def test_rss_items_become_html_articles_with_the_item_fields(tmp_path):
    result = read_inputs([write(tmp_path / "feed.xml", rss())], now=NOW)
    first = result.articles.to_pylist()[0]
    assert (first["article_id"], first["title"], first["source_url"], first["source"], first["body_format"]) == (
        "item-1",
        TITLE,
        "https://news.example/a/1",
        "شبكة أخبار الشمال",
        "html",
    )


def test_rss_item_date_is_converted_to_utc_with_origin_record(tmp_path):
    first = read_inputs([write(tmp_path / "feed.xml", rss())], now=NOW).articles.to_pylist()[0]
    assert (first["published_at"], first["published_at_origin"]) == (
        datetime(2023, 10, 17, 6, 30, tzinfo=UTC),
        "record",
    )


def test_rss_item_without_date_takes_the_file_date(tmp_path):
    second = read_inputs([write(tmp_path / "feed.xml", rss())], now=NOW).articles.to_pylist()[1]
    assert (second["published_at"], second["published_at_origin"]) == (MTIME, "mtime")


def test_cp1256_feed_is_decoded_by_its_xml_declaration(tmp_path):
    path = write(tmp_path / "feed.xml", rss("windows-1256"), encoding="cp1256")
    articles = read_inputs([path], now=NOW).articles.to_pylist()
    assert (articles[0]["title"], articles[0]["encoding"]) == (TITLE, "cp1256")


def test_cp1256_feed_without_declaration_is_detected(tmp_path):
    text = rss().replace('<?xml version="1.0" encoding="utf-8"?>\n', "")
    articles = read_inputs([write(tmp_path / "feed.rss", text, encoding="cp1256")], now=NOW).articles
    assert articles.column("title").to_pylist()[0] == TITLE


def test_atom_entry_text_content_is_a_text_article(tmp_path):
    (row,) = read_inputs([write(tmp_path / "feed.atom", ATOM)], now=NOW).articles.to_pylist()
    assert (row["article_id"], row["body"], row["body_format"], row["language"]) == (
        "tag:local,2023:7",
        BODY,
        "text",
        "ar",
    )


def test_xml_that_is_not_a_feed_is_a_reject_naming_its_root(tmp_path):
    path = write(tmp_path / "page.xml", "<?xml version='1.0'?><sitemap><url/></sitemap>")
    assert reject_of(path)["reason"] == "not an RSS or Atom feed: the root element is <sitemap>"


def test_feed_that_is_not_xml_is_a_reject(tmp_path):
    path = write(tmp_path / "feed.xml", "this is not a feed at all, just a sentence")
    assert reject_of(path)["reason"].startswith("not XML: syntax error")


def test_feed_with_no_items_is_a_reject(tmp_path):
    path = write(tmp_path / "feed.xml", "<rss><channel><title>فارغ</title></channel></rss>")
    assert reject_of(path)["reason"] == "feed has no items"


def test_feed_item_without_body_is_a_reject_with_its_item_number(tmp_path):
    text = "<rss><channel><item><title>عنوان فقط</title><link>https://x.example/1</link></item></channel></rss>"
    reject = reject_of(write(tmp_path / "feed.xml", text))
    assert (reject["record_index"], reject["reason"]) == (1, "item 1: missing field 'text' or 'html'")


# --- compressed files and archives -----------------------------------------------------------


def test_gzipped_json_is_read_as_json(tmp_path):
    data = gzip.compress(json.dumps({"id": "gz1", "text": BODY}).encode())
    assert read_one(write(tmp_path / "r.json.gz", data))["article_id"] == "gz1"


def test_gzipped_jsonl_keeps_good_lines_and_rejects_the_bad_one(tmp_path):
    data = gzip.compress((jsonl({"text": BODY}) + "{broken\n" + jsonl({"text": OTHER})).encode())
    result = read_inputs([write(tmp_path / "r.jsonl.gz", data)], now=NOW)
    assert (result.articles.num_rows, result.rejects.column("record_index").to_pylist()) == (2, [2])


def test_zip_members_are_articles_with_the_member_in_the_source_path(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("docs/a.txt", ARTICLE)
        archive.writestr("docs/b.json", json.dumps({"text": OTHER}))
    result = read_inputs([write(tmp_path / "in.zip", buffer.getvalue())], now=NOW)
    assert result.articles.column("source_path").to_pylist() == [
        f"{tmp_path / 'in.zip'}!docs/a.txt",
        f"{tmp_path / 'in.zip'}!docs/b.json",
    ]


WARC_DATE = {"WARC-Date": "2023-10-18T10:00:00Z"}


def warc(*records: tuple[str, str, bytes]) -> bytes:
    """A gzipped WARC of response records (url, content type, payload)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers, warc_headers_dict=WARC_DATE
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_warc_html_response_is_an_article_with_its_target_url(tmp_path):
    page = f"<html><body><h1>{TITLE}</h1><p>{BODY}</p></body></html>".encode()
    data = warc(("https://news.example/7", "text/html; charset=utf-8", page))
    row = read_one(write(tmp_path / "crawl.warc.gz", data))
    assert (row["source_url"], row["body_format"], row["source_path"]) == (
        "https://news.example/7",
        "html",
        f"{tmp_path / 'crawl.warc.gz'}!record 1",
    )


def test_warc_images_and_scripts_are_skipped_silently(tmp_path):
    page = f"<html><body><p>{BODY}</p></body></html>".encode()
    data = warc(("https://x.example/logo.png", "image/png", b"\x89PNG...."), ("https://x.example/1", "text/html", page))
    result = read_inputs([write(tmp_path / "crawl.warc.gz", data)], now=NOW)
    assert (result.articles.num_rows, result.rejects.num_rows) == (1, 0)


def test_warc_record_charset_decodes_a_cp1256_page(tmp_path):
    page = f"<html><body><p>{SINGLE_BYTE_BODY}</p></body></html>".encode("cp1256")
    data = warc(("https://x.example/2", "text/html; charset=windows-1256", page))
    row = read_one(write(tmp_path / "crawl.warc", data))
    assert row["encoding"] == "cp1256"


def test_file_that_is_not_a_warc_is_a_reject(tmp_path):
    assert reject_of(write(tmp_path / "crawl.warc", "hello, not a warc"))["reason"].startswith("not a valid WARC file")


# --- encodings of every kind, in one directory ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding", "recorded"),
    [
        ("a.txt", "utf-8", "utf-8"),
        ("a.txt", "utf-8-sig", "utf-8-sig"),
        ("a.txt", "utf-16-le", "utf-16-le"),
        ("a.txt", "utf-16", "utf-16"),
        ("a.txt", "cp1256", "cp1256"),
        ("a.txt", "iso8859_6", "iso8859-6"),
        ("a.json", "utf-16", "utf-16"),
        ("a.jsonl", "cp1256", "cp1256"),
    ],
)
def test_every_supported_encoding_gives_the_same_text(tmp_path, name, encoding, recorded):
    if name.endswith(".txt"):
        content = f"{TITLE}\n\n{SINGLE_BYTE_BODY}\n"
    else:
        content = json.dumps({"text": SINGLE_BYTE_BODY}, ensure_ascii=False)
    row = read_one(write(tmp_path / name, content, encoding=encoding))
    assert (row["body"].strip(), row["encoding"]) == (SINGLE_BYTE_BODY, recorded)


def test_charset_declared_by_http_is_used_for_a_downloaded_page():
    page = f"<html><body><p>{SINGLE_BYTE_BODY}</p></body></html>".encode("iso8859_6")
    doc = ingest.Document("https://x.example/p", "download.html", page, meta=DATED, charset="ISO-8859-6")
    (row,) = read_inputs([], documents=[doc], now=NOW).articles.to_pylist()
    assert row["encoding"] == "iso8859-6"


# --- large files -----------------------------------------------------------------------------


def test_30_mb_text_file_is_rejected_with_its_hash_without_reading_it_whole(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        for _ in range(30):
            fh.write(b"\xd9\x82" * 2**19)  # 30 MB of the letter qaf
    tracemalloc.start()
    reject = reject_of(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (reject["reason"], reject["content_hash"], peak < 8 * 2**20) == (
        "file too large: 30.0 MB > 20 MB",
        hashlib.sha256(path.read_bytes()).hexdigest(),
        True,
    )


def test_jsonl_over_the_file_cap_is_streamed_line_by_line(tmp_path):
    path = tmp_path / "export.jsonl"
    padding = "ا" * 1500
    lines = ingest.MAX_FILE_BYTES // 3000 + 500
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(lines):
            fh.write(json.dumps({"id": f"n{n}", "text": f"{BODY} {n} {padding}"}, ensure_ascii=False) + "\n")
        fh.write("{truncated\n")
    result = read_inputs([path], published_at=MTIME, now=NOW)
    counts = (path.stat().st_size > ingest.MAX_FILE_BYTES, result.articles.num_rows, result.rejects.num_rows)
    assert counts == (True, lines, 1)


# --- raw bytes and provenance ----------------------------------------------------------------


def test_keep_raw_gets_each_file_once_with_the_sha256_of_its_bytes(tmp_path):
    kept: list[tuple[str, bytes]] = []
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.jsonl", jsonl({"text": BODY + "!"}, {"text": OTHER}))
    read_inputs([tmp_path], now=NOW, keep_raw=lambda digest, doc: kept.append((digest, doc.data)))
    assert [(d, hashlib.sha256(data).hexdigest()) for d, data in kept] == [(d, d) for d, _ in kept]
    assert len(kept) == 2


def test_provenance_has_one_row_per_article_pointing_at_the_file_bytes(tmp_path):
    data = jsonl({"id": "p1", "text": BODY}, {"id": "p2", "text": OTHER}).encode()
    result = read_inputs([write(tmp_path / "b.jsonl", data)], now=NOW)
    rows = result.provenance.select(["raw_hash", "article_id", "record_index"]).to_pylist()
    digest = hashlib.sha256(data).hexdigest()
    assert rows == [
        {"raw_hash": digest, "article_id": "p1", "record_index": 1},
        {"raw_hash": digest, "article_id": "p2", "record_index": 2},
    ]


def test_provenance_of_an_input_that_gave_no_article_has_null_article(tmp_path):
    result = read_inputs([write(tmp_path / "bad.json", "{oops")], now=NOW)
    assert result.provenance.select(["name", "article_id"]).to_pylist() == [{"name": "bad.json", "article_id": None}]


def test_provenance_meta_keeps_the_fallback_date_for_rereading(tmp_path):
    result = read_inputs([write(tmp_path / "a.txt", ARTICLE)], now=NOW)
    meta = json.loads(result.provenance.column("meta")[0].as_py())
    assert meta == {"published_at": MTIME.isoformat(), "published_at_origin": "mtime"}


def test_rereading_a_document_from_its_provenance_gives_the_same_row(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    first = read_inputs([path], now=NOW)
    prov = first.provenance.to_pylist()[0]
    doc = ingest.Document(prov["source"], prov["name"], path.read_bytes(), meta=json.loads(prov["meta"]))
    assert read_inputs([], documents=[doc], now=NOW).articles.to_pylist() == first.articles.to_pylist()


def test_document_kept_only_is_not_parsed(tmp_path):
    doc = ingest.Document("https://x.example/feed", "feed.xml", rss().encode(), meta=DATED, parse=False)
    result = read_inputs([], documents=[doc], now=NOW)
    assert (result.articles.num_rows, result.provenance.column("reprocess").to_pylist()) == (0, [False])


def test_read_url_list_skips_blanks_and_comments(tmp_path):
    path = write(tmp_path / "urls.txt", "# morning list\nhttps://a.example/1\n\n  https://b.example/2  \n")
    assert ingest.read_url_list(path) == ["https://a.example/1", "https://b.example/2"]
