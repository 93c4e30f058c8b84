"""Office documents (.docx, Word 97 .doc, .rtf): body order, legacy-font runs, bad input.

The legacy strings below are typed as the ABC (TCVN3) and VNI keyboards wrote them, by hand, not
made with vnplan's encoders, so a wrong table entry fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, vnplan
from vnplan.errors import InputError, MissingDependency
from vnplan.ingest import ingest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
REALDOCS = ROOT.parent / "shared" / "realdocs"

# A paragraph is a list of runs (typed text, font name or None to inherit); a table is a list of
# rows of cells, a cell a list of paragraphs.
MIXED_BODY = [
    ("table", [
        [[[("uû ban nh©n d©n", ".VnTimeH")], [("tØnh lµo cai", ".VnTimeH")]],
         [[("céng hoµ x· héi chñ nghÜa viÖt nam", ".VnTimeH")], [("§éc lËp - Tù do - H¹nh phóc", ".VnTime")]]],
        [[[("Sè: 15/KH-UBND", ".VnTime")]], [[("Lµo Cai, ngµy 10 th¸ng 3 n¨m 2005", ".VnTime")]]],
    ]),
    ("p", [("KÕ ho¹ch", ".VnTimeH")]),
    ("p", [("Tæ chøc thùc hiÖn phong trµo thi ®ua ", ".VnTime"), ("giai đoạn 2021 - 2025 ", "Times New Roman"),
           ("veà vieäc giaûm ngheøo", "VNI-Times")]),
    # VNI writes a toned letter as base + mark: formatting may change between the two.
    ("p", [("Co", "VNI-Times"), ("äng ñoàng", "VNI-Times")]),
    # TCVN3 ư is byte 0xAD, the Latin-1 soft hyphen.
    ("p", [("Tr\xadêng häc, bÖnh viÖn", ".VnTime")]),
    # Text retyped in Unicode keeps its old font name: it must not be converted again.
    ("p", [("Sở Tài chính thẩm định", ".VnTime"), (" trước ngày 15 tháng 12", "Times New Roman")]),
    ("table", [
        [[[("STT", None)]], [[("Nội dung", None)]], [[("Thời gian", None)]]],
        [[[("1", None)]], [[("Tuyªn truyÒn", ".VnTime")]], [[("Quý I/2005", None)]]],
    ]),
    ("p", [("Chỉ tiêu đến năm 2025:", None)]),
    # Two columns but no motto, "Nơi nhận" or "Kính gửi": a data table, read row by row.
    ("table", [
        [[[("Chỉ tiêu", None)]], [[("Giá trị", None)]]],
        [[[("Hộ nghèo giảm", None)]], [[("2,5%/năm", None)]]],
    ]),
    ("p", [("Uû ban nh©n d©n tØnh b¸o c¸o kÕt qu¶.", ".VnTime")]),
    ("table", [
        [[[("N¬i nhËn:", ".VnTime")], [("- Nh\xad trªn;", ".VnTime")]],
         [[("tm. uû ban nh©n d©n", ".VnTimeH")], [("chñ tÞch", ".VnTimeH")]]],
    ]),
    ("p", [("Phô lôc", ".VnTimeH")]),  # Word ends a body with a paragraph, never a table
]
MIXED_TEXT = "\n".join([
    "UỶ BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 15/KH-UBND",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 10 tháng 3 năm 2005",
    "KẾ HOẠCH",
    "Tổ chức thực hiện phong trào thi đua giai đoạn 2021 - 2025 về việc giảm nghèo",
    "Cộng đồng",
    "Trường học, bệnh viện",
    "Sở Tài chính thẩm định trước ngày 15 tháng 12",
    "STT\tNội dung\tThời gian", "1\tTuyên truyền\tQuý I/2005",
    "Chỉ tiêu đến năm 2025:", "Chỉ tiêu\tGiá trị", "Hộ nghèo giảm\t2,5%/năm",
    "Uỷ ban nhân dân tỉnh báo cáo kết quả.",
    "Nơi nhận:", "- Như trên;", "TM. UỶ BAN NHÂN DÂN", "CHỦ TỊCH",
    "PHỤ LỤC",
])
UNICODE_BODY = [("p", [("Kế hoạch tổ chức thực hiện năm 2025", None)]), ("p", [("Sở Công Thương chủ trì.", "Arial")])]
UNICODE_TEXT = "Kế hoạch tổ chức thực hiện năm 2025\nSở Công Thương chủ trì."


def _add_runs(paragraph, runs):
    for typed, font in runs:
        run = paragraph.add_run(typed)
        if font:
            run.font.name = font


def make_docx(path: Path, body, normal_font: str | None = None, style_font: str | None = None) -> Path:
    """A .docx of `body`; `normal_font` sets the Normal style's font, `style_font` a paragraph
    style "Legacy" (based on Normal) that every body paragraph takes."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    if normal_font:
        document.styles["Normal"].font.name = normal_font
    style = None
    if style_font:
        style = document.styles.add_style("Legacy", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.name = style_font
    for kind, content in body:
        if kind == "p":
            paragraph = document.add_paragraph(style=style)
            _add_runs(paragraph, content)
            continue
        table = document.add_table(rows=len(content), cols=len(content[0]))
        for row, cells in zip(table.rows, content):
            for cell, paragraphs in zip(row.cells, cells):
                cell.paragraphs[0].text = ""
                for i, runs in enumerate(paragraphs):
                    _add_runs(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), runs)
    document.save(str(path))
    return path


