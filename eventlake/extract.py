"""Extract stage: segmented articles -> ACLED-style event rows, each tied to its evidence sentence.

Per article: one matcher pass over the matching form, a view of each sentence's hits, one
candidate per (trigger, location) in every sentence that reports a discrete event, then a merge
of candidates that tell the same event (title, lead and body) into one row.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pyarrow as pa

from eventlake.actors import UNIDENTIFIED, Roles, assign_roles, inter_code
from eventlake.arabic import to_matching_form
from eventlake.casualties import Casualties, count_casualties
from eventlake.dates import EventDate, find_date, local_time, reference_day, stated_year
from eventlake.geo import haversine_km
from eventlake.lexicons import Actor, Lexicon, Place
from eventlake.matcher import Hit, drop_contained_each
from eventlake.places import ArticlePlaces, Location, names_unknown_place
from eventlake.schema import EVENTS, SUB_EVENT_TO_TYPE
from eventlake.segment import sentence_spans
from eventlake.sentence import SentenceHits
from eventlake.text import Derived, Span

ENTITY_KINDS = frozenset({"actor", "actor_adj", "actor_local", "place", "place_cued", "place_typed", "trigger"})
# Published before this hour, an undated "evening" or "night" event happened the day before.
MORNING_ENDS = 12
# An event dated this long before publication is background retold, not news.
BACKGROUND_DAYS = 21
LAYERS = (ENTITY_KINDS, frozenset({"date:relative", "date:month", "date:weekday"}))
CAS_KINDS = frozenset({"cas:killed", "cas:injured", "cas:zero", "cas:unknown", "cas:vague", "cas:dual"})
PROTESTERS = Actor("Protesters", 6, "", generic=True)
RIOTERS = Actor("Rioters", 5, "", generic=True)
CIVILIANS = Actor("Civilians", 7, "", generic=True)
TRIBES = Actor("Tribal militia", 4, "")
PROTEST_TYPES = ("Peaceful protest", "Protest with intervention")
STRIKES = ("Air/drone strike", "Shelling/artillery/missile attack")
TERRITORY = ("Non-state actor overtakes territory", "Government regains territory")
REMOTE = "Explosions/Remote violence"
CLAUSE_PLACE_KINDS = frozenset({"place", "place_typed", "place_cued"})
OUTSKIRTS_KM = 25.0
CITY_KM = 8.0  # a city's own neighbourhoods and camps
RETELL_KM = 5.0  # a village away: a telling that names no side may be of the same fight
EARSHOT_KM = 30.0  # "سماع دوي انفجارات في سماء دمشق" during strikes on its outskirts
CITY = 100_000  # population: a city whose outskirts reach into the next province
# "The dead" (matching form) match the verb stem قتل* but name no act of killing.
DEAD_NOUNS = frozenset({"قتلي", "قتلاهم", "قتلاه", "قتلاها", "قتلانا"})
# Nouns for an event itself (matching form), which a definite article makes an event told before.
EVENT_NOUNS = frozenset(
    {"قصف", "هجوم", "هجمات", "اشتباك", "اشتباكات", "معارك", "معركه", "مواجهات", "غاره", "غارات", "ضربه", "ضربات"}
    | {"انفجار", "انفجارات", "تفجير", "استهداف", "اقتحام", "عمليه"}
)
HABIT_TOKENS = 6  # a habitual phrase this close to the event word makes the sentence a habit
THE_TOWN = frozenset({"المدينه", "البلده", "القريه"})  # matching form


@dataclass(frozen=True)
class Candidate:
    """One event as one sentence tells it, before same-event candidates are merged."""

    sentence: SentenceHits
    sub_event_type: str
    inferred: bool  # type read from context (explosions + aircraft heard), not named
    location: Location | None
    date: EventDate
    roles: Roles
    casualties: Casualties
    heard: bool = False  # told only as explosions heard ("دويّ انفجارات"): maybe an echo of a strike

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Lower is more specific: a town over a province, the body over the title, in over near,
        a camp or quarter over the city it lies in."""
        loc = self.location
        if loc is None:
            return (3, int(self.sentence.is_title), 3, 1)
        city = int(loc.place.population >= CITY)
        return (loc.place.rank, int(self.sentence.is_title), loc.precision, city)


def extract_events(articles: pa.Table, *, lexicon: Lexicon, run_id: str | None, version: str) -> pa.Table:
    """Events of a whole batch of cleaned articles (needs article_id, text, title, published_at)."""
    rows: list[dict] = []
    for article in articles.to_pylist():
        rows.extend(extract_article(article, lexicon=lexicon, run_id=run_id, version=version))
    return pa.Table.from_pylist(rows, schema=EVENTS)


def extract_article(article: dict, *, lexicon: Lexicon, run_id: str | None, version: str) -> list[dict]:
    """Event rows of one article (a dict with the articles table's columns)."""
    text = article["text"] or ""
    derived = to_matching_form(text)
    sentences = sentence_views(text, derived, article.get("title") or "", lexicon, spans=_segmented(article))
    published = reference_day(article["published_at"])
    morning_edition = local_time(article["published_at"]).hour < MORNING_ENDS
    places = ArticlePlaces(sentences, countries=lexicon.country_places)
    speaker = _speaker(sentences)
    candidates: list[Candidate] = []
    for sentence in sentences:
        found = _sentence_candidates(sentence, candidates, places, published, lexicon, morning_edition)
        candidates += [_ours(c, speaker) for c in found]
    events = _drop_echoes(_drop_lone_headlines(_merge(candidates)))
    events = _shared_perpetrator(_drop_raid_interceptions(events))
    return [_row(c, text, article, places, run_id, version) for c in events]


