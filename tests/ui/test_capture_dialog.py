"""The capture dialog as a clerk sees it: the live order panel is checked by what is
drawn on the (offscreen) screen, files are checked the moment they are added, the
dialog fits small screens, a filled dialog is not thrown away by Escape, and
refusals appear next to the field they concern."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox, QWidget

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.messages import set_language
from ui.capture_dialog import CHECK_COLUMN, CaptureDialog
from ui.tasks import TaskRunner

from ..conftest import make_encrypted_pdf, make_jpeg, make_pdf, make_png

ID_WANG = "110105198001010016"

RAW_LIBRARY_TEXTS = (
    "trailer",
    "unknown",
    "truncated",
    "Permission denied",
    "cannot identify",
    "xref",
    "EOF",
)


@pytest.fixture(autouse=True)
def discard_when_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A filled dialog asks before it is closed; at the end of a test the answer is
    to discard (tests that look at the question patch it themselves)."""
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Discard),
    )


@pytest.fixture
def dialog(qtbot: Any, archive: Archive) -> Iterator[CaptureDialog]:
    QSettings().remove("capture")
    runner = TaskRunner()
    dlg = CaptureDialog(archive, runner, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    yield dlg
    runner.wait()
    QSettings().remove("capture")


def on_screen(widget: QWidget) -> QImage:
    """What the screen shows of `widget` now (the window's backing store, not a fresh
    render)."""
    top = widget.window()
    shot = QApplication.primaryScreen().grabWindow(top.winId()).toImage()
    corner = widget.mapTo(top, QPoint(0, 0))
    part = shot.copy(corner.x(), corner.y(), widget.width(), widget.height())
    return part.convertToFormat(QImage.Format.Format_RGB32)


def dark_pixels(image: QImage) -> int:
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if QColor(image.pixel(x, y)).lightness() < 110
    )


def assert_order_drawn(qtbot: Any, dialog: CaptureDialog) -> None:
    """The order panel on screen shows exactly the current order: every row laid out,
    tall enough for its text, none overlapping another, and the pixels on screen are
    those a fresh paint of the current rows gives."""
    qtbot.wait(30)  # let pending layouts and paints run, as the event loop would
    view = dialog.order
    assert view.isVisible()
    titles = [dialog.drafts[i].title for i in dialog.current_order()]
    shown = [view.item(r).text().split("\n")[0] for r in range(view.count())]
    assert shown == [f"{n}. {t}" for n, t in enumerate(titles, start=1)]
    rects = [view.visualItemRect(view.item(r)) for r in range(view.count())]
    viewport = view.viewport().rect()
    for row, rect in enumerate(rects):
        assert rect.isValid() and not rect.isEmpty(), f"row {row + 1} is not laid out"
        hint = view.sizeHintForIndex(view.model().index(row, 0))
        assert rect.height() >= hint.height(), f"row {row + 1} is cut off"
        assert rect.intersects(viewport) or row > 0
    for upper, lower in itertools.pairwise(rects):
        assert upper.bottom() < lower.top(), "two rows drawn over each other"
    screen = on_screen(view.viewport())
    fresh = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert screen == fresh, "the screen still shows an older order"
    if titles:
        assert dark_pixels(screen) > 100, "the order panel is blank"


