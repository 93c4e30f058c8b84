"""The structure readers on kinds of documents beyond the development set's plans, decisions and
Công văn: Biên bản (minutes), internal Phiếu trình, technical Phương án / Thuyết minh with a
cover page and dotted numbering, and scans with OCR noise.

Every document below is typed for this test from the forms of Nghị định 30/2020/NĐ-CP, Phụ lục
III (mẫu Biên bản: "Hôm nay, hồi ... giờ ... ngày ...", parts I-III, "Biên bản kết thúc ...",
signature blocks of each party) and from what such documents look like in archives (the
inspection minutes of a Sở, a Phòng's Phiếu trình, an enterprise's blasting plan); names,
places and numbers are made up. No held-out document was read to write them. Negative cases
show where the new rules must not fire.
"""

from __future__ import annotations

import pytest

from conftest import assert_spans_exact, flat_sections

from vnplan.structure import segment
from vnplan.structure.foot import split_blocks, split_names
from vnplan.structure.header_top import expand_unit
from vnplan.structure.noise import is_junk_heading, is_noise_line, is_scanner_mark
from vnplan.structure.outline import heading_labels, outline



def _tops(sections):
    return [(s.number, s.heading) for s in sections]


# ----------------------------------------------------------------------------------------------
# Whole documents: (text, expected metadata, expected warning codes, expected top sections)

INSPECTION = (  # a Sở's inspection minutes: no place-date line, lettered parts, two parties sign
    "UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n\n"
    "BIÊN BẢN KIỂM TRA\n"
    "Điều kiện an toàn kho chứa hóa chất\n\n"
    "Căn cứ Quyết định số 120/QĐ-SCT ngày 02/6/2026 của Giám đốc Sở Công Thương;\n"
    "Hôm nay, ngày 10/6/2026, tại kho hóa chất của Công ty TNHH Minh Phát, Đoàn kiểm tra tiến hành kiểm tra.\n"
    "A. THÀNH PHẦN ĐOÀN KIỂM TRA\n"
    "1. Ông Trần Văn Bình - Phó Trưởng phòng\n"
    "2. Bà Lê Thị Hoa - Chuyên viên\n"
    "B. NỘI DUNG KIỂM TRA\n"
    "1. Hồ sơ pháp lý\n"
    "2. Thực tế kho\n"
    "C. KẾT LUẬN\n"
    "Kho đủ điều kiện.\n"
    "Biên bản kết thúc vào hồi 11 giờ cùng ngày, được lập thành 02 bản.\n"
    "ĐẠI DIỆN CÔNG TY ĐOÀN KIỂM TRA\n"
    "GIÁM ĐỐC TRƯỞNG ĐOÀN\n"
    "Phạm Văn Tùng Trần Văn Bình\n"
)

WORKING = (  # minutes after the Biên bản form: motto only, the hour and day in the opening sentence
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "BIÊN BẢN LÀM VIỆC\n"
    "Về việc kiểm tra tình hình thực hiện dự án\n\n"
    "Vào hồi 9 giờ 00 ngày 08 tháng 6 năm 2026, tại trụ sở UBND xã Bảo Hà, chúng tôi gồm:\n"
    "I. THÀNH PHẦN THAM GIA\n1. Sở Công Thương\n"
    "II. NỘI DUNG LÀM VIỆC\n1. Tóm tắt nội dung chính\n"
    "III. CÁC Ý KIẾN THỐNG NHẤT\nMột là, thống nhất.\n"
    "ĐD SỞ CÔNG THƯƠNG ĐẠI DIỆN UBND XÃ\n"
    "Đỗ Văn Long Nguyễn Ngọc Chỉnh\n"
)

SLIP = (  # a Phòng's internal Phiếu trình: no number, dated above the signatures
    "SỞ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "PHÒNG QLCN Độc lập - Tự do - Hạnh phúc\n\n"
    "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC\n\n"
    "Kính gửi: Lãnh đạo Sở Công Thương\n"
    "Phòng chuyên môn: Phòng Quản lý Công nghiệp\n"
    "Nội dung trình: Thẩm định hồ sơ cấp giấy phép sử dụng vật liệu nổ công nghiệp.\n"
    "Ngày 19 tháng 8 năm 2025\n"
    "NGƯỜI LẬP PHIẾU TRÌNH Ý KIẾN CỦA LÃNH ĐẠO PHÒNG\n"
    "Hoàng Văn Sơn Vũ Thị Lan\n"
)

