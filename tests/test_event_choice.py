"""Which event a sentence reports when it names several: defusals, arrests made by ambush,
protests against violence, ground taken after a fight, killings during raids, "our forces" in
a group's own statement, and events told again. Each on a short article written for these tests."""


def only(events):
    assert len(events) == 1, [(e["sub_event_type"], e["location"], e["evidence_text"]) for e in events]
    return events[0]


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
