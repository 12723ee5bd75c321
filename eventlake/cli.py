"""The `eventlake` command line: the project's face. Commands import Prefect flows lazily,
so `eventlake --help` is instant and importing eventlake never imports Prefect."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Turn Arabic news articles into ACLED-style conflict events in a Parquet lake.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

LakeOption = Annotated[Path, typer.Option("--lake", help="Lake directory (created if missing).")]


@app.callback()
def main() -> None:
    """eventlake: Arabic news -> conflict events, with the sentence each came from."""


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Files or directories: .txt .json .jsonl .html (recursively).")],
    lake: LakeOption = Path("data/lake"),
    published_at: Annotated[
        str | None,
        typer.Option(help="ISO 8601 date for .txt articles with no sidecar NAME.json (else the file's mtime)."),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch.")] = 2000,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs.")] = False,
) -> None:
    """Run the pipeline on INPUTS and add their articles and events to the lake."""
    when = _parse_when(published_at)
    from flows.settings import apply_prefect_defaults

    apply_prefect_defaults(quiet=not verbose)
    from flows.pipeline import run_pipeline

    start = time.perf_counter()
    state = run_pipeline(
        [str(p) for p in inputs], lake=str(lake), published_at=when, batch_size=batch_size, return_state=True
    )
    if not state.is_completed():
        error = state.result(raise_on_failure=False)
        typer.echo(f"eventlake run failed: {error}", err=True)
        typer.echo("Run again with --verbose for Prefect's logs.", err=True)
        raise typer.Exit(1)
    manifest = state.result()
    typer.echo(_summary(manifest, time.perf_counter() - start))
    if manifest["counts"].get("read", 0) == 0 and manifest["counts"].get("known", 0) == 0:
        typer.echo("No article could be read: every input was rejected (see the rejects table).", err=True)
        raise typer.Exit(1)


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


def _summary(manifest: dict, wall: float) -> str:
    c = manifest["counts"]
    lake = manifest["lake"]
    lines = [
        f"articles: {c.get('read', 0)} read, {c.get('cleaned', 0)} kept, {c.get('rejected', 0)} rejected"
        f" ({c.get('duplicates', 0)} duplicates, {c.get('known', 0)} already in the lake)",
        f"events:   {c.get('events_written', 0)} written, {c.get('events_quarantined', 0)} quarantined"
        f" ({c.get('articles_quarantined', 0)} articles quarantined)",
        f"lake:     {lake}",
        f"report:   {manifest.get('docs_index') or 'none'}",
        f"manifest: {Path(lake) / 'runs' / (manifest['run_id'] + '.json')}",
        f"wall:     {wall:.1f} s",
    ]
    return "\n".join(lines)


def _register_commands() -> None:
    """Commands that live in their own modules (each imports its heavy parts lazily)."""
    from eventlake.cli_eval import eval_command

    app.command("eval")(eval_command)


_register_commands()

if __name__ == "__main__":
    app()
