"""Tests for eventlake.validate: real Great Expectations, small inline tables."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import warnings
from contextlib import redirect_stderr
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pytest

from eventlake.errors import ExpectationsFailed
from eventlake.schema import ARTICLES, ARTICLES_QUARANTINE, EVENTS, EVENTS_QUARANTINE
from eventlake.validate import Validator, raise_for_critical

# Own wording, with tashkeel and tatweel so offsets must be code points into the cleaned text.
TEXT = (
    "قصفت طائراتٌ مجهولة مواقعَ لمجموعات مسلحة جنوب بلدة المنصورة بريف الرقة الغربي. "
    "وأفادت مصادر محليـة بمقتل ثلاثة عناصر وإصابة آخرين."
)
EVIDENCE = TEXT[: TEXT.index(".") + 1]
PUBLISHED = datetime(2024, 3, 5, 21, 30, tzinfo=UTC)


def article_row(**changes) -> dict:
    row = {
        "article_id": "a1",
        "source_url": "https://example.org/a1",
        "title": "غارات جوية في ريف الرقة",
        "source": "Example News",
        "published_at": PUBLISHED,
        "published_at_origin": "record",
        "language": "ar",
        "text": TEXT,
        "content_hash": hashlib.sha256(TEXT.encode()).hexdigest(),
        "n_sentences": 2,
        "ingested_at": PUBLISHED,
        "run_id": "run-1",
        "source_path": "in/a1.json",
        "encoding": "utf-8",
    }
    return row | changes


def event_row(**changes) -> dict:
    row = dict.fromkeys(EVENTS.names) | {
        "event_id": "e-ok",
        "article_id": "a1",
        "event_date": PUBLISHED.date() - timedelta(days=2),
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "attribution": "unknown",
        "iso": "SY",
        "location": "Al-Mansurah",
        "latitude": 35.84,
        "longitude": 38.74,
        "geo_precision": 2,
        "fatalities": 3,
        "published_at": PUBLISHED,
        "evidence_text": EVIDENCE,
        "evidence_start": 0,
        "evidence_end": len(EVIDENCE),
        "confidence": 0.7,
        "extractor_version": "rules-test",
        "run_id": "run-1",
    }
    return row | changes


ARTICLE = pa.Table.from_pylist([article_row()], schema=ARTICLES)

# One mutated field per bad row, and the failed_expectations its quarantine row must carry.
BAD_EVENTS = {
    "event_type": (
        {"event_type": "Battle"},
        "expect_column_values_to_be_in_set(event_type), expect_column_values_to_be_in_set(event_type_pair)",
    ),
    "pair": (
        {"sub_event_type": "Armed clash"},
        "expect_column_values_to_be_in_set(event_type_pair)",
    ),
    "attribution": ({"attribution": "confirmed"}, "expect_column_values_to_be_in_set(attribution)"),
    "attribution_null": ({"attribution": None}, "expect_column_values_to_not_be_null(attribution)"),
    "inter1": ({"inter1": 9}, "expect_column_values_to_be_between(inter1)"),
    "inter2": ({"inter2": 0}, "expect_column_values_to_be_between(inter2)"),
    "time_precision": ({"time_precision": 4}, "expect_column_values_to_be_in_set(time_precision)"),
    "geo_precision": ({"geo_precision": 0}, "expect_column_values_to_be_in_set(geo_precision)"),
    "latitude": ({"latitude": 90.5}, "expect_column_values_to_be_between(latitude)"),
    "longitude": ({"longitude": -180.5}, "expect_column_values_to_be_between(longitude)"),
    "iso": ({"iso": "SYR"}, "expect_column_values_to_match_regex(iso)"),
    "fatalities": ({"fatalities": -1}, "expect_column_values_to_be_between(fatalities)"),
    "injuries": ({"injuries": -2}, "expect_column_values_to_be_between(injuries)"),
    "confidence": ({"confidence": 1.5}, "expect_column_values_to_be_between(confidence)"),
    "future_date": (
        {"event_date": PUBLISHED.date() + timedelta(days=2)},
        "expect_column_values_to_be_in_set(event_date_not_after_published)",
    ),
    "unknown_article": (
        {"article_id": "a-missing"},
        "expect_column_values_to_be_in_set(article_in_batch)",
    ),
    "span_past_end": (
        {"evidence_end": len(TEXT) + 1},
        "expect_column_values_to_be_in_set(evidence_span_in_text)",
    ),
    "span_empty": (
        {"evidence_start": 5, "evidence_end": 5},
        "expect_column_values_to_be_in_set(evidence_span_in_text)",
    ),
    "span_shifted": (
        {"evidence_start": 1, "evidence_end": len(EVIDENCE) + 1},
        "expect_column_values_to_be_in_set(evidence_text_matches_span)",
    ),
    "evidence_undiacritised": (
        {"evidence_text": EVIDENCE.replace("ٌ", "")},
        "expect_column_values_to_be_in_set(evidence_text_matches_span)",
    ),
}

BAD_ARTICLES = {
    "text_null": ({"text": None}, "expect_column_values_to_not_be_null(text)"),
    "text_empty": ({"text": ""}, "expect_column_values_to_match_regex(text)"),
    "text_blank": ({"text": " \n\t"}, "expect_column_values_to_match_regex(text)"),
    "published_null": ({"published_at": None}, "expect_column_values_to_not_be_null(published_at)"),
    "no_sentences": ({"n_sentences": 0}, "expect_column_values_to_be_between(n_sentences)"),
    "language": ({"language": "Arabic"}, "expect_column_values_to_be_in_set(language)"),
    "content_hash": (
        {"content_hash": "ABC123"},
        "expect_column_values_to_match_regex(content_hash)",
    ),
}


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


@pytest.fixture(scope="module")
def events_outcome(validator):
    rows = [event_row()] + [event_row(event_id=f"e-{k}", **c) for k, (c, _) in BAD_EVENTS.items()]
    rows.append(  # every nullable column null: still valid
        event_row(
            event_id="e-nulls",
            **dict.fromkeys(("iso", "inter1", "inter2", "latitude", "longitude", "fatalities")),
        )
    )
    # East of UTC it is already the next day when this article appears at 21:30 UTC.
    rows.append(event_row(event_id="e-local-day", event_date=PUBLISHED.date() + timedelta(days=1)))
    return validator.validate_events(pa.Table.from_pylist(rows, schema=EVENTS), ARTICLE)


@pytest.fixture(scope="module")
def articles_outcome(validator):
    rows = [article_row()] + [article_row(article_id=f"a-{k}", **c) for k, (c, _) in BAD_ARTICLES.items()]
    return validator.validate_articles(pa.Table.from_pylist(rows, schema=ARTICLES))


def quarantined(outcome, key: str) -> dict[str, str]:
    rows = outcome.quarantine.to_pylist()
    return {r[key]: r["failed_expectations"] for r in rows}


@pytest.mark.parametrize("case", sorted(BAD_EVENTS))
def test_bad_event_is_quarantined_with_its_expectation(events_outcome, case):
    assert quarantined(events_outcome, "event_id")[f"e-{case}"] == BAD_EVENTS[case][1]


def test_only_bad_events_are_quarantined(events_outcome):
    assert set(quarantined(events_outcome, "event_id")) == {f"e-{k}" for k in BAD_EVENTS}


def test_good_events_stay_valid(events_outcome):
    valid = set(events_outcome.valid.column("event_id").to_pylist())
    assert valid == {"e-ok", "e-nulls", "e-local-day"}


def test_event_quarantine_has_contract_schema(events_outcome):
    assert events_outcome.quarantine.schema == EVENTS_QUARANTINE


def test_row_failures_are_not_critical(events_outcome):
    assert events_outcome.critical_failures == ()


def test_summary_counts_unexpected_rows(events_outcome):
    assert events_outcome.summary["unexpected"]["expect_column_values_to_be_in_set(attribution)"] == 1


@pytest.mark.parametrize("case", sorted(BAD_ARTICLES))
def test_bad_article_is_quarantined_with_its_expectation(articles_outcome, case):
    assert quarantined(articles_outcome, "article_id")[f"a-{case}"] == BAD_ARTICLES[case][1]


def test_good_article_stays_valid(articles_outcome):
    assert articles_outcome.valid.column("article_id").to_pylist() == ["a1"]


def test_article_quarantine_names_its_table(articles_outcome):
    assert articles_outcome.quarantine.schema == ARTICLES_QUARANTINE
    assert set(articles_outcome.quarantine.column("table_name").to_pylist()) == {"articles"}


def test_every_failing_row_is_found_beyond_partial_lists(validator):
    rows = [event_row(event_id=f"e{i:02d}", confidence=2.0) for i in range(30)]
    outcome = validator.validate_events(pa.Table.from_pylist(rows, schema=EVENTS), ARTICLE)
    assert outcome.quarantine.num_rows == 30


def test_duplicate_event_id_is_critical(validator):
    events = pa.Table.from_pylist([event_row(), event_row()], schema=EVENTS)
    outcome = validator.validate_events(events, ARTICLE)
    with pytest.raises(ExpectationsFailed, match=r"events: .*be_unique\(event_id\)"):
        raise_for_critical(outcome)


def test_null_article_id_is_critical(validator):
    articles = pa.Table.from_pylist([article_row(article_id=None)], schema=ARTICLES)
    outcome = validator.validate_articles(articles)
    with pytest.raises(ExpectationsFailed, match=r"articles: .*not_be_null\(article_id\)"):
        raise_for_critical(outcome)


def test_extra_column_is_critical(validator):
    events = pa.Table.from_pylist([event_row()], schema=EVENTS).append_column("note", pa.array(["x"]))
    outcome = validator.validate_events(events, ARTICLE)
    assert outcome.critical_failures == ("expect_table_columns_to_match_set",)


def test_missing_column_is_critical(validator):
    events = pa.Table.from_pylist([event_row()], schema=EVENTS).drop_columns(["cluster_id"])
    outcome = validator.validate_events(events, ARTICLE)
    assert "expect_table_columns_to_match_set" in outcome.critical_failures


def test_uncastable_column_type_names_the_column(validator):
    events = pa.Table.from_pylist([event_row()], schema=EVENTS)
    events = events.set_column(events.schema.get_field_index("inter1"), "inter1", pa.array(["x"]))
    with pytest.raises(ExpectationsFailed, match=r"events: .*column inter1"):
        validator.validate_events(events, ARTICLE)


def test_empty_batch_validates(validator):
    outcome = validator.validate_events(EVENTS.empty_table(), ARTICLES.empty_table())
    assert (outcome.valid.num_rows, outcome.quarantine.num_rows) == (0, 0)


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory):
    """Data Docs of one validated batch, rendered while checking the run prints nothing."""
    docs = tmp_path_factory.mktemp("docs") / "gx"
    printed = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, redirect_stderr(printed):
        warnings.simplefilter("always")
        validator = Validator(docs_dir=docs, run_name="run-42")
        validator.validate_events(pa.Table.from_pylist([event_row()], schema=EVENTS), ARTICLE)
        bad = validator.validate_events(
            pa.Table.from_pylist([event_row(), event_row(event_id="e-2", iso="SYR")], schema=EVENTS), ARTICLE
        )
        assert bad.quarantine.num_rows == 1  # checked twice: pass or fail, then which rows
        validator.build_docs()
    return docs, caught, printed.getvalue()


def test_data_docs_index_is_written(docs_dir):
    assert (docs_dir[0] / "index.html").is_file()


def test_data_docs_file_validations_under_the_run_name(docs_dir):
    assert list((docs_dir[0] / "validations" / "events" / "run-42").rglob("*.html"))


def test_data_docs_show_each_batch_once_though_a_failing_one_was_checked_twice(docs_dir):
    pages = list((docs_dir[0] / "validations" / "events" / "run-42").rglob("*.html"))
    assert len(pages) == 2


def test_validation_with_data_docs_warns_nothing(docs_dir):
    assert docs_dir[1] == []


def test_validation_with_data_docs_prints_nothing_on_stderr(docs_dir):
    assert docs_dir[2] == ""


def test_validation_prints_nothing(validator, capfd):
    validator.validate_events(pa.Table.from_pylist([event_row()], schema=EVENTS), ARTICLE)
    assert capfd.readouterr() == ("", "")


def test_import_does_not_load_great_expectations():
    code = "import sys, eventlake.validate; print('great_expectations' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
