"""Typed errors with stable codes; `messages` turns each into a sentence."""

from __future__ import annotations

from typing import Any


class ArchivistError(Exception):
    """An error the user can act on. `code` is stable; `params` fill the message."""

    code = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(self.message())

    @property
    def file(self) -> str | None:
        value = self.params.get("file")
        return str(value) if value is not None else None

    def message(self, lang: str | None = None) -> str:
        from archivist.messages import render

        return render(self.code, self.params, lang)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message(lang),
            "file": self.file,
            "params": {k: str(v) for k, v in self.params.items()},
        }


class InputError(ArchivistError):
    """The request or a file in it is not acceptable; nothing was stored."""


class FileRejected(InputError):
    """A file cannot be captured (missing, empty, corrupt, encrypted, wrong type)."""


class ArchiveError(ArchivistError):
    """The archive itself cannot do what was asked (not found, not writable, full)."""


class NotFound(ArchivistError):
    code = "not_found"


class RegisterError(ArchivistError):
    """A printed register cannot be made from the data given or written where asked;
    no file was left behind."""


class AccessRefused(ArchivistError):
    """Who is acting may not do this: not signed in, a wrong password, a locked or
    disabled account, an expired or forged session, a right their roles do not carry,
    or duties the rules keep apart. Nothing was changed; the access log has the attempt."""
