"""The comparison report of `vnplan compare`: a plan set against a national or reference plan.

A report says, for each thing analysts check, what the reference has, what the plan has, a
verdict and the reason in words: targets typed by their meaning (`TypedTarget`) and judged
stricter / looser / same / missing / extra / not comparable; the citation chain up to the national
decision; the subjects of emulation and whether the plan sets criteria for them; sections by
label; the review and reporting calendar; passages of matching sections aligned by similarity.
`findings` repeats every verdict as one flat row (the table of the Markdown report). The archive
view (`ArchiveReport`) holds one row per plan of a batch. JSON Schema: `comparison_json_schema()`
(committed as models/comparison-report.schema.json, `make schema`).
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from vnplan.models.document import Model, TargetValue

COMPARE_SCHEMA_VERSION = "2.0"

ReferenceTarget = TargetValue

Measure = Literal["yearly_change", "level", "multiplier", "share", "count", "other"]
Verdict = Literal["stricter", "looser", "same", "missing", "extra", "not_comparable"]
Status = Literal["match", "differs", "missing", "extra", "unknown", "stricter", "looser", "same",
                 "not_comparable", "flagged", "present", "not_applicable", "by_reference", "undated"]


class TypedTarget(Model):
    """A target read for its meaning: what is measured, over which units, in which unit."""

    family: str = Field(description="what is measured: poverty_rate, income, poor_area_exit, ... (extract/compare/data/lexicon.yaml)")
    measure: Measure = Field(description="yearly_change: points or percent a year; level: a level to reach by a year; "
                             "multiplier: times a base year; share: share of units reaching a status; count: an absolute number")
    scope: str = Field(description="whole (the plan's area), poor_areas, ethnic_minority, ...")
    unit: str = Field(description="points (percentage points), percent, times, households, ...")
    direction: Literal["decrease", "increase", "reach", "maintain"]
    value: float
    value_max: Optional[float] = None
    more_than: bool = Field(default=False, description="the value is a floor ('trên 3 điểm')")
    by_year: Optional[int] = None
    base_year: Optional[int] = None
    indicator: str
    text: Optional[str] = Field(default=None, description="the plan's words, where the target comes from a text")
    start: Optional[int] = None
    end: Optional[int] = None
    page: Optional[int] = None
    notes: list[str] = Field(default_factory=list, description="how the target was read (e.g. '%/năm on a rate read as points')")


class ReferenceProfile(Model):
    """What is known of a reference plan: from a full text run through the pipeline, or a summary."""

    key: Optional[str] = None
    name: str
    source: Literal["summary", "full text"]
    issuer: Optional[str] = None
    date: Optional[str] = None
    movement: Optional[str] = None
    period_start: Optional[int] = None
    period_end: Optional[int] = None
    targets: list[ReferenceTarget] = Field(default_factory=list)
    typed_targets: list[TypedTarget] = Field(default_factory=list)
    milestones: dict[str, int] = Field(default_factory=dict, description="so_ket / tong_ket -> year")
    subjects: list[str] = Field(default_factory=list, description="subjects of emulation whose criteria the reference sets")
    section_labels: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    path: Optional[str] = Field(default=None, description="the reference document, for a full text")


class Finding(Model):
    """One verdict as a flat row (the Markdown table); the structured parts below hold the detail."""

    aspect: Literal["citation", "period", "movement", "target", "milestone", "section", "subject", "calendar"]
    status: Status
    reference: Optional[str] = None
    plan: Optional[str] = None
    detail: str
    plan_span: Optional[dict] = Field(default=None, description="start/end/page of the plan's item, where there is one")


class TargetComparison(Model):
    verdict: Verdict
    reason: str = Field(description="the judgement in words: '3 points a year against 1-1.5: stricter'")
    reference: Optional[TypedTarget] = None
    plan: Optional[TypedTarget] = None


class ChainStep(Model):
    key: str
    title: Optional[str] = None
    relation: Optional[str] = None
    how: Literal["cited", "archive", "reference text", "movement name"] = Field(
        description="how this link was established: the plan cites it; the cited plan is in the batch and cites it; "
        "the words of the citation name the movement and period it implements")
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class CitationChain(Model):
    reaches: Optional[str] = Field(default=None, description="the national decision the chain reaches (key), if any")
    expected: Optional[str] = Field(default=None, description="the national decision for the plan's period")
    steps: list[ChainStep] = Field(default_factory=list, description="from the plan's citation up to the national decision")
    status: Literal["direct", "indirect", "none", "wrong_decision"]
    detail: str


class SubjectComparison(Model):
    subject: str
    label: str
    status: Literal["present", "missing", "not_applicable", "by_reference", "extra"]
    in_reference: bool
    criteria: bool = Field(description="the plan sets criteria for it (a heading of its standards section)")
    content: bool = Field(description="the plan gives it emulation content")
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    detail: str


class SectionComparison(Model):
    label: str
    status: Literal["match", "missing", "extra"]
    reference_heading: Optional[str] = None
    plan_heading: Optional[str] = None
    plan_start: Optional[int] = None
    plan_end: Optional[int] = None
    reference_start: Optional[int] = None
    reference_end: Optional[int] = None


class CalendarItem(Model):
    kind: Literal["so_ket", "tong_ket", "yearly_report", "periodic_report"]
    year: Optional[int] = None
    date: Optional[str] = None
    text: str
    start: int
    end: int


class CalendarComparison(Model):
    kind: Literal["so_ket", "tong_ket", "yearly_report", "periodic_report"]
    status: Literal["same", "differs", "missing", "extra", "undated"]
    reference: Optional[str] = None
    plan: Optional[str] = None
    plan_item: Optional[CalendarItem] = None
    detail: str


class AlignedPassage(Model):
    plan_start: int
    plan_end: int
    reference_start: int
    reference_end: int
    score: float = Field(description="mean of rapidfuzz token_set_ratio and token_sort_ratio over folded syllables, 0-100")
    plan_text: str
    reference_text: str


class SectionAlignment(Model):
    label: str
    score: float = Field(description="mean score of the plan's passages against their best reference passage")
    passages: list[AlignedPassage] = Field(default_factory=list)


class PlanSummary(Model):
    path: str
    title: Optional[str] = None
    issuer: Optional[str] = None
    level: Optional[str] = Field(default=None, description="province, district, commune, department, ministry, national")
    key: Optional[str] = None
    date: Optional[str] = None
    period_start: Optional[int] = None
    period_end: Optional[int] = None


class ComparisonReport(Model):
    compare_schema_version: str = COMPARE_SCHEMA_VERSION
    plan_path: str
    plan_title: Optional[str] = None
    plan_issuer: Optional[str] = None
    plan: Optional[PlanSummary] = None
    against: ReferenceProfile
    chosen_by: str = Field(description="why this reference was chosen (given, or how 'auto' decided)")
    chain: Optional[CitationChain] = None
    targets: list[TargetComparison] = Field(default_factory=list)
    subjects: list[SubjectComparison] = Field(default_factory=list)
    sections: list[SectionComparison] = Field(default_factory=list)
    calendar: list[CalendarComparison] = Field(default_factory=list)
    alignments: list[SectionAlignment] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    summary: dict[str, int] = Field(default_factory=dict)


class ArchiveRow(Model):
    id: str
    path: str
    page: Optional[str] = Field(default=None, description="the plan's comparison page, relative to the archive page")
    plan: PlanSummary
    reference: Optional[str] = None
    chosen_by: Optional[str] = None
    chain: Optional[str] = None
    cells: dict[str, str] = Field(default_factory=dict, description="column id -> verdict (stricter, looser, missing, ...)")
    error: Optional[str] = None


class ArchiveColumn(Model):
    id: str
    label: str
    short: Optional[str] = Field(default=None, description="a header a few words long; `label` is its tooltip")
    kind: Literal["target", "subject", "calendar"]


class ArchiveReport(Model):
    compare_schema_version: str = COMPARE_SCHEMA_VERSION
    folder: str
    columns: list[ArchiveColumn] = Field(default_factory=list)
    rows: list[ArchiveRow] = Field(default_factory=list)


def comparison_json_schema() -> dict:
    schema = ComparisonReport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://vnplan.invalid/schema/compare/{COMPARE_SCHEMA_VERSION}/comparison-report.json"
    schema["title"] = "vnplan ComparisonReport"
    return schema
