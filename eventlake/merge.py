"""Events told again: fold the candidates of one article that tell the same event into one
(title, lead, body and later details), and drop tellings that add no event of their own
(lone headlines, echoes of strikes heard, interceptions of a raid already told)."""

from __future__ import annotations

from dataclasses import replace
from typing import Final, cast

from eventlake.actors import Roles
from eventlake.candidate import CITY, Candidate
from eventlake.casualties import CIVILIANS_INTER, Casualties, risen_toll
from eventlake.geo import haversine_km
from eventlake.lexicon_types import Actor, Place, actor_of
from eventlake.places import Location
from eventlake.schema import SUB_EVENT_TO_TYPE
from eventlake.triggers import STRIKES

REMOTE: Final = "Explosions/Remote violence"
OUTSKIRTS_KM: Final = 25.0
CITY_KM: Final = 8.0  # a city's own neighbourhoods and camps
RETELL_KM: Final = 5.0  # a village away: a telling that names no side may be of the same fight
TICKER: Final = "عاجل"
# One protest told as a sit-in, then as dispersed or as a riot: the most severe telling names it.
PROTEST_RANK: Final = {
    "Peaceful protest": 1,
    "Protest with intervention": 2,
    "Violent demonstration": 3,
}
# Its dead told as shot ("قُتل مواطنان برصاص الجيش") and the shooting at the protest: the latter names it.
FOLD_RANK: Final = {**PROTEST_RANK, "Excessive force against protesters": 0.5, "Arrests": 0.5}
EARSHOT_KM: Final = 30.0  # "سماع دوي انفجارات في سماء دمشق" during strikes on its outskirts


def merge_tellings(candidates: list[Candidate]) -> list[Candidate]:
    """The article's events: same-event candidates folded, then tellings that add none dropped."""
    events = _drop_echoes(_drop_lone_headlines(_merge(candidates)))
    events = _the_attackers_again(_drop_shells_of_a_fight(_drop_raid_interceptions(events)))
    return _sides_of_a_spread_fight(_shared_perpetrator(events))


def _drop_shells_of_a_fight(events: list[Candidate]) -> list[Candidate]:
    """ "قذائف سقطت على عدد من المنازل في محيط طريق الشط" during a street fight that day in the
    same city: shells nobody fired by name are the fight's, not an attack of their own."""
    fights = [e for e in events if e.sub_event_type == "Armed clash" and _named(e.roles.actor1) and e.location]

    def the_fights(e: Candidate) -> bool:
        if e.sub_event_type != "Shelling/artillery/missile attack" or e.roles.actor1 is not None or not e.location:
            return False
        return any(f.date.day == e.date.day and _within(f, e, CITY_KM) for f in fights)

    return [e for e in events if not the_fights(e)]


def _within(a: Candidate, b: Candidate, km: float) -> bool:
    """The two events' places are one, or both have coordinates and lie within `km`."""
    pa_, pb = _place(a), _place(b)
    if pa_ == pb:
        return True
    return None not in (pa_.lat, pa_.lon, pb.lat, pb.lon) and haversine_km(*_point(pa_), *_point(pb)) <= km


def _place(c: Candidate) -> Place:
    """The place of a candidate known to have a location."""
    return cast(Location, c.location).place


def _point(place: Place) -> tuple[float, float]:
    """The place's (lat, lon), for a place known to have them."""
    return cast(float, place.lat), cast(float, place.lon)


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """Fold candidates that tell the same event into the most specific telling."""
    groups: list[list[Candidate]] = []
    for cand in candidates:
        for group in groups:
            if all(_same_event(cand, other) for other in group):
                group.append(cand)
                break
        else:
            groups.append([cand])
    return [_fold(group) for group in groups]


