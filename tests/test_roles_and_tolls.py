"""Actor roles and casualty tolls: the rules added for both sides of a fight, owners, home-country
aliases and risen tolls, each on a short sentence written for these tests."""

from datetime import date

import pytest
from rows import only


def test_two_tribes_are_both_sides_of_the_clash(events_of):
    e = only(events_of("قُتل ثلاثة أشخاص أمس في اشتباكات مسلحة بين عشيرتين في مدينة الكفرة."))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Tribal militia", "Tribal militia", 3)


def test_supporting_force_is_not_a_side(events_of):
    body = "اندلعت أمس معارك عنيفة بين قوات الجيش الوطني مسنودة برجال القبائل وجماعة الحوثي في مديرية صرواح."
    e = only(events_of(body))
    assert {e["actor1"], e["actor2"]} == {"Military Forces of Yemen", "Ansar Allah (Houthis)"}


def test_side_that_launched_the_attack_is_actor1(events_of):
    body = (
        "دارت أمس اشتباكات بين الجيش الوطني وجماعة الحوثي في مديرية حريب، إثر هجوم شنّته جماعة الحوثي على مواقع الجيش."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", "Military Forces of Yemen")


def test_side_after_with_fought_the_victims(events_of):
    e = only(events_of("قُتل جندي من الجيش الوطني أمس في مواجهات مع مسلحي الحوثي في مديرية الزاهر."))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", "Military Forces of Yemen")


def test_owner_after_tabia_is_the_actor(events_of):
    body = "أعلنت الأجهزة الأمنية التابعة للقيادة العامة أنها ألقت القبض أمس على عنصرين من داعش في مدينة سرت."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Arrests", "Libyan National Army", "Islamic State")


def test_home_country_alias_names_the_actor_only_at_home(events_of):
    sudan = only(events_of("شنّ الطيران الحربي أمس غارات على تجمعات لقوات الدعم السريع في مدينة الفاشر."))
    syria = only(events_of("شنّ الطيران الحربي أمس غارات على مواقع لتنظيم داعش قرب مدينة تدمر."))
    assert (sudan["actor1"], syria["actor1"]) == ("Military Forces of Sudan", None)


def test_repelled_attack_names_its_attacker(events_of):
    e = only(events_of("صدّ الجيش السوداني أمس هجوم قوات الدعم السريع على مدينة بابنوسة."))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")


def test_risen_toll_is_the_figure_after_ila(events_of):
    body = "ارتفعت حصيلة قتلى القصف الذي استهدف سوق مدينة معرة مصرين أمس إلى تسعة مدنيين، بعد وفاة اثنين من الجرحى."
    assert only(events_of(body))["fatalities"] == 9


def test_risen_injury_toll_keeps_the_dead_apart(events_of):
    body = "ارتفع عدد المصابين جراء القصف الصاروخي على مدينة كريات شمونة أمس إلى خمسة، من دون تسجيل وفيات."
    e = only(events_of(body))
    assert (e["injuries"], e["fatalities"]) == (5, 0)


def test_death_given_as_the_cause_is_not_counted(events_of):
    body = "قُتل شخصان أمس في اشتباكات في مدينة سبها على خلفية مقتل شاب من إحدى العائلتين الأسبوع الماضي."
    assert only(events_of(body))["fatalities"] == 2


def test_dual_of_a_relative_adjective_is_two(events_of):
    e = only(events_of("قُتل قياديان في لواء فاطميون أمس بغارة جوية على سيارتهما قرب مدينة البوكمال."))
    assert e["fatalities"] == 2


def test_feminine_passive_verb_with_one_victim(events_of):
    e = only(events_of("قُتلت امرأة أمس برصاص قناص في حي الروضة بمدينة تعز."))
    assert (e["sub_event_type"], e["fatalities"], e["actor2"]) == ("Attack", 1, "Civilians")


def test_levantine_yesterday_dates_the_event(events_of):
    e = only(events_of("مبارح العصر اعتقل حاجز الأمن العسكري شابين من بلدة الحراك في ريف درعا."))
    assert str(e["event_date"]) == "2024-03-06"


def test_month_written_twice_keeps_its_day(events_of):
    e = only(events_of("قُتل جندي بقصف مدفعي على بلدة الكسوة جنوب دمشق فجر 5 آذار/مارس."))
    assert str(e["event_date"]) == "2024-03-05"


def test_fighters_of_two_tribes_are_both_sides(events_of):
    body = "قُتل شخص أمس في اشتباكات اندلعت بين مسلحين من قبيلتي المشاشية والزنتان في مدينة الشقيقة."
    e = events_of(body)[0]
    assert (e["actor1"], e["actor2"]) == ("Tribal militia", "Tribal militia")


def test_two_unnamed_groups_fight_with_unknown_attribution(events_of):
    e = only(events_of("قُتل مدني أمس في اشتباكات بين مجموعتين مسلحتين في منطقة جنزور غربي طرابلس."))
    assert (e["actor1"], e["actor2"], e["attribution"]) == (
        "Unidentified armed group",
        "Unidentified armed group",
        "unknown",
    )


def test_forces_that_did_not_intervene_take_no_part(events_of):
    body = "خرج العشرات أمس في مظاهرة سلمية في مدينة ود مدني وانفضّت دون تدخّل من قوات الشرطة السودانية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Peaceful protest", None)


def test_soldiers_killed_by_a_bomb_are_its_target(events_of):
    body = "قُتل ضابط وجندي في الجيش العراقي أمس بانفجار عبوة ناسفة استهدفت عجلتهما قرب قضاء الحويجة."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Military Forces of Iraq")


def test_the_aggressor_is_the_perpetrator_named_before(events_of):
    body = (
        "شنّ طيران العدوان الأمريكي البريطاني فجر اليوم غارات على جزيرة كمران بمحافظة الحديدة.\n\n"
        "كما شنّ العدوان غارتين على منطقة الجبانة غربي مدينة الحديدة."
    )
    assert {e["actor1"] for e in events_of(body)} == {"Military Forces of the United States"}


def test_detainees_suspected_of_belonging_to_a_group_are_its_members(events_of):
    body = "اعتقلت قوات سوريا الديمقراطية فجر اليوم شخصين يُشتبه بانتمائهما لخلايا داعش في بلدة ذيبان."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Syrian Democratic Forces", "Islamic State")


def test_unknown_men_throwing_a_grenade_are_the_actor(events_of):
    e = only(events_of("ألقى مجهولون قنبلة يدوية مساء أمس على منزل في بلدة قباسين شمال شرقي الباب."))
    assert (e["sub_event_type"], e["actor1"]) == ("Grenade", "Unidentified armed group")


def test_nationality_of_a_killed_soldier_names_the_victim(events_of):
    body = "قُتل جندي تركي أمس في هجوم لمسلحي حزب العمال الكردستاني على قاعدة عسكرية في منطقة متينا بدهوك."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Kurdistan Workers' Party", "Military Forces of Turkey")


def test_whose_shells_they_were_names_actor1(events_of):
    body = "سقطت قذائف هاون أمس على حي سكني في مدينة الفاشر مصدرها قوات الدعم السريع، ما أدى إلى مقتل طفل."
    assert only(events_of(body))["actor1"] == "Rapid Support Forces"


def test_who_found_the_body_is_not_the_killer(events_of):
    body = "عثرت قوات الأمن أمس على جثة شاب مقتولاً بطلق ناري في مدينة البوكمال."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"], e["fatalities"]) == ("Unidentified armed group", "unknown", 1)


def test_the_regime_alone_is_the_syrian_army_in_syria(events_of):
    body = "قُتل ثلاثة عناصر من هيئة تحرير الشام أمس بقصف للنظام على محور الفطيرة في ريف إدلب الجنوبي."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["location"]) == ("Military Forces of Syria", "Hayat Tahrir al-Sham", "Fattira")


def test_dual_noun_before_the_verb_is_two_killed(events_of):
    body = "قالت مصادر طبية إن طفلين قُتلا أمس بانفجار لغم أرضي في مديرية حيس جنوب الحديدة."
    assert only(events_of(body))["fatalities"] == 2


def test_executed_civilians_are_killed_by_who_went_ahead(events_of):
    body = "أقدم عناصر من الدعم السريع أمس على إعدام خمسة مدنيين ميدانياً في قرية ود النورة بولاية الجزيرة."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Rapid Support Forces", "Civilians", 5)


def test_a_named_weapon_leaves_a_claim_reported(events_of):
    body = "أعلن حزب الله أمس استهداف تجمع لجنود الاحتلال قرب بلدة كفرشوبا بالأسلحة الصاروخية."
    assert only(events_of(body))["attribution"] == "reported"


def test_an_infantry_division_is_the_sudanese_army(events_of):
    body = "أعلنت الفرقة السادسة مشاة أمس أنها تصدّت لهجوم شنّته قوات الدعم السريع على المحور الجنوبي لمدينة الفاشر."
    e = only(events_of(body))
    assert {e["actor1"], e["actor2"]} == {"Military Forces of Sudan", "Rapid Support Forces"}


def test_count_before_the_people_before_the_verb(events_of):
    body = "وقال مصدر طبي إن خمسة مدنيين قُتلوا أمس جراء قصف مدفعي على مدينة الفاشر."
    assert only(events_of(body))["fatalities"] == 5


def test_a_toll_told_twice_in_one_phrase_counts_once(events_of):
    body = "لقي ثلاثة مواطنين حتفهم أمس جراء انفجار لغم أرضي في صحراء الحضر."
    assert only(events_of(body))["fatalities"] == 3


def test_yemeni_armed_forces_statements_are_the_houthis(events_of):
    body = "أعلنت القوات المسلحة اليمنية أمس استهداف سفينة تجارية بعدد من الصواريخ قبالة سواحل مديرية الخوخة."
    assert only(events_of(body))["actor1"] == "Ansar Allah (Houthis)"


def test_the_libyan_national_army_is_not_yemens(events_of):
    body = "قصفت طائرة مسيّرة مجهولة أمس مواقع لقوات الجيش الوطني الليبي قرب قاعدة الوطية الجوية."
    assert only(events_of(body))["actor2"] == "Libyan National Army"


def test_staff_assaulted_by_a_militia_are_civilians_attacked(events_of):
    body = "اقتحمت عناصر من جهاز دعم الاستقرار أمس مقر شركة الكهرباء في حي أبوسليم واعتدت على الموظفين."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["location"]) == ("Attack", "Civilians", "Abu Salim")


def test_unknown_gunmen_before_their_victim_are_the_killers(events_of):
    body = "قتل مسلحون مجهولون أمس الناشط الإعلامي أحمد العلي بإطلاق النار عليه في مدينة طفس بريف درعا."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Unidentified armed group", "Civilians")


def test_the_syrian_ministry_of_defence_is_the_syrian_army(events_of):
    body = "أعلنت وزارة الدفاع السورية أمس أنها سيطرت على قرى في ريف منبج بعد اشتباكات مع قسد."
    assert only(events_of(body))["actor1"] == "Military Forces of Syria"


def test_a_group_announcing_its_own_dead_is_the_target(events_of):
    body = "أعلنت هيئة الحشد الشعبي أمس مقتل اثنين من مقاتليها بقصف جوي مجهول على مقر لها في قضاء القائم."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == (None, "Popular Mobilization Forces", 2)


def test_iranian_artillery_is_irans_forces(events_of):
    body = "قصفت المدفعية الإيرانية أمس قرى حدودية في منطقة سيدكان بمحافظة أربيل."
    assert only(events_of(body))["actor1"] == "Military Forces of Iran"


def test_an_iraqi_soldier_killed_by_a_charge_names_the_iraqi_army_as_target(events_of):
    body = "قُتل جندي عراقي أمس بانفجار عبوة ناسفة في قضاء طوزخورماتو."
    assert only(events_of(body))["actor2"] == "Military Forces of Iraq"


def test_random_shelling_by_the_rebels_names_them_actor1_in_sudan(events_of):
    body = "قُتل خمسة أشخاص أمس في قصف مدفعي عشوائي للمتمردين على أحياء مدينة الأبيض."
    assert only(events_of(body))["actor1"] == "Rapid Support Forces"


def test_those_accused_of_collaborating_are_not_the_group_they_helped(events_of):
    body = "اعتقلت الاستخبارات العسكرية أمس عدداً من الشباب في مدينة شندي بتهمة التعاون مع الدعم السريع."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Sudan", "Civilians")  # young men, as ACLED codes them


def test_joint_forces_of_the_armed_movements_repel_the_militia(events_of):
    body = "أعلنت القوات المشتركة للحركات المسلحة أمس صد هجوم للمليشيا على منطقة أم كدادة."
    e = only(events_of(body))
    assert {e["actor1"], e["actor2"]} == {"Rapid Support Forces", "Joint Forces of Armed Struggle Movements"}


def test_one_killed_and_three_wounded_are_counted_apart(events_of):
    body = "اشتباك مسلح أمس بين عائلتين في بلدة بريتال أسفر عن سقوط قتيل وثلاثة جرحى."
    e = only(events_of(body))
    assert (e["actor1"], e["fatalities"], e["injuries"]) == ("Tribal militia", 1, 3)


def test_a_quadcopter_dropping_a_grenade_is_an_air_strike_by_its_owner(events_of):
    body = "ألقت محلقة إسرائيلية أمس قنبلة صوتية على صيادين قبالة شاطئ الناقورة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Air/drone strike", "Military Forces of Israel")


def test_a_patrol_that_raided_is_its_owners_force(events_of):
    body = "داهمت دورية تابعة للأمن العسكري أمس عدداً من المنازل في بلدة ابطع، واعتقلت شابين."
    assert only(events_of(body))["actor1"] == "Military Forces of Syria"


def test_the_fourth_division_in_iraq_is_not_syrias(events_of):
    body = "ألقت مفارز الاستخبارات العسكرية في الفرقة الرابعة أمس القبض على ثلاثة متهمين بالإرهاب في ناحية العلم."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Iraq", "Islamic State")


def test_the_red_bands_are_hts_not_asaib(events_of):
    body = "هاجمت مجموعة من العصائب الحمراء التابعة لهيئة تحرير الشام أمس نقطة لقوات النظام قرب بلدة داديخ."
    assert only(events_of(body))["actor1"] == "Hayat Tahrir al-Sham"


def test_a_headline_naming_the_executioners_gives_the_bodies_found_their_killer(events_of):
    body = "عثرت قوة من الحشد الشعبي أمس على جثتي راعيين مقتولين رمياً بالرصاص في منطقة وادي زغيتون."
    e = only(events_of(body, title="داعش يعدم راعيين جنوب غربي كركوك"))
    assert (e["actor1"], e["fatalities"]) == ("Islamic State", 2)


def test_a_suspect_named_in_the_next_sentence_is_the_killers_name(events_of):
    body = "عُثر صباح أمس على جثة راعي أغنام مقتولاً بطلقات نارية قرب بلدة الجرذي. ويُعتقد أن خلايا داعش تقف وراء مقتله."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Islamic State", "suspected")


def test_the_resistance_claiming_a_strike_across_the_border_is_hezbollah(events_of):
    body = (
        "قصفت المدفعية الإسرائيلية أمس أطراف بلدة علما الشعب في قضاء صور جنوب لبنان. "
        "في المقابل، أعلنت المقاومة الإسلامية أن مجاهديها استهدفوا موقع حانيتا التابع لجيش العدو بالأسلحة الصاروخية."
    )
    e = only([x for x in events_of(body) if x["location"] == "Hanita"])
    assert (e["actor1"], e["actor2"]) == ("Hezbollah", "Military Forces of Israel")


def test_the_group_telling_of_a_strike_on_it_names_the_sides_through_its_claim(events_of):
    body = (
        "قالت قوات الدعم السريع في بيان إن مسيّرات جيش الفلول استهدفت أمس السوق الكبير في مدينة أم روابة، "
        "ما أدى إلى مقتل تسعة مدنيين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Sudan", "Civilians")


def test_one_more_wounded_is_one(events_of):
    body = "قُتل شاب وأُصيب آخر أمس في نزاع عشائري في ناحية الدير شمال البصرة."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (1, 1)


def test_libyas_internal_security_agency_is_its_police(events_of):
    body = "داهمت قوة تابعة لجهاز الأمن الداخلي أمس منزل ناشط في مدينة بنغازي واعتقلته."
    assert only(events_of(body))["actor1"] == "Police Forces of Libya"


