"""From a file on disk to the raw text of each page: the first stage of the pipeline.

Owns input checks (every refusal is an `InputError` naming the file and the reason), the kind of
a file (sniffed from its bytes, not trusted from its extension), and page triage as OCRmyPDF
users expect: a PDF page keeps a text layer that reads as Vietnamese (decoded or converted from a
legacy font where needed); a page with no layer, or a layer that cannot be trusted, is OCR'd.
The per-page decision and the reading of PDF layers live in extract.pdflayer and extract.layout.
"""

from __future__ import annotations

import errno
import hashlib
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from vnplan.encoding import decode_bytes
from vnplan.errors import InputError
from vnplan.ocr import DEFAULT_DPI, DEFAULT_TIMEOUT, MAX_PIXELS, PageJob, ocr_pages

TEXT_SUFFIXES = {".txt", ".text", ""}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".pnm", ".ppm", ".pgm"}
SUPPORTED = sorted(TEXT_SUFFIXES - {""} | IMAGE_SUFFIXES | {".pdf", ".docx", ".doc", ".rtf"})
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc (and .xls, .ppt, .msg) container
# OLE2 files vnplan does not read: a workbook, a presentation or a mail is not a Word document.
OLE2_OTHER_SUFFIXES = {".xls", ".xlt", ".xla", ".ppt", ".pps", ".pot", ".msg", ".msi", ".vsd", ".pub"}
MAX_BYTES = 512 * 1024 * 1024
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_PAGES = 2000
MAX_CHARS = 5_000_000  # characters of one document's text; longer texts are refused, shorter ones never crash


@dataclass
class RawPage:
    number: int  # 1-based
    text: str
    method: str  # text_layer | decoded | legacy_font | ocr | txt | docx | doc | rtf
    ocr_confidence: Optional[float] = None
    text_layer_rejected: Optional[str] = None
    error: Optional[str] = None
    reason: Optional[str] = None  # why this method (PDF page triage, extract.pdflayer)


@dataclass
class RawDocument:
    path: str
    sha256: str
    kind: str  # pdf_text | pdf_scan | image | txt | docx | doc | rtf
    encoding: Optional[str]
    pages: list[RawPage] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Pages joined by a form feed, as `vnplan ocr` prints them."""
        return "\f".join(p.text for p in self.pages)


@dataclass(frozen=True)
class OcrOptions:
    lang: str = "vie"
    jobs: int = 1
    dpi: int = DEFAULT_DPI
    timeout: float = DEFAULT_TIMEOUT
    force_ocr: bool = False  # the same as mode="force" (kept for callers of the old option)
    # OCRmyPDF 17's --mode: auto (triage), force (OCR every page), skip (never OCR a page that
    # has a text layer), redo (OCR the pages whose layer is OCR output); see extract.pdflayer
    mode: str = "auto"
    # Bounds on one document (vnplan batch --max-pages/--max-pixels/--max-chars; extract.batch.bounds)
    max_pages: int = MAX_PAGES
    max_pixels: int = MAX_PIXELS
    max_chars: int = MAX_CHARS

    @property
    def effective_mode(self) -> str:
        return "force" if self.force_ocr else self.mode


def sniff(path: Path, head: bytes) -> str:
    """The file's kind from its first bytes: pdf | image | docx | doc | rtf | text."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"GIF8", b"BM")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return "image"
    if head.startswith(b"PK\x03\x04"):
        if suffix == ".docx":
            return "docx"
        raise InputError(path, f"a ZIP archive is not a supported document (expected .docx, got '{suffix or 'no extension'}')")
    if head.startswith(OLE2_MAGIC):
        if suffix in OLE2_OTHER_SUFFIXES:
            raise InputError(path, f"an OLE2 '{suffix}' file is not a supported document (expected a Word .doc)")
        return "doc"  # also a .docx saved with a password, or a .doc under another name: office.py tells
    if head.startswith(b"{\\rtf"):
        return "rtf"  # Word saved RTF under .doc too
    if suffix == ".doc":
        raise InputError(path, "not a Word 97-2003 .doc (no OLE2 header): corrupt or wrong extension")
    if suffix == ".rtf":
        raise InputError(path, "not an RTF document (no {\\rtf header): corrupt or wrong extension")
    if suffix == ".pdf":
        raise InputError(path, "not a PDF (no %PDF header): corrupt or wrong extension")
    if suffix in IMAGE_SUFFIXES:
        raise InputError(path, f"not a {suffix[1:].upper()} image: the content is not any image format")
    if suffix == ".docx":
        raise InputError(path, "not a .docx document (not a ZIP container)")
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise InputError(path, f"unsupported file type '{suffix}' (supported: {', '.join(SUPPORTED)})")


