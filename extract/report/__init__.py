"""Pages for people: self-contained HTML (no network, no external file) for one document, a
comparison (the two plans side by side), and an archive (one row per plan of a batch).

`html` owns the shared frame (styles, the displaCy-style colour of each kind of span, the
verdict colours) and the highlighter that turns spans into nested marks; `document_page`,
`compare_page` and `archive_page` build one page each.
"""

from vnplan.report.archive_page import render_archive_csv, render_archive_page
from vnplan.report.compare_page import render_compare_page
from vnplan.report.document_page import render_document_page

__all__ = ["render_archive_csv", "render_archive_page", "render_compare_page", "render_document_page"]
