"""Lexicon loading: data/ YAML and CSV files -> frozen, checked, normalised Python objects.

Every entry is normalised on load with `arabic.normalize_key`, the same function the
matcher applies to article text, so a lexicon written with tashkeel or hamza still matches.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventlake.arabic import normalize_key
from eventlake.errors import LexiconError
from eventlake.lexicon_types import Actor, Lexicon, Place, Trigger
from eventlake.matcher import Entry, Matcher
from eventlake.schema import SUB_EVENT_TO_TYPE

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEXICON_DIR = DATA_DIR / "lexicons"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
JOINED_FIRST_WORDS = ("أبو ", "ابو ", "أم ", "ام ", "كفر ", "دير ", "تل ")  # written joined to the name as often


STATE_FORCES_PREFIX = "Military Forces of "
CUE_NAMES = (
    "air_context",
    "shelling_context",
    "ied_context",
    "planted",
    "remnant",
    "civilian_target",
    "home_or_shop",
    "quarrel",
    "hedge",
    "unknown",
    "habitual",
    "accident",
    "release",
    "total",
    "statement",
    "anaphora",
    "hypothetical",
    "between",
    "with",
    "owner",
    "support",
    "cause",
    "earlier_toll",
    "toll_rise",
    "toll_brought_to",
    "died_of_wounds",
    "cover",
    "reference",
    "took_part",
    "stray",
    "random_fire",
    "implicated",
    "held_responsible",
    "claimed",
    "recurring",
    "commenter",
    "suffered",
    "halt",
    "agency",
    "recalled",
    "long_ago",
    "appeal",
    "recap",
    "cell",
    "attackers",
    "freed",
    "pluperfect",
    "result",
    "retaliation",
    "amid",
    "repelled",
    "since",
    "attempted",
    "no_intervention",
    "investigate",
    "stepped_in",
    "sides_told",
    "buildings",
    "defuse",
    "found",
    "own_losses",
    "breach",
    "earlier_event",
    "behind",
    "military_site",
    "security_post",
    "at_sea",
    "anniversary",
    "until",
    "charge",
    "accuse",
    "direct_fire",
    "members_of",
    "mourned",
    "documented",
    "about",
    "slogan",
    "small_arms",
    "heavy_weapons",
    "government",
    "member_of_movement",
    "means",
    "ours",
    "spread",
    "crime",
    "former",
    "spokesman",
    "another",
    "later",
    "launched_from",
    "condemn",
    "origin",
    "fled_to",
    "actor_ref",
    "evening",
    "subset",
    "second_clause",
    "armed_victims",
    "negation",
    "attempt",
    "same_time",
    "next_day",
    "control",
    "target",
    "agent",
    "near",
    "countryside",
    "place_type",
    "source",
    "report",
    "protest",
    "lethal",
    "gathered",
    "tomorrow",
)
CASUALTY_NAMES = ("killed", "injured", "count_before", "vague", "zero", "unknown", "singular", "dual", "losses")
CONTEXT_TRIGGERS = ("@attack", "@explosion", "@assassination")


@dataclass(frozen=True)
class Boilerplate:
    """Site furniture: `cut_from` lines end the article, `drop_lines` are removed where they stand."""

    cut_from: tuple[str, ...]
    drop_lines: tuple[str, ...]


class _UniqueKeyLoader(yaml.SafeLoader):
    """A key given twice in one mapping is an error: YAML would silently keep the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        repeated = sorted({str(k) for k in keys if keys.count(k) > 1})
        if repeated:
            problem = f"key given twice: {', '.join(repeated)}"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning parser errors (and repeated keys) into LexiconError naming the file."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_UniqueKeyLoader)  # a SafeLoader: builds plain data only
    except OSError as exc:
        raise LexiconError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"not valid YAML: {exc}", path=str(path)) from exc