BLASTING_PLAN = (  # an enterprise's Phương án: cover page, then the national header, dotted numbering
    "CÔNG TY CỔ PHẦN KHOÁNG SẢN BẮC HÀ\n\n"
    "PHƯƠNG ÁN NỔ MÌN\nKHAI THÁC MỎ ĐÁ VÔI\n\n"
    "Lào Cai, năm 2026\n\n"
    "CÔNG TY CỔ PHẦN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "KHOÁNG SẢN BẮC HÀ Độc lập - Tự do - Hạnh phúc\n"
    "Số: 05/PANM-KSBH Lào Cai, ngày 12 tháng 3 năm 2026\n\n"
    "PHƯƠNG ÁN\nNổ mìn khai thác mỏ đá vôi làm vật liệu xây dựng thông thường\n\n"
    "I. Căn cứ lập phương án\n"
    "I.1. Căn cứ pháp lý\nLuật Quản lý, sử dụng vũ khí, vật liệu nổ.\n"
    "1. Luật số 42/2024/QH15.\n2. Nghị định số 181/2024/NĐ-CP.\n"
    "I.2. Thông tin chung về mỏ\nMỏ đá nằm ở xã Bảo Nhai.\n"
    "I.2.1. Vị trí mỏ\nVị trí.\n"
    "I.2.2. Trữ lượng\nTrữ lượng.\n"
    "II. Thiết kế nổ mìn\n"
    "II.1. Các thông số khoan nổ\n"
    "II.1.1. Đường kính lỗ khoan\nĐường kính 105 mm.\n"
    "II.1.2. Xác định đường cản chân tầng\n"
    "II.1.2.1. Chiều cao tầng\nCao 10 m.\n"
    "III. Tổ chức thực hiện\nCông ty tổ chức thực hiện.\n"
    "GIÁM ĐỐC\nNguyễn Văn Hải\n"
)

TECH_NOTE = (  # a technical Thuyết minh: decimal numbering "1.", "1.1.", "1.2.1."
    "CÔNG TY TNHH XÂY DỰNG ĐỨC AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 12/TM-ĐA Lào Cai, ngày 02 tháng 4 năm 2026\n"
    "THUYẾT MINH\nThiết kế kỹ thuật công trình kho chứa\n\n"
    "1. Giới thiệu chung\n1.1. Tên công trình\nKho chứa.\n1.2. Địa điểm xây dựng\nXã Gia Phú.\n"
    "1.2.1. Điều kiện tự nhiên\nĐồi thấp.\n"
    "2. Giải pháp thiết kế\n2.1. Kết cấu\nKhung thép.\n"
    "GIÁM ĐỐC\nTrần Minh Đức\n"
)

SCANNED = (  # OCR of a scanned Biên bản: stamp and signature read as stray marks, the app's footer
    "UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
    "„ ^ » ˆ LFA A A .ˆ\n"
    "BIÊN BẢN\n= XI\n"
    "Kiểm tra an toàn đập thủy điện\n"
    "Hôm nay, ngày 29/6/2026, Sở Công Thương tiến hành kiểm tra.\n"
    "1. Thành phần\n2. Nội dung\nn na N2\n"
    "THÀNH VIÊN THƯ KÝ\n„ ^ » ˆ\n"
    "Lê Văn Hùng Phạm Thị Mai\n"
    "Được quét bằng CamScanner\n"
)

