"""Signing in and out, and sessions.

A sign-in checks the password (argon2id), counts failures and locks the account after
the policy's number of them; every attempt leaves an access event. A session is a
random token whose SHA-256 is kept in the database with the OS user and the seat that
opened it: the command line keeps the token in a file of the OS user (see
archivist.accounts.session_file), so a file copied to another OS user, an edited token or
a session idle past the policy's time is refused. The window signs in without a stored
session and locks itself when idle.

These writes are the sign-in bookkeeping (failure counts, locks, sessions) with the
access event that records them, in one transaction: `_sign_in_write`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.accounts import passwords
from archivist.accounts.access_log import AccessKind, append
from archivist.accounts.people import Person, os_user, seat_from_environment, this_seat
from archivist.accounts.policy import read_policy
from archivist.accounts.roles import Role
from archivist.db.models import Account, SignInSession
from archivist.errors import AccessRefused, ArchivistError, InputError

if TYPE_CHECKING:
    from archivist.archive import Archive

log = logging.getLogger(__name__)
USER_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,31}")
# Checked against when the name is unknown, so that the time taken says nothing (made
# with the product's parameters; its password is thrown away).
DUMMY_HASH = (
    "$argon2id$v=19$m=131072,t=4,p=1$c29tZXNhbHRzb21lc2FsdA$"
    "0b2Q9wQ1mP0a0hWcN3x0b6Kq9mYbq1m9u8y8Yb6d1xk"
)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def normal_user_name(user_name: str) -> str:
    """User names are kept in lower case: `Admin` and `admin` are one account."""
    return (user_name or "").lower()


def check_user_name(user_name: str) -> str:
    """A user name: 1–32 letters, digits, '.', '_' or '-', starting with a letter or
    digit; returned in lower case."""
    name = normal_user_name(user_name)
    if not USER_NAME.fullmatch(name):
        raise InputError("accounts.bad_user_name", name=shown(user_name))
    return name


def shown(text: str, limit: int = 32) -> str:
    """Untrusted text for a message or the log: control characters escaped (a terminal
    reading the access log must not take them as commands), cut to `limit`."""
    safe = "".join(c if c.isprintable() else repr(c)[1:-1] for c in (text or ""))
    return safe[:limit] + ("…" if len(safe) > limit else "")


def person_of(account: Account, seat: str) -> Person:
    return Person(
        account.id,
        account.user_name,
        account.display_name,
        frozenset(Role(r.role) for r in account.roles),
        seat=seat,
        must_change_password=account.must_change_password,
        service=account.kind == "service",
    )


@contextmanager
def _sign_in_write(archive: Archive) -> Iterator[Session]:
    """One transaction of sign-in bookkeeping and its access event. A read-only copy
    cannot keep either: the password and session are still checked, nothing is written
    (the access events go to the log file, see access_log.append)."""
    if archive.read_only:
        with archive.db.reading() as session, session.no_autoflush:
            session.info["read_only"] = True
            yield session
            session.expunge_all()
        return
    with archive.db.writing() as session:
        yield session


def _find(session: Session, user_name: str) -> Account | None:
    return session.scalars(select(Account).where(Account.user_name == user_name)).first()


def locked_until(account: Account) -> dt.datetime | None:
    if not account.locked_until:
        return None
    until = dt.datetime.fromisoformat(account.locked_until)
    return until if until > now() else None


def sign_in(archive: Archive, user_name: str, password: str) -> Person:
    """Check the password and make `user_name` the archive's acting person. Refused
    (AccessRefused) for an unknown name or a wrong password (one message for both),
    a locked or disabled account; each attempt is an access event."""
    person, outdated = _checked(archive, user_name, password, purpose=None)
    archive.person = person
    if outdated and not archive.read_only:
        _store_rehash(archive, passwords.hashed(password))
    return person


def _store_rehash(archive: Archive, new_hash: str) -> None:
    """A password hashed with older parameters stored again with today's, at its owner's
    sign-in: a recorded change (replay checks password hashes), never refusing the
    sign-in if it cannot be written."""
    from archivist.changes.actions import Action

    person = archive.person
    assert person is not None
    try:
        with archive.change(Action.ACCOUNT_REHASH, f"user:{person.user_name}") as work:
            account = _find(work.session, person.user_name)
            if account is None:
                work.nothing_changed()
            else:
                account.password_hash = new_hash
                work.after = {"parameters": "current"}
    except ArchivistError:
        log.warning("password of %s not re-hashed", person.user_name, exc_info=True)


def verify_person(archive: Archive, user_name: str, password: str) -> Person:
    """Check another person's password at this desk (a countersignature) without
    changing who is signed in: the sign-in's rules — failures counted, the account
    locked after the policy's number of them, a locked or disabled account refused —
    and each attempt an access event (detail "for": "countersign")."""
    person, _outdated = _checked(archive, user_name, password, purpose="countersign")
    return person  # an outdated hash is stored again at the person's own sign-in


def _checked(
    archive: Archive, user_name: str, password: str, *, purpose: str | None
) -> tuple[Person, bool]:
    """The person whose password this is (see sign_in), and whether their password hash
    was made with older parameters; nobody is signed in by it."""
    seat = seat_from_environment()
    typed = user_name
    user_name = normal_user_name(user_name)
    if not USER_NAME.fullmatch(user_name):
        _refuse_sign_in(archive, shown(typed), seat, "bad_name", purpose)
        raise AccessRefused("accounts.bad_user_name", name=shown(typed))
    with archive.db.reading() as session:
        account = _find(session, user_name)
        stored = account.password_hash if account else None
    if stored is None:
        passwords.matches(DUMMY_HASH, password)  # the same work as for a real account
        _refuse_sign_in(archive, user_name, seat, "unknown", purpose)
        raise AccessRefused("auth.wrong_password")
    right = passwords.matches(stored, password)
    with _sign_in_write(archive) as session:
        account = _find(session, user_name)
        if account is None:
            raise AccessRefused("auth.wrong_password")
        if account.password_hash != stored:  # changed (or re-hashed) meanwhile: ask it
            right = passwords.matches(account.password_hash, password)
        policy = read_policy(session)
        if not account.active and right:
            append(
                session,
                user_name=user_name,
                seat=seat,
                kind=AccessKind.SIGN_IN_FAILED,
                target=f"user:{user_name}",
                detail=_for({"why": "disabled"}, purpose),
            )
            refusal = AccessRefused("auth.disabled", user=user_name)
        elif (until := locked_until(account)) is not None:
            append(
                session,
                user_name=user_name,
                seat=seat,
                kind=AccessKind.SIGN_IN_FAILED,
                target=f"user:{user_name}",
                detail=_for({"why": "locked"}, purpose),
            )
            refusal = AccessRefused("auth.locked", until=_local_time(until))
        elif not right:
            account.failed_attempts += 1
            left = policy.lockout_attempts - account.failed_attempts
            if left <= 0:
                until = now() + dt.timedelta(minutes=policy.lockout_minutes)
                account.locked_until = stamp(until)
                account.failed_attempts = 0
                append(
                    session,
                    user_name=user_name,
                    seat=seat,
                    kind=AccessKind.LOCKED_OUT,
                    target=f"user:{user_name}",
                    detail=_for({"minutes": policy.lockout_minutes}, purpose),
                )
                refusal = AccessRefused("auth.locked", until=_local_time(until))
            else:
                append(
                    session,
                    user_name=user_name,
                    seat=seat,
                    kind=AccessKind.SIGN_IN_FAILED,
                    target=f"user:{user_name}",
                    detail=_for({"why": "password", "left": left}, purpose),
                )
                # the same answer as for an unknown name: nobody learns which names exist
                refusal = AccessRefused("auth.wrong_password")
        else:
            account.failed_attempts = 0
            account.locked_until = None
            append(
                session,
                user_name=user_name,
                seat=seat,
                kind=AccessKind.SIGN_IN,
                target=f"user:{user_name}",
                detail=_for(None, purpose),
            )
            # an outdated hash: stored again, as a recorded change, once the person acts
            return person_of(account, seat), passwords.outdated(account.password_hash)
    raise refusal


def _refuse_sign_in(
    archive: Archive, user_name: str, seat: str, why: str, purpose: str | None = None
) -> None:
    if archive.read_only:
        return
    with _sign_in_write(archive) as session:
        append(
            session,
            user_name=user_name,
            seat=seat,
            kind=AccessKind.SIGN_IN_FAILED,
            target=f"user:{user_name}",
            detail=_for({"why": why}, purpose),
        )


def _for(detail: dict[str, Any] | None, purpose: str | None) -> dict[str, Any] | None:
    """An access event's detail, naming what the password was checked for (if not a
    sign-in)."""
    if purpose is None:
        return detail
    return {**(detail or {}), "for": purpose}


def _local_time(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def sign_out(archive: Archive) -> None:
    person = archive.person
    if person is None:
        return
    if not archive.read_only:
        with _sign_in_write(archive) as session:
            append(
                session,
                user_name=person.user_name,
                seat=person.seat,
                kind=AccessKind.SIGN_OUT,
                target=f"user:{person.user_name}",
            )
    archive.person = None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def start_session(archive: Archive) -> str:
    """A session for the signed-in person at this OS user; returns its token. A
    read-only copy cannot keep one (sign in for each command there)."""
    person = archive.person
    if person is None or person.account_id is None:
        raise AccessRefused("auth.not_signed_in")
    if archive.read_only:
        raise AccessRefused("auth.no_session_read_only", path=str(archive.root))
    token = secrets.token_urlsafe(32)
    moment = stamp(now())
    with _sign_in_write(archive) as session:
        session.add(
            SignInSession(
                token_hash=token_hash(token),
                account_id=person.account_id,
                os_user=os_user(),
                seat=this_seat(),
                started_at=moment,
                last_seen_at=moment,
            )
        )
    return token


def resume_session(archive: Archive, token: str) -> Person:
    """The person of a stored session, if it is this OS user's, not ended, not idle past
    the policy's time, and its account still active. Refusals are access events."""
    seat = seat_from_environment()
    with _sign_in_write(archive) as session:
        row = session.scalars(
            select(SignInSession).where(SignInSession.token_hash == token_hash(token))
        ).first()
        refusal: AccessRefused | None = None
        if row is None:
            why, refusal = "unknown", AccessRefused("auth.session_invalid")
        elif row.os_user != os_user():
            why, refusal = "other_os_user", AccessRefused("auth.session_invalid")
        elif row.seat != this_seat():
            why, refusal = "other_seat", AccessRefused("auth.session_invalid")
        elif row.ended_at is not None:
            why, refusal = "ended", AccessRefused("auth.session_ended")
        else:
            policy = read_policy(session)
            idle = now() - dt.datetime.fromisoformat(row.last_seen_at)
            account = session.get(Account, row.account_id)
            if account is None:  # a damaged database: no such account
                why, refusal = "unknown", AccessRefused("auth.session_invalid")
            elif idle > dt.timedelta(minutes=policy.session_idle_minutes):
                row.ended_at = stamp(now())
                why = "expired"
                refusal = AccessRefused("auth.session_expired", minutes=policy.session_idle_minutes)
            elif not account.active:
                row.ended_at = stamp(now())
                why, refusal = "disabled", AccessRefused("auth.disabled", user=account.user_name)
            else:
                row.last_seen_at = stamp(now())
                person = person_of(account, seat)
        if refusal is not None:
            name = "-"
            if row is not None:
                owner = session.get(Account, row.account_id)
                name = owner.user_name if owner else "-"
            append(
                session,
                user_name=name,
                seat=seat,
                kind=AccessKind.SESSION_REFUSED,
                target=f"user:{name}",
                detail={"why": why},
            )
    if refusal is not None:
        raise refusal
    archive.person = person
    return person


def end_session(archive: Archive, token: str, *, quietly: bool = False) -> None:
    """End a stored session and sign out, with an access event (none `quietly`: a
    session replaced by a new sign-in, which has its own event)."""
    if archive.read_only:
        archive.person = None
        return
    with _sign_in_write(archive) as session:
        row = session.scalars(
            select(SignInSession).where(SignInSession.token_hash == token_hash(token))
        ).first()
        if row is not None and row.ended_at is None:
            row.ended_at = stamp(now())
        person = archive.person
        if person is not None and not quietly:
            append(
                session,
                user_name=person.user_name,
                seat=person.seat,
                kind=AccessKind.SIGN_OUT,
                target=f"user:{person.user_name}",
            )
    if not quietly:
        archive.person = None


def end_sessions_of(session: Session, account_id: int) -> None:
    """End every open session of an account (disabled, password reset): inside the
    unit of work of that change."""
    for row in session.scalars(
        select(SignInSession).where(
            SignInSession.account_id == account_id, SignInSession.ended_at.is_(None)
        )
    ):
        row.ended_at = stamp(now())
