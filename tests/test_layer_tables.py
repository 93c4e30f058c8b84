"""Ruled tables of a text layer read cell by cell (extract.layer_tables).

Small PDFs drawn with reportlab, with the tables of Vietnamese annexes (administrative procedures
as in lc-qd-1696, schedules of tasks as plans annex them): rules as stroked lines or as Word's
thin black fills, cells that wrap over several lines, a cell merged over two rows. Negative cases:
Word's white rectangles behind justified lines, a single frame, a grid too large to be a table.
The real annex pages of ../shared/realdocs when present (slow: pdfminer reads the page).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vnplan.layer_tables import MAX_GRID_POINTS, Box, _grid_points, cell_lines, find_ruled_tables, visible_rules
from vnplan.layout import Glyph
from vnplan.pdflayer import triage

from docs import dejavu_canvas


REALDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs"



def _rule(c, x0, y0, x1, y1, style):
    if style == "lines":
        c.line(x0, y0, x1, y1)
    else:  # Word's table borders: thin black filled rectangles
        c.setFillGray(0)
        c.rect(x0, y0, max(x1 - x0, 0.5), max(y1 - y0, 0.5), fill=1, stroke=0)


def _width(text: str) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, "DejaVu", 10)


def _columns(x0: float, cells) -> list[float]:
    """Column rules as a word processor sets them for this text: each column as wide as its
    widest line plus 3 points of padding on each side and 2 of slack, so that every line that
    goes on in the next line of its cell was wrapped there."""
    widths: dict[int, float] = {}
    for _, col, lines in cells:
        widths[col] = max([widths.get(col, 0.0)] + [_width(line) for line in lines])
    xs = [x0]
    for col in sorted(widths):
        xs.append(xs[-1] + widths[col] + 8)
    return xs


def _table(c, xs, ys, cells, merged=(), style="lines"):
    """A ruled grid: column rules at `xs` (left to right), row rules at `ys` (top to bottom, PDF
    y). `merged`: (row, column) pairs whose cell continues into the next row (no rule under it).
    `cells`: (row, column, [lines]) written from the cell's top-left corner."""
    for j, y in enumerate(ys):
        for i in range(len(xs) - 1):
            if (j - 1, i) not in merged:
                _rule(c, xs[i], y, xs[i + 1], y, style)
    for x in xs:
        _rule(c, x, ys[-1], x, ys[0], style)
    for row, col, lines in cells:
        for k, text in enumerate(lines):
            c.drawString(xs[col] + 3, ys[row] - 12 * (k + 1), text)


PROCEDURES = [  # lc-qd-1696's annex: a task, its legal basis (merged over two rows), procedures and codes
    (0, 0, ["STT"]), (0, 1, ["Nội dung nhiệm vụ"]), (0, 2, ["Căn cứ pháp lý"]), (0, 3, ["Tên TTHC"]), (0, 4, ["Mã TTHC"]),
    (1, 0, ["1"]), (1, 1, ["Cấp, cấp lại giấy phép vận", "chuyển hàng hóa nguy hiểm", "loại 1, 2, 3, 4, 9"]),
    (1, 2, ["Khoản 2 Điều 3", "Thông tư số", "15/2026/TT-BCT"]),
    (1, 3, ["Cấp Giấy phép vận chuyển", "hàng hóa nguy hiểm"]), (1, 4, ["1.014967"]),
    (2, 0, ["2"]), (2, 1, ["Cấp lại giấy phép vận", "chuyển hàng hóa nguy hiểm"]),
    (2, 3, ["Cấp lại Giấy phép vận", "chuyển hàng hóa nguy hiểm"]), (2, 4, ["1.014969"]),
]
PROCEDURES_READ = [
    "Phụ lục: danh mục thủ tục hành chính được ủy quyền",
    "STT", "Nội dung nhiệm vụ", "Căn cứ pháp lý", "Tên TTHC", "Mã TTHC",
    "1", "Cấp, cấp lại giấy phép vận chuyển hàng hóa nguy hiểm loại 1, 2, 3, 4, 9",
    "Khoản 2 Điều 3 Thông tư số 15/2026/TT-BCT", "Cấp Giấy phép vận chuyển hàng hóa nguy hiểm", "1.014967",
    "2", "Cấp lại giấy phép vận chuyển hàng hóa nguy hiểm", "Cấp lại Giấy phép vận chuyển hàng hóa nguy hiểm", "1.014969",
    "Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này.",
]


def _procedures_pdf(path: Path, style: str) -> Path:
    c = dejavu_canvas(path, 10)
    c.drawString(60, 790, "Phụ lục: danh mục thủ tục hành chính được ủy quyền")
    # row 1's legal basis runs on into row 2: no rule under it
    _table(c, _columns(50, PROCEDURES), [770, 750, 700, 670], PROCEDURES, merged={(1, 2)}, style=style)
    c.drawString(60, 640, "Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này.")
    c.save()
    return path


