import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventlake.arabic import to_matching_form
from eventlake.errors import OffsetError
from eventlake.text import Derived, Kept, Span, check_span, identity, map_chars, splits_words

ARABIC_ISH = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءؤئ ًٌٍَُِّْـ٠١٢٣ \n.،؟ﻻAb1")),
    max_size=80,
)


def test_identity_maps_each_char_to_itself():
    d = identity("abc")
    assert d.to_source == (0, 1, 2)


def test_map_chars_keeps_map_through_deletion():
    d = map_chars(identity("aXbXc"), lambda ch: "" if ch == "X" else ch)
    assert d.text == "abc"
    assert d.source_span(1, 3) == Span(2, 5)


def test_map_chars_one_to_many_points_both_chars_at_source():
    d = map_chars(identity("ﻻب"), lambda ch: "لا" if ch == "ﻻ" else ch)
    assert d.text == "لاب"
    assert d.to_source == (0, 0, 1)


def test_source_span_rejects_empty_range():
    with pytest.raises(OffsetError):
        identity("abc").source_span(2, 2)


def test_check_span_names_the_article():
    with pytest.raises(OffsetError, match="article a7"):
        check_span("abc", Span(1, 9), article_id="a7")


def test_check_span_rejects_text_mismatch():
    with pytest.raises(OffsetError, match="does not slice"):
        check_span("abcdef", Span(0, 3), "abd")


@given(ARABIC_ISH, st.data())
def test_every_derived_range_maps_back_inside_the_source(text, data):
    d = to_matching_form(text)
    if not d.text:
        return
    start = data.draw(st.integers(0, len(d.text) - 1))
    end = data.draw(st.integers(start + 1, len(d.text)))
    span = d.source_span(start, end)
    assert 0 <= span.start < span.end <= len(text)
    # folding the source slice again covers the derived slice (a ligature may add one letter)
    assert d.text[start:end] in to_matching_form(span.slice(text)).text


@given(st.lists(st.booleans(), max_size=40))
def test_kept_map_equals_the_list_of_kept_positions(dropped):
    deleted = [i for i, d in enumerate(dropped) if d]
    kept = [i for i, d in enumerate(dropped) if not d]
    k = Kept(deleted, len(dropped))
    assert [k[i] for i in range(len(k))] == kept


@given(st.lists(st.booleans(), max_size=40), st.integers(-2, 44))
def test_kept_derived_index_is_the_first_kept_position_at_or_after(dropped, source_index):
    deleted = [i for i, d in enumerate(dropped) if d]
    kept = [i for i, d in enumerate(dropped) if not d]
    d = Derived("x" * len(kept), Kept(deleted, len(dropped)), len(dropped))
    assert d.derived_index(source_index) == sum(1 for i in kept if i < source_index)


@given(st.integers(0, 20), st.integers(-3, 24))
def test_derived_index_of_an_unmoved_text_is_the_index_within_it(length, source_index):
    expected = sum(1 for i in range(length) if i < source_index)
    for to_source in (range(length), tuple(range(length))):  # the array fold's map, and identity's
        assert Derived("x" * length, to_source, length).derived_index(source_index) == expected


def test_kept_index_past_the_end_raises():
    with pytest.raises(IndexError):
        Kept([1], 3)[2]


@given(st.text(alphabet=st.sampled_from(list("ابت ثج_،.:1٢-\n\t")), max_size=60))
def test_words_only_keeps_the_words_of_the_text_in_place(text):
    words_only = identity(text).words_only
    assert [m.span() for m in re.finditer(r"[^ ]+", words_only)] == [m.span() for m in re.finditer(r"\w+", text)]


@given(st.lists(st.booleans(), max_size=40))
def test_kept_at_is_kept_indexing(dropped):
    k = Kept([i for i, d in enumerate(dropped) if d], len(dropped))
    assert [k.at(i) for i in range(len(k))] == [k[i] for i in range(len(k))]


@given(st.text(alphabet=st.sampled_from(list("ابت ثج_،.:1٢-\n\t•")), max_size=60))
def test_words_only_from_the_given_non_word_characters_equals_the_regex_pass(text):
    splitting = (*(ch for ch in sorted(set(text)) if splits_words(ch)), "؛")  # one absent: harmless
    given_chars = Derived(text, range(len(text)), len(text), non_word=splitting)
    assert given_chars.words_only == identity(text).words_only


@pytest.mark.parametrize(
    ("ch", "splits"), [("،", True), ("\n", True), ("-", True), (" ", False), ("_", False), ("٣", False)]
)
def test_splits_words_is_true_only_for_non_word_characters_other_than_the_space(ch, splits):
    assert splits_words(ch) is splits


def test_a_derived_texts_words_are_found_once():
    # Compiled, a cached_property is a plain property found again at each use; Derived keeps them.
    derived = to_matching_form("قُتل مدنيان، أمس، في قصف على بلدة «كفرنبل».")
    assert derived.words_only is derived.words_only
    assert derived.word_bounds[0] is derived.word_bounds[0]  # (compiled, the tuple itself is boxed anew)
    spans = [m.span() for m in re.finditer(r"\w+", derived.text)]
    assert derived.word_bounds == ([a for a, _ in spans], [b for _, b in spans])
