"""What a later sentence adds to the events an article has told: the suspect it blames, the
victims' side it names, the toll it gives (none of these sentences tells an event of its own)."""

from __future__ import annotations

from dataclasses import replace
from typing import Final, cast

from eventlake.actors import ACCUSE_KINDS, UNIDENTIFIED, actor_at
from eventlake.background import EVENT_NOUNS
from eventlake.candidate import Candidate
from eventlake.casualties import Casualties, count_casualties, risen_toll
from eventlake.lexicon_types import Actor, actor_of, place_of
from eventlake.matcher import Hit
from eventlake.places import ArticlePlaces, Location
from eventlake.sentence import RELATIVE_WORDS, SentenceHits

ARMED_INTERS: Final = (1, 2, 3, 4)  # state, rebel, political and communal forces: attacks on them are battles (ACLED)
BLAME_REACH: Final = 3  # sentences back that "يُعتقد أن ... تقف وراء" may point to
TOLL_REACH: Final = 4  # sentences back that "ليرتفع عدد القتلى إلى ..." may point to
# Events that kill no one by themselves (the arrests after a clash): a later toll is not theirs.
NO_TOLL_TYPES: Final = frozenset(
    {"Arrests", "Agreement", "Non-violent transfer of territory", "Change to group/activity"}
)
VICTIMS_SIDE_CUES: Final = ("cue:members_of", "cue:mourned")
RUNNING_TOTAL_CUES: Final = ("cue:total", "cue:earlier_toll", "cue:toll_rise", "cue:documented", "cue:habitual")
PERPETRATION_VERBS: Final = ("نفذ", "شن", "زرع")  # "... نفذت الهجوم", "شنّوا الهجوم", "زرعت العبوة" (matching form)
# A deed told already, as the object pronoun of its verb ("المسيّرات أطلقتها الميليشيا"), matching form.
DEED_DONE_BY: Final = frozenset(
    {"اطلقتها", "اطلقها", "اطلقوها", "نفذها", "نفذتها", "نفذته", "نفذوه", "نفذوها", "شنها", "شنتها", "شنته", "شنوه"}
    | {"زرعها", "زرعتها", "زرعه", "زرعته", "زرعوها", "ارسلتها", "ارسلها", "سيرتها"}
)
# "It was ... who" between a name and its deed ("هي من نفذت الهجوم"), matching form.
IT_WAS_WORDS: Final = frozenset({"هي", "هو", "هم", "هن"})  # matching form
WHO_WORDS: Final = frozenset({"من", "التي", "الذي", "الذين"})
# Ordinals that pick one of the events told ("الغارة الأولى", "وأن الثانية"), matching form: its index.
ORDINALS: Final = {"الاولي": 0, "الثانيه": 1, "الثالثه": 2, "والثانيه": 1, "والثالثه": 2}
# What was told, named after "وراء" (matching form): "بالوقوف وراء الحادثة", "وراء مقتله".
INCIDENT_WORDS: Final = frozenset(
    {"الحادثه", "الحادث", "الجريمه", "العمليه", "مقتله", "مقتلها", "مقتلهم", "خطفه", "اختطافه"}
)
INSTITUTION_WORDS: Final = frozenset({"مركز", "مستشفى", "مستشفي", "مشفى", "مشفي", "مجمع"})  # matching form
# "Linked to" (matching form): a group close to an actor is not that actor.
LINKED_WORDS: Final = frozenset(
    {"مرتبطه", "المرتبطه", "مرتبطين", "مرتبط", "مقربه", "مقربين", "مواليه", "موالين", "المواليه"}
)


def told_later(
    sentence: SentenceHits, found: list[Candidate], candidates: list[Candidate], places: ArticlePlaces
) -> list[Candidate]:
    """The events told so far (`candidates`), with what `sentence` adds to them; `found` are the
    events the sentence tells itself (a sentence that tells one adds only a suspect it blames)."""
    if not found or (sentence.has("cue:behind") and not any(_named_perpetrator(c) for c in found)):
        named = [c.sentence.index for c in candidates if _named_perpetrator(c) and c not in found]
        since = max(named, default=-1)  # not past an event whose perpetrator is named
        candidates = [_blamed_next(sentence, c) if c.sentence.index > since else c for c in candidates]
        candidates = _victims_named_next_all(sentence, candidates)
    if not found:
        candidates = _toll_risen_next(sentence, candidates, places)
        candidates = _wounded_died_next(sentence, candidates)
        candidates = _toll_told_next(sentence, candidates, places)
    return candidates


