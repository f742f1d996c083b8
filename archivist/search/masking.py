"""Full ID numbers in page text, masked as the item detail shows them.

Snippets of search hits and the OCR text beside a page show what a scan says, and a
scan of a form often carries a citizen's full ID number. They are masked exactly as
the item detail masks its person's number (archivist.rules.identity.mask_id_number: region
and last four kept). The mask keeps the length, so positions found in the unmasked
text (a match to mark) stand at the same place in the masked text.
"""

from __future__ import annotations

import re

from archivist.rules.identity import mask_id_number

# 17 digits and a check character, not part of a longer run of letters or digits.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")


def mask_id_numbers(text: str) -> str:
    """The text with every full ID number masked (same length, same positions)."""
    return ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