@pytest.mark.parametrize("style", ["lines", "thin_fills"])
def test_cells_read_one_by_one_row_by_row(tmp_path, style):
    """Each cell on its own line, its wrapped lines joined; a merged cell in its first row; the
    text around the table where it stands."""
    text = triage(_procedures_pdf(tmp_path / "procedures.pdf", style))[0].text
    assert text.split("\n") == PROCEDURES_READ


def test_line_by_line_reading_interleaved_the_cells(tmp_path):
    """Without the rules, the same glyphs are read across the row, as before this module: the
    contrast the table reading removes."""
    c = dejavu_canvas(tmp_path / "unruled.pdf", 10)
    for row, col, lines in PROCEDURES:
        for k, line in enumerate(lines):
            c.drawString(_columns(50, PROCEDURES)[col] + 3, [770, 750, 700][row] - 12 * (k + 1), line)
    c.save()
    lines = triage(tmp_path / "unruled.pdf")[0].text.split("\n")
    assert "Cấp, cấp lại giấy phép vận chuyển hàng hóa nguy hiểm loại 1, 2, 3, 4, 9" not in lines
    assert any("Cấp, cấp lại giấy phép vận" in line and "Khoản 2 Điều 3" in line for line in lines)


SCHEDULE = [  # a plan's annex: task, lead body, deadline (wrapped in one row)
    (0, 0, ["TT"]), (0, 1, ["Nhiệm vụ"]), (0, 2, ["Cơ quan chủ trì"]), (0, 3, ["Thời gian hoàn thành"]),
    (1, 0, ["1"]), (1, 1, ["Rà soát danh mục cơ sở sản xuất,", "kinh doanh hóa chất"]), (1, 2, ["UBND các xã, phường"]),
    (1, 3, ["Năm 2026"]),
    (2, 0, ["2"]), (2, 1, ["Tập huấn phòng ngừa, ứng phó", "sự cố hóa chất"]), (2, 2, ["Sở Công Thương"]),
    (2, 3, ["Quý III/2026"]),
    (3, 0, ["3"]), (3, 1, ["Tổng kết, báo cáo UBND tỉnh"]), (3, 2, ["Sở Công Thương"]), (3, 3, ["Trước ngày", "15/12/2026"]),
]


def test_schedule_deadlines_from_cells(tmp_path):
    """A deadline cell reads alone on its line, whole: what the deadline finder takes as a
    schedule's column (issue 10), with the row's task cell before it."""
    from vnplan.deadlines import find_deadlines

    c = dejavu_canvas(tmp_path / "schedule.pdf", 10)
    c.drawString(60, 790, "PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ")
    _table(c, _columns(50, SCHEDULE), [770, 750, 715, 680, 655], SCHEDULE)
    c.save()
    text = triage(tmp_path / "schedule.pdf")[0].text
    lines = text.split("\n")
    assert lines[lines.index("3") + 1:lines.index("3") + 4] == [
        "Tổng kết, báo cáo UBND tỉnh", "Sở Công Thương", "Trước ngày 15/12/2026"]
    deadlines, _ = find_deadlines(text)
    assert {d.date for d in deadlines} == {"2026", "2026-Q3", "2026-12-15"}


HEADER = [
    (60, 800, "ỦY BAN NHÂN DÂN"), (300, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (70, 786, "TỈNH LÀO CAI"), (330, 786, "Độc lập - Tự do - Hạnh phúc"),
]


def test_header_above_a_table_still_read_by_column(tmp_path):
    c = dejavu_canvas(tmp_path / "header_table.pdf", 10)
    for x, y, line in HEADER:
        c.drawString(x, y, line)
    _table(c, _columns(50, SCHEDULE), [770, 750, 715, 680, 655], SCHEDULE)
    c.save()
    lines = triage(tmp_path / "header_table.pdf")[0].text.split("\n")
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "TT", "Nhiệm vụ"]


def test_rows_under_a_table_at_the_page_top_are_not_a_header(tmp_path):
    """A table continued from the page before opens the page; the two-part rows under it are
    body rows, not the two-column header of Nghị định 30/2020 (read column by column)."""
    c = dejavu_canvas(tmp_path / "continued.pdf", 10)
    _table(c, _columns(50, SCHEDULE), [800, 780, 745, 710, 685], SCHEDULE)
    c.drawString(60, 660, "Diện tích khu A"), c.drawString(400, 660, "12,5 ha")
    c.drawString(60, 646, "Diện tích khu B"), c.drawString(400, 646, "8,0 ha")
    c.save()
    lines = triage(tmp_path / "continued.pdf")[0].text.split("\n")
    assert lines[-2:] == ["Diện tích khu A 12,5 ha", "Diện tích khu B 8,0 ha"]


