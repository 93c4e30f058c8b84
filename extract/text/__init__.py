"""The text core every stage shares: one `fold`, one syllable tokenizer, one view of a document.

- `fold` (extract.text.fold): marks stripped and casefolded, one character per character;
- `syllables`, `is_valid_syllable`, `strip_marks` ... (extract.text.vietnamese): the writing system;
- `DocView` (extract.text.view): text, folded text, lines and pages, built once per document.
"""

from vnplan.text.fold import collapse, fold, fold_char, has_marks, letters_only
from vnplan.text.view import LINE_BREAKS, DocView, Line
from vnplan.text.vietnamese import (
    SYLLABLE_RE,
    has_vietnamese_marks,
    is_valid_skeleton,
    is_valid_syllable,
    looks_vietnamese,
    nfc,
    skeleton_share,
    split_tone,
    strip_marks,
    syllables,
    vietnamese_share,
)

__all__ = [
    "LINE_BREAKS", "DocView", "Line", "SYLLABLE_RE", "collapse", "fold", "fold_char", "has_marks",
    "has_vietnamese_marks", "is_valid_skeleton", "is_valid_syllable", "letters_only", "looks_vietnamese", "nfc",
    "skeleton_share", "split_tone", "strip_marks", "syllables", "vietnamese_share",
]
