"""Ingest, archives: .gz, .zip and WARC (.warc, .warc.gz) -> members, read with bounded memory.

Members are read into memory one at a time, each capped, with caps on an archive's total
decompressed size and on a zip's member count, so a zip bomb costs a reject row, not the machine. Nothing is
ever extracted to disk: a member's name is only a label, and one that would climb out of the
archive (absolute, or with "..") is refused anyway. Private to eventlake.ingest.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import BinaryIO

from eventlake.errors import InputError

CHUNK = 1 << 20
MAX_MEMBERS = 10_000
ARCHIVE_SUFFIXES = (".zip", ".gz", ".warc")
# WARC payloads read as articles, by media type; any other record (images, scripts) is skipped.
WARC_MEDIA = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/json": ".json",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
}
WARC_RECORD_TYPES = ("response", "resource")


@dataclass(frozen=True)
class Member:
    """One file inside an archive, or one WARC record: its bytes, or why they were not read."""

    label: str  # where in the archive: "docs/a.json", "record 3"
    name: str  # the file name whose suffix gives the format
    data: bytes | None = None
    problem: str | None = None  # set when data is None: the member's reject reason
    url: str | None = None  # WARC-Target-URI
    date: datetime | None = None  # WARC-Date
    charset: str | None = None  # from the record's Content-Type


@dataclass
class Budget:
    """Decompressed bytes still allowed for one archive; shared by its members."""

    per_member: int
    total: int  # what is left
    members: int = MAX_MEMBERS
    spent: int = 0

    def take(self, stream: BinaryIO, *, what: str) -> bytes:
        """Read all of `stream`, or raise InputError once it passes the member or the total cap."""
        if self.total >= self.per_member:
            data = read_capped(stream, self.per_member, what=what)
        else:
            spent = f"archive too large: its files pass {size_text(self.spent + self.total)} decompressed; not read"
            data = read_capped(stream, self.total, what=what, reason=spent)
        self.total -= len(data)
        self.spent += len(data)
        return data


def read_capped(stream: BinaryIO, limit: int, *, what: str, reason: str | None = None) -> bytes:
    """Read at most `limit` bytes, a chunk at a time; more raises InputError naming `what` and the cap."""
    data = bytearray()
    while chunk := stream.read(min(CHUNK, limit + 1 - len(data))):
        data += chunk
        if len(data) > limit:
            raise InputError(reason or f"{what} too large: over {size_text(limit)} when decompressed")
    return bytes(data)


def hash_stream(stream: BinaryIO) -> tuple[str, int]:
    """sha256 and length of a stream, read in chunks (for inputs too large to keep)."""
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def gunzip(stream: BinaryIO, *, limit: int) -> bytes:
    """The one file inside a .gz, capped at `limit` bytes."""
    try:
        with gzip.GzipFile(fileobj=stream) as inner:
            return read_capped(inner, limit, what="file inside .gz")
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"not a valid gzip file: {exc}") from exc


def zip_members(stream: BinaryIO, *, budget: Budget) -> Iterator[Member]:
    """Every file in a zip archive, in archive order; directories and hidden files are left out."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"not a valid zip archive: {exc}") from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > budget.members:
            raise InputError(f"zip archive has {len(infos)} files, more than {budget.members}")
        for info in infos:
            name = info.filename
            if _hidden(name):
                continue
            yield _zip_member(archive, info, budget)


def warc_members(stream: BinaryIO, *, budget: Budget) -> Iterator[Member]:
    """Article-like payloads (HTML, text, JSON, feeds) of a WARC's response and resource records.

    Other records (requests, metadata, images, scripts, non-200 responses) are not articles and
    are skipped, as non-article files in a directory are.
    """
    from warcio.archiveiterator import ArchiveIterator  # lazy: only WARC inputs need it
    from warcio.exceptions import ArchiveLoadFailed

    warnings = io.StringIO()  # warcio writes malformed-record warnings to stderr
    try:
        with contextlib.redirect_stderr(warnings):
            for n, record in enumerate(ArchiveIterator(stream), start=1):  # bounded by the bytes budget
                member = _warc_member(n, record, budget)
                if member is not None:
                    yield member
    except ArchiveLoadFailed as exc:
        raise InputError(f"not a valid WARC file: {' '.join(str(exc).split())[:200]}") from exc
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise InputError(f"not a valid WARC file: {exc}") from exc


def is_archive(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(ARCHIVE_SUFFIXES) or lower.endswith(".warc.gz")


# --- members ----------------------------------------------------------------------------------


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> Member:
    name = info.filename
    problem = _unsafe_name(name)
    if problem is None and info.flag_bits & 0x1:
        problem = "encrypted member: not read"
    if problem is None and is_archive(name):
        problem = "archive inside an archive: not read (unpack it first)"
    if problem is not None:
        return Member(label=name, name=PurePosixPath(name).name, problem=problem)
    try:
        with archive.open(info) as fh:
            data = budget.take(fh, what="file inside .zip")
    except InputError as exc:
        return Member(label=name, name=PurePosixPath(name).name, problem=exc.reason)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, zlib.error) as exc:
        return Member(label=name, name=PurePosixPath(name).name, problem=f"cannot read member: {exc}")
    return Member(label=name, name=PurePosixPath(name).name, data=data)


def _warc_member(n: int, record, budget: Budget) -> Member | None:
    if record.rec_type not in WARC_RECORD_TYPES:
        return None
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media, charset = _media_type(content_type)
    suffix = WARC_MEDIA.get(media)
    if suffix is None:
        return None
    label, name = f"record {n}", f"record-{n}{suffix}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    date = _warc_date(record.rec_headers.get_header("WARC-Date"))
    try:
        data = budget.take(record.content_stream(), what="WARC record")
    except InputError as exc:
        return Member(label=label, name=name, problem=exc.reason, url=url)
    return Member(label=label, name=name, data=data, url=url, date=date, charset=charset)


def _media_type(content_type: str) -> tuple[str, str | None]:
    """'text/html; charset=windows-1256' -> ('text/html', 'windows-1256')."""
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        date = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return date.replace(tzinfo=UTC) if date.tzinfo is None else date.astimezone(UTC)


def _unsafe_name(name: str) -> str | None:
    """Why a member name is refused: it is absolute, climbs with '..', or holds control characters."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return f"unsafe path in archive: {name!r} is absolute; not read"
    if ".." in normal.split("/"):
        return f"unsafe path in archive: {name!r} climbs out with '..'; not read"
    if any(ord(ch) < 32 for ch in name):
        return f"unsafe path in archive: {name!r} has control characters; not read"
    return None


def _hidden(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return any(part.startswith(".") and part not in (".", "..") for part in parts) or parts[0] == "__MACOSX"


def size_text(size: int) -> str:
    """A cap as people write it: 20 MB, 64 KB, 400 B."""
    for unit, name in ((2**30, "GB"), (2**20, "MB"), (2**10, "KB")):
        if size >= unit:
            return f"{size / unit:.3g} {name}"
    return f"{size} B"
