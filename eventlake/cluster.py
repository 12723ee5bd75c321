"""Cluster stage: rows that different articles give for one real-world event share a cluster_id.

A cluster is an event type and sub-type in one province on one day at one point (rounded to
0.01 degrees, about 1 km): the id is derived from those, so it is the same whatever order the
articles arrive in, across batches, reruns and crashed runs. Reports of one strike that differ
by a day or place the town differently get different ids; linking those needs a clustering
step over the lake that stays stable as rows arrive, which is not built yet.
"""

from __future__ import annotations

import hashlib

import pyarrow as pa

KEY_COLUMNS = ("event_type", "sub_event_type", "iso", "admin1", "event_date")


def assign_clusters(events: pa.Table) -> pa.Table:
    """`events` with cluster_id derived from what each event is."""
    if events.num_rows == 0:
        return events
    ids = [cluster_id(row) for row in events.select([*KEY_COLUMNS, "latitude", "longitude"]).to_pylist()]
    index = events.schema.get_field_index("cluster_id")
    return events.set_column(index, "cluster_id", pa.array(ids, pa.string()))


def cluster_id(row: dict) -> str:
    """The id shared by every row for this type of event, at this point, on this day."""
    lat, lon = row["latitude"], row["longitude"]
    point = f"{lat:.2f},{lon:.2f}" if lat is not None and lon is not None else ""
    key = "|".join(str(row[c]) for c in KEY_COLUMNS)
    return hashlib.sha1(f"cluster|{key}|{point}".encode()).hexdigest()[:16]
