"""The page viewer: thumbnails, the page (zoom, fit width, rotate), the OCR text
beside it, and search hits highlighted on the page and in the text (also where a line
wrapped inside the words). Full ID numbers in the text are shown by need, as in the item
detail: in full to those who need them, masked for everybody else; a search by an ID
number's last digits still marks them. Each page shown is an access event (the core's
page_text)."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QIcon,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archivist.access import browse
from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.search.masking import mask_id_numbers
from archivist.search.tokens import word_spans
from ui import errors
from ui.tasks import TaskContext, TaskRunner

THUMB = QSize(84, 112)
CACHE_PAGES = 24
# thumbnails are decoded at most this size, then scaled smoothly to THUMB
THUMB_DECODE = (THUMB.width() * 2, THUMB.height() * 2)


def to_image(pixels: browse.PagePixels) -> QImage:
    """A QImage from the core's decoded pixels. Safe on a worker thread: no image file is
    decoded here (Qt's decoders probe their plugins, which can deadlock against the main
    thread's signal connections while Python holds the interpreter lock)."""
    if pixels.mode == "1":
        fmt, per_line = QImage.Format.Format_Mono, (pixels.width + 7) // 8
    elif pixels.mode == "L":
        fmt, per_line = QImage.Format.Format_Grayscale8, pixels.width
    else:
        fmt, per_line = QImage.Format.Format_RGB888, pixels.width * 3
    image = QImage(pixels.raw, pixels.width, pixels.height, per_line, fmt)
    if fmt == QImage.Format.Format_Mono:
        image.setColorTable([QColor(0, 0, 0).rgb(), QColor(255, 255, 255).rgb()])
    return image.copy()  # own the bytes


@dataclass
class LoadedPage:
    ref: browse.PageRef
    image: QImage
    text: browse.PageTextView


class PageView(QGraphicsView):
    """The page itself, zoomable with Ctrl+wheel."""

    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor("#5f6368")))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.pixmap_item)
        self.marks: list[QGraphicsRectItem] = []
        self.scale_factor = 1.0
        self.rotation = 0
        self.fit_width = True

    def set_page(self, image: QImage, boxes: list[QRectF]) -> None:
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        for mark in self.marks:
            self.scene().removeItem(mark)
        self.marks = []
        for box in boxes:
            mark = QGraphicsRectItem(box, self.pixmap_item)
            mark.setBrush(QBrush(QColor(255, 200, 0, 90)))
            mark.setPen(QPen(QColor(230, 120, 0), 2))
            self.marks.append(mark)
        self.scene().setSceneRect(self.pixmap_item.sceneBoundingRect())
        self.apply()
        if self.marks:
            self.ensureVisible(self.marks[0], 40, 80)
        else:
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def apply(self) -> None:
        rect = self.pixmap_item.boundingRect()
        if rect.isEmpty():
            return
        self.pixmap_item.setTransformOriginPoint(rect.center())
        self.pixmap_item.setRotation(self.rotation)
        self.scene().setSceneRect(self.pixmap_item.sceneBoundingRect())
        if self.fit_width:
            width = self.pixmap_item.sceneBoundingRect().width()
            available = max(50, self.viewport().width() - 24)
            self.scale_factor = available / width if width else 1.0
        self.setTransform(QTransform.fromScale(self.scale_factor, self.scale_factor))
        self.zoomed.emit(self.scale_factor)

    def zoom(self, factor: float) -> None:
        self.fit_width = False
        self.scale_factor = min(8.0, max(0.05, self.scale_factor * factor))
        self.apply()

    def rotate_view(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        self.apply()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_width:
            self.apply()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)


