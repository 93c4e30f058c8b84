"""Ruled tables read cell by cell (extract/ocr_tables.py): the grid found from the rules (merged
cells, faint rules, open sides, things that are not tables), reading order, which cells go to the
number pass and how its separator is put back; then a rendered table read by Tesseract, and a
real coordinate table (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnplan.ocr_tables import NUMBER_CELL, Cell, CellText, _number_cells, _separator_back, find_tables, table_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def render_table(rows: list[list[str]], widths: list[int], height: int = 70, origin=(200, 300),
                 merge: dict = None, rule: int = 3, ink: int = 0, frame: bool = True, size: int = 38,
                 page=(2480, 1400)):
    """A ruled table at 300 dpi on a white page (mode L). ``rows`` gives cell texts ("" for none);
    ``merge`` maps (row, col) to (rows, cols) spanned, the covered cells' texts are ignored;
    ``rule`` is the rule thickness in pixels, ``ink`` its grey; without ``frame`` the left and
    right outer rules are not drawn (an open-sided table)."""
    from PIL import Image, ImageDraw, ImageFont

    from vnplan.fonts import find_font

    merge = merge or {}
    image = Image.new("L", page, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(find_font(None), size)
    x0, y0 = origin
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [y0 + height * r for r in range(len(rows) + 1)]
    covered = set()
    for (r, c), (nr, nc) in merge.items():
        covered |= {(r + i, c + j) for i in range(nr) for j in range(nc)} - {(r, c)}
    # every cell's box, its rules drawn around it: merged cells have no rule inside
    for r in range(len(rows)):
        for c in range(len(widths)):
            if (r, c) in covered:
                continue
            nr, nc = merge.get((r, c), (1, 1))
            left, top, right, bottom = xs[c], ys[r], xs[c + nc], ys[r + nr]
            draw.line((left, top, right, top), fill=ink, width=rule)
            draw.line((left, bottom, right, bottom), fill=ink, width=rule)
            if frame or c > 0:
                draw.line((left, top, left, bottom), fill=ink, width=rule)
            if frame or c + nc < len(widths):
                draw.line((right, top, right, bottom), fill=ink, width=rule)
            text = rows[r][c]
            if text:
                w = draw.textlength(text, font=font)
                draw.text(((left + right - w) / 2, (top + bottom) / 2 - size * 0.6), text, font=font, fill=0)
    return image


COORDINATES = [
    ["Mốc", "X", "Y"],
    ["M1", "2498697,55", "407129,25"],
    ["M2", "2498688,9", "407135,43"],
    ["M3", "2498667,33", "407149,1"],
]


def test_grid_of_a_plain_table():
    image = render_table(COORDINATES, [300, 500, 500])
    (table,) = find_tables(image, 300)
    assert (table.rows, table.columns, len(table.cells)) == (4, 3, 12)
    # reading order: row by row, left to right
    assert [(c.row, c.col) for c in table.cells] == [(r, c) for r in range(4) for c in range(3)]
    # boxes lie inside the rules: the first cell starts just right of and below the frame
    first = table.cells[0]
    assert 200 < first.left < 210 and 300 < first.top < 310 and 490 < first.right < 500


def test_merged_header_and_spanning_column():
    """A header spanning the X and Y columns, and an area column spanning the body rows (as in the
    coordinate annexes: "Hệ tọa độ ..." over X and Y, "Diện tích" beside every row)."""
    rows = [["Tên điểm", "Hệ tọa độ", "", "Diện tích"],
            ["", "X", "Y", ""],
            ["M1", "2498697,55", "407129,25", "763.876,85"],
            ["M2", "2498688,9", "407135,43", ""],
            ["M3", "2498667,33", "407149,1", ""]]
    merge = {(0, 0): (2, 1), (0, 1): (1, 2), (0, 3): (2, 1), (2, 3): (3, 1)}
    (table,) = find_tables(render_table(rows, [260, 480, 480, 320], merge=merge), 300)
    spans = {(c.row, c.col): (c.row_end - c.row, c.col_end - c.col) for c in table.cells}
    assert spans == {(0, 0): (2, 1), (0, 1): (1, 2), (0, 3): (2, 1), (1, 1): (1, 1), (1, 2): (1, 1),
                     (2, 0): (1, 1), (2, 1): (1, 1), (2, 2): (1, 1), (2, 3): (3, 1),
                     (3, 0): (1, 1), (3, 1): (1, 1), (3, 2): (1, 1),
                     (4, 0): (1, 1), (4, 1): (1, 1), (4, 2): (1, 1)}


@pytest.mark.parametrize("rule, ink", [(1, 170), (1, 0), (2, 120), (5, 0)])
def test_thin_and_faint_rules_are_found(rule, ink):
    """0.5 pt rules anti-aliased to grey (lc-qd-2463's annex at 300 dpi: grey 150-190)."""
    (table,) = find_tables(render_table(COORDINATES, [300, 500, 500], rule=rule, ink=ink), 300)
    assert (table.rows, table.columns) == (4, 3)


def test_open_sided_table():
    (table,) = find_tables(render_table(COORDINATES, [300, 500, 500], frame=False), 300)
    assert (table.rows, table.columns) == (4, 3)
    assert table.cells[0].left <= 205 and table.cells[2].right >= 1495


def test_two_tables_on_one_page_stay_apart():
    from PIL import ImageChops

    top = render_table(COORDINATES, [300, 500, 500], origin=(200, 100))
    bottom = render_table(COORDINATES[:3], [300, 500, 500], origin=(200, 700))
    tables = find_tables(ImageChops.darker(top, bottom), 300)
    assert [(t.rows, t.top < 200) for t in tables] == [(4, True), (3, False)]


@pytest.mark.parametrize("angle, found", [(0.0, True), (0.1, True), (0.6, False), (-1.0, False)])
def test_skewed_table_is_left_to_the_page_layout(angle, found):
    """A scan turned by a fraction of a degree: its rules cover bands of pixel rows too wide for a
    grid that would not cut through the digits sitting on them."""
    from PIL import Image

    image = render_table(COORDINATES, [300, 500, 500]).rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    assert bool(find_tables(image, 300)) == found


def _page_with(draw_things):
    from PIL import Image, ImageDraw

    image = Image.new("L", (2480, 1400), 255)
    draw_things(ImageDraw.Draw(image))
    return image


NOT_TABLES = {
    # rules under a heading and a signature line: horizontal only
    "underlines": lambda d: (d.line((900, 300, 1500, 300), fill=0, width=3),
                             d.line((900, 600, 1500, 600), fill=0, width=3)),
    # one framed box (a title frame, a flow-chart box)
    "framed box": lambda d: d.rectangle((400, 300, 1600, 500), outline=0, width=3),
    # a frame with one row rule across and no column rule
    "two stacked boxes": lambda d: (d.rectangle((400, 300, 1600, 700), outline=0, width=3),
                                    d.line((400, 500, 1600, 500), fill=0, width=3)),
    # short strokes (letters, a dash) are no rules
    "short strokes": lambda d: [d.line((400 + 40 * k, 300, 400 + 40 * k, 360), fill=0, width=4) for k in range(20)],
}


@pytest.mark.parametrize("name", NOT_TABLES)
def test_not_a_table(name):
    assert find_tables(_page_with(NOT_TABLES[name]), 300) == []


@pytest.mark.parametrize("text, number", [
    ("2459290,032", True),
    ("415517,38", True),
    ("763.876,85", True),
    ("M17", True),
    ("BMK-3", True),
    ("56.5KW", True),
    ("MI", True),        # M1 misread by `vie`: a short run of capitals
    ("Mó8", True),       # M68 misread
    ("TT", True),
    ("cái", False),
    ("m2", False),       # a unit in lower case stays with `vie`
    ("Diện tích (m2)", False),
    ("Hệ tọa độ VN 2,000, kinh tuyến trục", False),
    ("ĐVT", False),      # Đ is not in the whitelist
    ("Máy ủi ≥ 108Cv", False),
])
def test_number_cell_pattern(text, number):
    assert bool(NUMBER_CELL.fullmatch(text)) == number


@pytest.mark.parametrize("second, first, expected", [
    ("2458691233", "2458691,233", "2458691,233"),   # the comma dropped, put back
    ("439848581", "439648,S56S]", "439848,581"),    # first reading's digits wrong: the second's kept
    ("38249428", "382494.28", "382494.28"),
    ("2459290,032", "2459290,032", "2459290,032"),  # nothing lost
    ("2459290032", "2.459.290,032", "2459290032"),  # two separators: no guess
    ("2459290032", "2459290032", "2459290032"),     # none in either reading
    ("123", "123456,7", "123"),                      # the separator would fall outside the number
    ("M17", "M1,7", "M17"),                          # not a bare number
])
def test_separator_back(second, first, expected):
    assert _separator_back(second, first) == expected


@pytest.mark.parametrize("column, expected", [
    # a column of point numbers: the garbled "|" (1) goes with them; the heading, a word of two
    # lower-case letters and a unit in lower case stay with `vie`
    (["Tên điểm", "77", "78", "|", "79", "80", "81", "82", "li", "Y(m)"], ["77", "78", "|", "79", "80", "81", "82"]),
    (["Mốc", "1", "2", "3", "Á"], ["1", "2", "3", "Á"]),
    (["M1", "M2", "MẠI", "Mó]", "M5"], ["M1", "M2", "MẠI", "Mó]", "M5"]),
    # a column of units: only the number-looking cell, the column is not a number column
    (["ĐVT", "cái", "cái", "xe", "03"], ["03"]),
    # too few cells to call it a column of numbers
    (["1", "|"], ["1"]),
])
def test_number_cells(column, expected):
    slots = [(0, Cell(r, 0, r + 1, 1, 0, 0, 1, 1), 0, 0, None) for r in range(len(column))]
    chosen = _number_cells(slots, dict(enumerate(column)))
    assert [column[i] for i in chosen] == expected


def test_table_text_is_row_by_row():
    def cell(row, col, row_end=None):
        return Cell(row, col, row_end or row + 1, col + 1, 0, 0, 1, 1)

    cells = [CellText(cell(0, 0), "Mốc", ()), CellText(cell(0, 1), "X", ()), CellText(cell(1, 0), "M1", ()),
             CellText(cell(1, 1), "2498697,55", ()), CellText(cell(1, 2, row_end=3), "763.876,85", ()),
             CellText(cell(2, 0), "M2", ())]
    assert table_text(cells) == "Mốc X\nM1 2498697,55 763.876,85\nM2"


def _tesseract(*langs):
    import pytesseract

    try:
        have = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError):
        pytest.skip("Tesseract is not installed")
    if not set(langs) <= set(have):
        pytest.skip(f"Tesseract has no {langs} data")


