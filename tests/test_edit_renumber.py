"""Numbers change only through an audited renumbering; edits move folders with the files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.arrangement.items import edit, renumber, show
from archivist.capture.pipeline import capture_from_manifest
from archivist.errors import InputError
from archivist.integrity.verify import verify

from .conftest import run_cli, stored_files, write_manifest


def test_edit_moves_the_folder_when_the_month_changes(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    view = edit(
        archive,
        number,
        completed_on=dt.date(2023, 7, 1),
        title="张三失业保险金申领（更正）",
        reason="日期录错",
    )
    assert view["number"] == number
    assert view["folder"] == "files/失业保险金申领/2023-07/张三/2023-SY-000001"
    assert all((archive.root / m["file"]).is_file() for m in view["materials"])
    assert not (archive.layout.files / "失业保险金申领" / "2023-05").exists()
    event = view["history"][-1]
    assert event["action"] == "item.edit" and event["reason"] == "日期录错"
    assert (
        event["before"]["completed_on"] == "2023-05-12"
        and event["after"]["completed_on"] == "2023-07-01"
    )
    assert verify(archive).ok


def test_edit_refuses_a_change_of_year(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    with pytest.raises(InputError) as info:
        edit(archive, number, completed_on=dt.date(2022, 7, 1), reason="x")
    assert info.value.code == "edit.needs_renumber"
    assert show(archive, number)["completed_on"] == "2023-05-12"


def test_renumber_to_another_class_leaves_an_explained_vacancy(
    archive: Archive, tmp_path: Path
) -> None:
    first = capture_from_manifest(archive, write_manifest(tmp_path / "a")).number
    second = capture_from_manifest(archive, write_manifest(tmp_path / "b")).number
    view = renumber(archive, first, class_code="GS", business_type="工伤认定", reason="误归失业类")
    assert view["number"] == "2023-GS-000001"
    assert view["archival_code"] == "J023-SB·2023-D50-GS-0001"
    assert view["retention"] == "D50" and view["expires_on"] == "2074-01-01"
    assert view["folder"] == "files/工伤认定/2023-05/张三/2023-GS-000001"
    assert view["history"][-1]["before"]["number"] == first
    assert len(stored_files(archive)) == 6
    report = verify(archive)
    assert report.ok, [f.message() for f in report.findings]
    assert show(archive, second)["number"] == second
    # The next SY item still continues after the vacancy.
    third = capture_from_manifest(archive, write_manifest(tmp_path / "c")).number
    assert third == "2023-SY-000003"


def test_renumber_cli(archive: Archive, tmp_path: Path) -> None:
    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    archive.close()
    out = run_cli(
        "--archive",
        str(archive.root),
        "item",
        "renumber",
        number,
        "--completed-on",
        "2022-12-30",
        "--reason",
        "办结日期更正",
        check=True,
    )
    assert out.stdout.strip() == f"{number} → 2022-SY-000001（J023-SB·2022-D10-SY-0001）"
    assert run_cli("--archive", str(archive.root), "verify").returncode == 0
    nothing = run_cli(
        "--archive", str(archive.root), "item", "renumber", "2022-SY-000001", "--reason", "x"
    )
    assert nothing.returncode == 1 and "没有要修改" in nothing.stderr


# -- where an item is, whether it may change, correcting its person or unit ----------


def _hand_over(archive: Archive, number: str) -> str:
    """File the item's year into a volume and mark it handed over; its code."""
    from sqlalchemy import select

    from archivist.arrangement import volumes
    from archivist.db.models import Volume

    [made] = volumes.build(archive, 2023, "SY", "year")
    with archive.db.writing() as session:
        volume = session.scalar(select(Volume).where(Volume.code == made.code))
        assert volume is not None
        volume.status = "handed_over"
    return made.code


def test_show_says_where_the_item_is_and_whether_it_may_change(
    archive: Archive, tmp_path: Path
) -> None:
    from archivist.access.item_detail import item_detail
    from archivist.arrangement import volumes
    from archivist.custody import boxes, locations, where

    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    view = item_detail(archive, number)
    assert view["where"]["volume"] is None and view["where"]["status"] == "unboxed"
    assert view["handover"] is None
    assert view["change"] == {"allowed": True, "code": None, "reason": None}
    [made] = volumes.build(archive, 2023, "SY", "year")
    place = locations.add_location(archive, "1", 2, 3, 4).code
    box = boxes.create_box(archive, year=2023, class_code="SY", retention="D10", kind="volumes")
    boxes.put(archive, box.code, volumes=[made.code], reason="装盒")
    boxes.shelve(archive, box.code, place, reason="上架")
    view = item_detail(archive, number)
    assert view["where"]["volume"] == made.code and view["where"]["box"] == box.code
    assert view["where"]["location"] == place and view["where"]["status"] == "shelved"
    assert view["where"] == {
        k: v for k, v in where.where(archive, number).to_json().items() if k in view["where"]
    }
    assert view["change"]["allowed"] is True


