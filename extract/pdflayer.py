"""What a PDF page's text layer says, and whether it can be trusted: page triage without OCR.

Owns the reading of a page's text layer into positioned glyphs (pdfplumber for the content
stream, pypdfium2 for what annotations and form fields draw: e-office stamps), the repair of runs
whose font does not give Unicode, and the decision, per page, of how its text is to be had
(`PageDecision.method`, with the reason):

- `text_layer`: the layer reads as Vietnamese;
- `legacy_font`: runs drawn in a TCVN3 (`.VnTime`, `.VnTimeH`, ...) or VNI (`VNI-Times`, ...)
  font hold legacy code points; they are converted by the font's name (extract.encoding);
- `decoded`: runs of an `Identity-H` Times New Roman without a ToUnicode map are glyph ids;
  they are mapped back through a table learned from PDFs that have the map
  (extract/data/glyphs_times.json, `scripts/build_glyph_table.py`) and the ASCII offset of the
  font's glyph order; kept only when every glyph is known and the page reads as Vietnamese;
- `ocr`: no layer, a layer that does not read as Vietnamese, glyphs that cannot be decoded for
  certain, or an OCR layer made by a Latin-only engine (invisible text over a page image, every
  mark lost: ../shared/notes/pdf-text-layers.md).

Modes as in OCRmyPDF 17 (`--mode`): auto (the triage above), force (OCR every page), skip (never
OCR a page that has a layer), redo (OCR the pages whose layer is OCR output, keep the others).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from vnplan.encoding import tcvn3_to_unicode, vni_to_unicode
from vnplan.layer_tables import find_ruled_tables, read_tables
from vnplan.layout import Glyph, Line, order_lines
from vnplan.text.vietnamese import looks_vietnamese, syllables, vietnamese_share

MODES = ("auto", "force", "skip", "redo")
GLYPH_TABLE = Path(__file__).with_name("data") / "glyphs_times.json"

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_CID = re.compile(r"^\(cid:(\d+)\)$")
# Times New Roman's glyph order puts the printable ASCII letters at code point - 29 (glyph 3 is
# the space, U+0020): the "consistent offset" of the notes, checked against the learned table.
ASCII_GLYPH_OFFSET = 29
# Word 2010 writes ToUnicode maps that give Times New Roman's ư/Ư glyphs (ids 1133/1132, "ư" in
# the maps of seven other documents: extract/data/glyphs_times.json, conflicts) as U+01A3/U+01A2
# "oi", letters no Vietnamese text holds (bct-cv-1178: "THƢƠNG"; SOURCES.md).
LOOKALIKES = {"\u01a3": "ư", "\u01a2": "Ư"}
# A page image covering this share of the page is a scan.
FULL_PAGE_IMAGE = 0.8


def base_font(fontname: str) -> str:
    return _SUBSET.sub("", fontname or "")


def font_face(fontname: str) -> Optional[str]:
    """regular | bold | italic | bolditalic for Times New Roman's PostScript names, else None."""
    name = base_font(fontname).replace(" ", "")
    m = re.match(r"^TimesNewRoman(?:PS)?(?:MT)?(?:[-,](Bold)?(Italic)?(?:MT)?)?$", name, re.IGNORECASE)
    if not m:
        return None
    bold, italic = m.group(1), m.group(2)
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


def legacy_encoding(fontname: str) -> Optional[str]:
    """The legacy Vietnamese encoding a font's name announces: `.VnTime` (tcvn3, TCVN3/ABC),
    `.VnTimeH` (tcvn3h, its capitals face), `VNI-Times` (vni); None for Unicode fonts."""
    name = base_font(fontname)
    if name.startswith(".Vn"):
        # The "H" faces (.VnTimeH, .VnArialH) are capitals fonts: the lowercase codes draw capitals.
        return "tcvn3h" if re.sub(r"[-,].*$", "", name).endswith("H") else "tcvn3"
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI_"):
        return "vni"
    return None