def test_rendered_table_read_cell_by_cell():
    """A rendered coordinate table with a text line above it: every cell comes back, row by
    row, the text above the table first; without the table pass the point names are not all
    read (the reason for it)."""
    from PIL import ImageDraw, ImageFont

    from vnplan.fonts import find_font
    from vnplan.ocr import OcrSettings, read_page_image, tesseract_reader

    _tesseract("vie", "eng")
    rows = [["Mốc", "X", "Y"]] + [[f"M{k}", f"24986{k:02d},{k * 7 % 100:02d}", f"4071{k:02d},{k * 3 % 10}"]
                                  for k in range(1, 9)]
    image = render_table(rows, [300, 500, 500], origin=(300, 400), page=(2480, 1200))
    ImageDraw.Draw(image).text((300, 250), "Bảng tọa độ các điểm mốc", font=ImageFont.truetype(find_font(None), 40),
                               fill=0)
    page = read_page_image(image, OcrSettings(), 300, "vie", tesseract_reader(120))
    lines = page.text.split("\n")
    assert page.tables == 1
    assert lines[0].startswith("Bảng tọa độ")
    body = [line for line in lines if line.startswith("M") and line != "Mốc X Y"]
    assert body == [" ".join(r) for r in rows[1:]]
    # every word is boxed on the page, inside the table for the table's words
    boxes = [w for w in page.words if w.text == "M8"]
    assert boxes and 300 < boxes[0].left < 600 and 400 + 8 * 70 < boxes[0].top < 400 + 9 * 70