def test_ruled_header_keeps_its_stacked_lines(tmp_path):
    """A header drawn as a ruled table (issuing body | motto; number | place and date), its lines
    centred and ended by hand: each stays a line, rows read in order."""
    c = dejavu_canvas(tmp_path / "ruled_header.pdf", 10)
    _table(c, [50, 250, 545], [810, 770, 745], [])
    for x, lines in ((150, ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]),
                     (397, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])):
        for k, line in enumerate(lines):
            c.drawCentredString(x, 796 - 13 * k, line)
    c.drawCentredString(150, 754, "Số: 12/KH-UBND"), c.drawCentredString(397, 754, "Lào Cai, ngày 3 tháng 4 năm 2026")
    c.save()
    assert triage(tmp_path / "ruled_header.pdf")[0].text.split("\n") == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-UBND", "Lào Cai, ngày 3 tháng 4 năm 2026"]


PARAGRAPH = [
    "Căn cứ Nghị định số 34/2024/NĐ-CP ngày 31/3/2024 của Chính phủ quy định",
    "Danh mục hàng hóa nguy hiểm, vận chuyển hàng hóa nguy hiểm bằng phương tiện",
    "giao thông cơ giới đường bộ và phương tiện thủy nội địa;",
]


@pytest.mark.parametrize("frame", ["white_line_fills", "one_frame"])
def test_what_is_not_a_table_reads_as_before(tmp_path, frame):
    """Word's white rectangles behind each justified line (lc-qd-1696, lc-qd-2463) and a single
    frame around a paragraph are no table: the paragraph reads line by line."""
    c = dejavu_canvas(tmp_path / "paragraph.pdf", 10)
    if frame == "white_line_fills":
        c.setFillGray(1)
        for k in range(len(PARAGRAPH)):
            c.rect(50, 783 - 16 * k, 490, 16, fill=1, stroke=0)
        c.setFillGray(0)
    else:
        c.rect(50, 745, 490, 55, fill=0, stroke=1)
    for k, line in enumerate(PARAGRAPH):
        c.drawString(60, 786 - 16 * k, line)
    c.save()
    import pdfplumber

    with pdfplumber.open(tmp_path / "paragraph.pdf") as pdf:
        assert find_ruled_tables(pdf.pages[0]) == []
    assert triage(tmp_path / "paragraph.pdf")[0].text.split("\n") == PARAGRAPH


def test_a_grid_too_large_is_a_drawing(tmp_path):
    """Graph paper: more rule crossings than MAX_GRID_POINTS, not searched for cells (pdfplumber's
    search would take minutes)."""
    import pdfplumber
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "grid.pdf"), pagesize=(600, 600))
    for k in range(81):
        c.line(20, 20 + 7 * k, 580, 20 + 7 * k)
        c.line(20 + 7 * k, 20, 20 + 7 * k, 580)
    c.save()
    with pdfplumber.open(tmp_path / "grid.pdf") as pdf:
        page = pdf.pages[0]
        assert _grid_points(visible_rules(page)) > MAX_GRID_POINTS
        assert find_ruled_tables(page) == []


def _words(*lines: str, size: float = 10.0) -> list[Glyph]:
    """One glyph per word, lines 12 points apart, from x = 0."""
    out = []
    for k, line in enumerate(lines):
        x = 0.0
        for word in line.split(" "):
            width = 0.5 * size * len(word)
            out.append(Glyph(word, x, x + width, 12.0 * k, 12.0 * k + size, size))
            x += width + 0.3 * size
    return out


NARROW, WIDE = "narrow", "wide"  # a cell as wide as its widest line (every next word wrapped) | 500 points


