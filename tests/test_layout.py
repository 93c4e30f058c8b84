"""Reading order from positions (extract.layout): lines, e-office stamps, two-column header and foot.

Small PDFs made with reportlab, laid out as Nghị định 30/2020/NĐ-CP lays out an administrative
document (issuing body | national motto; number | place and date; Nơi nhận | signature), and the
real e-office PDFs of ../shared/realdocs when present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vnplan.layout import Glyph, order_lines
from vnplan.pdflayer import triage

from docs import dejavu_canvas


REALDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs"



def _draw(c, rows: list[tuple[float, float, str]]) -> None:
    """x None: centred on the page, as a title is."""
    for x, y, text in rows:
        if x is None:
            c.drawCentredString(297.6, y, text)
        else:
            c.drawString(x, y, text)


HEADER = [
    (60, 780, "ỦY BAN NHÂN DÂN"), (300, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (70, 764, "TỈNH LÀO CAI"), (330, 764, "Độc lập - Tự do - Hạnh phúc"),
    (60, 740, "Số: 12/KH-UBND"), (320, 740, "Lào Cai, ngày 3 tháng 4 năm 2026"),
    (62, 726, "V/v triển khai chuyển đổi số"),
    (None, 700, "KẾ HOẠCH"),
    (None, 684, "Kính gửi: Các sở, ban, ngành tỉnh"),
    (60, 664, "Triển khai thực hiện chương trình chuyển đổi số trên địa bàn tỉnh Lào Cai năm 2026"),
    (60, 648, "các sở, ban, ngành và Ủy ban nhân dân các xã, phường thực hiện."),
]
FOOT = [
    (60, 600, "Nơi nhận:"), (340, 600, "TM. ỦY BAN NHÂN DÂN"),
    (60, 586, "- Như trên;"), (360, 586, "CHỦ TỊCH"),
    (60, 572, "- Chi nhánh mỏ tuyển đồng Sin Quyền, Lào Cai - Vimico;"),
    (60, 558, "- Lưu: VT."),
    (350, 520, "Nguyễn Văn An"),
]


def test_header_and_foot_read_column_by_column_body_in_order(tmp_path):
    c = dejavu_canvas(tmp_path / "two_columns.pdf", 12)
    _draw(c, HEADER + FOOT)
    c.save()
    lines = triage(tmp_path / "two_columns.pdf")[0].text.split("\n")
    assert lines == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 12/KH-UBND", "V/v triển khai chuyển đổi số",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 3 tháng 4 năm 2026",
        "KẾ HOẠCH", "Kính gửi: Các sở, ban, ngành tỉnh",
        "Triển khai thực hiện chương trình chuyển đổi số trên địa bàn tỉnh Lào Cai năm 2026",
        "các sở, ban, ngành và Ủy ban nhân dân các xã, phường thực hiện.",
        "Nơi nhận:", "- Như trên;", "- Chi nhánh mỏ tuyển đồng Sin Quyền, Lào Cai - Vimico;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An",
    ]


def test_content_stream_order_does_not_matter(tmp_path):
    """The same page drawn bottom to top, right column first, reads the same."""
    c = dejavu_canvas(tmp_path / "reversed.pdf", 12)
    _draw(c, list(reversed(HEADER + FOOT)))
    c.save()
    c2 = dejavu_canvas(tmp_path / "forward.pdf", 12)
    _draw(c2, HEADER + FOOT)
    c2.save()
    assert triage(tmp_path / "reversed.pdf")[0].text == triage(tmp_path / "forward.pdf")[0].text


def test_a_two_column_row_in_the_body_keeps_row_order(tmp_path):
    """Only the header (first lines) and the foot (from "Nơi nhận") are read by column: a table
    row in the body stays a row."""
    c = dejavu_canvas(tmp_path / "table.pdf", 12)
    _draw(c, [
        (60, 780, "Kinh phí thực hiện kế hoạch được bố trí như sau đây cho các đơn vị:"),
        (60, 760, "Vốn ngân sách tỉnh trong năm"), (400, 760, "1.200 triệu đồng"),
        (60, 744, "Vốn ngân sách xã trong năm"), (400, 744, "300 triệu đồng"),
        (60, 728, "Các đơn vị chủ động bố trí thêm nguồn vốn hợp pháp khác để thực hiện."),
    ])
    c.save()
    assert triage(tmp_path / "table.pdf")[0].text.split("\n") == [
        "Kinh phí thực hiện kế hoạch được bố trí như sau đây cho các đơn vị:",
        "Vốn ngân sách tỉnh trong năm 1.200 triệu đồng",
        "Vốn ngân sách xã trong năm 300 triệu đồng",
        "Các đơn vị chủ động bố trí thêm nguồn vốn hợp pháp khác để thực hiện.",
    ]


def test_stamped_form_field_is_read_where_it_sits(tmp_path):
    """An e-office number stamped as a form field over the blank the draft left."""
    c = dejavu_canvas(tmp_path / "stamp.pdf", 12)
    _draw(c, [(60, 760, "Số:           /UBND-XD"), (300, 760, "Lào Cai, ngày 11 tháng 5 năm 2026"),
              (60, 720, "Ủy ban nhân dân tỉnh Lào Cai nhận được phản ánh của các doanh nghiệp.")])
    c.acroForm.textfield(name="so", value="3686", x=85, y=755, width=40, height=16, borderWidth=0,
                         fontName="Helvetica", fontSize=12, fillColor=None, borderColor=None)
    c.save()
    lines = triage(tmp_path / "stamp.pdf")[0].text.split("\n")
    assert lines[:2] == ["Số: 3686/UBND-XD", "Lào Cai, ngày 11 tháng 5 năm 2026"]


def test_without_the_stamp_the_blank_stays_blank(tmp_path):
    c = dejavu_canvas(tmp_path / "draft.pdf", 12)
    _draw(c, [(60, 760, "Số:           /UBND-XD"), (300, 760, "Lào Cai, ngày      tháng 5 năm 2026")])
    c.save()
    assert triage(tmp_path / "draft.pdf")[0].text.split("\n") == ["Số: /UBND-XD", "Lào Cai, ngày tháng 5 năm 2026"]


def _g(text, x0, top=100.0, size=12.0, stamp=False):
    width = 0.5 * size * len(text)
    return Glyph(text, x0, x0 + width, top, top + size, size, stamp=stamp)


@pytest.mark.parametrize(
    "glyphs, expected",
    [
        # a stamped day between "ngày" and "tháng", a little raised: a word of its own
        ([_g("ngày", 10), _g("15", 36, top=97, stamp=True), _g("tháng", 60), _g("5", 96)], "ngày 15 tháng 5"),
        # a stamped month printed over the drafted one replaces it (lc-qd-1696: "5" over "4")
        ([_g("tháng", 10), _g("4", 50), _g("5", 50.5, top=96, stamp=True), _g("năm", 62)], "tháng 5 năm"),
        # a stamped number is joined to the symbol that follows it
        ([_g("Số:", 10), _g("1696", 40, stamp=True), _g("/QĐ-UBND", 66)], "Số: 1696/QĐ-UBND"),
        # digits set over the blanks of the drafted line, in the page's own stream (lc-pc-466)
        ([_g("Số:", 10), _g(" ", 28), _g(" ", 34), _g(" ", 40), _g(" ", 46), _g("4", 30), _g("6", 36), _g("6", 42),
          _g("/PC-VPUBND", 52)], "Số: 466/PC-VPUBND"),
        # a footnote mark is set apart from the code it follows, the code is untouched
        ([_g("105/2025/NĐ-CP", 10), _g("2", 94, top=99, size=7)], "105/2025/NĐ-CP 2"),
        # glyphs of one word, given in any order, with no gap: one word
        ([_g("g", 16), _g("n", 10), _g("à", 22), _g("y", 28)], "ngày"),
    ],
)
def test_line_assembly(glyphs, expected):
    assert [line.text for line in order_lines(glyphs)] == [expected]


E_OFFICE = {  # number line and date line as the page shows them (SOURCES.md, read on the page)
    "lc-cv-3686": ("Số: 3686/UBND-XD", "Lào Cai, ngày 11 tháng 5 năm 2026"),
    "lc-qd-1696": ("Số: 1696/QĐ-UBND", "Lào Cai, ngày 15 tháng 5 năm 2026"),
    "lc-qd-2463": ("Số: 2463/QĐ - UBND", "Lào Cai, ngày 16 tháng 7 năm 2026"),
    "lc-cv-6791": ("Số: 6791/SNNMT-KHTC", "Lào Cai, ngày 17 tháng 7 năm 2026"),
    "lc-cv-3298": ("Số: 3298/SXD-QLHĐXD", "Lào Cai, ngày 10 tháng 12 năm 2025"),
    "lc-cv-2826": ("Số: 2826/SCT-CN", "Lào Cai, ngày 19 tháng 5 năm 2026"),
    "bct-cv-1178": ("Số: 1178/ĐCK-CTT", "Hà Nội, ngày 09 tháng 7 năm 2025"),
}


@pytest.mark.parametrize("doc", sorted(E_OFFICE))
def test_e_office_number_and_date_lines(doc):
    """lc-qd-2463's layer itself spaces its symbol "QĐ - UBND": kept as the layer has it."""
    path = REALDOCS / f"{doc}.pdf"
    if not path.exists():
        pytest.skip("../shared/realdocs is not here")
    lines = triage(path, pages={1})[0].text.split("\n")
    number, date = E_OFFICE[doc]
    assert number in lines and date in lines
    # the header reads by column: the number line comes before the motto, the date after it
    motto = next(i for i, line in enumerate(lines) if line.startswith("Độc lập"))
    assert lines.index(number) < motto < lines.index(date)


def test_left_column_wider_than_the_gap_between_columns():
    """lc-gcn-banqua: "BAN QUẢN LÝ KHU KINH TẾ" reaches past where "CỘNG HOÀ ..." starts above it;
    the rows still split into their two columns."""
    path = REALDOCS / "lc-gcn-banqua.pdf"
    if not path.exists():
        pytest.skip("../shared/realdocs is not here")
    lines = triage(path, pages={1})[0].text.split("\n")
    assert lines[:5] == ["UBND TỈNH LÀO CAI", "BAN QUẢN LÝ KHU KINH TẾ", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "Độc lập - Tự do - Hạnh phúc", "GIẤY CHỨNG NHẬN ĐĂNG KÝ ĐẦU TƯ"]
