"""Synthetic scans: Vietnamese text rendered as page images that look scanned (a test and
benchmark tool, kept out of the installed package).

Used by the OCR test, the OCR benchmark and the repair stage's channel-model training: a page of
text at 300 dpi in a font with Vietnamese glyphs, turned by a slight angle and sprinkled with
noise, saved as an image-only PDF (no text layer) or as images.
"""

from __future__ import annotations

import random
from pathlib import Path

from vnplan.fonts import find_font

A4_300DPI = (2480, 3508)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            trial = f"{line} {word}"
            if draw.textlength(trial, font=font) <= width:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def render_page(text: str, font_path: str | None = None, size: int | None = None, margin: int = 180,
                angle: float = 0.0, noise: float = 0.0, seed: int = 0, page_size=A4_300DPI):
    """One page image (mode L). With `size` None the largest font size that fits is chosen."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = find_font(font_path)
    width, height = page_size
    canvas = Image.new("L", page_size, 255)
    draw = ImageDraw.Draw(canvas)
    sizes = [size] if size else list(range(50, 29, -2))
    for s in sizes:
        font = ImageFont.truetype(font_path, s)
        line_height = int(s * 1.45)
        lines = _wrap(draw, text, font, width - 2 * margin)
        if len(lines) * line_height <= height - 2 * margin or s == sizes[-1]:
            break
    y = margin
    for line in lines:
        draw.text((margin, y), line, font=font, fill=0)
        y += line_height
    if angle:
        canvas = canvas.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    if noise:
        rng = random.Random(seed)
        pixels = canvas.load()
        for _ in range(int(width * height * noise)):
            x, y = rng.randrange(width), rng.randrange(height)
            pixels[x, y] = 0 if pixels[x, y] > 128 else 255
    return canvas


def split_pages(text: str, n_pages: int) -> list[str]:
    """Split at paragraph boundaries into `n_pages` parts of about equal length."""
    paragraphs = text.strip("\n").split("\n")
    total = sum(len(p) + 1 for p in paragraphs)
    parts: list[list[str]] = [[] for _ in range(n_pages)]
    running = 0
    for paragraph in paragraphs:
        index = min(int(running * n_pages / total), n_pages - 1)
        parts[index].append(paragraph)
        running += len(paragraph) + 1
    return ["\n".join(p) for p in parts]


def render_scan_pdf(text: str, out: str | Path, n_pages: int = 2, angles=(0.6, -0.4), noise: float = 0.0005,
                    font_path: str | None = None) -> list[str]:
    """Write an image-only PDF of `text` on `n_pages` pages at 300 dpi; returns each page's text."""
    pages_text = split_pages(text, n_pages)
    images = [
        render_page(t, font_path=font_path, angle=angles[i % len(angles)], noise=noise, seed=i)
        for i, t in enumerate(pages_text)
    ]
    images[0].save(out, save_all=True, append_images=images[1:], resolution=300.0)
    return pages_text
