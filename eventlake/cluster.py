"""Cluster stage: rows that different articles give for one real-world event share a cluster_id.

Each row first gets the id of its exact key (event type and sub-type, province, day, point
rounded to about 1 km). `link_clusters` then joins rows of the same sub-event type in one country
whose points lie close (10 km, 25 km when either is placed only near a town) on the same or the
next day, nearest pairs first, never joining two rows of one article (an article that reports
two nearby strikes reports two events) and never chaining: a cluster spans at most two days and
lies within the radius of its first row. A joined cluster takes the smallest exact id among its
rows, so ids depend only on the set of rows, never on the order they arrived in. The write stage
links each rewritten partition (a country and month) with its old rows, so a report arriving
later joins the cluster of the earlier ones.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterator

import numpy as np
import pyarrow as pa

from eventlake.geo import haversine_km

KEY_COLUMNS = ("event_type", "sub_event_type", "iso", "admin1", "event_date")
NEAR_KM = 10.0  # two towns' points: the same town, spelt or resolved a little differently
NEAR_KM_ROUGH = 25.0  # when either row is placed only near a town or by its district
CELL_DEGREES = 0.3  # grid for finding neighbours: wider than NEAR_KM_ROUGH both ways up to 38 degrees N
_KM_PER_DEGREE = 111.2
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
    days = [(r["event_date"], r["event_date"]) for r in rows]
    for *_, i, j in sorted(_edges(rows)):  # nearest first; ties by event_id, never by arrival
        a, b = _root(parent, i), _root(parent, j)
        first, last = min(days[a][0], days[b][0]), max(days[a][1], days[b][1])
        joinable = a != b and not articles[a] & articles[b] and (last - first).days <= 1  # no chains of days
        if joinable and _near(rows[a], rows[b]):  # nor chains of towns: the clusters' anchors are near
            parent[b] = a
            articles[a] |= articles[b]
            days[a] = (first, last)
    best: dict[int, str] = {}
    for i, exact in enumerate(ids):
        root = _root(parent, i)
        best[root] = min(best.get(root, exact), exact)
    linked = [best[_root(parent, i)] for i in range(len(rows))]
    index = events.schema.get_field_index("cluster_id")
    return events.set_column(index, "cluster_id", pa.array(linked, pa.string()))


def _edges(rows: list[dict]):
    """Candidate joins as (km, days apart, event ids, i, j): rows at one point on one day to that
    point's first row, then the first rows of near points (a town's reports share its point, so
    there are few points to compare however many rows there are)."""
    sites: dict[tuple, list[int]] = defaultdict(list)
    for i in sorted(range(len(rows)), key=lambda k: rows[k]["event_id"]):
        r = rows[i]
        if r["latitude"] is not None and r["longitude"] is not None:
            sites[(r["sub_event_type"], r["iso"], r["event_date"], r["latitude"], r["longitude"])].append(i)
    for members in sites.values():
        head = members[0]
        yield from ((0.0, 0, rows[head]["event_id"], rows[j]["event_id"], head, j) for j in members[1:])
    listed = list(sites)
    for a, b in _neighbour_sites(listed):
        yield from _site_edge(rows, sites[listed[a]], sites[listed[b]])


def _neighbour_sites(sites: list[tuple]) -> Iterator[tuple[int, int]]:
    """Pairs of sites of one kind and country in touching grid cells, on the same day (each pair
    once) or a day apart (earlier day first). Cells are searched in arrays: most have no neighbour."""
    if not sites:
        return
    groups: dict[tuple, int] = {}
    rank = np.empty(len(sites), dtype=np.int64)
    rank[sorted(range(len(sites)), key=sites.__getitem__)] = np.arange(len(sites))
    group = np.array([groups.setdefault(site[:2], len(groups)) for site in sites], dtype=np.int64)
    day = np.array([site[2].toordinal() for site in sites], dtype=np.int64)
    y = np.floor(np.array([site[3] for site in sites]) / CELL_DEGREES).astype(np.int64)
    x = np.floor(np.array([site[4] for site in sites]) / CELL_DEGREES).astype(np.int64)
    keys = _cell_keys(group, day, y, x)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    for dy, dx, dd in itertools.product((-1, 0, 1), (-1, 0, 1), (0, 1)):
        wanted = _cell_keys(group, day + dd, y + dy, x + dx)
        lows = np.searchsorted(ordered, wanted, side="left")
        sizes = np.searchsorted(ordered, wanted, side="right") - lows
        here = np.repeat(np.arange(len(sites)), sizes)
        there = order[np.repeat(lows - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))]
        keep = np.ones(len(here), dtype=bool) if dd else rank[here] < rank[there]
        yield from zip(here[keep].tolist(), there[keep].tolist(), strict=True)


def _cell_keys(group: np.ndarray, day: np.ndarray, y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """One integer per (kind and country, day, cell): cells span at most 2**12 either way of the equator."""
    return ((group * 2**22 + day) * 2**13 + (y + 2**12)) * 2**13 + (x + 2**12)


def _site_edge(rows: list[dict], a: list[int], b: list[int]):
    i, j = a[0], b[0]
    r, s = rows[i], rows[j]
    if abs(r["latitude"] - s["latitude"]) * _KM_PER_DEGREE > NEAR_KM_ROUGH:
        return  # the cheap test first: most neighbours in a cell are farther than any radius
    rough = max(rows[k]["geo_precision"] or 1 for k in (*a, *b)) > 1
    km = haversine_km(r["latitude"], r["longitude"], s["latitude"], s["longitude"])
    if km <= (NEAR_KM_ROUGH if rough else NEAR_KM):
        first, second = sorted((i, j), key=lambda k: rows[k]["event_id"])
        days = abs((r["event_date"] - s["event_date"]).days)
        yield round(km, 3), days, rows[first]["event_id"], rows[second]["event_id"], first, second


def _near(a: dict, b: dict) -> bool:
    if a["latitude"] is None or b["latitude"] is None:
        return False
    km = haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    return km <= NEAR_KM_ROUGH if max(a["geo_precision"] or 1, b["geo_precision"] or 1) > 1 else km <= NEAR_KM


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
