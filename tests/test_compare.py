"""`vnplan compare`: the right national plan is chosen, and the report is honest about its source."""

from __future__ import annotations

import json

import pytest

from extract.compare import NATIONAL, compare_document, render
from extract.pipeline import run

from conftest import CORPUS, vnplan

# reference-facts.md: 000 and 001 and 004 implement 1258 (2016-2020); 002 and 003 implement 666.
EXPECTED = [
    ("000_3e556cf92bc20d53", "1258/QĐ-TTg"),
    ("001_84f5cf27fdea967e", "1258/QĐ-TTg"),
    ("002_5f56e81fd7ba367d", "666/QĐ-TTg"),
    ("003_9339a1d400ca81a3", "666/QĐ-TTg"),
    ("004_771e3ed1f471eaca", "1258/QĐ-TTg"),
]


@pytest.mark.parametrize("doc_id,key", EXPECTED)
def test_auto_chooses_the_national_plan_the_seed_implements(doc_id, key):
    report = compare_document(run(CORPUS / f"{doc_id}.txt"), "auto")
    assert report.against.key == key
    assert report.against.source == "summary"
    assert report.chosen_by.startswith("auto:")


def test_national_profiles_come_from_summaries():
    assert all(p.source == "summary" and p.notes for p in NATIONAL.values())


def test_full_text_reference_is_extracted_by_the_pipeline():
    report = compare_document(run(CORPUS / "003_9339a1d400ca81a3.txt"), str(CORPUS / "004_771e3ed1f471eaca.txt"))
    assert report.against.source == "full text"
    assert report.against.period_start == 2017


@pytest.mark.parametrize("fmt,marker", [("json", '"findings"'), ("md", "| aspect | status |"), ("html", "<table")])
def test_report_formats(fmt, marker):
    report = compare_document(run(CORPUS / "004_771e3ed1f471eaca.txt"), "1258")
    assert marker in render(report, fmt)


def test_cli_compare_json(tmp_path):
    out = tmp_path / "report.json"
    result = vnplan("compare", CORPUS / "002_5f56e81fd7ba367d.txt", "--against", "666", "-o", out)
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["against"]["key"] == "666/QĐ-TTg"
    assert {f["aspect"] for f in report["findings"]} >= {"period", "target", "milestone"}


def test_cli_compare_missing_reference_is_input_error():
    result = vnplan("compare", CORPUS / "002_5f56e81fd7ba367d.txt", "--against", "no/such/file.pdf")
    assert result.returncode == 3
    assert b"no such reference file" in result.stderr
