"""First paint the way a user sees it: `fls tui` started as a process in a pseudo-terminal (100x30), timed from
process start until the title is drawn (first paint) and until the first company row is drawn (first rows);
then `c` until the first claim row is drawn. Databases of invented companies: five companies, and one
with --claims claims over ten companies. Prints figures (with the load average); asserts nothing.

    .venv/bin/python bench/tui_pty.py [--claims 100000] [--runs 3]

Unlike bench/tui_startup.py (Pilot, in-process, imports already done) this counts the interpreter's start,
the imports, opening the database and the terminal's output.
"""
from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from db.ingest import ingest_extraction
from db.scoring import score_all
from db.session import open_database
from tui_startup import AS_OF, synthetic_call   # bench/ is on sys.path when this file is run

COLS, ROWS = 100, 30
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")
TIMEOUT = 120.0


def build(path: Path, companies: int, claims: int) -> str:
    url = f"sqlite:///{path}"
    db = open_database(url)
    for c in range(companies):
        with db.session() as s:
            ingest_extraction(s, synthetic_call(f"ZZ{c:02d}", claims // companies), author="bench")
    with db.session() as s:
        score_all(s, AS_OF)
    db.dispose()
    return url


class Terminal:
    """`fls tui` on a pseudo-terminal; `wait_for` reads its output until a text shows (escapes removed)."""

    def __init__(self, url: str) -> None:
        fls = str(Path(sys.executable).with_name("fls"))
        self.t0 = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:     # the child: a terminal of COLS x ROWS, then fls
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLS), "LINES": str(ROWS)}
            os.execve(fls, [fls, "tui", "--db", url, "--as-of", str(AS_OF)], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.text = b""

    def wait_for(self, needle: bytes, since: float) -> float:
        """Seconds from `since` until `needle` was in the output."""
        start = len(self.text)
        deadline = time.perf_counter() + TIMEOUT
        while needle not in ANSI.sub(b"", self.text[max(0, start - 200):]):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no {needle!r} after {TIMEOUT:.0f} s")
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.5))
            if ready:
                try:
                    self.text += os.read(self.fd, 65536)
                except OSError:
                    raise TimeoutError("fls tui ended") from None
        return time.perf_counter() - since

    def press(self, key: bytes) -> float:
        os.write(self.fd, key)
        return time.perf_counter()

    def close(self) -> None:
        try:
            os.write(self.fd, b"q")
            deadline = time.perf_counter() + 10
            while time.perf_counter() < deadline:
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
                if select.select([self.fd], [], [], 0.1)[0]:
                    os.read(self.fd, 65536)
            else:
                os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)
        except OSError:
            pass      # the process is gone already: nothing to stop
        finally:
            os.close(self.fd)


def run_once(url: str) -> dict[str, float]:
    term = Terminal(url)
    try:
        out = {"first paint (title drawn)": term.wait_for(b"fls \xc2\xb7 as of", term.t0),
               "first rows (a company row drawn)": term.wait_for(b"ZZ00", term.t0)}
        time.sleep(0.3)
        out["claims list: first rows after c"] = term.wait_for(b"We expect", term.press(b"c"))
        return out
    finally:
        term.close()


def report(name: str, url: str, runs: int) -> None:
    figures: dict[str, list[float]] = {}
    for _ in range(runs):
        for what, seconds in run_once(url).items():
            figures.setdefault(what, []).append(seconds)
    print(f"{name} (median of {runs}; load average {os.getloadavg()[0]:.1f}):")
    for what, values in figures.items():
        print(f"  {what:<40} {statistics.median(values) * 1000:8.0f} ms   (max {max(values) * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000, help="claims in the large database")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, companies, claims in (("five companies, 500 claims", 5, 500),
                                        (f"{args.claims} claims over ten companies", 10, args.claims)):
            t = time.perf_counter()
            url = build(Path(tmp) / f"{companies}_{claims}.db", companies, claims)
            print(f"{name}: database built in {time.perf_counter() - t:.1f} s")
            report(name, url, args.runs)


if __name__ == "__main__":
    main()
