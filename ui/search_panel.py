"""Full-text search: the query, filters (class, year range, business type, entity),
and the hits with their snippets; opening a hit shows its page. Hits come a page at a
time (PAGE), and 显示更多 fetches the next page until every hit is in the list. Full ID
numbers in snippets are masked by the core, as in the item detail."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.search.index import Filters
from archivist.search.service import SearchHit, search
from archivist.search.tokens import query_words
from ui import errors
from ui.tasks import TaskContext, TaskRunner

PAGE = 50  # hits fetched at a time
HIT_ROLE = Qt.ItemDataRole.UserRole


def snippet_html(snippet: str) -> str:
    """The core marks matches with 【】; show them highlighted."""
    text = html.escape(snippet)
    return text.replace("【", '<span style="background:#ffd54a;">').replace("】", "</span>")


class HitWidget(QLabel):
    def __init__(self, hit: SearchHit, page_text: str) -> None:
        super().__init__()
        self.setObjectName("hit")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        fields = hit.fields
        meta = " · ".join(
            str(v)
            for v in (
                fields.get("klass"),
                fields.get("business_type"),
                fields.get("entity"),
                fields.get("completed_on"),
            )
            if v
        )
        where = f" · {page_text}" if hit.page else ""
        body = snippet_html(hit.snippet) if hit.snippet else ""
        self.setText(
            f"<b>{html.escape(hit.number)}</b>　{html.escape(hit.title)}"
            f"<br><span style='color:#666;'>{html.escape(meta)}{html.escape(where)}</span>"
            + (f"<br>{body}" if body else "")
        )
        self.setContentsMargins(6, 4, 6, 4)


class SearchPanel(QWidget):
    hit_opened = Signal(str, int, list)  # number, item page (0 if unknown), words

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.archive = archive
        self.runner = runner
        self.hits: list[SearchHit] = []
        self.total = 0
        self.last_words: list[str] = []
        # the search the list shows (for fetching more of its hits), and which one it is
        self.last_search: tuple[str, Filters, str] | None = None
        self.generation = 0
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        self.go = QPushButton()
        self.go.setObjectName("searchButton")
        self.go.clicked.connect(self.run)
        self.klass = QComboBox()
        self.klass.setObjectName("searchClass")
        self.klass.currentIndexChanged.connect(self._class_changed)
        self.business = QComboBox()
        self.business.setObjectName("searchBusinessType")
        self.year_from = QSpinBox()
        self.year_to = QSpinBox()
        for box in (self.year_from, self.year_to):
            box.setRange(0, 2100)
            box.setSpecialValueText("—")
            box.setValue(0)
        self.entity = QLineEdit()
        self.entity.setObjectName("searchEntity")
        self.entity.returnPressed.connect(self.run)
        self.sort = QComboBox()
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.itemActivated.connect(self._open)
        self.results.itemDoubleClicked.connect(self._open)
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._hit_menu)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.more = QPushButton()
        self.more.setObjectName("searchMore")
        self.more.clicked.connect(self.load_more)
        self.more.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.go)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        years = QHBoxLayout()
        years.addWidget(self.year_from, 1)
        self.dash = QLabel("–")
        years.addWidget(self.dash)
        years.addWidget(self.year_to, 1)
        self.form_labels = [QLabel() for _ in range(5)]
        form.addRow(self.form_labels[0], self.klass)
        form.addRow(self.form_labels[1], self.business)
        form.addRow(self.form_labels[2], years)
        form.addRow(self.form_labels[3], self.entity)
        form.addRow(self.form_labels[4], self.sort)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more)
        self.scheme: list[dict[str, Any]] = []
        self.retranslate()
        self.reload_filters()

    def reload_filters(self) -> None:
        self.scheme = browse.scheme_table(self.archive)
        chosen = self.klass.currentData()
        self.klass.blockSignals(True)
        self.klass.clear()
        self.klass.addItem(self.tr("全部类别"), None)
        for entry in self.scheme:
            self.klass.addItem(f"{entry['code']} {entry['name']}", entry["code"])
        index = self.klass.findData(chosen)
        self.klass.setCurrentIndex(max(0, index))
        self.klass.blockSignals(False)
        self._class_changed()

    def _class_changed(self) -> None:
        code = self.klass.currentData()
        chosen = self.business.currentData()
        self.business.clear()
        self.business.addItem(self.tr("全部业务类型"), None)
        for entry in self.scheme:
            if code is None or entry["code"] == code:
                for bt in entry["business_types"]:
                    self.business.addItem(bt["name"], bt["name"])
        self.business.setCurrentIndex(max(0, self.business.findData(chosen)))

    def filters(self) -> Filters:
        start, end = self.year_from.value() or None, self.year_to.value() or None
        if start and end and start > end:
            start, end = end, start
        return Filters(
            class_code=self.klass.currentData(),
            year_from=start,
            year_to=end,
            business_type=self.business.currentData(),
            entity=self.entity.text().strip() or None,
        )

    def run(self) -> None:
        text = self.query.text().strip()
        filters = self.filters()
        sort = str(self.sort.currentData() or "score")
        self.go.setEnabled(False)
        self.more.setEnabled(False)
        self.summary.setText(self.tr("正在检索…"))
        self.generation += 1
        generation = self.generation

        def work(_ctx: TaskContext) -> tuple[int, list[SearchHit]]:
            return search(self.archive, text, filters, limit=PAGE, sort=sort)

        def done(result: object) -> None:
            self.go.setEnabled(True)
            if isinstance(result, tuple) and generation == self.generation:
                total, hits = result
                self.last_search = (text, filters, sort)
                self.show_hits(int(total), list(hits), query_words(text))

        def failed(exc: BaseException, details: str) -> None:
            self.go.setEnabled(True)
            self.more.setEnabled(True)
            self.summary.setText("")
            errors.show_error(self, exc, details)

        self.runner.submit(self.tr("检索"), work, on_done=done, on_error=failed)

    def load_more(self) -> None:
        """The next page of the shown search's hits, added below those in the list."""
        if self.last_search is None or len(self.hits) >= self.total:
            return
        text, filters, sort = self.last_search
        offset, generation = len(self.hits), self.generation
        self.more.setEnabled(False)
        self.summary.setText(self.tr("正在检索…"))

        def work(_ctx: TaskContext) -> tuple[int, list[SearchHit]]:
            return search(self.archive, text, filters, limit=PAGE, sort=sort, offset=offset)

        def done(result: object) -> None:
            self.more.setEnabled(True)
            if (
                isinstance(result, tuple)
                and generation == self.generation
                and offset == len(self.hits)
            ):
                total, hits = result
                self.total = int(total)
                self._add_hits(list(hits))
            self._summary()

        def failed(exc: BaseException, details: str) -> None:
            self.more.setEnabled(True)
            self._summary()
            errors.show_error(self, exc, details)

        self.runner.submit(self.tr("检索"), work, on_done=done, on_error=failed)

    def show_hits(self, total: int, hits: list[SearchHit], words: list[str]) -> None:
        self.total, self.hits, self.last_words = total, [], words
        self.results.clear()
        self._add_hits(hits)
        self._summary()

    def _add_hits(self, hits: list[SearchHit]) -> None:
        known = {hit.number for hit in self.hits}
        for hit in hits:
            if hit.number in known:  # the index changed between two pages
                continue
            self.hits.append(hit)
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            widget = HitWidget(hit, self.tr("第{page}页").format(page=hit.page) if hit.page else "")
            self.results.addItem(item)
            self.results.setItemWidget(item, widget)
            width = max(200, self.results.viewport().width() - 8)
            item.setSizeHint(_hint(widget, width))

    def _summary(self) -> None:
        left = max(0, self.total - len(self.hits))
        self.more.setVisible(left > 0)
        self.more.setEnabled(True)
        self.more.setText(
            self.tr("显示更多（再显示 {count} 件，共 {total} 件）").format(
                count=min(PAGE, left), total=self.total
            )
        )
        if not self.hits and not self.total:
            self.summary.setText(self.tr("没有找到") if self.last_words else "")
            return
        shown = len(self.hits)
        text = self.tr("找到 {total} 件").format(total=self.total)
        if shown < self.total:
            text += self.tr("，已显示 {shown} 件").format(shown=shown)
        self.summary.setText(text)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        width = max(200, self.results.viewport().width() - 8)
        for row in range(self.results.count()):
            item = self.results.item(row)
            widget = self.results.itemWidget(item)
            if widget is not None:
                item.setSizeHint(_hint(widget, width))

    def _open(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.hit_opened.emit(hit.number, hit.page or 0, self.last_words)

    def _hit_menu(self, pos: Any) -> None:
        """A hit's context menu: 一人一档… of the item's person or unit."""
        from PySide6.QtWidgets import QMenu

        item = self.results.itemAt(pos)
        hit = item.data(HIT_ROLE) if item is not None else None
        if not isinstance(hit, SearchHit):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("一人一档…"), lambda: self.open_person_file(hit.number))
        menu.exec(self.results.viewport().mapToGlobal(pos))

    def open_person_file(self, number: str) -> None:
        """The person file of item `number`'s person or unit (ui/use/person_view.py)."""
        from archivist.access.person_file import item_person_query
        from ui.use.person_view import open_person_file

        try:
            query = item_person_query(self.archive, number)
        except Exception as exc:
            errors.show_error(self, exc)
            return
        open_person_file(self, self.archive, query)

    def retranslate(self) -> None:
        self.query.setPlaceholderText(self.tr("输入姓名、身份证号、单位或文件中的文字"))
        self.go.setText(self.tr("检索"))
        for label, text in zip(
            self.form_labels,
            (
                self.tr("类别"),
                self.tr("业务类型"),
                self.tr("年度"),
                self.tr("单位/个人"),
                self.tr("排序"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.entity.setPlaceholderText(self.tr("名称的一部分"))
        current = self.sort.currentData()
        self.sort.clear()
        self.sort.addItem(self.tr("相关度"), "score")
        self.sort.addItem(self.tr("办结日期"), "completed_on")
        self.sort.setCurrentIndex(max(0, self.sort.findData(current)))
        if self.klass.count():
            self.klass.setItemText(0, self.tr("全部类别"))
        if self.business.count():
            self.business.setItemText(0, self.tr("全部业务类型"))
        self._summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _hint(widget: QWidget, width: int) -> Any:
    from PySide6.QtCore import QSize

    height = (
        widget.heightForWidth(width) if widget.hasHeightForWidth() else widget.sizeHint().height()
    )
    return QSize(width, max(height, widget.sizeHint().height()) + 4)
