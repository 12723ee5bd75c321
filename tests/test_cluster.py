from datetime import date, timedelta

import pyarrow as pa

from eventlake.cluster import assign_clusters
from eventlake.schema import EVENTS


def event(article: str, **over) -> dict:
    row = {name: None for name in EVENTS.names}
    row.update(
        event_id=f"e-{article}-{over.get('event_date', date(2024, 3, 6))}",
        article_id=article,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        iso="SY",
        admin1="Idlib",
        latitude=35.81,
        longitude=36.61,
        geo_precision=1,
        event_date=date(2024, 3, 6),
        cluster_id="provisional",
    )
    row.update(over)
    return row


def table(*rows: dict) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=EVENTS)


def clusters(*rows: dict, existing: pa.Table | None = None) -> list[str]:
    return assign_clusters(table(*rows), existing or table()).column("cluster_id").to_pylist()


def test_two_articles_same_strike_share_a_cluster():
    a, b = clusters(event("a1"), event("a2", latitude=35.83, longitude=36.62))
    assert a == b


def test_adjacent_day_is_the_same_event():
    a, b = clusters(event("a1"), event("a2", event_date=date(2024, 3, 7)))
    assert a == b


def test_two_days_apart_are_two_events():
    a, b = clusters(event("a1"), event("a2", event_date=date(2024, 3, 6) + timedelta(days=2)))
    assert a != b


def test_other_town_is_another_event():
    a, b = clusters(event("a1"), event("a2", latitude=36.18, longitude=36.72))
    assert a != b


def test_other_sub_event_type_is_another_event():
    a, b = clusters(event("a1"), event("a2", sub_event_type="Shelling/artillery/missile attack"))
    assert a != b


def test_two_events_of_one_article_stay_apart():
    a, b = clusters(event("a1", event_id="x"), event("a1", event_id="y"))
    assert a != b


def test_new_row_joins_the_cluster_already_in_the_lake():
    old = table(event("a0", cluster_id="c-old"))
    assert clusters(event("a1"), existing=old) == ["c-old"]


def test_same_input_gives_same_ids():
    rows = [event("a1"), event("a2"), event("a3", admin1="Aleppo", latitude=36.2, longitude=37.1)]
    assert clusters(*rows) == clusters(*rows)
