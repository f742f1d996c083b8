from __future__ import annotations

import pytest

from archivist.errors import InputError
from archivist.rules.identity import (
    id_check_character,
    mask_id_number,
    normalise_id_number,
    normalise_unit_code,
    uscc_check_character,
)

from .conftest import ID_LI, ID_ZHANG


def test_known_id_numbers_pass() -> None:
    assert normalise_id_number(ID_ZHANG.lower()) == ID_ZHANG
    assert id_check_character(ID_LI[:17]) == ID_LI[17]
    assert normalise_id_number(ID_LI) == ID_LI


@pytest.mark.parametrize(
    "value",
    [
        "110105194912310021",  # wrong check digit
        "11010519491231002",  # 17 characters
        "1101051949123100AX",  # letters
        "110105194902300026",  # 30 February
    ],
)
def test_bad_id_numbers_are_refused(value: str) -> None:
    with pytest.raises(InputError) as info:
        normalise_id_number(value)
    assert info.value.code == "id_number.invalid"


def test_unit_code_check_digit() -> None:
    assert uscc_check_character("91350100M000100Y4") == "3"
    assert normalise_unit_code("91350100m000100y43") == "91350100M000100Y43"
    with pytest.raises(InputError):
        normalise_unit_code("91350100M000100Y44")


def test_mask_keeps_region_and_last_four() -> None:
    assert mask_id_number(ID_ZHANG) == "110105********002X"
