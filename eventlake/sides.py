"""Who the sides of an event are beyond the words next to its trigger: ACLED's conventions per
event type, forces hit in their own country, and sides the article named before."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Final

from eventlake.actors import PLANTING_VERBS, UNIDENTIFIED, Roles, names_air_defences
from eventlake.candidate import Candidate
from eventlake.casualties import names_a_unit
from eventlake.lexicon_types import Actor, Lexicon, actor_of
from eventlake.matcher import Hit
from eventlake.places import Location
from eventlake.schema import SUB_EVENT_TO_TYPE
from eventlake.sentence import SentenceHits
from eventlake.triggers import PROTEST_TYPES, STRIKES

TWO_CLANS: Final = frozenset({"عائلتين", "عشيرتين", "قبيلتين", "اسرتين"})  # matching form

# Soldiers by the name of their trade (matching form): the state's army, whoever else fights there.
SOLDIER_WORDS: Final = frozenset({"جندي", "جنود", "جنديين", "جنديان", "عسكري", "عسكريين", "عسكريان"})
TAKEN_TO: Final = frozenset({"الي", "لي"})  # "إلى المستشفى" (matching form)
BOMBS: Final = frozenset({"Remote explosive/landmine/IED", "Grenade"})  # planted or thrown by hand
LEFTOVER_WORDS: Final = frozenset({"مخلفات", "مخلّفات"})  # a war's leftovers (cues.yaml remnant)
SOLDIERS_HIT_BY: Final = frozenset(
    {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Air/drone strike"}
)
HOME_FORCES_HIT: Final = frozenset({"SY"})  # where unnamed military targets of Israeli strikes are the army's
FORMER_WORDS: Final = frozenset({"سابقه", "سابق", "السابقه", "السابق", "سابقا"})  # matching form
SAME_SIDES_TYPES: Final = frozenset({"Armed clash", "Agreement"})  # where both sides may bear one name
REF_REACH: Final = 3  # words between "the aggressor" (العدوان) and the event word it is the subject of
SAME_REACH: Final = 7  # "شنّت القوات ذاتها، فجر اليوم الثلاثاء، حملة دهم": room for a time between
SAME_FORCES: Final = frozenset({"القوات ذاتها", "القوات نفسها"})  # the forces told before, either side
ORGANISED: Final = frozenset({1, 2, 3, 8})  # inter codes of forces, not tribes, crowds or civilians
PROTESTERS: Final = Actor("Protesters", 6, "", generic=True)
RIOTERS: Final = Actor("Rioters", 5, "", generic=True)
CIVILIANS: Final = Actor("Civilians", 7, "", generic=True)
TRIBES: Final = Actor("Tribal militia", 4, "")
REBEL_INTER: Final = 2  # rebel and jihadist groups (ACLED inter 2): "التنظيم" of an article is one


def roles_for(sub: str, roles: Roles, heard: bool, sentence: SentenceHits) -> Roles:
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
    if sub == "Disrupted weapons use" and roles.actor1 is None and _defusers_owner(sentence, roles):
        roles = Roles(roles.actor2, None, "reported")  # "فريق من الهندسة العسكرية التابع للقيادة العامة"
    if roles.actor1 is None and SUB_EVENT_TO_TYPE[sub] in ("Battles", "Violence against civilians"):
        roles = Roles(UNIDENTIFIED, roles.actor2, "unknown")
    if roles.actor1 == UNIDENTIFIED:
        roles = roles.with_attribution("unknown")  # "بين مجموعتين مسلحتين": no one named
    if heard and (roles.attribution == "reported" or roles.actor1 is None):
        roles = roles.with_attribution("suspected")  # explosions heard with aircraft overhead
    if roles.actor2 == roles.actor1 and not roles.paired:
        roles = roles.with_actor2(None)
    looting = sub == "Looting/property destruction"
    if (sub in ("Attack", "Abduction/forced disappearance", "Sexual violence") or looting) and roles.actor2 is None:
        roles = roles.with_actor2(CIVILIANS)
    if sub == "Abduction/forced disappearance" and roles.actor2 == UNIDENTIFIED:
        roles = roles.with_actor2(CIVILIANS)  # "مسلحين ... اختطفوا المواطن": the gunmen again, not the taken
    if sub == "Arrests" and roles.actor1 is not None and roles.actor2 is None and not sentence.has("cue:cell"):
        # "اعتقلت ثلاثة ناشطين", "توقيف تسعة أشخاص": people, as ACLED codes them
        roles = roles.with_actor2(CIVILIANS)
    return roles


def _defusers_owner(sentence: SentenceHits, roles: Roles) -> bool:
    """ "تمكّن فريق من الهندسة العسكرية التابع للقيادة العامة من تفكيك عبوة ناسفة": the one force
    named, as owner of the team that defused a charge nobody is said to have planted, defused it."""
    if roles.actor2 is None or roles.actor2.inter not in (1, 2, 3) or not sentence.has("cue:defuse"):
        return False
    if not sentence.has("cue:owner"):
        return False
    text = sentence.derived.text
    return not any(text.startswith(PLANTING_VERBS, c.start) for c in sentence.of("cue:agent"))


def tribal_fight(sentence: SentenceHits, trigger: Hit, roles: Roles, sub: str) -> Roles:
    """ "شجار عشائري", "نزاع بين عشيرتين": a fight the trigger itself calls tribal, between tribesmen;
    a fight "بين شبان من عائلتين" (between young men of two families); a truce the clans signed."""
    if sub == "Agreement" and TRIBES in roles.sides and None in roles.sides:
        return Roles(TRIBES, TRIBES, "reported", paired=True)  # "وقّع وجهاء العشيرتين عطوة": a truce between clans
    named = roles.actor1 is not None and not roles.actor1.generic
    if named and not (roles.actor1 == TRIBES and sub == "Armed clash"):
        return roles  # in a clash of tribesmen, "شبان" beside them are the other family's, not civilians
    tribal = any(word in trigger.entry.phrase for word in ("عشائري", "عشيرت", "قبيلت", "عائلت"))
    if not (tribal or _two_clans(sentence)):
        return roles
    return Roles(TRIBES, TRIBES, "reported", paired=True)


def _two_clans(sentence: SentenceHits) -> bool:
    """ "بين شبان من عائلتين": "between" and, within four words, two clans or families."""
    text, start, end = sentence.derived.text, sentence.start, sentence.end
    if not any(text.find(clans, start, end) >= 0 for clans in TWO_CLANS):
        return False  # most sentences: no slicing
    words = text[start:end].replace("،", " ").split()
    return any(word == "بين" and any(w in TWO_CLANS for w in words[i + 1 : i + 5]) for i, word in enumerate(words))


def home_forces_hit(sentence: SentenceHits, sub: str, roles: Roles, where: Location, lexicon: Lexicon) -> Roles:
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
    hurt = (sentence.has("cas:killed") or sentence.has("cas:injured")) and not _no_word_of_losses(sentence)
    soldiers = sentence.has("cue:armed_victims") and hurt
    sites = [h for h in sentence.of("cue:military_site") if not _former(sentence, h)]
    military = soldiers or bool(sites) or where.place.kind == "military_base"
    target = lexicon.state_forces.get(iso)
    return roles if target is None or not military else roles.with_actor2(target)


def _no_word_of_losses(sentence: SentenceHits) -> bool:
    """ "دون ورود معلومات عن إصابات", "دون وقوع إصابات": losses named only to say there were none."""
    return sentence.has("cas:zero") or sentence.has("cas:unknown")


def _former(sentence: SentenceHits, site: Hit) -> bool:
    """ "مواقع عسكرية سابقة لجيش النظام": a site the army no longer holds."""
    after = [sentence.derived.text[a:b] for a, b in sentence.words_after(site.end, 2)]
    return any(w in FORMER_WORDS for w in after)


def soldiers_hit(sentence: SentenceHits, sub: str, roles: Roles, where: Location, lexicon: Lexicon) -> Roles:
    """ "استشهاد جندي وإصابة اثنين آخرين ... بانفجار عبوة ناسفة": soldiers hurt by a bomb or shells
    that name no force are the army of the country it went off in."""
    if roles.actor2 is not None or sub not in SOLDIERS_HIT_BY:
        return roles
    if not (sentence.has("cas:killed") or sentence.has("cas:injured")) or _no_word_of_losses(sentence):
        return roles
    text = sentence.derived.text
    sources = sentence.of("cue:source")  # "وقال مصدر عسكري": the teller, not a soldier hit
    soldiers = [h for h in sentence.of("cue:armed_victims") if not any(s.start <= h.start < s.end for s in sources)]
    if not any(text[h.start : h.end] in SOLDIER_WORDS for h in soldiers):
        return roles
    army = lexicon.state_forces.get(where.place.iso)
    return roles if army is None or army == roles.actor1 else roles.with_actor2(army)


def speakers_defences(sentence: SentenceHits, sub: str, roles: Roles) -> Roles:
    """ "أعلن الناطق الرسمي باسم القوات المسلحة السودانية أن المضادات الأرضية تصدّت لست مسيّرات":
    air defences no one owns in a force's statement are that force's."""
    if sub != "Disrupted weapons use" or roles.actor1 is not None:
        return roles
    if not any(names_air_defences(word) for word in sentence.text.split()):
        return roles
    for cue in sentence.of("cue:spokesman"):
        speaker = sentence.followed_by(cue, "actor", within=0)
        if speaker is not None and speaker.entry.value != roles.actor2:
            return roles.with_actor1(speaker.entry.value, "reported")
    return roles


def army_unit_hit(sentence: SentenceHits, sub: str, roles: Roles, where: Location, lexicon: Lexicon) -> Roles:
    """ "كسرت وحدات من اللواء 17 مشاة هجوماً شنّته ميليشيا الحوثي": a numbered unit no alias names,
    fighting a named attacker, is the army of the country (not in Libya, whose numbered brigades
    are armed groups of their own)."""
    if roles.actor2 is not None or roles.actor1 is None or sub != "Armed clash" or where.place.iso == "LY":
        return roles
    text = sentence.derived.text
    words = text[sentence.start : sentence.end].replace("،", " ").split()
    numbered = any(nxt.isdigit() and names_a_unit(word) for word, nxt in pairwise(words))
    army = lexicon.state_forces.get(where.place.iso)
    return roles.with_actor2(army) if numbered and army is not None and army != roles.actor1 else roles


def actor_told(sentence: SentenceHits, primary: Hit, roles: Roles, earlier: list[Candidate]) -> Roles:
    """ "كما شنّ العدوان غارتين", "هاجمت القوات قرية السريحة": "the aggressor", "the forces" next to
    the event word are the perpetrator the article last named (not "وقد باشرت القوات بتفتيش المنطقة")."""
    names = [h for h in sentence.hits if h.kind in ("actor", "actor_local")]
    refs = [
        c
        for c in sentence.of("cue:actor_ref")
        if not any(h.start <= c.start < h.end for h in names) and _next_to(sentence, c, primary, _reach(c))
    ]
    if not refs:
        return roles
    named = [c.roles for c in earlier if c.roles.actor1 is not None and not c.roles.actor1.generic]
    if roles.actor1 is not None:  # "للعدو السعودي" names its actor
        return _turned_round(sentence, primary, refs, roles, named[-1]) if named else roles
    if any(c.entry.phrase in SAME_FORCES for c in refs):
        return _same_forces(roles, earlier)
    return roles.with_actor1(named[-1].actor1, named[-1].attribution) if named else roles


def _turned_round(sentence: SentenceHits, primary: Hit, refs: list[Hit], roles: Roles, told: Roles) -> Roles:
    """ "كما استهدف العدوان بغارتين مطار الحديدة، وهو ما قالت القيادة المركزية الأمريكية إنه ضربات
    على مواقع للحوثيين": the verb's own subject is the aggressor told before, who was read as the target."""
    subject = any(_next_to(sentence, c, primary, 1) for c in refs)  # "استهدف العدوان بغارتين"
    if not subject or told.actor1 is None or told.actor1 != roles.actor2:
        return roles
    return Roles(told.actor1, roles.actor1, told.attribution)


