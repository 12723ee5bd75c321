"""Extraction rules, one family per test, on short articles written for these tests."""

from datetime import date

import pyarrow as pa
import pytest
from rows import only

from eventlake.extract import extract_events
from eventlake.schema import EVENTS
from eventlake.text import Span, check_span

# Published Thursday 7 March 2024, 09:00 local time (see conftest.events_of).
PUBLISHED = date(2024, 3, 7)


# --- the seed article: the annotation's required events ----------------------------------


@pytest.fixture(scope="module")
def seed_events(events_of, seed_text):
    title, _, body = seed_text.partition("\n\n")
    return events_of(body, title=title, published="2021-06-14T10:00:00+03:00")


def test_seed_air_strike_near_mansurah_is_one_row_with_title(seed_events):
    strikes = [e for e in seed_events if e["geonameid"] == 8559276 and e["event_date"] == date(2021, 6, 14)]
    e = only(strikes)
    assert (e["sub_event_type"], e["admin1"], e["geo_precision"], e["attribution"]) == (
        "Air/drone strike",
        "Ar-Raqqah",
        2,
        "suspected",
    )
    assert e["actor1"] == "Global Coalition Against Daesh"
    assert e["actor2"] == "Iranian-backed militias"
    assert e["fatalities"] is None
    assert e["evidence_text"].startswith("وافادت عدّة شبكات محلية")


def test_seed_day_before_yesterday_explosions(seed_events):
    e = only([x for x in seed_events if x["event_date"] == date(2021, 6, 12) and x["geonameid"] == 8559276])
    assert (e["sub_event_type"], e["time_precision"], e["attribution"]) == ("Air/drone strike", 1, "suspected")


def test_seed_tabqa_explosions_same_day(seed_events):
    e = only([x for x in seed_events if x["geonameid"] == 172374])
    assert (e["sub_event_type"], e["event_date"], e["geo_precision"]) == ("Air/drone strike", date(2021, 6, 12), 2)
    assert (e["actor1"], e["attribution"]) == (None, "suspected")  # the regime only holds the area


def test_seed_liwa_al_quds_attack(seed_events):
    e = only([x for x in seed_events if x["actor2"] == "Liwa al-Quds"])
    assert (e["event_type"], e["admin1"], e["geo_precision"], e["fatalities"]) == ("Battles", "Deir ez-Zor", 3, None)


def test_seed_habitual_sentence_is_not_an_event(seed_events):
    assert not [e for e in seed_events if "بين حين وآخر" in e["evidence_text"]]


def test_seed_evidence_offsets_slice_back(seed_events, seed_text):
    for e in seed_events:
        check_span(seed_text, Span(e["evidence_start"], e["evidence_end"]), e["evidence_text"])


# --- places and clitics -------------------------------------------------------------------


def test_place_with_clitic_prefix(events_of):
    e = only(events_of("قُتل مدنيان اثنان بقصف مدفعي استهدف أطراف مدينة أريحا وبكفرنبل أمس."))
    assert e["location"] in ("Ariha", "Kafranbel")


def test_two_towns_in_one_sentence_are_two_events(events_of):
    events = events_of("قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل وجسر الشغور جنوبي إدلب صباح أمس.")
    assert sorted(e["location"] for e in events) == ["Jisr ash Shughur", "Kafranbel"]


def test_dateline_city_is_not_the_event_place(events_of):
    body = "الموصل - خاص:\n\nانفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء تلعفر أمس، ما أدى إلى مقتل جنديين."
    e = only(events_of(body))
    assert e["location"] == "Tall Afar"


