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

from archivist.archive import Archive
from archivist.capture import pipeline as capture_module
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.audit import count_events
from archivist.errors import ArchivistError
from archivist.storage import filestore

from .conftest import (
    ID_ZHANG,
    PASSWORD,
    ROOT,
    cli_init,
    leftovers,
    make_encrypted_pdf,
    make_jpeg,
    make_pdf,
    open_archive,
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
    assert "scan.pdf" in error.message() and "jpeg" in error.message().lower()


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
    from archivist.rules import scheme

    scheme.add_type(archive, "YL", "基本养老金核定", None, reason="本机构新增")
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
        cli_init(archive_dir, "J1", "测试")
        manifest = write_manifest(base / "in")
        secret = base / "password"
        secret.write_text(PASSWORD + "\n", encoding="utf-8")
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
                "--user",
                "tester",
                "--password-file",
                str(secret),
                "capture",
                "--manifest",
                str(manifest),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "HOME": str(base)},
            timeout=60,
        )
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "不可写" in lines[0] and str(archive_dir) in lines[0]
        for path in [base, *base.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
        with open_archive(archive_dir) as archive:
            assert archive.summary()["items"] == 0
            assert stored_files(archive) == []
    finally:
        for path in [base, *base.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o700)
        shutil.rmtree(base)


def test_cli_reports_one_line_naming_file_and_reason(tmp_path: Path) -> None:
    archive_dir = tmp_path / "archive"
    cli_init(archive_dir, "J1", "测试")
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


# -- issue 11: type confusions, hostile structure, questionable values --------------------

ID_BORN_2099 = "110105209901010010"


def _valid_id(first17: str) -> str:
    from archivist.rules.identity import id_check_character

    return first17 + id_check_character(first17)


def _raw_manifest(folder: Path, text: str) -> Path:
    """A manifest written as raw JSON text (for what json.dumps cannot produce)."""
    write_manifest(folder)
    path = folder / "manifest.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("overrides", "code", "field"),
    [
        (
            {"entity": {"kind": "person", "name": "张三", "id_number": 110105194912310021}},
            "value.not_text",
            "entity.id_number",
        ),
        (
            {"entity": {"kind": "unit", "name": "某公司", "unit_code": 91110000600037341}},
            "value.not_text",
            "entity.unit_code",
        ),
        (
            {"entity": {"kind": "person", "name": "张三", "id_number": True}},
            "value.not_text",
            "entity.id_number",
        ),
        ({"entity": {"kind": "person", "name": ["张三"]}}, "value.not_text", "entity.name"),
        ({"entity": {"kind": ["person"], "name": "张三"}}, "manifest.bad_field", "entity.kind"),
        ({"entity": "张三"}, "manifest.not_an_object", "entity"),
        ({"title": ["张三"]}, "value.not_text", "title"),
        ({"handler": {"name": "王五"}}, "value.not_text", "handler"),
        ({"class": 12}, "value.not_text", "class"),
        ({"business_type": False}, "value.not_text", "business_type"),
        ({"completed_on": {"year": 2023}}, "date.invalid", "completed_on"),
        ({"completed_on": 20230512}, "date.invalid", "completed_on"),
        ({"completed_on": True}, "date.invalid", "completed_on"),
        ({"roster": ["张三", ["李四"]]}, "manifest.bad_field", "roster[1]"),
        ({"roster": "张三"}, "manifest.not_a_list", "roster"),
        (
            {"roster": ["张三", {"name": "李四", "id_number": 110105198001010016}]},
            "value.not_text",
            "roster[1].id_number",
        ),
        ({"materials": {"file": "a.pdf"}}, "manifest.not_a_list", "materials"),
        (
            {"materials": [{"file": ["a.pdf"], "role": "form"}]},
            "value.not_text",
            "materials[0].file",
        ),
        (
            {"materials": [{"file": "a\x00.pdf", "role": "form"}]},
            "manifest.bad_file_name",
            "materials[0].file",
        ),
        (
            {"materials": [{"file": "a.pdf", "role": "form", "importance": {}}]},
            "manifest.bad_field",
            "materials[0].importance",
        ),
        (
            {"materials": [{"file": "a.pdf", "role": "form", "copy": "yes"}]},
            "manifest.bad_field",
            "materials[0].copy",
        ),
        (
            {"materials": [{"file": "a.pdf", "role": "form", "title": 7}]},
            "value.not_text",
            "materials[0].title",
        ),
    ],
)
def test_manifest_type_confusion_is_refused_naming_the_field(
    intact: Archive, tmp_path: Path, overrides: dict[str, Any], code: str, field: str
) -> None:
    error = rejected(intact, write_manifest(tmp_path / "in", **overrides))
    assert error.code == code
    assert field in error.message() and field in error.message("en")
    assert "\n" not in error.message()


