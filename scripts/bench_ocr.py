"""OCR throughput: pages per minute of `vnplan ocr` at --jobs 1 and --jobs 2, against plain tesseract.

    python scripts/bench_ocr.py [--repeat 3] [--pages 2] [--out bench.json]
    python scripts/bench_ocr.py --real [--limit N] [--docs ID,ID] [--out bench.json]

Default mode: renders the acceptance test's scan (seed 004, two pages, 300 dpi, slight rotation
and noise), then times, best of --repeat runs each:
  - `vnplan ocr --jobs 1` and `--jobs 2` (whole command: start-up, rendering, OCR);
  - plain `tesseract PAGE.png - -l vie` on the same pages, one after another, with Tesseract's
    own OpenMP threads (its default) and with OMP_THREAD_LIMIT=1.
Prints a table, the speed-up of --jobs 2 over --jobs 1, and the syllable error rate of the
`vnplan ocr` output against the source text.

--real mode: the PDFs of ../shared/realdocs (SOURCES.md order; --limit N keeps the first N,
--docs names them), each run once (the machine is shared: figures are noisy, rerun to check):
  - `vnplan ocr DOC.pdf -o OUT.pdf --jobs 1` and `--jobs 2`: the searchable PDF, OCR and repair
    included, pages triaged as usual (good layers kept, broken ones decoded or OCR'd);
    a page "needed no OCR" when its text in the output equals its text in the input (pdftotext);
  - `ocrmypdf --jobs 2 --output-type none --sidecar OUT.txt -l vie --invalidate-digital-signatures`
    (the e-office PDFs are signed; no PDF is written, so nothing is invalidated) on the same file, with
    `--force-ocr` for born-digital PDFs (it refuses pages with text otherwise) and `--redo-ocr`
    for scans carrying an old OCR layer (SOURCES.md kinds pdf_text / pdf_broken_layer);
  - on the born-digital documents (kind pdf_text), whose layer is a reference, both tools OCR
    every page (vnplan's searchable-PDF writer with --force-ocr and 2 jobs, called in-process,
    its repaired text taken as it wrote it; OCRmyPDF's sidecar) and their syllable error rates
    are scored on the pages
    scripts/bench_real_ocr.py scores, in reading order and order-free (its bag distance).
Needs `pip install '.[bench]'` (OCRmyPDF) and Ghostscript (`apt-get install ghostscript`).

Measured on 2026-11-27 (`python scripts/bench_ocr.py --real`, all 21 PDFs of the real set, 108 pages,
OCRmyPDF 17.13, the 2-core machine lightly shared: one run, noisy):
    vnplan ocr -o .pdf --jobs 1            35.0 pages/min (108 pages, 184.9 s)
    vnplan ocr -o .pdf --jobs 2            38.5 pages/min (108 pages, 168.4 s)
    ocrmypdf --jobs 2 (sidecar only)       20.2 pages/min (108 pages, 320.3 s)
    pages that needed no OCR in vnplan (layer kept or decoded): 73 of 108 (68%)
    born-digital documents, every page OCR'd by both:
      vnplan --force-ocr, 2 jobs (in-process)   24.7 pages/min (72 pages, 175.2 s)
      ocrmypdf --force-ocr --jobs 2        25.0 pages/min (72 pages, 172.7 s)
      vnplan     syllable errors on 27825 reference syllables: reading order 4.26%, order-free 2.27%
      ocrmypdf   syllable errors on 27825 reference syllables: reading order 10.00%, order-free 8.02%
On the files as they are, vnplan keeps or decodes two pages in three and is about twice as fast;
made to OCR every page, both run at the same speed and vnplan's order-free error is a quarter of
OCRmyPDF's. On pure scans OCRmyPDF is faster (8.3 s against 15.0 s for 5 pages in an earlier run):
it OCRs a scan at its own resolution, vnplan renders every page at 300 dpi, and reads ruled tables
cell by cell (two or three more Tesseract calls on such a page).
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
sys.path.insert(0, str(ROOT / "tests"))  # the test renderer (tests/synth.py)
sys.path.insert(0, str(ROOT / "scripts"))

from vnplan.metrics import syllable_errors  # noqa: E402
from synth import render_scan_pdf  # noqa: E402


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
    parser.add_argument("--real", action="store_true", help="the PDFs of ../shared/realdocs, against OCRmyPDF")
    parser.add_argument("--limit", type=int, help="--real: the first N documents")
    parser.add_argument("--docs", help="--real: comma-separated document ids")
    args = parser.parse_args()
    if args.real:
        return real_bench(args)

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
            subprocess.run([sys.executable, "-m", "vnplan", "ocr", str(pdf), "-o", str(tmp / "o.txt"), "--jobs", str(jobs)],
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


def pdftotext_pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    pages = out.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, env=env)
    return time.perf_counter() - start, result


def real_bench(args) -> None:
    import shutil

    import bench_real_ocr as real

    if not (real.REALDOCS / "SOURCES.md").exists():
        print(f"skipped: {real.REALDOCS} not found")
        return
    kinds = {}
    for line in (real.REALDOCS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 5 and cells[4].startswith("pdf_"):
            kinds[cells[1]] = cells[4]
    docs = args.docs.split(",") if args.docs else list(kinds)[: args.limit]
    ocrmypdf = shutil.which("ocrmypdf") or str(Path(sys.executable).parent / "ocrmypdf")
    if not Path(ocrmypdf).exists():
        sys.exit("OCRmyPDF is not installed: pip install '.[bench]' (and apt-get install ghostscript)")
    out_dir = ROOT / "out" / "bench_ocr_real"
    out_dir.mkdir(parents=True, exist_ok=True)
    vnplan = [sys.executable, "-m", "vnplan", "ocr"]
    rows = []
    score = {"vnplan": [0, 0, 0], "ocrmypdf": [0, 0, 0]}  # seq errors, bag errors, syllables
    for doc in docs:
        pdf = real.REALDOCS / f"{doc}.pdf"
        source_pages = pdftotext_pages(pdf)
        row = {"doc": doc, "kind": kinds[doc], "pages": len(source_pages)}
        for jobs in (1, 2):
            target = out_dir / f"{doc}.j{jobs}.pdf"
            row[f"vnplan_j{jobs}_s"], result = timed(vnplan + [str(pdf), "-o", str(target), "--jobs", str(jobs)])
            if result.returncode:
                print(f"{doc}: vnplan failed: {result.stderr.decode()[-300:]}", file=sys.stderr)
        if (out_dir / f"{doc}.j2.pdf").exists():
            made = pdftotext_pages(out_dir / f"{doc}.j2.pdf")
            row["no_ocr_pages"] = sum(a == b for a, b in zip(source_pages, made))
        mode = {"pdf_text": ["--force-ocr"], "pdf_broken_layer": ["--redo-ocr"]}.get(kinds[doc], [])
        sidecar = out_dir / f"{doc}.ocrmypdf.txt"
        env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
        row["ocrmypdf_j2_s"], result = timed([ocrmypdf, "--jobs", "2", "--output-type", "none", "--sidecar",
                                              str(sidecar), "-l", "vie", "--invalidate-digital-signatures",
                                              "--tesseract-timeout", "900", *mode, str(pdf), "-"], env=env)
        if result.returncode:
            print(f"{doc}: ocrmypdf exit {result.returncode}: {result.stderr.decode()[-300:]}", file=sys.stderr)
        if kinds[doc] == "pdf_text":
            # in-process (start-up excluded): the repaired text itself, since pdftotext of a forced
            # page would also return the page's own visible text beside the new invisible layer
            from vnplan.ingest import OcrOptions
            from vnplan.searchable import write_searchable_pdf

            start = time.perf_counter()
            made = write_searchable_pdf(pdf, out_dir / f"{doc}.forced.pdf", OcrOptions(jobs=2, force_ocr=True))
            row["vnplan_forced_j2_s"] = time.perf_counter() - start
            ours = made.text.split("\f")
            theirs = sidecar.read_text(encoding="utf-8").split("\f") if sidecar.exists() else []
            for index, reference in real.reference_pages(doc):
                for name, pages in (("vnplan", ours), ("ocrmypdf", theirs)):
                    text = pages[index] if index < len(pages) else ""
                    seq, n = syllable_errors(text, reference)
                    bag, _ = real.bag_errors(text, reference)
                    score[name][0] += seq
                    score[name][1] += bag
                    score[name][2] += n
        rows.append(row)
        print(json.dumps(row), flush=True)

    def rate(key: str, pages_key: str = "pages", only_text: bool = False) -> str:
        chosen = [r for r in rows if key in r and (not only_text or r["kind"] == "pdf_text")]
        seconds = sum(r[key] for r in chosen)
        pages = sum(r[pages_key] for r in chosen)
        return f"{60 * pages / seconds:6.1f} pages/min ({pages} pages, {seconds:.1f} s)" if seconds else "n/a"

    print(f"{len(rows)} documents, {sum(r['pages'] for r in rows)} pages, {os.cpu_count()} cores, one run each")
    print(f"vnplan ocr -o .pdf --jobs 1          {rate('vnplan_j1_s')}")
    print(f"vnplan ocr -o .pdf --jobs 2          {rate('vnplan_j2_s')}")
    print(f"ocrmypdf --jobs 2 (sidecar only)     {rate('ocrmypdf_j2_s')}")
    kept = sum(r.get("no_ocr_pages", 0) for r in rows)
    total = sum(r["pages"] for r in rows)
    print(f"pages that needed no OCR in vnplan (layer kept or decoded): {kept} of {total} ({kept / max(total, 1):.0%})")
    print("born-digital documents, every page OCR'd by both:")
    print(f"  vnplan --force-ocr, 2 jobs (in-process) {rate('vnplan_forced_j2_s', only_text=True)}")
    print(f"  ocrmypdf --force-ocr --jobs 2      {rate('ocrmypdf_j2_s', only_text=True)}")
    for name, (seq, bag, n) in score.items():
        if n:
            print(f"  {name:10} syllable errors on {n} reference syllables: reading order {seq / n:.2%}, "
                  f"order-free {bag / n:.2%}")
    if args.out:
        args.out.write_text(json.dumps({"documents": rows, "scores": score}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