def _named_perpetrator(candidate: Candidate) -> bool:
    return candidate.roles.actor1 is not None and not candidate.roles.actor1.generic


def _blamed_next(sentence: SentenceHits, event: Candidate) -> Candidate:
    """ "عُثر على جثة راعٍ ... ويُعتقد أن خلايا داعش تقف وراء مقتله": a suspect named after a hedge
    in a sentence that reports no new event is the unnamed perpetrator of the events just told."""
    if event.roles.actor1 not in (None, UNIDENTIFIED):
        return event  # a named side, or protesters and rioters, who are no one's suspects
    same = event.sentence is sentence  # "... بمدينة الفاشر، واتهمت المصادر قوات الدعم السريع بتنفيذه"
    if same and not any(sentence.has(kind) for kind in ACCUSE_KINDS):
        return event
    if not same and not 0 < sentence.index - event.sentence.index <= BLAME_REACH:
        return event
    claimant = _claimant(sentence)
    if claimant is not None:
        return event.with_roles(event.roles.with_actor1(claimant, "reported"))
    hedge = next(iter(sentence.of("cue:hedge")), None)
    iso = event.location.place.iso if event.location is not None else None
    after_hedge = hedge.end if hedge is not None else sentence.end
    local = [  # "مسلحين يُعتقد أنهم من فلول النظام" in Syria: a local name after the hedge, or one said to have done it
        h
        for h in sentence.of("actor_local")
        if iso in actor_of(h).local_in and (h.start > after_hedge or _did_this(sentence, h))
    ]
    suspects = [
        h
        for h in sentence.of("actor") + local
        if not actor_of(h).generic
        and not _linked_to(sentence, h)
        and ((hedge is not None and h.start > hedge.end) or _accused_of_this(sentence, h) or _did_this(sentence, h))
    ]
    if not suspects:
        told_again = sentence.has("cue:behind") or sentence.has("trigger") or _deed_done_by(sentence)
        return event if hedge is not None or told_again else _weapon_owner_told(sentence, event)
    suspects.sort(key=lambda h: h.start)
    suspect = actor_at(suspects, suspects[0].start, iso)
    attribution = "suspected" if hedge is not None else "reported"  # "أكدت ... أن داعش نفذت الهجوم"
    roles = event.roles.with_actor1(suspect, attribution)
    return event.with_roles(roles.with_actor2(None) if roles.actor2 == suspect else roles)  # a fight's too


def _weapon_owner_told(sentence: SentenceHits, event: Candidate) -> Candidate:
    """ "قال مسؤول محلي إن «الطائرة تركية»", "إن المسيّرة تابعة للجيش التركي": the weapon's owner,
    stated in a sentence that tells no event (a hedge would have named a suspect instead)."""
    owner = next((h for h in sentence.of("actor_adj") if sentence.preceded_by(h, "cue:agent", within=0)), None)
    owner = owner or next((h for h in sentence.of("actor") if _owned_weapon(sentence, h)), None)
    if owner is None:
        return event
    return event.with_roles(event.roles.with_actor1(owner.entry.value, "reported"))


def _owned_weapon(sentence: SentenceHits, hit: Hit) -> bool:
    """ "وأفاد مراسلنا بأن المسيّرة تابعة لجيش الاحتلال التركي": the weapon's owner, named after it."""
    owned = sentence.preceded_by(hit, "cue:owner", within=0)
    return owned is not None and sentence.preceded_by(owned, "cue:agent", within=0) is not None


def _claimant(sentence: SentenceHits) -> Actor | None:
    """ "وتبنّى المتحدث العسكري باسم ميليشيا الحوثي العملية": the group that claims the attack told."""
    for cue in sentence.of("cue:claimed"):
        named = sentence.followed_by(cue, "actor", within=3)
        if named is not None and not actor_of(named).generic:
            return named.entry.value
    return None


def _linked_to(sentence: SentenceHits, hit: Hit) -> bool:
    """ "«مجموعات مرتبطة بالأجهزة الأمنية» بالوقوف وراء الهجوم": groups close to an actor, not the actor."""
    return sentence.word_before(hit.start) in LINKED_WORDS


