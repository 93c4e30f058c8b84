"""scripts/evaluate.py: the scoring rules written at its top, pinned by small documents."""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
ev = importlib.util.module_from_spec(_spec)
sys.modules["evaluate"] = ev
_spec.loader.exec_module(ev)

TEXT = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNội dung một.\n2. Yêu cầu\nNội dung hai.\nTrên đây là Kế hoạch."

GOLD = {
    "text": TEXT,
    "metadata": {
        "doc_type": "Kế hoạch", "number": "165", "symbol": "KH-UBND", "issuer": "UBND tỉnh Lạng Sơn",
        "issuer_parent": None, "place": "Lạng Sơn", "date": "2017-09-26",
        "title": "Tổ chức thực hiện Phong trào thi đua “Lạng Sơn cùng cả nước chung tay vì người nghèo” giai đoạn 2016 - 2020",
        "movement": "Lạng Sơn cùng cả nước chung tay vì người nghèo", "period_start": 2016, "period_end": 2020,
        "signer_name": "Hồ Tiến Thiệu", "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "recipients": ["Ban TĐKT Trung ương", "Thường trực Tỉnh ủy", "Lưu: VT, KG-VX (NTB)"],
    },
    "sections": [
        {"label": "muc_dich_yeu_cau", "labels": ["muc_dich_yeu_cau"], "number": "I", "heading": "MỤC ĐÍCH, YÊU CẦU",
         "start": 0, "end": 72, "children": [
             {"label": "muc_dich_yeu_cau", "number": "1", "heading": "Mục đích", "start": 21, "end": 47, "children": []},
             {"label": "muc_dich_yeu_cau", "number": "2", "heading": "Yêu cầu", "start": 47, "end": 72, "children": []},
         ]},
    ],
    "legal_references": [
        {"key": "1258/QĐ-TTg", "date": "2017-08-21"},
        {"key": "1258/QĐ-TTg", "date": None},
        {"key": "22-NQ/TU", "date": "2016-08-02"},
    ],
    "deadlines": [{"date": "--12-15", "year": None, "recurrence": "yearly"}, {"date": None, "year": 2020, "recurrence": None}],
    "responsibilities": [
        {"body": "Phòng Lao động - Thương binh và Xã hội", "role": "lead"},
        {"body": "Phòng Nội vụ", "role": "coordinate"},
    ],
    "targets": [{"indicator": "tỷ lệ hộ nghèo", "value": 2.0, "unit": "%"}],
}


def _score(pred):
    return ev.score_document("doc", pred, GOLD).as_dict()


def test_text_offsets_match_the_fixture():
    assert TEXT[21:].startswith("1. Mục đích") and TEXT[47:].startswith("2. Yêu cầu") and TEXT[72:].startswith("Trên đây")


def test_perfect_prediction_scores_one():
    s = _score(copy.deepcopy(GOLD))
    assert s["text"]["ser"] == 0.0
    assert s["metadata"]["accuracy"] == 1.0
    assert s["sections"]["f1"] == 1.0 and s["sections"]["boundary_accuracy"] == 1.0
    for kind in ev.ENTITY_KINDS:
        assert s["entities"][kind]["f1"] == 1.0, kind


def _with(path, value):
    pred = copy.deepcopy(GOLD)
    target = pred
    for key in path[:-1]:
        target = target[key]
    if value is ev:  # delete
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return pred


@pytest.mark.parametrize(
    "path, value, correct",
    [
        (("metadata", "issuer"), "Ủy ban nhân dân tỉnh Lạng Sơn", True),  # UBND expanded on both sides
        (("metadata", "issuer"), "UBND TỈNH LẠNG SƠN", True),  # casefold
        (("metadata", "issuer"), "UBND tỉnh Lang Son", False),  # marks matter in metadata
        (("metadata", "date"), "2017-09-27", False),  # a wrong date is a miss
        (("metadata", "date"), "2017-09", False),
        (("metadata", "issuer_parent"), "UBND tỉnh Lạng Sơn", False),  # value where gold is null
        (("metadata", "title"), "Tổ chức thực hiện Phong trào thi đua \"Lạng Sơn cùng cả nước chung tay vì người nghèo\" giai đoạn 2016-2020", True),
        (("metadata", "movement"), "Cả nước chung tay vì người nghèo", False),
        (("metadata", "period_end"), 2025, False),
        (("metadata", "recipients"), ["Ban TĐKT Trung ương", "Thường trực Tỉnh ủy"], True),  # set F1 0.8
        (("metadata", "recipients"), ["Ban TĐKT Trung ương"], False),  # set F1 0.5
        (("metadata", "recipients"), ["Ban TDKT Trung uong", "Thuong truc Tinh uy", "Luu: VT, KG-VX (NTB)"], False),
        (("metadata", "signer_title"), "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", True),
        (("metadata", "symbol"), "KH–UBND", True),  # dashes unified
    ],
)
def test_metadata_fields(path, value, correct):
    s = _score(_with(path, value))
    assert s["metadata"]["fields"][path[-1]] is correct


def test_null_equals_null():
    assert ev.field_correct("issuer_parent", None, None)
    assert ev.field_correct("recipients", [], [])
    assert not ev.field_correct("number", None, "165")


def test_missing_section_lowers_recall_only():
    pred = copy.deepcopy(GOLD)
    pred["sections"][0]["children"].pop()
    s = _score(pred)["sections"]
    assert s["precision"] == 1.0 and s["recall"] == pytest.approx(2 / 3, abs=1e-3)


