"""scripts/check_contract.py: a valid hand-made document passes; each kind of violation is caught."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys

import pytest

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("check_contract", ROOT / "scripts" / "check_contract.py")
cc = importlib.util.module_from_spec(_spec)
sys.modules["check_contract"] = cc
_spec.loader.exec_module(cc)

# two pages: page 1 is text[0:48], page 2 starts after the form feed
TEXT = ("KẾ HOẠCH\nCăn cứ Quyết định số 1258/QĐ-TTg;\n\fI. MỤC ĐÍCH\n"
        "Phòng Nội vụ báo cáo trước ngày 15/12/2026; giảm 2-2,5% hộ nghèo.")


def _at(needle: str, page: int, **fields) -> dict:
    start = TEXT.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle), "page": page, "confidence": 0.9, **fields}


def valid_document() -> dict:
    page1_end = TEXT.index("\f")
    return {
        "schema_version": cc.SCHEMA_VERSION,
        "source": {"path": "x.pdf", "sha256": "0" * 64, "kind": "pdf_text", "pages": 2, "encoding": None,
                   "page_info": [{"number": 1, "method": "text_layer", "start": 0, "end": page1_end},
                                 {"number": 2, "method": "ocr", "start": page1_end + 1, "end": len(TEXT)}]},
        "metadata": {"doc_type": "Kế hoạch", "date": "2026-11-27", "spans": {"doc_type": _at("KẾ HOẠCH", 1)}},
        "text": TEXT,
        "sections": [{"label": "muc_dich_yeu_cau", "labels": [], "number": "I", "heading": "MỤC ĐÍCH",
                      "start": TEXT.index("I. MỤC"), "end": len(TEXT), "page": 2,
                      "children": [{"label": "other", "number": "1", "heading": "a",
                                    "start": TEXT.index("Phòng"), "end": TEXT.index("; giảm")},
                                   {"label": "other", "number": "2", "heading": "b",
                                    "start": TEXT.index("giảm 2"), "end": len(TEXT)}]}],
        "legal_references": [_at("Quyết định số 1258/QĐ-TTg", 1, key="1258/QĐ-TTg", relation="can_cu")],
        "deadlines": [_at("trước ngày 15/12/2026", 2, kind="before", date="2026-12-15", year=2026)],
        "responsibilities": [_at("Phòng Nội vụ", 2, body="Phòng Nội vụ", role="report")],
        "targets": [_at("giảm 2-2,5% hộ nghèo", 2, indicator="tỷ lệ hộ nghèo", direction="decrease",
                        value=2.0, value_max=2.5, unit="%")],
        "warnings": [{"code": "x", "message": "m", "span": _at("1258/QĐ-TTg", 1)}],
        "quality": {"pages": [{"page": 1, "method": "text_layer"}, {"page": 2, "method": "ocr"}]},
    }


def test_valid_document_passes():
    assert cc.check_document(valid_document()) == []


def _set(path: str, value):
    """A mutation: set the value at a dotted path ('deadlines.0.date'); `...` deletes the key."""
    def mutate(doc: dict) -> None:
        *parents, last = path.split(".")
        node = doc
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if value is ...:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return mutate


def _both(*mutations):
    def mutate(doc: dict) -> None:
        for m in mutations:
            m(doc)
    return mutate


BROKEN = [  # (why, mutation, kind the checker must report)
    ("a top-level key missing", _set("warnings", ...), "missing_key"),
    ("an unknown field", _set("targets.0.colour", "red"), "schema"),
    ("NaN in quality", _set("quality.repair_changed_share", float("nan")), "nan"),
    ("a target value NaN", _set("targets.0.value", float("nan")), "nan"),
    ("confidence above 1", _set("deadlines.0.confidence", 1.5), "schema"),
    ("an old schema version", _set("schema_version", "1.0"), "schema"),
    ("span text not at its offsets", _set("legal_references.0.text", "Quyết định 1258/QĐ-TTg"), "span_text"),
    ("offset past the text", _set("responsibilities.0.end", len(TEXT) + 5), "offsets"),
    ("start after end", _set("deadlines.0.start", TEXT.index("2026;") + 6), "offsets"),
    ("a metadata span shifted", _set("metadata.spans.doc_type.start", 1), "span_text"),
    ("a warning's span shifted", _set("warnings.0.span.end", TEXT.index("/QĐ-TTg")), "span_text"),
    ("raw offsets reversed", _both(_set("targets.0.raw_start", 9), _set("targets.0.raw_end", 3)), "offsets"),
    ("page beyond the document", _set("deadlines.0.page", 3), "page"),
    ("page not the one holding the span", _set("responsibilities.0.page", 1), "page"),
    ("a section's page beyond", _set("sections.0.page", 7), "page"),
    ("a child outside its parent", _set("sections.0.end", TEXT.index("; giảm")), "section_tree"),
    ("a child starting before its parent", _set("sections.0.children.0.start", 2), "section_tree"),
    ("siblings overlapping", _set("sections.0.children.1.start", TEXT.index("Phòng") + 3), "section_tree"),
    ("labels not led by label", _set("sections.0.labels", ["noi_dung", "muc_dich_yeu_cau"]), "section_label"),
    ("a page missing from page_info", _set("source.pages", 3), "page_info"),
    ("page_info misnumbered", _set("source.page_info.1.number", 5), "page_info"),
    ("page_info overlapping", _set("source.page_info.1.start", 3), "page_info"),
    ("a method outside the contract", _set("source.page_info.0.method", "magic"), "schema"),
    ("quality.pages short", _set("quality.pages", []), "quality"),
    ("a period that ends before it starts", _both(_set("metadata.period_start", 2025), _set("metadata.period_end", 2020)),
     "period"),
    ("a metadata span of no field", _set("metadata.spans.colour", _at("KẾ HOẠCH", 1)), "metadata_span"),
    ("metadata date not ISO", _set("metadata.date", "27/11/2026"), "date"),
    ("metadata date not a day", _set("metadata.date", "2026-02-30"), "date"),
    ("a reference's date not ISO", _set("legal_references.0.date", "2026-13"), "date"),
    ("deadline date of no documented form", _set("deadlines.0.date", "15/12/2026"), "deadline_date"),
    ("deadline interval reversed", _set("deadlines.0.date", "2026/2024"), "deadline_date"),
    ("deadline year disagrees with its date", _set("deadlines.0.year", 2025), "deadline_date"),
    ("every month on day 32", _set("deadlines.0.date", "---32"), "deadline_date"),
    ("every year without its recurrence", _both(_set("deadlines.0.date", "--12-15"), _set("deadlines.0.year", None)),
     "deadline_date"),
    ("target value above value_max", _set("targets.0.value", 3.0), "target_range"),
]


@pytest.mark.parametrize("why, mutate, kind", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_violation_is_caught(why, mutate, kind):
    doc = valid_document()
    mutate(doc)
    kinds = {v.kind for v in cc.check_document(doc)}
    assert kind in kinds, f"{why}: got {kinds}"


@pytest.mark.parametrize("value", ["2026", "2026-05", "2026-04-15", "2026-Q3", "2024/2025", "2026-Q3/2026-Q4",
                                   "2026-03-01/2026-05-31", "--12-10", "--12", "---20", "2024-02-29", "--02-29",
                                   "--01-01/--12-31", "--11-01/--01-31"])
def test_documented_deadline_forms_pass(value):
    assert cc.deadline_date_problem(value) is None


@pytest.mark.parametrize("value", ["2026-Q5", "2025-02-29", "26", "2026-5", "--13-01", "--02-30", "2026/", "Q3/2026",
                                   "--01-01/2026-12-31", "--12-31/--02-30", "next year"])
def test_other_deadline_forms_fail(value):
    assert cc.deadline_date_problem(value) is not None


def test_command_line_exit_codes(tmp_path, capsys):
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir(), bad.mkdir()
    (good / "a.json").write_text(json.dumps(valid_document()), encoding="utf-8")
    broken = copy.deepcopy(valid_document())
    broken["targets"][0]["value"] = 3.0
    (bad / "b.json").write_text(json.dumps(broken), encoding="utf-8")
    (bad / "c.json").write_text("{not json", encoding="utf-8")
    (bad / "index.jsonl").write_text("{}\n", encoding="utf-8")  # a batch's index is not a document
    assert cc.main([str(good)]) == 0
    assert cc.main([str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any("b.json: targets[0]" in line and "value_max" in line for line in lines)
    assert any("c.json" in line and "not a readable JSON" in line for line in lines)
    assert lines[-1].startswith("2 files checked, 2 violations in 2 files")
    assert cc.main([str(tmp_path / "nowhere")]) == 2
    (tmp_path / "empty").mkdir()
    assert cc.main([str(tmp_path / "empty")]) == 2