def soffice_convert(paths: list[Path], fmt: str, out_dir: Path) -> list[Path]:
    """Save documents as .doc or .rtf with LibreOffice, as Word users' archives hold them."""
    profile = out_dir / f"profile-{fmt}"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", fmt,
                    "--outdir", str(out_dir), *map(str, paths)], check=True, capture_output=True, timeout=300)
    return [out_dir / f"{p.stem}.{fmt}" for p in paths]


# Word's automatic numbering: (level, list, text); list 90 numbers I. / 1. / a) / 2.1., list 91 is
# the same list restarted at III (a startOverride), list 0 means "no numbering".
OUTLINE = [
    (0, "90", "MỤC ĐÍCH, YÊU CẦU"), (1, "90", "Mục đích"), (2, "90", "Nâng cao nhận thức"),
    (2, "90", "Huy động nguồn lực"), (1, "90", "Yêu cầu"), (3, "90", "Chi tiết"), (0, "90", "NỘI DUNG"),
    (1, "90", "Tuyên truyền"), (0, "91", "TỔ CHỨC THỰC HIỆN"), (0, "0", "Không đánh số"),
    (None, "List Bullet", "Sở Tài chính chủ trì"), (None, None, "Kết thúc"),
]
OUTLINE_TEXT = "\n".join([
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Nâng cao nhận thức", "b) Huy động nguồn lực", "2. Yêu cầu",
    "2.1. Chi tiết", "II. NỘI DUNG", "1. Tuyên truyền", "III. TỔ CHỨC THỰC HIỆN", "Không đánh số",
    "- Sở Tài chính chủ trì", "Kết thúc",
])
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LEVELS = [("upperRoman", "%1.", "tab"), ("decimal", "%2.", "tab"), ("lowerLetter", "%3)", "space"),
           ("decimal", "%2.%4.", "tab")]


