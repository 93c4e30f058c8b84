"""The pydantic data model of vnplan's output (see `models.document`)."""

from models.document import (  # noqa: F401
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
