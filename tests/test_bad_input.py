"""Every bad input gets a clear error, and nothing is stored or lost."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pikepdf
import pytest

from archivist import capture as capture_module
from archivist import filestore
from archivist.archive import Archive
from archivist.audit import count_events
from archivist.capture import capture_from_manifest
from archivist.errors import ArchivistError

from .conftest import (
    ROOT,
    leftovers,
    make_encrypted_pdf,
    make_jpeg,
    make_pdf,
    run_cli,
    stored_files,
    write_manifest,
)


@pytest.fixture
def intact(archive: Archive) -> Iterator[Archive]:
    """After the test body: no item, no stored file, no leftover, no new audit event."""
    with archive.db.reading() as session:
        events_before = count_events(session)
    yield archive
    assert archive.summary()["items"] == 0
    assert stored_files(archive) == []
    assert leftovers(archive) == []
    with archive.db.reading() as session:
        assert count_events(session) == events_before


def rejected(archive: Archive, manifest: Path) -> ArchivistError:
    with pytest.raises(ArchivistError) as info:
        capture_from_manifest(archive, manifest)
    return info.value


def with_material(folder: Path, name: str, **extra: Any) -> Path:
    """A manifest whose voucher is the file `name` (already placed in `folder`)."""
    return write_manifest(
        folder,
        materials=[
            {"file": "a.pdf", "role": "form", "title": "登记表"},
            {"file": name, "role": "voucher", "person": "张三", "title": "凭证", **extra},
        ],
    )


def test_missing_file(intact: Archive, tmp_path: Path) -> None:
    error = rejected(intact, with_material(tmp_path / "in", "nowhere.jpg"))
    assert error.code == "file.missing" and "nowhere.jpg" in error.message()


def test_empty_file(intact: Archive, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.jpg").write_bytes(b"")
    error = rejected(intact, with_material(tmp_path / "in", "empty.jpg"))
    assert error.code == "file.empty" and "empty.jpg" in error.message()


def test_corrupt_pdf(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = make_pdf(folder / "whole.pdf").read_bytes()
    (folder / "broken.pdf").write_bytes(data[: len(data) // 2])
    error = rejected(intact, with_material(folder, "broken.pdf"))
    assert error.code == "file.pdf_corrupt" and "broken.pdf" in error.message()


def test_damaged_scan_inside_a_pdf(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    from PIL import Image

    noisy = Image.effect_noise((600, 800), 40).convert("RGB")
    noisy.save(folder / "whole.pdf", "PDF")
    with pikepdf.open(folder / "whole.pdf") as pdf:
        for image in pdf.pages[0].obj.Resources.XObject.values():
            raw = image.read_raw_bytes()
            image.write(raw[: len(raw) // 3], filter=image.get("/Filter"))
        pdf.save(folder / "scan.pdf")
    error = rejected(intact, with_material(folder, "scan.pdf"))
    assert error.code == "file.pdf_corrupt" and "scan.pdf" in error.message()


def test_pdf_header_with_garbage(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "junk.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    assert rejected(intact, with_material(folder, "junk.pdf")).code == "file.pdf_corrupt"


def test_encrypted_pdf(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    make_encrypted_pdf(folder / "locked.pdf")
    error = rejected(intact, with_material(folder, "locked.pdf"))
    assert error.code == "file.pdf_encrypted" and "locked.pdf" in error.message()


def test_unsupported_type(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "note.txt").write_text("纯文本", encoding="utf-8")
    assert rejected(intact, with_material(folder, "note.txt")).code == "file.unsupported"


def test_content_contradicts_extension(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    make_jpeg(folder / "photo.jpg")
    shutil.copy(folder / "photo.jpg", folder / "scan.pdf")
    error = rejected(intact, with_material(folder, "scan.pdf"))
    assert error.code == "file.type_mismatch"
    assert "scan.pdf" in error.message() and "jpeg" in error.message()


def test_office_file_named_like_a_scan(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "form.tif").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert rejected(intact, with_material(folder, "form.tif")).code == "file.type_mismatch"


def test_truncated_image(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = make_jpeg(folder / "whole.jpg", size=(800, 600)).read_bytes()
    (folder / "cut.jpg").write_bytes(data[: len(data) // 3])
    assert rejected(intact, with_material(folder, "cut.jpg")).code == "file.image_corrupt"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"class": "XX"}, "class.unknown"),
        ({"business_type": "不存在的业务"}, "business_type.unknown"),
        ({"completed_on": "2023-02-30"}, "date.invalid"),
        ({"completed_on": "12/05/2023"}, "date.invalid"),
        ({"completed_on": "2999-01-01"}, "date.future"),
        (
            {"entity": {"kind": "person", "name": "张三", "id_number": "110105194912310021"}},
            "id_number.invalid",
        ),
        ({"entity": {"kind": "robot", "name": "张三"}}, "manifest.bad_field"),
        ({"roster": ["张三"]}, "manifest.person_not_on_roster"),
        ({"materials": []}, "manifest.no_materials"),
        ({"class": "ZJ", "business_type": "x"}, "business_type.unknown"),
    ],
)
def test_bad_manifest_values(
    intact: Archive, tmp_path: Path, overrides: dict[str, Any], code: str
) -> None:
    assert rejected(intact, write_manifest(tmp_path / "in", **overrides)).code == code


def test_manifest_without_form(intact: Archive, tmp_path: Path) -> None:
    manifest = write_manifest(
        tmp_path / "in",
        materials=[{"file": "b.jpg", "role": "voucher", "person": "张三", "title": "x"}],
    )
    assert rejected(intact, manifest).code == "manifest.no_form"


def test_business_type_without_retention_is_refused(archive: Archive, tmp_path: Path) -> None:
    from archivist import scheme

    with archive.db.writing() as session:
        scheme.add_type(session, "tester", "YL", "基本养老金核定", None, "本机构新增")
    error = rejected(
        archive,
        write_manifest(tmp_path / "in", **{"class": "YL", "business_type": "基本养老金核定"}),
    )
    assert error.code == "retention.unset"
    assert (
        archive.summary()["items"] == 0 and stored_files(archive) == [] and leftovers(archive) == []
    )


def test_accounting_material_points_to_accounting_class(intact: Archive, tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "in", business_type="失业保险付款凭证及会计资料")
    assert rejected(intact, manifest).code == "retention.accounting"


@pytest.mark.parametrize("path", ["../outside.jpg", "sub/../../outside.jpg", "/etc/hostname"])
def test_path_escaping_the_manifest_folder(intact: Archive, tmp_path: Path, path: str) -> None:
    make_jpeg(tmp_path / "outside.jpg")
    error = rejected(intact, with_material(tmp_path / "in", path))
    assert error.code == "manifest.path_escapes"


def test_symlink_escaping_the_manifest_folder(intact: Archive, tmp_path: Path) -> None:
    make_jpeg(tmp_path / "outside.jpg")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link.jpg").symlink_to(tmp_path / "outside.jpg")
    assert (
        rejected(intact, with_material(tmp_path / "in", "link.jpg")).code == "manifest.path_escapes"
    )


def test_manifest_that_is_not_json(intact: Archive, tmp_path: Path) -> None:
    bad = tmp_path / "manifest.json"
    bad.write_text("{not json", encoding="utf-8")
    error = rejected(intact, bad)
    assert error.code == "manifest.invalid_json" and "manifest.json" in error.message()


def test_full_disk_found_before_copying(
    intact: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(capture_module, "free_space", lambda path: 1024)
    error = rejected(intact, write_manifest(tmp_path / "in"))
    assert error.code == "archive.disk_full"


def test_disk_fills_up_during_the_copy(
    intact: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = {"bytes": 0}
    real_write = filestore.write_chunk

    def filling_disk(handle: IO[bytes], data: bytes) -> None:
        written["bytes"] += len(data)
        if written["bytes"] > 2000:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(handle, data)

    monkeypatch.setattr(filestore, "write_chunk", filling_disk)
    error = rejected(intact, write_manifest(tmp_path / "in"))
    assert error.code == "archive.disk_full"


def test_failure_while_moving_into_place_rolls_back(
    intact: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(capture_module, "place_folder", refuse)
    assert rejected(intact, write_manifest(tmp_path / "in")).code == "archive.write_failed"


def test_archive_folder_not_writable(tmp_path: Path) -> None:
    """A real read-only archive: as root, run the CLI as an unprivileged user."""
    base = Path(tempfile.mkdtemp(prefix="ro-archive-"))
    try:
        base.chmod(0o755)
        archive_dir = base / "archive"
        run_cli(
            "--archive",
            str(archive_dir),
            "init",
            "--fonds-code",
            "J1",
            "--fonds-name",
            "测试",
            check=True,
        )
        manifest = write_manifest(base / "in")
        for path in [base, *base.rglob("*")]:
            mode = path.stat().st_mode
            path.chmod(
                (mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH) & ~0o222
                | (0o111 if path.is_dir() else 0)
            )
        prefix: list[str] = []
        if os.geteuid() == 0:
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        import subprocess
        import sys

        result = subprocess.run(
            [
                *prefix,
                sys.executable,
                "-m",
                "archivist",
                "--archive",
                str(archive_dir),
                "capture",
                "--manifest",
                str(manifest),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "ARCHIVIST_ACTOR": "tester", "HOME": str(base)},
            timeout=60,
        )
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "不可写" in lines[0] and str(archive_dir) in lines[0]
        for path in [base, *base.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
        with Archive.open(archive_dir) as archive:
            assert archive.summary()["items"] == 0
            assert stored_files(archive) == []
    finally:
        for path in [base, *base.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o700)
        shutil.rmtree(base)


def test_cli_reports_one_line_naming_file_and_reason(tmp_path: Path) -> None:
    archive_dir = tmp_path / "archive"
    run_cli(
        "--archive",
        str(archive_dir),
        "init",
        "--fonds-code",
        "J1",
        "--fonds-name",
        "测试",
        check=True,
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.jpg").write_bytes(b"")
    manifest = with_material(folder, "empty.jpg")
    result = run_cli(
        "--archive", str(archive_dir), "capture", "--manifest", str(manifest), "--json"
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "empty.jpg" in lines[0] and "文件为空" in lines[0]
    assert json.loads(result.stdout)["error"]["code"] == "file.empty"
    english = run_cli(
        "--archive", str(archive_dir), "--lang", "en", "capture", "--manifest", str(manifest)
    )
    assert "The file is empty" in english.stderr
