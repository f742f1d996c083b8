"""Disposition (处置): holds, the appraisal due list. Code: (Chinese, English)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # the scope of the due list and of a batch (archivist/disposition/due.py)
    "disposition.bad_year": (
        "年度须为 {earliest}–{latest} 之间的整数，给出的是 {value}",
        "The year must be a whole number from {earliest} to {latest}, not {value}",
    ),
    "disposition.bad_within": (
        "规划年数须为 0–{limit} 之间的整数，给出的是 {value}",
        "The planning years must be a whole number from 0 to {limit}, not {value}",
    ),
    # free text (archivist/disposition/words.py)
    "disposition.text_required": ("请填写{field}", "Give the {field}"),
    "disposition.text_too_long": (
        "{field}过长：{length} 个字符（最多 {limit} 个）",
        "The {field} is too long: {length} characters (at most {limit})",
    ),
    "disposition.text_control": (
        "{field}含有控制字符：{value}",
        "The {field} contains control characters: {value}",
    ),
    "disposition.field.reason": ("理由", "reason"),
    "disposition.field.method": ("销毁方式", "method of destruction"),
    "disposition.field.place": ("销毁地点", "place of destruction"),
    # holds (archivist/disposition/holds.py)
    "hold.unknown": ("找不到保全：{number}", "Hold not found: {number}"),
    "hold.unknown_kind": (
        "没有保全类型“{kind}”（可用：{kinds}）",
        "There is no kind of hold '{kind}' (kinds: {kinds})",
    ),
    "hold.unknown_state": (
        "没有保全状态“{state}”（可用：{states}）",
        "There is no hold state '{state}' (states: {states})",
    ),
    "hold.choose_target": (
        "保全须选择档案件或一个案卷（二者择一）",
        "A hold is placed on items or on one volume (one of the two)",
    ),
    "hold.too_many": ("一次最多保全 {limit} 件", "At most {limit} items are held at once"),
    "hold.already_held": (
        "{code} 已有同类保全 {number}，未解除前不能重复设置",
        "{code} is already held for this kind by {number}; lift it before placing another",
    ),
    "hold.not_in_room": (
        "{number} 已不在档案室（状态：{state}），不能保全",
        "{number} is no longer in the archive room ({state}): nothing to hold",
    ),
    "hold.already_lifted": (
        "保全 {number} 已由 {by} 解除，不能再次解除",
        "Hold {number} was already lifted by {by}; it cannot be lifted again",
    ),
    "hold.shortens_retention": (
        "{number} 处于保全中（{holds}），不能缩短其保管期限（{old} → {new}）",
        "{number} is on hold ({holds}); its retention cannot be shortened ({old} → {new})",
    ),
    # appraisal batches (archivist/disposition/appraisal.py)
    "appraisal.unknown": ("找不到鉴定批次：{number}", "Appraisal batch not found: {number}"),
    "appraisal.too_few_members": (
        "鉴定小组至少需要 {min} 名成员（给出的是 {count} 名）",
        "An appraisal group needs at least {min} members ({count} given)",
    ),
    "appraisal.too_many_members": (
        "鉴定小组最多 {max} 名成员（给出的是 {count} 名）",
        "An appraisal group has at most {max} members ({count} given)",
    ),
    "appraisal.unknown_member": (
        "“{user}”不是本档案室的人员账号，不能参加鉴定小组",
        "'{user}' is not a person's account of this archive; they cannot join the appraisal group",
    ),
    "appraisal.member_inactive": (
        "账号 {user} 已停用，不能参加鉴定小组",
        "The account {user} is disabled; it cannot join the appraisal group",
    ),
    "appraisal.member_not_appraiser": (
        "{user} 没有鉴定人员角色，不能参加鉴定小组",
        "{user} does not hold the appraiser role; they cannot join the appraisal group",
    ),
    "appraisal.no_head": (
        "鉴定小组须有一名负责人：至少一名成员同时具有负责人角色",
        "The appraisal group needs its head: at least one member must also hold the head role",
    ),
    "appraisal.future_as_of": (
        "鉴定基准日 {day} 晚于今天：只能鉴定已到期的档案",
        "The appraisal day {day} is after today: only records already due can be appraised",
    ),
    "appraisal.nothing_due": (
        "截至 {as_of} 没有可鉴定的档案（范围：{scope}；保全中的和已在鉴定或销毁中的不计）",
        "Nothing is due for appraisal on {as_of} (scope: {scope}; records on hold or already "
        "being appraised or destroyed are left out)",
    ),
    "appraisal.permanent": (
        "{number} 永久保存（没有到期日），不进入鉴定",
        "{number} is kept permanently (it never falls due); it is not appraised",
    ),
    "appraisal.not_due": (
        "{number} 到 {expires} 才到期，鉴定基准日 {as_of} 时尚未到期，不能鉴定",
        "{number} falls due only on {expires}; it is not due on the appraisal day {as_of}",
    ),
    "appraisal.not_captured": (
        "{number} 已不在档案室（状态：{state}），不能鉴定",
        "{number} is no longer in the archive room (state: {state}); it cannot be appraised",
    ),
    "appraisal.out_of_scope": (
        "{number} 不属于所选范围（{scope}）",
        "{number} is outside the chosen scope ({scope})",
    ),
    "appraisal.held_out": (
        "{number} 处于保全中（{holds}），保全解除前不列入鉴定",
        "{number} is on hold ({holds}); it is left out of appraisal until the hold is lifted",
    ),
    "appraisal.held_destroy": (
        "{number} 处于保全中（{holds}），不能提出销毁意见",
        "{number} is on hold ({holds}); it cannot be proposed for destruction",
    ),
    "appraisal.in_batch": (
        "{number} 已在鉴定批次 {batch} 中，签署完成前不能再列入其他批次",
        "{number} is already in the appraisal batch {batch}; it cannot join another batch "
        "before that one is signed",
    ),
    "appraisal.in_register": (
        "{number} 已列入销毁清册 {register}，不能再鉴定",
        "{number} is already listed in the destruction register {register}; it cannot be "
        "appraised again",
    ),
    "appraisal.awaiting_register": (
        "{number} 已在鉴定批次 {batch} 中被鉴定为销毁，等待编制销毁清册，不能再鉴定",
        "{number} was appraised for destruction in the batch {batch} and awaits its "
        "destruction register; it cannot be appraised again",
    ),
    "appraisal.not_in_batch": (
        "{number} 不在鉴定批次 {batch} 中",
        "{number} is not in the appraisal batch {batch}",
    ),
    "appraisal.no_numbers": (
        "请给出要填写鉴定意见的档案件号",
        "Name the records the opinion is for",
    ),
    "appraisal.unknown_opinion": (
        "没有鉴定意见“{opinion}”（可用：destroy 销毁、extend 延期、permanent 永久保存）",
        "There is no opinion '{opinion}' (opinions: destroy, extend, permanent)",
    ),
    "appraisal.period_required": (
        "延期意见须给出新的保管期限（如 D30 或 30年）",
        "An extension needs the new retention period (such as D30 or 30年)",
    ),
    "appraisal.period_only_extend": (
        "只有延期意见才给出新的保管期限",
        "Only an extension takes a new retention period",
    ),
    "appraisal.bad_period": (
        "“{value}”不是保管期限（如 D30、30年）",
        "'{value}' is not a retention period (such as D30 or 30年)",
    ),
    "appraisal.extend_to_permanent": (
        "改为永久保存请用“永久保存”意见，而不是延期",
        "To keep a record permanently give the opinion 'permanent', not an extension",
    ),
    "appraisal.not_longer": (
        "{number} 现保管期限为{old}，延期须长于现期限（给出的是{new}）",
        "{number} is kept {old} now; an extension must be longer (given: {new})",
    ),
    "appraisal.expiry_not_after": (
        "{number} 延期为{new}后于 {expires} 到期，不晚于鉴定基准日 {as_of}：须给出更长的期限",
        "{number} extended to {new} would fall due on {expires}, not after the appraisal day "
        "{as_of}: give a longer period",
    ),
    "appraisal.signed": (
        "鉴定批次 {number} 已于 {at} 签署完毕，不能再更改或签字",
        "The appraisal batch {number} was signed on {at}; it cannot change or be signed again",
    ),
    "appraisal.not_member_opinion": (
        "{user} 不是鉴定批次 {number} 的鉴定小组成员，不能给出鉴定意见",
        "{user} is not a member of the appraisal group of {number}; they cannot give opinions",
    ),
    "appraisal.cancelled": (
        "鉴定批次 {number} 已于 {at} 撤销，不能再更改、签字或撤销",
        "The appraisal batch {number} was cancelled on {at}; it cannot change, be signed "
        "or be cancelled again",
    ),
    "appraisal.signed_not_cancelled": (
        "鉴定批次 {number} 已于 {at} 经全体成员签署，不能撤销（已签署的鉴定意见保留；"
        "未执行的销毁清册可以撤回）",
        "The appraisal batch {number} was signed by every member on {at}; it cannot be "
        "cancelled (signed opinions stay; a destruction register not yet approved can be "
        "withdrawn)",
    ),
    "appraisal.not_member_cancel": (
        "{user} 既不是鉴定批次 {number} 的鉴定小组成员，也不是其建立人，不能撤销",
        "{user} is neither a member of the appraisal group of {number} nor its maker; "
        "they cannot cancel it",
    ),
    "appraisal.not_member_sign": (
        "{user} 不是鉴定批次 {number} 的鉴定小组成员，不能签字",
        "{user} is not a member of the appraisal group of {number}; they cannot sign it",
    ),
    "appraisal.already_signed": (
        "{user} 已于 {at} 在鉴定批次 {number} 上签字，不能重复签字",
        "{user} already signed the appraisal batch {number} on {at}",
    ),
    "appraisal.period_too_long": (
        "“{value}”超过最长的定期保管期限 {max} 年；需要长期保存的请用“永久保存”意见",
        "'{value}' is longer than the longest fixed term ({max} years); to keep a record "
        "for ever give the opinion 'permanent'",
    ),
    "appraisal.changed_since": (
        "{number} 的保管期限在鉴定批次 {batch} 建立后已更改（{old} → {new}），"
        "不能按原意见签字；请先核对这项更正",
        "The retention of {number} changed after the batch {batch} was made ({old} → "
        "{new}); the opinion cannot be signed as it stands: check that correction first",
    ),
    "appraisal.undecided": (
        "鉴定批次 {number} 还有 {count} 件未给出鉴定意见（如 {numbers}），不能签字",
        "The appraisal batch {number} still has {count} records without an opinion "
        "(such as {numbers}); it cannot be signed",
    ),
    # destruction registers (archivist/disposition/destruction.py)
    "destruction.unknown": ("找不到销毁清册：{number}", "Destruction register not found: {number}"),
    "destruction.unknown_batch": ("找不到鉴定批次：{batch}", "Appraisal batch not found: {batch}"),
    "destruction.batch_not_signed": (
        "鉴定批次 {batch} 尚未经全体鉴定小组成员签字，不能据以编制销毁清册",
        "Appraisal batch {batch} is not yet signed by every member of the group; "
        "no destruction register can be made from it",
    ),
    "destruction.batch_used": (
        "鉴定批次 {batch} 的销毁意见已编入销毁清册 {registers}，不能再次编制",
        "The destroy opinions of appraisal batch {batch} are already in register "
        "{registers}; they are not listed again",
    ),
    "destruction.nothing_to_destroy": (
        "鉴定批次 {batch} 没有“销毁”意见的档案，无需编制销毁清册",
        "Appraisal batch {batch} has no record with the opinion 'destroy'; there is "
        "nothing to list",
    ),
    "destruction.future_day": (
        "编制日期 {day} 晚于今天（{today}）",
        "The day the register is made ({day}) is after today ({today})",
    ),
    "destruction.before_batch": (
        "编制日期 {day} 早于鉴定批次 {batch} 的鉴定基准日（{as_of}）",
        "The day the register is made ({day}) is before the day of appraisal batch "
        "{batch} ({as_of})",
    ),
    "destruction.item_gone": (
        "{number} {state}，不能列入销毁清册",
        "{number} is {state}; it cannot be listed for destruction",
    ),
    "destruction.permanent": (
        "{number} 为永久保管档案，不能销毁",
        "{number} is kept permanently; it cannot be destroyed",
    ),
    "destruction.held": (
        "{number} 处于保全中（{holds}），解除保全前不能销毁",
        "{number} is on hold ({holds}); it cannot be destroyed until the hold is lifted",
    ),
    "destruction.not_due": (
        "{number} 的保管期限已更改，{day} 尚未到期（至 {expires}），不能列入销毁清册；"
        "请先核对这项更正",
        "{number} had its retention changed and is not due on {day} (it runs to {expires}); "
        "it cannot be listed for destruction: check that correction first",
    ),
    "destruction.on_loan": (
        "{number} 已借出（{loans}），尚未归还，不能列入销毁清册；请先收回",
        "{number} is out on loan ({loans}); it cannot be listed for destruction until it is back",
    ),
    "destruction.already_listed": (
        "{number} 已列入尚未执行的销毁清册 {register}",
        "{number} is already listed in destruction register {register}, not yet carried out",
    ),
    "destruction.not_proposed": (
        "销毁清册 {number} 当前状态为“{state}”，只有待审批的清册可以批准",
        "Destruction register {number} is {state}; only a proposed register can be approved",
    ),
    "destruction.withdrawn": (
        "销毁清册 {number} 已于 {at} 撤回，不能再批准、签字或执行",
        "Destruction register {number} was withdrawn on {at}; it cannot be approved, "
        "signed or carried out",
    ),
    "destruction.not_withdrawable": (
        "销毁清册 {number} 当前状态为“{state}”，只有待审批的清册可以撤回",
        "Destruction register {number} is {state}; only a proposed register can be withdrawn",
    ),
    "destruction.withdraw_not_allowed": (
        "{user} 不是销毁清册 {number} 的编制人，也没有审批权，不能撤回",
        "{user} neither proposed destruction register {number} nor may approve it; "
        "they cannot withdraw it",
    ),
    "destruction.reappraised": (
        "{number} 在鉴定批次 {batch} 之后又列入鉴定批次 {later}，以新的鉴定为准，"
        "不能据 {batch} 编入销毁清册",
        "{number} was taken into appraisal batch {later} after {batch}; the newer "
        "appraisal counts, so it is not listed from {batch}",
    ),
    "destruction.own_proposal": (
        "销毁清册 {number} 由 {user} 本人编制，须由编制人以外的负责人批准",
        "Destruction register {number} was proposed by {user}; a head other than its "
        "proposer approves it",
    ),
    "destruction.unknown_duty": (
        "没有签字职责“{duty}”（可用：{duties}）",
        "There is no signing duty '{duty}' (duties: {duties})",
    ),
    "destruction.unknown_unit": (
        "没有监销人所在部门“{unit}”（可用：{units}）",
        "There is no supervisor's unit '{unit}' (units: {units})",
    ),
    "destruction.user_required": (
        "代签须同时给出签字人的用户名和密码",
        "A countersignature needs both the signer's user name and password",
    ),
    "destruction.password_required": (
        "请输入签字人 {user} 本人的密码",
        "Type the password of {user}, who signs",
    ),
    "destruction.executed": (
        "销毁清册 {number} 已执行销毁，不能再签字",
        "Destruction register {number} has been carried out; it takes no more signatures",
    ),
    "destruction.unit_head_by_approval": (
        "单位负责人在批准销毁清册 {number} 时即已签字，无需单独签字",
        "The unit head signs register {number} by approving it; there is no separate signature",
    ),
    "destruction.supervise_unapproved": (
        "销毁清册 {number} 尚未批准，监销人只能在批准后签字",
        "Destruction register {number} is not approved; supervisors sign an approved register",
    ),
    "destruction.approver_supervises": (
        "{user} 批准了销毁清册 {number}，不能同时担任监销人",
        "{user} approved destruction register {number} and cannot also supervise it",
    ),
    "destruction.unit_required": (
        "会计档案销毁清册 {number} 的监销人须注明所在部门（{units}）",
        "A supervisor of accounting register {number} names their unit ({units})",
    ),
    "destruction.signed_twice": (
        "{user} 已作为监销人在销毁清册 {number} 上签字",
        "{user} has already signed destruction register {number} as a supervisor",
    ),
    "destruction.not_accounting": (
        "销毁清册 {number} 不是会计档案销毁清册，没有“{duty}”签字",
        "Destruction register {number} is not an accounting register; it has no '{duty}' signature",
    ),
    "destruction.unit_for_supervisors": (
        "只有监销人签字需注明部门",
        "Only a supervisor's signature names a unit",
    ),
    "destruction.duty_signed": (
        "销毁清册 {number} 的“{duty}”已由 {user} 签字",
        "The '{duty}' of destruction register {number} has already been signed by {user}",
    ),
    "destruction.one_duty_each": (
        "{user} 已以“{duty}”身份在销毁清册 {number} 上签字；会计档案销毁清册的五个签字须由五个不同的人签署",
        "{user} has already signed register {number} as {duty}; the five signatures of an "
        "accounting register are given by five different people",
    ),
    "destruction.duty.unit_head": ("单位负责人", "unit head"),
    "destruction.duty.archives_head": ("档案机构负责人", "head of archives"),
    "destruction.duty.accounting_head": ("会计机构负责人", "head of accounting"),
    "destruction.duty.archives_handler": ("档案经办人", "archives handler"),
    "destruction.duty.accounting_handler": ("会计经办人", "accounting handler"),
    "destruction.duty.supervisor": ("监销人", "supervisor"),
    "destruction.unit.archives": ("档案部门", "archives"),
    "destruction.unit.accounting": ("会计部门", "accounting"),
    "destruction.unit.it": ("信息技术部门", "IT"),
    "destruction.unit.other": ("其他部门", "other"),
    "destruction.note.hold_lifted": (
        "曾保全 {number}（{kind}），{on} 解除：{reason}",
        "held by {number} ({kind}), lifted {on}: {reason}",
    ),
    "destruction.note.volume": ("原属案卷 {volume}", "was in volume {volume}"),
    # `archivist destruction …` (archivist/cli/destruction.py)
    "cli.destruction.created": (
        "已编制销毁清册 {number}（{kind}）：{count} 件，{pages} 页，待批准",
        "Made destruction register {number} ({kind}): {count} items, {pages} pages; "
        "awaiting approval",
    ),
    "cli.destruction.kind.accounting": ("会计档案", "accounting archives"),
    "cli.destruction.kind.ordinary": ("业务档案", "business records"),
    "cli.destruction.approved": (
        "已批准销毁清册 {number}，清单已冻结",
        "Approved destruction register {number}; its list is frozen",
    ),
    "cli.destruction.signed": (
        "{name}（{user}）已以“{duty}”身份在销毁清册 {number} 上签字",
        "{name} ({user}) signed destruction register {number} as {duty}",
    ),
    "cli.destruction.header": (
        "销毁清册 {number}（{kind}）  状态：{state}  鉴定批次：{batch}  全宗：{fonds}",
        "Destruction register {number} ({kind})  state: {state}  batch: {batch}  fonds: {fonds}",
    ),
    "cli.destruction.people": (
        "编制：{proposer} {proposed_at}  鉴定小组负责人：{leader}  批准：{approver} {approved_at}",
        "proposed: {proposer} {proposed_at}  group leader: {leader}  approved: {approver} "
        "{approved_at}",
    ),
    "cli.destruction.execution": (
        "销毁日期：{on}  方式：{method}  地点：{place}  执行：{by}",
        "destroyed on: {on}  method: {method}  place: {place}  by: {by}",
    ),
    "cli.destruction.row": (
        "{seq:>4}  {code}  {title}  {year}  {retention}  已保管{kept}年  {pages}页  {note}",
        "{seq:>4}  {code}  {title}  {year}  {retention}  kept {kept} years  {pages} p.  {note}",
    ),
    "cli.destruction.signature": (
        "  签字：{duty}{unit} {name}（{user}）{at}",
        "  signed: {duty}{unit} {name} ({user}) {at}",
    ),
    "cli.destruction.unit": ("（{unit}）", " ({unit})"),
    "cli.destruction.total": ("共 {count} 件，{pages} 页", "{count} items, {pages} pages"),
    "cli.destruction.line": (
        "{number}  {kind}  {state}  鉴定批次 {batch}  {count} 件  监销人 {supervisors}",
        "{number}  {kind}  {state}  batch {batch}  {count} items  supervisors {supervisors}",
    ),
    "cli.destruction.count": ("共 {count} 本销毁清册", "{count} destruction registers"),
    "cli.destruction.password_file": (
        "读不出签字人的密码文件 {path}",
        "The signer's password file {path} cannot be read",
    ),
    # executing a destruction register (archivist/disposition/execution.py)
    "cli.destruction.executing": ("正在销毁", "Destroying"),
    "cli.destruction.executed": (
        "销毁清册 {number} 已于 {on} 执行：{count} 件档案仅存目录信息，删除文件 {files} 个，"
        "释放 {size}",
        "Destruction register {number} executed on {on}: {count} records are stubs now; "
        "{files} files removed, {size} freed",
    ),
    "removal.too_few_supervisors": (
        "销毁须有至少两名不同的监销人在场（现为 {count} 名）",
        "A destruction needs at least two different supervisors present ({count} named)",
    ),
    "removal.method_required": ("请填写销毁方式", "Give the method of destruction"),
    "removal.place_required": ("请填写销毁地点", "Give the place of destruction"),
    "removal.future_date": (
        "销毁日期 {date} 晚于今天（{today}），不能预先登记",
        "The destruction date {date} is after today ({today}); it cannot be recorded ahead",
    ),
    "removal.executed": (
        "销毁清册 {number} 已于 {on} 执行销毁，不能再次执行",
        "The destruction register {number} was already executed on {on}",
    ),
    "removal.unapproved": (
        "销毁清册 {number} 尚未批准（当前：{state}），不能执行销毁",
        "The destruction register {number} is not approved ({state}); it cannot be executed",
    ),
    "removal.before_approval": (
        "销毁日期 {date} 早于销毁清册 {number} 的批准日期 {approved}",
        "The destruction date {date} is before the approval of {number} ({approved})",
    ),
    "removal.approver_supervises": (
        "{user} 批准了销毁清册 {number}，不能同时担任监销人",
        "{user} approved the destruction register {number} and cannot be its supervisor",
    ),
    "removal.not_signed": (
        "{user} 未在销毁清册 {number} 上签字监销，不能作为监销人",
        "{user} has not signed the destruction register {number} as a supervisor",
    ),
    "removal.duties_missing": (
        "会计档案销毁清册 {number} 还缺少以下签字：{duties}",
        "The accounting destruction register {number} still lacks these signatures: {duties}",
    ),
    "removal.duties_not_distinct": (
        "会计档案销毁清册 {number} 的五个签字须由五个不同的人分别签署",
        "The five signatures of the accounting destruction register {number} must be by five "
        "different people",
    ),
    "removal.units_missing": (
        "会计档案销毁须有档案、会计和信息部门的监销人在场，缺少：{units}（清册 {number}）",
        "Destroying accounting archives needs supervisors from archives, accounting and IT; "
        "missing: {units} (register {number})",
    ),
    "removal.empty": (
        "销毁清册 {number} 没有任何档案",
        "The destruction register {number} lists no records",
    ),
    "removal.item_destroyed": (
        "销毁清册 {number} 中有 {count} 件档案已被销毁（{items}），不能再次销毁",
        "{count} records of the register {number} are already destroyed ({items})",
    ),
    "removal.item_transferred": (
        "销毁清册 {number} 中有 {count} 件档案已移交（{items}），不能销毁",
        "{count} records of the register {number} were transferred meanwhile ({items})",
    ),
    "removal.permanent": (
        "永久保管的档案不能销毁：{items}（清册 {number}）",
        "Permanent records are never destroyed: {items} (register {number})",
    ),
    "removal.not_due": (
        "{items} 的保管期限已更改，{date} 尚未到期（至 {expires}），不能销毁；"
        "请先核对这项更正（清册 {number}）",
        "{items} had their retention changed and are not due on {date} (they run to "
        "{expires}); check that correction first (register {number})",
    ),
    "removal.on_loan": (
        "{items} 已借出（{loans}），尚未归还，不能销毁；请先收回（清册 {number}）",
        "{items} are out on loan ({loans}) and cannot be destroyed until they are back "
        "(register {number})",
    ),
    "removal.held": (
        "{items} 处于保全中（{holds}），不能销毁；请先解除保全（清册 {number}）",
        "{items} are on hold ({holds}) and cannot be destroyed; lift the holds first "
        "(register {number})",
    ),
    "removal.not_a_register": (
        "{number} 是档案件号，不是销毁清册号（XH-年度-序号）",
        "{number} is a record's number, not a destruction register's (XH-year-serial)",
    ),
    "removal.content_left": (
        "{number} 已销毁，但仍登记有 {materials} 份材料、留有 {files} 个文件（{shown}）",
        "{number} was destroyed, but {materials} materials are still registered and {files} "
        "files are still there ({shown})",
    ),
    # appraisal on the command line (archivist/cli/appraisal.py)
    "cli.appraisal.choose_rows": (
        "请给出档案件号，或用 --all 选择全部未定的（二者择一）",
        "Name the records, or choose every undecided one with --all (one of the two)",
    ),
    "cli.appraisal.none_undecided": (
        "鉴定批次 {batch} 没有未给出意见的档案",
        "The appraisal batch {batch} has no record without an opinion",
    ),
    "cli.appraisal.created": (
        "已建立鉴定批次 {number}：{count} 件，鉴定基准日 {as_of}，鉴定小组 {members}",
        "Made the appraisal batch {number}: {count} records, appraisal day {as_of}, "
        "group {members}",
    ),
    "cli.appraisal.opinion_set": (
        "鉴定批次 {number}：{count} 件的鉴定意见为“{opinion}”",
        "Appraisal batch {number}: {count} records given the opinion '{opinion}'",
    ),
    "cli.appraisal.signatures_cleared": (
        "意见已更改，原有签字（{names}）已清除，须重新签字",
        "The opinions changed: the signatures given ({names}) were cleared; sign again",
    ),
    "cli.appraisal.signed": (
        "{user} 已在鉴定批次 {number} 上签字（{signed}/{members}）",
        "{user} signed the appraisal batch {number} ({signed}/{members})",
    ),
    "cli.appraisal.completed": (
        "鉴定批次 {number} 全体成员已签字：销毁 {destroy} 件，延期 {extend} 件，"
        "改为永久 {permanent} 件；延期和永久保存已生效",
        "Every member signed the appraisal batch {number}: {destroy} to destroy, {extend} "
        "extended, {permanent} kept permanently; the extensions and permanent periods apply now",
    ),
    "cli.appraisal.head": (
        "鉴定批次 {number}（{state}）鉴定基准日 {as_of}，范围 {scope}；{by} 建立于 {at}",
        "Appraisal batch {number} ({state}), appraisal day {as_of}, scope {scope}; "
        "made by {by} on {at}",
    ),
    "cli.appraisal.state.draft": ("待签署", "awaiting signatures"),
    "cli.appraisal.state.signed": ("已签署", "signed"),
    "cli.appraisal.state.canceled": ("已撤销", "cancelled"),
    "cli.appraisal.cancelled": (
        "已撤销鉴定批次 {number}：{count} 件档案回到到期档案清单",
        "Cancelled the appraisal batch {number}: {count} records are back on the due list",
    ),
    "cli.appraisal.cancelled_by": (
        "已由 {by} 于 {at} 撤销，理由：{reason}",
        "Cancelled by {by} on {at}; reason: {reason}",
    ),
    "cli.destruction.withdrawn_by": (
        "已由 {by} 于 {at} 撤回，理由：{reason}",
        "Withdrawn by {by} on {at}; reason: {reason}",
    ),
    "cli.destruction.withdrawn": (
        "已撤回销毁清册 {number}：{count} 件档案待重新编制清册或重新鉴定",
        "Withdrew destruction register {number}: {count} records wait for a new register "
        "or a new appraisal",
    ),
    "cli.appraisal.role.head": ("组长", "head"),
    "cli.appraisal.role.member": ("成员", "member"),
    "cli.appraisal.member_signed": (
        "  {role} {name}（{user}）：已签字 {at}",
        "  {role} {name} ({user}): signed {at}",
    ),
    "cli.appraisal.member_unsigned": (
        "  {role} {name}（{user}）：未签字",
        "  {role} {name} ({user}): not signed",
    ),
    "cli.appraisal.row": (
        "  {number}  {code}  {title}  {year}年  {retention}  {expires}到期  意见：{opinion}  "
        "理由：{reason}",
        "  {number}  {code}  {title}  {year}  {retention}  due {expires}  opinion: {opinion}  "
        "reason: {reason}",
    ),
    "cli.appraisal.row_held": ("    保全中：{holds}", "    on hold: {holds}"),
    "cli.appraisal.opinion.none": ("未定", "undecided"),
    "cli.appraisal.opinion.destroy": ("销毁", "destroy"),
    "cli.appraisal.opinion.permanent": ("永久保存", "keep permanently"),
    "cli.appraisal.opinion.extend": (
        "延期至{period}（{expires}起可再鉴定）",
        "extend to {period} (appraisable again from {expires})",
    ),
    "cli.appraisal.opinion.extend_short": ("延期至{period}", "extend to {period}"),
    "cli.appraisal.count": (
        "共 {total} 件：销毁 {destroy} 件，延期 {extend} 件，永久保存 {permanent} 件，"
        "未定 {undecided} 件",
        "{total} records: {destroy} to destroy, {extend} extended, {permanent} kept "
        "permanently, {undecided} undecided",
    ),
    "cli.appraisal.pulled_out": (
        "  保全中未列入：{number}  {title}（{holds}）",
        "  Left out, on hold: {number}  {title} ({holds})",
    ),
    "cli.appraisal.registers": ("销毁清册：{registers}", "Destruction registers: {registers}"),
    "cli.appraisal.list_line": (
        "{number}  {state}  鉴定基准日 {as_of}  共 {total} 件（销毁 {destroy}，延期 {extend}，"
        "永久 {permanent}，未定 {undecided}）",
        "{number}  {state}  appraisal day {as_of}  {total} records ({destroy} destroy, "
        "{extend} extend, {permanent} permanent, {undecided} undecided)",
    ),
    "cli.appraisal.list_count": ("共 {count} 个鉴定批次", "{count} appraisal batches"),
    "cli.appraisal.history_line": (
        "{batch}  原保管期限 {retention}  {expires}到期  意见：{opinion}  理由：{reason}  （{by}）",
        "{batch}  retention {retention}  due {expires}  opinion: {opinion}  reason: {reason}  "
        "({by})",
    ),
    "cli.appraisal.history_none": ("{number} 尚未鉴定过", "{number} has never been appraised"),
}
