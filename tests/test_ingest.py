"""Every supported input reaches text, and PDF pages are triaged as OCRmyPDF users expect."""

from __future__ import annotations

import pytest

from vnplan.ingest import OcrOptions, ingest
from vnplan.metrics import syllable_error_rate

from docs import ENGLISH_OCR_JUNK, VIETNAMESE, docx, mixed_pdf, png, scanned_pdf_with_junk_layer, text_pdf, tiff

PAGE_2 = "II. TỔ CHỨC THỰC HIỆN\nPhòng Lao động - Thương binh và Xã hội chủ trì, phối hợp với Phòng Nội vụ."


def test_text_layer_pdf_keeps_its_layer(tmp_path):
    doc = ingest(text_pdf(tmp_path / "born_digital.pdf", [VIETNAMESE, PAGE_2]))
    assert doc.kind == "pdf_text"
    assert [p.method for p in doc.pages] == ["text_layer", "text_layer"]
    assert syllable_error_rate(doc.pages[0].text, VIETNAMESE) == 0
    assert "Phòng Nội vụ" in doc.pages[1].text
    assert doc.text.count("\f") == 1


def test_junk_text_layer_is_replaced_by_ocr(tmp_path):
    path = scanned_pdf_with_junk_layer(tmp_path / "old_ocr.pdf", VIETNAMESE, ENGLISH_OCR_JUNK)
    doc = ingest(path)
    page = doc.pages[0]
    assert doc.kind == "pdf_scan"
    assert page.method == "ocr"
    assert page.text_layer_rejected == "text layer is not Vietnamese"
    assert page.ocr_confidence is not None and page.ocr_confidence > 70
    assert syllable_error_rate(page.text, VIETNAMESE) <= 0.03


def test_each_page_is_triaged_on_its_own(tmp_path):
    doc = ingest(mixed_pdf(tmp_path / "mixed.pdf", VIETNAMESE, PAGE_2), OcrOptions(jobs=2))
    assert doc.kind == "pdf_scan"
    assert [p.method for p in doc.pages] == ["text_layer", "ocr"]
    assert doc.pages[0].ocr_confidence is None and doc.pages[1].ocr_confidence > 70
    assert doc.pages[1].text_layer_rejected == "no text layer"
    assert syllable_error_rate(doc.pages[0].text, VIETNAMESE) == 0
    assert syllable_error_rate(doc.pages[1].text, PAGE_2) <= 0.05


def test_png_is_ocred(tmp_path):
    doc = ingest(png(tmp_path / "page.png", VIETNAMESE))
    assert doc.kind == "image"
    assert syllable_error_rate(doc.text, VIETNAMESE) <= 0.03


def test_multipage_tiff_gives_one_page_per_frame(tmp_path):
    doc = ingest(tiff(tmp_path / "scan.tif", [VIETNAMESE, PAGE_2]), OcrOptions(jobs=2))
    assert len(doc.pages) == 2
    assert syllable_error_rate(doc.pages[0].text, VIETNAMESE) <= 0.03
    assert syllable_error_rate(doc.pages[1].text, PAGE_2) <= 0.05


def test_docx(tmp_path):
    doc = ingest(docx(tmp_path / "plan.docx", VIETNAMESE.split("\n")))
    assert doc.kind == "docx"
    assert doc.text == VIETNAMESE


@pytest.mark.parametrize("suffix", [".txt", ".TXT", ""])
def test_text_files_by_any_name(tmp_path, suffix):
    p = tmp_path / f"plan{suffix}"
    p.write_bytes(VIETNAMESE.encode("utf-16"))
    doc = ingest(p)
    assert doc.kind == "txt" and doc.encoding == "utf-16"
    assert doc.text == VIETNAMESE
