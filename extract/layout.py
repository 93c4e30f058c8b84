"""Reading order of a PDF page from where its glyphs sit, not from the order of the content stream.

Owns the step from positioned glyphs to lines of text: glyphs are grouped into lines by their
vertical centre and ordered left to right; spaces come from the layer's space glyphs and from the
gaps between glyphs. Two things of Vietnamese office documents need more than that:

- e-office stamps: the number and the date of signing are stamped after signing as separate
  text boxes (../shared/notes/pdf-text-layers.md); they are placed where they sit, a stamped
  figure printed over a drafted one replaces it (lc-qd-1696: "5" stamped over the drafted "4"),
  and a stamped number joins the symbol after it ("Số: 1696/QĐ-UBND", the form Nghị định
  30/2020/NĐ-CP, Phụ lục I prescribes);
- the two-column header (issuing body | national motto; number | place and date) and the
  two-column foot (Nơi nhận | signature block), which Nghị định 30/2020 lays out side by side:
  they are read column by column, left column first. The body keeps its normal order.

Ruled tables are read apart, cell by cell (extract/layer_tables.py); their lines come back as
blocks, placed among the page's lines where the table stands.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field, replace
from typing import Optional


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str = ""
    stamp: bool = False  # drawn by an annotation / e-office stamp, not the page's content stream
    raised: bool = False  # a superscript (footnote mark) smaller than and above its line's text
    encoding: Optional[str] = None  # legacy font encoding of its run: tcvn3 | vni | None

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def is_space(self) -> bool:
        return not self.text.strip()


@dataclass
class Line:
    glyphs: list[Glyph] = field(default_factory=list)  # left to right, spaces included as glyphs
    blanks: list[tuple[float, float]] = field(default_factory=list)  # x spans of the layer's own spaces

    @property
    def x0(self) -> float:
        return min(g.x0 for g in self.glyphs)

    @property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)


# A gap wider than this share of the font size between two glyphs is a word space.
SPACE_GAP = 0.2
STAMP_SPACE_GAP = 0.35
# A glyph at most this share of its line's usual size, whose foot is raised, is a superscript.
SUPERSCRIPT_SIZE = 0.8
# Lines are told apart by their glyphs' vertical centres: half a font size.
LINE_TOLERANCE = 0.5
# A gap wider than this many font sizes splits a line into column segments (header, foot).
COLUMN_GAP = 2.0
# A glyph covering this share of a space glyph's width is drawn over a blank: a stamp.
FILLS_BLANK = 0.5
# A stamped glyph covering this share of a drafted glyph's width is printed over it.
OVERPRINT = 0.5
HEADER_FIRST_LINES = 3
# A vertical gap of this many font sizes between two lines ends a two-column block.
BLOCK_BREAK = 2.5
FOOT_START = re.compile(r"^\s*Nơi\s+nhận\b", re.IGNORECASE)


def _cluster_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    if not glyphs:
        return []
    sizes = [g.size for g in glyphs if not g.is_space and g.size > 0]
    tolerance = LINE_TOLERANCE * (statistics.median(sizes) if sizes else 10.0)
    ordered = sorted(glyphs, key=lambda g: g.cy)
    lines: list[list[Glyph]] = [[ordered[0]]]
    first_cy = ordered[0].cy
    for glyph in ordered[1:]:
        if glyph.cy - first_cy > tolerance:
            lines.append([glyph])
            first_cy = glyph.cy
        else:
            lines[-1].append(glyph)
    return lines


def _place_stamps(lines: list[list[Glyph]], stamps: list[Glyph]) -> None:
    """Put each stamped glyph in the drafted line it was stamped into: among the lines whose
    height spans the stamp's centre, the one with a glyph (a blank included) under or next to it.
    A stamp sits a little above or below the baseline it completes (lc-cv-3298: the day "10"
    between the number line and the date line of the two columns)."""
    for stamp in sorted(stamps, key=lambda g: (g.cy, g.x0)):
        best, best_key = None, None
        for k, line in enumerate(lines):
            top = min(g.top for g in line)
            bottom = max(g.bottom for g in line)
            if not top <= stamp.cy <= bottom:
                continue
            reach = max(stamp.size, 1.0)
            near = any(g.x0 - reach <= stamp.x1 and stamp.x0 <= g.x1 + reach for g in line if not g.stamp)
            key = (near, -abs((top + bottom) / 2 - stamp.cy))
            if best_key is None or key > best_key:
                best, best_key = k, key
        if best is None:
            lines.append([stamp])
            lines.sort(key=lambda line: min(g.cy for g in line))
        else:
            lines[best].append(stamp)


def _overlap(a: Glyph, b: Glyph) -> float:
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))


def _drop_overprinted(glyphs: list[Glyph]) -> list[Glyph]:
    stamps = [g for g in glyphs if g.stamp and not g.is_space]
    if not stamps:
        return glyphs
    kept = []
    for g in glyphs:
        if not g.stamp and not g.is_space:
            width = max(g.x1 - g.x0, 0.1)
            if any(_overlap(g, s) >= OVERPRINT * min(width, max(s.x1 - s.x0, 0.1)) for s in stamps):
                continue
        kept.append(g)
    return kept


def _needs_space(a: Glyph, b: Glyph, spaces: list[Glyph]) -> bool:
    if a.raised != b.raised and (a.text[-1:] + b.text[:1]).isalnum():
        # A footnote mark is not part of the word it follows: "105/2025/NĐ-CP 2", not "NĐ-CP2".
        return True
    if a.stamp and b.stamp:
        # Stamp boxes give tight ink boxes and have no space glyphs of their own.
        return b.x0 - a.x1 > STAMP_SPACE_GAP * max(a.size, b.size, 1.0)
    if a.stamp != b.stamp:
        # A stamp fills a blank of the drafted line: it is a word of its own, except that a
        # stamped number is joined to the symbol that follows it ("1696/QĐ-UBND").
        return not (a.stamp and b.text.startswith("/")) and not (b.stamp and a.text.endswith("/"))
    gap = b.x0 - a.x1
    if gap > SPACE_GAP * max(a.size, b.size, 1.0):
        return True
    lo, hi = a.x1 - 0.5, b.x0 + 0.5
    return any(lo <= (s.x0 + s.x1) / 2 <= hi for s in spaces)


def _fills_blank(g: Glyph, spaces: list[Glyph]) -> bool:
    return any(_overlap(g, s) >= FILLS_BLANK * max(s.x1 - s.x0, 0.1) and abs(g.cy - s.cy) <= 0.25 * max(g.size, 1.0)
               for s in spaces)


def _make_line(glyphs: list[Glyph]) -> Line:
    glyphs = _drop_overprinted(glyphs)
    spaces = [g for g in glyphs if g.is_space and not g.stamp]
    ink = sorted((g for g in glyphs if not g.is_space), key=lambda g: (g.x0, g.x1))
    # Text drawn over the blanks the draft left is a stamp even when it is in the page's own
    # content stream (lc-pc-466: "466" set over the spaces of "Số:            /PC-VPUBND").
    ink = [replace(g, stamp=True) if not g.stamp and _fills_blank(g, spaces) else g for g in ink]
    spaces = [s for s in spaces if not any(g.stamp and _overlap(g, s) > 0 for g in ink)]
    if ink:
        size = statistics.median(g.size for g in ink)
        foot = statistics.median(g.bottom for g in ink)
        ink = [replace(g, raised=g.size <= SUPERSCRIPT_SIZE * size and g.bottom < foot - 0.15 * size) for g in ink]
    out: list[Glyph] = []
    for g in ink:
        if out and _needs_space(out[-1], g, spaces):
            prev = out[-1]
            out.append(replace(prev, text=" ", x0=prev.x1, x1=max(prev.x1, g.x0), stamp=False, raised=False))
        out.append(g)
    return Line(out, sorted((g.x0, g.x1) for g in spaces))


def _covered(blanks: list[tuple[float, float]], lo: float, hi: float) -> float:
    return sum(max(0.0, min(b1, hi) - max(b0, lo)) for b0, b1 in blanks)


def _segments(line: Line) -> list[Line]:
    """The line cut where the gap between two words is as wide as a column gutter. A gap the
    layer fills with its own spaces is a blank left in a line ("Số:        /UBND-XD"), not a gutter."""
    parts: list[list[Glyph]] = [[]]
    last: Optional[Glyph] = None
    for g in line.glyphs:
        if g.is_space:
            parts[-1].append(g)
            continue
        gap = 0.0 if last is None else g.x0 - last.x1 - _covered(line.blanks, last.x1, g.x0)
        if last is not None and gap > COLUMN_GAP * max(last.size, g.size, 1.0):
            parts.append([])
        parts[-1].append(g)
        last = g
    out = []
    for part in parts:
        while part and part[0].is_space:
            part.pop(0)
        while part and part[-1].is_space:
            part.pop()
        if part:
            out.append(Line(part, line.blanks))
    return out


def _centre(seg: Line) -> float:
    return (seg.x0 + seg.x1) / 2


def _two_column_block(lines: list[list[Line]], start: int, page_centre: float) -> Optional[tuple[int, list[Line], list[Line]]]:
    """(end, left column, right column) of the two-column block that starts at line `start`.

    The columns are told apart by the order of the two segments of each row, not by a shared
    gutter: the left column's widest line may reach past where the right column's first line
    starts (lc-gcn-banqua: "BAN QUẢN LÝ KHU KINH TẾ" under "UBND TỈNH LÀO CAI")."""
    first = lines[start]
    if len(first) != 2:
        return None
    left, right = [first[0]], [first[1]]
    mid = (_centre(first[0]) + _centre(first[1])) / 2
    end = start + 1
    while end < len(lines):
        segs = lines[end]
        size = max(g.size for seg in segs for g in seg.glyphs)
        gap = min(seg.top for seg in segs) - max(g.bottom for seg in lines[end - 1] for g in seg.glyphs)
        if gap > BLOCK_BREAK * size:
            break  # a wide vertical gap ends the block
        if len(segs) == 2 and _centre(segs[0]) < mid < _centre(segs[1]):
            left.append(segs[0])
            right.append(segs[1])
        elif len(segs) == 1:
            seg = segs[0]
            if seg.x0 < _centre(first[0]) and seg.x1 > _centre(first[1]):
                break  # spans both columns: the body
            if abs(_centre(seg) - page_centre) < 2 * size and seg.x0 > min(s.x0 for s in left) + 2 * size:
                break  # centred on the page: a title ("KẾ HOẠCH", "Kính gửi: ...")
            (left if _centre(seg) < mid else right).append(seg)
        else:
            break
        end += 1
    return end, left, right


@dataclass
class Block:
    """Lines read apart from the page's flow (a ruled table's cells, extract/layer_tables.py),
    placed among the page's lines where the block stands."""

    top: float
    lines: list[Line]


