"""Optical character recognition of page images with Tesseract, one process per page.

Owns the page-parallel OCR: each worker renders or loads one page, prepares the image
(`extract/preprocess.py`: coloured seal and signature ink removed), runs one single-threaded
Tesseract (`OMP_THREAD_LIMIT=1`: on a few cores, N single-threaded pages in parallel beat one
multi-threaded page at a time) and returns the page's text, its mean word confidence and every
word with its box and confidence (for searchable PDFs). Tesseract is run once per page
(`image_to_data`), and the text is rebuilt from its block/paragraph/line structure, so
confidence costs no second pass.
"""

from __future__ import annotations

import os
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from extract.errors import MissingDependency

DEFAULT_DPI = 300
DEFAULT_TIMEOUT = 180.0  # seconds per page


@dataclass(frozen=True)
class OcrSettings:
    """How a page is prepared and read. The defaults are the measured best on the 64 born-digital
    real pages of `scripts/bench_real_ocr.py` (their text layer is the reference; order-free
    syllable error after repair, Tesseract alone 8.34%):
      colour render + ink filter, no rule removal   5.91%
      + rule removal (remove_lines)                  3.94%  (12 coordinate-table pages 25% -> 13%)
      + repair tuning (extract/repair/channel.py)    3.80%  (the 52 text pages: 2.36%)
    Tried and not kept: `psm` 6 (with rules present ruled tables fall apart: 18.8% -> 25.3% on
    lc-gcn-banqua and lc-qd-1696; with rules removed 4.44% -> 4.33% on lc-gcn-banqua, but
    two-column headers break), `psm` 4 (4.76% there), Tesseract's `Vietnamese` script model
    (4.45% -> 6.41% before repair, 17 pages); resolution (the first page of each document,
    9 pages, after repair): 200 dpi 2.43%, 300 dpi 1.58%, 400 dpi 2.48%: 300 stays."""

    psm: int = 3  # Tesseract page segmentation: 3 = automatic layout
    suppress_ink: bool = True  # whiten red/blue seal, signature and e-office stamp ink
    remove_lines: bool = True  # whiten long horizontal/vertical rules (tables) before OCR
    extra_config: str = ""  # further Tesseract options, e.g. "-c preserve_interword_spaces=1"

    def tesseract_config(self) -> str:
        return f"--oem 1 --psm {self.psm} {self.extra_config}".strip()


DEFAULT_SETTINGS = OcrSettings()


@dataclass(frozen=True)
class PageJob:
    """One page to OCR: a PDF page to render, or a frame of an image file."""

    path: str
    index: int  # 0-based page or frame
    kind: str  # "pdf" | "image"
    lang: str = "vie"
    dpi: int = DEFAULT_DPI
    timeout: float = DEFAULT_TIMEOUT
    settings: OcrSettings = DEFAULT_SETTINGS


@dataclass(frozen=True)
class OcrWord:
    """One word as Tesseract read it: box in pixels of the OCR'd image (origin top left)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]  # (block, paragraph, line) numbers


@dataclass(frozen=True)
class OcrPage:
    index: int
    text: str
    confidence: Optional[float]  # mean word confidence 0-100, None when no word was read
    error: Optional[str] = None  # set when the page could not be OCR'd (timeout, ...)
    words: tuple[OcrWord, ...] = field(default=(), repr=False)
    image_size: Optional[tuple[int, int]] = None  # (width, height) in pixels of the OCR'd image
    dpi: Optional[int] = None


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def load_page_image(job: PageJob):
    """The page as rendered or stored, in colour where it has colour (the ink filter needs it)."""
    from PIL import Image

    if job.kind == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(job.path)
        try:
            page = pdf[job.index]
            image = page.render(scale=job.dpi / 72, grayscale=not job.settings.suppress_ink).to_pil()
            page.close()
        finally:
            pdf.close()
        return image
    image = Image.open(job.path)
    image.seek(job.index)
    image.load()
    return image


def prepare_image(image, settings: OcrSettings = DEFAULT_SETTINGS, dpi: Optional[float] = None):
    """Grey-level image for Tesseract, coloured ink and table rules removed as the settings say;
    ``dpi`` is the image's resolution (else the file's own, else 300)."""
    from extract.preprocess import remove_rules, suppress_coloured_ink

    if dpi is None:
        stated = image.info.get("dpi", (0, 0))[0]
        dpi = float(stated) if stated and 50 <= float(stated) <= 1200 else 300.0
    image = suppress_coloured_ink(image) if settings.suppress_ink else image.convert("L")
    if settings.remove_lines:
        image = remove_rules(image, dpi)
    return image


def text_from_data(data: dict) -> tuple[str, Optional[float]]:
    """Rebuild page text from `image_to_data` output: lines by newline, paragraphs by a blank line."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    order: list[tuple[int, int, int]] = []
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key not in lines:
            lines[key] = []
            order.append(key)
        lines[key].append(word.strip())
        confidences.append(conf)
    out: list[str] = []
    previous: Optional[tuple[int, int]] = None
    for key in order:
        paragraph = key[:2]
        if previous is not None and paragraph != previous:
            out.append("")
        out.append(" ".join(lines[key]))
        previous = paragraph
    text = unicodedata.normalize("NFC", "\n".join(out))
    mean = sum(confidences) / len(confidences) if confidences else None
    return text, mean


