"""Second events told in a later clause of the same sentence: another strike at a town of its own,
an answer in kind, houses blown up, a second weapon."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eventlake.actors import ACCUSE_KINDS, Roles, assign_roles
from eventlake.candidate import Candidate
from eventlake.casualties import Casualties, count_casualties
from eventlake.lexicon_types import Actor, Place, actor_of, trigger_of
from eventlake.matcher import Hit
from eventlake.places import ArticlePlaces, Location
from eventlake.sentence import SentenceHits
from eventlake.sides import roles_for
from eventlake.triggers import STRIKES, clause_of, resolve_type, second_weapon


def clause_events(
    sentence: SentenceHits, triggers: list[Hit], primary: Hit, found: list[Candidate], places: ArticlePlaces
) -> list[Candidate]:
    """ "نفّذت أربع غارات على إحسم، فيما استهدفت غارتان أخريان أطراف أريحا": the same kind of
    strike in a second clause, at a town of its own, is a second event."""
    if not found:
        return []
    taken = {c.location.place for c in found if c.location is not None}
    kind = trigger_of(primary).sub_event_type
    kinds: tuple[str, ...] = (
        (kind, "@explosion") if kind == "Remote explosive/landmine/IED" else (kind,)
    )  # "فيما انفجرت عبوة ثانية"
    kinds += (found[0].sub_event_type,)  # "قُتل مسلحان ..., فيما امتدت الاشتباكات إلى باب تاجوراء": the clash it was
    out = []
    openings = [o for o in _clause_openings(sentence, triggers, kinds) if o[0] >= primary.end]
    if openings:
        _place_first_in_its_clause(sentence, found, openings[0], places)
        taken = {c.location.place for c in found if c.location is not None}
    for _start, end in openings:
        again = next((t for t in triggers if t.start >= end and trigger_of(t).sub_event_type in kinds), None)
        again = again or _another_one_at(sentence, end, found[0])
        if again is None:
            continue
        town = _new_town_after(sentence, again, places, taken)
        if town is None:
            continue
        taken.add(town.place)
        none_hurt = any(h.start > end for h in sentence.of("cas:zero"))
        toll = Casualties(0, 0) if none_hurt else count_casualties(sentence, since=end)
        own = assign_roles(sentence, again if again.kind == "trigger" else primary, clause=(end, sentence.end))
        roles = found[0].roles  # a fight spreading to a second town is between the same sides
        if own.actor2 is not None or found[0].sub_event_type != "Armed clash":
            roles = roles.with_actor2(own.actor2)  # a strike's own target ("بسيارة مدنية"), not the first's
        if own.actor1 is not None and _named_at(sentence, again, own.actor1):
            roles = roles.with_actor1(own.actor1, own.attribution)
        out.append(replace(found[0], location=town, casualties=toll, roles=roles))
    if out:  # "قُتل شاب في المزيريب، كما عُثر على جثة رجل في الحراك": a toll each
        _keep_first_clause_toll(sentence, found, openings[0][0])
    return out


def _named_at(sentence: SentenceHits, event_word: Hit, actor: Actor) -> bool:
    """ "بينما استهدفت المدفعية الإيرانية ...": the clause names its own side next to its event word
    (not a source at its end, "بحسب ما أفاد ...")."""
    near = [
        sentence.followed_by(event_word, kind, within=2) or sentence.preceded_by(event_word, kind, within=1)
        for kind in ("actor", "actor_adj")
    ]
    return any(h is not None and actor_of(h) == actor and not actor.generic for h in near)


def _clause_openings(sentence: SentenceHits, triggers: list[Hit], kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where second clauses open: a cue (فيما، كما), or a comma and "و" joined to a strike of the
    same kind ("ثلاث غارات على سحار، وغارتين على أرحب"; an arrest told twice so is one arrest)."""
    text = sentence.derived.text
    openings = [(c.start, c.end) for c in sentence.of("cue:second_clause")]
    openings += [(c.start, c.start + 1) for c in _others_aimed(sentence, kinds)]  # "وأخرى على أطراف عيترون"
    openings += [
        (t.start - 1, t.start)
        for t in triggers
        if trigger_of(t).sub_event_type in kinds
        and trigger_of(t).sub_event_type in STRIKES
        and text[t.start - 1] == "و"
        and (text[: t.start - 1].endswith(("، ", ", ")) or _aimed_at(text, t))
    ]
    return sorted(openings)