def test_countryside_of_a_province_capital_is_the_province(events_of):
    e = only(events_of("قتل ثلاثة عناصر من قسد بهجوم لخلايا داعش في ريف دير الزور الشرقي أمس."))
    assert (e["location"], e["geo_precision"], e["geonameid"]) == ("Deir ez-Zor", 3, None)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected", "precision"),
    [
        ("أمس", date(2024, 3, 6), 1),
        ("أمس الأول", date(2024, 3, 5), 1),
        ("فجر اليوم", date(2024, 3, 7), 1),
        ("الليلة الماضية", date(2024, 3, 6), 1),
        ("يوم الثلاثاء الماضي", date(2024, 3, 5), 1),
        ("في 2 آذار 2024", date(2024, 3, 2), 1),
        ("في ٢٨ شباط", date(2024, 2, 28), 1),
        ("في 1 مارس", date(2024, 3, 1), 1),
    ],
)
def test_relative_and_explicit_dates(events_of, phrase, expected, precision):
    e = only(events_of(f"استهدفت طائرة مسيّرة تركية سيارة لقسد قرب منبج {phrase}."))
    assert (e["event_date"], e["time_precision"]) == (expected, precision)


def test_no_date_gives_publication_day_with_week_precision(events_of):
    e = only(events_of("استهدفت طائرة مسيّرة تركية سيارة لقسد قرب منبج."))
    assert (e["event_date"], e["time_precision"]) == (PUBLISHED, 2)


# --- casualties ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("ما أسفر عن مقتل ثلاثة عناصر وإصابة خمسة آخرين", 3, 5),
        ("ما أسفر عن سقوط قتيلين", 2, None),
        ("ما أدى إلى مقتل عنصرين", 2, None),
        ("وأسفر القصف عن ٤ قتلى و٧ جرحى", 4, 7),
        ("دون وقوع إصابات", 0, 0),
        ("ما أدى إلى مقتل عدد من العناصر", None, None),
        ("وسط أنباء عن قتلى وجرحى", None, None),
        ("دون معلومات عن حجم الخسائر", None, None),
    ],
)
def test_casualty_figures(events_of, sentence, killed, injured):
    e = only(events_of(f"قصفت قوات النظام بالمدفعية بلدة نوى في ريف درعا أمس، {sentence}."))
    assert (e["fatalities"], e["injuries"]) == (killed, injured)


def test_running_total_is_nobodys_fatalities(events_of):
    body = "قتل مدني بقصف مدفعي على بلدة نوى أمس، ليرتفع عدد القتلى منذ بداية الحملة إلى 120 شخصاً."
    assert only(events_of(body))["fatalities"] == 1


# --- actors and attribution ----------------------------------------------------------------


def test_named_attacker_is_reported(events_of):
    e = only(events_of("شنّ الطيران الروسي غارات جوية على أطراف مدينة أريحا أمس."))
    assert (e["actor1"], e["attribution"], e["inter1"]) == ("Military Forces of Russia", "reported", 8)


def test_hedged_attacker_is_suspected(events_of):
    body = "استهدفت غارات جوية مجهولة مواقع لحزب الله قرب بنت جبيل أمس، يرجح أنها للطيران الإسرائيلي."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == ("Military Forces of Israel", "Hezbollah", "suspected")


def test_unidentified_aircraft_give_no_actor(events_of):
    e = only(events_of("قصفت طائرات مجهولة الهوية مواقع قرب البوكمال فجر اليوم."))
    assert (e["actor1"], e["attribution"]) == (None, "unknown")


def test_civilian_victims_make_violence_against_civilians(events_of):
    e = only(events_of("أقدم مسلحون مجهولون على قتل مدني برصاص مباشر في مدينة الباب أمس."))
    assert (e["event_type"], e["sub_event_type"], e["actor2"]) == ("Violence against civilians", "Attack", "Civilians")


# --- what is not an event ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "وتتعرض قرى ريف إدلب الجنوبي لقصف مدفعي بين الحين والآخر.",
        "وثّق المرصد 45 هجوماً بطائرات مسيرة خلال شهر شباط في ريف حلب.",
        "وهدد قائد الفصيل بشن هجوم واسع على مواقع قسد في منبج.",
        "وارتفعت أسعار المحروقات في درعا بنسبة عشرين بالمئة.",
    ],
)
def test_not_an_event(events_of, sentence):
    assert events_of(sentence) == []