def _accused_of_this(sentence: SentenceHits, hit: Hit) -> bool:
    """ "واتهمت الحكومة قوات الدعم السريع بالوقوف وراء الهجوم": the accused of this event, not of
    "معظم هذه العمليات" or "سلسلة من عمليات الاغتيال" (a pattern of them)."""
    behind = sentence.followed_by(hit, "cue:behind", within=0) or _after_its_adjective(sentence, hit, "cue:behind")
    if behind is None:
        return False
    if not sentence.derived.text[behind.start : behind.end].endswith("وراء"):
        return True  # "وراء الهجوم", "وراءه"
    after = sentence.words_after(behind.end, 1)
    if after and sentence.derived.text[after[0][0] : after[0][1]] in INCIDENT_WORDS:
        return True  # "بالوقوف وراء الحادثة", "وراء مقتله"
    return sentence.followed_by(behind, "trigger", within=0) is not None


def _after_its_adjective(sentence: SentenceHits, hit: Hit, kind: str) -> Hit | None:
    """A `kind` cue after the name and one adjective of it ("«عناصر تنظيم القاعدة الإرهابي» بزرع العبوة")."""
    cue = sentence.followed_by(hit, kind, within=1)
    words = sentence.words_after(hit.end, 1)
    if cue is None or not words:
        return None
    word = sentence.derived.text[words[0][0] : words[0][1]]
    return cue if word.startswith("ال") and word.endswith(("ي", "يه")) else None


def _did_this(sentence: SentenceHits, hit: Hit) -> bool:
    """ "وأكدت هيئة الحشد في بيان لاحق أن «بقايا عصابات داعش» نفذت الهجوم": the group said to have
    carried out the attack already told (the deed named with the article)."""
    text = sentence.derived.text
    before = [text[a:b] for a, b in sentence.words_before(hit.start, 2) if b <= hit.start]  # nearest first
    if before and before[0] in DEED_DONE_BY:
        return _deed_verb(before[::-1], len(before) - 1)  # "المسيّرات «أطلقتها الميليشيا المتمردة»"
    verb = sentence.followed_by(hit, "cue:agent", within=2 if _it_was_who(sentence, hit) else 0)
    if verb is None or not sentence.derived.text.startswith(PERPETRATION_VERBS, verb.start):
        return False
    deeds = (sentence.followed_by(verb, kind, within=0) for kind in ("trigger", "cue:ied_context"))
    return any(deed is not None and sentence.is_definite(deed) for deed in deeds)  # "زرعت العبوة"


def _it_was_who(sentence: SentenceHits, hit: Hit) -> bool:
    """ "إن مجموعة من فلول النظام هي من نفذت الهجوم": "it was ... who" between the name and the verb."""
    text = sentence.derived.text
    words = [text[a:b] for a, b in sentence.words_after(hit.end, 2)]
    return len(words) == 2 and words[0] in IT_WAS_WORDS and words[1] in WHO_WORDS


def _deed_done_by(sentence: SentenceHits) -> bool:
    """A deed's verb with the deed as its object ("أطلقتها"), not in a relative clause ("العمليات
    التي نفذتها خلايا التنظيم منذ مطلع العام": a count of many)."""
    text = sentence.derived.text
    words = [text[a:b] for a, b in sentence.words_after(sentence.start, 60)]
    return any(_deed_verb(words, i) for i in range(len(words)))


def _deed_verb(words: list[str], i: int) -> bool:
    """`words[i]` is a deed's verb with the deed as its object, not after a relative pronoun."""
    return words[i] in DEED_DONE_BY and (i == 0 or words[i - 1] not in RELATIVE_WORDS)


