"""A candidate event: one event as one sentence tells it, before tellings of the same event merge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from eventlake.actors import Roles
from eventlake.casualties import Casualties
from eventlake.dates import EventDate
from eventlake.places import Location
from eventlake.sentence import SentenceHits

CITY: Final = 100_000  # population: a city, whose quarters and camps lie within it and whose outskirts reach far


@dataclass
class Candidate:
    """One event as one sentence tells it, before same-event candidates are merged. Treat as
    immutable (dataclasses.replace); not frozen, and built by a written-out __init__, so that
    compiled it builds natively (see matcher.Hit). Unhashable, as its sentence is."""

    sentence: SentenceHits
    sub_event_type: str
    inferred: bool  # type read from context (explosions + aircraft heard), not named
    location: Location | None
    date: EventDate
    roles: Roles
    casualties: Casualties
    heard: bool = False  # told only as explosions heard ("دويّ انفجارات"): maybe an echo of a strike

    def __init__(
        self,
        sentence: SentenceHits,
        sub_event_type: str,
        inferred: bool,
        location: Location | None,
        date: EventDate,
        roles: Roles,
        casualties: Casualties,
        heard: bool = False,
    ) -> None:
        self.sentence, self.sub_event_type, self.inferred, self.location = sentence, sub_event_type, inferred, location
        self.date, self.roles, self.casualties, self.heard = date, roles, casualties, heard

    def with_roles(self, roles: Roles) -> Candidate:
        """The same telling with other sides; typed, as dataclasses.replace runs as Python even compiled."""
        c = self
        return Candidate(c.sentence, c.sub_event_type, c.inferred, c.location, c.date, roles, c.casualties, c.heard)

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Lower is more specific: a town over a province, the body over the title, in over near,
        a camp or quarter over the city it lies in."""
        loc = self.location
        if loc is None:
            return (3, int(self.sentence.is_title), 3, 1)
        city = int(loc.place.population >= CITY)
        return (loc.place.rank, int(self.sentence.is_title), loc.precision, city)
