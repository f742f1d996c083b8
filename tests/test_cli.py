"""The command line is a product interface: scripts and tests depend on it."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from .conftest import (
    ID_ZHANG,
    PASSWORD,
    cli_init,
    make_jpeg,
    make_pdf,
    render_text_page,
    run_cli,
    run_cli_process,
    write_manifest,
)

REQUIRED = {
    "number",
    "archival_code",
    "class",
    "business_type",
    "completed_on",
    "entity",
    "retention",
    "expires_on",
    "folder",
    "materials",
}
MATERIAL_KEYS = {
    "seq",
    "role",
    "importance",
    "person",
    "title",
    "file",
    "sha256",
    "pages",
    "order_reason",
}


def init(tmp_path: Path) -> Path:
    archive_dir = tmp_path / "archive"
    cli_init(archive_dir, "J023", "测试中心")
    return archive_dir


def test_capture_manifest_json_has_the_promised_fields(tmp_path: Path) -> None:
    archive_dir = init(tmp_path)
    out = run_cli(
        "--archive",
        str(archive_dir),
        "capture",
        "--manifest",
        str(write_manifest(tmp_path / "in")),
        "--json",
        check=True,
    )
    view = json.loads(out.stdout)
    assert set(view) >= REQUIRED
    assert view["entity"]["kind"] == "person" and view["entity"]["name"] == "张三"
    for material in view["materials"]:
        assert set(material) >= MATERIAL_KEYS
    shown = json.loads(
        run_cli(
            "--archive", str(archive_dir), "item", "show", view["number"], "--json", check=True
        ).stdout
    )
    assert shown["materials"] == view["materials"]
    revealed = json.loads(
        run_cli(
            "--archive",
            str(archive_dir),
            "item",
            "show",
            view["number"],
            "--json",
            "--reveal-ids",
            "--reason",
            "核对身份",
            check=True,
        ).stdout
    )
    assert revealed["entity"]["id_number"] == ID_ZHANG


def test_capture_from_flags(tmp_path: Path) -> None:
    archive_dir = init(tmp_path)
    make_pdf(tmp_path / "表.pdf")
    make_jpeg(tmp_path / "证.jpg")
    out = run_cli(
        "--archive",
        str(archive_dir),
        "capture",
        "--class",
        "SY",
        "--business-type",
        "技能提升补贴",
        "--completed-on",
        "2024-03-08",
        "--person",
        "张三",
        "--id-number",
        ID_ZHANG,
        "--form",
        f"{tmp_path / '表.pdf'}|技能提升补贴申领表",
        "--voucher",
        f"{tmp_path / '证.jpg'}|职业资格证书|important|张三",
        check=True,
    )
    number = out.stdout.strip()
    assert number == "2024-SY-000001"
    view = json.loads(
        run_cli("--archive", str(archive_dir), "item", "show", number, "--json", check=True).stdout
    )
    assert [m["title"] for m in view["materials"]] == ["技能提升补贴申领表", "职业资格证书"]
    assert view["materials"][1]["person"] == "张三"


def test_environment_variable_names_the_archive(tmp_path: Path) -> None:
    archive_dir = init(tmp_path)
    out = run_cli("summary", "--json", env={"ARCHIVIST_ARCHIVE": str(archive_dir)}, check=True)
    assert json.loads(out.stdout)["fonds"] == {"code": "J023", "name": "测试中心"}


def test_unknown_item_and_bad_reorder(tmp_path: Path) -> None:
    archive_dir = init(tmp_path)
    missing = run_cli("--archive", str(archive_dir), "item", "show", "2023-SY-000009")
    assert missing.returncode == 1 and "2023-SY-000009" in missing.stderr
    number = run_cli(
        "--archive",
        str(archive_dir),
        "capture",
        "--manifest",
        str(write_manifest(tmp_path / "in")),
        check=True,
    ).stdout.strip()
    bad = run_cli(
        "--archive",
        str(archive_dir),
        "item",
        "reorder",
        number,
        "--order",
        "1,1,2",
        "--reason",
        "x",
    )
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    no_reason = run_cli(
        "--archive",
        str(archive_dir),
        "item",
        "reorder",
        number,
        "--order",
        "1,3,2",
        "--reason",
        " ",
    )
    assert no_reason.returncode == 1 and "理由" in no_reason.stderr


def test_check_flags_an_order_that_breaks_the_rules(tmp_path: Path) -> None:
    archive_dir = init(tmp_path)
    number = run_cli(
        "--archive",
        str(archive_dir),
        "capture",
        "--manifest",
        str(write_manifest(tmp_path / "in")),
        check=True,
    ).stdout.strip()
    assert run_cli("--archive", str(archive_dir), "check").returncode == 0
    # Someone going around the application marks the 张三 voucher secondary.
    with sqlite3.connect(archive_dir / "archive.db") as conn:
        conn.execute(
            "UPDATE materials SET importance = 'secondary', importance_given = 1 WHERE seq = 2"
        )
        conn.execute("UPDATE materials SET importance = 'important' WHERE seq = 3")
    result = run_cli("--archive", str(archive_dir), "check", "--json")
    assert result.returncode == 3
    report = json.loads(result.stdout)
    finding = next(f for f in report["findings"] if f["code"] == "check.order_broken")
    assert finding["item"] == number and finding["params"] == {
        "expected": "1,3,2",
        "actual": "1,2,3",
    }
    # A reorder with a reason makes it a recorded decision, not a violation.
    run_cli(
        "--archive",
        str(archive_dir),
        "item",
        "reorder",
        number,
        "--order",
        "1,2,3",
        "--reason",
        "保持原顺序",
        check=True,
    )
    after = json.loads(run_cli("--archive", str(archive_dir), "check", "--json", check=True).stdout)
    assert [f["code"] for f in after["findings"]] == ["check.order_overridden"]


def test_settings_are_audited(tmp_path: Path) -> None:
    archive_dir = init(tmp_path)
    refused = run_cli(
        "--archive", str(archive_dir), "settings", "category_code", "SX", "--reason", "本馆"
    )
    assert refused.returncode == 1 and "系统管理员" in refused.stderr
    run_cli(
        "--archive", str(archive_dir), "login", "admin", "--password-stdin",
        input=PASSWORD + "\n", check=True,
    )  # fmt: skip
    run_cli(
        "--archive",
        str(archive_dir),
        "settings",
        "category_code",
        "SX",
        "--reason",
        "本馆门类代码",
        check=True,
    )
    out = run_cli("--archive", str(archive_dir), "settings", "--json", check=True)
    assert json.loads(out.stdout)["category_code"] == "SX"
    bad = run_cli("--archive", str(archive_dir), "settings", "archival_code_template", "{fonds}")
    assert bad.returncode == 1 and "档号模板无效" in bad.stderr


def test_ocr_engine_is_a_preference_the_flag_overrides(tmp_path: Path) -> None:
    from archivist.preferences import Preferences

    archive_dir = init(tmp_path)
    at = ("--archive", str(archive_dir))
    shown = json.loads(run_cli(*at, "settings", "--json", check=True).stdout)
    assert shown["ocr_engine"] == "tesseract" and shown["category_code"] == "SB"
    # a per-user preference: set without a reason, kept outside the archive
    run_cli(*at, "settings", "ocr_engine", "rapidocr", check=True)
    assert Preferences.load().ocr_engine == "rapidocr"
    again = run_cli(*at, "settings", "ocr_engine", check=True)
    assert again.stdout.strip() == "ocr_engine = rapidocr"
    # unknown names are refused with the choices, from the flag and the settings command
    bad = run_cli(*at, "ocr", "--engine", "abbyy")
    assert bad.returncode == 1
    assert "未知的识别引擎：abbyy（可选：tesseract, rapidocr）" in bad.stderr
    bad = run_cli(*at, "--lang", "en", "settings", "ocr_engine", "abbyy")
    assert bad.returncode == 1
    assert "Unknown OCR engine: abbyy (choose one of: tesseract, rapidocr)" in bad.stderr
    assert Preferences.load().ocr_engine == "rapidocr"
    # a hand-edited preferences file: refused when used; the queue status still shows
    prefs = Preferences.load()
    prefs.ocr_engine = "abbyy"
    prefs.save()
    bad = run_cli(*at, "ocr")
    assert bad.returncode == 1 and "未知的识别引擎：abbyy" in bad.stderr
    assert run_cli(*at, "ocr", "--status", check=True).stdout.startswith("页数 0/0")
    done = run_cli(*at, "ocr", "--engine", "tesseract", "--json", check=True)
    assert json.loads(done.stdout)["pages_done"] == 0


def test_ocr_cleanup_is_a_preference_the_flag_overrides(tmp_path: Path) -> None:
    from archivist.preferences import Preferences

    def archive_with_a_tilted_page(name: str) -> tuple[Path, tuple[str, str]]:
        archive_dir = init(tmp_path / name)
        at = ("--archive", str(archive_dir))
        # a page turned by 2 degrees: the measured clean-up deskews it
        render_text_page(tmp_path / name / "tilted.png", ["失业保险金申领登记表经办机构审核意见"] * 6, angle=2.0)
        page = [{"file": "tilted.png", "role": "form", "title": "失业保险金申领登记表"}]
        manifest = write_manifest(tmp_path / name, materials=page)
        run_cli(*at, "capture", "--manifest", str(manifest), check=True)
        return archive_dir, at

    def engines(archive_dir: Path) -> list[str]:
        with sqlite3.connect(archive_dir / "archive.db") as conn:
            return [row[0] for row in conn.execute("SELECT engine FROM page_texts")]

    first, at = archive_with_a_tilted_page("first")
    assert run_cli(*at, "settings", "ocr_cleanup", check=True).stdout.strip() == (
        "ocr_cleanup = True"
    )
    run_cli(*at, "settings", "ocr_cleanup", "off", check=True)
    assert Preferences.load().ocr_cleanup is False
    bad = run_cli(*at, "settings", "ocr_cleanup", "maybe")
    assert bad.returncode != 0 and "ocr_cleanup 只能设为 on 或 off" in bad.stderr
    assert Preferences.load().ocr_cleanup is False
    run_cli(*at, "ocr", "--json", check=True)
    assert engines(first) == ["tesseract:chi_sim"]  # read as it is
    # the flag overrides the preference for one run: the page is turned upright first
    second, at = archive_with_a_tilted_page("second")
    report = json.loads(run_cli(*at, "ocr", "--cleanup", "--json", check=True).stdout)
    assert report["pages_failed"] == 0
    assert [e.split("+")[0] for e in engines(second)] == ["tesseract:chi_sim"]
    assert "deskew(" in engines(second)[0]


def test_rapidocr_not_installed_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from archivist.cli import main
    from archivist.preferences import Preferences

    archive_dir = init(tmp_path)
    at = ["--archive", str(archive_dir)]
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # importing it now fails: not installed
    assert main([*at, "settings", "ocr_engine", "rapidocr"]) == 1
    err = capsys.readouterr().err
    assert "RapidOCR 识别引擎未安装" in err and 'pip install "archivist[rapidocr]"' in err
    assert Preferences.load().ocr_engine == "tesseract"
    assert main([*at, "--lang", "en", "ocr", "--engine", "rapidocr"]) == 1
    err = capsys.readouterr().err
    assert "RapidOCR engine is not installed" in err and "archivist[rapidocr]" in err


def test_ocr_with_rapidocr_end_to_end(tmp_path: Path) -> None:
    """The preference reaches the worker processes (one page: loading the models takes
    a second or two, in the runner's check and again in the worker)."""
    archive_dir = init(tmp_path)
    at = ("--archive", str(archive_dir))
    one_page = [{"file": "c.jpg", "role": "form", "title": "失业保险金申领登记表"}]
    manifest = write_manifest(tmp_path / "drop", materials=one_page)
    run_cli(*at, "capture", "--manifest", str(manifest), check=True)
    run_cli(*at, "settings", "ocr_engine", "rapidocr", check=True)
    report = json.loads(run_cli(*at, "ocr", "--workers", "1", "--json", check=True).stdout)
    assert report["pages_failed"] == 0 and report["pages_done"] == 1
    with sqlite3.connect(archive_dir / "archive.db") as conn:
        engines = {row[0] for row in conn.execute("SELECT engine FROM page_texts")}
    assert engines and all(e.startswith("rapidocr:") for e in engines)


def test_command_line_tests_run_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12 point 8: `run_cli` calls the entry function in this process (a new
    process costs a second of imports per call) and leaves nothing of a run behind."""
    from archivist import cli, messages

    monkeypatch.setattr(cli, "__version__", "in-process")
    assert run_cli("--version").stdout == "archivist in-process\n"
    handlers, cwd = list(logging.getLogger().handlers), os.getcwd()
    refused = run_cli(
        "--archive", str(tmp_path / "none"), "--lang", "en", "item", "list",
        env={"ARCHIVIST_ONLY_FOR_THE_RUN": "1"},
    )  # fmt: skip
    assert refused.returncode == 1 and refused.stderr.startswith("error: ")
    assert messages.current_language() == "zh"
    assert "ARCHIVIST_ONLY_FOR_THE_RUN" not in os.environ
    assert logging.getLogger().handlers == handlers and os.getcwd() == cwd
    usage = run_cli("--archive", str(tmp_path / "none"), "volume", "build")
    assert usage.returncode == 2 and usage.stderr.startswith("usage: archivist volume build")
    with pytest.raises(AssertionError, match="run_cli_process"):
        run_cli("summary", env={"ARCHIVIST_CRASH_AT": "capture.after_copy"})


def test_the_console_entry_in_a_real_process_says_what_run_cli_says(tmp_path: Path) -> None:
    """The real `python -m archivist` (kept as a separate process here on purpose):
    success, a refusal and a usage error give the same exit code and output as the
    in-process runs the other tests use."""
    archive_dir = tmp_path / "archive"
    at = ("--archive", str(archive_dir))
    cli_init(Path(at[1]), "J023", "测试中心", process=True)
    for args in (
        (*at, "summary", "--json"),
        (*at, "item", "show", "2023-SY-000009", "--json"),
        (*at, "--lang", "en", "item", "show", "2023-SY-000009"),
        (*at, "volume", "build"),
    ):
        real, here = run_cli_process(*args), run_cli(*args)
        assert (real.returncode, real.stdout, real.stderr) == (
            here.returncode,
            here.stdout,
            here.stderr,
        ), args
    assert run_cli_process(*at, "volume", "build").returncode == 2
