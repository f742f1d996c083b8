"""One test per workflow of the window (issue 4), offscreen, through the same core
services as the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog

from archivist.access import browse
from archivist.archive import Archive
from archivist.arrangement import items
from archivist.formats.fonts import find_cjk_font, preferred_face_index
from archivist.preferences import Preferences

from ..conftest import ID_LI, ID_ZHANG, ROOT, make_jpeg, make_pdf
from .conftest import capture_sample


def idle(qtbot: Any, win: Any, timeout: int = 30000) -> None:
    qtbot.waitUntil(lambda: not win.runner.busy(), timeout=timeout)


def test_browse_tree_table_detail_and_pages(qtbot: Any, window: Any, tmp_path: Path) -> None:
    archive = window.archive
    capture_sample(
        archive,
        tmp_path / "drop-2",
        completed_on="2022-03-04",
        title="李四失业保险金申领",
        entity={"kind": "person", "name": "李四", "id_number": ID_LI},
        roster=["李四"],
        materials=[{"file": "a.pdf", "role": "form", "title": "登记表"}],
    )
    window.refresh()  # the table reads its ids on a worker thread
    assert window.model.loading and window.count_label.text() == "读取中…"
    idle(qtbot, window)
    assert window.model.rowCount() == 2 and window.count_label.text() == "2 件"
    classes = window.nav.root
    assert classes.child(0).text(0).startswith("SY") and classes.child(0).text(1) == "2"
    # the tree loads years when opened; choosing one filters the table in the database
    window.nav.expandItem(classes.child(0))
    year_2022 = next(
        classes.child(0).child(i)
        for i in range(classes.child(0).childCount())
        if classes.child(0).child(i).text(0) == "2022年"
    )
    window.nav.setCurrentItem(year_2022)
    idle(qtbot, window)
    assert window.model.rowCount() == 1
    assert window.detail.heading.text().startswith("2022-SY-")
    window.nav.setCurrentItem(classes)
    # sorting by a column re-queries the ids
    window.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    idle(qtbot, window)
    assert window.model.item(0).completed_on == "2023-05-12"
    window.select_item(window.model.item(0).number)
    # the detail lists the materials in order with the reason for each position
    materials = window.detail.materials
    assert materials.rowCount() == 3
    assert materials.item(0, 1).text() == "失业保险金申领登记表"
    assert "业务表单" in materials.item(0, 5).text()
    assert "名册第1人" in materials.item(1, 5).text()
    assert window.detail.history.item(0, 3).text() == "采集"
    # the page viewer shows pages with thumbnails
    window.select_item(window.model.item(0).number, page=2, show_pages=True)
    idle(qtbot, window)
    assert window.viewer.thumbs.count() == 4
    qtbot.waitUntil(lambda: window.viewer.loaded is not None, timeout=10000)
    assert window.viewer.loaded.ref.item_page == 2
    assert not window.viewer.view.pixmap_item.pixmap().isNull()
    window.viewer.view.zoom(2.0)
    window.viewer.view.rotate_view()
    assert window.viewer.view.rotation == 90 and not window.viewer.view.fit_width
    # a quick filter on the table, in the database
    window.filter.setText("李四")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)


def test_capture_with_reorder(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from ui.capture_dialog import CaptureDialog

    folder = tmp_path / "扫描 文件"  # Chinese and a space, as on Windows desktops
    folder.mkdir()
    form = make_pdf(folder / "登记表.pdf", pages=1)
    card = make_jpeg(folder / "身份证复印件.jpg", seed=3)
    proof = make_jpeg(folder / "解除劳动合同证明.jpg", seed=4)
    dialog = CaptureDialog(window.archive, window.runner, window, files=[card, form, proof])
    qtbot.addWidget(dialog)
    dialog.set_class("SY", "失业保险金申领")
    dialog.entity.setText("王五")
    # the check digit is validated as you type
    dialog.identifier.setText(ID_ZHANG[:-1] + "1")
    assert dialog.identifier_state.text().startswith("✗") and "校验码" in dialog.problem_text()
    dialog.identifier.setText("110105198001010016")
    assert dialog.identifier_state.text() == "✓ 校验码正确"
    # the form was added second: the rules put it first, with reasons
    roles = {d.path.name: d.role for d in dialog.drafts}
    assert roles["身份证复印件.jpg"] == "form"  # the first file added defaults to the form
    dialog.set_material(0, role="voucher", importance="secondary")
    dialog.set_material(1, role="form")
    assert [dialog.drafts[i].path.name for i in dialog.current_order()] == [
        "登记表.pdf",
        "解除劳动合同证明.jpg",
        "身份证复印件.jpg",
    ]
    assert "业务表单" in dialog.order.item(0).text()
    # drag the ID card before the proof: the dialog asks for the reason
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("按收件顺序", True)))
    moved = dialog.order.model().moveRow(QModelIndex(), 2, QModelIndex(), 1)
    if moved:
        qtbot.waitUntil(lambda: dialog.override is not None, timeout=3000)
    else:  # a style that cannot move rows programmatically: same handler as a drop
        dialog.override_order([1, 0, 2])
    assert dialog.override == [1, 0, 2] and dialog.override_reason == "按收件顺序"
    assert "人工调整" in dialog.order.item(1).text()
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=20000)  # files checked on adding
    assert dialog.problem_text() == ""
    with qtbot.waitSignal(dialog.captured, timeout=30000) as signal:
        dialog.save()
    number = signal.args[0]
    view = items.show(window.archive, number)
    assert [m["original_name"] for m in view["materials"]] == [
        "登记表.pdf",
        "身份证复印件.jpg",
        "解除劳动合同证明.jpg",
    ]
    assert view["order_override"] == "按收件顺序"
    assert [e["action"] for e in view["history"]] == ["item.capture", "item.reorder"]
    assert (window.archive.root / view["materials"][0]["file"]).is_file()


def test_capture_error_shown_in_chinese(
    qtbot: Any,
    window: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bad file is refused in Chinese on its row as soon as it is added; a file that
    goes bad after its check is refused by capture, on its row too, not in a modal."""
    from PySide6.QtWidgets import QMessageBox

    from ui.capture_dialog import CHECK_COLUMN, CaptureDialog

    monkeypatch.setattr(  # closing the filled dialog at the end: discard
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    )
    folder = tmp_path / "bad"
    folder.mkdir()
    fake = folder / "表.pdf"
    fake.write_bytes(b"not a pdf at all")
    dialog = CaptureDialog(window.archive, window.runner, window, files=[fake])
    qtbot.addWidget(dialog)
    dialog.set_class("SY", "失业保险金申领")
    dialog.entity.setText("王五")
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=20000)
    marked = dialog.table.item(0, CHECK_COLUMN).text()
    assert "表.pdf" in marked and "损坏" in marked and "表.pdf" in dialog.problem_text()
    dialog.save()  # refused before anything runs
    assert not dialog.busy and shown_errors == []
    dialog.table.selectRow(0)
    dialog.remove_selected()
    form = make_pdf(folder / "登记表.pdf", pages=1)
    dialog.add_files([form])
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=20000)
    assert dialog.problem_text() == ""
    form.unlink()  # gone after its check
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert shown_errors == []
    assert dialog.drafts[0].check == "bad" and "文件不存在" in dialog.problem_text()
    assert "登记表.pdf" in dialog.table.item(0, CHECK_COLUMN).text()
    assert len(browse.item_ids(window.archive, browse.ItemQuery())) == 1  # only the sample


