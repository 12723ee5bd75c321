"""Tests for eventlake.clean: raw articles -> cleaned text that offsets point into."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from eventlake import schema
from eventlake.arabic import normalize_key
from eventlake.clean import CLEANED_ARTICLES, clean_articles, clean_text, html_to_text
from eventlake.ingest import read_inputs
from eventlake.lexicons import Boilerplate, load_boilerplate

SEED = Path(__file__).parent / "fixtures" / "ingest" / "000_19fc59f7b783f7d5.txt"
SEED_FURNITURE = 4  # the seed's last four lines: related list, comment form, back to top
NOW = datetime(2023, 10, 20, 12, 0, tzinfo=UTC)
MTIME = datetime(2023, 10, 19, 7, 45, tzinfo=UTC)

# Our own sentences, modelled on local-network reporting.
P1 = "قصفت قوات النظام بالمدفعية الثقيلة أطراف بلدة كنصفرة في جبل الزاوية صباح اليوم الثلاثاء."
P2 = "وقال الدفاع المدني إن القذائف أصابت ثلاثة منازل، ما أدى إلى جرح امرأة وطفلها."
P3 = "وأضاف أن فرقه أخمدت حريقاً اندلع في أرض زراعية قريبة بعد ساعتين من القصف."
P4 = "ويشهد جبل الزاوية تصعيداً متكرراً منذ مطلع الشهر رغم اتفاق وقف إطلاق النار."

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>قصف مدفعي يطال قرى في جبل الزاوية - شبكة أخبار الشمال</title>
<meta property="og:title" content="قصف مدفعي يطال قرى في جبل الزاوية">
<meta property="article:published_time" content="2023-10-17T09:30:00+03:00">
</head>
<body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li>
<li><a href="/world">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<main>
<article>
<h1>قصف مدفعي يطال قرى في جبل الزاوية</h1>
<div class="byline">كتبه مراسل الشبكة</div>
<p>{P1}</p>
<p>{P2}</p>
<p>{P3}</p>
<p>{P4}</p>
<div class="share"><span>شارك هذا المقال</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a>
<a href="#">واتساب</a></div>
<div class="tags">الوسوم: <a href="/t/1">إدلب</a> <a href="/t/2">قصف</a></div>
</article>
<section class="related"><h3>مقالات ذات صلة</h3><ul>
<li><a href="/a/1">انفجار عبوة ناسفة بسيارة عسكرية على طريق حلب</a></li>
<li><a href="/a/2">اشتباكات متقطعة على محاور ريف اللاذقية الشمالي</a></li>
</ul></section>
<section class="comments"><h3>اترك تعليقاً</h3>
<p>لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p>
<form><textarea name="comment"></textarea><input type="text" name="author">
<button>أرسل التعليق</button></form>
</section>
</main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a/3">ارتفاع أسعار المحروقات في مناطق الشمال</a></li>
</ul></aside>
<footer><p>جميع الحقوق محفوظة © 2023 شبكة أخبار الشمال</p>
<a href="#top">زر الذهاب إلى الأعلى</a></footer>
</body></html>
"""
PAGE_TITLE = "قصف مدفعي يطال قرى في جبل الزاوية"
PAGE_FURNITURE = (
    *("الرئيسية", "شارك", "فيسبوك", "الوسوم", "مقالات ذات صلة", "عبوة ناسفة"),
    *("تعليق", "بريدك", "الأكثر قراءة", "المحروقات", "محفوظة", "الأعلى"),
)


def furniture(*, cut_from: tuple[str, ...] = (), drop_lines: tuple[str, ...] = ()) -> Boilerplate:
    """An inline lexicon, normalised as lexicons.load_boilerplate does."""
    return Boilerplate(
        cut_from=tuple(normalize_key(e) for e in cut_from),
        drop_lines=tuple(normalize_key(e) for e in drop_lines),
    )


NONE = furniture()
SMALL = furniture(cut_from=("مقالات ذات صلة", "التعليقات"), drop_lines=("شارك", "فيسبوك", "تويتر"))