def test_huge_number_in_a_manifest(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    text = write_manifest(folder).read_text(encoding="utf-8")
    text = text.replace(f'"{ID_ZHANG}"', "1" + "0" * 5000)
    error = rejected(intact, _raw_manifest(folder, text))
    assert error.code == "manifest.invalid_json" and "manifest.json" in error.message()
    assert len(error.message()) < 400


def test_deeply_nested_manifest(intact: Archive, tmp_path: Path) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    for text in (deep, '{"class": "SY", "entity": ' + deep + "}"):
        error = rejected(intact, _raw_manifest(tmp_path / "in", text))
        assert error.code == "manifest.too_deep" and "manifest.json" in error.message()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0001-01-01", "date.too_early"),
        ("1949-09-30", "date.too_early"),
        ("2023-W01-1", "date.invalid"),
        ("20230512", "date.invalid"),
        ("2023-05-12T10:00", "date.invalid"),
        ("2023-5-12", "date.invalid"),
        ("２０２３-05-12", "date.invalid"),
    ],
)
def test_questionable_completion_dates(
    intact: Archive, tmp_path: Path, value: str, code: str
) -> None:
    error = rejected(intact, write_manifest(tmp_path / "in", completed_on=value))
    assert error.code == code and "completed_on" in error.message()


def test_completion_date_bounds(archive: Archive, tmp_path: Path) -> None:
    import datetime as dt

    later = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert rejected(archive, write_manifest(tmp_path / "a", completed_on=later)).code == (
        "date.future"
    )
    result = capture_from_manifest(
        archive, write_manifest(tmp_path / "b", completed_on="1949-10-01")
    )
    assert result.number == "1949-SY-000001"


@pytest.mark.parametrize("first17", ["11010520990101001", "11010518500101001"])
def test_id_number_with_implausible_birth_date(
    intact: Archive, tmp_path: Path, first17: str
) -> None:
    id_number = _valid_id(first17)
    entity = {"kind": "person", "name": "张三", "id_number": id_number}
    error = rejected(intact, write_manifest(tmp_path / "in", entity=entity))
    assert error.code == "id_number.invalid" and "出生日期" in error.message()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "长" * 100_000}, "title"),
        ({"handler": "王" * 500}, "handler"),
        ({"entity": {"kind": "person", "name": "张" * 1000}}, "entity.name"),
        ({"roster": ["张三", "李" * 300]}, "roster[1]"),
        ({"title": "标题\x07响铃"}, "title"),
    ],
)
def test_free_texts_are_bounded(
    intact: Archive, tmp_path: Path, overrides: dict[str, Any], field: str
) -> None:
    error = rejected(intact, write_manifest(tmp_path / "in", **overrides))
    assert error.code in ("value.too_long", "value.control_characters")
    assert field in error.message() and len(error.message()) < 400


def test_ten_megabyte_title_is_refused(intact: Archive, tmp_path: Path) -> None:
    error = rejected(intact, write_manifest(tmp_path / "in", title="长" * 10_000_000))
    assert error.code == "manifest.too_large" and "manifest.json" in error.message()


def test_roster_size_is_bounded(intact: Archive, tmp_path: Path) -> None:
    roster = ["张三", "李四"] + [f"人员{i}" for i in range(5000)]
    error = rejected(intact, write_manifest(tmp_path / "in", roster=roster))
    assert error.code == "value.too_many" and "roster" in error.message()


def test_unknown_business_type_names_the_closest(intact: Archive, tmp_path: Path) -> None:
    error = rejected(
        intact, write_manifest(tmp_path / "in", **{"class": "JH", "business_type": "稽核"})
    )
    assert error.code == "business_type.unknown"
    assert "社会保险稽核" in error.message() and "社会保险稽核" in error.message("en")
    error = rejected(intact, write_manifest(tmp_path / "in2", business_type="失业金申领"))
    assert "失业保险金申领" in error.message()


