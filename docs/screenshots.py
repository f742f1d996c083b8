"""Regenerate the screenshots of the window's main views into docs/screenshots/.

Run under a real X server so fonts and styles are those a person sees:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots.py
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots.py --laptop

(`docs/take_screenshots.sh` does exactly that: the main set at 1440x900, the laptop set
at 1366x768.) A fresh demo archive is built in a
temporary folder; the user's own preferences and archives are not touched.
`--only 16,17` writes only the screenshots whose names start with those prefixes
(every step still runs, so each view shows what it would in a full run).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1440, 900)  # the main set: a 1440x900 desktop screen
LAPTOP = (1366, 728)  # a 1366x768 laptop less its taskbar
ONLY: tuple[str, ...] = ()  # name prefixes to write (--only); empty: all


def main() -> int:
    global ONLY
    sys.path.insert(0, str(ROOT))
    if "--only" in sys.argv[1:-1]:
        ONLY = tuple(sys.argv[sys.argv.index("--only") + 1].split(","))
    work = Path(tempfile.mkdtemp(prefix="archivist-shots-"))
    os.environ["ARCHIVIST_CONFIG_DIR"] = str(work / "config")
    try:
        return shoot_laptop(work) if "--laptop" in sys.argv[1:] else shoot(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def shoot(work: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from archivist.archive import Archive
    from archivist.capture.pipeline import capture_from_manifest
    from archivist.demo import generate_batch
    from archivist.demo.accounts import DEMO_PASSWORD, DEMO_SIGN_IN
    from archivist.demo.build import build_demo
    from archivist.ocr.queue import run_queue
    from archivist.preferences import Preferences
    from ui.app import make_app
    from ui.i18n import translations

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qsettings")
    )
    root = work / "档案库 示例"
    print("building the demo archive …", flush=True)
    build_demo(root, items=24, seed=7)
    archive = Archive.open(root)
    archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
    first = _numbers(archive)
    for number in first[:4]:
        run_queue(archive, item_number=number, workers=2)
    # a page that fails OCR, so the queue panel shows a failure with its reason
    blank = _blank_drop(work / "blank")
    blank_number = capture_from_manifest(archive, blank / "manifest.json").number
    run_queue(archive, item_number=blank_number, workers=2)
    hot = work / "热文件夹"
    prefs = Preferences(hot_folder=str(hot), ocr_workers=2)
    prefs.save()

    app = make_app()
    assert isinstance(app, QApplication)
    translations.apply("zh")
    OUT.mkdir(parents=True, exist_ok=True)
    from ui.main_window import MainWindow

    window = MainWindow(archive, prefs, auto_ocr=False)
    window.resize(*SIZE)
    window.show()
    settle(app, window)

    def save(widget: QWidget, name: str) -> None:
        settle(app, window)
        if ONLY and not name.startswith(ONLY):
            return
        image = widget.grab()
        path = OUT / name
        image.save(str(path))
        print(f"  {path.relative_to(ROOT)} {image.width()}x{image.height()}", flush=True)

    # 1. the main window: tree opened to a month, an item with its materials and history
    window.nav.expandItem(window.nav.root.child(0))
    settle(app, window)
    window.select_item(first[0])
    save(window, "01-main.png")

    # 2. search → open the hit: the page with the hit highlighted, the OCR text beside it
    window.search.query.setText(_search_word(archive, first[0]))
    window.search.run()
    settle(app, window)
    item = window.search.results.item(0)
    if item is not None:
        window.search._open(item)
    settle(app, window, 1.0)
    save(window, "02-search-and-page.png")

    # 3. capture dialog with files, the live rule order and an override with its reason
    drop = generate_batch(work / "new", 1, seed=99)[0]
    data = json.loads(drop.read_text(encoding="utf-8"))
    window.open_capture([drop.parent / m["file"] for m in data["materials"]])
    dialog = window.capture_dialog
    dialog.set_class(data["class"], data["business_type"])
    dialog.entity.setText(data["entity"]["name"])
    dialog.identifier.setText(
        data["entity"].get("id_number") or data["entity"].get("unit_code") or ""
    )
    if data["entity"]["kind"] == "unit":
        dialog.unit_kind.setChecked(True)
        dialog.entity.setText(data["entity"]["name"])
        dialog.identifier.setText(data["entity"].get("unit_code") or "")
    dialog.roster.setText("，".join(_names(data.get("roster") or [data["entity"]["name"]])))
    dialog.roster.setModified(True)
    for row, material in enumerate(data["materials"]):
        dialog.set_material(
            row,
            role=material["role"],
            title=material.get("title", ""),
            importance=material.get("importance", "important"),
            person=material.get("person", ""),
        )
    order = dialog.current_order()
    if len(order) > 2:
        order[-1], order[-2] = order[-2], order[-1]
        dialog.override_order(order, reason="申请人补交材料按收件顺序排列")
    save(dialog, "03-capture.png")
    dialog.discard()

    # 4. OCR queue panel with a failed page and its reason
    window.show_ocr()
    window.ocr.refresh()
    settle(app, window)
    save(window, "04-ocr-queue.png")

    # 5. hot folder: one good drop captured, one bad drop quarantined
    good = generate_batch(hot / "扫描站1 第001批", 1, seed=5)[0]
    shutil.move(str(good.parent), str(hot / "扫描站1-001"))
    shutil.rmtree(hot / "扫描站1 第001批", ignore_errors=True)
    bad = hot / "扫描站1-002"
    bad.mkdir()
    (bad / "manifest.json").write_text('{"class": "SY"', encoding="utf-8")
    window.show_hot_folder()
    for _ in range(3):
        window.hot.look()
        settle(app, window, 0.3)
    save(window, "05-hot-folder.png")

    # 6. settings: the classification scheme and the other tabs
    window.open_settings()
    settings = window.settings_dialog
    settings.tabs.setCurrentIndex(1)
    save(settings, "06-settings-scheme.png")
    settings.tabs.setCurrentIndex(2)
    save(settings, "07-settings-ocr.png")
    settings.tabs.setCurrentIndex(3)
    save(settings, "08-settings-hot-folder-language.png")
    settings.reject()

    # 7. the error dialog (a wrong ID number), details open
    from archivist.errors import InputError
    from ui.errors import ErrorDialog, describe

    error = InputError("id_number.invalid", value="110105194912310021", reason="校验码错误")
    message, details = describe(error)
    dialog_error = ErrorDialog(window, "未能采集", message, details)
    dialog_error.toggle.setChecked(True)
    dialog_error.show()
    save(dialog_error, "09-error.png")
    dialog_error.close()

    # 8. correcting an item: edit (title, handler, date) and renumber, each with a reason
    window.edit_item(first[0])
    edit = window.edit_dialog
    edit.title.setText(edit.title.text() + "（更正）")
    edit.reason.setText("题名漏写“更正”")
    save(edit, "13-edit-item.png")
    edit.reject()
    window.renumber_item(first[0])
    renumber = window.renumber_dialog
    renumber.choose("GS", "工伤认定")
    renumber.reason.setText("误归失业类，应为工伤认定")
    save(renumber, "14-renumber-item.png")
    renumber.reject()

    # 9. volumes (案卷): items of one year filed into volumes, the build dialog's live plan
    volume_year, paged_code = _file_volumes(archive, work / "volumes")
    window.work_dock.hide()
    window.refresh()
    window.show_volumes()
    settle(app, window)
    window.volumes.choose(volume_year, None)
    window.volumes.reload()
    settle(app, window)
    window.build_volumes()
    build = window.volumes.build_dialog
    assert build is not None
    build.choose(volume_year, "SY", "quarter")
    build.refresh_plan()
    save(build, "17-volume-build.png")
    build.build()
    settle(app, window, 0.5)
    window.volumes.choose(volume_year, None)
    window.volumes.reload(select=[paged_code])
    settle(app, window, 0.5)
    save(window, "16-volumes.png")

    # 9b. storage (库房): the locations tree, the boxes on a layer, a box's volumes, found
    # from an item number (库房-架-列-层-盒)
    window.show_storage()
    settle(app, window)
    _find_in_storage(window)
    settle(app, window, 0.5)
    save(window, "19-storage.png")

    # 9c. registers (登记表…): the 卷内文件目录 of the page-numbered volume, as printed
    window.show_volumes()
    window.volumes.select_volume(paged_code)
    settle(app, window, 0.5)
    registers_dialog = window.volumes.open_registers("volume-contents")
    settle(app, window, 0.8)
    save(registers_dialog, "20-registers-preview.png")
    registers_dialog.reject()

    # 9d. handover (交接): one batch signed, one checked with a volume failing (its
    # registers were not generated)
    _handover_batches(archive, volume_year, paged_code, work / "registers")
    window.refresh()
    window.show_handover()
    settle(app, window, 0.5)
    save(window, "21-handover.png")
    window.views.setCurrentWidget(window.main_split)

    # 9e. Tools -> verify the archive: progress, then the findings (none here)
    from ui.verify_dialog import VerifyDialog

    verify_dialog = VerifyDialog(archive, window.runner, window)
    verify_dialog.show()
    verify_dialog.start()
    settle(app, window, 1.0)
    save(verify_dialog, "24-verify.png")
    verify_dialog.close()

    # 9f. use (利用): requests, one lent and overdue, the new-request dialog, the copy
    # dialog with its watermark preview, the person file
    _use_shots(app, window, archive, save, first, DEMO_PASSWORD)

    # 9g. appraisal and destruction (鉴定): the due list, a batch being signed, an approved
    # register with a supervisor's signature, the execution dialog, the holds
    _disposition_shots(app, window, archive, save, DEMO_PASSWORD)

    # 9h. the 校验 tab: verify (replay, anchors, derived data) and the four-property check
    window.views.setCurrentWidget(window.integrity)
    window.integrity.run_verify()
    settle(app, window, 3.0)
    window.integrity.run_four()
    settle(app, window, 6.0)
    save(window, "43-integrity.png")
    _tampered_shot(app, window, archive, save)
    window.views.setCurrentWidget(window.main_split)

    # 10. English
    window.work_dock.hide()
    translations.apply("en")
    settle(app, window)
    window.select_item(first[0])
    window.tabs.setCurrentIndex(0)
    save(window, "10-main-english.png")
    window.select_item(first[0], page=1, show_pages=True)
    save(window, "11-pages-english.png")
    window.open_capture([drop.parent / m["file"] for m in data["materials"]])
    save(window.capture_dialog, "12-capture-english.png")
    window.capture_dialog.discard()
    window.open_settings()
    window.settings_dialog.tabs.setCurrentIndex(1)
    save(window.settings_dialog, "15-settings-scheme-english.png")
    window.settings_dialog.reject()
    window.show_volumes()
    save(window, "18-volumes-english.png")
    window.views.setCurrentWidget(window.main_split)
    translations.apply("zh")
    window.close()
    window.deleteLater()
    _pause(app, 0.3)

    # 12. people and rights: signing in, the administrators' window, accounts and roles,
    # the access log (the auditor's)
    _people_shots(app, archive, prefs, save, DEMO_PASSWORD)
    archive.close()

    # 11. the first start with no archive: create, open or try the demo
    from ui.welcome_dialog import WelcomeDialog

    welcome = WelcomeDialog(prefs, folder=work / "新档案库")
    welcome.show()
    _pause(app, 0.3)
    save(welcome, "23-welcome.png")
    welcome.show_page("new")
    _pause(app, 0.3)
    save(welcome, "23-welcome-new.png")
    welcome.close()
    return 0


def shoot_laptop(work: Path) -> int:
    """Run under a 1366x768 screen: the main window, the OCR queue and the capture
    dialog as a laptop shows them (the taskbar leaves about 728 pixels)."""
    from PySide6.QtWidgets import QApplication, QWidget

    from archivist.archive import Archive
    from archivist.demo import generate_batch
    from archivist.demo.accounts import DEMO_PASSWORD, DEMO_SIGN_IN
    from archivist.demo.build import build_demo
    from archivist.preferences import Preferences
    from ui.app import make_app
    from ui.i18n import translations
    from ui.main_window import MainWindow

    root = work / "档案库 示例"
    build_demo(root, items=12, seed=7)
    archive = Archive.open(root)
    archive.sign_in(DEMO_SIGN_IN, DEMO_PASSWORD)
    first = _numbers(archive)
    prefs = Preferences(ocr_workers=1)
    prefs.save()
    app = make_app()
    assert isinstance(app, QApplication)
    translations.apply("zh")
    window = MainWindow(archive, prefs, auto_ocr=False)
    window.resize(*LAPTOP)
    window.show()

    def save(widget: QWidget, name: str) -> None:
        settle(app, window)
        image = widget.grab()
        image.save(str(OUT / name))
        print(f"  docs/screenshots/{name} {image.width()}x{image.height()}", flush=True)

    window.select_item(first[0])
    window.tabs.setCurrentIndex(0)
    save(window, "22-main-laptop.png")
    window.show_ocr()
    window.ocr.refresh()
    save(window, "25-laptop-ocr-queue.png")
    window.show_disposition()
    window.disposition.due_page.within.setValue(10)
    settle(app, window, 1.0)
    save(window, "42-laptop-appraisal.png")
    drop = generate_batch(work / "new", 1, seed=99)[0]
    data = json.loads(drop.read_text(encoding="utf-8"))
    window.open_capture([drop.parent / m["file"] for m in data["materials"]])
    save(window.capture_dialog, "26-laptop-capture.png")
    window.capture_dialog.discard()
    window.close()
    archive.close()
    return 0


def _use_shots(
    app: object,
    window: Any,
    archive: Any,
    save: Callable[[Any, str], None],
    numbers: list[str],
    password: str,
) -> None:
    import datetime as dt

    from archivist.use import lending, requests
    from archivist.use.requests import Borrower, BorrowerKind
    from ui.use.copy_dialog import CopyDialog
    from ui.use.person_view import PersonFileDialog

    lent = requests.create_request(
        archive, "lend", Borrower("赵敏", BorrowerKind.PERSON, unit="某区人社局", phone="13800000000"),
        "核对待遇发放记录", items=numbers[:2], days=30,
    )  # fmt: skip
    copy = requests.create_request(
        archive, "copy", Borrower("钱进", BorrowerKind.PERSON, phone="13900000000"),
        "办理退休手续需复印", items=numbers[2:3],
    )  # fmt: skip
    waiting = requests.create_request(
        archive, "consult", Borrower("handler", BorrowerKind.STAFF), "查阅原始凭证",
        items=numbers[3:4],
    )  # fmt: skip
    archive.sign_in("head", password)
    requests.approve(archive, lent.number)
    requests.approve(archive, copy.number)
    archive.sign_in("archivist", password)
    lending.lend(archive, lent.number, on=dt.date.today() - dt.timedelta(days=40))
    window.refresh()
    window.show_use()
    window.use.reload(select=waiting.number)
    settle(app, window, 0.5)
    window.use.select_request(lent.number)
    settle(app, window, 0.5)
    save(window, "32-use.png")
    window.use.pages.setCurrentIndex(1)
    window.use.reload_overdue()
    settle(app, window, 0.5)
    save(window, "33-use-overdue.png")
    window.use.pages.setCurrentIndex(0)
    dialog = window.use.new_request(items=numbers[4:5])
    settle(app, window, 0.3)
    save(dialog, "34-use-request.png")
    dialog.reject()
    copy_dialog = CopyDialog(archive, window.runner, copy.number, window)
    copy_dialog.show()
    settle(app, window, 2.0)
    save(copy_dialog, "35-use-copy.png")
    copy_dialog.reject()
    person = PersonFileDialog(window, archive, "")
    person.query.setText(_person_query(archive, numbers[0]))
    person.show()
    person.run()
    settle(app, window, 1.0)
    save(person, "36-person-file.png")
    person.close()
    window.views.setCurrentWidget(window.main_split)


def _disposition_shots(
    app: object,
    window: Any,
    archive: Any,
    save: Callable[[Any, str], None],
    password: str,
) -> None:
    import datetime as dt

    from archivist.disposition import appraisal, destruction, due, holds
    from ui.disposition.page import BATCHES, DUE, HOLDS, REGISTERS

    today = dt.date.today()
    due_now = [r.number for r in due.due_list(archive, today).due_rows]
    window.show_disposition()
    view = window.disposition
    view.due_page.within.setValue(5)
    view.show_page(DUE)
    settle(app, window, 1.0)
    save(window, "37-appraisal-due.png")
    view.due_page.within.setValue(0)
    if not due_now:
        return
    members = ["head", "archivist", "handler"]
    batch = appraisal.create_batch(archive, as_of=today, members=members)
    destroy, keep = due_now[:-1] or due_now, due_now[-1:] if len(due_now) > 1 else []
    appraisal.set_opinion(
        archive, batch.number, destroy, "destroy", reason="已过保管期限，待遇已结清，无继续保存价值"
    )
    if keep:
        appraisal.set_opinion(
            archive, batch.number, keep, "extend", period="D30", reason="涉及工伤长期待遇，延长保管"
        )
    for name in ("head", "archivist"):
        archive.sign_in(name, password)
        appraisal.sign_batch(archive, batch.number)
    view.reload_page(BATCHES, select=batch.number)
    view.show_page(BATCHES)
    settle(app, window, 1.0)
    save(window, "38-appraisal-batch.png")
    archive.sign_in("handler", password)
    appraisal.sign_batch(archive, batch.number)
    archive.sign_in("archivist", password)
    [register] = destruction.create_registers(archive, batch.number)
    archive.sign_in("head", password)
    destruction.approve_register(archive, register.number)
    archive.sign_in("handler", password)
    destruction.sign_register(archive, register.number, "supervisor", unit="archives")
    archive.sign_in("archivist", password)
    destruction.sign_register(archive, register.number, "supervisor", unit="archives")
    view.reload_page(REGISTERS, select=register.number)
    view.show_page(REGISTERS)
    settle(app, window, 1.0)
    save(window, "39-destruction-register.png")
    dialog = view.registers_page.execute()
    if dialog is not None:
        settle(app, window, 0.5)
        save(dialog, "40-destruction-execute.png")
        dialog.reject()
    planned = [r.number for r in due.due_list(archive, today, within_years=5).planned_rows]
    if planned:
        holds.place_hold(
            archive,
            items=planned[:1],
            kind="dispute",
            reason="参保人对待遇核定有异议，已申请行政复议",
        )
    view.reload_page(HOLDS)
    view.show_page(HOLDS)
    settle(app, window, 1.0)
    save(window, "41-holds.png")
    window.views.setCurrentWidget(window.main_split)


def _person_query(archive: Any, number: str) -> str:
    """The ID number (or credit code) of an item's person or unit, for the person file."""
    from archivist.access.item_detail import item_detail

    entity = item_detail(archive, number).get("entity") or {}
    return str(entity.get("id_number") or entity.get("unit_code") or entity.get("name") or "")


