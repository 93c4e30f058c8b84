"""The target corpus of issue 10 (`tests/data/targets.yaml`): real and typical target expressions and what the
target finder must read from them, and texts with numbers that set no target.

Each entry was written by reading (the YAML's header gives the conventions). An entry marked `known_gap` is a form
the finder does not read yet: it is expected to fail (strict xfail), so the day it passes the mark must go.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vnplan.targets import find_targets

DATA = yaml.safe_load((Path(__file__).resolve().parent / "data" / "targets.yaml").read_text(encoding="utf-8"))
FIELDS = ("indicator", "direction", "value", "value_max", "unit", "per", "by_year")


def _param(entry: dict, i: int):
    marks = [pytest.mark.xfail(reason=entry["known_gap"], strict=True)] if entry.get("known_gap") else []
    return pytest.param(entry, id=f"{i}-{entry['source'].split()[0]}", marks=marks)


def _tuples(text: str) -> list[tuple]:
    found = find_targets(text)
    for t in found:
        assert text[t.start : t.end] == t.text
    return [tuple(getattr(t, f) for f in FIELDS) for t in found]


def test_corpus_size():
    # issue 10: at least 100 target expressions and 30 texts without a target
    assert sum(len(e["expect"]) for e in DATA["positives"]) >= 100
    assert len(DATA["negatives"]) >= 30
    assert all(e.get("source") for e in DATA["positives"] + DATA["negatives"])


@pytest.mark.parametrize("entry", [_param(e, i) for i, e in enumerate(DATA["positives"])])
def test_target_expression(entry):
    expected = [tuple(None if v is None else float(v) if f in ("value", "value_max") else v for f, v in zip(FIELDS, row))
                for row in entry["expect"]]
    assert _tuples(entry["text"]) == expected
    if "scopes" in entry:
        assert [t.scope for t in find_targets(entry["text"])] == entry["scopes"]


@pytest.mark.parametrize("entry", [_param(e, i) for i, e in enumerate(DATA["negatives"])])
def test_no_target(entry):
    assert _tuples(entry["text"]) == []
