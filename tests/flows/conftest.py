"""Flow tests run the real Prefect engine against a throwaway embedded API and database."""

from __future__ import annotations

import logging

import pytest

from flows.settings import apply_prefect_defaults

apply_prefect_defaults(quiet=True)


@pytest.fixture(autouse=True, scope="session")
def prefect_api(tmp_path_factory):
    """One temporary Prefect API for the whole session (starting one costs ~10 s)."""
    import os

    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture(autouse=True)
def restore_eventlake_logger():
    """The command sets the eventlake logger's level for its process; give the test process its own back."""
    logger = logging.getLogger("eventlake")
    level = logger.level
    yield
    logger.setLevel(level)
