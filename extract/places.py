"""Vietnam's administrative units, as the address data shipped with underthesea records them.

Owns the one place that reads that file: the province and district names (before the 2025
reform, the units that issued the plans in the archive) that `extract.structure.placenames` uses to restore
the spelling of a damaged place name and `extract.repair.names` uses as a document lexicon.
Empty when the installed underthesea has no such data; callers then rely on the document alone.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def address_records() -> tuple[dict, ...]:
    """The `ward_mapping` records (old_province, old_district, ...) of underthesea's address data."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return ()
    path = Path(list(spec.submodule_search_locations)[0]) / "address" / "data" / "mapping.json"
    try:
        return tuple(json.loads(path.read_text(encoding="utf-8")).get("ward_mapping", []))
    except (OSError, ValueError):
        return ()
