"""Event dates stated as ordinal days, days of this or last month, and year-first numbers,
resolved against a publication date of Thursday 7 March 2024."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rows import only

from eventlake.dates import _digit_sep_digit, stated_year
from eventlake.sentence import SentenceHits
from eventlake.text import Span, identity


@pytest.mark.parametrize(
    ("when", "day"),
    [
        ("في الخامس من الشهر الجاري", date(2024, 3, 5)),
        ("في الثالث والعشرين من الشهر الماضي", date(2024, 2, 23)),
        ("يوم 4 من الشهر الحالي", date(2024, 3, 4)),
        ("في الخامس من آذار", date(2024, 3, 5)),
        ("في الأول من آذار", date(2024, 3, 1)),
        ("بتاريخ 2024/03/02", date(2024, 3, 2)),
        ("مساء الثلاثاء الماضي", date(2024, 3, 5)),
        ("قبل يومين", date(2024, 3, 5)),
        ("يوم الخميس قبل الماضي", date(2024, 2, 22)),
        ("يوم الاثنين قبل الماضي", date(2024, 2, 26)),
        ("بعد منتصف ليل الثلاثاء-الأربعاء", date(2024, 3, 6)),  # after its midnight: the day it ends in
        ("ليلة الاثنين - الثلاثاء", date(2024, 3, 4)),  # a night is dated by the day it starts in
    ],
)
def test_stated_day(events_of, when, day):
    events = events_of(f"قصفت طائرات حربية بلدة أريحا {when}.")
    assert [(e["event_date"], e["time_precision"]) for e in events] == [(day, 1)]


def test_a_month_named_twice_takes_the_year_after_both(events_of):
    body = "قصفت طائرات حربية بلدة أريحا في الخامس من شباط/فبراير 2024."
    events = events_of(body, published="2025-02-20T09:00:00+03:00")
    assert events == []  # a year before publication (not 15 days): background, not news


def test_day_in_last_month_wraps_the_year(events_of):
    body = "قصفت طائرات حربية بلدة أريحا في الثلاثين من الشهر الماضي."
    events = events_of(body, published="2024-01-05T09:00:00+03:00")
    assert [e["event_date"] for e in events] == [date(2023, 12, 30)]


def test_weekday_after_the_report_date_dates_the_report(events_of):
    body = (
        "أعلنت خلية الإعلام الأمني، صباح اليوم الخميس، مقتل جنديين بهجوم لداعش على نقطة في قضاء الطارمية، "
        "بعد أن تسللت مجموعة إرهابية إلى المنطقة الليلة الماضية."
    )
    assert [e["event_date"] for e in events_of(body)] == [date(2024, 3, 6)]


@given(st.text(alphabet=st.sampled_from(list("019٣/.- اx")), max_size=16))
def test_digit_separator_digit_test_agrees_with_the_regex(text):
    assert _digit_sep_digit(text) == bool(re.search(r"\d[/.-]\d", text))


def _plain(text: str) -> SentenceHits:
    return SentenceHits(text, identity(text), 0, len(text), Span(0, len(text)), 0, 0, [])


def test_stated_year_is_the_earliest_named():
    assert stated_year(_plain("اشتباكات متقطعة بين عامي 2015 و2016 في المنطقة")) == 2015


def test_four_digits_without_a_year_word_are_no_year():
    assert stated_year(_plain("نزح 2015 شخصا من القرية")) is None


def test_three_days_ago_and_the_night_before_last(events_of):
    three = events_of("قُتل مدنيان منذ ثلاثة أيام بقصف مدفعي على بلدة كفرنبل.")
    night = events_of("قُتل مدنيان الليلة قبل الماضية بقصف مدفعي على بلدة كفرنبل.")
    assert [e["event_date"].isoformat() for e in three + night] == ["2024-03-04", "2024-03-05"]


def test_a_word_that_happens_to_be_a_month_name_dates_nothing(events_of):
    body = "خطف مسلحون يستقلون عجلة نوع «بيك آب» مزارعاً في ناحية هبهب مساء أمس."
    assert [e["event_date"].isoformat() for e in events_of(body)] == ["2024-03-06"]
    month = events_of("خطف مسلحون مزارعاً في ناحية هبهب في آب.", published="2024-08-20T09:00:00+03:00")
    assert [(e["event_date"].month, e["time_precision"]) for e in month] == [(8, 3)]


def test_a_construct_dual_counts_two(events_of):
    body = "أطلق مسلحون مجهولون النار على راعيَي أغنام في ناحية العبارة شمال شرقي بعقوبة فجر اليوم، ما أدى إلى مقتلهما."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Attack", "Civilians")


def test_a_place_named_for_a_weekday_dates_nothing(events_of):
    body = "اندلعت مواجهات الأمس بين مسلحين قرب سوق الثلاثاء في طرابلس، لتتطور إلى اشتباكات في شوارع حي عرادة."
    assert [e["event_date"].isoformat() for e in events_of(body)] == ["2024-03-06"]


def test_a_night_pair_is_the_first_day_unless_told_from_its_midnight(events_of):
    night = only(events_of("اعتقلت قوات التحالف الدولي شخصين ليل الأحد - الإثنين في بلدة البصيرة."))
    late = only(events_of("اعتقلت قوات التحالف الدولي شخصين بُعيد منتصف ليل الأحد - الإثنين في بلدة البصيرة."))
    assert (str(night["event_date"]), str(late["event_date"])) == ("2024-03-03", "2024-03-04")


def test_the_day_after_the_reporter_dates_the_report_not_the_event(events_of):
    body = (
        "أفاد مصدر أمني في محافظة ميسان، اليوم الخميس، بأن نزاعاً عشائرياً مسلحاً اندلع عصر أمس الأربعاء "
        "في ناحية الميمونة."
    )
    assert only(events_of(body))["event_date"] == date(2024, 3, 6)


def test_a_date_inside_what_was_reported_dates_the_event(events_of):
    body = "ذكرت خلية الإعلام الأمني في بيان أن طائرات عراقية نفذت، فجر اليوم، ضربة جوية على وكر في قضاء الحويجة."
    assert only(events_of(body))["event_date"] == date(2024, 3, 7)


def test_today_with_a_weekday_from_a_clock_behind_the_regions_is_that_weekday(events_of):
    # 23:10 in Tripoli (UTC+2) on Wednesday is already Thursday in the region's UTC+3.
    body = "اندلعت اشتباكات مسلحة، مساء اليوم الأربعاء، بين مجموعتين مسلحتين في منطقة جودائم جنوب مدينة الزاوية."
    e = only(events_of(body, published="2025-03-12T23:10:00+02:00"))
    assert e["event_date"] == date(2025, 3, 12)


def test_today_with_a_weekday_a_week_off_stays_today(events_of):
    body = "اندلعت اشتباكات مسلحة، مساء اليوم الخميس، بين مجموعتين مسلحتين في منطقة جودائم جنوب مدينة الزاوية."
    e = only(events_of(body, published="2025-03-12T12:00:00+02:00"))
    assert e["event_date"] == date(2025, 3, 12)


def test_the_reference_day_is_the_day_where_the_article_was_written(events_of):
    body = "أسقطت المضادات الأرضية مسيّرة انتحارية في سماء مدينة كسلا مساء اليوم، دون وقوع إصابات."
    e = only(events_of(body, published="2025-09-28T23:10:00+02:00"))  # 00:10 the next day at UTC+3
    assert e["event_date"] == date(2025, 9, 28)


def test_a_month_named_before_past_dates_the_event_word_it_follows(events_of):
    body = "وأسفرت اشتباكات تموز الماضي في بلدة الثعلة بريف السويداء عن مقتل ثلاثة مسلحين."
    assert events_of(body, published="2025-08-03T12:00:00+03:00") == []  # July's fighting: background
