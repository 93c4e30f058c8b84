"""PDF/A-2b for the searchable PDF (`vnplan ocr X -o Y.pdf`, `--output-type pdfa`, the default).

Owns the step from "a PDF with the invisible text layer" to "the same pages as PDF/A-2b", without
Ghostscript: nothing on the pages is redrawn or recompressed. pikepdf's PDF/A support
(`pikepdf.pdfa`, the `pdfa` extra) adds what ISO 19005-2 level B asks of a file whose pages
already conform: an OutputIntent (GTS_PDFA1) with the sRGB ICC profile pikepdf ships (scans are
DeviceRGB or DeviceGray, which an RGB intent covers), an XMP packet declaring pdfaid:part 2 and
conformance B with the Info dictionary set to agree with it, the save settings PDF/A needs
(trailer /ID, no encryption, uncompressed metadata), and then it re-reads the bytes written and
checks them against its allowlist of veraPDF's PDF/A-2b rules before anything is returned.

The invisible layer's font (extract/searchable.py: DejaVu Sans, a reportlab TrueType subset,
symbolic, one cmap subtable, no /Encoding) is embedded as PDF/A requires of every font. Before
that, three repairs that change nothing drawn: an empty /Trans is removed, fonts that no content
of a page selects leave its resources (reportlab's Helvetica; the font of an old OCR layer that
extract/searchable.py removed), and keys that are no resource leave /Resources.

A file is never refused: when the input has something PDF/A forbids and that cannot be kept
(encryption, document JavaScript, hidden annotations, a font that is not embedded, CMYK colour
without a CMYK intent, ...) the plain PDF is returned with one sentence saying why, and the
caller turns it into a warning. Content is never dropped to reach PDF/A: where pikepdf's repair
would remove JavaScript, annotations or slideshows, the plain PDF is kept instead. A signed file
that gained no text layer is kept as it was, so that its signature still verifies.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

FLAVOUR = "2b"
PLAIN = "written as a plain PDF"


@dataclass(frozen=True)
class PdfaOutcome:
    data: bytes  # the PDF/A-2b file, or the plain PDF it was made from
    is_pdfa: bool
    why_not: Optional[str] = None  # one sentence, when the plain PDF was kept


def make_pdfa(pdf_bytes: bytes, producer: str, *, keep_signature: bool = False,
              modified: bool = True) -> PdfaOutcome:
    """``pdf_bytes`` as PDF/A-2b, validated, or the same bytes and why not.

    ``producer`` is recorded as the PDF Producer (XMP pdf:Producer and Info /Producer agree);
    ``modified`` sets the modification date to now (a text layer was added); with
    ``keep_signature`` a signed document is left as it is (rewriting it breaks the signature)."""
    try:
        import pikepdf  # noqa: F401
        import pikepdf.pdfa  # noqa: F401
    except ImportError as exc:  # an old pikepdf, or its pdfa extra (jsonschema, fonttools) missing
        return _plain(pdf_bytes, f"PDF/A needs pikepdf>=10.18 with its pdfa extra ({exc})")
    # the validator parses embedded font programs with fontTools, which logs the sloppiness of an
    # input's fonts ("too much 'hmtx' table data") to stderr: nothing a user can act on
    fonttools_log = logging.getLogger("fontTools")
    level = fonttools_log.level
    fonttools_log.setLevel(logging.ERROR)
    try:
        return _convert(pdf_bytes, producer, keep_signature, modified)
    except Exception as exc:  # noqa: BLE001 - arbitrary input, best-effort step: the plain PDF is good
        return _plain(pdf_bytes, f"the PDF/A conversion failed ({type(exc).__name__}: {exc})")
    finally:
        fonttools_log.setLevel(level)


def _convert(pdf_bytes: bytes, producer: str, keep_signature: bool, modified: bool) -> PdfaOutcome:
    import pikepdf
    from pikepdf.pdfa import PdfaError, prepare, save

    try:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    except pikepdf.PdfError as exc:
        return _plain(pdf_bytes, f"the PDF could not be read for PDF/A ({exc})")
    with pdf:
        if pdf.is_encrypted:
            return _plain(pdf_bytes, "the input is encrypted, which PDF/A forbids (the output keeps its encryption)")
        if keep_signature and _is_signed(pdf):
            return _plain(pdf_bytes, "the input is digitally signed, and rewriting it as PDF/A would break "
                                     "the signature")
        _drop_empty_transitions(pdf)
        _drop_unused_page_fonts(pdf)
        _drop_unknown_resource_keys(pdf)
        missing = _font_not_embedded(pdf)
        if missing:  # known before the validator's walk of every page (seconds on a long document)
            return _plain(pdf_bytes, f"{missing}, and vnplan does not embed fonts")
        prepared = prepare(pdf, FLAVOUR, output_intent="sRGB")
        removed = _content_removed(prepared)
        if removed:
            return _plain(pdf_bytes, f"the input has {removed}, which PDF/A forbids and vnplan does not remove")
        _record_producer(pdf, producer, modified)
        out = io.BytesIO()
        try:
            save(pdf, out, FLAVOUR, repair=False)
        except PdfaError as exc:
            return _plain(pdf_bytes, _why_invalid(exc.report))
    return PdfaOutcome(out.getvalue(), True)


def _plain(pdf_bytes: bytes, why: str) -> PdfaOutcome:
    return PdfaOutcome(pdf_bytes, False, f"not PDF/A-2b: {why}; {PLAIN}")


def _is_signed(pdf) -> bool:
    form = pdf.Root.get("/AcroForm")
    return form is not None and int(form.get("/SigFlags", 0)) & 1 == 1


def _drop_empty_transitions(pdf) -> None:
    """Remove a page's empty /Trans dictionary (reportlab writes `/Trans << >>` on every page):
    it means the default transition, so nothing changes, and pikepdf's validator, which approves
    only what it knows, leaves a page with one unchecked."""
    import pikepdf

    for page in pdf.pages:
        trans = page.obj.get("/Trans")
        if isinstance(trans, pikepdf.Dictionary) and len(trans.keys()) == 0:
            del page.obj["/Trans"]


def _drop_unused_page_fonts(pdf) -> None:
    """Remove from pages' font resources the fonts no content of theirs selects: reportlab lists
    Helvetica (never embedded) on every page, and a scan whose old OCR layer was removed
    (extract/searchable.py) keeps that layer's font; PDF/A would count either as a font not
    embedded. A font dictionary shared by several pages loses only what none of them uses, and
    none is touched when a form XObject could draw with the page's resources (it has none of
    its own)."""
    import pikepdf

    shared: dict[tuple, tuple[object, set[str]]] = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        xobjects = resources.get("/XObject")
        if isinstance(xobjects, pikepdf.Dictionary) and any(
                x.get("/Subtype") == "/Form" and "/Resources" not in x for x in xobjects.values()):
            return
        try:
            used = {str(operands[0]) for operands, _ in pikepdf.parse_content_stream(page, "Tf") if operands}
        except pikepdf.PdfError:
            return  # unreadable content: leave every font where it is
        key = fonts.objgen if fonts.is_indirect else (
            resources.objgen if resources.is_indirect else ("page",) + page.obj.objgen)
        shared.setdefault(key, (fonts, set()))[1].update(used)
    for fonts, used in shared.values():
        for name in [key for key in fonts.keys() if key not in used]:
            del fonts[name]


def _font_not_embedded(pdf) -> str:
    """'font NAME on page N is not embedded' for the first font of a page's own resources whose
    program is not in the file (none of /FontFile, /FontFile2, /FontFile3 in its descriptor; a
    Type0 font's in its descendant's), else ''. Type 3 fonts are their own programs."""
    import pikepdf

    for number, page in enumerate(pdf.pages, 1):
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(fonts, pikepdf.Dictionary):
            continue
        for font in fonts.values():
            if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") == "/Type3":
                continue
            described = font
            if font.get("/Subtype") == "/Type0":
                descendants = font.get("/DescendantFonts")
                described = descendants[0] if isinstance(descendants, pikepdf.Array) and len(descendants) else font
            descriptor = described.get("/FontDescriptor")
            if not isinstance(descriptor, pikepdf.Dictionary) or not any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                return f"font {str(font.get('/BaseFont', '(unnamed)')).lstrip('/')} on page {number} is not embedded"
    return ""


# The keys a resource dictionary has (PDF 32000-1, 7.8.3, Table 33); readers ignore any other.
RESOURCE_KEYS = {"/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/XObject", "/Font", "/ProcSet", "/Properties"}


def _drop_unknown_resource_keys(pdf) -> None:
    """Remove keys that are no resource from pages' resource dictionaries. The scans whose old
    layer came from a Latin-only OCR engine (../shared/realdocs SOURCES.md: bct-qd-26,
    lc-bb-mongson, lc-pt-simacai) keep that layer's text in a stream under /Resources /Subtype;
    no reader uses it, and pikepdf's validator will not approve a page it cannot account for."""
    import pikepdf

    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        if isinstance(resources, pikepdf.Dictionary):
            for key in [k for k in resources.keys() if k not in RESOURCE_KEYS]:
                del resources[key]


