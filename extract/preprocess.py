"""Page images made ready for Tesseract: coloured ink and table rules removed, grey levels.

Owns what is done to a page image between rendering and OCR. Vietnamese official documents carry
a red seal (Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I: the seal overlaps a third to a half
of the signature, in red ink) and signatures in blue or red ink; e-office PDFs add a red or blue
stamp of the digital signature. Tesseract reads such ink as noise letters or loses the black
text under it, so pixels that are strongly red or blue are turned white before OCR. Black text
printed over the seal stays: it is dark in every channel. Annex tables (coordinate tables,
schedules) are ruled; Tesseract's layout analysis takes ruled cells for pictures and loses or
garbles them, so long straight rules are whitened too. Measured by scripts/bench_real_ocr.py
(figures in extract/ocr.py's OcrSettings).
"""

from __future__ import annotations

# A pixel is coloured ink when its strongest channel exceeds its weakest by this much (0-255).
# Anti-aliased black text and grey scanner noise stay well below it; red seals and blue ink are
# far above (measured on the seals and e-office stamps of ../shared/realdocs).
INK_CHROMA = 80


def suppress_coloured_ink(image, chroma: int = INK_CHROMA):
    """Grey-level copy of ``image`` in which strongly coloured pixels (red, blue, green) are white.

    A grey-level input is returned unchanged; an RGB input is converted to grey after masking.
    """
    import numpy as np
    from PIL import Image

    if image.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr"):
        return image.convert("L")   # grey, bilevel or 16-bit: no colour to remove
    rgb = image.convert("RGB")
    r, g, b = (np.asarray(band) for band in rgb.split())
    spread = np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)   # uint8, no overflow
    # ITU-R 601 luma, channel by channel (one 3-D int32 array was ten times slower)
    grey = (r.astype(np.int32) * 299 + g.astype(np.int32) * 587 + b.astype(np.int32) * 114) // 1000
    grey[spread >= chroma] = 255
    return Image.fromarray(grey.astype(np.uint8), mode="L")


# A straight dark run at least this long is a table rule or a separator line, never part of a
# letter: body text is 12-14 pt (Nghị định 30/2020/NĐ-CP, Phụ lục I), titles at most about 16 pt
# bold, whose tallest stroke is under 0.2 inch; the rules of the annex tables of the real
# documents (../shared/realdocs lc-qd-2463, lc-gcn-banqua) run for inches.
RULE_INCHES = 1 / 3
DARK = 160


def remove_rules(image, dpi: float = 300.0):
    """Grey-level copy of ``image`` with long horizontal and vertical dark lines (table rules,
    underlines of headers, frames) turned white: Tesseract's layout analysis reads a ruled table
    as pictures and drops or garbles its cells. ``dpi`` is the image's resolution."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(image.convert("L"))
    horizontal, vertical = rule_masks(grey < DARK, dpi)
    mask = horizontal | vertical
    if not mask.any():
        return image.convert("L")
    out = grey.copy()
    out[mask] = 255
    return Image.fromarray(out, mode="L")


def rule_masks(dark, dpi: float = 300.0):
    """(horizontal, vertical): boolean masks of the pixels of ``dark`` (a boolean page array) that
    lie on a straight dark run of at least RULE_INCHES, along rows and along columns."""
    length = max(8, int(round(dpi * RULE_INCHES)))
    return _long_runs(dark, length, axis=1), _long_runs(dark, length, axis=0)


def _long_runs(dark, length: int, axis: int):
    """Pixels covered by a window of ``length`` dark pixels in a row (axis=1) or column (axis=0)."""
    import numpy as np

    d = dark if axis == 1 else dark.T
    c = np.zeros((d.shape[0], d.shape[1] + 1), dtype=np.int32)   # (a page is under 2^31 pixels wide)
    np.cumsum(d, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # window starting at j is all dark
    if not full.any():
        return np.zeros_like(dark)
    # pixel x is covered when some window starting in [x - length + 1, x] is full
    rows, n = d.shape
    f = np.zeros((rows, n + 1), dtype=np.int32)
    np.cumsum(np.pad(full, ((0, 0), (0, length - 1))), axis=1, out=f[:, 1:])
    lower = np.zeros((rows, n), dtype=np.int32)
    lower[:, length - 1:] = f[:, : n - length + 1]
    covered = (f[:, 1:] - lower) > 0
    return covered if axis == 1 else covered.T
