"""Many colleagues on one server: N browser sessions open Overzicht, Wijkprofiel and Wijken vergelijken on the sample.

Each session is its own browser context (cookies, websocket) in one Chromium. As staff work: a session opens the app
(a full page load), reads for a while, then goes to Wijkprofiel and to Wijken vergelijken through the sidebar. The
sessions start a few seconds apart (``--arrival``), so for most of the run all of them are open at once.
``--burst`` instead starts every navigation of every session at the same moment, each by a full page load: a stress
test, not a working day.

Printed: per page, the median and maximum time from navigation until the page's title is drawn and its script has
finished; the errors seen; the server's memory (resident set) with one session and with all of them, per session;
and the CPU time the server and the browser used, because on this machine they share two cores (at a gemeente every
colleague's browser runs on their own computer). Baseline in the same run: one session alone, warm.

    python benchmarks/bench_sessions.py [--sessions 20] [--arrival 2] [--think 5] [--burst]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS, SERVER_PIDS, app_server  # noqa: E402

PAGES = [("", "Overzicht", ""), ("Wijkprofiel", "Wijkprofiel", "Wijkprofiel"),
         ("Vergelijken", "Wijken vergelijken", "Wijken vergelijken")]
"""(URL path, page title, sidebar label)."""
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
TICK = os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children in MB (Linux /proc)."""
    total = 0
    for p in set(_tree(pid)):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds per process (Linux /proc)."""
    out = {}
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[p] = (int(fields[11]) + int(fields[12])) / TICK
    return out


def chromium_pids() -> list[int]:
    out = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if (proc / "comm").read_text().strip().startswith(("chromium", "chrome")):
                    out.append(int(proc.name))
            except OSError:
                continue
    return out


class CpuMeter:
    """CPU seconds used by the server and by the browser during a run; browser processes that end are counted
    with what they had used when last seen."""

    def __init__(self, server: int | None) -> None:
        self.server = server
        self.start_server = self._server_now()
        self.start_browser = cpu_seconds(chromium_pids())
        self.browser: dict[int, float] = {}

    def _server_now(self) -> float:
        return sum(cpu_seconds(_tree(self.server)).values()) if self.server else float("nan")

    def sample(self) -> None:
        self.browser.update(cpu_seconds(chromium_pids()))

    def result(self) -> tuple[float, float]:
        self.sample()
        browser = sum(v - self.start_browser.get(p, 0.0) for p, v in self.browser.items())
        return self._server_now() - self.start_server, browser


async def open_page(page, url: str, path: str, title: str, label: str, by_link: bool, timeout_ms: int) -> None:
    if by_link:
        await page.locator("[data-testid='stSidebar'] [data-testid='stPageLink'] a", has_text=label).first.click(
            timeout=timeout_ms)
    else:
        await page.goto(f"{url}/{path}", timeout=timeout_ms)
    await page.get_by_role("heading", name=title).first.wait_for(timeout=timeout_ms)
    await page.wait_for_selector(IDLE, timeout=timeout_ms)


async def session(browser, url: str, delay: float, think: float, by_link: bool, times: dict, errors: list,
                  timeout_ms: int, shared=None) -> None:
    await asyncio.sleep(delay)
    context = shared or await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    try:
        for i, (path, title, label) in enumerate(PAGES):
            if i:
                await asyncio.sleep(think)  # reading the page
            start = time.perf_counter()
            try:
                await open_page(page, url, path, title, label, by_link and i > 0, timeout_ms)
                if await page.locator("[data-testid='stException']").count():
                    errors.append(f"{title}: exception on the page")
            except Exception as exc:  # noqa: BLE001 - counted, the run goes on
                errors.append(f"{title}: {type(exc).__name__}")
            times.setdefault(title, []).append(time.perf_counter() - start)
    finally:
        await (page.close() if shared else context.close())


async def burst(browser, url: str, n: int, times: dict, errors: list, timeout_ms: int) -> None:
    """Every session's navigation to a page at the same moment, by a full page load, page after page."""
    contexts = [await browser.new_context(viewport={"width": 1400, "height": 900}) for _ in range(n)]
    pages = [await c.new_page() for c in contexts]

    async def one(page, path, title, label):
        start = time.perf_counter()
        try:
            await open_page(page, url, path, title, label, False, timeout_ms)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{title}: {type(exc).__name__}")
        times.setdefault(title, []).append(time.perf_counter() - start)

    for path, title, label in PAGES:
        await asyncio.gather(*(one(p, path, title, label) for p in pages))
    for c in contexts:
        await c.close()


