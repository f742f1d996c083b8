"""Is a large scan complete? Streaming checks that never hold the bitmap.

A header says how big an image is; only the data says whether it is all there. Scans
too large to decode in memory are checked here by walking their compressed data to its
end, a piece at a time:

- PNG: every chunk's CRC, the IDAT stream inflated to its end (and exactly as many
  bytes as the header's rows need), and the IEND chunk;
- JPEG: the markers to the end-of-image marker (EOI), through every scan;
- JPEG 2000: the codestream's end marker (EOC);
- TIFF: every strip or tile lies within the file.

Each function returns None when the data is complete, else a short English reason.
"""

from __future__ import annotations

import math
import mmap
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
# Adam7 passes: (x start, y start, x step, y step).
_ADAM7 = [
    (0, 0, 8, 8),
    (4, 0, 8, 8),
    (0, 4, 4, 8),
    (2, 0, 4, 4),
    (0, 2, 2, 4),
    (1, 0, 2, 2),
    (0, 1, 1, 2),
]
_READ = 1 << 20


def png_problem(path: Path) -> str | None:
    """Walk a PNG's chunks (CRC of each), inflate its IDAT stream in pieces and count
    the bytes against the header's size; the file must end with IEND."""
    with path.open("rb") as handle:
        if handle.read(8) != _PNG_SIGNATURE:
            return "no PNG signature"
        inflater = zlib.decompressobj()
        produced = 0
        expected: int | None = None
        while True:
            head = handle.read(8)
            if len(head) < 8:
                return "no IEND chunk: the file ends early"
            length, kind = struct.unpack(">I4s", head)
            if length > 0x7FFFFFFF:
                return f"bad length of chunk {kind!r}"
            crc = zlib.crc32(kind)
            remaining = length
            header = b""
            while remaining:
                piece = handle.read(min(_READ, remaining))
                if not piece:
                    return f"chunk {kind.decode('latin-1')} cut short"
                remaining -= len(piece)
                crc = zlib.crc32(piece, crc)
                if kind == b"IHDR":
                    header += piece
                elif kind == b"IDAT":
                    if expected is None:
                        return "IDAT before IHDR"
                    try:
                        produced += _inflate(inflater, piece, expected - produced)
                    except zlib.error as exc:
                        return f"image data damaged ({exc})"
                    if produced > expected:
                        return "more image data than the header allows"
            stored = handle.read(4)
            if len(stored) < 4:
                return f"chunk {kind.decode('latin-1')} cut short"
            if struct.unpack(">I", stored)[0] != crc & 0xFFFFFFFF:
                return f"CRC error in chunk {kind.decode('latin-1')}"
            if kind == b"IHDR":
                expected = _png_raw_size(header)
                if expected is None:
                    return "bad IHDR chunk"
            elif kind == b"IEND":
                break
        if expected is None:
            return "no IHDR chunk"
        if not inflater.eof:
            return f"image data incomplete ({produced} of {expected} bytes)"
        if produced != expected:
            return f"image data incomplete ({produced} of {expected} bytes)"
    return None


def _inflate(inflater: zlib._Decompress, data: bytes, room: int) -> int:
    """Feed `data` to the inflater, counting (not keeping) the output; stops early once
    more than `room` bytes came out."""
    count = 0
    while data:
        out = inflater.decompress(data, _READ)
        count += len(out)
        if count > room:
            return count
        data = inflater.unconsumed_tail
        if inflater.eof:
            break
    return count