def check_path(path: Path) -> None:
    if not path.exists():
        if path.is_symlink():
            try:
                os.stat(path)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    raise InputError(path, "a symbolic link that loops back on itself") from None
            raise InputError(path, "a broken symbolic link (its target does not exist)")
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a document (use `vnplan batch DIR --out OUT`)")
    if not path.is_file():
        raise InputError(path, "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file (0 bytes)")
    if size > MAX_BYTES:
        raise InputError(path, f"file too large ({size / 2**20:.0f} MiB > {MAX_BYTES / 2**20:.0f} MiB limit)")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest(path: str | Path, options: OcrOptions = OcrOptions()) -> RawDocument:
    """Read any supported document into pages of raw text (OCR where needed)."""
    path = Path(path)
    check_path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    kind = sniff(path, head)
    sha = sha256_of(path)
    if kind == "pdf":
        return _ingest_pdf(path, sha, options)
    if kind == "image":
        return _ingest_image(path, sha, options)
    if kind in ("docx", "doc", "rtf"):
        from vnplan.office import read_office  # LibreOffice and python-docx only when needed

        return read_office(path, sha, kind)
    return _ingest_text(path, sha)


def _ingest_text(path: Path, sha: str) -> RawDocument:
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise InputError(path, f"text file too large (> {MAX_TEXT_BYTES // 2**20} MiB)")
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data[:2] in (b"\xff\xfe", b"\xfe\xff") and data.count(b"\x00") < len(data) // 4:
        raise InputError(path, "binary data, not text")
    try:
        decoded = decode_bytes(data)
    except UnicodeError as exc:
        raise InputError(path, f"cannot decode as text ({exc})") from None
    if not decoded.text.strip():
        raise InputError(path, "no text (only whitespace)")
    pages = [RawPage(i + 1, t, "txt") for i, t in enumerate(decoded.text.split("\f"))]
    return RawDocument(str(path), sha, "txt", decoded.encoding, pages)


def _ingest_image(path: Path, sha: str, options: OcrOptions) -> RawDocument:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            n_frames = getattr(image, "n_frames", 1)
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise InputError(path, f"not a readable image ({exc})") from None
    except Image.DecompressionBombError as exc:
        raise InputError(path, f"image too large ({exc})") from None
    if n_frames > options.max_pages:
        raise InputError(path, f"too many frames ({n_frames} > {options.max_pages}, the page bound)")
    jobs = [PageJob(str(path), i, "image", options.lang, options.dpi, options.timeout, max_pixels=options.max_pixels)
            for i in range(n_frames)]
    pages = [
        RawPage(r.index + 1, r.text, "ocr", r.confidence, error=r.error) for r in ocr_pages(jobs, options.jobs)
    ]
    return RawDocument(str(path), sha, "image", None, pages)


def _open_pdf(path: Path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the page tree to be read
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(path, "encrypted PDF (a password is needed)") from None
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():
            raise InputError(path, "encrypted PDF (a password is needed)") from None
        raise InputError(path, f"corrupt or truncated PDF ({name}: {str(exc)[:80] or 'unreadable'})") from None


def _empty_page_tree(path: Path) -> bool:
    """A PDF that pdfminer reads whole and finds no page in (pdfminer raises on a truncated file)."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages) == 0
    except Exception:  # damaged: pdfium's reason stands
        return False


def _ingest_pdf(path: Path, sha: str, options: OcrOptions) -> RawDocument:
    import pypdfium2 as pdfium

    try:  # pdfium is stricter than pdfminer on truncation and knows encryption for sure
        check = pdfium.PdfDocument(str(path))
        n_pages = len(check)
        check.close()
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise InputError(path, "encrypted PDF (a password is needed)") from None
        if _empty_page_tree(path):  # pdfium fails to load a whole PDF whose page tree is empty (/Count 0)
            raise InputError(path, "the PDF has no pages") from None
        raise InputError(path, f"corrupt or truncated PDF ({message})") from None
    if n_pages == 0:
        raise InputError(path, "the PDF has no pages")
    if n_pages > options.max_pages:
        raise InputError(path, f"too many pages ({n_pages} > {options.max_pages}, the page bound)")
    _open_pdf(path).close()  # pdfminer's own refusals (encryption, damage) as one clear line
    from vnplan.pdflayer import triage

    pages: list[RawPage] = []
    to_ocr: list[PageJob] = []
    for decision in triage(path, options.effective_mode):
        i = decision.number - 1
        if decision.method == "ocr":
            pages.append(RawPage(decision.number, "", "ocr", text_layer_rejected=decision.rejected, reason=decision.reason))
            to_ocr.append(PageJob(str(path), i, "pdf", options.lang, options.dpi, options.timeout,
                                  max_pixels=options.max_pixels))
        else:
            pages.append(RawPage(decision.number, decision.text, decision.method,
                                 text_layer_rejected=decision.rejected, reason=decision.reason))
    for result in ocr_pages(to_ocr, options.jobs):
        page = pages[result.index]
        page.text, page.ocr_confidence, page.error = result.text, result.confidence, result.error
    kind = "pdf_scan" if any(p.method == "ocr" for p in pages) else "pdf_text"
    return RawDocument(str(path), sha, kind, None, pages)