def _reach(ref: Hit) -> int:
    """Words allowed between a reference and its event word: more for "the same ..." (ذاتها)."""
    return SAME_REACH if ref.entry.phrase.endswith(("ذاتها", "ذاته", "نفسها", "نفسه")) else REF_REACH


def _same_forces(roles: Roles, earlier: list[Candidate]) -> Roles:
    """ "هاجم مسلحون من العشائر حاجزاً لقسد ... وعلى إثر ذلك شنّت القوات ذاتها حملة دهم": the
    forces last told, whichever side they were on; tribesmen are no "forces"."""
    for c in reversed(earlier):
        for side in (c.roles.actor1, c.roles.actor2):
            if side is not None and side.inter in ORGANISED and not side.generic:
                return roles.with_actor1(side, c.roles.attribution if side == c.roles.actor1 else "reported")
    return roles


def group_told(sentence: SentenceHits, primary: Hit, sub: str, roles: Roles, earlier: list[Candidate]) -> Roles:
    """ "ألقت القبض على ثلاثة مشتبهين بالانتماء إلى خلية تابعة للتنظيم": "the organisation" of
    those arrested is the armed group the article last named."""
    if sub != "Arrests":
        return roles
    refs = [c for c in sentence.of("cue:actor_ref") if c.start > primary.end and c.entry.phrase == "التنظيم"]
    if not refs or (roles.actor2 is not None and not _named_by_the_ref(sentence, refs, roles.actor2)):
        return roles  # "بتهمة التعامل مع خلايا التنظيم": people arrested on a charge stay civilians
    doers = [c.roles.actor1 for c in earlier if c.roles.actor1 is not None and c.roles.actor1.inter == REBEL_INTER]
    targets = [c.roles.actor2 for c in earlier if c.roles.actor2 is not None and c.roles.actor2.inter == REBEL_INTER]
    named = doers or targets
    return roles.with_actor2(named[-1]) if named else roles  # the group that did the deeds told, first


