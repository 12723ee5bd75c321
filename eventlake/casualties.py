"""Casualty counts: killed and injured figures read next to casualty words in a sentence.

A figure is a number in digits or words, a dual noun (عنصرين = 2) or a singular person noun
(مقتل عنصر = 1). Vague counts (عدد من, عشرات) give None, never a guess; an explicit
"no casualties" gives 0; figures after a running-total cue belong to no event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from pyarabic import araby
from pyarabic import number as arabic_number
from pyarabic.number_const import NUMBER_WORDS

from eventlake.lexicon_types import actor_of
from eventlake.matcher import Hit
from eventlake.sentence import SentenceHits

_VAGUE: Final = object()
# What araby.strip_diacritics deletes (one character at a time, with 52 str.replace calls).
_DIACRITIC: Final = re.compile(f"[{''.join(araby.DIACRITICS)}]")
# Words that hedge a figure without changing it: مقتل ما لا يقل عن سبعة, إصابة نحو عشرين.
FILLERS: Final = frozenset(
    {"ما", "لا", "يقل", "عن", "نحو", "قرابه", "حوالي", "زهاء", "اكثر", "من", "يزيد", "علي", "الي", "بين"}
    | {"فيها", "فيه", "خلالها", "خلاله", "خلالهم"}  # "قُتل خلالها ثلاثة عناصر"
)
# Indefinite singular casualty nouns: "ما أدى إلى سقوط شهيد" is one killed.
ONE_VICTIM: Final = frozenset({"شهيد", "قتيل", "جريح", "مصاب", "ضحيه", "مقتولا", "مقتوله"})
ONE_OF: Final = frozenset({"احد", "احدي"})  # "أحد المنتسبين": one of them (matching form)
_WAS_WORDS: Final = frozenset({"كان", "وكان", "كانت", "وكانت"})  # matching form
RANK_ORDINALS: Final = frozenset({"اول", "ثان", "ثاني", "ركن"})  # "ملازم أول", "عقيد ركن"
ANOTHER_ONE: Final = frozenset(
    {"اخر", "اخري", "ثالث", "ثالثه"}
)  # "وإصابة آخر", "وإصابة ثالث": one more (matching form)
TWO_OTHERS: Final = frozenset({"اخران", "اخريان"})  # "وأُصيب آخران": two more (matching form)
DUAL_MARK: Final = "\u064eين"  # fatha + ين
# Words that describe victims counted by the casualty word before them (جثتي راعيين مقتولين).
# Casualty words with the victim as a suffix: how many people the pronoun stands for.
PRONOUN_VICTIMS: Final = {
    **dict.fromkeys(("مقتله", "مقتلها", "استشهاده", "استشهادها", "مصرعه", "مصرعها", "إصابته", "إصابتها"), 1),
    **dict.fromkeys(("مقتلهما", "استشهادهما", "مصرعهما", "إصابتهما", "أصيبا", "أصيبتا"), 2),  # and "أُصيبا": two
}
MANNER_WORDS: Final = frozenset({"بجروح", "مقتولا", "مقتولاً", "مقتولة", "مقتولين"})
LIST_MARKS: Final = ("-", ")", ".", "–")  # after an item's number: "2- استشهاد ..."
TOLL_KINDS: Final = frozenset({"cas:killed", "cas:injured"})
# What `count_casualties` reads a figure or a zero from: a sentence with none of them tells no toll.
_TOLL_KINDS_READ: Final = TOLL_KINDS | {"cas:zero", "cas:losses", "cue:toll_rise"}
CIVILIANS_INTER: Final = 7  # a civilian after the verb is the victim, not the killer
# A second victim named as the first one's kin ("قُتلت امرأة وطفلها"), matching form.
KIN_AFTER: Final = frozenset(
    {"وطفلها", "وطفله", "وطفلتها", "وابنها", "وابنه", "وابنتها", "وابنته", "وزوجته", "وزوجها", "وشقيقه", "وشقيقها"}
    | {"ووالدته", "ووالده", "ووالدتها", "ووالدها", "وحفيده", "وحفيدها", "ونجله"}
    | {"ووالدتهما", "ووالدهما", "ووالدتهم", "ووالدهم", "ووالدتهن"}  # "طفلين ... ووالدتهما"
)
# Two kin named after the first victim ("قُتل رجل وابنيه", "استُشهدت امرأة وطفلاها"), matching form.
TWO_KIN_AFTER: Final = frozenset(
    {"وطفلاها", "وطفليها", "وطفلاه", "وطفليه", "وابناها", "وابنيها", "وابناه", "وابنيه", "ونجلاه", "ونجليه"}
    | {"وابنتاها", "وابنتيها", "وابنتاه", "وابنتيه", "وشقيقاه", "وشقيقيه", "وشقيقاها", "وشقيقيها"}
)
COMPANION_AFTER: Final = frozenset({"ومرافقه", "ومرافقها", "وسائقه", "وسائقها", "وحارسه", "وزميله"})
WITH_HIM: Final = KIN_AFTER | COMPANION_AFTER  # one more person, named with the first
# The same kin as the victim's own count ("وأُصيبت والدته", "وجُرح ابناه"): one, or two for a dual.
KIN_ALONE: Final = {w[1:]: 1 for w in WITH_HIM} | {w[1:]: 2 for w in TWO_KIN_AFTER}
KIN_REACH: Final = 4  # words after a victim within which "ونجله" still names his son
HEAD_OF_FAMILY: Final = frozenset({("رب", "الاسره"), ("رب", "العائله")})  # matching form
# "Two" written after its noun (منتسبين اثنين), matching form.
TWO_WORDS: Final = frozenset({"اثنين", "اثنان", "اثنتين", "اثنتان"})
# Person nouns whose dual (stem + ان) is a count of two.
SINGULAR_STEMS: Final = frozenset(
    {"متظاهر", "مدني", "عسكري", "مقاتل", "مسلح", "مواطن", "جندي", "عنصر", "شخص", "طفل", "شاب", "مهاجر", "شقيق", "منتسب"}
    | {"ضابط", "طالب", "عامل", "صياد", "مزارع", "لاجئ", "راعي", "قيادي", "حارس", "مرافق", "مسعف", "صحفي", "ناشط"}
    | {"عضو", "راكب"}
)


@dataclass(eq=False)
class Casualties:
    """Killed and injured, None where untold. Treat as immutable; built natively (see Hit)."""

    fatalities: int | None
    injuries: int | None

    def __init__(self, fatalities: int | None, injuries: int | None) -> None:
        self.fatalities, self.injuries = fatalities, injuries

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Casualties):
            return NotImplemented
        return self.fatalities == other.fatalities and self.injuries == other.injuries

    def __hash__(self) -> int:
        return hash((self.fatalities, self.injuries))


_UNTOLD: Final = Casualties(None, None)


def count_casualties(sentence: SentenceHits, *, since: int = -1, until: int | None = None) -> Casualties:
    """Killed and injured in the sentence (or in its clause `since`..`until`, matching-form
    positions); None where it gives no exact figure."""
    if sentence.kinds.isdisjoint(_TOLL_KINDS_READ):
        return _UNTOLD  # no word a toll is read from (many event sentences): nothing to count
    windows = _windows(sentence, since, until)
    killed = _total(sentence, "cas:killed", windows)
    injured = _total(sentence, "cas:injured", windows)
    risen = _risen_toll(sentence, windows[0][1])
    if risen is not None:
        kind, figure = risen
        killed, injured = (figure, injured) if kind == "cas:killed" else (killed, figure)
    hi = sentence.end if until is None else until
    if any(since <= h.start < hi for h in sentence.of("cas:zero")) or _negated_losses(sentence, since, hi):
        killed = 0 if killed is None else killed
        injured = 0 if injured is None else injured
    return Casualties(killed, injured)


def _negated_losses(sentence: SentenceHits, since: int, until: int) -> bool:
    """ "من دون أن يسفر الهجوم عن إصابات", "دون تسجيل أي أضرار أو إصابات": none hurt (in the clause)."""
    if sentence.has("cas:unknown") or not sentence.has("cue:negation"):
        return False  # "دون معلومات عن الخسائر" is not "no losses"; without a negation, nothing to read
    losses = [h for h in sentence.of("cas:losses") if since <= h.start < until]
    return any(sentence.preceded_by(h, "cue:negation", within=5) for h in losses)


def none_killed_if_only_wounded(casualties: Casualties) -> Casualties:
    """ "أُصيب ثلاثة جنود": a toll of wounded only reports no dead, which ACLED codes as 0 killed."""
    if casualties.fatalities is None and casualties.injuries:
        return Casualties(0, casualties.injuries)
    return casualties


def risen_toll(sentence: SentenceHits) -> int | None:
    """The dead a sentence says a toll has risen or been brought to ("ليرتفع عدد الشهداء إلى اثنين"):
    an update that outweighs the first telling's figure; None when it gives none."""
    for kind in ("cue:toll_rise", "cue:toll_brought_to"):
        risen = _risen_toll(sentence, sentence.end, kind)
        if risen is not None:
            return risen[1] if risen[0] == "cas:killed" else None
    return None


