"""The 30 real documents of ../shared/realdocs are read, each page by the right method.

The expected method of every page follows the kind SOURCES.md gives each document (read from
the files, not from vnplan): `pdf_text` pages keep their layer, lc-pc-466's broken layer is
decoded, the scans carrying a Latin-only OCR layer and the plain scans are OCR'd, Word files are
read as such. The triage runs without OCR, so this stays in `make test`; the full
`vnplan extract` of every document is `slow`.
"""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

from vnplan.pdflayer import triage

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"

# name -> (pages per SOURCES.md, method of every page)
PDFS = {
    # pdf_text
    "lc-cv-3686": (3, "text_layer"),
    "lc-qd-1696": (3, "text_layer"),
    "lc-qd-2463": (12, "text_layer"),
    "lc-gcn-banqua": (9, "text_layer"),
    "bct-cv-1178": (1, "text_layer"),
    "lc-cv-6791": (4, "text_layer"),
    "lc-cv-3298": (3, "text_layer"),
    "lc-cv-2826": (3, "text_layer"),
    "dn-panm-duyhieu": (34, "text_layer"),
    # pdf_broken_layer: glyph ids without ToUnicode, decoded for certain
    "lc-pc-466": (1, "decoded"),
    # pdf_broken_layer: scans with an invisible OCR layer of a Latin-only engine
    "bct-qd-26": (3, "ocr"),
    "lc-bb-mongson": (3, "ocr"),
    "lc-pt-simacai": (3, "ocr"),
    # pdf_scan
    "bct-cv-813": (2, "ocr"),
    "bct-gp-thongdat": (1, "ocr"),
    "bkhcn-gp-thongdat": (2, "ocr"),
    "lc-qd-2336": (7, "ocr"),
    "lc-qd-2338": (7, "ocr"),
    "dn-qd-89": (3, "ocr"),
    "lc-bb-yenthanh": (2, "ocr"),
    "lc-gp-2507": (2, "ocr"),
}
WORD = {
    "lc-bc-ks2025.docx": "docx",
    "ttg-ct-07.docx": "docx",
    "lc-cv-snnmt-dcks.docx": "docx",
    "lc-cv-giao-uyquyen.docx": "docx",
    "lc-cv-hoachat.docx": "docx",
    "lc-tb-ngoinhu.docx": "docx",
    "lc-qd-kthoachat.docx": "docx",
    "bct-cv-logistic.doc": "doc",
    "lc-tb-sanbang.doc": "doc",
}

# Header fields of the e-office PDFs (number and date stamped after signing), as SOURCES.md and
# the pages give them: number line, date line, and the metadata the pipeline must find.
E_OFFICE = {
    "lc-cv-3686": ("Số: 3686/UBND-XD", "Lào Cai, ngày 11 tháng 5 năm 2026", "3686", "UBND-XD", "2026-05-11"),
    "lc-qd-1696": ("Số: 1696/QĐ-UBND", "Lào Cai, ngày 15 tháng 5 năm 2026", "1696", "QĐ-UBND", "2026-05-15"),
    "lc-qd-2463": ("Số: 2463/QĐ - UBND", "Lào Cai, ngày 16 tháng 7 năm 2026", "2463", "QĐ-UBND", "2026-07-16"),
    "lc-cv-6791": ("Số: 6791/SNNMT-KHTC", "Lào Cai, ngày 17 tháng 7 năm 2026", "6791", "SNNMT-KHTC", "2026-07-17"),
    "lc-cv-3298": ("Số: 3298/SXD-QLHĐXD", "Lào Cai, ngày 10 tháng 12 năm 2025", "3298", "SXD-QLHĐXD", "2025-12-10"),
    "lc-cv-2826": ("Số: 2826/SCT-CN", "Lào Cai, ngày 19 tháng 5 năm 2026", "2826", "SCT-CN", "2026-05-19"),
}


def _path(name: str) -> Path:
    path = REALDOCS / (name if "." in name else f"{name}.pdf")
    if not path.exists():
        pytest.skip("../shared/realdocs is not here")
    return path


# Documents longer than this are triaged on their first three pages and their last in `make test`
# (pdfminer reads a 34-page PDF in 8-30 s on the shared machine); the slow test checks every page.
FAST_PAGES = 10


@pytest.mark.parametrize("name", sorted(PDFS))
def test_pdf_page_methods(name):
    pages, method = PDFS[name]
    import pypdfium2

    path = _path(name)
    assert len(pypdfium2.PdfDocument(str(path))) == pages
    subset = {1, 2, 3, pages} if pages > FAST_PAGES else None
    decisions = triage(path, pages=subset)
    assert [d.number for d in decisions] == sorted(subset or range(1, pages + 1))
    assert [d.method for d in decisions] == [method] * len(decisions), [d.reason for d in decisions]
    assert all(d.reason for d in decisions)
    if name in E_OFFICE:
        number, date = E_OFFICE[name][:2]
        lines = decisions[0].text.split("\n")
        assert number in lines and date in lines


@pytest.mark.parametrize("name", sorted(n for n, kind in WORD.items() if kind == "docx"))
def test_docx_read_as_docx(name):
    from vnplan.ingest import ingest

    doc = ingest(_path(name))
    assert {p.method for p in doc.pages} == {"docx"}
    assert doc.text.strip()


def test_ingest_keeps_the_triaged_text():
    """What ingest returns for a text PDF is the triage's text, stamps in place."""
    from vnplan.ingest import ingest

    doc = ingest(_path("lc-cv-3686"))
    assert doc.kind == "pdf_text"
    assert [p.method for p in doc.pages] == ["text_layer"] * 3
    assert all(p.reason == "text layer reads as Vietnamese" for p in doc.pages)
    lines = doc.pages[0].text.split("\n")
    assert "Số: 3686/UBND-XD" in lines and "Lào Cai, ngày 11 tháng 5 năm 2026" in lines


def _office_ready() -> bool:
    return importlib.util.find_spec("extract.office") is not None


ALL = sorted([f"{n}.pdf" for n in PDFS] + list(WORD))


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_vnplan_extract_reads_every_document(name, tmp_path):
    """`vnplan extract` exits 0 on every real document and reports each page's method."""
    import json

    if WORD.get(name) == "doc" and not _office_ready():
        pytest.skip("extract.office (.doc reading) is not there yet")
    out = tmp_path / "out.json"
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "vnplan"), "extract", str(_path(name)), "-o", str(out)],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-500:]
    info = json.loads(out.read_text(encoding="utf-8"))["source"]["page_info"]
    stem = name.rsplit(".", 1)[0]
    if stem in PDFS:
        pages, method = PDFS[stem]
        assert [p["method"] for p in info] == [method] * pages
        assert all(p["reason"] for p in info)
    else:
        assert {p["method"] for p in info} == {WORD[name]}


# The header reader is another engineer's work (issue 8, in parallel): a case it does not yet
# read is marked xfail with what it misses, and reported.
HEADER_READER_GAPS: dict[str, str] = {}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(E_OFFICE))
def test_e_office_metadata(name, request):
    from vnplan.pipeline import run

    if name in HEADER_READER_GAPS:
        request.applymarker(pytest.mark.xfail(reason=HEADER_READER_GAPS[name], strict=False))
    _, _, number, symbol, date = E_OFFICE[name]
    metadata = run(_path(name)).metadata
    assert (metadata.number, metadata.symbol, metadata.date) == (number, symbol, date)
