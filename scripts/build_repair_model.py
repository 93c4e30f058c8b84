"""Build the model files of ``extract.repair`` (syllable inventory, trigram LM, OCR channel).

Rebuild everything with one command, from the project root:

    python scripts/build_repair_model.py

(defaults: ``--corpus ../shared/corpora/vlc-laws``, the clean documents of ``corpus/``,
output ``extract/repair/data/``). The channel model needs ~1400 rendered pages OCR'd by the
English Tesseract model; they are cached under ``--cache`` (default /tmp/vnplan-repair-cache),
so a rebuild after the first one takes seconds. ``--exclude 003,004 --lm-only --out DIR``
builds a held-out language model for evaluation (``scripts/eval_repair.py`` does this).

Files written:
  vocab.txt    the lowercase syllable inventory, one per line, by corpus frequency (id = line+3;
               ids 0, 1, 2 are sentence boundary, unknown token, number)
  lm.npz       stupid-backoff trigram LM over syllable ids: sorted int64 n-gram keys and
               int16 log10 scores (x1000)
  channel.json how English-model OCR writes each syllable (observed token -> true syllable
               counts) and character rewrite rules learned from the same alignments
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from extract.repair.syllables import ONSETS, TOKEN_RE, nfc, skeleton, split_onset, untoned  # noqa: E402

BOUNDARY_RE = re.compile(r"[.!?;:]+(?=\s|$)|\n\s*\n|[\n\f]+(?=\s*(?:[-+•*]|\d+\.|[a-zđ]\)|[IVX]+\.))")
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")
SCALE = 1000


def sentences(text: str) -> list[list[str]]:
    out = []
    for chunk in BOUNDARY_RE.split(nfc(text)):
        toks = [t.lower() for t in TOKEN_RE.findall(chunk)]
        if toks:
            out.append(toks)
    return out


def build_inventory(counts: Counter) -> list[str]:
    """Hunspell's syllables plus corpus syllables whose onset and rhyme are attested."""
    hun = {nfc(w.strip()) for w in HUNSPELL.read_text(encoding="utf-8").split("\n")[1:]
           if w.strip() and re.fullmatch(r"[^\W\d_]+", w.strip()) and w.strip() == w.strip().lower()}
    rhymes = {split_onset(untoned(w))[1] for w in hun}
    inv = set(hun)
    for w, c in counts.items():
        if c >= 3 and re.fullmatch(r"[^\W\d_]+", w):
            o, r = split_onset(untoned(w))
            if o in ONSETS and r in rhymes:
                inv.add(w)
    inv = {w for w in inv if not re.search(r"[fjwz]", w)}
    return sorted(inv, key=lambda w: (-counts.get(w, 0), w))


def build_lm(sents: list[list[str]], vocab: list[str]) -> dict[str, np.ndarray]:
    ids = {w: i + 3 for i, w in enumerate(vocab)}
    stream: list[int] = [0, 0]
    for s in sents:
        for t in s:
            stream.append(2 if t[0].isdigit() else ids.get(t, 1))
        stream += [0, 0]
    a = np.asarray(stream, dtype=np.int64)
    n_tok = int((a > 0).sum())
    uni = np.bincount(a, minlength=len(vocab) + 3).astype(np.float64)
    uni[0] = 0
    total = uni.sum()
    uni_lp = np.log10(np.maximum(uni, 0.5) / total)

    bkeys, bcounts = np.unique((a[:-1] << 16) | a[1:], return_counts=True)
    tkeys, tcounts = np.unique((a[:-2] << 32) | (a[1:-1] << 16) | a[2:], return_counts=True)
    # context counts: how often a (or ab) is followed by anything
    ctx1 = np.bincount(a[:-1], minlength=len(uni)).astype(np.float64)
    bctx_idx = np.searchsorted(bkeys, tkeys >> 16)
    bi_lp = np.log10(bcounts / ctx1[bkeys >> 16])
    tri_lp = np.log10(tcounts / bcounts[bctx_idx])
    keep = tcounts >= 1  # the law corpus is repetitive: all trigrams fit in a few MB
    print(f"  tokens {n_tok:,}; bigrams {len(bkeys):,}; trigrams {len(tkeys):,} "
          f"(kept {int(keep.sum()):,})", file=sys.stderr)
    return {
        "uni": (uni_lp * SCALE).astype(np.int16),
        "bkeys": bkeys, "bvals": (bi_lp * SCALE).astype(np.int16),
        "tkeys": tkeys[keep], "tvals": (tri_lp[keep] * SCALE).astype(np.int16),
    }


