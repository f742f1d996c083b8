"""The one place the window's views hear that the archive changed.

The main window owns one `ChangesHub`. A view that changed the archive says which tables
it touched (`announce`, or `announce_changes` with the core's `Changes` value); the
window's refresh (F5, a capture, settings) says that everything may have changed
(`announce_everything`). Every view that follows the hub (`ChangesHub.follow`) names the
tables it shows and re-reads only when one of them was touched — and not when it made
the change itself (it has already redrawn, keeping its selection). A hidden view only
notes that it must re-read when next shown (the views' own `reload` does that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from archivist.changes.unit_of_work import Changes

# The tables the views show and the tables their changes touch (archivist/db/models.py).
VOLUME_TABLES = frozenset({"volumes", "volume_items", "volume_registers"})
STORAGE_TABLES = frozenset({"locations", "boxes", "box_items"})
HANDOVER_TABLES = frozenset({"handovers", "handover_volumes"})


@dataclass(frozen=True)
class Touched:
    """What changed: the tables whose rows changed (`everything`: it is not known which),
    and the view that made the change (None: not a view)."""

    tables: frozenset[str] = frozenset()
    source: object | None = None
    everything: bool = False

    def touches(self, tables: Iterable[str]) -> bool:
        return self.everything or not self.tables.isdisjoint(tables)

    @classmethod
    def of(cls, changes: Changes, source: object | None = None) -> Touched:
        """The core's `Changes` of one committed change, as the views hear it."""
        return cls(frozenset(changes.tables), source)


class ChangesHub(QObject):
    """Tells the views what changed (`changed` carries a `Touched`)."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last: Touched | None = None  # the last change heard (for the tests)

    def announce(self, tables: Iterable[str], source: object | None = None) -> None:
        self._send(Touched(frozenset(tables), source))

    def announce_changes(self, changes: Changes, source: object | None = None) -> None:
        self._send(Touched.of(changes, source))

    def announce_everything(self) -> None:
        self._send(Touched(everything=True))

    def _send(self, touched: Touched) -> None:
        self.last = touched
        self.changed.emit(touched)

    def follow(self, view: QObject, shows: Iterable[str], reload: Callable[[], object]) -> None:
        """Have `view` call `reload` when a change touches one of the tables it `shows`
        (not when `view` itself made it). The connection ends with the view."""
        wanted = frozenset(shows)

        def heard(touched: object) -> None:
            if not isinstance(touched, Touched) or touched.source is view:
                return
            if touched.touches(wanted):
                reload()

        # a slot owned by the view: Qt disconnects it when the view is destroyed
        relay = _Relay(view, heard)
        self.changed.connect(relay.hear)


class _Relay(QObject):
    def __init__(self, owner: QObject, heard: Callable[[object], None]) -> None:
        super().__init__(owner)
        self._heard = heard

    def hear(self, touched: object) -> None:
        self._heard(touched)
