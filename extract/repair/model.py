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
BACKOFF = float(np.log10(0.4))


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
    channel: dict[str, dict[str, int]] = field(default_factory=dict)

    def lm_scores(self, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        """log10 S(c | a b), broadcast over the id arrays."""
        tk = (a << 32) | (b << 16) | c
        ti = np.minimum(np.searchsorted(self.tkeys, tk), len(self.tkeys) - 1)
        thit = self.tkeys[ti] == tk
        bk = np.broadcast_to((b << 16) | c, tk.shape)
        bi = np.minimum(np.searchsorted(self.bkeys, bk), len(self.bkeys) - 1)
        bhit = self.bkeys[bi] == bk
        uni = np.broadcast_to(self.uni[c], tk.shape)
        return np.where(thit, self.tvals[ti],
                        np.where(bhit, self.bvals[bi] + BACKOFF, uni + 2 * BACKOFF))

    def is_valid(self, syl: str) -> bool:
        return syl.lower() in self.ids


def _load(path: Path) -> Model:
    vocab = ["<s>", "<unk>", "<num>"] + (path / "vocab.txt").read_text(encoding="utf-8").split()
    ids = {w: i for i, w in enumerate(vocab) if i >= 3}
    by_skel: dict[str, list[int]] = defaultdict(list)
    for w, i in ids.items():
        by_skel[skeleton(w)].append(i)
    with np.load(path / "lm.npz") as z:
        arrays = {k: z[k] for k in z.files}
    chan_path = path / "channel.json"
    channel = json.loads(chan_path.read_text(encoding="utf-8")) if chan_path.exists() else {}
    return Model(
        vocab=vocab, ids=ids, by_skeleton=dict(by_skel),
        uni=arrays["uni"].astype(np.float64) / SCALE,
        tkeys=arrays["tkeys"], tvals=arrays["tvals"].astype(np.float64) / SCALE,
        bkeys=arrays["bkeys"], bvals=arrays["bvals"].astype(np.float64) / SCALE,
        channel=channel,
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
    trans = model.lm_scores(ids[:-2, :, None, None], ids[1:-1, None, :, None], ids[2:, None, None, :])
    trans = lm_weight * trans + ch[2:, None, None, :]
    m = len(ids)
    delta = np.full((k, k), -np.inf)
    delta[0, 0] = 0.0
    back = np.empty((m, k, k), dtype=np.int64)
    for i in range(2, m):
        tot = delta[:, :, None] + trans[i - 2]     # (h, j, l)
        back[i] = tot.argmax(axis=0)
        delta = np.take_along_axis(tot, back[i][None], axis=0)[0]
    # the last two positions are boundaries (column 0)
    path = np.zeros(m, dtype=np.int64)
    j, l = 0, 0
    for i in range(m - 1, 1, -1):
        h = back[i, j, l]
        path[i] = l
        j, l = h, j
    path[1] = l
    return path[2:-2]