def _place_first_in_its_clause(
    sentence: SentenceHits, found: list[Candidate], opening: tuple[int, int], places: ArticlePlaces
) -> None:
    """ "ثلاث غارات على مديرية الحوك وغارتين على ميناء رأس عيسى": the first event, placed at the
    second clause's town (the more specific), moves to its own clause's town (`found[0]` in place)."""
    first = found[0].location
    if len(found) != 1 or first is None or first.start < opening[1]:
        return
    own = places.locate(sentence, (sentence.start, opening[0]))
    if own:
        found[0] = replace(found[0], location=own[0])


def _others_aimed(sentence: SentenceHits, kinds: tuple[str, ...]) -> list[Hit]:
    """ "غارة على بلدة الخيام وأخرى على أطراف بلدة عيترون": "another" joined by "و" and aimed at a
    target of its own stands for a second strike of the kind told."""
    if not sentence.has("cue:another") or not any(kind in STRIKES for kind in kinds):
        return []
    text = sentence.derived.text
    return [c for c in sentence.of("cue:another") if text[c.start - 1 : c.start] == "و" and _aimed_at(text, c)]


def _another_one_at(sentence: SentenceHits, end: int, first: Candidate) -> Hit | None:
    """The "another" that opened the clause at `end`, standing for the first event's kind."""
    return next((c for c in _others_aimed(sentence, (first.sub_event_type,)) if c.start + 1 == end), None)


def _aimed_at(text: str, strike: Hit) -> bool:
    """ "ثلاث غارات على مديرية الحوك وغارتين على ميناء رأس عيسى": a strike joined by "و" with a
    target of its own right after it opens a clause, comma or not."""
    return text[strike.end : strike.end + 5].lstrip().startswith("علي ")


def answered_in_kind(
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


def demolition_clause(
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
            return [replace(destroyed, roles=roles.with_actor2(None), casualties=Casualties(None, None))]
    return []


def second_weapon_events(
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
        roles = roles.with_actor2(None)  # the sentence's target is the first event's
    sub = trigger_of(other).sub_event_type
    roles = roles_for(sub, roles, False, sentence)
    taken = {c.location.place for c in found if c.location is not None}
    located = places.locate(sentence, (clause.end, sentence.end))  # "باطوفة التابعة لقضاء زاخو": one town
    own_towns = [loc for loc in located if loc.place not in taken and loc.place.rank == 0]
    toll = count_casualties(sentence, since=clause.end) if own_towns else Casualties(None, None)
    if own_towns:
        _keep_first_clause_toll(sentence, found, clause.start)
    where: Sequence[Location | None] = own_towns or [
        found[0].location
    ]  # "فيما تعرّضت أطراف بلدتي حولا ومركبا لقصف مدفعي"
    return [Candidate(sentence, sub, False, loc, found[0].date, roles, toll) for loc in where]


def _houses_blown(sentence: SentenceHits, triggers: list[Hit], clause: Hit) -> Hit | None:
    blast = next((t for t in triggers if t.start > clause.end and trigger_of(t).sub_event_type == "@explosion"), None)
    if blast is None or not any(b.start > blast.end for b in sentence.of("cue:buildings")):
        return None
    return blast


def _new_town_after(sentence: SentenceHits, hit: Hit, places: ArticlePlaces, taken: set[Place]) -> Location | None:
    """The first town named after `hit` that no event of the sentence has taken yet."""
    return next((loc for loc in places.towns_after(sentence, hit.end) if loc.place not in taken), None)


def _keep_first_clause_toll(sentence: SentenceHits, found: list[Candidate], clause_start: int) -> None:
    """When a second clause tells an event of its own, the first event keeps only the toll told
    before that clause (the one event of the sentence, `found[0]`, is replaced in place)."""
    if len(found) == 1:
        found[0] = replace(found[0], casualties=count_casualties(sentence, until=clause_start))