def _victims_named_next_all(sentence: SentenceHits, candidates: list[Candidate]) -> list[Candidate]:
    """`_victims_named_next` for the events told so far; a sentence that names the place of some of
    them ("قضت على عنصر في حزب الله في منطقة تبنين") speaks of those, however far back."""
    if not sentence.has("actor") or not _counts_victims(sentence):
        return candidates  # most sentences: no group, or no one killed, hurt or mourned in them
    if any(sentence.has(kind) for kind in RUNNING_TOTAL_CUES):
        return candidates  # "وثّقت الشبكة منذ مطلع تموز 23 عملية ... بينهم عناصر سابقون في فصائل المعارضة"
    towns = {h.entry.value for h in sentence.of("place") if place_of(h).rank == 0}
    there = [c.location is not None and c.location.place in towns for c in candidates]
    if not any(there):
        provinces = {(p.iso, p.admin1) for p in towns}  # "الغارة في البقاع الغربي": the one in that province
        near = [
            c.location is not None and (c.location.place.iso, c.location.place.admin1) in provinces for c in candidates
        ]
        some = any(near) and not all(near)
        if not some:  # no place to go by: the victims are the last event's, not one told before it
            near = [c.sentence.index == candidates[-1].sentence.index for c in candidates] if candidates else []
            near = _by_ordinal(sentence, candidates) or near  # "أن الغارة الأولى قضت على عنصر في ..."
        return [
            _victims_named_next(sentence, c, BLAME_REACH) if at else c for c, at in zip(candidates, near, strict=True)
        ]
    far = 2 * BLAME_REACH
    return [_victims_named_next(sentence, c, far) if at else c for c, at in zip(candidates, there, strict=True)]


def _by_ordinal(sentence: SentenceHits, candidates: list[Candidate]) -> list[bool]:
    """ "وزعم الجيش أن الغارة الأولى قضت على عنصر في حزب الله، وأن الثانية استهدفت عنصرين": the
    strikes told in the last few sentences, picked by the ordinals that name them (none: [])."""
    words = sentence.text.split()
    picked = {ORDINALS[w] for w in words if w in ORDINALS}
    recent = [i for i, c in enumerate(candidates) if 0 < sentence.index - c.sentence.index <= BLAME_REACH]
    if not picked or len(recent) < 2 or not any(w.removeprefix("ال") in EVENT_NOUNS for w in words):
        return []
    chosen = {recent[n] for n in picked if n < len(recent)}
    return [i in chosen for i in range(len(candidates))] if chosen else []


def _counts_victims(sentence: SentenceHits) -> bool:
    """Killed, hurt, mourned or counted people ("استهدف «عنصرين من وحدة ... في حزب الله»")."""
    kinds = ("cas:killed", "cas:injured", "cue:mourned", "cas:dual", "cas:singular")
    return any(sentence.has(kind) for kind in kinds)


def _victims_named_next(sentence: SentenceHits, event: Candidate, reach: int) -> Candidate:
    """ "قُتل شخصان بقصف بطائرة مسيّرة تركية ... أفادت مصادر بأنهما من مقاتلي حزب العمال", "ونعى
    «حزب الله» لاحقاً الشابين": the victims' group, named in a sentence that tells no new event."""
    unnamed = event.roles.actor2 is None or (event.roles.actor2.generic and event.roles.actor2.inter == 7)
    if not unnamed or not 0 < sentence.index - event.sentence.index <= reach:
        return event  # a named side stays; "شابين" (young men, read as civilians) may be fighters
    if not _counts_victims(sentence):
        return event
    members = [h for h in sentence.of("actor") if any(sentence.preceded_by(h, k, within=0) for k in VICTIMS_SIDE_CUES)]
    members += [
        h
        for h in sentence.of("actor")
        if _member_in(sentence, h) or _mourns_in_a_statement(sentence, h) or _says_they_were_its_own(sentence, h)
    ]
    iso = event.location.place.iso if event.location is not None else None
    members.sort(key=lambda h: actor_of(h).home != iso)  # one alias, several armies (القوات المسلحة): the country's
    mentions: dict[tuple[int, int], Actor] = {}
    for h in members:
        mentions.setdefault((h.start, h.end), h.entry.value)  # each mention, read as the country's
    named = [a for a in mentions.values() if a not in (event.roles.actor1, None)]
    if not named:
        return event  # "منتسب في الشرطة" after a police raid: the raiders' own force, not another country's
    armed = named[0].inter in ARMED_INTERS and event.sub_event_type == "Attack"
    sub = "Armed clash" if armed else event.sub_event_type  # "نعت هيئة الحشد «الشهيد»": a fighter shot, a clash
    return replace(event, sub_event_type=sub, roles=event.roles.with_actor2(named[0]))