KINDS = [
    (INSPECTION,
     {"doc_type": "Biên bản", "issuer": "Sở Công Thương", "issuer_parent": "UBND tỉnh Lào Cai", "date": "2026-06-10",
      "title": "Kiểm tra điều kiện an toàn kho chứa hóa chất", "signer_title": "ĐẠI DIỆN CÔNG TY / GIÁM ĐỐC",
      "signer_name": "Phạm Văn Tùng", "number": None},
     {"date_from_body"},
     [("A", "THÀNH PHẦN ĐOÀN KIỂM TRA"), ("B", "NỘI DUNG KIỂM TRA"), ("C", "KẾT LUẬN")]),
    (WORKING,
     {"doc_type": "Biên bản", "issuer": None, "date": "2026-06-08",
      "title": "Làm việc về việc kiểm tra tình hình thực hiện dự án",
      "signer_title": "ĐD SỞ CÔNG THƯƠNG", "signer_name": "Đỗ Văn Long"},
     {"date_from_body"},
     [("I", "THÀNH PHẦN THAM GIA"), ("II", "NỘI DUNG LÀM VIỆC"), ("III", "CÁC Ý KIẾN THỐNG NHẤT")]),
    (SLIP,
     {"doc_type": "Phiếu trình", "issuer": "Phòng Quản lý Công nghiệp", "issuer_parent": "Sở Công Thương",
      "number": None, "date": "2025-08-19", "title": "GIẢI QUYẾT CÔNG VIỆC",
      "signer_title": "NGƯỜI LẬP PHIẾU TRÌNH", "signer_name": "Hoàng Văn Sơn"},
     {"date_from_foot", "issuer_expanded"},
     []),
    (BLASTING_PLAN,
     {"doc_type": "Phương án", "number": "05", "symbol": "PANM-KSBH", "date": "2026-03-12", "place": "Lào Cai",
      "title": "Nổ mìn khai thác mỏ đá vôi làm vật liệu xây dựng thông thường",
      "signer_title": "GIÁM ĐỐC", "signer_name": "Nguyễn Văn Hải"},
     {"cover_page"},
     [("I", "Căn cứ lập phương án"), ("II", "Thiết kế nổ mìn"), ("III", "Tổ chức thực hiện")]),
    (TECH_NOTE,
     {"doc_type": "Thuyết minh", "number": "12", "date": "2026-04-02", "title": "Thiết kế kỹ thuật công trình kho chứa",
      "signer_title": "GIÁM ĐỐC", "signer_name": "Trần Minh Đức"},
     set(),
     [("1", "Giới thiệu chung"), ("2", "Giải pháp thiết kế")]),
    (SCANNED,
     {"doc_type": "Biên bản", "issuer": "Sở Công Thương", "date": "2026-06-29", "title": "Kiểm tra an toàn đập thủy điện",
      "signer_title": "THÀNH VIÊN", "signer_name": "Lê Văn Hùng"},
     {"date_from_body"},
     [("1", "Thành phần"), ("2", "Nội dung")]),
]


@pytest.mark.parametrize("text, expected, codes, tops", KINDS)
def test_kinds_of_documents(text, expected, codes, tops):
    result = segment(text)
    md = result.metadata
    for key, value in expected.items():
        assert getattr(md, key) == value, key
    assert codes <= {w.code for w in result.warnings}
    assert _tops(result.sections) == tops
    assert_spans_exact(text, result)


def test_a_date_read_outside_the_header_has_lower_confidence():
    for text in (INSPECTION, SLIP):
        assert segment(text).metadata.spans["date"].confidence < 1.0


def test_plan_dotted_numbering_is_a_tree():
    sections = segment(BLASTING_PLAN).sections
    first = sections[0]
    assert [(c.number, c.heading) for c in first.children] == [("I.1", "Căn cứ pháp lý"), ("I.2", "Thông tin chung về mỏ")]
    # the plain "1.", "2." under I.1 list laws: no sections
    assert first.children[0].children == []
    assert [c.number for c in first.children[1].children] == ["I.2.1", "I.2.2"]
    second = sections[1]
    deep = second.children[0].children[1]
    assert deep.number == "II.1.2" and [c.number for c in deep.children] == ["II.1.2.1"]


def test_the_minutes_last_part_ends_at_the_closing_sentence():
    result = segment(INSPECTION)
    last = result.sections[-1]
    assert INSPECTION[last.end :].startswith("Biên bản kết thúc")


def test_noise_and_scanner_lines_are_never_content():
    result = segment(SCANNED)
    md = result.metadata
    assert "LFA" not in (md.issuer or "") and "XI" not in (md.title or "")
    assert all("CamScanner" not in s.heading and "N2" not in s.heading for s in flat_sections(result.sections))


# ----------------------------------------------------------------------------------------------
# Negative cases: the new readings must not fire on the national layout


PLAN_WITH_DATE = (
    "UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
    "Số: 12/BB-SCT Lào Cai, ngày 05 tháng 6 năm 2026\nBIÊN BẢN\nHọp đoàn kiểm tra\n\n"
    "Hôm nay, ngày 03/6/2026, tại Sở Công Thương.\n"
)


