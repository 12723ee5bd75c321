"""Which event a sentence reports when it names several: defusals, arrests made by ambush,
protests against violence, ground taken after a fight, killings during raids, "our forces" in
a group's own statement, and events told again. Each on a short article written for these tests."""

from datetime import date

import pytest
from rows import only


def test_defused_charges_are_disrupted_weapons_use(events_of):
    body = "وتمكّنت فرق الهندسة أمس من تفكيك أربع عبوات ناسفة مزروعة على طريق زراعي قرب قضاء الحويجة."
    assert only(events_of(body))["sub_event_type"] == "Disrupted weapons use"


def test_charge_that_exploded_is_still_an_ied(events_of):
    body = "انفجرت عبوة ناسفة أمس بدورية للجيش على طريق زراعي قرب قضاء الحويجة."
    assert only(events_of(body))["sub_event_type"] == "Remote explosive/landmine/IED"


def test_ambush_that_made_an_arrest_is_the_means(events_of):
    body = "ألقت قوة أمنية أمس القبض على مطلوبين اثنين في قضاء الشرقاط بعد نصب كمين محكم لهما."
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_planter_of_the_charge_is_actor1(events_of):
    body = "قُتل جنديان من الجيش العراقي أمس بانفجار عبوة ناسفة زرعها عناصر داعش على طريق في قضاء الشرقاط."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Military Forces of Iraq")


def test_protest_against_shelling_is_a_protest(events_of):
    body = "ونظّم أهالي بلدة سوران أمس وقفة احتجاجية طالبوا فيها بوقف القصف المتكرر على قراهم."
    assert only(events_of(body))["sub_event_type"] == "Peaceful protest"


def test_town_taken_after_battles_is_a_change_of_hands(events_of):
    body = "سيطرت قوات الدعم السريع أمس على مدينة بارا بعد معارك عنيفة مع الجيش السوداني."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Non-state actor overtakes territory", "Rapid Support Forces")


def test_raid_that_killed_is_an_attack_not_looting(events_of):
    body = "اقتحم مسلحون من الدعم السريع أمس قرية في محلية الحصاحيصا وقتلوا أربعة مدنيين ونهبوا المواشي."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Attack", 4)


def test_our_forces_are_the_group_that_speaks(events_of):
    body = "قالت قوات الدعم السريع في بيان إن قواتنا الباسلة سيطرت أمس على مدينة أم روابة."
    assert only(events_of(body))["actor1"] == "Rapid Support Forces"


def test_bombed_by_aircraft_is_an_air_strike(events_of):
    body = "قصف طيران الجيش أمس سوقاً شعبياً في مدينة الضعين، ما أدى إلى مقتل خمسة مدنيين."
    assert only(events_of(body))["sub_event_type"] == "Air/drone strike"


def test_downed_drone_belongs_to_actor2(events_of):
    body = "أسقطت الدفاعات الجوية للجيش السوداني أمس مسيّرة يُعتقد أنها تتبع للدعم السريع فوق مدينة كوستي."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_shelling_told_again_is_one_event(events_of):
    body = (
        "قصفت المدفعية التركية أمس أطراف ناحية بامرني في محافظة دهوك.\n\n"
        "وقال مسؤول محلي في ناحية بامرني إن القصف تسبب بحرائق في الحقول."
    )
    assert len(events_of(body)) == 1


def test_monthly_report_is_a_total(events_of):
    body = "وأفاد المرصد في تقريره الشهري بأن 12 شخصاً قُتلوا في نزاعات عشائرية بمحافظة ميسان."
    assert events_of(body) == []


def test_one_martyr_is_one_killed(events_of):
    body = "استهدفت مسيّرة إسرائيلية أمس دراجة نارية في بلدة شبعا، ما أدى إلى سقوط شهيد."
    assert only(events_of(body))["fatalities"] == 1


def test_two_written_after_the_noun(events_of):
    body = "استشهد منتسبان اثنان أمس بانفجار عبوة ناسفة في قضاء طوزخورماتو."
    assert only(events_of(body))["fatalities"] == 2


def test_opening_city_frames_the_district_struck(events_of):
    body = "وفي العاصمة صنعاء، شنّ الطيران الأمريكي أمس غارتين على مديرية بني حشيش شرق العاصمة."
    assert only(events_of(body))["location"] == "Bani Hushaysh"


def test_hedged_adjective_after_the_strike_names_a_suspect(events_of):
    body = "غارة جوية يُرجّح أنها إسرائيلية استهدفت أمس موقعاً عسكرياً قرب مدينة القنيطرة."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Military Forces of Israel", "suspected")


