"""Build the model files of ``extract.repair`` (syllable inventory, trigram LM, OCR channel).

Rebuild everything with one command, from the project root:

    python scripts/build_repair_model.py

(defaults: ``--corpus ../shared/corpora/vlc-laws``, output ``extract/repair/data/``).

Language-model text: the statutes of vlc-laws, plus in-domain text — the hand-checked ``text``
of every ``gold/<id>.json`` (project data: correct plan text, the genre the repair sees) and
any clean ``corpus/`` document without a gold file — optionally (``--gazetteer``) one sentence per
district of underthesea's address data (``huyện Tam Đường, tỉnh Lai Châu``) so that place names
are known syllable sequences. The gazetteer is OFF by default: held out, it lowers SER a little
(seed 002 4.79% -> 4.40%, 001 2.87% -> 2.60%) but makes near-homographs compete — seed 002's
"Tam Duong" (Tam Đường, Lai Châu) is then read as the other district Tam Dương, and the issuer
and place fields of the pipeline go wrong (extract/header.py already restores names from the
gazetteer with the province as context, which the syllable trigram cannot see);
``--gazetteer-wards`` adds the communes too (worse again).
The in-domain text is pooled with the statutes (``--doc-weight`` repeats it);
``--domain-lambda L`` instead interpolates a separate in-domain trigram model with weight L
(static mix with recomputed backoff weights). Measured with leave-one-out models on the five
seeds: pooling once ~ interpolation at L = 0.05-0.2 (total errors 442 vs 433-434), but pooling
keeps stripped 004 under its target, so it is the default. The channel model needs 2 x 1400 rendered pages OCR'd by
the English Tesseract model (two print styles; ~25 min on 2 cores the first time); they are
cached under ``--cache`` (default /tmp/vnplan-repair-cache), so a rebuild then takes seconds.
``--exclude 003 --lm-only --out DIR`` builds a held-out language model for evaluation, without
document 003 in any form (gold text or raw text); ``scripts/eval_repair.py`` does this for every
seed it evaluates (000 .. 004), so no document is repaired by a model that saw it.

Files written:
  vocab.txt    the lowercase syllable inventory, one per line, by corpus frequency (id = line+3;
               ids 0, 1, 2 are sentence boundary, unknown token, number)
  tokens.txt   frequent non-syllable tokens (ubnd, ttg) that get their own LM ids after vocab
  lm.npz       interpolated Kneser-Ney trigram LM over syllable ids: sorted int64 n-gram keys,
               int16 log10 probabilities and backoff weights (x1000); P(capital | syllable)
  channel.json how English-model OCR writes each syllable (observed token -> true syllable
               counts) and character rewrite rules learned from the same alignments
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from vnplan.repair.syllables import ENG_TOKEN_RE, ONSETS, TOKEN_RE, nfc, skeleton, split_onset, untoned  # noqa: E402

BOUNDARY_RE = re.compile(r"[.!?;:]+(?=\s|$)|\n\s*\n|[\n\f]+(?=\s*(?:[-+•*]|\d+\.|[a-zđ]\)|[IVX]+\.))")
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")
SCALE = 1000
ABBR = "<abbr>"


def sentences(text: str) -> list[list[str]]:
    out = []
    for chunk in BOUNDARY_RE.split(nfc(text)):
        toks = TOKEN_RE.findall(chunk)
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


def build_lm(sents: list[list[str]], vocab: list[str], discount: float = 0.9) -> dict[str, np.ndarray]:
    """Interpolated Kneser-Ney trigram model over syllable ids.

    Stored per order: sorted keys and log10 P(c | context) already interpolated with the lower
    order, plus each context's backoff weight log10 gamma, so that a lookup is
    P3 if the trigram was seen, else gamma(ab) * P2(c|b), P2 likewise backing off to the
    continuation unigram.
    """
    ids = {w: i + 3 for i, w in enumerate(vocab)}
    stream: list[int] = [0, 0]
    for s in sents:
        for t in s:
            low = t.lower()
            if t[0].isdigit():
                stream.append(2)
            elif low in ids:
                stream.append(ids[low])
            else:  # rare abbreviations share one class, other unknown words another
                stream.append(ids[ABBR] if len(t) > 1 and t.isupper() else 1)
        stream += [0, 0]
    a = np.asarray(stream, dtype=np.int64)
    V = len(vocab) + 3
    D = discount
    M16 = (1 << 16) - 1
    tk, tc = np.unique((a[:-2] << 32) | (a[1:-1] << 16) | a[2:], return_counts=True)
    # continuation counts N1+(. b c): distinct left words of each bigram
    bk, n1_bc = np.unique(tk & 0xFFFFFFFF, return_counts=True)
    # continuation unigram N1+(. c) over bigram types
    cont = np.bincount(bk & M16, minlength=V).astype(np.float64)
    cont[0] = 0
    p_cont = np.maximum(cont, 0.5) / cont.sum()
    # bigram level: P2(c|b) = max(N1+(.bc)-D,0)/N1+(.b.) + D*N1+(b.)/N1+(.b.) * p_cont(c)
    b_of = bk >> 16
    n1_b_dot = np.bincount(b_of, weights=n1_bc, minlength=V)      # N1+(. b .)
    types_b = np.bincount(b_of, minlength=V).astype(np.float64)    # N1+(b .)
    gamma2 = np.where(n1_b_dot > 0, D * types_b / np.maximum(n1_b_dot, 1), 1.0)
    p2 = (np.maximum(n1_bc - D, 0) / n1_b_dot[b_of]) + gamma2[b_of] * p_cont[bk & M16]
    # trigram level: P3(c|ab) = max(c(abc)-D,0)/c(ab.) + D*N1+(ab.)/c(ab.) * P2(c|b)
    ctx, inv, ntypes = np.unique(tk >> 16, return_inverse=True, return_counts=True)
    cab = np.bincount(inv, weights=tc)
    gamma3 = D * ntypes / cab
    p2_of_t = p2[np.searchsorted(bk, tk & 0xFFFFFFFF)]
    p3 = np.maximum(tc - D, 0) / cab[inv] + gamma3[inv] * p2_of_t
    # trigram contexts are bigrams; keep their gamma next to the bigram entries
    g3_for_b = np.zeros(len(bk))
    pos = np.searchsorted(bk, ctx)
    ok = (pos < len(bk)) & (bk[np.minimum(pos, len(bk) - 1)] == ctx)
    g3_for_b[pos[ok]] = np.log10(gamma3[ok])
    extra = ctx[~ok]  # contexts never seen as a bigram suffix (sentence starts): add them
    bkeys = np.concatenate([bk, extra])
    bvals = np.concatenate([np.log10(p2), np.full(len(extra), -9.0)])
    bgam = np.concatenate([g3_for_b, np.log10(gamma3[~ok])])
    order = np.argsort(bkeys)
    print(f"  tokens {int((a > 0).sum()):,}; bigrams {len(bkeys):,}; trigrams {len(tk):,}",
          file=sys.stderr)
    return {
        "uni": (np.log10(p_cont) * SCALE).astype(np.int16),
        "ugam": (np.log10(gamma2) * SCALE).astype(np.int16),
        "bkeys": bkeys[order], "bvals": (bvals[order] * SCALE).astype(np.int16),
        "bgam": (bgam[order] * SCALE).astype(np.int16),
        "tkeys": tk, "tvals": (np.log10(p3) * SCALE).astype(np.int16),
    }


def _lookup(keys: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    i = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
    return i, keys[i] == q


def _lm_p2(lm: dict, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """log10 P2(c | b) of one stored model (as ``Model.lm_scores`` computes it)."""
    i, hit = _lookup(lm["bkeys"], (b << 16) | c)
    hit &= lm["bvals"][i] > -9 * SCALE + 1          # a context-only entry is not a bigram
    return np.where(hit, lm["bvals"][i], lm["ugam"][b] + lm["uni"][c]) / SCALE


def _lm_p3(lm: dict, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    ti, thit = _lookup(lm["tkeys"], (a << 32) | (b << 16) | c)
    ci, chit = _lookup(lm["bkeys"], (a << 16) | b)
    gam = np.where(chit, lm["bgam"][ci], 0) / SCALE
    return np.where(thit, lm["tvals"][ti] / SCALE, gam + _lm_p2(lm, b, c))


def mix_lms(general: dict, domain: dict, lam: float) -> dict[str, np.ndarray]:
    """Static linear interpolation of two stored backoff models over the same ids,
    P = lam * P_domain + (1 - lam) * P_general, on the union of their n-grams, with the backoff
    weights recomputed so that every context's distribution sums to one (SRILM's ``-mix-lm``)."""
    M16 = (1 << 16) - 1
    mix = lambda x, y: np.log10(lam * 10.0 ** y + (1 - lam) * 10.0 ** x)  # noqa: E731
    uni = mix(general["uni"] / SCALE, domain["uni"] / SCALE)
    V = len(uni)
    bkeys = np.union1d(general["bkeys"], domain["bkeys"])
    b, c = bkeys >> 16, bkeys & M16
    p2 = mix(_lm_p2(general, b, c), _lm_p2(domain, b, c))
    num = 1 - np.bincount(b, weights=10.0 ** p2, minlength=V)
    den = 1 - np.bincount(b, weights=10.0 ** uni[c], minlength=V)
    ugam = np.where(np.bincount(b, minlength=V) > 0,
                    np.log10(np.maximum(num, 1e-6) / np.maximum(den, 1e-6)), 0.0)
    tkeys = np.union1d(general["tkeys"], domain["tkeys"])
    ta, tb, tc = tkeys >> 32, (tkeys >> 16) & M16, tkeys & M16
    p3 = mix(_lm_p3(general, ta, tb, tc), _lm_p3(domain, ta, tb, tc))
    ctx, inv = np.unique(tkeys >> 16, return_inverse=True)
    p2_of_t = p2[np.searchsorted(bkeys, (tb << 16) | tc)]
    num = 1 - np.bincount(inv, weights=10.0 ** p3)
    den = 1 - np.bincount(inv, weights=10.0 ** p2_of_t)
    bgam = np.zeros(len(bkeys))
    bgam[np.searchsorted(bkeys, ctx)] = np.log10(np.maximum(num, 1e-6) / np.maximum(den, 1e-6))
    print(f"  mixed (lambda {lam}): bigrams {len(bkeys):,}; trigrams {len(tkeys):,}", file=sys.stderr)
    return {"uni": (uni * SCALE).astype(np.int16), "ugam": (ugam * SCALE).astype(np.int16),
            "bkeys": bkeys, "bvals": (p2 * SCALE).astype(np.int16),
            "bgam": (bgam * SCALE).astype(np.int16),
            "tkeys": tkeys, "tvals": (p3 * SCALE).astype(np.int16)}


def capital_share(sents: list[list[str]], vocab: list[str]) -> np.ndarray:
    """P(written with a capital | syllable), x1000, for ids 3..: Quảng is a name, quặng is not."""
    ids = {w: i + 3 for i, w in enumerate(vocab)}
    cap = np.zeros(len(vocab) + 3)
    tot = np.zeros(len(vocab) + 3)
    for s in sents:
        for t in s[1:]:   # a sentence's first word is capitalised whatever it is
            i = ids.get(t.lower())
            if i is not None and not (len(t) > 1 and t.isupper()):
                tot[i] += 1
                cap[i] += t[0].isupper()
    prior = cap.sum() / max(tot.sum(), 1)        # shrink rare words towards the overall share
    return np.round((cap + 3 * prior) / (tot + 3) * 1000).astype(np.int16)


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


def domain_texts(corpus_docs: Path, gold: Path, exclude: list[str]) -> dict[str, str]:
    """In-domain text (plans, not statutes), by document name: the hand-checked ``text`` of
    every ``gold/<id>.json``, and the clean ``corpus/`` documents that have no gold file.
    A document whose name starts with one of ``exclude`` is left out in both forms."""
    out: dict[str, str] = {}
    if gold.exists():
        for g in sorted(gold.glob("*.json")):
            if any(g.name.startswith(e) for e in exclude):
                continue
            text = json.loads(g.read_text(encoding="utf-8")).get("text") or ""
            if text.strip():
                out[g.stem] = text
    if corpus_docs.exists():
        for p in clean_documents(corpus_docs, exclude):
            out.setdefault(p.stem, p.read_text(encoding="utf-8"))
    return out


def gazetteer_sentences(wards: bool = False) -> list[list[str]]:
    """Place names as sentences (``xã Bản Giang, huyện Tam Đường, tỉnh Lai Châu``) from the
    address data that ships with underthesea (see ``extract.header.district_gazetteer``), so that
    the names of provinces, districts and communes are known syllable sequences; each place is
    written once, so they add names without outweighing the text."""
    import importlib.util
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(list(spec.submodule_search_locations)[0]) / "address" / "data" / "mapping.json"
    try:
        records = json.loads(path.read_text(encoding="utf-8")).get("ward_mapping", [])
    except (OSError, ValueError):
        return []
    units = re.compile(r"^(Thành phố|Thị xã|Thị trấn|Tỉnh|Huyện|Quận|Phường|Xã)\s+(.+)$")

    def place(name: str) -> str:
        m = units.match(nfc(name or "").strip())
        return f"{m.group(1).lower()} {m.group(2)}" if m else nfc(name or "").strip()

    lines = set()
    for r in records:
        parts = [place(r.get(k)) for k in ("old_ward", "old_district", "old_province")]
        if wards:
            lines.add(", ".join(p for p in parts if p))
        lines.add(", ".join(p for p in parts[1:] if p))
    return [TOKEN_RE.findall(l) for l in sorted(lines) if l]


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


def build_channel(pages_files: list[Path]) -> dict:
    table: dict[str, Counter] = defaultdict(Counter)
    n = 0
    for line in (l for p in pages_files for l in p.open(encoding="utf-8")):
        page = json.loads(line)
        truth_lines = [l for l in page["truth"] if l.strip()]
        ocr_lines = [l for l in page["ocr"].split("\n") if l.strip()]
        if len(truth_lines) != len(ocr_lines):
            continue
        for t, o in zip(truth_lines, ocr_lines):
            tt = [w for w in re.findall(r"\S+", nfc(t))]
            oo = [w for w in re.findall(r"\S+", nfc(o))]
            for obs, true in align_tokens(tt, oo):
                ob = "".join(ENG_TOKEN_RE.findall(obs)).lower()
                tr = " ".join(TOKEN_RE.findall(true)).lower()
                if ob and tr and not tr[0].isdigit():
                    table[ob][tr] += 1
                    n += 1
    print(f"  channel: {n:,} aligned tokens, {len(table):,} observed forms", file=sys.stderr)
    true_counts: Counter = Counter()
    for obs, c in table.items():
        for tr, k in c.items():
            true_counts[tr] += k
    return {"table": {k: dict(v.most_common(6)) for k, v in table.items() if " " not in k},
            "true_counts": {k: v for k, v in true_counts.items() if " " not in k},
            "rules": learn_rules(table)}


def learn_rules(table: dict[str, Counter]) -> dict[str, dict[str, float]]:
    """Character rewrites observed -> skeleton (``ti`` -> ``u`` as in ctia/của), with
    log10 P(rewrite | observed substring), from the aligned token pairs."""
    from difflib import SequenceMatcher
    ops: Counter = Counter()
    for obs, c in table.items():
        ob = skeleton(obs)
        for tr, k in c.items():
            if " " in tr:
                continue
            sk = skeleton(tr)
            if sk == ob:
                continue
            for tag, i1, i2, j1, j2 in SequenceMatcher(a=ob, b=sk, autojunk=False).get_opcodes():
                if tag == "equal":
                    continue
                if tag == "insert":  # anchor an insertion on the character before it
                    if i1 == 0:
                        continue
                    i1 -= 1
                    j1 -= 1
                if i2 - i1 <= 3 and j2 - j1 <= 3:
                    ops[(ob[i1:i2], sk[j1:j2])] += k
    # how often each observed substring occurs at all (the denominator)
    occ: Counter = Counter()
    subs = {a for a, _ in ops}
    for obs, c in table.items():
        ob = skeleton(obs)
        tot = sum(c.values())
        for sub in subs:
            if sub in ob:
                occ[sub] += ob.count(sub) * tot
    rules: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), k in ops.items():
        p = k / max(occ[a], k)
        if k >= 3 and p >= 0.003:
            rules[a][b] = round(float(np.log10(p)), 3)
    print(f"  rules: {sum(len(v) for v in rules.values())}", file=sys.stderr)
    return dict(rules)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="build the extract.repair model files")
    ap.add_argument("--corpus", type=Path, default=ROOT / "../shared/corpora/vlc-laws")
    ap.add_argument("--docs", type=Path, default=ROOT / "corpus",
                    help="project documents; the clean ones are added to the LM")
    ap.add_argument("--exclude", default="", help="comma-separated document id prefixes to leave out")
    ap.add_argument("--out", type=Path, default=ROOT / "extract/repair/data")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/vnplan-repair-cache"))
    ap.add_argument("--pages", type=int, default=1400,
                    help="rendered pages per print style for the channel model")
    ap.add_argument("--lm-only", action="store_true")
    ap.add_argument("--domain-lambda", type=float, default=0.0,
                    help="interpolate a separate in-domain LM with this weight (0: pool the counts)")
    ap.add_argument("--gold", type=Path, default=ROOT / "gold",
                    help="gold files whose 'text' is added to the LM as in-domain text")
    ap.add_argument("--doc-weight", type=int, default=1,
                    help="how many times the in-domain texts count in the LM")
    ap.add_argument("--gazetteer", action="store_true",
                    help="add underthesea's district names to the LM (off: see the docstring)")
    ap.add_argument("--gazetteer-wards", action="store_true",
                    help="with --gazetteer, add commune/ward names too")
    a = ap.parse_args(argv)
    exclude = [e for e in a.exclude.split(",") if e]
    a.out.mkdir(parents=True, exist_ok=True)

    texts = [p.read_text(encoding="utf-8") for p in sorted(a.corpus.glob("*.txt"))]
    docs = domain_texts(a.docs, a.gold, exclude)
    print(f"corpus: {len(texts)} files; in-domain texts: {sorted(docs)}", file=sys.stderr)
    sents = [s for t in texts for s in sentences(t)]
    # the project's own documents are the domain (plans, not statutes)
    dom = [s for d in docs.values() for s in sentences(d)]
    sents += dom * a.doc_weight
    if a.gazetteer:
        gaz = gazetteer_sentences(a.gazetteer_wards)
        print(f"  gazetteer: {len(gaz):,} place-name sentences", file=sys.stderr)
        sents += gaz
    counts = Counter(t.lower() for s in sents for t in s)
    vocab = build_inventory(counts)
    inv = set(vocab)
    # frequent non-syllable tokens (ubnd, qđ, ttg) get their own LM ids: "UBND tỉnh" is context
    others = sorted((w for w, c in counts.items() if c >= 3 and w not in inv and w.isalpha()),
                    key=lambda w: (-counts[w], w)) + [ABBR]
    print(f"  inventory: {len(vocab):,} syllables; {len(others)} other frequent tokens", file=sys.stderr)
    (a.out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    (a.out / "tokens.txt").write_text("\n".join(others) + "\n", encoding="utf-8")
    lm = build_lm(sents, vocab + others)
    if a.domain_lambda > 0 and dom:
        lm = mix_lms(lm, build_lm(dom, vocab + others), a.domain_lambda)
    np.savez(a.out / "lm.npz", **lm, pcap=capital_share(sents, vocab))

    if not a.lm_only:
        a.cache.mkdir(parents=True, exist_ok=True)
        pages_files = []
        # two print styles: clean laser prints, and varied office scans (bold, skew, speckle)
        for seed, style in ((1, 1), (2, 2)):
            pages_file = a.cache / f"pages-seed{seed}-style{style}-{a.pages}.eng.jsonl"
            if not pages_file.exists():
                import make_ocr_damage
                pages = make_ocr_damage.training_pages(a.corpus, "eng", a.pages, seed=seed, style=style)
                tmp = pages_file.with_suffix(".tmp")
                with open(tmp, "w", encoding="utf-8") as f:
                    for lines, text in pages:
                        f.write(json.dumps({"truth": lines, "ocr": text}, ensure_ascii=False) + "\n")
                tmp.rename(pages_file)
            pages_files.append(pages_file)
        channel = build_channel(pages_files)
        (a.out / "channel.json").write_text(json.dumps(channel, ensure_ascii=False), encoding="utf-8")
    for p in sorted(a.out.iterdir()):
        print(f"  {p.name}: {p.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
