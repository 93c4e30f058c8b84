"""PDF text layers judged per page and per run (extract.pdflayer): legacy fonts, glyph decoding,
OCR layers of Latin-only engines, and the --mode of OCRmyPDF 17. Triage only: nothing here runs OCR.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vnplan import pdflayer
from vnplan.encoding import unicode_to_tcvn3, unicode_to_vni
from vnplan.pdflayer import decode_glyph, font_face, legacy_encoding, triage

from docs import ENGLISH_OCR_JUNK, VIETNAMESE, scanned_pdf_with_junk_layer, text_pdf

REALDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs"


def _font(name: str):
    """A TTF registered, and named inside the PDF, as a legacy font of the 1990s-2000s is."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from synth import find_font

    font = TTFont(name, find_font())
    font.face.name = name.encode()  # the BaseFont the PDF carries, as Word writes ".VnTime"
    pdfmetrics.registerFont(font)
    return name


def _legacy_pdf(path: Path, runs: list[list[tuple[str, str]]]) -> Path:
    """One line per item of `runs`; each line a list of (font, text as typed) drawn side by side."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    y = 780
    for line in runs:
        x = 56.0
        for font, text in line:
            if font == "DejaVu":
                _font("DejaVu")
            else:
                _font(font)
            encoded = {".VnTime": unicode_to_tcvn3, ".VnTimeH": lambda t: unicode_to_tcvn3(t.lower()),
                       "VNI-Times": unicode_to_vni}.get(font, lambda t: t)(text)
            c.setFont(font, 12)
            c.drawString(x, y, encoded)
            x += c.stringWidth(encoded, font, 12)
        y -= 18
    c.save()
    return path


LEGACY_PAGE = [
    [(".VnTimeH", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI")],
    [(".VnTime", "Kế hoạch thực hiện chương trình chuyển đổi số năm 2026 của tỉnh")],
    [("DejaVu", "Căn cứ Quyết định số 1258/QĐ-TTg "), (".VnTime", "ngày 21 tháng 8 năm 2017 của Thủ tướng")],
    [("VNI-Times", "Ủy ban nhân dân các xã, phường tổ chức thực hiện nghiêm túc.")],
    [("DejaVu", "Sở Công Thương "), ("VNI-Times", "chủ trì, phối hợp với các sở, ngành liên quan.")],
]


def test_legacy_font_runs_come_out_as_typed(tmp_path):
    """TCVN3 (.VnTime, and .VnTimeH whose lowercase codes draw capitals) and VNI (VNI-Times)
    runs, mixed with Unicode runs on the same page and the same line."""
    decision = triage(_legacy_pdf(tmp_path / "legacy.pdf", LEGACY_PAGE))[0]
    assert decision.method == "legacy_font"
    assert decision.text.split("\n") == ["".join(text for _, text in line) for line in LEGACY_PAGE]


def test_legacy_bytes_in_a_unicode_font_are_not_converted(tmp_path):
    """The font's name decides: the same bytes in a Unicode font stay what they are."""
    typed = unicode_to_tcvn3("Kế hoạch thực hiện chương trình năm 2026")
    decision = triage(_legacy_pdf(tmp_path / "plain.pdf", [[("DejaVu", typed)]]))[0]
    assert decision.method != "legacy_font"
    assert decision.text == typed


@pytest.mark.parametrize(
    "name, encoding",
    [
        (".VnTime", "tcvn3"), ("ABCDEF+.VnTime", "tcvn3"), (".VnTimeH", "tcvn3h"), (".VnArialH", "tcvn3h"),
        (".VnArial", "tcvn3"), ("VNI-Times", "vni"), ("QWERTY+VNI-Helve", "vni"),
        ("TimesNewRomanPSMT", None), ("Helvetica", None), ("ABCDEF+DejaVuSerif", None), ("VnTime", None),
    ],
)
def test_legacy_encoding_by_font_name(name, encoding):
    assert legacy_encoding(name) == encoding


@pytest.mark.parametrize(
    "name, face",
    [
        ("TimesNewRomanPSMT", "regular"), ("ABCDEF+TimesNewRomanPSMT", "regular"),
        ("TimesNewRomanPS-BoldMT", "bold"), ("TimesNewRomanPS-ItalicMT", "italic"),
        ("TLDCOG+TimesNewRomanPS-BoldItalicMT", "bolditalic"), ("Times New Roman,Bold", "bold"),
        ("Arial-BoldMT", None), ("Times-Roman", None), ("CambriaMath", None),
    ],
)
def test_times_face(name, face):
    assert font_face(name) == face


