import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from eventlake.segment import _trimmed, segment_articles, split_paragraphs, split_sentences, tokenize
from eventlake.text import Span, spans_in_order


def test_paragraphs_split_on_blank_lines():
    text = "عنوان\n\nفقرة أولى.\n\n\nفقرة ثانية."
    assert [s.slice(text) for s in split_paragraphs(text)] == ["عنوان", "فقرة أولى.", "فقرة ثانية."]


def test_sentences_end_at_arabic_question_mark_and_full_stop():
    text = "قصفت الطائرات البلدة. هل انتهى؟ نعم"
    assert [s.slice(text) for s in split_sentences(text)] == ["قصفت الطائرات البلدة.", "هل انتهى؟", "نعم"]


def test_arabic_comma_does_not_end_a_sentence():
    text = "قتل ثلاثة، وأصيب خمسة."
    assert len(split_sentences(text)) == 1


def test_decimal_point_and_abbreviation_do_not_end_a_sentence():
    text = "قال د. أحمد إن 3.5 طن وصلت. ثم انتهى."
    assert [s.slice(text) for s in split_sentences(text)] == ["قال د. أحمد إن 3.5 طن وصلت.", "ثم انتهى."]


def test_closing_quote_stays_with_its_sentence():
    text = "قال: «انتهى الأمر.» ثم غادر."
    assert split_sentences(text)[0].slice(text) == "قال: «انتهى الأمر.»"


def test_tokens_keep_tashkeel_and_tatweel_inside():
    text = "غاراتٌ إدلـــب ١٢"
    assert [s.slice(text) for s in tokenize(text)] == ["غاراتٌ", "إدلـــب", "١٢"]


def test_segment_articles_adds_counts_and_in_order_spans(seed_text):
    table = segment_articles(pa.table({"text": [seed_text, "جملة واحدة"]}))
    assert table.column("n_sentences").to_pylist()[1] == 1
    spans = [Span(s["start"], s["end"]) for s in table.column("sentences").to_pylist()[0]]
    assert spans_in_order(spans)
    assert all(0 <= s.start < s.end <= len(seed_text) for s in spans)


def test_initials_in_parentheses_do_not_end_a_sentence():
    text = "اغتال مسلحون الشاب (م. ع) أمس في درعا. وقال مصدر محلي."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "اغتال مسلحون الشاب (م. ع) أمس في درعا.",
        "وقال مصدر محلي.",
    ]


def test_line_break_followed_by_dots_ends_no_sentence_before_the_dots():
    text = "جملة أولى\n... وتتمة بعدها"
    assert [s.slice(text) for s in split_sentences(text)] == ["جملة أولى\n...", "وتتمة بعدها"]


def test_run_of_marks_ends_one_sentence():
    text = "هل انتهى؟!! نعم"
    assert [s.slice(text) for s in split_sentences(text)] == ["هل انتهى؟!!", "نعم"]


@given(st.text(alphabet=st.sampled_from(list("ab \n\t\u00a0\u2009\u200bم.")), max_size=12), st.data())
def test_a_trimmed_span_drops_exactly_the_spaces_at_its_ends(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo, hi = start, end
    while lo < hi and text[lo].isspace():  # the definition, a character at a time
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    assert _trimmed(text, start, end) == ([(lo, hi)] if hi > lo else [])
