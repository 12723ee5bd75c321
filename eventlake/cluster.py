"""Cluster stage: rows that different articles give for one real-world event share a cluster_id.

Each row first gets the id of its exact key (event type and sub-type, province, day, point
rounded to about 1 km). `link_clusters` then joins rows of the same sub-event type in one country
whose points lie close (10 km, 25 km when either is placed only near a town) on the same or the
next day, nearest pairs first, never joining two rows of one article (an article that reports
two nearby strikes reports two events) and never chaining: a cluster spans at most two days and
lies within the radius of its first row. A joined cluster takes the smallest exact id among its
rows, so ids depend only on the set of rows, never on the order they arrived in. The write stage
links each rewritten partition (a country and month) with its old rows, so a report arriving
later joins the cluster of the earlier ones; a batch's rows carry their exact ids until then.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventlake.geo import EARTH_RADIUS_KM, haversine_km
from eventlake.tables import value_codes

KEY_COLUMNS = ("event_type", "sub_event_type", "iso", "admin1", "event_date")
NEAR_KM = 10.0  # two towns' points: the same town, spelt or resolved a little differently
NEAR_KM_ROUGH = 25.0  # when either row is placed only near a town or by its district
CELL_DEGREES = 0.3  # grid for finding neighbours: wider than NEAR_KM_ROUGH both ways up to 38 degrees N
_KM_PER_DEGREE = 111.2
_KM_SLACK = 1e-6  # the array distance's rounding, far above its error (about 1e-12 km)
_LINK_COLUMNS = ("event_id", "article_id", *KEY_COLUMNS, "latitude", "longitude", "geo_precision")


def exact_clusters(events: pa.Table) -> pa.Table:
    """`events` with each row's exact id as cluster_id. Enough for a batch: the write stage links
    every partition it writes over all its rows before a run ends (`link_clusters`), which would
    undo any linking done within the batch."""
    if events.num_rows == 0:
        return events
    ids = _exact_ids(events, events["latitude"].to_pylist(), events["longitude"].to_pylist())
    index = events.schema.get_field_index("cluster_id")
    return events.set_column(index, "cluster_id", pa.array(ids, pa.string()))


def cluster_id(row: dict) -> str:
    """The id shared by every row for this type of event, at this point, on this day."""
    lat, lon = row["latitude"], row["longitude"]
    return _exact_id("|".join(str(row[c]) for c in KEY_COLUMNS), _point(lat, lon))


def link_clusters(events: pa.Table) -> pa.Table:
    """`events` with cluster_id set: exact ids, then near rows of other articles joined.

    Worked on columns: only the joins themselves (few: most rows are alone) go through Python.
    """
    if events.num_rows == 0:
        return events
    rows = _Rows(events)
    parent = np.arange(rows.size)
    articles: dict[int, set[int]] = {}
    days: dict[int, tuple[int, int]] = {}
    for i, j in _edges(rows):  # nearest first; ties by event_id, never by arrival
        a, b = _root(parent, i), _root(parent, j)
        span_a, span_b = days.get(a, (rows.day[a], rows.day[a])), days.get(b, (rows.day[b], rows.day[b]))
        first, last = min(span_a[0], span_b[0]), max(span_a[1], span_b[1])
        held_a, held_b = articles.get(a, {rows.article[a]}), articles.get(b, {rows.article[b]})
        joinable = a != b and not held_a & held_b and last - first <= 1  # no chains of days
        if joinable and _near(rows, a, b):  # nor chains of towns: the clusters' anchors are near
            parent[b] = a
            articles[a] = held_a | held_b
            days[a] = (first, last)
    while not np.array_equal(parent, parent[parent]):  # every row straight to its root
        parent = parent[parent]
    names, codes = np.unique(np.array(_exact_ids(rows.table, rows.lat, rows.lon), dtype=object), return_inverse=True)
    best = np.full(rows.size, len(names))
    np.minimum.at(best, parent, codes)  # the smallest exact id of each cluster
    index = events.schema.get_field_index("cluster_id")
    return events.set_column(index, "cluster_id", pa.array(names[best[parent]].tolist(), pa.string()))


class _Rows:
    """The columns linking reads, as Python lists and integer codes (event ids by their rank)."""

    def __init__(self, events: pa.Table):
        table = events.select(list(_LINK_COLUMNS))
        self.table = table
        self.size = table.num_rows
        self.rank = np.empty(self.size, dtype=np.int64)
        self.rank[pc.sort_indices(table["event_id"]).to_numpy()] = np.arange(self.size)
        self.article = value_codes(table["article_id"]).tolist()
        self.day = pc.cast(pc.cast(table["event_date"], pa.date32()), pa.int32()).to_pylist()  # ordinals since 1970
        self.lat, self.lon = table["latitude"].to_pylist(), table["longitude"].to_pylist()
        self.precision = pc.fill_null(table["geo_precision"], 1).to_pylist()


def _exact_ids(table: pa.Table, lat: list, lon: list) -> list[str]:
    """cluster_id of each row alone: the key columns as text, the point as formatted once per point."""
    parts = [pc.cast(table[c], pa.string()) for c in KEY_COLUMNS]
    keys = pc.binary_join_element_wise(*[pc.fill_null(p, "None") for p in parts], "|").to_pylist()
    points: dict[tuple, str] = {}
    return [
        _exact_id(key, points.get(p) or points.setdefault(p, _point(*p)))
        for key, p in zip(keys, zip(lat, lon, strict=True), strict=True)
    ]


def _point(lat: float | None, lon: float | None) -> str:
    return f"{lat:.2f},{lon:.2f}" if lat is not None and lon is not None else ""


def _exact_id(key: str, point: str) -> str:
    return hashlib.sha1(f"cluster|{key}|{point}".encode()).hexdigest()[:16]


def _edges(rows: _Rows) -> Iterator[tuple[int, int]]:
    """Candidate joins (i, j), ordered by (km, days apart, event ids): rows at one point on one day
    to that point's first row, then the first rows of near points (a town's reports share its
    point, so there are few points to compare however many rows there are)."""
    table = rows.table
    placed = np.flatnonzero(pc.and_(pc.is_valid(table["latitude"]), pc.is_valid(table["longitude"])).to_numpy())
    placed = placed[np.argsort(rows.rank[placed])]  # event_id order
    sites: dict[tuple, list[int]] = {}
    kinds, isos = table["sub_event_type"].to_pylist(), table["iso"].to_pylist()
    for i in placed.tolist():
        sites.setdefault((kinds[i], isos[i], rows.day[i], rows.lat[i], rows.lon[i]), []).append(i)
    found = [(0.0, 0, rows.rank[m[0]], rows.rank[j], m[0], j) for m in sites.values() for j in m[1:]]
    found += _site_edges(rows, list(sites.values()), *_neighbour_sites(list(sites)))
    return ((i, j) for *_, i, j in sorted(found))


def _neighbour_sites(sites: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a, b) of sites of one kind and country in touching grid cells, on the same day (each
    pair once) or a day apart (earlier day first). Cells are searched in arrays: most have no neighbour."""
    if not sites:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    groups: dict[tuple, int] = {}
    rank = np.empty(len(sites), dtype=np.int64)
    rank[sorted(range(len(sites)), key=sites.__getitem__)] = np.arange(len(sites))
    group = np.array([groups.setdefault(site[:2], len(groups)) for site in sites], dtype=np.int64)
    day = np.array([site[2] for site in sites], dtype=np.int64)
    y = np.floor(np.array([site[3] for site in sites]) / CELL_DEGREES).astype(np.int64)
    x = np.floor(np.array([site[4] for site in sites]) / CELL_DEGREES).astype(np.int64)
    keys = _cell_keys(group, day, y, x)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    found_a, found_b = [], []
    for dy, dx, dd in itertools.product((-1, 0, 1), (-1, 0, 1), (0, 1)):
        wanted = ordered + _cell_keys(np.int64(0), np.int64(dd), np.int64(dy), np.int64(dx)) - _cell_keys(0, 0, 0, 0)
        lows = np.searchsorted(ordered, wanted, side="left")  # sorted queries: a merge, not random probes
        sizes = np.searchsorted(ordered, wanted, side="right") - lows
        here = np.repeat(order, sizes)
        there = order[np.repeat(lows - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))]
        keep = np.ones(len(here), dtype=bool) if dd else rank[here] < rank[there]
        found_a.append(here[keep])
        found_b.append(there[keep])
    return np.concatenate(found_a), np.concatenate(found_b)


