"""Shared fixtures: the corpus, and a way to run the real command line."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"
DOC_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
CLEAN_IDS = ["003_9339a1d400ca81a3", "004_771e3ed1f471eaca"]


def corpus_text(doc_id: str) -> str:
    return unicodedata.normalize("NFC", (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"))


def flat_sections(sections) -> list:
    """The section tree in document order, every level (each node before its children)."""
    out = []
    for s in sections:
        out.append(s)
        out.extend(flat_sections(s.children))
    return out


def assert_spans_exact(text: str, result) -> None:
    """Every metadata span and warning span of a segmentation result points at its own text."""
    for span in result.metadata.spans.values():
        assert text[span.start : span.end] == span.text
    for warning in result.warnings:
        if warning.span:
            assert text[warning.span.start : warning.span.end] == warning.span.text


def vnplan(*args: str, input: bytes | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `vnplan ARGS` as a user would, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "vnplan", *map(str, args)],
        input=input,
        capture_output=True,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