def test_explosions_heard_near_a_strike_are_that_strike(events_of):
    body = (
        "سُمع دوي انفجارات قوية في سماء دمشق مساء أمس.\n\n"
        "وقالت مصادر محلية إن غارات إسرائيلية استهدفت أمس مواقع عسكرية في محيط بلدة الديماس."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Air/drone strike"]


def test_fatha_before_the_ending_marks_a_dual(events_of):
    body = "قُتل مواطنَين أمس بقصف مدفعي على بلدة مريمين في ريف حلب الشمالي."
    assert only(events_of(body))["fatalities"] == 2


def test_verb_with_kaf_is_not_a_place(events_of):
    body = "كسرت قوات الجيش أمس هجوماً للمسلحين، ودارت اشتباكات عنيفة قرب مدينة دير الزور."
    assert {e["location"] for e in events_of(body)} == {"Deir ez-Zor"}


def test_fighters_who_follow_a_group_are_that_group(events_of):
    body = "قُتل عنصران من قسد أمس بهجوم شنّه مسلحون يتبعون لتنظيم داعش على حاجز في بلدة الشحيل."
    assert only(events_of(body))["actor1"] == "Islamic State"


def test_mine_left_by_a_group_is_its_doing(events_of):
    body = "لقي راعٍ مصرعه أمس بانفجار لغم من مخلّفات ميليشيا الحوثي في مديرية حيس."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", "Civilians")


def test_event_placed_by_its_headline_keeps_the_body_sentence(events_of):
    title = "هجوم حوثي على مواقع الجيش في مدينة حرض"
    body = "صدّت قوات الجيش الوطني مساء أمس هجوماً شنّته ميليشيا الحوثي على مواقعها في محافظة حجة."
    e = only(events_of(body, title=title))
    assert (e["location"], e["evidence_text"]) == ("Harad", body)


def test_the_city_after_lam_points_to_the_city_told(events_of):
    body = (
        "قصفت قوات الدعم السريع أمس أحياء مدينة الفاشر بالمدفعية.\n\n"
        "وفي المقابل، صدّت قوات الجيش اليوم هجوماً للدعم السريع على المحور الشرقي للمدينة."
    )
    assert {e["sub_event_type"] for e in events_of(body)} == {"Shelling/artillery/missile attack", "Armed clash"}


def test_shots_at_protesters_are_excessive_force(events_of):
    body = "أطلق جنود الاحتلال أمس النار على المحتجين عند مدخل بلدة حولا."
    assert only(events_of(body))["sub_event_type"] == "Excessive force against protesters"


def test_drone_belonging_to_a_group_is_its_strike(events_of):
    body = "استهدفت مسيّرة انتحارية تابعة للدعم السريع أمس مستشفى في مدينة الأبيض."
    assert only(events_of(body))["actor1"] == "Rapid Support Forces"


def test_a_town_does_not_frame_the_district_named_later(events_of):
    body = "وفي بلدة الخيام، فجّر الجيش الإسرائيلي أمس عدداً من المنازل، وسُمع دوي الانفجارات في أرجاء قضاء مرجعيون."
    assert only(events_of(body))["location"] == "Khiam"


def test_toll_told_during_the_clashes_joins_them(events_of):
    body = (
        "اندلعت أمس اشتباكات عنيفة بين مجموعتين مسلحتين في حي الأندلس بمدينة طرابلس.\n\n"
        "وأعلن مركز الطب الميداني وفاة ثلاثة أشخاص خلال الاشتباكات، بحسب بيان صدر أمس."
    )
    assert [(e["sub_event_type"], e["fatalities"]) for e in events_of(body)] == [("Armed clash", 3)]


def test_clashes_that_spread_are_a_new_event(events_of):
    body = (
        "اندلعت أمس اشتباكات عنيفة بين مجموعتين مسلحتين في منطقة الفرناج بطرابلس.\n\n"
        "وامتدت الاشتباكات لاحقاً إلى منطقة عين زارة."
    )
    assert len(events_of(body)) == 2


def test_a_forces_artillery_is_not_a_reference_back(events_of):
    body = (
        "قصفت المدفعية الإسرائيلية أمس أطراف بلدة كفركلا.\n\n"
        "كما استهدفت المدفعية الإسرائيلية أمس وادي حامول قرب بلدة الناقورة."
    )
    assert len(events_of(body)) == 2


def test_years_in_hiding_do_not_make_an_arrest_a_habit(events_of):
    body = "ألقت مفارز الاستخبارات أمس القبض على مطلوب في قضاء الشرقاط، كان متوارياً عن الأنظار منذ سنوات، بكمين محكم."
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_habit_next_to_the_event_word_is_no_event(events_of):
    assert events_of("وتتعرض بلدة كفرنبل بين حين وآخر لقصف مدفعي من قوات النظام.") == []


def test_gunmen_believed_to_be_a_group_are_that_group(events_of):
    body = "اختطف مسلحون يُعتقد أنهم من عناصر داعش أمس راعيين في ناحية آمرلي."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"], e["actor2"]) == ("Islamic State", "suspected", "Civilians")


def test_former_member_killed_is_a_civilian(events_of):
    body = "لقي القيادي السابق في فصائل المعارضة حتفه أمس بطلقات نارية أطلقها عليه مسلحون مجهولون في مدينة إنخل."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Attack", "Unidentified armed group")


def test_drug_arrests_are_not_political(events_of):
    body = "ألقت الشرطة أمس القبض على أربعة متهمين وضبطت 10 كيلوغرامات من الحبوب المخدرة في قضاء الزبير."
    assert events_of(body) == []


def test_a_headline_on_a_death_sentence_is_not_the_bombing(events_of):
    assert events_of("الإعدام لمدان بتفجير سوق في حي الكرادة ببغداد") == []
    assert events_of("الإعدام لإرهابي شارك في تفجير سوق الكرادة.. ووزير الداخلية يزور الأنبار") == []


def test_crowds_marking_an_anniversary_are_not_a_protest(events_of):
    body = "احتشد آلاف السوريين مساء أمس في ساحة الأمويين بدمشق إحياءً للذكرى الأولى لسقوط النظام."
    assert events_of(body) == []


def test_a_fight_over_a_road_accident_is_still_a_fight(events_of):
    body = "أُصيب أربعة أشخاص بجروح في نزاع عشائري اندلع مساء أمس في ناحية الكحلاء، على خلفية حادث سير."
    assert only(events_of(body))["sub_event_type"] == "Armed clash"


def test_shells_seized_in_a_sweep_are_the_arrest_s_not_an_attack(events_of):
    body = (
        "شنّت دوريات الأمن العام أمس حملة تمشيط في أحياء مدينة تلكلخ، أسفرت عن توقيف تسعة أشخاص "
        "ومصادرة أسلحة فردية وقذائف «آر بي جي»."
    )
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_court_verdict_is_not_an_event(events_of):
    body = "أصدرت محكمة جنايات الخرطوم أمس أحكاماً بالإعدام بحق ثلاثة متهمين بالتعاون مع الدعم السريع."
    assert events_of(body) == []


def test_unclaimed_killing_told_again_is_no_new_event(events_of):
    body = (
        "اغتال مسلحون مجهولون أمس شاباً في مدينة جاسم.\n\n"
        "ولم تتبنَّ أي جهة عملية الاغتيال، في حين يتهم ناشطون خلايا مرتبطة بالأجهزة الأمنية بالوقوف وراءها."
    )
    assert len(events_of(body)) == 1


def test_second_strike_takes_the_perpetrator_of_the_first(events_of):
    body = (
        "شنّت طائرات إسرائيلية مساء أمس غارات على مواقع في محيط بلدة جمرايا.\n\n"
        "وأفاد مراسلنا بأن غارة ثانية استهدفت مساء أمس أطراف ضاحية قدسيا."
    )
    assert {e["actor1"] for e in events_of(body)} == {"Military Forces of Israel"}


def test_air_defence_answering_a_raid_is_part_of_it(events_of):
    body = (
        "شنّت طائرات إسرائيلية مساء أمس غارات على مواقع في محيط بلدة جمرايا.\n\n"
        "وتصدّت وسائط الدفاع الجوي مساء أمس لأهداف معادية في أجواء ريف دمشق."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Air/drone strike"]


def test_a_source_before_a_colon_does_not_hide_the_actor(events_of):
    body = "مصدر عسكري: العدو الإسرائيلي نفّذ أمس عدواناً جوياً مستهدفاً نقاطاً في محيط بلدة قدسيا."
    assert only(events_of(body))["actor1"] == "Military Forces of Israel"


def test_statement_signed_by_a_group_speaks_for_it(events_of):
    body = (
        "تمكّنت قواتنا الباسلة أمس من دحر هجوم شنّته مليشيات البرهان على مواقعنا في مدينة أم كدادة.\n\n"
        "الناطق الرسمي باسم قوات الدعم السريع"
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_made_in_turkey_is_not_flown_by_turkey(events_of):
    body = "أسقطت المضادات الأرضية للجيش السوداني أمس مسيّرة تركية الصنع فوق مدينة مليط."
    assert only(events_of(body))["actor1"] == "Military Forces of Sudan"


def test_a_woman_and_her_child_are_two(events_of):
    body = "قُتلت امرأة وطفلها أمس جراء قصف صاروخي لقوات النظام على بلدة أبزمو."
    e = only(events_of(body))
    assert (e["fatalities"], e["actor1"]) == (2, "Military Forces of Syria")


def test_countryside_frame_gives_way_to_the_village_struck(events_of):
    body = "وفي ريف منبج شرقي حلب، قُتل عنصران من قسد أمس باستهداف مسيّرة تركية سيارة عسكرية قرب بلدة أبو قلقل."
    assert only(events_of(body))["location"] == "Abu Qalqal"


def test_front_named_for_a_province_frames_the_sector(events_of):
    body = "وفي جبهة الضالع، كسرت قوات الجيش الوطني أمس زحفاً للحوثيين باتجاه مواقعها في قطاع الفاخر بمديرية قعطبة."
    e = only(events_of(body))
    assert (e["location"], e["actor1"]) == ("Al-Fakhir", "Ansar Allah (Houthis)")


def test_a_claimed_rocket_attack_near_a_strike_is_no_echo(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية أمس دراجة نارية في مدينة بنت جبيل.\n\n"
        "وأعلنت المقاومة الإسلامية في لبنان أن مقاتليها استهدفوا أمس تجمعاً لجنود الاحتلال في محيط موقع المطلة "
        "بالأسلحة الصاروخية."
    )
    assert {e["location"] for e in events_of(body)} == {"Bent Jbail", "Metula"}


def test_protesters_attacking_trucks_riot(events_of):
    body = "هاجم محتجون غاضبون أمس شاحنات تركية على الطريق المؤدي إلى معبر باب السلامة قرب مدينة أعزاز."
    assert only(events_of(body))["sub_event_type"] == "Violent demonstration"


def test_the_second_strike_is_another_event(events_of):
    body = (
        "استهدفت غارة إسرائيلية أمس مبنى في منطقة السيدة زينب جنوبي دمشق.\n\n"
        "وقالت مصادر محلية إن الغارة الثانية استهدفت أمس مستودعات داخل مطار الضمير العسكري."
    )
    assert len(events_of(body)) == 2


def test_killed_by_the_fire_of_an_army_is_an_attack(events_of):
    body = "استُشهد مواطن اليوم بنيران جيش العدو السعودي في منطقة الغور بمديرية منبه الحدودية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Attack", "Military Forces of Saudi Arabia")


def test_a_denied_report_is_no_event(events_of):
    assert events_of("خلية الإعلام الأمني: لا صحة للأنباء عن سقوط صواريخ أمس في محيط مطار بغداد الدولي.") == []


def test_hometown_of_the_fighters_is_not_where_they_fought(events_of):
    body = "اندلعت اشتباكات أمس بين قوة حكومية ومسلحين من أبناء مدينة زوارة عند منفذ رأس اجدير الحدودي."
    assert only(events_of(body))["location"] == "Ras Ajdir Crossing"


def test_the_victims_village_is_where_they_were_killed(events_of):
    body = "أقدم مسلحون مجهولون مساء أمس على قتل شقيقين من أبناء قرية المنصورة بإطلاق النار عليهما في ريف حلب."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["location"]) == ("Attack", "Civilians", "Al Mansurah")


def test_a_toll_over_two_named_provinces_is_no_event(events_of):
    body = "وارتفع عدد عناصر الجيش الذين قُتلوا في هجمات مماثلة بمحافظتي حمص وحماة منذ مطلع الشهر الجاري إلى 11 عنصراً."
    assert events_of(body) == []


def test_blowing_up_a_found_arms_depot_disrupts_weapons_use(events_of):
    body = (
        "فجّرت وحدة الهندسة التابعة للأمن العام اليوم مستودع ذخائر عُثر عليه داخل مزرعة قرب مدينة نوى، "
        "كان يحوي قذائف هاون من مخلفات قوات النظام."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Disrupted weapons use", "Police Forces of Syria", None)


def test_headquarters_handed_over_and_the_deal_behind_it(events_of):
    body = (
        "دخلت وحدات من وزارة الدفاع السورية اليوم إلى مدينة بصرى الشام، وتسلّمت المقرات التي كان يشغلها "
        "اللواء الثامن. وجاء ذلك تنفيذاً لاتفاق أُبرم مساء أمس بين قيادة «اللواء الثامن» ووزارة الدفاع."
    )
    got = {(e["sub_event_type"], e["location"]) for e in events_of(body)}
    assert got == {("Non-violent transfer of territory", "Busra ash Sham"), ("Agreement", "Busra ash Sham")}


def test_a_road_between_two_towns_is_one_place(events_of):
    body = "اغتال مسلحون مجهولون أمس رئيس بلدية جاسم بعد استهداف سيارته بالرصاص على الطريق الواصل بين جاسم وإنخل."
    assert only(events_of(body))["location"] == "Jasim"


def test_a_second_clause_of_another_kind_at_its_own_place_is_a_second_event(events_of):
    body = (
        "اندلع صباح اليوم نزاع بين عشيرتين في ناحية سيد دخيل أسفر عن إصابة ثلاثة أشخاص بجروح، فيما أقدم "
        "مسلحون من إحدى العشائر على إحراق منزل بقضاء الرفاعي دون وقوع إصابات."
    )
    got = {(e["sub_event_type"], e["actor1"], e["actor2"], e["location"], e["fatalities"]) for e in events_of(body)}
    assert got == {
        ("Armed clash", "Tribal militia", "Tribal militia", "Sayyid Dakhil", 0),
        ("Looting/property destruction", "Tribal militia", "Civilians", "Ar Rifai", 0),
    }


def test_grenades_seized_in_an_arrest_are_the_arrests(events_of):
    body = "اعتقلت قوة من الشرطة أمس تسعة من المتورطين في إطلاق النار في قضاء الكحلاء، وضبطت بحوزتهم رمانات يدوية."
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_farmland_bulldozed_by_an_occupying_army_is_property_destruction_of_civilians(events_of):
    body = (
        "استهدفت مدفعية الاحتلال أمس أطراف بلدة معرية بريف درعا الغربي بخمس قذائف، بالتزامن مع تجريف "
        "جرافات عسكرية إسرائيلية أراضيَ زراعية قرب قرية كودنة."
    )
    got = {(e["sub_event_type"], e["actor1"], e["actor2"], e["location"]) for e in events_of(body)}
    assert got == {
        ("Shelling/artillery/missile attack", "Military Forces of Israel", None, "Maariyah"),
        ("Looting/property destruction", "Military Forces of Israel", "Civilians", "Al-Kudnah"),
    }


def test_a_riot_and_a_later_sit_in_the_same_day_are_two_protests(events_of):
    body = (
        "أغلق شبان غاضبون صباح اليوم الطريق الساحلي عند مدخل مدينة الزاوية بالإطارات المشتعلة، وأضرموا النار "
        "في كشك البوابة الأمنية. وفي وقت لاحق، نظّم العشرات من أهالي المدينة وقفة احتجاجية سلمية أمام مقر "
        "المجلس البلدي في الزاوية، رفعوا خلالها لافتات تطالب بـ«محاسبة قتلة الطفلة»."
    )
    got = sorted(e["sub_event_type"] for e in events_of(body))
    assert got == ["Peaceful protest", "Violent demonstration"]


def test_abu_in_a_place_name_takes_its_case(events_of):
    body = "انفجرت عبوة ناسفة مساء أمس على عجلة للجيش العراقي في بساتين ناحية أبي صيدا بمحافظة ديالى."
    assert only(events_of(body))["location"] == "Abu Saida"


def test_the_dam_is_the_dam_just_named(events_of):
    body = (
        "قُتل خمسة مدنيين أمس جراء استهداف طائرة مسيّرة تركية قافلة مدنية متجهة إلى سد تشرين جنوب شرقي منبج. "
        "وتزامن ذلك مع اشتباكات عنيفة بين فصائل الجيش الوطني السوري وقسد على محاور محيط السد."
    )
    got = {(e["sub_event_type"], e["location"]) for e in events_of(body)}
    assert ("Armed clash", "Tishrin Dam") in got


def test_the_same_area_is_the_place_just_told(events_of):
    body = (
        "قُتل جنديان أمس بقصف مدفعي حوثي على مواقع الجيش في منطقة المشجح غربي مأرب. وقال مصدر عسكري إن "
        "مدفعية الجيش ردّت على مصادر النيران ودكّت مواقع المليشيا في المنطقة ذاتها."
    )
    assert {e["location"] for e in events_of(body)} == {"Al-Mashjah"}
    assert len(events_of(body)) == 2


def test_the_month_a_hold_began_does_not_date_its_end(events_of):
    body = (
        "أعلنت القوات المسلحة السودانية، أمس السبت، استعادة السيطرة الكاملة على مصفاة الجيلي للنفط شمالي "
        "الخرطوم بحري، بعد معارك مع قوات الدعم السريع التي كانت تسيطر على المصفاة منذ الأسابيع الأولى "
        "للحرب في أبريل 2023."
    )
    e = only(events_of(body, published="2025-01-26T09:00:00+03:00"))
    assert (e["sub_event_type"], e["event_date"]) == ("Government regains territory", date(2025, 1, 25))


def test_what_followed_later_that_day_happened_there(events_of):
    body = (
        "خرج العشرات من أهالي مدينة درنة ظهر اليوم في وقفة احتجاجية أمام مسجد الصحابة. وأفاد شهود عيان بأن "
        "عناصر من الشرطة اعتقلوا، في وقت لاحق من اليوم، ثلاثة من منظمي الوقفة."
    )
    got = {(e["sub_event_type"], e["location"]) for e in events_of(body)}
    assert got == {("Peaceful protest", "Darnah"), ("Arrests", "Darnah")}


def test_a_sniper_killing_answered_with_mortars_is_a_clash_first(events_of):
    body = (
        "قُتل عنصر من قوات النظام أمس برصاص قناص من «هيئة تحرير الشام» على محور تلة كباني في جبل الأكراد، "
        "وردّت قوات النظام بقذائف الهاون على محيط المنطقة."
    )
    got = [(e["sub_event_type"], e["actor1"], e["fatalities"]) for e in events_of(body)]
    assert ("Armed clash", "Hayat Tahrir al-Sham", 1) in got


def test_where_the_missiles_came_from_is_not_the_target(events_of):
    body = (
        "نفّذ العدو الإسرائيلي فجر اليوم عدواناً جوياً بالصواريخ من اتجاه البحر المتوسط غرب اللاذقية، "
        "مستهدفاً مطار حلب الدولي."
    )
    assert {e["location"] for e in events_of(body)} == {"Aleppo International Airport"}


def test_an_air_operation_is_an_air_strike(events_of):
    body = (
        "قالت وزارة الدفاع التركية إن قواتها رصدت أمس ثلاثة من عناصر «بي كا كا» في منطقة متينا، "
        "وجرى تحييدهم بعملية جوية."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"]) == ("Air/drone strike", "Metina")


def test_fire_they_were_preparing_is_no_event(events_of):
    body = "قال الجيش الإسرائيلي إن مقاتلَين من حزب الله كانا يستعدان لإطلاق قذائف مضادة للدروع من منطقة عيتا الشعب."
    assert events_of(body) == []


def test_a_drone_that_was_downed_is_an_interception(events_of):
    body = (
        "قال مسؤول كردي إن طائرة مسيّرة أُسقطت فجر اليوم بواسطة الدفاعات الجوية الأميركية قبل بلوغها قاعدة حرير الجوية."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Disrupted weapons use", "Military Forces of the United States")


def test_a_new_act_condemned_with_its_day_is_news(events_of):
    body = (
        "أدان المجلس البلدي تاجوراء في بيان اختطاف أحد أعضائه على يد مسلحين مجهولين أثناء خروجه من أحد "
        "المساجد مساء الثلاثاء، مطالباً الأجهزة الأمنية بالكشف عن مصيره."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["location"]) == (
        "Abduction/forced disappearance",
        "Civilians",
        "Tajura'",
    )


def test_a_condemned_attack_told_before_is_no_new_event(events_of):
    body = (
        "قُتل ثلاثة مدنيين أمس بقصف مدفعي على بلدة البارة في ريف إدلب. وأدانت منظمة حقوقية القصف ووصفته بأنه جريمة حرب."
    )
    assert len(events_of(body)) == 1


def test_a_counted_crowd_acting_is_a_protest(events_of):
    body = "أغلق عشرات المحتجين اليوم مقر الفرقة الحزبية لحزب البعث في بلدة عريقة بالسلاسل الحديدية."
    assert only(events_of(body))["sub_event_type"] == "Peaceful protest"


def test_a_crowd_the_police_dispersed_is_a_protest_with_intervention(events_of):
    body = "وصل آلاف المحتجين اليوم إلى محيط القصر الجمهوري في الخرطوم قبل أن تفرّقهم الشرطة بعبوات الغاز المسيل للدموع."
    assert only(events_of(body))["sub_event_type"] == "Protest with intervention"


def test_shells_falling_during_a_street_fight_are_the_fights(events_of):
    body = (
        "اندلعت اشتباكات عنيفة ليل أمس بين جهاز الردع واللواء 444 قتال في منطقة السبعة جنوب طرابلس. "
        "وقال أحد السكان إن قذائف سقطت على عدد من المنازل في حي عرادة خلال الليل."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Armed clash"]


def test_civilians_killed_in_a_fight_are_its_toll_not_a_second_fight(events_of):
    body = (
        "اندلعت اشتباكات عنيفة مساء الأربعاء بين جهاز الردع واللواء 444 قتال في منطقة النوفليين شرقي طرابلس. "
        "وأعلن مركز طب الطوارئ التابع لوزارة الصحة في حكومة الوحدة الوطنية ارتفاع حصيلة الاشتباكات "
        "إلى تسعة قتلى، بينهم مدنيان."
    )
    assert [(e["sub_event_type"], e["fatalities"]) for e in events_of(body)] == [("Armed clash", 9)]


def test_a_de_facto_authoritys_sweep_of_abductions_is_arrests(events_of):
    body = "أفادت مصادر حقوقية بأن المليشيا الحوثية شنت، أمس، حملة اختطافات طالت 14 مواطناً في مدينة العدين بمحافظة إب."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Ansar Allah (Houthis)")


def test_a_death_sentence_carried_out_is_no_event(events_of):
    assert events_of("تنفيذ حكم الإعدام شنقاً أمس بمدانَين بتفجير سوق الوحيلات في مدينة الصدر.") == []


def test_an_army_deploying_after_the_enemy_withdrew_takes_over_the_town(events_of):
    body = "انتشرت وحدات من الجيش اللبناني بعد ظهر اليوم في بلدة يارون، بعد انسحاب قوات العدو الإسرائيلي منها."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Non-violent transfer of territory",
        "Military Forces of Lebanon",
        "Military Forces of Israel",
    )


def test_who_has_held_a_town_since_a_withdrawal_is_no_news(events_of):
    body = "وتخضع ود مدني لسيطرة الدعم السريع منذ الثامن عشر من ديسمبر، بعد انسحاب قوات الجيش منها."
    assert events_of(body, published="2023-12-28T09:00:00+03:00") == []


def test_fire_opened_with_its_day_in_between(events_of):
    body = (
        "وكانت قوة إسرائيلية قد أطلقت النار، الاثنين الماضي، على مجموعة من الأهالي حاولوا دخول بلدة "
        "كفركلا الحدودية، ما أدى إلى إصابة ثلاثة منهم."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Military Forces of Israel", "Civilians")


def test_drones_and_artillery_supporting_an_attack_do_not_type_it(events_of):
    body = (
        "أعلنت قوات سوريا الديمقراطية أن مقاتليها تصدّوا فجر اليوم لهجوم واسع شنّه مرتزقة الاحتلال التركي، "
        "بإسناد من المسيّرات والمدفعية، على قرية قره قوزاق جنوب شرقي منبج."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Syrian National Army",
        "Syrian Democratic Forces",
    )


def test_settlers_who_burned_houses_destroyed_property(events_of):
    body = "أحرق مستوطنون إسرائيليون، فجر اليوم، منزلين وثلاث مركبات في بلدة ترمسعيا شمال شرق رام الله."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Looting/property destruction",
        "Settlers (Israel)",
        "Civilians",
    )


def test_protesters_who_burned_tyres_rioted(events_of):
    body = "تظاهر العشرات أمام مبنى محافظة البصرة اليوم للمطالبة بإقالة المحافظ، وأحرقوا إطارات السيارات."
    assert only(events_of(body))["sub_event_type"] == "Violent demonstration"


def test_the_army_took_back_with_its_name_between(events_of):
    body = "استعاد الجيش السوداني أمس السيطرة على مدينة ود مدني عاصمة ولاية الجزيرة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["location"]) == (
        "Government regains territory",
        "Military Forces of Sudan",
        "Wad Medani",
    )


def test_regaining_the_initiative_is_no_ground_taken(events_of):
    body = "قال مصدر عسكري إن القوات استعادت زمام المبادرة في محور تعز أمس وأجبرت المهاجمين على الفرار."
    assert [e["sub_event_type"] for e in events_of(body)] != ["Government regains territory"]


def test_a_rising_number_of_dead_is_no_act(events_of):
    body = "وقال المرصد إن الغارات أصابت مستودعات قرب الكسوة أمس، ورجّح ارتفاع عدد القتلى بسبب وجود إصابات خطرة."
    assert {e["sub_event_type"] for e in events_of(body)} <= {"Air/drone strike"}


def test_where_attackers_fled_to_is_not_the_place(events_of):
    body = "هاجم مسلحون من داعش أمس نقطة للجيش في ناحية الرشاد، قبل أن ينسحبوا باتجاه وادي الشاي."
    assert {e["location"] for e in events_of(body)} == {"Al-Rashad"}


def test_road_between_two_towns_is_one_place(events_of):
    body = "استهدفت مسيّرة انتحارية أمس سيارة مدنية على الطريق الواصل بين بلدتي محمبل وأورم الجوز."
    assert [e["location"] for e in events_of(body)] == ["Muhambal"]


def test_houses_blown_up_in_a_second_clause_are_a_second_event(events_of):
    body = (
        "قصفت المدفعية الإسرائيلية أمس أطراف بلدة العديسة، فيما عمدت قوة إسرائيلية إلى تفجير عدد من المنازل "
        "في الحي الجنوبي لبلدة كفركلا."
    )
    assert {e["sub_event_type"] for e in events_of(body)} == {
        "Shelling/artillery/missile attack",
        "Looting/property destruction",
    }


def test_a_funeral_is_not_the_killing_again(events_of):
    body = "وشيّع أهالي بلدة طفس أمس الشاب الذي قُتل برصاص مجهولين قبل يومين."
    assert events_of(body) == []


def test_detail_naming_no_side_a_village_away_is_the_same_fight(events_of):
    body = (
        "أعلنت هيئة تحرير الشام أمس مقتل خمسة عناصر من قوات النظام بعملية انغماسية قرب مدينة كفرنبل. "
        "وتسلّل المقاتلون إلى النقطة الواقعة على محور الفطيرة واشتبكوا مع عناصرها من مسافة قريبة."
    )
    assert only(events_of(body))["sub_event_type"] == "Armed clash"


def test_a_second_strike_nearby_is_another_event(events_of):
    body = (
        "شنّت طائرات إسرائيلية فجر اليوم غارة على موقع عسكري في منطقة جمرايا قرب دمشق. "
        "وقال مراسلنا إن غارة ثانية استهدفت أطراف ضاحية قدسيا."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Jamraya", "Qudsaya Suburb"]


def test_a_death_sentence_is_not_a_killing(events_of):
    assert events_of("أصدرت محكمة في نينوى أمس حكماً يقضي بإعدام مدان بتفجير سوق شعبي.") == []


def test_warplanes_that_raided_a_house_are_an_air_strike(events_of):
    body = "أغار الطيران الحربي الإسرائيلي أمس على منزل في بلدة عيتا الشعب جنوب لبنان دون إصابات."
    assert only(events_of(body))["sub_event_type"] == "Air/drone strike"


def test_drones_named_as_the_means_make_shelling_an_air_strike(events_of):
    body = "قصف الجيش الوطني الليبي أمس بالطيران المسيّر مواقع لمجموعات مسلحة في منطقة أوباري."
    assert only(events_of(body))["sub_event_type"] == "Air/drone strike"


def test_shelling_in_a_second_clause_is_placed_at_its_own_town(events_of):
    body = "شنّ الطيران الحربي الإسرائيلي أمس غارتين على وادي السلوقي، فيما تعرّضت أطراف بلدة حولا لقصف مدفعي."
    places = {(e["sub_event_type"], e["location"]) for e in events_of(body)}
    assert places == {("Air/drone strike", "Wadi Saluki"), ("Shelling/artillery/missile attack", "Houla")}


def test_a_campaign_of_recent_days_is_not_an_event(events_of):
    body = "وأفاد مصدر عسكري بأن الميليشيا صعّدت خلال الأيام الماضية من قصفها على القرى في جبهة مريس."
    assert events_of(body) == []


def test_the_city_told_first_and_its_camp_told_next_are_one_shelling(events_of):
    body = (
        "واصلت قوات الدعم السريع أمس قصفها المدفعي على أحياء مدينة الفاشر. "
        "وقالت لجان المقاومة إن خمسة مدنيين قُتلوا أمس جراء قذائف أطلقتها قوات الدعم السريع على مخيم أبو شوك."
    )
    e = only(events_of(body))
    assert (e["location"], e["fatalities"]) == ("Abu Shouk Camp", 5)


def test_protesters_dispersed_while_storming_is_a_protest_with_intervention(events_of):
    body = "فرّقت قوات الأمن أمس بالغاز المسيل للدموع محتجين حاولوا اقتحام مبنى مجلس محافظة ذي قار."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Protest with intervention", "Protesters")


def test_stones_thrown_at_police_make_a_riot(events_of):
    body = "اندلعت مواجهات أمس بين محتجين وقوات الأمن في مدينة الكوت، رشق خلالها المحتجون عناصر الأمن بالحجارة."
    assert only(events_of(body))["sub_event_type"] == "Violent demonstration"


def test_a_protest_against_an_assassination_has_no_toll(events_of):
    body = "خرج المئات أمس في تظاهرة بمدينة تعز تنديداً باغتيال مسؤول الإغاثة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Peaceful protest", None)


def test_students_raising_banners_are_protesting(events_of):
    body = "تجمّع عشرات الطلاب أمس في جامعة الخرطوم رافعين لافتات تطالب بوقف الحرب."
    assert only(events_of(body))["sub_event_type"] == "Peaceful protest"


def test_a_new_military_post_is_a_base_established(events_of):
    body = "أعلنت هيئة تحرير الشام أمس إنشاء نقطة عسكرية جديدة في قرية الزيارة بسهل الغاب."
    assert only(events_of(body))["sub_event_type"] == "Headquarters or base established"


def test_a_family_quarrel_is_not_political_violence(events_of):
    assert events_of("قُتل شاب أمس على يد شقيقه إثر خلاف عائلي في بلدة الكرك الشرقي.") == []


def test_a_tribal_brawl_is_fought_between_tribesmen(events_of):
    body = "قُتل خمسة أشخاص أمس في شجار عشائري استُخدمت فيه الأسلحة النارية في قضاء القرنة شمال البصرة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Armed clash", "Tribal militia", "Tribal militia")


def test_a_smuggling_gang_caught_is_crime_not_politics(events_of):
    assert events_of("أعلنت الكتيبة 444 قتال أمس القبض على عصابة لتهريب البشر في مدينة بني وليد.") == []


def test_a_body_found_in_a_second_clause_is_a_second_killing_with_its_own_toll(events_of):
    body = "ففي درعا، قُتل شاب أمس برصاص مسلحين مجهولين في بلدة المزيريب، كما عُثر على جثة رجل مقتولاً في بلدة الحراك."
    rows = sorted((e["location"], e["fatalities"]) for e in events_of(body))
    assert rows == [("Al Hirak", 1), ("Al Muzayrib", 1)]


def test_shelling_in_lebanon_does_not_take_hezbollahs_name_from_a_strike_in_israel(events_of):
    body = "سقطت قذائف مدفعية أمس على أطراف بلدة الخيام. وفي المقابل، أعلن حزب الله أنه استهدف ثكنة برانيت بصاروخين."
    khiam = only([e for e in events_of(body) if e["location"] == "Khiam"])
    assert khiam["actor1"] is None


def test_an_accusation_of_breaking_a_truce_is_not_an_agreement(events_of):
    body = "وتشهد خطوط التماس في جبل الزاوية تصعيداً في ظل تبادل الاتهامات بخرق اتفاق وقف إطلاق النار."
    assert events_of(body) == []


def test_almost_daily_shelling_is_habitual(events_of):
    assert events_of("وتتعرض بلدات جبل الزاوية لقصف شبه يومي من قوات النظام.") == []


def test_a_condemnation_is_not_the_attack(events_of):
    assert events_of("وأدانت وزارة الخارجية أمس استهداف المدنيين في مدينة الفاشر، معتبرة ذلك جريمة حرب.") == []


def test_a_town_among_the_most_hit_is_background(events_of):
    assert events_of("وتعد مدينة تلعفر من أكثر المناطق التي شهدت عمليات اغتيال خلال العام الجاري.") == []


def test_an_illegal_entry_arrest_is_not_political(events_of):
    body = "أعلن الجيش اللبناني أمس توقيف مواطن سوري في بلدة عرسال لتجوله داخل الأراضي اللبنانية بطريقة غير شرعية."
    assert events_of(body) == []


def test_each_clause_of_a_split_sentence_has_its_own_event_sides_and_toll(events_of):
    body = "قُتل جنديان أمس في هجوم على نقطة عسكرية في بلدة الحراك، فيما أُصيب ثلاثة مدنيين بقصف على بلدة ناحتة."
    rows = sorted(
        (e["location"], e["sub_event_type"], e["actor2"], e["fatalities"], e["injuries"]) for e in events_of(body)
    )
    assert rows == [
        ("Al Hirak", "Armed clash", "Unidentified armed group", 2, None),
        ("Nahtah", "Shelling/artillery/missile attack", "Civilians", 0, 3),
    ]


def test_a_body_found_bound_is_a_killing(events_of):
    body = "عُثر أمس على جثة ناشط مدني مقيّد اليدين في منطقة وادي الربيع جنوب طرابلس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Attack", "Civilians", 1)


def test_gunmen_who_wounded_two_guards_fought_them(events_of):
    body = "هاجم مسلحون مجهولون أمس بوابة أمنية في منطقة ورشفانة، ما أدى إلى إصابة عنصرين."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["injuries"]) == ("Armed clash", 2)