def three_files(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [
        make_pdf(folder / "登记表.pdf", pages=1),
        make_jpeg(folder / "身份证复印件.jpg", seed=3),
        make_jpeg(folder / "解除劳动合同证明.jpg", seed=4),
    ]


def as_if_a_splitter_were_dragged(qtbot: Any, dialog: CaptureDialog) -> None:
    """What clerks did to make the panel show: the view lays out and repaints."""
    dialog.order.doItemsLayout()
    dialog.order.viewport().repaint()
    qtbot.wait(30)


def wait_checked(qtbot: Any, dialog: CaptureDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=20000)


# -- point 2: the live order panel -------------------------------------------------------


def test_order_panel_drawn_after_files_are_added(
    qtbot: Any, dialog: CaptureDialog, tmp_path: Path
) -> None:
    assert_order_drawn(qtbot, dialog)
    dialog.add_files(three_files(tmp_path / "scans"))
    assert_order_drawn(qtbot, dialog)
    # and again when more come
    dialog.add_files([make_png(tmp_path / "scans" / "补充.png", seed=5)])
    assert_order_drawn(qtbot, dialog)


def test_order_panel_after_reorder_with_empty_reason(
    qtbot: Any, dialog: CaptureDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.add_files(three_files(tmp_path / "scans"))
    dialog.set_material(1, importance="secondary")
    as_if_a_splitter_were_dragged(qtbot, dialog)
    assert_order_drawn(qtbot, dialog)
    before = dialog.current_order()

    def no_reason(*_args: Any, **_kwargs: Any) -> tuple[str, bool]:
        # the question is a modal dialog: the window repaints while it is open
        for _ in range(5):
            QApplication.processEvents()
            qtbot.wait(10)
        return "", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(no_reason))
    # the form dragged to the end, as a drop does it
    assert dialog.order.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    qtbot.wait(50)
    assert dialog.override is None and dialog.current_order() == before
    assert_order_drawn(qtbot, dialog)
    # a reason given: the new order is drawn with the reason
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("按收件顺序", True)))
    assert dialog.order.model().moveRow(QModelIndex(), 2, QModelIndex(), 1)
    qtbot.waitUntil(lambda: dialog.override is not None, timeout=3000)
    assert_order_drawn(qtbot, dialog)
    assert "按收件顺序" in dialog.order.item(1).text()


def test_order_panel_after_a_file_is_removed(
    qtbot: Any, dialog: CaptureDialog, tmp_path: Path
) -> None:
    dialog.add_files(three_files(tmp_path / "scans"))
    as_if_a_splitter_were_dragged(qtbot, dialog)
    assert_order_drawn(qtbot, dialog)
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert [d.path.name for d in dialog.drafts] == ["身份证复印件.jpg", "解除劳动合同证明.jpg"]
    assert_order_drawn(qtbot, dialog)
    dialog.table.selectRow(1)
    dialog.remove_selected()
    assert_order_drawn(qtbot, dialog)
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert dialog.order.count() == 0
    assert_order_drawn(qtbot, dialog)
    assert dark_pixels(on_screen(dialog.order.viewport())) == 0


# -- point 3: files checked when they are added ------------------------------------------