def _named_by_the_ref(sentence: SentenceHits, refs: list[Hit], actor: Actor) -> bool:
    """ "يُشتبه بانتمائهم لخلايا التنظيم": the side came from a name built on "التنظيم" alone (one
    alias of Islamic State), which in an article about another group means that group."""
    return any(h.entry.value == actor and h.start <= r.start < h.end for h in sentence.of("actor") for r in refs)


def sides_told(sentence: SentenceHits, roles: Roles, earlier: list[Candidate], sub: str) -> Roles:
    """ "اشتباكات بين الطرفين": the sides of the clash told before; "أعلنت وزارة الدفاع التوصل إلى
    اتفاق لوقف إطلاق النار بين الطرفين": the sides, not the ministry that announced it."""
    if not sentence.has("cue:sides_told"):
        return roles
    if sub != "Agreement" and roles.actor1 is not None and not roles.actor1.generic:
        return roles
    told = [
        c.roles
        for c in earlier
        if c.roles.actor1 is not None
        and not c.roles.actor1.generic
        and c.roles.actor2
        and c.roles.actor2.inter != 7
        and c.sub_event_type != "Arrests"
    ]  # two sides that fought, not a force and those it arrested
    return replace(told[-1], paired=True) if told else roles


def _next_to(sentence: SentenceHits, a: Hit, b: Hit, reach: int) -> bool:
    left, right = (a, b) if a.start < b.start else (b, a)
    return sentence.tokens_between(left, right) <= reach


