"""The rights check: the unit of work asks it before every change, the access layer
before every read it serves. A refusal names who asked, what and which roles may, and
leaves an access event."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts.access_log import AccessKind, record
from archivist.accounts.people import Person
from archivist.accounts.roles import Right, Role, holders_of
from archivist.accounts.signing import person_of
from archivist.db.models import Account, AccountRole
from archivist.errors import AccessRefused

if TYPE_CHECKING:
    from archivist.archive import Archive
    from archivist.changes.actions import Action


def refusal(user: str, what: str, right: Right) -> AccessRefused:
    """The sentence of a refused right: the right and the roles that carry it named as
    people name them (in the language of the moment), the action's code for reference."""
    from archivist.messages import render

    roles = [render(f"role.{r.value}") for r in holders_of(right)] or [render("role.none")]
    return AccessRefused(
        "rights.refused",
        user=user,
        what=what,
        right=render(f"right.{right.value}"),
        roles="、".join(roles) if _chinese() else ", ".join(roles),
    )


def _chinese() -> bool:
    from archivist.messages import current_language

    return current_language() == "zh"


def _refused(archive: Archive, what: str, right: Right, person: Person | None) -> AccessRefused:
    if person is None:
        record(archive, AccessKind.REFUSED, what, {"right": str(right), "code": "not_signed_in"})
        return AccessRefused("auth.not_signed_in")
    if person.must_change_password and right is not Right.OWN_ACCOUNT:
        error = AccessRefused("auth.must_change_password", user=person.user_name)
    else:
        error = refusal(person.user_name, what, right)
    record(archive, AccessKind.REFUSED, what, {"right": str(right), "code": error.code})
    return error


# A read asks the database again about the person's account at most this often: a role
# revoked or an account disabled counts for reads within this time (for changes at once,
# inside their transaction), and a window scrolling through a list does not pay a query
# for every block of rows.
RECHECK_SECONDS = 2.0


def permits(person: Person | None, right: Right) -> bool:
    if person is None:
        return False
    if person.must_change_password and right is not Right.OWN_ACCOUNT:
        return False
    return person.may(right)


def require(archive: Archive, right: Right, what: str) -> Person:
    """The signed-in person, if they hold `right` now (their account read again: a role
    revoked or an account disabled since the sign-in counts); else refused, and logged."""
    person = current(archive)
    if person is None or not permits(person, right):
        raise _refused(archive, what, right, person)
    return person


def require_any(archive: Archive, rights: tuple[Right, ...], what: str) -> Person:
    """The signed-in person, if they hold one of `rights` now; else refused (logged
    with the first)."""
    person = current(archive)
    if person is None or not any(permits(person, r) for r in rights):
        raise _refused(archive, what, rights[0], person)
    return person


def current(archive: Archive) -> Person | None:
    """`archive.person` as the account stands in the database now (None, and signed
    out, once the account is disabled or gone)."""
    person = archive.person
    if person is None or person.account_id is None:
        return person
    checked, at = archive.person_checked
    if checked is person and time.monotonic() - at < RECHECK_SECONDS:
        return person
    with archive.db.reading() as session:  # one query: the account's state and roles
        rows = session.execute(
            select(Account.active, Account.must_change_password, AccountRole.role)
            .outerjoin(AccountRole, AccountRole.account_id == Account.id)
            .where(Account.id == person.account_id)
        ).all()
    if not rows or not rows[0].active:
        archive.person = None
        return None
    roles = frozenset(Role(r.role) for r in rows if r.role is not None)
    must_change = bool(rows[0].must_change_password)
    if roles != person.roles or must_change != person.must_change_password:
        person = replace(person, roles=roles, must_change_password=must_change)
        archive.person = person
    archive.person_checked = (person, time.monotonic())
    return person


def check_action(archive: Archive, action: Action) -> Person:
    """Before a change: the person holds the action's right as far as their sign-in
    says (the change's transaction reads the account again: recheck_in_transaction)."""
    person = archive.person
    if person is None or not permits(person, action.right):
        raise _refused(archive, action.code, action.right, person)
    return person


def recheck_in_transaction(
    archive: Archive, session: Session, action: Action, person: Person
) -> AccessRefused | None:
    """Inside the change's transaction: the account is still active and still holds the
    right (a role revoked or an account disabled since the sign-in takes effect now).
    Returns the refusal to raise once the transaction is rolled back."""
    if person.account_id is None:  # the founder of a new archive: founding, nothing else
        if person.founding and action.right is Right.FOUND:
            return None
        return AccessRefused("auth.not_signed_in")
    account = session.get(Account, person.account_id)
    if account is None or not account.active:
        return AccessRefused("auth.disabled", user=person.user_name)
    current = person_of(account, person.seat)
    archive.person = current
    if permits(current, action.right):
        return None
    return refusal(person.user_name, action.code, action.right)


def log_refusal(archive: Archive, action: Action, error: AccessRefused) -> None:
    record(archive, AccessKind.REFUSED, action.code, {"code": error.code})