def _drop_lone_headlines(events: list[Candidate]) -> list[Candidate]:
    """A headline summarises the body; when the body reports events, a headline that matched none
    of them is a summary (قتلى مدنيون في تعز والحديدة وصعدة), not another event."""
    body = [e for e in events if not e.sentence.is_title]
    return body or events


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return _one_protest(a, b) or _taken_away_when_arrested(a, b) or _taken_away_when_arrested(b, a)
    if not _same_day(a, b):
        return False
    if a.sentence is b.sentence and _two_places(a, b) and (a.roles.actor1 != b.roles.actor1 or _two_towns(a, b)):
        return False  # "قصفت القوات التركية قرية العريمة، وردّت قوات المجلس بقصف محيط مدينة الباب"
    if _two_named_sides(a, b) and not (_civilians_of_a_fight(a) or _civilians_of_a_fight(b) or _one_fight_retold(a, b)):
        return False
    if a.location is None or b.location is None or _attackers_told(a, b):
        return True
    pa_, pb = a.location.place, b.location.place
    if pa_.iso != pb.iso or (pa_.admin1 and pb.admin1 and pa_.admin1 != pb.admin1 and not _outskirts(a, b)):
        return False
    if pa_ == pb or pa_.rank > 0 or pb.rank > 0 or a.sentence.is_title or b.sentence.is_title:
        return True
    return _outskirts(a, b) or _unnamed_retelling(a, b) or _inside_the_city(a, b)


def _attackers_told(a: Candidate, b: Candidate) -> bool:
    """ "وقالت غرفة طوارئ القطينة إن المهاجمين «عناصر من الدعم السريع ... أطلقوا النار»": a later,
    undated telling of who "the attackers" were is the attack told, wherever its speaker sits."""
    later = max(a, b, key=lambda c: c.sentence.index)
    return later.sentence.has("cue:attackers") and not later.date.explicit and not later.sentence.has("cue:another")


def _two_named_sides(a: Candidate, b: Candidate) -> bool:
    """Two tellings naming two different perpetrators (not one fight told from either side)."""
    return _named(a.roles.actor1) and _named(b.roles.actor1) and a.roles.actor1 != b.roles.actor1 and not _swapped(a, b)


def _one_fight_retold(a: Candidate, b: Candidate) -> bool:
    """ "قواتنا تصدّت لهجوم نفّذته مجموعات مرتبطة بالنظام" after "مواجهات بين قسد ومقاتلين من العشائر"
    in the same town: one side's telling of the fight, naming the other its own way."""
    if a.sub_event_type != "Armed clash" or a.location is None or b.location is None:
        return False
    if a.location.place != b.location.place:
        return False
    return bool(_named_sides(a) & _named_sides(b)) or _side_of_the_first(a, b) or _side_of_the_first(b, a)


def _side_of_the_first(a: Candidate, b: Candidate) -> bool:
    """ "وقال المتحدث باسم القوة المشتركة إن الهجوم «تم دحره»" after "أن قواتها والقوة المشتركة
    تصدّت لهجوم شنّته الدعم السريع": a side named in the first telling tells of the attack it repelled."""
    if b.sentence.index <= a.sentence.index or not b.sentence.has("cue:repelled") or _named(b.roles.actor2):
        return False
    return b.roles.actor1 in {actor_of(h) for h in a.sentence.of("actor")}


def _civilians_of_a_fight(c: Candidate) -> bool:
    """ "ارتفاع حصيلة الاشتباكات إلى تسعة قتلى، بينهم مدنيان": a clash whose other side is civilians
    is the toll of a fight told, not a fight of its own."""
    return c.sub_event_type == "Armed clash" and c.roles.actor2 is not None and c.roles.actor2.inter == CIVILIANS_INTER


def _two_places(a: Candidate, b: Candidate) -> bool:
    return a.location is not None and b.location is not None and a.location.place != b.location.place


def _two_towns(a: Candidate, b: Candidate) -> bool:
    """ "قُتل مسلحان في محاور سوق الجمعة، فيما امتدت الاشتباكات إلى باب تاجوراء": one sentence's two
    towns are two events."""
    return _place(a).rank == 0 and _place(b).rank == 0


def _one_protest(a: Candidate, b: Candidate) -> bool:
    """A protest told as a sit-in and as dispersed or a riot, or its dead told as shot by a force
    that fired on it: the same place on the same day."""
    if _shot_at_the_protest(a, b) or _shot_at_the_protest(b, a):
        return a.location is not None and b.location is not None and a.location.place == b.location.place
    if not {a.sub_event_type, b.sub_event_type} <= PROTEST_RANK.keys() or not _same_day(a, b):
        return False
    if max(a, b, key=lambda c: c.sentence.index).sentence.has("cue:later"):
        return False  # "وفي وقت لاحق، نظّم العشرات وقفة احتجاجية": a second protest that day
    return a.location is not None and b.location is not None and a.location.place == b.location.place


