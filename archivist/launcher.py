"""The `archivist` console script's entry point.

It imports the command line only when it runs: the OCR queue's worker processes are
spawned, and a spawned process re-imports the script that started its parent. Through
`archivist.cli` that would load SQLAlchemy and Alembic in every worker (1.4 s each);
through this module a worker starts in a third of that.
"""

from __future__ import annotations


def main() -> int:
    from archivist.cli import main as run_command_line

    return run_command_line()
