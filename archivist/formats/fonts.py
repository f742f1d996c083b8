"""Finding a Chinese font on this machine for rendering synthetic pages.

Pillow draws with any OpenType font, but reportlab embeds only fonts with TrueType
(`glyf`) outlines, not CFF ones such as Noto CJK. This module reads the font file's
table directory itself, so it needs neither library to tell the two apart.
"""

from __future__ import annotations

import functools
import os
import platform
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from archivist.errors import ArchiveError

FONT_ENV_VAR = "ARCHIVIST_CJK_FONT"

_LINUX_TRUETYPE = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
# CFF outlines: fine for Pillow, refused by reportlab.
_LINUX_CFF = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)
_WINDOWS_FONT_NAMES = ("simsun.ttc", "msyh.ttc", "simhei.ttf", "simkai.ttf")
_MACOS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
)

# Face names that mark the Simplified Chinese member of a collection (Noto CJK holds
# Japanese, Korean, Simplified and Traditional faces in one .ttc).
_SIMPLIFIED_MARKS = (
    " SC",
    "GB",
    "SimSun",
    "YaHei",
    "Zen Hei",
    "Micro Hei",
    "Heiti SC",
    "Songti SC",
)


@dataclass(frozen=True)
class FontFace:
    """One face in a font file: its family name and whether it has TrueType outlines."""

    index: int
    family: str
    truetype_outlines: bool


def _candidates() -> list[Path]:
    system = platform.system()
    windows_dir = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    windows = [windows_dir / name for name in _WINDOWS_FONT_NAMES]
    linux = [Path(p) for p in (*_LINUX_TRUETYPE, *_LINUX_CFF)]
    macos = [Path(p) for p in _MACOS]
    if system == "Windows":
        return windows + macos + linux
    if system == "Darwin":
        return macos + linux + windows
    return linux + macos + windows


def find_cjk_font(*, truetype_outlines: bool = False) -> Path:
    """The path of a Chinese font: `ARCHIVIST_CJK_FONT` first, then the usual system places.

    With `truetype_outlines=True` only fonts reportlab can embed qualify; a configured
    CFF font is then passed over in favour of a system TrueType one.
    """
    configured = os.environ.get(FONT_ENV_VAR, "").strip()
    if configured:
        path = Path(configured).expanduser()
        faces = font_faces(path)  # raises font.unusable for a missing or foreign file
        if not truetype_outlines or any(face.truetype_outlines for face in faces):
            return path
    for path in _candidates():
        if not path.is_file():
            continue
        try:
            faces = font_faces(path)
        except ArchiveError:
            continue
        if not truetype_outlines or any(face.truetype_outlines for face in faces):
            return path
    raise ArchiveError(
        "font.missing",
        variable=FONT_ENV_VAR,
        kind="TrueType" if truetype_outlines else "TrueType/OpenType",
    )


def preferred_face_index(path: Path, *, truetype_outlines: bool = False) -> int:
    """Index of the Simplified Chinese face in a collection (0 for a single font)."""
    faces = [f for f in font_faces(path) if f.truetype_outlines or not truetype_outlines]
    if not faces:
        return 0
    for face in faces:
        if any(mark in face.family for mark in _SIMPLIFIED_MARKS) and "Mono" not in face.family:
            return face.index
    return faces[0].index


def font_faces(path: Path) -> list[FontFace]:
    """The faces of a .ttf/.otf/.ttc file; ArchiveError `font.unusable` if it is not one."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise ArchiveError(
            "font.unusable", file=str(path), reason=exc.strerror or str(exc)
        ) from None
    return list(_read_faces(str(path), stat.st_size, stat.st_mtime_ns))


@functools.lru_cache(maxsize=32)
def _read_faces(path: str, size: int, mtime_ns: int) -> tuple[FontFace, ...]:
    del size, mtime_ns  # only part of the cache key, so a replaced file is read again
    try:
        with open(path, "rb") as handle:
            data = handle.read(1 << 20)  # the directories and name tables sit near the start
            header = data[:4]
            if header == b"ttcf":
                (count,) = struct.unpack_from(">I", data, 8)
                offsets = struct.unpack_from(f">{count}I", data, 12)
            elif header in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
                offsets = (0,)
            else:
                raise ValueError("not a TrueType/OpenType font")
            return tuple(_read_face(handle, data, i, off) for i, off in enumerate(offsets))
    except (OSError, ValueError, struct.error) as exc:
        raise ArchiveError("font.unusable", file=path, reason=str(exc)[:200]) from None


def _read_face(handle: BinaryIO, data: bytes, index: int, offset: int) -> FontFace:
    (num_tables,) = struct.unpack_from(">H", data, offset + 4)
    tables: dict[bytes, tuple[int, int]] = {}
    for entry in range(num_tables):
        tag, _checksum, table_offset, length = struct.unpack_from(
            ">4sIII", data, offset + 12 + 16 * entry
        )
        tables[tag] = (table_offset, length)
    family = _family_name(handle, data, tables.get(b"name"))
    return FontFace(index=index, family=family, truetype_outlines=b"glyf" in tables)


def _family_name(handle: BinaryIO, data: bytes, location: tuple[int, int] | None) -> str:
    """The English family name (name ID 1, Windows platform) or '' when absent."""
    if location is None:
        return ""
    offset, length = location
    if offset + length > len(data):
        # Rare: the name table lies past the first megabyte; read just that table.
        handle.seek(offset)
        table = handle.read(length)
        offset = 0
    else:
        table = data
    _fmt, count, strings = struct.unpack_from(">HHH", table, offset)
    best = ""
    for record in range(count):
        platform_id, _enc, language, name_id, size, start = struct.unpack_from(
            ">HHHHHH", table, offset + 6 + 12 * record
        )
        if platform_id != 3 or name_id != 1:
            continue
        raw = table[offset + strings + start : offset + strings + start + size]
        name = raw.decode("utf-16-be", errors="replace")
        if language == 0x0409:  # English (US): the name the faces are told apart by
            return name
        best = best or name
    return best
