"""vnplan: OCR and information extraction for Vietnamese government plan documents.

The pipeline (`extract.pipeline`) is a list of small stages: ingest (`extract.ingest`,
`extract.ocr`, `extract.encoding`), repair (`extract.repair`), segment (`extract.segment`),
entities (`extract.entities`), then compare (`extract.compare`) and batch (`extract.batch`).
"""

__version__ = "0.1.0"