async def run(args) -> None:
    from playwright.async_api import async_playwright

    data_dir = Path(tempfile.mkdtemp())
    timeout_ms = int(args.timeout * 1000)
    with app_server(data_dir) as url:
        pid = SERVER_PIDS.get(url)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            warm: dict = {}
            for _ in range(2):  # warm-up, then the baseline: one session alone, warm
                warm = {}
                await session(browser, url, 0, 0, not args.burst, warm, [], timeout_ms)
            base_mem = rss_mb(pid) if pid else float("nan")
            peak_mem = base_mem
            times: dict = {}
            errors: list = []
            meter = CpuMeter(pid)
            start = time.perf_counter()
            if args.burst:
                work = asyncio.ensure_future(burst(browser, url, args.sessions, times, errors, timeout_ms))
            else:
                shared = await browser.new_context(viewport={"width": 1400, "height": 900}) if args.tabs else None
                work = asyncio.ensure_future(asyncio.gather(*(
                    session(browser, url, i * args.arrival, args.think, True, times, errors, timeout_ms, shared)
                    for i in range(args.sessions))))
            while not work.done():
                await asyncio.sleep(0.5)
                meter.sample()
                if pid:
                    peak_mem = max(peak_mem, rss_mb(pid))
            await work
            wall = time.perf_counter() - start
            server_cpu, browser_cpu = meter.result()
            await browser.close()
    if args.burst:
        print(f"{args.sessions} sessions x {len(PAGES)} pages, every navigation at once (full page loads); "
              f"wall {wall:.1f} s")
    else:
        print(f"{args.sessions} sessions, one every {args.arrival:g} s, each opening the app and then "
              f"{len(PAGES) - 1} pages through the sidebar, {args.think:g} s reading per page; wall {wall:.1f} s")
    for _, title, _ in PAGES:
        t = times.get(title, [])
        alone = warm.get(title, [float("nan")])[0]
        print(f"  {title:20s} alone warm {alone:5.2f} s | {args.sessions} sessions: median {statistics.median(t):5.2f} s, "
              f"max {max(t):5.2f} s, median/alone {statistics.median(t) / alone:4.1f}x")
    every = [x for t in times.values() for x in t]
    print(f"  all pages: median {statistics.median(every):.2f} s (bar: < 3 s), {len(every)} page views")
    print(f"  errors: {len(errors)} {sorted(set(errors))[:5]}")
    print(f"  server memory: {base_mem:.0f} MB with one session, at most {peak_mem:.0f} MB with {args.sessions}; "
          f"{(peak_mem - base_mem) / max(1, args.sessions):.1f} MB per extra session")
    print(f"  CPU during the run: server {server_cpu:.1f} s ({server_cpu / max(1, len(every)):.2f} s per page view), "
          f"browser {browser_cpu:.1f} s, of {wall * (os.cpu_count() or 1):.0f} s available on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--arrival", type=float, default=2.0, help="seconds between two sessions' start")
    parser.add_argument("--think", type=float, default=5.0, help="seconds a session reads a page before the next")
    parser.add_argument("--tabs", action="store_true", help="sessions as tabs of one browser profile (a warm cache)")
    parser.add_argument("--burst", action="store_true", help="every navigation at once, by full page loads")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page at most")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
