"""Document structure: header metadata and the section tree.

Owns `segment(text) -> Segmented`, the stage between repair and entity extraction: the numbered
outline of the body (`extract.outline`) and the administrative header, signature and recipients
(`extract.header`). Both follow the conventions of gold/README.md and tolerate the residual OCR
damage that repair leaves ("MUC ĐÍCH", "TIEU CHUAN"); doubtful readings come back as warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.header import read_header
from extract.outline import closing_start, outline, recipients_start
from models import Metadata, Section, Warning


@dataclass
class Segmented:
    metadata: Metadata
    sections: list[Section] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def segment(text: str) -> Segmented:
    sections, warnings = outline(text)
    body_start = sections[0].start if sections else closing_start(text)
    closing = min(sections[-1].end if sections else closing_start(text), recipients_start(text, body_start))
    header = read_header(text, body_start, closing)
    return Segmented(header.metadata, sections, header.warnings + warnings)
