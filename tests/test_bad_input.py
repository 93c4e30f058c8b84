"""Bad input: exit code 3 and one line naming the file and the reason, never a traceback."""

from __future__ import annotations

import pytest

from conftest import vnplan
from docs import VIETNAMESE, text_pdf


def _zero_byte(tmp):
    p = tmp / "empty.txt"
    p.write_bytes(b"")
    return p, "empty file"


def _truncated_pdf(tmp):
    whole = text_pdf(tmp / "whole.pdf", [VIETNAMESE, VIETNAMESE])
    p = tmp / "truncated.pdf"
    p.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 5])
    return p, "corrupt or truncated PDF"


def _encrypted_pdf(tmp):
    return text_pdf(tmp / "locked.pdf", [VIETNAMESE], encrypt="secret"), "encrypted PDF"


def _png_not_image(tmp):
    p = tmp / "scan.png"
    p.write_text("this is not a picture", encoding="utf-8")
    return p, "not a PNG image"


def _unsupported_extension(tmp):
    p = tmp / "plan.xlsx"
    p.write_bytes(b"\x01\x02 some bytes")
    return p, "unsupported file type '.xlsx'"


def _directory(tmp):
    p = tmp / "a_folder"
    p.mkdir()
    return p, "is a directory"


def _missing(tmp):
    return tmp / "nowhere.pdf", "no such file"


def _pdf_header_only(tmp):
    p = tmp / "broken.pdf"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<")
    return p, "corrupt or truncated PDF"


def _zero_page_pdf(tmp):
    import pikepdf

    p = tmp / "no_pages.pdf"
    pikepdf.new().save(p)  # a whole PDF whose page tree is empty (/Count 0), which pdfium refuses to load
    return p, "the PDF has no pages"


def _binary_txt(tmp):
    p = tmp / "notes.txt"
    p.write_bytes(bytes(range(256)) * 8)
    return p, "binary data"


def _english_text(tmp):
    p = tmp / "english.txt"
    p.write_text(
        "The provincial people's committee shall organise the implementation of the emulation movement for "
        "the poor, leaving no one behind, in the period from 2016 to 2020. All departments and agencies must "
        "report their results before the fifteenth of December every year to the standing office.",
        encoding="utf-8",
    )
    return p, "not Vietnamese text"


def _blank_scan(tmp):
    from PIL import Image

    p = tmp / "blank.png"
    Image.new("L", (1240, 1754), 255).save(p)
    return p, "no text could be read"


CASES = [_zero_byte, _truncated_pdf, _encrypted_pdf, _png_not_image, _unsupported_extension, _directory, _missing,
         _pdf_header_only, _zero_page_pdf, _binary_txt]
EXTRACT_ONLY = [_english_text, _blank_scan]  # `ocr` prints what it reads; judging language is extract's job


@pytest.mark.parametrize("command", ["extract", "ocr"])
@pytest.mark.parametrize("make", CASES, ids=[c.__name__.strip("_") for c in CASES])
def test_bad_input_exit_3_one_line(tmp_path, make, command):
    path, reason = make(tmp_path)
    result = vnplan(command, path)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 3, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert str(path) in lines[0]
    assert reason in lines[0]
    assert "Traceback" not in stderr
    assert result.stdout == b""


@pytest.mark.parametrize("make", EXTRACT_ONLY, ids=[c.__name__.strip("_") for c in EXTRACT_ONLY])
def test_not_vietnamese_or_no_text_exit_3(tmp_path, make):
    path, reason = make(tmp_path)
    result = vnplan("extract", path)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 3, stderr
    assert len(stderr.strip().splitlines()) == 1 and str(path) in stderr and reason in stderr


def test_huge_file_is_refused(tmp_path, monkeypatch):
    import vnplan.ingest as ingest_module
    from vnplan.errors import InputError

    p = tmp_path / "huge.txt"
    p.write_text("Kế hoạch " * 100, encoding="utf-8")
    monkeypatch.setattr(ingest_module, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="file too large"):
        ingest_module.ingest(p)


def test_page_timeout_keeps_the_page_with_an_error(tmp_path):
    from vnplan.ingest import OcrOptions, ingest
    from docs import png

    doc = ingest(png(tmp_path / "p.png", VIETNAMESE), OcrOptions(timeout=0.05))
    assert doc.pages[0].text == "" and "timed out" in doc.pages[0].error


def test_usage_error_is_exit_2():
    result = vnplan("extract")
    assert result.returncode == 2


def test_bad_jobs_is_usage_error(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(VIETNAMESE, encoding="utf-8")
    assert vnplan("ocr", p, "--jobs", "0").returncode == 2


def test_missing_language_data_is_exit_6(tmp_path):
    from docs import png

    result = vnplan("ocr", png(tmp_path / "p.png", VIETNAMESE), "--lang", "xyz")
    assert result.returncode == 6
    assert result.stderr.decode().strip() == (
        "vnplan: error: Tesseract has no 'xyz' language data (apt-get install tesseract-ocr-xyz)"
    )
