"""Every read the archive serves is checked against the person's rights and leaves an
access event; ID numbers are shown in full only to those who need them (issue 13,
points 5 and 6)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from archivist.access import browse
from archivist.access.item_detail import item_detail, reveal_id_number
from archivist.accounts import access_log
from archivist.accounts.access_log import AccessEntry, AccessKind
from archivist.archive import Archive
from archivist.arrangement import items, volume_pdf, volumes
from archivist.capture.pipeline import capture_from_manifest
from archivist.changes.audit import now_text
from archivist.db.models import Item, Material, PageText
from archivist.errors import AccessRefused, InputError
from archivist.registers.forms import Selection, generate
from archivist.rules.identity import mask_id_number
from archivist.search.service import refresh_items, search

from .conftest import (
    ID_ZHANG,
    add_person,
    init_archive,
    open_archive,
    run_cli,
    sign_in,
    write_manifest,
)

MASKED_ZHANG = mask_id_number(ID_ZHANG)  # 110105********002X
VOLUME = "J023-SY-001"
PAGE_TEXT = f"申请人张三\n公民身份号码{ID_ZHANG}\n现申请领取失业保险金"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Built once: one item about 张三 (with OCR text carrying his ID number) filed in a
    volume, and an appraiser "jianding". Each test works on a copy."""
    base = tmp_path_factory.mktemp("access-events")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ARCHIVIST_CONFIG_DIR", str(base / "config"))
        archive = init_archive(base / "archive")
        number = capture_from_manifest(archive, write_manifest(base / "in")).number
        with archive.db.writing() as session:  # OCR text for the form's first page
            item = session.scalar(select(Item).where(Item.number == number))
            assert item is not None
            material = session.scalars(
                select(Material).where(Material.item_id == item.id).order_by(Material.seq)
            ).first()
            assert material is not None
            lines = [[line, 20, 20 + 40 * r, 300, 30] for r, line in enumerate(PAGE_TEXT.split())]
            session.add(
                PageText(
                    material_id=material.id,
                    page=1,
                    status="done",
                    source="ocr",
                    text=PAGE_TEXT,
                    lines=lines,
                    width=400,
                    height=560,
                    updated_at=now_text(),
                )
            )
            item_id = item.id
        refresh_items(archive, [item_id])
        assert [v.code for v in volumes.build(archive, 2023, "SY", "month")] == [VOLUME]
        add_person(archive, "jianding", "appraiser")
        archive.close()
    return base / "archive", number


@pytest.fixture
def archive(template: tuple[Path, str], tmp_path: Path) -> Iterator[Archive]:
    root = tmp_path / "archive"
    shutil.copytree(template[0], root)
    opened = open_archive(root)
    yield opened
    opened.close()


@pytest.fixture
def number(template: tuple[Path, str]) -> str:
    return template[1]


def events(archive: Archive, kind: AccessKind) -> list[AccessEntry]:
    """The events of one kind, newest first."""
    with archive.db.reading() as session:
        return access_log.query(session, kind=str(kind))


def first_page(archive: Archive, number: str) -> browse.PageRef:
    return browse.item_pages(archive, number)[0]


# -- each read: its event, and a system administrator refused (and the refusal logged) ---

READS: dict[str, tuple[AccessKind, Callable[[Archive, str, Path], Any], str]] = {
    "item detail": (AccessKind.VIEW_ITEM, lambda a, n, _t: item_detail(a, n), "item:{n}"),
    "item show": (AccessKind.VIEW_ITEM, lambda a, n, _t: items.show(a, n), "item:{n}"),
    "page text": (
        AccessKind.VIEW_ITEM,
        lambda a, n, _t: browse.page_text(a, first_page(a, n).material_id, 1),
        "item:{n}",
    ),
    "item table": (
        AccessKind.VIEW_LIST,
        lambda a, _n, _t: browse.item_ids(a, browse.ItemQuery(browse.Scope("SY", 2023), "张")),
        "items",
    ),
    "item list": (
        AccessKind.VIEW_LIST,
        lambda a, _n, _t: items.list_items(a, items.ItemFilter(year=2023)),
        "items",
    ),
    "search": (AccessKind.SEARCH, lambda a, _n, _t: search(a, "失业"), "search:失业"),
    "register": (
        AccessKind.PRINT,
        lambda a, _n, t: generate(a, "volume-contents", t / "c.docx", Selection(volume=VOLUME)),
        f"volume:{VOLUME}",
    ),
    "volume pdf": (
        AccessKind.EXPORT,
        lambda a, _n, t: volume_pdf.assemble(a, VOLUME, t / "v.pdf"),
        f"volume:{VOLUME}",
    ),
}


