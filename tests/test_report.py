from datetime import date

import pyarrow as pa

from eventlake.report import render_report
from eventlake.schema import EVENTS

MANIFEST = {
    "run_id": "r1",
    "started_at": "2024-03-07T09:00:00+00:00",
    "wall_seconds": 12.5,
    "counts": {"read": 2, "events_written": 1},
    "stage_seconds": {"extract": 0.1},
}


def one_event(**over) -> pa.Table:
    row = dict.fromkeys(EVENTS.names)
    row.update(
        event_date=date(2024, 3, 6),
        sub_event_type="Air/drone strike",
        location="Ariha",
        evidence_text="قصفت طائرات حربية أطراف مدينة أريحا <أمس>.",
        **over,
    )
    return pa.Table.from_pylist([row], schema=EVENTS)


def test_report_shows_each_event_beside_its_evidence():
    html = render_report(MANIFEST, one_event())
    assert "Ariha" in html and "قصفت طائرات حربية أطراف مدينة أريحا" in html
    assert "<h2>Events written (1)</h2>" in html


def test_report_escapes_article_text():
    html = render_report(MANIFEST, one_event())
    assert "&lt;أمس&gt;" in html and "<أمس>" not in html


def test_report_loads_nothing_from_outside():
    html = render_report(MANIFEST, one_event())
    assert "http" not in html and "<script" not in html


def test_empty_run_says_so():
    assert "No events." in render_report(MANIFEST, EVENTS.empty_table())


def test_capped_report_says_how_many_it_lists():
    html = render_report({**MANIFEST, "counts": {"events_written": 30_000}}, one_event())
    assert "Events written (30000; the first 1 listed)" in html
