"""The citation corpus (tests/data/citations.yaml): real reference forms and what must be read in them."""

from pathlib import Path

import pytest
import yaml

from vnplan.entity_lexicon import load, names
from vnplan.references import find_references

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "citations.yaml").read_text(encoding="utf-8"))


def test_corpus_is_large_enough():
    assert len(CORPUS["parse"]) >= 100 and len(CORPUS["no_parse"]) >= 15


@pytest.mark.parametrize("entry", CORPUS["parse"], ids=[e["text"][:40] for e in CORPUS["parse"]])
def test_citation(entry):
    refs = [r for r in find_references(entry["text"]) if r.resolved_to is None]
    assert [r.key for r in refs] == entry["keys"]
    for field in ("date", "doc_type", "relation"):
        if field in entry:
            assert getattr(refs[0], field) == entry[field], field
    for r in refs:
        assert entry["text"][r.start : r.end] == r.text


@pytest.mark.parametrize("text", CORPUS["no_parse"])
def test_not_a_citation(text):
    assert find_references(text) == []


@pytest.mark.parametrize("name", names())
def test_every_lexicon_entry_says_why(name):
    for key, entry in load(name).items():
        if isinstance(entry, dict) and key != "cues":
            assert entry.get("why"), f"{name}.{key} has no why"
        if key == "cues":
            assert all(v.get("why") for v in entry.values()), f"{name}.cues"
