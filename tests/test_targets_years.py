"""A target's year ("đến năm 2025") is the target's `by_year` and lies inside the target's text, so the entity
pipeline does not read it again as a deadline (gold/README.md: "targets' 'đến năm 2020' ... are targets' by_year")."""

from __future__ import annotations

import pytest

from vnplan.entities import extract_entities

CASES = [
    # (text, the target's by_year, the year phrase) — typical forms of provincial poverty plans
    ("- Phấn đấu đến năm 2025 có thêm 10 xã đạt chuẩn nông thôn mới.", 2025, "đến năm 2025"),
    ("- Phấn đấu đến năm 2030, thu nhập bình quân đầu người đạt 120 triệu đồng/năm.", 2030, "đến năm 2030"),
    ("- Đến cuối năm 2020, thu nhập bình quân của hộ nghèo tăng 1,5 lần so với cuối năm 2015.", 2020, "Đến cuối năm 2020"),
    ("- Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn 3%.", 2025, "đến năm 2025"),
]


@pytest.mark.parametrize("text,year,phrase", CASES)
def test_target_year_is_not_a_deadline(text, year, phrase):
    found = extract_entities(text, [])
    assert [t.by_year for t in found.targets] == [year]
    assert phrase in found.targets[0].text
    assert not [d for d in found.deadlines if d.year == year]


def test_a_deadline_beside_a_target_stays():
    # the reporting date is a deadline; the target's year is not
    text = "- Phấn đấu đến năm 2025 có thêm 10 xã đạt chuẩn nông thôn mới.\n- Các xã báo cáo kết quả trước ngày 15/12/2025."
    found = extract_entities(text, [])
    assert [t.by_year for t in found.targets] == [2025]
    assert [d.date for d in found.deadlines] == ["2025-12-15"]