def clean_documents(corpus_docs: Path, exclude: list[str]) -> list[Path]:
    """The project's own documents whose text is already correct Vietnamese."""
    out = []
    for p in sorted(corpus_docs.glob("*.txt")):
        if any(p.name.startswith(e) for e in exclude):
            continue
        toks = TOKEN_RE.findall(nfc(p.read_text(encoding="utf-8")))
        marked = sum(1 for t in toks if skeleton(t) != t.lower())
        if toks and marked / len(toks) > 0.5:
            out.append(p)
    return out


# ---------------------------------------------------------------- channel model

def align_tokens(truth: list[str], ocr: list[str]) -> list[tuple[str, str]]:
    """Pairs (observed, true) from one line; lines whose token counts differ are aligned by
    skeleton similarity with a small dynamic programme allowing one-to-two splits."""
    if len(truth) == len(ocr):
        return list(zip(ocr, truth))
    from difflib import SequenceMatcher
    sm = SequenceMatcher(a=[skeleton(t) for t in truth], b=[skeleton(t) for t in ocr], autojunk=False)
    pairs = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs += list(zip(ocr[j1:j2], truth[i1:i2]))
        elif tag == "replace" and i2 - i1 == 2 and j2 - j1 == 1:
            pairs.append((ocr[j1], truth[i1] + " " + truth[i1 + 1]))
    return pairs


def build_channel(pages_file: Path) -> dict:
    table: dict[str, Counter] = defaultdict(Counter)
    n = 0
    for line in pages_file.open(encoding="utf-8"):
        page = json.loads(line)
        truth_lines = [l for l in page["truth"] if l.strip()]
        ocr_lines = [l for l in page["ocr"].split("\n") if l.strip()]
        if len(truth_lines) != len(ocr_lines):
            continue
        for t, o in zip(truth_lines, ocr_lines):
            tt = [w for w in re.findall(r"\S+", nfc(t))]
            oo = [w for w in re.findall(r"\S+", nfc(o))]
            for obs, true in align_tokens(tt, oo):
                ob = "".join(TOKEN_RE.findall(obs)).lower()
                tr = " ".join(TOKEN_RE.findall(true)).lower()
                if ob and tr and not tr[0].isdigit():
                    table[ob][tr] += 1
                    n += 1
    print(f"  channel: {n:,} aligned tokens, {len(table):,} observed forms", file=sys.stderr)
    return {k: dict(v.most_common(6)) for k, v in table.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="build the extract.repair model files")
    ap.add_argument("--corpus", type=Path, default=ROOT / "../shared/corpora/vlc-laws")
    ap.add_argument("--docs", type=Path, default=ROOT / "corpus",
                    help="project documents; the clean ones are added to the LM")
    ap.add_argument("--exclude", default="", help="comma-separated document id prefixes to leave out")
    ap.add_argument("--out", type=Path, default=ROOT / "extract/repair/data")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/vnplan-repair-cache"))
    ap.add_argument("--pages", type=int, default=1400, help="rendered pages for the channel model")
    ap.add_argument("--lm-only", action="store_true")
    a = ap.parse_args(argv)
    exclude = [e for e in a.exclude.split(",") if e]
    a.out.mkdir(parents=True, exist_ok=True)

    texts = [p.read_text(encoding="utf-8") for p in sorted(a.corpus.glob("*.txt"))]
    docs = clean_documents(a.docs, exclude) if a.docs.exists() else []
    print(f"corpus: {len(texts)} files; clean project documents: {[d.name for d in docs]}",
          file=sys.stderr)
    texts += [d.read_text(encoding="utf-8") for d in docs]
    sents = [s for t in texts for s in sentences(t)]
    counts = Counter(t for s in sents for t in s)
    vocab = build_inventory(counts)
    print(f"  inventory: {len(vocab):,} syllables", file=sys.stderr)
    (a.out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    np.savez(a.out / "lm.npz", **build_lm(sents, vocab))

    if not a.lm_only:
        a.cache.mkdir(parents=True, exist_ok=True)
        pages_file = a.cache / f"pages{a.pages}.eng.jsonl"
        if not pages_file.exists():
            import make_ocr_damage
            pages = make_ocr_damage.training_pages(a.corpus, "eng", a.pages, seed=1)
            with open(pages_file, "w", encoding="utf-8") as f:
                for lines, text in pages:
                    f.write(json.dumps({"truth": lines, "ocr": text}, ensure_ascii=False) + "\n")
        channel = build_channel(pages_file)
        (a.out / "channel.json").write_text(json.dumps(channel, ensure_ascii=False), encoding="utf-8")
    for p in sorted(a.out.iterdir()):
        print(f"  {p.name}: {p.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
