"""Shared fixtures: temporary archives and generated documents (never committed binaries)."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import traceback
import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from archivist import logs, messages
from archivist.accounts import directory, passwords, session_file, signing
from archivist.accounts.directory import Administrators, NewAccount
from archivist.archive import Archive
from archivist.messages import set_language

# Cheap password hashes for the suite: a hash carries its parameters, so these check in
# microseconds anywhere (the product's are measured in archivist.accounts.passwords).
passwords.use_parameters(time_cost=1, memory_kib=8)
PASSWORD = "Ceshi-2024-mima"  # every test account's
ADMINISTRATORS = Administrators(
    NewAccount("admin", "系统管理员", PASSWORD),
    NewAccount("security", "安全保密员", PASSWORD),
    NewAccount("auditor", "安全审计员", PASSWORD),
)

ROOT = Path(__file__).resolve().parent.parent
ID_ZHANG = "11010519491231002X"
ID_LI = "110105198001010016"
# A CJK font Tesseract's tests render known text with (Debian: fonts-wqy-zenhei).
TEXT_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
TEXT_LINES = [
    "失业保险金申领登记表",
    "申请人因单位解除劳动合同而失业",
    "现申请领取失业保险金请予审核",
    "经办机构示例市社会保险事业服务中心",
]


# Every so many tests the objects still alive (modules, session fixtures) are moved out
# of the garbage collector's sight (gc.freeze): the test process holds hundreds of
# thousands of them, and each full collection (the search index runs one whenever an
# archive closes) would walk them all again, 0.2–0.4 s a time late in the session.
FREEZE_EVERY = 40
_tests_run = 0


def pytest_runtest_setup(item: pytest.Item) -> None:
    global _tests_run
    if _tests_run % FREEZE_EVERY == 0:
        gc.collect()
        gc.freeze()
    _tests_run += 1


@pytest.fixture(autouse=True)
def _chinese_messages(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    # Never read or write the real user's preferences.
    monkeypatch.setenv("ARCHIVIST_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    # Nor write to the real user's log (archivist.logs).
    monkeypatch.setenv("ARCHIVIST_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
    monkeypatch.delenv("ARCHIVIST_CRASH_AT", raising=False)
    set_language("zh")
    yield
    set_language(None)
    logs.shutdown()  # a command line run in this process opened a log file


@pytest.fixture(scope="session")
def _new_archive_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new archive, made once: creating one runs every migration (0.2–0.3 s)."""
    root = tmp_path_factory.mktemp("template") / "archive"
    init_archive(root).close()
    return root


def init_archive(root: Path, fonds: tuple[str, str] = ("J023", "测试市社会保险事业服务中心")) -> Archive:
    """A new archive with its three administrators and "tester", an archivist, signed in
    (in this process and, for the command line, with a session of this OS user)."""
    archive = Archive.init(root, *fonds, ADMINISTRATORS)
    add_person(archive, "tester", "archivist")
    sign_in(archive, "tester")
    return archive


def add_person(
    archive: Archive, user_name: str, *roles: str, display_name: str | None = None
) -> None:
    """An account added by the administrator, its roles granted by the security officer,
    its password set by its owner (the way people join an archive)."""
    acting = archive.person
    archive.sign_in("admin", PASSWORD)
    first = PASSWORD + "-first"
    directory.add_account(archive, user_name, display_name or user_name, first)
    archive.sign_in("security", PASSWORD)
    for role in roles:
        directory.grant_role(archive, user_name, role, "测试：岗位分配")
    archive.sign_in(user_name, first)
    directory.change_own_password(archive, first, PASSWORD)
    archive.sign_out()
    if acting is not None:
        archive.sign_in(acting.user_name, PASSWORD)


def sign_in(archive: Archive, user_name: str) -> Archive:
    """Sign `user_name` in, here and for the command line (`archivist login`)."""
    archive.sign_in(user_name, PASSWORD)
    session_file.save(archive.root, user_name, signing.start_session(archive))
    return archive


def give_accounts(archive: Archive) -> Archive:
    """An archive from before accounts: its three administrators set up, "tester" (an
    archivist) added and signed in."""
    assert not archive.has_accounts()
    archive.set_up_administrators(ADMINISTRATORS)
    add_person(archive, "tester", "archivist")
    return sign_in(archive, "tester")


