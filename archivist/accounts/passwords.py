"""Password hashes (argon2id through argon2-cffi, the one module that imports it) and the
password policy.

Parameters measured on the development machine (2 cores): time cost 4 with 128 MiB
takes 0.37 s to check a password (bench/sign_in.py prints it for the machine it runs
on); 3 with 64 MiB took 0.14 s, 4 with 128 MiB 0.37 s, 5 with 128 MiB 0.46 s. A hash
keeps its parameters, so an old hash still checks after they change, and is re-hashed
with the current ones at its owner's next sign-in.
"""

from __future__ import annotations

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from archivist.errors import InputError

TIME_COST = 4
MEMORY_KIB = 128 * 1024
PARALLELISM = 1

MIN_LENGTH = 10
MAX_LENGTH = 256

_hasher = argon2.PasswordHasher(
    time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, type=argon2.Type.ID
)


def use_parameters(time_cost: int, memory_kib: int, parallelism: int = 1) -> None:
    """Hash new passwords with other parameters (the test suite makes them cheap: every
    hash carries its own parameters, so a cheap hash checks quickly anywhere)."""
    global _hasher
    _hasher = argon2.PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=argon2.Type.ID
    )


def hashed(password: str) -> str:
    try:
        return _hasher.hash(password)
    except UnicodeEncodeError:  # not text (undecodable bytes read as surrogates)
        raise InputError("password.not_text") from None


def matches(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except VerifyMismatchError:
        return False
    except (VerificationError, InvalidHashError):  # a damaged hash matches nothing
        return False
    except UnicodeEncodeError:  # not text: no password is
        return False


def outdated(stored_hash: str) -> bool:
    """Whether the hash was made with other parameters than today's."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


def check_policy(user_name: str, password: str, min_length: int = MIN_LENGTH) -> None:
    """Refuse a password the policy does not accept (length, not the user name, not one
    character repeated, letters and digits)."""
    if len(password) < min_length:
        raise InputError("password.too_short", length=min_length)
    if len(password) > MAX_LENGTH:
        raise InputError("password.too_long", length=MAX_LENGTH)
    lowered = password.lower()
    if user_name and user_name.lower() in lowered:
        raise InputError("password.has_user_name")
    if len(set(password)) < 4:
        raise InputError("password.too_simple")
    if not any(c.isdigit() for c in password) or not any(c.isalpha() for c in password):
        raise InputError("password.letters_and_digits")
