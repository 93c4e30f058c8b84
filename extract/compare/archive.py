"""A whole batch folder compared with the national plans: the archive view's rows and columns.

Reads `index.jsonl` (one JSON line per document: `status`, `output`, `path`, `id`) and the
document JSONs it names; every plan is compared with its reference (`auto`: the national plan of
its period), and plans of the batch are the archive a citation chain is resolved from (a
district plan citing its province's plan, when that plan is in the batch too).
"""

from __future__ import annotations

import json
from pathlib import Path

from vnplan.compare import compare_document
from vnplan.compare.chain import doc_key
from vnplan.compare.lexicon import short_label, subject_labels
from vnplan.compare.profiles import NATIONAL
from vnplan.compare.targets import describe, label as target_label
from vnplan.errors import InputError
from vnplan.models import PlanDocument
from vnplan.models.compare import ArchiveColumn, ArchiveReport, ArchiveRow, ComparisonReport, PlanSummary

INDEX = "index.jsonl"


def read_batch(folder: Path) -> list[tuple[dict, PlanDocument | None, str | None]]:
    """(record, document or None, error) for each document of the batch, the last record of each kept."""
    index = folder / INDEX
    if not index.is_file():
        raise InputError(folder, f"not a batch output folder (no {INDEX})")
    records: dict[str, dict] = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            records[str(record.get("id") or record.get("path"))] = record
    out = []
    for record in records.values():
        if record.get("status") != "ok" or not record.get("output"):
            out.append((record, None, record.get("error") or record.get("reason") or f"status {record.get('status')}"))
            continue
        path = Path(record["output"])
        if not path.is_absolute() and not path.exists():
            path = folder / path.name
        try:
            out.append((record, PlanDocument.model_validate_json(path.read_bytes()), None))
        except (OSError, ValueError) as exc:
            out.append((record, None, f"{path}: {str(exc).splitlines()[0]}"))
    return out


def _short_value(t) -> str:
    value = f"{t.value:g}" + (f"-{t.value_max:g}" if t.value_max is not None else "")
    sign = {"decrease": "−", "increase": "+"}.get(t.direction, "")
    if t.measure == "yearly_change":
        return f"{'>' if t.more_than else ''}{sign}{value} đ/năm"
    if t.measure == "multiplier":
        return f"×{value}"
    return f"{value}%"


def _target_column(code: str, t) -> str:
    return f"{code}:{t.family}:{t.scope}:{t.measure}"


def columns() -> list[ArchiveColumn]:
    cols = []
    for code, profile in NATIONAL.items():
        for t in profile.typed_targets:
            short = f"{code} {short_label('families', t.family)} · {short_label('scopes', t.scope)} · {_short_value(t)}"
            cols.append(ArchiveColumn(id=_target_column(code, t), label=f"{code}: {target_label(t)}, {describe(t)}", short=short,
                                      kind="target"))
    for subject, label in subject_labels().items():
        cols.append(ArchiveColumn(id=f"subject:{subject}", label=label, kind="subject"))
    cols += [ArchiveColumn(id="calendar:so_ket", label="sơ kết", kind="calendar"),
             ArchiveColumn(id="calendar:tong_ket", label="tổng kết", kind="calendar")]
    return cols


def row_cells(report: ComparisonReport) -> dict[str, str]:
    code = (report.against.key or "").split("/")[0]
    cells: dict[str, str] = {}
    if report.against.source == "summary":
        for t in report.targets:
            if t.reference is not None:
                cells[_target_column(code, t.reference)] = t.verdict
    for s in report.subjects:
        cells[f"subject:{s.subject}"] = s.status
    for c in report.calendar:
        if c.kind in ("so_ket", "tong_ket"):
            cells[f"calendar:{c.kind}"] = c.status
    return cells


def compare_archive(folder: Path, against: str = "auto") -> tuple[ArchiveReport, list[tuple[str, ComparisonReport, PlanDocument]]]:
    """The archive report, and each plan's report with its document (for the plans' own pages)."""
    folder = Path(folder)
    batch = read_batch(folder)
    archive: dict[str, list[PlanDocument]] = {}
    for _, doc, _ in batch:
        if doc is not None and doc_key(doc):
            archive.setdefault(doc_key(doc), []).append(doc)
    rows, reports = [], []
    for record, doc, error in batch:
        rid = str(record.get("id") or Path(str(record.get("path", "doc"))).stem)
        path = str(record.get("path") or record.get("output") or rid)
        if doc is None:
            rows.append(ArchiveRow(id=rid, path=path, plan=PlanSummary(path=path), error=error))
            continue
        report = compare_document(doc, against, archive=archive)
        reports.append((rid, report, doc))
        rows.append(ArchiveRow(id=rid, path=path, plan=report.plan, reference=report.against.key or report.against.name,
                               chosen_by=report.chosen_by, chain=report.chain.status if report.chain else None,
                               cells=row_cells(report)))
    cols = columns()
    if against not in ("auto", *NATIONAL):
        cols = [c for c in cols if c.kind != "target"]
    used = {k for r in rows for k in r.cells}
    cols = [c for c in cols if c.id in used or c.kind == "target"]
    return ArchiveReport(folder=str(folder), columns=cols, rows=rows), reports
