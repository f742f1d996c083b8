"""Every audited action of the archive, as data.

An action is the name an event carries in the audit trail, whether a person must give a
reason for it, and (with personal accounts) the rights it needs. Business rules never
read action names back out of the trail; they ask the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class ActionSpec:
    code: str  # the name in the audit trail: "stage.verb"
    needs_reason: bool
    derived: bool = False  # bookkeeping the product does by itself (no person decides)


class Action(Enum):
    """The registry: one member per kind of audited change."""

    ARCHIVE_INIT = ActionSpec("archive.init", needs_reason=False)
    SETTINGS_EDIT = ActionSpec("settings.edit", needs_reason=True)
    # written by archives made before the unit of work (now part of archive.init)
    SCHEME_LOAD = ActionSpec("scheme.load", needs_reason=False, derived=True)
    SCHEME_EDIT = ActionSpec("scheme.edit", needs_reason=True)
    SCHEME_ADD = ActionSpec("scheme.add", needs_reason=True)

    ITEM_CAPTURE = ActionSpec("item.capture", needs_reason=False)
    ITEM_EDIT = ActionSpec("item.edit", needs_reason=True)
    ITEM_REORDER = ActionSpec("item.reorder", needs_reason=True)
    ITEM_RENUMBER = ActionSpec("item.renumber", needs_reason=True)
    ENTITY_CORRECT = ActionSpec("entity.correct", needs_reason=True)

    VOLUME_BUILD = ActionSpec("volume.build", needs_reason=False)
    VOLUME_ADD_ITEMS = ActionSpec("volume.add_items", needs_reason=True)
    VOLUME_REMOVE_ITEMS = ActionSpec("volume.remove_items", needs_reason=True)
    VOLUME_MOVE_ITEMS = ActionSpec("volume.move_items", needs_reason=True)
    VOLUME_TITLE = ActionSpec("volume.title", needs_reason=True)
    # written before the unit of work; a reorder is now part of the item change causing it
    VOLUME_REORDER = ActionSpec("volume.reorder", needs_reason=True)
    VOLUME_DISSOLVE = ActionSpec("volume.dissolve", needs_reason=True)
    REGISTER_GENERATE = ActionSpec("register.generate", needs_reason=False)

    LOCATION_ADD = ActionSpec("location.add", needs_reason=False)
    BOX_CREATE = ActionSpec("box.create", needs_reason=False)
    BOX_FILL = ActionSpec("box.fill", needs_reason=False)
    BOX_PUT = ActionSpec("box.put", needs_reason=True)
    BOX_MOVE = ActionSpec("box.move", needs_reason=True)
    BOX_TAKE_OUT = ActionSpec("box.take_out", needs_reason=True)
    BOX_SHELVE = ActionSpec("box.shelve", needs_reason=True)
    INVENTORY_RUN = ActionSpec("inventory.run", needs_reason=False)

    HANDOVER_CREATE = ActionSpec("handover.create", needs_reason=False)
    HANDOVER_ADD = ActionSpec("handover.add", needs_reason=False)
    HANDOVER_CHECK = ActionSpec("handover.check", needs_reason=False)
    HANDOVER_RETURN = ActionSpec("handover.return", needs_reason=True)
    HANDOVER_SIGN = ActionSpec("handover.sign", needs_reason=False)

    @property
    def code(self) -> str:
        return self.value.code

    @property
    def needs_reason(self) -> bool:
        return self.value.needs_reason

    def __str__(self) -> str:
        return self.value.code


BY_CODE: dict[str, Action] = {action.code: action for action in Action}


def action_named(code: str) -> Action:
    """The action an audit event's name stands for (KeyError for an unknown name)."""
    return BY_CODE[code]
