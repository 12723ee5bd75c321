"""`python -m bench ...`: the same command as `eventlake bench`, from a checkout."""

import typer

from eventlake.cli_bench import bench_command

if __name__ == "__main__":
    typer.run(bench_command)
