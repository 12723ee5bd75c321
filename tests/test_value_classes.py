"""The extractor's value classes write their __init__, __eq__ and __hash__ out (compiled, the ones
dataclasses writes run as Python); they must keep the meaning dataclasses gave them."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest

from eventlake.actors import Roles
from eventlake.candidate import Candidate
from eventlake.casualties import Casualties
from eventlake.dates import EventDate
from eventlake.lexicon_types import Actor, Place
from eventlake.matcher import Entry, Hit
from eventlake.places import Location, Mention
from eventlake.sentence import SentenceHits
from eventlake.text import Derived, Span

ARMY = Actor("Military Forces of Syria", 1, "SY")
TOWN = Place(170063, "Aleppo", "SY", "09", "Aleppo", 36.2, 37.16, 1_800_000, "city")
WRITTEN_OUT = (Hit, Roles, Casualties, EventDate, Location, Mention, Candidate, SentenceHits)


@pytest.mark.parametrize("cls", WRITTEN_OUT)
def test_the_hot_classes_write_their_init(cls: type) -> None:
    # A dataclass-made __init__ is named "__create_fn__.<locals>.__init__"; a compiled one has no code.
    init = cls.__init__
    assert getattr(init, "__qualname__", f"{cls.__name__}.__init__") == f"{cls.__name__}.__init__"


def _hit(start: int = 0, derived: Derived | None = None) -> Hit:
    derived = derived or Derived("قصف حلب", range(7), 7)
    return Hit(Entry("place", "حلب", TOWN), start, start + 3, "place", derived)


def test_a_hit_hashes_and_compares_as_the_dataclass_did() -> None:
    hit = _hit(4)
    assert hash(hit) == hash((hit.entry, 4, 7, "place"))
    assert hash(hit.entry) == hash(("place", "حلب", TOWN))
    assert hit == _hit(4, Derived("other", range(5), 5))  # the derived text is not compared
    assert hit != _hit(5) and hit != "حلب"
    assert replace(hit, start=5, end=8) == _hit(5)


@pytest.mark.parametrize(
    ("value", "other"),
    [
        (Roles(ARMY, None, "reported"), Roles(ARMY, None, "suspected")),
        (Casualties(2, None), Casualties(2, 0)),
        (EventDate(date(2025, 3, 1), 1, True), EventDate(date(2025, 3, 1), 1, True, reported=True)),
        (Location(TOWN, 1, Span(4, 7), 4), Location(TOWN, 2, Span(4, 7), 4)),
        (ARMY, Actor("Military Forces of Syria", 1, "SY", generic=True)),
        (TOWN, replace(TOWN, lat=36.21)),
    ],
)
def test_equal_values_are_equal_and_hash_as_their_fields(value: object, other: object) -> None:
    values = tuple(getattr(value, f.name) for f in fields(value) if f.compare)  # type: ignore[arg-type]
    assert hash(value) == hash(values)
    assert value == replace(value) and value != other and hash(value) != hash(other)  # type: ignore[type-var]
    assert value != values


def test_actors_ignore_where_their_local_names_hold() -> None:
    assert Actor("Military Forces of Syria", 1, "SY", local_in=("LB",)) == ARMY


def test_a_mention_and_a_sentence_view() -> None:
    derived = Derived("قصف حلب", range(7), 7)
    hit = _hit(4, derived)
    assert Mention(hit, (TOWN,)) == Mention(_hit(4), (TOWN,))
    view = SentenceHits("قصف حلب", derived, 0, 7, Span(0, 7), 0, 0, [hit])
    assert view.of("place") == [hit] and view.has("place") and not view.is_title
    assert replace(view, hits=[]).of("place") == []  # replace builds the view again, grouping its hits
