"""Page images made ready for Tesseract: coloured ink removed, grey levels.

Owns what is done to a page image between rendering and OCR. Vietnamese official documents carry
a red seal (Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I: the seal overlaps a third to a half
of the signature, in red ink) and signatures in blue or red ink; e-office PDFs add a red or blue
stamp of the digital signature. Tesseract reads such ink as noise letters or loses the black
text under it, so pixels that are strongly red or blue are turned white before OCR. Black text
printed over the seal stays: it is dark in every channel.
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
    rgb = np.asarray(image.convert("RGB"), dtype=np.int32)
    spread = rgb.max(axis=2) - rgb.min(axis=2)
    grey = (rgb[..., 0] * 299 + rgb[..., 1] * 587 + rgb[..., 2] * 114) // 1000
    grey[spread >= chroma] = 255
    return Image.fromarray(grey.astype(np.uint8), mode="L")
