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

import re
from functools import lru_cache

from .model import Model, load_model
from .syllables import has_marks, skeleton, tone_of

MAX_CANDS = 8
KEEP_BONUS_VIE = 2.5   # log10 odds that a Vietnamese-model OCR syllable is right as read


def _top(model: Model, scored: dict[int, float]) -> tuple[tuple[int, ...], tuple[float, ...]]:
    best = sorted(scored.items(), key=lambda kv: -(kv[1] + 0.5 * model.uni[kv[0]]))[:MAX_CANDS]
    return tuple(i for i, _ in best), tuple(s for _, s in best)


def stripped(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    ids = model.by_skeleton.get(skeleton(tok), ())
    return _top(model, {i: 0.0 for i in ids})


def vie_ocr(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    low = tok.lower()
    own = model.ids.get(low)
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
              ("l", "i"), ("i", "l"), ("n", "u"), ("u", "n"), ("t", "l"), ("ii", "u")]


def _vie_letter_variants(sk: str) -> set[str]:
    out = set()
    for a, b in _VIE_SWAPS:
        start = sk.find(a)
        while start >= 0:
            out.add(sk[:start] + b + sk[start + len(a):])
            start = sk.find(a, start + 1)
    return out


def eng_ocr(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    low = tok.lower()
    chan = model.channel
    scored: dict[int, float] = {}
    table = chan.get("table", {}).get(low)
    true_counts = chan.get("true_counts", {})
    if table:
        for syl, c in table.items():
            i = model.ids.get(syl)
            if i is not None:
                scored[i] = _log10((c + 0.1) / (true_counts.get(syl, c) + 1.0))
    for variant, cost in _rule_variants(model, low):
        for i in model.by_skeleton.get(variant, ()):
            s = cost + RULE_BASE
            if s > scored.get(i, -99.0):
                scored[i] = s
    return _top(model, scored)


RULE_BASE = -1.5


def _log10(x: float) -> float:
    import math
    return math.log10(x)


def _rule_variants(model: Model, low: str) -> list[tuple[str, float]]:
    """Skeleton-space readings of an English-OCR token: up to two learned rewrites applied."""
    rules: dict[str, dict[str, float]] = model.channel.get("rules", {})
    base = skeleton(low)
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
    return [(v, c) for v, c in out.items() if v in model.by_skeleton]


# -------------------------------------------------------------------- legacy fonts

# What an English OCR engine makes of a legacy (VNI/TCVN3-style) font: a marked vowel often comes
# out as a stray symbol, a digit or a capital. Each entry: observed sequence -> vowel skeletons.
_LEGACY = [
    (r"\\l'|\\1'|l}\.'|l}'|\\l|1}|l}|\\j|t,m|t,l", "u"),
    (r"U'\(y|u'\(y|U'\(|u'\(|rr0'|rrO'|rro'|rr", "uo"),
    (r"\(}|\(\)|Q'|Q|0'|6'|c\)'|\)'|6|0", "o"),
    (r"€|&|fm", "e"),
    (r"~|,l|e;t|\^|;t", "aeouyi"),
    (r"ll", "u"),
]
_LEGACY_RE = re.compile("|".join(f"({p})" for p, _ in _LEGACY))
LEGACY_JUNK = re.compile(r"[~€\\{}()|;^]|[a-z],[a-z]|\d'|[A-Za-z]'")


def legacy_font(model: Model, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    pats = _legacy_patterns(tok)
    scored: dict[int, float] = {}
    for pat, cost in pats:
        for sk in _skeletons_matching(model, pat):
            for i in model.by_skeleton[sk]:
                scored.setdefault(i, cost)
    return _top(model, scored)


def _legacy_patterns(tok: str) -> list[tuple[str, float]]:
    pieces, last = [], 0
    for m in _LEGACY_RE.finditer(tok):
        pieces.append(re.escape(skeleton(tok[last:m.start()])))
        group = next(i for i, g in enumerate(m.groups()) if g is not None)
        vowels = _LEGACY[group][1]
        pieces.append("(?:" + "|".join(sorted({vowels, *vowels}, key=len, reverse=True)) + ")")
        last = m.end()
    pieces.append(re.escape(skeleton(tok[last:])))
    pat = "".join(pieces).replace("'", "")
    # a read 'a' may stand for ươ/ơ, '1'/'I' for 'l'; keep the plain reading first
    out = [(pat, 0.0)]
    alt = pat.replace("1", "l").replace("i", "[il]")
    if alt != pat:
        out.append((alt, -0.5))
    return out


@lru_cache(maxsize=50_000)
def _skeletons_matching_cached(pat: str) -> tuple[str, ...]:
    rx = re.compile(pat)
    return tuple(sk for sk in load_model().by_skeleton if rx.fullmatch(sk))


def _skeletons_matching(model: Model, pat: str) -> tuple[str, ...]:
    try:
        return _skeletons_matching_cached(pat)
    except re.error:
        return ()


GENERATORS = {"stripped": stripped, "eng_ocr": eng_ocr, "vie_ocr": vie_ocr, "legacy_font": legacy_font}


@lru_cache(maxsize=200_000)
def candidates(kind: str, tok: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    return GENERATORS[kind](load_model(), tok)


__all__ = ["candidates", "has_marks", "LEGACY_JUNK"]