def test_edits_pass_the_same_checks(archive: Archive, tmp_path: Path) -> None:
    import datetime as dt

    from archivist.arrangement.items import edit, renumber, show

    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    cases: list[tuple[dict[str, Any], str]] = [
        ({"title": "长" * 10_000_000}, "value.too_long"),
        ({"title": "含\x00字符"}, "value.control_characters"),
        ({"handler": "王" * 500}, "value.too_long"),
        ({"title": "  "}, "manifest.missing_field"),
    ]
    for change, code in cases:
        with pytest.raises(ArchivistError) as info:
            edit(archive, number, reason="更正", **change)
        assert info.value.code == code
    with pytest.raises(ArchivistError) as info:
        renumber(archive, number, reason="更正", completed_on=dt.date(1, 1, 1))
    assert info.value.code == "date.too_early"
    assert show(archive, number)["title"] == "张三失业保险金申领"
    with archive.db.reading() as session:
        assert max(len(str(e)) for e in audit_events(session)) < 100_000


def audit_events(session: Any) -> list[Any]:
    from sqlalchemy import text

    return list(session.execute(text("SELECT * FROM audit_events")).all())


# -- issue 11: images too large or incomplete -------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    import struct
    import zlib

    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def write_big_png(
    path: Path, width: int, height: int, rows: int | None = None, end: bool = True
) -> Path:
    """A greyscale PNG of `width`×`height` written by hand, row by row, never holding the
    bitmap: only the first `rows` rows of data (all when None), IEND when `end`."""
    import struct
    import zlib

    packer = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * width
    body = bytearray()
    for _ in range(height if rows is None else rows):
        body += packer.compress(row)
    body += packer.flush() if rows is None else packer.flush(zlib.Z_SYNC_FLUSH)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", bytes(body))
    if end:
        data += _png_chunk(b"IEND", b"")
    path.write_bytes(data)
    return path


def write_tiff_header(path: Path, width: int, height: int, strip_bytes: int) -> Path:
    """An uncompressed greyscale TIFF whose one strip claims `strip_bytes` bytes (only
    a few are there)."""
    import struct

    entries = [
        (256, 4, 1, width),
        (257, 4, 1, height),
        (258, 3, 1, 8),
        (259, 3, 1, 1),
        (262, 3, 1, 1),
        (273, 4, 1, 8 + 2 + 12 * 9 + 4),
        (277, 3, 1, 1),
        (278, 4, 1, height),
        (279, 4, 1, strip_bytes),
    ]
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        ifd += struct.pack("<HHI", tag, kind, count)
        ifd += struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
    path.write_bytes(b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + b"\x00" * 64)
    return path


