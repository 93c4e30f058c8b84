"""OCR accuracy on real pages: Tesseract alone against vnplan's chain, page by page.

    python scripts/bench_real_ocr.py [--limit N] [--docs ID,ID] [--per-doc K] [--jobs 2]
        [--dpi 300] [--lang vie] [--set psm=6 ...] [--no-repair] [--json OUT] [--cells [SHOW]]

The pages: every page of the born-digital PDFs of ../shared/realdocs whose text layer is good
(kind `pdf_text` in SOURCES.md; a page is skipped when its layer has fewer than 30 syllables or
does not read as Vietnamese). The layer, read with pdfplumber as vnplan reads it, is the
reference text (NFC; the Word 2010 export's ƣ/Ƣ for ư/Ư, noted in SOURCES.md, is mapped back).
Each page is rendered and OCR'd twice:

  tesseract  the page rendered in grey at 300 dpi, Tesseract `vie` (`--oem 1 --psm 3`) as is;
  vnplan     vnplan's chain: the page rendered as `vnplan ocr` renders it (--dpi, colour kept),
             coloured ink removed (extract/preprocess.py), Tesseract with the chain's settings
             (extract/ocr.py), then repair as `vnplan extract` does it (extract.pipeline.
             repair_stage: Vietnamese-model OCR mode), all pages of a document together.
             The column `ocr` is the chain before repair.

Scores (extract/metrics.py syllables: runs of letters and digits, NFC, case kept), over the
reference's syllable count G:
  seq  the syllable error rate in reading order (edit distance / G);
  bag  order-free: the page as a bag (multiset) of syllables; errors = the bag distance
       max(|G - P|, |P - G|) (multiset differences of gold G and prediction P), so a misread
       syllable counts once, a syllable read in another order (tables, two-column headers,
       footnotes) counts zero. It never exceeds the edit distance.
Totals add errors and syllables over the pages, with subtotals for text pages and for number
tables (at least 40% of the reference's syllables are numbers). "worse" counts pages where vnplan's bag error is
above Tesseract's. Tesseract results are cached in out/bench_real_ocr/ keyed by the hash of the
image and the settings, so a rerun only pays for what changed. Without ../shared it says so
and exits 0.

Measured (`python scripts/bench_real_ocr.py --json out/bench_real_tables.json`, 64 pages, 27,843
reference syllables; Tesseract 5.3 `vie`; the chain reads ruled tables cell by cell,
extract/ocr_tables.py):
    total  tess seq 13.87%  tess bag 8.22%  ocr bag 4.79%  vnplan seq 4.19%  vnplan bag 2.27%
    text pages     52 23897  6.06%  5.61%  5.09%  3.70%  2.31%
    number tables  12  3946 61.13% 24.02%  2.97%  7.17%  2.05%  (lc-qd-2463 p6-12, lc-gcn-banqua p5-9)
    pages where vnplan's order-free error is above Tesseract's: 0 of 64
The chain without the table pass (`--set tables=false`): vnplan bag 3.68% in all, number tables
11.66%, 1 page worse than Tesseract (lc-qd-2463 p11: its point-number column was dropped).
Before the º/° equivalence (SAME_GLYPH) the same run without tables read 3.80%. The cells alone
(`--cells`): numbers 6 syllable errors in 3,190 (0.19%), point names 3 in 172, text cells (mostly
the bold headings: tuyến read "tuyên", điểm "điêm") 133 in 1,035.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REALDOCS = ROOT.parent / "shared" / "realdocs"
CACHE = ROOT / "out" / "bench_real_ocr"

from vnplan.metrics import syllable_errors  # noqa: E402
from vnplan.text.vietnamese import syllables  # noqa: E402

BASELINE_CONFIG = "--oem 1 --psm 3"
MIN_SYLLABLES = 30
# a page whose reference is at least this share of numbers is a number table (coordinates,
# schedules); its subtotal is printed apart: Tesseract reads such tables much worse than text
NUMERIC_SHARE = 0.4
# Layer quirks of the reference noted in SOURCES.md: Word 2010 writes ư as U+01A3 (ƣ)
REFERENCE_FIXES = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})
# One glyph, two code points: the coordinate tables write degrees with º (U+00BA, the masculine
# ordinal, a letter to Unicode: "104º45’" is then one syllable) where ° (U+00B0, a symbol) is
# meant and printed, and OCR reads it °. Both sides are scored with ° (so "104°45" is two
# syllables on both), else one glyph read right costs up to three syllables.
SAME_GLYPH = str.maketrans({"º": "°"})


def pdf_text_docs() -> list[str]:
    """Ids of the documents SOURCES.md lists as `pdf_text`, in its order."""
    ids = []
    for line in (REALDOCS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 5 and cells[4] == "pdf_text":
            ids.append(cells[1])
    return ids


def reference_pages(doc: str) -> list[tuple[int, str]]:
    """(0-based page, reference text) of the pages whose layer is a usable reference."""
    import pdfplumber

    from vnplan.text.vietnamese import looks_vietnamese, nfc

    out = []
    with pdfplumber.open(REALDOCS / f"{doc}.pdf") as pdf:
        for i, page in enumerate(pdf.pages):
            text = nfc(page.extract_text() or "").translate(REFERENCE_FIXES)
            if "(cid:" in text or len(syllables(text)) < MIN_SYLLABLES or not looks_vietnamese(text):
                continue
            out.append((i, text))
    return out


def bag_errors(hypothesis: str, reference: str) -> tuple[int, int]:
    """(bag distance between the syllable multisets, number of reference syllables)."""
    hyp, ref = Counter(syllables(scored(hypothesis))), Counter(syllables(scored(reference)))
    return max(sum((ref - hyp).values()), sum((hyp - ref).values())), sum(ref.values())


def scored(text: str) -> str:
    """The text as both sides are scored (SAME_GLYPH)."""
    return text.translate(SAME_GLYPH)


def _cache_key(image, lang: str, config: str) -> str:
    h = hashlib.sha256()
    h.update(f"{image.mode}|{image.size}|{lang}|{config}|".encode())
    h.update(image.tobytes())
    return h.hexdigest()[:32]


def cached_data(image, lang: str, config: str, timeout: float = 600.0) -> dict:
    """Tesseract `image_to_data` of an image, from the cache when this image was read before."""
    import pytesseract

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{_cache_key(image, lang, config)}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    data = pytesseract.image_to_data(image, lang=lang, config=config, output_type=pytesseract.Output.DICT,
                                     timeout=timeout)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data


def ocr_task(task: tuple) -> tuple[str, int, str, str]:
    """(doc, page, tesseract text, chain OCR text before repair) of one page."""
    import os

    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pypdfium2 as pdfium

    from vnplan.ocr import OcrSettings, PageJob, load_page_image, read_page_image, text_from_data

    doc, index, dpi, lang, settings_kw = task
    path = str(REALDOCS / f"{doc}.pdf")
    pdf = pdfium.PdfDocument(path)
    try:
        base = pdf[index].render(scale=300 / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    tess_text, _ = text_from_data(cached_data(base, "vie", BASELINE_CONFIG))
    settings = OcrSettings(**settings_kw)
    job = PageJob(path, index, "pdf", lang, dpi, settings=settings)
    page_image = load_page_image(job)
    chain_text = read_page_image(page_image, settings, page_image.info.get("vnplan_dpi", dpi), lang, cached_data).text
    return doc, index, tess_text, chain_text


CELL_KINDS = (("number", re.compile(r"[\d.,]+")), ("code", re.compile(r"[A-Z]+\d+")))


def cell_task(task: tuple) -> list[tuple[str, int, str, int, int, str, str]]:
    """(doc, page, kind, errors, syllables, reference, reading) of every cell of the ruled tables
    the chain finds on one page; the cell's reference is the layer's words whose centre lies in it."""
    import os

    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pdfplumber

    from vnplan.ocr import OcrSettings, PageJob, load_page_image
    from vnplan.ocr_tables import find_tables, read_cells
    from vnplan.preprocess import remove_rules, suppress_coloured_ink

    doc, index, dpi, lang, settings_kw = task
    path = REALDOCS / f"{doc}.pdf"
    image = load_page_image(PageJob(str(path), index, "pdf", lang, dpi, settings=OcrSettings(**settings_kw)))
    grey = suppress_coloured_ink(image)
    tables = find_tables(grey, dpi)
    if not tables:
        return []
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[index].extract_words()
    scale = dpi / 72
    out = []
    for table, cells in zip(tables, read_cells(remove_rules(grey, dpi), tables, lang, cached_data, dpi)):
        read = {item.cell: item.text for item in cells}
        for cell in table.cells:
            ref = " ".join(w["text"] for w in words
                           if cell.left <= (w["x0"] + w["x1"]) / 2 * scale < cell.right
                           and cell.top <= (w["top"] + w["bottom"]) / 2 * scale < cell.bottom)
            ref = ref.translate(REFERENCE_FIXES)
            kind = next((name for name, pattern in CELL_KINDS if pattern.fullmatch(ref)), "text")
            errors, n = bag_errors(read.get(cell, ""), ref)
            out.append((doc, index, kind, errors, n, ref, read.get(cell, "")))
    return out


def print_cells(results: list, show: int) -> None:
    """Order-free syllable errors of the table cells by kind, and the first ``show`` wrong cells."""
    rows = [r for page in results for r in page]
    print(f"{'cells':8} {'cells':>6} {'wrong':>6} {'syl':>6} {'errors':>6} {'rate':>7}")
    for kind in ("number", "code", "text", "all"):
        part = [r for r in rows if kind in (r[2], "all")]
        n = sum(r[4] for r in part) or 1
        print(f"{kind:8} {len(part):6d} {sum(r[3] > 0 for r in part):6d} {sum(r[4] for r in part):6d} "
              f"{sum(r[3] for r in part):6d} {sum(r[3] for r in part) / n:7.2%}")
    for doc, index, kind, errors, _, ref, read in [r for r in rows if r[3]][:show]:
        print(f"  {doc} p{index + 1} {kind}: {ref!r} read {read!r}")


def repair_pages(texts: list[str], lang: str) -> list[str]:
    """Repair OCR'd pages of one document as the pipeline does (extract.pipeline.repair_stage)."""
    from vnplan.ingest import RawDocument, RawPage
    from vnplan.pipeline import repair_stage

    raw = RawDocument("bench", "", "pdf_scan", None, [RawPage(i + 1, t, "ocr") for i, t in enumerate(texts)])
    return repair_stage(raw, lang).text.split("\f")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most this many pages in all")
    parser.add_argument("--docs", help="comma-separated document ids (default: every pdf_text document)")
    parser.add_argument("--per-doc", type=int, help="at most this many pages of each document")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dpi", type=int, default=None, help="chain render resolution (default: vnplan's)")
    parser.add_argument("--lang", default="vie")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="override a field of extract.ocr.OcrSettings for the chain (psm=6, "
                             "suppress_ink=false, remove_lines=true, extra_config='-c ...')")
    parser.add_argument("--no-repair", action="store_true")
    parser.add_argument("--json", type=Path, help="write the per-page figures here")
    parser.add_argument("--cells", type=int, nargs="?", const=0, metavar="SHOW",
                        help="score the cells of the ruled tables instead (each cell against the layer's "
                             "words inside it, by kind: number, code such as M17, text) and show SHOW wrong cells")
    args = parser.parse_args()

    if not (REALDOCS / "SOURCES.md").exists():
        print(f"skipped: {REALDOCS} not found (the real documents are not in this checkout)")
        return 0
    from vnplan.ocr import DEFAULT_DPI, DEFAULT_SETTINGS

    settings_kw = dataclasses.asdict(DEFAULT_SETTINGS)
    for item in args.set:
        name, _, value = item.partition("=")
        if name not in settings_kw:
            parser.error(f"no OcrSettings field {name!r} (fields: {', '.join(settings_kw)})")
        kind = type(settings_kw[name])
        settings_kw[name] = value.lower() in ("1", "true", "yes") if kind is bool else kind(value)
    dpi = args.dpi or DEFAULT_DPI
    docs = args.docs.split(",") if args.docs else pdf_text_docs()
    references: dict[tuple[str, int], str] = {}
    for doc in docs:
        if not (REALDOCS / f"{doc}.pdf").exists():
            print(f"no such document: {doc}", file=sys.stderr)
            return 2
        for index, text in reference_pages(doc)[: args.per_doc]:
            references[(doc, index)] = text
    keys = list(references)[: args.limit]
    tasks = [(doc, index, dpi, args.lang, settings_kw) for doc, index in keys]
    if args.cells is not None:
        if args.jobs > 1:
            with ProcessPoolExecutor(args.jobs) as pool:
                print_cells(list(pool.map(cell_task, tasks)), args.cells)
        else:
            print_cells([cell_task(t) for t in tasks], args.cells)
        return 0
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(ocr_task, tasks))
    else:
        results = [ocr_task(t) for t in tasks]
    by_doc: dict[str, list[tuple[int, str, str]]] = {}
    for doc, index, tess, chain in results:
        by_doc.setdefault(doc, []).append((index, tess, chain))
    repaired: dict[tuple[str, int], str] = {}
    for doc, pages in by_doc.items():
        fixed = [c for _, _, c in pages] if args.no_repair else repair_pages([c for _, _, c in pages], args.lang)
        for (index, _, _), text in zip(pages, fixed):
            repaired[(doc, index)] = text

    print(f"chain: dpi {dpi}, lang {args.lang}, {json.dumps(settings_kw)}, repair {'off' if args.no_repair else 'on'}")
    header = f"{'document':18} {'page':>4} {'syl':>5}  {'tess seq':>8} {'tess bag':>8}  {'ocr bag':>8}  " \
             f"{'vnplan seq':>10} {'vnplan bag':>10}"
    print(header)
    rows = []
    totals = Counter()
    worse = 0
    for doc, index, tess, chain in results:
        ref = references[(doc, index)]
        final = repaired[(doc, index)]
        ts, n = syllable_errors(scored(tess), scored(ref))
        tb, _ = bag_errors(tess, ref)
        ob, _ = bag_errors(chain, ref)
        vs, _ = syllable_errors(scored(final), scored(ref))
        vb, _ = bag_errors(final, ref)
        worse += vb > tb
        totals.update(syl=n, ts=ts, tb=tb, ob=ob, vs=vs, vb=vb)
        ref_syllables = syllables(scored(ref))
        numeric = sum(x.isdigit() for x in ref_syllables) >= NUMERIC_SHARE * len(ref_syllables)
        rows.append({"doc": doc, "page": index + 1, "syllables": n, "tesseract_seq": ts, "tesseract_bag": tb,
                     "ocr_bag": ob, "vnplan_seq": vs, "vnplan_bag": vb, "numeric": numeric})
        print(f"{doc:18} {index + 1:4d} {n:5d}  {ts / n:8.2%} {tb / n:8.2%}  {ob / n:8.2%}  {vs / n:10.2%} {vb / n:10.2%}")
    n = totals["syl"] or 1
    print(f"{'total':18} {len(rows):4d} {totals['syl']:5d}  {totals['ts'] / n:8.2%} {totals['tb'] / n:8.2%}  "
          f"{totals['ob'] / n:8.2%}  {totals['vs'] / n:10.2%} {totals['vb'] / n:10.2%}")
    for label, numeric in (("text pages", False), ("number tables", True)):
        part = [r for r in rows if r["numeric"] == numeric]
        m = sum(r["syllables"] for r in part)
        if m:
            cols = [sum(r[k] for r in part) / m for k in ("tesseract_seq", "tesseract_bag", "ocr_bag",
                                                           "vnplan_seq", "vnplan_bag")]
            print(f"{label:18} {len(part):4d} {m:5d}  {cols[0]:8.2%} {cols[1]:8.2%}  {cols[2]:8.2%}  "
                  f"{cols[3]:10.2%} {cols[4]:10.2%}")
    print(f"pages where vnplan's order-free error is above Tesseract's: {worse} of {len(rows)}")
    if args.json:
        args.json.write_text(json.dumps({"settings": settings_kw, "dpi": dpi, "lang": args.lang, "pages": rows,
                                         "totals": dict(totals), "worse_pages": worse}, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
