"""The people an appraisal group may be made of: active personal accounts holding the
appraiser role (鉴定小组成员), with whether each also holds the head role (a group needs
one). For the window's member picker; the batch itself checks the group again."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.rights import require
from archivist.accounts.roles import Right, Role
from archivist.db.models import Account, AccountRole

if TYPE_CHECKING:
    from archivist.archive import Archive

TARGET = "appraisal:appraisers"


@dataclass(frozen=True)
class Appraiser:
    user_name: str
    display_name: str
    head: bool  # also holds the head role (负责人)


def appraisers(archive: Archive) -> list[Appraiser]:
    """Active personal accounts with the appraiser role, heads first, then by user name
    (the APPRAISE right; one access event)."""
    require(archive, Right.APPRAISE, TARGET)
    with archive.db.reading() as session:
        accounts = session.scalars(
            select(Account)
            .join(AccountRole, AccountRole.account_id == Account.id)
            .where(
                AccountRole.role == Role.APPRAISER.value,
                Account.active.is_(True),
                Account.kind == "person",
            )
            .order_by(Account.user_name)
        ).all()
        found = [
            Appraiser(
                a.user_name,
                a.display_name,
                any(r.role == Role.HEAD.value for r in a.roles),
            )
            for a in accounts
        ]
    record(archive, AccessKind.VIEW_LIST, TARGET, {"count": len(found)})
    return sorted(found, key=lambda a: (not a.head, a.user_name))
