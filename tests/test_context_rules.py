"""Sentence context: background years, events referred back to, dispersed protests, round-up
totals and unnamed places, each on a short article written for these tests."""

from datetime import date

from rows import only

from eventlake.dates import find_date
from eventlake.places import ArticlePlaces


def test_sentence_about_a_past_year_is_history(events_of):
    body = "وكانت مدينة سرت قد شهدت معارك عنيفة بين عامي 2015 و2016 انتهت بطرد التنظيم منها."
    assert events_of(body) == []


def test_event_referred_back_after_uqb_does_not_type_the_sentence(events_of):
    body = "وعقب التفجير، اعتقلت قوات الأمن العراقية أمس أربعة أشخاص في قضاء الخالص."
    assert [e["sub_event_type"] for e in events_of(body)] == ["Arrests"]


def test_despite_clause_is_background(events_of):
    body = "ورغم أن الجيش استعاد السيطرة على بلدة كفرنبودة الشهر الماضي، ما زال التوتر قائماً."
    assert events_of(body) == []


def test_dispersed_sit_in_is_a_protest_with_intervention(events_of):
    body = "فرّقت قوات الأمن مساء أمس اعتصاماً لعشرات المحتجين أمام مبنى المحافظة في مدينة السويداء."
    assert events_of(body)[0]["sub_event_type"] == "Protest with intervention"


def test_teams_are_not_a_dispersal(events_of):
    assert events_of("وصلت فرق الدفاع المدني أمس إلى مدينة سراقب لإزالة الأنقاض.") == []


def test_subject_after_a_group_word_is_the_actor(events_of):
    body = "احتجزت عناصر من قوات الدعم السريع أمس خمسة شبان في مدينة الأبيض."
    e = events_of(body)[0]
    assert (e["sub_event_type"], e["actor1"]) == ("Abduction/forced disappearance", "Rapid Support Forces")


def test_strikes_counted_over_a_day_are_a_total(events_of):
    body = "وشنّ طيران التحالف خلال الساعات الـ24 الماضية 14 غارة على محافظات صعدة وحجة والجوف."
    assert events_of(body) == []


def test_the_town_points_to_the_town_just_told(events_of):
    body = (
        "انفجرت سيارة مفخخة أمس في سوق مدينة الباب شرقي حلب.\n\n"
        "وعقب ذلك، اعتقلت الشرطة ثلاثة أشخاص يُشتبه بإدخالهم السيارة إلى المدينة."
    )
    arrests = [e for e in events_of(body) if e["sub_event_type"] == "Arrests"]
    assert [e["location"] for e in arrests] == ["Al Bab"]


def test_same_strike_in_a_second_clause_at_another_town_is_a_second_event(events_of):
    body = (
        "نفّذت المقاتلات الروسية أمس ثلاث غارات على مدينة سراقب بريف إدلب، فيما استهدفت غارتان أخريان أطراف "
        "مدينة معرة النعمان دون وقوع إصابات."
    )
    events = sorted(events_of(body), key=lambda e: e["location"])
    assert [(e["location"], e["actor1"]) for e in events] == [
        ("Maarrat an Numan", "Military Forces of Russia"),
        ("Saraqib", "Military Forces of Russia"),
    ]


def test_civilians_named_only_as_unhurt_are_not_the_target(events_of):
    e = only(events_of("قصفت مدفعية قوات النظام أمس أطراف مدينة سراقب، دون وقوع إصابات في صفوف المدنيين."))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Military Forces of Syria", None, 0)


def test_strike_told_before_the_interception_is_the_event(events_of):
    body = "نفّذ العدو الإسرائيلي فجر اليوم عدواناً جوياً على محيط بلدة الكسوة، وتصدّت وسائط الدفاع الجوي للصواريخ."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Air/drone strike", "Military Forces of Israel")