def raw_table(**overrides) -> pa.Table:
    row = {
        "article_id": "a1",
        "source_path": "in/a1.txt",
        "source_url": None,
        "title": "قصف على جبل الزاوية",
        "source": None,
        "published_at": MTIME,
        "published_at_origin": "mtime",
        "language": None,
        "body": P1,
        "body_format": "text",
        "content_hash": "0" * 64,
        "encoding": "utf-8",
    }
    return pa.Table.from_pylist([{**row, **overrides}], schema=schema.RAW_ARTICLES)


def clean_one(**overrides) -> dict:
    cleaned, rejects = clean_articles(raw_table(**overrides), boilerplate=SMALL)
    assert rejects.num_rows == 0, rejects.to_pylist()
    return cleaned.to_pylist()[0]


def reject_one(**overrides) -> dict:
    cleaned, rejects = clean_articles(raw_table(**overrides), boilerplate=SMALL)
    assert cleaned.num_rows == 0
    return rejects.to_pylist()[0]


# --- words are kept exactly ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "قُتِلَ مدنيٌّ وأُصيبَ آخرون",  # tashkeel
        "قصـــف عنيـــف على القرية",  # tatweel
        "سقط ١٢ قتيلاً و٣ جرحى في ٢٠٢٣/١٠/١٧",  # Arabic-Indic digits
        "إدلب وأريحا وآمرلي ومؤتمر وشؤون",  # hamza forms
        "أفادت شبكة “الرقة تذبح بصمتٍ” و«عين الفرات» بأنّ (قسد) انسحبت",  # quotes, brackets
        "ضربة على موقع ISIS قرب دير الزور",  # mixed direction
    ],
)
def test_article_words_are_kept_exactly(sentence):
    assert clean_text(sentence, boilerplate=SMALL) == sentence


def test_paragraphs_are_joined_by_one_blank_line():
    assert clean_text(f"{P1}\n{P2}\n\n\n\n{P3}\r\n{P4}", boilerplate=NONE) == "\n\n".join([P1, P2, P3, P4])


def test_runs_of_spaces_and_tabs_collapse_inside_lines():
    assert clean_text("  قصف \t\t مدفعي   على  القرية \t", boilerplate=NONE) == "قصف مدفعي على القرية"


def test_unicode_line_separator_alone_becomes_a_line_break():
    assert clean_text("قصف مدفعي\u2028على القرية", boilerplate=NONE) == "قصف مدفعي\n\nعلى القرية"


def test_line_break_and_no_break_space_together_are_both_unified():
    assert clean_text("قصف\u00a0مدفعي\r\nعلى القرية", boilerplate=NONE) == "قصف مدفعي\n\nعلى القرية"


def test_no_break_and_other_unicode_spaces_become_plain_spaces():
    assert clean_text("قصف\u00a0مدفعي\u2009على\u3000القرية", boilerplate=NONE) == "قصف مدفعي على القرية"


def test_zero_width_and_bidi_controls_are_removed():
    text = "\u200fقصف\u200b مدفعي\u202b على\u202c القرية\u2067\u200e"
    assert clean_text(text, boilerplate=NONE) == "قصف مدفعي على القرية"


def test_control_characters_are_removed():
    assert clean_text("قصف\x07 مدفعي\x1b على\x00 القرية", boilerplate=NONE) == "قصف مدفعي على القرية"


def test_text_is_nfc():
    decomposed = "ا\u0654علن الجيش"  # alef + combining hamza above
    assert clean_text(decomposed, boilerplate=NONE) == "أعلن الجيش"


def test_blank_text_cleans_to_empty():
    assert clean_text(" \n\u200b\n\t", boilerplate=NONE) == ""


# --- furniture -------------------------------------------------------------------------------


def test_cut_line_in_the_latter_half_ends_the_article():
    text = "\n".join([P1, P2, P3, "مقالات ذات صلة", "انفجار عبوة ناسفة على طريق حلب"])
    assert clean_text(text, boilerplate=SMALL) == "\n\n".join([P1, P2, P3])


def test_cut_line_in_the_first_half_is_dropped_but_the_article_goes_on():
    text = "\n".join(["مقالات ذات صلة:", P1, P2, P3])
    assert clean_text(text, boilerplate=SMALL) == "\n\n".join([P1, P2, P3])


def test_drop_line_is_removed_where_it_stands():
    text = "\n".join([P1, "شارك: فيسبوك | تويتر", P2])
    assert clean_text(text, boilerplate=SMALL) == "\n\n".join([P1, P2])


