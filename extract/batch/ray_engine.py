"""The Ray engine: the same documents and the same JSON as the local engine, on a Ray cluster.

Each Ray worker is an actor that loads the pipeline once (spaCy, the repair model) and then
takes documents one after another; only small records travel through the object store (each
actor writes its document's JSON itself, so `OUT/` must be on storage the cluster shares). A
`RAY_ADDRESS` that does not answer fails at once with exit 6 instead of hanging; Ray missing is
exit 6 with the install hint. Measured against the local engine in `scripts/bench_batch.py`.
"""

from __future__ import annotations

import os
import socket
import time
from collections import deque
from dataclasses import replace
from typing import Callable, Optional

from vnplan.batch.bounds import Bounds
from vnplan.errors import ExitCode, MissingDependency, printable


def _check_address(address: str) -> None:
    """Fail fast when a `host:port` cluster address does not answer (Ray would retry for minutes)."""
    if address in ("auto", "local") or ":" not in address:
        return
    hostport = address.split("://", 1)[-1]
    host, _, port = hostport.rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=3):
            pass
    except (OSError, ValueError) as exc:
        raise MissingDependency(f"the Ray cluster at RAY_ADDRESS={address} does not answer ({exc})") from None


def _address_space() -> int:
    """Bytes of address space this process has mapped (VmSize), 0 where /proc does not say."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_ray(items: list[dict], out_paths: dict[str, str], options, bounds: Bounds, jobs: int,
            on_done: Callable[[dict], None], on_start: Optional[Callable[[dict], None]] = None) -> None:
    try:
        import ray
    except ImportError:
        raise MissingDependency("the ray engine needs Ray: pip install 'vnplan[ray]'") from None
    if not items:
        return
    address = os.environ.get("RAY_ADDRESS") or None
    if address:
        _check_address(address)
    if not ray.is_initialized():
        import logging

        try:
            # Without RAY_ADDRESS, a Ray of our own ("local"): address=None would join whatever
            # cluster someone last started on this machine (/tmp/ray/ray_current_cluster).
            # Ray starts its workers at nice 15 (so that its own daemons stay responsive); a Ray of our
            # own runs them, and so their Tesseract, at the user's priority as the local engine does
            # (measured at nice 15 on a busy machine: 17-20 s a scanned document against 11.5 s).
            ray.init(address=address or "local", num_cpus=None if address else jobs, include_dashboard=False,
                     log_to_driver=False, logging_level=logging.ERROR,
                     **({} if address else {"_system_config": {"worker_niceness": 0}}))
        except ConnectionError as exc:  # e.g. a `ray start` cluster wants its token: one line, exit 6
            chain, cause = [], exc
            while cause is not None and len(chain) < 10:
                chain.append(f"{type(cause).__name__}: {cause}")
                cause = cause.__cause__ or cause.__context__
            hint = " (a cluster started by `ray start` wants RAY_AUTH_MODE=token)" if "Authentic" in " ".join(chain) else ""
            raise MissingDependency(f"cannot join the Ray cluster at RAY_ADDRESS={address}: {exc}{hint}") from None
    options = replace(options, jobs=1)
    # Inputs and OUT/ may be given relative to where `vnplan batch` runs; an actor of a cluster
    # started elsewhere (`ray start`) runs in that other folder.
    cwd = os.getcwd()

    @ray.remote(num_cpus=1)
    class Worker:
        def __init__(self):
            from vnplan.batch.bounds import limit_worker_memory
            from vnplan.batch.worker import warm_up

            # A Ray worker has already mapped several GiB of address space (the object store,
            # its threads' arenas: 8 GiB measured with Ray 2.60), so the document's allowance is
            # counted on top of that. Capped at `bounds.memory` itself, every allocation failed and
            # the Ray core looped on "mmap error: 12" forever.
            if bounds.memory:
                limit_worker_memory(_address_space() + bounds.memory)
            if os.path.isdir(cwd):
                os.chdir(cwd)
            warm_up()

        def process(self, item: dict, out_path: str) -> dict:
            from vnplan.batch.worker import process_one

            return process_one(item, out_path, options, bounds)

    def failed(item: dict, reason: str, exit_code: int, started: float, attempt: int, **fields) -> dict:
        return {**item, "status": "failed", "error": f"{printable(item['path'])}: {reason}", "exit_code": exit_code,
                "seconds": round(time.monotonic() - started, 3), "attempts": attempt, **fields}

    queue = deque((item, 1) for item in items)
    workers = [Worker.remote() for _ in range(max(1, min(jobs, len(items))))]
    pending: dict = {}  # object ref -> (actor, item, attempt, started)

    def submit(worker) -> None:
        item, attempt = queue.popleft()
        pending[worker.process.remote(item, out_paths[item["key"]])] = (worker, item, attempt, time.monotonic())
        if on_start:
            on_start(item)

    def replace_worker(worker):
        ray.kill(worker, no_restart=True)
        workers.remove(worker)
        workers.append(Worker.remote())
        return workers[-1]

    try:
        for worker in list(workers):
            if queue:
                submit(worker)
        while pending:
            # Each document has its own deadline: the one over it is recorded and its actor
            # replaced; the others go on.
            deadline = min(started for *_, started in pending.values()) + bounds.seconds
            ready, _ = ray.wait(list(pending), num_returns=1, timeout=max(0.0, deadline - time.monotonic()))
            if not ready:
                ref = min(pending, key=lambda r: pending[r][3])
                worker, item, attempt, started = pending.pop(ref)
                worker = replace_worker(worker)
                on_done(failed(item, f"over the time bound ({bounds.seconds:g} s per document)", int(ExitCode.input_error),
                               started, attempt, bound="seconds"))
            else:
                worker, item, attempt, started = pending.pop(ready[0])
                try:
                    record = {**ray.get(ready[0]), "attempts": attempt}
                except Exception as exc:  # the actor died (out of memory, a crash in a C library): retried once
                    worker = replace_worker(worker)
                    if attempt < 2:
                        queue.appendleft((item, attempt + 1))
                        submit(worker)
                        continue
                    record = failed(item, f"the Ray worker died ({type(exc).__name__}) twice on this document",
                                    int(ExitCode.internal_error), started, attempt)
                on_done(record)
            if queue:
                submit(worker)
    finally:
        for worker in workers:  # free the cluster's CPUs (and this process's memory) at once
            ray.kill(worker, no_restart=True)
