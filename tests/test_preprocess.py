"""Page images before OCR: red seals, blue signatures and e-office stamps are whitened, black text
(also where it crosses the seal) is kept."""

from __future__ import annotations

import pytest

from extract.preprocess import suppress_coloured_ink

# (RGB pixel, grey value expected after the filter)
PIXELS = [
    ((0, 0, 0), 0),              # black text
    ((255, 255, 255), 255),      # paper
    ((128, 128, 128), 128),      # grey: anti-aliased text edge
    ((90, 85, 80), 85),          # warm dark grey of a scanner: text, kept
    ((200, 30, 40), 255),        # seal red
    ((230, 90, 90), 255),        # lighter seal red
    ((30, 60, 200), 255),        # ballpoint blue
    ((20, 20, 120), 255),        # dark blue ink
    ((255, 215, 215), 226),      # pale pink halo of the seal: too weak to remove, stays light
    ((40, 10, 10), 19),          # black text printed over the seal: dark in every channel, kept
]


@pytest.mark.parametrize("rgb, grey", PIXELS)
def test_pixel(rgb, grey):
    from PIL import Image

    out = suppress_coloured_ink(Image.new("RGB", (3, 2), rgb))
    assert out.mode == "L"
    assert out.getpixel((1, 1)) == pytest.approx(grey, abs=1)


def test_grey_image_is_left_as_it_is():
    import numpy as np
    from PIL import Image

    image = Image.new("L", (4, 4), 77)
    assert (np.asarray(suppress_coloured_ink(image)) == 77).all()


def test_seal_over_text_leaves_the_text():
    """A red disk over black letters: the disk goes, the letters under it stay."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (200, 100), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 40, 180, 60), fill=(0, 0, 0))        # a line of text
    draw.ellipse((60, 0, 160, 100), outline=(210, 20, 30), width=12)  # the seal's ring
    out = suppress_coloured_ink(image)
    assert out.getpixel((100, 50)) == 0       # text under the seal
    assert out.getpixel((110, 5)) == 255      # the ring, top
    assert out.getpixel((30, 50)) == 0        # text outside the seal
    assert out.getpixel((5, 5)) == 255
