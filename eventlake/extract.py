"""Extract stage: segmented articles -> ACLED-style event rows, each tied to its evidence sentence.

Per article: one matcher pass over the matching form, a view of each sentence's hits, one
candidate per (trigger, location) in every sentence that reports a discrete event, then a merge
of candidates that tell the same event (title, lead and body) into one row.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pyarrow as pa

from eventlake.actors import ACCUSE_KINDS, UNIDENTIFIED, Roles, assign_roles, inter_code
from eventlake.arabic import to_matching_form
from eventlake.candidate import Candidate
from eventlake.casualties import Casualties, count_casualties
from eventlake.dates import EventDate, find_date, local_time, reference_day, stated_year
from eventlake.lexicons import Actor, Lexicon, Place
from eventlake.matcher import Hit, drop_contained_each
from eventlake.merge import merge_tellings
from eventlake.places import ArticlePlaces, Location, names_unknown_place
from eventlake.schema import EVENTS, SUB_EVENT_TO_TYPE
from eventlake.segment import sentence_spans
from eventlake.sentence import THAT_WORDS, SentenceHits
from eventlake.text import Derived, Span
from eventlake.told_later import told_later
from eventlake.triggers import (
    PROTEST_TYPES,
    STRIKES,
    clause_of,
    event_triggers,
    primary_trigger,
    resolve_type,
    second_weapon,
)

ENTITY_KINDS = frozenset({"actor", "actor_adj", "actor_local", "place", "place_cued", "place_typed", "trigger"})
# Published before this hour, an undated "evening" or "night" event happened the day before.
MORNING_ENDS = 12
TERRITORY = ("Non-state actor overtakes territory", "Government regains territory")
# Forces a Houthi outlet may mean by a bare "العدوان" once it has named them; words that keep the coalition.
AGGRESSORS = frozenset({"Military Forces of the United States", "Military Forces of the United Kingdom"})
COALITION_WORDS = ("تحالف", "السعودي", "سعودي")
# Soldiers by the name of their trade (matching form): the state's army, whoever else fights there.
SOLDIER_WORDS = frozenset({"جندي", "جنود", "جنديين", "جنديان", "عسكري", "عسكريين", "عسكريان"})
SOLDIERS_HIT_BY = frozenset({"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Air/drone strike"})
HOLDS_WORDS = frozenset({"تخضع", "يخضع", "وتخضع", "ويخضع"})  # matching form: "... is held by"
HOME_FORCES_HIT = frozenset({"SY"})  # where unnamed military targets of Israeli strikes are the army's
# An event dated this long before publication is background retold, not news.
BACKGROUND_DAYS = 21
REF_REACH = 3  # words between "the aggressor" (العدوان) and the event word it is the subject of
LAYERS = (ENTITY_KINDS, frozenset({"date:relative", "date:month", "date:weekday"}))
CAS_KINDS = frozenset({"cas:killed", "cas:injured", "cas:zero", "cas:unknown", "cas:vague", "cas:dual"})
PROTESTERS = Actor("Protesters", 6, "", generic=True)
RIOTERS = Actor("Rioters", 5, "", generic=True)
CIVILIANS = Actor("Civilians", 7, "", generic=True)
TRIBES = Actor("Tribal militia", 4, "")
# Nouns for an event itself (matching form), which a definite article makes an event told before.
EVENT_NOUNS = frozenset(
    {"قصف", "هجوم", "هجمات", "اشتباك", "اشتباكات", "معارك", "معركه", "مواجهات", "غاره", "غارات", "ضربه", "ضربات"}
    | {"انفجار", "انفجارات", "تفجير", "استهداف", "اقتحام", "عمليه"}
)
THE_TOWN = frozenset({"المدينه", "البلده", "القريه", "المخيم"})  # matching form
THE_SITE = frozenset({"السد", "المطار", "المعبر", "الحقل", "القاعده"})  # "the dam": the one named so
_THE_SAME_PLACE = re.compile(r"(?:المنطقه|المكان|الموقع|المحور|الجبهه|البلده|القريه) (?:ذاتها|نفسها|ذاته|نفسه)")


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
    speaker = _speaker(sentences, places.iso)
    candidates: list[Candidate] = []
    for sentence in sentences:
        context = _Context(candidates, places, published, lexicon, morning_edition)
        found = _sentence_candidates(sentence, context)
        candidates += [_ours(c, speaker) for c in found]
        candidates = told_later(sentence, found, candidates, places)
    events = merge_tellings(_aggressor_named(_uncontested(candidates)))
    return [_row(c, text, article, places, run_id, version) for c in events]


def _uncontested(candidates: list[Candidate]) -> list[Candidate]:
    """ "قال الجيش إن قواته تصدّت لهجوم ... على جبل موية" and "في المقابل، أعلنت قوات الدعم السريع أنها
    حرّرت جبل موية": a claim to have taken a place whose attack was said to be repelled is contested;
    the clash is the event."""
    repelled = {
        (c.location.place, c.date.day)
        for c in candidates
        if c.sub_event_type == "Armed clash" and c.location is not None and c.sentence.has("cue:repelled")
    }
    return [
        c
        for c in candidates
        if c.sub_event_type not in TERRITORY or c.location is None or (c.location.place, c.date.day) not in repelled
    ]


def _aggressor_named(candidates: list[Candidate]) -> list[Candidate]:
    """Houthi outlets call every raid "العدوان": after "العدوان الأمريكي البريطاني" in the same
    article, a bare "طيران العدوان" (no تحالف, no السعودي) is that force, not the Saudi-led coalition."""
    named = {c.roles.actor1 for c in candidates if c.roles.actor1 and c.roles.actor1.name in AGGRESSORS}
    if len(named) != 1:
        return candidates
    aggressor = named.pop()
    out = []
    for c in candidates:
        text = c.sentence.derived.text[c.sentence.start : c.sentence.end]
        bare = "العدوان" in text and not any(word in text for word in COALITION_WORDS)
        if c.roles.actor1 is not None and c.roles.actor1.name == "Arab Coalition" and bare:
            c = replace(c, roles=replace(c.roles, actor1=aggressor))
        out.append(c)
    return out


def _speaker(sentences: list[SentenceHits], iso: str | None) -> Actor | None:
    """Who speaks in a statement that says "our forces": the group it is signed by ("الناطق
    الرسمي باسم قوات الدعم السريع"), else the first group the article names."""
    if not any(s.has("cue:ours") for s in sentences):
        return None
    signed = [h for s in sentences for h in s.of("actor") if s.preceded_by(h, "cue:spokesman", within=0)]
    named = [h for s in sentences[:3] for h in s.of("actor") if not h.entry.value.generic]
    hits = signed or named
    if not hits:
        return None
    first = [h for h in hits if h.start == hits[0].start]  # one alias may name several (القوات المسلحة)
    return next((h.entry.value for h in first if h.entry.value.home == iso), first[0].entry.value)


def _ours(candidate: Candidate, speaker: Actor | None) -> Candidate:
    """ "تمكّنت قواتنا من دحر هجوم شنّته مليشيات البرهان": the speaker fought whoever it names."""
    roles = candidate.roles
    if speaker is None or not candidate.sentence.has("cue:ours") or speaker in (roles.actor1, roles.actor2):
        return candidate
    named = roles.actor1 is not None and not roles.actor1.generic
    if named and candidate.sub_event_type != "Disrupted weapons use" and not _fought_with(candidate, roles.actor1):
        return replace(candidate, roles=replace(roles, actor2=speaker))  # it attacked the speaker
    other = roles.actor1 if named else roles.actor2
    return replace(candidate, roles=Roles(speaker, other, "reported"))


def _fought_with(candidate: Candidate, actor: Actor) -> bool:
    """ "بسطت قواتنا سيطرتها على الخوي بعد معارك مع مليشيات البرهان": "our forces" act, the
    side named after "مع" is the one they fought."""
    sentence = candidate.sentence
    ours = sentence.of("cue:ours")[0]
    hits = [h for h in sentence.of("actor") if h.entry.value == actor]
    return bool(hits) and all(h.start > ours.start and sentence.preceded_by(h, "cue:with", within=1) for h in hits)


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


def _sentence_candidates(sentence: SentenceHits, context: _Context) -> list[Candidate]:
    triggers = event_triggers(sentence)
    primary = primary_trigger(sentence, triggers)
    if primary is None or _stray_fire(sentence, primary, context.earlier):
        return []
    found = _told_by(sentence, primary, context)
    if not found:
        return []
    places = context.places
    found += _clause_events(sentence, triggers, primary, found, places)
    found += _answered_in_kind(sentence, triggers, primary, found, places)
    found += _demolition_clause(sentence, triggers, primary, found, places)
    found += _second_weapon_events(sentence, triggers, primary, found, places)
    return found + _other_kind_clause(sentence, triggers, primary, found, context)


@dataclass(frozen=True)
class _Context:
    """What reading one sentence needs besides the sentence: the article so far and its setting."""

    earlier: list[Candidate]
    places: ArticlePlaces
    published: date
    lexicon: Lexicon
    morning: bool


def _told_by(sentence: SentenceHits, primary: Hit, ctx: _Context) -> list[Candidate]:
    """The events `primary` tells: one per place its clause names (none when it names no type,
    no place an analyst could map, or a count over many)."""
    earlier, places = ctx.earlier, ctx.places
    clause = clause_of(sentence, primary)
    own = _in_the_claim(sentence, primary, places.locate(sentence, clause), places)
    iso = own[0].place.iso if own else places.iso
    roles = assign_roles(sentence, primary, iso=iso, clause=clause, outlet_iso=places.iso)
    sub, inferred = resolve_type(sentence, primary, roles)
    if sentence.has("cue:total") and all(loc.place.rank > 0 for loc in own):
        return []  # "أن 43 شخصاً قُتلوا في حوادث متفرقة خلال شهر تشرين الثاني": a count over places and days
    locations = []
    if sub:
        locations = own or _inherited_location(sentence, ctx, sub) or _province_of_unknown(sentence, places)
    if not locations or _not_an_event(sentence, primary, sub):
        return []  # no type, no place an analyst could map, or a release, a broken truce, a crime
    heard = inferred and primary.entry.value.sub_event_type == "@explosion"
    roles = _sides_told(sentence, roles, earlier, sub)
    roles = _roles_for(sub, _actor_told(sentence, primary, roles, earlier), heard, sentence)
    roles = _home_forces_hit(sentence, sub, _tribal_fight(primary, roles), locations[0], ctx.lexicon)
    roles = _soldiers_hit(sentence, sub, roles, locations[0], ctx.lexicon)
    placed = _when_and_where(sentence, primary, sub, own, locations, earlier, ctx.published, ctx.lexicon, ctx.morning)
    if placed is None:
        return []
    locations, when = placed
    casualties = _casualties(sentence, primary, len(locations))
    return [Candidate(sentence, sub, inferred, loc, when, roles, casualties, heard) for loc in locations]


def _other_kind_clause(
    sentence: SentenceHits, triggers: list[Hit], primary: Hit, found: list[Candidate], ctx: _Context
) -> list[Candidate]:
    """ "اندلع نزاع بين عشيرتين في سيد دخيل، فيما أقدم مسلحون على إحراق منزل بقضاء الرفاعي": a
    second clause with an event of another kind at a place of its own is a second event."""
    clause = clause_of(sentence, primary)
    if clause is None or clause[0] != sentence.start:
        return []  # a sentence read whole, or a primary told in the second clause
    if any(c.location is not None and c.location.start >= clause[1] for c in found):
        return []  # the second clause's event is told already (same kind, a demolition, a weapon)
    later = [t for t in triggers if t.start >= clause[1]]
    if not later:
        return []
    second = max(later, key=lambda t: (t.entry.value.priority, -t.start))
    told = [
        c
        for c in _told_by(sentence, second, replace(ctx, earlier=ctx.earlier + found))
        if c.sub_event_type != found[0].sub_event_type
    ]
    told = [c for c in told if c.location.start >= clause[1]]  # at a place of its own
    if not told:
        return []
    if len(found) == 1:
        found[0] = replace(found[0], casualties=count_casualties(sentence, until=clause[1]))  # each clause its toll
    none_hurt = any(h.start > clause[1] for h in sentence.of("cas:zero"))
    toll = Casualties(0, 0) if none_hurt else count_casualties(sentence, since=clause[1])
    return [replace(c, casualties=toll) for c in told]


def _stray_fire(sentence: SentenceHits, primary: Hit, earlier: list[Candidate]) -> bool:
    """ "وأعلن مركز طب الطوارئ وفاة مدنيين جراء الرصاص العشوائي": stray fire after a told fight
    is that fight's toll (`told_later`), not an attack of its own."""
    if not earlier:
        return False
    if sentence.has("cue:stray") and sentence.is_definite(primary):
        return True  # "وطاول الرصاص الطائش والقذائف أحياء في مدينة صيدا": the fight's stray fire
    if not primary.entry.phrase.endswith("رصاص"):
        return False
    return any(sentence.followed_by(primary, kind, within=0) for kind in ("cue:stray", "cue:random_fire"))


def _in_the_claim(sentence: SentenceHits, primary: Hit, own: list[Location], places: ArticlePlaces) -> list[Location]:
    """ "قال مصدر إن انسحاب الجيش من الخوي تكتيكي، مؤكداً أن مسيّرات الجيش نفّذت ضربات قرب
    النهود": the event lies in the claim its trigger stands in, where that claim names a town."""
    text = sentence.derived.text
    words = sentence.words_before(primary.start, 12)
    that = next((a for a, b in words if text[a:b] in THAT_WORDS), None)  # the nearest before the trigger
    if not own or that is None or own[0].start > that:
        return own
    return places.towns_after(sentence, that)[:1] or own


def _home_forces_hit(sentence: SentenceHits, sub: str, roles: Roles, where: Location, lexicon: Lexicon) -> Roles:
    """ "عدوان جوي إسرائيلي ... أدى إلى إصابة عسكريَّين", "مستهدفاً عدداً من المواقع العسكرية": an
    Israeli strike in Syria that hits soldiers or military sites hits the Syrian army, and so does
    a strike that names no side ("الغارة الثانية استهدفت مطار الضمير العسكري"); a strike from
    across the border on a barracks in Israel ("استهدفوا ثكنة المالكية") hits Israel's army."""
    attacker, iso = roles.actor1, where.place.iso
    if roles.actor2 is not None:
        return roles
    if attacker is None:
        if iso not in HOME_FORCES_HIT or sub not in STRIKES or sentence.has("actor"):
            return roles
    elif not (iso == "IL" and attacker.home != "IL") and (attacker.home != "IL" or iso not in HOME_FORCES_HIT):
        return roles
    soldiers = sentence.has("cue:armed_victims") and (sentence.has("cas:killed") or sentence.has("cas:injured"))
    military = soldiers or sentence.has("cue:military_site") or where.place.kind == "military_base"
    target = lexicon.state_forces.get(iso)
    return roles if target is None or not military else replace(roles, actor2=target)


def _soldiers_hit(sentence: SentenceHits, sub: str, roles: Roles, where: Location, lexicon: Lexicon) -> Roles:
    """ "استشهاد جندي وإصابة اثنين آخرين ... بانفجار عبوة ناسفة": soldiers hurt by a bomb or shells
    that name no force are the army of the country it went off in."""
    if roles.actor2 is not None or sub not in SOLDIERS_HIT_BY:
        return roles
    if not (sentence.has("cas:killed") or sentence.has("cas:injured")):
        return roles
    text = sentence.derived.text
    if not any(text[h.start : h.end] in SOLDIER_WORDS for h in sentence.of("cue:armed_victims")):
        return roles
    army = lexicon.state_forces.get(where.place.iso)
    return roles if army is None or army == roles.actor1 else replace(roles, actor2=army)


def _held_since(sentence: SentenceHits, primary: Hit) -> bool:
    """Who holds a place ("تخضع ... لسيطرة"), told before the change that gave it to them."""
    text = sentence.derived.text
    return any(c.end <= primary.start and text[c.start : c.end] in HOLDS_WORDS for c in sentence.of("cue:control"))


def _not_an_event(sentence: SentenceHits, primary: Hit, sub: str) -> bool:
    if sub in (*TERRITORY, "Non-violent transfer of territory") and _held_since(sentence, primary):
        return True  # "وتخضع ود مدني لسيطرة الدعم السريع منذ ... بعد انسحاب قوات الجيش": a state, not news
    if primary.entry.phrase == "استعاد*" and not any(c.start > primary.end for c in sentence.of("cue:control")):
        return True  # "استعادت القوات زمام المبادرة": regained the initiative, not ground
    if sub in ("Abduction/forced disappearance", "Arrests") and sentence.has("cue:release"):
        return True  # a release, not a new detention
    if sub == "Agreement" and sentence.preceded_by(primary, "cue:breach", within=1):
        return True  # "تبادل الاتهامات بخرق اتفاق وقف إطلاق النار": the truce broken, not made
    # "ضبط 12 كيلوغراماً من الكريستال وإلقاء القبض على أربعة": drugs, not politics
    return "Arrests" in (sub, primary.entry.value.sub_event_type) and sentence.has("cue:crime")


def _when_and_where(
    sentence: SentenceHits,
    primary: Hit,
    sub: str,
    own: list[Location],
    locations: list[Location],
    earlier: list[Candidate],
    published: date,
    lexicon: Lexicon,
    morning: bool,
) -> tuple[list[Location], EventDate] | None:
    """The event's places and date, those of an event told before when this retells it; None
    for background (long before publication, or a past year) and for a vaguer retelling."""
    when = _event_date(sentence, primary, sub, earlier, published, lexicon, morning)
    if not own and not when.explicit:
        when = _date_told_at(locations[0], earlier, when)  # more on an event told earlier
    told = None if when.explicit else _told_before(sentence, primary, sub, locations, earlier)
    if told is not None:
        if told.sub_event_type != sub:
            return None  # "القصف" after an air strike: the generic word for the strike told
        locations, when = [told.location], told.date  # its toll joins the event when merged
    elif _comment_on_events(sentence, primary, own, when, earlier) or _over_a_period(sentence, primary, when):
        return None
    if (published - when.day).days > BACKGROUND_DAYS:
        return None
    if not when.explicit and _counted_since(sentence, primary):
        return None  # "قُتل 19 شخصاً في اشتباكات مسلحة بالعاصمة منذ مطلع العام": a count, no one event
    if when.explicit and when.precision >= 2 and sentence.has("cue:total"):
        return None  # "قُتل 43 شخصاً ... خلال شهر تشرين الثاني": a month's count, no one event
    year = stated_year(sentence)
    if not when.explicit and year is not None and year < published.year:
        return None  # "وكانت سرت قد خضعت لسيطرة التنظيم بين عامي 2015 و2016": history, not news
    return locations, when


def _second_weapon_events(
    sentence: SentenceHits, triggers: list[Hit], primary: Hit, found: list[Candidate], places: ArticlePlaces
) -> list[Candidate]:
    """ "قُتل مدني بغارة ... في حين طال القصف المدفعي أطراف البلدة": a second weapon in a second
    clause is a second event, at the clause's own towns (else the first event's place)."""
    second = second_weapon(sentence, triggers, primary, found[0].sub_event_type) if found else None
    if second is None:
        return []
    other, clause = second
    if any(clause.end <= c.start < other.start for c in sentence.hits if c.kind in ACCUSE_KINDS):
        return []  # "بينما اتهمت «الدعم السريع» الطيران بقصف أحياء سكنية": a claim about the strike told
    own_clause = clause_of(sentence, other)
    roles = assign_roles(sentence, other, clause=own_clause)
    if own_clause is None:
        roles = replace(roles, actor2=None)  # the sentence's target is the first event's
    sub = other.entry.value.sub_event_type
    roles = _roles_for(sub, roles, False, sentence)
    taken = {c.location.place for c in found if c.location is not None}
    own_towns = [loc for loc in places.towns_after(sentence, clause.end) if loc.place not in taken]
    toll = count_casualties(sentence, since=clause.end) if own_towns else Casualties(None, None)
    if own_towns:
        _keep_first_clause_toll(sentence, found, clause)
    where = own_towns or [found[0].location]  # "فيما تعرّضت أطراف بلدتي حولا ومركبا لقصف مدفعي"
    return [Candidate(sentence, sub, False, loc, found[0].date, roles, toll) for loc in where]


def _clause_events(
    sentence: SentenceHits, triggers: list[Hit], primary: Hit, found: list[Candidate], places: ArticlePlaces
) -> list[Candidate]:
    """ "نفّذت أربع غارات على إحسم، فيما استهدفت غارتان أخريان أطراف أريحا": the same kind of
    strike in a second clause, at a town of its own, is a second event."""
    if not found:
        return []
    taken = {c.location.place for c in found if c.location is not None}
    kind = primary.entry.value.sub_event_type
    kinds = (kind, "@explosion") if kind == "Remote explosive/landmine/IED" else (kind,)  # "فيما انفجرت عبوة ثانية"
    out = []
    for clause in sentence.of("cue:second_clause"):
        again = next((t for t in triggers if t.start > clause.end and t.entry.value.sub_event_type in kinds), None)
        if clause.start < primary.end or again is None:
            continue
        town = _new_town_after(sentence, again, places, taken)
        if town is None:
            continue
        taken.add(town.place)
        none_hurt = any(h.start > clause.end for h in sentence.of("cas:zero"))
        toll = Casualties(0, 0) if none_hurt else count_casualties(sentence, since=clause.end)
        hit = assign_roles(sentence, again, clause=(clause.end, sentence.end)).actor2  # "بسيارة مدنية"
        roles = found[0].roles if hit is None else replace(found[0].roles, actor2=hit)
        out.append(replace(found[0], location=town, casualties=toll, roles=roles))
    if out:  # "قُتل شاب في المزيريب، كما عُثر على جثة رجل في الحراك": a toll each
        _keep_first_clause_toll(
            sentence, found, next(c for c in sentence.of("cue:second_clause") if c.start > primary.end)
        )
    return out


def _answered_in_kind(
    sentence: SentenceHits, triggers: list[Hit], primary: Hit, found: list[Candidate], places: ArticlePlaces
) -> list[Candidate]:
    """ "قصفت القوات التركية قرية ...، وردت قوات سوريا الديمقراطية بقصف مدينة مارع": the side
    that answered, at a town of its own, is the actor of a second event against the first side."""
    if not found:
        return []
    taken = {c.location.place for c in found if c.location is not None}
    hit_side = found[0].roles.actor2  # "وردّت قوات المجلس بقصف ...": the side just hit, named loosely
    for cue in (c for c in sentence.of("cue:retaliation") if c.start > primary.end):
        actor = sentence.followed_by(cue, "actor", within=0)
        after = actor or cue
        again = next((t for t in triggers if t.start > after.end), None)
        if again is None or sentence.tokens_between(after, again) > (1 if actor else 3):  # "بقصف": its clitic counts
            continue
        side = actor.entry.value if actor else hit_side
        town = _new_town_after(sentence, again, places, taken)
        if town is None or side is None or side.generic:
            continue
        roles = Roles(side, found[0].roles.actor1, "reported")
        sub, inferred = resolve_type(sentence, again, roles)
        if sub is None:
            continue
        toll = count_casualties(sentence, since=cue.end)
        return [replace(found[0], sub_event_type=sub, inferred=inferred, location=town, roles=roles, casualties=toll)]
    return []


def _new_town_after(sentence: SentenceHits, hit: Hit, places: ArticlePlaces, taken: set[Place]) -> Location | None:
    """The first town named after `hit` that no event of the sentence has taken yet."""
    return next((loc for loc in places.towns_after(sentence, hit.end) if loc.place not in taken), None)


def _keep_first_clause_toll(sentence: SentenceHits, found: list[Candidate], clause: Hit) -> None:
    """When a second clause tells an event of its own, the first event keeps only the toll told
    before that clause (the one event of the sentence, `found[0]`, is replaced in place)."""
    if len(found) == 1:
        found[0] = replace(found[0], casualties=count_casualties(sentence, until=clause.start))


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


def _actor_told(sentence: SentenceHits, primary: Hit, roles: Roles, earlier: list[Candidate]) -> Roles:
    """ "كما شنّ العدوان غارتين", "هاجمت القوات قرية السريحة": "the aggressor", "the forces" next to
    the event word are the perpetrator the article last named (not "وقد باشرت القوات بتفتيش المنطقة")."""
    names = [h for h in sentence.hits if h.kind in ("actor", "actor_local")]
    refs = [
        c
        for c in sentence.of("cue:actor_ref")
        if not any(h.start <= c.start < h.end for h in names) and _next_to(sentence, c, primary, REF_REACH)
    ]
    if roles.actor1 is not None or not refs:  # "للعدو السعودي" names its actor
        return roles
    named = [c.roles for c in earlier if c.roles.actor1 is not None and not c.roles.actor1.generic]
    return replace(roles, actor1=named[-1].actor1, attribution=named[-1].attribution) if named else roles


def _next_to(sentence: SentenceHits, a: Hit, b: Hit, reach: int) -> bool:
    left, right = (a, b) if a.start < b.start else (b, a)
    return sentence.tokens_between(left, right) <= reach


def _sides_told(sentence: SentenceHits, roles: Roles, earlier: list[Candidate], sub: str) -> Roles:
    """ "اشتباكات بين الطرفين": the sides of the clash told before; "أعلنت وزارة الدفاع التوصل إلى
    اتفاق لوقف إطلاق النار بين الطرفين": the sides, not the ministry that announced it."""
    if not sentence.has("cue:sides_told"):
        return roles
    if sub != "Agreement" and roles.actor1 is not None and not roles.actor1.generic:
        return roles
    told = [c.roles for c in earlier if c.roles.actor1 is not None and not c.roles.actor1.generic and c.roles.actor2]
    return replace(told[-1], paired=True) if told else roles


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


def _tribal_fight(trigger: Hit, roles: Roles) -> Roles:
    """ "شجار عشائري", "نزاع بين عشيرتين": a fight the trigger itself calls tribal, between tribesmen."""
    tribal = any(word in trigger.entry.phrase for word in ("عشائري", "عشيرت", "قبيلت", "عائلت"))
    if not tribal or (roles.actor1 is not None and not roles.actor1.generic):
        return roles
    return Roles(TRIBES, TRIBES, "reported", paired=True)


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


def _roles_for(sub: str, roles: Roles, heard: bool, sentence: SentenceHits) -> Roles:
    """Role conventions of particular event types (protesters are actor1 of a protest, rioters of a riot)."""
    force = roles.actor1 if roles.actor1 is not None and roles.actor1.inter not in (5, 6, 7) else roles.actor2
    if force is not None and force.inter in (5, 6, 7):
        force = None
    if sub == "Excessive force against protesters":
        return Roles(force, PROTESTERS, "reported" if force and force != UNIDENTIFIED else "unknown")
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
    looting = sub == "Looting/property destruction"
    if (sub in ("Attack", "Abduction/forced disappearance", "Sexual violence") or looting) and roles.actor2 is None:
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
    if stated is not None and not _cause_dated(sentence, trigger):
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


def _comment_on_events(
    sentence: SentenceHits, primary: Hit, own: list[Location], when: EventDate, earlier: list[Candidate]
) -> bool:
    """ "إن «الضربات الجوية مهمة، لكنها لا تكفي»": "the strikes" with no place, day or toll of their
    own, in an article that has told its events, speak about them; no event of their own."""
    towns = [loc for loc in own if loc.place.rank == 0]  # "عضو في مجلس محافظة ديالى": a province names no site
    if towns or when.explicit or not earlier or not sentence.is_definite(primary):
        return False
    return not _tells_a_toll(sentence)


def _counted_since(sentence: SentenceHits, primary: Hit) -> bool:
    """The event word is counted since a start ("منذ مطلع العام"), with no rise in between
    ("... ليرتفع عدد القتلى منذ بداية الشهر إلى 40" keeps its own event)."""
    text = sentence.derived.text
    totals = [c for c in sentence.of("cue:total") if c.start >= primary.end]
    since = next((c for c in totals if text.startswith("منذ", c.start)), None)
    if since is None:
        return False
    return not any(c.start < since.start and c.end <= since.start for c in totals + sentence.of("cue:toll_rise"))


def _over_a_period(sentence: SentenceHits, primary: Hit, when: EventDate) -> bool:
    """ "إن الغارات التي نفذتها القوات الأمريكية ... خلال الأسابيع الماضية أضعفت قدرتها": strikes
    over weeks, with no day or toll of their own, are a comment on many events, not one."""
    if when.explicit or not sentence.is_definite(primary):
        return False
    if not any(c.start > primary.end for c in sentence.of("cue:habitual")):
        return False
    return not _tells_a_toll(sentence)


def _tells_a_toll(sentence: SentenceHits) -> bool:
    """Dead, hurt or "no casualties": a sentence with a toll of its own tells an event, not a comment."""
    return any(sentence.has(kind) for kind in ("cas:killed", "cas:injured", "cas:zero"))


def _cause_dated(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "اندلعت الاشتباكات على خلفية مقتل أحد عناصرها الأسبوع الماضي": the date is the cause's;
    "قبل أن تهدأ حدّتها فجر الاثنين": the end's; "طالبوا بمحاسبة ... الشهر الماضي": what was protested."""
    cues = [c for kind in ("cue:cause", "cue:until", "cue:about") for c in sentence.of(kind) if c.start > trigger.end]
    cause = min(cues, key=lambda c: c.start, default=None)
    dates = [h for h in sentence.hits if h.kind.startswith("date:")]
    return cause is not None and bool(dates) and all(h.start > cause.start for h in dates)


def _date_told_at(location: Location, earlier: list[Candidate], default: EventDate) -> EventDate:
    """The date of the earlier event at `location`, for a sentence that only adds to it."""
    told = [c for c in earlier if c.location == location]
    return told[-1].date if told else default


def _inherited_location(sentence: SentenceHits, ctx: _Context, sub: str) -> list[Location]:
    """A sentence that names no place continues its paragraph's place (the lead, the title's)."""
    located = [c for c in ctx.earlier if c.location is not None]
    for c in reversed(located):
        if c.sentence.paragraph == sentence.paragraph:
            return [c.location]
    titles = [c for c in located if c.sentence.is_title]
    if titles and sentence.paragraph <= 1:
        return [titles[0].location]
    body = [c for c in located if not c.sentence.is_title]
    if body and (sub == body[0].sub_event_type or _truce_reached(sentence, sub)) and not names_unknown_place(sentence):
        return [body[0].location]  # more on the lead event, or the truce that ends it: its place
    if body and sentence.has("cue:later"):
        return [body[-1].location]  # "اعتقلوا، في وقت لاحق من اليوم، ثلاثة من منظمي الوقفة": what followed
    if body and _points_to_a_place(sentence, body[-1]):
        return [body[-1].location]  # "في إدخال السيارة إلى المدينة": the town just told
    return []


def _province_of_unknown(sentence: SentenceHits, places: ArticlePlaces) -> list[Location]:
    """ "أحرقت قوات الدعم السريع قرية أم حجاجة" under "... قرى في شمال دارفور": a village we do
    not know lies in the one province the article names (precision 3, as ACLED codes it)."""
    if not names_unknown_place(sentence):
        return []
    province = places.only_province()
    return [province] if province is not None else []


def _truce_reached(sentence: SentenceHits, sub: str) -> bool:
    """ "أعلنت وزارة الدفاع التوصل إلى اتفاق لوقف إطلاق النار", "تنفيذاً لاتفاق أُبرم أمس": a new
    agreement, not one in force."""
    made = ("التوصل", "اتفاق أبرم", "أبرم", "إبرام")
    return sub == "Agreement" and any(t.entry.phrase.startswith(made) for t in sentence.of("trigger"))


def _points_to_a_place(sentence: SentenceHits, told: Candidate) -> bool:
    """A definite place word with no name (المدينة, البلدة, القرية) points to the place just told;
    "السد", "المطار" only to a place told by that word ("سد تشرين")."""
    text = sentence.derived.text
    if _THE_SAME_PLACE.search(text, sentence.start, sentence.end):
        return True  # "ودكّت مواقع المليشيا في المنطقة ذاتها"
    for cue in sentence.of("cue:place_type"):
        start = cue.start
        while start > sentence.start and text[start - 1].isalnum():
            start -= 1
        word = text[start : cue.end].lstrip("وفبك")
        word = "ا" + word[1:] if word.startswith("لل") else word  # للمدينة
        if word in THE_TOWN:
            return True
        if word in THE_SITE:
            named = told.sentence.derived.text[told.location.start : told.location.start + len(word)]
            return named == word[2:] or named.startswith(word[2:] + " ")
    return False


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