def test_explosions_heard_where_a_strike_is_named_are_that_strike(events_of):
    body = (
        "شنّت طائرات حربية إسرائيلية فجر اليوم غارات على مواقع في محيط بلدة الكسوة بريف دمشق.\n\n"
        "وسُمع دويّ انفجارات عنيفة في الكسوة وريفها فجر اليوم."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Air/drone strike"]


def test_the_enemy_is_israel_in_lebanese_reporting(events_of):
    e = only(events_of("ألقت مسيّرة معادية صباح اليوم قنبلة على أطراف بلدة شبعا جنوب لبنان."))
    assert (e["sub_event_type"], e["actor1"]) == ("Air/drone strike", "Military Forces of Israel")


def test_monthly_report_of_arrest_cases_is_a_total(events_of):
    body = "وسجّل التقرير 90 حالة اعتقال تعسفي خلال الشهر الماضي في محافظتي حلب والحسكة."
    assert events_of(body) == []


def test_army_blowing_up_houses_is_property_destruction(events_of):
    body = "أقدم الجيش الإسرائيلي ليل أمس على تفجير عدد من المنازل في الحي الشرقي لبلدة الخيام."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (  # the houses' owners, as ACLED codes it
        "Looting/property destruction",
        "Military Forces of Israel",
        "Civilians",
    )


def test_who_launched_the_attack_is_actor1_of_a_repelled_attack(events_of):
    body = "صدّت القوات المسلحة السودانية صباح أمس هجوماً شنّته قوات الدعم السريع على مواقعها في مدينة الأبيض."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Rapid Support Forces",
        "Military Forces of Sudan",
    )


def test_the_nth_day_of_a_war_is_not_today(events_of):
    body = "شهد يوم أمس الأربعاء، اليوم الـ150 من المواجهات، غارات إسرائيلية على بلدة عيترون جنوب لبنان."
    assert str(only(events_of(body))["event_date"]) == "2024-03-06"


def test_once_a_day_is_no_date(analyse):
    sentence = analyse("تسقط القذائف على المخيم مرتين في اليوم، والطعام صار وجبة واحدة في اليوم.")[0]
    assert find_date(sentence, date(2025, 7, 27), needs_cue=frozenset()) is None
    dated = analyse("سقطت القذائف على المخيم في اليوم الأول من الهدنة وفي هذا اليوم.")[0]
    assert find_date(dated, date(2025, 7, 27), needs_cue=frozenset()) is not None


def test_no_casualties_hold_for_every_place_of_the_sentence(events_of):
    body = "طال القصف المدفعي الإسرائيلي أمس أطراف بلدتي عيترون وحولا، دون تسجيل إصابات."
    assert [e["fatalities"] for e in events_of(body)] == [0, 0]


def test_a_tie_between_countries_goes_to_the_groups_named(analyse, lexicon, events_of):
    title = "الدعم السريع يحرق قرى في شمال دارفور"
    body = "قالت لجان المقاومة إن قوات الدعم السريع أحرقت قرية شقرة يوم الاثنين بعد نهب ممتلكات السكان."
    views = analyse(f"{title}\n\n{body}", title)
    assert ArticlePlaces(views, countries=lexicon.country_places).iso == "SD"
    assert all(e["iso"] != "YE" for e in events_of(body, title=title))  # not the Shuqrah of Abyan


def test_a_village_we_do_not_know_lies_in_the_one_province_named(events_of):
    title = "الدعم السريع يحرق قرى في شمال دارفور"
    body = "قالت لجان المقاومة إن قوات الدعم السريع أحرقت قرية أم حجاجة يوم الاثنين بعد نهب ممتلكات السكان."
    e = only(events_of(body, title=title))
    assert (e["admin1"], e["geo_precision"]) == ("North Darfur", 3)
    two = title.replace("شمال دارفور", "شمال دارفور وجنوبها وولاية الجزيرة")
    assert events_of(body, title=two) == []  # two provinces named: no guess


def test_the_camp_points_to_the_camp_just_told(events_of):
    body = (
        "استُشهد شابان برصاص قوات الاحتلال خلال اقتحامها مخيم جنين فجر اليوم.\n\n"
        "كما قصفت طائرة مسيّرة إسرائيلية مجموعة من المقاومين في حي الدمج بالمخيم، دون الإعلان عن إصابات."
    )
    strike = next(e for e in events_of(body) if e["sub_event_type"] == "Air/drone strike")
    assert (strike["location"], strike["fatalities"]) == ("Jenin Camp", None)


