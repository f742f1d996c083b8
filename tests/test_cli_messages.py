"""Issue 12 point 5: the command line is a package of command groups, and its human
output comes from the message catalogue, so `--lang en` speaks English throughout."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from archivist.messages import CATALOG
from archivist.messages import cli as cli_messages

from .conftest import cli_init, run_cli, write_manifest

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# The fields of the --json output that hold data a person entered (names, titles,
# departments, the scheme's names): these may be Chinese in any language.
DATA_KEYS = {
    "title", "name", "handler", "business_type", "class_name", "from_department",
    "to_department", "handed_by", "received_by", "folder", "entity_name", "period_key",
}  # fmt: skip


def data_values(data: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key in DATA_KEYS and isinstance(value, str):
                found.add(value)
            found |= data_values(value)
    elif isinstance(data, list):
        for value in data:
            found |= data_values(value)
    return found


def fixed_text(at: tuple[str, ...], *command: str) -> tuple[str, str]:
    """(the human output of `command` in English less the data values, the Chinese one)."""
    english = run_cli(*at, "--lang", "en", *command)
    chinese = run_cli(*at, *command)
    assert english.returncode == chinese.returncode, english.stderr
    assert english.returncode in (0, 3), english.stderr
    shown = run_cli(*at, *command, "--json")
    values = data_values(json.loads(shown.stdout)) if shown.stdout.strip() else set()
    text = english.stdout + english.stderr
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, "«data»")
    # a word quoted from the data, e.g. why a material sorts where it does
    text = re.sub(r"'[^']*'", "«data»", text)
    return text, chinese.stdout + chinese.stderr


def test_english_output_has_no_chinese_but_the_data(tmp_path: Path) -> None:
    at = ("--archive", str(tmp_path / "archive"))
    cli_init(Path(at[1]), "J023", "测试中心")
    for name, day in (("a", "2023-03-01"), ("b", "2023-08-09")):
        manifest = write_manifest(
            tmp_path / name, **{"class": "GS", "business_type": "工伤认定", "completed_on": day}
        )
        made = run_cli(*at, "--lang", "en", "capture", "--manifest", str(manifest), check=True)
        assert not HAN.search(made.stdout + made.stderr), made.stdout + made.stderr
    built = run_cli(*at, "volume", "build", "--year", "2023", "--class", "GS", "--by", "year",
                    "--json", check=True)  # fmt: skip
    code = json.loads(built.stdout)[0]["code"]
    later = write_manifest(
        tmp_path / "c", **{"class": "GS", "business_type": "工伤认定", "completed_on": "2023-11-02"}
    )
    run_cli(*at, "capture", "--manifest", str(later), check=True)  # unfiled: for the dry run
    created = run_cli(*at, "handover", "create", "--from", "工伤保险科", "--by", "王五",
                      "--json", check=True)  # fmt: skip
    batch = json.loads(created.stdout)["number"]
    run_cli(*at, "handover", "add", batch, code, check=True)
    commands = [
        ("item", "show", "2023-GS-000001"),
        ("item", "list"),
        ("volume", "list"),
        ("volume", "show", code),
        ("volume", "build", "--year", "2023", "--class", "GS", "--dry-run"),
        ("handover", "check", batch),  # fails: the registers are missing (exit 3)
        ("handover", "show", batch),
        ("handover", "list"),
        ("summary",),
        ("verify",),
    ]
    for command in commands:
        english, chinese = fixed_text(at, *command)
        assert english.strip(), command
        assert not HAN.search(english), (command, english)
        assert HAN.search(chinese), (command, chinese)  # the default is still Chinese


def test_fill_and_box_speak_english_too(tmp_path: Path) -> None:
    at = ("--archive", str(tmp_path / "archive"))
    cli_init(Path(at[1]), "J023", "测试中心")
    run_cli(*at, "capture", "--manifest", str(write_manifest(tmp_path / "a")), check=True)
    filled = run_cli(*at, "--lang", "en", "box", "fill", "--year", "2023", "--class", "SY",
                     check=True)  # fmt: skip
    assert "Filled 1 boxes" in filled.stdout and "10 years" in filled.stdout
    assert "by item" in filled.stdout and "1 items" in filled.stdout
    chinese = run_cli(*at, "box", "list", check=True).stdout
    assert "10年" in chinese and "按件" in chinese and "共 1 盒" in chinese
    for command in (("box", "labels"), ("box", "list"), ("reindex",), ("item", "list")):
        english = run_cli(*at, "--lang", "en", *command, check=True).stdout
        # the box list shows the box's place "0001盒" (a code); the item list names 张三
        kept = english.replace("盒", "").replace("张三失业保险金申领", "").replace("张三", "")
        assert english.strip() and not HAN.search(kept), (command, english)


def test_every_cli_sentence_has_both_languages_and_is_in_the_catalogue() -> None:
    assert cli_messages.CATALOG
    for code, (zh, en) in cli_messages.CATALOG.items():
        assert code.startswith("cli.") and CATALOG[code] == (zh, en)
        assert not HAN.search(en), code


def test_the_command_line_is_a_package_of_command_groups() -> None:
    """Each group module registers its own sub-commands; `archivist.cli.main` stays the
    entry point."""
    import importlib

    from archivist import cli

    groups = ("admin", "capture", "items", "volumes", "custody", "handover", "registers",
              "search")  # fmt: skip
    commands = cli.build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in groups:
        module = importlib.import_module(f"archivist.cli.{name}")
        assert callable(module.register)
    assert {"init", "capture", "item", "volume", "box", "handover", "search", "summary"} <= set(
        commands
    )
    assert callable(cli.main)
