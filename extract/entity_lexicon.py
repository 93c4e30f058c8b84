"""The one loader of the entity finders' word lists and rules (`extract/lexicon/entities/*.yaml`).

Each data file is a mapping of named entries; every entry carries a `why` (the decree, or the documents the
words were seen in), which the tests check. Files are read once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "lexicon" / "entities"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The entries of `extract/lexicon/entities/<name>.yaml`."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def names() -> list[str]:
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml"))
