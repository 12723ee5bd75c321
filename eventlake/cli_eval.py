"""`eventlake eval`: score the lake's (or a fresh in-process run's) events against a gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    gold: Annotated[
        Path, typer.Argument(help="A gold split directory (articles/ and gold*.yaml), e.g. data/gold/dev.")
    ],
    lake: Annotated[
        Path | None,
        typer.Option(help="Score the events in this lake; without it the articles are extracted in-process."),
    ] = None,
    errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List every miss and false positive.")] = True,
) -> None:
    """Print precision, recall and F1 of events, and field accuracies on the matched events."""
    from eventlake.errors import EventlakeError

    try:
        text = _report(gold, lake, show_errors=errors)
    except EventlakeError as exc:  # a broken gold or lexicon file: say which, in one line
        typer.echo(f"eventlake eval failed: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(text)


def _report(gold: Path, lake: Path | None, *, show_errors: bool) -> str:
    from eventlake.evaluate import format_report, score
    from eventlake.gold import load_gold
    from eventlake.lexicons import load_boilerplate, load_lexicon

    gold_set = load_gold(gold)
    if lake is not None:
        from eventlake.write import read_lake_table

        predicted = read_lake_table(lake, "events").to_pylist()
    else:
        from eventlake.inprocess import run_in_process

        result = run_in_process([gold_set.inputs], lexicon=load_lexicon(), boilerplate=load_boilerplate())
        predicted = result.events.to_pylist()
    return format_report(score(gold_set, predicted), show_errors=show_errors)
