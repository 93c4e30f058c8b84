"""The entity finders' word lists and rules (`extract/lexicon/entities/*.yaml`), read through the one lexicon
loader (`extract.lexicon.load`).

Each data file is a mapping of named entries; every entry carries a `why` (the decree, or the documents the
words were seen in), which the tests check.
"""

from __future__ import annotations

from vnplan.lexicon import HERE
from vnplan.lexicon import load as _load

DATA_DIR = HERE / "entities"


def load(name: str) -> dict:
    """The entries of `extract/lexicon/entities/<name>.yaml`."""
    return _load(f"entities/{name}")


def names() -> list[str]:
    return sorted(p.stem for p in DATA_DIR.glob("*.yaml"))
