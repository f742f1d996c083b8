"""People and rights: accounts, roles, signing in, refusals, the access log."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # signing in
    "auth.not_signed_in": (
        "尚未登录：请先用 archivist login 用户名 登录（窗口中请先登录）",
        "Not signed in: sign in first with archivist login NAME (in the window, sign in)",
    ),
    "auth.wrong_password": (
        "用户名或密码不正确（连续输错多次账户将被锁定）",
        "Wrong user name or password (too many wrong attempts in a row lock the account)",
    ),
    "auth.locked": (
        "账户因多次输入错误密码已锁定，{until} 后可再试，或请系统管理员重置密码",
        "The account is locked after too many wrong passwords; try again after {until} "
        "or ask the system administrator to reset the password",
    ),
    "auth.disabled": (
        "账户 {user} 已停用，请联系系统管理员",
        "The account {user} is disabled; ask the system administrator",
    ),
    "auth.must_change_password": (
        "账户 {user} 的密码由他人设置，须先修改密码（archivist user passwd）才能继续",
        "The password of {user} was set by someone else: change it first "
        "(archivist user passwd) before anything else",
    ),
    "auth.session_invalid": (
        "登录凭据无效（不是本机本用户的登录，或已被改动），请重新登录",
        "The stored sign-in is not valid (not this OS user's, or altered); sign in again",
    ),
    "auth.session_ended": ("已退出登录，请重新登录", "Signed out; sign in again"),
    "auth.session_expired": (
        "超过 {minutes} 分钟未操作，登录已失效，请重新登录",
        "No activity for {minutes} minutes: the sign-in has expired; sign in again",
    ),
    "auth.no_session_read_only": (
        "只读的档案库不能保存登录（{path}）：请在每条命令中用 --user 用户名 --password-file 文件 登录",
        "A read-only archive cannot keep a sign-in ({path}): sign in on each command with "
        "--user NAME --password-file FILE",
    ),
    "auth.no_accounts": (
        "此档案库建于启用个人账户之前，须先设立三员账户：archivist user setup --admin 用户名 "
        "--security 用户名 --auditor 用户名",
        "This archive was made before personal accounts: set up its three administrator "
        "accounts first: archivist user setup --admin NAME --security NAME --auditor NAME",
    ),
    "auth.demo_only": (
        "只有示例档案库可以自动登录：{path}",
        "Only a demo archive signs in by itself: {path}",
    ),
    # rights
    "rights.refused": (
        "{user} 没有“{right}”的权限，不能执行此操作（{what}）；具有该权限的角色：{roles}",
        "{user} may not {right} ({what}); roles that may: {roles}",
    ),
    # rights and roles, as people name them
    "right.read": ("查阅档案", "read the archive"),
    "right.id_numbers": ("查看完整身份证号", "see full ID numbers"),
    "right.reveal": ("显示完整身份证号", "reveal an ID number"),
    "right.capture": ("采集档案", "capture records"),
    "right.edit": ("更正档案", "correct records"),
    "right.arrange": ("整理组卷", "arrange and file volumes"),
    "right.custody": ("库房保管", "keep the storage"),
    "right.handover_prepare": ("准备归档交接", "prepare handovers"),
    "right.handover_receive": ("接收归档交接", "receive handovers"),
    "right.use_request": ("提出利用申请", "request use"),
    "right.approve_use": ("审批利用申请", "approve use"),
    "right.lend": ("办理借阅和复制", "lend and copy"),
    "right.appraise": ("鉴定", "appraise"),
    "right.approve": ("审批", "approve"),
    "right.hold": ("设置和解除保全", "place and lift holds"),
    "right.dispose": ("编制和执行销毁清册", "make and carry out destruction registers"),
    "right.witness": ("监销和会签销毁清册", "witness and countersign destruction"),
    "right.verify": ("校验档案库", "verify the archive"),
    "right.settings": ("修改档案库设置", "change archive settings"),
    "right.maintain": ("系统维护", "maintain the system"),
    "right.accounts": ("管理账户", "manage accounts"),
    "right.roles": ("授予角色", "grant roles"),
    "right.access_review": ("查阅访问日志", "read the access log"),
    "right.audit_read": ("查阅审计记录", "read the audit trail"),
    "right.own_account": ("修改本人密码", "change one's own password"),
    "right.found": ("创建档案库", "create the archive"),
    "right.system": ("系统自动记录", "the product's own bookkeeping"),
    "role.archivist": ("档案管理员", "archivist"),
    "role.handler": ("经办人", "handler"),
    "role.appraiser": ("鉴定小组成员", "appraiser"),
    "role.head": ("负责人", "head"),
    "role.sysadmin": ("系统管理员", "system administrator"),
    "role.security": ("安全保密员", "security officer"),
    "role.auditor": ("安全审计员", "security auditor"),
    "role.verifier": ("校验服务账户", "verification service account"),
    "role.none": ("无", "none"),
    # accounts
    "accounts.bad_user_name": (
        "用户名“{name}”不可用：只能由字母、数字、“.”“_”“-”组成，以字母或数字开头，最长 32 个字符",
        "The user name '{name}' cannot be used: letters, digits, '.', '_' and '-' only, "
        "starting with a letter or digit, at most 32 characters",
    ),
    "accounts.bad_display_name": (
        "姓名不能含控制字符，最长 {length} 个字",
        "A display name may not contain control characters and has at most {length} characters",
    ),
    "accounts.exists": ("用户名 {user} 已被使用", "The user name {user} is taken"),
    "accounts.unknown_user": ("没有用户 {user}", "There is no user {user}"),
    "accounts.unknown_role": (
        "没有角色“{role}”（可用：{roles}）",
        "There is no role '{role}' (roles: {roles})",
    ),
    "accounts.same_person_twice": (
        "系统管理员、安全保密员、安全审计员须是三个不同的人：{user} 出现了两次",
        "The system administrator, security officer and auditor must be three different "
        "people: {user} is named twice",
    ),
    "accounts.admin_password": (
        "{role} 的密码不符合要求：{problem}",
        "The password of the {role} does not meet the policy: {problem}",
    ),
    "accounts.already_set_up": (
        "此档案库已经设立了账户",
        "This archive already has its accounts",
    ),
    "accounts.two_admin_roles": (
        "三员分立：一个人不能同时担任 {roles}",
        "Separation of the three administrators: one person cannot hold {roles}",
    ),
    "accounts.admin_and_business": (
        "管理员角色 {admin} 不能兼任业务角色 {roles}",
        "The administrator role {admin} cannot be held with the business roles {roles}",
    ),
    "accounts.service_role_for_person": (
        "角色 {role} 只授予服务账户（计划任务）",
        "The role {role} is for service accounts (scheduled jobs) only",
    ),
    "accounts.person_role_for_service": (
        "服务账户只能担任服务角色（verifier）",
        "A service account can hold service roles (verifier) only",
    ),
    "accounts.grant_to_self": (
        "不能给自己授予或撤销角色，须由另一位安全保密员办理",
        "Nobody grants or revokes their own roles: another security officer must",
    ),
    "accounts.reset_own_password": (
        "不能重置自己的密码，请用“修改密码”（archivist user passwd）",
        "You cannot reset your own password; change it (archivist user passwd)",
    ),
    "accounts.reset_administrator": (
        "{user} 是管理员（{role}），其密码只能由同一角色的另一位管理员重置（三员分立：一人不能借重置密码兼任他人的岗位）",
        "{user} is an administrator ({role}): only another holder of that role may reset "
        "the password (one person may not take over another's duties by resetting it)",
    ),
    "accounts.disable_self": (
        "不能停用自己的账户，须由另一位系统管理员办理",
        "Nobody disables their own account: another system administrator must",
    ),
    "accounts.last_administrator": (
        "{user} 是最后一位在用的 {role}，不能停用或撤销",
        "{user} is the last active {role}: the account cannot be disabled nor the role revoked",
    ),
    "accounts.disabled_account": (
        "账户 {user} 已停用，不能授予角色",
        "The account {user} is disabled; no role can be granted to it",
    ),
    # passwords
    "password.too_short": ("密码至少 {length} 位", "A password has at least {length} characters"),
    "password.too_long": ("密码最多 {length} 位", "A password has at most {length} characters"),
    "password.has_user_name": ("密码不能包含用户名", "A password may not contain the user name"),
    "password.too_simple": (
        "密码过于简单（至少 4 个不同字符）",
        "The password is too simple (at least 4 different characters)",
    ),
    "password.letters_and_digits": (
        "密码须同时包含字母和数字",
        "A password needs both letters and digits",
    ),
    "password.old_wrong": ("原密码不正确", "The old password is wrong"),
    "password.same_as_old": ("新密码不能与原密码相同", "The new password must differ from the old"),
    "password.mismatch": ("两次输入的新密码不一致", "The two new passwords differ"),
    "password.not_text": (
        "读到的密码不是有效的 UTF-8 文字",
        "The password read is not valid UTF-8 text",
    ),
    "password.missing": (
        "没有读到密码（--password-stdin：每行一个）",
        "No password was read (--password-stdin: one a line)",
    ),
    "password.needs_terminal": (
        "需要输入密码：在终端中运行，或用 --password-stdin 从标准输入读取",
        "A password is needed: run in a terminal, or pass --password-stdin",
    ),
    # security policy
    "security.unknown_setting": (
        "没有安全设置“{key}”（可用：{keys}）",
        "There is no security setting '{key}' (settings: {keys})",
    ),
    "security.bad_value": (
        "安全设置 {key} 须是 {low}–{high} 之间的整数",
        "The security setting {key} must be a whole number from {low} to {high}",
    ),
    # the access log
    "access_log.edited": (
        "访问日志第 {seq} 条被改动（与其哈希不符）",
        "Access log event {seq} was altered (it no longer matches its hash)",
    ),
    "access_log.deleted": (
        "访问日志在第 {seq} 条之前有记录被删除",
        "Access log events were deleted before event {seq}",
    ),
    "access_log.reordered": (
        "访问日志第 {seq} 条与前一条的链接断开",
        "Access log event {seq} does not link to the one before it",
    ),
    "access.reveal_needs_number": (
        "{number} 没有身份证号码可显示",
        "{number} has no ID number to reveal",
    ),
}
