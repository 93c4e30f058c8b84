"""The structure readers on the national layout of administrative documents (issue 9).

Tables of header, outline and foot variants: short lines copied from the real development set
(../shared/realdocs, named in each row), from the seeds, and one Party document written from the
model layout of Hướng dẫn 36-HD/VPTW; with negative cases. Every value must keep its span.
"""

from __future__ import annotations

import pytest

from conftest import assert_spans_exact, flat_sections

from vnplan.lexicon import load
from vnplan.structure import segment
from vnplan.structure.foot import read_addressees, read_foot, signer_title_part
from vnplan.structure.outline import heading_labels
from vnplan.structure.title import type_of_symbol
from vnplan.text import DocView, fold



BODY = "\nNội dung.\n"

# ----------------------------------------------------------------------------------------------
# Header: issuer and parent, number and symbol, place and date, type and title

HEADERS = [
    (  # e-office PDF, two columns interleaved line by line; a draft (number and day blank): lc-cv-2826
        "UBND TỈNH LÀO CAI CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: /SCT-CN Lào Cai, ngày tháng 5 năm 2026\nV/v phúc đáp đề nghị hướng dẫn\nthực hiện an toàn đưa kho\n"
        "VLNCN vào sử dụng.\nKính gửi: Công ty cổ phần Mông Sơn\nSở Công Thương tỉnh Lào Cai nhận được Văn bản số 01/CV-MS.\n",
        {"doc_type": "Công văn", "number": None, "symbol": "SCT-CN", "issuer": "Sở Công Thương",
         "issuer_parent": "UBND tỉnh Lào Cai", "place": "Lào Cai", "date": "2026-05",
         "title": "phúc đáp đề nghị hướng dẫn thực hiện an toàn đưa kho VLNCN vào sử dụng",
         "recipients": ["Công ty cổ phần Mông Sơn"]},
    ),
    (  # the same kind read column by column (pdftotext order of lc-cv-3686)
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 3686/UBND-XD\n\nLào Cai, ngày 11 tháng 5 năm 2026\n\nV/v đề xuất sớm tháo gỡ khó khăn,\n"
        "vướng mắc trong kiểm tra điều kiện\nan toàn PCCC.\n\nKính gửi: Bộ Xây dựng\n"
        "Ủy ban nhân dân tỉnh Lào Cai nhận được phản ánh của các doanh nghiệp.\n",
        {"doc_type": "Công văn", "number": "3686", "symbol": "UBND-XD", "issuer": "UBND tỉnh Lào Cai",
         "issuer_parent": None, "date": "2026-05-11",
         "title": "đề xuất sớm tháo gỡ khó khăn, vướng mắc trong kiểm tra điều kiện an toàn PCCC"},
    ),
    (  # a .docx header table (cells joined by tabs) read after the body: lc-cv-giao-uyquyen
        "Giao Sở Công Thương chủ trì, trình UBND tỉnh trước ngày 15/9/2025.\n\nUỶ BAN NHÂN DÂN\n"
        "TỈNH  LÀO CAI\t\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT \nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:             /UBND-KT\t\t       Lào Cai, ngày         tháng       năm 2025\n"
        "V/v tham mưu uỷ quyền thủ tục kiểm tra\t\t\nKính gửi:\t\n- Sở Công Thương;\n- Sở Tư pháp.\n",
        {"doc_type": "Công văn", "number": None, "symbol": "UBND-KT", "issuer": "UBND tỉnh Lào Cai",
         "place": "Lào Cai", "date": "2025", "title": "tham mưu uỷ quyền thủ tục kiểm tra",
         "recipients": ["Sở Công Thương", "Sở Tư pháp"]},
    ),
    (  # a ministry's own plan (issue 9: was read as a Sở, without number)
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 09/KH-BTNMT Hà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 20/CT-TTg\n\n"
        "Căn cứ Nghị định số 68/2022/NĐ-CP;\n",
        {"doc_type": "Kế hoạch", "number": "09", "symbol": "KH-BTNMT", "issuer": "Bộ Tài nguyên và Môi trường",
         "issuer_parent": None, "place": "Hà Nội", "date": "2024-03-05", "title": "Triển khai thực hiện Chỉ thị số 20/CT-TTg"},
    ),
    (  # a Cục under its Bộ, the Cục's name wrapped over three lines (bct-cv-1178)
        "BỘ CÔNG THƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCỤC ĐỔI MỚI SÁNG TẠO, Độc lập - Tự do - Hạnh phúc\n"
        "CHUYỂN ĐỔI XANH VÀ\nKHUYẾN CÔNG\nSố: 1178/ĐCK-CTT Hà Nội, ngày 09 tháng 7 năm 2025\n"
        "V/v hướng dẫn về công tác quản\nlý, phát triển cụm công nghiệp\ntheo địa giới hành chính mới\n"
        "Kính gửi: Sở Công Thương tỉnh Lào Cai\n",
        {"doc_type": "Công văn", "number": "1178", "symbol": "ĐCK-CTT",
         "issuer": "Cục Đổi mới sáng tạo, chuyển đổi xanh và khuyến công", "issuer_parent": "Bộ Công Thương",
         "title": "hướng dẫn về công tác quản lý, phát triển cụm công nghiệp theo địa giới hành chính mới"},
    ),
    (  # a Quyết định: the title stops at the restated authority (lc-qd-1696)
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
        "Số: 1696/QĐ-UBND Lào Cai, ngày 15 tháng 5 năm 2026\nQUYẾT ĐỊNH\nVề việc ủy quyền cho Giám đốc Sở Công Thương\n"
        "thực hiện một số nhiệm vụ, quyền hạn của UBND tỉnh\nỦY BAN NHÂN DÂN TỈNH LÀO CAI\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n",
        {"doc_type": "Quyết định", "number": "1696", "symbol": "QĐ-UBND",
         "title": "Về việc ủy quyền cho Giám đốc Sở Công Thương thực hiện một số nhiệm vụ, quyền hạn của UBND tỉnh"},
    ),
    (  # the type word and the title on one line, a bracketed line under it (lc-qd-2463)
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
        "Lào Cai, ngày 16 tháng 7 năm 2026\nSố: 2463/QĐ - UBND\nQUYẾT ĐỊNH CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ\n"
        "ĐỒNG THỜI CHẤP THUẬN NHÀ ĐẦU TƯ\n(cấp lần đầu: ngày 16 tháng 7 năm 2026)\nỦY BAN NHÂN DÂN TỈNH LÀO CAI\n",
        {"doc_type": "Quyết định", "number": "2463", "symbol": "QĐ-UBND", "date": "2026-07-16",
         "title": "CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ ĐỒNG THỜI CHẤP THUẬN NHÀ ĐẦU TƯ"},
    ),
    (  # the Prime Minister, a .docx table with rules typed as dashes (ttg-ct-07)
        "THỦ TƯỚNG CHÍNH PHỦ\n--------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "----------------\nSố: 07/CT-TTg\tHà Nội, ngày 02 tháng 03 năm 2012\n \nCHỈ THỊ\n"
        "VỀ VIỆC CHẤN CHỈNH CÔNG TÁC QUẢN LÝ CÁC KHU KINH TẾ\nTrong thời gian qua, các khu kinh tế đã góp phần.\n",
        {"doc_type": "Chỉ thị", "number": "07", "symbol": "CT-TTg", "issuer": "Thủ tướng Chính phủ",
         "place": "Hà Nội", "date": "2012-03-02", "title": "VỀ VIỆC CHẤN CHỈNH CÔNG TÁC QUẢN LÝ CÁC KHU KINH TẾ"},
    ),
    (  # normative numbering keeps the year in the symbol; an enterprise issues it (dn-qd-89)
        "CÔNG TY CP ĐẦU TƯ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHẠ TẦNG VÀ GIAO THÔNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 89/2026/QĐ-CT Lào Cai, ngày 08 tháng 5 năm 2026\nQUYẾT ĐỊNH\nPhê duyệt thiết kế bản vẽ thi công\n\nCăn cứ Luật Xây dựng;\n",
        {"doc_type": "Quyết định", "number": "89", "symbol": "2026/QĐ-CT", "issuer_parent": None,
         "issuer": "Công ty CP đầu tư xây dựng hạ tầng và giao thông", "date": "2026-05-08"},
    ),
    (  # a Party committee, written from the model layout of HD 36-HD/VPTW: motto, "Số 15-KH/TU" (no colon)
        "ĐẢNG BỘ TỈNH LÀO CAI\tĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n*\nSố 15-KH/TU\tLào Cai, ngày 20 tháng 3 năm 2025\n\n"
        "KẾ HOẠCH\ntổ chức học tập, quán triệt Nghị quyết của Đảng\n\nThực hiện Hướng dẫn của Ban Tuyên giáo Trung ương,\n",
        {"doc_type": "Kế hoạch", "number": "15", "symbol": "KH/TU", "issuer": "Tỉnh ủy",
         "issuer_parent": "Đảng bộ tỉnh Lào Cai", "place": "Lào Cai", "date": "2025-03-20",
         "title": "tổ chức học tập, quán triệt Nghị quyết của Đảng"},
    ),
    (  # a certificate: no "Số:" line, its project code and first-issue date under the type word (lc-gcn-banqua)
        "UBND TỈNH LÀO CAI\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN QUẢN LÝ KHU KINH TẾ Độc lập - Tự do - Hạnh phúc\n"
        "GIẤY CHỨNG NHẬN ĐĂNG KÝ ĐẦU TƯ\nMã số dự án: 4275604886\nChứng nhận lần đầu: ngày 30 tháng 6 năm 2026\n"
        "Căn cứ Luật Đầu tư số 143/2025/QH15 ngày 11 tháng 12 năm 2025;\n",
        {"doc_type": "Giấy chứng nhận đăng ký đầu tư", "number": "4275604886", "symbol": None, "title": None,
         "date": "2026-06-30", "place": None, "issuer": "Ban Quản lý Khu kinh tế", "issuer_parent": "UBND tỉnh Lào Cai"},
    ),
    (  # Văn phòng under the UBND; the type read from its line; a stamped number split by a space (lc-pc-466)
        "UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVĂN PHÒNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 4 66 /PC-VPUBND Lào Cai, ngày 12 tháng 5 năm 2026\nPHIẾU CHUYỂN\nVăn phòng UBND tỉnh chuyển Sở Công Thương\n\n",
        {"doc_type": "Phiếu chuyển", "number": "466", "symbol": "PC-VPUBND", "issuer": "Văn phòng",
         "issuer_parent": "UBND tỉnh Lào Cai"},
    ),
]