def words_from_data(data: dict) -> tuple[OcrWord, ...]:
    out = []
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not word.strip():
            continue
        out.append(OcrWord(unicodedata.normalize("NFC", word.strip()), int(data["left"][i]), int(data["top"][i]),
                           int(data["width"][i]), int(data["height"][i]), conf,
                           (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))))
    return tuple(out)


def run_tesseract(image, job: PageJob) -> dict:
    """`image_to_data` of a prepared image; raises RuntimeError on the page timeout."""
    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"
    return pytesseract.image_to_data(
        image,
        lang=job.lang,
        config=job.settings.tesseract_config(),
        output_type=pytesseract.Output.DICT,
        timeout=job.timeout,
    )


def ocr_page(job: PageJob) -> OcrPage:
    image = prepare_image(load_page_image(job), job.settings, job.dpi if job.kind == "pdf" else None)
    try:
        data = run_tesseract(image, job)
    except RuntimeError as exc:  # pytesseract raises RuntimeError on its timeout
        return OcrPage(job.index, "", None, error=f"OCR timed out after {job.timeout:g} s ({exc})")
    text, conf = text_from_data(data)
    dpi = job.dpi if job.kind == "pdf" else None
    return OcrPage(job.index, text, conf, words=words_from_data(data), image_size=image.size, dpi=dpi)


def ocr_pages(jobs: Iterable[PageJob], n_jobs: int = 1) -> list[OcrPage]:
    """OCR pages, `n_jobs` at a time in worker processes; results in page order."""
    jobs = list(jobs)
    if not jobs:
        return []
    check_tesseract(jobs[0].lang)
    if n_jobs <= 1 or len(jobs) == 1:
        results = [ocr_page(job) for job in jobs]
    else:
        with ProcessPoolExecutor(max_workers=min(n_jobs, len(jobs)), initializer=_init_worker) as pool:
            results = list(pool.map(ocr_page, jobs))
    for store in _recorders:
        store.update({(job.path, job.index): page for job, page in zip(jobs, results)})
    return results


_recorders: list[dict] = []


@contextmanager
def recorded_pages():
    """Collect every page `ocr_pages` reads while the block runs, keyed by (path, 0-based index).

    The text stages keep only each page's text; the searchable-PDF writer also needs the word
    boxes, and gets them here without a second OCR pass."""
    store: dict[tuple[str, int], OcrPage] = {}
    _recorders.append(store)
    try:
        yield store
    finally:
        _recorders.remove(store)


@lru_cache(maxsize=8)
def check_tesseract(lang: str = "vie") -> None:
    """Raise MissingDependency with an install hint when Tesseract or its language data is missing."""
    import pytesseract

    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError):
        raise MissingDependency("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)") from None
    for part in lang.split("+"):
        if part not in languages:
            raise MissingDependency(f"Tesseract has no '{part}' language data (apt-get install tesseract-ocr-{part})")


def tesseract_version() -> str:
    import pytesseract

    return str(pytesseract.get_tesseract_version())


