"""Sentences that tell no new event: a state of affairs, a count over a period, a comment on the
events told, a retelling, stray fire of a fight already told."""

from __future__ import annotations

from typing import Final, cast

from eventlake.candidate import Candidate
from eventlake.dates import EventDate
from eventlake.lexicon_types import trigger_of
from eventlake.matcher import Hit
from eventlake.places import Location
from eventlake.schema import SUB_EVENT_TO_TYPE
from eventlake.sentence import SentenceHits, in_quotes
from eventlake.triggers import tells_a_toll

TERRITORY: Final = ("Non-state actor overtakes territory", "Government regains territory")
VIOLENT_TYPES: Final = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
TERRITORY_CHANGES: Final = (*TERRITORY, "Non-violent transfer of territory")
HOLDS_WORDS: Final = frozenset({"تخضع", "يخضع", "وتخضع", "ويخضع"})  # matching form: "... is held by"
# Nouns for an event itself (matching form), which a definite article makes an event told before.
EVENT_NOUNS: Final = frozenset(
    {"قصف", "هجوم", "هجمات", "اشتباك", "اشتباكات", "معارك", "معركه", "مواجهات", "غاره", "غارات", "ضربه", "ضربات"}
    | {"انفجار", "انفجارات", "تفجير", "استهداف", "اقتحام", "عمليه"}
)


def stray_fire(sentence: SentenceHits, primary: Hit, earlier: list[Candidate]) -> bool:
    """ "وأعلن مركز طب الطوارئ وفاة مدنيين جراء الرصاص العشوائي": stray fire after a told fight
    is that fight's toll (`told_later`), not an attack of its own."""
    if not any(SUB_EVENT_TO_TYPE[c.sub_event_type] == "Battles" for c in earlier):
        return False  # "استهدفت مسيّرة حياً ... واجتاحت المليشيا قرية وأطلقت الرصاص عشوائياً": no fight told
    if sentence.has("cue:stray") and sentence.is_definite(primary):
        return True  # "وطاول الرصاص الطائش والقذائف أحياء في مدينة صيدا": the fight's stray fire
    if not primary.entry.phrase.endswith("رصاص"):
        return False
    if sentence.is_definite(primary) and not tells_a_toll(sentence):
        return True  # "«... والرصاص كان يضرب جدران البيوت»": a witness to the fight told, no attack of its own
    return any(sentence.followed_by(primary, kind, within=0) for kind in ("cue:stray", "cue:random_fire"))


def not_an_event(sentence: SentenceHits, primary: Hit, sub: str) -> bool:
    """Words of an event that tell a state, a release, a broken truce or a crime instead."""
    if sub in TERRITORY_CHANGES and _held_since(sentence, primary):
        return True  # "وتخضع ود مدني لسيطرة الدعم السريع منذ ... بعد انسحاب قوات الجيش": a state, not news
    needs = trigger_of(primary).needs_after
    if needs is not None and not any(c.start > primary.end for c in sentence.of(needs)):
        return True  # "استعادت القوات زمام المبادرة": regained the initiative, not ground
    if sub in ("Abduction/forced disappearance", "Arrests") and sentence.has("cue:release"):
        return True  # a release, not a new detention
    if sub == "Agreement" and sentence.preceded_by(primary, "cue:breach", within=1):
        return True  # "تبادل الاتهامات بخرق اتفاق وقف إطلاق النار": the truce broken, not made
    if sub == "Agreement" and sentence.preceded_by(primary, "cue:appeal", within=10):
        return True  # "ناشد المجلس البلدي جميع الأطراف وقف إطلاق النار فوراً": a call, not a truce
    # "ضبط 12 كيلوغراماً من الكريستال وإلقاء القبض على أربعة": drugs, not politics
    crime = sentence.has("cue:crime") and "اطلاق النار" not in sentence.text and "اطلاق نار" not in sentence.text
    return "Arrests" in (sub, trigger_of(primary).sub_event_type) and crime


def _the_deed(sentence: SentenceHits, trigger: Hit) -> bool:
    """A bare definite event word ("القصف"), or one carried out ("قبل تنفيذ الضربة")."""
    if trigger.entry.phrase.startswith("تنفيذ "):
        return sentence.derived.text.startswith("ال", trigger.start + len("تنفيذ "))
    return " " not in trigger.entry.phrase and sentence.is_definite(trigger)


