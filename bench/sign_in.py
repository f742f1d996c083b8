"""Benchmark: signing in with the product's password parameters, and resuming a session.

    .venv/bin/python bench/sign_in.py [--repeats 10]

Creates a fresh temporary archive (`Archive.init` with its three administrators, the
product's argon2id parameters from `archivist.accounts.passwords`, never the cheap ones
of the test suite), then measures, each `--repeats` times, and prints the medians:

- argon2id alone: `passwords.hashed` and `passwords.matches` (the cost the parameters set);
- a whole sign-in: `archive.sign_in(name, password)` (password check, the failure
  counter, the access event, in one transaction); a wrong password and an unknown user
  name too (the unknown name checks a dummy hash, so it must take as long);
- the command line's session: `signing.start_session` (after `archivist login`) and
  `signing.resume_session` (what every later command does instead of a password), the
  latter also with the `Archive.open` before it;
- a whole `archivist whoami` process (Python start, imports, open, resume, print),
  against a bare `python -c pass` and a Python that only imports the command line.

Everything is written under a temporary folder (archive, session files, logs), removed
at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from archive_setup import ADMINISTRATORS, FONDS, PASSWORD
from corpus import machine, table

from archivist.accounts import passwords, session_file, signing
from archivist.archive import Archive
from archivist.errors import AccessRefused


def timed(repeats: int, run: Callable[[], object]) -> list[float]:
    """Seconds of each of `repeats` calls."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


def row(what: str, times: list[float]) -> list[object]:
    ms = [t * 1000 for t in times]
    return [what, len(ms), statistics.median(ms), min(ms), max(ms)]


def refused(archive: Archive, name: str, password: str) -> None:
    try:
        archive.sign_in(name, password)
    except AccessRefused:
        return
    raise AssertionError(f"{name} signed in with a wrong password")


def archivist_command() -> list[str]:
    script = Path(sys.executable).parent / "archivist"
    return [str(script)] if script.exists() else [sys.executable, "-m", "archivist.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--processes", type=int, default=10, help="whoami processes")
    args = parser.parse_args()

    facts = machine()
    print(f"machine: {facts['cpus']} cores, {facts['cpu']}, Python {facts['python']}")
    print(
        f"argon2id: time_cost={passwords.TIME_COST}, memory={passwords.MEMORY_KIB} KiB "
        f"({passwords.MEMORY_KIB // 1024} MiB), parallelism={passwords.PARALLELISM}"
    )
    print(f"load average before: {os.getloadavg()[0]:.2f}")

    work = Path(tempfile.mkdtemp(prefix="bench-sign-in-"))
    os.environ["ARCHIVIST_CONFIG_DIR"] = str(work / "config")
    os.environ["ARCHIVIST_LOG_DIR"] = str(work / "logs")
    rows: list[list[object]] = []
    try:
        root = work / "archive"
        started = time.perf_counter()
        archive = Archive.init(root, *FONDS, ADMINISTRATORS)
        print(
            f"Archive.init (3 accounts, 3 password hashes): {time.perf_counter() - started:.2f} s"
        )

        stored = passwords.hashed(PASSWORD)
        rows.append(
            row(
                "argon2id hash (passwords.hashed)",
                timed(args.repeats, lambda: passwords.hashed(PASSWORD)),
            )
        )
        rows.append(
            row(
                "argon2id check (passwords.matches)",
                timed(args.repeats, lambda: passwords.matches(stored, PASSWORD)),
            )
        )
        rows.append(
            row(
                "sign-in (archive.sign_in)",
                timed(args.repeats, lambda: archive.sign_in("auditor", PASSWORD)),
            )
        )
        # fewer than the lockout's 5 failures in a row, then a good sign-in resets the count
        wrong = timed(3, lambda: refused(archive, "security", PASSWORD + "x"))
        archive.sign_in("security", PASSWORD)
        wrong += timed(3, lambda: refused(archive, "security", PASSWORD + "x"))
        archive.sign_in("security", PASSWORD)
        rows.append(row("sign-in, wrong password", wrong))
        rows.append(
            row(
                "sign-in, unknown user name",
                timed(args.repeats, lambda: refused(archive, "nobody", PASSWORD)),
            )
        )

        archive.sign_in("auditor", PASSWORD)
        tokens: list[str] = []
        rows.append(
            row(
                "start_session (after login)",
                timed(args.repeats, lambda: tokens.append(signing.start_session(archive))),
            )
        )
        token = tokens[-1]
        rows.append(
            row(
                "resume_session",
                timed(args.repeats, lambda: signing.resume_session(archive, token)),
            )
        )
        archive.close()

        def open_and_resume() -> None:
            opened = Archive.open(root)
            signing.resume_session(opened, token)
            opened.close()

        rows.append(row("Archive.open + resume_session", timed(args.repeats, open_and_resume)))

        session_file.save(root, "auditor", token)
        env = dict(os.environ, ARCHIVIST_ARCHIVE=str(root))
        whoami = [*archivist_command(), "--archive", str(root), "whoami"]
        check = subprocess.run(whoami, env=env, capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"whoami failed ({check.returncode}): {check.stderr}")
        print(f"whoami says: {check.stdout.strip()}")

        def process(command: list[str]) -> Callable[[], object]:
            return lambda: subprocess.run(command, env=env, check=True, capture_output=True)

        rows.append(
            row(
                "process: python -c pass",
                timed(args.processes, process([sys.executable, "-c", "pass"])),
            )
        )
        rows.append(
            row(
                "process: python -c 'import archivist.cli'",
                timed(args.processes, process([sys.executable, "-c", "import archivist.cli"])),
            )
        )
        rows.append(row("process: archivist whoami", timed(args.processes, process(whoami))))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(table(["Step", "Runs", "Median ms", "Min ms", "Max ms"], rows))
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
