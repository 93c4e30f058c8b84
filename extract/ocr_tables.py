"""Ruled tables on a page image: their grid found from the rules, their cells read one by one.

Owns table detection and cell-by-cell OCR. Annex tables of Vietnamese administrative documents
(coordinate tables "Bảng tọa độ", equipment lists, schedules) are ruled grids. Read as a whole
page, Tesseract's layout analysis splits such a table into column blocks, drops narrow columns
(the point numbers "Tên điểm") and misreads digits taken out of their line; measured on the
born-digital real pages of scripts/bench_real_ocr.py (lc-qd-2463 p6-p12, lc-gcn-banqua p5-p9).
Here the horizontal and vertical rules give the grid; two neighbouring grid cells with no rule
between them are one merged cell (spanning headers, the "Diện tích" column); every cell with
ink is cut out and all cells are stacked, one under the other, into one image read by a single
Tesseract call (one process per page, not one per cell); each word
goes back to the cell whose slot holds it. The page text keeps the table where it stood, cells
row by row, left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from vnplan.preprocess import rule_masks

# Tesseract call: (image, lang, config) -> image_to_data dictionary
Reader = Callable[[object, str, str], dict]

# The mosaic of cells is read as one column of text of varying sizes (`--psm 4`). As one
# uniform block (`--psm 6`) Tesseract drops the tone mark over a circumflex in many cells (hiểm
# read "hiêm", nổ "nô": the text table of lc-qd-1696 p3, 16.7% of its cell syllables wrong,
# 6.9% with psm 4; all table cells, `--cells`: 3.7% -> 3.2%), though each cell alone reads
# right either way.
CELL_CONFIG = "--oem 1 --psm 4"
# In that column a lone small glyph is taken for noise (the "X" and "Y" heading cells of
# lc-qd-2463 p9): cells with ink and no word read are read again as a uniform block.
UNREAD_CONFIG = "--oem 1 --psm 6"
# A pixel darker than this may belong to a rule. Thin (0.5 pt) rules rendered at 300 dpi are
# anti-aliased to grey 150-190 (lc-qd-2463's coordinate tables), lighter than the text threshold
# of extract/preprocess.py; a long straight run of such grey is still a rule, never text.
RULE_GREY = 200
# Two rules are joined by a vertical rule when some column between them is rule over at least
# this share of the gap (an anti-aliased 1-pixel rule lightens here and there).
JOIN_SHARE = 0.95
# A wall between two grid cells is there when at least this share of its length is dark: the
# rules of the real tables are solid; a merged cell has none (a stray glyph touches a little).
WALL_SHARE = 0.6
# The widest band of pixel rows (columns) a rule may cover: a straight rule of a born-digital
# PDF covers 1-9 pixels at 300 dpi (the real tables of scripts/bench_real_ocr.py), a rule of a
# copier or phone scan turned by a fraction of a degree 11-31 (the scans of ../shared/realdocs):
# cells cut between such bands lose the tops and feet of the digits that touch the rules, and
# there is no reference to measure scans against, so their tables stay with the page's layout.
RULE_BAND = 0.035  # inch
# A table has at least this many rows and columns of grid cells: a single framed box (a title
# frame, a page border) is not a table and stays with the page's layout analysis.
MIN_ROWS = 2
MIN_COLUMNS = 2
INK = 200  # a pixel darker than this is ink when a cell is trimmed to its content
# Mosaic: white margin around each cell, gap between cells (inches); slots are stacked until the
# image is this tall (pixels), then a new image is started. Every Tesseract call pays for loading
# its model: 12,000 pixels made 5-6 calls on a 300-cell coordinate page, 30,000 makes 3 and
# halved the page's time (lc-qd-2463 p6 and p11: 18 s -> 10 s); a 300-cell page stacks to about
# 26,000 pixels, under Tesseract's 32,767.
CELL_MARGIN = 0.04
CELL_GAP = 0.12
MOSAIC_HEIGHT = 30000
# Cells of numbers and codes (coordinates "2459290,032", point names "M17", "BMK-3") are read
# again by Tesseract's English model with a whitelist of digits, capitals and number punctuation.
# Measured with `scripts/bench_real_ocr.py --cells` (each cell of the table pages against the
# PDF layer's words inside it): `vie` alone misread 99 of the number cells (commas dropped, a
# final 1 read "]" or "I", 7 read "T") and 48 of the 172 point names (M1 read "MI"); English with
# this whitelist 8 and 1; `vie` stays for text cells (English loses the diacritics). With the
# whole chain below: 5 of 1,863 number cells and 3 of 172 point names wrong.
# A cell goes to the second pass when its first reading has only such characters and the
# misreadings seen there (M6 read "Mó", 4 read "Á"), and at least one digit, or is a short run
# of capitals. Units in lower case (m2, m3) stay with `vie`.
# Enlarging the crops 1.5 or 2 times (either pass) or shrinking them to 0.75 changed nothing
# beyond noise (`--cells`: 4.3-5.4% against 4.4%): the page's 300 dpi stays.
NUMBER_LANG = "eng"
# A column whose cells are at least this share NUMBER_CELL is a column of numbers or codes.
NUMBER_COLUMN = 0.6
BARE_NUMBER = re.compile(r"[\d.,]+")
NUMBER_CONFIG = "--oem 1 --psm 6 -c tessedit_char_whitelist=0123456789,.-/ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NUMBER_CELL = re.compile(r"(?=.*\d)[0-9A-Z,.\-/ \]\[|§%°”’'():;?!óòỏøoịlỊẠÁ]{1,40}|[A-Z]{1,3}")


@dataclass(frozen=True)
class Cell:
    """One cell (merged cells are one): grid rows and columns it spans, pixel box inside its rules."""

    row: int
    col: int
    row_end: int  # exclusive
    col_end: int  # exclusive
    left: int
    top: int
    right: int  # exclusive
    bottom: int  # exclusive


@dataclass(frozen=True)
class Table:
    left: int
    top: int
    right: int
    bottom: int
    rows: int
    columns: int
    cells: tuple[Cell, ...]  # in reading order: by first row, then left to right


def _runs(flags) -> list[tuple[int, int]]:
    """(start, end exclusive) of the runs of True in a 1-D boolean array."""
    import numpy as np

    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2])]


def find_tables(image, dpi: float = 300.0) -> list[Table]:
    """The ruled tables of a grey page image (rules still drawn), top to bottom."""
    import numpy as np

    grey = np.asarray(image.convert("L"))
    dark = grey < RULE_GREY
    horizontal, vertical = rule_masks(dark, dpi)
    # horizontal rules: bands of rows holding a long run; x extent of the run in that band
    lines = []
    for y0, y1 in _runs(horizontal.any(axis=1)):
        xs = np.flatnonzero(horizontal[y0:y1].any(axis=0))
        lines.append((y0, y1, int(xs[0]), int(xs[-1]) + 1))
    # consecutive rules belong to one table when a vertical rule joins them
    groups: list[list[tuple[int, int, int, int]]] = []
    for line in lines:
        if groups:
            a = groups[-1][-1]
            x0, x1 = max(a[2], line[2]), min(a[3], line[3])
            if x1 > x0 and line[0] > a[1] and (vertical[a[1]:line[0], x0:x1].mean(axis=0) >= JOIN_SHARE).any():
                groups[-1].append(line)
                continue
            if x1 > x0 and line[0] <= a[1]:
                groups[-1].append(line)
                continue
        groups.append([line])
    tables = []
    for group in groups:
        if len(group) < MIN_ROWS + 1:
            continue
        table = _grid(group, dark, vertical, dpi)
        if table is not None:
            tables.append(table)
    return tables


def _grid(hlines, dark, vertical, dpi: float) -> Optional[Table]:
    top, bottom = hlines[0][0], hlines[-1][1]
    left, right = min(h[2] for h in hlines), max(h[3] for h in hlines)
    cols = vertical[top:bottom, left:right].any(axis=0)
    vlines = [(left + a, left + b) for a, b in _runs(cols)]
    bands = [h[1] - h[0] for h in hlines] + [b - a for a, b in vlines]
    if max(bands) > RULE_BAND * dpi:
        return None  # rules not straight (a skewed scan): the grid would cut through the text
    if len([v for v in vlines if v[0] > left + 4 and v[1] < right - 4]) < MIN_COLUMNS - 1:
        return None  # no column rule inside the frame
    # open sides (no frame rule at the edge): the table's edge bounds the outer columns
    if not vlines or vlines[0][0] > left + 4:
        vlines.insert(0, (left, left))
    if vlines[-1][1] < right - 4:
        vlines.append((right, right))
    rows, columns = len(hlines) - 1, len(vlines) - 1
    if rows < MIN_ROWS or columns < MIN_COLUMNS:
        return None

    parent = list(range(rows * columns))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def wall(segment) -> bool:
        return segment.size > 0 and segment.any(axis=1 if segment.shape[0] >= segment.shape[1] else 0).mean() >= WALL_SHARE

    for r in range(rows):
        y0, y1 = hlines[r][1], hlines[r + 1][0]
        for c in range(columns):
            x0, x1 = vlines[c][1], vlines[c + 1][0]
            if c + 1 < columns:  # wall on the right: the column rule between y0 and y1
                a, b = vlines[c + 1]
                if y1 > y0 and not wall(dark[y0:y1, max(a - 1, 0):b + 1]):
                    parent[find(r * columns + c + 1)] = find(r * columns + c)
            if r + 1 < rows:  # wall below: the row rule between x0 and x1
                a, b = hlines[r + 1][:2]
                if x1 > x0 and not wall(dark[max(a - 1, 0):b + 1, x0:x1].T):
                    parent[find((r + 1) * columns + c)] = find(r * columns + c)
    spans: dict[int, list[int]] = {}
    for r in range(rows):
        for c in range(columns):
            box = spans.setdefault(find(r * columns + c), [r, c, r, c])
            box[0], box[1] = min(box[0], r), min(box[1], c)
            box[2], box[3] = max(box[2], r), max(box[3], c)
    cells = []
    for r0, c0, r1, c1 in spans.values():
        cells.append(Cell(r0, c0, r1 + 1, c1 + 1, vlines[c0][1], hlines[r0][1], vlines[c1 + 1][0], hlines[r1 + 1][0]))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    if len(cells) < MIN_ROWS * MIN_COLUMNS:
        return None
    return Table(left, top, right, bottom, rows, columns, tuple(cells))


@dataclass(frozen=True)
class CellText:
    cell: Cell
    text: str  # lines of the cell joined by a space
    words: tuple  # (text, left, top, width, height, confidence, mosaic line key), boxes in page pixels


def read_cells(image, tables: list[Table], lang: str, reader: Reader, dpi: float = 300.0) -> list[list[CellText]]:
    """Read every cell of ``tables`` from ``image`` (grey, rules removed): per table, its cells
    with ink, in reading order. Cells are read in ``lang``; those that read as numbers or codes
    (NUMBER_CELL) are read again with NUMBER_LANG and a digit/capital whitelist."""
    import numpy as np

    grey = np.asarray(image.convert("L"))
    slots = []  # (table index, cell, crop left, crop top, crop array)
    for t, table in enumerate(tables):
        for cell in table.cells:
            box = grey[cell.top + 1:cell.bottom - 1, cell.left + 1:cell.right - 1]
            ink = box < INK
            if not ink.any():
                continue
            ys, xs = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
            crop = box[ys[0]:ys[-1] + 1, xs[0]:xs[-1] + 1]
            slots.append((t, cell, cell.left + 1 + int(xs[0]), cell.top + 1 + int(ys[0]), crop))
    found = _read_slots(slots, range(len(slots)), lang, CELL_CONFIG, reader, dpi)
    unread = [i for i in range(len(slots)) if i not in found]
    if unread:
        found.update(_read_slots(slots, unread, lang, UNREAD_CONFIG, reader, dpi))
    numbers = _number_cells(slots, {i: " ".join(w[0] for w in words) for i, words in found.items()})
    if numbers and _has_language(NUMBER_LANG):
        for i, words in _read_slots(slots, numbers, NUMBER_LANG, NUMBER_CONFIG, reader, dpi).items():
            first = " ".join(w[0] for w in found[i])
            if BARE_NUMBER.fullmatch(first) and not BARE_NUMBER.fullmatch(" ".join(w[0] for w in words)):
                continue  # a clean number read as letters by the second pass (a lone 4 read "A")
            if len(words) == 1 and len(found[i]) == 1:
                words = [(_separator_back(words[0][0], found[i][0][0]),) + words[0][1:]]
            found[i] = words
    out: list[list[CellText]] = [[] for _ in tables]
    for i, (t, cell, *_rest) in enumerate(slots):
        words = found.get(i, [])
        if words:
            out[t].append(CellText(cell, " ".join(w[0] for w in words), tuple(words)))
    return out


def _read_slots(slots, indexes, lang: str, config: str, reader: Reader, dpi: float) -> dict[int, list]:
    """Words of the slots ``indexes``, read from mosaics of their crops stacked one under the
    other; word boxes in page pixels. A slot with no word read is left out."""
    import numpy as np
    from PIL import Image

    margin, gap = max(2, round(CELL_MARGIN * dpi)), max(4, round(CELL_GAP * dpi))
    indexes = list(indexes)
    found: dict[int, list] = {}
    start = 0
    while start < len(indexes):
        end, height = start, gap  # one mosaic: slots stacked until MOSAIC_HEIGHT
        while end < len(indexes) and (end == start or height + slots[indexes[end]][4].shape[0] + 2 * margin + gap
                                      <= MOSAIC_HEIGHT):
            height += slots[indexes[end]][4].shape[0] + 2 * margin + gap
            end += 1
        width = max(slots[i][4].shape[1] for i in indexes[start:end]) + 2 * margin + 2 * gap
        mosaic = np.full((height, width), 255, dtype=np.uint8)
        places = []  # (y0, y1, slot index)
        y = gap
        for i in indexes[start:end]:
            crop = slots[i][4]
            mosaic[y + margin:y + margin + crop.shape[0], gap + margin:gap + margin + crop.shape[1]] = crop
            places.append((y, y + crop.shape[0] + 2 * margin, i))
            y += crop.shape[0] + 2 * margin + gap
        data = reader(Image.fromarray(mosaic, mode="L"), lang, config)
        for k, word in enumerate(data["text"]):
            conf = float(data["conf"][k])
            if conf < 0 or not word.strip():
                continue
            wy = data["top"][k] + data["height"][k] / 2
            for y0, y1, i in places:
                if y0 - gap / 2 <= wy < y1 + gap / 2:
                    _, _, cx, cy, _ = slots[i]
                    found.setdefault(i, []).append(
                        (word.strip(), int(data["left"][k]) - gap - margin + cx, int(data["top"][k]) - y0 - margin + cy,
                         int(data["width"][k]), int(data["height"][k]), conf,
                         (int(data["block_num"][k]), int(data["par_num"][k]), int(data["line_num"][k]))))
                    break
        start = end
    return found


def _number_cells(slots, texts: dict[int, str]) -> list[int]:
    """Slots to read again as numbers: those whose first reading is NUMBER_CELL, and in a column
    where most cells are (NUMBER_COLUMN), also its short one-word cells the first reading garbled
    ("|" for 1, "MẠI" for M41: a column of point names or coordinates holds nothing else); not
    those with two lower-case letters in a row or an ASCII lower-case one (the heading "Mốc", the
    unit "Y(m)")."""
    numbers = {i for i, text in texts.items() if NUMBER_CELL.fullmatch(text)}
    columns: dict[tuple[int, int], list[int]] = {}
    for i, text in texts.items():
        t, cell = slots[i][:2]
        if cell.col_end - cell.col == 1:
            columns.setdefault((t, cell.col), []).append(i)
    for members in columns.values():
        if len(members) >= 3 and sum(i in numbers for i in members) >= NUMBER_COLUMN * len(members):
            numbers |= {i for i in members if len(texts[i]) <= 12 and " " not in texts[i]
                        and not re.search(r"[a-z]|[^\W\d_A-Z]{2}", texts[i])}
    return sorted(numbers)


def _separator_back(number: str, first: str) -> str:
    """The second reading ``number`` with the decimal or grouping separator of the first reading
    put back, when the second lost it: the whitelisted English pass drops the small comma of
    coordinates ("2458691,233" read "2458691233": 11 of the 14 number cells still wrong after
    that pass, `bench_real_ocr.py --cells`), the `vie` pass keeps it but misreads digits. The digits
    stay the second reading's; the separator goes after as many characters as it had before it."""
    if not number.isdigit():
        return number
    seps = [k for k, ch in enumerate(first) if ch in ",."]
    if len(seps) != 1 or not 0 < seps[0] < len(number):
        return number
    k = seps[0]
    return number[:k] + first[k] + number[k:]


@lru_cache(maxsize=4)
def _has_language(lang: str) -> bool:
    import pytesseract

    try:
        return lang in pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError):
        return False


def table_text(cells: list[CellText]) -> str:
    """A table's text: one line per grid row, the cells starting in it left to right."""
    lines: dict[int, list[str]] = {}
    for item in cells:
        lines.setdefault(item.cell.row, []).append(item.text)
    return "\n".join(" ".join(parts) for _, parts in sorted(lines.items()))
