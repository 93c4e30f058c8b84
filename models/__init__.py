"""The pydantic data model of vnplan's output (see `models.document`)."""

from vnplan.models.document import (
    SCHEMA_VERSION,
    Deadline,
    LegalReference,
    Metadata,
    PageInfo,
    PageQuality,
    PlanDocument,
    Quality,
    Responsibility,
    Section,
    Source,
    Span,
    Target,
    Warning,
    json_schema,
)

__all__ = [
    "SCHEMA_VERSION", "Deadline", "LegalReference", "Metadata", "PageInfo", "PageQuality", "PlanDocument",
    "Quality", "Responsibility", "Section", "Source", "Span", "Target", "Warning", "json_schema",
]
