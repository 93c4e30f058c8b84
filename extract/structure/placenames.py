"""Place names in proper Vietnamese: a province or district the document writes in capitals, or
with marks that repair restored without knowing the name, takes its official spelling.

Owns `proper_name` and `respell`. Provinces come from `extract/lexicon/places.yaml`, districts
from underthesea's address data (`extract.places`); nothing else is taken from outside the
document but the marks of a name whose letters it has.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from vnplan.lexicon import load
from vnplan.places import address_records
from vnplan.text import collapse, fold, has_marks
from vnplan.models import Warning

_DISTRICT_UNITS = {"huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thanh pho": "thành phố"}


@lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    return tuple(collapse(p) for p in load("places")["provinces"].split(","))


def skeleton(name: str) -> str:
    return collapse(re.sub(r"[^a-z ]", " ", fold(name)))


def match_province(name: str) -> Optional[tuple[str, float]]:
    """The province whose folded name is closest to `name` (letters only), with its score."""
    target = skeleton(name)
    if not target:
        return None
    best, score = None, 0.0
    for province in provinces():
        r = fuzz.ratio(target, skeleton(province))
        if r > score:
            best, score = province, r
    return (best, score) if best else None


@lru_cache(maxsize=1)
def district_gazetteer() -> dict[str, list[tuple[str, str, str]]]:
    """Districts before the 2025 reform keyed by skeleton: [(unit, name, province)]; empty when
    the installed underthesea has no address data."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    seen = set()
    for r in address_records():
        district, province = r.get("old_district") or "", r.get("old_province") or ""
        if (district, province) in seen:
            continue
        seen.add((district, province))
        f = collapse(fold(district))
        for key, unit in _DISTRICT_UNITS.items():
            if f.startswith(key + " "):
                name = collapse(district)[len(key) + 1 :]
                prov = re.sub(r"^(Tỉnh|Thành phố)\s+", "", collapse(province))
                out.setdefault(skeleton(name), []).append((unit, name, prov))
                break
    return out


def _known_names(unit: Optional[str]) -> dict[str, list[tuple[str, Optional[str]]]]:
    out: dict[str, list[tuple[str, Optional[str]]]] = {}
    if unit in (None, "tỉnh", "thành phố"):
        for province in provinces():
            out.setdefault(skeleton(province), []).append((province, None))
    if unit != "tỉnh":
        for key, entries in district_gazetteer().items():
            for u, name, province in entries:
                if (unit is None or u == unit) and (name, province) not in out.get(key, []):
                    out.setdefault(key, []).append((name, province))
    return out


def _official(target: str, text: str, unit: Optional[str], forms: Counter) -> Optional[str]:
    """The official spelling of the unit whose skeleton is `target`; where units share one
    ("Tam Đường", "Tam Dương") the one the document writes, else the one whose province it names."""
    entries = _known_names(unit).get(target, [])
    names = {name for name, _ in entries}
    if len(names) == 1:
        return names.pop()
    if entries and any(p is None for _, p in entries):
        return next(name for name, p in entries if p is None)
    written = {name for name, _ in entries if forms.get(name)}
    if len(written) == 1:
        return written.pop()
    folded_text = " " + skeleton(text) + " "
    named = {name for name, p in entries if p and f" {skeleton(p)} " in folded_text}
    return named.pop() if len(named) == 1 else None


def _document_forms(target: str, text: str) -> Counter:
    """Title-case spellings in `text` whose skeleton is `target`, with their counts."""
    n_words = len(target.split())
    folded = fold(text)
    counts: Counter[str] = Counter()
    pattern = r"(?<![^\W_])" + r"[^\w]{1,3}".join(re.escape(w) for w in target.split()) + r"(?![^\W_])"
    for m in re.finditer(pattern, folded):
        words = collapse(text[m.start() : m.end()]).split()
        if len(words) == n_words and all(w[:1].isupper() and w[1:] == w[1:].lower() for w in words):
            counts[" ".join(words)] += 1
    return counts


def proper_name(name: str, text: str, unit: Optional[str] = None, warnings: Optional[list[Warning]] = None) -> str:
    """A place name in proper Vietnamese, chosen among what the document offers.

    - a province, or a district (of `unit` when given), whose skeleton is the name's takes its
      official spelling (repair restores marks without knowing the name);
    - a damaged name no unit has takes the unit whose skeleton is closest among those the
      document itself writes elsewhere, with a warning (OCR damage of scanned headers);
    - otherwise the spelling the document uses most often (title case, with marks); else `name`
      in title case."""
    target = skeleton(name)
    if not target:
        return name
    forms = _document_forms(target, text)
    official = _official(target, text, unit, forms)
    if official:
        if warnings is not None and official not in forms and collapse(name).lower() != official.lower():
            warnings.append(Warning(code="place_name_restored",
                                    message=f"name {collapse(name)!r} read as {official!r} (official spelling of its letters)"))
        return official
    if not forms and len(target) >= 5:
        folded_text = skeleton(text)
        best, best_score = None, 0.0
        for key in _known_names(unit):
            if abs(len(key) - len(target)) > 3 or key == target:
                continue
            score = fuzz.ratio(key, target)
            if score >= 75 and score > best_score and re.search(r"(?<![a-z])" + re.escape(key) + r"(?![a-z])", folded_text):
                official = _official(key, text, unit, _document_forms(key, text))
                if official:
                    best, best_score = official, score
        if best:
            if warnings is not None:
                warnings.append(Warning(code="place_name_guessed",
                                        message=f"damaged name {collapse(name)!r} read as {best!r}, a name the document writes elsewhere"))
            return best
    counts = forms
    if not counts:
        n_words = len(target.split())
        word = r"[^\W\d_]+"
        for m in re.finditer(r"(?<![^\W_])" + r"\s+".join([word] * n_words) + r"(?![^\W_])", text):
            surface = collapse(m.group(0))
            if all(w[:1].isupper() and w[1:] == w[1:].lower() for w in surface.split()):
                if fuzz.ratio(skeleton(surface), target) >= 85:
                    counts[surface] += 1
    marked = [s for s, _ in counts.most_common() if has_marks(s)]
    choice = marked[0] if marked else (counts.most_common(1)[0][0] if counts else None)
    if choice is None:
        return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())
    if warnings is not None and len(counts) > 1:
        warnings.append(Warning(code="place_name_doubtful",
                                message=f"the document spells {collapse(name)!r} as {sorted(counts)}; took {choice!r}"))
    return choice


def respell(value: str, name: Optional[str]) -> str:
    """`value` with each capitalised run of words that spells `name` but for its marks written as
    `name` ("Làng Sơn cùng cả nước" -> "Lạng Sơn cùng cả nước" once the place is known)."""
    if not value or not name:
        return value
    target = skeleton(name)
    n = len(name.split())
    words = list(re.finditer(r"[^\W\d_]+", value))
    out, last, i = [], 0, 0
    while i + n <= len(words):
        start, end = words[i].start(), words[i + n - 1].end()
        run = value[start:end]
        if skeleton(run) == target and run[:1].isupper() and not run.isupper() and run != name:
            out += [value[last:start], name]
            last, i = end, i + n
        else:
            i += 1
    return "".join(out) + value[last:]