def _risen_toll(sentence: SentenceHits, limit: int, kind: str = "cue:toll_rise") -> tuple[str, int] | None:
    """ "ارتفعت حصيلة قتلى الهجوم ... إلى ستة جنود": the figure after "إلى" is the new toll."""
    cue = next(iter(sentence.of(kind)), None)
    if cue is None:
        return None
    text = sentence.derived.text
    if text.endswith("الي", cue.start, cue.end):  # "ارتفعت إلى": the figure follows the cue
        words = [(cue.end, cue.end), *sentence.words_after(cue.end, 40)]
        to: int | None = 0
    else:
        words = sentence.words_after(cue.end, 40)
        to = next((i for i, (a, b) in enumerate(words) if text[a:b] == "الي" and a < limit), None)
    if to is None:
        return None
    figure = _count_at(sentence, words[to + 1 : to + 6])
    if not isinstance(figure, int):
        return None
    named = [h for h in sentence.hits if h.kind in ("cas:killed", "cas:injured") and h.start < words[to][0]]
    injured_only = named and all(h.kind == "cas:injured" for h in named)
    return ("cas:injured" if injured_only else "cas:killed"), figure


def _windows(sentence: SentenceHits, since: int, until: int | None) -> list[tuple[int, int]]:
    """Where tolls are read: up to a total, a cause or an earlier toll, less a subset ("بينهم
    طفل") until a casualty word joined by "و" resumes the count ("وإصابة 12 آخرين")."""
    end = min(_first_start(sentence, kind) for kind in ("cue:total", "cue:cause", "cue:earlier_toll"))
    end = end if until is None else min(end, until)
    subset = _first_start(sentence, "cue:subset")
    result = _result_after_cause(sentence, end)
    if result is not None and subset >= sentence.end:
        later_end = min(_first_start(sentence, kind) for kind in ("cue:total", "cue:earlier_toll"))
        return [(since, end), (result, later_end if until is None else min(later_end, until))]
    if subset >= end:
        return [(since, end)]
    text = sentence.derived.text
    resumed = (h.start for h in sentence.hits if h.kind in TOLL_KINDS and subset < h.start < end and _joined(text, h))
    return [(since, subset), (max(since, min(resumed, default=end)), end)]


