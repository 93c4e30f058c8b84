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
from dataclasses import replace
from typing import Callable, Optional

from extract.batch.bounds import Bounds
from extract.errors import MissingDependency, printable


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

        ray.init(address=address, num_cpus=None if address else jobs, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.ERROR)
    options = replace(options, jobs=1)

    @ray.remote(num_cpus=1)
    class Worker:
        def __init__(self):
            from extract.batch.bounds import limit_worker_memory
            from extract.batch.worker import warm_up

            limit_worker_memory(bounds.memory)
            warm_up()

        def process(self, item: dict, out_path: str) -> dict:
            from extract.batch.worker import process_one

            return process_one(item, out_path, options, bounds)

    n = max(1, min(jobs, len(items)))
    workers = [Worker.remote() for _ in range(n)]
    queue = list(items)
    pending = {}
    for worker in workers:
        if queue:
            item = queue.pop(0)
            pending[worker.process.remote(item, out_paths[item["key"]])] = (worker, item)
            if on_start:
                on_start(item)
    while pending:
        ready, _ = ray.wait(list(pending), num_returns=1, timeout=bounds.seconds)
        if not ready:  # nothing finished within a document's bound: record what is running, stop
            for ref, (worker, item) in pending.items():
                ray.kill(worker)
                on_done({**item, "status": "failed", "error": f"{printable(item['path'])}: over the time bound ({bounds.seconds:g} s per document)",
                         "exit_code": 3, "bound": "seconds"})
            return
        ref = ready[0]
        worker, item = pending.pop(ref)
        try:
            record = ray.get(ref)
        except Exception as exc:  # the actor died (out of memory, a crash)
            record = {**item, "status": "failed", "error": f"{printable(item['path'])}: the Ray worker died ({type(exc).__name__})",
                      "exit_code": 1}
            worker = Worker.remote()
        on_done(record)
        if queue:
            item = queue.pop(0)
            pending[worker.process.remote(item, out_paths[item["key"]])] = (worker, item)
            if on_start:
                on_start(item)