def page_lines(glyphs: list[Glyph]) -> list[Line]:
    """The glyphs' lines top to bottom, stamps placed, each line left to right."""
    upright = [g for g in glyphs if g.text]
    clusters = _cluster_lines([g for g in upright if not g.stamp])
    _place_stamps(clusters, [g for g in upright if g.stamp])
    rows = [_make_line(row) for row in clusters]
    return [r for r in rows if r.glyphs]


def _with_blocks(lines: list[Line], blocks: list[Block]) -> list[Line]:
    """Each block after the last line, in reading order, that starts above it (a header's right
    column is read after its left one: a block under the header follows both)."""
    after: dict[int, list[Block]] = {}
    for block in sorted(blocks, key=lambda b: b.top):
        at = max((k + 1 for k, line in enumerate(lines) if line.top < block.top), default=0)
        after.setdefault(at, []).append(block)
    out: list[Line] = []
    for k in range(len(lines) + 1):
        for block in after.get(k, []):
            out.extend(block.lines)
        if k < len(lines):
            out.append(lines[k])
    return out


def order_lines(glyphs: list[Glyph], blocks: list[Block] = ()) -> list[Line]:
    """Lines of a page in reading order (see the module docstring); `blocks` (read apart, from
    glyphs not in `glyphs`) are placed where they stand."""
    return _with_blocks(_flow_lines(glyphs, min((b.top for b in blocks), default=None)), list(blocks))


def _flow_lines(glyphs: list[Glyph], first_block: Optional[float]) -> list[Line]:
    rows = page_lines(glyphs)
    if not rows:
        return []
    segmented = [_segments(r) for r in rows]
    text_width = max(r.x1 for r in rows) - min(r.x0 for r in rows)
    page_centre = (max(r.x1 for r in rows) + min(r.x0 for r in rows)) / 2
    out: list[Line] = []
    i = 0
    while i < len(rows):
        block = None
        segs = segmented[i]
        # The header opens the page; only short lines (a draft mark, a form number) may precede it.
        # A block (a table) above the line: the line is not the page's opening.
        is_header = i < HEADER_FIRST_LINES and len(segs) == 2 and all(
            r.x1 - r.x0 < 0.5 * text_width for r in rows[:i]) and (first_block is None or rows[i].top < first_block)
        is_foot = len(segs) == 2 and FOOT_START.match(segs[0].text or "")
        if is_header or is_foot:
            block = _two_column_block(segmented, i, page_centre)
        if block is None:
            out.append(rows[i])
            i += 1
            continue
        end, left, right = block
        out.extend(left + right)
        i = end
    return out
