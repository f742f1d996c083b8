"""The navigation tree: classes → years → months → units/persons, each with its
count, children loaded from the database when a branch is opened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from archivist.access import browse
from archivist.archive import Archive

SCOPE_ROLE = Qt.ItemDataRole.UserRole
LOADED_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_ROLE = Qt.ItemDataRole.UserRole + 2


class NavTree(QTreeWidget):
    scope_chosen = Signal(object)  # browse.Scope

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navTree")
        self.archive = archive
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)
        self.itemExpanded.connect(self._load_children)
        self.currentItemChanged.connect(self._chosen)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        """Rebuild the tree (after a capture or an edit), keeping what was open."""
        expanded = self._expanded_scopes()
        current = self.current_scope()
        self.blockSignals(True)
        self.clear()
        total = 0
        self.root = QTreeWidgetItem(self)
        self.root.setData(0, SCOPE_ROLE, browse.Scope())
        self.root.setData(0, LOADED_ROLE, True)
        for node in browse.nav_children(self.archive):
            total += node.count
            self._add(self.root, node)
        self.root.setData(1, Qt.ItemDataRole.DisplayRole, str(total))
        self.root.setExpanded(True)
        self._label(self.root)
        for item in self._walk():
            scope = item.data(0, SCOPE_ROLE)
            if scope in expanded:
                item.setExpanded(True)
        target = next((i for i in self._walk() if i.data(0, SCOPE_ROLE) == current), self.root)
        self.setCurrentItem(target)
        self.blockSignals(False)

    def _walk(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        stack = [self.invisibleRootItem()]
        while stack:
            parent = stack.pop()
            for index in range(parent.childCount()):
                child = parent.child(index)
                if child is not None:
                    items.append(child)
                    stack.append(child)
        return items

    def _expanded_scopes(self) -> set[browse.Scope]:
        return {i.data(0, SCOPE_ROLE) for i in self._walk() if i.isExpanded()}

    def current_scope(self) -> browse.Scope:
        item = self.currentItem()
        scope = item.data(0, SCOPE_ROLE) if item is not None else None
        return scope if isinstance(scope, browse.Scope) else browse.Scope()

    def _add(self, parent: QTreeWidgetItem, node: browse.NavNode) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent)
        item.setData(0, SCOPE_ROLE, node.scope)
        item.setData(0, NODE_ROLE, node)
        item.setData(1, Qt.ItemDataRole.DisplayRole, str(node.count))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if node.level != "entity":
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            item.setData(0, LOADED_ROLE, False)
        self._label(item)
        return item

    def _label(self, item: QTreeWidgetItem) -> None:
        node = item.data(0, NODE_ROLE)
        if not isinstance(node, browse.NavNode):
            item.setText(0, self.tr("全部档案"))
            return
        scope = node.scope
        if node.level == "class":
            text = f"{scope.class_code} {node.label}"
        elif node.level == "year":
            text = self.tr("{year}年").format(year=scope.year)
        elif node.level == "month":
            text = self.tr("{month}月").format(month=scope.month)
        else:
            text = node.label
        item.setText(0, text)
        item.setToolTip(0, text)

    def _load_children(self, item: QTreeWidgetItem) -> None:
        if item.data(0, LOADED_ROLE):
            return
        item.setData(0, LOADED_ROLE, True)
        scope = item.data(0, SCOPE_ROLE)
        for node in browse.nav_children(self.archive, scope):
            self._add(item, node)
        if item.childCount() == 0:
            item.setChildIndicatorPolicy(
                QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorWhenChildless
            )

    def _chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None:
            self.scope_chosen.emit(current.data(0, SCOPE_ROLE))

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("分类导航"), self.tr("件数")])
        for item in self._walk():
            self._label(item)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
