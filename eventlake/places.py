"""Places: which gazetteer entry a mention means, and where in a sentence an event happened.

Names repeat across the region (المنصورة is in Syria, Egypt and Yemen), so each mention is
resolved with the article's own context: the countries and provinces it names elsewhere.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Final, cast

from eventlake.casualties import CIVILIANS_INTER
from eventlake.geo import haversine_km
from eventlake.lexicon_types import Place, actor_of
from eventlake.matcher import Hit
from eventlake.sentence import THAT_WORDS, SentenceHits, in_outlet_name, in_quotes
from eventlake.text import Span

PLACE_KINDS: Final = ("place", "place_cued", "place_typed")
WITNESSED_WORDS: Final = frozenset({"شهدت", "تشهد", "شهد", "يشهد", "وشهدت", "وتشهد"})  # "شهدت طرابلس، ...": a frame
# Countries whose border towns events spill into (rockets, shelling, raids across the border).
NEIGHBOURS: Final = {
    "SY": ("LB", "IL", "IQ", "TR", "JO"),
    "LB": ("SY", "IL"),
    "IQ": ("SY", "TR", "IR", "JO", "SA", "KW"),
    "YE": ("SA",),
    "LY": ("EG", "SD"),
    "SD": ("EG", "LY"),
    "IL": ("LB", "SY", "PS", "JO", "EG"),
    "PS": ("IL", "EG", "JO"),
    "TR": ("SY", "IQ"),
}
FRAME_KM: Final = 60.0
FRAME_POPULATION: Final = 50_000
FRAME_WORDS: Final = frozenset(
    {"جبهه", "جبهات", "محور", "محاور", "ريف", "جنوب", "شمال", "شرق", "غرب", "قضاء", "محافظه", "جبل", "سهل"}
)
# Words for an area around a place ("بادية الميادين", "ريف منبج"): a place they introduce is named precisely.
AREA_CUES: Final = ("cue:countryside", "cue:near")
QUARTER_KM: Final = 15.0  # a city's quarters lie within this of its centre
# Adjectives of a source ("مصادر محلية في"), matching form.
SOURCE_ADJECTIVES: Final = frozenset(
    {"محليه", "طبيه", "امنيه", "ميدانيه", "عسكريه", "مطلعه", "خاصه", "اهليه"}
    | {"العسكري", "الامني", "الطبي", "المحلي", "الميداني", "المطلع", "عسكري", "امني", "طبي", "محلي", "مطلع"}
    | {"الحكوميه", "الرسميه", "الرسمي", "حكوميه", "رسميه", "رسمي"}
)
# Matching form before a province's name: "محافظة X", "محافظتي X و", "محافظات X وY و".
_PROVINCE_BEFORE: Final = re.compile(r"محافظه $|محافظ(?:تي|ات) (?:[^،.:]{1,25} و)?$")
NEIGHBOURHOOD_WORDS: Final = frozenset({"حي", "حيي", "احياء", "حاره", "بحي", "وحي"})
# Words that name a settlement (matching form): what follows them is a place name.
SETTLEMENT_WORDS: Final = frozenset({"بلده", "قريه", "مدينه", "مخيم", "حي", "بلدتي", "قريتي", "بلدات", "قري"})
CUES_NEEDED: Final = {
    "place_cued": ("cue:place_type", "cue:countryside", "cue:near", "cue:between"),  # "بين الزاوية وصبراتة"
    "place_typed": ("cue:place_type",),
}
# The cues `_excluded` reads (a sentence with none of them needs no lookups).
_EXCLUDING_CUES: Final = frozenset(
    {"cue:source", "cue:government", "cue:origin", "cue:fled_to", "cue:launched_from", "cue:agency"}
)
# A dateline: a place of one to three words, then a dash, colon or (outlet), then optionally an
# outlet name and a colon, before the first word of the report.
BULLETS: Final = frozenset("▪•●◾■-*")
# "التراجع إلى مواقعهم في محيط ...": the positions a force went back to, named before their place (matching form).
POSITION_WORDS: Final = frozenset({"مواقعهم", "مواقعها", "مواقعه", "مواقع", "مقراتهم", "مقراتها", "ثكناتهم", "نقاطهم"})
POSITIONS_REACH: Final = 4  # words between the cue and the place: "مواقعهم في محيط" and a clitic
# A bullet (▪️, •, -) may open the line: "▪️ درعا – اغتيال: ..." in a digest.
_DATELINE: Final = re.compile(
    r"^\s*(?:[^\w\s]{1,3}\s*)?"  # a bullet
    r"[^\W\d_]+(?: [^\W\d_]+){0,2}\s*(?:\([^)]{0,30}\)\s*)?"  # one to three words, "(خاص)"
    r"[-–—:|](?:[^:.،\n]{0,40}:)?"  # the dash, colon or bar, and an outlet's name before a colon
)
DISTRICT_WORDS: Final = frozenset({"قضاء", "ناحيه", "مديريه"})  # before a name that is also a word ("قضاء المدينة")
ROAD_WORDS: Final = frozenset({"طريق", "الطريق", "اوتوستراد", "اتوستراد"})  # matching form
PARTS_OF: Final = frozenset({"متفرقه", "مناطق", "اجزاء", "انحاء", "قري", "عده"})  # "مناطق متفرقة من مديرية غمر"


@dataclass(eq=False)
class Location:
    """Where one event happened: the place, ACLED geo precision, and the words that named it.
    Treat as immutable (dataclasses.replace); built natively when compiled (see matcher.Hit)."""

    place: Place
    precision: int
    span: Span  # location_text in the cleaned text
    start: int  # matching-form position, for ordering

    def __init__(self, place: Place, precision: int, span: Span, start: int) -> None:
        self.place, self.precision, self.span, self.start = place, precision, span, start

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[Place, int, Span, int]:
        return (self.place, self.precision, self.span, self.start)


@dataclass(eq=False)
class Mention:
    """One place name in a sentence, with every gazetteer entry it could mean (immutable by use)."""

    hit: Hit
    candidates: tuple[Place, ...]

    def __init__(self, hit: Hit, candidates: tuple[Place, ...]) -> None:
        self.hit, self.candidates = hit, candidates

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mention):
            return NotImplemented
        return self.hit == other.hit and self.candidates == other.candidates

    def __hash__(self) -> int:
        return hash((self.hit, self.candidates))


class ArticlePlaces:
    """Place mentions of one article and the country/province context that disambiguates them."""

    def __init__(self, sentences: list[SentenceHits], *, countries: dict[str, Place]):
        self._countries = countries
        self._mentions = _article_mentions(sentences)
        self.iso = _vote_iso(self._mentions.values(), sentences)
        self._named_countries = {
            p.iso for ms in self._mentions.values() for m in ms for p in m.candidates if p.kind == "country"
        }
        self._admin1 = _vote_admin1(self._mentions.values(), self.iso)

    def locate(self, sentence: SentenceHits, clause: tuple[int, int] | None = None) -> list[Location]:
        """The event locations a sentence (or one `clause` of it) names: the most specific place,
        plus conjoined ones."""
        mentions = self._mentions.get(sentence.index, [])
        if clause is not None:
            mentions = [m for m in mentions if clause[0] <= m.hit.start < clause[1]]
        resolved = [(m, self._resolve(sentence, m)) for m in mentions]
        resolved = [(m, p) for m, p in resolved if self._plausible(p) or self._across_border(sentence, m, p)]
        if any(p.iso == self.iso and p.rank == 0 for _, p in resolved):  # "قرية الحميدية التابعة لناحية العظيم"
            resolved = [(m, p) for m, p in resolved if self._plausible(p)]  # a namesake abroad yields to home
        resolved = _not_contradicted(sentence, resolved)
        towns = [(m, p) for m, p in resolved if p.rank == 0]
        if towns:
            return self._town_locations(sentence, towns)
        for mention, place in resolved:
            if place.rank == 1:
                return [Location(place, 3, mention.hit.span, mention.hit.start)]
        return []  # a country alone places nothing an analyst can map

    def towns_after(self, sentence: SentenceHits, pos: int) -> list[Location]:
        """Towns the sentence names after matching-form position `pos`, in order."""
        out = []
        for mention in self._mentions.get(sentence.index, []):
            if mention.hit.start < pos:
                continue
            place = self._resolve(sentence, mention)
            if place.rank == 0 and (self._plausible(place) or self._across_border(sentence, mention, place)):
                out.append(self._town_location(sentence, mention, place))
        return out

    def only_province(self) -> Location | None:
        """The one province the article names (a title's "في شمال دارفور"), to place an event at a
        village we do not know; None when it names none or several."""
        found: dict[tuple[str, str], Mention] = {}
        for mentions in self._mentions.values():
            for mention in mentions:
                provinces = [p for p in mention.candidates if p.rank == 1 and self._plausible(p)]
                if len(provinces) == 1 and len(mention.candidates) == 1:
                    found.setdefault((provinces[0].iso, provinces[0].admin1), mention)
        if len(found) != 1:
            return None
        mention = next(iter(found.values()))
        return Location(mention.candidates[0], 3, mention.hit.span, mention.hit.start)

    def country(self) -> Place | None:
        """The article's country, for events it places nowhere more precise (no coordinates)."""
        place = self._countries.get(self.iso or "")
        return replace(place, lat=None, lon=None) if place else None

    def _town_locations(self, sentence: SentenceHits, towns: list[tuple[Mention, Place]]) -> list[Location]:
        if len(towns) > 1 and _word_before(sentence, towns[0][0].hit) in NEIGHBOURHOOD_WORDS:
            towns = towns[1:]  # "حي الروضة بمدينة مأرب": the city, since we know no neighbourhoods
        if len(towns) > 1 and _quarter_elsewhere(towns[0][1], towns[1][1]):
            towns = towns[1:]  # "حي الزهراء بالموصل": not the Homs quarter of that name
        if len(towns) > 1 and towns[0][1].kind == "range" and _within_unit(sentence, towns[1][0].hit):
            towns = towns[1:]  # "في أطراف سلسلة جبال حمرين ضمن قاطع ناحية المنصورية": where in the range
        towns = _past_the_frame(sentence, towns)
        towns = _past_the_road(sentence, towns)
        if len(towns) > 1 and _where_the_source_is(sentence, towns[0][0].hit):
            towns = towns[1:]  # "أفادت مصادر في الحسكة بأن مسلحين قتلوا شاباً في مدينة المالكية"
        first, place = towns[0]
        out = [self._town_location(sentence, first, place)]
        if _between(sentence, first.hit):  # "على الطريق الواصل بين بلدتي محمبل وأورم الجوز": near the first
            return [replace(out[0], precision=max(out[0].precision, 2))]
        seen = {place}
        for mention, other in towns[1:]:
            if other in seen or not _conjoined(sentence, mention.hit, first.hit):
                continue
            seen.add(other)
            out.append(self._town_location(sentence, mention, other))
        return out

    def _town_location(self, sentence: SentenceHits, mention: Mention, place: Place) -> Location:
        near = _before(sentence, mention.hit, ("cue:near", "cue:countryside"), within=2)
        return Location(place, 2 if near else 1, mention.hit.span, mention.hit.start)

    def _resolve(self, sentence: SentenceHits, mention: Mention) -> Place:
        if len(mention.candidates) == 1:
            return mention.candidates[0]  # most names: nothing to choose, so no context to read
        wants_admin = _before(sentence, mention.hit, ("cue:countryside",), within=2) or _province_named(
            sentence, mention.hit
        )
        beside = {  # "بلدة القصر في قضاء الهرمل": the province of a place named beside it, unambiguous
            (c.iso, c.admin1)
            for m in self._mentions.get(sentence.index, [])
            if m is not mention and len(m.candidates) == 1
            for c in m.candidates
        }
        best, best_key = mention.candidates[0], self._rank(mention.candidates[0], wants_admin, beside)
        for place in mention.candidates[1:]:  # max() by rank, written out: a key closure would hold
            key = self._rank(place, wants_admin, beside)  # `self` in a cycle, freed only by the GC
            if key > best_key:
                best, best_key = place, key
        return best

    def _rank(self, p: Place, wants_admin: bool, beside: set[tuple[str, str]]) -> tuple[float, int]:
        """How likely a namesake is meant here: the article's country and provinces, a province
        named beside it, a province when "ريف" asks for one, then population; ties to the lower id."""
        s = 4.0 if p.iso == self.iso else 0.0
        s += 2.0 * self._admin1.get((p.iso, p.admin1), 0.0)
        s += 1.5 if (p.iso, p.admin1) in beside else 0.0
        if p.kind == "admin1":
            s += 3.0 if wants_admin else 0.0
        elif p.rank == 0:
            s += 0.0 if wants_admin else 1.0
        return s + min(math.log10(p.population + 1) / 10, 0.7), -(p.geonameid or 0)

    def _across_border(self, sentence: SentenceHits, mention: Mention, place: Place) -> bool:
        """Named with its kind (مستوطنة المطلة) in a neighbouring country: a cross-border target."""
        return place.iso in NEIGHBOURS.get(self.iso or "", ()) and _typed(sentence, mention.hit)

    def _plausible(self, place: Place) -> bool:
        """A place abroad counts only when the article names that country (cross-border strikes)."""
        return self.iso is None or place.iso == self.iso or place.iso in self._named_countries


def _not_contradicted(sentence: SentenceHits, resolved: list[tuple[Mention, Place]]) -> list[tuple[Mention, Place]]:
    """ "قرية الحميدية بريف القنيطرة": a town whose only known namesake lies in another province than
    the countryside named right after it is a village we do not know; the province places it."""
    out = []
    for i, (mention, place) in enumerate(resolved):
        after = resolved[i + 1] if i + 1 < len(resolved) else None
        if place.rank == 0 and after is not None and _province_after(sentence, mention.hit, place.iso, after):
            other = after[1]
            if (other.iso, other.admin1) != (place.iso, place.admin1):
                continue
        out.append((mention, place))
    return out


def _province_after(sentence: SentenceHits, town: Hit, place_iso: str, after: tuple[Mention, Place]) -> bool:
    """The province the town is said to lie in: "قرية X بريف Y"; or one in another country right
    after it ("بلدة بيت جن في ريف دمشق", not the Beit Jann of Israel)."""
    if _countryside_of(sentence, town, after[0].hit):
        return True
    return after[1].rank == 1 and sentence.tokens_between(town, after[0].hit) <= 2 and place_iso != after[1].iso


def _countryside_of(sentence: SentenceHits, town: Hit, province: Hit) -> bool:
    cue = sentence.preceded_by(province, "cue:countryside", within=0)
    return cue is not None and sentence.tokens_between(town, cue) <= 1


def names_unknown_place(sentence: SentenceHits) -> bool:
    """ "في بلدة كفركلا" with كفركلا not in the gazetteer: a place we cannot resolve is named."""
    places = [h for h in sentence.hits if h.kind in PLACE_KINDS]
    for cue in sentence.of("cue:place_type"):
        if sentence.derived.text[cue.start : cue.end] not in SETTLEMENT_WORDS:
            continue
        nxt = sentence.words_after(cue.end, 1)
        if nxt and not any(h.start <= nxt[0][0] < h.end for h in places):
            return True
    return False


def _article_mentions(sentences: list[SentenceHits]) -> dict[int, list[Mention]]:
    """Each sentence's mentions; a name that needed its kind (قضاء الرفاعي) stands alone once the
    article has named it so ("تفريق المحتجين في الرفاعي")."""
    named: set[Place] = set()
    out = {}
    for sentence in sentences:
        out[sentence.index] = mentions = _mentions(sentence, named)
        named.update(p for m in mentions if m.hit.kind in CUES_NEEDED for p in m.candidates)
    return out


def _mentions(sentence: SentenceHits, named: set[Place] | frozenset[Place] = frozenset()) -> list[Mention]:
    groups: dict[tuple[int, int], list[Place]] = {}
    anchor: dict[tuple[int, int], Hit] = {}
    excluded: dict[tuple[int, int, str], bool] = {}  # `_excluded` reads only where a hit stands and its kind
    hits = _place_hits(sentence)
    dateline = _dateline_end(sentence) if hits and sentence.paragraph_start else -1  # once per sentence
    for hit in hits:
        if hit.end <= dateline:
            continue
        verdict = excluded.get((hit.start, hit.end, hit.kind))
        if verdict is None:  # a name of several places (المنصورة) is one hit per place
            verdict = excluded[hit.start, hit.end, hit.kind] = _excluded(sentence, hit)
        if verdict and not (hit.kind in CUES_NEEDED and hit.entry.value in named):
            continue
        key = (hit.start, hit.end)
        anchor.setdefault(key, hit)
        if hit.entry.value not in groups.setdefault(key, []):
            groups[key].append(hit.entry.value)
    return [Mention(anchor[k], tuple(v)) for k, v in sorted(groups.items())]


def _place_hits(sentence: SentenceHits) -> list[Hit]:
    """The sentence's place hits in text order: its list of plain names when it has no other place
    kind (most), not a pass over all its hits."""
    if "place_cued" in sentence.kinds or "place_typed" in sentence.kinds:
        return [h for h in sentence.hits if h.kind in PLACE_KINDS]
    return sentence.of("place")


def _excluded(sentence: SentenceHits, hit: Hit) -> bool:
    """Outlet names (شبكة الرقة تذبح بصمت) and bare common words are not places (datelines: `_mentions`)."""
    if in_outlet_name(sentence, hit):
        return True  # "قال مسؤول لـ«بغداد اليوم»": the outlet spoken to
    if any(c.end == hit.end and hit.start <= c.start <= hit.start + 2 for c in sentence.of("cue:place_type")):
        # "على مدينة عتق", "للمدينة": the word for a town, not the town called Medina ("قضاء المدينة" is)
        return sentence.word_before(hit.start) not in DISTRICT_WORDS
    slogan = sentence.of("cue:slogan")
    if slogan and slogan[0].start < hit.start and in_quotes(sentence, hit):
        return True  # "رافعين لافتات كُتب عليها «طرابلس ليست ساحة لتصفية الحسابات»": a slogan
    if hit.kind not in CUES_NEEDED and sentence.kinds.isdisjoint(_EXCLUDING_CUES):
        return False  # none of the cues below in the sentence (most): no lookups
    if sentence.preceded_by(hit, "cue:agency", within=0):
        return True  # "اتهمت «سبأ» صنعاء «مرتزقة العدوان» بقصف ...": the agency's seat
    if sentence.preceded_by(hit, "cue:source", within=0) or sentence.preceded_by(hit, "cue:government", within=1):
        return True  # "شبكة الرقة تذبح بصمت", "حكومتي بغداد وأربيل": names, not places
    if _fled_to(sentence, hit) or _fighters_from(sentence, hit):
        return True  # "مسلحين من أبناء مدينة زوارة", "انسحبوا باتجاه وادي زغيتون": not where it happened
    if sentence.preceded_by(hit, "cue:launched_from", within=4):
        return True  # "بالصواريخ من اتجاه البحر المتوسط غرب اللاذقية": where the missiles came from
    cues = CUES_NEEDED.get(hit.kind, ())
    found = [c for c in (sentence.preceded_by(hit, cue, within=0) for cue in cues) if c is not None]
    text = sentence.derived.text
    return bool(cues) and not any(not text[c.end : hit.start].strip(' «»"“”') for c in found)  # "الرصاص الحي، وأن"


def _fled_to(sentence: SentenceHits, hit: Hit) -> bool:
    """ "انسحبوا باتجاه وادي زغيتون", "أجبروا البقية على التراجع إلى مواقعهم في محيط أبو راسين": where
    they went, the cue next to the place or their positions named between."""
    if sentence.preceded_by(hit, "cue:fled_to", within=1):
        return True
    cue = sentence.preceded_by(hit, "cue:fled_to", within=POSITIONS_REACH)
    return cue is not None and not POSITION_WORDS.isdisjoint(sentence.derived.text[cue.end : hit.start].split())


def _fighters_from(sentence: SentenceHits, hit: Hit) -> bool:
    """ "مسلحين من أبناء مدينة زوارة": where the fighters come from; the victims' village ("قتل
    شقيقين من أبناء قرية الدالية") is where they were killed, as far as the report says."""
    origin = sentence.preceded_by(hit, "cue:origin", within=1)
    if origin is None:
        return False
    who = sentence.preceded_by(origin, "actor", within=0)
    return who is None or actor_of(who).inter != CIVILIANS_INTER


def _dateline_end(sentence: SentenceHits) -> int:
    """End of a paragraph-opening dateline ("الموصل (خاص) –", "مأرب – «شبا بوست»:"), else -1."""
    head = sentence.derived.text[sentence.start : sentence.start + 60]
    if "-" not in head and ":" not in head and "–" not in head and "—" not in head and "|" not in head:
        return -1  # the dash or colon a dateline needs: most paragraphs have none, so no regex
    length = _dateline_length(head)
    if length < 0:
        return -1
    end = sentence.start + length
    if head.lstrip()[:1] in BULLETS and not any(h.kind in PLACE_KINDS and h.start >= end for h in sentence.hits):
        return -1  # "• كفركلا: أُصيب عسكري ...": a ticker's label is the place when no other follows
    return end


@lru_cache(maxsize=256)
def _dateline_length(head: str) -> int:
    """Asked for every place in a paragraph's first sentence: the regex runs once per head."""
    match = _DATELINE.match(head)
    return match.end() if match else -1


def _vote_iso(mentions_by_sentence, sentences: list[SentenceHits]) -> str | None:
    """The country most places point to; a tie goes to the country of the armed groups the article
    names ("الدعم السريع يحرق قرى في شمال دارفور ... قرية شقرة", with a شقرة in Yemen)."""
    votes: Any = Counter()  # of float weights (typing's Counter counts in int)
    for mentions in mentions_by_sentence:
        for m in mentions:
            isos = {p.iso for p in m.candidates}
            weight = 2.0 if any(p.kind == "country" for p in m.candidates) else 1.0
            for iso in isos:
                votes[iso] += weight / len(isos)
    if not votes:
        return None
    ranked = votes.most_common()
    tied = [iso for iso, n in ranked if n == ranked[0][1]]
    if len(tied) == 1:
        return tied[0]
    homes = Counter(  # armed groups, which fight at home; armies strike abroad (Israel's in Syria)
        actor_of(h).home
        for s in sentences
        for h in s.of("actor")
        if actor_of(h).home in tied and actor_of(h).inter != 1
    )
    best = homes.most_common(2)
    if not best or (len(best) == 2 and best[0][1] == best[1][1]):
        return None  # a tie: no country context
    return best[0][0]


def _vote_admin1(mentions_by_sentence, iso: str | None) -> dict[tuple[str, str], float]:
    votes: Any = Counter()  # of float shares (typing's Counter counts in int)
    for mentions in mentions_by_sentence:
        for m in mentions:
            units = {(p.iso, p.admin1) for p in m.candidates if p.iso == iso and p.admin1}
            for unit in units:
                votes[unit] += 1 / len(units)
    total = sum(votes.values()) or 1.0
    return {k: v / total for k, v in votes.items()}


def _past_the_frame(sentence: SentenceHits, towns: list[tuple[Mention, Place]]) -> list[tuple[Mention, Place]]:
    """ "وفي العاصمة صنعاء، استهدف العدوان بغارتين مديرية بني حشيش": the opening "in X," frames
    the report; a nearby place named with its kind after it is where the event happened."""
    frame = towns[0][1]
    big = frame.kind == "city" or (frame.population or 0) >= FRAME_POPULATION  # a town frames nothing
    first = towns[0][0].hit
    named_kind = sentence.derived.text[first.start : first.end].split()[0]  # "قضاء مرجعيون" as one name
    big = big or _word_before(sentence, first) in FRAME_WORDS or named_kind in FRAME_WORDS  # "وفي جبهة الضالع،"
    big = big or any(c.kind == "admin1" for c in towns[0][0].candidates)  # "وفي مأرب،": the province too
    big = big or frame.name.endswith(" district")  # "وفي البقاع الغربي،": a district row of the supplement
    if len(towns) < 2 or not big or not _frames(sentence, towns[0][0].hit):
        return towns
    text = sentence.derived.text
    for i, (mention, place) in enumerate(towns[1:], 1):
        if not any(mark in text[first.end : mention.hit.start] for mark in "،,"):
            continue  # "وفي جبل الزاوية جنوبي إدلب،": still the frame
        near = place.lat is not None and frame.lat is not None
        near = near and haversine_km(*_point(place), *_point(frame)) <= FRAME_KM
        near = near or (place.iso, place.admin1) == (frame.iso, frame.admin1)  # "وفي صعدة، ... بمديرية قطابر"
        kind_inside = any(c.start == mention.hit.start for c in sentence.of("cue:place_type"))  # مديرية بني حشيش
        typed = kind_inside or _typed(sentence, mention.hit) or _before(sentence, mention.hit, AREA_CUES, within=0)
        if near and typed and not _fired_from(sentence, mention.hit):
            return towns[i:]
    return towns


def _within_unit(sentence: SentenceHits, hit: Hit) -> bool:
    """ "ضمن قاطع ناحية المنصورية": the unit a range's part lies in (not "قرب قضاء الشرقاط", a bearing)."""
    return any(sentence.derived.text[a:b] == "ضمن" for a, b in sentence.words_before(hit.start, 3))


def _fired_from(sentence: SentenceHits, hit: Hit) -> bool:
    """ "من مديرية X": where the fire came from, unless it is "مناطق متفرقة من مديرية X"."""
    words = [sentence.derived.text[a:b] for a, b in sentence.words_before(hit.start, 2)]
    return bool(words) and words[0] in ("من", "ومن") and not (len(words) > 1 and words[1] in PARTS_OF)


def _frames(sentence: SentenceHits, hit: Hit) -> bool:
    """An opening "وفي X،", "في ريف X شرقي Y،" or "شهدت العاصمة الليبية طرابلس،": the place is
    named before the comma that ends it."""
    text = sentence.derived.text
    opening = len(sentence.words_before(hit.start, 4)) < 4 and text[: hit.start].rfind("في") >= sentence.start
    opening = opening or any(text[a:b] in WITNESSED_WORDS for a, b in sentence.words_before(hit.start, 3))
    rest = text[hit.end : sentence.end]
    comma = min((i for i in (rest.find("،"), rest.find(",")) if i >= 0), default=-1)
    return opening and comma >= 0 and len(rest[:comma].split()) <= 2  # "منبج شرقي حلب،"


def _before(sentence: SentenceHits, hit: Hit, kinds: tuple[str, ...], *, within: int) -> bool:
    """A cue of `kinds` before the hit, allowing place-type words (بلدة, محافظة) in between."""
    for kind in kinds:
        cue = sentence.preceded_by(hit, kind, within=within)
        if cue is not None:
            return True
    return False


def _quarter_elsewhere(quarter: Place, town: Place) -> bool:
    """A known quarter followed by a town it does not lie in names another city's quarter."""
    if quarter.kind != "neighbourhood" or town.rank != 0 or None in (quarter.lat, town.lat):
        return False
    if town.kind == "neighbourhood":
        return False  # "أرصفة ميناء الحديدة ... ومحطة كهرباء في حي الجراف": two quarters, two sites
    return haversine_km(*_point(quarter), *_point(town)) > QUARTER_KM


def _point(place: Place) -> tuple[float, float]:
    """The place's (lat, lon), for a place known to have them."""
    return cast(float, place.lat), cast(float, place.lon)


def _where_the_source_is(sentence: SentenceHits, hit: Hit) -> bool:
    """ "مصادر محلية في الحسكة", "قالت تنسيقية لجان المقاومة بالفاشر إن": the town the source
    speaks from, named before what it reports."""
    source = sentence.preceded_by(hit, "cue:source", within=2)
    if source is not None:
        between = sentence.derived.text[source.end : hit.start].split()
        if between and between[-1] == "في" and all(w in SOURCE_ADJECTIVES for w in between[:-1]):
            return True
    report = next((r for r in sentence.of("cue:report") if r.end <= hit.start), None)
    if report is None or sentence.tokens_between(report, hit) > 5:
        return False
    text = sentence.derived.text
    return any(text[a:b] in THAT_WORDS for a, b in sentence.words_after(hit.end, 2))


def _typed(sentence: SentenceHits, hit: Hit) -> bool:
    """Named with its kind (مستوطنة المطلة, بلدة X, or a name that holds it: موقع المالكية): a real
    place even across a border."""
    if sentence.preceded_by(hit, "cue:place_type", within=0) is not None:
        return True
    return any(cue.start == hit.start for cue in sentence.of("cue:place_type"))


def _past_the_road(sentence: SentenceHits, towns: list[tuple[Mention, Place]]) -> list[tuple[Mention, Place]]:
    """ "قطع شبان طريق دمشق – السويداء عند مدخل قرية الصورة الكبيرة": the towns that name a road's
    ends yield to a place named on it."""
    if _word_before(sentence, towns[0][0].hit) not in ROAD_WORDS:
        return towns
    ends = towns[:2] if len(towns) > 1 and sentence.tokens_between(towns[0][0].hit, towns[1][0].hit) == 0 else towns[:1]
    last = ends[-1][0].hit
    rest = [  # "عند مدخل قرية ...", right after the road
        (m, p) for m, p in towns[len(ends) :] if _typed(sentence, m.hit) and sentence.tokens_between(last, m.hit) <= 4
    ]
    return rest or towns


def _province_named(sentence: SentenceHits, hit: Hit) -> bool:
    """ "في محافظة إدلب", "بمحافظتي اللاذقية وطرطوس": the word for province, or for two or more
    of them before a list the place stands in."""
    before = sentence.derived.text[max(sentence.start, hit.start - 40) : hit.start]
    return _PROVINCE_BEFORE.search(before) is not None


def _word_before(sentence: SentenceHits, hit: Hit) -> str:
    words = sentence.words_before(hit.start, 1)
    return sentence.derived.text[words[0][0] : words[0][1]] if words else ""


def _between(sentence: SentenceHits, hit: Hit) -> bool:
    return any(sentence.derived.text[a:b] == "بين" for a, b in sentence.words_before(hit.start, 2))


def _joined_kind(text: str, kind: Hit, hit: Hit) -> bool:
    """The place's kind word right before it, with و on the kind ("ومطار", "وميناء")."""
    if text[kind.end : hit.start] != " " or kind.start < 2:
        return False
    return text[kind.start - 2 : kind.start] == " و"


def _conjoined(sentence: SentenceHits, hit: Hit, first: Hit) -> bool:
    """A second place joined by و (بلدتي كفرنبل وحاس), or a second target by "وعلى", is a second
    event location; the far end of "بين X وY" is not."""
    text = sentence.derived.text
    words = sentence.words_before(hit.start, 6)
    if any(text[a:b] == "بين" for a, b in words[:4]):
        return False  # "على الطريق الواصل بين جاسم وإنخل": one place between two, not two places
    if hit.start > 1 and text[hit.start - 1] == "و" and not text[hit.start - 2].isalnum():
        return True
    if words and text[words[0][0] : words[0][1]] == "و":
        return True
    if any(c.end < hit.start and _joined_kind(text, c, hit) for c in sentence.of("cue:place_type")):
        return True  # "على ميناء رأس عيسى وميناء الصليف": a second place named with its kind
    return any(text[a:b] == "وعلي" and a > first.end for a, b in words)  # "في الميادين، وعلى مقر في البوكمال"