@contextlib.contextmanager
def acting_as(archive: Archive, user_name: str) -> Iterator[Archive]:
    """`user_name` signed in (here and for the command line) for the block; then the
    person before again."""
    before = archive.person.user_name if archive.person else None
    sign_in(archive, user_name)
    try:
        yield archive
    finally:
        if before is not None:
            sign_in(archive, before)


def open_archive(root: Path, user_name: str = "tester", *, reconcile: bool = True) -> Archive:
    """Open an existing archive signed in as `user_name`."""
    return sign_in(Archive.open(root, reconcile=reconcile), user_name)


def cli_init(
    root: Path, code: str = "J1", name: str = "测试", *, process: bool = False
) -> Path:
    """`archivist init` with the three administrators (their passwords on stdin), then
    "tester" (an archivist) added and signed in for the command line."""
    run = run_cli_process if process else run_cli
    run(
        "--archive", str(root), "init", "--fonds-code", code, "--fonds-name", name,
        "--admin", "admin", "--security", "security", "--auditor", "auditor",
        "--password-stdin", input=f"{PASSWORD}\n" * 3, check=True,
    )  # fmt: skip
    with Archive.open(root) as archive:
        add_person(archive, "tester", "archivist")
        sign_in(archive, "tester")
    return root


@pytest.fixture
def archive(tmp_path: Path, _new_archive_template: Path) -> Iterator[Archive]:
    """A new, empty archive of its own for each test (a copy of the one made once), with
    "tester" (an archivist) signed in."""
    root = tmp_path / "archive"
    shutil.copytree(_new_archive_template, root)
    arch = open_archive(root)
    yield arch
    arch.close()


def make_jpeg(path: Path, seed: int = 0, size: tuple[int, int] = (400, 300)) -> Path:
    img = Image.new("RGB", size, (250, 250, 245))
    draw = ImageDraw.Draw(img)
    draw.rectangle((10 + seed % 50, 10, 200, 100 + seed % 80), outline=(0, 0, 0), width=3)
    draw.text((20, 120), f"page {seed}", fill=(0, 0, 0))
    img.save(path, "JPEG", quality=85)
    return path


def render_text_page(
    path: Path, lines: list[str] = TEXT_LINES, mode: str = "L", angle: float = 0.0
) -> Path:
    """A page of known Chinese text for OCR, optionally tilted by `angle` degrees."""
    font = ImageFont.truetype(TEXT_FONT, 40)
    img = Image.new("L", (1240, 900), 255)
    draw = ImageDraw.Draw(img)
    for index, line in enumerate(lines):
        draw.text((90, 100 + index * 90), line, font=font, fill=0)
    if angle:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img.convert(mode).save(path)
    return path


def make_png(path: Path, seed: int = 0) -> Path:
    img = Image.new("L", (300, 200), 255)
    ImageDraw.Draw(img).line((0, seed % 200, 300, 100), fill=0, width=2)
    img.save(path, "PNG")
    return path


def make_tiff(path: Path, pages: int = 3, seed: int = 0) -> Path:
    frames = []
    for index in range(pages):
        img = Image.new("L", (300, 400), 255)
        ImageDraw.Draw(img).text((10, 10 + index * 20), f"frame {index} {seed}", fill=0)
        frames.append(img)
    frames[0].save(path, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw")
    return path


def make_pdf(path: Path, pages: int = 2, seed: int = 0) -> Path:
    images = []
    for index in range(pages):
        img = Image.new("RGB", (400, 560), "white")
        ImageDraw.Draw(img).text((20, 20), f"form {seed} page {index}", fill="black")
        images.append(img)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:])
    return path


def make_encrypted_pdf(path: Path) -> Path:
    source = make_pdf(path.with_name("plain-" + path.name))
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner", user="user"))
    source.unlink()
    return path