# The glyph ids of "SỞ CÔNG THƯƠNG" in a broken layer (../shared/notes/pdf-text-layers.md)
@pytest.mark.parametrize(
    "font, cid, letter",
    [
        ("TimesNewRomanPSMT", 54, "S"), ("TimesNewRomanPSMT", 1250, "Ở"), ("TimesNewRomanPSMT", 55, "T"),
        ("TimesNewRomanPSMT", 43, "H"), ("TimesNewRomanPSMT", 1132, "Ư"), ("TimesNewRomanPSMT", 1130, "Ơ"),
        ("TimesNewRomanPSMT", 49, "N"), ("TimesNewRomanPS-BoldMT", 42, "G"), ("TimesNewRomanPS-BoldMT", 1250, "Ở"),
        ("TimesNewRomanPSMT", 3, " "), ("TimesNewRomanPSMT", 19, "0"),
    ],
)
def test_glyph_ids_decode(font, cid, letter):
    assert decode_glyph(font, cid) == letter


@pytest.mark.parametrize(
    "font, cid",
    [("Arial-BoldMT", 54), ("SymbolMT", 54), ("TimesNewRomanPSMT", 99999), ("TimesNewRomanPSMT", 0)],
)
def test_glyph_ids_not_decoded_without_certainty(font, cid):
    """Another font, an id no map gave: no guess."""
    assert decode_glyph(font, cid) is None


def test_glyph_table_agrees_with_the_ascii_offset():
    """The learned table and the offset of Times New Roman's glyph order say the same letters."""
    table = pdflayer.glyph_table()
    assert set(table) == {"regular", "bold", "italic", "bolditalic"}
    for face, glyphs in table.items():
        ascii_ids = [cid for cid in glyphs if 3 <= cid <= 97]
        assert len(ascii_ids) > 80, face
        assert all(glyphs[cid] == chr(cid + pdflayer.ASCII_GLYPH_OFFSET) for cid in ascii_ids), face


def _realdoc(name: str) -> Path:
    path = REALDOCS / f"{name}.pdf"
    if not path.exists():
        pytest.skip("../shared/realdocs is not here")
    return path


def test_broken_layer_is_decoded():
    """lc-pc-466: Identity-H Times New Roman without ToUnicode maps ("(cid:54)(cid:1237)" for "Số")."""
    decision = triage(_realdoc("lc-pc-466"))[0]
    assert decision.method == "decoded"
    lines = decision.text.split("\n")
    for expected in ("UBND TỈNH LÀO CAI", "VĂN PHÒNG", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "PHIẾU CHUYỂN",
                     "Kính gửi: Sở Công Thương", "Lào Cai, ngày 12 tháng 5 năm 2026", "Số: 466/PC-VPUBND"):
        assert expected in lines
    assert "\ufffd" not in decision.text


def test_broken_layer_decoded_by_a_table_learned_without_it(tmp_path, monkeypatch):
    """The table learned from the other PDFs alone decodes lc-pc-466 to the same text."""
    import json
    import subprocess
    import sys

    others = [p for p in sorted(REALDOCS.glob("*.pdf")) if p.stem != "lc-pc-466"]
    if not others:
        pytest.skip("../shared/realdocs is not here")
    table = tmp_path / "glyphs.json"
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, str(root / "scripts" / "build_glyph_table.py"), *map(str, others), "-o", str(table)],
                   check=True, capture_output=True)
    assert "lc-pc-466" not in json.loads(table.read_text(encoding="utf-8"))["sources"]
    full = triage(_realdoc("lc-pc-466"))[0]
    monkeypatch.setattr(pdflayer, "GLYPH_TABLE", table)
    pdflayer.glyph_table.cache_clear()
    try:
        alone = triage(_realdoc("lc-pc-466"))[0]
    finally:
        pdflayer.glyph_table.cache_clear()
    assert alone.method == "decoded" and alone.text == full.text


def test_unknown_glyphs_send_the_page_to_ocr(monkeypatch):
    """Without the learned table only the ASCII letters decode: the Vietnamese letters are unknown,
    the page is not guessed at."""
    monkeypatch.setattr(pdflayer, "glyph_table", lambda: {})
    decision = triage(_realdoc("lc-pc-466"))[0]
    assert decision.method == "ocr"
    assert "not in the glyph table" in decision.reason


