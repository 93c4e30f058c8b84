#!/usr/bin/env python3
"""Re-run only the entity stage on saved predictions, to iterate on the entity finders in seconds.

    python scripts/rerun_entities.py --pred out/real-h11 --out out/real-h11-ent [IDS...]
    python scripts/evaluate.py --gold gold/real --pred out/real-h11-ent --label real

Each `<id>.json` of `--pred` (written by `vnplan extract`, e.g. through `scripts/predict_real.py`) keeps
its `text` and `sections`; this script runs `extract.entities.extract_entities` on them again and writes
the document with its `legal_references`, `deadlines`, `responsibilities` and `targets` replaced (pages
and confidences as the entity stage leaves them: the full pipeline may still refine them). Ingest, OCR,
repair and segmentation are not re-run, so the figures it gives are the entity stage's only; the
figures to report come from `predict_real.py --force`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vnplan.entities import extract_entities  # noqa: E402
from vnplan.models import Section  # noqa: E402

KINDS = ("legal_references", "deadlines", "responsibilities", "targets")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pred", type=Path, required=True, help="directory of saved predictions")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the re-run documents to")
    parser.add_argument("ids", nargs="*", help="only these document ids")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.pred.glob("*.json")):
        if args.ids and path.stem not in args.ids:
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            continue
        sections = [Section.model_validate(s) for s in doc.get("sections") or []]
        entities = extract_entities(doc["text"], sections)
        for kind in KINDS:
            doc[kind] = [item.model_dump(mode="json") for item in getattr(entities, kind)]
        (args.out / path.name).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
