"""The accounts of an archive and the roles they hold: creating the first three
(三员分立), adding people, granting and revoking roles, disabling, passwords and the
security policy. Every change is a unit of work with the action's right."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archivist.accounts import passwords
from archivist.accounts.people import Person
from archivist.accounts.policy import PREFIX, SecurityPolicy, checked_edits, read_policy
from archivist.accounts.rights import require_any
from archivist.accounts.roles import (
    ADMINISTRATOR_ROLES,
    Right,
    Role,
    check_combination,
    role_named,
)
from archivist.accounts.signing import (
    check_user_name,
    end_sessions_of,
    locked_until,
    normal_user_name,
    now,
    shown,
    stamp,
)
from archivist.changes.actions import Action
from archivist.db.models import Account, AccountRole, Setting
from archivist.errors import AccessRefused, InputError, NotFound

if TYPE_CHECKING:
    from archivist.archive import Archive

MAX_DISPLAY_NAME = 50


@dataclass(frozen=True)
class NewAccount:
    user_name: str
    display_name: str
    password: str


@dataclass(frozen=True)
class Administrators:
    """The three administrator accounts an archive starts with (three people)."""

    sysadmin: NewAccount
    security: NewAccount
    auditor: NewAccount

    def by_role(self) -> list[tuple[Role, NewAccount]]:
        return [
            (Role.SYSADMIN, self.sysadmin),
            (Role.SECURITY, self.security),
            (Role.AUDITOR, self.auditor),
        ]


@dataclass(frozen=True)
class AccountView:
    user_name: str
    display_name: str
    roles: tuple[Role, ...]
    active: bool
    service: bool
    must_change_password: bool
    locked: bool
    created_at: str


def _display_name(text: str, user_name: str) -> str:
    name = (text or "").strip() or user_name
    if len(name) > MAX_DISPLAY_NAME or any(ord(c) < 32 for c in name):
        raise InputError("accounts.bad_display_name", length=MAX_DISPLAY_NAME)
    return name


def check_administrators(admins: Administrators, min_length: int = passwords.MIN_LENGTH) -> None:
    """Refuse before anything is created: bad names, the same name twice, weak passwords."""
    seen: set[str] = set()
    for role, new in admins.by_role():
        check_user_name(new.user_name)
        if new.user_name.lower() in seen:
            raise InputError("accounts.same_person_twice", user=new.user_name)
        seen.add(new.user_name.lower())
        _display_name(new.display_name, new.user_name)
        try:
            passwords.check_policy(new.user_name, new.password, min_length)
        except InputError as exc:
            raise InputError(
                "accounts.admin_password", role=role.value, problem=exc.message()
            ) from None


def has_accounts(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Account)))


def _new_account(
    session: Session,
    new: NewAccount,
    password_hash: str,
    *,
    must_change: bool,
    service: bool = False,
) -> Account:
    """The account row; its password hashed beforehand (argon2 takes a noticeable time:
    not while the write lock is held)."""
    name = check_user_name(new.user_name)
    if session.scalars(select(Account).where(func.lower(Account.user_name) == name)).first():
        raise InputError("accounts.exists", user=name)
    moment = stamp(now())
    account = Account(
        user_name=name,
        display_name=_display_name(new.display_name, name),
        password_hash=password_hash,
        kind="service" if service else "person",
        active=True,
        must_change_password=must_change,
        failed_attempts=0,
        created_at=moment,
        password_changed_at=moment,
    )
    session.add(account)
    session.flush()
    return account


def setup_administrators(archive: Archive, admins: Administrators) -> None:
    """The first three accounts (creating an archive, or upgrading one from before
    accounts). Each typed their own password, so none must change it."""
    check_administrators(admins)
    founder = check_user_name(admins.sysadmin.user_name)
    hashes = {role: passwords.hashed(new.password) for role, new in admins.by_role()}
    saved = archive.person
    archive.person = Person.founder(founder)
    try:
        with archive.change(Action.ACCOUNTS_SETUP, "accounts") as work:
            if has_accounts(work.session):
                raise InputError("accounts.already_set_up")
            created = []
            for role, new in admins.by_role():
                account = _new_account(work.session, new, hashes[role], must_change=False)
                work.session.add(
                    AccountRole(
                        account_id=account.id,
                        role=role.value,
                        granted_at=account.created_at,
                        granted_by=founder,
                    )
                )
                created.append({"user": account.user_name, "role": role.value})
            work.after = {"accounts": created}
    finally:
        archive.person = saved


def _account(session: Session, user_name: str) -> Account:
    name = normal_user_name(user_name)
    account = session.scalars(select(Account).where(Account.user_name == name)).first()
    if account is None:
        raise NotFound("accounts.unknown_user", user=shown(user_name))
    return account


def add_account(
    archive: Archive,
    user_name: str,
    display_name: str,
    password: str,
    *,
    service: bool = False,
) -> AccountView:
    """A new account whose owner must change the password at the first sign-in."""
    user_name = check_user_name(user_name)
    passwords.check_policy(user_name, password, security_policy(archive).password_min_length)
    password_hash = passwords.hashed(password)
    with archive.change(Action.ACCOUNT_ADD, f"user:{user_name}") as work:
        account = _new_account(
            work.session,
            NewAccount(user_name, display_name, password),
            password_hash,
            must_change=not service,
            service=service,
        )
        work.after = {
            "user": account.user_name,
            "display_name": account.display_name,
            "kind": account.kind,
        }
        view = _view(account)
    return view


def _holders(session: Session, role: Role) -> list[str]:
    return list(
        session.scalars(
            select(Account.user_name)
            .join(AccountRole, AccountRole.account_id == Account.id)
            .where(AccountRole.role == role.value, Account.active.is_(True))
        )
    )


def _acting(archive: Archive) -> str:
    return archive.person.user_name if archive.person else "-"


def grant_role(archive: Archive, user_name: str, role_name: str, reason: str | None) -> AccountView:
    user_name = normal_user_name(user_name)
    role = role_named(role_name)
    with archive.change(Action.ROLE_GRANT, f"user:{user_name}", reason=reason) as work:
        account = _account(work.session, user_name)
        if account.user_name == _acting(archive):
            raise AccessRefused("accounts.grant_to_self")
        held = {Role(r.role) for r in account.roles}
        if role in held:
            work.nothing_changed()
        check_combination(held | {role}, service=account.kind == "service")
        if not account.active:
            raise InputError("accounts.disabled_account", user=user_name)
        work.before = {"roles": sorted(r.value for r in held)}
        account.roles.append(
            AccountRole(role=role.value, granted_at=stamp(now()), granted_by=_acting(archive))
        )
        work.after = {"roles": sorted(r.value for r in held | {role})}
    return account_view(archive, user_name)


def revoke_role(
    archive: Archive, user_name: str, role_name: str, reason: str | None
) -> AccountView:
    user_name = normal_user_name(user_name)
    role = role_named(role_name)
    with archive.change(Action.ROLE_REVOKE, f"user:{user_name}", reason=reason) as work:
        account = _account(work.session, user_name)
        if account.user_name == _acting(archive):
            raise AccessRefused("accounts.grant_to_self")
        held = {Role(r.role) for r in account.roles}
        if role not in held:
            work.nothing_changed()
        if role in ADMINISTRATOR_ROLES and _holders(work.session, role) == [user_name]:
            raise AccessRefused("accounts.last_administrator", role=role.value, user=user_name)
        work.before = {"roles": sorted(r.value for r in held)}
        for row in list(account.roles):
            if row.role == role.value:
                account.roles.remove(row)
        work.after = {"roles": sorted(r.value for r in held - {role})}
    return account_view(archive, user_name)


def disable_account(archive: Archive, user_name: str, reason: str | None) -> AccountView:
    user_name = normal_user_name(user_name)
    """Disable an account: it keeps its history, its sessions end, it cannot sign in."""
    with archive.change(Action.ACCOUNT_DISABLE, f"user:{user_name}", reason=reason) as work:
        account = _account(work.session, user_name)
        if account.user_name == _acting(archive):
            raise AccessRefused("accounts.disable_self")
        if not account.active:
            work.nothing_changed()
        for row in account.roles:
            role = Role(row.role)
            if role in ADMINISTRATOR_ROLES and _holders(work.session, role) == [user_name]:
                raise AccessRefused("accounts.last_administrator", role=role.value, user=user_name)
        account.active = False
        end_sessions_of(work.session, account.id)
        work.before, work.after = {"active": True}, {"active": False}
    return account_view(archive, user_name)


def enable_account(archive: Archive, user_name: str, reason: str | None) -> AccountView:
    user_name = normal_user_name(user_name)
    with archive.change(Action.ACCOUNT_ENABLE, f"user:{user_name}", reason=reason) as work:
        account = _account(work.session, user_name)
        if account.active:
            work.nothing_changed()
        account.active = True
        account.failed_attempts = 0
        account.locked_until = None
        work.before, work.after = {"active": False}, {"active": True}
    return account_view(archive, user_name)


def reset_password(
    archive: Archive, user_name: str, new_password: str, reason: str | None
) -> AccountView:
    """Set someone else's password (forgotten, locked): they must change it at their next
    sign-in; their sessions end and any lock is lifted. An administrator's password only
    by another holder of the same role: a system administrator who could set the
    security officer's password could act as both (三员分立)."""
    name = normal_user_name(user_name)
    passwords.check_policy(name, new_password, security_policy(archive).password_min_length)
    password_hash = passwords.hashed(new_password)
    with archive.change(Action.ACCOUNT_RESET_PASSWORD, f"user:{name}", reason=reason) as work:
        account = _account(work.session, name)
        if account.user_name == _acting(archive):
            raise AccessRefused("accounts.reset_own_password")
        acting = archive.person.roles if archive.person else frozenset()
        for row in account.roles:
            if Role(row.role) in ADMINISTRATOR_ROLES and Role(row.role) not in acting:
                raise AccessRefused("accounts.reset_administrator", role=row.role, user=name)
        account.password_hash = password_hash
        account.must_change_password = account.kind != "service"
        account.failed_attempts = 0
        account.locked_until = None
        account.password_changed_at = stamp(now())
        end_sessions_of(work.session, account.id)
        work.after = {"must_change_password": account.must_change_password}
    return account_view(archive, name)