def _people_shots(
    app: object, archive: Any, prefs: Any, save: Callable[[Any, str], None], password: str
) -> None:
    from ui.people.access_log_dialog import AccessLogDialog
    from ui.people.accounts_dialog import AccountsDialog
    from ui.people.sign_in_dialog import SignInDialog
    from ui.people.signed_in_window import RestrictedWindow

    archive.sign_out()
    sign_in = SignInDialog(archive, prefs, user_name="archivist")
    sign_in.show()
    _pause(app, 0.3)
    save(sign_in, "27-sign-in.png")
    sign_in.close()
    # a wrong password: the refusal under the fields, attempts left
    sign_in = SignInDialog(archive, prefs, user_name="head")
    sign_in.show()
    sign_in.password.setText("wrong-2024")
    sign_in.try_sign_in()
    _pause(app, 0.3)
    save(sign_in, "27-sign-in-refused.png")
    sign_in.close()

    archive.sign_in("admin", password)
    restricted = RestrictedWindow(archive, prefs)
    restricted.resize(1100, 700)
    restricted.show()
    _pause(app, 0.3)
    save(restricted, "28-administrator-window.png")
    accounts = AccountsDialog(archive, None, restricted)
    accounts.show()
    _pause(app, 0.5)
    save(accounts, "29-accounts.png")
    accounts.close()
    restricted.close()

    archive.sign_in("security", password)
    accounts = AccountsDialog(archive, None, None)
    accounts.show()
    accounts.tabs.setCurrentIndex(1)
    _pause(app, 0.5)
    save(accounts, "30-security-policy.png")
    accounts.close()

    archive.sign_in("auditor", password)
    log = AccessLogDialog(archive, None, None)
    log.show()
    log.reload()
    _pause(app, 1.0)
    save(log, "31-access-log.png")
    log.close()