def test_charges_seized_in_a_hideout_are_disrupted(events_of):
    body = "ضبطت قوة من الحشد الشعبي أمس مضافة لداعش تحتوي على عبوات ناسفة معدّة للتفجير في محيط ناحية الرياض."
    assert only(events_of(body))["sub_event_type"] == "Disrupted weapons use"


def test_a_promise_to_keep_striking_is_not_a_strike(events_of):
    body = "وأكد متحدث القوات المسلحة اليمنية أن القوات المسلحة ستواصل استهداف السفن قبالة رأس عيسى."
    assert events_of(body) == []


def test_a_report_of_deaths_from_mines_over_a_year_is_a_statistic(events_of):
    body = "ذكر تقرير لمنظمة حقوقية أن الألغام قتلت 38 مدنياً في محافظتي تعز والحديدة خلال العام."
    assert events_of(body) == []


def test_strikes_a_month_before_are_background(events_of):
    body = "ويأتي هذا العدوان بعد أقل من شهر على استهداف مطاري دمشق وحلب الدوليين بصواريخ إسرائيلية."
    assert events_of(body) == []


def test_a_second_charge_in_a_second_clause_is_a_second_ied(events_of):
    body = (
        "أفاد مصدر أمني أمس بأن عبوة ناسفة انفجرت على دورية للجيش العراقي قرب قضاء بيجي، "
        "فيما انفجرت عبوة ثانية بعد ساعتين بسيارة مدنية جنوبي قضاء سامراء، ما أسفر عن مقتل مدني."
    )
    rows = sorted((e["location"], e["sub_event_type"], e["actor2"], e["fatalities"]) for e in events_of(body))
    assert rows == [
        ("Bayji", "Remote explosive/landmine/IED", "Military Forces of Iraq", None),
        ("Samarra'", "Remote explosive/landmine/IED", "Civilians", 1),
    ]


def test_explosions_heard_over_the_province_echo_the_strike_on_its_town(events_of):
    body = (
        "نفّذ العدو الإسرائيلي أمس عدواناً جوياً على محيط مدينة قطنا. "
        "وأفاد مراسلنا بسماع دوي انفجارات قوية في أجواء ريف دمشق الغربي."
    )
    assert only(events_of(body))["location"] == "Qatana"


def test_the_date_of_a_clashs_cause_is_not_the_clashs(events_of):
    body = (
        "تجدّدت الاشتباكات أمس بين مجموعتين مسلحتين في منطقة جودائم بالزاوية. "
        "وأفاد شهود بأن الاشتباكات اندلعت على خلفية مقتل أحد عناصر إحدى المجموعتين الأسبوع الماضي."
    )
    assert [e["event_date"].isoformat() for e in events_of(body)] == ["2024-03-06"]


def test_a_mourning_announcement_is_not_a_clash(events_of):
    body = "وأعلن المجلس البلدي الزاوية أمس الحداد ثلاثة أيام وتعليق الدراسة في المدارس القريبة من مناطق الاشتباك."
    assert events_of(body) == []


def test_a_breaking_ticker_and_the_dated_details_are_one_strike(events_of):
    body = (
        "عاجل | مصدر عسكري: العدو الإسرائيلي ينفّذ عدواناً جوياً على محيط مدينة قطنا.\n\n"
        "وقال مصدر عسكري إنه حوالي الساعة 11:35 من مساء أمس نفّذ العدو الإسرائيلي عدواناً جوياً على محيط مدينة قطنا."
    )
    assert only(events_of(body))["event_date"].isoformat() == "2024-03-06"


def test_a_cluster_bomblet_left_by_shelling_is_an_explosive_remnant(events_of):
    body = "أُصيب طفلان أمس بانفجار قنبلة عنقودية من مخلفات القصف في بلدة كفرنبل."
    assert only(events_of(body))["sub_event_type"] == "Remote explosive/landmine/IED"


def test_killed_at_the_hands_of_gunmen_is_an_attack(events_of):
    body = "لقي ثلاثة مدنيين مصرعهم أمس على يد مسلحين مجهولين قرب مدينة تدمر."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["fatalities"]) == ("Attack", "Unidentified armed group", 3)


def test_a_mass_march_is_a_protest_not_a_drone(events_of):
    body = "خرجت مسيرة حاشدة أمس في مدينة صعدة تنديداً بالعدوان الأمريكي على اليمن."
    assert only(events_of(body))["sub_event_type"] == "Peaceful protest"


def test_a_sit_in_broken_up_by_force_is_a_protest_with_intervention(events_of):
    body = "فرّقت قوات الأمن أمس اعتصاماً لعمال النفط في حقل الرميلة بالقوة."
    assert only(events_of(body))["sub_event_type"] == "Protest with intervention"


@pytest.mark.parametrize(
    "body",
    [
        "قُتل شاب أمس برصاص خلال حفل زفاف في بلدة الصنمين.",
        "قُتل شخص أمس خلال عملية سطو مسلح على محل صرافة في مدينة الحسكة.",
        "قُتل شاب أمس بطعنة سكين في مشاجرة في حي الميدان بدمشق.",
    ],
)
def test_crime_and_celebration_are_not_political_violence(events_of, body):
    assert events_of(body) == []


def test_a_civilian_hit_by_a_stray_bullet_in_clashes_keeps_the_clash(events_of):
    body = "أسفرت الاشتباكات أمس في قضاء سنجار عن مقتل جندي، وإصابة مدنيّ برصاصة طائشة."
    assert only(events_of(body))["sub_event_type"] == "Armed clash"


def test_a_strike_carried_out_by_an_army_is_an_air_strike(events_of):
    body = "أعلن الجيش الأمريكي أمس تنفيذ ضربة في محافظة إدلب أسفرت عن مقتل قيادي في تنظيم حراس الدين."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Air/drone strike", "Hurras al-Din", 1)


