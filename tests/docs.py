"""Test documents made on the fly: PDFs with and without text layers, images, .docx."""

from __future__ import annotations

from pathlib import Path

from synth import find_font, render_page

VIETNAMESE = (
    "KẾ HOẠCH\nTổ chức thực hiện phong trào thi đua Cả nước chung tay vì người nghèo\n"
    "Không để ai bị bỏ lại phía sau giai đoạn 2016 - 2020\n"
    "Thực hiện Quyết định số 1258/QĐ-TTg ngày 21/8/2017 của Thủ tướng Chính phủ về việc ban hành Kế hoạch."
)
# What an English-model OCR made of the same lines (seed 001 style): the junk a layer may hold.
ENGLISH_OCR_JUNK = (
    "KE HOACH\nT6 chirc thuc hién Phong trao thi dua Ca nudc chung tay vi ngudi nghéo\n"
    "Khong dé ai bi bo lai phia sau giai doan 2016 - 2020\n"
    "Thuc hién Quyét dinh sd 1258/QD-TTg ngay 21/8/2017 ctua Thu tudng Chinh phu vé viéc ban hanh Ké hoach."
)


def _canvas(path: Path, **kwargs):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", find_font()))
    return canvas.Canvas(str(path), pagesize=A4, **kwargs), A4


def dejavu_canvas(path: Path, size: float):
    """A reportlab A4 canvas writing in embedded DejaVu Sans at `size` points (the layout and table tests draw on it)."""
    c, _ = _canvas(path)
    c.setFont("DejaVu", size)
    return c


def text_pdf(path: Path, pages: list[str], encrypt: str | None = None) -> Path:
    """A born-digital PDF: real text layer, no images."""
    c, (w, h) = _canvas(path, encrypt=encrypt)
    for page in pages:
        _draw_lines(c, page, h)
        c.showPage()
    c.save()
    return path


def _draw_lines(c, text: str, height: float) -> None:
    y = height - 72
    c.setFont("DejaVu", 11)
    for line in text.split("\n"):
        c.drawString(56, y, line)
        y -= 16


def scanned_pdf_with_junk_layer(path: Path, image_text: str, layer_text: str) -> Path:
    """A scan whose invisible text layer is English-model OCR junk, as archives often hold."""
    from reportlab.lib.utils import ImageReader

    c, (w, h) = _canvas(path)
    image = render_page(image_text, size=44)
    c.drawImage(ImageReader(image), 0, 0, width=w, height=h)
    text = c.beginText(56, h - 72)
    text.setFont("DejaVu", 11)
    text.setTextRenderMode(3)  # invisible, like OCRmyPDF's sandwich layer
    for line in layer_text.split("\n"):
        text.textLine(line)
    c.drawText(text)
    c.showPage()
    c.save()
    return path


def png(path: Path, text: str) -> Path:
    render_page(text, size=44).save(path)
    return path


def tiff(path: Path, pages: list[str]) -> Path:
    images = [render_page(t, size=44) for t in pages]
    images[0].save(path, save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(300, 300))
    return path


def docx(path: Path, paragraphs: list[str]) -> Path:
    import docx as python_docx

    document = python_docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def mixed_pdf(path: Path, text_page: str, scanned_page: str) -> Path:
    """Page 1 born digital (a text layer), page 2 a scan with no layer at all."""
    from reportlab.lib.utils import ImageReader

    c, (w, h) = _canvas(path)
    _draw_lines(c, text_page, h)
    c.showPage()
    c.drawImage(ImageReader(render_page(scanned_page, size=44)), 0, 0, width=w, height=h)
    c.showPage()
    c.save()
    return path
