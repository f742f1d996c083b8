<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AccessLog</name>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>账户锁定</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>会话被拒</source>
        <translation>Session refused</translation>
    </message>
    <message>
        <source>越权被拒</source>
        <translation>Refused (no right)</translation>
    </message>
    <message>
        <source>浏览列表</source>
        <translation>List viewed</translation>
    </message>
    <message>
        <source>查看条目</source>
        <translation>Item viewed</translation>
    </message>
    <message>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>显示完整身份证号</source>
        <translation>Full ID number revealed</translation>
    </message>
    <message>
        <source>查阅审计日志</source>
        <translation>Audit trail read</translation>
    </message>
    <message>
        <source>查阅访问日志</source>
        <translation>Access log read</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
</context>
<context>
    <name>AccessLogDialog</name>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>读取访问日志</source>
        <translation>Reading the access log</translation>
    </message>
    <message>
        <source>只显示最新的 {n} 条；请按人员、条目、日期或类型缩小范围。</source>
        <translation>Only the latest {n} events are shown; narrow the search by person, item, date or kind.</translation>
    </message>
    <message>
        <source>没有符合条件的访问记录</source>
        <translation>No access events match</translation>
    </message>
    <message>
        <source>共 {n} 条，最新的在前</source>
        <translation>{n} events, newest first</translation>
    </message>
    <message>
        <source>访问日志</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>条目档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>全部人员（用户名）</source>
        <translation>Everyone (user name)</translation>
    </message>
    <message>
        <source>全部条目</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>席位</source>
        <translation>Seat</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>只有系统管理员可以管理账户</source>
        <translation>Only a system administrator can manage accounts</translation>
    </message>
    <message>
        <source>只有安全保密员可以授予或撤销角色</source>
        <translation>Only a security officer can grant or revoke roles</translation>
    </message>
    <message>
        <source>请先在表中选择一个账户</source>
        <translation>Choose an account in the table first</translation>
    </message>
    <message>
        <source>该账户已停用</source>
        <translation>This account is disabled</translation>
    </message>
    <message>
        <source>该账户在用</source>
        <translation>This account is active</translation>
    </message>
    <message>
        <source>该账户没有角色</source>
        <translation>This account has no roles</translation>
    </message>
    <message>
        <source>只有安全保密员可以修改安全策略</source>
        <translation>Only a security officer can change the security policy</translation>
    </message>
    <message>
        <source>只读：您可以查看账户，但不能修改。</source>
        <translation>Read only: you can see the accounts but not change them.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>{name}（{user}）</source>
        <translation>{name} ({user})</translation>
    </message>
    <message>
        <source>启用账户</source>
        <translation>Enable account</translation>
    </message>
    <message>
        <source>启用 {who}</source>
        <translation>Enable {who}</translation>
    </message>
    <message>
        <source>停用账户</source>
        <translation>Disable account</translation>
    </message>
    <message>
        <source>停用 {who}：其会话结束，不能再登录；账户和它的记录都保留。</source>
        <translation>Disable {who}: their session ends and they can no longer sign in; the account and its records are kept.</translation>
    </message>
    <message>
        <source>安全策略没有改动</source>
        <translation>The security policy is unchanged</translation>
    </message>
    <message>
        <source>{what}：{before} → {after}</source>
        <translation>{what}: {before} → {after}</translation>
    </message>
    <message>
        <source>修改安全策略</source>
        <translation>Change security policy</translation>
    </message>
    <message>
        <source>账户与角色</source>
        <translation>Accounts and roles</translation>
    </message>
    <message>
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>安全策略</source>
        <translation>Security policy</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>须改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>服务账户</source>
        <translation>Service account</translation>
    </message>
    <message>
        <source>添加账户…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <source>停用…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <source>启用…</source>
        <translation>Enable…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>授予角色…</source>
        <translation>Grant role…</translation>
    </message>
    <message>
        <source>撤销角色…</source>
        <translation>Revoke role…</translation>
    </message>
    <message>
        <source>窗口空闲锁定（分钟）</source>
        <translation>Lock an idle window after (minutes)</translation>
    </message>
    <message>
        <source>命令行会话空闲失效（分钟）</source>
        <translation>End an idle command-line session after (minutes)</translation>
    </message>
    <message>
        <source>连续输错密码几次锁定</source>
        <translation>Wrong passwords in a row before lockout</translation>
    </message>
    <message>
        <source>锁定时长（分钟）</source>
        <translation>Lockout duration (minutes)</translation>
    </message>
    <message>
        <source>密码最短长度</source>
        <translation>Minimum password length</translation>
    </message>
    <message>
        <source>保存策略…</source>
        <translation>Save policy…</translation>
    </message>
    <message>
        <source>由安全保密员设置；修改须填写理由，记入审计记录。</source>
        <translation>Set by the security officer; every change needs a reason, recorded in the audit trail.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>新账户的主人须在首次登录时修改这个初始密码（服务账户除外）。</source>
        <translation>The owner of the new account must change this initial password at the first sign-in (service accounts excepted).</translation>
    </message>
    <message>
        <source>服务账户（定时任务使用，如夜间校验）</source>
        <translation>Service account (for scheduled jobs such as the nightly verification)</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>字母、数字、. _ -，最多 32 位</source>
        <translation>Letters, digits, . _ -, at most 32</translation>
    </message>
    <message>
        <source>请填写用户名</source>
        <translation>Enter a user name</translation>
    </message>
    <message>
        <source>请填写初始密码</source>
        <translation>Enter an initial password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>AddItemsDialog</name>
    <message>
        <source>{year}年{klass}类没有未组卷的档案件</source>
        <translation>No unfiled items of class {klass} in {year}</translation>
    </message>
    <message>
        <source>保管期限与本卷不同，不能加入</source>
        <translation>Kept for another period than this volume: cannot go in</translation>
    </message>
    <message>
        <source>加入案卷</source>
        <translation>Add to volume</translation>
    </message>
    <message>
        <source>同年度、同类别中未组卷的档案件（保管期限不同的不能加入，显示为灰色）；加入后按办结日期排到卷内相应位置。</source>
        <translation>Unfiled items of the same year and class (items kept for another period cannot go in and are greyed out); added items take their place by completion date.</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>请勾选要加入的档案件</source>
        <translation>Tick the items to add</translation>
    </message>
</context>
<context>
    <name>AddTypeDialog</name>
    <message>
        <source>业务类型名称</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>如 永久、10年、30年；留空沿用本类默认</source>
        <translation>e.g. permanent, 10 years, 30 years; empty: the class default</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>添加业务类型</source>
        <translation>Add a business type</translation>
    </message>
    <message>
        <source>请填写业务类型名称</source>
        <translation>Enter the business type name</translation>
    </message>
    <message>
        <source>请填写理由</source>
        <translation>Enter a reason</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>记入审计记录</source>
        <translation>Recorded in the audit trail</translation>
    </message>
</context>
<context>
    <name>AddVolumesDialog</name>
    <message>
        <source>{items} 件 {pages} 页</source>
        <translation>{items} items, {pages} pages</translation>
    </message>
    <message>
        <source>没有可以移交的案卷（整理中的案卷才能加入交接单）</source>
        <translation>No volumes to hand over (only volumes being filed can join a handover record)</translation>
    </message>
    <message>
        <source>请勾选要加入的案卷</source>
        <translation>Tick the volumes to add</translation>
    </message>
    <message>
        <source>加入案卷</source>
        <translation>Add volumes</translation>
    </message>
    <message>
        <source>整理中的案卷（含退回后已修正的）；已在其他未签收交接单中的案卷不能重复加入。</source>
        <translation>Volumes being filed (including returned ones that were fixed); a volume waiting in another unsigned handover record cannot be added again.</translation>
    </message>
    <message>
        <source>交接单号</source>
        <translation>Handover no.</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>加入</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>AdministratorsDialog</name>
    <message>
        <source>设置管理员账户 — 档案室</source>
        <translation>Administrator accounts — Archivist</translation>
    </message>
    <message>
        <source>这个档案库还没有账户</source>
        <translation>This archive has no accounts yet</translation>
    </message>
    <message>
        <source>档案库 {path} 建于档案室有账户之前。从现在起，每个人都用自己的账户登录，每项操作都记在本人名下。请先设置三个管理员账户；档案库以往的历史记录保留原来的操作人名字，不会改动。</source>
        <translation>The archive {path} was created before Archivist had accounts. From now on everyone signs in with their own account, and every action is recorded under their name. First set up the three administrator accounts; the archive&apos;s earlier history keeps the names of those who acted then, unchanged.</translation>
    </message>
    <message>
        <source>创建账户</source>
        <translation>Create accounts</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdministratorsForm</name>
    <message>
        <source>请填写用户名</source>
        <translation>Enter a user name</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter a name</translation>
    </message>
    <message>
        <source>三员分立：系统管理员、安全保密员和安全审计员须是三个不同的人，各自设置自己的密码（至少 {n} 位，有字母和数字，不含用户名）。他们不能查看档案内容；档案管理员等账户由系统管理员添加、安全保密员授予角色。</source>
        <translation>Separation of the three administrator roles: the system administrator, the security officer and the security auditor must be three different people, each setting their own password (at least {n} characters, with letters and digits, not containing the user name). They cannot see the records; the system administrator adds the other accounts, such as archivists, and the security officer grants their roles.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>如 {name}</source>
        <translation>e.g. {name}</translation>
    </message>
</context>
<context>
    <name>BatchListModel</name>
    <message>
        <source>交接单号</source>
        <translation>Handover no.</translation>
    </message>
    <message>
        <source>移交部门</source>
        <translation>From department</translation>
    </message>
    <message>
        <source>接收部门</source>
        <translation>To department</translation>
    </message>
    <message>
        <source>批次号</source>
        <translation>Batch no.</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>销毁清册</source>
        <translation>Destruction registers</translation>
    </message>
    <message>
        <source>卷数</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>签收日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>{n} 合格</source>
        <translation>{n} passed</translation>
    </message>
    <message>
        <source>{n} 不合格</source>
        <translation>{n} failed</translation>
    </message>
    <message>
        <source>{n} 未检查</source>
        <translation>{n} not checked</translation>
    </message>
    <message>
        <source>{n} 已退回</source>
        <translation>{n} returned</translation>
    </message>
</context>
<context>
    <name>BatchVolumesModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>案卷题名</source>
        <translation>Volume title</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>质量检查</source>
        <translation>Quality check</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reasons</translation>
    </message>
</context>
<context>
    <name>BenefitDialog</name>
    <message>
        <source>✓ 校验码正确</source>
        <translation>✓ Check digit correct</translation>
    </message>
    <message>
        <source>不能修改：{reason}</source>
        <translation>Cannot be changed: {reason}</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter a name</translation>
    </message>
    <message>
        <source>身份证号不完整</source>
        <translation>The ID number is incomplete</translation>
    </message>
    <message>
        <source>补登待遇事项</source>
        <translation>Add a benefit event</translation>
    </message>
    <message>
        <source>在件 {number} 上补登待遇审核变更、二次发放或追回待遇；金额以元为单位，精确到分；理由记入审计记录。</source>
        <translation>Add a benefit review change, reissue or recovery to item {number}; the amount is in yuan, exact to the fen; the reason goes into the audit trail.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>期间起</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>期间止</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>银行账户变更</source>
        <translation>Bank account change</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>18位，输入时即校验；可不填</source>
        <translation>18 characters, checked as you type; optional</translation>
    </message>
    <message>
        <source>例如：1234.56（二次发放、追回待遇须填写）</source>
        <translation>e.g. 1234.56 (required for a reissue or a recovery)</translation>
    </message>
    <message>
        <source>例如：原账户 6222…，改为 6217…</source>
        <translation>e.g. old account 6222…, new 6217…</translation>
    </message>
</context>
<context>
    <name>BenefitEventsModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>银行账户变更</source>
        <translation>Bank account change</translation>
    </message>
    <message>
        <source>件号</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>BoxDialog</name>
    <message>
        <source>新建档案盒</source>
        <translation>New box</translation>
    </message>
    <message>
        <source>不同年度、不同类别、不同保管期限的档案不能装入同一盒；盒号按年度、类别连续编号。</source>
        <translation>Records of different years, classes or retention periods never share a box; box numbers run gap-free per year and class.</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>装入</source>
        <translation>Holds</translation>
    </message>
</context>
<context>
    <name>BoxListModel</name>
    <message>
        <source>盒号</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>内容（起止件号/案卷号）</source>
        <translation>Contents (item or volume numbers)</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>未上架</source>
        <translation>Not shelved</translation>
    </message>
    <message>
        <source>{place}（借出 {number}）</source>
        <translation>{place} (on loan: {number})</translation>
    </message>