def _pause(app: object, seconds: float) -> None:
    """Let a dialog with no window behind it repaint."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _tampered_shot(app: Any, window: Any, archive: Any, save: Any) -> None:
    """44: what verify shows after rows were changed behind the program (two expiry
    dates moved earlier, a title) and a file was dropped into the archive folder; the
    archive is put back afterwards (the rows as they were, the file removed)."""
    import sqlite3

    stray = archive.root / "files" / "来历不明.pdf"
    conn = sqlite3.connect(archive.layout.database, isolation_level=None)
    kept: list[Any] = []
    try:
        kept = conn.execute(
            "SELECT id, title, expires_on FROM items WHERE expires_on IS NOT NULL ORDER BY id LIMIT 2"
        ).fetchall()
        for item_id, _title, _expires in kept:
            conn.execute("UPDATE items SET expires_on = '2020-01-01' WHERE id = ?", (item_id,))
        conn.execute("UPDATE items SET title = title || '（改）' WHERE id = ?", (kept[0][0],))
        stray.write_bytes(b"%PDF-1.4\n")
        window.integrity.run_verify()
        settle(app, window, 3.0)
        tree = window.integrity.findings
        first = tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)
        settle(app, window, 0.5)
        save(window, "44-integrity-findings.png")
    finally:
        for item_id, title, expires in kept:
            conn.execute(
                "UPDATE items SET title = ?, expires_on = ? WHERE id = ?", (title, expires, item_id)
            )
        conn.close()
        stray.unlink(missing_ok=True)
    window.integrity.run_verify()
    settle(app, window, 3.0)


def settle(app: object, window: object, extra: float = 0.2) -> None:
    """Let background work and repaints finish."""
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    assert isinstance(app, QApplication) and isinstance(window, MainWindow)
    deadline = time.monotonic() + 60
    while window.runner.busy() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + extra
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _numbers(archive: object) -> list[str]:
    from archivist.access import browse
    from archivist.archive import Archive

    assert isinstance(archive, Archive)
    ids = browse.item_ids(archive, browse.ItemQuery(sort="number"))
    rows = browse.item_rows(archive, ids)
    # an item with several materials reads best
    ordered = sorted(ids, key=lambda i: -rows[i].materials)
    return [rows[i].number for i in ordered]


def _search_word(archive: object, number: str) -> str:
    """A two-character word from the recognised text of the item's first pages."""
    from archivist.access import browse
    from archivist.archive import Archive

    assert isinstance(archive, Archive)
    for ref in browse.item_pages(archive, number)[:3]:
        text = browse.page_text(archive, ref.material_id, ref.page).text
        for word in ("身份证", "失业", "工伤", "申请", "单位", "合同"):
            if word in text:
                return word
    return "申请"


