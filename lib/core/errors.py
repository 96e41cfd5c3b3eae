"""Typed errors whose message is a Dutch sentence a municipal user can act on."""

from __future__ import annotations


class WijkbeeldError(Exception):
    """Base error: ``str(err)`` is a complete Dutch message for the user."""

    def __init__(self, message: str, *, filename: str | None = None) -> None:
        self.filename = filename
        prefix = f"{filename}: " if filename else ""
        super().__init__(prefix + message)
        self.message = message


class UnreadableFileError(WijkbeeldError):
    """The file cannot be opened as a table (corrupt, wrong type, unknown encoding)."""


class EncryptedFileError(UnreadableFileError):
    """The workbook is protected with a password."""


class FileTooLargeError(UnreadableFileError):
    """The file, its unpacked contents or its row count exceed the caps."""


class EmptyFileError(UnreadableFileError):
    """The file holds no table with data rows."""


class AreasError(WijkbeeldError):
    """An areas/open-data file cannot be used (no area codes, unknown layout)."""


class StoreError(WijkbeeldError):
    """The project database cannot be read or written."""


class ConflictError(StoreError):
    """Someone else changed the same thing first (another tab or colleague); nothing was written.

    ``current`` holds what is stored now, per key, so the page can show both versions.
    """

    def __init__(self, message: str, current: dict) -> None:
        super().__init__(message)
        self.current = current
