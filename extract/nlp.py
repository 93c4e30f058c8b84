"""The spaCy pipeline that extracts what a plan commits to.

Owns `get_nlp()` (built once per process and cached) and `run_pipeline(text, sections)`.
The pipeline is a blank Vietnamese pipeline (`spacy.blank("vi")` without pyvi: nothing is downloaded)
with a tokenizer that splits punctuation off syllables, and four components, in order:

    vnplan_references        -> doc.spans["legal_references"]
    vnplan_targets           -> doc.spans["targets"]
    vnplan_deadlines         -> doc.spans["deadlines"]
    vnplan_responsibilities  -> doc.spans["responsibilities"]  (and fills deadlines' `responsible`)

Each span's label is its kind's main value (the key, the role, ...) and the typed item (a pydantic
model from `models`) is kept in `doc.user_data["vnplan"][kind]`, in the same order as the spans.
Users can add their own components after these, or show the spans with
`spacy.displacy.render(doc, style="span", options={"spans_key": "deadlines"})`.

underthesea is not used. Measured on the five seeds' repaired text: `underthesea.word_tokenize` put a word
boundary at the end of all 99 body mentions found (so it adds nothing the syllable tokenizer lacks), and on
the damaged verbs and heads that decide where a body ends it gives no help: "theo | đi", "13 | y kết quả",
"c6 | trách nhiệm", "t6 | chức", "Họ | đồng" (the rules read these with `bodies.loose_fold` / `bodies.near`
instead). Its NER needs a model downloaded at run time, which the pipeline must not do.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from vnplan.bodies import fold
from vnplan.dates import parse_date
from vnplan.deadlines import DeadlineContext, attach_actions, find_deadlines
from vnplan.references import find_references
from vnplan.responsibilities import find_responsibilities
from vnplan.targets import find_targets
from vnplan.models import Section

KINDS = ("legal_references", "deadlines", "responsibilities", "targets")
_TOKEN = re.compile(r"[^\W_]+(?:[&'][^\W_]+)*|\S")


class SyllableTokenizer:
    """Syllables and single punctuation marks; every run of whitespace other than one space is a token."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []

        def add_gap(gap: str) -> None:
            # one space after a token is its trailing space; any other whitespace is a token
            if words and gap.startswith(" "):
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)

        pos = 0
        for m in _TOKEN.finditer(text):
            add_gap(text[pos : m.start()])
            words.append(m.group())
            spaces.append(False)
            pos = m.end()
        add_gap(text[pos:])
        return Doc(self.vocab, words=words, spaces=spaces)


def _state(doc: Doc) -> dict:
    state = doc.user_data.setdefault("vnplan", {})
    if "folded" not in state:
        state["folded"] = fold(doc.text)
        for kind in KINDS:
            state.setdefault(kind, [])
        state.setdefault("warnings", [])
    return state


def _set_spans(doc: Doc, kind: str, items: list, label) -> None:
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=str(label(item)), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[kind] = spans


@Language.component("vnplan_references")
def references_component(doc: Doc) -> Doc:
    state = _state(doc)
    state["legal_references"] = find_references(doc.text, state["folded"])
    _set_spans(doc, "legal_references", state["legal_references"], lambda r: r.key or r.doc_type)
    return doc


@Language.component("vnplan_targets")
def targets_component(doc: Doc) -> Doc:
    state = _state(doc)
    state["targets"] = find_targets(doc.text, state["folded"])
    _set_spans(doc, "targets", state["targets"], lambda t: t.direction)
    return doc


@Language.component("vnplan_deadlines")
def deadlines_component(doc: Doc) -> Doc:
    state = _state(doc)
    context = state.get("context") or _document_context(doc.text, state["legal_references"])
    cited = [(r.start, r.end) for r in state["legal_references"]]  # a cited document's date is not a deadline
    deadlines, warnings = find_deadlines(doc.text, context, state["folded"], cited)
    # a target's "đến năm 2020" is its by_year, not a deadline
    inside_targets = [(t.start, t.end) for t in state["targets"]]
    deadlines = [d for d in deadlines if not any(s <= d.start < e for s, e in inside_targets)]
    state["deadlines"] = deadlines
    state["warnings"] += warnings
    _set_spans(doc, "deadlines", deadlines, lambda d: d.kind)
    return doc


