"""The ordering engine follows archive-rules.md §2 and explains itself."""

from __future__ import annotations

from archivist.rules.ordering import OrderInput, arrange, explain


def titles(inputs: list[OrderInput]) -> list[str]:
    by_index = {m.capture_index: m.title for m in inputs}
    return [by_index[p.capture_index] for p in arrange(inputs)]


def test_forms_before_vouchers_important_before_secondary() -> None:
    inputs = [
        OrderInput(0, "voucher", "次要凭证", importance="secondary"),
        OrderInput(1, "voucher", "重要凭证", importance="important"),
        OrderInput(2, "form", "表单"),
    ]
    assert titles(inputs) == ["表单", "重要凭证", "次要凭证"]


def test_vouchers_follow_the_roster() -> None:
    inputs = [
        OrderInput(0, "voucher", "丙的材料", person_position=3, person_name="丙"),
        OrderInput(1, "voucher", "甲的材料", person_position=1, person_name="甲"),
        OrderInput(2, "voucher", "乙的材料", person_position=2, person_name="乙"),
        OrderInput(3, "form", "名册"),
    ]
    assert titles(inputs) == ["名册", "甲的材料", "乙的材料", "丙的材料"]


def test_general_rules_then_capture_order() -> None:
    inputs = [
        OrderInput(0, "voucher", "来函", nature="incoming"),
        OrderInput(1, "voucher", "复函", nature="reply"),
        OrderInput(2, "voucher", "毕业证书复印件"),
        OrderInput(3, "voucher", "毕业证书"),
        OrderInput(4, "voucher", "附件：明细"),
        OrderInput(5, "voucher", "申请人材料", source="applicant"),
        OrderInput(6, "voucher", "调查笔录", source="agency"),
        OrderInput(7, "voucher", "工伤认定决定书"),
        OrderInput(8, "voucher", "说明甲"),
        OrderInput(9, "voucher", "说明乙"),
    ]
    order = titles(inputs)
    assert order.index("调查笔录") < order.index("申请人材料")  # agency before applicant
    assert order.index("工伤认定决定书") < order.index("毕业证书")  # conclusion before evidence
    assert order.index("毕业证书") < order.index("毕业证书复印件")  # original before copy
    assert order.index("说明甲") < order.index("附件：明细")  # text before attachment
    assert order.index("复函") < order.index("来函")  # reply before incoming
    assert order.index("说明甲") < order.index("说明乙")  # capture order last


def test_every_placement_is_explained_in_both_languages() -> None:
    inputs = [
        OrderInput(
            0,
            "voucher",
            "身份证复印件",
            importance="secondary",
            person_position=2,
            person_name="李四",
        ),
        OrderInput(1, "form", "登记表"),
    ]
    placements = arrange(inputs)
    voucher = next(p for p in placements if p.capture_index == 0)
    zh = explain(voucher.basis, "zh")
    en = explain(voucher.basis, "en")
    assert "次要凭证" in zh and "名册第2人 李四" in zh and "复印件" in zh
    assert "secondary voucher" in en and "roster person 2, 李四" in en
