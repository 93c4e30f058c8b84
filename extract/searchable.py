"""Searchable PDF output, as OCRmyPDF users expect: the original pages, and on every page that was
OCR'd an invisible layer carrying the repaired Vietnamese text.

Owns `vnplan ocr scan.pdf -o out.pdf`. The pages are triaged and OCR'd by the ingest stage
(pages that keep a good text layer are copied as they are); the OCR'd text is repaired as
`vnplan extract` repairs it (`extract.pipeline.repair_stage`), so the archive's own search finds
"Quyết định", not "Quyét dinh". Each OCR word keeps its box from Tesseract's `image_to_data`;
its repaired spelling is found through repair's map from output to input characters. The words
are drawn in text render mode 3 (invisible) with DejaVu Sans, embedded as a subset (it has every
Vietnamese glyph), one text layer page per page made with reportlab and laid over the original
with pikepdf (qpdf: it undoes the page's /Rotate and scaling when it places the layer). An old
invisible layer of a page that was OCR'd again (a Latin-only engine's junk) is removed first.
Image inputs (PNG, JPEG, TIFF) become one PDF page per frame. The file written is PDF/A-2b by
default (`output_type="pdfa"`, as OCRmyPDF's default): extract/pdfa.py declares it with pikepdf,
no Ghostscript, and keeps the plain PDF, with a warning, where the input has what PDF/A forbids.
"""

from __future__ import annotations

import bisect
import io
from dataclasses import dataclass
from pathlib import Path

from vnplan.errors import InputError, OutputError

FONT_NAME = "DejaVuSans"
# DejaVu Sans vertical metrics (units of the em): a line box from the top of the marks to the
# bottom of the descenders is about this many ems, and the baseline sits this far above its bottom.
LINE_EMS = 1.25
DESCENT_EMS = 0.24


@dataclass(frozen=True)
class SearchableResult:
    pages: int
    ocr_pages: int  # pages given a new invisible text layer
    kept_pages: int  # pages copied as they are (their own text layer kept)
    text: str  # the repaired text of the whole document, pages separated by form feeds
    errors: tuple[tuple[int, str], ...] = ()  # (1-based page, why it could not be OCR'd)
    warnings: tuple[str, ...] = ()
    pdfa: bool = False  # the file written is PDF/A-2b (validated by pikepdf.pdfa)


OUTPUT_TYPES = ("pdfa", "pdf")


def write_searchable_pdf(source: Path, output: Path, options, output_type: str = "pdfa") -> SearchableResult:
    """OCR ``source`` (a PDF or an image) with ``options`` (extract.ingest.OcrOptions) and write
    ``output``, a PDF whose OCR'd pages carry the repaired text invisibly: PDF/A-2b with
    ``output_type="pdfa"`` where the input allows it, else (and with ``"pdf"``) a plain PDF."""
    from vnplan.ingest import ingest
    from vnplan.ocr import recorded_pages
    from vnplan.pipeline import repair_stage

    if output_type not in OUTPUT_TYPES:
        raise ValueError(f"output_type must be one of {OUTPUT_TYPES}, not {output_type!r}")
    source = Path(source)
    with recorded_pages() as recorded:
        raw = ingest(source, options)
    if not (raw.kind.startswith("pdf") or raw.kind == "image"):
        raise InputError(source, f"a searchable PDF is made from a PDF or an image, not from {raw.kind}")
    ocr = {index: page for (path, index), page in recorded.items() if _same_file(path, source)}
    repaired = repair_stage(raw, options.lang)
    layers: dict[int, list[tuple[str, object]]] = {}
    base = 0
    for i, page in enumerate(raw.pages):
        result = ocr.get(i)
        if page.method == "ocr" and result is not None and result.words:
            layers[i] = _repaired_words(page.text, base, result.words, repaired)
        base += len(page.text) + 1
    pdf_bytes = _image_to_pdf(source, ocr) if raw.kind == "image" else source.read_bytes()
    # nothing OCR'd: the file itself, byte for byte (a digital signature still verifies), before
    # PDF/A, which leaves a signed file as it is
    data, signed = _overlay(pdf_bytes, raw, ocr, layers) if layers else (pdf_bytes, False)
    warnings = ["the input's digital signature does not cover the added text layer: it no longer verifies "
                "in the output"] if signed else []
    is_pdfa = False
    if output_type == "pdfa":
        from vnplan import __version__
        from vnplan.pdfa import make_pdfa

        # an image input is new output as a whole: no original to keep as it was
        made = make_pdfa(data, f"vnplan {__version__}", keep_signature=not layers,
                         modified=bool(layers) or raw.kind == "image")
        data, is_pdfa = made.data, made.is_pdfa
        if made.why_not:
            warnings.append(made.why_not)
    _atomic_write_bytes(output, data)
    return SearchableResult(len(raw.pages), len(layers), sum(p.method != "ocr" for p in raw.pages), repaired.text,
                            tuple((p.number, p.error) for p in raw.pages if p.error), tuple(warnings), is_pdfa)


def _same_file(a: str, b: Path) -> bool:
    try:
        return Path(a).resolve() == b.resolve()
    except OSError:
        return False


def _repaired_words(page_text: str, base: int, words, repaired) -> list[tuple[str, object]]:
    """(repaired spelling, OCR word) for each word: the word is found in the page text (which OCR
    built from these words), and the repaired characters mapped back into its span are taken."""
    out = []
    cursor = 0
    smap = repaired.source_map
    for word in words:
        start = page_text.find(word.text, cursor)
        if start < 0:
            out.append((word.text, word))
            continue
        end = start + len(word.text)
        cursor = end
        lo = bisect.bisect_left(smap, base + start)
        hi = bisect.bisect_left(smap, base + end)
        text = repaired.text[lo:hi].strip() if hi <= len(repaired.text) else ""
        out.append((text or word.text, word))
    return out


