"""The `eventlake` command line: the project's face. Commands import Prefect flows lazily,
so `eventlake --help` is instant and importing eventlake never imports Prefect.

Exit codes: 0 the run finished (rejects are normal); 1 the run failed; 2 bad usage; 3 every
input was rejected; 4 the lake is in use by another run. No traceback is printed unless
--verbose is given.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

EXIT_FAILED = 1
EXIT_ALL_REJECTED = 3
EXIT_LAKE_BUSY = 4


class _App(typer.Typer):
    """The command line, which leaves the process without the interpreter's teardown.

    After a run, freeing the lexicon, Prefect and Great Expectations object by object takes
    about 1.5 s and saves nothing. The exit handlers still run (Prefect stops its server and
    sends its last logs), then the process ends with the command's exit code.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except SystemExit as done:
            _exit_now(done.code)


def _exit_now(code: object) -> None:
    """End the process as the interpreter would, less the freeing of every object."""
    if not isinstance(code, int | None):  # sys.exit("message"): print it, fail
        print(code, file=sys.stderr)
        code = EXIT_FAILED
    for thread in threading.enumerate():  # as the interpreter would: wait for non-daemon threads,
        if not thread.daemon and thread is not threading.current_thread():
            thread.join()
    atexit._run_exitfuncs()  # then run the exit handlers (logging's flush among them)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(code or 0)


app = _App(
    help="Turn Arabic news articles into ACLED-style conflict events in a Parquet lake.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

LakeOption = Annotated[Path, typer.Option("--lake", help="Lake directory (created if missing).")]
BatchOption = Annotated[int, typer.Option(min=1, help="Articles per batch.")]
WorkersOption = Annotated[
    int | None,
    typer.Option(min=1, help="Processes for the clean, segment and extract stages (default: one per CPU)."),
]
DEFAULT_BATCH_SIZE = 5000  # as flows.pipeline's; not imported from there, so --help stays instant
WaitOption = Annotated[
    float,
    typer.Option("--wait", min=0, help="Seconds to wait for another run holding the lake's lock (default: refuse)."),
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs and error details.")]


@app.callback()
def main() -> None:
    """eventlake: Arabic news -> conflict events, with the sentence each came from."""


@app.command()
def run(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories (recursively): .txt .json .jsonl .html .xml (RSS/Atom) .warc,"
            " and .gz/.zip of these."
        ),
    ] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="RSS or Atom feed URL; each item's page is fetched (repeatable)."),
    ] = None,
    urls: Annotated[
        list[Path] | None,
        typer.Option("--urls", help="File of article URLs, one a line; '#' starts a comment (repeatable)."),
    ] = None,
    allow_network: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-network",
            help="Private, loopback or link-local network that may be fetched from, e.g. 10.0.0.0/8 (repeatable).",
        ),
    ] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to connect, and between two reads.")] = 15.0,
    retries: Annotated[int, typer.Option(min=0, help="Attempts after the first on timeouts, 429 and 5xx.")] = 2,
    lake: LakeOption = Path("data/lake"),
    published_at: Annotated[
        str | None,
        typer.Option(help="ISO 8601 date for .txt articles with no sidecar NAME.json (else the file's mtime)."),
    ] = None,
    batch_size: BatchOption = DEFAULT_BATCH_SIZE,
    workers: WorkersOption = None,
    wait: WaitOption = 0.0,
    verbose: VerboseOption = False,
) -> None:
    """Run the pipeline on INPUTS, feeds and URL lists, and add their articles and events to the lake."""
    if not (inputs or feed or urls):
        raise typer.BadParameter("give files or directories, --feed URL or --urls FILE", param_hint="INPUTS")
    params = {
        "inputs": [str(p) for p in inputs or []],
        "lake": str(lake),
        "published_at": _parse_when(published_at),
        "batch_size": batch_size,
        "feeds": list(feed or []),
        "urls": [url for path in urls or [] for url in _read_urls(path)],
        "allow_networks": list(_parse_networks(allow_network or [])),
        "fetch_timeout": timeout,
        "fetch_retries": retries,
        "lock_wait": wait,
        "workers": workers,
    }
    checked = _up_to_date(params, lake=lake, wait=wait) if inputs and not (feed or urls) else None
    manifest, wall = checked or _run_flow("run_pipeline", params, lake=lake, wait=wait, verbose=verbose)
    typer.echo(_summary(manifest, wall))
    _exit_if_nothing_usable(manifest)