def _cell_keys(group: np.ndarray, day: np.ndarray, y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """One integer per (kind and country, day, cell): cells span at most 2**12 either way of the equator."""
    return ((group * 2**22 + day) * 2**13 + (y + 2**12)) * 2**13 + (x + 2**12)


def _site_edges(rows: _Rows, members: list[list[int]], a: np.ndarray, b: np.ndarray) -> list[tuple]:
    """The joins between neighbouring sites (`a[k]`, `b[k]`: indices into `members`) whose first rows
    lie within the radius, as `_edges` sorts them. Far pairs, most of them, are dropped on arrays;
    the distance of the others is computed again exactly as `_near` does, so no tie moves."""
    first = [m[0] for m in members]
    rough = np.array([max(rows.precision[k] or 1 for k in m) > 1 for m in members], dtype=bool)
    lat = np.array([rows.lat[i] for i in first], dtype=np.float64)
    lon = np.array([rows.lon[i] for i in first], dtype=np.float64)
    radius = np.where(rough[a] | rough[b], NEAR_KM_ROUGH, NEAR_KM)
    close = np.abs(lat[a] - lat[b]) * _KM_PER_DEGREE <= NEAR_KM_ROUGH
    maybe = close & (_haversine(lat[a], lon[a], lat[b], lon[b]) <= radius + _KM_SLACK)
    found = []
    for x, y, limit in zip(a[maybe].tolist(), b[maybe].tolist(), radius[maybe].tolist(), strict=True):
        i, j = first[x], first[y]
        km = haversine_km(rows.lat[i], rows.lon[i], rows.lat[j], rows.lon[j])
        if km <= limit:
            one, two = (i, j) if rows.rank[i] < rows.rank[j] else (j, i)
            found.append((round(km, 3), abs(rows.day[i] - rows.day[j]), rows.rank[one], rows.rank[two], one, two))
    return found


def _haversine(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """geo.haversine_km on arrays (to within rounding: a filter, not the distance kept)."""
    p1, q1, p2, q2 = (np.radians(v) for v in (lat1, lon1, lat2, lon2))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((q2 - q1) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * np.arcsin(np.sqrt(h))


def _near(rows: _Rows, a: int, b: int) -> bool:
    if rows.lat[a] is None or rows.lat[b] is None:
        return False
    km = haversine_km(rows.lat[a], rows.lon[a], rows.lat[b], rows.lon[b])
    return km <= NEAR_KM_ROUGH if max(rows.precision[a] or 1, rows.precision[b] or 1) > 1 else km <= NEAR_KM


def _root(parent: np.ndarray, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
