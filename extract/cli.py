"""The `vnplan` command line (contract: ../shared/contract.md).

Exit codes: 0 success; 1 internal error; 2 usage error; 3 input unreadable or unsupported (one
line naming the file and the reason, no traceback); 4 batch partial success; 5 output not
writable; 6 missing dependency (Tesseract or its language data); 130 interrupted. `--debug` prints tracebacks.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from vnplan.errors import ExitCode, InputError, MissingDependency, OutputError, VnplanError

app = typer.Typer(
    name="vnplan",
    help="OCR and information extraction for Vietnamese government plan documents (Kế hoạch).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}


def _fail(code: ExitCode, message: str) -> None:
    typer.echo(f"vnplan: error: {message}", err=True)
    raise typer.Exit(int(code))


def _guard(fn):
    """Turn our exceptions into one-line messages and documented exit codes."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except InputError as exc:
            if _state["debug"]:
                raise
            _fail(ExitCode.input_error, f"{exc.path}: {exc.reason}")
        except (OutputError, MissingDependency) as exc:
            if _state["debug"]:
                raise
            _fail(exc.exit_code, str(exc))
        except KeyboardInterrupt:
            _fail(ExitCode.interrupted, "interrupted")
        except VnplanError as exc:  # each failure kind has its exit code (errors.py): 130/143 when interrupted
            if _state["debug"]:
                raise
            _fail(exc.exit_code, str(exc))
        except RuntimeError as exc:
            if _state["debug"]:
                raise
            _fail(ExitCode.internal_error, str(exc))

    return wrapper


def _version(value: bool) -> None:
    if value:
        from vnplan import __version__
        from vnplan.ocr import tesseract_version

        try:
            engine = f"Tesseract {tesseract_version()}"
        except Exception:  # Tesseract missing: the version line still prints
            engine = "Tesseract not found"
        typer.echo(f"vnplan {__version__} ({engine})")
        raise typer.Exit()


@app.callback()
def main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks instead of one-line errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    _state["debug"] = debug
    # pdfminer logs its parser's doubts about damaged PDFs as warnings on stderr; a user gets one
    # line per failure from vnplan instead (and everything with --debug).
    import logging

    logging.getLogger("pdfminer").setLevel(logging.DEBUG if debug else logging.ERROR)


def _ocr_options(lang: str, jobs: int, dpi: int, timeout: float, force_ocr: bool = False, mode: "OcrMode" = None):
    from vnplan.ingest import OcrOptions

    if jobs < 1:
        raise typer.BadParameter("--jobs must be at least 1")
    if not 30 <= dpi <= 1200:
        raise typer.BadParameter(f"--dpi must be between 30 and 1200 (got {dpi})")
    if timeout <= 0:
        raise typer.BadParameter("--page-timeout must be positive")
    return OcrOptions(lang=lang, jobs=jobs, dpi=dpi, timeout=timeout, force_ocr=force_ocr,
                      mode=mode.value if mode is not None else "auto")


JOBS = typer.Option(1, "--jobs", "-j", help="Pages (ocr, extract) or documents (batch) processed in parallel.")
LANG = typer.Option("vie", "--lang", "-l", help="Tesseract language(s), e.g. vie or vie+eng.")
DPI = typer.Option(300, "--dpi", help="Resolution at which PDF pages are rendered for OCR.")
TIMEOUT = typer.Option(180.0, "--page-timeout", help="Seconds allowed to OCR one page.")


class OcrMode(str, Enum):
    """OCRmyPDF 17's --mode (extract.pdflayer)."""

    auto = "auto"
    force = "force"
    skip = "skip"
    redo = "redo"


MODE = typer.Option(
    OcrMode.auto, "--mode",
    help="PDF pages: auto (keep a Vietnamese layer, decode or convert broken ones, OCR the rest), force (OCR every "
    "page), skip (never OCR a page that has a text layer), redo (OCR pages whose layer is OCR output).",
)


class OutputType(str, Enum):
    """OCRmyPDF's --output-type, pdfa the default as there (extract/pdfa.py)."""

    pdfa = "pdfa"
    pdf = "pdf"


