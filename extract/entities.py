"""What a plan commits to: legal references, deadlines, responsibilities, targets.

Owns `extract_entities(text, sections) -> Entities`. The work is a spaCy pipeline (`extract.nlp`):
a blank Vietnamese pipeline whose components find each kind of item and leave them, with their
spans, in `doc.spans`. This function runs it and hands back typed items whose offsets point into
`text` (`text[item.start:item.end] == item.text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnplan.models import Deadline, LegalReference, Responsibility, Section, Target, Warning


@dataclass
class Entities:
    legal_references: list[LegalReference] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def extract_entities(text: str, sections: list[Section]) -> Entities:
    from vnplan.nlp import run_pipeline

    return run_pipeline(text, sections)
