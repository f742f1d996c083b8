"""Settings as the command line and the window name them: the archive's own (audited,
changed with a reason through `Archive.edit_settings`) and this user's preferences on
this computer (not audited: they belong to the user, not to the archive).

The parsing of what a person typed lives here, so the command line holds no rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from archivist.errors import InputError

if TYPE_CHECKING:
    from archivist.archive import Archive
    from archivist.preferences import Preferences

# Per-user preferences shown and set beside the archive's settings.
PREFERENCE_KEYS = ("ocr_engine", "ocr_cleanup")
SWITCH_VALUES = {"on": True, "true": True, "1": True, "off": False, "false": False, "0": False}

Value = str | bool


def is_preference(key: str | None) -> bool:
    return key in PREFERENCE_KEYS


def parse_switch(key: str, value: str) -> bool:
    """on/off (true/false, 1/0) as typed, or the refusal naming the setting."""
    switch = SWITCH_VALUES.get(value.strip().lower())
    if switch is None:
        raise InputError("settings.not_a_switch", key=key, value=value)
    return switch


def set_preference(prefs: Preferences, key: str, value: str) -> None:
    """Set one preference from its text (not saved: the caller saves `prefs`)."""
    if key == "ocr_engine":
        from archivist.ocr.pages import check_engine

        prefs.ocr_engine = check_engine(value.strip(), installed=True)
    elif key == "ocr_cleanup":
        prefs.ocr_cleanup = parse_switch(key, value)
    else:
        raise InputError("settings.unknown", key=key)


def preference_values(
    prefs: Preferences, keys: tuple[str, ...] = PREFERENCE_KEYS
) -> dict[str, Value]:
    values: dict[str, Value] = {}
    for key in keys:
        if key == "ocr_engine":
            values[key] = prefs.ocr_engine
        elif key == "ocr_cleanup":
            values[key] = prefs.ocr_cleanup
        else:
            raise InputError("settings.unknown", key=key)
    return values


def setting_values(
    archive: Archive, prefs: Preferences, key: str | None = None
) -> dict[str, Value]:
    """One setting by name, or every archive setting followed by the preferences."""
    from archivist.archive import DEFAULT_SETTINGS

    if key is not None:
        if is_preference(key):
            return preference_values(prefs, (key,))
        return {key: archive.setting(key)}
    values: dict[str, Value] = {name: archive.setting(name) for name in DEFAULT_SETTINGS}
    values.update(preference_values(prefs))
    return values
