"""The five seeds through the pipeline once per test session (compare and HTML tests share them)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from conftest import CORPUS, DOC_IDS

from vnplan.pipeline import run
from vnplan.models import PlanDocument


@lru_cache(maxsize=None)
def seed_doc(doc_id: str) -> PlanDocument:
    return run(CORPUS / f"{doc_id}.txt")


def write_batch(folder: Path, ids=DOC_IDS) -> Path:
    """A folder shaped as `vnplan batch` leaves it: one JSON per document and index.jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for doc_id in ids:
        out = folder / f"{doc_id}.json"
        out.write_text(seed_doc(doc_id).model_dump_json(), encoding="utf-8")
        lines.append(json.dumps({"id": doc_id, "path": f"corpus/{doc_id}.txt", "status": "ok", "output": str(out)}))
    (folder / "index.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