@Language.component("vnplan_responsibilities")
def responsibilities_component(doc: Doc) -> Doc:
    state = _state(doc)
    skip = [(d.start, d.end) for d in state["deadlines"]]
    responsibilities, item_bodies = find_responsibilities(doc.text, state["folded"], skip, state.get("sections") or [])
    state["responsibilities"] = responsibilities
    _set_spans(doc, "responsibilities", responsibilities, lambda r: r.role)

    def responsible_at(offset: int) -> list[str]:
        for start, end, bodies in item_bodies:
            if start <= offset < end:
                return list(dict.fromkeys(bodies))
        return []

    attach_actions(doc.text, state["deadlines"], responsible_at)
    return doc


_DOC_DATE = re.compile(r"ngay\s+\S{0,3}\s*thang\s+\S{0,3}\s*nam\s+((?:19|20)\d\d)")


_PLACE_DATE = re.compile(r"[^\W\d]\s*,\s*ngay\s+\S{0,3}\s*thang\s+\S{0,3}\s*nam\s+((?:19|20)\d\d)")
# A date line standing alone above the signatures, when the header has none (a Phiếu trình, a Tờ trình, an
# application: "Ngày 19 tháng 8 năm 2025" over "NGƯỜI LẬP PHIẾU"), read in the last lines only.
_FOOT_DATE = re.compile(r"^[ \t]*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+((?:19|20)\d\d)[ \t]*$", re.M)
_REPORT_TITLE = re.compile(r"^\s*bao cao\s*\n[^\n]*?nam\s+((?:19|20)\d\d)\s*$", re.M)


def _document_context(text: str, references=()) -> DeadlineContext:
    """What "now" is for the document: its own date ("Lào Cai, ngày 21 tháng 7 năm 2022"; "ngày   tháng 5 năm
    2026" of a draft gives "2026-05"), for "năm nay" and for telling past events from deadlines. A document is
    written after every document it cites, and a report ("BÁO CÁO ... năm 2025") after the year it reports on:
    both bound "now" from below when the header's date is missing or partial."""
    folded = fold(text)
    m = _PLACE_DATE.search(folded) or _DOC_DATE.search(folded[:2500])
    if m is None:
        tail = max(0, len(folded) - 1500)
        m = _FOOT_DATE.search(folded, tail)
    year = int(m.group(1)) if m else None
    date = parse_date(text[m.start() : m.end()]) if m else None
    bounds = [r.date for r in references if r.date]
    report = _REPORT_TITLE.search(folded[:600])
    if report:
        bounds.append(f"{int(report.group(1)) + 1}-01-01")
    return DeadlineContext(year=year, date=date, now=max(bounds) if bounds else None)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    # spaCy's 1,000,000-character limit guards its parser and NER models, which this pipeline has
    # none of (rule components over syllables): a 3 M-character archive text must not crash (E088).
    # The document bound is `OcrOptions.max_chars` (5 M by default).
    nlp.max_length = 20_000_000
    for name in ("vnplan_references", "vnplan_targets", "vnplan_deadlines", "vnplan_responsibilities"):
        nlp.add_pipe(name)
    return nlp


def make_doc(text: str, sections: Optional[list[Section]] = None, context: Optional[DeadlineContext] = None) -> Doc:
    """Run the pipeline; the Doc's spans and `user_data["vnplan"]` hold the results."""
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    state = _state(doc)
    state["sections"] = sections or []
    if context is not None:
        state["context"] = context
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def run_pipeline(text: str, sections: Optional[list[Section]] = None):
    from vnplan.entities import Entities

    state = make_doc(text, sections).user_data["vnplan"]
    return Entities(
        legal_references=state["legal_references"],
        deadlines=state["deadlines"],
        responsibilities=state["responsibilities"],
        targets=state["targets"],
        warnings=state["warnings"],
    )