def test_the_forces_held_responsible_take_no_part(events_of):
    body = (
        "أعلن المجلس البلدي غريان أمس اختطاف عضو المجلس على يد مسلحين مجهولين في منطقة القواسم، "
        "محمّلاً الأجهزة الأمنية المسؤولية عن سلامته."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Civilians")


def test_two_tripoli_brigades_fight_in_souq_al_juma(events_of):
    body = "اندلعت أمس مواجهات مسلحة بين جهاز الردع وكتيبة ثوار طرابلس في منطقة سوق الجمعة."
    e = only(events_of(body))
    assert (e["actor2"], e["location"]) == ("Tripoli Revolutionaries Brigade", "Souq al-Juma")


def test_soldiers_hurt_by_an_israeli_strike_in_syria_are_the_syrian_army(events_of):
    body = "أُصيب عسكريان اثنان بجروح أمس جراء عدوان جوي إسرائيلي استهدف محيط مدينة الكسوة بريف دمشق."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Israel", "Military Forces of Syria")


def test_a_strike_on_a_syrian_air_base_in_a_raid_told_as_israeli_hits_the_army(events_of):
    body = (
        "شنّت طائرات حربية إسرائيلية ليل أمس غارات على ريف دمشق. "
        "وقالت مصادر محلية إن الغارة الثانية استهدفت مستودعات داخل مطار الضمير العسكري."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["location"]) == (
        "Military Forces of Israel",
        "Military Forces of Syria",
        "Dumayr Air Base",
    )


def test_a_strike_on_a_building_in_a_town_hits_no_army(events_of):
    body = "شنّت طائرات حربية إسرائيلية ليل أمس غارة على مبنى سكني في بلدة السيدة زينب جنوب دمشق."
    assert only(events_of(body))["actor2"] != "Military Forces of Syria"


def test_the_fallen_regimes_remnants_in_syria_are_assad_loyalists(events_of):
    body = (
        "قُتل عنصران من الأمن العام السوري فجر اليوم في كمين نصبته مجموعة مسلحة من «فلول النظام البائد» قرب مدينة جبلة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Assad loyalists", "Police Forces of Syria")


def test_the_same_words_in_sudan_still_name_the_army(events_of):
    body = "قصفت مسيّرات فلول النظام البائد أمس أحياء في مدينة نيالا."
    assert only(events_of(body))["actor1"] == "Military Forces of Sudan"


def test_a_group_the_victim_had_left_is_no_party(events_of):
    body = (
        "أطلق مسلحان مجهولان أمس النار على شاب في مدينة طفس بريف درعا فقتلاه، وكان القتيل قد انضم إلى "
        "«اللواء الثامن» قبل أن يتركه مطلع العام."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Attack", "Civilians")


def test_the_group_after_targeting_and_before_its_weapon_is_the_attacker(events_of):
    body = (
        "قُتل طفل وأصيبت والدته أمس جراء استهداف المليشيا الحوثية بطائرة مسيّرة مفخخة منزلاً في "
        "مديرية جبل حبشي غربي مدينة تعز."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", "Civilians")


def test_its_aircraft_in_a_claim_are_the_speakers(events_of):
    body = (
        "أعلن الجيش السوداني أن طيرانه المسيّر نفّذ فجر اليوم ضربة دقيقة على مطار نيالا دمّرت طائرة شحن "
        "كانت تنقل أسلحة للميليشيا."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Air/drone strike",
        "Military Forces of Sudan",
        "Rapid Support Forces",
    )


def test_a_group_that_has_not_commented_is_no_side(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية ظهر اليوم دراجة نارية في بلدة بليدا. وبعد الظهر، شنّت طائرة مسيّرة غارة "
        "على سيارة في بلدة طير حرفا في قضاء صور، ما أدى إلى استشهاد شخص. ولم يصدر عن حزب الله أي تعليق "
        "على الغارتين حتى ساعة إعداد هذا التقرير."
    )
    assert {e["actor1"] for e in events_of(body)} == {"Military Forces of Israel"}


def test_departed_life_is_a_death_even_with_the_subject_inside(events_of):
    body = "فارق مزارع الحياة أمس وأصيب طفله بجروح جراء انفجار لغم أرضي على أطراف مدينة خان شيخون."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (1, 1)


def test_the_count_after_a_long_killer(events_of):
    body = "قتلت خلايا تابعة لتنظيم «الدولة الإسلامية» أمس راعيَي أغنام ذبحاً قرب بلدة السخنة في بادية حمص."
    e = only(events_of(body))
    assert (e["actor1"], e["fatalities"]) == ("Islamic State", 2)


def test_who_announces_the_dead_of_anothers_strike_is_no_side(events_of):
    body = (
        "أعلن جهاز مكافحة الإرهاب في إقليم كردستان اليوم مقتل شخصين بقصف نفّذته طائرة مسيّرة تركية "
        "استهدف سيارة قرب قضاء سيد صادق."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Turkey", None)


def test_the_army_whose_vehicle_was_hit_is_the_target(events_of):
    body = (
        "تعرّضت عجلة تابعة لقطعات الجيش العراقي أمس إلى انفجار عبوة ناسفة أثناء تنفيذ واجب تفتيش في "
        "قرية الزركة التابعة لقضاء الشرقاط."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Military Forces of Iraq")


def test_soldiers_hurt_by_a_bomb_are_the_army_of_the_country(events_of):
    body = "استشهد جندي وأصيب اثنان آخران فجر اليوم بانفجار عبوة ناسفة أثناء أداء واجبهم في جزيرة الضلوعية."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Military Forces of Iraq")


def test_a_statement_that_added_a_claim_takes_no_side(events_of):
    body = (
        "وأضاف بيان الجيش أن الميليشيا قصفت بالطائرات المسيّرة أحياء سكنية في مدينة بابنوسة أمس، "
        "ما أدى إلى مقتل أربعة مدنيين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Civilians")


def test_a_fight_told_by_its_narrators_then_by_who_attacked_whom(events_of):
    body = (
        "تضاربت روايات الجيش السوداني وقوات الدعم السريع بشأن المعارك التي شهدتها مدينة بابنوسة صباح أمس. "
        "وقالت الفرقة 22 مشاة إن قواتها تصدّت لهجوم واسع شنّته ميليشيا الدعم السريع على بابنوسة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")


def test_forces_belonging_to_a_movement_attacked_an_army_garrison(events_of):
    body = (
        "هاجمت قوات تتبع للحركة الشعبية - شمال (جناح الحلو)، فجر اليوم الثلاثاء، حامية للجيش في محيط "
        "مدينة الكرمك على الحدود مع إثيوبيا."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == (
        "Sudan People's Liberation Movement-North (al-Hilu)",
        "Military Forces of Sudan",
    )


def test_the_bracketed_force_after_the_verb_is_its_subject(events_of):
    body = "اعتقلت قوات الأمن الداخلي (الأسايش) أمس ثمانية شبان في حملة مداهمات بمدينة الرقة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Arrests", "Syrian Democratic Forces", "Civilians")


def test_between_is_no_dual_and_yemens_special_security_is_its_army(events_of):
    body = (
        "اندلعت مساء أمس اشتباكات عنيفة بين قوات دفاع شبوة الموالية للمجلس الانتقالي الجنوبي وقوات الأمن "
        "الخاصة في محيط مدينة عتق."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Southern Transitional Council", "Military Forces of Yemen")


def test_rada_named_alone_in_tripoli(events_of):
    body = "اندلعت اشتباكات أمس بين «اللواء 444» و«الردع» في منطقة سوق الجمعة بطرابلس."
    e = only(events_of(body))
    assert {e["actor1"], e["actor2"]} == {"444th Combat Brigade", "Special Deterrence Force"}


def test_whoever_downs_a_drone_is_actor1_and_its_owner_actor2(events_of):
    body = "أسقطت المقاومة الإسلامية في العراق أمس طائرة مسيّرة أمريكية فوق محافظة ديالى."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic Resistance in Iraq", "Military Forces of the United States")


def test_the_aggression_named_once_as_american_stays_american(events_of):
    body = (
        "شنّ طيران العدوان الأمريكي البريطاني فجر اليوم غارتين على مطار الحديدة. "
        "وأفاد مصدر محلي بأن طيران العدوان شنّ كذلك ثلاث غارات على أطراف مدينة باجل."
    )
    assert {e["actor1"] for e in events_of(body)} == {"Military Forces of the United States"}


def test_the_force_named_in_brackets_is_the_one_meant(events_of):
    body = "استهدفت طائرة مسيّرة تركية أمس مقراً لقوى الأمن الداخلي (الأسايش) قرب مدينة كوباني."
    assert only(events_of(body))["actor2"] == "Syrian Democratic Forces"


def test_those_executed_on_a_charge_are_civilians_not_the_group_named_in_it(events_of):
    body = "أعدم عناصر من تنظيم الدولة الإسلامية أمس شابين في بادية الميادين بتهمة التعامل مع قوات سوريا الديمقراطية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"], e["fatalities"]) == (
        "Attack",
        "Islamic State",
        "Civilians",
        2,
    )


def test_the_count_after_the_killer_named_after_the_verb(events_of):
    e = only(events_of("قتلت قوات الدعم السريع أمس تسعة مزارعين في قرية ود النورة بولاية الجزيرة."))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Rapid Support Forces", "Civilians", 9)


def test_a_libyan_security_directorate_is_the_police(events_of):
    body = "قُتل عنصر في مديرية أمن سبها أمس إثر هجوم شنه مسلحون على بوابة عند المدخل الجنوبي للمدينة."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Unidentified armed group", "Police Forces of Libya", 1)


def test_a_shepherd_killed_by_a_mine_is_a_civilian(events_of):
    e = only(events_of("قُتل راعي أغنام أمس جراء انفجار لغم أرضي في بادية السخنة شرقي حمص."))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Remote explosive/landmine/IED", "Civilians", 1)


def test_clashes_between_protesters_and_police_are_a_riot(events_of):
    body = "اندلعت مواجهات أمس بين محتجين وقوات الأمن في ساحة التحرير وسط بغداد، أسفرت عن إصابة عشرة متظاهرين."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"], e["injuries"]) == (
        "Violent demonstration",
        "Rioters",
        "Police Forces of Iraq",
        10,
    )


def test_renewed_clashes_and_two_martyrs(events_of):
    clash = only(events_of("تجددت المواجهات أمس بين الجيش الوطني وجماعة الحوثي في مديرية حريب، ما أدى إلى مقتل جندي."))
    strike = only(events_of("استهدفت غارة إسرائيلية أمس شقة في بلدة عيترون، ما أدى إلى سقوط شهيدين وعدد من الجرحى."))
    assert (clash["sub_event_type"], clash["fatalities"]) == ("Armed clash", 1)
    assert (strike["fatalities"], strike["injuries"]) == (2, None)


def test_the_count_resumes_after_a_subset(events_of):
    body = "انفجرت سيارة مفخخة أمس وسط مدينة الباب، ما أدى إلى مقتل 4 أشخاص بينهم طفل وإصابة 12 آخرين."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (4, 12)


def test_the_count_after_during_which(events_of):
    body = "دارت أمس اشتباكات عنيفة بين فصائل الجيش الوطني السوري وقسد شمال منبج، قتل خلالها ثلاثة عناصر من الفصائل."
    assert only(events_of(body))["fatalities"] == 3


def test_the_accused_is_actor1_and_the_accuser_no_side(events_of):
    body = (
        "اتهمت جماعة أنصار الله أمس التحالف بقيادة السعودية بشن غارتين على مديرية شدا الحدودية، "
        "أسفرتا عن إصابة ثلاثة مواطنين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["injuries"]) == ("Arab Coalition", "Civilians", 3)


def test_a_shepherd_found_killed_is_the_victim_not_the_finder(events_of):
    body = "عُثر أمس على راعي أغنام مقتولاً بطلقات نارية في البادية جنوب قرية المحيميدة بريف دير الزور الغربي."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Attack", "Civilians", 1)


def test_bodies_found_killed_are_counted_once(events_of):
    body = "عثرت قوة من الحشد الشعبي أمس على جثتي راعيين مقتولين رمياً بالرصاص في بساتين المقدادية."
    assert only(events_of(body))["fatalities"] == 2


def test_suspects_named_when_the_killing_is_told_again(events_of):
    body = (
        "عُثر أمس على راعي أغنام مقتولاً بطلقات نارية قرب قرية المحيميدة بريف دير الزور الغربي.\n\n"
        "وقالت شبكة محلية إن مسلحين يُعتقد أنهم من خلايا داعش أوقفوا الراعي قبل أن يطلقوا النار عليه."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Islamic State", "suspected")


def test_rpg_rounds_on_a_checkpoint_are_a_clash_not_shelling(events_of):
    body = "قُتل عنصران من قسد أمس في هجوم شنّه مسلحون مجهولون بقذائف «آر بي جي» على حاجز عند مدخل بلدة الشعفة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Armed clash", "Syrian Democratic Forces")


def test_young_men_arrested_for_contact_with_a_group_are_civilians(events_of):
    contact = only(events_of("اعتقلت قسد أمس سبعة شبان في بلدة جديد بكارة بتهمة «التواصل مع خلايا التنظيم»."))
    member = only(events_of("اعتقلت قوات الأمن أمس ثلاثة أشخاص في الطارمية بتهمة الانتماء إلى تنظيم داعش."))
    assert (contact["actor2"], member["actor2"]) == ("Civilians", "Islamic State")


def test_a_second_force_owned_by_a_brigade_is_the_other_side(events_of):
    body = (
        "اندلعت اشتباكات فجر اليوم بين عناصر من «جهاز دعم الاستقرار» وقوة تابعة لـ«الكتيبة 55 مشاة» "
        "في منطقة السراج غربي العاصمة طرابلس."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Stability Support Apparatus", "55th Infantry Brigade")


def test_a_road_between_two_towns_after_a_city_frame(events_of):
    body = (
        "في درعا، قُتل عنصران أمس إثر انفجار عبوة ناسفة على الطريق الواصل بين بلدتي بصر الحرير والمليحة الغربية "
        "في ريف درعا الشرقي."
    )
    e = only(events_of(body))
    assert (e["location"], e["geo_precision"], e["fatalities"]) == ("Busr al-Harir", 2, 2)


def test_suspects_behind_the_attack_after_a_quoted_account(events_of):
    body = (
        "قُتل ضابط أمس بانفجار عبوة ناسفة استهدفت دورية للجيش العراقي في بساتين ناحية كنعان شرقي بعقوبة.\n\n"
        "وقال المصدر إن «العبوة كانت مزروعة على جانب طريق زراعي»، مرجّحاً أن تكون «خلايا نائمة لعصابات داعش» "
        "وراء الهجوم."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"], e["fatalities"]) == ("Islamic State", "suspected", 1)


def test_killed_with_the_victim_as_a_suffix_is_one(events_of):
    car = only(events_of("انفجرت عبوة ناسفة أمس في سيارة قيادي في مدينة سرمدا، ما أدى إلى مقتله على الفور."))
    police = only(events_of("لقي شرطي مصرعه أمس عندما فتح مسلحون النار على دوريته في حي الكرامة بالموصل."))
    assert (car["fatalities"], police["fatalities"], police["actor2"]) == (1, 1, "Police Forces of Iraq")


def test_an_army_says_its_jets_raided(events_of):
    body = "قال الجيش الإسرائيلي إن طائراته أغارت أمس على بنى تحتية لحزب الله في بلدة عيترون جنوب لبنان."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Air/drone strike",
        "Military Forces of Israel",
        "Hezbollah",
    )


def test_the_victims_group_named_in_the_next_sentence(events_of):
    body = (
        "قُتل شخصان أمس جرّاء قصف بطائرة مسيّرة تركية استهدف سيارة قرب قضاء جومان في محافظة أربيل.\n\n"
        "وقال مسؤول محلي إن هوية القتيلين لم تُعرف بعد، فيما أفادت مصادر بأنهما من مقاتلي حزب العمال الكردستاني."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Military Forces of Turkey", "Kurdistan Workers' Party", 2)


def test_a_town_police_force_is_the_police(events_of):
    body = "قطع محتجون غاضبون أمس الطريق الرئيسي في قضاء رانية بالإطارات المشتعلة، قبل أن تتدخل قوة من شرطة رانية."
    assert only(events_of(body))["actor2"] == "Police Forces of Iraq"


def test_a_monitor_documenting_a_killing_reports_an_event_but_not_a_period_count(events_of):
    event = only(events_of("وثق المرصد السوري أمس مقتل 3 عناصر من قوات النظام برصاص قناصة الفصائل على محور كبانة."))
    period = "ووثّق مركز حقوقي مقتل 23 مدنياً بنيران القناصة والقذائف في مدينة تعز منذ مطلع العام."
    assert (event["actor1"], event["actor2"], event["location"]) == (
        "Syrian opposition factions",
        "Military Forces of Syria",
        "Kabani",
    )
    assert events_of(period) == []


def test_a_force_joined_to_the_attacker_is_not_its_target(events_of):
    body = "قصفت القوات التركية والفصائل الموالية لها بالمدفعية أمس قرية عون الدادات شمال منبج."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Turkey", None)


def test_guards_hurt_in_an_attack_on_a_headquarters_make_it_a_clash(events_of):
    body = "هاجمت مجموعة مسلحة أمس مقر رئاسة الوزراء في طرابلس، ما أدى إلى إصابة اثنين من الحراس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["injuries"]) == ("Armed clash", 2)


def test_a_commander_killed_is_one(events_of):
    body = "قتل آمر كتيبة أمس في كمين نصبه مسلحون مجهولون على الطريق الساحلي قرب مدينة الخمس."
    assert only(events_of(body))["fatalities"] == 1


def test_bodies_from_a_mass_grave_are_no_new_event(events_of):
    body = "انتشلت فرق البحث أمس خمس جثث مجهولة الهوية من مقبرة جماعية في ترهونة."
    assert events_of(body) == []


def test_the_toll_in_the_next_sentence_is_the_clashs(events_of):
    body = (
        "اندلعت اشتباكات عنيفة ليل أمس بين جهاز الردع واللواء 444 قتال في منطقة بن عاشور وسط طرابلس.\n\n"
        "وأعلن جهاز الإسعاف والطوارئ مقتل مدنيَين اثنين وإصابة سبعة آخرين بالرصاص العشوائي."
    )
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (2, 7)


def test_where_the_attackers_were_pushed_back_to_does_not_stop_the_toll_told_next(events_of):
    body = (
        "وفي ريف منبج، صدّ مقاتلو مجلس منبج العسكري فجر أمس هجوماً لفصائل الجيش الوطني السوري على قرية عرب حسن.\n\n"
        "وقال المجلس إن مقاتليه قتلوا أربعة من المهاجمين وأجبروا الباقين على الانسحاب إلى مواقعهم في محيط قرية أم جلود."
    )
    e = only(events_of(body))
    assert (e["location"], e["fatalities"]) == ("Arab Hassan", 4)


@pytest.mark.parametrize(
    ("body", "toll"),
    [
        ("قصفت قوات النظام بلدة كفرنبل أمس، وقُتل في القصف طفلان.", (2, None)),
        ("اندلعت اشتباكات أمس بين قوات النظام وهيئة تحرير الشام قرب بلدة كبانة، وقُتل فيها ثلاثة عناصر.", (3, None)),
        ("استهدفت غارة تركية أمس قرية كاني ماسي، وأُصيب خلال الغارة أربعة رعاة.", (0, 4)),  # wounded only: none killed
    ],
)
def test_the_event_named_between_the_verb_and_its_count_does_not_hide_the_count(events_of, body, toll):
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == toll


def test_the_attackers_killed_in_the_next_sentence_are_the_fights_dead_not_an_attack(events_of):
    body = (
        "تقرير ميداني.\n\n"
        "تصدّت قوات سوريا الديمقراطية فجر أمس لهجوم شنّه الجيش الوطني السوري على قرية أم الكيف. "
        "وقُتل في الهجوم ثلاثة من المهاجمين وجُرح اثنان من المدافعين."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"], e["injuries"]) == ("Armed clash", 3, 2)


@pytest.mark.parametrize(
    ("body", "toll"),
    [
        ("استشهد طفل وأصيبت والدته بجروح خطيرة برصاص قناص حوثي في مدينة تعز أمس.", (1, 1)),
        ("قُتل راعٍ وجُرح ابنه بانفجار لغم أرضي من مخلفات داعش في صحراء الأنبار أمس.", (1, 1)),
        ("أطلق مسلحون النار على سيارة قرب ناحية كنعان أمس، ما أدى إلى مقتل رب الأسرة وإصابة زوجته وابنته.", (1, 2)),
    ],
)
def test_a_victims_kin_named_by_a_possessive_are_counted(events_of, body, toll):
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == toll


def test_drone_aviation_owned_by_an_army_is_the_armys(events_of):
    body = "استهدف الطيران المسيّر التابع للجيش السوداني أمس تجمعات لقوات الدعم السريع في مدينة نيالا."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_a_count_of_the_attackers_before_their_verb_is_the_fights_toll(events_of):
    body = (
        "مقدمة.\n\nقالت قوات سوريا الديمقراطية إن مقاتليها صدّوا فجر أمس هجوماً لخلايا داعش على نقطة في بلدة ذيبان. "
        "وأضافت أن اثنين من المهاجمين قُتلا في الاشتباك."
    )
    assert only(events_of(body))["fatalities"] == 2


def test_the_toll_resumes_after_a_cause_at_killed_during_it(events_of):
    body = "شهدت بلدة جاسم أمس اشتباكات بين مجموعتين محليتين على خلفية ثأر قديم، قُتل خلالها ثلاثة أشخاص."
    assert only(events_of(body))["fatalities"] == 3


def test_a_palestinian_killed_is_one(events_of):
    body = "وفي الضفة الغربية، قُتل فلسطيني برصاص القوات الإسرائيلية خلال اقتحامها مخيم جنين فجر اليوم."
    e = only(events_of(body))
    assert (e["fatalities"], e["actor2"]) == (1, "Civilians")


@pytest.mark.parametrize(
    "accusation",
    [
        "، واتهمت المصادر قوات الدعم السريع بتنفيذه.",
        ". واتهمت المصادر قوات الدعم السريع بتنفيذ القصف.",
        "، واتهمت لجان المقاومة قوات الدعم السريع بالوقوف وراءه.",
    ],
)
def test_the_side_accused_of_the_event_in_its_sentence_or_the_next_is_its_actor(events_of, accusation):
    body = "مقدمة.\n\nقُتل أمس أربعة أشخاص في قصف مدفعي استهدف حي الثورة بمدينة الفاشر" + accusation
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == ("Rapid Support Forces", None, "reported")


def test_a_count_after_the_killings_adverb_is_read(events_of):
    body = "قال المرصد إن مسلحين أعدموا ميدانياً ثلاثة شبان أمس في قرية الصنوبر بريف جبلة."
    assert only(events_of(body))["fatalities"] == 3


def test_liberating_an_area_told_as_a_verbal_noun_is_regained_territory(events_of):
    body = "تمكنت القوات المسلحة السودانية أمس من تحرير منطقة جبل موية بالكامل بعد معارك مع الدعم السريع."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Government regains territory", "Military Forces of Sudan")


@pytest.mark.parametrize(
    ("body", "toll"),
    [
        ("قُتل أمس ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة كفرنبل.", (3, None)),
        ("استشهد فجر اليوم مواطنان بغارة إسرائيلية على بلدة عيترون.", (2, None)),
        ("أصيب اليوم أربعة أطفال بانفجار لغم في قرية الدردارة.", (0, 4)),
        ("لقي شاب في العشرينيات من عمره حتفه مساء أمس الأربعاء 6 آذار/مارس برصاص مسلحين قرب ميناء الزاوية.", (1, None)),
    ],
)
def test_the_time_between_the_verb_and_its_count_is_skipped_but_a_day_is_no_count(events_of, body, toll):
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == toll


def test_a_verb_and_the_dual_noun_after_it_count_the_same_two(events_of):
    body = "ارتقى شهيدان وأصيب ثلاثة مواطنين أمس بغارة إسرائيلية على بلدة عيترون."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (2, 3)


def test_a_count_of_a_groups_own_men_before_their_verb_is_read(events_of):
    body = "نعى حزب الله اثنين من عناصره قضيا أمس بغارة إسرائيلية على بلدة عيترون."
    e = only(events_of(body))
    assert (e["actor2"], e["fatalities"]) == ("Hezbollah", 2)


def test_shooting_at_a_group_of_fishermen_is_an_attack_on_civilians(events_of):
    body = "أطلقت قوات الاحتلال النار على مجموعة من الصيادين قبالة الناقورة أمس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Attack", "Civilians")


def test_a_named_group_attacking_a_market_attacks_civilians(events_of):
    body = "هاجم مسلحون من حركة تحرير السودان سوقاً في جبل مرة أمس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Sudan Liberation Movement", "Civilians")


def test_the_so_called_owner_of_the_gunmen_is_the_attacker(events_of):
    body = "هاجم مسلحون تابعون لما يسمى جيش تحرير السودان جناح عبد الواحد سوقاً في جبل مرة أمس."
    assert only(events_of(body))["actor1"] == "Sudan Liberation Movement-Abdul Wahid"


def test_a_force_named_in_what_suffered_the_attack_was_its_target(events_of):
    body = "تعرضت قاعدة حرير التي تضم قوات التحالف الدولي في أربيل أمس لهجوم بطائرتين مسيرتين."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == (None, "Global Coalition Against Daesh")


def test_the_transitional_council_in_yemen_is_the_stc(events_of):
    body = "قُتل ثلاثة من عناصر المجلس الانتقالي أمس في اشتباكات مع قوات درع الوطن في مدينة سيئون."
    e = only(events_of(body))
    assert {e["actor1"], e["actor2"]} == {"Southern Transitional Council", "National Shield Forces"}


def test_another_strike_aimed_at_a_town_of_its_own_is_a_second_event(events_of):
    body = "نفذ الطيران الحربي الإسرائيلي أمس غارة على بلدة الخيام وأخرى على أطراف بلدة عيترون."
    assert sorted(e["location"] for e in events_of(body)) == ["Aitaroun", "Khiam"]


def test_a_strike_that_followed_at_a_town_of_its_own_is_a_second_event_with_its_own_toll(events_of):
    body = (
        "استهدفت مسيرة إسرائيلية أمس دراجة نارية في بلدة بنت جبيل، ما أدى إلى استشهاد مواطن، "
        "وتبعتها غارة ثانية على سيارة في بلدة الناقورة أدت إلى إصابة شخصين."
    )
    tolls = {e["location"]: (e["fatalities"], e["injuries"]) for e in events_of(body)}
    assert tolls == {"Bent Jbail": (1, None), "En Naqoura": (0, 2)}


def test_two_others_hurt_are_two(events_of):
    body = "قُتل عنصر من الأمن العام وأُصيب آخران أمس باشتباك مع مسلحين من الفلول في مدينة جبلة."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (1, 2)


@pytest.mark.parametrize(
    ("body", "toll"),
    [
        ("قُتل رجلان وامرأة أمس بقصف على بلدة كفرنبل.", (3, None)),
        ("أدى القصف على بلدة كفرنبل أمس إلى مقتل طفلين وإصابة والدتهما.", (2, 1)),
    ],
)
def test_people_joined_to_a_dual_count_too(events_of, body, toll):
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == toll


def test_gunmen_owned_by_a_group_attacking_a_security_post_fight_its_force(events_of):
    body = "هاجم مسلحون تابعون لتنظيم داعش بوابة أمنية تابعة للجيش الليبي قرب بلدة أم الأرانب أمس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Armed clash", "Islamic State", "Libyan National Army")


def test_a_named_group_attacking_a_security_post_is_a_clash(events_of):
    body = "هاجم مسلحون ينتمون لتنظيم داعش بوابة أمنية قرب بلدة أم الأرانب أمس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Armed clash", "Islamic State")


def test_men_killed_while_pursuing_a_cell_fought_it_but_arrests_made_so_are_arrests(events_of):
    fight = "أعلنت وزارة الداخلية السورية أمس مقتل عنصرين من قواتها وإصابة ثالث خلال ملاحقة خلية إرهابية في بلدة ببيلا."
    e = only(events_of(fight))
    assert (e["sub_event_type"], e["fatalities"], e["injuries"]) == ("Armed clash", 2, 1)
    arrest = "اعتقلت قوات الأمن خلال ملاحقة خلية إرهابية ثلاثة مطلوبين في بلدة ببيلا أمس."
    assert only(events_of(arrest))["sub_event_type"] == "Arrests"


def test_an_attack_two_days_before_the_one_told_is_no_event_of_the_day(events_of):
    body = (
        "مقدمة.\n\nقُتل خمسة مدنيين صباح اليوم جراء قصف مدفعي شنته قوات الدعم السريع على مدينة الأبيض.\n\n"
        "ويأتي ذلك بعد يومين من هجوم مماثل بالمسيرات على مدينة ربك أسفر عن أضرار في مستودعات الوقود."
    )
    assert [e["location"] for e in events_of(body)] == ["El Obeid"]


def test_a_flashbacks_date_is_not_the_next_paragraphs(events_of):
    body = (
        "مقدمة.\n\nوكانت غارات مماثلة استهدفت الأسبوع الماضي مديرية مجز، ما أسفر عن استشهاد ثلاثة مواطنين.\n\n"
        "وفي تعز، أُصيب طفل برصاص قناص حوثي في حي الجحملية شرقي المدينة، وفق مصادر طبية."
    )
    dates = {e["location"]: e["event_date"] for e in events_of(body, published="2025-03-20T10:00:00+03:00")}
    assert dates["Al-Jahmaliyah"] == date(2025, 3, 20)


def test_an_attack_at_sea_takes_no_place_from_the_headline_and_a_carrier_strikes_no_one(events_of):
    title = "الحوثيون يعلنون استهداف بارجة أمريكية.. وغارات على صعدة"
    body = (
        "أعلن المتحدث العسكري لقوات صنعاء مساء أمس أن القوات البحرية استهدفت حاملة الطائرات "
        "الأمريكية في شمال البحر الأحمر بعدد من الصواريخ.\n\n"
        "في المقابل، شن طيران العدوان الأمريكي فجر اليوم أربع غارات على منطقة آل سالم بمديرية كتاف في محافظة صعدة."
    )
    events = events_of(body, title=title, published="2025-03-20T10:00:00+03:00")
    assert [(e["location"], e["actor1"]) for e in events] == [("Kitaf", "Military Forces of the United States")]


def test_whose_aircraft_carrier_was_targeted_is_not_who_struck(events_of):
    body = "أعلنت قوات صنعاء أمس أن قواتها البحرية استهدفت حاملة الطائرات الأمريكية قبالة ميناء الحديدة."
    assert only(events_of(body))["actor1"] == "Ansar Allah (Houthis)"


def test_a_detachment_of_is_remnants_carried_out_the_attack(events_of):
    body = (
        "استشهد ثلاثة جنود أمس إثر تعرض قوة من اللواء 45 لهجوم نفذته مفرزة إرهابية من بقايا عصابات داعش "
        "في ناحية الرشاد."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Military Forces of Iraq")


def test_a_later_toll_of_a_past_attack_is_not_the_arrests(events_of):
    body = (
        "مقدمة.\n\nألقت مفارز الاستخبارات العسكرية أمس القبض على ثلاثة متهمين بالإرهاب في قضاء الفلوجة. "
        "يذكر أن المنطقة نفسها شهدت في الشهر الماضي هجوماً مماثلاً أسفر عن مقتل أربعة جنود."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Arrests", None)


def test_where_families_fled_on_foot_is_no_events_place(events_of):
    body = (
        "مقدمة.\n\nاقتحمت قوات الدعم السريع صباح اليوم قرية السريحة وقتلت 23 مواطناً.\n\n"
        "وأضافت اللجان أن عناصر الدعم السريع اختطفوا عدداً من الشباب، "
        "فيما فرّت مئات الأسر سيراً على الأقدام باتجاه مدينة رفاعة."
    )
    assert "Rufaa" not in {e["location"] for e in events_of(body, published="2025-01-09T16:00:00+02:00")}


def test_a_band_of_fighters_after_the_ambush_verb_set_it(events_of):
    body = (
        "كمنت مجموعة من عناصر تنظيم داعش أمس لحافلة تقل جنوداً من الجيش السوري في بادية تدمر، ما أدى إلى مقتل 12 جندياً."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Islamic State", "Military Forces of Syria", 12)


def test_the_one_killed_with_his_companion_are_two(events_of):
    body = "شنت طائرات التحالف الدولي أمس غارة على مخبأ لقيادي في داعش بريف إدلب الشمالي، ما أدى إلى مقتله مع مرافقه."
    assert only(events_of(body))["fatalities"] == 2


def test_the_teller_whose_forces_were_hit_is_the_target(events_of):
    body = "أعلنت وزارة البيشمركة أمس أن طائرة مسيرة مجهولة استهدفت موقعاً لقواتها في منطقة سيدكان دون خسائر بشرية."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == (None, "Kurdistan Regional Government Peshmerga")


def test_unknown_gunmen_shooting_at_a_home_with_no_one_hurt_attack_civilians(events_of):
    body = "أطلق مسلحون مجهولون النار أمس على منزل نائب في البرلمان العراقي في حي الجهاد ببغداد دون وقوع إصابات."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Attack", "Civilians", 0)


def test_civilians_shot_during_a_raid_by_factions_within_the_ministry_were_attacked_by_it(events_of):
    body = "قُتل مدنيان أمس برصاص عناصر من الفصائل المنضوية في وزارة الدفاع خلال مداهمة قرية في ريف بانياس."
    e = only(events_of(body, published="2025-05-10T11:00:00+03:00"))
    assert (e["sub_event_type"], e["actor1"], e["actor2"], e["fatalities"]) == (
        "Attack",
        "Military Forces of Syria",
        "Civilians",
        2,
    )


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("🔴 الجيش الإسرائيلي يفجر منزلين في بلدة كفركلا.", "Kfar Kila"),
        ("🔴 قوات الاحتلال تنسف مربعاً سكنياً في بلدة عيتا الشعب.", "Aita al-Shaab"),
    ],
)
def test_a_tickers_present_tense_demolition_is_property_destruction(events_of, body, place):
    e = only(events_of(body, published="2025-02-10T15:00:00+02:00"))
    assert (e["sub_event_type"], e["location"]) == ("Looting/property destruction", place)


@pytest.mark.parametrize(
    "body",
    [
        "أعلنت حكومة ولاية نهر النيل أن المضادات الأرضية تصدت أمس لمسيرات استهدفت سد مروي.",
        "تصدت المضادات الأرضية لهجوم بمسيرات على مدينة كوستي أمس.",
    ],
)
def test_drones_repelled_were_intercepted_not_fought(events_of, body):
    assert only(events_of(body, published="2025-02-10T11:00:00+02:00"))["sub_event_type"] == "Disrupted weapons use"


def test_the_toll_of_a_massacre_remembered_is_not_the_strike_told_before(events_of):
    body = (
        "مقدمة.\n\nاستهدفت غارة إسرائيلية أمس سيارة في بلدة عيترون. وتحيي البلدة هذا الأسبوع الذكرى الأولى "
        "للمجزرة التي أودت بحياة 20 شخصاً في أيلول الماضي."
    )
    assert only(events_of(body))["fatalities"] is None


@pytest.mark.parametrize(
    ("body", "killed"),
    [
        ("شنت طائرات إسرائيلية أمس غارة على بلدة عيترون راح ضحيتها ثلاثة مواطنين.", 3),
        ("أودى انفجار سيارة مفخخة أمس في مدينة منبج بحياة ستة أشخاص.", 6),
        ("قُتل آلاف المدنيين أمس في قصف على بلدة عيترون.", None),
    ],
)
def test_lives_claimed_count_and_thousands_are_no_figure(events_of, body, killed):
    assert only(events_of(body))["fatalities"] == killed


@pytest.mark.parametrize(
    ("body", "killed"),
    [
        ("قُتل قيادي في الحشد الشعبي ونجله أمس في هجوم مسلح على منزلهما في قضاء المقدادية.", 2),
        ("قُتل شاب في بلدة الصنمين وشقيقه أُصيب بجروح أمس برصاص مجهولين.", 1),
    ],
)
def test_kin_named_after_what_the_victim_was_is_killed_with_him_unless_told_otherwise(events_of, body, killed):
    assert only(events_of(body))["fatalities"] == killed


def test_the_day_told_between_the_fire_and_its_target_still_tells_the_shooting(events_of):
    body = "أطلقت قوات الاحتلال النار أمس على صيادين قبالة الناقورة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["event_date"]) == ("Attack", "Civilians", date(2024, 3, 6))


def test_a_running_total_in_the_next_sentence_is_no_ones(events_of):
    body = (
        "استهدفت غارة إسرائيلية أمس منزلاً في بلدة عيترون.\n\n"
        "وقالت وزارة الصحة إنّ حصيلة الاعتداءات منذ بدء المواجهات ارتفعت إلى 97 قتيلاً."
    )
    assert only(events_of(body))["fatalities"] is None


def test_places_in_slogans_and_where_families_fled_are_not_event_places(events_of):
    body = (
        "وفي حي الهضبة بطرابلس، خرج العشرات أمس في وقفة احتجاجية رافعين لافتات كُتب عليها «طرابلس ليست ساحة "
        "لتصفية الحسابات»، فيما نزحت عائلات نحو أقاربها في جنزور."
    )
    assert [e["location"] for e in events_of(body)] == ["Al-Hadba"]


def test_the_unit_that_owns_the_checkpoint_fired(events_of):
    body = "أطلق عناصر حاجز تابع للفرقة الرابعة النار على سيارة مدنية عند مدخل مدينة داعل أمس، ما أدى إلى مقتل امرأة."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Military Forces of Syria", "Civilians")


def test_small_arms_and_grenades_on_a_checkpoint_are_a_clash(events_of):
    body = (
        "قُتل عنصران من الأمن العسكري فجر اليوم إثر هجوم بالأسلحة الخفيفة والقنابل اليدوية شنّه مجهولون "
        "على حاجز قرب بلدة ناحتة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Armed clash", "Military Forces of Syria", 2)


def test_an_officer_in_the_army_hurt_by_a_bomb_is_the_target(events_of):
    body = "أُصيب ضابط برتبة مقدّم في الجيش بجروح خطيرة أمس إثر انفجار عبوة ناسفة في سيارته عند دوّار بلدة جديدة عرطوز."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Military Forces of Syria")


def test_the_group_that_claimed_the_attack_is_actor1(events_of):
    body = (
        "قُتل عنصران من قسد أمس إثر استهداف سيارتهما برصاص مسلحين في بلدة القورية، وتبنّى تنظيم "
        "«الدولة الإسلامية» الهجوم لاحقاً."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Syrian Democratic Forces")


def test_no_news_of_victims_is_unknown_not_zero(events_of):
    body = "استهدفت طائرة مسيرة انتحارية فجر اليوم مستودعات الوقود في ميناء بورتسودان، ولم ترد أنباء عن ضحايا."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (None, None)


@pytest.mark.parametrize(
    "tail",
    ["من دون تسجيل خسائر بشرية", "وأكد المحافظ عدم وقوع إصابات بشرية", "من دون أضرار", "والحمد لله ماكو إصابات"],
)
def test_losses_said_not_to_have_happened_are_zero(events_of, tail):
    body = f"قصفت المدفعية التركية صباح اليوم أطراف قرية في ناحية كاني ماسي بمحافظة دهوك، {tail}."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (0, 0)


@pytest.mark.parametrize("tail", ["دون أن يذكر حجم الأضرار", "من دون تفاصيل عن الخسائر البشرية"])
def test_losses_left_untold_stay_unknown(events_of, tail):
    e = only(events_of(f"شنّ الطيران الأمريكي أمس ثلاث غارات على مديرية الصليف في محافظة الحديدة، {tail}."))
    assert (e["fatalities"], e["injuries"]) == (None, None)


@pytest.mark.parametrize(
    ("toll", "expected"),
    [
        ("ما أدى إلى استشهاد عضوين من المجلس وإصابة ثالث بجروح", (2, 1)),
        ("ما أدى إلى مقتل مواطنة وإصابة طفلين بجروح", (1, 2)),
        ("ما أدى إلى مقتل راكب وإصابة أربعة آخرين", (1, 4)),
    ],
)
def test_members_passengers_and_women_are_counted(events_of, toll, expected):
    e = only(events_of(f"استهدفت طائرة مسيّرة تركية عصر اليوم منزلاً في ناحية الدرباسية، {toll}."))
    assert (e["fatalities"], e["injuries"]) == expected


def test_the_dead_of_both_sides_are_added_and_two_kin_are_two_more(events_of):
    both = only(
        events_of(
            "اندلعت مساء أمس اشتباكات بين قوات الشرطة ومسلحين من عشيرة محلية في مدينة عتق، ما أسفر عن مقتل "
            "أربعة من عناصر الشرطة واثنين من المسلحين وإصابة ستة آخرين."
        )
    )
    kin = only(events_of("قُتل رجل وابناه فجر اليوم برصاص مسلحين مجهولين اقتحموا منزلهم في قرية القبو بريف حمص."))
    apart = only(events_of("قُتل ثلاثة من عناصر الأمن وأصيب اثنان من المارة بانفجار عبوة ناسفة في مدينة درعا اليوم."))
    assert (both["fatalities"], both["injuries"]) == (6, 6)
    assert kin["fatalities"] == 3
    assert (apart["fatalities"], apart["injuries"]) == (3, 2)


def test_terrorist_gangs_in_iraq_are_the_islamic_state(events_of):
    body = "عثرت قطعات الفرقة الثامنة أمس على مضافة للعصابات الإرهابية تحتوي على عبوات ناسفة في منطقة وادي الشاي."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Disrupted weapons use", "Islamic State")


def test_the_group_said_to_have_carried_out_the_attack_told_is_its_attacker(events_of):
    body = (
        "تعرضت نقطة تابعة لقوات الحشد الشعبي في أطراف قضاء الخالص ليلة أمس لهجوم بالأسلحة الخفيفة، ما أدى إلى "
        "إصابة مقاتلين اثنين.\n\nوأكدت هيئة الحشد في بيان أن «خلايا داعش» نفذت الهجوم قبل أن تفر نحو البساتين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == ("Islamic State", "Popular Mobilization Forces", "reported")


def test_a_tribal_fight_and_the_police_fired_on_by_one_of_the_tribes(events_of):
    fight = only(events_of("لقي شخصان مصرعهما ليلة أمس في نزاع مسلح اندلع بين عشيرتين في ناحية الكحلاء."))
    body = (
        "ووفقاً لمصادر محلية، تعرضت قوات الشرطة لإطلاق نار من مسلحي إحدى العشيرتين أثناء محاولتها فض "
        "الاشتباك فجر اليوم في ناحية الكحلاء، ما أدى إلى إصابة منتسبين اثنين."
    )
    police = only(events_of(body))
    assert (fight["sub_event_type"], fight["actor1"], fight["fatalities"]) == ("Armed clash", "Tribal militia", 2)
    assert (police["actor1"], police["actor2"]) == ("Tribal militia", "Police Forces of Iraq")


def test_whom_protesters_demand_action_against_takes_no_part(events_of):
    body = (
        "فرّقت قوات الأسايش عصر اليوم تجمعاً لعشرات المحتجين في مدينة دهوك كانوا يطالبون بوقف القصف التركي "
        "على القرى الحدودية، دون أن تُسجَّل إصابات."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Protest with intervention",
        "Protesters",
        "Kurdistan Region Security (Asayish)",
    )
    assert (e["fatalities"], e["injuries"]) == (0, 0)


def test_the_bases_the_shells_came_from_are_the_attackers(events_of):
    body = (
        "أصيب راعٍ بجروح أمس جراء قصف مدفعي طال مراعي على أطراف مدينة العمادية، وقال قائممقام القضاء إن "
        "القذائف أُطلقت من القواعد التركية المنتشرة على الجبال."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Turkey", "Civilians")


def test_the_claim_about_the_strike_in_one_province_names_only_its_victim(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية ظهر اليوم سيارة على طريق مشغرة في البقاع الغربي، ما أدى إلى استشهاد سائقها، "
        "كما استهدفت مسيّرة ثانية دراجة نارية في بلدة عيترون، ما أدى إلى إصابة مواطن بجروح.\n\n"
        "وزعم المتحدث باسم الجيش الإسرائيلي أن الغارة في البقاع الغربي استهدفت «عنصراً في حزب الله»."
    )
    victims = {e["location"]: e["actor2"] for e in events_of(body)}
    assert victims == {"Mashghara": "Hezbollah", "Aitaroun": "Civilians"}


def test_peacekeepers_fired_at_with_no_one_hurt(events_of):
    body = (
        "أعلنت قوات اليونيفيل أن جنوداً إسرائيليين أطلقوا النار صباح أمس باتجاه دورية لحفظ السلام على أطراف "
        "بلدة كفرشوبا، من دون أن يُصاب أحد."
    )
    e = only(events_of(body))
    unifil = "UNIFIL: United Nations Interim Force in Lebanon"
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Israel", unifil)
    assert (e["fatalities"], e["injuries"]) == (0, 0)


def test_the_drones_launched_by_a_named_group_are_its_strike(events_of):
    body = (
        "استهدفت مسيّرات انتحارية فجر الأحد محطة الكهرباء في مدينة ربك، دون وقوع خسائر بشرية. وقالت حكومة "
        "الولاية إن المسيّرات «أطلقتها الميليشيا المتمردة»."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Rapid Support Forces", "reported")
    count = body.replace(
        "وقالت حكومة الولاية إن المسيّرات «أطلقتها الميليشيا المتمردة»",
        "وبلغت الهجمات التي أطلقتها الميليشيا منذ مطلع العام 40 هجوماً",
    )
    e = only(events_of(count))  # no one named: only suspected, as any unclaimed drone over White Nile
    assert (e["actor1"], e["attribution"]) == ("Rapid Support Forces", "suspected")


def test_residents_recalling_an_attack_tell_no_event(events_of):
    body = "ويستذكر سكان مدينة أبو زبد الهجوم الذي شنته قوات الدعم السريع عليها، وأدى إلى نزوح آلاف الأسر."
    assert events_of(body) == []


def test_an_attacker_named_outright_stays_reported_when_a_retelling_hedges(events_of):
    body = (
        "قال المتحدث باسم القوات المسلحة السودانية إن «قواتنا تصدت فجر اليوم لهجوم شنته ميليشيا الدعم السريع "
        "على مدينة أبو زبد».\n\nفي المقابل، قال مستشار في الدعم السريع إن «قواتنا صدت محاولة تقدم لجيش الفلول "
        "باتجاه مواقعها قرب أبو زبد»، متهماً طيران الجيش بقصف أحياء سكنية في المدينة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Rapid Support Forces", "reported")


def test_the_drone_said_to_belong_to_an_army_next_is_its_strike(events_of):
    body = (
        "قُتل مواطنان ظهر اليوم جراء استهداف سيارتهما على الطريق بين قرية الجلبية ومدينة كوباني بطائرة مسيّرة."
        "\n\nوأفاد مراسلنا بأن المسيّرة تابعة لجيش الاحتلال التركي."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"], e["fatalities"]) == ("Military Forces of Turkey", "reported", 2)


def test_those_who_lost_their_lives_are_killed(events_of):
    e = only(events_of("قصفت مدفعية الجيش التركي اليوم قرية في ريف كوباني، وقال الأهالي إن ثلاثة مدنيين فقدوا حياتهم."))
    assert e["fatalities"] == 3


def test_the_community_one_victim_came_from_is_no_side(events_of):
    body = "قُتل شاب من مكون التبو برصاص مسلحين مجهولين في حي المنشية بمدينة سبها يوم السبت."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Attack", "Civilians")
    fight = only(events_of("اندلعت اشتباكات أمس بين مسلحين من مكون التبو وقوة أمنية في حي المنشية بمدينة سبها."))
    assert "Tribal militia" in (fight["actor1"], fight["actor2"])


@pytest.mark.parametrize("thrower", ["شخص مجهول", "مجهولون", "مسلحون ملثمون"])
def test_the_unknown_who_threw_the_grenade_threw_it(events_of, thrower):
    body = f"انفجرت قنبلة يدوية ألقاها {thrower} على محل لبيع الهواتف في حي الزهراء بمدينة حمص مساء اليوم، دون إصابات."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Grenade", "Unidentified armed group", None)


def test_the_organisation_of_those_arrested_is_the_group_the_article_named(events_of):
    body = (
        "قُتل جندي بهجوم شنه عناصر تنظيم القاعدة على نقطة في مديرية الصعيد اليوم. وكانت قوات دفاع شبوة قد ألقت "
        "القبض، مساء أمس، على ثلاثة مشتبهين بالانتماء إلى خلية تابعة للتنظيم في مدينة عتق."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert arrest["actor2"] == "Al-Qaeda in the Arabian Peninsula"


def test_a_tribal_raid_on_a_house_is_tribesmen_attacking(events_of):
    body = "تعرّض منزل مواطن في مدينة الناصرية فجر اليوم لـ«دكّة عشائرية» بقنبلة يدوية ألقاها مجهولون، دون إصابات."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Tribal militia", "Civilians")


def test_the_land_the_shells_came_from_names_whose_forces_fired(events_of):
    body = "قُتل مواطن صباح اليوم جراء قصف مدفعي مصدره الأراضي السورية استهدف منازل في بلدة القصر بقضاء الهرمل."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Military Forces of Syria", "reported")
    inside = only(events_of("انفجرت عبوة صباح اليوم داخل الأراضي السورية قرب بلدة القصير، ما أدى إلى مقتل مواطن."))
    assert inside["actor1"] != "Military Forces of Syria"


def test_a_count_of_a_groups_members_before_the_death_verb(events_of):
    body = (
        "قال المتحدث إن «قواتنا تصدت فجر اليوم لهجوم شنته ميليشيا الحوثي على مواقعنا جنوب مديرية التحيتا»، "
        "مضيفاً أن ستة من عناصر الميليشيا لقوا مصرعهم، فيما استشهد جنديان من قواتنا."
    )
    e = only(events_of(body))
    assert e["fatalities"] == 8


def test_a_man_shot_whom_a_force_mourns_as_its_member_was_in_a_clash(events_of):
    body = (
        "أقدم مسلحان مجهولان يستقلان دراجة نارية مساء أمس على اغتيال شاب أمام منزله في حي الحيانية بالبصرة."
        "\n\nونعت هيئة الحشد الشعبي في بيان «الشهيد»، ووصفته بأنه «أحد منتسبي اللواء الحادي عشر»."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Armed clash", "Popular Mobilization Forces")


def test_mourned_fighters_are_the_last_events_victims_not_an_earlier_ones(events_of):
    body = (
        "عُثر صباح اليوم على جثة رجل مقتولاً بطلقات نارية قرب الطريق العام في بلدة طفس بريف درعا.\n\n"
        "وفي ريف دير الزور الشرقي، قُتل عنصران من «قسد» بهجوم على نقطة عسكرية في بلدة أبو حمام مساء أمس."
        "\n\nونعت «قسد» في بيان العنصرين."
    )
    body_found = next(e for e in events_of(body) if e["location"] == "Tafas")
    assert (body_found["sub_event_type"], body_found["actor2"]) == ("Attack", "Civilians")


def test_who_mourns_the_dead_in_a_statement_is_their_side(events_of):
    body = (
        "قُتل شاب برصاص مسلحين مجهولين مساء أمس في بلدة غرانيج بريف دير الزور الشرقي.\n\n"
        "وقال مجلس دير الزور العسكري في بيان نعي إن القتيل «أحد مقاتلي المجلس»."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Armed clash", "Syrian Democratic Forces")


def test_the_group_that_claimed_a_killing_did_it(events_of):
    body = (
        "أعلنت وزارة الداخلية فتح تحقيق في مقتل رجل من أهالي قرية تالين مساء الأحد، كانت جماعة تطلق على "
        "نفسها «سرايا أنصار السنة» قد تبنّت قتله في بيان نشرته على قناتها في تلغرام."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Saraya Ansar al-Sunna", "Civilians")


def test_the_militia_that_targeted_a_market_with_a_drone_struck(events_of):
    body = "أُصيب ثلاثة مدنيين مساء أمس في مديرية الجوبة جراء استهداف الميليشيا الحوثية سوقاً شعبياً بطائرة مسيّرة مفخخة."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", "Civilians")


def test_who_a_statement_says_planted_the_bomb_planted_it(events_of):
    body = (
        "تعرضت عجلة عسكرية تابعة للجيش العراقي مساء أمس لانفجار عبوة ناسفة في بساتين ناحية السعدية، ما أسفر "
        "عن استشهاد جنديين.\n\nوذكرت قيادة العمليات في بيان أن «بقايا عصابات داعش الإرهابية» زرعت العبوة "
        "على طريق ترابي تسلكه القطعات."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Islamic State", "reported")


def test_a_ministry_whose_military_source_speaks_is_no_side(events_of):
    body = (
        "استهدفت غارات جوية يُعتقد أنها إسرائيلية ليلة أمس مطار تدمر العسكري في ريف حمص الشرقي.\n\n"
        "وقال مصدر عسكري في وزارة الدفاع السورية إن «طيراناً مجهولاً» نفذ أربع غارات على مطار تدمر."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Military Forces of Israel", "suspected")


def test_she_met_her_death_is_one_killed(events_of):
    e = only(events_of("لقيت امرأة في الخمسين من عمرها حتفها صباح اليوم برصاص قنّاص في حي الروضة بمدينة تعز."))
    assert e["fatalities"] == 1


def test_an_aid_volunteer_is_a_civilian_and_the_remnants_are_the_army_in_sudan(events_of):
    aid = only(events_of("قتل متطوع في الهلال الأحمر أمس برصاص عناصر من الدعم السريع في مدينة الدلنج."))
    taken = only(events_of("أعلن الدعم السريع أمس أن قواته حررت منطقة أم صميمة بعد معارك مع فلول النظام البائد."))
    assert (aid["sub_event_type"], aid["actor2"], aid["fatalities"]) == ("Attack", "Civilians", 1)
    assert (taken["actor1"], taken["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")


def test_an_item_number_is_not_a_count_and_an_activists_movement_is_not_a_protest(events_of):
    item = only(events_of("2- استشهاد منتسب في الحشد الشعبي أمس وإصابة آخر بانفجار عبوة ناسفة في قضاء الطارمية."))
    killing = only(events_of("اغتال مسلحون مجهولون أمس الناشط في الحراك الاحتجاجي حسين علي أمام منزله في البصرة."))
    assert (item["fatalities"], item["injuries"]) == (1, 1)
    assert (killing["sub_event_type"], killing["actor2"]) == ("Attack", "Civilians")


def test_a_foiled_advance_of_the_mercenaries_is_their_attack(events_of):
    body = "أفشل أبطال الجيش واللجان الشعبية فجر اليوم محاولة زحف واسعة لمرتزقة العدوان باتجاه مواقع في مديرية حريب."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Military Forces of Yemen",
        "Ansar Allah (Houthis)",
    )


def test_a_threat_before_a_claim_of_strikes_is_no_event(events_of):
    body = "قال قيادي في الجبهة الوطنية إن فصائله «لن تقف مكتوفة الأيدي»، في حين تحدّثت وسائل إعلام عن «ضربات دقيقة»."
    assert events_of(body) == []


def test_soldiers_martyred_in_a_second_clause_join_the_toll(events_of):
    body = (
        "كسرت قوات الجيش الوطني فجر اليوم هجوماً شنّته مليشيا الحوثي في جبهة حريب، وأسفرت المعارك عن مصرع "
        "خمسة من عناصر المليشيا، فيما ارتقى جنديان من أبطال الجيش."
    )
    assert only(events_of(body))["fatalities"] == 7


def test_a_car_of_a_syrian_division_hit_by_a_bomb_is_the_army(events_of):
    body = "انفجرت عبوة ناسفة مساء أمس بسيارة عسكرية تابعة للفرقة الخامسة على طريق نوى – الشيخ مسكين."
    assert only(events_of(body))["actor2"] == "Military Forces of Syria"


def test_rockets_on_a_barracks_in_israel_hit_the_israeli_army(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية أمس دراجة نارية عند مدخل بلدة عيترون، وتعرّضت أطراف بلدة حولا لقصف مدفعي.\n\n"
        "في المقابل، أعلنت «المقاومة الإسلامية» أن مجاهديها استهدفوا أمس ثكنة المالكية في الجليل الأعلى "
        "بالأسلحة الصاروخية."
    )
    e = next(e for e in events_of(body) if e["location"] == "Malkia")
    assert (e["actor1"], e["actor2"]) == ("Hezbollah", "Military Forces of Israel")


def test_the_group_that_mourned_the_dead_is_their_side(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية أمس دراجة نارية عند مدخل بلدة عيترون، ما أدى إلى استشهاد شابين كانا على متنها.\n\n"
        "ونعى «حزب الله» لاحقاً الشابين في بيان."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Military Forces of Israel", "Hezbollah", 2)


def test_gunmen_named_after_fire_from_opened_it(events_of):
    body = (
        "تعرض محتجون كانوا يعتصمون في ساحة الكرامة بمدينة السويداء أمس لإطلاق نار من مسلحين مجهولين "
        "كانوا يستقلون سيارة، ما أدى إلى إصابة ثلاثة منهم بجروح."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Excessive force against protesters",
        "Unidentified armed group",
        "Protesters",
    )
    assert (e["attribution"], e["injuries"]) == ("unknown", 3)


def test_dead_of_stray_fire_after_a_told_clash_are_its_toll(events_of):
    body = (
        "شهدت منطقة صلاح الدين جنوبي العاصمة طرابلس، ليلة أمس، اشتباكات بالأسلحة الثقيلة بين عناصر من جهاز "
        "دعم الاستقرار وقوة الردع الخاصة.\n\nوأعلن مركز طب الطوارئ والدعم عن وفاة مدنيين اثنين جراء الرصاص العشوائي."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", 2)


def test_the_group_accused_of_this_attack_next_is_the_suspect(events_of):
    body = (
        "استهدفت مسيرات انتحارية فجر اليوم مستودعات للوقود في ميناء بورتسودان، فيما لم تعلن أي جهة مسؤوليتها. "
        "واتهمت الحكومة قوات الدعم السريع بالوقوف وراء الهجوم."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Rapid Support Forces", "reported")  # an accusation names it
    hedged = body.replace("واتهمت الحكومة قوات الدعم السريع بالوقوف", "ويُعتقد أن قوات الدعم السريع تقف")
    assert (only(events_of(hedged))["actor1"], only(events_of(hedged))["attribution"]) == (
        "Rapid Support Forces",
        "suspected",
    )
    pattern = body.replace("بالوقوف وراء الهجوم", "بالوقوف وراء سلسلة من الهجمات المماثلة")
    e = only(events_of(pattern))  # not named for this one: only suspected, as any unclaimed drone over Port Sudan
    assert (e["actor1"], e["attribution"]) == ("Rapid Support Forces", "suspected")


def test_the_force_that_owns_the_target_was_hit(events_of):
    body = (
        "تعرضت دورية تابعة لقطعات الفرقة السادسة في الجيش العراقي، مساء أمس، إلى انفجار عبوة ناسفة في قرية "
        "المشاهدة شمال بغداد، أسفر عن إصابة جنديين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Military Forces of Iraq")


def test_groups_linked_to_an_agency_are_not_the_agency(events_of):
    body = (
        "أطلق مسلحون مجهولون النار على تجمع لمحتجين أمام مبنى البلدية في بلدة الكفر عصر اليوم، ما أدى إلى مقتل شاب.\n\n"
        "وقال أحد منظمي الوقفة إن المحتجين كانوا عزلاً، متهماً «مجموعات مرتبطة بالأجهزة الأمنية» بالوقوف وراء الهجوم."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Unidentified armed group", "unknown")


def test_protesters_are_no_ones_suspects(events_of):
    body = (
        "احتشد المئات اليوم في ساحة الكرامة وسط مدينة السويداء مرددين هتافات تطالب بالتغيير.\n\n"
        "ويُعتقد أن الأجهزة الأمنية تقف وراء حملة التهديدات التي طالت الناشطين."
    )
    assert only(events_of(body))["actor1"] == "Protesters"


def test_the_speaker_of_our_forces_is_the_army_of_the_articles_country(events_of):
    body = (
        "دارت معارك أمس في منطقة كازقيل جنوب مدينة الأبيض بولاية شمال كردفان.\n\n"
        "وقال المتحدث الرسمي باسم القوات المسلحة في بيان إن «قواتنا تصدّت لهجوم واسع شنّته ميليشيا آل دقلو "
        "على مواقعنا في كازقيل»."
    )
    e = next(e for e in events_of(body) if e["actor1"] == "Rapid Support Forces")
    assert e["actor2"] == "Military Forces of Sudan"


def test_the_forces_are_the_perpetrator_just_named(events_of):
    body = (
        "اقتحمت قوة من الدعم السريع قرية أزرق في ولاية الجزيرة يوم الجمعة ونهبت المحاصيل.\n\n"
        "وفي يوم السبت، هاجمت القوات قرية السريحة المجاورة، ما أدى إلى مقتل 11 شخصاً."
    )
    e = next(e for e in events_of(body, published="2024-11-04T09:00:00+03:00") if e["location"] == "Al-Sireha")
    assert (e["actor1"], e["fatalities"]) == ("Rapid Support Forces", 11)


def test_a_claim_naming_the_dead_mans_group_at_a_place_finds_that_strike(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية بعد ظهر اليوم سيارة على الطريق بين بلدتي تبنين وبرعشيت، ما أدى إلى استشهاد سائقها.\n\n"
        "وقرابة الرابعة عصراً، ألقت مسيّرة أخرى قنبلة على دراجة نارية في ساحة بلدة كونين.\n\n"
        "وهرعت فرق الإسعاف إلى المكان.\n\nوحلّقت المسيّرات فوق القرى طوال النهار.\n\n"
        "من جهته، قال الناطق باسم الجيش الإسرائيلي إن «طائرة لسلاح الجو قضت على عنصر في حزب الله في منطقة تبنين»."
    )
    sides = {e["location"]: e["actor2"] for e in events_of(body)}
    assert sides["Tebnine"] == "Hezbollah" and sides["Kounine"] is None


def test_two_shells_whose_source_is_the_army_were_fired_by_it(events_of):
    body = "سقطت قذيفتان مدفعيتان مصدرهما مواقع الجيش الإسرائيلي على أطراف بلدة شيحين اليوم، من دون أن تسفرا عن إصابات."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["fatalities"]) == (
        "Shelling/artillery/missile attack",
        "Military Forces of Israel",
        0,
    )


def test_two_members_of_a_unit_in_a_group_claimed_next_are_that_group(events_of):
    body = (
        "استهدفت مسيّرة إسرائيلية بعد منتصف الليل سيارة على الطريق المؤدي إلى بلدة حوش السيد علي في قضاء الهرمل، "
        "ما أدى إلى مقتل شخصين.\n\nوزعم الجيش الإسرائيلي في بيان أنه استهدف «عنصرين من وحدة نقل الأسلحة في حزب الله» "
        "كانا يعملان على تهريب وسائل قتالية من سوريا إلى لبنان."
    )
    assert only(events_of(body))["actor2"] == "Hezbollah"


def test_a_monitors_total_names_no_victims_side(events_of):
    body = (
        "أقدم مجهولون على خطف شاب من أمام منزله في مدينة بصرى الشام فجر أمس.\n\n"
        "ووثّقت الشبكة منذ مطلع الشهر 23 عملية اغتيال في محافظة درعا، أسفرت عن مقتل 17 شخصاً، بينهم عناصر سابقون "
        "في فصائل المعارضة."
    )
    assert only(events_of(body))["actor2"] == "Civilians"


def test_houthi_gunmen_abducting_a_teacher(events_of):
    e = only(events_of("اختطف مسلحون حوثيون اليوم معلماً من منزله في مديرية العدين بمحافظة إب."))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", "Civilians")


def test_killed_at_the_hands_of_a_suspect_after_a_hedge(events_of):
    body = (
        "عثر أهالي اليوم على جثث ثلاثة رعاة مقتولين بالرصاص قرب بلدة معدان في ريف الرقة الشرقي، ويرجح أنهم قتلوا "
        "على يد خلايا تنظيم داعش."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"], e["attribution"], e["fatalities"]) == (
        "Attack",
        "Islamic State",
        "Civilians",
        "suspected",
        3,
    )


def test_a_summary_execution_counts_its_dead(events_of):
    body = "أعدمت قوات الدعم السريع ميدانياً اليوم ثمانية مدنيين في قرية الهلالية بولاية الجزيرة."
    assert only(events_of(body))["fatalities"] == 8


def test_aid_workers_shot_at_are_civilians(events_of):
    body = "تعرض فريق تابع لمنظمة إغاثية اليوم لإطلاق نار من مسلحين قرب مدينة نيالا، ما أدى إلى إصابة اثنين من أعضائه."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"], e["injuries"]) == ("Attack", "Civilians", 2)


def test_a_death_told_before_its_cause_is_that_attack(events_of):
    body = "لقي مختار قرية الكرك الشرقي حتفه متأثراً بجروح أصيب بها إثر استهدافه بالرصاص من قبل مجهولين أمس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["location"], e["fatalities"]) == ("Attack", "Al-Karak al-Sharqi", 1)
    told = "قصفت قوات النظام بلدة كفرنبل اليوم بالمدفعية الثقيلة.\n\nوقتل مدني إثر القصف، بحسب الدفاع المدني."
    assert [(e["location"], e["fatalities"]) for e in events_of(told)] == [("Kafranbel", 1)]


def test_an_officer_assassinated_by_a_bomb_is_the_target(events_of):
    body = "اغتيل ضابط في جهاز المباحث العامة بتفجير عبوة ناسفة زُرعت في سيارته بمدينة بنغازي صباح اليوم."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Unidentified armed group", "Police Forces of Libya", 1)


def test_the_forces_far_from_the_event_word_are_not_its_perpetrator(events_of):
    body = (
        "نفذت طائرات F-16 العراقية أمس ضربة جوية على وكر لداعش في منطقة الجلام.\n\n"
        "وتعرضت دورية للجيش العراقي مساء أمس إلى انفجار عبوة ناسفة في قرية المشاهدة شمال بغداد، ما أدى إلى إصابة "
        "جنديين، وقد باشرت القوات بتفتيش المنطقة."
    )
    bomb = next(e for e in events_of(body) if e["sub_event_type"] == "Remote explosive/landmine/IED")
    assert bomb["actor1"] == "Unidentified armed group"


def test_a_truce_between_the_two_sides_is_theirs_not_the_ministrys(events_of):
    body = (
        "تجددت الاشتباكات ظهر اليوم بين قوة الردع الخاصة واللواء 444 قتال في منطقة السبعة جنوبي طرابلس.\n\n"
        "وفي وقت متأخر من مساء اليوم، أعلنت وزارة الدفاع التوصل إلى اتفاق لوقف إطلاق النار بين الطرفين."
    )
    truce = next(e for e in events_of(body) if e["sub_event_type"] == "Agreement")
    assert {truce["actor1"], truce["actor2"]} == {"Special Deterrence Force", "444th Combat Brigade"}


def test_soldiers_of_the_armed_forces_are_the_army_of_the_events_country(events_of):
    body = "انفجرت عبوة ناسفة اليوم قرب بلدة القطرون جنوبي ليبيا.\n\nوأقرّ البيان بسقوط جنديين من القوات المسلحة."
    assert only(events_of(body))["actor2"] == "Military Forces of Libya"


def test_the_hurt_told_before_the_fighting_that_hurt_them(events_of):
    body = "أصيب ثلاثة مدنيين خلال الاشتباكات التي شهدتها مدينة الزاوية اليوم."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["injuries"]) == ("Armed clash", 3)
    shelled = only(events_of("قتل مدني أثناء القصف على بلدة سرمين اليوم."))
    assert (shelled["sub_event_type"], shelled["fatalities"]) == ("Shelling/artillery/missile attack", 1)


def test_a_camp_fight_told_with_its_quarter_its_toll_and_its_stray_fire_is_one_event(events_of):
    body = (
        "تجدّدت بعد منتصف الليل الاشتباكات العنيفة في مخيم عين الحلوة بين عناصر من حركة فتح ومسلحي جند الشام "
        "في حي حطين.\n\nوأفادت مصادر طبية بسقوط ثلاثة قتلى و14 جريحاً، بينهم عسكري في الجيش اللبناني أصيب بشظايا "
        "قذيفة سقطت على أحد مراكزه.\n\nوطاول الرصاص الطائش والقذائف أحياء في مدينة صيدا المجاورة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"], e["fatalities"]) == (
        "Armed clash",
        "Fatah Movement",
        "Jund al-Sham",
        3,
    )


def test_the_side_held_responsible_after_the_event_is_its_perpetrator(events_of):
    body = (
        "قُتل تسعة مدنيين صباح اليوم جراء قصف مدفعي استهدف مخيم أبو شوك للنازحين شمالي مدينة الفاشر، بحسب بيان "
        "للجيش الذي حمّل قوات الدعم السريع المسؤولية."
    )
    assert only(events_of(body))["actor1"] == "Rapid Support Forces"


def test_the_side_that_tried_to_break_in_attacked(events_of):
    body = (
        "اشتباك اليوم بين قوة من الشرطة الاتحادية ومجموعة من عناصر داعش حاولت التسلل إلى نقطة مراقبة جنوبي "
        "قضاء داقوق، دون خسائر في صفوف القوة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Police Forces of Iraq")


def test_dead_and_hurt_counted_together_give_no_toll(events_of):
    body = (
        "أفشلت قوات الجيش فجر اليوم محاولة زحف واسعة باتجاه مواقعها في جبهة الكسارة بمحافظة مأرب، وأسفرت "
        "المعارك عن أكثر من عشرين قتيلاً وجريحاً في صفوف المهاجمين."
    )
    assert only(events_of(body))["fatalities"] is None


def test_the_group_that_set_an_ambush_attacked(events_of):
    body = (
        "نصب عناصر من تنظيم داعش اليوم كميناً لدورية تابعة لقوات النظام السوري على طريق الرصافة في بادية الرقة، "
        "ما أدى إلى مقتل أربعة عناصر."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Islamic State", "Military Forces of Syria", 4)


def test_the_army_whose_air_defences_downed_a_drone_is_actor1(events_of):
    e = only(events_of("أسقطت الدفاعات الجوية السورية اليوم طائرة مسيرة مجهولة فوق مطار حماة العسكري."))
    assert (e["sub_event_type"], e["actor1"]) == ("Disrupted weapons use", "Military Forces of Syria")
    us = only(events_of("أسقطت الدفاعات الجوية اليوم طائرة أمريكية من نوع MQ-9 في أجواء محافظة الجوف."))
    assert us["actor2"] == "Military Forces of the United States"


def test_a_hedge_on_the_victims_leaves_the_attacker_reported(events_of):
    body = (
        "قُتل ثلاثة مسلحين يُعتقد أنهم من حزب العمال الكردستاني اليوم بغارة لطائرة تركية مسيرة استهدفت سيارتهم "
        "في قضاء سيدكان شمال أربيل."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == (
        "Military Forces of Turkey",
        "Kurdistan Workers' Party",
        "reported",
    )
    hedged = only(events_of("استهدفت غارات يُرجّح أنها إسرائيلية اليوم موقعاً عسكرياً قرب بلدة الكسوة بريف دمشق."))
    assert hedged["attribution"] == "suspected"


def test_displaced_people_counted_in_the_accusative_are_civilians(events_of):
    body = "قتل 15 نازحاً اليوم في قصف مدفعي لقوات الدعم السريع على معسكر أبو شوك بالفاشر."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Rapid Support Forces", "Civilians", 15)


def test_citizens_houses_and_civilian_cars_are_civilian_targets(events_of):
    car = only(events_of("قُتل ثلاثة أشخاص اليوم بقصف طائرة مسيّرة تركية على سيارة مدنية قرب قضاء بنجوين."))
    assert car["actor2"] == "Civilians"
    houses = only(events_of("قصف الجيش التركي اليوم قرية أم الكيف بالقذائف المدفعية، ما ألحق أضراراً بمنازل المواطنين."))
    assert houses["actor2"] == "Civilians"


def test_attacks_a_detainee_is_implicated_in_are_no_event(events_of):
    body = "وذكرت الخلية أن المعتقل متورط في التخطيط لعدة هجمات استهدفت القطعات الأمنية والمواطنين في قضاء سامراء."
    assert events_of(body) == []


def test_the_police_of_an_attacked_police_station_are_the_target(events_of):
    body = (
        "هاجم مسلحون يُعتقد أنهم من خلايا داعش مركزاً للشرطة في ناحية العباسي غرب كركوك ليلة أمس، "
        "ما أدى إلى إصابة ثلاثة منتسبين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Police Forces of Iraq")


def test_a_security_force_arrests_for_the_state_and_the_accused_group_is_actor2(events_of):
    body = "اعتقلت قوة أمنية أمس ثلاثة متهمين بالانتماء لداعش في قضاء الطارمية شمال بغداد."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Police Forces of Iraq", "Islamic State")


def test_the_side_held_responsible_before_the_event_word_is_actor1(events_of):
    body = (
        "قُتل ستة مدنيين أمس جراء قصف مدفعي استهدف سوقاً شعبية في أم درمان.\n\n"
        "وحمّلت لجان المقاومة «مليشيا الدعم السريع» مسؤولية القصف."
    )
    assert only(events_of(body))["actor1"] == "Rapid Support Forces"


def test_killed_by_a_verb_then_injured_with_their_own_count(events_of):
    body = "قالت مصادر طبية إن سبعة مدنيين قُتلوا وأُصيب أكثر من خمسة عشر أمس جراء قصف مدفعي على أم درمان."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (7, 15)


def test_the_army_a_later_sentence_accuses_is_the_country_s_army(events_of):
    body = (
        "قُتل أربعة مدنيين أمس جراء قصف مدفعي على سوق في مدينة الأبيض.\n\n"
        "ونفت قوات الدعم السريع أي صلة لها بالحادثة، متهمةً الجيش بقصف السوق."
    )
    assert only(events_of(body))["actor1"] == "Military Forces of Sudan"


def test_an_aggression_s_adjective_names_the_attacker(events_of):
    body = "أفاد الإعلام الرسمي أمس بأن «عدوان إسرائيلي» بطائرة مسيّرة طال سيارة على الطريق الدولي قرب يعفور."
    assert only(events_of(body))["actor1"] == "Military Forces of Israel"


def test_the_victim_s_unit_belonging_to_a_group_names_the_group(events_of):
    body = (
        "قُتل شخصان أمس بغارة من طائرة مسيّرة إسرائيلية على سيارة قرب بلدة يعفور.\n\n"
        "وقال الجيش الإسرائيلي إنه قضى على عنصر في الوحدة 4400 التابعة لحزب الله."
    )
    assert only(events_of(body))["actor2"] == "Hezbollah"


def test_a_group_that_claims_the_attack_later_is_actor1(events_of):
    body = (
        "أُصيبت سفينة شحن بصاروخ أمس قبالة ميناء المخا، من دون وقوع إصابات بين طاقمها.\n\n"
        "وبعد ساعات، تبنّى المتحدث العسكري باسم جماعة الحوثي العملية في بيان متلفز."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Ansar Allah (Houthis)", "reported")


def test_a_target_named_twice_is_not_the_attacker(events_of):
    body = "تعرّضت سيارة تقلّ قيادياً في وحدات مقاومة سنجار (اليبشة) أمس لاستهداف بطائرة مسيّرة قرب ناحية سنوني."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == (None, "Sinjar Resistance Units")


def test_the_weapon_s_owner_stated_later_is_actor1(events_of):
    body = (
        "تعرّضت سيارة أمس لاستهداف بطائرة مسيّرة قرب ناحية سنوني، ما أدى إلى مقتل سائقها.\n\n"
        "وقال مسؤول محلي في وقت لاحق إن «الطائرة تركية»."
    )
    assert only(events_of(body))["actor1"] == "Military Forces of Turkey"


def test_fighters_killed_with_no_attacker_named_are_a_clash_counted_partitively(events_of):
    body = "وأعلن مركز طب الطوارئ أن ثلاثة من المسلحين قُتلوا أمس في محاور عين زارة جنوبي طرابلس."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", 3)


def test_the_lna_general_command_s_full_name_is_one_actor(events_of):
    body = (
        "أعلنت القيادة العامة للقوات المسلحة الليبية أمس أن وحداتها قصفت تجمعات لعصابات مسلحة "
        "قرب الحدود الجنوبية في منطقة أم الأرانب."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Libyan National Army", None)


@pytest.mark.parametrize(
    ("who", "count"),
    [("ضابط وجنديين", 3), ("شاب وطفل", 2), ("جندي وعنصرين", 3)],
)
def test_one_person_and_more_joined_by_and_are_summed(events_of, who, count):
    body = f"انفجرت عبوة ناسفة أمس بسيارة على طريق قضاء الطارمية، ما أسفر عن إصابة {who}."
    assert only(events_of(body))["injuries"] == count


def test_tribal_gunmen_are_a_tribal_militia(events_of):
    body = "هاجم مسلحون عشائريون أمس مقرات لقسد في بلدة الكسرة ودارت اشتباكات استمرت ساعات."
    assert only(events_of(body))["actor1"] == "Tribal militia"


def test_a_group_s_claim_of_an_attack_told_is_that_attack(events_of):
    body = (
        "انفجرت عبوة ناسفة أمس بعجلة عسكرية في منطقة المطيبيجة، ما أدى إلى مقتل جندي.\n\n"
        "وفي وقت لاحق، تبنّى تنظيم «داعش»، عبر وكالة «أعماق»، تفجير العبوة في المطيبيجة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["fatalities"]) == ("Islamic State", 1)


def test_assassinations_the_arrested_are_accused_of_kill_no_one_today(events_of):
    body = (
        "داهمت دوريات تابعة للأمن العام فجر اليوم منازل في بلدة المزيريب، واعتقلت أربعة شبان تتهمهم "
        "بالانتماء إلى خلية تقف وراء عمليات اغتيال."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["fatalities"]) == ("Arrests", "Police Forces of Syria", None)


def test_who_announces_the_dead_of_a_bomb_did_not_plant_it(events_of):
    body = (
        "أعلنت خلية الإعلام الأمني أمس استشهاد منتسب وإصابة اثنين آخرين بانفجار عبوة ناسفة على قوة أمنية في قضاء الدبس."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["location"], e["fatalities"], e["injuries"]) == ("Unidentified armed group", "Dibis", 1, 2)


def test_the_zionist_enemy_is_israel_s_military(events_of):
    body = "استهدف طيران العدو الصهيوني أمس منزلاً في بلدة عيتا الشعب الجنوبية."
    assert only(events_of(body))["actor1"] == "Military Forces of Israel"


def test_a_nominative_plural_after_the_event_word_is_its_subject(events_of):
    body = "نهب مسلحون من الدعم السريع أمس سوق مدينة الجنينة وأحرقوا عشرات المحال."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Looting/property destruction",
        "Rapid Support Forces",
        "Civilians",
    )


@pytest.mark.parametrize(
    ("where", "force"),
    [("السليمانية", "Kurdistan Region Security (Asayish)"), ("الحسكة", "Syrian Democratic Forces")],
)
def test_the_asayish_are_the_krg_s_in_iraq_and_the_sdf_s_in_syria(events_of, where, force):
    body = f"اعتقلت قوات الأسايش أمس ثلاثة شبان في مدينة {where}."
    assert only(events_of(body))["actor1"] == force


def test_the_body_whose_statement_is_the_source_is_no_side(events_of):
    body = (
        "قُتل شخصان أمس بضربة طائرة مسيّرة تركية استهدفت سيارة قرب قضاء رانية، "
        "وفق ما أعلنت مديرية أسايش رانية في بيان مقتضب."
    )
    assert only(events_of(body))["actor2"] != "Kurdistan Region Security (Asayish)"


def test_two_members_in_the_nominative_dual_are_two(events_of):
    body = "أصيب منتسبان في الحشد الشعبي أمس بانفجار عبوة ناسفة استهدفت عجلتهم في منطقة المطيبيجة."
    e = only(events_of(body))
    assert (e["actor2"], e["injuries"]) == ("Popular Mobilization Forces", 2)


def test_a_military_source_is_no_soldier_of_the_attacker(events_of):
    body = (
        "مصدر عسكري: العدو الإسرائيلي نفّذ فجر اليوم عدواناً جوياً مستهدفاً بعض النقاط في محيط بلدة الكسوة، "
        "ما أدى إلى استشهاد عسكريَّين اثنين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Israel", "Military Forces of Syria")


def test_an_attack_repelled_with_an_adjective_between_still_names_the_attacker(events_of):
    body = "قال الجيش السوداني إن قواته دحرت هجوماً واسعاً لقوات الدعم السريع على بلدة أم صميمة اليوم."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")


def test_the_defenders_telling_orders_the_sides_a_between_named(events_of):
    body = (
        "اندلعت اليوم معارك عنيفة بين الجيش السوداني وقوات الدعم السريع في بلدة أم صميمة غرب الأبيض.\n\n"
        "وقال الناطق باسم الجيش إن «قواتنا صدّت هجوماً جديداً لميليشيا الدعم السريع على أم صميمة»."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")
    accused = (  # an accusation, not an attack driven back: "بين" keeps its order
        "اندلعت اليوم معارك عنيفة بين الجيش السوداني وقوات الدعم السريع في بلدة أم صميمة غرب الأبيض.\n\n"
        "وقال الجيش إن قوة من الدعم السريع حاولت اقتحام مواقعه في أم صميمة."
    )
    e = only(events_of(accused))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_a_force_that_was_subjected_to_a_blast_is_its_target(events_of):
    body = "قُتل جندي صباح اليوم بعد أن تعرّضت قوة من الجيش العراقي لانفجار عبوة ناسفة قرب ناحية الرشاد جنوب كركوك."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Military Forces of Iraq")


def test_a_hedge_in_the_next_sentence_names_the_suspect_with_no_event_word(events_of):
    body = (
        "انفجرت عبوة ناسفة صباح اليوم بدورية للجيش العراقي قرب ناحية الرشاد جنوب كركوك دون وقوع إصابات.\n\n"
        "ولم تعلن أي جهة مسؤوليتها، غير أن مصدراً أمنياً قال إن العبوة «يُرجّح أنها زُرعت من قبل بقايا داعش»."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Islamic State", "suspected")


def test_syrias_internal_security_command_is_its_police(events_of):
    body = (
        "قال قائد الأمن الداخلي في محافظة اللاذقية إن وحدات الأمن الداخلي اعتقلت اليوم أربعة مطلوبين في بلدة القرداحة."
    )
    e = only(events_of(body, published="2025-10-19T12:00:00+03:00"))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Police Forces of Syria")


def test_our_forces_are_the_quoted_groups_not_the_articles_first_named(events_of):
    body = (
        "قُتل مدنيان أمس بقصف لمسيّرة تابعة للجيش التركي على قرية قرب سد تشرين جنوب شرقي منبج.\n\n"
        "وقال المركز الإعلامي لقوات سوريا الديمقراطية إن «قواتنا اشتبكت فجر اليوم مع مرتزقة الاحتلال التركي "
        "في قرى جنوب سد تشرين»."
    )
    clash = only(
        [e for e in events_of(body, published="2025-01-12T12:00:00+03:00") if e["sub_event_type"] == "Armed clash"]
    )
    assert {clash["actor1"], clash["actor2"]} == {"Syrian Democratic Forces", "Syrian National Army"}


def test_the_adjective_of_a_base_names_whose_base_was_hit(events_of):
    body = (
        "أعلنت «المقاومة الإسلامية في العراق» مساء أمس أن مجاهديها استهدفوا «قاعدة الاحتلال الأمريكي في عين "
        "الأسد» بطائرتين مسيّرتين."
    )
    e = only(events_of(body, published="2023-12-13T10:00:00+03:00"))
    assert (e["actor1"], e["actor2"]) == ("Islamic Resistance in Iraq", "Military Forces of the United States")


def test_iraqi_units_named_by_their_formation_are_the_army(events_of):
    body = "عثرت قطعات الفرقة السابعة أمس على مخبأ يحتوي على عشرين عبوة ناسفة في صحراء قضاء عنة، وتم تفجيرها موقعياً."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Disrupted weapons use", "Military Forces of Iraq")


def test_undated_statement_retells_yesterdays_clash_in_the_same_town(events_of):
    body = (
        "اندلعت أمس اشتباكات بين الجيش العراقي ومسلحين في مركز قضاء تلعفر، قُتل فيها ثلاثة مسلحين.\n\n"
        "وقال مصدر في قيادة العمليات إن ثلاثة من المسلحين قُتلوا وأُصيب جنديان في الاشتباكات داخل تلعفر."
    )
    e = only(events_of(body))
    assert (e["location"], e["fatalities"]) == ("Tall Afar", 3)


def test_finder_of_a_body_is_still_a_witness(events_of):
    e = only(events_of("عثرت قوات الأمن أمس على جثة رجل قُتل بانفجار عبوة ناسفة قرب قضاء عنة."))
    assert e["actor1"] != "Police Forces of Iraq"


def test_gunmen_of_two_tribes_are_tribal_militias(events_of):
    e = only(events_of("قُتل ثلاثة أمس في اشتباكات بين مسلحين من قبيلة أولاد سليمان ومسلحين من التبو في مدينة سبها."))
    assert (e["actor1"], e["actor2"]) == ("Tribal militia", "Tribal militia")


def test_army_spokesman_is_no_side_of_the_drones_he_tells(events_of):
    body = (
        "وقال الناطق الرسمي باسم القوات المسلحة إن «الميليشيا المتمردة أطلقت أمس ست مسيّرات انتحارية "
        "باتجاه محطة الكهرباء في مدينة عطبرة»."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", None)


def test_a_hospitals_name_is_no_side(events_of):
    body = "قُتل خمسة مدنيين أمس جراء قصف مدفعي استهدف المستشفى التركي في مدينة نيالا."
    assert only(events_of(body))["actor1"] != "Military Forces of Turkey"


@pytest.mark.parametrize(
    ("toll", "dead"),
    [
        ("استشهاد ضابط برتبة ملازم أول وجندي", 2),
        ("استشهاد ضابط برتبة نقيب وجنديين اثنين", 3),
        ("استشهاد أحد المنتسبين", 1),
    ],
)
def test_officer_with_his_rank_and_the_men_beside_him(events_of, toll, dead):
    body = f"انفجرت عبوة ناسفة أمس بدورية للجيش العراقي في قضاء الشرقاط، ما أسفر عن {toll} وإصابة اثنين آخرين."
    assert only(events_of(body))["fatalities"] == dead


def test_the_man_killed_with_his_companion_are_two(events_of):
    body = "استهدفت طائرة مسيّرة أمس سيارة قيادي قرب مدينة القامشلي، ما أدى إلى مقتله ومرافقه."
    assert only(events_of(body))["fatalities"] == 2


def test_group_named_after_the_hedge_is_the_suspect_not_a_victims_unit(events_of):
    body = "قُتل جنديان أمس في هجوم شنّه مسلحون يُعتقد أنهم من عناصر تنظيم القاعدة على نقطة عسكرية في مديرية لودر."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Al-Qaeda in the Arabian Peninsula", "suspected")


def test_each_side_claiming_it_repelled_the_other_keeps_the_leads_order(events_of):
    body = (
        "تجددت أمس الاشتباكات بين فصائل «الجيش الوطني السوري» و«قوات سوريا الديمقراطية» على محور قرية الخفسة.\n\n"
        "وقالت «قسد» إن قواتها تصدّت لهجوم على مواقعها قرب الخفسة، في حين قال «الجيش الوطني» إن مقاتليه "
        "أحبطوا هجوماً لميليشيا قسد على قرية الخفسة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Syrian National Army", "Syrian Democratic Forces")


def test_group_that_launched_the_attack_our_forces_repelled_is_actor1(events_of):
    body = (
        "وقال المركز الإعلامي لقوات سوريا الديمقراطية إن «مرتزقة الاحتلال التركي شنّوا أمس هجوماً على "
        "قرية الخفسة، وتصدّت لهم قواتنا وأوقعت خمسة قتلى في صفوفهم»."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Syrian National Army", "Syrian Democratic Forces")


def test_whom_a_road_block_protests_against_is_no_side(events_of):
    body = (
        "أغلق عشرات الشبان أمس الطريق الرئيسي في مدينة طفس بالإطارات المشتعلة احتجاجاً على الاغتيالات "
        "وتقاعس الأجهزة الأمنية عن كشف منفّذيها."
    )
    assert only(events_of(body))["actor2"] is None


def test_outlaw_groups_attacking_a_checkpoint_are_actor1(events_of):
    body = "قالت وزارة الداخلية إن «مجموعات خارجة عن القانون» هاجمت حاجزاً للأمن العام عند مدخل بلدة جرمانا أمس."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Police Forces of Syria")


def test_the_interior_ministry_speaking_of_its_units_made_the_arrest(events_of):
    body = "أعلنت وزارة الداخلية اليوم أن وحداتها ألقت القبض على خلية من أربعة أشخاص تابعة لتنظيم داعش في مدينة الضمير."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Police Forces of Syria", "Islamic State")


def test_smuggling_gangs_are_unidentified_armed_groups(events_of):
    body = "استهدفت طائرات مسيّرة تابعة لوزارة الدفاع أمس أوكاراً لعصابات التهريب في منطقة أبو صرة غرب مدينة الزاوية."
    assert only(events_of(body))["actor2"] == "Unidentified armed group"


def test_people_arrested_with_no_group_named_are_civilians(events_of):
    body = "اعتقلت الاستخبارات العسكرية أمس ثلاثة ناشطين من منازلهم في حي ديم النور بمدينة القضارف."
    assert only(events_of(body))["actor2"] == "Civilians"


def test_a_cell_arrested_is_not_civilians(events_of):
    body = "أعلن اللواء طارق بن زياد أمس ضبط خلية تتبع تنظيماً إرهابياً واعتقال خمسة من أفرادها في مدينة هون."
    assert only(events_of(body))["actor2"] != "Civilians"


def test_those_arrested_after_a_tribal_feud_are_its_tribesmen(events_of):
    body = (
        "اندلع نزاع عشائري أمس بين عشيرتين في ناحية الغراف شمالي محافظة ذي قار.\n\n"
        "وقال مصدر في الشرطة إن قوة أمنية اعتقلت اليوم ستة من المتورطين في ناحية الغراف."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert arrest["actor2"] == "Tribal militia"


def test_men_arrested_from_both_sides_of_a_feud_are_its_tribesmen(events_of):
    body = (
        "قُتل شخصان أمس في نزاع عشائري بين عشيرتين في قضاء الدير شمالي البصرة.\n\n"
        "وأضاف أن قوة من قيادة شرطة البصرة نفّذت فجر اليوم عملية دهم اعتقلت خلالها عشرة متهمين من الطرفين."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert (arrest["actor2"], arrest["location"]) == ("Tribal militia", "Ad-Dayr")


def test_the_force_manning_the_checkpoint_fired_on_the_car(events_of):
    body = "قُتل شاب أمس إثر إطلاق النار على سيارته عند حاجز تابع للأمن العام على مدخل مدينة السلمية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Police Forces of Syria", "Civilians")


def test_the_men_of_a_checkpoint_fired_on_the_car(events_of):
    body = "أُصيب شابان بجروح أمس بعد أن أطلق عناصر حاجز للجيش عند مدخل بلدة بوداي النار على سيارتهما."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Attack", "Military Forces of Lebanon")


def test_the_attacking_force_named_again_is_the_attacker(events_of):
    body = (
        "قالت لجان المقاومة إن قوات الدعم السريع اقتحمت أمس قرية أزرق شمال غرب مدينة الحصاحيصا وقتلت تسعة مدنيين. "
        "وأضافت اللجان أن القوة المهاجمة اقتادت 12 شاباً من أبناء القرية إلى جهة غير معلومة."
    )
    taken = [e for e in events_of(body) if e["sub_event_type"] == "Abduction/forced disappearance"]
    assert [(e["actor1"], e["attribution"]) for e in taken] == [("Rapid Support Forces", "reported")]


def test_the_country_of_a_capital_is_no_side(events_of):
    body = "قُتل شخصان بانفجار عبوة ناسفة وسط العاصمة السورية صباح اليوم."
    event = only(events_of(body))
    assert (event["location"], event["actor1"]) == ("Damascus", "Unidentified armed group")


def test_the_death_protested_is_not_the_protests_toll(events_of):
    body = "قطع محتجون الطريق الدولي في مدينة الناصرية اليوم احتجاجاً على مقتل شاب برصاص مسلحين مجهولين ليلة أمس."
    event = only(events_of(body))
    assert (event["sub_event_type"], event["fatalities"]) == ("Peaceful protest", None)


def test_gunmen_who_went_on_to_assassinate_killed_one(events_of):
    body = "أقدم مسلحون مجهولون على اغتيال مختار قرية الشحيل في ريف دير الزور الشرقي بإطلاق النار عليه أمام منزله."
    assert only(events_of(body))["fatalities"] == 1


def test_a_death_a_fight_broke_out_over_is_not_its_toll(events_of):
    body = (
        "اندلعت اشتباكات مساء أمس بين عناصر من الأمن العام ومسلحين محليين في مدينة جرمانا بريف دمشق، "
        "إثر مقتل عنصر من الأمن العام على حاجز عند مدخل المدينة. "
        "وأفاد مصدر محلي بأن الاشتباكات أسفرت عن مقتل مسلحين اثنين."
    )
    assert only(events_of(body))["fatalities"] == 2


def test_the_crime_squad_is_the_police(events_of):
    body = "ألقت مفرزة من مكافحة الإجرام، مساء أمس، القبض على متهم مطلوب في سوق الهارثة شمالي البصرة."
    assert only(events_of(body))["actor1"] == "Police Forces of Iraq"


def test_the_attackers_told_by_a_speaker_elsewhere_are_the_attack_told(events_of):
    body = (
        "قُتل أربعة مواطنين، أمس، إثر هجوم شنته مجموعة مسلحة على قرية أم جر بولاية النيل الأبيض. "
        "وقالت غرفة طوارئ القطينة في بيان إن المهاجمين «عناصر من ميليشيا الدعم السريع وصلوا على متن دراجات نارية، "
        "وأطلقوا النار عشوائياً على المواطنين»."
    )
    event = only(events_of(body))
    assert (event["location"], event["actor1"]) == ("Um Jar", "Rapid Support Forces")


def test_members_named_right_before_the_killing_did_it(events_of):
    body = "وقالت لجان مقاومة بارا إن عناصر الدعم السريع أعدموا ١١ مدنياً في حي الشفاء شرقي المدينة."
    event = only(events_of(body))
    assert (event["actor1"], event["actor2"]) == ("Rapid Support Forces", "Civilians")


def test_the_toll_resumes_after_a_cause_with_what_the_fight_led_to(events_of):
    body = (
        "اندلعت ظهر اليوم اشتباكات بين عشيرتين في قضاء الزبير، على خلفية مقتل شاب الأسبوع الماضي، "
        "ما أدى إلى مقتل أحد المسلحين وإصابة ثلاثة أشخاص."
    )
    event = only(events_of(body))
    assert (event["fatalities"], event["injuries"]) == (1, 3)


def test_died_is_a_death(events_of):
    body = "توفي طفلان شقيقان وأصيب ثالث بجروح، عصر أمس، جراء انفجار جسم من مخلفات الحرب في بلدة اللطامنة."
    assert only(events_of(body))["fatalities"] == 2


def test_two_units_of_one_force_fought_each_other(events_of):
    body = "اندلعت ظهر اليوم اشتباكات مسلحة بين وحدتين تابعتين لقوات الحزام الأمني في مديرية الشيخ عثمان بعدن."
    event = only(events_of(body))
    assert (event["actor1"], event["actor2"]) == ("Southern Transitional Council", "Southern Transitional Council")


def test_his_clansmen_who_opened_fire_are_tribesmen(events_of):
    body = (
        "وأضاف المصدر أن عشرات المسلحين من أبناء عشيرته تجمّعوا قرب الحاجز في مدينة تلبيسة بعد المغرب، "
        "قبل أن يفتحوا النار على العناصر بالأسلحة الرشاشة، ما أدى إلى اندلاع اشتباك."
    )
    assert only(events_of(body))["actor1"] == "Tribal militia"


def test_the_pkk_in_syria_is_the_sdf_and_in_iraq_the_pkk(events_of):
    syria = "أعلن الجيش الوطني السوري أنه صدّ هجوماً نفذه عناصر تنظيم بي كا كا على مواقعه في محيط سد تشرين أمس."
    iraq = "قصفت مقاتلات تركية مواقع لتنظيم بي كا كا في منطقة سيدكان بمحافظة أربيل أمس."
    assert "Syrian Democratic Forces" in {only(events_of(syria))[k] for k in ("actor1", "actor2")}
    assert only(events_of(iraq))["actor2"] == "Kurdistan Workers' Party"


def test_a_hospitals_count_announced_today_is_the_fight_told(events_of):
    body = (
        "شهدت منطقة الحرشة غرب مدينة الزاوية، ليلة الأحد، اشتباكات عنيفة بين مجموعتين مسلحتين. "
        "وأعلن مستشفى الزاوية التعليمي، صباح اليوم الإثنين، أنه استقبل جثامين ثلاثة أشخاص جراء الاشتباكات."
    )
    event = only(events_of(body, published="2025-07-07T14:00:00+02:00"))
    assert (event["location"], event["fatalities"]) == ("Al Hurshah", 3)


def test_a_local_name_after_a_hedge_is_the_suspect_of_the_attack_told(events_of):
    body = (
        "رصد المرصد السوري لحقوق الإنسان مقتل عنصرين من الأمن العام إثر تعرض دوريتهم لكمين مسلح على الطريق "
        "الواصل بين مدينة جبلة وبلدة القرداحة بريف اللاذقية، مساء أمس. ووفقاً لمصادر المرصد، فإن مسلحين "
        "يُعتقد أنهم من فلول النظام البائد أطلقوا النار على الدورية من بين الأحراج المطلة على الطريق."
    )
    event = only(events_of(body))
    assert (event["actor1"], event["attribution"]) == ("Assad loyalists", "suspected")


def test_al_qaeda_fighters_in_yemen_are_aqap(events_of):
    body = "قُتل جنديان من القوات الجنوبية، أمس، في اشتباكات مع عناصر القاعدة في مديرية مودية بمحافظة أبين."
    event = only(events_of(body))
    assert "Al-Qaeda in the Arabian Peninsula" in (event["actor1"], event["actor2"])


def test_the_force_after_a_four_letter_perfect_made_the_arrest(events_of):
    event = only(events_of("وصباح اليوم، أوقف الجيش اللبناني شاباً على المدخل الشمالي لمخيم عين الحلوة."))
    assert (event["actor1"], event["actor2"]) == ("Military Forces of Lebanon", "Civilians")


def test_a_toll_risen_sentences_later_raises_the_events_own(events_of):
    body = (
        "قُتل عنصر من الأمن الداخلي وأصيب اثنان آخران، مساء أمس، بهجوم مسلح على حاجز قرب بلدة القدموس.\n\n"
        "وقال مصدر أمني إن المهاجمين فرّوا باتجاه الأحراج.\n\n"
        "وفي وقت لاحق، توفي أحد الجريحين في المستشفى، ليرتفع عدد القتلى إلى اثنين."
    )
    assert only(events_of(body))["fatalities"] == 2


def test_a_toll_said_to_have_risen_after_its_noun_is_the_events(events_of):
    body = (
        "سقطت قذائف أطلقتها قوات الدعم السريع أمس على سوق مدينة الدلنج، ما أدى إلى مقتل خمسة مدنيين.\n\n"
        "وأفاد مصدر طبي اليوم بأن حصيلة القصف ارتفعت إلى سبعة قتلى."
    )
    assert only(events_of(body))["fatalities"] == 7


@pytest.mark.parametrize(
    "later",
    [
        "وبذلك يرتفع عدد القتلى منذ مطلع العام إلى 140 قتيلاً.",  # a period counted
        "ليرتفع عدد قتلى المواجهات في المحافظة إلى 60.",  # a jump only a running total makes
    ],
)
def test_a_risen_running_total_is_no_ones_toll(events_of, later):
    body = "قُتل شخصان أمس باشتباك مسلح بين عشيرتين في قضاء الشطرة.\n\n" + later
    assert only(events_of(body))["fatalities"] == 2


def test_a_later_toll_is_not_the_arrests(events_of):
    body = (
        "قُتل شخص بنزاع عشائري مسلح مساء أمس في قضاء الشطرة.\n\n"
        "واعتقلت قوة من شرطة ذي قار فجر اليوم أربعة مطلوبين في قضاء الشطرة.\n\n"
        "وأعلنت دائرة الصحة ارتفاع حصيلة الضحايا إلى قتيلين."
    )
    fatalities = {e["sub_event_type"]: e["fatalities"] for e in events_of(body)}
    assert fatalities == {"Armed clash": 2, "Arrests": None}


def test_centcom_claiming_a_drone_strike_is_its_perpetrator(events_of):
    body = (
        "قُتل قيادي في تنظيم حراس الدين بضربة من طائرة مسيّرة استهدفت سيارته قرب مدينة الدانا شمالي إدلب اليوم. "
        "وأعلنت القيادة المركزية الأمريكية (سنتكوم) في بيان أن قواتها نفذت الضربة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == (
        "Military Forces of the United States",
        "Hurras al-Din",
        "reported",
    )


def test_a_victims_force_named_after_a_raid_by_that_force_is_not_another_countrys(events_of):
    body = (
        "اعتقلت قوة من قيادة شرطة ذي قار فجر اليوم ستة مطلوبين في قضاء الشطرة.\n\n"
        "وأصدرت محكمة جنايات ذي قار أمس حكماً بالإعدام بحق مدان بقتل منتسب في الشرطة."
    )
    e = only(events_of(body))
    assert e["actor1"] == "Police Forces of Iraq" and e["actor2"] != "Police Forces of Syria"


def test_a_group_claiming_the_attack_after_a_roadside_bomb_is_the_bombs_perpetrator(events_of):
    body = (
        "قُتل جندي وأصيب اثنان آخران من أفراد قوات الحزام الأمني، مساء أمس، جراء انفجار عبوة ناسفة "
        "استهدفت دوريتهم في مديرية مودية بمحافظة أبين.\n\n"
        "وفي وقت لاحق، تبنى تنظيم القاعدة في جزيرة العرب الهجوم، زاعماً أنه «أوقع خمسة قتلى في صفوف الانتقالي»."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"], e["fatalities"]) == (
        "Remote explosive/landmine/IED",
        "Al-Qaeda in the Arabian Peninsula",
        "Southern Transitional Council",
        1,
    )


def test_the_positions_shelling_came_from_name_who_fired(events_of):
    body = "قُتل عدد من الجنود أمس بقصف مدفعي مصدره مواقع القوات الحكومية طال منازل في بلدة أبو قلقل بريف حلب."
    assert only(events_of(body))["actor1"] == "Military Forces of Syria"


def test_a_force_mourning_its_dead_is_the_side_attacked_and_its_unit_number_counts_nobody(events_of):
    body = (
        "نعى الحشد الشعبي، اليوم الخميس، ثلاثة من منتسبي اللواء 41 ارتقوا إثر هجوم استهدف "
        "مقرا لهم قرب قضاء الطارمية، فجر أمس."
    )
    e = only(events_of(body))
    assert (e["actor2"], e["fatalities"], e["event_date"]) == ("Popular Mobilization Forces", 3, date(2024, 3, 6))


def test_a_headline_names_its_subject_before_a_present_tense_verb(events_of):
    e = only(events_of("| دوريات «قسد» تداهم منازل في بلدة الصور بريف دير الزور فجر اليوم وتعتقل خمسة شبان."))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Syrian Democratic Forces")


def test_the_side_accused_after_the_blast_planted_it(events_of):
    body = "| «قسد» تعلن حصيلة انفجار عبوة في بلدة الشحيل: عنصران قتيلان، وتتهم خلايا داعش بزرع العبوة."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Syrian Democratic Forces")


def test_the_force_an_attack_belongs_to_fired_it(events_of):
    body = (
        "قالت مصادر طبية إن قصفاً صاروخياً لقوات الدعم السريع استهدف سوقاً في مدينة الأبيض أمس، "
        "ما أسفر عن مقتل أربعة مدنيين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Civilians")


def test_the_force_a_gathering_belongs_to_was_hit(events_of):
    body = "نفّذ الطيران الحربي أمس غارة استهدفت تجمعاً لقوات الدعم السريع قرب مدينة الأبيض."
    e = only(events_of(body))
    assert e["actor2"] == "Rapid Support Forces"


def test_the_group_accused_of_planting_the_charge_in_the_next_sentence_planted_it(events_of):
    body = (
        "قُتل جندي أمس بانفجار عبوة ناسفة استهدفت دورية على الطريق الساحلي قرب مدينة شقرة بمحافظة أبين.\n\n"
        "واتهمت قيادة القوات الجنوبية «عناصر تنظيم القاعدة الإرهابي» بزرع العبوة."
    )
    assert only(events_of(body))["actor1"] == "Al-Qaeda in the Arabian Peninsula"


def test_the_same_group_the_next_day_is_the_group_told_the_day_before(events_of):
    body = (
        "قالت لجان المقاومة إن قوات الدعم السريع اقتحمت قرية ود النورة يوم الاثنين وقتلت ثلاثة مزارعين.\n\n"
        "وفي اليوم التالي، عادت المجموعة ذاتها إلى القرية واختطفت خمسة من شبابها."
    )
    first, second = events_of(body, published="2024-03-07T09:00:00+03:00")  # a Thursday
    assert (second["sub_event_type"], second["actor1"]) == ("Abduction/forced disappearance", "Rapid Support Forces")
    assert (first["event_date"], second["event_date"]) == (date(2024, 3, 4), date(2024, 3, 5))


def test_one_of_the_wounded_dying_later_adds_one_to_the_toll(events_of):
    body = (
        "قُتل شخص وأصيب ثلاثة آخرون أمس في نزاع عشائري مسلح في ناحية الميمونة بمحافظة ميسان.\n\n"
        "وفي وقت لاحق، أعلنت دائرة الصحة أن أحد الجرحى فارق الحياة في المستشفى متأثراً بجروحه."
    )
    assert only(events_of(body))["fatalities"] == 2


def test_a_numbered_brigade_that_repels_an_attack_is_the_army(events_of):
    body = "صدّت وحدات من اللواء 35 مدرع فجر اليوم هجوماً شنّته ميليشيا الحوثي على مواقعها في مديرية المعافر بتعز."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Ansar Allah (Houthis)",
        "Military Forces of Yemen",
    )


def test_the_two_met_their_death_once(events_of):
    assert only(events_of("لقي شخصان حتفهما أمس بقصف طائرة مسيّرة على سيارتهما قرب ناحية كاني ماسي."))["fatalities"] == 2


def test_a_fight_between_young_men_of_two_families_is_between_tribesmen(events_of):
    body = (
        "وفي بلدة يونين، تطور خلاف على أولوية المرور بين شبان من عائلتين، عصر أمس، إلى إشكال مسلح استُخدمت فيه الأسلحة "
        "الرشاشة والقذائف الصاروخية، ما أدى إلى مقتل شاب."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == ("Tribal militia", "Tribal militia", "reported")


def test_a_planted_bomb_no_one_is_named_for_is_an_unidentified_groups(events_of):
    body = "انفجرت عبوة ناسفة مساء أمس بسيارة موظف في حي الجمعية بمدينة بعقوبة، ما أدى إلى إصابته بجروح."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Unidentified armed group", "unknown")


def test_a_leftover_of_the_war_is_no_ones(events_of):
    body = "أُصيب طفلان أمس بانفجار عبوة ناسفة من مخلفات الحرب أثناء لعبهما في أرض زراعية قرب بلدة الغارية."
    e = only(events_of(body))
    assert e["actor1"] is None


def test_a_strike_on_civilians_property_targets_civilians(events_of):
    body = "ألقت مسيّرة إسرائيلية ظهر اليوم قنبلة على جرافة تعمل في رفع الركام في بلدة عيترون، من دون إصابات."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Israel", "Civilians")


def test_the_hospital_the_wounded_were_taken_to_was_not_hit(events_of):
    body = "قُصفت أطراف بلدة عيترون بقذائف مدفعية إسرائيلية أمس، ونُقل جريح إلى المستشفى."
    e = only(events_of(body))
    assert e["actor2"] is None


def test_one_of_those_accused_of_terrorism_in_iraq_is_the_islamic_state(events_of):
    body = "ألقت مفارز الشرطة أمس القبض على أحد المتهمين بالإرهاب في قضاء طوز خورماتو."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Police Forces of Iraq", "Islamic State")


def test_a_toll_of_wounded_only_reports_no_dead(events_of):
    body = "أُصيب ثلاثة جنود من الجيش السوري أمس بقصف مدفعي على أطراف بلدة كفرنبودة."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (0, 3)


@pytest.mark.parametrize(
    ("body", "injuries"),
    [
        ("أطلق مسلحون مجهولون النار أمس على مختار قرية في ناحية القيارة، ما أدى إلى إصابته بجروح.", 1),
        ("وكان راعيان قد أصيبا بجروح عصر أمس جراء قصف مدفعي تركي طال مراعي على أطراف مدينة العمادية.", 2),
    ],
)
def test_a_wound_told_by_a_pronoun_or_a_dual_verb_counts_its_victims(events_of, body, injuries):
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (0, injuries)


def test_a_man_killed_after_his_wound_is_not_counted_twice(events_of):
    body = "قُتل شاب أمس بعد إصابته بثلاث طلقات أطلقها مسلحون مجهولون في حي الشيخ مقصود بمدينة حلب."
    e = only(events_of(body))
    assert (e["fatalities"], e["injuries"]) == (1, None)


def test_gunmen_named_between_the_verb_and_the_fire_still_fire(events_of):
    body = "أطلق مسلحون مجهولون النار، مساء أمس، على مختار قرية في ناحية القيارة جنوبي الموصل، ما أدى إلى إصابته بجروح."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["fatalities"], e["injuries"]) == (
        "Attack",
        "Unidentified armed group",
        0,
        1,
    )


def test_a_war_leftover_keeps_no_actor_when_the_headline_names_gunmen(events_of):
    title = "مقتل رجل برصاص مجهولين وانفجار من مخلفات الحرب يودي بحياة طفلين في ريف حماة"
    body = (
        "قُتل رجل مساء أمس برصاص مسلحين مجهولين على أطراف مدينة مورك.\n\n"
        "وقضى طفلان شقيقان ظهر أمس إثر انفجار جسم من مخلفات الحرب قرب منزلهما في بلدة كفر زيتا."
    )
    bombs = [e for e in events_of(body, title=title) if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert [(b["location"], b["actor1"]) for b in bombs] == [("Kafr Zayta", None)]


def test_an_officer_of_the_fallen_army_arrested_and_taken_away_is_an_arrest(events_of):
    body = (
        "اعتقلت دورية تابعة لإدارة الأمن العام فجر اليوم ضابطاً برتبة مقدم في قوات النظام البائد من منزله "
        "في مدينة محردة، واقتادته إلى أحد مراكز الاحتجاز في مدينة حماة."
    )
    e = only(events_of(body, published="2025-04-09T09:00:00+03:00"))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Arrests", "Police Forces of Syria", "Assad loyalists")


def test_a_victim_named_by_a_trade_is_a_civilian(events_of):
    body = "انفجرت عبوة لاصقة فجر اليوم أسفل سيارة مهندس يعمل في إحدى شركات النفط أمام منزله في قضاء القرنة."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Civilians")


def test_those_said_to_stand_behind_the_attack_did_it(events_of):
    body = (
        "أصيب ثلاثة جنود من قوات الحزام الأمني فجر اليوم جراء استهداف طائرة مسيّرة مفخخة موقعاً عسكرياً "
        "في مديرية المحفد.\n\n"
        'وقال المتحدث باسم القوات الجنوبية إن "عناصر تنظيم القاعدة الإرهابي يقفون وراء الهجوم".'
    )
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Al-Qaeda in the Arabian Peninsula", "reported")


def test_the_district_named_again_by_its_word_is_the_place_told(events_of):
    body = (
        "أصيب ثلاثة جنود فجر اليوم جراء هجوم بطائرة مسيّرة على موقع عسكري في مديرية المحفد شرقي محافظة أبين.\n\n"
        "وأضاف أن القوات الجنوبية نفذت ظهر اليوم حملة تمشيط في الوديان المحيطة بمركز المديرية، "
        "اشتبكت خلالها مع مسلحين، ما أسفر عن مقتل اثنين منهم."
    )
    clashes = [e for e in events_of(body) if e["sub_event_type"] == "Armed clash"]
    assert [e["location"] for e in clashes] == ["Al-Mahfid district"]


def test_an_unclaimed_drone_over_an_army_held_state_of_sudan_is_suspected_to_be_the_rsfs(events_of):
    body = "استهدفت طائرات مسيّرة، فجر اليوم، محطة الكهرباء التحويلية في مدينة دنقلا، دون وقوع إصابات."
    e = only(events_of(body))
    assert (e["actor1"], e["attribution"]) == ("Rapid Support Forces", "suspected")


def test_an_unclaimed_drone_over_darfur_keeps_no_owner(events_of):
    body = "استهدفت طائرات مسيّرة مجهولة، فجر اليوم، سوق مدينة كبكابية في ولاية شمال دارفور."
    assert only(events_of(body))["actor1"] is None


def test_the_side_a_fight_did_not_name_is_unidentified(events_of):
    e = only(events_of("اشتبكت قوة من الجيش اللبناني فجر اليوم مع مطلوبين في حي الشراونة بمدينة بعلبك."))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Lebanon", "Unidentified armed group")


def test_the_gunmen_named_again_are_not_whom_they_abducted(events_of):
    body = (
        "أفادت مصادر محلية بأن مسلحين من فصيل «الحمزات» التابع لمرتزقة الاحتلال التركي اختطفوا، يوم الثلاثاء، "
        "المواطن الكردي رشيد حسن من منزله في قرية ميدانكي بريف عفرين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Syrian National Army", "Civilians")


def test_a_bomb_at_a_home_or_a_shop_targets_civilians(events_of):
    body = "انفجرت عبوة صوتية فجر اليوم أمام متجر لبيع المشروبات في منطقة الكرادة وسط بغداد، دون وقوع إصابات."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Civilians")


def test_a_bomb_in_the_old_city_is_no_leftover(events_of):
    body = "انفجرت عبوة ناسفة فجر اليوم أمام محل في حي باب توما بدمشق القديمة، ما أدى إلى أضرار مادية."
    assert only(events_of(body))["actor1"] == "Unidentified armed group"


def test_a_terrorist_caught_in_iraq_is_of_the_islamic_state(events_of):
    body = "نفذت قوة من جهاز مكافحة الإرهاب أمس عملية إنزال في ناحية الرياض بكركوك أسفرت عن إلقاء القبض على إرهابي."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Arrests", "Islamic State")


def test_the_two_sides_that_reached_a_truce_are_those_that_fought(events_of):
    body = (
        "اندلعت فجر اليوم اشتباكات بين اللواء 444 قتال وجهاز الردع في منطقة سوق الجمعة بطرابلس.\n\n"
        "وأعلن المجلس الاجتماعي لسوق الجمعة مساء اليوم توصّل الطرفين إلى اتفاق لوقف إطلاق النار."
    )
    truce = [e for e in events_of(body) if e["sub_event_type"] == "Agreement"]
    assert [{e["actor1"], e["actor2"]} for e in truce] == [{"444th Combat Brigade", "Special Deterrence Force"}]


def test_the_force_that_took_over_is_the_one_named_after_the_verb(events_of):
    body = (
        "تسلّمت قطعات الفرقة الخامسة في الجيش العراقي اليوم الملف الأمني للمدخل الشمالي لقضاء طوزخورماتو "
        "من قوات الحشد الشعبي."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Non-violent transfer of territory",
        "Military Forces of Iraq",
        "Popular Mobilization Forces",
    )


def test_young_men_of_two_families_shooting_are_both_tribesmen(events_of):
    body = (
        "تطور إشكال فردي بين شبان من عائلتين في مخيم نهر البارد للاجئين الفلسطينيين، ليل أمس، "
        "إلى تبادل لإطلاق النار بالأسلحة الحربية."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Armed clash", "Tribal militia", "Tribal militia")


def test_the_force_said_to_have_launched_the_shelling_is_actor1(events_of):
    body = (
        "أصيب أربعة مدنيين بينهم امرأة، مساء أمس، جراء قصف مدفعي على حي الرديف في مدينة الأبيض قال شهود "
        "إن قوات الدعم السريع شنّته من مواقعها شرق المدينة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Civilians")


def test_the_accused_owner_of_the_drones_is_not_also_their_target(events_of):
    body = (
        "استهدفت طائرات مسيّرة، فجر اليوم، محطة المياه في مدينة عطبرة بولاية نهر النيل، ما أدى إلى انقطاع "
        "المياه عن أحياء عدة، واتهمت السلطات المحلية قوات الدعم السريع بالوقوف وراء الهجوم."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Air/drone strike", "Rapid Support Forces", None)


def test_patrols_that_carried_out_a_raid_are_its_subject(events_of):
    body = (
        "نفّذت دوريات تابعة للأمن العام، فجر اليوم، حملة دهم في حي الجورة بمدينة دير الزور، اعتقلت خلالها "
        "ثلاثة أشخاص قالت إنهم ينتمون إلى «خلية تابعة لداعش»."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Arrests", "Police Forces of Syria", "Islamic State")


def test_a_force_fighting_alongside_takes_no_side(events_of):
    body = (
        "أعلنت الفرقة 22 مشاة، اليوم، أن قواتها بالاشتراك مع القوة المشتركة صدّت فجر اليوم هجوماً شنّته "
        "ميليشيا الدعم السريع على المحور الجنوبي لمدينة بابنوسة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")


def test_wanted_men_of_both_sides_of_a_feud_are_tribesmen(events_of):
    body = (
        "قُتل شخص وأصيب اثنان مساء أمس بنزاع عشائري مسلح بين عشيرتين في قضاء سوق الشيوخ بمحافظة ذي قار.\n\n"
        "ونفذت قوة من شرطة ذي قار فجر اليوم حملة مداهمات أسفرت عن اعتقال أربعة مطلوبين من طرفي النزاع."
    )
    arrests = [e for e in events_of(body) if e["sub_event_type"] == "Arrests"]
    assert [(e["actor1"], e["actor2"]) for e in arrests] == [("Police Forces of Iraq", "Tribal militia")]


def test_men_of_a_security_checkpoint_who_shot_are_the_police(events_of):
    body = "قُتل سائق شاحنة، مساء أمس، برصاص أفراد نقطة أمنية عند مدخل مديرية المنصورة في عدن إثر مشادة كلامية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Police Forces of Yemen", "Civilians")


def test_a_force_named_in_a_later_clause_is_no_side(events_of):
    body = (
        "خطفت قوة إسرائيلية توغلت في أطراف بلدة كفرشوبا مزارعاً أثناء عمله في أرضه، فيما تتابع قيادة "
        "الجيش اللبناني قضيته مع قوات اليونيفيل."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Arrests", "Military Forces of Israel", "Civilians")


def test_a_second_clause_that_names_its_own_side_keeps_it(events_of):
    body = (
        "قصفت المدفعية التركية، صباح اليوم، أطراف قرى ناحية برادوست، بينما استهدفت المدفعية الإيرانية بعدة "
        "قذائف محيط ناحية سيدكان الحدودية، دون تسجيل خسائر بشرية.\n\n"
        "وأضاف القائممقام أن القصف التركي أدى إلى احتراق مساحات من البساتين، مشيراً إلى أن «أكثر من 20 "
        "قرية في الناحية خلت من سكانها»."
    )
    sides = sorted((e["location"], e["actor1"]) for e in events_of(body))
    assert sides == [("Bradost", "Military Forces of Turkey"), ("Sidakan", "Military Forces of Iran")]


def test_the_iraqi_states_kharijites_are_the_islamic_state(events_of):
    body = (
        "أعلنت خلية الإعلام الأمني استشهاد جندي إثر هجوم شنّته مجموعة من الخوارج على نقطة للجيش في قرية "
        "نائية بناحية العظيم شمالي ديالى، الليلة الماضية."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Military Forces of Iraq")


def test_protests_a_report_was_about_are_not_the_event(events_of):
    body = (
        "اعتقلت قوة من الأسايش في مدينة رانية، أمس، مراسلاً لقناة محلية بعد ساعات من بثّه تقريراً عن "
        "احتجاجات المعلمين على تأخر الرواتب."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Kurdistan Region Security (Asayish)")


def test_the_group_that_says_the_dead_were_its_own_is_the_target(events_of):
    body = (
        "قُتل شخصان، مساء أمس، بقصف طائرة مسيّرة تركية استهدف سيارة قرب ناحية سنوني شمال جبل سنجار.\n\n"
        "وأكدت وحدات مقاومة سنجار في بيان، اليوم، أن القتيلين «مقاتلان من صفوفها»."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Military Forces of Turkey", "Sinjar Resistance Units", 2)


def test_the_checkpoint_that_arrested_is_its_forces(events_of):
    body = "أوقف حاجز الجيش اللبناني عند مدخل مخيم عين الحلوة، ليل أمس، مطلوباً أثناء محاولته الخروج من المخيم."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Military Forces of Lebanon")


def test_gunmen_of_a_family_are_tribesmen(events_of):
    body = (
        "تطوّر إشكال فردي، مساء أمس، إلى اشتباك بالأسلحة الرشاشة بين عناصر من حركة فتح ومسلحين من إحدى "
        "عائلات مخيم الرشيدية في صور."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Fatah Movement", "Tribal militia")


def test_the_battalion_whose_company_clashed_is_a_side(events_of):
    body = (
        "أعلنت الكتيبة طارق بن زياد، فجر اليوم، أن إحدى سراياها اشتبكت مع مسلحين مجهولين في منطقة صحراوية "
        "جنوب مدينة الكفرة، ما أسفر عن مقتل أحدهم."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Libyan National Army",
        "Unidentified armed group",
    )


def test_a_protest_the_raids_stirred_is_not_the_headlines_event(events_of):
    title = "مقتل عنصرين من «قسد» بهجوم على حاجز في الشحيل وحملة اعتقالات في الجرذي تثير احتجاج الأهالي"
    body = (
        "تعرّض حاجز لقوات سوريا الديمقراطية عند مدخل بلدة الشحيل بريف دير الزور الشرقي، مساء أمس، لهجوم "
        "بالأسلحة الرشاشة نفذه مسلحون كانوا يستقلون دراجات نارية، ودارت اشتباكات بين الطرفين قبل أن ينسحب "
        "المهاجمون.\n\n"
        "وبحسب ناشطين، أسفر الهجوم عن مقتل عنصرين من الحاجز، ورجّحت المصادر أن يكون المهاجمون من خلايا تنظيم داعش.\n\n"
        "وشنّت قوات سوريا الديمقراطية، فجر اليوم، حملة دهم واعتقال في قرية الجرذي طالت خمسة أشخاص."
    )
    events = {e["sub_event_type"]: e for e in events_of(body, title=title)}
    assert sorted(events) == ["Armed clash", "Arrests"]
    clash = events["Armed clash"]
    assert (clash["actor1"], clash["actor2"], clash["fatalities"]) == ("Islamic State", "Syrian Democratic Forces", 2)


def test_the_attack_the_dead_were_killed_by_outranks_the_arrests(events_of):
    e = only(events_of("قُتل عنصران من قسد أمس بهجوم على حاجز في بلدة الشحيل، واعتقالات في قرية الجرذي."))
    assert (e["sub_event_type"], e["actor2"], e["fatalities"]) == ("Armed clash", "Syrian Democratic Forces", 2)


def test_a_gathering_dispersed_with_fire_is_a_protest_with_intervention(events_of):
    body = (
        "تجمّع العشرات من أهالي قرية الجرذي، ظهر اليوم، أمام مقر عسكري لقسد مطالبين بالإفراج عن أبنائهم، "
        "فأطلق عناصر المقر الرصاص في الهواء لتفريقهم."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Protest with intervention",
        "Protesters",
        "Syrian Democratic Forces",
    )


def test_a_name_in_guillemets_says_which_force_the_words_mean(events_of):
    body = (
        "شنّت قوى الأمن الداخلي «الأسايش»، فجر اليوم، حملة دهم واعتقال في بلدة الشحيل بريف دير الزور طالت أربعة أشخاص."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Syrian Democratic Forces")


def test_a_second_name_in_guillemets_is_a_second_side(events_of):
    e = only(events_of("اندلعت أمس اشتباكات بين الجيش و«قسد» في بلدة الشحيل بريف دير الزور."))
    assert {e["actor1"], e["actor2"]} == {"Military Forces of Syria", "Syrian Democratic Forces"}


def test_men_arrested_for_an_attack_are_of_the_group_that_made_it(events_of):
    body = (
        "تعرّضت دورية تابعة لقيادة الأمن الداخلي لكمين نفذته مجموعة من فلول النظام البائد على الطريق بين "
        "مدينة جبلة وقرية بيت ياشوط، مساء أمس، ما أدى إلى مقتل عنصرين.\n\n"
        "ونفذت وحدات الأمن الداخلي، فجر اليوم، حملة تمشيط في محيط قرية بيت ياشوط أسفرت عن إلقاء القبض على "
        "ثلاثة أشخاص يُشتبه بضلوعهم في الهجوم."
    )
    arrests = [e for e in events_of(body) if e["sub_event_type"] == "Arrests"]
    assert [(e["actor1"], e["actor2"]) for e in arrests] == [("Police Forces of Syria", "Assad loyalists")]


def test_a_drone_of_the_turkish_occupation_is_turkish(events_of):
    e = only(events_of("قُتل مواطنان بقصف مسيّرة للاحتلال التركي استهدف سيارتهما قرب قرية الدردارة في ريف تل تمر أمس."))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Turkey", "Civilians")


def test_the_mercenaries_are_the_side_just_named(events_of):
    body = (
        "تصدّى مقاتلو مجلس تل تمر العسكري، ليلة أمس، لمحاولة تسلل نفذتها فصائل الجيش الوطني السوري على "
        "محور قرية أم الكيف.\n\n"
        "وبالتزامن مع ذلك، قصف المرتزقة بالمدفعية الثقيلة قرية الدردارة بأكثر من عشرين قذيفة."
    )
    shelling = [e for e in events_of(body) if e["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert [(e["location"], e["actor1"]) for e in shelling] == [("Al-Dardara", "Syrian National Army")]


def test_a_peaceful_gathering_dispersed_with_live_fire(events_of):
    body = (
        "فرّقت قوات الحزام الأمني، ليل أمس، تجمّعاً سلمياً لعشرات الشبان في مديرية المنصورة بعدن بإطلاق "
        "الرصاص الحي، ما أدى إلى إصابة شاب."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Excessive force against protesters",
        "Southern Transitional Council",
        "Protesters",
    )


def test_the_force_that_stepped_in_made_the_arrests(events_of):
    body = (
        "وأوضح المصدر أن النزاع نشب بين أفراد من عشيرتين في ناحية الكحلاء على خلفية خلاف على قطعة أرض، "
        "قبل أن تتدخل قوة من قيادة شرطة ميسان وتفرض حظراً للتجوال، واعتقلت صباح اليوم اثنين من المتورطين."
    )
    arrests = [e for e in events_of(body) if e["sub_event_type"] in ("Arrests", "Abduction/forced disappearance")]
    assert [(e["sub_event_type"], e["actor1"]) for e in arrests] == [("Arrests", "Police Forces of Iraq")]


def test_a_leftover_of_a_forces_old_shelling_is_no_ones(events_of):
    body = (
        "استُشهد طفلان، ظهر اليوم، جراء انفجار قنبلة عنقودية من مخلفات قصف النظام البائد في أرض زراعية "
        "ببلدة حاس في ريف إدلب."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == (None, "Civilians", "unknown")


def test_a_mine_left_by_an_armed_group_is_that_groups(events_of):
    body = "قُتل راعٍ، أمس، بانفجار لغم أرضي من مخلّفات عصابات داعش الإرهابية في صحراء قضاء الحضر."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Islamic State", "Civilians")


def test_people_named_by_their_trade_are_counted_before_of(events_of):
    body = "أفاد مصدر أمني بأن ثلاثة من جامعي الكمأ قُتلوا وأُصيب اثنان بانفجار عبوة ناسفة قديمة قرب الرطبة أمس."
    e = only(events_of(body))
    assert (e["actor2"], e["fatalities"], e["injuries"]) == ("Civilians", 3, 2)


def test_civilians_killed_stay_the_target_when_a_side_claims_the_strike(events_of):
    body = (
        "قُتل عشرة مدنيين على الأقل، أمس، جراء قصف بطائرة مسيّرة استهدف السوق الأسبوعي في مدينة مليط.\n\n"
        "واتهمت قوات الدعم السريع «طيران الجيش» بتنفيذ الغارة، فيما قال مصدر عسكري في الجيش إن المسيّرة "
        "استهدفت «تجمعات للميليشيا» في محيط السوق."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Military Forces of Sudan", "Civilians", 10)


def test_the_force_of_the_commander_who_survived_was_the_target(events_of):
    body = (
        "نجا قائد إحدى كتائب الحزام الأمني، صباح اليوم، من محاولة اغتيال بعبوة ناسفة زُرعت على جانب الطريق "
        "واستهدفت موكبه في مديرية المنصورة بعدن، ما أسفر عن إصابة اثنين من مرافقيه."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Southern Transitional Council")


def test_a_second_strike_in_a_second_clause_has_its_own_target(events_of):
    body = (
        "قُتل مدنيان بغارة إسرائيلية استهدفت سيارة في بلدة ياطر، فيما استهدفت غارة ثانية أطراف بلدة كفرا "
        "في قضاء بنت جبيل."
    )
    targets = sorted((e["location"], e["actor2"] or "") for e in events_of(body))
    assert targets == [("Kafra", ""), ("Yater", "Civilians")]


def test_a_fight_that_spread_to_a_second_town_keeps_its_sides(events_of):
    body = (
        "اندلعت اشتباكات عنيفة بين جهاز الردع واللواء 444 في منطقة سوق الجمعة، فيما امتدت الاشتباكات "
        "إلى منطقة عين زارة جنوب طرابلس."
    )
    sides = {frozenset((e["actor1"], e["actor2"])) for e in events_of(body)}
    assert sides == {frozenset(("Special Deterrence Force", "444th Combat Brigade"))}


def test_a_force_named_by_its_adjective_after_with_is_the_other_side(events_of):
    body = (
        "أعلن مركز الدفاع الشعبي التابع لحزب العمال الكردستاني أن مقاتليه اشتبكوا، أمس، مع قوة تركية "
        "كانت تحاول التقدم نحو أحد التلال في منطقة الزاب."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Kurdistan Workers' Party", "Military Forces of Turkey")


def test_a_patrol_of_the_army_intelligence_that_arrested_is_the_army(events_of):
    body = (
        "أوقفت دورية من مديرية المخابرات في الجيش اللبناني، أمس، شخصين في منطقة جبل محسن بمدينة طرابلس "
        "للاشتباه بانتمائهما إلى خلية مرتبطة بتنظيم داعش."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Arrests", "Military Forces of Lebanon", "Islamic State")


def test_a_strike_on_a_former_military_site_hits_no_army(events_of):
    body = (
        "شنّ الطيران الإسرائيلي، مساء اليوم، غارات استهدفت مواقع عسكرية سابقة في التلال المحيطة بمدينة "
        "الكسوة جنوبي دمشق."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Israel", None)


def test_one_person_named_before_the_verb_after_anna_is_one_dead(events_of):
    body = (
        "قال مصدر في الشرطة إن مزارعاً قُتل وأُصيب نجله بجروح، مساء أمس، إثر انفجار عبوة ناسفة داخل "
        "بستانهما في بساتين الحديد شمال غربي بعقوبة."
    )
    e = only(events_of(body))
    assert (e["actor2"], e["fatalities"]) == ("Civilians", 1)


def test_soldiers_right_after_the_firing_verb_fired(events_of):
    body = (
        "أطلق جنود العدو المتمركزون في الموقع المستحدث، صباح اليوم، رشقات نارية باتجاه راعٍ كان يرعى "
        "ماشيته في خراج بلدة كفرشوبا، ما أدى إلى إصابته بجروح في قدمه."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Military Forces of Israel", "Civilians")


def test_a_force_named_with_its_province_then_suffered_was_hit(events_of):
    body = (
        "قالت مصادر أمنية إن قوة من قيادة عمليات ديالى تعرضت، صباح اليوم، لانفجار عبوة ناسفة قرب "
        "قضاء المقدادية، ما أدى إلى إصابة جنديين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Military Forces of Iraq")
    assert e["attribution"] == "unknown"


def test_a_months_count_after_an_arrest_is_no_toll_of_it(events_of):
    body = (
        "أعلنت القوات الأمنية اعتقال متهمين اثنين بالإرهاب، أمس، في قضاء الشرقاط.\n\n"
        "وأشارت إلى أن العمليات التي نفذتها القوات خلال شباط الماضي أسفرت عن قتل 12 إرهابياً واعتقال "
        "40 آخرين في عدة محافظات."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Arrests", None)


def test_protests_recalled_from_a_past_summer_are_no_event(events_of):
    body = (
        "اعتقلت قوة أمنية، فجر اليوم، ناشطاً مدنياً من منزله في حي الجمهورية وسط البصرة.\n\n"
        "ويستذكر سكان المدينة احتجاجات صيف 2019 التي أُحرقت خلالها مقار أحزاب."
    )
    e = only(events_of(body))
    assert e["sub_event_type"] == "Arrests"


def test_law_enforcement_forces_that_broke_up_a_protest_are_police(events_of):
    body = (
        "أصيب أربعة متظاهرين بحالات اختناق، ظهر اليوم، إثر تدخل قوات حفظ القانون لتفريق وقفة احتجاجية "
        "لخريجين عاطلين عن العمل أمام مبنى محافظة البصرة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor2"]) == ("Protest with intervention", "Police Forces of Iraq")


def test_an_exchange_of_fire_during_a_raid_is_a_clash(events_of):
    body = (
        "شهد حي باب التبانة في طرابلس، مساء اليوم، تبادلاً لإطلاق النار بين قوة من الجيش اللبناني "
        "ومسلحين، خلال عملية دهم لتوقيف أحد المطلوبين."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Armed clash", "Military Forces of Lebanon")


def test_a_grenade_thrown_at_a_cafe_targets_civilians(events_of):
    body = "ألقى مجهولون، ليل أمس، قنبلة يدوية على مقهى في حي جبل محسن بطرابلس، ما أدى إلى أضرار مادية."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Grenade", "Unidentified armed group", "Civilians")


def test_a_toll_told_next_by_a_medical_centre_named_for_a_town_is_the_fights(events_of):
    body = (
        "اندلعت اشتباكات، مساء اليوم، بين مجموعة «الفأر» وكتيبة «شهداء النصر» في منطقة جودائم جنوب "
        "مدينة الزاوية.\n\n"
        "وأعلن مركز الزاوية الطبي مقتل عنصر وإصابة شخصين آخرين بجروح."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Bahroun (al-Far) Militia", "Shuhada al-Nasr Brigade")
    assert e["fatalities"] == 1


def test_a_ministry_that_only_describes_the_teller_is_no_side(events_of):
    body = (
        "أفادت عائلة موظف في وزارة الصحة بحكومة الوحدة الوطنية بأن مسلحين مجهولين خطفوه، مساء أمس، من "
        "أمام منزله في منطقة عين زارة جنوبي طرابلس."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Unidentified armed group", "Civilians")


def test_on_another_front_opens_a_topic_and_targets_no_one(events_of):
    body = "وعلى صعيد آخر، أعلنت مديرية أمن طرابلس القبض على ثلاثة أشخاص في منطقة باب بن غشير."
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"]) == ("Arrests", "Police Forces of Libya")


def test_the_speakers_own_forces_come_before_their_allies_and_the_allys_retelling_joins(events_of):
    body = (
        "أعلنت قيادة الفرقة السادسة مشاة، اليوم، أن قواتها والقوة المشتركة لحركات الكفاح المسلح تصدت "
        "لهجوم شنته مليشيا الدعم السريع على الأحياء الشرقية لمدينة الفاشر.\n\n"
        "وقال المتحدث باسم القوة المشتركة إن الهجوم «تم دحره»، فيما قُتل أربعة من أفرادها خلال المعارك."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Rapid Support Forces",
        "Military Forces of Sudan",
    )
    assert e["fatalities"] == 4


def test_members_named_before_a_storming_verb_did_it(events_of):
    body = (
        "أفادت لجان مقاومة بأن عناصر من الدعم السريع يستقلون سيارات قتالية اقتحموا، فجر اليوم، بلدة "
        "لقاوة، وقتلوا مزارعاً رفض تسليم محصوله."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Rapid Support Forces", "Civilians")


def test_a_camp_shelled_then_the_shelling_told_with_its_doer_and_first_count(events_of):
    body = (
        "سقط قتلى وجرحى، صباح اليوم، جراء قصف مدفعي استهدف مخيم أبو شوك للنازحين شمال غربي مدينة الفاشر.\n\n"
        "وقالت لجان المقاومة إن قوات الدعم السريع قصفت المخيم بالمدافع الثقيلة من مواقعها شمال المدينة.\n\n"
        "وأضافت اللجان أن الحصيلة الأولية بلغت خمسة قتلى وتسعة جرحى."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["location"], e["fatalities"]) == ("Rapid Support Forces", "Abu Shouk Camp", 5)


def test_we_killed_counts_the_dead(events_of):
    body = (
        "قال قائد قوات درع السودان: تصدينا، أمس، لهجوم شنّته الميليشيا المتمردة على أطراف مدينة الدويم "
        "وقتلنا تسعة من المهاجمين."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", 9)


def test_the_side_before_the_killing_verb_killed_the_one_after(events_of):
    body = (
        "وأكدت خلية الإعلام الأمني أن «قطعات الجيش قتلت إرهابيَّين اثنين من عصابات داعش» في وادي الشاي جنوب كركوك، أمس."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["fatalities"]) == ("Military Forces of Iraq", "Islamic State", 2)


def test_a_hedged_adjective_a_few_words_after_the_strike_names_a_suspect(events_of):
    body = (
        "تعرّض موقع عسكري سابق تابع للنظام البائد قرب مدينة الصنمين لغارتين جويتين، مساء أمس، رجّحت "
        "مصادر محلية أن تكون إسرائيلية، دون ورود معلومات عن إصابات."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"], e["attribution"]) == ("Military Forces of Israel", None, "suspected")


def test_a_group_that_claims_in_the_present_tense_did_it_and_is_the_organisation_of_the_arrested(events_of):
    body = (
        "قُتل جنديان من القوات الجنوبية، مساء أمس، بهجوم بطائرة مسيّرة مفخخة استهدف موقعاً عسكرياً في "
        "مديرية المحفد بمحافظة أبين.\n\n"
        "ولم تعلن أي جهة مسؤوليتها فور وقوع الهجوم، قبل أن يتبنى تنظيم القاعدة في جزيرة العرب العملية.\n\n"
        "وفي شبوة، شنّت قوات دفاع شبوة، فجر اليوم، حملة مداهمات في مديرية الصعيد، أسفرت عن اعتقال ثلاثة "
        "أشخاص يُشتبه بانتمائهم لخلايا التنظيم."
    )
    strike, arrest = sorted(events_of(body), key=lambda e: e["sub_event_type"] != "Air/drone strike")
    assert (strike["actor1"], strike["attribution"]) == ("Al-Qaeda in the Arabian Peninsula", "reported")
    assert arrest["actor2"] == "Al-Qaeda in the Arabian Peninsula"


def test_the_group_right_after_targeting_with_the_positions_it_hit_then_a_drone_did_it(events_of):
    body = (
        "استشهد جندي من الجيش الوطني، أمس، إثر استهداف ميليشيا الحوثي مواقعهم في جبهة الضباب غربي مدينة "
        "تعز بطائرة مسيّرة مفخخة."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", "Military Forces of Yemen")


def test_fire_opened_on_him_by_gunmen_and_the_group_accused_of_the_incident(events_of):
    body = (
        "لقي شاب حتفه، مساء أمس، بعد أن أطلق عليه مسلحون يستقلون سيارة معتمة الزجاج النار قرب ميناء الزاوية.\n\n"
        "واتهم ذوو الضحية عناصر تابعة لمجموعة «الفأر» بالوقوف وراء الحادثة، وهو ما نفته المجموعة."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Bahroun (al-Far) Militia", "Civilians")
    assert e["fatalities"] == 1


def test_the_unit_an_arrested_man_once_served_in_is_no_side(events_of):
    body = (
        "تعرّضت دورية للأمن العام، مساء أمس، لهجوم شنّه مسلحون من فلول النظام البائد قرب مدينة تلكلخ في "
        "ريف حمص الغربي، ما أدى إلى مقتل عنصرين.\n\n"
        "ونفّذت وحدات الأمن العام، فجر اليوم، عملية تمشيط في مدينة تلكلخ أسفرت عن إلقاء القبض على ثلاثة من "
        "المشتبه بتورطهم في الهجوم، بينهم ضابط كان يخدم في الفرقة الرابعة إبان حكم النظام البائد."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert (arrest["actor1"], arrest["actor2"]) == ("Police Forces of Syria", "Assad loyalists")


def test_al_hisn_in_the_homs_countryside_is_the_syrian_town(events_of):
    body = "تعرّضت دورية للأمن العام، مساء أمس، لهجوم مسلح قرب بلدة الحصن في ريف حمص الغربي، ما أدى إلى مقتل عنصرين."
    e = only(events_of(body))
    assert (e["location"], e["admin1"]) == ("Al-Hisn", "Homs")


def test_the_same_forces_are_the_force_last_told_even_when_it_was_the_one_hit(events_of):
    body = (
        "هاجم مسلحون من أبناء العشائر، ليل أمس، حاجزاً لقوات سوريا الديمقراطية عند مدخل بلدة ذيبان بريف "
        "دير الزور الشرقي، ما أدى إلى مقتل عنصرين من الحاجز.\n\n"
        "وردّاً على ذلك، نفّذت القوات نفسها، صباح اليوم الأربعاء، حملة دهم في بلدة الحوايج، اعتقلت خلالها خمسة شبان."
    )
    arrest = next(e for e in events_of(body) if e["sub_event_type"] == "Arrests")
    assert (arrest["actor1"], arrest["attribution"]) == ("Syrian Democratic Forces", "reported")


def test_forces_that_open_an_investigation_afterwards_are_no_side(events_of):
    body = (
        "قُتل شاب برصاص مسلحين من عائلة أخرى في بلدة النبي عثمان، مساء أمس، على خلفية ثأر قديم بين العائلتين، "
        "وباشرت القوى الأمنية التحقيق في الحادث."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == ("Attack", "Tribal militia", "Civilians")


def test_a_range_of_dead_counts_its_lower_end(events_of):
    body = "قُتل ما بين أربعة وستة مدنيين، صباح أمس، بقصف مدفعي استهدف سوق بلدة كفرنبل."
    assert only(events_of(body))["fatalities"] == 4


def test_a_militia_firing_at_random_on_villagers_after_a_drone_strike_is_an_attack_of_its_own(events_of):
    body = (
        "استهدفت مسيّرة تابعة لمليشيا الدعم السريع، مساء الجمعة، حي المطار بمدينة المناقل، ما أدى إلى إصابة "
        "ثلاثة مواطنين.\n\n"
        "واجتاحت المليشيا، صباح أمس، قرية شرق مدينة الكاملين، وأطلقت الرصاص عشوائياً على المواطنين العزّل، "
        "ما أسفر عن مقتل خمسة من أبناء القرية."
    )
    attack = next(e for e in events_of(body) if e["sub_event_type"] == "Attack")
    assert (attack["location"], attack["fatalities"]) == ("Al-Kamlin", 5)


def test_the_syrian_civil_defence_is_no_syrian_force(events_of):
    body = (
        "قُتل مدنيان، صباح اليوم، بغارات شنّتها طائرات حربية روسية على مزرعة للدواجن قرب بلدة حزانو بريف إدلب.\n\n"
        "وأفادت فرق «الدفاع المدني السوري» بأنها انتشلت جثتي العاملين من المنشأة التي استهدفها الطيران الروسي."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Russia", "Civilians")


def test_air_defences_in_an_armys_statement_are_that_armys(events_of):
    body = (
        "أعلن الناطق الرسمي باسم القوات المسلحة السودانية، اليوم، أن المضادات الأرضية تصدّت فجر اليوم لأربع "
        "مسيّرات أطلقتها مليشيا الدعم السريع باتجاه مطار كسلا، وأسقطتها جميعاً."
    )
    e = only(events_of(body))
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Disrupted weapons use",
        "Military Forces of Sudan",
        "Rapid Support Forces",
    )


def test_the_aggressor_as_the_verbs_subject_is_the_striker_not_the_target(events_of):
    body = (
        "شن طيران العدوان الأمريكي، الليلة الماضية، ثلاث غارات على مديرية الزهرة بمحافظة الحديدة، وأكد مصدر "
        "محلي أن غارات الزهرة استهدفت مصنعاً للثلج.\n\n"
        "كما استهدف العدوان بغارتين مطار الحديدة الدولي، وهو ما قالت القيادة المركزية الأمريكية في بيان إنه "
        "ضربات على مواقع لإطلاق الطائرات المسيّرة تابعة للحوثيين."
    )
    airport = next(e for e in events_of(body) if e["location"] == "Hodeidah Airport")
    assert (airport["actor1"], airport["actor2"]) == ("Military Forces of the United States", "Ansar Allah (Houthis)")


def test_it_was_the_group_who_carried_out_the_attack(events_of):
    body = (
        "تعرّضت دورية تابعة لقوى الأمن الداخلي، مساء أمس، لكمين مسلح قرب قرية خربة تين نور بريف حمص الغربي، "
        "ما أدى إلى مقتل عنصر من الدورية.\n\n"
        "وقال قائد الأمن الداخلي في محافظة حمص إن مجموعة من فلول النظام البائد هي من نفذت الهجوم."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Assad loyalists", "Police Forces of Syria")


def test_a_pharmacist_counts_one(events_of):
    body = "قُتل صيدلاني برصاص مسلحين مجهولين أمام صيدليته في حي الوعر بمدينة حمص مساء أمس."
    assert only(events_of(body))["fatalities"] == 1


def test_a_military_source_is_no_soldier_hit(events_of):
    body = (
        "وقال مصدر عسكري في محور الضالع إن الميليشيا الحوثية استهدفت الأحياء السكنية في مدينة الضالع بقذائف "
        "الهاون، مشيراً إلى أن المصابين نُقلوا إلى المستشفى."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Ansar Allah (Houthis)", None)


def test_a_figure_between_the_verb_and_the_noun_counts_once(events_of):
    body = "ارتقى ثلاثة شهداء من عمال الميناء، فجر اليوم، بغارات شنّها العدوان الأمريكي على ميناء الحديدة."
    assert only(events_of(body))["fatalities"] == 3


def test_the_owner_of_the_drone_downed_is_its_target_not_the_owner_of_the_defences(events_of):
    downed = only(events_of("أسقطت قوات الدعم السريع، أمس، طائرة مسيّرة تابعة للجيش في أجواء منطقة شنقل طوباية."))
    body = "أسقطت الدفاعات الأرضية التابعة للقوات المسلحة، فجر اليوم، مسيّرة أطلقتها الميليشيا المتمردة فوق مدينة مروي."
    defended = only(events_of(body))
    assert (downed["actor1"], downed["actor2"]) == ("Rapid Support Forces", "Military Forces of Sudan")
    assert defended["actor2"] == "Rapid Support Forces"


def test_the_first_strike_named_by_its_ordinal_gets_the_side_the_army_names(events_of):
    body = (
        "استشهد شاب صباح اليوم جراء غارة نفّذتها مسيّرة إسرائيلية على دراجة نارية عند مدخل بلدة عيترون.\n\n"
        "وبعد الظهر، استهدفت مسيّرة ثانية سيارة على الطريق بين بلدة كفررمان ومدينة النبطية، ما أدى إلى سقوط شهيدين.\n\n"
        "وزعم المتحدث باسم الجيش الإسرائيلي أن الغارة الأولى «قضت على عنصر في قوة الرضوان التابعة لحزب الله»."
    )
    first = next(e for e in events_of(body) if e["location"] == "Aitaroun")
    assert first["actor2"] == "Hezbollah"


def test_a_toll_found_at_the_first_strike_is_the_first_strikes(events_of):
    body = (
        "وجهت طائرات F-16 العراقية الليلة الماضية ضربة جوية إلى وكر للإرهابيين في منطقة الزركة، فيما نفذ طيران "
        "الجيش ضربة ثانية على مضافة في محيط ناحية الملتقى جنوب غربي كركوك.\n\n"
        "وأضاف البيان أن قوة تقدمت إلى موقع الضربة الأولى صباح اليوم، وعثرت على أربع جثث للإرهابيين."
    )
    tolls = {e["location"]: e["fatalities"] for e in events_of(body)}
    assert tolls == {"Al-Zarga": 4, "Al-Multaqa": None}


def test_a_risen_toll_naming_the_place_of_a_strike_told_without_one_is_its_first(events_of):
    body = (
        "عاجل | مراسلنا: غارات معادية على مديرية الحالي بمحافظة الحديدة فجر اليوم.\n\n"
        "وزارة الصحة: ارتفاع حصيلة العدوان على مديرية الحالي إلى ثلاثة شهداء وسبعة جرحى."
    )
    e = only(events_of(body))
    assert (e["location"], e["fatalities"]) == ("Al-Hali", 3)


def test_a_fights_toll_in_the_body_counts_both_sides_beyond_the_headlines(events_of):
    body = (
        "تعرّضت نقاط للجيش في بلدة تل تمر بريف الحسكة، يوم أمس، لهجوم واسع بالأسلحة الثقيلة استمر عدة ساعات. "
        "وأوضح بيان للجيش أن الهجوم شنّته خلايا من تنظيم داعش، وأن الجنود تصدّوا له.\n\n"
        "وأشار البيان إلى مقتل خمسة من المهاجمين، فيما قُتل جنديان خلال التصدي للهجوم."
    )
    clash = only(events_of(body, title="مقتل جنديين في صد هجوم لتنظيم داعش على بلدة تل تمر"))
    assert clash["fatalities"] == 7


def test_a_person_noun_of_the_lexicon_joined_by_and_counts_one_more(events_of):
    body = "استهدفت طائرة مسيّرة أمس مستشفى مدينة كوستي، ما أدى إلى مقتل ممرض ومريض وإصابة ثلاثة آخرين."
    assert only(events_of(body))["fatalities"] == 2


def test_the_force_owning_the_team_that_defused_a_charge_defused_it(events_of):
    body = "تمكّن فريق من الهندسة العسكرية التابع للقيادة العامة صباح اليوم من تفكيك عبوة ناسفة في حي شيحا بدرنة."
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Libyan National Army", None)


def test_one_person_named_between_kana_and_qad_is_one_killed(events_of):
    body = "وكان شاب فلسطيني قد قُتل مساء أمس بإطلاق نار في مخيم شاتيلا."
    assert only(events_of(body))["fatalities"] == 1


def test_one_person_after_that_told_with_his_group_is_one_killed(events_of):
    body = "وأوضح مصدر عسكري أن جندياً من أبطال الجيش استشهد وأصيب اثنان آخران خلال التصدي لهجوم على جبهة الكدحة."
    assert only(events_of(body))["fatalities"] == 1


def test_the_national_guard_in_suwayda_is_the_druze_militia(events_of):
    body = "اندلعت اشتباكات مساء أمس بين قوات الحكومة السورية ومقاتلين من «الحرس الوطني» في بلدة الثعلة بريف السويداء."
    e = only(events_of(body))
    assert "Druze militia" in (e["actor1"], e["actor2"])


def test_dead_joined_after_the_events_place_with_a_town_of_their_own_are_not_its_toll(events_of):
    body = "خطف مسلحون مجهولون أمس ناشطاً في مدينة ترهونة، ومقتل مهاجرَين برصاص حراس مركز احتجاز في مدينة الزاوية."
    taken = next(e for e in events_of(body) if e["location"] == "Tarhuna")
    assert taken["fatalities"] is None


def test_a_teller_that_names_who_set_the_ambush_is_not_its_side_by_telling(events_of):
    body = (
        "تعرّضت دورية تابعة للأمن العام لكمين فجر اليوم عند أطراف قرية تيرمعلة بريف حمص، ما أدى إلى مقتل عنصر.\n\n"
        "وقالت قيادة الأمن الداخلي في محافظة حمص، في بيان لاحق، إن «مجموعة من فلول النظام البائد» نصبت الكمين."
    )
    e = only(events_of(body))
    assert (e["actor1"], e["actor2"]) == ("Assad loyalists", "Police Forces of Syria")
