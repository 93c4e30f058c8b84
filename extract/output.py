"""Writing results: nothing is written half.

Every output goes to a temporary file in the destination's folder and is renamed over the
destination only once complete, so an interrupted run never leaves a truncated JSON behind.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from vnplan.errors import OutputError


def atomic_write_text(path: str | Path, text: str) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def write_text_or_stdout(out: str | Path | None, text: str) -> None:
    if out is None or str(out) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write_text(out, text)


def to_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