def _content_removed(prepared) -> str:
    """What pikepdf's repair removed that a reader of the document could miss ('' if nothing).
    Setting the Print flag, dropping image interpolation or non-PDF/A XMP properties changes no
    content and is accepted."""
    parts = []
    if prepared.document_javascript_removed:
        parts.append("document JavaScript")
    if prepared.annotations_removed:
        kinds = ", ".join(sorted(prepared.annotations_removed))
        parts.append(f"hidden or non-viewable annotations ({kinds})")
    if prepared.alternate_presentations_removed:
        parts.append("alternate presentations (slideshows)")
    return " and ".join(parts)


def _record_producer(pdf, producer: str, modified: bool) -> None:
    """Producer and, when the pages changed, the modification date, in the XMP packet; pikepdf
    copies them to the Info dictionary so the two agree, as PDF/A requires."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
        meta["pdf:Producer"] = producer
        if modified:
            meta["xmp:ModifyDate"] = datetime.now(timezone.utc).isoformat(timespec="seconds")


def _why_invalid(report) -> str:
    """One sentence from the validator's findings: the first violation (else the first construct
    it could not check, which pikepdf's allowlist counts as a failure too) and how many more."""
    findings = list(report.violations) or list(report.unsupported)
    if not findings:
        return "the PDF/A check did not pass"
    first = findings[0]
    more = f"; {len(findings) - 1} more" if len(findings) > 1 else ""
    kind = "rule" if report.violations else "not checkable, rule"
    return f"{first.message} ({first.where}; {kind} {first.rule}{more})"