def _overlay(pdf_bytes: bytes, raw, ocr: dict, layers: dict[int, list]) -> tuple[bytes, bool]:
    """The PDF with the layers laid over their pages, and whether it was digitally signed."""
    import pikepdf
    import pypdfium2 as pdfium

    sizes = {}
    document = pdfium.PdfDocument(pdf_bytes)
    try:
        for i in layers:
            sizes[i] = document[i].get_size()  # displayed size in points, /Rotate applied
    finally:
        document.close()
    text_pdf = pikepdf.open(io.BytesIO(_text_layers(layers, ocr, sizes))) if layers else None
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        form = pdf.Root.get("/AcroForm")
        signed = form is not None and int(form.get("/SigFlags", 0)) & 1 == 1
        for n, i in enumerate(sorted(layers)):
            page = pdf.pages[i]
            if raw.pages[i].text_layer_rejected not in (None, "no text layer"):
                _drop_invisible_text(pdf, page)
            page.add_overlay(text_pdf.pages[n], pikepdf.Rectangle(page.cropbox))
        out = io.BytesIO()
        # an encrypted input (owner restrictions, empty user password) stays encrypted as it was
        pdf.save(out, encryption=pdf.is_encrypted)
    if text_pdf is not None:
        text_pdf.close()
    return out.getvalue(), signed


def _text_layers(layers: dict[int, list], ocr: dict, sizes: dict) -> bytes:
    """One page per OCR'd page, the size it is displayed at, with its words drawn invisibly."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from vnplan.fonts import find_font

    try:
        pdfmetrics.getFont(FONT_NAME)
    except KeyError:
        pdfmetrics.registerFont(TTFont(FONT_NAME, find_font("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pageCompression=1, initialFontName=FONT_NAME)
    for i in sorted(layers):
        width, height = sizes[i]
        c.setPageSize((width, height))
        image_w, image_h = ocr[i].image_size
        _draw_words(c, layers[i], width / image_w, height / image_h, height)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _draw_words(c, words: list[tuple[str, object]], sx: float, sy: float, page_height: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: dict[tuple[int, int, int], list[tuple[str, object]]] = {}
    for text, word in words:
        lines.setdefault(word.line, []).append((text, word))
    t = c.beginText()
    t.setTextRenderMode(3)  # invisible: neither fill nor stroke
    space = stringWidth(" ", FONT_NAME, 1.0)
    for line in lines.values():
        top = min(w.top for _, w in line)
        bottom = max(w.top + w.height for _, w in line)
        size = max(1.0, (bottom - top) * sy / LINE_EMS)
        baseline = page_height - bottom * sy + DESCENT_EMS * size
        t.setFont(FONT_NAME, size)
        for k, (text, word) in enumerate(line):
            x = word.left * sx
            natural = stringWidth(text, FONT_NAME, size)
            t.setTextOrigin(x, baseline)
            t.setHorizScale(100.0 * word.width * sx / natural if natural > 0 else 100.0)
            t.textOut(text)
            if k + 1 < len(line):  # a space stretched over the gap, so text tools see two words
                gap = max(line[k + 1][1].left * sx - (x + word.width * sx), 0.0)
                t.setHorizScale(max(100.0 * gap / (space * size), 1.0))
                t.textOut(" ")
    c.drawText(t)


def _drop_invisible_text(pdf, page) -> None:
    """Remove text drawn in render mode 3 (an earlier OCR engine's layer) from the page's own
    content stream; visible text and images stay."""
    import pikepdf

    ops = pikepdf.parse_content_stream(page)
    out = []
    block: list = []
    in_text = False
    mode, stack = 0, []
    block_invisible = False
    dropped = 0
    for operands, operator in ops:
        op = str(operator)
        if op == "q":
            stack.append(mode)
        elif op == "Q" and stack:
            mode = stack.pop()
        elif op == "Tr" and operands:
            mode = int(operands[0])
        if op == "BT":
            in_text, block, block_invisible = True, [], mode == 3
        if in_text:
            block.append((operands, operator))
            if op == "Tr":
                block_invisible = mode == 3
            if op == "ET":
                in_text = False
                if block_invisible:
                    dropped += 1
                else:
                    out.extend(block)
            continue
        out.append((operands, operator))
    if dropped:   # else the page's content stream stays as it was
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def _image_to_pdf(source: Path, ocr: dict) -> bytes:
    """An image file as a PDF, one page per frame, at the resolution the file states (else 300 dpi)."""
    from PIL import Image

    frames = []
    with Image.open(source) as image:
        dpi = image.info.get("dpi", (300, 300))[0] or 300
        for n in range(getattr(image, "n_frames", 1)):
            image.seek(n)
            frame = image.convert("RGB") if image.mode not in ("RGB", "L", "1") else image.copy()
            frames.append(frame)
    buffer = io.BytesIO()
    frames[0].save(buffer, "PDF", resolution=float(dpi), save_all=True, append_images=frames[1:])
    return buffer.getvalue()


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    """Through a temporary file renamed into place, with the user's umask (not mkstemp's 0600:
    an archive copy is meant to be read by others)."""
    from vnplan.batch.outdir import write_atomic

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    write_atomic(path, data)
