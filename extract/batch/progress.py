"""What a batch tells its user while it runs.

On a terminal: a progress bar with the documents running, done/total, rate and time left. Not
on a terminal (a log, cron, CI): one plain line per finished document with `-v`, and otherwise a
summary line every `interval` seconds, so a long unattended run still shows it is alive. Failures
are always printed, one line each. `--log-file` gets one line per finished document whatever
the mode.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional, TextIO

from vnplan.errors import printable


def _short(path: str, width: int = 48) -> str:
    name = printable(Path(path).name)
    return name if len(name) <= width else "…" + name[-(width - 1):]


class BatchProgress:
    def __init__(self, total: int, quiet: bool = False, verbose: bool = False, log_file: Optional[TextIO] = None,
                 stream: TextIO = sys.stderr, interval: float = 10.0):
        self.total, self.quiet, self.verbose, self.log, self.stream = total, quiet, verbose, log_file, stream
        self.interval = interval
        self.done = 0
        self.failed = 0
        self.pages = 0
        self.running: dict[str, float] = {}
        self.started = time.monotonic()
        self.last_line = self.started
        self.bar = None
        if not quiet and stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                                console=Console(file=stream), transient=True)
            self.task = self.bar.add_task("extracting", total=total, rate="")

    def __enter__(self) -> "BatchProgress":
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar:
            self.bar.stop()

    def message(self, text: str) -> None:
        print(f"vnplan: {text}", file=self.stream, flush=True)

    def _rate(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        per_min = self.done / elapsed * 60
        left = (self.total - self.done) / per_min if per_min else None
        eta = f", about {left:.0f} min left" if left is not None and self.done else ""
        return f"{per_min:.1f} doc/min, {self.pages / elapsed * 60:.0f} pages/min{eta}"

    def start(self, item: dict) -> None:
        self.running[item["path"]] = time.monotonic()
        if self.bar:
            self.bar.update(self.task, description=f"extracting {_short(item['path'], 40)}")

    def finish(self, record: dict) -> None:
        self.running.pop(record.get("path"), None)
        self.done += 1
        self.pages += record.get("pages") or 0
        status = record["status"]
        line = f"[{self.done}/{self.total}] {status:<6} {printable(record.get('path'))} ({record.get('seconds', 0):.1f} s)"
        if status == "failed":
            self.failed += 1
            line += f": {record.get('error')}"
        if self.log:
            self.log.write(time.strftime("%Y-%m-%d %H:%M:%S ") + line + "\n")
            self.log.flush()
        if self.bar:
            self.bar.update(self.task, advance=1, rate=self._rate())
            if status == "failed":
                self.bar.console.print(f"vnplan: failed: {record.get('error')}", markup=False, highlight=False)
            return
        if status == "failed":
            print(f"vnplan: failed: {record.get('error')}", file=self.stream, flush=True)
        if self.quiet:
            return
        now = time.monotonic()
        if self.verbose:
            print(line, file=self.stream, flush=True)
        elif now - self.last_line >= self.interval or self.done == self.total:
            running = ", ".join(_short(p, 32) for p in self.running) or "-"
            print(f"vnplan: {self.done}/{self.total} done, {self.failed} failed, {self._rate()}; running: {running}",
                  file=self.stream, flush=True)
            self.last_line = now
