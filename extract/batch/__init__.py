"""Many documents: one JSON each plus an index; nothing one document does can break the batch.

The stages of `run_batch`, top to bottom:

    collect   files and folders -> inputs (folders walked without following links; FIFOs,
              sockets and broken or looping links kept, so they are recorded as failed)
    open      OUT/ locked, its index read and compacted (`outdir.OutputFolder`)
    plan      each input named (`OUT/<stem>.json`, never shared by two inputs), skipped on
              `--resume` when its output exists and its sha256 is unchanged
    run       local forked workers (`worker.run_local`) or Ray (`ray_engine.run_ray`), each
              document within `bounds.Bounds`
    record    one index line per finished document; the index compacted at the end

Interrupted (SIGINT/SIGTERM), the batch stops its workers, leaves the index whole and raises
`Interrupted`; a full disk raises `OutputError` after recording what was done.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from vnplan.batch.bounds import Bounds
from vnplan.batch.outdir import OutputFolder, path_key
from vnplan.errors import ExitCode, OutputError, VnplanError

BATCH_SUFFIXES = {".txt", ".pdf", ".docx", ".doc", ".rtf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif",
                  ".webp", ".pnm", ".ppm", ".pgm"}


class Interrupted(VnplanError):
    def __init__(self, signum: int):
        import signal

        self.signum = signum
        self.exit_code = ExitCode.interrupted if signum == signal.SIGINT else ExitCode.terminated
        super().__init__(f"interrupted by {signal.Signals(signum).name}")


@dataclass
class BatchResult:
    records: list[dict] = field(default_factory=list)  # this run's records, finished order
    skipped: list[dict] = field(default_factory=list)
    output_error: Optional[str] = None

    @property
    def ok(self) -> int:
        return sum(r["status"] == "ok" for r in self.records)

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.records if r["status"] == "failed"]


def _is_candidate(path: Path) -> bool:
    return path.suffix.lower() in BATCH_SUFFIXES and not path.name.startswith(".")


def collect_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files given, and the document files under the folders given (links to folders not followed)."""
    paths: list[Path] = []
    for raw in inputs:
        p = Path(raw)
        try:
            is_dir = p.is_dir() and not p.is_symlink()
        except OSError:
            is_dir = False
        if not is_dir:
            paths.append(p)
            continue
        for folder, dirs, files in os.walk(p, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            paths += [Path(folder) / f for f in sorted(files) if _is_candidate(Path(folder) / f)]
            # A link to a folder is not walked (a loop would never end), and a link named like a
            # document is kept: reading it fails with its own reason.
            paths += [Path(folder) / d for d in dirs if (Path(folder) / d).is_symlink() and _is_candidate(Path(folder) / d)]
    seen: set[str] = set()
    unique = []
    for p in paths:
        key = path_key(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _unchanged(path: Path, record: dict) -> bool:
    from vnplan.ingest import sha256_of

    try:
        return (record.get("status") == "ok" and record.get("output") and Path(record["output"]).exists()
                and stat.S_ISREG(os.stat(path).st_mode) and sha256_of(path) == record.get("sha256"))
    except OSError:
        return False


def run_batch(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    options=None,
    jobs: int = 1,
    engine: str = "local",
    resume: bool = False,
    bounds: Bounds = Bounds(),
    on_start: Optional[Callable[[dict], None]] = None,
    on_done: Optional[Callable[[dict], None]] = None,
    on_message: Optional[Callable[[str], None]] = None,
) -> BatchResult:
    from vnplan.ingest import OcrOptions

    options = options or OcrOptions()
    paths = collect_inputs(inputs)
    result = BatchResult()
    with OutputFolder(out_dir, on_wait=on_message) as folder:
        keyed = [(path_key(p), p) for p in paths]
        names = folder.assign_names(keyed)
        todo: list[dict] = []
        for key, path in keyed:
            old = folder.records.get(key)
            if resume and old and _unchanged(path, old):
                result.skipped.append(old)
                continue
            todo.append({"key": key, "id": names[key], "path": os.fsdecode(path)})
        out_paths = {item["key"]: str(folder.output_path(item["id"])) for item in todo}

        def done(record: dict) -> None:
            record.setdefault("finished", time.strftime("%Y-%m-%dT%H:%M:%S%z"))
            if record.get("exit_code") == int(ExitCode.output_error) and result.output_error is None:
                result.output_error = record.get("error")
            try:
                folder.record(record)
            except OutputError as exc:
                result.output_error = result.output_error or str(exc)
            result.records.append(record)
            if on_done:
                on_done(record)
            if result.output_error:
                raise OutputError(result.output_error)

        try:
            if engine == "ray":
                from vnplan.batch.ray_engine import run_ray

                run_ray(todo, out_paths, options, bounds, jobs, done, on_start)
            else:
                from vnplan.batch.worker import Stop, run_local

                try:
                    run_local(todo, out_paths, options, bounds, jobs, done, on_start)
                except Stop as stop:
                    raise Interrupted(stop.signum) from None
        except KeyboardInterrupt:
            import signal

            raise Interrupted(signal.SIGINT) from None
    return result
