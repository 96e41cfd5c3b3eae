"""Start many fresh Wijkbeeld servers cheaply: this process imports Streamlit and the app's modules once, then
forks one ``streamlit run streamlit_app.py`` per line it reads on stdin (JSON: port, data folder, log file) and
writes the new server's process id back.

A forked server is as fresh as a started one where it matters for the deep-link tests: Streamlit's runtime, its
pages and sessions are made after the fork, and the first request it sees is the test's. Only the imports (1.8 s
of CPU per server) are shared. Used by ``tests/browser.py: launch_many``.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _reap(_signum, _frame) -> None:
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def _serve(port: int, data_dir: str, log: str) -> None:
    """In the forked child: become ``streamlit run`` on ``port`` with its own data folder and log."""
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.environ["WIJKBEELD_DATA_DIR"] = data_dir
    from streamlit.web import cli

    try:
        cli.main.main(
            args=["run", "streamlit_app.py", "--server.headless", "true", "--server.port", str(port),
                  "--server.address", "127.0.0.1"],
            prog_name="streamlit", standalone_mode=False,
        )
    finally:
        os._exit(0)


def main() -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    import streamlit.web.bootstrap  # noqa: F401  (the imports every server shares)
    import streamlit.web.cli  # noqa: F401

    import lib.areas.figures  # noqa: F401
    import lib.pipeline  # noqa: F401
    import lib.present.charts  # noqa: F401
    import ui  # noqa: F401

    signal.signal(signal.SIGCHLD, _reap)
    print("ready", flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _serve(job["port"], job["data_dir"], job["log"])
        print(pid, flush=True)


if __name__ == "__main__":
    main()
