"""Tests for eventlake.fetch against a real HTTP server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import pytest
from local_http import ALLOW_LOCAL, LocalServer

from eventlake.fetch import FetchOptions, fetch_inputs
from eventlake.ingest import read_inputs

NOW = datetime(2024, 3, 8, 12, 0, tzinfo=UTC)
FAST = FetchOptions(allow_networks=ALLOW_LOCAL, timeout=2.0, retries=2, backoff=0.01)
PAGE = (
    "<html><head><meta charset='utf-8'><title>{title}</title></head><body><nav>الرئيسية | سياسة</nav>"
    "<article><h1>{title}</h1><p>{body}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"
)
TITLE_1 = "غارات على أطراف بلدة في ريف حماة الشمالي"
BODY_1 = "شنّت طائرات حربية فجر الخميس غارات على أطراف بلدة في ريف حماة الشمالي، وقال ناشطون إن القصف أوقع جريحين."
TITLE_2 = "انفجار عبوة ناسفة على طريق زراعي جنوب إدلب"
BODY_2 = "انفجرت عبوة ناسفة صباح الخميس بسيارة مدنية على طريق زراعي جنوب إدلب، ما أدى إلى مقتل سائقها وفق مصادر محلية."


def rss(items: list[tuple[str, str, str | None]]) -> str:
    """(title, link, pubDate) per item."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        + (f"<pubDate>{d}</pubDate>" if d else "")
        + "</item>"
        for t, link, d in items
    )
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
    return f"{head}<channel><title>شبكة الشمال</title><language>ar</language>{body}</channel></rss>"


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def page(title: str, body: str) -> str:
    return PAGE.format(title=title, body=body)


def reasons(result) -> dict[str, str]:
    rejects = result.rejects
    return dict(zip(rejects.column("source_path").to_pylist(), rejects.column("reason").to_pylist(), strict=True))


# --- feeds ------------------------------------------------------------------------------------


def test_feed_item_pages_are_fetched_with_the_item_fields(server):
    server.add("/a/1", page(TITLE_1, BODY_1))
    feed = server.add("/feed", rss([(TITLE_1, "/a/1", "Thu, 07 Mar 2024 06:00:00 +0200")]), content_type="text/xml")
    result = fetch_inputs(feeds=[feed], options=FAST, now=NOW)
    doc = next(d for d in result.documents if d.parse)
    assert (doc.source, doc.meta["title"], doc.meta["published_at_origin"], doc.meta["source"]) == (
        server.url("/a/1"),
        TITLE_1,
        "record",
        "شبكة الشمال",
    )


def test_feed_itself_is_kept_but_not_parsed_again(server):
    server.add("/a/1", page(TITLE_1, BODY_1))
    feed = server.add("/feed", rss([(TITLE_1, "/a/1", None)]), content_type="application/rss+xml")
    result = fetch_inputs(feeds=[feed], options=FAST, now=NOW)
    assert [(d.source, d.parse) for d in result.documents] == [(feed, False), (server.url("/a/1"), True)]


def test_fetched_pages_read_into_articles_with_feed_title_and_date(server):
    server.add("/a/1", page(TITLE_1, BODY_1))
    feed = server.add("/feed", rss([(TITLE_1, "/a/1", "Thu, 07 Mar 2024 06:00:00 +0200")]))
    fetched = fetch_inputs(feeds=[feed], options=FAST, now=NOW)
    (row,) = read_inputs([], documents=fetched.documents, now=NOW).articles.to_pylist()
    assert (row["title"], row["published_at"], row["source_url"]) == (
        TITLE_1,
        datetime(2024, 3, 7, 4, 0, tzinfo=UTC),
        server.url("/a/1"),
    )


def test_feed_item_without_a_link_is_read_from_the_feed(server):
    text = rss([]).replace(
        "</channel>", f"<item><title>{TITLE_2}</title><description>{BODY_2}</description></item></channel>"
    )
    feed = server.add("/feed", text)
    result = fetch_inputs(feeds=[feed], options=FAST, now=NOW)
    (row,) = read_inputs([], documents=result.documents, now=NOW).articles.to_pylist()
    assert (row["title"], row["source_path"]) == (TITLE_2, f"{feed}#item-1")


