#!/usr/bin/env python3
"""Check vnplan's output JSON files against the output contract (../shared/contract.md).

    python scripts/check_contract.py OUT_DIR_OR_FILE... [--quiet]

Every `*.json` in the folders given (not `index.jsonl`) is read and checked; one line per
violation, `FILE: WHERE: WHY`, then a summary by kind. Exit 0 when every file holds, 1 on any
violation, 2 when a path does not exist or holds no JSON file.

What is checked, for each document:
- it parses as `vnplan.models.PlanDocument` (pydantic, unknown keys forbidden), every top-level key
  of the contract is present, `schema_version` is the current one, and no number is NaN or infinite;
- every span (legal references, deadlines, responsibilities, targets, `metadata.spans`, warnings'
  spans): `0 <= start <= end <= len(text)`, `text[start:end] == item.text`, `page` within
  `1..source.pages` when not null and equal to the page whose `page_info` range holds `start`,
  `confidence` within [0, 1], `raw_start <= raw_end` when both are given;
- sections: the same bounds, page and confidence; a child inside its parent's [start, end];
  siblings in order and not overlapping; a non-empty `labels` starts with `label`;
- `source.page_info`: one entry per page, numbered 1..pages, in text order, inside the text, with a
  method of the contract (`text_layer`, `decoded`, `legacy_font`, `ocr`) or of the schema 1.1
  additions the README documents (`txt`, `docx`, `doc`, `rtf`); `quality.pages` one per page;
- `metadata.date` and legal references' `date`: ISO 8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), a real
  calendar date; `period_start <= period_end`; each key of `metadata.spans` names a metadata field;
- deadlines' `date`: one of the forms `models/document.py` documents (day, month, year, quarter,
  an interval start/end of those with start <= end, every year `--MM-DD` or `--MM` and a span of
  those, every month `---DD`), `recurrence` saying how an every-year or every-month date recurs, and
  `year` (`year_end`) equal to the first (last) year it names;
- targets: `value <= value_max` when both are given.
"""

from __future__ import annotations

import argparse
import calendar
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

from pydantic import ValidationError

from vnplan.models import SCHEMA_VERSION, Metadata, PlanDocument, Section, Span

TOP_LEVEL_KEYS = ("schema_version", "source", "metadata", "text", "sections", "legal_references", "deadlines",
                  "responsibilities", "targets", "warnings", "quality")
# the contract's page methods, plus the four that schema 1.1 added (README, "Changes in 1.1")
PAGE_METHODS = {"text_layer", "decoded", "legacy_font", "ocr", "txt", "docx", "doc", "rtf"}

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_EVERY_YEAR = re.compile(r"--(\d{2})(?:-(\d{2}))?")
_EVERY_MONTH = re.compile(r"---(\d{2})")


class Violation(NamedTuple):
    kind: str    # a short name, counted in the summary
    where: str   # a JSON path into the document, with the item's text where it helps
    why: str