@pytest.mark.slow
def test_real_coordinate_table():
    """lc-qd-2463 p11 (a 7-column coordinate annex, 0.5 pt rules): the point numbers 77-118 and
    200-241 are all read, and at least 95% of the coordinates are read exactly (text layer as
    reference)."""
    import re

    import pdfplumber
    import pypdfium2 as pdfium

    from vnplan.ocr import OcrSettings, read_page_image, tesseract_reader

    path = SHARED / "realdocs" / "lc-qd-2463.pdf"
    if not path.exists():
        pytest.skip(f"{path} not found")
    _tesseract("vie", "eng")
    pdf = pdfium.PdfDocument(str(path))
    try:
        image = pdf[10].render(scale=300 / 72).to_pil()
    finally:
        pdf.close()
    page = read_page_image(image, OcrSettings(), 300, "vie", tesseract_reader(300))
    with pdfplumber.open(path) as layer:
        reference = layer.pages[10].extract_text()
    words = page.text.split()
    assert {str(n) for n in [*range(77, 119), *range(200, 242)]} <= set(words)
    coordinates = re.findall(r"\b\d{6,7},\d+\b", reference)
    assert len(coordinates) > 150
    read = sum(c in words for c in coordinates)
    assert read >= 0.95 * len(coordinates)
