"""Actors: who acted (actor1) and who was hit (actor2) in a sentence, and how sure the source is.

Roles come from the words around each actor name: "طيران التحالف" or "شنّت قوات X" make the
actor the one who acted; "مواقع لـ", "عناصر", "استهداف" make it the target; an actor after a
hedge ("يُعتقد أنها تعود للتحالف") is a suspect, not a reported perpetrator.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Final, cast

from eventlake.lexicon_types import Actor, actor_of, trigger_of
from eventlake.matcher import Hit
from eventlake.places import PLACE_KINDS
from eventlake.sentence import THAT_WORDS, SentenceHits

AGENT_ALIAS_WORDS: Final = frozenset(
    {"طيران", "طائرات", "مسيرات", "مقاتلات", "المسيرات", "الطيران", "الطائرات", "المقاتلات", "مدفعيه", "المدفعيه"}
    | {"مسيره", "طائره", "مدفعي"}
    | {"دكه", "دكات"}  # "تعرض منزله لدكة عشائرية": the tribal raid is who struck
)
# Words that name a band of an actor's fighters, matching form, clitics included.
GROUP_WORDS: Final = frozenset(
    {
        "مجموعه",
        "مسلحه",  # "نصبته مجموعة مسلحة من «فلول النظام»"
        "احدي",  # "مسلحون من إحدى العشائر"
        "احد",
        "مسلحون",
        "مسلحين",
        "مجموعات",
        "من",
        "عناصر",
        "عنصر",
        "خليه",
        "خلايا",
        "مسلحي",
        "مسلحو",
        "مقاتلي",
        "مقاتلو",
        "عصابات",
        "ميليشيا",
        "ميليشيات",
        "قوه",
        "قوات",
        "وحدات",
        "افراد",
        "لمسلحي",
        "لعناصر",
        "لخلايا",
        "لميليشيا",
        "تابعه",
        "التابعه",
        "تتبع",  # "هاجمت قوات تتبع للحركة الشعبية"
        "يتبع",
        "تابع",
        "التابع",
        "ل",
        "انتحاريه",  # "مسيّرة انتحارية تابعة للدعم السريع": the weapon's kind between it and its owner
        "صاروخي",  # "قصف صاروخي لقوات النظام"
        "مدفعي",
        "جوي",
        "مفخخه",
        "حربيه",
        "مرتزقه",  # "نفّذها مرتزقة ما يسمى الجيش الوطني": a hostile outlet's name for the fighters
        "ما",
        "يسمي",
        "عشوائي",  # "قصف مدفعي عشوائي للمتمردين": how the fire fell, between it and who fired
        "عشوائيه",
        "مكثف",
        "مكثفه",
        "متقطع",
        "متقطعه",
        "عنيف",
        "عنيفه",
        "واسع",  # "محاولة زحف واسعة لمرتزقة العدوان"
        "واسعه",
        "واسعا",  # "دحرت هجوماً واسعاً لميليشيا آل دقلو": the accusative of the same adjectives
        "عنيفا",
        "مكثفا",
        "جديد",  # "صدّت هجوماً جديداً للدعم السريع"
        "جديدا",
        "مباغت",
        "مباغتا",
        "مفرزه",  # "نفذته مفرزة إرهابية من بقايا عصابات داعش"
        "مفارز",
        "ارهابيه",
        "بقايا",
    }
)
SELF_THAT: Final = frozenset({"انه", "انها", "بانه", "بانها", "انهم", "بانهم"})  # "أعلن X أنه ...": X did it
# "its aircraft", "its forces" (matching form): a claim's own force after "أن".
OWN_FORCE_WORDS: Final = frozenset(
    f"{noun}{suffix}"
    for noun in ("طيران", "قوات", "مسيرات", "وحدات", "طائرات", "مدفعيت", "عناصر", "مقاتلي", "دفاعات", "مجاهدي", "سرايا")
    for suffix in ("ه", "ها")
)
# Verbs of doing that a name right before them is the subject of (matching form): who set the ambush,
# launched the attack, planted the charge.
_DOING_VERBS: Final = ("نصب", "شن", "نفذ", "زرع")
# Who planted a charge or launched a drone (matching form): its owner, not the one who defused or downed it.
PLANTING_VERBS: Final = ("زرع", "اطلقت", "اطلقه", "اطلقو")
AIMED_AT: Final = ("مواقع", "منازل", "منزل", "مقر", "نقاط", "نقطه", "تجمعات")  # the object right after the subject
SERVED_WORDS: Final = frozenset({"يخدم", "يعمل", "يقاتل"})  # "كان يخدم في الفرقة الرابعة", matching form
REIGN_WORDS: Final = frozenset({"حكم", "عهد", "زمن", "ايام"})  # "إبان حكم النظام البائد", matching form
DEFUNCT_WORDS: Final = frozenset({"البائد", "البائده", "المخلوع", "السابق", "السابقه"})  # matching form
MADE_IN: Final = frozenset({"الصنع", "صنع"})
BASE_WORDS: Final = frozenset({"قاعده", "القاعده", "قواعد", "القواعد", "سفاره", "السفاره"})  # matching form: whose base
TARGET_HEADS: Final = frozenset(
    {"حاجزا", "حاجز", "دوريه", "دوريات", "نقطه", "مقر", "مقرات", "موقع", "مواقع"}
)  # matching form
FORCE_NOUNS: Final = frozenset({"قوه", "قوات", "دوريه", "دوريات", "وحده", "وحدات"})  # matching form: "مع قوة تركية"
SURVIVED: Final = frozenset({"نجا", "نجاة", "ينجو"})  # cues.yaml attempt: the one who survived was the target
INTERVENED: Final = frozenset({"تدخلت", "تتدخل", "يتدخل", "تدخل"})  # matching form: a force stepping in
ATTACK_VERBS: Final = frozenset(
    {"شنوا", "شنت", "شن", "هاجموا", "هاجمت", "هاجم", "حاولوا", "حاولت", "حاول"}
)  # matching form
# Attacks a force owns with "لـ" ("قصفاً مدفعياً لقوات الدعم السريع"), matching form.
ATTACK_NOUNS: Final = frozenset({"قصف", "قصفا", "غاره", "غارات", "هجوم", "هجوما", "هجمات", "ضربه", "ضربات"})
OWN_OPERATION_WORDS: Final = frozenset(
    {"نفذها", "نفذتها", "نفذه", "نفذته", "شنها", "شنتها", "شنه", "شنته"}
)  # matching form
# Names an adjective ends ("المستشفى السعودي", "الدفاع المدني السوري"), matching form: no side.
FACILITY_WORDS: Final = frozenset({"المستشفي", "مستشفي", "المشفي", "مشفي", "المدرسه", "مدرسه", "المدني"})
# A country's land named by its adjective ("العاصمة السورية", "الأراضي اللبنانية"), matching form.
LAND_WORDS: Final = frozenset({"العاصمه", "عاصمه", "الاراضي", "اراضي", "الحدود", "حدود", "المدن", "البلدات", "القري"})
# The victim as a pronoun between the verb and its subject ("أطلقها عليه مسلحون"), matching form.
OBJECT_WORDS: Final = frozenset({"عليه", "عليها", "عليهم", "عليهما", "له", "لها", "لهم"})
BETWEEN_WORDS: Final = GROUP_WORDS | OBJECT_WORDS  # what may stand between an agent word and its actor
# Collective duals and plurals that name both sides of a fight ("بين عشيرتين", "بين مجموعتين مسلحتين").
UNIT_OWNER_WORDS: Final = frozenset({"تابعتين", "تابعين", "من"})  # "وحدتين تابعتين لـ", "فصيلين من", matching form
BOTH_SIDES_SUFFIXES: Final = ("تين", "تي", "ين")
ARMS_TYPES: Final = (
    "Remote explosive/landmine/IED",
    "@explosion",
    "Disrupted weapons use",
    "Shelling/artillery/missile attack",
)
COMMUNAL_INTER: Final = 4  # tribal and communal militias (ACLED inter 4)
CONTEXT_CUES: Final = ("cue:control", "cue:source", "cue:no_intervention", "cue:stepped_in", "cue:former", "cue:found")
_CONTEXT_OR_ZERO: Final = frozenset({"cas:zero", "cue:investigate", *CONTEXT_CUES})  # `_context_only` (speed)
MEMBERSHIP_WORDS: Final = frozenset({"انتماء", "انتساب", "عضويه"})  # "بتهمة الانتماء إلى داعش" (matching form)
# Its own forces, after the deed ("استهدفت موقعاً لقواتها"), matching form.
ITS_FORCES: Final = frozenset({"لقواتها", "لقواته", "قواتها", "لعناصرها", "لعناصره", "لمقاتليها", "لجنودها", "لجنوده"})
SUBJECT_REACH: Final = 3  # words between an event verb and its subject, all of them words for a band
CARRIER_WORDS: Final = frozenset({"حامله", "حاملات", "حاملتي", "حاملتا"})  # "حاملة الطائرات", matching form
SUFFERED_REACH: Final = 6  # words from "تعرّضت" to a force in its subject, and from it to the deed
ACCUSE_KINDS: Final = ("cue:accuse", "cue:held_responsible")  # "اتهمت X ..." and "حمّلت X المسؤولية"
AIR_DEFENCE_WORDS: Final = ("الدفاع", "دفاع", "المضادات", "مضادات", "وسائط")  # matching form
UNIDENTIFIED: Final = Actor("Unidentified armed group", 3, "", generic=True)


@dataclass(eq=False)
class Roles:
    """Who did it, to whom, and how sure the source is. Treat as immutable (the with_ methods);
    not frozen, and its methods written out, so that compiled it builds natively (see Hit)."""

    actor1: Actor | None
    actor2: Actor | None
    attribution: str  # reported | suspected | unknown
    paired: bool = False  # both sides named by "بين A و B": actor1 may equal actor2 (two tribes)

    def __init__(self, actor1: Actor | None, actor2: Actor | None, attribution: str, paired: bool = False) -> None:
        self.actor1, self.actor2, self.attribution, self.paired = actor1, actor2, attribution, paired

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Roles):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[Actor | None, Actor | None, str, bool]:
        return (self.actor1, self.actor2, self.attribution, self.paired)

    def with_actor1(self, actor1: Actor | None, attribution: str) -> Roles:
        """A new doer comes with how sure the source is of it; typed, so compiled it builds natively."""
        return Roles(actor1, self.actor2, attribution, self.paired)

    def with_actor2(self, actor2: Actor | None) -> Roles:
        return Roles(self.actor1, actor2, self.attribution, self.paired)

    def with_attribution(self, attribution: str) -> Roles:
        return Roles(self.actor1, self.actor2, attribution, self.paired)

    @property
    def sides(self) -> tuple[Actor | None, Actor | None]:
        return self.actor1, self.actor2


def assign_roles(
    sentence: SentenceHits,
    trigger: Hit,
    *,
    iso: str | None = None,
    clause: tuple[int, int] | None = None,
    outlet_iso: str | None = None,
) -> Roles:
    """Pick actor1/actor2 among the sentence's actor mentions and set the attribution.

    Where one alias names several actors (الجيش الوطني: Syrian or Yemeni), the actor whose home is
    the event's country `iso` wins; a local alias (العدو) counts in `iso` and in the article's
    country `outlet_iso`. With `clause` (matching-form start, end), only the actors
    named in that clause of the sentence count.
    """
    mentions = [h for h in sentence.of("actor") if not _context_only(sentence, h)]
    # "العدو" in Lebanon; in a Lebanese article also of a strike across the border (موقع حانيتا)
    homes = {iso, outlet_iso} - {None}
    local = [h for h in sentence.of("actor_local") if homes & set(actor_of(h).local_in)]
    mentions += [h for h in local if not _context_only(sentence, h)]
    adjectives = [
        h for h in sentence.of("actor_adj") if not (_names_a_facility(sentence, h) or _of_a_land(sentence, h))
    ]
    mentions += [
        h
        for h in adjectives
        if _owner_adjective(sentence, h) or _victim_adjective(sentence, h) or _fought_with(sentence, h)
    ]
    if clause is not None:
        mentions = [h for h in mentions if clause[0] <= h.start < clause[1]]
    mentions = [h for h in mentions if not (_community_of_one(sentence, h) or _no_side_now(sentence, h))]
    mentions = _owners_named(sentence, _in_brackets(sentence, _one_per_span(mentions, iso)))
    mentions = [h for h in mentions if not _supporting(sentence, h, mentions)]
    mentions = [h for h in mentions if not _speaker_of_claim(sentence, trigger, h, mentions)]
    mentions = [h for h in mentions if not _accused_of(sentence, trigger, h) and not _protested_against(sentence, h)]
    accuser, accused = _accusation(sentence, trigger, mentions, iso)
    mentions = [h for h in mentions if h is not accuser]
    if accused is not None and accused not in mentions:
        mentions.append(accused)
    sides = _two_sides(sentence, trigger, mentions)
    if sides:
        return Roles(sides[0].entry.value, sides[1].entry.value, "reported", paired=True)
    hedge = _first(sentence, "cue:hedge")
    mentions = _suspects_named(sentence, hedge, mentions)
    agents, targets, others = [], [], []
    downed = trigger_of(trigger).sub_event_type == "Disrupted weapons use"
    if downed:
        mentions = [h for h in mentions if not _leftovers_of(sentence, h)]
    for hit in mentions:
        if downed and (
            (hit.kind == "actor_adj" and not _air_defence_of(sentence, hit))
            or _planted_by(sentence, hit)
            or _owns_the_weapon(sentence, hit)
        ):  # "أسقطت المقاومة مسيّرة أمريكية", "لغماً زرعه مجهولون", "طائرة مسيّرة تابعة للجيش"
            targets.append(hit)  # the weapon's owner
        elif (
            hit is accused
            or _is_agent(sentence, hit)
            or _suspect(sentence, hedge, hit)
            or _intervened_and_arrested(sentence, trigger, hit)
        ):
            agents.append(hit)
        elif _is_target(sentence, hit):
            targets.append(hit)
        elif hedge is not None and hit.start > hedge.start:
            agents.append(hit)
        else:
            others.append(hit)
    # "صدّت القوات هجوماً شنّته قوات الدعم السريع": who launched the attack beats who answered it
    agents.sort(key=lambda h: _by_verb_only(sentence, h))
    before = [
        h
        for h in others
        if h.start < trigger.start
        and (not _generic(h) or h.entry.value == UNIDENTIFIED)
        and not _named_again(sentence, h, targets)
        and not (_announces_a_toll(sentence, h) and not _its_own_operation(sentence, trigger))
    ]
    hit_own = [h for h in before if _its_forces_hit(sentence, trigger, h)]  # "أن مسيّرة استهدفت موقعاً لقواتها"
    before = [h for h in before if h not in hit_own]
    targets += hit_own
    describing = _describing_the_teller(sentence, trigger, before)
    actor1_hit = _pick(agents) or _pick([h for h in before if h not in describing])
    owned = [h for h in agents if h is not actor1_hit and _speaker_owns_the_force(sentence, h)]
    answered = [h for h in agents if h is not actor1_hit and _answered(sentence, h) and h not in owned]
    others = [h for h in others if not _in_a_later_clause(sentence, trigger, h)]
    # "صدّت القوات هجوماً شنّته ...": the side that answered fought too; "أعلنت الفرقة أن قواتها والقوة
    # المشتركة تصدّت": the speaker's own forces, named first, before their allies
    rest = targets + owned + others + answered
    if trigger_of(trigger).sub_event_type == "Disrupted weapons use":
        rest += agents  # "أسقطت المضادات مسيّرة تتبع للدعم السريع": whose drone was downed
    rest = [h for h in rest if not _joined_to(sentence, h, actor1_hit) and not _announcer(sentence, h, actor1_hit)]
    rest = [h for h in rest if h not in describing]
    actor2_hit = _pick([h for h in rest if actor1_hit is None or h.entry.value != actor1_hit.entry.value])
    actor1 = actor1_hit.entry.value if actor1_hit else None
    actor2 = actor2_hit.entry.value if actor2_hit else None
    other_side = _other_side(sentence, trigger, mentions)
    if other_side is not None and other_side not in (actor1, actor2):
        if actor1 is None or actor1.generic:
            actor1, actor1_hit = other_side, None
        elif actor2 is None or actor2.generic:
            actor2 = other_side
    if actor1 is None:
        return Roles(None, actor2, "unknown")
    hedged = next((h for h in mentions if hedge is not None and h.start > hedge.start), None)
    suspected = actor1_hit is not None and actor1_hit is hedged  # "يُعتقد أنهم من PKK بغارة تركية": Turkey is told
    return Roles(actor1, actor2, "suspected" if suspected else "reported")


def _its_forces_hit(sentence: SentenceHits, trigger: Hit, hit: Hit) -> bool:
    """ "أعلنت وزارة البيشمركة أن طائرة مسيّرة مجهولة استهدفت موقعاً لقواتها": the teller, before the
    "أن" of what it tells, whose own forces the deed hit, is its target."""
    that = sentence.that_before(trigger.start, 40)
    if that is None or not hit.start < that:
        return False
    words = [sentence.derived.text[a:b] for a, b in sentence.words_after(trigger.end, 4)]
    return any(word in ITS_FORCES for word in words)


def _describing_the_teller(sentence: SentenceHits, trigger: Hit, before: list[Hit]) -> list[Hit]:
    """ "أفادت عائلة مدير بوزارة ... في حكومة الوحدة الوطنية، بأن مسلحين ... خطفوه": where a name
    stands after the "أن" that opens what is told, the names before it other than the teller's own
    (who may own the force told of) only describe the teller."""
    if not before:
        return []  # most sentences: no name before the deed
    that = sentence.that_before(trigger.start, 40)
    if that is None or not any(h.start > that for h in before):
        return []
    if any(h.start > that and _does_it(sentence, h) for h in before):
        return [h for h in before if h.start < that]  # "إن فلول النظام البائد نصبت الكمين": the teller too
    return [h for h in before if h.start < that and sentence.preceded_by(h, "cue:report", within=2) is None]


def _does_it(sentence: SentenceHits, hit: Hit) -> bool:
    """The name is the subject of a verb of doing right after it ("فلول النظام نصبت", "داعش شن")."""
    verb = sentence.followed_by(hit, "cue:agent", within=0)
    return verb is not None and sentence.derived.text.startswith(_DOING_VERBS, verb.start)


def _announces_a_toll(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أعلنت خلية الإعلام الأمني استشهاد منتسب ... بانفجار عبوة": who announces the dead did not kill them."""
    if sentence.preceded_by(hit, "cue:report", within=0) is None:
        return False
    return any(sentence.followed_by(hit, kind, within=2) for kind in ("cas:killed", "cas:injured"))  # "... أمس استشهاد"