def test_a_handed_over_item_says_why_it_may_not_change(archive: Archive, tmp_path: Path) -> None:
    from archivist.arrangement.items import may_change

    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    code = _hand_over(archive, number)
    view = show(archive, number)
    assert view["change"]["allowed"] is False
    assert view["change"]["code"] == "volume.handed_over"
    assert code in view["change"]["reason"] and "已移交" in view["change"]["reason"]
    with archive.db.reading() as session:
        from archivist.arrangement.items import load_item

        assert may_change(session, load_item(session, number)) == view["change"]


def test_correct_the_name_and_id_number_of_the_items_person(
    archive: Archive, tmp_path: Path
) -> None:
    from archivist.arrangement.items import correct_entity
    from archivist.search.service import search

    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    right_id = "110105198001010016"  # a valid GB 11643 number
    view = correct_entity(
        archive, number, name="张叁", id_number=right_id.lower(), reason="姓名和身份证号录错"
    )
    assert view["entity"]["name"] == "张叁"
    assert view["entity"]["id_number"] == right_id  # an archivist sees ID numbers in full
    event = view["history"][-1]
    assert (event["action"], event["reason"]) == ("entity.correct", "姓名和身份证号录错")
    assert event["before"]["name"] == "张三" and event["after"]["name"] == "张叁"
    assert event["before"]["id_number"] == "11010519491231002X"
    assert event["after"]["id_number"] == right_id
    assert event["after"]["items"] == [number]
    total, hits = search(archive, "张叁")
    assert total == 1 and hits[0].number == number
    total, _hits = search(archive, right_id)
    assert total == 1
    assert verify(archive).ok


def test_correcting_an_entity_checks_digits_reason_and_custody(
    archive: Archive, tmp_path: Path
) -> None:
    from archivist.arrangement.items import correct_entity

    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number

    def refused(**kwargs: str) -> str:
        with pytest.raises(InputError) as info:
            correct_entity(archive, number, **{"reason": "更正", **kwargs})
        return info.value.code

    assert refused(id_number="110105198001010017") == "id_number.invalid"  # wrong check digit
    assert refused(unit_code="91350100M000100Y43") == "entity.wrong_identifier"  # a person
    assert refused(name="  ") == "entity.name_empty"
    assert refused() == "edit.nothing"
    assert refused(name="张三") == "edit.nothing"
    assert refused(name="张叁", reason=" ") == "reason.required"
    assert show(archive, number)["entity"]["name"] == "张三"
    _hand_over(archive, number)
    assert refused(name="张叁") == "volume.handed_over"
    assert show(archive, number)["entity"]["name"] == "张三"


def test_correct_a_units_credit_code(archive: Archive, tmp_path: Path) -> None:
    from archivist.arrangement.items import correct_entity
    from archivist.rules.identity import uscc_check_character

    unit = {"kind": "unit", "name": "某某公司", "unit_code": "91350100M000100Y43"}
    manifest = write_manifest(tmp_path / "u", entity=unit, title="某某公司参保登记")
    number = capture_from_manifest(archive, manifest).number
    with pytest.raises(InputError) as info:
        correct_entity(archive, number, unit_code="91350100M000100Y44", reason="代码录错")
    assert info.value.code == "unit_code.invalid"
    first17 = "91350100M000100Y5"
    good = first17 + uscc_check_character(first17)
    view = correct_entity(archive, number, unit_code=good, reason="代码录错")
    assert view["entity"]["unit_code"] == good
    assert view["history"][-1]["before"]["unit_code"] == "91350100M000100Y43"


def test_correct_entity_cli(archive: Archive, tmp_path: Path) -> None:
    import json

    number = capture_from_manifest(archive, write_manifest(tmp_path / "in")).number
    archive.close()
    root = str(archive.root)
    out = run_cli(
        "--archive", root, "item", "correct-entity", number, "--name", "张叁",
        "--reason", "姓名录错", "--json", check=True,
    )  # fmt: skip
    assert json.loads(out.stdout)["entity"]["name"] == "张叁"
    bad = run_cli(
        "--archive", root, "item", "correct-entity", number,
        "--id-number", "110105198001010017", "--reason", "x",
    )  # fmt: skip
    assert bad.returncode == 1 and "校验码" in bad.stderr
    plain = run_cli(
        "--archive", root, "item", "correct-entity", number, "--name", "张三", "--reason", "改回",
        check=True,
    )  # fmt: skip
    assert number in plain.stdout and "张三" in plain.stdout