@app.command()
@_guard
def ocr(
    input: Path = typer.Argument(..., help="PDF, image (PNG, JPEG, TIFF) or text file."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the text here (default: stdout); a name ending in .pdf writes a searchable PDF."),
    lang: str = LANG,
    jobs: int = JOBS,
    dpi: int = DPI,
    page_timeout: float = TIMEOUT,
    force_ocr: bool = typer.Option(False, "--force-ocr", help="OCR every page even if it has a good text layer (= --mode force)."),
    mode: OcrMode = MODE,
    output_type: OutputType = typer.Option(
        OutputType.pdfa, "--output-type",
        help="With -o NAME.pdf: pdfa (PDF/A-2b, validated; a plain PDF and a warning saying why where the input "
        "has what PDF/A forbids, e.g. encryption or JavaScript) or pdf (plain PDF; unchanged input stays byte for byte).",
    ),
) -> None:
    """Text of a document: the text layer where a page has a usable one, Tesseract where not.

    Pages are separated by a form feed. With `-o NAME.pdf`, a searchable PDF: the original pages,
    the OCR'd ones with an invisible layer of the repaired text (extract/searchable.py), as PDF/A-2b
    unless `--output-type pdf` (extract/pdfa.py).
    """
    from vnplan.ingest import ingest
    from vnplan.output import write_text_or_stdout

    if output is not None and output.suffix.lower() == ".pdf":
        from vnplan.searchable import write_searchable_pdf

        made = write_searchable_pdf(input, output, _ocr_options(lang, jobs, dpi, page_timeout, force_ocr, mode),
                                    output_type.value)
        for number, error in made.errors:
            typer.echo(f"vnplan: warning: {input}: page {number}: {error}", err=True)
        for warning in made.warnings:
            typer.echo(f"vnplan: warning: {input}: {warning}", err=True)
        return
    raw = ingest(input, _ocr_options(lang, jobs, dpi, page_timeout, force_ocr, mode))
    for page in raw.pages:
        if page.error:
            typer.echo(f"vnplan: warning: {input}: page {page.number}: {page.error}", err=True)
    text = raw.text
    write_text_or_stdout(output, text if text.endswith("\n") else text + "\n")


@app.command()
@_guard
def repair(
    input: Optional[Path] = typer.Argument(None, help="Text file (any common Vietnamese encoding); '-' or nothing for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (default: stdout)."),
    damage: Optional[str] = typer.Option(None, "--damage", help="Skip detection: clean, stripped, eng_ocr, legacy_font, vie_ocr."),
) -> None:
    """Repair damaged Vietnamese: restore diacritics, fix OCR junk, convert legacy encodings."""
    from vnplan.encoding import decode_bytes
    from vnplan.output import write_text_or_stdout
    from vnplan.repair import DAMAGE_KINDS, repair_text

    if damage is not None and damage not in DAMAGE_KINDS:
        raise typer.BadParameter(f"--damage must be one of {', '.join(DAMAGE_KINDS)}")
    if input is None or str(input) == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        from vnplan.ingest import check_path

        check_path(input)
        data = input.read_bytes()
        name = str(input)
    if not data.strip():
        raise InputError(name, "no text")
    try:
        text = decode_bytes(data).text
    except UnicodeError as exc:
        raise InputError(name, f"cannot decode as text ({exc})") from None
    write_text_or_stdout(output, repair_text(text, damage=damage).text)


@app.command()
@_guard
def extract(
    input: Path = typer.Argument(..., help="PDF, image, .txt (any common Vietnamese encoding) or .docx."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the JSON here (default: stdout)."),
    lang: str = LANG,
    jobs: int = JOBS,
    dpi: int = DPI,
    page_timeout: float = TIMEOUT,
    mode: OcrMode = MODE,
    html: Optional[Path] = typer.Option(None, "--html", help="Also write a page of the document: its text with every extracted span highlighted."),
) -> None:
    """One document to one JSON document (see `vnplan schema`)."""
    from vnplan.output import atomic_write_text, write_text_or_stdout
    from vnplan.pipeline import run

    document = run(input, _ocr_options(lang, jobs, dpi, page_timeout, mode=mode))
    if html is not None:
        from vnplan.report import render_document_page

        atomic_write_text(html, render_document_page(document))
    write_text_or_stdout(output, document.model_dump_json(indent=2) + "\n")


class Engine(str, Enum):
    local = "local"
    ray = "ray"


def _default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


@app.command()
@_guard
def batch(
    inputs: List[Path] = typer.Argument(..., help="Files and/or folders (walked recursively, links to folders not followed)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder: one JSON per document and index.jsonl."),
    jobs: int = typer.Option(None, "--jobs", "-j", help="Documents processed in parallel (default: the cores available)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local worker processes, or a Ray cluster (RAY_ADDRESS)."),
    resume: bool = typer.Option(False, "--resume", help="Skip documents already done with an unchanged sha256."),
    parquet: bool = typer.Option(False, "--parquet", help="Also write the tables of `vnplan export --format parquet`."),
    lang: str = LANG,
    dpi: int = DPI,
    page_timeout: float = TIMEOUT,
    mode: OcrMode = MODE,
    doc_timeout: float = typer.Option(900.0, "--doc-timeout", help="Seconds allowed for one document (its worker is killed after)."),
    max_memory: int = typer.Option(1536, "--max-memory", help="MiB of address space for one document's worker."),
    max_pages: int = typer.Option(2000, "--max-pages", help="Pages of one document."),
    max_pixels: float = typer.Option(60.0, "--max-pixels", help="Million pixels of one rendered page."),
    max_chars: int = typer.Option(5_000_000, "--max-chars", help="Characters of one document's text."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only failures and the summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per document."),
    log_file: Optional[Path] = typer.Option(None, "--log-file", help="Append one line per document to this file."),
) -> None:
    """Many documents: one JSON per document plus OUT/index.jsonl; failures recorded, never fatal.

    Exit 0 when every document was written, 4 when some failed, 3 when all failed, 5 when the
    output folder cannot be written (a full disk), 6 when a dependency is missing, 130/143 when
    interrupted (the index stays whole: `--resume` goes on from there).
    """
    from vnplan.batch import collect_inputs, run_batch
    from vnplan.batch.bounds import Bounds
    from vnplan.batch.progress import BatchProgress

    jobs = jobs if jobs is not None else _default_jobs()
    if jobs < 1:
        raise typer.BadParameter("--jobs must be at least 1")
    for name, value in (("--doc-timeout", doc_timeout), ("--max-memory", max_memory), ("--max-pages", max_pages),
                        ("--max-pixels", max_pixels), ("--max-chars", max_chars)):
        if value <= 0:
            raise typer.BadParameter(f"{name} must be positive")
    from dataclasses import replace

    options = replace(_ocr_options(lang, 1, dpi, page_timeout, mode=mode), max_pages=max_pages,
                      max_pixels=int(max_pixels * 1e6), max_chars=max_chars)
    bounds = Bounds(seconds=doc_timeout, memory=max_memory << 20, pages=max_pages, pixels=int(max_pixels * 1e6), chars=max_chars)
    total = len(collect_inputs(inputs))
    if total == 0:
        raise InputError(", ".join(map(str, inputs)), "no supported documents found")
    log = None
    if log_file is not None:
        try:
            log = log_file.open("a", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{log_file}: cannot write ({exc.strerror or exc})") from None
    try:
        with BatchProgress(total, quiet=quiet, verbose=verbose, log_file=log) as progress:
            result = run_batch(inputs, out, options, jobs, engine.value, resume, bounds,
                               on_start=progress.start, on_done=progress.finish, on_message=progress.message)
    finally:
        if log:
            log.close()
    if parquet:
        from vnplan.batch.export import export

        export(out, "parquet")
    failed = result.failed
    typer.echo(f"{result.ok} written, {len(result.skipped)} skipped (unchanged), {len(failed)} failed -> {out}/ (index: {out}/index.jsonl)")
    if failed:
        raise typer.Exit(int(ExitCode.batch_partial) if result.ok + len(result.skipped) else int(ExitCode.input_error))


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    sqlite = "sqlite"


@app.command()
@_guard
def export(
    folder: Path = typer.Argument(..., help="A batch output folder (with index.jsonl)."),
    format: ExportFormat = typer.Option(ExportFormat.sqlite, "--format", "-f", help="parquet, csv (a file per table) or sqlite."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="SQLite file, or folder for parquet/csv (default: FOLDER)."),
) -> None:
    """A batch's results as tables (documents, sections, references, deadlines, responsibilities, targets).

    The SQLite file has a full-text index `search` that matches with or without diacritics:
    SELECT doc_key, kind, text FROM search WHERE search MATCH 'quyet dinh 1258'.
    """
    from vnplan.batch.export import export as export_tables

    for path in export_tables(folder, format.value, output):
        typer.echo(str(path))


@app.command()
@_guard
def compare(
    input: Optional[Path] = typer.Argument(None, help="The plan to compare (any input `extract` takes, or its JSON output)."),
    against: str = typer.Option("auto", "--against", help="1258, 666, auto, or a reference plan file."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="REPORT.json, .md or .html (default: Markdown on stdout); "
                                          "with --batch: ARCHIVE.html (a page per plan beside it), .csv or .json."),
    batch: Optional[Path] = typer.Option(None, "--batch", help="A `vnplan batch` output folder: one row per plan (the archive view)."),
) -> None:
    """Compare a plan with a national plan (Decision 1258 or 666) or with any reference plan."""
    from vnplan.compare.command import compare_batch, compare_one

    if (input is None) == (batch is None):
        raise typer.BadParameter("give one plan, or --batch RESULTS_DIR")
    try:
        if batch is not None:
            compare_batch(batch, against, output)
        else:
            compare_one(input, against, output)
    except ValueError as exc:  # an unsupported report format
        raise typer.BadParameter(str(exc)) from None


@app.command()
def schema(
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (default: stdout)."),
) -> None:
    """The JSON Schema of the output document."""
    from vnplan.output import write_text_or_stdout
    from vnplan.models import json_schema

    write_text_or_stdout(output, json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")


def run() -> None:
    """Console entry point: usage errors exit 2 (click), our errors as documented above."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("vnplan: error: interrupted", err=True)
        sys.exit(int(ExitCode.interrupted))