def change_own_password(archive: Archive, old_password: str, new_password: str) -> None:
    """The signed-in person changes their password (the old one first)."""
    person = archive.person
    if person is None:
        raise AccessRefused("auth.not_signed_in")
    if old_password == new_password:
        raise InputError("password.same_as_old")
    passwords.check_policy(
        person.user_name, new_password, security_policy(archive).password_min_length
    )
    with archive.db.reading() as session:
        stored = _account(session, person.user_name).password_hash
    if not passwords.matches(stored, old_password):
        raise AccessRefused("password.old_wrong")
    password_hash = passwords.hashed(new_password)
    with archive.change(Action.ACCOUNT_PASSWORD, f"user:{person.user_name}") as work:
        account = _account(work.session, person.user_name)
        if account.password_hash != stored:  # changed meanwhile: check the old one again
            raise AccessRefused("password.old_wrong")
        account.password_hash = password_hash
        account.must_change_password = False
        account.password_changed_at = stamp(now())
        work.after = {"must_change_password": False}
    archive.person = replace(person, must_change_password=False)


def _view(account: Account) -> AccountView:
    return AccountView(
        account.user_name,
        account.display_name,
        tuple(sorted((Role(r.role) for r in account.roles), key=lambda r: list(Role).index(r))),
        account.active,
        account.kind == "service",
        account.must_change_password,
        locked_until(account) is not None,
        account.created_at,
    )


