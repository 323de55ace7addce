#!/usr/bin/env python3
"""Set-up and everyday tasks, needing nothing but Python 3.11+.

    python3 tasks.py demo    # create/reuse .venv, ingest the bundled seed, score it, open the UI (or print the scorecard)
    python3 tasks.py test    # create/reuse .venv, run the whole test suite
    python3 tasks.py bench   # print the benchmark figures

Each task creates `.venv` at the project root when it is missing and (re)installs the project into it
whenever pyproject.toml changed since the last install.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".fls-installed"


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"fls needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == want and (BIN / "fls").exists():
        return
    print("installing fls and its dependencies into .venv ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["install", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(want)


def run(args: list[str]) -> int:
    return subprocess.run(args, cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    task = argv[1] if len(argv) > 1 else "help"
    rest = argv[2:]
    if task not in ("demo", "test", "bench", "install"):
        print(__doc__)
        return 0 if task == "help" else 2
    ensure_venv()
    if task == "demo":
        return run([str(BIN / "fls"), "demo", *rest])
    if task == "test":
        return run([str(BIN / "python"), "-m", "pytest", "-n", "2", "-q", *rest])
    if task == "bench":      # every benchmark's figures in one table (bench/run_all.py --help for sizes)
        return run([str(BIN / "python"), str(ROOT / "bench" / "run_all.py"), *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