@app.command()
def reprocess(
    lake: LakeOption = Path("data/lake"),
    batch_size: BatchOption = DEFAULT_BATCH_SIZE,
    workers: WorkersOption = None,
    wait: WaitOption = 0.0,
    verbose: VerboseOption = False,
) -> None:
    """Read the lake's raw store (LAKE/raw/) again and replace each article's events with this version's."""
    if not (lake / "raw").is_dir():
        typer.echo(f"eventlake reprocess: {lake} has no raw store ({lake / 'raw'}); nothing to reprocess", err=True)
        raise typer.Exit(EXIT_FAILED)
    params = {"lake": str(lake), "batch_size": batch_size, "lock_wait": wait, "workers": workers}
    manifest, wall = _run_flow("reprocess_pipeline", params, lake=lake, wait=wait, verbose=verbose)
    typer.echo(_summary(manifest, wall))


def _run_flow(name: str, params: dict[str, Any], *, lake: Path, wait: float, verbose: bool) -> tuple[dict, float]:
    """Start a flow of flows/pipeline.py; any failure is one line (a traceback only with --verbose)."""
    from eventlake.write import LakeBusyError, lake_lock_holder

    if lake.exists() and not lake.is_dir():
        raise typer.BadParameter(f"{lake} is a file, not a lake directory", param_hint="--lake")
    holder = lake_lock_holder(lake) if wait == 0 else None
    if holder is not None:  # refuse before paying for Prefect's start; the flow's own lock decides
        _fail(str(LakeBusyError(lake, holder, waited=0)), EXIT_LAKE_BUSY)
    start = time.perf_counter()
    try:
        state = _flow(name, verbose)(**params, return_state=True)
        error = None if state.is_completed() else state.result(raise_on_failure=False)
    except Exception as exc:  # Prefect could not start, or the flow raised before it had a state
        error = exc
    if isinstance(error, LakeBusyError):
        _fail(str(error), EXIT_LAKE_BUSY)
    if error is not None:
        if verbose and isinstance(error, BaseException):
            traceback.print_exception(error)
        hint = "" if verbose else "\nRun again with --verbose for details."
        _fail(f"eventlake {name.split('_')[0]} failed: {error}{hint}", EXIT_FAILED)
    return state.result(), time.perf_counter() - start


def _up_to_date(params: dict[str, Any], *, lake: Path, wait: float) -> tuple[dict, float] | None:
    """When every input file is already wholly in the lake, record a run that read and added
    nothing, without starting Prefect (seconds) or importing Great Expectations; else None."""
    if not (lake / "raw").is_dir():
        return None
    from eventlake import report
    from eventlake.incremental import inputs_in_lake
    from eventlake.manifest import RunLog
    from eventlake.schema import EVENTS, empty
    from eventlake.write import LakeBusyError, lock_lake, write_manifest, write_report

    start = time.perf_counter()
    started = datetime.now(UTC)
    log = RunLog(f"check-{started:%Y%m%dT%H%M%S%f}", started, inputs=params["inputs"], lake=lake)
    try:
        with lock_lake(lake, wait=wait, command=f"eventlake run, up-to-date check {log.run_id}"):
            held = log.timed(
                "check", lambda: inputs_in_lake(params["inputs"], lake, published_at=params["published_at"])
            )
            if held is None:
                return None
            log.count(read=held[0], known=held[0], duplicates=held[1])
            manifest = log.manifest("not loaded (nothing to extract)")
            manifest["report"] = str(write_report(report.render_report(manifest, empty(EVENTS)), lake, log.run_id))
            write_manifest(manifest, lake)
    except LakeBusyError as exc:
        _fail(str(exc), EXIT_LAKE_BUSY)
    return manifest, time.perf_counter() - start


