"""The lake's lock: one run writes a lake at a time; a second waits or refuses, naming the holder.

The lock is an flock(2) on LAKE/.eventlake.lock, so the kernel releases it when its holder dies,
even by kill -9: a stale lock needs no clean-up. The file's content (pid, host, command, start
time) only says who holds it, for the message a second run prints; a new holder overwrites it.
Private to eventlake.write, which re-exports it.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from eventlake.errors import EventlakeError

LOCK_NAME = ".eventlake.lock"  # hidden: readers of the lake's tables never see it
POLL_SECONDS = 0.2


@dataclass(frozen=True)
class LockHolder:
    """Who holds a lake's lock, as its holder wrote it."""

    pid: int | None
    host: str | None
    command: str | None
    since: str | None

    def describe(self) -> str:
        who = f"pid {self.pid}" if self.pid else "another process"
        if self.host and self.host != socket.gethostname():
            who += f" on {self.host}"
        what = f" ({self.command})" if self.command else ""
        when = f" since {self.since}" if self.since else ""
        return f"{who}{what}{when}"


class LakeBusyError(EventlakeError):
    """Another run holds the lake's lock: wait for it, or run again later."""

    def __init__(self, lake: Path, holder: LockHolder | None, *, waited: float):
        self.lake = lake
        self.holder = holder
        self.waited = waited
        who = holder.describe() if holder else "another process"
        after = f" after waiting {waited:g} s" if waited else ""
        super().__init__(f"lake {lake} is in use by {who}{after}; wait for that run to finish, or give --wait SECONDS")


@contextmanager
def lock_lake(lake: Path, *, wait: float = 0.0, command: str = "eventlake") -> Iterator[LockHolder]:
    """Hold the lake's lock for the `with` block; wait up to `wait` seconds for another holder.

    Raises:
        LakeBusyError: another process still holds the lock after `wait` seconds.
    """
    lake.mkdir(parents=True, exist_ok=True)
    path = lake / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by child processes
    try:
        _acquire(fd, lake, wait)
        holder = LockHolder(os.getpid(), socket.gethostname(), command, datetime.now(UTC).isoformat(timespec="seconds"))
        _write_holder(fd, holder)
        try:
            yield holder
        finally:
            os.ftruncate(fd, 0)  # a lock file with no holder in it: nobody is writing
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def lake_lock_holder(lake: Path) -> LockHolder | None:
    """Who holds the lake's lock now; None when nobody does (a killed run's stale entry included)."""
    path = lake / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # no lock file, or no lake directory: nobody holds it (taking it will say what is wrong)
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _read_holder(path) or LockHolder(None, None, None, None)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _acquire(fd: int, lake: Path, wait: float) -> None:
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LakeBusyError(lake, _read_holder(lake / LOCK_NAME), waited=wait) from None
            time.sleep(POLL_SECONDS)


def _write_holder(fd: int, holder: LockHolder) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(holder.__dict__).encode("utf-8") + b"\n")
    os.fsync(fd)


def _read_holder(path: Path) -> LockHolder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    return LockHolder(
        pid if isinstance(pid, int) else None,
        str(data["host"]) if data.get("host") else None,
        str(data["command"]) if data.get("command") else None,
        str(data["since"]) if data.get("since") else None,
    )
