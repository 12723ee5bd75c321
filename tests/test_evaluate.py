"""Scoring against gold: matching by type, province and radius, and the report's breakdowns."""

from datetime import date
from pathlib import Path

from eventlake.evaluate import format_report, score
from eventlake.gold import GoldArticle, GoldSet


def event(**over) -> dict:
    row = {
        "article_id": "a1",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "iso": "SY",
        "admin1": "Idlib",
        "event_date": date(2024, 3, 6),
        "location": "Ariha",
        "latitude": 35.81,
        "longitude": 36.61,
        "geo_precision": 1,
        "fatalities": 2,
        "actor1": "Military Forces of Russia",
        "actor2": None,
        "attribution": "reported",
        "evidence_text": "قصفت طائرات حربية أريحا",
    }
    row.update(over)
    return row


def gold_of(*events: dict) -> GoldSet:
    return GoldSet("t", {"a1": GoldArticle("a1", tuple(events), ())}, Path("."))


def test_strike_at_the_same_town_matches():
    report = score(gold_of(event()), [event()])
    assert report.prf() == (1.0, 1.0, 1.0)


def test_point_beyond_the_radius_is_a_miss_and_a_false_positive():
    report = score(gold_of(event()), [event(latitude=36.5, longitude=37.5)])
    assert (sum(report.tp.values()), sum(report.fp.values()), sum(report.fn.values())) == (0, 1, 1)


def test_wrong_event_type_does_not_match():
    predicted = event(event_type="Battles", sub_event_type="Armed clash")
    report = score(gold_of(event()), [predicted])
    assert sum(report.tp.values()) == 0


def test_fields_are_scored_on_matched_pairs_only():
    report = score(gold_of(event()), [event(fatalities=3)])
    assert (report.accuracy("fatalities"), report.accuracy("location")) == (0.0, 1.0)


def test_report_breaks_scores_down_by_event_type():
    predicted = [event(), event(event_type="Battles", sub_event_type="Armed clash")]
    text = format_report(score(gold_of(event()), predicted), show_errors=False)
    assert "Battles: precision 0.000" in text and "Explosions/Remote violence: precision 1.000" in text


def test_report_lists_each_miss_with_its_evidence():
    text = format_report(score(gold_of(event(evidence="غارة على أريحا")), []))
    assert "a1: MISSED Air/drone strike @ Ariha (Idlib)" in text and "غارة على أريحا" in text


def test_eval_of_a_folder_without_gold_fails_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from eventlake.cli import app

    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2 and "no gold*.yaml file" in result.output and "Traceback" not in result.output
