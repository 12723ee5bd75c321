"""Cluster stage: rows that different articles give for one real-world event share a cluster_id.

Each row first gets the id of its exact key (event type and sub-type, province, day, point
rounded to about 1 km). `link_clusters` then joins rows of the same sub-event type in one country
whose points lie close (10 km, 25 km when either is placed only near a town) on the same or the
next day, nearest pairs first, never joining two rows of one article (an article that reports
two nearby strikes reports two events). A joined cluster takes the smallest exact id among its
rows, so ids depend only on the set of rows, never on the order they arrived in. The write stage
links each rewritten partition (a country and month) with its old rows, so a report arriving
later joins the cluster of the earlier ones.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from datetime import date

import pyarrow as pa

from eventlake.geo import haversine_km

KEY_COLUMNS = ("event_type", "sub_event_type", "iso", "admin1", "event_date")
NEAR_KM = 10.0  # two towns' points: the same town, spelt or resolved a little differently
NEAR_KM_ROUGH = 25.0  # when either row is placed only near a town or by its district
CELL_DEGREES = 0.5  # grid for finding neighbours: wider than NEAR_KM_ROUGH in both directions
_LINK_COLUMNS = ("event_id", "article_id", *KEY_COLUMNS, "latitude", "longitude", "geo_precision")


def assign_clusters(events: pa.Table) -> pa.Table:
    """`events` with cluster_id derived from what each event is, linked within the batch."""
    if events.num_rows == 0:
        return events
    return link_clusters(events)


def cluster_id(row: dict) -> str:
    """The id shared by every row for this type of event, at this point, on this day."""
    lat, lon = row["latitude"], row["longitude"]
    point = f"{lat:.2f},{lon:.2f}" if lat is not None and lon is not None else ""
    key = "|".join(str(row[c]) for c in KEY_COLUMNS)
    return hashlib.sha1(f"cluster|{key}|{point}".encode()).hexdigest()[:16]


def link_clusters(events: pa.Table) -> pa.Table:
    """`events` with cluster_id set: exact ids, then near rows of other articles joined."""
    if events.num_rows == 0:
        return events
    rows = events.select(list(_LINK_COLUMNS)).to_pylist()
    ids = [cluster_id(r) for r in rows]
    parent = list(range(len(rows)))
    articles = [{r["article_id"]} for r in rows]
    for *_, i, j in sorted(_near_pairs(rows)):  # nearest first; ties by event_id, not arrival
        a, b = _root(parent, i), _root(parent, j)
        if a != b and not articles[a] & articles[b]:
            parent[b] = a
            articles[a] |= articles[b]
    best: dict[int, str] = {}
    for i, exact in enumerate(ids):
        root = _root(parent, i)
        best[root] = min(best.get(root, exact), exact)
    linked = [best[_root(parent, i)] for i in range(len(rows))]
    index = events.schema.get_field_index("cluster_id")
    return events.set_column(index, "cluster_id", pa.array(linked, pa.string()))


def _near_pairs(rows: list[dict]):
    """(km, days apart, event ids, i, j) for every pair close enough to be one event, found by grid cell."""
    cells: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r["latitude"] is not None and r["longitude"] is not None:
            cells[_cell(r, r["event_date"])].append(i)
    for (kind, iso, day, y, x), members in cells.items():
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for dd in (0, 1):
                    other = cells.get((kind, iso, date.fromordinal(day.toordinal() + dd), y + dy, x + dx), ())
                    yield from _pairs(rows, members, other, same_cell=(dy, dx, dd) == (0, 0, 0))


def _pairs(rows: list[dict], members: list[int], other, *, same_cell: bool):
    for i in members:
        for j in other:
            if (same_cell and j <= i) or rows[i]["article_id"] == rows[j]["article_id"]:
                continue
            a, b = rows[i], rows[j]
            km = haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
            rough = (a["geo_precision"] or 1) > 1 or (b["geo_precision"] or 1) > 1
            if km <= (NEAR_KM_ROUGH if rough else NEAR_KM):
                first, second = sorted((i, j), key=lambda k: rows[k]["event_id"])
                days = abs((a["event_date"] - b["event_date"]).days)
                yield round(km, 3), days, rows[first]["event_id"], rows[second]["event_id"], first, second


def _cell(row: dict, day: date) -> tuple:
    y = math.floor(row["latitude"] / CELL_DEGREES)
    x = math.floor(row["longitude"] / CELL_DEGREES)
    return (row["sub_event_type"], row["iso"], day, y, x)


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
