"""The archive view: one row per plan of a batch (issuer, level, period, reference decided), one
column per national target and per subject of emulation, cells stricter / looser / missing ...;
sortable by a click on a column (a few lines of inline script); each row links to the plan's page.
The same table as CSV."""

from __future__ import annotations

import csv
import io

from vnplan.report.html import esc, page, verdict_badge
from vnplan.models.compare import ArchiveReport

SORT_JS = """
document.querySelectorAll("table.sortable th").forEach(function (th, col) {
  th.classList.add("sortable");
  th.addEventListener("click", function () {
    var tbody = th.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var asc = th.getAttribute("data-dir") !== "asc";
    th.closest("tr").querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-dir"); });
    th.setAttribute("data-dir", asc ? "asc" : "desc");
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute("data-key") || a.cells[col].textContent;
      var y = b.cells[col].getAttribute("data-key") || b.cells[col].textContent;
      return (asc ? 1 : -1) * x.localeCompare(y, "vi", {numeric: true});
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  });
});
"""

FIXED = ["plan", "issuer", "level", "period", "reference", "chain"]


def _fixed(row) -> list[str]:
    p = row.plan
    period = "" if not p.period_start else str(p.period_start) if p.period_end in (None, p.period_start) else f"{p.period_start}-{p.period_end}"
    return [p.title or row.path, p.issuer or "", p.level or "", period, row.reference or "", row.chain or ""]


def render_archive_page(report: ArchiveReport) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in FIXED) + "".join(
        f'<th class="verdict-col" title="{esc(c.label)}">{esc(c.short or c.label)}</th>' for c in report.columns)
    body = []
    for row in report.rows:
        cells = _fixed(row)
        name = row.plan.key or row.id
        first = f'<a href="{esc(row.page)}">{esc(name)}</a>' if row.page else esc(name)
        first += f'<br><span class="note">{esc(cells[0][:110])}</span>'

        if row.error:
            first += f' <span class="note">({esc(row.error)})</span>'
        tds = [f'<td class="plan" data-key="{esc(name)}">{first}</td>'] + [f"<td>{esc(c)}</td>" for c in cells[1:]]
        for col in report.columns:
            v = row.cells.get(col.id, "")
            tds.append(f'<td data-key="{esc(v)}">{verdict_badge(v) if v else ""}</td>')
        body.append(f'<tr class="plan-row" id="row-{esc(row.id)}">{"".join(tds)}</tr>')
    table = (f'<table class="sortable" id="archive"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')
    intro = (f"<h1>Archive: {len(report.rows)} plans against the national plans</h1>"
             f'<p class="note">Folder {esc(report.folder)}. Each plan against the national plan of its period (Decision 1258 '
             "for 2016-2020, 666 for 2021-2025), profiles from official summaries; the other decision's columns stay blank. "
             "Click a column to sort; a plan's name opens its comparison page.</p>")
    style = ("<style>td.plan{min-width:16em} th.verdict-col{font-size:.78em;font-weight:normal;min-width:6.5em}"
             "#archive td{font-size:.92em}</style>")
    return page("vnplan archive", style + intro + table, SORT_JS)


def render_archive_csv(report: ArchiveReport) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "path"] + FIXED + [c.id for c in report.columns])
    for row in report.rows:
        writer.writerow([row.id, row.path] + _fixed(row) + [row.cells.get(c.id, "") for c in report.columns])
    return buf.getvalue()
