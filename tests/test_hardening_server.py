"""Server defaults and offline (issue 11, items 2 and 3): loopback only, allowed hosts, and nothing leaves the
machine: neither the browser (every request logged) nor the server process (every socket call logged)."""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from browser import ROOT, free_port, seed_project_with_areas, wait_idle

pytestmark = pytest.mark.browser

# Logs every socket call of the server process that could leave the machine (loaded through PYTHONPATH).
SITECUSTOMIZE = r'''
import os, socket
_LOG = os.environ["WIJKBEELD_NET_LOG"]
_LOCAL = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "::", "", None}

def _note(kind, target):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{kind} {target}\n")

def _local_ip(host):
    return host in _LOCAL or str(host).startswith("127.")

_getaddrinfo = socket.getaddrinfo
def getaddrinfo(host, *args, **kwargs):
    if not _local_ip(host.decode() if isinstance(host, bytes) else host):
        _note("getaddrinfo", host)
    return _getaddrinfo(host, *args, **kwargs)
socket.getaddrinfo = getaddrinfo

_connect = socket.socket.connect
def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _local_ip(address[0]):
        _note("connect", address)
    return _connect(self, address)
socket.socket.connect = connect

_connect_ex = socket.socket.connect_ex
def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _local_ip(address[0]):
        _note("connect_ex", address)
    return _connect_ex(self, address)
socket.socket.connect_ex = connect_ex
'''


@contextlib.contextmanager
def server(tmp_path: Path, app_dir: Path = ROOT):
    """``streamlit run`` with the config files of ``app_dir`` (no address flag: the config decides) and the
    socket logger; yields ``(port, log_path)``."""
    port = free_port()
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    net_log = tmp_path / "net.log"
    net_log.write_text("", encoding="utf-8")
    env = dict(
        os.environ,
        WIJKBEELD_DATA_DIR=str(tmp_path / "data"),
        WIJKBEELD_NET_LOG=str(net_log),
        PYTHONPATH=os.pathsep.join([str(hook), str(ROOT)]),
    )
    env.pop("STREAMLIT_SERVER_ADDRESS", None)
    log = open(tmp_path / "server.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app_dir / "streamlit_app.py"), "--server.headless", "true",
         "--server.port", str(port)],
        cwd=app_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.time() + 40
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("Streamlit did not start: " + (tmp_path / "server.log").read_text())
        yield port, net_log
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def websocket_status(port: int, host: str, origin: str | None) -> int:
    """HTTP status of a WebSocket handshake on Streamlit's data stream (101 = accepted)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {
        "Host": host,
        "Upgrade": "websocket",
        "Connection": "Upgrade",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Protocol": "streamlit",
    }
    if origin:
        headers["Origin"] = origin
    conn.request("GET", "/_stcore/stream", headers=headers)
    status = conn.getresponse().status
    conn.close()
    return status


def test_desktop_config_listens_on_loopback_with_allowed_hosts():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert set(config["server"]["allowedHosts"]) == {"localhost", "127.0.0.1"}
    assert config["server"]["enableXsrfProtection"] and config["server"]["enableCORS"]
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False


def test_server_profile_sets_hosts_origins_xsrf_upload_limit_and_hides_errors():
    config = tomllib.loads((ROOT / ".streamlit" / "server.toml").read_text(encoding="utf-8"))
    server_cfg = config["server"]
    assert server_cfg["allowedHosts"] and "*" not in server_cfg["allowedHosts"]
    assert server_cfg["enableCORS"] and server_cfg["corsAllowedOrigins"]
    assert server_cfg["enableXsrfProtection"] and server_cfg["maxUploadSize"] == 50
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["serverAddress"]  # no external-IP lookup for the start-up banner
    secrets = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
    assert {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"} <= set(secrets["auth"])


def test_nothing_leaves_the_machine_with_default_settings(browser, tmp_path):
    """Every browser request goes to the app itself, on every page with a map; the server opens no outside
    connection at start-up, for its pages, or when a page of another origin tries its WebSocket."""
    seed_project_with_areas(tmp_path / "data", "Kaarten")  # a light project: the maps need the areas, not the surveys
    with server(tmp_path) as (port, net_log):
        base = f"http://localhost:{port}"
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests: list[str] = []
        page.on("request", lambda req: requests.append(req.url))
        page.goto(base + "/", timeout=60_000)
        wait_idle(page, 60_000)
        page.goto(base + "/Gebieden", timeout=60_000)
        wait_idle(page, 60_000)
        page.get_by_role("tab", name="Kaart").click()
        page.wait_for_selector("[data-testid='stVegaLiteChart'] g.mark-shape path", timeout=30_000)
        page.wait_for_timeout(2000)
        page.goto(base + "/Vergelijken", timeout=60_000)
        wait_idle(page, 60_000)
        page.wait_for_selector("[data-testid='stVegaLiteChart'] g.mark-shape path", timeout=30_000)
        page.wait_for_timeout(2000)
        page.close()
        outside = [u for u in requests if not u.startswith((f"http://localhost:{port}/", f"ws://localhost:{port}/", "data:", "blob:"))]
        assert len(requests) > 20
        assert outside == [], outside
        # a page of another origin (cross-site WebSocket) and a rebinding host are refused, and cost no lookup
        assert websocket_status(port, f"localhost:{port}", "http://evil.example") == 403
        assert websocket_status(port, "evil.example", "http://evil.example") == 403
        assert websocket_status(port, f"localhost:{port}", f"http://localhost:{port}") == 101
        time.sleep(1)
        assert net_log.read_text(encoding="utf-8") == ""


def test_server_profile_refuses_a_foreign_host(tmp_path):
    """DNS rebinding: with the server profile a WebSocket with ``Host: evil.example`` is refused (it streamed
    respondents' answers before); the configured host with its own origin is accepted."""
    app = tmp_path / "app"
    (app / ".streamlit").mkdir(parents=True)
    for name in ("streamlit_app.py", "ui.py"):
        shutil.copy(ROOT / name, app / name)
    for name in ("pages", "lib", "sample_data"):
        (app / name).symlink_to(ROOT / name)
    profile = (ROOT / ".streamlit" / "server.toml").read_text(encoding="utf-8")
    (app / ".streamlit" / "config.toml").write_text(profile, encoding="utf-8")
    host = tomllib.loads(profile)["server"]["allowedHosts"][0]
    with server(tmp_path, app) as (port, net_log):
        assert websocket_status(port, "evil.example", "http://evil.example") == 403
        assert websocket_status(port, f"evil.example:{port}", None) == 403
        assert websocket_status(port, host, f"https://{host}") == 101
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/host-config", timeout=5) as r:
            json.loads(r.read())  # the server answers: the refusals above are the host check, not a dead server
        assert net_log.read_text(encoding="utf-8") == ""
