"""The command line's own sentences (human output, not errors). Code: (Chinese, English).

Data values (titles, names, departments, codes) are parameters; everything fixed is here,
so `archivist --lang en ...` speaks English.
"""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # shared
    "cli.error": ("错误：{message}", "error: {message}"),
    "cli.note": ("注意：{text}", "Note: {text}"),
    "cli.cancelled": ("已取消", "Cancelled"),
    "cli.bad_text": (
        "命令行参数不是有效的文字（编码错误）：{text}",
        "A command-line argument is not valid text (wrong encoding): {text}",
    ),
    "cli.internal_error": ("内部错误：{error}", "Internal error: {error}"),
    "cli.internal_error.detail": ("（详情见 {path}）", " (details in {path})"),
    "cli.migrated": (
        "已升级档案库结构，原数据库备份于 {path}",
        "Upgraded the archive's structure; the old database is backed up at {path}",
    ),
    "cli.recovered": ("已清理中断的操作：{line}", "Cleaned up an interrupted operation: {line}"),
    "cli.retention.permanent": ("永久", "permanent"),
    "cli.retention.years": ("{years}年", "{years} years"),
    "cli.progress.capture": ("采集", "Capturing"),
    "cli.progress.ocr": ("识别", "Recognising"),
    "cli.progress.volume_pdf": ("组卷 PDF", "Volume PDF"),
    "cli.progress.index": ("索引", "Indexing"),
    "cli.progress.verify": ("校验", "Verifying"),
    "cli.progress.demo": ("生成示例档案", "Building the demo archive"),
    # people
    "cli.password.prompt": ("密码：", "Password: "),
    "cli.password.again": ("再输入一次：", "Again: "),
    "cli.password.old": ("原密码：", "Old password: "),
    "cli.password.new": ("新密码：", "New password: "),
    "cli.password.for": ("{user}（{role}）的密码：", "Password of {user} ({role}): "),
    "cli.login.done": ("已登录：{user}（{name}）", "Signed in: {user} ({name})"),
    "cli.login.must_change": (
        "此密码由他人设置，请先修改：archivist user passwd",
        "This password was set by someone else: change it first: archivist user passwd",
    ),
    "cli.logout.done": ("已退出登录", "Signed out"),
    "cli.whoami": ("{user}（{name}），角色：{roles}", "{user} ({name}), roles: {roles}"),
    "cli.user.line": ("{user}\t{name}\t{roles}\t{state}", "{user}\t{name}\t{roles}\t{state}"),
    "cli.user.active": ("在用", "active"),
    "cli.user.disabled": ("已停用", "disabled"),
    "cli.user.setup.done": (
        "已设立三员账户：系统管理员 {admin}，安全保密员 {security}，安全审计员 {auditor}",
        "Set up the three administrators: system administrator {admin}, security officer "
        "{security}, auditor {auditor}",
    ),
    "cli.user.passwd.done": ("密码已修改", "Password changed"),
    # init, capture
    "cli.init.done": (
        "已创建档案库：{archive}（全宗 {code} {name}）",
        "Created the archive: {archive} (fonds {code} {name})",
    ),
    "cli.init.next": (
        "下一步：系统管理员 archivist login {admin} 后用 archivist user add 添加工作人员，"
        "安全保密员 archivist login {security} 后用 archivist user grant 授予角色",
        "Next: the system administrator (archivist login {admin}) adds the staff with "
        "archivist user add; the security officer (archivist login {security}) grants their "
        "roles with archivist user grant",
    ),
    "cli.demo.accounts": (
        "示例账户：{users}；密码都是 {password}（archivist login archivist）",
        "Demo accounts: {users}; the password of each is {password} (archivist login archivist)",
    ),
    "cli.capture.duplicate": (
        "注意：{file} 与已归档的 {number} 中的文件内容相同（{stored_as}）",
        "Note: {file} has the same content as a file already archived in {number} ({stored_as})",
    ),
    "cli.capture.page_failed": (
        "注意：第 {page} 页未能识别：{reason}",
        "Note: page {page} could not be recognised: {reason}",
    ),
    # items
    "cli.item.class": (
        "  类别 {code} {name} / {business_type}  办结 {completed_on}",
        "  Class {code} {name} / {business_type}  completed {completed_on}",
    ),
    "cli.item.person": (
        "  个人：{name}  经办人：{handler}",
        "  Person: {name}  handler: {handler}",
    ),
    "cli.item.unit": ("  单位：{name}  经办人：{handler}", "  Unit: {name}  handler: {handler}"),
    "cli.item.retention": (
        "  保管期限 {retention}  到期 {expires}  状态 {status}",
        "  Retention {retention}  expires {expires}  status {status}",
    ),
    "cli.item.folder": ("  文件夹 {folder}", "  Folder {folder}"),
    "cli.item.material": (
        "  {seq:>2}. [{role}] {title}  {pages}页  {sha}…",
        "  {seq:>2}. [{role}] {title}  {pages} pages  {sha}…",
    ),
    "cli.role.form": ("表单", "form"),
    "cli.role.voucher": ("凭证", "voucher"),
    "cli.item.count": ("共 {count} 件", "{count} items"),
    "cli.item.reordered": ("{number} 已按新顺序排列", "{number}: materials put in the new order"),
    "cli.item.edited": ("{number} 已修改", "{number} changed"),
    "cli.item.renumbered": ("{old} → {new}（{code}）", "{old} → {new} ({code})"),
    "cli.item.entity_corrected": (
        "{number} 的单位/个人已更正：{name} {ident}",
        "{number}: person/unit corrected to {name} {ident}",
    ),
    # volumes
    "cli.volume.line": (
        "  {year}年 {klass} 类  保管期限 {retention}  {span}  {items} 件 {pages} 页{paged}  {status}",
        "  {year}  class {klass}  retention {retention}  {span}  {items} items {pages} pages"
        "{paged}  {status}",
    ),
    "cli.volume.paged": ("（编页号）", " (pages numbered)"),
    "cli.volume.plan": (
        "{period}  {retention}  {items} 件  {title}",
        "{period}  {retention}  {items} items  {title}",
    ),
    "cli.volume.plan_total": ("将组成 {count} 卷", "Would make {count} volumes"),
    "cli.volume.built": ("已组成 {count} 卷", "Made {count} volumes"),
    "cli.volume.confirm_hint": (
        "（确认按此组卷请加 --yes / add --yes to confirm）",
        "(add --yes to file them so)",
    ),
    "cli.volume.dissolved": (
        "已撤销案卷 {code}（案卷号保留不用）：{reason}",
        "Dissolved volume {code} (its number stays unused): {reason}",
    ),
    "cli.volume.count": ("共 {count} 卷", "{count} volumes"),
    "cli.volume.page_span": ("第{first}–{last}页", "pp. {first}–{last}"),
    "cli.volume.pages": ("{pages}页", "{pages} pages"),
    "cli.volume.pdf": (
        "{code}：{items} 件，{material_pages} 页材料{paged}，共 {pages} 页 → {path}",
        "{code}: {items} items, {material_pages} pages of material{paged}, {pages} pages in all"
        " → {path}",
    ),
    "cli.volume.pdf_paged": ("（已编页号）", " (pages numbered)"),
    # handover
    "cli.handover.people": (
        "  移交人 {handed_by}  接收人 {received_by}  日期 {date}",
        "  Handed over by {handed_by}  received by {received_by}  date {date}",
    ),
    "cli.handover.row": (
        "  {seq:>3}. {code}  {title}  {items} 件 {pages} 页  {check}",
        "  {seq:>3}. {code}  {title}  {items} items {pages} pages  {check}",
    ),
    "cli.handover.unchecked": ("未检查", "not checked"),
    "cli.handover.totals": (
        "  共 {volumes} 卷 {items} 件 {pages} 页",
        "  In all {volumes} volumes {items} items {pages} pages",
    ),
    "cli.handover.returned_row": ("  已退回 {code}  {check}", "  Returned {code}  {check}"),
    "cli.handover.pass": ("合格", "passed"),
    "cli.handover.fail": ("不合格", "failed"),
    "cli.handover.checked": (
        "检查 {count} 卷：{passed} 卷合格，{failed} 卷不合格",
        "Checked {count} volumes: {passed} passed, {failed} failed",
    ),
    "cli.handover.returned": ("已退回 {code}：{messages}", "Returned {code}: {messages}"),
    "cli.handover.list_line": (
        "{number}  {source} → {target}  {status}  {volumes} 卷 {items} 件 {pages} 页",
        "{number}  {source} → {target}  {status}  {volumes} volumes {items} items {pages} pages",
    ),
    "cli.handover.list_returned": ("（退回 {count} 卷）", " ({count} volumes returned)"),
    "cli.handover.count": ("共 {count} 份交接单", "{count} handover batches"),
    # custody: locations, boxes, where, inventory
    "cli.location.added": (
        "已登记位置：{code}（条码 {barcode}）",
        "Registered location {code} (barcode {barcode})",
    ),
    "cli.location.line": (
        "{code}  {barcode}  {count} 盒  {boxes}",
        "{code}  {barcode}  {count} boxes  {boxes}",
    ),
    "cli.location.count": ("共 {count} 个位置", "{count} locations"),
    "cli.box.head": (
        "{code}  {year}年 {klass} 类  {retention}  {kind}",
        "{code}  {year}  class {klass}  {retention}  {kind}",
    ),
    "cli.box.kind.items": ("按件", "by item"),
    "cli.box.kind.volumes": ("按卷", "by volume"),
    "cli.box.heading.items": ("起止件号", "items"),
    "cli.box.heading.volumes": ("案卷号", "volumes"),
    "cli.box.empty": ("空盒", "empty"),
    "cli.box.contents.items": ("  {count} 件  {span}  {chain}", "  {count} items  {span}  {chain}"),
    "cli.box.contents.volumes": (
        "  {count} 卷  {span}  {chain}",
        "  {count} volumes  {span}  {chain}",
    ),
    "cli.box.filled": ("已装 {count} 盒", "Filled {count} boxes"),
    "cli.box.count": ("共 {count} 盒", "{count} boxes"),
    "cli.box.volume": ("  {code}  {title}  {items} 件", "  {code}  {title}  {items} items"),
    "cli.box.label": (
        "{fonds}  {year}  {retention}  {heading} {range}  盒号 {box}  {barcode}",
        "{fonds}  {year}  {retention}  {heading} {range}  box {box}  {barcode}",
    ),
    "cli.where.location": ("{location}（{barcode}）：{boxes}", "{location} ({barcode}): {boxes}"),
    "cli.where.no_boxes": ("无盒", "no boxes"),
    "cli.where.unshelved": ("  {chain}（盒未上架）", "  {chain} (the box is not shelved)"),
    "cli.where.unboxed": ("  尚未装盒", "  not boxed yet"),
    "cli.where.on_loan": (
        "  借出：{number}，借阅人 {borrower}（{unit}），应还日期 {due}",
        "  On loan: {number}, to {borrower} ({unit}), due {due}",
    ),
    "cli.inventory.on_loan": (
        "借出  {box}（{location}）：{request}，借阅人 {borrower}，应还 {due}",
        "on loan  {box} ({location}): {request}, to {borrower}, due {due}",
    ),
    "cli.inventory.missing": (
        "缺失  {box}  登记在 {location}",
        "missing  {box}  registered at {location}",
    ),
    "cli.inventory.misplaced": (
        "错位  {box}  登记在 {registered}，扫描于 {scanned}",
        "misplaced  {box}  registered at {registered}, scanned at {scanned}",
    ),
    "cli.inventory.not_shelved": ("（未上架）", "(not shelved)"),
    "cli.inventory.no_place": ("（未注明位置）", "(no location given)"),
    "cli.inventory.unexpected": ("多余  {message}", "unexpected  {message}"),
    "cli.inventory.total": (
        "扫描 {scanned} 条：相符 {matched}，缺失 {missing}，错位 {misplaced}，多余 {unexpected}",
        "Scanned {scanned}: {matched} matched, {missing} missing, {misplaced} misplaced,"
        " {unexpected} unexpected",
    ),
    "cli.inventory.consistent": ("；账物相符", "; the register and the shelves agree"),
    # registers, search, OCR
    "cli.register.done": ("已生成 {file}", "Wrote {file}"),
    "cli.ocr.status": (
        "页数 {done}/{total}，失败 {failed}，任务 {jobs}",
        "Pages {done}/{total}, failed {failed}, jobs {jobs}",
    ),
    "cli.ocr.requeued": ("已重新排队 {count} 份材料", "Queued {count} materials again"),
    "cli.ocr.done": (
        "已识别 {done} 页，失败 {failed} 页",
        "Recognised {done} pages, {failed} failed",
    ),
    "cli.ocr.failure": (
        "  材料 {material} 第 {page} 页：{reason}",
        "  material {material} page {page}: {reason}",
    ),
    "cli.search.where": (" 第{material}份材料 第{page}页", " material {material} page {page}"),
    "cli.search.count": ("共 {count} 件", "{count} items"),
    "cli.reindex.done": ("已重建索引：{count} 件", "Rebuilt the index: {count} items"),
    "cli.rebuild_derived.done": (
        "已重建派生数据：索引 {indexed} 件，可检索副本 {searchable} 份，案卷 PDF {volumes} 份，"
        "重新排队识别 {queued} 份，删除多余文件 {removed} 个",
        "Derived data rebuilt: {indexed} item(s) indexed, {searchable} searchable cop(ies), "
        "{volumes} volume PDF(s), {queued} material(s) queued for OCR, {removed} stray file(s) removed",
    ),
    "cli.rebuild_derived.progress": ("重建派生数据", "Rebuilding derived data"),
    "cli.rebuild_derived.failed": (
        "未能重建：{what}（原因已记入日志）",
        "Not rebuilt: {what} (the cause is in the log)",
    ),
    "cli.rebuild_derived.ocr": (
        "识别文本需补全：请运行 archivist ocr",
        "Page texts to complete: run archivist ocr",
    ),
    # admin: check, verify, summary, scheme
    "cli.check.total": ("检查 {count} 件：{result}", "Checked {count} items: {result}"),
    "cli.check.ok": ("通过", "all in order"),
    "cli.check.problems": ("发现问题", "problems found"),
    "cli.verify.problems": ("发现 {count} 个问题", "{count} problems found"),
    "cli.four.done": (
        "四性检测通过；报告已存档：{files}",
        "The four-property tests passed; report kept: {files}",
    ),
    "cli.four.problems": (
        "四性检测发现 {count} 个问题；报告已存档：{files}",
        "The four-property tests found {count} problem(s); report kept: {files}",
    ),
    "cli.summary.archive": ("档案库：{archive}", "Archive: {archive}"),
    "cli.summary.fonds": ("全宗：{code} {name}", "Fonds: {code} {name}"),
    "cli.summary.counts": (
        "件数 {items}，材料 {materials} 份，{pages} 页，年度 {years}",
        "{items} items, {materials} materials, {pages} pages, years {years}",
    ),
    "cli.summary.class": ("  {code}: {count} 件", "  {code}: {count} items"),
    "cli.summary.audit": ("审计事件 {count} 条", "{count} audit events"),
    "cli.scheme.class": (
        "{code:<4} {name} [{insurance}] 默认 {retention}{mark}",
        "{code:<4} {name} [{insurance}] default {retention}{mark}",
    ),
    "cli.scheme.to_fill": ("（待填写）", " (to be filled in)"),
    "cli.scheme.retention_set": ("已修改分类方案", "Changed the classification scheme"),
    "cli.scheme.type_added": ("已添加业务类型", "Added the business type"),
    # use (利用): archivist/cli/use.py
    "cli.use.kind.consult": ("查阅", "consult"),
    "cli.use.kind.lend": ("借出", "lend"),
    "cli.use.kind.copy": ("复制", "copy"),
    "cli.use.kind.view": ("电子调阅", "view"),
    "cli.use.status.requested": ("待审批", "requested"),
    "cli.use.status.approved": ("已批准", "approved"),
    "cli.use.status.refused": ("未批准", "refused"),
    "cli.use.status.out": ("借出中", "out"),
    "cli.use.status.returned": ("已归还", "returned"),
    "cli.use.status.closed": ("已办结", "closed"),
    "cli.use.condition.intact": ("完好", "intact"),
    "cli.use.condition.damaged": ("损坏", "damaged"),
    "cli.use.condition.lost": ("丢失", "lost"),
    "cli.use.target.item": ("件", "item"),
    "cli.use.target.volume": ("案卷", "volume"),
    "cli.use.target.box": ("档案盒", "box"),
    "cli.use.entry.waiting": ("未借出", "not out"),
    "cli.use.entry.out": ("借出", "out"),
    "cli.use.entry.returned": ("已还", "back"),
    "cli.use.line": (
        "{number}  {kind}  {status}  {borrower}（{unit}）  {purpose}  应还 {due}",
        "{number}  {kind}  {status}  {borrower} ({unit})  {purpose}  due {due}",
    ),
    "cli.use.count": ("共 {count} 份申请", "{count} requests"),
    # holds (archivist/cli/holds.py)
    "cli.hold.line": (
        "{number}  {kind}  {state}  {target}  {why}  {by} {at}",
        "{number}  {kind}  {state}  {target}  {why}  {by} {at}",
    ),
    "cli.hold.lifted_line": ("    解除：{by} {at}  {why}", "    lifted: {by} {at}  {why}"),
    "cli.hold.count": ("共 {count} 项保全", "{count} holds"),
    "cli.hold.placed": ("已保全 {number}：{code}", "Placed {number} on {code}"),
    "cli.hold.lifted": ("已解除 {number}：{code}", "Lifted {number} on {code}"),
    "cli.hold.kind.unsettled": ("未结清债权债务", "unsettled matter"),
    "cli.hold.kind.dispute": ("争议", "dispute"),
    "cli.hold.kind.litigation": ("诉讼", "litigation"),
    "cli.hold.kind.audit": ("审计", "audit"),
    "cli.hold.kind.other": ("其他", "other"),
    "cli.hold.state.placed": ("保全中", "placed"),
    "cli.hold.state.lifted": ("已解除", "lifted"),
    "cli.hold.target.item": ("件 {code}", "item {code}"),
    "cli.hold.target.volume": ("案卷 {code}", "volume {code}"),
    "cli.use.approved": ("已批准 {number}", "Approved {number}"),
    "cli.use.refused": ("已拒绝 {number}", "Refused {number}"),
    "cli.use.lent": (
        "已借出 {number}（{lent}），应还日期 {due}",
        "Lent {number} ({lent}), due {due}",
    ),
    "cli.use.returned": (
        "{number} 已归还（{condition}），未还 {out} 项；状态：{status}",
        "{number} returned ({condition}), {out} still out; status: {status}",
    ),
    "cli.use.extended": (
        "{number} 已续借：应还日期 {old} → {due}",
        "{number} extended: due {old} → {due}",
    ),
    "cli.use.closed": ("{number} 已办结", "{number} closed"),
    "cli.use.effect_done": ("已登记 {number} 的利用效果", "Recorded the effect of use of {number}"),
    "cli.use.overdue.line": (
        "{number}  {borrower}（{unit}，电话 {phone}）  借出 {lent}  应还 {due}  逾期 {days} 天",
        "{number}  {borrower} ({unit}, phone {phone})  lent {lent}  due {due}  {days} days overdue",
    ),
    "cli.use.target": ("  {kind} {code}  {title}", "  {kind} {code}  {title}"),
    "cli.use.overdue.count": ("截至 {as_of}：{count} 笔", "As of {as_of}: {count} loans"),
    "cli.use.damaged.line": (
        "{number}  {borrower}  {code}  {title}  {condition}  {day}  {note}",
        "{number}  {borrower}  {code}  {title}  {condition}  {day}  {note}",
    ),
    "cli.use.damaged.count": ("损坏、丢失共 {count} 项", "{count} damaged or lost"),
    "cli.use.show.borrower": (
        "  借阅人：{borrower}  身份证号 {id_number}  单位 {unit}  电话 {phone}",
        "  Borrower: {borrower}  ID number {id_number}  unit {unit}  phone {phone}",
    ),
    "cli.use.show.asked": (
        "  申请人 {by}，{at}，期限 {days} 天",
        "  Asked by {by}, {at}, for {days} days",
    ),
    "cli.use.show.decided": ("  审批人 {by}，{at}", "  Decided by {by}, {at}"),
    "cli.use.show.refusal": ("  拒绝理由：{why}", "  Reason for refusal: {why}"),
    "cli.use.show.lent": ("  借出 {lent}，应还 {due}", "  Lent {lent}, due {due}"),
    "cli.use.show.valid": ("  有效期至 {day}", "  Valid until {day}"),
    "cli.use.show.target": (
        "  {kind} {code}  {state}{back}{note}",
        "  {kind} {code}  {state}{back}{note}",
    ),
    "cli.use.show.back": ("（{day} 归还，{condition}）", " ({day}, {condition})"),
    "cli.use.show.extension": (
        "  续借 {days} 天：{old} → {new}，{why}（{by} 批准）",
        "  Extended {days} days: {old} → {new}, {why} (approved by {by})",
    ),
    "cli.use.show.effect": ("  利用效果：{effect}", "  Effect of use: {effect}"),
    "cli.use.copying": ("复制", "Copying"),
    "cli.use.copied": (
        "已生成复制件 {file}（{pages} 页）",
        "Wrote the copy {file} ({pages} pages)",
    ),
    "cli.use.stats.period": ("利用统计 {start} 至 {end}", "Use from {start} to {end}"),
    "cli.use.stats.total": ("合计", "Total"),
    "cli.use.stats.line": (
        "{what}：{persons} 人次，{volumes} 卷次，{items} 件次，{pages} 页，{requests} 份申请",
        "{what}: {persons} visits, {volumes} volumes, {items} items, {pages} pages, "
        "{requests} requests",
    ),
    # appraisal (archivist appraisal ...)
    "cli.appraisal.due.group": (
        "{klass} {name} {year}年 保管期限{retention}：到期 {due} 件，规划期内到期 {planned} 件",
        "{klass} {name} {year}, retention {retention}: {due} due, {planned} falling due",
    ),
    "cli.appraisal.due.row": (
        "  {number}  {code}  {title}  {expires}起可鉴定  案卷 {volume}",
        "  {number}  {code}  {title}  appraisable from {expires}  volume {volume}",
    ),
    "cli.appraisal.due.row_planned": (
        "  {number}  {code}  {title}  {expires}起可鉴定（规划）  案卷 {volume}",
        "  {number}  {code}  {title}  appraisable from {expires} (planning)  volume {volume}",
    ),
    "cli.appraisal.due.volume": (
        "整卷到期：{code} {title}（{items} 件，{expires}起可鉴定）",
        "Whole volume due: {code} {title} ({items} items, appraisable from {expires})",
    ),
    "cli.appraisal.due.volume_planned": (
        "整卷将到期：{code} {title}（{items} 件，{expires}起可鉴定）",
        "Whole volume falling due: {code} {title} ({items} items, appraisable from {expires})",
    ),
    "cli.appraisal.due.count": (
        "截至 {as_of}：到期 {due} 件，整卷到期 {volumes} 卷；保全中未列入 {held} 件",
        "As of {as_of}: {due} items due, {volumes} whole volumes due; {held} on hold left out",
    ),
    "cli.appraisal.due.planned": (
        "至 {until} 将到期 {planned} 件（规划）",
        "{planned} items fall due by {until} (planning)",
    ),
}