def _file_volumes(archive: object, folder: Path) -> tuple[int, str]:
    """More items of one year (unemployment claims and job-retention refunds, class SY;
    unit registrations, class GL, kept permanently and so page-numbered). The demo has
    filed its past years already; whatever is unfiled is filed by year, except the SY
    items of that year, left for the build dialog. Returns the year and the code of
    the GL volume made."""
    from archivist.access import browse
    from archivist.archive import Archive
    from archivist.arrangement import volumes
    from archivist.capture.pipeline import capture_from_manifest
    from archivist.demo.scenarios import Population, generate_item

    assert isinstance(archive, Archive)
    # the demo's latest year, which it leaves unfiled (its past years are filed by year)
    year = max(
        node.scope.year or 0
        for k in browse.nav_children(archive)
        for node in browse.nav_children(archive, k.scope)
    )
    people = Population(random.Random(16))
    kinds = ["失业保险金申领"] * 7 + ["稳岗返还"] * 3 + ["参保单位登记"] * 4
    for index, kind in enumerate(kinds):
        rng = random.Random(f"volumes:{index}")
        manifest = generate_item(
            rng, folder / f"{index:02d}", year=year, scenario=kind, population=people
        )
        capture_from_manifest(archive, manifest)
    paged = ""
    for klass in browse.nav_children(archive):
        for node in browse.nav_children(archive, klass.scope):
            when, code = node.scope.year, str(klass.scope.class_code)
            if when is None or (when, code) == (year, "SY"):
                continue
            with archive.db.reading() as session:
                if not volumes.plan_volumes(session, when, code, "year"):
                    continue
            made = volumes.build(archive, when, code, "year")
            if (when, code) == (year, "GL"):
                paged = max(made, key=lambda v: v.items).code
    return year, paged


