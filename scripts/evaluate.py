#!/usr/bin/env python3
"""Score vnplan output documents against the gold annotations.

    python scripts/evaluate.py --gold gold/ --pred DIR [--json]

DIR holds one output document per gold document, `DIR/<id>.json` (as written by
`vnplan batch corpus/ --out DIR`); a missing prediction scores as an empty document. Printed per
document and overall (micro-averaged: counts are summed over documents before dividing):

A gold document whose `text` is null (a scan nobody typed, gold/real/README.md) is scored on
everything but the text error rate and section boundaries.

Text
    Syllable error rate (SER) of the predicted `text` against the gold `text`. Syllables are runs
    of letters and digits (`[^\\W_]+`) of the NFC text, case kept; SER = word-level Levenshtein
    distance / number of gold syllables (overall: summed distances / summed gold syllables).

Metadata (14 fields: doc_type, number, symbol, issuer, issuer_parent, place, date, title,
movement, period_start, period_end, signer_name, signer_title, recipients)
    Strings are normalised on both sides: NFC; "Uỷ"/"uỷ" -> "Ủy"/"ủy"; casefold; quotes
    (“ ” „ « » ' ’) -> '"'; dashes (– — ‐ −) -> "-"; "ubnd" -> "ủy ban nhân dân"; "lđ-tb&xh",
    "lđtbxh" -> "lao động - thương binh và xã hội"; whitespace collapsed. Then:
    - title, movement: correct when rapidfuzz `fuzz.ratio` >= 90;
    - recipients: compared as sets; items are paired one-to-one (best ratio first) when their
      ratio >= 85; the field is correct when the set F1 >= 0.8 (two empty lists are correct);
    - period_start, period_end: exact integers;
    - every other field: equal after normalisation (date strings exact).
    null == null counts as correct; null against a value is wrong. Accuracy = correct / compared.

Sections
    The tree is flattened to (label, number, heading) tuples. A predicted section matches a gold
    one (one-to-one, best heading ratio first) when number and label are equal and the headings'
    `fuzz.ratio` >= 80 after normalisation with marks stripped (strip marks, đ -> d, casefold);
    a heading cut shorter by a line wrap (both >= 20 characters, first 15 alike: ratio >= 70) is
    compared on the length of the shorter.
    Precision, recall, F1 over these matches. Also printed: top-level sections alone, matched
    one-to-one on (number, label). Boundary accuracy: of the matched sections, the
    share whose start and end both fall within ±2 syllables of gold, after mapping the predicted
    offsets into the gold text through a syllable alignment of the two texts (Levenshtein
    opcodes over the syllable lists).

Entities (per document, compared as SETS of normalised tuples; duplicates collapse)
    - legal_references: (key, date); key = NFC, uppercase ("Đ" kept), spaces removed; within a
      document every key takes the first non-null date among its mentions (both sides);
    - deadlines: (date, year, recurrence), exact;
    - responsibilities: (body, role); body normalised as metadata strings; a pair matches when
      roles are equal and bodies have ratio >= 90;
    - targets: (indicator, value, unit); indicator ratio >= 80, value exact, unit normalised
      (and NFKC: "m²" and "m2" are one unit).
    Pairs are matched one-to-one (best ratio first). P/R/F1 per kind, per document and micro
    overall.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

METADATA_FIELDS = [
    "doc_type", "number", "symbol", "issuer", "issuer_parent", "place", "date", "title",
    "movement", "period_start", "period_end", "signer_name", "signer_title", "recipients",
]
ENTITY_KINDS = ["legal_references", "deadlines", "responsibilities", "targets"]

SYLLABLE_RE = re.compile(r"[^\W_]+", re.UNICODE)
_QUOTES = str.maketrans({c: '"' for c in "“”„«»'’‘"})
_DASHES = str.maketrans({c: "-" for c in "–—‐−"})


# ----------------------------------------------------------------------------------------------
# Normalisation


def norm(value: Any) -> Any:
    """The metadata / body normalisation of the module docstring (non-strings unchanged)."""
    if not isinstance(value, str):
        return value
    s = unicodedata.normalize("NFC", value)
    s = s.replace("Uỷ", "Ủy").replace("uỷ", "ủy").replace("UỶ", "ỦY")
    s = s.casefold().translate(_QUOTES).translate(_DASHES)
    s = re.sub(r"\bubnd\b", "ủy ban nhân dân", s)
    s = re.sub(r"lđ\s*-\s*tb\s*&\s*xh|lđtbxh", "lao động - thương binh và xã hội", s)
    return re.sub(r"\s+", " ", s).strip()


def strip_marks(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


def norm_heading(value: str) -> str:
    return strip_marks(norm(value or ""))


def syllables_with_offsets(text: str) -> tuple[list[str], list[int]]:
    """Syllables of `text` (NFC) and their start offsets in `text`.

    Offsets are only meaningful when `text` is already NFC, which output and gold texts are."""
    nfc = unicodedata.normalize("NFC", text)
    toks, starts = [], []
    for m in SYLLABLE_RE.finditer(nfc):
        toks.append(m.group(0))
        starts.append(m.start())
    return toks, starts


def _as_ints(a: list[str], b: list[str]) -> tuple[list[int], list[int]]:
    vocab: dict[str, int] = {}
    return [vocab.setdefault(t, len(vocab)) for t in a], [vocab.setdefault(t, len(vocab)) for t in b]


# ----------------------------------------------------------------------------------------------
# Counting


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def match_one_to_one(pred: list, gold: list, score: Callable[[Any, Any], Optional[float]]) -> list[tuple[int, int]]:
    """Pairs (pred index, gold index), best score first; `score` returns None for no match."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            s = score(p, g)
            if s is not None:
                candidates.append((-s, i, j))
    candidates.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def prf_of(pred: list, gold: list, score: Callable[[Any, Any], Optional[float]]) -> tuple[PRF, list[tuple[int, int]]]:
    pairs = match_one_to_one(pred, gold, score)
    return PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)), pairs