def make_outline_docx(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suff}"/>'
                     f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text, suff) in enumerate(_LEVELS))
    numbering.insert(0, parse_xml(f'<w:abstractNum {_W_NS} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {_W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {_W_NS} w:numId="91"><w:abstractNumId w:val="90"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'))
    for level, num, text in OUTLINE:
        if level is None:
            document.add_paragraph(text, style=num)
            continue
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {_W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The test documents as .docx, and as .doc and .rtf when LibreOffice is there."""
    tmp = tmp_path_factory.mktemp("office")
    docs = {"mixed": make_docx(tmp / "mixed.docx", MIXED_BODY), "unicode": make_docx(tmp / "unicode.docx", UNICODE_BODY),
            "outline": make_outline_docx(tmp / "outline.docx")}
    out = {("docx", name): path for name, path in docs.items()}
    if SOFFICE:
        for fmt in ("doc", "rtf"):
            for name, path in zip(docs, soffice_convert(list(docs.values()), fmt, tmp)):
                out[(fmt, name)] = path
    return out


# (document, format, text, page method, encoding)
CASES = [
    ("mixed", "docx", MIXED_TEXT, "legacy_font", "utf-8+tcvn3+vni"),
    ("mixed", "doc", MIXED_TEXT, "legacy_font", "utf-8+tcvn3+vni"),
    ("mixed", "rtf", MIXED_TEXT, "legacy_font", "utf-8+tcvn3+vni"),
    ("unicode", "docx", UNICODE_TEXT, "docx", "utf-8"),
    ("unicode", "doc", UNICODE_TEXT, "doc", "utf-8"),
    ("outline", "docx", OUTLINE_TEXT, "docx", "utf-8"),
    ("outline", "doc", OUTLINE_TEXT, "doc", "utf-8"),
]


@pytest.mark.parametrize("name,fmt,text,method,encoding", CASES, ids=[f"{c[0]}.{c[1]}" for c in CASES])
def test_office_document_reads_as_typed(made, name, fmt, text, method, encoding):
    if (fmt, name) not in made:
        pytest.skip("LibreOffice (soffice) is not installed")
    doc = ingest(made[(fmt, name)])
    assert (doc.kind, doc.pages[0].method, doc.encoding) == (fmt, method, encoding)
    assert doc.text == text


# Fonts inherited from styles: (Normal style font, paragraph style font, typed, expected)
INHERITED = [
    (".VnTime", None, [("Kinh phÝ thùc hiÖn", None)], "Kinh phí thực hiện"),
    (None, "VNI-Times", [("Kinh phí thöïc hieän", None)], "Kinh phí thực hiện"),
    # the run's own font wins over its style's
    (".VnTime", None, [("Kinh phÝ ", None), ("café và trà", "Times New Roman")], "Kinh phí café và trà"),
    ("Times New Roman", None, [("Tæ chøc", None)], "Tæ chøc"),  # a Unicode font: left as typed
]


@pytest.mark.parametrize("normal,style,runs,expected", INHERITED)
def test_font_inherited_from_styles(tmp_path, normal, style, runs, expected):
    doc = ingest(make_docx(tmp_path / "styled.docx", [("p", runs)], normal_font=normal, style_font=style))
    assert doc.text == expected


def test_merged_cells_are_read_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Bảng 1. Kết quả thực hiện"
    for cell, text in zip(table.rows[1].cells, ["1", "Tuyên truyền", "Quý I"]):
        cell.text = text
    document.save(str(tmp_path / "merged.docx"))
    assert ingest(tmp_path / "merged.docx").text == "Bảng 1. Kết quả thực hiện\n1\tTuyên truyền\tQuý I"


# RTF written by hand, as Word 97 saved it: legacy letters as \'xx escapes under a .Vn* or VNI-*
# font, Unicode as \uN escapes. (name, fonts and body, text)
RTF_FONTS = (r"{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fnil\fcharset0 .VnTime;}"
             r"{\f2\fnil\fcharset0 .VnTimeH;}{\f3\fnil\fcharset0 VNI-Times;}{\f4\fnil\fcharset163 .VnTime;}"
             r"{\f5\fnil\fcharset2 .VnTime;}}")
RTF_CASES = [
    ("legacy and unicode runs",
     r"\pard\f2 c\'e9ng ho\'b5 x\'b7 h\'e9i ch\'f1 ngh\'dca vi\'d6t nam\par"
     r"\pard\f1 K\'d5 ho\'b9ch s\'e8 12/KH-UBND \f0 n\u259?m 2025 \f3 S\'f4\'fb Co\'e2ng Th\'f6\'f4ng\par"
     r"\pard\f1 Tr\'ad\'eang h\'e4c\par",
     "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKế hoạch số 12/KH-UBND năm 2025 Sở Công Thương\nTrường học",
     "legacy_font"),
    # A TCVN3 font declared with the Vietnamese charset, and with the Symbol charset.
    ("legacy font with another charset",
     r"\pard\f4 K\'d5 ho\'b9ch th\'abng b\'b8o\par\pard\f5 K\'d5 ho\'b9ch\par",
     "Kế hoạch thông báo\nKế hoạch", "legacy_font"),
    ("unicode only",
     r"\pard\f0 K\u7871? ho\u7841?ch t\u7893? ch\u7913?c\par",
     "Kế hoạch tổ chức", "rtf"),
    # A footnote (its number is a field, not text) comes after the body.
    ("footnote",
     r"\pard\f1 C\'a8n c\'f8 Ngh\'de \'ae\'denh{\super\chftn{\footnote\pard\plain\f1{\super\chftn} Ngh\'de \'ae\'denh "
     r"30/2020/N\'a7-CP ng\'b5y 05/3/2020.}}\f0  v\u7873? c\u244?ng t\u225?c v\u259?n th\u432?.\par",
     "Căn cứ Nghị định về công tác văn thư.\n Nghị định 30/2020/NĐ-CP ngày 05/3/2020.", "legacy_font"),
]


@needs_soffice
@pytest.mark.parametrize("name,body,text,method", RTF_CASES, ids=[c[0] for c in RTF_CASES])
def test_hand_written_rtf(tmp_path, name, body, text, method):
    path = tmp_path / "doc.rtf"
    path.write_text(r"{\rtf1\ansi\ansicpg1252\deff0" + RTF_FONTS + "\n" + body + "}", encoding="ascii")
    doc = ingest(path)
    assert (doc.kind, doc.pages[0].method) == ("rtf", method)
    assert doc.text == text


def test_legacy_txt_without_fonts_still_decodes(tmp_path):
    # No font names to go by: the bytes alone tell TCVN3 (decode_bytes).
    path = tmp_path / "old.txt"
    path.write_bytes("Tæ chøc thùc hiÖn phong trµo thi ®ua vÒ viÖc gi¶m nghÌo bÒn v÷ng".encode("latin-1"))
    doc = ingest(path)
    assert (doc.kind, doc.encoding) == ("txt", "tcvn3")
    assert doc.text == "Tổ chức thực hiện phong trào thi đua về việc giảm nghèo bền vững"


# --- real documents ----------------------------------------------------------------------------

# Lines read in each document (Word), in reading order: issuer, number, motto, ..., and the
# signature block where the .doc has one beside "Nơi nhận".
REAL = [
    ("bct-cv-logistic.doc", ["BỘ CÔNG THƯƠNG", "CỤC HOÁ CHẤT", "Số:      /HC-QLHC", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                             "Độc lập - Tự do - Hạnh phúc", "Kính gửi: Công ty Cổ phần Logistic Việt Trung",
                             "Nơi nhận:", "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "Vương Thành Chung"]),
    ("lc-tb-sanbang.doc", ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số:            /SCT-CN",
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
                           "Kính gửi: Tổng công ty Khoáng sản TKV -CTCP", "KT. GIÁM ĐỐC", "Hoàng Văn Thuân"]),
    ("ttg-ct-07.docx", ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 07/CT-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 02 tháng 03 năm 2012", "CHỈ THỊ",
                        "Nơi nhận:", "THỦ TƯỚNG", "Nguyễn Tấn Dũng"]),
    # its footnotes (the first two of twelve) after the body
    ("lc-bc-ks2025.docx", ["UỶ BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
                           "Nơi nhận:", "Kết luận số 10/KL-TT ngày 09/9/2025 và Kết luận số 17/KL-TT ngày 05/11/2025.",
                           "Kết luận số 02/KL-TT ngày 10/02/2025."]),
    ("lc-cv-giao-uyquyen.docx", ["UỶ BAN NHÂN DÂN", "Số:             /UBND-KT", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                 "Kính gửi:", "- Sở Công Thương;", "- Sở Tư pháp."]),
    ("lc-cv-hoachat.docx", ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("lc-cv-snnmt-dcks.docx", ["UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số:          /SNNMT-KS",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("lc-tb-ngoinhu.docx", ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số:          /TB-SCT",
                            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "THÔNG BÁO"]),
    ("lc-qd-kthoachat.docx", ["UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số:            /QĐ-SCT",
                              "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH"]),
]


@pytest.mark.parametrize("name,lines", [pytest.param(*r, marks=[pytest.mark.slow] if r[0].endswith(".doc") else [])
                                        for r in REAL], ids=[r[0] for r in REAL])
def test_real_office_documents(name, lines):
    path = REALDOCS / name
    if not path.exists():
        pytest.skip("../shared/realdocs is not here")
    if path.suffix == ".doc" and SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    result = vnplan("ocr", path)
    assert result.returncode == 0, result.stderr.decode()
    text_lines = [line.strip() for line in result.stdout.decode("utf-8").splitlines()]
    positions = []
    for line in lines:
        assert line.strip() in text_lines, line
        positions.append(text_lines.index(line.strip(), positions[-1] if positions else 0))
    assert positions == sorted(positions)


# --- bad input ----------------------------------------------------------------------------------

def _truncated_doc(tmp, made):
    if ("doc", "mixed") not in made:
        pytest.skip("LibreOffice (soffice) is not installed")
    whole = made[("doc", "mixed")].read_bytes()
    p = tmp / "truncated.doc"
    p.write_bytes(whole[: len(whole) // 3])
    return p, "not a readable Word .doc (LibreOffice: corrupt, truncated or password-protected)"


def _ole_garbage_doc(tmp, made):
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    p = tmp / "garbage.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 20)
    return p, "not a readable Word .doc"


def _rtf_not_rtf(tmp, made):
    p = tmp / "notes.rtf"
    p.write_text("Kế hoạch tổ chức thực hiện, but not RTF at all", encoding="utf-8")
    return p, "not an RTF document (no {\\rtf header)"


def _renamed_binary(tmp, made):
    p = tmp / "plan.doc"
    p.write_bytes(bytes(range(256)) * 8)
    return p, "not a Word 97-2003 .doc (no OLE2 header)"


def _truncated_docx(tmp, made):
    whole = made[("docx", "mixed")].read_bytes()
    p = tmp / "truncated.docx"
    p.write_bytes(whole[: len(whole) // 2])
    return p, "not a readable .docx (BadZipFile: File is not a zip file)"


def _encrypted_docx(tmp, made):
    # What Word writes for a password-protected .docx: an OLE2 container whose directory names
    # an EncryptionInfo stream (MS-CFB directory entry: UTF-16 name padded to 64 bytes, length 30).
    entry = "EncryptionInfo".encode("utf-16-le").ljust(64, b"\x00") + b"\x1e\x00" + b"\x02\x01" + b"\xff" * 12
    p = tmp / "locked.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016 + entry.ljust(128, b"\x00") + b"\x00" * 896)
    return p, "encrypted Word document (a password is needed)"


def _workbook(tmp, made):
    p = tmp / "annex.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    return p, "an OLE2 '.xls' file is not a supported document"


# A .doc LibreOffice cannot load is tried with each Word filter in turn: three runs, marked slow.
BAD = [pytest.param(_truncated_doc, marks=pytest.mark.slow), pytest.param(_ole_garbage_doc, marks=pytest.mark.slow),
       _rtf_not_rtf, _renamed_binary, _truncated_docx, _encrypted_docx, _workbook]


@pytest.mark.parametrize("make", BAD, ids=["truncated_doc", "ole_garbage_doc", "rtf_not_rtf", "renamed_binary",
                                           "truncated_docx", "encrypted_docx", "workbook"])
def test_bad_office_input_exit_3_one_line(tmp_path, made, make):
    path, reason = make(tmp_path, made)
    result = vnplan("ocr", path)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 3, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert lines[0].startswith(f"vnplan: error: {path}: ")
    assert reason in lines[0]


def test_missing_libreoffice_is_exit_6(tmp_path, made):
    path = tmp_path / "plan.rtf"
    path.write_text(r"{\rtf1\ansi{\fonttbl{\f0 .VnTime;}}\f0 K\'d5 ho\'b9ch\par}", encoding="ascii")
    env = {k: v for k, v in os.environ.items() if k != "VNPLAN_SOFFICE"}
    env["PATH"] = str(tmp_path / "empty")
    result = subprocess.run([sys.executable, "-m", "vnplan", "ocr", str(path)], capture_output=True, cwd=ROOT,
                            env=env, timeout=120)
    assert result.returncode == 6
    assert result.stderr.decode().strip() == (
        "vnplan: error: LibreOffice is needed to read .doc and .rtf files: apt-get install --no-install-recommends "
        "libreoffice-writer-nogui (or run scripts/install_system_deps.sh)"
    )


@needs_soffice
def test_conversion_timeout_is_an_input_error(tmp_path, made):
    from vnplan.office import convert_to_docx

    (tmp_path / "work").mkdir()
    with pytest.raises(InputError, match=r"LibreOffice did not convert the \.rtf within 0\.01 s"):
        convert_to_docx(made[("rtf", "mixed")], "rtf", tmp_path / "work", timeout=0.01)


def test_missing_dependency_is_its_own_kind(monkeypatch, tmp_path):
    import vnplan.office as office

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("VNPLAN_SOFFICE", raising=False)
    with pytest.raises(MissingDependency):
        office.find_soffice()


def test_docx_parts_over_the_bound_are_refused_unpacked(made):
    from vnplan.office import read_office

    path = made[("docx", "unicode")]
    assert read_office(path, "", "docx").text == UNICODE_TEXT
    with pytest.raises(InputError, match=r"archive parts too large \(\d+\.\d MiB unpacked > 0\.5 MiB limit\)"):
        read_office(path, "", "docx", part_bytes=2**19)
