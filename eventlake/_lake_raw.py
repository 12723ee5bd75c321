"""The lake's raw store: every input's original bytes under LAKE/raw/sha256/, named by their hash.

Written once per distinct content (a rerun over the same folder stores nothing new), through a
hidden temporary file that is fsynced and renamed, so a killed run leaves either the whole file
or none. The HTTP validators (ETag, Last-Modified) that make the next fetch conditional live
beside it. Private to eventlake.write, which re-exports it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from eventlake.errors import InputError
from eventlake.ingest import MAX_FILE_BYTES, Document

RAW_DIR = "raw/sha256"
VALIDATORS_FILE = "raw/http_validators.json"
_DIGEST = re.compile(r"[0-9a-f]{64}")


class RawStore:
    """Content-addressed original bytes of a lake's inputs: LAKE/raw/sha256/ab/abcdef...."""

    def __init__(self, lake: Path):
        self.root = lake / RAW_DIR

    def path_of(self, digest: str) -> Path:
        """Where the bytes with this sha256 live; a digest that is not 64 hex digits is refused."""
        if not _DIGEST.fullmatch(digest):
            raise ValueError(f"not a sha256 hex digest: {digest!r}")
        return self.root / digest[:2] / digest

    def put(self, digest: str, doc: Document) -> None:
        """Store a document's bytes under their hash, unless they are there already.

        Raises:
            InputError: the bytes read now do not have the hash given (the file changed meanwhile).
        """
        path = self.path_of(digest)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{digest}.{uuid.uuid4().hex}.tmp")
        try:
            found = hashlib.sha256()
            with doc.open() as src, open(temp, "wb") as dst:
                while chunk := src.read(1 << 20):
                    found.update(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            if found.hexdigest() != digest:
                raise InputError("the file changed while it was being read; it will be read again next run")
            os.replace(temp, path)
        finally:
            temp.unlink(missing_ok=True)

    def documents(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[Document]:
        """Raw index rows (raw_hash, source, name, meta, charset) -> documents to read again, lazily.

        Small inputs come as bytes, large ones as a path to stream; a missing file comes as a
        path all the same, so reading it gives a reject row naming the source, not a crash.
        """
        for row in rows:
            path = self.path_of(row["raw_hash"])
            meta = json.loads(row["meta"] or "{}")
            size = path.stat().st_size if path.exists() else None
            data = path.read_bytes() if size is not None and size <= MAX_FILE_BYTES else None
            yield Document(row["source"], row["name"], data, None if data is not None else path, meta, row["charset"])


def read_http_validators(lake: Path) -> dict[str, dict[str, str]]:
    """URL -> {"etag", "last_modified"} of earlier fetches; empty when none (or unreadable)."""
    path = lake / VALIDATORS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {url: v for url, v in data.items() if isinstance(url, str) and isinstance(v, dict)}


def write_http_validators(lake: Path, validators: Mapping[str, Mapping[str, Any]]) -> Path:
    """Merge new validators into LAKE/raw/http_validators.json, atomically."""
    path = lake / VALIDATORS_FILE
    merged = {**read_http_validators(lake), **{url: dict(v) for url, v in validators.items()}}
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(temp, "w", encoding="utf-8") as fh:
            json.dump(merged, fh, indent=1, sort_keys=True, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path