@lru_cache(maxsize=1)
def glyph_table() -> dict[str, dict[int, str]]:
    try:
        data = json.loads(GLYPH_TABLE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {face: {int(k): v for k, v in table.items()} for face, table in data.get("faces", {}).items()}


def decode_glyph(fontname: str, cid: int) -> Optional[str]:
    """The letter glyph `cid` of a Times New Roman face draws, or None when it is not certain."""
    face = font_face(fontname)
    if face is None:
        return None
    letter = glyph_table().get(face, {}).get(cid)
    if letter is not None:
        return letter
    if 3 <= cid <= 126 - ASCII_GLYPH_OFFSET:
        return chr(cid + ASCII_GLYPH_OFFSET)
    return None


@dataclass
class PageDecision:
    number: int  # 1-based
    method: str  # text_layer | decoded | legacy_font | ocr
    reason: str
    text: str = ""  # the layer's text in reading order (what the page keeps unless it is OCR'd)
    rejected: Optional[str] = None  # short category when a layer was not kept
    has_image: bool = False


@dataclass
class LayerStats:
    glyphs: int = 0
    undecodable: int = 0
    decoded: int = 0
    legacy: int = 0
    stamps: int = 0
    remapped: int = 0


def _glyphs_of(page, stats: LayerStats) -> list[Glyph]:
    glyphs = []
    for c in page.chars:
        if not c.get("upright", True):
            continue
        text, font = c.get("text", ""), c.get("fontname", "")
        encoding = legacy_encoding(font)
        m = _CID.match(text)
        if m:
            letter = decode_glyph(font, int(m.group(1)))
            if letter is None:
                stats.undecodable += 1
                letter = "\ufffd"
            else:
                stats.decoded += 1
            text = letter
        elif encoding:
            stats.legacy += 1
        elif text in LOOKALIKES:
            text = LOOKALIKES[text]
            stats.remapped += 1
        if text.strip():
            stats.glyphs += 1
        glyphs.append(Glyph(text, c["x0"], c["x1"], c["top"], c["bottom"], c.get("size") or 0.0, font,
                            encoding=encoding))
    return glyphs


def _textpage_chars(page):
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        for k in range(textpage.count_chars()):
            ch = chr(raw.FPDFText_GetUnicode(textpage.raw, k))
            if not ch.strip() or raw.FPDFText_HasUnicodeMapError(textpage.raw, k) == 1:
                continue
            yield ch, textpage.get_charbox(k), raw.FPDFText_GetFontSize(textpage.raw, k)
    finally:
        textpage.close()


def stamp_glyphs(pdfium_doc, index: int, height: float) -> list[Glyph]:
    """What the page's annotations and form fields draw (e-office stamps), positioned.

    The page is flattened in memory (forms initialised first): the characters pdfium's text
    page gains are the annotations' text. They are found by difference, character and place,
    since pdfium may order the flattened text among the page's own."""
    from collections import Counter

    import pypdfium2.raw as raw

    def key(ch, box):
        return ch, round(box[0], 1), round(box[1], 1)

    page = pdfium_doc[index]
    try:
        if raw.FPDFPage_GetAnnotCount(page.raw) == 0:
            return []
        before = Counter(key(ch, box) for ch, box, _ in _textpage_chars(page))
        if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) != raw.FLATTEN_SUCCESS:
            return []
    finally:
        page.close()
    page = pdfium_doc[index]
    glyphs = []
    try:
        for ch, (left, bottom, right, top), size in _textpage_chars(page):
            k = key(ch, (left, bottom))
            if before[k] > 0:
                before[k] -= 1
                continue
            glyphs.append(Glyph(ch, left, right, height - top, height - bottom, size, "stamp", stamp=True))
    finally:
        page.close()
    return glyphs


def render_lines(lines: list[Line]) -> str:
    """Text of the lines; runs of a legacy font converted by the font's table."""
    out = []
    for line in lines:
        parts: list[str] = []
        run: list[str] = []
        run_enc: Optional[str] = None
        for g in line.glyphs:
            enc = g.encoding if not g.is_space else run_enc
            if enc != run_enc and run:
                parts.append(_convert("".join(run), run_enc))
                run = []
            run_enc = enc
            run.append(g.text)
        if run:
            parts.append(_convert("".join(run), run_enc))
        out.append("".join(parts).rstrip())
    return unicodedata.normalize("NFC", "\n".join(out))


def _convert(text: str, encoding: Optional[str]) -> str:
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text)
    if encoding == "tcvn3h":
        return tcvn3_to_unicode(text).upper()
    if encoding == "vni":
        return vni_to_unicode(text)
    return text


def _image_share(page) -> float:
    area = float(page.width * page.height) or 1.0
    covered = 0.0
    for im in page.images:
        w = max(0.0, min(im["x1"], page.width) - max(im["x0"], 0))
        h = max(0.0, min(im["bottom"], page.height) - max(im["top"], 0))
        covered = max(covered, w * h)
    return covered / area


def _invisible_share(pdfium_doc, index: int) -> float:
    """Share of the page's text objects drawn in render mode 3 (invisible: an OCR layer)."""
    import pypdfium2.raw as raw

    page = pdfium_doc[index]
    try:
        total = invisible = 0
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=3):
            total += 1
            if raw.FPDFTextObj_GetTextRenderMode(obj.raw) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
                invisible += 1
        return invisible / total if total else 0.0
    finally:
        page.close()


def _marks_lost(text: str) -> bool:
    """Words that spell Vietnamese syllables without a single mark: what a Latin-only engine
    leaves of a Vietnamese page ("BO CONG THIJoNG", "CQNG HOA XA HQI")."""
    words = [w for w in syllables(text) if w.isalpha()]
    if len(words) < 5:
        return False
    _, marked = vietnamese_share(text)
    return marked < 0.1


