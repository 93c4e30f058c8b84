"""Repair damaged Vietnamese text: restore lost diacritics, correct OCR misreadings, convert
legacy-font junk — and leave clean text, numbers, dates, codes and abbreviations alone.

    from extract.repair import repair_text, detect_damage
    r = repair_text("Ke hoach to chuc thuc hien")
    r.text        # 'Kế hoạch tổ chức thực hiện'
    r.source_map  # r.source_map[i] = index in the input of output character i

A noisy-channel decoder over syllables: each token gets candidate syllables from the closed
inventory with a channel score (``channel.py``, one generator per kind of damage), and a
trigram language model over syllables (``model.py``) picks the best sequence by Viterbi.
The kind of damage is detected per page (``detect.py``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from .channel import candidates
from .detect import DAMAGE_KINDS, detect_damage, page_tokens
from .model import NUM, UNK, load_model, viterbi
from .syllables import apply_case, case_pattern, nfc

__all__ = ["repair_text", "RepairResult", "detect_damage", "DAMAGE_KINDS"]

_BOUNDARY_GAP = re.compile(r"[.!?;:](?:\s|$)|\n\s*\n")
MAX_SEGMENT = 120


@dataclass(frozen=True)
class RepairResult:
    text: str
    source_map: list[int] = field(repr=False)
    damage: str
    syllables: int
    changed: int
    valid_share: float


def repair_text(text: str, damage: str | None = None) -> RepairResult:
    """Repair ``text``; ``damage`` is one of DAMAGE_KINDS, detected per page when None."""
    if damage is not None and damage not in DAMAGE_KINDS:
        raise ValueError(f"unknown damage kind {damage!r}; expected one of {DAMAGE_KINDS}")
    model = load_model()
    pieces: list[tuple[str, int, int]] = []   # (output text, input start, input end)
    kinds: list[str] = []
    n_syl = n_changed = n_valid = 0
    pos = 0
    for page in re.split(r"(?<=\f)", text):
        kind = damage or detect_damage(page)
        kinds.append(kind)
        repl, syl, changed, valid = _repair_page(model, page, kind)
        n_syl += syl
        n_changed += changed
        n_valid += valid
        last = 0
        for s, e, out in repl:
            if s > last:
                pieces.append((page[last:s], pos + last, pos + s))
            pieces.append((out, pos + s, pos + e))
            last = e
        if last < len(page):
            pieces.append((page[last:], pos + last, pos + len(page)))
        pos += len(page)
    out_text, smap = _assemble(pieces, len(text))
    kind = max(set(kinds), key=kinds.count) if kinds else "clean"
    return RepairResult(out_text, smap, kind, n_syl, n_changed, n_valid / n_syl if n_syl else 1.0)


def _assemble(pieces: list[tuple[str, int, int]], n_in: int) -> tuple[str, list[int]]:
    out: list[str] = []
    smap: list[int] = []
    for piece, s, e in pieces:
        norm = unicodedata.normalize("NFC", piece)
        if len(norm) == e - s:
            smap.extend(range(s, e))
        else:
            span = e - s
            smap.extend(s + (k * span) // max(1, len(norm)) for k in range(len(norm)))
        out.append(norm)
    smap.append(n_in)
    return "".join(out), smap


def _repair_page(model, page: str, kind: str) -> tuple[list[tuple[int, int, str]], int, int, int]:
    """Replacements (start, end, new text) for one page, and syllable counts."""
    toks = page_tokens(page, kind)
    if kind == "clean":
        syl = len(toks)
        valid = sum(1 for t in toks if model.is_valid(nfc(t.text)))
        return [], syl, 0, valid
    # lattice
    rows_ids: list[tuple[int, ...]] = []
    rows_ch: list[tuple[float, ...]] = []
    for t in toks:
        if t.protected:
            rows_ids.append((NUM if t.text.isdigit() else model.ids.get(nfc(t.text).lower(), UNK),))
            rows_ch.append((0.0,))
            continue
        ids, ch = candidates(kind, nfc(t.text))
        if not ids:
            ids, ch = (model.ids.get(nfc(t.text).lower(), UNK),), (0.0,)
        rows_ids.append(ids)
        rows_ch.append(ch)
    # segments at sentence boundaries
    chosen: list[int] = [0] * len(toks)
    start = 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or i - start >= MAX_SEGMENT or \
                _BOUNDARY_GAP.search(page, toks[i - 1].end, toks[i].start):
            _decode_segment(model, rows_ids, rows_ch, start, i, chosen)
            start = i
    repl = []
    changed = valid = 0
    for t, ids, col in zip(toks, rows_ids, chosen):
        sid = ids[col]
        if sid > NUM:
            valid += 1
            syl = model.vocab[sid]
            cur = nfc(t.text)
            if syl != cur.lower():
                repl.append((t.start, t.end, apply_case(syl, case_pattern(cur))))
                changed += 1
    return repl, len(toks), changed, valid


def _decode_segment(model, rows_ids, rows_ch, a: int, b: int, chosen: list[int]) -> None:
    if all(len(r) == 1 for r in rows_ids[a:b]):
        return
    k = max(len(r) for r in rows_ids[a:b])
    cands = np.full((b - a, k), UNK, dtype=np.int64)
    chan = np.full((b - a, k), -np.inf)
    for r in range(a, b):
        ids, ch = rows_ids[r], rows_ch[r]
        cands[r - a, :len(ids)] = ids
        chan[r - a, :len(ch)] = ch
    path = viterbi(model, cands, chan)
    chosen[a:b] = path.tolist()
