#!/usr/bin/env python3
"""Run `vnplan extract` on the real development set, one JSON per document named by its id.

    python scripts/predict_real.py --out out/real [--jobs 2] [--all] [IDS...]
    python scripts/evaluate.py --gold gold/real --pred out/real --label real
    python scripts/evaluate.py --gold gold/holdout --pred out/real --label holdout --only-predicted

The documents are read from `../shared/realdocs/` (never copied into the project). By default
only the documents that have a gold file in `gold/real/` or `gold/holdout/` are run; `--all`
runs all 30. Each
document runs in its own `vnplan extract` process (its failures are printed, the run goes on);
`--jobs` documents at a time, each OCR'ing its pages with one Tesseract thread. A prediction
whose source file is unchanged (same sha256 in the JSON) is kept unless `--force`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"
GOLD = ROOT / "gold" / "real"
HOLDOUT = ROOT / "gold" / "holdout"   # gold written for the other documents, scored apart
SUFFIXES = {".pdf", ".docx", ".doc", ".rtf", ".txt"}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _up_to_date(doc: Path, out: Path) -> bool:
    try:
        return json.loads(out.read_text(encoding="utf-8"))["source"]["sha256"] == _sha256(doc)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def predict(doc: Path, out_dir: Path, force: bool) -> tuple[str, int, str, float]:
    out = out_dir / f"{doc.stem}.json"
    if not force and _up_to_date(doc, out):
        return doc.stem, 0, "kept (unchanged)", 0.0
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "vnplan", "extract", str(doc), "-o", str(out)],
                            capture_output=True, cwd=ROOT)
    message = "ok" if result.returncode == 0 else result.stderr.decode(errors="replace").strip().splitlines()[-1:]
    return doc.stem, result.returncode, message if isinstance(message, str) else " ".join(message), time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "real")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--all", action="store_true", help="run every document, not only those with gold")
    parser.add_argument("--force", action="store_true", help="rerun documents whose prediction is up to date")
    parser.add_argument("ids", nargs="*")
    args = parser.parse_args()
    if not REALDOCS.is_dir():
        print(f"skipped: {REALDOCS} is not there (the real development set lives in ../shared)")
        return 0
    docs = sorted(p for p in REALDOCS.iterdir() if p.suffix.lower() in SUFFIXES)
    if args.ids:
        docs = [p for p in docs if p.stem in args.ids]
    elif not args.all:
        docs = [p for p in docs if (GOLD / f"{p.stem}.json").exists() or (HOLDOUT / f"{p.stem}.json").exists()]
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for doc_id, code, message, seconds in pool.map(lambda d: predict(d, args.out, args.force), docs):
            failed += code != 0
            print(f"{doc_id:<20} exit {code}  {seconds:6.1f} s  {message}", flush=True)
    print(f"{len(docs) - failed}/{len(docs)} documents read")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
