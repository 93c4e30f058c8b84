"""PDF/A-2b output (extract/pdfa.py, `vnplan ocr X -o Y.pdf --output-type pdfa`, the default):
inputs that can be PDF/A become PDF/A-2b that looks and reads as before; inputs with what PDF/A
forbids are written as they were, with a sentence saying why. No OCR but in one slow test (no
Ghostscript on PATH): the other OCR'd cases are in test_searchable_pdf.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, vnplan
from docs import VIETNAMESE
from pdfa_check import pdfa_claim, pdfa_problems
from synth import find_font, render_page

PRODUCER = "vnplan test"
PAGE = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nQUYẾT ĐỊNH\nVề việc ủy quyền cho Giám đốc Sở Công Thương"


# ---- inputs made on the fly ---------------------------------------------------------------------

def image_pdf(path: Path, mode: str = "RGB") -> Path:
    """An image-only page, as a copier or Pillow writes it (DeviceRGB, DeviceGray or DeviceCMYK)."""
    render_page(PAGE, size=44).convert(mode).save(path, resolution=300.0)
    return path


def dejavu_pdf(path: Path) -> Path:
    """A born-digital page whose only font is DejaVu Sans, embedded (reportlab's subset)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", find_font()))
    c = canvas.Canvas(str(path), pagesize=A4, initialFontName="DejaVu", initialFontSize=11)
    y = A4[1] - 72
    for line in VIETNAMESE.split("\n"):
        c.drawString(56, y, line)
        y -= 16
    c.showPage()
    c.save()
    return path


def helvetica_pdf(path: Path) -> Path:
    """A born-digital page in Helvetica, one of the standard 14 fonts, which is never embedded."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Ke hoach thuc hien nam 2026")
    c.showPage()
    c.save()
    return path


def _edited(path: Path, edit, **save) -> Path:
    import pikepdf

    source = dejavu_pdf(path.with_suffix(".src.pdf"))
    with pikepdf.open(source) as pdf:
        edit(pdf)
        pdf.save(path, **save)
    return path


def encrypted_pdf(path: Path) -> Path:
    """Owner restrictions with an empty user password: opens for anyone, printing not allowed."""
    import pikepdf

    return _edited(path, lambda pdf: None,
                   encryption=pikepdf.Encryption(owner="owner", user="", allow=pikepdf.Permissions(print_highres=False)))


def javascript_pdf(path: Path) -> Path:
    import pikepdf

    def edit(pdf):
        script = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('x');")))
        pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("a"), script])))

    return _edited(path, edit)


def hidden_note_pdf(path: Path) -> Path:
    """A sticky note with the Hidden flag (F=2): PDF/A forbids hidden annotations."""
    import pikepdf

    def edit(pdf):
        note = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text,
                                                    Rect=[100, 100, 120, 120], Contents=pikepdf.String("ghi chú"), F=2))
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([note]))

    return _edited(path, edit)


def signed_pdf(path: Path) -> Path:
    """A form that declares signatures (SigFlags 3), as the signed Lào Cai Công văn do."""
    import pikepdf

    def edit(pdf):
        pdf.Root.AcroForm = pdf.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array(), SigFlags=3))

    return _edited(path, edit)


def pdfa_of(path: Path, source: Path) -> Path:
    """``source`` made PDF/A by a first pass."""
    from vnplan.pdfa import make_pdfa

    path.write_bytes(make_pdfa(source.read_bytes(), PRODUCER).data)
    return path


# ---- helpers ------------------------------------------------------------------------------------

def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout.decode()


def renders(path: Path):
    import numpy as np
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [np.asarray(pdf[i].render(scale=100 / 72, grayscale=True).to_pil(), dtype=float) for i in range(len(pdf))]
    finally:
        pdf.close()


def pikepdf_verdict(path: Path) -> str:
    from pikepdf.pdfa import validate_written

    return validate_written(path, "2b").summary(5)


# ---- inputs that can be PDF/A-2b --------------------------------------------------------------

CONVERTIBLE = [
    ("copier scan, RGB", lambda p: image_pdf(p, "RGB")),
    ("scan, grey", lambda p: image_pdf(p, "L")),
    ("scan, black and white", lambda p: image_pdf(p, "1")),
    ("born digital, DejaVu embedded", dejavu_pdf),
    ("already PDF/A-2b", lambda p: pdfa_of(p, dejavu_pdf(p.with_suffix(".first.pdf")))),
]


@pytest.mark.parametrize("label, build", CONVERTIBLE, ids=[c[0] for c in CONVERTIBLE])
def test_convertible_input_becomes_pdfa_2b_that_looks_and_reads_the_same(tmp_path, label, build):
    from vnplan.pdfa import make_pdfa

    source = build(tmp_path / "in.pdf")
    assert pdfa_problems(source) != [] or label == "already PDF/A-2b"   # the checker sees the plain input
    made = make_pdfa(source.read_bytes(), PRODUCER)
    assert made.is_pdfa and made.why_not is None
    target = tmp_path / "out.pdf"
    target.write_bytes(made.data)
    assert pdfa_problems(target) == []
    assert pikepdf_verdict(target) == "PDF/A-2b: pass"
    assert pdfa_claim(target) == ("2", "B")
    assert pdftotext(target) == pdftotext(source)
    before, after = renders(source), renders(target)
    assert len(before) == len(after) and all((a == b).all() for a, b in zip(before, after))


def test_producer_recorded_in_info_and_xmp_alike(tmp_path):
    import pikepdf

    from vnplan.pdfa import make_pdfa

    target = tmp_path / "out.pdf"
    target.write_bytes(make_pdfa(dejavu_pdf(tmp_path / "in.pdf").read_bytes(), "vnplan 9.9").data)
    with pikepdf.open(target) as pdf:
        assert str(pdf.docinfo["/Producer"]) == "vnplan 9.9"
        assert pdf.open_metadata()["pdf:Producer"] == "vnplan 9.9"


# ---- inputs that cannot: written as they were, and why -----------------------------------------

NOT_CONVERTIBLE = [
    # (what the input has, its builder, words the reason must contain)
    ("encryption", encrypted_pdf, "encrypted"),
    ("document JavaScript", javascript_pdf, "JavaScript"),
    ("a hidden annotation", hidden_note_pdf, "hidden or non-viewable annotations (Text)"),
    ("a font not embedded", helvetica_pdf, "not embedded"),
    ("CMYK colour, RGB intent", lambda p: image_pdf(p, "CMYK"), "DeviceCMYK"),
]


@pytest.mark.parametrize("label, build, reason", NOT_CONVERTIBLE, ids=[c[0] for c in NOT_CONVERTIBLE])
def test_input_pdfa_forbids_is_kept_as_it_was_with_the_reason(tmp_path, label, build, reason):
    from vnplan.pdfa import make_pdfa

    source = build(tmp_path / "in.pdf")
    made = make_pdfa(source.read_bytes(), PRODUCER)
    assert not made.is_pdfa
    assert made.data == source.read_bytes()
    assert made.why_not.startswith("not PDF/A-2b: ") and reason in made.why_not, made.why_not
    assert made.why_not.endswith("written as a plain PDF")


def test_signed_input_is_left_alone_only_when_asked(tmp_path):
    from vnplan.pdfa import make_pdfa

    source = signed_pdf(tmp_path / "signed.pdf").read_bytes()
    kept = make_pdfa(source, PRODUCER, keep_signature=True)
    assert not kept.is_pdfa and kept.data == source and "digitally signed" in kept.why_not
    # with a text layer added the signature is already broken: then it is the form that decides
    rewritten = make_pdfa(source, PRODUCER, keep_signature=False)
    assert "digitally signed" not in (rewritten.why_not or "")


def test_missing_pdfa_support_or_a_failure_inside_it_never_fails_the_job(tmp_path, monkeypatch):
    import pikepdf.pdfa

    from vnplan.pdfa import make_pdfa

    source = dejavu_pdf(tmp_path / "in.pdf").read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the converter")

    monkeypatch.setattr(pikepdf.pdfa, "prepare", broken)
    made = make_pdfa(source, PRODUCER)
    assert not made.is_pdfa and made.data == source and "RuntimeError: a bug in the converter" in made.why_not
    monkeypatch.setitem(sys.modules, "pikepdf.pdfa", None)   # an old pikepdf, or its pdfa extra missing
    made = make_pdfa(source, PRODUCER)
    assert not made.is_pdfa and made.data == source and "pikepdf>=10.18 with its pdfa extra" in made.why_not


def test_checker_finds_what_each_plain_input_lacks(tmp_path):
    """The checker is not a rubber stamp: each plain input fails it for the reason it has."""
    found = {
        "no xmp": pdfa_problems(image_pdf(tmp_path / "scan.pdf")),
        "encrypted": pdfa_problems(encrypted_pdf(tmp_path / "enc.pdf")),
        "helvetica": pdfa_problems(helvetica_pdf(tmp_path / "helv.pdf")),
        "javascript": pdfa_problems(javascript_pdf(tmp_path / "js.pdf")),
    }
    assert any("no XMP metadata" in p for p in found["no xmp"])
    assert any("GTS_PDFA1" in p for p in found["no xmp"])
    assert any("encrypted" in p for p in found["encrypted"])
    assert any("font not embedded: Helvetica" in p for p in found["helvetica"])
    assert any("JavaScript" in p for p in found["javascript"])


def test_checker_sees_info_and_xmp_that_disagree(tmp_path):
    import pikepdf

    target = pdfa_of(tmp_path / "a.pdf", dejavu_pdf(tmp_path / "in.pdf"))
    assert pdfa_problems(target) == []
    with pikepdf.open(target, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Producer"] = "something else"   # Info changed behind the XMP's back
        pdf.save(target)
    assert any("/Producer" in p and "disagrees" in p for p in pdfa_problems(target))


# ---- the command ----------------------------------------------------------------------------------

def test_ocr_writes_pdfa_by_default_and_plain_pdf_when_asked(tmp_path):
    source = dejavu_pdf(tmp_path / "typed.pdf")
    result = vnplan("ocr", source, "-o", tmp_path / "a.pdf")
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()
    assert pdfa_problems(tmp_path / "a.pdf") == []
    assert pdftotext(tmp_path / "a.pdf") == pdftotext(source)
    result = vnplan("ocr", source, "-o", tmp_path / "plain.pdf", "--output-type", "pdf")
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "plain.pdf").read_bytes() == source.read_bytes()


def test_ocr_warns_and_keeps_encryption(tmp_path):
    import pikepdf

    source = encrypted_pdf(tmp_path / "restricted.pdf")
    result = vnplan("ocr", source, "-o", tmp_path / "out.pdf")
    assert result.returncode == 0, result.stderr.decode()
    assert "warning" in result.stderr.decode() and "not PDF/A-2b: the input is encrypted" in result.stderr.decode()
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        assert pdf.is_encrypted


def test_ocr_output_type_is_in_the_help_and_checked():
    assert "--output-type" in vnplan("ocr", "--help").stdout.decode()
    result = vnplan("ocr", "x.pdf", "-o", "y.pdf", "--output-type", "pdfx")
    assert result.returncode == 2 and b"pdfx" in result.stderr


def test_no_ghostscript_needed(tmp_path):
    """PDF/A is made with no program on PATH at all (so no gs): Ghostscript is only the bench's."""
    source = dejavu_pdf(tmp_path / "typed.pdf")
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "vnplan", "ocr", str(source), "-o", str(tmp_path / "a.pdf")],
                            capture_output=True, cwd=ROOT, env={**os.environ, "PATH": str(empty)}, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert pdfa_problems(tmp_path / "a.pdf") == []