def _shot_at_the_protest(a: Candidate, b: Candidate) -> bool:
    """ "قُتل مواطنان برصاص الجيش الإسرائيلي" and "أطلق الجنود النار على المحتجين" that day: one shooting."""
    if a.sub_event_type != "Attack" or b.sub_event_type != "Excessive force against protesters":
        return False
    return _named(a.roles.actor1) and a.roles.actor1 == b.roles.actor1 and _same_day(a, b)


def _taken_away_when_arrested(a: Candidate, b: Candidate) -> bool:
    """ "داهمت المنازل واعتقلت ثلاثة شبان", then "واقتادوا الشبان الثلاثة إلى جهة مجهولة": the
    arrested taken away that day, by no other force named, are the arrest told on."""
    if a.sub_event_type != "Arrests" or b.sub_event_type != "Abduction/forced disappearance":
        return False
    if (_named(b.roles.actor1) and b.roles.actor1 != a.roles.actor1) or not _same_day(a, b):
        return False
    if b.sentence.has("cue:another"):
        return False  # "وفي حادثة منفصلة، اقتاد مسلحون مواطناً"
    return b.location is None or (a.location is not None and a.location.place == b.location.place)


def _inside_the_city(a: Candidate, b: Candidate) -> bool:
    """ "قصفها المدفعي على أحياء مدينة الفاشر" and "قذائف على مخيم أبو شوك" by the same force that
    day: a place inside the city is the city's event told precisely."""
    one_side = a.roles.actor1 == b.roles.actor1 or None in (a.roles.actor1, b.roles.actor1)  # told unnamed first
    if not (one_side and (_named(a.roles.actor1) or _named(b.roles.actor1))):
        return False
    pa_, pb = _place(a), _place(b)
    camp = {pa_.kind, pb.kind} == {"camp", "neighbourhood"}  # "حي حطين" in مخيم عين الحلوة
    if max(pa_.population, pb.population) < CITY and not camp:
        return False
    return _within(a, b, CITY_KM)


def _unnamed_retelling(a: Candidate, b: Candidate) -> bool:
    """ "واشتبكوا مع عناصرها" on "محور الفطيرة" after "عملية نفّذها مقاتلو الهيئة قرب كفرنبل": a later
    telling that names no side, a village away, is the same fight told in detail."""
    later = max(a, b, key=lambda c: c.sentence.index)
    if _named(later.roles.actor1) or _named(later.roles.actor2) or later.sentence.has("cue:another"):
        return False
    return _within(a, b, RETELL_KM)


def _outskirts(a: Candidate, b: Candidate) -> bool:
    """ "محيط دمشق" and الكسوة: a city's outskirts lie in the next province; near enough, one event.
    So do a town's for a fight ("هجوماً جنوب شرقي منبج" and "محور قرية أبو قلقل") told with the same sides."""
    near = [c for c in (a, b) if cast(Location, c.location).precision >= 2]
    one_fight = a.sub_event_type == "Armed clash" and _same_named_sides(a, b)  # strikes on two villages are two
    if not near or not (any(_place(c).population >= CITY for c in near) or one_fight):
        return False
    return _within(a, b, OUTSKIRTS_KM)


def _same_named_sides(a: Candidate, b: Candidate) -> bool:
    """The sides one telling names are among the other's ("مقتل 9 من المرتزقة" told by the side hit)."""
    named_a, named_b = _named_sides(a), _named_sides(b)
    return bool(named_a and named_b) and (named_a <= named_b or named_b <= named_a)


def _swapped(a: Candidate, b: Candidate) -> bool:
    """One clash told from either side: "صدّ الجيش هجوم الدعم السريع" and "هاجمت الدعم السريع الجيش",
    or by the side attacked alone ("إن القوات تصدّت للهجوم")."""
    if a.sub_event_type != "Armed clash":
        return False  # shells answered with shells are two attacks, one each way
    if a.roles.actor1 == b.roles.actor2 and a.roles.actor2 == b.roles.actor1:
        return True
    return (b.roles.actor2 is None and b.roles.actor1 == a.roles.actor2) or (
        a.roles.actor2 is None and a.roles.actor1 == b.roles.actor2
    )


