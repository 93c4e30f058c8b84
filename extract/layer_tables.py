"""Ruled tables of a PDF page's text layer, read cell by cell.

Owns finding the ruled tables of a born-digital page (from the rules it draws) and turning the
glyphs inside them into lines in a table's reading order: rows top to bottom, the cells of a row
left to right, a cell's own lines joined. Read line by line across the page, a row whose cells
wrap over several lines interleaves them ("Cấp Giấy phép vận chuyển hàng hóa Vận chuyển hàng /
nguy hiểm loại 1 ... 1.014967", lc-qd-1696's annex of administrative procedures), which breaks
the text and the entities of annex tables (a deadline, a responsible body or a target split over
cells).

The grid is pdfplumber's (`Page.find_tables`, explicit edges) built from the rules the page
*shows*: stroked lines and rectangles, and thin filled rectangles (Word draws table borders as
0.5 pt black fills: lc-gcn-banqua), in a visible colour. Word's white-filled rectangles behind
each line of justified paragraphs (lc-qd-1696, lc-qd-2463) are not rules: with them the whole
"Căn cứ" preamble would be a one-column table. A grid of fewer than two rows or two columns (a
frame, a box around a title) is not a table. Unruled layouts (the two-column header and foot of
Nghị định 30/2020/NĐ-CP) are extract/layout.py's.

Each cell comes out on lines of its own, the cells of a row one after another; a line the word
processor wrapped (the next line's first word would not have fit) is joined to the next by a
space, a line ended by hand stays a line. So a cell of running text is one line: a table cell
alone on its line is what the deadline finder reads as a schedule's column ("Quý II/2027" under
its task), and a cell's sentence no longer runs into the next cell; a cell of stacked short lines
(a ruled header: issuing body over its place) keeps them.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace

from vnplan.layout import Block, Glyph, Line, page_lines

# A colour at least this light (0 black, 1 white) draws nothing visible on white paper.
INVISIBLE = 0.9
# A filled rectangle at most this thick (points) is a rule.
RULE_THICKNESS = 3.0
MIN_ROWS = 2
MIN_COLUMNS = 2
# A glyph whose centre is within this distance (points) of a table's box belongs to it.
EDGE_TOLERANCE = 1.0
# pdfplumber's cell search grows faster than the square of the grid: a ruled 70 x 70 grid takes
# 1.2 s, 150 x 150 takes 48 s (measured on the shared machine). Real annex tables are far below
# this bound (lc-qd-2463: 44 rows x 8 rules); above it a page is a drawing (graph paper, a map),
# read line by line as before.
MAX_GRID_POINTS = 5000
# Word's and LibreOffice's default cell padding, left and right (0.075 inch, in points).
CELL_PADDING = 5.4
# A space is about this share of the font size wide (Times New Roman: 0.25 em).
SPACE_SHARE = 0.25
# Points of measuring slack when a next word is said not to fit on a line.
WRAP_SLACK = 1.0
# A glyph's cell is looked up among the cells crossing its horizontal band of the page (points),
# not among all of them: a 60 x 60 grid of digits is read in 0.13 s.
BAND = 10.0


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, x: float, y: float, tolerance: float = 0.0) -> bool:
        return self.x0 - tolerance <= x <= self.x1 + tolerance and self.top - tolerance <= y <= self.bottom + tolerance

    def distance(self, x: float, y: float) -> float:
        dx = max(self.x0 - x, 0.0, x - self.x1)
        dy = max(self.top - y, 0.0, y - self.bottom)
        return (dx * dx + dy * dy) ** 0.5


@dataclass(frozen=True)
class RuledTable:
    box: Box
    rows: tuple[tuple[Box, ...], ...]  # top to bottom; a row's cells left to right; a merged cell in its first row

    @property
    def cells(self) -> list[Box]:
        return [cell for row in self.rows for cell in row]


def luminance(colour) -> float:
    """0 (black) to 1 (white) of a pdfplumber colour (grey, RGB or CMYK); a pattern or an
    unknown space counts as visible."""
    if colour is None:
        return 0.0  # the PDF default: black
    if isinstance(colour, (int, float)):
        return float(colour)
    values = [v for v in colour if isinstance(v, (int, float))]
    if len(values) == 1:
        return float(values[0])
    if len(values) == 3:
        return sum(values) / 3
    if len(values) == 4:
        c, m, y, k = values
        return (1 - k) * (1 - max(c, m, y))
    return 0.0


def visible_rules(page) -> list[dict]:
    """The page's lines and rectangles that draw a rule: stroked in a visible colour, or a thin
    visible fill."""
    rules = [line for line in page.lines if luminance(line.get("stroking_color")) < INVISIBLE]
    for rect in page.rects:
        if rect.get("stroke") and luminance(rect.get("stroking_color")) < INVISIBLE:
            rules.append(rect)
        elif rect.get("fill") and luminance(rect.get("non_stroking_color")) < INVISIBLE and \
                min(rect["x1"] - rect["x0"], rect["bottom"] - rect["top"]) <= RULE_THICKNESS:
            rules.append(rect)
    return rules


def _grid_points(rules: list[dict]) -> int:
    """Distinct rule rows times distinct rule columns (whole points): the size of the grid."""
    rows, columns = set(), set()
    for r in rules:
        if r["bottom"] - r["top"] <= RULE_THICKNESS:
            rows.add(round(r["top"]))
        elif r["x1"] - r["x0"] <= RULE_THICKNESS:
            columns.add(round(r["x0"]))
        else:  # a stroked rectangle: four rules
            rows.update((round(r["top"]), round(r["bottom"])))
            columns.update((round(r["x0"]), round(r["x1"])))
    return len(rows) * len(columns)


def find_ruled_tables(page) -> list[RuledTable]:
    """The ruled tables of a pdfplumber page, top to bottom."""
    rules = visible_rules(page)
    if len(rules) < 2 or _grid_points(rules) > MAX_GRID_POINTS:
        return []
    settings = {"vertical_strategy": "explicit", "horizontal_strategy": "explicit",
                "explicit_vertical_lines": rules, "explicit_horizontal_lines": rules}
    try:
        found = page.find_tables(settings)
    except Exception:  # noqa: BLE001 - fewer than two edges of one orientation, odd geometry:
        # reading a table cell by cell betters a page's order; failing must not cost the page its layer
        return []
    tables = []
    for table in found:
        rows = tuple(tuple(Box(*cell) for cell in row.cells if cell is not None) for row in table.rows)
        rows = tuple(row for row in rows if row)
        columns = len({round(cell.x0) for row in rows for cell in row})
        if len(rows) < MIN_ROWS or columns < MIN_COLUMNS:
            continue
        tables.append(RuledTable(Box(*table.bbox), rows))
    return sorted(tables, key=lambda t: t.box.top)


def _cut_in_a_word(a: Line, b: Line) -> bool:
    """A line that ends in a hyphen or slash glued to its word was cut inside a code or a
    compound ("105/2025/NĐ-" / "CP", "15/" / "2026/TT-BCT"): joined without a space. Vietnamese
    does not hyphenate syllables at a line's end, so such a hyphen was typed."""
    text = a.text.rstrip()
    return len(text) >= 2 and text[-1] in "-/" and not text[-2].isspace() and b.text[:1].isalnum()