def _its_own_operation(sentence: SentenceHits, trigger: Hit) -> bool:
    """ "أعلن جهاز مكافحة الإرهاب مقتل اثنين ... خلال عملية إنزال جوي نفّذها": the announcer's own raid."""
    text = sentence.derived.text
    return any(text[a:b] in OWN_OPERATION_WORDS for a, b in sentence.words_after(trigger.end, 2))


def _named_again(sentence: SentenceHits, hit: Hit, targets: list[Hit]) -> bool:
    """ "قيادياً في وحدات مقاومة سنجار (اليبشة)": the target's other name, right after it."""
    return any(t.entry.value == hit.entry.value and 0 <= sentence.tokens_between(t, hit) <= 1 for t in targets)


def _planted_by(sentence: SentenceHits, hit: Hit) -> bool:
    """ "فكّكت وحدات الهندسة لغماً زرعه مجهولون", "المسيّرات التي أطلقتها الميليشيا": who planted the
    charge defused or launched the drone downed owns it; the defuser acts."""
    cue = sentence.preceded_by(hit, "cue:agent", within=0)
    return cue is not None and sentence.derived.text[cue.start : cue.end].startswith(PLANTING_VERBS)


def _owns_the_weapon(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أسقطت قوات الدعم السريع طائرة مسيّرة تابعة للجيش": the owner named after the weapon downed,
    not of the defences that downed it ("الدفاعات الأرضية التابعة للقوات المسلحة")."""
    owner = sentence.preceded_by(hit, "cue:owner", within=0)
    if owner is None:
        return False
    text = sentence.derived.text
    return not any(names_air_defences(text[a:b]) for a, b in sentence.words_before(owner.start, 2))


def _leftovers_of(sentence: SentenceHits, hit: Hit) -> bool:
    """ "فجّرت وحدة الهندسة مستودع ذخائر ... من مخلفات قوات النظام": the arms' former owner, no party
    to their disposal."""
    cue = sentence.preceded_by(hit, "cue:agent", within=0)
    return cue is not None and sentence.derived.text[cue.start : cue.end].endswith("مخلفات")


def _air_defence_of(sentence: SentenceHits, adjective: Hit) -> bool:
    """ "أسقطت الدفاعات الجوية السورية طائرة مسيّرة": the adjective names whose air defences fired."""
    cue = sentence.preceded_by(adjective, "cue:agent", within=0)
    word = sentence.derived.text[cue.start : cue.end] if cue is not None else ""
    return names_air_defences(word)


def names_air_defences(word: str) -> bool:
    """ "الدفاعات", "المضادات الأرضية", "وسائط الدفاع الجوي" (a matching-form word)."""
    return word.startswith(AIR_DEFENCE_WORDS)


def _suspects_named(sentence: SentenceHits, hedge: Hit | None, mentions: list[Hit]) -> list[Hit]:
    """ "مسلحين يُعتقد أنهم من عناصر داعش": the unnamed gunmen are the suspects named after the hedge."""
    if hedge is None:
        return mentions
    named = [h for h in mentions if h.start > hedge.end and not actor_of(h).generic]
    if not named or sentence.tokens_between(hedge, named[0]) > 3:
        return mentions
    return [h for h in mentions if not (actor_of(h).generic and h.end <= hedge.start and actor_of(h).inter != 7)]


def _suspect(sentence: SentenceHits, hedge: Hit | None, hit: Hit) -> bool:
    """ "مسلحون يُعتقد أنهم من عناصر تنظيم القاعدة": the group named right after the hedge is the suspect,
    though "من عناصر" would make it a victim's unit elsewhere."""
    if hedge is None or hit.start < hedge.end or actor_of(hit).generic:
        return False
    gunmen = sentence.preceded_by(hedge, "actor", within=1)
    acting = gunmen is not None and (_is_agent(sentence, gunmen) or not _is_target(sentence, gunmen))
    return sentence.tokens_between(hedge, hit) <= 3 and acting


def _two_sides(sentence: SentenceHits, trigger: Hit, mentions: list[Hit]) -> tuple[Hit, Hit] | None:
    """ "اشتباكات بين قوات X ومسلحي Y": the first side is actor1, the second actor2; "بين
    عشيرتين" names both sides at once."""
    between = sentence.followed_by(trigger, "cue:between", within=8)
    if between is None:
        return None
    after = [h for h in mentions if h.start > between.start and actor_of(h).inter != 7 and not _ally(sentence, h)]
    named = [h for h in after if not actor_of(h).generic]
    sides = named if len(_distinct(named)) >= 2 else after
    distinct = _distinct(sides)
    if len(distinct) >= 2:
        first, second = distinct[0], distinct[1]
        attacked = any(h.entry.value == second.entry.value and _is_agent(sentence, h) for h in mentions)
        attacked = attacked or sentence.followed_by(second, "cue:attempted", within=1) is not None
        return (second, first) if attacked else (first, second)  # "إثر هجوم شنّته الميليشيا"
    if distinct and sentence.tokens_between(between, distinct[0]) <= 2 and _names_both(sentence, distinct[0]):
        return distinct[0], distinct[0]
    if distinct and _two_units_of(sentence, between, distinct[0]):
        return distinct[0], distinct[0]
    return None


def _two_units_of(sentence: SentenceHits, between: Hit, hit: Hit) -> bool:
    """ "اشتباكات بين وحدتين تابعتين لقوات الحزام الأمني": two units of one force fought each other."""
    words = [sentence.derived.text[a:b] for a, b in sentence.words_after(between.end, 4) if b <= hit.start]
    if not words or not words[0].endswith(("تين", "ين")) or len(words) > 3:
        return False
    return any(w.removeprefix("ال") in UNIT_OWNER_WORDS for w in words[1:])


def _supporting(sentence: SentenceHits, hit: Hit, mentions: list[Hit]) -> bool:
    """ "بمساندة مروحية تابعة للتحالف الدولي": an ally named after its support takes no role."""
    cue = sentence.preceded_by(hit, "cue:support", within=3)
    return cue is not None and not any(cue.end <= m.start < hit.start for m in mentions)


def _speaker_of_claim(sentence: SentenceHits, trigger: Hit, hit: Hit, mentions: list[Hit]) -> bool:
    """ "قالت قوات الدعم السريع في بيان إن مسيّرات جيش الفلول استهدفت السوق", "قال الناطق باسم
    القوات المسلحة إن «الميليشيا أطلقت ...»": who speaks before "إن" takes no part when the claim
    names the sides itself."""
    speaks = sentence.preceded_by(hit, "cue:report", within=1) or sentence.preceded_by(hit, "cue:spokesman", within=0)
    if speaks is None or _speaker_owns_the_force(sentence, hit):
        return False  # "وقالت الفرقة 22 مشاة إن قواتها تصدّت ...": the speaker's own forces act
    text = sentence.derived.text
    that = next(
        (a for a, b in sentence.words_after(hit.end, 6) if text[a:b] in THAT_WORDS and b <= trigger.start), None
    )
    return that is not None and any(that < m.start < trigger.start for m in mentions if m is not hit)


def _announcer(sentence: SentenceHits, hit: Hit, actor1: Hit | None) -> bool:
    """ "أعلن جهاز مكافحة الإرهاب مقتل شخصين بقصف نفّذته طائرة مسيّرة تركية": who announces the
    dead of another's strike is no side, unless they are its own ("مقتل جنديين من قواته")."""
    if actor1 is None or sentence.preceded_by(hit, "cue:report", within=1) is None:
        return False
    words = [sentence.derived.text[a:b] for a, b in sentence.words_after(hit.end, 4)]
    if SELF_THAT & set(words) or _speaker_owns_the_force(sentence, hit):
        return False  # "أعلنت الفرقة السادسة أنها تصدّت لهجوم": the speaker tells what it did
    if not any(sentence.followed_by(hit, kind, within=8) for kind in ("cas:killed", "cas:injured")):
        return False  # "أعلنت القوات المشتركة صدّ هجوم": it announces its own deed
    return not (sentence.has("cue:armed_victims") or sentence.has("cue:own_losses"))


def _joined_to(sentence: SentenceHits, hit: Hit, actor1: Hit | None) -> bool:
    """ "قصفت القوات التركية والفصائل الموالية لها": a side joined to actor1 by "و" fought with it."""
    if actor1 is None or hit.start <= actor1.end:
        return False
    return sentence.derived.text[actor1.end : hit.start] == " و"  # the next word, its clitic و


def _accusation(
    sentence: SentenceHits, trigger: Hit, mentions: list[Hit], iso: str | None
) -> tuple[Hit | None, Hit | None]:
    """ "اتهمت جماعة أنصار الله التحالف بشن غارتين": the accuser and the accused, named between
    "اتهم" and the trigger (the accuser may be a source that is no actor: "اتهم ناشطون")."""
    cues = [c for c in sentence.hits if c.kind in ACCUSE_KINDS and c.end <= trigger.start]
    if not cues:
        return None, _held_responsible(sentence, trigger, iso)
    named = _distinct([h for h in mentions if cues[-1].end <= h.start < trigger.start])
    if not named and cues[-1].kind == "cue:held_responsible":  # "وحمّلت اللجان «مليشيا الدعم السريع» مسؤولية القصف"
        held = [h for h in sentence.of("actor") if cues[-1].end <= h.start < trigger.start]
        return None, next(iter(_one_per_span(held, iso)), None)  # set aside as context by the cue alone
    if len(named) >= 2:
        return named[0], named[1]
    if named and sentence.tokens_between(cues[-1], named[0]) == 0:
        return named[0], None  # "اتهمت «الدعم السريع» الطيران بقصف": the subject right after the verb accuses
    return None, (named[0] if named else None)


def _held_responsible(sentence: SentenceHits, trigger: Hit, iso: str | None) -> Hit | None:
    """ "قصف مدفعي استهدف مخيم أبو شوك، بحسب بيان للجيش الذي حمّل قوات الدعم السريع المسؤولية":
    the side held responsible (or accused) after the event is its suspect."""
    for cue in sentence.hits:  # "قسد تعلن حصيلة انفجار درنج ... وتتهم خلايا داعش بزرع العبوة": accused after it too
        if cue.kind in ACCUSE_KINDS and cue.start > trigger.end:
            after = [h for h in sentence.of("actor") if h.start > cue.end and sentence.tokens_between(cue, h) == 0]
            return next(iter(_one_per_span(after, iso)), None)  # named as held responsible, which alone sets it aside
    return None


def _accused_of(sentence: SentenceHits, trigger: Hit, hit: Hit) -> bool:
    """ "أعدم التنظيم شابين بتهمة التعامل مع قسد": the charge names no side, except membership
    in an arrest (ACLED codes those detained "بتهمة الانتماء لداعش" as the group)."""
    charge = sentence.preceded_by(hit, "cue:charge", within=3)
    if charge is None:
        return False
    words = sentence.derived.text[charge.start : hit.start].split()
    member = any(w.removeprefix("ال").removeprefix("ب") in MEMBERSHIP_WORDS for w in words)
    return not (member and trigger_of(trigger).sub_event_type == "Arrests")


def _ally(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قوات الجيش مسنودة برجال القبائل": a supporting force, not a side of its own."""
    return sentence.preceded_by(hit, "cue:support", within=1) is not None


def _distinct(hits: list[Hit]) -> list[Hit]:
    return [h for i, h in enumerate(hits) if all(h.entry.value != o.entry.value for o in hits[:i])]


def _names_both(sentence: SentenceHits, hit: Hit) -> bool:
    """A dual or plural right after "بين" (عشيرتين, قبيلتي التبو والزوية, مجموعتين مسلحتين)."""
    words = sentence.derived.text[hit.start : hit.end].split()
    return any(w.endswith(BOTH_SIDES_SUFFIXES) for w in words[:1]) or any(
        w.endswith(BOTH_SIDES_SUFFIXES) and w != "بين" for w, _ in _words_before(sentence, hit, 1)
    )  # ("بين" itself ends as a dual does)


def _words_before(sentence: SentenceHits, hit: Hit, count: int) -> list[tuple[str, int]]:
    return [(sentence.derived.text[a:b], a) for a, b in sentence.words_before(hit.start, count)]


def _other_side(sentence: SentenceHits, trigger: Hit, mentions: list[Hit]) -> Actor | None:
    """ "قُتل جنديان في مواجهات مع مسلحي الحوثي": the named side after "مع" fought the other."""
    clashes = [t for t in sentence.of("trigger") if trigger_of(t).sub_event_type == "Armed clash"]
    for hit in mentions:
        cue = sentence.preceded_by(hit, "cue:with", within=2)
        if cue is None or actor_of(hit).generic or not _only_group_words_between(sentence, cue, hit):
            continue
        if any(t.start < cue.start and sentence.tokens_between(t, cue) <= 3 for t in clashes):
            return hit.entry.value
    return None


def _in_brackets(sentence: SentenceHits, mentions: list[Hit]) -> list[Hit]:
    """ "قوى الأمن الداخلي (الأسايش)": the name in brackets says which force the words mean."""
    out = []
    for i, hit in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        between = sentence.source_word(hit.end, nxt.start) if nxt is not None and nxt.start >= hit.end else ""
        bracket = between.rstrip().endswith("(") and len(between.split()) <= 2  # "الداخلي (" may stand between
        bracket = bracket or (nxt is not None and _guillemet_between(sentence, hit, nxt))  # "الداخلي «الأسايش»"
        if nxt is not None and bracket and nxt.entry.value != hit.entry.value:
            continue  # the bracketed name that follows stands for this one
        out.append(hit)
    return out


def _guillemet_between(sentence: SentenceHits, hit: Hit, nxt: Hit) -> bool:
    """Only "«" stands between two names: the second is the first's own name."""
    return sentence.source[hit.span.end : nxt.span.start].strip() == "«"


def _bracketed_for(sentence: SentenceHits, hit: Hit) -> Hit | None:
    """The actor words a bracketed name ("(الأسايش)") stands for, right before its bracket."""
    span = hit.span  # a few characters back, not the sentence's whole prefix: this runs for every actor
    opening = sentence.source[max(sentence.span.start, span.start - 4) : span.start].rstrip()
    if not opening.endswith(("(", "«")):
        return None
    words = [h for h in sentence.of("actor") + sentence.of("actor_local") if h.end <= hit.start and h is not hit]
    nearest = max(words, key=lambda h: h.end, default=None)
    gap = sentence.source_word(nearest.end, hit.start) if nearest is not None else ""
    if opening.endswith("«") and (nearest is None or not _guillemet_between(sentence, nearest, hit)):
        return None  # "بين الجيش و«قسد»": a second name, not the first one's
    return nearest if nearest is not None and len(gap.split()) <= 2 else None


def _owners_named(sentence: SentenceHits, mentions: list[Hit]) -> list[Hit]:
    """ "الأجهزة الأمنية التابعة للقيادة العامة": the owner named after "التابعة لـ" is the actor,
    in the place (and so the role) of the forces it owns."""
    out, taken = [], set()
    for hit in mentions:
        if id(hit) in taken:
            continue
        owner = next((o for o in mentions if o.start > hit.end and _owned_by(sentence, hit, o)), None)
        if owner is not None and not actor_of(owner).generic:
            taken.add(id(owner))
            hit = replace(hit, entry=owner.entry)
        out.append(hit)
    return out


def _owned_by(sentence: SentenceHits, hit: Hit, owner: Hit) -> bool:
    if actor_of(hit).generic and sentence.derived.text[hit.end : owner.start].split() == ["من"]:
        return True  # "مسلحين من قبيلتي التبو والزوية": the fighters of the tribes
    cue = sentence.preceded_by(owner, "cue:owner", within=1)  # one adjective may stand between: الشرطة العسكرية التابعة
    if cue is None or cue.start < hit.end or sentence.tokens_between(hit, cue) > 1:
        return False
    between = sentence.derived.text[hit.end : cue.start].split()
    return not any(word.startswith("و") for word in between)  # "جهاز دعم الاستقرار وقوة تابعة لـ": a second side


def _owner_adjective(sentence: SentenceHits, hit: Hit) -> bool:
    """غارة إسرائيلية, طائرات حربية أمريكية, قناص حوثي: the adjective names who acted."""
    after = sentence.words_after(hit.end, 1)
    if after and sentence.derived.text[after[0][0] : after[0][1]] in MADE_IN:
        return False  # "مسيّرة تركية الصنع": where it was made, not who flew it
    hedged = sentence.preceded_by(hit, "cue:hedge", within=1) is not None  # "غارة ثانية يُرجّح أنها إسرائيلية"
    if _victim_adjective(sentence, hit) or _carrier_of(sentence, hit):
        return False
    if _hedged_after_the_strike(sentence, hit):
        return True
    return any(sentence.preceded_by(hit, kind, within=4 if hedged else 2) for kind in ("trigger", "cue:agent"))


def _carrier_of(sentence: SentenceHits, hit: Hit) -> bool:
    """ "حاملة الطائرات الأمريكية": whose aircraft carrier (a ship, the target), not whose aircraft struck."""
    agent = sentence.preceded_by(hit, "cue:agent", within=0)
    return agent is not None and sentence.word_before(agent.start) in CARRIER_WORDS


def _hedged_after_the_strike(sentence: SentenceHits, hit: Hit) -> bool:
    """ "لغارتين جويتين، مساء أمس، رجّحت مصادر محلية أن تكون إسرائيلية": the adjective a hedge gives
    the strike told before it, a few words on."""
    hedge = sentence.preceded_by(hit, "cue:hedge", within=5)
    if hedge is None or sentence.derived.text[hedge.end : hit.start].count("،") > 0:
        return False
    return sentence.preceded_by(hedge, "trigger", within=6) is not None


def _protested_against(sentence: SentenceHits, hit: Hit) -> bool:
    """ "تظاهرة احتجاجاً على القصف التركي", "هتافات تطالب بخروج الميليشيات": whom a protest is about
    takes no part in it."""
    for kind in ("cue:about", "cue:slogan"):  # "وردّدوا هتافات تطالب بخروج الميليشيات الإيرانية"
        cue = sentence.preceded_by(hit, kind, within=8)
        if cue is not None and not any(m in sentence.derived.text[cue.end : hit.start] for m in "،,."):
            return True
    return False


def _names_a_facility(sentence: SentenceHits, hit: Hit) -> bool:
    """ "استهدف المستشفى السعودي في الفاشر", "الدفاع المدني السوري": a hospital's or a rescue
    service's name, no side."""
    return sentence.word_before(hit.start) in FACILITY_WORDS


def _community_of_one(sentence: SentenceHits, hit: Hit) -> bool:
    """ "مقتل شاب من مكون التبو": the community one victim came from, not a side in arms."""
    if actor_of(hit).inter != COMMUNAL_INTER:
        return False
    before = sentence.words_before(hit.start, 2)  # nearest first
    text = sentence.derived.text
    if len(before) < 2 or text[before[0][0] : before[0][1]] != "من":
        return False
    return sentence.has_at(before[1], "cas:singular")


def _of_a_land(sentence: SentenceHits, hit: Hit) -> bool:
    """ "انفجار عبوة وسط العاصمة السورية": the country's capital or land, no side."""
    word = sentence.word_before(hit.start)
    land = word in LAND_WORDS or (word[:1] in "وبفل" and word[1:] in LAND_WORDS)
    return land and not _fire_came_from(sentence, hit)


def _fire_came_from(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قصف مدفعي مصدره الأراضي السورية": the land the fire came from names whose forces fired."""
    before = sentence.words_before(hit.start, 2)  # nearest first: the land word, then "مصدره"
    return len(before) == 2 and sentence.derived.text.startswith("مصدر", before[1][0])


def _victim_adjective(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قُتل جندي تركي": the adjective names whose soldier was hit, not who struck; "استهدفوا قاعدة
    الاحتلال الأمريكي": whose base (but "من القواعد التركية": whose base fired)."""
    if sentence.preceded_by(hit, "cue:armed_victims", within=0) is not None:
        return True
    words = [sentence.derived.text[a:b] for a, b in sentence.words_before(hit.start, 3)]  # nearest first
    for i, word in enumerate(words[:2]):
        if word.removeprefix("ب").removeprefix("ل") in BASE_WORDS:
            return words[i + 1 : i + 2] != ["من"]  # "أُطلقت القذائف من القواعد التركية": where the fire came from
    return False


def _fought_with(sentence: SentenceHits, hit: Hit) -> bool:
    """ "اشتبكوا مع قوة تركية": the force the adjective names is the other side of the fight."""
    words = [sentence.derived.text[a:b] for a, b in sentence.words_before(hit.start, 2)]  # nearest first
    return len(words) == 2 and words[0] in FORCE_NOUNS and words[1] == "مع"


def _one_per_span(hits: list[Hit], iso: str | None) -> list[Hit]:
    """One actor per mention; an alias shared by several (الجيش) needs one at home in `iso`."""
    by_span: dict[tuple[int, int], list[Hit]] = {}
    for hit in hits:
        by_span.setdefault((hit.start, hit.end), []).append(hit)
    chosen = []
    for group in by_span.values():
        home = [h for h in group if actor_of(h).home == iso]
        if len(group) == 1 or home:
            chosen.append((home or group)[0])
    return sorted(chosen, key=lambda h: h.start)


def actor_at(hits: list[Hit], start: int, iso: str | None) -> Actor:
    """The actor of the mention at `start`: an alias several armies share (القوات المسلحة, الجيش)
    is the one at home in `iso`."""
    mention = [h for h in hits if h.start == start]
    return next((h for h in mention if actor_of(h).home == iso), mention[0]).entry.value


def inter_code(actor: Actor | None, iso: str | None) -> int | None:
    """ACLED inter code; a state's forces acting outside their own country are external (8)."""
    if actor is None:
        return None
    if actor.inter == 1 and actor.home and iso and actor.home != iso:
        return 8
    return actor.inter


def _context_only(sentence: SentenceHits, hit: Hit) -> bool:
    """Actors named as an area's ruler (مناطق سيطرة النظام), as a source, as not having
    intervened (دون تدخّل من الأجهزة الأمنية), as stepping in after it (قبل أن تتدخّل قوات
    الاحتلال) or as investigating it take no part."""
    if sentence.kinds.isdisjoint(_CONTEXT_OR_ZERO):
        return False  # none of the cues below in the sentence (most): no lookups
    if sentence.preceded_by(hit, "cas:zero", within=3):
        return True  # "دون وقوع إصابات في صفوف المدنيين": no one was hit
    if sentence.followed_by(hit, "cue:investigate", within=1):
        return True  # "وعملت القوى الأمنية على فتح تحقيق": came after, to look into it
    for kind in CONTEXT_CUES:
        cue = sentence.preceded_by(hit, kind, within=3 if kind == "cue:found" else 1)  # عثرت قوة من الحشد
        between = sentence.derived.text[cue.end : hit.start] if cue is not None else ""
        if cue is None or set(between.split()) & THAT_WORDS or ":" in between or "،" in between:
            continue  # "مصدر عسكري: العدو الإسرائيلي نفّذ", "وفقاً للمرصد، تعرضت": the source has spoken
        if kind == "cue:control" and _fired_from(sentence, cue):
            continue  # "أُطلقت القذائف من مناطق انتشار الميليشيات": whose ground it came from
        if kind == "cue:stepped_in" and sentence.has("cue:protest"):
            continue  # "مطالبين باسترداد ودائعهم، قبل أن تتدخل قوى الأمن": police facing a crowd are a side
        if kind == "cue:found" and ("علي" in between.split() or _found_arms(sentence, hit)):
            continue  # "عُثر على راعي أغنام مقتولاً": the one found, not the finder
        return True
    return False


def _defunct_owner(sentence: SentenceHits, hit: Hit) -> bool:
    """ "موقع عسكري سابق لكتيبة دفاع جوي تابعة للنظام البائد", "إبان حكم النظام البائد": what a
    fallen regime once held, or its time, is no side's now."""
    after = sentence.words_after(hit.end, 1)
    if not after or sentence.derived.text[after[0][0] : after[0][1]] not in DEFUNCT_WORDS:
        return False
    if sentence.preceded_by(hit, "cue:owner", within=0) is not None:
        return True
    return sentence.word_before(hit.start) in REIGN_WORDS


def _no_side_now(sentence: SentenceHits, hit: Hit) -> bool:
    """A name that belongs to the past: a fallen regime's sites or era, a man's former unit."""
    return _defunct_owner(sentence, hit) or _served_in_once(sentence, hit)


def _served_in_once(sentence: SentenceHits, hit: Hit) -> bool:
    """ "بينهم ضابط برتبة مقدّم كان يخدم في الفرقة الرابعة": the unit a man served in, told as
    his past, is no side of the event."""
    words = [sentence.derived.text[a:b] for a, b in sentence.words_before(hit.start, 3)]
    return "كان" in words and any(w in SERVED_WORDS for w in words)


def _found_arms(sentence: SentenceHits, hit: Hit) -> bool:
    """ "عثرت قوة من الحشد على وكر يحتوي على عبوات ناسفة": who finds a cache seizes it (a body found
    is another matter: the finder only witnessed a killing)."""
    if sentence.has("cas:killed") or sentence.has("cas:injured"):
        return False
    device = sentence.followed_by(hit, "trigger", within=10)
    return device is not None and trigger_of(device).sub_event_type in ARMS_TYPES


def _fired_from(sentence: SentenceHits, cue: Hit) -> bool:
    return [w for w, _ in _words_before(sentence, cue, 1)] == ["من"]


def _is_target(sentence: SentenceHits, hit: Hit) -> bool:
    """Hit or killed: after a target word, a casualty word, or a word for its soldiers
    ("ضابطاً وجندياً في الجيش العراقي قُتلا")."""
    return (
        _announces_own_losses(sentence, hit)
        or _after_target_word(sentence, hit)
        or sentence.preceded_by(hit, "cas:killed", within=5) is not None
        or (_has_casualties(sentence) and _armed_victims_of(sentence, hit))
        or _suffered(sentence, hit)
        or _members_hurt(sentence, hit)
        or sentence.preceded_by(hit, "cue:mourned", within=1) is not None  # "نعت هيئة الحشد ... اثنين من منتسبيها"
        or _survived(sentence, hit)
    )


def _survived(sentence: SentenceHits, hit: Hit) -> bool:
    """ "نجا قائد إحدى كتائب الحزام الأمني من محاولة اغتيال": the force of the one who survived it."""
    cue = sentence.preceded_by(hit, "cue:attempt", within=4)
    return cue is not None and cue.entry.phrase in SURVIVED


def _members_hurt(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قُتل جنديان وأصيب ثلاثة آخرون من أفراد قوات دفاع شبوة": the force the dead and hurt were members of."""
    members = sentence.preceded_by(hit, "cue:members_of", within=0)
    if members is None:
        return False
    return any(sentence.preceded_by(members, kind, within=6) for kind in ("cas:killed", "cas:injured"))


def _suffered(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قوة من الجيش العراقي تعرّضت لانفجار", "تعرّضت قوة من الجيش لانفجار": the force was hit."""
    after = sentence.followed_by(hit, "cue:suffered", within=3)
    if after is not None and _only_places_between(sentence, hit, after):  # "قوة من قيادة عمليات صلاح الدين تعرضت"
        return True
    verb = sentence.preceded_by(hit, "cue:suffered", within=2)
    if verb is not None and _only_group_words_between(sentence, verb, hit):
        return True
    return _in_what_suffered(sentence, hit)


def _in_what_suffered(sentence: SentenceHits, hit: Hit) -> bool:
    """ "تعرّضت قاعدة حرير التي تضم قوات التحالف الدولي لهجوم": the force named in the subject of
    "تعرّض", before the attack it suffered ("لهجوم"), was hit."""
    verb = sentence.preceded_by(hit, "cue:suffered", within=SUFFERED_REACH)
    if verb is None or any(verb.end <= t.start < hit.start for t in sentence.of("trigger")):
        return False
    deed = sentence.followed_by(hit, "trigger", within=SUFFERED_REACH)
    text = sentence.derived.text
    return deed is not None and (text.startswith("ل", deed.start) or text[deed.start - 1 : deed.start] == "ل")


def _armed_victims_of(sentence: SentenceHits, hit: Hit) -> bool:
    """ "عنصرين من قسد", "ضابط برتبة مقدّم في الجيش": the force its hurt members belong to (not
    "مصدر عسكري: العدو الإسرائيلي نفّذ", a source's adjective)."""
    if _subject_of_a_deed(sentence, hit) or _members_who_stormed(sentence, hit):
        return False
    victims = sentence.preceded_by(hit, "cue:armed_victims", within=2)
    if victims is not None and sentence.preceded_by(victims, "cue:agent", within=0) is not None:
        return False  # "أطلق جنود العدو رشقات نارية باتجاه راعٍ": the soldiers fired
    if victims is not None and sentence.preceded_by(victims, "cue:source", within=0) is None:
        return True
    member = [w for w, _ in _words_before(sentence, hit, 1)] in (["في"], ["من"])
    return member and sentence.preceded_by(hit, "cue:armed_victims", within=4) is not None


def _members_who_stormed(sentence: SentenceHits, hit: Hit) -> bool:
    """ "بأن عناصر من الدعم السريع يستقلون دراجات نارية اقتحموا القرية": members named before an
    agent verb a few words on, with no dead or hurt before them, did the deed."""
    if sentence.followed_by(hit, "cue:agent", within=3) is None:
        return False
    return not any(sentence.preceded_by(hit, kind, within=4) for kind in ("cas:killed", "cas:injured"))


def _subject_of_a_deed(sentence: SentenceHits, hit: Hit) -> bool:
    """ "عناصر الدعم السريع أعدموا ١١ مدنياً": members named right before the verb, with its
    victims after it, did the deed."""
    verb = sentence.followed_by(hit, "trigger", within=0)
    if verb is None:
        return False
    return any(sentence.followed_by(verb, kind, within=1) is not None for kind in ("cas:singular", "actor"))


def _after_target_word(sentence: SentenceHits, hit: Hit) -> bool:
    """After "استهدف" or "على", but not the "على" of "ردّاً على" (what was answered), nor a target
    word that is the subject of the deed ("نفّذت دوريات تابعة للأمن العام حملة دهم")."""
    cue = sentence.preceded_by(hit, "cue:target", within=3) or _owned_target(sentence, hit)
    if cue is None or _subject_of_light_verb(sentence, cue) or _a_new_topic(sentence, cue):
        return False
    return not any(c.start <= cue.start < c.end for c in sentence.of("cue:cause"))


def _a_new_topic(sentence: SentenceHits, cue: Hit) -> bool:
    """ "وعلى صعيد آخر، أعلنت مديرية أمن طرابلس": the "على" of a turn to another topic."""
    return sentence.derived.text[cue.end : cue.end + 7].lstrip().startswith(("صعيد", "الصعيد"))


def _subject_of_light_verb(sentence: SentenceHits, word: Hit) -> bool:
    """ "نفّذت دوريات": the word right after an agent verb that is no event word itself is the
    verb's subject (not "قصفت عجلة", the object of the strike)."""
    verb = sentence.preceded_by(word, "cue:agent", within=0)
    return verb is not None and not any(t.start == verb.start for t in sentence.of("trigger"))


def _owned_target(sentence: SentenceHits, hit: Hit) -> Hit | None:
    """ "تعرضت دورية تابعة لقطعات الفرقة السادسة في الجيش العراقي إلى انفجار": the force that
    owns the target, named further on."""
    cue = sentence.preceded_by(hit, "cue:target", within=7)
    owner = sentence.followed_by(cue, "cue:owner", within=0) if cue is not None else None
    return cue if owner is not None and owner.end <= hit.start else None


def _announces_own_losses(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أعلنت هيئة الحشد الشعبي مقتل اثنين من مقاتليها": the announcer counts its own dead."""
    if sentence.preceded_by(hit, "cue:report", within=1) is None:
        return False
    own = [c for c in sentence.of("cue:own_losses") if c.start > hit.end]
    return any(  # "مقتل اثنين من مقاتليها", not "أن مقاتليها استهدفوا"
        sentence.preceded_by(c, kind, within=4) for c in own for kind in ("cas:killed", "cas:injured")
    )


def _has_casualties(sentence: SentenceHits) -> bool:
    return sentence.has("cas:killed") or sentence.has("cas:injured")


def _by_verb_only(sentence: SentenceHits, hit: Hit) -> bool:
    """An agent only as the subject after a verb, with no agent word of its own."""
    cue = sentence.preceded_by(hit, "cue:agent", within=4)
    strong = hit.kind == "actor_adj" or (cue is not None and _only_group_words_between(sentence, cue, hit))
    return not strong


def _answered(sentence: SentenceHits, hit: Hit) -> bool:
    return _by_verb_only(sentence, hit) and _is_verb_subject(sentence, hit)


def _is_verb_subject(sentence: SentenceHits, hit: Hit) -> bool:
    verb = sentence.preceded_by(hit, "trigger", within=SUBJECT_REACH)  # "كمنت مجموعة من عناصر تنظيم داعش"
    actor = hit.entry.value  # "ألقى مجهولون قنبلة", "أحرق مستوطنون منزلين": armed groups, even unnamed
    named = not actor.generic or actor == UNIDENTIFIED or actor.inter not in (5, 6, 7)
    subject = verb is not None and (_is_verb(sentence, verb) or _nominative_plural(sentence, hit)) and named
    if subject and _subject_before(sentence, cast(Hit, verb), hit):
        return False  # "قطعات الجيش قتلت إرهابيين اثنين": the verb's subject came first; this is its object
    return subject and _only_group_words_between(sentence, cast(Hit, verb), hit)


def _subject_before(sentence: SentenceHits, verb: Hit, hit: Hit) -> bool:
    """Another side named right before the verb, its subject (SVO), with victims after it."""
    before = sentence.preceded_by(verb, "actor", within=0)
    return before is not None and before.entry.value != hit.entry.value and _subject_of_a_deed(sentence, before)


def _nominative_plural(sentence: SentenceHits, hit: Hit) -> bool:
    """ "نهب مسلحون من الدعم السريع سوق المدينة": a nominative plural (ـون) after the event word is
    its subject, whatever the word's own form."""
    return sentence.derived.text[hit.start : hit.end].split()[0].endswith("ون")


def _is_agent(sentence: SentenceHits, hit: Hit) -> bool:
    """Named as the one acting: after an agent word, or an alias that is itself one (طيران التحالف)."""
    if hit.kind == "actor_adj":  # غارة إسرائيلية: the strike's owner; جندي تركي: the victim's
        return not _victim_adjective(sentence, hit) and not _fought_with(sentence, hit)
    if sentence.derived.text[hit.start : hit.end].split()[0] in TARGET_HEADS:
        return False  # "هاجمت حاجزاً للأمن العام": a checkpoint of the force is what was attacked
    if _is_verb_subject(sentence, hit) or _gunmen_with_victim(sentence, hit) or _shooters_unit(sentence, hit):
        return True
    if _owns_the_attack(sentence, hit) or _inside_the_trigger(sentence, hit) or _post_that_arrested(sentence, hit):
        return True
    verb = sentence.followed_by(hit, "trigger", within=0)
    if verb is not None and sentence.derived.text[verb.start : verb.end] in PRESENT_VERBS:
        return True  # "دوريات «قسد» تداهم منازل": a headline names its subject, then the verb
    if sentence.followed_by(hit, "cue:claimed", within=2) is not None:
        return True  # "جماعة تطلق على نفسها «سرايا أنصار السنة» قد تبنّت قتله": who claimed the deed
    if _launched_an_attack(sentence, hit) or _checkpoint_that_fired(sentence, hit):
        return True  # "إن «مرتزقة الاحتلال التركي شنّوا هجوماً ... وتصدّت لهم قواتنا»"
    stands_for = _bracketed_for(sentence, hit)
    if stands_for is not None and _is_agent(sentence, stands_for):
        return True  # "اعتقلت قوات الأمن الداخلي (الأسايش)": the bracketed name is the subject too
    if _fire_from(sentence, hit) or _subject_of_targeting(sentence, hit) or _speaker_owns_the_force(sentence, hit):
        return True  # احتجزت (عناصر) قوات الدعم السريع: Arabic puts the subject after the verb
    cue = sentence.preceded_by(hit, "cue:agent", within=4)
    if cue is not None and _only_group_words_between(sentence, cue, hit):
        return True  # شنّته مجموعة من عناصر عصابات داعش
    if any(c.start < hit.start < c.end for c in sentence.of("cue:agent")):
        return True  # "زحفاً لمرتزقة العدوان": the cue ends inside the name it introduces
    first_word = sentence.derived.text[hit.start : hit.end].split()[0]
    return first_word in AGENT_ALIAS_WORDS


def _post_that_arrested(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أوقف حاجز الجيش اللبناني أحد مطلقي النار": the force whose checkpoint or patrol, right
    after the arrest verb, made the arrest."""
    words = [sentence.derived.text[a:b] for a, b in sentence.words_before(hit.start, 2)]  # nearest first
    if words[:1] == ["من"]:
        words = words[1:]  # "أوقفت دورية من مديرية المخابرات"
    if not words or words[0] not in TARGET_HEADS:
        return False
    verb = sentence.preceded_by(hit, "trigger", within=2)
    return verb is not None and trigger_of(verb).sub_event_type == "Arrests"


def _intervened_and_arrested(sentence: SentenceHits, trigger: Hit, hit: Hit) -> bool:
    """ "قبل أن تتدخل قوة من قيادة شرطة ميسان وتفرض حظراً للتجوال، واعتقلت اثنين من المتورطين":
    the force that stepped in made the arrests that follow."""
    if trigger_of(trigger).sub_event_type != "Arrests" or hit.start > trigger.start:
        return False
    words = sentence.words_before(hit.start, 3)
    return any(sentence.derived.text[a:b] in INTERVENED for a, b in words)


def _inside_the_trigger(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أطلق مسلحون مجهولون النار": the gunmen between the verb and the fire, whose last word
    begins the trigger ("مجهولون النار"); "تسلّمت قطعات الفرقة الخامسة": the subject whose first
    word ends the trigger ("تسلمت قطعات")."""
    for t in sentence.of("trigger"):
        if hit.start < t.start < hit.end <= t.end:
            return True
        if t.start < hit.start < t.end < hit.end and "انسحاب" not in t.entry.phrase:
            return True  # not "بعد انسحاب قوات العدو": the force that left hands over
    return False


def _owns_the_attack(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قصفاً مدفعياً لقوات الدعم السريع استهدف مخيم زمزم": the force the attack belongs to (لـ),
    right after the attack's noun or its one adjective (not "استهدف تجمعاً لقوات", what was hit)."""
    text = sentence.derived.text
    if hit.start < 2 or text[hit.start - 2 : hit.start] != " ل":
        return False
    words = [text[a:b] for a, b in sentence.words_before(hit.start - 1, 2)]  # nearest first
    if words and words[0] in ATTACK_NOUNS:
        return True
    return len(words) > 1 and words[1] in ATTACK_NOUNS and words[0].endswith(("يا", "ي", "يه"))


def _checkpoint_that_fired(sentence: SentenceHits, hit: Hit) -> bool:
    """ "إطلاق النار على سيارتهما عند حاجز تابع للأمن العام": the force manning the checkpoint fired."""
    text = sentence.derived.text
    words = [text[a:b] for a, b in sentence.words_before(hit.start, 4)][::-1]  # in text order
    return any(w in ("عند", "من", "عناصر") and nxt.startswith("حاجز") for w, nxt in pairwise(words))


def _launched_an_attack(sentence: SentenceHits, hit: Hit) -> bool:
    """The group right before "شنّوا هجوماً", "هاجموا", "حاولوا التسلل", or "شنّته" (the attack just
    told: "قصف مدفعي قالت لجان المقاومة إن قوات الدعم السريع شنّته"): the subject of the attack."""
    if actor_of(hit).inter in (5, 6, 7):
        return False  # "أطلقت النار على مجموعة من الأهالي حاولوا دخول البلدة": the people fired on
    after = sentence.words_after(hit.end, 1)
    word = sentence.derived.text[after[0][0] : after[0][1]] if after else ""
    return word in ATTACK_VERBS or word in OWN_OPERATION_WORDS


def _fire_from(sentence: SentenceHits, hit: Hit) -> bool:
    """ "تعرضوا لإطلاق نار من مسلحين مجهولين": the group named by "من" right after the event word fired."""
    text, start = sentence.derived.text, hit.start
    if text[start - 3 : start] != "من " or (start > 3 and text[start - 4].isalnum()):
        return False  # the word right before is not "من"
    return sentence.preceded_by(hit, "trigger", within=1) is not None


def _speaker_owns_the_force(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أعلن الجيش السوداني أن طيرانه المسيّر نفّذ ضربة": the force the claim calls "its" is the
    speaker's."""
    if sentence.preceded_by(hit, "cue:report", within=1) is None:
        return False
    words = [sentence.derived.text[a:b] for a, b in sentence.words_after(hit.end, 6)]  # "... مساء أمس أن"
    that = next((i for i, w in enumerate(words[:4]) if w in THAT_WORDS), None)
    if that is None:
        return False
    force = words[that + 1 : that + 3]  # "أن قواتها", or "أن إحدى سراياها" (one of its companies)
    if force[:1] in (["احدي"], ["احد"]):
        force = force[1:]
    return bool(force) and force[0] in OWN_FORCE_WORDS


def _subject_of_targeting(sentence: SentenceHits, hit: Hit) -> bool:
    """ "جراء استهداف المليشيا الحوثية بطائرة مسيّرة منزلاً": the group right after "استهداف" and
    before the weapon it used ("ب...") is who targeted, not the target."""
    cue = sentence.preceded_by(hit, "cue:target", within=0)
    if cue is None or not sentence.derived.text[cue.start : cue.end].endswith("استهداف"):
        return False
    after = sentence.words_after(hit.end, 1)
    aimed = bool(after) and sentence.derived.text[after[0][0] : after[0][1]].startswith(AIMED_AT)
    # "استهداف الميليشيا سوقاً شعبياً بطائرة مسيّرة", "استهداف ميليشيا الحوثي مواقعهم في جبهة الضباب ... بطائرة"
    weapon = sentence.followed_by(hit, "trigger", within=8 if aimed else 2)
    return weapon is not None and sentence.derived.text[weapon.start - 1 : weapon.start] == "ب"


def _shooters_unit(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أطلق عناصر حاجز تابع للفرقة الرابعة النار على سيارة": the unit that owns the shooters."""
    if sentence.preceded_by(hit, "cue:owner", within=0) is None:
        return False
    fire = sentence.followed_by(hit, "trigger", within=0)
    return fire is not None and sentence.derived.text[fire.start : fire.end].startswith("النار")


def _gunmen_with_victim(sentence: SentenceHits, hit: Hit) -> bool:
    """ "قتل مسلحون مجهولون الناشط": unknown gunmen right after the verb and before the person
    they killed are its subject, where the bare verb could also be read as a passive."""
    if hit.entry.value != UNIDENTIFIED or sentence.preceded_by(hit, "trigger", within=0) is None:
        return False
    after = sentence.words_after(hit.end, 2)  # "قتل مسلحون مجهولون أمس الناشط"
    return any(a <= h.start < b for a, b in after for h in sentence.of("cas:singular"))


# The trigger phrases of events.yaml in the present tense, as headlines and tickers tell what just
# happened (matching form).
PRESENT_VERBS: Final = frozenset({"تداهم", "يداهم", "تقصف", "يقصف", "يهاجم", "تعدم", "يعدم"})


def _is_verb(sentence: SentenceHits, trigger: Hit) -> bool:
    """A finite verb trigger: a stem with a suffix (اعتقل* -> اعتقلت) or a feminine perfect (قصفت)."""
    word = sentence.derived.text[trigger.start : trigger.end]
    stem = trigger.entry.phrase.rstrip("*")
    stem_with_suffix = trigger.entry.phrase.endswith("*") and word != stem
    derived_form = trigger.entry.phrase.endswith("*") and len(stem) > 3 and stem.startswith(("ا", "أ"))  # استهدف, أحرق
    form_iv = len(word) == 4 and word.startswith("ا")  # "أوقف الجيش": a four-letter perfect with its hamza
    return stem_with_suffix or derived_form or form_iv or (word.endswith("ت") and not word.endswith("ات"))


def _only_group_words_between(sentence: SentenceHits, left: Hit, right: Hit) -> bool:
    """Between an agent word and an actor only words for a band of fighters may stand
    (شنّته مجموعة من عناصر عصابات داعش), not a verb or an object (غارات مجهولة تستهدف قوات الأسد)."""
    text = sentence.derived.text
    between = text[left.end : right.start].replace("«", " ").split()  # "من «فلول النظام»": a quoted name
    return all(word in BETWEEN_WORDS or word.removeprefix("و") in BETWEEN_WORDS for word in between)  # "مدفعي وصاروخي"


def _only_places_between(sentence: SentenceHits, left: Hit, right: Hit) -> bool:
    """Nothing but place names between two hits (the command's province after its name)."""
    places = [h for h in sentence.hits if h.kind in PLACE_KINDS and left.end <= h.start and h.end <= right.start]
    text = sentence.derived.text
    at = left.end
    for place in sorted(places, key=lambda h: h.start):
        if text[at : place.start].strip():
            return False
        at = max(at, place.end)
    return not text[at : right.start].strip()


def _generic(hit: Hit) -> bool:
    return actor_of(hit).generic


def _in_a_later_clause(sentence: SentenceHits, trigger: Hit, hit: Hit) -> bool:
    """ "خطفت قوة إسرائيلية راعياً ...، فيما تتابع قيادة الجيش اللبناني قضيته": a name past a
    second clause that opens after the event word, and not marked as hit, has no part in it."""
    return any(trigger.end <= c.start and c.end <= hit.start for c in sentence.of("cue:second_clause"))


def _pick(hits: list[Hit]) -> Hit | None:
    named = [h for h in hits if not _generic(h)]
    return named[0] if named else hits[0] if hits else None


def _first(sentence: SentenceHits, kind: str) -> Hit | None:
    hits = sentence.of(kind)
    return hits[0] if hits else None
