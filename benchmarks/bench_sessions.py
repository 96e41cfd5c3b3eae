"""Many colleagues on one server: N browser sessions open Overzicht, Wijkprofiel and Wijken vergelijken on the sample.

Prints, per page, the median and maximum time from navigation until the script has finished, the errors seen, and the
server's memory (resident set) before and after, per session. Baseline in the same run: one session alone, warm.
A bounded run: N sessions (default 20) in one Chromium, each three pages, every wait capped.

    python benchmarks/bench_sessions.py [--sessions 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, app_server  # noqa: E402

PAGES = [("", "Overzicht"), ("Wijkprofiel", "Wijkprofiel"), ("Vergelijken", "Wijken vergelijken")]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children in MB (Linux /proc)."""
    total = 0
    pids = [pid]
    try:
        for child in Path(f"/proc/{pid}/task").iterdir():
            kids = (child / "children").read_text().split()
            pids += [int(k) for k in kids]
    except OSError:
        pass
    for p in set(pids):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def server_pid(port: str) -> int | None:
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if "streamlit run" in cmd and f"--server.port {port}" in cmd:
                return int(proc.name)
    return None


def open_pages(context, url: str, times: dict, errors: list, timeout_ms: int) -> None:
    page = context.new_page()
    try:
        for path, title in PAGES:
            start = time.perf_counter()
            try:
                page.goto(f"{url}/{path}", timeout=timeout_ms)
                page.get_by_role("heading", name=title).first.wait_for(timeout=timeout_ms)
                page.wait_for_selector(IDLE, timeout=timeout_ms)
                if page.locator("[data-testid='stException']").count():
                    errors.append(f"{title}: exception on the page")
            except Exception as exc:  # noqa: BLE001 - counted, the run goes on
                errors.append(f"{title}: {type(exc).__name__}")
            times.setdefault(title, []).append(time.perf_counter() - start)
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page at most")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    data_dir = Path(tempfile.mkdtemp())
    with app_server(data_dir) as url, sync_playwright() as p:
        port = url.rsplit(":", 1)[1]
        pid = server_pid(port)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        timeout_ms = int(args.timeout * 1000)
        # warm-up and baseline: one session alone, then again warm
        warm_times: dict = {}
        for _ in range(2):
            warm_times = {}
            ctx = browser.new_context()
            open_pages(ctx, url, warm_times, [], timeout_ms)
            ctx.close()
        base_mem = rss_mb(pid) if pid else float("nan")
        # N sessions at once: each its own browser context (cookies, websocket), pages driven from threads
        contexts = [browser.new_context() for _ in range(args.sessions)]
        times: dict = {}
        errors: list = []
        # Playwright's sync API is not thread-safe: drive the sessions from one thread, starting every
        # navigation before waiting for any, so the server sees them at once.
        pages = [c.new_page() for c in contexts]
        start_all = time.perf_counter()
        for path, title in PAGES:
            starts = []
            for page in pages:
                starts.append(time.perf_counter())
                page.goto(f"{url}/{path}", wait_until="commit", timeout=timeout_ms)
            for page, started in zip(pages, starts):
                try:
                    page.get_by_role("heading", name=title).first.wait_for(timeout=timeout_ms)
                    page.wait_for_selector(IDLE, timeout=timeout_ms)
                    if page.locator("[data-testid='stException']").count():
                        errors.append(f"{title}: exception on the page")
                except Exception as exc:  # noqa: BLE001
                    errors.append(f"{title}: {type(exc).__name__}")
                times.setdefault(title, []).append(time.perf_counter() - started)
        total = time.perf_counter() - start_all
        peak_mem = rss_mb(pid) if pid else float("nan")
        for c in contexts:
            c.close()
        browser.close()
    print(f"{args.sessions} sessions x {len(PAGES)} pages, all navigations started together per page; wall {total:.1f} s")
    for _, title in PAGES:
        t = times.get(title, [])
        alone = warm_times.get(title, [float('nan')])[0]
        print(f"  {title:20s} alone warm {alone:5.2f} s | {args.sessions} sessions: median {statistics.median(t):5.2f} s, "
              f"max {max(t):5.2f} s, median/alone {statistics.median(t) / alone:4.1f}x")
    print(f"  errors: {len(errors)} {sorted(set(errors))[:5]}")
    print(f"  server memory: {base_mem:.0f} MB with one session, {peak_mem:.0f} MB with {args.sessions}; "
          f"{(peak_mem - base_mem) / max(1, args.sessions):.1f} MB per extra session")


if __name__ == "__main__":
    main()
