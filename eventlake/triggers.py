"""Which event a sentence reports: the trigger that names it among several, its ACLED
sub-event type, and the sentences that report none (habits, reported speech, a second clause's
weapon told apart)."""

from __future__ import annotations

from typing import Final, cast

from eventlake.actors import UNIDENTIFIED, Roles
from eventlake.lexicon_types import actor_of, trigger_of
from eventlake.matcher import Hit
from eventlake.sentence import RELATIVE_WORDS, SentenceHits, in_quotes

PROTEST_TYPES: Final = ("Peaceful protest", "Protest with intervention")
DEMONSTRATION_TYPES: Final = (*PROTEST_TYPES, "Violent demonstration")
STRIKES: Final = ("Air/drone strike", "Shelling/artillery/missile attack")
DRONES_REACH: Final = 4  # words from "تصدت" to the drones repelled: "تصدت المضادات الأرضية لهجوم بمسيرات"
TERRITORY: Final = ("Non-state actor overtakes territory", "Government regains territory")
CLAUSE_PLACE_KINDS: Final = frozenset({"place", "place_typed", "place_cued"})
HABIT_TOKENS: Final = 6  # a habitual phrase this close to the event word makes the sentence a habit
# "The dead" (matching form) match the verb stem قتل* but name no act of killing.
# "دون (تسجيل) اعتقالات" (matching form): the event word is what did not happen.
WITHOUT_WORDS: Final = frozenset({"دون", "بدون", "دونما"})
RECORDED_WORDS: Final = frozenset({"تسجيل", "وقوع", "حدوث", "اي", "ورود", "معلومات", "انباء", "عن"})
RAID_WORDS: Final = frozenset({"اقتحام", "اقتحم*", "اقتحموا", "اقتحمت"})  # trigger phrases as listed
AREA_OF_WORDS: Final = frozenset({"مناطق", "بمناطق", "ومناطق", "لمناطق", "محاور", "خطوط"})  # matching form
PAST_DAY_WORDS: Final = frozenset({"الامس", "البارحه"})  # "قصف الأمس", matching form
LINE_WORDS: Final = frozenset(
    {"خط", "بخط", "لخط", "وخط", "خطوط", "بخطوط"}
)  # "قرب خط وقف إطلاق النار": a place, matching form
CAPTIVE_PHRASES: Final = frozenset({"مخطوف*"})  # trigger phrases as listed
HELD_AT_WORDS: Final = frozenset({"مكان", "اماكن", "مركز", "مراكز"})  # "مكان احتجاز", matching form
DEAD_NOUNS: Final = frozenset({"قتلي", "قتلاهم", "قتلاه", "قتلاها", "قتلانا"})
# Verbs whose subject is an event told before, when what follows is no toll (matching form).
CONSEQUENCE_VERBS: Final = frozenset({"ادت", "وادت", "تسببت", "وتسببت", "اجبرت", "واجبرت", "دفعت", "ودفعت"})
# Words before a protest word that make it a topic or a consequence, not the event (matching form).
TOPIC_OR_STIRRED: Final = frozenset({"عن", "تثير", "يثير", "اثار", "اثارت", "اثاره"})


def event_triggers(sentence: SentenceHits) -> list[Hit]:
    """The sentence's event words that can name an event of its own: not one pointed back to
    (تلك الغارة), feared (خوفاً من هجمات), a means (بعد نصب كمين), the support of an attack
    (بإسناد من المسيّرات والمدفعية) or "the dead" of a toll."""
    triggers = [
        t
        for t in sentence.of("trigger")
        if not (sentence.preceded_by(t, "cue:anaphora", within=0) and sentence.is_definite(t))
        and not _only_hoped_for(sentence, t)
        and not _a_fight_broken_up(sentence, t)
        and not ((sentence.has("cue:support") or sentence.has("cue:cover")) and _in_support(sentence, t))
        and not refers_back(sentence, t)
        and sentence.derived.text[t.start : t.end] not in DEAD_NOUNS  # "ارتفاع عدد القتلى": a toll, no act
        and not sentence.preceded_by(t, "cue:member_of_movement", within=1)  # "الناشط في الحراك الاحتجاجي"
        and not _without(sentence, t)
        and not sentence.preceded_by(t, "cue:halt", within=0)  # "مقابل وقف المداهمات": a demand, no raid
        and not _in_a_subset(sentence, t)
        and not sentence.preceded_by(t, "cue:charge", within=3)  # "مطلوبين بجرائم إطلاق نار وخطف": the charge
        and not (sentence.preceded_by(t, "cue:amid", within=0) and len(sentence.of("trigger")) > 1)
        and not _frees_people(sentence, t)
        and not _the_captive(sentence, t)
        and not _among_ground_weapons(sentence, t)
    ]
    return without_means(sentence, triggers)


