"""Many documents: one JSON each plus an index, resumable, never stopped by one bad file.

Owns `run_batch`: inputs (files or folders, searched recursively for supported files) are
processed by a local process pool or on a Ray cluster; each result is written atomically as
`OUT/<id>.json` and recorded as one line of `OUT/index.jsonl` (status ok or failed, with the
reason). `--resume` skips documents whose output exists and whose sha256 is unchanged. Optional
`OUT/documents.parquet` and `OUT/items.parquet` for systems that read tables.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from extract.errors import ExitCode, InputError, VnplanError
from extract.ingest import IMAGE_SUFFIXES, OcrOptions, sha256_of
from extract.output import atomic_write_text

BATCH_SUFFIXES = {".txt", ".pdf", ".docx"} | IMAGE_SUFFIXES


@dataclass
class BatchItem:
    id: str
    path: str


@dataclass
class BatchRecord:
    id: str
    path: str
    status: str  # ok | failed | skipped
    output: Optional[str] = None
    sha256: Optional[str] = None
    error: Optional[str] = None
    exit_code: int = 0
    seconds: float = 0.0
    pages: Optional[int] = None
    warnings: int = 0


def collect_inputs(inputs: Iterable[str | Path]) -> list[BatchItem]:
    """Expand folders, keep given files (even unsupported ones, so they are recorded as failed)."""
    paths: list[Path] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            paths += sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in BATCH_SUFFIXES and not q.name.startswith("."))
        else:
            paths.append(p)
    items: list[BatchItem] = []
    seen: dict[str, int] = {}
    for p in paths:
        stem = p.stem or p.name
        if stem in seen:
            seen[stem] += 1
            stem = f"{stem}-{seen[stem]}"
        else:
            seen[stem] = 0
        items.append(BatchItem(stem, str(p)))
    return items


def process_one(item: BatchItem, out_dir: str, options: OcrOptions) -> BatchRecord:
    """Extract one document and write it; every failure becomes a record, never an exception."""
    from extract.pipeline import run

    started = time.perf_counter()
    out_path = Path(out_dir) / f"{item.id}.json"
    try:
        document = run(item.path, options)
        atomic_write_text(out_path, document.model_dump_json(indent=2) + "\n")
        return BatchRecord(
            item.id, item.path, "ok", str(out_path), document.source.sha256,
            seconds=round(time.perf_counter() - started, 3), pages=document.source.pages,
            warnings=len(document.warnings),
        )
    except InputError as exc:
        return BatchRecord(item.id, item.path, "failed", error=f"{exc.path}: {exc.reason}",
                           exit_code=int(ExitCode.input_error), seconds=round(time.perf_counter() - started, 3))
    except VnplanError as exc:  # e.g. a missing Tesseract language: recorded with its own exit code
        return BatchRecord(item.id, item.path, "failed", error=f"{item.path}: {exc}", exit_code=int(exc.exit_code),
                           seconds=round(time.perf_counter() - started, 3))
    except Exception as exc:  # a bug on one document must not stop the batch
        last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" at {Path(last.filename).name}:{last.lineno}" if last else ""
        return BatchRecord(item.id, item.path, "failed", error=f"{item.path}: internal error {type(exc).__name__}: {exc}{where}",
                           exit_code=int(ExitCode.internal_error), seconds=round(time.perf_counter() - started, 3))


def _load_index(index_path: Path) -> dict[str, dict]:
    done: dict[str, dict] = {}
    if index_path.exists():
        for line in index_path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by a crash: that document is simply done again
            done[record["id"]] = record
    return done


def _run_local(items, out_dir, options, jobs, on_done):
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            on_done(process_one(item, out_dir, options))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(process_one, item, out_dir, options) for item in items]
        for future in as_completed(futures):
            on_done(future.result())


def _run_ray(items, out_dir, options, jobs, on_done):
    try:
        import ray
    except ImportError:
        raise RuntimeError("the ray engine needs Ray: pip install 'vnplan[ray]'") from None
    if not ray.is_initialized():
        import logging

        address = os.environ.get("RAY_ADDRESS") or None  # a cluster's head, or a local instance of `jobs` CPUs
        ray.init(address=address, num_cpus=None if address else jobs, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.ERROR)
    remote = ray.remote(num_cpus=1)(process_one)
    pending = [remote.remote(item, out_dir, options) for item in items]
    while pending:
        ready, pending = ray.wait(pending, num_returns=1)
        on_done(ray.get(ready[0]))


def run_batch(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    options: OcrOptions = OcrOptions(),
    jobs: int = 1,
    engine: str = "local",
    resume: bool = False,
    parquet: bool = False,
    progress: Optional[Callable[[BatchRecord], None]] = None,
) -> list[BatchRecord]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    index_path = out / "index.jsonl"
    items = collect_inputs(inputs)
    previous = _load_index(index_path) if resume else {}
    if not resume and index_path.exists():
        index_path.unlink()
    records: list[BatchRecord] = []
    todo: list[BatchItem] = []
    for item in items:
        old = previous.get(item.id)
        if old and old.get("status") == "ok" and old.get("output") and Path(old["output"]).exists():
            try:
                unchanged = Path(item.path).is_file() and sha256_of(Path(item.path)) == old.get("sha256")
            except OSError:
                unchanged = False
            if unchanged:
                records.append(BatchRecord(**{**old, "status": "skipped"}))
                continue
        todo.append(item)

    # Sub-jobs: documents run in parallel, each OCRs its pages one at a time.
    inner = OcrOptions(options.lang, 1, options.dpi, options.timeout, options.force_ocr) if jobs > 1 else options

    with index_path.open("a", encoding="utf-8") as index:
        def on_done(record: BatchRecord) -> None:
            index.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")
            index.flush()
            records.append(record)
            if progress:
                progress(record)

        if engine == "ray":
            _run_ray(todo, str(out), inner, jobs, on_done)
        else:
            _run_local(todo, str(out), inner, jobs, on_done)

    if parquet:
        write_parquet(out, [r for r in records if r.status in ("ok", "skipped")])
    return records


def write_parquet(out: Path, records: list[BatchRecord]) -> None:
    """`documents.parquet` (one row per document) and `items.parquet` (one row per extracted item)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs, items = [], []
    for record in records:
        data = json.loads(Path(record.output).read_text(encoding="utf-8"))
        meta = data["metadata"]
        docs.append({
            "id": record.id, "path": record.path, "sha256": data["source"]["sha256"], "kind": data["source"]["kind"],
            "pages": data["source"]["pages"], "doc_type": meta.get("doc_type"), "number": meta.get("number"),
            "symbol": meta.get("symbol"), "issuer": meta.get("issuer"), "date": meta.get("date"),
            "title": meta.get("title"), "period_start": meta.get("period_start"), "period_end": meta.get("period_end"),
            "n_sections": len(data["sections"]), "n_legal_references": len(data["legal_references"]),
            "n_deadlines": len(data["deadlines"]), "n_responsibilities": len(data["responsibilities"]),
            "n_targets": len(data["targets"]), "n_warnings": len(data["warnings"]),
            "valid_syllable_share": data["quality"].get("valid_syllable_share"),
        })
        for kind in ("legal_references", "deadlines", "responsibilities", "targets"):
            for item in data[kind]:
                items.append({
                    "id": record.id, "kind": kind, "text": item["text"], "start": item["start"], "end": item["end"],
                    "page": item.get("page"), "confidence": item.get("confidence"),
                    "fields": json.dumps({k: v for k, v in item.items() if k not in ("text", "start", "end", "page", "confidence")}, ensure_ascii=False),
                })
    for name, rows in (("documents.parquet", docs), ("items.parquet", items)):
        tmp = out / f".{name}.tmp"
        pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())}), tmp)
        os.replace(tmp, out / name)
