"""The repair model: syllable inventory, trigram language model, OCR channel tables.

Loaded lazily once per process from ``extract/repair/data`` (or ``$VNPLAN_REPAIR_MODEL``), built
by ``scripts/build_repair_model.py``. The language model is a stupid-backoff trigram model over
lowercase syllable ids, stored as sorted int64 keys so that a whole lattice is scored with one
``searchsorted`` per n-gram order.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .syllables import skeleton

DATA_DIR = Path(__file__).resolve().parent / "data"
BOUNDARY, UNK, NUM = 0, 1, 2
SCALE = 1000.0


@dataclass
class Model:
    vocab: list[str]                      # id -> syllable (ids 0..2 reserved)
    ids: dict[str, int]
    by_skeleton: dict[str, list[int]]     # skeleton -> syllable ids, most frequent first
    uni: np.ndarray                       # id -> log10 P(w)
    tkeys: np.ndarray
    tvals: np.ndarray
    bkeys: np.ndarray
    bvals: np.ndarray
    bgam: np.ndarray                      # log10 backoff weight of each bigram as a context
    ugam: np.ndarray                      # log10 backoff weight of each word as a context
    channel: dict = field(default_factory=dict)
    pcap: np.ndarray | None = None        # id -> P(written with a capital | syllable)
    n_syllables: int = 0                  # ids 3 .. 3+n_syllables-1 are syllables; then tokens

    def lm_scores(self, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        """log10 P(c | a b) (interpolated Kneser-Ney), broadcast over the id arrays."""
        tk = (a << 32) | (b << 16) | c
        ti = _find(self.tkeys, tk)
        thit = self.tkeys[ti] == tk
        bc = (b << 16) | c
        bi = _find(self.bkeys, bc)
        bhit = self.bkeys[bi] == bc
        ab = (a << 16) | b
        ci = _find(self.bkeys, ab)
        gam3 = np.where(self.bkeys[ci] == ab, self.bgam[ci], 0.0)
        p2 = np.where(bhit, self.bvals[bi], self.ugam[b] + self.uni[c])
        return np.where(thit, self.tvals[ti], gam3 + p2)

    def lattice_scores(self, ids: np.ndarray, live: np.ndarray) -> np.ndarray:
        """log10 P(c | a b) for every (a, b, c) of consecutive lattice columns: (m-2, K, K, K).

        Bigrams are looked up once per adjacent pair (they serve both as the (b, c) of one
        position and the (a, b) context of the next), trigrams only where both bigrams exist.
        """
        m, k = ids.shape
        pair_live = live[:-1, :, None] & live[1:, None, :]               # (m-1, K, K)
        pk = ((ids[:-1, :, None] << 16) | ids[1:, None, :])[pair_live]
        pi = _find(self.bkeys, pk)
        phit = self.bkeys[pi] == pk
        p2 = np.full((m - 1, k, k), -np.inf)
        gam = np.zeros((m - 1, k, k))
        # P2(c|b) for a seen bigram, else gamma(b) * p_cont(c)
        b_ids = np.broadcast_to(ids[:-1, :, None], (m - 1, k, k))[pair_live]
        c_ids = np.broadcast_to(ids[1:, None, :], (m - 1, k, k))[pair_live]
        p2[pair_live] = np.where(phit, self.bvals[pi], self.ugam[b_ids] + self.uni[c_ids])
        gam[pair_live] = np.where(phit, self.bgam[pi], 0.0)
        seen = np.zeros((m - 1, k, k), dtype=bool)
        seen[pair_live] = phit
        trans = gam[:-1, :, :, None] + p2[1:, None, :, :]               # (m-2, K, K, K)
        tri = seen[:-1, :, :, None] & seen[1:, None, :, :]
        if tri.any():
            shape = trans.shape
            tk = ((np.broadcast_to(ids[:-2, :, None, None], shape)[tri] << 32)
                  | (np.broadcast_to(ids[1:-1, None, :, None], shape)[tri] << 16)
                  | np.broadcast_to(ids[2:, None, None, :], shape)[tri])
            ti = _find(self.tkeys, tk)
            hit = self.tkeys[ti] == tk
            sub = trans[tri]
            sub[hit] = self.tvals[ti[hit]]
            trans[tri] = sub
        return trans

    def is_valid(self, syl: str) -> bool:
        return 3 <= self.ids.get(syl.lower(), 0) < 3 + self.n_syllables

    def token_id(self, tok: str) -> int:
        """LM id of a token kept as it is: a number, a known word, an abbreviation, unknown."""
        if tok[:1].isdigit():
            return NUM
        i = self.ids.get(tok.lower())
        if i is not None:
            return i
        if len(tok) > 1 and tok.isupper():
            return self.ids.get("<abbr>", UNK)
        return UNK

    def is_syllable_id(self, i: int) -> bool:
        return 3 <= i < 3 + self.n_syllables


def _find(keys: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Index of each query in the sorted ``keys`` (clipped); sorted queries search ~5x faster."""
    q = q.ravel()
    order = np.argsort(q, kind="stable")
    out = np.empty(len(q), dtype=np.int64)
    out[order] = np.searchsorted(keys, q[order])
    return np.minimum(out, len(keys) - 1)


