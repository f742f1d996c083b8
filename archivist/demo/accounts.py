"""The demo archive's accounts: one for every role, all with the same password (listed
in the README). Made the way a real archive's are: the three administrators at
creation, the others added by the system administrator, their roles granted by the
security officer, each password then set by its owner."""

from __future__ import annotations

from dataclasses import dataclass

from archivist.accounts import directory
from archivist.accounts.directory import Administrators, NewAccount
from archivist.accounts.roles import Role
from archivist.archive import Archive

DEMO_PASSWORD = "Shili-2024-pass"
_FIRST_PASSWORD = "Chushi-2024-mima"  # set by the system administrator, changed at once


@dataclass(frozen=True)
class DemoAccount:
    user_name: str
    display_name: str
    role: Role
    # the appraisal group (鉴定小组): the head, the archivist and the handler sit on it
    # beside the appraiser (archive-rules §10)
    also: tuple[Role, ...] = ()


ADMINISTRATORS = (
    DemoAccount("admin", "周敏", Role.SYSADMIN),
    DemoAccount("security", "吴刚", Role.SECURITY),
    DemoAccount("auditor", "郑洁", Role.AUDITOR),
)
STAFF = (
    DemoAccount("archivist", "王芳", Role.ARCHIVIST, also=(Role.APPRAISER,)),
    DemoAccount("handler", "李强", Role.HANDLER, also=(Role.APPRAISER,)),
    DemoAccount("appraiser", "陈静", Role.APPRAISER),
    DemoAccount("head", "刘伟", Role.HEAD, also=(Role.APPRAISER,)),
)
SERVICE = DemoAccount("nightly", "夜间校验", Role.VERIFIER)
DEMO_ACCOUNTS = (*ADMINISTRATORS, *STAFF, SERVICE)
DEMO_SIGN_IN = "archivist"  # who ./scripts/run opens the window as


def demo_administrators() -> Administrators:
    sysadmin, security, auditor = (
        NewAccount(a.user_name, a.display_name, DEMO_PASSWORD) for a in ADMINISTRATORS
    )
    return Administrators(sysadmin, security, auditor)


def add_demo_staff(archive: Archive) -> None:
    """The business and service accounts, each with its role and the demo password."""
    archive.sign_in("admin", DEMO_PASSWORD)
    for account in (*STAFF, SERVICE):
        directory.add_account(
            archive,
            account.user_name,
            account.display_name,
            _FIRST_PASSWORD if account is not SERVICE else DEMO_PASSWORD,
            service=account is SERVICE,
        )
    archive.sign_in("security", DEMO_PASSWORD)
    for account in (*STAFF, SERVICE):
        directory.grant_role(archive, account.user_name, account.role.value, "示例：岗位分配")
        for role in account.also:
            directory.grant_role(archive, account.user_name, role.value, "示例：鉴定小组成员")
    for account in STAFF:
        archive.sign_in(account.user_name, _FIRST_PASSWORD)
        directory.change_own_password(archive, _FIRST_PASSWORD, DEMO_PASSWORD)
    archive.sign_out()