def test_a_header_date_wins_over_the_body_opening():
    result = segment(PLAN_WITH_DATE)
    assert result.metadata.date == "2026-06-05"
    assert "date_from_body" not in {w.code for w in result.warnings}


def test_no_date_anywhere_stays_missing():
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBIÊN BẢN HỌP\nBan chỉ đạo\n\nThành phần gồm:\n"
    result = segment(text)
    assert result.metadata.date is None
    assert "date_missing" in {w.code for w in result.warnings}


def test_no_cover_page_on_the_national_layout():
    text = ("UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
            "Số: 3/PA-SCT Lào Cai, ngày 05 tháng 6 năm 2026\nPHƯƠNG ÁN\nỨng phó sự cố hóa chất\n\nI. MỤC ĐÍCH\n")
    result = segment(text)
    assert "cover_page" not in {w.code for w in result.warnings}
    assert result.metadata.title == "Ứng phó sự cố hóa chất"


def test_a_long_capital_title_does_not_run_into_a_sentence_case_opening():
    text = ("UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
            "Số: 9/KH-SCT Lào Cai, ngày 05 tháng 6 năm 2026\n"
            "KẾ HOẠCH KIỂM TRA AN TOÀN HÓA CHẤT NĂM 2026 TRÊN ĐỊA BÀN TỈNH\n"
            "Thực hiện Quyết định số 120/QĐ-UBND ngày 02/6/2026.\n")
    assert segment(text).metadata.title == "KIỂM TRA AN TOÀN HÓA CHẤT NĂM 2026 TRÊN ĐỊA BÀN TỈNH"


def test_the_maker_signs_a_slip_whatever_its_column():
    text = SLIP.replace("NGƯỜI LẬP PHIẾU TRÌNH Ý KIẾN CỦA LÃNH ĐẠO PHÒNG\nHoàng Văn Sơn Vũ Thị Lan",
                        "Ý KIẾN CỦA LÃNH ĐẠO PHÒNG NGƯỜI LẬP PHIẾU\nVũ Thị Lan Hoàng Văn Sơn")
    md = segment(text).metadata
    assert (md.signer_title, md.signer_name) == ("NGƯỜI LẬP PHIẾU", "Hoàng Văn Sơn")


def test_an_abbreviation_the_body_does_not_name_is_kept():
    text = SLIP.replace("Phòng chuyên môn: Phòng Quản lý Công nghiệp\n", "")
    assert segment(text).metadata.issuer == "Phòng QLCN"


# ----------------------------------------------------------------------------------------------
# Tables of lines


@pytest.mark.parametrize("issuer, body, expected", [
    ("Phòng QLCN", "Phòng chuyên môn: Phòng Quản lý Công nghiệp", "Phòng Quản lý Công nghiệp"),
    ("Phòng KTHT", "giao Phòng Kinh tế - Hạ tầng chủ trì", "Phòng Kinh tế - Hạ tầng"),
    ("Phòng QLCN", "Phòng Quản lý Công nghiệp và Phòng Quản lý Cao nguyên", None),  # two readings: unsure
    ("Phòng QLCN", "Phòng Quản lý thương mại", None),  # initials differ
    ("Sở Công Thương", "Sở Công Thương", None),  # no abbreviation
    ("Phòng VT", "Phòng Văn thư", "Phòng Văn thư"),
])
def test_expand_unit(issuer, body, expected):
    assert expand_unit(issuer, body) == expected


@pytest.mark.parametrize("line, k, names", [
    ("Đỗ Mạnh Cường Nguyễn Ngọc Chỉnh", None, ["Đỗ Mạnh Cường", "Nguyễn Ngọc Chỉnh"]),
    ("Đỗ Mạnh Cường Vũ Việt Linh", 2, ["Đỗ Mạnh Cường", "Vũ Việt Linh"]),
    ("Nguyễn Thị Mai Hà Văn Bình", 2, ["Nguyễn Thị Mai", "Hà Văn Bình"]),
    ("Phạm Văn Tùng Trần Văn Bình", 2, ["Phạm Văn Tùng", "Trần Văn Bình"]),
    ("Giàng A Pao Lò Văn Sáng", 2, ["Giàng A Pao", "Lò Văn Sáng"]),
    ("Lê Văn Hùng", 1, ["Lê Văn Hùng"]),
    ("Lê Hùng Trần An Phạm Thị Thu Hà", 3, ["Lê Hùng", "Trần An", "Phạm Thị Thu Hà"]),
    ("Đỗ Mạnh Cường „ ^ Nguyễn Ngọc Chỉnh", 2, ["Đỗ Mạnh Cường", "Nguyễn Ngọc Chỉnh"]),  # stray marks between
    ("Đỗ Mạnh Cường LFA Nguyễn Ngọc Chỉnh", 2, None),  # a noise word is no name
    ("ĐỖ MẠNH CƯỜNG", None, None),  # capitals: a title line, not names
    ("Kính gửi Sở Công Thương", None, None),
    ("n na N2", None, None),
    ("Mạnh Cường Đỗ", 1, None),  # does not start with a family name
])
def test_split_names(line, k, names):
    assert split_names(line, k) == names