def _result_after_cause(sentence: SentenceHits, end: int) -> int | None:
    """ "اشتباكات على خلفية خلاف حول نقطة تفتيش، ما أدى إلى مقتل أحد العناصر": where the toll
    resumes after a cause told between the event and its result (None: it does not)."""
    if end != _first_start(sentence, "cue:cause"):
        return None
    return next((r.start for r in sentence.of("cue:result") if r.start > end), None)


def _joined(text: str, hit: Hit) -> bool:
    return hit.start >= 2 and text[hit.start - 2 : hit.start] == " و"


def _total(sentence: SentenceHits, kind: str, windows: list[tuple[int, int]]) -> int | None:
    spans = {  # one figure per word
        (h.start, h.end): h
        for h in sentence.of(kind)
        if any(since <= h.start < end for since, end in windows) and not _manner_of(sentence, h)
    }
    figures = [
        _figure(sentence, h)
        for h in spans.values()
        if h.entry.phrase not in PRONOUN_VICTIMS and not _verb_of_the_noun(sentence, h, spans.values())
    ]
    exact = [f for f in figures if isinstance(f, int)]
    if not exact and not (kind == "cas:injured" and sentence.has("cas:killed")):
        # "ما أدى إلى مقتله": the pronoun counts only when nothing else gives a figure, and a wound
        # only when no one died ("قُتل بعد إصابته بثلاث طلقات" is the same man)
        exact = [_pronoun_victims(sentence, h) for h in spans.values() if h.entry.phrase in PRONOUN_VICTIMS]
    if not exact:
        return None
    return sum(exact)


def _verb_of_the_noun(sentence: SentenceHits, hit: Hit, hits: Iterable[Hit]) -> bool:
    """ "ارتقى ثلاثة شهداء", "ارتقى شهيدان": the verb and the noun read the same figure between them;
    the noun counts."""
    return any(
        g.start > hit.end
        and (
            (sentence.has_at(g.start, "cas:count_before") and sentence.tokens_between(hit, g) == 1)
            or (sentence.has_at(g.start, "cas:dual") and sentence.tokens_between(hit, g) == 0)
        )
        for g in hits
    )