# ----------------------------------------------------------------------------------------------
# (a) text


def text_errors(pred_text: str, gold_text: str) -> tuple[int, int]:
    """(Levenshtein distance in syllables, gold syllables)."""
    p, _ = syllables_with_offsets(pred_text)
    g, _ = syllables_with_offsets(gold_text)
    pi, gi = _as_ints(p, g)
    return Levenshtein.distance(pi, gi), len(g)


# ----------------------------------------------------------------------------------------------
# (b) metadata


def recipients_f1(pred: list[str], gold: list[str]) -> float:
    pred = list(dict.fromkeys(norm(x) for x in pred or []))
    gold = list(dict.fromkeys(norm(x) for x in gold or []))
    if not pred and not gold:
        return 1.0

    def score(a, b):
        r = fuzz.ratio(a, b)
        return r if r >= 85 else None

    counts, _ = prf_of(pred, gold, score)
    return counts.f1


def field_correct(name: str, pred: Any, gold: Any) -> bool:
    if name == "recipients":
        return recipients_f1(pred or [], gold or []) >= 0.8
    if pred is None or gold is None:
        return pred is None and gold is None
    if name in ("period_start", "period_end"):
        try:
            return int(pred) == int(gold)
        except (TypeError, ValueError):
            return False
    if name in ("title", "movement"):
        return fuzz.ratio(norm(pred), norm(gold)) >= 90
    return norm(str(pred)) == norm(str(gold))


def score_metadata(pred: dict, gold: dict) -> dict[str, bool]:
    return {name: field_correct(name, (pred or {}).get(name), (gold or {}).get(name)) for name in METADATA_FIELDS}


# ----------------------------------------------------------------------------------------------
# (c) sections


def flatten_sections(sections: Iterable[dict]) -> list[dict]:
    out = []
    for s in sections or []:
        out.append(s)
        out.extend(flatten_sections(s.get("children") or []))
    return out


