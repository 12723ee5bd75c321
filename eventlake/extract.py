"""Extract stage: segmented articles -> ACLED-style event rows, each tied to its evidence sentence.

Per article: one matcher pass over the matching form, a view of each sentence's hits, one
candidate per (trigger, location) in every sentence that reports a discrete event, then a merge
of candidates that tell the same event (title, lead and body) into one row.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final, cast

import pyarrow as pa

from eventlake.actors import Roles, actor_at, assign_roles, inter_code
from eventlake.arabic import to_matching_form
from eventlake.background import (
    TERRITORY,
    comment_on_events,
    counted_since,
    not_an_event,
    over_a_period,
    quoted_comment,
    stray_fire,
    told_before,
)
from eventlake.candidate import Candidate
from eventlake.casualties import Casualties, count_casualties, none_killed_if_only_wounded
from eventlake.clauses import answered_in_kind, clause_events, demolition_clause, second_weapon_events
from eventlake.dates import EventDate, find_date, local_time, reference_day, stated_year, stated_year_in
from eventlake.defined_terms import bind_defined_terms
from eventlake.lexicon_types import Actor, Lexicon, Place, actor_of, trigger_of
from eventlake.matcher import Hit, drop_contained_each
from eventlake.merge import merge_tellings
from eventlake.places import ArticlePlaces, Location, names_unknown_place
from eventlake.schema import EVENTS, SUB_EVENT_TO_TYPE
from eventlake.segment import sentence_spans
from eventlake.sentence import THAT_WORDS, SentenceHits
from eventlake.sides import (
    actor_told,
    army_unit_hit,
    group_told,
    home_forces_hit,
    involved_in_one_told,
    merged_event_defaults,
    perpetrators_arrested,
    roles_for,
    sides_told,
    soldiers_hit,
    speakers_defences,
    tribal_fight,
)
from eventlake.text import Derived, Span, int_bisect_left, make_span
from eventlake.told_later import told_later
from eventlake.triggers import (
    DEMONSTRATION_TYPES,
    clause_of,
    event_triggers,
    primary_trigger,
    resolve_type,
)

INSTITUTION_WORDS: Final = frozenset({"شرطه", "عمليات", "صحه", "محافظه"})  # "قيادة شرطة البصرة", matching form
ENTITY_KINDS: Final = frozenset({"actor", "actor_adj", "actor_local", "place", "place_cued", "place_typed", "trigger"})
# Published before this hour, an undated "evening" or "night" event happened the day before.
MORNING_ENDS: Final = 12
ATTACKERS_REACH: Final = 4  # words from a kill word to "المهاجمين": "قُتل في الهجوم ثلاثة من المهاجمين"
# Forces a Houthi outlet may mean by a bare "العدوان" once it has named them; words that keep the coalition.
AGGRESSORS: Final = frozenset({"Military Forces of the United States", "Military Forces of the United Kingdom"})
COALITION_WORDS: Final = ("تحالف", "السعودي", "سعودي")
# An event dated this long before publication is background retold, not news.
BACKGROUND_DAYS: Final = 21
PAST_WEEK_DAYS: Final = 7  # "وكانت المدفعية قد قصفت الخميس الماضي": still news; ten days back, background
LAYERS: Final = (ENTITY_KINDS, frozenset({"date:relative", "date:month", "date:weekday"}))
CAS_KINDS: Final = frozenset({"cas:killed", "cas:injured", "cas:zero", "cas:unknown", "cas:vague", "cas:dual"})
# Matching form: a definite place word with no name ("مركز المديرية") is the place just told.
THE_TOWN: Final = frozenset({"المدينه", "البلده", "القريه", "المخيم", "الحي", "المديريه", "الناحيه", "القضاء"})
THE_SITE: Final = frozenset({"السد", "المطار", "المعبر", "الحقل", "القاعده"})  # "the dam": the one named so
_THE_SAME_PLACE: Final = re.compile(
    r"(?:المنطقه|المكان|الموقع|المحور|الجبهه|البلده|القريه) (?:ذاتها|نفسها|ذاته|نفسه)"
    r"|(?:طوقت|طوقوا|تطويق|بتطويق) (?:المنطقه|المكان|الموقع)"  # "طوّقت المنطقة": the area of the event told
)


def extract_events(
    articles: pa.Table,
    *,
    lexicon: Lexicon,
    run_id: str | None,
    version: str,
    forms: Sequence[Derived] | None = None,
    sentences: Sequence[list[tuple[Span, int]]] | None = None,
) -> pa.Table:
    """Events of a whole batch of cleaned articles (needs article_id, text, title, published_at).

    `forms` (the texts' matching forms) and `sentences` (their (sentence, paragraph) spans), one
    per row, are what earlier stages of the same process made; without them they are made here.
    """
    rows: list[dict] = []
    for i, article in enumerate(articles.to_pylist()):
        form = forms[i] if forms is not None else None
        spans = sentences[i] if sentences is not None else None
        rows.extend(extract_article(article, lexicon=lexicon, run_id=run_id, version=version, form=form, spans=spans))
    return pa.Table.from_pylist(rows, schema=EVENTS)


def extract_article(
    article: dict,
    *,
    lexicon: Lexicon,
    run_id: str | None,
    version: str,
    form: Derived | None = None,
    spans: list[tuple[Span, int]] | None = None,
) -> list[dict]:
    """Event rows of one article (a dict with the articles table's columns); `form` is its text's
    matching form and `spans` its sentences, when made already (else from its `sentences` column)."""
    text = article["text"] or ""
    derived = to_matching_form(text) if form is None else form
    spans = _segmented(article) if spans is None else spans
    sentences = sentence_views(text, derived, article.get("title") or "", lexicon, spans=spans)
    sentences = bind_defined_terms(sentences)
    places = ArticlePlaces(sentences, countries=lexicon.country_places)
    published = reference_day(article["published_at"], places.iso)  # the day where it was written
    morning_edition = local_time(article["published_at"], places.iso).hour < MORNING_ENDS
    speaker = _speaker(sentences, places.iso)
    candidates: list[Candidate] = []
    for sentence in sentences:
        context = _Context(candidates, places, published, lexicon, morning_edition)
        found = _sentence_candidates(sentence, context)
        if found:
            ours = _quoting(sentence, places.iso) or speaker
            candidates += [_ours(c, ours) for c in found]
        candidates = told_later(sentence, found, candidates, places)
    events = merge_tellings(_aggressor_named(_uncontested(candidates)))
    events = [merged_event_defaults(c, lexicon) for c in events]
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
            c = c.with_roles(replace(c.roles, actor1=aggressor))
        out.append(c)
    return out


def _speaker(sentences: list[SentenceHits], iso: str | None) -> Actor | None:
    """Who speaks in a statement that says "our forces": the group it is signed by ("الناطق
    الرسمي باسم قوات الدعم السريع"), else the first group the article names."""
    if not any(s.has("cue:ours") for s in sentences):
        return None
    signed = [h for s in sentences for h in s.of("actor") if s.preceded_by(h, "cue:spokesman", within=0)]
    named = [h for s in sentences[:3] for h in s.of("actor") if not actor_of(h).generic]
    hits = signed or named
    if not hits:
        return None
    return actor_at(hits, hits[0].start, iso)


def _quoting(sentence: SentenceHits, iso: str | None) -> Actor | None:
    """ "قال المركز الإعلامي لقوات سوريا الديمقراطية إن «... وتصدّت لهم قواتنا»": "our forces" are
    those of the group named before the "إن" that opens what it says."""
    if not sentence.has("cue:ours"):
        return None
    ours, text = sentence.of("cue:ours")[0], sentence.derived.text
    that = [a for a, b in sentence.words_before(ours.start, 40) if text[a:b] in THAT_WORDS]
    named = [h for h in sentence.of("actor") if that and h.end <= that[-1] and not actor_of(h).generic]
    return actor_at(named, named[-1].start, iso) if named else None


def _ours(candidate: Candidate, speaker: Actor | None) -> Candidate:
    """ "تمكّنت قواتنا من دحر هجوم شنّته مليشيات البرهان": the speaker fought whoever it names."""
    roles = candidate.roles
    if speaker is None or not candidate.sentence.has("cue:ours") or speaker in (roles.actor1, roles.actor2):
        return candidate
    named = roles.actor1 is not None and not roles.actor1.generic
    if (
        named
        and candidate.sub_event_type != "Disrupted weapons use"
        and not _fought_with(candidate, cast(Actor, roles.actor1))
    ):
        return candidate.with_roles(roles.with_actor2(speaker))  # it attacked the speaker
    other = roles.actor1 if named else roles.actor2
    return candidate.with_roles(Roles(speaker, other, "reported"))


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
        first = int_bisect_left(starts, lo)
        inside = [h for h in hits[first : int_bisect_left(starts, hi)] if h.end <= hi]
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
    return None if stored is None else [(make_span(s["start"], s["end"]), s["paragraph"]) for s in stored]


def _sentence_candidates(sentence: SentenceHits, context: _Context) -> list[Candidate]:
    triggers = event_triggers(sentence)
    primary = primary_trigger(sentence, triggers)
    if primary is None or stray_fire(sentence, primary, context.earlier):
        return []
    found = _told_by(sentence, primary, context)
    if not found:
        return []
    places = context.places
    found += clause_events(sentence, triggers, primary, found, places)
    found += answered_in_kind(sentence, triggers, primary, found, places)
    found += demolition_clause(sentence, triggers, primary, found, places)
    found += second_weapon_events(sentence, triggers, primary, found, places)
    return found + _other_kind_clause(sentence, triggers, primary, found, context)


@dataclass
class _Context:
    """What reading one sentence needs besides the sentence: the article so far and its setting.
    Treat as immutable (dataclasses.replace); its __init__ written out to build natively (see Hit)."""

    earlier: list[Candidate]
    places: ArticlePlaces
    published: date
    lexicon: Lexicon
    morning: bool

    def __init__(
        self, earlier: list[Candidate], places: ArticlePlaces, published: date, lexicon: Lexicon, morning: bool
    ):
        self.earlier, self.places, self.published, self.lexicon, self.morning = (
            earlier,
            places,
            published,
            lexicon,
            morning,
        )


def _told_by(sentence: SentenceHits, primary: Hit, ctx: _Context) -> list[Candidate]:
    """The events `primary` tells: one per place its clause names (none when it names no type,
    no place an analyst could map, or a count over many)."""
    earlier, places = ctx.earlier, ctx.places
    clause = clause_of(sentence, primary)
    own = _in_the_claim(sentence, primary, places.locate(sentence, clause), places)
    iso = own[0].place.iso if own else places.iso
    roles = assign_roles(sentence, primary, iso=iso, clause=clause, outlet_iso=places.iso)
    sub, inferred = resolve_type(sentence, primary, roles)
    sub = _detained_abroad(sub, roles, iso)
    if sentence.has("cue:total") and all(loc.place.rank > 0 for loc in own):
        return []  # "أن 43 شخصاً قُتلوا في حوادث متفرقة خلال شهر تشرين الثاني": a count over places and days
    locations = []
    if sub:
        own = _arrests_after(sentence, sub, own, earlier) or own
        locations = own or _inherited_location(sentence, ctx, sub, roles) or _province_of_unknown(sentence, places)
    if not sub or not locations or not_an_event(sentence, primary, sub):
        return []  # no type, no place an analyst could map, or a release, a broken truce, a crime
    if not own and _attackers_killed(sentence, primary, earlier):
        return []  # "وقُتل ثلاثة من المهاجمين": the toll of the fight told before (told_later adds it)
    heard = inferred and trigger_of(primary).sub_event_type == "@explosion"
    roles = sides_told(sentence, roles, earlier, sub)
    roles = roles_for(sub, actor_told(sentence, primary, roles, earlier), heard, sentence)
    roles = group_told(sentence, primary, sub, roles, earlier)
    roles = home_forces_hit(sentence, sub, tribal_fight(sentence, primary, roles, sub), locations[0], ctx.lexicon)
    roles = soldiers_hit(sentence, sub, roles, locations[0], ctx.lexicon)
    roles = army_unit_hit(sentence, sub, speakers_defences(sentence, sub, roles), locations[0], ctx.lexicon)
    roles = perpetrators_arrested(sentence, sub, roles, locations[0], earlier)
    placed = _when_and_where(sentence, primary, sub, own, locations, earlier, ctx.published, ctx.lexicon, ctx.morning)
    if placed is None:
        return []
    locations, when = placed
    casualties = _casualties(sentence, primary, len(locations))
    if len(locations) == 1 and _toll_of_another_place(sentence, primary, locations[0], ctx.places):
        casualties = Casualties(None, None)
    if sub == "Peaceful protest" and casualties.fatalities:
        casualties = replace(casualties, fatalities=None)  # "رفعوا صور القتيلين": the dead it mourns
    return [Candidate(sentence, sub, inferred, loc, when, roles, casualties, heard) for loc in locations]


def _attackers_killed(sentence: SentenceHits, primary: Hit, earlier: list[Candidate]) -> bool:
    """ "تصدّت قسد لهجوم ... على أم الكيف. وقُتل ثلاثة من المهاجمين": dead named as the attackers,
    with no place of their own, are the fight's dead, not an attack of their own."""
    if not earlier or earlier[-1].sub_event_type != "Armed clash" or not sentence.has("cas:killed"):
        return False
    attackers = sentence.followed_by(primary, "cue:attackers", within=ATTACKERS_REACH)
    return attackers is not None and not sentence.has("actor")


def _detained_abroad(sub: str | None, roles: Roles, iso: str | None) -> str | None:
    """ "خطفت قوة إسرائيلية راعياً من بلدة شبعا": a foreign army taking a man detains him (Arrests)."""
    army = roles.actor1
    if sub == "Abduction/forced disappearance" and army is not None and army.inter == 1 and army.home not in ("", iso):
        return "Arrests"
    return sub


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
    second = max(later, key=lambda t: (trigger_of(t).priority, -t.start))
    told = [
        c
        for c in _told_by(sentence, second, replace(ctx, earlier=ctx.earlier + found))
        if c.sub_event_type != found[0].sub_event_type
    ]
    told = [c for c in told if cast(Location, c.location).start >= clause[1]]  # at a place of its own
    if not told:
        return []
    if len(found) == 1:
        found[0] = replace(found[0], casualties=count_casualties(sentence, until=clause[1]))  # each clause its toll
    none_hurt = any(h.start > clause[1] for h in sentence.of("cas:zero"))
    toll = Casualties(0, 0) if none_hurt else count_casualties(sentence, since=clause[1])
    return [replace(c, casualties=toll) for c in told]


def _in_the_claim(sentence: SentenceHits, primary: Hit, own: list[Location], places: ArticlePlaces) -> list[Location]:
    """ "قال مصدر إن انسحاب الجيش من الخوي تكتيكي، مؤكداً أن مسيّرات الجيش نفّذت ضربات قرب
    النهود": the event lies in the claim its trigger stands in, where that claim names a town."""
    that = sentence.that_before(primary.start, 12)
    if not own or that is None or own[0].start > that:
        return own
    return places.towns_after(sentence, that)[:1] or own


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
    if not when.explicit and _long_ago(sentence, primary):
        return None  # "صيانة العنفات التي تضررت جراء المعارك التي شهدها محيط السد مطلع العام"
    dated = when.explicit  # by the sentence itself, not by an event told earlier at its place
    if not own and not when.explicit:
        when = _date_told_at(locations[0], earlier, when)  # more on an event told earlier
    if quoted_comment(sentence, primary, when, earlier):
        return None
    claim = sentence.is_definite(primary) and any(c.end <= primary.start for c in sentence.of("cue:claimed"))
    told = (
        None
        if when.explicit and not (claim or when.reported)
        else told_before(sentence, primary, sub, locations, earlier)
    )
    if told is not None:
        if told.sub_event_type != sub:
            return None  # "القصف" after an air strike: the generic word for the strike told
        locations, when = [cast(Location, told.location)], told.date  # its toll joins the event when merged
    elif comment_on_events(sentence, primary, own, when, earlier) or over_a_period(sentence, primary, when):
        return None
    if (published - when.day).days > BACKGROUND_DAYS:
        return None
    if earlier and any(c.end <= primary.start for c in sentence.of("cue:recap")):
        return None  # "حصيلة اليوم في ريف حمص: مقتل راعيين في شين": the digest's recap of what it told
    if _told_as_past(sentence) and when.explicit and (published - when.day).days > PAST_WEEK_DAYS:
        return None  # "وكان الجيش قد استعاد السيطرة على ود مدني في الحادي عشر من يناير"
    if _recalled(sentence, primary) and (not dated or (published - when.day).days > 2):
        return None  # "مذكّراً بأن إسرائيل شنّت في الأيام التي أعقبت سقوط النظام مئات الغارات"
    if not when.explicit and counted_since(sentence, primary):
        return None  # "قُتل 19 شخصاً في اشتباكات مسلحة بالعاصمة منذ مطلع العام": a count, no one event
    if when.explicit and when.precision >= 2 and sentence.has("cue:total"):
        return None  # "قُتل 43 شخصاً ... خلال شهر تشرين الثاني": a month's count, no one event
    year = stated_year(sentence)
    if year is not None and year < published.year and (not dated or _year_of_the_deed(sentence, primary)):
        return None  # "وكانت سرت قد خضعت لسيطرة التنظيم بين عامي 2015 و2016": history, not news
    return locations, when


def _year_of_the_deed(sentence: SentenceHits, primary: Hit) -> bool:
    """ "أقفلت المدارس اليوم، فيما يذكّر الأهالي باشتباكات صيف 2023": a past year right after the
    event word dates the deed, whatever day the rest of the sentence is about."""
    text = sentence.derived.text
    after = " ".join(text[a:b] for a, b in sentence.words_after(primary.end, 2))
    return any(ch.isdigit() for ch in after) and stated_year_in(after) is not None


def _long_ago(sentence: SentenceHits, primary: Hit) -> bool:
    """The event word dated long past, near it (not "... نزحوا منذ أشهر" of the people it spared),
    or still to come ("تشهد صنعاء غداً مسيرة")."""
    for kind in ("cue:long_ago", "cue:tomorrow"):
        near = sentence.followed_by(primary, kind, within=6)
        if near is not None or sentence.preceded_by(primary, kind, within=3) is not None:
            return True
    return False


def _told_as_past(sentence: SentenceHits) -> bool:
    """ "وكان الجيش قد استعاد السيطرة على ود مدني في الحادي عشر من يناير": the sentence opens in the
    pluperfect, background to the news (an undated one retells an event, `told_before`)."""
    cue = next(iter(sentence.of("cue:pluperfect")), None)
    return cue is not None and cue.start <= sentence.start + 1


def _recalled(sentence: SentenceHits, primary: Hit) -> bool:
    """Background brought back ("يُذكر أن", "مذكّراً بأن"): told to explain the news, not as news."""
    return any(c.end <= primary.start for c in sentence.of("cue:recalled"))


def _casualties(sentence: SentenceHits, trigger: Hit, n_locations: int) -> Casualties:
    """The sentence's toll; unknown when it is shared by several places, unless none was hurt."""
    cut = _toll_cut_at(sentence, trigger)
    casualties = count_casualties(sentence, until=cut)
    none_hurt = Casualties(0, 0)
    if cut is not None and casualties == Casualties(None, None) and count_casualties(sentence, since=cut) == none_hurt:
        casualties = none_hurt  # "... مطالبين بإغلاقه، دون أن تُسجَّل إصابات": said after what it is about
    if n_locations > 1:
        return casualties if casualties == Casualties(0, 0) else Casualties(None, None)
    killings = [t for t in sentence.of("trigger") if trigger_of(t).sub_event_type == "@assassination"]
    assassinated = any(not _charged_with(sentence, t) for t in killings)
    assassinated = assassinated and trigger_of(trigger).sub_event_type not in DEMONSTRATION_TYPES
    assassination = assassinated and not sentence.has("cue:attempt")  # "اغتالت مسيّرة قيادياً": one killed
    if assassination and casualties.fatalities is None:
        return replace(casualties, fatalities=1)  # an assassination kills its one target
    return casualties


def _toll_of_another_place(sentence: SentenceHits, trigger: Hit, location: Location, places: ArticlePlaces) -> bool:
    """ "خطف ناشط في ترهونة ومقتل مهاجرَين برصاص حراس مركز إيواء في الزاوية": dead joined by "و"
    after the event's place, with a town of their own after them, are that town's event's."""
    after = max(location.start, trigger.end)
    killed = next((h for h in sentence.of("cas:killed") if h.start > after), None)
    if killed is None or sentence.derived.text[killed.start - 1 : killed.start] != "و":
        return False
    return any(town.place != location.place for town in places.towns_after(sentence, killed.end))


def _toll_cut_at(sentence: SentenceHits, trigger: Hit) -> int | None:
    """Where the event's toll stops: at what a protest is about ("احتجاجاً على مقتل شاب"), or at the
    death a fight broke out over ("اندلعت اشتباكات إثر مقتل عنصر"); `count_casualties` already stops
    at a cause ("على خلفية") and resumes at what followed it ("ما أدى إلى")."""
    if trigger_of(trigger).sub_event_type in DEMONSTRATION_TYPES:
        about = [c for kind in ("cue:about", "cue:cause") for c in sentence.of(kind) if c.start > trigger.start]
        return min((c.start for c in about), default=None)
    after = (
        c.start
        for c in sentence.of("cue:reference")
        if c.start > trigger.end and sentence.followed_by(c, "cas:killed", within=0) is not None
    )
    return min(after, default=None)


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
    if earlier and sentence.has("cue:next_day") and earlier[-1].date.day < published:
        before = earlier[-1].date
        return EventDate(before.day + timedelta(days=1), before.precision, before.explicit)
    if sentence.is_definite(trigger):  # "الاشتباكات أسفرت عن ...": the clashes already told
        same = [c for c in earlier if c.sub_event_type == sub]
        if same:
            return replace(same[-1].date, explicit=False)
    same_paragraph = [c for c in earlier if c.sentence.paragraph == sentence.paragraph and c.date.explicit]
    if same_paragraph:
        return replace(same_paragraph[-1].date, explicit=False)
    dated = [c for c in earlier if c.date.explicit and not c.date.reported and not c.sentence.has("cue:pluperfect")]
    if dated:  # the article's last stated day, less certain outside its paragraph (not a flashback's, "وكانت")
        return replace(dated[-1].date, explicit=False, precision=max(2, dated[-1].date.precision))
    if morning and sentence.has("cue:evening"):
        return EventDate(published - timedelta(days=1), 1, False)  # "مساءً" in a morning paper: last night
    return EventDate(published, 2, False)


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


def _inherited_location(sentence: SentenceHits, ctx: _Context, sub: str, roles: Roles) -> list[Location]:
    """A sentence that names no place continues its paragraph's place (the lead, the title's), unless
    it happened at sea ("استهدفت حاملة الطائرات في شمال البحر الأحمر")."""
    if sentence.has("cue:at_sea"):
        return []
    located = [c for c in ctx.earlier if c.location is not None]
    for c in reversed(located):
        if c.sentence.paragraph == sentence.paragraph:
            return [cast(Location, c.location)]
    titles = [c for c in located if c.sentence.is_title]
    if titles and (sentence.paragraph <= 1 or _the_titles_town(sentence, located, titles[0])):
        return [cast(Location, titles[0].location)]
    body = [c for c in located if not c.sentence.is_title]
    lead = body[0] if body else None
    # "استهدفت القوات حاملة الطائرات ترومان" after the American strikes on Sanaa: the other side's act
    other_side = lead is not None and _named_actor(roles) and _named_actor(lead.roles)
    other_side = other_side and roles.actor1 != cast(Candidate, lead).roles.actor1
    more = lead is not None and sub == lead.sub_event_type and not other_side
    if body and (more or _truce_reached(sentence, sub)) and not names_unknown_place(sentence):
        return [cast(Location, body[0].location)]  # more on the lead event, or the truce that ends it: its place
    last = _last_by_the_side(body, roles)
    if last is not None and (sentence.has("cue:later") or _after_the_event(sentence)):
        return [cast(Location, last.location)]  # "اعتقلوا، في وقت لاحق من اليوم، ثلاثة من منظمي الوقفة": what followed
    if last is not None and sub == "Arrests" and involved_in_one_told(sentence) and not _fought_in(roles, last):
        return [cast(Location, last.location)]  # "اعتقلت أمس سبعة من المشاركين في النزاع": where it was
    if last is not None and _points_to_a_place(sentence, last):
        return [cast(Location, last.location)]  # "في إدخال السيارة إلى المدينة": the town just told
    return []


def _fought_in(roles: Roles, told: Candidate) -> bool:
    """The force that makes the arrests (or an unnamed one: "الدورية") was a side of the fight told
    (the patrol fired on that then held two of the smugglers): the arrests are part of that fight."""
    forces = [a for a in told.roles.sides if a is not None and a.inter in (1, 2, 3)]
    return bool(forces) and (roles.actor1 is None or roles.actor1 in forces)


def _last_by_the_side(told: list[Candidate], roles: Roles) -> Candidate | None:
    """The event just told, or, when the sentence names its side ("القصف التركي" after a Turkish and
    then an Iranian shelling), the last one that side did."""
    if not told:
        return None
    if _named_actor(roles):
        same = [c for c in told if c.roles.actor1 == roles.actor1]
        if same:
            return same[-1]
    return told[-1]


def _arrests_after(sentence: SentenceHits, sub: str, own: list[Location], earlier: list[Candidate]) -> list[Location]:
    """ "وأشار مصدر في شرطة البصرة إلى أن القوات الأمنية اعتقلت خمسة من المتورطين": the province
    names the police, not the place; the arrests are where the event they follow was."""
    if sub != "Arrests" or len(own) != 1 or not _names_an_institution(sentence, own[0]):
        return []
    place = own[0].place
    same = [c for c in earlier if c.location is not None and c.location.place.admin1 == place.admin1]
    return [cast(Location, same[-1].location)] if same and involved_in_one_told(sentence) else []


def _names_an_institution(sentence: SentenceHits, location: Location) -> bool:
    return sentence.word_before(location.start) in INSTITUTION_WORDS


def _named_actor(roles: Roles) -> bool:
    return roles.actor1 is not None and not roles.actor1.generic


def _after_the_event(sentence: SentenceHits) -> bool:
    """ "وعقب الهجوم، شرعت قوة مشتركة بعملية تفتيش ... أسفرت عن اعتقال شخصين": what followed the
    event just told, where it was told."""
    return any(
        sentence.is_definite(t) and sentence.preceded_by(t, "cue:reference", within=0) for t in sentence.of("trigger")
    )


def _the_titles_town(sentence: SentenceHits, located: list[Candidate], title: Candidate) -> bool:
    """ "داهموا أطراف القرية" under a title that names the village, with no event told since."""
    town = cast(Location, title.location).place.rank == 0
    return town and all(c.sentence.is_title for c in located) and _points_to_a_place(sentence, title)


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
    made = ("التوصل", "اتفاق أبرم", "أبرم", "إبرام", "عطوة")  # a tribal truce is signed when told
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
            at = cast(Location, told.location).start
            named = told.sentence.derived.text[at : at + len(word)]
            return named == word[2:] or named.startswith(word[2:] + " ")
    return False


def _charged_with(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "تتهمهم بالانتماء إلى خلية تقف وراء عمليات اغتيال": killings the arrested are accused of."""
    if any(sentence.preceded_by(trigger, kind, within=4) for kind in ("cue:behind", "cue:charge")):
        return True
    target = sentence.preceded_by(trigger, "cue:target", within=4)
    return target is not None and target.entry.phrase != "على"  # "أقدم مسلحون على اغتيال": the deed itself


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
        "fatalities": none_killed_if_only_wounded(c.casualties).fatalities,
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