def _load(path: Path) -> Model:
    syls = (path / "vocab.txt").read_text(encoding="utf-8").split()
    tok_path = path / "tokens.txt"
    others = tok_path.read_text(encoding="utf-8").split() if tok_path.exists() else []
    vocab = ["<s>", "<unk>", "<num>"] + syls + others
    ids = {w: i for i, w in enumerate(vocab) if i >= 3}
    by_skel: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(syls, start=3):
        by_skel[skeleton(w)].append(i)
    with np.load(path / "lm.npz") as z:
        arrays = {k: z[k] for k in z.files}
    chan_path = path / "channel.json"
    channel = json.loads(chan_path.read_text(encoding="utf-8")) if chan_path.exists() else {}
    return Model(
        vocab=vocab, ids=ids, by_skeleton=dict(by_skel), n_syllables=len(syls),
        uni=arrays["uni"].astype(np.float64) / SCALE,
        tkeys=arrays["tkeys"], tvals=arrays["tvals"].astype(np.float64) / SCALE,
        bkeys=arrays["bkeys"], bvals=arrays["bvals"].astype(np.float64) / SCALE,
        bgam=arrays["bgam"].astype(np.float64) / SCALE, ugam=arrays["ugam"].astype(np.float64) / SCALE,
        channel=channel,
        pcap=(np.pad(arrays["pcap"].astype(np.float64) / 1000.0, (0, len(vocab) - len(arrays["pcap"])),
                     constant_values=0.5) if "pcap" in arrays else None),
    )


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    return _load(Path(path or os.environ.get("VNPLAN_REPAIR_MODEL") or DATA_DIR))


def viterbi(model: Model, cands: np.ndarray, chan: np.ndarray, lm_weight: float = 1.0) -> np.ndarray:
    """Best path through a lattice of syllable ids.

    ``cands`` (n, K) int64 ids and ``chan`` (n, K) channel log10 scores (-inf for padding).
    Returns the chosen column per position. Two boundary positions are added at each end, so
    the sentence start and end are scored by the trigram model too.
    """
    n, k = cands.shape
    pad_ids = np.full((2, k), BOUNDARY, dtype=np.int64)
    pad_ch = np.full((2, k), -np.inf)
    pad_ch[:, 0] = 0.0
    ids = np.vstack([pad_ids, cands, pad_ids])
    ch = np.vstack([pad_ch, chan, pad_ch])
    live = ch > -np.inf
    lm = model.lattice_scores(ids, live)
    # an unknown word or abbreviation kept as it is: how likely it is after each candidate says
    # more about the law corpus than about the text, so it does not take part in the choice
    first = ids[2:, 0]
    opaque = ((first == UNK) | (first >= 3 + model.n_syllables)) & (live[2:].sum(axis=1) == 1)
    lm[opaque] = np.where(np.isfinite(lm[opaque]), 0.0, -np.inf)
    trans = lm_weight * lm + ch[2:, None, None, :]
    m = len(ids)
    delta = np.full((k, k), -np.inf)
    delta[0, 0] = 0.0
    back = np.empty((m, k, k), dtype=np.int64)
    for i in range(2, m):
        tot = delta[:, :, None] + trans[i - 2]     # (h, j, l)
        back[i] = tot.argmax(axis=0)
        delta = tot.max(axis=0)
    # the last two positions are boundaries (column 0)
    path = np.zeros(m, dtype=np.int64)
    j, l = 0, 0
    for i in range(m - 1, 1, -1):
        h = back[i, j, l]
        path[i] = l
        j, l = h, j
    path[1] = l
    return path[2:-2]
