import re

from hypothesis import given
from hypothesis import strategies as st

from eventlake.arabic import MANY_NON_WORD, _Folding, normalize_key, to_matching_form


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


def test_folding_gives_up_listing_non_word_characters_past_the_limit():
    symbols = "".join(chr(0x2190 + i) for i in range(MANY_NON_WORD + 1))  # arrows: none is a word character
    assert _Folding().learn(symbols).non_word is None


def test_folding_lists_the_non_word_characters_it_has_seen():
    assert set(_Folding().learn("قصف، (مدفعي)").non_word) == {"،", "(", ")"}