def test_title_and_lead_are_one_event(events_of):
    title = "مقتل جنديين بانفجار عبوة ناسفة في تلعفر"
    body = "قتل جنديان من الجيش العراقي أمس بانفجار عبوة ناسفة استهدفت دوريتهما في قضاء تلعفر غربي الموصل."
    e = only(events_of(body, title=title))
    assert (e["sub_event_type"], e["location"]) == ("Remote explosive/landmine/IED", "Tall Afar")
    assert e["evidence_text"] == body


def test_batch_output_has_the_contract_schema(lexicon, seed_text):
    from datetime import UTC, datetime

    articles = pa.Table.from_pylist(
        [{"article_id": "s", "text": seed_text, "title": "", "published_at": datetime(2021, 6, 14, tzinfo=UTC)}]
    )
    events = extract_events(articles, lexicon=lexicon, run_id="r", version="v")
    assert events.schema.equals(EVENTS)
    assert events.num_rows >= 4


# --- event types read from context ---------------------------------------------------------


def test_protesters_burning_tyres_is_a_riot(events_of):
    e = only(events_of("أضرم محتجون غاضبون النار في الإطارات وقطعوا الطريق الرئيسي في مدينة منبج مساء أمس."))
    assert (e["event_type"], e["actor1"], e["inter1"]) == ("Riots", "Rioters", 5)


def test_protesters_shot_dead_is_excessive_force(events_of):
    e = only(events_of("قتل متظاهران اثنان برصاص قوات الأمن خلال تظاهرة في مدينة الحسكة أمس."))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == (
        "Excessive force against protesters",
        "Protesters",
        2,
    )


def test_de_facto_authority_arrests_but_a_militia_abducts(events_of):
    sdf = only(events_of("شنّت قوات سوريا الديمقراطية حملة دهم واعتقال في مدينة الطبقة صباح أمس."))
    rsf = only(
        events_of("احتجزت قوات الدعم السريع ستة شبان في مدينة نيالا أمس.", published="2024-03-07T09:00:00+02:00")
    )
    assert (sdf["sub_event_type"], rsf["sub_event_type"]) == ("Arrests", "Abduction/forced disappearance")


def test_clash_between_two_named_sides(events_of):
    body = "اندلعت اشتباكات عنيفة مساء أمس بين جهاز الردع واللواء 444 قتال في مدينة طرابلس."
    e = only(events_of(body, published="2024-03-07T09:00:00+02:00"))
    assert (e["actor1"], e["actor2"]) == ("Special Deterrence Force", "444th Combat Brigade")


def test_the_army_is_the_army_of_the_events_country(events_of):
    e = only(events_of("قصف الجيش بالمدفعية أحياء في مدينة الفاشر أمس.", published="2024-03-07T09:00:00+02:00"))
    assert e["actor1"] == "Military Forces of Sudan"


def test_adjective_names_the_striking_state(events_of):
    e = only(events_of("قتل مدني بغارة إسرائيلية استهدفت سيارة في مدينة بنت جبيل صباح اليوم."))
    assert (e["actor1"], e["sub_event_type"], e["fatalities"]) == ("Military Forces of Israel", "Air/drone strike", 1)


def test_assassination_kills_one_unless_it_failed(events_of):
    done = only(events_of("اغتال مسلحون مجهولون مختار قرية في ريف درعا الغربي مساء أمس."))
    failed = events_of("نجا قيادي محلي من محاولة اغتيال بعبوة ناسفة في مدينة نوى أمس.")
    assert (done["sub_event_type"], done["fatalities"]) == ("Attack", 1)
    assert all(e["fatalities"] != 1 for e in failed)


# --- one event per real event --------------------------------------------------------------


def test_definite_trigger_adds_to_the_event_already_told(events_of):
    body = (
        "اندلعت اشتباكات عنيفة مساء أمس بين الجيش العراقي وعناصر من داعش في قضاء تلعفر.\n\n"
        "وقال مصدر أمني إن الاشتباكات أسفرت عن مقتل ثلاثة جنود."
    )
    e = only(events_of(body))
    assert (e["fatalities"], e["event_date"]) == (3, date(2024, 3, 6))


