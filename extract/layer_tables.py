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

Each cell comes out as one line (its wrapped lines joined by a space), the cells of a row one
after another: a table cell alone on its line is what the deadline finder reads as a schedule's
column ("Quý II/2027" under its task), and a cell's sentence no longer runs into the next cell.
"""

from __future__ import annotations

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


def cell_line(glyphs: list[Glyph]) -> Line | None:
    """A cell's text as one line: its lines top to bottom, joined by a space."""
    lines = page_lines(glyphs)
    if not lines:
        return None
    joined = list(lines[0].glyphs)
    blanks = list(lines[0].blanks)
    for prev, line in zip(lines, lines[1:]):
        if not _cut_in_a_word(prev, line):
            last = joined[-1]
            joined.append(replace(last, text=" ", x0=last.x1, x1=last.x1, stamp=False, raised=False))
        joined.extend(line.glyphs)
        blanks.extend(line.blanks)
    return Line(joined, blanks)


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
        lines = [line for line in (cell_line(gs) for gs in cell_glyphs) if line is not None]
        if lines:
            blocks.append(Block(table.box.top, lines))
    return rest, blocks
