from __future__ import annotations

import datetime as dt

import pytest

from archivist.storage.filestore import item_folder, material_filename, safe_component


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("身份证复印件.jpg", "身份证复印件.jpg"),
        ('a<b>c:d"e/f\\g|h?i*j.pdf', "a_b_c_d_e_f_g_h_i_j.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("lpt1", "_lpt1"),
        ("name. ", "name"),
        ("tab\tname.pdf", "tab_name.pdf"),
    ],
)
def test_safe_component(name: str, expected: str) -> None:
    assert safe_component(name) == expected


def test_long_names_are_cut_keeping_extension() -> None:
    name = "很长的文件名" * 40 + ".pdf"
    safe = safe_component(name, 80)
    assert len(safe) == 80 and safe.endswith(".pdf") and safe.startswith("很长的文件名")


def test_layout_is_business_type_month_entity_number() -> None:
    folder = item_folder("稳岗返还", dt.date(2023, 11, 3), "某某有限公司", "2023-SY-000127")
    assert folder == "files/稳岗返还/2023-11/某某有限公司/2023-SY-000127"
    assert material_filename(3, "voucher", "营业执照.jpg") == "03-凭证-营业执照.jpg"
    assert material_filename(1, "form", "表?.pdf") == "01-表单-表_.pdf"
