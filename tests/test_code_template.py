"""The archival-code template: checked with a sentence naming what is wrong (zh and
en), and rendered for the newest real item, or for a sample in an empty archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.capture.pipeline import capture_from_manifest
from archivist.rules.numbering import (
    SAMPLE_PARTS,
    TemplateError,
    newest_code_parts,
    preview_template,
    validate_template,
)

from .conftest import write_manifest


@pytest.mark.parametrize(
    ("template", "code", "zh", "en"),
    [
        ("", "template.empty", "模板为空", "it is empty"),
        ("{fonds", "template.braces", "花括号不成对", "unbalanced braces"),
        ("{}-{year}-{klass}-{serial}", "template.unnamed", "须写字段名", "name a field"),
        (
            "{bogus}-{year}-{klass}-{serial}",
            "template.unknown_field",
            "没有字段 {bogus}",
            "there is no field {bogus}",
        ),
        ("{fonds}-{year}-{serial}", "template.missing_field", "缺少 {klass}", "{klass} is missing"),
        ("{serial:Q}{year}{klass}", "template.format", "格式说明写错了", "format spec is wrong"),
        ("{year}{klass}{serial:090d}", "template.too_long", "超过 80 个", "over 80"),
    ],
)
def test_a_bad_template_is_named(template: str, code: str, zh: str, en: str) -> None:
    with pytest.raises(TemplateError) as caught:
        validate_template(template)
    assert caught.value.code == code
    assert caught.value.message("zh").startswith("档号模板无效：") and zh in caught.value.message(
        "zh"
    )
    assert en in caught.value.message("en")


def test_preview_of_the_newest_item(archive: Archive, tmp_path: Path) -> None:
    with archive.db.reading() as session:
        assert newest_code_parts(session) is None
    empty = preview_template("{fonds}/{year}/{klass}/{serial:03d}", category="SB")
    assert empty.number is None and empty.code == f"{SAMPLE_PARTS.fonds}/2023/SY/001"
    capture_from_manifest(archive, write_manifest(tmp_path / "a", completed_on="2022-03-01"))
    newest = capture_from_manifest(
        archive,
        write_manifest(tmp_path / "b", **{"class": "GS", "business_type": "工伤认定"}),
    )
    with archive.db.reading() as session:
        found = newest_code_parts(session)
    assert found is not None and found[1] == newest.number == "2023-GS-000001"
    shown = preview_template(
        "{fonds}-{category}·{year}-{retention}-{klass}-{serial:04d}", category="SB", newest=found
    )
    assert shown.number == "2023-GS-000001"
    assert shown.code == newest.archival_code == "J023-SB·2023-D50-GS-0001"
    with pytest.raises(TemplateError):
        preview_template("{fonds}", category="SB", newest=found)
