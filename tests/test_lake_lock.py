"""Tests for the lake's lock (eventlake._lake_lock, re-exported by eventlake.write)."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from eventlake.write import LakeBusyError, lake_lock_holder, lock_lake

LOCK = ".eventlake.lock"


def test_lock_file_names_the_holder_while_held(tmp_path):
    with lock_lake(tmp_path, command="eventlake run test"):
        holder = lake_lock_holder(tmp_path)
    assert (holder.pid, holder.command) == (os.getpid(), "eventlake run test")


def test_nobody_holds_the_lock_after_the_block(tmp_path):
    with lock_lake(tmp_path):
        pass
    assert lake_lock_holder(tmp_path) is None


def test_second_holder_is_refused_naming_the_lake_and_the_first_pid(tmp_path):
    with lock_lake(tmp_path, command="first"), pytest.raises(LakeBusyError) as caught, lock_lake(tmp_path):
        pass
    assert f"lake {tmp_path} is in use by pid {os.getpid()} (first)" in str(caught.value)


def test_second_holder_waits_for_the_first_to_finish(tmp_path):
    held, finished = threading.Event(), threading.Event()

    def hold() -> None:
        with lock_lake(tmp_path):
            held.set()
            time.sleep(0.5)
            finished.set()  # still inside the lock

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    with lock_lake(tmp_path, wait=10):
        got_it_after_the_first_finished = finished.is_set()
    thread.join()
    assert got_it_after_the_first_finished


def test_waiting_gives_up_after_the_wait(tmp_path):
    with lock_lake(tmp_path), pytest.raises(LakeBusyError, match="after waiting 0.3 s"), lock_lake(tmp_path, wait=0.3):
        pass


def test_stale_entry_of_a_dead_process_does_not_block(tmp_path):
    (tmp_path / LOCK).write_text(json.dumps({"pid": 999_999_999, "host": "h", "command": "killed", "since": "x"}))
    with lock_lake(tmp_path, command="next"):
        holder = lake_lock_holder(tmp_path)
    assert (holder.pid, holder.command) == (os.getpid(), "next")


def test_stale_entry_is_not_reported_as_a_holder(tmp_path):
    (tmp_path / LOCK).write_text(json.dumps({"pid": 999_999_999, "command": "killed"}))
    assert lake_lock_holder(tmp_path) is None


def test_lock_creates_a_missing_lake_directory(tmp_path):
    with lock_lake(tmp_path / "new" / "lake"):
        pass
    assert (tmp_path / "new" / "lake").is_dir()
