"""Place names a document is about, as a document-level lexicon for capitalised runs.

The syllable trigram cannot tell ``Tam Duong`` (Tam Đường, Lai Châu) from ``Tâm Đương``: a
name is rare in any training text. But a plan names its province, and the districts of that
province are then the likely names. ``document_names`` finds the provinces whose names occur in
the text (by skeleton: marks lost or not) and returns those names with the names of their
districts; the decoder gives the syllables of such a name a bonus where a run of capitalised
tokens can spell it. Read from the address data that ships with underthesea (as
``extract.header`` does); nothing is changed when it is missing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from vnplan.places import address_records

from .syllables import TOKEN_RE, nfc, skeleton

_UNIT = re.compile(r"^(?:Thành phố|Thị xã|Tỉnh|Huyện|Quận)\s+(.+)$")


def _name(s: str | None) -> tuple[str, ...]:
    m = _UNIT.match(nfc(s or "").strip())
    return tuple(t.lower() for t in TOKEN_RE.findall(m.group(1) if m else (s or "")))


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """province name (syllables) -> its district names (syllables)."""
    out: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for r in address_records():
        prov, dist = _name(r.get("old_province")), _name(r.get("old_district"))
        if len(prov) >= 2:
            out.setdefault(prov, set())
            if len(dist) >= 2:
                out[prov].add(dist)
    return out


def document_names(text: str) -> tuple[tuple[str, ...], ...]:
    """Names (lowercase syllable tuples) of the provinces a text mentions, capitalised, and
    of their districts."""
    gaz = gazetteer()
    if not gaz:
        return ()
    toks = [skeleton(t) if t[:1].isupper() else "" for t in TOKEN_RE.findall(nfc(text))]
    seen = {" ".join(toks[i:i + n]) for n in (2, 3) for i in range(len(toks) - n + 1)
            if all(toks[i:i + n])}
    names: set[tuple[str, ...]] = set()
    for prov, dists in gaz.items():
        if " ".join(skeleton(s) for s in prov) in seen:
            names.add(prov)
            names |= dists
    return tuple(sorted(names))
