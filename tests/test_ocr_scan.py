"""Acceptance: a two-page image-only scan of seed 004 is read back with at most 2% syllable errors."""

from __future__ import annotations

import json

import pytest

from extract.metrics import syllable_error_rate
from extract.synth import render_scan_pdf

from conftest import corpus_text, vnplan

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    path = tmp_path_factory.mktemp("scan") / "seed004_scan.pdf"
    pages = render_scan_pdf(corpus_text("004_771e3ed1f471eaca"), path, n_pages=2, angles=(0.6, -0.4), noise=0.0005)
    return path, pages


def test_scan_has_no_text_layer(scan):
    import pdfplumber

    with pdfplumber.open(scan[0]) as pdf:
        assert len(pdf.pages) == 2
        assert all(not (p.extract_text() or "").strip() for p in pdf.pages)


def test_vnplan_ocr_syllable_error_rate_at_most_2_percent(scan, tmp_path):
    path, pages = scan
    out = tmp_path / "out.txt"
    result = vnplan("ocr", path, "-o", out, "--jobs", "2")
    assert result.returncode == 0, result.stderr.decode()
    text = out.read_text(encoding="utf-8")
    assert text.count("\f") == 1
    ser = syllable_error_rate(text, corpus_text("004_771e3ed1f471eaca"))
    assert ser <= 0.02, f"SER {ser:.2%}"
    for page_text, truth in zip(text.split("\f"), pages):
        assert syllable_error_rate(page_text, truth) <= 0.03


def test_extract_on_scan_reports_pages_and_confidence(scan, tmp_path):
    out = tmp_path / "doc.json"
    result = vnplan("extract", scan[0], "-o", out, "--jobs", "2")
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["source"]["kind"] == "pdf_scan" and doc["source"]["pages"] == 2
    assert [p["method"] for p in doc["quality"]["pages"]] == ["ocr", "ocr"]
    assert all(p["ocr_confidence"] > 80 for p in doc["quality"]["pages"])
    assert doc["text"].count("\f") == 1
