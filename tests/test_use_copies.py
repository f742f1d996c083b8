"""Copies and screen views (issue 14 point 5): an approved copy request gives a PDF of
the chosen pages with a watermark on every page, the originals untouched; an approved
electronic view shows its items within its period; each is audited or logged."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from archivist.accounts.access_log import AccessKind, query
from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes import audit
from archivist.errors import AccessRefused, ArchiveError, InputError
from archivist.use.copies import (
    make_copy,
    parse_pages,
    view_item,
    watermark_text,
    write_preview,
)
from archivist.use.requests import Borrower, approve, create_request, show_request

from .conftest import ID_LI, PASSWORD, add_person, make_tiff, stored_files, write_manifest

MOTTO = "仅供查阅"


def _texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(str(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _hashes(archive: Archive) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in stored_files(archive)}


@pytest.fixture
def numbers(archive: Archive, tmp_path: Path) -> list[str]:
    """Two items of four pages (two JPEG scans, a two-page PDF) and one of a three-page
    TIFF: eleven pages in all."""
    first = capture_from_manifest(archive, write_manifest(tmp_path / "a")).number
    second = capture_from_manifest(
        archive, write_manifest(tmp_path / "b", completed_on="2023-06-01")
    ).number
    folder = tmp_path / "c"
    folder.mkdir()
    make_tiff(folder / "t.tif", pages=3, seed=4)
    third = capture_from_manifest(
        archive,
        write_manifest(
            folder,
            completed_on="2023-07-01",
            materials=[{"file": "t.tif", "role": "form", "title": "失业保险金申领登记表"}],
        ),
    ).number
    add_person(archive, "fuzeren", "head")  # approves (the requester never does)
    return [first, second, third]


def _approved(archive: Archive, kind: str, items: list[str]) -> str:
    made = create_request(
        archive, kind, Borrower("李四", id_number=ID_LI), "核对待遇", items=items
    ).number
    archive.sign_in("fuzeren", PASSWORD)
    approve(archive, made)
    archive.sign_in("tester", PASSWORD)
    return made


def test_a_copy_has_the_watermark_on_every_page_and_the_originals_are_untouched(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    number = _approved(archive, "copy", numbers)
    before = _hashes(archive)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "out" / "copy.pdf"
    out.parent.mkdir()
    result = make_copy(archive, number, out, progress=lambda d, t, _w: seen.append((d, t)))
    assert result.path == out.absolute() and out.is_file()
    assert result.pages == 11 and result.items == tuple(numbers)
    texts = _texts(out)
    assert len(texts) == 11
    for text in texts:
        assert MOTTO in text and number in text and "李四" in text
        assert "for reference only" in text
    assert MOTTO in result.watermark and number in result.watermark
    assert _hashes(archive) == before  # the originals never change
    assert seen[-1] == (11, 11)
    assert [p.name for p in out.parent.iterdir()] == ["copy.pdf"]  # no work files left
    # one USE_COPY change, and an EXPORT access event with the request
    with archive.db.reading() as session:
        events = [e for e in audit.history(session, f"use:{number}") if e["action"] == "use.copy"]
        exports = query(session, kind=AccessKind.EXPORT, target=f"use:{number}")
    assert len(events) == 1
    after = events[0]["after"]
    assert after["pages"] == 11 and after["page_spec"] == "1-11"
    assert after["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert after["items"] == numbers
    assert len(exports) == 1 and exports[0].detail is not None
    assert exports[0].detail["request"] == number and exports[0].detail["pages"] == 11


def test_chosen_pages_only(archive: Archive, numbers: list[str], tmp_path: Path) -> None:
    number = _approved(archive, "copy", numbers)
    out = tmp_path / "some.pdf"
    result = make_copy(archive, number, out, "2-3，5、11")
    assert result.pages == 4 and result.page_spec == "2-3,5,11"
    assert result.items == (numbers[0], numbers[1], numbers[2])
    texts = _texts(out)
    assert len(texts) == 4 and all(MOTTO in t for t in texts)
    assert parse_pages("1-3,5", 11) == [1, 2, 3, 5]
    assert parse_pages(" 3 - 4  1 ", 11) == [1, 3, 4]
    assert parse_pages(None, 3) == [1, 2, 3]


@pytest.mark.parametrize(
    ("pages", "code"),
    [
        ("12", "use.copy_no_such_pages"),
        ("10-14", "use.copy_no_such_pages"),
        ("0", "use.copy_no_such_pages"),
        ("abc", "use.copy_bad_pages"),
        ("5-3", "use.copy_bad_pages"),
        (" , ", "use.copy_bad_pages"),
    ],
)
def test_pages_that_do_not_exist_are_refused_and_nothing_is_written(
    archive: Archive, numbers: list[str], tmp_path: Path, pages: str, code: str
) -> None:
    number = _approved(archive, "copy", numbers)
    out = tmp_path / "x" / "copy.pdf"
    out.parent.mkdir()
    with pytest.raises(InputError) as refused:
        make_copy(archive, number, out, pages)
    assert refused.value.code == code
    assert "11" in refused.value.message() or code == "use.copy_bad_pages"
    assert list(out.parent.iterdir()) == []


def test_a_copy_is_refused_unless_approved_within_its_period(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "copy.pdf"
    waiting = create_request(archive, "copy", Borrower("李四"), "核对", items=numbers[:1]).number
    with pytest.raises(InputError) as not_approved:
        make_copy(archive, waiting, out)
    assert not_approved.value.code == "use.copy_not_approved"
    consult = _approved(archive, "consult", numbers[:1])
    with pytest.raises(InputError) as wrong_kind:
        make_copy(archive, consult, out)
    assert wrong_kind.value.code == "use.copy_wrong_kind"
    number = _approved(archive, "copy", numbers[:1])
    until = show_request(archive, number).valid_until
    assert until is not None
    with pytest.raises(InputError) as late:
        make_copy(archive, number, out, on=until + dt.timedelta(days=1))
    assert late.value.code == "use.copy_period_over"
    assert not out.exists()
    assert make_copy(archive, number, out, on=until).pages == 4


def test_a_changed_original_stops_the_copy_and_leaves_no_file(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    number = _approved(archive, "copy", numbers[:1])
    stored = next(p for p in stored_files(archive) if p.suffix == ".pdf")
    stored.write_bytes(stored.read_bytes() + b"%")
    out = tmp_path / "x" / "copy.pdf"
    out.parent.mkdir()
    with pytest.raises(ArchiveError) as changed:
        make_copy(archive, number, out)
    assert changed.value.code == "use.copy_file_changed"
    assert list(out.parent.iterdir()) == []
    with archive.db.reading() as session:
        assert not [e for e in audit.history(session, f"use:{number}") if e["action"] == "use.copy"]


def test_someone_without_the_right_may_not_copy(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    number = _approved(archive, "copy", numbers[:1])
    archive.sign_in("fuzeren", PASSWORD)  # a head: approves, does not make copies
    with pytest.raises(AccessRefused):
        make_copy(archive, number, tmp_path / "copy.pdf")
    assert not (tmp_path / "copy.pdf").exists()


def test_the_preview_is_the_first_chosen_page_watermarked(
    archive: Archive, numbers: list[str], tmp_path: Path
) -> None:
    number = _approved(archive, "copy", numbers)
    target = write_preview(archive, number, "9-11", tmp_path / "preview.pdf")
    texts = _texts(target)
    assert len(texts) == 1 and MOTTO in texts[0]


def test_watermark_text_names_borrower_request_and_time(
    archive: Archive, numbers: list[str]
) -> None:
    number = _approved(archive, "copy", numbers[:1])
    text = watermark_text(show_request(archive, number), dt.datetime(2026, 3, 4, 9, 30))
    assert "李四" in text and number in text and "2026-03-04 09:30" in text
    assert MOTTO in text and "for reference only" in text


def test_an_electronic_view_within_its_period(archive: Archive, numbers: list[str]) -> None:
    number = _approved(archive, "view", numbers[:1])
    shown = view_item(archive, number, numbers[0])
    assert shown.number == number and shown.item_number == numbers[0]
    assert [p.item_page for p in shown.pages] == [1, 2, 3, 4]
    assert sorted(p.media_type for p in shown.pages).count("application/pdf") == 2
    assert all(p.path.is_file() for p in shown.pages)
    with archive.db.reading() as session:
        events = query(session, kind=AccessKind.VIEW_ITEM, target=f"item:{numbers[0]}")
    assert events and events[0].detail is not None and events[0].detail["request"] == number
    with pytest.raises(InputError) as other:
        view_item(archive, number, numbers[1])
    assert other.value.code == "use.view_not_covered"
    until = shown.valid_until
    with pytest.raises(InputError) as late:
        view_item(archive, number, numbers[0], on=until + dt.timedelta(days=1))
    assert late.value.code == "use.view_period_over"
    copy = _approved(archive, "copy", numbers[:1])
    with pytest.raises(InputError) as wrong:
        view_item(archive, copy, numbers[0])
    assert wrong.value.code == "use.view_wrong_kind"
    waiting = create_request(archive, "view", Borrower("李四"), "核对", items=numbers[:1]).number
    with pytest.raises(InputError) as not_yet:
        view_item(archive, waiting, numbers[0])
    assert not_yet.value.code == "use.view_not_approved"


def test_a_full_disk_or_a_cancel_leaves_no_half_file(
    archive: Archive, numbers: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archivist.formats.pdf import PdfAssembler
    from archivist.ocr.queue import CancelToken
    from archivist.use.copies import CopyCancelled

    number = _approved(archive, "copy", numbers)
    out = tmp_path / "x" / "copy.pdf"
    out.parent.mkdir()
    token = CancelToken()
    token.cancel()
    with pytest.raises(CopyCancelled):
        make_copy(archive, number, out, cancel=token)
    assert list(out.parent.iterdir()) == []

    def full(_self: PdfAssembler, target: Path, title: str = "", subject: str = "") -> None:
        target.write_bytes(b"%PDF-1.7\n half")  # the disk fills up half way
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(PdfAssembler, "save", full)
    with pytest.raises(ArchiveError) as disk:
        make_copy(archive, number, out)
    assert disk.value.code == "archive.disk_full"
    assert list(out.parent.iterdir()) == []
    with archive.db.reading() as session:
        assert not [e for e in audit.history(session, f"use:{number}") if e["action"] == "use.copy"]
