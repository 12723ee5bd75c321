"""A corpus built in the test: good articles in every supported format and encoding, mixed with
every kind of bad and hostile input, some served by a local HTTP server on 127.0.0.1.

The articles are our own short Arabic reports, one place each, so every good article can be
found again in the lake by its place name.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from local_http import LocalServer
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Places and numbers vary; the wording is ours. ASCII digits: cp1256 and ISO-8859-6 have no Arabic-Indic ones.
PLACES = [
    "معرة النعمان", "سراقب", "جسر الشغور", "تلبيسة", "الرستن", "طفس", "البوكمال", "منبج", "عفرين",
    "القامشلي", "دوما", "حرستا", "يبرود", "القصير", "السخنة", "خان شيخون", "كفرنبل", "داعل", "إنخل",
    "الصنمين", "بصرى الشام", "الشحيل", "عندان", "حريتان", "تل رفعت", "مارع", "الأتارب",
]  # fmt: skip
HOSTILE_ID = "../../etc/x"
# One wire story on two sites: each copy has its own byline, so each is a good article of its own.
WIRE_BYLINES = ("وكالة الرصد الميداني", "شبكة أخبار الوادي")
WIRE_IDS = ("wire-rasd", "wire-wadi")


def report(n: int) -> tuple[str, str, str]:
    """(place, title, body) of the n-th report."""
    place = PLACES[n]
    title = f"قصف مدفعي على أطراف {place}"
    body = (
        f"قصفت قوات النظام بالمدفعية الثقيلة أطراف {place} صباح الثلاثاء، ما أسفر عن مقتل {n + 2} مدنيين "
        f"وإصابة آخرين بجروح متفاوتة، بحسب ما أفاد به ناشطون محليون.\n"
        f"وأضاف الناشطون أن القصف استهدف منازل سكنية وأرضاً زراعية قرب الطريق العام."
    )
    return place, title, body


def html_page(title: str, body: str, *, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n"))
    return (
        f'<!DOCTYPE html><html dir="rtl" lang="ar"><head><meta charset="{charset}"><title>{title}</title></head>'
        "<body><nav><a href='/'>الرئيسية</a> | <a href='/sy'>سوريا</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<aside><h3>أخبار ذات صلة</h3><ul><li><a href='/x'>خبر آخر</a></li></ul></aside>"
        "<footer>جميع الحقوق محفوظة</footer><script>var x = 1;</script></body></html>"
    )


@dataclass
class Corpus:
    root: Path
    feeds: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    good: dict[str, str] = field(default_factory=dict)  # marker found in the article text -> what it is
    bad: list[tuple[str, str]] = field(default_factory=list)  # (end of the reject's source_path, words of the reason)
    files: list[Path] = field(default_factory=list)  # every input file written

    def write(self, name: str, data: bytes | str, *, encoding: str = "utf-8") -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        self.files.append(path)
        return path

    def expect(self, n: int, what: str) -> tuple[str, str, str]:
        place, title, body = report(n)
        self.good[place] = what
        return place, title, body


def build(root: Path, server: LocalServer) -> Corpus:
    """Write the corpus under `root` and its web part on `server`."""
    corpus = Corpus(root)
    _text_files(corpus)
    _records(corpus)
    _feeds_and_archives(corpus)
    _web(corpus, server)
    _bad_files(corpus)
    return corpus


def _text_files(c: Corpus) -> None:
    for n, (encoding, what) in enumerate(
        [
            ("utf-8", "txt utf-8"),
            ("utf-8-sig", "txt utf-8 with BOM"),
            ("utf-16", "txt utf-16"),
            ("cp1256", "txt windows-1256"),
            ("iso8859_6", "txt iso-8859-6"),
        ]
    ):
        _, title, body = c.expect(n, what)
        c.write(f"txt/a{n:02d}.txt", f"{title}\n\n{body}\n", encoding=encoding)
    _, title, body = c.expect(5, "html utf-8")
    c.write("html/a05.html", html_page(title, body))
    _, title, body = c.expect(6, "html windows-1256 by meta charset")
    c.write("html/a06.htm", html_page(title, body, charset="windows-1256"), encoding="cp1256")
    c.good["Kafr Takharim"] = "txt english"
    c.write(
        "txt/en01.txt",
        "Shelling hits Kafr Takharim\n\nArtillery shells struck the outskirts of Kafr Takharim on Tuesday morning, "
        "killing two civilians, local activists said.\n",
    )


def _records(c: Corpus) -> None:
    _, title, body = c.expect(7, "json record")
    c.write("json/a07.json", json.dumps({"id": "a07", "title": title, "text": body}, ensure_ascii=False))
    items = [
        dict(zip(("id", "title", "text"), (f"a{n:02d}", *c.expect(n, "json list")[1:]), strict=True)) for n in (8, 9)
    ]
    c.write("json/a08-09.json", json.dumps(items, ensure_ascii=False))
    _, title, body = c.expect(10, "json utf-16")
    c.write(
        "json/a10.json", json.dumps({"id": "a10", "title": title, "text": body}, ensure_ascii=False), encoding="utf-16"
    )
    lines = [
        json.dumps({"id": f"a{n:02d}", "title": report(n)[1], "text": c.expect(n, "jsonl")[2]}, ensure_ascii=False)
        for n in (11, 12)
    ]
    c.write("json/mixed.jsonl", "\n".join([lines[0], '{"id": "cut", "text": "نص مقطو', lines[1]]) + "\n")
    c.bad.append(("mixed.jsonl", "line 2: invalid JSON"))
    _, title, body = c.expect(13, "hostile id")
    record = {"id": HOSTILE_ID, "title": "../../../tmp/evil-title", "source": "../../evil-source", "text": body}
    c.write("json/hostile.json", json.dumps(record, ensure_ascii=False))


def _feeds_and_archives(c: Corpus) -> None:
    items = "".join(
        f"<item><title>{t}</title><link>https://news.example/{n}</link><guid>rss-{n}</guid>"
        f"<description><![CDATA[{html_page(t, b)}]]></description></item>"
        for n, (_, t, b) in ((n, c.expect(n, "rss file")) for n in (14, 15))
    )
    c.write(
        "feeds/north.xml",
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>شبكة</title>{items}</channel></rss>',
    )
    _, title, body = c.expect(16, "atom file")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">'
        f"<title>موقع</title><entry><id>atom-16</id><title>{title}</title>"
        f'<link href="https://local.example/16"/><content type="text">{body}</content></entry></feed>'
    )
    c.write("feeds/local.atom", atom)
    _, title, body = c.expect(17, "warc.gz")
    c.write(
        "archives/crawl.warc.gz",
        _warc(
            [
                ("https://news.example/17", "text/html", html_page(title, body).encode()),
                ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            ]
        ),
    )
    _, t18, b18 = c.expect(18, "txt in zip")
    _, t19, b19 = c.expect(19, "json in zip")
    c.write(
        "archives/bundle.zip",
        _zip(
            {
                "in/a18.txt": f"{t18}\n\n{b18}\n".encode(),
                "in/a19.json": json.dumps({"id": "a19", "title": t19, "text": b19}, ensure_ascii=False).encode(),
                "../../escape.json": b'{"text": "x"}',
            }
        ),
    )
    c.bad.append(("bundle.zip!../../escape.json", "unsafe path in archive"))
    _, title, body = c.expect(20, "jsonl.gz")
    c.write(
        "archives/a20.jsonl.gz",
        gzip.compress(json.dumps({"id": "a20", "title": title, "text": body}, ensure_ascii=False).encode()),
    )
    _, title, body = c.expect(21, "json.gz")
    c.write(
        "archives/a21.json.gz",
        gzip.compress(json.dumps({"id": "a21", "title": title, "text": body}, ensure_ascii=False).encode()),
    )
    c.write("archives/bomb.zip", _zip({"bomb.txt": b"\0" * (25 * 2**20)}))
    c.bad.append(("bomb.zip!bomb.txt", "too large: over 20 MB when decompressed"))


def _web(c: Corpus, server: LocalServer) -> None:
    _, t22, b22 = c.expect(22, "feed page utf-8")
    _, t23, b23 = c.expect(23, "feed page windows-1256 by HTTP header")
    server.add("/news/22", html_page(t22, b22))
    server.add(
        "/news/23",
        html_page(t23, b23, charset="x").replace('<meta charset="x">', "").encode("cp1256"),
        content_type="text/html; charset=windows-1256",
    )
    items = "".join(
        f"<item><title>{t}</title><link>/news/{n}</link><guid>web-{n}</guid></item>" for n, t in ((22, t22), (23, t23))
    )
    c.feeds.append(
        server.add(
            "/feed.xml",
            f"<rss><channel><title>موقع إخباري</title>{items}</channel></rss>",
            content_type="application/rss+xml",
            etag='"feed-1"',
        )
    )
    c.feeds.append(
        server.add("/broken-feed", "502 Bad Gateway: the upstream did not answer", content_type="text/plain")
    )
    c.bad.append(("/broken-feed", "feed: not XML"))
    _, title, body = c.expect(24, "url list page")
    c.urls.append(server.add("/story/24", html_page(title, body)))
    _, title, body = report(26)
    for n, (byline, article_id) in enumerate(zip(WIRE_BYLINES, WIRE_IDS, strict=True)):
        c.good[byline] = "near-duplicate wire copy"
        record = {"id": article_id, "title": title, "text": f"{body}\n({byline})", "source": byline}
        c.write(f"wire/copy{n}.json", json.dumps(record, ensure_ascii=False))
    c.urls.append(server.url("/gone"))
    c.bad.append(("/gone", "HTTP 404"))
    c.urls.append(server.add("/slow", html_page("بطيء", "صفحة بطيئة جداً"), delay=3.0))
    c.bad.append(("/slow", "timed out"))
    c.urls.append("file:///etc/passwd")
    c.bad.append(("file:///etc/passwd", "refused: only http and https"))


def _bad_files(c: Corpus) -> None:
    c.write("bad/empty.txt", b"")
    c.bad.append(("empty.txt", "empty file"))
    c.write("bad/garbage.txt", random.Random(7).randbytes(4000))
    c.bad.append(("garbage.txt", "not text"))
    c.write("bad/truncated.json", '{"id": "t1", "title": "عنوان", "text": "نص لم يكتمل')
    c.bad.append(("truncated.json", "invalid JSON"))
    c.write("bad/types.json", json.dumps({"id": "t2", "text": 12345}))
    c.bad.append(("types.json", "field 'text' must be a string, got number"))
    c.write("bad/cyrillic.txt", "Обстрел окраин города\n\nАртиллерия обстреляла окраины города во вторник.\n")
    c.bad.append(("cyrillic.txt", "no Arabic or Latin letters"))
    c.write("bad/digits.json", json.dumps({"id": "t3", "text": "١٢٣ — ٤٥٦ / 789 ..."}))
    c.bad.append(("digits.json", "no Arabic or Latin letters"))
    c.write(
        "bad/future.json",
        json.dumps({"id": "t4", "text": report(25)[2], "published_at": "2099-01-01T00:00:00Z"}, ensure_ascii=False),
    )
    c.bad.append(("future.json", "is in the future"))
    path = c.write("bad/huge.txt", b"")
    with open(path, "wb") as fh:
        fh.truncate(30 * 2**20)
    c.bad.append(("huge.txt", "file too large: 30.0 MB > 20 MB"))
    laughs = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    c.write(
        "bad/laughs.xml",
        f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]><rss><channel><item><title>&l9;</title></item></channel></rss>',
    )
    c.bad.append(("laughs.xml", "refused: the XML declares entities"))


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
