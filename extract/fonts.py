"""Fonts with Vietnamese glyphs on this machine (DejaVu, from Debian's fonts-dejavu-core): the
searchable-PDF layer embeds one, and the test renderer draws pages with it."""

from __future__ import annotations

from pathlib import Path

DEJAVU = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]


def find_font(preferred: str | None = None) -> str:
    for candidate in ([preferred] if preferred else []) + DEJAVU:
        if candidate and Path(candidate).exists():
            return candidate
    raise FileNotFoundError("no font with Vietnamese glyphs found (apt-get install fonts-dejavu-core)")
