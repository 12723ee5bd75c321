"""Benchmark corpus: N seed-sized Arabic articles as JSONL input records, made from templates.

Sentences come from bench/templates.yaml (written for this project); places, governorates and
actors come from data/gazetteer and data/lexicons, so the extractor does the work real articles
ask of it. Article i depends only on (seed, i): the corpus is written chunk by chunk into part
files (ingest reads at most 20 MiB per file) and never held in memory, and any slice of it can
be regenerated.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from eventlake.lexicons import DATA_DIR, read_yaml

TEMPLATES = Path(__file__).with_name("templates.yaml")
# Armed actors (ACLED inter codes): state forces, rebels, political and identity militias, external forces.
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
# States whose aircraft the reporting names outside their own country.
AIR_POWERS = ("TR", "RU", "US", "IL", "SA")
FIRST_PUBLISHED = datetime(2022, 1, 1, tzinfo=UTC)
PUBLISHED_SPAN_DAYS = 1600  # publication dates run from 2022 into mid-2026
CHUNK = 1000  # records per write
# Records per part file: about 8 MB, well under ingest.MAX_FILE_BYTES (20 MiB per file).
PART_ARTICLES = 2000
TIMEZONES = (UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=2)))

_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class Country:
    """What a generated article about one country can name."""

    iso: str
    places: tuple[tuple[str, str], ...]  # (place, its governorate), both in Arabic
    armed: tuple[str, ...]  # aliases of armed actors active there
    state: tuple[str, ...]  # aliases of the country's own state forces
    air: tuple[str, ...]  # aliases of actors with aircraft


@dataclass(frozen=True)
class Vocabulary:
    """The templates and the names they are filled with."""

    templates: Mapping[str, Any]
    countries: Mapping[str, Country]


@dataclass(frozen=True)
class CorpusInfo:
    """A written corpus: a directory of JSONL part files."""

    path: Path
    articles: int
    bytes: int
    seed: int
    files: tuple[Path, ...]


def load_vocabulary(*, data_dir: Path = DATA_DIR, templates: Path = TEMPLATES) -> Vocabulary:
    """Read the templates, the gazetteer's Arabic place names and the actor aliases."""
    spec = read_yaml(templates)
    isos = tuple(spec["countries"])
    places = _places(data_dir / "gazetteer", isos)
    actors = read_yaml(data_dir / "lexicons" / "actors.yaml")
    countries = {iso: _country(iso, places[iso], actors) for iso in isos}
    return Vocabulary(templates=spec, countries=countries)


