from eventlake.arabic import normalize_key, to_matching_form


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