def _pronoun_victims(sentence: SentenceHits, hit: Hit) -> int:
    """ "ما أدى إلى مقتله ومرافقه", "مقتله مع سائقه": the man and the one named with him."""
    text = sentence.derived.text
    after = [text[a:b] for a, b in sentence.words_after(hit.end, 2)]
    with_him = bool(after) and (after[0] in WITH_HIM or _with_companion(after))
    return PRONOUN_VICTIMS[hit.entry.phrase] + (1 if with_him else 0)


def _with_companion(words: list[str]) -> bool:
    """ "مقتله مع سائقه", "مقتله مع مرافقه": one more named after "مع"."""
    return len(words) > 1 and words[0] == "مع" and "و" + words[1] in WITH_HIM


def _manner_of(sentence: SentenceHits, hit: Hit) -> bool:
    """ "أُصيب مواطنان بجروح", "جثتي راعيين مقتولين": how the two were hurt or found, not two more."""
    return hit.entry.phrase in MANNER_WORDS and sentence.preceded_by(hit, hit.kind, within=3) is not None


def _figure(sentence: SentenceHits, hit: Hit) -> int | object | None:
    """The count attached to one casualty word: after it, before it, or in the word itself."""
    if sentence.has_at(hit.start, "cas:dual"):
        return 2
    if hit.entry.phrase.startswith("حتف") and sentence.preceded_by(hit, "cas:killed", within=4) is not None:
        return None  # "لقي شخصان حتفهما": one idiom, its count read at لقي
    after = sentence.words_after(_word_end(sentence, hit.end), 5)  # لقيت امرأة: past the verb's ending
    after = _past_adverbs(sentence, after)  # "أعدموا ميدانياً ثلاثة شبان"
    together = hit.kind == "cas:killed" and sentence.has_at(hit.start, "cas:count_before")  # not "قُتل وأصيب نجله"
    if together and _dead_and_hurt_together(sentence, after):
        return _VAGUE  # "أكثر من عشرين قتيلاً وجريحاً": the dead and the hurt counted together
    if after and _conjoined(sentence.derived.text[after[0][0] : after[0][1]]):
        after = []  # "سقوط قتيل وثلاثة جرحى": the figure after "و" counts the next word
    before = sentence.words_before(hit.start, 3)
    readers = [
        lambda: _with_other_side(sentence, after),
        lambda: _count_before(sentence, before) or _count_of_group(sentence, hit),
    ]
    if sentence.has_at(hit.start, "cas:count_before"):
        readers.reverse()
    readers.append(lambda: _count_after_killer(sentence, sentence.words_after(_word_end(sentence, hit.end), 5)))
    readers.append(lambda: _count_after_occasion(sentence, sentence.words_after(_word_end(sentence, hit.end), 5)))
    for read in readers:
        candidate = read()
        if candidate is not None:
            return candidate
    if _one_before_qad(sentence, hit):
        return 1
    word = sentence.derived.text[hit.start : hit.end]
    return 1 if word in ONE_VICTIM and not sentence.is_definite(hit) else None  # "سقوط شهيد"