def _toll_told_next(sentence: SentenceHits, candidates: list[Candidate], places: ArticlePlaces) -> list[Candidate]:
    """ "اندلعت اشتباكات ... في بن عاشور" then "وأعلن جهاز الإسعاف مقتل مدنيَين اثنين": a toll in
    the next sentence, which tells no event and names no place, is the last event's (or the one an
    ordinal names)."""
    if not candidates or not sentence.has("cas:killed"):
        return candidates
    if any(sentence.has(kind) for kind in RUNNING_TOTAL_CUES) or sentence.has("cue:since"):
        return candidates  # "ارتفعت حصيلة الاعتداءات منذ بدء المواجهات إلى 97 قتيلاً": no one event's
    if sentence.has("cue:accident") or sentence.has("cue:anniversary"):
        return candidates  # "الذكرى الأولى للمجزرة التي أودت بحياة 20 شخصاً": a past event's, or an accident's
    at = _ordinal_of_the_toll(sentence, candidates)
    if at is None:
        at = len(candidates) - 1  # the last event's, unless an ordinal names another
    event = candidates[at]
    if not all(_in_an_institution_name(sentence, loc) for loc in places.locate(sentence)):
        return candidates
    if event.casualties.fatalities is not None or sentence.index - event.sentence.index != 1:
        return candidates
    if event.sub_event_type in NO_TOLL_TYPES:
        return candidates  # arrests after it kill no one: the toll is another event's ("هجوماً مماثلاً أسفر عن مقتل")
    if event.sentence.is_title or sentence.paragraph == event.sentence.paragraph == 0:
        return candidates  # a headline's second line ("ومقتل مختار قرية") tells its own event
    toll = count_casualties(sentence)
    if toll.fatalities is None:
        return candidates
    injuries = event.casualties.injuries if event.casualties.injuries is not None else toll.injuries
    return [*candidates[:at], replace(event, casualties=Casualties(toll.fatalities, injuries)), *candidates[at + 1 :]]


def _ordinal_of_the_toll(sentence: SentenceHits, candidates: list[Candidate]) -> int | None:
    """ "تقدمت قوة إلى موقع الضربة الأولى وعثرت على أربع جثث": the strike the ordinal before the
    first dead names, among those the last sentence told."""
    killed = sentence.of("cas:killed")
    if not killed or not any(w in ORDINALS for w in sentence.text.split()):
        return None  # most sentences: no ordinal
    text = sentence.derived.text
    before = [text[a:b] for a, b in sentence.words_before(killed[0].start, 30)]  # nearest first
    nth = next((ORDINALS[w] for w in before if w in ORDINALS), None)
    told = [i for i, c in enumerate(candidates) if c.sentence.index == candidates[-1].sentence.index]
    return told[nth] if nth is not None and nth < len(told) and len(told) > 1 else None


def _in_an_institution_name(sentence: SentenceHits, location: Location) -> bool:
    """ "وأعلن مركز الزاوية الطبي مقتل عنصر": a town in the name of who tells the toll, not the
    place of another event."""
    return sentence.word_before(location.start) in INSTITUTION_WORDS


def _toll_risen_next(sentence: SentenceHits, candidates: list[Candidate], places: ArticlePlaces) -> list[Candidate]:
    """ "ثم أعلنت مديرية الصحة وفاة أحد المصابين، ليرتفع عدد الشهداء إلى اثنين": a toll risen a few
    sentences after an event with a smaller one, in a sentence that tells none, is that event's."""
    if not candidates or not (sentence.has("cue:toll_rise") or sentence.has("cue:toll_brought_to")):
        return candidates
    if sentence.has("cue:since") or sentence.has("cue:habitual") or _counts_a_period(sentence):
        return candidates  # "ارتفعت حصيلة الاعتداءات منذ بدء المواجهات إلى 97 قتيلاً": no one event's
    figure = risen_toll(sentence)
    tolled = _tolled(sentence, candidates)
    if figure is None:
        return candidates
    if not tolled:
        return _first_toll_of_the_place(sentence, candidates, figure, places)
    last = candidates[tolled[-1]]
    before = cast(int, last.casualties.fatalities)
    if not before < figure <= max(3 * before, before + 10):
        return candidates  # no rise, or a jump only a running total makes
    risen = replace(last, casualties=Casualties(figure, last.casualties.injuries))
    return [risen if i == tolled[-1] else c for i, c in enumerate(candidates)]


