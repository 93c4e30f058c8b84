"""Digits OCR read as look-alike letters, put back in date and number slots (extract/repair/digits.py).

The positive rows are slips Tesseract `vie` made on real 200 dpi scans of Lào Cai provincial
decisions; the negative rows are text that must stay as it is."""
import pytest

from vnplan.repair.digits import fix_digit_slips

FIXED = [
    ("ngày l6\ntháng 6 năm 2025;", "ngày 16\ntháng 6 năm 2025;"),
    ("số 143/2025/QH15 ngày l1 tháng 12 năm 202%;", "số 143/2025/QH15 ngày 11 tháng 12 năm 202%;"),
    ("ngày 3] tháng 3 năm 2026 của", "ngày 31 tháng 3 năm 2026 của"),
    ("Báo cáo thẩm định số 203⁄BC-BQL ngày 26", "Báo cáo thẩm định số 203/BC-BQL ngày 26"),
    ("Số: 2O3/QĐ-UBND", "Số: 203/QĐ-UBND"),
    ("Lào Cai, ngày 0l tháng 7 năm 2O26", "Lào Cai, ngày 01 tháng 7 năm 2026"),
    ("ngay 1| thang 5 nam 2026", "ngay 11 thang 5 nam 2026"),
    ("ngày 2!/5/2026", "ngày 21/5/2026"),
    ("số 12∕KH-UBND", "số 12/KH-UBND"),
]

UNCHANGED = [
    "Điều l khoản 2",                      # not a date or number slot
    "ngày 45 tháng l3 năm 2026",           # no valid month comes out: leave it to a reader
    "ngày lO tháng l năm 2026",            # no real digit in the token: may be a word
    "Ông Il tháng",                        # a name, not a slot
    "ngày 16 tháng 6 năm 2025",            # already right
    "Số: /QĐ-UBND",                        # a blank number (a draft): nothing to read
    "1/2 số hộ",                           # a plain fraction with an ASCII slash
]


@pytest.mark.parametrize("text, expected", FIXED)
def test_lookalikes_read_as_digits_in_number_slots(text, expected):
    fixed, changed = fix_digit_slips(text)
    assert fixed == expected
    assert changed > 0
    assert len(fixed) == len(text)


@pytest.mark.parametrize("text", UNCHANGED)
def test_text_outside_number_slots_is_left_alone(text):
    assert fix_digit_slips(text) == (text, 0)
