"""Registers in the window (登记表…: kind, selection, a preview as printed, export) and
the handover view (交接): a batch made, volumes added, the quality check failing while
the registers are missing and passing once they are generated, signing, and the core's
refusal shown in the error dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from archivist.archive import Archive
from archivist.arrangement import volumes
from archivist.db.models import AuditEvent
from archivist.handover import handovers
from archivist.messages import render
from archivist.registers import forms, get_layout

from .conftest import capture_sample


def idle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(
        lambda: (
            not win.runner.busy()
            and not win.model.loading
            and not win.volumes.loading
            and not win.handover.loading
        ),
        timeout=30000,
    )


def file_volume(archive: Archive, folder: Path) -> str:
    """Next to the window's own item (SY, 2023-05-12), a second SY item of 2023; both
    filed into one volume for the year."""
    capture_sample(archive, folder / "second", completed_on="2023-05-02", title="第二件")
    made = volumes.build(archive, 2023, "SY", "year")
    return made[0].code


def table_cells(table: Any) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def headings(table: Any) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def open_registers(qtbot: Any, window: Any, code: str) -> Any:
    window.show_volumes()
    idle(qtbot, window)
    window.volumes.select_volume(code)
    idle(qtbot, window)
    assert window.volumes.current_code == code
    window.commands["registers"].trigger()
    dialog = window.volumes.change_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=30000)
    idle(qtbot, window)
    return dialog


def test_preview_shows_the_volume_contents_as_printed(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    archive = window.archive
    code = file_volume(archive, tmp_path)
    dialog = open_registers(qtbot, window, code)
    assert dialog.current_kind() == "volume-contents"
    assert dialog.kind.currentText() == "卷内文件目录"
    assert dialog.selection() == forms.Selection(volume=code)
    # only the volume is asked for
    assert dialog.volume.isEnabled()
    assert not dialog.year.isEnabled() and not dialog.box.isEnabled()
    assert not dialog.batch.isEnabled()
    # the headings of the layout, the rows of the core, blanks blank
    layout = get_layout("volume-contents")
    assert headings(dialog.table) == list(layout.headings)
    assert headings(dialog.table) == ["顺序号", "文号", "责任者", "题名", "日期", "页号", "备注"]
    data = forms.collect(archive, "volume-contents", forms.Selection(volume=code))
    expected = [["" if v is None else str(v) for v in row] for row in data.rows]
    assert table_cells(dialog.table) == expected
    assert [row[0] for row in expected] == ["1", "2"]
    assert expected[0][1] == "" and expected[0][3] == "第二件"
    assert dialog.field_values["code"].text() == code
    assert dialog.title.text() == "卷内文件目录"
    assert dialog.orientation.text() == "A4 纵向"
    assert not dialog.excel_button.isEnabled()  # not a catalogue
    assert dialog.word_button.isEnabled()

    # a catalogue: year and class asked for, landscape, Excel offered
    dialog.choose_kind("volume-list")
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=30000)
    assert not dialog.volume.isEnabled() and dialog.year.isEnabled()
    assert dialog.orientation.text() == "A4 横向"
    assert headings(dialog.table)[:3] == ["案卷号", "档号", "案卷题名"]
    assert dialog.excel_button.isEnabled()
    # an empty selection: the core's sentence, nothing to export
    dialog.year.setValue(2001)
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=30000)
    assert dialog.status.text() == "所选范围内没有可登记的内容，未生成“案卷目录”"
    assert not dialog.word_button.isEnabled()


def test_export_writes_the_docx_and_a_refusal_shows_the_core_message(
    qtbot: Any, window: Any, tmp_path: Path, shown_errors: list[tuple[str, str]]
) -> None:
    archive = window.archive
    code = file_volume(archive, tmp_path)
    dialog = open_registers(qtbot, window, code)
    out = tmp_path / "out" / "卷内文件目录.docx"
    out.parent.mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=30000) as signal:
        dialog.export(out)
    assert signal.args[0]["file"] == str(out) and signal.args[0]["rows"] == 2
    assert out.is_file()
    table = Document(str(out)).tables[-1]
    assert [c.text for c in table.rows[0].cells] == list(get_layout("volume-contents").headings)
    assert dialog.status.text() == f"已导出：{out}"
    # the generation is recorded for the handover check
    with archive.db.reading() as session:
        assert session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "register.generate", AuditEvent.target == f"volume:{code}"
            )
        ).all()
    # exporting a volume that does not exist: the core's message in the error dialog
    dialog.volume.setEditText("J023-SY-999")
    dialog.export(tmp_path / "out" / "missing.docx")
    idle(qtbot, window)
    assert shown_errors and "J023-SY-999" in shown_errors[-1][0]
    assert not (tmp_path / "out" / "missing.docx").exists()


def batch_rows(view: Any) -> list[tuple[str, str, str]]:
    model = view.volumes
    return [
        (
            model.data(model.index(r, 1)),
            model.data(model.index(r, 5)),
            model.data(model.index(r, 6)),
        )
        for r in range(model.rowCount())
    ]


def test_handover_from_batch_to_signature(
    qtbot: Any,
    window: Any,
    tmp_path: Path,
    shown_errors: list[tuple[str, str]],
    monkeypatch: Any,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answers: list[Any] = []

    def question(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
        asked.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    archive = window.archive
    code = file_volume(archive, tmp_path)
    window.refresh()
    window.show_handover()
    view = window.handover
    idle(qtbot, window)
    assert window.views.tabText(window.views.indexOf(view)) == "交接"
    assert view.model.rowCount() == 0 and "新建交接单" in view.heading.text()

    # a new batch: the receiving department defaults to the archive's setting
    view.new_button.click()
    dialog = view.dialog
    qtbot.addWidget(dialog)
    assert dialog.target.text() == handovers.default_to_department(archive)
    assert not dialog.ok_button.isEnabled() and dialog.problem.text() == "请填写移交部门"
    dialog.source.setText("失业保险科")
    dialog.giver.setText("张三")
    with qtbot.waitSignal(dialog.done_with, timeout=30000) as signal:
        dialog.ok_button.click()
    number = signal.args[0]
    idle(qtbot, window)
    assert view.current_number == number and number.startswith("JJ-")
    cells = [view.model.data(view.model.index(0, c)) for c in range(5)]
    assert cells == [number, "失业保险科", handovers.default_to_department(archive), "待检查", "0"]

    # add the volume
    view.buttons["add"].click()
    idle(qtbot, window)
    dialog = view.dialog
    qtbot.addWidget(dialog)
    assert [i.data(Qt.ItemDataRole.UserRole) for i in dialog.candidates()] == [code]
    dialog.tick(code)
    with qtbot.waitSignal(dialog.done_with, timeout=30000):
        dialog.ok_button.click()
    idle(qtbot, window)
    assert batch_rows(view) == [(code, "未检查", "")]

    # signing before the check: refused with the core's sentence, in the dialog
    view.buttons["sign"].click()
    dialog = view.dialog
    qtbot.addWidget(dialog)
    # the receiver is a person to type or choose, not the computer's login name
    assert dialog.receiver.text() == "" and archive.actor
    assert dialog.people == ["张三"]  # offered: those who handed over or received before
    assert dialog.problem.text() == "请填写接收人" and not dialog.ok_button.isEnabled()
    dialog.receiver.setText("李四")
    dialog.ok_button.click()
    idle(qtbot, window)
    refusal = render("handover.unchecked", {"number": number, "codes": code})
    assert refusal == f"交接单 {number} 中有案卷尚未检查：{code}"
    assert dialog.problem.text() == refusal and shown_errors == []
    assert dialog.isVisible()  # stays open
    dialog.reject()

    # the check fails: the registers have not been generated
    view.buttons["check"].click()
    idle(qtbot, window)
    [(shown, result, reasons)] = batch_rows(view)
    assert (shown, result) == (code, "不合格")
    assert "未生成卷内文件目录" in reasons and "未生成案卷封面" in reasons
    assert view.buttons["return"].isEnabled()

    # generate both registers from the registers dialog, check again: passed
    window.show_volumes()
    idle(qtbot, window)
    window.volumes.select_volume(code)
    idle(qtbot, window)
    for kind in ("volume-contents", "volume-cover"):
        registers_dialog = window.volumes.open_registers(kind)
        qtbot.addWidget(registers_dialog)
        qtbot.waitUntil(lambda d=registers_dialog: not d.previewing, timeout=30000)
        with qtbot.waitSignal(registers_dialog.exported, timeout=30000):
            registers_dialog.export(tmp_path / f"{kind}.docx")
        registers_dialog.reject()
    window.show_handover()
    idle(qtbot, window)
    view.buttons["check"].click()
    idle(qtbot, window)
    assert batch_rows(view) == [(code, "合格", "")]
    assert view.model.data(view.model.index(0, 3)) == "已检查"

    # the 归档交接单 through the registers dialog, preselected
    record = view.print_record()
    qtbot.addWidget(record)
    qtbot.waitUntil(lambda: not record.previewing, timeout=30000)
    assert record.current_kind() == "handover" and record.selection().handover == number
    assert headings(record.table) == list(get_layout("handover").headings)
    assert table_cells(record.table)[0][1:3] == [code, window.volumes.items.view.title]
    assert table_cells(record.table)[0][5] == "合格"
    assert record.field_values["from_department"].text() == "失业保险科"
    record.reject()

    # signing: the same person on both sides is refused next to the fields; then signed
    view.buttons["sign"].click()
    dialog = view.dialog
    qtbot.addWidget(dialog)
    assert dialog.giver.text() == "张三"
    dialog.receiver.setText("张三")
    dialog.ok_button.click()
    idle(qtbot, window)
    assert "张三" in dialog.problem.text() and dialog.isVisible() and shown_errors == []
    assert "#a11d1d" in dialog.receiver.styleSheet()  # the field concerned is marked
    dialog.receiver.setText("李四")
    assert dialog.problem.text() == "" and dialog.receiver.styleSheet() == ""
    # asked first, naming the batch and its counts; cancelling signs nothing
    answers.append(QMessageBox.StandardButton.Cancel)
    asked.clear()
    dialog.ok_button.click()
    idle(qtbot, window)
    assert len(asked) == 1 and number in asked[0]
    assert "共 1 卷 2 件" in asked[0] and "接收人 李四" in asked[0]
    assert dialog.isVisible() and dialog.receiver.text() == "李四"
    assert view.model.data(view.model.index(0, 3)) == "已检查"
    with qtbot.waitSignal(dialog.done_with, timeout=30000):
        dialog.ok_button.click()
    idle(qtbot, window)
    assert view.model.data(view.model.index(0, 3)) == "已签收"
    assert "李四" in view.facts.text()
    assert not view.buttons["sign"].isEnabled() and not view.buttons["add"].isEnabled()
    assert volumes.show(archive, code).status == "handed_over"


def test_failed_volumes_go_back_with_a_reason(qtbot: Any, window: Any, tmp_path: Path) -> None:
    archive = window.archive
    code = file_volume(archive, tmp_path)
    number = handovers.create(archive, "失业保险科", "张三").number
    handovers.add_volumes(archive, number, [code])
    window.show_handover()
    idle(qtbot, window)
    view = window.handover
    view.buttons["check"].click()
    idle(qtbot, window)
    view.buttons["return"].click()
    dialog = view.dialog
    qtbot.addWidget(dialog)
    assert code in dialog.findChild(QLabel, "returnVolumes").text()
    assert not dialog.ok_button.isEnabled() and dialog.problem.text() == "请填写理由"
    dialog.reason.setText("请补生成登记表")
    with qtbot.waitSignal(dialog.done_with, timeout=30000):
        dialog.ok_button.click()
    idle(qtbot, window)
    assert batch_rows(view)[0][:2] == (code, "已退回")
    assert volumes.show(archive, code).status == "returned"


def test_handover_and_registers_in_english(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from ui.i18n import translations

    archive = window.archive
    code = file_volume(archive, tmp_path)
    number = handovers.create(archive, "失业保险科", "张三").number
    handovers.add_volumes(archive, number, [code])
    handovers.check(archive, number)
    translations.apply("en")
    window.show_handover()
    idle(qtbot, window)
    view = window.handover
    assert window.views.tabText(window.views.indexOf(view)) == "Handover"
    assert window.commands["registers"].text() == "Registers…"
    assert view.buttons["check"].text() == "Quality check"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Handover no."
    [(shown, result, reasons)] = batch_rows(view)
    assert (shown, result) == (code, "Failed")
    assert "The volume contents list has not been generated" in reasons
    record = view.print_record()
    qtbot.addWidget(record)
    qtbot.waitUntil(lambda: not record.previewing, timeout=30000)
    assert record.kind.currentText() == "Handover record (归档交接单)"
    assert record.orientation.text() == "A4 portrait"
    # the register prints in Chinese whatever the interface language
    assert headings(record.table) == list(get_layout("handover").headings)
    record.reject()


def test_volume_pdf_in_the_background_then_the_folder_offered(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from ui.volumes.pdf_job import VolumePdfJob

    archive = window.archive
    code = file_volume(archive, tmp_path)
    offered: list[Path] = []
    monkeypatch.setattr(VolumePdfJob, "offer_folder", lambda self, path: offered.append(path))
    window.show_volumes()
    idle(qtbot, window)
    window.volumes.select_volume(code)
    idle(qtbot, window)
    window.volumes._volume_menu(
        window.volumes.table.visualRect(window.volumes.model.index(0, 1)).center()
    )
    actions = {a.text(): a for a in window.volumes.volume_menu.actions() if a.text()}
    window.volumes.volume_menu.close()
    assert "生成组卷 PDF…" in actions
    out = tmp_path / "卷.pdf"
    job = window.volumes.assemble_pdf(out)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60000) as signal:
        pass
    assert signal.args[0] == str(out) and out.is_file()
    assert offered == [out]
    assert not job.progress.isVisible()
