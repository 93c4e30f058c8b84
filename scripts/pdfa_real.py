"""Which real PDFs `vnplan ocr X.pdf -o Y.pdf` writes as PDF/A-2b, and why not for the others.

    .venv/bin/python scripts/pdfa_real.py [REALDOCS] [--jobs N]

REALDOCS defaults to ../shared/realdocs. Each PDF goes through the searchable-PDF writer as the
command runs it (default --mode auto, output type pdfa): scans are OCR'd (minutes of CPU for the
whole set), born-digital pages copied. The table gives, per document, the pages OCR'd, whether
the file written is PDF/A-2b (pikepdf.pdfa's validator, re-run here on the bytes written, must
agree), and the start of the warning otherwise; the last line counts them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("realdocs", nargs="?", default=str(ROOT.parent / "shared" / "realdocs"))
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)

    from pikepdf.pdfa import validate_written

    from vnplan.ingest import OcrOptions
    from vnplan.searchable import write_searchable_pdf

    pdfs = sorted(Path(args.realdocs).glob("*.pdf"))
    if not pdfs:
        print(f"no PDF in {args.realdocs}", file=sys.stderr)
        return 3
    made_pdfa = 0
    print(f"{'document':22} {'pages':>5} {'ocr':>4}  {'PDF/A-2b':8}  why not")
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            target = Path(tmp) / pdf.name
            result = write_searchable_pdf(pdf, target, OcrOptions(jobs=args.jobs))
            valid = validate_written(target, "2b").passed
            if result.pdfa != valid:
                print(f"{pdf.stem}: the writer says pdfa={result.pdfa}, the validator {valid}", file=sys.stderr)
                return 1
            made_pdfa += result.pdfa
            why = next((w for w in result.warnings if w.startswith("not PDF/A")), "")
            why = why.removeprefix("not PDF/A-2b: ").removesuffix("; written as a plain PDF")
            print(f"{pdf.stem:22} {result.pages:5} {result.ocr_pages:4}  {'yes' if result.pdfa else 'no':8}  {why[:110]}")
    print(f"PDF/A-2b: {made_pdfa} of {len(pdfs)} PDFs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