class OffsetMap:
    """Maps offsets of the predicted text to syllable indices of the gold text."""

    def __init__(self, pred_text: str, gold_text: str):
        p, self.pred_starts = syllables_with_offsets(pred_text)
        g, self.gold_starts = syllables_with_offsets(gold_text)
        self.n_gold = len(g)
        self.identical = p == g and self.pred_starts == self.gold_starts
        mapping = [0] * (len(p) + 1)
        if not self.identical:
            pi, gi = _as_ints(p, g)
            for tag, i1, i2, j1, j2 in Levenshtein.opcodes(pi, gi).as_list():
                for k in range(i1, i2):
                    if tag == "equal":
                        mapping[k] = j1 + (k - i1)
                    elif tag == "replace":
                        mapping[k] = min(j1 + (k - i1), j2 - 1) if j2 > j1 else j1
                    else:  # delete: pred syllable absent from gold
                        mapping[k] = j1
        else:
            mapping = list(range(len(p) + 1))
        mapping[len(p)] = len(g)
        self.mapping = mapping

    def pred_to_gold_syllable(self, offset: int) -> int:
        return self.mapping[bisect_left(self.pred_starts, offset)]

    def gold_syllable(self, offset: int) -> int:
        return bisect_left(self.gold_starts, offset)


def score_sections(pred: list[dict], gold: list[dict], pred_text: str, gold_text: str) -> tuple[PRF, int, int]:
    """(P/R/F1 counts, matched sections with exact-enough boundaries, matched sections)."""
    fp, fg = flatten_sections(pred), flatten_sections(gold)

    def score(p, g):
        if str(p.get("number")) != str(g.get("number")) or p.get("label") != g.get("label"):
            return None
        ph, gh = norm_heading(p.get("heading", "")), norm_heading(g.get("heading", ""))
        r = fuzz.ratio(ph, gh)
        if r < 80 and min(len(ph), len(gh)) >= 20 and fuzz.ratio(ph[:15], gh[:15]) >= 70:
            # A run-in heading is "the rest of its line": a scan that wraps the line cuts it
            # shorter. The same heading cut at a line end still matches, by its shared start.
            r = fuzz.ratio(ph[: len(gh)], gh[: len(ph)])
        return r if r >= 80 else None

    counts, pairs = prf_of(fp, fg, score)
    if not pairs or gold_text is None:
        # A scan's gold has no typed text (gold/real/README.md): boundaries cannot be compared.
        return counts, 0, 0
    omap = OffsetMap(pred_text or "", gold_text or "")
    good = 0
    for i, j in pairs:
        p, g = fp[i], fg[j]
        ok = all(
            abs(omap.pred_to_gold_syllable(int(p[key])) - omap.gold_syllable(int(g[key]))) <= 2
            for key in ("start", "end")
        )
        good += ok
    return counts, good, len(pairs)


def score_top_sections(pred: list[dict], gold: list[dict]) -> PRF:
    """Top-level sections matched one-to-one on (number, label) alone: does the document's
    outline have the right parts, whatever their headings' wording."""
    counts, _ = prf_of([(str(p.get("number")), p.get("label")) for p in pred or []],
                       [(str(g.get("number")), g.get("label")) for g in gold or []], _exact)
    return counts


# ----------------------------------------------------------------------------------------------
# (d) entities