def _past_adverbs(sentence: SentenceHits, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words after a killing's adverbs and its time ("ميدانياً", "رمياً بالرصاص", "فجر اليوم"),
    which stand between the verb and its count ("استشهد فجر اليوم مواطنان")."""
    text = sentence.derived.text
    dates = [h for h in sentence.hits if h.kind.startswith("date:")] if words else []
    skip = 0

    def dated(word: tuple[int, int]) -> bool:
        return any(h.start < word[1] and word[0] < h.end for h in dates)

    while skip < len(words):
        word = words[skip]
        day = skip + 1 < len(words) and _digits(text[word[0] : word[1]]) is not None and dated(words[skip + 1])
        if text[word[0] : word[1]] not in KILLING_ADVERBS and not dated(word) and not day:  # "12 أيار"
            break
        skip += 1
    return words[skip:] if skip else words


def _one_before_qad(sentence: SentenceHits, hit: Hit) -> bool:
    """ "وكان شاب فلسطيني قد قُتل مساء أمس": one person, named between "كان" and "قد" before the verb."""
    words = sentence.words_before(hit.start, 4)  # nearest first
    text = sentence.derived.text
    tokens = [text[a:b] for a, b in words]
    if len(tokens) < 3 or tokens[0] != "قد":
        return False
    for i in (1, 2):  # the noun, or the noun and one adjective
        if i + 1 < len(tokens) and tokens[i + 1] in _WAS_WORDS:
            return sentence.has_at(words[i], "cas:singular") and not tokens[i].startswith("ال")
    return False


def _with_other_side(sentence: SentenceHits, after: list[tuple[int, int]]) -> int | object | None:
    """ "قُتل ثلاثة من جنود الحزام الأمني واثنان من المهاجمين": the count after the casualty word,
    plus a second count of another side joined to it by "و" (before any other casualty word)."""
    count = _count_at(sentence, after)
    if not isinstance(count, int) or not after:
        return count
    words = sentence.words_after(after[0][0], 9)
    text = sentence.derived.text
    tokens = [text[a:b] for a, b in words]
    if len(tokens) < 4 or tokens[1] != "من":
        return count  # "ثلاثة من ...": only a count of some of a named group has another group after it
    for i in range(3, len(tokens) - 1):
        if any(sentence.has_at(words[i], kind) for kind in TOLL_KINDS):
            return count  # "... وإصابة اثنين من": the next count is another toll
        other = _digits(tokens[i]) if tokens[i].startswith("و") else None
        if other is None and tokens[i].startswith("و"):
            other = _number_words([sentence.source_word(*words[i])[1:]])
        if other is not None and tokens[i + 1] == "من":
            return count + other
    return count


def _dead_and_hurt_together(sentence: SentenceHits, after: list[tuple[int, int]]) -> bool:
    """The killed word is followed by "و" and an injured word with no count of its own
    ("قتيلاً وجريحاً", not "قُتلوا وأُصيب أكثر من عشرين")."""
    if not after or sentence.derived.text[after[0][0]] != "و" or not sentence.has_at(after[0], "cas:injured"):
        return False
    return _count_at(sentence, sentence.words_after(after[0][1], 5)) is None


def _conjoined(word: str) -> bool:
    return word.startswith("و") and not word.startswith("واحد") and word not in KIN_ALONE  # والدته: no "و"


def _count_at(sentence: SentenceHits, words: list[tuple[int, int]]) -> int | object | None:
    """A count that starts the word list (مقتل 3 / مقتل ثلاثة عناصر / مقتل عنصرين / مقتل عدد من),
    after hedging fillers (مقتل ما لا يقل عن سبعة)."""
    text = sentence.derived.text
    ranged = False
    while words and text[words[0][0] : words[0][1]] in FILLERS:
        ranged = text[words[0][0] : words[0][1]] == "بين"
        words = words[1:]
    if not words:
        return None
    tokens = [text[a:b] for a, b in words]
    if _digits(tokens[0]) is not None:
        return _digits(tokens[0])
    if ranged:  # "مقتل ما بين خمسة وسبعة": a range counts its lower end, not the sum
        words = words[:1]
    if sentence.has_at(words[0], "cas:vague"):
        return _VAGUE
    if sentence.has_at(words[0], "cas:dual") or _is_dual(sentence, tokens[0]):
        return 2 + _and_more(sentence, words[1:2])  # "رجلان وامرأة"
    if sentence.source_word(*words[0]).endswith(DUAL_MARK):
        return 2  # مواطنَين: the fatha before ين marks the dual (مواطنِين is the plural)
    value = _spelled_number(sentence, words)
    if value:
        return value
    if len(words) > 1 and tokens[1] in TWO_WORDS:
        return 2  # متظاهران اثنان, منتسبَين اثنين
    if sentence.has_at(words[0], "cas:singular"):
        if len(tokens) > 1 and tokens[1] in KIN_AFTER:
            return 2  # "امرأة وطفلها"
        if len(tokens) > 1 and tokens[1] in TWO_KIN_AFTER:
            return 3  # "رجل وابنيه"
        rank = _rank_words(tokens[1:])  # "ضابط برتبة ملازم أول وجندي"
        more = _and_more(sentence, words[1 + rank : 2 + rank])  # "إصابة ضابط وجنديين"
        return 1 + (more or _kin_after_the_one(sentence, words))
    if tokens[0] in ANOTHER_ONE:
        return 1  # "مقتل شاب وإصابة آخر"
    if tokens[0] in TWO_OTHERS:
        return 2  # "قُتل عنصر وأُصيب آخران"
    if tokens[0] in KIN_ALONE:  # "وأُصيبت والدته", "وجُرح ابناه", "إصابة زوجته وابنته": his kin
        return KIN_ALONE[tokens[0]] + (KIN_ALONE.get(tokens[1][1:], 0) if len(tokens) > 1 else 0)
    if tuple(tokens[:2]) in HEAD_OF_FAMILY:  # "مقتل رب الأسرة وإصابة زوجته"
        return 1 + (KIN_ALONE.get(tokens[2][1:], 0) if len(tokens) > 2 else 0)
    if tokens[0] in ONE_OF and len(tokens) > 1:
        return 1  # "استشهاد أحد المنتسبين"
    return None


def _kin_after_the_one(sentence: SentenceHits, words: list[tuple[int, int]]) -> int:
    """ "مقتل قيادي في الحشد الشعبي ونجله": his kin or companion named after what he was, in the same
    stretch (no comma, no toll of its own after it: not "... وشقيقه أُصيب")."""
    text = sentence.derived.text
    for i in range(1, min(len(words), KIN_REACH + 1)):
        if "،" in text[words[i - 1][1] : words[i][0]] or any(sentence.has_at(words[i], k) for k in TOLL_KINDS):
            return 0
        if text[words[i][0] : words[i][1]] in WITH_HIM:
            after = sentence.words_after(words[i][1], 1)
            return 0 if after and any(sentence.has_at(after[0], k) for k in TOLL_KINDS) else 1
    return 0


def _rank_words(tokens: list[str]) -> int:
    """How many words an officer's rank takes after his noun ("برتبة نقيب", "برتبة ملازم أول")."""
    if not tokens or tokens[0] != "برتبه":
        return 0
    return 3 if len(tokens) > 2 and tokens[2] in RANK_ORDINALS else 2


def _and_more(sentence: SentenceHits, words: list[tuple[int, int]]) -> int:
    """The people joined by "و" after a first one: a dual (وجنديين) is two more, a singular person
    noun (وطفل) one more; anything else, none."""
    if not words or not sentence.derived.text.startswith("و", words[0][0]):
        return 0
    a, b = words[0][0] + 1, words[0][1]
    token = sentence.derived.text[a:b]
    dual = token.endswith("ين") and token[:-2] in BROKEN_PLURAL_STEMS  # جنديين; مدنيين may be the plural
    if dual or sentence.has_at((a, b), "cas:dual") or _is_dual(sentence, token):
        return 2
    return 1 if token in SINGULAR_STEMS or sentence.has_at((a, b), "cas:singular") else 0  # and the lexicon's


# Words for a group's members between a count and the group ("ستة من عناصر الميليشيا"), matching form.
GROUP_NOUNS: Final = frozenset({"عناصر", "مقاتلي", "مسلحي", "افراد", "جنود", "منتسبي", "مرتزقه", "ارهابيي"})
# Military units named by a number (matching form): "اللواء 52" names a brigade, it counts nobody.
UNIT_NOUNS: Final = frozenset(
    {"اللواء", "لواء", "الفرقه", "فرقه", "الكتيبه", "كتيبه", "الفوج", "فوج", "السريه", "سريه", "الفيلق", "فيلق"}
)
# Person nouns whose plural is broken (جنود, عناصر), so that stem + ين can only be the dual.
BROKEN_PLURAL_STEMS: Final = frozenset(
    {"جندي", "عنصر", "شخص", "طفل", "شاب", "ضابط", "طالب", "عامل", "راعي", "حارس", "شقيق"}
)
# How a killing was done, between its subject and the count (matching form).
KILLING_ADVERBS: Final = frozenset({"ميدانيا", "رميا", "بالرصاص", "عمدا", "ذبحا", "بدم"})
# People a count before its verb may name ("خمسة مدنيين قُتلوا", "اثنين من المهاجمين قُتلا").
SUBJECT_KINDS: Final = ("cas:singular", "cue:armed_victims", "actor", "cue:attackers", "cue:own_losses")
# The event a toll happened in, between the verb and its count ("قُتل في القصف طفلان"), matching form.
OCCASION_PREPOSITIONS: Final = frozenset({"في", "خلال", "جراء", "اثر", "بسبب"})
OCCASION_PRONOUNS: Final = frozenset({"فيها", "فيه", "خلالها", "خلاله", "جراءها", "جراءه"})


def _count_after_killer(sentence: SentenceHits, after: list[tuple[int, int]]) -> int | object | None:
    """ "قتلت قوات الدعم السريع سبعة مزارعين", "قتلت خلايا تابعة لتنظيم «الدولة الإسلامية» راعيَي
    أغنام": the verb's subject stands between it and the count."""
    if not after:
        return None
    killer = next((h for h in sentence.of("actor") if after[0][0] <= h.start <= after[-1][0]), None)
    if killer is None or actor_of(killer).inter == CIVILIANS_INTER:
        return None
    dates = [h for h in sentence.hits if h.kind.startswith("date:")]  # "قتلت ... أمس تسعة مزارعين"
    words = sentence.words_after(_word_end(sentence, killer.end), 5)
    words = [w for w in words if not any(h.start <= w[0] < h.end for h in dates)]
    text = sentence.derived.text
    words = [w for w in words if text[w[0] : w[1]] not in KILLING_ADVERBS]  # "أعدمت ... ميدانياً ثمانية"
    return _count_at(sentence, words[:3])


def _count_after_occasion(sentence: SentenceHits, after: list[tuple[int, int]]) -> int | object | None:
    """ "وقُتل في القصف طفلان", "وأُصيب خلال الاشتباكات ثلاثة عناصر", "وقُتل فيها أربعة": the event
    it happened in stands between the verb and the count."""
    text = sentence.derived.text
    tokens = [text[a:b] for a, b in after[:2]]
    if not tokens:
        return None
    if tokens[0] in OCCASION_PRONOUNS:
        skip = 1
    elif tokens[0] in OCCASION_PREPOSITIONS and len(tokens) > 1 and sentence.has_at(after[1], "trigger"):
        skip = 2
    elif tokens[0].startswith("بال") and sentence.has_at(after[0], "trigger"):
        skip = 1  # "وقُتل بالقصف طفلان"
    else:
        return None
    return _count_at(sentence, after[skip : skip + 3])


def _count_before(sentence: SentenceHits, words: list[tuple[int, int]]) -> int | None:
    """A count right before a casualty word (3 قتلى / ثلاثة جرحى / طفلين قُتلا)."""
    if not words:
        return None
    text = sentence.derived.text
    nearest = _digits(text[words[0][0] : words[0][1]])
    if nearest is not None and _unit_number(sentence, words):
        return None  # "اثنين من منتسبي اللواء 52 ارتقيا": the brigade's number (_count_of_group reads it)
    if nearest is not None and not _list_number(sentence, words[0]):
        return nearest
    if sentence.has_at(words[0], "cas:dual"):
        return 2  # "طفلين قُتلا": the dual noun before the verb
    value = _spelled_number(sentence, words[::-1], at_end=True)
    if not value and _one_named_before(sentence, words[0]):
        return 1  # "إن مزارعاً قُتل": one person, the subject after "إن"
    if not value and _one_of_a_group_before(sentence, words):
        return 1  # "أن جندياً من أبطال الجيش استشهد": one person, then the group he is of
    if not value and len(words) > 1 and _subject_of_the_verb(sentence, words):
        rest = words[1:]
        if len(rest) > 1 and text[rest[0][0] : rest[0][1]] == "من":
            rest = rest[1:]  # "ثلاثة من المسلحين قُتلوا"
        return _count_before(sentence, rest)  # "خمسة مدنيين قُتلوا": the count before the noun
    return value or None


def _one_of_a_group_before(sentence: SentenceHits, words: list[tuple[int, int]]) -> bool:
    """`_one_named_before` for a person noun told with the group he is of ("جندياً من أبطال الجيش")."""
    text = sentence.derived.text
    at = next((k for k in (1, 2) if k < len(words) and text[words[k][0] : words[k][1]] == "من"), None)
    if at is None:
        return False
    noun = sentence.words_before(words[at][0], 1)
    return bool(noun) and _one_named_before(sentence, noun[0])


def _one_named_before(sentence: SentenceHits, word: tuple[int, int]) -> bool:
    """An indefinite singular naming a person right before the verb, in the accusative after "أن"
    ("مزارعاً", "شاباً"): one victim."""
    text = sentence.derived.text[word[0] : word[1]]
    before = sentence.words_before(word[0], 1)
    after_that = bool(before) and sentence.derived.text[before[0][0] : before[0][1]] in ("ان", "بان")
    person = sentence.has_at(word, "cas:singular") or sentence.has_at(word, "actor")
    return after_that and person and text.endswith("ا") and not text.startswith("ال")


def _count_of_group(sentence: SentenceHits, hit: Hit) -> int | None:
    """ "أن ستة من عناصر الميليشيا لقوا مصرعهم": the count before "من" and the group it is part of."""
    words = sentence.words_before(hit.start, 5)  # nearest first
    words = words[1:] if _unit_number(sentence, words) else words[:4]  # "من منتسبي اللواء 52"
    tokens = [sentence.derived.text[a:b] for a, b in words]
    if len(tokens) < 4 or tokens[2] != "من":
        return None
    if tokens[1] not in GROUP_NOUNS and not sentence.has_at(words[1], "actor"):
        return None  # "ثلاثة من جامعي الكمأ قُتلوا": people named by their trade count too
    return _digits(tokens[3]) or _spelled_number(sentence, words[3:], at_end=True)


def _unit_number(sentence: SentenceHits, words: list[tuple[int, int]]) -> bool:
    """The nearest word is a unit's number ("اللواء 52", "الفرقة 17"), not a count."""
    if len(words) < 2 or _digits(sentence.derived.text[words[0][0] : words[0][1]]) is None:
        return False
    return names_a_unit(sentence.derived.text[words[1][0] : words[1][1]])


def names_a_unit(word: str) -> bool:
    """A word for a numbered military unit (اللواء, للواء, والفرقة), matching form."""
    return any(word.removeprefix(clitic) in UNIT_NOUNS for clitic in ("", "و", "ب", "ل", "وب", "ول"))


def _list_number(sentence: SentenceHits, word: tuple[int, int]) -> bool:
    """ "2- استشهاد منتسب ...": the number that opens a numbered statement's item, not a count."""
    if sentence.derived.text[sentence.start : word[0]].strip():
        return False  # not the sentence's first word
    end = sentence.derived.source_span(*word).end
    return sentence.source[end : end + 1] in LIST_MARKS


def _subject_of_the_verb(sentence: SentenceHits, words: list[tuple[int, int]]) -> bool:
    """The nearest word names people (not "وطفلاً", one of a list), and no casualty word came
    before them ("لقي ثلاثة مواطنين حتفهم" is counted at لقي)."""
    noun = words[0]
    if sentence.derived.text[noun[0]] == "و":
        return False
    people = any(sentence.has_at(noun, kind) for kind in SUBJECT_KINDS)  # "اثنين من المهاجمين قُتلا"
    told = any(h.start < words[1][0] for h in sentence.hits if h.kind in ("cas:killed", "cas:injured"))
    return people and not told


def _spelled_number(sentence: SentenceHits, words: list[tuple[int, int]], *, at_end: bool = False) -> int | None:
    """`_number_words` of the words as the cleaned text spells them; the others are looked up only
    when the word a phrase must start (or end) at may be a number, which most are not."""
    edge = sentence.source_word(*(words[-1] if at_end else words[0]))
    if not _may_be_number(_DIACRITIC.sub("", edge)):
        return None
    return _number_words([sentence.source_word(a, b) for a, b in words], at_end=at_end)


def _number_words(tokens: list[str], *, at_end: bool = False) -> int | None:
    """The value of a number phrase that starts `tokens` (or, with `at_end`, that ends them)."""
    tokens = [_DIACRITIC.sub("", t) for t in tokens]
    if not tokens or not _may_be_number(tokens[-1] if at_end else tokens[0]):
        return None  # no phrase can start (end) there: skip pyarabic's scan of every word
    for start, end in arabic_number.detect_number_phrases_position(tokens):
        if (end == len(tokens) - 1) if at_end else (start == 0):
            value = int(arabic_number.text2number(" ".join(tokens[start : end + 1])))
            return value or None
    return None


def _may_be_number(token: str) -> bool:
    """pyarabic's own test for a number word (a glued و, ف, ل, ب or ك allowed): a number phrase
    can start or end only at a word that passes it."""
    word = araby.strip_tashkeel(token)
    return any(key in NUMBER_WORDS or key.isnumeric() for key in (word, word[1:]))


def _digits(token: str) -> int | None:
    """A figure in digits, with a conjunction glued on (و٧ جرحى) allowed."""
    token = token[1:] if token[:1] in ("و", "ف") else token
    return int(token) if token.isdigit() else None


def _is_dual(sentence: SentenceHits, token: str) -> bool:
    """A person noun with the nominative dual ending (متظاهران, مدنيان): exactly two."""
    if not token.endswith("ان"):
        return False
    stem = token[:-2]
    return _kind_of_word(sentence, stem, "cas:singular") or (stem.endswith("ي") and len(stem) >= 4)  # قياديان


def _kind_of_word(sentence: SentenceHits, word: str, kind: str) -> bool:
    return any(h.entry.phrase.rstrip("*") == word for h in sentence.of(kind)) or word in SINGULAR_STEMS


def _first_start(sentence: SentenceHits, kind: str) -> int:
    starts = [h.start for h in sentence.of(kind)]
    return min(starts) if starts else sentence.end


def _word_end(sentence: SentenceHits, pos: int) -> int:
    text = sentence.derived.text
    while pos < sentence.end and text[pos].isalnum():
        pos += 1
    return pos