@pytest.mark.parametrize("text, expected", HEADERS)
def test_header_components(text, expected):
    result = segment(text + BODY)
    for name, value in expected.items():
        assert getattr(result.metadata, name) == value, name
    assert_spans_exact(text + BODY, result)


def test_draft_with_blanks_warns_and_keeps_the_rest():
    text = HEADERS[0][0] + BODY
    result = segment(text)
    codes = {w.code for w in result.warnings}
    assert "date_partial" in codes
    assert result.metadata.issuer and result.metadata.title and result.metadata.symbol == "SCT-CN"


@pytest.mark.parametrize(
    "symbol, doc_type",
    [("KH-UBND", "Kế hoạch"), ("QĐ-UBND", "Quyết định"), ("2026/QĐ-CT", "Quyết định"), ("NQ/TU", "Nghị quyết"),
     ("CT-TTg", "Chỉ thị"), ("TB-SCT", "Thông báo"), ("PC-VPUBND", "Phiếu chuyển"), ("GP-BCT", "Giấy phép"),
     ("UBND-XD", None), ("SCT-CN", None), ("HC-CNHC", None)],  # Công văn: no type abbreviation
)
def test_type_of_symbol(symbol, doc_type):
    assert type_of_symbol(symbol) == doc_type


def test_type_and_symbol_disagreeing_warn():
    text = "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 12/QĐ-SCT\nLào Cai, ngày 1 tháng 2 năm 2026\nKẾ HOẠCH\nKiểm tra năm 2026\n\nI. MỤC ĐÍCH\n"
    result = segment(text)
    assert result.metadata.doc_type == "Kế hoạch"  # the type word wins, never a guess
    assert any(w.code == "doc_type_disagrees" for w in result.warnings)


