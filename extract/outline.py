"""Old import path of the outline reader and of `fold`; they live in `extract.structure.outline`
and `extract.text` (kept while other modules switch)."""

from extract.structure.outline import (  # noqa: F401
    closing_start,
    find_candidates,
    heading_labels,
    outline,
    recipients_start,
)
from extract.text import LINE_BREAKS, fold, fold_char  # noqa: F401
