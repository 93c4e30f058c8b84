"""The citation chain from a plan up to the national decision it carries through.

A plan cites the national decision (seed 001: "Căn cứ Quyết định số 1258/QĐ-TTg"), or a higher
plan that implements it (seed 002: "Căn cứ Kế hoạch số 2282/KH-UBND ... của UBND tỉnh Lai Châu về
tổ chức thực hiện phong trào thi đua ... giai đoạn 2021-2025"). The higher plan is looked up in
the archive when it is in the batch; else the words of the citation say which movement and
period it implements. The decision reached must be the one for the plan's period: a 2021-2025
plan citing 1258 (the 2016-2020 movement) is flagged.
"""

from __future__ import annotations

import re

from vnplan.compare.profiles import NATIONAL, national_for_period
from vnplan.text import collapse, fold
from vnplan.models import LegalReference, PlanDocument
from vnplan.models.compare import ChainStep, CitationChain, ReferenceProfile

_PERIOD = re.compile(r"(20\d\d)\s*[-–—]\s*(20\d\d)")
_CONTEXT_END = re.compile(r";|\n\s*\n|\.\s")


def doc_key(doc: PlanDocument) -> str | None:
    m = doc.metadata
    return f"{m.number}/{m.symbol}" if m.number and m.symbol else None


def _is_plan(ref: LegalReference) -> bool:
    return (ref.symbol or "").upper().startswith("KH") or fold(ref.doc_type or "").startswith("ke hoach")


def _context(doc: PlanDocument, ref: LegalReference) -> tuple[str, int, int]:
    """The words after a citation, up to the end of its clause ("... về việc tổ chức thực hiện ... giai đoạn 2016 - 2020;")."""
    tail = doc.text[ref.end:ref.end + 400]
    m = _CONTEXT_END.search(tail)
    return tail[:m.start()] if m else tail, ref.end, ref.end + (m.start() if m else len(tail))


def _national_named(words: str) -> ReferenceProfile | None:
    """The national plan the words name: its key, its movement, or its period."""
    folded = fold(collapse(words))
    for profile in NATIONAL.values():
        if fold(profile.key) in folded:
            return profile
    # 666's movement name is the tail of 1258's; only 1258's opening "Cả nước chung tay" tells them apart
    if "ca nuoc chung tay" in folded:
        return next(p for p in NATIONAL.values() if fold(p.movement).startswith("ca nuoc chung tay"))
    for m in _PERIOD.finditer(folded):
        found = national_for_period(int(m.group(1)), int(m.group(2)))
        if found and found.period_end == int(m.group(2)):
            return found
    return None


def _step(ref: LegalReference, how: str) -> ChainStep:
    return ChainStep(key=ref.key, title=collapse(ref.text), relation=ref.relation, how=how, text=ref.text, start=ref.start, end=ref.end)


def _by_key(archive: dict[str, list[PlanDocument]] | None, ref: LegalReference) -> PlanDocument | None:
    for cand in (archive or {}).get(ref.key or "", []):
        if ref.date is None or cand.metadata.date is None or cand.metadata.date == ref.date:
            return cand
    return None


def _reach(doc: PlanDocument, archive, depth: int = 0) -> tuple[list[ChainStep], ReferenceProfile | None]:
    """Steps from `doc` to a national decision: a direct citation first, else through a cited plan."""
    national_keys = {p.key: p for p in NATIONAL.values()}
    direct = [r for r in doc.legal_references if r.key in national_keys]
    if direct:
        # the citation the plan rests on ("căn cứ", "thực hiện") before a passing mention ("theo ... điểm b")
        first = sorted(direct, key=lambda r: (r.relation not in ("can_cu", "thuc_hien"), r.start))[0]
        return [_step(first, "cited")], national_keys[first.key]
    if depth >= 3:
        return [], None
    for ref in (r for r in doc.legal_references if _is_plan(r) and r.key and r.key != doc_key(doc)):
        upper = _by_key(archive, ref)
        if upper is not None:
            steps, reached = _reach(upper, archive, depth + 1)
            if reached is not None:
                steps = [s.model_copy(update={"how": "archive", "start": None, "end": None, "text": None}) for s in steps]
                return [_step(ref, "cited")] + steps, reached
        words, start, end = _context(doc, ref)
        named = _national_named(words)
        if named is not None:
            return [_step(ref, "cited"), ChainStep(key=named.key, title=named.name, how="reference text", text=words,
                                                   start=start, end=end)], named
    return [], None


def citation_chain(doc: PlanDocument, archive: dict[str, list[PlanDocument]] | None = None) -> CitationChain:
    m = doc.metadata
    year = m.period_start or (int(m.date[:4]) if m.date and m.date[:4].isdigit() else None)
    expected = national_for_period(year)
    steps, reached = _reach(doc, archive)
    cited_nationals = {r.key for r in doc.legal_references if r.key in {p.key for p in NATIONAL.values()}}
    wrong = sorted(k for k in cited_nationals if expected is not None and k != expected.key)
    period = (f"{m.period_start}-{m.period_end}" if m.period_end not in (None, m.period_start) else f"{m.period_start}") if m.period_start else (f"dated {m.date}" if m.date else "of unknown period")
    if wrong:
        status, detail = "wrong_decision", (f"the plan ({period}) cites {', '.join(wrong)}, the decision of another period; "
                                            f"its period's is {expected.key}")
    elif reached is None:
        status, detail = "none", "no citation reaches a national decision" + (f" ({expected.key} expected for {period})" if expected else "")
    elif expected is not None and reached.key != expected.key:
        status, detail = "wrong_decision", f"the chain reaches {reached.key}, but a plan {period} carries {expected.key} through"
    elif len(steps) == 1:
        status, detail = "direct", f"the plan cites {reached.key} directly" + (f", the decision for {period}" if expected else "")
    else:
        hops = " → ".join(s.key for s in steps)
        how = "from the archive" if any(s.how == "archive" for s in steps) else "from the words of the citation"
        status, detail = "indirect", f"the plan reaches {reached.key} through {hops} (resolved {how})"
    if reached is not None and m.date and reached.date and m.date[:len(reached.date)] < reached.date[:len(m.date)]:
        detail += f"; the plan ({m.date}) is dated before {reached.key} ({reached.date}): check the citation"
    return CitationChain(reaches=reached.key if reached else None, expected=expected.key if expected else None,
                         steps=steps, status=status, detail=detail)
