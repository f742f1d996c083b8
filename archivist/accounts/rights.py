"""The rights check: the unit of work asks it before every change, the access layer
before every read it serves. A refusal names who asked, what and which roles may, and
leaves an access event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.people import Person
from archivist.accounts.roles import Right, Role, holders_of
from archivist.db.models import Account
from archivist.errors import AccessRefused

if TYPE_CHECKING:
    from archivist.archive import Archive
    from archivist.changes.actions import Action


def _refused(archive: Archive, what: str, right: Right, person: Person | None) -> AccessRefused:
    if person is None:
        record(archive, AccessKind.REFUSED, what, {"right": str(right), "code": "not_signed_in"})
        return AccessRefused("auth.not_signed_in")
    if person.must_change_password and right is not Right.OWN_ACCOUNT:
        error = AccessRefused("auth.must_change_password", user=person.user_name)
    else:
        error = AccessRefused(
            "rights.refused",
            user=person.user_name,
            what=what,
            right=str(right),
            roles=", ".join(r.value for r in holders_of(right)) or "-",
        )
    record(archive, AccessKind.REFUSED, what, {"right": str(right), "code": error.code})
    return error


def permits(person: Person | None, right: Right) -> bool:
    if person is None:
        return False
    if person.must_change_password and right is not Right.OWN_ACCOUNT:
        return False
    return person.may(right)


def require(archive: Archive, right: Right, what: str) -> Person:
    """The signed-in person, if they hold `right`; else refused (and logged)."""
    person = archive.person
    if not permits(person, right):
        raise _refused(archive, what, right, person)
    assert person is not None
    return person


def check_action(archive: Archive, action: Action) -> Person:
    """Before a change: the person holds the action's right (from their sign-in)."""
    return require(archive, action.right, action.code)


def recheck_in_transaction(
    archive: Archive, session: Session, action: Action, person: Person
) -> AccessRefused | None:
    """Inside the change's transaction: the account is still active and still holds the
    right (a role revoked or an account disabled since the sign-in takes effect now).
    Returns the refusal to raise once the transaction is rolled back."""
    if person.account_id is None:  # the founder of a new archive
        return None if person.may(action.right) else AccessRefused("auth.not_signed_in")
    account = session.get(Account, person.account_id)
    if account is None or not account.active:
        return AccessRefused("auth.disabled", user=person.user_name)
    current = Person(
        account.id,
        account.user_name,
        account.display_name,
        frozenset(Role(r.role) for r in account.roles),
        seat=person.seat,
        must_change_password=account.must_change_password,
        service=account.kind == "service",
    )
    archive.person = current
    if permits(current, action.right):
        return None
    return AccessRefused(
        "rights.refused",
        user=person.user_name,
        what=action.code,
        right=str(action.right),
        roles=", ".join(r.value for r in holders_of(action.right)) or "-",
    )


def log_refusal(archive: Archive, action: Action, error: AccessRefused) -> None:
    record(archive, AccessKind.REFUSED, action.code, {"code": error.code})
