"""Role and right names in the interface language (the core's are English codes)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from archivist.accounts.people import Person
from archivist.accounts.roles import Role


def role_label(role: Role) -> str:
    labels = {
        Role.ARCHIVIST: QCoreApplication.translate("People", "档案管理员"),
        Role.HANDLER: QCoreApplication.translate("People", "经办人"),
        Role.APPRAISER: QCoreApplication.translate("People", "鉴定小组成员"),
        Role.HEAD: QCoreApplication.translate("People", "负责人"),
        Role.SYSADMIN: QCoreApplication.translate("People", "系统管理员"),
        Role.SECURITY: QCoreApplication.translate("People", "安全保密员"),
        Role.AUDITOR: QCoreApplication.translate("People", "安全审计员"),
        Role.VERIFIER: QCoreApplication.translate("People", "校验服务账户"),
    }
    return labels[role]


def roles_text(roles: Iterable[Role]) -> str:
    order = list(Role)
    names = [role_label(r) for r in sorted(roles, key=order.index)]
    separator = QCoreApplication.translate("People", "、")  # ", " in English
    return separator.join(names) if names else QCoreApplication.translate("People", "（无角色）")


def person_text(person: Person) -> str:
    """王芳（档案管理员） — who is signed in, for the status bar and title."""
    return QCoreApplication.translate("People", "{name}（{roles}）").format(
        name=person.display_name, roles=roles_text(person.roles)
    )
