"""The comparison's data files (`extract/compare/data/*.yaml`) and the one cached loader of them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The data file `name` (without `.yaml`), parsed once per process."""
    with (HERE / f"{name}.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{HERE / name}.yaml: a data file is a mapping")
    return data


def first_match(entries: list[dict], folded: str, default: str | None = None) -> str | None:
    """The id (or value) of the first entry one of whose phrases occurs in `folded`."""
    for entry in entries:
        if any(p in folded for p in entry["phrases"]):
            return entry.get("id", entry.get("value"))
    return default


def subject_labels() -> dict[str, str]:
    return {s["id"]: s["label"] for s in load("lexicon")["subjects"]}


def family_labels() -> dict[str, str]:
    return {s["id"]: s["label"] for s in load("lexicon")["families"]}


def scope_labels() -> dict[str, str]:
    return {"whole": "toàn địa bàn", **{s["id"]: s["label"] for s in load("lexicon")["scopes"]}}


def short_label(kind: str, key: str) -> str:
    """The short name of a family or scope (archive column headers)."""
    if kind == "scopes" and key == "whole":
        return "cả địa bàn"
    for entry in load("lexicon")[kind]:
        if entry["id"] == key:
            return entry.get("short", entry["label"])
    return key