</context>
<context>
    <name>CancelBatchDialog</name>
    <message>
        <source>请填写撤销理由</source>
        <translation>Please give the reason for cancelling</translation>
    </message>
    <message>
        <source>撤销鉴定批次</source>
        <translation>Cancel appraisal batch</translation>
    </message>
    <message>
        <source>撤销后本批次不能再填写意见或签字，其中的档案回到到期档案清单；理由记入审计记录。</source>
        <translation>Once cancelled, the batch takes no more opinions or signatures and its records return to the due list; the reason goes into the audit trail.</translation>
    </message>
    <message>
        <source>{number}，共 {n} 件</source>
        <translation>{number}, {n} items</translation>
    </message>
    <message>
        <source>鉴定批次</source>
        <translation>Appraisal batch</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>必须填写，例如：小组成员调离，重新组成鉴定小组</source>
        <translation>Required, e.g.: a member has left; the group is formed anew</translation>
    </message>
    <message>
        <source>撤销批次</source>
        <translation>Cancel batch</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <source>未设定保管期限，不能采集</source>
        <translation>No retention period set: cannot capture</translation>
    </message>
    <message>
        <source>✓ 校验码正确</source>
        <translation>✓ Check digit correct</translation>
    </message>
    <message>
        <source>选择要采集的文件</source>
        <translation>Choose the files to capture</translation>
    </message>
    <message>
        <source>档案文件 (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.jp2);;所有文件 (*)</source>
        <translation>Record files (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.jp2);;All files (*)</translation>
    </message>
    <message>
        <source>检查文件</source>
        <translation>Checking files</translation>
    </message>
    <message>
        <source>✓ 可以采集</source>
        <translation>✓ Ready to capture</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>凭证</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>重要</source>
        <translation>Important</translation>
    </message>
    <message>
        <source>次要</source>
        <translation>Secondary</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>人工调整（按规则应为第{n}位）：{reason}</source>
        <translation>Moved by hand (rules put it at {n}): {reason}</translation>
    </message>
    <message>
        <source>顺序已人工调整，理由：{reason}</source>
        <translation>Order changed by hand, reason: {reason}</translation>
    </message>
    <message>
        <source>按排列规则自动排序；拖动可调整（需填写理由）</source>
        <translation>Ordered by the arrangement rules; drag to change (a reason is required)</translation>
    </message>
    <message>
        <source>调整件内顺序</source>
        <translation>Change the order of materials</translation>
    </message>
    <message>
        <source>与排列规则不同的顺序必须说明理由（记入审计记录）：</source>
        <translation>An order other than the rules&apos; needs a reason (recorded in the audit trail):</translation>
    </message>
    <message>
        <source>请添加文件（拖入窗口或点“添加文件”）</source>
        <translation>Add files (drop them here or click &quot;Add files&quot;)</translation>
    </message>
    <message>
        <source>{n} 个文件不能采集，请移除或换成完好的文件：</source>
        <translation>{n} file(s) cannot be captured; remove them or use intact files instead:</translation>
    </message>
    <message>
        <source>至少要有一份业务表单</source>
        <translation>At least one business form is needed</translation>
    </message>
    <message>
        <source>请选择业务类型</source>
        <translation>Choose a business type</translation>
    </message>
    <message>
        <source>请填写单位或个人名称</source>
        <translation>Enter the name of the unit or person</translation>
    </message>
    <message>
        <source>证件号码不完整</source>
        <translation>The identity number is incomplete</translation>
    </message>
    <message>
        <source>正在检查文件…</source>
        <translation>Checking the files…</translation>
    </message>
    <message>
        <source>采集窗口</source>
        <translation>capture window</translation>
    </message>
    <message>
        <source>未能采集</source>
        <translation>Not captured</translation>
    </message>
    <message>
        <source>采集</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>放弃本次采集</source>
        <translation>Discard this capture</translation>
    </message>
    <message>
        <source>已填写的内容和添加的文件将被放弃，确定关闭吗？</source>
        <translation>What you entered and the files you added will be discarded. Close anyway?</translation>
    </message>
    <message>
        <source>采集一件档案</source>
        <translation>Capture an item</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>单位/个人名称</source>
        <translation>Unit or person</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>名册人员</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>输入名称，可从已有单位/个人中选择</source>
        <translation>Type a name; existing units and persons are offered</translation>
    </message>
    <message>
        <source>18位，输入时即校验</source>
        <translation>18 characters, checked as you type</translation>
    </message>
    <message>
        <source>留空则由名称和业务类型组成</source>
        <translation>Leave empty to use the name and the business type</translation>
    </message>
    <message>
        <source>业务表单上的人员，按表上顺序，用逗号分隔</source>
        <translation>People on the form, in the form&apos;s order, separated by commas</translation>
    </message>
    <message>
        <source>件信息</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>件内顺序（实时按规则排列）</source>
        <translation>Order (arranged live by the rules)</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>恢复规则顺序</source>
        <translation>Back to the rules&apos; order</translation>
    </message>
    <message>
        <source>也可以把文件或文件夹拖到此窗口</source>
        <translation>You can also drop files or folders on this window</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>材料题名</source>
        <translation>Material title</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>重要性</source>
        <translation>Importance</translation>
    </message>
    <message>
        <source>所属人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>……共 {n} 件</source>
        <translation>… {n} items in all</translation>
    </message>
    <message>
        <source>必须填写（记入审计记录）</source>
        <translation>Required (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>请填写理由</source>
        <translation>Enter a reason</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>办结</source>
        <translation>Close request</translation>
    </message>
    <message>
        <source>查阅、复制、电子调阅完毕：登记利用效果（记入利用效果登记）。</source>
        <translation>Consultation, copy or on-screen view done: record the effect of use (it goes into the record of the effect of use).</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>利用效果</source>
        <translation>Effect of use</translation>
    </message>
    <message>
        <source>例如：核实了待遇领取情况，解决了争议</source>
        <translation>e.g. confirmed the benefits paid, settled a dispute</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>复制件</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>正在读取申请 {number}…</source>
        <translation>Reading request {number}…</translation>
    </message>
    <message>
        <source>申请 {number}&#x3000;借阅人：{borrower}
有效期至 {until}；{items} 件档案，共 {total} 页</source>
        <translation>Request {number}  Borrower: {borrower}
Valid until {until}; {items} items, {total} pages</translation>
    </message>
    <message>
        <source>将复制 {count} 页：{spec}</source>
        <translation>{count} pages will be copied: {spec}</translation>
    </message>
    <message>
        <source>复制件预览</source>
        <translation>Copy preview</translation>
    </message>
    <message>
        <source>保存复制件</source>
        <translation>Save copy</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已生成复制件 {file}（{pages} 页，每页带水印）</source>
        <translation>Copy made: {file} ({pages} pages, each watermarked)</translation>
    </message>
    <message>
        <source>已取消，未生成任何文件</source>
        <translation>Cancelled; no file was made</translation>
    </message>
    <message>
        <source>正在生成复制件…</source>
        <translation>Making the copy…</translation>
    </message>
    <message>
        <source>生成复制件 {number}</source>
        <translation>Making the copy for {number}</translation>
    </message>
    <message>
        <source>复制 {number}</source>
        <translation>Copy {number}</translation>
    </message>
    <message>
        <source>全部页；或如 1-3,5（按申请中档案的顺序连续计页）</source>
        <translation>All pages; or e.g. 1-3,5 (pages counted straight through the request&apos;s items in order)</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>生成复制件</source>
        <translation>Make copy</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>页码</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>水印预览</source>
        <translation>Watermark preview</translation>
    </message>
</context>
<context>
    <name>DispositionView</name>
    <message>
        <source>{n} 件、{pages} 页：{numbers}</source>
        <translation>{n} items, {pages} pages: {numbers}</translation>
    </message>
    <message>
        <source>销毁</source>
        <translation>Destroy</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>改为永久</source>
        <translation>Make permanent</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>鉴定中</source>
        <translation>Under appraisal</translation>
    </message>
    <message>
        <source>已签字</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>待批准</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已销毁</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>单位负责人</source>
        <translation>Unit head</translation>
    </message>
    <message>
        <source>档案机构负责人</source>
        <translation>Head of archives</translation>
    </message>
    <message>
        <source>会计机构负责人</source>
        <translation>Head of accounting</translation>
    </message>
    <message>
        <source>档案经办人</source>
        <translation>Archives handler</translation>
    </message>
    <message>
        <source>会计经办人</source>
        <translation>Accounting handler</translation>
    </message>
    <message>
        <source>监销人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>档案部门</source>
        <translation>Archives department</translation>
    </message>
    <message>
        <source>会计部门</source>
        <translation>Accounting department</translation>
    </message>
    <message>
        <source>信息技术部门</source>
        <translation>IT department</translation>
    </message>
    <message>
        <source>其他部门</source>
        <translation>Other department</translation>
    </message>
    <message>
        <source>未结清债权债务</source>
        <translation>Unsettled claims or debts</translation>
    </message>
    <message>
        <source>争议</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>诉讼</source>
        <translation>Litigation</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>保全中</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>已解除</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>（{day}起可鉴定）</source>
        <translation> (appraisable from {day})</translation>
    </message>
    <message>
        <source>截至 {day}</source>
        <translation>As of {day}</translation>
    </message>
    <message>
        <source>{code}类</source>
        <translation>Class {code}</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>Year {year}</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>将到期</source>
        <translation>Falls due</translation>
    </message>
    <message>
        <source>会计档案</source>
        <translation>Accounting archives</translation>
    </message>
    <message>
        <source>一般档案</source>
        <translation>General archives</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>读取到期档案</source>
        <translation>Reading due records</translation>
    </message>
    <message>
        <source>读取鉴定批次</source>
        <translation>Reading appraisal batches</translation>
    </message>
    <message>
        <source>读取销毁清册</source>
        <translation>Reading destruction registers</translation>
    </message>
    <message>
        <source>读取保全</source>
        <translation>Reading holds</translation>
    </message>
    <message>
        <source>把所选的 {n} 件到期档案建成一个鉴定批次</source>
        <translation>Make an appraisal batch of the {n} due records chosen</translation>
    </message>
    <message>
        <source>按截至日期、类别和年度把到期档案建成一个鉴定批次</source>
        <translation>Make an appraisal batch of the due records by as-of date, class and year</translation>
    </message>
    <message>
        <source>读取鉴定小组成员</source>
        <translation>Reading appraisal group members</translation>
    </message>
    <message>
        <source>已建立鉴定批次 {number}</source>
        <translation>Appraisal batch {number} created</translation>
    </message>
    <message>
        <source>没有鉴定批次：在“到期档案”中选择档案，点“建立鉴定批次…”</source>
        <translation>No appraisal batches: choose records in “Due records” and click “New appraisal batch…”</translation>
    </message>
    <message>
        <source>未选鉴定批次</source>
        <translation>No appraisal batch chosen</translation>
    </message>
    <message>
        <source>{number}&#x3000;{scope}&#x3000;{state}</source>
        <translation>{number}  {scope}  {state}</translation>
    </message>
    <message>
        <source>共 {n} 件：销毁 {d} 件，延期 {e} 件，改为永久 {p} 件，未定 {u} 件</source>
        <translation>{n} items: {d} destroy, {e} extend, {p} make permanent, {u} undecided</translation>
    </message>
    <message>
        <source>{who} 建立于 {at}</source>
        <translation>Created by {who} at {at}</translation>
    </message>
    <message>
        <source>销毁清册：{numbers}</source>
        <translation>Destruction registers: {numbers}</translation>
    </message>
    <message>
        <source>{number}（已撤回）</source>
        <translation>{number} (withdrawn)</translation>
    </message>
    <message>
        <source>已由 {who} 于 {at} 撤销，理由：{reason}</source>
        <translation>Cancelled by {who} at {at}, reason: {reason}</translation>
    </message>
    <message>
        <source>（负责人）</source>
        <translation> (head)</translation>
    </message>
    <message>
        <source>已签 {at}</source>
        <translation>signed {at}</translation>
    </message>
    <message>
        <source>未签</source>
        <translation>not signed</translation>
    </message>
    <message>
        <source>鉴定小组：{members}</source>
        <translation>Appraisal group: {members}</translation>
    </message>
    <message>
        <source>{number}：已填写鉴定意见（{opinion}）</source>
        <translation>{number}: opinion given ({opinion})</translation>
    </message>
    <message>
        <source>{number} 全体成员已签字，延期和改为永久的意见已生效</source>
        <translation>{number}: every member has signed; the extend and make-permanent opinions are in effect</translation>
    </message>
    <message>
        <source>已在 {number} 上签字</source>
        <translation>Signed {number}</translation>
    </message>
    <message>
        <source>签字 {number}</source>
        <translation>Signing {number}</translation>
    </message>
    <message>
        <source>已撤销鉴定批次 {number}，其中的档案回到到期档案</source>
        <translation>Appraisal batch {number} cancelled; its records are back on the due list</translation>
    </message>
    <message>
        <source>已由 {batch} 生成销毁清册 {numbers}</source>
        <translation>Made destruction register {numbers} from {batch}</translation>
    </message>
    <message>
        <source>生成销毁清册 {number}</source>
        <translation>Making the destruction registers of {number}</translation>
    </message>
    <message>
        <source>没有销毁清册：鉴定批次全体签字后，在“鉴定批次”中点“生成销毁清册”</source>
        <translation>No destruction registers: once every member has signed an appraisal batch, click “Make destruction register” in “Appraisal batches”</translation>
    </message>
    <message>
        <source>未选销毁清册</source>
        <translation>No destruction register chosen</translation>
    </message>
    <message>
        <source>会计档案销毁清册</source>
        <translation>Accounting archives destruction register</translation>
    </message>
    <message>
        <source>档案销毁清册</source>
        <translation>Archives destruction register</translation>
    </message>
    <message>
        <source>{number}&#x3000;{kind}&#x3000;{state}</source>
        <translation>{number}  {kind}  {state}</translation>
    </message>
    <message>
        <source>全宗 {code} {name}&#x3000;鉴定批次 {batch}&#x3000;销毁数量 {n} 件 {pages} 页</source>
        <translation>Fonds {code} {name}  Appraisal batch {batch}  To destroy: {n} items, {pages} pages</translation>
    </message>
    <message>
        <source>鉴定小组负责人 {leader} {day}&#x3000;拟制 {who} {at}</source>
        <translation>Appraisal group head {leader} {day}  Drawn up by {who} {at}</translation>
    </message>
    <message>
        <source>批准人 {who} {at}</source>
        <translation>Approved by {who} {at}</translation>
    </message>
    <message>
        <source>监销人 {names}</source>
        <translation>Supervisors: {names}</translation>
    </message>
    <message>
        <source>已由 {who} 于 {at} 撤回，理由：{reason}</source>
        <translation>Withdrawn by {who} at {at}, reason: {reason}</translation>
    </message>
    <message>
        <source>销毁日期 {day}&#x3000;方式 {method}&#x3000;地点 {place}&#x3000;执行 {who}</source>
        <translation>Destroyed on {day}  Method: {method}  Place: {place}  By: {who}</translation>
    </message>
    <message>
        <source>批准 {number}</source>
        <translation>Approving {number}</translation>
    </message>
    <message>
        <source>已批准销毁清册 {number}</source>
        <translation>Destruction register {number} approved</translation>
    </message>
    <message>
        <source>已撤回销毁清册 {number}</source>
        <translation>Destruction register {number} withdrawn</translation>
    </message>
    <message>
        <source>已在销毁清册 {number} 上签字（{duty}）</source>
        <translation>Signed destruction register {number} ({duty})</translation>
    </message>
    <message>
        <source>已按 {number} 销毁 {n} 件档案（{pages} 页），只保留目录信息</source>
        <translation>Destroyed {n} records ({pages} pages) under {number}; only their catalogue entries are kept</translation>
    </message>
    <message>
        <source>已设置保全 {number}</source>
        <translation>Hold {number} placed</translation>
    </message>
    <message>
        <source>已解除保全 {number}</source>
        <translation>Hold {number} lifted</translation>
    </message>
    <message>
        <source>到期档案鉴定清单</source>
        <translation>Appraisal list of due records</translation>
    </message>
    <message>
        <source>鉴定意见书</source>
        <translation>Appraisal opinion</translation>
    </message>
    <message>
        <source>销毁清册</source>
        <translation>Destruction register</translation>
    </message>
    <message>
        <source>保全登记簿</source>
        <translation>Hold register</translation>
    </message>
    <message>
        <source>保存{title}</source>
        <translation>Save {title}</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>已生成{title}：{file}</source>
        <translation>{title} made: {file}</translation>
    </message>
    <message>
        <source>生成{title}</source>
        <translation>Making {title}</translation>
    </message>
    <message>
        <source>您的角色（{roles}）不能做这件事；需要：{holders}</source>
        <translation>Your role ({roles}) cannot do this; it needs: {holders}</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>not signed in</translation>
    </message>
    <message>
        <source>未选保全</source>
        <translation>No hold chosen</translation>
    </message>
    <message>
        <source>保全 {number} 已解除</source>
        <translation>Hold {number} is already lifted</translation>
    </message>
    <message>
        <source>鉴定批次已撤销（{at}）</source>
        <translation>The appraisal batch was cancelled ({at})</translation>
    </message>
    <message>
        <source>鉴定批次已经全体成员签字，不能撤销；未批准的销毁清册可以撤回</source>
        <translation>Every member has signed the batch, so it cannot be cancelled; a destruction register not yet approved can be withdrawn</translation>
    </message>
    <message>
        <source>只有鉴定小组成员或建立人才能撤销本批次</source>
        <translation>Only a member of the appraisal group or whoever made the batch may cancel it</translation>
    </message>
    <message>
        <source>鉴定批次须经全体成员签字后才能生成销毁清册</source>
        <translation>Every member must sign the appraisal batch before a destruction register can be made</translation>
    </message>
    <message>
        <source>已生成销毁清册：{numbers}</source>
        <translation>Destruction register already made: {numbers}</translation>
    </message>
    <message>
        <source>本批次没有销毁意见</source>
        <translation>No record in this batch is to be destroyed</translation>
    </message>
    <message>
        <source>鉴定批次已签字，意见不能再改</source>
        <translation>The appraisal batch is signed; its opinions can no longer be changed</translation>
    </message>
    <message>
        <source>只有鉴定小组成员才能填写意见和签字</source>
        <translation>Only members of the appraisal group can give opinions and sign</translation>
    </message>
    <message>
        <source>您已签字（{at}）</source>
        <translation>You have signed ({at})</translation>
    </message>
    <message>
        <source>还有 {n} 件未给出意见，不能签字</source>
        <translation>{n} items still have no opinion; signing is not possible yet</translation>
    </message>
    <message>
        <source>本批次没有档案</source>
        <translation>This batch has no records</translation>
    </message>
    <message>
        <source>已按本清册销毁（{day}）</source>
        <translation>Already destroyed under this register ({day})</translation>
    </message>
    <message>
        <source>清册已撤回（{at}）</source>
        <translation>The register was withdrawn ({at})</translation>
    </message>
    <message>
        <source>清册已批准，不能撤回</source>
        <translation>The register is approved and cannot be withdrawn</translation>
    </message>
    <message>
        <source>只有清册的拟制人或负责人（审批人）才能撤回清册</source>
        <translation>Only the register&apos;s proposer or a head (approver) may withdraw it</translation>
    </message>
    <message>
        <source>清册已批准</source>
        <translation>The register is already approved</translation>
    </message>
    <message>
        <source>拟制清册的人不能批准本清册，须由另一位负责人批准</source>
        <translation>Whoever drew up the register cannot approve it; another head must approve it</translation>
    </message>
    <message>
        <source>清册须经批准后，监销人才能签字</source>
        <translation>Supervisors can sign only after the register is approved</translation>
    </message>
    <message>
        <source>批准人不能担任监销人</source>
        <translation>The approver cannot be a supervisor</translation>
    </message>
    <message>
        <source>您已作为监销人签字（{at}）</source>
        <translation>You have signed as a supervisor ({at})</translation>
    </message>
    <message>
        <source>清册须经批准后才能销毁</source>
        <translation>The register must be approved before anything is destroyed</translation>
    </message>
    <message>
        <source>须有两名以上监销人签字（现有 {n} 名）</source>
        <translation>At least two supervisors must sign ({n} so far)</translation>
    </message>
    <message>
        <source>会计档案销毁清册还须签字：{duties}</source>
        <translation>The accounting archives destruction register still needs signatures: {duties}</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>已到期 {n} 件</source>
        <translation>{n} items due</translation>
    </message>
    <message>
        <source>，至 {day} 到期 {m} 件</source>
        <translation>, {m} due by {day}</translation>
    </message>
    <message>
        <source>，其中整卷到期 {v} 卷</source>
        <translation>, including {v} whole volumes</translation>
    </message>
    <message>
        <source>（另有 {h} 件保全中，不列入）</source>
        <translation> ({h} more on hold, not listed)</translation>
    </message>
    <message>
        <source>{n} 个鉴定批次</source>
        <translation>{n} appraisal batches</translation>
    </message>
    <message>
        <source>{n} 份销毁清册</source>
        <translation>{n} destruction registers</translation>
    </message>
    <message>
        <source>{n} 项，保全中 {p} 项</source>
        <translation>{n} holds, {p} in force</translation>
    </message>
    <message>
        <source>截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>规划</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>仅已到期</source>
        <translation>Due only</translation>
    </message>
    <message>
        <source> 年内</source>
        <translation> years ahead</translation>
    </message>
    <message>
        <source>同时列出今后若干年内到期的档案，供制定鉴定计划</source>
        <translation>Also list the records falling due in the next years, for planning appraisals</translation>
    </message>
    <message>
        <source>建立鉴定批次…</source>
        <translation>New appraisal batch…</translation>
    </message>
    <message>
        <source>保管期限从形成年度的次年1月1日起算；保全中的、已在鉴定批次或销毁清册中的档案不列入。点左侧分组即选中该组已到期的档案；双击一件查看详情。</source>
        <translation>Retention runs from 1 January of the year after the records were made; records on hold or already in an appraisal batch or destruction register are not listed. Click a group on the left to select its due records; double-click a record to see its details.</translation>
    </message>
    <message>
        <source>销毁…</source>
        <translation>Destroy…</translation>
    </message>
    <message>
        <source>延期…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <source>改为永久…</source>
        <translation>Make permanent…</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>生成销毁清册</source>
        <translation>Make destruction register</translation>
    </message>
    <message>
        <source>撤销批次…</source>
        <translation>Cancel batch…</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>撤回清册…</source>
        <translation>Withdraw register…</translation>
    </message>
    <message>
        <source>签字…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <source>他人签字…</source>
        <translation>Countersign…</translation>
    </message>
    <message>
        <source>设置保全…</source>
        <translation>Place hold…</translation>
    </message>
    <message>
        <source>解除保全…</source>
        <translation>Lift hold…</translation>
    </message>
    <message>
        <source>鉴定清单…</source>
        <translation>Appraisal list…</translation>
    </message>
    <message>
        <source>鉴定意见书…</source>
        <translation>Appraisal opinion…</translation>
    </message>
    <message>
        <source>打印清册…</source>
        <translation>Print register…</translation>
    </message>
    <message>
        <source>保全登记簿…</source>
        <translation>Hold register…</translation>
    </message>
    <message>
        <source>所选档案（或全部未定的）鉴定为销毁，须填写理由</source>
        <translation>Appraise the chosen records (or every undecided one) for destruction; a reason is required</translation>
    </message>
    <message>
        <source>所选档案延长保管期限（须比原期限长），须填写理由</source>
        <translation>Extend the retention of the chosen records (it must be longer than before); a reason is required</translation>
    </message>
    <message>
        <source>所选档案改为永久保管，须填写理由</source>
        <translation>Keep the chosen records permanently; a reason is required</translation>
    </message>
    <message>
        <source>以本人名义在鉴定清单上签字；全体签字后意见生效</source>
        <translation>Sign the appraisal list in your own name; the opinions take effect once every member has signed</translation>
    </message>
    <message>
        <source>把销毁意见的档案列入销毁清册（会计档案单独成册）</source>
        <translation>List the records to be destroyed in a destruction register (accounting archives in a register of their own)</translation>
    </message>
    <message>
        <source>批准销毁清册；批准后清册内容不能再改</source>
        <translation>Approve the destruction register; once approved, its contents cannot change</translation>
    </message>
    <message>
        <source>撤销尚未签署的鉴定批次（如小组成员调离），须填写理由；其中的档案回到到期档案</source>
        <translation>Cancel a batch not yet signed (e.g. a member has left), with a reason; its records return to the due list</translation>
    </message>
    <message>
        <source>拟制人撤回或负责人退回尚未批准的销毁清册，须填写理由；清册保留备查</source>
        <translation>The proposer withdraws, or a head refuses, a register not yet approved, with a reason; the register is kept on record</translation>
    </message>
    <message>
        <source>以本人名义签字（监销人或会计档案的签字身份）</source>
        <translation>Sign in your own name (as a supervisor or in an accounting archives signing role)</translation>
    </message>
    <message>
        <source>另一人在本机输入自己的用户名和密码签字</source>
        <translation>Another person signs at this computer with their own user name and password</translation>
    </message>
    <message>
        <source>在监销人监督下销毁：删除电子文件及其全部副本，只保留目录</source>
        <translation>Destroy under the supervisors&apos; watch: delete the electronic files and all their copies, keeping only the catalogue entries</translation>
    </message>
    <message>
        <source>对档案件或整个案卷设置保全：保全期间不能销毁、移交</source>
        <translation>Place a hold on items or a whole volume: while on hold they cannot be destroyed or handed over</translation>
    </message>
    <message>
        <source>解除所选保全，须填写理由</source>
        <translation>Lift the chosen hold; a reason is required</translation>
    </message>
    <message>
        <source>生成本批次的到期档案鉴定清单（.docx），供打印签字</source>
        <translation>Make this batch&apos;s appraisal list of due records (.docx), to print and sign</translation>
    </message>
    <message>
        <source>生成本批次的鉴定意见书（.docx）</source>
        <translation>Make this batch&apos;s appraisal opinion (.docx)</translation>
    </message>
    <message>
        <source>生成销毁清册（.docx；会计档案用会计档案销毁清册）</source>
        <translation>Make the destruction register (.docx; the accounting archives form for accounting archives)</translation>
    </message>
    <message>
        <source>生成保全登记簿（.docx）：全部保全及其解除</source>
        <translation>Make the hold register (.docx): every hold and its lifting</translation>
    </message>
    <message>
        <source>清册条目</source>
        <translation>Register entries</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>到期档案</source>
        <translation>Due records</translation>
    </message>
    <message>
        <source>鉴定批次</source>
        <translation>Appraisal batches</translation>
    </message>
    <message>
        <source>保全</source>
        <translation>Holds</translation>
    </message>
</context>
<context>
    <name>DueGroupsModel</name>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>规划期内</source>
        <translation>Due later</translation>
    </message>
</context>
<context>
    <name>DueRowsModel</name>
    <message>
        <source>件号</source>
        <translation>Item number</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>到期日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
</context>
<context>
    <name>EntityCorrectDialog</name>
    <message>
        <source>名称不能为空</source>
        <translation>The name cannot be empty</translation>
    </message>
    <message>
        <source>尚未修改任何内容</source>
        <translation>Nothing changed yet</translation>
    </message>
    <message>
        <source>请填写更正理由</source>
        <translation>Enter the reason for the correction</translation>
    </message>
    <message>
        <source>更正单位/个人 — {number}</source>
        <translation>Correct unit / person — {number}</translation>
    </message>
    <message>
        <source>{number}&#x3000;{title}</source>
        <translation>{number}  {title}</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>当前 {code}；留空则不改</source>
        <translation>Now {code}; leave empty to keep it</translation>
    </message>
    <message>
        <source>更正理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>只用于更正录入错误：号码按国家标准核对校验码；同一单位或个人的所有档案件随之更正，已移交的档案不能更正。</source>
        <translation>Only for correcting typing mistakes: numbers are checked against the national standard&apos;s check digit; every item of the same unit or person takes the correction; records already handed over cannot be corrected.</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>件号</source>
        <translation>Item number</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>原保管期限</source>
        <translation>Original retention</translation>
    </message>
    <message>
        <source>到期日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>鉴定意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>延期至</source>
        <translation>Extended to</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>保全</source>
        <translation>Holds</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>程序内部错误：{error}</source>
        <translation>Internal error: {error}</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>详细信息</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>ExecuteDialog</name>
    <message>
        <source>须有两名以上已签字的监销人在场</source>
        <translation>At least two supervisors who have signed must be present</translation>
    </message>
    <message>
        <source>请填写销毁方式</source>
        <translation>Enter the method of destruction</translation>
    </message>
    <message>
        <source>请填写销毁地点</source>
        <translation>Enter the place of destruction</translation>
    </message>
    <message>
        <source>确认销毁</source>
        <translation>Confirm destruction</translation>
    </message>
    <message>
        <source>按销毁清册 {number} 销毁以下档案，销毁后无法恢复：</source>
        <translation>These records will be destroyed under destruction register {number} and cannot be recovered:</translation>
    </message>
    <message>
        <source>电子文件、可检索副本、识别文本、索引和组卷 PDF 将一并删除，只保留目录信息。</source>
        <translation>Their electronic files, searchable copies, recognised text, index entries and volume PDFs are deleted too; only the catalogue entries are kept.</translation>
    </message>
    <message>
        <source>销毁</source>
        <translation>Destroy</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在销毁 {number} 中的档案…</source>
        <translation>Destroying the records of {number}…</translation>
    </message>
    <message>
        <source>正在销毁 {number}：{done}/{total} 件</source>
        <translation>Destroying {number}: {done}/{total} items</translation>
    </message>
    <message>
        <source>销毁 {number}</source>
        <translation>Destroying {number}</translation>
    </message>
    <message>
        <source>销毁 — {number}</source>
        <translation>Destroy — {number}</translation>
    </message>
    <message>
        <source>须经批准，两名以上监销人（不含批准人）签字并在场。销毁后只保留档案的目录信息和销毁清册，档案号不再使用。</source>
        <translation>The register must be approved, and at least two supervisors (not the approver) must have signed and be present. Afterwards only the records&apos; catalogue entries and the destruction register remain; their archival codes are not used again.</translation>
    </message>
    <message>
        <source>将销毁：{what}</source>
        <translation>To be destroyed: {what}</translation>
    </message>
    <message>
        <source>在场监销人</source>
        <translation>Supervisors present</translation>
    </message>
    <message>
        <source>销毁方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>销毁地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>销毁日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>例如：本单位档案室</source>
        <translation>e.g. our archives room</translation>
    </message>
    <message>
        <source>销毁…</source>
        <translation>Destroy…</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>请填写续借理由</source>
        <translation>Enter the reason for the extension</translation>
    </message>
    <message>
        <source>续借</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>续借须由有审批权限的人员批准（申请人、借阅人本人不能批准）。</source>
        <translation>An extension must be approved by someone with the right to approve (not the requester or the borrower).</translation>
    </message>
    <message>
        <source>申请（应还日期）</source>
        <translation>Request (due date)</translation>
    </message>
    <message>
        <source>延长天数</source>
        <translation>Extra days</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>必须填写（记入审计记录）</source>
        <translation>Required (recorded in the audit trail)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <source>待检查</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>已检查</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>已签收</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>读取交接单</source>
        <translation>Reading handover records</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>{n} 份交接单</source>
        <translation>{n} handover records</translation>
    </message>
    <message>
        <source>没有交接单：点“新建交接单…”开始一次归档移交</source>
        <translation>No handover records: click “New handover…” to start handing volumes over</translation>
    </message>
    <message>
        <source>未选交接单</source>
        <translation>No handover record chosen</translation>
    </message>
    <message>
        <source>{number}&#x3000;{source} → {target}&#x3000;{status}</source>
        <translation>{number}  {source} → {target}  {status}</translation>
    </message>
    <message>
        <source>移交人 {giver}&#x3000;共 {volumes} 卷 {items} 件 {pages} 页</source>
        <translation>Handed over by {giver}  {volumes} volumes, {items} items, {pages} pages</translation>
    </message>
    <message>
        <source>&#x3000;接收人 {receiver}&#x3000;{day} 签收</source>
        <translation>  Received by {receiver}, signed {day}</translation>
    </message>
    <message>
        <source>&#x3000;已退回 {n} 卷</source>
        <translation>  {n} volumes returned</translation>
    </message>
    <message>
        <source>&#x3000;正在质量检查…</source>
        <translation>  Checking…</translation>
    </message>
    <message>
        <source>已新建交接单 {number}</source>
        <translation>Handover record {number} created</translation>
    </message>
    <message>
        <source>已将 {n} 卷加入 {number}</source>
        <translation>{n} volumes added to {number}</translation>
    </message>
    <message>
        <source>读取案卷</source>
        <translation>Reading volumes</translation>
    </message>
    <message>
        <source>{number} 质量检查：{n} 卷全部合格</source>
        <translation>{number} quality check: all {n} volumes passed</translation>
    </message>
    <message>
        <source>{number} 质量检查：{passed} 卷合格，{failed} 卷不合格</source>
        <translation>{number} quality check: {passed} volumes passed, {failed} failed</translation>
    </message>
    <message>
        <source>质量检查 {number}</source>
        <translation>Quality check {number}</translation>
    </message>
    <message>
        <source>已退回 {n} 卷不合格案卷</source>
        <translation>{n} failed volumes returned</translation>
    </message>
    <message>
        <source>{number} 已签收</source>
        <translation>{number} signed</translation>
    </message>
    <message>
        <source>新建交接单…</source>
        <translation>New handover…</translation>
    </message>
    <message>
        <source>加入案卷…</source>
        <translation>Add volumes…</translation>
    </message>
    <message>
        <source>质量检查</source>
        <translation>Quality check</translation>
    </message>
    <message>
        <source>退回不合格案卷…</source>
        <translation>Return failed volumes…</translation>
    </message>
    <message>
        <source>签收…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <source>打印交接单…</source>
        <translation>Print handover record…</translation>
    </message>
    <message>
        <source>逐卷检查：材料齐全、排列有序、顺序号和页号连续、页数相符、已生成卷内文件目录和案卷封面</source>
        <translation>Checks every volume: materials complete, order valid, item and page numbers gap-free, page counts matching, contents list and cover generated</translation>
    </message>
    <message>
        <source>流程：新建交接单 → 加入案卷 → 质量检查 → 退回不合格案卷（填写理由）→ 双方签收。签收后案卷为“已移交”，不能再修改；每一步都记入审计记录。</source>
        <translation>Steps: new handover record → add volumes → quality check → return failed volumes (with a reason) → both sides sign. Signed volumes are “handed over” and can no longer change; every step is recorded in the audit trail.</translation>
    </message>
</context>
<context>
    <name>HoldListModel</name>
    <message>
        <source>编号</source>
        <translation>Hold no.</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>设置人/时间</source>
        <translation>Placed by/at</translation>
    </message>
    <message>
        <source>解除人/时间/理由</source>
        <translation>Lifted by/at/reason</translation>
    </message>
</context>
<context>
    <name>HotFolderPanel</name>
    <message>
        <source>热文件夹：{name}</source>
        <translation>Hot folder: {name}</translation>
    </message>
    <message>
        <source>{time}&#x3000;已采集 {drop} → {number}</source>
        <translation>{time}  captured {drop} → {number}</translation>
    </message>
    <message>
        <source>注意：{warning}</source>
        <translation>Note: {warning}</translation>
    </message>
    <message>
        <source>{time}&#x3000;已隔离 {drop}：{reason}</source>
        <translation>{time}  quarantined {drop}: {reason}</translation>
    </message>
    <message>
        <source>热文件夹无法使用：{error}</source>
        <translation>The hot folder cannot be used: {error}</translation>
    </message>
    <message>
        <source>未设置热文件夹（在“设置”中指定扫描工作站投放文件的文件夹）</source>
        <translation>No hot folder set (choose the folder the scanner stations drop into, in Settings)</translation>
    </message>
    <message>
        <source>正在监视 {inbox}
采集后移至 {done}；有问题的投放移至 {quarantine}（附“原因.txt”）</source>
        <translation>Watching {inbox}
Captured drops move to {done}; bad drops to {quarantine} (with &quot;原因.txt&quot;)</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>隔离文件夹不能是热文件夹本身：{path}</source>
        <translation>The quarantine folder cannot be the hot folder itself: {path}</translation>
    </message>
</context>
<context>
    <name>IntegrityView</name>
    <message>
        <source>校验档案库</source>
        <translation>Verify the archive</translation>
    </message>
    <message>
        <source>四性检测</source>
        <translation>Four-property check</translation>
    </message>
    <message>
        <source>保存四性检测报告</source>
        <translation>Save the four-property report</translation>
    </message>
    <message>
        <source>四性检测报告-{stamp}.docx</source>
        <translation>four-property-report-{stamp}.docx</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>已保存四性检测报告：{path}</source>
        <translation>Four-property report saved: {path}</translation>
    </message>
    <message>
        <source>需要“校验”权限</source>
        <translation>Needs the “verify” right</translation>
    </message>
    <message>
        <source>正在运行…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <source>本机尚无校验结果：点“运行校验”</source>
        <translation>No verify results on this computer yet: click “Run verify”</translation>
    </message>
    <message>
        <source>本机尚无校验结果；运行校验需要“校验”权限（{roles}）</source>
        <translation>No results at this seat yet; running verify needs the verify right ({roles})</translation>
    </message>
    <message>
        <source>上次校验：{at}（{person}），{files} 个文件、{events} 条审计事件</source>
        <translation>Last verified: {at} ({person}), {files} files, {events} audit events</translation>
    </message>
    <message>
        <source>{when}：未发现问题</source>
        <translation>{when}: no problems found</translation>
    </message>
    <message>
        <source>这说明档案库在本系统之外被改动过或已损坏：请不要继续修改档案，保存本结果，报告档案室负责人和安全审计员，再与最近的备份核对。</source>
        <translation>The archive was changed outside this program or is damaged: make no further changes, keep these results, tell the head of the archive room and the security auditor, then compare with the latest backup.</translation>
    </message>
    <message>
        <source>只是派生数据过时，可运行 archivist rebuild-derived 重建，原件与记录无碍。</source>
        <translation>Only derived data is out of date: archivist rebuild-derived makes it again; the originals and records are sound.</translation>
    </message>
    <message>
        <source>{when}：发现 {n} 个问题，其中错误 {errors} 个</source>
        <translation>{when}: {n} problems found, {errors} of them errors</translation>
    </message>
    <message>
        <source>{n} 处</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <source>双击打开档案件 {number}</source>
        <translation>Double-click to open item {number}</translation>
    </message>
    <message>
        <source>尚未运行四性检测</source>
        <translation>The four-property check has not been run</translation>
    </message>
    <message>
        <source>四性检测：{n} 项，{failed} 项有不通过的对象</source>
        <translation>Four-property check: {n} checks, {failed} with failing objects</translation>
    </message>
    <message>
        <source>校验重新计算每个文件的 SHA-256，检查编号、档号、审计链与访问日志，并核对检索索引、识别文本、可检索副本和案卷 PDF 等派生数据；派生数据过时可运行 archivist rebuild-derived 重建。四性检测按 DA/T 70 检查真实性、完整性、可用性、安全性。</source>
        <translation>Verify recomputes every file&apos;s SHA-256, checks numbering, archival codes, the audit trail and the access log, and reconciles derived data (search index, OCR texts, searchable copies, volume PDFs); stale derived data is rebuilt with archivist rebuild-derived. The four-property check (DA/T 70) tests authenticity, integrity, usability and security.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>检测项</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>对象数</source>
        <translation>Objects</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>不通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>运行校验</source>
        <translation>Run verify</translation>
    </message>
    <message>
        <source>纸面链头（可选）：审计链 第 N 条 哈希</source>
        <translation>Chain head from paper (optional): 审计链 第 N 条 hash</translation>
    </message>
    <message>
        <source>照登记表页脚所印填入“审计链 第 N 条 哈希”（或 N:哈希），校验时一并核对</source>
        <translation>Type the footer of a register as printed, “审计链 第 N 条 hash” (or N:hash); verify checks the chain against it</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存报告…</source>
        <translation>Save report…</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <source>载入扫描文件</source>
        <translation>Load scan file</translation>
    </message>
    <message>
        <source>文本文件 (*.txt *.csv);;所有文件 (*)</source>
        <translation>Text files (*.txt *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在盘点…</source>
        <translation>Running the inventory…</translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Run inventory</translation>
    </message>
    <message>
        <source>{box}&#x3000;应在 {location}，未扫到</source>
        <translation>{box}: registered at {location}, not scanned</translation>
    </message>
    <message>
        <source>{box}&#x3000;登记在 {registered}，扫描于 {at}（第 {line} 行）</source>
        <translation>{box}: registered at {registered}, scanned at {at} (line {line})</translation>
    </message>
    <message>
        <source>未上架</source>
        <translation>not shelved</translation>
    </message>
    <message>
        <source>未注明位置</source>
        <translation>no location given</translation>
    </message>
    <message>
        <source>{box}&#x3000;借出 {request}，{borrower}，应还 {due}</source>
        <translation>{box}: on loan ({request}, {borrower}), due {due}</translation>
    </message>
    <message>
        <source>缺失（登记在架，未扫到）：{n}</source>
        <translation>Missing (on the shelf in the register, not scanned): {n}</translation>
    </message>
    <message>
        <source>错位（扫到的位置与登记不符）：{n}</source>
        <translation>Misplaced (scanned somewhere else than registered): {n}</translation>
    </message>
    <message>
        <source>无法识别（不是档案盒条码）：{n}</source>
        <translation>Unexpected (not a box barcode): {n}</translation>
    </message>
    <message>
        <source>重复扫描：{n}</source>
        <translation>Scanned more than once: {n}</translation>
    </message>
    <message>
        <source>借出（未在架，不是缺失）：{n}</source>
        <translation>On loan (off the shelf, not missing): {n}</translation>
    </message>
    <message>
        <source>全部库房</source>
        <translation>all rooms</translation>
    </message>
    <message>
        <source>账物相符</source>
        <translation>Consistent</translation>
    </message>
    <message>
        <source>账物不符</source>
        <translation>Discrepancies</translation>
    </message>
    <message>
        <source>{verdict}：扫描 {scanned} 条，相符 {matched} 盒；范围：{scope}</source>
        <translation>{verdict}: {scanned} codes scanned, {matched} boxes matched; counted: {scope}</translation>
    </message>
    <message>
        <source>盘点结果</source>
        <translation>Inventory result</translation>
    </message>
    <message>
        <source>导出盘点结果</source>
        <translation>Export the inventory result</translation>
    </message>
    <message>
        <source>盘点结果.txt</source>
        <translation>inventory.txt</translation>
    </message>
    <message>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>扫描枪读到的盒脊条码，一行一个；“@1库-03架-2列-4层”或位置条码 LOC-1-03-2-4 一行，表示以下各行在该位置扫到。范围可不填：默认为文中出现的位置，都没有时为全部库房。</source>
        <translation>The box barcodes the scanner read, one a line; a line “@1库-03架-2列-4层” or a location barcode LOC-1-03-2-4 says the lines below were read at that location. The scope may be left empty: the locations named in the text, or all rooms when none is.</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>如 1库 或 1库-03架（可不填）</source>
        <translation>e.g. 1库 or 1库-03架 (optional)</translation>
    </message>
    <message>
        <source>载入文件…</source>
        <translation>Load file…</translation>
    </message>
    <message>
        <source>导出结果…</source>
        <translation>Export result…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ItemDetail</name>
    <message>
        <source>采集</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>调整顺序</source>
        <translation>Reorder</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>重新编号</source>
        <translation>Renumber</translation>
    </message>
    <message>
        <source>更正单位/个人</source>
        <translation>Correct unit / person</translation>
    </message>
    <message>
        <source>补登待遇事项</source>
        <translation>Add a benefit event</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>不到期</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{name}（{kind}）{id}</source>
        <translation>{name} ({kind}) {id}</translation>
    </message>
    <message>
        <source>{label}，{expires}起可鉴定</source>
        <translation>{label}, appraisable from {expires}</translation>
    </message>
    <message>
        <source>件内顺序经人工调整，理由：{reason}</source>
        <translation>The order was changed by hand, reason: {reason}</translation>
    </message>
    <message>
        <source>表单</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>凭证</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>重要</source>
        <translation>Important</translation>
    </message>
    <message>
        <source>次要</source>
        <translation>Secondary</translation>
    </message>
    <message>
        <source>盒 {box}（未上架）</source>
        <translation>Box {box} (not shelved)</translation>
    </message>
    <message>
        <source>未装盒</source>
        <translation>not boxed</translation>
    </message>
    <message>
        <source>未组卷，未移交</source>
        <translation>Unfiled, not handed over</translation>
    </message>
    <message>
        <source>未移交</source>
        <translation>Not handed over</translation>
    </message>
    <message>
        <source>已移交（交接单 {batch}）</source>
        <translation>Handed over (handover record {batch})</translation>
    </message>
    <message>
        <source>已移交</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>已退回（交接单 {batch}），待整改后重新移交</source>
        <translation>Returned (handover record {batch}); to be fixed and handed over again</translation>
    </message>
    <message>
        <source>在交接单 {batch} 中，待检查移交</source>
        <translation>In handover record {batch}, awaiting the check</translation>
    </message>
    <message>
        <source>未组卷</source>
        <translation>Unfiled</translation>
    </message>
    <message>
        <source>不能修改：{reason}</source>
        <translation>Cannot be changed: {reason}</translation>
    </message>
    <message>
        <source>填写理由后显示完整身份证号（记入访问日志）</source>
        <translation>Reveal the full ID numbers after giving a reason (recorded in the access log)</translation>
    </message>
    <message>
        <source>您没有显示完整号码的权限（鉴定小组成员、负责人可以，须填写理由）</source>
        <translation>You may not reveal full ID numbers (appraisers and heads may, with a reason)</translation>
    </message>
    <message>
        <source>已销毁的档案不能利用</source>
        <translation>A destroyed record cannot be used</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
    <message>
        <source>销毁</source>
        <translation>destroy</translation>
    </message>
    <message>
        <source>延期至{period}（{day}起可再鉴定）</source>
        <translation>extended to {period} (appraised again from {day})</translation>
    </message>
    <message>
        <source>改为永久</source>
        <translation>keep permanently</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>undecided</translation>
    </message>
    <message>
        <source>已签字</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>鉴定中</source>
        <translation>being appraised</translation>
    </message>
    <message>
        <source>未结清债权债务</source>
        <translation>Unsettled matter</translation>
    </message>
    <message>
        <source>争议</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>诉讼</source>
        <translation>Litigation</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>案卷 {code}</source>
        <translation>Volume {code}</translation>
    </message>
    <message>
        <source>保全中</source>
        <translation>held</translation>
    </message>
    <message>
        <source>已解除（{reason}）</source>
        <translation>lifted ({reason})</translation>
    </message>
    <message>
        <source>已于 {day} 按销毁清册 {register} 销毁（鉴定批次 {batch}，{approver} 批准，监销人 {supervisors}）；电子文件已删除，只保留目录信息</source>
        <translation>Destroyed on {day} under destruction register {register} (appraisal batch {batch}, approved by {approver}, supervisors {supervisors}); the electronic files are deleted, only the catalogue entry is kept</translation>
    </message>
    <message>
        <source>您没有修改档案的权限（{roles}可以）</source>
        <translation>You may not change records ({roles} may)</translation>
    </message>
    <message>
        <source>在这件档案上补登待遇审核变更、二次发放或追回待遇（须填写理由，记入审计记录）</source>
        <translation>Add a benefit review change, reissue or recovery to this item (with a reason, recorded in the audit trail)</translation>
    </message>
    <message>
        <source>显示完整身份证号</source>
        <translation>Reveal full ID numbers</translation>
    </message>
    <message>
        <source>显示件 {number} 所涉个人的完整身份证号；理由记入访问日志。</source>
        <translation>Reveal the full ID numbers of the people in item {number}; the reason is recorded in the access log.</translation>
    </message>
    <message>
        <source>显示理由（记入访问日志）：</source>
        <translation>Reason (recorded in the access log):</translation>
    </message>
    <message>
        <source>在左侧选择分类，在上方表格中选择一件档案</source>
        <translation>Choose a class on the left and an item in the table above</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>单位/个人</source>
        <translation>Unit / person</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>采集人与时间</source>
        <translation>Captured by</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>存放位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>移交状态</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>件信息</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>件内材料（按排列顺序，附排列依据）</source>
        <translation>Materials (in order, with the basis of each position)</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>调整顺序…</source>
        <translation>Reorder…</translation>
    </message>
    <message>
        <source>申请利用…</source>
        <translation>Request use…</translation>
    </message>
    <message>
        <source>登记查阅、借出、复制或电子调阅这件档案的申请</source>
        <translation>Record a request to consult, lend, copy or view this item on screen</translation>
    </message>
    <message>
        <source>显示完整号码…</source>
        <translation>Reveal full ID numbers…</translation>
    </message>
    <message>
        <source>一人一档…</source>
        <translation>Person file…</translation>
    </message>
    <message>
        <source>这个人或单位的全部档案：本人/本单位的、名册上的、凭证上的，以及待遇事项</source>
        <translation>Every record of this person or unit: their own, on rosters, on vouchers, and their benefit events</translation>
    </message>
    <message>
        <source>待遇事项：</source>
        <translation>Benefit events:</translation>
    </message>
    <message>
        <source>保全：</source>
        <translation>Holds:</translation>
    </message>
    <message>
        <source>鉴定：</source>
        <translation>Appraisals:</translation>
    </message>
    <message>
        <source>销毁：</source>
        <translation>Destruction:</translation>
    </message>
    <message>
        <source>补登待遇事项…</source>
        <translation>Add benefit event…</translation>
    </message>
    <message>
        <source>修改题名、经办人或办结日期，更正单位/个人的名称或证件号码（记入审计记录）</source>
        <translation>Change the title, handler or completion date, or correct the name or ID number of the unit or person (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>调整件内材料的排列顺序（须填写理由，记入审计记录）</source>
        <translation>Change the order of the materials (a reason is required, recorded in the audit trail)</translation>
    </message>
    <message>
        <source>顺序</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>材料题名</source>
        <translation>Material title</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>所属人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>排列依据</source>
        <translation>Basis of position</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>改变类别、业务类型或年度：件号、档号和保管期限随之改变（记入审计记录）</source>
        <translation>Change the class, business type or year: number, archival code and retention change with it (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>编辑条目…</source>
        <translation>Edit item…</translation>
    </message>
    <message>
        <source>重新编号…</source>
        <translation>Renumber…</translation>
    </message>
</context>
<context>
    <name>ItemEditDialog</name>
    <message>
        <source>{number}&#x3000;{archival_code}</source>
        <translation>{number}  {archival_code}</translation>
    </message>
    <message>
        <source>修改理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>办结日期换到 {year} 年会改变件号：请用“重新编号…”</source>
        <translation>A completion date in {year} changes the number: use Renumber…</translation>
    </message>
    <message>
        <source>尚未修改任何内容</source>
        <translation>Nothing changed yet</translation>
    </message>
    <message>
        <source>类别、业务类型、保管期限和年度决定件号与档号，要改请用“重新编号…”；单位/个人的名称或证件号码录错，请用“更正单位/个人…”。办结月份改变时，件的文件夹随之移动。</source>
        <translation>The class, business type, retention and year determine the number and archival code: to change them, use “Renumber…”; for a mistyped name or ID number of the unit or person, use “Correct unit / person…”. When the completion month changes, the item&apos;s folder moves with it.</translation>
    </message>
    <message>
        <source>改用重新编号…</source>
        <translation>Renumber instead…</translation>
    </message>
    <message>
        <source>更正单位/个人…</source>
        <translation>Correct unit / person…</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>编辑条目 — {number}</source>
        <translation>Edit item — {number}</translation>
    </message>
    <message>
        <source>请填写修改理由</source>
        <translation>Enter the reason for the change</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>题名不能为空</source>
        <translation>The title cannot be empty</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>件号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>单位/个人</source>
        <translation>Unit / person</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>读取件目录</source>
        <translation>Reading the item list</translation>
    </message>
</context>
<context>
    <name>LendDialog</name>
    <message>
        <source>借出</source>
        <translation>Lend</translation>
    </message>
    <message>
        <source>登记借出：应还日期和借出时的状况；逾期未还的列入逾期清单。</source>
        <translation>Record the loan: the due date and the condition as it leaves; loans not returned in time go on the overdue list.</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>借出档案</source>
        <translation>Records lent</translation>
    </message>
    <message>
        <source>应还日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>借出状况</source>
        <translation>Condition when lent</translation>
    </message>
    <message>
        <source>例如：完好，共 12 页</source>
        <translation>e.g. intact, 12 pages</translation>
    </message>
</context>
<context>
    <name>LiftHoldDialog</name>
    <message>
        <source>请填写解除理由</source>
        <translation>Enter the reason for lifting the hold</translation>
    </message>
    <message>
        <source>解除保全</source>
        <translation>Lift hold</translation>
    </message>
    <message>
        <source>解除理由记入保全登记簿和审计记录。</source>
        <translation>The reason is recorded in the hold register and the audit trail.</translation>
    </message>
    <message>
        <source>保全</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>必须填写，例如：争议已裁决</source>
        <translation>Required, e.g. the dispute has been decided</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>请填写库房号</source>
        <translation>Enter the room</translation>
    </message>
    <message>
        <source>新建位置</source>
        <translation>New location</translation>
    </message>
    <message>
        <source>库房中的一个位置：库房-架-列-层。库房号只用字母和数字（写入条码）。</source>
        <translation>A place on the shelves: room, shelf, column, layer. Rooms use letters and digits only (they go into barcodes).</translation>
    </message>
    <message>
        <source>库房</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>架</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>层</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>位置代码</source>
        <translation>Location code</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <source>已退出登录</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>请登录后继续使用。</source>
        <translation>Sign in to continue.</translation>
    </message>
    <message>
        <source>登录…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>窗口已锁定</source>
        <translation>Window locked</translation>
    </message>
    <message>
        <source>一段时间没有操作，窗口已锁定。{person}，请输入密码解锁。</source>
        <translation>The window was locked after a while without activity. {person}, enter your password to unlock it.</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>库房</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>{n} 件</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Counting</translation>
    </message>
    <message>
        <source>档案库：{path}&#x3000;全宗 {code} {name}</source>
        <translation>Archive: {path}  Fonds {code} {name}</translation>
    </message>
    <message>
        <source>{items} 件&#x3000;{materials} 份材料&#x3000;{pages} 页</source>
        <translation>{items} items  {materials} materials  {pages} pages</translation>
    </message>
    <message>
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>后台：{work}</source>
        <translation>Working: {work}</translation>
    </message>
    <message>
        <source>已采集 {number}</source>
        <translation>Captured {number}</translation>
    </message>
    <message>
        <source>设置保全…</source>
        <translation>Place hold…</translation>
    </message>
    <message>
        <source>保全期间不能销毁、移交或缩短保管期限</source>
        <translation>While on hold it cannot be destroyed, handed over or given a shorter retention</translation>
    </message>
    <message>
        <source>关于档案室</source>
        <translation>About Archivist</translation>
    </message>
    <message>
        <source>档案室 Archivist {version}
社会保险经办机构业务档案管理</source>
        <translation>Archivist {version}
Business records of social-insurance agencies</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>日志文件在：{folder}</source>
        <translation>The log files are in: {folder}</translation>
    </message>
    <message>
        <source>档案室 — {name}</source>
        <translation>Archivist — {name}</translation>
    </message>
    <message>
        <source>筛选：件号、档号、题名或单位/个人</source>
        <translation>Filter: number, archival code, title, unit or person</translation>
    </message>
    <message>
        <source>件详情</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>页面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>利用</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>鉴定</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>全文检索</source>
        <translation>Full-text search</translation>
    </message>
    <message>
        <source>后台工作</source>
        <translation>Background work</translation>
    </message>
    <message>
        <source>识别队列</source>
        <translation>OCR queue</translation>
    </message>
    <message>
        <source>热文件夹</source>
        <translation>Hot folder</translation>
    </message>
    <message>
        <source>采集…</source>
        <translation>Capture…</translation>
    </message>
    <message>
        <source>新建档案库…</source>
        <translation>New archive…</translation>
    </message>
    <message>
        <source>打开档案库…</source>
        <translation>Open archive…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>校验档案库…</source>
        <translation>Verify archive…</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>采集一件档案（也可把文件拖到窗口上）</source>
        <translation>Capture an item (or drop files on the window)</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>最近打开的档案库</source>
        <translation>Recent archives</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>已修改 {number}</source>
        <translation>Changed {number}</translation>
    </message>
    <message>
        <source>已重新编号：{old} → {number}</source>
        <translation>Renumbered: {old} → {number}</translation>
    </message>
    <message>
        <source>查看页面</source>
        <translation>Show the pages</translation>
    </message>
    <message>
        <source>编辑条目…</source>
        <translation>Edit item…</translation>
    </message>
    <message>
        <source>调整顺序…</source>
        <translation>Reorder…</translation>
    </message>
    <message>
        <source>重新编号…</source>
        <translation>Renumber…</translation>
    </message>
    <message>
        <source>把一个年度、一个类别中未组卷的档案件组成案卷</source>
        <translation>File a year&apos;s unfiled items of one class into volumes</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>{path}（当前）</source>
        <translation>{path} (current)</translation>
    </message>
    <message>
        <source>{path}（已不存在）</source>
        <translation>{path} (no longer exists)</translation>
    </message>
    <message>
        <source>这个文件夹里已经没有档案库</source>
        <translation>This folder no longer holds an archive</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>清除列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>组卷…</source>
        <translation>File into volumes…</translation>
    </message>
    <message>
        <source>交接</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>登记表…</source>
        <translation>Registers…</translation>
    </message>
</context>
<context>
    <name>MoveItemsDialog</name>
    <message>
        <source>原案卷</source>
        <translation>From volume</translation>
    </message>
    <message>
        <source>同一年度、同一类别没有其他案卷可以移入</source>
        <translation>No other volume of the same year and class to move to</translation>
    </message>
    <message>
        <source>把 {n} 件从案卷 {source} 移到另一案卷；两卷须同年度、同类别、同保管期限，卷内顺序号和页号随之重排。</source>
        <translation>Move {n} item(s) from volume {source} to another volume of the same year, class and retention; sequence and page numbers are renumbered in both.</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>移到</source>
        <translation>To volume</translation>
    </message>
    <message>
        <source>移到其他案卷</source>
        <translation>Move to another volume</translation>
    </message>
</context>
<context>
    <name>NavTree</name>
    <message>
        <source>全部档案</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{month}月</source>
        <translation>Month {month}</translation>
    </message>
    <message>
        <source>分类导航</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>NewBatchDialog</name>
    <message>
        <source>请填写移交部门</source>
        <translation>Enter the department handing over</translation>
    </message>
    <message>
        <source>请填写移交人</source>
        <translation>Enter the person handing over</translation>
    </message>
    <message>
        <source>新建交接单</source>
        <translation>New handover record</translation>
    </message>
    <message>
        <source>交接单号自动编排（JJ-年度-流水号）；新建后加入要移交的案卷，再做质量检查。</source>
        <translation>The number is given automatically (JJ-year-serial); then add the volumes to hand over and run the quality check.</translation>
    </message>
    <message>
        <source>移交部门</source>
        <translation>From department</translation>
    </message>
    <message>
        <source>移交人</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <source>接收部门</source>
        <translation>To department</translation>
    </message>
    <message>
        <source>例如：失业保险科</source>
        <translation>e.g. Unemployment Insurance Section</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>没有持“鉴定小组成员”角色的账户：请安全保密员先授予角色</source>
        <translation>No account holds the “Appraiser” role: ask the security officer to grant it first</translation>
    </message>
    <message>
        <source>鉴定小组至少 {n} 人（已选 {k} 人）</source>
        <translation>The appraisal group needs at least {n} members ({k} chosen)</translation>
    </message>
    <message>
        <source>鉴定小组须有一名负责人</source>
        <translation>The appraisal group needs a head</translation>
    </message>
    <message>
        <source>新建鉴定批次</source>
        <translation>New appraisal batch</translation>
    </message>
    <message>
        <source>批次号自动编排（JD-年度-流水号）。收入截至当日已到期、未保全、未在其他批次或销毁清册中的档案；永久档案不收入。</source>
        <translation>The batch number is given automatically (JD-year-serial). The batch takes the records due by the as-of date that are not on hold and not in another batch or destruction register; permanent records are never included.</translation>
    </message>
    <message>
        <source>截至日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>所选档案</source>
        <translation>Records chosen</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>鉴定小组</source>
        <translation>Appraisal group</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>所选 {n} 件</source>
        <translation>{n} records chosen</translation>
    </message>
    <message>
        <source>{name}（{user}）&#x3000;负责人</source>
        <translation>{name} ({user}), head</translation>
    </message>
    <message>
        <source>{name}（{user}）</source>
        <translation>{name} ({user})</translation>
    </message>
    <message>
        <source>建立批次</source>
        <translation>Create batch</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>请填写借阅人员的用户名</source>
        <translation>Enter the borrower&apos;s user name</translation>
    </message>
    <message>
        <source>请填写单位名称</source>
        <translation>Enter the unit&apos;s name</translation>
    </message>
    <message>
        <source>请填写利用人姓名</source>
        <translation>Enter the borrower&apos;s name</translation>
    </message>
    <message>
        <source>请填写利用目的</source>
        <translation>Enter the purpose</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>本单位人员的登录用户名</source>
        <translation>The staff member&apos;s sign-in user name</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>例如：某某有限公司</source>
        <translation>e.g. Example Co., Ltd.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>利用人姓名</source>
        <translation>Borrower&apos;s name</translation>
    </message>
    <message>
        <source>新建利用申请</source>
        <translation>New use request</translation>
    </message>
    <message>
        <source>申请号自动编排（LY-年度-流水号）；须经负责人或有审批权限的档案员批准，申请人不能审批自己的申请。会计档案不外借。</source>
        <translation>The request number is assigned automatically (LY-year-serial). A head or an archivist with the right to approve must approve it; no one may approve their own request. Accounting records are not lent out.</translation>
    </message>
    <message>
        <source>利用方式</source>
        <translation>Kind of use</translation>
    </message>
    <message>
        <source>利用人类型</source>
        <translation>Borrower type</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>利用目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>期限（天）</source>
        <translation>Period (days)</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>盒</source>
        <translation>Boxes</translation>
    </message>
    <message>
        <source>18位，输入时即校验</source>
        <translation>18 characters, checked as you type</translation>
    </message>
    <message>
        <source>例如：核对失业保险待遇</source>
        <translation>e.g. checking unemployment insurance benefits</translation>
    </message>
    <message>
        <source>件号或档号，多个以空格分隔</source>
        <translation>Item numbers or archival codes, separated by spaces</translation>
    </message>
    <message>
        <source>案卷档号，多个以空格分隔</source>
        <translation>Archival codes of volumes, separated by spaces</translation>
    </message>
    <message>
        <source>盒号，多个以空格分隔</source>
        <translation>Box numbers, separated by spaces</translation>
    </message>
    <message>
        <source>提交申请</source>
        <translation>Submit request</translation>
    </message>
</context>
<context>
    <name>OcrPanel</name>
    <message>
        <source>另一个程序正在识别（{n} 页待识别）</source>
        <translation>Another program is running OCR ({n} pages waiting)</translation>
    </message>
    <message>
        <source>识别队列</source>
        <translation>OCR queue</translation>
    </message>
    <message>
        <source>待识别 {pending} 份&#x3000;已完成 {done} 份&#x3000;失败 {failed} 份&#x3000;页：{pages_done}/{pages_total}，失败 {pages_failed} 页</source>
        <translation>Waiting {pending}  done {done}  failed {failed} materials  pages: {pages_done}/{pages_total}, {pages_failed} failed</translation>
    </message>
    <message>
        <source>它结束后，本窗口会接着识别剩下的和新采集的页</source>
        <translation>When it finishes, this window goes on with the remaining and newly captured pages</translation>
    </message>
    <message>
        <source>识别失败的页（{n}）</source>
        <translation>Pages that failed OCR ({n})</translation>
    </message>
    <message>
        <source>没有识别失败的页</source>
        <translation>No page failed OCR</translation>
    </message>
    <message>
        <source>识别 {done}/{total} 页</source>
        <translation>OCR {done}/{total} pages</translation>
    </message>
    <message>
        <source>识别</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>正在暂停…</source>
        <translation>Pausing…</translation>
    </message>
    <message>
        <source>重试识别</source>
        <translation>Retry OCR</translation>
    </message>
    <message>
        <source>开始识别</source>
        <translation>Start OCR</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>重试失败页</source>
        <translation>Retry failed pages</translation>
    </message>
    <message>
        <source>自动识别新采集的页</source>
        <translation>Recognise new pages automatically</translation>
    </message>
    <message>
        <source>件号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>失败原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <source>未选档案：在表中选择要给出意见的档案</source>
        <translation>No records chosen: choose the records to give an opinion on in the table</translation>
    </message>
    <message>
        <source>没有未定的档案</source>
        <translation>No undecided records</translation>
    </message>
    <message>
        <source>请选择延期后的保管期限</source>
        <translation>Choose the new retention</translation>
    </message>
    <message>
        <source>请填写理由</source>
        <translation>Enter a reason</translation>
    </message>
    <message>
        <source>鉴定意见 — {batch}</source>
        <translation>Appraisal opinion — {batch}</translation>
    </message>
    <message>
        <source>同一意见和理由给所选档案；已签字后再改意见，已有的签字作废，须重新签字。保全中的档案不能给销毁意见；延期须比原保管期限长。</source>
        <translation>The same opinion and reason go to every record chosen; changing an opinion after signing voids the signatures already given, and everyone must sign again. Records on hold cannot be marked for destruction; an extension must be longer than the original retention.</translation>
    </message>
    <message>
        <source>所选 {n} 件</source>
        <translation>The {n} chosen</translation>
    </message>
    <message>
        <source>全部未定的 {n} 件</source>
        <translation>All {n} undecided</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>鉴定意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>延期后保管期限</source>
        <translation>New retention</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>必须填写（记入鉴定清单和审计记录）</source>
        <translation>Required (recorded in the appraisal list and the audit trail)</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <source>申请号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>借阅人</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>借出日期</source>
        <translation>Lent on</translation>
    </message>
    <message>
        <source>应还日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <source>借出档案</source>
        <translation>Records lent</translation>
    </message>
    <message>
        <source>还有 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>显示页面</source>
        <translation>Showing page</translation>
    </message>
    <message>
        <source>本页尚未识别（识别队列处理后显示文字）</source>
        <translation>Not recognised yet (the text appears once the OCR queue reaches it)</translation>
    </message>
    <message>
        <source>本页识别失败：{reason}</source>
        <translation>OCR failed on this page: {reason}</translation>
    </message>
    <message>
        <source>文字来自 PDF 自带的文字层</source>
        <translation>Text from the PDF&apos;s own text layer</translation>
    </message>
    <message>
        <source>识别文字（OCR）</source>
        <translation>Recognised text (OCR)</translation>
    </message>
    <message>
        <source>生成缩略图</source>
        <translation>Thumbnails</translation>
    </message>
    <message>
        <source>第{page}页</source>
        <translation>Page {page}</translation>
    </message>
    <message>
        <source>{page} / {total} 页</source>
        <translation>{page} / {total}</translation>
    </message>
    <message>
        <source>{number}&#x3000;材料{seq}：{title}（第{page}/{pages}页）</source>
        <translation>{number}  material {seq}: {title} (page {page}/{pages})</translation>
    </message>
    <message>
        <source>未选择档案</source>
        <translation>No item chosen</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>旋转</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>放大（Ctrl+滚轮）</source>
        <translation>Zoom in (Ctrl+wheel)</translation>
    </message>
    <message>
        <source>识别文字</source>
        <translation>Recognised text</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>请填写原密码</source>
        <translation>Enter the old password</translation>
    </message>
    <message>
        <source>修改密码 — 档案室</source>
        <translation>Change password — Archivist</translation>
    </message>
    <message>
        <source>{who}：您的密码是别人为您设置的，请先改成只有您自己知道的密码，才能继续使用。取消将退出登录。</source>
        <translation>{who}: your password was set by someone else. Change it to one only you know before going on. Cancelling signs you out.</translation>
    </message>
    <message>
        <source>{who}：修改您自己的登录密码。</source>
        <translation>{who}: change your own sign-in password.</translation>
    </message>
    <message>
        <source>原密码：</source>
        <translation>Old password:</translation>
    </message>
    <message>
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>再输入一次：</source>
        <translation>Repeat new password:</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>档案管理员</source>
        <translation>Archivist</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>鉴定小组成员</source>
        <translation>Appraiser</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>安全保密员</source>
        <translation>Security officer</translation>
    </message>
    <message>
        <source>安全审计员</source>
        <translation>Security auditor</translation>
    </message>
    <message>
        <source>校验服务账户</source>
        <translation>Verification service account</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（无角色）</source>
        <translation>(no role)</translation>
    </message>
    <message>
        <source>{name}（{roles}）</source>
        <translation>{name} ({roles})</translation>
    </message>
</context>
<context>
    <name>PersonEntriesModel</name>
    <message>
        <source>件号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>盒</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>位置/借出</source>
        <translation>Location / loan</translation>
    </message>
</context>
<context>
    <name>PersonFileDialog</name>
    <message>
        <source>一人一档</source>
        <translation>Person file</translation>
    </message>
    <message>
        <source>姓名、身份证号或统一社会信用代码</source>
        <translation>Name, ID number or credit code</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>打印清单…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <source>把这份一人一档的档案清单存为 Word 文件（.docx）以便打印</source>
        <translation>Save the list of records in this person file as a Word file (.docx) to print</translation>
    </message>
    <message>
        <source>相关档案（双击打开）</source>
        <translation>Records (double-click to open)</translation>
    </message>
    <message>
        <source>待遇事项</source>
        <translation>Benefit events</translation>
    </message>
    <message>
        <source>请输入姓名、身份证号或统一社会信用代码</source>
        <translation>Enter a name, ID number or credit code</translation>
    </message>
    <message>
        <source>保存档案清单</source>
        <translation>Save list of records</translation>
    </message>
    <message>
        <source>Word 文件 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>（无证件号码）</source>
        <translation>(no ID number)</translation>
    </message>
    <message>
        <source>{kind}：{names}&#x3000;{ident}&#x3000;共 {items} 件，待遇事项 {events} 条</source>
        <translation>{kind}: {names}  {ident}  {items} items, {events} benefit events</translation>
    </message>
</context>
<context>
    <name>PersonFileView</name>
    <message>
        <source>本人/本单位</source>
        <translation>Own</translation>
    </message>
    <message>
        <source>名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <source>凭证</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>待遇审核变更</source>
        <translation>Benefit review change</translation>
    </message>
    <message>
        <source>二次发放</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <source>追回待遇</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>借出：{loan}</source>
        <translation>On loan: {loan}</translation>
    </message>
    <message>
        <source>已装盒，未上架</source>
        <translation>Boxed, not shelved</translation>
    </message>
    <message>
        <source>未装盒</source>
        <translation>Not boxed</translation>
    </message>
</context>
<context>
    <name>PlaceHoldDialog</name>
    <message>
        <source>请填写案卷档号</source>
        <translation>Enter the volume code</translation>
    </message>
    <message>
        <source>请填写件号</source>
        <translation>Enter the item numbers</translation>
    </message>
    <message>
        <source>请填写保全理由</source>
        <translation>Enter the reason for the hold</translation>
    </message>
    <message>
        <source>设置保全</source>
        <translation>Place hold</translation>
    </message>
    <message>
        <source>保全中的档案不能销毁、移交或缩短保管期限；保全案卷即保全卷内全部档案。编号自动编排（BQ-年度-流水号）。</source>
        <translation>Records on hold cannot be destroyed, handed over or given a shorter retention; a hold on a volume holds every item in it. The number is given automatically (BQ-year-serial).</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>整个案卷</source>
        <translation>Whole volume</translation>
    </message>
    <message>
        <source>保全对象</source>
        <translation>Hold on</translation>
    </message>
    <message>
        <source>件号</source>
        <translation>Item numbers</translation>
    </message>
    <message>
        <source>案卷档号</source>
        <translation>Volume code</translation>
    </message>
    <message>
        <source>保全类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>件号或档号，多个以空格分隔</source>
        <translation>Item numbers or archival codes, separated by spaces</translation>
    </message>
    <message>
        <source>必须填写，例如：劳动争议仲裁未结</source>
        <translation>Required, e.g. labour dispute arbitration pending</translation>
    </message>
</context>
<context>
    <name>PutDialog</name>
    <message>
        <source>没有可装入本盒的未装盒档案（同年度、同类别、同保管期限）</source>
        <translation>Nothing unboxed can go into this box (same year, class and retention)</translation>
    </message>
    <message>
        <source>请勾选要装入的档案</source>
        <translation>Tick what goes into the box</translation>
    </message>
    <message>
        <source>装盒</source>
        <translation>Put into box</translation>
    </message>
    <message>
        <source>{year}年&#x3000;{klass}类&#x3000;保管期限 {retention}：未装盒的{what}</source>
        <translation>{year}, class {klass}, retention {retention}: unboxed {what}</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>volumes</translation>
    </message>
    <message>
        <source>档案件（不在案卷中的）</source>
        <translation>items (not in a volume)</translation>
    </message>
    <message>
        <source>档案盒</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>请填写理由</source>
        <translation>Enter a reason</translation>
    </message>
    <message>
        <source>填写理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>修改理由（记入审计记录）：</source>
        <translation>Reason for the change (recorded in the audit trail):</translation>
    </message>
    <message>
        <source>必须填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordFormDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>请填写拒绝理由</source>
        <translation>Enter the reason for refusing</translation>
    </message>
    <message>
        <source>拒绝申请</source>
        <translation>Refuse request</translation>
    </message>
    <message>
        <source>拒绝理由记入申请和审计记录。</source>
        <translation>The reason is recorded on the request and in the audit trail.</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>必须填写（记入审计记录）</source>
        <translation>Required (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Refuse</translation>
    </message>
</context>
<context>
    <name>RegisterListModel</name>
    <message>
        <source>清册号</source>
        <translation>Register no.</translation>
    </message>
    <message>
        <source>鉴定批次</source>
        <translation>Appraisal batch</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>销毁日期</source>
        <translation>Destroyed on</translation>
    </message>
</context>
<context>
    <name>RegisterRowsModel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archival code</translation>
    </message>
    <message>
        <source>应保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>已保管期限</source>
        <translation>Kept for</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>卷号</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RegistersDialog</name>
    <message>
        <source>归档文件目录</source>
        <translation>Item list (归档文件目录)</translation>
    </message>
    <message>
        <source>备考表</source>
        <translation>Box notes (备考表)</translation>
    </message>
    <message>
        <source>案卷封面</source>
        <translation>Volume cover (案卷封面)</translation>
    </message>
    <message>
        <source>卷内文件目录</source>
        <translation>Volume contents (卷内文件目录)</translation>
    </message>
    <message>
        <source>卷内备考表</source>
        <translation>Volume notes (卷内备考表)</translation>
    </message>
    <message>
        <source>案卷目录</source>
        <translation>Volume list (案卷目录)</translation>
    </message>
    <message>
        <source>盒脊标签</source>
        <translation>Spine labels (盒脊标签)</translation>
    </message>
    <message>
        <source>归档交接单</source>
        <translation>Handover record (归档交接单)</translation>
    </message>
    <message>
        <source>借阅登记簿</source>
        <translation>Loan register (借阅登记簿)</translation>
    </message>
    <message>
        <source>利用效果登记</source>
        <translation>Record of the effect of use (利用效果登记)</translation>
    </message>
    <message>
        <source>待遇事项登记簿</source>
        <translation>Benefit events register (待遇事项登记簿)</translation>
    </message>
    <message>
        <source>催还通知</source>
        <translation>Overdue notice (催还通知)</translation>
    </message>
    <message>
        <source>一人一档清单</source>
        <translation>Person file list (一人一档清单)</translation>
    </message>
    <message>
        <source>输入完后按回车键查询</source>
        <translation>Press Enter when done to search</translation>
    </message>
    <message>
        <source>读取登记范围</source>
        <translation>Reading register choices</translation>
    </message>
    <message>
        <source>登记表预览</source>
        <translation>Register preview</translation>
    </message>
    <message>
        <source>请填写申请编号（借出未还的申请）</source>
        <translation>Enter the request number (of a loan still out)</translation>
    </message>
    <message>
        <source>请填写要查的姓名、身份证号或统一社会信用代码</source>
        <translation>Enter the name, ID number or credit code to look up</translation>
    </message>
    <message>
        <source>合计：{totals}</source>
        <translation>Total: {totals}</translation>
    </message>
    <message>
        <source>A4 横向</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <source>A4 纵向</source>
        <translation>A4 portrait</translation>
    </message>
    <message>
        <source>{paper}；表头各项印在封面上，表格另起一页</source>
        <translation>{paper}; the header fields print on a cover page, the table follows</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>正在读取预览…</source>
        <translation>Reading the preview…</translation>
    </message>
    <message>
        <source>已导出：{file}</source>
        <translation>Exported: {file}</translation>
    </message>
    <message>
        <source>共 {n} 行</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <source>一个年度（可限定类别）的档案件，或填写盒号只列一盒；按件号排列。</source>
        <translation>The items of a year (optionally one class), or of one box when a box is given; in item number order.</translation>
    </message>
    <message>
        <source>一盒的备考表：填写盒号。</source>
        <translation>The notes sheet of one box: enter the box.</translation>
    </message>
    <message>
        <source>选定案卷的封面。生成后记入审计记录，供交接检查。</source>
        <translation>The cover of the chosen volume. Generating it is recorded for the handover check.</translation>
    </message>
    <message>
        <source>选定案卷的卷内文件目录。生成后记入审计记录，供交接检查。</source>
        <translation>The contents list of the chosen volume. Generating it is recorded for the handover check.</translation>
    </message>
    <message>
        <source>选定案卷的卷内备考表。</source>
        <translation>The notes sheet of the chosen volume.</translation>
    </message>
    <message>
        <source>一个年度（可限定类别）的案卷，按目录号、案卷号排列。</source>
        <translation>The volumes of a year (optionally one class), by catalogue and volume number.</translation>
    </message>
    <message>
        <source>一盒，或一个年度（可限定类别）各盒的盒脊标签。</source>
        <translation>Spine labels of one box, or of the boxes of a year (optionally one class).</translation>
    </message>
    <message>
        <source>一个交接批次的归档交接单（退回的案卷不列入）。</source>
        <translation>The handover record of one batch (returned volumes are not listed).</translation>
    </message>
    <message>
        <source>起止日期内的每次利用（借出、查阅、复制、电子调阅），每份档案一行；证件号码遮蔽。</source>
        <translation>Every use between the dates (loan, consultation, copy, on-screen view), one line per record; ID numbers masked.</translation>
    </message>
    <message>
        <source>起止日期内每次利用的利用人、目的和登记的利用效果。</source>
        <translation>The borrower, purpose and recorded effect of every use between the dates.</translation>
    </message>
    <message>
        <source>起止日期内发生的待遇审核变更、二次发放、追回待遇事项。</source>
        <translation>The benefit review changes, reissues and recoveries between the dates.</translation>
    </message>
    <message>
        <source>一笔借阅（申请编号）截至某日仍未归还的档案；须已逾期。</source>
        <translation>The records of one loan (request number) still not returned on a given day; the loan must be overdue.</translation>
    </message>
    <message>
        <source>按姓名、身份证号或统一社会信用代码，列出一个人（单位）的全部档案及存放位置。</source>
        <translation>Every record of one person (or unit), found by name, ID number or credit code, with where it is kept.</translation>
    </message>
    <message>
        <source>导出登记表</source>
        <translation>Export register</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导出{name}</source>
        <translation>Exporting {name}</translation>
    </message>
    <message>
        <source>无法打开 {file}：系统中没有打开它的程序</source>
        <translation>Cannot open {file}: no program on this computer opens it</translation>
    </message>
    <message>
        <source>已送打印机：{file}</source>
        <translation>Sent to the printer: {file}</translation>
    </message>
    <message>
        <source>已打开 {file}，请在打开的程序中打印</source>
        <translation>Opened {file}: print it from that program</translation>
    </message>
    <message>
        <source>登记表</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>盒号</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>交接单号</source>
        <translation>Handover no.</translation>
    </message>
    <message>
        <source>起止日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>申请编号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>盒的编号或条码；填写后按盒登记</source>
        <translation>Box code or barcode; when given, the register covers that box</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>借出未还的申请，如 LY-2026-0001</source>
        <translation>A loan still out, e.g. LY-2026-0001</translation>
    </message>
    <message>
        <source>姓名、身份证号或统一社会信用代码</source>
        <translation>Name, ID number or credit code</translation>
    </message>
    <message>
        <source>导出 Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>只有目录、登记簿和清单可导出为 Excel</source>
        <translation>Only catalogues, registers and lists export to Excel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>用系统中的程序打开刚导出的文件</source>
        <translation>Open the file just exported in its program on this computer</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>把刚导出的文件送到打印机（不能直接打印时打开它）</source>
        <translation>Send the file just exported to the printer (or open it when it cannot be printed directly)</translation>
    </message>
</context>
<context>
    <name>RemoveItemsDialog</name>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>移出案卷</source>
        <translation>Take out of the volume</translation>
    </message>
    <message>
        <source>移出的 {n} 件成为未组卷的件，可再加入同年度、同类别的案卷；本卷的顺序号和页号随之重排。</source>
        <translation>The {n} item(s) taken out become unfiled and can go into a volume of the same year and class later; this volume&apos;s sequence and page numbers are renumbered.</translation>
    </message>
</context>
<context>
    <name>RenumberDialog</name>
    <message>
        <source>{number}&#x3000;{title}</source>
        <translation>{number}  {title}</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>件号不变：{number}</source>
        <translation>Number unchanged: {number}</translation>
    </message>
    <message>
        <source>件号：{old} → {year}-{klass}-（保存时按顺序分配）；原件号留空，理由记入记录</source>
        <translation>Number: {old} → {year}-{klass}-(next serial, given on saving); the old number stays vacant with the reason</translation>
    </message>
    <message>
        <source>保管期限不变：{period}</source>
        <translation>Retention unchanged: {period}</translation>
    </message>
    <message>
        <source>保管期限：{before} → {after}</source>
        <translation>Retention: {before} → {after}</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>尚未修改任何内容</source>
        <translation>Nothing changed yet</translation>
    </message>
    <message>
        <source>所选类别下没有业务类型</source>
        <translation>The class chosen has no business types</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>类别、业务类型（保管期限随之而定）或年度改变时，件号、档号和保管期限随之改变，文件移到新的文件夹；改变类别或年度时重新分配流水号，原号留空并记录理由。</source>
        <translation>When the class, business type (which sets the retention) or year changes, the number, archival code and retention change with it and the files move to a new folder; a new class or year gives a new serial, and the old one stays vacant with the reason.</translation>
    </message>
    <message>
        <source>请填写重新编号的理由</source>
        <translation>Enter the reason for renumbering</translation>
    </message>
    <message>
        <source>重新编号 — {number}</source>
        <translation>Renumber — {number}</translation>
    </message>
</context>
<context>
    <name>ReorderDialog</name>
    <message>
        <source>调整件内顺序 — {number}</source>
        <translation>Reorder materials — {number}</translation>
    </message>
    <message>
        <source>必须填写理由（记入审计记录）</source>
        <translation>A reason is required (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>拖动材料调整顺序：</source>
        <translation>Drag the materials into the order wanted:</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>顺序没有改变：请先拖动材料</source>
        <translation>The order is unchanged: drag the materials first</translation>
    </message>
    <message>
        <source>调整顺序</source>
        <translation>Reorder</translation>
    </message>
</context>
<context>
    <name>RequestListModel</name>
    <message>
        <source>申请号</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>利用人</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <source>借出日期</source>
        <translation>Lent on</translation>
    </message>
    <message>
        <source>应还日期</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>逾期未还：应于 {day} 归还</source>
        <translation>Overdue: due back on {day}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>为 {name}（{user}）设置新密码：其会话将结束，锁定解除，下次登录时须修改密码。</source>
        <translation>Set a new password for {name} ({user}): their session ends, any lockout is lifted, and they must change the password at their next sign-in.</translation>
    </message>
    <message>
        <source>必须填写（记入审计记录）</source>
        <translation>Required (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>请填写新密码</source>
        <translation>Enter a new password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>请填写理由</source>
        <translation>Enter a reason</translation>
    </message>
</context>
<context>
    <name>RestrictedWindow</name>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>档案室 — {name}</source>
        <translation>Archivist — {name}</translation>
    </message>
    <message>
        <source>您的角色（{roles}）不能查看档案内容</source>
        <translation>Your role ({roles}) cannot see the records</translation>
    </message>
    <message>
        <source>按三员分立的规定，管理员不查看、不处理档案。您可以做的工作在下面；要查看档案，请用档案管理员等业务账户登录。</source>
        <translation>Under the separation of the three administrator roles, administrators neither see nor handle the records. The work you can do is below; to see the records, sign in with a business account such as an archivist&apos;s.</translation>
    </message>
    <message>
        <source>账户与角色…</source>
        <translation>Accounts and roles…</translation>
    </message>
    <message>
        <source>访问日志…</source>
        <translation>Access log…</translation>
    </message>
    <message>
        <source>校验档案库…</source>
        <translation>Verify archive…</translation>
    </message>
    <message>
        <source>档案库设置…</source>
        <translation>Archive settings…</translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>没有不合格的案卷</source>
        <translation>No failed volumes</translation>
    </message>
    <message>
        <source>请填写理由</source>
        <translation>Enter a reason</translation>
    </message>
    <message>
        <source>退回不合格案卷</source>
        <translation>Return failed volumes</translation>
    </message>
    <message>
        <source>以下 {n} 卷质量检查不合格，退回移交部门修正；修正后可加入新的交接单。</source>
        <translation>These {n} volumes failed the quality check and go back to the department to be fixed; fixed volumes can join a new handover record.</translation>
    </message>
    <message>
        <source>不合格案卷</source>
        <translation>Failed volumes</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>必须填写（记入审计记录）</source>
        <translation>Required (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>没有借出未还的档案</source>
        <translation>Nothing is out on loan</translation>
    </message>
    <message>
        <source>请勾选归还的档案</source>
        <translation>Tick the records returned</translation>
    </message>
    <message>
        <source>损坏或丢失须填写说明</source>
        <translation>A note is required for damaged or lost records</translation>
    </message>
    <message>
        <source>归还</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>勾选归还的档案（可部分归还），登记归还时的状况；损坏、丢失的列入损毁清单。</source>
        <translation>Tick the records returned (a part may come back) and record their condition; damaged and lost ones go on the damage list.</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>归还档案</source>
        <translation>Records returned</translation>
    </message>
    <message>
        <source>状况</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>授予角色</source>
        <translation>Grant role</translation>
    </message>
    <message>
        <source>撤销角色</source>
        <translation>Revoke role</translation>
    </message>
    <message>
        <source>{name}（{user}）现有角色：{roles}</source>
        <translation>Current roles of {name} ({user}): {roles}</translation>
    </message>
    <message>
        <source>必须填写（记入审计记录）</source>
        <translation>Required (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>没有可选的角色</source>
        <translation>No role to choose</translation>
    </message>
    <message>
        <source>请填写理由</source>
        <translation>Enter a reason</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>{what}：{before} → {after}</source>
        <translation>{what}: {before} → {after}</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>会计档案</source>
        <translation>Accounting records</translation>
    </message>
    <message>
        <source>依保管期限表</source>
        <translation>From the retention schedule</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>修改分类方案</source>
        <translation>Change the classification scheme</translation>
    </message>
    <message>
        <source>原文不全，待本机构确认</source>
        <translation>Source incomplete: to confirm</translation>
    </message>
    <message>
        <source>双击“保管期限”一栏修改（可填 永久、10年、30年 或 Y、D10、D30）；每次修改、确认和新增都须填写理由，记入审计记录。业务类型未填期限的沿用本类默认。红色：尚无期限，须由本机构填写；黄色：按产品对照或原文不全，待本机构确认。</source>
        <translation>Double-click a Retention cell to change it (permanent, 10 years, 30 years, or Y, D10, D30). Every change, confirmation and new business type needs a reason, recorded in the audit trail. A business type without its own period takes its class default. Red: no period yet, the agency must enter one; yellow: mapped by the product or source text incomplete, to be confirmed by the agency.</translation>
    </message>
    <message>
        <source>双击修改本类默认期限：永久（Y）或 10年（D10）、30年、50年、100年</source>
        <translation>Double-click to change the class default: permanent (Y) or 10 years (D10), 30, 50, 100 years</translation>
    </message>
    <message>
        <source>双击修改：永久（Y）或 10年（D10）、30年、50年、100年；清空则沿用本类默认</source>
        <translation>Double-click to change: permanent (Y) or 10 years (D10), 30, 50, 100 years; empty it to take the class default</translation>
    </message>
    <message>
        <source>只显示待填写、待确认的条目</source>
        <translation>Only rows to fill in or confirm</translation>
    </message>
    <message>
        <source>待填写 {todo} 项，待确认 {confirm} 项</source>
        <translation>{todo} to fill in, {confirm} to confirm</translation>
    </message>
    <message>
        <source>按产品对照 {item}，待本机构确认</source>
        <translation>Mapped to {item}: to confirm</translation>
    </message>
    <message>
        <source>按会计档案管理（不在本类采集）</source>
        <translation>Accounting records (Order 79)</translation>
    </message>
    <message>
        <source>无保管期限，待本机构填写</source>
        <translation>No period: to enter</translation>
    </message>
    <message>
        <source>无默认期限</source>
        <translation>No default period</translation>
    </message>
    <message>
        <source>本机构修改：{reason}</source>
        <translation>Agency change: {reason}</translation>
    </message>
    <message>
        <source>本机构设定</source>
        <translation>Set by the agency</translation>
    </message>
    <message>
        <source>本类条目未查到，待本机构填写</source>
        <translation>Not in the schedule: to enter</translation>
    </message>
    <message>
        <source>本类默认期限</source>
        <translation>Class default</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>沿用本类默认（{period}）</source>
        <translation>Class default ({period})</translation>
    </message>
    <message>
        <source>添加业务类型</source>
        <translation>Add a business type</translation>
    </message>
    <message>
        <source>添加业务类型…</source>
        <translation>Add a business type…</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>确认 {what} 的保管期限：{period}</source>
        <translation>Confirm the retention of {what}: {period}</translation>
    </message>
    <message>
        <source>确认所选期限…</source>
        <translation>Confirm the selected period…</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>类别名称</source>
        <translation>Class name</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>（本类默认）</source>
        <translation>(class default)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>全部类别</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>全部业务类型</source>
        <translation>All business types</translation>
    </message>
    <message>
        <source>正在检索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>第{page}页</source>
        <translation>Page {page}</translation>
    </message>
    <message>
        <source>显示更多（再显示 {count} 件，共 {total} 件）</source>
        <translation>Show more ({count} more of {total} items)</translation>
    </message>
    <message>
        <source>没有找到</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>找到 {total} 件</source>
        <translation>{total} items found</translation>
    </message>
    <message>
        <source>，已显示 {shown} 件</source>
        <translation>, {shown} shown</translation>
    </message>
    <message>
        <source>一人一档…</source>
        <translation>Person file…</translation>
    </message>
    <message>
        <source>输入姓名、身份证号、单位或文件中的文字</source>
        <translation>Name, ID number, unit or words in the files</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>业务类型</source>
        <translation>Business type</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>单位/个人</source>
        <translation>Unit / person</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>名称的一部分</source>
        <translation>Part of the name</translation>
    </message>
    <message>
        <source>相关度</source>
        <translation>Relevance</translation>
    </message>
    <message>
        <source>办结日期</source>
        <translation>Completed on</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>修改档案库设置</source>
        <translation>Change archive settings</translation>
    </message>
    <message>
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>选择 Tesseract 程序</source>
        <translation>Choose the Tesseract program</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>档案库</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>分类方案</source>
        <translation>Classification scheme</translation>
    </message>
    <message>
        <source>文字识别</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>热文件夹与界面</source>
        <translation>Hot folder and language</translation>
    </message>
    <message>
        <source>档案库位置</source>
        <translation>Archive folder</translation>
    </message>
    <message>
        <source>全宗</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <source>门类代码</source>
        <translation>Category code</translation>
    </message>
    <message>
        <source>档案库设置由系统管理员修改</source>
        <translation>Archive settings are changed by the system administrator</translation>
    </message>
    <message>
        <source>示例：{code}（档案库中还没有档案，按示例数据）</source>
        <translation>Example: {code} (from sample data: the archive holds no items yet)</translation>
    </message>
    <message>
        <source>示例：{code}（最新一件 {number} 按此格式的档号）</source>
        <translation>Example: {code} (the latest item, {number}, in this format)</translation>
    </message>
    <message>
        <source>请填写门类代码</source>
        <translation>Enter the category code</translation>
    </message>
    <message>
        <source>档号格式</source>
        <translation>Archival code template</translation>
    </message>
    <message>
        <source>{what}：{before} → {after}</source>
        <translation>{what}: {before} → {after}</translation>
    </message>
    <message>
        <source>OCR 引擎</source>
        <translation>OCR engine</translation>
    </message>
    <message>
        <source>Tesseract 程序</source>
        <translation>Tesseract program</translation>
    </message>
    <message>
        <source>识别语言</source>
        <translation>OCR languages</translation>
    </message>
    <message>
        <source>并行识别数</source>
        <translation>Parallel pages</translation>
    </message>
    <message>
        <source>每页时限（秒）</source>
        <translation>Time limit per page (s)</translation>
    </message>
    <message>
        <source>识别前清理</source>
        <translation>Clean-up before OCR</translation>
    </message>
    <message>
        <source>Tesseract（默认）</source>
        <translation>Tesseract (default)</translation>
    </message>
    <message>
        <source>默认引擎；有颗粒、污点或歪斜的扫描件先自动清理再识别</source>
        <translation>The default engine; grainy, dusty or tilted scans are cleaned up automatically before recognition</translation>
    </message>
    <message>
        <source>差的扫描件识别得更准，每页用时更长</source>
        <translation>Reads poor scans more accurately, and takes longer per page</translation>
    </message>
    <message>
        <source>未安装。安装方法：{hint}</source>
        <translation>Not installed. Install it: {hint}</translation>
    </message>
    <message>
        <source>热文件夹</source>
        <translation>Hot folder</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>留空：随程序安装的或系统中的 tesseract</source>
        <translation>Empty: the bundled or the system&apos;s tesseract</translation>
    </message>
    <message>
        <source>自动（按处理器核数）</source>
        <translation>Automatic (one per core)</translation>
    </message>
    <message>
        <source>逐页测量，只在能提高准确率时去噪、去污点、纠斜</source>
        <translation>Measure each page; denoise, despeckle or deskew only where it raises accuracy</translation>
    </message>
    <message>
        <source>差的扫描件识别得更准；识别速度约慢两成。扫描质量都好时可关闭。</source>
        <translation>Poor scans are read more accurately; OCR reads about a fifth fewer pages a minute. Turn it off when all scans are good.</translation>
    </message>
    <message>
        <source>更换档案库位置后窗口将打开该档案库。全宗在建库时确定，不能在此修改。门类代码与档号格式的修改记入审计记录，只影响之后采集的档案。</source>
        <translation>Choosing another archive folder opens that archive. The fonds is fixed when an archive is created and cannot be changed here. Changes of the category code and the archival code template are audited and apply to items captured afterwards.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>扫描工作站把每件档案放成一个文件夹（内含 manifest.json 采集清单）。采集后移入“已采集”，有问题的移入隔离文件夹并附“原因.txt”，不删除任何文件。隔离文件夹可放在热文件夹之外（如由专人处理的共享文件夹）。</source>
        <translation>Scanner stations drop one folder per item (with a manifest.json). Captured drops move to &quot;已采集&quot;, bad ones to the quarantine folder with a &quot;原因.txt&quot; saying why; no file is ever deleted. The quarantine folder may be outside the hot folder (say a shared folder someone looks after).</translation>
    </message>
    <message>
        <source>留空：热文件夹中的“隔离”</source>
        <translation>Empty: &quot;隔离&quot; inside the hot folder</translation>
    </message>
    <message>
        <source>隔离文件夹</source>
        <translation>Quarantine folder</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <source>……共 {n} 盒</source>
        <translation>… {n} boxes in all</translation>
    </message>
    <message>
        <source>还没有位置：先点“新建位置…”</source>
        <translation>No locations yet: use “New location…” first</translation>
    </message>
    <message>
        <source>上架/移架</source>
        <translation>Shelve / move</translation>
    </message>
    <message>
        <source>把 {n} 个档案盒放到所选位置；原来在架上的盒即移到新位置。</source>
        <translation>Put {n} boxes at the location chosen; boxes already on a shelf move there.</translation>
    </message>
    <message>
        <source>档案盒</source>
        <translation>Boxes</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Location</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>请填写移交人</source>
        <translation>Enter the person handing over</translation>
    </message>
    <message>
        <source>请填写接收人</source>
        <translation>Enter the person receiving</translation>
    </message>
    <message>
        <source>签收交接单 {number}（{source} → {target}）：
共 {volumes} 卷 {items} 件 {pages} 页；移交人 {giver}，接收人 {receiver}，日期 {day}。

签收后这些案卷为“已移交”，不能再修改。确定签收？</source>
        <translation>Sign handover record {number} ({source} → {target}):
{volumes} volumes, {items} items, {pages} pages; handed over by {giver}, received by {receiver}, on {day}.

Signed volumes are “handed over” and can no longer change. Sign now?</translation>
    </message>
    <message>
        <source>确认签收</source>
        <translation>Confirm signing</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>交接单中的案卷须全部质量检查合格、检查后未再修改，才能签收；签收后案卷为“已移交”。</source>
        <translation>Signing needs every volume in the record to have passed the quality check and not changed since; signed volumes are “handed over”.</translation>
    </message>
    <message>
        <source>交接单</source>
        <translation>Handover record</translation>
    </message>
    <message>
        <source>移交人</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <source>接收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>签收人的姓名</source>
        <translation>Name of the person receiving</translation>
    </message>
    <message>
        <source>请签字人输入自己的用户名</source>
        <translation>The signer must enter their own user name</translation>
    </message>
    <message>
        <source>请签字人输入自己的密码</source>
        <translation>The signer must enter their own password</translation>
    </message>
    <message>
        <source>他人签字 — {number}</source>
        <translation>Countersign — {number}</translation>
    </message>
    <message>
        <source>请签字人本人在此输入自己的用户名和密码（按登录规则核对，输错计入锁定次数）；签字记在其本人名下，由当前登录人办理。</source>
        <translation>The signer types their own user name and password here (checked as at sign-in; wrong passwords count towards lockout). The signature is recorded in the signer&apos;s name, handled by the person signed in.</translation>
    </message>
    <message>
        <source>签字 — {number}</source>
        <translation>Sign — {number}</translation>
    </message>
    <message>
        <source>以 {name} 本人的名义签字。批准人不能担任监销人。</source>
        <translation>You sign in your own name, {name}. The approver cannot be a supervisor.</translation>
    </message>
    <message>
        <source>销毁清册</source>
        <translation>Destruction register</translation>
    </message>
    <message>
        <source>签字身份</source>
        <translation>Signing as</translation>
    </message>
    <message>
        <source>所在部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>签字人用户名</source>
        <translation>Signer&apos;s user name</translation>
    </message>
    <message>
        <source>签字人密码</source>
        <translation>Signer&apos;s password</translation>
    </message>
    <message>
        <source>签字</source>
        <translation>Sign</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>请填写用户名</source>
        <translation>Enter your user name</translation>
    </message>
    <message>
        <source>请填写密码</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <source>登录 — 档案室</source>
        <translation>Sign in — Archivist</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>档案库：{path}&#x3000;{fonds}</source>
        <translation>Archive: {path}  {fonds}</translation>
    </message>
    <message>
        <source>用户名：</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>密码：</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignaturesModel</name>
    <message>
        <source>职责</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>签字人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>签字时间</source>
        <translation>Signed at</translation>
    </message>
</context>
<context>
    <name>SignedInWindow</name>
    <message>
        <source>您的角色（{roles}）不能做这件事；需要：{holders}</source>
        <translation>Your role ({roles}) cannot do this; it needs: {holders}</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>修改密码…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>账户与角色…</source>
        <translation>Accounts and roles…</translation>
    </message>
    <message>
        <source>访问日志…</source>
        <translation>Access log…</translation>
    </message>
    <message>
        <source>账户(&amp;A)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>登录：{person}</source>
        <translation>Signed in: {person}</translation>
    </message>
    <message>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
</context>
<context>
    <name>StorageView</name>
    <message>
        <source>案卷号</source>
        <translation>Volume nos.</translation>
    </message>
    <message>
        <source>起止件号</source>
        <translation>Item nos.</translation>
    </message>
    <message>
        <source>{n} 卷</source>
        <translation>{n} volumes</translation>
    </message>
    <message>
        <source>{n} 件</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>按卷（装案卷）</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>按件（装档案件）</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>读取库房</source>
        <translation>Reading the storage</translation>
    </message>
    <message>
        <source>全部档案盒</source>
        <translation>All boxes</translation>
    </message>
    <message>
        <source>未上架</source>
        <translation>Not shelved</translation>
    </message>
    <message>
        <source>{n}库</source>
        <translation>Room {n}</translation>
    </message>
    <message>
        <source>{n}架</source>
        <translation>Shelf {n}</translation>
    </message>
    <message>
        <source>{n}列</source>
        <translation>Column {n}</translation>
    </message>
    <message>
        <source>{n}层</source>
        <translation>Layer {n}</translation>
    </message>
    <message>
        <source>未上架的档案盒</source>
        <translation>Boxes not shelved</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>{n} 盒</source>
        <translation>{n} boxes</translation>
    </message>
    <message>
        <source>读取档案盒</source>
        <translation>Reading the box</translation>
    </message>
    <message>
        <source>没有档案盒：点“新建档案盒…”</source>
        <translation>No boxes: use “New box…”</translation>
    </message>
    <message>
        <source>未选档案盒</source>
        <translation>No box chosen</translation>
    </message>
    <message>
        <source>第 {number} 盒&#x3000;{code}</source>
        <translation>Box {number}  {code}</translation>
    </message>
    <message>
        <source>&#x3000;借出：{number}，{borrower}，应还 {due}</source>
        <translation>; on loan: {number}, {borrower}, due {due}</translation>
    </message>
    <message>
        <source>{year}年&#x3000;{klass}类&#x3000;保管期限 {retention}&#x3000;{kind}&#x3000;{count}&#x3000;位置：{place}</source>
        <translation>{year}, class {klass}, retention {retention}; holds: {kind}; {count}; location: {place}</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>案卷题名</source>
        <translation>Volume title</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>盒内顺序</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>件号</source>
        <translation>Item number</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>{code}（借出 {number}）</source>
        <translation>{code} (on loan: {number})</translation>
    </message>
    <message>
        <source>查找位置</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>档案件 {code}</source>
        <translation>Item {code}</translation>
    </message>
    <message>
        <source>案卷 {code}</source>
        <translation>Volume {code}</translation>
    </message>
    <message>
        <source>档案盒 {code}</source>
        <translation>Box {code}</translation>
    </message>
    <message>
        <source>位置 {code}</source>
        <translation>Location {code}</translation>
    </message>
    <message>
        <source>（在案卷 {volume}）</source>
        <translation> (in volume {volume})</translation>
    </message>
    <message>
        <source>未装盒</source>
        <translation>not boxed</translation>
    </message>
    <message>
        <source>{chain}（盒 {box} 未上架）</source>
        <translation>{chain} (box {box} not shelved)</translation>
    </message>
    <message>
        <source>已新建位置 {code}</source>
        <translation>Location {code} added</translation>
    </message>
    <message>
        <source>已新建档案盒 {code}</source>
        <translation>Box {code} made</translation>
    </message>
    <message>
        <source>已将 {n} 盒放到 {code}</source>
        <translation>{n} boxes put at {code}</translation>
    </message>
    <message>
        <source>已将 {n} 项装入 {code}</source>
        <translation>{n} put into {code}</translation>
    </message>
    <message>
        <source>读取未装盒的档案</source>
        <translation>Reading what is unboxed</translation>
    </message>
    <message>
        <source>没有档案盒</source>
        <translation>No boxes</translation>
    </message>
    <message>
        <source>保存盒脊标签</source>
        <translation>Save spine labels</translation>
    </message>
    <message>
        <source>盒脊标签.docx</source>
        <translation>spine-labels.docx</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>已生成 {n} 个盒脊标签：{file}</source>
        <translation>{n} spine labels written: {file}</translation>
    </message>
    <message>
        <source>生成盒脊标签</source>
        <translation>Writing spine labels</translation>
    </message>
    <message>
        <source>新建位置…</source>
        <translation>New location…</translation>
    </message>
    <message>
        <source>登记库房中的一个位置：库房-架-列-层</source>
        <translation>Register a place on the shelves: room, shelf, column, layer</translation>
    </message>
    <message>
        <source>新建档案盒…</source>
        <translation>New box…</translation>
    </message>
    <message>
        <source>同一年度、同一类别、同一保管期限一盒</source>
        <translation>One year, one class, one retention period a box</translation>
    </message>
    <message>
        <source>上架/移架…</source>
        <translation>Shelve / move…</translation>
    </message>
    <message>
        <source>把选中的档案盒放到一个位置（须填写理由）</source>
        <translation>Put the boxes chosen at a location (a reason is required)</translation>
    </message>
    <message>
        <source>装盒…</source>
        <translation>Put into box…</translation>
    </message>
    <message>
        <source>把未装盒的案卷或档案件装入选中的档案盒</source>
        <translation>Put unboxed volumes or items into the box chosen</translation>
    </message>
    <message>
        <source>打印盒脊标签…</source>
        <translation>Print spine labels…</translation>
    </message>
    <message>
        <source>选中的档案盒或某年度全部档案盒的盒脊标签，保存为 Word 文档</source>
        <translation>Spine labels of the boxes chosen or of every box of a year, saved as a Word document</translation>
    </message>
    <message>
        <source>选中的 {n} 个档案盒…</source>
        <translation>The {n} boxes chosen…</translation>
    </message>
    <message>
        <source>{year}年的全部档案盒…</source>
        <translation>Every box of {year}…</translation>
    </message>
    <message>
        <source>盘点…</source>
        <translation>Inventory…</translation>
    </message>
    <message>
        <source>把在架上扫描到的条码与登记核对（账物相符）</source>
        <translation>Check the barcodes scanned at the shelves against the register</translation>
    </message>
    <message>
        <source>件号、档号、案卷档号或盒号</source>
        <translation>Item number, archival code, volume code or box code</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>库房-架-列-层</source>
        <translation>Room - shelf - column - layer</translation>
    </message>
    <message>
        <source>盒数</source>
        <translation>Boxes</translation>
    </message>
</context>
<context>
    <name>UseStatsDialog</name>
    <message>
        <source>利用统计</source>
        <translation>Statistics of use</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>统计中…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{start} 至 {end}：利用 {persons} 人次，{requests} 份申请</source>
        <translation>{start} to {end}: {persons} person-visits, {requests} requests</translation>
    </message>
    <message>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Counting</translation>
    </message>
    <message>
        <source>按利用方式</source>
        <translation>By kind of use</translation>
    </message>
    <message>
        <source>按利用目的</source>
        <translation>By purpose</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>Person-visits</translation>
    </message>
    <message>
        <source>卷次</source>
        <translation>Volume uses</translation>
    </message>
    <message>
        <source>件次</source>
        <translation>Item uses</translation>
    </message>
    <message>
        <source>页数（复制）</source>
        <translation>Pages (copies)</translation>
    </message>
    <message>
        <source>申请数</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>利用方式</source>
        <translation>Kind of use</translation>
    </message>
    <message>
        <source>利用目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>同一利用人同一天只计一人次；多日的借出只在借出当天计一次；复制按原件页数计（同一页复制多份计一次）。</source>
        <translation>One borrower counts once a day; a loan over several days counts once, on the day it went out; copies count the original pages (a page copied twice counts once).</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>UseTargetsModel</name>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>件号/档号/盒号</source>
        <translation>Number / code</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>归还日期</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <source>归还状况</source>
        <translation>Condition on return</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>UseView</name>
    <message>
        <source>查阅</source>
        <translation>Consult</translation>
    </message>
    <message>
        <source>借出</source>
        <translation>Lend</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>电子调阅</source>
        <translation>On-screen view</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>已借出</source>
        <translation>On loan</translation>
    </message>
    <message>
        <source>已归还</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>本单位人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>档案件</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>案卷</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>盒</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>未借出</source>
        <translation>Not lent</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>Intact</translation>
    </message>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>丢失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>读取利用申请</source>
        <translation>Reading the use requests</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>{n} 份申请</source>
        <translation>{n} requests</translation>
    </message>
    <message>
        <source>，{n} 份逾期未还</source>
        <translation>, {n} overdue</translation>
    </message>
    <message>
        <source>您的角色（{roles}）不能做这件事；需要：{holders}</source>
        <translation>Your role ({roles}) cannot do this; it needs: {holders}</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>not signed in</translation>
    </message>
    <message>
        <source>未选申请</source>
        <translation>No request chosen</translation>
    </message>
    <message>
        <source>申请已处理（{status}）</source>
        <translation>The request has already been decided ({status})</translation>
    </message>
    <message>
        <source>申请人、借阅人不能审批自己的申请，须由他人审批</source>
        <translation>The requester or borrower cannot approve their own request; someone else must</translation>
    </message>
    <message>
        <source>只有借出申请才登记借出</source>
        <translation>Only a lending request can be lent out</translation>
    </message>
    <message>
        <source>须经批准才能借出（现为：{status}）</source>
        <translation>It must be approved before lending (now: {status})</translation>
    </message>
    <message>
        <source>没有借出未还的档案</source>
        <translation>Nothing is out on loan</translation>
    </message>
    <message>
        <source>只有借出未还的才能续借</source>
        <translation>Only a loan still out can be extended</translation>
    </message>
    <message>
        <source>续借须由申请人、借阅人以外的审批人批准</source>
        <translation>An extension must be approved by an approver other than the requester or borrower</translation>
    </message>
    <message>
        <source>借出的档案归还后自动办结</source>
        <translation>A loan closes by itself once everything is returned</translation>
    </message>
    <message>
        <source>须经批准才能办结（现为：{status}）</source>
        <translation>It must be approved before closing (now: {status})</translation>
    </message>
    <message>
        <source>只有复制申请才能复制</source>
        <translation>Only a copy request can be copied</translation>
    </message>
    <message>
        <source>须经批准才能复制（现为：{status}）</source>
        <translation>It must be approved before copying (now: {status})</translation>
    </message>
    <message>
        <source>复制功能尚未安装</source>
        <translation>Copying is not installed yet</translation>
    </message>
    <message>
        <source>只有电子调阅申请才能调阅</source>
        <translation>Only an on-screen view request can be viewed</translation>
    </message>
    <message>
        <source>须经批准才能调阅（现为：{status}）</source>
        <translation>It must be approved before viewing (now: {status})</translation>
    </message>
    <message>
        <source>没有利用申请：点“新建申请…”登记查阅、借出、复制或电子调阅</source>
        <translation>No use requests: use “New request…” to record a consultation, loan, copy or on-screen view</translation>
    </message>
    <message>
        <source>{number}&#x3000;{kind}&#x3000;{status}</source>
        <translation>{number}  {kind}  {status}</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>利用人：{name}（{kind}）{ident}&#x3000;电话 {phone}</source>
        <translation>Borrower: {name} ({kind}) {ident}  phone {phone}</translation>
    </message>
    <message>
        <source>目的：{purpose}&#x3000;期限 {days} 天</source>
        <translation>Purpose: {purpose}  period {days} days</translation>
    </message>
    <message>
        <source>借出 {lent}&#x3000;应还 {due}</source>
        <translation>Lent {lent}  due {due}</translation>
    </message>
    <message>
        <source>有效期至 {day}</source>
        <translation>Valid until {day}</translation>
    </message>
    <message>
        <source>拒绝理由：{reason}</source>
        <translation>Reason for refusal: {reason}</translation>
    </message>
    <message>
        <source>利用效果：{effect}</source>
        <translation>Effect of use: {effect}</translation>
    </message>
    <message>
        <source>{at}&#x3000;{who} 提出申请</source>
        <translation>{at}  requested by {who}</translation>
    </message>
    <message>
        <source>{at}&#x3000;{who} 拒绝：{reason}</source>
        <translation>{at}  refused by {who}: {reason}</translation>
    </message>
    <message>
        <source>{at}&#x3000;{who} 批准</source>
        <translation>{at}  approved by {who}</translation>
    </message>
    <message>
        <source>{day}&#x3000;借出，应还 {due}</source>
        <translation>{day}  lent, due {due}</translation>
    </message>
    <message>
        <source>续借 {days} 天：{old} → {new}，{who} 批准，理由：{why}</source>
        <translation>Extended by {days} days: {old} → {new}, approved by {who}, reason: {why}</translation>
    </message>
    <message>
        <source>{day}&#x3000;归还 {kind} {code}（{condition}）</source>
        <translation>{day}  returned: {kind} {code} ({condition})</translation>
    </message>
    <message>
        <source>{at}&#x3000;办结</source>
        <translation>{at}  closed</translation>
    </message>
    <message>
        <source>已提交利用申请 {number}</source>
        <translation>Use request {number} submitted</translation>
    </message>
    <message>
        <source>批准 {number}</source>
        <translation>Approving {number}</translation>
    </message>
    <message>
        <source>已批准 {number}</source>
        <translation>Approved {number}</translation>
    </message>
    <message>
        <source>已拒绝 {number}</source>
        <translation>Refused {number}</translation>
    </message>
    <message>
        <source>{number} 已借出</source>
        <translation>{number} lent</translation>
    </message>
    <message>
        <source>{number} 已登记归还</source>
        <translation>{number}: return recorded</translation>
    </message>
    <message>
        <source>{number} 已续借</source>
        <translation>{number} extended</translation>
    </message>
    <message>
        <source>{number} 已办结</source>
        <translation>{number} closed</translation>
    </message>
    <message>
        <source>申请 {number} 包括 {n} 件档案，选择要调阅的一件：</source>
        <translation>Request {number} covers {n} items; choose the one to view:</translation>
    </message>
    <message>
        <source>申请 {number} 中没有可调阅的档案件</source>
        <translation>Request {number} has no items to view</translation>
    </message>
    <message>
        <source>调阅 {item}</source>
        <translation>Viewing {item}</translation>
    </message>
    <message>
        <source>电子调阅 {item}（申请 {number}，有效期至 {day}）</source>
        <translation>On-screen view of {item} (request {number}, valid until {day})</translation>
    </message>
    <message>
        <source>读取 {number} 的档案</source>
        <translation>Reading the items of {number}</translation>
    </message>
    <message>
        <source>读取逾期清单</source>
        <translation>Reading the overdue list</translation>
    </message>
    <message>
        <source>{n} 笔 7 天内到期</source>
        <translation>{n} due within 7 days</translation>
    </message>
    <message>
        <source>{n} 笔逾期未还</source>
        <translation>{n} overdue</translation>
    </message>
    <message>
        <source>催还通知尚未安装</source>
        <translation>Overdue notices are not installed yet</translation>
    </message>
    <message>
        <source>尚未逾期，不发催还通知</source>
        <translation>Not overdue yet: no overdue notice</translation>
    </message>
    <message>
        <source>生成所选借阅的催还通知（.docx）并打开</source>
        <translation>Make the overdue notice (.docx) for the chosen loan and open it</translation>
    </message>
    <message>
        <source>保存催还通知</source>
        <translation>Save overdue notice</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>已生成催还通知：{file}</source>
        <translation>Overdue notice made: {file}</translation>
    </message>
    <message>
        <source>生成催还通知 {number}</source>
        <translation>Making the overdue notice for {number}</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>新建申请…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <source>一人一档…</source>
        <translation>Person file…</translation>
    </message>
    <message>
        <source>统计…</source>
        <translation>Statistics…</translation>
    </message>
    <message>
        <source>一段时间内的利用人次、卷次、件次和复制页数，按利用方式和利用目的</source>
        <translation>Person-visits, volume and item uses and pages copied over a period, by kind of use and purpose</translation>
    </message>
    <message>
        <source>按姓名、身份证号或单位代码查一个人（单位）的全部档案</source>
        <translation>Find every record of a person (or unit) by name, ID number or unit code</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>拒绝…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>借出…</source>
        <translation>Lend…</translation>
    </message>
    <message>
        <source>归还…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>续借…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <source>办结…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>复制…</source>
        <translation>Copy…</translation>
    </message>
    <message>
        <source>调阅…</source>
        <translation>View…</translation>
    </message>
    <message>
        <source>批准这份申请（记入审计记录）</source>
        <translation>Approve this request (recorded in the audit trail)</translation>
    </message>
    <message>
        <source>拒绝这份申请，须填写理由</source>
        <translation>Refuse this request, giving a reason</translation>
    </message>
    <message>
        <source>登记借出：应还日期、借出时状况</source>
        <translation>Record the loan: due date and condition when lent</translation>
    </message>
    <message>
        <source>登记归还：可部分归还，填写状况（完好/损坏/丢失）</source>
        <translation>Record a return, in part if need be, with the condition (intact / damaged / lost)</translation>
    </message>
    <message>
        <source>延长应还日期（须由审批人批准）</source>
        <translation>Move the due date later (an approver must approve)</translation>
    </message>
    <message>
        <source>查阅、复制、电子调阅完毕，登记利用效果</source>
        <translation>Consultation, copy or on-screen view done: record the effect of use</translation>
    </message>
    <message>
        <source>按所选页生成带水印的复制件</source>
        <translation>Make a watermarked copy of the chosen pages</translation>
    </message>
    <message>
        <source>在有效期内于屏幕上调阅申请中的档案（记入访问日志）</source>
        <translation>View the request&apos;s records on screen while it is valid (recorded in the access log)</translation>
    </message>
    <message>
        <source>申请的档案</source>
        <translation>Records requested</translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation>History</translation>
    </message>
    <message>
        <source>利用申请</source>
        <translation>Use requests</translation>
    </message>
    <message>
        <source>逾期未还</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>截至：</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>7 天内到期（催还提醒）</source>
        <translation>Due within 7 days (reminders)</translation>
    </message>
    <message>
        <source>催还通知…</source>
        <translation>Overdue notice…</translation>
    </message>
    <message>
        <source>查看申请</source>
        <translation>Show request</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>文件缺失</source>
        <translation>File missing</translation>
    </message>
    <message>
        <source>文件被改动</source>
        <translation>File altered</translation>
    </message>
    <message>
        <source>文件大小不符</source>
        <translation>File size differs</translation>
    </message>
    <message>
        <source>文件无法读取</source>
        <translation>File unreadable</translation>
    </message>
    <message>
        <source>未登记的文件</source>
        <translation>Unregistered file</translation>
    </message>
    <message>
        <source>编号不连续</source>
        <translation>Gap in numbering</translation>
    </message>
    <message>
        <source>档号重复</source>
        <translation>Duplicate archival code</translation>
    </message>
    <message>
        <source>审计链断裂</source>
        <translation>Audit chain broken</translation>
    </message>
    <message>
        <source>缺少审计事件</source>
        <translation>Audit event missing</translation>
    </message>
    <message>
        <source>文件是链接或在档案库外</source>
        <translation>File is a link or outside the archive</translation>
    </message>
    <message>
        <source>已销毁档案仍有内容</source>
        <translation>Content left of a destroyed record</translation>
    </message>
    <message>
        <source>记录与审计链不符</source>
        <translation>Record differs from the trail</translation>
    </message>
    <message>
        <source>记录缺失</source>
        <translation>Record missing</translation>
    </message>
    <message>
        <source>来历不明的记录</source>
        <translation>Unaccounted record</translation>
    </message>
    <message>
        <source>重设基线</source>
        <translation>Baseline set again</translation>
    </message>
    <message>
        <source>尚待写入基线</source>
        <translation>Baseline still to be written</translation>
    </message>
    <message>
        <source>审计链被截短</source>
        <translation>Audit chain cut short</translation>
    </message>
    <message>
        <source>审计链被改写</source>
        <translation>Audit chain rewritten</translation>
    </message>
    <message>
        <source>来历不明的审计事件</source>
        <translation>Unanchored audit events</translation>
    </message>
    <message>
        <source>访问日志被截短</source>
        <translation>Access log cut short</translation>
    </message>
    <message>
        <source>访问日志被改写</source>
        <translation>Access log rewritten</translation>
    </message>
    <message>
        <source>检查点属于另一档案库</source>
        <translation>Checkpoint of another archive</translation>
    </message>
    <message>
        <source>检查点缺失</source>
        <translation>Checkpoint missing</translation>
    </message>
    <message>
        <source>检查点无法读取</source>
        <translation>Checkpoint unreadable</translation>
    </message>
    <message>
        <source>纸面链头相符</source>
        <translation>Matches the paper record</translation>
    </message>
    <message>
        <source>检索索引缺档案</source>
        <translation>Missing from search index</translation>
    </message>
    <message>
        <source>检索索引多余条目</source>
        <translation>Extra search index entry</translation>
    </message>
    <message>
        <source>检索索引过时</source>
        <translation>Search index out of date</translation>
    </message>
    <message>
        <source>检索索引已补齐</source>
        <translation>Search index filled in</translation>
    </message>
    <message>
        <source>识别文本不全</source>
        <translation>OCR text incomplete</translation>
    </message>
    <message>
        <source>多余的识别文本</source>
        <translation>Extra OCR text</translation>
    </message>
    <message>
        <source>缺少可检索副本</source>
        <translation>Searchable copy missing</translation>
    </message>
    <message>
        <source>可检索副本过时</source>
        <translation>Searchable copy stale</translation>
    </message>
    <message>
        <source>多余的可检索副本</source>
        <translation>Stray searchable copy</translation>
    </message>
    <message>
        <source>案卷 PDF 过时</source>
        <translation>Volume PDF stale</translation>
    </message>
    <message>
        <source>多余的案卷 PDF</source>
        <translation>Stray volume PDF</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>审计事件 {seq}</source>
        <translation>Audit event {seq}</translation>
    </message>
    <message>
        <source>重放审计链：第 {done} / {total} 条事件</source>
        <translation>Replaying the audit trail: event {done} of {total}</translation>
    </message>
    <message>
        <source>校验档案库</source>
        <translation>Verify archive</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>已取消校验，未得出结论</source>
        <translation>Verification cancelled: no conclusion</translation>
    </message>
    <message>
        <source>尚未校验</source>
        <translation>Not verified yet</translation>
    </message>
    <message>
        <source>校验 {files} 个文件、{events} 条审计事件，用时 {seconds:.1f} 秒</source>
        <translation>{files} files and {events} audit events verified in {seconds:.1f} s</translation>
    </message>
    <message>
        <source>未发现问题（{counts}）</source>
        <translation>No problems found ({counts})</translation>
    </message>
    <message>
        <source>发现 {n} 个问题，其中错误 {errors} 个（{counts}）</source>
        <translation>{n} problems found, {errors} of them errors ({counts})</translation>
    </message>
    <message>
        <source>重新计算每个文件的 SHA-256，查出缺失、被改动和未登记的文件，检查编号是否连续、档号是否重复、审计记录是否完整。只读取，不修改档案库。</source>
        <translation>Recomputes the SHA-256 of every file to find missing, altered and unregistered files, and checks that numbers are gap-free, archival codes unique and the audit trail complete. Reads only: the archive is not changed.</translation>
    </message>
    <message>
        <source>重新校验</source>
        <translation>Verify again</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>VolumeBuildDialog</name>
    <message>
        <source>不能跨年组卷：一卷只收同一年度、同一类别、同一保管期限的档案件</source>
        <translation>Volumes never span years: a volume holds items of one year, one class and one retention period</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>可不填：默认用类别代码</source>
        <translation>Optional: the class code by default</translation>
    </message>
    <message>
        <source>将组成 {volumes} 卷，共 {items} 件；案卷号在目录号 {catalogue} 下接续编号，卷内按办结日期排列，保管期限30年以上的案卷编页号。</source>
        <translation>{volumes} volume(s), {items} item(s); case numbers continue under catalogue {catalogue}, items in order of completion, volumes kept 30 years or longer are page-numbered.</translation>
    </message>
    <message>
        <source>{warning}

仍然组卷？</source>
        <translation>{warning}

File into volumes anyway?</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>按季度</source>
        <translation>By quarter</translation>
    </message>
    <message>
        <source>按年</source>
        <translation>By year</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>正在组卷…</source>
        <translation>Filing into volumes…</translation>
    </message>
    <message>
        <source>正在计算组卷方案…</source>
        <translation>Working out the volumes…</translation>
    </message>
    <message>
        <source>目录号</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>组卷</source>
        <translation>File into volumes</translation>
    </message>
    <message>
        <source>组卷方式</source>
        <translation>File by</translation>
    </message>
    <message>
        <source>组卷预览</source>
        <translation>Volume plan</translation>
    </message>
    <message>
        <source>编页号</source>
        <translation>Paged</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>题名（自动生成，组卷后可修改）</source>
        <translation>Title (generated; can be changed after filing)</translation>
    </message>
</context>
<context>
    <name>VolumeDissolveDialog</name>
    <message>
        <source>撤销案卷 — {code}</source>
        <translation>Dissolve volume — {code}</translation>
    </message>
    <message>
        <source>案卷 {code}&#x3000;{title}</source>
        <translation>Volume {code}  {title}</translation>
    </message>
    <message>
        <source>撤销后案卷号 {code} 保留不用（不会分给下一次组卷），在案卷列表和案卷目录中标为已撤销，理由记入备注和审计记录。</source>
        <translation>Once dissolved, volume number {code} stays unused (the next filing will not get it) and is marked dissolved in the volume table and the volume list; the reason goes into the remarks and the audit trail.</translation>
    </message>
    <message>
        <source>撤销案卷</source>
        <translation>Dissolve volume</translation>
    </message>
</context>
<context>
    <name>VolumeItemsModel</name>
    <message>
        <source>件号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>页号</source>
        <translation>Page nos.</translation>
    </message>
    <message>
        <source>{title}（已销毁，{register}）</source>
        <translation>{title} (destroyed, {register})</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>顺序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>VolumeListModel</name>
    <message>
        <source>件数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Volume code</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>起止日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>VolumePdfJob</name>
    <message>
        <source>生成组卷 PDF</source>
        <translation>Volume PDF</translation>
    </message>
    <message>
        <source>正在生成 {code} 的组卷 PDF…</source>
        <translation>Building the PDF of volume {code}…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在生成 {code} 的组卷 PDF：{what}</source>
        <translation>Building the PDF of volume {code}: {what}</translation>
    </message>
    <message>
        <source>生成组卷 PDF {code}</source>
        <translation>Volume PDF {code}</translation>
    </message>
    <message>
        <source>已生成 {file}</source>
        <translation>Written: {file}</translation>
    </message>
    <message>
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open its folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>VolumeTitleDialog</name>
    <message>
        <source>修改案卷题名 — {code}</source>
        <translation>Change the volume title — {code}</translation>
    </message>
    <message>
        <source>尚未修改题名</source>
        <translation>The title is unchanged</translation>
    </message>
    <message>
        <source>案卷 {code}</source>
        <translation>Volume {code}</translation>
    </message>
    <message>
        <source>题名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>题名不能为空</source>
        <translation>The title cannot be empty</translation>
    </message>
</context>
<context>
    <name>VolumesView</name>
    <message>
        <source>{n} 卷</source>
        <translation>{n} volumes</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n} years</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{month_name} {year}</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Dissolved</translation>
    </message>
    <message>
        <source>{status}：{note}</source>
        <translation>{status}: {note}</translation>
    </message>
    <message>
        <source>{year}年&#x3000;{klass}类&#x3000;保管期限 {retention}&#x3000;{dates}&#x3000;{items} 件 {pages} 页&#x3000;{paging}&#x3000;{status}</source>
        <translation>{year} · class {klass} · retention: {retention} · {dates} · {items} items, {pages} pages · {paging} · {status}</translation>
    </message>
    <message>
        <source>{year}年第{quarter_cn}季度</source>
        <translation>Q{quarter} {year}</translation>
    </message>
    <message>
        <source>不编页号</source>
        <translation>not page-numbered</translation>
    </message>
    <message>
        <source>修改题名…</source>
        <translation>Change title…</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>加入案卷…</source>
        <translation>Add to volume…</translation>
    </message>
    <message>
        <source>已修改 {code} 的题名</source>
        <translation>Changed the title of {code}</translation>
    </message>
    <message>
        <source>已将 {n} 件加入 {code}</source>
        <translation>Added {n} item(s) to {code}</translation>
    </message>
    <message>
        <source>已将 {n} 件移出 {code}</source>
        <translation>Took {n} item(s) out of {code}</translation>
    </message>
    <message>
        <source>已将 {n} 件移到 {target}</source>
        <translation>Moved {n} item(s) to {target}</translation>
    </message>
    <message>
        <source>已移交</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>已组成 1 卷：{first}</source>
        <translation>Filed 1 volume: {first}</translation>
    </message>
    <message>
        <source>已组成 {n} 卷：{first} 至 {last}</source>
        <translation>Filed {n} volumes: {first} to {last}</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已撤销案卷 {code}（案卷号保留不用）</source>
        <translation>Dissolved volume {code} (its number stays unused)</translation>
    </message>
    <message>
        <source>本卷</source>
        <translation>this volume</translation>
    </message>
    <message>
        <source>保全 {number}（{on}，{kind}）：{reason}</source>
        <translation>Hold {number} ({on}, {kind}): {reason}</translation>
    </message>
    <message>
        <source>需要：{holders}</source>
        <translation>Needs: {holders}</translation>
    </message>
    <message>
        <source>已设置保全 {number}</source>
        <translation>Hold {number} placed</translation>
    </message>
    <message>
        <source>撤销案卷…</source>
        <translation>Dissolve volume…</translation>
    </message>
    <message>
        <source>只能撤销空卷：案卷号保留不用，撤销理由记入案卷目录备注</source>
        <translation>Only an empty volume can be dissolved: its number stays unused, and the reason goes into the remarks of the volume list</translation>
    </message>
    <message>
        <source>设置保全…</source>
        <translation>Place hold…</translation>
    </message>
    <message>
        <source>保全整个案卷：保全期间卷内档案不能销毁、移交</source>
        <translation>Hold the whole volume: while on hold, its items cannot be destroyed or handed over</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>把一个年度、一个类别中未组卷的档案件按月、季度或年组成案卷</source>
        <translation>File a year&apos;s unfiled items of one class into volumes by month, quarter or year</translation>
    </message>
    <message>
        <source>把件拖到上方另一个案卷上即可移卷（同年度、同类别、同保管期限）；右键菜单可移出案卷或移到其他案卷；每次修改都须填写理由，记入审计记录。</source>
        <translation>Drag items onto another volume above to move them (same year, class and retention); the context menu takes items out or moves them; every change needs a reason, recorded in the audit trail.</translation>
    </message>
    <message>
        <source>把同年度、同类别中未组卷的档案件加入本卷</source>
        <translation>Add unfiled items of the same year and class to this volume</translation>
    </message>
    <message>
        <source>整理中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>未选案卷</source>
        <translation>No volume chosen</translation>
    </message>
    <message>
        <source>查看件详情</source>
        <translation>Show the item detail</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>没有案卷：点“组卷…”把未组卷的档案件组成案卷</source>
        <translation>No volumes: use “File into volumes…” to file unfiled items</translation>
    </message>
    <message>
        <source>移出案卷…</source>
        <translation>Take out of the volume…</translation>
    </message>
    <message>
        <source>移到其他案卷…</source>
        <translation>Move to another volume…</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>组卷…</source>
        <translation>File into volumes…</translation>
    </message>
    <message>
        <source>编页号（保管期限30年以上）</source>
        <translation>page-numbered (kept 30 years or longer)</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>读取未组卷的件</source>
        <translation>Reading unfiled items</translation>
    </message>
    <message>
        <source>读取案卷</source>
        <translation>Reading volumes</translation>
    </message>
    <message>
        <source>其中 {n} 件已销毁（{registers}），只保留目录信息</source>
        <translation>{n} of its items were destroyed ({registers}); only their catalogue entries are kept</translation>
    </message>
    <message>
        <source>已生成组卷 PDF：{file}</source>
        <translation>Volume PDF written: {file}</translation>
    </message>
    <message>
        <source>登记表…</source>
        <translation>Registers…</translation>
    </message>
    <message>
        <source>生成组卷 PDF…</source>
        <translation>Build volume PDF…</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>{path}（已不存在）</source>
        <translation>{path} (no longer exists)</translation>
    </message>
    <message>
        <source>这个文件夹里已经没有档案库</source>
        <translation>This folder no longer holds an archive</translation>
    </message>
    <message>
        <source>选择存放档案库的文件夹</source>
        <translation>Choose a folder for the archive</translation>
    </message>
    <message>
        <source>档案库</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>所选文件夹不是空的，将在其中新建文件夹“{name}”。</source>
        <translation>The folder chosen is not empty: a new folder “{name}” will be made inside it.</translation>
    </message>
    <message>
        <source>请填写全宗号（如 J023）</source>
        <translation>Enter the fonds code (e.g. J023)</translation>
    </message>
    <message>
        <source>全宗号太长（最多 16 个字母或数字）</source>
        <translation>The fonds code is too long (16 letters or digits at most)</translation>
    </message>
    <message>
        <source>全宗号只能由字母和数字组成（如 J023）：它是每个档号的第一段</source>
        <translation>The fonds code takes letters and digits only (e.g. J023): it begins every archival code</translation>
    </message>
    <message>
        <source>请填写全宗名称（立档单位的名称）</source>
        <translation>Enter the fonds name (the name of the records creator)</translation>
    </message>
    <message>
        <source>全宗名称太长（最多 {n} 个字）</source>
        <translation>The fonds name is too long ({n} characters at most)</translation>
    </message>
    <message>
        <source>请选择存放档案库的文件夹</source>
        <translation>Choose a folder for the archive</translation>
    </message>
    <message>
        <source>请填写完整的文件夹路径（如 D:\档案库），或点“浏览…”选择</source>
        <translation>Enter a full folder path (e.g. D:\Archive), or click “Browse…”</translation>
    </message>
    <message>
        <source>这个文件夹里已经有档案库；要使用它，请返回并选择“打开已有档案库”</source>
        <translation>This folder already holds an archive; to use it, go back and choose “Open an existing archive”</translation>
    </message>
    <message>
        <source>这是一个文件，不是文件夹</source>
        <translation>This is a file, not a folder</translation>
    </message>
    <message>
        <source>这个文件夹不是空的；请选择一个空文件夹，或填写一个新文件夹的名字</source>
        <translation>This folder is not empty; choose an empty folder or type the name of a new one</translation>
    </message>
    <message>
        <source>正在创建档案库……</source>
        <translation>Creating the archive…</translation>
    </message>
    <message>
        <source>创建档案库</source>
        <translation>Create archive</translation>
    </message>
    <message>
        <source>选择档案库所在的文件夹</source>
        <translation>Choose the archive folder</translation>
    </message>
    <message>
        <source>请选择档案库所在的文件夹</source>
        <translation>Choose the archive folder</translation>
    </message>
    <message>
        <source>文件夹不存在：{path}</source>
        <translation>The folder does not exist: {path}</translation>
    </message>
    <message>
        <source>这是一个文件，不是文件夹：{path}</source>
        <translation>This is a file, not a folder: {path}</translation>
    </message>
    <message>
        <source>这个文件夹里没有档案库（档案库的文件夹中有 {file} 文件）。请选择档案库所在的文件夹，或返回新建档案库。</source>
        <translation>This folder holds no archive (an archive folder contains a {file} file). Choose the folder of an archive, or go back and create a new one.</translation>
    </message>
    <message>
        <source>其中的子文件夹“{name}”是一个档案库。</source>
        <translation> Its subfolder “{name}” is an archive.</translation>
    </message>
    <message>
        <source>正在打开档案库……</source>
        <translation>Opening the archive…</translation>
    </message>
    <message>
        <source>打开档案库</source>
        <translation>Open archive</translation>
    </message>
    <message>
        <source>正在打开示例档案库：{path}</source>
        <translation>Opening the sample archive: {path}</translation>
    </message>
    <message>
        <source>打开示例档案库</source>
        <translation>Open the sample archive</translation>
    </message>
    <message>
        <source>示例档案库的文件夹已存在，但里面不是档案库：{path}。请移走或删除它后再试。</source>
        <translation>The sample archive&apos;s folder exists but holds no archive: {path}. Move or delete it and try again.</translation>
    </message>
    <message>
        <source>正在生成示例档案库（{n} 件合成的示例档案），请稍候……</source>
        <translation>Building the sample archive ({n} synthetic sample items), please wait…</translation>
    </message>
    <message>
        <source>生成示例档案库</source>
        <translation>Building the sample archive</translation>
    </message>
    <message>
        <source>正在采集示例档案：{number}</source>
        <translation>Capturing sample item {number}</translation>
    </message>
    <message>
        <source>正在生成示例材料……</source>
        <translation>Generating sample materials…</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>已取消生成示例档案库，没有留下任何文件。</source>
        <translation>Building the sample archive was cancelled; no files were left behind.</translation>
    </message>
    <message>
        <source>档案室 — 选择档案库</source>
        <translation>Archivist — Choose an archive</translation>
    </message>
    <message>
        <source>欢迎使用档案室</source>
        <translation>Welcome to Archivist</translation>
    </message>
    <message>
        <source>无法打开 {path} 的档案库：{reason}</source>
        <translation>Cannot open the archive at {path}: {reason}</translation>
    </message>
    <message>
        <source>在 {path} 还没有档案库。请选择：</source>
        <translation>There is no archive at {path} yet. Choose:</translation>
    </message>
    <message>
        <source>请选择：</source>
        <translation>Choose:</translation>
    </message>
    <message>
        <source>新建档案库</source>
        <translation>New archive</translation>
    </message>
    <message>
        <source>为本单位建立档案库：填写全宗号和全宗名称，选择存放的文件夹，设置三个管理员账户。</source>
        <translation>Create your agency&apos;s archive: enter the fonds code and name, choose the folder to keep it in, and set up the three administrator accounts.</translation>
    </message>
    <message>
        <source>打开已有档案库</source>
        <translation>Open an existing archive</translation>
    </message>
    <message>
        <source>选择已有档案库所在的文件夹（如从别的电脑复制来的）。</source>
        <translation>Choose the folder of an existing archive (say one copied from another computer).</translation>
    </message>
    <message>
        <source>生成一个装有合成示例档案的档案库，先熟悉操作；与正式档案分开存放。</source>
        <translation>Build an archive of synthetic sample records to learn the ropes; it is kept apart from the real records.</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>一个档案库对应一个全宗。档案库的数据库和全部原件都存放在所选的文件夹中。</source>
        <translation>One archive holds one fonds. Its database and all the original files are kept in the folder chosen.</translation>
    </message>
    <message>
        <source>全宗号：</source>
        <translation>Fonds code:</translation>
    </message>
    <message>
        <source>全宗名称：</source>
        <translation>Fonds name:</translation>
    </message>
    <message>
        <source>文件夹：</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>如 J023</source>
        <translation>e.g. J023</translation>
    </message>
    <message>
        <source>如 示例市社会保险事业服务中心</source>
        <translation>e.g. Sample City Social Insurance Service Centre</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>三个管理员账户</source>
        <translation>Three administrator accounts</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>档案库所在的文件夹：</source>
        <translation>Archive folder:</translation>
    </message>
    <message>
        <source>最近打开的档案库：</source>
        <translation>Recent archives:</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>示例档案库</source>
        <translation>Sample archive</translation>
    </message>
    <message>
        <source>示例档案库存放在 {path}，与正式档案分开。</source>
        <translation>The sample archive is kept in {path}, apart from the real records.</translation>
    </message>
    <message>
        <source>取消生成</source>
        <translation>Stop building</translation>
    </message>
</context>
<context>
    <name>WithdrawRegisterDialog</name>
    <message>
        <source>请填写撤回理由</source>
        <translation>Please give the reason for withdrawing</translation>
    </message>
    <message>
        <source>撤回销毁清册</source>
        <translation>Withdraw destruction register</translation>
    </message>
    <message>
        <source>撤回后清册保留备查，不能再批准、签字或销毁；其中的档案可重新编制清册或重新鉴定。理由记入审计记录。</source>
        <translation>A withdrawn register is kept on record and can no longer be approved, signed or executed; its records can go into a new register or be appraised again. The reason goes into the audit trail.</translation>
    </message>
    <message>
        <source>{number}，共 {n} 件</source>
        <translation>{number}, {n} items</translation>
    </message>
    <message>
        <source>销毁清册</source>
        <translation>Destruction register</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>必须填写，例如：仍有查考价值，不同意销毁</source>
        <translation>Required, e.g.: still of reference value; destruction not agreed</translation>
    </message>
    <message>
        <source>撤回清册</source>
        <translation>Withdraw register</translation>
    </message>
</context>
<context>
    <name>_AccountForm</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>_ItemDialog</name>
    <message>
        <source>不能修改：{reason}</source>
        <translation>Cannot be changed: {reason}</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>必须填写（记入审计记录）</source>
        <translation>Required (recorded in the audit trail)</translation>
    </message>
</context>
</TS>
