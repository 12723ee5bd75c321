"""The lexicon's value types (actors, triggers, places) and the compiled lexicon: plain data the
extraction rules read millions of times, kept apart from the loaders so they compile with the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from eventlake.matcher import Hit, Matcher


@dataclass(frozen=True)
class Actor:
    """A canonical actor; `home` decides when state forces count as external (inter 8)."""

    name: str
    inter: int
    home: str
    generic: bool = False
    authority: bool = False  # governs territory (SDF, HTS, Houthis): its detentions are arrests
    # countries where its local_aliases name it (default: home): "العدو" is Israel in Lebanon and Syria
    local_in: tuple[str, ...] = field(default=(), compare=False)
    # admin1 names where a drone strike no one claims is suspected to be this actor's
    drones_unclaimed_in: tuple[str, ...] = field(default=(), compare=False)

    # Written out (dataclasses would write them in Python): compiled, the rules' many
    # comparisons of actors run natively.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Actor):
            return NotImplemented
        return (self.name, self.inter, self.home, self.generic, self.authority) == (
            other.name,
            other.inter,
            other.home,
            other.generic,
            other.authority,
        )

    def __hash__(self) -> int:
        return hash((self.name, self.inter, self.home, self.generic, self.authority))


@dataclass(frozen=True)
class Trigger:
    """A trigger group: the sub-event type it names (or @attack/@explosion) and its priority."""

    sub_event_type: str
    priority: int
    needs_after: str | None = None  # a cue kind that must follow the trigger in its sentence ("cue:control")


@dataclass(frozen=True)
class Place:
    """A gazetteer place; admin units and countries are places too (kind admin1/country)."""

    geonameid: int | None
    name: str
    iso: str
    admin1_code: str
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    kind: str

    def __eq__(self, other: object) -> bool:  # written out, as Actor's
        if not isinstance(other, Place):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def _fields(self) -> tuple[int | None, str, str, str, str, float | None, float | None, int, str]:
        return (
            self.geonameid,
            self.name,
            self.iso,
            self.admin1_code,
            self.admin1,
            self.lat,
            self.lon,
            self.population,
            self.kind,
        )

    @property
    def rank(self) -> int:
        """How specific the place is: 0 a town or site, 1 an admin unit, 2 a country."""
        return {"admin1": 1, "country": 2}.get(self.kind, 0)


@dataclass(frozen=True)
class Lexicon:
    """Everything extraction reads from data/, compiled into one matcher."""

    matcher: Matcher
    weekday_needs_cue: frozenset[str]
    admin1_places: dict[tuple[str, str], Place]
    country_places: dict[str, Place]
    state_forces: dict[str, Actor]  # ISO code -> that state's "Military Forces of ..." actor
    drone_owners: dict[tuple[str, str], Actor]  # (ISO, admin1) -> whose unclaimed drones strike there
    version: str


# A hit's entry carries Any; these say which class it is, so compiled rules read its fields
# natively instead of through generic attribute lookups (the rules make millions).
def actor_of(hit: Hit) -> Actor:
    """The actor an actor hit names."""
    return cast(Actor, hit.entry.value)


def trigger_of(hit: Hit) -> Trigger:
    """The trigger group a trigger hit belongs to."""
    return cast(Trigger, hit.entry.value)


def place_of(hit: Hit) -> Place:
    """The place a place hit names."""
    return cast(Place, hit.entry.value)
