"""Prefect settings that keep an offline run quiet and fast; applied before Prefect is imported.

Each is a default (os.environ.setdefault): a user's own environment still wins.
"""

from __future__ import annotations

import os

PREFECT_DEFAULTS = {
    # No analytics: the SDK's and the server's telemetry heartbeat (which, offline, dies with a
    # "database is locked" traceback at shutdown).
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The task-run recorder writes every task event to SQLite one at a time; off, flow runs stay
    # fast and shutdown prints no flush errors (task runs are then not stored, flow runs are).
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    # A first start on a fresh database migrates it, which takes ~10 s on 2 cores.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # Tasks receive whole Arrow tables: hashing them for a cache key costs more than the work.
    "PREFECT_TASKS_DEFAULT_NO_CACHE": "true",
    "PREFECT_LOGGING_COLORS": "false",
    # Dask's distributed logs are INFO walls; warnings still show.
    "DASK_LOGGING__DISTRIBUTED": "warning",
}


def apply_prefect_defaults(*, quiet: bool = False) -> None:
    """Set the project's Prefect defaults; `quiet` also hides Prefect's INFO lines."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if quiet:
        # The command line reports failures itself, in one line; Prefect's own run loggers
        # would print the same error again with a traceback.
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "ERROR")
        os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "CRITICAL")
        os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "CRITICAL")