class PageViewer(QWidget):
    page_changed = Signal(int)

    def __init__(self, archive: Archive, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageViewer")
        self.archive = archive
        self.runner = runner
        self.number: str | None = None
        self.pages: list[browse.PageRef] = []
        self.current = 0  # index into pages
        self.words: list[str] = []
        self.cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.generation = 0
        self.loaded: LoadedPage | None = None

        self.thumbs = QListWidget()
        self.thumbs.setObjectName("thumbnails")
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setFlow(QListView.Flow.TopToBottom)
        self.thumbs.setWrapping(False)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setIconSize(THUMB)
        self.thumbs.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 36))
        self.thumbs.setFixedWidth(THUMB.width() + 44)
        self.thumbs.setUniformItemSizes(True)
        self.thumbs.currentRowChanged.connect(self._thumb_chosen)

        self.view = PageView()
        self.view.zoomed.connect(self._zoomed)
        self.text = QPlainTextEdit()
        self.text.setObjectName("ocrText")
        self.text.setReadOnly(True)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        text_box = QWidget()
        tlayout = QVBoxLayout(text_box)
        tlayout.setContentsMargins(0, 0, 0, 0)
        tlayout.addWidget(self.text_label)
        tlayout.addWidget(self.text, 1)

        def button(name: str, slot: object) -> QToolButton:
            b = QToolButton()
            b.setObjectName(name)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.clicked.connect(slot)
            return b

        self.prev_button = button("prevPage", lambda: self.go_to(self.current))
        self.next_button = button("nextPage", lambda: self.go_to(self.current + 2))
        self.zoom_out = button("zoomOut", lambda: self.view.zoom(1 / 1.25))
        self.zoom_in = button("zoomIn", lambda: self.view.zoom(1.25))
        self.fit = button("fitWidth", self._fit)
        self.rotate = button("rotate", self.view.rotate_view)
        self.position = QLabel()
        self.zoom_label = QLabel()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.position, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit, self.rotate):
            bar.addWidget(widget)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(text_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.split = split
        body = QHBoxLayout()
        body.addWidget(self.thumbs)
        body.addWidget(split, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self.retranslate()
        self._update_bar()

    # -- showing an item -------------------------------------------------------------
    def show_item(self, number: str | None, page: int = 1, words: list[str] | None = None) -> None:
        self.words = [w for w in (words or []) if w]
        if number != self.number:
            self.number = number
            self.pages = browse.item_pages(self.archive, number) if number else []
            self.generation += 1
            self.thumbs.blockSignals(True)
            self.thumbs.clear()
            placeholder = QPixmap(THUMB)
            placeholder.fill(QColor("#e8e8e8"))
            for ref in self.pages:
                item = QListWidgetItem(QIcon(placeholder), self._thumb_text(ref))
                item.setToolTip(f"{ref.material_seq}. {ref.material_title}")
                self.thumbs.addItem(item)
            self.thumbs.blockSignals(False)
            self._load_thumbnails()
            self.current = -1
        if not self.pages:
            self.loaded = None
            self.view.set_page(QImage(), [])
            self.text.setPlainText("")
            self._update_bar()
            return
        self.go_to(page, force=True)

    def go_to(self, item_page: int, *, force: bool = False) -> None:
        if not self.pages:
            return
        index = min(max(item_page, 1), len(self.pages)) - 1
        if index == self.current and not force:
            return
        self.current = index
        self.thumbs.blockSignals(True)
        self.thumbs.setCurrentRow(index)
        self.thumbs.blockSignals(False)
        self._update_bar()
        ref = self.pages[index]
        generation = self.generation
        cached = self.cache.get((ref.material_id, ref.page))

        def load(_ctx: TaskContext) -> LoadedPage:
            image = cached if cached is not None else to_image(browse.page_pixels(ref))
            return LoadedPage(ref, image, browse.page_text(self.archive, ref.material_id, ref.page))

        def shown(result: object) -> None:
            if (
                isinstance(result, LoadedPage)
                and generation == self.generation
                and self.current == index
            ):
                self._show_loaded(result)

        def failed(exc: BaseException, details: str) -> None:
            if generation != self.generation:
                return
            if isinstance(exc, ArchivistError):  # a damaged page: said in place, no dialog
                self.loaded = None
                self.view.set_page(QImage(), [])
                self.text.setPlainText("")
                self.text_label.setText(exc.message())
                return
            errors.show_error(self, exc, details)

        self.runner.submit(self.tr("显示页面"), load, on_done=shown, on_error=failed, quiet=True)

    def _show_loaded(self, page: LoadedPage) -> None:
        self.loaded = page
        key = (page.ref.material_id, page.ref.page)
        self.cache[key] = page.image
        self.cache.move_to_end(key)
        while len(self.cache) > CACHE_PAGES:
            self.cache.popitem(last=False)
        self.view.set_page(page.image, self._boxes(page))
        self._show_text(page.text)
        self.page_changed.emit(page.ref.item_page)

    def _boxes(self, page: LoadedPage) -> list[QRectF]:
        text = page.text
        if not self.words or not text.lines or not text.width or page.image.isNull():
            return []
        sx = page.image.width() / text.width
        sy = page.image.height() / text.height if text.height else sx
        # the lines as one text, so that words wrapped onto the next line are found
        starts, at = [], 0
        for line in text.lines:
            starts.append(at)
            at += len(line.text) + 1
        spans = word_spans("\n".join(line.text for line in text.lines), self.words)
        boxes = []
        for line, start in zip(text.lines, starts, strict=True):
            end = start + len(line.text)
            if any(begin < end and finish > start for begin, finish in spans):
                boxes.append(
                    QRectF(
                        line.left * sx - 3,
                        line.top * sy - 3,
                        line.width * sx + 6,
                        line.height * sy + 6,
                    )
                )
        return boxes

    def _show_text(self, text: browse.PageTextView) -> None:
        if text.status == "pending":
            self.text_label.setText(self.tr("本页尚未识别（识别队列处理后显示文字）"))
        elif text.status == "failed":
            self.text_label.setText(
                self.tr("本页识别失败：{reason}").format(reason=text.error or "")
            )
        elif text.source == "text-layer":
            self.text_label.setText(self.tr("文字来自 PDF 自带的文字层"))
        else:
            self.text_label.setText(self.tr("识别文字（OCR）"))
        # The core masks full ID numbers for a person who does not need them (same length:
        # the words are found in the text as read, marked in the mask); masked here again
        # should a person without the right be shown text from elsewhere.
        person = self.archive.person
        sees = person is not None and person.sees_id_numbers
        self.text.setPlainText(text.text if sees else mask_id_numbers(text.text))
        selections = []
        document = self.text.document()
        for begin, finish in word_spans(text.text, self.words):
            cursor = QTextCursor(document)
            cursor.setPosition(_utf16(text.text, begin))
            cursor.setPosition(_utf16(text.text, finish), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(255, 210, 60))
            selection.format = fmt
            selection.cursor = cursor
            selections.append(selection)
        self.text.setExtraSelections(selections)
        if selections:
            self.text.setTextCursor(selections[0].cursor)
            self.text.ensureCursorVisible()

    def _load_thumbnails(self) -> None:
        refs = list(self.pages)
        generation = self.generation

        def render(ctx: TaskContext) -> list[QImage]:
            out = []
            for ref in refs:
                if ctx.cancel.cancelled or generation != self.generation:
                    break
                try:
                    image = to_image(browse.page_pixels(ref, dpi=40, fit=THUMB_DECODE))
                except ArchivistError:  # a damaged page keeps its placeholder
                    out.append(QImage())
                    continue
                out.append(
                    image.scaled(
                        THUMB,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            return out

        def done(result: object) -> None:
            if generation != self.generation or not isinstance(result, list):
                return
            for row, image in enumerate(result):
                item = self.thumbs.item(row)
                if item is not None and isinstance(image, QImage) and not image.isNull():
                    item.setIcon(QIcon(QPixmap.fromImage(image)))

        self.runner.submit(
            self.tr("生成缩略图"), render, on_done=done, on_error=lambda e, d: None, quiet=True
        )

    # -- controls --------------------------------------------------------------------
    def _thumb_chosen(self, row: int) -> None:
        if row >= 0:
            self.go_to(row + 1)

    def _fit(self) -> None:
        self.view.fit_width = True
        self.view.apply()

    def _zoomed(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)}%")

    def _thumb_text(self, ref: browse.PageRef) -> str:
        return self.tr("第{page}页").format(page=ref.item_page)

    def _update_bar(self) -> None:
        total = len(self.pages)
        shown = self.current + 1 if total and self.current >= 0 else 0
        self.position.setText(self.tr("{page} / {total} 页").format(page=shown, total=total))
        self.prev_button.setEnabled(shown > 1)
        self.next_button.setEnabled(0 < shown < total)
        if total and 0 <= self.current < total:
            ref = self.pages[self.current]
            self.title.setText(
                self.tr("{number}　材料{seq}：{title}（第{page}/{pages}页）").format(
                    number=self.number,
                    seq=ref.material_seq,
                    title=ref.material_title,
                    page=ref.page,
                    pages=ref.pages_in_material,
                )
            )
        else:
            self.title.setText(self.tr("未选择档案"))

    def retranslate(self) -> None:
        self.prev_button.setText(self.tr("上一页"))
        self.next_button.setText(self.tr("下一页"))
        self.zoom_out.setText(self.tr("缩小"))
        self.zoom_in.setText(self.tr("放大"))
        self.fit.setText(self.tr("适合宽度"))
        self.rotate.setText(self.tr("旋转"))
        self.zoom_in.setToolTip(self.tr("放大（Ctrl+滚轮）"))
        for row, ref in enumerate(self.pages):
            item = self.thumbs.item(row)
            if item is not None:
                item.setText(self._thumb_text(ref))
        if self.loaded is not None:
            self._show_text(self.loaded.text)
        else:
            self.text_label.setText(self.tr("识别文字"))
        self._update_bar()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _utf16(text: str, index: int) -> int:
    """A position in Qt's text (UTF-16 units) for a Python string index."""
    return len(text[:index].encode("utf-16-le")) // 2