def load_boilerplate(path: Path = LEXICON_DIR / "boilerplate.yaml") -> Boilerplate:
    """Load the boilerplate phrase lists, normalised for matching."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError("expected a mapping with cut_from and drop_lines", path=str(path))
    lists = {key: _string_list(data, key, path) for key in ("cut_from", "drop_lines")}
    return Boilerplate(**lists)


def _string_list(data: dict, key: str, path: Path) -> tuple[str, ...]:
    values = data.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise LexiconError(f"{key} must be a list of non-empty strings", path=str(path), entry=key)
    keys = [normalize_key(v) for v in values]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise LexiconError(f"duplicate entries {dupes}", path=str(path), entry=key)
    return tuple(keys)


# The last lexicon loaded, by its directory and its files' digest. The command line loads it
# while Prefect's server boots; the flow's own load then costs a digest (milliseconds), not 0.6 s.
_last_loaded: tuple[tuple[Path, str], Lexicon] | None = None


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every lexicon and gazetteer file under `data_dir` and compile one matcher; the same
    files again give the same Lexicon (read-only, shared) without compiling it twice."""
    global _last_loaded
    key = (data_dir.resolve(), _digest(_lexicon_files(data_dir)))
    if _last_loaded is None or _last_loaded[0] != key:
        _last_loaded = (key, _read_lexicon(data_dir, version=key[1]))
    return _last_loaded[1]


def _lexicon_files(data_dir: Path) -> list[Path]:
    """The files a lexicon is read from: its version is their digest."""
    lex, gaz = data_dir / "lexicons", data_dir / "gazetteer"
    return sorted(lex.glob("*.yaml")) + sorted(gaz.glob("*.csv")) + sorted(gaz.glob("*.txt"))


def _read_lexicon(data_dir: Path, *, version: str) -> Lexicon:
    lex, gaz = data_dir / "lexicons", data_dir / "gazetteer"
    admin1 = dict(_admin1_places(gaz / "admin1.csv"))
    countries = dict(_country_places(gaz / "countries.csv"))
    # stoplist_<region>.txt and cue_only_<region>.txt go with supplement_<region>.csv
    stop = frozenset().union(*(_word_list(f) for f in sorted(gaz.glob("stoplist*.txt"))))
    cue_only = frozenset().union(*(_word_list(f) for f in sorted(gaz.glob("cue_only*.txt"))))
    entries: list[Entry] = []
    actors = _actor_entries(lex / "actors.yaml")
    entries += actors
    entries += _trigger_entries(lex / "events.yaml")
    entries += _named_lists(lex / "cues.yaml", CUE_NAMES, "cue")
    entries += _named_lists(lex / "casualties.yaml", CASUALTY_NAMES, "cas")
    date_entries, needs_cue = _date_entries(lex / "dates.yaml")
    entries += date_entries
    for path in (gaz / "places.csv", *sorted(gaz.glob("supplement*.csv"))):  # supplement_<region>.csv too
        entries += _place_entries(path, admin1, stop, cue_only)
    units = [(p, n) for p, names in (*admin1.values(), *countries.values()) for n in names if n]
    entries += [_place_entry(n, p, stop, cue_only) for p, n in units]
    return Lexicon(
        matcher=Matcher(entries),
        weekday_needs_cue=needs_cue,
        admin1_places={k: p for k, (p, _) in admin1.items()},
        country_places={k: p for k, (p, _) in countries.items()},
        state_forces={e.value.home: e.value for e in actors if e.value.name.startswith(STATE_FORCES_PREFIX)},
        drone_owners=_drone_owners(_actors_in(actors), admin1, lex / "actors.yaml"),
        version=version,
    )


def load_actors(path: Path = LEXICON_DIR / "actors.yaml") -> list[Actor]:
    """The actor dictionary, checked: unique names, inter codes 1-8."""
    return _actors_in(_actor_entries(path))


def _actors_in(entries: list[Entry]) -> list[Actor]:
    """Each actor once, from its entries (the one under its English name)."""
    return [entry.value for entry in entries if entry.kind == "actor" and entry.phrase == entry.value.name]


def load_triggers(path: Path = LEXICON_DIR / "events.yaml") -> list[Trigger]:
    """The trigger groups, checked: every sub_event_type is ACLED's or a context kind."""
    return sorted({e.value for e in _trigger_entries(path)}, key=lambda t: -t.priority)


