"""Helpers for browser tests: start the app on a free port and drive Debian's Chromium."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
SCREENSHOT_DIR = os.environ.get("WIJKBEELD_SCREENSHOTS")


def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ForkedServer:
    """A server forked by ``tests/server_zygote.py``: stopped like a ``subprocess.Popen`` (the zygote reaps it)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def _alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def terminate(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def wait(self, timeout: float) -> None:
        deadline = time.time() + timeout
        while self._alive():
            if time.time() > deadline:
                raise subprocess.TimeoutExpired(f"server {self.pid}", timeout)
            time.sleep(0.05)


class _Zygote:
    """``tests/server_zygote.py``, started once per test process: it forks the fresh servers."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "server_zygote.py")], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the server zygote did not start")

    def fork(self, data_dir: Path) -> tuple[ForkedServer, str]:
        port = free_port()
        self.proc.stdin.write(json.dumps({"port": port, "data_dir": str(data_dir), "log": str(data_dir / "server.log")}) + "\n")
        self.proc.stdin.flush()
        server, url = ForkedServer(int(self.proc.stdout.readline())), f"http://127.0.0.1:{port}"
        SERVER_PIDS[url] = server.pid
        return server, url

    def close(self) -> None:
        self.proc.stdin.close()
        stop(self.proc)


_ZYGOTE: _Zygote | None = None
SERVER_PIDS: dict[str, int] = {}
"""Process id of each forked server by its base URL (the benchmarks measure its memory and CPU)."""


def _zygote() -> _Zygote:
    global _ZYGOTE
    if _ZYGOTE is None or _ZYGOTE.proc.poll() is not None:
        _ZYGOTE = _Zygote()
        atexit.register(_ZYGOTE.close)
    return _ZYGOTE


@contextlib.contextmanager
def launch_many(data_dirs: list[Path]):
    """Fresh servers, one per data folder, forked from a process that imported Streamlit and the app once
    (``tests/server_zygote.py``); yields ``[(server, url)]``. Each has seen no request yet."""
    servers = []
    try:
        for data_dir in data_dirs:
            servers.append(_zygote().fork(data_dir))
        yield servers
    finally:
        stop(*(server for server, _url in servers))


def wait_healthy(url: str, data_dir: Path, timeout: float = 60) -> None:
    """Wait until the server answers its health check."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("Streamlit did not start: " + (data_dir / "server.log").read_text())


def stop(*procs: subprocess.Popen) -> None:
    """Stop servers: all are told at once, then each is waited for (killed after 10 s)."""
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def app_server(data_dir: Path):
    """A fresh ``streamlit run streamlit_app.py`` on a free port with its own data folder (forked, see
    ``launch_many``); yield the base URL."""
    proc, url = _zygote().fork(data_dir)
    try:
        wait_healthy(url, data_dir, 40)
        yield url
    finally:
        stop(proc)


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until the Streamlit script has finished running."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


def shot(page, name: str) -> None:
    """Save a full-page screenshot when WIJKBEELD_SCREENSHOTS names a folder."""
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOT_DIR) / f"{name}.png"), full_page=True)


def seed_project_with_areas(data_dir: Path, name: str = "Testproject"):
    """A project with only the Gorinchem areas in ``data_dir``, lighter than the full sample; it is the project
    that opens. Returns ``(store, project)``."""
    from conftest import project_with_areas
    from lib.core.store import Store

    store = Store(data_dir / "wijkbeeld.sqlite")
    return store, project_with_areas(store, name)
