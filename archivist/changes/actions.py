"""Every audited action of the archive, as data.

An action is the name an event carries in the audit trail, whether a person must give a
reason for it, and (with personal accounts) the rights it needs. Business rules never
read action names back out of the trail; they ask the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from archivist.accounts.roles import Right


@dataclass(frozen=True)
class ActionSpec:
    code: str  # the name in the audit trail: "stage.verb"
    needs_reason: bool
    right: Right  # what the acting person must hold (archivist.accounts.roles)
    derived: bool = False  # bookkeeping the product does by itself (no person decides)


class Action(Enum):
    """The registry: one member per kind of audited change."""

    ARCHIVE_INIT = ActionSpec("archive.init", needs_reason=False, right=Right.FOUND)
    SETTINGS_EDIT = ActionSpec("settings.edit", needs_reason=True, right=Right.SETTINGS)
    # written by archives made before the unit of work (now part of archive.init)
    SCHEME_LOAD = ActionSpec("scheme.load", needs_reason=False, right=Right.SYSTEM, derived=True)
    # the rows as they were when the trail began to carry state (issue 16): replay's start
    REPLAY_BASELINE = ActionSpec(
        "replay.baseline", needs_reason=False, right=Right.SYSTEM, derived=True
    )
    SCHEME_EDIT = ActionSpec("scheme.edit", needs_reason=True, right=Right.ARRANGE)
    SCHEME_ADD = ActionSpec("scheme.add", needs_reason=True, right=Right.ARRANGE)

    ITEM_CAPTURE = ActionSpec("item.capture", needs_reason=False, right=Right.CAPTURE)
    ITEM_EDIT = ActionSpec("item.edit", needs_reason=True, right=Right.EDIT)
    ITEM_REORDER = ActionSpec("item.reorder", needs_reason=True, right=Right.EDIT)
    ITEM_RENUMBER = ActionSpec("item.renumber", needs_reason=True, right=Right.EDIT)
    ENTITY_CORRECT = ActionSpec("entity.correct", needs_reason=True, right=Right.EDIT)

    VOLUME_BUILD = ActionSpec("volume.build", needs_reason=False, right=Right.ARRANGE)
    VOLUME_ADD_ITEMS = ActionSpec("volume.add_items", needs_reason=True, right=Right.ARRANGE)
    VOLUME_REMOVE_ITEMS = ActionSpec("volume.remove_items", needs_reason=True, right=Right.ARRANGE)
    VOLUME_MOVE_ITEMS = ActionSpec("volume.move_items", needs_reason=True, right=Right.ARRANGE)
    VOLUME_TITLE = ActionSpec("volume.title", needs_reason=True, right=Right.ARRANGE)
    # written before the unit of work; a reorder is now part of the item change causing it
    VOLUME_REORDER = ActionSpec("volume.reorder", needs_reason=True, right=Right.ARRANGE)
    VOLUME_DISSOLVE = ActionSpec("volume.dissolve", needs_reason=True, right=Right.ARRANGE)
    REGISTER_GENERATE = ActionSpec("register.generate", needs_reason=False, right=Right.ARRANGE)
    # the four-property tests (四性检测): the report kept under reports/, its SHA-256 here
    FOUR_CHECK = ActionSpec("four.check", needs_reason=False, right=Right.VERIFY)

    LOCATION_ADD = ActionSpec("location.add", needs_reason=False, right=Right.CUSTODY)
    BOX_CREATE = ActionSpec("box.create", needs_reason=False, right=Right.CUSTODY)
    BOX_FILL = ActionSpec("box.fill", needs_reason=False, right=Right.CUSTODY)
    BOX_PUT = ActionSpec("box.put", needs_reason=True, right=Right.CUSTODY)
    BOX_MOVE = ActionSpec("box.move", needs_reason=True, right=Right.CUSTODY)
    BOX_TAKE_OUT = ActionSpec("box.take_out", needs_reason=True, right=Right.CUSTODY)
    BOX_SHELVE = ActionSpec("box.shelve", needs_reason=True, right=Right.CUSTODY)
    INVENTORY_RUN = ActionSpec("inventory.run", needs_reason=False, right=Right.CUSTODY)

    HANDOVER_CREATE = ActionSpec(
        "handover.create", needs_reason=False, right=Right.HANDOVER_PREPARE
    )
    HANDOVER_ADD = ActionSpec("handover.add", needs_reason=False, right=Right.HANDOVER_PREPARE)
    HANDOVER_CHECK = ActionSpec("handover.check", needs_reason=False, right=Right.HANDOVER_RECEIVE)
    HANDOVER_RETURN = ActionSpec("handover.return", needs_reason=True, right=Right.HANDOVER_RECEIVE)
    HANDOVER_SIGN = ActionSpec("handover.sign", needs_reason=False, right=Right.HANDOVER_RECEIVE)

    # use (利用): requests, approval, lending and return, extensions, copies, effect
    USE_REQUEST = ActionSpec("use.request", needs_reason=False, right=Right.USE_REQUEST)
    USE_APPROVE = ActionSpec("use.approve", needs_reason=False, right=Right.APPROVE_USE)
    USE_REFUSE = ActionSpec("use.refuse", needs_reason=True, right=Right.APPROVE_USE)
    USE_LEND = ActionSpec("use.lend", needs_reason=False, right=Right.LEND)
    USE_RETURN = ActionSpec("use.return", needs_reason=False, right=Right.LEND)
    USE_EXTEND = ActionSpec("use.extend", needs_reason=True, right=Right.APPROVE_USE)
    USE_COPY = ActionSpec("use.copy", needs_reason=False, right=Right.LEND)
    USE_CLOSE = ActionSpec("use.close", needs_reason=False, right=Right.LEND)
    USE_EFFECT = ActionSpec("use.effect", needs_reason=False, right=Right.LEND)
    BENEFIT_EVENT_ADD = ActionSpec("benefit.add", needs_reason=True, right=Right.EDIT)

    # disposition (处置): holds
    HOLD_PLACE = ActionSpec("hold.place", needs_reason=True, right=Right.HOLD)
    HOLD_LIFT = ActionSpec("hold.lift", needs_reason=True, right=Right.HOLD)
    # appraisal (鉴定): batches, opinions, members' signatures
    APPRAISAL_CREATE = ActionSpec("appraisal.create", needs_reason=False, right=Right.APPRAISE)
    APPRAISAL_OPINION = ActionSpec("appraisal.opinion", needs_reason=True, right=Right.APPRAISE)
    APPRAISAL_SIGN = ActionSpec("appraisal.sign", needs_reason=False, right=Right.APPRAISE)
    APPRAISAL_CANCEL = ActionSpec("appraisal.cancel", needs_reason=True, right=Right.APPRAISE)
    # destruction (销毁): the register, its approval, signatures, execution
    DESTRUCTION_CREATE = ActionSpec("destruction.create", needs_reason=False, right=Right.DISPOSE)
    DESTRUCTION_APPROVE = ActionSpec("destruction.approve", needs_reason=False, right=Right.APPROVE)
    DESTRUCTION_SIGN = ActionSpec("destruction.sign", needs_reason=False, right=Right.WITNESS)
    DESTRUCTION_EXECUTE = ActionSpec("destruction.execute", needs_reason=False, right=Right.DISPOSE)
    # withdrawn by its proposer (DISPOSE) or refused by a head (APPROVE): the unit of
    # work checks WITNESS (held by both); the service asks for one of the two
    DESTRUCTION_WITHDRAW = ActionSpec(
        "destruction.withdraw", needs_reason=True, right=Right.WITNESS
    )

    # people and rights: the first three accounts, then the system administrator's,
    # the security officer's and everybody's own
    ACCOUNTS_SETUP = ActionSpec("accounts.setup", needs_reason=False, right=Right.FOUND)
    ACCOUNT_ADD = ActionSpec("account.add", needs_reason=False, right=Right.ACCOUNTS)
    ACCOUNT_DISABLE = ActionSpec("account.disable", needs_reason=True, right=Right.ACCOUNTS)
    ACCOUNT_ENABLE = ActionSpec("account.enable", needs_reason=True, right=Right.ACCOUNTS)
    ACCOUNT_RESET_PASSWORD = ActionSpec(
        "account.reset_password", needs_reason=True, right=Right.ACCOUNTS
    )
    ACCOUNT_PASSWORD = ActionSpec("account.password", needs_reason=False, right=Right.OWN_ACCOUNT)
    # a password stored again with today's hashing parameters at its owner's sign-in
    ACCOUNT_REHASH = ActionSpec(
        "account.rehash", needs_reason=False, right=Right.OWN_ACCOUNT, derived=True
    )
    ROLE_GRANT = ActionSpec("role.grant", needs_reason=True, right=Right.ROLES)
    ROLE_REVOKE = ActionSpec("role.revoke", needs_reason=True, right=Right.ROLES)
    SECURITY_EDIT = ActionSpec("security.edit", needs_reason=True, right=Right.ROLES)

    @property
    def code(self) -> str:
        return self.value.code

    @property
    def needs_reason(self) -> bool:
        return self.value.needs_reason

    @property
    def right(self) -> Right:
        return self.value.right

    def __str__(self) -> str:
        return self.value.code


BY_CODE: dict[str, Action] = {action.code: action for action in Action}


def action_named(code: str) -> Action:
    """The action an audit event's name stands for (KeyError for an unknown name)."""
    return BY_CODE[code]