def _first_word_width(line: Line) -> float:
    ink = []
    for g in line.glyphs:
        if g.is_space:
            break
        ink.append(g)
    return ink[-1].x1 - ink[0].x0 if ink else 0.0


def _wrapped(a: Line, b: Line, right: float) -> bool:
    """`b`'s first word would not have fit at the end of `a`: the word processor wrapped the line
    there. A line that ends before it had to was ended by hand (an issuing body over its place
    in a ruled header: "ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI") and stays a line."""
    size = statistics.median(g.size for g in a.glyphs if not g.is_space)
    return a.x1 + SPACE_SHARE * size + _first_word_width(b) > right - WRAP_SLACK


def cell_lines(glyphs: list[Glyph], box: Box) -> list[Line]:
    """A cell's text: its lines top to bottom, a line wrapped into the next joined to it by a
    space (one line per paragraph of the cell)."""
    lines = page_lines(glyphs)
    if not lines:
        return []
    # the text's right limit: the cell's right side less the padding seen on its left (a centred
    # cell shows more than its padding: at most CELL_PADDING counts)
    padding = min(CELL_PADDING, max(0.0, min(line.x0 for line in lines) - box.x0))
    right = box.x1 - padding
    out = [Line(list(lines[0].glyphs), list(lines[0].blanks))]
    for prev, line in zip(lines, lines[1:]):
        glued = _cut_in_a_word(prev, line)
        if not glued and not _wrapped(prev, line, right):
            out.append(Line(list(line.glyphs), list(line.blanks)))
            continue
        last = out[-1]
        if not glued:
            g = last.glyphs[-1]
            last.glyphs.append(replace(g, text=" ", x0=g.x1, x1=g.x1, stamp=False, raised=False))
        last.glyphs.extend(line.glyphs)
        last.blanks.extend(line.blanks)
    return out


def _bands(cells: list[Box]) -> dict[int, list[int]]:
    bands: dict[int, list[int]] = {}
    for k, cell in enumerate(cells):
        for band in range(int(cell.top // BAND), int(cell.bottom // BAND) + 1):
            bands.setdefault(band, []).append(k)
    return bands


def _home(cells: list[Box], bands: dict[int, list[int]], x: float, y: float) -> int:
    """The cell holding (x, y); on a rule or in a gap pdfplumber left between cells, the nearest."""
    near = bands.get(int(y // BAND), [])
    home = next((k for k in near if cells[k].holds(x, y)), None)
    if home is None:
        home = min(near or range(len(cells)), key=lambda k: cells[k].distance(x, y))
    return home


def read_tables(glyphs: list[Glyph], tables: list[RuledTable]) -> tuple[list[Glyph], list[Block]]:
    """(the glyphs outside every table, one block of lines per table with text)."""
    cells = [t.cells for t in tables]
    bands = [_bands(c) for c in cells]
    inside: list[list[list[Glyph]]] = [[[] for _ in c] for c in cells]
    rest: list[Glyph] = []
    for g in glyphs:
        x, y = (g.x0 + g.x1) / 2, g.cy
        t = next((k for k, table in enumerate(tables) if table.box.holds(x, y, EDGE_TOLERANCE)), None)
        if t is None:
            rest.append(g)
        else:
            inside[t][_home(cells[t], bands[t], x, y)].append(g)
    blocks = []
    for table, cell_glyphs in zip(tables, inside):
        lines = [line for cell, gs in zip(table.cells, cell_glyphs) for line in cell_lines(gs, cell)]
        if lines:
            blocks.append(Block(table.box.top, lines))
    return rest, blocks