def _find_in_storage(window: object) -> None:
    """Look up an item of a shelved volume box in the storage view."""
    from archivist.arrangement import volumes
    from archivist.custody import boxes
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    view = window.storage
    for box in view.boxes:
        if box.location and box.kind == "volumes" and box.count:
            held = boxes.show_box(window.archive, box.code).volumes
            entries = volumes.show(window.archive, held[-1].code).entries
            view.find_code(entries[0].number if entries else box.code)
            return


def _handover_batches(archive: object, year: int, paged_code: str, folder: Path) -> None:
    """Batch 1: the page-numbered volume, its registers generated, checked and signed.
    Batch 2: the year's other volumes, the registers of all but the last generated,
    checked (the last fails for want of them)."""
    from archivist.archive import Archive
    from archivist.arrangement import volumes
    from archivist.changes.states import VolumeState
    from archivist.handover import handovers
    from archivist.registers import forms

    assert isinstance(archive, Archive)
    folder.mkdir(parents=True, exist_ok=True)

    def generate(code: str) -> None:
        for kind in ("volume-contents", "volume-cover"):
            out = folder / f"{code}-{kind}.docx"
            forms.generate(archive, kind, out, forms.Selection(volume=code))

    first = handovers.create(archive, "社会保险登记科", "王晓燕").number
    handovers.add_volumes(archive, first, [paged_code])
    generate(paged_code)
    handovers.check(archive, first)
    handovers.sign(archive, first, "档案员")
    others = [
        v.code
        for v in volumes.list_volumes(archive, year)
        if v.code != paged_code and v.status == VolumeState.OPEN
    ]
    second = handovers.create(archive, "失业保险科", "李建国").number
    handovers.add_volumes(archive, second, others)
    for code in others[:-1]:
        generate(code)
    handovers.check(archive, second)


def _names(roster: list[object]) -> list[str]:
    return [str(p["name"]) if isinstance(p, dict) else str(p) for p in roster]


def _blank_drop(folder: Path) -> Path:
    """An item whose voucher is a blank scan: its OCR fails with a reason."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True)
    form = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(form).rectangle((100, 100, 1140, 400), outline=0, width=4)
    form.save(folder / "登记表.png")
    Image.new("L", (1240, 1754), 255).save(folder / "空白页.jpg", quality=90)
    manifest = {
        "class": "SY",
        "business_type": "失业保险金申领",
        "completed_on": "2024-03-08",
        "entity": {"kind": "person", "name": "赵六"},
        "materials": [
            {"file": "登记表.png", "role": "form", "title": "失业保险金申领登记表"},
            {"file": "空白页.jpg", "role": "voucher", "title": "身份证复印件"},
        ],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")
    return folder


if __name__ == "__main__":
    raise SystemExit(main())
