"""Optical character recognition of page images with Tesseract, one process per page.

Owns the page-parallel OCR: each worker renders or loads one page, prepares the image
(`extract/preprocess.py`: coloured seal and signature ink removed), runs one single-threaded
Tesseract (`OMP_THREAD_LIMIT=1`: on a few cores, N single-threaded pages in parallel beat one
multi-threaded page at a time) and returns the page's text, its mean word confidence and every
word with its box and confidence (for searchable PDFs). Tesseract is run once per page
(`image_to_data`), and the text is rebuilt from its block/paragraph/line structure, so
confidence costs no second pass. A page with ruled tables (extract/ocr_tables.py) costs two or
three more calls: the tables are cut out of the page and their cells read in one stacked image,
numbers again in a second one.
"""

from __future__ import annotations

import os
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from vnplan.errors import MissingDependency

DEFAULT_DPI = 300
DEFAULT_TIMEOUT = 180.0  # seconds per page
# Pixels of one rendered page: A4 at 300 dpi is 8.7 M, A0 at 200 dpi 48 M. A page larger than this
# (a 466-byte PDF can declare a 5 m square page: 7 GB at 300 dpi) is rendered at the resolution
# that fits, and a warning says so (`vnplan batch --max-pixels`).
MAX_PIXELS = 60_000_000
MIN_DPI = 50  # below this nothing is legible: the page is reported, not read


@dataclass(frozen=True)
class OcrSettings:
    """How a page is prepared and read. The defaults are the measured best on the 64 born-digital
    real pages of `scripts/bench_real_ocr.py` (their text layer is the reference; order-free
    syllable error after repair, Tesseract alone 8.34%):
      colour render + ink filter, no rule removal   5.91%
      + rule removal (remove_lines)                  3.94%  (12 coordinate-table pages 25% -> 13%)
      + repair tuning (extract/repair/channel.py)    3.80%  (the 52 text pages: 2.36%)
      + ruled tables read cell by cell (`tables`)    2.27%  (12 number-table pages 11.66% -> 2.05%;
        scored with º = °, see the bench; the same chain without `tables` scores 3.68%)
    Tried and not kept: `psm` 6 (with rules present ruled tables fall apart: 18.8% -> 25.3% on
    lc-gcn-banqua and lc-qd-1696; with rules removed 4.44% -> 4.33% on lc-gcn-banqua, but
    two-column headers break), `psm` 4 (4.76% there), Tesseract's `Vietnamese` script model
    (4.45% -> 6.41% before repair, 17 pages); resolution (the first page of each document,
    9 pages, after repair): 200 dpi 2.43%, 300 dpi 1.58%, 400 dpi 2.48%: 300 stays."""

    psm: int = 3  # Tesseract page segmentation: 3 = automatic layout
    suppress_ink: bool = True  # whiten red/blue seal, signature and e-office stamp ink
    remove_lines: bool = True  # whiten long horizontal/vertical rules (tables) before OCR
    tables: bool = True  # ruled tables read cell by cell (extract/ocr_tables.py)
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
    max_pixels: int = MAX_PIXELS


class PageTooLarge(Exception):
    """The page cannot be rendered legibly within the pixel bound."""


def fitted_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """The resolution at which a page of `width_pt` x `height_pt` points stays within `max_pixels`."""
    pixels = width_pt * height_pt * (dpi / 72) ** 2
    if pixels <= max_pixels:
        return dpi
    return dpi * (max_pixels / pixels) ** 0.5


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
            if not any(True for _ in page.get_objects()):
                page.close()
                return None  # nothing drawn on the page: a blank page needs no render and no OCR
            dpi = fitted_dpi(*page.get_size(), job.dpi, job.max_pixels)
            if dpi < MIN_DPI:
                raise PageTooLarge(f"page of {page.get_width() / 72:.0f} x {page.get_height() / 72:.0f} in: "
                                   f"over {job.max_pixels / 1e6:g} M pixels even at {MIN_DPI} dpi")
            image = page.render(scale=dpi / 72, grayscale=not job.settings.suppress_ink).to_pil()
            image.info["vnplan_dpi"] = dpi
            page.close()
        finally:
            pdf.close()
        return image
    image = Image.open(job.path)
    image.seek(job.index)
    if image.width * image.height > job.max_pixels:
        raise PageTooLarge(f"image of {image.width} x {image.height} pixels: over {job.max_pixels / 1e6:g} M pixels")
    image.load()
    return image


def _blank(image) -> bool:
    """A page image with no ink at all (every pixel near white): Tesseract would read nothing."""
    low, _high = image.getextrema()
    return low > 200


def _paragraphs(data: dict) -> list[tuple[int, list[str], list[int]]]:
    """(top pixel, lines, word indexes) of each paragraph of `image_to_data` output, in its order."""
    paragraphs: dict[tuple[int, int], tuple[list[int], dict[int, list[str]], list[int]]] = {}
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not word.strip():
            continue
        top, lines, indexes = paragraphs.setdefault((data["block_num"][i], data["par_num"][i]), ([int(data["top"][i])], {}, []))
        top[0] = min(top[0], int(data["top"][i]))
        lines.setdefault(data["line_num"][i], []).append(word.strip())
        indexes.append(i)
    return [(top[0], [" ".join(words) for words in lines.values()], indexes) for top, lines, indexes in paragraphs.values()]


