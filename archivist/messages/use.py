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
    "use.lost": (
        "已登记为丢失，不在档案室：{numbers}",
        "Recorded as lost on a loan, no longer in the archive room: {numbers}",
    ),
    "use.already_decided": (
        "申请 {number} 已由 {by} 审批过，不能再次审批",
        "Request {number} was already decided by {by}; it cannot be decided again",
    ),
    "use.borrower_missing": ("请填写借阅人姓名", "Give the borrower's name"),
    "use.due_past_period": (
        "应还日期 {due} 超出批准的期限（自 {lent} 起 {days} 天）；更长须经续借批准",
        "The due date {due} is past the approved period ({days} days from {lent}); longer "
        "needs an approved extension",
    ),
    "use.gone": (
        "已销毁或已移交进馆，不在档案室：{numbers}",
        "Destroyed or transferred to the archives bureau, no longer in the archive room: {numbers}",
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
    # lending (archivist/use/lending.py)
    "use.not_a_loan": (
        "申请 {number} 不是借出申请（查阅、复制、调阅用完后办结：archivist use close）",
        "Request {number} is not a loan (a consultation, copy or view is closed when done: "
        "archivist use close)",
    ),
    "use.not_approved": (
        "申请 {number} 尚未审批，不能借出或办理",
        "Request {number} is not approved: nothing leaves without approval",
    ),
    "use.due_too_far": (
        "归还期限 {due} 超过借出后 {days} 天",
        "The due date {due} is more than {days} days after the loan",
    ),
    "use.already_lent": ("申请 {number} 已借出", "Request {number} is already out"),
    "use.due_before_loan": (
        "归还期限 {due} 早于借出日期 {lent}",
        "The due date {due} is before the day of the loan {lent}",
    ),
    "use.bad_condition": (
        "归还状况“{condition}”无效（可用：完好 intact、损坏 damaged、丢失 lost）",
        "There is no condition '{condition}' (conditions: {conditions})",
    ),
    "use.not_lent": (
        "申请 {number} 没有借出未还的档案",
        "Request {number} has nothing out on loan",
    ),
    "use.return_before_loan": (
        "归还日期 {day} 早于借出日期 {lent}",
        "The return day {day} is before the day of the loan {lent}",
    ),
    "use.not_in_request": (
        "{code} 不在申请 {number} 借出的档案中",
        "{code} was not lent under request {number}",
    ),
    "use.not_out": ("{code}（申请 {number}）已归还", "{code} (request {number}) is back already"),
    "use.close_loan": (
        "申请 {number} 是借出申请，须办理归还（archivist use return）",
        "Request {number} is a loan: it ends with its return (archivist use return)",
    ),
    "use.not_used": (
        "申请 {number}（{status}）尚未利用，不能登记利用效果",
        "Request {number} ({status}) has not been used yet: no effect to record",
    ),
    "use.borrower_needed": (
        "须填写借阅人（--borrower 姓名或单位，或 --staff 用户名）",
        "A borrower is needed (--borrower a name or unit, or --staff a user name)",
    ),
    # the person file (一人一档) and benefit events (helper P)
    "person.not_found": (
        "档案中没有与“{query}”相关的件",
        "Nothing in the archive concerns '{query}'",
    ),
    "person.bad_query": (
        "请输入姓名、身份证号或统一社会信用代码",
        "Give a name, an ID number or a unified social credit code",
    ),
    "person.ambiguous": (
        "有 {count} 位不同的人或单位名为“{query}”，请改用身份证号或编号查询：{choices}",
        "{count} different people or units are called '{query}'; ask by ID number or by "
        "reference: {choices}",
    ),
    "person.bad_ref": ("找不到人员或单位 {ref}", "No person or unit {ref}"),
    "person.loan": ("{borrower}（{number}，应还 {due}）", "{borrower} ({number}, due {due})"),
    "benefit.bad_kind": (
        "“{field}”的待遇事项类型无效：{value}（可用：{kinds}）：{file}",
        "Invalid benefit event kind in '{field}': {value} (kinds: {kinds}): {file}",
    ),
    "benefit.bad_amount": (
        '“{field}”的金额无效：{value}（应为以元为单位的文字，最多两位小数，如 "1234.56"）：{file}',
        "Invalid amount in '{field}': {value} (yuan as text, at most two decimals, e.g. "
        '"1234.56"): {file}',
    ),
    "benefit.bad_id_number": ("“{field}”：{problem}（{file}）", "'{field}': {problem} ({file})"),
    "benefit.amount_required": (
        "“{field}”缺少金额（{kind} 须填写金额）：{file}",
        "'{field}' is missing ({kind} needs an amount): {file}",
    ),
    "benefit.bad_period": (
        "“{field}”：期间结束 {end} 早于开始 {start}：{file}",
        "'{field}': the period ends {end}, before it starts {start}: {file}",
    ),
    "person.cli.who": ("{kind}：{names}  {ident}", "{kind}: {names}  {ident}"),
    "person.cli.kind.person": ("人员", "Person"),
    "person.cli.kind.unit": ("单位", "Unit"),
    "person.cli.entry": (
        "  {number}  {completed_on}  {klass} {business_type}  {retention}  {how}  {place}",
        "  {number}  {completed_on}  {klass} {business_type}  {retention}  {how}  {place}",
    ),
    "person.cli.how.entity": ("本人/本单位", "own"),
    "person.cli.how.roster": ("名册", "roster"),
    "person.cli.how.voucher": ("凭证", "voucher"),
    "person.cli.on_loan": ("借出：{loan}", "on loan: {loan}"),
    "person.cli.not_boxed": ("未装盒", "not boxed"),
    "person.cli.count": ("共 {count} 件", "{count} items"),
    "person.cli.events": ("待遇事项 {count} 条：", "{count} benefit events:"),
    "person.cli.event": (
        "  {date}  {kind}  {person}  {amount}  {period}  {item}  {bank_change}",
        "  {date}  {kind}  {person}  {amount}  {period}  {item}  {bank_change}",
    ),
    "benefit.cli.added": (
        "{number} 已登记待遇事项：{kind} {person} {amount}",
        "{number}: benefit event recorded: {kind} {person} {amount}",
    ),
    # copies (复制) and screen views (电子调阅): archivist/use/copies.py
    "use.copy_wrong_kind": (
        "申请 {number} 是{kind}申请，不是复制申请，不能制作复制件",
        "Request {number} is a request to {kind}, not to copy: no copy can be made under it",
    ),
    "use.copy_not_approved": (
        "复制申请 {number} 未获批准或已结束（状态：{status}），不能制作复制件",
        "Copy request {number} is not approved or is over (status: {status}): no copy can be made",
    ),
    "use.copy_period_over": (
        "复制申请 {number} 的有效期已于 {until} 结束，不能再制作复制件",
        "Copy request {number} was valid until {until}: no copy can be made now",
    ),
    "use.copy_bad_pages": (
        "页码“{pages}”无法识别：请写成 1-3,5 的形式（从 1 起，按申请中档案件的顺序连续计页）",
        "Cannot read the pages '{pages}': write them as 1-3,5 (counted from 1 through the "
        "request's items in order)",
    ),
    "use.copy_no_such_pages": (
        "申请 {number} 的档案共 {total} 页，没有第 {pages} 页（未生成任何文件）",
        "The records of request {number} have {total} pages; there is no page {pages} "
        "(no file was written)",
    ),
    "use.copy_no_pages": (
        "申请 {number} 的档案没有可复制的页面",
        "The records of request {number} have no pages to copy",
    ),
    "use.copy_file_missing": (
        "无法制作复制件：档案件 {number} 的存储文件缺失：{file}（未生成任何文件）",
        "Cannot make the copy: a stored file of item {number} is missing: {file} "
        "(no file was written)",
    ),
    "use.copy_file_changed": (
        "无法制作复制件：档案件 {number} 的存储文件与归档时的校验值不符（已损坏或被改动）："
        "{file}（未生成任何文件；请运行 archivist verify）",
        "Cannot make the copy: a stored file of item {number} no longer matches its "
        "recorded checksum (damaged or changed): {file} (no file was written; run "
        "archivist verify)",
    ),
    "use.copy_file_unreadable": (
        "无法制作复制件：无法读取档案件 {number} 的存储文件：{file}（未生成任何文件；详情见详细信息）",
        "Cannot make the copy: cannot read a stored file of item {number}: {file} "
        "(no file was written; see the details)",
    ),
    "use.copy_target_is_folder": (
        "保存位置是文件夹，请给出文件名：{file}",
        "That is a folder; give a file name: {file}",
    ),
    "use.copy_folder_missing": (
        "保存复制件的文件夹不存在：{folder}",
        "The folder to save the copy in does not exist: {folder}",
    ),
    "use.copy_cancelled": (
        "已取消制作复制件，未生成任何文件",
        "The copy was cancelled; no file was written",
    ),
    "use.view_wrong_kind": (
        "申请 {number} 是{kind}申请，不是电子调阅申请，不能在屏幕上调阅",
        "Request {number} is a request to {kind}, not to view on screen",
    ),
    "use.view_not_approved": (
        "电子调阅申请 {number} 未获批准或已结束（状态：{status}），不能调阅",
        "Screen-view request {number} is not approved or is over (status: {status})",
    ),
    "use.view_period_over": (
        "电子调阅申请 {number} 的有效期已于 {until} 结束，不能再调阅",
        "Screen-view request {number} was valid until {until}: it can no longer be viewed",
    ),
    "use.view_not_covered": (
        "电子调阅申请 {number} 不包括档案件 {item}",
        "Screen-view request {number} does not cover item {item}",
    ),
    # statistics and registers of use
    "use.bad_period": (
        "统计期间的结束日期 {end} 早于开始日期 {start}",
        "The period ends ({end}) before it starts ({start})",
    ),
}