def account_view(archive: Archive, user_name: str) -> AccountView:
    with archive.db.reading() as session:
        return _view(_account(session, user_name))


def list_accounts(archive: Archive) -> list[AccountView]:
    """Every account, disabled ones too (for the administrators and the auditor)."""
    require_any(archive, (Right.ACCOUNTS, Right.ROLES, Right.AUDIT_READ), "accounts.list")
    with archive.db.reading() as session:
        rows = session.scalars(select(Account).order_by(Account.user_name)).all()
        return [_view(a) for a in rows]


def security_policy(archive: Archive) -> SecurityPolicy:
    with archive.db.reading() as session:
        return read_policy(session)


def edit_security_policy(
    archive: Archive, edits: Mapping[str, str], reason: str | None
) -> SecurityPolicy:
    checked = checked_edits(dict(edits))
    with archive.change(Action.SECURITY_EDIT, "security", reason=reason) as work:
        before = read_policy(work.session).as_dict()
        for key, value in checked.items():
            row = work.session.get(Setting, PREFIX + key)
            if row is None:
                work.session.add(Setting(key=PREFIX + key, value=str(value)))
            else:
                row.value = str(value)
        work.before = {k: before[k] for k in checked}
        work.after = dict(checked)
    return security_policy(archive)


def display_names(archive: Archive) -> dict[str, str]:
    """user name -> the name people know them by, for showing who did what (anyone who
    may read the archive; staff names are not the archive's content)."""
    from archivist.accounts.rights import require

    require(archive, Right.READ, "accounts:names")
    with archive.db.reading() as session:
        rows = session.execute(select(Account.user_name, Account.display_name))
        return {user: display or user for user, display in rows}