def test_links_already_in_the_lake_are_not_requested(server):
    server.add("/a/1", page(TITLE_1, BODY_1))
    server.add("/a/2", page(TITLE_2, BODY_2))
    feed = server.add("/feed", rss([(TITLE_1, "/a/1", None), (TITLE_2, "/a/2", None)]))
    result = fetch_inputs(feeds=[feed], known_urls=frozenset({server.url("/a/1")}), options=FAST, now=NOW)
    assert (result.skipped, server.hits["/a/1"], server.hits["/a/2"]) == (1, 0, 1)


def test_feed_that_is_not_xml_is_a_reject_and_kept(server):
    feed = server.add("/feed", "<html><body>Service temporarily unavailable</body></html")
    result = fetch_inputs(feeds=[feed], options=FAST, now=NOW)
    assert (reasons(result)[feed].startswith("feed: not XML"), [d.source for d in result.documents]) == (True, [feed])


# --- HTTP behaviour ---------------------------------------------------------------------------


def test_requests_say_who_we_are(server):
    url = server.add("/a/1", page(TITLE_1, BODY_1))
    fetch_inputs(urls=[url], options=FAST, now=NOW)
    assert server.requests[0][1]["User-Agent"].startswith("eventlake/")


def test_http_error_is_a_reject_with_the_status(server):
    result = fetch_inputs(urls=[server.url("/gone")], options=FAST, now=NOW)
    assert reasons(result) == {server.url("/gone"): "HTTP 404"}


def test_server_errors_are_retried_until_an_answer(server):
    url = server.add("/a/1", page(TITLE_1, BODY_1), fail_first=2)
    result = fetch_inputs(urls=[url], options=FAST, now=NOW)
    assert (len(result.documents), server.hits["/a/1"]) == (1, 3)


def test_server_errors_give_up_after_the_retries(server):
    url = server.add("/a/1", page(TITLE_1, BODY_1), fail_first=10)
    result = fetch_inputs(urls=[url], options=FAST, now=NOW)
    assert (reasons(result)[url], server.hits["/a/1"]) == ("HTTP 503 (gave up after 3 attempts)", 3)


def test_slow_server_times_out_into_a_reject(server):
    url = server.add("/slow", page(TITLE_1, BODY_1), delay=1.5)
    options = FetchOptions(allow_networks=ALLOW_LOCAL, timeout=0.3, retries=0)
    result = fetch_inputs(urls=[url], options=options, now=NOW)
    assert reasons(result)[url] == "timed out (ReadTimeout) (gave up after 1 attempt)"


def test_body_over_the_size_cap_is_a_reject(server):
    url = server.add("/big", "<p>" + "ب" * 5000 + "</p>")
    options = FetchOptions(allow_networks=ALLOW_LOCAL, max_bytes=4096, retries=0)
    assert reasons(fetch_inputs(urls=[url], options=options, now=NOW))[url].startswith("too large: Content-Length")


def test_gzip_body_is_capped_after_decoding(server):
    bomb = gzip.compress(b"<p>" + b"a" * (1 << 20) + b"</p>")
    url = server.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    options = FetchOptions(allow_networks=ALLOW_LOCAL, max_bytes=64 * 1024, retries=0)
    assert reasons(fetch_inputs(urls=[url], options=options, now=NOW))[url] == "too large: more than 64 KB"


def test_gzip_body_is_decoded(server):
    url = server.add("/z", gzip.compress(page(TITLE_1, BODY_1).encode()), headers={"Content-Encoding": "gzip"})
    (doc,) = fetch_inputs(urls=[url], options=FAST, now=NOW).documents
    assert doc.data.decode() == page(TITLE_1, BODY_1)


def test_content_type_decides_how_a_url_is_read(server):
    records = "\n".join(json.dumps({"id": f"j{n}", "text": body}) for n, body in enumerate([BODY_1, BODY_2]))
    url = server.add("/export", records, content_type="application/x-ndjson")
    result = fetch_inputs(urls=[url], options=FAST, now=NOW)
    assert read_inputs([], documents=result.documents, now=NOW).articles.column("article_id").to_pylist() == [
        "j0",
        "j1",
    ]