def _named_sides(c: Candidate) -> set[Actor]:
    return {cast(Actor, x) for x in c.roles.sides if _named(x)}


def _named(actor: Actor | None) -> bool:
    return actor is not None and not actor.generic


def _headline(c: Candidate) -> bool:
    """The title, or a breaking-news ticker line ("عاجل | ..."), which dates nothing itself."""
    return c.sentence.is_title or c.sentence.text.lstrip().startswith(TICKER)


def _same_day(a: Candidate, b: Candidate) -> bool:
    """A headline rarely dates its event, a statement's date is not the event's, and a later
    undated mention of the province ("قال مصدر في عمليات ديالى إن ...") retells it: all yield."""
    if a.date.day == b.date.day:
        return True
    if any((_headline(c) and not c.date.explicit) or c.date.reported for c in (a, b)):
        return True
    if any(not c.date.explicit and c.location is not None and c.location.place.rank > 0 for c in (a, b)):
        return True
    return _undated_retelling(a, b)


def _undated_retelling(a: Candidate, b: Candidate) -> bool:
    """ "وذكرت قيادة العمليات في بيان أن «قطعاتنا تعرّضت لإطلاق نار»" after the clash of yesterday
    in the same town: a later sentence with no date of its own retells the dated one."""
    later, earlier = sorted((a, b), key=lambda c: c.sentence.index, reverse=True)
    if later.date.explicit or not earlier.date.explicit or later.sentence.has("cue:another"):
        return False
    if later.location is None or earlier.location is None:
        return False
    return later.location.place == earlier.location.place


def _fold(group: list[Candidate]) -> Candidate:
    best = min(group, key=lambda c: (-FOLD_RANK.get(c.sub_event_type, 0), c.specificity))
    body = [c for c in group if not c.sentence.is_title]
    if best.sentence.is_title and body:
        best = replace(best, sentence=body[0].sentence)  # the headline's place, the body's telling
    dated = [c for c in group if c.date.explicit and not c.date.reported]
    if dated and (best.date.reported or not best.date.explicit):
        best = replace(best, date=dated[0].date)
    with_actor = sorted(  # a named perpetrator first ("داعش يعدم راعيين" over "مسلحون" in the body)
        (c for c in group if c.roles.actor1 is not None),
        key=lambda c: (cast(Actor, c.roles.actor1).generic, c.specificity),
    )
    roles = best.roles
    if with_actor and (roles.actor1 is None or roles.actor1.generic):
        civilians = roles.actor2 is not None and roles.actor2.inter == CIVILIANS_INTER
        victims = roles.actor2 if civilians and best.casualties.fatalities else None
        roles = with_actor[0].roles
        if victims is not None and roles.actor1 != victims:  # "قُتل ١٥ مدنياً بقصف ..." then the army's claim
            roles = roles.with_actor2(victims)
    elif roles.actor2 is None:  # "تضاربت روايات الجيش ... بشأن المعارك", then who attacked whom
        both = [c.roles for c in group if _named(c.roles.actor1) and c.roles.actor2 and roles.actor1 in c.roles.sides]
        roles = both[0] if both else roles
    roles = _claims_cancel(_attacker_told(roles, group), group)
    first = min(group, key=lambda c: (c.sentence.is_title, c.sentence.index)).roles  # the lead's telling
    told_outright = first.attribution == "reported" and first.actor1 == roles.actor1  # a later one may hedge
    suspected = any(c.roles.attribution == "suspected" for c in group) and not told_outright
    if suspected and roles.actor1 is not None and not roles.paired:
        roles = roles.with_attribution("suspected")
    if roles.actor2 is None:  # the other side a telling names, never the perpetrator again
        others = (c.roles.actor2 for c in group if c.roles.actor2 and c.roles.actor2 != roles.actor1)
        roles = roles.with_actor2(next(others, None))
    fatalities = _risen(group)
    fatalities = _first_known([best, *group], "fatalities") if fatalities is None else fatalities
    fatalities = _both_sides_dead(group, fatalities) if best.sub_event_type == "Armed clash" else fatalities
    injuries = _first_known([best, *group], "injuries")
    inferred = all(c.inferred for c in group)  # one telling that names the weapon names it for all
    heard = all(c.heard for c in group)
    toll = Casualties(fatalities, injuries)
    b = best  # built whole: dataclasses.replace runs as Python even compiled, and this runs per event
    return Candidate(b.sentence, b.sub_event_type, inferred, b.location, b.date, roles, toll, heard)


