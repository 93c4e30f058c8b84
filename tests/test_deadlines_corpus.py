"""The deadline corpus (tests/data/deadlines.yaml): what must parse, to what, and what must not."""

from pathlib import Path

import pytest
import yaml

from extract.deadlines import DeadlineContext, find_deadlines

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "deadlines.yaml").read_text(encoding="utf-8"))
CONTEXT = DeadlineContext(**CORPUS["context"])


def test_corpus_is_large_enough():
    assert len(CORPUS["parse"]) >= 40 and len(CORPUS["no_parse"]) >= 15


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