@pytest.mark.parametrize(
    "change, matches",
    [
        ({"heading": "MUC DICH, YEU CAU"}, True),  # marks stripped for headings
        ({"heading": "MỤC ĐÍCH"}, False),  # ratio below 80
        ({"label": "other"}, False),
        ({"number": "II"}, False),
    ],
)
def test_section_matching(change, matches):
    pred = copy.deepcopy(GOLD)
    pred["sections"][0].update(change)
    s = _score(pred)["sections"]
    assert (s["tp"] == 3) is matches


def test_section_boundaries_tolerate_two_syllables_and_map_through_the_text():
    pred = copy.deepcopy(GOLD)
    pred["sections"][0]["children"][1]["end"] = 72 - len("hai.\n")  # one syllable early: still exact enough
    assert _score(pred)["sections"]["boundary_accuracy"] == 1.0
    pred["sections"][0]["children"][1]["start"] = 21  # far away
    assert _score(pred)["sections"]["boundary_ok"] == 2
    # a predicted text with an inserted syllable: offsets are mapped into the gold text
    shifted = copy.deepcopy(GOLD)
    shifted["text"] = "Xin " + TEXT
    for node in ev.flatten_sections(shifted["sections"]):
        node["start"] += 4
        node["end"] += 4
    assert _score(shifted)["sections"]["boundary_accuracy"] == 1.0


@pytest.mark.parametrize(
    "kind, items, tp, fp, fn",
    [
        # a key takes its first non-null date: the undated mention collapses into the dated one
        ("legal_references", [{"key": "1258/QĐ-TTg", "date": None}, {"key": "1258/qđ-ttg", "date": "2017-08-21"},
                              {"key": "22-NQ/TU", "date": "2016-08-02"}], 2, 0, 0),
        ("legal_references", [{"key": "1258/QĐ-TTg", "date": "2017-08-22"}, {"key": "22-NQ/TU", "date": "2016-08-02"}], 1, 1, 1),  # wrong date
        ("legal_references", [{"key": "22-NQ/TU", "date": "2016-08-02"}], 1, 0, 1),  # missing item
        ("deadlines", [{"date": "--12-15", "year": None, "recurrence": "yearly"}], 1, 0, 1),
        ("deadlines", [{"date": "--12-15", "year": None, "recurrence": None}, {"date": None, "year": 2020, "recurrence": None}], 1, 1, 1),
        ("responsibilities", [{"body": "Phòng LĐ-TB&XH", "role": "lead"}, {"body": "Phòng Nội vụ", "role": "coordinate"}], 2, 0, 0),
        ("responsibilities", [{"body": "Phòng Nội vụ", "role": "lead"}, {"body": "Phòng Lao động - Thương binh và Xã hội", "role": "lead"}], 1, 1, 1),
        ("targets", [{"indicator": "tỷ lệ hộ nghèo chung", "value": 2, "unit": "%"}], 1, 0, 0),
        ("targets", [{"indicator": "tỷ lệ hộ nghèo", "value": 2.5, "unit": "%"}], 0, 1, 1),
    ],
)
def test_entities(kind, items, tp, fp, fn):
    s = _score(_with((kind,), items))["entities"][kind]
    assert (s["tp"], s["fp"], s["fn"]) == (tp, fp, fn)


@pytest.mark.parametrize(
    "pred_text, errors",
    [
        (TEXT, 0),
        (TEXT.replace("Mục đích", "Muc dich"), 2),
        (TEXT.replace("Nội dung một.", ""), 3),
        ("Xin " + TEXT, 1),
    ],
)
def test_syllable_errors(pred_text, errors):
    assert ev.text_errors(pred_text, TEXT)[0] == errors


def test_command_line_prints_figures_and_json(tmp_path):
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    (gold_dir / "a.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (gold_dir / "b.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (pred_dir / "a.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "evaluate.py"), "--gold", str(gold_dir), "--pred", str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True)
    report = json.loads(run.stdout)
    assert report["overall"]["missing_predictions"] == 1
    assert report["overall"]["metadata"]["accuracy"] == pytest.approx(0.5, abs=0.05)
    assert report["documents"][0]["sections"]["f1"] == 1.0
    text_run = subprocess.run([sys.executable, str(ROOT / "scripts" / "evaluate.py"), "--gold", str(gold_dir), "--pred", str(pred_dir)],
                              capture_output=True, text=True, check=True)
    assert "== overall" in text_run.stdout and "[no prediction]" in text_run.stdout


@pytest.mark.parametrize(
    "pred_heading, matches",
    [
        ("Sở Thông tin và Truyền thông phối hợp với Báo Quảng Bình", True),  # the line wrapped in a scan
        ("Sở Thông tin và Truyền thông phối hợp với Báo Quảng Bình, Đài Phát thanh", True),
        ("Sở Tài chính bố trí kinh phí", False),  # another heading altogether
        ("Sở Thông", False),  # too short to tell
    ],
)
def test_heading_cut_by_a_line_wrap_still_matches(pred_heading, matches):
    gold_heading = "Sở Thông tin và Truyền thông phối hợp với Báo Quảng Bình, Đài Phát thanh Truyền hình Quảng Bình"
    gold = [{"label": "to_chuc_thuc_hien", "number": "4", "heading": gold_heading, "start": 0, "end": 10, "children": []}]
    pred = [{"label": "to_chuc_thuc_hien", "number": "4", "heading": pred_heading, "start": 0, "end": 10, "children": []}]
    counts, _, _ = ev.score_sections(pred, gold, "x" * 10, "x" * 10)
    assert (counts.tp == 1) is matches