def _text_page(path: Path, text: str) -> Path:
    font_path = find_cjk_font()
    font = ImageFont.truetype(str(font_path), 56, index=preferred_face_index(font_path))
    image = Image.new("L", (1400, 500), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(text.split("\n")):
        draw.text((60, 60 + row * 110), line, fill=0, font=font)
    image.save(path)
    return path


def test_ocr_queue_then_search_opens_the_hit_page(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """Real Tesseract: the queue runs off the UI thread, a blank page fails with its
    reason, and a search hit opens on its page with the words highlighted."""
    folder = tmp_path / "ocr"
    folder.mkdir()
    make_pdf(folder / "a.pdf", pages=1)
    _text_page(folder / "证明.png", "解除劳动合同证明\n兹证明张三已解除合同")
    Image.new("L", (900, 600), 255).save(folder / "blank.jpg")
    number = capture_sample(
        window.archive,
        folder,
        materials=[
            {"file": "a.pdf", "role": "form", "title": "失业保险金申领登记表"},
            {"file": "证明.png", "role": "voucher", "person": "张三", "title": "解除劳动合同证明"},
            {"file": "blank.jpg", "role": "voucher", "person": "李四", "title": "身份证复印件"},
        ],
    )
    window.refresh()
    window.show_ocr()
    panel = window.ocr
    qtbot.waitUntil(lambda: panel.start.isEnabled(), timeout=10000)
    panel.run()
    assert panel.running() and window.work_label.text() != "空闲"
    qtbot.waitUntil(lambda: not panel.running(), timeout=90000)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: panel.failures.rowCount() >= 1, timeout=10000)
    reasons = [panel.failures.item(r, 3).text() for r in range(panel.failures.rowCount())]
    assert any("空白页" in r for r in reasons)
    assert panel.retry.isEnabled()

    window.search.query.setText("劳动合同")
    window.search.run()
    idle(qtbot, window)
    assert window.search.results.count() >= 1
    hit = window.search.hits[0]
    assert hit.number == number and hit.page == 2 and "【" in hit.snippet
    window.search._open(window.search.results.item(0))
    idle(qtbot, window)
    qtbot.waitUntil(
        lambda: window.viewer.loaded is not None and window.viewer.loaded.ref.item_page == 2,
        timeout=10000,
    )
    assert window.tabs.currentWidget() is window.viewer
    assert window.viewer.view.marks, "the hit is highlighted on the page"
    assert "劳动合同" in window.viewer.text.toPlainText()
    assert window.viewer.text.extraSelections()


def test_hot_folder_arrival_and_quarantine(qtbot: Any, archive: Archive, tmp_path: Path) -> None:
    from archivist.capture.hotfolder import REASON_FILE
    from ui.main_window import MainWindow

    from ..conftest import write_manifest

    hot = tmp_path / "热 文件夹"
    prefs = Preferences(hot_folder=str(hot))
    win = MainWindow(archive, prefs, watch_hot_folder=True, auto_ocr=False)
    qtbot.addWidget(win)
    win.hot.timer.setInterval(100)
    win.hot.timer.start()
    assert (hot / "已采集").is_dir() and (hot / "隔离").is_dir()
    write_manifest(hot / "站1-001")
    bad = write_manifest(hot / "站1-002")
    data = json.loads(bad.read_text(encoding="utf-8"))
    data["completed_on"] = "2099-01-01"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignals([win.hot.captured, win.hot.quarantined], timeout=30000):
        pass
    idle(qtbot, win)
    assert len(win.hot.outcomes) == 2
    captured = next(o for o in win.hot.outcomes if o.status == "captured")
    assert captured.number is not None and win.model.rowCount() == 1
    assert (hot / "已采集" / f"{captured.number} 站1-001" / "manifest.json").is_file()
    reason = (hot / "隔离" / "站1-002" / REASON_FILE).read_text(encoding="utf-8")
    assert "2099-01-01" in reason
    assert sorted(p.name for p in hot.iterdir()) == ["已采集", "隔离"]
    assert win.hot.log.count() == 2
    win.close()


def test_settings_change(qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    window.open_settings()
    dialog = window.settings_dialog
    # the classification scheme: edit a retention period in the table, with a reason
    from ui.reason_dialog import ReasonDialog

    def answer(self: ReasonDialog) -> int:
        self.reason.setText("机构决定延长")
        return int(ReasonDialog.DialogCode.Accepted)

    monkeypatch.setattr(ReasonDialog, "exec", answer)
    row = next(
        r
        for r in range(dialog.scheme.rowCount())
        if dialog.scheme.item(r, 0).text() == "SY" and dialog.scheme.item(r, 2).text() == "失业登记"
    )
    with qtbot.waitSignal(dialog.applied, timeout=20000):
        dialog.scheme.item(row, 3).setText("D30")
    scheme = {c["code"]: c for c in browse.scheme_table(window.archive)}
    types = {bt["name"]: bt for bt in scheme["SY"]["business_types"]}
    assert types["失业登记"]["retention"] == "D30"
    # per-user preferences: OCR, the hot folder, the language
    window.hot.enabled = True  # the fixture's window does not watch; let it start on change
    dialog.workers.setValue(3)
    dialog.languages.setText("chi_sim+eng")
    dialog.hot_folder.setText(str(tmp_path / "热文件夹"))
    # archive-wide settings are the system administrator's: shown read-only here
    assert dialog.category.isReadOnly() and "系统管理员" in dialog.category.toolTip()
    with qtbot.waitSignal(dialog.applied, timeout=5000) as signal:
        dialog.apply()
    assert {"ocr_workers", "ocr_languages", "hot_folder"} <= set(signal.args[0])
    saved = Preferences.load()
    assert (saved.ocr_workers, saved.ocr_languages) == (3, "chi_sim+eng")
    assert saved.hot_folder == str(tmp_path / "热文件夹")
    assert window.ocr.settings().languages == "chi_sim+eng"
    idle(qtbot, window)
    assert window.hot.folder is not None  # the main window restarted the hot folder


def test_settings_choose_the_ocr_engine(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog.engine.currentData() == "tesseract"
    assert dialog.engine.itemText(0) == "Tesseract（默认）"
    rapid = dialog.engine.findData("rapidocr")
    assert dialog.engine.model().item(rapid).isEnabled()  # installed with the dev tools
    dialog.engine.setCurrentIndex(rapid)
    with qtbot.waitSignal(dialog.applied, timeout=5000) as signal:
        dialog.apply()
    assert "ocr_engine" in signal.args[0]
    assert Preferences.load().ocr_engine == "rapidocr"
    assert window.ocr.settings().engine == "rapidocr"  # the OCR panel's next run uses it
    dialog.close()
    # without the package the entry is shown but disabled, its tooltip says how to install
    monkeypatch.setitem(sys.modules, "rapidocr", None)
    window.prefs.ocr_engine = "tesseract"
    window.open_settings()
    dialog = window.settings_dialog
    item = dialog.engine.model().item(rapid)
    assert not item.isEnabled()
    assert 'pip install "archivist[rapidocr]"' in item.toolTip()
    assert dialog.engine.currentData() == "tesseract"
    dialog.close()


def test_language_switch(qtbot: Any, window: Any) -> None:
    from ui.i18n import translations

    assert window.commands["capture"].text() == "采集…"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "件号"
    reason_zh = window.detail.materials.item(0, 5).text()
    translations.apply("en")
    qtbot.waitUntil(lambda: window.commands["capture"].text() == "Capture…", timeout=3000)
    assert window.menus["file"].title() == "&File"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Number"
    assert window.tabs.tabText(1) == "Pages"
    assert window.search.go.text() == "Search"
    assert window.nav.root.text(0) == "All records"
    # the core's own sentences follow: the order reasons are in English now
    reason_en = window.detail.materials.item(0, 5).text()
    assert reason_en != reason_zh and "form" in reason_en.lower()
    translations.apply("zh")
    qtbot.waitUntil(lambda: window.commands["capture"].text() == "采集…", timeout=3000)


def test_translation_is_complete_and_in_sync(tmp_path: Path) -> None:
    """Every string of ui/*.py is in the English .ts, translated, and it compiles."""
    from ui.i18n import I18N_DIR, build_qm, ts_file

    sys.path.insert(0, str(ROOT / "scripts"))
    from build_translations import lupdate_program, sources

    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate_program(), "-silent", "-locations", "none", *sources(), "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
    )

    def messages(path: Path) -> set[tuple[str, str]]:
        import xml.etree.ElementTree as ET

        root = ET.parse(path).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
        }

    assert messages(fresh) <= messages(ts_file("en")), "run scripts/build_translations.py --update"
    text = ts_file("en").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert build_qm(ts_file("en"), tmp_path / "en.qm")
    assert I18N_DIR.is_dir()


def test_smoke_mode(archive: Archive, tmp_path: Path) -> None:
    capture_sample(archive, tmp_path / "drop")
    shot = tmp_path / "smoke.png"
    config = tmp_path / "config"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "ui", "--archive", str(archive.root), "--smoke"),
            *("--screenshot", str(shot), "--size", "1280x720"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            **__import__("os").environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(config),
        },
    )
    assert result.returncode == 0, result.stderr
    assert "1 items" in result.stdout and shot.stat().st_size > 10000
    # the window fits a 1280x720 screen: nothing forces it taller or wider
    assert "rendered 1280x720" in result.stdout
    # a smoke run leaves the user's saved window layout alone
    assert not list(config.rglob("Archivist.conf"))
    missing = subprocess.run(
        [sys.executable, "-m", "ui", "--archive", str(tmp_path / "nowhere"), "--smoke"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert missing.returncode == 1 and "档案库不存在" in missing.stderr


def test_pyside_keeps_none_alive() -> None:
    """PySide6 6.12.0 released None on every QVariant conversion (a crash under
    Python 3.11); pyproject keeps such a release out."""
    from PySide6.QtWidgets import QComboBox

    combo = QComboBox()
    combo.addItem("a", None)
    before = sys.getrefcount(None)
    for _ in range(200):
        combo.itemData(0)
    assert sys.getrefcount(None) - before >= -5


@pytest.mark.parametrize("value", ["", "11010519", ID_ZHANG, ID_ZHANG[:-1] + "1"])
def test_id_check_as_you_type(value: str) -> None:
    from ui.capture_dialog import check_identifier

    ok, message = check_identifier("person", value)
    expected = {0: None, 8: None, 18: value == ID_ZHANG}[len(value)]
    assert ok is expected
    if ok is False:
        assert "校验码错误" in message


def test_a_damaged_page_is_said_in_place(
    qtbot: Any, window: Any, shown_errors: list[tuple[str, str]]
) -> None:
    """A stored file damaged on disk: its page shows a sentence where the page would be
    (no error dialog), the other pages and their thumbnails still show."""
    archive = window.archive
    idle(qtbot, window)
    number = window.model.item(0).number
    pages = browse.item_pages(archive, number)
    damaged = next(p for p in pages if p.media_type == "image/jpeg")
    damaged.path.write_bytes(damaged.path.read_bytes()[:200])  # cut short on disk
    window.select_item(number, page=damaged.item_page, show_pages=True)
    idle(qtbot, window)
    viewer = window.viewer
    qtbot.waitUntil(lambda: "无法显示" in viewer.text_label.text(), timeout=10000)
    assert f"第 {damaged.item_page} 页无法显示" in viewer.text_label.text()
    assert shown_errors == []
    assert viewer.thumbs.count() == len(pages)
    other = next(p for p in pages if p.item_page != damaged.item_page)
    viewer.go_to(other.item_page)
    qtbot.waitUntil(lambda: viewer.loaded is not None, timeout=10000)
    assert viewer.loaded is not None and not viewer.loaded.image.isNull()
