"""`eventlake bench`: throughput, stage times, orchestration share and peak RSS on a generated corpus.

The benchmark code lives in the source checkout's bench/ (it is tooling, not the library), so
this command imports it lazily and only works from a checkout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer

REPO = Path(__file__).resolve().parent.parent


def bench_command(
    articles: Annotated[int, typer.Option("--articles", "-n", min=1, help="Articles in the generated corpus.")] = 1000,
    workdir: Annotated[
        Path | None,
        typer.Option(help="Corpus, lake and logs go here; the corpus stays for reuse. Default: a temp dir."),
    ] = None,
    keep: Annotated[bool, typer.Option("--keep", help="Keep the lake, Parquet and logs (and a temp workdir).")] = False,
    phases: Annotated[
        str, typer.Option(help="Comma-separated phases, run in this order: floor, extract, flow, rerun, profile.")
    ] = "floor,extract,flow,rerun",
    seed: Annotated[int, typer.Option(help="Corpus seed: the same seed and size give the same corpus.")] = 0,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Passed to `eventlake run --batch-size` (default: its own).")
    ] = None,
    report: Annotated[Path | None, typer.Option(help="Also write every measurement as JSON to this file.")] = None,
) -> None:
    """Generate N articles, then time the I/O floor, extraction alone, `eventlake run` and its rerun."""
    run = _bench_module()
    try:
        chosen = run.parse_phases(phases)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--phases") from exc
    try:
        result = run.run_bench(
            articles, workdir=workdir, phases=chosen, seed=seed, keep=keep, batch_size=batch_size, echo=typer.echo
        )
    except run.BenchError as exc:
        typer.echo(f"eventlake bench failed: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo("")
    typer.echo(run.format_report(result))
    if report is not None:
        report.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")


def _bench_module() -> ModuleType:
    """bench.run, from the checkout this eventlake was installed from (bench/ is not installed)."""
    if not (REPO / "bench" / "run.py").is_file():
        typer.echo(f"eventlake bench needs the source checkout: no bench/run.py under {REPO}", err=True)
        raise typer.Exit(2)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import bench.run

    return bench.run