def _a_fight_broken_up(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "تدخلت لفض النزاع": a fight the police broke up, not a protest they dispersed."""
    dispersal = trigger_of(trigger).sub_event_type == "Protest with intervention"
    return dispersal and sentence.followed_by(trigger, "cue:quarrel", within=0) is not None


def _only_hoped_for(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "خوفاً من هجمات", "لفض الاعتصام": an event feared or aimed at, not one done; not across a
    comma ("تدخلت لفض النزاع، واعتقلت ستة": the arrests were made)."""
    cue = sentence.preceded_by(trigger, "cue:hypothetical", within=1)
    return cue is not None and "،" not in sentence.derived.text[cue.end : trigger.start]


def _frees_people(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "حررت وحدة من الجيش، فجر اليوم، مواطناً كان قد خُطف": a rescue of people, not ground regained."""
    if trigger_of(trigger).sub_event_type != "Government regains territory" or not sentence.has("cue:freed"):
        return False
    return sentence.followed_by(trigger, "cue:freed", within=8) is not None


def _the_captive(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "بعد رصد مكان احتجاز المخطوف": the one abducted before (definite) and where he is held
    name no new abduction or arrest."""
    if trigger_of(trigger).sub_event_type not in ("Abduction/forced disappearance", "Arrests"):
        return False
    if trigger.entry.phrase in CAPTIVE_PHRASES and sentence.is_definite(trigger):
        return True
    return sentence.word_before(trigger.start) in HELD_AT_WORDS


def _in_a_subset(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "بسقوط ثلاثة قتلى ... و14 جريحاً، بينهم عسكري أصيب بشظايا قذيفة": the shell whose shrapnel
    hurt one of a toll's subset is no event of its own."""
    subset = next((c for c in sentence.of("cue:subset") if c.end <= trigger.start), None)
    if subset is None or sentence.word_before(trigger.start) != "بشظايا":
        return False
    return any(h.kind in ("cas:killed", "cas:injured") and h.end <= subset.start for h in sentence.hits)


def _without(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "وفتشت عدداً من المنازل قبل أن تنسحب، دون تسجيل اعتقالات": an event word said not to have happened."""
    if not sentence.has("cue:negation"):
        return False  # no "دون" in the sentence (most): no tokens to find
    words = sentence.words_before(trigger.start, 4)
    text = sentence.derived.text
    spelled = [text[a:b] for a, b in words]  # nearest first
    for word in spelled:
        if word in WITHOUT_WORDS:
            return True  # "دون تسجيل اعتقالات", "دون ورود معلومات عن اشتباكات"
        if word not in RECORDED_WORDS:
            return False
    return False


def _in_support(sentence: SentenceHits, trigger: Hit) -> bool:
    """A weapon named as another attack's support or cover ("هجوم ... بإسناد من المسيّرات والمدفعية",
    "تحت غطاء من القصف المدفعي والطائرات المسيّرة")."""
    if trigger_of(trigger).sub_event_type not in ("Shelling/artillery/missile attack", "Air/drone strike"):
        return False
    support = sentence.preceded_by(trigger, "cue:support", within=2)
    return support is not None or sentence.preceded_by(trigger, "cue:cover", within=3) is not None


ABOUT_REACH: Final = 3  # words between "احتجاجاً على" and the killing it names ("مقتل شاب برصاص")
TAKEN_AWAY: Final = frozenset({"اقتادته", "اقتادوه"})  # matching form: "took him away"


# Words before an outlet's name ("مراسل المسيرة": al-Masirah, not a drone), matching form.
OUTLET_LEAD_WORDS: Final = frozenset({"مراسل", "لمراسل", "قناه", "لقناه", "موقع", "لموقع"})


def primary_trigger(sentence: SentenceHits, triggers: list[Hit]) -> Hit | None:
    """The trigger that names the sentence's event; None when it reports none (an accident, a
    habit, a threat or a statistic)."""
    if not triggers or _accident(sentence):
        return None
    told = [t for t in triggers if not _protests_talked_about(sentence, t) and not _no_crowd(sentence, t)]
    triggers = told or triggers
    primary = first_clause(sentence, triggers, max(triggers, key=lambda t: (trigger_of(t).priority, -t.start)))
    if habitual(sentence, primary):
        return None
    primary = protest_about(sentence, triggers, strike_before_interception(sentence, triggers, primary))
    primary = killing_over_looting(sentence, triggers, taken_after_fighting(triggers, primary))
    primary = killing_over_abduction(sentence, triggers, primary)
    primary = raid_that_killed(sentence, triggers, arrest_over_seizure(sentence, triggers, primary))
    primary = arrest_over_charge(sentence, triggers, raid_met_with_fire(sentence, triggers, primary))
    primary = arrested_then_taken(sentence, triggers, attempted_arrest(sentence, triggers, primary))
    return None if reported_speech(sentence, primary) else primary


def _protests_talked_about(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "اعتقلت الأسايش صحفياً بعد بثّه تقريراً عن احتجاجات الموظفين", "حملة اعتقالات تثير احتجاج
    الأهالي": protests a report is about, or a deed stirred, are not the event the sentence tells."""
    if trigger_of(trigger).sub_event_type != "Peaceful protest":
        return False
    return sentence.word_before(trigger.start) in TOPIC_OR_STIRRED


def _no_crowd(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "تمكنت فرق الدفاع المدني من السيطرة على الحريق": a word for dispersing with no protest in
    sight names no event (`resolve_type`), and must not hide the one that does (`primary_trigger`)."""
    if trigger_of(trigger).sub_event_type != "Protest with intervention":
        return False
    return not sentence.has("cue:protest") and not _gathering_told(sentence)


def first_clause(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "قُتل جنديان في هجوم على نقطة في الحراك، فيما أُصيب مدنيون بقصف على ناحتة": the sentence
    tells its first clause's event first; a weapon in a later clause is a second event."""
    cuts = sorted(sentence.of("cue:second_clause") + sentence.of("cue:retaliation"), key=lambda c: c.start)
    clause = next((c for c in cuts if c.end <= primary.start), None)  # "..., وردّت قوات النظام بقذائف"
    if clause is None or not _splits(sentence, clause):
        return primary
    before = [t for t in triggers if t.end <= clause.start]
    return max(before, key=lambda t: (trigger_of(t).priority, -t.start)) if before else primary


def clause_of(sentence: SentenceHits, trigger: Hit) -> tuple[int, int] | None:
    """The clause of a two-clause sentence that holds `trigger`, when the sentence is split
    ("..., فيما أُصيب ثلاثة مدنيين بقصف على ناحتة"); None for a sentence read whole."""
    cues = sentence.of("cue:second_clause") + sentence.of("cue:retaliation")
    clauses = sorted((c for c in cues if _splits(sentence, c)), key=lambda c: c.start)
    if not clauses:
        return None
    cut = clauses[0]
    return (sentence.start, cut.start) if trigger.end <= cut.start else (cut.end, sentence.end)


def _splits(sentence: SentenceHits, clause: Hit) -> bool:
    """A clause word splits the sentence when each side names an event and a place of its own;
    an answer ("وردّت قوات النظام بقذائف الهاون على محيط ...") may fire back at an unnamed place."""
    sides = [(sentence.start, clause.start), (clause.end, sentence.end)]
    answer = clause.kind == "cue:retaliation"
    return all(
        any(a <= h.start < b for h in sentence.of("trigger"))
        and (
            (answer and a > sentence.start)
            or any(a <= h.start < b and h.kind in CLAUSE_PLACE_KINDS for h in sentence.hits)
        )
        for a, b in sides
    )


def protest_about(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "نظّم الأهالي وقفة احتجاجية ... طالبوا بوضع حدّ للقصف التركي": the protest is the event,
    the violence it names (definite: already known) is its cause."""
    protest = next((t for t in triggers if trigger_of(t).sub_event_type == "Peaceful protest"), None)
    dispersed = trigger_of(primary).sub_event_type in PROTEST_TYPES  # "قبل أن تفرّقهم الشرطة بالغاز"
    protested = [t for t in triggers if trigger_of(t).sub_event_type in DEMONSTRATION_TYPES]
    strongest = max(protested, key=lambda t: trigger_of(t).priority) if protested else None  # "قبل أن تفرّقها"
    if protest is not None and protest.start < primary.start and sentence.is_definite(primary) and not dispersed:
        return cast(Hit, strongest)  # the protest is among `protested`
    if protested and sentence.preceded_by(primary, "cue:about", within=0) is not None:
        return cast(Hit, strongest)  # "قطعوا الطريق بالإطارات المشتعلة احتجاجاً على اختطاف شاب": what they protest
    about = [c for c in sentence.of("cue:about") if c.end <= primary.start]
    if protested and about and protested[0].end <= about[-1].start and _all_about(sentence, about[-1], primary):
        return cast(Hit, strongest)  # "وقفة احتجاجية ... للمطالبة بالكشف عن مصير شبان مخطوفين"
    return _force_against_protesters(sentence, triggers, primary)


def _all_about(sentence: SentenceHits, about: Hit, primary: Hit) -> bool:
    """What follows "احتجاجاً على" up to the event word, with no new clause between, is what the
    protest is about ("احتجاجاً على تقاعس الأجهزة في البحث عن فتاة اختُطفت قبل أيام")."""
    if sentence.tokens_between(about, primary) <= 3:
        return True
    return not any(about.end <= c.start < primary.start for c in sentence.of("cue:second_clause"))


def _force_against_protesters(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "فرّقت قوات الأمن محتجين حاولوا اقتحام المبنى": with protesters named and no one killed,
    the storming or the clash is the protest's, coded as the protest."""
    fight = trigger_of(primary).sub_event_type in ("Armed clash", "@attack")
    if not fight or not sentence.has("cue:protest") or sentence.has("cas:killed"):
        return primary
    kinds = ("Protest with intervention", "Violent demonstration")
    return next((t for t in triggers if trigger_of(t).sub_event_type in kinds), primary)


def taken_after_fighting(triggers: list[Hit], primary: Hit) -> Hit:
    """ "بسطت قواتنا سيطرتها على مدينة الخوي بعد معارك ضارية": the fight ends in a change of
    hands, which is the event ACLED codes."""
    if trigger_of(primary).sub_event_type != "Armed clash":
        return primary
    taken = [t for t in triggers if trigger_of(t).sub_event_type in TERRITORY and t.start < primary.start]
    return taken[0] if taken else primary


def killing_over_looting(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "اقتحمت القوة الحي وقتلت ثلاثة مواطنين ونهبت منازلهم", "وأطلقت النار على الأهالي ونهبت
    المواشي", "وأضرموا النار في منزلين، وأُصيب مواطن برصاصهم": the killing, the shooting or the
    wounding is the event ACLED codes."""
    if trigger_of(primary).sub_event_type != "Looting/property destruction":
        return primary
    attacks = [t for t in triggers if trigger_of(t).sub_event_type == "@attack"]
    shot = any("النار" in sentence.derived.text[t.start : t.end] for t in attacks)
    hurt = sentence.has("cas:killed") or sentence.has("cas:injured")  # "وأُصيب مواطن برصاصهم"
    return attacks[0] if attacks and (shot or hurt) else primary


def killing_over_abduction(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "قتلت قوات الدعم السريع ٥ مواطنين واختطفت ٣ آخرين", "اختطفوه ثم قتلوه": the killing is the
    event ACLED codes, with the taken as part of it."""
    if trigger_of(primary).sub_event_type != "Abduction/forced disappearance":
        return primary
    text = sentence.derived.text
    killings = [
        t
        for t in triggers
        if trigger_of(t).sub_event_type == "@attack" and text[t.start : t.end].removeprefix("و").startswith(KILL_VERBS)
    ]
    return killings[0] if killings else primary


def raid_that_killed(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "مقتل اثنين من عناصر داعش واعتقال ثالث خلال عملية إنزال جوي": a raid that killed is a
    fight, its arrests a part of it."""
    if trigger_of(primary).sub_event_type != "Arrests" or not sentence.has("cas:killed"):
        return primary
    raids = [t for t in triggers if trigger_of(t).sub_event_type == "Armed clash" and trigger_of(t).priority < 65]
    raids = raids or [t for t in triggers if t.end <= primary.start and _killed_by(sentence, t)]
    return raids[0] if raids else primary


def _killed_by(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "مقتل عنصرين من «قسد» بهجوم على حاجز ... واعتقالات": an attack the dead were killed by."""
    attack = trigger_of(trigger).sub_event_type == "@attack"
    by = trigger.entry.phrase.startswith("ب")  # "برصاص" carries its own "ب"
    by = by or sentence.derived.text[trigger.start - 1 : trigger.start] == "ب"
    return attack and by and sentence.preceded_by(trigger, "cas:killed", within=4) is not None


def raid_met_with_fire(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "نفذت وحدات من الجيش عملية دهم لمنازل مطلوبين، فتعرضت لإطلاق نار من مسلحين": a raid that
    was fired on is a fight, unless it arrested men before or without anyone hurt in the fire."""
    if trigger_of(primary).sub_event_type != "Arrests" or not primary.entry.phrase.startswith(RAID_ARRESTS):
        return primary
    fire = [t for t in triggers if t.start > primary.end and trigger_of(t).sub_event_type in ("@attack", "Armed clash")]
    if not fire:
        return primary
    hurt = sentence.has("cas:killed") or sentence.has("cas:injured")  # "فردّت ... ما أدى إلى إصابة عسكري"
    arrests = [t for t in triggers if trigger_of(t).sub_event_type == "Arrests" and t is not primary]
    if any(not t.entry.phrase.startswith(RAID_ARRESTS) and (t.start < fire[0].start or not hurt) for t in arrests):
        return primary  # "داهمت ... واعتقلت": the arrests are the event
    return fire[0]


def arrest_over_seizure(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "واعتقلت تسعة من المتورطين، وضبطت بحوزتهم رمانات يدوية": weapons seized with the men
    arrested are the arrest's, not a grenade attack."""
    if sentence.preceded_by(primary, "cue:defuse", within=4) is None:
        return primary
    return _arrest_before(triggers, primary)


def arrested_then_taken(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "اعتقلت دورية ... ضابطاً سابقاً ... واقتادته إلى أحد مراكز الاحتجاز": the man arrested and
    taken away is an arrest, unless taken "إلى جهة مجهولة"."""
    if trigger_of(primary).sub_event_type != "Abduction/forced disappearance" or sentence.has("cue:unknown"):
        return primary
    if sentence.derived.text[primary.start : primary.end] not in TAKEN_AWAY:
        return primary
    return _arrest_before(triggers, primary)


def attempted_arrest(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "دورية حاولت توقيف أحد المطلوبين، فبادر مسلحون إلى إطلاق النار عليها": an arrest tried and
    met with fire is the fight that followed."""
    if trigger_of(primary).sub_event_type != "Arrests":
        return primary
    text = sentence.derived.text
    if not any(text[a:b] in TRIED for a, b in sentence.words_before(primary.start, 6)):
        return primary  # "حاولت دورية من الأمن العام توقيف": the attempt may lead the patrol
    fire = [t for t in triggers if t.start > primary.end and trigger_of(t).sub_event_type in ("@attack", "Armed clash")]
    return fire[0] if fire else primary


def _arrest_before(triggers: list[Hit], primary: Hit) -> Hit:
    """The first arrest word before `primary`, which then names the event; else `primary`."""
    return next((t for t in triggers if trigger_of(t).sub_event_type == "Arrests" and t.end <= primary.start), primary)


TRIED: Final = frozenset({"حاولت", "حاول", "حاولوا", "محاوله", "لمحاوله"})  # matching form
KILL_VERBS: Final = ("قتل", "اعدم")  # "قتلت", "قتلوه", "أعدموا", matching form
RAID_ARRESTS: Final = ("دهم", "مداهم", "داهم")  # an Arrests trigger that names a raid, not an arrest
# Words for the accused, matching form, article stripped ("القبض على ثلاثة متهمين باختطاف تاجر").
ACCUSED_WORDS: Final = frozenset({"متهمين", "متهمون", "مشتبهين", "مشتبه", "متورطين", "متورطه", "متورط", "متورطون"})


def arrest_over_charge(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "أعلنت الشرطة القبض على ثلاثة متهمين باختطاف تاجر": the deed the arrested are charged with
    is not what the sentence reports."""
    words = [sentence.derived.text[a:b] for a, b in sentence.words_before(primary.start, 3) if b <= primary.start]
    implicated = sentence.preceded_by(primary, "cue:implicated", within=2) is not None  # "متورطين في"
    if not implicated and not ACCUSED_WORDS.intersection(words[:2]):
        return primary  # "متورطة بزرع عبوات": the accused word may stand before the deed's verb
    return _arrest_before(triggers, primary)


def without_means(sentence: SentenceHits, triggers: list[Hit]) -> list[Hit]:
    """ "ألقت القبض على إرهابي بعد نصب كمين محكم له": the ambush is how the arrest was made."""
    if not any(trigger_of(t).sub_event_type == "Arrests" for t in triggers):
        return triggers
    means = sentence.of("cue:means")
    return [t for t in triggers if not any(m.start <= t.start < m.end for m in means)]


def strike_before_interception(sentence: SentenceHits, triggers: list[Hit], primary: Hit) -> Hit:
    """ "نفّذ العدو عدواناً جوياً ... وتصدّت وسائط دفاعنا الجوي": the strike told first is the event;
    an interception is one only when it leads ("أسقطت الدفاعات الجوية طائرة مسيّرة") or the drones
    are told as met by the defences ("تصدّت الدفاعات لعدد من المسيّرات ... وأسقطتها")."""
    if trigger_of(primary).sub_event_type != "Disrupted weapons use":
        return primary
    strikes = [t for t in triggers if trigger_of(t).sub_event_type in STRIKES and t.start < primary.start]
    downed = _downed_them_all(sentence, primary) or _downed_some(sentence, primary)
    strikes = [t for t in strikes if not _downed_itself(t, primary) and not (downed and _intercepted(sentence, t))]
    return max(strikes, key=lambda t: trigger_of(t).priority) if strikes else primary


def _downed_them_all(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "وأسقطتها جميعاً": the drones told before, every one downed."""
    word = sentence.derived.text[trigger.start : trigger.end]
    after = [sentence.derived.text[a:b] for a, b in sentence.words_after(trigger.end, 1)]
    return word.endswith(("ها", "هم")) and after[:1] in (["جميعا"], ["كلها"], ["جميعها"])


def _downed_some(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "وأسقطت أربعاً منها.": some of the drones told before, downed, and none said to land in the
    same sentence ("..., فيما سقطت إحداها قرب مستودع" tells the strike)."""
    after = [sentence.derived.text[a:b] for a, b in sentence.words_after(trigger.end, 2)]
    if len(after) < 2 or after[1] not in ("منها", "منهم"):
        return False
    return not any(c.start > trigger.end for c in sentence.of("cue:second_clause"))


def _intercepted(sentence: SentenceHits, strike: Hit) -> bool:
    """ "تصدت الدفاعات الأرضية ... لعدد من المسيّرات ... وأسقطتها": the drones met by the
    defences, then downed, are what was downed."""
    return sentence.preceded_by(strike, "cue:repelled", within=12) is not None


def _downed_itself(strike: Hit, downing: Hit) -> bool:
    """ "طائرة مسيّرة أُسقطت": the drone is what was downed, right before the verb."""
    return 0 <= downing.start - strike.end <= 1


def habitual(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "تتعرض المواقع بين حين وآخر لغارات": a habit near the event word, not "كان متوارياً منذ
    سنوات" about a man arrested today."""
    cues = sentence.of("cue:habitual")
    if sentence.has("cue:recurring") and not any(h.kind.startswith("date:") for h in sentence.hits):
        cues = cues + sentence.of("cue:recurring")  # "تشهد الزاوية اشتباكات متكررة", not "... متكرر، قصف اليوم"
    for cue in cues:
        left, right = (cue, trigger) if cue.end <= trigger.start else (trigger, cue)
        if sentence.tokens_between(left, right) <= HABIT_TOKENS:
            return True
    return False


def _among_ground_weapons(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "لهجوم واسع بالأسلحة الثقيلة والطائرات المسيّرة": drones listed with the heavy weapons of an
    assault told before them are its weapons, not a strike of their own."""
    if not sentence.has("cue:heavy_weapons") or sentence.preceded_by(trigger, "cue:heavy_weapons", within=1) is None:
        return False
    return any(trigger_of(t).sub_event_type == "@attack" and t.end <= trigger.start for t in sentence.of("trigger"))


def refers_back(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "وعقب التفجير، اعتقلت ...": a definite event word after عقب/بعد/ردّاً على names an event told elsewhere;
    any event word after "بعد أقل من شهر على" names one some time before."""
    if any(c.end <= trigger.start for c in sentence.of("cue:earlier_event")):
        return True  # and the weapon it names after it (بصواريخ إسرائيلية)
    if _took_part_in(sentence, trigger):
        return True  # "اعتقلت قوات الأمن ناشطاً شارك في تظاهرات": what the arrested took part in
    if _after_an_earlier_fight(sentence, trigger):
        return True  # "تحسباً لأي توتر بعد اشتباكات الأسبوع الماضي": the reason for a deployment
    if sentence.word_before(trigger.start) in LINE_WORDS:
        return True  # "عند بوابة قرب خط وقف إطلاق النار": the line, a place, not a truce agreed
    if sentence.has("cas:unknown") and _victims_of(sentence, trigger):
        return True  # "لا معلومات عن ضحايا في غارات الزهرة والمنيرة": news awaited of strikes told
    if not (sentence.is_definite(trigger) or _of_a_day_past(sentence, trigger)):
        return False  # "وردّاً على القصف، أعلنت الهيئة أن مقاتليها استهدفوا": the shelling answered
    if sentence.has("cue:since") and sentence.word_before(trigger.start) == "حصيله":
        return True  # "حصيلة الاشتباكات منذ مساء أمس بلغت سبعة قتلى": the toll of fighting told
    if sentence.word_before(trigger.start) in CONSEQUENCE_VERBS and not tells_a_toll(sentence):
        return True  # "وأدت الاشتباكات إلى إغلاق الطريق الساحلي": what the fighting told caused
    if sentence.word_before(trigger.start) in AREA_OF_WORDS:
        return True  # "المدارس الواقعة في مناطق الاشتباكات": where the fighting told took place
    cue = next(filter(None, (sentence.preceded_by(trigger, k, within=1) for k in ("cue:reference", "cue:cause"))), None)
    return cue is not None and not _cause_of_death(sentence, cue)


def _victims_of(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "ضحايا في غارات", "إصابات جراء القصف": the event word is what the dead or hurt fell in."""
    return any(sentence.preceded_by(trigger, kind, within=1) is not None for kind in ("cas:killed", "cas:injured"))


def _of_a_day_past(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "وعلى إثر قصف الأمس": an event word bound to a day past names it as surely as the article."""
    words = sentence.words_after(trigger.end, 1)
    return bool(words) and sentence.derived.text[words[0][0] : words[0][1]] in PAST_DAY_WORDS


def tells_a_toll(sentence: SentenceHits) -> bool:
    """Dead, hurt or "no casualties": a sentence with a toll of its own tells an event, not a comment."""
    return any(sentence.has(kind) for kind in ("cas:killed", "cas:injured", "cas:zero"))


def _took_part_in(sentence: SentenceHits, trigger: Hit) -> bool:
    """What someone took part in, with an act told before it ("اعتقلت ناشطاً شارك في تظاهرات"), or
    what the one held is implicated in ("المعتقل متورط في التخطيط لعدة هجمات استهدفت ...")."""
    implicated = sentence.preceded_by(trigger, "cue:implicated", within=4)
    cue = sentence.preceded_by(trigger, "cue:took_part", within=4)
    if implicated is not None and (cue is None or implicated.end >= cue.end):
        return True
    if cue is None:
        return False
    return (
        sentence.tokens_between(cue, trigger) <= 1 and sentence.preceded_by(trigger, "trigger", within=12) is not None
    )


def _after_an_earlier_fight(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "بعد اشتباكات الأسبوع الماضي": an event named after "بعد"/"عقب" and dated a week or more back
    is what came before, not the sentence's event."""
    if sentence.preceded_by(trigger, "cue:reference", within=0) is None:
        return False
    when = sentence.followed_by(trigger, "date:relative", within=0)
    return when is not None and when.entry.value[0] >= 7


def _cause_of_death(sentence: SentenceHits, cue: Hit) -> bool:
    """ "لقي مختار القرية حتفه متأثراً بجروح أصيب بها إثر استهدافه بالرصاص", "أصيب ثلاثة خلال الاشتباكات":
    the dead or hurt told first, then what caused it, with no other event word before: the cause is
    the sentence's event."""
    before = [h for h in sentence.hits if h.end <= cue.start]
    tolls = {(h.start, h.end) for h in before if h.kind in ("cas:killed", "cas:injured")}
    acts = [h for h in before if h.kind == "trigger" and (h.start, h.end) not in tolls]  # "قتل" is both
    return bool(tolls) and not acts


def reported_speech(sentence: SentenceHits, trigger: Hit) -> bool:
    """Threats, denials and statistics that come before the trigger are not an event; what a monitor
    documented is one, unless the sentence counts over a period ("منذ مطلع العام")."""
    if any(h.start < trigger.start for h in sentence.hits if h.kind in ("cue:statement", "cue:total")):
        return not _fate_asked_after(sentence, trigger)
    if _many_since(sentence):
        return True
    if any(h.start < trigger.start for h in sentence.of("cue:condemn")) and not _news_condemned(sentence, trigger):
        return True
    documented = any(h.start < trigger.start for h in sentence.of("cue:documented"))
    return documented and sentence.has("cue:total")


def _fate_asked_after(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "طالبت المؤسسة بالكشف عن مصير الناشط ... الذي اختطفه مسلحون مجهولون مساء الأحد": the demand
    is about a person, and the relative clause after it tells what was done to them."""
    if not any(c.end <= trigger.start for c in sentence.of("cue:about")):
        return False
    return sentence.word_before(trigger.start) in RELATIVE_WORDS


def _many_since(sentence: SentenceHits) -> bool:
    """ "وكان العدوان قد شنّ منذ منتصف مارس أكثر من 600 غارة": strikes counted in tens or more since
    a time further back than yesterday are a period's tally, not an event."""
    text = sentence.derived.text
    if text.find("منذ", sentence.start, sentence.end) < 0 or sentence.has("cue:since"):
        return False  # "منذ صباح أمس أكثر من 20 غارة": a day's raids, told as one event
    if "منذ" not in text[sentence.start : sentence.end].split():
        return False
    for trigger in sentence.of("trigger"):
        count = [text[a:b] for a, b in sentence.words_before(trigger.start, 1)]
        if count and count[0].isdigit() and int(count[0]) >= 10:
            return True
    return False


def _news_condemned(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "أدان المجلس البلدي اختطاف أحد أعضائه ... مساء الثلاثاء": a condemned act told here for the
    first time, with its day, is news; "أدانت الوزارة الهجوم" speaks of one told before."""
    if sentence.is_definite(trigger):
        return False
    return any(h.kind.startswith("date:") and h.start > trigger.start for h in sentence.hits)


def second_weapon(sentence: SentenceHits, triggers: list[Hit], primary: Hit, sub: str) -> tuple[Hit, Hit] | None:
    """ "قُتل مدني بغارة ... في حين طال القصف المدفعي أطراف البلدة": a second weapon in a second
    clause (the trigger and the clause word)."""
    for clause in sentence.of("cue:second_clause"):
        if clause.start < primary.end:
            continue  # "كما تمكّنت ..." opens the sentence: no second clause
        for t in triggers:
            other = trigger_of(t).sub_event_type
            if t.start > clause.end and other == sub:
                break  # "فيما ألقت مسيّرة أخرى قنبلة صوتية": the same weapon again, what it dropped no other
            if t.start > clause.end and trigger_of(t).priority >= 80 and other not in (sub, "@attack", "@explosion"):
                return t, clause
    return None


def _gathering_told(sentence: SentenceHits) -> bool:
    """ "تجمّع العشرات من أهالي القرية ... فأطلق عناصر المقر الرصاص في الهواء لتفريقهم": a
    gathering is a protest in sight (not in a headline's list: "ومواكب في عطبرة وتفريق وقفة في كسلا");
    so is "فرّقت تجمّعاً سلمياً"."""
    if sentence.is_title:
        return False
    protest = any(trigger_of(t).sub_event_type == "Peaceful protest" for t in sentence.of("trigger"))
    return protest or sentence.has("cue:gathered")


def resolve_type(sentence: SentenceHits, trigger: Hit, roles: Roles) -> tuple[str | None, bool]:
    """The sub-event type: named by the trigger, or read from context for @attack/@explosion."""
    sub = trigger_of(trigger).sub_event_type
    if sub == "@explosion":
        if sentence.has("cue:air_context"):
            return "Air/drone strike", True
        if sentence.has("cue:buildings") and roles.actor1 is not None and not roles.actor1.generic:
            return "Looting/property destruction", False  # "فجّر الجيش عدداً من المنازل", "فجّرت ميليشيا الحوثي منزلين"
        sub = "Remote explosive/landmine/IED"
    if sub == "Remote explosive/landmine/IED" and _never_went_off(sentence, trigger):
        return "Disrupted weapons use", False  # "تفكيك ثلاث عبوات ناسفة": the charge never went off
    if sub == "Remote explosive/landmine/IED":
        return sub, trigger_of(trigger).sub_event_type == "@explosion" and not sentence.has("cue:ied_context")
    raided = trigger.entry.phrase in RAID_WORDS and roles.actor2 is not None and roles.actor2.inter == 7
    if sub == "Armed clash" and raided and not sentence.has("cue:repelled"):
        return "Attack", False  # "إثر اقتحام مسلحين مجهولين منزلاً يقطنه عمال": a raid on civilians, no fight
    if sub == "Armed clash" and _drones_repelled(sentence, trigger):
        return "Disrupted weapons use", False  # "تصدت المضادات الأرضية لمسيرات استهدفت سد مروي"
    if sub == "Shelling/artillery/missile attack" and _cache_found(sentence, trigger):
        return "Disrupted weapons use", False  # "عثرت على مخبأ يحتوي على 12 صاروخاً من نوع «كاتيوشا»"
    if sub == "Air/drone strike" and (_foiled(sentence, trigger) or _cache_found(sentence, trigger)):
        return "Disrupted weapons use", False  # "أحبطت هجوماً بطائرة مسيّرة", "ضبط مخزن ... وطائرات مسيّرة"
    if sub == "Shelling/artillery/missile attack" and _bombed_from_the_air(sentence, trigger):
        return "Air/drone strike", False
    if sub == "Shelling/artillery/missile attack" and sentence.followed_by(trigger, "cue:direct_fire", within=0):
        sub = "@attack"  # "بقذائف «آر بي جي»": an attack typed by who was hit
    if sub == "Grenade" and sentence.preceded_by(trigger, "cue:air_context", within=6) is not None:
        return "Air/drone strike", False  # "ألقت مسيّرة إسرائيلية قنبلة صوتية": dropped from the air
    if sub == "Grenade" and sentence.has("cue:small_arms"):
        sub = "@attack"  # "بالأسلحة الخفيفة والقنابل اليدوية": a fight with grenades among its weapons
    if sub == "Shelling/artillery/missile attack" and sentence.preceded_by(trigger, "cue:small_arms", within=1):
        sub = "@attack"  # "لهجوم بالأسلحة القناصة والقذائف": shells among a ground attack's weapons
    if sub == "@attack":
        return _resolve_attack(sentence, roles, clause_of(sentence, trigger))
    if sub == "@assassination":
        armed_target = roles.actor2 is not None and not roles.actor2.generic and roles.actor2.inter != 7
        return ("Armed clash" if armed_target else "Attack"), False
    if sub == "Non-state actor overtakes territory" and roles.actor1 and roles.actor1.inter == 1:
        return "Government regains territory", False
    if sub == "Government regains territory" and roles.actor1 and roles.actor1.inter != 1:
        return "Non-state actor overtakes territory", False  # "استعادت قسد السيطرة": not a state
    if _no_crowd(sentence, trigger):
        return None, False  # "فرّقت" or "فرق الإنقاذ" with no protest in sight
    if sub in PROTEST_TYPES and _lethal_force(sentence):
        return "Excessive force against protesters", False
    if sub == "Peaceful protest" and _protesters_arrested(sentence):
        return "Protest with intervention", False
    if sub == "Looting/property destruction" and sentence.has("cue:protest"):
        return "Violent demonstration", False
    if sub == "Armed clash" and any(a is not None and a.inter in (5, 6) for a in (roles.actor1, roles.actor2)):
        return "Violent demonstration", False  # "مواجهات بين محتجين وقوات الأمن": a riot, not a battle
    if sub == "Arrests" and roles.actor1 is not None and roles.actor1.inter in (2, 3, 4) and not roles.actor1.authority:
        return "Abduction/forced disappearance", False  # states and de facto authorities arrest; others abduct
    sweep = trigger.entry.phrase.startswith("حملة")  # "شنت المليشيا الحوثية حملة اختطافات"
    if sub == "Abduction/forced disappearance" and sweep and roles.actor1 is not None and roles.actor1.authority:
        return "Arrests", False  # a de facto authority's sweep
    return sub, False


def _gathered_in_protest(sentence: SentenceHits) -> bool:
    """ "أطلق جنود الاحتلال الرصاص على الأهالي الذين تجمّعوا عند أطراف البلدة رفضاً لتوغل قواته":
    people gathered to object to something are protesters."""
    return any(sentence.followed_by(g, "cue:about", within=6) for g in sentence.of("cue:gathered"))


def _protesters_arrested(sentence: SentenceHits) -> bool:
    """ "اعتقلت قوات الأمن عدداً من المتظاهرين": arrests at a protest are an intervention in it."""
    arrests = [t for t in sentence.of("trigger") if trigger_of(t).sub_event_type == "Arrests"]
    protesters = [h for h in sentence.of("actor") if actor_of(h).inter == 6]
    return any(0 <= sentence.tokens_between(t, h) <= 8 for t in arrests for h in protesters)


def _bombed_from_the_air(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "قصف طيران الجيش السوق": the bare verb "bombed" with aircraft as its subject."""
    bare = " " not in trigger.entry.phrase and not sentence.is_definite(trigger)
    air = sentence.followed_by(trigger, "cue:air_context", within=1) or sentence.preceded_by(
        trigger, "cue:air_context", within=5
    )  # "ارتكبها طيران الفلول، ظهر أمس، بقصفه سوق المدينة"
    return bare and air is not None and not _outlet_named(sentence, air)


def _outlet_named(sentence: SentenceHits, air: Hit) -> bool:
    """ "مراسل المسيرة": al-Masirah, the outlet, not a drone."""
    return sentence.word_before(air.start) in OUTLET_LEAD_WORDS


def _resolve_attack(sentence: SentenceHits, roles: Roles, clause: tuple[int, int] | None) -> tuple[str | None, bool]:
    """An attack is typed by its weapon when its clause names one (ACLED codes a strike on
    civilians as remote violence too), else by who was hit."""
    lo, hi = clause or (sentence.start, sentence.end)  # "قُتل عنصر برصاص قناص، وردّت القوات بقذائف الهاون"

    def weapon(kind: str) -> bool:  # "هجوم ... بإسناد من المسيّرات والمدفعية": support, not the weapon
        return any(
            lo <= c.start < hi
            and not sentence.preceded_by(c, "cue:support", within=2)
            and not _outlet_named(sentence, c)
            and not (kind == "cue:shelling_context" and sentence.preceded_by(c, "cue:small_arms", within=1))
            and not (kind == "cue:air_context" and sentence.preceded_by(c, "cue:heavy_weapons", within=1))
            for c in sentence.of(kind)  # "بالأسلحة القناصة والقذائف": shells among a ground attack's weapons
        )

    if weapon("cue:air_context"):
        return "Air/drone strike", True
    if weapon("cue:shelling_context") and not _direct_fire(sentence):
        return "Shelling/artillery/missile attack", True
    if roles.actor2 is not None and roles.actor2.inter == 7 and not _gathered_in_protest(sentence):
        return "Attack", False
    if roles.actor2 is not None and roles.actor2.inter in (5, 6, 7):
        return "Excessive force against protesters", False  # "أطلقوا النار على المحتجين"
    if roles.actor2 is not None:
        return "Armed clash", False
    posts = sentence.of("cue:military_site") + sentence.of("cue:security_post")
    if _named_attacker(roles) and any(lo <= c.start < hi for c in posts):
        return "Armed clash", False  # "مجموعة إرهابية استهدفت نقطة مراقبة تابعة لأحد ألوية الفرقة السادسة"
    if _named_attacker(roles) and sentence.has("cue:repelled"):
        return "Armed clash", False  # "كسرت وحدات من اللواء 17 هجوماً شنّته ميليشيا الحوثي": someone fought back
    civilian_places = sentence.of("cue:civilian_target") + sentence.of("cue:home_or_shop")
    unknown = roles.actor1 == UNIDENTIFIED and not _armed_victims(sentence)  # not "مسلحَين اثنين قُتلا"
    attacker = _named_attacker(roles) or unknown  # "أطلق مسلحون مجهولون النار على منزل نائب"
    if attacker and any(lo <= c.start < hi for c in civilian_places):
        return "Attack", False  # "هاجم مسلحون من حركة تحرير السودان سوقاً في جبل مرة": civilians' place, no fight
    wounded = sentence.has("cas:injured") and roles.actor1 is not None  # "أصيب مدير مصرف برصاص مسلحين مجهولين"
    if sentence.has("cas:killed") or wounded:  # "هاجم مسلحون بوابة أمنية ... إصابة عنصرين"
        # people hit and no armed group named among them: soldiers fought, civilians were attacked
        return ("Armed clash" if _armed_victims(sentence) else "Attack"), False
    return None, False  # "targeting" with no one hit and no one killed is too vague to code


def _armed_victims(sentence: SentenceHits) -> bool:
    """Soldiers or fighters among the hit, not "ضابط متقاعد في الجيش": a retired officer is a civilian."""
    return any(sentence.followed_by(v, "cue:former", within=0) is None for v in sentence.of("cue:armed_victims"))


def _drones_repelled(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "تصدّت الدفاعات الجوية لمسيرات انتحارية", "تصدت المضادات الأرضية لهجوم بمسيرات": what was
    repelled came from the air (drones, missiles), so it was intercepted, not fought."""
    if not sentence.has_at(trigger.start, "cue:repelled") or not sentence.has("cue:air_context"):
        return False
    air = sentence.followed_by(trigger, "cue:air_context", within=DRONES_REACH)
    return air is not None and not sentence.has("cue:small_arms")


def _named_attacker(roles: Roles) -> bool:
    return roles.actor1 is not None and not roles.actor1.generic and roles.actor1.inter in (2, 3, 4)


def _lethal_force(sentence: SentenceHits) -> bool:
    """Lethal force used on the protest, not a killing its banners name ("رفعوا لافتات تطالب
    بـ«محاسبة قتلة الطفلة»") or that it is about ("احتجاجاً على مقتل شاب برصاص مسلحين")."""
    slogan = next(iter(sentence.of("cue:slogan")), None)
    return any(
        not (slogan is not None and slogan.start < c.start and in_quotes(sentence, c))
        and sentence.preceded_by(c, "cue:about", within=ABOUT_REACH) is None
        for c in sentence.of("cue:lethal")
    )


def _direct_fire(sentence: SentenceHits) -> bool:
    """ "بقذائف «آر بي جي»": every round the sentence names was fired from the shoulder."""
    rounds = sentence.of("cue:shelling_context")
    return all(sentence.followed_by(r, "cue:direct_fire", within=0) is not None for r in rounds)


def _never_went_off(sentence: SentenceHits, trigger: Hit) -> bool:
    """Defused or seized: right after "تفكيك", or in a sentence that opens with a seizure and
    hurts no one ("ضبطت قوة ... مضافة تحتوي على عبوات ناسفة معدّة للتفجير")."""
    if sentence.preceded_by(trigger, "cue:defuse", within=3):
        return True
    seized = any(c.end <= trigger.start for c in sentence.of("cue:defuse"))
    return (
        seized
        and not _hurts(sentence)
        and not any(
            trigger_of(t).sub_event_type == "@explosion" and t.start < trigger.start for t in sentence.of("trigger")
        )
    )


def _hurts(sentence: SentenceHits) -> bool:
    return sentence.has("cas:killed") or sentence.has("cas:injured")


def _cache_found(sentence: SentenceHits, trigger: Hit) -> bool:
    """Rockets or shells found or seized, none fired, no one hurt: "ضبطت ... شاحنة محمّلة بقذائف
    «آر بي جي»", "العثور، أمس، على مخزن ... يضم صواريخ"."""
    found = any(c.end <= trigger.start for c in (*sentence.of("cue:found"), *sentence.of("cue:defuse")))
    return found and not _hurts(sentence)


def _accident(sentence: SentenceHits) -> bool:
    """An accident, a match, a verdict, a commemoration, except one told as the cause ("نزاع عشائري
    ... على خلفية حادث سير": the fight is the event)."""
    accidents = sentence.of("cue:accident")
    if not accidents:
        return False
    cause = next(iter(sentence.of("cue:cause")), None)
    return cause is None or any(a.start < cause.start for a in accidents)


def _foiled(sentence: SentenceHits, trigger: Hit) -> bool:
    """A drone attack foiled ("أحبطت ... هجوماً بطائرة مسيّرة"): a disrupted weapon, not a strike."""
    cue = sentence.preceded_by(trigger, "cue:repelled", within=5)
    return cue is not None and sentence.derived.text[cue.start : cue.end].startswith(("احبط", "افشل"))
