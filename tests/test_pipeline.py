"""Traceable output: every item of every corpus document points exactly at its text and page."""

from __future__ import annotations

import pytest

from vnplan.ingest import ingest
from vnplan.pipeline import PageIndex, run
from vnplan.text.vietnamese import strip_marks

from conftest import CORPUS, DOC_IDS


@pytest.fixture(scope="module")
def outputs():
    return {doc_id: run(CORPUS / f"{doc_id}.txt") for doc_id in DOC_IDS}


def _items(doc):
    for kind in ("legal_references", "deadlines", "responsibilities", "targets"):
        for item in getattr(doc, kind):
            yield kind, item
    for name, span in doc.metadata.spans.items():
        yield f"metadata.{name}", span


def _sections(sections):
    for s in sections:
        yield s
        yield from _sections(s.children)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_item_slices_back_to_its_text(outputs, doc_id):
    doc = outputs[doc_id]
    items = list(_items(doc))
    assert items, "the pipeline found nothing at all"
    for kind, item in items:
        assert doc.text[item.start:item.end] == item.text, (kind, item)
        assert item.page == 1


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_raw_offsets_point_into_the_input(outputs, doc_id):
    doc = outputs[doc_id]
    raw = ingest(CORPUS / f"{doc_id}.txt").text
    for kind, item in _items(doc):
        assert 0 <= item.raw_start <= item.raw_end <= len(raw)
        if item.text.isdigit():  # numbers are never changed by repair: same characters before and after
            assert raw[item.raw_start:item.raw_end] == item.text


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_sections_start_with_their_heading(outputs, doc_id):
    doc = outputs[doc_id]
    for section in _sections(doc.sections):
        body = doc.text[section.start:section.end]
        first_line = body.split("\n", 1)[0]
        # The number as printed may be damaged ("I11." for "III."): the heading itself must be there.
        assert section.heading.split("\n")[0][:30] in first_line, section
        assert section.start < section.end <= len(doc.text)


def test_page_index_counts_form_feeds():
    index = PageIndex("one\ftwo\fthree")
    assert [index.page_of(i) for i in (0, 3, 4, 7, 8, 12)] == [1, 1, 2, 2, 3, 3]
    assert index.bounds(13) == [(0, 3), (4, 7), (8, 13)]


def test_clean_text_is_not_changed_by_the_pipeline(outputs):
    for doc_id in ("003_9339a1d400ca81a3", "004_771e3ed1f471eaca"):
        raw = ingest(CORPUS / f"{doc_id}.txt").text
        assert outputs[doc_id].text == raw
        assert outputs[doc_id].quality.repair_changed_syllables == 0


def test_damaged_text_is_flagged_and_repaired(outputs):
    doc = outputs["001_84f5cf27fdea967e"]
    assert doc.quality.damage == "eng_ocr"
    assert doc.quality.repair_changed_syllables > 100
    assert "Quyết định" in doc.text and strip_marks("Quyết định") in strip_marks(doc.text)


def test_confidence_is_lower_where_repair_rewrote_the_words(outputs):
    clean = [item.confidence for _, item in _items(outputs["004_771e3ed1f471eaca"])]
    damaged = [item.confidence for _, item in _items(outputs["001_84f5cf27fdea967e"])]
    assert all(0.0 <= c <= 1.0 for c in clean + damaged)
    assert sum(damaged) / len(damaged) < sum(clean) / len(clean)
    assert min(damaged) < 0.9


def test_spacy_doc_spans_render_with_displacy(outputs):
    """Users can take the spaCy Doc, read `doc.spans` and show a kind with displaCy."""
    from spacy import displacy

    from vnplan.nlp import make_doc

    document = outputs["004_771e3ed1f471eaca"]
    doc = make_doc(document.text, document.sections)
    assert {"legal_references", "deadlines", "responsibilities", "targets"} <= set(doc.spans)
    keys = [span.label_ for span in doc.spans["legal_references"]]
    assert keys == [r.key for r in document.legal_references]
    assert [span.text for span in doc.spans["deadlines"]] == [d.text for d in document.deadlines]
    html = displacy.render(doc, style="span", options={"spans_key": "deadlines"}, page=False)
    assert all(span.label_ in html for span in doc.spans["deadlines"])


def test_ocr_pages_are_repaired_as_vietnamese_ocr():
    """A page vnplan OCR'd with `vie` is OCR output even when it reads as clean Vietnamese."""
    from vnplan.ingest import RawDocument, RawPage
    from vnplan.pipeline import repair_stage

    line = "Phát huy tỉnh thần trách nhiệm của toàn xã bội trong công tác giảm nghèo."
    as_ocr = RawDocument("scan.pdf", "0", "pdf_scan", None, [RawPage(1, line, "ocr", 91.0), RawPage(2, line, "ocr", 90.0)])
    as_text = RawDocument("plan.txt", "0", "txt", "utf-8", [RawPage(1, line, "txt")])
    fixed = line.replace("tỉnh thần", "tinh thần").replace("xã bội", "xã hội")
    repaired = repair_stage(as_ocr)
    assert repaired.text == fixed + "\f" + fixed
    assert repaired.damage == "vie_ocr"
    assert repaired.source_map[len(fixed)] == len(line)  # the form feed maps to the form feed
    assert repair_stage(as_text).text == line  # typed text that reads as clean is left alone
