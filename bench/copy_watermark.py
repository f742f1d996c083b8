"""How many watermarked copy pages per second does `make_copy` write?

Issue 14 asks for "watermarked copy pages per second". The bench captures `--items`
generated claims (each a 2-page PDF form and two scans: an A4 greyscale JPEG at 150 dpi,
about the size of a real scan, and a 3-page TIFF), files one copy request over all of
them as an archivist, has a head approve it, then times `archivist.use.copies.make_copy`
`--rounds` times over every page (and once over a page spec of every other page): each
stored file read and checked against its SHA-256, the chosen pages copied (scans placed
at their real size, PDF pages as they are), the watermark typeset for each page size and
laid over every page, the file written beside its target and moved into place, one
USE_COPY change and one EXPORT access event.

    .venv/bin/python bench/copy_watermark.py                 # 40 items, 240 pages
    .venv/bin/python bench/copy_watermark.py --items 200 --rounds 5

Prints pages per second (median over the rounds) and the size of the copy. Everything
lives in a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from archive_setup import ADMINISTRATORS, PASSWORD  # noqa: E402
from corpus import machine, table  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from archivist.accounts import directory, passwords  # noqa: E402
from archivist.archive import Archive  # noqa: E402
from archivist.capture.pipeline import capture_from_manifest  # noqa: E402
from archivist.rules.identity import id_check_character  # noqa: E402
from archivist.use.copies import make_copy  # noqa: E402
from archivist.use.requests import Borrower, approve, create_request  # noqa: E402

PAGES_PER_ITEM = 6  # 2 PDF pages, 1 JPEG, 3 TIFF frames


def _scan(path: Path, seed: int) -> None:
    """A greyscale A4 form at 150 dpi with ruled lines and scribbles (JPEG)."""
    rng = random.Random(seed)
    img = Image.new("L", (1240, 1754), 248)
    draw = ImageDraw.Draw(img)
    draw.rectangle((90, 160, 1150, 1600), outline=30, width=3)
    for y in range(220, 1600, 70):
        draw.line((90, y, 1150, y), fill=60, width=2)
        for _ in range(rng.randint(3, 9)):
            x = rng.randint(110, 1050)
            draw.line((x, y - 40, x + rng.randint(20, 90), y - 15), fill=20, width=3)
    img.save(path, "JPEG", quality=75, dpi=(150, 150))


def _tiff(path: Path, seed: int) -> None:
    frames = []
    for index in range(3):
        img = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(img)
        draw.rectangle((100, 100 + index * 30, 1100, 1600), outline=0, width=4)
        draw.text((120, 140), f"frame {index} {seed}", fill=0)
        frames.append(img.convert("1"))
    frames[0].save(
        path, "TIFF", save_all=True, append_images=frames[1:], compression="group4", dpi=(150, 150)
    )


def _pdf(path: Path, seed: int) -> None:
    pages = []
    for index in range(2):
        img = Image.new("RGB", (1240, 1754), "white")
        ImageDraw.Draw(img).text((60, 60), f"form {seed} page {index}", fill="black")
        pages.append(img)
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=150)


def _person(index: int) -> tuple[str, str]:
    born = dt.date(1960, 1, 1) + dt.timedelta(days=index * 97 % 14000)
    first17 = f"110105{born:%Y%m%d}{index % 1000:03d}"
    return f"张{'伟芳娜敏静丽强磊'[index % 8]}", first17 + id_check_character(first17)


def build(root: Path, items: int) -> tuple[Archive, str]:
    """An archive of `items` captured claims and one approved copy request over them."""
    passwords.use_parameters(time_cost=1, memory_kib=8)
    archive = Archive.init(root / "archive", "B001", "基准测试全宗", ADMINISTRATORS)
    archive.sign_in("admin", PASSWORD)
    for user in ("clerk", "head"):
        directory.add_account(archive, user, user, PASSWORD + "-first")
    archive.sign_in("security", PASSWORD)
    directory.grant_role(archive, "clerk", "archivist", "基准测试：岗位分配")
    directory.grant_role(archive, "head", "head", "基准测试：岗位分配")
    for user in ("clerk", "head"):
        archive.sign_in(user, PASSWORD + "-first")
        directory.change_own_password(archive, PASSWORD + "-first", PASSWORD)
    archive.sign_in("clerk", PASSWORD)
    numbers = []
    for index in range(items):
        folder = root / "in" / f"item-{index:04d}"
        folder.mkdir(parents=True)
        _pdf(folder / "a.pdf", index)
        _scan(folder / "b.jpg", index)
        _tiff(folder / "c.tif", index)
        name, id_number = _person(index)
        manifest = folder / "manifest.json"
        manifest.write_text(
            json.dumps(
                {
                    "class": "SY",
                    "business_type": "失业保险金申领",
                    "completed_on": f"2023-{index % 12 + 1:02d}-10",
                    "entity": {"kind": "person", "name": name, "id_number": id_number},
                    "title": f"{name}失业保险金申领",
                    "handler": "王五",
                    "materials": [
                        {"file": "a.pdf", "role": "form", "title": "失业保险金申领登记表"},
                        {"file": "b.jpg", "role": "voucher", "person": name, "title": "身份证"},
                        {"file": "c.tif", "role": "voucher", "title": "解除劳动合同证明"},
                    ],
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        numbers.append(capture_from_manifest(archive, manifest).number)
    request = create_request(
        archive, "copy", Borrower("李四", unit="某某公司"), "核对待遇", items=numbers
    ).number
    archive.sign_in("head", PASSWORD)
    approve(archive, request)
    archive.sign_in("clerk", PASSWORD)
    return archive, request


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-copy-"))
    try:
        started = time.perf_counter()
        archive, request = build(work, args.items)
        print(f"built {args.items} items in {time.perf_counter() - started:.1f} s", flush=True)
        rows = []
        for label, spec in (("every page", None), ("every other page", "odd")):
            total = args.items * PAGES_PER_ITEM
            pages = None if spec is None else ",".join(str(n) for n in range(1, total + 1, 2))
            rates, size, count = [], 0, 0
            for round_ in range(args.rounds):
                out = work / f"copy-{round_}.pdf"
                begun = time.perf_counter()
                result = make_copy(archive, request, out, pages)
                seconds = time.perf_counter() - begun
                rates.append(result.pages / seconds)
                size, count = out.stat().st_size, result.pages
                out.unlink()
            rows.append((label, count, round(statistics.median(rates), 1), round(size / 2**20, 1)))
        archive.close()
        print(machine())
        print(table(("copy", "pages", "pages/s", "MiB"), rows))
        print(f"watermarked copy: {rows[0][2]} pages/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
