"""Event dates: date phrases in a sentence, resolved against the publication date.

The reference day is the publication date in the local time of the article's country (the tz
database's zone, so Lebanon's and Egypt's summer time too; UTC+3 where the country is unknown), so
"أمس" in an article published at 01:00 local time means the local yesterday, not the UTC one, and
one published at 23:10 in Kassala (UTC+2) still means the 28th, not the 29th of UTC+3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Final, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from eventlake.matcher import NAME_KINDS, Hit
from eventlake.sentence import THAT_WORDS, SentenceHits, in_outlet_name

REGION_TZ: Final = timezone(timedelta(hours=3))
# Where an article was written, by the country its places vote for (ArticlePlaces.iso).
COUNTRY_TZ: Final = {
    "SY": "Asia/Damascus",
    "IQ": "Asia/Baghdad",
    "YE": "Asia/Aden",
    "LB": "Asia/Beirut",
    "LY": "Africa/Tripoli",
    "SD": "Africa/Khartoum",
    "SS": "Africa/Juba",
    "EG": "Africa/Cairo",
    "IL": "Asia/Jerusalem",
    "PS": "Asia/Gaza",
    "JO": "Asia/Amman",
    "SA": "Asia/Riyadh",
    "TR": "Europe/Istanbul",
    "IR": "Asia/Tehran",
    "TD": "Africa/Ndjamena",
}
_DAY_BEFORE: Final = re.compile(r"(\d{1,2})\s*(?:من\s+)?(?:شهر\s+)?(?:\w+\s*/\s*)?$")  # "7 أغسطس/آب"
_YEAR_AFTER: Final = re.compile(r"^\s*(?:/\s*\w+\s*)?(?:من\s+)?(?:عام\s+|العام\s+|سنة\s+)?(\d{4})")  # "آب/أغسطس 2023"
UNTIL_WORDS: Final = frozenset({"حتي", "وحتي", "لغايه", "ولغايه"})  # matching form
_ORDINAL_DAY: Final = re.compile(r"^(?:ال)?\d+$|^(?:الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)$")
PER_DAY_WORDS: Final = frozenset({"واحده", "مره", "مرتين", "مرات", "مرتان"})  # matching form: "... in a day"
# What stands before a month named alone (matching form): "في آب", "خلال شهر تموز", "منذ مطلع أيار".
MONTH_LEAD_WORDS: Final = frozenset(
    {"في", "وفي", "شهر", "خلال", "منذ", "مطلع", "اواخر", "اوائل", "منتصف", "بدايه", "نهايه", "حتي", "الي", "من", "ومنذ"}
)
_YEAR_WORDS: Final = ("عام", "عامي", "العام", "سنه", "سنة", "مطلع", "اواخر", "منتصف", "صيف", "شتاء", "ربيع", "خريف")
_YEAR: Final = re.compile(rf"(?:{'|'.join(_YEAR_WORDS)})\s+(\d{{4}})(?!\d)")
_YEAR_IN: Final = re.compile(r"(?<!\S)في\s+((?:19|20)\d{2})(?!\d)")  # "شهدت في 2022 معارك": a year, not a count
_YEAR_FIRST: Final = re.compile(r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")
_NUMERIC: Final = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")


@dataclass(eq=False)
class EventDate:
    """A resolved date and its ACLED time precision (1 day, 2 week or range, 3 month).
    Treat as immutable (dataclasses.replace); built natively when compiled (see matcher.Hit)."""

    day: date
    precision: int
    explicit: bool  # found in the sentence, not inherited or defaulted
    reported: bool = False  # the date of a statement about the event ("أعلنت، صباح اليوم، مقتل ...")

    def __init__(self, day: date, precision: int, explicit: bool, reported: bool = False) -> None:
        self.day, self.precision, self.explicit, self.reported = day, precision, explicit, reported

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventDate):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[date, int, bool, bool]:
        return (self.day, self.precision, self.explicit, self.reported)


def reference_day(published_at: datetime, iso: str | None = None) -> date:
    """The publication day in local time where the article was written (country `iso`)."""
    return local_time(published_at, iso).date()


def local_time(published_at: datetime, iso: str | None = None) -> datetime:
    """The publication time in the local time of country `iso`, else of the region (UTC+3);
    naive times are taken as UTC."""
    if published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=UTC)
    return published_at.astimezone(_zone(iso))


@lru_cache(maxsize=64)
def _zone(iso: str | None) -> tzinfo:
    name = COUNTRY_TZ.get(iso or "")
    if name is None:
        return REGION_TZ
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:  # neither the tzdata package nor a system tz database
        return REGION_TZ


def find_date(
    sentence: SentenceHits, published: date, *, needs_cue: frozenset[str], near: Hit | None = None
) -> EventDate | None:
    """The date the sentence states for the event (the one nearest `near`), or None.

    A date right after a reporting verb ("أعلنت الخلية، صباح اليوم، ...") dates the report, so
    it is used only when the sentence states no other.
    """
    text = sentence.text
    if _digit_sep_digit(text):  # what both numeric forms need: most sentences have none
        numeric = _NUMERIC.search(text)
        year_first = _YEAR_FIRST.search(text)  # "بتاريخ 2024/03/05"
        found = [(0, 0, d) for d in [_numeric_date(numeric), _numeric_date(year_first, year_first=True)] if d]
    else:
        found = []
    began: list[EventDate] = []  # when a state began ("منذ أبريل 2023"): only if no other date
    for hit, found_date in _hit_dates(sentence, published, needs_cue):
        if found_date is None or found_date.day > published:
            continue
        if _since(sentence, hit, found_date) or _until(sentence, hit):
            began.append(found_date)  # "منذ مساء أمس السبت وحتى فجر اليوم الأحد": the start is the day
            continue
        reported = _after_report(sentence, hit)
        distance = abs(sentence.tokens_between(near, hit) if near and near.end <= hit.start else 0)
        if near and hit.end <= near.start:
            distance = sentence.tokens_between(hit, near)
        found.append((int(reported), distance, found_date))
    found = found or [(0, 0, d) for d in began]
    if not found:
        return None
    rank, _, best = min(found, key=lambda f: (f[0], f[1], f[2].precision))
    return best if best.reported == bool(rank) else replace(best, reported=bool(rank))


def _since(sentence: SentenceHits, hit: Hit, found: EventDate) -> bool:
    """ "التي كانت تسيطر على المصفاة منذ الأسابيع الأولى للحرب في أبريل 2023": a month a state
    began, not the day of the event."""
    if found.precision < 2:
        return False
    words = sentence.words_before(hit.start, 6)
    return any(sentence.derived.text[a:b] in ("منذ", "ومنذ") for a, b in words)


def _until(sentence: SentenceHits, hit: Hit) -> bool:
    """ "وحتى ساعات الفجر الأولى من اليوم الأحد": when what began earlier ended."""
    words = sentence.words_before(hit.start, 6)
    return any(sentence.derived.text[a:b] in UNTIL_WORDS for a, b in words)


def _after_report(sentence: SentenceHits, hit: Hit) -> bool:
    """Right after a reporting verb; a weekday that names the day just given ("أعلنت الخلية،
    صباح اليوم الاثنين، ...") goes with it."""
    report = sentence.preceded_by(hit, "cue:report", within=7)  # "أفاد مصدر أمني في محافظة ميسان، اليوم"
    if report is not None and _reporter_between(sentence, report, hit):
        return True
    day = sentence.preceded_by(hit, "date:relative", within=0) if hit.kind == "date:weekday" else None
    return day is not None and sentence.preceded_by(day, "cue:report", within=4) is not None


def _reporter_between(sentence: SentenceHits, report: Hit, hit: Hit) -> bool:
    """Only who reported stands between the verb and the date: no event word, and not yet what was
    reported ("ذكرت الخلية في بيان أن طائرات نفذت، فجر اليوم، ضربتين": the strike's dawn)."""
    if any(report.end <= t.start < hit.start for t in sentence.of("trigger")):
        return False
    words = sentence.derived.text[report.end : hit.start].replace("،", " ").split()
    return not any(word in THAT_WORDS for word in words)


def _hit_dates(sentence: SentenceHits, published: date, needs_cue: frozenset[str]):
    names = [h for h in sentence.hits if h.kind in NAME_KINDS or h.kind == "cue:next_day"]  # and "اليوم التالي"
    for hit in sentence.hits:
        if hit.kind.startswith("date:") and any(_inside(hit, name) for name in names):
            continue  # "قرب سوق الثلاثاء": a place named for a weekday
        if hit.kind == "date:relative" and (_counted_day(sentence, hit) or in_outlet_name(sentence, hit)):
            continue  # "اليوم الـ104 من المواجهات": a day of a war; "لـ«بغداد اليوم»": an outlet
        if hit.kind == "date:relative":
            days, precision = hit.entry.value
            days += _day_behind(sentence, hit, published, days)
            yield hit, EventDate(published - timedelta(days=days), precision, True)
        elif hit.kind == "date:month":
            yield hit, _month_date(sentence, hit, published)
        elif hit.kind == "date:weekday":
            if _the_other_of_a_pair(sentence, hit):
                continue
            yield hit, _weekday_date(sentence, hit, published, needs_cue)
        elif hit.kind == "date:this_month":
            yield hit, _day_of_this_month(sentence, hit, published)


def _day_behind(sentence: SentenceHits, hit: Hit, published: date, days: int) -> int:
    """1 when "اليوم الأربعاء", "أمس الثلاثاء" names the day before the one counted from
    publication: the writer's clock was behind the region's (Libya and Sudan are UTC+2)."""
    weekday = sentence.followed_by(hit, "date:weekday", within=0)
    if weekday is None:
        return 0
    return int((published.weekday() - weekday.entry.value) % 7 == days + 1)


def _night_into_next(sentence: SentenceHits, hit: Hit) -> bool:
    """The first weekday of a night's pair ("ليل الأربعاء-الخميس", "ليلة السبت - الأحد")."""
    text = sentence.derived.text
    between = text[hit.end : hit.end + 4]
    if not between.lstrip().startswith(("-", "–", "—", "/")):
        return False
    nxt = sentence.followed_by(hit, "date:weekday", within=0)
    return nxt is not None and nxt.start - hit.end <= 4


def _the_other_of_a_pair(sentence: SentenceHits, hit: Hit) -> bool:
    """The weekday of a night's pair that does not date it: "ليل الأربعاء-الخميس" is Wednesday's
    night (the second day is left), "بُعيد منتصف ليل الأحد – الإثنين" is Monday (the first is left)."""
    if _after_midnight(sentence, hit):
        return _night_into_next(sentence, hit)
    return _night_from(sentence, hit) is not None


def _after_midnight(sentence: SentenceHits, hit: Hit) -> bool:
    """ "بُعيد منتصف ليل الأحد – الإثنين": the night's pair told from its midnight, the second day."""
    start = sentence.start if hit.start - 24 < sentence.start else hit.start - 24
    return "منتصف" in sentence.derived.text[start : hit.start]


def _night_from(sentence: SentenceHits, hit: Hit) -> Hit | None:
    """The first weekday of the pair "ليل الأحد - الاثنين" when `hit` is the second: the night leads both."""
    first = sentence.preceded_by(hit, "date:weekday", within=0)
    return first if first is not None and _night_into_next(sentence, first) else None


def _inside(hit: Hit, name: Hit) -> bool:
    return name.start <= hit.start and hit.end <= name.end and name.end - name.start > hit.end - hit.start


def _month_date(sentence: SentenceHits, hit: Hit, published: date) -> EventDate | None:
    text = sentence.derived.text
    day_m = _DAY_BEFORE.search(text, max(sentence.start, hit.start - 12), hit.start)
    year_m = _YEAR_AFTER.search(text[hit.end : min(sentence.end, hit.end + 24)])
    month = hit.entry.value
    year = int(year_m.group(1)) if year_m else published.year
    ordinal = sentence.preceded_by(hit, "date:ordinal_day", within=1)  # "في الخامس من آذار"
    day = int(day_m.group(1)) if day_m else ordinal.entry.value if ordinal else 1
    day_told = day_m or ordinal
    if not day_told and not year_m and not _month_led(sentence, hit):
        return None  # "عجلة نوع «بيك آب»", "سيارة نيسان": a word that happens to be a month's name
    try:
        resolved = date(year, month, day)
        if not year_m and resolved > published:
            resolved = date(year - 1, month, day)
    except ValueError:
        return None
    return EventDate(resolved, 1 if day_told else 3, True)


def _month_led(sentence: SentenceHits, hit: Hit) -> bool:
    """A month named alone stands after "في", "شهر", "خلال", "منذ", "مطلع" or the like, or before
    "الماضي" ("معارك تموز الماضي")."""
    before = sentence.words_before(hit.start, 1)
    if before and sentence.derived.text[before[0][0] : before[0][1]] in MONTH_LEAD_WORDS:
        return True
    after = sentence.words_after(hit.end, 1)
    return bool(after) and sentence.derived.text[after[0][0] : after[0][1]] in ("الماضي", "المنصرم")


def _day_of_this_month(sentence: SentenceHits, hit: Hit, published: date) -> EventDate | None:
    """ "في الحادي عشر من الشهر الجاري", "يوم 3 من الشهر الماضي": a day of this or last month."""
    ordinal = sentence.preceded_by(hit, "date:ordinal_day", within=2)
    digits = _DAY_BEFORE.search(sentence.derived.text, max(sentence.start, hit.start - 12), hit.start)
    if ordinal is None and digits is None:
        return None
    day = ordinal.entry.value if ordinal is not None else int(cast(re.Match[str], digits).group(1))
    month_index = published.year * 12 + published.month - 1 - hit.entry.value
    try:
        return EventDate(date(month_index // 12, month_index % 12 + 1, day), 1, True)
    except ValueError:
        return None


def _weekday_date(sentence: SentenceHits, hit: Hit, published: date, needs_cue: frozenset[str]) -> EventDate | None:
    past = sentence.followed_by(hit, "date:weekday_past", within=0) or sentence.followed_by(
        hit, "date:weekday_before_last", within=0
    )
    lead = sentence.preceded_by(hit, "date:weekday_lead", within=0) or _night_from(sentence, hit)
    if sentence.derived.text[hit.start : hit.end] in needs_cue and not (past or lead):
        return None
    back = (published.weekday() - hit.entry.value) % 7
    if back == 0 and past:
        back = 7
    if sentence.followed_by(hit, "date:weekday_before_last", within=0):
        back = (back or 7) + 7  # "الخميس قبل الماضي": a week before last Thursday
    return EventDate(published - timedelta(days=back), 1, True)


def _numeric_date(match: re.Match | None, *, year_first: bool = False) -> EventDate | None:
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year_first:
        day, year = year, day
    try:
        return EventDate(date(year, month, day), 1, True)
    except ValueError:
        return None


def stated_year(sentence: SentenceHits) -> int | None:
    """The earliest year the sentence names ("عام 1976", "بين عامي 2015 و2016"), if any."""
    text = sentence.text
    if not any(word in text for word in _YEAR_WORDS) and "في 19" not in text and "في 20" not in text:
        return None  # most sentences name no year: a few substring tests beat the regex
    return stated_year_in(text)


def stated_year_in(text: str) -> int | None:
    """The earliest year a matching-form text names after a year word or "في"."""
    years = [int(m.group(1)) for pattern in (_YEAR, _YEAR_IN) for m in pattern.finditer(text)]
    return min(years) if years else None


def _counted_day(sentence: SentenceHits, hit: Hit) -> bool:
    """ "اليوم الـ104 من المواجهات": a day of a war; "وجبة واحدة في اليوم", "مرتين في اليوم": per day."""
    nxt = sentence.words_after(hit.end, 1)
    word = sentence.derived.text[nxt[0][0] : nxt[0][1]] if nxt else ""
    if _ORDINAL_DAY.match(word) is not None:
        return True
    before = [sentence.derived.text[a:b] for a, b in sentence.words_before(hit.start, 3)]
    return len(before) >= 2 and before[0] == "في" and before[1] in PER_DAY_WORDS


def _digit_sep_digit(text: str) -> bool:
    """A digit, one of / . -, a digit (regex \\d is str.isdecimal): looked for at each separator,
    far fewer places than the characters a regex would test."""
    for sep in "/.-":
        at = text.find(sep, 1)
        while at != -1:
            if text[at - 1].isdecimal() and text[at + 1 : at + 2].isdecimal():
                return True
            at = text.find(sep, at + 1)
    return False