def _attacker_told(roles: Roles, group: list[Candidate]) -> Roles:
    """ "معارك بين الجيش والدعم السريع", then "دحرت قواتنا هجوماً لميليشيا آل دقلو": "بين" names the
    two sides in no order; the defender's telling of an attack it repelled puts the attacker first."""
    if not roles.paired or roles.actor1 == roles.actor2:
        return roles
    swapped = (roles.actor2, roles.actor1)
    told = any(c.sentence.has("cue:repelled") and (c.roles.actor1, c.roles.actor2) == swapped for c in group)
    return replace(roles, actor1=roles.actor2, actor2=roles.actor1) if told else roles


def _claims_cancel(roles: Roles, group: list[Candidate]) -> Roles:
    """Each side says it repelled the other ("تصدّت لهم قواتنا", "أحبطوا هجوماً لميليشيا قسد"): the
    claims cancel and the fight keeps the order its neutral telling ("بين X وY") gave."""
    paired = next((c.roles for c in group if c.roles.paired), None)
    if paired is None or set(paired.sides) != set(roles.sides) or (paired.actor1, paired.actor2) == roles.sides:
        return roles
    claims = {(c.roles.actor1, c.roles.actor2) for c in group if c.sentence.has("cue:repelled")}
    both = {roles.sides, (roles.actor2, roles.actor1)} <= claims
    both = both or any(len(c.sentence.of("cue:repelled")) > 1 for c in group)  # "تصدّت ...، في حين ... أحبطوا"
    return replace(roles, actor1=paired.actor1, actor2=paired.actor2) if both else roles


def _risen(group: list[Candidate]) -> int | None:
    """The latest toll a telling says the dead have risen to ("حصيلة القصف ارتفعت إلى سبعة قتلى")."""
    risen = [c for c in group if (k := c.casualties.fatalities) is not None and risen_toll(c.sentence) == k]
    return max(risen, key=lambda c: c.sentence.index).casualties.fatalities if risen else None


def _both_sides_dead(group: list[Candidate], fatalities: int | None) -> int | None:
    """ "استشهاد مقاتلَين من قسد في صد هجوم" in the headline, then "مقتل ستة من المرتزقة ... فيما
    استشهد مقاتلان من قواتنا": a fight's toll counts both sides, which a body telling adds up."""
    both = [
        k
        for c in group
        if not c.sentence.is_title
        and (k := c.casualties.fatalities) is not None
        and len(c.sentence.of("cas:killed")) > 1
    ]
    return max(both) if both and (fatalities is None or max(both) > fatalities) else fatalities


def _first_known(group: list[Candidate], field: str) -> int | None:
    values = [getattr(c.casualties, field) for c in group]
    return next((v for v in values if v is not None), None)


def _drop_echoes(events: list[Candidate]) -> list[Candidate]:
    """Explosions typed only from context ("دويّ انفجارات سُمع") at the place and on the day of a
    strike the article names are that strike heard, not another event."""
    named = [e for e in events if not e.inferred and SUB_EVENT_TO_TYPE[e.sub_event_type] == REMOTE]
    return [e for e in events if not (e.heard and _echo(e, named))]


def _drop_raid_interceptions(events: list[Candidate]) -> list[Candidate]:
    """ "الدفاعات الجوية تتصدى لأهداف معادية في أجواء ريف دمشق": air defences answering a raid
    the article reports, placed only by province, are part of that raid, not an event of their own."""
    strikes = [e for e in events if e.sub_event_type in STRIKES and e.location is not None]

    def answers_a_raid(e: Candidate) -> bool:
        vague = e.location is not None and e.location.place.rank > 0
        return vague and any(s.date.day == e.date.day and _place(s).admin1 == _place(e).admin1 for s in strikes)

    return [e for e in events if not (e.sub_event_type == "Disrupted weapons use" and answers_a_raid(e))]


