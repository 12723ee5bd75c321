"""Prefect's temporary API server, started by the command line before the flows import.

With no API URL configured, Prefect starts this same server (uvicorn serving
`prefect.server.api.server:create_app`, ephemeral: no UI, only the ephemeral services) at a
flow's first API call, and the run waits for it: about 1.7 s importing the server's modules,
then about 3.6 s for the server to answer. Started at the command's first steps instead, it
boots on the other core while the flows and Great Expectations import. Prefect then talks to
it as to any server at PREFECT_API_URL; the one difference is that flows run without
heartbeats (`TemporaryServer.running`), which only a server that outlives the run would read.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

SERVER_APP = "prefect.server.api.server:create_app"
# As Prefect sets them for its own temporary server (SubprocessASGIServer).
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
POLL_SECONDS = 0.05
STOP_SECONDS = 5.0  # for the server to end after SIGTERM, before it is killed


class TemporaryServer:
    """A Prefect API server process this command started, stopped when the command exits."""

    def __init__(self, process: subprocess.Popen, port: int, timeout: float):
        self.process, self.port, self.timeout = process, port, timeout

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @classmethod
    def start(cls) -> TemporaryServer | None:
        """Start the server and point Prefect at it; None when Prefect has an API URL already or
        may not start a temporary server (then Prefect does what it is configured to)."""
        from prefect.context import refresh_global_settings_context
        from prefect.settings import get_current_settings

        settings = get_current_settings()
        if settings.api.url or not settings.server.ephemeral.enabled:
            return None
        port = _free_port()
        command = [sys.executable, "-m", "uvicorn", "--factory", SERVER_APP, "--host", "127.0.0.1"]
        command += ["--port", str(port), "--log-level", "error", "--lifespan", "on"]
        env = {**os.environ, **SERVER_ENV, **settings.to_environment_variables(exclude_unset=True)}
        server = cls(subprocess.Popen(command, env=env), port, settings.server.ephemeral.startup_timeout_seconds)
        atexit.register(server.stop)  # registered before Prefect's own handlers, so it runs after them
        os.environ["PREFECT_API_URL"] = server.api_url  # for this process and every one it starts
        refresh_global_settings_context()
        return server

    def wait(self) -> None:
        """Return once the server answers; a one-line RuntimeError if it ends or is too slow."""
        deadline = time.monotonic() + self.timeout
        while not _healthy(f"{self.api_url}/health"):
            if self.process.poll() is not None:
                raise RuntimeError(f"Prefect's temporary server ended with exit code {self.process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Prefect's temporary server did not answer within {self.timeout:g} s")
            time.sleep(POLL_SECONDS)

    def running(self, flow: Callable[..., Any]) -> Callable[..., Any]:
        """`flow`, to be called with no flow-run heartbeats. They tell a lasting server that a run is
        still alive, and this server ends with the run; Prefect's heartbeat thread also sleeps in
        whole seconds, and the end of a run waits for it (0-1 s, half a second on average)."""
        from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        def call(*args: Any, **kwargs: Any) -> Any:
            with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
                return flow(*args, **kwargs)

        return call

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy


def _healthy(url: str) -> bool:
    try:
        with _DIRECT.open(url, timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
