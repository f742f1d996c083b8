"""Use (利用): requests, approval, loans, returns, copies, the person file, benefit events.
Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "use.unknown_request": ("找不到利用申请：{number}", "Use request not found: {number}"),
    "use.unknown_kind": (
        "没有利用方式“{kind}”（可用：{kinds}）",
        "There is no kind of use '{kind}' (kinds: {kinds})",
    ),
    "use.unknown_status": (
        "没有申请状态“{status}”（可用：{states}）",
        "There is no request status '{status}' (states: {states})",
    ),
    "use.unknown_staff": (
        "没有在用的账户 {user}（借阅人为本单位工作人员时填其用户名）",
        "There is no active account {user} (a staff borrower is named by user name)",
    ),
    "use.unit_needs_name": ("借阅单位须填写单位名称", "A borrowing unit needs its name"),
    "use.empty_selection": (
        "申请没有选择任何档案（件、案卷或盒）",
        "The request selects nothing (items, volumes or boxes)",
    ),
    "use.too_many": ("一次申请最多 {limit} 项", "A request covers at most {limit} records"),
    "use.bad_days": ("期限须为 {low}–{high} 天", "The period must be {low}–{high} days"),
    "use.accounting_not_lent": (
        "会计档案不外借（只可查阅、复制）：{numbers}",
        "Accounting records are not lent outside the unit (consult or copy only): {numbers}",
    ),
    "use.already_out": (
        "已借出，尚未归还：{numbers}",
        "Already out on loan and not returned: {numbers}",
    ),
    "use.own_request": (
        "{user} 不能审批自己提出或自己借阅的申请 {number}，须由他人审批",
        "{user} may not approve request {number}, which they made or borrow under: someone "
        "else must",
    ),
}
