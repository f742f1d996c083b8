"""Roles and the rights they carry, and the duties kept apart (archive-rules §15).

A right names one kind of work; every action of the registry (archivist.changes.actions)
names the right it needs, and every read the access layer serves names one too. The
role table below is the one place that says who holds what.
"""

from __future__ import annotations

from enum import StrEnum

from archivist.errors import AccessRefused, InputError


class Right(StrEnum):
    READ = "read"  # browse, search, view items and registers
    ID_NUMBERS = "id_numbers"  # see ID numbers in full (others see 110105********1239)
    REVEAL = "reveal"  # reveal one masked ID number, with a reason (logged)
    CAPTURE = "capture"  # capture items, run their OCR
    EDIT = "edit"  # correct items, their order, numbers and the people named in them
    ARRANGE = "arrange"  # volumes, registers, the classification scheme
    CUSTODY = "custody"  # locations, boxes, inventory
    HANDOVER_PREPARE = "handover_prepare"  # put a handover batch together
    HANDOVER_RECEIVE = "handover_receive"  # check, return and sign as the archive
    USE_REQUEST = "use_request"  # ask to consult, borrow or copy (for oneself or a visitor)
    APPROVE_USE = "approve_use"  # approve or refuse a use request, grant an extension
    LEND = "lend"  # consultation, lending, copies (the archive room's side)
    APPRAISE = "appraise"  # appraisal opinions
    HOLD = "hold"  # place and lift holds (unsettled matters, disputes, litigation, audits)
    APPROVE = "approve"  # approve loans, appraisal results, destruction
    DISPOSE = "dispose"  # make a destruction register from a signed appraisal; execute it
    WITNESS = "witness"  # sign a destruction register: supervisor (监销人), accounting duties
    VERIFY = "verify"  # run the integrity check
    SETTINGS = "settings"  # archive settings
    MAINTAIN = "maintain"  # rebuild the index, backups
    ACCOUNTS = "accounts"  # add, disable, enable accounts; reset passwords
    ROLES = "roles"  # grant and revoke roles; security settings
    ACCESS_REVIEW = "access_review"  # read the access log
    AUDIT_READ = "audit_read"  # read the audit trail
    OWN_ACCOUNT = "own_account"  # change one's own password (everybody)
    # Held by no role: only the creation of an archive (or of its first accounts) acts
    # with it, before anybody can sign in.
    FOUND = "found"
    # Held by no role: bookkeeping the product writes by itself.
    SYSTEM = "system"


class Role(StrEnum):
    """Command-line names; the window shows `role_label`."""

    ARCHIVIST = "archivist"
    HANDLER = "handler"
    APPRAISER = "appraiser"
    HEAD = "head"
    SYSADMIN = "sysadmin"
    SECURITY = "security"
    AUDITOR = "auditor"
    VERIFIER = "verifier"  # a scheduled job's service account: verify, nothing else


ROLE_RIGHTS: dict[Role, frozenset[Right]] = {
    Role.ARCHIVIST: frozenset(
        {
            Right.READ,
            Right.ID_NUMBERS,
            Right.CAPTURE,
            Right.EDIT,
            Right.ARRANGE,
            Right.CUSTODY,
            Right.HANDOVER_PREPARE,
            Right.HANDOVER_RECEIVE,
            Right.USE_REQUEST,
            Right.APPROVE_USE,
            Right.LEND,
            Right.HOLD,
            Right.VERIFY,
            Right.DISPOSE,
            Right.WITNESS,
        }
    ),
    Role.HANDLER: frozenset(
        {
            Right.READ,
            Right.ID_NUMBERS,
            Right.CAPTURE,
            Right.HANDOVER_PREPARE,
            Right.USE_REQUEST,
            Right.WITNESS,
        }
    ),
    Role.APPRAISER: frozenset(
        {Right.READ, Right.REVEAL, Right.APPRAISE, Right.USE_REQUEST, Right.WITNESS}
    ),
    Role.HEAD: frozenset(
        {
            Right.READ,
            Right.REVEAL,
            Right.APPROVE,
            Right.APPROVE_USE,
            Right.USE_REQUEST,
            Right.HOLD,
            Right.WITNESS,
        }
    ),
    Role.SYSADMIN: frozenset({Right.ACCOUNTS, Right.SETTINGS, Right.MAINTAIN}),
    Role.SECURITY: frozenset({Right.ROLES, Right.ACCESS_REVIEW}),
    Role.AUDITOR: frozenset({Right.AUDIT_READ, Right.ACCESS_REVIEW, Right.VERIFY}),
    Role.VERIFIER: frozenset({Right.VERIFY}),
}
EVERYBODY: frozenset[Right] = frozenset({Right.OWN_ACCOUNT})

# 三员分立: three different people, none with business rights.
ADMINISTRATOR_ROLES = frozenset({Role.SYSADMIN, Role.SECURITY, Role.AUDITOR})
BUSINESS_ROLES = frozenset({Role.ARCHIVIST, Role.HANDLER, Role.APPRAISER, Role.HEAD})
SERVICE_ROLES = frozenset({Role.VERIFIER})


def rights_of(roles: frozenset[Role] | set[Role]) -> frozenset[Right]:
    held: set[Right] = set(EVERYBODY)
    for role in roles:
        held |= ROLE_RIGHTS[role]
    return frozenset(held)


def role_named(name: str) -> Role:
    try:
        return Role(name.strip().lower())
    except ValueError:
        raise InputError(
            "accounts.unknown_role", role=name[:40], roles=", ".join(r.value for r in Role)
        ) from None


def holders_of(right: Right) -> list[Role]:
    """The roles that carry `right` (for a refusal that says who may)."""
    return [role for role, rights in ROLE_RIGHTS.items() if right in rights]


def check_combination(roles: frozenset[Role] | set[Role], *, service: bool) -> None:
    """Refuse a set of roles one account may not hold together."""
    admin = sorted(r.value for r in roles if r in ADMINISTRATOR_ROLES)
    if len(admin) > 1:
        raise AccessRefused("accounts.two_admin_roles", roles=", ".join(admin))
    business = sorted(r.value for r in roles if r in BUSINESS_ROLES)
    if admin and business:
        raise AccessRefused(
            "accounts.admin_and_business", admin=admin[0], roles=", ".join(business)
        )
    services = [r for r in roles if r in SERVICE_ROLES]
    if services and not service:
        raise AccessRefused("accounts.service_role_for_person", role=services[0].value)
    if service and set(roles) - SERVICE_ROLES:
        raise AccessRefused("accounts.person_role_for_service")
