"""Build a demo archive: synthetic people and companies, rendered scan-like pages,
captured through the same pipeline as real records."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archivist.archive import Archive, Layout
from archivist.capture import capture_from_manifest
from archivist.search.service import indexing_batch

DEMO_FONDS = ("J023", "示例市社会保险事业服务中心")


def build_demo(
    root: Path,
    *,
    items: int = 60,
    seed: int = 2024,
    actor: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> dict[str, Any]:
    """Create (or add to) the archive at `root` with `items` generated items."""
    from archivist.demo import generate_batch

    if Layout(root.resolve()).config.exists():
        archive = Archive.open(root, actor=actor or "demo")
    else:
        archive = Archive.init(root, *DEMO_FONDS, actor=actor or "demo")
    with archive:
        archive.layout.work.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="demo-", dir=archive.layout.work))
        try:
            report = progress or (lambda done, total, what: None)
            manifests = generate_batch(
                scratch, items, seed=seed, progress=lambda done, total: report(done, total * 2, "")
            )
            with indexing_batch(archive):
                for index, manifest in enumerate(manifests, start=1):
                    result = capture_from_manifest(archive, manifest)
                    report(items + index, items * 2, result.number)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return archive.summary()