def bad_files(folder: Path) -> dict[str, str]:
    """Files capture refuses, with the catalogue code each gets."""
    folder.mkdir(exist_ok=True)
    (folder / "空白.pdf").write_bytes(b"")
    whole = make_pdf(folder / "whole.pdf", pages=2).read_bytes()
    (folder / "半截.pdf").write_bytes(whole[: len(whole) // 2])
    (folder / "whole.pdf").unlink()
    make_encrypted_pdf(folder / "加密.pdf")
    photo = make_jpeg(folder / "photo.jpg", size=(800, 600)).read_bytes()
    (folder / "截断.jpg").write_bytes(photo[: len(photo) // 3])
    (folder / "photo.jpg").unlink()
    (folder / "不是图.jpg").write_bytes(b"hello, this is just text\n" * 20)
    png = make_png(folder / "p.png", seed=2)
    png.rename(folder / "其实是PNG.pdf")
    return {
        "空白.pdf": "file.empty",
        "半截.pdf": "file.pdf_corrupt",
        "加密.pdf": "file.pdf_encrypted",
        "截断.jpg": "file.image_corrupt",
        "不是图.jpg": "file.content_unknown",
        "其实是PNG.pdf": "file.type_mismatch",
    }


def visible_texts(dialog: CaptureDialog) -> str:
    cells = [
        dialog.table.item(r, c).text()
        for r in range(dialog.table.rowCount())
        for c in range(dialog.table.columnCount())
        if dialog.table.item(r, c) is not None
    ]
    return "\n".join([*cells, dialog.problem.text(), *dialog.field_problems().values()])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_files_are_checked_when_added_and_all_problems_listed(
    qtbot: Any, dialog: CaptureDialog, tmp_path: Path, lang: str
) -> None:
    from ui.i18n import translations

    translations.apply(lang)
    set_language(lang)
    folder = tmp_path / "in"
    expected = bad_files(folder)
    good = make_pdf(folder / "登记表.pdf", pages=1)
    dialog.add_files([good, *(folder / name for name in expected)])
    wait_checked(qtbot, dialog)
    by_name = {d.path.name: d for d in dialog.drafts}
    assert by_name["登记表.pdf"].check == "ok"
    problem = dialog.problem.text()
    for name, code in expected.items():
        draft = by_name[name]
        assert draft.check == "bad", name
        assert isinstance(draft.problem, ArchivistError) and draft.problem.code == code
        row = dialog.drafts.index(draft)
        marked = dialog.table.item(row, CHECK_COLUMN).text()
        assert marked.startswith("✗") and name in marked  # the reason, on its row
        assert name in problem  # and every problem listed together
        assert dialog.file_problem(draft) == draft.problem.message(lang)
    assert problem.count("•") == len(expected)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    shown = visible_texts(dialog)
    for raw in RAW_LIBRARY_TEXTS:
        assert raw.lower() not in shown.lower(), raw
    if lang == "zh":
        assert "文件为空" in shown and "已加密" in shown and "损坏或不完整" in shown
    else:
        assert "The file is empty" in shown and "encrypted" in shown
    # the library's own words stay in the details
    details = dialog.file_problem_details(by_name["截断.jpg"])
    assert "truncated" in details and "file.image_corrupt" in details
    assert "trailer" in dialog.file_problem_details(by_name["半截.pdf"]).lower() or (
        "reason" in dialog.file_problem_details(by_name["半截.pdf"])
    )
    # removing the bad files leaves a dialog that can capture
    for name in expected:
        dialog.table.selectRow([d.path.name for d in dialog.drafts].index(name))
        dialog.remove_selected()
    assert dialog.bad_files() == [] and "不能采集" not in dialog.problem.text()
    translations.apply("zh")
    set_language("zh")


def test_a_file_is_not_reported_twice_after_removal(
    qtbot: Any, dialog: CaptureDialog, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "空白.jpg").write_bytes(b"")
    dialog.add_files([folder / "空白.jpg"])
    dialog.table.selectRow(0)
    dialog.remove_selected()  # removed before its check came back
    qtbot.wait(300)
    dialog.runner.wait()
    qtbot.wait(50)
    assert dialog.drafts == [] and "不能采集" not in dialog.problem.text()


# -- point 4: small screens --------------------------------------------------------------


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 728)])
def test_capture_dialog_fits_a_small_screen(
    qtbot: Any, dialog: CaptureDialog, tmp_path: Path, width: int, height: int
) -> None:
    dialog.add_files(three_files(tmp_path / "scans"))
    available = QRect(0, 0, width, height - 40)  # a 40 px taskbar
    dialog.fit_to_screen(available)
    qtbot.wait(30)
    frame = dialog.frameGeometry()
    assert available.contains(frame), (frame, available)
    assert dialog.height() <= height - 40 and dialog.width() <= width
    # the buttons are inside the dialog and on screen, not under the taskbar
    for button in dialog.buttons.buttons():
        corner = button.mapTo(dialog, QPoint(0, 0))
        rect = QRect(corner, button.size())
        assert button.isVisible() and dialog.rect().contains(rect)
        assert available.contains(rect.translated(dialog.geometry().topLeft()))
    # and the content can shrink that far (what does not fit scrolls)
    assert dialog.minimumSizeHint().height() <= dialog.height()
    assert dialog.minimumSizeHint().width() <= dialog.width()
    assert_order_drawn(qtbot, dialog)


def test_capture_dialog_fits_the_screen_it_opens_on(qtbot: Any, archive: Archive) -> None:
    dlg = CaptureDialog(archive, TaskRunner(), None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    available = dlg.screen().availableGeometry()
    assert dlg.frameGeometry().height() <= available.height()
    assert dlg.frameGeometry().width() <= available.width()


# -- point 8: Escape, the remembered class, refusals next to the field -------------------


def test_escape_on_an_empty_dialog_closes_at_once(
    qtbot: Any, dialog: CaptureDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a)))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []


