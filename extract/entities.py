"""What a plan commits to: legal references, deadlines, responsibilities, targets (first version).

Owns `extract_entities(text, sections) -> Entities`; every item carries its span in `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models import Deadline, LegalReference, Responsibility, Section, Target, Warning

_REF = re.compile(r"(?P<type>Quyết định|Kế hoạch|Nghị quyết|Công văn|Hướng dẫn)\s+(?:số\s+)?(?P<num>\d+)(?P<sep>[/-])(?P<sym>[A-ZĐ][A-ZĐa-z&/-]*[A-ZĐ])")


@dataclass
class Entities:
    legal_references: list[LegalReference] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def extract_entities(text: str, sections: list[Section]) -> Entities:
    refs = [
        LegalReference(
            text=m.group(0), start=m.start(), end=m.end(), doc_type=m["type"], number=m["num"],
            symbol=m["sym"], key=f"{m['num']}{m['sep']}{m['sym']}",
        )
        for m in _REF.finditer(text)
    ]
    return Entities(legal_references=refs)
