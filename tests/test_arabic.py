import re

from hypothesis import given
from hypothesis import strategies as st

from eventlake.arabic import _fold_char, normalize_key, to_matching_form
from eventlake.text import identity, map_chars


def test_tashkeel_removed():
    assert to_matching_form("غاراتٌ جويّةٌ").text == "غارات جويه"


def test_tatweel_removed_and_mapped():
    d = to_matching_form("إدلـــب")
    assert d.text == "ادلب"
    assert d.source_span(0, 4).slice("إدلـــب") == "إدلـــب"


def test_alef_variants_unified():
    assert to_matching_form("أإآٱ").text == "اااا"


def test_ya_and_ta_marbuta_unified():
    assert to_matching_form("مستشفى القرية").text == "مستشفي القريه"


def test_arabic_indic_and_persian_digits_to_ascii():
    assert to_matching_form("١٢ و۳").text == "12 و3"


def test_presentation_form_ligature_unfolded():
    assert to_matching_form("ﻻ").text == "لا"


def test_nbsp_becomes_space_and_newline_stays():
    assert to_matching_form("a\u00a0b\nc").text == "a b\nc"


def test_quotes_dropped_so_names_match():
    assert to_matching_form("تنظيم “داعش”").text == "تنظيم داعش"


def test_normalize_key_collapses_spaces():
    assert normalize_key("  دير   الزّور ") == "دير الزور"


def test_text_without_dropped_characters_maps_each_index_to_itself():
    d = to_matching_form("قصف إدلب")
    assert list(d.to_source) == list(range(8))


def test_dropped_tashkeel_keeps_later_offsets():
    d = to_matching_form("غاراتٌ جوية")
    assert d.source_span(6, 10).slice("غاراتٌ جوية") == "جوية"


@given(st.text(alphabet=st.sampled_from(list("ابتة أإى ًّـ١ ،.:؟-\n\u00a0\u200f«»•ﻻ_A")), max_size=60))
def test_words_only_of_the_matching_form_equals_the_regex_pass(text):
    derived = to_matching_form(text)
    assert derived.words_only == re.sub(r"[^\w ]", " ", derived.text)


# Characters that fold to themselves, to another, to nothing and to several (ﻻ), the spaces and
# word splitters, a character past the BMP and a lone surrogate.
_MIXED = st.text(alphabet=st.sampled_from(list("ابتة أإى ًّـ١ ،.:؟-\n\u00a0\u200f«»•ﻻ_A😀\ud800")), max_size=80)


@given(_MIXED)
def test_the_array_fold_equals_the_per_character_fold(text):
    derived, general = to_matching_form(text), map_chars(identity(text), _fold_char)
    assert derived.text == general.text
    assert list(derived.to_source) == list(general.to_source)


@given(_MIXED)
def test_word_bounds_found_with_the_fold_are_the_runs_of_words_only(text):
    derived = to_matching_form(text)
    runs = [m.span() for m in re.finditer(r"[^ ]+", derived.words_only)]
    assert list(zip(*derived.word_bounds, strict=True)) == runs


@given(_MIXED)
def test_a_long_key_normalises_as_a_short_one(text):
    long_text = text + " " + "ب" * 300  # past the length where arrays take over
    assert normalize_key(long_text) == " ".join(map_chars(identity(long_text), _fold_char).text.split())