def test_no_type_word_and_no_vv_reads_the_symbol():
    text = "UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\nLào Cai, ngày 1 tháng 2 năm 2026\n\nI. MỤC ĐÍCH\n"
    result = segment(text)
    assert result.metadata.doc_type == "Kế hoạch"
    assert any(w.code == "doc_type_from_symbol" for w in result.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "Số lượng hồ sơ đã nhận: 25 bộ",  # "Số" opening a sentence: no slash, not a number line
        "Số liệu năm 2025 tăng so với năm 2024",
    ],
)
def test_not_a_number_line(line):
    result = segment("KẾ HOẠCH\nTiêu đề năm 2026\n\n" + line + "\n\nI. MỤC ĐÍCH\n")
    assert result.metadata.number is None and result.metadata.symbol is None


def test_vv_in_the_body_is_not_the_title():
    # a "Về việc ..." sentence far in the body of a typed Quyết định is no trích yếu
    text = "QUYẾT ĐỊNH\nPhê duyệt phương án\n\nĐiều 1. Phê duyệt.\nĐiều 2. Thi hành.\nVề việc hướng dẫn, liên hệ Sở.\n"
    assert segment(text).metadata.title == "Phê duyệt phương án"


# ----------------------------------------------------------------------------------------------
# Outline by document type