@pytest.mark.parametrize("how", ["escape", "close", "cancel"])
def test_escape_on_a_filled_dialog_asks_first(
    qtbot: Any, dialog: CaptureDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    dialog.add_files(three_files(tmp_path / "scans"))
    dialog.entity.setText("王五")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))

    def attempt() -> None:
        if how == "escape":
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        elif how == "close":
            dialog.close()
        else:
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    attempt()
    assert dialog.isVisible() and len(dialog.drafts) == 3  # kept: the clerk said no
    attempt()
    assert not dialog.isVisible()
    assert len(asked) == 2 and "放弃" in asked[0]


def test_capture_remembers_the_last_class_and_business_type(
    qtbot: Any, dialog: CaptureDialog, archive: Archive, tmp_path: Path
) -> None:
    first = CaptureDialog(archive, dialog.runner, None)
    qtbot.addWidget(first)
    default = (first.klass.currentData(), first.business.currentData())
    assert default != ("JH", "社会保险监察")
    first.add_files([make_pdf(tmp_path / "表.pdf", pages=1)])
    first.set_class("JH", "社会保险监察")
    first.entity.setText("测试市某某有限公司")
    first.unit_kind.setChecked(True)
    first.entity.setText("测试市某某有限公司")
    wait_checked(qtbot, first)
    assert first.problem_text() == ""
    with qtbot.waitSignal(first.captured, timeout=30000):
        first.save()
    second = CaptureDialog(archive, dialog.runner, None)
    qtbot.addWidget(second)
    assert (second.klass.currentData(), second.business.currentData()) == ("JH", "社会保险监察")
    assert QSettings().value("capture/last_class") == "JH"


def test_a_refusal_appears_next_to_its_field(
    qtbot: Any,
    dialog: CaptureDialog,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
) -> None:
    dialog.add_files([make_pdf(tmp_path / "表.pdf", pages=1)])
    dialog.set_class("SY", "失业保险付款凭证及会计资料")  # kept as an accounting record
    dialog.entity.setText("王五")
    dialog.identifier.setText(ID_WANG)
    wait_checked(qtbot, dialog)
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.field_problems()), timeout=20000)
    assert shown_errors == []  # no red modal
    hint = dialog.field_hints["business"]
    assert "会计档案" in hint.text() and hint.isVisible()
    # next to the field: just under the business type, in the same column
    business = dialog.business.mapTo(dialog, QPoint(0, 0))
    under = hint.mapTo(dialog, QPoint(0, 0))
    assert 0 < under.y() - business.y() < 3 * dialog.business.height()
    assert abs(under.x() - business.x()) < 5
    assert dialog.isVisible() and not dialog.busy
    # choosing another business type clears it
    dialog.set_class("SY", "失业保险金申领")
    assert dialog.field_problems() == {} and not hint.isVisible()


def test_reorder_dialog_says_what_is_missing_under_the_reason(
    qtbot: Any, archive: Archive, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    from ui.reorder_dialog import ReorderDialog

    from .conftest import capture_sample

    number = capture_sample(archive, tmp_path / "drop")
    dialog = ReorderDialog(archive, TaskRunner(), number)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() >= 2
    dialog.save()
    assert dialog.reason_hint.isVisible() and "没有改变" in dialog.reason_hint.text()
    assert dialog.list.model().moveRow(QModelIndex(), dialog.list.count() - 1, QModelIndex(), 0)
    assert not dialog.reason_hint.isVisible()
    dialog.save()
    assert dialog.reason_hint.isVisible() and "理由" in dialog.reason_hint.text()
    assert shown_errors == [] and dialog.isVisible()
    dialog.reason.setText("按收件顺序")
    assert not dialog.reason_hint.isVisible()
    with qtbot.waitSignal(dialog.reordered, timeout=20000):
        dialog.save()
    assert shown_errors == []
