"""Candidate syllables for one observed token, with channel scores log10 P(observed | syllable).

One generator per kind of damage:
  stripped     every syllable with the token's skeleton; the language model chooses
  eng_ocr      what the English Tesseract model was seen writing for each syllable (a table
               learned from rendered pages), plus character rewrites learned from the same data
  vie_ocr      the token itself, strongly preferred, or a syllable one tone/letter away
  legacy_font  legacy-font glyph junk (``Th\\l'c``, ``K€``, ``d(}ng``) read as wildcards over
               the vowels, matched against the skeletons of the inventory
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from .model import Model, load_model
from .syllables import case_pattern, skeleton, tone_of

MAX_CANDS = 12
MAX_CANDS_STRIPPED = 12
PRUNE = 3.0   # log10 unigram distance below which a stripped reading is not kept
# log10 odds that a Vietnamese-model OCR syllable is right as read: 3.5 on DejaVu renders; on the
# real born-digital pages (scripts/bench_real_ocr.py, Times New Roman with seals and tables)
# Tesseract misreads more tones, and 3.0 repairs more of them (order-free error after repair
# 5.90% -> 5.75%; 2.5: 5.71%, 2.0: 5.85%); 3.0 keeps the margin for correct words
KEEP_BONUS_VIE = 3.0
RULE_BASE = -1.5       # an English-OCR reading made by rewrites, not seen whole on the renders
FUZZY_COST = -2.5      # per edit, for English-OCR tokens that neither table nor rules explain


def _top(model: Model, scored: dict[int, float], prune: float = 99.0,
         limit: int = MAX_CANDS) -> tuple[tuple[int, ...], tuple[float, ...]]:
    ranked = sorted(((s + 0.5 * model.uni[i], i, s) for i, s in scored.items()), reverse=True)
    # keep what could win in some context: within PRUNE of the best, at most MAX_CANDS
    best = [(i, s) for r, i, s in ranked[:limit] if r >= ranked[0][0] - prune]
    return tuple(i for i, _ in best), tuple(s for _, s in best)


def stripped(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    ids = model.by_skeleton.get(skeleton(tok), ())
    if not ids and any(c.isdigit() for c in tok):
        return eng_ocr(model, tok)     # x4 (xã): an OCR misreading among stripped words
    return _top(model, {i: 0.0 for i in ids}, PRUNE, MAX_CANDS_STRIPPED)


def vie_ocr(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    low = tok.lower()
    own = model.ids.get(low)
    if own is not None and tok[:1].isupper() and not tok.isupper():
        return (own,), (0.0,)      # a valid capitalised word is most often a name: keep it
    scored: dict[int, float] = {}
    for i in model.by_skeleton.get(skeleton(low), ()):
        scored[i] = -KEEP_BONUS_VIE
    for variant in _vie_letter_variants(skeleton(low)):
        for i in model.by_skeleton.get(variant, ()):
            # a wrong letter in a Vietnamese-model read keeps its marks: same tone only
            if tone_of(model.vocab[i]) == tone_of(low):
                scored.setdefault(i, -KEEP_BONUS_VIE - 1.0)
    if own is not None:
        scored[own] = 0.0
    return _top(model, scored)


_VIE_SWAPS = [("b", "h"), ("h", "b"), ("rn", "m"), ("m", "rn"), ("c", "e"), ("e", "c"),
              ("l", "i"), ("i", "l"), ("n", "u"), ("u", "n"), ("t", "l"), ("ii", "u"),
              ("r", "u")]   # a small ư read as r: "đầu tr" for "đầu tư" (real pages, Times New Roman)


def _vie_letter_variants(sk: str) -> set[str]:
    out = set()
    for a, b in _VIE_SWAPS:
        start = sk.find(a)
        while start >= 0:
            out.add(sk[:start] + b + sk[start + len(a):])
            start = sk.find(a, start + 1)
    return out


def eng_ocr(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """Whole-token table first, then learned and scan rewrites, then one or two edits."""
    low = tok.lower()
    chan = model.channel
    scored: dict[int, float] = {}
    table = chan.get("table", {}).get(low)
    true_counts = chan.get("true_counts", {})
    if table:
        for syl, c in table.items():
            i = model.ids.get(syl)
            if i is not None:
                # P(observed | syllable), as counted on the rendered pages
                scored[i] = math.log10((c + 0.1) / (true_counts.get(syl, c) + 1.0))
    for variant, cost in _rule_variants(model, low):
        for i in model.by_skeleton.get(variant, ()):
            s = cost + RULE_BASE
            if s > scored.get(i, -99.0):
                scored[i] = s
    # fuzzy matches only for lowercase words: an unmatched capitalised run is an abbreviation
    if not scored and sum(c.isalpha() for c in low) >= 2 and not tok.isupper():
        q = skeleton(low.translate(_ENG_GLYPH_VOWELS))
        for sk in _one_edit(model, q):
            for i in model.by_skeleton[sk]:
                scored.setdefault(i, FUZZY_COST)
        if not scored and 4 <= len(q) <= 7:
            for sk in _two_edits(model, q):
                for i in model.by_skeleton[sk]:
                    scored.setdefault(i, 2 * FUZZY_COST)
    _add_d_twins(model, scored)
    ids, ch = _top(model, scored)
    return _keep_d_twins(model, scored, ids, ch)


# An English engine never writes đ: whatever it makes of dỡ it makes of đỡ too, so a reading
# of one d/đ twin is as good a reading of the other.
_D_TWIN = {"d": "đ", "đ": "d"}
TWIN_PRUNE = 3.0   # a twin this far (log10, channel + half unigram) below the best is not kept


def _twin(model: Model, i: int) -> int | None:
    syl = model.vocab[i]
    t = _D_TWIN.get(syl[:1])
    return model.ids.get(t + syl[1:]) if t else None


def _add_d_twins(model: Model, scored: dict[int, float]) -> None:
    for i, s in list(scored.items()):
        j = _twin(model, i)
        if j is not None and s > scored.get(j, -99.0):
            scored[j] = s


def _keep_d_twins(model: Model, scored: dict[int, float], ids: tuple[int, ...],
                  ch: tuple[float, ...]) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """The _top cut must not keep one d/đ twin and drop the other: the language model, not the
    channel, tells them apart."""
    kept = set(ids)
    floor = max(scored[i] + 0.5 * model.uni[i] for i in ids) - TWIN_PRUNE if ids else 0.0
    extra = [j for j in (_twin(model, i) for i in ids) if j is not None and j not in kept
             and j in scored and scored[j] + 0.5 * model.uni[j] >= floor]
    extra = list(dict.fromkeys(extra))
    return ids + tuple(extra), ch + tuple(scored[j] for j in extra)


def _two_edits(model: Model, q: str) -> set[str]:
    """Skeletons within two edits of ``q`` through deletions on both sides."""
    index = _deletion_index(id(model))
    out: set[str] = set()
    dels = {q[:k] + q[k + 1:] for k in range(len(q))}
    dels |= {d[:k] + d[k + 1:] for d in list(dels) for k in range(len(d))}
    for d in dels | {q}:
        if d in model.by_skeleton:
            out.add(d)
        out.update(index.get(d, ()))
    return out



def _one_edit(model: Model, q: str) -> set[str]:
    """Skeletons one insertion, deletion or substitution away from ``q`` (SymSpell-style)."""
    index = _deletion_index(id(model))
    out = set(index.get(q, ()))
    for k in range(len(q)):
        d = q[:k] + q[k + 1:]
        if d in model.by_skeleton:
            out.add(d)
        out.update(index.get(d, ()))
    out.discard(q)
    return out


@lru_cache(maxsize=2)
def _deletion_index(_model_id: int) -> dict[str, tuple[str, ...]]:
    idx: dict[str, list[str]] = {}
    for sk in load_model().by_skeleton:
        for k in range(len(sk)):
            idx.setdefault(sk[:k] + sk[k + 1:], []).append(sk)
    return {k: tuple(v) for k, v in idx.items()}


def _rule_variants(model: Model, low: str) -> list[tuple[str, float]]:
    """Skeleton-space readings of an English-OCR token: up to two learned rewrites applied."""
    rules = _all_rules(id(model))
    base = "^" + skeleton(low.replace("é", "\x01"))
    out = {base: 0.0}
    frontier = [(base, 0.0, 0)]
    for _ in range(2):
        nxt = []
        for s, cost, min_pos in frontier:
            for pos in range(min_pos, len(s)):
                for ln in (1, 2, 3):
                    sub = s[pos:pos + ln]
                    if len(sub) < ln:
                        break
                    for rep, lp in rules.get(sub, {}).items():
                        v = s[:pos] + rep + s[pos + ln:]
                        c = cost + lp
                        if c > out.get(v, -99.0):
                            out[v] = c
                            nxt.append((v, c, pos + len(rep)))
        frontier = nxt
    return [(v[1:], c) for v, c in out.items() if v[1:] in model.by_skeleton]


_ENG_GLYPH_VOWELS = str.maketrans({"€": "e", "¢": "e", "&": "e", "§": "o"})
_ENG_GLYPH_RULES = {"€": {"e": 0.0}, "¢": {"e": 0.0}, "&": {"e": 0.0, "o": -0.7}, "§": {"o": 0.0}}
# Confusions of real office scans that clean renders do not show (Đảng read as "Pang", căn as
# "cin"); "^" anchors a rule at the start of the word.
_SCAN_RULES = {"^p": {"^d": -0.5}, "^b": {"^d": -1.0}, "^dp": {"^d": -0.3},
               "i": {"a": -0.8}, "y": {"u": -1.0}, "e": {"c": -1.2},
               "ir": {"u": -0.3}, "d": {"o": -1.2}, "3": {"a": -0.3}, "j": {"o": -0.5},
               # é also stands for ắ, ấ, á in scans (chét = chất, tét = tắt)
               "\x01": {"e": 0.0, "a": -0.7}}


@lru_cache(maxsize=2)
def _all_rules(_model_id: int) -> dict[str, dict[str, float]]:
    rules = {k: dict(v) for k, v in load_model().channel.get("rules", {}).items()}
    for a, reps in list(_SCAN_RULES.items()) + list(_ENG_GLYPH_RULES.items()):
        for b, lp in reps.items():
            rules.setdefault(a, {})
            rules[a][b] = max(rules[a].get(b, -99.0), lp)
    return rules


# -------------------------------------------------------------------- legacy fonts

# What an English OCR engine makes of a legacy (VNI/TCVN3-style) font: a marked vowel comes out
# as a stray symbol, a digit or a capital. Observed sequence -> skeleton readings (cost 0 for the
# usual reading). Longest sequences are tried first.
_LEGACY_GLYPHS: dict[str, tuple[str, ...]] = {
    "\\l'": ("u",), "\\l": ("u",), "\\1": ("u",), "\\x": ("u",), "\\!": ("u",), "\\j": ("u",),
    "l}.'": ("u",), "l}'": ("u",), "l}": ("u",), "1}'": ("u",), "1}": ("u",), "t,m": ("un", "u"),
    "fr": ("u",), "oo": ("nh",), "uq": ("uo",),
    "t,l": ("u",), "v\\l": ("vu",),
    "u'(y": ("uo",), "u'(": ("uo",), "(y": ("o",), "rr": ("u",),
    "c)'": ("o",), ")'": ("o",), "o'": ("o",), "q'": ("o",), "6'": ("o",), "(}": ("o",),
    "(\\)": ("o",), "{i": ("a",), "{": ("a",), ",l": ("a",), "e;t": ("a",), ";t": ("a",),
    "€": ("e",), "~": ("a", "e", "o", "u", "i", "y"), "fm": ("an",), "c1": ("a",),
    "ll": ("u",), "il'": ("u",), ",!": ("u",), "\\x": ("u",), "?": ("a", "e", "o", "u", "i", "y"),
    "<)": ("o",), "l,l": ("u",), "h,l": ("la",), "o(;1": ("oa",), "(;1": ("a",), "lj": ("u",),
    "(;l": ("a",), "l<": ("k",), "<": ("k",),
}
_LEGACY_ANY = re.compile("|".join(sorted((re.escape(k) for k in _LEGACY_GLYPHS), key=len, reverse=True)),
                         re.IGNORECASE)
# letters an English engine reads for a marked letter; each such reading costs
_LEGACY_LETTER_ALT: dict[str, tuple[str, ...]] = {
    "Q": ("o",), "6": ("o",), "9": ("o",), "0": ("o",), "1": ("l",), "I": ("l",),
    "a": ("o", "uo"), "e": ("c",), "c": ("e",), "i": ("u",), "u": ("uo",), "t": ("i",),
    "v": ("u",), "g": ("u",), "l": ("i",), "r": ("i",),
}
LEGACY_ALT_COST = -1.0


def legacy_font(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    scored: dict[int, float] = {}
    # a glyph stands for a marked vowel: an unmarked reading is unlikely; '~' is most often a
    # vowel with the dot below (ạ, ậ, ệ, ộ ...)
    glyph = bool(_LEGACY_MARKED.search(tok))
    tilde = "~" in tok
    for sk, cost in _legacy_readings(tok).items():
        for i in model.by_skeleton.get(sk, ()):
            syl = model.vocab[i]
            c = cost
            if glyph and syl == sk:
                c -= 1.0
            if tilde and tone_of(syl) != "\u0323":
                c -= 0.3
            if c > scored.get(i, -99.0):
                scored[i] = c
    return _top(model, scored)


_LEGACY_MARKED = re.compile(r"[~€\\{}()?<]|(?<=.)[Q6]|\d'|[a-z],[a-z!]")


def _legacy_readings(tok: str, max_alts: int = 2) -> dict[str, float]:
    """Skeleton readings of a legacy-font token with their costs."""
    pieces: list[list[tuple[str, float]]] = []
    pos = 0
    while pos < len(tok):
        m = _LEGACY_ANY.match(tok, pos)
        if m:
            pieces.append([(r, 0.0) for r in _LEGACY_GLYPHS[m.group().lower()]])
            pos = m.end()
            continue
        ch = tok[pos]
        opts: list[tuple[str, float]] = []
        if ch in "QO" and pos > 0:          # a capital O/Q inside a word: ộ, ợ ...
            opts.append(("o", 0.0))
        elif ch in "6": 
            opts.append(("o", 0.0))
        elif ch.isalpha():
            opts.append((skeleton(ch), 0.0))
        elif ch in "'.,;!`^|":
            opts.append(("", 0.0))
        if not (opts and opts[0][0] == "o" and ch in "6Q"):
            opts += [(alt, LEGACY_ALT_COST) for alt in _LEGACY_LETTER_ALT.get(ch, ())]
        pieces.append(opts or [("", -0.5)])
        pos += 1
    out: dict[str, float] = {"": 0.0}
    for opts in pieces:
        nxt: dict[str, float] = {}
        for pre, c in out.items():
            for r, rc in opts:
                v, vc = pre + r, c + rc
                if vc >= max_alts * LEGACY_ALT_COST - 1e-9 and vc > nxt.get(v, -99.0):
                    nxt[v] = vc
        out = nxt
        if len(out) > 400:
            out = dict(sorted(out.items(), key=lambda kv: -kv[1])[:400])
    return out


GENERATORS = {"stripped": stripped, "eng_ocr": eng_ocr, "vie_ocr": vie_ocr, "legacy_font": legacy_font}


SPLIT_COST = -2.0


@lru_cache(maxsize=50_000)
def split_glued(kind: str, tok: str) -> tuple[str, ...] | None:
    """Pieces of a token that OCR glued together (``IQ'icac`` -> ``IQ'i``, ``cac``), each of
    which has candidates; None when no split into at most four pieces works."""
    model = load_model()
    n = len(tok)
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0.0, ())
    for end in range(2, n + 1):
        for beg in range(max(0, end - 9), end - 1):
            prev = best[beg]
            if prev is None or len(prev[1]) >= 4:
                continue
            piece = tok[beg:end]
            if piece.isdigit() or not piece.strip("'.,;"):
                continue
            ids, ch = candidates(kind, piece)
            if not ids:
                continue
            sc = prev[0] + max(c + model.uni[i] for i, c in zip(ids, ch)) + SPLIT_COST
            if best[end] is None or sc > best[end][0]:
                best[end] = (sc, prev[1] + (piece,))
    res = best[n]
    return res[1] if res and len(res[1]) > 1 else None


CASE_WEIGHT = 1.0


@lru_cache(maxsize=200_000)
def candidates(kind: str, tok: str, initial: bool = False) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """Candidate syllable ids for ``tok`` and their channel scores, including how likely each
    syllable is to be written in the token's case (a capital Quang is Quảng, not quặng) unless
    the token starts a sentence (``initial``), where every word has a capital."""
    model = load_model()
    ids, ch = GENERATORS[kind](model, tok)
    if not ids or model.pcap is None or kind == "legacy_font":
        return ids, ch
    pattern = case_pattern(tok)
    if pattern == "upper" or (pattern == "title" and initial):
        return ids, ch
    p = np.clip(model.pcap[list(ids)], 0.01, 0.99)
    bonus = np.log10(p if pattern == "title" else 1.0 - p) * CASE_WEIGHT
    return ids, tuple(float(c + b) for c, b in zip(ch, bonus))