@pytest.mark.parametrize("line, blocks, maker", [
    ("ĐD SỞ CÔNG THƯƠNG ĐẠI DIỆN CÔNG TY CP KHOÁNG SẢN", ["ĐD SỞ CÔNG THƯƠNG", "ĐẠI DIỆN CÔNG TY CP KHOÁNG SẢN"], None),
    ("ĐẠI DIỆN ĐOÀN KIỂM TRA ĐẠI DIỆN CÔNG TY", ["ĐẠI DIỆN ĐOÀN KIỂM TRA", "ĐẠI DIỆN CÔNG TY"], None),
    ("NGƯỜI LẬP PHIẾU TRÌNH Ý KIẾN CỦA LÃNH ĐẠO PHÒNG", ["NGƯỜI LẬP PHIẾU TRÌNH", "Ý KIẾN CỦA LÃNH ĐẠO PHÒNG"], 0),
    ("THƯ KÝ CHỦ TỌA", ["THƯ KÝ", "CHỦ TỌA"], None),
    ("THÀNH VIÊN THƯ KÝ NGƯỜI GHI BIÊN BẢN", ["THÀNH VIÊN", "THƯ KÝ", "NGƯỜI GHI BIÊN BẢN"], None),
    ("KT. GIÁM ĐỐC", None, None),  # an ordinary signature block
    ("NƠI NHẬN", None, None),
    ("ĐẠI DIỆN", None, None),  # the party is not named
    ("Đại diện Sở Công Thương phát biểu", None, None),  # a sentence
])
def test_split_blocks(line, blocks, maker):
    found = split_blocks(line)
    if blocks is None:
        assert found is None
        return
    assert [line[a:b] for a, b, _ in found] == blocks
    assert [j for j, b in enumerate(found) if b[2]] == ([] if maker is None else [maker])


@pytest.mark.parametrize("line, noise", [
    ("„ ^ » ˆ LFA A A .ˆ", True),
    ("= XI", True),
    ("n na N2", True),
    ("Được quét bằng CamScanner", True),
    ("Scanned with CamScanner", True),
    ("Đỗ Mạnh Cường", False),
    ("UBND TỈNH LÀO CAI", False),
    ("PHÒNG QLCN", False),
    ("Kiểm tra an toàn đập thủy điện", False),
    ("Giàng A Pao", False),
])
def test_noise_lines(line, noise):
    assert is_noise_line(line) is noise


def test_scanner_mark():
    assert is_scanner_mark("Được quét bằng CamScanner") and not is_scanner_mark("Sở Công Thương quét hồ sơ")


@pytest.mark.parametrize("heading, labels", [
    ("CÁC Ý KIẾN THỐNG NHẤT", ["other"]),  # two slips from "khen thưởng": not a reward section
    ("HÌNH THỨC KHEN THƯỞNG", ["khen_thuong"]),
    ("HINH THUC KHEN THUÓNG", ["khen_thuong"]),  # one damaged letter still reads
    ("NỘI DUNG KIỂM TRA", ["noi_dung"]),
    ("THÀNH PHẦN ĐOÀN LÀM VIỆC", ["other"]),
])
def test_minutes_heading_labels(heading, labels):
    assert heading_labels(heading) == labels


