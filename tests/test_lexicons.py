import shutil

import pytest

from eventlake.arabic import to_matching_form
from eventlake.errors import LexiconError
from eventlake.lexicons import DATA_DIR, load_actors, load_boilerplate, load_lexicon, load_triggers, read_yaml


def test_real_lexicon_loads_and_compiles(lexicon):
    assert len(lexicon.matcher) > 1000
    assert len(lexicon.version) == 12


def test_actor_inter_codes_in_range():
    assert all(1 <= a.inter <= 8 for a in load_actors())


def test_duplicate_actor_name_is_named_in_the_error(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("- {name: A, inter: 1, aliases: [أ]}\n- {name: A, inter: 2, aliases: [ب]}\n")
    with pytest.raises(LexiconError, match="actors.yaml.*'A'.*duplicate"):
        load_actors(path)


def test_bad_inter_code_rejected(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("- {name: A, inter: 9, aliases: [أ]}\n")
    with pytest.raises(LexiconError, match="inter must be 1-8"):
        load_actors(path)


def test_invalid_yaml_names_the_file(tmp_path):
    path = tmp_path / "boilerplate.yaml"
    path.write_text("cut_from: [unclosed\n")
    with pytest.raises(LexiconError, match="boilerplate.yaml: not valid YAML"):
        load_boilerplate(path)


def test_unknown_sub_event_type_lists_the_valid_ones(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("- {sub_event_type: Air raid, priority: 1, phrases: [غارة]}\n")
    with pytest.raises(LexiconError, match="Air raid.*Air/drone strike"):
        load_triggers(path)


def test_needs_after_must_name_a_cue_list(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("- {sub_event_type: Armed clash, priority: 1, needs_after: cue:nowhere, phrases: [اشتباك]}\n")
    with pytest.raises(LexiconError, match="events.yaml.*cue:nowhere.*not a cue list"):
        load_triggers(path)


def test_needs_after_is_kept_on_the_trigger(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(
        "- {sub_event_type: Government regains territory, priority: 1, needs_after: cue:control, phrases: [استعاد*]}\n"
    )
    assert [t.needs_after for t in load_triggers(path)] == ["cue:control"]


def test_missing_gazetteer_file_is_named(tmp_path):
    with pytest.raises(LexiconError, match="admin1.csv: cannot read"):
        load_lexicon(tmp_path)


def test_a_kunya_place_name_matches_written_joined(lexicon):
    hits = lexicon.matcher.find(to_matching_form("في حي أبوسليم"))
    assert "Abu Salim" in {h.entry.value.name for h in hits if h.kind == "place"}


def test_kafr_and_deir_names_match_written_joined(lexicon):
    hits = lexicon.matcher.find(to_matching_form("في بلدتي كفرزيتا وديرميماس"))
    assert {"Kafr Zayta", "Deir Mimas"} <= {h.entry.value.name for h in hits if h.kind == "place"}


def test_a_key_given_twice_is_an_error_not_silently_dropped(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("- name: X\n  inter: 1\n  aliases: [أ]\n  aliases: [ب]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="key given twice: aliases"):
        read_yaml(path)


def test_the_same_files_give_the_same_lexicon_and_an_edit_a_new_one(tmp_path):
    """The command line loads the lexicon while Prefect's server boots and the flow loads it again:
    the second load is the first's object, unless a file changed in between."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR / "lexicons", data / "lexicons")
    shutil.copytree(DATA_DIR / "gazetteer", data / "gazetteer")
    first = load_lexicon(data)
    assert load_lexicon(data) is first
    cues = data / "lexicons" / "cues.yaml"
    cues.write_text(cues.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = load_lexicon(data)
    assert edited is not first and edited.version != first.version
    assert len(edited.matcher) == len(first.matcher)