@pytest.mark.slow
def test_scan_ocrd_and_made_pdfa_with_only_tesseract_on_path(tmp_path):
    """The whole path, OCR included, with PATH holding tesseract alone: no gs, no qpdf binary."""
    import shutil

    source = image_pdf(tmp_path / "scan.pdf")
    only = tmp_path / "bin"
    only.mkdir()
    (only / "tesseract").symlink_to(shutil.which("tesseract"))
    result = subprocess.run([sys.executable, "-m", "vnplan", "ocr", str(source), "-o", str(tmp_path / "a.pdf")],
                            capture_output=True, cwd=ROOT, env={**os.environ, "PATH": str(only)}, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    assert pdfa_problems(tmp_path / "a.pdf") == []
    assert "QUYẾT ĐỊNH" in pdftotext(tmp_path / "a.pdf")


# ---- the repairs that change nothing drawn --------------------------------------------------------

def _two_pages(shared: bool, form_without_resources: bool = False):
    """Two pages selecting /FA and /FB; /FC is listed but never selected."""
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))

    def resources():
        fonts = pikepdf.Dictionary(FA=font, FB=font, FC=font)
        res = pikepdf.Dictionary(Font=fonts)
        if form_without_resources:
            form = pdf.make_stream(b"BT /FC 9 Tf (z) Tj ET", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                   BBox=[0, 0, 10, 10])
            res.XObject = pikepdf.Dictionary(X0=form)
        return res

    common = pdf.make_indirect(resources())
    for name in ("FA", "FB"):
        page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 200, 200],
                                               Resources=common if shared else resources(),
                                               Contents=pdf.make_stream(f"BT /{name} 12 Tf (x) Tj ET".encode())))
        pdf.pages.append(page)
    return pdf


