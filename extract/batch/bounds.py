"""The bounds one document may use in a batch, with their documented defaults.

A document over a bound is recorded as failed with the bound it broke, and the batch goes on.
Time and memory are enforced from outside the document's worker (the parent kills the worker's
process group) and inside it (an address-space limit, so a bomb fails on allocation instead of
growing past the machine); pages, pixels, archive parts and text length are checked by the
stages that meet them (`OcrOptions` carries them).
"""

from __future__ import annotations

import resource
from dataclasses import dataclass

MiB = 1 << 20


@dataclass(frozen=True)
class Bounds:
    seconds: float = 900.0  # wall time for one document (a 34-page scan takes about 3 minutes on one core)
    memory: int = 1536 * MiB  # address space of a document's worker (a worker starts at about 300 MiB)
    pages: int = 2000  # pages of one PDF / frames of one image
    pixels: int = 60_000_000  # pixels of one rendered page (A4 at 300 dpi is 8.7 M; A0 at 200 dpi 48 M)
    part_bytes: int = 256 * MiB  # uncompressed size of the parts of a .docx/.xlsx archive
    chars: int = 5_000_000  # characters of one document's text (longer: refused; up to it: processed in chunks)

    def describe(self) -> str:
        return (f"{self.seconds:g} s, {self.memory // MiB} MiB, {self.pages} pages, {self.pixels / 1e6:g} Mpx per page, "
                f"{self.part_bytes // MiB} MiB of archive parts, {self.chars} characters")


def limit_worker_memory(limit: int) -> None:
    """Cap the address space of this process (and of the Tesseract it starts)."""
    if limit <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
