from datetime import date

import pyarrow as pa

from eventlake.cluster import exact_clusters, link_clusters
from eventlake.schema import EVENTS


def event(article: str, **over) -> dict:
    row = dict.fromkeys(EVENTS.names)
    row.update(
        event_id=f"e-{article}",
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


def clusters(*rows: dict) -> list[str]:
    return link_clusters(pa.Table.from_pylist(list(rows), schema=EVENTS)).column("cluster_id").to_pylist()


def test_two_articles_same_strike_share_a_cluster():
    a, b = clusters(event("a1"), event("a2"))
    assert a == b


def test_order_of_arrival_does_not_change_the_ids():
    rows = [event("a1"), event("a2"), event("a3", admin1="Aleppo", latitude=36.2, longitude=37.1)]
    assert clusters(*rows) == clusters(*reversed(rows))[::-1]


def test_other_day_is_another_cluster():
    a, b = clusters(event("a1"), event("a2", event_date=date(2024, 3, 8)))
    assert a != b


def test_other_town_is_another_cluster():
    a, b = clusters(event("a1"), event("a2", latitude=36.18, longitude=36.72))
    assert a != b


def test_other_sub_event_type_is_another_cluster():
    a, b = clusters(event("a1"), event("a2", sub_event_type="Shelling/artillery/missile attack"))
    assert a != b


def test_reports_a_day_apart_at_nearby_points_share_a_cluster():
    a, b = clusters(event("a1"), event("a2", event_date=date(2024, 3, 7), latitude=35.85, longitude=36.63))
    assert a == b


def test_two_strikes_in_one_article_stay_two_clusters():
    a, b = clusters(event("a1", event_id="e1"), event("a1", event_id="e2", latitude=35.84, longitude=36.62))
    assert a != b


def test_other_event_type_nearby_is_another_cluster():
    a, b = clusters(event("a1"), event("a2", event_type="Battles", sub_event_type="Armed clash"))
    assert a != b


def test_linked_ids_do_not_depend_on_arrival_order():
    rows = [
        event("a1"),
        event("a2", latitude=35.84, longitude=36.62),
        event("a3", event_date=date(2024, 3, 7), latitude=35.87, longitude=36.60),
        event("a4", admin1="Aleppo", latitude=36.2, longitude=37.1),
    ]
    assert clusters(*rows) == clusters(*reversed(rows))[::-1]


def test_reports_on_consecutive_days_do_not_chain_into_one_cluster():
    a, b, c = clusters(
        event("a1", event_date=date(2024, 3, 5)),
        event("a2", event_date=date(2024, 3, 6)),
        event("a3", event_date=date(2024, 3, 7)),
    )
    assert len({a, b, c}) == 2


def test_a_batch_gets_each_rows_own_id_which_linking_keeps_for_a_row_alone():
    """Batches get exact ids only (the write stage links whole partitions): the id a row has
    when nothing is near it."""
    rows = [event("a1"), event("a2"), event("a3", admin1="Aleppo", latitude=36.2, longitude=37.1)]
    exact = exact_clusters(pa.Table.from_pylist(rows, schema=EVENTS)).column("cluster_id").to_pylist()
    assert exact == [clusters(row)[0] for row in rows]
    assert exact[0] == exact[1] != exact[2]