def test_tiff_claiming_sixty_thousand_squared(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_tiff_header(folder / "huge.tif", 60000, 60000, 60000 * 60000)
    error = rejected(intact, with_material(folder, "huge.tif"))
    assert error.code == "file.image_too_large"
    assert "huge.tif" in error.message() and "60000×60000" in error.message()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_png_above_the_pixel_limit(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_big_png(folder / "wide.png", 30000, 30000, rows=10)
    error = rejected(intact, with_material(folder, "wide.png"))
    assert error.code == "file.image_too_large"
    assert "wide.png" in error.message() and "900" in error.message()


def test_large_png_with_a_tenth_of_its_data(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_big_png(folder / "cut.png", 20000, 20000, rows=2000, end=False)
    error = rejected(intact, with_material(folder, "cut.png"))
    assert error.code == "file.image_incomplete" and "cut.png" in error.message()


def test_large_png_with_a_bad_crc(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = bytearray(write_big_png(folder / "whole.png", 11000, 11000).read_bytes())
    data[60] ^= 0x55  # inside the IDAT chunk
    (folder / "flipped.png").write_bytes(bytes(data))
    error = rejected(intact, with_material(folder, "flipped.png"))
    assert error.code == "file.image_incomplete" and "flipped.png" in error.message()


def test_large_tiff_whose_strip_lies_outside_the_file(intact: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_tiff_header(folder / "cut.tif", 12000, 12000, 12000 * 12000)
    error = rejected(intact, with_material(folder, "cut.tif"))
    assert error.code == "file.image_incomplete" and "cut.tif" in error.message()


def test_large_jpeg_without_its_end_marker(intact: Archive, tmp_path: Path) -> None:
    import struct

    folder = tmp_path / "in"
    folder.mkdir()
    data = bytearray(make_jpeg(folder / "small.jpg", size=(800, 600)).read_bytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 12000, 12000)  # height, width
    (folder / "big.jpg").write_bytes(bytes(data[: len(data) // 2]))
    error = rejected(intact, with_material(folder, "big.jpg"))
    assert error.code == "file.image_incomplete" and "big.jpg" in error.message()


def test_cli_refuses_hostile_inputs_in_one_line(tmp_path: Path) -> None:
    """Issue 11 point 13: each used to end in an internal error (exit 70)."""
    archive_dir = tmp_path / "archive"
    cli_init(archive_dir, "J1", "测试")
    cases: list[tuple[Path, str]] = []
    number = write_manifest(
        tmp_path / "number",
        entity={"kind": "person", "name": "张三", "id_number": 110105194912310021},
    )
    cases.append((number, "entity.id_number"))
    cases.append((_raw_manifest(tmp_path / "deep", "[" * 200_000 + "]" * 200_000), "JSON"))
    nul = write_manifest(tmp_path / "nul", materials=[{"file": "a\x00.pdf", "role": "form"}])
    cases.append((nul, "materials[0].file"))
    (tmp_path / "tiff").mkdir()
    write_tiff_header(tmp_path / "tiff" / "huge.tif", 60000, 60000, 1)
    cases.append((with_material(tmp_path / "tiff", "huge.tif"), "huge.tif"))
    for manifest, named in cases:
        result = run_cli(
            "--archive", str(archive_dir), "capture", "--manifest", str(manifest), "--json"
        )
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and named in lines[0], lines
        assert "内部错误" not in lines[0]
        assert named in json.loads(result.stdout)["error"]["message"]
    english = run_cli(
        "--archive", str(archive_dir), "--lang", "en", "capture", "--manifest", str(number)
    )
    assert english.returncode == 1 and "'entity.id_number' must be text" in english.stderr


def test_cli_names_the_closest_business_type(tmp_path: Path) -> None:
    archive_dir = tmp_path / "archive"
    cli_init(archive_dir, "J1", "测试")
    manifest = write_manifest(tmp_path / "in", **{"class": "JH", "business_type": "稽核"})
    result = run_cli("--archive", str(archive_dir), "capture", "--manifest", str(manifest))
    assert result.returncode == 1
    assert "稽核" in result.stderr and "社会保险稽核" in result.stderr


def test_cli_edit_refuses_questionable_values(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    archive.close()
    base = ["--archive", str(archive.root), "item", "edit", number, "--reason", "更正"]
    week = run_cli(*base, "--completed-on", "2023-W20-1")
    assert week.returncode == 1 and "completed-on" in week.stderr and "YYYY-MM-DD" in week.stderr
    long_title = run_cli(*base, "--title", "长" * 5000)
    assert long_title.returncode == 1 and "title" in long_title.stderr
    assert "200" in long_title.stderr


# -- library messages never reach a person raw (issue 11, point 3) ------------------------

# What the libraries say (pikepdf/qpdf, Pillow, our own sniffing), never shown in a sentence.
RAW_WORDS = ("trailer", "xref", "unknown", "truncated", "cannot identify", "EOF")


def raw_library_files(folder: Path) -> dict[str, tuple[str, str]]:
    """name -> (code, a word of the library's own text kept in the details)."""
    folder.mkdir(exist_ok=True)
    whole = make_pdf(folder / "whole.pdf", pages=2).read_bytes()
    (folder / "半截.pdf").write_bytes(whole[: len(whole) // 2])
    photo = make_jpeg(folder / "photo.jpg", size=(800, 600)).read_bytes()
    (folder / "截断.jpg").write_bytes(photo[: len(photo) // 3])
    (folder / "不是图.jpg").write_bytes(b"just some text\n" * 20)
    return {
        "半截.pdf": ("file.pdf_corrupt", "file is damaged"),  # qpdf's words
        "截断.jpg": ("file.image_corrupt", "truncated"),
        "不是图.jpg": ("file.content_unknown", "unknown"),
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_library_words_stay_in_the_details(tmp_path: Path, lang: str) -> None:
    from archivist.errors import FileRejected
    from archivist.formats.media import inspect_file

    for name, (code, raw) in raw_library_files(tmp_path / "in").items():
        with pytest.raises(FileRejected) as info:
            inspect_file(tmp_path / "in" / name, name)
        error = info.value
        assert error.code == code
        message = error.message(lang)
        assert name in message  # the sentence names the file
        for word in RAW_WORDS:
            assert word.lower() not in message.lower(), (name, message)
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in message.replace(name, ""))
        assert chinese == (lang == "zh"), message
        kept = " ".join(str(v) for v in error.to_dict(lang)["params"].values())
        assert raw.lower() in kept.lower(), (name, error.params)


def test_cli_refusal_names_the_file_and_keeps_the_library_words_in_json(
    tmp_path: Path,
) -> None:
    archive_dir = tmp_path / "archive"
    cli_init(archive_dir, "J1", "测试")
    files = raw_library_files(tmp_path / "in")
    for name, (code, raw) in files.items():
        manifest = with_material(tmp_path / "in", name)
        result = run_cli(
            "--archive", str(archive_dir), "capture", "--manifest", str(manifest), "--json"
        )
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and name in lines[0], lines
        for word in RAW_WORDS:
            assert word.lower() not in lines[0].lower(), lines[0]
        error = json.loads(result.stdout)["error"]
        assert error["code"] == code and raw.lower() in json.dumps(error["params"]).lower()
    manifest = with_material(tmp_path / "in", "截断.jpg")
    english = run_cli(
        "--archive", str(archive_dir), "--lang", "en", "capture", "--manifest", str(manifest)
    )
    line = english.stderr.strip()
    assert "截断.jpg" in line and "damaged or incomplete" in line and "truncated" not in line


def test_register_refusals_name_the_register_not_its_option(archive: Archive) -> None:
    from archivist.registers.forms import Selection, generate

    out = archive.root.parent / "目录.docx"
    with pytest.raises(ArchivistError) as empty:
        generate(archive, "item-list", out, Selection(year=2019, class_code="SY"))
    assert empty.value.code == "register.empty_selection"
    assert "归档文件目录" in empty.value.message("zh")
    assert "item-list" not in empty.value.message("zh")
    assert empty.value.params["kind"] == "item-list"  # kept for scripts and --json
    with pytest.raises(ArchivistError) as needs:
        generate(archive, "volume-cover", out, Selection())
    assert "案卷封面" in needs.value.message("zh") and "volume-cover" not in needs.value.message()


# A sentence may quote `reason` only where the reason is the clerk's own words or text
# this program wrote itself; a library's or the system's words go under 详细信息.
REASONS_OF_OUR_OWN = {
    "order.override",  # the clerk's reason for an order
    "check.order_overridden",  # the same
    "verify.audit_broken",  # rendered from audit.* entries of this catalogue
    "verify.audit_missing",  # "<number> capture"
    "id_number.invalid",  # bilingual reasons written in archivist/rules/identity.py
    "unit_code.invalid",
    "entity.invalid",
    "template.invalid",  # numbering.py's own explanations
    "manifest.bad_field",  # the allowed values
    "manifest.bad_file_name",
    "ocr.engine_failed",  # stored as text with the page (the OCR work keeps it)
    "ocr.page_unreadable",
    "handover.seq_gap",  # {actual}: sequence numbers
    "check.order_broken",  # {actual}: the stored order
    "cli.volume.dissolved",  # the clerk's reason for dissolving
    "cli.capture.page_failed",  # the OCR work's stored text for the page (as ocr.*)
    "cli.ocr.failure",
    "cli.appraisal.row",  # the appraisal group's reason for an opinion
    "cli.appraisal.history_line",  # the same
    "destruction.note.hold_lifted",  # the reason the hold was lifted with
    "cli.appraisal.cancelled_by",  # the reason a batch was cancelled with
    "cli.destruction.withdrawn_by",  # the reason a register was withdrawn with
    "anchor.rewritten",  # {actual}: a hash read from the chain
    "anchor.access_rewritten",  # the same, of the access log
    "anchor.paper_differs",  # {actual}: a hash read from the chain
    "anchor.identity",  # {actual}: the first event's hash
    "replay.differs",  # {actual}: a row's value
    "four.format",  # {reason}: this catalogue's own sentence (formats' refusals)
    "four.unopenable",  # the same
}


def test_no_sentence_quotes_a_library_reason() -> None:
    from archivist.messages import CATALOG

    quoting = {
        code for code, (zh, en) in CATALOG.items() if "{reason}" in zh + en or "{actual}" in zh + en
    }
    assert quoting - REASONS_OF_OUR_OWN == set()