def make_article(index: int, *, seed: int, vocabulary: Vocabulary) -> dict[str, str]:
    """Article `index` of the corpus for `seed`: an input record (id, url, title, text, ...)."""
    rng = random.Random(f"{seed}:{index}")
    spec = vocabulary.templates
    published = FIRST_PUBLISHED + timedelta(days=rng.randrange(PUBLISHED_SPAN_DAYS), minutes=rng.randrange(1440))
    country = vocabulary.countries[_weighted(rng, spec["countries"])]
    writer = _Writer(rng, spec, published.date(), country)
    kind = _weighted(rng, spec["kinds"])
    main = writer.scene()
    unique = spec["unique"]
    uniq = writer.fill(unique[index % len(unique)], main, uniq=_digits(rng, 1000 + index // len(unique)))
    body = writer.body(kind, main, uniq)
    if rng.random() < spec["furniture_share"]:
        body += "\n\n" + "\n\n".join(rng.choice(spec["furniture"]))
    return {
        "id": f"bench-{seed}-{index:08d}",
        "url": f"https://example.org/bench/{seed}/{index}",
        "title": writer.fill(rng.choice(spec["titles"][kind]), main),
        "text": body,
        "published_at": published.astimezone(rng.choice(TIMEZONES)).isoformat(timespec="seconds"),
        "source": rng.choice(spec["outlets"]),
        "language": "ar",
    }


def iter_articles(
    count: int, *, seed: int = 0, vocabulary: Vocabulary | None = None, start: int = 0
) -> Iterator[dict[str, str]]:
    """Articles start .. start+count-1 of the corpus for `seed`, one at a time."""
    vocab = vocabulary or load_vocabulary()
    for index in range(start, start + count):
        yield make_article(index, seed=seed, vocabulary=vocab)


def write_corpus(
    directory: Path,
    count: int,
    *,
    seed: int = 0,
    vocabulary: Vocabulary | None = None,
    part_articles: int = PART_ARTICLES,
) -> CorpusInfo:
    """Write `count` articles as JSONL part files of `part_articles` records into `directory`."""
    if count < 1 or part_articles < 1:
        raise ValueError(f"a corpus needs at least one article per part, got {count} in parts of {part_articles}")
    vocab = vocabulary or load_vocabulary()
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for number, start in enumerate(range(0, count, part_articles)):
        path = directory / f"part-{number:05d}.jsonl"
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for first in range(start, min(start + part_articles, count), CHUNK):
                size = min(CHUNK, start + part_articles - first, count - first)
                records = iter_articles(size, seed=seed, vocabulary=vocab, start=first)
                out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        files.append(path)
    size = sum(p.stat().st_size for p in files)
    return CorpusInfo(path=directory, articles=count, bytes=size, seed=seed, files=tuple(files))


class _Writer:
    """Fills templates for one article: its country, publication day and random stream."""

    def __init__(self, rng: random.Random, spec: Mapping[str, Any], published: date, country: Country):
        self.rng = rng
        self.spec = spec
        self.published = published
        self.country = country
        self.used: set[str] = set()

    def scene(self) -> dict[str, str]:
        """Where and between whom one event happens."""
        rng, c = self.rng, self.country
        (place, admin1), (place2, _) = rng.sample(c.places, 2)
        actor, actor2 = rng.sample(c.armed, 2)
        return {
            "place": place,
            "place2": place2,
            "admin1": admin1,
            "actor": actor,
            "actor2": actor2,
            "air_actor": rng.choice(c.air),
            "state_actor": rng.choice(c.state),
        }

    def body(self, kind: str, main: dict[str, str], unique: str) -> str:
        """Lead paragraph, then events, background and non-events until the drawn length."""
        low, mode, high = (self.spec["length"][k] for k in ("min_chars", "mode_chars", "max_chars"))
        target = self.rng.triangular(low, high, mode)
        paragraphs = [self.event(kind, main)]
        size = len(paragraphs[0]) + len(unique)
        while size < target:
            paragraphs.append(self.paragraph(main))
            size += len(paragraphs[-1]) + 2
        paragraphs.insert(self.rng.randint(1, len(paragraphs)), unique)
        return "\n\n".join(paragraphs)

    def paragraph(self, main: dict[str, str]) -> str:
        """Another event (in the same area half the time), background or a non-event."""
        part = _weighted(self.rng, self.spec["paragraph_mix"])
        if part == "event":
            kinds = {k: w for k, w in self.spec["kinds"].items() if k != "none"}
            scene = self.scene() if self.rng.random() < 0.5 else main
            return self.event(_weighted(self.rng, kinds), scene)
        if part == "negative":
            return self.fill(self.pick(self.spec["negative"]), main)
        sentences = [self.pick(self.spec["background"]) for _ in range(self.rng.randint(1, 2))]
        return " ".join(self.fill(s, main) for s in sentences)

    def event(self, kind: str, scene: dict[str, str]) -> str:
        sentences = [self.pick(self.spec["leads"][kind])]
        if self.rng.random() < 0.6:
            sentences.append(self.pick(self.spec["follow"][kind]))
        return " ".join(self.fill(s, scene) for s in sentences)

    def pick(self, pool: list[str]) -> str:
        """A template not yet used in this article while any is left."""
        fresh = [t for t in pool if t not in self.used] or pool
        choice = self.rng.choice(fresh)
        self.used.add(choice)
        return choice

    def fill(self, template: str, scene: dict[str, str], **fixed: str) -> str:
        return template.format_map(_Slots(self, {**scene, **fixed}))

    def slot(self, name: str, scene: dict[str, str]) -> str:
        """A value drawn fresh for each use of a slot."""
        rng = self.rng
        if name == "date":
            return self.date_phrase()
        if name == "victims":
            return self.victims()
        if name == "injured":
            form = rng.choice(self.spec["injured_forms"])
            return form.format(n=_digits(rng, rng.randint(2, 15)))
        if name == "source":
            return self.fill(rng.choice(self.spec["sources"]), scene)
        numbers = {"num": (3, 9), "big": (120, 2500), "figure": (150, 9000)}
        if name in numbers:
            return _digits(rng, rng.randint(*numbers[name]))
        if name == "year":
            return str(self.published.year - rng.randint(2, 8))
        raise KeyError(f"unknown template slot {{{name}}} in {TEMPLATES}")

    def date_phrase(self) -> str:
        rng, dates = self.rng, self.spec["dates"]
        roll = rng.random()
        if roll < 0.55:
            return rng.choice(dates["relative"])[0]
        day = self.published - timedelta(days=rng.randint(1, 6))
        if roll < 0.8:
            weekday = dates["weekdays"][day.weekday()]
            return f"يوم {weekday}" if rng.random() < 0.5 else f"{weekday} الماضي"
        months = dates["months_levant"] if rng.random() < 0.6 else dates["months_msa"]
        return f"في {_digits(rng, day.day)} {months[day.month - 1]}"

    def victims(self) -> str:
        rng = self.rng
        noun = rng.choice(self.spec["nouns"])
        roll = rng.random()
        if roll < 0.12:
            return f"{rng.choice(self.spec['vague'])} ال{noun['many']}"
        if roll < 0.3:
            return noun["one"]
        if roll < 0.45:
            return noun["two"]
        count = rng.randint(3, 10) if roll < 0.9 else rng.randint(11, 40)
        if count > 10:
            return f"{_digits(rng, count)} {noun['acc']}"
        if rng.random() < 0.4:
            return f"{self.spec['number_words'][count - 3]} {noun['many']}"
        return f"{_digits(rng, count)} {noun['many']}"


class _Slots(dict):
    """format_map mapping: scene slots as given, the others drawn when a template asks."""

    def __init__(self, writer: _Writer, scene: dict[str, str]):
        super().__init__(scene)
        self.writer = writer

    def __missing__(self, name: str) -> str:
        return self.writer.slot(name, dict(self))


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _digits(rng: random.Random, value: int) -> str:
    """A number in ASCII digits, or (three times in ten) in Arabic-Indic ones."""
    text = str(value)
    return text.translate(_INDIC_DIGITS) if rng.random() < 0.3 else text


def _places(gazetteer: Path, isos: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """(first Arabic name, governorate's Arabic name) of every named place, by country."""
    with open(gazetteer / "admin1.csv", encoding="utf-8", newline="") as fh:
        admin1 = {(r["iso"], r["admin1_code"]): r["names_ar"].split("|")[0] for r in csv.DictReader(fh)}
    found: dict[str, list[tuple[str, str]]] = {iso: [] for iso in isos}
    with open(gazetteer / "places.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            unit = admin1.get((row["iso"], row["admin1_code"]))
            if row["iso"] in found and row["names_ar"] and unit:
                found[row["iso"]].append((row["names_ar"].split("|")[0], unit))
    return found


def _country(iso: str, places: list[tuple[str, str]], actors: list[dict]) -> Country:
    armed, state, air = [], [], []
    for actor in actors:
        if actor["inter"] not in ARMED_INTER or actor.get("generic"):
            continue
        aliases = [a for a in actor.get("aliases", []) if "*" not in a]
        home = actor.get("home", "")
        if home in (iso, ""):
            armed += aliases
        if actor["inter"] == 1 and home == iso:
            state += aliases
        if actor["inter"] == 8 or (actor["inter"] == 1 and home in (iso, *AIR_POWERS)):
            air += aliases
    if len(places) < 2 or len(armed) < 2 or not state:
        raise ValueError(f"{iso}: the gazetteer and actors.yaml name too little to write articles about it")
    return Country(iso, tuple(places), tuple(armed), tuple(state), tuple(air))
