"""Searchable PDF output (`vnplan ocr X.pdf -o Y.pdf`): the original pages, an invisible layer of
repaired Vietnamese text on the OCR'd ones, good text layers copied as they are."""

from __future__ import annotations

import subprocess

import pytest

from vnplan.metrics import syllable_error_rate

from conftest import ROOT, vnplan
from docs import ENGLISH_OCR_JUNK, VIETNAMESE, mixed_pdf, scanned_pdf_with_junk_layer
from pdfa_check import pdfa_claim, pdfa_problems

REALDOCS = ROOT.parent / "shared" / "realdocs"

# Two pages typed for this test (a decision's opening and an article), Nghị định 30/2020 layout.
PAGE_1 = (
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\n"
    "QUYẾT ĐỊNH\n"
    "Về việc ủy quyền cho Giám đốc Sở Công Thương\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\n"
    "Căn cứ Nghị định số 105/2025/NĐ-CP ngày 15 tháng 5 năm 2025 của Chính phủ;\n"
    "Theo đề nghị của Giám đốc Sở Công Thương tại Tờ trình số 86/TTr-SCT."
)
PAGE_2 = (
    "Điều 1. Ủy quyền cho Giám đốc Sở Công Thương thực hiện thủ tục hành chính\n"
    "về an toàn lao động và vận chuyển hàng hóa nguy hiểm đến hết ngày 28 tháng 02 năm 2027.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này."
)


def image_only_pdf(path, pages: list[str]):
    """An image-only PDF (no text layer), one 300 dpi page image per text."""
    from synth import render_page

    images = [render_page(text, size=44) for text in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=300.0)
    return path


def pdftotext(path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(path), "-"], check=True, capture_output=True).stdout.decode("utf-8")