def decide_page(page, number: int, pdfium_doc, mode: str = "auto") -> PageDecision:
    """How page `number` (1-based) gets its text; the layer's text comes with the decision.

    A page whose layer cannot be read at all (a broken content stream, a damaged font) is OCR'd:
    one bad page must not lose the others."""
    try:
        return _decide_page(page, number, pdfium_doc, mode)
    except Exception as exc:  # pdfminer and pdfium raise many kinds on damaged pages
        reason = f"text layer unreadable ({type(exc).__name__})"
        return PageDecision(number, "ocr", reason, rejected=reason)


def _decide_page(page, number: int, pdfium_doc, mode: str) -> PageDecision:
    has_image = bool(page.images)
    if mode == "force":
        return PageDecision(number, "ocr", "every page OCR'd (--mode force)", rejected="OCR forced", has_image=has_image)
    stats = LayerStats()
    glyphs = _glyphs_of(page, stats)
    stamps = stamp_glyphs(pdfium_doc, number - 1, float(page.height)) if pdfium_doc is not None else []
    stats.stamps = len(stamps)
    # Ruled tables are read cell by cell (extract/layer_tables.py), the rest of the page by position.
    rest, tables = read_tables(glyphs + stamps, find_ruled_tables(page))
    text = render_lines(order_lines(rest, tables))
    if not text.strip():
        return PageDecision(number, "ocr", "no text layer", rejected="no text layer", has_image=has_image)
    if mode == "skip":
        method = "decoded" if stats.decoded else "legacy_font" if stats.legacy else "text_layer"
        return PageDecision(number, method, "page has a text layer, kept (--mode skip)", text, has_image=has_image)

    scan = _image_share(page) >= FULL_PAGE_IMAGE
    invisible = _invisible_share(pdfium_doc, number - 1) if scan and pdfium_doc is not None else 0.0
    vietnamese = looks_vietnamese(text)
    if scan and (invisible >= 0.5 or _marks_lost(text)):
        detail = "invisible text" if invisible >= 0.5 else "text"
        if mode == "redo":
            return PageDecision(number, "ocr", f"OCR layer ({detail} over a page image) redone (--mode redo)",
                                rejected="OCR layer redone", has_image=has_image)
        if not vietnamese:
            return PageDecision(number, "ocr", f"OCR layer by a Latin-only engine ({detail} over a page image, "
                                "Vietnamese marks lost): discarded", rejected="text layer is not Vietnamese",
                                has_image=has_image)
        return PageDecision(number, "text_layer", "OCR layer reads as Vietnamese, kept", text, has_image=has_image)
    if stats.undecodable:
        return PageDecision(number, "ocr", f"{stats.undecodable} of {stats.glyphs} glyphs have no Unicode "
                            "mapping and are not in the glyph table: cannot be decoded for certain",
                            rejected="glyphs without Unicode mapping", has_image=has_image)
    if stats.decoded:
        if vietnamese:
            return PageDecision(number, "decoded", f"{stats.decoded} glyphs without a Unicode mapping decoded "
                                "by the Times New Roman glyph table; reads as Vietnamese", text, has_image=has_image)
        return PageDecision(number, "ocr", f"{stats.decoded} glyphs decoded, but the page does not read as "
                            "Vietnamese", rejected="decoded layer is not Vietnamese", has_image=has_image)
    if stats.legacy:
        return PageDecision(number, "legacy_font", f"{stats.legacy} glyphs in a legacy font (TCVN3/VNI) converted "
                            "by font name", text, has_image=has_image)
    if vietnamese:
        remapped = f"; {stats.remapped} look-alike letters (ƣ for ư) remapped" if stats.remapped else ""
        return PageDecision(number, "text_layer", "text layer reads as Vietnamese" + remapped, text, has_image=has_image)
    if has_image:
        return PageDecision(number, "ocr", "text layer is not Vietnamese", rejected="text layer is not Vietnamese",
                            has_image=has_image)
    # No image and a layer in clean Unicode that is simply not Vietnamese: kept, so that the
    # language check refuses the document for what it is instead of OCRing it.
    return PageDecision(number, "text_layer", "text layer is not Vietnamese; no image to OCR, kept", text,
                        rejected="text layer is not Vietnamese; no image to OCR, kept", has_image=has_image)


def triage(path: str | Path, mode: str = "auto", pages: Optional[set[int]] = None) -> list[PageDecision]:
    """The decision for every page of a PDF, without running OCR (the caller OCRs the `ocr` pages).

    `pages` (1-based numbers) limits the work to those pages. The caller has checked the file
    (ingest._ingest_pdf: truncation, encryption, page count)."""
    import pdfplumber
    import pypdfium2 as pdfium

    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    pdfium_doc = pdfium.PdfDocument(str(path))
    try:
        pdfium_doc.init_forms()  # before any page is loaded, so that stamps and fields are drawn
        with pdfplumber.open(path) as pdf:
            return [decide_page(page, i + 1, pdfium_doc, mode) for i, page in enumerate(pdf.pages)
                    if pages is None or i + 1 in pages]
    finally:
        pdfium_doc.close()