def _actor_entries(path: Path) -> list[Entry]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise LexiconError("expected a list of actors", path=str(path))
    entries, seen = [], set()
    for item in data:
        name = _require(item, "name", str, path)
        inter = _require(item, "inter", int, path, entry=name)
        if name in seen:
            raise LexiconError("duplicate actor name", path=str(path), entry=name)
        if not 1 <= inter <= 8:
            raise LexiconError(f"inter must be 1-8, got {inter}", path=str(path), entry=name)
        seen.add(name)
        home = str(item.get("home") or "")
        local_in = tuple(item.get("local_in") or [home])
        drones = tuple(str(state) for state in item.get("drones_unclaimed_in") or [])
        actor = Actor(name, inter, home, bool(item.get("generic")), bool(item.get("authority")), local_in, drones)
        entries.append(Entry("actor", name, actor))  # the English name, for load_actors
        aliases = _require(item, "aliases", list, path, entry=name)
        entries += [Entry("actor", str(a), actor) for a in aliases]
        entries += [Entry("actor_adj", str(a), actor) for a in item.get("adjectives") or []]
        entries += [Entry("actor_local", str(a), actor) for a in item.get("local_aliases") or []]
    return entries


def _drone_owners(actors: list[Actor], admin1: dict, path: Path) -> dict[tuple[str, str], Actor]:
    """ "drones_unclaimed_in: [Northern, ...]": whose drones strike there when no one claims them."""
    states = {(iso, place.name) for (iso, _), (place, _) in admin1.items()}
    owners = {}
    for actor in actors:
        for state in actor.drones_unclaimed_in:
            if (actor.home, state) not in states:
                raise LexiconError(f"drones_unclaimed_in: no admin1 {state!r} in {actor.home}", path=str(path))
            owners[actor.home, state] = actor
    return owners


def _trigger_entries(path: Path) -> list[Entry]:
    data = read_yaml(path)
    if not isinstance(data, list):
        raise LexiconError("expected a list of trigger groups", path=str(path))
    entries = []
    for item in data:
        sub = _require(item, "sub_event_type", str, path)
        if sub not in SUB_EVENT_TO_TYPE and sub not in CONTEXT_TRIGGERS:
            known = ", ".join(sorted(SUB_EVENT_TO_TYPE))
            raise LexiconError(f"unknown sub_event_type; use one of: {known}", path=str(path), entry=sub)
        needs = item.get("needs_after")
        if needs is not None and str(needs).removeprefix("cue:") not in CUE_NAMES:
            message = f"needs_after {needs!r} is not a cue list (cue:<name> of cues.yaml)"
            raise LexiconError(message, path=str(path), entry=sub)
        trigger = Trigger(sub, _require(item, "priority", int, path, entry=sub), needs)
        entries += [Entry("trigger", str(p), trigger) for p in _require(item, "phrases", list, path, entry=sub)]
    return entries


def _named_lists(path: Path, names: tuple[str, ...], prefix: str) -> list[Entry]:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError("expected a mapping of lists", path=str(path))
    unknown = sorted(set(data) - set(names))
    if unknown:
        raise LexiconError(f"unknown list(s) {unknown}; expected {list(names)}", path=str(path))
    return [Entry(f"{prefix}:{name}", str(p)) for name in names for p in _list(data, name, path)]


def _date_entries(path: Path) -> tuple[list[Entry], frozenset[str]]:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError("expected a mapping", path=str(path))
    entries = []
    for phrase, value in (data.get("relative") or {}).items():
        if not (isinstance(value, list) and len(value) == 2 and value[1] in (1, 2, 3)):
            raise LexiconError("expected [days_before, time_precision]", path=str(path), entry=phrase)
        entries.append(Entry("date:relative", phrase, (int(value[0]), int(value[1]))))
    for kind in ("weekdays", "months", "ordinal_days"):
        for phrase, number in (data.get(kind) or {}).items():
            entries.append(Entry(f"date:{kind[:-1]}", phrase, int(number)))
    entries += [Entry("date:this_month", p, int(n)) for p, n in (data.get("this_month") or {}).items()]
    entries += [Entry("date:weekday_past", p) for p in _list(data, "weekday_past", path)]
    entries += [Entry("date:weekday_before_last", p) for p in _list(data, "weekday_before_last", path)]
    entries += [Entry("date:weekday_lead", p) for p in _list(data, "weekday_lead", path)]
    needs_cue = frozenset(normalize_key(p) for p in _list(data, "weekday_needs_cue", path))
    return entries, needs_cue