def involved_in_one_told(sentence: SentenceHits) -> bool:
    """Those acted on took part in an event told before ("من المتورطين", "من المشاركين في", "من الطرفين")."""
    return any(sentence.has(kind) for kind in ("cue:implicated", "cue:took_part", "cue:sides_told"))


def perpetrators_arrested(
    sentence: SentenceHits, sub: str, roles: Roles, where: Location, earlier: list[Candidate]
) -> Roles:
    """ "اعتقلت ستة من المتورطين" after a tribal feud in the same province: those arrested are the
    feud's tribesmen, not civilians; "القبض على أربعة يُشتبه بضلوعهم في الهجوم" after an attack by a
    named armed group: the group's men."""
    if sub != "Arrests" or roles.actor2 not in (None, CIVILIANS):
        return roles
    if not involved_in_one_told(sentence):
        return roles
    feud = any(
        TRIBES in c.roles.sides and c.location is not None and c.location.place.admin1 == where.place.admin1
        for c in earlier
    )
    if feud:
        return roles.with_actor2(TRIBES)
    doers = [c.roles.actor1 for c in earlier if c.sub_event_type != "Arrests" and c.roles.actor1 != roles.actor1]
    doers = [d for d in doers if _named_armed_group(d)]
    return roles.with_actor2(doers[-1]) if doers else roles


def _named_armed_group(actor: Actor | None) -> bool:
    """A rebel or political militia the article names (ACLED inter 2 or 3), not an unknown one."""
    return actor is not None and actor.inter in (2, 3) and not actor.generic


