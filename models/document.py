"""The output document of vnplan: the contract other systems consume (../shared/contract.md).

Every model forbids unknown fields, so a misspelt key fails loudly instead of being dropped.
Every extracted item is a `Span`: its surface `text`, `start`/`end` offsets into the document's
repaired `text`, its `page`, and a `confidence`. The JSON Schema (`vnplan schema`) is generated
from these classes and versioned by `SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

SectionLabel = Literal[
    "muc_dich_yeu_cau",
    "chu_de",
    "noi_dung",
    "giai_phap",
    "tieu_chuan",
    "khen_thuong",
    "tien_do",
    "to_chuc_thuc_hien",
    "other",
]
SourceKind = Literal["pdf_text", "pdf_scan", "image", "txt", "docx", "doc", "rtf"]
# decoded: a PDF text layer whose glyph ids were mapped back to letters (no ToUnicode map);
# legacy_font: runs drawn in a TCVN3/VNI font, converted by the font's name
PageMethod = Literal["text_layer", "decoded", "legacy_font", "ocr", "txt", "docx", "doc", "rtf"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """Where an item was found: `document.text[start:end] == text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: Optional[int] = Field(default=None, ge=1, description="1-based page, null where unknown")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    raw_start: Optional[int] = Field(
        default=None, description="offset in the text before repair (what `vnplan ocr` prints) where the item begins"
    )
    raw_end: Optional[int] = None


class PageInfo(Model):
    number: int = Field(ge=1)
    method: PageMethod
    start: int = Field(ge=0, description="offset of the page's first character in `text`")
    end: int = Field(ge=0)
    ocr_confidence: Optional[float] = Field(default=None, description="mean Tesseract word confidence, 0-100")
    text_layer_rejected: Optional[str] = Field(default=None, description="why a text layer was not kept")
    reason: Optional[str] = Field(default=None, description="why this method was chosen for the page (triage)")


class Source(Model):
    path: str
    sha256: str
    kind: SourceKind
    pages: int = Field(ge=0)
    encoding: Optional[str] = Field(default=None, description="as detected: utf-8, utf-16, cp1258, tcvn3, vni, ...")
    page_info: list[PageInfo] = Field(default_factory=list)


class Metadata(Model):
    doc_type: Optional[str] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    issuer: Optional[str] = None
    issuer_parent: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = Field(default=None, description="ISO 8601; partial (YYYY-MM) when the day is blank")
    title: Optional[str] = None
    movement: Optional[str] = None
    period_start: Optional[int] = None
    period_end: Optional[int] = None
    signer_name: Optional[str] = None
    signer_title: Optional[str] = None
    recipients: list[str] = Field(default_factory=list)
    spans: dict[str, Span] = Field(default_factory=dict, description="where each field was read")


class Section(Model):
    label: SectionLabel
    labels: list[SectionLabel] = Field(default_factory=list)
    number: str
    heading: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: Optional[int] = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    children: list["Section"] = Field(default_factory=list)


class LegalReference(Span):
    doc_type: Optional[str] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    key: Optional[str] = Field(default=None, description='"1258/QĐ-TTg"; for a short form ("Quyết định nêu trên") the key of the document it resolves to, '
        "null when it cannot be resolved")
    date: Optional[str] = None
    issuer: Optional[str] = None
    relation: Literal["can_cu", "thuc_hien", "theo", "other"] = "other"
    resolved_to: Optional[str] = Field(default=None, description="key of the document a short form refers to")


class Deadline(Span):
    kind: Literal["before", "on", "by", "during", "from"]
    date: Optional[str] = Field(default=None, description='Normalised as precise as the text (ISO 8601): a day "2026-04-15", '
        'a month "2026-05", a year "2026", a quarter "2026-Q3", an interval start/end "2024/2025" or "2026-Q3/2026-Q4", '
        'every year "--12-10" (a month every year "--12", a span of days every year "--01-01/--12-31"), every month "---20"; '
        'null when it cannot be read (with a warning)')
    year: Optional[int] = Field(default=None, description="the first year the expression names")
    year_end: Optional[int] = Field(default=None, description="the last year of an interval")
    recurrence: Optional[Literal["yearly", "quarterly", "monthly"]] = None
    action: Optional[str] = None
    responsible: list[str] = Field(default_factory=list)


class Responsibility(Span):
    body: str
    role: Literal["lead", "coordinate", "implement", "report", "advise", "monitor"]
    task: Optional[str] = None


class TargetValue(Model):
    """A numeric goal, without its place in a text (also used by reference profiles)."""

    indicator: str
    direction: Literal["decrease", "increase", "reach", "maintain"]
    value: float
    value_max: Optional[float] = None
    unit: str
    per: Optional[Literal["year"]] = None
    by_year: Optional[int] = None
    scope: Optional[str] = None


class Target(TargetValue, Span):
    pass


class Warning(Model):
    code: str
    message: str
    span: Optional[Span] = None


class PageQuality(Model):
    page: int
    method: PageMethod
    ocr_confidence: Optional[float] = None


class Quality(Model):
    pages: list[PageQuality] = Field(default_factory=list)
    damage: Optional[str] = Field(default=None, description="kind of damage repair detected")
    repair_changed_syllables: int = 0
    repair_changed_share: float = 0.0
    syllables: int = 0
    valid_syllable_share: float = Field(default=0.0, description="share of syllables that are valid Vietnamese after repair")


class PlanDocument(Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    metadata: Metadata = Field(default_factory=Metadata)
    text: str
    sections: list[Section] = Field(default_factory=list)
    legal_references: list[LegalReference] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    quality: Quality = Field(default_factory=Quality)


def json_schema() -> dict:
    schema = PlanDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://vnplan.invalid/schema/{SCHEMA_VERSION}/plan-document.json"
    schema["title"] = "vnplan PlanDocument"
    return schema
