"""Draws the README's picture of `vnplan compare`: seed 001 against Decision 1258, as headless
Chromium renders the page (1400x1000), saved as a small palette PNG.

    python scripts/screenshot_compare.py [--out docs/compare-001-vs-1258.png] [--against 1258]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from vnplan.compare import compare_document, render  # noqa: E402
from vnplan.pipeline import run  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plan", default="corpus/001_84f5cf27fdea967e.txt", help="relative to the project root")
    ap.add_argument("--against", default="1258")
    ap.add_argument("--out", default=str(ROOT / "docs" / "compare-001-vs-1258.png"))
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not installed (bash scripts/install_system_deps.sh)", file=sys.stderr)
        return 6
    os.chdir(ROOT)  # the page shows the plan's path as given: keep it relative
    plan = run(Path(args.plan))
    with tempfile.TemporaryDirectory(prefix="vnplan-shot-") as tmp:
        page, shot = Path(tmp) / "compare.html", Path(tmp) / "shot.png"
        page.write_text(render(compare_document(plan, args.against), "html", plan), encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri()],
                       check=True, capture_output=True, timeout=180)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        # 64 colours keep the text and the verdict colours and make the file a fraction of the RGB one
        Image.open(shot).convert("RGB").quantize(colors=64).save(out, optimize=True)
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
