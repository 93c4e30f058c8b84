"""Sections matched by label, and their passages aligned by similarity (rapidfuzz over syllables).

A passage is an item of a top-level section (its direct children: "1. Mục đích", "2. Yêu cầu"),
or its paragraphs when it has none. Each plan passage is paired with the reference passage of the
same section most like it, over folded syllables (marks stripped, so OCR damage to marks does not
hide a match), kept from `MIN_SCORE`. The score is the mean of rapidfuzz's `token_set_ratio` (the
shared wording, whatever the lengths) and `token_sort_ratio` (which drops when one passage is much
longer): on seeds 001 and 004 token_set alone scored every criterion of 001 at 62-71 against 004's
one-paragraph standards section; the mean keeps them under 60 and true pairs at 70-95.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from vnplan.text import collapse, fold
from vnplan.models import PlanDocument, Section
from vnplan.models.compare import AlignedPassage, SectionAlignment, SectionComparison

MIN_SCORE = 60.0
MIN_SYLLABLES = 6
_SYL = re.compile(r"[a-z0-9]+")
_PARA = re.compile(r"\n\s*\n")


def similarity(a: str, b: str, **_) -> float:
    """0-100: how alike two passages of folded syllables are (see the module's docstring)."""
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


def _syllables(text: str) -> str:
    return " ".join(_SYL.findall(fold(text)))


def _labels(s: Section) -> list[str]:
    return list(dict.fromkeys([s.label] + list(s.labels)))


def top_sections(doc: PlanDocument) -> dict[str, Section]:
    """The first top-level section of each label (a heading covering two labels counts for both)."""
    out: dict[str, Section] = {}
    for s in doc.sections:
        for label in _labels(s):
            if label != "other":
                out.setdefault(label, s)
    return out


def _passages(doc: PlanDocument, s: Section) -> list[tuple[int, int]]:
    if s.children:
        return [(c.start, c.end) for c in s.children]
    spans, start = [], s.start
    body = doc.text[s.start:s.end]
    for m in _PARA.finditer(body):
        spans.append((start, s.start + m.start()))
        start = s.start + m.end()
    spans.append((start, s.end))
    return [(a, b) for a, b in spans if b > a]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _walk(sections: list[Section]):
    for s in sections:
        yield s
        yield from _walk(s.children)


def sub_part(doc: PlanDocument, label: str) -> Section | None:
    """A sub-part of another section whose heading names `label` ("2. Hình thức khen thưởng" inside
    "IV. TIÊU CHUẨN ...", seed 000): the part is there, not as a top-level heading. The heading words
    are the structure stage's (extract/lexicon/sections.yaml), read among the heading's first 6 syllables."""
    phrases = [e["value"] for e in _section_words().get(label, [])]
    for top in doc.sections:
        for s in _walk(top.children):
            head = " ".join(_SYL.findall(fold(s.heading))[:6])
            if any(p in head for p in phrases):
                return s
    return None


def _section_words() -> dict:
    from vnplan.lexicon import load

    return load("sections")["labels"]


def compare_sections(plan: PlanDocument, reference_labels: list[str], reference: PlanDocument | None,
                     summary: bool) -> list[SectionComparison]:
    mine = top_sections(plan)
    theirs = top_sections(reference) if reference is not None else {}
    labels = list(dict.fromkeys(reference_labels))
    out = []
    for label in labels:
        p, r = mine.get(label) or sub_part(plan, label), theirs.get(label)
        out.append(SectionComparison(label=label, status="match" if p else "missing",
                                     plan_heading=collapse(p.heading) if p else None, plan_start=p.start if p else None,
                                     plan_end=p.end if p else None, reference_heading=collapse(r.heading) if r else None,
                                     reference_start=r.start if r else None, reference_end=r.end if r else None))
    if not summary:
        for label, p in mine.items():
            if label not in labels:
                out.append(SectionComparison(label=label, status="extra", plan_heading=collapse(p.heading),
                                             plan_start=p.start, plan_end=p.end))
    return out


def align_sections(plan: PlanDocument, reference: PlanDocument) -> list[SectionAlignment]:
    mine, theirs = top_sections(plan), top_sections(reference)
    out = []
    for label, p in mine.items():
        r = theirs.get(label)
        if r is None or (p.start, p.end) in [(s.start, s.end) for lab, s in mine.items() if lab != label and lab in theirs
                                             and list(mine).index(lab) < list(mine).index(label)]:
            continue
        ref_spans = [_trim(reference.text, a, b) for a, b in _passages(reference, r)]
        ref_spans = [(a, b) for a, b in ref_spans if len(_syllables(reference.text[a:b]).split()) >= MIN_SYLLABLES]
        choices = [_syllables(reference.text[a:b]) for a, b in ref_spans]
        passages, scores = [], []
        for a, b in (_trim(plan.text, a, b) for a, b in _passages(plan, p)):
            words = _syllables(plan.text[a:b])
            if len(words.split()) < MIN_SYLLABLES or not choices:
                continue
            best = process.extractOne(words, choices, scorer=similarity)
            scores.append(best[1])
            if best[1] >= MIN_SCORE:
                ra, rb = ref_spans[best[2]]
                passages.append(AlignedPassage(plan_start=a, plan_end=b, reference_start=ra, reference_end=rb, score=round(best[1], 1),
                                               plan_text=plan.text[a:b], reference_text=reference.text[ra:rb]))
        if scores:
            out.append(SectionAlignment(label=label, score=round(sum(scores) / len(scores), 1), passages=passages))
    return out
