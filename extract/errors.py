"""Failure kinds and their exit codes, one exception class per code (as OCRmyPDF does).

| code | meaning |
|---|---|
| 0 | success |
| 1 | internal error (a bug: please report it with the traceback printed by `--debug`) |
| 2 | usage error (bad option, missing argument) |
| 3 | input unreadable or unsupported: one line naming the file and the reason |
| 4 | batch partial success: some documents failed, all others were written |
| 5 | output could not be written |
| 6 | a dependency is missing (Tesseract, or its language data) |
| 130 | interrupted (SIGINT) |
| 143 | terminated (SIGTERM) |
"""

from __future__ import annotations

import os
from enum import IntEnum


def printable(path: object) -> str:
    """A path as one printable line: undecodable bytes as \\xff, a newline as \\n (file names
    in archives carry both), so messages stay one line and JSON can hold the name."""
    text = os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else str(path)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class ExitCode(IntEnum):
    ok = 0
    internal_error = 1
    usage_error = 2
    input_error = 3
    batch_partial = 4
    output_error = 5
    missing_dependency = 6
    interrupted = 130
    terminated = 143


class VnplanError(Exception):
    exit_code = ExitCode.internal_error


class InputError(VnplanError):
    """The input cannot be read: the message names the file and the reason."""

    exit_code = ExitCode.input_error

    def __init__(self, path: object, reason: str):
        self.path = printable(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputError(VnplanError):
    exit_code = ExitCode.output_error


class MissingDependency(VnplanError):
    """A program or data file the work needs is not installed: the message says what to install."""

    exit_code = ExitCode.missing_dependency
