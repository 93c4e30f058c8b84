"""Repair damaged Vietnamese text: restore lost diacritics, correct OCR misreadings, convert
legacy-font junk — and leave clean text, numbers, dates, codes and abbreviations alone.

    from vnplan.repair import repair_text, detect_damage
    r = repair_text("Ke hoach to chuc thuc hien")
    r.text        # 'Kế hoạch tổ chức thực hiện'
    r.source_map  # r.source_map[i] = index in the input of output character i

A noisy-channel decoder over syllables: each token gets candidate syllables from the closed
inventory with a channel score (``channel.py``, one generator per kind of damage), and a
Kneser-Ney trigram language model over syllables (``model.py``) picks the best sequence by
Viterbi, sentence by sentence. The kind of damage is detected per page, and per region of a
page where a block of text disagrees with its page (``detect.py``); protected tokens are
passed through as fixed lattice positions. Tokens that OCR glued together are split when no
single syllable explains them. The model is built by ``scripts/build_repair_model.py`` and
loaded lazily, once, on the first call; ``scripts/eval_repair.py`` measures it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from .channel import candidates, split_glued
from .detect import DAMAGE_KINDS, detect_damage, page_tokens
from .model import UNK, load_model, viterbi
from .names import document_names
from .syllables import TOKEN_RE, apply_case, case_pattern, nfc

__all__ = ["repair_text", "RepairResult", "detect_damage", "DAMAGE_KINDS"]

# sentence ends; a blank line ends a sentence in clean text, but OCR puts blank lines anywhere
_BOUNDARY_GAP = re.compile(r"[.!?;:](?:\s|$)|\n\s*\n")
_OCR_BOUNDARY_GAP = re.compile(r"[.!?;:](?:\s|$)")
MAX_SEGMENT = 120


@dataclass(frozen=True)
class RepairResult:
    """The repaired text (NFC, line breaks and form feeds kept) and how it was obtained.

    ``source_map[i]`` is the offset in the input of output character ``i`` (monotone, with one
    extra entry equal to the input's length); ``damage`` is the kind that covered most
    syllables; ``changed`` counts repaired syllables; ``valid_share`` is the share of output
    syllables that are valid Vietnamese."""
    text: str
    source_map: list[int] = field(repr=False)
    damage: str
    syllables: int
    changed: int
    valid_share: float


def repair_text(text: str, damage: str | None = None) -> RepairResult:
    """Repair ``text``; ``damage`` is one of DAMAGE_KINDS, or None to detect it per page and per
    region of a page (a document can mix clean and damaged pages)."""
    if damage is not None and damage not in DAMAGE_KINDS:
        raise ValueError(f"unknown damage kind {damage!r}; expected one of {DAMAGE_KINDS}")
    norm = unicodedata.normalize("NFC", text)
    if norm != text:   # decomposed input: repair its NFC form, map offsets back through it
        r = repair_text(norm, damage)
        back = _nfc_offsets(text)
        return RepairResult(r.text, [back[i] for i in r.source_map], r.damage, r.syllables,
                            r.changed, r.valid_share)
    model = load_model()
    pieces: list[tuple[str, int, int]] = []   # (output text, input start, input end)
    syl_by_kind: dict[str, int] = {}
    n_syl = n_changed = n_valid = 0
    names = None
    for start, region, kind in _regions(text, damage):
        if names is None and kind != "clean":
            names = document_names(text)
        repl, syl, changed, valid = _repair_page(model, region, kind, names or ())
        syl_by_kind[kind] = syl_by_kind.get(kind, 0) + syl
        n_syl += syl
        n_changed += changed
        n_valid += valid
        last = 0
        for s, e, out in repl:
            if s > last:
                pieces.append((region[last:s], start + last, start + s))
            pieces.append((out, start + s, start + e))
            last = e
        if last < len(region):
            pieces.append((region[last:], start + last, start + len(region)))
    out_text, smap = _assemble(pieces, len(text))
    kind = max(syl_by_kind, key=syl_by_kind.get) if syl_by_kind else (damage or "clean")
    return RepairResult(out_text, smap, kind, n_syl, n_changed, n_valid / n_syl if n_syl else 1.0)


REGION_MIN_WORDS = 30
_OCR_KINDS = ("eng_ocr", "legacy_font")


def _regions(text: str, damage: str | None) -> list[tuple[int, str, str]]:
    """(offset, text, damage kind) of each page, or of each region of a page whose damage
    differs from the page's (blocks between blank lines, merged to REGION_MIN_WORDS words)."""
    out: list[tuple[int, str, str]] = []
    pos = 0
    for page in re.split(r"(?<=\f)", text):
        if damage:
            out.append((pos, page, damage))
            pos += len(page)
            continue
        page_kind = detect_damage(page)
        blocks: list[tuple[int, int]] = []
        b0 = 0
        for m in re.finditer(r"\n[ \t]*\n\s*", page):
            if len(TOKEN_RE.findall(page, b0, m.end())) >= REGION_MIN_WORDS:
                blocks.append((b0, m.end()))
                b0 = m.end()
        if b0 < len(page) or not blocks:
            if blocks and len(TOKEN_RE.findall(page, b0)) < REGION_MIN_WORDS:
                blocks[-1] = (blocks[-1][0], len(page))
            else:
                blocks.append((b0, len(page)))
        for a, b in blocks:
            kind = detect_damage(page[a:b]) if len(blocks) > 1 else page_kind
            if kind in ("clean", "vie_ocr") and page_kind in ("clean", "vie_ocr"):
                kind = page_kind    # the layout evidence for OCR is the page's
            elif page_kind in _OCR_KINDS and kind != "clean":
                kind = page_kind    # one OCR engine per page; stripped-looking blocks included
            if out and out[-1][2] == kind and out[-1][0] + len(out[-1][1]) == pos + a:
                out[-1] = (out[-1][0], out[-1][1] + page[a:b], kind)
            else:
                out.append((pos + a, page[a:b], kind))
        pos += len(page)
    return out


def _nfc_offsets(text: str) -> list[int]:
    """For each offset in NFC(text) (and its end), the offset in ``text`` it comes from."""
    out: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            out.extend([start] * len(unicodedata.normalize("NFC", text[start:i])))
            start = i
    out.append(len(text))
    return out


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


@dataclass
class _Unit:
    """One lattice position: a token, or one piece of a token that OCR glued together."""
    start: int
    end: int
    text: str
    ids: tuple[int, ...]
    chan: tuple[float, ...]
    joined: bool = False      # a piece after the first of a glued token: output gets a space
    glued: bool = False       # glued to the number after it: output gets a space after
    protected: bool = False   # passed through as it is


def _is_code(model, tok: str) -> bool:
    """A number, a date, a code or an abbreviation (2022, 1,5, QĐ, TTg, UBND): no syllable, so
    it counts neither for nor against the share of valid Vietnamese."""
    if any(c.isdigit() for c in tok):
        return True
    return sum(c.isupper() for c in tok) >= 2 and not model.is_valid(tok.lower())


def _repair_page(model, page: str, kind: str,
                 names: tuple[tuple[str, ...], ...] = ()) -> tuple[list[tuple[int, int, str]], int, int, int]:
    """Replacements (start, end, new text) for one page, and syllable counts."""
    if kind == "clean":
        toks = page_tokens(page, kind)
        valid = sum(1 for t in toks if model.is_valid(nfc(t.text)))
        codes = sum(1 for t in toks if _is_code(model, nfc(t.text)))
        return [], len(toks) - codes, 0, valid
    raw, page = page, page.translate(_CONFUSABLES)   # same length: offsets stay valid
    toks = page_tokens(page, kind)
    units: list[_Unit] = []
    for t in toks:
        cur = nfc(t.text)
        if t.protected:
            units.append(_Unit(t.start, t.end, cur, (model.token_id(cur),), (0.0,), protected=True))
            continue
        ids, ch = candidates(kind, cur, bool(_INITIAL.search(page, max(0, t.start - 16), t.start)))
        if not ids and kind in SPLITTABLE and _MIN_SPLIT[kind] <= len(cur) <= 40:
            parts = split_glued(kind, cur)
            if parts:
                off = t.start
                for n, part in enumerate(parts):
                    pids, pch = candidates(kind, part)
                    units.append(_Unit(off, off + len(part), part, pids, pch, joined=n > 0))
                    off += len(part)
                continue
        if not ids:
            ids, ch = (model.token_id(cur),), (0.0,)
        units.append(_Unit(t.start, t.end, cur, ids, ch, glued=t.glued))
    if names:
        _name_bonus(model, units, names)
    # decode sentence by sentence
    gap_rx = _OCR_BOUNDARY_GAP if kind in ("eng_ocr", "legacy_font", "vie_ocr") else _BOUNDARY_GAP
    chosen: list[int] = [0] * len(units)
    start = 0
    for i in range(1, len(units) + 1):
        if i == len(units) or i - start >= MAX_SEGMENT or \
                gap_rx.search(page, units[i - 1].end, units[i].start):
            _decode_segment(model, units, start, i, chosen)
            start = i
    repl = []
    changed = valid = codes = 0
    prev_lower = False
    for u, col in zip(units, chosen):
        sid = u.ids[col]
        if u.protected:
            # numbers, codes and abbreviations pass through: they are no syllables, so they
            # count neither for nor against the share of valid Vietnamese
            if model.is_valid(u.text):
                valid += 1
            elif _is_code(model, u.text):
                codes += 1
        elif model.is_syllable_id(sid):
            valid += 1
            syl = model.vocab[sid]
            if syl != u.text.lower() or u.joined:
                # in legacy-font junk a capital Q or O inside a word is a vowel glyph, not case
                pattern = case_pattern(u.text if kind != "legacy_font" else _GLYPH_CAPS.sub("", u.text))
                if kind in SPLITTABLE and pattern == "title" and prev_lower and \
                        ((kind == "legacy_font" and u.text[0] in _LOOKALIKE_CAPITALS)
                         or (u.text[0] == "I" and syl[0] == "l")) and \
                        not _SENTENCE_GAP.search(page, max(0, u.start - 3), u.start):
                    pattern = "lower"   # a lowercase l read as I, a legacy-font v read as V
                repl.append((u.start, u.end, (" " if u.joined else "") + apply_case(syl, pattern)
                             + (" " if u.glued else "")))
                changed += 1
        prev_lower = u.text[:1].islower()
    if raw != page:   # confusable letters outside repaired tokens (TÐ -> TĐ)
        covered = {i for s, e, _ in repl for i in range(s, e)}
        repl += [(i, i + 1, page[i]) for i, (a, b) in enumerate(zip(raw, page))
                 if a != b and i not in covered]
        repl.sort()
    return repl, len(units) - codes, changed, valid


SPLITTABLE = ("eng_ocr", "legacy_font")
_MIN_SPLIT = {"eng_ocr": 7, "legacy_font": 4}   # English-model OCR rarely glues short words
# look-alike characters OCR engines emit for Vietnamese letters (Icelandic eth for đ)
_CONFUSABLES = str.maketrans({"Ð": "Đ", "ð": "đ"})
_GLYPH_CAPS = re.compile(r"(?<=.)[QO](?=')|(?<=[a-zA-Z])Q|OO|(?<=[{(])I")
_LOOKALIKE_CAPITALS = set("V")
# a token starts a sentence when only punctuation or a list marker stands between it and the
# previous sentence end or line start
_INITIAL = re.compile(r"(?:^|[.!?:;\n\"“(]|^\s*(?:[-+•*]|\d+[.)]|[a-zđ]\)))[\s\"“(\-]*\Z", re.M)
_SENTENCE_GAP = re.compile(r"[.!?:;\n\"“]")


NAME_BONUS = 2.0   # log10 bonus per syllable of a place name of the document, spelled by capitals


def _name_bonus(model, units: list[_Unit], names: tuple[tuple[str, ...], ...]) -> None:
    """Favour the readings of a run of capitalised tokens that spell a place name of the
    document (``Tam Duong`` -> Tam Đường where the text names Lai Châu)."""
    for i in range(len(units)):
        for name in names:
            run = units[i:i + len(name)]
            if len(run) < len(name) or any(u.protected or u.joined or not u.text[:1].isupper()
                                           for u in run):
                continue
            cols = []
            for u, syl in zip(run, name):
                sid = model.ids.get(syl)
                if sid is None or sid not in u.ids:
                    break
                cols.append(u.ids.index(sid))
            else:
                for u, c in zip(run, cols):
                    u.chan = tuple(x + NAME_BONUS if k == c else x for k, x in enumerate(u.chan))


def _decode_segment(model, units: list[_Unit], a: int, b: int, chosen: list[int]) -> None:
    if all(len(u.ids) == 1 for u in units[a:b]):
        return
    k = max(len(u.ids) for u in units[a:b])
    cands = np.full((b - a, k), UNK, dtype=np.int64)
    chan = np.full((b - a, k), -np.inf)
    for r in range(a, b):
        ids, ch = units[r].ids, units[r].chan
        cands[r - a, :len(ids)] = ids
        chan[r - a, :len(ch)] = ch
    path = viterbi(model, cands, chan)
    chosen[a:b] = path.tolist()