def _flow(name: str, verbose: bool) -> Callable[..., Any]:
    """The flow, once Prefect's API answers. Prefect's temporary server (when it needs one) boots
    on the other core while the flows and Great Expectations import and the lexicon loads
    (flows/server.py)."""
    from flows.settings import apply_prefect_defaults

    apply_prefect_defaults(quiet=not verbose)
    from flows.server import TemporaryServer

    server = TemporaryServer.start()
    import great_expectations  # noqa: F401  (2.5 s; else imported by the first batch's validation)

    from eventlake.lexicons import load_lexicon
    from flows import pipeline

    # An internal error in one article is a reject row (counted); its traceback only with --verbose.
    logging.getLogger("eventlake").setLevel(logging.DEBUG if verbose else logging.CRITICAL + 1)
    if server is None:
        return getattr(pipeline, name)
    load_lexicon()  # the flow's first step, done while the server boots: the flow's load finds it
    server.wait()
    return server.running(getattr(pipeline, name))


def _exit_if_nothing_usable(manifest: dict) -> None:
    c = manifest["counts"]
    usable = sum(c.get(k, 0) for k in ("articles_written", "known", "links_known", "not_modified"))
    turned_away = c.get("rejected", 0) + c.get("articles_quarantined", 0)
    if usable == 0 and turned_away:
        lake = manifest["lake"]
        _fail(
            "No article could be used: every input was rejected or quarantined"
            f" (see {lake}/rejects and {lake}/quarantine).",
            EXIT_ALL_REJECTED,
        )
    if usable == 0:
        typer.echo("Nothing new: no input held an article.", err=True)


def _fail(message: str, code: int) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _parse_when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(
            f"{value!r} is not an ISO 8601 date (e.g. 2024-03-07 or 2024-03-07T09:30+03:00)"
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _parse_networks(values: list[str]) -> tuple[str, ...]:
    from eventlake.fetch import parse_networks

    try:
        return parse_networks(values)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--allow-network") from exc


def _read_urls(path: Path) -> list[str]:
    from eventlake.errors import InputError
    from eventlake.ingest import read_url_list

    try:
        return read_url_list(path)
    except InputError as exc:
        raise typer.BadParameter(f"{path}: {exc}", param_hint="--urls") from exc


def _summary(manifest: dict, wall: float) -> str:
    c = manifest["counts"]
    lake = manifest["lake"]
    lines = [
        f"articles: {c.get('read', 0)} read, {c.get('cleaned', 0)} kept, {c.get('rejected', 0)} rejected"
        f" ({c.get('duplicates', 0)} duplicates, {c.get('known', 0)} already in the lake)",
        f"events:   {c.get('events_written', 0)} written, {c.get('events_quarantined', 0)} quarantined"
        f" ({c.get('articles_quarantined', 0)} articles quarantined)",
    ]
    if c.get("fetched") or c.get("not_modified") or c.get("links_known"):
        lines.append(
            f"fetched:  {c.get('fetched', 0)} URLs, {c.get('not_modified', 0)} not modified,"
            f" {c.get('links_known', 0)} links already in the lake"
        )
    if "reprocessed" in c:
        lines.append(f"reprocessed: {c['reprocessed']} articles from {lake}/raw")
    lines += [
        f"lake:     {lake}",
        f"report:   {manifest.get('report') or 'none'}",
        f"checks:   {manifest.get('docs_index') or 'none'}",
        f"manifest: {Path(lake) / 'runs' / (manifest['run_id'] + '.json')}",
        f"wall:     {wall:.1f} s",
    ]
    return "\n".join(lines)


def _register_commands() -> None:
    """Commands that live in their own modules (each imports its heavy parts lazily)."""
    from eventlake.cli_bench import bench_command
    from eventlake.cli_eval import eval_command

    app.command("eval")(eval_command)
    app.command("bench")(bench_command)


_register_commands()

if __name__ == "__main__":
    app()