def test_the_day_a_clash_calmed_is_not_its_day(events_of):
    body = (
        "اندلعت اشتباكات مساء الأحد الماضي بين مجموعتين مسلحتين في مدينة غريان. "
        "وقال عضو في المجلس البلدي إن الاشتباكات تطوّرت إلى مواجهات بالأسلحة الثقيلة قبل أن تهدأ حدّتها فجر الاثنين."
    )
    assert [e["event_date"].isoformat() for e in events_of(body)] == ["2024-03-03"]


def test_our_forces_took_the_town_from_the_side_they_fought_with(events_of):
    body = (
        "تمكّنت قواتنا الباسلة أمس من بسط سيطرتها الكاملة على مدينة أم صميمة بعد معارك ضارية مع مليشيات البرهان.\n\n"
        "الناطق الرسمي باسم قوات الدعم السريع"
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")


def test_the_event_lies_in_the_claim_its_trigger_stands_in(events_of):
    body = (
        "قال مصدر عسكري إن انسحاب الجيش من مدينة بارا تكتيكي، مؤكداً أن مسيّرات الجيش نفّذت أمس ضربات "
        "على تجمعات للدعم السريع في محيط مدينة الأبيض."
    )
    assert only(events_of(body))["location"] == "El Obeid"


def test_a_province_named_first_frames_the_district_after_it(events_of):
    body = "وفي مأرب، استهدفت المليشيا أمس بطائرة مسيّرة مفخخة موقعاً للجيش في مديرية العبدية جنوبي المحافظة."
    assert only(events_of(body))["location"] == "Al-Abdiyah"


def test_parts_of_a_district_are_in_it_not_fired_from_it(events_of):
    body = (
        "وفي صعدة، أُصيب مواطنان بجروح أمس جراء قصف مدفعي وصاروخي للعدو السعودي استهدف مناطق متفرقة "
        "من مديرية غمر الحدودية."
    )
    e = only(events_of(body))
    assert (e["location"], e["actor1"], e["actor2"], e["injuries"]) == (
        "Ghamr",
        "Military Forces of Saudi Arabia",
        "Civilians",
        2,
    )


def test_no_human_losses_after_a_missile_is_zero(events_of):
    body = "سقط صاروخ باليستي أطلقته المليشيا أمس على مديرية عسيلان، دون أن يسفر عن أي خسائر بشرية أو مادية."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (0, 0)


def test_a_syrian_division_names_the_army_at_home(events_of):
    body = "قُتل عنصران من «الفرقة الرابعة» أمس إثر انفجار عبوة ناسفة بسيارتهما العسكرية قرب بلدة بصر الحرير."
    e = only(events_of(body))
    assert (e["actor2"], e["fatalities"]) == ("Military Forces of Syria", 2)


def test_a_report_on_the_month_and_a_court_verdict_are_no_events(events_of):
    report = "وأوضح التقرير أن محافظتي ديالى وكركوك سجّلتا أمس العدد الأكبر من الهجمات المنسوبة إلى بقايا تنظيم داعش."
    verdict = "قضت المحكمة الجزائية المتخصصة في عدن أمس بإعدام متهمَين اثنين في قضية تهريب مخدرات."
    assert events_of(report) == [] and events_of(verdict) == []


def test_tyres_burned_and_a_bank_stormed_are_riots(events_of):
    tyres = only(events_of("أقدم شبان أمس على إحراق إطارات وسط ساحة حلبا وقطع الطريق المؤدية إلى سرايا المدينة."))
    bank = only(
        events_of(
            "اقتحم عدد من المودعين أمس فرعاً لأحد المصارف في شارع الحمرا ببيروت وأضرموا النار في مدخله، قبل أن "
            "تتدخل عناصر من قوى الأمن الداخلي."
        )
    )
    assert (tyres["sub_event_type"], tyres["actor1"]) == ("Violent demonstration", "Rioters")
    assert (bank["sub_event_type"], bank["actor2"]) == ("Violent demonstration", "Police Forces of Lebanon")


def test_the_group_answering_the_shelling_fired_the_rockets(events_of):
    body = (
        "وردّاً على القصف، أعلنت «هيئة تحرير الشام» أمس أن مقاتليها استهدفوا بصواريخ محلية الصنع تجمعاً "
        "لقوات النظام في قرية كفرنبودة بريف حماة الشمالي الغربي."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["location"]) == (
        "Hayat Tahrir al-Sham",
        "Military Forces of Syria",
        "Kafr Nabuda",
    )


def test_the_base_the_jets_took_off_from_is_not_where_they_struck(events_of):
    body = "قال مراسل إن طائرتين حربيتين أقلعتا من قاعدة حميميم أمس ونفّذتا غارتين على أطراف بلدة حزانو."
    assert only(events_of(body))["location"] == "Hazano"


def test_a_mountain_framed_first_and_the_road_after_the_comma(events_of):
    body = (
        "وفي جبل الزاوية جنوبي إدلب، استهدفت قوات النظام أمس بطائرة مسيّرة انتحارية سيارةً مدنية على طريق "
        "كفرعويد – سفوهن، ما أدى إلى إصابة سائقها."
    )
    assert only(events_of(body))["location"] == "Kafr Oweid"


def test_an_army_detonating_leftover_munitions_is_no_event(events_of):
    body = "أعلنت قيادة الجيش اللبناني أمس أن وحدة مختصة فجّرت ذخائر غير منفجرة في خراج بلدة زوطر الشرقية."
    assert events_of(body) == []


def test_an_outlet_quoted_after_la_is_neither_a_place_nor_a_date(events_of):
    body = (
        "قُتل اثنان من منتسبي الحشد الشعبي ليل أمس بهجوم شنّه مسلحون من داعش على نقطة في ناحية يثرب.\n\n"
        "وقال مسؤول في الحشد لـ«بغداد اليوم» إن «الإرهابيين استهدفوا النقطة بأسلحة القنص قبل أن يلوذوا "
        "بالفرار باتجاه جزيرة سامراء»."
    )
    e = only(events_of(body))
    assert (e["location"], e["event_date"].isoformat(), e["fatalities"]) == ("Yathrib", "2024-03-06", 2)


def test_the_day_a_statement_was_issued_is_not_the_attack_day(events_of):
    body = (
        "قال الناطق باسم الجيش السوداني، في بيان اليوم الاثنين، إن قواته تصدّت لهجوم واسع شنّته قوات الدعم "
        "السريع على منطقة جبل موية غربي سنار أمس الأحد."
    )
    e = only(events_of(body, published="2024-06-24T15:00:00+03:00"))
    assert e["event_date"].isoformat() == "2024-06-23"


def test_a_village_known_only_in_another_province_falls_back_to_the_named_one(events_of):
    body = "توغلت قوة إسرائيلية أمس في قرية الحميدية بريف القنيطرة واعتقلت شابين من أهالي القرية."
    e = only(events_of(body))
    assert (e["admin1"], e["sub_event_type"]) == ("Quneitra", "Arrests")


def test_an_air_landing_raid_that_kills_is_a_clash_and_one_that_arrests_an_arrest(events_of):
    kill = only(events_of("نفذت قوات مكافحة الإرهاب أمس إنزالاً جوياً قرب مدينة القائم أسفر عن مقتل أربعة إرهابيين."))
    arrest = only(events_of("نفّذت قوات التحالف الدولي أمس عملية إنزال جوي في بلدة ذيبان اعتقلت خلالها شخصين."))
    assert (kill["sub_event_type"], arrest["sub_event_type"]) == ("Armed clash", "Arrests")


def test_its_teams_are_not_raqqa(events_of):
    body = "قال الدفاع المدني إن فرقه انتشلت أمس جثث ثلاثة مدنيين بعد قصف صاروخي على مدينة سرمين."
    assert only(events_of(body))["location"] == "Sarmin"


def test_a_protest_about_last_months_bombing_is_dated_today(events_of):
    body = (
        "خرج العشرات من أهالي مدينة الباب في مظاهرة طالبوا فيها بمحاسبة المسؤولين عن التفجير الذي "
        "ضرب سوق المدينة الشهر الماضي."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"], e["event_date"].isoformat()) == (
        "Peaceful protest",
        "Al Bab",
        "2024-03-07",
    )


def test_a_ticker_protest_told_in_the_present(events_of):
    sit_in = only(events_of("العشرات من أصحاب العقود يعتصمون أمام مبنى قائمقامية سوق الشيوخ للمطالبة بتثبيتهم."))
    road = only(events_of("محتجون غاضبون يقطعون الطريق الدولي في قضاء الرفاعي بالإطارات المحترقة."))
    assert (sit_in["sub_event_type"], road["sub_event_type"]) == ("Peaceful protest", "Violent demonstration")


def test_a_riot_dispersed_later_is_one_event_with_the_police_as_actor2(events_of):
    body = (
        "محتجون غاضبون يقطعون الطريق الدولي في قضاء الرفاعي بالإطارات المحترقة.\n\n"
        "قوات مكافحة الشغب تطلق الغاز المسيل للدموع لتفريق المحتجين في الرفاعي."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Violent demonstration",
        "Rioters",
        "Police Forces of Iraq",
    )


def test_a_second_target_joined_by_wa_ala_is_a_second_event(events_of):
    body = (
        "شنّت طائرات حربية أمريكية ليل أمس غارات على مستودع أسلحة في مدينة الميادين، وعلى مقر تدريب "
        "في محيط مدينة البوكمال."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Al Mayadin", "Albu Kamal"]


def test_the_attacked_side_telling_it_repelled_the_attack_is_the_same_clash(events_of):
    body = (
        "قُتل ثلاثة جنود من «القوات المسلحة الجنوبية» فجر اليوم في هجوم شنّه عناصر من تنظيم القاعدة على نقطة "
        "عسكرية قرب مدينة الوضيع.\n\n"
        "وقال المتحدث باسم القوات الجنوبية في أبين إن القوات تصدّت للهجوم وأجبرت المهاجمين على الفرار."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == (
        "Al-Qaeda in the Arabian Peninsula",
        "Southern Transitional Council",
        3,
    )


def test_burning_tyres_to_cut_streets_is_a_riot(events_of):
    body = "أقدم محتجون غاضبون مساء أمس على قطع الشوارع الرئيسية في مديرية صيرة بعدن بإحراق الإطارات."
    assert only(events_of(body))["sub_event_type"] == "Violent demonstration"


def test_a_district_named_first_frames_the_village_after_it(events_of):
    body = "وفي البقاع الغربي، أغار الطيران الحربي الإسرائيلي فجر اليوم على مبنى عند أطراف بلدة سحمر."
    assert only(events_of(body))["location"] == "Sohmor"


def test_governments_named_by_their_seats_are_not_places(events_of):
    body = (
        "وفي مركز قضاء العمادية، تجمّع مئات من أهالي القرى الحدودية اليوم في وقفة احتجاجية، مطالبين "
        "حكومتي بغداد وأربيل بالتدخل."
    )
    assert [e["location"] for e in events_of(body)] == ["Al Amadiyah"]


def test_an_accusation_about_the_strike_is_no_second_event(events_of):
    body = (
        "نفّذ الطيران الحربي التابع للجيش أمس غارات على تجمعات لـ«الدعم السريع» في مدينة مليط، بينما اتهمت "
        "«الدعم السريع» الطيران بقصف «أحياء سكنية»."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Air/drone strike",
        "Military Forces of Sudan",
        "Rapid Support Forces",
    )


def test_a_gathering_amid_clashes_is_a_protest_and_patrols_to_end_them_no_clash(events_of):
    body = (
        "وعلى وقع الاشتباكات، تجمّع عشرات من سكان منطقة سوق الجمعة أمس أمام مقر البلدية، مطالبين بإبعاد "
        "المعسكرات.\n\nوأعلنت وزارة الداخلية نشر دوريات لفض الاشتباك في منطقة الفرناج."
    )
    assert [(e["sub_event_type"], e["location"]) for e in events_of(body)] == [("Peaceful protest", "Souq al-Juma")]


def test_a_memorial_and_slogans_blaming_two_capitals_are_no_places_or_events(events_of):
    memorial = "وأعلنت لجان المقاومة في مدينة ود مدني عن إقامة حفل تأبين يوم الجمعة القادم لعدد من أعضائها الذين قُتلوا."
    protest = (
        "وفي السليمانية، تظاهر مئات المعلمين أمام مبنى المحافظة اليوم، ورفعوا شعارات تحمّل بغداد وأربيل مسؤولية الأزمة."
    )
    assert events_of(memorial) == []
    assert [e["location"] for e in events_of(protest)] == ["Sulaymaniyah"]


def test_protests_in_two_nearby_towns_stay_two_events(events_of):
    body = (
        "احتشد آلاف المحتجين اليوم في ساحة الكرامة وسط مدينة السويداء مرددين هتافات ضد الفساد.\n\n"
        "وفي مدينة شهبا شمالي المحافظة، أشعل شبّان غاضبون الإطارات وقطعوا الطريق الرئيسي اليوم."
    )
    assert sorted((e["sub_event_type"], e["location"]) for e in events_of(body)) == [
        ("Peaceful protest", "As-Suwayda"),
        ("Violent demonstration", "Shahba"),
    ]


def test_a_comment_on_the_strikes_is_no_event_of_its_own(events_of):
    body = (
        "نفّذت طائرات F-16 العراقية أمس ضربتين جويتين استهدفتا وكراً للإرهابيين في وادي الشاي جنوب كركوك.\n\n"
        "وقال عضو في مجلس محافظة ديالى إن «الضربات الجوية مهمة، لكنها لا تكفي ما لم تُستكمل بعمليات برية»."
    )
    assert [e["location"] for e in events_of(body)] == ["Wadi al-Shay"]


def test_strikes_over_past_weeks_with_no_day_or_toll_are_a_comment(events_of):
    body = (
        "قال مسؤول في وزارة الدفاع الأمريكية إن الغارات التي نفذتها القوات الأمريكية على مواقع الحوثيين في "
        "الحديدة وصعدة خلال الأسابيع الماضية أضعفت قدرة الجماعة على إطلاق الصواريخ."
    )
    assert events_of(body) == []
    dated = "قتل ثلاثة مدنيين أمس بالقصف المدفعي على بلدة كفرنبل، في تصعيد تشهده المنطقة خلال الأسابيع الماضية."
    assert [e["location"] for e in events_of(dated)] == ["Kafranbel"]


def test_protesters_arrested_are_a_protest_with_intervention(events_of):
    body = (
        "اعتقلت قوات الأمن اليوم عدداً من المتظاهرين الذين خرجوا احتجاجاً على انقطاع الكهرباء في قضاء "
        "الزبير بمحافظة البصرة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Protest with intervention", "Protesters")


def test_an_activist_arrested_for_protests_is_an_arrest(events_of):
    body = "اعتقلت قوات الأمن اليوم ناشطاً شارك في تظاهرات الأسبوع الماضي في مدينة الناصرية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["event_date"]) == ("Arrests", "Civilians", date(2024, 3, 7))


def test_a_side_answering_in_kind_at_a_town_of_its_own_is_a_second_event(events_of):
    body = "قصفت القوات التركية اليوم قرية تل رفعت بريف حلب الشمالي، وردت قوات سوريا الديمقراطية بقصف مدينة مارع."
    rows = sorted((e["location"], e["actor1"], e["actor2"]) for e in events_of(body))
    assert rows == [
        ("Mari", "Syrian Democratic Forces", "Military Forces of Turkey"),
        ("Tall Rifat", "Military Forces of Turkey", None),
    ]
    unknown_village = body.replace("قرية تل رفعت", "قرية الشيخ عيسى")
    first = next(e for e in events_of(unknown_village) if e["actor1"] == "Military Forces of Turkey")
    assert (first["admin1"], first["geo_precision"]) == ("Aleppo", 3)  # its own clause's place, not Marea


def test_news_that_came_is_no_answer(events_of):
    assert only(events_of("وردت أنباء اليوم عن قصف على مدينة مارع."))["actor1"] is None


def test_an_event_word_said_not_to_have_happened_is_none(events_of):
    body = (
        "توغلت قوة إسرائيلية في قرية الرفيد بريف القنيطرة الجنوبي أمس، وفتشت عدداً من المنازل قبل أن تنسحب، "
        "دون تسجيل اعتقالات."
    )
    assert all(e["sub_event_type"] != "Arrests" for e in events_of(body))
    done = body.replace("دون تسجيل اعتقالات", "واعتقلت شابين")
    assert [e["sub_event_type"] for e in events_of(done)] == ["Arrests"]


def test_a_sit_in_broken_up_is_a_protest_with_intervention(events_of):
    body = (
        "اعتصم عشرات الخريجين اليوم أمام بوابة حقل مجنون النفطي شمالي البصرة مطالبين بفرص عمل، قبل أن تتدخل قوة "
        "من الشرطة لتفريقهم."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"]) == ("Protest with intervention", "Majnoon Oil Field")


def test_a_toll_since_last_night_is_no_event_and_no_ones_toll(events_of):
    body = (
        "تجددت الاشتباكات ظهر اليوم بين قوة الردع الخاصة واللواء 444 قتال في منطقة السبعة جنوبي طرابلس.\n\n"
        "وأعلن مركز طب الطوارئ أن حصيلة الاشتباكات منذ مساء أمس بلغت سبعة قتلى و23 جريحاً."
    )
    e = only(events_of(body))
    assert (e["location"], e["fatalities"]) == ("Al-Sabaa", None)


def test_a_truce_reached_is_placed_where_the_fighting_was(events_of):
    body = (
        "تجددت الاشتباكات ظهر اليوم بين قوة الردع الخاصة واللواء 444 قتال في منطقة السبعة جنوبي طرابلس.\n\n"
        "وفي وقت متأخر من مساء اليوم، أعلنت وزارة الدفاع التوصل إلى اتفاق لوقف إطلاق النار بين الطرفين."
    )
    truce = next(e for e in events_of(body) if e["sub_event_type"] == "Agreement")
    assert truce["admin1"] == "Tripoli"
    in_force = body.replace("التوصل إلى اتفاق لوقف إطلاق النار بين الطرفين", "أن اتفاق وقف إطلاق النار ما زال سارياً")
    assert all(e["sub_event_type"] != "Agreement" for e in events_of(in_force))


def test_gunfire_amid_which_a_town_was_looted_is_a_circumstance(events_of):
    body = (
        "اقتحمت مجموعة تابعة للدعم السريع أمس بلدة ود راوة في ولاية الجزيرة، ونهبت المحال التجارية وأحرقت مركزاً "
        "صحياً، وسط إطلاق نار كثيف."
    )
    assert only(events_of(body))["sub_event_type"] == "Looting/property destruction"


def test_reports_that_could_not_be_checked_are_no_event(events_of):
    body = (
        "نهبت قوات الدعم السريع أمس قرية أزرق في ولاية الجزيرة.\n\n"
        "وأضافت التنسيقية أنها لم تتمكن من التحقق من أنباء عن إحراق قرى أخرى في المنطقة ذاتها."
    )
    assert [e["location"] for e in events_of(body)] == ["Azraq"]


def test_houthi_tickers_downing_and_million_man_march(events_of):
    downed = events_of("عاجل | الدفاعات الجوية تُسقط فجر اليوم طائرة أمريكية من نوع MQ-9 في أجواء محافظة الجوف.")
    assert [e["sub_event_type"] for e in downed] == ["Disrupted weapons use"]
    march = events_of("عاجل | ميدان السبعين بصنعاء شهد أمس الجمعة مسيرة مليونية تحت شعار «ثابتون مع غزة».")
    assert [(e["sub_event_type"], e["location"]) for e in march] == [("Peaceful protest", "Al-Sabeen")]


def test_no_first_information_on_victims_is_unknown(events_of):
    body = "عاجل | مصدر محلي: غارات أمريكية استهدفت اليوم مزرعة في مديرية سنحان ولا معلومات أولية عن الضحايا."
    assert only(events_of(body))["fatalities"] is None


def test_wanted_men_arrested_for_crimes_are_no_event(events_of):
    body = "أوقف الجيش اللبناني أمس خلال مداهمة في بلدة بريتال ثلاثة مطلوبين بجرائم سرقة وخطف، وضبط أسلحة."
    assert events_of(body) == []  # with shootings among the charges it is an arrest (the gold since r20)


def test_a_prisoner_exchange_and_a_handover_of_posts(events_of):
    swap = events_of("أعلنت اللجنة الدولية للصليب الأحمر اليوم إتمام عملية تبادل 50 أسيراً عبر مطار صنعاء.")
    assert [e["sub_event_type"] for e in swap] == ["Agreement"]
    handover = events_of(
        "تسلمت قوات الحكومة السورية اليوم نقاطاً عسكرية كانت تسيطر عليها فصائل محلية في بلدة بصرى الشام بريف درعا، "
        "بموجب اتفاق تسوية جديد."
    )
    assert [e["sub_event_type"] for e in handover] == ["Non-violent transfer of territory"]


def test_a_claim_to_have_taken_a_place_whose_attack_was_repelled_is_contested(events_of):
    body = (
        "قال الناطق الرسمي باسم القوات المسلحة السودانية اليوم إن قوات الفرقة 17 مشاة تصدّت لهجوم واسع شنّته "
        "قوات الدعم السريع على منطقة جبل موية.\n\n"
        "في المقابل، أعلنت قوات الدعم السريع اليوم أن قواتها حرّرت منطقة جبل موية بالكامل."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Armed clash"]
    taken = "أعلنت قوات الدعم السريع اليوم أن قواتها حرّرت منطقة جبل موية بالكامل بعد معارك مع الجيش."
    assert [e["sub_event_type"] for e in events_of(taken)] == ["Non-state actor overtakes territory"]


def test_the_side_just_hit_answering_by_a_loose_name_is_a_second_event(events_of):
    body = (
        "قصفت القوات التركية بالمدفعية الثقيلة صباح اليوم قرية العريمة غربي منبج، ما أدى إلى مقتل مقاتل من مجلس "
        "منبج العسكري، وردّت قوات المجلس بقصف مصادر النيران في محيط مدينة الباب، دون ورود معلومات عن خسائر."
    )
    rows = sorted((e["location"], e["actor1"], e["fatalities"]) for e in events_of(body))
    assert rows == [
        ("Al Arimah", "Military Forces of Turkey", 1),
        ("Al Bab", "Syrian Democratic Forces", None),
    ]


def test_a_condemnation_and_those_arrested_for_taking_part_name_no_event(events_of):
    body = (
        "استهدفت الميليشيا بصاروخ مخيم الجفينة للنازحين في مدينة مأرب اليوم، ما أدى إلى إصابة ثلاثة نازحين.\n\n"
        "ودان محافظ مأرب استهداف المخيم، واعتبره دليلاً جديداً على استهتار الميليشيا."
    )
    assert len(events_of(body)) == 1
    arrest = "أعلنت إدارة الأمن العام اليوم القبض على شخصين في مدينة جبلة متورطين في عمليات خطف."
    assert [e["sub_event_type"] for e in events_of(arrest)] == ["Arrests"]


def test_fighting_since_dawn_today_is_a_live_report(events_of):
    body = "اندلعت منذ فجر اليوم مواجهات عنيفة بين القوات الجنوبية ومسلحي الحوثي في منطقة مريس شمال الضالع."
    assert [e["sub_event_type"] for e in events_of(body)] == ["Armed clash"]


def test_killed_on_the_sidelines_of_the_fighting_is_an_attack(events_of):
    body = (
        "اندلعت اشتباكات عنيفة فجر اليوم بين مقاتلي العشائر وقوات سوريا الديمقراطية في بلدة ذيبان.\n\n"
        "وعلى هامش المعارك، قُتل مدني من أبناء البلدة برصاص قنّاص أثناء محاولته إسعاف جاره."
    )
    assert sorted(e["sub_event_type"] for e in events_of(body)) == ["Armed clash", "Attack"]


def test_a_cache_of_bombs_found_is_disrupted_weapons_use(events_of):
    body = "عثرت قطعات الفرقة الثامنة اليوم على مضافة في منطقة وادي الشاي تحتوي على ١٢ عبوة ناسفة معدّة للتفجير."
    assert [e["sub_event_type"] for e in events_of(body)] == ["Disrupted weapons use"]
    hurt = "عثرت قوة أمنية اليوم على جثة راعٍ قُتل بانفجار عبوة ناسفة في منطقة وادي الشاي."
    assert [e["sub_event_type"] for e in events_of(hurt)] == ["Remote explosive/landmine/IED"]


def test_a_deployment_after_last_weeks_clashes_and_a_mine_collapse_are_no_events(events_of):
    deploy = (
        "انتشرت وحدات من جهاز الأمن العام اليوم في شوارع طرابلس ونصبت بوابات تفتيش عند مداخل العاصمة، تحسباً لأي "
        "توتر بعد اشتباكات الأسبوع الماضي."
    )
    assert events_of(deploy) == []
    mine = "قُتل عامل وأصيب اثنان آخران اليوم بانهيار في منجم للذهب في ولاية نهر النيل."
    assert events_of(mine) == []
    today = "قُتل ثلاثة مدنيين بعد اشتباكات اندلعت اليوم بين مسلحين في مدينة الزاوية."
    assert [e["sub_event_type"] for e in events_of(today)] == ["Armed clash"]


def test_rape_by_a_named_force_is_sexual_violence(events_of):
    e = only(events_of("اغتصب عناصر من الدعم السريع امرأتين في قرية ود النورة بولاية الجزيرة أمس."))
    assert (e["event_type"], e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Violence against civilians",
        "Sexual violence",
        "Rapid Support Forces",
        "Civilians",
    )
    weekly = "أفادت وحدة مكافحة العنف ضد المرأة بتعرض 12 امرأة للاغتصاب في قرى شرق الجزيرة خلال الأسبوع الماضي."
    assert events_of(weekly) == []


def test_a_foiled_drone_attack_is_disrupted_weapons_use(events_of):
    body = "أحبطت قوات الأمن أمس هجوماً بطائرة مسيّرة على حقل كورمور الغازي في جمجمال."
    assert only(events_of(body))["sub_event_type"] == "Disrupted weapons use"


def test_an_activist_of_the_protests_killed_is_an_attack_not_force_on_protesters(events_of):
    body = "اغتال مجهولون أمس ناشطاً بارزاً في الاحتجاجات بإطلاق النار عليه وسط مدينة العمارة."
    assert only(events_of(body))["sub_event_type"] == "Attack"


def test_houses_blown_up_by_an_army_with_a_feminine_verb_are_destruction(events_of):
    body = "فجّرت قوات الاحتلال أمس عدداً من المنازل في بلدة الخيام الحدودية."
    assert only(events_of(body))["sub_event_type"] == "Looting/property destruction"


def test_what_a_told_fight_caused_is_no_event_of_its_own(events_of):
    body = (
        "اندلعت اشتباكات عنيفة أمس بين مجموعتين مسلحتين في منطقة الحرشة غربي الزاوية.\n\n"
        "وأدت الاشتباكات إلى إغلاق الطريق الساحلي الرابط بين طرابلس والحدود التونسية لساعات."
    )
    assert [e["location"] for e in events_of(body)] == ["Al Hurshah"]


def test_recurring_clashes_are_a_habit(events_of):
    body = "وتشهد الزاوية اشتباكات متكررة بين مجموعات مسلحة تتنافس على النفوذ وعائدات التهريب."
    assert events_of(body) == []


def test_a_recurring_crime_told_with_its_day_is_an_event(events_of):
    body = "وفي سلوك إجرامي متكرر، قصف طيران الجيش أمس السوق الكبير بمدينة نيالا، ما أدى إلى مقتل 14 مدنياً."
    assert len(events_of(body)) == 1


def test_a_fight_that_spread_to_a_second_quarter_is_a_second_event_between_its_sides(events_of):
    body = (
        "اندلعت مساء أمس اشتباكات بين جهاز الردع وكتيبة ثوار طرابلس في منطقة سوق الجمعة.\n\n"
        "وقال مركز طب الطوارئ إن مسلحَين اثنين قُتلا في محاور سوق الجمعة، فيما امتدت الاشتباكات "
        "إلى منطقة باب تاجوراء، حيث قُتلت امرأة برصاصة طائشة."
    )
    events = {e["location"]: e for e in events_of(body)}
    assert set(events) == {"Souq al-Juma", "Bab Tajura"}
    assert (events["Bab Tajura"]["actor1"], events["Bab Tajura"]["fatalities"]) == ("Special Deterrence Force", 1)


def test_a_witness_to_the_bullets_of_a_told_fight_tells_no_attack(events_of):
    body = (
        "اندلعت مساء أمس اشتباكات بين جهاز الردع واللواء 444 قتال في حي الفرناج بطرابلس.\n\n"
        "وقال أحد سكان الفرناج: «بقينا في الطابق الأرضي طوال الليل، والرصاص كان يضرب جدران البيوت»."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Armed clash"]


def test_a_road_blocked_in_protest_at_an_abduction_is_the_protest(events_of):
    body = (
        "أقدم شبان غاضبون من أهالي بلدة القريا أمس على قطع الطريق بالإطارات المشتعلة، "
        "احتجاجاً على اختطاف شاب من أبناء البلدة."
    )
    assert only(events_of(body))["sub_event_type"] == "Violent demonstration"


def test_gunmen_who_opened_fire_on_them_is_an_attack(events_of):
    body = (
        "اعترض مسلحون من قوات الدعم السريع فجر اليوم مجموعة من النساء غربي معسكر زمزم، "
        "وأطلقوا عليهن النار، ما أدى إلى مقتل أربع منهن."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["location"]) == ("Attack", "Rapid Support Forces", "Zamzam Camp")


def test_the_defuser_acts_and_the_planter_owns_the_charge(events_of):
    body = "تمكنت فرق الهندسة في الجيش العراقي أمس من تفكيك عبوة ناسفة زرعها عناصر داعش على طريق في قضاء الشرقاط."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Disrupted weapons use",
        "Military Forces of Iraq",
        "Islamic State",
    )


def test_a_commenter_quoted_on_the_attacks_tells_no_new_event(events_of):
    body = (
        "انفجرت عبوة ناسفة صباح اليوم بدورية للشرطة الاتحادية قرب ناحية الرشاد جنوب غربي كركوك، ما أدى إلى "
        "إصابة منتسبَين.\n\n"
        "وقال محلل أمني لإحدى القنوات المحلية إن «العبوات الناسفة في بساتين المطيبيجة باتت السلاح المفضل "
        "لبقايا التنظيم»."
    )
    assert [e["location"] for e in events_of(body)] == ["Al-Rashad"]


def test_a_displaced_woman_quoted_on_the_shelling_tells_no_new_event(events_of):
    body = (
        "قُتل أربعة مدنيين أمس بقصف مدفعي استهدف مخيم زمزم للنازحين جنوب الفاشر.\n\n"
        "وقالت إحدى النازحات لموقع محلي: «نسمع صوت القذائف كل ليلة في سوق المعسكر، ولا نعرف أين نذهب»."
    )
    assert [e["location"] for e in events_of(body)] == ["Zamzam Camp"]


def test_a_witness_quoted_with_a_day_of_its_own_still_tells_an_event(events_of):
    body = (
        "قُتل أربعة مدنيين أمس بقصف مدفعي استهدف مخيم زمزم للنازحين جنوب الفاشر.\n\n"
        "وقال أحد السكان إن «مسيّرة قصفت فجر اليوم سوق مدينة كتم شمال الولاية»."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Kutum", "Zamzam Camp"]


def test_al_hayy_is_named_by_its_district_not_by_the_word_for_neighbourhood(events_of):
    body = (
        "وفي قضاء الحي جنوبي محافظة واسط، أقدم محتجون غاضبون مساء أمس على قطع الطريق الرئيس بالإطارات المحترقة.\n\n"
        "وفي الحي الشمالي من مدينة الكوت، تظاهر العشرات أمس احتجاجاً على انقطاع الكهرباء."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Al Hayy", "Al-Kut"]


def test_the_village_of_a_ticker_is_the_one_its_title_names(events_of):
    title = "عاجل | توغّل إسرائيلي في قرية جباتا الخشب واعتقال راعيَين بريف القنيطرة"
    body = (
        "عاجل | قوة إسرائيلية من خمس آليات تتوغّل فجر اليوم في قرية جباتا الخشب بريف القنيطرة الشمالي.\n\n"
        "عاجل | الأهالي يتجمعون عند مدخل البلدة لمراقبة تحركات القوة.\n\n"
        "عاجل | مصادر محلية: جنود الاحتلال داهموا أطراف القرية واعتقلوا راعيَين اثنين واقتادوهما إلى جهة مجهولة.\n\n"
        "عاجل | قصف مدفعي إسرائيلي يستهدف محيط بلدة كودنة في ريف القنيطرة الجنوبي."
    )
    events = events_of(body, title=title, published="2025-04-03T10:00:00+03:00")
    assert sorted((e["sub_event_type"], e["location"]) for e in events) == [
        ("Arrests", "Jubata al-Khashab"),
        ("Shelling/artillery/missile attack", "Al-Kudnah"),
    ]


def test_raids_to_be_stopped_under_a_deal_are_no_raid(events_of):
    body = (
        "توصّل وجهاء مدينة نوى واللجنة الأمنية مساء أمس إلى اتفاق يقضي بتسليم قطع من السلاح الخفيف، مقابل وقف "
        "المداهمات وسحب التعزيزات من محيط المدينة."
    )
    assert "Arrests" not in [e["sub_event_type"] for e in events_of(body)]


def test_fighting_that_spread_to_another_district_is_a_clash_there(events_of):
    body = (
        "اندلعت اشتباكات عنيفة مساء اليوم بين كتيبة النواصي واللواء 444 في منطقة الفرناج بطرابلس.\n\n"
        "وامتدت المواجهات في وقت لاحق إلى محيط منطقة عين زارة، حيث سُمعت أصوات انفجارات."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Ain Zara", "Al-Furnaj"]


def test_arrests_after_the_attack_told_are_where_it_was(events_of):
    body = (
        "قُتل ثلاثة من عناصر الحشد الشعبي مساء أمس بهجوم لمسلحين على نقطة في ناحية العظيم شمالي ديالى.\n\n"
        "وعقب الهجوم، شرعت قوة مشتركة صباح اليوم بعملية تفتيش في بساتين المنطقة أسفرت عن اعتقال شخصين."
    )
    assert sorted((e["sub_event_type"], e["location"]) for e in events_of(body)) == [
        ("Armed clash", "Udhaim"),
        ("Arrests", "Udhaim"),
    ]


def test_a_clan_raid_on_a_house_is_an_attack_not_a_clash(events_of):
    body = "أُصيب طفل برصاصة طائشة مساء أمس خلال «دكّة عشائرية» استهدفت منزلاً في ناحية الهارثة شمال البصرة."
    e = only(events_of(body))
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")


def test_dead_shot_by_a_force_that_fired_on_the_protest_are_one_event(events_of):
    body = (
        "قُتل شابان أمس برصاص قوات الأمن في مدينة الناصرية.\n\n"
        "وقال شهود إن قوات الأمن أطلقت النار مباشرة على المحتجين قرب مبنى المحافظة في الناصرية."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Excessive force against protesters", 2)


def test_arrests_of_those_involved_are_where_the_fight_was(events_of):
    body = (
        "أُصيب أربعة أشخاص أمس في نزاع عشائري في قضاء القرنة شمالي البصرة.\n\n"
        "وقال مصدر في شرطة البصرة إن قوة أمنية اعتقلت ستة من المتورطين وضبطت أسلحة متوسطة."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert arrest["location"] == "Al Qurnah"


def test_shooting_at_villagers_beats_the_looting_that_followed(events_of):
    body = "اقتحم مسلحون أمس قرية شرق مدينة الجنينة، وأطلقوا النار على الأهالي ونهبوا المواشي وأحرقوا عدداً من المنازل."
    assert only(events_of(body))["sub_event_type"] == "Attack"


def test_two_ports_named_with_their_kind_are_two_strikes_and_each_keeps_its_toll(events_of):
    body = (
        "شنّ الطيران الأمريكي أمس غارات على ميناء رأس عيسى وميناء الصليف بمحافظة الحديدة.\n\n"
        "وقال مصدر طبي إن ثلاثة مدنيين قُتلوا في الغارات على الصليف."
    )
    tolls = {e["location"]: e["fatalities"] for e in events_of(body)}
    assert tolls == {"Ras Isa": None, "As Salif": 3}


def test_named_group_firing_on_an_observation_post_is_a_clash(events_of):
    body = "استهدفت مجموعة إرهابية ليلة أمس نقطة مراقبة تابعة لأحد ألوية الفرقة السابعة في قضاء هيت بالأسلحة الخفيفة."
    e = only(events_of(body))
    sides = ("Islamic State", "Military Forces of Iraq")
    assert (e["sub_event_type"], (e["actor1"], e["actor2"])) == ("Armed clash", sides)


def test_second_weapons_town_keeps_its_parent_district_out(events_of):
    body = (
        "شنّت الطائرات التركية أمس غارات على محيط ناحية كاني ماسي، فيما قصفت المدفعية التركية "
        "أطراف ناحية باطوفة التابعة لقضاء زاخو."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Batifa", "Kani Masi"]


def test_rockets_found_in_a_cache_were_never_fired(events_of):
    body = "عثرت قوة من الحشد الشعبي أمس على مخبأ يحتوي على 20 صاروخاً من نوع «كاتيوشا» في صحراء قضاء بيجي."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Disrupted weapons use", "Popular Mobilization Forces")


def test_a_port_and_a_quarter_of_another_city_are_both_kept(events_of):
    body = (
        "شنّ الطيران الإسرائيلي أمس غارات استهدفت أرصفة ميناء الحديدة ومحطة لتوليد الكهرباء "
        "في حي الجراف شمالي العاصمة صنعاء."
    )
    assert "Hodeidah Port" in {e["location"] for e in events_of(body)}


def test_clashes_said_not_to_have_happened_type_nothing(events_of):
    body = "اعتقلت قوات الأمن أمس ثلاثة مطلوبين في بلدة البصيرة، دون ورود معلومات عن اشتباكات."
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_raid_that_killed_is_a_clash_by_the_force_that_announced_it(events_of):
    body = (
        "أعلن جهاز مكافحة الإرهاب أمس مقتل ثلاثة من عناصر «داعش» واعتقال رابع خلال عملية إنزال جوي "
        "نفّذها في قضاء الحويجة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Military Forces of Iraq",
        "Islamic State",
    )


def test_fire_opened_on_demonstrators_is_excessive_force(events_of):
    body = "قُتل شاب أمس عندما أطلق عناصر من قوات الأمن النار على متظاهرين خرجوا في مدينة الديوانية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == (
        "Excessive force against protesters",
        "Protesters",
        1,
    )


def test_protest_demanding_news_of_the_abducted_is_the_protest(events_of):
    body = (
        "فرّقت قوات الأمن أمس بإطلاق الرصاص في الهواء وقفة احتجاجية نظّمها الأهالي في مدينة بانياس "
        "للمطالبة بالكشف عن مصير شبان مخطوفين."
    )
    assert only(events_of(body))["sub_event_type"] == "Protest with intervention"


def test_protest_against_shelling_dispersed_later_is_a_protest_with_intervention(events_of):
    body = "خرج المئات في تظاهرة في مدينة دهوك أمس احتجاجاً على القصف التركي، قبل أن تفرّقها قوات الأسايش بالهراوات."
    e = only(events_of(body))
    sides = ("Protesters", "Kurdistan Region Security (Asayish)")
    assert (e["sub_event_type"], (e["actor1"], e["actor2"])) == ("Protest with intervention", sides)


def test_cache_found_in_the_same_sweep_is_not_the_arrests_told_again(events_of):
    body = (
        "ألقت قوات الأمن العام أمس القبض على خمسة أشخاص في مدينة بانياس.\n\n"
        "وأضافت أن وحداتها عثرت خلال العملية ذاتها على مستودع في بلدة القدموس يضم ألغاماً مضادة للدروع."
    )
    assert {e["sub_event_type"] for e in events_of(body)} == {"Arrests", "Disrupted weapons use"}


def test_a_tribal_truce_is_an_agreement(events_of):
    body = (
        "اندلع نزاع عشائري أمس بين عشيرتين في ناحية الدير شمالي البصرة.\n\n"
        "وتدخّل وجهاء من عشائر المنطقة اليوم وتوصلوا إلى «عطوة» عشائرية بين الطرفين لمدة شهر في ناحية الدير."
    )
    assert "Agreement" in {e["sub_event_type"] for e in events_of(body)}


def test_the_other_sides_attack_at_sea_does_not_take_the_lead_strikes_place(events_of):
    body = (
        "شنّ طيران العدوان الأمريكي اليوم غارات على مديرية بني حشيش بمحافظة صنعاء.\n\n"
        "وأكد متحدث القوات المسلحة اليمنية أن القوات نفّذت عملية عسكرية استهدفت حاملة الطائرات "
        "ترومان بعدد من الطائرات المسيّرة."
    )
    assert [e["actor1"] for e in events_of(body)] == ["Military Forces of the United States"]


def test_a_truck_of_rpg_rounds_seized_is_a_seizure(events_of):
    body = "ضبطت وحدات الأمن العام في ريف حمص، أمس الأحد، شاحنة محمّلة بقذائف «آر بي جي» وذخائر متنوعة قرب مدينة القصير."
    assert only(events_of(body))["sub_event_type"] == "Disrupted weapons use"


def test_arrests_of_those_who_took_part_are_where_the_feud_was(events_of):
    body = (
        "اندلع نزاع عشائري مسلح أمس بين عشيرتين في ناحية الغراف شمالي محافظة ذي قار.\n\n"
        "وأضاف المصدر أن قوة من قيادة شرطة ذي قار اعتقلت اليوم سبعة من المشاركين في النزاع."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert arrest["location"] != "Dhi Qar"


def test_a_fight_retold_by_one_side_in_the_same_quarter_is_one_event(events_of):
    body = (
        "عاش سكان منطقة سوق الجمعة ليلة عصيبة بعد أن اندلعت أمس اشتباكات بين «جهاز الردع» "
        "و«اللواء 444» في سوق الجمعة بطرابلس.\n\n"
        "وقال «جهاز الردع» إن قواته تصدّت أمس لهجوم شنّته مجموعة مسلحة تابعة لوزارة الدفاع على مقاره في سوق الجمعة."
    )
    assert [e["location"] for e in events_of(body)] == ["Souq al-Juma"]


def test_a_named_group_blowing_up_houses_destroys_property(events_of):
    body = "فجّرت ميليشيا الحوثي صباح اليوم منزلين لمواطنين في قرية حمة صرار بمديرية القريشية."
    assert only(events_of(body))["sub_event_type"] == "Looting/property destruction"


def test_rockets_in_a_store_found_are_a_seizure_even_past_a_comma(events_of):
    body = "أعلنت قوة من الجيش العثور، أمس، على مخزن للأسلحة في حي العزبة بالخرطوم بحري، يضم صواريخ وقذائف هاون."
    assert only(events_of(body))["sub_event_type"] == "Disrupted weapons use"


def test_gunmen_storming_a_house_of_workers_is_an_attack_not_a_clash(events_of):
    body = "قُتل مدنيان أمس إثر اقتحام مسلحين مجهولين منزلاً يقطنه عمال أجانب في منطقة قرقارش بطرابلس."
    assert only(events_of(body))["sub_event_type"] == "Attack"


def test_a_cell_seized_is_an_arrest(events_of):
    body = "أعلنت قوات الحزام الأمني فجر اليوم ضبط خلية إرهابية مكوّنة من ثلاثة عناصر تابعين للقاعدة في مدينة جعار."
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_taken_away_to_an_unknown_place_is_an_abduction(events_of):
    body = "أفاد مصدر بأن مسلحين مجهولين اقتادوا مواطنين اثنين من بلدة الحراك بريف درعا إلى جهة مجهولة مساء أمس."
    event = only(events_of(body))
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Abduction/forced disappearance",
        "Unidentified armed group",
        "Civilians",
    )
    assert (event["location"], str(event["event_date"])) == ("Al Hirak", "2024-03-06")


def test_the_arrested_taken_away_are_the_arrest(events_of):
    body = (
        "داهمت قوة من الجيش الإسرائيلي فجر اليوم عدة منازل في بلدة جملة غربي درعا واعتقلت ثلاثة شبان. "
        "وقال أحد وجهاء البلدة إن الجنود فتشوا المنازل واقتادوا الشبان الثلاثة إلى جهة مجهولة."
    )
    event = only(events_of(body))
    assert (event["sub_event_type"], event["actor1"]) == ("Arrests", "Military Forces of Israel")


def test_an_arrest_named_by_the_force_is_not_folded_into_an_abduction(events_of):
    body = (
        "اعتقلت قوات الأمن العام ظهر اليوم شاباً في بلدة جملة غربي درعا. "
        "وفي حادثة منفصلة، اقتاد مسلحون من عصابة خطف مواطناً من البلدة نفسها إلى جهة مجهولة."
    )
    types = sorted(e["sub_event_type"] for e in events_of(body))
    assert types == ["Abduction/forced disappearance", "Arrests"]


def test_a_hostage_freed_is_no_ground_regained(events_of):
    body = (
        "حررت وحدة من الجيش اللبناني، فجر اليوم، مواطناً كان قد خُطف في بلدة دورس، "
        "خلال عملية دهم في حي الشراونة تخللها تبادل لإطلاق النار مع الخاطفين."
    )
    assert "Government regains territory" not in {e["sub_event_type"] for e in events_of(body)}


def test_the_one_abducted_before_and_where_he_is_held_are_no_new_abduction(events_of):
    body = (
        "دهمت قوة من الجيش اللبناني منزلاً في حي الشراونة بعد رصد مكان احتجاز المخطوف، "
        "فتعرضت لإطلاق نار من قبل الخاطفين، فردت بالمثل، ما أدى إلى مقتل أحدهم."
    )
    event = only(events_of(body))
    sides = {event["actor1"], event["actor2"]}
    assert event["sub_event_type"] == "Armed clash"
    assert sides == {"Military Forces of Lebanon", "Unidentified armed group"}


def test_a_march_through_the_streets_is_a_protest(events_of):
    body = "خرج المئات من أهالي مدينة القطينة صباح اليوم في موكب جاب شوارع المدينة منددين بالهجوم على القرى."
    assert only(events_of(body))["sub_event_type"] == "Peaceful protest"


def test_a_pluperfect_ten_days_back_is_background_but_last_week_is_news(events_of):
    old = "وكان الجيش قد استعاد السيطرة على مدينة ود مدني في الحادي عشر من يناير الجاري."
    recent = "وكانت المدفعية التركية قد قصفت يوم الخميس الماضي أطراف قرية كاني ماسي."
    published = "2025-01-22T09:00:00+03:00"
    assert events_of(old, published=published) == []
    assert only(events_of(recent, published=published))["sub_event_type"] == "Shelling/artillery/missile attack"


def test_two_students_are_no_demand(events_of):
    body = (
        "وقالت لجان مقاومة بارا، في بيان صباح اليوم، إن عناصر الدعم السريع «أعدموا ١١ مدنياً بينهم إمام مسجد "
        "وطالبان، بعد اقتحام منازلهم في حي الشفاء شرقي المدينة»."
    )
    event = only(events_of(body))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == ("Attack", "Rapid Support Forces", 11)


def test_an_analyst_recalling_past_strikes_and_expecting_battles_tells_no_event(events_of):
    body = (
        "أعلنت قوات الدعم السريع، مساء أمس، سيطرتها على مدينة بارا بولاية شمال كردفان. "
        "ويقول المحلل العسكري عبد الرحمن الطيب إن «من يسيطر على بارا يتحكم في الطريق إلى الأبيض»، "
        "مستعيداً الغارات التي شنّها طيران الجيش على تجمعات الدعم السريع في المدينة مطلع العام الماضي. "
        "وأضاف الطيب متوقعاً أن «تشهد الأيام المقبلة معارك أعنف على محور أم صميمة»."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Non-state actor overtakes territory"]


def test_a_riot_dispersed_is_still_a_riot(events_of):
    body = (
        "أضرم محتجون غاضبون النيران في إطارات السيارات أمام دائرة الكهرباء في قضاء المدينة الليلة الماضية، "
        "واقتحموا باحتها وحطموا زجاج واجهتها، قبل أن تفرقهم قوات الشرطة بالغاز المسيل للدموع."
    )
    assert only(events_of(body))["sub_event_type"] == "Violent demonstration"


def test_strategic_drones_are_a_drone_strike(events_of):
    body = "قال الجيش إن «الميليشيا استهدفت بعدد من المسيّرات الاستراتيجية منشآت في بورتسودان» فجر اليوم."
    assert only(events_of(body))["sub_event_type"] == "Air/drone strike"


def test_a_protest_over_yesterdays_strike_is_the_protest(events_of):
    body = (
        "قُتل عنصران من وحدات مقاومة سنجار، مساء أمس، إثر استهداف سيارتهما بطائرة مسيّرة تركية عند مدخل قضاء سنجار. "
        "وعلى إثر قصف الأمس، نظّم مئات من أهالي سنجار ظهر اليوم وقفة احتجاجية رفعوا خلالها صور القتيلين."
    )
    rows = {e["sub_event_type"]: e for e in events_of(body)}
    assert set(rows) == {"Air/drone strike", "Peaceful protest"}
    assert rows["Peaceful protest"]["fatalities"] is None


def test_a_claim_dated_today_claims_the_attack_told(events_of):
    body = (
        "تعرّض حاجز لقوات سوريا الديمقراطية عند مدخل بلدة البصيرة بريف دير الزور لهجوم بالأسلحة الرشاشة الليلة الماضية، "
        "ما أدى إلى مقتل عنصرين. وتبنّى تنظيم «الدولة الإسلامية» الهجوم عبر معرّفاته الرسمية ظهر اليوم."
    )
    event = only(events_of(body))
    assert (event["actor1"], event["attribution"]) == ("Islamic State", "reported")


def test_a_bomb_a_second_drone_dropped_is_no_grenade(events_of):
    body = (
        "استهدفت مسيّرة معادية ظهر اليوم دراجة نارية على الطريق بين بلدة كفررمان ومدينة النبطية، ما أدى إلى سقوط شهيد، "
        "فيما ألقت مسيّرة أخرى قنبلة صوتية على جرافة في بلدة ميس الجبل."
    )
    assert {e["sub_event_type"] for e in events_of(body)} == {"Air/drone strike"}


def test_all_after_protesting_against_is_what_the_riot_is_about(events_of):
    body = (
        "قطع عشرات الشبان الغاضبين، مساء أمس، الطريق الرئيسي في حي الرمل الجنوبي باللاذقية بالإطارات المشتعلة، "
        "ورشقوا سيارة للشرطة بالحجارة، احتجاجاً على ما وصفوه بتقاعس الأجهزة الأمنية في البحث عن فتاة اختُطفت قبل أيام."
    )
    assert only(events_of(body))["sub_event_type"] == "Violent demonstration"


def test_a_call_to_march_is_no_protest(events_of):
    body = "عاجل | دعوة للخروج في مسيرة مليونية بميدان السبعين بأمانة العاصمة عصر اليوم الجمعة."
    assert events_of(body) == []


def test_what_an_army_claims_it_targeted_is_its_claim_not_a_new_event(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية ظهر اليوم سيارة على الأوتوستراد الشرقي لمدينة صيدا، ما أدى إلى استشهاد شخصين. "
        "وادعى جيش الاحتلال في بيان أنه استهدف «قيادياً في حركة حماس مسؤولاً عن تجنيد عناصر في جنوب لبنان»."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Air/drone strike"]


def test_the_deed_the_arrested_are_accused_of_is_not_the_event(events_of):
    e = only(events_of("أعلنت شرطة عدن اليوم القبض على ثلاثة متهمين باختطاف تاجر في مديرية البريقة."))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Police Forces of Yemen")


def test_people_fired_on_where_they_gathered_to_object_were_protesters(events_of):
    body = (
        "أُصيب شابان بجروح عصر أمس إثر إطلاق جنود الاحتلال الرصاص الحي على عشرات الأهالي الذين تجمّعوا عند "
        "أطراف بلدة كويا رفضاً لتوغل قوة إسرائيلية في أراضيهم."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Excessive force against protesters",
        "Military Forces of Israel",
        "Protesters",
    )
    shot = only(events_of("أُصيب شابان بجروح عصر أمس إثر إطلاق جنود الاحتلال الرصاص الحي على سيارتهما قرب بلدة كويا."))
    assert shot["sub_event_type"] == "Attack"


def test_a_raid_fired_on_that_arrests_no_one_is_a_fight(events_of):
    body = (
        "نفذت وحدات من الجيش اللبناني فجر اليوم عملية دهم لمنازل مطلوبين في حي الشراونة بمدينة بعلبك، فتعرضت "
        "لإطلاق نار من مسلحين تحصنوا في أحد المباني، ما أدى إلى إصابة عسكري بجروح طفيفة."
    )
    e = only(events_of(body))
    assert e["sub_event_type"] == "Armed clash"
    arrested = body.replace("فتعرضت", "واعتقلت ثلاثة منهم بعد أن تعرضت")
    assert only(events_of(arrested))["sub_event_type"] == "Arrests"


def test_a_march_announced_for_tomorrow_and_a_battle_years_back_are_no_events(events_of):
    assert events_of("وتشهد مدينة تعز غداً الجمعة مسيرة جماهيرية كبرى في ساحة الحرية تضامناً مع غزة.") == []
    old = "وكانت مديرية لودر قد شهدت في 2022 معارك عنيفة بين القوات الجنوبية وعناصر تنظيم القاعدة."
    assert events_of(old) == []
    today = "وتشهد مدينة تعز اليوم الجمعة مسيرة جماهيرية كبرى في ساحة الحرية تضامناً مع غزة."
    assert only(events_of(today))["sub_event_type"] == "Peaceful protest"


def test_the_bombs_a_cell_is_implicated_in_are_not_the_arrests_event(events_of):
    body = (
        "أعلنت قيادة الأمن الداخلي اليوم أن وحداتها ألقت القبض في مدينة جاسم على ثلاثة أشخاص قالت إنهم ينتمون "
        "إلى خلية متورطة بزرع عبوات ناسفة على الطرق الزراعية."
    )
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_arrests_made_after_cordoning_off_the_area_are_where_the_ambush_was(events_of):
    body = (
        "تعرضت دورية للأمن الداخلي مساء أمس لكمين مسلح قرب مدينة بانياس، ما أدى إلى مقتل عنصرين.\n\n"
        "وأضاف المصدر أن وحدات الأمن الداخلي طوّقت المنطقة ونفذت فجر اليوم عمليات تمشيط أسفرت عن إلقاء القبض "
        "على أربعة من أفراد المجموعة."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert arrest["location"] == "Baniyas"


def test_a_meeting_of_the_committee_overseeing_a_truce_is_no_agreement(events_of):
    body = "عقدت لجنة الإشراف على تنفيذ اتفاق وقف إطلاق النار اليوم اجتماعاً دورياً في الناقورة بحضور ممثلين عن الجيش."
    assert events_of(body) == []
    made = "أعلن الطرفان اليوم التوصل إلى اتفاق لوقف إطلاق النار في مدينة جاسم برعاية وجهاء المنطقة."
    assert only(events_of(made))["sub_event_type"] == "Agreement"


def test_bursts_of_fire_toward_shepherds_are_an_attack(events_of):
    body = "أطلق جنود العدو المتمركزون في موقع مستحدث صباح اليوم رشقات نارية باتجاه رعاة عند أطراف بلدة علما الشعب."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Military Forces of Israel", "Civilians")


def test_weapons_an_attack_came_under_the_cover_of_are_no_event_of_their_own(events_of):
    body = (
        "حاولت فصائل موالية لتركيا، فجر اليوم، التقدم نحو قرية أم الكيف شمال تل تمر تحت غطاء من القصف "
        "المدفعي والطائرات المسيّرة، إلا أن مقاتلي مجلس تل تمر العسكري تصدّوا لها واشتبكوا معها ساعتين."
    )
    assert only(events_of(body))["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize(
    "body",
    [
        "تعرضت نقطة للجيش العراقي في قضاء الطارمية، فجر اليوم، لهجوم بالأسلحة القناصة والقذائف من قبل "
        "مجموعة مسلحة تسللت من البساتين، ما أسفر عن مقتل جندي.",
        "هاجم مسلحون مجهولون حاجزاً للأمن العام قرب بلدة الصنمين بالأسلحة الرشاشة وقذائف الهاون أمس، ما أدى "
        "إلى مقتل عنصرين.",
    ],
)
def test_shells_among_small_arms_are_a_ground_attack(events_of, body):
    assert only(events_of(body))["sub_event_type"] == "Armed clash"


def test_strikes_joined_by_a_comma_and_wa_at_another_town_are_a_second_event(events_of):
    body = (
        "شن الطيران الأمريكي، مساء اليوم، أربع غارات على منطقة في مديرية مجزر بمحافظة مأرب، "
        "وغارتين على مديرية الصليف بمحافظة الحديدة."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Al-Salif district", "Majzar district"]


def test_an_arrest_told_again_after_a_comma_and_wa_is_one_arrest(events_of):
    body = (
        "أعلنت قيادة الأمن الداخلي في محافظة طرطوس تفكيك خلية في مدينة بانياس، وإلقاء القبض على "
        "أفرادها الخمسة في قرية العنازة."
    )
    assert only(events_of(body))["sub_event_type"] == "Arrests"


def test_the_ceasefire_line_is_a_place_not_an_agreement(events_of):
    body = (
        "توغلت قوة إسرائيلية صباح أمس في محيط بلدة جباتا الخشب بريف القنيطرة واعتقلت راعيين.\n\n"
        "وروى أحدهما أن الجنود «قيّدوا أيدينا وسألونا عن شبان في البلدة»، مضيفاً أنه أُطلق سراحه "
        "عند بوابة قرب خط وقف إطلاق النار وعاد سيراً إلى منزله."
    )
    assert "Agreement" not in [e["sub_event_type"] for e in events_of(body)]


def test_hundreds_of_strikes_since_a_month_are_a_tally_not_an_event(events_of):
    body = (
        "قُتل ثلاثة مواطنين الليلة الماضية بغارات شنّها الطيران الأمريكي على مدينة الزيدية بمحافظة الحديدة.\n\n"
        "وكان الطيران الأمريكي قد شنّ منذ منتصف أبريل الماضي أكثر من 400 غارة على عدد من المحافظات، "
        "فيما دعت اللجنة المنظمة إلى مسيرات حاشدة يوم الجمعة."
    )
    assert len(events_of(body, published="2025-05-20T09:00:00+03:00")) == 1


def test_a_day_of_raids_since_yesterday_is_still_an_event(events_of):
    body = "شنّت الطائرات الحربية منذ صباح أمس أكثر من 20 غارة على مواقع في بادية مدينة تدمر."
    assert only(events_of(body))["sub_event_type"] == "Air/drone strike"


@pytest.mark.parametrize(
    ("body", "sub"),
    [
        (
            "تظاهر مئات العمال صباح اليوم أمام بوابة حقل الرميلة النفطي، وأغلقوا الطريق المؤدي إليه لساعات.",
            "Peaceful protest",
        ),
        ("أشعل شبان غاضبون الإطارات وقطعوا الطريق الرئيسي عند مدخل بلدة قنوات مساء أمس.", "Violent demonstration"),
        ("نظم العشرات من أهالي درنة ظهر اليوم وقفة أمام مبنى مديرية الأمن.", "Peaceful protest"),
        ("مسلحون مجهولون يخطفون صيدلانياً من أهالي بلدة الراعي مساء أمس.", "Abduction/forced disappearance"),
    ],
)
def test_what_a_crowd_or_gunmen_did_names_the_event(events_of, body, sub):
    assert only(events_of(body))["sub_event_type"] == sub


def test_stun_grenades_dropped_by_a_drone_and_a_strike_elsewhere_are_two_strikes(events_of):
    body = (
        "ألقت مسيّرة إسرائيلية، قبل الظهر، قنبلتين صوتيتين على أطراف بلدة دير ميماس، "
        "فيما شنّت مسيّرة أخرى غارة على منزل غير مأهول في بلدة مركبا."
    )
    got = sorted((e["location"], e["sub_event_type"]) for e in events_of(body))
    assert got == [("Deir Mimas", "Air/drone strike"), ("Markaba", "Air/drone strike")]


def test_a_count_since_a_month_is_a_total_not_an_event(events_of):
    body = "وتقدّر لجان المقاومة عدد المدنيين الذين قُتلوا في شرق الجزيرة منذ أكتوبر الماضي بأكثر من ألف شخص."
    assert events_of(body) == []


def test_police_who_broke_up_a_fight_and_arrested_made_arrests(events_of):
    body = (
        "تدخلت قوة من قيادة شرطة ذي قار لفض النزاع العشائري في ناحية سيد دخيل، واعتقلت فجر اليوم ستة من المشاركين فيه."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Police Forces of Iraq")


def test_a_fight_near_a_town_and_at_its_village_told_by_one_side_is_one_fight(events_of):
    body = (
        "أعلن المركز الإعلامي لقوات سوريا الديمقراطية اليوم أن مقاتليه أفشلوا هجوماً جديداً لمرتزقة الاحتلال التركي "
        "جنوب شرقي منبج.\n\n"
        "وقال المركز في بيان: «تصدّى مقاتلونا منذ ساعات الفجر لهجوم واسع شنّه مرتزقة الاحتلال التركي على مواقعنا "
        "في محور قرية أبو قلقل»."
    )
    e = only(events_of(body, published="2025-01-20T12:00:00+03:00"))
    assert (e["sub_event_type"], e["location"]) == ("Armed clash", "Abu Qalqal")


def test_a_post_the_army_set_up_is_a_base_established(events_of):
    body = "استحدث الجيش اللبناني صباح اليوم حاجزاً ثابتاً عند مدخل بلدة مجدل عنجر وعزّز انتشاره في محيطها."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Headquarters or base established", "Military Forces of Lebanon")


def test_a_tribal_truce_signed_after_the_feud_is_an_agreement_there(events_of):
    body = (
        "اندلع نزاع عشائري مسلح، يوم الأحد، بين عشيرتين في ناحية الدير شمالي البصرة، ما أدى إلى مقتل شخص.\n\n"
        "وبحسب المصدر، فقد وقّع وجهاء العشيرتين، ليلة أمس، «عطوة» لمدة ثلاثة أشهر برعاية قيادة الشرطة."
    )
    truce = [e for e in events_of(body) if e["sub_event_type"] == "Agreement"]
    assert [(e["location"], e["actor1"], e["actor2"]) for e in truce] == [
        ("Ad-Dayr", "Tribal militia", "Tribal militia")
    ]


def test_drones_found_in_a_cache_are_disrupted_weapons_use(events_of):
    body = (
        "أعلنت قوات الحزام الأمني، اليوم، ضبط مخزن أسلحة في أحد شعاب مديرية لودر بمحافظة أبين، يحتوي على "
        "عبوات ناسفة وطائرات مسيّرة صغيرة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Disrupted weapons use", "Southern Transitional Council")


def test_drones_met_by_the_defences_and_all_downed_are_disrupted(events_of):
    body = (
        "تصدت الدفاعات الأرضية التابعة للجيش السوداني، فجر اليوم، لعدد من المسيّرات التي أطلقتها قوات "
        "الدعم السريع باتجاه مدينة عطبرة، وأسقطتها جميعاً قبل وصولها إلى أهدافها."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Disrupted weapons use",
        "Military Forces of Sudan",
        "Rapid Support Forces",
    )


def test_drones_met_by_the_defences_and_some_downed_still_struck(events_of):
    body = (
        "تصدت المضادات الأرضية، فجر اليوم، لهجوم بطائرات مسيّرة استهدف ميناء مدينة بورتسودان، وأسقطت "
        "عدداً منها، فيما سقطت إحداها قرب مستودع للوقود."
    )
    e = only(events_of(body))
    assert e["sub_event_type"] == "Air/drone strike"


def test_a_killing_with_others_taken_is_an_attack(events_of):
    body = (
        "قتلت قوات الدعم السريع أربعة مزارعين واختطفت اثنين آخرين، صباح اليوم، في هجوم على قرية "
        "قرب مدينة القطينة بولاية النيل الأبيض."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["fatalities"]) == ("Attack", "Rapid Support Forces", 4)


def test_a_ticker_drone_that_targets_is_a_strike(events_of):
    body = "عاجل | مسيّرة تستهدف مقراً حكومياً في مدينة الروصيرص فجر اليوم دون خسائر بشرية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Air/drone strike", 0)


def test_a_headline_with_shelling_and_a_drone_leads_with_the_shelling(events_of):
    title = "الفاشر: ٤ قتلى بقصف للدعم السريع على مخيم أبو شوك ومسيّرة تستهدف المستشفى السعودي"
    body = "قُتل أربعة مدنيين، صباح اليوم، جراء قذائف أطلقتها قوات الدعم السريع على مخيم أبو شوك للنازحين."
    subs = {e["sub_event_type"]: e["fatalities"] for e in events_of(body, title=title)}
    assert subs.get("Shelling/artillery/missile attack") == 4


def test_a_march_through_the_street_is_a_protest_not_a_drone(events_of):
    body = (
        "خرج المئات من أهالي بلدة عامودا، بعد ظهر اليوم، في مسيرة جابت الشارع الرئيسي، تنديداً "
        "بالهجمات التركية المتكررة."
    )
    e = only(events_of(body))
    assert e["sub_event_type"] == "Peaceful protest"


def test_an_arrest_tried_and_met_with_fire_is_a_fight(events_of):
    body = (
        "حاولت دورية من الأمن العام توقيف أحد المطلوبين في بلدة نصيب بريف درعا الشرقي، مساء أمس، فبادر "
        "مسلحون إلى إطلاق النار عليها، ما أدى إلى مقتل عنصرين من الدورية."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", 2)


def test_two_strikes_at_two_places_joined_by_wa_without_a_comma_are_two(events_of):
    body = (
        "شن طيران العدوان الأمريكي، مساء اليوم، ثلاث غارات على مديرية الحوك وغارتين على ميناء رأس عيسى "
        "في محافظة الحديدة."
    )
    places = sorted(e["location"] for e in events_of(body))
    assert places == ["Al-Hawak", "Ras Isa"]


def test_no_word_yet_of_the_victims_is_an_unknown_toll(events_of):
    body = (
        "شن الطيران الأمريكي، مساء اليوم، غارتين على جزيرة كمران في محافظة الحديدة. لم ترد حتى الآن "
        "معلومات عن ضحايا الغارتين."
    )
    e = only(events_of(body))
    assert e["fatalities"] is None


def test_fighting_of_a_past_summer_recalled_today_is_no_event(events_of):
    body = (
        "اندلع اشتباك عنيف الليلة قبل الماضية في مخيم عين الحلوة بين عناصر من حركة فتح ومسلحين من تجمع "
        "الشباب المسلم، ما أدى إلى سقوط قتيلين.\n\n"
        "وأقفلت المدارس أبوابها اليوم، وسط خشية الأهالي من تكرار اشتباكات صيف 2023 التي هجّرت آلاف العائلات."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["event_date"]) == ("Fatah Movement", date(2024, 3, 5))


def test_a_ceasefire_written_with_li_between_two_named_groups_is_an_agreement(events_of):
    body = (
        "أعلنت هيئة العمل الفلسطيني المشترك في صيدا، مساء أمس، التوصل إلى وقف لإطلاق النار بين حركة فتح "
        "وتجمع الشباب المسلم في مخيم عين الحلوة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Agreement", "Fatah Movement", "Al-Shabab al-Muslim")


def test_a_bank_manager_wounded_by_unknown_gunmen_is_an_attack(events_of):
    body = "أصيب مدير مصرف تجاري بجروح، مساء أمس، بعد أن أطلق مسلحون مجهولون النار على سيارته وسط مدينة صبراتة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["fatalities"], e["injuries"]) == (
        "Attack",
        "Unidentified armed group",
        0,
        1,
    )


def test_rescue_teams_hide_no_drone_strike(events_of):
    body = (
        "وأضاف الناطق أن مسيّرة أخرى أصابت أحد خزانات الوقود في مدينة بورتسودان، ما أدى إلى اندلاع حريق تمكنت "
        "فرق الدفاع المدني من السيطرة عليه، دون خسائر بشرية."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"]) == ("Air/drone strike", "Port Sudan")


def test_settlers_who_burn_and_wound_attack_and_the_army_stepping_in_after_is_no_side(events_of):
    body = (
        "هاجم مستوطنون، مساء أمس، أطراف بلدة ترمسعيا شمال شرقي رام الله، وأحرقوا منزلاً وسيارتين، وأُصيب شاب "
        "برصاصهم، قبل أن تتدخّل قوات الاحتلال وتطلق قنابل الغاز باتجاه الأهالي."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Settlers (Israel)", "Civilians")


def test_al_masirahs_correspondent_is_no_drone(events_of):
    shot = only(events_of("عاجل | مراسل المسيرة: استشهاد مهاجر بنيران حرس الحدود السعودي اليوم في مديرية منبه."))
    shelled = only(events_of("عاجل | مراسل المسيرة: العدو السعودي يستهدف بقذائف الهاون قرى مديرية شدا، دون إصابات."))
    assert (shot["sub_event_type"], shelled["sub_event_type"]) == ("Attack", "Shelling/artillery/missile attack")


def test_a_shepherd_taken_by_a_foreign_army_is_an_arrest(events_of):
    body = "خطفت قوة إسرائيلية، بعد ظهر أمس، راعياً من بلدة شبعا أثناء رعيه قطيعه، واقتادته إلى جهة مجهولة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Military Forces of Israel")


def test_a_retired_officer_shot_dead_is_an_attack_on_a_civilian(events_of):
    body = "قُتل ضابط متقاعد في الجيش الليبي، ظهر اليوم، برصاص مسلحين مجهولين أطلقوا النار عليه وسط مدينة الزاوية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Attack", "Civilians")


def test_qarqusa_with_the_article(events_of):
    e = only(events_of("أغلق محتجون غاضبون الطريق الساحلي عند منطقة القرقوزة بالإطارات المشتعلة، مساء اليوم."))
    assert (e["sub_event_type"], e["location"]) == ("Violent demonstration", "Qarqusa")


def test_fire_opened_at_random_on_villagers_is_an_attack(events_of):
    body = (
        "اجتاحت قوات الدعم السريع، أمس، قرية بركات جنوب شرقي ود مدني، حيث أطلق عناصرها النار بشكل عشوائي على "
        "المواطنين، ما أدى إلى استشهاد ستة مواطنين."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"], e["fatalities"]) == ("Attack", "Barakat", 6)


def test_army_aviation_striking_a_second_place_is_a_second_strike(events_of):
    body = (
        "وجهت طائرات F-16 العراقية الليلة الماضية ضربة جوية إلى وكر للإرهابيين في منطقة الزركة، فيما نفذ طيران "
        "الجيش ضربة ثانية على مضافة في محيط ناحية الملتقى جنوب غربي كركوك."
    )
    assert sorted(e["location"] for e in events_of(body)) == ["Al-Multaqa", "Al-Zarga"]


def test_the_strike_carried_out_told_again_by_a_source_elsewhere_is_the_same_strike(events_of):
    body = (
        "قُتل عنصران من وحدات مقاومة سنجار، مساء أمس، إثر استهداف سيارتهما بطائرة مسيّرة تركية قرب ناحية خانصور.\n\n"
        "وقال مصدر أمني في سنجار إن السيارة احترقت بالكامل، مضيفاً أن المسيّرة حلّقت فوق المنطقة لأكثر من ساعة "
        "قبل تنفيذ الضربة."
    )
    e = only(events_of(body))
    assert (e["location"], e["fatalities"]) == ("Khanasor", 2)


def test_a_man_wanted_for_shootings_and_drugs_arrested_is_an_arrest(events_of):
    body = (
        "دهمت قوة من مديرية المخابرات في الجيش، ظهر اليوم، منزلاً في بلدة سفري غرب بعلبك، وأوقفت المدعو ع. ج. "
        "المطلوب بجرائم إطلاق نار وترويج مخدرات."
    )
    assert only(events_of(body))["sub_event_type"] == "Arrests"
    assert events_of("أوقفت دورية من شعبة المعلومات، اليوم، شخصاً في بلدة سفري بتهمة ترويج المخدرات.") == []


def test_a_raid_fired_on_with_a_soldier_hurt_before_the_arrests_is_a_fight(events_of):
    body = (
        "نفذت وحدة من الجيش، صباح اليوم، عملية دهم في بلدة بريتال بحثاً عن الخاطفين، فتعرضت لإطلاق نار من "
        "مطلوبين فردّت على مصادر النيران، ما أدى إلى إصابة عسكري بجروح، وأوقفت اثنين من المطلوبين."
    )
    assert only(events_of(body))["sub_event_type"] == "Armed clash"


def test_al_mankoubin_in_tripoli(events_of):
    body = "قطع عدد من المحتجين الغاضبين الطريق الرئيسية في منطقة المنكوبين بالإطارات المشتعلة، مساء اليوم."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"]) == ("Violent demonstration", "Al-Mankoubin")


def test_no_news_yet_of_victims_in_strikes_told_is_no_new_strike(events_of):
    body = (
        "08:40 | مراسلنا: ثلاث غارات معادية على مديرية الصليف بمحافظة الحديدة مساء أمس.\n\n"
        "08:55 | مراسلنا: لا معلومات عن ضحايا في غارات الصليف وكمران حتى اللحظة."
    )
    assert [e["event_date"] for e in events_of(body)] == [date(2024, 3, 6)]


def test_drones_among_the_heavy_weapons_of_an_assault_make_no_drone_strike(events_of):
    body = (
        "تعرّضت مواقع للجيش في بلدة تل تمر بريف الحسكة، يوم أمس، لهجوم واسع بالأسلحة الثقيلة والطائرات المسيّرة "
        "شنّه عناصر من تنظيم داعش، استمر عدة ساعات."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Armed clash"]


def test_defences_that_met_drones_and_downed_some_of_them_are_the_event(events_of):
    body = (
        "قال الناطق باسم الجيش إن المضادات الأرضية تصدّت فجر اليوم لعدد من المسيّرات الانتحارية التي أطلقتها "
        "قوات الدعم السريع باتجاه مدينة كوستي، وأسقطت ثلاثاً منها."
    )
    assert [e["sub_event_type"] for e in events_of(body)] == ["Disrupted weapons use"]


def test_a_drone_counted_after_others_that_fell_on_a_depot_is_a_strike(events_of):
    body = "وأضاف المصدر أن مسيّرة رابعة سقطت على مستودع للوقود في مدينة كوستي مساء أمس، دون خسائر بشرية."
    assert [e["sub_event_type"] for e in events_of(body)] == ["Air/drone strike"]


def test_a_demand_for_the_fate_of_a_man_tells_his_abduction_in_its_relative_clause(events_of):
    body = (
        "طالبت منظمة حقوقية في بيان اليوم بالكشف عن مصير الصحفي عادل القماطي، الذي اختطفه مسلحون مجهولون "
        "مساء الأحد الماضي من أمام منزله في مدينة غريان."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"]) == ("Abduction/forced disappearance", "Gharyan")


def test_arrests_of_those_who_took_part_in_a_feud_told_are_where_it_was(events_of):
    body = (
        "قُتل شخص وأصيب ثلاثة آخرون في نزاع عشائري اندلع الليلة قبل الماضية في ناحية الفهود شرقي ذي قار.\n\n"
        "وقال المصدر إن النزاع نشب بين عشيرتين على خلفية خلاف على أراض زراعية.\n\n"
        "وأضاف أن القوات الأمنية اعتقلت أمس خمسة من المشاركين في النزاع وضبطت بحوزتهم أسلحة متوسطة."
    )
    arrests = [e for e in events_of(body) if e["sub_event_type"] == "Arrests"]
    assert [(e["location"], e["event_date"]) for e in arrests] == [("Nahiyat al Fuhud", date(2024, 3, 6))]
