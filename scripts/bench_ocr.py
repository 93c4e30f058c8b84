"""OCR throughput: pages per minute of `vnplan ocr` at --jobs 1 and --jobs 2, against plain tesseract.

    python scripts/bench_ocr.py [--repeat 3] [--pages 2] [--out bench.json]

Renders the acceptance test's scan (seed 004, two pages, 300 dpi, slight rotation and noise),
then times, best of --repeat runs each:
  - `vnplan ocr --jobs 1` and `--jobs 2` (whole command: start-up, rendering, OCR);
  - plain `tesseract PAGE.png - -l vie` on the same pages, one after another, with Tesseract's
    own OpenMP threads (its default) and with OMP_THREAD_LIMIT=1.
Prints a table, the speed-up of --jobs 2 over --jobs 1, and the syllable error rate of the
`vnplan ocr` output against the source text.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.metrics import syllable_errors  # noqa: E402
from extract.synth import render_scan_pdf  # noqa: E402


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    text = (ROOT / "corpus" / "004_771e3ed1f471eaca.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pdf = tmp / "seed004_scan.pdf"
        render_scan_pdf(text, pdf, n_pages=args.pages)
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(pdf))
        pngs = []
        for i in range(len(document)):
            path = tmp / f"page{i + 1}.png"
            document[i].render(scale=300 / 72, grayscale=True).to_pil().save(path)
            pngs.append(path)
        document.close()

        def vnplan(jobs: int) -> None:
            subprocess.run([sys.executable, "-m", "extract", "ocr", str(pdf), "-o", str(tmp / "o.txt"), "--jobs", str(jobs)],
                           check=True, capture_output=True)

        def tesseract(env_extra: dict) -> None:
            env = {**os.environ, **env_extra}
            for png in pngs:
                subprocess.run(["tesseract", str(png), "-", "-l", "vie"], check=True, capture_output=True, env=env)

        plain_env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
        results = {
            "pages": len(pngs),
            "cores": os.cpu_count(),
            "vnplan_jobs1_s": best_of(args.repeat, lambda: vnplan(1)),
            "vnplan_jobs2_s": best_of(args.repeat, lambda: vnplan(2)),
            "tesseract_default_threads_s": best_of(args.repeat, lambda: subprocess_env(plain_env, tesseract)),
            "tesseract_one_thread_s": best_of(args.repeat, lambda: tesseract({"OMP_THREAD_LIMIT": "1"})),
        }
        errors, total = syllable_errors((tmp / "o.txt").read_text(encoding="utf-8"), text)
        results.update(syllable_errors=errors, syllables=total, ser=errors / total)
    n = results["pages"]
    print(f"{n} pages, {results['cores']} cores, best of {args.repeat} runs")
    print(f"{'run':42} {'wall s':>8} {'pages/min':>10}")
    for key, label in [
        ("vnplan_jobs1_s", "vnplan ocr --jobs 1"),
        ("vnplan_jobs2_s", "vnplan ocr --jobs 2"),
        ("tesseract_default_threads_s", "tesseract (its own threads), page by page"),
        ("tesseract_one_thread_s", "tesseract OMP_THREAD_LIMIT=1, page by page"),
    ]:
        print(f"{label:42} {results[key]:8.2f} {60 * n / results[key]:10.1f}")
    speedup = results["vnplan_jobs1_s"] / results["vnplan_jobs2_s"]
    results["speedup_jobs2_over_jobs1"] = speedup
    print(f"speed-up of --jobs 2 over --jobs 1: {speedup:.2f}x")
    print(f"syllable error rate of `vnplan ocr` against the source text: {results['ser']:.2%} "
          f"({results['syllable_errors']} / {results['syllables']})")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def subprocess_env(env: dict, fn) -> None:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        fn({})
    finally:
        os.environ.clear()
        os.environ.update(saved)


if __name__ == "__main__":
    main()