def test_quyet_dinh_articles_are_sections():
    text = (
        "QUYẾT ĐỊNH\nVề việc ủy quyền\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Nội dung, phạm vi ủy quyền\nỦy quyền cho Giám đốc Sở.\n"
        "Điều 2. Thời hạn ủy quyền: Từ ngày quyết định này có hiệu lực\n"
        "Điều 3. Tổ chức thực hiện\n1. Việc thực hiện nhiệm vụ được ủy quyền phải tuân thủ quy định.\n"
        "2. Giám đốc Sở Công Thương:\na) Thực hiện đúng nhiệm vụ;\nb) Tổ chức triển khai.\n"
        "Điều 4. Quyết định này có hiệu lực thi hành kể từ ký.\nNơi nhận:\n- Như Điều 4;\n- Lưu: VT.\n"
    )
    sections = segment(text).sections
    assert [(s.number, s.label) for s in sections] == [
        ("1", "noi_dung"), ("2", "tien_do"), ("3", "to_chuc_thuc_hien"), ("4", "other")]
    assert [c.number for c in flat_sections(sections[2].children)] == ["1", "2", "a", "b"]
    assert sections[1].heading == "Thời hạn ủy quyền: Từ ngày quyết định này có hiệu lực"


def test_cong_van_numbered_items_and_requests():
    text = (
        "Số: 3686/UBND-XD\nV/v đề xuất tháo gỡ khó khăn\nKính gửi: Bộ Xây dựng\nỦy ban nhân dân tỉnh đề nghị như sau:\n"
        "1. Quy định về kiểm tra điều kiện PCCC\nTheo quy định tại Luật số 42/2024/QH15.\n"
        "2. Khó khăn, vướng mắc\nViệc kiểm tra chưa thực hiện được.\n3. Kiến nghị\nĐề nghị Bộ Xây dựng:\n"
        "(i). Chỉ đạo Cục Đăng kiểm Việt Nam khẩn trương ban hành văn bản hướng\ndẫn.\n"
        "(ii). Sớm chỉ đạo nghiên cứu, sửa đổi các Quy chuẩn.\n"
        "Ủy ban nhân dân tỉnh Lào Cai trân trọng đề nghị Bộ Xây dựng quan tâm./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    )
    result = segment(text)
    assert result.metadata.doc_type == "Công văn" and result.metadata.title == "đề xuất tháo gỡ khó khăn"
    assert [(s.number, s.label) for s in result.sections] == [("1", "other"), ("2", "other"), ("3", "giai_phap")]
    assert [c.number for c in result.sections[2].children] == ["i", "ii"]
    assert text[result.sections[2].end :].startswith("Ủy ban nhân dân tỉnh Lào Cai trân trọng")


def test_quoted_articles_do_not_continue_the_items():
    # a Công văn quoting a decree's numbered clauses (lc-cv-3298): "4." after "2." is not item 3
    text = ("V/v hướng dẫn hồ sơ\n1. Dự án được cấp Giấy chứng nhận đầu tư.\n2. Quy định về trình tự thủ tục:\n"
            "- Điều 10 quy định:\n“4. Đối với dự án khác thì người quyết định đầu tư tự tổ chức thẩm định.\n"
            "6. Việc thẩm định thiết kế cơ sở được thực hiện cùng lúc.”\n")
    assert [s.number for s in segment(text).sections] == ["1", "2"]


def test_lettered_clauses_inside_a_quotation_are_not_sections():
    # lc-cv-3298 quotes a decree's clause with its points a), b) inside “ ... ”
    text = ("V/v hướng dẫn hồ sơ\n1. Dự án được cấp Giấy chứng nhận đầu tư.\n2. Quy định về trình tự thủ tục:\n"
            "- Khoản 2 Điều 1 quy định: “Các cơ quan có trách nhiệm tham gia ý kiến về thiết kế cơ\nsở:\n"
            "a) Bộ quản lý công trình xây dựng chuyên ngành;\nb) Sở quản lý công trình xây dựng chuyên ngành.\n"
            "Bộ Xây dựng ban hành Thông tư quy định cụ thể.”\n")
    sections = segment(text).sections
    assert [s.number for s in flat_sections(sections)] == ["1", "2"]


def test_an_unclosed_quote_does_not_hide_the_outline():
    # OCR lost the closing quote (seeds): the items after it are still items
    text = ("KẾ HOẠCH\nThực hiện phong trào\n\nI. MỤC ĐÍCH\nHưởng ứng phong trào “Cả nước chung tay vì người nghèo\n"
            "1. Mục đích\n2. Yêu cầu\nII. NỘI DUNG\n")
    assert [s.number for s in flat_sections(segment(text).sections)] == ["I", "1", "2", "II"]


def test_a_closing_paragraph_referring_to_the_document_ends_the_last_section():
    # seed 002 "Căn cứ nội dung Kế hoạch này, ..."; lc-cv-giao-uyquyen "Căn cứ ý kiến chỉ đạo trên, ..."
    text = ("KẾ HOẠCH\nGiảm nghèo năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n1. Phòng Lao động chủ trì.\n"
            "Căn cứ nội dung Kế hoạch này, Ủy ban nhân dân huyện yêu cầu các cơ quan triển khai./.\n")
    top = segment(text).sections[0]
    assert text[top.end :].startswith("Căn cứ nội dung Kế hoạch này") and top.children[0].end == top.end


def test_sentence_case_parts():
    # parts headed in sentence case (lc-cv-snnmt-dcks); a lower-case sentence is still no part
    text = ("Kính gửi: Các tổ chức hoạt động khoáng sản\nĐề nghị thực hiện:\n"
            "I. Đối với các dự án đã được cấp phép hoạt động khai thác\n1. Tổ chức nghiên cứu.\n"
            "II. Đối với các dự án chưa được cấp phép\n1. Lập hồ sơ.\n")
    assert [s.number for s in segment(text).sections] == ["I", "II"]


def test_annex_after_the_signature_is_a_top_level_node():
    text = (
        "QUYẾT ĐỊNH\nKiểm tra hóa chất\n\nĐiều 1. Kiểm tra việc chấp hành.\nĐiều 2. Thành lập Đoàn kiểm tra.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\tGIÁM ĐỐC\n\nHoàng Chí Hiền\n"
        "PHỤ LỤC\nDANH SÁCH CÁC ĐƠN VỊ KIỂM TRA\n(Kèm theo Quyết định số /QĐ-SCT)\n01\tCông ty TNHH Khí công nghiệp\n"
    )
    result = segment(text)
    annex = result.sections[-1]
    assert (annex.number, annex.label, annex.heading) == ("", "other", "DANH SÁCH CÁC ĐƠN VỊ KIỂM TRA")
    assert text[annex.start :].startswith("PHỤ LỤC")
    assert result.metadata.signer_name == "Hoàng Chí Hiền"


def test_annex_glued_to_the_signer_name():
    # pdftotext glues the annex's first line to the name above it (lc-qd-1696, lc-qd-2463)
    text = ("QUYẾT ĐỊNH\nỦy quyền\n\nĐiều 1. Ủy quyền.\nĐiều 2. Thi hành.\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như Điều 2;\n"
            "CHỦ TỊCH\n- Lưu: VT, KT (Long).\nNguyễn Tuấn AnhPHỤ LỤC:\nDANH MỤC NHIỆM VỤ ỦY QUYỀN\n")
    result = segment(text)
    assert result.metadata.signer_name == "Nguyễn Tuấn Anh"
    assert result.metadata.signer_title == "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    assert result.sections[-1].heading == "DANH MỤC NHIỆM VỤ ỦY QUYỀN"


def test_annex_title_in_sentence_case_and_its_items():
    # lc-tb-ngoinhu: "Phụ lục 01" then a one-line title in sentence case, numbered items inside
    text = ("THÔNG BÁO\nKết quả kiểm tra\n\n1. Thông tin về công trình\n2. Yêu cầu đối với chủ đầu tư\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nPhụ lục 01\nThông số chính của Kho chứa vật liệu nổ công nghiệp\n"
            "1. Thông tin chung công trình\n2. Tổng mặt bằng khu đất đặt kho VLNCN\n")
    annex = segment(text).sections[-1]
    assert (annex.number, annex.heading) == ("01", "Thông số chính của Kho chứa vật liệu nổ công nghiệp")
    assert [c.number for c in annex.children] == ["1", "2"]


def test_one_word_label_before_a_colon_is_not_the_heading():
    # lc-qd-kthoachat: the members of a team, "1. Ông: Hoàng Văn Thuân - ..."
    text = ("QUYẾT ĐỊNH\nKiểm tra\n\nĐiều 1. Kiểm tra.\nĐiều 2: Thành lập Đoàn kiểm tra, gồm các ông/bà sau đây:\n"
            "1. Ông: Hoàng Văn Thuân - Phó Giám đốc Sở Công Thương, Trưởng đoàn;\n2. Bà: Nguyễn Thị Loan - Thư ký;\n")
    members = segment(text).sections[1].children
    assert members[0].heading == "Ông: Hoàng Văn Thuân - Phó Giám đốc Sở Công Thương, Trưởng đoàn"
    assert segment(text).sections[1].heading == "Thành lập Đoàn kiểm tra, gồm các ông/bà sau đây"


@pytest.mark.parametrize(
    "line",
    [
        "Phụ lục kèm theo Quyết định này gồm các thủ tục hành chính được ủy quyền.",  # a sentence
        "phụ lục các thủ tục",  # lower case, no number, no colon
    ],
)
def test_not_an_annex(line):
    text = "QUYẾT ĐỊNH\nỦy quyền\n\nĐiều 1. Ủy quyền.\n" + line + "\nĐiều 2. Thi hành.\n"
    assert [s.number for s in segment(text).sections] == ["1", "2"]


@pytest.mark.parametrize(
    "heading, run_in, labels",
    [
        ("Mục tiêu", False, ["muc_dich_yeu_cau"]),
        ("QUAN ĐIỂM, MỤC TIÊU", False, ["muc_dich_yeu_cau"]),
        ("NHIỆM VỤ TRỌNG TÂM", False, ["noi_dung"]),
        ("NHIỆM VỤ VÀ GIẢI PHÁP", False, ["giai_phap"]),  # the longer phrase wins
        ("PHÂN CÔNG NHIỆM VỤ", False, ["to_chuc_thuc_hien"]),
        ("CHẾ ĐỘ BÁO CÁO", False, ["to_chuc_thuc_hien"]),
        ("Kiến nghị", True, ["giai_phap"]),  # lc-cv-3686
        ("Thời hạn ủy quyền: Từ ngày quyết định này có hiệu lực", True, ["tien_do"]),  # lc-qd-1696
        ("Yêu cầu đối với chủ đầu tư", True, ["muc_dich_yeu_cau"]),  # lc-tb-ngoinhu
        ("TÌNH HÌNH THỰC HIỆN TRÁCH NHIỆM XÃ HỘI ĐỐI VỚI CỘNG ĐỒNG", False, ["other"]),  # lc-bc-ks2025
        ("Kinh phí hoạt động", True, ["other"]),
        ("ĐỐI TƯỢNG ÁP DỤNG", False, ["other"]),
        ("Điều khoản thi hành", True, ["other"]),  # not "thời hạn" (lc-qd-2463)
        ("Về công bố mục đích sử dụng hóa chất trên Cơ sở dữ liệu", True, ["other"]),  # bct-cv-813
        ("Sau khi hoàn thành các nội dung nêu trên, đề nghị Công ty gửi hồ sơ", True, ["other"]),  # lc-cv-2826
        ("Chánh Văn phòng Sở, Trưởng phòng chịu trách nhiệm thi hành Quyết định này", True, ["to_chuc_thuc_hien"]),
        ("MỤC PÍCH, YÊU CẦU", False, ["muc_dich_yeu_cau"]),  # one OCR slip inside a phrase still matches
        ("HỒ SƠ TRÌNH THẨM ĐỊNH THIẾT KẾ XÂY DỰNG", False, ["other"]),  # "sơ trình" is no slip of "lộ trình"
    ],
)
def test_heading_labels_from_the_lexicon(heading, run_in, labels):
    assert heading_labels(heading, run_in=run_in) == labels


# ----------------------------------------------------------------------------------------------
# Foot: signer and recipients; addressees


@pytest.mark.parametrize(
    "foot, title, name, recipients",
    [
        (  # e-office PDF: signature lines interleaved with the list (lc-cv-2826)
            "Nơi nhận: KT. GIÁM ĐỐC\n- Như trên;\nPHÓ GIÁM ĐỐC\n- Ban Giám đốc Sở;\n- Lưu: VT, CN .\n(Dũng)\nHoàng Văn Thuân\n",
            "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân", ["Như trên", "Ban Giám đốc Sở", "Lưu: VT, CN(Dũng)"],
        ),
        (  # .docx table: the signature cell after a tab (lc-cv-giao-uyquyen)
            "Nơi nhận:\n- Như trên; \n- Chủ tịch UBND tỉnh; \n- Lưu: VT, KT(Nho).\tKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n \n\nNguyễn Thành Sinh\n",
            "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh", ["Như trên", "Chủ tịch UBND tỉnh", "Lưu: VT, KT(Nho)"],
        ),
        (  # three signature lines (lc-cv-3686)
            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như trên;\nKT. CHỦ TỊCH\n- Cục Đăng kiểm Việt Nam (để p/h); PHÓ CHỦ TỊCH\n"
            "- Lưu: VT, KT, XD .\n(Hùng, Nam)\nPhan Trung Bá\n",
            "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "Phan Trung Bá",
            ["Như trên", "Cục Đăng kiểm Việt Nam (để p/h)", "Lưu: VT, KT, XD(Hùng, Nam)"],
        ),
        (  # a Cục (bct-cv-1178), authority prefix without a space kept as written (lc-cv-hoachat)
            "Nơi nhận: KT.GIÁM ĐỐC\n- Như trên;\nPHÓ GIÁM ĐỐC\n- Lưu: VT, CN(Loan).\nHoàng Văn Thuân\n",
            "KT.GIÁM ĐỐC / PHÓ GIÁM ĐỐC", "Hoàng Văn Thuân", ["Như trên", "Lưu: VT, CN(Loan)"],
        ),
        (  # a scan: the first letter of "Nơi" misread, noise after an item (bct-cv-813, bct-qd-26)
            "Xới nhận: KT. CỤC TRƯỞNG\n- Như Điều 3; : : =\n- PCT. Vương Thành Chung;\n- Lưu: VT, CNHC.\n",
            "KT. CỤC TRƯỞNG", None, ["Như Điều 3", "PCT. Vương Thành Chung", "Lưu: VT, CNHC"],
        ),
        (  # a scan: stamp and signature read as letters after the items' ";" (lc-gp-2507)
            "Nơi nhận: KT, CHỦ TỊCH\n- Công an tỉnh; Z‹%z bi dư\n- UBND xã Phong Hải; 0/7, s2 N. CC\n"
            "- Chi cục: MT, KTTV; Kiểm lâm;\n- Lưu: VT, TTPVHCC, KT. \\ CÀ Xu 2T l—- ———\n\n- Nguyễn Thành Sinh\n",
            "KT. CHỦ TỊCH", "Nguyễn Thành Sinh", ["Công an tỉnh", "UBND xã Phong Hải", "Chi cục: MT, KTTV; Kiểm lâm", "Lưu: VT, TTPVHCC, KT"],
        ),
        (  # a phone capture: the signature column read into a recipient line (bct-gp-thongdat)
            "Nơi nhận: KT. BỘ TRƯỞNG\n- Công ty TNHH Vận tải Thông Đạt THỨ TRƯỞNG\n- Bộ trưởng (để báo cáo);\n- Lưu: VT, HC.\n",
            "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", None, ["Công ty TNHH Vận tải Thông Đạt", "Bộ trưởng (để báo cáo)", "Lưu: VT, HC"],
        ),
        (  # a Party committee (HD 36-HD/VPTW model): T/M. and the collective
            "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n- Lưu Văn phòng Tỉnh ủy.\tT/M. BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn A\n",
            "T/M. BAN THƯỜNG VỤ / PHÓ BÍ THƯ", "Nguyễn Văn A", ["Ban Thường vụ Tỉnh ủy,", "Lưu Văn phòng Tỉnh ủy"],
        ),
        (  # a copier scan (lc-qd-2338): "nhận" misread, the title glued to the head without a tab, a page
           # number glued to the name, an annex after it whose bracketed line is no recipient
            "Nơi HHẬN:Đã _ “QjẢj CHỦ TỊCH\n- Thường trực Tỉnh ủy (b/c); : `\n\n- Các PCT UBND tỉnh;\n- Lưu: VT, KT.\n\n"
            "Nguyễn Tuấn Anh6\n\nPhụ lục\nBẢNG TỌA ĐỘ\n(Kèm theo Quyết định số 2338/QĐ-UBND)\n",
            "CHỦ TỊCH", "Nguyễn Tuấn Anh", ["Thường trực Tỉnh ủy (b/c)", "Các PCT UBND tỉnh", "Lưu: VT, KT"],
        ),
    ],
)
def test_foot(foot, title, name, recipients):
    view = DocView(foot)
    result = read_foot(view, 0)
    assert (result.signer_title[0] if result.signer_title else None) == title
    assert (result.signer_name[0] if result.signer_name else None) == name
    assert [r[0].rstrip(" ;.,:") for r in result.recipients] == [r.rstrip(" ;.,:") for r in recipients]
    for text, start, end in result.recipients:
        assert foot[start:end].split("\n")[0] in text or text.startswith(foot[start:end][:5])


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ("KT. GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
        ("TM UY BAN NHAN DAN", "TM. ỦY BAN NHÂN DÂN"),  # OCR lost the marks and the dot
        ("TL. CHỦ TỊCH", "TL. CHỦ TỊCH"),
        ("TUQ. GIÁM ĐỐC", "TUQ. GIÁM ĐỐC"),
        ("Q. CỤC TRƯỞNG", "Q. CỤC TRƯỞNG"),
        ("CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG"),
        ("Như trên", None),  # not upper case
        ("LƯU: VT, KT", None),  # upper case, but no position
        ("TM. PHÒNG KINH TẾ HẠ TẦNG VÀ ĐÔ THỊ HUYỆN", None),  # no collective head the decree names
    ],
)
def test_signer_title_part(fragment, expected):
    assert signer_title_part(fragment) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kính gửi: Bộ Xây dựng\nỦy ban nhân dân tỉnh Lào Cai nhận được", ["Bộ Xây dựng"]),
        ("Kính gửi: Công ty TNHH Đại Đồng Tiến.\n(Địa chỉ: số 190, đường Lý Thường Kiệt)\n", ["Công ty TNHH Đại Đồng Tiến"]),
        ("   Kính gửi: \n- Các Sở, ban, ngành tỉnh;\n- Ủy ban nhân dân xã, phường;\n- Các đơn vị hoạt động hóa chất \n"
         "trên địa bàn tỉnh.\n\nThực hiện chỉ đạo của UBND tỉnh", ["Các Sở, ban, ngành tỉnh", "Ủy ban nhân dân xã, phường",
                                                                  "Các đơn vị hoạt động hóa chất trên địa bàn tỉnh"]),
        ("Kính gửi các đồng chí, theo đề nghị", []),  # no colon and the sentence runs on: not a list
    ],
)
def test_addressees(text, expected):
    items, _ = read_addressees(DocView(text))
    assert [i[0] for i in items] == expected


