"""Cluster stage: events that different articles give for one real-world event share a cluster_id.

Two rows are one event when they have the same type and sub-type, the same country and
province, points within CLUSTER_KM of each other (or, placed only by province, the same
province) and dates at most one day apart. Rows already in the lake keep their cluster_id;
a new row joins the cluster of the earliest matching row, so reruns never relabel old rows.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date

import pyarrow as pa

from eventlake.geo import distance_km

CLUSTER_KM = 10.0
MAX_DAYS_APART = 1
# The columns clustering reads from the lake.
CLUSTER_COLUMNS = [
    "event_id",
    "article_id",
    "event_type",
    "sub_event_type",
    "iso",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "event_date",
    "cluster_id",
]


def assign_clusters(events: pa.Table, existing: pa.Table) -> pa.Table:
    """`events` with cluster_id set, linking them to each other and to `existing` lake rows."""
    if events.num_rows == 0:
        return events
    new_rows = events.to_pylist()
    old_rows = existing.select(CLUSTER_COLUMNS).to_pylist() if existing.num_rows else []
    ids = _cluster_ids(new_rows, old_rows)
    index = events.schema.get_field_index("cluster_id")
    return events.set_column(index, "cluster_id", pa.array(ids, pa.string()))


def _cluster_ids(new_rows: list[dict], old_rows: list[dict]) -> list[str]:
    """For each new row: the earliest matching row's cluster, else a fresh id from its own key."""
    buckets: dict[tuple, list[dict]] = defaultdict(list)
    for row in old_rows:
        buckets[_bucket(row)].append(row)
    order = sorted(range(len(new_rows)), key=lambda i: (new_rows[i]["event_date"], new_rows[i]["event_id"]))
    assigned: dict[int, str] = {}
    for i in order:
        row = new_rows[i]
        peers = [p for p in buckets[_bucket(row)] if p["article_id"] != row["article_id"] and _same_event(row, p)]
        if peers:
            first = min(peers, key=lambda p: (p["event_date"], p["event_id"]))
            cluster = first["cluster_id"]
        else:
            cluster = _fresh_id(row)
        assigned[i] = cluster
        buckets[_bucket(row)].append({**row, "cluster_id": cluster})
    return [assigned[i] for i in range(len(new_rows))]


def _bucket(row: dict) -> tuple:
    return (row["event_type"], row["sub_event_type"], row["iso"], row["admin1"])


def _same_event(a: dict, b: dict) -> bool:
    if abs((_day(a) - _day(b)).days) > MAX_DAYS_APART:
        return False
    if a["geo_precision"] == 3 or b["geo_precision"] == 3:
        return a["geo_precision"] == b["geo_precision"]  # both placed by province only
    km = distance_km(a, b)
    return km is not None and km <= CLUSTER_KM


def _day(row: dict) -> date:
    return row["event_date"]


def _fresh_id(row: dict) -> str:
    return hashlib.sha1(f"cluster|{row['event_id']}".encode()).hexdigest()[:16]
