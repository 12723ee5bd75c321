"""Hostile input is refused: XML entity attacks, URLs to places we must not reach, redirects there.

Network tests talk only to a server on 127.0.0.1 that the test starts; the refused addresses
below are checked without connecting (the refusal comes before any socket is opened).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from local_http import ALLOW_LOCAL, LocalServer

from eventlake.errors import InputError
from eventlake.fetch import FetchOptions, check_url, fetch_inputs, parse_networks
from eventlake.ingest import read_inputs

NOW = datetime(2024, 3, 8, 12, 0, tzinfo=UTC)
BODY = "اقتحمت قوة أمنية حيّاً في المدينة القديمة فجر الجمعة واعتقلت ثلاثة شبان بحسب شهود عيان."
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    + "]><rss><channel><item><title>&l9;</title><description>x</description></item></channel></rss>"
)


def xxe(target: str) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "{target}">]>'
        "<rss><channel><item><title>t</title><description>&secret;</description></item></channel></rss>"
    )


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


# --- XML --------------------------------------------------------------------------------------


def test_billion_laughs_feed_is_refused_at_once(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(BILLION_LAUGHS)
    start = time.perf_counter()
    result = read_inputs([path], now=NOW, published_at=NOW)
    (reason,) = result.rejects.column("reason").to_pylist()
    assert (reason.startswith("refused: the XML declares entities"), time.perf_counter() - start < 1) == (True, True)


def test_external_entity_feed_is_refused_and_the_file_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    path = tmp_path / "feed.xml"
    path.write_text(xxe(secret.as_uri()))
    result = read_inputs([path], now=NOW, published_at=NOW)
    everything = str(result.articles.to_pylist()) + str(result.rejects.to_pylist())
    assert (result.articles.num_rows, "TOP-SECRET-TOKEN" in everything) == (0, False)


def test_external_entity_feed_over_http_is_refused(server):
    feed = server.add("/feed", xxe("file:///etc/hostname"), content_type="application/rss+xml")
    result = fetch_inputs(feeds=[feed], options=FetchOptions(allow_networks=ALLOW_LOCAL), now=NOW)
    (reason,) = result.rejects.column("reason").to_pylist()
    assert reason.startswith("feed: refused: the XML declares entities")


def test_html_entity_declarations_are_not_expanded(tmp_path):
    html = BILLION_LAUGHS.replace("<rss>", "<html><body><p>" + BODY + "</p><p>").replace("</rss>", "</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html)
    from eventlake.clean import html_to_text

    (row,) = read_inputs([path], now=NOW, published_at=NOW).articles.to_pylist()
    assert "lollol" not in html_to_text(row["body"])[1]


# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("file:///etc/passwd", "only http and https URLs are fetched, not file"),
        ("ftp://mirror.example/x.xml", "only http and https URLs are fetched, not ftp"),
        ("gopher://x.example/", "only http and https URLs are fetched, not gopher"),
        ("data:text/html,<p>x</p>", "only http and https URLs are fetched, not data"),
        ("news.example/article", "only http and https URLs are fetched, not a URL without scheme"),
        ("http:///path", "URL has no host"),
        ("http://127.0.0.1/", "is a loopback address"),
        ("http://127.8.9.10:8080/", "is a loopback address"),
        ("http://[::1]/", "is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", "is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "is a link-local address"),
        ("http://[fe80::1]/", "is a link-local address"),
        ("http://10.1.2.3/", "is a private address"),
        ("http://192.168.0.1/", "is a private address"),
        ("http://172.16.5.4/", "is a private address"),
        ("http://0.0.0.0/", "is an unspecified address"),
        ("http://100.64.0.1/", "is a non-public address"),
        ("http://224.0.0.1/", "is a multicast address"),
    ],
)
def test_url_to_a_place_we_must_not_reach_is_refused(url, why):
    with pytest.raises(InputError, match="^refused: ") as caught:
        check_url(url)
    assert why in str(caught.value) and caught.value.path == url


def test_public_address_is_allowed():
    assert check_url("https://93.184.215.14/news/1") == "https://93.184.215.14/news/1"


def test_allowed_network_lets_exactly_that_network_through():
    assert check_url("http://10.1.2.3/a", allow_networks=["10.0.0.0/8"]) == "http://10.1.2.3/a"
    with pytest.raises(InputError):
        check_url("http://192.168.0.1/a", allow_networks=["10.0.0.0/8"])


def test_bad_network_option_is_named():
    with pytest.raises(ValueError, match="'localhost' is not an IP address or network"):
        parse_networks(["localhost"])


def test_loopback_server_is_not_contacted_without_the_option(server):
    url = server.add("/a", f"<p>{BODY}</p>")
    result = fetch_inputs(urls=[url], options=FetchOptions(retries=0), now=NOW)
    (reason,) = result.rejects.column("reason").to_pylist()
    assert (reason.startswith("refused: 127.0.0.1 is a loopback address"), server.hits["/a"]) == (True, 0)


def test_hostname_that_resolves_to_loopback_is_refused_on_connecting(server):
    url = f"http://localhost:{server.port}/a"
    server.add("/a", f"<p>{BODY}</p>")
    result = fetch_inputs(urls=[url], options=FetchOptions(retries=0), now=NOW)
    (reason,) = result.rejects.column("reason").to_pylist()
    assert (reason.startswith("refused: localhost is a loopback address"), server.hits["/a"]) == (True, 0)


@pytest.mark.parametrize(
    "target",
    ["file:///etc/passwd", "http://127.0.0.2:{port}/a", "http://[::1]:{port}/a", "http://169.254.169.254/"],
)
def test_redirect_to_a_refused_place_is_refused(server, target):
    url = server.redirect("/jump", target.format(port=server.port))
    result = fetch_inputs(urls=[url], options=FetchOptions(allow_networks=ALLOW_LOCAL, retries=0), now=NOW)
    (reason,) = result.rejects.column("reason").to_pylist()
    assert reason.startswith("refused: ")


def test_feed_link_to_a_file_url_is_refused_without_a_request(server):
    rss = "<rss><channel><item><title>t</title><link>file:///etc/passwd</link></item></channel></rss>"
    feed = server.add("/feed", rss, content_type="text/xml")
    result = fetch_inputs(feeds=[feed], options=FetchOptions(allow_networks=ALLOW_LOCAL), now=NOW)
    assert dict(
        zip(result.rejects.column("source_path").to_pylist(), result.rejects.column("reason").to_pylist(), strict=True)
    ) == {"file:///etc/passwd": "refused: only http and https URLs are fetched, not file: file:///etc/passwd"}