def test_a_wrong_table_is_caught_by_the_language_check(monkeypatch):
    """A table that maps glyphs to the wrong letters (shifted by one) makes no Vietnamese: OCR."""
    table = pdflayer.glyph_table()
    shifted = {face: {cid: chr(ord(ch) + 1) for cid, ch in glyphs.items()} for face, glyphs in table.items()}
    monkeypatch.setattr(pdflayer, "glyph_table", lambda: shifted)
    monkeypatch.setattr(pdflayer, "ASCII_GLYPH_OFFSET", 30)
    decision = triage(_realdoc("lc-pc-466"))[0]
    assert decision.method == "ocr"
    assert decision.rejected == "decoded layer is not Vietnamese"


@pytest.mark.parametrize("name", ["bct-qd-26", "lc-bb-mongson", "lc-pt-simacai"])
def test_latin_only_ocr_layer_is_discarded(name):
    decisions = triage(_realdoc(name))
    assert [d.method for d in decisions] == ["ocr"] * len(decisions)
    assert all("Latin-only" in d.reason for d in decisions)


@pytest.fixture
def junk_scan(tmp_path):
    return scanned_pdf_with_junk_layer(tmp_path / "old_ocr.pdf", VIETNAMESE, ENGLISH_OCR_JUNK)


@pytest.fixture
def good_ocr_scan(tmp_path):
    """A scan whose invisible layer is good Vietnamese (what vnplan or OCRmyPDF `vie` would leave)."""
    return scanned_pdf_with_junk_layer(tmp_path / "vie_ocr.pdf", VIETNAMESE, VIETNAMESE)


@pytest.fixture
def born_digital(tmp_path):
    return text_pdf(tmp_path / "born_digital.pdf", [VIETNAMESE])


@pytest.mark.parametrize(
    "fixture, mode, method",
    [
        ("junk_scan", "auto", "ocr"),
        ("junk_scan", "skip", "text_layer"),
        ("junk_scan", "redo", "ocr"),
        ("junk_scan", "force", "ocr"),
        ("good_ocr_scan", "auto", "text_layer"),
        ("good_ocr_scan", "skip", "text_layer"),
        ("good_ocr_scan", "redo", "ocr"),
        ("good_ocr_scan", "force", "ocr"),
        ("born_digital", "auto", "text_layer"),
        ("born_digital", "skip", "text_layer"),
        ("born_digital", "redo", "text_layer"),
        ("born_digital", "force", "ocr"),
    ],
)
def test_modes(request, fixture, mode, method):
    """OCRmyPDF 17's --mode: redo OCRs only layers that are OCR output; skip never OCRs a layer."""
    decision = triage(request.getfixturevalue(fixture), mode)[0]
    assert decision.method == method, decision.reason


def test_unknown_mode_is_refused(born_digital):
    with pytest.raises(ValueError):
        triage(born_digital, "sometimes")


def test_force_ocr_option_is_mode_force():
    from vnplan.ingest import OcrOptions

    assert OcrOptions(force_ocr=True).effective_mode == "force"
    assert OcrOptions(mode="redo").effective_mode == "redo"
    assert OcrOptions().effective_mode == "auto"


def _vnplan(*args):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "vnplan", *map(str, args)], capture_output=True, text=True, timeout=300)


def test_cli_mode_skip_keeps_the_layer_without_ocr(junk_scan):
    """`vnplan ocr --mode skip` prints the page's own layer (here English-model junk), OCRing nothing."""
    result = _vnplan("ocr", junk_scan, "--mode", "skip")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ENGLISH_OCR_JUNK.strip()


def test_cli_unknown_mode_is_a_usage_error(born_digital):
    result = _vnplan("extract", born_digital, "--mode", "sometimes")
    assert result.returncode == 2


def test_word_2010_lookalike_letters_are_remapped(tmp_path):
    """Word 2010's ToUnicode gives ư as U+01A3 "ƣ" (bct-cv-1178): no Vietnamese text holds it."""
    typed = "Bộ Công Thương hướng dẫn Sở Công Thương các tỉnh thực hiện"
    decision = triage(text_pdf(tmp_path / "word2010.pdf", [typed.replace("ư", "\u01a3").replace("Ư", "\u01a2")]))[0]
    assert decision.method == "text_layer"
    assert decision.text == typed
    assert "remapped" in decision.reason
    clean = triage(text_pdf(tmp_path / "clean.pdf", [typed]))[0]
    assert clean.text == typed and "remapped" not in clean.reason


def test_bct_cv_1178_reads_thuong():
    decision = triage(_realdoc("bct-cv-1178"))[0]
    assert "\u01a3" not in decision.text and "\u01a2" not in decision.text
    assert decision.text.startswith("BỘ CÔNG THƯƠNG\n")