def renders(path, scale: float = 100 / 72):
    import numpy as np
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [(pdf[i].get_size(), np.asarray(pdf[i].render(scale=scale, grayscale=True).to_pil(), dtype=float))
                for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """(a two-page image-only PDF of PAGE_1 and PAGE_2, what `vnplan ocr X.pdf -o Y.pdf` made of it)"""
    folder = tmp_path_factory.mktemp("searchable")
    source = image_only_pdf(folder / "scan.pdf", [PAGE_1, PAGE_2])
    target = folder / "scan.ocr.pdf"
    result = vnplan("ocr", source, "-o", target, "--jobs", "2")
    assert result.returncode == 0, result.stderr.decode()
    return source, target


@pytest.mark.slow
class TestImageOnlyScan:
    def test_source_has_no_text(self, made):
        assert pdftotext(made[0]).strip() == ""

    def test_poppler_reads_it(self, made):
        info = subprocess.run(["pdfinfo", str(made[1])], capture_output=True, text=True)
        assert info.returncode == 0, info.stderr
        assert "Pages:           2" in info.stdout

    def test_same_pages_and_sizes_and_look(self, made):
        before, after = renders(made[0]), renders(made[1])
        assert len(after) == len(before) == 2
        for (size_a, pixels_a), (size_b, pixels_b) in zip(before, after):
            assert size_b == pytest.approx(size_a, abs=0.01)
            assert pixels_a.shape == pixels_b.shape
            assert abs(pixels_a - pixels_b).mean() < 0.5  # the text layer draws nothing

    def test_text_layer_is_the_typed_text(self, made):
        for page, typed in ((1, PAGE_1), (2, PAGE_2)):
            text = pdftotext(made[1], page)
            assert syllable_error_rate(text, typed) <= 0.03, text

    @pytest.mark.parametrize("phrase", ["QUYẾT ĐỊNH", "Giám đốc Sở Công Thương", "105/2025/NĐ-CP", "hàng hóa nguy hiểm"])
    def test_archive_search_finds(self, made, phrase):
        assert phrase in " ".join(pdftotext(made[1]).split())

    def test_font_is_embedded(self, made):
        fonts = subprocess.run(["pdffonts", str(made[1])], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes yes yes " in row for row in rows), fonts

    def test_output_is_pdfa_2b(self, made):
        from pikepdf.pdfa import validate_written

        assert pdfa_problems(made[0]) != []   # the scan itself is not
        assert pdfa_problems(made[1]) == [] and pdfa_claim(made[1]) == ("2", "B")
        assert validate_written(made[1], "2b").passed


@pytest.mark.slow
def test_born_digital_page_copied_and_scanned_page_made_searchable(tmp_path):
    source = mixed_pdf(tmp_path / "mixed.pdf", VIETNAMESE, PAGE_2)
    target = tmp_path / "mixed.ocr.pdf"
    result = vnplan("ocr", source, "-o", target)
    assert result.returncode == 0, result.stderr.decode()
    assert pdftotext(target, 1) == pdftotext(source, 1)  # the born-digital page, as it was
    assert pdftotext(source, 2).strip() == ""
    assert syllable_error_rate(pdftotext(target, 2), PAGE_2) <= 0.03
    (_, a1), (_, a2) = renders(source)
    (_, b1), (_, b2) = renders(target)
    assert abs(a1 - b1).mean() == 0 and abs(a2 - b2).mean() < 0.5


@pytest.mark.slow
def test_junk_layer_of_a_latin_ocr_engine_is_replaced(tmp_path):
    source = scanned_pdf_with_junk_layer(tmp_path / "junk.pdf", VIETNAMESE, ENGLISH_OCR_JUNK)
    assert "Quyét dinh" in pdftotext(source)
    target = tmp_path / "junk.ocr.pdf"
    result = vnplan("ocr", source, "-o", target)
    assert result.returncode == 0, result.stderr.decode()
    text = pdftotext(target)
    assert "Quyét dinh" not in text and "chirc" not in text
    assert "Quyết định số 1258/QĐ-TTg" in " ".join(text.split())


@pytest.mark.slow
def test_png_becomes_a_one_page_searchable_pdf(tmp_path):
    from docs import png

    source = png(tmp_path / "page.png", PAGE_1)
    target = tmp_path / "page.pdf"
    result = vnplan("ocr", source, "-o", target)
    assert result.returncode == 0, result.stderr.decode()
    assert syllable_error_rate(pdftotext(target), PAGE_1) <= 0.03
    assert pdfa_problems(target) == []


# The repaired spelling of each OCR word is found through repair's character map.
WORD_CASES = [
    # (OCR'd page text, its words, expected spelling in the layer)
    ("Ke hoach to chuc thuc hien", "Ke hoach to chuc thuc hien".split(), "Kế hoạch tổ chức thực hiện".split()),
    ("Quyết định số 1258/QĐ-TTg", ["Quyết", "định", "số", "1258/QĐ-TTg"], ["Quyết", "định", "số", "1258/QĐ-TTg"]),
]


@pytest.mark.parametrize("page_text, words, expected", WORD_CASES)
def test_layer_words_carry_the_repaired_spelling(page_text, words, expected):
    from vnplan.ingest import RawDocument, RawPage
    from vnplan.ocr import OcrWord
    from vnplan.pipeline import repair_stage
    from vnplan.searchable import _repaired_words

    raw = RawDocument("x", "", "pdf_scan", None, [RawPage(1, "Trang một.", "text_layer"), RawPage(2, page_text, "ocr")])
    repaired = repair_stage(raw)
    boxes = [OcrWord(w, 10 * i, 0, 9, 9, 90.0, (1, 1, 1)) for i, w in enumerate(words)]
    base = len(raw.pages[0].text) + 1
    assert [text for text, _ in _repaired_words(page_text, base, boxes, repaired)] == expected


@pytest.mark.slow
def test_page_stored_sideways_with_rotate_gets_an_upright_layer(tmp_path):
    """A scanner that stores the page image sideways and sets /Rotate (../shared/realdocs dn-qd-89
    has /Rotate 270): the layer must sit on the page as displayed, so text tools read it upright."""
    import pikepdf
    from PIL import Image

    from synth import render_page

    sideways = render_page(PAGE_2, size=44).transpose(Image.Transpose.ROTATE_90)   # turned left
    stored = tmp_path / "stored.pdf"
    sideways.save(stored, resolution=300.0)
    source = tmp_path / "rotated.pdf"
    with pikepdf.open(stored) as pdf:
        pdf.pages[0].obj.Rotate = 90   # displayed turned right again: upright
        pdf.save(source)
    target = tmp_path / "rotated.ocr.pdf"
    result = vnplan("ocr", source, "-o", target)
    assert result.returncode == 0, result.stderr.decode()
    (size_a, pixels_a), = renders(source)
    (size_b, pixels_b), = renders(target)
    assert size_a[0] < size_a[1] and size_b == pytest.approx(size_a, abs=0.01)   # portrait as displayed
    assert abs(pixels_a - pixels_b).mean() < 0.5
    assert syllable_error_rate(pdftotext(target), PAGE_2) <= 0.03
    assert pdfa_problems(target) == []


@pytest.mark.slow
def test_encrypted_scan_gets_its_layer_stays_encrypted_and_says_why_not_pdfa(tmp_path):
    import pikepdf

    stored = image_only_pdf(tmp_path / "stored.pdf", [PAGE_2])
    source = tmp_path / "restricted.pdf"
    with pikepdf.open(stored) as pdf:   # owner restrictions, empty user password: anyone may open it
        pdf.save(source, encryption=pikepdf.Encryption(owner="owner", user="", allow=pikepdf.Permissions(extract=False)))
    target = tmp_path / "restricted.ocr.pdf"
    result = vnplan("ocr", source, "-o", target)
    assert result.returncode == 0, result.stderr.decode()
    assert "not PDF/A-2b: the input is encrypted" in result.stderr.decode()
    with pikepdf.open(target) as pdf:
        assert pdf.is_encrypted
    assert syllable_error_rate(pdftotext(target), PAGE_2) <= 0.03


# Real scans (../shared/realdocs, SOURCES.md): a 150 dpi copier scan, and a scan whose invisible layer
# came from a Latin-only OCR engine (Helvetica, never embedded; its text also kept under /Resources).
REAL_SCANS = [("lc-gp-2507", 2, "giấy phép"), ("bct-qd-26", 3, "quyết định")]


@pytest.mark.slow
@pytest.mark.parametrize("doc, pages, word", REAL_SCANS)
def test_real_scan_becomes_searchable_pdfa_2b(tmp_path, doc, pages, word):
    from pikepdf.pdfa import validate_written

    source = REALDOCS / f"{doc}.pdf"
    if not source.exists():
        pytest.skip("../shared/realdocs is absent")
    target = tmp_path / f"{doc}.pdf"
    result = vnplan("ocr", source, "-o", target, "--jobs", "2")
    assert result.returncode == 0, result.stderr.decode()
    assert "PDF/A" not in result.stderr.decode(), result.stderr.decode()
    assert pdfa_problems(target) == [] and validate_written(target, "2b").passed
    before, after = renders(source), renders(target)
    assert len(before) == len(after) == pages
    for (size_a, pixels_a), (size_b, pixels_b) in zip(before, after):
        assert size_b == pytest.approx(size_a, abs=0.01)
        assert abs(pixels_a - pixels_b).mean() < 0.5
    assert word in pdftotext(target).lower()


def test_born_digital_pdf_is_written_byte_for_byte(tmp_path):
    """Nothing to OCR, plain PDF asked for: the output is the input itself (a digital signature
    still verifies). The PDF/A default is in test_pdfa.py."""
    from docs import text_pdf

    source = text_pdf(tmp_path / "typed.pdf", [VIETNAMESE, PAGE_2])
    target = tmp_path / "typed.ocr.pdf"
    result = vnplan("ocr", source, "-o", target, "--output-type", "pdf")
    assert result.returncode == 0, result.stderr.decode()
    assert target.read_bytes() == source.read_bytes()


def test_text_output_is_unchanged_by_the_pdf_option(tmp_path):
    from docs import text_pdf

    source = text_pdf(tmp_path / "typed.pdf", [VIETNAMESE])
    result = vnplan("ocr", source, "-o", tmp_path / "typed.txt")
    assert result.returncode == 0, result.stderr.decode()
    text = (tmp_path / "typed.txt").read_text(encoding="utf-8")
    assert "Quyết định số 1258/QĐ-TTg" in text and not text.startswith("%PDF")


def test_text_file_cannot_become_a_searchable_pdf(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(VIETNAMESE, encoding="utf-8")
    result = vnplan("ocr", source, "-o", tmp_path / "notes.pdf")
    assert result.returncode == 3
    assert "searchable PDF" in result.stderr.decode() and not (tmp_path / "notes.pdf").exists()
