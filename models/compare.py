"""The comparison report of `vnplan compare`: a plan set against a national or reference plan."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from models.document import Model, TargetValue

ReferenceTarget = TargetValue


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
    milestones: dict[str, int] = Field(default_factory=dict, description="so_ket / tong_ket -> year")
    section_labels: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class Finding(Model):
    aspect: Literal["citation", "period", "movement", "target", "milestone", "section"]
    status: Literal["match", "differs", "missing", "extra", "unknown"]
    reference: Optional[str] = None
    plan: Optional[str] = None
    detail: str
    plan_span: Optional[dict] = Field(default=None, description="start/end/page of the plan's item, where there is one")


class ComparisonReport(Model):
    plan_path: str
    plan_title: Optional[str] = None
    plan_issuer: Optional[str] = None
    against: ReferenceProfile
    chosen_by: str = Field(description="why this reference was chosen (given, or how 'auto' decided)")
    findings: list[Finding] = Field(default_factory=list)
    summary: dict[str, int] = Field(default_factory=dict)
