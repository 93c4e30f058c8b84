"""What `vnplan compare` writes: one plan's report (.json, .md, .html), or a batch's archive view
(.html with one page per plan beside it, .csv, .json). Kept here so the command line stays thin."""

from __future__ import annotations

import re
from pathlib import Path

from vnplan.output import atomic_write_text, write_text_or_stdout

FORMATS = ("json", "md", "html")
ARCHIVE_FORMATS = ("html", "csv", "json")


def report_format(output: Path | None, allowed: tuple[str, ...]) -> str:
    fmt = (output.suffix.lower().lstrip(".") if output else "md") or "md"
    if fmt not in allowed:
        raise ValueError(f"unsupported report format '.{fmt}' (use {', '.join('.' + f for f in allowed)})")
    return fmt


def compare_one(input: Path, against: str, output: Path | None) -> None:
    from vnplan.compare import choose_reference, compare_document, load_plan, render

    from vnplan.compare.profiles import NATIONAL
    from vnplan.errors import InputError

    fmt = report_format(output, FORMATS)
    if against != "auto" and against not in NATIONAL and not Path(against).exists():  # before the plan's minutes of OCR
        raise InputError(against, "no such reference file (use 1258, 666, auto or a file)")
    plan = load_plan(Path(input))
    ref, chosen_by, ref_doc = choose_reference(plan, against)
    report = compare_document(plan, against, reference_doc=ref_doc)
    if ref_doc is not None:
        report = report.model_copy(update={"chosen_by": chosen_by})
    write_text_or_stdout(output, render(report, fmt, plan, ref_doc))


def _page_name(rid: str) -> str:
    return re.sub(r"[^\w.-]+", "_", rid) + ".html"


def compare_batch(folder: Path, against: str, output: Path | None) -> int:
    """Writes the archive view; returns the number of plans compared."""
    from vnplan.compare import render
    from vnplan.compare.archive import compare_archive
    from vnplan.report import render_archive_csv, render_archive_page

    fmt = report_format(output, ARCHIVE_FORMATS) if output else "csv"
    report, reports = compare_archive(Path(folder), against)
    if fmt == "html" and output is not None:
        pages = output.with_name(output.stem + "_plans")
        for rid, plan_report, doc in reports:
            name = _page_name(rid)
            atomic_write_text(pages / name, render(plan_report, "html", doc))
            for row in report.rows:
                if row.id == rid:
                    row.page = f"{pages.name}/{name}"
        atomic_write_text(output, render_archive_page(report))
    elif fmt == "json":
        write_text_or_stdout(output, report.model_dump_json(indent=2) + "\n")
    else:
        write_text_or_stdout(output, render_archive_csv(report))
    return len(reports)