def test_the_towns_that_end_a_road_yield_to_the_place_on_it(events_of):
    body = (
        "قطع شبان غاضبون صباح اليوم طريق دمشق – السويداء عند مدخل قرية الصورة الكبيرة في الريف الشمالي، "
        "وأشعلوا الإطارات احتجاجاً على انقطاع المياه."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"]) == ("Violent demonstration", "Al-Sawra al-Kabira")
    bomb = "انفجرت عبوة ناسفة فجر اليوم بسيارة عسكرية على طريق الحراك – بصر الحرير، ونُقل الجرحى إلى مشفى مدينة درعا."
    assert only(events_of(bomb))["location"] == "Al Hirak"


def test_the_word_for_a_town_is_not_medina(events_of):
    body = "اندلعت مساء أمس اشتباكات عنيفة بين قوات دفاع شبوة وقوات الأمن الخاصة على مدينة عتق بمحافظة شبوة."
    assert [e["iso"] for e in events_of(body)] == ["YE"]


def test_killed_in_clashes_since_the_start_of_the_year_is_a_count(events_of):
    body = "ووفق حصيلة غير رسمية، قُتل 19 شخصاً في اشتباكات مسلحة بطرابلس منذ مطلع العام."
    assert events_of(body) == []
    rise = "قُتل ثلاثة مدنيين في قصف على مدينة سرمين، ليرتفع عدد القتلى منذ بداية الشهر إلى 40."
    assert [e["location"] for e in events_of(rise)] == ["Sarmin"]


def test_a_town_said_to_lie_in_a_province_of_another_country_is_not_its_namesake(events_of):
    body = "داهمت قوة إسرائيلية اليوم بلدة بيت جن في ريف دمشق الغربي واعتقلت شابين قبل أن تنسحب."
    e = only(events_of(body))
    assert (e["iso"], e["admin1"], e["location"]) == ("SY", "Rif Dimashq", "Bayt Jinn")  # not Beit Jann, Israel


def test_saba_agency_seat_is_not_the_place(events_of):
    body = "اتهمت «سبأ» صنعاء «مرتزقة العدوان» بقصف منطقة سكنية في مديرية حريب جنوبي مأرب مساء أمس."
    e = only(events_of(body))
    assert (e["admin1"], e["actor1"]) == ("Marib", "Military Forces of Yemen")


def test_commanders_comment_on_the_strike_tells_no_new_one(events_of):
    body = (
        "نفذت طائرات القوة الجوية العراقية فجر اليوم ضربة جوية على وكر لداعش في وادي الشاي جنوب غربي كركوك، "
        "أسفرت عن مقتل ثلاثة إرهابيين.\n\n"
        "وقال قائد عمليات كركوك في تصريح صحفي إن «العمليات مستمرة لملاحقة بقايا الإرهاب في الصحراء»، "
        "مؤكداً أن «الضربة الجوية جاءت بعد رصد استمر أياماً»."
    )
    assert only(events_of(body))["location"] == "Wadi al-Shay"


def test_strikes_recalled_by_an_analyst_are_background(events_of):
    body = (
        "ارتفع سعر ربطة الخبز في حمص إلى خمسة آلاف ليرة.\n\n"
        "ويرى الباحث العسكري أن «الوضع الأمني هش»، مذكّراً بأن الطائرات الروسية شنّت في الأشهر التي سبقت "
        "سقوط النظام مئات الغارات على ريف إدلب الجنوبي."
    )
    assert events_of(body) == []


def test_yudhkar_anna_introduces_background(events_of):
    body = "ويُذكر أن الطيران التركي قصف قرى ناحية شيلادزي عدة مرات خلال الصيف الماضي."
    assert events_of(body) == []


def test_town_a_range_lies_within_places_the_event(events_of):
    body = "عثرت قوة من الجيش العراقي أمس على مخبأ يحتوي على عبوات ناسفة في سلسلة جبال حمرين ضمن قاطع ناحية المنصورية."
    assert only(events_of(body))["admin1"] == "Diyala"


def test_range_near_a_town_stays_the_range(events_of):
    body = "نفذت طائرات القوة الجوية العراقية أمس ضربة جوية على مضافة لداعش في جبال مكحول قرب قضاء الشرقاط."
    assert only(events_of(body))["location"] == "Makhoul Mountains"


def test_battles_of_early_this_year_are_history(events_of):
    body = (
        "وقال مدير المحطة إن فرقاً فنية ستباشر صيانة العنفات التي تضررت جراء المعارك التي شهدها محيط "
        "سد تشرين مطلع العام."
    )
    assert events_of(body) == []


def test_weapons_handed_to_the_army_were_never_fired(events_of):
    body = (
        "تسلّم الجيش اللبناني اليوم دفعة جديدة من السلاح الثقيل من مخيم البص، سلّمتها الفصائل الفلسطينية، "
        "وشملت قذائف هاون وصواريخ «غراد»."
    )
    assert only(events_of(body))["event_type"] == "Strategic developments"


def test_place_type_word_across_a_comma_types_nothing(events_of):
    body = (
        "وأكدت الشرطة أن «قواتنا لم تستخدم الرصاص الحي»، وأن «عناصر مندسة» حاولت اقتحام مبنى المحافظة في الناصرية أمس."
    )
    assert {e["admin1"] for e in events_of(body)} <= {"Dhi Qar"}


def test_protests_across_several_cities_over_days_are_a_summary(events_of):
    body = "شهدت عدة مدن عراقية خلال الأيام الثلاثة الماضية احتجاجات متفرقة تخللها تدخل أمني وسقوط قتيل في إحداها."
    assert events_of(body) == []


def test_the_town_families_fled_to_is_not_where_they_were_attacked(events_of):
    body = (
        "اقتحم مسلحون أمس قرية ود الفضل شرقي مدينة تمبول وقتلوا خمسة من سكانها.\n\n"
        "وقال شهود إن المهاجمين «أطلقوا النار عشوائياً على المواطنين»، وأجبروا عشرات الأسر على النزوح نحو مدينة رفاعة."
    )
    assert {e["location"] for e in events_of(body)} == {"Tamboul"}


def test_dead_counted_since_a_ceasefire_are_no_events_toll(events_of):
    body = (
        "دهمت قوة من الجيش فجر اليوم منزلاً في بلدة برالياس وأوقفت ثلاثة أشخاص بتهمة تهريب أسلحة.\n\n"
        "وأعلنت وزارة الصحة أن عدد الشهداء جراء الغارات منذ سريان وقف إطلاق النار بلغ 190 شهيداً."
    )
    assert [e["fatalities"] for e in events_of(body)] == [None]


def test_a_call_for_a_ceasefire_is_no_agreement(events_of):
    body = "ناشد المجلس البلدي في عين زارة أمس جميع الأطراف وقف إطلاق النار فوراً وفتح ممرات آمنة."
    assert events_of(body) == []


def test_schools_in_the_areas_of_the_clashes_tell_no_new_clash(events_of):
    body = (
        "اندلعت أمس اشتباكات بين «اللواء 444» و«جهاز الردع» في منطقة عين زارة بطرابلس.\n\n"
        "وعُلّقت الرحلات في مطار معيتيقة لساعات، كما أعلنت وزارة التعليم تعليق الدراسة في المدارس "
        "الواقعة في مناطق الاشتباكات."
    )
    assert [e["location"] for e in events_of(body)] == ["Ain Zara"]


def test_families_stuck_in_the_areas_of_the_clash_tell_no_clash(events_of):
    body = (
        "أعلن الهلال الأحمر أن عدد القتلى بلغ سبعة، وأن فرقه أجلت أمس 40 عائلة كانت عالقة في مناطق "
        "الاشتباك جنوب مدينة الزاوية."
    )
    assert events_of(body) == []


def test_a_digest_line_opened_by_a_place_and_a_bar_is_a_dateline(events_of):
    body = "القنيطرة | توغّلت قوة إسرائيلية عصر اليوم في قرية جباتا الخشب بريف القنيطرة الشمالي، واعتقلت شاباً."
    assert only(events_of(body))["location"] == "Jubata al-Khashab"


def test_a_name_of_several_places_takes_the_province_of_the_place_beside_it(events_of):
    body = "قالت الوكالة الوطنية إن قذائف سقطت أمس على أطراف بلدة القصر في قضاء الهرمل، ما أدى إلى إصابة مواطنين."
    assert only(events_of(body))["admin1"] == "Baalbek-Hermel"


def test_the_hospital_a_wounded_man_died_in_is_not_the_attacks_place(events_of):
    body = (
        "قُتل منتسبان في الحشد الشعبي أمس بهجوم على نقطة في قرية الزركة شرقي صلاح الدين.\n\n"
        "وأعلنت هيئة الحشد اليوم ارتفاع عدد شهداء الهجوم إلى ثلاثة، بعد وفاة أحد الجرحى في مستشفى كركوك."
    )
    assert {e["admin1"] for e in events_of(body)} == {"Salah al-Din"}


def test_the_armys_detonation_of_unexploded_ordnance_is_no_event(events_of):
    body = "نفّذ الجيش اللبناني أمس تفجيراً لذخائر غير منفجرة في خراج بلدة الخيام، داعياً المواطنين إلى عدم الاقتراب."
    assert events_of(body) == []


def test_a_namesake_abroad_yields_to_the_village_at_home(events_of):
    body = (
        "تعرّضت نقطة للجيش العراقي، ليلة أمس، إلى تعرض بالأسلحة الخفيفة في قرية الحميدية التابعة لناحية "
        "العظيم شمالي محافظة ديالى."
    )
    assert only(events_of(body))["admin1"] == "Diyala"


def test_a_digests_recap_tells_its_events_again(events_of):
    body = (
        "🔴 قُتل راعيان شقيقان عصر اليوم برصاص مسلحين في المراعي المحيطة بقرية شين.\n\n"
        "🔴 ألقى الأمن الداخلي القبض على شخصين يُشتبه بتورطهما في الجريمة خلال مداهمة في حي الوعر بمدينة حمص.\n\n"
        "📌 حصيلة اليوم في ريف حمص: مقتل راعيين في شين، وتوقيف مشتبه بهما."
    )
    assert len(events_of(body)) == 2


def test_on_this_day_last_year_is_an_anniversary(events_of):
    body = "تذكير | في مثل هذا اليوم من العام الماضي قُتل ثلاثة مدنيين بقصف إسرائيلي على أطراف مدينة البعث."
    assert events_of(body) == []


def test_a_district_named_by_a_common_word_is_a_place(events_of):
    body = "ففي قضاء المدينة شمالي محافظة البصرة، أضرم محتجون غاضبون النيران في إطارات السيارات الليلة الماضية."
    event = only(events_of(body))
    assert (event["location"], event["admin1"]) == ("Al Madinah", "Basra")


def test_where_the_victims_were_returning_from_is_not_the_place(events_of):
    body = (
        "قُتل عنصران، مساء أمس، إثر استهداف سيارتهما بطائرة مسيّرة تركية عند المدخل الشمالي لقضاء سنجار. "
        "وقالت الوحدات في بيان إن «طائرة مسيّرة تركية استهدفت سيارة رفيقينا أثناء عودتهما من جبل سنجار»."
    )
    assert [e["location"] for e in events_of(body)] == ["Sinjar"]


def test_outlaw_groups_are_not_kharga(events_of):
    body = (
        "اقتاد مسلحون ملثمون، مساء أمس، مسؤولاً بلدياً من وسط مدينة الزاوية إلى جهة مجهولة. "
        "وأكد المجلس البلدي أن «الخطف جاء على خلفية رفضه منح تراخيص»، محمّلاً «المجموعات الخارجة عن القانون» المسؤولية."
    )
    assert [e["location"] for e in events_of(body)] == ["Az Zawiyah"]


def test_the_quarter_is_the_quarter_just_told(events_of):
    body = (
        "في مدينة اللاذقية، قطع عشرات الشبان مساء أمس الطريق الرئيسي في حي الرمل الجنوبي بالإطارات المشتعلة.\n\n"
        "وكانت فتاة قد اختفت مساء الخميس، بعدما أجبرها مسلحون على الصعود إلى سيارة أثناء خروجها من معهد في الحي، "
        "واقتادوها إلى جهة مجهولة."
    )
    abductions = [e for e in events_of(body) if e["sub_event_type"] == "Abduction/forced disappearance"]
    assert [e["location"] for e in abductions] == ["Latakia Al-Raml"]


def test_where_the_wounded_were_moved_to_is_not_the_place(events_of):
    body = (
        "اندلعت اشتباكات عنيفة في بلدة أم الأرانب جنوب سبها أمس. "
        "وأقرّ البيان بسقوط جنديين خلال الاشتباكات، نُقلا إلى مدينة سبها لتلقي العلاج."
    )
    assert [e["location"] for e in events_of(body)] == ["Umm al Aranib"]
