"""Accuracy measures shared by the evaluation scripts and the tests.

The syllable error rate (SER): syllables are runs of letters and digits, NFC, case kept; SER is
the word-level edit distance between the hypothesis and reference syllable sequences divided by
the number of reference syllables.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from vnplan.text.vietnamese import syllables


def _as_ints(a: list[str], b: list[str]) -> tuple[list[int], list[int]]:
    vocab: dict[str, int] = {}
    return [vocab.setdefault(s, len(vocab)) for s in a], [vocab.setdefault(s, len(vocab)) for s in b]


def syllable_errors(hypothesis: str, reference: str) -> tuple[int, int]:
    """(edit distance in syllables, number of reference syllables)."""
    hyp, ref = _as_ints(syllables(hypothesis), syllables(reference))
    return Levenshtein.distance(hyp, ref), len(ref)


def syllable_error_rate(hypothesis: str, reference: str) -> float:
    errors, total = syllable_errors(hypothesis, reference)
    return errors / total if total else float(errors > 0)