def told_before(
    sentence: SentenceHits, trigger: Hit, sub: str, locations: list[Location], earlier: list[Candidate]
) -> Candidate | None:
    """ "وأكد مدير الناحية أن القصف أثار الهلع", "خلال الاشتباكات": a bare definite event word tells
    again the event of its kind the article told in the same province ("امتدت الاشتباكات إلى": not),
    and so does the attack a group claims ("تبنّى تنظيم «داعش» تفجير العبوة في المطيبيجة")."""
    claimed = any(c.end <= trigger.start for c in sentence.of("cue:claimed"))  # "تبنّى داعش تفجير العبوة"
    if not claimed and not _the_deed(sentence, trigger):
        return None
    if sentence.has("cue:spread"):
        return None
    if sentence.followed_by(trigger, "cue:another", within=0):
        return None  # "الغارة الثانية": the next one
    word = sentence.derived.text[trigger.start : trigger.end]
    owned = any(sentence.followed_by(trigger, kind, within=0) for kind in ("actor_adj", "actor"))
    if word not in EVENT_NOUNS and owned:
        return None  # "استهدفت المدفعية الإسرائيلية": a force's weapon, not the event told
    kinds = {SUB_EVENT_TO_TYPE[sub]}
    if claimed and trigger_of(trigger).sub_event_type == "@attack":
        kinds |= VIOLENT_TYPES  # "تبنّى تنظيم القاعدة الهجوم" after a roadside bomb: "the attack" is the bombing
    provinces = {(loc.place.iso, loc.place.admin1) for loc in locations}
    told = [
        c
        for c in earlier
        if c.location is not None
        and not c.sentence.is_title
        and SUB_EVENT_TO_TYPE[c.sub_event_type] in kinds
        and (c.sub_event_type == sub or SUB_EVENT_TO_TYPE[sub] != "Strategic developments")  # a cache is no arrest
        and (c.location.place.iso, c.location.place.admin1) in provinces
        and c.location.place.rank <= min(loc.place.rank for loc in locations)  # not "strikes on Rif Dimashq"
    ]
    named = [c for c in told if any(cast(Location, c.location).place == loc.place for loc in locations)]
    return (named or told)[-1] if told else None  # "في الغارات على رأس عيسى": the one told there


def comment_on_events(
    sentence: SentenceHits, primary: Hit, own: list[Location], when: EventDate, earlier: list[Candidate]
) -> bool:
    """ "إن «الضربات الجوية مهمة، لكنها لا تكفي»": "the strikes" with no place, day or toll of their
    own, in an article that has told its events, speak about them; no event of their own."""
    towns = [loc for loc in own if loc.place.rank == 0]  # "عضو في مجلس محافظة ديالى": a province names no site
    if towns or when.explicit or not earlier or not sentence.is_definite(primary):
        return False
    return not tells_a_toll(sentence)


def quoted_comment(sentence: SentenceHits, primary: Hit, when: EventDate, earlier: list[Candidate]) -> bool:
    """ "وقال الخبير الأمني إن «العبوات الناسفة باتت السلاح المفضل ...»", "وقالت إحدى النازحات: «نحفر
    الخنادق ...»": an expert, a resident or an MP quoted, with no day of their own, after the events
    were told colours them; neither a new event nor a retelling."""
    commenter = sentence.of("cue:commenter")
    if not commenter or when.explicit or not earlier or commenter[0].start > primary.start:
        return False
    return in_quotes(sentence, primary)


def counted_since(sentence: SentenceHits, primary: Hit) -> bool:
    """The event word is counted since a start ("منذ مطلع العام"), with no rise in between
    ("... ليرتفع عدد القتلى منذ بداية الشهر إلى 40" keeps its own event)."""
    text = sentence.derived.text
    totals = [c for c in sentence.of("cue:total") if c.start >= primary.end]
    since = next((c for c in totals if text.startswith("منذ", c.start)), None)
    if since is None:
        return False
    return not any(c.start < since.start and c.end <= since.start for c in totals + sentence.of("cue:toll_rise"))


def over_a_period(sentence: SentenceHits, primary: Hit, when: EventDate) -> bool:
    """ "إن الغارات التي نفذتها القوات الأمريكية ... خلال الأسابيع الماضية أضعفت قدرتها": strikes
    over weeks, with no day or toll of their own, are a comment on many events, not one."""
    if when.explicit or not sentence.is_definite(primary):
        return False
    if not any(c.start > primary.end for c in sentence.of("cue:habitual")):
        return False
    return not tells_a_toll(sentence)


def _held_since(sentence: SentenceHits, primary: Hit) -> bool:
    """Who holds a place ("تخضع ... لسيطرة"), told before the change that gave it to them."""
    text = sentence.derived.text
    return any(c.end <= primary.start and text[c.start : c.end] in HOLDS_WORDS for c in sentence.of("cue:control"))