def _shared_perpetrator(events: list[Candidate]) -> list[Candidate]:
    """ "غارة ثانية استهدفت أطراف قدسيا" in a report of Israeli strikes that day: a strike named as
    such, with no perpetrator of its own, is by the one the article names for its kind that day,
    if only one (explosions only heard keep no actor)."""
    out = []
    for e in events:
        if e.roles.actor1 is None and not e.inferred and not e.sentence.has("cue:unknown"):
            same_kind = [
                o
                for o in events
                if o.sub_event_type == e.sub_event_type
                and o.date.day == e.date.day
                and _named(o.roles.actor1)
                and _same_country(o, e)  # shells on Khiam and Hezbollah's on Branit come from two sides
            ]
            e = _by_the_only_one(e, same_kind)
        out.append(e)
    return out


def _the_attackers_again(events: list[Candidate]) -> list[Candidate]:
    """ "وأضافت أن القوة المهاجمة اقتادت 12 شاباً" after "اقتحمت قوات الدعم السريع القرية": the
    attackers named again, by no name, are the one side that attacked there that day."""
    out = []
    for e in events:
        if not _named(e.roles.actor1) and e.location is not None and e.sentence.has("cue:attackers"):
            told_there = [
                o
                for o in events
                if o.sentence.index < e.sentence.index
                and _named(o.roles.actor1)
                and o.location is not None
                and o.date.day == e.date.day
                and _within(o, e, CITY_KM)
            ]
            e = _by_the_only_one(e, told_there)
        out.append(e)
    return out


def _by_the_only_one(event: Candidate, others: list[Candidate]) -> Candidate:
    """`event` done by the perpetrator of `others` when they name just one (its surest attribution)."""
    named = {(o.roles.actor1, o.roles.attribution) for o in others}
    if len({actor for actor, _ in named}) != 1:
        return event
    actor, attribution = sorted(named, key=lambda n: n[1])[0]
    return event.with_roles(event.roles.with_actor1(actor, attribution))


def _sides_of_a_spread_fight(events: list[Candidate]) -> list[Candidate]:
    """ "فيما امتدت الاشتباكات ... إلى منطقة باب تاجوراء": a fight that spread, naming no side, is
    between the sides of the one fight the article names that day in the province."""
    out = []
    for e in events:
        if e.sub_event_type == "Armed clash" and not _named(e.roles.actor1) and e.sentence.has("cue:spread"):
            sides = {
                (o.roles.actor1, o.roles.actor2)
                for o in events
                if o.sub_event_type == "Armed clash"
                and o.date.day == e.date.day
                and _named(o.roles.actor1)
                and _named(o.roles.actor2)
                and _same_province(o, e)
            }
            if len(sides) == 1:
                actor1, actor2 = sides.pop()
                e = e.with_roles(replace(e.roles, actor1=actor1, actor2=actor2, attribution="reported"))
        out.append(e)
    return out


def _same_province(a: Candidate, b: Candidate) -> bool:
    if a.location is None or b.location is None:
        return False
    return (a.location.place.iso, a.location.place.admin1) == (b.location.place.iso, b.location.place.admin1)


def _same_country(a: Candidate, b: Candidate) -> bool:
    return a.location is None or b.location is None or a.location.place.iso == b.location.place.iso


def _echo(event: Candidate, named: list[Candidate]) -> bool:
    """Heard at the place of a named strike that day, or within earshot of it."""
    where = event.location.place if event.location else None
    heard = [n.location.place if n.location else None for n in named if n.date.day == event.date.day]
    return any(_within_earshot(where, place) for place in heard)


def _within_earshot(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a == b:
        return a == b
    if a.rank == 1 and (a.iso, a.admin1) == (b.iso, b.admin1):
        return True  # "في أجواء ريف دمشق الغربي" during a strike on Qatana: heard across the province
    if a.lat is None or b.lat is None:
        return False
    return haversine_km(*_point(a), *_point(b)) <= EARSHOT_KM
