"""Word lists and patterns of the structure readers, as data (`extract/lexicon/*.yaml`).

Owns `load(name)`: the one cached loader of these files. Each file is a mapping whose lists hold
entries with a `why` saying where the entry comes from: Nghị định 30/2020/NĐ-CP (Phụ lục I: the
components of an administrative document and their layout; Phụ lục III: the abbreviations of
document types), Hướng dẫn 36-HD/VPTW (the layout of Party documents), the Law on legal normative
documents (numbering "số/năm/ký hiệu"), or the documents the entry was seen in (the five seeds,
the real development set of ../shared/realdocs). Code reads values from here, never inline lists.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The lexicon file `name` (without `.yaml`), parsed once per process."""
    path = HERE / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a lexicon file is a mapping")
    return data