def test_outlet_in_a_dateline_is_not_a_place(events_of):
    body = "مأرب – «شبكة عدن الإخبارية»: قتل طفلان بقصف صاروخي حوثي على حي سكني في مدينة مأرب مساء أمس."
    e = only(events_of(body))
    assert (e["location"], e["actor1"], e["fatalities"]) == ("Ma'rib", "Ansar Allah (Houthis)", 2)


def test_event_retold_from_months_ago_is_background(events_of):
    assert events_of("وكانت غارة روسية قد استهدفت سوقاً في مدينة أريحا في 3 كانون الثاني 2024.") == []


def test_feared_attack_is_not_an_event(events_of):
    assert events_of("وطردت الميليشيا عدداً من عناصرها في البوكمال خوفاً من هجمات تنظيم داعش.")[0]["event_type"] == (
        "Strategic developments"
    )


def test_accident_is_not_an_event(events_of):
    assert events_of("قتل شخصان بانفجار أسطوانة غاز داخل مطعم في مدينة الموصل أمس.") == []


def test_accusative_ending_still_matches_the_trigger(events_of):
    e = only(events_of("أطلق الحوثيون صاروخاً باتجاه مدينة مأرب أمس دون أن يسفر عن إصابات."))
    assert (e["sub_event_type"], e["actor1"], e["fatalities"]) == (
        "Shelling/artillery/missile attack",
        "Ansar Allah (Houthis)",
        0,
    )


def test_soldiers_killed_by_unnamed_attackers_is_a_clash(events_of):
    e = only(events_of("قُتل جنديان بهجوم على حاجز في مدينة الصنمين بريف درعا أمس."))
    assert (e["event_type"], e["fatalities"]) == ("Battles", 2)


def test_an_israeli_border_position_is_placed_in_israel(events_of):
    body = (
        "أعلن حزب الله أمس استهداف تجمع لجنود الاحتلال في محيط موقع المالكية. "
        "وشنّت مسيّرة إسرائيلية غارة على بلدة عيترون."
    )
    e = [x for x in events_of(body) if x["actor1"] == "Hezbollah"]
    assert (only(e)["location"], only(e)["iso"]) == ("Malkia", "IL")


def test_the_town_a_source_speaks_from_is_not_the_place(events_of):
    body = "أفادت مصادر محلية في الحسكة بأن مسلحين مجهولين قتلوا شاباً أمس في مدينة المالكية."
    assert only(events_of(body))["location"] == "Al Malikiyah"


def test_a_military_source_s_town_is_not_the_place(events_of):
    body = "واتهم المصدر العسكري في عدن الحوثيين بإطلاق طائرة مسيّرة سقطت أمس على سيارة عند أطراف مدينة الضالع."
    assert only(events_of(body))["location"] == "Ad-Dali"


def test_the_town_of_an_agency_s_edition_is_not_the_place(events_of):
    body = (
        "ونقلت وكالة سبأ بنسختها الصادرة من عدن عن مصدر عسكري أن قوات الجيش صدّت أمس هجوماً شنّه الحوثيون في جبهة باب غلق."
    )
    assert only(events_of(body))["location"] == "Bab Ghalaq"


def test_a_city_that_witnessed_a_fight_frames_the_quarter_it_was_in(events_of):
    body = (
        "شهدت العاصمة الليبية طرابلس، مساء أمس، اشتباكات عنيفة بين جهاز الردع واللواء 444 قتال، "
        "تركّزت في منطقة عين زارة جنوبي المدينة."
    )
    assert only(events_of(body))["location"] == "Ain Zara"


def test_the_day_a_fight_began_dates_it_not_the_day_it_ended(events_of):
    body = "شهدت مدينة الزاوية منذ مساء أمس وحتى فجر اليوم اشتباكات عنيفة بين مجموعتين مسلحتين."
    assert only(events_of(body))["event_date"].isoformat() == "2024-03-06"


def test_a_road_between_two_towns_is_near_the_first(events_of):
    body = "استهدفت مسيّرة تركية أمس سيارة على الطريق الواصل بين مدينة القامشلي وبلدة تل حميس."
    e = only(events_of(body))
    assert (e["location"], e["geo_precision"]) == ("Al-Qamishli", 2)