def write_manifest(folder: Path, **overrides: Any) -> Path:
    """A valid manifest of an unemployment-benefit claim with three materials."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "a.pdf").exists():
        # seeds wide enough that two folders' scans never come out the same bytes (with
        # seeds below 1,000 two claims of one test sometimes shared a voucher and capture
        # rightly noted the duplicate)
        seed = zlib.crc32(str(folder).encode("utf-8"))
        make_pdf(folder / "a.pdf", pages=2, seed=seed % 1_000_003)
        make_jpeg(folder / "b.jpg", seed=2 * (seed % 1_000_003))
        make_jpeg(folder / "c.jpg", seed=2 * (seed % 1_000_003) + 1)
    data: dict[str, Any] = {
        "class": "SY",
        "business_type": "失业保险金申领",
        "completed_on": "2023-05-12",
        "entity": {"kind": "person", "name": "张三", "id_number": ID_ZHANG},
        "title": "张三失业保险金申领",
        "handler": "王五",
        "roster": ["张三", "李四"],
        "materials": [
            {
                "file": "b.jpg",
                "role": "voucher",
                "importance": "secondary",
                "person": "李四",
                "title": "身份证复印件",
            },
            {"file": "c.jpg", "role": "voucher", "person": "张三", "title": "解除劳动合同证明"},
            {"file": "a.pdf", "role": "form", "title": "失业保险金申领登记表"},
        ],
    }
    data.update(overrides)
    path = folder / "manifest.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def stored_files(archive: Archive) -> list[Path]:
    return sorted(p for p in archive.layout.files.rglob("*") if p.is_file())


def leftovers(archive: Archive) -> list[Path]:
    """Anything an operation left in the work area (staging copies, journals)."""
    return sorted(
        p for p in archive.layout.work.rglob("*") if p.is_file() and p.name != "last-error.txt"
    )


def run_cli(
    *args: str, env: dict[str, str] | None = None, check: bool = False, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command line in this process: its entry function `archivist.cli.main`
    with stdout and stderr captured, giving what a separate process would (exit code,
    output). `env` is added to the environment for the call; the language, environment,
    log handlers, working folder and stdin are as before afterwards. A new Python
    process costs a second of imports per call; tests that need one (a crash, another
    process, another user, the real interpreter's exit) use `run_cli_process`."""
    from archivist.cli import main

    added = dict(env or {})
    if "ARCHIVIST_CRASH_AT" in {**os.environ, **added}:
        raise AssertionError("a crash point ends the process: use run_cli_process")
    out, err = io.StringIO(), io.StringIO()
    with _cli_state_restored(added, input), warnings.catch_warnings(record=True) as warned:
        # The interpreter's default filters: a warning a person would see goes to stderr.
        warnings.simplefilter("default")
        for hidden in (DeprecationWarning, PendingDeprecationWarning, ImportWarning):
            warnings.simplefilter("ignore", hidden)
        warnings.simplefilter("ignore", ResourceWarning)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code: int | str | None = main(list(args))
            except SystemExit as stop:  # argparse: usage errors (2), --help, --version (0)
                code = stop.code
            except Exception:  # what the interpreter does with an exception main lets out
                traceback.print_exc()
                code = 1
        for warning in warned:
            err.write(
                warnings.formatwarning(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
            )
        if isinstance(code, str):  # SystemExit("text"): the text on stderr, exit 1
            err.write(code + "\n")
            code = 1
    result = subprocess.CompletedProcess(
        ["archivist", *args], code or 0, out.getvalue(), err.getvalue()
    )
    if check and result.returncode != 0:
        raise AssertionError(f"archivist {' '.join(args)} failed: {result.stderr}")
    return result


@contextlib.contextmanager
def _cli_state_restored(added: dict[str, str], stdin: str | None) -> Iterator[None]:
    """What a command-line run may change in its process, put back after it."""
    environ = dict(os.environ)
    language = messages._language
    cwd = os.getcwd()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {
        name: logger.level
        for name, logger in logging.Logger.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
    }
    saved_stdin = sys.stdin
    os.environ.update(added)
    os.chdir(ROOT)
    sys.stdin = io.StringIO(stdin or "")  # not a terminal, as under subprocess
    try:
        yield
    finally:
        sys.stdin = saved_stdin
        os.chdir(cwd)
        for name in set(os.environ) - set(environ):
            del os.environ[name]
        os.environ.update({k: v for k, v in environ.items() if os.environ.get(k) != v})
        messages._language = language
        logs.shutdown()  # the log file the run opened
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        for name, logger in logging.Logger.manager.loggerDict.items():
            if isinstance(logger, logging.Logger) and logger.level != levels.get(name, 0):
                logger.setLevel(levels.get(name, logging.NOTSET))


def run_cli_process(
    *args: str, env: dict[str, str] | None = None, check: bool = False, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a fresh process (`python -m archivist`): for a
    crash point that ends the process, a lock held by another process, the console
    entry itself."""
    full_env = {**os.environ, **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "archivist", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        input=input,
        timeout=120,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"archivist {' '.join(args)} failed: {result.stderr}")
    return result
