"""The output folder of a batch, kept as a small database.

Owns everything written into `OUT/`:

- a lock (`OUT/index.lock`, `flock`): a second batch into the same folder waits for the first;
- output names: one JSON per distinct input, `OUT/<stem>.json`, where the stem is the file's own
  name made safe (no newline, no undecodable byte); a stem already taken by another input (two
  `plan.txt` in two folders, or a file recorded by an earlier batch) gets the first 10 hex digits
  of the sha256 of the input's resolved path appended, so two inputs never share an output and one
  input keeps its output across runs;
- the index, `OUT/index.jsonl`: one JSON line per document (its latest state), keyed by the
  resolved path; lines are appended as documents finish (one `write` each, cut back if the disk
  fills), and the file is compacted (rewritten atomically, one line per document) when a batch
  starts and when it ends; a batch that fails to start never deletes it;
- every file is written to a temporary file and renamed, created with the user's umask.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Optional

from vnplan.errors import OutputError

INDEX = "index.jsonl"
LOCK = "index.lock"
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _umask()


def safe_stem(path: Path) -> str:
    """A file name stem that any file system and any JSON reader accept."""
    stem = os.fsencode(path.stem or path.name).decode("utf-8", "replace")
    stem = _UNSAFE.sub("_", stem).strip("._") or "document"
    return stem[:120]


def path_key(path: Path) -> str:
    """The index key of an input: its resolved path, as text (undecodable bytes escaped)."""
    try:
        resolved = path.resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop: keep the absolute path as given
        resolved = path.absolute()
    return os.fsdecode(resolved)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder; no temporary is left
    behind on failure (a full disk) and the file gets the user's umask, not mkstemp's 0600."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
        os.chmod(tmp, 0o666 & ~UMASK)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


class OutputFolder:
    """`OUT/` opened by one batch: hold it with `with OutputFolder(out) as folder:`."""

    def __init__(self, root: str | Path, wait: bool = True, on_wait=None):
        self.root = Path(root)
        self.wait = wait
        self.on_wait = on_wait
        self.records: dict[str, dict] = {}
        self._lock_fd: Optional[int] = None
        self._index_fd: Optional[int] = None

    # -- lock ----------------------------------------------------------------------------------
    def __enter__(self) -> "OutputFolder":
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"{self.root}: cannot use as output folder ({exc.strerror or exc})") from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not self.wait:
                os.close(self._lock_fd)
                raise OutputError(f"{self.root}: another batch is writing to this folder") from None
            if self.on_wait:
                self.on_wait(f"waiting for another batch writing to {self.root}")
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        self.records = self._read_index()
        self.compact()
        self._index_fd = os.open(self.root / INDEX, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self._index_fd is not None:
                os.close(self._index_fd)
                self._index_fd = None
            try:
                self.compact()
            except OutputError:
                pass  # the appended lines are whole; compaction waits for the next batch
        finally:
            if self._lock_fd is not None:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                os.close(self._lock_fd)
                self._lock_fd = None

    # -- index ---------------------------------------------------------------------------------
    def _read_index(self) -> dict[str, dict]:
        records: dict[str, dict] = {}
        try:
            data = (self.root / INDEX).read_bytes()
        except FileNotFoundError:
            return records
        except OSError as exc:
            raise OutputError(f"{self.root / INDEX}: cannot read ({exc.strerror or exc})") from None
        for line in data.splitlines():
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue  # a line cut by a crash of an older version: that document is done again
            key = record.get("key") or record.get("path")
            if key:
                records[key] = record
        return records

    @staticmethod
    def _line(record: dict) -> bytes:
        # ensure_ascii: a file name with undecodable bytes (kept as surrogate escapes) still
        # makes a valid line of ASCII JSON, read back to the same string.
        return (json.dumps(record, ensure_ascii=True, sort_keys=False) + "\n").encode("ascii")

    def compact(self) -> None:
        """Rewrite the index with one line per document, its latest state."""
        if not self.records and not (self.root / INDEX).exists():
            return
        data = b"".join(self._line(r) for _, r in sorted(self.records.items()))
        write_atomic(self.root / INDEX, data)

    def record(self, record: dict) -> None:
        """Append one document's state as one whole line (cut back if the disk is full)."""
        line = self._line(record)
        fd = self._index_fd
        assert fd is not None, "OutputFolder used outside `with`"
        size = os.fstat(fd).st_size
        try:
            written = os.write(fd, line)
            if written != len(line):
                raise OSError(errno.ENOSPC, "short write")
        except OSError as exc:
            try:
                os.ftruncate(fd, size)
            except OSError:
                pass
            raise OutputError(f"{self.root / INDEX}: cannot write ({exc.strerror or exc})") from None
        self.records[record["key"]] = record

    # -- names ---------------------------------------------------------------------------------
    def assign_names(self, keys_and_paths: Iterable[tuple[str, Path]]) -> dict[str, str]:
        """Output stem of each input key: its own safe stem unless another input holds it."""
        taken: dict[str, str] = {}  # stem -> key
        for key, record in self.records.items():
            if record.get("id"):
                taken.setdefault(record["id"], key)
        names: dict[str, str] = {}
        for key, path in keys_and_paths:
            previous = self.records.get(key, {}).get("id")
            if previous and taken.get(previous) == key:
                names[key] = previous
                continue
            stem = safe_stem(path)
            if taken.get(stem, key) != key:
                stem = f"{stem}-{hashlib.sha256(os.fsencode(key)).hexdigest()[:10]}"
            taken[stem] = key
            names[key] = stem
        return names

    def output_path(self, name: str) -> Path:
        return self.root / f"{name}.json"


def eprint(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