def _first_toll_of_the_place(
    sentence: SentenceHits, candidates: list[Candidate], figure: int, places: ArticlePlaces
) -> list[Candidate]:
    """ "ارتفاع حصيلة العدوان الأمريكي على مديرية بني الحارث إلى شهيدين" after a report of the strike
    with no toll: a risen toll that names the place of an event just told without one is its first."""
    named = {loc.place for loc in places.locate(sentence)}
    untolled = [
        i
        for i, c in enumerate(candidates)
        if c.location is not None
        and c.location.place in named
        and c.casualties.fatalities is None
        and c.sub_event_type not in NO_TOLL_TYPES
        and 0 < sentence.index - c.sentence.index <= TOLL_REACH
    ]
    if not untolled:
        return candidates
    at = untolled[-1]
    hurt = count_casualties(sentence).injuries
    toll = Casualties(figure, hurt if hurt is not None else candidates[at].casualties.injuries)
    return [replace(c, casualties=toll) if i == at else c for i, c in enumerate(candidates)]


def _wounded_died_next(sentence: SentenceHits, candidates: list[Candidate]) -> list[Candidate]:
    """ "وفي وقت لاحق، ذكر مصدر أن أحد الجرحى الأربعة فارق الحياة متأثراً بجروحه": the event just
    told, with a toll, has one more dead and one fewer wounded (a sentence with a new total is
    `_toll_risen_next`'s)."""
    if not candidates or not sentence.has("cue:died_of_wounds") or sentence.has("cue:toll_rise"):
        return candidates
    if sentence.has("cue:toll_brought_to") or sentence.has("cue:total"):
        return candidates
    tolled = _tolled(sentence, candidates)
    died = _how_many_died(sentence)
    if not tolled or died is None:
        return candidates
    last = candidates[tolled[-1]]
    hurt = last.casualties.injuries
    if hurt is not None and hurt < died:
        return candidates  # more dead of wounds than were wounded: another event's
    toll = Casualties(cast(int, last.casualties.fatalities) + died, None if hurt is None else hurt - died)
    return [replace(last, casualties=toll) if i == tolled[-1] else c for i, c in enumerate(candidates)]


def _how_many_died(sentence: SentenceHits) -> int | None:
    """ "أحد الجرحى" is one; otherwise the sentence's own count of dead."""
    if any(sentence.word_before(hit.start) == "احد" for hit in sentence.of("cas:injured")):
        return 1
    return count_casualties(sentence).fatalities


def _tolled(sentence: SentenceHits, candidates: list[Candidate]) -> list[int]:
    """The events just told with a toll to raise (a retelling without one may come between)."""
    return [
        i
        for i, c in enumerate(candidates)
        if 0 < sentence.index - c.sentence.index <= TOLL_REACH
        and c.sub_event_type not in NO_TOLL_TYPES
        and c.casualties.fatalities is not None
    ]


def _counts_a_period(sentence: SentenceHits) -> bool:
    """A running total ("منذ مطلع العام", "خلال الشهر") other than the "brought to" words it shares a list with."""
    brought = {h.start for h in sentence.of("cue:toll_brought_to")}  # "ليرتفع" and "ليرتفع عدد" alike
    return any(h.start not in brought for h in sentence.of("cue:total"))


def _mourns_in_a_statement(sentence: SentenceHits, hit: Hit) -> bool:
    """ "وقال مجلس دير الزور العسكري في بيان نعي إن القتيل أحد مقاتليه": who mourns the dead is their side."""
    cue = sentence.followed_by(hit, "cue:mourned", within=3)
    return cue is not None and cue.entry.phrase in ("بيان نعي", "نعي")


def _says_they_were_its_own(sentence: SentenceHits, hit: Hit) -> bool:
    """ "وأكدت وحدات مقاومة سنجار في بيان أن القتيلين «مقاتلان من صفوفها»": the group that says the
    dead were its own."""
    if sentence.preceded_by(hit, "cue:report", within=1) is None:
        return False
    return any(
        c.start > hit.end and sentence.preceded_by(c, "cue:armed_victims", within=2)
        for c in sentence.of("cue:own_losses")
    )


def _member_in(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قضت على عنصر في حزب الله": the group of the one killed, after a member word and "في", "من"
    or "التابعة ل"."""
    if sentence.preceded_by(hit, "cue:armed_victims", within=5) is None:
        return False
    if sentence.preceded_by(hit, "cue:owner", within=0) is not None:
        return True  # "قضينا على عنصر في الوحدة 4400 التابعة لحزب الله"
    before = sentence.words_before(hit.start, 1)
    return bool(before) and sentence.derived.text[before[0][0] : before[0][1]] in ("في", "من")
