"""The tables eventlake writes, as Arrow schemas: the output contract in one place.

Column names and types here are what analysts and tests rely on (DESIGN.md); change them
only with a note in the README's changelog.
"""

from __future__ import annotations

import pyarrow as pa

UTC_TS = pa.timestamp("us", tz="UTC")

# ACLED event types and their sub-event types, exactly as ACLED spells them.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TO_TYPE = {sub: t for t, subs in EVENT_TYPES.items() for sub in subs}
ATTRIBUTIONS = ("reported", "suspected", "unknown")
INTER_CODES = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
# Where an article's publication date came from.
DATE_ORIGINS = ("record", "sidecar", "html", "cli", "mtime")

RAW_ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("source_path", pa.string()),
        ("source_url", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("published_at", UTC_TS),
        ("published_at_origin", pa.string()),
        ("language", pa.string()),
        ("body", pa.string()),
        ("body_format", pa.string()),  # "text" or "html"
        ("content_hash", pa.string()),
        ("encoding", pa.string()),
    ]
)

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("source_url", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("published_at", UTC_TS),
        ("published_at_origin", pa.string()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("content_hash", pa.string()),
        ("n_sentences", pa.int32()),
        ("ingested_at", UTC_TS),
        ("run_id", pa.string()),
        ("source_path", pa.string()),
        ("encoding", pa.string()),
    ]
)

SENTENCE = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("paragraph", pa.int32())])

EVENTS = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("event_date", pa.date32()),
        ("time_precision", pa.int8()),
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("actor1", pa.string()),
        ("actor2", pa.string()),
        ("inter1", pa.int8()),
        ("inter2", pa.int8()),
        ("attribution", pa.string()),
        ("iso", pa.string()),
        ("admin1", pa.string()),
        ("admin2", pa.string()),
        ("location", pa.string()),
        ("location_text", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int8()),
        ("geonameid", pa.int64()),
        ("fatalities", pa.int32()),
        ("injuries", pa.int32()),
        ("source", pa.string()),
        ("source_url", pa.string()),
        ("published_at", UTC_TS),
        ("evidence_text", pa.string()),
        ("evidence_start", pa.int32()),
        ("evidence_end", pa.int32()),
        ("confidence", pa.float32()),
        ("extractor_version", pa.string()),
        ("run_id", pa.string()),
        ("cluster_id", pa.string()),
    ]
)

REJECTS = pa.schema(
    [
        ("source_path", pa.string()),
        ("record_index", pa.int32()),  # line or item number inside the file, null for whole files
        ("stage", pa.string()),
        ("reason", pa.string()),
        ("content_hash", pa.string()),
        ("raw_excerpt", pa.string()),  # first 200 characters, so a reviewer can see what it was
        ("run_id", pa.string()),
        ("rejected_at", UTC_TS),
    ]
)

QUARANTINE_EXTRA = [("table_name", pa.string()), ("failed_expectations", pa.string())]
EVENTS_QUARANTINE = pa.schema(list(EVENTS) + [pa.field(n, t) for n, t in QUARANTINE_EXTRA])
ARTICLES_QUARANTINE = pa.schema(list(ARTICLES) + [pa.field(n, t) for n, t in QUARANTINE_EXTRA])


def empty(schema: pa.Schema) -> pa.Table:
    """A zero-row table of `schema`, so empty batches still carry the contract."""
    return schema.empty_table()