def _speaker(sentences: list[SentenceHits]) -> Actor | None:
    """Who speaks in a statement that says "our forces": the group it is signed by ("الناطق
    الرسمي باسم قوات الدعم السريع"), else the first group the article names."""
    if not any(s.has("cue:ours") for s in sentences):
        return None
    signed = [h for s in sentences for h in s.of("actor") if s.preceded_by(h, "cue:spokesman", within=0)]
    named = [h for s in sentences[:3] for h in s.of("actor") if not h.entry.value.generic]
    hits = signed or named
    return hits[0].entry.value if hits else None


def _ours(candidate: Candidate, speaker: Actor | None) -> Candidate:
    """ "تمكّنت قواتنا من دحر هجوم شنّته مليشيات البرهان": the speaker fought whoever it names."""
    roles = candidate.roles
    if speaker is None or not candidate.sentence.has("cue:ours") or speaker in (roles.actor1, roles.actor2):
        return candidate
    named = roles.actor1 is not None and not roles.actor1.generic
    if named and candidate.sub_event_type != "Disrupted weapons use":
        return replace(candidate, roles=replace(roles, actor2=speaker))  # it attacked the speaker
    other = roles.actor1 if named else roles.actor2
    return replace(candidate, roles=Roles(speaker, other, "reported"))


def sentence_views(
    text: str, derived: Derived, title: str, lexicon: Lexicon, *, spans: list[tuple[Span, int]] | None = None
) -> list[SentenceHits]:
    """Every sentence of `text` with the lexicon hits inside it (the title flagged as such);
    `spans` are the segment stage's (sentence, paragraph) spans, found again when not given."""
    hits = lexicon.matcher.find(derived)
    hits = drop_contained_each(hits, (*LAYERS, CAS_KINDS))
    starts = [h.start for h in hits]
    views = []
    has_title = bool(title.strip()) and text.startswith(title.strip())
    last_paragraph = -1
    for index, (span, paragraph) in enumerate(sentence_spans(text) if spans is None else spans):
        lo, hi = derived.derived_index(span.start), derived.derived_index(span.end)
        first = bisect_left(starts, lo)
        inside = [h for h in hits[first : bisect_left(starts, hi)] if h.end <= hi]
        views.append(
            SentenceHits(
                text,
                derived,
                lo,
                hi,
                span,
                paragraph,
                index,
                inside,
                is_title=has_title and paragraph == 0,
                paragraph_start=paragraph != last_paragraph,
            )
        )
        last_paragraph = paragraph
    return views


def _segmented(article: dict) -> list[tuple[Span, int]] | None:
    """The sentences the segment stage stored, if the article went through it."""
    stored = article.get("sentences")
    return None if stored is None else [(Span(s["start"], s["end"]), s["paragraph"]) for s in stored]


def _sentence_candidates(
    sentence: SentenceHits,
    earlier: list[Candidate],
    places: ArticlePlaces,
    published: date,
    lexicon: Lexicon,
    morning: bool,
) -> list[Candidate]:
    triggers = [
        t
        for t in sentence.of("trigger")
        if not (sentence.preceded_by(t, "cue:anaphora", within=0) and sentence.is_definite(t))  # تلك الغارة
        and not sentence.preceded_by(t, "cue:hypothetical", within=1)
        and not _refers_back(sentence, t)
        and sentence.derived.text[t.start : t.end] not in DEAD_NOUNS  # "ارتفاع عدد القتلى": a toll, no act
    ]
    triggers = _without_means(sentence, triggers)
    if not triggers or sentence.has("cue:accident"):
        return []
    primary = _first_clause(sentence, triggers, max(triggers, key=lambda t: (t.entry.value.priority, -t.start)))
    if _habitual(sentence, primary):
        return []
    primary = _protest_about(sentence, triggers, _strike_before_interception(triggers, primary))
    primary = _killing_over_looting(sentence, triggers, _taken_after_fighting(triggers, primary))
    if _reported_speech(sentence, primary):
        return []
    own = places.locate(sentence)
    iso = own[0].place.iso if own else places.iso
    roles = assign_roles(sentence, primary, iso=iso, clause=_clause_of(sentence, primary))
    sub, inferred = _resolve_type(sentence, primary, roles)
    if sub is None:
        return []
    locations = own or _inherited_location(sentence, earlier, sub)
    if not locations:
        return []  # no place at all: nothing an analyst could map
    if sub in ("Abduction/forced disappearance", "Arrests") and sentence.has("cue:release"):
        return []  # a release, not a new detention
    if sub == "Agreement" and sentence.preceded_by(primary, "cue:breach", within=1):
        return []  # "تبادل الاتهامات بخرق اتفاق وقف إطلاق النار": the truce broken, not made
    if "Arrests" in (sub, primary.entry.value.sub_event_type) and sentence.has("cue:crime"):
        return []  # "ضبط 12 كيلوغراماً من الكريستال وإلقاء القبض على أربعة": drugs, not politics
    heard = inferred and primary.entry.value.sub_event_type == "@explosion"
    roles = _roles_for(sub, _actor_told(sentence, _sides_told(sentence, roles, earlier), earlier), heard, sentence)
    roles = _tribal_fight(primary, roles)
    when = _event_date(sentence, primary, sub, earlier, published, lexicon, morning)
    if not own and not when.explicit:
        when = _date_told_at(locations[0], earlier, when)  # more on an event told earlier
    told = None if when.explicit else _told_before(sentence, primary, sub, locations, earlier)
    if told is not None:
        if told.sub_event_type != sub:
            return []  # "القصف" after an air strike: the generic word for the strike told
        locations, when = [told.location], told.date  # its toll joins the event when merged
    if (published - when.day).days > BACKGROUND_DAYS:
        return []
    year = stated_year(sentence)
    if not when.explicit and year is not None and year < published.year:
        return []  # "وكانت سرت قد خضعت لسيطرة التنظيم بين عامي 2015 و2016": history, not news
    casualties = _casualties(sentence, primary, len(locations))
    found = [Candidate(sentence, sub, inferred, loc, when, roles, casualties, heard) for loc in locations]
    found += _clause_events(sentence, triggers, primary, found, places)
    found += _demolition_clause(sentence, triggers, primary, found, places)
    second = _second_weapon(sentence, triggers, primary, sub)
    if second is not None:
        other, clause = second
        own_clause = _clause_of(sentence, other)
        other_roles = assign_roles(sentence, other, clause=own_clause)
        if own_clause is None:
            other_roles = replace(other_roles, actor2=None)  # the sentence's target is the first event's
        other_roles = _roles_for(other.entry.value.sub_event_type, other_roles, False, sentence)
        taken = {loc.place for loc in locations}
        own_towns = [loc for loc in places.towns_after(sentence, clause.end) if loc.place not in taken]
        toll = count_casualties(sentence, since=clause.end) if own_towns else Casualties(None, None)
        if own_towns and len(found) == 1:  # each clause its own place and its own toll
            found[0] = replace(found[0], casualties=count_casualties(sentence, until=clause.start))
        for loc in own_towns or locations[:1]:  # "فيما تعرّضت أطراف بلدتي حولا ومركبا لقصف مدفعي"
            sub2 = other.entry.value.sub_event_type
            found.append(Candidate(sentence, sub2, False, loc, when, other_roles, toll))
    return found


