import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventlake.arabic import to_matching_form
from eventlake.matcher import Entry, Matcher, drop_contained, drop_contained_each
from eventlake.text import identity

PLACES = Matcher(
    [Entry("place", "الرقة"), Entry("place", "إدلب"), Entry("actor", "لواء القدس"), Entry("place", "القدس")]
)


def found(matcher: Matcher, text: str) -> list[str]:
    d = to_matching_form(text)
    return [h.span.slice(text) for h in matcher.find(d)]


def test_whole_word_only():
    assert found(PLACES, "الرقةالكبرى") == []


def test_conjunction_and_preposition_clitics_accepted():
    assert found(PLACES, "وبإدلب") == ["إدلب"]


def test_lam_swallows_the_alef_of_al():
    assert found(PLACES, "للرقّة") == ["لرقّة"]


def test_lam_before_a_word_that_starts_with_lam_keeps_two_lams():
    brigade = Matcher([Entry("actor", "اللواء الثالث"), Entry("actor", "اللجان الشعبية")])
    assert found(brigade, "تابع للواء الثالث وللجان الشعبية") == ["لواء الثالث", "لجان الشعبية"]
    assert found(brigade, "لواء الثالث") == []  # the bare word still needs its article or the lam


def test_long_unrelated_prefix_rejected():
    assert found(PLACES, "مستإدلب") == []


def test_span_points_at_the_written_form_with_tashkeel():
    text = "في الرَّقَّة"
    assert found(PLACES, text) == ["الرَّقَّة"]


def test_wildcard_takes_a_suffix():
    m = Matcher([Entry("trigger", "استهدف*")])
    assert found(m, "واستهدفت الطائرات") == ["استهدفت"]


def test_spelling_variants_give_one_hit():
    m = Matcher([Entry("cas", "قتيلا"), Entry("cas", "قتيلاً")])
    assert len(m.find(to_matching_form("سقط قتيلاً"))) == 1


def test_contained_hit_dropped_within_layer():
    d = to_matching_form("عناصر لواء القدس")
    hits = drop_contained(PLACES.find(d), frozenset({"place", "actor"}))
    assert [h.entry.phrase for h in hits] == ["لواء القدس"]


def test_common_noun_phrase_matches_with_the_article_on_every_word():
    m = Matcher([Entry("trigger", "عبوة ناسفة")])
    assert found(m, "انفجرت العبوةُ الناسفة") == ["عبوةُ الناسفة"]  # the article before it is a prefix, as clitics are


def test_names_do_not_take_an_article_they_lack():
    m = Matcher([Entry("place", "دير الزور"), Entry("place", "بنت جبيل")])
    assert found(m, "البنت الجبيل") == []


def test_drop_contained_each_keeps_layers_apart():
    m = Matcher([Entry("place", "القدس"), Entry("actor", "لواء القدس"), Entry("date", "القدس")])
    hits = m.find(to_matching_form("عناصر لواء القدس"))
    kept = drop_contained_each(hits, (frozenset({"place", "actor"}), frozenset({"date"})))
    assert sorted(h.kind for h in kept) == ["actor", "date"]


def test_drop_contained_each_rejects_a_kind_in_two_layers():
    with pytest.raises(ValueError, match="place"):
        drop_contained_each([], (frozenset({"place"}), frozenset({"place"})))


def test_accusative_alef_extends_a_common_noun_to_the_word_end():
    m = Matcher([Entry("trigger", "هجوم")])
    assert found(m, "شنّ هجوماً على القرية") == ["هجوما"]  # the span ends at the last letter


def test_names_take_no_accusative_alef():
    m = Matcher([Entry("place", "حلب")])
    assert found(m, "زار حلبا") == []


def test_key_spelled_with_punctuation_matches_only_that_punctuation():
    m = Matcher([Entry("actor", "الحركة الشعبية - شمال")])
    assert found(m, "قالت الحركة الشعبية - شمال") == ["الحركة الشعبية - شمال"]


def test_space_in_a_key_does_not_match_punctuation():
    m = Matcher([Entry("trigger", "عبوة ناسفة")])
    assert found(m, "عبوة،ناسفة") == []


def test_text_with_marks_left_in_uses_the_word_spans_with_the_marks():
    m = Matcher([Entry("place", "حلب")])
    assert [h.start for h in m.find(identity("في حلبُ"))] == []  # the damma is part of the word


_ENTRIES = [
    *(Entry("place", p) for p in ("الرقة", "إدلب")),
    *(Entry("trigger", p) for p in ("هجوم", "هجوما", "عبوة ناسفة", "استهدف*")),
    Entry("cue", "رقة"),
]
_FRAGMENTS = ["الرقة", "رقة", "قة", "إدلب", "هجوم", "هجوما", "عبوة ناسفة", "استهدف", "ا", "ات", "لل", "و", "ب", "ال"]
_FRAGMENTS += ["وبال", "مست"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_FRAGMENTS, " ", "، ", "-", "_", "ً", "\n"]), max_size=12))
def test_bounded_search_finds_what_the_word_span_search_finds(pieces):
    m = Matcher(_ENTRIES)
    d = to_matching_form("".join(pieces))
    assert m.find(d) == m._find_general(d)