@pytest.mark.parametrize("body, tops, warned", [
    # lettered parts, no Roman numerals: top level
    ("A. THÀNH PHẦN\nÔng A.\nB. NỘI DUNG\n1. Hồ sơ\n2. Kho\n", ["A", "B"], False),
    # a lone "A." is no part: the items are the top level
    ("A. THÀNH PHẦN\n1. Hồ sơ\n2. Kho\n", ["1", "2"], False),
    # with Roman parts, "A." lines are not parts
    ("I. MỤC ĐÍCH\nA. PHẦN MỘT\nB. PHẦN HAI\nII. NỘI DUNG\n", ["I", "II"], False),
])
def test_lettered_parts(body, tops, warned):
    sections, warnings = outline(body)
    assert [s.number for s in sections] == tops
    assert any(w.code == "section_number_guessed" for w in warnings) is warned


@pytest.mark.parametrize("line, number", [
    ("II1.2. Chiều cao tầng", "II.1.2"),  # the dot lost after the numeral, and the sequence asks for 1.2
    ("II1.7. Chiều cao tầng", None),  # the sequence does not ask for 1.7
    ("II.1.7. Chiều cao tầng", None),  # nor with its dot
    ("III.1.2. Chiều cao tầng", None),  # nor another part's path
])
def test_dotted_number_with_a_lost_dot(line, number):
    body = "I. CĂN CỨ\nNội dung.\nII. THIẾT KẾ NỔ MÌN\nII.1. Thông số\nII.1.1. Đường kính\nNội dung.\n" + line + "\nNội dung.\n"
    sections, warnings = outline(body)
    children = [c.number for c in sections[1].children[0].children]
    if number is None:
        assert children == ["II.1.1"]
    else:
        assert children == ["II.1.1", number]
        assert any(w.code == "section_number_guessed" for w in warnings)


@pytest.mark.parametrize("line, junk", [
    ("1. ^ » ˆ", True),
    ("b) .,-", True),
    ("Được quét bằng CamScanner", True),
    ("1. Sở", False),  # a short heading is words
    ("a) Xã", False),
    ("2. 50%", False),  # figures are kept
    ("I. MỤC ĐÍCH", False),
    ("1.1. Tên công trình", False),
])
def test_junk_headings(line, junk):
    assert is_junk_heading(line) is junk


def test_a_junk_numbered_line_is_no_section():
    sections, _ = outline("1. Thành phần\nÔng A.\n2. ^ » ˆ\n2. Nội dung\nKiểm tra.\n")
    assert [(s.number, s.heading) for s in sections] == [("1", "Thành phần"), ("2", "Nội dung")]


def test_a_party_listed_in_the_body_is_not_the_signature_row():
    text = INSPECTION.replace("A. THÀNH PHẦN ĐOÀN KIỂM TRA\n",
                              "A. THÀNH PHẦN ĐOÀN KIỂM TRA\nĐẠI DIỆN SỞ CÔNG THƯƠNG\nLê Quang Huy\n")
    md = segment(text).metadata
    assert (md.signer_title, md.signer_name) == ("ĐẠI DIỆN CÔNG TY / GIÁM ĐỐC", "Phạm Văn Tùng")


def test_two_rows_of_signatures_the_first_signs():
    text = INSPECTION + "THƯ KÝ CHỦ TRÌ\nLê Thị Hoa Trần Văn Bình\n"
    md = segment(text).metadata
    assert md.signer_name == "Phạm Văn Tùng"


def test_an_ordinary_foot_wins_over_an_annex_list():
    text = ("UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/QĐ-SCT Lào Cai, ngày 05 tháng 6 năm 2026\nQUYẾT ĐỊNH\nThành lập Đoàn kiểm tra\n\n"
            "Điều 1. Thành lập Đoàn kiểm tra.\nĐiều 2. Quyết định có hiệu lực.\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn Hải\n"
            "PHỤ LỤC\nDANH SÁCH ĐOÀN KIỂM TRA\nTHÀNH VIÊN\nLê Quang Huy\n")
    md = segment(text).metadata
    assert (md.signer_title, md.signer_name) == ("GIÁM ĐỐC", "Nguyễn Văn Hải")


def test_two_short_names_on_one_line_are_two_signers():
    # the ordinary foot reader would take "Lê Hùng Trần An" for one name under "GIÁM ĐỐC TRƯỞNG ĐOÀN"
    text = INSPECTION.replace("Phạm Văn Tùng Trần Văn Bình", "Lê Hùng Trần An")
    md = segment(text).metadata
    assert (md.signer_title, md.signer_name) == ("ĐẠI DIỆN CÔNG TY / GIÁM ĐỐC", "Lê Hùng")