def text_from_data(data: dict) -> tuple[str, Optional[float]]:
    """Rebuild page text from `image_to_data` output: lines by newline, paragraphs by a blank line."""
    paragraphs = _paragraphs(data)
    confidences = [float(data["conf"][i]) for _, _, indexes in paragraphs for i in indexes]
    text = unicodedata.normalize("NFC", "\n\n".join("\n".join(lines) for _, lines, _ in paragraphs))
    mean = sum(confidences) / len(confidences) if confidences else None
    return text, mean


def words_from_data(data: dict) -> tuple[OcrWord, ...]:
    return tuple(_word(data, i) for i, word in enumerate(data["text"])
                 if float(data["conf"][i]) >= 0 and word.strip())


@dataclass(frozen=True)
class PageReading:
    text: str
    confidence: Optional[float]
    words: tuple[OcrWord, ...]
    image_size: tuple[int, int]
    tables: int = 0  # ruled tables read cell by cell


def read_page_image(page_image, settings: OcrSettings, dpi: Optional[float], lang: str, reader) -> PageReading:
    """Prepare a page image and read it; ``reader(image, lang, config)`` runs Tesseract's
    `image_to_data` (a parameter so that the bench can cache it). Ruled tables (settings.tables)
    are cut out of the page and read cell by cell (extract/ocr_tables.py); their text is put back
    before the first paragraph of the rest of the page that starts below the table's top."""
    from vnplan.ocr_tables import find_tables, read_cells, table_text
    from vnplan.preprocess import remove_rules, suppress_coloured_ink

    if dpi is None:
        stated = page_image.info.get("dpi", (0, 0))[0]
        dpi = float(stated) if stated and 50 <= float(stated) <= 1200 else 300.0
    grey = suppress_coloured_ink(page_image) if settings.suppress_ink else page_image.convert("L")
    tables = find_tables(grey, dpi) if settings.tables else []
    image = remove_rules(grey, dpi) if settings.remove_lines or tables else grey
    if _blank(image):
        return PageReading("", None, (), image.size)
    if not tables:
        data = reader(image, lang, settings.tesseract_config())
        text, conf = text_from_data(data)
        return PageReading(text, conf, words_from_data(data), image.size)
    from PIL import ImageDraw

    rest = image.copy()
    draw = ImageDraw.Draw(rest)
    for table in tables:
        draw.rectangle((table.left, table.top, table.right, table.bottom), fill=255)
    data = reader(rest, lang, settings.tesseract_config())
    read = read_cells(image, tables, lang, reader, dpi)
    # pieces of the page: (top, text, words) for each paragraph of the rest, then the tables
    pieces = []
    for top, lines, indexes in _paragraphs(data):
        pieces.append((top, "\n".join(lines), [_word(data, i) for i in indexes]))
    for t, (table, cells) in enumerate(zip(tables, read)):
        if not cells:
            continue
        words = [OcrWord(unicodedata.normalize("NFC", w[0]), *w[1:6], (-1 - t, k, w[6]))
                 for k, item in enumerate(cells) for w in item.words]
        at = next((k for k, piece in enumerate(pieces) if piece[0] > table.top), len(pieces))
        pieces.insert(at, (table.top, table_text(cells), words))
    confidences = [w.confidence for piece in pieces for w in piece[2]]
    text = unicodedata.normalize("NFC", "\n\n".join(piece[1] for piece in pieces))
    return PageReading(text, sum(confidences) / len(confidences) if confidences else None,
                       tuple(w for piece in pieces for w in piece[2]), image.size, len(tables))


def _word(data: dict, i: int) -> OcrWord:
    return OcrWord(unicodedata.normalize("NFC", data["text"][i].strip()), int(data["left"][i]), int(data["top"][i]),
                   int(data["width"][i]), int(data["height"][i]), float(data["conf"][i]),
                   (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])))


def ocr_page(job: PageJob) -> OcrPage:
    try:
        page_image = load_page_image(job)
    except PageTooLarge as exc:
        return OcrPage(job.index, "", None, error=str(exc))
    if page_image is None:
        return OcrPage(job.index, "", None)
    dpi = page_image.info.get("vnplan_dpi", job.dpi) if job.kind == "pdf" else None
    try:
        page = read_page_image(page_image, job.settings, dpi, job.lang, tesseract_reader(job.timeout))
    except RuntimeError as exc:  # pytesseract raises RuntimeError on its timeout
        return OcrPage(job.index, "", None, error=f"OCR timed out after {job.timeout:g} s ({exc})")
    return OcrPage(job.index, page.text, page.confidence, words=page.words, image_size=page.image_size, dpi=dpi)


def tesseract_reader(timeout: float = DEFAULT_TIMEOUT):
    """A reader for read_page_image: Tesseract `image_to_data`, single-threaded, ``timeout``
    seconds per page (shared by the calls of one page)."""
    import time

    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"
    deadline = time.monotonic() + timeout

    def read(image, lang: str, config: str) -> dict:
        left = deadline - time.monotonic()
        if left <= 0:
            raise RuntimeError("no time left for this page")
        return pytesseract.image_to_data(image, lang=lang, config=config, output_type=pytesseract.Output.DICT,
                                         timeout=left)

    return read


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


