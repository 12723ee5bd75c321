"""Words an article defines for itself: "تحييد 5 إرهابيين من تنظيم «بي كا كا»" makes every later
bare "الإرهابيين" of that article the PKK, whatever the word means by default where it happened.

A local alias (the `actor_local` hits of one actor: إرهابيين, الإرهابيين, خلية إرهابية) is bound
when "من" and a named actor follow it; of two names joined ("بي كا كا/ي ب ك"), the one at home in
a country the sentence names after them. An article that binds an alias to two actors binds none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from eventlake.lexicon_types import Actor, actor_of, place_of
from eventlake.matcher import Entry, Hit
from eventlake.sentence import SentenceHits

# Between the alias and its name, and between two names (matching form).
_OF: Final = re.compile(r"[\W_]*من[\W_]*")
_JOINED: Final = re.compile(r"[\W_]*(?:و)?[\W_]*")


def bind_defined_terms(sentences: list[SentenceHits]) -> list[SentenceHits]:
    """`sentences` with each bound local alias read as the actor the article defined it to be."""
    bound = _definitions(sentences)
    if not bound:
        return sentences
    return [_rebound(s, bound) if s.has("actor_local") else s for s in sentences]


def _definitions(sentences: list[SentenceHits]) -> dict[Actor, Actor]:
    """Default actor of a local alias -> the one actor the article says it is."""
    found: dict[Actor, set[Actor]] = {}
    for sentence in sentences:
        for term in sentence.of("actor_local"):
            named = _names_after(sentence, term)
            if named:
                found.setdefault(term.entry.value, set()).add(_at_home(sentence, term, named))
    return {term: actors.pop() for term, actors in found.items() if len(actors) == 1}


def _names_after(sentence: SentenceHits, term: Hit) -> list[Actor]:
    """The named actors of "من X" or "من X/Y" right after `term`."""
    text, names, link, last = sentence.derived.text, [], _OF, term
    while (hit := sentence.followed_by(last, "actor", within=1)) is not None:
        if actor_of(hit).generic or not link.fullmatch(text[last.end : hit.start]):
            break
        names.append(hit.entry.value)
        link, last = _JOINED, hit
    return names


def _at_home(sentence: SentenceHits, term: Hit, named: list[Actor]) -> Actor:
    """Of several names, the first at home where the places named after them lie (not the dateline's)."""
    countries = {place_of(h).iso for h in sentence.hits if h.kind.startswith("place") and h.start > term.end}
    return next((a for a in named if a.home in countries), named[0])


def _rebound(sentence: SentenceHits, bound: dict[Actor, Actor]) -> SentenceHits:
    hits = [
        _as_named(h, bound[h.entry.value]) if h.kind == "actor_local" and h.entry.value in bound else h
        for h in sentence.hits
    ]
    return replace(sentence, hits=hits)


def _as_named(hit: Hit, actor: Actor) -> Hit:
    """The alias as a mention of `actor` by name (it counts wherever the event happened)."""
    return replace(hit, entry=Entry("actor", hit.entry.phrase, actor), kind="actor")
