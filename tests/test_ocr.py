"""OCR with the real Tesseract: engine, page sources, normalisation, resumable queue."""

from __future__ import annotations

import difflib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.db.models import OcrJob, PageText
from archivist.errors import ArchiveError
from archivist.ocr.engine import TesseractEngine, find_tesseract
from archivist.ocr.pages import EngineSettings, PageTask, process_page
from archivist.ocr.queue import (
    CancelToken,
    queue_status,
    retry_failed,
    run_queue,
    runner_busy_elsewhere,
    runner_state,
)
from archivist.ocr.text import normalise_line, normalise_page

from .conftest import TEXT_FONT, TEXT_LINES, make_pdf, render_text_page


def accuracy(expected: str, actual: str) -> float:
    return difflib.SequenceMatcher(None, expected, actual).ratio()


def test_normalisation_removes_spaces_between_chinese() -> None:
    assert normalise_line("失 业 保 险 金 2023 年 5 月") == "失业保险金2023年5月"
    assert normalise_line("姓名 : 张三") == "姓名:张三"
    assert normalise_line("Social  Security Office") == "Social Security Office"
    assert normalise_page("第 一 页\n\n\n\n第 二 页") == "第一页\n\n第二页"


def test_tesseract_reads_a_chinese_page(tmp_path: Path) -> None:
    engine = TesseractEngine()
    engine.check()
    result = engine.recognise(render_text_page(tmp_path / "page.png"))
    assert accuracy("".join(TEXT_LINES), result.text.replace("\n", "")) >= 0.9
    assert " " not in result.text
    assert len(result.lines) == len(TEXT_LINES) and result.lines[0].width > 0


def test_missing_tesseract_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("ARCHIVIST_TESSERACT", raising=False)
    with pytest.raises(ArchiveError) as info:
        find_tesseract("/no/such/tesseract")
    assert info.value.code == "ocr.tesseract_missing"
    assert "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in info.value.message()


def test_missing_language_is_a_clear_error() -> None:
    with pytest.raises(ArchiveError) as info:
        TesseractEngine("chi_sim+xyz").check()
    assert info.value.code == "ocr.language_missing" and "xyz" in info.value.message()


@pytest.mark.parametrize(
    ("mode", "suffix", "compression"),
    [
        ("1", ".png", None),
        ("CMYK", ".tif", None),
        ("P", ".png", None),
        ("I;16", ".tif", None),
        ("RGBA", ".png", None),
        # scanner formats: the work copy must not inherit the source's compression
        ("1", ".tif", "group4"),
        ("L", ".tif", "tiff_lzw"),
        ("RGB", ".tif", "jpeg"),
        ("L", ".tif", "packbits"),
    ],
)
def test_unusual_image_modes_are_read(
    tmp_path: Path, mode: str, suffix: str, compression: str | None
) -> None:
    source = tmp_path / f"page{suffix}"
    img = Image.open(render_text_page(tmp_path / "grey.png"))
    options = {"compression": compression} if compression else {}
    if mode == "I;16":
        img.convert("I").point(lambda v: v * 200).convert("I;16").save(source)
    else:
        img.convert(mode).save(source, **options)
    outcome = process_page(PageTask(1, 1, str(source), "image/png"))
    assert outcome.status == "done", outcome.error
    assert accuracy("".join(TEXT_LINES), outcome.text.replace("\n", "")) >= 0.8


def test_readable_pages_are_not_copied_and_others_get_a_fast_work_copy(tmp_path: Path) -> None:
    from archivist.formats import images

    grey_png = render_text_page(tmp_path / "grey.png")
    work = tmp_path / "work"
    work.mkdir()
    as_is = images.prepare_for_ocr(grey_png, 0, work)
    assert as_is.path == grey_png and not list(work.iterdir())
    assert as_is.pixels.mode == "L" and not as_is.blank
    cmyk = tmp_path / "page.tif"
    Image.open(grey_png).convert("CMYK").save(cmyk)
    copied = images.prepare_for_ocr(cmyk, 0, work)
    assert copied.path.parent == work and copied.path.suffix == ".tif"
    with Image.open(copied.path) as img:
        assert img.mode == "RGB" and img.size == (1240, 900)