def test_unsupported_content_type_is_a_reject(server):
    url = server.add("/logo", b"\x89PNG\r\n", content_type="image/png")
    assert reasons(fetch_inputs(urls=[url], options=FAST, now=NOW))[url] == "unsupported Content-Type image/png"


def test_charset_from_the_content_type_header_travels_with_the_page(server):
    url = server.add("/p", page(TITLE_1, BODY_1).encode("cp1256"), content_type="text/html; charset=windows-1256")
    (doc,) = fetch_inputs(urls=[url], options=FAST, now=NOW).documents
    assert doc.charset == "windows-1256"


def test_page_without_a_date_takes_last_modified_as_a_guess(server):
    url = server.add("/p", page(TITLE_1, BODY_1), headers={"Last-Modified": "Wed, 06 Mar 2024 10:00:00 GMT"})
    (doc,) = fetch_inputs(urls=[url], options=FAST, now=NOW).documents
    assert (doc.meta["published_at"], doc.meta["published_at_origin"]) == ("2024-03-06T10:00:00+00:00", "mtime")


def test_redirect_within_allowed_addresses_is_followed(server):
    target = server.add("/new", page(TITLE_1, BODY_1))
    old = server.redirect("/old", "/new")
    (doc,) = fetch_inputs(urls=[old], options=FAST, now=NOW).documents
    assert (doc.source, doc.data.decode(), target) == (old, page(TITLE_1, BODY_1), server.url("/new"))


def test_redirect_loop_is_a_reject(server):
    server.redirect("/a", "/b")
    url = server.redirect("/b", "/a")
    assert reasons(fetch_inputs(urls=[url], options=FAST, now=NOW))[url] == "more than 5 redirects"


# --- conditional requests ---------------------------------------------------------------------


def test_etag_of_a_fetch_is_returned_for_next_time(server):
    url = server.add("/a/1", page(TITLE_1, BODY_1), etag='"v1"')
    assert fetch_inputs(urls=[url], options=FAST, now=NOW).validators == {url: {"etag": '"v1"'}}


def test_unchanged_page_answers_304_and_gives_no_document(server):
    url = server.add("/a/1", page(TITLE_1, BODY_1), etag='"v1"')
    result = fetch_inputs(urls=[url], validators={url: {"etag": '"v1"'}}, options=FAST, now=NOW)
    assert (result.not_modified, result.documents, server.requests[0][1].get("If-None-Match")) == (1, [], '"v1"')


def test_last_modified_is_sent_as_if_modified_since(server):
    url = server.add("/a/1", page(TITLE_1, BODY_1))
    stamp = "Wed, 06 Mar 2024 10:00:00 GMT"
    fetch_inputs(urls=[url], validators={url: {"last_modified": stamp}}, options=FAST, now=NOW)
    assert server.requests[0][1].get("If-Modified-Since") == stamp


def test_feed_with_a_failed_link_keeps_no_validators(server):
    server.add("/a/1", page(TITLE_1, BODY_1))
    feed = server.add("/feed", rss([(TITLE_1, "/a/1", None), (TITLE_2, "/missing", None)]), etag='"f1"')
    result = fetch_inputs(feeds=[feed], options=FAST, now=NOW)
    assert feed not in result.validators


def test_feed_whose_links_all_came_keeps_its_validators(server):
    server.add("/a/1", page(TITLE_1, BODY_1))
    feed = server.add("/feed", rss([(TITLE_1, "/a/1", None)]), etag='"f1"')
    assert fetch_inputs(feeds=[feed], options=FAST, now=NOW).validators[feed] == {"etag": '"f1"'}


# --- politeness -------------------------------------------------------------------------------


def test_no_more_than_per_host_requests_at_a_time(server):
    urls = [server.add(f"/a/{n}", page(TITLE_1, f"{BODY_1} {n}"), delay=0.3) for n in range(6)]
    options = FetchOptions(allow_networks=ALLOW_LOCAL, per_host=2, workers=6)
    fetch_inputs(urls=urls, options=options, now=NOW)
    assert server.max_active == 2


def test_same_url_twice_is_fetched_once(server):
    url = server.add("/a/1", page(TITLE_1, BODY_1))
    result = fetch_inputs(urls=[url, url], options=FAST, now=NOW)
    assert (len(result.documents), server.hits["/a/1"]) == (1, 1)
