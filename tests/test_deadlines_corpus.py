"""The deadline corpus (tests/data/deadlines.yaml): what must parse, to what, and what must not.

Two tables: `parse`/`no_parse` pin which expressions are deadlines and their values (`extract.deadlines`);
`grammar` pins the date grammar itself (`extract.dates`), in the way Duckling's Corpus.hs pins its rules.
"""

from pathlib import Path

import pytest
import yaml

from vnplan.dates import find_times, parse_date
from vnplan.deadlines import DeadlineContext, find_deadlines

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "deadlines.yaml").read_text(encoding="utf-8"))
CONTEXT = DeadlineContext(**CORPUS["context"])
GRAMMAR = CORPUS["grammar"]


def test_corpus_is_large_enough():
    assert len(CORPUS["parse"]) + len(GRAMMAR["parse"]) >= 150
    assert len(CORPUS["no_parse"]) + len(GRAMMAR["no_parse"]) >= 40


@pytest.mark.parametrize("entry", CORPUS["parse"], ids=[e["text"] for e in CORPUS["parse"]])
def test_must_parse(entry):
    found, warnings = find_deadlines(entry["text"], CONTEXT)
    assert found, f"no deadline in {entry['text']!r}"
    deadline = found[0]
    for field in ("kind", "date", "year", "recurrence"):
        if field in entry:
            assert getattr(deadline, field) == entry[field], field
    if "warning" in entry:
        assert entry["warning"] in [w.code for w in warnings]
    assert entry["text"][deadline.start : deadline.end] == deadline.text


@pytest.mark.parametrize("text", CORPUS["no_parse"])
def test_must_not_parse(text):
    found, _ = find_deadlines(text, CONTEXT)
    assert found == [], [d.text for d in found]


@pytest.mark.parametrize("entry", GRAMMAR["parse"], ids=[e["text"] for e in GRAMMAR["parse"]])
def test_grammar_parses(entry):
    found = find_times(entry["text"])
    assert found, f"no time expression in {entry['text']!r}"
    t = found[0]
    assert t.value == entry["value"]
    for field in ("grain", "year", "recurrence"):
        if field in entry:
            assert getattr(t, field) == entry[field], field
    assert entry["text"][t.start : t.end] == t.text


@pytest.mark.parametrize("text", GRAMMAR["no_parse"])
def test_grammar_does_not_parse(text):
    assert find_times(text) == []


@pytest.mark.parametrize("text,value", [
    ("Lào Cai, ngày 21 tháng 7 năm 2022", "2022-07-21"),
    ("Hà Nội, ngày 02 tháng 03 năm 2012", "2012-03-02"),
    ("Lào Cai, ngày      tháng 5 năm 2026", "2026-05"),  # an unsigned draft: the day is blank
    ("Lạng Sơn, năm 2018", "2018"),
    ("Số: 165/KH-UBND", None),
])
def test_parse_date_for_headers(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("entry", CORPUS["dated"], ids=[e["text"][:50] for e in CORPUS["dated"]])
def test_read_against_the_document_date(entry):
    found, _ = find_deadlines(entry["text"], DeadlineContext(**entry["context"]))
    assert [[d.date, d.recurrence] for d in found] == entry["found"]