def _key(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", value)).upper()


def reference_tuples(items: list[dict]) -> list[tuple]:
    first_date: dict[Optional[str], Optional[str]] = {}
    for item in items or []:
        k = _key(item.get("key"))
        if first_date.get(k) is None:
            first_date[k] = item.get("date")
    return sorted({(k, first_date.get(k)) for k in (_key(i.get("key")) for i in items or [])}, key=str)


def deadline_tuples(items: list[dict]) -> list[tuple]:
    return sorted({(i.get("date"), i.get("year"), i.get("recurrence")) for i in items or []}, key=str)


def responsibility_tuples(items: list[dict]) -> list[tuple]:
    return sorted({(norm(i.get("body") or ""), i.get("role")) for i in items or []}, key=str)


def _value(v: Any) -> Optional[float]:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def target_tuples(items: list[dict]) -> list[tuple]:
    return sorted({(norm(i.get("indicator") or ""), _value(i.get("value")), _unit(i.get("unit"))) for i in items or []}, key=str)


def _unit(unit: Optional[str]) -> str:
    """A unit normalised as strings are, with superscripts read as digits ("m²" = "m2")."""
    return norm(unicodedata.normalize("NFKC", unit or ""))


def _exact(p, g):
    return 100.0 if p == g else None


def _responsibility_score(p, g):
    if p[1] != g[1]:
        return None
    r = fuzz.ratio(p[0], g[0])
    return r if r >= 90 else None


def _target_score(p, g):
    if p[1] != g[1] or p[2] != g[2]:
        return None
    r = fuzz.ratio(p[0], g[0])
    return r if r >= 80 else None


ENTITY_RULES: dict[str, tuple[Callable, Callable]] = {
    "legal_references": (reference_tuples, _exact),
    "deadlines": (deadline_tuples, _exact),
    "responsibilities": (responsibility_tuples, _responsibility_score),
    "targets": (target_tuples, _target_score),
}


def score_entities(pred_doc: dict, gold_doc: dict) -> dict[str, PRF]:
    out = {}
    for kind, (to_tuples, score) in ENTITY_RULES.items():
        counts, _ = prf_of(to_tuples(pred_doc.get(kind) or []), to_tuples(gold_doc.get(kind) or []), score)
        out[kind] = counts
    return out


# ----------------------------------------------------------------------------------------------
# Documents


@dataclass
class DocumentScore:
    id: str
    missing: bool
    syllable_errors: int
    gold_syllables: int
    metadata: dict[str, bool]
    sections: PRF
    boundaries_ok: int
    boundaries_matched: int
    entities: dict[str, PRF] = field(default_factory=dict)
    top_sections: PRF = field(default_factory=PRF)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "missing_prediction": self.missing,
            "text": {"syllable_errors": self.syllable_errors, "gold_syllables": self.gold_syllables,
                     "ser": round(self.syllable_errors / self.gold_syllables, 4) if self.gold_syllables else 0.0},
            "metadata": {"fields": self.metadata, "correct": sum(self.metadata.values()), "total": len(self.metadata),
                         "accuracy": round(sum(self.metadata.values()) / len(self.metadata), 4)},
            "sections": {**self.sections.as_dict(), "boundary_ok": self.boundaries_ok, "boundary_matched": self.boundaries_matched,
                         "boundary_accuracy": round(self.boundaries_ok / self.boundaries_matched, 4) if self.boundaries_matched else None},
            "top_sections": self.top_sections.as_dict(),
            "entities": {k: v.as_dict() for k, v in self.entities.items()},
        }


def score_document(doc_id: str, pred: Optional[dict], gold: dict) -> DocumentScore:
    missing = pred is None
    pred = pred or {}
    gold_text = gold.get("text")
    errors, n_gold = text_errors(pred.get("text") or "", gold_text) if gold_text is not None else (0, 0)
    sections, ok, matched = score_sections(pred.get("sections") or [], gold.get("sections") or [], pred.get("text") or "", gold_text)
    return DocumentScore(
        id=doc_id,
        missing=missing,
        syllable_errors=errors,
        gold_syllables=n_gold,
        metadata=score_metadata(pred.get("metadata") or {}, gold.get("metadata") or {}),
        sections=sections,
        boundaries_ok=ok,
        boundaries_matched=matched,
        entities=score_entities(pred, gold),
        top_sections=score_top_sections(pred.get("sections") or [], gold.get("sections") or []),
    )


def evaluate(gold_dir: Path, pred_dir: Path, only_predicted: bool = False) -> dict:
    docs = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        pred_path = pred_dir / gold_path.name
        if only_predicted and not pred_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else None
        docs.append(score_document(gold_path.stem, pred, gold))
    return summarise(docs)


