"""One document's work, and the local engine that runs it in workers nothing can break out of.

`process_one` turns one input into one output JSON and a record; it never raises.

`run_local` runs each document in its own forked worker process, at most `jobs` at a time:

- the parent has loaded the pipeline (spaCy, the repair model) once, so a worker starts warm and
  shares those pages with its parent;
- each worker leads its own process group (its Tesseract runs inside it), dies with its parent
  (`PR_SET_PDEATHSIG`, and a watchdog that kills its group if it is orphaned), and has its address
  space capped (`Bounds.memory`);
- the parent kills a worker's group when the document runs over `Bounds.seconds`; a worker that
  dies for any other reason (the OOM killer, a crash in a C library) gets its document recorded
  with the signal and retried once;
- SIGINT/SIGTERM to the parent (or its terminal's process group) stop every worker at once; the
  documents not finished are simply not recorded, so `--resume` does them.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from dataclasses import replace
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Optional

from vnplan.batch.bounds import Bounds, limit_worker_memory
from vnplan.errors import ExitCode, InputError, OutputError, VnplanError, printable

PR_SET_PDEATHSIG = 1


def process_one(item: dict, out_path: str, options, bounds: Bounds) -> dict:
    """Extract one document and write its JSON; every failure becomes a record."""
    from vnplan.pipeline import run

    started = time.perf_counter()

    def done(status: str, **fields) -> dict:
        return {**item, "status": status, "seconds": round(time.perf_counter() - started, 3), **fields}

    try:
        document = run(item["path"], options)
        text = document.model_dump_json(indent=2) + "\n"
        from vnplan.batch.outdir import write_atomic

        write_atomic(Path(out_path), text.encode("utf-8"))
        methods = sorted({p.method for p in document.source.page_info})
        return done("ok", output=out_path, sha256=document.source.sha256, pages=document.source.pages,
                    warnings=len(document.warnings), page_methods=methods, exit_code=0)
    except InputError as exc:
        return done("failed", error=f"{exc.path}: {exc.reason}", exit_code=int(ExitCode.input_error))
    except MemoryError:
        return done("failed", error=f"{printable(item['path'])}: over the memory bound ({bounds.memory >> 20} MiB per document)",
                    exit_code=int(ExitCode.input_error), bound="memory")
    except OutputError as exc:
        return done("failed", error=str(exc), exit_code=int(ExitCode.output_error))
    except VnplanError as exc:  # e.g. a missing Tesseract language: recorded with its own exit code
        return done("failed", error=f"{printable(item['path'])}: {exc}", exit_code=int(exc.exit_code))
    except Exception as exc:  # a bug on one document must not stop the batch
        last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" at {Path(last.filename).name}:{last.lineno}" if last else ""
        return done("failed", error=f"{printable(item['path'])}: internal error {type(exc).__name__}: {exc}{where}",
                    exit_code=int(ExitCode.internal_error))


def warm_up() -> None:
    """Load what every document needs before forking, so workers share it."""
    from vnplan.nlp import get_nlp
    from vnplan.repair import repair_text

    import vnplan.pipeline  # noqa: F401

    get_nlp()
    repair_text("Kế hoạch")


def _kill_own_group(*_args) -> None:
    os.killpg(0, signal.SIGKILL)


def _die_with_parent(parent: int) -> None:
    # The kernel sends SIGTERM when the parent dies; the handler takes the whole group (the
    # worker's Tesseract too), which a plain SIGKILL of the worker alone would leave running.
    signal.signal(signal.SIGTERM, _kill_own_group)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                _kill_own_group()
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent died before prctl took effect
        _kill_own_group()


def _child(conn, parent: int, item: dict, out_path: str, options, bounds: Bounds) -> None:
    os.setsid()  # a group of our own: Tesseract dies with us, and the terminal's ^C reaches only the parent
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    limit_worker_memory(bounds.memory)
    record = process_one(item, out_path, options, bounds)
    conn.send(record)
    conn.close()


def _group_rss(pgid: int) -> int:
    """Resident bytes of every process in a group (the worker and its Tesseract)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) == pgid:  # field 5 of stat: the process group
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")  # field 24: rss pages
        except (OSError, IndexError, ValueError):
            continue
    return total


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class Stop(Exception):
    """The batch was asked to stop (SIGINT or SIGTERM)."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


def run_local(items: list[dict], out_paths: dict[str, str], options, bounds: Bounds, jobs: int,
              on_done: Callable[[dict], None], on_start: Optional[Callable[[dict], None]] = None) -> None:
    """Run `items` in forked workers, `jobs` at a time; `on_done(record)` in the parent for each."""
    ctx = multiprocessing.get_context("fork")
    options = replace(options, jobs=1)  # documents in parallel, each OCRs its pages one at a time
    warm_up()
    parent = os.getpid()
    queue = deque((item, 1) for item in items)
    running: dict[int, tuple] = {}  # pid -> (process, connection, item, attempt, started)
    stop: list[int] = []

    def on_signal(signum, _frame):
        stop.append(signum)

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while queue or running:
            if stop:
                raise Stop(stop[0])
            while queue and len(running) < max(1, jobs):
                item, attempt = queue.popleft()
                receive, send = ctx.Pipe(duplex=False)
                process = ctx.Process(target=_child, args=(send, parent, item, out_paths[item["key"]], options, bounds),
                                      daemon=False)
                process.start()
                send.close()
                running[process.pid] = (process, receive, item, attempt, time.monotonic())
                if on_start:
                    on_start(item)
            sentinels = [entry[0].sentinel for entry in running.values()]
            wait(sentinels, timeout=0.5)
            now = time.monotonic()
            for pid, (process, receive, item, attempt, started) in list(running.items()):
                record = None
                if process.exitcode is None:
                    reason = None
                    if now - started > bounds.seconds:
                        reason, bound = f"over the time bound ({bounds.seconds:g} s per document)", "seconds"
                    elif bounds.memory and _group_rss(pid) > bounds.memory:
                        reason, bound = f"over the memory bound ({bounds.memory >> 20} MiB per document)", "memory"
                    if reason is None:
                        continue
                    _kill_group(pid)
                    process.join()
                    record = {**item, "status": "failed", "error": f"{printable(item['path'])}: {reason}",
                              "exit_code": int(ExitCode.input_error), "bound": bound,
                              "seconds": round(now - started, 3), "attempts": attempt}
                else:
                    try:
                        if receive.poll():
                            record = receive.recv()
                    except (EOFError, OSError):
                        record = None
                    process.join()
                    _kill_group(pid)  # a Tesseract left behind by a worker that died
                    if record is None:
                        code = process.exitcode
                        how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exited with code {code}"
                        if attempt < 2:
                            queue.append((item, attempt + 1))
                            receive.close()
                            del running[pid]
                            continue
                        record = {**item, "status": "failed",
                                  "error": f"{printable(item['path'])}: the worker died ({how}) twice on this document",
                                  "exit_code": int(ExitCode.internal_error), "signal": -code if code < 0 else None,
                                  "seconds": round(now - started, 3)}
                    record["attempts"] = attempt
                receive.close()
                del running[pid]
                on_done(record)
    finally:
        for process, receive, *_ in running.values():
            _kill_group(process.pid)
        for process, receive, *_ in running.values():
            process.join(timeout=5)
            receive.close()
        for s, handler in previous.items():
            signal.signal(s, handler)