def test_recipients_line_without_colon_is_not_the_foot():
    text = "KẾ HOẠCH\nTiêu đề năm 2026\n\nI. NỘI DUNG\nNơi nhận hồ sơ là bộ phận một cửa.\n1. Một.\n"
    result = segment(text)
    assert result.metadata.recipients == []
    assert [s.number for s in flat_sections(result.sections)] == ["I", "1"]


# ----------------------------------------------------------------------------------------------
# The lexicon and the text core


def test_every_lexicon_entry_says_why():
    for name in ("doc_types", "header", "issuers", "foot", "places", "sections"):
        data = load(name)

        def walk(node, path):
            if isinstance(node, list):
                for item in node:
                    if isinstance(item, dict):
                        assert item.get("why"), f"{name}:{path} {item}"
            elif isinstance(node, dict):
                if "pattern" in node or ("value" in node and "why" not in node and path):
                    assert node.get("why"), f"{name}:{path}"
                for k, v in node.items():
                    walk(v, f"{path}.{k}")

        walk(data, "")


@pytest.mark.parametrize("text", ["Đường Ủy ban", "CỘNG HÒA", "Thƣơng", "ð", "e\u0301", "İstanbul", "\f\t x"])
def test_fold_is_one_character_per_character(text):
    assert len(fold(text)) == len(text)


def test_fold_reads_word_2010_u_horn():
    assert fold("Công Thƣơng") == fold("Công Thương") == "cong thuong"


def test_one_fold_for_every_stage():
    from vnplan.bodies import fold as bodies_fold
    from vnplan.structure.placenames import proper_name
    from vnplan.text import fold as core_fold
    from vnplan.text.vietnamese import syllables

    assert core_fold("Đ") == "d" and bodies_fold is core_fold
    assert proper_name("LÀO CAI", "") == "Lào Cai"
    assert syllables("Lào Cai") == ["Lào", "Cai"]


def test_a_dash_before_the_motto_column_is_not_in_the_issuer():
    # a phone capture read the gap between the two header columns as a dash (bkhcn-gp-thongdat)
    text = ("BỘ KHOA HỌC VÀ CÔNG NGHỆ — CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 184/GP-BKHCN Hà Nội, ngày 31 tháng 5 năm 2024\nGIẤY PHÉP\nVận chuyển hàng hóa nguy hiểm\n\n1. Tên đơn vị: Công ty A.\n")
    assert segment(text).metadata.issuer == "Bộ Khoa học và Công nghệ"
