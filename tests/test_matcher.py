import pytest

from eventlake.arabic import to_matching_form
from eventlake.matcher import Entry, Matcher, drop_contained, drop_contained_each

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