def unclaimed_bomb(event: Candidate) -> Candidate:
    """ "انفجرت عبوة ناسفة بعجلة للجيش": a bomb someone planted or threw, with no one named for it
    in the whole article, is an unidentified group's; the war's leftovers are no one's, even when
    a headline that also tells a shooting "برصاص مجهولين" lent them its gunmen."""
    if event.sub_event_type not in BOMBS or event.heard:
        return event
    sentence, actor1 = event.sentence, event.roles.actor1
    if actor1 == UNIDENTIFIED and sentence.has("cue:remnant") and not sentence.has("cue:unknown"):
        return event.with_roles(Roles(None, event.roles.actor2, "unknown"))  # "المجهولين" of another telling
    if actor1 is not None and _war_leftover(sentence) and not sentence.has("cue:planted"):
        return event.with_roles(Roles(None, event.roles.actor2, "unknown"))  # "من مخلفات قصف النظام البائد"
    if actor1 is not None or not sentence.has("cue:planted") or sentence.has("cue:remnant"):
        return event
    return event.with_roles(Roles(UNIDENTIFIED, event.roles.actor2, "unknown"))


def _war_leftover(sentence: SentenceHits) -> bool:
    """ "لغم من مخلفات الحرب", "قنبلة عنقودية من مخلفات قصف النظام": left by a war, not laid for
    this blast, whoever fired it then; not "من مخلفات عصابات داعش", an armed group's own mines."""
    leftover = next((h for h in sentence.of("cue:remnant") if h.entry.phrase in LEFTOVER_WORDS), None)
    if leftover is None:
        return False
    owner = sentence.followed_by(leftover, "actor", within=2) or sentence.followed_by(leftover, "actor_local", within=2)
    return owner is None or actor_of(owner).inter == 1


def civilian_target(event: Candidate) -> Candidate:
    """ "ألقت مسيّرة معادية قنبلة على جرافة", "عبوة صوتية أمام منزل مرشح": a strike or a bomb on
    civilians' property (for a bomb, a home or a shop too), with no victim named, targets civilians."""
    if event.roles.actor2 is not None or SUB_EVENT_TO_TYPE[event.sub_event_type] != "Explosions/Remote violence":
        return event
    hits = event.sentence.of("cue:civilian_target")
    if event.sub_event_type in BOMBS:
        hits = hits + event.sentence.of("cue:home_or_shop")
    if event.heard or not any(_hit_there(event.sentence, h) for h in hits):
        return event
    return event.with_roles(event.roles.with_actor2(CIVILIANS))


def _hit_there(sentence: SentenceHits, hit: Hit) -> bool:
    """Not "وتم إخلاؤهم إلى المستشفى": the wounded taken there."""
    return sentence.word_before(hit.start) not in TAKEN_TO


def unclaimed_drone(event: Candidate, lexicon: Lexicon) -> Candidate:
    """ "استهدفت طائرات مسيّرة محطة الكهرباء في دنقلا": a drone no one claims, striking where only
    one side sends them (the RSF over Sudan's army-held states), is suspected to be that side's."""
    if event.roles.actor1 is not None or event.sub_event_type != "Air/drone strike" or event.location is None:
        return event
    place = event.location.place
    owner = lexicon.drone_owners.get((place.iso, place.admin1))
    if owner is None or event.heard:
        return event
    return event.with_roles(event.roles.with_actor1(owner, "suspected"))


def fight_has_two_sides(event: Candidate) -> Candidate:
    """ "فتعرّضت القوة لإطلاق نار من المطلوبين، فردّت على مصادره": a clash always has a second side;
    one the article does not name is an unidentified armed group, as ACLED codes it."""
    if event.sub_event_type != "Armed clash" or event.roles.actor2 is not None or event.roles.actor1 is None:
        return event
    return event.with_roles(event.roles.with_actor2(UNIDENTIFIED))


def merged_event_defaults(event: Candidate, lexicon: Lexicon) -> Candidate:
    """The sides ACLED's conventions give an event where the article leaves them open, read once
    its tellings are merged (a headline's gunmen, a later sentence's target are in by then)."""
    event = civilian_target(unclaimed_bomb(event))
    return not_its_own_target(fight_has_two_sides(unclaimed_drone(event, lexicon)))


def not_its_own_target(event: Candidate) -> Candidate:
    """A side found for the perpetrator later (a suspect, the drones' owner) that the sentence had
    read as the target ("اتهمت الحكومة الدعم السريع بالوقوف وراء الهجوم") is not also the target.
    Only a fight or a truce may have one name on both sides (two clans, two unnamed groups)."""
    roles = event.roles
    if roles.actor1 is None or roles.actor1 != roles.actor2 or event.sub_event_type in SAME_SIDES_TYPES:
        return event
    return event.with_roles(roles.with_actor2(None))