def test_the_town_in_a_sources_name_is_not_the_place(events_of):
    body = "قالت تنسيقية لجان المقاومة بالفاشر إن سبعة مدنيين قُتلوا أمس بقصف للدعم السريع على مخيم أبو شوك."
    assert only(events_of(body))["location"] == "Abu Shouk Camp"


def test_a_province_opening_frames_the_desert_of_a_town(events_of):
    body = "وفي دير الزور، قُتل ثلاثة مدنيين أمس بانفجار لغم من مخلفات الحرب في بادية الميادين."
    assert only(events_of(body))["location"] == "Al Mayadin"


def test_jabal_al_zawiya_is_in_idlib(events_of):
    body = "نفّذ الطيران الروسي أمس غارات على جبل الزاوية جنوبي إدلب."
    e = only(events_of(body))
    assert (e["location"], e["admin1"]) == ("Jabal al-Zawiya", "Idlib")


def test_a_quarter_of_another_city_yields_to_the_city_named(events_of):
    body = "تمكّنت قوة من جهاز الأمن الوطني أمس من اعتقال متهم بالانتماء لداعش في حي الزهراء بالموصل."
    e = only(events_of(body))
    assert (e["location"], e["actor1"]) == ("Mosul", "Police Forces of Iraq")


def test_a_digest_bullet_naming_the_province_is_a_dateline(events_of):
    body = "▪️ درعا – اغتيال: قُتل رئيس المجلس البلدي في بلدة تسيل بريف درعا الغربي، مساء أمس، برصاص مسلحين مجهولين."
    assert only(events_of(body))["location"] == "Tasil"


def test_a_ticker_label_alone_is_the_place(events_of):
    body = "• كفركلا: أُصيب عسكري في الجيش اللبناني أمس بجروح طفيفة جراء سقوط قذيفة إسرائيلية قرب مركز للجيش."
    assert only(events_of(body))["location"] == "Kfar Kila"


def test_an_island_of_the_euphrates_names_its_town(events_of):
    body = "أعلنت خلية الإعلام الأمني أمس مقتل أربعة إرهابيين بضربة جوية في جزيرة البغدادي غربي الأنبار."
    assert only(events_of(body))["location"] == "Baghdadi"


def test_the_hospital_the_wounded_were_taken_to_is_not_the_place(events_of):
    body = "أُصيب ثلاثة جنود أمس بانفجار عبوة ناسفة قرب ناحية تازة، ونُقلوا إلى مستشفى كركوك العام."
    assert only(events_of(body))["location"] == "Tazah Khurmatu"


def test_a_district_opening_frames_its_village(events_of):
    body = "وفي قضاء مرجعيون، أُصيب ثلاثة مدنيين أمس عندما استهدفت غارة جوية إسرائيلية منزلاً في بلدة مجدل سلم."
    assert only(events_of(body))["location"] == "Majdal Selm"


def test_a_road_between_two_towns_names_a_cue_only_town(events_of):
    body = "قُتل عنصر من جهاز دعم الاستقرار أمس في كمين على الطريق الرابط بين الزاوية وصبراتة."
    assert only(events_of(body))["location"] == "Az Zawiyah"


def test_a_quarter_named_island_does_not_make_the_next_word_a_place(events_of):
    body = "عثرت قوات الأمن أمس على جثة شاب مقتولاً بطلق ناري في حي الجزيرة بمدينة البوكمال."
    assert only(events_of(body))["location"] == "Albu Kamal"


def test_a_camp_called_mua_askar_is_placed_at_the_camp(events_of):
    body = "قصفت قوات الدعم السريع بالمدفعية أمس معسكر زمزم للنازحين جنوب الفاشر، ما أدى إلى مقتل 12 نازحاً."
    assert only(events_of(body))["location"] == "Zamzam Camp"


def test_the_town_of_an_agency_s_government_edition_is_not_the_place(events_of):
    body = (
        "ونقلت وكالة سبأ بنسختها الحكومية في عدن عن مصدر عسكري أن قوات الجيش كسرت أمس هجوماً شنّه الحوثيون في جبهة حريب."
    )
    assert only(events_of(body))["location"] == "Harib"
