"""The extraction pipeline: a file in, a validated `PlanDocument` out.

Reads top to bottom as its list of stages:

    ingest   file -> RawDocument          (extract.ingest: text layer / Tesseract / encodings)
    repair   RawDocument -> Repaired      (extract.repair: diacritics, OCR junk, legacy fonts)
    segment  text -> Metadata, sections   (extract.structure: header, title, outline, foot)
    entities text -> references, deadlines, responsibilities, targets (extract.entities)
    assemble -> PlanDocument              (pages and spans attached, schema-validated)
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from vnplan.errors import InputError, printable
from vnplan.ingest import OcrOptions, RawDocument, ingest
from vnplan.metrics import syllable_errors
from vnplan.text.vietnamese import skeleton_share, syllables
from vnplan.models import PageInfo, PageQuality, PlanDocument, Quality, Source, Warning


@dataclass
class Repaired:
    text: str
    source_map: list[int]  # repaired char index -> raw text index (len(text) + 1 entries)
    damage: str
    syllables: int
    changed: int
    valid_share: float


# Pages whose text a person typed: born-digital layers, glyphs decoded, legacy fonts, Word files.
TYPED_METHODS = {"text_layer", "decoded", "legacy_font", "docx", "doc", "rtf"}


def repair_stage(raw: RawDocument, lang: str = "vie") -> Repaired:
    """Repair page by page, telling repair what it cannot see in the text: a page that vnplan
    OCR'd with Tesseract `vie` and that reads as clean is still OCR output, with the few errors
    a Vietnamese model makes ("tỉnh thần" for "tinh thần"), so it is repaired as such.

    The other way round, a page typed by a person (a born-digital text layer, decoded glyphs, a
    legacy font converted, a Word document) is never repaired as Vietnamese-model OCR: its
    unusual words are names and terms ("Hoàng Văn Thuân", "e-mail"), not OCR slips, and repair
    must leave correct Vietnamese untouched. Damage such a page really has (marks stripped,
    legacy bytes without font names) is still repaired."""
    from vnplan.repair import detect_damage, repair_text
    from vnplan.repair.digits import fix_digit_slips

    texts: list[str] = []
    source_map: list[int] = []
    damages: list[str] = []
    syllables = changed = 0
    valid = 0.0
    offset = 0
    for i, page in enumerate(raw.pages):
        hint = None
        if page.method == "ocr" and "vie" in lang.split("+") and page.text.strip():
            detected = detect_damage(page.text)
            hint = "vie_ocr" if detected == "clean" else detected
        elif page.method in TYPED_METHODS and "OCR layer" not in (page.reason or "") and page.text.strip():
            detected = detect_damage(page.text)
            hint = "clean" if detected == "vie_ocr" else detected
        result = repair_text(page.text, damage=hint)
        page_text = result.text
        if page.method == "ocr":
            # digits OCR read as look-alike letters in date and number slots ("ngày l6 tháng 6"),
            # one character for one, so the source map holds
            page_text, _ = fix_digit_slips(page_text)
        if i:
            texts.append("\f")
            source_map.append(offset - 1)  # the form feed between the pages
        texts.append(page_text)
        source_map.extend(offset + k for k in result.source_map[:-1])
        damages.append(result.damage)
        syllables += result.syllables
        changed += result.changed
        valid += result.valid_share * result.syllables
        offset += len(page.text) + 1
    source_map.append(len(raw.text))
    kinds = sorted(set(damages) - {"clean"}) or ["clean"]
    return Repaired("".join(texts), source_map, kinds[0] if len(kinds) == 1 else "mixed:" + "+".join(kinds),
                    syllables, changed, valid / syllables if syllables else 0.0)


class PageIndex:
    """Page number of a character offset: pages are separated by form feeds."""

    def __init__(self, text: str):
        self.breaks = [i for i, c in enumerate(text) if c == "\f"]

    def page_of(self, offset: int) -> int:
        return bisect.bisect_right(self.breaks, offset - 1) + 1 if self.breaks else 1

    def bounds(self, text_length: int) -> list[tuple[int, int]]:
        starts = [0] + [b + 1 for b in self.breaks]
        ends = self.breaks + [text_length]
        return list(zip(starts, ends))


def _attach_pages(items, pages: PageIndex, source_map: list[int], raw_text: str,
                  page_confidence: dict[int, float]) -> None:
    """Page of each item, its offsets in the text before repair (eyecite-style provenance), and a
    confidence lowered where repair had to rewrite the item's words or OCR was unsure of its page.
    """
    for item in items:
        if item.page is None:
            item.page = pages.page_of(item.start)
        if item.raw_start is None and 0 <= item.start <= item.end < len(source_map):
            item.raw_start, item.raw_end = source_map[item.start], source_map[item.end]
        if item.raw_start is not None:
            errors, total = syllable_errors(raw_text[item.raw_start:item.raw_end], item.text)
            rewritten = min(1.0, errors / total) if total else 0.0
            factor = (1.0 - 0.5 * rewritten) * page_confidence.get(item.page, 1.0)
            item.confidence = round(item.confidence * factor, 3)


def _attach_section_pages(sections, pages: PageIndex) -> None:
    for section in sections:
        section.page = pages.page_of(section.start)
        _attach_section_pages(section.children, pages)


MIN_WORDS_TO_JUDGE = 20
MIN_SKELETON_SHARE = 0.45
MIN_SHORT_SHARE = 0.75
MIN_SYLLABLES = 2
MAX_CONTROL_SHARE = 0.01


def _control_share(text: str) -> float:
    """Share of characters no text holds: C0/C1 controls other than whitespace and the form feed,
    and unassigned code points (private-use ones are left alone: Symbol-font formulas map there). Bytes of another script (Shift-JIS, binary) read with
    a one-byte legacy table leave many C1 controls (0x80-0x9F); Vietnamese text in any of its
    encodings leaves none."""
    if not text:
        return 0.0
    bad = sum(1 for c in text if (unicodedata.category(c) in ("Cc", "Cn") and c not in "\n\r\t\f\v"))
    return bad / len(text)


def check_language(raw: RawDocument) -> None:
    """Refuse input that is not Vietnamese, however damaged (seed 000, the worst, scores 0.62).

    English or French prose scores 0.25-0.31: most of its words cannot be Vietnamese syllables
    even with the marks ignored, while OCR that lost every mark still spells possible syllables.
    A short text is held to a higher share ("Hello world" is two words that cannot be Vietnamese;
    a one-byte file is no document), and text full of control characters is bytes of another
    script or binary read through a legacy Vietnamese table.
    """
    text = raw.text
    if not text.strip():
        pages = len(raw.pages)
        errors = [f"page {p.number}: {p.error}" for p in raw.pages if p.error]
        why = f"; {errors[0]}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "") if errors else ""
        raise InputError(raw.path, f"no text could be read ({pages} page{'s' if pages != 1 else ''}, all empty{why})")
    control = _control_share(text)
    if control > MAX_CONTROL_SHARE:
        raise InputError(raw.path, f"not Vietnamese text ({control:.0%} of characters are control or unassigned "
                                   f"codes: another script or binary data, encoding read as {raw.encoding or 'unknown'})")
    words = [w for w in syllables(text) if w.isalpha()]
    if len(words) < MIN_SYLLABLES:
        raise InputError(raw.path, f"too little text to be a document ({len(text.strip())} characters)")
    share = skeleton_share(text)
    needed = MIN_SKELETON_SHARE if len(words) >= MIN_WORDS_TO_JUDGE else MIN_SHORT_SHARE
    if share < needed:
        raise InputError(raw.path, f"not Vietnamese text (only {share:.0%} of words could be Vietnamese syllables)")


def run(path: str | Path, options: OcrOptions = OcrOptions(), raw: Optional[RawDocument] = None) -> PlanDocument:
    from vnplan.entities import extract_entities
    from vnplan.structure import segment

    raw = raw or ingest(path, options)
    if len(raw.text) > options.max_chars:
        raise InputError(raw.path, f"text of {len(raw.text):,} characters is over the bound ({options.max_chars:,}, "
                                   "vnplan batch --max-chars)")
    check_language(raw)
    repaired = repair_stage(raw, options.lang)
    text = repaired.text
    pages = PageIndex(text)
    warnings: list[Warning] = []

    page_info = []
    for (start, end), page in zip(pages.bounds(len(text)), raw.pages):
        page_info.append(
            PageInfo(
                number=page.number,
                method=page.method,
                start=start,
                end=end,
                ocr_confidence=page.ocr_confidence,
                text_layer_rejected=page.text_layer_rejected,
                reason=page.reason,
            )
        )
        if page.error:
            warnings.append(Warning(code="page_failed", message=f"page {page.number}: {page.error}"))
        elif page.method == "ocr" and page.ocr_confidence is not None and page.ocr_confidence < 60:
            warnings.append(
                Warning(code="low_ocr_confidence", message=f"page {page.number}: mean OCR confidence {page.ocr_confidence:.0f}")
            )
        if not page.text.strip():
            warnings.append(Warning(code="empty_page", message=f"page {page.number} has no text"))

    segmented = segment(text)
    warnings += segmented.warnings
    entities = extract_entities(text, segmented.sections)
    warnings += entities.warnings

    raw_text = raw.text
    page_confidence = {p.number: p.ocr_confidence / 100 for p in raw.pages if p.ocr_confidence is not None}
    for items in (entities.legal_references, entities.deadlines, entities.responsibilities, entities.targets):
        _attach_pages(items, pages, repaired.source_map, raw_text, page_confidence)
    _attach_section_pages(segmented.sections, pages)
    _attach_pages(segmented.metadata.spans.values(), pages, repaired.source_map, raw_text, page_confidence)
    _attach_pages([w.span for w in warnings if w.span is not None], pages, repaired.source_map, raw_text, page_confidence)

    if repaired.valid_share < 0.8 and repaired.syllables:
        warnings.append(
            Warning(
                code="low_valid_syllables",
                message=f"only {repaired.valid_share:.0%} of syllables are valid Vietnamese after repair: "
                "the text may not be Vietnamese or is badly damaged",
            )
        )

    document = PlanDocument(
        source=Source(
            path=printable(path),
            sha256=raw.sha256,
            kind=raw.kind,
            pages=len(raw.pages),
            encoding=raw.encoding,
            page_info=page_info,
        ),
        metadata=segmented.metadata,
        text=text,
        sections=segmented.sections,
        legal_references=entities.legal_references,
        deadlines=entities.deadlines,
        responsibilities=entities.responsibilities,
        targets=entities.targets,
        warnings=warnings,
        quality=Quality(
            pages=[PageQuality(page=p.number, method=p.method, ocr_confidence=p.ocr_confidence) for p in raw.pages],
            damage=repaired.damage,
            repair_changed_syllables=repaired.changed,
            repair_changed_share=(repaired.changed / repaired.syllables) if repaired.syllables else 0.0,
            syllables=repaired.syllables,
            valid_syllable_share=repaired.valid_share,
        ),
    )
    # Round trip through validation: what we write is what the schema promises.
    return PlanDocument.model_validate(document.model_dump())
