"""The synthetic demo-data generator: valid identity codes, well-formed items, real files."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from archivist.capture.manifest import read_manifest
from archivist.demo import SCENARIOS, generate_batch, generate_item
from archivist.demo.people import PeopleFactory, luhn_check_digit
from archivist.demo.scenarios import completion_day
from archivist.demo.wording import amount_in_words
from archivist.errors import ArchiveError
from archivist.formats.fonts import FONT_ENV_VAR, find_cjk_font, font_faces
from archivist.formats.images import inspect_image
from archivist.messages import CATALOG
from archivist.resources import resource
from archivist.rules.identity import normalise_id_number, normalise_unit_code

MANIFEST_KEYS = {
    "class",
    "business_type",
    "completed_on",
    "entity",
    "title",
    "handler",
    "roster",
    "materials",
}
MATERIAL_KEYS = {
    "file",
    "role",
    "title",
    "importance",
    "person",
    "origin",
    "source",
    "copy",
    "attachment",
}
LATEST = min(dt.date.today(), dt.date(2025, 12, 31))


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """One item of every scenario: a batch of as many items as there are scenarios."""
    return generate_batch(tmp_path_factory.mktemp("demo"), len(SCENARIOS), seed=77)


def _load(manifest: Path) -> dict[str, Any]:
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _by_type(batch: list[Path]) -> dict[str, Path]:
    return {_load(m)["business_type"]: m for m in batch}


def test_people_carry_valid_codes() -> None:
    factory = PeopleFactory(random.Random(5))
    for _ in range(300):
        person = factory.person()
        assert normalise_id_number(person.id_number) == person.id_number
        assert person.id_number[6:14] == f"{person.birth_date:%Y%m%d}"
        assert int(person.id_number[16]) % 2 == (1 if person.gender == "男" else 0)
        assert luhn_check_digit(person.bank_card[:-1]) == person.bank_card[-1]
    for _ in range(100):
        unit = factory.unit()
        assert normalise_unit_code(unit.unit_code) == unit.unit_code
        assert unit.unit_code[2:8] == unit.region.code


def test_names_are_unique_within_a_factory() -> None:
    factory = PeopleFactory(random.Random(9))
    names = [factory.person().name for _ in range(500)]
    assert len(set(names)) == len(names)


def test_every_scenario_is_generated_once(batch: list[Path]) -> None:
    assert sorted(_by_type(batch)) == sorted(SCENARIOS)


def test_manifests_are_well_formed(batch: list[Path]) -> None:
    scheme = json.loads(resource("classification.json").read_text(encoding="utf-8"))
    known = {(c["code"], b["name"]) for c in scheme["classes"] for b in c["business_types"]}
    for manifest in batch:
        data = _load(manifest)
        assert set(data) == MANIFEST_KEYS, manifest
        assert (data["class"], data["business_type"]) in known
        completed = dt.date.fromisoformat(data["completed_on"])
        assert dt.date(2019, 1, 1) <= completed <= LATEST
        entity = data["entity"]
        if entity["kind"] == "person":
            assert set(entity) == {"kind", "name", "id_number"}
            normalise_id_number(entity["id_number"])
            assert data["roster"] == [entity["name"]]
        else:
            assert entity["kind"] == "unit"
            assert set(entity) == {"kind", "name", "unit_code"}
            normalise_unit_code(entity["unit_code"])
        assert data["title"].startswith(entity["name"])
        assert data["handler"]
        assert any(m["role"] == "form" for m in data["materials"])
        for material in data["materials"]:
            assert set(material) <= MATERIAL_KEYS
            assert material["role"] in ("form", "voucher")
            assert material["origin"] in ("scan", "electronic")
            path = manifest.parent / material["file"]
            assert path.is_file() and path.stat().st_size > 0, path
            if "person" in material:
                assert material["role"] == "voucher"
                assert material["person"] in data["roster"]
        listed = {m["file"] for m in data["materials"]}
        on_disk = {p.name for p in manifest.parent.iterdir()} - {"manifest.json"}
        assert listed == on_disk
        read_manifest(manifest)  # the archive's own reader accepts it


def test_batch_folders_follow_the_archive_layout(batch: list[Path]) -> None:
    for manifest in batch:
        data = _load(manifest)
        folder = manifest.parent
        assert folder.name.startswith(data["entity"]["name"])
        assert folder.parent.name == data["completed_on"][:7]
        assert folder.parent.parent.name == data["business_type"]


def _rule_order(material: dict[str, Any], roster: list[str]) -> tuple[int, int, int]:
    """Where the arrangement rules put a material: the form, then each roster person's
    important vouchers in roster order, then the secondary ones."""
    if material["role"] == "form":
        return (0, 0, 0)
    importance = 0 if material["importance"] == "important" else 1
    return (1, importance, roster.index(material["person"]))


def test_staff_registration_has_a_roster_and_per_person_vouchers(tmp_path: Path) -> None:
    out_of_order = 0
    for seed in range(4):
        manifest = generate_item(random.Random(seed), tmp_path / str(seed), scenario="参保人员登记")
        data = _load(manifest)
        roster = data["roster"]
        assert 2 <= len(roster) <= 5
        id_copies = [m for m in data["materials"] if m["title"] == "身份证复印件"]
        assert sorted(m["person"] for m in id_copies) == sorted(roster)
        assert all(m["importance"] == "important" for m in id_copies)
        contracts = [m for m in data["materials"] if m["title"] == "劳动合同"]
        assert all(m["importance"] == "secondary" for m in contracts)
        materials = data["materials"]
        if materials != sorted(materials, key=lambda m, r=roster: _rule_order(m, r)):
            out_of_order += 1
    assert out_of_order >= 2  # shuffled, so the ordering engine has work to do


def test_multi_page_tiffs(batch: list[Path]) -> None:
    tiffs = [p for m in batch for p in m.parent.glob("*.tif")]
    assert tiffs, "the outpatient scenario always scans its medical record as TIFF"
    for tiff in tiffs:
        facts = inspect_image(tiff, tiff.name)
        assert facts.format == "TIFF"
        assert facts.pages > 1


def test_scans_are_a4_images(batch: list[Path]) -> None:
    for manifest in batch:
        for path in manifest.parent.iterdir():
            if path.suffix in (".jpg", ".png"):
                facts = inspect_image(path, path.name)
                assert (facts.width, facts.height) == (1240, 1754)
                assert facts.pages == 1
                if path.suffix == ".jpg":
                    assert path.stat().st_size < 200_000


def _to_unicode_text(font: pikepdf.Dictionary) -> str:
    fonts = [font, *font.get("/DescendantFonts", [])]
    return "".join(
        f["/ToUnicode"].read_bytes().decode("latin-1") for f in fonts if "/ToUnicode" in f
    )


def test_electronic_pdfs_have_a_chinese_text_layer(batch: list[Path]) -> None:
    electronic = [
        manifest.parent / m["file"]
        for manifest in batch
        for m in _load(manifest)["materials"]
        if m["origin"] == "electronic"
    ]
    assert len(electronic) >= 3  # the injury decision, the bank receipt, the maternity assessment
    for path in electronic:
        with pikepdf.open(path) as pdf:
            page = pdf.pages[0]
            fonts = page.obj["/Resources"]["/Font"]
            assert len(fonts.keys()) > 0, path
            cmap = "".join(_to_unicode_text(font) for _name, font in fonts.items())
            # The CMap maps glyphs back to text: some targets are CJK ideographs.
            targets = [int(code, 16) for code in re.findall(r"<([0-9A-Fa-f]{4})>", cmap)]
            assert any(0x4E00 <= code <= 0x9FFF for code in targets), path
            assert (
                b"Tj" in page.obj["/Contents"].read_bytes()
                or b"TJ" in page.obj["/Contents"].read_bytes()
            )


def test_scanned_pdfs_hold_page_images_only(batch: list[Path]) -> None:
    scanned = [
        manifest.parent / m["file"]
        for manifest in batch
        for m in _load(manifest)["materials"]
        if m["origin"] == "scan" and m["file"].endswith(".pdf")
    ]
    assert scanned
    pages_seen = 0
    for path in scanned:
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                pages_seen += 1
                resources = page.obj["/Resources"]
                assert "/Font" not in resources
                images = [
                    x for x in resources["/XObject"].values() if x.get("/Subtype") == "/Image"
                ]
                assert len(images) == 1
    assert pages_seen > len(scanned)  # the injury application form has two pages


def test_generation_is_deterministic(batch: list[Path], tmp_path: Path) -> None:
    again = generate_batch(tmp_path, len(SCENARIOS), seed=77)
    first_root = batch[0].parents[3]
    for one, two in zip(batch, again, strict=True):
        assert one.relative_to(first_root) == two.relative_to(tmp_path)
        names = sorted(p.name for p in one.parent.iterdir())
        assert names == sorted(p.name for p in two.parent.iterdir())
        for name in names:
            assert (one.parent / name).read_bytes() == (two.parent / name).read_bytes(), name


def test_progress_is_reported(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    generate_batch(tmp_path, 2, seed=3, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]


def test_completion_days_are_never_in_the_future() -> None:
    rng = random.Random(1)
    days = [completion_day(rng) for _ in range(2000)]
    assert min(days) >= dt.date(2019, 1, 1)
    assert max(days) <= LATEST
    assert {d.year for d in days} == set(range(2019, LATEST.year + 1))
    assert completion_day(rng, 2031) <= LATEST


def test_unknown_scenario_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown scenario"):
        generate_item(random.Random(1), tmp_path, scenario="养老金")


def test_amounts_in_capital_numerals() -> None:
    assert amount_in_words(0) == "零元整"
    assert amount_in_words(1_000_500) == "壹万零伍元整"
    assert amount_in_words(123_456_789) == "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"
    assert amount_in_words(10_001_000_007) == "壹亿零壹万元零柒分"


def test_font_lookup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(FONT_ENV_VAR, raising=False)
    font = find_cjk_font(truetype_outlines=True)
    assert any(face.truetype_outlines for face in font_faces(font))

    monkeypatch.setenv(FONT_ENV_VAR, str(tmp_path / "missing.ttf"))
    with pytest.raises(ArchiveError) as missing:
        find_cjk_font()
    assert missing.value.code == "font.unusable"

    not_a_font = tmp_path / "fake.ttf"
    not_a_font.write_bytes(b"this is no font at all")
    monkeypatch.setenv(FONT_ENV_VAR, str(not_a_font))
    with pytest.raises(ArchiveError):
        find_cjk_font()

    monkeypatch.setenv(FONT_ENV_VAR, str(font))
    assert find_cjk_font() == font
    for code in ("font.missing", "font.unusable"):
        zh, en = CATALOG[code]
        assert zh and en


def test_a_configured_cff_font_is_passed_over_for_pdfs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A font with CFF outlines (as Noto Sans CJK's .otf/.ttc are) suits Pillow but not
    reportlab. Made here as the smallest OpenType file with a CFF table (the font's kind
    is read from its table directory), so the test needs no large system font."""
    import struct

    cff = tmp_path / "SmallCJK-Regular.otf"
    header = b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0)
    record = struct.pack(">4sIII", b"CFF ", 0, 12 + 16, 4)
    cff.write_bytes(header + record + b"\x01\x00\x04\x02")
    monkeypatch.setenv(FONT_ENV_VAR, str(cff))
    assert find_cjk_font() == cff  # fine for Pillow
    assert find_cjk_font(truetype_outlines=True) != cff  # reportlab needs glyf outlines