def test_bad_pages_fail_with_a_reason(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (800, 1000), 255).save(blank)
    assert process_page(PageTask(1, 1, str(blank), "image/png")).error_code == "ocr.blank_page"
    huge = tmp_path / "huge.png"
    Image.new("1", (20000, 20000), 1).save(huge)
    outcome = process_page(PageTask(1, 1, str(huge), "image/png"))
    assert outcome.error_code == "ocr.image_too_large" and "20000" in (outcome.error or "")
    cut = tmp_path / "cut.jpg"
    render_text_page(tmp_path / "p.png").rename(tmp_path / "p2.png")
    Image.open(tmp_path / "p2.png").save(tmp_path / "whole.jpg")
    data = (tmp_path / "whole.jpg").read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    truncated = process_page(PageTask(1, 1, str(cut), "image/jpeg"))
    assert truncated.status == "failed" and truncated.error_code == "ocr.page_unreadable"


def test_rotated_page_does_not_stop_the_queue(tmp_path: Path) -> None:
    rotated = tmp_path / "rotated.png"
    Image.open(render_text_page(tmp_path / "p.png")).rotate(90, expand=True).save(rotated)
    outcome = process_page(PageTask(1, 1, str(rotated), "image/png"))
    assert outcome.status in ("done", "failed") and (outcome.status == "done" or outcome.error)