def _valid_day(year: int, month: int, day: Optional[int]) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def iso_date_ok(value: str) -> bool:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, naming a real day."""
    m = _ISO_DATE.fullmatch(value)
    if not m:
        return False
    year, month, day = int(m[1]), m[2], m[3]
    return month is None or _valid_day(year, int(month), int(day) if day else None)


def _point_start(value: str) -> Optional[tuple[int, int, int]]:
    """The first day a day, month, year or quarter names, as (year, month, day); None if not one."""
    if iso_date_ok(value):
        m = _ISO_DATE.fullmatch(value)
        return int(m[1]), int(m[2] or 1), int(m[3] or 1)
    m = _QUARTER.fullmatch(value)
    return (int(m[1]), 3 * int(m[2]) - 2, 1) if m else None


def _every_year(value: str) -> bool:
    m = _EVERY_YEAR.fullmatch(value)
    return bool(m) and _valid_day(2000, int(m[1]), int(m[2]) if m[2] else None)  # 2000: a leap year, 29 Feb is real


def deadline_date_problem(value: str) -> Optional[str]:
    """Why a deadline's `date` is not one of the schema's forms, or None when it is."""
    if _point_start(value):
        return None
    m = _EVERY_MONTH.fullmatch(value)
    if m:
        return None if 1 <= int(m[1]) <= 31 else f"day {m[1]} of every month does not exist"
    if _EVERY_YEAR.fullmatch(value):
        return None if _every_year(value) else "no such day of the year"
    if value.count("/") == 1:
        first, last = value.split("/")
        if _every_year(first) and _every_year(last):
            return None  # a span of days every year; it may cross New Year ("từ 01/11 đến 31/01 hằng năm")
        a, b = _point_start(first), _point_start(last)
        if a is None or b is None:
            return "an interval whose ends are not both a day, month, year or quarter"
        return None if a <= b else "an interval that ends before it starts"
    return "not a form the schema documents"


def _years(value: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<![-\d])(\d{4})(?!\d)", value)]


def _non_finite(value, path: str) -> Iterator[str]:
    if isinstance(value, float) and not math.isfinite(value):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _non_finite(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _non_finite(item, f"{path}[{i}]")


def _page_at(doc: PlanDocument, offset: int) -> Optional[int]:
    """The page whose `page_info` range holds `offset` (the first page that starts after it, less one)."""
    number = None
    for info in doc.source.page_info:
        if info.start <= offset:
            number = info.number
    return number


def _place(doc: PlanDocument, where: str, start: int, end: int, page: Optional[int],
           confidence: float) -> Iterator[Violation]:
    """Bounds, page and confidence: what every span and section owes."""
    if not 0 <= start <= end <= len(doc.text):
        yield Violation("offsets", where, f"start {start}, end {end} outside 0..{len(doc.text)} or reversed")
    if page is not None:
        if not 1 <= page <= doc.source.pages:
            yield Violation("page", where, f"page {page} outside 1..{doc.source.pages}")
        elif doc.source.page_info and 0 <= start <= len(doc.text) and _page_at(doc, start) not in (None, page):
            yield Violation("page", where, f"page {page}, but offset {start} is on page {_page_at(doc, start)}")
    if not 0.0 <= confidence <= 1.0:  # also false for NaN
        yield Violation("confidence", where, f"confidence {confidence} outside [0, 1]")


def check_span(doc: PlanDocument, where: str, span: Span) -> Iterator[Violation]:
    yield from _place(doc, where, span.start, span.end, span.page, span.confidence)
    if 0 <= span.start <= span.end <= len(doc.text) and doc.text[span.start : span.end] != span.text:
        found = doc.text[span.start : span.end]
        yield Violation("span_text", where, f"text[{span.start}:{span.end}] is {found[:60]!r}, item says {span.text[:60]!r}")
    if span.raw_start is not None and span.raw_end is not None and span.raw_start > span.raw_end:
        yield Violation("offsets", where, f"raw_start {span.raw_start} > raw_end {span.raw_end}")


def check_sections(doc: PlanDocument, nodes: list[Section], where: str,
                   parent: Optional[Section] = None) -> Iterator[Violation]:
    previous: Optional[Section] = None
    for i, node in enumerate(nodes):
        here = f"{where}[{i}] {node.number!r} {node.heading[:40]!r}"
        yield from _place(doc, here, node.start, node.end, node.page, node.confidence)
        if parent is not None and not (parent.start <= node.start and node.end <= parent.end):
            yield Violation("section_tree", here, f"[{node.start}, {node.end}] outside its parent's [{parent.start}, {parent.end}]")
        if previous is not None and node.start < previous.end:
            yield Violation("section_tree", here, f"starts at {node.start}, before its previous sibling "
                            f"{previous.number!r} ends ({previous.end})")
        if node.labels and node.labels[0] != node.label:
            yield Violation("section_label", here, f"label {node.label!r} is not the first of labels {node.labels}")
        yield from check_sections(doc, node.children, f"{here}.children", node)
        previous = node


def check_source(doc: PlanDocument) -> Iterator[Violation]:
    infos = doc.source.page_info
    if len(infos) != doc.source.pages:
        yield Violation("page_info", "source.page_info", f"{len(infos)} entries for {doc.source.pages} pages")
    for i, info in enumerate(infos):
        where = f"source.page_info[{i}]"
        if info.number != i + 1:
            yield Violation("page_info", where, f"number {info.number}, expected {i + 1}")
        if info.method not in PAGE_METHODS:
            yield Violation("page_info", where, f"method {info.method!r} is not one the contract lists")
        if not 0 <= info.start <= info.end <= len(doc.text):
            yield Violation("page_info", where, f"[{info.start}, {info.end}] outside the text (0..{len(doc.text)})")
        if i and info.start < infos[i - 1].end:
            yield Violation("page_info", where, f"starts at {info.start}, before page {infos[i - 1].number} ends ({infos[i - 1].end})")
    if len(doc.quality.pages) != doc.source.pages:
        yield Violation("quality", "quality.pages", f"{len(doc.quality.pages)} entries for {doc.source.pages} pages")


def _items(doc: PlanDocument) -> Iterator[tuple[str, Span]]:
    for field in ("legal_references", "deadlines", "responsibilities", "targets"):
        for i, item in enumerate(getattr(doc, field)):
            yield f"{field}[{i}] {item.text[:40]!r}", item
    for name, span in doc.metadata.spans.items():
        yield f"metadata.spans.{name} {span.text[:40]!r}", span
    for i, warning in enumerate(doc.warnings):
        if warning.span is not None:
            yield f"warnings[{i}] ({warning.code}).span {warning.span.text[:40]!r}", warning.span


def check_values(doc: PlanDocument) -> Iterator[Violation]:
    meta = doc.metadata
    if meta.date is not None and not iso_date_ok(meta.date):
        yield Violation("date", "metadata.date", f"{meta.date!r} is not ISO YYYY, YYYY-MM or YYYY-MM-DD")
    if meta.period_start is not None and meta.period_end is not None and meta.period_start > meta.period_end:
        yield Violation("period", "metadata.period_start", f"period {meta.period_start}-{meta.period_end} ends before it starts")
    for name in meta.spans:
        if name not in Metadata.model_fields or name == "spans":
            yield Violation("metadata_span", f"metadata.spans.{name}", "names no metadata field")
    for i, ref in enumerate(doc.legal_references):
        if ref.date is not None and not iso_date_ok(ref.date):
            yield Violation("date", f"legal_references[{i}] {ref.text[:40]!r}", f"date {ref.date!r} is not ISO")
    for i, deadline in enumerate(doc.deadlines):
        where = f"deadlines[{i}] {deadline.text[:40]!r}"
        if deadline.date is None:
            continue
        problem = deadline_date_problem(deadline.date)
        if problem:
            yield Violation("deadline_date", where, f"date {deadline.date!r}: {problem}")
            continue
        every = "monthly" if deadline.date.startswith("---") else "yearly" if deadline.date.startswith("--") else None
        if every and deadline.recurrence != every:
            yield Violation("deadline_date", where, f"date {deadline.date!r} recurs {every}, recurrence says {deadline.recurrence}")
        years = _years(deadline.date)
        if years and deadline.year is not None and deadline.year != years[0]:
            yield Violation("deadline_date", where, f"year {deadline.year} but date {deadline.date!r} starts in {years[0]}")
        if len(years) > 1 and deadline.year_end is not None and deadline.year_end != years[-1]:
            yield Violation("deadline_date", where, f"year_end {deadline.year_end} but date {deadline.date!r} ends in {years[-1]}")
    for i, target in enumerate(doc.targets):
        if target.value_max is not None and target.value > target.value_max:
            yield Violation("target_range", f"targets[{i}] {target.text[:40]!r}",
                            f"value {target.value} > value_max {target.value_max}")


def check_document(data: dict) -> list[Violation]:
    """Every violation of the contract in one output document, given as parsed JSON."""
    found = [Violation("missing_key", key, "top-level key of the contract absent") for key in TOP_LEVEL_KEYS if key not in data]
    found += [Violation("nan", path, "NaN or infinite number") for path in _non_finite(data, "$")]
    try:
        doc = PlanDocument.model_validate(data)
    except ValidationError as error:
        for e in error.errors():
            found.append(Violation("schema", ".".join(map(str, e["loc"])), e["msg"]))
        return found  # nothing below can be trusted on a document the model refuses
    if doc.schema_version != SCHEMA_VERSION:
        found.append(Violation("schema", "schema_version", f"{doc.schema_version!r}, current is {SCHEMA_VERSION!r}"))
    found += check_source(doc)
    for where, span in _items(doc):
        found += check_span(doc, where, span)
    found += check_sections(doc, doc.sections, "sections")
    found += check_values(doc)
    return found


def check_file(path: Path) -> list[Violation]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))  # json accepts NaN/Infinity: caught by check_document
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return [Violation("unreadable", "$", f"not a readable JSON file: {error}")]
    if not isinstance(data, dict):
        return [Violation("schema", "$", "the top level is not an object")]
    return check_document(data)


def _files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return files


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="output folders (their *.json) or JSON files")
    parser.add_argument("--quiet", action="store_true", help="print the summary only")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print("no such file or folder: " + ", ".join(map(str, missing)))
        return 2
    files = _files(args.paths)
    if not files:
        print("no JSON file found in " + ", ".join(map(str, args.paths)))
        return 2
    kinds: Counter[str] = Counter()
    bad_files = 0
    for path in files:
        violations = check_file(path)
        bad_files += bool(violations)
        for v in violations:
            kinds[v.kind] += 1
            if not args.quiet:
                print(f"{path}: {v.where}: {v.why}")
    total = sum(kinds.values())
    by_kind = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
    print(f"{len(files)} files checked, {total} violations in {bad_files} files" + (f" ({by_kind})" if total else ""))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
