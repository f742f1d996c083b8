"""Code 128 barcodes (code set B) in pure Python, for box and spine labels.

Code set B holds printable ASCII (space to `~`): letters, digits and symbols, which is
what a scanner at the shelf types back. The bars are described as module widths here;
`archivist.formats.images.barcode_png` draws them.

Symbol = start B, one symbol per character, a check symbol
(start value + Σ position × value, mod 103), stop; at least ten blank modules either
side (the quiet zone) so a scanner can find the start.
"""

from __future__ import annotations

from dataclasses import dataclass

from archivist.errors import RegisterError

# Bar/space widths (bar first, six elements, eleven modules) of symbol values 0..105,
# then the stop pattern (seven elements, thirteen modules). ISO/IEC 15417 table 1.
PATTERNS: tuple[str, ...] = (
    '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312',
    '132212', '221213', '221312', '231212', '112232', '122132', '122231', '113222',
    '123122', '123221', '223211', '221132', '221231', '213212', '223112', '312131',
    '311222', '321122', '321221', '312212', '322112', '322211', '212123', '212321',
    '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
    '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121',
    '313121', '211331', '231131', '213113', '213311', '213131', '311123', '311321',
    '331121', '312113', '312311', '332111', '314111', '221411', '431111', '111224',
    '111422', '121124', '121421', '141122', '141221', '112214', '112412', '122114',
    '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
    '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112',
    '421211', '212141', '214121', '412121', '111143', '111341', '131141', '114113',
    '114311', '411113', '411311', '113141', '114131', '311141', '411131', '211412',
    '211214', '211232', '2331112',
)  # fmt: skip
START_B = 104
STOP = 106
QUIET_ZONE = 10  # modules of white either side (the standard's minimum)


@dataclass(frozen=True)
class Barcode:
    """An encoded Code 128 symbol: the text, its symbol values and its modules."""

    text: str
    values: tuple[int, ...]  # start B, the characters, the check value, stop
    modules: str  # '1' bar, '0' space, quiet zones included

    @property
    def check_value(self) -> int:
        return self.values[-2]


def symbol_values(text: str) -> list[int]:
    """Code set B values of `text` (refused if a character is outside printable ASCII)."""
    if not text:
        raise RegisterError("barcode.empty")
    values = []
    for char in text:
        code = ord(char)
        if not 32 <= code <= 126:
            raise RegisterError("barcode.unencodable", text=text, char=char)
        values.append(code - 32)
    return values


def check_value(values: list[int], start: int = START_B) -> int:
    """The Code 128 check symbol: (start + Σ position × value) mod 103, positions from 1."""
    return (start + sum(position * value for position, value in enumerate(values, 1))) % 103


def encode_code128(text: str) -> Barcode:
    data = symbol_values(text)
    values = (START_B, *data, check_value(data), STOP)
    bits: list[str] = ["0" * QUIET_ZONE]
    for value in values:
        for index, width in enumerate(PATTERNS[value]):
            bits.append(("1" if index % 2 == 0 else "0") * int(width))
    bits.append("0" * QUIET_ZONE)
    return Barcode(text=text, values=values, modules="".join(bits))
