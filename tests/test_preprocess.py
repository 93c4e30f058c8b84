"""Page images before OCR: red seals, blue signatures and e-office stamps are whitened, black text
(also where it crosses the seal) is kept."""

from __future__ import annotations

import pytest

from vnplan.preprocess import suppress_coloured_ink

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


def test_table_rules_go_and_cell_text_stays():
    """A ruled table at 300 dpi: the rules are whitened, the digits in the cells are not."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from vnplan.preprocess import remove_rules
    from synth import find_font

    image = Image.new("L", (2480, 600), 255)   # at 300 dpi a rule is at least 100 px long
    draw = ImageDraw.Draw(image)
    for y in (50, 200, 350, 500):
        draw.line((50, y, 1150, y), fill=0, width=3)
    for x in (50, 60 + 1090 // 3 * 1, 1150):
        draw.line((x, 50, x, 500), fill=0, width=3)
    font = ImageFont.truetype(find_font(), 48)
    draw.text((80, 100), "M1 2498697,55", font=font, fill=0)
    draw.text((430, 250), "407129,25 Điều", font=font, fill=0)
    out = np.asarray(remove_rules(image, dpi=300))
    assert out[50, 600] == 255 and out[300, 423] == 255 and out[499, 1000] == 255   # rules
    text_before = np.asarray(image)[90:170, 70:410] < 160    # "M1 24", left of the column rule
    text_after = out[90:170, 70:410] < 160
    assert text_after.sum() == text_before.sum() > 500   # the first row's text, untouched
    assert (out[240:320, 430:1140] < 160).sum() > 500


@pytest.mark.parametrize("length, removed", [(40, False), (90, False), (300, True)])
def test_only_long_strokes_are_rules(length, removed):
    """A dash or a letter stroke (tens of pixels at 300 dpi) stays; a rule (hundreds) goes."""
    import numpy as np
    from PIL import Image, ImageDraw

    from vnplan.preprocess import remove_rules

    image = Image.new("L", (600, 200), 255)   # a small crop: the length is set by the dpi
    ImageDraw.Draw(image).line((100, 100, 100 + length, 100), fill=0, width=4)
    assert (np.asarray(remove_rules(image, dpi=300))[100, 100 + length // 2] == 255) == removed
