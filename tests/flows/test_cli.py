"""The command line's exit codes and messages: one line, no traceback, a code that says what happened."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventlake.cli import EXIT_ALL_REJECTED, EXIT_LAKE_BUSY, app
from eventlake.write import lock_lake

EVENTLAKE = Path(sys.executable).parent / "eventlake"  # the installed command, as a user runs it


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def garbage_inputs(root: Path) -> Path:
    inputs = root / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "garbage.txt").write_bytes(random.Random(3).randbytes(2000))
    return inputs


def said(result) -> str:
    """The output as one line of words (usage errors come wrapped in a box)."""
    return " ".join(result.output.replace("│", " ").split())


def test_run_without_inputs_is_a_usage_error():
    result = invoke("run")
    assert (result.exit_code, "give files or directories, --feed URL or --urls FILE" in said(result)) == (2, True)


def test_bad_allow_network_is_a_usage_error_naming_it(tmp_path):
    result = invoke("run", str(tmp_path), "--allow-network", "intranet")
    assert (result.exit_code, "'intranet' is not an IP address or network" in said(result)) == (2, True)


def test_run_on_a_locked_lake_refuses_naming_the_holder(tmp_path):
    (tmp_path / "in").mkdir()
    with lock_lake(tmp_path / "lake", command="eventlake run, earlier"):
        result = invoke("run", str(tmp_path / "in"), "--lake", str(tmp_path / "lake"))
    assert (result.exit_code, "is in use by pid" in result.output, "(eventlake run, earlier)" in result.output) == (
        EXIT_LAKE_BUSY,
        True,
        True,
    )


def test_run_where_everything_is_rejected_says_so_and_fails(tmp_path):
    result = invoke("run", str(garbage_inputs(tmp_path)), "--lake", str(tmp_path / "lake"))
    assert (result.exit_code, "No article could be used: every input was rejected" in result.output) == (
        EXIT_ALL_REJECTED,
        True,
    )


def test_bad_input_prints_no_traceback(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "broken.jsonl").write_text('{"text": "x"\n{"id": \n')
    result = invoke("run", str(inputs), "--lake", str(tmp_path / "lake"))
    assert "Traceback" not in result.output


def test_empty_input_directory_is_not_a_failure(tmp_path):
    (tmp_path / "in").mkdir()
    result = invoke("run", str(tmp_path / "in"), "--lake", str(tmp_path / "lake"))
    assert (result.exit_code, "Nothing new" in result.output) == (0, True)


def test_reprocess_without_a_raw_store_says_so(tmp_path):
    result = invoke("reprocess", "--lake", str(tmp_path))
    assert (result.exit_code, "has no raw store" in result.output) == (1, True)


def test_the_command_exits_with_its_code_its_message_and_no_process_left(tmp_path):
    # The command skips the interpreter's teardown: its exit code, its last words and Prefect's
    # server stopping (the exit handlers) must survive that.
    command = [str(EVENTLAKE), "run", str(garbage_inputs(tmp_path)), "--lake", str(tmp_path / "lake")]
    with open(tmp_path / "out", "w+") as out:  # a file, not a pipe a leftover process would hold open
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        process.wait(timeout=600)
        out.seek(0)
        said = out.read()
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # nothing of its process group, Prefect's server included, is left
    assert (process.returncode, "No article could be used" in said, "Traceback" in said) == (
        EXIT_ALL_REJECTED,
        True,
        False,
    )


def test_no_server_is_started_when_prefect_has_an_api_already():
    from flows.server import TemporaryServer

    assert TemporaryServer.start() is None  # these tests' session harness set one


def test_a_run_starts_prefects_server_itself_and_leaves_no_process(tmp_path):
    """With no Prefect API configured, the command starts Prefect's temporary server while it
    imports (flows/server.py): the flow run is stored in that server's database, completed, with
    its events but no heartbeat (nothing outlives the run to read one), and the server ends with
    the command."""
    samples = Path(__file__).resolve().parents[2] / "data" / "samples"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "home")
    command = [str(EVENTLAKE), "run", str(samples), "--lake", str(tmp_path / "lake")]
    with open(tmp_path / "out", "w+") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=env)
        process.wait(timeout=600)
        out.seek(0)
        said = out.read()
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)
    assert (process.returncode, "events:" in said, "Traceback" in said) == (0, True, False), said
    with sqlite3.connect(tmp_path / "home" / "prefect.db") as db:
        runs = db.execute("select name, state_type from flow_run").fetchall()
        events = {name for (name,) in db.execute("select event from events where event like 'prefect.flow-run.%'")}
    assert [state for _, state in runs] == ["COMPLETED"]
    assert "prefect.flow-run.Completed" in events and "prefect.flow-run.heartbeat" not in events, events


def test_the_command_exits_with_a_usage_errors_code():
    process = subprocess.run([str(EVENTLAKE), "run"], capture_output=True, text=True, timeout=120)
    assert (process.returncode, "give files or directories" in process.stderr) == (2, True)
