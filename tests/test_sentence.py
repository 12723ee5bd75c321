import bisect
import random
import re

from hypothesis import given
from hypothesis import strategies as st

from eventlake.arabic import to_matching_form
from eventlake.matcher import Entry, Hit
from eventlake.sentence import SentenceHits, _quotes_after_lam, _tokens, _word_bounds, in_outlet_name, in_quotes
from eventlake.text import Span, identity, int_bisect_left, int_bisect_right


def _view(text: str, hits: list[tuple[str, int, int]] = ()) -> SentenceHits:
    """A one-sentence view of `text` (already in matching form) with hits given as (kind, start, end)."""
    derived = identity(text)
    made = [Hit(Entry(kind, text[a:b]), a, b, kind, derived) for kind, a, b in hits]
    return SentenceHits(text, derived, 0, len(text), Span(0, len(text)), 0, 0, made)


@given(st.text(alphabet=st.sampled_from(list("ابت ثج_،.:19-\n")), max_size=60))
def test_words_after_the_start_are_the_word_runs_of_the_text(text):
    assert _view(text).words_after(0, 100) == [m.span() for m in re.finditer(r"\w+", text)]


def test_words_before_lists_the_nearest_word_first():
    view = _view("قصف الجيش بلدة كفرنبل")
    assert view.words_before(15, 2) == [(10, 14), (4, 9)]


def test_preceded_by_takes_the_cue_that_ends_nearest():
    text = "قرب بلدة قرب كفرنبل"  # two "near" cues: the second is the nearest
    view = _view(text, [("cue:near", 0, 3), ("cue:near", 9, 12), ("place", 13, 19)])
    assert view.preceded_by(view.of("place")[0], "cue:near", within=0).start == 9


def test_preceded_by_is_none_when_the_nearest_cue_is_too_far():
    view = _view("قرب مدرسة بلدة كفرنبل", [("cue:near", 0, 3), ("place", 15, 21)])
    assert view.preceded_by(view.of("place")[0], "cue:near", within=1) is None


def test_is_definite_sees_the_article_after_a_preposition():
    view = _view("تعرضت البلدة للقصف", [("trigger", 15, 18)])  # لل + قصف
    assert view.is_definite(view.of("trigger")[0])


def test_is_definite_is_false_for_a_bare_word():
    view = _view("بدأ قصف البلدة", [("trigger", 4, 7)])
    assert not view.is_definite(view.of("trigger")[0])


def test_kinds_are_the_kinds_of_the_hits():
    view = _view("قصف مدفعي على القرية", [("trigger", 0, 3), ("cue:place_type", 14, 20)])
    assert set(view.kinds) == {"trigger", "cue:place_type"}


def test_a_hit_inside_a_quoted_outlet_after_lam_is_in_an_outlet_name():
    text = "وقال مسؤول لـ«بغداد اليوم» إن القصف استمر"
    start = text.index("بغداد")
    view = _view(text, [("place", start, start + 5)])
    assert in_outlet_name(view, view.hits[0])


def test_a_quoted_place_without_lam_before_the_quote_is_not_an_outlet_name():
    text = "وقال مسؤول «بغداد تعرضت للقصف» أمس"
    start = text.index("بغداد")
    view = _view(text, [("place", start, start + 5)])
    assert not in_outlet_name(view, view.hits[0])


def test_a_place_after_the_outlet_name_closes_is_not_in_an_outlet_name():
    text = "وقال مسؤول لـ«بغداد اليوم» إن القصف طال أطراف بغداد"
    start = text.rindex("بغداد")
    view = _view(text, [("place", start, start + 5)])
    assert not in_outlet_name(view, view.hits[0])


def test_a_word_between_two_quotes_is_not_in_quotes():
    text = "رفع المحتجون لافتة «لا للحرب» وأخرى «طرابلس للجميع»"
    start = text.index("وأخرى")
    view = _view(text, [("cue:x", start, start + 5)])
    assert not in_quotes(view, view.hits[0])


def test_a_sentences_words_are_its_cut_of_the_texts_words():
    # Found once for the whole text (Derived.word_bounds) and cut at the sentence's ends: the same
    # tokens as the regex finds in the range itself, a word the range cuts included.
    derived = to_matching_form("قُتل ثلاثة، وأُصيب ٤ آخرون (بينهم طفل) في قصفٍ على «كفرنبل»... أمس.\n\nوقال مصدر: «لا»")
    rng = random.Random(7)
    for _ in range(500):
        a = rng.randrange(len(derived.text) + 1)
        b = rng.randrange(a, len(derived.text) + 1)
        starts, ends = _word_bounds(derived, a, b)
        assert list(zip(starts, ends, strict=True)) == _tokens(derived.text, a, b), (a, b)


@given(st.lists(st.integers(0, 50)).map(sorted), st.integers(-1, 51))
def test_the_written_out_bisects_agree_with_the_library(values, x):
    assert (int_bisect_left(values, x), int_bisect_right(values, x)) == (
        bisect.bisect_left(values, x),
        bisect.bisect_right(values, x),
    )


@given(st.text(alphabet=st.sampled_from(list('لـ«"“»ب ')), max_size=12))
def test_an_outlet_quote_is_found_wherever_the_lam_before_it_stands(source):
    expected = any(lam + mark in source for mark in '«"“' for lam in ("ل", "لـ"))
    assert _quotes_after_lam.__wrapped__(source) == expected
