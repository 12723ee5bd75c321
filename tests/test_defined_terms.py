"""Words an article defines for itself ("إرهابيين من حزب العمال"), read by that definition in the
rest of the article. Short articles written for these tests."""

from rows import only

from eventlake.arabic import to_matching_form
from eventlake.defined_terms import bind_defined_terms
from eventlake.extract import sentence_views

PKK = "Kurdistan Workers' Party"


def _views(text, lexicon):
    return bind_defined_terms(sentence_views(text, to_matching_form(text), "", lexicon))


def _named(views):
    return [h.entry.value.name for s in views for h in s.of("actor")]


def test_a_later_bare_term_is_the_group_the_lead_named(events_of):
    body = (
        "أعلنت وزارة الدفاع التركية أمس تحييد أربعة إرهابيين من حزب العمال الكردستاني شمالي العراق.\n\n"
        "وأضافت أن القوات التركية قصفت بالمدفعية مواقع الإرهابيين في منطقة الزاب أمس."
    )
    e = only([e for e in events_of(body) if e["sub_event_type"] == "Shelling/artillery/missile attack"])
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Turkey", PKK)


def test_without_a_definition_the_term_keeps_its_local_sense(events_of):
    body = "قصفت القوات العراقية بالمدفعية أمس مواقع الإرهابيين في وادي الشاي جنوب كركوك."
    assert only(events_of(body))["actor2"] == "Islamic State"


def test_of_two_joined_names_the_one_at_home_where_it_happened(lexicon):
    text = (
        "أعلنت أنقرة تحييد ستة إرهابيين من تنظيم «بي كا كا/ي ب ك» شمالي سوريا. وقالت إن الإرهابيين رُصدوا قرب تل رفعت."
    )
    assert _named(_views(text, lexicon)[1:]) == ["Syrian Democratic Forces"]


def test_a_term_defined_two_ways_is_not_bound(lexicon):
    text = (
        "تحييد ثلاثة إرهابيين من حزب العمال الكردستاني في العمادية. "
        "واعتقال خمسة إرهابيين من داعش في الحويجة. وقصف مواقع الإرهابيين قرب كركوك."
    )
    assert not _views(text, lexicon)[2].has("actor")


def test_a_place_after_from_defines_nothing(lexicon):
    text = "اعتقال إرهابيين من الموصل أمس. ومداهمة أوكار الإرهابيين في تلعفر."
    assert not _views(text, lexicon)[1].has("actor")
