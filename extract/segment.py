"""Document structure: header metadata and the section tree (first version).

Owns `segment(text) -> Segmented`: the administrative header (issuer, number, date, title,
period, signer, recipients) and the numbered outline of the body as a tree of `Section`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models import Metadata, Section, Warning

_ROMAN_HEADING = re.compile(r"^(?P<num>[IVX]{1,4})\.\s+(?P<head>[^\n]+)$", re.M)


@dataclass
class Segmented:
    metadata: Metadata
    sections: list[Section] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def segment(text: str) -> Segmented:
    matches = list(_ROMAN_HEADING.finditer(text))
    sections = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        sections.append(Section(label="other", number=m["num"], heading=m["head"].strip(), start=m.start(), end=end))
    return Segmented(Metadata(), sections)