@pytest.mark.parametrize("read", list(READS))
def test_each_read_writes_its_access_event(
    archive: Archive, number: str, tmp_path: Path, read: str
) -> None:
    kind, call, target = READS[read]
    before = len(events(archive, kind))
    call(archive, number, tmp_path)
    written = events(archive, kind)
    assert len(written) == before + 1  # one event per read, not one per row or page
    event = written[0]
    assert (event.kind, event.user_name, event.target) == (
        str(kind),
        "tester",
        target.format(n=number),
    )
    assert event.seat  # from which seat


@pytest.mark.parametrize("read", list(READS))
def test_a_system_administrator_is_refused_every_read(
    archive: Archive, number: str, tmp_path: Path, read: str
) -> None:
    kind, call, _target = READS[read]
    sign_in(archive, "admin")
    before = len(events(archive, kind))
    with pytest.raises(AccessRefused) as info:
        call(archive, number, tmp_path)
    assert info.value.code == "rights.refused"
    assert len(events(archive, kind)) == before  # nothing was served
    refused = events(archive, AccessKind.REFUSED)[0]
    assert refused.user_name == "admin" and refused.detail == {
        "right": "read",
        "code": "rights.refused",
    }


def test_the_other_reads_need_the_read_right_too(archive: Archive, number: str) -> None:
    sign_in(archive, "admin")
    reads: list[Callable[[], Any]] = [
        lambda: browse.nav_children(archive),
        lambda: browse.item_rows(archive, [1]),
        lambda: browse.item_pages(archive, number),
        lambda: browse.item_id(archive, number),
        lambda: browse.entities_like(archive, "张"),
        lambda: browse.ocr_failures(archive),
    ]
    for read in reads:
        with pytest.raises(AccessRefused):
            read()


def test_the_event_details_say_what_was_read(archive: Archive, number: str) -> None:
    ref = first_page(archive, number)
    browse.page_text(archive, ref.material_id, 1)
    assert events(archive, AccessKind.VIEW_ITEM)[0].detail == {
        "material": ref.material_seq,
        "page": 1,
    }
    ids = browse.item_ids(archive, browse.ItemQuery(browse.Scope("SY", 2023), "张三"))
    browse.item_rows(archive, ids)  # the rows fetched for the query: no second event
    listed = events(archive, AccessKind.VIEW_LIST)
    assert len(listed) == 1
    assert listed[0].detail == {
        "sort": "number",
        "descending": False,
        "scope": {"class_code": "SY", "year": 2023},
        "text": "张三",
    }
    total, _hits = search(archive, "失业", limit=1)
    search(archive, "失业", limit=1, offset=1)  # the next page of the same search
    searched = events(archive, AccessKind.SEARCH)
    assert len(searched) == 1
    assert searched[0].detail == {"query": "失业", "hits": total, "filters": {}}


# -- ID numbers shown by need -----------------------------------------------------------


def test_an_archivist_sees_id_numbers_in_full_everywhere(archive: Archive, number: str) -> None:
    view = item_detail(archive, number)
    assert view["entity"]["id_number"] == ID_ZHANG
    assert {m["person_id_number"] for m in view["materials"]} == {ID_ZHANG, None}
    assert view["id_numbers"] == {"masked": False, "may_reveal": False}
    assert items.show(archive, number)["entity"]["id_number"] == ID_ZHANG
    _total, hits = search(archive, "002X")
    assert ID_ZHANG[:-4] + "【002X】" in hits[0].snippet
    text = browse.page_text(archive, first_page(archive, number).material_id, 1)
    assert ID_ZHANG in text.text and "公民身份号码" + ID_ZHANG in [box.text for box in text.lines]
    assert [e.id_number for e in browse.entities_like(archive, "张三")] == [ID_ZHANG]


def test_an_appraiser_sees_id_numbers_masked_everywhere(archive: Archive, number: str) -> None:
    sign_in(archive, "jianding")
    view = item_detail(archive, number)
    assert view["entity"]["id_number"] == MASKED_ZHANG
    assert {m["person_id_number"] for m in view["materials"]} == {MASKED_ZHANG, None}
    assert view["id_numbers"] == {"masked": True, "may_reveal": True}
    assert items.show(archive, number)["entity"]["id_number"] == MASKED_ZHANG
    _total, hits = search(archive, "002X")
    assert ID_ZHANG not in hits[0].snippet and MASKED_ZHANG[:-4] + "【002X】" in hits[0].snippet
    text = browse.page_text(archive, first_page(archive, number).material_id, 1)
    assert ID_ZHANG not in text.text and MASKED_ZHANG in text.text
    assert "公民身份号码" + MASKED_ZHANG in [box.text for box in text.lines]
    assert len(text.text) == len(PAGE_TEXT)  # same length: positions found stay valid
    assert [e.id_number for e in browse.entities_like(archive, "张三")] == [MASKED_ZHANG]
    # the appraiser's reads are logged under their own name
    assert events(archive, AccessKind.VIEW_ITEM)[0].user_name == "jianding"


