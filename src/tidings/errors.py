"""Errors that tidings reports to users.

A ``TidingsError`` is a user error: its message is one line that names the input and the reason
(and, where there is one, the fix to try).  The CLI prints it without a traceback; ``--debug``
shows the traceback.  Anything else escaping is a bug.
"""

from __future__ import annotations


class TidingsError(Exception):
    """A user-facing error: bad input, missing file, invalid dictionary line, foreign database."""

    def __init__(self, message: str, *, input: str | None = None) -> None:
        self.input = input
        super().__init__(f"{input}: {message}" if input else message)


class InputError(TidingsError):
    """An input could not be read (empty, binary, truncated, wrong kind, too big, unreadable)."""


class ResourceError(TidingsError):
    """A dictionary, lexicon or model could not be loaded (the message names file and line)."""


class StoreError(TidingsError):
    """The database file is not a tidings store, is corrupted, or is newer than this tidings."""