@pytest.mark.parametrize("opening, date", [
    ("Hôm nay, ngày 29/6/2026, tại kho.", "2026-06-29"),
    ("Hôm nay, ngày 29 tháng 6 năm 2026 tại kho", "2026-06-29"),  # its comma is no place-date line's
    ("Hôm nay, vào hồi 14h00 ngày 29/6/2026, tại kho.", "2026-06-29"),
    ("Hôm nay, hồi 8 giờ 30 phút, ngày 03 tháng 7\nnăm 2026, tại trụ sở.", "2026-07-03"),  # wrapped
    ("Hồi 8 giờ 30 phút, ngày 03/7/2026, tại trụ sở.", "2026-07-03"),
    ("Hôm nay, tại kho, đoàn kiểm tra làm việc.", None),  # no day given
    ("Ngày 03/7/2026 đoàn kiểm tra làm việc.", None),  # not the opening of the Biên bản form
])
def test_biên_bản_opening_dates(opening, date):
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBIÊN BẢN\nKiểm tra kho\n" + opening + "\n"
    result = segment(text)
    assert result.metadata.date == date
    assert ("date_from_body" in {w.code for w in result.warnings}) is (date is not None)
    assert result.metadata.place is None


def test_a_scan_puts_a_blank_line_inside_the_title():
    text = INSPECTION.replace("BIÊN BẢN KIỂM TRA\nĐiều kiện", "BIÊN BẢN KIỂM TRA\n\nĐiều kiện")
    assert segment(text).metadata.title == "Kiểm tra điều kiện an toàn kho chứa hóa chất"


def test_the_body_after_a_blank_line_is_not_the_title():
    text = INSPECTION.replace("BIÊN BẢN KIỂM TRA\nĐiều kiện an toàn kho chứa hóa chất\n", "BIÊN BẢN KIỂM TRA\n\n")
    assert segment(text).metadata.title == "KIỂM TRA"


def test_a_signature_read_as_letters_between_the_row_and_the_names():
    text = INSPECTION.replace("GIÁM ĐỐC TRƯỞNG ĐOÀN\n", "GIÁM ĐỐC TRƯỞNG ĐOÀN\nHưng Ad\n")
    assert segment(text).metadata.signer_name == "Phạm Văn Tùng"


@pytest.mark.parametrize("type_lines, title", [
    ("BIÊN BẢN KIỂM TRA\nThực tế kho bảo quản vật liệu nổ công nghiệp", "Kiểm tra thực tế kho bảo quản vật liệu nổ công nghiệp"),
    ("BIÊN BẢN KIỂM TRA THỰC TẾ\nkho bảo quản vật liệu nổ công nghiệp", "Kiểm tra thực tế kho bảo quản vật liệu nổ công nghiệp"),
    ("BIÊN BẢN KIỂM TRA\nTHỰC TẾ KHO BẢO QUẢN", "KIỂM TRA THỰC TẾ KHO BẢO QUẢN"),  # one case: as written
    ("BIÊN BẢN\nKiểm tra thực tế kho bảo quản", "Kiểm tra thực tế kho bảo quản"),
    ("BIÊN BẢN LÀM VIỆC VỚI UBND XÃ\nVề tiến độ dự án", "Làm việc với UBND xã về tiến độ dự án"),  # abbreviations kept
])
def test_biên_bản_titles(type_lines, title):
    text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" + type_lines + "\n\nCăn cứ Luật Hóa chất;\n"
    assert segment(text).metadata.title == title


def test_a_scanner_footer_inside_the_recipients_is_no_recipient():
    text = ("UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
            "Số: 12/SCT-CN Lào Cai, ngày 05 tháng 6 năm 2026\nV/v kiểm tra kho\nKính gửi: Công ty ABC\n"
            "Sở Công Thương đề nghị Công ty kiểm tra kho.\n"
            "Nơi nhận:\n- Như trên;\n- Giám đốc Sở;\nĐược quét bằng CamScanner\n- Lưu: VT, CN.\nGIÁM ĐỐC\nNguyễn Văn Hải\n")
    md = segment(text).metadata
    assert md.recipients == ["Công ty ABC", "Như trên", "Giám đốc Sở", "Lưu: VT, CN"]
    assert md.signer_name == "Nguyễn Văn Hải"


