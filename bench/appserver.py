"""The dashboard started with ``streamlit run`` for a browser to drive: the map benchmark and
the browser tests start it the same way."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


class NotStarted(RuntimeError):
    """The app did not answer its health check in time."""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_app(script: str | Path, build: Path, cwd: Path, log: Path,
                  options: Sequence[str] = (), wait: float = 60.0) -> Iterator[str]:
    """``streamlit run script`` on a build folder (``PLACELINE_BUILD``), on a free local port,
    its output appended to ``log``; yields its URL once it answers its health check, and stops
    it (and what it started) afterwards. ``NotStarted`` if it does not answer within ``wait``."""
    port = free_port()
    env = {**os.environ, "PLACELINE_BUILD": str(build)}
    with open(log, "a") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
             "--server.headless", "true", "--server.address", "127.0.0.1", *options],
            cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}/"
        try:
            end = time.monotonic() + wait
            while True:
                try:
                    if urllib.request.urlopen(url + "_stcore/health", timeout=1).read() == b"ok":
                        break
                except OSError:
                    if time.monotonic() > end or proc.poll() is not None:
                        raise NotStarted(f"streamlit did not start; see {log}") from None
                    time.sleep(0.25)
            yield url
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