def _place_entry(name: str, place: Place, stop: frozenset[str], cue_only: frozenset[str]) -> Entry:
    """A place name. One that is also a common word must follow a place cue: a word in the
    stoplist (الكرامة) only a place-type word (بلدة الكرامة), a cue-only name (الباب) also a
    direction or countryside word (ريف الباب)."""
    key = normalize_key(name)
    kind = "place_typed" if key in stop else "place_cued" if key in cue_only else "place"
    return Entry(kind, name, place)


def _place_entries(path: Path, admin1: dict, stop: frozenset[str], cue_only: frozenset[str]) -> Iterator[Entry]:
    if not path.exists():
        return
    for row in _csv_rows(path, ("geonameid", "name", "iso", "admin1_code", "lat", "lon", "names_ar")):
        known = admin1.get((row["iso"], row["admin1_code"]))
        place = Place(
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            name=row["name"],
            iso=row["iso"],
            admin1_code=row["admin1_code"],
            admin1=known[0].admin1 if known else row.get("admin1", ""),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=int(row.get("population") or 0),
            kind=row.get("kind") or "town",
        )
        for name in filter(None, row["names_ar"].split("|")):
            for spelling in (joined for inflected in _inflected(name) for joined in _joined_spellings(inflected)):
                yield _place_entry(spelling, place, stop, cue_only)


def _inflected(name: str) -> list[str]:
    """ "ناحية أبي صيدا", "قرب أبا غريب": أبو in a name takes the case of its place in the sentence."""
    for abu in ("أبو ", "ابو "):
        if name.startswith(abu):
            rest = name[len(abu) :]
            return [name, "أبي " + rest, "أبا " + rest]
    return [name]


def _joined_spellings(name: str) -> list[str]:
    """ "أبو سليم" is also written "أبوسليم", "كفر زيتا" "كفرزيتا": news join these first words
    to the name as often as not (not before "ال": "دير الزور" stays apart)."""
    for first in JOINED_FIRST_WORDS:
        rest = name[len(first) :]
        if name.startswith(first) and len(rest) > 2 and not rest.startswith(("ال", "أل")):
            return [name, first.strip() + rest]
    return [name]


def _admin1_places(path: Path) -> Iterator[tuple[tuple[str, str], tuple[Place, list[str]]]]:
    for row in _csv_rows(path, ("iso", "admin1_code", "admin1", "names_ar", "lat", "lon")):
        place = Place(
            None,
            row["admin1"],
            row["iso"],
            row["admin1_code"],
            row["admin1"],
            _float(row["lat"]),
            _float(row["lon"]),
            0,
            "admin1",
        )
        yield (row["iso"], row["admin1_code"]), (place, row["names_ar"].split("|"))


def _country_places(path: Path) -> Iterator[tuple[str, tuple[Place, list[str]]]]:
    for row in _csv_rows(path, ("iso", "name", "names_ar", "lat", "lon")):
        place = Place(None, row["name"], row["iso"], "", "", _float(row["lat"]), _float(row["lon"]), 0, "country")
        yield row["iso"], (place, row["names_ar"].split("|"))


def _word_list(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_key(x) for x in lines if x.strip() and not x.startswith("#"))


def _csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise LexiconError(f"missing column(s) {missing}", path=str(path))
            for number, row in enumerate(reader, start=2):
                if any(row.get(c) is None for c in required):
                    raise LexiconError("row has too few fields", path=str(path), entry=f"line {number}")
                yield row
    except OSError as exc:
        raise LexiconError(f"cannot read: {exc.strerror}", path=str(path)) from exc


def _require(item: Any, key: str, kind: type, path: Path, *, entry: str | None = None) -> Any:
    if not isinstance(item, dict) or not isinstance(item.get(key), kind):
        raise LexiconError(f"field {key!r} must be a {kind.__name__}", path=str(path), entry=entry)
    return item[key]


def _list(data: dict, key: str, path: Path) -> list[str]:
    values = data.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str | int) for v in values):
        raise LexiconError(f"{key} must be a list of strings", path=str(path), entry=key)
    return [str(v) for v in values]


def _float(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def _digest(paths: list[Path]) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:12]