@pytest.mark.parametrize(
    "lines, cell, expected",
    [
        # a code cut at its hyphen is one code again (lc-qd-1696: "105/2025/NĐ-" / "CP")
        (["Điều 44 Nghị định số 105/2025/NĐ-", "CP của Chính phủ"], NARROW,
         ["Điều 44 Nghị định số 105/2025/NĐ-CP của Chính phủ"]),
        (["Thông tư số 15/", "2026/TT-BCT"], NARROW, ["Thông tư số 15/2026/TT-BCT"]),
        # a dash standing alone, between two names, keeps its spaces
        (["Sở Công Thương -", "Sở Tài chính"], NARROW, ["Sở Công Thương - Sở Tài chính"]),
        # a wrapped line: joined by a space
        (["Vận chuyển hàng", "hóa nguy hiểm"], NARROW, ["Vận chuyển hàng hóa nguy hiểm"]),
        # lines ended by hand, where the next word would have fit: kept (a ruled header; a list in
        # a cell, lc-qd-2463's "Chi tiết:" / "- Mua, bán nhà ...")
        (["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], WIDE, ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]),
        (["Chi tiết:", "- Mua, bán nhà", "- Cho thuê nhà"], WIDE, ["Chi tiết:", "- Mua, bán nhà", "- Cho thuê nhà"]),
        (["1.014967"], NARROW, ["1.014967"]),
    ],
)
def test_cell_lines(lines, cell, expected):
    glyphs = _words(*lines)
    right = max(g.x1 for g in glyphs) + 2 if cell == NARROW else 500.0
    assert [line.text for line in cell_lines(glyphs, Box(0, 0, right, 12.0 * len(lines)))] == expected


def test_empty_cell_has_no_line():
    assert cell_lines([], Box(0, 0, 100, 20)) == []


def _real(name: str) -> Path:
    path = REALDOCS / f"{name}.pdf"
    if not path.exists():
        pytest.skip("../shared/realdocs is not here")
    return path


def test_real_white_line_fills_are_not_tables():
    """lc-qd-1696 pages 1-2: white rectangles behind the preamble's lines; page 3: the annex grid."""
    import pdfplumber

    with pdfplumber.open(_real("lc-qd-1696")) as pdf:
        found = [len(find_ruled_tables(page)) for page in pdf.pages]
    assert found == [0, 0, 1]


@pytest.mark.slow
def test_real_procedure_annex_read_cell_by_cell():
    """lc-qd-1696 p3, read on the page: the task, its legal basis, then each procedure's name,
    field and code."""
    lines = triage(_real("lc-qd-1696"), pages={3})[0].text.split("\n")
    code = lines.index("1.014967")
    assert lines[code - 2:code] == [
        "Cấp Giấy phép vận chuyển hàng hóa nguy hiểm loại 1 (trừ vật liệu nổ công nghiệp, tiền chất thuốc nổ), 2, 3, 4, 9",
        "Vận chuyển hàng hóa nguy hiểm"]
    assert lines[code - 3] == "Khoản 2 Điều 3 Thông tư số 15/2026/TT-BCT ngày 25/3/2026 của Bộ Công Thương"
    assert lines[code - 4].startswith("Cấp, cấp điều chỉnh, cấp lại, thu hồi giấy phép vận chuyển hàng hóa nguy")
    assert "Điều 44 Nghị định số 105/2025/NĐ-CP của Chính phủ" in lines[code - 4]
    assert lines[:2] == ["PHỤ LỤC:", "DANH MỤC NHIỆM VỤ QUYỀN HẠN TRONG LĨNH VỰC AN TOÀN VỆ SINH LAO ĐỘNG;"]


@pytest.mark.slow
def test_real_coordinate_table_reads_point_by_point():
    """lc-gcn-banqua p5 (Word borders as thin fills): each boundary point, then its X and Y."""
    lines = triage(_real("lc-gcn-banqua"), pages={5})[0].text.split("\n")
    m1 = lines.index("M1")
    assert lines[m1:m1 + 6] == ["M1", "2498697,55", "407129,25", "763.876,85", "M2", "2498688,9"]


def test_glyphs_go_to_their_cells_and_outside_glyphs_stay_out():
    """Two rows of two cells with a gap between the columns (as pdfplumber may leave at a thick
    rule): a glyph centred in the gap goes to the nearest cell; a glyph beside the table stays in
    the page's flow; empty cells give no line."""
    from vnplan.layer_tables import Box, RuledTable, read_tables

    table = RuledTable(Box(0, 0, 200, 40), ((Box(0, 0, 98, 20), Box(102, 0, 200, 20)),
                                            (Box(0, 20, 98, 40), Box(102, 20, 200, 40))))
    glyphs = [Glyph("B", 110, 116, 24, 34, 10), Glyph("A", 10, 16, 4, 14, 10),
              Glyph("C", 96.5, 102.5, 4, 14, 10),  # centre 99.5: in the gap, nearer the left cell
              Glyph("D", 10, 16, 24, 34, 10), Glyph("x", 300, 306, 4, 14, 10)]
    rest, blocks = read_tables(glyphs, [table])
    assert [g.text for g in rest] == ["x"]
    assert [line.text for line in blocks[0].lines] == ["A C", "D", "B"]


def test_a_failing_table_search_leaves_the_layer(tmp_path, monkeypatch):
    """Reading cells betters a page's order; if pdfplumber's search fails on odd geometry the page
    is read line by line and keeps its layer (never sent to OCR for it)."""
    import pdfplumber.page

    def broken(self, settings=None):
        raise ZeroDivisionError("odd geometry")

    path = _procedures_pdf(tmp_path / "procedures.pdf", "lines")
    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", broken)
    page = triage(path)[0]
    assert page.method == "text_layer"
    assert page.text.split("\n")[0] == PROCEDURES_READ[0] and "1.014967" in page.text