def ocr_manifest(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    render_text_page(folder / "form.png")
    render_text_page(folder / "voucher.png", ["身份证复印件", "姓名张三"])
    Image.new("L", (600, 800), 255).save(folder / "blank.png")
    make_pdf(folder / "scan.pdf", pages=1)
    data = {
        "class": "SY",
        "business_type": "失业保险金申领",
        "completed_on": "2023-05-12",
        "entity": {"kind": "person", "name": "张三", "id_number": "11010519491231002X"},
        "materials": [
            {"file": "form.png", "role": "form", "title": "登记表"},
            {"file": "voucher.png", "role": "voucher", "person": "张三", "title": "身份证复印件"},
            {"file": "blank.png", "role": "voucher", "person": "张三", "title": "背面"},
        ],
    }
    (folder / "manifest.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder / "manifest.json"


def test_capture_queues_ocr_and_the_queue_runs(archive: Archive, tmp_path: Path) -> None:
    capture_from_manifest(archive, ocr_manifest(tmp_path / "in"))
    assert queue_status(archive)["jobs"] == {"pending": 3}
    report = run_queue(archive, workers=2)
    assert report.pages_done == 2 and report.pages_failed == 1
    assert report.failures[0]["code"] == "ocr.blank_page"
    with archive.db.reading() as session:
        texts = session.query(PageText).all()
        assert any("失业保险金申领登记表" in p.text for p in texts)
        statuses = sorted(j.status for j in session.query(OcrJob).all())
    assert statuses == ["done", "done", "failed"]
    assert run_queue(archive).pages_done == 0  # nothing left to do
    assert retry_failed(archive) == 1
    assert run_queue(archive).pages_failed == 1


def test_a_cancelled_or_crashed_run_resumes(archive: Archive, tmp_path: Path) -> None:
    capture_from_manifest(archive, ocr_manifest(tmp_path / "in"))
    token = CancelToken()
    first = run_queue(
        archive, workers=1, cancel=token, progress=lambda done, total, what: token.cancel()
    )
    assert first.cancelled and first.pages_done + first.pages_failed >= 1
    # A runner that died leaves jobs 'running': the next run takes them up again.
    with archive.db.writing() as session:
        for job in session.query(OcrJob).all():
            if job.status == "pending":
                job.status = "running"
    second = run_queue(archive, workers=2)
    with archive.db.reading() as session:
        pages = session.query(PageText).count()
        assert {j.status for j in session.query(OcrJob).all()} <= {"done", "failed"}
    assert pages == 3
    assert first.pages_done + first.pages_failed + second.pages_done + second.pages_failed == 3


def fake_tesseract(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "tesseract"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--list-langs" ]; then echo "List of available languages (1):"; echo chi_sim; exit 0; fi\n'
        'if [ "$1" = "--version" ]; then echo "tesseract 5.3.0"; exit 0; fi\n' + body + "\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


@pytest.mark.parametrize(
    ("body", "code", "timeout"),
    # a hang is waited for only half a second (three pages, two workers)
    [("kill -SEGV $$", "ocr.engine_failed", 2.0), ("sleep 30", "ocr.timeout", 0.5)],
)
def test_tesseract_crashing_or_hanging_fails_the_page(
    archive: Archive, tmp_path: Path, body: str, code: str, timeout: float
) -> None:
    capture_from_manifest(archive, ocr_manifest(tmp_path / "in"))
    settings = EngineSettings(tesseract=str(fake_tesseract(tmp_path, body)), timeout=timeout)
    report = run_queue(archive, workers=2, settings=settings)
    assert report.pages_done == 0
    codes = {f["code"] for f in report.failures}
    assert code in codes
    assert queue_status(archive)["pages_done"] == 3
    # The archive itself is untouched and consistent.
    from archivist.integrity.verify import verify

    assert verify(archive).ok


def test_one_runner_at_a_time(archive: Archive) -> None:
    from archivist.storage.filestore import OperationLock

    lock = OperationLock(archive.layout.work / "ocr-runner.lock")
    assert lock.acquire(blocking=False)
    try:
        with pytest.raises(ArchiveError) as info:
            run_queue(archive)
        assert info.value.code == "ocr.busy"
    finally:
        lock.release()


def test_text_layer_of_an_electronic_pdf_is_used(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", TEXT_FONT, subfontIndex=0))
    path = tmp_path / "e.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("WQY", 14)
    pdf.drawString(72, 720, "工伤认定决定书：经审核，认定为工伤。")
    pdf.save()
    outcome = process_page(PageTask(1, 1, str(path), "application/pdf"))
    assert outcome.status == "done" and outcome.source == "text-layer"
    assert "认定为工伤" in outcome.text
    assert os.path.exists(path)


def test_scanned_materials_get_a_searchable_copy(archive: Archive, tmp_path: Path) -> None:
    import hashlib

    from archivist.arrangement.items import show
    from archivist.formats.render import page_text

    number = capture_from_manifest(archive, ocr_manifest(tmp_path / "in")).number
    run_queue(archive, workers=2)
    view = show(archive, number)
    form = view["materials"][0]
    assert form["searchable_copy"] is not None
    copy = archive.root / form["searchable_copy"]
    text = page_text(copy, 0)
    assert "失业保险金申领登记表" in text.replace("\r", "").replace("\n", "")
    assert " " not in text.strip()
    original = archive.root / form["file"]
    assert hashlib.sha256(original.read_bytes()).hexdigest() == form["sha256"]


# -- another process runs the queue; a killed runner leaves no workers behind ----------


def _children(pid: int) -> set[int]:
    """Live descendants of a process (Linux /proc), zombies left out."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    wanted = {pid}
    while wanted:
        wanted = {child for child, parent in parents.items() if parent in wanted} - found
        found |= wanted
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_cli_runner(archive: Archive, tmp_path: Path) -> subprocess.Popen[bytes]:
    """`archivist ocr` in a second process, its Tesseract hanging on every page."""
    tesseract = fake_tesseract(tmp_path, "sleep 30")
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "archivist", "--archive", str(archive.root), "ocr"),
            *("--workers", "2", "--tesseract", str(tesseract), "--timeout", "60"),
        ],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_another_process_running_the_queue_is_seen_with_its_progress(
    archive: Archive, tmp_path: Path
) -> None:
    capture_from_manifest(archive, ocr_manifest(tmp_path / "in"))
    idle = runner_state(archive)
    assert not idle.busy and idle.jobs_pending == 3 and idle.pages_pending == 3
    runner = _start_cli_runner(archive, tmp_path)
    try:
        assert _wait_for(lambda: runner_state(archive).jobs_running == 3, 30)
        state = runner_state(archive)
        assert state.elsewhere and not state.here and state.busy
        assert state.pages_pending == 3 and state.pages_done == 0 and state.jobs_pending == 0
        assert runner_busy_elsewhere(archive)
    finally:
        runner.kill()
        runner.wait()
    # It died holding jobs 'running': with no runner alive they count as pending again.
    assert _wait_for(lambda: not runner_busy_elsewhere(archive), 10)
    after = runner_state(archive)
    assert not after.busy and after.jobs_pending == 3 and after.jobs_running == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_killed_runner_takes_its_workers_along_and_its_jobs_recover(
    archive: Archive, tmp_path: Path
) -> None:
    capture_from_manifest(archive, ocr_manifest(tmp_path / "in"))
    runner = _start_cli_runner(archive, tmp_path)
    try:
        # Two workers, each with a (hanging) Tesseract.
        assert _wait_for(lambda: len(_children(runner.pid)) >= 4, 30), _children(runner.pid)
        descendants = _children(runner.pid)
    finally:
        runner.send_signal(signal.SIGKILL)
        runner.wait()
    assert _wait_for(lambda: not any(_alive(p) for p in descendants), 5), [
        p for p in descendants if _alive(p)
    ]
    with archive.db.reading() as session:
        assert "running" in {j.status for j in session.query(OcrJob).all()}
    report = run_queue(archive, workers=2)  # the next start takes the jobs up again
    assert report.pages_done == 2  # the blank page had failed before Tesseract ran
    with archive.db.reading() as session:
        assert sorted(j.status for j in session.query(OcrJob).all()) == ["done", "done", "failed"]