def _png_raw_size(header: bytes) -> int | None:
    if len(header) != 13:
        return None
    fields: tuple[int, ...] = struct.unpack(">IIBBBBB", header)
    width, height, depth, colour, _, _, interlace = fields
    channels = _PNG_CHANNELS.get(colour)
    if channels is None or width == 0 or height == 0:
        return None
    bits = channels * depth

    def rows(w: int, h: int) -> int:
        if w == 0 or h == 0:
            return 0
        return h * (1 + (w * bits + 7) // 8)

    if interlace == 0:
        return rows(width, height)
    total = 0
    for x0, y0, dx, dy in _ADAM7:
        total += rows(max(0, (width - x0 + dx - 1) // dx), max(0, (height - y0 + dy - 1) // dy))
    return total


def jpeg_problem(path: Path) -> str | None:
    """Walk a JPEG's markers through every scan to the end-of-image marker."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        size = len(data)
        if data[:2] != b"\xff\xd8":
            return "no start-of-image marker"
        pos = 2
        while True:
            pos = data.find(b"\xff", pos)
            if pos < 0 or pos + 1 >= size:
                return "no end-of-image marker: the file ends early"
            marker = data[pos + 1]
            if marker == 0xFF:  # fill byte
                pos += 1
                continue
            if marker == 0xD9:
                return None
            if marker == 0x01 or 0xD0 <= marker <= 0xD7:
                pos += 2
                continue
            if pos + 4 > size:
                return "segment cut short"
            length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
            end = pos + 2 + length
            if length < 2 or end > size:
                return "segment cut short"
            pos = end
            if marker == 0xDA:  # entropy-coded data up to the next real marker
                while True:
                    pos = data.find(b"\xff", pos)
                    if pos < 0 or pos + 1 >= size:
                        return "no end-of-image marker: the file ends early"
                    following = data[pos + 1]
                    if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                        pos += 1 if following == 0xFF else 2
                        continue
                    break


def jp2_problem(path: Path) -> str | None:
    """A JPEG 2000 codestream (bare, or in the jp2c box of a JP2 file) must end with EOC."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        size = len(data)
        if data[:4] == b"\xff\x4f\xff\x51":
            return None if data[size - 2 : size] == b"\xff\xd9" else "no end-of-codestream marker"
        pos = 0
        while pos + 8 <= size:
            length, kind = struct.unpack(">I4s", data[pos : pos + 8])
            header = 8
            if length == 1:
                if pos + 16 > size:
                    return "box cut short"
                length = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
                header = 16
            elif length == 0:
                length = size - pos
            if length < header or pos + length > size:
                return "box cut short: the file ends early"
            if kind == b"jp2c":
                end = pos + length
                return None if data[end - 2 : end] == b"\xff\xd9" else "no end-of-codestream marker"
            pos += length
        return "no codestream"


@dataclass(frozen=True)
class TiffLayout:
    """Where a TIFF frame's data lies (from its tags)."""

    width: int
    height: int
    offsets: Sequence[int]
    counts: Sequence[int]
    rows_per_strip: int | None = None
    tile_width: int | None = None
    tile_height: int | None = None
    planes: int = 1
    uncompressed_total: int | None = None  # bytes the pixels need, if stored uncompressed


def tiff_problem(layout: TiffLayout, file_size: int) -> str | None:
    """Every strip or tile a frame needs is listed and lies inside the file (and holds
    all its bytes when the data is uncompressed)."""
    if not layout.offsets or len(layout.offsets) != len(layout.counts):
        return "strip offsets and byte counts missing or mismatched"
    if layout.tile_width and layout.tile_height:
        needed = (
            math.ceil(layout.width / layout.tile_width)
            * math.ceil(layout.height / layout.tile_height)
            * layout.planes
        )
    else:
        rows = layout.rows_per_strip or layout.height
        needed = math.ceil(layout.height / max(1, min(rows, layout.height))) * layout.planes
    if len(layout.offsets) < needed:
        return f"only {len(layout.offsets)} of {needed} strips or tiles"
    for offset, count in zip(layout.offsets, layout.counts, strict=True):
        if count <= 0 or offset < 8 or offset + count > file_size:
            return f"data at {offset} (+{count} bytes) lies outside the file of {file_size} bytes"
    if (
        layout.uncompressed_total
        and not layout.tile_width
        and sum(layout.counts[:needed]) < layout.uncompressed_total
    ):
        return "strips hold fewer bytes than the image needs"
    return None