def summarise(docs: list[DocumentScore]) -> dict:
    errors = sum(d.syllable_errors for d in docs)
    n_gold = sum(d.gold_syllables for d in docs)
    per_field = {f: sum(d.metadata[f] for d in docs) for f in METADATA_FIELDS}
    sections = PRF()
    for d in docs:
        sections.add(d.sections)
    top = PRF()
    for d in docs:
        top.add(d.top_sections)
    b_ok = sum(d.boundaries_ok for d in docs)
    b_n = sum(d.boundaries_matched for d in docs)
    entities = {}
    for kind in ENTITY_KINDS:
        total = PRF()
        for d in docs:
            total.add(d.entities[kind])
        entities[kind] = total.as_dict()
    n = len(docs)
    return {
        "documents": [d.as_dict() for d in docs],
        "overall": {
            "documents": n,
            "missing_predictions": sum(d.missing for d in docs),
            "text": {"syllable_errors": errors, "gold_syllables": n_gold, "ser": round(errors / n_gold, 4) if n_gold else 0.0},
            "metadata": {
                "per_field": {f: round(c / n, 4) if n else 0.0 for f, c in per_field.items()},
                "correct": sum(per_field.values()),
                "total": n * len(METADATA_FIELDS),
                "accuracy": round(sum(per_field.values()) / (n * len(METADATA_FIELDS)), 4) if n else 0.0,
            },
            "sections": {**sections.as_dict(), "boundary_ok": b_ok, "boundary_matched": b_n,
                         "boundary_accuracy": round(b_ok / b_n, 4) if b_n else None},
            "top_sections": top.as_dict(),
            "entities": entities,
        },
    }


def _fmt_prf(d: dict) -> str:
    return f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  (tp {d['tp']} fp {d['fp']} fn {d['fn']})"


def render(report: dict, label: str = "") -> str:
    lines = []
    for d in report["documents"]:
        lines.append(f"== {d['id']}" + ("  [no prediction]" if d["missing_prediction"] else ""))
        t = d["text"]
        lines.append(f"  text       SER {t['ser']:.4f}  ({t['syllable_errors']} / {t['gold_syllables']} syllables)")
        m = d["metadata"]
        wrong = [f for f, ok in m["fields"].items() if not ok]
        lines.append(f"  metadata   {m['correct']}/{m['total']} correct" + (f"  wrong: {', '.join(wrong)}" if wrong else ""))
        s = d["sections"]
        b = f"{s['boundary_accuracy']:.3f}" if s["boundary_accuracy"] is not None else "n/a"
        lines.append(f"  sections   {_fmt_prf(s)}  boundaries {b} ({s['boundary_ok']}/{s['boundary_matched']})")
        for kind, e in d["entities"].items():
            lines.append(f"  {kind:<17} {_fmt_prf(e)}")
    o = report["overall"]
    title = f"{label}: " if label else ""
    lines.append(f"== {title}overall ({o['documents']} documents, {o['missing_predictions']} without prediction)")
    lines.append(f"  text       SER {o['text']['ser']:.4f}  ({o['text']['syllable_errors']} / {o['text']['gold_syllables']} syllables)")
    m = o["metadata"]
    lines.append(f"  metadata   accuracy {m['accuracy']:.3f}  ({m['correct']}/{m['total']} fields)")
    for f, acc in m["per_field"].items():
        lines.append(f"    {f:<14} {acc:.3f}")
    s = o["sections"]
    b = f"{s['boundary_accuracy']:.3f}" if s["boundary_accuracy"] is not None else "n/a"
    lines.append(f"  sections   {_fmt_prf(s)}  boundaries {b} ({s['boundary_ok']}/{s['boundary_matched']})")
    lines.append(f"  top-level sections (number and label)  {_fmt_prf(o['top_sections'])}")
    for kind, e in o["entities"].items():
        lines.append(f"  {kind:<17} {_fmt_prf(e)}")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Score vnplan output documents against gold annotations.")
    parser.add_argument("--gold", required=True, type=Path, help="directory of gold <id>.json files")
    parser.add_argument("--pred", required=True, type=Path, help="directory of predicted <id>.json files")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--label", default="", help="name of the set in the overall heading (seeds, real)")
    parser.add_argument("--only-predicted", action="store_true",
                        help="score only the gold documents that have a prediction (default: a missing one scores empty)")
    args = parser.parse_args(argv)
    if not args.gold.is_dir():
        parser.error(f"--gold {args.gold}: not a directory")
    if not args.pred.is_dir():
        parser.error(f"--pred {args.pred}: not a directory")
    report = evaluate(args.gold, args.pred, args.only_predicted)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render(report, args.label))
    return 0


if __name__ == "__main__":
    sys.exit(main())