def test_drop_line_made_of_entries_that_share_a_first_word_is_removed():
    shared = furniture(drop_lines=("تابعونا", "تابعونا على تلغرام"))
    text = "\n".join([P1, "تابعونا على تلغرام تابعونا", P2])
    assert clean_text(text, boilerplate=shared) == "\n\n".join([P1, P2])


def test_line_with_a_word_no_entry_starts_is_kept():
    shared = furniture(drop_lines=("تابعونا", "تابعونا على تلغرام"))
    text = "\n".join([P1, "تابعونا على واتساب", P2])
    assert clean_text(text, boilerplate=shared) == "\n\n".join([P1, "تابعونا على واتساب", P2])


def test_labelled_link_line_is_dropped():
    text = "\n".join([P1, "اقرأ أيضاً: مقتل عنصرين بانفجار لغم في ريف درعا", P2])
    assert clean_text(text, boilerplate=furniture(drop_lines=("اقرأ أيضاً",))) == f"{P1}\n\n{P2}"


def test_sentence_containing_furniture_words_is_kept():
    sentence = "ونشر ناشطون مقالات ذات صلة بالهجوم على فيسبوك وتويتر قبل حذفها."
    text = "\n".join([P1, P2, sentence])
    assert clean_text(text, boilerplate=SMALL).endswith(sentence)


def test_short_sentence_starting_with_a_one_word_cut_entry_is_kept():
    sentence = "التعليقات الرسمية لم تصدر بعد."
    text = "\n".join([P1, P2, sentence, P3])
    assert clean_text(text, boilerplate=SMALL) == "\n\n".join([P1, P2, sentence, P3])


def test_one_word_cut_entry_before_a_count_is_furniture():
    text = "\n".join([P1, P2, "التعليقات (3)", "تعليق من قارئ"])
    assert clean_text(text, boilerplate=SMALL) == "\n\n".join([P1, P2])


def test_long_line_starting_with_a_cut_phrase_is_kept():
    line = "مقالات ذات صلة " + P4  # longer than any furniture line
    text = "\n".join([P1, P2, line])
    assert clean_text(text, boilerplate=SMALL).endswith(line)


def test_furniture_matches_through_tashkeel_and_punctuation():
    text = "\n".join([P1, P2, "* مَقالاتٌ ذاتُ صِلةٍ *", "عنوان مقال آخر"])
    assert clean_text(text, boilerplate=SMALL) == "\n\n".join([P1, P2])


def test_seed_drops_its_four_furniture_lines():
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    cleaned = clean_text(SEED.read_text(encoding="utf-8"), boilerplate=load_boilerplate())
    assert cleaned.split("\n\n") == [" ".join(line.split()) for line in lines[:-SEED_FURNITURE]]


def test_seed_furniture_lines_are_gone():
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    cleaned = clean_text(SEED.read_text(encoding="utf-8"), boilerplate=load_boilerplate())
    assert [line for line in lines[-SEED_FURNITURE:] if line.strip() in cleaned] == []


# --- HTML ------------------------------------------------------------------------------------


def test_html_body_keeps_every_article_paragraph():
    _, body, _ = html_to_text(NEWS_PAGE)
    assert [p for p in (P1, P2, P3, P4) if p not in body] == []


@pytest.mark.parametrize("piece", PAGE_FURNITURE)
def test_html_body_leaves_out_site_furniture(piece):
    _, body, _ = html_to_text(NEWS_PAGE)
    assert piece not in body


def test_html_title_comes_from_the_page():
    assert html_to_text(NEWS_PAGE)[0] == PAGE_TITLE


def test_html_date_comes_from_the_page_metadata():
    assert html_to_text(NEWS_PAGE)[2] == datetime(2023, 10, 17, tzinfo=UTC)


def test_html_date_only_written_in_the_text_is_not_guessed():
    dated = "<p>الثلاثاء 17 تشرين الأول 2023</p>"
    page = f"<html><body><article>{dated}<p>{P1}</p></article></body></html>"
    assert html_to_text(page)[2] is None


def test_unparseable_html_gives_no_text():
    assert html_to_text("\x00\x01<<<") == (None, "", None)


def test_html_extraction_logs_nothing(caplog):
    caplog.set_level(logging.DEBUG)
    html_to_text("\x00\x01<<<")
    assert [r.name for r in caplog.records if not r.name.startswith("eventlake")] == []