def test_the_command_line_follows_the_person(archive: Archive, number: str) -> None:
    root = str(archive.root)
    full = run_cli("--archive", root, "search", "002X", "--json", check=True)
    assert ID_ZHANG in json.loads(full.stdout)["hits"][0]["snippet"].replace("【", "").replace(
        "】", ""
    )
    shown = run_cli("--archive", root, "item", "show", number, check=True)
    assert ID_ZHANG in shown.stdout
    sign_in(archive, "jianding")
    masked = run_cli("--archive", root, "search", "002X", check=True)
    assert ID_ZHANG not in masked.stdout and MASKED_ZHANG[:-4] in masked.stdout
    shown = run_cli("--archive", root, "item", "show", number, "--json", check=True)
    assert json.loads(shown.stdout)["entity"]["id_number"] == MASKED_ZHANG


# -- revealing one number ---------------------------------------------------------------


def test_an_appraiser_reveals_one_number_with_a_reason(archive: Archive, number: str) -> None:
    sign_in(archive, "jianding")
    assert reveal_id_number(archive, number, "  核对待遇申请  ") == ID_ZHANG
    event = events(archive, AccessKind.REVEAL)[0]
    assert (event.user_name, event.target, event.detail) == (
        "jianding",
        f"item:{number}",
        {"reason": "核对待遇申请"},
    )


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reveal_without_a_reason_is_refused(archive: Archive, number: str, reason: str) -> None:
    sign_in(archive, "jianding")
    with pytest.raises(InputError) as info:
        reveal_id_number(archive, number, reason)
    assert info.value.code == "access.reveal_needs_reason"
    assert events(archive, AccessKind.REVEAL) == []


def test_a_reveal_without_the_right_is_refused_and_logged(archive: Archive, number: str) -> None:
    sign_in(archive, "auditor")
    with pytest.raises(AccessRefused) as info:
        reveal_id_number(archive, number, "想看看")
    assert info.value.code == "rights.refused"
    assert events(archive, AccessKind.REVEAL) == []
    refused = events(archive, AccessKind.REFUSED)[0]
    assert (refused.user_name, refused.target) == ("auditor", f"item:{number}")
    assert refused.detail == {"right": "reveal", "code": "rights.refused"}


def test_a_reveal_by_an_archivist_is_logged_too(archive: Archive, number: str) -> None:
    assert reveal_id_number(archive, number, "打印待遇核定表") == ID_ZHANG
    assert events(archive, AccessKind.REVEAL)[0].user_name == "tester"


def test_item_show_reveals_with_a_reason_on_the_command_line(archive: Archive, number: str) -> None:
    root = str(archive.root)
    sign_in(archive, "jianding")
    refused = run_cli("--archive", root, "item", "show", number, "--reveal-ids")
    assert refused.returncode == 1 and "理由" in refused.stderr
    assert "Traceback" not in refused.stderr
    shown = run_cli(
        "--archive", root, "item", "show", number, "--reveal-ids", "--reason", "核对待遇申请",
        check=True,
    )  # fmt: skip
    assert ID_ZHANG in shown.stdout and "访问日志" in shown.stdout
    as_json = run_cli(
        "--archive", root, "item", "show", number, "--reveal-ids", "--reason", "复核", "--json",
        check=True,
    )  # fmt: skip
    assert json.loads(as_json.stdout)["entity"]["id_number"] == ID_ZHANG
    reasons = [e.detail for e in events(archive, AccessKind.REVEAL)]
    assert reasons == [{"reason": "复核"}, {"reason": "核对待遇申请"}]
    alone = run_cli("--archive", root, "item", "show", number, "--reason", "x")
    assert alone.returncode == 1 and "--reveal-ids" in alone.stderr


def test_summary_where_volume_box_and_handover_reads_need_the_read_right(
    archive: Archive, number: str
) -> None:
    from archivist.custody import boxes, locations, where
    from archivist.handover import handovers

    reads: list[Callable[[], Any]] = [
        archive.summary,
        lambda: where.where(archive, number),
        lambda: volumes.show(archive, VOLUME),
        lambda: volumes.list_volumes(archive),
        lambda: boxes.list_boxes(archive),
        lambda: locations.list_locations(archive),
        lambda: handovers.list_batches(archive),
    ]
    for read in reads:  # an archivist reads them
        read()
    assert archive.summary()["items"] == 1
    sign_in(archive, "admin")
    reads += [
        lambda: boxes.show_box(archive, "J023-SY-H001"),
        lambda: handovers.show(archive, "JJ-2023-001"),
    ]
    before = len(events(archive, AccessKind.REFUSED))
    for read in reads:
        with pytest.raises(AccessRefused):
            read()
    assert len(events(archive, AccessKind.REFUSED)) == before + len(reads)
