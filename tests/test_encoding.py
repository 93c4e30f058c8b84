"""Every common way a Vietnamese .txt comes to us decodes to the same Unicode text."""

import unicodedata

import pytest

from vnplan.encoding import decode_bytes, decode_font_run, font_encoding, unicode_to_tcvn3, unicode_to_vni

SENTENCE = (
    "Thực hiện Kế hoạch số 284/KH-UBND ngày 27/12/2017 của UBND tỉnh về việc tổ chức thực hiện "
    "phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2016 - 2020; "
    "Sở Lao động - Thương binh và Xã hội xây dựng Kế hoạch như sau: giảm tỷ lệ hộ nghèo bình quân 2,5%/năm."
)


def _cp1258_proper(text: str) -> bytes:
    result = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            result += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        # keep letter marks (breve, circumflex, horn) on the base; tone marks combining
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0306\u0302\u031b"))
        tones = "".join(m for m in marks if m not in "\u0306\u0302\u031b")
        result += letter.encode("cp1258") + tones.encode("cp1258")
    return bytes(result)


CASES = [
    ("utf-8", SENTENCE.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8-sig"),
    ("utf-16 with BOM", SENTENCE.encode("utf-16"), "utf-16"),
    ("utf-16-le without BOM", SENTENCE.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", SENTENCE.encode("utf-16-be"), "utf-16-be"),
    ("windows-1258", _cp1258_proper(SENTENCE), "cp1258"),
    ("VNI typed", unicode_to_vni(SENTENCE).encode("cp1252"), "vni"),
    ("decomposed utf-8 (NFD)", unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "utf-8"),
    ("windows line ends", SENTENCE.replace("; ", ";\r\n").encode("utf-8"), "utf-8"),
]


@pytest.mark.parametrize("name,data,encoding", CASES, ids=[c[0] for c in CASES])
def test_decodes_to_the_same_text(name, data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.replace(";\n", "; ") == SENTENCE


def test_tcvn3_typed_text():
    # VN3 has no uppercase toned letters: those were typed in the separate "H" fonts.
    lower = SENTENCE.replace("Thực", "thực").replace("Kế", "kế").replace("Cả", "cả").replace("Sở", "sở")
    lower = lower.replace("Lao động", "lao động").replace("Thương", "thương").replace("Xã", "xã").replace("Không", "không")
    lower = lower.replace("“", '"').replace("”", '"')  # the ABC fonts used straight quotes
    data = unicode_to_tcvn3(lower).encode("latin-1")
    decoded = decode_bytes(data)
    assert decoded.encoding == "tcvn3"
    assert decoded.text == lower


def test_tcvn3_pasted_into_utf8():
    lower = "thực hiện kế hoạch tổ chức phong trào thi đua vì người nghèo, không để ai bị bỏ lại phía sau"
    decoded = decode_bytes(unicode_to_tcvn3(lower).encode("utf-8"))
    assert decoded.encoding == "utf-8+tcvn3"
    assert decoded.text == lower


def test_plain_ascii_stays_utf8():
    assert decode_bytes(b"Ke hoach to chuc thuc hien").encoding == "utf-8"


# English-model OCR of a Vietnamese page is UTF-8 with Latin-1 letters only (hién, nuéc, 1é):
# a legacy-font reading (é = ộ in TCVN3, VNI pairs) must not win on a sliver of score.
ENG_OCR_UTF8 = [
    "KE HOACH\n\nT6 chtc thuc hién phong trao thi dua “Ca nuéc chung tay\nvi ngwoi nghéo - kh6ng dé"
    " ai bi bo lai phia sau” giai doan 2017 - 2020\n\nThuc hién Quyét dinh s6 1258/QD-TTg ngay 21/8/2017"
    " cua Tht tuéng Chinh pht vé viéc ban hanh\nKé hoach t6 chirc thuc hién phong trao thi dua “Ca nuéc"
    " chung tay vi ngudi nghéo - khong dé ai bi\nbo lai phia sau” giai doan 2016-2020;",
    "\n- Hoan thanh cé chat luong, ding thdi han cdc van ban huéng dan thuc hién chinh sach, chuong\ntrinh"
    " lién quan dén cong tac giam nghéo bén vitng theo chi dao cua cac cap cé thaém quyén;\n\n- Cha déng,"
    " tich cuc long ghép cac néi dung thuc hién giam nghéo bén vitng trong trién khai caéc\nhoat déng"
    " chuyén mén cua phong, gép phan thuc hién thang loi nhiém vu chinh tri cua Nganh;\n\n- Tich cuc va cé"
    " nhiéu sang kién, gidi phdp trong céng tac tuyén truyén, t6 chic thuc hién chirc",
]


@pytest.mark.parametrize("text", ENG_OCR_UTF8)
def test_english_ocr_utf8_is_not_read_as_legacy_font(text):
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.encoding, decoded.text) == ("utf-8", text)


# Font names seen in Word documents of 2002-2009 -> the encoding their runs are typed in.
FONTS = [
    (".VnTime", "tcvn3"),
    (".VnTimeH", "tcvn3-caps"),  # the ABC "H" fonts draw every code as a capital
    (".VnArial NarrowH", "tcvn3-caps"),
    (".vntime", "tcvn3"),
    (".VnCentury Schoolbook", "tcvn3"),
    ("VNI-Times", "vni"),
    ("VNI-Helve", "vni"),
    ("Vni-Times", "vni"),
    (".VnTime;Times New Roman", "tcvn3"),  # LibreOffice writes fallbacks after a ';'
    ("Times New Roman", None),
    ("Arial", None),
    ("VNtimes new roman", None),  # a Unicode font despite the letters
    ("", None),
    (None, None),
]


@pytest.mark.parametrize("font,encoding", FONTS)
def test_font_encoding(font, encoding):
    assert font_encoding(font) == encoding


# Runs as Word reports them (typed by hand with the ABC and VNI keyboards) -> Unicode.
RUNS = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("céng hoµ x· héi chñ nghÜa viÖt nam", "tcvn3-caps", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
    ("Tr\xadêng", "tcvn3", "Trường"),  # ư is 0xAD, the Latin-1 soft hyphen
    ("Sè: 284/KH-UBND ngµy 27/12/2017", "tcvn3", "Số: 284/KH-UBND ngày 27/12/2017"),  # codes untouched
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),
    ("\uf04b\uf0d5 ho\uf0b9ch", "tcvn3", "Kế hoạch"),  # a legacy font with the Symbol charset
    ("KƠ ho¹ch", "tcvn3", "Kế hoạch"),  # a legacy font with the Vietnamese charset (Windows-1258)
    # already Unicode, whatever the font says: left as it is
    ("Sở Tài chính thẩm định", "tcvn3", "Sở Tài chính thẩm định"),
    ("đơn vị", "tcvn3", "đơn vị"),
    ("Sở Công Thương", "vni", "Sở Công Thương"),
    ("Tæ chøc", None, "Tæ chøc"),  # a Unicode font: no conversion
    ("2025", "vni", "2025"),
]


@pytest.mark.parametrize("text,encoding,expected", RUNS)
def test_decode_font_run(text, encoding, expected):
    assert decode_font_run(text, encoding) == expected