def test_html_extraction_restores_third_party_log_levels():
    logger = logging.getLogger("trafilatura")
    before = logger.level
    logger.setLevel(logging.INFO)
    try:
        html_to_text(NEWS_PAGE)
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(before)


# --- clean_articles --------------------------------------------------------------------------


def test_text_is_title_then_body_as_paragraphs():
    assert clean_one(body=f"{P1}\n{P2}")["text"] == f"قصف على جبل الزاوية\n\n{P1}\n\n{P2}"


def test_title_is_not_repeated_when_the_body_opens_with_it():
    assert clean_one(title=P1, body=f"{P1}\n{P2}")["text"] == f"{P1}\n\n{P2}"


def test_title_is_cleaned_to_one_line():
    row = clean_one(title="  قصف على\n جبل\u200f الزاوية ", body=P1)
    assert row["title"] == "قصف على جبل الزاوية"


def test_article_without_title_is_its_body():
    assert clean_one(title=None, body=P1)["text"] == P1


def test_html_article_takes_title_and_body_from_the_page():
    row = clean_one(title=None, body=NEWS_PAGE, body_format="html")
    assert row["text"] == "\n\n".join([PAGE_TITLE, P1, P2, P3, P4])


def test_html_date_replaces_a_fallback_date():
    row = clean_one(body=NEWS_PAGE, body_format="html", published_at_origin="mtime")
    assert (row["published_at"], row["published_at_origin"]) == (
        datetime(2023, 10, 17, tzinfo=UTC),
        "html",
    )


def test_html_date_does_not_replace_a_record_date():
    row = clean_one(body=NEWS_PAGE, body_format="html", published_at_origin="record")
    assert (row["published_at"], row["published_at_origin"]) == (MTIME, "record")


def test_language_is_detected_when_the_record_has_none():
    assert clean_one(body=NEWS_PAGE, body_format="html")["language"] == "ar"


def test_record_language_is_kept():
    assert clean_one(language="en")["language"] == "en"


def test_article_empty_after_cleaning_is_a_reject_naming_it():
    reject = reject_one(article_id="x9", title=None, body="شارك\nفيسبوك\n")
    assert (reject["stage"], reject["reason"]) == (
        "clean",
        "article x9: no text left after cleaning",
    )


def test_html_with_no_article_is_a_reject():
    reject = reject_one(article_id="x9", body="<html><body></body></html>", body_format="html")
    assert reject["reason"] == "article x9: no text left after cleaning"


def test_article_without_letters_is_a_reject():
    reject = reject_one(article_id="x9", title=None, body="١٢٣ - ٤٥٦")
    assert reject["reason"] == "article x9: no letters in the cleaned text"


def test_cleaned_tables_follow_the_contract():
    cleaned, rejects = clean_articles(raw_table(), boilerplate=SMALL)
    assert (cleaned.schema, rejects.schema) == (CLEANED_ARTICLES, schema.REJECTS)


def test_cleaned_columns_are_articles_without_later_stage_columns():
    later = {"n_sentences", "ingested_at", "run_id"}
    assert CLEANED_ARTICLES.names == [n for n in schema.ARTICLES.names if n not in later]


def test_ingest_then_clean_on_files(tmp_path):
    (tmp_path / "page.html").write_text(NEWS_PAGE, encoding="utf-8")
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "seed.json").write_text(json.dumps({"published_at": "2023-10-18T10:00:00+03:00"}))
    for path in tmp_path.iterdir():
        os.utime(path, (MTIME.timestamp(), MTIME.timestamp()))
    raw = read_inputs([tmp_path], now=NOW).articles
    cleaned, _ = clean_articles(raw, boilerplate=load_boilerplate())
    paths, origins = (cleaned.column(c).to_pylist() for c in ("source_path", "published_at_origin"))
    origins = dict(zip(paths, origins, strict=True))
    assert origins == {str(tmp_path / "page.html"): "html", str(tmp_path / "seed.txt"): "sidecar"}


def test_shipped_boilerplate_has_the_seed_furniture():
    loaded = load_boilerplate()
    seed = ["مقالات ذات صلة", "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني"]
    assert [e for e in seed if normalize_key(e) not in loaded.cut_from] == []
