#!/usr/bin/env python3
"""Run `vnplan extract` on each passage of `gold/passages/` (the issue-10 proxy set).

    python scripts/predict_passages.py [--gold gold/passages] [--out out/passages] [IDS...]
    python scripts/evaluate.py --gold gold/passages --pred out/passages --label passages

Each `<id>.txt` of the gold folder is extracted as a plain-text document into `OUT/<id>.json`,
exactly as a user would run the CLI on a passage copied from a provincial page. The passages are
short typed text (no OCR), so the whole set takes seconds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "gold" / "passages", help="folder of <id>.txt passages")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "passages", help="folder to write <id>.json to")
    parser.add_argument("ids", nargs="*", help="only these passage ids")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for txt in sorted(args.gold.glob("*.txt")):
        if args.ids and txt.stem not in args.ids:
            continue
        result = subprocess.run([sys.executable, "-m", "vnplan", "extract", str(txt), "-o", str(args.out / f"{txt.stem}.json")],
                                capture_output=True, text=True)
        failed += result.returncode != 0
        print(f"{txt.stem}: " + ("ok" if result.returncode == 0 else f"failed ({result.stderr.strip()})"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