def _first_clause(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "قُتل جنديان في هجوم على نقطة في الحراك، فيما أُصيب مدنيون بقصف على ناحتة": the sentence
    tells its first clause's event first; a weapon in a later clause is a second event."""
    clause = next((c for c in sentence.of("cue:second_clause") if c.end <= primary.start), None)
    if clause is None or not _splits(sentence, clause):
        return primary
    before = [t for t in triggers if t.end <= clause.start]
    return max(before, key=lambda t: (t.entry.value.priority, -t.start)) if before else primary


def _clause_of(sentence: SentenceHits, trigger: Hit) -> tuple[int, int] | None:
    """The clause of a two-clause sentence that holds `trigger`, when the sentence is split
    ("..., فيما أُصيب ثلاثة مدنيين بقصف على ناحتة"); None for a sentence read whole."""
    clauses = [c for c in sentence.of("cue:second_clause") if _splits(sentence, c)]
    if not clauses:
        return None
    cut = clauses[0]
    return (sentence.start, cut.start) if trigger.end <= cut.start else (cut.end, sentence.end)


def _splits(sentence: SentenceHits, clause: Hit) -> bool:
    """A clause word splits the sentence when each side names an event and a place of its own."""
    sides = [(sentence.start, clause.start), (clause.end, sentence.end)]
    return all(
        any(a <= h.start < b for h in sentence.of("trigger"))
        and any(a <= h.start < b and h.kind in CLAUSE_PLACE_KINDS for h in sentence.hits)
        for a, b in sides
    )


def _clause_events(
    sentence: SentenceHits, triggers: list[Hit], primary: Hit, found: list[Candidate], places: ArticlePlaces
) -> list[Candidate]:
    """ "نفّذت أربع غارات على إحسم، فيما استهدفت غارتان أخريان أطراف أريحا": the same kind of
    strike in a second clause, at a town of its own, is a second event."""
    if not found:
        return []
    taken = {c.location.place for c in found if c.location is not None}
    kind = primary.entry.value.sub_event_type
    out = []
    for clause in sentence.of("cue:second_clause"):
        again = next((t for t in triggers if t.start > clause.end and t.entry.value.sub_event_type == kind), None)
        if clause.start < primary.end or again is None:
            continue
        town = next((loc for loc in places.towns_after(sentence, again.end) if loc.place not in taken), None)
        if town is None:
            continue
        taken.add(town.place)
        none_hurt = any(h.start > clause.end for h in sentence.of("cas:zero"))
        toll = Casualties(0, 0) if none_hurt else count_casualties(sentence, since=clause.end)
        out.append(replace(found[0], location=town, casualties=toll))
    if out and len(found) == 1:  # "قُتل شاب في المزيريب، كما عُثر على جثة رجل في الحراك": a toll each
        first = next(c for c in sentence.of("cue:second_clause") if c.start > primary.end)
        found[0] = replace(found[0], casualties=count_casualties(sentence, until=first.start))
    return out


def _demolition_clause(
    sentence: SentenceHits, triggers: list[Hit], primary: Hit, found: list[Candidate], places: ArticlePlaces
) -> list[Candidate]:
    """ "قصفت المدفعية أطراف العديسة، فيما عمدت قوة إسرائيلية إلى تفجير منازل في كفركلا": houses
    blown up by a state force in a second clause, at a town of their own, are a second event."""
    for clause in sentence.of("cue:second_clause"):
        blast = _houses_blown(sentence, triggers, clause) if found and clause.start > primary.end else None
        if blast is None:
            continue
        roles = assign_roles(sentence, blast)
        town = next(iter(places.towns_after(sentence, blast.end)), None)
        if town is not None and roles.actor1 is not None and roles.actor1.inter == 1:
            destroyed = replace(found[0], sub_event_type="Looting/property destruction", location=town)
            return [replace(destroyed, roles=replace(roles, actor2=None), casualties=Casualties(None, None))]
    return []


def _houses_blown(sentence: SentenceHits, triggers: list[Hit], clause: Hit) -> Hit | None:
    blast = next((t for t in triggers if t.start > clause.end and t.entry.value.sub_event_type == "@explosion"), None)
    if blast is None or not any(b.start > blast.end for b in sentence.of("cue:buildings")):
        return None
    return blast


def _actor_told(sentence: SentenceHits, roles: Roles, earlier: list[Candidate]) -> Roles:
    """ "كما شنّ العدوان غارتين": "the aggressor" is the perpetrator the article last named."""
    names = [h for h in sentence.hits if h.kind in ("actor", "actor_local")]
    refs = [c for c in sentence.of("cue:actor_ref") if not any(h.start <= c.start < h.end for h in names)]
    if roles.actor1 is not None or not refs:  # "للعدو السعودي" names its actor
        return roles
    named = [c.roles for c in earlier if c.roles.actor1 is not None and not c.roles.actor1.generic]
    return replace(roles, actor1=named[-1].actor1, attribution=named[-1].attribution) if named else roles


def _sides_told(sentence: SentenceHits, roles: Roles, earlier: list[Candidate]) -> Roles:
    """ "اشتباكات بين الطرفين": the sides of the clash told before."""
    if not sentence.has("cue:sides_told") or (roles.actor1 is not None and not roles.actor1.generic):
        return roles
    told = [c.roles for c in earlier if c.roles.actor1 is not None and not c.roles.actor1.generic and c.roles.actor2]
    return replace(told[-1], paired=True) if told else roles


def _habitual(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "تتعرض المواقع بين حين وآخر لغارات": a habit near the event word, not "كان متوارياً منذ
    سنوات" about a man arrested today."""
    for cue in sentence.of("cue:habitual"):
        left, right = (cue, trigger) if cue.end <= trigger.start else (trigger, cue)
        if sentence.tokens_between(left, right) <= HABIT_TOKENS:
            return True
    return False


def _told_before(
    sentence: SentenceHits, trigger: Hit, sub: str, locations: list[Location], earlier: list[Candidate]
) -> Candidate | None:
    """ "وأكد مدير الناحية أن القصف أثار الهلع", "خلال الاشتباكات": a bare definite event word tells
    again the event of its kind the article told in the same province ("امتدت الاشتباكات إلى": not)."""
    if " " in trigger.entry.phrase or not sentence.is_definite(trigger) or sentence.has("cue:spread"):
        return None
    if sentence.followed_by(trigger, "cue:another", within=0):
        return None  # "الغارة الثانية": the next one
    word = sentence.derived.text[trigger.start : trigger.end]
    owned = any(sentence.followed_by(trigger, kind, within=0) for kind in ("actor_adj", "actor"))
    if word not in EVENT_NOUNS and owned:
        return None  # "استهدفت المدفعية الإسرائيلية": a force's weapon, not the event told
    kind = SUB_EVENT_TO_TYPE[sub]
    provinces = {(loc.place.iso, loc.place.admin1) for loc in locations}
    told = [
        c
        for c in earlier
        if c.location is not None
        and not c.sentence.is_title
        and SUB_EVENT_TO_TYPE[c.sub_event_type] == kind
        and (c.location.place.iso, c.location.place.admin1) in provinces
        and c.location.place.rank <= min(loc.place.rank for loc in locations)  # not "strikes on Rif Dimashq"
    ]
    return told[-1] if told else None


def _protest_about(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "نظّم الأهالي وقفة احتجاجية ... طالبوا بوضع حدّ للقصف التركي": the protest is the event,
    the violence it names (definite: already known) is its cause."""
    protest = next((t for t in triggers if t.entry.value.sub_event_type == "Peaceful protest"), None)
    if protest is not None and protest.start < primary.start and sentence.is_definite(primary):
        return protest
    return _force_against_protesters(sentence, triggers, primary)


def _tribal_fight(trigger: Hit, roles: Roles) -> Roles:
    """ "شجار عشائري", "نزاع عشائري": a fight the trigger itself calls tribal, between tribesmen."""
    if "عشائري" not in trigger.entry.phrase or (roles.actor1 is not None and not roles.actor1.generic):
        return roles
    return Roles(TRIBES, TRIBES, "reported", paired=True)


def _force_against_protesters(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "فرّقت قوات الأمن محتجين حاولوا اقتحام المبنى": with protesters named and no one killed,
    the storming or the clash is the protest's, coded as the protest."""
    fight = primary.entry.value.sub_event_type in ("Armed clash", "@attack")
    if not fight or not sentence.has("cue:protest") or sentence.has("cas:killed"):
        return primary
    kinds = ("Protest with intervention", "Violent demonstration")
    return next((t for t in triggers if t.entry.value.sub_event_type in kinds), primary)


def _taken_after_fighting(triggers: list[Hit], primary: Hit) -> Hit:
    """ "بسطت قواتنا سيطرتها على مدينة الخوي بعد معارك ضارية": the fight ends in a change of
    hands, which is the event ACLED codes."""
    if primary.entry.value.sub_event_type != "Armed clash":
        return primary
    taken = [t for t in triggers if t.entry.value.sub_event_type in TERRITORY and t.start < primary.start]
    return taken[0] if taken else primary


def _killing_over_looting(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "اقتحمت القوة الحي وقتلت ثلاثة مواطنين ونهبت منازلهم": the killing is the event ACLED codes."""
    if primary.entry.value.sub_event_type != "Looting/property destruction" or not sentence.has("cas:killed"):
        return primary
    return next((t for t in triggers if t.entry.value.sub_event_type == "@attack"), primary)


def _without_means(sentence: SentenceHits, triggers: list[Hit]) -> list[Hit]:
    """ "ألقت القبض على إرهابي بعد نصب كمين محكم له": the ambush is how the arrest was made."""
    if not any(t.entry.value.sub_event_type == "Arrests" for t in triggers):
        return triggers
    means = sentence.of("cue:means")
    return [t for t in triggers if not any(m.start <= t.start < m.end for m in means)]


def _strike_before_interception(triggers: list[Hit], primary: Hit) -> Hit:
    """ "نفّذ العدو عدواناً جوياً ... وتصدّت وسائط دفاعنا الجوي": the strike told first is the event;
    an interception is one only when it leads ("أسقطت الدفاعات الجوية طائرة مسيّرة")."""
    if primary.entry.value.sub_event_type != "Disrupted weapons use":
        return primary
    strikes = [t for t in triggers if t.entry.value.sub_event_type in STRIKES and t.start < primary.start]
    return max(strikes, key=lambda t: t.entry.value.priority) if strikes else primary


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
        return vague and any(
            s.date.day == e.date.day and s.location.place.admin1 == e.location.place.admin1 for s in strikes
        )

    return [e for e in events if not (e.sub_event_type == "Disrupted weapons use" and answers_a_raid(e))]


def _shared_perpetrator(events: list[Candidate]) -> list[Candidate]:
    """ "غارة ثانية استهدفت أطراف قدسيا" in a report of Israeli strikes that day: a strike named as
    such, with no perpetrator of its own, is by the one the article names for its kind that day,
    if only one (explosions only heard keep no actor)."""
    out = []
    for e in events:
        if e.roles.actor1 is None and not e.inferred and not e.sentence.has("cue:unknown"):
            named = {
                (o.roles.actor1, o.roles.attribution)
                for o in events
                if o.sub_event_type == e.sub_event_type
                and o.date.day == e.date.day
                and _named(o.roles.actor1)
                and _same_country(o, e)  # shells on Khiam and Hezbollah's on Branit come from two sides
            }
            if len({actor for actor, _ in named}) == 1:
                actor, attribution = sorted(named, key=lambda n: n[1])[0]
                e = replace(e, roles=replace(e.roles, actor1=actor, attribution=attribution))
        out.append(e)
    return out


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
    if a.lat is None or b.lat is None:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= EARSHOT_KM


def _refers_back(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "وعقب التفجير، اعتقلت ...": a definite event word after عقب/بعد names an event told elsewhere."""
    return sentence.is_definite(trigger) and sentence.preceded_by(trigger, "cue:reference", within=1) is not None


def _second_weapon(sentence: SentenceHits, triggers: list[Hit], primary: Hit, sub: str) -> tuple[Hit, Hit] | None:
    """ "قُتل مدني بغارة ... في حين طال القصف المدفعي أطراف البلدة": a second weapon in a second
    clause (the trigger and the clause word)."""
    for clause in sentence.of("cue:second_clause"):
        if clause.start < primary.end:
            continue  # "كما تمكّنت ..." opens the sentence: no second clause
        for t in triggers:
            other = t.entry.value.sub_event_type
            if t.start > clause.end and t.entry.value.priority >= 80 and other not in (sub, "@attack", "@explosion"):
                return t, clause
    return None


def _casualties(sentence: SentenceHits, trigger: Hit, n_locations: int) -> Casualties:
    """The sentence's toll; unknown when it is shared by several places, unless none was hurt."""
    casualties = count_casualties(sentence)
    if n_locations > 1:
        return casualties if casualties == Casualties(0, 0) else Casualties(None, None)
    assassinated = any(t.entry.value.sub_event_type == "@assassination" for t in sentence.of("trigger"))
    assassinated = assassinated and trigger.entry.value.sub_event_type not in (*PROTEST_TYPES, "Violent demonstration")
    assassination = assassinated and not sentence.has("cue:attempt")  # "اغتالت مسيّرة قيادياً": one killed
    if assassination and casualties.fatalities is None:
        return replace(casualties, fatalities=1)  # an assassination kills its one target
    return casualties


def _reported_speech(sentence: SentenceHits, trigger: Hit) -> bool:
    """Threats, denials and statistics that come before the trigger are not an event."""
    return any(h.start < trigger.start for h in sentence.hits if h.kind in ("cue:statement", "cue:total"))


def _resolve_type(sentence: SentenceHits, trigger: Hit, roles: Roles) -> tuple[str | None, bool]:
    """The sub-event type: named by the trigger, or read from context for @attack/@explosion."""
    sub = trigger.entry.value.sub_event_type
    if sub == "@explosion":
        if sentence.has("cue:air_context"):
            return "Air/drone strike", True
        if sentence.has("cue:buildings") and roles.actor1 is not None and roles.actor1.inter == 1:
            return "Looting/property destruction", False  # "فجّر الجيش عدداً من المنازل": demolition
        sub = "Remote explosive/landmine/IED"
    if sub == "Remote explosive/landmine/IED" and sentence.preceded_by(trigger, "cue:defuse", within=3):
        return "Disrupted weapons use", False  # "تفكيك ثلاث عبوات ناسفة": the charge never went off
    if sub == "Remote explosive/landmine/IED":
        return sub, trigger.entry.value.sub_event_type == "@explosion" and not sentence.has("cue:ied_context")
    if sub == "Shelling/artillery/missile attack" and _bombed_from_the_air(sentence, trigger):
        return "Air/drone strike", False
    if sub == "@attack":
        return _resolve_attack(sentence, roles)
    if sub == "@assassination":
        armed_target = roles.actor2 is not None and not roles.actor2.generic and roles.actor2.inter != 7
        return ("Armed clash" if armed_target else "Attack"), False
    if sub == "Non-state actor overtakes territory" and roles.actor1 and roles.actor1.inter == 1:
        return "Government regains territory", False
    if sub == "Government regains territory" and roles.actor1 and roles.actor1.inter != 1:
        return "Non-state actor overtakes territory", False  # "استعادت قسد السيطرة": not a state
    if sub == "Protest with intervention" and not sentence.has("cue:protest"):
        return None, False  # "فرّقت" or "فرق الإنقاذ" with no protest in sight
    if sub in PROTEST_TYPES and sentence.has("cue:lethal"):
        return "Excessive force against protesters", False
    if sub == "Looting/property destruction" and sentence.has("cue:protest"):
        return "Violent demonstration", False
    if sub == "Arrests" and roles.actor1 is not None and roles.actor1.inter in (2, 3, 4) and not roles.actor1.authority:
        return "Abduction/forced disappearance", False  # states and de facto authorities arrest; others abduct
    return sub, False


def _bombed_from_the_air(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "قصف طيران الجيش السوق": the bare verb "bombed" with aircraft as its subject."""
    bare = " " not in trigger.entry.phrase and not sentence.is_definite(trigger)
    air = sentence.followed_by(trigger, "cue:air_context", within=1) or sentence.preceded_by(
        trigger, "cue:air_context", within=5
    )  # "ارتكبها طيران الفلول، ظهر أمس، بقصفه سوق المدينة"
    return bare and air is not None


def _resolve_attack(sentence: SentenceHits, roles: Roles) -> tuple[str | None, bool]:
    """An attack is typed by its weapon when the sentence names one (ACLED codes a strike on
    civilians as remote violence too), else by who was hit."""
    if sentence.has("cue:air_context"):
        return "Air/drone strike", True
    if sentence.has("cue:shelling_context"):
        return "Shelling/artillery/missile attack", True
    if roles.actor2 is not None and roles.actor2.inter == 7:
        return "Attack", False
    if roles.actor2 is not None and roles.actor2.inter in (5, 6):
        return "Excessive force against protesters", False  # "أطلقوا النار على المحتجين"
    if roles.actor2 is not None:
        return "Armed clash", False
    wounded = sentence.has("cas:injured") and sentence.has("cue:armed_victims") and roles.actor1 is not None
    if sentence.has("cas:killed") or wounded:  # "هاجم مسلحون بوابة أمنية ... إصابة عنصرين"
        # people hit and no armed group named among them: soldiers fought, civilians were attacked
        return ("Armed clash" if sentence.has("cue:armed_victims") else "Attack"), False
    return None, False  # "targeting" with no one hit and no one killed is too vague to code


def _roles_for(sub: str, roles: Roles, heard: bool, sentence: SentenceHits) -> Roles:
    """Role conventions of particular event types (protesters are actor1 of a protest, rioters of a riot)."""
    force = roles.actor1 if roles.actor1 is not None and roles.actor1.inter not in (5, 6, 7) else roles.actor2
    if force is not None and force.inter in (5, 6, 7):
        force = None
    if sub == "Excessive force against protesters":
        return Roles(force, PROTESTERS, "reported" if force else "unknown")
    if sub == "Peaceful protest":
        return Roles(PROTESTERS, None, "reported")  # the forces a protest names are its addressees
    if sub in PROTEST_TYPES:
        return Roles(PROTESTERS, force, "reported")
    if sub == "Violent demonstration":
        return Roles(RIOTERS, force, "reported")
    if roles.actor1 is None and SUB_EVENT_TO_TYPE[sub] in ("Battles", "Violence against civilians"):
        roles = Roles(UNIDENTIFIED, roles.actor2, "unknown")
    if roles.actor1 == UNIDENTIFIED:
        roles = replace(roles, attribution="unknown")  # "بين مجموعتين مسلحتين": no one named
    if heard and (roles.attribution == "reported" or roles.actor1 is None):
        roles = replace(roles, attribution="suspected")  # explosions heard with aircraft overhead
    if roles.actor2 == roles.actor1 and not roles.paired:
        roles = replace(roles, actor2=None)
    looting = sub == "Looting/property destruction" and not (roles.actor1 and roles.actor1.inter == 1)
    if (sub in ("Attack", "Abduction/forced disappearance") or looting) and roles.actor2 is None:
        roles = replace(roles, actor2=CIVILIANS)
    return roles


def _event_date(
    sentence: SentenceHits,
    trigger: Hit,
    sub: str,
    earlier: list[Candidate],
    published: date,
    lexicon: Lexicon,
    morning: bool,
) -> EventDate:
    """The sentence's own date; else the previous event's when it says "at that time"; else publication."""
    stated = find_date(sentence, published, needs_cue=lexicon.weekday_needs_cue, near=trigger)
    if stated is not None:
        return stated
    if earlier and sentence.has("cue:same_time"):
        return EventDate(earlier[-1].date.day, 2, False)
    if sentence.is_definite(trigger):  # "الاشتباكات أسفرت عن ...": the clashes already told
        same = [c for c in earlier if c.sub_event_type == sub]
        if same:
            return replace(same[-1].date, explicit=False)
    same_paragraph = [c for c in earlier if c.sentence.paragraph == sentence.paragraph and c.date.explicit]
    if same_paragraph:
        return replace(same_paragraph[-1].date, explicit=False)
    dated = [c for c in earlier if c.date.explicit and not c.date.reported]
    if dated:  # the article's last stated day, less certain outside its paragraph
        return replace(dated[-1].date, explicit=False, precision=max(2, dated[-1].date.precision))
    if morning and sentence.has("cue:evening"):
        return EventDate(published - timedelta(days=1), 1, False)  # "مساءً" in a morning paper: last night
    return EventDate(published, 2, False)


def _date_told_at(location: Location, earlier: list[Candidate], default: EventDate) -> EventDate:
    """The date of the earlier event at `location`, for a sentence that only adds to it."""
    told = [c for c in earlier if c.location == location]
    return told[-1].date if told else default


def _inherited_location(sentence: SentenceHits, earlier: list[Candidate], sub: str) -> list[Location]:
    """A sentence that names no place continues its paragraph's place (the lead, the title's)."""
    located = [c for c in earlier if c.location is not None]
    for c in reversed(located):
        if c.sentence.paragraph == sentence.paragraph:
            return [c.location]
    titles = [c for c in located if c.sentence.is_title]
    if titles and sentence.paragraph <= 1:
        return [titles[0].location]
    body = [c for c in located if not c.sentence.is_title]
    if body and sub == body[0].sub_event_type and not names_unknown_place(sentence):
        return [body[0].location]  # more on the lead event: its place
    if body and _points_to_a_place(sentence):
        return [body[-1].location]  # "في إدخال السيارة إلى المدينة": the town just told
    return []


def _points_to_a_place(sentence: SentenceHits) -> bool:
    """A definite place word with no name (المدينة, البلدة, القرية) points to the place just told."""
    text = sentence.derived.text
    for cue in sentence.of("cue:place_type"):
        start = cue.start
        while start > sentence.start and text[start - 1].isalnum():
            start -= 1
        word = text[start : cue.end].lstrip("وفبك")
        if word in THE_TOWN or (word.startswith("لل") and "ا" + word[1:] in THE_TOWN):  # للمدينة
            return True
    return False


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
    if a.sub_event_type != b.sub_event_type or not _same_day(a, b):
        return False
    if _named(a.roles.actor1) and _named(b.roles.actor1) and a.roles.actor1 != b.roles.actor1 and not _swapped(a, b):
        return False
    if a.location is None or b.location is None:
        return True
    pa_, pb = a.location.place, b.location.place
    if pa_.iso != pb.iso or (pa_.admin1 and pb.admin1 and pa_.admin1 != pb.admin1 and not _outskirts(a, b)):
        return False
    if pa_ == pb or pa_.rank > 0 or pb.rank > 0 or a.sentence.is_title or b.sentence.is_title:
        return True
    return _outskirts(a, b) or _unnamed_retelling(a, b) or _inside_the_city(a, b)


def _inside_the_city(a: Candidate, b: Candidate) -> bool:
    """ "قصفها المدفعي على أحياء مدينة الفاشر" and "قذائف على مخيم أبو شوك" by the same force that
    day: a place inside the city is the city's event told precisely."""
    if not (_named(a.roles.actor1) and a.roles.actor1 == b.roles.actor1):
        return False
    pa_, pb = a.location.place, b.location.place
    if None in (pa_.lat, pa_.lon, pb.lat, pb.lon) or max(pa_.population, pb.population) < CITY:
        return False
    return haversine_km(pa_.lat, pa_.lon, pb.lat, pb.lon) <= CITY_KM


def _unnamed_retelling(a: Candidate, b: Candidate) -> bool:
    """ "واشتبكوا مع عناصرها" on "محور الفطيرة" after "عملية نفّذها مقاتلو الهيئة قرب كفرنبل": a later
    telling that names no side, a village away, is the same fight told in detail."""
    later = max(a, b, key=lambda c: c.sentence.index)
    if _named(later.roles.actor1) or _named(later.roles.actor2) or later.sentence.has("cue:another"):
        return False
    pa_, pb = a.location.place, b.location.place
    if None in (pa_.lat, pa_.lon, pb.lat, pb.lon):
        return False
    return haversine_km(pa_.lat, pa_.lon, pb.lat, pb.lon) <= RETELL_KM


def _outskirts(a: Candidate, b: Candidate) -> bool:
    """ "محيط دمشق" and الكسوة: a city's outskirts lie in the next province; near enough, one event."""
    pa_, pb = a.location.place, b.location.place
    near_city = any(c.location.precision >= 2 and c.location.place.population >= CITY for c in (a, b))
    if not near_city or None in (pa_.lat, pa_.lon, pb.lat, pb.lon):
        return False
    return haversine_km(pa_.lat, pa_.lon, pb.lat, pb.lon) <= OUTSKIRTS_KM


def _swapped(a: Candidate, b: Candidate) -> bool:
    """One clash told from either side: "صدّ الجيش هجوم الدعم السريع" and "هاجمت الدعم السريع الجيش"."""
    return a.roles.actor1 == b.roles.actor2 and a.roles.actor2 == b.roles.actor1


def _named(actor: Actor | None) -> bool:
    return actor is not None and not actor.generic


def _same_day(a: Candidate, b: Candidate) -> bool:
    """A headline rarely dates its event, a statement's date is not the event's, and a later
    undated mention of the province ("قال مصدر في عمليات ديالى إن ...") retells it: all yield."""
    if a.date.day == b.date.day:
        return True
    if any((c.sentence.is_title and not c.date.explicit) or c.date.reported for c in (a, b)):
        return True
    return any(not c.date.explicit and c.location is not None and c.location.place.rank > 0 for c in (a, b))


def _fold(group: list[Candidate]) -> Candidate:
    best = min(group, key=lambda c: c.specificity)
    body = [c for c in group if not c.sentence.is_title]
    if best.sentence.is_title and body:
        best = replace(best, sentence=body[0].sentence)  # the headline's place, the body's telling
    dated = [c for c in group if c.date.explicit and not c.date.reported]
    if dated and (best.date.reported or not best.date.explicit):
        best = replace(best, date=dated[0].date)
    with_actor = sorted((c for c in group if c.roles.actor1 is not None), key=lambda c: c.specificity)
    roles = best.roles
    if with_actor and (roles.actor1 is None or roles.actor1.generic):
        roles = with_actor[0].roles
    if any(c.roles.attribution == "suspected" for c in group) and roles.actor1 is not None:
        roles = replace(roles, attribution="suspected")
    if roles.actor2 is None:
        roles = replace(roles, actor2=next((c.roles.actor2 for c in group if c.roles.actor2), None))
    fatalities = _first_known([best, *group], "fatalities")
    injuries = _first_known([best, *group], "injuries")
    inferred = all(c.inferred for c in group)  # one telling that names the weapon names it for all
    heard = all(c.heard for c in group)
    return replace(best, roles=roles, casualties=Casualties(fatalities, injuries), inferred=inferred, heard=heard)


def _first_known(group: list[Candidate], field: str) -> int | None:
    values = [getattr(c.casualties, field) for c in group]
    return next((v for v in values if v is not None), None)


def _row(c: Candidate, text: str, article: dict, places: ArticlePlaces, run_id: str | None, version: str) -> dict:
    place, precision, loc_span = _place_of(c, places)
    span = c.sentence.span
    sub = c.sub_event_type
    iso = place.iso if place else None
    location = place.name if place else None
    return {
        "event_id": _digest(article["article_id"], span.start, span.end, sub, location),
        "article_id": article["article_id"],
        "event_date": c.date.day,
        "time_precision": c.date.precision,
        "event_type": SUB_EVENT_TO_TYPE[sub],
        "sub_event_type": sub,
        "actor1": c.roles.actor1.name if c.roles.actor1 else None,
        "actor2": c.roles.actor2.name if c.roles.actor2 else None,
        "inter1": inter_code(c.roles.actor1, iso),
        "inter2": inter_code(c.roles.actor2, iso),
        "attribution": c.roles.attribution,
        "iso": iso,
        "admin1": (place.admin1 or None) if place else None,
        "admin2": None,
        "location": location,
        "location_text": loc_span.slice(text) if loc_span else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": precision,
        "geonameid": place.geonameid if place else None,
        "fatalities": c.casualties.fatalities,
        "injuries": c.casualties.injuries,
        "source": article.get("source"),
        "source_url": article.get("source_url"),
        "published_at": article["published_at"],
        "evidence_text": span.slice(text),
        "evidence_start": span.start,
        "evidence_end": span.end,
        "confidence": _confidence(c),
        "extractor_version": version,
        "run_id": run_id,
        "cluster_id": None,  # set by the cluster stage
    }


def _place_of(c: Candidate, places: ArticlePlaces) -> tuple[Place | None, int, Span | None]:
    if c.location is not None:
        return c.location.place, c.location.precision, c.location.span
    country = places.country()
    return country, 3, None


def _confidence(c: Candidate) -> float:
    score = 0.55
    score += 0.15 if not c.inferred else -0.05
    score += 0.1 if c.location is not None and c.location.place.rank == 0 else 0.0
    score += 0.1 if c.date.explicit else 0.0
    score -= 0.1 if c.roles.attribution == "unknown" else 0.0
    return round(max(0.05, min(score, 0.99)), 2)


def _digest(*parts: object) -> str:
    joined = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]