def test_a_slip_dated_in_two_columns():
    text = SLIP.replace("Ngày 19 tháng 8 năm 2025\n", "Ngày 19 tháng 8 năm 2025   Ngày     tháng     năm 2025\n")
    assert segment(text).metadata.date == "2025-08-19"


@pytest.mark.parametrize("foot, title, name", [
    # column by column: each block's lines, then the next block's (the first block signs)
    ("ĐẠI DIỆN ĐOÀN KIỂM TRA\nTRƯỞNG ĐOÀN\nTrần Văn Bình\nĐẠI DIỆN CÔNG TY CP\nKHOÁNG SẢN MÔNG SƠN\nPhạm Văn Tùng\n",
     "ĐẠI DIỆN ĐOÀN KIỂM TRA / TRƯỞNG ĐOÀN", "Trần Văn Bình"),
    # a block's body name wrapped onto the next line
    ("ĐẠI DIỆN CÔNG TY CP\nKHOÁNG SẢN MÔNG SƠN\nPhạm Văn Tùng\n", "ĐẠI DIỆN CÔNG TY CP KHOÁNG SẢN MÔNG SƠN", "Phạm Văn Tùng"),
    # across: the second block's name wrapped, two names on one line
    ("ĐD SỞ CÔNG THƯƠNG ĐẠI DIỆN CÔNG TY CP\nKHOÁNG SẢN MÔNG SƠN\nĐỗ Văn Long Phạm Văn Tùng\n", "ĐD SỞ CÔNG THƯƠNG", "Đỗ Văn Long"),
    # the ND30 form's THƯ KÝ / CHỦ TỌA, the secretary written first
    ("THƯ KÝ CHỦ TỌA\n(Ký, ghi rõ họ tên) (Ký, ghi rõ họ tên)\nLê Thị Hoa Trần Văn Bình\n", "THƯ KÝ", "Lê Thị Hoa"),
])
def test_signature_rows(foot, title, name):
    text = INSPECTION[: INSPECTION.index("ĐẠI DIỆN CÔNG TY ĐOÀN")] + foot
    md = segment(text).metadata
    assert (md.signer_title, md.signer_name) == (title, name)


def test_an_authority_line_above_a_block_head_keeps_the_ordinary_reading():
    text = INSPECTION[: INSPECTION.index("ĐẠI DIỆN CÔNG TY ĐOÀN")] + "TM. ĐOÀN KIỂM TRA\nTRƯỞNG ĐOÀN\nTrần Văn Bình\n"
    md = segment(text).metadata
    assert (md.signer_title, md.signer_name) == ("TM. ĐOÀN KIỂM TRA / TRƯỞNG ĐOÀN", "Trần Văn Bình")


def test_an_enterprise_signs_under_its_wrapped_name():
    text = BLASTING_PLAN.replace("GIÁM ĐỐC\nNguyễn Văn Hải\n", "CÔNG TY CỔ PHẦN\nKHOÁNG SẢN BẮC HÀ\nGIÁM ĐỐC\nNguyễn Văn Hải\n")
    md = segment(text).metadata
    assert (md.signer_title, md.signer_name) == ("CÔNG TY CỔ PHẦN KHOÁNG SẢN BẮC HÀ / GIÁM ĐỐC", "Nguyễn Văn Hải")


def test_a_noise_line_inside_the_title_is_not_in_it():
    # a scan read a rule under the type line as marks (lc-bb-yenthanh): the title passes over it
    text = INSPECTION.replace("BIÊN BẢN KIỂM TRA\nĐiều kiện", "BIÊN BẢN KIỂM TRA\n\n„ ^ » ˆ LFA A A .ˆ\nĐiều kiện")
    assert segment(text).metadata.title == "Kiểm tra điều kiện an toàn kho chứa hóa chất"


def test_more_names_than_block_heads_ocr_kept():
    # the second block's head was lost in the scan: a five-syllable "name" is two names
    text = INSPECTION.replace("Phạm Văn Tùng Trần Văn Bình", "Phạm Văn Tùng Lý Hà").replace(
        "ĐẠI DIỆN CÔNG TY ĐOÀN KIỂM TRA", "ĐẠI DIỆN CÔNG TY")
    assert segment(text).metadata.signer_name == "Phạm Văn Tùng"
