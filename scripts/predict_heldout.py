"""Run the pipeline on each corpus document with a repair model that never saw that document.

    python scripts/predict_heldout.py --out out/heldout [IDS...]
    python scripts/evaluate.py --gold gold/ --pred out/heldout

The shipped repair language model is trained on the statutes, the clean corpus documents and the
gold texts of all five seeds (in-domain text helps every new document). Scoring the pipeline on
those same seeds with the shipped model would flatter it, so this script rebuilds the model once
per document without that document (`build_repair_model.py --exclude ID`, cached by
`scripts/eval_repair.py`'s `holdout_model`) and runs `vnplan extract` with
`VNPLAN_REPAIR_MODEL` pointing at it. These are the figures the README quotes.

With `--input-dir DIR` the documents are taken from DIR instead (same ids, any supported
extension): `scripts/stress_corpus.py` uses this for damaged versions of the clean seeds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from eval_repair import CACHE, holdout_model  # noqa: E402


def predict(doc_path: Path, out_dir: Path) -> subprocess.CompletedProcess:
    doc_id = doc_path.stem
    CACHE.mkdir(parents=True, exist_ok=True)
    model = holdout_model(doc_id[:3])
    env = {**os.environ, "VNPLAN_REPAIR_MODEL": str(model)}
    out_dir.mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "-m", "vnplan", "extract", str(doc_path), "-o", str(out_dir / f"{doc_id}.json")],
                          env=env, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--input-dir", type=Path, default=ROOT / "corpus")
    parser.add_argument("ids", nargs="*", help="document ids (default: every document in the input folder)")
    args = parser.parse_args()
    docs = sorted(p for p in args.input_dir.iterdir() if p.suffix.lower() in {".txt", ".pdf", ".docx", ".png", ".tif", ".tiff"})
    if args.ids:
        docs = [p for p in docs if p.stem in args.ids or p.stem[:3] in args.ids]
    failed = 0
    for doc in docs:
        result = predict(doc, args.out)
        status = "ok" if result.returncode == 0 else f"failed ({result.stderr.decode().strip()})"
        failed += result.returncode != 0
        print(f"{doc.stem}: {status}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