@pytest.mark.parametrize("shared, form_without_resources, expected", [
    (True, False, [{"/FA", "/FB"}, {"/FA", "/FB"}]),   # shared: what either page selects stays
    (False, False, [{"/FA"}, {"/FB"}]),                # each page its own: only its own font stays
    (False, True, [{"/FA", "/FB", "/FC"}] * 2),        # a form may draw with the page's fonts: none touched
])
def test_fonts_no_content_selects_are_dropped(shared, form_without_resources, expected):
    from vnplan.pdfa import _drop_unused_page_fonts

    pdf = _two_pages(shared, form_without_resources)
    _drop_unused_page_fonts(pdf)
    assert [set(page.obj.Resources.Font.keys()) for page in pdf.pages] == expected


def test_only_non_resource_keys_and_empty_transitions_are_dropped():
    import pikepdf

    from vnplan.pdfa import _drop_empty_transitions, _drop_unknown_resource_keys

    pdf = _two_pages(shared=False)
    first, second = pdf.pages
    first.obj.Resources.Subtype = pdf.make_stream(b"ceNG noa xA Her")   # the Latin OCR engine's leftover
    first.obj.Resources.ProcSet = pikepdf.Array([pikepdf.Name.PDF, pikepdf.Name.Text])
    first.obj.Trans = pikepdf.Dictionary()
    second.obj.Trans = pikepdf.Dictionary(S=pikepdf.Name.Dissolve)   # a real transition is kept
    _drop_unknown_resource_keys(pdf)
    _drop_empty_transitions(pdf)
    assert set(first.obj.Resources.keys()) == {"/Font", "/ProcSet"}
    assert "/Trans" not in first.obj and second.obj.Trans.S == "/Dissolve"


# ---- real born-digital documents (../shared/realdocs, SOURCES.md): nothing to OCR ------------------

REALDOCS = ROOT.parent / "shared" / "realdocs"
REAL_KEPT = [
    # (document, why it stays a plain PDF)
    ("lc-cv-2826", "the input is digitally signed"),   # the Lào Cai signing system's Công văn
    ("lc-pc-466", "/CIDSet on a CIDFontType2 subset is not checked"),   # sloppy font programs too
]


@pytest.mark.parametrize("doc, reason", REAL_KEPT)
def test_real_document_kept_byte_for_byte_with_one_warning_line(tmp_path, doc, reason):
    source = REALDOCS / f"{doc}.pdf"
    if not source.exists():
        pytest.skip("../shared/realdocs is absent")
    result = vnplan("ocr", source, "-o", tmp_path / "out.pdf")
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "out.pdf").read_bytes() == source.read_bytes()
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"vnplan: warning: {source}: not PDF/A-2b: ") and reason in lines[0]
