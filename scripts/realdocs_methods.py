"""Print the page methods vnplan chose for each document of a folder, from `vnplan extract` JSON.

    .venv/bin/python scripts/realdocs_methods.py OUT_DIR

OUT_DIR holds `<file>.json` written by `vnplan extract FILE -o OUT_DIR/<file>.json`; the table
gives, per document, the source kind, the method of every page (runs compressed: `ocr x7`) and
the reason of the first page's triage.
"""

from __future__ import annotations

import json
import sys
from itertools import groupby
from pathlib import Path


def main(argv=None) -> int:
    out = Path((argv or sys.argv[1:])[0])
    rows = []
    for path in sorted(out.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        info = doc["source"]["page_info"]
        runs = ", ".join(f"{m} x{len(list(g))}" if True else m for m, g in groupby(p["method"] for p in info))
        reason = (info[0].get("reason") or "") if info else ""
        rows.append((path.name.removesuffix(".json"), doc["source"]["kind"], len(info), runs, reason[:70]))
    print(f"{'document':26} {'kind':9} {'pages':>5}  methods                 first page's reason")
    for name, kind, pages, runs, reason in rows:
        print(f"{name:26} {kind:9} {pages:5}  {runs:23} {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
